/* test-server-purge.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "lyg-crypto.h"
#include "lyg-hlc.h"
#include "lyg-protocol.h"
#include "lyg-server-sqlite.h"

/* Erasure on the server (lyg-protocol.h, "Erasure"): an erasure tombstone
 * drops every other revision of its record for good, later revisions of
 * that id are turned away, and a cursor on a dropped revision is known. */

#define DEVICE_A "00000000000000aa"
#define DEVICE_B "00000000000000bb"

static LygEnvelope *
revision (const char *id,
          const char *device,
          guint       n,
          gboolean    erase)
{
  g_autofree char *hlc = lyg_stamp_format (1700000000000 + n, 0, device);
  g_autoptr(GBytes) blob = lyg_crypto_random_bytes (200);
  LygEnvelope *envelope = lyg_envelope_new (id, hlc, device, "team-1", blob);

  envelope->erase = erase;

  return envelope;
}

static gint64
push_one (LygServerStorage *storage,
          LygEnvelope      *envelope,
          gint64           *head)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();
  g_autoptr(GArray) seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (batch, envelope);
  g_assert_true (lyg_server_storage_push (storage, batch, DEVICE_A, 1000, seqs, head, &error));
  g_assert_no_error (error);

  return g_array_index (seqs, gint64, 0);
}

static GPtrArray *
pull_all (LygServerStorage *storage)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *all;
  gboolean more = FALSE;

  all = lyg_server_storage_pull (storage, 0, 10000, 0, &more, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (more);

  return all;
}

static gboolean
file_has (const char *path,
          GBytes     *needle)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  gsize needle_len = 0;
  const void *data = g_bytes_get_data (needle, &needle_len);

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;

  return memmem (contents, len, data, needle_len) != NULL;
}

static void
test_purge (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "purge.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *erased = g_uuid_string_random ();
  g_autofree char *kept = g_uuid_string_random ();
  g_autoptr(LygServerStorage) storage = NULL;
  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_envelope_free);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(LygEnvelope) tombstone = NULL;
  g_autoptr(LygEnvelope) late = NULL;
  g_autoptr(LygEnvelope) other = NULL;
  g_autoptr(GError) error = NULL;
  gint64 old_seqs[3];
  gint64 tomb_seq, other_seq, head = 0, head_after = 0;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  storage = LYG_SERVER_STORAGE (lyg_server_sqlite_new (path, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 3; i++)
    {
      g_ptr_array_add (old, revision (erased, i % 2 ? DEVICE_B : DEVICE_A, i, FALSE));
      old_seqs[i] = push_one (storage, g_ptr_array_index (old, i), NULL);
    }
  other = revision (kept, DEVICE_B, 5, FALSE);
  other_seq = push_one (storage, other, NULL);

  tombstone = revision (erased, DEVICE_A, 10, TRUE);
  tomb_seq = push_one (storage, tombstone, &head);
  g_assert_cmpint (tomb_seq, >, other_seq);
  g_assert_cmpint (head, ==, tomb_seq);

  /* Only the tombstone is left of the erased record, flagged. */
  all = pull_all (storage);
  g_assert_cmpuint (all->len, ==, 2);
  for (guint i = 0; i < all->len; i++)
    {
      LygStoredEnvelope *stored = g_ptr_array_index (all, i);

      if (g_str_equal (stored->envelope->id, erased))
        {
          g_assert_cmpint (stored->seq, ==, tomb_seq);
          g_assert_true (stored->envelope->erase);
          g_assert_true (g_bytes_equal (stored->envelope->blob, tombstone->blob));
        }
      else
        {
          g_assert_cmpint (stored->seq, ==, other_seq);
          g_assert_false (stored->envelope->erase);
        }
    }
  g_clear_pointer (&all, g_ptr_array_unref);

  for (guint i = 0; i < 3; i++)
    g_assert_true (lyg_server_storage_was_purged (storage, old_seqs[i], NULL));
  g_assert_false (lyg_server_storage_was_purged (storage, other_seq, NULL));
  g_assert_false (lyg_server_storage_was_purged (storage, tomb_seq, NULL));

  /* A device that had not heard of it pushes an edit: not stored, and
   * acknowledged with the tombstone's place. Re-pushing the tombstone is
   * idempotent. */
  late = revision (erased, DEVICE_B, 20, FALSE);
  g_assert_cmpint (push_one (storage, late, &head_after), ==, tomb_seq);
  g_assert_cmpint (head_after, ==, head);
  g_assert_cmpint (push_one (storage, tombstone, &head_after), ==, tomb_seq);
  all = pull_all (storage);
  g_assert_cmpuint (all->len, ==, 2);
  g_clear_pointer (&all, g_ptr_array_unref);

  /* Nothing of the dropped revisions is left in the file or its WAL,
   * also after the storage is closed and opened again. */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < old->len; i++)
        {
          LygEnvelope *envelope = g_ptr_array_index (old, i);
          g_autoptr(GBytes) probe = g_bytes_new_from_bytes (envelope->blob, 40, 64);

          g_assert_false (file_has (path, probe));
          g_assert_false (file_has (wal, probe));
        }
      {
        g_autoptr(GBytes) probe = g_bytes_new_from_bytes (other->blob, 40, 64);

        /* The check finds what is there. */
        g_assert_true (file_has (path, probe) || file_has (wal, probe));
      }

      g_clear_object (&storage);
      storage = LYG_SERVER_STORAGE (lyg_server_sqlite_new (path, &error));
      g_assert_no_error (error);
    }
}

static void
test_protocol_flag (void)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(LygEnvelope) envelope = revision (id, DEVICE_A, 1, TRUE);
  g_autoptr(LygEnvelope) plain = revision (id, DEVICE_A, 2, FALSE);
  g_autoptr(LygEnvelope) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  node = lyg_protocol_envelope_to_json (envelope, -1);
  back = lyg_protocol_envelope_from_json (node, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (back->erase);
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&back, lyg_envelope_free);

  /* Absent means no erasure, and old servers and clients see no change. */
  node = lyg_protocol_envelope_to_json (plain, -1);
  json = json_to_string (node, FALSE);
  g_assert_null (strstr (json, "erase"));
  back = lyg_protocol_envelope_from_json (node, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (back->erase);
  g_clear_pointer (&back, lyg_envelope_free);

  /* Anything but a boolean is malformed. */
  json_object_set_string_member (json_node_get_object (node), "erase", "yes");
  back = lyg_protocol_envelope_from_json (node, NULL, &error);
  g_assert_null (back);
  g_assert_error (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_MALFORMED);
}

/* A database made before erasure existed (schema 1) is migrated. */
static void
test_migration (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "old.db", NULL);
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(LygServerStorage) storage = NULL;
  g_autoptr(LygEnvelope) first = revision (id, DEVICE_A, 1, FALSE);
  g_autoptr(LygEnvelope) tombstone = revision (id, DEVICE_A, 2, TRUE);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  storage = LYG_SERVER_STORAGE (lyg_server_sqlite_new (path, &error));
  g_assert_no_error (error);
  push_one (storage, first, NULL);
  g_clear_object (&storage);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE erased; DROP TABLE purged;"
                                     "ALTER TABLE envelopes DROP COLUMN erase;"
                                     "PRAGMA user_version = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  storage = LYG_SERVER_STORAGE (lyg_server_sqlite_new (path, &error));
  g_assert_no_error (error);
  push_one (storage, tombstone, NULL);
  all = pull_all (storage);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_true (((LygStoredEnvelope *) all->pdata[0])->envelope->erase);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lyg/server/purge/storage", test_purge);
  g_test_add_func ("/lyg/server/purge/protocol", test_protocol_flag);
  g_test_add_func ("/lyg/server/purge/migration", test_migration);

  return g_test_run ();
}
