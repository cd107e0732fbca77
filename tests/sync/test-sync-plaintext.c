/* test-sync-plaintext.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lyg-schema.h"
#include "test-sync-util.h"

/* End to end: the server stores records it cannot read. Every text field
 * of records of every type carries a marker; after two devices synced
 * them through the server, neither the server's database nor its WAL
 * holds the marker in any encoding, while the other device reads it.
 */

#define MARKER "QZXSYNCMARKER4417"

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

static GPtrArray *
marker_encodings (void)
{
  GPtrArray *encodings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  gsize len = strlen (MARKER);
  guint8 *le = g_malloc0 (2 * len);
  guint8 *be = g_malloc0 (2 * len);

  for (gsize i = 0; i < len; i++)
    {
      le[2 * i] = MARKER[i];
      be[2 * i + 1] = MARKER[i];
    }

  g_ptr_array_add (encodings, g_bytes_new_static (MARKER, len));
  g_ptr_array_add (encodings, g_bytes_new_take (le, 2 * len));
  g_ptr_array_add (encodings, g_bytes_new_take (be, 2 * len));

  return encodings;
}

/* How many of the encodings the file holds. */
static guint
count_markers (const char *path,
               GPtrArray  *encodings)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  guint found = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return 0;

  for (guint i = 0; i < encodings->len; i++)
    {
      gsize needle_len = 0;
      const void *needle = g_bytes_get_data (encodings->pdata[i], &needle_len);

      if (memmem (contents, len, needle, needle_len) != NULL)
        found++;
    }

  return found;
}

static void
test_no_plaintext_on_server (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  g_autoptr(TestDevice) a = test_device_new_coordinator (server, "A");
  g_autoptr(TestDevice) b = test_device_new_invited (server, a, "B");
  g_autoptr(GPtrArray) encodings = marker_encodings ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LygSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *control = NULL;
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal", NULL };
  const char * const *types = lyg_schema_list_types ();
  guint n_files = 0;

  for (guint round = 0; round < 10; round++)
    for (guint i = 0; types[i] != NULL; i++)
      {
        g_autoptr(LygRecord) record = lyg_record_new (types[i]);
        TestDevice *device = (round + i) % 2 ? a : b;

        fill_text_fields (record);
        lyg_vault_save_record (device->vault, record, &error);
        g_assert_no_error (error);
        g_ptr_array_add (ids, g_strdup (lyg_record_get_id (record)));
      }

  /* Edits and deletions travel too. */
  test_device_set (a, ids->pdata[1], "notes", MARKER " edited");
  lyg_vault_delete_record (b->vault, ids->pdata[0], &error);
  g_assert_no_error (error);

  g_clear_pointer (&report, lyg_sync_report_free);
  report = test_device_sync_ok (a);
  g_clear_pointer (&report, lyg_sync_report_free);
  report = test_device_sync_ok (b);
  g_clear_pointer (&report, lyg_sync_report_free);
  report = test_device_sync_ok (a);
  g_assert_cmpuint (test_device_count (a), ==, ids->len);
  g_assert_cmpuint (test_device_count (b), ==, ids->len);

  /* The records did get through, marker and all. */
  for (guint i = 2; i < ids->len; i++)
    {
      g_autoptr(LygRecord) on_a = lyg_vault_get_record (a->vault, ids->pdata[i], &error);
      g_autoptr(LygRecord) on_b = lyg_vault_get_record (b->vault, ids->pdata[i], &error);
      g_autofree char *plain = NULL;

      g_assert_no_error (error);
      g_assert_true (lyg_record_equal (on_a, on_b));
      plain = lyg_record_serialize (on_b, NULL);
      g_assert_nonnull (strstr (plain, MARKER));
    }

  /* The search finds markers where they are, so its silence below means
   * something. */
  control = g_build_filename (g_get_user_data_dir (), "control.txt", NULL);
  {
    g_autofree gunichar2 *utf16 = g_utf8_to_utf16 ("x " MARKER " y", -1, NULL, NULL, NULL);
    g_autoptr(GString) both = g_string_new ("x " MARKER " y ");

    g_string_append_len (both, (const char *) utf16, 2 * strlen ("x " MARKER " y"));
    g_file_set_contents (control, both->str, both->len, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_markers (control, encodings), >=, 2);
  }

  /* Before and after the server checkpoints and closes its database. */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; suffixes[i] != NULL; i++)
        {
          g_autofree char *path = g_strconcat (server->db_path, suffixes[i], NULL);

          if (!g_file_test (path, G_FILE_TEST_EXISTS))
            continue;
          n_files++;
          g_test_message ("checking %s", path);
          g_assert_cmpuint (count_markers (path, encodings), ==, 0);
        }

      test_server_stop (server);
    }

  /* The database itself, at least, was looked at. */
  g_assert_cmpuint (n_files, >=, 2);
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

  g_test_add_func ("/lyg/sync/plaintext/server", test_no_plaintext_on_server);

  return g_test_run ();
}
