/* lyg-training-session.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-training-session"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-training-check-view.h"
#include "lyg-training-presentation.h"
#include "lyg-training-session.h"

/* One practice run: the vignette on the left, the normal screening page
 * (on a fictional screening record in the training vault) on the right,
 * and "Check" to hold the answers against the key.  Like a record page it
 * never removes itself: it emits ::done.
 */
struct _LygTrainingSession
{
  AdwBin                parent_instance;

  /* Owned */
  LygContext           *context;
  LygScenario          *scenario;
  char                 *screening_id;
  LygScenarioCheck     *check;

  /* Borrowed */
  const char           *lang;
  LygScreeningPage     *screening_page;

  /* Template widgets */
  GtkStack             *stack;
  GtkLabel             *title_label;
  GtkLabel             *meta_label;
  GtkLabel             *narrative_label;
  GtkButton            *check_button;
  AdwBin               *screening_bin;
  AdwWindowTitle       *check_title;
  LygTrainingCheckView *check_view;
};

G_DEFINE_FINAL_TYPE (LygTrainingSession, lyg_training_session, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SCENARIO,
  PROP_SCREENING_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  DONE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
on_screening_page_done_cb (LygTrainingSession *self,
                           LygScreeningPage   *page)
{
  g_signal_emit (self, signals [DONE], 0);
}

static void
on_check_button_clicked_cb (LygTrainingSession *self,
                            GtkButton          *button)
{
  g_autoptr(GError) error = NULL;

  if (!lyg_training_session_check (self, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("Cannot Check the Answers"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
on_back_to_screening_clicked_cb (LygTrainingSession *self,
                                 GtkButton          *button)
{
  gtk_stack_set_visible_child_name (self->stack, "screen");
}

static void
on_present_button_clicked_cb (LygTrainingSession *self,
                              GtkButton          *button)
{
  lyg_training_session_present (self);
}

static gboolean
on_present_shortcut_cb (GtkWidget *widget,
                        GVariant  *args,
                        gpointer   user_data)
{
  lyg_training_session_present (LYG_TRAINING_SESSION (widget));

  return TRUE;
}

static void
lyg_training_session_constructed (GObject *object)
{
  LygTrainingSession *self = LYG_TRAINING_SESSION (object);
  LygCatalogueSet *set;
  LygCatalogue *catalogue;
  g_autofree char *meta = NULL;
  GtkWidget *page;

  G_OBJECT_CLASS (lyg_training_session_parent_class)->constructed (object);

  g_assert (LYG_IS_CONTEXT (self->context));
  g_assert (LYG_IS_SCENARIO (self->scenario));

  set = lyg_context_get_catalogues (self->context);
  catalogue = lyg_catalogue_set_lookup (set, lyg_scenario_get_catalogue_id (self->scenario),
                                        lyg_scenario_get_catalogue_version (self->scenario), NULL);

  gtk_label_set_text (self->title_label, lyg_scenario_get_title (self->scenario, self->lang));
  gtk_label_set_text (self->narrative_label,
                      lyg_scenario_get_narrative (self->scenario, self->lang));
  /* Translators: the indicator list and the profile a scenario is screened with */
  meta = g_strdup_printf (_("Screen with: %s · %s"),
                          catalogue ? lyg_catalogue_get_title (catalogue, self->lang)
                                    : lyg_scenario_get_catalogue_id (self->scenario),
                          lyg_profile_get_label (lyg_scenario_get_profile (self->scenario)));
  gtk_label_set_text (self->meta_label, meta);
  adw_window_title_set_subtitle (self->check_title,
                                 lyg_scenario_get_title (self->scenario, self->lang));

  page = lyg_screening_page_new (self->context, self->screening_id, NULL);
  self->screening_page = LYG_SCREENING_PAGE (page);
  g_signal_connect_object (page, "done", G_CALLBACK (on_screening_page_done_cb), self,
                           G_CONNECT_SWAPPED);
  adw_bin_set_child (self->screening_bin, page);
}

static void
lyg_training_session_dispose (GObject *object)
{
  LygTrainingSession *self = LYG_TRAINING_SESSION (object);

  self->screening_page = NULL;
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_TRAINING_SESSION);

  g_clear_object (&self->check);
  g_clear_object (&self->scenario);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lyg_training_session_parent_class)->dispose (object);
}

static void
lyg_training_session_finalize (GObject *object)
{
  LygTrainingSession *self = LYG_TRAINING_SESSION (object);

  g_clear_pointer (&self->screening_id, g_free);

  G_OBJECT_CLASS (lyg_training_session_parent_class)->finalize (object);
}

static void
lyg_training_session_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LygTrainingSession *self = LYG_TRAINING_SESSION (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;

    case PROP_SCREENING_ID:
      g_value_set_string (value, self->screening_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, lyg_scenario_get_title (self->scenario, self->lang));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_training_session_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LygTrainingSession *self = LYG_TRAINING_SESSION (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_SCENARIO:
      self->scenario = g_value_dup_object (value);
      break;

    case PROP_SCREENING_ID:
      self->screening_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_training_session_class_init (LygTrainingSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lyg_training_session_constructed;
  object_class->dispose = lyg_training_session_dispose;
  object_class->finalize = lyg_training_session_finalize;
  object_class->get_property = lyg_training_session_get_property;
  object_class->set_property = lyg_training_session_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LYG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL,
                         LYG_TYPE_SCENARIO,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SCREENING_ID] =
    g_param_spec_string ("screening-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * LygTrainingSession:title:
   *
   * The scenario's title, for the main page's header.
   */
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LygTrainingSession::done:
   *
   * The trainee is finished; the container removes the session.
   */
  signals [DONE] =
    g_signal_new ("done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_F11, 0, on_present_shortcut_cb, NULL);

  g_type_ensure (LYG_TYPE_TRAINING_CHECK_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-training-session.ui");
  gtk_widget_class_bind_template_child (widget_class, LygTrainingSession, stack);
  gtk_widget_class_bind_template_child (widget_class, LygTrainingSession, title_label);
  gtk_widget_class_bind_template_child (widget_class, LygTrainingSession, meta_label);
  gtk_widget_class_bind_template_child (widget_class, LygTrainingSession, narrative_label);
  gtk_widget_class_bind_template_child (widget_class, LygTrainingSession, check_button);
  gtk_widget_class_bind_template_child (widget_class, LygTrainingSession, screening_bin);
  gtk_widget_class_bind_template_child (widget_class, LygTrainingSession, check_title);
  gtk_widget_class_bind_template_child (widget_class, LygTrainingSession, check_view);
  gtk_widget_class_bind_template_callback (widget_class, on_check_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_to_screening_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_present_button_clicked_cb);
}

static void
lyg_training_session_init (LygTrainingSession *self)
{
  self->lang = lyg_catalogue_get_default_language ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lyg_training_session_new:
 * @context: the services of the training vault
 * @scenario: the scenario to practise
 * @screening_id: the fictional screening record the trainee answers in
 *
 * Returns: (transfer floating): a new session
 */
GtkWidget *
lyg_training_session_new (LygContext  *context,
                          LygScenario *scenario,
                          const char  *screening_id)
{
  g_return_val_if_fail (LYG_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (LYG_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (screening_id != NULL, NULL);

  return g_object_new (LYG_TYPE_TRAINING_SESSION,
                       "context", context,
                       "scenario", scenario,
                       "screening-id", screening_id,
                       NULL);
}

/**
 * lyg_training_session_get_scenario:
 * @self: a #LygTrainingSession
 *
 * Returns: (transfer none): the scenario
 */
LygScenario *
lyg_training_session_get_scenario (LygTrainingSession *self)
{
  g_return_val_if_fail (LYG_IS_TRAINING_SESSION (self), NULL);

  return self->scenario;
}

/**
 * lyg_training_session_get_screening_page:
 * @self: a #LygTrainingSession
 *
 * Returns: (transfer none): the screening page the trainee answers in
 */
LygScreeningPage *
lyg_training_session_get_screening_page (LygTrainingSession *self)
{
  g_return_val_if_fail (LYG_IS_TRAINING_SESSION (self), NULL);

  return self->screening_page;
}

/**
 * lyg_training_session_check:
 * @self: a #LygTrainingSession
 * @error: return location for a #GError
 *
 * Compares the answers on the screening page, saved or not, with the key
 * and shows the result.
 *
 * Returns: (transfer none) (nullable): the comparison
 */
LygScenarioCheck *
lyg_training_session_check (LygTrainingSession  *self,
                            GError             **error)
{
  LygScreeningAnswers *answers;
  LygCatalogue *catalogue;
  LygScenarioCheck *check;

  g_return_val_if_fail (LYG_IS_TRAINING_SESSION (self), NULL);

  answers = lyg_screening_page_get_answers (self->screening_page);
  catalogue = lyg_catalogue_set_lookup (lyg_context_get_catalogues (self->context),
                                        lyg_scenario_get_catalogue_id (self->scenario),
                                        lyg_scenario_get_catalogue_version (self->scenario),
                                        error);
  if (answers == NULL || catalogue == NULL)
    {
      if (answers == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("The screening could not be opened"));
      return NULL;
    }

  /* The key is for one catalogue: answers to another one cannot be
   * compared, so switch back first. */
  if (lyg_screening_page_get_catalogue (self->screening_page) != catalogue)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("This scenario is screened with “%s”"),
                   lyg_catalogue_get_title (catalogue, self->lang));
      return NULL;
    }

  if (!(check = lyg_scenario_check_new (self->scenario, catalogue, answers, error)))
    return NULL;

  g_set_object (&self->check, check);
  g_object_unref (check);

  lyg_training_check_view_set_check (self->check_view, self->check, self->lang);
  gtk_stack_set_visible_child_name (self->stack, "check");

  return self->check;
}

/**
 * lyg_training_session_get_check:
 * @self: a #LygTrainingSession
 *
 * Returns: (transfer none) (nullable): the last comparison, if any
 */
LygScenarioCheck *
lyg_training_session_get_check (LygTrainingSession *self)
{
  g_return_val_if_fail (LYG_IS_TRAINING_SESSION (self), NULL);

  return self->check;
}

/**
 * lyg_training_session_present:
 * @self: a #LygTrainingSession
 *
 * Opens presentation mode for the scenario, full screen, with the last
 * check if there is one.
 *
 * Returns: (transfer none): the presentation window
 */
GtkWindow *
lyg_training_session_present (LygTrainingSession *self)
{
  GtkWidget *window;
  GtkRoot *root;

  g_return_val_if_fail (LYG_IS_TRAINING_SESSION (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  window = lyg_training_presentation_new (self->context, self->scenario, self->check);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_fullscreen (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}
