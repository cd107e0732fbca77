/* lyg-vault.c
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

G_DEFINE_FINAL_TYPE (LygVault, lyg_vault, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UNLOCKED,
  N_PROPS
};

enum {
  RECORDS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Decrypts one stored or received envelope into a record, checking that the
 * record inside is the one the plain columns claim. */
LygRecord *
_lyg_vault_open_record (GHashTable         *team_keys,
                        const LygEnvelope  *envelope,
                        GError            **error)
{
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(LygRecord) record = NULL;
  LygKey *key;

  key = g_hash_table_lookup (team_keys, envelope->key_id);
  if (key == NULL)
    {
      g_set_error_literal (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_DECRYPT,
                           _("A record is sealed with a key this device does not have"));
      return NULL;
    }

  if (!(plain = lyg_envelope_open (envelope, key, error)))
    return NULL;

  record = lyg_record_deserialize (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain),
                                   error);
  if (record == NULL)
    return NULL;

  if (!g_str_equal (lyg_record_get_id (record), envelope->id))
    {
      g_set_error_literal (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_DECRYPT,
                           _("A record's contents do not match its id"));
      return NULL;
    }

  return g_steal_pointer (&record);
}

static void
lyg_vault_dispose (GObject *object)
{
  LygVault *self = (LygVault *)object;

  _lyg_vault_cancel_catchup (self);
  g_clear_pointer (&self->vault_key, lyg_key_free);
  g_clear_pointer (&self->team_keys, g_hash_table_unref);
  g_clear_object (&self->index);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (lyg_vault_parent_class)->dispose (object);
}

static void
lyg_vault_finalize (GObject *object)
{
  LygVault *self = (LygVault *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->device_id, g_free);
  g_clear_pointer (&self->active_key_id, g_free);

  G_OBJECT_CLASS (lyg_vault_parent_class)->finalize (object);
}

static void
lyg_vault_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LygVault *self = LYG_VAULT (object);

  switch (prop_id)
    {
    case PROP_UNLOCKED:
      g_value_set_boolean (value, lyg_vault_get_unlocked (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_vault_class_init (LygVaultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lyg_vault_dispose;
  object_class->finalize = lyg_vault_finalize;
  object_class->get_property = lyg_vault_get_property;

  properties [PROP_UNLOCKED] =
    g_param_spec_boolean ("unlocked", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LygVault::records-changed:
   * @ids: (array zero-terminated=1): ids of records saved, merged or deleted
   */
  signals [RECORDS_CHANGED] =
    g_signal_new ("records-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);
}

static void
lyg_vault_init (LygVault *self)
{
}

void
_lyg_vault_emit_changed (LygVault  *self,
                         GPtrArray *ids)
{
  if (ids->len == 0)
    return;

  g_ptr_array_add (ids, NULL);
  g_signal_emit (self, signals [RECORDS_CHANGED], 0, (char **) ids->pdata);
  g_ptr_array_remove_index (ids, ids->len - 1);
}

static void
remove_vault_files (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

char *
lyg_vault_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "lygte", "vault.lygte", NULL);
}

LygVault *
lyg_vault_create (const char          *path,
                  const char          *passphrase,
                  const LygKdfParams  *params,
                  GError             **error)
{
  g_autoptr(LygVault) self = NULL;
  g_autoptr(LygKey) vault_key = NULL;
  g_autoptr(LygKey) team_key = NULL;
  g_autoptr(GBytes) wrapped_team = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *key_id = NULL;
  g_autofree char *ad = NULL;
  LygKdfParams default_params = lyg_kdf_params_default ();
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  if (!lyg_crypto_init (error))
    return NULL;

  if (params == NULL)
    params = &default_params;

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the folder %s: %s"), dir, g_strerror (errsv));
      return NULL;
    }

  self = g_object_new (LYG_TYPE_VAULT, NULL);
  self->path = g_strdup (path);
  if (!(self->store = lyg_store_create (path, error)))
    return NULL;
  g_chmod (path, 0600);

  self->device_id = lyg_crypto_random_hex (LYG_DEVICE_ID_HEX / 2);
  self->clock = lyg_hlc_new (self->device_id);

  vault_key = lyg_key_new_random (LYG_KEY_BYTES);
  team_key = lyg_key_new_random (LYG_KEY_BYTES);
  key_id = lyg_crypto_random_hex (8);
  ad = _lyg_vault_team_key_ad (key_id);
  wrapped_team = lyg_crypto_seal (vault_key, lyg_key_peek (team_key), LYG_KEY_BYTES, ad);

  ok = lyg_store_begin (self->store, error);
  if (ok)
    {
      g_autofree char *team_meta = g_strconcat (META_TEAM_PREFIX, key_id, NULL);

      ok = _lyg_vault_set_meta_string (self->store, META_FORMAT, VAULT_FORMAT, error) &&
           _lyg_vault_set_meta_string (self->store, META_DEVICE, self->device_id, error) &&
           _lyg_vault_write_kdf_and_key (self->store, passphrase, params, vault_key, error) &&
           lyg_store_set_meta (self->store, team_meta, wrapped_team, error) &&
           _lyg_vault_set_meta_string (self->store, META_TEAM_ACTIVE, key_id, error);
      if (ok)
        ok = lyg_store_commit (self->store, error);
      else
        lyg_store_rollback (self->store);
    }

  if (!ok)
    {
      g_clear_object (&self->store);
      remove_vault_files (path);
      return NULL;
    }

  self->vault_key = g_steal_pointer (&vault_key);
  self->team_keys = _lyg_vault_team_keys_new ();
  g_hash_table_insert (self->team_keys, g_strdup (key_id), g_steal_pointer (&team_key));
  self->active_key_id = g_steal_pointer (&key_id);
  if (!(self->index = lyg_index_new (error)))
    return NULL;

  return g_steal_pointer (&self);
}

LygVault *
lyg_vault_open (const char  *path,
                GError     **error)
{
  g_autoptr(LygVault) self = NULL;
  g_autofree char *format = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!lyg_crypto_init (error))
    return NULL;

  self = g_object_new (LYG_TYPE_VAULT, NULL);
  self->path = g_strdup (path);
  if (!(self->store = lyg_store_open (path, error)))
    return NULL;

  format = _lyg_vault_meta_string (self->store, META_FORMAT, NULL);
  self->device_id = _lyg_vault_meta_string (self->store, META_DEVICE, NULL);
  if (g_strcmp0 (format, VAULT_FORMAT) != 0 || !lyg_device_id_is_valid (self->device_id))
    {
      g_set_error (error, LYG_STORE_ERROR, LYG_STORE_ERROR_CORRUPT,
                   _("%s is not a Lygte vault, or its header is damaged"), path);
      return NULL;
    }

  self->clock = lyg_hlc_new (self->device_id);

  return g_steal_pointer (&self);
}

void
_lyg_vault_notify_unlocked (LygVault *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UNLOCKED]);
}

const char *
lyg_vault_get_path (LygVault *self)
{
  g_return_val_if_fail (LYG_IS_VAULT (self), NULL);

  return self->path;
}

const char *
lyg_vault_get_device_id (LygVault *self)
{
  g_return_val_if_fail (LYG_IS_VAULT (self), NULL);

  return self->device_id;
}

gboolean
lyg_vault_get_unlocked (LygVault *self)
{
  g_return_val_if_fail (LYG_IS_VAULT (self), FALSE);

  return self->vault_key != NULL && !self->busy;
}

void
lyg_vault_lock (LygVault *self)
{
  gboolean was_unlocked;

  g_return_if_fail (LYG_IS_VAULT (self));

  _lyg_vault_cancel_catchup (self);
  was_unlocked = self->vault_key != NULL;

  g_clear_pointer (&self->vault_key, lyg_key_free);
  g_clear_pointer (&self->team_keys, g_hash_table_unref);
  g_clear_pointer (&self->active_key_id, g_free);
  if (self->index != NULL)
    lyg_index_clear (self->index);
  g_clear_object (&self->index);

  if (was_unlocked)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UNLOCKED]);
}

gboolean
lyg_vault_change_passphrase (LygVault            *self,
                             const char          *old_passphrase,
                             const char          *new_passphrase,
                             const LygKdfParams  *params,
                             GError             **error)
{
  g_autoptr(LygKey) vault_key = NULL;
  LygKdfParams default_params = lyg_kdf_params_default ();

  g_return_val_if_fail (LYG_IS_VAULT (self), FALSE);
  g_return_val_if_fail (old_passphrase != NULL, FALSE);
  g_return_val_if_fail (new_passphrase != NULL, FALSE);

  if (params == NULL)
    params = &default_params;

  if (!(vault_key = _lyg_vault_unwrap_vault_key (self->store, old_passphrase, error)))
    return FALSE;

  if (!lyg_store_begin (self->store, error))
    return FALSE;
  if (!_lyg_vault_write_kdf_and_key (self->store, new_passphrase, params, vault_key, error))
    {
      lyg_store_rollback (self->store);
      return FALSE;
    }
  if (!lyg_store_commit (self->store, error))
    return FALSE;

  /* The old wrapped key must not linger in the WAL. */
  return lyg_store_checkpoint (self->store, error);
}

LygStore *
lyg_vault_get_store (LygVault *self)
{
  g_return_val_if_fail (LYG_IS_VAULT (self), NULL);

  return self->store;
}

LygIndex *
lyg_vault_get_index (LygVault *self)
{
  g_return_val_if_fail (LYG_IS_VAULT (self), NULL);

  return self->busy ? NULL : self->index;
}

LygHlc *
lyg_vault_get_clock (LygVault *self)
{
  g_return_val_if_fail (LYG_IS_VAULT (self), NULL);

  return self->clock;
}

LygRecord *
lyg_vault_get_record (LygVault    *self,
                      const char  *id,
                      GError     **error)
{
  g_autoptr(LygEnvelope) envelope = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!_lyg_vault_require_unlocked (self, error))
    return NULL;

  if (!(envelope = lyg_store_get_envelope (self->store, id, error)))
    return NULL;

  return _lyg_vault_open_record (self->team_keys, envelope, error);
}
