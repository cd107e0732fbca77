/* lyg-server-sqlite.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lygte-server"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "lyg-server-sqlite.h"

/* The embedded storage backend. All SQL of the server lives in this file,
 * so another backend (PostgreSQL) only has to implement the interface.
 */

struct _LygServerSqlite
{
  GObject        parent_instance;

  char          *path;
  sqlite3       *db;
  GMutex         mutex;
  sqlite3_stmt **stmts;
};

typedef enum
{
  STMT_BEGIN,
  STMT_COMMIT,
  STMT_ROLLBACK,
  STMT_INSERT_ENVELOPE,
  STMT_FIND_ENVELOPE,
  STMT_HEAD,
  STMT_PULL,
  STMT_ADD_CODE,
  STMT_FIND_CODE,
  STMT_USE_CODE,
  STMT_FIND_DEVICE,
  STMT_ADD_DEVICE,
  STMT_LOOKUP_TOKEN,
  STMT_LIST_DEVICES,
  STMT_REVOKE,
  STMT_TOUCH,
  STMT_ADD_AUDIT,
  STMT_LIST_AUDIT,
  STMT_GET_META,
  STMT_FIND_ERASED,
  STMT_NOTE_PURGED,
  STMT_PURGE,
  STMT_SET_ERASED,
  STMT_WAS_PURGED,
  N_STMTS
} Stmt;

static const char * const stmt_sql[N_STMTS] = {
  [STMT_BEGIN] = "BEGIN IMMEDIATE",
  [STMT_COMMIT] = "COMMIT",
  [STMT_ROLLBACK] = "ROLLBACK",
  [STMT_INSERT_ENVELOPE] =
    "INSERT INTO envelopes (id, hlc, device, key_id, blob, pushed_by, received, erase) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (id, hlc, device) DO NOTHING",
  [STMT_FIND_ENVELOPE] =
    "SELECT seq FROM envelopes WHERE id = ?1 AND hlc = ?2 AND device = ?3",
  [STMT_HEAD] = "SELECT COALESCE (MAX (seq), 0) FROM envelopes",
  [STMT_PULL] =
    "SELECT seq, id, hlc, device, key_id, blob, erase FROM envelopes "
    "WHERE seq > ?1 ORDER BY seq LIMIT ?2",
  [STMT_ADD_CODE] =
    "INSERT INTO codes (hash, name, role, created, expires, created_by) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [STMT_FIND_CODE] = "SELECT name, role, expires, used FROM codes WHERE hash = ?1",
  [STMT_USE_CODE] =
    "UPDATE codes SET used = ?2, used_by = ?3 WHERE hash = ?1 AND used IS NULL",
  [STMT_FIND_DEVICE] = "SELECT 1 FROM devices WHERE id = ?1",
  [STMT_ADD_DEVICE] =
    "INSERT INTO devices (id, name, role, token_hash, enrolled, code_hash) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [STMT_LOOKUP_TOKEN] =
    "SELECT id, name, role, enrolled, last_seen, revoked FROM devices WHERE token_hash = ?1",
  [STMT_LIST_DEVICES] =
    "SELECT id, name, role, enrolled, last_seen, revoked FROM devices ORDER BY enrolled, id",
  [STMT_REVOKE] = "UPDATE devices SET revoked = COALESCE (revoked, ?2) WHERE id = ?1",
  [STMT_TOUCH] = "UPDATE devices SET last_seen = ?2 WHERE id = ?1",
  [STMT_ADD_AUDIT] =
    "INSERT INTO audit (time, event, device, address, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_LIST_AUDIT] =
    "SELECT id, time, event, device, address, detail FROM audit "
    "WHERE id > ?1 ORDER BY id LIMIT ?2",
  [STMT_GET_META] = "SELECT value FROM meta WHERE key = ?1",
  [STMT_FIND_ERASED] = "SELECT seq FROM erased WHERE id = ?1",
  [STMT_NOTE_PURGED] =
    "INSERT OR IGNORE INTO purged (seq) SELECT seq FROM envelopes WHERE id = ?1 AND seq <> ?2",
  [STMT_PURGE] = "DELETE FROM envelopes WHERE id = ?1 AND seq <> ?2",
  [STMT_SET_ERASED] =
    "INSERT INTO erased (id, seq) VALUES (?1, ?2) ON CONFLICT (id) DO UPDATE SET seq = ?2",
  [STMT_WAS_PURGED] = "SELECT 1 FROM purged WHERE seq = ?1",
};

/* Step by step migrations; index i takes user_version i to i + 1. */
static const char * const migrations[] = {
  "CREATE TABLE meta ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ");"
  "CREATE TABLE envelopes ("
  "  seq       INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  id        TEXT NOT NULL,"
  "  hlc       TEXT NOT NULL,"
  "  device    TEXT NOT NULL,"
  "  key_id    TEXT NOT NULL,"
  "  blob      BLOB NOT NULL,"
  "  pushed_by TEXT NOT NULL,"
  "  received  INTEGER NOT NULL,"
  "  UNIQUE (id, hlc, device)"
  ");"
  "CREATE TABLE devices ("
  "  id         TEXT PRIMARY KEY,"
  "  name       TEXT NOT NULL,"
  "  role       TEXT NOT NULL CHECK (role IN ('worker', 'coordinator')),"
  "  token_hash TEXT NOT NULL UNIQUE,"
  "  enrolled   INTEGER NOT NULL,"
  "  last_seen  INTEGER,"
  "  revoked    INTEGER,"
  "  code_hash  TEXT"
  ");"
  "CREATE TABLE codes ("
  "  hash       TEXT PRIMARY KEY,"
  "  name       TEXT NOT NULL,"
  "  role       TEXT NOT NULL CHECK (role IN ('worker', 'coordinator')),"
  "  created    INTEGER NOT NULL,"
  "  expires    INTEGER NOT NULL,"
  "  created_by TEXT,"
  "  used       INTEGER,"
  "  used_by    TEXT"
  ");"
  "CREATE TABLE audit ("
  "  id      INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  time    INTEGER NOT NULL,"
  "  event   TEXT NOT NULL,"
  "  device  TEXT,"
  "  address TEXT,"
  "  detail  TEXT"
  ");",
  /* Erasure (lyg-erasure.h): an erasure tombstone drops every earlier
   * revision of its record; "erased" turns away revisions pushed after
   * it, "purged" lets a client whose cursor sat on a dropped revision go
   * on pulling instead of starting over. */
  "ALTER TABLE envelopes ADD COLUMN erase INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE erased ("
  "  id  TEXT PRIMARY KEY,"
  "  seq INTEGER NOT NULL"
  ");"
  "CREATE TABLE purged ("
  "  seq INTEGER PRIMARY KEY"
  ");",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LYG_SERVER_SQLITE_SCHEMA_VERSION);

static void storage_iface_init (LygServerStorageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LygServerSqlite, lyg_server_sqlite, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LYG_TYPE_SERVER_STORAGE, storage_iface_init))

static gboolean
set_db_error (LygServerSqlite  *self,
              GError          **error,
              const char       *what)
{
  g_set_error (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_FAILED,
               "Database error (%s): %s", what, sqlite3_errmsg (self->db));
  return FALSE;
}

static sqlite3_stmt *
stmt (LygServerSqlite *self,
      Stmt             which)
{
  sqlite3_stmt *s = self->stmts[which];

  sqlite3_reset (s);
  sqlite3_clear_bindings (s);

  return s;
}

static void
stmt_done (sqlite3_stmt *s)
{
  sqlite3_reset (s);
  sqlite3_clear_bindings (s);
}

static gboolean
run_simple (LygServerSqlite  *self,
            Stmt              which,
            GError          **error)
{
  sqlite3_stmt *s = stmt (self, which);
  int rc = sqlite3_step (s);

  stmt_done (s);

  if (rc != SQLITE_DONE)
    return set_db_error (self, error, stmt_sql[which]);

  return TRUE;
}

static gboolean
begin (LygServerSqlite  *self,
       GError          **error)
{
  return run_simple (self, STMT_BEGIN, error);
}

static gboolean
commit (LygServerSqlite  *self,
        GError          **error)
{
  if (!run_simple (self, STMT_COMMIT, error))
    {
      run_simple (self, STMT_ROLLBACK, NULL);
      return FALSE;
    }

  return TRUE;
}

static void
rollback (LygServerSqlite *self)
{
  if (!sqlite3_get_autocommit (self->db))
    run_simple (self, STMT_ROLLBACK, NULL);
}

static void
bind_text (sqlite3_stmt *s,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (s, index);
  else
    sqlite3_bind_text (s, index, text, -1, SQLITE_STATIC);
}

static char *
column_dup (sqlite3_stmt *s,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (s, column));
}

static gint64
get_head_locked (LygServerSqlite  *self,
                 GError          **error)
{
  sqlite3_stmt *s = stmt (self, STMT_HEAD);
  gint64 head = -1;

  if (sqlite3_step (s) == SQLITE_ROW)
    head = sqlite3_column_int64 (s, 0);
  else
    set_db_error (self, error, "head");

  stmt_done (s);

  return head;
}

static LygDeviceInfo *
device_from_row (sqlite3_stmt *s)
{
  LygRole role = LYG_ROLE_WORKER;

  lyg_role_from_string ((const char *) sqlite3_column_text (s, 2), &role);

  return lyg_device_info_new ((const char *) sqlite3_column_text (s, 0),
                              (const char *) sqlite3_column_text (s, 1),
                              role,
                              sqlite3_column_int64 (s, 3),
                              sqlite3_column_int64 (s, 4),
                              sqlite3_column_type (s, 5) != SQLITE_NULL);
}

static gint64
find_erased (LygServerSqlite *self,
             const char      *id)
{
  sqlite3_stmt *s = stmt (self, STMT_FIND_ERASED);
  gint64 seq = -1;

  bind_text (s, 1, id);
  if (sqlite3_step (s) == SQLITE_ROW)
    seq = sqlite3_column_int64 (s, 0);
  stmt_done (s);

  return seq;
}

static gboolean
purge_step (LygServerSqlite *self,
            Stmt             which,
            const char      *id,
            gint64           seq)
{
  sqlite3_stmt *s = stmt (self, which);
  int rc;

  bind_text (s, 1, id);
  sqlite3_bind_int64 (s, 2, seq);
  rc = sqlite3_step (s);
  stmt_done (s);

  return rc == SQLITE_DONE;
}

/* Drops every revision of @id but the erasure tombstone at @seq. */
static gboolean
purge_record (LygServerSqlite *self,
              const char      *id,
              gint64           seq)
{
  return purge_step (self, STMT_NOTE_PURGED, id, seq) &&
         purge_step (self, STMT_PURGE, id, seq) &&
         purge_step (self, STMT_SET_ERASED, id, seq);
}

static void
compact_locked (LygServerSqlite *self)
{
  const char *steps[] = {
    "PRAGMA wal_checkpoint(TRUNCATE)", "VACUUM", "PRAGMA wal_checkpoint(TRUNCATE)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (sqlite3_exec (self->db, steps[i], NULL, NULL, NULL) != SQLITE_OK)
        {
          g_warning ("Could not compact the database after an erasure: %s",
                     sqlite3_errmsg (self->db));
          return;
        }
    }
}

static gboolean
lyg_server_sqlite_was_purged (LygServerStorage  *storage,
                              gint64             seq,
                              GError           **error)
{
  LygServerSqlite *self = LYG_SERVER_SQLITE (storage);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  sqlite3_stmt *s = stmt (self, STMT_WAS_PURGED);
  gboolean found;
  int rc;

  sqlite3_bind_int64 (s, 1, seq);
  rc = sqlite3_step (s);
  found = rc == SQLITE_ROW;
  stmt_done (s);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_db_error (self, error, "was_purged");

  return found;
}

/* LygServerStorage */

static gboolean
lyg_server_sqlite_push (LygServerStorage  *storage,
                        GPtrArray         *envelopes,
                        const char        *pushed_by,
                        gint64             now,
                        GArray            *seqs,
                        gint64            *head,
                        GError           **error)
{
  LygServerSqlite *self = LYG_SERVER_SQLITE (storage);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  guint old_len = seqs->len;
  gboolean purged = FALSE;
  gint64 new_head;

  if (!begin (self, error))
    return FALSE;

  for (guint i = 0; i < envelopes->len; i++)
    {
      const LygEnvelope *envelope = g_ptr_array_index (envelopes, i);
      sqlite3_stmt *s;
      gint64 seq = -1;
      int rc;

      /* An erased record takes no new revisions: a device that had not
       * heard of the erasure yet gets the tombstone's place as its ack
       * and the tombstone on its next pull. */
      if (!envelope->erase && (seq = find_erased (self, envelope->id)) > 0)
        {
          g_array_append_val (seqs, seq);
          continue;
        }

      s = stmt (self, STMT_INSERT_ENVELOPE);
      bind_text (s, 1, envelope->id);
      bind_text (s, 2, envelope->hlc);
      bind_text (s, 3, envelope->device);
      bind_text (s, 4, envelope->key_id);
      sqlite3_bind_blob64 (s, 5, g_bytes_get_data (envelope->blob, NULL),
                           g_bytes_get_size (envelope->blob), SQLITE_STATIC);
      bind_text (s, 6, pushed_by);
      sqlite3_bind_int64 (s, 7, now);
      sqlite3_bind_int (s, 8, envelope->erase ? 1 : 0);
      rc = sqlite3_step (s);
      stmt_done (s);

      if (rc != SQLITE_DONE)
        goto failed;

      if (sqlite3_changes (self->db) == 1)
        {
          seq = sqlite3_last_insert_rowid (self->db);
        }
      else
        {
          /* Already there: idempotent on (id, hlc, device). */
          s = stmt (self, STMT_FIND_ENVELOPE);
          bind_text (s, 1, envelope->id);
          bind_text (s, 2, envelope->hlc);
          bind_text (s, 3, envelope->device);
          if (sqlite3_step (s) == SQLITE_ROW)
            seq = sqlite3_column_int64 (s, 0);
          stmt_done (s);
        }

      if (seq <= 0)
        goto failed;

      if (envelope->erase)
        {
          if (!purge_record (self, envelope->id, seq))
            goto failed;
          purged = TRUE;
        }

      g_array_append_val (seqs, seq);
    }

  new_head = get_head_locked (self, error);
  if (new_head < 0)
    {
      rollback (self);
      g_array_set_size (seqs, old_len);
      return FALSE;
    }

  if (!commit (self, error))
    {
      g_array_set_size (seqs, old_len);
      return FALSE;
    }

  /* secure_delete zeroed the dropped rows in their pages; compacting also
   * gives back the freed pages and empties the WAL, which still held
   * copies of them. A failure here loses nothing and is retried by the
   * next erasure. */
  if (purged)
    compact_locked (self);

  if (head != NULL)
    *head = new_head;

  return TRUE;

failed:
  set_db_error (self, error, "push");
  rollback (self);
  g_array_set_size (seqs, old_len);
  return FALSE;
}

static GPtrArray *
lyg_server_sqlite_pull (LygServerStorage  *storage,
                        gint64             since,
                        guint              limit,
                        gsize              max_bytes,
                        gboolean          *more,
                        gint64            *head,
                        GError           **error)
{
  LygServerSqlite *self = LYG_SERVER_SQLITE (storage);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  g_autoptr(GPtrArray) result = NULL;
  sqlite3_stmt *s = stmt (self, STMT_PULL);
  gboolean has_more = FALSE;
  gsize total = 0;
  gint64 new_head;
  int rc;

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_stored_envelope_free);
  sqlite3_bind_int64 (s, 1, since);
  sqlite3_bind_int64 (s, 2, (gint64) limit + 1);

  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      g_autoptr(GBytes) blob = NULL;
      LygEnvelope *envelope;
      gsize blob_len = (gsize) sqlite3_column_bytes (s, 5);

      if (result->len == limit ||
          (max_bytes > 0 && result->len > 0 && total + blob_len > max_bytes))
        {
          has_more = TRUE;
          break;
        }

      blob = g_bytes_new (sqlite3_column_blob (s, 5), blob_len);
      envelope = lyg_envelope_new ((const char *) sqlite3_column_text (s, 1),
                                   (const char *) sqlite3_column_text (s, 2),
                                   (const char *) sqlite3_column_text (s, 3),
                                   (const char *) sqlite3_column_text (s, 4),
                                   blob);
      envelope->erase = sqlite3_column_int (s, 6) != 0;
      g_ptr_array_add (result, lyg_stored_envelope_new (sqlite3_column_int64 (s, 0), envelope));
      total += blob_len;
    }

  stmt_done (s);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_db_error (self, error, "pull");
      return NULL;
    }

  new_head = get_head_locked (self, error);
  if (new_head < 0)
    return NULL;

  if (more != NULL)
    *more = has_more;
  if (head != NULL)
    *head = new_head;

  return g_steal_pointer (&result);
}

static gboolean
lyg_server_sqlite_add_code (LygServerStorage  *storage,
                            const char        *code_hash,
                            const char        *name,
                            LygRole            role,
                            gint64             created,
                            gint64             expires,
                            const char        *created_by,
                            GError           **error)
{
  LygServerSqlite *self = LYG_SERVER_SQLITE (storage);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  sqlite3_stmt *s = stmt (self, STMT_ADD_CODE);
  int rc;

  bind_text (s, 1, code_hash);
  bind_text (s, 2, name);
  bind_text (s, 3, lyg_role_to_string (role));
  sqlite3_bind_int64 (s, 4, created);
  sqlite3_bind_int64 (s, 5, expires);
  bind_text (s, 6, created_by);
  rc = sqlite3_step (s);
  stmt_done (s);

  if (rc != SQLITE_DONE)
    return set_db_error (self, error, "add code");

  return TRUE;
}

static LygDeviceInfo *
lyg_server_sqlite_redeem_code (LygServerStorage  *storage,
                               const char        *code_hash,
                               const char        *device_id,
                               const char        *device_name,
                               const char        *token_hash,
                               gint64             now,
                               GError           **error)
{
  LygServerSqlite *self = LYG_SERVER_SQLITE (storage);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  g_autofree char *name = NULL;
  LygRole role = LYG_ROLE_WORKER;
  gboolean used;
  gint64 expires;
  sqlite3_stmt *s;
  int rc;

  if (!begin (self, error))
    return NULL;

  s = stmt (self, STMT_FIND_CODE);
  bind_text (s, 1, code_hash);
  rc = sqlite3_step (s);
  if (rc != SQLITE_ROW)
    {
      stmt_done (s);
      rollback (self);
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_NOT_FOUND,
                             "Unknown enrollment code");
      else
        set_db_error (self, error, "find code");
      return NULL;
    }

  name = column_dup (s, 0);
  lyg_role_from_string ((const char *) sqlite3_column_text (s, 1), &role);
  expires = sqlite3_column_int64 (s, 2);
  used = sqlite3_column_type (s, 3) != SQLITE_NULL;
  stmt_done (s);

  if (used || now >= expires)
    {
      rollback (self);
      if (used)
        g_set_error_literal (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_CODE_USED,
                             "The enrollment code has been used");
      else
        g_set_error_literal (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_CODE_EXPIRED,
                             "The enrollment code has expired");
      return NULL;
    }

  s = stmt (self, STMT_FIND_DEVICE);
  bind_text (s, 1, device_id);
  rc = sqlite3_step (s);
  stmt_done (s);
  if (rc != SQLITE_DONE)
    {
      if (rc == SQLITE_ROW)
        g_set_error_literal (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_EXISTS,
                             "The device is already enrolled");
      else
        set_db_error (self, error, "find device");
      rollback (self);
      return NULL;
    }

  s = stmt (self, STMT_USE_CODE);
  bind_text (s, 1, code_hash);
  sqlite3_bind_int64 (s, 2, now);
  bind_text (s, 3, device_id);
  rc = sqlite3_step (s);
  stmt_done (s);
  if (rc != SQLITE_DONE || sqlite3_changes (self->db) != 1)
    {
      set_db_error (self, error, "use code");
      rollback (self);
      return NULL;
    }

  /* The coordinator's name for the invitation wins over the device's own. */
  if (name == NULL || *name == '\0')
    {
      g_free (name);
      name = g_strdup (device_name);
    }

  s = stmt (self, STMT_ADD_DEVICE);
  bind_text (s, 1, device_id);
  bind_text (s, 2, name);
  bind_text (s, 3, lyg_role_to_string (role));
  bind_text (s, 4, token_hash);
  sqlite3_bind_int64 (s, 5, now);
  bind_text (s, 6, code_hash);
  rc = sqlite3_step (s);
  stmt_done (s);
  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, "add device");
      rollback (self);
      return NULL;
    }

  if (!commit (self, error))
    return NULL;

  return lyg_device_info_new (device_id, name, role, now, 0, FALSE);
}

static LygDeviceInfo *
lyg_server_sqlite_lookup_token (LygServerStorage  *storage,
                                const char        *token_hash,
                                GError           **error)
{
  LygServerSqlite *self = LYG_SERVER_SQLITE (storage);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  sqlite3_stmt *s = stmt (self, STMT_LOOKUP_TOKEN);
  LygDeviceInfo *device = NULL;
  int rc;

  bind_text (s, 1, token_hash);
  rc = sqlite3_step (s);
  if (rc == SQLITE_ROW)
    device = device_from_row (s);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_NOT_FOUND,
                         "Unknown token");
  else
    set_db_error (self, error, "lookup token");
  stmt_done (s);

  return device;
}

static GPtrArray *
lyg_server_sqlite_list_devices (LygServerStorage  *storage,
                                GError           **error)
{
  LygServerSqlite *self = LYG_SERVER_SQLITE (storage);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  g_autoptr(GPtrArray) devices = NULL;
  sqlite3_stmt *s = stmt (self, STMT_LIST_DEVICES);
  int rc;

  devices = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_device_info_free);

  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    g_ptr_array_add (devices, device_from_row (s));
  stmt_done (s);

  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, "list devices");
      return NULL;
    }

  return g_steal_pointer (&devices);
}

static gboolean
lyg_server_sqlite_revoke_device (LygServerStorage  *storage,
                                 const char        *device_id,
                                 gint64             now,
                                 GError           **error)
{
  LygServerSqlite *self = LYG_SERVER_SQLITE (storage);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  sqlite3_stmt *s = stmt (self, STMT_REVOKE);
  int rc;

  bind_text (s, 1, device_id);
  sqlite3_bind_int64 (s, 2, now);
  rc = sqlite3_step (s);
  stmt_done (s);

  if (rc != SQLITE_DONE)
    return set_db_error (self, error, "revoke");

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_NOT_FOUND,
                   "No device %s", device_id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
lyg_server_sqlite_touch_device (LygServerStorage  *storage,
                                const char        *device_id,
                                gint64             now,
                                GError           **error)
{
  LygServerSqlite *self = LYG_SERVER_SQLITE (storage);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  sqlite3_stmt *s = stmt (self, STMT_TOUCH);
  int rc;

  bind_text (s, 1, device_id);
  sqlite3_bind_int64 (s, 2, now);
  rc = sqlite3_step (s);
  stmt_done (s);

  if (rc != SQLITE_DONE)
    return set_db_error (self, error, "touch");

  return TRUE;
}

static gboolean
lyg_server_sqlite_add_audit (LygServerStorage  *storage,
                             gint64             now,
                             const char        *event,
                             const char        *device_id,
                             const char        *address,
                             const char        *detail,
                             GError           **error)
{
  LygServerSqlite *self = LYG_SERVER_SQLITE (storage);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  sqlite3_stmt *s = stmt (self, STMT_ADD_AUDIT);
  int rc;

  sqlite3_bind_int64 (s, 1, now);
  bind_text (s, 2, event);
  bind_text (s, 3, device_id);
  bind_text (s, 4, address);
  bind_text (s, 5, detail);
  rc = sqlite3_step (s);
  stmt_done (s);

  if (rc != SQLITE_DONE)
    return set_db_error (self, error, "audit");

  return TRUE;
}

static GPtrArray *
lyg_server_sqlite_list_audit (LygServerStorage  *storage,
                              gint64             after_id,
                              guint              limit,
                              GError           **error)
{
  LygServerSqlite *self = LYG_SERVER_SQLITE (storage);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  g_autoptr(GPtrArray) entries = NULL;
  sqlite3_stmt *s = stmt (self, STMT_LIST_AUDIT);
  int rc;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_server_audit_entry_free);

  sqlite3_bind_int64 (s, 1, after_id);
  sqlite3_bind_int64 (s, 2, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (s)) == SQLITE_ROW)
    {
      LygServerAuditEntry *entry = g_new0 (LygServerAuditEntry, 1);

      entry->id = sqlite3_column_int64 (s, 0);
      entry->time = sqlite3_column_int64 (s, 1);
      entry->event = column_dup (s, 2);
      entry->device = column_dup (s, 3);
      entry->address = column_dup (s, 4);
      entry->detail = column_dup (s, 5);
      g_ptr_array_add (entries, entry);
    }
  stmt_done (s);

  if (rc != SQLITE_DONE)
    {
      set_db_error (self, error, "list audit");
      return NULL;
    }

  return g_steal_pointer (&entries);
}

static char *
lyg_server_sqlite_get_team_id (LygServerStorage  *storage,
                               GError           **error)
{
  LygServerSqlite *self = LYG_SERVER_SQLITE (storage);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  sqlite3_stmt *s = stmt (self, STMT_GET_META);
  char *team = NULL;

  bind_text (s, 1, "team");
  if (sqlite3_step (s) == SQLITE_ROW)
    team = column_dup (s, 0);
  else
    set_db_error (self, error, "team");
  stmt_done (s);

  return team;
}

static void
storage_iface_init (LygServerStorageInterface *iface)
{
  iface->push = lyg_server_sqlite_push;
  iface->pull = lyg_server_sqlite_pull;
  iface->add_code = lyg_server_sqlite_add_code;
  iface->redeem_code = lyg_server_sqlite_redeem_code;
  iface->lookup_token = lyg_server_sqlite_lookup_token;
  iface->list_devices = lyg_server_sqlite_list_devices;
  iface->revoke_device = lyg_server_sqlite_revoke_device;
  iface->touch_device = lyg_server_sqlite_touch_device;
  iface->add_audit = lyg_server_sqlite_add_audit;
  iface->list_audit = lyg_server_sqlite_list_audit;
  iface->get_team_id = lyg_server_sqlite_get_team_id;
  iface->was_purged = lyg_server_sqlite_was_purged;
}

/* Opening */

static gboolean
exec (LygServerSqlite  *self,
      const char       *sql,
      GError          **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_FAILED,
                   "Database error: %s", message ? message : "unknown");
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

static int
get_user_version (LygServerSqlite *self)
{
  sqlite3_stmt *s = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK &&
      sqlite3_step (s) == SQLITE_ROW)
    version = sqlite3_column_int (s, 0);
  sqlite3_finalize (s);

  return version;
}

static gboolean
migrate (LygServerSqlite  *self,
         GError          **error)
{
  int version = get_user_version (self);

  if (version < 0)
    return set_db_error (self, error, "user_version");

  if (version > LYG_SERVER_SQLITE_SCHEMA_VERSION)
    {
      g_set_error (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_VERSION,
                   "The database %s has schema version %d; this server knows up to %d",
                   self->path, version, LYG_SERVER_SQLITE_SCHEMA_VERSION);
      return FALSE;
    }

  while (version < LYG_SERVER_SQLITE_SCHEMA_VERSION)
    {
      g_autofree char *set_version = NULL;

      if (!exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      /* Another process may have migrated while we waited for the lock. */
      version = get_user_version (self);
      if (version >= LYG_SERVER_SQLITE_SCHEMA_VERSION)
        return exec (self, "COMMIT", error);

      set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!exec (self, migrations[version], error) ||
          (version == 0 && !exec (self, "INSERT INTO meta (key, value) VALUES "
                                        "('team', lower (hex (randomblob (16))))", error)) ||
          !exec (self, set_version, error) ||
          !exec (self, "COMMIT", error))
        {
          exec (self, "ROLLBACK", NULL);
          return FALSE;
        }

      version++;
    }

  return TRUE;
}

/**
 * lyg_server_sqlite_new:
 * @path: the database file, created (mode 0600) if missing
 *
 * Opens the server database in WAL mode with synchronous=FULL and brings
 * its schema up to date.
 */
LygServerSqlite *
lyg_server_sqlite_new (const char  *path,
                       GError     **error)
{
  g_autoptr(LygServerSqlite) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LYG_TYPE_SERVER_SQLITE, NULL);
  self->path = g_strdup (path);

  /* The file holds token hashes and everyone's ciphertext: keep it private. */
  if (strcmp (path, ":memory:") != 0 && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      int fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd < 0 && errno != EEXIST)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "Cannot create %s: %s", path, g_strerror (saved_errno));
          return NULL;
        }
      if (fd >= 0)
        g_close (fd, NULL);
    }

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_FAILED,
                   "Cannot open %s: %s", path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 10000);

  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA synchronous = FULL", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "PRAGMA secure_delete = ON", error) ||
      !migrate (self, error))
    return NULL;

  self->stmts = g_new0 (sqlite3_stmt *, N_STMTS);
  for (guint i = 0; i < N_STMTS; i++)
    {
      if (sqlite3_prepare_v3 (self->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
                              &self->stmts[i], NULL) != SQLITE_OK)
        {
          set_db_error (self, error, stmt_sql[i]);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

const char *
lyg_server_sqlite_get_path (LygServerSqlite *self)
{
  g_return_val_if_fail (LYG_IS_SERVER_SQLITE (self), NULL);

  return self->path;
}

static void
lyg_server_sqlite_finalize (GObject *object)
{
  LygServerSqlite *self = (LygServerSqlite *) object;

  if (self->stmts != NULL)
    {
      for (guint i = 0; i < N_STMTS; i++)
        sqlite3_finalize (self->stmts[i]);
      g_free (self->stmts);
    }

  if (self->db != NULL)
    sqlite3_close (self->db);

  g_mutex_clear (&self->mutex);
  g_free (self->path);

  G_OBJECT_CLASS (lyg_server_sqlite_parent_class)->finalize (object);
}

static void
lyg_server_sqlite_class_init (LygServerSqliteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lyg_server_sqlite_finalize;
}

static void
lyg_server_sqlite_init (LygServerSqlite *self)
{
  g_mutex_init (&self->mutex);
}
