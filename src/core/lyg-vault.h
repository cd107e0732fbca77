/* lyg-vault.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lyg-crypto.h"
#include "lyg-envelope.h"
#include "lyg-hlc.h"
#include "lyg-index.h"
#include "lyg-record.h"
#include "lyg-store.h"

G_BEGIN_DECLS

#define LYG_TYPE_VAULT (lyg_vault_get_type ())

G_DECLARE_FINAL_TYPE (LygVault, lyg_vault, LYG, VAULT, GObject)

char        *lyg_vault_default_path        (void);
LygVault    *lyg_vault_create              (const char          *path,
                                            const char          *passphrase,
                                            const LygKdfParams  *params,
                                            GError             **error);
LygVault    *lyg_vault_open                (const char          *path,
                                            GError             **error);
const char  *lyg_vault_get_path            (LygVault            *self);
const char  *lyg_vault_get_device_id       (LygVault            *self);
gboolean     lyg_vault_get_unlocked        (LygVault            *self);
gboolean     lyg_vault_unlock              (LygVault            *self,
                                            const char          *passphrase,
                                            GError             **error);
void         lyg_vault_unlock_async        (LygVault            *self,
                                            const char          *passphrase,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean     lyg_vault_unlock_finish       (LygVault            *self,
                                            GAsyncResult        *result,
                                            GError             **error);
void         lyg_vault_lock                (LygVault            *self);
gboolean     lyg_vault_change_passphrase   (LygVault            *self,
                                            const char          *old_passphrase,
                                            const char          *new_passphrase,
                                            const LygKdfParams  *params,
                                            GError             **error);
LygStore    *lyg_vault_get_store           (LygVault            *self);
LygIndex    *lyg_vault_get_index           (LygVault            *self);
LygHlc      *lyg_vault_get_clock           (LygVault            *self);
LygRecord   *lyg_vault_get_record          (LygVault            *self,
                                            const char          *id,
                                            GError             **error);
gboolean     lyg_vault_save_record         (LygVault            *self,
                                            LygRecord           *record,
                                            GError             **error);
gboolean     lyg_vault_save_records        (LygVault            *self,
                                            GPtrArray           *records,
                                            GError             **error);
void         lyg_vault_wait_indexed        (LygVault            *self);
gboolean     lyg_vault_delete_record       (LygVault            *self,
                                            const char          *id,
                                            GError             **error);
gboolean     lyg_vault_merge_envelopes     (LygVault            *self,
                                            GPtrArray           *envelopes,
                                            guint               *n_conflicts,
                                            GError             **error);
gboolean     lyg_vault_add_team_key        (LygVault            *self,
                                            const char          *key_id,
                                            const LygKey        *key,
                                            gboolean             make_active,
                                            GError             **error);
LygKey      *lyg_vault_dup_team_key        (LygVault            *self,
                                            const char          *key_id);
const char  *lyg_vault_get_active_key_id   (LygVault            *self);
gboolean     lyg_vault_set_secret          (LygVault            *self,
                                            const char          *name,
                                            GBytes              *value,
                                            GError             **error);
GBytes      *lyg_vault_get_secret          (LygVault            *self,
                                            const char          *name,
                                            GError             **error);
gboolean     lyg_vault_reseal_all          (LygVault            *self,
                                            GError             **error);
gboolean     lyg_vault_destroy_keys        (LygVault            *self,
                                            GError             **error);

G_END_DECLS
