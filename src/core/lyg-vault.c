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

#include "lyg-vault.h"

/* Key hierarchy (DESIGN §4):
 *   passphrase --Argon2id(salt, params)--> KEK --unwraps--> vault key
 *   vault key --unwraps--> team keys, device secrets (sync token)
 *   team key --seals--> record envelopes
 * The header (salt, params, wrapped keys) lives in the store's meta table.
 */

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

static void cancel_catchup (LygVault *self);

typedef struct
{
  LygKey     *passphrase;
  LygKey     *vault_key;
  GHashTable *team_keys;
  char       *active_key_id;
  LygIndex   *index;
  GPtrArray  *stamps;
} UnlockData;

static void
unlock_data_free (UnlockData *data)
{
  g_clear_pointer (&data->passphrase, lyg_key_free);
  g_clear_pointer (&data->vault_key, lyg_key_free);
  g_clear_pointer (&data->team_keys, g_hash_table_unref);
  g_clear_pointer (&data->active_key_id, g_free);
  g_clear_object (&data->index);
  g_clear_pointer (&data->stamps, g_ptr_array_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnlockData, unlock_data_free)

static GHashTable *
team_keys_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) lyg_key_free);
}

static GBytes *
bytes_from_string (const char *s)
{
  return g_bytes_new (s, strlen (s));
}

static char *
meta_string (LygStore    *store,
             const char  *key,
             GError     **error)
{
  g_autoptr(GBytes) value = lyg_store_get_meta (store, key, error);

  if (value == NULL)
    return NULL;

  return g_strndup (g_bytes_get_data (value, NULL), g_bytes_get_size (value));
}

static gboolean
set_meta_string (LygStore    *store,
                 const char  *key,
                 const char  *value,
                 GError     **error)
{
  g_autoptr(GBytes) bytes = bytes_from_string (value);

  return lyg_store_set_meta (store, key, bytes, error);
}

static char *
team_key_ad (const char *key_id)
{
  return g_strconcat (LYG_ENVELOPE_FORMAT "|team-key|", key_id, NULL);
}

static char *
secret_ad (const char *name)
{
  return g_strconcat (LYG_ENVELOPE_FORMAT "|secret|", name, NULL);
}

static gboolean
require_unlocked (LygVault  *self,
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

static void
set_corrupt (GError     **error,
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
  ops = meta_string (store, META_OPS, NULL);
  mem = meta_string (store, META_MEM, NULL);

  if (*salt == NULL || ops == NULL || mem == NULL ||
      g_bytes_get_size (*salt) != LYG_SALT_BYTES ||
      !g_ascii_string_to_unsigned (ops, 10, 1, G_MAXUINT32, &o, NULL) ||
      !g_ascii_string_to_unsigned (mem, 10, 1, G_MAXUINT64, &m, NULL))
    {
      set_corrupt (error, "kdf");
      return FALSE;
    }

  params->opslimit = o;
  params->memlimit = m;
  if (!lyg_kdf_params_are_sane (params))
    {
      set_corrupt (error, "kdf");
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_kdf_and_key (LygStore            *store,
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
         set_meta_string (store, META_OPS, ops, error) &&
         set_meta_string (store, META_MEM, mem, error) &&
         lyg_store_set_meta (store, META_VAULT_KEY, wrapped, error);
}

static LygKey *
unwrap_vault_key (LygStore    *store,
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
      set_corrupt (error, "key");
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

static gboolean
load_team_keys (LygStore     *store,
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
      g_autofree char *ad = team_key_ad (key_id);
      LygKey *key;

      if (wrapped == NULL)
        return FALSE;
      if (!(key = lyg_crypto_open_key (vault_key, wrapped, ad, NULL)))
        {
          set_corrupt (error, "team key");
          return FALSE;
        }
      g_hash_table_insert (team_keys, g_strdup (key_id), key);
    }

  *active = meta_string (store, META_TEAM_ACTIVE, NULL);
  if (*active == NULL || !g_hash_table_contains (team_keys, *active))
    {
      set_corrupt (error, "active team key");
      return FALSE;
    }

  return TRUE;
}

/* Decrypts one stored or received envelope into a record, checking that the
 * record inside is the one the plain columns claim. */
static LygRecord *
open_record (GHashTable         *team_keys,
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

/* Unlocking decrypts and indexes every record. Decrypting, parsing and
 * preparing index rows runs on a pool of worker threads, in batches; the
 * unlock thread feeds them envelopes and writes the rows into the index,
 * which only one thread may touch. At most MAX_IN_FLIGHT batches are out
 * at once, so memory stays bounded however large the vault is. */
#define BATCH_SIZE     256
#define MAX_IN_FLIGHT  8

typedef struct
{
  GPtrArray *envelopes;  /* in: LygEnvelope */
  GPtrArray *rows;       /* out: LygIndexRow */
  GPtrArray *bad;        /* out: LygEnvelope that failed to open */
  char      *max_stamp;
} Batch;

typedef struct
{
  GHashTable   *team_keys;
  LygIndex     *index;
  GThreadPool  *pool;
  GAsyncQueue  *done;
  Batch        *filling;
  guint         in_flight;
  GPtrArray    *bad;
  char         *max_stamp;
} IndexBuild;

static void
batch_free (Batch *batch)
{
  g_clear_pointer (&batch->envelopes, g_ptr_array_unref);
  g_clear_pointer (&batch->rows, g_ptr_array_unref);
  g_clear_pointer (&batch->bad, g_ptr_array_unref);
  g_free (batch->max_stamp);
  g_free (batch);
}

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->envelopes = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_envelope_free);
  batch->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_index_row_free);
  batch->bad = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_envelope_free);

  return batch;
}

static void
open_batch_worker (gpointer data,
                   gpointer user_data)
{
  Batch *batch = data;
  IndexBuild *build = user_data;

  for (guint i = 0; i < batch->envelopes->len; i++)
    {
      LygEnvelope *envelope = g_ptr_array_index (batch->envelopes, i);
      g_autoptr(LygRecord) record = open_record (build->team_keys, envelope, NULL);

      if (record == NULL)
        {
          g_ptr_array_add (batch->bad, lyg_envelope_copy (envelope));
          continue;
        }
      if (g_strcmp0 (envelope->hlc, batch->max_stamp) > 0)
        {
          g_free (batch->max_stamp);
          batch->max_stamp = g_strdup (envelope->hlc);
        }
      g_ptr_array_add (batch->rows, lyg_index_row_new (record));
    }

  g_async_queue_push (build->done, batch);
}

static gboolean
write_batch (IndexBuild  *build,
             Batch       *batch,
             GError     **error)
{
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < batch->rows->len; i++)
    ok = lyg_index_put_row (build->index, g_ptr_array_index (batch->rows, i), error);

  for (guint i = 0; i < batch->bad->len; i++)
    g_ptr_array_add (build->bad, lyg_envelope_copy (g_ptr_array_index (batch->bad, i)));

  if (g_strcmp0 (batch->max_stamp, build->max_stamp) > 0)
    {
      g_free (build->max_stamp);
      build->max_stamp = g_strdup (batch->max_stamp);
    }

  build->in_flight--;
  batch_free (batch);

  return ok;
}

static gboolean
send_batch (IndexBuild  *build,
            GError     **error)
{
  Batch *filling = g_steal_pointer (&build->filling);
  Batch *done;
  gboolean ok = TRUE;

  if (filling == NULL || filling->envelopes->len == 0)
    {
      g_clear_pointer (&filling, batch_free);
      return TRUE;
    }

  build->in_flight++;
  g_thread_pool_push (build->pool, filling, NULL);

  /* Write whatever is ready; wait only when too much is outstanding. */
  while (ok && (done = build->in_flight >= MAX_IN_FLIGHT ? g_async_queue_pop (build->done)
                                                         : g_async_queue_try_pop (build->done)))
    ok = write_batch (build, done, error);

  return ok;
}

static gboolean
index_one_cb (const LygEnvelope  *envelope,
              gpointer            user_data,
              GError            **error)
{
  IndexBuild *build = user_data;

  if (build->filling == NULL)
    build->filling = batch_new ();
  g_ptr_array_add (build->filling->envelopes, lyg_envelope_copy (envelope));

  if (build->filling->envelopes->len >= BATCH_SIZE)
    return send_batch (build, error);

  return TRUE;
}

static gboolean
build_index (LygStore    *store,
             IndexBuild  *build,
             GError     **error)
{
  gboolean ok;

  build->done = g_async_queue_new ();
  build->pool = g_thread_pool_new (open_batch_worker, build, MAX (1, g_get_num_processors ()),
                                   FALSE, NULL);

  ok = lyg_store_foreach_envelope (store, index_one_cb, build, error) &&
       send_batch (build, error);

  /* Always collect every batch, so no worker outlives the build. */
  while (build->in_flight > 0)
    {
      Batch *done = g_async_queue_pop (build->done);

      if (ok)
        ok = write_batch (build, done, error);
      else
        {
          build->in_flight--;
          batch_free (done);
        }
    }

  g_thread_pool_free (build->pool, FALSE, TRUE);
  g_async_queue_unref (build->done);
  g_clear_pointer (&build->filling, batch_free);

  return ok;
}

/* Everything slow in unlocking, safe to run in a worker thread while the
 * vault is marked busy: key derivation, decrypting and indexing. */
static UnlockData *
do_unlock (LygStore    *store,
           const char  *passphrase,
           GError     **error)
{
  g_autoptr(UnlockData) data = g_new0 (UnlockData, 1);
  IndexBuild build = { 0 };
  gboolean ok;

  data->vault_key = unwrap_vault_key (store, passphrase, error);
  if (data->vault_key == NULL)
    return NULL;

  data->team_keys = team_keys_new ();
  if (!load_team_keys (store, data->vault_key, data->team_keys, &data->active_key_id, error))
    return NULL;

  if (!(data->index = lyg_index_new_bulk (error)) || !lyg_index_begin (data->index, error))
    return NULL;

  build.team_keys = data->team_keys;
  build.index = data->index;
  build.bad = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_envelope_free);
  ok = build_index (store, &build, error) &&
       lyg_index_finish_bulk (data->index, error) &&
       lyg_index_commit (data->index, error);

  /* A row that does not decrypt was altered on disk: move it aside so the
   * rest of the vault stays usable, and keep it for inspection. */
  for (guint i = 0; ok && i < build.bad->len; i++)
    {
      LygEnvelope *bad = g_ptr_array_index (build.bad, i);

      g_warning ("Quarantined a stored record that failed to decrypt");
      ok = lyg_store_begin (store, error) &&
           lyg_store_quarantine (store, bad, "decrypt-failed-at-unlock", error) &&
           lyg_store_delete_envelope (store, bad->id, error) &&
           lyg_store_commit (store, error);
    }

  data->stamps = g_ptr_array_new_with_free_func (g_free);
  if (build.max_stamp != NULL)
    g_ptr_array_add (data->stamps, g_steal_pointer (&build.max_stamp));
  g_ptr_array_unref (build.bad);

  if (!ok)
    return NULL;

  return g_steal_pointer (&data);
}

static void
apply_unlock (LygVault   *self,
              UnlockData *data)
{
  g_clear_pointer (&self->vault_key, lyg_key_free);
  g_clear_pointer (&self->team_keys, g_hash_table_unref);
  g_clear_pointer (&self->active_key_id, g_free);
  g_clear_object (&self->index);

  self->vault_key = g_steal_pointer (&data->vault_key);
  self->team_keys = g_steal_pointer (&data->team_keys);
  self->active_key_id = g_steal_pointer (&data->active_key_id);
  self->index = g_steal_pointer (&data->index);

  for (guint i = 0; data->stamps && i < data->stamps->len; i++)
    lyg_hlc_observe (self->clock, g_ptr_array_index (data->stamps, i));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UNLOCKED]);
}

static void
lyg_vault_dispose (GObject *object)
{
  LygVault *self = (LygVault *)object;

  cancel_catchup (self);
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

static void
emit_changed (LygVault  *self,
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
  ad = team_key_ad (key_id);
  wrapped_team = lyg_crypto_seal (vault_key, lyg_key_peek (team_key), LYG_KEY_BYTES, ad);

  ok = lyg_store_begin (self->store, error);
  if (ok)
    {
      g_autofree char *team_meta = g_strconcat (META_TEAM_PREFIX, key_id, NULL);

      ok = set_meta_string (self->store, META_FORMAT, VAULT_FORMAT, error) &&
           set_meta_string (self->store, META_DEVICE, self->device_id, error) &&
           write_kdf_and_key (self->store, passphrase, params, vault_key, error) &&
           lyg_store_set_meta (self->store, team_meta, wrapped_team, error) &&
           set_meta_string (self->store, META_TEAM_ACTIVE, key_id, error);
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
  self->team_keys = team_keys_new ();
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

  format = meta_string (self->store, META_FORMAT, NULL);
  self->device_id = meta_string (self->store, META_DEVICE, NULL);
  if (g_strcmp0 (format, VAULT_FORMAT) != 0 || !lyg_device_id_is_valid (self->device_id))
    {
      g_set_error (error, LYG_STORE_ERROR, LYG_STORE_ERROR_CORRUPT,
                   _("%s is not a Lygte vault, or its header is damaged"), path);
      return NULL;
    }

  self->clock = lyg_hlc_new (self->device_id);

  return g_steal_pointer (&self);
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

gboolean
lyg_vault_unlock (LygVault    *self,
                  const char  *passphrase,
                  GError     **error)
{
  g_autoptr(UnlockData) data = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (self), FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);
  g_return_val_if_fail (!self->busy, FALSE);

  if (!(data = do_unlock (self->store, passphrase, error)))
    return FALSE;

  apply_unlock (self, data);

  return TRUE;
}

static void
unlock_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LygVault *self = source_object;
  LygKey *passphrase = task_data;
  GError *error = NULL;
  UnlockData *data;

  data = do_unlock (self->store, (const char *) lyg_key_peek (passphrase), &error);
  if (data == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, data, (GDestroyNotify) unlock_data_free);
}

void
lyg_vault_unlock_async (LygVault            *self,
                        const char          *passphrase,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LygKey *secret;

  g_return_if_fail (LYG_IS_VAULT (self));
  g_return_if_fail (passphrase != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lyg_vault_unlock_async);

  if (self->busy)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("The vault is already being unlocked"));
      return;
    }

  /* The passphrase travels to the worker in guarded memory. */
  secret = lyg_key_new (strlen (passphrase) + 1);
  memcpy (lyg_key_get_data (secret), passphrase, strlen (passphrase));
  g_task_set_task_data (task, secret, (GDestroyNotify) lyg_key_free);

  self->busy = TRUE;
  g_task_run_in_thread (task, unlock_thread);
}

gboolean
lyg_vault_unlock_finish (LygVault      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_autoptr(UnlockData) data = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (g_task_get_source_tag (G_TASK (result)) == lyg_vault_unlock_async &&
      !g_task_had_error (G_TASK (result)))
    self->busy = FALSE;
  else if (g_task_had_error (G_TASK (result)))
    {
      GError *peek = NULL;

      /* "busy" errors come from a second call; only the worker clears it. */
      data = g_task_propagate_pointer (G_TASK (result), &peek);
      if (!g_error_matches (peek, G_IO_ERROR, G_IO_ERROR_BUSY))
        self->busy = FALSE;
      g_propagate_error (error, peek);
      return FALSE;
    }

  data = g_task_propagate_pointer (G_TASK (result), error);
  if (data == NULL)
    return FALSE;

  apply_unlock (self, data);

  return TRUE;
}

void
lyg_vault_lock (LygVault *self)
{
  gboolean was_unlocked;

  g_return_if_fail (LYG_IS_VAULT (self));

  cancel_catchup (self);
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

  if (!(vault_key = unwrap_vault_key (self->store, old_passphrase, error)))
    return FALSE;

  if (!lyg_store_begin (self->store, error))
    return FALSE;
  if (!write_kdf_and_key (self->store, new_passphrase, params, vault_key, error))
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

  if (!require_unlocked (self, error))
    return NULL;

  if (!(envelope = lyg_store_get_envelope (self->store, id, error)))
    return NULL;

  return open_record (self->team_keys, envelope, error);
}

/* Folds in whatever is stored (a sync may have landed since the record was
 * read), so a save never overwrites fields it did not touch, then stamps
 * the pending changes. */
static char *
prepare_save (LygVault   *self,
              LygRecord  *record,
              GError    **error)
{
  g_autoptr(LygEnvelope) stored = NULL;
  g_autoptr(GError) local_error = NULL;
  char *stamp;

  /* A record made here and never saved has a fresh random id: nothing
   * can be stored under it, so skip the lookup (it matters for imports). */
  if (lyg_record_is_new (record))
    stored = NULL;
  else
    stored = lyg_store_get_envelope (self->store, lyg_record_get_id (record), &local_error);
  if (stored != NULL)
    {
      g_autoptr(LygRecord) current = open_record (self->team_keys, stored, error);

      if (current == NULL || !lyg_record_merge (record, current, NULL, error))
        return NULL;
    }
  else if (local_error != NULL &&
           !g_error_matches (local_error, LYG_STORE_ERROR, LYG_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* The envelope carries this device's stamp of the save, which is newer
   * than every stamp the clock has seen. */
  stamp = lyg_hlc_now (self->clock);
  lyg_record_stamp_pending (record, stamp);

  return stamp;
}

/* Saving many records (an import, a first sync) is a pipeline: stamps are
 * taken in order on the calling thread; sealing, which is pure CPU work on
 * each record, runs on every core one window ahead of the calling thread,
 * which writes the sealed window to the store; and the index, a database
 * of its own, is written by a third thread from a queue. */
#define SEAL_CHUNK   64
#define SEAL_WINDOW  2048
#define BULK_INDEX   5000

typedef struct
{
  LygVault   *self;
  GPtrArray  *records;    /* stamped records to seal */
  GPtrArray  *stamps;     /* the stamp of each save */
  GPtrArray  *envelopes;  /* out, same positions */
  GPtrArray  *rows;       /* out, same positions */
  guint       from;       /* the window being sealed */
  guint       to;
  guint       next;       /* next chunk to take, atomic */
} SealJob;

static void
seal_range (SealJob *job,
            guint    from,
            guint    to)
{
  LygKey *key = g_hash_table_lookup (job->self->team_keys, job->self->active_key_id);

  for (guint i = from; i < to; i++)
    {
      LygRecord *record = g_ptr_array_index (job->records, i);
      g_autofree char *plain = NULL;
      gsize plain_len = 0;

      plain = lyg_record_serialize (record, &plain_len);
      job->envelopes->pdata[i] =
        lyg_envelope_seal (key, job->self->active_key_id, lyg_record_get_id (record),
                           g_ptr_array_index (job->stamps, i), job->self->device_id,
                           (const guint8 *) plain, plain_len);
      job->rows->pdata[i] = lyg_index_row_new (record);
    }
}

static gpointer
seal_worker (gpointer data)
{
  SealJob *job = data;
  guint chunk;

  while ((chunk = g_atomic_int_add (&job->next, 1)) * SEAL_CHUNK < job->to - job->from)
    seal_range (job, job->from + chunk * SEAL_CHUNK,
                MIN (job->from + (chunk + 1) * SEAL_CHUNK, job->to));

  return NULL;
}

static GPtrArray *
start_sealing (SealJob *job,
               guint    from,
               guint    to)
{
  GPtrArray *threads = g_ptr_array_new ();
  guint n_workers = MAX (1, g_get_num_processors ());

  job->from = from;
  job->to = to;
  job->next = 0;

  if (to - from <= SEAL_CHUNK)
    seal_range (job, from, to);
  else
    for (guint i = 0; i < n_workers; i++)
      g_ptr_array_add (threads, g_thread_new ("lyg-seal", seal_worker, job));

  return threads;
}

static void
finish_sealing (GPtrArray *threads)
{
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (threads->pdata[i]);
  g_ptr_array_unref (threads);
}

typedef struct
{
  LygIndex    *index;
  GPtrArray   *rows;
  GAsyncQueue *windows;   /* of GUINT_TO_POINTER (end of window + 1); 1 ends */
  GError      *error;
} IndexJob;

static gpointer
index_worker (gpointer data)
{
  IndexJob *job = data;
  guint from = 0;
  guint to;

  /* Drains the queue even after an error, so the producer never blocks. */
  while ((to = GPOINTER_TO_UINT (g_async_queue_pop (job->windows)) - 1) > 0)
    {
      for (guint i = from; i < to && job->error == NULL; i++)
        lyg_index_put_row (job->index, g_ptr_array_index (job->rows, i), &job->error);
      from = to;
    }

  return NULL;
}

static gboolean
write_window (LygVault   *self,
              SealJob    *job,
              IndexJob   *index_job,
              guint       from,
              guint       to,
              GError    **error)
{
  /* The index thread may take this window now: its rows are sealed. */
  g_async_queue_push (index_job->windows, GUINT_TO_POINTER (to + 1));

  for (guint i = from; i < to; i++)
    if (!lyg_store_put_envelope (self->store, g_ptr_array_index (job->envelopes, i), TRUE,
                                 error))
      return FALSE;

  return TRUE;
}

/* A bulk save (an import) returns as soon as the records are sealed and
 * durable; the search index catches up on a thread of its own, in small
 * transactions, so lists and searches keep answering meanwhile. Every
 * other write to the index, and locking, first waits for it. */
#define CATCHUP_CHUNK 512

static gboolean
on_catchup_done_cb (gpointer user_data)
{
  LygVault *self = user_data;

  lyg_vault_wait_indexed (self);

  return G_SOURCE_REMOVE;
}

static gpointer
catchup_worker (gpointer data)
{
  LygVault *self = data;
  GPtrArray *rows = self->catchup_rows;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < rows->len && !g_atomic_int_get (&self->catchup_cancel);
       i += CATCHUP_CHUNK)
    if (!lyg_index_put_rows (self->index, rows, i, MIN (i + CATCHUP_CHUNK, rows->len), &error))
      {
        g_warning ("Indexing saved records failed: %s", error->message);
        break;
      }

  g_idle_add_full (G_PRIORITY_DEFAULT, on_catchup_done_cb, g_object_ref (self), g_object_unref);

  return NULL;
}

static void
start_catchup (LygVault  *self,
               GPtrArray *rows,
               GPtrArray *ids)
{
  g_assert (self->catchup == NULL);

  self->catchup_rows = g_ptr_array_ref (rows);
  self->catchup_ids = g_ptr_array_ref (ids);
  g_atomic_int_set (&self->catchup_cancel, FALSE);
  self->catchup = g_thread_new ("lyg-catchup", catchup_worker, self);
}

/**
 * lyg_vault_wait_indexed:
 *
 * Waits until every saved record is in the search index, and tells
 * listeners about the records the wait completed.
 */
void
lyg_vault_wait_indexed (LygVault *self)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_if_fail (LYG_IS_VAULT (self));

  if (self->catchup == NULL)
    return;

  g_thread_join (g_steal_pointer (&self->catchup));
  g_clear_pointer (&self->catchup_rows, g_ptr_array_unref);
  ids = g_steal_pointer (&self->catchup_ids);

  if (!g_atomic_int_get (&self->catchup_cancel))
    emit_changed (self, ids);
}

static void
cancel_catchup (LygVault *self)
{
  g_atomic_int_set (&self->catchup_cancel, TRUE);
  lyg_vault_wait_indexed (self);
}

gboolean
lyg_vault_save_records (LygVault   *self,
                        GPtrArray  *records,
                        GError    **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) stamped = NULL;
  g_autoptr(GPtrArray) stamps = NULL;
  IndexJob index_job = { 0 };
  SealJob job = { 0 };
  GThread *index_thread = NULL;
  gboolean bulk;
  gboolean ok = TRUE;

  g_return_val_if_fail (LYG_IS_VAULT (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  if (!require_unlocked (self, error))
    return FALSE;

  lyg_vault_wait_indexed (self);

  ids = g_ptr_array_new_with_free_func (g_free);
  stamped = g_ptr_array_new ();
  stamps = g_ptr_array_new_with_free_func (g_free);
  bulk = records->len >= BULK_INDEX;

  if (!lyg_store_begin (self->store, error))
    return FALSE;
  if (!lyg_index_begin (self->index, error))
    {
      lyg_store_rollback (self->store);
      return FALSE;
    }

  for (guint i = 0; ok && i < records->len; i++)
    {
      LygRecord *record = g_ptr_array_index (records, i);
      char *stamp;

      if (!lyg_record_has_pending (record))
        continue;
      stamp = prepare_save (self, record, error);
      ok = stamp != NULL;
      g_ptr_array_add (stamps, stamp);
      g_ptr_array_add (stamped, record);
      g_ptr_array_add (ids, g_strdup (lyg_record_get_id (record)));
    }

  job.self = self;
  job.records = stamped;
  job.stamps = stamps;
  job.envelopes = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_envelope_free);
  job.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_index_row_free);
  g_ptr_array_set_size (job.envelopes, stamped->len);
  g_ptr_array_set_size (job.rows, stamped->len);

  index_job.index = self->index;
  index_job.rows = job.rows;
  index_job.windows = g_async_queue_new ();
  if (ok && !bulk)
    index_thread = g_thread_new ("lyg-index", index_worker, &index_job);

  /* Seal window k + 1 while window k is written. */
  if (ok && stamped->len > 0)
    {
      GPtrArray *sealing = start_sealing (&job, 0, MIN (SEAL_WINDOW, stamped->len));

      while (sealing != NULL)
        {
          guint from = job.from, to = job.to;

          finish_sealing (sealing);
          sealing = NULL;
          if (to < stamped->len)
            sealing = start_sealing (&job, to, MIN (to + SEAL_WINDOW, stamped->len));
          if (ok)
            ok = write_window (self, &job, &index_job, from, to, error);
        }
    }

  if (index_thread != NULL)
    {
      g_async_queue_push (index_job.windows, GUINT_TO_POINTER (1));
      g_thread_join (index_thread);
    }
  g_async_queue_unref (index_job.windows);
  if (ok && index_job.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&index_job.error));
      ok = FALSE;
    }
  g_clear_error (&index_job.error);

  g_ptr_array_unref (job.envelopes);

  if (ok && !lyg_store_commit (self->store, error))
    {
      lyg_index_rollback (self->index);
      g_ptr_array_unref (job.rows);
      return FALSE;
    }
  if (!ok)
    {
      /* Neither the file nor the index keeps a half-saved batch. */
      lyg_store_rollback (self->store);
      lyg_index_rollback (self->index);
      g_ptr_array_unref (job.rows);
      return FALSE;
    }
  if (!lyg_index_commit (self->index, error))
    {
      g_ptr_array_unref (job.rows);
      return FALSE;
    }

  if (bulk)
    start_catchup (self, job.rows, ids);
  else
    emit_changed (self, ids);
  g_ptr_array_unref (job.rows);

  return TRUE;
}

gboolean
lyg_vault_save_record (LygVault   *self,
                       LygRecord  *record,
                       GError    **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new ();

  g_return_val_if_fail (LYG_IS_VAULT (self), FALSE);
  g_return_val_if_fail (LYG_IS_RECORD (record), FALSE);

  g_ptr_array_add (records, record);

  return lyg_vault_save_records (self, records, error);
}

gboolean
lyg_vault_delete_record (LygVault    *self,
                         const char  *id,
                         GError     **error)
{
  g_autoptr(LygRecord) record = NULL;
  g_auto(GStrv) fields = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!(record = lyg_vault_get_record (self, id, error)))
    return FALSE;

  /* A tombstone carries no content: every field is cleared with it, so
   * the deleted text is gone from the new revision everywhere it syncs. */
  fields = lyg_record_list_fields (record);
  for (guint i = 0; fields[i] != NULL; i++)
    lyg_record_unset (record, fields[i]);
  lyg_record_mark_deleted (record);

  return lyg_vault_save_record (self, record, error);
}

gboolean
lyg_vault_merge_envelopes (LygVault   *self,
                           GPtrArray  *envelopes,
                           guint      *n_conflicts,
                           GError    **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  guint conflicts = 0;

  g_return_val_if_fail (LYG_IS_VAULT (self), FALSE);
  g_return_val_if_fail (envelopes != NULL, FALSE);

  if (!require_unlocked (self, error))
    return FALSE;

  lyg_vault_wait_indexed (self);
  ids = g_ptr_array_new_with_free_func (g_free);

  if (!lyg_store_begin (self->store, error))
    return FALSE;
  if (!lyg_index_begin (self->index, error))
    {
      lyg_store_rollback (self->store);
      return FALSE;
    }

  for (guint i = 0; i < envelopes->len; i++)
    {
      LygEnvelope *remote_env = g_ptr_array_index (envelopes, i);
      g_autoptr(LygRecord) remote = NULL;
      g_autoptr(LygRecord) local = NULL;
      g_autoptr(LygEnvelope) local_env = NULL;
      g_autoptr(GError) local_error = NULL;
      const LygEnvelope *to_store = NULL;
      g_autoptr(LygEnvelope) resealed = NULL;
      g_autoptr(GPtrArray) before = NULL;
      g_autoptr(GPtrArray) after = NULL;
      gboolean changed = FALSE;

      lyg_hlc_observe (self->clock, remote_env->hlc);

      remote = open_record (self->team_keys, remote_env, &local_error);
      if (remote == NULL)
        {
          /* Tampered, foreign or malformed: keep it aside, go on. */
          if (!lyg_store_quarantine (self->store, remote_env, local_error->message, error))
            goto failed;
          continue;
        }

      local_env = lyg_store_get_envelope (self->store, remote_env->id, NULL);
      if (local_env != NULL)
        local = open_record (self->team_keys, local_env, NULL);

      if (local == NULL)
        {
          to_store = remote_env;
          local = g_object_ref (remote);
          changed = TRUE;
        }
      else
        {
          before = lyg_record_get_conflicts (local);
          if (!lyg_record_merge (local, remote, &changed, &local_error))
            {
              if (!lyg_store_quarantine (self->store, remote_env, local_error->message, error))
                goto failed;
              continue;
            }
          if (!changed)
            continue;

          if (lyg_record_equal (local, remote))
            to_store = remote_env;
          else
            {
              g_autofree char *stamp = lyg_hlc_now (self->clock);
              g_autofree char *plain = NULL;
              gsize plain_len = 0;
              LygKey *key = g_hash_table_lookup (self->team_keys, self->active_key_id);

              plain = lyg_record_serialize (local, &plain_len);
              resealed = lyg_envelope_seal (key, self->active_key_id, remote_env->id, stamp,
                                            self->device_id, (const guint8 *) plain,
                                            plain_len);
              to_store = resealed;
            }
          after = lyg_record_get_conflicts (local);
          if (after->len > before->len)
            conflicts += after->len - before->len;
        }

      if (!lyg_store_put_envelope (self->store, to_store, FALSE, error) ||
          !lyg_index_put (self->index, local, error))
        goto failed;

      g_ptr_array_add (ids, g_strdup (remote_env->id));
    }

  if (!lyg_store_commit (self->store, error))
    {
      lyg_index_rollback (self->index);
      return FALSE;
    }
  if (!lyg_index_commit (self->index, error))
    return FALSE;

  if (n_conflicts != NULL)
    *n_conflicts = conflicts;

  emit_changed (self, ids);

  return TRUE;

failed:
  lyg_store_rollback (self->store);
  lyg_index_rollback (self->index);
  return FALSE;
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

  if (!require_unlocked (self, error))
    return FALSE;

  ad = team_key_ad (key_id);
  meta_key = g_strconcat (META_TEAM_PREFIX, key_id, NULL);
  wrapped = lyg_crypto_seal (self->vault_key, lyg_key_peek (key), LYG_KEY_BYTES, ad);

  if (!lyg_store_begin (self->store, error))
    return FALSE;
  if (!lyg_store_set_meta (self->store, meta_key, wrapped, error) ||
      (make_active && !set_meta_string (self->store, META_TEAM_ACTIVE, key_id, error)))
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

  if (!require_unlocked (self, error))
    return FALSE;

  meta_key = g_strconcat (META_SECRET, name, NULL);
  if (value == NULL)
    return lyg_store_delete_meta (self->store, meta_key, error);

  ad = secret_ad (name);
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

  if (!require_unlocked (self, error))
    return NULL;

  meta_key = g_strconcat (META_SECRET, name, NULL);
  if (!(sealed = lyg_store_get_meta (self->store, meta_key, error)))
    return NULL;

  ad = secret_ad (name);

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

  if (!(record = open_record (self->team_keys, envelope, error)))
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

  if (!require_unlocked (self, error))
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
  marker = bytes_from_string ("1");

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
