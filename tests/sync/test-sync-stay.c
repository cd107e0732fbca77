/* test-sync-stay.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lyg-stay.h"
#include "test-sync-util.h"

/* Two shelter laptops of one team, through the real server: the stay is
 * ended on one while the other, offline, extends the period, updates the
 * support plan and writes a handover note; both write a note and both
 * make the follow-up for the coming deadline. After syncing, everything
 * is on both, nothing is in conflict, and there is one follow-up.
 */

static LygRecord *
get_record (TestDevice *device,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  LygRecord *record = lyg_vault_get_record (device->vault, id, &error);

  g_assert_no_error (error);

  return record;
}

static void
save (TestDevice *device,
      LygRecord  *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lyg_vault_save_record (device->vault, record, &error));
  g_assert_no_error (error);
}

static void
add_note (TestDevice *device,
          const char *stay_id,
          const char *text)
{
  g_autoptr(LygRecord) note = lyg_stay_new_handover (stay_id, text, NULL);

  save (device, note);
}

static void
ensure (TestDevice  *device,
        const char  *stay_id,
        const GDate *today,
        guint        expected)
{
  g_autoptr(LygRecord) stay = get_record (device, stay_id);
  g_autoptr(GError) error = NULL;
  guint n = 99;

  g_assert_true (lyg_stay_ensure_followups (device->vault, stay, today, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, expected);
}

static void
test_ended_and_extended (void)
{
  g_autoptr(TestServer) server = test_server_new ();
  g_autoptr(TestDevice) a = test_device_new_coordinator (server, "Day shift");
  g_autoptr(TestDevice) b = test_device_new_invited (server, a, "Night shift");
  g_autoptr(LygRecord) stay = lyg_record_new ("stay");
  g_autofree char *person = test_device_add_person (a, "Rosa", NULL);
  g_autofree char *stay_id = NULL;
  g_autofree char *followup_id = NULL;
  TestDevice *devices[2] = { a, b };
  GDate start, today, last;

  g_assert_true (lyg_stay_parse_date ("2026-05-01", &start));
  lyg_record_set_string (stay, "person", person);
  lyg_record_set_string (stay, "place", "crisis_shelter");
  lyg_record_set_string (stay, "arrival", "2026-05-01");
  g_assert_true (lyg_stay_start_period (stay, &start, NULL));
  save (a, stay);
  stay_id = g_strdup (lyg_record_get_id (stay));
  test_settle (devices, 2);

  /* Offline: on 25 May the deadline (30 May) is in view on both. */
  g_assert_true (lyg_stay_parse_date ("2026-05-25", &today));
  ensure (a, stay_id, &today, 1);
  ensure (b, stay_id, &today, 1);

  {
    g_autoptr(LygRecord) on_a = get_record (a, stay_id);

    lyg_record_set_string (on_a, "departure", "2026-05-26");
    lyg_record_set_string (on_a, "outcome", "left_without_notice");
    save (a, on_a);
    add_note (a, stay_id, "Day: her bed was empty this morning");
  }
  {
    g_autoptr(LygRecord) on_b = get_record (b, stay_id);

    g_assert_true (lyg_stay_extend (on_b, 30, "testify", NULL));
    lyg_record_set_string (on_b, "support_legal_aid", "under_way");
    save (b, on_b);
    add_note (b, stay_id, "Night: the police want her statement next week");
  }

  test_settle (devices, 2);
  test_assert_converged (devices, 2);

  lyg_stay_period_last_day (&start, 30, &last);
  followup_id = lyg_stay_deadline_followup_id (stay_id, &last);

  for (guint d = 0; d < 2; d++)
    {
      g_autoptr(LygRecord) merged = get_record (devices[d], stay_id);
      g_autoptr(LygRecord) followup = get_record (devices[d], followup_id);
      g_autoptr(GPtrArray) conflicts = lyg_record_get_conflicts (merged);
      g_autoptr(GPtrArray) followup_conflicts = lyg_record_get_conflicts (followup);
      g_autoptr(GPtrArray) notes = lyg_stay_list_handovers (devices[d]->vault, stay_id, NULL);
      guint days = 0;

      g_assert_cmpstr (lyg_record_get_string (merged, "departure"), ==, "2026-05-26");
      g_assert_cmpstr (lyg_record_get_string (merged, "outcome"), ==, "left_without_notice");
      g_assert_true (lyg_stay_get_period (merged, NULL, &days, NULL));
      g_assert_cmpuint (days, ==, 60);
      g_assert_cmpstr (lyg_record_get_string (merged, "support_legal_aid"), ==, "under_way");
      g_assert_cmpuint (conflicts->len, ==, 0);

      g_assert_cmpuint (notes->len, ==, 2);

      /* Both made it; it is one record, and the same text is no conflict. */
      g_assert_cmpuint (lyg_index_count (lyg_vault_get_index (devices[d]->vault), "followup"),
                        ==, 1);
      g_assert_cmpstr (lyg_record_get_string (followup, "person"), ==, person);
      g_assert_cmpuint (followup_conflicts->len, ==, 0);
    }

  /* She has left: the deadline's follow-up is closed, once. */
  ensure (b, stay_id, &today, 1);
  test_settle (devices, 2);
  ensure (a, stay_id, &today, 0);
  {
    g_autoptr(LygRecord) followup = get_record (a, followup_id);

    g_assert_true (lyg_record_get_boolean (followup, "done"));
  }
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

  g_test_add_func ("/lyg/sync/stay/ended-and-extended", test_ended_and_extended);

  return g_test_run ();
}
