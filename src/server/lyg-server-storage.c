/* lyg-server-storage.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lygte-server"

#include "config.h"

#include <string.h>

#include "lyg-crypto.h"
#include "lyg-hlc.h"
#include "lyg-server-storage.h"

G_DEFINE_QUARK (lyg-server-storage-error-quark, lyg_server_storage_error)

G_DEFINE_INTERFACE (LygServerStorage, lyg_server_storage, G_TYPE_OBJECT)

static void
lyg_server_storage_default_init (LygServerStorageInterface *iface)
{
}

#define CALL_VFUNC(self, name, fallback, ...)                                     \
  G_STMT_START {                                                                 \
    LygServerStorageInterface *iface = LYG_SERVER_STORAGE_GET_IFACE (self);      \
    if (iface->name == NULL)                                                     \
      {                                                                          \
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,                \
                     "%s does not implement " #name, G_OBJECT_TYPE_NAME (self)); \
        return fallback;                                                         \
      }                                                                          \
    return iface->name (self, __VA_ARGS__);                                      \
  } G_STMT_END

gboolean
lyg_server_storage_push (LygServerStorage  *self,
                         GPtrArray         *envelopes,
                         const char        *pushed_by,
                         gint64             now,
                         GArray            *seqs,
                         gint64            *head,
                         GError           **error)
{
  g_return_val_if_fail (LYG_IS_SERVER_STORAGE (self), FALSE);
  g_return_val_if_fail (envelopes != NULL, FALSE);
  g_return_val_if_fail (lyg_device_id_is_valid (pushed_by), FALSE);
  g_return_val_if_fail (seqs != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  CALL_VFUNC (self, push, FALSE, envelopes, pushed_by, now, seqs, head, error);
}

GPtrArray *
lyg_server_storage_pull (LygServerStorage  *self,
                         gint64             since,
                         guint              limit,
                         gsize              max_bytes,
                         gboolean          *more,
                         gint64            *head,
                         GError           **error)
{
  g_return_val_if_fail (LYG_IS_SERVER_STORAGE (self), NULL);
  g_return_val_if_fail (since >= 0, NULL);
  g_return_val_if_fail (limit > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  CALL_VFUNC (self, pull, NULL, since, limit, max_bytes, more, head, error);
}

gboolean
lyg_server_storage_add_code (LygServerStorage  *self,
                             const char        *code_hash,
                             const char        *name,
                             LygRole            role,
                             gint64             created,
                             gint64             expires,
                             const char        *created_by,
                             GError           **error)
{
  g_return_val_if_fail (LYG_IS_SERVER_STORAGE (self), FALSE);
  g_return_val_if_fail (code_hash != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  CALL_VFUNC (self, add_code, FALSE, code_hash, name, role, created, expires, created_by, error);
}

LygDeviceInfo *
lyg_server_storage_redeem_code (LygServerStorage  *self,
                                const char        *code_hash,
                                const char        *device_id,
                                const char        *device_name,
                                const char        *token_hash,
                                gint64             now,
                                GError           **error)
{
  g_return_val_if_fail (LYG_IS_SERVER_STORAGE (self), NULL);
  g_return_val_if_fail (code_hash != NULL, NULL);
  g_return_val_if_fail (lyg_device_id_is_valid (device_id), NULL);
  g_return_val_if_fail (token_hash != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  CALL_VFUNC (self, redeem_code, NULL, code_hash, device_id,
              device_name ? device_name : "", token_hash, now, error);
}

LygDeviceInfo *
lyg_server_storage_lookup_token (LygServerStorage  *self,
                                 const char        *token_hash,
                                 GError           **error)
{
  g_return_val_if_fail (LYG_IS_SERVER_STORAGE (self), NULL);
  g_return_val_if_fail (token_hash != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  CALL_VFUNC (self, lookup_token, NULL, token_hash, error);
}

GPtrArray *
lyg_server_storage_list_devices (LygServerStorage  *self,
                                 GError           **error)
{
  g_return_val_if_fail (LYG_IS_SERVER_STORAGE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  CALL_VFUNC (self, list_devices, NULL, error);
}

gboolean
lyg_server_storage_revoke_device (LygServerStorage  *self,
                                  const char        *device_id,
                                  gint64             now,
                                  GError           **error)
{
  g_return_val_if_fail (LYG_IS_SERVER_STORAGE (self), FALSE);
  g_return_val_if_fail (device_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  CALL_VFUNC (self, revoke_device, FALSE, device_id, now, error);
}

gboolean
lyg_server_storage_touch_device (LygServerStorage  *self,
                                 const char        *device_id,
                                 gint64             now,
                                 GError           **error)
{
  g_return_val_if_fail (LYG_IS_SERVER_STORAGE (self), FALSE);
  g_return_val_if_fail (device_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  CALL_VFUNC (self, touch_device, FALSE, device_id, now, error);
}

gboolean
lyg_server_storage_add_audit (LygServerStorage  *self,
                              gint64             now,
                              const char        *event,
                              const char        *device_id,
                              const char        *address,
                              const char        *detail,
                              GError           **error)
{
  g_return_val_if_fail (LYG_IS_SERVER_STORAGE (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  CALL_VFUNC (self, add_audit, FALSE, now, event, device_id, address, detail, error);
}

GPtrArray *
lyg_server_storage_list_audit (LygServerStorage  *self,
                               gint64             after_id,
                               guint              limit,
                               GError           **error)
{
  g_return_val_if_fail (LYG_IS_SERVER_STORAGE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  CALL_VFUNC (self, list_audit, NULL, after_id, limit, error);
}

char *
lyg_server_storage_get_team_id (LygServerStorage  *self,
                                GError           **error)
{
  g_return_val_if_fail (LYG_IS_SERVER_STORAGE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  CALL_VFUNC (self, get_team_id, NULL, error);
}

gboolean
lyg_server_storage_was_purged (LygServerStorage  *self,
                               gint64             seq,
                               GError           **error)
{
  g_return_val_if_fail (LYG_IS_SERVER_STORAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  CALL_VFUNC (self, was_purged, FALSE, seq, error);
}

char *
lyg_server_hash_secret (const char *secret)
{
  g_return_val_if_fail (secret != NULL, NULL);

  return lyg_crypto_sha256_hex ((const guint8 *) secret, strlen (secret));
}

/**
 * lyg_server_storage_create_code:
 *
 * Makes a new single-use enrollment code valid until @expires and stores
 * its hash. Returns the code formatted for people (groups of four); the
 * storage never sees it.
 */
char *
lyg_server_storage_create_code (LygServerStorage  *self,
                                const char        *name,
                                LygRole            role,
                                gint64             now,
                                gint64             expires,
                                const char        *created_by,
                                GError           **error)
{
  g_autofree char *code = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (LYG_IS_SERVER_STORAGE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  code = lyg_crypto_random_hex (LYG_PROTOCOL_CODE_HEX / 2);
  hash = lyg_server_hash_secret (code);

  if (!lyg_server_storage_add_code (self, hash, name, role, now, expires, created_by, error))
    return NULL;

  return lyg_protocol_format_code (code);
}

/**
 * lyg_server_storage_enroll:
 *
 * Redeems @code for @device_id and issues a bearer token, which is
 * returned; only its hash is stored. Fails with
 * %LYG_SERVER_STORAGE_ERROR_NOT_FOUND for an unknown or misspelt code,
 * %LYG_SERVER_STORAGE_ERROR_CODE_EXPIRED, %LYG_SERVER_STORAGE_ERROR_CODE_USED
 * or %LYG_SERVER_STORAGE_ERROR_EXISTS; the code stays unused on failure.
 */
char *
lyg_server_storage_enroll (LygServerStorage  *self,
                           const char        *code,
                           const char        *device_id,
                           const char        *device_name,
                           gint64             now,
                           LygDeviceInfo    **device,
                           GError           **error)
{
  g_autofree char *normal = NULL;
  g_autofree char *code_hash = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token_hash = NULL;
  g_autoptr(LygDeviceInfo) info = NULL;

  g_return_val_if_fail (LYG_IS_SERVER_STORAGE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (lyg_device_id_is_valid (device_id), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  normal = lyg_protocol_normalize_code (code);
  if (normal == NULL)
    {
      g_set_error_literal (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_NOT_FOUND,
                           "Not an enrollment code");
      return NULL;
    }

  code_hash = lyg_server_hash_secret (normal);
  token = lyg_crypto_random_hex (LYG_PROTOCOL_TOKEN_HEX / 2);
  token_hash = lyg_server_hash_secret (token);

  info = lyg_server_storage_redeem_code (self, code_hash, device_id, device_name,
                                         token_hash, now, error);
  if (info == NULL)
    return NULL;

  if (device != NULL)
    *device = g_steal_pointer (&info);

  return g_steal_pointer (&token);
}

/**
 * lyg_server_storage_authenticate:
 *
 * Looks up the device a bearer token belongs to. Revoked devices are
 * returned too (with revoked set), so the caller can tell them apart.
 * Fails with %LYG_SERVER_STORAGE_ERROR_NOT_FOUND for an unknown token.
 */
LygDeviceInfo *
lyg_server_storage_authenticate (LygServerStorage  *self,
                                 const char        *token,
                                 GError           **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (LYG_IS_SERVER_STORAGE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!lyg_protocol_token_is_valid (token))
    {
      g_set_error_literal (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_NOT_FOUND,
                           "Not a token");
      return NULL;
    }

  hash = lyg_server_hash_secret (token);

  return lyg_server_storage_lookup_token (self, hash, error);
}

void
lyg_server_audit_entry_free (LygServerAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->event);
  g_free (entry->device);
  g_free (entry->address);
  g_free (entry->detail);
  g_free (entry);
}
