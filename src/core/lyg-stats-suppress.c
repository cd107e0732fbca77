/* lyg-stats-suppress.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-stats"

#include "config.h"

#include "lyg-stats-suppress.h"

#define SMALL_MAX 4
#define SECONDARY_MIN (SMALL_MAX + 1)

static gboolean
is_small (guint value)
{
  return value >= 1 && value <= SMALL_MAX;
}

/**
 * lyg_stats_suppress_column_safe:
 * @values: the true counts
 * @total: their sum
 * @marks: how each count would be shown
 *
 * Whether a reader who knows the rule (lyg-stats-suppress.h) could work
 * out a count from 1 to 4 — one "<5" cell or several together — from the
 * shown cells and the total. Hidden cells are symmetric, so it is enough
 * to bound the sum of any a of the k "<5" cells given the rest.
 */
gboolean
lyg_stats_suppress_column_safe (guint               n_cells,
                                const guint        *values,
                                guint               total,
                                const LygStatsMark *marks)
{
  gint64 hidden = total;
  guint64 smallest_shown = G_MAXUINT64;
  guint k = 0, m = 0;

  g_return_val_if_fail (n_cells == 0 || (values != NULL && marks != NULL), FALSE);

  for (guint i = 0; i < n_cells; i++)
    {
      switch (marks[i])
        {
        case LYG_STATS_SHOWN:
          if (is_small (values[i]))
            return FALSE;
          hidden -= values[i];
          if (values[i] > 0)
            smallest_shown = MIN (smallest_shown, values[i]);
          break;
        case LYG_STATS_SMALL:
          k++;
          break;
        case LYG_STATS_WITHHELD:
        default:
          m++;
          break;
        }
    }

  if (k == 0)
    return TRUE;

  for (guint a = 1; a <= k; a++)
    {
      gint64 rest_lo = (gint64) (k - a) + (gint64) m * SECONDARY_MIN;
      gint64 lo = a, hi = (gint64) a * SMALL_MAX;

      /* With an "x" and nothing shown above it, the rest has no upper
       * bound and only the lower end can close the range. */
      if (m == 0 || smallest_shown != G_MAXUINT64)
        {
          gint64 rest_hi = (gint64) (k - a) * SMALL_MAX + (gint64) m *
                           (m > 0 ? (gint64) smallest_shown : 0);
          lo = MAX (lo, hidden - rest_hi);
        }
      hi = MIN (hi, hidden - rest_lo);

      if (lo == hi && lo >= 1 && lo <= SMALL_MAX)
        return FALSE;
    }

  return TRUE;
}

/**
 * lyg_stats_suppress_column:
 * @values: (array length=n_cells): the counts of one breakdown in one period
 * @total: their sum
 * @marks: (out) (array length=n_cells): how each is shown
 * @total_mark: (out): how the total is shown
 *
 * Applies the rule in lyg-stats-suppress.h.
 */
void
lyg_stats_suppress_column (guint         n_cells,
                           const guint  *values,
                           guint         total,
                           LygStatsMark *marks,
                           LygStatsMark *total_mark)
{
  g_return_if_fail (n_cells == 0 || (values != NULL && marks != NULL));
  g_return_if_fail (total_mark != NULL);

  *total_mark = is_small (total) ? LYG_STATS_SMALL : LYG_STATS_SHOWN;
  for (guint i = 0; i < n_cells; i++)
    marks[i] = *total_mark == LYG_STATS_SMALL ? LYG_STATS_WITHHELD
             : is_small (values[i]) ? LYG_STATS_SMALL : LYG_STATS_SHOWN;
  if (*total_mark == LYG_STATS_SMALL)
    return;

  while (!lyg_stats_suppress_column_safe (n_cells, values, total, marks))
    {
      int next = -1;

      for (guint i = 0; i < n_cells; i++)
        if (marks[i] == LYG_STATS_SHOWN && values[i] > 0 &&
            (next < 0 || values[i] < values[next]))
          next = i;

      if (next < 0)
        {
          for (guint i = 0; i < n_cells; i++)
            marks[i] = LYG_STATS_WITHHELD;
          return;
        }
      marks[next] = LYG_STATS_WITHHELD;
    }
}

static void
suppress_breakdown (LygStatsBreakdown *b)
{
  g_autofree guint *values = g_new0 (guint, MAX (b->cells->len, 1));
  g_autofree LygStatsMark *marks = g_new0 (LygStatsMark, MAX (b->cells->len, 1));

  for (guint p = 0; p < LYG_STATS_N_PERIODS; p++)
    {
      for (guint i = 0; i < b->cells->len; i++)
        values[i] = ((LygStatsCell *) g_ptr_array_index (b->cells, i))->counts[p];

      if (b->additive)
        lyg_stats_suppress_column (b->cells->len, values, b->totals[p], marks,
                                   &b->total_marks[p]);
      else
        {
          /* The summary: each figure stands alone or is the total of a
           * breakdown, where it is shown the same way (totals are only
           * ever hidden when they are small themselves). */
          for (guint i = 0; i < b->cells->len; i++)
            marks[i] = is_small (values[i]) ? LYG_STATS_SMALL : LYG_STATS_SHOWN;
          b->total_marks[p] = LYG_STATS_SHOWN;
        }

      for (guint i = 0; i < b->cells->len; i++)
        ((LygStatsCell *) g_ptr_array_index (b->cells, i))->marks[p] = marks[i];
    }
}

/**
 * lyg_stats_suppress:
 *
 * Sets the marks of every cell and total of @stats for an export.
 */
void
lyg_stats_suppress (LygStats *stats)
{
  g_return_if_fail (stats != NULL);

  for (guint k = 0; k < LYG_STATS_N_BREAKDOWNS; k++)
    suppress_breakdown (stats->breakdowns[k]);
  stats->suppressed = TRUE;
}

/**
 * lyg_stats_format_count:
 *
 * Returns: "12", "<5" or "x"
 */
char *
lyg_stats_format_count (LygStatsMark mark,
                        guint        count)
{
  switch (mark)
    {
    case LYG_STATS_SMALL:
      return g_strdup ("<5");
    case LYG_STATS_WITHHELD:
      return g_strdup ("x");
    case LYG_STATS_SHOWN:
    default:
      return g_strdup_printf ("%u", count);
    }
}

/**
 * lyg_stats_change_shown:
 * @marks: (array fixed-size=2): marks of the current and previous count
 *
 * A change is shown only between two shown counts: with one of them
 * hidden it would give the hidden one away.
 */
gboolean
lyg_stats_change_shown (const LygStatsMark *marks)
{
  g_return_val_if_fail (marks != NULL, FALSE);

  return marks[LYG_STATS_CURRENT] == LYG_STATS_SHOWN &&
         marks[LYG_STATS_PREVIOUS] == LYG_STATS_SHOWN;
}
