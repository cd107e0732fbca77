/* test-training-sync.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lyg-training-vault.h"
#include "test-sync-util.h"

/* The training vault refuses every sync operation with
 * LYG_SYNC_ERROR_TRAINING, even when it is handed a working, authenticated
 * transport to a real server (a coordinator's), and nothing of it reaches
 * the server.
 */

typedef struct
{
  TestServer *server;
  TestDevice *coordinator;
  char       *dir;
  char       *path;
  LygVault   *training;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LygRecord) person = lyg_record_new ("person");

  f->server = test_server_new ();
  f->coordinator = test_device_new_coordinator (f->server, "Coordinator");

  f->dir = g_dir_make_tmp ("lygte-training-sync-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "training.lygte", NULL);
  f->training = lyg_training_vault_open (f->path, &error);
  g_assert_no_error (error);

  lyg_record_set_string (person, "alias", "Fictional trainee case");
  lyg_vault_save_record (f->training, person, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  lyg_vault_lock (f->training);
  g_clear_object (&f->training);
  g_clear_pointer (&f->coordinator, test_device_free);
  g_clear_pointer (&f->server, test_server_free);
  g_free (f->path);
  g_free (f->dir);
}

static void
assert_nothing_on_server (Fixture *f)
{
  g_autoptr(GPtrArray) stored = test_server_pull_all (f->server);

  g_assert_cmpuint (stored->len, ==, 0);
}

static void
test_training_engine (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(LygSyncEngine) engine = NULL;
  g_autoptr(LygSyncReport) report = NULL;
  g_autoptr(LygTransport) transport = NULL;
  g_autoptr(GError) error = NULL;

  /* Own settings: none, and none can be made. */
  g_assert_null (lyg_sync_engine_new_for_vault (f->training, &error));
  g_assert_error (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_TRAINING);
  g_clear_error (&error);
  g_assert_null (lyg_team_create_transport (f->training, &error));
  g_assert_error (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_TRAINING);
  g_clear_error (&error);

  /* Someone else's working transport: still refused. */
  engine = lyg_sync_engine_new (f->training, lyg_sync_engine_get_transport (f->coordinator->engine));
  report = lyg_sync_engine_sync (engine, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_TRAINING);

  /* Automatic syncing does not start either. */
  lyg_sync_engine_start (engine);
  g_assert_cmpint (lyg_sync_engine_get_state (engine), !=, LYG_SYNC_STATE_SYNCING);
  lyg_sync_engine_stop (engine);

  assert_nothing_on_server (f);

  /* The same transport works for the real vault. */
  g_clear_pointer (&report, lyg_sync_report_free);
  g_clear_error (&error);
  report = test_device_sync (f->coordinator, &error);
  g_assert_no_error (error);
}

static void
test_training_join (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *code = test_server_new_code (f->server, LYG_ROLE_WORKER, 600);
  g_autofree char *invitation = NULL;
  g_autofree char *secret = NULL;
  g_autoptr(GError) error = NULL;
  LygKdfParams params = lyg_kdf_params_minimum ();
  TestDevice *real;
  LygRole role = LYG_ROLE_COORDINATOR;

  g_assert_false (lyg_team_join (f->training, NULL, f->server->url, f->server->pin, code,
                                 "training", NULL, NULL, &role, &error));
  g_assert_error (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_TRAINING);
  g_clear_error (&error);
  g_assert_false (lyg_team_is_joined (f->training));

  invitation = lyg_team_invite (f->coordinator->vault, NULL, "training", LYG_ROLE_WORKER, 0,
                                &params, &secret, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (lyg_team_join_invitation (f->training, invitation, secret, "training", &role,
                                            &error));
  g_assert_error (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_TRAINING);
  g_clear_error (&error);
  g_assert_false (lyg_team_is_joined (f->training));
  g_assert_null (lyg_vault_dup_team_key (f->training, lyg_vault_get_active_key_id (f->coordinator->vault)));

  /* The refused code was never sent: a real device can still use it. */
  real = test_device_new ("Real");
  g_assert_true (lyg_team_join (real->vault, NULL, f->server->url, f->server->pin, code, "Real",
                                NULL, NULL, &role, &error));
  g_assert_no_error (error);
  test_device_free (real);
}

static void
test_training_coordinator_ops (Fixture       *f,
                               gconstpointer  data)
{
  LygTransport *transport = lyg_sync_engine_get_transport (f->coordinator->engine);
  LygKdfParams params = lyg_kdf_params_minimum ();
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *text = NULL;

  text = lyg_team_invite (f->training, transport, "someone", LYG_ROLE_WORKER, 0, &params,
                          &secret, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_TRAINING);
  g_clear_error (&error);

  g_assert_null (lyg_team_list_devices (f->training, transport, &error));
  g_assert_error (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_TRAINING);
  g_clear_error (&error);

  g_assert_false (lyg_team_revoke (f->training, transport,
                                   lyg_vault_get_device_id (f->coordinator->vault), &error));
  g_assert_error (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_TRAINING);
  g_clear_error (&error);

  /* Nothing was revoked: the coordinator still lists its devices. */
  devices = lyg_team_list_devices (f->coordinator->vault, transport, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (devices->len, ==, 1);
}

/* The command-line tool refuses every team command on the training vault,
 * before it asks for a passphrase. */
static void
test_training_cli (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *code = test_server_new_code (f->server, LYG_ROLE_WORKER, 600);
  const char *commands[][8] = {
    { "sync", NULL },
    { "devices", NULL },
    { "revoke", lyg_vault_get_device_id (f->coordinator->vault), NULL },
    { "invite", "--name", "someone", NULL },
    { "join", "--server", f->server->url, "--pin", f->server->pin, "--bootstrap", code, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_auto(GStrv) env = g_get_environ ();
      int status = 0;

      env = g_environ_setenv (env, "LYGTE_PASSPHRASE", "not the training passphrase", TRUE);
      g_ptr_array_add (args, (gpointer)LYGTE_CLI);
      g_ptr_array_add (args, (gpointer)"--vault");
      g_ptr_array_add (args, f->path);
      for (guint j = 0; commands[i][j] != NULL; j++)
        g_ptr_array_add (args, (gpointer)commands[i][j]);
      g_ptr_array_add (args, NULL);

      g_spawn_sync (NULL, (char **)args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                    &out, &err, &status, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %s", commands[i][0], err);
      g_assert_false (g_spawn_check_wait_status (status, NULL));
      g_assert_nonnull (strstr (err, "training vault"));
    }

  g_assert_false (lyg_team_is_joined (f->training));
  assert_nothing_on_server (f);
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

  g_test_add ("/lyg/sync/training-engine", Fixture, NULL,
              fixture_setup, test_training_engine, fixture_teardown);
  g_test_add ("/lyg/sync/training-join", Fixture, NULL,
              fixture_setup, test_training_join, fixture_teardown);
  g_test_add ("/lyg/sync/training-coordinator-ops", Fixture, NULL,
              fixture_setup, test_training_coordinator_ops, fixture_teardown);

  g_test_add ("/lyg/sync/training-cli", Fixture, NULL,
              fixture_setup, test_training_cli, fixture_teardown);

  return g_test_run ();
}
