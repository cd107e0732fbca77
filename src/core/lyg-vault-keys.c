/* lyg-vault-keys.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-vault"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lyg-vault-private.h"

/* Key hierarchy (DESIGN §4):
 *   passphrase --Argon2id(salt, params)--> KEK --unwraps--> vault key
 *   vault key --unwraps--> team keys, device secrets (sync token)
 *   team key --seals--> record envelopes
 * The header (salt, params, wrapped keys) lives in the store's meta table.
 */

GHashTable *
_lyg_vault_team_keys_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) lyg_key_free);
}

GBytes *
_lyg_vault_bytes_from_string (const char *s)
{
  return g_bytes_new (s, strlen (s));
}

char *
_lyg_vault_meta_string (LygStore    *store,
                        const char  *key,
                        GError     **error)
{
  g_autoptr(GBytes) value = lyg_store_get_meta (store, key, error);

  if (value == NULL)
    return NULL;

  return g_strndup (g_bytes_get_data (value, NULL), g_bytes_get_size (value));
}

gboolean
_lyg_vault_set_meta_string (LygStore    *store,
                            const char  *key,
                            const char  *value,
                            GError     **error)
{
  g_autoptr(GBytes) bytes = _lyg_vault_bytes_from_string (value);

  return lyg_store_set_meta (store, key, bytes, error);
}

char *
_lyg_vault_team_key_ad (const char *key_id)
{
  return g_strconcat (LYG_ENVELOPE_FORMAT "|team-key|", key_id, NULL);
}

char *
_lyg_vault_secret_ad (const char *name)
{
  return g_strconcat (LYG_ENVELOPE_FORMAT "|secret|", name, NULL);
}

gboolean
_lyg_vault_require_unlocked (LygVault  *self,
                             GError   **error)
{
  if (self->vault_key == NULL || self->busy)
    {
      g_set_error_literal (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_LOCKED,
                           _("The vault is locked"));
      return FALSE;
    }

  return TRUE;
}

void
_lyg_vault_set_corrupt (GError     **error,
                        const char  *what)
{
  g_set_error (error, LYG_STORE_ERROR, LYG_STORE_ERROR_CORRUPT,
               _("The vault header is damaged (%s)"), what);
}

static gboolean
read_kdf (LygStore      *store,
          GBytes       **salt,
          LygKdfParams  *params,
          GError       **error)
{
  g_autofree char *ops = NULL;
  g_autofree char *mem = NULL;
  guint64 o = 0, m = 0;

  *salt = lyg_store_get_meta (store, META_SALT, NULL);
  ops = _lyg_vault_meta_string (store, META_OPS, NULL);
  mem = _lyg_vault_meta_string (store, META_MEM, NULL);

  if (*salt == NULL || ops == NULL || mem == NULL ||
      g_bytes_get_size (*salt) != LYG_SALT_BYTES ||
      !g_ascii_string_to_unsigned (ops, 10, 1, G_MAXUINT32, &o, NULL) ||
      !g_ascii_string_to_unsigned (mem, 10, 1, G_MAXUINT64, &m, NULL))
    {
      _lyg_vault_set_corrupt (error, "kdf");
      return FALSE;
    }

  params->opslimit = o;
  params->memlimit = m;
  if (!lyg_kdf_params_are_sane (params))
    {
      _lyg_vault_set_corrupt (error, "kdf");
      return FALSE;
    }

  return TRUE;
}

gboolean
_lyg_vault_write_kdf_and_key (LygStore            *store,
                              const char          *passphrase,
                              const LygKdfParams  *params,
                              const LygKey        *vault_key,
                              GError             **error)
{
  g_autoptr(GBytes) salt = lyg_crypto_random_bytes (LYG_SALT_BYTES);
  g_autoptr(LygKey) kek = NULL;
  g_autoptr(GBytes) wrapped = NULL;
  g_autofree char *ops = NULL;
  g_autofree char *mem = NULL;

  kek = lyg_crypto_derive_key (passphrase, g_bytes_get_data (salt, NULL), LYG_SALT_BYTES,
                               params, error);
  if (kek == NULL)
    return FALSE;

  wrapped = lyg_crypto_seal (kek, lyg_key_peek (vault_key), LYG_KEY_BYTES,
                             LYG_ENVELOPE_FORMAT "|vault-key");
  ops = g_strdup_printf ("%" G_GUINT64_FORMAT, params->opslimit);
  mem = g_strdup_printf ("%" G_GUINT64_FORMAT, params->memlimit);

  return lyg_store_set_meta (store, META_SALT, salt, error) &&
         _lyg_vault_set_meta_string (store, META_OPS, ops, error) &&
         _lyg_vault_set_meta_string (store, META_MEM, mem, error) &&
         lyg_store_set_meta (store, META_VAULT_KEY, wrapped, error);
}

LygKey *
_lyg_vault_unwrap_vault_key (LygStore    *store,
                             const char  *passphrase,
                             GError     **error)
{
  g_autoptr(GBytes) salt = NULL;
  g_autoptr(GBytes) wrapped = NULL;
  g_autoptr(LygKey) kek = NULL;
  g_autoptr(GBytes) revoked = NULL;
  LygKdfParams params;
  LygKey *vault_key;

  revoked = lyg_store_get_meta (store, META_REVOKED, NULL);
  if (revoked != NULL)
    {
      g_set_error_literal (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_KEYS_DESTROYED,
                           _("This device was removed from its team and its keys were "
                             "erased. The records in this vault can no longer be read."));
      return NULL;
    }

  if (!read_kdf (store, &salt, &params, error))
    return NULL;

  wrapped = lyg_store_get_meta (store, META_VAULT_KEY, NULL);
  if (wrapped == NULL)
    {
      _lyg_vault_set_corrupt (error, "key");
      return NULL;
    }

  kek = lyg_crypto_derive_key (passphrase, g_bytes_get_data (salt, NULL), LYG_SALT_BYTES,
                               &params, error);
  if (kek == NULL)
    return NULL;

  vault_key = lyg_crypto_open_key (kek, wrapped, LYG_ENVELOPE_FORMAT "|vault-key", NULL);
  if (vault_key == NULL)
    g_set_error_literal (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_BAD_PASSPHRASE,
                         _("Wrong passphrase"));

  return vault_key;
}

gboolean
_lyg_vault_load_team_keys (LygStore     *store,
                           const LygKey *vault_key,
                           GHashTable   *team_keys,
                           char        **active,
                           GError      **error)
{
  g_auto(GStrv) keys = lyg_store_list_meta (store, META_TEAM_PREFIX, error);

  if (keys == NULL)
    return FALSE;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *key_id = keys[i] + strlen (META_TEAM_PREFIX);
      g_autoptr(GBytes) wrapped = lyg_store_get_meta (store, keys[i], error);
      g_autofree char *ad = _lyg_vault_team_key_ad (key_id);
      LygKey *key;

      if (wrapped == NULL)
        return FALSE;
      if (!(key = lyg_crypto_open_key (vault_key, wrapped, ad, NULL)))
        {
          _lyg_vault_set_corrupt (error, "team key");
          return FALSE;
        }
      g_hash_table_insert (team_keys, g_strdup (key_id), key);
    }

  *active = _lyg_vault_meta_string (store, META_TEAM_ACTIVE, NULL);
  if (*active == NULL || !g_hash_table_contains (team_keys, *active))
    {
      _lyg_vault_set_corrupt (error, "active team key");
      return FALSE;
    }

  return TRUE;
}

gboolean
lyg_vault_add_team_key (LygVault      *self,
                        const char    *key_id,
                        const LygKey  *key,
                        gboolean       make_active,
                        GError       **error)
{
  g_autoptr(GBytes) wrapped = NULL;
  g_autofree char *ad = NULL;
  g_autofree char *meta_key = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (self), FALSE);
  g_return_val_if_fail (lyg_key_id_is_valid (key_id), FALSE);
  g_return_val_if_fail (key != NULL && lyg_key_get_length (key) == LYG_KEY_BYTES, FALSE);

  if (!_lyg_vault_require_unlocked (self, error))
    return FALSE;

  ad = _lyg_vault_team_key_ad (key_id);
  meta_key = g_strconcat (META_TEAM_PREFIX, key_id, NULL);
  wrapped = lyg_crypto_seal (self->vault_key, lyg_key_peek (key), LYG_KEY_BYTES, ad);

  if (!lyg_store_begin (self->store, error))
    return FALSE;
  if (!lyg_store_set_meta (self->store, meta_key, wrapped, error) ||
      (make_active && !_lyg_vault_set_meta_string (self->store, META_TEAM_ACTIVE, key_id, error)))
    {
      lyg_store_rollback (self->store);
      return FALSE;
    }
  if (!lyg_store_commit (self->store, error))
    return FALSE;

  g_hash_table_insert (self->team_keys, g_strdup (key_id), lyg_key_copy (key));
  if (make_active)
    (g_free (self->active_key_id), self->active_key_id = g_strdup (key_id));

  return TRUE;
}

LygKey *
lyg_vault_dup_team_key (LygVault   *self,
                        const char *key_id)
{
  LygKey *key;

  g_return_val_if_fail (LYG_IS_VAULT (self), NULL);

  if (self->team_keys == NULL)
    return NULL;

  key = g_hash_table_lookup (self->team_keys, key_id ? key_id : self->active_key_id);

  return key ? lyg_key_copy (key) : NULL;
}

const char *
lyg_vault_get_active_key_id (LygVault *self)
{
  g_return_val_if_fail (LYG_IS_VAULT (self), NULL);

  return self->active_key_id;
}

gboolean
lyg_vault_set_secret (LygVault    *self,
                      const char  *name,
                      GBytes      *value,
                      GError     **error)
{
  g_autoptr(GBytes) sealed = NULL;
  g_autofree char *ad = NULL;
  g_autofree char *meta_key = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!_lyg_vault_require_unlocked (self, error))
    return FALSE;

  meta_key = g_strconcat (META_SECRET, name, NULL);
  if (value == NULL)
    return lyg_store_delete_meta (self->store, meta_key, error);

  ad = _lyg_vault_secret_ad (name);
  sealed = lyg_crypto_seal (self->vault_key, g_bytes_get_data (value, NULL),
                            g_bytes_get_size (value), ad);

  return lyg_store_set_meta (self->store, meta_key, sealed, error);
}

GBytes *
lyg_vault_get_secret (LygVault    *self,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(GBytes) sealed = NULL;
  g_autofree char *ad = NULL;
  g_autofree char *meta_key = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!_lyg_vault_require_unlocked (self, error))
    return NULL;

  meta_key = g_strconcat (META_SECRET, name, NULL);
  if (!(sealed = lyg_store_get_meta (self->store, meta_key, error)))
    return NULL;

  ad = _lyg_vault_secret_ad (name);

  return lyg_crypto_open (self->vault_key, sealed, ad, error);
}

typedef struct
{
  LygVault  *self;
  GPtrArray *resealed;
} Reseal;

static gboolean
reseal_one_cb (const LygEnvelope  *envelope,
               gpointer            user_data,
               GError            **error)
{
  Reseal *reseal = user_data;
  LygVault *self = reseal->self;
  g_autoptr(LygRecord) record = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *plain = NULL;
  gsize plain_len = 0;
  LygKey *key;

  if (g_strcmp0 (envelope->key_id, self->active_key_id) == 0)
    return TRUE;

  if (!(record = _lyg_vault_open_record (self->team_keys, envelope, error)))
    return FALSE;

  stamp = lyg_hlc_now (self->clock);
  plain = lyg_record_serialize (record, &plain_len);
  key = g_hash_table_lookup (self->team_keys, self->active_key_id);
  g_ptr_array_add (reseal->resealed,
                   lyg_envelope_seal (key, self->active_key_id, envelope->id, stamp,
                                      self->device_id, (const guint8 *) plain, plain_len));

  return TRUE;
}

/* After joining a team: records sealed under this device's own key are
 * sealed again under the team key and queued, so other members can read
 * them. The contents do not change. */
gboolean
lyg_vault_reseal_all (LygVault  *self,
                      GError   **error)
{
  Reseal reseal = { self, NULL };
  gboolean ok;

  g_return_val_if_fail (LYG_IS_VAULT (self), FALSE);

  if (!_lyg_vault_require_unlocked (self, error))
    return FALSE;

  reseal.resealed = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_envelope_free);
  ok = lyg_store_foreach_envelope (self->store, reseal_one_cb, &reseal, error) &&
       lyg_store_begin (self->store, error);
  for (guint i = 0; ok && i < reseal.resealed->len; i++)
    if (!lyg_store_put_envelope (self->store, g_ptr_array_index (reseal.resealed, i), TRUE,
                                 error))
      {
        lyg_store_rollback (self->store);
        ok = FALSE;
      }
  if (ok)
    ok = lyg_store_commit (self->store, error);

  g_ptr_array_unref (reseal.resealed);

  return ok;
}

gboolean
lyg_vault_destroy_keys (LygVault  *self,
                        GError   **error)
{
  g_auto(GStrv) team = NULL;
  g_auto(GStrv) secrets = NULL;
  g_autoptr(GBytes) junk = NULL;
  g_autoptr(GBytes) marker = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (self), FALSE);

  /* Crypto-shredding: without the wrapped vault key and team keys the
   * envelopes are noise, whoever knows the passphrase. secure_delete and
   * the checkpoint make sure the old bytes leave the file and the WAL. */
  if (!(team = lyg_store_list_meta (self->store, META_TEAM_PREFIX, error)) ||
      !(secrets = lyg_store_list_meta (self->store, META_SECRET, error)))
    return FALSE;

  junk = lyg_crypto_random_bytes (LYG_NONCE_BYTES + LYG_KEY_BYTES + LYG_MAC_BYTES);
  marker = _lyg_vault_bytes_from_string ("1");

  if (!lyg_store_begin (self->store, error))
    return FALSE;
  if (!lyg_store_set_meta (self->store, META_VAULT_KEY, junk, error) ||
      !lyg_store_delete_meta (self->store, META_VAULT_KEY, error) ||
      !lyg_store_set_meta (self->store, META_REVOKED, marker, error))
    goto failed;
  for (guint i = 0; team[i] != NULL; i++)
    if (!lyg_store_delete_meta (self->store, team[i], error))
      goto failed;
  for (guint i = 0; secrets[i] != NULL; i++)
    if (!lyg_store_delete_meta (self->store, secrets[i], error))
      goto failed;
  if (!lyg_store_commit (self->store, error))
    return FALSE;

  lyg_vault_lock (self);

  return lyg_store_checkpoint (self->store, error);

failed:
  lyg_store_rollback (self->store);
  return FALSE;
}
