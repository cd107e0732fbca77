/* bench-sync.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Measures team sync through the real server over HTTPS on loopback, in
 * one process (the server on its own thread), and compares the server's
 * push throughput with a minimal libsoup HTTPS echo server measured in the
 * same run with the same TLS setup, request sizes and keep-alive. Prints
 * figures; gates nothing.
 *
 *   bench-sync [SCALE]     (default 1: 100,000 records to pull, 10,000 to
 *                          push, 30 s of 16 concurrent pushers; 0.1 runs
 *                          a tenth of it)
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test-sync-util.h"

#define N_PULL            100000
#define N_PUSH            10000
#define N_ROUND_TRIPS     50
#define N_CLIENTS         16
#define THROUGHPUT_S      30.0
#define CLIENT_BATCH      100
#define TARGET_PULL_S     20.0
#define TARGET_RTT_MS     100.0

static const char *words[] = {
  "met", "near", "the", "station", "she", "says", "works", "long", "hours", "in", "a",
  "cleaning", "company", "owes", "money", "to", "man", "who", "arranged", "travel",
  "passport", "kept", "by", "employer", "lives", "with", "six", "others", "flat", "afraid",
  "police", "wants", "information", "about", "health", "care", "interpreter", "late",
  "evening", "outreach", "team", "gave", "leaflet", "follow", "up", "next", "week",
};

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  p)
{
  guint i;

  g_array_sort (values, compare_doubles);
  i = (guint) (p * (values->len - 1) + 0.5);

  return g_array_index (values, double, i);
}

static LygRecord *
make_person (GRand *rand,
             guint  n)
{
  LygRecord *record = lyg_record_new ("person");
  g_autofree char *alias = g_strdup_printf ("Person %u", n);
  GString *notes = g_string_new (NULL);
  guint n_words = g_rand_int_range (rand, 10, 40);

  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (notes, ' ');
      g_string_append (notes, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }

  lyg_record_set_string (record, "alias", alias);
  lyg_record_set_string (record, "notes", notes->str);
  g_string_free (notes, TRUE);

  return record;
}

static void
save_many (TestDevice *device,
           GRand      *rand,
           guint       first,
           guint       n)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (records, make_person (rand, first + i));

  lyg_vault_save_records (device->vault, records, &error);
  g_assert_no_error (error);
}

static TestServer *
start_server (const char *dir)
{
  g_autofree char *cert = g_build_filename (BENCH_CERT_DIR, "test-cert.pem", NULL);
  g_autofree char *key = g_build_filename (BENCH_CERT_DIR, "test-key.pem", NULL);
  g_autoptr(GError) error = NULL;
  TestServer *server = g_new0 (TestServer, 1);

  server->db_path = g_build_filename (dir, "server.db", NULL);
  server->cert = g_tls_certificate_new_from_files (cert, key, &error);
  g_assert_no_error (error);
  server->pin = lyg_protocol_pin_from_certificate (server->cert);
  server->max_pull = LYG_PROTOCOL_MAX_PULL;
  test_server_start (server, 0);

  return server;
}

static void
on_first_pull_cb (gpointer user_data)
{
  double *when = user_data;

  if (*when == 0)
    *when = now_s ();
}

static guint64
sync_timed (TestDevice *device,
            double     *seconds)
{
  g_autoptr(LygSyncReport) report = NULL;
  double t0 = now_s ();

  report = test_device_sync_ok (device);
  *seconds = now_s () - t0;

  return report->pushed + report->pulled;
}

/* Concurrent pushers */

typedef struct
{
  /* In */
  const char   *url;
  const char   *pin;
  char         *token;
  char         *device_id;
  const LygKey *key;
  const char   *key_id;
  GBytes       *plain;
  double        duration;
  gboolean      echo;

  /* Out */
  guint64       n_records;
  guint64       n_requests;
  guint64       request_bytes;
  guint64       response_bytes;
  guint         n_errors;
  GPtrArray    *acked;          /* "id|hlc|device" */
} Client;

typedef struct
{
  GAsyncResult *result;
} Pending;

static void
on_client_sent_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Pending *pending = user_data;

  pending->result = g_object_ref (result);
}

static gpointer
client_thread_func (gpointer data)
{
  Client *client = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(LygSoupTransport) transport = NULL;
  g_autoptr(LygHlc) clock = NULL;
  g_autoptr(GError) error = NULL;
  double deadline;

  g_main_context_push_thread_default (context);

  transport = lyg_soup_transport_new (client->url, client->pin, &error);
  g_assert_no_error (error);
  lyg_transport_set_token (LYG_TRANSPORT (transport), client->token);
  clock = lyg_hlc_new (client->device_id);
  client->acked = g_ptr_array_new_with_free_func (g_free);

  deadline = now_s () + client->duration;
  while (now_s () < deadline)
    {
      g_autoptr(GPtrArray) batch = NULL;
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GBytes) answer = NULL;
      g_autoptr(LygPushResponse) response = NULL;
      Pending pending = { NULL };
      gsize plain_len = 0;
      const guint8 *plain = g_bytes_get_data (client->plain, &plain_len);
      guint status = 0;

      batch = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_envelope_free);
      for (guint i = 0; i < CLIENT_BATCH; i++)
        {
          g_autofree char *id = g_uuid_string_random ();
          g_autofree char *stamp = lyg_hlc_now (clock);

          g_ptr_array_add (batch, lyg_envelope_seal (client->key, client->key_id, id, stamp,
                                                     client->device_id, plain, plain_len));
        }
      body = lyg_protocol_build_push (batch);

      lyg_transport_send_async (LYG_TRANSPORT (transport), "POST", LYG_API_PATH_RECORDS, body,
                                NULL, on_client_sent_cb, &pending);
      while (pending.result == NULL)
        g_main_context_iteration (context, TRUE);
      answer = lyg_transport_send_finish (LYG_TRANSPORT (transport), pending.result, &status,
                                          &error);
      g_clear_object (&pending.result);

      if (answer == NULL || status != 200)
        {
          g_printerr ("client %s: %s (status %u)\n", client->device_id,
                      error ? error->message : "error", status);
          g_clear_error (&error);
          client->n_errors++;
          continue;
        }

      client->n_requests++;
      client->request_bytes += g_bytes_get_size (body);
      client->response_bytes += g_bytes_get_size (answer);

      if (client->echo)
        {
          client->n_records += batch->len;
          continue;
        }

      response = lyg_protocol_parse_push_response (answer, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (response->stored->len, ==, batch->len);
      for (guint i = 0; i < response->stored->len; i++)
        {
          LygPushAck *ack = g_ptr_array_index (response->stored, i);

          g_ptr_array_add (client->acked, g_strdup_printf ("%s|%s|%s", ack->id, ack->hlc,
                                                           ack->device));
        }
      client->n_records += batch->len;
    }

  g_clear_object (&transport);
  while (g_main_context_iteration (context, FALSE))
    ;
  g_main_context_pop_thread_default (context);

  return NULL;
}

/* Runs the clients for their duration; returns the wall time. */
static double
run_clients (Client *clients,
             guint   n_clients)
{
  GThread *threads[N_CLIENTS];
  double t0 = now_s ();

  for (guint i = 0; i < n_clients; i++)
    threads[i] = g_thread_new ("pusher", client_thread_func, &clients[i]);
  for (guint i = 0; i < n_clients; i++)
    g_thread_join (threads[i]);

  return now_s () - t0;
}

/* The ceiling: a SoupServer that answers every POST with a body of the
 * size our server's push answers had, over the same TLS. */

typedef struct
{
  GTlsCertificate *cert;
  gsize            answer_size;
  GMainContext    *context;
  GMainLoop       *loop;
  GThread         *thread;
  GMutex           mutex;
  GCond            cond;
  guint            port;
  gboolean         ready;
} Echo;

static void
on_echo_request_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  Echo *echo = user_data;
  SoupMessageBody *request = soup_server_message_get_request_body (msg);
  char *answer = g_malloc (echo->answer_size);

  /* Touch what came, as a server that parses it would have to. */
  g_assert_cmpint (request->length, >, 0);
  memset (answer, ' ', echo->answer_size);
  answer[0] = '{';
  answer[echo->answer_size - 1] = '}';

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, answer,
                                    echo->answer_size);
}

static gpointer
echo_thread_func (gpointer data)
{
  Echo *echo = data;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (echo->context);

  server = soup_server_new ("tls-certificate", echo->cert, NULL);
  soup_server_add_handler (server, NULL, on_echo_request_cb, echo, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS,
                            &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);

  g_mutex_lock (&echo->mutex);
  echo->port = (guint) g_uri_get_port (uris->data);
  echo->ready = TRUE;
  g_cond_signal (&echo->cond);
  g_mutex_unlock (&echo->mutex);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (echo->loop);

  soup_server_disconnect (server);
  while (g_main_context_iteration (echo->context, FALSE))
    ;
  g_main_context_pop_thread_default (echo->context);

  return NULL;
}

static void
echo_start (Echo *echo)
{
  g_mutex_init (&echo->mutex);
  g_cond_init (&echo->cond);
  echo->context = g_main_context_new ();
  echo->loop = g_main_loop_new (echo->context, FALSE);
  echo->thread = g_thread_new ("echo", echo_thread_func, echo);

  g_mutex_lock (&echo->mutex);
  while (!echo->ready)
    g_cond_wait (&echo->cond, &echo->mutex);
  g_mutex_unlock (&echo->mutex);
}

static void
echo_stop (Echo *echo)
{
  g_main_loop_quit (echo->loop);
  g_main_context_wakeup (echo->context);
  g_thread_join (echo->thread);
  g_main_loop_unref (echo->loop);
  g_main_context_unref (echo->context);
  g_mutex_clear (&echo->mutex);
  g_cond_clear (&echo->cond);
}

/* Every acknowledged revision can be pulled back, once. */
static guint64
verify_by_pulling (TestServer *server,
                   TestDevice *device,
                   gint64      since,
                   Client     *clients,
                   guint       n_clients)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  LygTransport *transport = test_fault_transport_get_inner (device->faults);
  gboolean more = TRUE;
  guint64 n_acked = 0;

  while (more)
    {
      g_autofree char *path = g_strdup_printf ("%s?since=%" G_GINT64_FORMAT "&limit=%u",
                                               LYG_API_PATH_RECORDS, since,
                                               LYG_PROTOCOL_MAX_PULL);
      g_autoptr(LygPullResponse) response = NULL;
      g_autoptr(GBytes) answer = NULL;
      g_autoptr(GError) error = NULL;
      guint status = 0;

      answer = lyg_transport_send (transport, "GET", path, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (status, ==, 200);
      response = lyg_protocol_parse_pull_response (answer, &error);
      g_assert_no_error (error);

      for (guint i = 0; i < response->envelopes->len; i++)
        {
          LygStoredEnvelope *stored = g_ptr_array_index (response->envelopes, i);
          char *key = g_strdup_printf ("%s|%s|%s", stored->envelope->id, stored->envelope->hlc,
                                       stored->envelope->device);

          if (!g_hash_table_add (seen, key))
            g_error ("pulled %s twice", key);
        }

      more = response->more && response->envelopes->len > 0;
      since = response->next;
    }

  for (guint c = 0; c < n_clients; c++)
    for (guint i = 0; i < clients[c].acked->len; i++)
      {
        if (!g_hash_table_contains (seen, clients[c].acked->pdata[i]))
          g_error ("acknowledged but not pulled: %s", (char *) clients[c].acked->pdata[i]);
        n_acked++;
      }

  g_assert_cmpuint (g_hash_table_size (seen), ==, n_acked);

  return n_acked;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
print_load (void)
{
  g_autofree char *loadavg = NULL;

  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    printf ("# load average: %s", loadavg);
  printf ("# %u processors\n", g_get_num_processors ());
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (4417);
  g_autofree char *dir = NULL;
  g_autoptr(TestServer) server = NULL;
  g_autoptr(TestDevice) a = NULL;
  g_autoptr(TestDevice) b = NULL;
  g_autoptr(GArray) rtts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(LygRecord) sample = NULL;
  g_autoptr(LygKey) key = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autofree char *one = NULL;
  Client clients[N_CLIENTS] = { { 0 } };
  Client echoes[N_CLIENTS] = { { 0 } };
  Echo echo = { 0 };
  double scale = 1.0;
  double t, t_save, t_push_all, t_pull, t_push, t_ours, t_echo;
  guint n_pull, n_push, n_runs;
  guint64 ours_records = 0, ours_requests = 0, echo_records = 0, echo_requests = 0;
  guint64 request_bytes = 0, response_bytes = 0, n_verified;
  guint errors = 0;
  gint64 head = 0;
  gboolean more = FALSE;
  char *plain_text;
  gsize plain_len = 0;
  double duration;

  setvbuf (stdout, NULL, _IOLBF, 0);

  if (argc > 1)
    {
      scale = g_ascii_strtod (argv[1], NULL);
      if (scale <= 0 || scale > 10)
        {
          fprintf (stderr, "usage: %s [SCALE]   (0 < SCALE <= 10, default 1)\n", argv[0]);
          return 2;
        }
    }
  n_pull = MAX (100, (guint) (N_PULL * scale));
  n_push = MAX (100, (guint) (N_PUSH * scale));
  n_runs = N_ROUND_TRIPS;
  duration = MAX (2.0, THROUGHPUT_S * MIN (scale, 1.0));

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      printf ("# bench-sync: no TLS backend (glib-networking); nothing measured\n");
      return 0;
    }

  dir = g_dir_make_tmp ("bench-sync-XXXXXX", &error);
  g_assert_no_error (error);
  /* Vaults go to the data dir; keep them in the temporary one. */
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  printf ("# bench-sync: scale %.3g (%u records to pull, %u to push, %u round trips, "
          "%u clients for %.0f s)\n", scale, n_pull, n_push, n_runs, N_CLIENTS, duration);
  print_load ();

  server = start_server (dir);
  a = test_device_new_coordinator (server, "A");

  /* 1. Initial pull to a fresh device */
  t = now_s ();
  save_many (a, rand, 0, n_pull);
  t_save = now_s () - t;
  sync_timed (a, &t_push_all);
  printf ("save %u records on A in one call: %.2f s (%.0f records/s)\n",
          n_pull, t_save, n_pull / t_save);
  printf ("A pushes them (and pulls them back): %.2f s (%.0f records/s)\n",
          t_push_all, n_pull / t_push_all);

  b = test_device_new_invited (server, a, "B");
  {
    g_autoptr(LygSyncReport) report = NULL;

    t = now_s ();
    report = test_device_sync_ok (b);
    t_pull = now_s () - t;
    g_assert_cmpuint (report->pulled, ==, n_pull);
    g_assert_cmpuint (report->quarantined, ==, 0);
    g_assert_cmpuint (test_device_count (b), ==, n_pull);
  }
  printf ("initial pull of %u records to a fresh device: %.2f s (%.0f records/s)   "
          "target < %.0f s for 100,000%s\n", n_pull, t_pull, n_pull / t_pull, TARGET_PULL_S,
          n_pull == N_PULL ? (t_pull < TARGET_PULL_S ? "  [met]" : "  [MISSED]") : "");

  /* 2. Push */
  save_many (a, rand, n_pull, n_push);
  {
    g_autoptr(LygSyncReport) report = NULL;
    double t_first_pull = 0;

    /* The sync pulls once the outbox is empty. */
    test_fault_transport_add_hook (a->faults, "GET", 0, TEST_FAULT_NONE, FALSE,
                                   on_first_pull_cb, &t_first_pull);
    t = now_s ();
    report = test_device_sync_ok (a);
    t_push = now_s () - t;
    g_assert_cmpuint (report->pushed, ==, n_push);
    g_assert_cmpuint (report->pulled, ==, n_push);
    printf ("push of %u records: %.2f s (%.0f records/s); the whole sync, which then pulls "
            "them back, %.2f s\n", n_push, t_first_pull - t, n_push / (t_first_pull - t),
            t_push);
  }

  /* 3. One change, A to B */
  {
    g_autoptr(LygSyncReport) report = test_device_sync_ok (b);
  }
  one = test_device_add_person (a, "Round trip", "run 0");
  {
    g_autoptr(LygSyncReport) ra = test_device_sync_ok (a);
    g_autoptr(LygSyncReport) rb = test_device_sync_ok (b);
  }
  for (guint i = 1; i <= n_runs; i++)
    {
      g_autofree char *value = g_strdup_printf ("run %u", i);
      double ms;

      t = now_s ();
      test_device_set (a, one, "notes", value);
      for (guint tries = 0;; tries++)
        {
          g_autoptr(LygSyncReport) ra = NULL;
          g_autoptr(LygSyncReport) rb = NULL;
          g_autofree char *seen = NULL;

          ra = test_device_sync_ok (a);
          rb = test_device_sync_ok (b);
          seen = test_device_get (b, one, "notes");
          if (g_strcmp0 (seen, value) == 0)
            break;
          g_assert_cmpuint (tries, <, 10);
        }
      ms = (now_s () - t) * 1000;
      g_array_append_val (rtts, ms);
    }
  printf ("single change round trip (save on A, sync A, sync B): p50 %.1f ms  p95 %.1f ms   "
          "target < %.0f ms%s\n", percentile (rtts, 0.5), percentile (rtts, 0.95), TARGET_RTT_MS,
          percentile (rtts, 0.5) < TARGET_RTT_MS ? "  [met]" : "  [MISSED]");

  /* 4. Throughput: 16 devices push at once */
  sample = make_person (rand, 0);
  plain_text = lyg_record_serialize (sample, &plain_len);
  plain = g_bytes_new_take (plain_text, plain_len);
  key = lyg_vault_dup_team_key (a->vault, NULL);
  {
    g_autoptr(GPtrArray) page = lyg_server_storage_pull (server->storage, 0, 1, 0, &more,
                                                         &head, &error);
    g_assert_no_error (error);
  }

  for (guint c = 0; c < N_CLIENTS; c++)
    {
      g_autofree char *code = test_server_new_code (server, LYG_ROLE_WORKER, 600);
      g_autofree char *device_id = g_strdup_printf ("%016x", 0xbe000000u + c);
      g_autoptr(LygDeviceInfo) info = NULL;

      clients[c].url = server->url;
      clients[c].pin = server->pin;
      clients[c].token = lyg_server_storage_enroll (server->storage, code, device_id,
                                                    "pusher", g_get_real_time () / G_USEC_PER_SEC,
                                                    &info, &error);
      g_assert_no_error (error);
      clients[c].device_id = g_steal_pointer (&device_id);
      clients[c].key = key;
      clients[c].key_id = lyg_vault_get_active_key_id (a->vault);
      clients[c].plain = plain;
      clients[c].duration = duration;
    }

  t_ours = run_clients (clients, N_CLIENTS);
  for (guint c = 0; c < N_CLIENTS; c++)
    {
      ours_records += clients[c].n_records;
      ours_requests += clients[c].n_requests;
      request_bytes += clients[c].request_bytes;
      response_bytes += clients[c].response_bytes;
      errors += clients[c].n_errors;
    }
  n_verified = verify_by_pulling (server, a, head, clients, N_CLIENTS);
  printf ("server throughput, %u clients pushing batches of %u for %.0f s: %.0f records/s "
          "(%.0f requests/s, %u errors); %" G_GUINT64_FORMAT " acknowledged, %" G_GUINT64_FORMAT
          " pulled back, none lost\n", N_CLIENTS, CLIENT_BATCH, t_ours, ours_records / t_ours,
          ours_requests / t_ours, errors, ours_records, n_verified);

  /* The ceiling, same sizes */
  echo.cert = server->cert;
  echo.answer_size = MAX (2, response_bytes / MAX (ours_requests, 1));
  echo_start (&echo);
  {
    g_autofree char *echo_url = g_strdup_printf ("https://127.0.0.1:%u", echo.port);

    for (guint c = 0; c < N_CLIENTS; c++)
      {
        echoes[c] = clients[c];
        echoes[c].acked = NULL;
        echoes[c].n_records = echoes[c].n_requests = 0;
        echoes[c].request_bytes = echoes[c].response_bytes = 0;
        echoes[c].n_errors = 0;
        echoes[c].url = echo_url;
        echoes[c].echo = TRUE;
      }
    t_echo = run_clients (echoes, N_CLIENTS);
  }
  echo_stop (&echo);
  for (guint c = 0; c < N_CLIENTS; c++)
    {
      echo_records += echoes[c].n_records;
      echo_requests += echoes[c].n_requests;
    }
  printf ("libsoup HTTPS echo ceiling, same clients and sizes (%.0f-byte requests, %" G_GSIZE_FORMAT
          "-byte answers): %.0f requests/s = %.0f records/s\n",
          (double) request_bytes / MAX (ours_requests, 1), echo.answer_size,
          echo_requests / t_echo, echo_records / t_echo);
  printf ("throughput ratio (ours / echo): %.2f\n",
          (ours_records / t_ours) / MAX (echo_records / t_echo, 1));

  for (guint c = 0; c < N_CLIENTS; c++)
    {
      g_free (clients[c].token);
      g_free (clients[c].device_id);
      g_clear_pointer (&clients[c].acked, g_ptr_array_unref);
      g_clear_pointer (&echoes[c].acked, g_ptr_array_unref);
    }

  g_clear_pointer (&a, test_device_free);
  g_clear_pointer (&b, test_device_free);
  g_clear_pointer (&server, test_server_free);
  remove_tree (dir);

  return 0;
}
