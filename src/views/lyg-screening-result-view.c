/* lyg-screening-result-view.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-screening-result-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-screening-result-view.h"

/* Shows a screening result the way the engine explains it: the outcome,
 * the disclaimer, the next step and, per dimension, whether it is positive
 * and which indicators made it so.  Nothing here scores: every sentence
 * comes from LygScreeningResult.
 */
struct _LygScreeningResultView
{
  AdwBin              parent_instance;

  /* Owned */
  LygScreeningResult *result;
  GHashTable         *dimension_labels;  /* dimension id → GtkLabel (status) */

  /* Borrowed */
  GPtrArray          *dimension_rows;

  /* Template widgets */
  GtkBox             *outcome_box;
  GtkImage           *outcome_icon;
  GtkLabel           *outcome_label;
  GtkLabel           *explanation_label;
  GtkLabel           *unknown_label;
  GtkLabel           *disclaimer_label;
  GtkBox             *requirements_box;
  GtkLabel           *next_step_label;
  AdwPreferencesGroup *dimensions_group;
};

G_DEFINE_FINAL_TYPE (LygScreeningResultView, lyg_screening_result_view, ADW_TYPE_BIN)

static const char * const outcome_classes[] = {
  "no-indication", "possible", "probable", "none-so-far", "indicators-present",
};

static const char *
get_outcome_icon (LygOutcome outcome)
{
  switch (outcome)
    {
    case LYG_OUTCOME_PROBABLE:
    case LYG_OUTCOME_POSSIBLE:
    case LYG_OUTCOME_INDICATORS_PRESENT:
      return "dialog-warning-symbolic";
    case LYG_OUTCOME_NO_INDICATION:
    case LYG_OUTCOME_NONE_SO_FAR:
    default:
      return "dialog-information-symbolic";
    }
}

static void
clear_dimensions (LygScreeningResultView *self)
{
  for (guint i = 0; i < self->dimension_rows->len; i++)
    adw_preferences_group_remove (self->dimensions_group,
                                  g_ptr_array_index (self->dimension_rows, i));

  g_ptr_array_set_size (self->dimension_rows, 0);
  g_hash_table_remove_all (self->dimension_labels);
}

static GtkWidget *
create_dimension_row (LygScreeningResultView   *self,
                      const LygDimensionResult *dr,
                      guint                     index,
                      const char               *lang)
{
  g_autofree char *reason = NULL;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *text_box;
  GtkWidget *icon;
  GtkWidget *title;
  GtkWidget *status;
  GtkWidget *reason_label;
  const char *status_text;
  const char *icon_name;
  const char *css_class;

  if (dr->positive)
    {
      status_text = _("Positive");
      icon_name = "emblem-ok-symbolic";
      css_class = "positive";
    }
  else if (dr->open)
    {
      status_text = _("Not positive yet");
      icon_name = "content-loading-symbolic";
      css_class = "open";
    }
  else
    {
      status_text = _("Not positive");
      icon_name = "list-remove-symbolic";
      css_class = "negative";
    }

  reason = lyg_screening_result_dup_dimension_reason (self->result, index, lang);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "lyg-dimension-row");
  gtk_widget_add_css_class (row, css_class);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "lyg-dimension-icon");
  gtk_box_append (GTK_BOX (box), icon);

  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (box), text_box);

  title = gtk_label_new (lyg_catalogue_text_get (&dr->dimension->title, lang));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (text_box), title);

  status = gtk_label_new (status_text);
  gtk_label_set_xalign (GTK_LABEL (status), 0);
  gtk_widget_add_css_class (status, "lyg-dimension-status");
  gtk_box_append (GTK_BOX (text_box), status);

  reason_label = gtk_label_new (reason);
  gtk_label_set_xalign (GTK_LABEL (reason_label), 0);
  gtk_label_set_wrap (GTK_LABEL (reason_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (reason_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (reason_label, "dim-label");
  gtk_widget_add_css_class (reason_label, "caption");
  gtk_box_append (GTK_BOX (text_box), reason_label);

  g_hash_table_insert (self->dimension_labels,
                       g_strdup (dr->dimension->id),
                       reason_label);
  g_object_set_data (G_OBJECT (reason_label), "lyg-status", status);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lyg_catalogue_text_get (&dr->dimension->title, lang),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason,
                                  -1);

  return row;
}

static void
update_requirements (LygScreeningResultView *self,
                     const char             *lang)
{
  GtkWidget *child;
  guint n = lyg_screening_result_get_n_requirements (self->result);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->requirements_box))))
    gtk_box_remove (self->requirements_box, child);

  gtk_widget_set_visible (GTK_WIDGET (self->requirements_box), n > 0);

  for (guint i = 0; i < n; i++)
    {
      const LygRequirementResult *rr = lyg_screening_result_get_requirement (self->result, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *icon = gtk_image_new_from_icon_name (rr->met ? "emblem-ok-symbolic"
                                                              : "list-remove-symbolic");
      GtkWidget *label = gtk_label_new (lyg_catalogue_text_get (rr->label, lang));
      g_autofree char *description = NULL;

      gtk_widget_add_css_class (box, "lyg-requirement");
      gtk_widget_add_css_class (box, rr->met ? "met" : "unmet");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (self->requirements_box, box);

      /* Translators: a requirement of the "probable" outcome, e.g.
       * "Recruitment: met" */
      description = g_strdup_printf (rr->met ? _("%s: met") : _("%s: not met"),
                                     lyg_catalogue_text_get (rr->label, lang));
      gtk_widget_set_tooltip_text (box, description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                      -1);
    }
}

static void
lyg_screening_result_view_dispose (GObject *object)
{
  LygScreeningResultView *self = LYG_SCREENING_RESULT_VIEW (object);

  g_clear_pointer (&self->dimension_labels, g_hash_table_unref);
  g_clear_pointer (&self->dimension_rows, g_ptr_array_unref);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_SCREENING_RESULT_VIEW);

  g_clear_object (&self->result);

  G_OBJECT_CLASS (lyg_screening_result_view_parent_class)->dispose (object);
}

static void
lyg_screening_result_view_class_init (LygScreeningResultViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lyg_screening_result_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-screening-result-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LygScreeningResultView, outcome_box);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningResultView, outcome_icon);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningResultView, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningResultView, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningResultView, unknown_label);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningResultView, disclaimer_label);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningResultView, requirements_box);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningResultView, next_step_label);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningResultView, dimensions_group);
}

static void
lyg_screening_result_view_init (LygScreeningResultView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->dimension_rows = g_ptr_array_new ();
  self->dimension_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_label_set_text (self->disclaimer_label, lyg_screening_get_disclaimer ());
}

GtkWidget *
lyg_screening_result_view_new (void)
{
  return g_object_new (LYG_TYPE_SCREENING_RESULT_VIEW, NULL);
}

/**
 * lyg_screening_result_view_get_result:
 * @self: a #LygScreeningResultView
 *
 * Returns: (transfer none) (nullable): the result shown
 */
LygScreeningResult *
lyg_screening_result_view_get_result (LygScreeningResultView *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_RESULT_VIEW (self), NULL);

  return self->result;
}

/**
 * lyg_screening_result_view_set_result:
 * @self: a #LygScreeningResultView
 * @result: (nullable): the result to show
 * @lang: "en" or "da": the language of the catalogue texts
 */
void
lyg_screening_result_view_set_result (LygScreeningResultView *self,
                                      LygScreeningResult     *result,
                                      const char             *lang)
{
  g_autofree char *explanation = NULL;
  g_autofree char *unknown = NULL;
  LygCatalogue *catalogue;
  LygOutcome outcome;
  guint n_indicators;
  guint n_unknown;

  g_return_if_fail (LYG_IS_SCREENING_RESULT_VIEW (self));
  g_return_if_fail (!result || LYG_IS_SCREENING_RESULT (result));

  clear_dimensions (self);
  g_set_object (&self->result, result);

  gtk_widget_set_visible (GTK_WIDGET (self), result != NULL);
  if (result == NULL)
    return;

  catalogue = lyg_screening_result_get_catalogue (result);
  outcome = lyg_screening_result_get_outcome (result);

  for (guint i = 0; i < G_N_ELEMENTS (outcome_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->outcome_box), outcome_classes[i]);
  if (outcome < G_N_ELEMENTS (outcome_classes))
    gtk_widget_add_css_class (GTK_WIDGET (self->outcome_box), outcome_classes[outcome]);

  gtk_image_set_from_icon_name (self->outcome_icon, get_outcome_icon (outcome));
  gtk_label_set_text (self->outcome_label, lyg_screening_result_get_outcome_label (result));

  explanation = lyg_screening_result_dup_explanation (result, lang);
  gtk_label_set_text (self->explanation_label, explanation);

  n_indicators = lyg_catalogue_get_n_indicators (catalogue);
  n_unknown = lyg_screening_result_get_n_unknown (result);
  if (n_unknown == 0)
    unknown = g_strdup (_("Every indicator is answered"));
  else
    /* Translators: e.g. "12 of 67 indicators still unknown" */
    unknown = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u of %u indicator still unknown",
                                            "%u of %u indicators still unknown",
                                            n_indicators),
                               n_unknown, n_indicators);
  gtk_label_set_text (self->unknown_label, unknown);

  update_requirements (self, lang);

  gtk_label_set_text (self->next_step_label, lyg_screening_result_get_next_step (result));

  for (guint i = 0; i < lyg_screening_result_get_n_dimensions (result); i++)
    {
      const LygDimensionResult *dr = lyg_screening_result_get_dimension (result, i);
      GtkWidget *row = create_dimension_row (self, dr, i, lang);

      adw_preferences_group_add (self->dimensions_group, row);
      g_ptr_array_add (self->dimension_rows, row);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->outcome_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lyg_screening_result_get_outcome_label (result),
                                  -1);
}

/**
 * lyg_screening_result_view_get_outcome_text:
 * @self: a #LygScreeningResultView
 *
 * Returns: the outcome as the label shows it
 */
const char *
lyg_screening_result_view_get_outcome_text (LygScreeningResultView *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_RESULT_VIEW (self), NULL);

  return gtk_label_get_text (self->outcome_label);
}

/**
 * lyg_screening_result_view_dup_dimension_status:
 * @self: a #LygScreeningResultView
 * @dimension_id: a dimension of the catalogue
 *
 * Returns: (transfer full) (nullable): the status and reason shown for the
 *   dimension, e.g. "Positive — Positive by the combination …"
 */
char *
lyg_screening_result_view_dup_dimension_status (LygScreeningResultView *self,
                                                const char             *dimension_id)
{
  GtkLabel *reason;
  GtkLabel *status;

  g_return_val_if_fail (LYG_IS_SCREENING_RESULT_VIEW (self), NULL);
  g_return_val_if_fail (dimension_id != NULL, NULL);

  reason = g_hash_table_lookup (self->dimension_labels, dimension_id);
  if (reason == NULL)
    return NULL;

  status = g_object_get_data (G_OBJECT (reason), "lyg-status");
  return g_strdup_printf ("%s — %s", gtk_label_get_text (status), gtk_label_get_text (reason));
}
