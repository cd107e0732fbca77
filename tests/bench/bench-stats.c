/* bench-stats.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Measures a year of statistics over a vault of 100,000 records against a
 * plain SQLite GROUP BY over as many rows, in the same run on the same
 * machine. Prints figures; gates nothing.
 *
 *   bench-stats [N_RECORDS]     (default 100000)
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "lyg-stats.h"
#include "lyg-vault.h"

#define RUNS 7

static const char *settings[] = { "street", "brothel", "online", "massage_clinic", "workplace" };
static const char *sexes[] = { "woman", "man", "girl", "boy" };
static const char *ages[] = { "18_24", "25_34", "35_44", "15_17" };
static const char *nations[] = { "RO", "NG", "TH", "BG", "UA", "VN", "BR", "CN" };
static const char *targets[] = { "police", "identification_centre", "shelter", "legal_aid" };
static const char *outcomes[] = { "pending", "accepted", "identified", "declined" };

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *samples)
{
  qsort (samples, RUNS, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);

  return samples[RUNS / 2];
}

static void
random_day (GRand *rand,
            char  *out)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, 2026);
  g_date_add_days (&day, g_rand_int_range (rand, 0, 365));
  g_date_strftime (out, 11, "%Y-%m-%d", &day);
}

/* A fifth people, the rest encounters, screenings and referrals over 2026. */
static LygRecord *
make_record (GRand     *rand,
             guint      i,
             GPtrArray *people)
{
  LygRecord *r;
  char day[11];

  random_day (rand, day);
  if (i % 5 == 0)
    {
      r = lyg_record_new ("person");
      lyg_record_set_string (r, "alias", "someone");
      lyg_record_set_string (r, "sex", sexes[g_rand_int_range (rand, 0, 4)]);
      lyg_record_set_string (r, "age_band", ages[g_rand_int_range (rand, 0, 4)]);
      lyg_record_set_string (r, "nationality", nations[g_rand_int_range (rand, 0, 8)]);
      g_ptr_array_add (people, g_strdup (lyg_record_get_id (r)));
      return r;
    }

  if (i % 5 <= 2)
    {
      g_autofree char *when = g_strdup_printf ("%sT21:00:00+01:00", day);

      r = lyg_record_new ("encounter");
      lyg_record_set_string (r, "when", when);
      lyg_record_set_string (r, "setting", settings[g_rand_int_range (rand, 0, 5)]);
      lyg_record_set_string (r, "notes", "met near the station, gave leaflets and condoms");
      if (g_rand_boolean (rand))
        lyg_record_set_int (r, "head_count", g_rand_int_range (rand, 1, 6));
      else
        lyg_record_set_string (r, "person",
                               people->pdata[g_rand_int_range (rand, 0, people->len)]);
      return r;
    }

  r = lyg_record_new ("referral");
  lyg_record_set_string (r, "date", day);
  lyg_record_set_string (r, "target", targets[g_rand_int_range (rand, 0, 4)]);
  lyg_record_set_string (r, "outcome", outcomes[g_rand_int_range (rand, 0, 4)]);
  lyg_record_set_string (r, "person", people->pdata[g_rand_int_range (rand, 0, people->len)]);

  return r;
}

/* The peer: the same number of rows in a plain in-memory table, counted
 * by one GROUP BY per breakdown. */
static double
plain_group_by (guint  n,
                GRand *rand)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  double samples[RUNS];
  static const char *queries[] = {
    "SELECT setting, count(*) FROM rows WHERE day >= '2026-01-01' AND day < '2027-01-01' "
    "GROUP BY setting",
    "SELECT sex, count(DISTINCT person) FROM rows WHERE day >= '2026-01-01' "
    "AND day < '2027-01-01' GROUP BY sex",
    "SELECT nationality, count(DISTINCT person) FROM rows WHERE day >= '2026-01-01' "
    "AND day < '2027-01-01' GROUP BY nationality",
  };

  sqlite3_open (":memory:", &db);
  sqlite3_exec (db, "CREATE TABLE rows (day TEXT, person INTEGER, setting TEXT, sex TEXT,"
                "                   nationality TEXT)", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO rows VALUES (?1, ?2, ?3, ?4, ?5)", -1, &stmt, NULL);
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      char day[11];

      random_day (rand, day);
      sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, g_rand_int_range (rand, 0, n / 5));
      sqlite3_bind_text (stmt, 3, settings[g_rand_int_range (rand, 0, 5)], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, sexes[g_rand_int_range (rand, 0, 4)], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, nations[g_rand_int_range (rand, 0, 8)], -1, SQLITE_STATIC);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_finalize (stmt);

  for (guint run = 0; run < RUNS; run++)
    {
      double t0 = now_s ();

      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            ;
          sqlite3_finalize (stmt);
        }
      samples[run] = now_s () - t0;
    }
  sqlite3_close (db);

  return median (samples);
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  g_autofree char *dir = g_dir_make_tmp ("bench-stats-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.lygte", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  LygKdfParams params = lyg_kdf_params_minimum ();
  double samples[RUNS], t_stats, t_peer, t0;
  guint encounters = 0;
  GDate from, to;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (records, make_record (rand, i, people));

  vault = lyg_vault_create (path, "bench", &params, &error);
  if (vault == NULL || !lyg_vault_save_records (vault, records, &error))
    g_error ("%s", error->message);
  lyg_vault_wait_indexed (vault);
  g_clear_pointer (&records, g_ptr_array_unref);

  /* Statistics are computed after an unlock, from the index it builds. */
  lyg_vault_lock (vault);
  t0 = now_s ();
  if (!lyg_vault_unlock (vault, "bench", &error))
    g_error ("%s", error->message);
  printf ("unlock (decrypt + index %u records): %.0f ms\n",
          lyg_index_count (lyg_vault_get_index (vault), NULL), (now_s () - t0) * 1e3);

  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, 2026);
  lyg_stats_period_containing (LYG_STATS_YEAR, &from, &from, &to);
  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(LygStats) stats = NULL;

      t0 = now_s ();
      stats = lyg_stats_compute (lyg_vault_get_index (vault), LYG_STATS_YEAR, &from, &to, &error);
      samples[run] = now_s () - t0;
      if (stats == NULL)
        g_error ("%s", error->message);
      encounters = lyg_stats_get_figure (stats, LYG_STATS_ENCOUNTERS, LYG_STATS_CURRENT);
    }
  t_stats = median (samples);
  t_peer = plain_group_by (n, rand);

  printf ("year of statistics (%u encounters, every breakdown, both periods): "
          "median %.1f ms of %d runs\n", encounters, t_stats * 1e3, RUNS);
  printf ("peer: plain SQLite GROUP BY x3 over %u rows: median %.1f ms\n", n, t_peer * 1e3);
  printf ("ratio: %.2f (target: statistics under 500 ms)\n", t_stats / t_peer);

  lyg_vault_lock (vault);
  g_clear_object (&vault);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
  }

  return 0;
}
