/* lyg-stats-csv.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-stats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lyg-stats-csv.h"
#include "lyg-stats-suppress.h"

/* RFC 4180 quoting, and a leading quote mark on text a spreadsheet would
 * run as a formula (a nationality is typed by hand). */
static void
append_field (GString    *csv,
              const char *text)
{
  gboolean formula = text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@';

  if (!formula && strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (csv, text);
      return;
    }

  g_string_append_c (csv, '"');
  if (formula)
    g_string_append_c (csv, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static void
append_row (GString      *csv,
            const char   *table,
            const char   *category,
            const char   *label,
            const guint  *counts,
            LygStatsMark *marks)
{
  g_autofree char *current = lyg_stats_format_count (marks[0], counts[0]);
  g_autofree char *previous = lyg_stats_format_count (marks[1], counts[1]);

  append_field (csv, table);
  g_string_append_c (csv, ',');
  append_field (csv, category);
  g_string_append_c (csv, ',');
  append_field (csv, label);
  g_string_append_printf (csv, ",%s,%s,", current, previous);
  if (lyg_stats_change_shown (marks))
    g_string_append_printf (csv, "%" G_GINT64_FORMAT,
                            (gint64) counts[0] - (gint64) counts[1]);
  g_string_append (csv, "\r\n");
}

static void
append_period_row (GString    *csv,
                   const char *category,
                   const char *label,
                   LygStats   *stats,
                   gboolean    last_day)
{
  char days[LYG_STATS_N_PERIODS][16];

  for (guint p = 0; p < LYG_STATS_N_PERIODS; p++)
    {
      GDate day = last_day ? stats->to[p] : stats->from[p];

      if (last_day)
        g_date_subtract_days (&day, 1);
      g_date_strftime (days[p], sizeof days[p], "%Y-%m-%d", &day);
    }

  g_string_append (csv, "period,");
  append_field (csv, category);
  g_string_append_c (csv, ',');
  append_field (csv, label);
  g_string_append_printf (csv, ",%s,%s,\r\n", days[0], days[1]);
}

/**
 * lyg_stats_to_csv:
 *
 * The aggregates of @stats as CSV with small cells suppressed
 * (lyg-stats-suppress.h): a header, the two periods, the summary, then
 * each breakdown's categories followed by its total. Columns: table id,
 * category id, label (translated), current period, previous period,
 * change (empty when it would reveal a suppressed count).
 *
 * Returns: (transfer full): the CSV text
 */
char *
lyg_stats_to_csv (LygStats *stats)
{
  GString *csv = g_string_new (NULL);

  g_return_val_if_fail (stats != NULL, NULL);

  if (!stats->suppressed)
    lyg_stats_suppress (stats);

  g_string_append (csv, "table,category,label,current,previous,change\r\n");
  append_period_row (csv, "first_day", _("First day"), stats, FALSE);
  append_period_row (csv, "last_day", _("Last day"), stats, TRUE);

  for (guint k = 0; k < LYG_STATS_N_BREAKDOWNS; k++)
    {
      LygStatsBreakdown *b = stats->breakdowns[k];

      for (guint i = 0; i < b->cells->len; i++)
        {
          LygStatsCell *cell = g_ptr_array_index (b->cells, i);

          append_row (csv, b->id, cell->id, cell->label, cell->counts, cell->marks);
        }
      if (b->additive)
        append_row (csv, b->id, "total", _("Total"), b->totals, b->total_marks);
    }

  return g_string_free (csv, FALSE);
}

/**
 * lyg_stats_write_csv:
 *
 * Writes lyg_stats_to_csv() to @file, replacing it only once the whole
 * text is written.
 */
gboolean
lyg_stats_write_csv (LygStats      *stats,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (stats != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  csv = lyg_stats_to_csv (stats);

  return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
}
