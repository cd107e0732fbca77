/* lyg-screening-page.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-screening-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-indicator-row.h"
#include "lyg-screening.h"
#include "lyg-screening-page.h"
#include "lyg-screening-result-view.h"

/* Wider than this, the result sits beside the indicators; narrower, it
 * follows them at the end of the list. */
#define WIDE_LAYOUT_WIDTH 960

#define SETTINGS_SCHEMA_ID "io.github.lygte.Lygte"

/* A screening: pick a catalogue and profile, answer its indicators, read
 * the engine's result as it changes, save it as a `screening` record and,
 * with consent, refer the person.  The page never removes itself: it
 * emits ::done and its container does.
 */
struct _LygScreeningPage
{
  AdwBin                  parent_instance;

  /* Owned */
  LygContext             *context;
  char                   *screening_id;
  char                   *person_id;
  char                   *title;
  LygRecord              *record;
  LygCatalogue           *catalogue;
  char                   *profile;
  char                  **profiles;
  LygScreeningAnswers    *answers;
  LygScreeningResult     *result;
  GListStore             *catalogues;
  GPtrArray              *rows;        /* (element-type LygIndicatorRow) */
  GPtrArray              *groups;      /* (element-type GtkBox) */
  LygCatalogue           *pending_catalogue;
  char                   *pending_profile;
  char                   *error;

  /* Borrowed */
  const char             *lang;

  guint                   layout_idle;
  guint                   updating : 1;
  guint                   dirty : 1;
  guint                   wide : 1;

  /* Template widgets */
  AdwWindowTitle         *window_title;
  GtkButton              *cancel_button;
  GtkButton              *save_button;
  GtkButton              *refer_button;
  AdwToastOverlay        *toast_overlay;
  GtkBox                 *body_box;
  GtkScrolledWindow      *main_scroller;
  GtkBox                 *main_box;
  AdwPreferencesGroup    *setup_group;
  AdwComboRow            *catalogue_row;
  AdwComboRow            *profile_row;
  AdwEntryRow            *notes_row;
  GtkLabel               *version_label;
  GtkBox                 *dimensions_box;
  GtkBox                 *narrow_result_box;
  GtkSeparator           *side_separator;
  GtkScrolledWindow      *side_scroller;
  GtkBox                 *side_box;
  LygScreeningResultView *result_view;
  GtkRevealer            *outcome_bar;
  GtkLabel               *outcome_bar_label;
};

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

static void
show_toast (LygScreeningPage *self,
            const char       *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
get_catalogue_title_cb (LygCatalogue *catalogue,
                        gpointer      user_data)
{
  const char *lang = user_data;

  if (catalogue == NULL)
    return NULL;

  return g_strdup (lyg_catalogue_get_title (catalogue, lang));
}

static char *
dup_catalogue_source (LygCatalogue *catalogue)
{
  const char *document = lyg_catalogue_get_source_document (catalogue);
  const char *publisher = lyg_catalogue_get_source_publisher (catalogue);
  guint year = lyg_catalogue_get_source_year (catalogue);

  if (year > 0)
    /* Translators: a catalogue's source: document, publisher, year */
    return g_strdup_printf (_("%s — %s, %u"), document, publisher, year);

  /* Translators: a catalogue's source: document, publisher */
  return g_strdup_printf (_("%s — %s"), document, publisher);
}

static void
on_catalogue_item_setup_cb (GtkSignalListItemFactory *factory,
                            GtkListItem              *item,
                            gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *source = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 50);
  gtk_label_set_xalign (GTK_LABEL (source), 0);
  gtk_label_set_wrap (GTK_LABEL (source), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (source), 50);
  gtk_widget_add_css_class (source, "dim-label");
  gtk_widget_add_css_class (source, "caption");
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), source);
  gtk_list_item_set_child (item, box);
}

static void
on_catalogue_item_bind_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *item,
                           gpointer                  user_data)
{
  const char *lang = user_data;
  LygCatalogue *catalogue = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *source = gtk_widget_get_next_sibling (title);
  g_autofree char *text = dup_catalogue_source (catalogue);

  gtk_label_set_text (GTK_LABEL (title), lyg_catalogue_get_title (catalogue, lang));
  gtk_label_set_text (GTK_LABEL (source), text);
}

static guint
find_catalogue (LygScreeningPage *self,
                const char       *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->catalogues));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LygCatalogue) catalogue = g_list_model_get_item (G_LIST_MODEL (self->catalogues), i);

      if (g_strcmp0 (lyg_catalogue_get_id (catalogue), id) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
set_dirty (LygScreeningPage *self,
           gboolean          dirty)
{
  self->dirty = !!dirty;
}

static void
update_title (LygScreeningPage *self)
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

static void
rescore (LygScreeningPage *self)
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
on_indicator_row_changed_cb (LygScreeningPage *self,
                             LygIndicatorRow  *row)
{
  const LygIndicator *indicator = lyg_indicator_row_get_indicator (row);

  lyg_screening_answers_set (self->answers,
                             indicator->id,
                             lyg_indicator_row_get_answer (row),
                             lyg_indicator_row_get_note (row));
  set_dirty (self, TRUE);
  rescore (self);
}

static void
clear_groups (LygScreeningPage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->dimensions_box, g_ptr_array_index (self->groups, i));

  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->rows, 0);
}

/* A titled boxed list per dimension.  Not an AdwPreferencesGroup: its
 * title does not wrap, and dimension titles are long. */
static GtkWidget *
create_group (LygScreeningPage   *self,
              const LygDimension *dimension,
              GtkWidget         **list)
{
  g_autofree char *count = NULL;
  GtkWidget *group;
  GtkWidget *title;
  GtkWidget *caption;

  group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (group, "lyg-dimension-group");

  title = gtk_label_new (lyg_catalogue_text_get (&dimension->title, self->lang));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                  -1);
  gtk_box_append (GTK_BOX (group), title);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u indicator", "%u indicators",
                                        dimension->n_indicators),
                           dimension->n_indicators);
  caption = gtk_label_new (count);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_set_margin_top (caption, 2);
  gtk_box_append (GTK_BOX (group), caption);

  *list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (*list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (*list, "boxed-list");
  gtk_widget_set_margin_top (*list, 12);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (*list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (group), *list);

  return group;
}

static void
build_groups (LygScreeningPage *self)
{
  guint n_dimensions = lyg_catalogue_get_n_dimensions (self->catalogue);
  guint n_indicators = lyg_catalogue_get_n_indicators (self->catalogue);
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  clear_groups (self);

  for (guint i = 0; i < n_dimensions; i++)
    {
      const LygDimension *dimension = lyg_catalogue_get_dimension (self->catalogue, i);
      GtkWidget *list = NULL;
      GtkWidget *group = create_group (self, dimension, &list);

      gtk_box_append (self->dimensions_box, group);
      g_ptr_array_add (self->groups, group);
      g_ptr_array_add (lists, list);
    }

  for (guint i = 0; i < n_indicators; i++)
    {
      const LygIndicator *indicator = lyg_catalogue_get_indicator (self->catalogue, i);
      GtkWidget *list = g_ptr_array_index (lists, indicator->dimension->index);
      GtkWidget *row = lyg_indicator_row_new (self->catalogue, indicator, self->lang);
      const char *note = NULL;
      LygAnswer answer = lyg_screening_answers_get (self->answers, indicator->id, &note);

      lyg_indicator_row_set_answer (LYG_INDICATOR_ROW (row), answer);
      lyg_indicator_row_set_note (LYG_INDICATOR_ROW (row), note);
      g_signal_connect_object (row, "changed",
                               G_CALLBACK (on_indicator_row_changed_cb),
                               self, G_CONNECT_SWAPPED);

      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
update_profile_row (LygScreeningPage *self)
{
  const char * const *profiles = lyg_catalogue_get_profiles (self->catalogue);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_strfreev (self->profiles);
  self->profiles = g_strdupv ((char **)profiles);

  for (guint i = 0; profiles[i] != NULL; i++)
    {
      const char *label = lyg_profile_get_label (profiles[i]);

      gtk_string_list_append (labels, label != NULL ? label : profiles[i]);
      if (g_strcmp0 (profiles[i], self->profile) == 0)
        selected = i;
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->profile_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->profile_row, selected);
  self->updating = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->profile_row), g_strv_length (self->profiles) > 1);
}

static void
update_version_label (LygScreeningPage *self)
{
  LygCatalogueSet *set = lyg_context_get_catalogues (self->context);
  LygCatalogue *latest = lyg_catalogue_set_lookup (set, lyg_catalogue_get_id (self->catalogue),
                                                   0, NULL);
  guint version = lyg_catalogue_get_version (self->catalogue);

  if (latest != NULL && lyg_catalogue_get_version (latest) > version)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (_("Scored with version %u of this list, as when the screening "
                                "was made. A newer version (%u) exists; a new screening "
                                "uses it."),
                              version, lyg_catalogue_get_version (latest));
      gtk_label_set_text (self->version_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->version_label), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->version_label), FALSE);
    }
}

/* Shows @catalogue with @profile (its default when NULL), keeping the
 * answers that name its indicators. */
static void
set_catalogue (LygScreeningPage *self,
               LygCatalogue     *catalogue,
               const char       *profile)
{
  g_autofree char *source = NULL;
  g_autofree char *description = NULL;
  guint position;

  g_assert (LYG_IS_CATALOGUE (catalogue));

  if (profile == NULL || !lyg_catalogue_has_profile (catalogue, profile))
    profile = lyg_catalogue_get_default_profile (catalogue);

  g_set_object (&self->catalogue, catalogue);
  g_free (self->profile);
  self->profile = g_strdup (profile);

  position = find_catalogue (self, lyg_catalogue_get_id (catalogue));
  if (position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(LygCatalogue) shown = g_list_model_get_item (G_LIST_MODEL (self->catalogues),
                                                             position);

      /* An old screening shows the version it was made with. */
      if (shown != catalogue)
        g_list_store_splice (self->catalogues, position, 1, (gpointer *)&catalogue, 1);

      self->updating = TRUE;
      adw_combo_row_set_selected (self->catalogue_row, position);
      self->updating = FALSE;
    }

  source = dup_catalogue_source (catalogue);
  /* Translators: the source of the indicator list */
  description = g_strdup_printf (_("Source: %s"), source);
  adw_preferences_group_set_description (self->setup_group, description);

  update_profile_row (self);
  update_version_label (self);
  build_groups (self);
}

static void
apply_pending_change (LygScreeningPage *self)
{
  if (self->pending_catalogue != NULL)
    {
      g_autoptr(LygCatalogue) catalogue = g_steal_pointer (&self->pending_catalogue);

      g_clear_object (&self->answers);
      self->answers = lyg_screening_answers_new ();
      set_catalogue (self, catalogue, NULL);
      set_dirty (self, TRUE);
      rescore (self);
    }
  else if (self->pending_profile != NULL)
    {
      g_free (self->profile);
      self->profile = g_steal_pointer (&self->pending_profile);
      set_dirty (self, TRUE);
      rescore (self);
    }
}

static void
revert_pending_change (LygScreeningPage *self)
{
  g_clear_object (&self->pending_catalogue);
  g_clear_pointer (&self->pending_profile, g_free);

  self->updating = TRUE;

  adw_combo_row_set_selected (self->catalogue_row,
                              find_catalogue (self, lyg_catalogue_get_id (self->catalogue)));

  for (guint i = 0; self->profiles != NULL && self->profiles[i] != NULL; i++)
    if (g_strcmp0 (self->profiles[i], self->profile) == 0)
      adw_combo_row_set_selected (self->profile_row, i);

  self->updating = FALSE;
}

static void
on_change_dialog_response_cb (LygScreeningPage *self,
                              const char       *response,
                              AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "change") == 0)
    apply_pending_change (self);
  else
    revert_pending_change (self);
}

/* Asks before a change of catalogue or profile would touch answers. */
static void
confirm_pending_change (LygScreeningPage *self)
{
  GtkWidget *dialog;
  const char *heading;
  const char *body;
  const char *label;

  if (lyg_screening_answers_get_size (self->answers) == 0)
    {
      apply_pending_change (self);
      return;
    }

  if (self->pending_catalogue != NULL)
    {
      heading = _("Change Indicator List?");
      body = _("The answers given so far belong to the current list and will be "
               "discarded.");
      label = _("_Change and Discard Answers");
    }
  else
    {
      heading = _("Change Profile?");
      body = _("The answers are kept, but the result is worked out again with the "
               "rule for the new profile.");
      label = _("_Change Profile");
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "change", label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change",
                                              self->pending_catalogue != NULL
                                              ? ADW_RESPONSE_DESTRUCTIVE
                                              : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_change_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_catalogue_row_selected_cb (LygScreeningPage *self,
                              GParamSpec       *pspec,
                              AdwComboRow      *row)
{
  LygCatalogue *catalogue;

  if (self->updating || self->catalogue == NULL)
    return;

  catalogue = adw_combo_row_get_selected_item (row);
  if (catalogue == NULL || catalogue == self->catalogue)
    return;

  g_clear_pointer (&self->pending_profile, g_free);
  g_set_object (&self->pending_catalogue, catalogue);
  confirm_pending_change (self);
}

static void
on_profile_row_selected_cb (LygScreeningPage *self,
                            GParamSpec       *pspec,
                            AdwComboRow      *row)
{
  guint selected;

  if (self->updating || self->profiles == NULL)
    return;

  selected = adw_combo_row_get_selected (row);
  if (selected >= g_strv_length (self->profiles) ||
      g_strcmp0 (self->profiles[selected], self->profile) == 0)
    return;

  g_clear_object (&self->pending_catalogue);
  g_free (self->pending_profile);
  self->pending_profile = g_strdup (self->profiles[selected]);
  confirm_pending_change (self);
}

static void
on_notes_row_changed_cb (LygScreeningPage *self,
                         GtkEditable      *editable)
{
  if (!self->updating)
    set_dirty (self, TRUE);
}

/* Writes the screening into the vault, without leaving the page. */
static gboolean
save_screening (LygScreeningPage  *self,
                GError           **error)
{
  LygVault *vault = lyg_context_get_vault (self->context);
  g_autoptr(JsonNode) answers = NULL;
  g_autoptr(JsonNode) result = NULL;
  const char *notes;

  g_assert (self->catalogue != NULL);
  g_assert (self->result != NULL);

  answers = lyg_screening_answers_to_json (self->answers);
  result = lyg_screening_result_to_json (self->result, self->lang);
  notes = gtk_editable_get_text (GTK_EDITABLE (self->notes_row));

  lyg_record_set_string (self->record, "catalogue", lyg_catalogue_get_id (self->catalogue));
  lyg_record_set_int (self->record, "catalogue_version",
                      lyg_catalogue_get_version (self->catalogue));
  lyg_record_set_string (self->record, "profile", self->profile);
  lyg_record_set_value (self->record, "answers", answers);
  lyg_record_set_value (self->record, "result", result);

  if (lyg_record_get_string (self->record, "date") == NULL)
    {
      g_autofree char *today = dup_today ();

      lyg_record_set_string (self->record, "date", today);
    }

  if (self->person_id != NULL)
    lyg_record_set_string (self->record, "person", self->person_id);

  if (*notes != '\0')
    lyg_record_set_string (self->record, "notes", notes);
  else if (lyg_record_has_field (self->record, "notes"))
    lyg_record_unset (self->record, "notes");

  if (!lyg_vault_save_record (vault, self->record, error))
    return FALSE;

  g_free (self->screening_id);
  self->screening_id = g_strdup (lyg_record_get_id (self->record));
  set_dirty (self, FALSE);
  update_title (self);

  return TRUE;
}

static void
on_save_button_clicked_cb (LygScreeningPage *self,
                           GtkButton        *button)
{
  g_autoptr(GError) error = NULL;

  if (self->catalogue == NULL)
    return;

  if (!save_screening (self, &error))
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("Could not save the screening: %s"), error->message);
      show_toast (self, message);
      return;
    }

  g_signal_emit (self, signals [DONE], 0);
}

static void
on_discard_dialog_response_cb (LygScreeningPage *self,
                               const char       *response,
                               AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "discard") == 0)
    g_signal_emit (self, signals [DONE], 0);
}

static void
on_cancel_button_clicked_cb (LygScreeningPage *self,
                             GtkButton        *button)
{
  GtkWidget *dialog;

  if (!self->dirty)
    {
      g_signal_emit (self, signals [DONE], 0);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Discard Changes?"),
                                   _("The answers and notes of this screening have not been "
                                     "saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_discard_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Creates the referral for consent given by @consent_by ("person" or
 * "representative"), after saving the screening it points to. */
static char *
create_referral (LygScreeningPage  *self,
                 const char        *consent_by,
                 GError           **error)
{
  LygVault *vault = lyg_context_get_vault (self->context);
  g_autoptr(LygRecord) referral = NULL;
  g_autofree char *today = dup_today ();

  if (!save_screening (self, error))
    return NULL;

  referral = lyg_record_new ("referral");
  lyg_record_set_string (referral, "target", "identification_centre");
  if (self->person_id != NULL)
    lyg_record_set_string (referral, "person", self->person_id);
  lyg_record_set_string (referral, "screening", lyg_record_get_id (self->record));
  lyg_record_set_string (referral, "date", today);
  lyg_record_set_boolean (referral, "consent", TRUE);
  lyg_record_set_string (referral, "consent_by", consent_by);
  lyg_record_set_string (referral, "outcome", "pending");

  if (!lyg_vault_save_record (vault, referral, error))
    return NULL;

  return g_strdup (lyg_record_get_id (referral));
}

static const char *
get_consent_by (AdwMessageDialog *dialog)
{
  GtkCheckButton *person = g_object_get_data (G_OBJECT (dialog), "consent-person");
  GtkCheckButton *representative = g_object_get_data (G_OBJECT (dialog), "consent-representative");

  if (gtk_check_button_get_active (person))
    return "person";
  if (gtk_check_button_get_active (representative))
    return "representative";

  return NULL;
}

static void
on_consent_button_toggled_cb (AdwMessageDialog *dialog,
                              GtkCheckButton   *button)
{
  GtkCheckButton *none = g_object_get_data (G_OBJECT (dialog), "consent-none");
  GtkWidget *explanation = g_object_get_data (G_OBJECT (dialog), "no-consent-label");

  adw_message_dialog_set_response_enabled (dialog, "refer", get_consent_by (dialog) != NULL);
  gtk_widget_set_visible (explanation, gtk_check_button_get_active (none));
}

static void
on_consent_dialog_response_cb (LygScreeningPage *self,
                               const char       *response,
                               AdwMessageDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *referral_id = NULL;
  const char *consent_by;

  if (g_strcmp0 (response, "refer") != 0)
    return;

  consent_by = get_consent_by (dialog);
  if (consent_by == NULL)
    {
      show_toast (self, _("No referral was made: a referral needs the consent of the person "
                          "or of their personal representative."));
      return;
    }

  referral_id = create_referral (self, consent_by, &error);
  if (referral_id == NULL)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("Could not create the referral: %s"), error->message);
      show_toast (self, message);
      return;
    }

  show_toast (self, _("Referral created"));
  g_signal_emit (self, signals [OPEN_RECORD], 0, referral_id);
}

static GtkWidget *
add_consent_button (GtkWidget        *box,
                    AdwMessageDialog *dialog,
                    GtkCheckButton   *group,
                    const char       *name,
                    const char       *label)
{
  GtkWidget *button = gtk_check_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
  g_signal_connect_object (button, "toggled",
                           G_CALLBACK (on_consent_button_toggled_cb),
                           dialog, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (dialog), name, button);
  gtk_box_append (GTK_BOX (box), button);

  return button;
}

static void
on_refer_button_clicked_cb (LygScreeningPage *self,
                            GtkButton        *button)
{
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *first;
  GtkWidget *explanation;

  if (self->catalogue == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Refer to the Identification Centre?"),
                                   _("A referral to Center mod Menneskehandel shares this "
                                     "person's situation and this screening. It needs "
                                     "consent, given by the person or by their personal "
                                     "representative."));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  first = add_consent_button (box, ADW_MESSAGE_DIALOG (dialog), NULL, "consent-person",
                              _("The _person consents"));
  add_consent_button (box, ADW_MESSAGE_DIALOG (dialog), GTK_CHECK_BUTTON (first),
                      "consent-representative",
                      _("Their personal _representative consents"));
  add_consent_button (box, ADW_MESSAGE_DIALOG (dialog), GTK_CHECK_BUTTON (first),
                      "consent-none", _("_No consent"));

  explanation = gtk_label_new (_("Without consent no referral is made. You can still talk "
                                 "the case over with Center mod Menneskehandel (hotline "
                                 "70 20 25 50) without naming the person. If anyone is in "
                                 "acute danger, call the police on 112."));
  gtk_label_set_wrap (GTK_LABEL (explanation), TRUE);
  gtk_label_set_xalign (GTK_LABEL (explanation), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (explanation), 40);
  gtk_widget_add_css_class (explanation, "lyg-no-consent");
  gtk_widget_set_visible (explanation, FALSE);
  gtk_widget_set_margin_top (explanation, 6);
  gtk_widget_set_name (explanation, "no-consent-label");
  g_object_set_data (G_OBJECT (dialog), "no-consent-label", explanation);
  gtk_box_append (GTK_BOX (box), explanation);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "refer", _("Create _Referral"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "refer",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "refer", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_consent_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
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

  set_catalogue (self, catalogue, lyg_screening_result_get_profile (result));
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
      position = find_catalogue (self, id);
    }

  if (position == GTK_INVALID_LIST_POSITION)
    position = find_catalogue (self, "delphi-adult-labour");
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
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  GtkExpression *expression;

  G_OBJECT_CLASS (lyg_screening_page_parent_class)->constructed (object);

  g_assert (LYG_IS_CONTEXT (self->context));

  list = lyg_catalogue_set_list (lyg_context_get_catalogues (self->context), FALSE);
  for (guint i = 0; i < list->len; i++)
    g_list_store_append (self->catalogues, g_ptr_array_index (list, i));

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (get_catalogue_title_cb),
                                            (gpointer)self->lang, NULL);
  adw_combo_row_set_expression (self->catalogue_row, expression);
  gtk_expression_unref (expression);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_catalogue_item_setup_cb), (gpointer)self->lang);
  g_signal_connect (factory, "bind", G_CALLBACK (on_catalogue_item_bind_cb), (gpointer)self->lang);
  adw_combo_row_set_list_factory (self->catalogue_row, factory);

  self->updating = TRUE;
  adw_combo_row_set_model (self->catalogue_row, G_LIST_MODEL (self->catalogues));
  self->updating = FALSE;

  if (self->screening_id != NULL)
    {
      if (!load_screening (self, &error))
        {
          show_error (self, error->message);
          update_title (self);
          return;
        }
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->catalogues)) > 0)
    {
      g_autoptr(LygCatalogue) catalogue = get_default_catalogue (self);

      self->record = lyg_record_new ("screening");
      self->answers = lyg_screening_answers_new ();
      set_catalogue (self, catalogue, NULL);
      rescore (self);
    }
  else
    {
      show_error (self, _("No indicator list is installed."));
    }

  update_title (self);
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
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_refer_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_catalogue_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_profile_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_notes_row_changed_cb);
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
