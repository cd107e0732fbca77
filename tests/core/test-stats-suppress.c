/* test-stats-suppress.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lyg-stats-csv.h"
#include "lyg-stats-suppress.h"

/* The checker reads the exported CSV as a reader would, knowing the rule,
 * and tries every way the hidden cells could be filled in: no count from
 * 1 to 4 — one cell or several together — may come out the same in all of
 * them. It does not share code with lyg-stats-suppress.c. */

#define HIDDEN_SMALL  (-1)   /* "<5" */
#define HIDDEN_X      (-2)   /* "x" */
#define MAX_BRUTE     8

static guint n_checked_columns;
static guint n_skipped_columns;

typedef struct
{
  char  *table;
  char  *category;
  gint64 value[2];      /* count, HIDDEN_SMALL or HIDDEN_X */
  char  *change;
} CsvRow;

static void
csv_row_free (CsvRow *row)
{
  g_free (row->table);
  g_free (row->category);
  g_free (row->change);
  g_free (row);
}

static GPtrArray *
split_csv_line (const char **p)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (; **p; (*p)++)
    {
      char c = **p;

      if (quoted)
        {
          if (c == '"' && (*p)[1] == '"')
            g_string_append_c (field, '"'), (*p)++;
          else if (c == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, c);
        }
      else if (c == '"')
        quoted = TRUE;
      else if (c == ',')
        {
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          field = g_string_new (NULL);
        }
      else if (c == '\r' && (*p)[1] == '\n')
        {
          *p += 2;
          break;
        }
      else
        {
          g_assert_cmpint (c, !=, '\n');   /* lines end in CRLF */
          g_string_append_c (field, c);
        }
    }
  g_ptr_array_add (fields, g_string_free (field, FALSE));

  return fields;
}

static gint64
parse_count (const char *s)
{
  char *end = NULL;
  gint64 v;

  if (g_str_equal (s, "<5"))
    return HIDDEN_SMALL;
  if (g_str_equal (s, "x"))
    return HIDDEN_X;
  v = g_ascii_strtoll (s, &end, 10);
  g_assert_true (end != s && *end == '\0');
  g_assert_cmpint (v, >=, 0);

  return v;
}

static GPtrArray *
parse_csv (const char *csv)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) csv_row_free);
  const char *p = csv;
  g_autoptr(GPtrArray) header = split_csv_line (&p);

  g_assert_cmpuint (header->len, ==, 6);
  g_assert_cmpstr (header->pdata[0], ==, "table");
  while (*p)
    {
      g_autoptr(GPtrArray) f = split_csv_line (&p);
      CsvRow *row;

      g_assert_cmpuint (f->len, ==, 6);
      if (g_str_equal (f->pdata[0], "period"))
        continue;
      row = g_new0 (CsvRow, 1);
      row->table = g_strdup (f->pdata[0]);
      /* A leading quote mark keeps a spreadsheet from running "=cmd". */
      row->category = g_strdup (f->pdata[1]);
      if (row->category[0] == '\'')
        {
          g_assert_true (strchr ("=+-@", row->category[1]) != NULL);
          memmove (row->category, row->category + 1, strlen (row->category));
        }
      row->value[0] = parse_count (f->pdata[3]);
      row->value[1] = parse_count (f->pdata[4]);
      row->change = g_strdup (f->pdata[5]);
      g_ptr_array_add (rows, row);
    }

  return rows;
}

/* Every filling of the k "<5" cells with 1–4 and of the m "x" cells with
 * something from 5 to the smallest shown non-zero cell that adds up to the
 * hidden sum; then for every set of "<5" cells whether its sum is fixed. */
static void
check_column (const char *what,
              gint64     *values,
              guint       n,
              gint64      total)
{
  gint64 shown = 0, smallest = G_MAXINT64;
  guint k = 0, m = 0, combos = 1;
  gint64 lo[1u << MAX_BRUTE], hi[1u << MAX_BRUTE];
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (values[i] >= 0)
        {
          if (values[i] >= 1 && values[i] <= 4)
            g_error ("%s: %" G_GINT64_FORMAT " shown", what, values[i]);
          shown += values[i];
          if (values[i] > 0)
            smallest = MIN (smallest, values[i]);
        }
      else if (values[i] == HIDDEN_SMALL)
        k++;
      else
        m++;
    }

  if (k == 0)
    {
      /* Only "x": nothing small to find. */
      if (m == 0)
        g_assert_cmpint (shown, ==, total);
      return;
    }
  /* Trying every filling of more than MAX_BRUTE cells takes too long;
   * the random tables rarely have that many (counted below). */
  if (k > MAX_BRUTE)
    {
      n_skipped_columns++;
      return;
    }

  for (guint i = 0; i < k; i++)
    combos *= 4;
  for (guint mask = 1; mask < (1u << k); mask++)
    lo[mask] = G_MAXINT64, hi[mask] = G_MININT64;

  for (guint c = 0; c < combos; c++)
    {
      gint64 cell[MAX_BRUTE], small = 0, rest;
      guint code = c;

      for (guint i = 0; i < k; i++, code /= 4)
        small += cell[i] = 1 + code % 4;
      rest = total - shown - small;
      if (m == 0 ? rest != 0
                 : rest < 5 * (gint64) m || (smallest != G_MAXINT64 && rest > m * smallest))
        continue;

      any = TRUE;
      for (guint mask = 1; mask < (1u << k); mask++)
        {
          gint64 sum = 0;

          for (guint i = 0; i < k; i++)
            if (mask & (1u << i))
              sum += cell[i];
          lo[mask] = MIN (lo[mask], sum);
          hi[mask] = MAX (hi[mask], sum);
        }
    }

  if (!any)
    {
      for (guint i = 0; i < n; i++)
        g_printerr ("%" G_GINT64_FORMAT " ", values[i]);
      g_printerr ("| %" G_GINT64_FORMAT "\n", total);
    }
  g_assert_true (any);   /* the truth is one of the fillings */
  for (guint mask = 1; mask < (1u << k); mask++)
    if (lo[mask] == hi[mask] && lo[mask] >= 1 && lo[mask] <= 4)
      g_error ("%s: cells %#x of the hidden ones add up to %" G_GINT64_FORMAT
               " in every filling", what, mask, lo[mask]);
}

static void
check_csv (LygStats   *stats,
           const char *csv)
{
  g_autoptr(GPtrArray) rows = parse_csv (csv);
  g_autoptr(GHashTable) totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint start = 0;

  for (guint r = 0; r < rows->len; r++)
    {
      CsvRow *row = rows->pdata[r];
      LygStatsBreakdown *b = NULL;
      LygStatsCell *cell;

      if (r == 0 || !g_str_equal (((CsvRow *) rows->pdata[r - 1])->table, row->table))
        start = r;
      for (guint k = 0; k < LYG_STATS_N_BREAKDOWNS; k++)
        if (g_str_equal (stats->breakdowns[k]->id, row->table))
          b = stats->breakdowns[k];
      g_assert_nonnull (b);

      /* What is shown is true. */
      cell = lyg_stats_breakdown_find (b, row->category);
      for (int p = 0; p < 2; p++)
        {
          guint truth = cell ? cell->counts[p] : b->totals[p];

          g_assert_true (cell != NULL || g_str_equal (row->category, "total"));
          if (row->value[p] >= 0)
            g_assert_cmpint (row->value[p], ==, truth);
          else if (row->value[p] == HIDDEN_SMALL)
            g_assert_true (truth >= 1 && truth <= 4);
          if (row->value[p] >= 1 && row->value[p] <= 4)
            g_error ("%s/%s: %" G_GINT64_FORMAT " shown", row->table, row->category,
                     row->value[p]);
        }

      /* A change only between two shown counts, and right. */
      if (*row->change != '\0')
        {
          g_assert_cmpint (row->value[0], >=, 0);
          g_assert_cmpint (row->value[1], >=, 0);
          g_assert_cmpint (g_ascii_strtoll (row->change, NULL, 10), ==,
                           row->value[0] - row->value[1]);
        }
      else
        g_assert_true (row->value[0] < 0 || row->value[1] < 0);

      if (g_str_equal (row->table, "summary") || !g_str_equal (row->category, "total"))
        continue;

      /* Every breakdown with its total: each period on its own. */
      for (int p = 0; p < 2; p++)
        {
          g_autofree char *what = g_strdup_printf ("%s period %d", row->table, p);
          g_autofree gint64 *values = g_new (gint64, r - start);
          g_autofree char *key = g_strdup_printf ("%u/%d", b->total_figure, p);
          gint64 *seen;

          for (guint i = start; i < r; i++)
            values[i - start] = ((CsvRow *) rows->pdata[i])->value[p];

          if (row->value[p] == HIDDEN_SMALL)
            for (guint i = 0; i < r - start; i++)
              g_assert_cmpint (values[i], ==, HIDDEN_X);
          else
            {
              g_assert_cmpint (row->value[p], >=, 0);
              check_column (what, values, r - start, row->value[p]);
              n_checked_columns++;
            }

          /* A total shared by breakdowns is shown alike everywhere. */
          seen = g_hash_table_lookup (totals, key);
          if (seen != NULL)
            g_assert_cmpint (*seen, ==, row->value[p]);
          else
            g_hash_table_insert (totals, g_steal_pointer (&key), g_memdup2 (&row->value[p],
                                                                            sizeof (gint64)));
        }
    }

  /* The summary shows the same totals. */
  for (guint r = 0; r < rows->len; r++)
    {
      CsvRow *row = rows->pdata[r];

      if (!g_str_equal (row->table, "summary"))
        continue;
      for (guint f = 0; f < LYG_STATS_N_FIGURES; f++)
        {
          LygStatsCell *cell = g_ptr_array_index (stats->breakdowns[0]->cells, f);

          if (!g_str_equal (cell->id, row->category))
            continue;
          for (int p = 0; p < 2; p++)
            {
              g_autofree char *key = g_strdup_printf ("%u/%d", f, p);
              gint64 *seen = g_hash_table_lookup (totals, key);

              if (seen != NULL)
                g_assert_cmpint (*seen, ==, row->value[p]);
            }
        }
    }
}

/* Counts that often fall from 1 to 4: most categories small, a few large. */
static guint
random_count (GRand *rand)
{
  switch (g_rand_int_range (rand, 0, 8))
    {
    case 0:
    case 1:
    case 2:
      return 0;
    case 3:
    case 4:
      return g_rand_int_range (rand, 1, 5);
    case 5:
      return g_rand_int_range (rand, 5, 9);
    default:
      return g_rand_int_range (rand, 0, 60);
    }
}

static void
fill_random (LygStats *stats,
             GRand    *rand)
{
  static const char *codes[] = { "RO", "NG", "TH", "BG", "UA", "VN", "=cmd", "BR" };
  LygStatsBreakdown *nat = stats->breakdowns[LYG_STATS_PEOPLE_BY_NATIONALITY];

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (g_rand_boolean (rand))
      lyg_stats_breakdown_add (nat, codes[i], codes[i]);
  lyg_stats_breakdown_add (nat, "unknown", "Unknown");

  for (int p = 0; p < 2; p++)
    {
      guint people = 0;

      /* People: the sex breakdown sets how many there are; the others
       * spread the same people over their own categories. */
      for (guint k = LYG_STATS_ENCOUNTERS_BY_SETTING; k < LYG_STATS_N_BREAKDOWNS; k++)
        {
          LygStatsBreakdown *b = stats->breakdowns[k];
          gboolean spread = k == LYG_STATS_PEOPLE_BY_AGE_BAND ||
                            k == LYG_STATS_PEOPLE_BY_NATIONALITY ||
                            k == LYG_STATS_PEOPLE_BY_EXPLOITATION;
          gboolean second_referral = k == LYG_STATS_REFERRALS_BY_OUTCOME;

          if (spread || second_referral)
            {
              guint n = spread ? people
                      : stats->breakdowns[LYG_STATS_REFERRALS_BY_TARGET]->totals[p];
              guint few = g_rand_int_range (rand, 1, 5);

              few = MIN (few, b->cells->len);

              for (guint i = 0; i < b->cells->len; i++)
                ((LygStatsCell *) b->cells->pdata[i])->counts[p] = 0;
              /* Mostly into a few categories, a handful anywhere. */
              for (guint j = 0; j < n; j++)
                {
                  guint i = g_rand_int_range (rand, 0, 6) == 0
                          ? (guint) g_rand_int_range (rand, 0, b->cells->len)
                          : (guint) g_rand_int_range (rand, 0, few);
                  ((LygStatsCell *) b->cells->pdata[i])->counts[p]++;
                }
            }
          else
            for (guint i = 0; i < b->cells->len; i++)
              ((LygStatsCell *) b->cells->pdata[i])->counts[p] =
                i < 9 ? random_count (rand) : (g_rand_int_range (rand, 0, 8) ? 0 : 2);

          b->totals[p] = 0;
          for (guint i = 0; i < b->cells->len; i++)
            b->totals[p] += ((LygStatsCell *) b->cells->pdata[i])->counts[p];
          if (k == LYG_STATS_PEOPLE_BY_SEX)
            people = b->totals[p];
        }

      for (guint f = 0; f < LYG_STATS_N_FIGURES; f++)
        {
          LygStatsCell *cell = stats->breakdowns[LYG_STATS_SUMMARY]->cells->pdata[f];

          cell->counts[p] = random_count (rand);
          for (guint k = 1; k < LYG_STATS_N_BREAKDOWNS; k++)
            if (stats->breakdowns[k]->total_figure == f && f != LYG_STATS_ANONYMOUS_CONTACTS)
              cell->counts[p] = stats->breakdowns[k]->totals[p];
        }
    }
}

static void
test_random_tables (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261205);
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, 2026);
  to = from;
  g_date_add_months (&to, 3);

  n_checked_columns = 0;
  for (guint round = 0; round < 400; round++)
    {
      g_autoptr(LygStats) stats = lyg_stats_new (LYG_STATS_QUARTER, &from, &to);
      g_autofree char *csv = NULL;

      fill_random (stats, rand);
      lyg_stats_update_totals (stats);
      csv = lyg_stats_to_csv (stats);
      check_csv (stats, csv);
    }
  g_assert_cmpuint (n_checked_columns, >, 2000);
  g_assert_cmpuint (n_skipped_columns * 20, <, n_checked_columns);
  g_test_message ("%u columns checked, %u with too many small cells skipped",
                  n_checked_columns, n_skipped_columns);
}

static void
check_marks (const guint        *values,
             guint               n,
             const char * const  expected)
{
  g_autofree LygStatsMark *marks = g_new (LygStatsMark, n);
  g_autoptr(GString) got = g_string_new (NULL);
  LygStatsMark total_mark;
  guint total = 0;

  for (guint i = 0; i < n; i++)
    total += values[i];
  lyg_stats_suppress_column (n, values, total, marks, &total_mark);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *s = lyg_stats_format_count (marks[i], values[i]);
      g_string_append_printf (got, "%s%s", i ? " " : "", s);
    }
  if (total_mark != LYG_STATS_SHOWN)
    g_string_append (got, " | <5");
  g_assert_cmpstr (got->str, ==, expected);
}

/* The rule on tables small enough to read. */
static void
test_rule (void)
{
  /* One small cell: the next-smallest goes too. */
  check_marks ((guint[]) { 3, 12, 10, 0 }, 4, "<5 12 x 0");
  /* Two small cells adding up to 4: still the next-smallest. */
  check_marks ((guint[]) { 1, 3, 40, 9 }, 4, "<5 <5 40 x");
  /* Two small ones adding up to 8 are both 4: one more. */
  check_marks ((guint[]) { 4, 4, 30, 20 }, 4, "<5 <5 30 x");
  /* Two small ones adding up to 5 give nothing away. */
  check_marks ((guint[]) { 2, 3, 30, 20 }, 4, "<5 <5 30 20");
  /* Nothing small: nothing hidden. */
  check_marks ((guint[]) { 0, 5, 30 }, 3, "0 5 30");
  /* A small total hides every cell. */
  check_marks ((guint[]) { 0, 3, 0 }, 3, "x x x | <5");
  /* A small cell and one other: both. */
  check_marks ((guint[]) { 2, 9 }, 2, "<5 x");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lyg/stats/suppress/rule", test_rule);
  g_test_add_func ("/lyg/stats/suppress/random-tables", test_random_tables);

  return g_test_run ();
}
