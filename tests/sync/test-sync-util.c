/* test-sync-util.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>

#include "lyg-server-sqlite.h"
#include "test-sync-util.h"

#define SETTLE_MAX_ROUNDS 6

static guint n_files;

GTlsCertificate *
test_load_certificate (const char *cert_name,
                       const char *key_name)
{
  g_autofree char *cert_path = g_test_build_filename (G_TEST_DIST, "server", cert_name, NULL);
  g_autofree char *key_path = NULL;
  g_autoptr(GError) error = NULL;
  GTlsCertificate *cert;

  if (key_name != NULL)
    {
      key_path = g_test_build_filename (G_TEST_DIST, "server", key_name, NULL);
      cert = g_tls_certificate_new_from_files (cert_path, key_path, &error);
    }
  else
    cert = g_tls_certificate_new_from_file (cert_path, &error);
  g_assert_no_error (error);

  return cert;
}

static char *
new_path (const char *name,
          const char *suffix)
{
  g_autofree char *base = g_strdup_printf ("%s-%d-%u%s", name, (int) getpid (), ++n_files, suffix);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);

  return g_build_filename (g_get_user_data_dir (), base, NULL);
}

/* Server */

TestServer *
test_server_new (void)
{
  TestServer *server = g_new0 (TestServer, 1);

  server->db_path = new_path ("server", ".db");
  server->cert = test_load_certificate ("test-cert.pem", "test-key.pem");
  server->pin = lyg_protocol_pin_from_certificate (server->cert);
  test_server_start (server, 0);

  return server;
}

/* A new LygServer over a new connection to the same database file, as a
 * restarted lygte-server would be. Port 0 takes any free port. */
void
test_server_start (TestServer *server,
                   guint       port)
{
  LygServerLimits limits = lyg_server_limits_default ();
  g_autoptr(GError) error = NULL;

  g_assert_null (server->server);

  server->storage = LYG_SERVER_STORAGE (lyg_server_sqlite_new (server->db_path, &error));
  g_assert_no_error (error);
  server->server = lyg_server_new (server->storage, server->cert, &error);
  g_assert_no_error (error);

  /* Small pages, so that every test pulls in several. */
  limits.enroll_per_minute = 0;
  limits.max_pull = server->max_pull ? server->max_pull : TEST_SERVER_MAX_PULL;
  lyg_server_set_limits (server->server, &limits);

  lyg_server_start_thread (server->server, port, &error);
  g_assert_no_error (error);

  server->port = lyg_server_get_port (server->server);
  g_assert_cmpuint (server->port, >, 0);
  g_free (server->url);
  server->url = lyg_server_get_url (server->server);
  g_assert_true (g_str_has_prefix (server->url, "https://127.0.0.1:"));
}

/* Stops serving and closes the database: what is left is what a killed
 * server leaves on disk. */
void
test_server_stop (TestServer *server)
{
  if (server->server == NULL)
    return;

  lyg_server_stop_thread (server->server);
  g_clear_object (&server->server);
  g_clear_object (&server->storage);
}

void
test_server_free (TestServer *server)
{
  test_server_stop (server);
  g_clear_object (&server->cert);
  g_free (server->db_path);
  g_free (server->url);
  g_free (server->pin);
  g_free (server);
}

char *
test_server_new_code (TestServer *server,
                      LygRole     role,
                      gint64      expires_in)
{
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  char *code;

  code = lyg_server_storage_create_code (server->storage, "test device", role, now,
                                         now + expires_in, NULL, &error);
  g_assert_no_error (error);

  return code;
}

/* Everything the server stored, in sequence order, read from the storage
 * directly. */
GPtrArray *
test_server_pull_all (TestServer *server)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_stored_envelope_free);
  gboolean more = TRUE;
  gint64 since = 0;

  while (more)
    {
      g_autoptr(GPtrArray) page = NULL;
      g_autoptr(GError) error = NULL;
      gint64 head = 0;

      page = lyg_server_storage_pull (server->storage, since, 1000, 0, &more, &head, &error);
      g_assert_no_error (error);
      if (page->len == 0)
        break;
      since = ((LygStoredEnvelope *) g_ptr_array_index (page, page->len - 1))->seq;
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (all, g_steal_pointer (&page->pdata[i]));
      g_ptr_array_set_free_func (page, NULL);
    }

  return all;
}

/* The server holds every (id, hlc, device) at most once, in ascending
 * sequence order. */
void
test_server_assert_unique (TestServer *server,
                           guint      *n_envelopes)
{
  g_autoptr(GPtrArray) all = test_server_pull_all (server);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 last = 0;

  for (guint i = 0; i < all->len; i++)
    {
      LygStoredEnvelope *stored = g_ptr_array_index (all, i);
      char *key = g_strdup_printf ("%s|%s|%s", stored->envelope->id, stored->envelope->hlc,
                                   stored->envelope->device);

      g_assert_cmpint (stored->seq, >, last);
      last = stored->seq;
      if (!g_hash_table_add (seen, key))
        g_error ("The server stored %s twice", key);
    }

  if (n_envelopes != NULL)
    *n_envelopes = all->len;
}

/* Devices */

TestDevice *
test_device_new (const char *name)
{
  TestDevice *device = g_new0 (TestDevice, 1);
  LygKdfParams params = lyg_kdf_params_minimum ();
  g_autoptr(GError) error = NULL;

  device->name = g_strdup (name);
  device->path = new_path (name, ".lygte");
  device->passphrase = g_strdup_printf ("passphrase of %s", name);
  device->vault = lyg_vault_create (device->path, device->passphrase, &params, &error);
  g_assert_no_error (error);

  return device;
}

/* Builds the engine over a fault transport around a pinned libsoup
 * transport to @server's current URL, with the token the device was
 * given when it joined. */
void
test_device_connect (TestDevice *device,
                     TestServer *server)
{
  g_autoptr(LygSoupTransport) soup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  g_clear_object (&device->engine);
  g_clear_object (&device->faults);

  token = lyg_team_dup_setting (device->vault, "sync.token");
  g_assert_nonnull (token);

  soup = lyg_soup_transport_new (server->url, server->pin, &error);
  g_assert_no_error (error);
  lyg_transport_set_token (LYG_TRANSPORT (soup), token);

  device->faults = test_fault_transport_new (LYG_TRANSPORT (soup));
  device->engine = lyg_sync_engine_new (device->vault, LYG_TRANSPORT (device->faults));
}

TestDevice *
test_device_new_coordinator (TestServer *server,
                             const char *name)
{
  TestDevice *device = test_device_new (name);
  g_autofree char *code = test_server_new_code (server, LYG_ROLE_COORDINATOR, 600);
  g_autoptr(GError) error = NULL;
  LygRole role = LYG_ROLE_WORKER;

  lyg_team_join (device->vault, NULL, server->url, server->pin, code, name, NULL, NULL,
                 &role, &error);
  g_assert_no_error (error);
  g_assert_cmpint (role, ==, LYG_ROLE_COORDINATOR);
  g_assert_true (lyg_team_is_joined (device->vault));

  test_device_connect (device, server);

  return device;
}

TestDevice *
test_device_new_invited (TestServer *server,
                         TestDevice *coordinator,
                         const char *name)
{
  TestDevice *device = NULL;
  LygKdfParams params = lyg_kdf_params_minimum ();
  g_autoptr(GError) error = NULL;
  g_autofree char *invitation = NULL;
  g_autofree char *secret = NULL;
  gint64 expires = 0;
  LygRole role = LYG_ROLE_COORDINATOR;

  invitation = lyg_team_invite (coordinator->vault, NULL, name, LYG_ROLE_WORKER, 0, &params,
                                &secret, &expires, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (invitation, LYG_INVITATION_PREFIX));
  g_assert_cmpint (expires, >, g_get_real_time () / G_USEC_PER_SEC);

  device = test_device_new (name);
  lyg_team_join_invitation (device->vault, invitation, secret, name, &role, &error);
  g_assert_no_error (error);
  g_assert_cmpint (role, ==, LYG_ROLE_WORKER);
  g_assert_cmpstr (lyg_vault_get_active_key_id (device->vault), ==,
                   lyg_vault_get_active_key_id (coordinator->vault));

  test_device_connect (device, server);

  return device;
}

/* Closes the vault and opens it again from disk, as after a restart of
 * the app: whatever the device has must have been stored. */
void
test_device_reopen (TestDevice *device,
                    TestServer *server)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&device->engine);
  g_clear_object (&device->faults);
  g_clear_object (&device->vault);

  device->vault = lyg_vault_open (device->path, &error);
  g_assert_no_error (error);
  lyg_vault_unlock (device->vault, device->passphrase, &error);
  g_assert_no_error (error);

  test_device_connect (device, server);
}

void
test_device_free (TestDevice *device)
{
  g_clear_object (&device->engine);
  g_clear_object (&device->faults);
  g_clear_object (&device->vault);
  g_free (device->name);
  g_free (device->path);
  g_free (device->passphrase);
  g_free (device);
}

LygSyncReport *
test_device_sync (TestDevice  *device,
                  GError     **error)
{
  return lyg_sync_engine_sync (device->engine, NULL, error);
}

LygSyncReport *
test_device_sync_ok (TestDevice *device)
{
  g_autoptr(GError) error = NULL;
  LygSyncReport *report;

  report = lyg_sync_engine_sync (device->engine, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpint (lyg_sync_engine_get_state (device->engine), ==, LYG_SYNC_STATE_IDLE);

  return report;
}

char *
test_device_add_person (TestDevice *device,
                        const char *alias,
                        const char *notes)
{
  g_autoptr(LygRecord) record = lyg_record_new ("person");
  g_autoptr(GError) error = NULL;

  lyg_record_set_string (record, "alias", alias);
  if (notes != NULL)
    lyg_record_set_string (record, "notes", notes);
  lyg_vault_save_record (device->vault, record, &error);
  g_assert_no_error (error);

  return g_strdup (lyg_record_get_id (record));
}

void
test_device_set (TestDevice *device,
                 const char *id,
                 const char *field,
                 const char *value)
{
  g_autoptr(LygRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  record = lyg_vault_get_record (device->vault, id, &error);
  g_assert_no_error (error);
  lyg_record_set_string (record, field, value);
  lyg_vault_save_record (device->vault, record, &error);
  g_assert_no_error (error);
}

/* The field's current value, or NULL if the device lacks the record or
 * the field. */
char *
test_device_get (TestDevice *device,
                 const char *id,
                 const char *field)
{
  g_autoptr(LygRecord) record = NULL;

  record = lyg_vault_get_record (device->vault, id, NULL);
  if (record == NULL)
    return NULL;

  return g_strdup (lyg_record_get_string (record, field));
}

static gboolean
snapshot_cb (const LygEnvelope  *envelope,
             gpointer            user_data,
             GError            **error)
{
  gpointer *closure = user_data;
  LygVault *vault = closure[0];
  GHashTable *snapshot = closure[1];
  g_autoptr(LygRecord) record = NULL;

  record = lyg_vault_get_record (vault, envelope->id, error);
  if (record == NULL)
    return FALSE;

  g_assert_cmpstr (lyg_record_get_id (record), ==, envelope->id);
  g_assert_false (g_hash_table_contains (snapshot, envelope->id));
  g_hash_table_insert (snapshot, g_strdup (envelope->id), lyg_record_serialize (record, NULL));

  return TRUE;
}

/* Every record the device has, id -> lyg_record_serialize(). */
GHashTable *
test_device_snapshot (TestDevice *device)
{
  GHashTable *snapshot = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  gpointer closure[2] = { device->vault, snapshot };

  lyg_store_foreach_envelope (lyg_vault_get_store (device->vault), snapshot_cb, closure, &error);
  g_assert_no_error (error);

  return snapshot;
}

guint
test_device_count (TestDevice *device)
{
  g_autoptr(GError) error = NULL;
  gint64 n;

  n = lyg_store_count_envelopes (lyg_vault_get_store (device->vault), &error);
  g_assert_no_error (error);

  return (guint) n;
}

gint64
test_device_outbox (TestDevice *device)
{
  g_autoptr(GError) error = NULL;
  gint64 n;

  n = lyg_store_outbox_count (lyg_vault_get_store (device->vault), &error);
  g_assert_no_error (error);

  return n;
}

/* Byte-identical record states on every device. */
void
test_assert_converged (TestDevice **devices,
                       guint        n_devices)
{
  g_autoptr(GHashTable) first = test_device_snapshot (devices[0]);

  for (guint d = 1; d < n_devices; d++)
    {
      g_autoptr(GHashTable) other = test_device_snapshot (devices[d]);
      GHashTableIter iter;
      gpointer key, value;

      g_assert_cmpuint (g_hash_table_size (other), ==, g_hash_table_size (first));

      g_hash_table_iter_init (&iter, first);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const char *theirs = g_hash_table_lookup (other, key);

          if (g_strcmp0 (value, theirs) != 0)
            {
              g_test_message ("record %s\n  on %s: %s\n  on %s: %s", (char *) key,
                              devices[0]->name, (char *) value, devices[d]->name, theirs);
              g_assert_cmpstr (theirs, ==, value);
            }
        }
    }
}

gboolean
test_record_has_conflict (LygRecord  *record,
                          const char *field,
                          const char *value)
{
  g_autoptr(GPtrArray) conflicts = lyg_record_get_conflicts (record);

  for (guint i = 0; i < conflicts->len; i++)
    {
      LygConflict *conflict = g_ptr_array_index (conflicts, i);

      if (g_strcmp0 (conflict->field, field) == 0 &&
          JSON_NODE_HOLDS_VALUE (conflict->value) &&
          g_strcmp0 (json_node_get_string (conflict->value), value) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Syncs every device in turn until a whole round pushes nothing: then
 * each of them has merged everything the server has. */
void
test_settle (TestDevice **devices,
             guint        n_devices)
{
  for (guint round = 0; round < SETTLE_MAX_ROUNDS; round++)
    {
      gboolean quiet = TRUE;

      for (guint d = 0; d < n_devices; d++)
        {
          g_autoptr(LygSyncReport) report = test_device_sync_ok (devices[d]);

          if (report->pushed > 0)
            quiet = FALSE;
        }

      if (quiet)
        {
          for (guint d = 0; d < n_devices; d++)
            g_assert_cmpint (test_device_outbox (devices[d]), ==, 0);
          return;
        }
    }

  g_error ("The devices kept pushing for %u rounds", SETTLE_MAX_ROUNDS);
}
