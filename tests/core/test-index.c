/* test-index.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-util.h"

static guint
count_hits (LygVault   *vault,
            const char *query,
            const char *type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = lyg_index_search (lyg_vault_get_index (vault), query, type, 0,
                                                &error);

  g_assert_no_error (error);

  return hits->len;
}

static void
test_search (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("index.lygte", "pass");
  g_autoptr(LygRecord) rosa = test_person_new ("Rosa", "Speaks Romanian, met near the station");
  g_autoptr(LygRecord) ana = test_person_new ("Ana-Maria", NULL);
  g_autoptr(LygRecord) encounter = lyg_record_new ("encounter");
  g_autoptr(GError) error = NULL;

  lyg_record_set_string (encounter, "area", "Vesterbro");
  lyg_record_set_string (encounter, "setting", "street");
  lyg_record_set_string (encounter, "person", lyg_record_get_id (rosa));
  lyg_record_set_string (encounter, "notes", "Gave condoms and information");

  g_assert_true (lyg_vault_save_record (vault, rosa, &error));
  g_assert_true (lyg_vault_save_record (vault, ana, &error));
  g_assert_true (lyg_vault_save_record (vault, encounter, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_hits (vault, "ros", NULL), ==, 1);
  g_assert_cmpuint (count_hits (vault, "ROMANIAN", NULL), ==, 1);
  g_assert_cmpuint (count_hits (vault, "vesterbro", NULL), ==, 1);
  g_assert_cmpuint (count_hits (vault, "vesterbro", "person"), ==, 0);
  g_assert_cmpuint (count_hits (vault, "ana maria", NULL), ==, 1);
  g_assert_cmpuint (count_hits (vault, "condoms info", "encounter"), ==, 1);
  g_assert_cmpuint (count_hits (vault, "nobody", NULL), ==, 0);
  /* Query syntax is never interpreted. */
  g_assert_cmpuint (count_hits (vault, "\"ros OR NEAR(", NULL), ==, 0);
  g_assert_cmpuint (count_hits (vault, "   ", NULL), ==, 3);

  {
    g_autoptr(GPtrArray) timeline =
      lyg_index_list_for_person (lyg_vault_get_index (vault), lyg_record_get_id (rosa), &error);
    g_assert_cmpuint (timeline->len, ==, 1);
  }

  /* Edits re-index, deletions drop out. */
  lyg_record_set_string (rosa, "alias", "Roza");
  g_assert_true (lyg_vault_save_record (vault, rosa, &error));
  g_assert_cmpuint (count_hits (vault, "rosa", NULL), ==, 0);
  g_assert_cmpuint (count_hits (vault, "roza", NULL), ==, 1);
  g_assert_true (lyg_vault_delete_record (vault, lyg_record_get_id (rosa), &error));
  g_assert_cmpuint (count_hits (vault, "roza", NULL), ==, 0);
  g_assert_cmpuint (lyg_index_count (lyg_vault_get_index (vault), "person"), ==, 1);

  /* Locking drops the index completely. */
  lyg_vault_lock (vault);
  g_assert_null (lyg_vault_get_index (vault));
  g_assert_false (lyg_vault_save_record (vault, ana, &error));
  g_assert_error (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_LOCKED);
}

static void
test_bulk_catchup (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("bulk.lygte", "pass");
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LygRecord) later = NULL;
  g_autoptr(GError) error = NULL;
  LygRecord *first;

  for (guint i = 0; i < 6000; i++)
    {
      g_autofree char *alias = g_strdup_printf ("Bulk %u", i);
      g_ptr_array_add (records, test_person_new (alias, "imported"));
    }

  g_assert_true (lyg_vault_save_records (vault, records, &error));
  g_assert_no_error (error);

  /* A save while the index catches up must win over the imported row. */
  first = records->pdata[0];
  later = lyg_vault_get_record (vault, lyg_record_get_id (first), &error);
  g_assert_no_error (error);
  lyg_record_set_string (later, "alias", "Renamed after import");
  g_assert_true (lyg_vault_save_record (vault, later, &error));

  lyg_vault_wait_indexed (vault);
  g_assert_cmpuint (lyg_index_count (lyg_vault_get_index (vault), "person"), ==, 6000);
  g_assert_cmpuint (count_hits (vault, "imported", NULL), ==, 6000);
  g_assert_cmpuint (count_hits (vault, "bulk 0", NULL), ==, 0);
  g_assert_cmpuint (count_hits (vault, "renamed", NULL), ==, 1);
  g_assert_cmpuint (count_hits (vault, "bulk 5999", NULL), ==, 1);

  /* Locking in the middle of a catch-up stops it cleanly. */
  g_ptr_array_set_size (records, 0);
  for (guint i = 0; i < 6000; i++)
    g_ptr_array_add (records, test_person_new ("Second batch", NULL));
  g_assert_true (lyg_vault_save_records (vault, records, &error));
  lyg_vault_lock (vault);
  g_assert_null (lyg_vault_get_index (vault));
  g_assert_true (lyg_vault_unlock (vault, "pass", &error));
  g_assert_cmpuint (lyg_index_count (lyg_vault_get_index (vault), "person"), ==, 12000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lyg/index/search", test_search);
  g_test_add_func ("/lyg/index/bulk-catchup", test_bulk_catchup);

  return g_test_run ();
}
