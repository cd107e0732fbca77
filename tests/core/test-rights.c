/* test-rights.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "lyg-audit.h"
#include "lyg-erasure.h"
#include "lyg-person-export.h"
#include "lyg-retention.h"
#include "test-util.h"

/* The rights of the people recorded: per-person export, retention and
 * the device's activity log. */

#define MARKER "QZXRIGHTSMARKER2207"
#define DAY    (G_GINT64_CONSTANT (24) * 3600)

static char *
save_record (LygVault   *vault,
             const char *type,
             const char *field,
             const char *target,
             const char *notes)
{
  g_autoptr(LygRecord) record = lyg_record_new (type);
  g_autoptr(GError) error = NULL;

  if (field != NULL)
    lyg_record_set_string (record, field, target);
  if (notes != NULL)
    lyg_record_set_string (record, "notes", notes);
  lyg_vault_save_record (vault, record, &error);
  g_assert_no_error (error);

  return g_strdup (lyg_record_get_id (record));
}

static char *
save_person (LygVault   *vault,
             const char *alias,
             const char *status)
{
  g_autoptr(LygRecord) record = test_person_new (alias, MARKER);
  g_autoptr(GError) error = NULL;

  if (status != NULL)
    lyg_record_set_string (record, "status", status);
  lyg_vault_save_record (vault, record, &error);
  g_assert_no_error (error);

  return g_strdup (lyg_record_get_id (record));
}

static void
test_export_json (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("export", "correct horse");
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *person = save_person (vault, "Ana", NULL);
  g_autofree char *other = save_person (vault, "Bo", NULL);
  g_autofree char *encounter = save_record (vault, "encounter", "person", person, "met");
  g_autofree char *screening = save_record (vault, "screening", "encounter", encounter, NULL);
  g_autofree char *deleted = save_record (vault, "followup", "person", person, "gone");
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  JsonArray *records;
  guint n_records = 0;

  g_hash_table_add (expected, g_strdup (person));
  g_hash_table_add (expected, g_strdup (encounter));
  g_hash_table_add (expected, g_strdup (screening));
  g_hash_table_add (expected, save_record (vault, "referral", "screening", screening, NULL));
  g_hash_table_add (expected, save_record (vault, "followup", "person", person, "call"));
  /* Not hers: another person's, and unlinked ones. */
  g_free (save_record (vault, "encounter", "person", other, "other"));
  g_free (save_record (vault, "encounter", NULL, NULL, "street"));
  /* Deleted records have nothing left to show. */
  lyg_vault_delete_record (vault, deleted, &error);
  g_assert_no_error (error);

  json = lyg_person_export (vault, person, LYG_PERSON_EXPORT_JSON, 1764547200, &n_records, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_records, ==, g_hash_table_size (expected));

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "format"),
                   ==, LYG_PERSON_EXPORT_FORMAT);
  records = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "records");
  g_assert_cmpuint (json_array_get_length (records), ==, g_hash_table_size (expected));
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      g_assert_true (g_hash_table_remove (expected,
                                          json_object_get_string_member (record, "id")));
    }
  g_assert_cmpuint (g_hash_table_size (expected), ==, 0);
  g_assert_nonnull (strstr (json, MARKER));
  g_assert_null (strstr (json, "street"));
  g_assert_null (strstr (json, "other"));

  /* The readable one: labels, enum labels and dates, not ids and codes. */
  {
    g_autoptr(LygRecord) ana = lyg_vault_get_record (vault, person, &error);

    lyg_record_set_string (ana, "status", "closed");
    lyg_record_set_string (ana, "consent_storage", "yes");
    lyg_vault_save_record (vault, ana, &error);
    g_assert_no_error (error);
  }
  g_free (save_record (vault, "referral", "person", person, NULL));
  text = lyg_person_export (vault, person, LYG_PERSON_EXPORT_TEXT, 1764547200, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Person: Ana"));
  g_assert_nonnull (strstr (text, "Status: Closed"));
  g_assert_nonnull (strstr (text, "Notes: " MARKER));
  g_assert_nonnull (strstr (text, "Encounter"));
  g_assert_null (strstr (text, "\"status\""));
}

static gint64 fake_ms;

static gint64
fake_clock (gpointer user_data)
{
  return fake_ms;
}

static gint64
months_ago (gint64 now,
            int    months,
            gint64 plus)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) then = g_date_time_add_months (dt, -months);

  return g_date_time_to_unix (then) + plus;
}

static void
test_retention (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("retention", "correct horse");
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *open_person = NULL;
  g_autofree char *old = NULL;
  g_autofree char *old_encounter = NULL;
  g_autofree char *soon = NULL;
  g_autofree char *recent = NULL;
  gint64 now = 1764547200;  /* 2025-12-01 */
  guint n_persons = 0;
  guint n_records = 0;

  g_assert_cmpuint (lyg_retention_get_months (vault), ==, LYG_RETENTION_DEFAULT_MONTHS);
  lyg_hlc_set_clock_func (lyg_vault_get_clock (vault), fake_clock, NULL);

  fake_ms = months_ago (now, 30, 0) * 1000;
  open_person = save_person (vault, "Open", "active");
  fake_ms = months_ago (now, 25, 0) * 1000;
  old = save_person (vault, "Old", "closed");
  old_encounter = save_record (vault, "encounter", "person", old, MARKER);
  fake_ms = months_ago (now, 24, 3 * DAY) * 1000;
  soon = save_person (vault, "Soon", "closed");
  fake_ms = months_ago (now, 12, 0) * 1000;
  recent = save_person (vault, "Recent", "closed");
  fake_ms = now * 1000;

  /* The warning list: due within a week, soonest first. */
  due = lyg_retention_list_due (vault, now, LYG_RETENTION_WARN_DAYS * DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_cmpstr (((LygRetentionItem *) due->pdata[0])->person_id, ==, old);
  g_assert_cmpstr (((LygRetentionItem *) due->pdata[1])->person_id, ==, soon);
  g_assert_cmpstr (((LygRetentionItem *) due->pdata[1])->title, ==, "Soon");
  g_clear_pointer (&due, g_ptr_array_unref);

  g_assert_true (lyg_retention_run (vault, now, &n_persons, &n_records, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_persons, ==, 1);
  g_assert_cmpuint (n_records, ==, 2);
  g_assert_null (lyg_index_lookup (lyg_vault_get_index (vault), old));
  g_assert_null (lyg_index_lookup (lyg_vault_get_index (vault), old_encounter));
  g_assert_nonnull (lyg_index_lookup (lyg_vault_get_index (vault), soon));
  g_assert_nonnull (lyg_index_lookup (lyg_vault_get_index (vault), recent));
  g_assert_nonnull (lyg_index_lookup (lyg_vault_get_index (vault), open_person));

  /* Now only the one due in three days is listed; keeping it takes it
   * off for another period, and a run four days later spares it. */
  due = lyg_retention_list_due (vault, now, LYG_RETENTION_WARN_DAYS * DAY, &error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpstr (((LygRetentionItem *) due->pdata[0])->person_id, ==, soon);
  g_clear_pointer (&due, g_ptr_array_unref);

  g_assert_true (lyg_retention_keep (vault, soon, "Court case pending", now, &error));
  g_assert_no_error (error);
  due = lyg_retention_list_due (vault, now, LYG_RETENTION_WARN_DAYS * DAY, &error);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);
  g_assert_true (lyg_retention_run (vault, now + 4 * DAY, &n_persons, NULL, &error));
  g_assert_cmpuint (n_persons, ==, 0);
  g_assert_nonnull (lyg_index_lookup (lyg_vault_get_index (vault), soon));

  /* A shorter period applies at once. */
  g_assert_true (lyg_retention_set_months (vault, 6, &error));
  g_assert_cmpuint (lyg_retention_get_months (vault), ==, 6);
  g_assert_true (lyg_retention_run (vault, now, &n_persons, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_persons, ==, 1);
  g_assert_null (lyg_index_lookup (lyg_vault_get_index (vault), recent));
}

static void
test_audit (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("audit", "correct horse");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *person = save_person (vault, "Secret alias", NULL);
  g_autofree char *path = g_strdup (lyg_vault_get_path (vault));
  g_autofree char *export_path = test_vault_path ("export.txt");
  gint64 n_envelopes;
  gint64 n_outbox;
  const char *wanted[] = { LYG_AUDIT_UNLOCK, LYG_AUDIT_ERASE, LYG_AUDIT_EXPORT_PERSON };
  gboolean seen[3] = { FALSE, };

  g_free (save_record (vault, "encounter", "person", person, MARKER));
  n_envelopes = lyg_store_count_envelopes (lyg_vault_get_store (vault), NULL);
  n_outbox = lyg_store_outbox_count (lyg_vault_get_store (vault), NULL);

  file = g_file_new_for_path (export_path);
  g_assert_true (lyg_person_export_to_file (vault, person, LYG_PERSON_EXPORT_JSON, file, &error));
  g_assert_no_error (error);
  g_assert_true (test_file_contains (export_path, MARKER, strlen (MARKER)));
  g_assert_true (lyg_erasure_erase_person (vault, person, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lyg_audit_log (vault, LYG_AUDIT_EXPORT_CSV, "rows=3", &error));

  /* Not synced: no envelope, nothing new in the outbox but the two
   * erasure tombstones. */
  g_assert_cmpint (lyg_store_count_envelopes (lyg_vault_get_store (vault), NULL), ==, n_envelopes);
  g_assert_cmpint (lyg_store_outbox_count (lyg_vault_get_store (vault), NULL), ==, n_outbox);

  /* Survives locking; unlocking is an entry of its own. */
  lyg_vault_lock (vault);
  g_assert_null (lyg_audit_list (vault, &error));
  g_clear_error (&error);
  g_assert_true (lyg_vault_unlock (vault, "correct horse", &error));
  g_assert_no_error (error);

  entries = lyg_audit_list (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 4);
  g_assert_cmpstr (((LygAuditEntry *) entries->pdata[0])->event, ==, LYG_AUDIT_UNLOCK);
  g_assert_cmpstr (((LygAuditEntry *) entries->pdata[1])->event, ==, LYG_AUDIT_EXPORT_CSV);
  g_assert_cmpstr (((LygAuditEntry *) entries->pdata[2])->event, ==, LYG_AUDIT_ERASE);
  g_assert_cmpstr (((LygAuditEntry *) entries->pdata[2])->detail, ==, "persons=1;records=2");
  g_assert_cmpstr (((LygAuditEntry *) entries->pdata[3])->event, ==, LYG_AUDIT_EXPORT_PERSON);
  g_assert_cmpstr (((LygAuditEntry *) entries->pdata[3])->detail, ==, "records=2;format=json");

  /* Nothing about who. */
  for (guint i = 0; i < entries->len; i++)
    {
      LygAuditEntry *entry = g_ptr_array_index (entries, i);
      const char *texts[] = { entry->user, entry->device, entry->event, entry->detail };

      g_assert_cmpint (entry->time, >, 0);
      g_assert_cmpstr (entry->device, ==, lyg_vault_get_device_id (vault));
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_assert_null (strstr (texts[t] ? texts[t] : "", "Secret"));
          g_assert_null (strstr (texts[t] ? texts[t] : "", person));
          g_assert_null (strstr (texts[t] ? texts[t] : "", MARKER));
        }
      for (guint e = 0; e < G_N_ELEMENTS (seen); e++)
        seen[e] = seen[e] || g_strcmp0 (entry->event, wanted[e]) == 0;
    }
  for (guint e = 0; e < G_N_ELEMENTS (seen); e++)
    g_assert_true (seen[e]);

  /* Sealed: the file shows no event names. */
  g_assert_true (lyg_store_checkpoint (lyg_vault_get_store (vault), &error));
  g_assert_false (test_file_contains (path, "export-person", strlen ("export-person")));
  g_assert_false (test_file_contains (path, "records=2", strlen ("records=2")));
}

static void
set_secret_text (LygVault   *vault,
                 const char *name,
                 const char *text)
{
  g_autoptr(GBytes) value = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;

  g_assert_true (lyg_vault_set_secret (vault, name, value, &error));
  g_assert_no_error (error);
}

/* A draft naming the erased person goes with them; others stay. */
static void
test_erase_drafts (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("drafts", "correct horse");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GBytes) gone = NULL;
  g_autofree char *person = save_person (vault, "Ana", NULL);
  g_autofree char *draft = g_strdup_printf ("{\"person\":\"%s\",\"notes\":\"%s\"}",
                                            person, MARKER);

  set_secret_text (vault, "draft.encounter", draft);
  set_secret_text (vault, "draft.encounter-last", "{\"setting\":\"street\"}");

  g_assert_true (lyg_erasure_erase_person (vault, person, NULL, &error));
  g_assert_no_error (error);

  gone = lyg_vault_get_secret (vault, "draft.encounter", &error);
  g_assert_null (gone);
  g_clear_error (&error);
  kept = lyg_vault_get_secret (vault, "draft.encounter-last", &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept);

  /* Something that is not a person is refused. */
  {
    g_autofree char *encounter = save_record (vault, "encounter", NULL, NULL, "x");

    g_assert_false (lyg_erasure_erase_person (vault, encounter, NULL, &error));
    g_assert_error (error, LYG_RECORD_ERROR, LYG_RECORD_ERROR_MISMATCH);
  }
}

/* A vault made before erasure existed (store schema 1) opens, gets the
 * column, and can erase. */
static void
test_store_migration (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("migrate", "correct horse");
  g_autofree char *path = g_strdup (lyg_vault_get_path (vault));
  g_autofree char *person = save_person (vault, "Old", NULL);
  g_autoptr(LygEnvelope) envelope = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&vault);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE envelopes DROP COLUMN erase;"
                                     "PRAGMA user_version = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  vault = lyg_vault_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (lyg_vault_unlock (vault, "correct horse", &error));
  g_assert_no_error (error);
  g_assert_nonnull (lyg_index_lookup (lyg_vault_get_index (vault), person));

  g_assert_true (lyg_erasure_erase_person (vault, person, NULL, &error));
  g_assert_no_error (error);
  envelope = lyg_store_get_envelope (lyg_vault_get_store (vault), person, &error);
  g_assert_no_error (error);
  g_assert_true (envelope->erase);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lyg/rights/export-json", test_export_json);
  g_test_add_func ("/lyg/rights/retention", test_retention);
  g_test_add_func ("/lyg/rights/audit", test_audit);
  g_test_add_func ("/lyg/rights/erase-drafts", test_erase_drafts);
  g_test_add_func ("/lyg/rights/store-migration", test_store_migration);

  return g_test_run ();
}
