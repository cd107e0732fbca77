/* lyg-vault-save.c
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

/* Folds in whatever is stored (a sync may have landed since the record was
 * read), so a save never overwrites fields it did not touch, and takes the
 * stamp for the pending changes; they are stamped with it while sealing. */
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
      g_autoptr(LygRecord) current = _lyg_vault_open_record (self->team_keys, stored, error);

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

      lyg_record_stamp_pending (record, g_ptr_array_index (job->stamps, i));
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
    _lyg_vault_emit_changed (self, ids);
}

void
_lyg_vault_cancel_catchup (LygVault *self)
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

  if (!_lyg_vault_require_unlocked (self, error))
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
    _lyg_vault_emit_changed (self, ids);
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
  gboolean erased = FALSE;

  g_return_val_if_fail (LYG_IS_VAULT (self), FALSE);
  g_return_val_if_fail (envelopes != NULL, FALSE);

  if (!_lyg_vault_require_unlocked (self, error))
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

      remote = _lyg_vault_open_record (self->team_keys, remote_env, &local_error);
      if (remote == NULL)
        {
          /* Tampered, foreign or malformed: keep it aside, go on. */
          if (!lyg_store_quarantine (self->store, remote_env, local_error->message, error))
            goto failed;
          continue;
        }

      local_env = lyg_store_get_envelope (self->store, remote_env->id, NULL);

      /* An erasure replaces whatever this device holds, conflicts and
       * all, instead of merging with it (lyg-erasure.h). The flag is not
       * sealed, so it only counts on a record that really is deleted. */
      if (remote_env->erase && lyg_record_is_deleted (remote))
        {
          if (local_env != NULL && local_env->erase &&
              lyg_stamp_compare (local_env->hlc, remote_env->hlc) >= 0)
            continue;
          to_store = remote_env;
          local = g_object_ref (remote);
          erased = TRUE;
        }
      else
        {
          if (local_env != NULL)
            local = _lyg_vault_open_record (self->team_keys, local_env, NULL);

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

  if (erased)
    {
      g_autoptr(GError) compact_error = NULL;

      /* The data are gone from the rows; this also clears the pages and
       * the WAL. Failing here loses nothing; the next erasure retries. */
      if (!lyg_store_compact (self->store, &compact_error))
        g_warning ("Could not compact the vault after an erasure: %s", compact_error->message);
    }

  _lyg_vault_emit_changed (self, ids);

  return TRUE;

failed:
  lyg_store_rollback (self->store);
  lyg_index_rollback (self->index);
  return FALSE;
}
