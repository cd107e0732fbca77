/* lyg-training-check-view.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-training-check-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-training-check-view.h"

/* What "Check" shows: the three counts, the outcome the trainee's answers
 * give next to the key's, and one row per indicator that counts, with the
 * verdict in words (never colour alone) and the key's explanation.
 */
struct _LygTrainingCheckView
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkLabel         *verdict_label;
  GtkLabel         *agreed_label;
  GtkLabel         *missed_label;
  GtkLabel         *over_read_label;
  AdwActionRow     *your_outcome_row;
  AdwActionRow     *key_outcome_row;
  GtkListBox       *items_list;
};

G_DEFINE_FINAL_TYPE (LygTrainingCheckView, lyg_training_check_view, ADW_TYPE_BIN)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static GtkWidget *
create_item_row (const LygScenarioCheckItem *item,
                 const char                 *lang)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *verdict = gtk_label_new (lyg_verdict_get_label (item->verdict));
  g_autofree char *css = g_strdup_printf ("verdict-%s", lyg_verdict_to_string (item->verdict));
  g_autofree char *answers = NULL;
  g_autofree char *subtitle = NULL;
  const char *why;

  if (item->explanation != NULL)
    why = lyg_catalogue_text_get (item->explanation, lang);
  else
    why = _("The vignette says nothing that points to this indicator.");

  answers = g_strdup_printf (_("You: %s · Key: %s"),
                             lyg_answer_get_label (item->given),
                             item->expected == LYG_ANSWER_UNKNOWN
                               ? _("not in the vignette")
                               : lyg_answer_get_label (item->expected));
  subtitle = g_strdup_printf ("%s\n%s", answers, why);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 lyg_catalogue_text_get (&item->indicator->text, lang));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  gtk_widget_add_css_class (verdict, css);
  gtk_widget_set_size_request (verdict, 96, -1);
  gtk_label_set_xalign (GTK_LABEL (verdict), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), verdict);

  gtk_widget_set_name (row, item->indicator->id);

  return row;
}

static void
lyg_training_check_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LYG_TYPE_TRAINING_CHECK_VIEW);

  G_OBJECT_CLASS (lyg_training_check_view_parent_class)->dispose (object);
}

static void
lyg_training_check_view_class_init (LygTrainingCheckViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lyg_training_check_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-training-check-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LygTrainingCheckView, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, LygTrainingCheckView, agreed_label);
  gtk_widget_class_bind_template_child (widget_class, LygTrainingCheckView, missed_label);
  gtk_widget_class_bind_template_child (widget_class, LygTrainingCheckView, over_read_label);
  gtk_widget_class_bind_template_child (widget_class, LygTrainingCheckView, your_outcome_row);
  gtk_widget_class_bind_template_child (widget_class, LygTrainingCheckView, key_outcome_row);
  gtk_widget_class_bind_template_child (widget_class, LygTrainingCheckView, items_list);
}

static void
lyg_training_check_view_init (LygTrainingCheckView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lyg_training_check_view_set_check:
 * @self: a #LygTrainingCheckView
 * @check: the comparison to show
 * @lang: (nullable): language of the catalogue and scenario texts
 */
void
lyg_training_check_view_set_check (LygTrainingCheckView *self,
                                   LygScenarioCheck     *check,
                                   const char           *lang)
{
  g_autofree char *agreed = NULL;
  g_autofree char *missed = NULL;
  g_autofree char *over_read = NULL;
  gboolean outcome_agrees;

  g_return_if_fail (LYG_IS_TRAINING_CHECK_VIEW (self));
  g_return_if_fail (LYG_IS_SCENARIO_CHECK (check));

  outcome_agrees = lyg_scenario_check_outcome_agrees (check);
  if (outcome_agrees && lyg_scenario_check_count (check, LYG_VERDICT_MISSED) == 0 &&
      lyg_scenario_check_count (check, LYG_VERDICT_OVER_READ) == 0)
    gtk_label_set_text (self->verdict_label, _("You answered as the key does."));
  else if (outcome_agrees)
    gtk_label_set_text (self->verdict_label,
                        _("Same outcome as the key, with some indicators read differently."));
  else
    gtk_label_set_text (self->verdict_label, _("Your outcome differs from the key's."));

  agreed = g_strdup_printf (_("Agreed: %u"), lyg_scenario_check_count (check, LYG_VERDICT_AGREED));
  missed = g_strdup_printf (_("Missed: %u"), lyg_scenario_check_count (check, LYG_VERDICT_MISSED));
  over_read = g_strdup_printf (_("Over-read: %u"),
                               lyg_scenario_check_count (check, LYG_VERDICT_OVER_READ));
  gtk_label_set_text (self->agreed_label, agreed);
  gtk_label_set_text (self->missed_label, missed);
  gtk_label_set_text (self->over_read_label, over_read);

  adw_action_row_set_subtitle (self->your_outcome_row,
                               lyg_screening_result_get_outcome_label (
                                 lyg_scenario_check_get_result (check)));
  adw_action_row_set_subtitle (self->key_outcome_row,
                               lyg_screening_result_get_outcome_label (
                                 lyg_scenario_check_get_expected_result (check)));

  clear_list (self->items_list);
  for (guint i = 0; i < lyg_scenario_check_get_n_items (check); i++)
    gtk_list_box_append (self->items_list,
                         create_item_row (lyg_scenario_check_get_item (check, i), lang));
}
