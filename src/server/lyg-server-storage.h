/* lyg-server-storage.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "lyg-protocol.h"

G_BEGIN_DECLS

#define LYG_SERVER_STORAGE_ERROR (lyg_server_storage_error_quark ())

typedef enum
{
  LYG_SERVER_STORAGE_ERROR_FAILED,
  LYG_SERVER_STORAGE_ERROR_NOT_FOUND,      /* unknown code, token or device */
  LYG_SERVER_STORAGE_ERROR_CODE_EXPIRED,
  LYG_SERVER_STORAGE_ERROR_CODE_USED,
  LYG_SERVER_STORAGE_ERROR_EXISTS,         /* device id already enrolled */
  LYG_SERVER_STORAGE_ERROR_VERSION,        /* database from a newer server */
} LygServerStorageError;

/* One row of the audit log. Times are unix seconds. */
typedef struct
{
  gint64  id;
  gint64  time;
  char   *event;     /* "enroll", "enroll_failed", "revoke", "rejected", ... */
  char   *device;    /* nullable */
  char   *address;   /* nullable */
  char   *detail;    /* nullable; never a secret */
} LygServerAuditEntry;

#define LYG_TYPE_SERVER_STORAGE (lyg_server_storage_get_type ())

G_DECLARE_INTERFACE (LygServerStorage, lyg_server_storage, LYG, SERVER_STORAGE, GObject)

/* Everything the server keeps. Implementations must be safe to call from
 * more than one thread (the server may run on its own thread while an
 * admin command or a test uses the same object) and must keep every write
 * atomic. Secrets never reach the storage: codes and tokens arrive as
 * SHA-256 hex digests.
 */
struct _LygServerStorageInterface
{
  GTypeInterface parent_iface;

  gboolean        (*push)          (LygServerStorage  *self,
                                    GPtrArray         *envelopes,
                                    const char        *pushed_by,
                                    gint64             now,
                                    GArray            *seqs,
                                    gint64            *head,
                                    GError           **error);
  GPtrArray      *(*pull)          (LygServerStorage  *self,
                                    gint64             since,
                                    guint              limit,
                                    gsize              max_bytes,
                                    gboolean          *more,
                                    gint64            *head,
                                    GError           **error);
  gboolean        (*add_code)      (LygServerStorage  *self,
                                    const char        *code_hash,
                                    const char        *name,
                                    LygRole            role,
                                    gint64             created,
                                    gint64             expires,
                                    const char        *created_by,
                                    GError           **error);
  LygDeviceInfo  *(*redeem_code)   (LygServerStorage  *self,
                                    const char        *code_hash,
                                    const char        *device_id,
                                    const char        *device_name,
                                    const char        *token_hash,
                                    gint64             now,
                                    GError           **error);
  LygDeviceInfo  *(*lookup_token)  (LygServerStorage  *self,
                                    const char        *token_hash,
                                    GError           **error);
  GPtrArray      *(*list_devices)  (LygServerStorage  *self,
                                    GError           **error);
  gboolean        (*revoke_device) (LygServerStorage  *self,
                                    const char        *device_id,
                                    gint64             now,
                                    GError           **error);
  gboolean        (*touch_device)  (LygServerStorage  *self,
                                    const char        *device_id,
                                    gint64             now,
                                    GError           **error);
  gboolean        (*add_audit)     (LygServerStorage  *self,
                                    gint64             now,
                                    const char        *event,
                                    const char        *device_id,
                                    const char        *address,
                                    const char        *detail,
                                    GError           **error);
  GPtrArray      *(*list_audit)    (LygServerStorage  *self,
                                    gint64             after_id,
                                    guint              limit,
                                    GError           **error);
  char           *(*get_team_id)   (LygServerStorage  *self,
                                    GError           **error);
  /* Erasure: push() stores an envelope whose erase flag is set and drops
   * every other revision of its record id, for good (no copy may stay in
   * free pages or logs); later revisions of that id are not stored and
   * are answered with the tombstone's seq. was_purged() tells whether a
   * dropped revision sat at @seq. */
  gboolean        (*was_purged)    (LygServerStorage  *self,
                                    gint64             seq,
                                    GError           **error);
};

GQuark          lyg_server_storage_error_quark   (void);

gboolean        lyg_server_storage_push          (LygServerStorage  *self,
                                                  GPtrArray         *envelopes,
                                                  const char        *pushed_by,
                                                  gint64             now,
                                                  GArray            *seqs,
                                                  gint64            *head,
                                                  GError           **error);
GPtrArray      *lyg_server_storage_pull          (LygServerStorage  *self,
                                                  gint64             since,
                                                  guint              limit,
                                                  gsize              max_bytes,
                                                  gboolean          *more,
                                                  gint64            *head,
                                                  GError           **error);
gboolean        lyg_server_storage_add_code      (LygServerStorage  *self,
                                                  const char        *code_hash,
                                                  const char        *name,
                                                  LygRole            role,
                                                  gint64             created,
                                                  gint64             expires,
                                                  const char        *created_by,
                                                  GError           **error);
LygDeviceInfo  *lyg_server_storage_redeem_code   (LygServerStorage  *self,
                                                  const char        *code_hash,
                                                  const char        *device_id,
                                                  const char        *device_name,
                                                  const char        *token_hash,
                                                  gint64             now,
                                                  GError           **error);
LygDeviceInfo  *lyg_server_storage_lookup_token  (LygServerStorage  *self,
                                                  const char        *token_hash,
                                                  GError           **error);
GPtrArray      *lyg_server_storage_list_devices  (LygServerStorage  *self,
                                                  GError           **error);
gboolean        lyg_server_storage_revoke_device (LygServerStorage  *self,
                                                  const char        *device_id,
                                                  gint64             now,
                                                  GError           **error);
gboolean        lyg_server_storage_touch_device  (LygServerStorage  *self,
                                                  const char        *device_id,
                                                  gint64             now,
                                                  GError           **error);
gboolean        lyg_server_storage_add_audit     (LygServerStorage  *self,
                                                  gint64             now,
                                                  const char        *event,
                                                  const char        *device_id,
                                                  const char        *address,
                                                  const char        *detail,
                                                  GError           **error);
GPtrArray      *lyg_server_storage_list_audit    (LygServerStorage  *self,
                                                  gint64             after_id,
                                                  guint              limit,
                                                  GError           **error);
char           *lyg_server_storage_get_team_id   (LygServerStorage  *self,
                                                  GError           **error);
gboolean        lyg_server_storage_was_purged    (LygServerStorage  *self,
                                                  gint64             seq,
                                                  GError           **error);

/* Helpers over the interface: they make the secrets and hand the storage
 * only their hashes.
 */
char           *lyg_server_storage_create_code   (LygServerStorage  *self,
                                                  const char        *name,
                                                  LygRole            role,
                                                  gint64             now,
                                                  gint64             expires,
                                                  const char        *created_by,
                                                  GError           **error);
char           *lyg_server_storage_enroll        (LygServerStorage  *self,
                                                  const char        *code,
                                                  const char        *device_id,
                                                  const char        *device_name,
                                                  gint64             now,
                                                  LygDeviceInfo    **device,
                                                  GError           **error);
LygDeviceInfo  *lyg_server_storage_authenticate  (LygServerStorage  *self,
                                                  const char        *token,
                                                  GError           **error);
char           *lyg_server_hash_secret           (const char        *secret);

void            lyg_server_audit_entry_free      (LygServerAuditEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LygServerAuditEntry, lyg_server_audit_entry_free)

G_END_DECLS
