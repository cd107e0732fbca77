/* test-sync-errors.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "test-sync-util.h"

/* Each thing that can go wrong between a device and its team server gives
 * its own error, and none of them loses a record: a server that is not
 * the pinned one, expired, reused and wrong enrollment codes and
 * invitations, a revoked device (which then erases its keys), envelopes
 * tampered with on the server (quarantined; the sync goes on), and
 * answers that are not what the protocol says.
 */

typedef struct
{
  TestServer *server;
  TestDevice *a;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->server = test_server_new ();
  f->a = test_device_new_coordinator (f->server, "A");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->a, test_device_free);
  g_clear_pointer (&f->server, test_server_free);
}

static void
sync_once (TestDevice *device)
{
  g_autoptr(LygSyncReport) report = test_device_sync_ok (device);
}

static char *
other_pin (void)
{
  g_autoptr(GTlsCertificate) other = test_load_certificate ("other-cert.pem", NULL);

  return lyg_protocol_pin_from_certificate (other);
}

static gint64
read_cursor (TestDevice *device)
{
  g_autoptr(GBytes) value = NULL;
  g_autofree char *text = NULL;

  value = lyg_store_get_meta (lyg_vault_get_store (device->vault), "sync.cursor", NULL);
  if (value == NULL)
    return 0;
  text = g_strndup (g_bytes_get_data (value, NULL), g_bytes_get_size (value));

  return g_ascii_strtoll (text, NULL, 10);
}

/* Pins */

static void
test_wrong_pin (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TestDevice) d = test_device_new ("D");
  g_autoptr(LygSoupTransport) wrong = NULL;
  g_autoptr(LygSyncEngine) engine = NULL;
  g_autoptr(LygSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pin = other_pin ();
  g_autofree char *code = test_server_new_code (f->server, LYG_ROLE_WORKER, 600);
  g_autofree char *token = NULL;
  g_autofree char *id = NULL;
  guint n_stored = 0;

  g_assert_cmpstr (pin, !=, f->server->pin);

  /* Joining a server that shows another certificate stops before the
   * request is made: the code is still good afterwards. */
  lyg_team_join (d->vault, NULL, f->server->url, pin, code, "D", NULL, NULL, NULL, &error);
  g_assert_error (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_PIN);
  g_assert_false (lyg_team_is_joined (d->vault));
  g_clear_error (&error);

  lyg_team_join (d->vault, NULL, f->server->url, f->server->pin, code, "D", NULL, NULL, NULL,
                 &error);
  g_assert_no_error (error);
  g_assert_true (lyg_team_is_joined (d->vault));

  /* A joined device meeting another certificate sends nothing and keeps
   * its outbox. */
  id = test_device_add_person (f->a, "Kept", NULL);
  token = lyg_team_dup_setting (f->a->vault, "sync.token");
  wrong = lyg_soup_transport_new (f->server->url, pin, &error);
  g_assert_no_error (error);
  lyg_transport_set_token (LYG_TRANSPORT (wrong), token);
  engine = lyg_sync_engine_new (f->a->vault, LYG_TRANSPORT (wrong));

  report = lyg_sync_engine_sync (engine, NULL, &error);
  g_assert_error (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_PIN);
  g_assert_null (report);
  g_assert_cmpint (lyg_sync_engine_get_state (engine), ==, LYG_SYNC_STATE_ERROR);
  test_server_assert_unique (f->server, &n_stored);
  g_assert_cmpuint (n_stored, ==, 0);
  g_assert_cmpint (test_device_outbox (f->a), ==, 1);
  g_assert_true (lyg_vault_get_unlocked (f->a->vault));

  sync_once (f->a);
  g_assert_cmpint (test_device_outbox (f->a), ==, 0);
  test_server_assert_unique (f->server, &n_stored);
  g_assert_cmpuint (n_stored, ==, 1);
}

/* Enrollment codes and invitations */

static void
test_expired_code (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(TestDevice) d = test_device_new ("D");
  g_autoptr(TestDevice) e = test_device_new ("E");
  g_autoptr(LygInvitation) invitation = NULL;
  g_autoptr(LygKey) team_key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = test_server_new_code (f->server, LYG_ROLE_WORKER, -1);
  g_autofree char *code2 = test_server_new_code (f->server, LYG_ROLE_WORKER, -3600);
  g_autofree char *secret = lyg_invitation_new_secret ();
  g_autofree char *sealed = NULL;
  LygKdfParams params = lyg_kdf_params_minimum ();

  lyg_team_join (d->vault, NULL, f->server->url, f->server->pin, code, "D", NULL, NULL, NULL,
                 &error);
  g_assert_error (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_EXPIRED_CODE);
  g_assert_false (lyg_team_is_joined (d->vault));
  g_clear_error (&error);

  /* An invitation whose code has expired: what a coordinator's old
   * invitation is after its time. */
  team_key = lyg_vault_dup_team_key (f->a->vault, NULL);
  invitation = lyg_invitation_new (f->server->url, f->server->pin, code2,
                                   lyg_vault_get_active_key_id (f->a->vault), team_key);
  sealed = lyg_invitation_seal (invitation, secret, &params, &error);
  g_assert_no_error (error);
  lyg_team_join_invitation (e->vault, sealed, secret, "E", NULL, &error);
  g_assert_error (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_EXPIRED_CODE);
  g_assert_false (lyg_team_is_joined (e->vault));
  g_assert_null (lyg_vault_dup_team_key (e->vault, lyg_vault_get_active_key_id (f->a->vault)));
}

static void
test_reused_code (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(TestDevice) b = test_device_new ("B");
  g_autoptr(TestDevice) d = test_device_new ("D");
  g_autoptr(TestDevice) e = test_device_new ("E");
  g_autoptr(GError) error = NULL;
  g_autofree char *code = test_server_new_code (f->server, LYG_ROLE_COORDINATOR, 600);
  g_autofree char *invitation = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *wrong_secret = lyg_invitation_new_secret ();
  LygKdfParams params = lyg_kdf_params_minimum ();

  lyg_team_join (d->vault, NULL, f->server->url, f->server->pin, code, "D", NULL, NULL, NULL,
                 &error);
  g_assert_no_error (error);
  lyg_team_join (e->vault, NULL, f->server->url, f->server->pin, code, "E", NULL, NULL, NULL,
                 &error);
  g_assert_error (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_USED_CODE);
  g_assert_false (lyg_team_is_joined (e->vault));
  g_clear_error (&error);

  /* Codes that were never issued, or aren't codes at all */
  lyg_team_join (e->vault, NULL, f->server->url, f->server->pin,
                 "0123-4567-89ab-cdef-0123-4567-89ab-cdef", "E", NULL, NULL, NULL, &error);
  g_assert_error (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_BAD_CODE);
  g_clear_error (&error);
  lyg_team_join (e->vault, NULL, f->server->url, f->server->pin, "let me in", "E", NULL, NULL,
                 NULL, &error);
  g_assert_error (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_BAD_CODE);
  g_clear_error (&error);

  /* Invitations: a wrong secret opens nothing and uses nothing up; the
   * right one works once. */
  invitation = lyg_team_invite (f->a->vault, NULL, "B", LYG_ROLE_WORKER, 0, &params, &secret,
                                NULL, &error);
  g_assert_no_error (error);
  lyg_team_join_invitation (b->vault, invitation, wrong_secret, "B", NULL, &error);
  g_assert_error (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_INVITATION);
  g_assert_false (lyg_team_is_joined (b->vault));
  g_clear_error (&error);

  lyg_team_join_invitation (b->vault, invitation, secret, "B", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lyg_team_is_joined (b->vault));

  lyg_team_join_invitation (e->vault, invitation, secret, "E", NULL, &error);
  g_assert_error (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_USED_CODE);
  g_assert_false (lyg_team_is_joined (e->vault));
  g_clear_error (&error);

  /* A worker can't invite. */
  g_free (invitation);
  invitation = lyg_team_invite (b->vault, NULL, "F", LYG_ROLE_WORKER, 0, &params, &secret,
                                NULL, &error);
  g_assert_error (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_FORBIDDEN);
  g_assert_null (invitation);
}

/* Revocation */

static void
on_revoked_cb (LygSyncEngine *engine,
               const char    *message,
               gpointer       user_data)
{
  guint *n_signals = user_data;

  g_assert_nonnull (message);
  (*n_signals)++;
}

static void
test_revoked (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(TestDevice) b = test_device_new_invited (f->server, f->a, "B");
  g_autoptr(LygVault) reopened = NULL;
  g_autoptr(LygSyncReport) report = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *synced = NULL;
  g_autofree char *unsynced = NULL;
  g_autofree char *alias = NULL;
  g_autofree char *b_id = g_strdup (lyg_vault_get_device_id (b->vault));
  guint n_signals = 0;
  gboolean listed = FALSE;

  synced = test_device_add_person (b, "Synced before the revocation", NULL);
  sync_once (b);
  unsynced = test_device_add_person (b, "Never synced", NULL);

  /* Workers can't revoke. */
  lyg_team_revoke (b->vault, NULL, lyg_vault_get_device_id (f->a->vault), &error);
  g_assert_error (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_FORBIDDEN);
  g_clear_error (&error);

  lyg_team_revoke (f->a->vault, NULL, b_id, &error);
  g_assert_no_error (error);
  devices = lyg_team_list_devices (f->a->vault, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < devices->len; i++)
    {
      LygDeviceInfo *info = g_ptr_array_index (devices, i);

      if (g_str_equal (info->id, b_id))
        {
          g_assert_true (info->revoked);
          listed = TRUE;
        }
      else
        g_assert_false (info->revoked);
    }
  g_assert_true (listed);

  g_signal_connect (b->engine, "revoked", G_CALLBACK (on_revoked_cb), &n_signals);
  report = test_device_sync (b, &error);
  g_assert_error (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_REVOKED);
  g_assert_null (report);
  g_assert_cmpuint (n_signals, ==, 1);
  g_assert_cmpint (lyg_sync_engine_get_state (b->engine), ==, LYG_SYNC_STATE_ERROR);
  g_assert_false (lyg_vault_get_unlocked (b->vault));
  g_clear_error (&error);

  /* The keys are gone for good: the right passphrase opens nothing. */
  g_clear_object (&b->engine);
  g_clear_object (&b->faults);
  g_clear_object (&b->vault);
  reopened = lyg_vault_open (b->path, &error);
  g_assert_no_error (error);
  g_assert_false (lyg_vault_unlock (reopened, b->passphrase, &error));
  g_assert_error (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_KEYS_DESTROYED);
  g_assert_false (lyg_vault_get_unlocked (reopened));
  g_clear_error (&error);
  g_assert_null (lyg_vault_get_record (reopened, synced, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* The team keeps what B had sent, and goes on. */
  sync_once (f->a);
  alias = test_device_get (f->a, synced, "alias");
  g_assert_cmpstr (alias, ==, "Synced before the revocation");
  g_clear_pointer (&alias, g_free);
  alias = test_device_get (f->a, unsynced, "alias");
  g_assert_null (alias);
}

/* A token the server doesn't know is not a revocation: nothing erased. */
static void
test_unknown_token (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LygSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = lyg_crypto_random_hex (32);
  g_autofree char *id = test_device_add_person (f->a, "Still here", NULL);
  g_autofree char *alias = NULL;

  lyg_transport_set_token (LYG_TRANSPORT (f->a->faults), token);
  report = test_device_sync (f->a, &error);
  g_assert_error (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_AUTH);
  g_assert_true (lyg_vault_get_unlocked (f->a->vault));
  alias = test_device_get (f->a, id, "alias");
  g_assert_cmpstr (alias, ==, "Still here");
  g_assert_cmpint (test_device_outbox (f->a), ==, 1);

  test_device_connect (f->a, f->server);
  sync_once (f->a);
  g_assert_cmpint (test_device_outbox (f->a), ==, 0);
}

/* Tampering on the server */

static void
tamper (TestServer *server,
        const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  rc = sqlite3_open_v2 (server->db_path, &db, SQLITE_OPEN_READWRITE, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_changes (db), >, 0);
  sqlite3_close (db);
}

/* Flips one bit in the middle of the ciphertext stored under @seq. */
static void
flip_bit (TestServer *server,
          gint64      seq)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree guint8 *blob = NULL;
  int len;

  g_assert_cmpint (sqlite3_open_v2 (server->db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT blob FROM envelopes WHERE seq = ?1", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, seq);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  len = sqlite3_column_bytes (stmt, 0);
  g_assert_cmpint (len, >, 40);
  blob = g_memdup2 (sqlite3_column_blob (stmt, 0), len);
  sqlite3_finalize (stmt);

  blob[len / 2] ^= 0x01;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE envelopes SET blob = ?2 WHERE seq = ?1", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_blob (stmt, 2, blob, len, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_tampered_envelope (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(TestDevice) b = test_device_new_invited (f->server, f->a, "B");
  g_autoptr(TestDevice) c = NULL;
  g_autoptr(LygSyncReport) report = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stored = NULL;
  g_autofree char *late = NULL;
  LygStoredEnvelope *flipped;
  const char *flipped_id;

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *alias = g_strdup_printf ("Person %u", i);

      g_ptr_array_add (ids, test_device_add_person (f->a, alias, "Some notes"));
    }
  sync_once (f->a);

  /* One bit of one ciphertext flipped, in the database itself. */
  stored = test_server_pull_all (f->server);
  g_assert_cmpuint (stored->len, ==, 10);
  flipped = g_ptr_array_index (stored, 4);
  flipped_id = flipped->envelope->id;
  flip_bit (f->server, flipped->seq);

  report = test_device_sync_ok (b);
  g_assert_cmpuint (report->pulled, ==, 10);
  g_assert_cmpuint (report->quarantined, ==, 1);
  g_assert_cmpint (lyg_store_quarantine_count (lyg_vault_get_store (b->vault), NULL), ==, 1);
  g_assert_cmpuint (test_device_count (b), ==, 9);
  g_assert_null (lyg_vault_get_record (b->vault, flipped_id, NULL));
  for (guint i = 0; i < ids->len; i++)
    if (!g_str_equal (ids->pdata[i], flipped_id))
      {
        g_autofree char *notes = test_device_get (b, ids->pdata[i], "notes");

        g_assert_cmpstr (notes, ==, "Some notes");
      }

  /* The sync goes on past it. */
  late = test_device_add_person (f->a, "Saved after the tampering", NULL);
  sync_once (f->a);
  g_clear_pointer (&report, lyg_sync_report_free);
  report = test_device_sync_ok (b);
  g_assert_cmpuint (report->pulled, ==, 1);
  g_assert_cmpuint (report->quarantined, ==, 0);
  g_assert_cmpuint (test_device_count (b), ==, 10);

  /* Two ciphertexts swapped between rows: each is intact, but bound to
   * another record, so neither opens. */
  tamper (f->server,
          "CREATE TEMP TABLE two AS SELECT seq, blob FROM envelopes ORDER BY seq LIMIT 2;"
          "UPDATE envelopes SET blob = (SELECT blob FROM two WHERE two.seq != envelopes.seq) "
          "WHERE seq IN (SELECT seq FROM two)");
  c = test_device_new_invited (f->server, f->a, "C");
  g_clear_pointer (&report, lyg_sync_report_free);
  report = test_device_sync_ok (c);
  g_assert_cmpuint (report->pulled, ==, 11);
  g_assert_cmpuint (report->quarantined, ==, 3);
  g_assert_cmpuint (test_device_count (c), ==, 8);

  /* The author still has everything, and nothing it holds was touched. */
  g_assert_cmpuint (test_device_count (f->a), ==, 11);
}

/* Answers that are not what the protocol says */

static void
test_garbage_responses (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(TestDevice) b = test_device_new_invited (f->server, f->a, "B");
  static const struct {
    const char *method;
    guint       status;
    const char *body;
    GQuark      domain;
    int         code;
  } answers[] = {
    { "POST", 200, "<html>Welcome to the hotel wifi</html>", 0, LYG_PROTOCOL_ERROR_MALFORMED },
    { "GET", 200, "<html>Welcome to the hotel wifi</html>", 0, LYG_PROTOCOL_ERROR_MALFORMED },
    { "GET", 200, "", 0, LYG_PROTOCOL_ERROR_MALFORMED },
    { "GET", 200, "[1, 2, 3]", 0, LYG_PROTOCOL_ERROR_MALFORMED },
    { "GET", 200, "{\"envelopes\": 5, \"next\": 0, \"more\": false}", 0,
      LYG_PROTOCOL_ERROR_MALFORMED },
    { "POST", 200, "{\"stored\": [], \"next\": 0}", 1, LYG_SYNC_ERROR_PROTOCOL },
    { "POST", 502, "<html>Bad Gateway</html>", 1, LYG_SYNC_ERROR_SERVER },
    { "GET", 500, "{\"error\": {\"code\": \"internal\", \"message\": \"oops\"}}", 1,
      LYG_SYNC_ERROR_SERVER },
  };
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (ids, test_device_add_person (b, "From B", NULL));
  sync_once (b);

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr(LygSyncReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *id = test_device_add_person (f->a, "From A", NULL);
      gint64 cursor = read_cursor (f->a);
      gint64 outbox = test_device_outbox (f->a);

      g_ptr_array_add (ids, g_strdup (id));
      test_fault_transport_add_canned (f->a->faults, answers[i].method, 0, answers[i].status,
                                       answers[i].body);
      report = test_device_sync (f->a, &error);
      g_assert_null (report);
      if (answers[i].domain == 0)
        g_assert_error (error, LYG_PROTOCOL_ERROR, answers[i].code);
      else
        g_assert_error (error, LYG_SYNC_ERROR, answers[i].code);
      g_assert_nonnull (error->message);
      g_assert_cmpuint (strlen (error->message), >, 0);
      g_assert_null (strchr (error->message, '<'));
      g_assert_cmpint (lyg_sync_engine_get_state (f->a->engine), ==, LYG_SYNC_STATE_ERROR);
      g_test_message ("%s %u %s: %s", answers[i].method, answers[i].status, answers[i].body,
                      error->message);

      /* Nothing acknowledged or skipped on a bad answer. */
      if (g_str_equal (answers[i].method, "POST"))
        {
          g_assert_cmpint (test_device_outbox (f->a), ==, outbox);
          g_assert_cmpint (read_cursor (f->a), ==, cursor);
        }
      else
        {
          g_assert_cmpint (test_device_outbox (f->a), ==, 0);
          g_assert_cmpint (read_cursor (f->a), ==, cursor);
        }
    }

  /* A healthy sync brings everything everywhere. */
  sync_once (f->a);
  sync_once (b);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *on_a = test_device_get (f->a, ids->pdata[i], "alias");
      g_autofree char *on_b = test_device_get (b, ids->pdata[i], "alias");

      g_assert_nonnull (on_a);
      g_assert_cmpstr (on_a, ==, on_b);
    }
  g_assert_cmpuint (test_device_count (f->a), ==, ids->len);
  g_assert_cmpuint (test_device_count (b), ==, ids->len);
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

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/lyg/sync/error/wrong-pin", test_wrong_pin);
  ADD ("/lyg/sync/error/expired-code", test_expired_code);
  ADD ("/lyg/sync/error/reused-code", test_reused_code);
  ADD ("/lyg/sync/error/revoked", test_revoked);
  ADD ("/lyg/sync/error/unknown-token", test_unknown_token);
  ADD ("/lyg/sync/error/tampered-envelope", test_tampered_envelope);
  ADD ("/lyg/sync/error/garbage-responses", test_garbage_responses);

  return g_test_run ();
}
