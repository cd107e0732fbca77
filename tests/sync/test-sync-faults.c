/* test-sync-faults.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "test-sync-util.h"

/* Sync through a transport that drops, duplicates, replays, truncates and
 * garbles, and through a server that is killed and restarted. After a
 * healthy sync every record saved anywhere is on every device exactly
 * once with its last content, and the server holds each revision once.
 */

#define N_RECORDS 12
#define BATCH     3

typedef struct
{
  TestServer *server;
  TestDevice *a;
  TestDevice *b;
  GHashTable *expected;   /* id -> notes */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->server = test_server_new ();
  f->a = test_device_new_coordinator (f->server, "A");
  f->b = test_device_new_invited (f->server, f->a, "B");
  lyg_sync_engine_set_batch_size (f->a->engine, BATCH);
  lyg_sync_engine_set_batch_size (f->b->engine, BATCH);
  f->expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->a, test_device_free);
  g_clear_pointer (&f->b, test_device_free);
  g_clear_pointer (&f->server, test_server_free);
  g_clear_pointer (&f->expected, g_hash_table_unref);
}

static char *
add (Fixture    *f,
     TestDevice *device,
     const char *notes)
{
  g_autofree char *alias = g_strdup_printf ("Person %u", g_hash_table_size (f->expected));
  char *id = test_device_add_person (device, alias, notes);

  g_hash_table_insert (f->expected, g_strdup (id), g_strdup (notes));

  return id;
}

static void
add_many (Fixture    *f,
          TestDevice *device,
          guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *notes = g_strdup_printf ("Saved on %s, number %u", device->name, i);
      g_autofree char *id = add (f, device, notes);
    }
}

static void
edit (Fixture    *f,
      TestDevice *device,
      const char *id,
      const char *notes)
{
  test_device_set (device, id, "notes", notes);
  g_hash_table_insert (f->expected, g_strdup (id), g_strdup (notes));
}

static void
sync_once (TestDevice *device)
{
  g_autoptr(LygSyncReport) report = test_device_sync_ok (device);
}

/* Every expected record on the device, once, with its last notes. */
static void
assert_has_expected (Fixture    *f,
                     TestDevice *device)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (test_device_count (device), ==, g_hash_table_size (f->expected));
  g_assert_cmpint (lyg_store_quarantine_count (lyg_vault_get_store (device->vault), NULL), ==, 0);

  g_hash_table_iter_init (&iter, f->expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *notes = test_device_get (device, key, "notes");

      g_assert_cmpstr (notes, ==, value);
    }
}

/* Heals: a fresh, healthy sync of everyone until quiet, then the checks. */
static void
recover_and_check (Fixture *f)
{
  TestDevice *devices[] = { f->a, f->b };
  guint n_server = 0;

  g_assert_cmpuint (test_fault_transport_get_n_rules (f->a->faults), ==, 0);
  g_assert_cmpuint (test_fault_transport_get_n_rules (f->b->faults), ==, 0);

  test_settle (devices, 2);
  test_assert_converged (devices, 2);
  assert_has_expected (f, f->a);
  assert_has_expected (f, f->b);

  /* Each record's revisions reached the server once each. */
  test_server_assert_unique (f->server, &n_server);
  g_assert_cmpuint (n_server, >=, g_hash_table_size (f->expected));

  /* What the devices have is on disk, not only in memory. */
  test_device_reopen (f->b, f->server);
  assert_has_expected (f, f->b);
  sync_once (f->b);
  assert_has_expected (f, f->b);
}

typedef struct
{
  const char *path;
  const char *method;
  guint       skip;
  TestFault   fault;
  GQuark      error_domain;   /* 0: the sync succeeds */
} FaultCase;

static void
assert_failed_with (const GError *error,
                    GQuark        domain)
{
  g_assert_nonnull (error);
  if (domain == LYG_PROTOCOL_ERROR)
    g_assert_true (error->domain == LYG_PROTOCOL_ERROR ||
                   g_error_matches (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_PROTOCOL));
  else
    g_assert_true (error->domain == domain);
  g_test_message ("failed as expected: %s", error->message);
}

/* A's pushes (12 records in batches of 3) or pulls (B's 12 and its own, in
 * pages of 7) meet one fault. */
static void
test_fault_case (Fixture       *f,
                 gconstpointer  data)
{
  const FaultCase *c = data;
  g_autoptr(LygSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  guint n_server = 0;

  add_many (f, f->b, N_RECORDS);
  sync_once (f->b);
  add_many (f, f->a, N_RECORDS);

  test_fault_transport_add (f->a->faults, c->method, c->skip, c->fault);
  report = test_device_sync (f->a, &error);
  g_assert_cmpuint (test_fault_transport_get_n_rules (f->a->faults), ==, 0);

  if (c->error_domain == 0)
    {
      g_assert_no_error (error);
      g_assert_nonnull (report);
      g_assert_cmpint (test_device_outbox (f->a), ==, 0);
    }
  else
    {
      assert_failed_with (error, c->error_domain);
      g_assert_null (report);
      g_assert_cmpint (lyg_sync_engine_get_state (f->a->engine), !=, LYG_SYNC_STATE_IDLE);

      /* Batches before the fault were acknowledged; the one that met it
       * was not, even if the server stored it. */
      if (g_str_equal (c->method, "POST"))
        g_assert_cmpint (test_device_outbox (f->a), ==, N_RECORDS - BATCH * c->skip);
      else
        g_assert_cmpint (test_device_outbox (f->a), ==, 0);
    }

  recover_and_check (f);

  /* Nothing but the 24 saves: a repeated push stored nothing new. */
  test_server_assert_unique (f->server, &n_server);
  g_assert_cmpuint (n_server, ==, 2 * N_RECORDS);
}

static const FaultCase fault_cases[] = {
  { "/lyg/sync/fault/push/drop-request", "POST", 1, TEST_FAULT_DROP_REQUEST, 0 },
  { "/lyg/sync/fault/push/drop-response", "POST", 1, TEST_FAULT_DROP_RESPONSE, 0 },
  { "/lyg/sync/fault/push/drop-first-response", "POST", 0, TEST_FAULT_DROP_RESPONSE, 0 },
  { "/lyg/sync/fault/push/duplicate", "POST", 1, TEST_FAULT_DUPLICATE, 0 },
  { "/lyg/sync/fault/push/truncate", "POST", 2, TEST_FAULT_TRUNCATE, 0 },
  { "/lyg/sync/fault/push/garble", "POST", 1, TEST_FAULT_GARBLE, 0 },
  { "/lyg/sync/fault/push/garbage", "POST", 3, TEST_FAULT_GARBAGE, 0 },
  { "/lyg/sync/fault/push/stale", "POST", 2, TEST_FAULT_STALE, 0 },
  { "/lyg/sync/fault/pull/drop-request", "GET", 1, TEST_FAULT_DROP_REQUEST, 0 },
  { "/lyg/sync/fault/pull/drop-response", "GET", 2, TEST_FAULT_DROP_RESPONSE, 0 },
  { "/lyg/sync/fault/pull/duplicate", "GET", 1, TEST_FAULT_DUPLICATE, 0 },
  { "/lyg/sync/fault/pull/truncate", "GET", 1, TEST_FAULT_TRUNCATE, 0 },
  { "/lyg/sync/fault/pull/garble", "GET", 0, TEST_FAULT_GARBLE, 0 },
  { "/lyg/sync/fault/pull/garbage", "GET", 1, TEST_FAULT_GARBAGE, 0 },
  { "/lyg/sync/fault/pull/stale", "GET", 2, TEST_FAULT_STALE, 0 },
};

/* The domains are not constants; filled in by main(). */
static FaultCase cases[G_N_ELEMENTS (fault_cases)];

/* A save that lands while its record's previous revision is being pushed
 * stays queued when that push is acknowledged. */
typedef struct
{
  Fixture *f;
  char    *edited;
} EditDuringPush;

static void
edit_in_flight_cb (gpointer user_data)
{
  EditDuringPush *e = user_data;
  g_autoptr(GPtrArray) in_flight = NULL;
  g_autoptr(GError) error = NULL;
  LygEnvelope *first;

  /* The batch being sent is the head of the outbox. */
  in_flight = lyg_store_outbox_peek (lyg_vault_get_store (e->f->a->vault), BATCH, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (in_flight->len, ==, BATCH);
  first = g_ptr_array_index (in_flight, 0);
  e->edited = g_strdup (first->id);
  edit (e->f, e->f->a, first->id, "Edited while its first revision was on the way");
}

static void
test_edit_during_push (Fixture       *f,
                       gconstpointer  data)
{
  EditDuringPush e = { f, NULL };
  g_autoptr(LygSyncReport) report = NULL;
  g_autofree char *notes = NULL;

  add_many (f, f->a, N_RECORDS);
  test_fault_transport_add_hook (f->a->faults, "POST", 1, TEST_FAULT_NONE, FALSE,
                                 edit_in_flight_cb, &e);
  report = test_device_sync_ok (f->a);
  g_assert_nonnull (e.edited);
  g_assert_cmpuint (report->pushed, ==, N_RECORDS + 1);
  g_assert_cmpint (test_device_outbox (f->a), ==, 0);

  sync_once (f->b);
  notes = test_device_get (f->b, e.edited, "notes");
  g_assert_cmpstr (notes, ==, "Edited while its first revision was on the way");

  recover_and_check (f);
  g_free (e.edited);
}

static guint
replay (TestDevice *device,
        GPtrArray  *bodies,
        gboolean    reverse)
{
  LygTransport *inner = test_fault_transport_get_inner (device->faults);
  guint n_acks = 0;

  for (guint i = 0; i < bodies->len; i++)
    {
      GBytes *body = g_ptr_array_index (bodies, reverse ? bodies->len - 1 - i : i);
      g_autoptr(LygPushResponse) response = NULL;
      g_autoptr(GBytes) answer = NULL;
      g_autoptr(GError) error = NULL;
      guint status = 0;

      answer = lyg_transport_send (inner, "POST", LYG_API_PATH_RECORDS, body, NULL, &status,
                                   &error);
      g_assert_no_error (error);
      g_assert_cmpuint (status, ==, 200);
      response = lyg_protocol_parse_push_response (answer, &error);
      g_assert_no_error (error);
      n_acks += response->stored->len;
    }

  return n_acks;
}

/* Old batches replayed to the server, in reverse order, long after they
 * were stored, change nothing. */
static void
test_replay_old_batches (Fixture       *f,
                         gconstpointer  data)
{
  GPtrArray *pushes;
  g_autofree char *id = NULL;
  guint n_before = 0;
  guint n_after = 0;

  add_many (f, f->a, N_RECORDS);
  id = add (f, f->b, "First version");
  sync_once (f->a);
  sync_once (f->b);
  edit (f, f->b, id, "Second version");
  sync_once (f->b);
  sync_once (f->a);
  test_server_assert_unique (f->server, &n_before);

  pushes = test_fault_transport_get_pushes (f->a->faults);
  g_assert_cmpuint (pushes->len, ==, N_RECORDS / BATCH);
  g_assert_cmpuint (replay (f->a, pushes, TRUE), ==, N_RECORDS);
  /* B's first version of the record, pushed again by B and by A. */
  pushes = test_fault_transport_get_pushes (f->b->faults);
  g_assert_cmpuint (replay (f->b, pushes, TRUE), ==, 2);
  g_assert_cmpuint (replay (f->a, pushes, FALSE), ==, 2);

  test_server_assert_unique (f->server, &n_after);
  g_assert_cmpuint (n_after, ==, n_before);

  recover_and_check (f);
}

/* An old revision that reaches the server after a newer one (a batch
 * delayed in the network and delivered late) does not win. */
static void
test_late_old_revision (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) held = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LygSyncReport) report = NULL;
  g_autofree char *id = NULL;

  id = add (f, f->a, "Version 1");
  test_fault_transport_add (f->a->faults, "POST", 0, TEST_FAULT_HOLD);
  report = test_device_sync (f->a, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED);
  held = test_fault_transport_steal_held (f->a->faults);
  g_assert_cmpuint (held->len, ==, 1);

  edit (f, f->a, id, "Version 2");
  sync_once (f->a);
  sync_once (f->b);

  /* Version 1 arrives now, with a higher sequence number than version 2. */
  g_assert_cmpuint (replay (f->a, held, FALSE), ==, 1);
  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *on_a = NULL;
      g_autofree char *on_b = NULL;

      sync_once (f->b);
      sync_once (f->a);
      on_a = test_device_get (f->a, id, "notes");
      on_b = test_device_get (f->b, id, "notes");
      g_assert_cmpstr (on_a, ==, "Version 2");
      g_assert_cmpstr (on_b, ==, "Version 2");
    }

  for (guint d = 0; d < 2; d++)
    {
      TestDevice *device = d ? f->b : f->a;
      g_autoptr(LygRecord) record = lyg_vault_get_record (device->vault, id, NULL);
      g_autoptr(GPtrArray) conflicts = lyg_record_get_conflicts (record);

      g_assert_cmpuint (conflicts->len, ==, 0);
    }

  recover_and_check (f);
}

/* The server dies after storing a batch and before answering; a new
 * server process on the same database comes up on another port. */
static void
kill_server_cb (gpointer user_data)
{
  Fixture *f = user_data;

  test_server_stop (f->server);
}

static void
restart_same_port_cb (gpointer user_data)
{
  Fixture *f = user_data;
  guint port = f->server->port;

  test_server_stop (f->server);
  test_server_start (f->server, port);
  g_assert_cmpuint (f->server->port, ==, port);
}

static void
test_server_killed (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LygSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  guint n_server = 0;

  add_many (f, f->b, N_RECORDS);
  sync_once (f->b);
  add_many (f, f->a, N_RECORDS);

  test_fault_transport_add_hook (f->a->faults, "POST", 1, TEST_FAULT_DROP_RESPONSE, TRUE,
                                 kill_server_cb, f);
  report = test_device_sync (f->a, &error);
  g_assert_nonnull (error);
  g_assert_null (report);
  g_assert_cmpint (test_device_outbox (f->a), ==, N_RECORDS - BATCH);

  /* While it is down: the sync fails cleanly, and work goes on offline. */
  g_clear_error (&error);
  report = test_device_sync (f->a, &error);
  g_assert_nonnull (error);
  g_assert_cmpint (lyg_sync_engine_get_state (f->a->engine), ==, LYG_SYNC_STATE_OFFLINE);
  g_clear_error (&error);
  add_many (f, f->a, 2);
  add_many (f, f->b, 2);

  test_server_start (f->server, 0);
  test_device_connect (f->a, f->server);
  test_device_connect (f->b, f->server);
  lyg_sync_engine_set_batch_size (f->a->engine, BATCH);

  recover_and_check (f);
  test_server_assert_unique (f->server, &n_server);
  g_assert_cmpuint (n_server, ==, g_hash_table_size (f->expected));

  /* Once more, restarted on the same port between two batches: the
   * device's kept-alive connection is gone. */
  add_many (f, f->a, N_RECORDS);
  test_fault_transport_add_hook (f->a->faults, "POST", 1, TEST_FAULT_NONE, TRUE,
                                 restart_same_port_cb, f);
  report = test_device_sync (f->a, &error);
  g_test_message ("sync across the restart: %s", error ? error->message : "completed");
  g_clear_error (&error);

  recover_and_check (f);
  test_server_assert_unique (f->server, &n_server);
  g_assert_cmpuint (n_server, ==, g_hash_table_size (f->expected));
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  g_file_get_contents (from, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, len, &error);
  g_assert_no_error (error);
}

static void
restart_from (Fixture    *f,
              const char *backup)
{
  g_autofree char *wal = g_strconcat (f->server->db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->server->db_path, "-shm", NULL);

  test_server_stop (f->server);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_unlink (shm);
  if (backup != NULL)
    copy_file (backup, f->server->db_path);
  test_server_start (f->server, 0);
  test_device_connect (f->a, f->server);
  test_device_connect (f->b, f->server);
}

/* The server's database is put back from an older backup, which lacks
 * what A sent since: A notices that the server is behind it and sends
 * everything again, and B, which had not synced since the backup, gets
 * it all. When several devices had synced past the backup, see
 * test_restored_from_backup_both_ahead(). */
static void
test_restored_from_backup (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *backup = g_strconcat (f->server->db_path, ".backup", NULL);
  g_autoptr(LygSyncReport) report = NULL;
  TestDevice *devices[] = { f->a, f->b };

  add_many (f, f->a, N_RECORDS);
  add_many (f, f->b, N_RECORDS);
  test_settle (devices, 2);

  restart_from (f, NULL);
  copy_file (f->server->db_path, backup);

  add_many (f, f->a, 5);
  sync_once (f->a);
  add_many (f, f->a, 2);
  add_many (f, f->b, 2);

  restart_from (f, backup);
  /* Its two new records, then everything once it saw the server's head. */
  report = test_device_sync_ok (f->a);
  g_assert_cmpuint (report->pushed, ==, 2 + 2 * N_RECORDS + 7);
  g_assert_cmpuint (report->pulled, ==, 2 * N_RECORDS + 7);

  recover_and_check (f);
}

/* Both devices synced past the backup. The first to sync afterwards sends
 * everything again, which gives the server new sequence numbers above the
 * other device's cursor; the other one must notice that the revision at its
 * cursor is not the one it pulled (pull with "at") and start over, or it
 * would skip the records that now sit below its cursor. */
static void
test_restored_from_backup_both_ahead (Fixture       *f,
                                      gconstpointer  data)
{
  g_autofree char *backup = g_strconcat (f->server->db_path, ".backup", NULL);
  TestDevice *devices[] = { f->a, f->b };

  add_many (f, f->a, N_RECORDS);
  test_settle (devices, 2);

  restart_from (f, NULL);
  copy_file (f->server->db_path, backup);

  add_many (f, f->a, 3);
  add_many (f, f->b, 4);
  test_settle (devices, 2);

  restart_from (f, backup);
  add_many (f, f->a, 1);
  add_many (f, f->b, 1);
  sync_once (f->a);

  recover_and_check (f);
}

/* Many rounds of random saves and random faults on both devices, with
 * held batches delivered late at random. Each device edits only its own
 * records, so the last value of each is known. */
static void
test_random_faults (Fixture       *f,
                    gconstpointer  data)
{
  static const TestFault faults[] = {
    TEST_FAULT_NONE, TEST_FAULT_DROP_REQUEST, TEST_FAULT_DROP_RESPONSE, TEST_FAULT_DUPLICATE,
    TEST_FAULT_TRUNCATE, TEST_FAULT_GARBLE, TEST_FAULT_GARBAGE, TEST_FAULT_HOLD,
    TEST_FAULT_STALE,
  };
  g_autoptr(GPtrArray) own_a = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) own_b = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) late = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  guint n_failed = 0;

  for (guint round = 0; round < 40; round++)
    {
      TestDevice *device = g_test_rand_bit () ? f->a : f->b;
      GPtrArray *own = device == f->a ? own_a : own_b;
      g_autoptr(LygSyncReport) report = NULL;
      g_autoptr(GPtrArray) held = NULL;
      g_autoptr(GError) error = NULL;
      guint n_saves = round == 0 ? 3 : g_test_rand_int_range (0, 5);

      for (guint i = 0; i < n_saves; i++)
        {
          g_autofree char *notes = g_strdup_printf ("Round %u, save %u on %s", round, i,
                                                    device->name);

          if (own->len > 0 && g_test_rand_bit ())
            edit (f, device, own->pdata[g_test_rand_int_range (0, own->len)], notes);
          else
            g_ptr_array_add (own, add (f, device, notes));
        }

      /* At least one sync fails for sure. */
      if (round == 0)
        test_fault_transport_add (device->faults, "POST", 0, TEST_FAULT_DROP_RESPONSE);
      for (guint i = g_test_rand_int_range (0, 3); i > 0; i--)
        test_fault_transport_add (device->faults, g_test_rand_bit () ? "POST" : "GET",
                                  g_test_rand_int_range (0, 3),
                                  faults[g_test_rand_int_range (0, G_N_ELEMENTS (faults))]);

      report = test_device_sync (device, &error);
      if (error != NULL)
        n_failed++;

      /* Rules that did not come up are dropped with the transport. */
      held = test_fault_transport_steal_held (device->faults);
      for (guint i = 0; i < held->len; i++)
        g_ptr_array_add (late, g_bytes_ref (held->pdata[i]));
      if (test_fault_transport_get_n_rules (device->faults) > 0)
        test_device_connect (device, f->server);

      if (late->len > 0 && g_test_rand_int_range (0, 4) == 0)
        {
          replay (f->a, late, g_test_rand_bit ());
          g_ptr_array_set_size (late, 0);
        }
    }

  g_test_message ("%u of 40 syncs failed", n_failed);
  g_assert_cmpuint (n_failed, >, 0);
  replay (f->b, late, FALSE);
  recover_and_check (f);
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

  for (guint i = 0; i < G_N_ELEMENTS (fault_cases); i++)
    {
      cases[i] = fault_cases[i];
      switch (cases[i].fault)
        {
        case TEST_FAULT_DROP_REQUEST:
        case TEST_FAULT_DROP_RESPONSE:
          cases[i].error_domain = G_IO_ERROR;
          break;
        case TEST_FAULT_STALE:
          /* An old push answer acknowledges old revisions: the batch
           * that was not acknowledged is simply sent again. */
          if (g_str_equal (cases[i].method, "POST"))
            cases[i].error_domain = 0;
          else
            cases[i].error_domain = LYG_PROTOCOL_ERROR;
          break;
        case TEST_FAULT_TRUNCATE:
        case TEST_FAULT_GARBLE:
        case TEST_FAULT_GARBAGE:
          cases[i].error_domain = LYG_PROTOCOL_ERROR;
          break;
        case TEST_FAULT_NONE:
        case TEST_FAULT_DUPLICATE:
        case TEST_FAULT_HOLD:
        case TEST_FAULT_CANNED:
        default:
          cases[i].error_domain = 0;
          break;
        }
      g_test_add (cases[i].path, Fixture, &cases[i], fixture_setup, test_fault_case,
                  fixture_teardown);
    }
  ADD ("/lyg/sync/fault/edit-during-push", test_edit_during_push);
  ADD ("/lyg/sync/fault/replay-old-batches", test_replay_old_batches);
  ADD ("/lyg/sync/fault/late-old-revision", test_late_old_revision);
  ADD ("/lyg/sync/fault/server-killed-and-restarted", test_server_killed);
  ADD ("/lyg/sync/fault/server-restored-from-backup", test_restored_from_backup);
  ADD ("/lyg/sync/fault/server-restored-from-backup-both-ahead",
       test_restored_from_backup_both_ahead);
  ADD ("/lyg/sync/fault/random", test_random_faults);

  return g_test_run ();
}
