/* lyg-training-presentation.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-training-presentation"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-training-presentation.h"

/* Presentation mode for a projector: full screen, large type, high
 * contrast, one slide at a time.  The first slide is the vignette, then
 * one slide per dimension (indicator group) the scenario touches, then the
 * outcome.  The key stays hidden until the trainer shows it, so the room
 * can answer first.
 */
struct _LygTrainingPresentation
{
  AdwWindow           parent_instance;

  /* Owned */
  LygContext         *context;
  LygScenario        *scenario;
  LygScenarioCheck   *check;
  LygScreeningResult *expected;
  GArray             *dimensions;   /* (element-type guint) catalogue indexes shown */

  /* Borrowed */
  LygCatalogue       *catalogue;
  const char         *lang;

  guint               slide;
  guint               show_key : 1;

  /* Template widgets */
  GtkLabel           *title_label;
  GtkBox             *content_box;
  GtkButton          *previous_button;
  GtkButton          *next_button;
  GtkLabel           *position_label;
  GtkToggleButton    *key_button;
};

G_DEFINE_FINAL_TYPE (LygTrainingPresentation, lyg_training_presentation, ADW_TYPE_WINDOW)

static GtkWidget *
add_label (LygTrainingPresentation *self,
           const char              *text,
           const char              *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (self->content_box, label);

  return label;
}

static void
clear_content (LygTrainingPresentation *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_box))))
    gtk_box_remove (self->content_box, child);
}

/* An indicator belongs on a slide when the key names it or, after a
 * check, the trainee marked it present. */
static gboolean
is_relevant (LygTrainingPresentation *self,
             const LygIndicator      *indicator)
{
  if (lyg_scenario_lookup_key (self->scenario, indicator->id) != NULL)
    return TRUE;

  if (self->check != NULL)
    {
      LygScreeningResult *result = lyg_scenario_check_get_result (self->check);
      LygScreeningAnswers *answers = lyg_screening_result_get_answers (result);

      return lyg_answer_is_present (lyg_screening_answers_get (answers, indicator->id, NULL));
    }

  return FALSE;
}

static void
show_indicator (LygTrainingPresentation *self,
                const LygIndicator      *indicator)
{
  const LygScenarioKey *key = lyg_scenario_lookup_key (self->scenario, indicator->id);
  g_autofree char *line = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label;

  gtk_box_append (self->content_box, box);

  line = g_strdup_printf ("• %s", lyg_catalogue_text_get (&indicator->text, self->lang));
  label = gtk_label_new (line);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "presentation-text");
  gtk_box_append (GTK_BOX (box), label);

  if (!self->show_key)
    return;

  if (key != NULL)
    {
      g_autofree char *answer = g_strdup_printf ("%s — %s", lyg_answer_get_label (key->answer),
                                                 lyg_catalogue_text_get (&key->explanation,
                                                                         self->lang));

      label = gtk_label_new (answer);
      gtk_widget_add_css_class (label, lyg_answer_is_present (key->answer)
                                       ? "presentation-present" : "presentation-absent");
    }
  else
    {
      label = gtk_label_new (_("Not in the vignette"));
      gtk_widget_add_css_class (label, "presentation-absent");
    }

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "presentation-small");
  gtk_widget_set_margin_start (label, 36);
  gtk_box_append (GTK_BOX (box), label);

  /* After a check, the trainee's own answer, to talk about the difference. */
  if (self->check != NULL)
    {
      LygScreeningResult *result = lyg_scenario_check_get_result (self->check);
      LygAnswer given = lyg_screening_answers_get (lyg_screening_result_get_answers (result),
                                                   indicator->id, NULL);
      g_autofree char *yours = g_strdup_printf (_("Trainee: %s"), lyg_answer_get_label (given));

      label = gtk_label_new (yours);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "presentation-small");
      gtk_widget_set_margin_start (label, 36);
      gtk_box_append (GTK_BOX (box), label);
    }
}

static void
show_dimension (LygTrainingPresentation *self,
                guint                    index)
{
  const LygDimension *dimension = lyg_catalogue_get_dimension (self->catalogue, index);

  gtk_label_set_text (self->title_label, lyg_catalogue_text_get (&dimension->title, self->lang));

  for (guint i = 0; i < lyg_catalogue_get_n_indicators (self->catalogue); i++)
    {
      const LygIndicator *indicator = lyg_catalogue_get_indicator (self->catalogue, i);

      if (indicator->dimension == dimension && is_relevant (self, indicator))
        show_indicator (self, indicator);
    }
}

static void
show_outcome (LygTrainingPresentation *self)
{
  gtk_label_set_text (self->title_label, _("Outcome"));

  if (self->check != NULL)
    {
      g_autofree char *yours = NULL;

      yours = g_strdup_printf (_("Your answers: %s"),
                               lyg_screening_result_get_outcome_label (
                                 lyg_scenario_check_get_result (self->check)));
      add_label (self, yours, "presentation-text");
    }

  if (self->show_key)
    {
      g_autofree char *key = g_strdup_printf (_("Answer key: %s"),
                                              lyg_screening_result_get_outcome_label (self->expected));
      g_autofree char *why = lyg_screening_result_dup_explanation (self->expected, self->lang);

      add_label (self, key, "presentation-present");
      add_label (self, why, "presentation-small");
    }
  else
    {
      add_label (self, _("What would you conclude, and what is the next step?"),
                 "presentation-text");
    }

  add_label (self, lyg_screening_get_disclaimer (), "presentation-small");
}

static void
update (LygTrainingPresentation *self)
{
  guint n_slides = lyg_training_presentation_get_n_slides (self);
  g_autofree char *position = NULL;

  clear_content (self);

  if (self->slide == 0)
    {
      gtk_label_set_text (self->title_label, lyg_scenario_get_title (self->scenario, self->lang));
      add_label (self, lyg_scenario_get_narrative (self->scenario, self->lang),
                 "presentation-text");
    }
  else if (self->slide <= self->dimensions->len)
    {
      show_dimension (self, g_array_index (self->dimensions, guint, self->slide - 1));
    }
  else
    {
      show_outcome (self);
    }

  /* Translators: slide number and number of slides */
  position = g_strdup_printf (_("%u / %u"), self->slide + 1, n_slides);
  gtk_label_set_text (self->position_label, position);
  gtk_widget_set_sensitive (GTK_WIDGET (self->previous_button), self->slide > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), self->slide + 1 < n_slides);
}

static void
on_previous_button_clicked_cb (LygTrainingPresentation *self,
                               GtkButton               *button)
{
  if (self->slide > 0)
    lyg_training_presentation_set_slide (self, self->slide - 1);
}

static void
on_next_button_clicked_cb (LygTrainingPresentation *self,
                           GtkButton               *button)
{
  lyg_training_presentation_set_slide (self, self->slide + 1);
}

static void
on_key_button_toggled_cb (LygTrainingPresentation *self,
                          GtkToggleButton         *button)
{
  lyg_training_presentation_set_show_key (self, gtk_toggle_button_get_active (button));
}

static gboolean
on_move_shortcut_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  LygTrainingPresentation *self = LYG_TRAINING_PRESENTATION (widget);
  int delta = g_variant_get_int32 (args);

  if (delta < 0 && self->slide > 0)
    lyg_training_presentation_set_slide (self, self->slide - 1);
  else if (delta > 0)
    lyg_training_presentation_set_slide (self, self->slide + 1);

  return TRUE;
}

static gboolean
on_key_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  LygTrainingPresentation *self = LYG_TRAINING_PRESENTATION (widget);

  gtk_toggle_button_set_active (self->key_button, !self->show_key);

  return TRUE;
}

static gboolean
on_fullscreen_shortcut_cb (GtkWidget *widget,
                           GVariant  *args,
                           gpointer   user_data)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_fullscreen (GTK_WINDOW (widget));

  return TRUE;
}

static void
lyg_training_presentation_dispose (GObject *object)
{
  LygTrainingPresentation *self = LYG_TRAINING_PRESENTATION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_TRAINING_PRESENTATION);

  g_clear_object (&self->check);
  g_clear_object (&self->expected);
  g_clear_object (&self->scenario);
  g_clear_object (&self->context);
  g_clear_pointer (&self->dimensions, g_array_unref);

  G_OBJECT_CLASS (lyg_training_presentation_parent_class)->dispose (object);
}

static void
lyg_training_presentation_class_init (LygTrainingPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lyg_training_presentation_dispose;

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, on_move_shortcut_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Down, 0, on_move_shortcut_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, on_move_shortcut_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, on_move_shortcut_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Up, 0, on_move_shortcut_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_k, 0, on_key_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F11, 0, on_fullscreen_shortcut_cb, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-training-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, LygTrainingPresentation, title_label);
  gtk_widget_class_bind_template_child (widget_class, LygTrainingPresentation, content_box);
  gtk_widget_class_bind_template_child (widget_class, LygTrainingPresentation, previous_button);
  gtk_widget_class_bind_template_child (widget_class, LygTrainingPresentation, next_button);
  gtk_widget_class_bind_template_child (widget_class, LygTrainingPresentation, position_label);
  gtk_widget_class_bind_template_child (widget_class, LygTrainingPresentation, key_button);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_key_button_toggled_cb);
}

static void
lyg_training_presentation_init (LygTrainingPresentation *self)
{
  self->lang = lyg_catalogue_get_default_language ();
  self->dimensions = g_array_new (FALSE, FALSE, sizeof (guint));

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lyg_training_presentation_new:
 * @context: the services of the training vault
 * @scenario: the scenario to present
 * @check: (nullable): the trainee's last check, to show their answers too
 *
 * Returns: (transfer none): a new presentation window, not yet shown
 */
GtkWidget *
lyg_training_presentation_new (LygContext       *context,
                               LygScenario      *scenario,
                               LygScenarioCheck *check)
{
  LygTrainingPresentation *self;
  g_autoptr(LygScreeningAnswers) key = NULL;

  g_return_val_if_fail (LYG_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (LYG_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (!check || LYG_IS_SCENARIO_CHECK (check), NULL);

  self = g_object_new (LYG_TYPE_TRAINING_PRESENTATION, NULL);
  self->context = g_object_ref (context);
  self->scenario = g_object_ref (scenario);
  self->check = check ? g_object_ref (check) : NULL;

  /* Shipped and imported packs are validated against these catalogues. */
  self->catalogue = lyg_catalogue_set_lookup (lyg_context_get_catalogues (context),
                                              lyg_scenario_get_catalogue_id (scenario),
                                              lyg_scenario_get_catalogue_version (scenario), NULL);
  g_assert (self->catalogue != NULL);

  key = lyg_scenario_dup_key_answers (scenario);
  self->expected = lyg_screening_score (self->catalogue, lyg_scenario_get_profile (scenario), key,
                                        NULL);
  g_assert (self->expected != NULL);

  for (guint d = 0; d < lyg_catalogue_get_n_dimensions (self->catalogue); d++)
    {
      const LygDimension *dimension = lyg_catalogue_get_dimension (self->catalogue, d);

      for (guint i = 0; i < lyg_catalogue_get_n_indicators (self->catalogue); i++)
        {
          const LygIndicator *indicator = lyg_catalogue_get_indicator (self->catalogue, i);

          if (indicator->dimension == dimension && is_relevant (self, indicator))
            {
              g_array_append_val (self->dimensions, d);
              break;
            }
        }
    }

  update (self);

  return GTK_WIDGET (self);
}

guint
lyg_training_presentation_get_n_slides (LygTrainingPresentation *self)
{
  g_return_val_if_fail (LYG_IS_TRAINING_PRESENTATION (self), 0);

  /* The vignette, the dimensions, the outcome. */
  return self->dimensions->len + 2;
}

guint
lyg_training_presentation_get_slide (LygTrainingPresentation *self)
{
  g_return_val_if_fail (LYG_IS_TRAINING_PRESENTATION (self), 0);

  return self->slide;
}

void
lyg_training_presentation_set_slide (LygTrainingPresentation *self,
                                     guint                    slide)
{
  g_return_if_fail (LYG_IS_TRAINING_PRESENTATION (self));

  slide = MIN (slide, lyg_training_presentation_get_n_slides (self) - 1);
  if (slide == self->slide)
    return;

  self->slide = slide;
  update (self);
}

void
lyg_training_presentation_set_show_key (LygTrainingPresentation *self,
                                        gboolean                 show_key)
{
  g_return_if_fail (LYG_IS_TRAINING_PRESENTATION (self));

  show_key = !!show_key;
  if (show_key == self->show_key)
    return;

  self->show_key = show_key;
  if (gtk_toggle_button_get_active (self->key_button) != show_key)
    gtk_toggle_button_set_active (self->key_button, show_key);
  update (self);
}
