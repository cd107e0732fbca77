/* lyg-stats-page-export.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-stats-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-audit.h"
#include "lyg-stats-csv.h"
#include "lyg-stats-page-private.h"
#include "lyg-stats-suppress.h"

/* What leaves the device from the Statistics page: the CSV and the
 * printed report, both with small cells suppressed (lyg-stats-suppress.h).
 */

static void
toast (LygStatsPage *self,
       const char   *message)
{
  adw_toast_overlay_add_toast (lyg_stats_page_get_toast_overlay (self), adw_toast_new (message));
}

/* Every export of aggregates ends here, written or printed. */
static void
export_done (LygStatsPage *self,
             const char   *kind)
{
  g_autoptr(GError) error = NULL;
  LygContext *context = lyg_stats_page_get_context (self);

  /* The activity log notes what left the device, never its figures. */
  if (context != NULL &&
      !lyg_audit_log (lyg_context_get_vault (context), LYG_AUDIT_EXPORT_CSV, kind, &error))
    g_warning ("Cannot note the export in the activity log: %s", error->message);
}

/**
 * lyg_stats_page_export_to_file:
 *
 * Writes the shown period's statistics to @file as CSV, suppressed.
 */
gboolean
lyg_stats_page_export_to_file (LygStatsPage  *self,
                               GFile         *file,
                               GError       **error)
{
  LygStats *stats;

  g_return_val_if_fail (LYG_IS_STATS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(stats = lyg_stats_page_get_stats (self)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The vault is locked"));
      return FALSE;
    }

  if (!lyg_stats_write_csv (stats, file, NULL, error))
    return FALSE;

  export_done (self, "csv");

  return TRUE;
}

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       LygStatsPage    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    {
      if (lyg_stats_page_export_to_file (self, file, &error))
        toast (self, _("Statistics exported"));
      else
        {
          g_autofree char *message = g_strdup_printf (_("Could not export the statistics: %s"),
                                                      error->message);
          toast (self, message);
        }
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

void
lyg_stats_page_choose_export (LygStatsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  LygStats *stats = lyg_stats_page_get_stats (self);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  char from[16];

  if (stats == NULL)
    return;

  g_date_strftime (from, sizeof from, "%Y-%m-%d", &stats->from[0]);
  /* Translators: the file name offered for a CSV export; %s is a date */
  name = g_strdup_printf (_("statistics-%s.csv"), from);
  dialog = gtk_file_chooser_native_new (_("Export Statistics"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Printing: each breakdown as a table of text lines, suppressed like the
 * CSV, laid out with Pango over as many pages as it takes. */

typedef struct
{
  LygStatsPage *page;
  LygStats     *stats;
  GPtrArray    *lines;    /* (element-type Line) */
  GArray       *starts;   /* first line of each page */
} Print;

typedef struct
{
  char     *cols[4];
  gboolean  heading;
  gboolean  title;
} Line;

static void
line_free (Line *line)
{
  for (guint i = 0; i < 4; i++)
    g_free (line->cols[i]);
  g_free (line);
}

static void
add_line (Print      *print,
          gboolean    title,
          gboolean    heading,
          const char *a,
          char       *b,
          char       *c,
          char       *d)
{
  Line *line = g_new0 (Line, 1);

  line->cols[0] = g_strdup (a);
  line->cols[1] = b;
  line->cols[2] = c;
  line->cols[3] = d;
  line->title = title;
  line->heading = heading;
  g_ptr_array_add (print->lines, line);
}

static void
add_count_line (Print        *print,
                const char   *label,
                const guint  *counts,
                LygStatsMark *marks,
                gboolean      heading)
{
  char *change = lyg_stats_change_shown (marks)
               ? g_strdup_printf ("%+" G_GINT64_FORMAT, (gint64) counts[0] - (gint64) counts[1])
               : g_strdup ("");

  add_line (print, FALSE, heading, label, lyg_stats_format_count (marks[0], counts[0]),
            lyg_stats_format_count (marks[1], counts[1]), change);
}

static void
build_lines (Print *print)
{
  LygStats *stats = print->stats;
  g_autofree char *current = lyg_stats_format_period (&stats->from[0], &stats->to[0]);
  g_autofree char *before = lyg_stats_format_period (&stats->from[1], &stats->to[1]);
  g_autofree char *title = g_strdup_printf (_("Statistics %s"), current);
  g_autofree char *compare = g_strdup_printf (_("Compared with %s"), before);

  add_line (print, TRUE, FALSE, title, NULL, NULL, NULL);
  add_line (print, FALSE, FALSE, compare, NULL, NULL, NULL);
  add_line (print, FALSE, FALSE, _("Counts from 1 to 4 are shown as “<5”; “x” is withheld so "
                                   "that they cannot be worked out."), NULL, NULL, NULL);

  for (guint k = 0; k < LYG_STATS_N_BREAKDOWNS; k++)
    {
      LygStatsBreakdown *b = lyg_stats_get_breakdown (stats, k);

      add_line (print, FALSE, FALSE, "", NULL, NULL, NULL);
      add_line (print, TRUE, FALSE, b->title, NULL, NULL, NULL);
      add_line (print, FALSE, TRUE, _("Category"), g_strdup (_("This period")),
                g_strdup (_("Before")), g_strdup (_("Difference")));
      for (guint i = 0; i < b->cells->len; i++)
        {
          LygStatsCell *cell = g_ptr_array_index (b->cells, i);

          add_count_line (print, cell->label, cell->counts, cell->marks, FALSE);
        }
      if (b->additive)
        add_count_line (print, _("Total"), b->totals, b->total_marks, TRUE);
    }
}

static double
line_height (Line *line)
{
  return line->title ? 24 : 16;
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   Print             *print)
{
  double height = gtk_print_context_get_height (context);
  double y = 0;

  g_array_set_size (print->starts, 0);
  g_array_append_vals (print->starts, &(guint) { 0 }, 1);
  for (guint i = 0; i < print->lines->len; i++)
    {
      double h = line_height (g_ptr_array_index (print->lines, i));

      if (y + h > height)
        {
          g_array_append_val (print->starts, i);
          y = 0;
        }
      y += h;
    }
  gtk_print_operation_set_n_pages (operation, print->starts->len);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 Print             *print)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  guint first = g_array_index (print->starts, guint, page_nr);
  guint last = (guint) page_nr + 1 < print->starts->len
             ? g_array_index (print->starts, guint, page_nr + 1) : print->lines->len;
  double x[4] = { 0, width * 0.55, width * 0.72, width * 0.88 };
  double y = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = first; i < last; i++)
    {
      Line *line = g_ptr_array_index (print->lines, i);

      for (guint c = 0; c < 4; c++)
        {
          g_autoptr(PangoLayout) layout = NULL;
          g_autoptr(PangoFontDescription) font = NULL;

          if (line->cols[c] == NULL)
            continue;
          layout = gtk_print_context_create_pango_layout (context);
          font = pango_font_description_from_string (line->title ? "Sans Bold 13"
                                                     : line->heading ? "Sans Bold 9"
                                                     : "Sans 9");
          pango_layout_set_font_description (layout, font);
          pango_layout_set_text (layout, line->cols[c], -1);
          pango_layout_set_width (layout, (int) ((c == 0 && line->cols[1] != NULL
                                                  ? x[1] - 8 : width - x[c]) * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          if (c > 0)
            {
              pango_layout_set_width (layout, (int) ((width * 0.14) * PANGO_SCALE));
              pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
            }
          cairo_move_to (cr, x[c], y);
          pango_cairo_show_layout (cr, layout);
        }
      y += line_height (line);
    }
}

static void
print_free (Print *print)
{
  g_ptr_array_unref (print->lines);
  g_array_unref (print->starts);
  g_object_unref (print->page);
  g_free (print);
}

static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            Print                   *print)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    export_done (print->page, "print");
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      gtk_print_operation_get_error (operation, &error);
      message = g_strdup_printf (_("Could not print the statistics: %s"),
                                 error ? error->message : "");
      toast (print->page, message);
    }
}

static GtkPrintOperation *
print_operation_new (LygStatsPage *self,
                     LygStats     *stats)
{
  GtkPrintOperation *operation;
  Print *print;

  if (!stats->suppressed)
    lyg_stats_suppress (stats);

  print = g_new0 (Print, 1);
  print->page = g_object_ref (self);
  print->stats = stats;
  print->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  print->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  build_lines (print);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, _("Statistics"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), print);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), print);
  g_signal_connect (operation, "done", G_CALLBACK (on_done_cb), print);
  g_object_set_data_full (G_OBJECT (operation), "lyg-print", print, (GDestroyNotify) print_free);

  return operation;
}

/**
 * lyg_stats_page_print:
 *
 * Prints the shown period's statistics, suppressed as in the CSV.
 */
void
lyg_stats_page_print (LygStatsPage *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkRoot *root;
  LygStats *stats;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LYG_IS_STATS_PAGE (self));

  if (!(stats = lyg_stats_page_get_stats (self)))
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  operation = print_operation_new (self, stats);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("Could not print the statistics: %s"),
                                                  error->message);
      toast (self, message);
    }
}

/**
 * lyg_stats_page_print_to_pdf:
 *
 * Writes the printed report to a PDF at @path without a dialog.
 */
gboolean
lyg_stats_page_print_to_pdf (LygStatsPage  *self,
                             const char    *path,
                             GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  LygStats *stats;

  g_return_val_if_fail (LYG_IS_STATS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(stats = lyg_stats_page_get_stats (self)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The vault is locked"));
      return FALSE;
    }

  operation = print_operation_new (self, stats);
  gtk_print_operation_set_export_filename (operation, path);

  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                  error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}
