/* lyg-screening-page.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-screening-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-screening-page-private.h"

/* Wider than this, the result sits beside the indicators; narrower, it
 * follows them at the end of the list. */
#define WIDE_LAYOUT_WIDTH 960

#define SETTINGS_SCHEMA_ID "io.github.lygte.Lygte"

G_DEFINE_FINAL_TYPE (LygScreeningPage, lyg_screening_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SCREENING_ID,
  PROP_PERSON_ID,
  PROP_TITLE,
  N_PROPS
};

enum {
  DONE,
  OPEN_RECORD,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

void
_lyg_screening_page_show_toast (LygScreeningPage *self,
                                const char       *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_lyg_screening_page_set_dirty (LygScreeningPage *self,
                               gboolean          dirty)
{
  self->dirty = !!dirty;
}

void
_lyg_screening_page_update_title (LygScreeningPage *self)
{
  const char *title;
  g_autofree char *subtitle = NULL;

  if (self->record != NULL && !lyg_record_is_new (self->record))
    title = _("Screening");
  else
    title = _("New Screening");

  if (self->person_id != NULL)
    {
      LygVault *vault = lyg_context_get_vault (self->context);
      g_autoptr(LygRecord) person = lyg_vault_get_record (vault, self->person_id, NULL);
      const char *alias = person != NULL ? lyg_record_get_string (person, "alias") : NULL;

      if (alias != NULL && *alias != '\0')
        subtitle = g_strdup (alias);
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (g_strcmp0 (self->title, title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
    }
}

void
_lyg_screening_page_rescore (LygScreeningPage *self)
{
  g_autoptr(LygScreeningResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (self->catalogue == NULL)
    return;

  result = lyg_screening_score (self->catalogue, self->profile, self->answers, &error);
  if (result == NULL)
    {
      g_warning ("Could not score the screening: %s", error->message);
      return;
    }

  g_set_object (&self->result, result);
  lyg_screening_result_view_set_result (self->result_view, self->result, self->lang);
  gtk_label_set_text (self->outcome_bar_label, lyg_screening_result_get_outcome_label (result));
}

void
_lyg_screening_page_emit_done (LygScreeningPage *self)
{
  g_signal_emit (self, signals [DONE], 0);
}

void
_lyg_screening_page_emit_open_record (LygScreeningPage *self,
                                      const char       *id)
{
  g_signal_emit (self, signals [OPEN_RECORD], 0, id);
}

static void
on_show_result_button_clicked_cb (LygScreeningPage *self,
                                  GtkButton        *button)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->main_scroller);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->main_scroller);
  double x, y;

  if (gtk_widget_translate_coordinates (GTK_WIDGET (self->narrow_result_box), viewport,
                                        0, 0, &x, &y))
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y);

  gtk_widget_grab_focus (GTK_WIDGET (self->result_view));
}

static void
move_result_view (LygScreeningPage *self,
                  GtkBox           *to)
{
  GtkWidget *view = GTK_WIDGET (self->result_view);
  GtkWidget *from = gtk_widget_get_parent (view);

  if (from == GTK_WIDGET (to))
    return;

  g_object_ref (view);
  gtk_box_remove (GTK_BOX (from), view);
  gtk_box_append (to, view);
  g_object_unref (view);
}

static gboolean
apply_layout_cb (gpointer user_data)
{
  LygScreeningPage *self = user_data;
  gboolean wide = gtk_widget_get_width (GTK_WIDGET (self)) >= WIDE_LAYOUT_WIDTH;

  self->layout_idle = 0;

  if (wide == self->wide)
    return G_SOURCE_REMOVE;

  self->wide = wide;

  move_result_view (self, wide ? self->side_box : self->narrow_result_box);
  gtk_widget_set_visible (GTK_WIDGET (self->side_scroller), wide);
  gtk_widget_set_visible (GTK_WIDGET (self->side_separator), wide);
  gtk_widget_set_visible (GTK_WIDGET (self->narrow_result_box), !wide);
  gtk_revealer_set_reveal_child (self->outcome_bar, !wide);

  return G_SOURCE_REMOVE;
}

static gboolean
load_screening (LygScreeningPage  *self,
                GError           **error)
{
  LygVault *vault = lyg_context_get_vault (self->context);
  LygCatalogueSet *set = lyg_context_get_catalogues (self->context);
  g_autoptr(LygRecord) record = NULL;
  g_autoptr(LygScreeningResult) result = NULL;
  LygCatalogue *catalogue;
  const char *catalogue_id;
  const char *profile;
  const char *person;
  guint version;
  JsonNode *answers;

  if (!(record = lyg_vault_get_record (vault, self->screening_id, error)))
    return FALSE;

  if (g_strcmp0 (lyg_record_get_record_type (record), "screening") != 0)
    {
      g_set_error (error, LYG_RECORD_ERROR, LYG_RECORD_ERROR_MISMATCH,
                   _("The record is not a screening"));
      return FALSE;
    }

  catalogue_id = lyg_record_get_string (record, "catalogue");
  version = (guint)lyg_record_get_int (record, "catalogue_version", 0);
  profile = lyg_record_get_string (record, "profile");
  answers = lyg_record_get_value (record, "answers");

  if (catalogue_id == NULL)
    {
      g_set_error (error, LYG_RECORD_ERROR, LYG_RECORD_ERROR_INVALID,
                   _("The screening names no indicator list"));
      return FALSE;
    }

  /* The catalogue version the screening used, never a newer one, so it
   * comes out as it did when it was made. */
  if (!(catalogue = lyg_catalogue_set_lookup (set, catalogue_id, version, error)))
    return FALSE;

  if (answers == NULL)
    {
      self->answers = lyg_screening_answers_new ();
      result = lyg_screening_score (catalogue, profile, self->answers, error);
    }
  else
    {
      result = lyg_screening_rescore (set, catalogue_id, version, profile, answers, error);
      if (result != NULL)
        self->answers = lyg_screening_answers_copy (lyg_screening_result_get_answers (result));
    }

  if (result == NULL)
    return FALSE;

  person = lyg_record_get_string (record, "person");
  if (self->person_id == NULL && person != NULL)
    self->person_id = g_strdup (person);

  self->record = g_steal_pointer (&record);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row),
                         lyg_record_get_string (self->record, "notes") ?: "");
  self->updating = FALSE;

  _lyg_screening_page_set_catalogue (self, catalogue, lyg_screening_result_get_profile (result));
  g_set_object (&self->result, result);
  lyg_screening_result_view_set_result (self->result_view, self->result, self->lang);
  gtk_label_set_text (self->outcome_bar_label, lyg_screening_result_get_outcome_label (result));

  return TRUE;
}

static LygCatalogue *
get_default_catalogue (LygScreeningPage *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *id = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);

  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (SETTINGS_SCHEMA_ID);

      id = g_settings_get_string (settings, "default-catalogue");
      position = _lyg_screening_page_find_catalogue (self, id);
    }

  if (position == GTK_INVALID_LIST_POSITION)
    position = _lyg_screening_page_find_catalogue (self, "delphi-adult-labour");
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;

  return g_list_model_get_item (G_LIST_MODEL (self->catalogues), position);
}

static void
show_error (LygScreeningPage *self,
            const char       *message)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Cannot Open the Screening"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), message);
  gtk_widget_set_vexpand (status, TRUE);

  adw_toast_overlay_set_child (self->toast_overlay, status);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->refer_button), FALSE);
}

/* The page sizes its child itself instead of through AdwBin's layout
 * manager, to see its width when it is allocated. */
static GtkSizeRequestMode
lyg_screening_page_get_request_mode (GtkWidget *widget)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL)
    return gtk_widget_get_request_mode (child);

  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
lyg_screening_page_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size,
                        minimum, natural, minimum_baseline, natural_baseline);
}

static void
lyg_screening_page_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  LygScreeningPage *self = LYG_SCREENING_PAGE (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);

  /* Moving the result while allocating would allocate again: wait. */
  if ((width >= WIDE_LAYOUT_WIDTH) != self->wide && self->layout_idle == 0)
    self->layout_idle = g_idle_add (apply_layout_cb, self);
}

static void
lyg_screening_page_constructed (GObject *object)
{
  LygScreeningPage *self = LYG_SCREENING_PAGE (object);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (lyg_screening_page_parent_class)->constructed (object);

  g_assert (LYG_IS_CONTEXT (self->context));

  list = lyg_catalogue_set_list (lyg_context_get_catalogues (self->context), FALSE);
  for (guint i = 0; i < list->len; i++)
    g_list_store_append (self->catalogues, g_ptr_array_index (list, i));

  _lyg_screening_page_setup_catalogue_row (self);

  self->updating = TRUE;
  adw_combo_row_set_model (self->catalogue_row, G_LIST_MODEL (self->catalogues));
  self->updating = FALSE;

  if (self->screening_id != NULL)
    {
      if (!load_screening (self, &error))
        {
          show_error (self, error->message);
          _lyg_screening_page_update_title (self);
          return;
        }
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->catalogues)) > 0)
    {
      g_autoptr(LygCatalogue) catalogue = get_default_catalogue (self);

      self->record = lyg_record_new ("screening");
      self->answers = lyg_screening_answers_new ();
      _lyg_screening_page_set_catalogue (self, catalogue, NULL);
      _lyg_screening_page_rescore (self);
    }
  else
    {
      show_error (self, _("No indicator list is installed."));
    }

  _lyg_screening_page_update_title (self);
}

static void
lyg_screening_page_dispose (GObject *object)
{
  LygScreeningPage *self = LYG_SCREENING_PAGE (object);

  g_clear_handle_id (&self->layout_idle, g_source_remove);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_SCREENING_PAGE);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_object (&self->result);
  g_clear_object (&self->answers);
  g_clear_object (&self->pending_catalogue);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->catalogues);
  g_clear_object (&self->record);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lyg_screening_page_parent_class)->dispose (object);
}

static void
lyg_screening_page_finalize (GObject *object)
{
  LygScreeningPage *self = LYG_SCREENING_PAGE (object);

  g_clear_pointer (&self->screening_id, g_free);
  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->profile, g_free);
  g_clear_pointer (&self->profiles, g_strfreev);
  g_clear_pointer (&self->pending_profile, g_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (lyg_screening_page_parent_class)->finalize (object);
}

static void
lyg_screening_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LygScreeningPage *self = LYG_SCREENING_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_SCREENING_ID:
      g_value_set_string (value, self->screening_id);
      break;

    case PROP_PERSON_ID:
      g_value_set_string (value, self->person_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_screening_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LygScreeningPage *self = LYG_SCREENING_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_SCREENING_ID:
      self->screening_id = g_value_dup_string (value);
      break;

    case PROP_PERSON_ID:
      self->person_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_screening_page_class_init (LygScreeningPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lyg_screening_page_constructed;
  object_class->dispose = lyg_screening_page_dispose;
  object_class->finalize = lyg_screening_page_finalize;
  object_class->get_property = lyg_screening_page_get_property;
  object_class->set_property = lyg_screening_page_set_property;

  widget_class->get_request_mode = lyg_screening_page_get_request_mode;
  widget_class->measure = lyg_screening_page_measure;
  widget_class->size_allocate = lyg_screening_page_size_allocate;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LYG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SCREENING_ID] =
    g_param_spec_string ("screening-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PERSON_ID] =
    g_param_spec_string ("person-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LygScreeningPage::done:
   * @self: a #LygScreeningPage
   *
   * Emitted after the screening was saved or the user cancelled.  The
   * container removes the page.
   */
  signals [DONE] =
    g_signal_new ("done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  /**
   * LygScreeningPage::open-record:
   * @self: a #LygScreeningPage
   * @id: the id of the record to open
   *
   * Emitted after "Refer…" created a referral, so the container can open
   * it in its editor.
   */
  signals [OPEN_RECORD] =
    g_signal_new ("open-record",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (LYG_TYPE_SCREENING_RESULT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-screening-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LygScreeningPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningPage, refer_button);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningPage, body_box);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningPage, main_scroller);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningPage, main_box);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningPage, setup_group);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningPage, catalogue_row);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningPage, profile_row);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningPage, notes_row);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningPage, version_label);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningPage, dimensions_box);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningPage, narrow_result_box);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningPage, side_separator);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningPage, side_scroller);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningPage, side_box);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningPage, result_view);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningPage, outcome_bar);
  gtk_widget_class_bind_template_child (widget_class, LygScreeningPage, outcome_bar_label);
  gtk_widget_class_bind_template_callback (widget_class, on_show_result_button_clicked_cb);

  _lyg_screening_page_class_actions_init (klass);
}

static void
lyg_screening_page_init (LygScreeningPage *self)
{
  /* Before the template: its combo rows notify as they are built. */
  self->updating = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  self->updating = FALSE;
  self->wide = TRUE;
  self->lang = lyg_catalogue_get_default_language ();
  self->catalogues = g_list_store_new (LYG_TYPE_CATALOGUE);
  self->rows = g_ptr_array_new ();
  self->groups = g_ptr_array_new ();
}

/**
 * lyg_screening_page_new:
 * @context: the services of the open vault
 * @screening_id: (nullable): the screening to open, or %NULL for a new one
 * @person_id: (nullable): the person screened
 *
 * Returns: (transfer floating): a new #LygScreeningPage
 */
GtkWidget *
lyg_screening_page_new (LygContext *context,
                        const char *screening_id,
                        const char *person_id)
{
  g_return_val_if_fail (LYG_IS_CONTEXT (context), NULL);

  return g_object_new (LYG_TYPE_SCREENING_PAGE,
                       "context", context,
                       "screening-id", screening_id,
                       "person-id", person_id,
                       NULL);
}

const char *
lyg_screening_page_get_title (LygScreeningPage *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_PAGE (self), NULL);

  return self->title;
}

/**
 * lyg_screening_page_get_screening_id:
 * @self: a #LygScreeningPage
 *
 * Returns: (nullable): the id of the screening, once it is saved
 */
const char *
lyg_screening_page_get_screening_id (LygScreeningPage *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_PAGE (self), NULL);

  return self->screening_id;
}

const char *
lyg_screening_page_get_person_id (LygScreeningPage *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_PAGE (self), NULL);

  return self->person_id;
}

/**
 * lyg_screening_page_get_answers:
 * @self: a #LygScreeningPage
 *
 * Returns: (transfer none) (nullable): the answers as they stand on the
 *   page, saved or not, or %NULL when the screening could not be opened
 */
LygScreeningAnswers *
lyg_screening_page_get_answers (LygScreeningPage *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_PAGE (self), NULL);

  return self->answers;
}

/**
 * lyg_screening_page_get_catalogue:
 * @self: a #LygScreeningPage
 *
 * Returns: (transfer none) (nullable): the catalogue being answered
 */
LygCatalogue *
lyg_screening_page_get_catalogue (LygScreeningPage *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_PAGE (self), NULL);

  return self->catalogue;
}
