/* lyg-vault-private.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-vault.h"

G_BEGIN_DECLS

#define VAULT_FORMAT      "lygte-vault/1"
#define META_FORMAT       "vault.format"
#define META_DEVICE       "device.id"
#define META_SALT         "kdf.salt"
#define META_OPS          "kdf.ops"
#define META_MEM          "kdf.mem"
#define META_VAULT_KEY    "vault.key"
#define META_REVOKED      "vault.keys-destroyed"
#define META_TEAM_PREFIX  "teamkey."
#define META_TEAM_ACTIVE  "teamkey-active"
#define META_SECRET       "secret."

struct _LygVault
{
  GObject     parent_instance;

  char       *path;
  LygStore   *store;
  char       *device_id;
  LygHlc     *clock;

  /* Present only while unlocked */
  LygKey     *vault_key;
  GHashTable *team_keys;     /* key id → LygKey */
  char       *active_key_id;
  LygIndex   *index;

  /* Indexing that goes on after a bulk save returned */
  GThread    *catchup;
  GPtrArray  *catchup_rows;
  GPtrArray  *catchup_ids;
  gint        catchup_cancel;

  guint       busy : 1;
};

/* lyg-vault.c */
LygRecord  *_lyg_vault_open_record         (GHashTable         *team_keys,
                                            const LygEnvelope  *envelope,
                                            GError            **error);
void        _lyg_vault_emit_changed        (LygVault           *self,
                                            GPtrArray          *ids);
void        _lyg_vault_notify_unlocked     (LygVault           *self);

/* lyg-vault-keys.c */
GHashTable *_lyg_vault_team_keys_new       (void);
GBytes     *_lyg_vault_bytes_from_string   (const char         *s);
char       *_lyg_vault_meta_string         (LygStore           *store,
                                            const char         *key,
                                            GError            **error);
gboolean    _lyg_vault_set_meta_string     (LygStore           *store,
                                            const char         *key,
                                            const char         *value,
                                            GError            **error);
char       *_lyg_vault_team_key_ad         (const char         *key_id);
char       *_lyg_vault_secret_ad           (const char         *name);
gboolean    _lyg_vault_require_unlocked    (LygVault           *self,
                                            GError            **error);
void        _lyg_vault_set_corrupt         (GError            **error,
                                            const char         *what);
gboolean    _lyg_vault_write_kdf_and_key   (LygStore           *store,
                                            const char         *passphrase,
                                            const LygKdfParams *params,
                                            const LygKey       *vault_key,
                                            GError            **error);
LygKey     *_lyg_vault_unwrap_vault_key    (LygStore           *store,
                                            const char         *passphrase,
                                            GError            **error);
gboolean    _lyg_vault_load_team_keys      (LygStore           *store,
                                            const LygKey       *vault_key,
                                            GHashTable         *team_keys,
                                            char              **active,
                                            GError            **error);

/* lyg-vault-save.c */
void        _lyg_vault_cancel_catchup      (LygVault           *self);

G_END_DECLS
