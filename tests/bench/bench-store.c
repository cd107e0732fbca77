/* bench-store.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Measures the encrypted store against plain SQLite rows holding the same
 * JSON, in the same run on the same machine. Prints figures; gates nothing.
 *
 *   bench-store [N_RECORDS]     (default 100000)
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lyg-vault.h"

static const char *words[] = {
  "met", "near", "the", "station", "she", "says", "works", "long", "hours", "in", "a",
  "cleaning", "company", "owes", "money", "to", "man", "who", "arranged", "travel",
  "passport", "kept", "by", "employer", "lives", "with", "six", "others", "flat", "afraid",
  "police", "wants", "information", "about", "health", "care", "interpreter", "romanian",
  "bulgarian", "thai", "english", "late", "evening", "outreach", "team", "gave", "leaflet",
  "condoms", "follow", "up", "next", "week", "phone", "number", "changed", "often",
};
static const char *aliases[] = {
  "Rosa", "Maria", "Ana", "Elena", "Ioana", "Mihaela", "Lina", "Dao", "Ngozi", "Joy",
  "Olena", "Iryna", "Mai", "Linh", "Kasia", "Eszter", "Lucia", "Carmen", "Nadia", "Vera",
};
static const char *areas[] = {
  "Vesterbro", "Nørrebro", "Istedgade", "Aarhus C", "Odense", "Aalborg", "Esbjerg", "Kolding",
};

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

#define VOCABULARY 4000

static char *vocabulary[VOCABULARY];

/* Notes read like field notes: a few hundred common words and a long tail.
 * The first words of a Zipf-ranked vocabulary are the real ones above; the
 * tail is made-up words of 4–9 letters. */
static void
make_vocabulary (GRand *rand)
{
  for (guint i = 0; i < VOCABULARY; i++)
    {
      if (i < G_N_ELEMENTS (words))
        vocabulary[i] = g_strdup (words[i]);
      else
        {
          guint len = g_rand_int_range (rand, 4, 10);
          char *w = g_malloc (len + 1);

          for (guint j = 0; j < len; j++)
            w[j] = 'a' + g_rand_int_range (rand, 0, 26);
          w[len] = '\0';
          vocabulary[i] = w;
        }
    }
}

static guint
zipf_rank (GRand *rand)
{
  /* Inverse-CDF approximation of Zipf with s = 1 over VOCABULARY ranks. */
  double u = g_rand_double (rand);

  return MIN (VOCABULARY - 1, (guint) (exp (u * log (VOCABULARY + 1.0)) - 1.0));
}

static char *
random_text (GRand *rand,
             guint  n_words)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, vocabulary[zipf_rank (rand)]);
    }

  return g_string_free (s, FALSE);
}

/* About 1 KB of JSON once sealed: a person or an encounter with notes. */
static LygRecord *
make_record (GRand *rand,
             guint  i)
{
  LygRecord *record;
  g_autofree char *notes = random_text (rand, 80);

  if (i % 2 == 0)
    {
      g_autofree char *alias = g_strdup_printf ("%s %u",
                                                aliases[g_rand_int_range (rand, 0, 20)], i);
      const char *langs[] = { "ro", "en", NULL };

      record = lyg_record_new ("person");
      lyg_record_set_string (record, "alias", alias);
      lyg_record_set_string (record, "sex", "woman");
      lyg_record_set_string (record, "age_band", "25_34");
      lyg_record_set_string (record, "nationality", "RO");
      lyg_record_set_strv (record, "languages", langs);
      lyg_record_set_string (record, "consent_storage", "given");
      lyg_record_set_string (record, "notes", notes);
    }
  else
    {
      const char *services[] = { "information", "condoms", "health", NULL };

      record = lyg_record_new ("encounter");
      lyg_record_set_string (record, "when", "2026-11-20T22:15:00+01:00");
      lyg_record_set_string (record, "setting", "street");
      lyg_record_set_string (record, "mode", "outreach_visit");
      lyg_record_set_string (record, "area", areas[g_rand_int_range (rand, 0, 8)]);
      lyg_record_set_int (record, "head_count", g_rand_int_range (rand, 1, 6));
      lyg_record_set_strv (record, "services", services);
      lyg_record_set_string (record, "notes", notes);
    }

  return record;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *samples,
            double  p)
{
  g_array_sort (samples, compare_doubles);

  return g_array_index (samples, double, MIN (samples->len - 1, (guint) (p * samples->len)));
}

/* VmHWM, not getrusage(): Linux carries ru_maxrss over fork and exec, so a
 * child would report its parent's peak. */
static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, "VmHWM:")))
    return -1;

  return strtol (line + 6, NULL, 10);
}

static double
plain_sqlite_import (const char *path,
                     GPtrArray  *payloads)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  double t0;

  sqlite3_open (path, &db);
  sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                "CREATE TABLE rows (id TEXT PRIMARY KEY, hlc TEXT, device TEXT, key_id TEXT,"
                "                   blob BLOB)", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO rows VALUES (?1, ?2, ?3, ?4, ?5)", -1, &stmt, NULL);

  t0 = now_s ();
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  for (guint i = 0; i < payloads->len; i++)
    {
      GBytes *payload = payloads->pdata[i];
      g_autofree char *id = g_uuid_string_random ();

      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, "0000018bcfe56800000-0123456789abcdef", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, "0123456789abcdef", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, "0123456789abcdef", -1, SQLITE_STATIC);
      sqlite3_bind_blob (stmt, 5, g_bytes_get_data (payload, NULL), g_bytes_get_size (payload),
                         SQLITE_STATIC);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  t0 = now_s () - t0;

  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return t0;
}

/* Runs in a fresh child so that its peak RSS is that of a device that
 * opens the vault, not of the process that generated 100,000 records. */
static void
unlock_and_search (const char *path)
{
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  const char *queries[] = { "rosa", "ma", "station passport", "vesterbro", "interpreter thai",
                            "nørrebro", "joy 4", "owes money", "zzz" };
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  double t0, t_unlock;

  vault = lyg_vault_open (path, &error);
  g_assert_no_error (error);

  t0 = now_s ();
  lyg_vault_unlock (vault, "bench", &error);
  t_unlock = now_s () - t0;
  g_assert_no_error (error);

  printf ("unlock-to-indexed:   %.2f s for %u records (minimum KDF cost, so this is "
          "decrypt + parse + index)\n", t_unlock, lyg_index_count (lyg_vault_get_index (vault),
                                                                 NULL));

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GArray) mine = g_array_new (FALSE, FALSE, sizeof (double));
      guint hits = 0;

      for (guint rep = 0; rep < 40; rep++)
        {
          g_autoptr(GPtrArray) results = NULL;
          double t;

          t0 = now_s ();
          results = lyg_index_search (lyg_vault_get_index (vault), queries[q], NULL, 200, &error);
          t = (now_s () - t0) * 1000.0;
          g_array_append_val (mine, t);
          g_array_append_val (samples, t);
          hits = results->len;
        }
      printf ("search %-18s p50 %6.2f ms  p95 %6.2f ms  (%u hits, limit 200)\n",
              queries[q], percentile (mine, 0.5), percentile (mine, 0.95), hits);
    }
  printf ("search all queries:  p50 %.2f ms  p95 %.2f ms\n",
          percentile (samples, 0.5), percentile (samples, 0.95));
  printf ("peak RSS (unlocked device): %.1f MB\n", peak_rss_kb () / 1024.0);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("lygte-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.lygte", NULL);
  g_autofree char *plain_path = g_build_filename (dir, "plain.sqlite", NULL);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) payloads = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  LygKdfParams params = lyg_kdf_params_minimum ();
  guint n;
  gsize total_json = 0;
  double t_ours, t_plain, t_indexed, t0;
  int status = 0;

  if (argc == 3 && g_str_equal (argv[1], "--unlock"))
    {
      unlock_and_search (argv[2]);
      return 0;
    }

  n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  make_vocabulary (rand);

  printf ("# bench-store: %u records\n", n);

  for (guint i = 0; i < n; i++)
    {
      LygRecord *record = make_record (rand, i);
      gsize len = 0;
      char *json;

      g_ptr_array_add (records, record);
      /* The peer stores the same JSON the vault seals, stamps included. */
      {
        g_autoptr(LygRecord) copy = lyg_record_copy (record);
        g_autofree char *stamp = lyg_stamp_format (1700000000000 + i, 0, "0123456789abcdef");

        lyg_record_stamp_pending (copy, stamp);
        json = lyg_record_serialize (copy, &len);
      }
      total_json += len;
      g_ptr_array_add (payloads, g_bytes_new_take (json, len));
    }
  printf ("average record JSON: %.0f bytes\n", (double) total_json / n);

  t_plain = plain_sqlite_import (plain_path, payloads);

  vault = lyg_vault_create (path, "bench", &params, &error);
  g_assert_no_error (error);
  t0 = now_s ();
  lyg_vault_save_records (vault, records, &error);
  t_ours = now_s () - t0;
  g_assert_no_error (error);
  lyg_vault_wait_indexed (vault);
  t_indexed = now_s () - t0;

  printf ("bulk import:         %.2f s (%.0f records/s) sealed and committed\n",
          t_ours, n / t_ours);
  printf ("  search index caught up after %.2f s (it fills in the background)\n", t_indexed);
  printf ("plain SQLite peer:   %.2f s (%.0f records/s)\n", t_plain, n / t_plain);
  printf ("import throughput ratio (ours / plain): %.2f  (target >= 0.50)\n", t_plain / t_ours);

  for (guint i = 0; i < 300; i++)
    {
      LygRecord *record = records->pdata[g_rand_int_range (rand, 0, n)];
      double t;

      lyg_record_set_string (record, "notes", "edited in the field");
      t0 = now_s ();
      lyg_vault_save_record (vault, record, &error);
      t = (now_s () - t0) * 1000.0;
      g_assert_no_error (error);
      g_array_append_val (latencies, t);
    }
  printf ("single save:         p50 %.2f ms  p99 %.2f ms  (one transaction each, "
          "synchronous=FULL)\n", percentile (latencies, 0.5), percentile (latencies, 0.99));

  lyg_store_checkpoint (lyg_vault_get_store (vault), NULL);
  lyg_vault_lock (vault);
  g_clear_object (&vault);
  g_ptr_array_set_size (records, 0);
  g_ptr_array_set_size (payloads, 0);
  printf ("peak RSS (import process): %.1f MB\n", peak_rss_kb () / 1024.0);
  fflush (stdout);

  /* A fresh process, so its peak RSS is that of a device opening the
   * vault, not of the one that generated the records. */
  {
    const char *child_argv[] = { argv[0], "--unlock", path, NULL };
    g_autoptr(GError) spawn_error = NULL;

    fflush (stdout);
    if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                       NULL, NULL, NULL, NULL, &status, &spawn_error))
      g_error ("%s", spawn_error->message);
  }

  {
    GStatBuf st;
    if (g_stat (path, &st) == 0)
      printf ("vault file: %.1f MB\n", st.st_size / 1e6);
  }

  if (g_getenv ("BENCH_KEEP") != NULL)
    {
      printf ("kept %s\n", path);
      return 0;
    }
  g_unlink (path);
  g_unlink (plain_path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_autofree char *pwal = g_strconcat (plain_path, "-wal", NULL);
    g_autofree char *pshm = g_strconcat (plain_path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
    g_unlink (pwal);
    g_unlink (pshm);
  }
  g_rmdir (dir);

  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}
