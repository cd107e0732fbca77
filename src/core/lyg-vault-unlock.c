/* lyg-vault-unlock.c
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

#include "lyg-audit.h"
#include "lyg-vault-private.h"

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
      g_autoptr(LygRecord) record = _lyg_vault_open_record (build->team_keys, envelope, NULL);

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

  data->vault_key = _lyg_vault_unwrap_vault_key (store, passphrase, error);
  if (data->vault_key == NULL)
    return NULL;

  data->team_keys = _lyg_vault_team_keys_new ();
  if (!_lyg_vault_load_team_keys (store, data->vault_key, data->team_keys, &data->active_key_id, error))
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
  g_autoptr(GError) audit_error = NULL;

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

  if (!lyg_audit_log (self, LYG_AUDIT_UNLOCK, NULL, &audit_error))
    g_warning ("Could not add to the activity log: %s", audit_error->message);

  _lyg_vault_notify_unlocked (self);
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
