/* test-stay.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lyg-schema.h"
#include "lyg-stay.h"
#include "test-util.h"

#define STAY_ID "6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"

static void
date_set (GDate      *date,
          const char *text)
{
  g_assert_true (lyg_stay_parse_date (text, date));
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  g_autofree char *text = lyg_stay_format_date (date);

  g_assert_cmpstr (text, ==, expected);
}

static char *
last_day_of (const char *start,
             guint       days)
{
  GDate first, last;

  date_set (&first, start);
  lyg_stay_period_last_day (&first, days, &last);

  return lyg_stay_format_date (&last);
}

static LygRecord *
stay_new (const char *arrival,
          const char *period_start)
{
  LygRecord *stay = lyg_record_new ("stay");
  GDate start;

  lyg_record_set_string (stay, "place", "crisis_shelter");
  lyg_record_set_string (stay, "arrival", arrival);
  if (period_start != NULL)
    {
      date_set (&start, period_start);
      g_assert_true (lyg_stay_start_period (stay, &start, NULL));
    }

  return stay;
}

static void
test_parse (void)
{
  GDate date;

  g_assert_true (lyg_stay_parse_date ("2026-03-01", &date));
  assert_date (&date, "2026-03-01");
  g_assert_true (lyg_stay_parse_date ("2028-02-29", &date));
  g_assert_false (lyg_stay_parse_date ("2027-02-29", &date));
  g_assert_false (g_date_valid (&date));
  g_assert_false (lyg_stay_parse_date ("2026-04-31", &date));
  g_assert_false (lyg_stay_parse_date ("2026-13-01", &date));
  g_assert_false (lyg_stay_parse_date ("yesterday", &date));
  g_assert_false (lyg_stay_parse_date ("2026-03-01 and more", &date));
  g_assert_false (lyg_stay_parse_date ("2026-3-1", &date));
  g_assert_true (lyg_stay_parse_date ("2026-03-01T10:00:00+01:00", &date));
  assert_date (&date, "2026-03-01");
  g_assert_false (lyg_stay_parse_date ("", &date));
  g_assert_false (lyg_stay_parse_date (NULL, &date));
}

static void
test_default_period (void)
{
  g_autoptr(LygRecord) stay = stay_new ("2026-03-01", "2026-03-01");
  g_autofree char *end = last_day_of ("2026-03-01", 30);
  GDate start, last, today;
  guint days = 0;
  int left = -1;

  /* 30 days from 1 March: 1 … 30 March. */
  g_assert_cmpstr (end, ==, "2026-03-30");

  g_assert_true (lyg_stay_get_period (stay, &start, &days, &last));
  g_assert_cmpuint (days, ==, LYG_STAY_PERIOD_DAYS);
  assert_date (&start, "2026-03-01");
  assert_date (&last, "2026-03-30");
  g_assert_cmpint (lyg_record_get_int (stay, "period_days", 0), ==, 30);

  date_set (&today, "2026-03-01");
  g_assert_cmpint (lyg_stay_get_urgency (stay, &today, &left), ==, LYG_STAY_URGENCY_RUNNING);
  g_assert_cmpint (left, ==, 29);

  date_set (&today, "2026-03-22");
  g_assert_cmpint (lyg_stay_get_urgency (stay, &today, &left), ==, LYG_STAY_URGENCY_RUNNING);
  g_assert_cmpint (left, ==, 8);
  date_set (&today, "2026-03-23");
  g_assert_cmpint (lyg_stay_get_urgency (stay, &today, &left), ==, LYG_STAY_URGENCY_ENDING);
  g_assert_cmpint (left, ==, 7);
  date_set (&today, "2026-03-30");
  g_assert_cmpint (lyg_stay_get_urgency (stay, &today, &left), ==, LYG_STAY_URGENCY_ENDING);
  g_assert_cmpint (left, ==, 0);
  date_set (&today, "2026-03-31");
  g_assert_cmpint (lyg_stay_get_urgency (stay, &today, &left), ==, LYG_STAY_URGENCY_ENDED);
  g_assert_cmpint (left, ==, -1);

  /* Leaving ends the urgency, whatever the period says. */
  lyg_record_set_string (stay, "departure", "2026-04-02");
  g_assert_cmpint (lyg_stay_get_urgency (stay, &today, NULL), ==, LYG_STAY_URGENCY_DEPARTED);

  /* No period yet. */
  {
    g_autoptr(LygRecord) waiting = stay_new ("2026-03-01", NULL);

    g_assert_false (lyg_stay_get_period (waiting, NULL, NULL, NULL));
    g_assert_cmpint (lyg_stay_get_urgency (waiting, &today, NULL), ==,
                     LYG_STAY_URGENCY_NO_PERIOD);
  }
}

static void
test_extend (void)
{
  g_autoptr(LygRecord) stay = stay_new ("2026-05-04", "2026-05-04");
  g_autoptr(LygRecord) waiting = stay_new ("2026-05-04", NULL);
  g_autoptr(GError) error = NULL;
  GDate last;
  guint days;

  /* 30 → 60 for a prepared return, → 120 to testify. */
  g_assert_true (lyg_stay_extend (stay, 30, "prepared_return", &error));
  g_assert_no_error (error);
  g_assert_true (lyg_stay_get_period (stay, NULL, &days, &last));
  g_assert_cmpuint (days, ==, 60);
  assert_date (&last, "2026-07-02");
  g_assert_cmpstr (lyg_record_get_string (stay, "extension_reason"), ==, "prepared_return");

  g_assert_true (lyg_stay_extend (stay, 60, "testify", &error));
  g_assert_no_error (error);
  g_assert_true (lyg_stay_get_period (stay, NULL, &days, &last));
  g_assert_cmpuint (days, ==, LYG_STAY_PERIOD_MAX_DAYS);
  assert_date (&last, "2026-08-31");
  g_assert_cmpstr (lyg_record_get_string (stay, "extension_reason"), ==, "testify");

  /* Not one day more than 120 in total, and nothing changes. */
  g_assert_false (lyg_stay_extend (stay, 1, "pregnancy", &error));
  g_assert_error (error, LYG_STAY_ERROR, LYG_STAY_ERROR_TOO_LONG);
  g_clear_error (&error);
  g_assert_cmpint (lyg_record_get_int (stay, "period_days", 0), ==, 120);
  g_assert_cmpstr (lyg_record_get_string (stay, "extension_reason"), ==, "testify");

  /* From 30, 91 more would be 121. */
  g_assert_false (lyg_stay_check_extension (30, 91, &error));
  g_assert_error (error, LYG_STAY_ERROR, LYG_STAY_ERROR_TOO_LONG);
  g_clear_error (&error);
  g_assert_true (lyg_stay_check_extension (30, 90, NULL));
  g_assert_false (lyg_stay_check_extension (30, 0, &error));
  g_assert_error (error, LYG_STAY_ERROR, LYG_STAY_ERROR_INVALID);
  g_clear_error (&error);
  /* An absurd request cannot wrap around. */
  g_assert_false (lyg_stay_check_extension (30, G_MAXUINT, &error));
  g_assert_error (error, LYG_STAY_ERROR, LYG_STAY_ERROR_TOO_LONG);
  g_clear_error (&error);

  /* A reason is required, and must be one of the enumeration. */
  {
    g_autoptr(LygRecord) other = stay_new ("2026-05-04", "2026-05-04");

    g_assert_false (lyg_stay_extend (other, 10, NULL, &error));
    g_assert_error (error, LYG_STAY_ERROR, LYG_STAY_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (lyg_stay_extend (other, 10, "because", &error));
    g_assert_error (error, LYG_STAY_ERROR, LYG_STAY_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (lyg_record_get_int (other, "period_days", 0), ==, 30);
  }

  /* No period, nothing to extend. */
  g_assert_false (lyg_stay_extend (waiting, 10, "treatment", &error));
  g_assert_error (error, LYG_STAY_ERROR, LYG_STAY_ERROR_NO_PERIOD);
  g_clear_error (&error);

  /* A length from elsewhere beyond the rules is held to 120. */
  lyg_record_set_string (waiting, "period_start", "2026-05-04");
  lyg_record_set_int (waiting, "period_days", 500);
  g_assert_true (lyg_stay_get_period (waiting, NULL, &days, NULL));
  g_assert_cmpuint (days, ==, 120);
}

static void
test_month_ends (void)
{
  g_autofree char *a = last_day_of ("2026-01-31", 30);
  g_autofree char *b = last_day_of ("2026-01-31", 60);
  g_autofree char *c = last_day_of ("2027-12-15", 120);
  g_autofree char *d = last_day_of ("2026-04-30", 31);
  g_autofree char *e = last_day_of ("2026-12-31", 1);
  GDate last, today;

  /* 31 January + 29 days, through a 28-day February. */
  g_assert_cmpstr (a, ==, "2026-03-01");
  g_assert_cmpstr (b, ==, "2026-03-31");
  /* Across a new year into a leap year. */
  g_assert_cmpstr (c, ==, "2028-04-12");
  g_assert_cmpstr (d, ==, "2026-05-30");
  g_assert_cmpstr (e, ==, "2026-12-31");

  /* Days left across a month end. */
  date_set (&last, "2026-03-01");
  date_set (&today, "2026-02-27");
  g_assert_cmpint (lyg_stay_days_left (&last, &today), ==, 2);
}

static void
test_leap_day (void)
{
  g_autofree char *a = last_day_of ("2028-02-01", 30);
  g_autofree char *b = last_day_of ("2028-02-29", 30);
  g_autofree char *c = last_day_of ("2028-01-31", 60);
  g_autofree char *d = last_day_of ("2027-02-01", 30);
  GDate last, today;

  /* February 2028 has 29 days; February 2027 has 28. */
  g_assert_cmpstr (a, ==, "2028-03-01");
  g_assert_cmpstr (d, ==, "2027-03-02");
  g_assert_cmpstr (b, ==, "2028-03-29");
  g_assert_cmpstr (c, ==, "2028-03-30");

  date_set (&last, "2028-03-01");
  date_set (&today, "2028-02-28");
  g_assert_cmpint (lyg_stay_days_left (&last, &today), ==, 2);
  date_set (&today, "2028-02-29");
  g_assert_cmpint (lyg_stay_days_left (&last, &today), ==, 1);
}

/* Run with TZ=Europe/Copenhagen (tests/core/meson.build). Summer time
 * starts on 29 March 2026 and ends on 25 October 2026. */
static void
test_daylight_saving (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) start_midnight = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(LygRecord) spring = stay_new ("2026-03-20", "2026-03-20");
  g_autoptr(LygRecord) autumn = stay_new ("2026-10-01", "2026-10-01");
  GTimeSpan elapsed;
  GDate today, last;
  int left;

  g_assert_cmpstr (g_getenv ("TZ"), ==, "Europe/Copenhagen");
  g_assert_cmpstr (g_time_zone_get_identifier (tz), ==, "Europe/Copenhagen");

  /* The spring stay's last day is 18 April; at half past midnight that
   * day, fewer than 29 × 24 hours have passed since the start (one hour
   * went missing), so counting seconds would say a day is still left. */
  start_midnight = g_date_time_new_local (2026, 3, 20, 0, 0, 0);
  now = g_date_time_new_local (2026, 4, 18, 0, 30, 0);
  elapsed = g_date_time_difference (now, start_midnight);
  g_assert_cmpint (elapsed / G_TIME_SPAN_DAY, ==, 28);
  g_assert_cmpint (elapsed % G_TIME_SPAN_HOUR, ==, 30 * G_TIME_SPAN_MINUTE);

  lyg_stay_date_from_datetime (now, &today);
  assert_date (&today, "2026-04-18");
  g_assert_true (lyg_stay_get_period (spring, NULL, NULL, &last));
  assert_date (&last, "2026-04-18");
  g_assert_cmpint (lyg_stay_get_urgency (spring, &today, &left), ==, LYG_STAY_URGENCY_ENDING);
  g_assert_cmpint (left, ==, 0);

  /* A moment given in UTC is judged by the local calendar: 23:30 UTC on
   * 28 March is already 29 March in Copenhagen. */
  utc = g_date_time_new_utc (2026, 3, 28, 23, 30, 0);
  lyg_stay_date_from_datetime (utc, &today);
  assert_date (&today, "2026-03-29");

  /* Autumn: the night of 25 October has 25 hours. Late on the 30th the
   * stay that started on 1 October has exactly 0 days left. */
  g_clear_pointer (&now, g_date_time_unref);
  now = g_date_time_new_local (2026, 10, 30, 23, 30, 0);
  lyg_stay_date_from_datetime (now, &today);
  g_assert_true (lyg_stay_get_period (autumn, NULL, NULL, &last));
  assert_date (&last, "2026-10-30");
  g_assert_cmpint (lyg_stay_get_urgency (autumn, &today, &left), ==, LYG_STAY_URGENCY_ENDING);
  g_assert_cmpint (left, ==, 0);
}

static int
compare_urgency (gconstpointer a,
                 gconstpointer b,
                 gpointer      today)
{
  return lyg_stay_compare_urgency (*(LygRecord * const *) a, *(LygRecord * const *) b, today);
}

static void
test_urgency_order (void)
{
  g_autoptr(GPtrArray) stays = g_ptr_array_new_with_free_func (g_object_unref);
  LygRecord *ended_long = stay_new ("2026-01-01", "2026-01-05");    /* ended 2026-02-03 */
  LygRecord *ended_just = stay_new ("2026-01-20", "2026-01-20");    /* ended 2026-02-18 */
  LygRecord *ending = stay_new ("2026-01-25", "2026-01-25");        /* ends 2026-02-23 */
  LygRecord *running = stay_new ("2026-02-10", "2026-02-10");       /* ends 2026-03-11 */
  LygRecord *extended = stay_new ("2026-01-02", "2026-01-02");      /* ends 2026-03-02 */
  LygRecord *waiting = stay_new ("2026-02-18", NULL);
  LygRecord *left = stay_new ("2026-01-01", "2026-01-01");
  GDate today;

  g_assert_true (lyg_stay_extend (extended, 30, "treatment", NULL));
  lyg_record_set_string (left, "departure", "2026-01-15");

  g_ptr_array_add (stays, waiting);
  g_ptr_array_add (stays, running);
  g_ptr_array_add (stays, left);
  g_ptr_array_add (stays, ending);
  g_ptr_array_add (stays, ended_just);
  g_ptr_array_add (stays, extended);
  g_ptr_array_add (stays, ended_long);

  date_set (&today, "2026-02-20");
  g_ptr_array_sort_with_data (stays, compare_urgency, &today);

  g_assert_true (g_ptr_array_index (stays, 0) == ended_long);
  g_assert_true (g_ptr_array_index (stays, 1) == ended_just);
  g_assert_true (g_ptr_array_index (stays, 2) == ending);
  g_assert_true (g_ptr_array_index (stays, 3) == extended);
  g_assert_true (g_ptr_array_index (stays, 4) == running);
  g_assert_true (g_ptr_array_index (stays, 5) == waiting);
  g_assert_true (g_ptr_array_index (stays, 6) == left);
}

typedef struct
{
  gint64 now;
} FakeClock;

static gint64
fake_clock (gpointer user_data)
{
  return ((FakeClock *) user_data)->now;
}

static char *
serialize (LygRecord *record)
{
  return lyg_record_serialize (record, NULL);
}

/* One shift ends the stay on one laptop while, offline, another extends
 * the period and updates the support plan: after both merge, in either
 * order, all of it is there and nothing conflicts. */
static void
test_merge_concurrent (void)
{
  g_autoptr(LygHlc) clock_a = lyg_hlc_new ("000000000000000a");
  g_autoptr(LygHlc) clock_b = lyg_hlc_new ("000000000000000b");
  FakeClock time_a = { 1780000000000 }, time_b = { 1780000000000 };
  g_autoptr(LygRecord) base = lyg_record_new_with_id ("stay", STAY_ID);
  g_autoptr(LygRecord) a = NULL;
  g_autoptr(LygRecord) b = NULL;
  g_autoptr(LygRecord) ab = NULL;
  g_autoptr(LygRecord) ba = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *text_ab = NULL;
  g_autofree char *text_ba = NULL;
  g_autoptr(GError) error = NULL;
  GDate start, today;
  guint days;

  lyg_hlc_set_clock_func (clock_a, fake_clock, &time_a);
  lyg_hlc_set_clock_func (clock_b, fake_clock, &time_b);

  /* Both laptops have the stay as it was at arrival. */
  date_set (&start, "2026-06-01");
  lyg_record_set_string (base, "place", "crisis_shelter");
  lyg_record_set_string (base, "arrival", "2026-06-01");
  g_assert_true (lyg_stay_start_period (base, &start, NULL));
  lyg_record_set_string (base, "support_counselling", "planned");
  stamp = lyg_hlc_now (clock_a);
  lyg_record_stamp_pending (base, stamp);
  g_clear_pointer (&stamp, g_free);
  a = lyg_record_copy (base);
  b = lyg_record_copy (base);

  /* A: she left; B, a little later and without seeing that: extended,
   * counselling under way, legal aid planned. */
  time_a.now += 1000;
  lyg_record_set_string (a, "departure", "2026-06-20");
  lyg_record_set_string (a, "outcome", "prepared_return");
  stamp = lyg_hlc_now (clock_a);
  lyg_record_stamp_pending (a, stamp);
  g_clear_pointer (&stamp, g_free);

  time_b.now += 2000;
  g_assert_true (lyg_stay_extend (b, 30, "prepared_return", &error));
  g_assert_no_error (error);
  lyg_record_set_string (b, "support_counselling", "under_way");
  lyg_record_set_string (b, "support_legal_aid", "planned");
  lyg_record_set_string (b, "support_legal_aid_notes", "Appointment with the lawyer on Monday");
  stamp = lyg_hlc_now (clock_b);
  lyg_record_stamp_pending (b, stamp);

  ab = lyg_record_copy (a);
  g_assert_true (lyg_record_merge (ab, b, NULL, &error));
  g_assert_no_error (error);
  ba = lyg_record_copy (b);
  g_assert_true (lyg_record_merge (ba, a, NULL, &error));
  g_assert_no_error (error);

  text_ab = serialize (ab);
  text_ba = serialize (ba);
  g_assert_cmpstr (text_ab, ==, text_ba);

  g_assert_cmpstr (lyg_record_get_string (ab, "departure"), ==, "2026-06-20");
  g_assert_cmpstr (lyg_record_get_string (ab, "outcome"), ==, "prepared_return");
  g_assert_true (lyg_stay_get_period (ab, NULL, &days, NULL));
  g_assert_cmpuint (days, ==, 60);
  g_assert_cmpstr (lyg_record_get_string (ab, "extension_reason"), ==, "prepared_return");
  g_assert_cmpstr (lyg_record_get_string (ab, "support_counselling"), ==, "under_way");
  g_assert_cmpstr (lyg_record_get_string (ab, "support_legal_aid"), ==, "planned");
  g_assert_cmpstr (lyg_record_get_string (ab, "support_legal_aid_notes"), ==,
                   "Appointment with the lawyer on Monday");
  date_set (&today, "2026-06-25");
  g_assert_cmpint (lyg_stay_get_urgency (ab, &today, NULL), ==, LYG_STAY_URGENCY_DEPARTED);

  conflicts = lyg_record_get_conflicts (ab);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* Two laptops extending at once, differently: one wins and the other
   * stays in the conflict list, shown to the user, never dropped. */
  {
    g_autoptr(LygRecord) c = lyg_record_copy (base);
    g_autoptr(LygRecord) d = lyg_record_copy (base);
    g_autofree char *stamp_c = NULL;
    g_autofree char *stamp_d = NULL;
    const LygConflict *conflict;

    g_assert_true (lyg_stay_extend (c, 30, "treatment", NULL));
    g_assert_true (lyg_stay_extend (d, 60, "testify", NULL));
    time_a.now += 5000;
    time_b.now += 5000;
    stamp_c = lyg_hlc_now (clock_a);
    stamp_d = lyg_hlc_now (clock_b);
    lyg_record_stamp_pending (c, stamp_c);
    lyg_record_stamp_pending (d, stamp_d);
    g_assert_true (lyg_record_merge (c, d, NULL, NULL));

    conflicts = lyg_record_get_conflicts (c);
    g_assert_cmpuint (conflicts->len, ==, 2);
    conflict = g_ptr_array_index (conflicts, 1);
    g_assert_cmpstr (conflict->field, ==, "period_days");
    g_assert_cmpint (json_node_get_int (conflict->value), !=,
                     lyg_record_get_int (c, "period_days", 0));
  }
}

/* Notes written at once on two devices are two records: merging the two
 * vaults' revisions keeps both, newest first. */
static void
test_handover_notes (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("handover.lygte", "pass");
  g_autoptr(LygRecord) stay = stay_new ("2026-06-01", "2026-06-01");
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  const char *times[] = {
    "2026-06-02T07:55:00+02:00", "2026-06-02T22:10:00+02:00", "2026-06-02T15:30:00+02:00",
    /* 21:00 UTC is 23:00 in Copenhagen: after 22:10, whatever the text says. */
    "2026-06-02T21:00:00+00:00",
  };
  const char *texts[] = { "Morning: slept badly", "Evening: calm", "Afternoon: lawyer called",
                          "Night: asked about her daughter" };

  g_assert_true (lyg_vault_save_record (vault, stay, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (times[i], NULL);
      g_autoptr(LygRecord) note = lyg_stay_new_handover (lyg_record_get_id (stay), texts[i], when);

      g_assert_true (lyg_vault_save_record (vault, note, &error));
      g_assert_no_error (error);
    }

  /* A note on another stay is not listed. */
  {
    g_autoptr(LygRecord) other = lyg_stay_new_handover (STAY_ID, "Someone else", NULL);
    g_assert_true (lyg_vault_save_record (vault, other, &error));
  }

  notes = lyg_stay_list_handovers (vault, lyg_record_get_id (stay), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 4);
  g_assert_cmpstr (lyg_record_get_string (notes->pdata[0], "text"), ==, texts[3]);
  g_assert_cmpstr (lyg_record_get_string (notes->pdata[1], "text"), ==, texts[1]);
  g_assert_cmpstr (lyg_record_get_string (notes->pdata[2], "text"), ==, texts[2]);
  g_assert_cmpstr (lyg_record_get_string (notes->pdata[3], "text"), ==, texts[0]);
}

static LygRecord *
get_saved (LygVault   *vault,
           const char *id)
{
  g_autoptr(GError) error = NULL;
  LygRecord *record = lyg_vault_get_record (vault, id, &error);

  g_assert_no_error (error);

  return record;
}

static void
test_deadline_followups (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("followups.lygte", "pass");
  g_autoptr(LygRecord) person = test_person_new ("Rosa", NULL);
  g_autoptr(LygRecord) stay = stay_new ("2026-03-01", "2026-03-01");
  g_autoptr(LygRecord) followup = NULL;
  g_autoptr(LygRecord) old = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *id_again = NULL;
  g_autofree char *id_extended = NULL;
  GDate today, last;
  guint n = 99;

  g_assert_true (lyg_vault_save_record (vault, person, &error));
  lyg_record_set_string (stay, "person", lyg_record_get_id (person));
  g_assert_true (lyg_vault_save_record (vault, stay, &error));
  g_assert_no_error (error);

  /* Deterministic, valid, and different per deadline and per stay. */
  date_set (&last, "2026-03-30");
  id = lyg_stay_deadline_followup_id (lyg_record_get_id (stay), &last);
  id_again = lyg_stay_deadline_followup_id (lyg_record_get_id (stay), &last);
  g_assert_cmpstr (id, ==, id_again);
  g_assert_true (lyg_uuid_is_valid (id));
  {
    g_autofree char *other_stay = lyg_stay_deadline_followup_id (STAY_ID, &last);
    g_autofree char *other_day = NULL;
    GDate next = last;

    g_date_add_days (&next, 1);
    other_day = lyg_stay_deadline_followup_id (lyg_record_get_id (stay), &next);
    g_assert_cmpstr (id, !=, other_stay);
    g_assert_cmpstr (id, !=, other_day);
  }

  /* Eight days before the end, nothing yet. */
  date_set (&today, "2026-03-22");
  g_assert_true (lyg_stay_ensure_followups (vault, stay, &today, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (lyg_index_count (lyg_vault_get_index (vault), "followup"), ==, 0);

  /* Seven days before: one follow-up, due that day, with the person. */
  date_set (&today, "2026-03-23");
  g_assert_true (lyg_stay_ensure_followups (vault, stay, &today, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  followup = get_saved (vault, id);
  g_assert_cmpstr (lyg_record_get_string (followup, "due"), ==, "2026-03-23");
  g_assert_cmpstr (lyg_record_get_string (followup, "person"), ==, lyg_record_get_id (person));
  g_assert_false (lyg_record_get_boolean (followup, "done"));

  /* Once per deadline: again, or later, changes nothing. */
  date_set (&today, "2026-04-02");
  g_assert_true (lyg_stay_ensure_followups (vault, stay, &today, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (lyg_index_count (lyg_vault_get_index (vault), "followup"), ==, 1);

  /* Extended by 30 days (the stay as another page reads it back): the
   * old deadline's follow-up is closed and the new deadline is far enough
   * away. */
  g_clear_object (&stay);
  {
    g_autoptr(GPtrArray) stays = lyg_stay_list (vault, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (stays->len, ==, 1);
    stay = g_object_ref (g_ptr_array_index (stays, 0));
  }
  g_assert_true (lyg_stay_extend (stay, 30, "prepared_return", NULL));
  g_assert_true (lyg_vault_save_record (vault, stay, &error));
  date_set (&today, "2026-03-25");
  g_assert_true (lyg_stay_ensure_followups (vault, stay, &today, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  old = get_saved (vault, id);
  g_assert_true (lyg_record_get_boolean (old, "done"));
  g_assert_cmpuint (lyg_index_count (lyg_vault_get_index (vault), "followup"), ==, 1);

  /* The new deadline, 29 April, comes into view on 22 April. */
  date_set (&last, "2026-04-29");
  id_extended = lyg_stay_deadline_followup_id (lyg_record_get_id (stay), &last);
  date_set (&today, "2026-04-22");
  g_assert_true (lyg_stay_ensure_followups (vault, stay, &today, &n, &error));
  g_assert_cmpuint (n, ==, 1);
  g_clear_object (&followup);
  followup = get_saved (vault, id_extended);
  g_assert_cmpstr (lyg_record_get_string (followup, "due"), ==, "2026-04-22");
  g_assert_false (lyg_record_get_boolean (followup, "done"));

  /* She leaves: the open deadline follow-up is closed. */
  lyg_record_set_string (stay, "departure", "2026-04-24");
  lyg_record_set_string (stay, "outcome", "prepared_return");
  g_assert_true (lyg_vault_save_record (vault, stay, &error));
  g_assert_true (lyg_stay_ensure_followups (vault, stay, &today, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_clear_object (&followup);
  followup = get_saved (vault, id_extended);
  g_assert_true (lyg_record_get_boolean (followup, "done"));
  g_assert_true (lyg_stay_ensure_followups (vault, stay, &today, &n, &error));
  g_assert_cmpuint (n, ==, 0);

  /* Closing the follow-ups of a start the period no longer has. */
  {
    g_autoptr(LygRecord) other = stay_new ("2026-06-01", "2026-06-01");
    g_autoptr(LygRecord) made = NULL;
    g_autofree char *other_id = NULL;
    GDate old_start;

    g_assert_true (lyg_vault_save_record (vault, other, &error));
    date_set (&today, "2026-06-28");
    g_assert_true (lyg_stay_ensure_followups (vault, other, &today, &n, &error));
    g_assert_cmpuint (n, ==, 1);
    date_set (&old_start, "2026-06-01");
    date_set (&last, "2026-06-30");
    other_id = lyg_stay_deadline_followup_id (lyg_record_get_id (other), &last);
    g_assert_true (lyg_stay_close_followups (vault, lyg_record_get_id (other), &old_start, &n,
                                             &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 1);
    made = get_saved (vault, other_id);
    g_assert_true (lyg_record_get_boolean (made, "done"));
  }
}

/* A deadline follow-up someone deleted stays deleted: not made again
 * here, and one made for the same deadline by a device that had not seen
 * the deletion merges into the same (deleted) record. */
static void
test_deleted_followup (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("deleted.lygte", "pass");
  g_autoptr(LygRecord) stay = stay_new ("2026-03-01", "2026-03-01");
  g_autoptr(LygRecord) again = NULL;
  g_autoptr(LygRecord) other_device = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  GDate today, last;
  guint n = 99;

  g_assert_true (lyg_vault_save_record (vault, stay, &error));
  date_set (&today, "2026-03-28");
  g_assert_true (lyg_stay_ensure_followups (vault, stay, &today, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);

  date_set (&last, "2026-03-30");
  id = lyg_stay_deadline_followup_id (lyg_record_get_id (stay), &last);
  g_assert_true (lyg_vault_delete_record (vault, id, &error));
  g_assert_no_error (error);

  g_assert_true (lyg_stay_ensure_followups (vault, stay, &today, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (lyg_index_count (lyg_vault_get_index (vault), "followup"), ==, 0);

  other_device = lyg_record_new_with_id ("followup", id);
  lyg_record_set_string (other_device, "title", "Reflection period ends: plan the next step");
  lyg_record_set_string (other_device, "due", "2026-03-23");
  g_assert_true (lyg_vault_save_record (vault, other_device, &error));
  g_assert_no_error (error);
  again = get_saved (vault, id);
  g_assert_true (lyg_record_is_deleted (again));
  g_assert_cmpuint (lyg_index_count (lyg_vault_get_index (vault), "followup"), ==, 0);
}

static void
test_summary (void)
{
  g_autoptr(GPtrArray) stays = g_ptr_array_new_with_free_func (g_object_unref);
  LygStaySummary summary;
  LygRecord *stay;
  GDate from, to;

  /* In the period, ended: 10 and 31 days (across February 2028). */
  stay = stay_new ("2028-01-05", "2028-01-05");
  lyg_record_set_string (stay, "departure", "2028-01-15");
  lyg_record_set_string (stay, "outcome", "prepared_return");
  g_ptr_array_add (stays, stay);
  stay = stay_new ("2028-02-10", NULL);
  lyg_record_set_string (stay, "departure", "2028-03-12");
  lyg_record_set_string (stay, "outcome", "left_without_notice");
  g_ptr_array_add (stays, stay);
  /* Arrived before, left inside: 45 days, no outcome recorded. */
  stay = stay_new ("2027-12-01", NULL);
  lyg_record_set_string (stay, "departure", "2028-01-15");
  g_ptr_array_add (stays, stay);
  /* Still there. */
  g_ptr_array_add (stays, stay_new ("2028-03-01", "2028-03-01"));
  /* Outside: left before, arrived after, no arrival, deleted. */
  stay = stay_new ("2027-10-01", NULL);
  lyg_record_set_string (stay, "departure", "2027-12-31");
  lyg_record_set_string (stay, "outcome", "stayed_in_denmark");
  g_ptr_array_add (stays, stay);
  g_ptr_array_add (stays, stay_new ("2028-04-01", NULL));
  stay = lyg_record_new ("stay");
  lyg_record_set_string (stay, "departure", "2028-01-20");
  g_ptr_array_add (stays, stay);
  stay = stay_new ("2028-01-10", NULL);
  lyg_record_mark_deleted (stay);
  g_ptr_array_add (stays, stay);

  date_set (&from, "2028-01-01");
  date_set (&to, "2028-03-31");
  lyg_stay_summarize (stays, &from, &to, &summary);

  g_assert_cmpuint (summary.n_stays, ==, 4);
  g_assert_cmpuint (summary.n_current, ==, 1);
  g_assert_cmpuint (summary.n_completed, ==, 3);
  g_assert_cmpuint (summary.total_days, ==, 10 + 31 + 45);
  g_assert_cmpfloat_with_epsilon (summary.average_days, 86.0 / 3.0, 1e-9);
  g_assert_cmpuint (lyg_stay_summary_get_outcome (&summary, "prepared_return"), ==, 1);
  g_assert_cmpuint (lyg_stay_summary_get_outcome (&summary, "left_without_notice"), ==, 1);
  g_assert_cmpuint (lyg_stay_summary_get_outcome (&summary, "stayed_in_denmark"), ==, 0);
  g_assert_cmpuint (lyg_stay_summary_get_outcome (&summary, "other"), ==, 0);
  g_assert_cmpuint (lyg_stay_summary_get_outcome (&summary, "nonsense"), ==, 0);
  g_assert_cmpuint (summary.n_without_outcome, ==, 1);

  /* The header's count matches the schema's. */
  {
    guint n_values = 0;

    lyg_schema_enum_values ("stay_outcome", &n_values);
    g_assert_cmpuint (n_values, ==, LYG_STAY_N_OUTCOMES);
  }

  /* An empty set. */
  g_ptr_array_set_size (stays, 0);
  lyg_stay_summarize (stays, &from, &to, &summary);
  g_assert_cmpuint (summary.n_stays, ==, 0);
  g_assert_cmpfloat (summary.average_days, ==, 0.0);
}

static guint
count_hits (LygVault   *vault,
            const char *query,
            const char *type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = lyg_index_search (lyg_vault_get_index (vault), query, type, 0,
                                                &error);

  g_assert_no_error (error);

  return hits->len;
}

/* The schema validates stays and notes from the CLI, and the index titles
 * and finds them. */
static void
test_schema_and_index (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("index.lygte", "pass");
  g_autoptr(LygRecord) stay = lyg_record_new ("stay");
  g_autoptr(LygRecord) bad = lyg_record_new ("stay");
  g_autoptr(LygRecord) note = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(LygIndexEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  json = json_from_string ("{\"place\": \"crisis_shelter\", \"shelter\": \"Lighthouse House\","
                           " \"arrival\": \"2026-02-27\", \"period_start\": \"2026-02-28\","
                           " \"period_days\": 30, \"contact_person\": \"Birgitte Holm\","
                           " \"interpreter_language\": \"ro\","
                           " \"support_psychologist\": \"planned\","
                           " \"support_psychologist_notes\": \"Prefers a woman therapist\"}",
                           &error);
  g_assert_no_error (error);
  g_assert_true (lyg_record_apply_plain_json (stay, json_node_get_object (json), &error));
  g_assert_no_error (error);
  g_clear_pointer (&json, json_node_unref);

  json = json_from_string ("{\"support_psychologist\": \"maybe\"}", NULL);
  g_assert_false (lyg_record_apply_plain_json (bad, json_node_get_object (json), &error));
  g_assert_error (error, LYG_RECORD_ERROR, LYG_RECORD_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_clear_pointer (&json, json_node_unref);
  json = json_from_string ("{\"arrival\": \"2027-02-29\"}", NULL);
  g_assert_false (lyg_record_apply_plain_json (bad, json_node_get_object (json), &error));
  g_assert_error (error, LYG_RECORD_ERROR, LYG_RECORD_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_clear_pointer (&json, json_node_unref);
  json = json_from_string ("{\"deadline\": \"2026-03-01\"}", NULL);
  g_assert_false (lyg_record_apply_plain_json (bad, json_node_get_object (json), &error));
  g_assert_error (error, LYG_RECORD_ERROR, LYG_RECORD_ERROR_UNKNOWN_FIELD);
  g_clear_error (&error);

  g_assert_true (lyg_vault_save_record (vault, stay, &error));
  note = lyg_stay_new_handover (lyg_record_get_id (stay),
                                "Asked for a Romanian interpreter\nfor the police interview", NULL);
  g_assert_true (lyg_vault_save_record (vault, note, &error));
  g_assert_no_error (error);

  entry = lyg_index_lookup (lyg_vault_get_index (vault), lyg_record_get_id (stay));
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->title, ==, "Crisis shelter · Lighthouse House");
  g_assert_cmpstr (entry->subtitle, ==, "Period until 2026-03-29");
  g_assert_cmpstr (entry->date, ==, "2026-02-27");
  g_clear_pointer (&entry, lyg_index_entry_free);

  entry = lyg_index_lookup (lyg_vault_get_index (vault), lyg_record_get_id (note));
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->title, ==, "Asked for a Romanian interpreter");
  g_assert_cmpstr (entry->type, ==, "handover");

  g_assert_cmpuint (count_hits (vault, "lighthouse", "stay"), ==, 1);
  g_assert_cmpuint (count_hits (vault, "birgitte", NULL), ==, 1);
  g_assert_cmpuint (count_hits (vault, "therapist", NULL), ==, 1);
  g_assert_cmpuint (count_hits (vault, "police interview", "handover"), ==, 1);
  /* Enum ids are not search text. */
  g_assert_cmpuint (count_hits (vault, "planned", NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lyg/stay/parse", test_parse);
  g_test_add_func ("/lyg/stay/default-period", test_default_period);
  g_test_add_func ("/lyg/stay/extend", test_extend);
  g_test_add_func ("/lyg/stay/month-ends", test_month_ends);
  g_test_add_func ("/lyg/stay/leap-day", test_leap_day);
  g_test_add_func ("/lyg/stay/daylight-saving", test_daylight_saving);
  g_test_add_func ("/lyg/stay/urgency-order", test_urgency_order);
  g_test_add_func ("/lyg/stay/merge-concurrent", test_merge_concurrent);
  g_test_add_func ("/lyg/stay/handover-notes", test_handover_notes);
  g_test_add_func ("/lyg/stay/deadline-followups", test_deadline_followups);
  g_test_add_func ("/lyg/stay/deleted-followup", test_deleted_followup);
  g_test_add_func ("/lyg/stay/summary", test_summary);
  g_test_add_func ("/lyg/stay/schema-and-index", test_schema_and_index);

  return g_test_run ();
}
