/* lyg-indicator-row.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-indicator-row"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-indicator-row.h"

/* One indicator of a catalogue: its text, weight and guidance, a
 * four-way answer and a short note.  The row owns no catalogue data; the
 * catalogue it was made from must outlive it.
 */
struct _LygIndicatorRow
{
  GtkListBoxRow       parent_instance;

  /* Owned */
  LygCatalogue       *catalogue;

  /* Borrowed */
  const LygIndicator *indicator;

  LygAnswer           answer;
  guint               updating : 1;

  /* Template widgets */
  GtkLabel           *text_label;
  GtkLabel           *weight_label;
  GtkMenuButton      *guidance_button;
  GtkLabel           *guidance_label;
  GtkLabel           *alternative_label;
  GtkToggleButton    *observed_button;
  GtkToggleButton    *reported_button;
  GtkToggleButton    *not_present_button;
  GtkToggleButton    *unknown_button;
  GtkEntry           *note_entry;
};

G_DEFINE_FINAL_TYPE (LygIndicatorRow, lyg_indicator_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const char *
get_weight_badge (LygWeight weight)
{
  switch (weight)
    {
    case LYG_WEIGHT_STRONG:
      return C_("indicator weight", "Strong");
    case LYG_WEIGHT_MEDIUM:
      return C_("indicator weight", "Medium");
    case LYG_WEIGHT_WEAK:
      return C_("indicator weight", "Weak");
    case LYG_WEIGHT_NONE:
    default:
      return NULL;
    }
}

static const char *
get_weight_class (LygWeight weight)
{
  switch (weight)
    {
    case LYG_WEIGHT_STRONG:
      return "strong";
    case LYG_WEIGHT_MEDIUM:
      return "medium";
    case LYG_WEIGHT_WEAK:
      return "weak";
    case LYG_WEIGHT_NONE:
    default:
      return NULL;
    }
}

static GtkToggleButton *
get_button (LygIndicatorRow *self,
            LygAnswer        answer)
{
  switch (answer)
    {
    case LYG_ANSWER_OBSERVED:
      return self->observed_button;
    case LYG_ANSWER_REPORTED:
      return self->reported_button;
    case LYG_ANSWER_NOT_PRESENT:
      return self->not_present_button;
    case LYG_ANSWER_UNKNOWN:
    default:
      return self->unknown_button;
    }
}

static void
update_style (LygIndicatorRow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (lyg_answer_is_present (self->answer))
    gtk_widget_add_css_class (widget, "present");
  else
    gtk_widget_remove_css_class (widget, "present");

  if (self->answer == LYG_ANSWER_NOT_PRESENT)
    gtk_widget_add_css_class (widget, "not-present");
  else
    gtk_widget_remove_css_class (widget, "not-present");
}

static void
set_answer (LygIndicatorRow *self,
            LygAnswer        answer,
            gboolean         notify)
{
  if (self->answer == answer)
    return;

  self->answer = answer;

  self->updating = TRUE;
  gtk_toggle_button_set_active (get_button (self, answer), TRUE);
  self->updating = FALSE;

  update_style (self);

  if (notify)
    g_signal_emit (self, signals [CHANGED], 0);
}

static void
on_answer_button_toggled_cb (LygIndicatorRow *self,
                             GtkToggleButton *button)
{
  LygAnswer answer;

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  if (button == self->observed_button)
    answer = LYG_ANSWER_OBSERVED;
  else if (button == self->reported_button)
    answer = LYG_ANSWER_REPORTED;
  else if (button == self->not_present_button)
    answer = LYG_ANSWER_NOT_PRESENT;
  else
    answer = LYG_ANSWER_UNKNOWN;

  set_answer (self, answer, TRUE);
}

static void
on_note_entry_changed_cb (LygIndicatorRow *self,
                          GtkEditable     *editable)
{
  if (!self->updating)
    g_signal_emit (self, signals [CHANGED], 0);
}

static void
lyg_indicator_row_dispose (GObject *object)
{
  LygIndicatorRow *self = LYG_INDICATOR_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_INDICATOR_ROW);

  self->indicator = NULL;
  g_clear_object (&self->catalogue);

  G_OBJECT_CLASS (lyg_indicator_row_parent_class)->dispose (object);
}

static void
lyg_indicator_row_class_init (LygIndicatorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lyg_indicator_row_dispose;

  /**
   * LygIndicatorRow::changed:
   * @self: a #LygIndicatorRow
   *
   * Emitted when the user changes the answer or the note.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-indicator-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LygIndicatorRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, LygIndicatorRow, weight_label);
  gtk_widget_class_bind_template_child (widget_class, LygIndicatorRow, guidance_button);
  gtk_widget_class_bind_template_child (widget_class, LygIndicatorRow, guidance_label);
  gtk_widget_class_bind_template_child (widget_class, LygIndicatorRow, alternative_label);
  gtk_widget_class_bind_template_child (widget_class, LygIndicatorRow, observed_button);
  gtk_widget_class_bind_template_child (widget_class, LygIndicatorRow, reported_button);
  gtk_widget_class_bind_template_child (widget_class, LygIndicatorRow, not_present_button);
  gtk_widget_class_bind_template_child (widget_class, LygIndicatorRow, unknown_button);
  gtk_widget_class_bind_template_child (widget_class, LygIndicatorRow, note_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_answer_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_note_entry_changed_cb);
}

static void
lyg_indicator_row_init (LygIndicatorRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->answer = LYG_ANSWER_UNKNOWN;
  gtk_widget_add_css_class (GTK_WIDGET (self), "lyg-indicator-row");
}

/**
 * lyg_indicator_row_new:
 * @catalogue: the catalogue @indicator belongs to
 * @indicator: the indicator to answer
 * @lang: "en" or "da": the language of the catalogue texts
 *
 * Returns: (transfer floating): a new #LygIndicatorRow
 */
GtkWidget *
lyg_indicator_row_new (LygCatalogue       *catalogue,
                       const LygIndicator *indicator,
                       const char         *lang)
{
  LygIndicatorRow *self;
  const char *badge;
  const char *guidance;

  g_return_val_if_fail (LYG_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (indicator != NULL, NULL);

  self = g_object_new (LYG_TYPE_INDICATOR_ROW, NULL);
  self->catalogue = g_object_ref (catalogue);
  self->indicator = indicator;

  gtk_label_set_text (self->text_label, lyg_catalogue_text_get (&indicator->text, lang));

  badge = get_weight_badge (indicator->weight);
  gtk_widget_set_visible (GTK_WIDGET (self->weight_label), badge != NULL);
  if (badge != NULL)
    {
      g_autofree char *tooltip = NULL;

      gtk_label_set_text (self->weight_label, badge);
      gtk_widget_add_css_class (GTK_WIDGET (self->weight_label),
                                get_weight_class (indicator->weight));

      if (indicator->alternative_weight != LYG_WEIGHT_NONE)
        {
          /* Translators: the weight of an indicator on which the sources
           * disagree, e.g. "Medium weight (disputed: weak in another reading)" */
          tooltip = g_strdup_printf (_("%s weight (disputed: %s in another reading)"),
                                     badge, lyg_weight_get_label (indicator->alternative_weight));
          gtk_widget_add_css_class (GTK_WIDGET (self->weight_label), "disputed");
        }
      else
        {
          /* Translators: the weight of an indicator, e.g. "Strong weight" */
          tooltip = g_strdup_printf (_("%s weight"), badge);
        }

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->weight_label), tooltip);
    }

  guidance = lyg_catalogue_text_get (&indicator->guidance, lang);
  gtk_label_set_text (self->guidance_label, guidance);
  gtk_widget_set_visible (GTK_WIDGET (self->guidance_button), guidance != NULL && *guidance != '\0');

  if (indicator->alternative_weight != LYG_WEIGHT_NONE)
    {
      g_autofree char *text = NULL;

      /* Translators: shown under an indicator's guidance; the second %s
       * explains why the sources disagree */
      text = g_strdup_printf (_("Disputed weight: another reading gives it %s. %s"),
                              lyg_weight_get_label (indicator->alternative_weight),
                              lyg_catalogue_text_get (&indicator->alternative_note, lang));
      gtk_label_set_text (self->alternative_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->alternative_label), TRUE);
    }

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->text_label, NULL,
                                  -1);

  return GTK_WIDGET (self);
}

const LygIndicator *
lyg_indicator_row_get_indicator (LygIndicatorRow *self)
{
  g_return_val_if_fail (LYG_IS_INDICATOR_ROW (self), NULL);

  return self->indicator;
}

LygAnswer
lyg_indicator_row_get_answer (LygIndicatorRow *self)
{
  g_return_val_if_fail (LYG_IS_INDICATOR_ROW (self), LYG_ANSWER_UNKNOWN);

  return self->answer;
}

/**
 * lyg_indicator_row_set_answer:
 * @self: a #LygIndicatorRow
 * @answer: the answer to show
 *
 * Shows @answer without emitting #LygIndicatorRow::changed.
 */
void
lyg_indicator_row_set_answer (LygIndicatorRow *self,
                              LygAnswer        answer)
{
  g_return_if_fail (LYG_IS_INDICATOR_ROW (self));

  set_answer (self, answer, FALSE);
}

/**
 * lyg_indicator_row_get_note:
 * @self: a #LygIndicatorRow
 *
 * Returns: (nullable): the note, or %NULL when there is none
 */
const char *
lyg_indicator_row_get_note (LygIndicatorRow *self)
{
  const char *text;

  g_return_val_if_fail (LYG_IS_INDICATOR_ROW (self), NULL);

  text = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));

  return *text != '\0' ? text : NULL;
}

void
lyg_indicator_row_set_note (LygIndicatorRow *self,
                            const char      *note)
{
  g_return_if_fail (LYG_IS_INDICATOR_ROW (self));

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note != NULL ? note : "");
  self->updating = FALSE;
}
