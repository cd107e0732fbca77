/* lyg-training-page.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-training-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-main-page.h"
#include "lyg-training-editor.h"
#include "lyg-training-page.h"
#include "lyg-training-vault.h"

/* The Training section: the shipped and imported scenario packs, one group
 * each, with import and export.  Opening a scenario makes a fictional
 * person and screening in the training vault and pushes a practice
 * session over the section.
 */
struct _LygTrainingPage
{
  AdwBin           parent_instance;

  /* Owned */
  LygContext      *context;
  GPtrArray       *packs;          /* (element-type LygScenarioPack) shipped, then imported */
  GHashTable      *imported;       /* pack id set */

  /* Borrowed */
  const char      *lang;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkBox          *packs_box;
};

G_DEFINE_FINAL_TYPE (LygTrainingPage, lyg_training_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void rebuild (LygTrainingPage *self);
static void on_write_button_clicked_cb (LygTrainingPage *self,
                                        GtkButton       *button);

static void
show_toast (LygTrainingPage *self,
            const char      *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
show_error (LygTrainingPage *self,
            const char      *heading,
            const GError    *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static LygScenarioPack *
find_pack (LygTrainingPage *self,
           const char      *pack_id)
{
  for (guint i = 0; i < self->packs->len; i++)
    {
      LygScenarioPack *pack = g_ptr_array_index (self->packs, i);

      if (g_str_equal (lyg_scenario_pack_get_id (pack), pack_id))
        return pack;
    }

  return NULL;
}

static gboolean
load_packs (LygTrainingPage  *self,
            GError          **error)
{
  LygCatalogueSet *set = lyg_context_get_catalogues (self->context);
  g_autoptr(GPtrArray) shipped = NULL;
  g_autoptr(GPtrArray) imported = NULL;

  g_ptr_array_set_size (self->packs, 0);
  g_hash_table_remove_all (self->imported);

  if (!(shipped = lyg_scenario_pack_load_shipped (set, error)) ||
      !(imported = lyg_training_vault_list_packs (lyg_context_get_vault (self->context), set,
                                                  error)))
    return FALSE;

  for (guint i = 0; i < shipped->len; i++)
    g_ptr_array_add (self->packs, g_object_ref (g_ptr_array_index (shipped, i)));

  for (guint i = 0; i < imported->len; i++)
    {
      LygScenarioPack *pack = g_ptr_array_index (imported, i);

      g_ptr_array_add (self->packs, g_object_ref (pack));
      g_hash_table_add (self->imported, g_strdup (lyg_scenario_pack_get_id (pack)));
    }

  return TRUE;
}

static void
on_scenario_row_activated_cb (LygTrainingPage *self,
                              AdwActionRow    *row)
{
  g_autoptr(GError) error = NULL;

  if (!lyg_training_page_open_scenario (self, gtk_widget_get_name (GTK_WIDGET (row)), &error))
    show_error (self, _("Cannot Open the Scenario"), error);
}

static void
on_export_response_cb (LygTrainingPage      *self,
                       int                   response,
                       GtkFileChooserNative *native)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *pack_id = g_object_get_data (G_OBJECT (native), "pack-id");

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL)
    {
      if (lyg_training_page_export_pack (self, pack_id, file, &error))
        show_toast (self, _("Scenario pack exported"));
      else
        show_error (self, _("The Pack Was Not Exported"), error);
    }

  g_object_unref (native);
}

static void
on_export_button_clicked_cb (LygTrainingPage *self,
                             GtkButton       *button)
{
  const char *pack_id = gtk_widget_get_name (GTK_WIDGET (button));
  g_autofree char *name = g_strconcat (pack_id, ".json", NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Export Scenario Pack"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_object_set_data_full (G_OBJECT (native), "pack-id", g_strdup (pack_id), g_free);
  g_signal_connect_object (native, "response", G_CALLBACK (on_export_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_import_response_cb (LygTrainingPage      *self,
                       int                   response,
                       GtkFileChooserNative *native)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL)
    {
      if (lyg_training_page_import_file (self, file, &error))
        show_toast (self, _("Scenario pack imported"));
      else
        show_error (self, _("The Pack Was Not Imported"), error);
    }

  g_object_unref (native);
}

static void
on_import_button_clicked_cb (LygTrainingPage *self,
                             GtkButton       *button)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  gtk_file_filter_set_name (filter, _("Scenario packs (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");

  native = gtk_file_chooser_native_new (_("Import Scenario Pack"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect_object (native, "response", G_CALLBACK (on_import_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static GtkWidget *
create_scenario_row (LygTrainingPage *self,
                     LygScenario     *scenario)
{
  LygCatalogue *catalogue;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  catalogue = lyg_catalogue_set_lookup (lyg_context_get_catalogues (self->context),
                                        lyg_scenario_get_catalogue_id (scenario),
                                        lyg_scenario_get_catalogue_version (scenario), NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 lyg_scenario_get_title (scenario, self->lang));
  if (catalogue != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                 lyg_catalogue_get_title (catalogue, self->lang));
  gtk_widget_set_name (row, lyg_scenario_get_id (scenario));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_scenario_row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  return row;
}

static void
rebuild (LygTrainingPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->packs_box))))
    gtk_box_remove (self->packs_box, child);

  for (guint i = 0; i < self->packs->len; i++)
    {
      LygScenarioPack *pack = g_ptr_array_index (self->packs, i);
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *export = gtk_button_new_from_icon_name ("document-save-as-symbolic");

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                       lyg_scenario_pack_get_title (pack, self->lang));
      if (g_hash_table_contains (self->imported, lyg_scenario_pack_get_id (pack)))
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                               _("Imported into the training vault"));

      gtk_widget_set_name (export, lyg_scenario_pack_get_id (pack));
      gtk_widget_set_tooltip_text (export, _("Export this pack to a file"));
      gtk_widget_set_valign (export, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (export, "flat");
      g_signal_connect_object (export, "clicked", G_CALLBACK (on_export_button_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), export);

      for (guint j = 0; j < lyg_scenario_pack_get_n_scenarios (pack); j++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   create_scenario_row (self,
                                                        lyg_scenario_pack_get_scenario (pack, j)));

      gtk_box_append (self->packs_box, group);
    }
}

static void
lyg_training_page_constructed (GObject *object)
{
  LygTrainingPage *self = LYG_TRAINING_PAGE (object);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (lyg_training_page_parent_class)->constructed (object);

  g_assert (LYG_IS_CONTEXT (self->context));

  if (!load_packs (self, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot load the scenarios: %s"),
                                                  error->message);
      show_toast (self, message);
    }

  rebuild (self);
}

static void
lyg_training_page_dispose (GObject *object)
{
  LygTrainingPage *self = LYG_TRAINING_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_TRAINING_PAGE);

  g_clear_pointer (&self->packs, g_ptr_array_unref);
  g_clear_pointer (&self->imported, g_hash_table_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lyg_training_page_parent_class)->dispose (object);
}

static void
lyg_training_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LygTrainingPage *self = LYG_TRAINING_PAGE (object);

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
lyg_training_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LygTrainingPage *self = LYG_TRAINING_PAGE (object);

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
lyg_training_page_class_init (LygTrainingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lyg_training_page_constructed;
  object_class->dispose = lyg_training_page_dispose;
  object_class->get_property = lyg_training_page_get_property;
  object_class->set_property = lyg_training_page_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LYG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-training-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LygTrainingPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LygTrainingPage, packs_box);
  gtk_widget_class_bind_template_callback (widget_class, on_import_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_write_button_clicked_cb);
}

static void
lyg_training_page_init (LygTrainingPage *self)
{
  self->lang = lyg_catalogue_get_default_language ();
  self->packs = g_ptr_array_new_with_free_func (g_object_unref);
  self->imported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lyg_training_page_new:
 * @context: the services of the training vault
 *
 * Returns: (transfer floating): a new training page
 */
GtkWidget *
lyg_training_page_new (LygContext *context)
{
  g_return_val_if_fail (LYG_IS_CONTEXT (context), NULL);

  return g_object_new (LYG_TYPE_TRAINING_PAGE, "context", context, NULL);
}

/**
 * lyg_training_page_get_packs:
 * @self: a #LygTrainingPage
 *
 * Returns: (transfer none) (element-type LygScenarioPack): the packs listed
 */
GPtrArray *
lyg_training_page_get_packs (LygTrainingPage *self)
{
  g_return_val_if_fail (LYG_IS_TRAINING_PAGE (self), NULL);

  return self->packs;
}

/**
 * lyg_training_page_lookup:
 * @self: a #LygTrainingPage
 * @scenario_id: a scenario id
 *
 * Returns: (transfer none) (nullable): the scenario; an imported pack's
 *   wins over a shipped one with the same id
 */
LygScenario *
lyg_training_page_lookup (LygTrainingPage *self,
                          const char      *scenario_id)
{
  LygScenario *found = NULL;

  g_return_val_if_fail (LYG_IS_TRAINING_PAGE (self), NULL);
  g_return_val_if_fail (scenario_id != NULL, NULL);

  for (guint i = 0; i < self->packs->len; i++)
    {
      LygScenario *scenario = lyg_scenario_pack_lookup (g_ptr_array_index (self->packs, i),
                                                        scenario_id);

      if (scenario != NULL)
        found = scenario;
    }

  return found;
}

/**
 * lyg_training_page_open_scenario:
 * @self: a #LygTrainingPage
 * @scenario_id: the scenario to practise
 * @error: return location for a #GError
 *
 * Makes a fictional person and an empty screening with the scenario's
 * catalogue in the training vault and shows a practice session for them.
 *
 * Returns: (transfer none) (nullable): the session
 */
LygTrainingSession *
lyg_training_page_open_scenario (LygTrainingPage  *self,
                                 const char       *scenario_id,
                                 GError          **error)
{
  LygVault *vault;
  LygScenario *scenario;
  g_autoptr(LygRecord) person = NULL;
  g_autoptr(LygRecord) screening = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%F");
  g_autofree char *notes = NULL;
  GtkWidget *main_page;
  GtkWidget *session;

  g_return_val_if_fail (LYG_IS_TRAINING_PAGE (self), NULL);
  g_return_val_if_fail (scenario_id != NULL, NULL);

  vault = lyg_context_get_vault (self->context);
  if (!lyg_vault_is_training (vault))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("Scenarios open only in the training vault"));
      return NULL;
    }

  if (!(scenario = lyg_training_page_lookup (self, scenario_id)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no scenario “%s”"), scenario_id);
      return NULL;
    }

  notes = g_strdup_printf (_("Fictional training case: %s"),
                           lyg_scenario_get_title (scenario, self->lang));

  person = lyg_record_new ("person");
  lyg_record_set_string (person, "alias", lyg_scenario_get_title (scenario, self->lang));
  lyg_record_set_string (person, "notes", notes);

  screening = lyg_record_new ("screening");
  lyg_record_set_string (screening, "catalogue", lyg_scenario_get_catalogue_id (scenario));
  lyg_record_set_int (screening, "catalogue_version",
                      lyg_scenario_get_catalogue_version (scenario));
  lyg_record_set_string (screening, "profile", lyg_scenario_get_profile (scenario));
  lyg_record_set_string (screening, "person", lyg_record_get_id (person));
  lyg_record_set_string (screening, "date", today);
  lyg_record_set_string (screening, "notes", notes);

  if (!lyg_vault_save_record (vault, person, error) ||
      !lyg_vault_save_record (vault, screening, error))
    return NULL;

  session = lyg_training_session_new (self->context, scenario, lyg_record_get_id (screening));

  main_page = gtk_widget_get_ancestor (GTK_WIDGET (self), LYG_TYPE_MAIN_PAGE);
  if (main_page != NULL)
    lyg_main_page_push_page (LYG_MAIN_PAGE (main_page), session);
  else
    g_object_ref_sink (session);

  return LYG_TRAINING_SESSION (session);
}

/**
 * lyg_training_page_import_data:
 * @self: a #LygTrainingPage
 * @data: the JSON text of a scenario pack
 * @length: its length, or -1 when nul-terminated
 * @origin: the file name, or what to call the text in messages
 * @error: return location for a #GError
 *
 * Validates the pack like a catalogue and, when it passes, stores it in
 * the training vault and lists it.  A bad pack changes nothing.
 *
 * Returns: %TRUE when the pack was imported
 */
gboolean
lyg_training_page_import_data (LygTrainingPage  *self,
                               const char       *data,
                               gssize            length,
                               const char       *origin,
                               GError          **error)
{
  LygCatalogueSet *set;
  g_autoptr(LygScenarioPack) pack = NULL;
  LygScenarioPack *existing;

  g_return_val_if_fail (LYG_IS_TRAINING_PAGE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (origin != NULL, FALSE);

  set = lyg_context_get_catalogues (self->context);
  if (!(pack = lyg_scenario_pack_new_from_data (data, length, origin, error)) ||
      !lyg_scenario_pack_validate (pack, set, error))
    return FALSE;

  existing = find_pack (self, lyg_scenario_pack_get_id (pack));
  if (existing != NULL && !g_hash_table_contains (self->imported, lyg_scenario_pack_get_id (pack)))
    {
      g_set_error (error, LYG_SCENARIO_ERROR, LYG_SCENARIO_ERROR_DUPLICATE_ID,
                   _("%s: a pack shipped with Lygte already has the id “%s”"),
                   lyg_scenario_pack_get_origin (pack), lyg_scenario_pack_get_id (pack));
      return FALSE;
    }

  if (!lyg_training_vault_add_pack (lyg_context_get_vault (self->context), pack, error) ||
      !load_packs (self, error))
    return FALSE;

  rebuild (self);

  return TRUE;
}

/**
 * lyg_training_page_import_file:
 * @self: a #LygTrainingPage
 * @file: a scenario pack
 * @error: return location for a #GError
 *
 * Like lyg_training_page_import_data() for the contents of @file.
 *
 * Returns: %TRUE when the pack was imported
 */
gboolean
lyg_training_page_import_file (LygTrainingPage  *self,
                               GFile            *file,
                               GError          **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (LYG_IS_TRAINING_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return FALSE;

  name = g_file_get_basename (file);

  return lyg_training_page_import_data (self, contents, length, name, error);
}

/**
 * lyg_training_page_write_scenario:
 * @self: a #LygTrainingPage
 *
 * Opens the editor in which a trainer writes a pack of their own.
 *
 * Returns: (transfer none): the editor window
 */
GtkWindow *
lyg_training_page_write_scenario (LygTrainingPage *self)
{
  GtkRoot *root;
  GtkWidget *editor;

  g_return_val_if_fail (LYG_IS_TRAINING_PAGE (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  editor = lyg_training_editor_new (self);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WINDOW (editor);
}

static void
on_write_button_clicked_cb (LygTrainingPage *self,
                            GtkButton       *button)
{
  lyg_training_page_write_scenario (self);
}

/**
 * lyg_training_page_export_pack:
 * @self: a #LygTrainingPage
 * @pack_id: a listed pack
 * @file: where to write it
 * @error: return location for a #GError
 *
 * Writes the pack exactly as it was shipped or imported.
 *
 * Returns: %TRUE on success
 */
gboolean
lyg_training_page_export_pack (LygTrainingPage  *self,
                               const char       *pack_id,
                               GFile            *file,
                               GError          **error)
{
  LygScenarioPack *pack;
  GBytes *data;

  g_return_val_if_fail (LYG_IS_TRAINING_PAGE (self), FALSE);
  g_return_val_if_fail (pack_id != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(pack = find_pack (self, pack_id)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no scenario pack “%s”"), pack_id);
      return FALSE;
    }

  data = lyg_scenario_pack_get_data (pack);

  return g_file_replace_contents (file, g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}
