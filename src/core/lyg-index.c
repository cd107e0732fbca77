/* lyg-index.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-index"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "lyg-catalogue-set.h"
#include "lyg-index.h"
#include "lyg-schema.h"
#include "lyg-secure-mem.h"
#include "lyg-stay.h"
#include "lyg-stats-fact.h"

/* The decrypted view of the vault: an in-memory SQLite database (never a
 * file, temp_store in memory) with FTS5 over names, aliases, notes and
 * areas. It is rebuilt at unlock and closed at lock, and its memory is
 * wiped on free (lyg-secure-mem.c).
 */

static const char *schema =
  "PRAGMA temp_store = MEMORY;"
  "CREATE TABLE entries (n INTEGER PRIMARY KEY, id TEXT NOT NULL, type TEXT NOT NULL,"
  "                      title TEXT, subtitle TEXT, person TEXT, date TEXT, updated TEXT);"
  /* Full detail: prefix queries ("ros" for Rosa) then stay under a few ms
   * on 100,000 records, where detail=none takes ten times longer. */
  "CREATE VIRTUAL TABLE fts USING fts5 (title, body,"
  "                                     tokenize = 'unicode61 remove_diacritics 2');"
  /* What statistics count, one row per entry (lyg-stats-fact.h). */
  "CREATE TABLE facts (n INTEGER PRIMARY KEY, setting TEXT, outcome TEXT, target TEXT,"
  "                    head_count INTEGER, sex TEXT, age_band TEXT, nationality TEXT,"
  "                    exploitation TEXT);";

/* Built after a bulk load: one sorted build is much cheaper than keeping
 * three B-trees up to date for every one of 100,000 inserts. */
static const char *indexes =
  "CREATE UNIQUE INDEX entries_id ON entries (id);"
  "CREATE INDEX entries_type ON entries (type, title COLLATE NOCASE);"
  "CREATE INDEX entries_person ON entries (person);";

enum {
  STMT_FIND,
  STMT_INSERT,
  STMT_UPDATE,
  STMT_DELETE,
  STMT_FTS_INSERT,
  STMT_FTS_DELETE,
  STMT_LOOKUP,
  STMT_LIST_ALL,
  STMT_LIST_TYPE,
  STMT_LIST_PERSON,
  STMT_COUNT_ALL,
  STMT_COUNT_TYPE,
  STMT_SEARCH,
  STMT_SEARCH_ALL,
  STMT_FACT_PUT,
  STMT_FACT_DELETE,
  STMT_STATS_ROWS,
  N_STMTS
};

#define COLUMNS "e.id, e.type, e.title, e.subtitle, e.person, e.date, e.updated"

static const char *statements[N_STMTS] = {
  [STMT_FIND] = "SELECT n FROM entries WHERE id = ?1",
  [STMT_INSERT] =
    "INSERT INTO entries (id, type, title, subtitle, person, date, updated) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [STMT_UPDATE] =
    "UPDATE entries SET type = ?2, title = ?3, subtitle = ?4, person = ?5, date = ?6, "
    "updated = ?7 WHERE n = ?1",
  [STMT_DELETE] = "DELETE FROM entries WHERE n = ?1",
  [STMT_FTS_INSERT] = "INSERT INTO fts (rowid, title, body) VALUES (?1, ?2, ?3)",
  [STMT_FTS_DELETE] = "DELETE FROM fts WHERE rowid = ?1",
  [STMT_LOOKUP] = "SELECT " COLUMNS " FROM entries e WHERE e.id = ?1",
  [STMT_LIST_ALL] = "SELECT " COLUMNS " FROM entries e ORDER BY e.title COLLATE NOCASE, e.id",
  [STMT_LIST_TYPE] =
    "SELECT " COLUMNS " FROM entries e WHERE e.type = ?1 ORDER BY e.title COLLATE NOCASE, e.id",
  [STMT_LIST_PERSON] =
    "SELECT " COLUMNS " FROM entries e WHERE e.person = ?1 ORDER BY e.date DESC, e.updated DESC",
  [STMT_COUNT_ALL] = "SELECT count(*) FROM entries",
  [STMT_COUNT_TYPE] = "SELECT count(*) FROM entries WHERE type = ?1",
  [STMT_SEARCH] =
    "SELECT " COLUMNS " FROM fts JOIN entries e ON e.n = fts.rowid "
    "WHERE fts MATCH ?1 AND (?2 IS NULL OR e.type = ?2) ORDER BY fts.rowid LIMIT ?3",
  [STMT_SEARCH_ALL] =
    "SELECT " COLUMNS " FROM fts JOIN entries e ON e.n = fts.rowid "
    "WHERE fts MATCH ?1 AND (?2 IS NULL OR e.type = ?2) "
    "ORDER BY e.title COLLATE NOCASE, e.id",
  [STMT_FACT_PUT] =
    "INSERT OR REPLACE INTO facts (n, setting, outcome, target, head_count, sex, age_band,"
    "                              nationality, exploitation)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  [STMT_FACT_DELETE] = "DELETE FROM facts WHERE n = ?1",
  [STMT_STATS_ROWS] =
    "SELECT e.type, e.date, pe.id, f.setting, f.outcome, f.target, f.head_count,"
    "       pf.sex, pf.age_band, pf.nationality, pf.exploitation, e.person IS NOT NULL"
    " FROM entries e JOIN facts f ON f.n = e.n"
    " LEFT JOIN entries pe ON pe.id = e.person AND pe.type = 'person'"
    " LEFT JOIN facts pf ON pf.n = pe.n"
    " WHERE e.type IN ('encounter', 'screening', 'referral')"
    "   AND e.date >= ?1 AND e.date < ?2",
};

struct _LygIndex
{
  GObject       parent_instance;

  sqlite3      *db;
  sqlite3_stmt *stmts[N_STMTS];
  gboolean      bulk;

  /* Held by readers and by lyg_index_put_rows(), which a background
   * thread uses to catch up after a bulk import. */
  GMutex        lock;
};

G_DEFINE_FINAL_TYPE (LygIndex, lyg_index, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (LygIndexEntry, lyg_index_entry, lyg_index_entry_copy, lyg_index_entry_free)

LygIndexEntry *
lyg_index_entry_copy (const LygIndexEntry *entry)
{
  LygIndexEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_new0 (LygIndexEntry, 1);
  copy->id = g_strdup (entry->id);
  copy->type = g_strdup (entry->type);
  copy->title = g_strdup (entry->title);
  copy->subtitle = g_strdup (entry->subtitle);
  copy->person = g_strdup (entry->person);
  copy->date = g_strdup (entry->date);
  copy->updated = g_strdup (entry->updated);

  return copy;
}

void
lyg_index_entry_free (LygIndexEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->id);
  g_free (entry->type);
  g_free (entry->title);
  g_free (entry->subtitle);
  g_free (entry->person);
  g_free (entry->date);
  g_free (entry->updated);
  g_free (entry);
}

static void
set_error (LygIndex  *self,
           GError   **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The search index failed (%s)"), sqlite3_errmsg (self->db));
}

static sqlite3_stmt *
get_stmt (LygIndex  *self,
          guint      which,
          GError   **error)
{
  if (self->db == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The vault is locked"));
      return NULL;
    }

  if (self->stmts[which] == NULL &&
      sqlite3_prepare_v3 (self->db, statements[which], -1, SQLITE_PREPARE_PERSISTENT,
                          &self->stmts[which], NULL) != SQLITE_OK)
    {
      set_error (self, error);
      return NULL;
    }

  sqlite3_reset (self->stmts[which]);
  sqlite3_clear_bindings (self->stmts[which]);

  return self->stmts[which];
}

static gboolean
step_done (LygIndex      *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

static LygIndexEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  LygIndexEntry *entry = g_new0 (LygIndexEntry, 1);

  entry->id = dup_column (stmt, 0);
  entry->type = dup_column (stmt, 1);
  entry->title = dup_column (stmt, 2);
  entry->subtitle = dup_column (stmt, 3);
  entry->person = dup_column (stmt, 4);
  entry->date = dup_column (stmt, 5);
  entry->updated = dup_column (stmt, 6);

  return entry;
}

static GPtrArray *
collect (LygIndex      *self,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  g_autoptr(GPtrArray) out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_index_entry_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, entry_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&out);
}

static void
append_label (GString    *s,
              const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  if (s->len > 0)
    g_string_append (s, " · ");
  g_string_append (s, text);
}

static const char *
enum_label (LygRecord  *record,
            const char *field,
            const char *enum_name)
{
  const char *id = lyg_record_get_string (record, field);
  const char *label = lyg_schema_enum_label (enum_name, id);

  return label ? label : id;
}

static char *
dup_date (LygRecord  *record,
          const char *field)
{
  const char *value = lyg_record_get_string (record, field);

  return value ? g_strndup (value, 10) : NULL;
}

/* What a list row shows. Labels follow the locale at unlock. */
static void
describe (LygRecord  *record,
          char      **title,
          char      **subtitle,
          char      **date)
{
  const char *type = lyg_record_get_record_type (record);
  g_autoptr(GString) t = g_string_new (NULL);
  g_autoptr(GString) s = g_string_new (NULL);

  if (g_str_equal (type, "person"))
    {
      append_label (t, lyg_record_get_string (record, "alias"));
      if (t->len == 0)
        g_string_append (t, _("Unnamed person"));
      append_label (s, lyg_record_get_string (record, "nationality"));
      append_label (s, enum_label (record, "sex", "sex"));
      append_label (s, enum_label (record, "age_band", "age_band"));
    }
  else if (g_str_equal (type, "encounter"))
    {
      append_label (t, enum_label (record, "setting", "setting"));
      append_label (t, lyg_record_get_string (record, "area"));
      if (t->len == 0)
        g_string_append (t, _("Encounter"));
      append_label (s, enum_label (record, "mode", "mode"));
      *date = dup_date (record, "when");
    }
  else if (g_str_equal (type, "screening"))
    {
      const char *id = lyg_record_get_string (record, "catalogue");
      JsonNode *result = lyg_record_get_value (record, "result");
      LygCatalogue *catalogue = NULL;

      /* The list reads "Screening · <catalogue title>", not a catalogue id,
       * and the outcome as it was when saved. */
      if (id != NULL)
        catalogue = lyg_catalogue_set_lookup (lyg_catalogue_set_get_shipped (), id,
                                              (guint) lyg_record_get_int (record,
                                                                          "catalogue_version", 0),
                                              NULL);
      g_string_append (t, _("Screening"));
      append_label (t, catalogue ? lyg_catalogue_get_title (catalogue,
                                                            lyg_catalogue_get_default_language ())
                                 : id);
      if (result != NULL && JSON_NODE_HOLDS_OBJECT (result))
        append_label (s, json_object_get_string_member_with_default (json_node_get_object (result),
                                                                     "outcome_label", NULL));
      *date = dup_date (record, "date");
    }
  else if (g_str_equal (type, "referral"))
    {
      append_label (t, enum_label (record, "target", "referral_target"));
      append_label (s, enum_label (record, "outcome", "referral_outcome"));
      *date = dup_date (record, "date");
    }
  else if (g_str_equal (type, "followup"))
    {
      append_label (t, lyg_record_get_string (record, "title"));
      if (lyg_record_get_boolean (record, "done"))
        append_label (s, _("Done"));
      *date = dup_date (record, "due");
    }
  else
    _lyg_stay_describe (record, t, s, date);

  if (t->len == 0)
    g_string_append (t, type);

  *title = g_string_free (g_steal_pointer (&t), FALSE);
  *subtitle = g_string_free (g_steal_pointer (&s), FALSE);
}

static void
append_search_text (GString  *body,
                    JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_string_append (body, json_node_get_string (node));
      g_string_append_c (body, '\n');
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        append_search_text (body, json_array_get_element (array, i));
    }
}

static char *
search_body (LygRecord *record)
{
  const LygTypeSpec *spec = lyg_schema_lookup_type (lyg_record_get_record_type (record));
  g_auto(GStrv) fields = lyg_record_list_fields (record);
  GString *body = g_string_new (NULL);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      const LygFieldSpec *field = spec ? lyg_schema_lookup_field (spec, fields[i]) : NULL;

      /* Free text and short codes are searchable; enum ids, refs and
       * structured values are not. Unknown types index every string. */
      if (field != NULL && field->kind != LYG_FIELD_TEXT && field->kind != LYG_FIELD_STRING &&
          field->kind != LYG_FIELD_STRV)
        continue;
      append_search_text (body, lyg_record_get_value (record, fields[i]));
    }

  return g_string_free (body, FALSE);
}

static void
close_db (LygIndex *self)
{
  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
}

static void
lyg_index_finalize (GObject *object)
{
  close_db (LYG_INDEX (object));
  g_mutex_clear (&LYG_INDEX (object)->lock);

  G_OBJECT_CLASS (lyg_index_parent_class)->finalize (object);
}

static void
lyg_index_class_init (LygIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lyg_index_finalize;
}

static void
lyg_index_init (LygIndex *self)
{
  g_mutex_init (&self->lock);
}

static LygIndex *
index_new (gboolean   bulk,
           GError   **error)
{
  g_autoptr(LygIndex) self = g_object_new (LYG_TYPE_INDEX, NULL);

  lyg_secure_mem_init ();

  if (sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY,
                       NULL) != SQLITE_OK ||
      sqlite3_exec (self->db, schema, NULL, NULL, NULL) != SQLITE_OK ||
      (!bulk && sqlite3_exec (self->db, indexes, NULL, NULL, NULL) != SQLITE_OK))
    {
      set_error (self, error);
      return NULL;
    }
  self->bulk = bulk;

  return g_steal_pointer (&self);
}

LygIndex *
lyg_index_new (GError **error)
{
  return index_new (FALSE, error);
}

/* For building from scratch: rows are appended without looking for an
 * existing entry, and the lookup indexes are built by
 * lyg_index_finish_bulk(). Every id must be put at most once. */
LygIndex *
lyg_index_new_bulk (GError **error)
{
  return index_new (TRUE, error);
}

/* For adding many new records to a live index (an import): drops the
 * lookup indexes until lyg_index_finish_bulk(). Rows must be new. */
gboolean
lyg_index_start_bulk (LygIndex  *self,
                      GError   **error)
{
  g_return_val_if_fail (LYG_IS_INDEX (self), FALSE);
  g_return_val_if_fail (!self->bulk, FALSE);

  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);

  if (sqlite3_exec (self->db, "DROP INDEX entries_id; DROP INDEX entries_type;"
                    "DROP INDEX entries_person;", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_error (self, error);
      return FALSE;
    }
  self->bulk = TRUE;

  return TRUE;
}

gboolean
lyg_index_finish_bulk (LygIndex  *self,
                       GError   **error)
{
  g_return_val_if_fail (LYG_IS_INDEX (self), FALSE);
  g_return_val_if_fail (self->bulk, FALSE);

  if (sqlite3_exec (self->db, indexes, NULL, NULL, NULL) != SQLITE_OK)
    {
      set_error (self, error);
      return FALSE;
    }
  self->bulk = FALSE;

  return TRUE;
}

gboolean
lyg_index_begin (LygIndex  *self,
                 GError   **error)
{
  g_return_val_if_fail (LYG_IS_INDEX (self), FALSE);

  if (self->db == NULL || sqlite3_exec (self->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
lyg_index_commit (LygIndex  *self,
                  GError   **error)
{
  g_return_val_if_fail (LYG_IS_INDEX (self), FALSE);

  if (self->db == NULL || sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

void
lyg_index_rollback (LygIndex *self)
{
  g_return_if_fail (LYG_IS_INDEX (self));

  if (self->db != NULL)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gint64
find_row (LygIndex   *self,
          const char *id)
{
  sqlite3_stmt *stmt = get_stmt (self, STMT_FIND, NULL);
  gint64 n = 0;

  if (stmt == NULL)
    return 0;

  bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

gboolean
lyg_index_remove (LygIndex    *self,
                  const char  *id,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 n;

  g_return_val_if_fail (LYG_IS_INDEX (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if ((n = find_row (self, id)) == 0)
    return TRUE;

  if (!(stmt = get_stmt (self, STMT_FTS_DELETE, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, n);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (!(stmt = get_stmt (self, STMT_FACT_DELETE, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, n);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (!(stmt = get_stmt (self, STMT_DELETE, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, n);

  return step_done (self, stmt, error);
}

struct _LygIndexRow
{
  LygIndexEntry  entry;
  char          *body;
  LygStatsFact   fact;
  gboolean       deleted;
};

LygIndexRow *
lyg_index_row_new (LygRecord *record)
{
  LygIndexRow *row;

  g_return_val_if_fail (LYG_IS_RECORD (record), NULL);

  row = g_new0 (LygIndexRow, 1);
  row->entry.id = g_strdup (lyg_record_get_id (record));
  row->deleted = lyg_record_is_deleted (record);
  if (row->deleted)
    return row;

  row->entry.type = g_strdup (lyg_record_get_record_type (record));
  describe (record, &row->entry.title, &row->entry.subtitle, &row->entry.date);
  row->entry.person = g_strdup (lyg_record_get_string (record, "person"));
  row->entry.updated = g_strdup (lyg_record_get_max_stamp (record));
  row->body = search_body (record);
  lyg_stats_fact_init (&row->fact, record);

  return row;
}

void
lyg_index_row_free (LygIndexRow *row)
{
  if (row == NULL)
    return;

  g_free (row->entry.id);
  g_free (row->entry.type);
  g_free (row->entry.title);
  g_free (row->entry.subtitle);
  g_free (row->entry.person);
  g_free (row->entry.date);
  g_free (row->entry.updated);
  g_free (row->body);
  if (!row->deleted)
    lyg_stats_fact_clear (&row->fact);
  g_free (row);
}

gboolean
lyg_index_put_row (LygIndex     *self,
                   LygIndexRow  *row,
                   GError      **error)
{
  const LygIndexEntry *e;
  sqlite3_stmt *stmt;
  gint64 n;

  g_return_val_if_fail (LYG_IS_INDEX (self), FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  if (row->deleted)
    return lyg_index_remove (self, row->entry.id, error);

  e = &row->entry;
  n = self->bulk ? 0 : find_row (self, e->id);
  if (n != 0)
    {
      if (!(stmt = get_stmt (self, STMT_FTS_DELETE, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, n);
      if (!step_done (self, stmt, error))
        return FALSE;
      if (!(stmt = get_stmt (self, STMT_UPDATE, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, n);
    }
  else
    {
      if (!(stmt = get_stmt (self, STMT_INSERT, error)))
        return FALSE;
      bind_text (stmt, 1, e->id);
    }

  bind_text (stmt, 2, e->type);
  bind_text (stmt, 3, e->title);
  bind_text (stmt, 4, e->subtitle);
  bind_text (stmt, 5, e->person);
  bind_text (stmt, 6, e->date);
  bind_text (stmt, 7, e->updated);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (n == 0)
    n = sqlite3_last_insert_rowid (self->db);

  if (!(stmt = get_stmt (self, STMT_FTS_INSERT, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, n);
  bind_text (stmt, 2, e->title);
  bind_text (stmt, 3, row->body);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (!(stmt = get_stmt (self, STMT_FACT_PUT, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, n);
  bind_text (stmt, 2, row->fact.setting);
  bind_text (stmt, 3, row->fact.outcome);
  bind_text (stmt, 4, row->fact.target);
  if (row->fact.head_count >= 0)
    sqlite3_bind_int64 (stmt, 5, row->fact.head_count);
  bind_text (stmt, 6, row->fact.sex);
  bind_text (stmt, 7, row->fact.age_band);
  bind_text (stmt, 8, row->fact.nationality);
  bind_text (stmt, 9, row->fact.exploitation);

  return step_done (self, stmt, error);
}

gboolean
lyg_index_put (LygIndex   *self,
               LygRecord  *record,
               GError    **error)
{
  LygIndexRow *row;
  gboolean ok;

  g_return_val_if_fail (LYG_IS_INDEX (self), FALSE);
  g_return_val_if_fail (LYG_IS_RECORD (record), FALSE);

  row = lyg_index_row_new (record);
  ok = lyg_index_put_row (self, row, error);
  lyg_index_row_free (row);

  return ok;
}

static LygIndexEntry *
lookup_unlocked (LygIndex   *self,
                  const char *id)
{
  sqlite3_stmt *stmt;
  LygIndexEntry *entry = NULL;

  g_return_val_if_fail (LYG_IS_INDEX (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!(stmt = get_stmt (self, STMT_LOOKUP, NULL)))
    return NULL;
  bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    entry = entry_from_row (stmt);
  sqlite3_reset (stmt);

  return entry;
}

static GPtrArray *
list_unlocked (LygIndex    *self,
                const char  *type,
                GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LYG_IS_INDEX (self), NULL);

  if (!(stmt = get_stmt (self, type ? STMT_LIST_TYPE : STMT_LIST_ALL, error)))
    return NULL;
  if (type != NULL)
    bind_text (stmt, 1, type);

  return collect (self, stmt, error);
}

static GPtrArray *
list_for_person_unlocked (LygIndex    *self,
                           const char  *person_id,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LYG_IS_INDEX (self), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  if (!(stmt = get_stmt (self, STMT_LIST_PERSON, error)))
    return NULL;
  bind_text (stmt, 1, person_id);

  return collect (self, stmt, error);
}

static int
compare_titles (gconstpointer a,
                gconstpointer b)
{
  const LygIndexEntry *ea = *(LygIndexEntry * const *) a;
  const LygIndexEntry *eb = *(LygIndexEntry * const *) b;

  return g_utf8_collate (ea->title ? ea->title : "", eb->title ? eb->title : "");
}

/* Turns what a person types into an FTS5 query: every word must match as
 * a prefix, and nothing they type is read as query syntax. */
static char *
build_match (const char *query)
{
  g_auto(GStrv) words = g_strsplit_set (query, " \t\n\r", -1);
  GString *match = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(GString) word = g_string_new (NULL);

      for (const char *p = words[i]; *p; p++)
        if (*p != '"')
          g_string_append_c (word, *p);
      if (word->len == 0)
        continue;

      if (match->len > 0)
        g_string_append_c (match, ' ');
      g_string_append_printf (match, "\"%s\"*", word->str);
    }

  return g_string_free (match, FALSE);
}

static GPtrArray *
search_unlocked (LygIndex    *self,
                  const char  *query,
                  const char  *type,
                  guint        limit,
                  GError     **error)
{
  g_autofree char *match = NULL;
  GPtrArray *hits;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LYG_IS_INDEX (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  match = build_match (query);
  if (*match == '\0')
    return list_unlocked (self, type, error);

  /* Every hit (a list view): SQLite sorts them by title, in the same order
   * as the unfiltered list, far faster than collating in C. */
  if (limit == 0)
    {
      if (!(stmt = get_stmt (self, STMT_SEARCH_ALL, error)))
        return NULL;
      bind_text (stmt, 1, match);
      bind_text (stmt, 2, type);

      return collect (self, stmt, error);
    }

  if (!(stmt = get_stmt (self, STMT_SEARCH, error)))
    return NULL;
  bind_text (stmt, 1, match);
  bind_text (stmt, 2, type);
  sqlite3_bind_int64 (stmt, 3, limit);

  /* With a limit, FTS5 can stop early when it walks matches in rowid
   * order, which keeps a one-letter query fast on 100,000 records; the few
   * hits are then sorted by title. */
  if (!(hits = collect (self, stmt, error)))
    return NULL;
  g_ptr_array_sort (hits, compare_titles);

  return hits;
}

static guint
count_unlocked (LygIndex   *self,
                 const char *type)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (LYG_IS_INDEX (self), 0);

  if (!(stmt = get_stmt (self, type ? STMT_COUNT_TYPE : STMT_COUNT_ALL, NULL)))
    return 0;
  if (type != NULL)
    bind_text (stmt, 1, type);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

LygIndexEntry *
lyg_index_lookup (LygIndex   *self,
                  const char *id)
{
  LygIndexEntry *entry;

  g_return_val_if_fail (LYG_IS_INDEX (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  g_mutex_lock (&self->lock);
  entry = lookup_unlocked (self, id);
  g_mutex_unlock (&self->lock);

  return entry;
}

GPtrArray *
lyg_index_list (LygIndex    *self,
                const char  *type,
                GError     **error)
{
  GPtrArray *out;

  g_return_val_if_fail (LYG_IS_INDEX (self), NULL);

  g_mutex_lock (&self->lock);
  out = list_unlocked (self, type, error);
  g_mutex_unlock (&self->lock);

  return out;
}

GPtrArray *
lyg_index_list_for_person (LygIndex    *self,
                           const char  *person_id,
                           GError     **error)
{
  GPtrArray *out;

  g_return_val_if_fail (LYG_IS_INDEX (self), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  g_mutex_lock (&self->lock);
  out = list_for_person_unlocked (self, person_id, error);
  g_mutex_unlock (&self->lock);

  return out;
}

GPtrArray *
lyg_index_search (LygIndex    *self,
                  const char  *query,
                  const char  *type,
                  guint        limit,
                  GError     **error)
{
  GPtrArray *out;

  g_return_val_if_fail (LYG_IS_INDEX (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  g_mutex_lock (&self->lock);
  out = search_unlocked (self, query, type, limit, error);
  g_mutex_unlock (&self->lock);

  return out;
}

guint
lyg_index_count (LygIndex   *self,
                 const char *type)
{
  guint n;

  g_return_val_if_fail (LYG_IS_INDEX (self), 0);

  g_mutex_lock (&self->lock);
  n = count_unlocked (self, type);
  g_mutex_unlock (&self->lock);

  return n;
}

/* Adds rows in one transaction under the lock, leaving entries that exist
 * alone: those were saved after the rows were made, so they are newer. */
gboolean
lyg_index_put_rows (LygIndex     *self,
                    GPtrArray    *rows,
                    guint         from,
                    guint         to,
                    GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (LYG_IS_INDEX (self), FALSE);
  g_return_val_if_fail (rows != NULL && to <= rows->len, FALSE);

  g_mutex_lock (&self->lock);
  ok = lyg_index_begin (self, error);
  for (guint i = from; ok && i < to; i++)
    {
      LygIndexRow *row = g_ptr_array_index (rows, i);

      if (find_row (self, row->entry.id) == 0)
        ok = lyg_index_put_row (self, row, error);
    }
  if (ok)
    ok = lyg_index_commit (self, error);
  else
    lyg_index_rollback (self);
  g_mutex_unlock (&self->lock);

  return ok;
}

void
lyg_index_clear (LygIndex *self)
{
  g_return_if_fail (LYG_IS_INDEX (self));

  g_mutex_lock (&self->lock);
  close_db (self);
  g_mutex_unlock (&self->lock);
}

/**
 * lyg_index_foreach_stats_row:
 * @from: first day, YYYY-MM-DD
 * @to: day after the last, YYYY-MM-DD
 *
 * Calls @func for every encounter, screening and referral dated in
 * [@from, @to), with what statistics count of it and of its person, in
 * one query over the decrypted index (lyg-stats.c adds them up).
 */
gboolean
lyg_index_foreach_stats_row (LygIndex         *self,
                             const char       *from,
                             const char       *to,
                             LygStatsRowFunc   func,
                             gpointer          user_data,
                             GError          **error)
{
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (LYG_IS_INDEX (self), FALSE);
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  g_mutex_lock (&self->lock);
  stmt = get_stmt (self, STMT_STATS_ROWS, error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, from);
      bind_text (stmt, 2, to);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          LygStatsRow row = {
            .type = (const char *) sqlite3_column_text (stmt, 0),
            .date = (const char *) sqlite3_column_text (stmt, 1),
            .person = (const char *) sqlite3_column_text (stmt, 2),
            .setting = (const char *) sqlite3_column_text (stmt, 3),
            .outcome = (const char *) sqlite3_column_text (stmt, 4),
            .target = (const char *) sqlite3_column_text (stmt, 5),
            .head_count = sqlite3_column_type (stmt, 6) == SQLITE_NULL
                          ? -1 : sqlite3_column_int64 (stmt, 6),
            .sex = (const char *) sqlite3_column_text (stmt, 7),
            .age_band = (const char *) sqlite3_column_text (stmt, 8),
            .nationality = (const char *) sqlite3_column_text (stmt, 9),
            .exploitation = (const char *) sqlite3_column_text (stmt, 10),
            .linked = sqlite3_column_int (stmt, 11) != 0,
          };

          func (&row, user_data);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        set_error (self, error);
    }
  g_mutex_unlock (&self->lock);

  return stmt != NULL && rc == SQLITE_DONE;
}
