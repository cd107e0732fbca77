/* test-stats.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lyg-stats.h"
#include "test-util.h"

/* Statistics on a generated vault, compared with counts worked out here
 * from the generator's own list of what it saved. */

static const char *sexes[] = { "woman", "man", "girl", "boy", "other", NULL };
static const char *ages[] = { "under_15", "15_17", "18_24", "25_34", "45_plus", NULL };
static const char *nations[] = { "RO", "ng", " th ", "BG", "UA", NULL };
static const char *forms[] = { "sexual_prostitution", "forced_labour", "forced_begging",
                               "domestic_servitude" };
static const char *settings[] = { "street", "brothel", "online", "workplace", "hotline", NULL };
static const char *outcomes[] = { "probable", "possible", "no_indication", NULL };
static const char *targets[] = { "police", "identification_centre", "shelter", "legal_aid", NULL };
static const char *ref_outcomes[] = { "pending", "accepted", "identified", NULL };

typedef struct
{
  char       *id;
  const char *sex, *age, *nation;
  char       *forms;     /* comma-joined, or NULL */
  gboolean    deleted;
} Person;

typedef struct
{
  const char *type;
  char        date[11];
  Person     *person;    /* or NULL */
  const char *a, *b;     /* setting | outcome | target, outcome */
  int         head_count;
  gboolean    deleted;
} Event;

typedef struct
{
  GHashTable *counts[LYG_STATS_N_BREAKDOWNS][2];   /* category id → count */
  guint       figures[LYG_STATS_N_FIGURES][2];
} Expected;

static const char *
pick (GRand       *rand,
      const char **values)
{
  guint n = g_strv_length ((char **) values);
  int i = g_rand_int_range (rand, -1, n);

  return i < 0 ? NULL : values[i];
}

static void
bump (Expected   *e,
      guint       kind,
      int         period,
      const char *id,
      const char *missing)
{
  const char *key = id ? id : missing;
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (e->counts[kind][period], key));

  g_hash_table_insert (e->counts[kind][period], g_strdup (key), GUINT_TO_POINTER (n + 1));
}

static void
check_breakdown (LygStats   *stats,
                 Expected   *e,
                 guint       kind)
{
  LygStatsBreakdown *b = lyg_stats_get_breakdown (stats, kind);

  for (int p = 0; p < 2; p++)
    {
      GHashTableIter iter;
      gpointer key, value;
      guint sum = 0;

      for (guint i = 0; i < b->cells->len; i++)
        {
          LygStatsCell *cell = g_ptr_array_index (b->cells, i);
          guint want = GPOINTER_TO_UINT (g_hash_table_lookup (e->counts[kind][p], cell->id));

          if (cell->counts[p] != want)
            g_error ("%s/%s period %d: %u, expected %u", b->id, cell->id, p, cell->counts[p],
                     want);
          sum += cell->counts[p];
        }
      g_hash_table_iter_init (&iter, e->counts[kind][p]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (lyg_stats_breakdown_find (b, key) == NULL)
          g_error ("%s: category %s missing", b->id, (char *) key);
      g_assert_cmpuint (b->totals[p], ==, sum);
      g_assert_cmpuint (b->totals[p], ==, lyg_stats_get_figure (stats, b->total_figure, p));
    }
}

static void
check_all (LygStats *stats,
           Expected *e)
{
  for (guint f = 0; f < LYG_STATS_N_FIGURES; f++)
    for (int p = 0; p < 2; p++)
      g_assert_cmpuint (lyg_stats_get_figure (stats, f, p), ==, e->figures[f][p]);
  for (guint k = LYG_STATS_SUMMARY + 1; k < LYG_STATS_N_BREAKDOWNS; k++)
    check_breakdown (stats, e, k);
}

static char *
upper_code (const char *s)
{
  g_autofree char *stripped = s ? g_strstrip (g_strdup (s)) : NULL;

  return stripped ? g_ascii_strup (stripped, -1) : NULL;
}

/* The expected figures, counted the plain way: one loop over what is
 * alive, a set of people per period. */
static void
expect (Expected    *e,
        GPtrArray   *events,
        const char  *prev_from,
        const char  *from,
        const char  *to)
{
  GHashTable *reached[2] = { g_hash_table_new (NULL, NULL), g_hash_table_new (NULL, NULL) };

  for (guint k = 0; k < LYG_STATS_N_BREAKDOWNS; k++)
    for (int p = 0; p < 2; p++)
      e->counts[k][p] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  memset (e->figures, 0, sizeof e->figures);

  for (guint i = 0; i < events->len; i++)
    {
      Event *ev = g_ptr_array_index (events, i);
      int p;

      if (ev->deleted || strcmp (ev->date, prev_from) < 0 || strcmp (ev->date, to) >= 0)
        continue;
      p = strcmp (ev->date, from) >= 0 ? 0 : 1;

      if (g_str_equal (ev->type, "encounter"))
        {
          e->figures[LYG_STATS_ENCOUNTERS][p]++;
          bump (e, LYG_STATS_ENCOUNTERS_BY_SETTING, p, ev->a, "not_recorded");
          if (ev->person == NULL)
            e->figures[LYG_STATS_ANONYMOUS_CONTACTS][p] += ev->head_count;
        }
      else if (g_str_equal (ev->type, "screening"))
        {
          e->figures[LYG_STATS_SCREENINGS][p]++;
          bump (e, LYG_STATS_SCREENINGS_BY_OUTCOME, p, ev->a, "not_recorded");
        }
      else
        {
          e->figures[LYG_STATS_REFERRALS][p]++;
          bump (e, LYG_STATS_REFERRALS_BY_TARGET, p, ev->a, "not_recorded");
          bump (e, LYG_STATS_REFERRALS_BY_OUTCOME, p, ev->b, "not_recorded");
        }

      if (ev->person != NULL && !ev->person->deleted)
        g_hash_table_add (reached[p], ev->person);
    }

  for (int p = 0; p < 2; p++)
    {
      GHashTableIter iter;
      Person *person;

      g_hash_table_iter_init (&iter, reached[p]);
      while (g_hash_table_iter_next (&iter, (gpointer *) &person, NULL))
        {
          g_autofree char *code = upper_code (person->nation);
          const char *form = person->forms == NULL ? NULL
                           : strchr (person->forms, ',') ? "several" : person->forms;

          e->figures[LYG_STATS_PEOPLE_REACHED][p]++;
          bump (e, LYG_STATS_PEOPLE_BY_SEX, p, person->sex, "not_recorded");
          bump (e, LYG_STATS_PEOPLE_BY_AGE_BAND, p, person->age, "unknown");
          bump (e, LYG_STATS_PEOPLE_BY_NATIONALITY, p, code, "unknown");
          bump (e, LYG_STATS_PEOPLE_BY_EXPLOITATION, p, form, "not_recorded");
        }
      g_hash_table_unref (reached[p]);
    }
}

static void
expected_clear (Expected *e)
{
  for (guint k = 0; k < LYG_STATS_N_BREAKDOWNS; k++)
    for (int p = 0; p < 2; p++)
      g_clear_pointer (&e->counts[k][p], g_hash_table_unref);
}

static LygRecord *
record_for_event (Event *ev)
{
  LygRecord *r = lyg_record_new (ev->type);

  if (ev->person != NULL)
    lyg_record_set_string (r, "person", ev->person->id);

  if (g_str_equal (ev->type, "encounter"))
    {
      /* Late in the evening, east of UTC: the date written is the one counted. */
      g_autofree char *when = g_strdup_printf ("%sT23:30:00+02:00", ev->date);

      lyg_record_set_string (r, "when", when);
      if (ev->a != NULL)
        lyg_record_set_string (r, "setting", ev->a);
      if (ev->person == NULL)
        lyg_record_set_int (r, "head_count", ev->head_count);
    }
  else if (g_str_equal (ev->type, "screening"))
    {
      lyg_record_set_string (r, "date", ev->date);
      if (ev->a != NULL)
        {
          g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
          g_autoptr(JsonObject) object = json_object_new ();

          json_object_set_string_member (object, "outcome", ev->a);
          json_object_set_string_member (object, "outcome_label", "whatever");
          json_node_set_object (node, object);
          lyg_record_set_value (r, "result", node);
        }
    }
  else
    {
      lyg_record_set_string (r, "date", ev->date);
      if (ev->a != NULL)
        lyg_record_set_string (r, "target", ev->a);
      if (ev->b != NULL)
        lyg_record_set_string (r, "outcome", ev->b);
    }

  return r;
}

static void
day_string (GDate *day,
            char  *out)
{
  g_date_strftime (out, 11, "%Y-%m-%d", day);
}

static void
test_generated (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("stats.lygte", "pass");
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(GPtrArray) events = g_ptr_array_new ();
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GDate first, from, to;
  Expected e = { 0 };
  char s_prev[11], s_from[11], s_to[11];

  for (guint i = 0; i < 80; i++)
    {
      Person *p = g_new0 (Person, 1);
      g_autoptr(LygRecord) r = lyg_record_new ("person");
      GPtrArray *f = g_ptr_array_new ();

      p->sex = pick (rand, sexes);
      p->age = pick (rand, ages);
      p->nation = pick (rand, nations);
      for (guint j = 0; j < G_N_ELEMENTS (forms); j++)
        if (g_rand_int_range (rand, 0, 4) == 0)
          g_ptr_array_add (f, (gpointer) forms[j]);
      g_ptr_array_add (f, NULL);
      if (f->len > 1)
        {
          p->forms = g_strjoinv (",", (char **) f->pdata);
          lyg_record_set_strv (r, "exploitation", (const char * const *) f->pdata);
        }
      g_ptr_array_free (f, TRUE);

      lyg_record_set_string (r, "alias", "someone");
      if (p->sex)
        lyg_record_set_string (r, "sex", p->sex);
      if (p->age)
        lyg_record_set_string (r, "age_band", p->age);
      if (p->nation)
        lyg_record_set_string (r, "nationality", p->nation);
      p->id = g_strdup (lyg_record_get_id (r));
      g_ptr_array_add (records, g_steal_pointer (&r));
      g_ptr_array_add (people, p);
    }

  /* Events from 2025-05-20 to 2026-02-10 around the last quarter of 2025
   * (and the third, before it), with every boundary day hit on purpose. */
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 20, G_DATE_MAY, 2025);
  for (guint i = 0; i < 900; i++)
    {
      static const char *types[] = { "encounter", "encounter", "screening", "referral" };
      static const char *edges[] = { "2025-07-01", "2025-06-30", "2025-09-30", "2025-10-01",
                                     "2025-12-31", "2026-01-01" };
      Event *ev = g_new0 (Event, 1);
      GDate day = first;

      ev->type = types[g_rand_int_range (rand, 0, 4)];
      if (i < 60)
        strcpy (ev->date, edges[i % G_N_ELEMENTS (edges)]);
      else
        {
          g_date_add_days (&day, g_rand_int_range (rand, 0, 266));
          day_string (&day, ev->date);
        }
      if (g_rand_int_range (rand, 0, 3) > 0 || !g_str_equal (ev->type, "encounter"))
        ev->person = g_ptr_array_index (people, g_rand_int_range (rand, 0, people->len));
      ev->head_count = g_rand_int_range (rand, 1, 7);
      if (g_str_equal (ev->type, "encounter"))
        ev->a = pick (rand, settings);
      else if (g_str_equal (ev->type, "screening"))
        ev->a = pick (rand, outcomes);
      else
        {
          ev->a = pick (rand, targets);
          ev->b = pick (rand, ref_outcomes);
        }
      g_ptr_array_add (records, record_for_event (ev));
      g_ptr_array_add (events, ev);
    }

  g_assert_true (lyg_vault_save_records (vault, records, &error));
  g_assert_no_error (error);
  lyg_vault_wait_indexed (vault);

  /* Deleted records are not counted: some events, and some people (whose
   * events still count, but who are no longer among the people reached). */
  for (guint i = 0; i < events->len; i += 7)
    {
      Event *ev = g_ptr_array_index (events, i);

      ev->deleted = TRUE;
      g_assert_true (lyg_vault_delete_record (vault, lyg_record_get_id (records->pdata[people->len + i]),
                                              &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < people->len; i += 11)
    {
      Person *p = g_ptr_array_index (people, i);

      p->deleted = TRUE;
      g_assert_true (lyg_vault_delete_record (vault, p->id, &error));
      g_assert_no_error (error);
    }

  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 15, G_DATE_NOVEMBER, 2025);
  lyg_stats_period_containing (LYG_STATS_QUARTER, &from, &from, &to);
  {
    g_autoptr(LygStats) stats = lyg_stats_compute (lyg_vault_get_index (vault), LYG_STATS_QUARTER,
                                                   &from, &to, &error);

    g_assert_no_error (error);
    day_string (&stats->from[1], s_prev);
    day_string (&from, s_from);
    day_string (&to, s_to);
    g_assert_cmpstr (s_prev, ==, "2025-07-01");
    g_assert_cmpstr (s_from, ==, "2025-10-01");
    g_assert_cmpstr (s_to, ==, "2026-01-01");

    expect (&e, events, s_prev, s_from, s_to);
    check_all (stats, &e);
    /* Not an empty comparison: the generator hit every breakdown. */
    g_assert_cmpuint (lyg_stats_get_figure (stats, LYG_STATS_PEOPLE_REACHED, 0), >, 20);
    g_assert_cmpuint (lyg_stats_get_figure (stats, LYG_STATS_ANONYMOUS_CONTACTS, 1), >, 20);
  }

  /* The same after a lock and an unlock, where the index is rebuilt from
   * the store on worker threads. */
  lyg_vault_lock (vault);
  g_assert_true (lyg_vault_unlock (vault, "pass", &error));
  g_assert_no_error (error);
  {
    g_autoptr(LygStats) stats = lyg_stats_compute (lyg_vault_get_index (vault), LYG_STATS_QUARTER,
                                                   &from, &to, &error);

    g_assert_no_error (error);
    check_all (stats, &e);
  }
  expected_clear (&e);

  /* A custom span of 10 days compares with the 10 days before it. */
  g_date_set_dmy (&from, 25, G_DATE_DECEMBER, 2025);
  to = from;
  g_date_add_days (&to, 10);
  {
    g_autoptr(LygStats) stats = lyg_stats_compute (lyg_vault_get_index (vault), LYG_STATS_CUSTOM,
                                                   &from, &to, &error);

    g_assert_no_error (error);
    day_string (&stats->from[1], s_prev);
    g_assert_cmpstr (s_prev, ==, "2025-12-15");
    expect (&e, events, "2025-12-15", "2025-12-25", "2026-01-04");
    check_all (stats, &e);
    expected_clear (&e);
  }

  for (guint i = 0; i < people->len; i++)
    {
      Person *p = g_ptr_array_index (people, i);
      g_free (p->id);
      g_free (p->forms);
      g_free (p);
    }
  for (guint i = 0; i < events->len; i++)
    g_free (g_ptr_array_index (events, i));
}

/* A handful of records by hand: what each boundary and figure must be. */
static void
test_boundaries (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("bounds.lygte", "pass");
  g_autoptr(LygRecord) rosa = test_person_new ("Rosa", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LygStats) stats = NULL;
  const char *days[] = { "2026-02-28T23:59:00+01:00", "2026-03-01T00:00:00+01:00",
                         "2026-03-31T23:59:00+02:00", "2026-04-01T00:00:00+02:00",
                         "2026-01-31T12:00:00+01:00" };
  LygStatsBreakdown *b;
  GDate from, to;

  lyg_record_set_string (rosa, "sex", "woman");
  lyg_record_set_string (rosa, "nationality", "ro");
  g_assert_true (lyg_vault_save_record (vault, rosa, &error));

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(LygRecord) r = lyg_record_new ("encounter");

      lyg_record_set_string (r, "when", days[i]);
      lyg_record_set_string (r, "setting", "street");
      if (i == 2)
        lyg_record_set_string (r, "person", lyg_record_get_id (rosa));
      else
        lyg_record_set_int (r, "head_count", 3);
      g_assert_true (lyg_vault_save_record (vault, r, &error));
      g_assert_no_error (error);
    }

  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 10, G_DATE_MARCH, 2026);
  lyg_stats_period_containing (LYG_STATS_MONTH, &from, &from, &to);
  stats = lyg_stats_compute (lyg_vault_get_index (vault), LYG_STATS_MONTH, &from, &to, &error);
  g_assert_no_error (error);

  /* March: the 1st and the 31st, not 1 April; February: the 28th only
   * (31 January is in neither). */
  g_assert_cmpuint (lyg_stats_get_figure (stats, LYG_STATS_ENCOUNTERS, 0), ==, 2);
  g_assert_cmpuint (lyg_stats_get_figure (stats, LYG_STATS_ENCOUNTERS, 1), ==, 1);
  g_assert_cmpuint (lyg_stats_get_figure (stats, LYG_STATS_ANONYMOUS_CONTACTS, 0), ==, 3);
  g_assert_cmpuint (lyg_stats_get_figure (stats, LYG_STATS_ANONYMOUS_CONTACTS, 1), ==, 3);
  g_assert_cmpuint (lyg_stats_get_figure (stats, LYG_STATS_PEOPLE_REACHED, 0), ==, 1);
  g_assert_cmpuint (lyg_stats_get_figure (stats, LYG_STATS_PEOPLE_REACHED, 1), ==, 0);
  b = lyg_stats_get_breakdown (stats, LYG_STATS_PEOPLE_BY_NATIONALITY);
  g_assert_cmpuint (lyg_stats_breakdown_find (b, "RO")->counts[0], ==, 1);
  b = lyg_stats_get_breakdown (stats, LYG_STATS_PEOPLE_BY_SEX);
  g_assert_cmpuint (lyg_stats_breakdown_find (b, "woman")->counts[0], ==, 1);
  b = lyg_stats_get_breakdown (stats, LYG_STATS_ENCOUNTERS_BY_SETTING);
  g_assert_cmpuint (lyg_stats_breakdown_find (b, "street")->counts[0], ==, 2);
  g_assert_cmpuint (lyg_stats_breakdown_find (b, "street")->counts[1], ==, 1);
}

static void
test_periods (void)
{
  GDate day, from, to, bf, bt;
  char a[11], b[11], c[11], d[11];

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 15, G_DATE_JANUARY, 2026);

  lyg_stats_period_containing (LYG_STATS_MONTH, &day, &from, &to);
  lyg_stats_period_before (LYG_STATS_MONTH, &from, &to, &bf, &bt);
  day_string (&from, a), day_string (&to, b), day_string (&bf, c), day_string (&bt, d);
  g_assert_cmpstr (a, ==, "2026-01-01");
  g_assert_cmpstr (b, ==, "2026-02-01");
  g_assert_cmpstr (c, ==, "2025-12-01");
  g_assert_cmpstr (d, ==, "2026-01-01");

  lyg_stats_period_containing (LYG_STATS_YEAR, &day, &from, &to);
  lyg_stats_period_step (LYG_STATS_YEAR, &from, &to, 1);
  day_string (&from, a), day_string (&to, b);
  g_assert_cmpstr (a, ==, "2027-01-01");
  g_assert_cmpstr (b, ==, "2028-01-01");

  g_date_set_dmy (&day, 31, G_DATE_DECEMBER, 2026);
  lyg_stats_period_containing (LYG_STATS_QUARTER, &day, &from, &to);
  lyg_stats_period_step (LYG_STATS_QUARTER, &from, &to, -2);
  day_string (&from, a), day_string (&to, b);
  g_assert_cmpstr (a, ==, "2026-04-01");
  g_assert_cmpstr (b, ==, "2026-07-01");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lyg/stats/periods", test_periods);
  g_test_add_func ("/lyg/stats/boundaries", test_boundaries);
  g_test_add_func ("/lyg/stats/generated", test_generated);

  return g_test_run ();
}
