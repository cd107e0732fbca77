/* lyg-bar-chart.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-bar-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-bar-chart.h"

/* Horizontal bars, one row per category: the current period as a full bar
 * in the accent colour, the previous one as a thin bar beneath in the
 * text colour at low opacity. Colours come from the theme, so the chart
 * follows dark mode and high contrast. The same figures are in the table
 * next to it, which is what assistive technology reads; the chart itself
 * carries a label naming what it shows. Categories at zero in both
 * periods are left out of the chart (the table lists them).
 */

#define ROW_HEIGHT   28
#define BAR_HEIGHT   12
#define PREV_HEIGHT  4
#define LABEL_WIDTH  180
#define GAP          8

typedef struct
{
  char  *label;
  guint  counts[LYG_STATS_N_PERIODS];
} Bar;

struct _LygBarChart
{
  GtkWidget  parent_instance;

  GArray    *bars;   /* Bar */
  guint      max;
};

G_DEFINE_FINAL_TYPE (LygBarChart, lyg_bar_chart, GTK_TYPE_WIDGET)

static void
bar_clear (Bar *bar)
{
  g_free (bar->label);
}

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color,
              const char *fallback)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
lyg_bar_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  LygBarChart *self = LYG_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int label_width = MIN (LABEL_WIDTH, width / 3);
  int bar_space = MAX (width - label_width - 2 * GAP - 48, 10);
  GdkRGBA accent, fg, dim;

  lookup_color (widget, "accent_bg_color", &accent, "#3584e4");
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  dim = fg;
  dim.alpha *= 0.45f;

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      int y = i * ROW_HEIGHT;
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, bar->label);
      g_autoptr(PangoLayout) value = NULL;
      g_autofree char *text = g_strdup_printf ("%u", bar->counts[LYG_STATS_CURRENT]);
      float w = self->max ? (float) bar_space * bar->counts[0] / self->max : 0;
      float pw = self->max ? (float) bar_space * bar->counts[1] / self->max : 0;
      int lw, lh;

      pango_layout_set_width (layout, label_width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y + (ROW_HEIGHT - lh) / 2.f));
      gtk_snapshot_append_layout (snapshot, layout, &fg);
      gtk_snapshot_restore (snapshot);

      gtk_snapshot_append_color (snapshot, &accent,
                                 &GRAPHENE_RECT_INIT (label_width + GAP, y + 4,
                                                      MAX (w, bar->counts[0] ? 2.f : 0.f),
                                                      BAR_HEIGHT));
      gtk_snapshot_append_color (snapshot, &dim,
                                 &GRAPHENE_RECT_INIT (label_width + GAP, y + 6 + BAR_HEIGHT,
                                                      MAX (pw, bar->counts[1] ? 2.f : 0.f),
                                                      PREV_HEIGHT));

      value = gtk_widget_create_pango_layout (widget, text);
      pango_layout_get_pixel_size (value, &lw, &lh);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (label_width + 2 * GAP + w, y + 4 + (BAR_HEIGHT - lh) / 2.f));
      gtk_snapshot_append_layout (snapshot, value, &fg);
      gtk_snapshot_restore (snapshot);
    }
}

static void
lyg_bar_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  LygBarChart *self = LYG_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 420;
    }
  else
    *minimum = *natural = MAX (self->bars->len, 1) * ROW_HEIGHT;
}

static void
lyg_bar_chart_finalize (GObject *object)
{
  LygBarChart *self = LYG_BAR_CHART (object);

  g_array_unref (self->bars);

  G_OBJECT_CLASS (lyg_bar_chart_parent_class)->finalize (object);
}

static void
lyg_bar_chart_class_init (LygBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lyg_bar_chart_finalize;
  widget_class->snapshot = lyg_bar_chart_snapshot;
  widget_class->measure = lyg_bar_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lyg_bar_chart_init (LygBarChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, (GDestroyNotify) bar_clear);
}

GtkWidget *
lyg_bar_chart_new (void)
{
  return g_object_new (LYG_TYPE_BAR_CHART, NULL);
}

/**
 * lyg_bar_chart_set_breakdown:
 *
 * Shows the exact counts of @breakdown (the chart is for the team; exports
 * are suppressed) and names it for assistive technology.
 */
void
lyg_bar_chart_set_breakdown (LygBarChart       *self,
                             LygStatsBreakdown *breakdown)
{
  g_autofree char *label = NULL;

  g_return_if_fail (LYG_IS_BAR_CHART (self));
  g_return_if_fail (breakdown != NULL);

  g_array_set_size (self->bars, 0);
  self->max = 0;
  for (guint i = 0; i < breakdown->cells->len; i++)
    {
      LygStatsCell *cell = g_ptr_array_index (breakdown->cells, i);
      Bar bar = { g_strdup (cell->label), { cell->counts[0], cell->counts[1] } };

      if (cell->counts[0] == 0 && cell->counts[1] == 0)
        {
          g_free (bar.label);
          continue;
        }
      self->max = MAX (self->max, MAX (cell->counts[0], cell->counts[1]));
      g_array_append_val (self->bars, bar);
    }

  /* Translators: the accessible name of a chart, e.g. "Bar chart: People reached by sex" */
  label = g_strdup_printf (_("Bar chart: %s (the table next to it has the figures)"),
                           breakdown->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
