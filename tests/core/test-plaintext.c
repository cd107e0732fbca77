/* test-plaintext.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lyg-schema.h"
#include "test-util.h"

#define MARKER "QZXMARKER7731"

static void
assert_no_marker_in_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (MARKER, -1, NULL, NULL, NULL);
  guint8 utf16be[2 * sizeof MARKER];
  const char *name;
  guint n_files = 0;

  for (guint i = 0; i < strlen (MARKER); i++)
    {
      utf16be[2 * i] = 0;
      utf16be[2 * i + 1] = MARKER[i];
    }

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          assert_no_marker_in_dir (path);
          continue;
        }
      n_files++;
      g_test_message ("checking %s", path);
      g_assert_false (test_file_contains (path, MARKER, strlen (MARKER)));
      g_assert_false (test_file_contains (path, (const char *) utf16, 2 * strlen (MARKER)));
      g_assert_false (test_file_contains (path, (const char *) utf16be, 2 * strlen (MARKER)));
    }
}

static void
fill_text_fields (LygRecord *record)
{
  const LygTypeSpec *spec = lyg_schema_lookup_type (lyg_record_get_record_type (record));

  for (const LygFieldSpec *f = spec->fields; f->name != NULL; f++)
    {
      g_autofree char *value = g_strdup_printf ("%s %s", MARKER, f->name);

      if (f->kind == LYG_FIELD_TEXT || f->kind == LYG_FIELD_STRING)
        lyg_record_set_string (record, f->name, value);
      else if (f->kind == LYG_FIELD_STRV)
        {
          const char *v[] = { value, NULL };
          lyg_record_set_strv (record, f->name, v);
        }
    }
}

static void
test_no_plaintext_at_rest (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("plain.lygte", "pass");
  g_autoptr(GError) error = NULL;
  const char * const *types = lyg_schema_list_types ();

  for (guint round = 0; round < 50; round++)
    {
      for (guint i = 0; types[i] != NULL; i++)
        {
          g_autoptr(LygRecord) record = lyg_record_new (types[i]);

          fill_text_fields (record);
          g_assert_true (lyg_vault_save_record (vault, record, &error));
          g_assert_no_error (error);
          if (round % 10 == 0)
            {
              g_assert_true (lyg_vault_delete_record (vault, lyg_record_get_id (record), &error));
              g_assert_no_error (error);
            }
        }
    }

  /* Search works, so the marker is really in the records. */
  {
    g_autoptr(GPtrArray) hits = lyg_index_search (lyg_vault_get_index (vault), MARKER, NULL, 0,
                                                  &error);
    g_assert_cmpuint (hits->len, >, 100);
  }

  /* Checked while open (WAL present) and after closing. */
  assert_no_marker_in_dir (g_get_user_data_dir ());
  lyg_vault_lock (vault);
  g_clear_object (&vault);
  assert_no_marker_in_dir (g_get_user_data_dir ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lyg/store/no-plaintext-at-rest", test_no_plaintext_at_rest);

  return g_test_run ();
}
