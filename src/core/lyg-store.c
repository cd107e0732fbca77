/* lyg-store.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "lyg-secure-mem.h"
#include "lyg-store.h"

/* 'LYGT': tells a Lygte vault from any other SQLite file. */
#define APPLICATION_ID 0x4c594754

/* Only what must be plain for storage and sync lives here: sealed
 * envelopes, the outbox, the quarantine and the header (DESIGN §5). The
 * outbox is a flag on the envelope row with a partial index, so a save
 * writes one row, not two: that halves the cost of a bulk import.
 * Each step migrates from version N to N + 1.
 */
static const char *migrations[] = {
  /* 0 → 1 */
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE envelopes (id TEXT PRIMARY KEY, hlc TEXT NOT NULL, device TEXT NOT NULL,"
  "                        key_id TEXT NOT NULL, blob BLOB NOT NULL, pending INTEGER);"
  "CREATE INDEX outbox ON envelopes (hlc) WHERE pending IS NOT NULL;"
  "CREATE TABLE quarantine (n INTEGER PRIMARY KEY, id TEXT, hlc TEXT, device TEXT,"
  "                         key_id TEXT, blob BLOB, reason TEXT NOT NULL,"
  "                         received INTEGER NOT NULL);",
  /* 1 → 2: erasure tombstones (lyg-erasure.h) keep their flag until the
   * server has them, and after. */
  "ALTER TABLE envelopes ADD COLUMN erase INTEGER NOT NULL DEFAULT 0;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LYG_STORE_SCHEMA_VERSION);

enum {
  STMT_PUT_ENVELOPE,
  STMT_GET_ENVELOPE,
  STMT_DELETE_ENVELOPE,
  STMT_ALL_ENVELOPES,
  STMT_COUNT_ENVELOPES,
  STMT_OUTBOX_PEEK,
  STMT_OUTBOX_ACK,
  STMT_OUTBOX_COUNT,
  STMT_OUTBOX_REQUEUE,
  STMT_QUARANTINE_ADD,
  STMT_QUARANTINE_COUNT,
  STMT_GET_META,
  STMT_SET_META,
  STMT_DELETE_META,
  STMT_LIST_META,
  STMT_MARK_ERASE,
  STMT_QUARANTINE_DROP,
  N_STMTS
};

static const char *statements[N_STMTS] = {
  [STMT_PUT_ENVELOPE] =
    "INSERT INTO envelopes (id, hlc, device, key_id, blob, pending, erase) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
    "ON CONFLICT (id) DO UPDATE SET hlc = ?2, device = ?3, key_id = ?4, blob = ?5, "
    "pending = IFNULL (?6, pending), erase = MAX (erase, ?7)",
  [STMT_GET_ENVELOPE] =
    "SELECT id, hlc, device, key_id, blob, erase FROM envelopes WHERE id = ?1",
  [STMT_DELETE_ENVELOPE] =
    "DELETE FROM envelopes WHERE id = ?1",
  [STMT_ALL_ENVELOPES] =
    "SELECT id, hlc, device, key_id, blob, erase FROM envelopes",
  [STMT_COUNT_ENVELOPES] =
    "SELECT count(*) FROM envelopes",
  [STMT_OUTBOX_PEEK] =
    "SELECT id, hlc, device, key_id, blob, erase FROM envelopes WHERE pending IS NOT NULL "
    "ORDER BY hlc LIMIT ?1",
  [STMT_OUTBOX_ACK] =
    "UPDATE envelopes SET pending = NULL WHERE id = ?1 AND hlc = ?2 AND device = ?3",
  [STMT_OUTBOX_COUNT] =
    "SELECT count(*) FROM envelopes WHERE pending IS NOT NULL",
  [STMT_OUTBOX_REQUEUE] =
    "UPDATE envelopes SET pending = 1 WHERE pending IS NULL",
  [STMT_QUARANTINE_ADD] =
    "INSERT INTO quarantine (id, hlc, device, key_id, blob, reason, received) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [STMT_QUARANTINE_COUNT] =
    "SELECT count(*) FROM quarantine",
  [STMT_GET_META] =
    "SELECT value FROM meta WHERE key = ?1",
  [STMT_SET_META] =
    "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
  [STMT_DELETE_META] =
    "DELETE FROM meta WHERE key = ?1",
  [STMT_LIST_META] =
    "SELECT key FROM meta WHERE substr (key, 1, length (?1)) = ?1 ORDER BY key",
  [STMT_MARK_ERASE] =
    "UPDATE envelopes SET erase = 1 WHERE id = ?1",
  [STMT_QUARANTINE_DROP] =
    "DELETE FROM quarantine WHERE id = ?1",
};

struct _LygStore
{
  GObject       parent_instance;

  char         *path;
  sqlite3      *db;
  sqlite3_stmt *stmts[N_STMTS];
  guint         depth;
  guint         compact_pending : 1;
};

G_DEFINE_FINAL_TYPE (LygStore, lyg_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (lyg-store-error-quark, lyg_store_error)

static void
set_error_from_code (GError     **error,
                     int          code,
                     const char  *detail)
{
  switch (code & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, LYG_STORE_ERROR, LYG_STORE_ERROR_CORRUPT,
                   _("The vault file is damaged or is not a Lygte vault (%s)"), detail);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, LYG_STORE_ERROR, LYG_STORE_ERROR_CONSTRAINT,
                   _("The vault refused an inconsistent change (%s)"), detail);
      break;

    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, LYG_STORE_ERROR, LYG_STORE_ERROR_IO,
                   _("The vault file could not be read or written (%s)"), detail);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, LYG_STORE_ERROR, LYG_STORE_ERROR_ENGINE,
                   _("The vault is in use by another program (%s)"), detail);
      break;

    default:
      g_set_error (error, LYG_STORE_ERROR, LYG_STORE_ERROR_ENGINE,
                   _("The vault database failed (%s)"), detail);
      break;
    }
}

static void
set_error (LygStore  *self,
           GError   **error,
           int        code)
{
  set_error_from_code (error, code, sqlite3_errmsg (self->db));
}

static gboolean
exec (LygStore    *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int (LygStore    *self,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_OK)
    set_error (self, error, rc);
  sqlite3_finalize (stmt);

  return rc == SQLITE_OK;
}

static sqlite3_stmt *
get_stmt (LygStore  *self,
          guint      which,
          GError   **error)
{
  int rc;

  if (self->stmts[which] == NULL)
    {
      rc = sqlite3_prepare_v3 (self->db, statements[which], -1, SQLITE_PREPARE_PERSISTENT,
                               &self->stmts[which], NULL);
      if (rc != SQLITE_OK)
        {
          set_error (self, error, rc);
          return NULL;
        }
    }

  sqlite3_reset (self->stmts[which]);
  sqlite3_clear_bindings (self->stmts[which]);

  return self->stmts[which];
}

/* Runs a statement that returns no rows. */
static gboolean
step_done (LygStore      *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static LygEnvelope *
envelope_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GBytes) blob = NULL;
  LygEnvelope *envelope;
  const char *cols[4];

  for (guint i = 0; i < 4; i++)
    {
      cols[i] = (const char *) sqlite3_column_text (stmt, i);
      if (cols[i] == NULL)
        cols[i] = "";
    }
  blob = g_bytes_new (sqlite3_column_blob (stmt, 4), sqlite3_column_bytes (stmt, 4));
  envelope = lyg_envelope_new (cols[0], cols[1], cols[2], cols[3], blob);
  envelope->erase = sqlite3_column_int (stmt, 5) != 0;

  return envelope;
}

static void
lyg_store_finalize (GObject *object)
{
  LygStore *self = (LygStore *)object;

  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (lyg_store_parent_class)->finalize (object);
}

static void
lyg_store_class_init (LygStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lyg_store_finalize;
}

static void
lyg_store_init (LygStore *self)
{
}

static gboolean
migrate (LygStore  *self,
         gint64     from,
         GError   **error)
{
  for (gint64 v = from; v < LYG_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, v + 1);

      if (!lyg_store_begin (self, error))
        return FALSE;
      if (!exec (self, migrations[v], error) || !exec (self, bump, error))
        {
          lyg_store_rollback (self);
          return FALSE;
        }
      if (!lyg_store_commit (self, error))
        return FALSE;
    }

  return TRUE;
}

static LygStore *
open_store (const char  *path,
            gboolean     create,
            GError     **error)
{
  g_autoptr(LygStore) self = NULL;
  gint64 app_id = 0;
  gint64 version = 0;
  int rc;

  lyg_secure_mem_init ();

  if (create && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, LYG_STORE_ERROR, LYG_STORE_ERROR_EXISTS,
                   _("A vault already exists at %s"), path);
      return NULL;
    }
  if (!create && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, LYG_STORE_ERROR, LYG_STORE_ERROR_NOT_FOUND,
                   _("There is no vault at %s"), path);
      return NULL;
    }

  self = g_object_new (LYG_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) |
                        SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_code (error, rc, self->db ? sqlite3_errmsg (self->db) : "open");
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);

  /* Look before changing anything: a vault from a newer Lygte, or a file
   * that is not a vault, must be left exactly as it is. */
  if (!query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "PRAGMA user_version", &version, error))
    return NULL;

  if (!create && app_id != APPLICATION_ID)
    {
      g_set_error (error, LYG_STORE_ERROR, LYG_STORE_ERROR_CORRUPT,
                   _("%s is not a Lygte vault, or its header is damaged"), path);
      return NULL;
    }

  if (version > LYG_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LYG_STORE_ERROR, LYG_STORE_ERROR_SCHEMA_TOO_NEW,
                   _("This vault was written by a newer version of Lygte (format %d, this "
                     "version reads up to %d). Update Lygte to open it."),
                   (int) version, LYG_STORE_SCHEMA_VERSION);
      return NULL;
    }

  /* Envelopes are about 1.2 KB: 8 KiB pages hold six of them with little
   * slack and a shallower tree, which makes a bulk save a fifth faster.
   * Only takes effect on a new file. */
  if (create && !exec (self, "PRAGMA page_size = 8192", error))
    return NULL;

  /* Deleted rows are overwritten with zeros, and nothing decrypted may
   * reach a temp file. */
  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA synchronous = FULL", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "PRAGMA secure_delete = ON", error) ||
      !exec (self, "PRAGMA temp_store = MEMORY", error))
    return NULL;

  if (create)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d", APPLICATION_ID);

      if (!exec (self, sql, error))
        return NULL;
    }

  if (!migrate (self, version, error))
    return NULL;

  /* Touch every table so that a damaged file fails here, not later. */
  if (!create && !query_int (self, "SELECT count(*) FROM meta", &version, error))
    return NULL;

  return g_steal_pointer (&self);
}

LygStore *
lyg_store_create (const char  *path,
                  GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return open_store (path, TRUE, error);
}

LygStore *
lyg_store_open (const char  *path,
                GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return open_store (path, FALSE, error);
}

const char *
lyg_store_get_path (LygStore *self)
{
  g_return_val_if_fail (LYG_IS_STORE (self), NULL);

  return self->path;
}

gboolean
lyg_store_begin (LygStore  *self,
                 GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (LYG_IS_STORE (self), FALSE);

  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT s%u", self->depth);

  if (!exec (self, sql, error))
    return FALSE;

  self->depth++;

  return TRUE;
}

gboolean
lyg_store_commit (LygStore  *self,
                  GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (LYG_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE s%u", self->depth - 1);

  if (!exec (self, sql, error))
    {
      lyg_store_rollback (self);
      return FALSE;
    }

  self->depth--;

  if (self->depth == 0 && self->compact_pending)
    {
      g_autoptr(GError) compact_error = NULL;

      if (!lyg_store_compact (self, &compact_error))
        g_warning ("Could not compact the vault: %s", compact_error->message);
    }

  return TRUE;
}

void
lyg_store_rollback (LygStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (LYG_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO s%u; RELEASE s%u", self->depth - 1, self->depth - 1);

  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  self->depth--;
}

gboolean
lyg_store_put_envelope (LygStore           *self,
                        const LygEnvelope  *envelope,
                        gboolean            to_outbox,
                        GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LYG_IS_STORE (self), FALSE);
  g_return_val_if_fail (envelope != NULL, FALSE);

  if (!lyg_envelope_validate (envelope, error))
    return FALSE;

  /* One statement, so one transaction even outside a caller's. */
  if (!(stmt = get_stmt (self, STMT_PUT_ENVELOPE, error)))
    return FALSE;
  bind_text (stmt, 1, envelope->id);
  bind_text (stmt, 2, envelope->hlc);
  bind_text (stmt, 3, envelope->device);
  bind_text (stmt, 4, envelope->key_id);
  sqlite3_bind_blob (stmt, 5, g_bytes_get_data (envelope->blob, NULL),
                     g_bytes_get_size (envelope->blob), SQLITE_STATIC);
  /* A merged revision from the server does not clear a pending local one:
   * the row then holds their merge, which still has to go out. */
  if (to_outbox)
    sqlite3_bind_int (stmt, 6, 1);
  sqlite3_bind_int (stmt, 7, envelope->erase ? 1 : 0);

  return step_done (self, stmt, error);
}

LygEnvelope *
lyg_store_get_envelope (LygStore    *self,
                        const char  *id,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  LygEnvelope *envelope = NULL;
  int rc;

  g_return_val_if_fail (LYG_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!(stmt = get_stmt (self, STMT_GET_ENVELOPE, error)))
    return NULL;
  bind_text (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    envelope = envelope_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, LYG_STORE_ERROR, LYG_STORE_ERROR_NOT_FOUND,
                 _("No record with id %s"), id);
  else
    set_error (self, error, rc);
  sqlite3_reset (stmt);

  return envelope;
}

gboolean
lyg_store_delete_envelope (LygStore    *self,
                           const char  *id,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LYG_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!(stmt = get_stmt (self, STMT_DELETE_ENVELOPE, error)))
    return FALSE;
  bind_text (stmt, 1, id);

  return step_done (self, stmt, error);
}

gboolean
lyg_store_foreach_envelope (LygStore              *self,
                            LygStoreEnvelopeFunc   func,
                            gpointer               user_data,
                            GError               **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (LYG_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* A private statement: the callback may use the store re-entrantly. */
  rc = sqlite3_prepare_v2 (self->db, statements[STMT_ALL_ENVELOPES], -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (self, error, rc);
      return FALSE;
    }

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(LygEnvelope) envelope = envelope_from_row (stmt);

      ok = func (envelope, user_data, error);
    }

  if (ok && rc != SQLITE_DONE)
    {
      set_error (self, error, rc);
      ok = FALSE;
    }
  sqlite3_finalize (stmt);

  return ok;
}

static gint64
count_with (LygStore  *self,
            guint      which,
            GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;
  int rc;

  if (!(stmt = get_stmt (self, which, error)))
    return -1;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    set_error (self, error, rc);
  sqlite3_reset (stmt);

  return n;
}

gint64
lyg_store_count_envelopes (LygStore  *self,
                           GError   **error)
{
  g_return_val_if_fail (LYG_IS_STORE (self), -1);

  return count_with (self, STMT_COUNT_ENVELOPES, error);
}

GPtrArray *
lyg_store_outbox_peek (LygStore  *self,
                       guint      limit,
                       GError   **error)
{
  g_autoptr(GPtrArray) out = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LYG_IS_STORE (self), NULL);

  if (!(stmt = get_stmt (self, STMT_OUTBOX_PEEK, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_envelope_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, envelope_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&out);
}

gboolean
lyg_store_outbox_ack (LygStore    *self,
                      const char  *id,
                      const char  *hlc,
                      const char  *device,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LYG_IS_STORE (self), FALSE);

  /* Only if the row is still the revision that was pushed: a save made
   * while the push was in flight stays queued. */
  if (!(stmt = get_stmt (self, STMT_OUTBOX_ACK, error)))
    return FALSE;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, hlc);
  bind_text (stmt, 3, device);

  return step_done (self, stmt, error);
}

gint64
lyg_store_outbox_count (LygStore  *self,
                        GError   **error)
{
  g_return_val_if_fail (LYG_IS_STORE (self), -1);

  return count_with (self, STMT_OUTBOX_COUNT, error);
}

/* Queues every record for pushing again, for a server that lost its data. */
gboolean
lyg_store_outbox_requeue_all (LygStore  *self,
                              GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LYG_IS_STORE (self), FALSE);

  if (!(stmt = get_stmt (self, STMT_OUTBOX_REQUEUE, error)))
    return FALSE;

  return step_done (self, stmt, error);
}

gboolean
lyg_store_quarantine (LygStore           *self,
                      const LygEnvelope  *envelope,
                      const char         *reason,
                      GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LYG_IS_STORE (self), FALSE);
  g_return_val_if_fail (envelope != NULL, FALSE);
  g_return_val_if_fail (reason != NULL, FALSE);

  if (!(stmt = get_stmt (self, STMT_QUARANTINE_ADD, error)))
    return FALSE;
  bind_text (stmt, 1, envelope->id);
  bind_text (stmt, 2, envelope->hlc);
  bind_text (stmt, 3, envelope->device);
  bind_text (stmt, 4, envelope->key_id);
  if (envelope->blob != NULL)
    sqlite3_bind_blob (stmt, 5, g_bytes_get_data (envelope->blob, NULL),
                       g_bytes_get_size (envelope->blob), SQLITE_STATIC);
  bind_text (stmt, 6, reason);
  sqlite3_bind_int64 (stmt, 7, g_get_real_time () / G_USEC_PER_SEC);

  return step_done (self, stmt, error);
}

gint64
lyg_store_quarantine_count (LygStore  *self,
                            GError   **error)
{
  g_return_val_if_fail (LYG_IS_STORE (self), -1);

  return count_with (self, STMT_QUARANTINE_COUNT, error);
}

GBytes *
lyg_store_get_meta (LygStore    *self,
                    const char  *key,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  GBytes *value = NULL;
  int rc;

  g_return_val_if_fail (LYG_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!(stmt = get_stmt (self, STMT_GET_META, error)))
    return NULL;
  bind_text (stmt, 1, key);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  else if (rc == SQLITE_DONE)
    g_set_error (error, LYG_STORE_ERROR, LYG_STORE_ERROR_NOT_FOUND,
                 _("The vault has no “%s” entry"), key);
  else
    set_error (self, error, rc);
  sqlite3_reset (stmt);

  return value;
}

gboolean
lyg_store_set_meta (LygStore    *self,
                    const char  *key,
                    GBytes      *value,
                    GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LYG_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!(stmt = get_stmt (self, STMT_SET_META, error)))
    return FALSE;
  bind_text (stmt, 1, key);
  /* zeroblob keeps an empty value non-NULL for the NOT NULL column. */
  if (g_bytes_get_size (value) == 0)
    sqlite3_bind_zeroblob (stmt, 2, 0);
  else
    sqlite3_bind_blob (stmt, 2, g_bytes_get_data (value, NULL), g_bytes_get_size (value),
                       SQLITE_STATIC);

  return step_done (self, stmt, error);
}

gboolean
lyg_store_delete_meta (LygStore    *self,
                       const char  *key,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LYG_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!(stmt = get_stmt (self, STMT_DELETE_META, error)))
    return FALSE;
  bind_text (stmt, 1, key);

  return step_done (self, stmt, error);
}

char **
lyg_store_list_meta (LygStore    *self,
                     const char  *prefix,
                     GError     **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LYG_IS_STORE (self), NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  if (!(stmt = get_stmt (self, STMT_LIST_META, error)))
    return NULL;
  bind_text (stmt, 1, prefix);

  builder = g_strv_builder_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error (self, error, rc);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

gboolean
lyg_store_checkpoint (LygStore  *self,
                      GError   **error)
{
  g_return_val_if_fail (LYG_IS_STORE (self), FALSE);

  return exec (self, "PRAGMA wal_checkpoint(TRUNCATE)", error);
}

gboolean
lyg_store_mark_erase (LygStore    *self,
                      const char  *id,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LYG_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  /* A revision set aside as unreadable may hold the erased data too. */
  if (!(stmt = get_stmt (self, STMT_QUARANTINE_DROP, error)))
    return FALSE;
  bind_text (stmt, 1, id);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (!(stmt = get_stmt (self, STMT_MARK_ERASE, error)))
    return FALSE;
  bind_text (stmt, 1, id);

  return step_done (self, stmt, error);
}

gboolean
lyg_store_compact (LygStore  *self,
                   GError   **error)
{
  g_return_val_if_fail (LYG_IS_STORE (self), FALSE);

  /* Not inside a transaction: it runs when the outermost one commits. */
  if (self->depth > 0)
    {
      self->compact_pending = TRUE;
      return TRUE;
    }
  self->compact_pending = FALSE;

  /* secure_delete has zeroed what was deleted or overwritten inside the
   * pages, but the WAL still holds the old page images and the file keeps
   * freed pages: fold the WAL in, rebuild the file, and empty the WAL
   * again so that no byte of an erased revision is left. */
  return exec (self, "PRAGMA wal_checkpoint(TRUNCATE)", error) &&
         exec (self, "VACUUM", error) &&
         exec (self, "PRAGMA wal_checkpoint(TRUNCATE)", error);
}

gboolean
lyg_store_integrity_check (LygStore  *self,
                           GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (LYG_IS_STORE (self), FALSE);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;

  if (!ok)
    {
      if (rc == SQLITE_ROW || rc == SQLITE_OK)
        g_set_error (error, LYG_STORE_ERROR, LYG_STORE_ERROR_CORRUPT,
                     _("The vault file is damaged (%s)"),
                     (const char *) sqlite3_column_text (stmt, 0));
      else
        set_error (self, error, rc);
    }
  sqlite3_finalize (stmt);

  return ok;
}
