/* test-server-storage.c
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
#include "lyg-server-cert.h"
#include "lyg-server-config.h"
#include "lyg-server-sqlite.h"

#define DEVICE_A "00000000000000aa"
#define DEVICE_B "00000000000000bb"

typedef struct
{
  char             *path;
  LygServerStorage *storage;
} Fixture;

static LygEnvelope *
make_envelope (const char *device,
               guint       n,
               gsize       blob_len)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *hlc = lyg_stamp_format (1700000000000 + n, 0, device);
  g_autoptr(GBytes) blob = lyg_crypto_random_bytes (blob_len);

  return lyg_envelope_new (id, hlc, device, "team-1", blob);
}

static GPtrArray *
make_batch (const char *device,
            guint       first,
            guint       n)
{
  GPtrArray *batch = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_envelope_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (batch, make_envelope (device, first + i, 64));

  return batch;
}

static GArray *
push (Fixture   *f,
      GPtrArray *batch,
      gint64    *head)
{
  g_autoptr(GError) error = NULL;
  GArray *seqs = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_true (lyg_server_storage_push (f->storage, batch, DEVICE_A, 1000, seqs, head, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seqs->len, ==, batch->len);

  return seqs;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->path = g_build_filename (g_get_user_data_dir (), "server.db", NULL);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  f->storage = LYG_SERVER_STORAGE (lyg_server_sqlite_new (f->path, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->storage);
  g_free (f->path);
}

static void
test_push_idempotent (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) batch = make_batch (DEVICE_A, 0, 3);
  g_autoptr(GPtrArray) again = g_ptr_array_new ();
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) second = NULL;
  g_autoptr(GArray) third = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 head = -1;
  gboolean more = TRUE;

  first = push (f, batch, &head);
  g_assert_cmpint (g_array_index (first, gint64, 0), ==, 1);
  g_assert_cmpint (g_array_index (first, gint64, 1), ==, 2);
  g_assert_cmpint (g_array_index (first, gint64, 2), ==, 3);
  g_assert_cmpint (head, ==, 3);

  /* The same batch again: nothing new, the same numbers. */
  second = push (f, batch, &head);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (g_array_index (second, gint64, i), ==, g_array_index (first, gint64, i));
  g_assert_cmpint (head, ==, 3);

  /* Duplicates inside one batch, in another order. */
  g_ptr_array_add (again, g_ptr_array_index (batch, 2));
  g_ptr_array_add (again, g_ptr_array_index (batch, 2));
  g_ptr_array_add (again, g_ptr_array_index (batch, 0));
  third = push (f, again, &head);
  g_assert_cmpint (g_array_index (third, gint64, 0), ==, 3);
  g_assert_cmpint (g_array_index (third, gint64, 1), ==, 3);
  g_assert_cmpint (g_array_index (third, gint64, 2), ==, 1);
  g_assert_cmpint (head, ==, 3);

  all = lyg_server_storage_pull (f->storage, 0, 100, 0, &more, &head, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_false (more);
}

static void
test_seq_monotonic (Fixture       *f,
                    gconstpointer  data)
{
  gint64 last = 0;

  for (guint round = 0; round < 10; round++)
    {
      g_autoptr(GPtrArray) batch = make_batch (round % 2 ? DEVICE_A : DEVICE_B, round * 10, 1 + round);
      g_autoptr(GArray) seqs = NULL;
      gint64 head = 0;

      seqs = push (f, batch, &head);
      for (guint i = 0; i < seqs->len; i++)
        {
          g_assert_cmpint (g_array_index (seqs, gint64, i), >, last);
          last = g_array_index (seqs, gint64, i);
        }
      g_assert_cmpint (head, ==, last);
    }

  g_assert_cmpint (last, ==, 55);
}

static void
test_pull_paging (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) batch = make_batch (DEVICE_A, 0, 25);
  g_autoptr(GArray) seqs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 since = 0;
  guint total = 0;
  guint pages = 0;
  gboolean more = TRUE;

  seqs = push (f, batch, NULL);

  while (more)
    {
      g_autoptr(GPtrArray) page = NULL;
      gint64 head = 0;

      page = lyg_server_storage_pull (f->storage, since, 10, 0, &more, &head, &error);
      g_assert_no_error (error);
      g_assert_cmpint (head, ==, 25);
      g_assert_cmpuint (page->len, ==, pages < 2 ? 10 : 5);
      g_assert_cmpint (more, ==, pages < 2);

      for (guint i = 0; i < page->len; i++)
        {
          LygStoredEnvelope *stored = g_ptr_array_index (page, i);
          LygEnvelope *pushed = g_ptr_array_index (batch, total + i);

          g_assert_cmpint (stored->seq, ==, since + 1 + i);
          g_assert_cmpstr (stored->envelope->id, ==, pushed->id);
          g_assert_true (g_bytes_equal (stored->envelope->blob, pushed->blob));
        }

      total += page->len;
      if (page->len > 0)
        since = ((LygStoredEnvelope *) g_ptr_array_index (page, page->len - 1))->seq;
      pages++;
    }

  g_assert_cmpuint (total, ==, 25);
  g_assert_cmpuint (pages, ==, 3);

  /* Exactly at the end: nothing, and no more. */
  {
    g_autoptr(GPtrArray) page = lyg_server_storage_pull (f->storage, 25, 10, 0, &more, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 0);
    g_assert_false (more);
  }

  /* Past the end (a cursor from another server): nothing. */
  {
    g_autoptr(GPtrArray) page = lyg_server_storage_pull (f->storage, G_MAXINT64, 10, 0, &more, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 0);
    g_assert_false (more);
  }

  /* A byte budget smaller than one blob still gives one envelope per page. */
  {
    g_autoptr(GPtrArray) page = lyg_server_storage_pull (f->storage, 0, 10, 100, &more, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 1);
    g_assert_true (more);
  }
}

static void
test_blob_byte_for_byte (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_envelope_free);
  g_autoptr(GArray) seqs = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint rows = 0;

  /* Every byte value, and the largest blob. */
  {
    guint8 all[256 + 40];
    g_autoptr(GBytes) blob = NULL;
    g_autofree char *id = g_uuid_string_random ();
    g_autofree char *hlc = lyg_stamp_format (1, 0, DEVICE_A);

    for (guint i = 0; i < sizeof all; i++)
      all[i] = (guint8) i;
    blob = g_bytes_new (all, sizeof all);
    g_ptr_array_add (batch, lyg_envelope_new (id, hlc, DEVICE_A, "k", blob));
  }
  g_ptr_array_add (batch, make_envelope (DEVICE_A, 2, LYG_ENVELOPE_MAX_BLOB));
  seqs = push (f, batch, NULL);

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT seq, id, hlc, device, key_id, blob FROM envelopes ORDER BY seq",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LygEnvelope *pushed = g_ptr_array_index (batch, rows);
      gsize len;

      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, g_array_index (seqs, gint64, rows));
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, pushed->id);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, pushed->hlc);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, pushed->device);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, pushed->key_id);
      len = (gsize) sqlite3_column_bytes (stmt, 5);
      g_assert_cmpmem (sqlite3_column_blob (stmt, 5), len,
                       g_bytes_get_data (pushed->blob, NULL), g_bytes_get_size (pushed->blob));
      rows++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_cmpuint (rows, ==, 2);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize needle_len = strlen (needle);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  for (gsize i = 0; i + needle_len <= length; i++)
    if (memcmp (contents + i, needle, needle_len) == 0)
      return TRUE;

  return FALSE;
}

static void
test_codes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LygDeviceInfo) device = NULL;
  g_autoptr(LygDeviceInfo) looked_up = NULL;
  g_autofree char *code = NULL;
  g_autofree char *expired = NULL;
  g_autofree char *token = NULL;
  g_autofree char *again = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *upper = NULL;
  char *nothing;

  code = lyg_server_storage_create_code (f->storage, "Anna", LYG_ROLE_WORKER, 1000, 2000, NULL, &error);
  g_assert_no_error (error);
  normal = lyg_protocol_normalize_code (code);
  g_assert_nonnull (normal);

  /* Unknown code */
  nothing = lyg_server_storage_enroll (f->storage, "00000000000000000000000000000000", DEVICE_A,
                                       "laptop", 1500, NULL, &error);
  g_assert_null (nothing);
  g_assert_error (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Not even shaped like a code */
  nothing = lyg_server_storage_enroll (f->storage, "open sesame", DEVICE_A, "laptop", 1500, NULL, &error);
  g_assert_null (nothing);
  g_assert_error (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Expired: at the expiry second it's gone. */
  nothing = lyg_server_storage_enroll (f->storage, code, DEVICE_A, "laptop", 2000, NULL, &error);
  g_assert_null (nothing);
  g_assert_error (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_CODE_EXPIRED);
  g_clear_error (&error);

  /* In time, with the code typed in upper case without dashes. */
  upper = g_ascii_strup (normal, -1);
  token = lyg_server_storage_enroll (f->storage, upper, DEVICE_A, "laptop",
                                     1999, &device, &error);
  g_assert_no_error (error);
  g_assert_true (lyg_protocol_token_is_valid (token));
  g_assert_cmpstr (device->id, ==, DEVICE_A);
  g_assert_cmpstr (device->name, ==, "Anna");
  g_assert_cmpint (device->role, ==, LYG_ROLE_WORKER);

  /* Single use */
  again = lyg_server_storage_enroll (f->storage, code, DEVICE_B, "other", 1999, NULL, &error);
  g_assert_null (again);
  g_assert_error (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_CODE_USED);
  g_clear_error (&error);

  /* The token finds the device; a wrong one doesn't. */
  looked_up = lyg_server_storage_authenticate (f->storage, token, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (looked_up->id, ==, DEVICE_A);
  g_assert_false (looked_up->revoked);
  g_assert_null (lyg_server_storage_authenticate (f->storage, "nope", &error));
  g_assert_error (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autofree char *other = lyg_crypto_random_hex (32);

    g_assert_null (lyg_server_storage_authenticate (f->storage, other, &error));
    g_assert_error (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* A second code for a device id that is taken fails and stays usable. */
  expired = lyg_server_storage_create_code (f->storage, "", LYG_ROLE_COORDINATOR, 1000, 5000, NULL, &error);
  g_assert_no_error (error);
  nothing = lyg_server_storage_enroll (f->storage, expired, DEVICE_A, "again", 1500, NULL, &error);
  g_assert_null (nothing);
  g_assert_error (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_EXISTS);
  g_clear_error (&error);
  {
    g_autoptr(LygDeviceInfo) second = NULL;
    g_autofree char *second_token = lyg_server_storage_enroll (f->storage, expired, DEVICE_B, "Bo's",
                                                               1500, &second, &error);

    g_assert_no_error (error);
    g_assert_nonnull (second_token);
    /* No name on the code: the device's own name is kept. */
    g_assert_cmpstr (second->name, ==, "Bo's");
    g_assert_cmpint (second->role, ==, LYG_ROLE_COORDINATOR);
  }

  /* Neither the code nor the token is in the database, only hashes. */
  g_clear_object (&f->storage);
  wal = g_strconcat (f->path, "-wal", NULL);
  g_assert_false (file_contains (f->path, token));
  g_assert_false (file_contains (f->path, normal));
  g_assert_false (file_contains (wal, token));
  g_assert_false (file_contains (wal, normal));
  {
    g_autofree char *hash = lyg_server_hash_secret (token);

    g_assert_true (file_contains (f->path, hash) || file_contains (wal, hash));
  }
}

static void
test_revoke (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(LygDeviceInfo) device = NULL;
  LygDeviceInfo *listed;
  g_autofree char *code = NULL;
  g_autofree char *token = NULL;

  code = lyg_server_storage_create_code (f->storage, "Anna", LYG_ROLE_WORKER, 10, 100, NULL, &error);
  token = lyg_server_storage_enroll (f->storage, code, DEVICE_A, "", 20, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (lyg_server_storage_touch_device (f->storage, DEVICE_A, 30, &error));
  g_assert_true (lyg_server_storage_revoke_device (f->storage, DEVICE_A, 40, &error));
  g_assert_no_error (error);
  /* Revoking twice is fine. */
  g_assert_true (lyg_server_storage_revoke_device (f->storage, DEVICE_A, 50, &error));
  g_assert_false (lyg_server_storage_revoke_device (f->storage, DEVICE_B, 50, &error));
  g_assert_error (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  device = lyg_server_storage_authenticate (f->storage, token, &error);
  g_assert_no_error (error);
  g_assert_true (device->revoked);

  devices = lyg_server_storage_list_devices (f->storage, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (devices->len, ==, 1);
  listed = g_ptr_array_index (devices, 0);
  g_assert_cmpstr (listed->id, ==, DEVICE_A);
  g_assert_cmpint (listed->enrolled, ==, 20);
  g_assert_cmpint (listed->last_seen, ==, 30);
  g_assert_true (listed->revoked);
}

static void
test_audit (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) later = NULL;

  g_assert_true (lyg_server_storage_add_audit (f->storage, 5, "enroll", DEVICE_A, "127.0.0.1", "worker", &error));
  g_assert_true (lyg_server_storage_add_audit (f->storage, 6, "rejected", NULL, "10.0.0.1", NULL, &error));
  g_assert_true (lyg_server_storage_add_audit (f->storage, 7, "revoke", DEVICE_A, NULL, "by admin", &error));
  g_assert_no_error (error);

  entries = lyg_server_storage_list_audit (f->storage, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpstr (((LygServerAuditEntry *) g_ptr_array_index (entries, 0))->event, ==, "enroll");
  g_assert_cmpstr (((LygServerAuditEntry *) g_ptr_array_index (entries, 1))->device, ==, NULL);
  g_assert_cmpstr (((LygServerAuditEntry *) g_ptr_array_index (entries, 1))->address, ==, "10.0.0.1");
  g_assert_cmpint (((LygServerAuditEntry *) g_ptr_array_index (entries, 2))->time, ==, 7);

  later = lyg_server_storage_list_audit (f->storage,
                                         ((LygServerAuditEntry *) g_ptr_array_index (entries, 0))->id,
                                         1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->len, ==, 1);
  g_assert_cmpstr (((LygServerAuditEntry *) g_ptr_array_index (later, 0))->event, ==, "rejected");
}

static void
test_schema (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LygServerSqlite) reopened = NULL;
  g_autoptr(LygServerSqlite) refused = NULL;
  g_autofree char *team = NULL;
  g_autofree char *team_again = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  team = lyg_server_storage_get_team_id (f->storage, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (team), ==, 32);
  g_clear_object (&f->storage);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, LYG_SERVER_SQLITE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);

  /* Reopening keeps the team. */
  reopened = lyg_server_sqlite_new (f->path, &error);
  g_assert_no_error (error);
  team_again = lyg_server_storage_get_team_id (LYG_SERVER_STORAGE (reopened), &error);
  g_assert_cmpstr (team, ==, team_again);
  g_clear_object (&reopened);

  /* A database from a newer server is left alone. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  refused = lyg_server_sqlite_new (f->path, &error);
  g_assert_null (refused);
  g_assert_error (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_VERSION);

  /* The file is private. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (f->path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0077, ==, 0);
  }
}

/* Thread safety: the server thread and an admin may share the storage. */
static gpointer
push_thread (gpointer data)
{
  Fixture *f = data;

  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(GPtrArray) batch = make_batch (DEVICE_B, i * 4, 4);
      g_autoptr(GArray) seqs = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_assert_true (lyg_server_storage_push (f->storage, batch, DEVICE_B, 1, seqs, NULL, NULL));
    }

  return NULL;
}

static void
test_threads (Fixture       *f,
              gconstpointer  data)
{
  GThread *threads[4];
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  gboolean more;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("push", push_thread, f);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);

  all = lyg_server_storage_pull (f->storage, 0, 2000, 0, &more, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4 * 50 * 4);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpint (((LygStoredEnvelope *) g_ptr_array_index (all, i))->seq, ==, i + 1);
}

static void
test_config (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "srv", NULL);
  g_autofree char *path = g_build_filename (dir, "custom.conf", NULL);
  g_autoptr(LygServerConfig) defaults = lyg_server_config_new (NULL, NULL);
  g_autoptr(LygServerConfig) config = NULL;
  g_autoptr(LygServerConfig) saved = NULL;
  g_autoptr(LygServerConfig) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_dir = g_build_filename (g_get_user_data_dir (), "lygte-server", NULL);

  /* Defaults */
  g_assert_cmpstr (defaults->data_dir, ==, expected_dir);
  g_assert_true (g_str_has_prefix (defaults->config_path, expected_dir));
  g_assert_cmpuint (defaults->port, ==, 8443);
  g_assert_cmpuint (defaults->limits.max_body, ==, LYG_PROTOCOL_MAX_BODY);
  g_assert_true (lyg_server_config_load (defaults, &error));   /* no file: defaults stand */
  g_assert_no_error (error);

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path,
                                      "[server]\nlisten=::\nport=9000\ndatabase=sub/x.db\n"
                                      "certificate=/etc/c.pem\n"
                                      "[limits]\nmax-batch=20\nenroll-per-minute=0\n"
                                      "[codes]\nttl=600\n", -1, &error));
  config = lyg_server_config_new (dir, path);
  g_assert_true (lyg_server_config_load (config, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (config->listen, ==, "::");
  g_assert_cmpuint (config->port, ==, 9000);
  g_assert_true (g_str_has_prefix (config->database, dir));
  g_assert_true (g_str_has_suffix (config->database, "/sub/x.db"));
  g_assert_cmpstr (config->certificate, ==, "/etc/c.pem");
  g_assert_cmpuint (config->limits.max_batch, ==, 20);
  g_assert_cmpuint (config->limits.enroll_per_minute, ==, 0);
  g_assert_cmpint (config->limits.code_ttl, ==, 600);
  g_assert_cmpuint (config->limits.max_pull, ==, defaults->limits.max_pull);

  /* What save writes, load reads back. */
  g_free (config->config_path);
  config->config_path = g_build_filename (dir, "saved.conf", NULL);
  g_assert_true (lyg_server_config_save (config, &error));
  saved = lyg_server_config_new (dir, config->config_path);
  g_assert_true (lyg_server_config_load (saved, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (saved->listen, ==, config->listen);
  g_assert_cmpstr (saved->database, ==, config->database);
  g_assert_cmpuint (saved->port, ==, config->port);
  g_assert_cmpuint (saved->limits.max_batch, ==, 20);
  g_assert_cmpint (saved->limits.code_ttl, ==, 600);

  /* Out of range and garbage are errors, not silently ignored. */
  g_assert_true (g_file_set_contents (path, "[limits]\nmax-batch=100000\n", -1, NULL));
  bad = lyg_server_config_new (dir, path);
  g_assert_false (lyg_server_config_load (bad, &error));
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (path, "[server]\nport=many\n", -1, NULL));
  g_assert_false (lyg_server_config_load (bad, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (path, "not a key file\n", -1, NULL));
  g_assert_false (lyg_server_config_load (bad, &error));
  g_assert_nonnull (error);
}

static void
test_certificate (void)
{
  const char * const hosts[] = { "sync.example.org", "127.0.0.1", "::1", NULL };
  const char * const bad_hosts[] = { "not a host!", NULL };
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GSocketConnectable) good = g_network_address_new ("sync.example.org", 443);
  g_autoptr(GSocketConnectable) ip = g_network_address_new ("127.0.0.1", 443);
  g_autoptr(GSocketConnectable) other = g_network_address_new ("evil.example.org", 443);
  g_autoptr(GError) error = NULL;
  g_autofree char *cert_pem = NULL;
  g_autofree char *key_pem = NULL;
  g_autofree char *combined = NULL;
  g_autofree char *pin = NULL;
  g_autoptr(GDateTime) not_after = NULL;

  g_assert_true (lyg_server_cert_generate (hosts, 3650, &cert_pem, &key_pem, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (cert_pem, "-----BEGIN CERTIFICATE-----"));
  g_assert_true (g_str_has_prefix (key_pem, "-----BEGIN PRIVATE KEY-----"));

  combined = g_strconcat (cert_pem, key_pem, NULL);
  certificate = g_tls_certificate_new_from_pem (combined, -1, &error);
  g_assert_no_error (error);

  pin = lyg_protocol_pin_from_certificate (certificate);
  g_assert_true (lyg_protocol_pin_is_valid (pin));

  g_object_get (certificate, "not-valid-after", &not_after, NULL);
  g_assert_cmpint (g_date_time_to_unix (not_after), >, g_get_real_time () / G_USEC_PER_SEC + 3640 * 24 * 3600);

  /* The names and addresses given are in the certificate, others not. */
  g_assert_cmpint (g_tls_certificate_verify (certificate, good, certificate) & G_TLS_CERTIFICATE_BAD_IDENTITY, ==, 0);
  g_assert_cmpint (g_tls_certificate_verify (certificate, ip, certificate) & G_TLS_CERTIFICATE_BAD_IDENTITY, ==, 0);
  g_assert_cmpint (g_tls_certificate_verify (certificate, other, certificate) & G_TLS_CERTIFICATE_BAD_IDENTITY, !=, 0);

  g_clear_pointer (&cert_pem, g_free);
  g_clear_pointer (&key_pem, g_free);
  g_assert_false (lyg_server_cert_generate (bad_hosts, 10, &cert_pem, &key_pem, &error));
  g_assert_nonnull (error);
}

/* The admin commands, through the installed binary. */
static char *
run (const char  *data_dir,
     int         *status,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  va_list ap;

  g_ptr_array_add (args, (char *) LYGTE_SERVER_PATH);
  g_ptr_array_add (args, (char *) "--data-dir");
  g_ptr_array_add (args, (char *) data_dir);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, status, &error));
  g_assert_no_error (error);

  return out;
}

static char *
field (const char *output,
       const char *name)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  g_autofree char *prefix = g_strconcat (name, ": ", NULL);

  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i] + strlen (prefix));

  return NULL;
}

static void
test_admin_commands (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "admin", NULL);
  g_autofree char *db_path = g_build_filename (dir, "lygte-server.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *pin = NULL;
  g_autofree char *pin_out = NULL;
  g_autofree char *code = NULL;
  g_autofree char *invite_out = NULL;
  g_autofree char *invite_code = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *devices_out = NULL;
  g_autofree char *token = NULL;
  g_autoptr(LygServerSqlite) storage = NULL;
  g_autoptr(LygDeviceInfo) device = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  int status = -1;

  out = run (dir, &status, "init", "--host", "localhost", "--host", "127.0.0.1", NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pin = field (out, "pin");
  code = field (out, "bootstrap-code");
  g_assert_true (lyg_protocol_pin_is_valid (pin));
  g_clear_pointer (&normal, g_free);
  normal = lyg_protocol_normalize_code (code);
  g_assert_nonnull (normal);
  g_assert_true (g_file_test (db_path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);

  /* A second init refuses to overwrite. */
  out = run (dir, &status, "init", NULL);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_clear_pointer (&out, g_free);

  pin_out = run (dir, &status, "pin", NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_strstrip (pin_out);
  g_assert_cmpstr (pin_out, ==, pin);

  invite_out = run (dir, &status, "invite", "--name", "Bo", "--role", "worker", "--ttl", "600", NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  invite_code = field (invite_out, "code");
  g_clear_pointer (&normal, g_free);
  normal = lyg_protocol_normalize_code (invite_code);
  g_assert_nonnull (normal);

  out = run (dir, &status, "invite", "--role", "boss", "--name", "x", NULL);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_clear_pointer (&out, g_free);

  /* The bootstrap code makes a coordinator, the invite a worker. */
  storage = lyg_server_sqlite_new (db_path, &error);
  g_assert_no_error (error);
  token = lyg_server_storage_enroll (LYG_SERVER_STORAGE (storage), code, DEVICE_A, "first",
                                     g_get_real_time () / G_USEC_PER_SEC, &device, &error);
  g_assert_no_error (error);
  g_assert_cmpint (device->role, ==, LYG_ROLE_COORDINATOR);
  g_clear_pointer (&device, lyg_device_info_free);
  g_clear_pointer (&token, g_free);
  token = lyg_server_storage_enroll (LYG_SERVER_STORAGE (storage), invite_code, DEVICE_B, "second",
                                     g_get_real_time () / G_USEC_PER_SEC, &device, &error);
  g_assert_no_error (error);
  g_assert_cmpint (device->role, ==, LYG_ROLE_WORKER);
  g_assert_cmpstr (device->name, ==, "Bo");

  out = run (dir, &status, "revoke", DEVICE_B, NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_clear_pointer (&out, g_free);
  out = run (dir, &status, "revoke", "00000000000000cc", NULL);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_clear_pointer (&out, g_free);

  devices_out = run (dir, &status, "devices", NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (json_parser_load_from_data (parser, devices_out, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  {
    JsonArray *array = json_node_get_array (json_parser_get_root (parser));

    g_assert_cmpuint (json_array_get_length (array), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "id"),
                     ==, DEVICE_B);
    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (array, 1), "revoked"));
    g_assert_false (json_object_get_boolean_member (json_array_get_object_element (array, 0), "revoked"));
  }

  out = run (dir, &status, "audit", NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "\"bootstrap\""));
  g_assert_nonnull (strstr (out, "\"revoke\""));
  g_clear_pointer (&out, g_free);

  out = run (dir, &status, "frobnicate", NULL);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_assert_true (lyg_crypto_init (NULL));

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/lyg/server/storage/push-idempotent", test_push_idempotent);
  ADD ("/lyg/server/storage/seq-monotonic", test_seq_monotonic);
  ADD ("/lyg/server/storage/pull-paging", test_pull_paging);
  ADD ("/lyg/server/storage/blob-byte-for-byte", test_blob_byte_for_byte);
  ADD ("/lyg/server/storage/codes", test_codes);
  ADD ("/lyg/server/storage/revoke", test_revoke);
  ADD ("/lyg/server/storage/audit", test_audit);
  ADD ("/lyg/server/storage/schema", test_schema);
  ADD ("/lyg/server/storage/threads", test_threads);
#undef ADD

  g_test_add_func ("/lyg/server/config", test_config);
  g_test_add_func ("/lyg/server/certificate", test_certificate);
  g_test_add_func ("/lyg/server/admin-commands", test_admin_commands);

  return g_test_run ();
}
