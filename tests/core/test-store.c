/* test-store.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "test-util.h"

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static void
test_reopen (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("reopen.lygte", "pass");
  g_autofree char *path = test_vault_path ("reopen.lygte");
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *types[] = { "person", "encounter", "screening", "referral", "followup" };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(LygRecord) record = lyg_record_new (types[i]);

      lyg_record_set_string (record, "notes", types[i]);
      g_assert_true (lyg_vault_save_record (vault, record, &error));
      g_assert_no_error (error);
      g_ptr_array_add (ids, g_strdup (lyg_record_get_id (record)));
    }
  g_clear_object (&vault);

  vault = lyg_vault_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (lyg_vault_unlock (vault, "pass", &error));
  g_assert_cmpuint (lyg_index_count (lyg_vault_get_index (vault), NULL), ==, 5);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(LygRecord) record = lyg_vault_get_record (vault, ids->pdata[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (lyg_record_get_record_type (record), ==, types[i]);
      g_assert_cmpstr (lyg_record_get_string (record, "notes"), ==, types[i]);
    }

  g_assert_true (lyg_store_integrity_check (lyg_vault_get_store (vault), &error));
  g_assert_no_error (error);
}

static void
test_schema_too_new (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("new.lygte", "pass");
  g_autofree char *path = test_vault_path ("new.lygte");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LygVault) refused = NULL;
  sqlite3 *db = NULL;

  lyg_store_checkpoint (lyg_vault_get_store (vault), NULL);
  g_clear_object (&vault);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);

  before = file_checksum (path);
  refused = lyg_vault_open (path, &error);
  g_assert_null (refused);
  g_assert_error (error, LYG_STORE_ERROR, LYG_STORE_ERROR_SCHEMA_TOO_NEW);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
assert_corrupt (const char   *path,
                const guint8 *data,
                gsize         len)
{
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, (const char *) data, len, NULL));
  vault = lyg_vault_open (path, &error);
  if (vault != NULL)
    {
      /* Some damage only shows when the rows are read. */
      g_assert_false (lyg_vault_unlock (vault, "pass", &error));
    }
  g_assert_error (error, LYG_STORE_ERROR, LYG_STORE_ERROR_CORRUPT);
}

static void
test_corrupt_files (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("good.lygte", "pass");
  g_autofree char *good = test_vault_path ("good.lygte");
  g_autofree char *bad = test_vault_path ("bad.lygte");
  g_autofree char *contents = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint8 garbage[8192];
  gsize len = 0;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *alias = g_strdup_printf ("Alias %u with some length to fill pages", i);
      g_autoptr(LygRecord) record = test_person_new (alias, alias);

      g_assert_true (lyg_vault_save_record (vault, record, NULL));
    }
  lyg_store_checkpoint (lyg_vault_get_store (vault), NULL);
  g_clear_object (&vault);
  g_assert_true (g_file_get_contents (good, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 16384);

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = g_rand_int (rand);

  assert_corrupt (bad, garbage, sizeof garbage);
  assert_corrupt (bad, (const guint8 *) "", 0);
  assert_corrupt (bad, (const guint8 *) "SQLite format 3", 16);
  assert_corrupt (bad, (const guint8 *) contents, 100);
  assert_corrupt (bad, (const guint8 *) contents, 4096);
  assert_corrupt (bad, (const guint8 *) contents, len / 2);

  /* Garbage pages in the middle of a valid file. */
  memcpy (contents + 4096, garbage, MIN (sizeof garbage, len - 4096));
  assert_corrupt (bad, (const guint8 *) contents, len);
}

static void
test_outbox (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("outbox.lygte", "pass");
  LygStore *store = lyg_vault_get_store (vault);
  g_autoptr(LygRecord) record = test_person_new ("Outbox", NULL);
  g_autoptr(GPtrArray) queued = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  LygEnvelope *first;

  g_assert_true (lyg_vault_save_record (vault, record, &error));
  g_assert_cmpint (lyg_store_outbox_count (store, NULL), ==, 1);

  queued = lyg_store_outbox_peek (store, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queued->len, ==, 1);
  first = queued->pdata[0];

  /* A save while the push is in flight keeps the record queued. */
  lyg_record_set_string (record, "notes", "later");
  g_assert_true (lyg_vault_save_record (vault, record, &error));
  g_assert_true (lyg_store_outbox_ack (store, first->id, first->hlc, first->device, &error));
  g_assert_cmpint (lyg_store_outbox_count (store, NULL), ==, 1);

  again = lyg_store_outbox_peek (store, 10, &error);
  first = again->pdata[0];
  g_assert_true (lyg_store_outbox_ack (store, first->id, first->hlc, first->device, &error));
  g_assert_cmpint (lyg_store_outbox_count (store, NULL), ==, 0);
}

static void
test_merge_quarantines_tampered (void)
{
  g_autoptr(LygVault) a = test_vault_new ("a.lygte", "pass");
  g_autoptr(LygRecord) record = test_person_new ("Shared", NULL);
  g_autoptr(GPtrArray) envelopes = NULL;
  g_autoptr(GPtrArray) tampered = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_envelope_free);
  g_autoptr(GError) error = NULL;
  LygEnvelope *copy;
  guint8 *data;
  gsize len;
  guint conflicts = 0;

  g_assert_true (lyg_vault_save_record (a, record, &error));
  envelopes = lyg_store_outbox_peek (lyg_vault_get_store (a), 10, &error);

  copy = lyg_envelope_copy (envelopes->pdata[0]);
  len = g_bytes_get_size (copy->blob);
  data = g_memdup2 (g_bytes_get_data (copy->blob, NULL), len);
  data[len / 2] ^= 0x40;
  g_bytes_unref (copy->blob);
  copy->blob = g_bytes_new_take (data, len);
  g_ptr_array_add (tampered, copy);

  g_assert_true (lyg_vault_merge_envelopes (a, tampered, &conflicts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lyg_store_quarantine_count (lyg_vault_get_store (a), NULL), ==, 1);

  /* The good copy is untouched. */
  g_clear_object (&record);
  record = lyg_vault_get_record (a, ((LygEnvelope *) envelopes->pdata[0])->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lyg_record_get_string (record, "alias"), ==, "Shared");
}

static void
test_two_vaults_same_team (void)
{
  g_autoptr(LygVault) a = test_vault_new ("team-a.lygte", "pass");
  g_autoptr(LygVault) b = test_vault_new ("team-b.lygte", "pass");
  g_autoptr(LygKey) team = lyg_vault_dup_team_key (a, NULL);
  g_autoptr(LygRecord) ra = test_person_new ("Original", NULL);
  g_autoptr(LygRecord) rb = NULL;
  g_autoptr(LygRecord) check = NULL;
  g_autoptr(GPtrArray) from_a = NULL;
  g_autoptr(GPtrArray) from_b = NULL;
  g_autoptr(GError) error = NULL;
  guint conflicts = 0;

  g_assert_true (lyg_vault_add_team_key (b, lyg_vault_get_active_key_id (a), team, TRUE, &error));
  g_assert_no_error (error);

  g_assert_true (lyg_vault_save_record (a, ra, &error));
  from_a = lyg_store_outbox_peek (lyg_vault_get_store (a), 100, &error);
  g_assert_true (lyg_vault_merge_envelopes (b, from_a, &conflicts, &error));
  g_assert_no_error (error);

  /* Concurrent edits of one field on both devices. */
  rb = lyg_vault_get_record (b, lyg_record_get_id (ra), &error);
  g_assert_no_error (error);
  lyg_record_set_string (rb, "alias", "From B");
  g_assert_true (lyg_vault_save_record (b, rb, &error));
  lyg_record_set_string (ra, "alias", "From A");
  g_assert_true (lyg_vault_save_record (a, ra, &error));

  g_clear_pointer (&from_a, g_ptr_array_unref);
  from_a = lyg_store_outbox_peek (lyg_vault_get_store (a), 100, &error);
  from_b = lyg_store_outbox_peek (lyg_vault_get_store (b), 100, &error);
  g_assert_true (lyg_vault_merge_envelopes (b, from_a, &conflicts, &error));
  g_assert_cmpuint (conflicts, ==, 1);
  g_assert_true (lyg_vault_merge_envelopes (a, from_b, &conflicts, &error));
  g_assert_cmpuint (conflicts, ==, 1);

  check = lyg_vault_get_record (a, lyg_record_get_id (ra), &error);
  g_clear_object (&rb);
  rb = lyg_vault_get_record (b, lyg_record_get_id (ra), &error);
  g_assert_true (lyg_record_equal (check, rb));
  {
    g_autoptr(GPtrArray) list = lyg_record_get_conflicts (check);
    g_assert_cmpuint (list->len, ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lyg/store/reopen", test_reopen);
  g_test_add_func ("/lyg/store/schema-too-new", test_schema_too_new);
  g_test_add_func ("/lyg/store/corrupt", test_corrupt_files);
  g_test_add_func ("/lyg/store/outbox", test_outbox);
  g_test_add_func ("/lyg/store/quarantine", test_merge_quarantines_tampered);
  g_test_add_func ("/lyg/store/two-vaults-one-team", test_two_vaults_same_team);

  return g_test_run ();
}
