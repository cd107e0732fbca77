/* lyg-stats-page.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-stats-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lyg-bar-chart.h"
#include "lyg-stats-csv.h"
#include "lyg-stats-page.h"
#include "lyg-schema.h"
#include "lyg-stats-page-private.h"
#include "lyg-stay.h"

/* The Statistics section: a period, its figures against the period
 * before, and each breakdown as a chart with its table. The page shows
 * exact counts to the team that holds the records; what leaves the device
 * (CSV, print) goes through small-cell suppression.
 */

struct _LygStatsPage
{
  AdwBin           parent_instance;

  LygContext      *context;
  LygStats        *stats;
  LygStatsSpan     span;
  GDate            from;
  GDate            to;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkDropDown     *span_dropdown;
  GtkWidget       *previous_button;
  GtkWidget       *next_button;
  GtkLabel        *period_label;
  GtkWidget       *custom_box;
  GtkEditable     *from_entry;
  GtkEditable     *to_entry;
  GtkWidget       *apply_button;
  GtkWidget       *export_button;
  GtkWidget       *print_button;
  GtkBox          *summary_box;
  GtkLabel        *compare_label;
  GtkBox          *breakdowns_box;
};

G_DEFINE_FINAL_TYPE (LygStatsPage, lyg_stats_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/**
 * lyg_stats_format_change:
 *
 * Returns: "+3 (+12 %)", "−2 (−50 %)", "±0" or "+4 (new)"
 */
char *
lyg_stats_format_change (guint current,
                         guint previous)
{
  gint64 diff = (gint64) current - (gint64) previous;
  const char *sign = diff > 0 ? "+" : diff < 0 ? "−" : "±";

  if (previous == 0)
    {
      g_autofree char *number = NULL;

      if (diff == 0)
        return g_strdup ("±0");
      number = g_strdup_printf ("%s%" G_GINT64_FORMAT, sign, ABS (diff));
      /* Translators: a change from zero in the previous period, e.g. "+4 (new)" */
      return g_strdup_printf (_("%s (new)"), number);
    }

  return g_strdup_printf ("%s%" G_GINT64_FORMAT " (%s%.0f %%)", sign, ABS (diff), sign,
                          ABS (diff) * 100.0 / previous);
}

static GtkWidget *
figure_card (LygStatsCell *cell)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *value = g_strdup_printf ("%u", cell->counts[LYG_STATS_CURRENT]);
  g_autofree char *change = lyg_stats_format_change (cell->counts[LYG_STATS_CURRENT],
                                                     cell->counts[LYG_STATS_PREVIOUS]);
  g_autofree char *name = g_strdup_printf ("figure-%s", cell->id);
  GtkWidget *value_label = gtk_label_new (value);
  GtkWidget *label = gtk_label_new (cell->label);
  GtkWidget *change_label = gtk_label_new (change);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_top (value_label, 12);
  gtk_widget_set_margin_bottom (change_label, 12);
  gtk_widget_add_css_class (value_label, "title-1");
  gtk_widget_add_css_class (change_label, "dim-label");
  gtk_widget_add_css_class (change_label, "caption");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_name (value_label, name);
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), change_label);

  return box;
}

static void
grid_cell (GtkGrid    *grid,
           const char *text,
           int         column,
           int         row,
           gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.f : 1.f);
  if (column == 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_widget_set_tooltip_text (label, text);
    }
  else
    gtk_widget_add_css_class (label, "numeric");
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static void
grid_row (GtkGrid     *grid,
          int          row,
          const char  *label,
          const guint *counts,
          gboolean     heading)
{
  g_autofree char *current = g_strdup_printf ("%u", counts[0]);
  g_autofree char *previous = g_strdup_printf ("%u", counts[1]);
  g_autofree char *change = lyg_stats_format_change (counts[0], counts[1]);

  grid_cell (grid, label, 0, row, heading);
  grid_cell (grid, current, 1, row, heading);
  grid_cell (grid, previous, 2, row, heading);
  grid_cell (grid, change, 3, row, heading);
}

static GtkWidget *
breakdown_section (LygStatsBreakdown *b)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (b->title);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *chart = lyg_bar_chart_new ();
  GtkWidget *grid = gtk_grid_new ();
  int row = 1;

  gtk_label_set_xalign (GTK_LABEL (title), 0.f);
  gtk_widget_add_css_class (title, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_widget_set_name (section, b->id);

  lyg_bar_chart_set_breakdown (LYG_BAR_CHART (chart), b);
  gtk_widget_set_hexpand (chart, TRUE);
  gtk_widget_set_valign (chart, GTK_ALIGN_START);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_set_valign (grid, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  b->title, -1);
  grid_cell (GTK_GRID (grid), _("Category"), 0, 0, TRUE);
  grid_cell (GTK_GRID (grid), _("This period"), 1, 0, TRUE);
  grid_cell (GTK_GRID (grid), _("Before"), 2, 0, TRUE);
  grid_cell (GTK_GRID (grid), _("Difference"), 3, 0, TRUE);
  for (guint i = 0; i < b->cells->len; i++)
    {
      LygStatsCell *cell = g_ptr_array_index (b->cells, i);

      /* Categories nobody fell in, in either period, would fill the table
       * with zeros; the CSV keeps them all. */
      if (cell->counts[0] == 0 && cell->counts[1] == 0)
        continue;
      grid_row (GTK_GRID (grid), row++, cell->label, cell->counts, FALSE);
    }
  grid_row (GTK_GRID (grid), row, _("Total"), b->totals, TRUE);

  gtk_box_append (GTK_BOX (body), chart);
  gtk_box_append (GTK_BOX (body), grid);
  gtk_box_append (GTK_BOX (section), title);
  gtk_box_append (GTK_BOX (section), body);

  return section;
}

/* Shelter stays that overlap each period (lyg_stay_summarize). Shown on
 * the page only; the CSV and the printed report stay as they were. */
static GtkWidget *
stays_section (LygStatsPage *self)
{
  g_autoptr(GPtrArray) stays = NULL;
  g_autoptr(GError) error = NULL;
  LygStaySummary summary[LYG_STATS_N_PERIODS];
  const LygEnumValue *outcomes;
  guint n_outcomes = 0;
  GtkWidget *section, *title, *grid;
  guint counts[2];
  int row = 1;

  if (!(stays = lyg_stay_list (lyg_context_get_vault (self->context), &error)))
    {
      g_warning ("Cannot list the stays: %s", error->message);
      return NULL;
    }

  for (guint p = 0; p < LYG_STATS_N_PERIODS && p < 2; p++)
    {
      GDate last = self->stats->to[p];

      g_date_subtract_days (&last, 1);
      lyg_stay_summarize (stays, &self->stats->from[p], &last, &summary[p]);
    }

  if (summary[0].n_stays == 0 && summary[1].n_stays == 0)
    return NULL;

  section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  title = gtk_label_new (_("Shelter stays"));
  gtk_label_set_xalign (GTK_LABEL (title), 0.f);
  gtk_widget_add_css_class (title, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_widget_set_name (section, "stays");

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Shelter stays"), -1);
  grid_cell (GTK_GRID (grid), _("Category"), 0, 0, TRUE);
  grid_cell (GTK_GRID (grid), _("This period"), 1, 0, TRUE);
  grid_cell (GTK_GRID (grid), _("Before"), 2, 0, TRUE);
  grid_cell (GTK_GRID (grid), _("Difference"), 3, 0, TRUE);

  counts[0] = summary[0].n_stays, counts[1] = summary[1].n_stays;
  grid_row (GTK_GRID (grid), row++, _("Stays"), counts, FALSE);
  counts[0] = summary[0].n_completed, counts[1] = summary[1].n_completed;
  grid_row (GTK_GRID (grid), row++, _("Ended stays"), counts, FALSE);
  counts[0] = (guint) (summary[0].average_days + 0.5);
  counts[1] = (guint) (summary[1].average_days + 0.5);
  grid_row (GTK_GRID (grid), row++, _("Average length of ended stays (days)"), counts, FALSE);

  outcomes = lyg_schema_enum_values ("stay_outcome", &n_outcomes);
  for (guint i = 0; i < n_outcomes && i < LYG_STAY_N_OUTCOMES; i++)
    {
      counts[0] = summary[0].n_by_outcome[i], counts[1] = summary[1].n_by_outcome[i];
      grid_row (GTK_GRID (grid), row++,
                lyg_schema_enum_label ("stay_outcome", outcomes[i].id), counts, FALSE);
    }

  gtk_box_append (GTK_BOX (section), title);
  gtk_box_append (GTK_BOX (section), grid);

  return section;
}

static void
show_stats (LygStatsPage *self)
{
  LygStatsBreakdown *summary = lyg_stats_get_breakdown (self->stats, LYG_STATS_SUMMARY);
  g_autofree char *current = lyg_stats_format_period (&self->stats->from[0], &self->stats->to[0]);
  g_autofree char *before = lyg_stats_format_period (&self->stats->from[1], &self->stats->to[1]);
  g_autofree char *compare = NULL;
  GtkWidget *stays;

  gtk_label_set_label (self->period_label, current);
  compare = g_strdup_printf (_("Compared with %s. Exports and printed reports show counts "
                               "from 1 to 4 as “<5” and withhold (“x”) what would give "
                               "them away."), before);
  gtk_label_set_label (self->compare_label, compare);

  remove_children (self->summary_box);
  for (guint i = 0; i < summary->cells->len; i++)
    gtk_box_append (self->summary_box, figure_card (g_ptr_array_index (summary->cells, i)));

  remove_children (self->breakdowns_box);
  for (guint k = LYG_STATS_SUMMARY + 1; k < LYG_STATS_N_BREAKDOWNS; k++)
    gtk_box_append (self->breakdowns_box,
                    breakdown_section (lyg_stats_get_breakdown (self->stats, k)));

  if ((stays = stays_section (self)))
    gtk_box_append (self->breakdowns_box, stays);
}

void
lyg_stats_page_refresh (LygStatsPage *self)
{
  LygVault *vault;
  g_autoptr(GError) error = NULL;
  LygStats *stats;

  g_return_if_fail (LYG_IS_STATS_PAGE (self));

  vault = lyg_context_get_vault (self->context);
  if (!lyg_vault_get_unlocked (vault))
    return;

  stats = lyg_stats_compute (lyg_vault_get_index (vault), self->span, &self->from, &self->to,
                             &error);
  if (stats == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  g_clear_pointer (&self->stats, lyg_stats_free);
  self->stats = stats;
  show_stats (self);
}

static void
fill_custom_entries (LygStatsPage *self)
{
  GDate last = self->to;
  char a[16], b[16];

  g_date_subtract_days (&last, 1);
  g_date_strftime (a, sizeof a, "%Y-%m-%d", &self->from);
  g_date_strftime (b, sizeof b, "%Y-%m-%d", &last);
  gtk_editable_set_text (self->from_entry, a);
  gtk_editable_set_text (self->to_entry, b);
}

void
lyg_stats_page_set_period (LygStatsPage *self,
                           LygStatsSpan  span,
                           const GDate  *from,
                           const GDate  *to)
{
  g_return_if_fail (LYG_IS_STATS_PAGE (self));
  g_return_if_fail (from != NULL && g_date_valid (from));

  self->span = span;
  if (span == LYG_STATS_CUSTOM)
    {
      g_return_if_fail (to != NULL && g_date_valid (to) && g_date_compare (from, to) < 0);
      self->from = *from;
      self->to = *to;
    }
  else
    lyg_stats_period_containing (span, from, &self->from, &self->to);

  g_signal_handlers_block_matched (self->span_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                   self);
  gtk_drop_down_set_selected (self->span_dropdown, span);
  g_signal_handlers_unblock_matched (self->span_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                                     NULL, self);
  gtk_widget_set_visible (self->custom_box, span == LYG_STATS_CUSTOM);
  fill_custom_entries (self);
  lyg_stats_page_refresh (self);
}

static void
on_span_changed_cb (LygStatsPage *self)
{
  LygStatsSpan span = gtk_drop_down_get_selected (self->span_dropdown);
  GDate from = self->from, to = self->to;

  lyg_stats_page_set_period (self, span, &from, &to);
}

static void
step (LygStatsPage *self,
      int           steps)
{
  GDate from = self->from, to = self->to;

  lyg_stats_period_step (self->span, &from, &to, steps);
  lyg_stats_page_set_period (self, self->span, &from, &to);
}

static void
on_previous_clicked_cb (LygStatsPage *self)
{
  step (self, -1);
}

static void
on_next_clicked_cb (LygStatsPage *self)
{
  step (self, 1);
}

static gboolean
parse_day (const char *text,
           GDate      *day)
{
  int y, m, d;

  g_date_clear (day, 1);
  if (sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (day, d, m, y);

  return TRUE;
}

static void
on_apply_clicked_cb (LygStatsPage *self)
{
  GDate from, to;

  if (!parse_day (gtk_editable_get_text (self->from_entry), &from) ||
      !parse_day (gtk_editable_get_text (self->to_entry), &to) ||
      g_date_compare (&from, &to) > 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Enter two dates as YYYY-MM-DD, the first "
                                                    "not after the second")));
      return;
    }

  g_date_add_days (&to, 1);
  lyg_stats_page_set_period (self, LYG_STATS_CUSTOM, &from, &to);
}

LygStats *
lyg_stats_page_get_stats (LygStatsPage *self)
{
  g_return_val_if_fail (LYG_IS_STATS_PAGE (self), NULL);

  return self->stats;
}

AdwToastOverlay *
lyg_stats_page_get_toast_overlay (LygStatsPage *self)
{
  return self->toast_overlay;
}

static void
lyg_stats_page_constructed (GObject *object)
{
  LygStatsPage *self = LYG_STATS_PAGE (object);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  G_OBJECT_CLASS (lyg_stats_page_parent_class)->constructed (object);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  lyg_stats_page_set_period (self, LYG_STATS_MONTH, &today, NULL);
}

static void
lyg_stats_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lyg_stats_page_parent_class)->map (widget);

  /* Records change while the page is hidden; counting again is cheap. */
  lyg_stats_page_refresh (LYG_STATS_PAGE (widget));
}

static void
lyg_stats_page_dispose (GObject *object)
{
  LygStatsPage *self = LYG_STATS_PAGE (object);

  /* AdwBin unparents its child itself: let it go first. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_STATS_PAGE);
  g_clear_pointer (&self->stats, lyg_stats_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lyg_stats_page_parent_class)->dispose (object);
}

static void
lyg_stats_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LygStatsPage *self = LYG_STATS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_stats_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LygStatsPage *self = LYG_STATS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_stats_page_class_init (LygStatsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lyg_stats_page_constructed;
  object_class->dispose = lyg_stats_page_dispose;
  object_class->get_property = lyg_stats_page_get_property;
  object_class->set_property = lyg_stats_page_set_property;
  widget_class->map = lyg_stats_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, LYG_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-stats-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LygStatsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LygStatsPage, span_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LygStatsPage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, LygStatsPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, LygStatsPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, LygStatsPage, custom_box);
  gtk_widget_class_bind_template_child (widget_class, LygStatsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, LygStatsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, LygStatsPage, apply_button);
  gtk_widget_class_bind_template_child (widget_class, LygStatsPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, LygStatsPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, LygStatsPage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, LygStatsPage, compare_label);
  gtk_widget_class_bind_template_child (widget_class, LygStatsPage, breakdowns_box);
}

static void
lyg_stats_page_init (LygStatsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
  g_signal_connect_swapped (self->span_dropdown, "notify::selected",
                            G_CALLBACK (on_span_changed_cb), self);
  g_signal_connect_swapped (self->previous_button, "clicked",
                            G_CALLBACK (on_previous_clicked_cb), self);
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (on_next_clicked_cb), self);
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (on_apply_clicked_cb), self);
  g_signal_connect_swapped (self->from_entry, "activate", G_CALLBACK (on_apply_clicked_cb), self);
  g_signal_connect_swapped (self->to_entry, "activate", G_CALLBACK (on_apply_clicked_cb), self);
  g_signal_connect_swapped (self->export_button, "clicked",
                            G_CALLBACK (lyg_stats_page_choose_export), self);
  g_signal_connect_swapped (self->print_button, "clicked", G_CALLBACK (lyg_stats_page_print),
                            self);
}

GtkWidget *
lyg_stats_page_new (LygContext *context)
{
  g_return_val_if_fail (LYG_IS_CONTEXT (context), NULL);

  return g_object_new (LYG_TYPE_STATS_PAGE, "context", context, NULL);
}

LygContext *
lyg_stats_page_get_context (LygStatsPage *self)
{
  g_return_val_if_fail (LYG_IS_STATS_PAGE (self), NULL);

  return self->context;
}
