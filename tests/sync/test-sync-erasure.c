/* test-sync-erasure.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "lyg-erasure.h"
#include "test-sync-util.h"

/* The right to erasure end to end: two devices share a person with a
 * marker in several linked records (one linked only through another);
 * device A erases the person and both sync. Then neither vault file nor
 * the server's database (with its WAL) holds any earlier revision of those
 * records: no ciphertext of one remains in the raw bytes, only the empty
 * tombstone is left under each id, and the index of each device no longer
 * knows the marker. Another person, also synced, is untouched.
 */

#define MARKER  "QZXERASEMARKER9931"
#define KEEPER  "QZXKEEPMARKER5127"

static char *
add_linked (TestDevice *device,
            const char *type,
            const char *field,
            const char *target,
            const char *notes)
{
  g_autoptr(LygRecord) record = lyg_record_new (type);
  g_autoptr(GError) error = NULL;

  if (field != NULL)
    lyg_record_set_string (record, field, target);
  lyg_record_set_string (record, "notes", notes);
  lyg_vault_save_record (device->vault, record, &error);
  g_assert_no_error (error);

  return g_strdup (lyg_record_get_id (record));
}

/* A slice of ciphertext from the middle of a blob: unique to that
 * revision, so finding it in a file means the revision is still there. */
static GBytes *
blob_probe (GBytes *blob)
{
  gsize len = g_bytes_get_size (blob);

  g_assert_cmpuint (len, >, 64);

  return g_bytes_new_from_bytes (blob, 24, 32);
}

static void
add_device_probes (TestDevice *device,
                   GPtrArray  *ids,
                   GPtrArray  *probes)
{
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(LygEnvelope) env = NULL;
      g_autoptr(GError) error = NULL;

      env = lyg_store_get_envelope (lyg_vault_get_store (device->vault), ids->pdata[i], &error);
      g_assert_no_error (error);
      g_ptr_array_add (probes, blob_probe (env->blob));
    }
}

static gboolean
file_has (const char *path,
          const void *needle,
          gsize       needle_len)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;

  return memmem (contents, len, needle, needle_len) != NULL;
}

/* Checks the database file and its companions; returns how many exist. */
static guint
assert_files_clean (const char *db_path,
                    GPtrArray  *probes)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal", NULL };
  guint n_files = 0;

  for (guint s = 0; suffixes[s] != NULL; s++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[s], NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      n_files++;
      g_test_message ("scanning %s", path);
      g_assert_false (file_has (path, MARKER, strlen (MARKER)));
      for (guint i = 0; i < probes->len; i++)
        {
          gsize len = 0;
          const void *data = g_bytes_get_data (probes->pdata[i], &len);

          g_assert_false (file_has (path, data, len));
        }
    }

  return n_files;
}

static void
assert_device_erased (TestDevice *device,
                      GPtrArray  *ids,
                      const char *keeper_id)
{
  LygIndex *index = lyg_vault_get_index (device->vault);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(LygEnvelope) env = NULL;
      g_autoptr(LygRecord) record = NULL;
      g_auto(GStrv) fields = NULL;
      g_autofree char *plain = NULL;

      env = lyg_store_get_envelope (lyg_vault_get_store (device->vault), ids->pdata[i], &error);
      g_assert_no_error (error);
      g_assert_true (env->erase);
      record = lyg_vault_get_record (device->vault, ids->pdata[i], &error);
      g_assert_no_error (error);
      g_assert_true (lyg_record_is_deleted (record));
      /* Nothing but the deletion itself. */
      fields = lyg_record_list_fields (record);
      for (guint f = 0; fields[f] != NULL; f++)
        g_assert_cmpstr (fields[f], ==, "deleted");
      g_assert_cmpuint (lyg_record_get_conflicts (record)->len, ==, 0);
      plain = lyg_record_serialize (record, NULL);
      g_assert_null (strstr (plain, MARKER));

      g_assert_null (lyg_index_lookup (index, ids->pdata[i]));
    }

  hits = lyg_index_search (index, MARKER, NULL, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The other person is still there and still found. */
  hits = lyg_index_search (index, KEEPER, NULL, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((LygIndexEntry *) hits->pdata[0])->id, ==, keeper_id);
}

static void
assert_server_rows (const char *db_path,
                    GPtrArray  *ids)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *s = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*), SUM (erase) FROM envelopes "
                                       "WHERE id = ?1", -1, &s, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (s);
      sqlite3_bind_text (s, 1, ids->pdata[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (s), ==, SQLITE_ROW);
      /* Only the tombstone. */
      g_assert_cmpint (sqlite3_column_int (s, 0), ==, 1);
      g_assert_cmpint (sqlite3_column_int (s, 1), ==, 1);
    }
  sqlite3_finalize (s);
  sqlite3_close (db);
}

static void
test_erasure_end_to_end (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  g_autoptr(TestDevice) a = test_device_new_coordinator (server, "A");
  g_autoptr(TestDevice) b = test_device_new_invited (server, a, "B");
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) probes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(LygSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *person = NULL;
  g_autofree char *encounter = NULL;
  g_autofree char *screening = NULL;
  g_autofree char *keeper = NULL;
  guint n_erased = 0;

  person = test_device_add_person (a, "Erased person", MARKER " person");
  encounter = add_linked (a, "encounter", "person", person, MARKER " encounter");
  /* Linked only through the encounter. */
  screening = add_linked (a, "screening", "encounter", encounter, MARKER " screening");
  g_ptr_array_add (ids, g_strdup (person));
  g_ptr_array_add (ids, g_strdup (encounter));
  g_ptr_array_add (ids, g_strdup (screening));
  g_ptr_array_add (ids, add_linked (a, "referral", "screening", screening, MARKER " referral"));
  g_ptr_array_add (ids, add_linked (a, "followup", "person", person, MARKER " followup"));
  keeper = test_device_add_person (a, "Kept person", KEEPER);

  report = test_device_sync_ok (a);
  g_clear_pointer (&report, lyg_sync_report_free);
  report = test_device_sync_ok (b);
  g_clear_pointer (&report, lyg_sync_report_free);

  /* B edits one of them before it hears of the erasure: that revision
   * too must go, on B and on the server. */
  test_device_set (b, encounter, "notes", MARKER " edited on B");
  report = test_device_sync_ok (b);
  g_clear_pointer (&report, lyg_sync_report_free);
  report = test_device_sync_ok (a);
  g_clear_pointer (&report, lyg_sync_report_free);

  /* Every revision the server and both devices hold now. */
  before = test_server_pull_all (server);
  for (guint i = 0; i < before->len; i++)
    {
      LygStoredEnvelope *stored = g_ptr_array_index (before, i);

      if (g_ptr_array_find_with_equal_func (ids, stored->envelope->id, g_str_equal, NULL))
        g_ptr_array_add (probes, blob_probe (stored->envelope->blob));
    }
  g_assert_cmpuint (probes->len, >=, ids->len + 1);
  add_device_probes (a, ids, probes);
  add_device_probes (b, ids, probes);

  g_assert_true (lyg_erasure_erase_person (a->vault, person, &n_erased, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_erased, ==, ids->len);

  report = test_device_sync_ok (a);
  g_clear_pointer (&report, lyg_sync_report_free);
  report = test_device_sync_ok (b);
  g_clear_pointer (&report, lyg_sync_report_free);
  report = test_device_sync_ok (a);
  g_clear_pointer (&report, lyg_sync_report_free);

  assert_device_erased (a, ids, keeper);
  assert_device_erased (b, ids, keeper);

  /* The server passes the tombstones on and nothing older. */
  after = test_server_pull_all (server);
  for (guint i = 0; i < after->len; i++)
    {
      LygStoredEnvelope *stored = g_ptr_array_index (after, i);

      if (g_ptr_array_find_with_equal_func (ids, stored->envelope->id, g_str_equal, NULL))
        g_assert_true (stored->envelope->erase);
    }

  /* Raw bytes, after a checkpoint. */
  g_assert_true (lyg_store_checkpoint (lyg_vault_get_store (a->vault), &error));
  g_assert_true (lyg_store_checkpoint (lyg_vault_get_store (b->vault), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (assert_files_clean (a->path, probes), >=, 1);
  g_assert_cmpuint (assert_files_clean (b->path, probes), >=, 1);
  g_assert_cmpuint (assert_files_clean (server->db_path, probes), >=, 1);

  test_server_stop (server);
  assert_server_rows (server->db_path, ids);
  g_assert_cmpuint (assert_files_clean (server->db_path, probes), >=, 1);
}

/* A device that was offline during the erasure pushes its old revision
 * later: the server does not take it back, and the device ends up with
 * the tombstone. */
static void
test_erasure_late_device (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  g_autoptr(TestDevice) a = test_device_new_coordinator (server, "A");
  g_autoptr(TestDevice) b = test_device_new_invited (server, a, "B");
  g_autoptr(LygSyncReport) report = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *person = NULL;
  guint n_rows = 0;

  person = test_device_add_person (a, "Erased person", MARKER);
  report = test_device_sync_ok (a);
  g_clear_pointer (&report, lyg_sync_report_free);
  report = test_device_sync_ok (b);
  g_clear_pointer (&report, lyg_sync_report_free);

  test_device_set (b, person, "notes", MARKER " offline edit");
  g_assert_true (lyg_erasure_erase_person (a->vault, person, NULL, &error));
  report = test_device_sync_ok (a);
  g_clear_pointer (&report, lyg_sync_report_free);
  report = test_device_sync_ok (b);
  g_clear_pointer (&report, lyg_sync_report_free);

  all = test_server_pull_all (server);
  for (guint i = 0; i < all->len; i++)
    {
      LygStoredEnvelope *stored = g_ptr_array_index (all, i);

      if (g_str_equal (stored->envelope->id, person))
        {
          g_assert_true (stored->envelope->erase);
          n_rows++;
        }
    }
  g_assert_cmpuint (n_rows, ==, 1);

  {
    g_autoptr(LygRecord) on_b = lyg_vault_get_record (b->vault, person, &error);

    g_assert_no_error (error);
    g_assert_true (lyg_record_is_deleted (on_b));
    g_assert_false (lyg_record_has_field (on_b, "notes"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_print ("1..0 # SKIP no TLS backend (glib-networking)\n");
      return 0;
    }

  g_test_add_func ("/lyg/sync/erasure/end-to-end", test_erasure_end_to_end);
  g_test_add_func ("/lyg/sync/erasure/late-device", test_erasure_late_device);

  return g_test_run ();
}
