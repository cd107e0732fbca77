/* test-sync-converge.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-sync-util.h"

/* Two and three devices of one team edit offline, the same fields of the
 * same records included, and sync through the real server in every
 * order. Afterwards every device holds byte-identical records, and every
 * value that lost a concurrent write is in the conflict list everywhere.
 */

#define MAX_DEVICES 3

typedef struct
{
  TestServer *server;
  TestDevice *devices[MAX_DEVICES];
  guint       n_devices;

  /* Records every device has before going offline */
  char       *shared;    /* everyone edits its alias */
  char       *doomed;    /* A deletes it, B edits it */
  char       *other;     /* C edits it */
  GPtrArray  *created;   /* made offline, one or more per device */
} Team;

static void
team_free (Team *team)
{
  for (guint d = 0; d < team->n_devices; d++)
    g_clear_pointer (&team->devices[d], test_device_free);
  g_clear_pointer (&team->server, test_server_free);
  g_free (team->shared);
  g_free (team->doomed);
  g_free (team->other);
  g_clear_pointer (&team->created, g_ptr_array_unref);
  g_free (team);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Team, team_free)

static TestDevice *
device_by_letter (Team *team,
                  char  letter)
{
  guint d = (guint) (letter - 'A');

  g_assert_cmpuint (d, <, team->n_devices);

  return team->devices[d];
}

/* A coordinator and invited devices, which all have the same three
 * records to begin with. */
static Team *
team_new (guint n_devices)
{
  Team *team = g_new0 (Team, 1);
  static const char * const names[] = { "A", "B", "C" };

  team->server = test_server_new ();
  team->n_devices = n_devices;
  team->devices[0] = test_device_new_coordinator (team->server, names[0]);
  for (guint d = 1; d < n_devices; d++)
    team->devices[d] = test_device_new_invited (team->server, team->devices[0], names[d]);

  /* Odd batch sizes, so that pushes come in several batches. */
  for (guint d = 0; d < n_devices; d++)
    lyg_sync_engine_set_batch_size (team->devices[d]->engine, 2 + d);

  team->shared = test_device_add_person (team->devices[0], "Shared", "Base notes");
  team->doomed = test_device_add_person (team->devices[0], "Doomed", NULL);
  team->other = test_device_add_person (team->devices[n_devices - 1], "Other", "Other notes");
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *alias = g_strdup_printf ("Filler %u", i);
      g_autofree char *id = test_device_add_person (team->devices[i % n_devices], alias, NULL);
    }
  team->created = g_ptr_array_new_with_free_func (g_free);

  test_settle (team->devices, n_devices);
  test_assert_converged (team->devices, n_devices);
  for (guint d = 0; d < n_devices; d++)
    g_assert_cmpuint (test_device_count (team->devices[d]), ==, 13);

  return team;
}

static const char *
alias_of (guint d)
{
  static const char * const values[] = { "Alias from A", "Alias from B", "Alias from C" };

  return values[d];
}

/* Every device edits while offline. */
static void
edit_offline (Team *team)
{
  g_autoptr(GError) error = NULL;

  for (guint d = 0; d < team->n_devices; d++)
    {
      g_autofree char *alias = g_strdup_printf ("Made offline on %s", team->devices[d]->name);

      test_device_set (team->devices[d], team->shared, "alias", alias_of (d));
      g_ptr_array_add (team->created, test_device_add_person (team->devices[d], alias, NULL));
    }

  /* Only A touches the notes: no conflict there. */
  test_device_set (team->devices[0], team->shared, "notes", "Notes from A");

  /* A deletes what B edits. */
  lyg_vault_delete_record (team->devices[0]->vault, team->doomed, &error);
  g_assert_no_error (error);
  test_device_set (team->devices[1], team->doomed, "notes", "B was still writing");

  if (team->n_devices > 2)
    test_device_set (team->devices[2], team->other, "notes", "Notes from C");
}

static void
sync_once (TestDevice *device)
{
  g_autoptr(LygSyncReport) report = test_device_sync_ok (device);
}

static void
check_outcome (Team *team)
{
  guint n_records = 13 + team->created->len;
  g_autofree char *winner = NULL;

  test_assert_converged (team->devices, team->n_devices);
  winner = test_device_get (team->devices[0], team->shared, "alias");

  for (guint d = 0; d < team->n_devices; d++)
    {
      TestDevice *device = team->devices[d];
      g_autoptr(LygRecord) shared = NULL;
      g_autoptr(LygRecord) doomed = NULL;
      g_autoptr(GError) error = NULL;
      gboolean winner_known = FALSE;

      g_assert_cmpuint (test_device_count (device), ==, n_records);
      g_assert_cmpint (lyg_store_quarantine_count (lyg_vault_get_store (device->vault), NULL),
                       ==, 0);

      for (guint i = 0; i < team->created->len; i++)
        {
          g_autofree char *alias = test_device_get (device, team->created->pdata[i], "alias");

          g_assert_true (g_str_has_prefix (alias, "Made offline on "));
        }

      shared = lyg_vault_get_record (device->vault, team->shared, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (lyg_record_get_string (shared, "alias"), ==, winner);
      g_assert_cmpstr (lyg_record_get_string (shared, "notes"), ==, "Notes from A");
      g_assert_false (test_record_has_conflict (shared, "notes", "Base notes"));

      /* Whoever won, everyone else's value is kept as a conflict. */
      for (guint other = 0; other < team->n_devices; other++)
        {
          if (g_strcmp0 (alias_of (other), winner) == 0)
            winner_known = TRUE;
          else
            g_assert_true (test_record_has_conflict (shared, "alias", alias_of (other)));
        }
      g_assert_true (winner_known);
      g_assert_false (test_record_has_conflict (shared, "alias", "Shared"));

      /* B's note on the record A deleted is not lost either. */
      doomed = lyg_vault_get_record (device->vault, team->doomed, &error);
      g_assert_no_error (error);
      g_assert_true (g_strcmp0 (lyg_record_get_string (doomed, "notes"),
                                "B was still writing") == 0 ||
                     test_record_has_conflict (doomed, "notes", "B was still writing"));

      if (team->n_devices > 2)
        {
          g_autofree char *notes = test_device_get (device, team->other, "notes");

          g_assert_cmpstr (notes, ==, "Notes from C");
        }
    }
}

static void
test_converge_order (gconstpointer data)
{
  const char *order = data;
  guint n_devices = (guint) strlen (order);
  g_autoptr(Team) team = team_new (n_devices);
  guint conflicts = 0;

  edit_offline (team);

  for (const char *c = order; *c; c++)
    {
      g_autoptr(LygSyncReport) report = test_device_sync_ok (device_by_letter (team, *c));

      conflicts += report->conflicts;
    }

  /* The later syncers merged the earlier ones' concurrent edits. */
  g_assert_cmpuint (conflicts, >, 0);

  test_settle (team->devices, team->n_devices);
  check_outcome (team);

  /* Settled means settled: nothing more to send or take. */
  for (guint d = 0; d < team->n_devices; d++)
    {
      g_autoptr(LygSyncReport) report = test_device_sync_ok (team->devices[d]);

      g_assert_cmpuint (report->pushed, ==, 0);
      g_assert_cmpuint (report->pulled, ==, 0);
      g_assert_cmpuint (report->conflicts, ==, 0);
    }
  check_outcome (team);
}

/* Edits and syncs interleave: some devices see some of the others' work
 * before they edit again. */
static void
test_converge_interleaved (void)
{
  g_autoptr(Team) team = team_new (3);
  TestDevice *a = team->devices[0];
  TestDevice *b = team->devices[1];
  TestDevice *c = team->devices[2];

  edit_offline (team);

  sync_once (b);
  test_device_set (b, team->other, "alias", "Renamed by B after syncing");
  sync_once (a);
  g_ptr_array_add (team->created, test_device_add_person (a, "Made offline on A, later", NULL));
  sync_once (c);
  sync_once (b);
  test_device_set (c, team->other, "alias", "Renamed by C concurrently");
  sync_once (c);

  test_settle (team->devices, team->n_devices);
  check_outcome (team);

  /* C renamed without having seen B's rename: a conflict. */
  for (guint d = 0; d < team->n_devices; d++)
    {
      g_autoptr(LygRecord) other = NULL;
      const char *alias;

      other = lyg_vault_get_record (team->devices[d]->vault, team->other, NULL);
      alias = lyg_record_get_string (other, "alias");

      if (g_strcmp0 (alias, "Renamed by C concurrently") == 0)
        g_assert_true (test_record_has_conflict (other, "alias", "Renamed by B after syncing"));
      else
        {
          g_assert_cmpstr (alias, ==, "Renamed by B after syncing");
          g_assert_true (test_record_has_conflict (other, "alias", "Renamed by C concurrently"));
        }
    }
}

/* Edits that saw each other are not conflicts. */
static void
test_converge_sequential (void)
{
  g_autoptr(Team) team = team_new (2);
  TestDevice *a = team->devices[0];
  TestDevice *b = team->devices[1];

  test_device_set (a, team->shared, "alias", "First");
  test_settle (team->devices, 2);
  test_device_set (b, team->shared, "alias", "Second");
  test_settle (team->devices, 2);
  test_device_set (a, team->shared, "alias", "Third");
  test_settle (team->devices, 2);
  test_assert_converged (team->devices, 2);

  for (guint d = 0; d < 2; d++)
    {
      g_autoptr(LygRecord) shared = NULL;
      g_autoptr(GPtrArray) conflicts = NULL;

      shared = lyg_vault_get_record (team->devices[d]->vault, team->shared, NULL);
      conflicts = lyg_record_get_conflicts (shared);

      g_assert_cmpstr (lyg_record_get_string (shared, "alias"), ==, "Third");
      g_assert_cmpuint (conflicts->len, ==, 0);
    }
}

/* A device that joins late gets the whole history in its first sync, and
 * a reopened vault has kept all of it. */
static void
test_converge_late_joiner (void)
{
  g_autoptr(Team) team = team_new (2);
  g_autoptr(TestDevice) late = NULL;
  g_autoptr(LygSyncReport) report = NULL;
  TestDevice *all[3];

  edit_offline (team);
  test_settle (team->devices, 2);

  late = test_device_new_invited (team->server, team->devices[0], "Late");
  report = test_device_sync_ok (late);
  g_assert_cmpuint (report->pushed, ==, 0);
  g_assert_cmpuint (report->pulled, >=, 13 + team->created->len);
  g_assert_cmpuint (report->quarantined, ==, 0);

  all[0] = team->devices[0];
  all[1] = team->devices[1];
  all[2] = late;
  test_assert_converged (all, 3);

  test_device_reopen (late, team->server);
  test_assert_converged (all, 3);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const orders[] = { "AB", "BA", "ABC", "ACB", "BAC", "BCA", "CAB", "CBA" };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_print ("1..0 # SKIP no TLS backend (glib-networking)\n");
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lyg/sync/converge/%s/%s",
                                               strlen (orders[i]) == 2 ? "two" : "three",
                                               orders[i]);

      g_test_add_data_func (path, orders[i], test_converge_order);
    }
  g_test_add_func ("/lyg/sync/converge/interleaved", test_converge_interleaved);
  g_test_add_func ("/lyg/sync/converge/sequential-no-conflict", test_converge_sequential);
  g_test_add_func ("/lyg/sync/converge/late-joiner", test_converge_late_joiner);

  return g_test_run ();
}
