/* lyg-preferences-window.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lyg-passphrase.h"
#include "lyg-passphrase-feedback.h"
#include "lyg-preferences-window.h"
#include "lyg-retention-section.h"

#define SETTINGS_SCHEMA_ID "io.github.lygte.Lygte"

struct _LygPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Owned */
  LygContext           *context;
  GSettings            *settings;
  GListStore           *catalogues;
  GCancellable         *cancellable;
  const char           *lang;
  guint                 updating : 1;
  guint                 busy : 1;
  guint                 has_custom_timeout : 1;

  /* Template widgets */
  AdwComboRow          *lock_row;
  GtkStringList        *lock_model;
  AdwActionRow         *passphrase_action_row;
  AdwComboRow          *catalogue_row;
  GtkSpinButton        *retention_spin;
  GtkWidget            *passphrase_page;
  AdwPasswordEntryRow  *current_row;
  AdwPasswordEntryRow  *new_row;
  AdwPasswordEntryRow  *confirm_row;
  GtkLevelBar          *strength_bar;
  GtkLabel             *strength_label;
  GtkLabel             *match_label;
  GtkLabel             *error_label;
  GtkButton            *change_button;
  GtkStack             *button_stack;
  GtkSpinner           *spinner;
};

G_DEFINE_FINAL_TYPE (LygPreferencesWindow, lyg_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The choices of the lock row, in seconds; 0 never locks on idle. */
static const guint lock_timeouts[] = { 0, 60, 120, 300, 600, 1800 };

typedef struct
{
  char         *path;
  LygKey       *old_passphrase;   /* NUL-terminated, in guarded memory */
  LygKey       *new_passphrase;
  LygKdfParams  params;
} ChangeData;

static void
change_data_free (gpointer data)
{
  ChangeData *cd = data;

  g_clear_pointer (&cd->path, g_free);
  g_clear_pointer (&cd->old_passphrase, lyg_key_free);
  g_clear_pointer (&cd->new_passphrase, lyg_key_free);
  g_free (cd);
}

static LygKey *
key_from_string (const char *text)
{
  return lyg_key_new_from_data ((const guint8 *) text, strlen (text) + 1);
}

static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);

  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

/* $LYGTE_KDF_PROFILE picks the cost of the new passphrase, as it does for a
 * new vault; tests use "minimum".
 */
static LygKdfParams
get_kdf_params (void)
{
  const char *profile = g_getenv ("LYGTE_KDF_PROFILE");
  LygKdfParams params;

  if (profile != NULL && *profile != '\0')
    {
      if (lyg_kdf_params_from_name (profile, &params))
        return params;

      g_warning ("Unknown KDF profile “%s”; using the default", profile);
    }

  return lyg_kdf_params_default ();
}

static char *
describe_timeout (guint seconds)
{
  if (seconds == 0)
    return g_strdup (C_("lock timeout", "Off"));

  if (seconds % 60 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", seconds / 60),
                            seconds / 60);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second", "%u seconds", seconds),
                          seconds);
}

static gboolean
remove_shake_cb (gpointer user_data)
{
  gtk_widget_remove_css_class (GTK_WIDGET (user_data), "lyg-shake");
  return G_SOURCE_REMOVE;
}

static void
shake_widget (GtkWidget *widget)
{
  gtk_widget_remove_css_class (widget, "lyg-shake");
  gtk_widget_add_css_class (widget, "lyg-shake");
  g_timeout_add_full (G_PRIORITY_DEFAULT, 500, remove_shake_cb,
                      g_object_ref (widget), g_object_unref);
}

static void
show_error (LygPreferencesWindow *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);

  if (message == NULL)
    lyg_widget_set_state_class (GTK_WIDGET (self->current_row), NULL);
}

static void
update_lock_row (LygPreferencesWindow *self)
{
  guint timeout = 300;
  guint position = G_MAXUINT;

  if (self->settings != NULL)
    timeout = g_settings_get_uint (self->settings, "lock-timeout");

  for (guint i = 0; i < G_N_ELEMENTS (lock_timeouts); i++)
    if (lock_timeouts[i] == timeout)
      position = i;

  self->updating = TRUE;

  /* A value set elsewhere (gsettings, an older version) is shown as an
   * extra choice rather than silently rounded. */
  if (self->has_custom_timeout)
    {
      gtk_string_list_remove (self->lock_model, G_N_ELEMENTS (lock_timeouts));
      self->has_custom_timeout = FALSE;
    }

  if (position == G_MAXUINT)
    {
      g_autofree char *label = describe_timeout (timeout);

      gtk_string_list_append (self->lock_model, label);
      self->has_custom_timeout = TRUE;
      position = G_N_ELEMENTS (lock_timeouts);
    }

  adw_combo_row_set_selected (self->lock_row, position);

  self->updating = FALSE;
}

static guint
find_catalogue (LygPreferencesWindow *self,
                const char           *id)
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
update_catalogue_row (LygPreferencesWindow *self)
{
  g_autofree char *id = NULL;
  guint position;

  if (self->settings != NULL)
    id = g_settings_get_string (self->settings, "default-catalogue");

  position = find_catalogue (self, id);
  if (position == GTK_INVALID_LIST_POSITION)
    position = find_catalogue (self, "delphi-adult-labour");
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;

  self->updating = TRUE;
  adw_combo_row_set_selected (self->catalogue_row, position);
  self->updating = FALSE;
}

static void
update_passphrase_state (LygPreferencesWindow *self)
{
  const char *current = gtk_editable_get_text (GTK_EDITABLE (self->current_row));
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->new_row));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));
  gboolean ok;

  ok = lyg_passphrase_feedback_update (self->strength_bar, self->strength_label,
                                       GTK_WIDGET (self->match_label),
                                       GTK_WIDGET (self->confirm_row), passphrase, confirm);
  gtk_widget_set_sensitive (GTK_WIDGET (self->change_button), *current != '\0' && ok && !self->busy);
}

static void
set_busy (LygPreferencesWindow *self,
          gboolean              busy)
{
  busy = !!busy;

  if (self->busy == busy)
    return;

  self->busy = busy;

  gtk_editable_set_editable (GTK_EDITABLE (self->current_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->new_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->confirm_row), !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_stack_set_visible_child_name (self->button_stack, busy ? "spinner" : "label");
  update_passphrase_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
clear_passphrase_rows (LygPreferencesWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->current_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
  show_error (self, NULL);
  update_passphrase_state (self);
}

/* The worker opens its own connection to the vault file: the store of the
 * open vault belongs to the main thread, which keeps using it (drafts,
 * sync) while Argon2id runs twice here.
 */
static void
change_passphrase_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  ChangeData *cd = task_data;
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(GError) error = NULL;

  if (!(vault = lyg_vault_open (cd->path, &error)) ||
      !lyg_vault_change_passphrase (vault,
                                    (const char *) lyg_key_peek (cd->old_passphrase),
                                    (const char *) lyg_key_peek (cd->new_passphrase),
                                    &cd->params,
                                    &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_change_passphrase_done_cb (GObject      *source_object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  LygPreferencesWindow *self = LYG_PREFERENCES_WINDOW (source_object);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (error != NULL)
    {
      if (g_error_matches (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_BAD_PASSPHRASE))
        {
          show_error (self, _("The current passphrase is wrong. The passphrase was not changed."));
          lyg_widget_set_state_class (GTK_WIDGET (self->current_row), "error");
          shake_widget (GTK_WIDGET (self->current_row));
          gtk_widget_grab_focus (GTK_WIDGET (self->current_row));
        }
      else
        {
          show_error (self, error->message);
        }

      return;
    }

  clear_passphrase_rows (self);
  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Passphrase changed")));
}

static void
change_passphrase (LygPreferencesWindow *self)
{
  const char *current = gtk_editable_get_text (GTK_EDITABLE (self->current_row));
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->new_row));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));
  LygPassphraseStrength strength;
  g_autoptr(GTask) task = NULL;
  LygVault *vault;
  ChangeData *cd;

  if (self->busy || self->context == NULL)
    return;

  vault = lyg_context_get_vault (self->context);

  if (*current == '\0')
    {
      show_error (self, _("Enter the current passphrase."));
      shake_widget (GTK_WIDGET (self->current_row));
      gtk_widget_grab_focus (GTK_WIDGET (self->current_row));
      return;
    }

  strength = lyg_passphrase_check (passphrase);
  if (!lyg_passphrase_is_acceptable (strength))
    {
      show_error (self, lyg_passphrase_describe (strength));
      shake_widget (GTK_WIDGET (self->new_row));
      gtk_widget_grab_focus (GTK_WIDGET (self->new_row));
      return;
    }

  if (!g_str_equal (passphrase, confirm))
    {
      show_error (self, _("The new passphrases do not match."));
      shake_widget (GTK_WIDGET (self->confirm_row));
      gtk_widget_grab_focus (GTK_WIDGET (self->confirm_row));
      return;
    }

  if (g_str_equal (passphrase, current))
    {
      show_error (self, _("The new passphrase is the same as the current one."));
      shake_widget (GTK_WIDGET (self->new_row));
      gtk_widget_grab_focus (GTK_WIDGET (self->new_row));
      return;
    }

  cd = g_new0 (ChangeData, 1);
  cd->path = g_strdup (lyg_vault_get_path (vault));
  cd->old_passphrase = key_from_string (current);
  cd->new_passphrase = key_from_string (passphrase);
  cd->params = get_kdf_params ();

  show_error (self, NULL);
  set_busy (self, TRUE);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* Argon2id runs twice (unwrap with the old, wrap with the new): keep it
   * off the main thread. */
  task = g_task_new (self, self->cancellable, on_change_passphrase_done_cb, NULL);
  g_task_set_source_tag (task, change_passphrase);
  g_task_set_task_data (task, cd, change_data_free);
  g_task_run_in_thread (task, change_passphrase_thread);
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

static void
on_settings_changed_cb (LygPreferencesWindow *self,
                        const char           *key,
                        GSettings            *settings)
{
  if (g_strcmp0 (key, "lock-timeout") == 0)
    update_lock_row (self);
  else if (g_strcmp0 (key, "default-catalogue") == 0)
    update_catalogue_row (self);
}

static void
on_lock_row_selected_cb (LygPreferencesWindow *self,
                         GParamSpec           *pspec,
                         AdwComboRow          *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->settings == NULL || selected >= G_N_ELEMENTS (lock_timeouts))
    return;

  g_settings_set_uint (self->settings, "lock-timeout", lock_timeouts[selected]);
}

static void
on_catalogue_row_selected_cb (LygPreferencesWindow *self,
                              GParamSpec           *pspec,
                              AdwComboRow          *row)
{
  LygCatalogue *catalogue;

  if (self->updating || self->settings == NULL)
    return;

  catalogue = adw_combo_row_get_selected_item (row);
  if (catalogue != NULL)
    g_settings_set_string (self->settings, "default-catalogue", lyg_catalogue_get_id (catalogue));
}

static void
on_passphrase_action_row_activated_cb (LygPreferencesWindow *self,
                                       AdwActionRow         *row)
{
  lyg_preferences_window_show_change_passphrase (self);
}

static void
on_back_button_clicked_cb (LygPreferencesWindow *self,
                           GtkButton            *button)
{
  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self));
}

static void
on_passphrase_row_changed_cb (LygPreferencesWindow *self,
                              GtkEditable          *editable)
{
  if (self->busy)
    return;

  show_error (self, NULL);
  update_passphrase_state (self);
}

static void
on_current_row_entry_activated_cb (LygPreferencesWindow *self,
                                   AdwEntryRow          *row)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->new_row));
}

static void
on_new_row_entry_activated_cb (LygPreferencesWindow *self,
                               AdwEntryRow          *row)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->confirm_row));
}

static void
on_confirm_row_entry_activated_cb (LygPreferencesWindow *self,
                                   AdwEntryRow          *row)
{
  change_passphrase (self);
}

static void
on_change_button_clicked_cb (LygPreferencesWindow *self,
                             GtkButton            *button)
{
  change_passphrase (self);
}

static void
lyg_preferences_window_constructed (GObject *object)
{
  LygPreferencesWindow *self = LYG_PREFERENCES_WINDOW (object);
  LygCatalogueSet *set = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GtkExpression *expression;

  G_OBJECT_CLASS (lyg_preferences_window_parent_class)->constructed (object);

  if (self->context != NULL)
    set = lyg_context_get_catalogues (self->context);
  if (set == NULL)
    set = lyg_catalogue_set_get_shipped ();

  if (set != NULL)
    {
      list = lyg_catalogue_set_list (set, FALSE);
      for (guint i = 0; i < list->len; i++)
        g_list_store_append (self->catalogues, g_ptr_array_index (list, i));
    }

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (get_catalogue_title_cb),
                                            (gpointer) self->lang, NULL);
  adw_combo_row_set_expression (self->catalogue_row, expression);
  gtk_expression_unref (expression);

  self->updating = TRUE;
  adw_combo_row_set_model (self->catalogue_row, G_LIST_MODEL (self->catalogues));
  self->updating = FALSE;

  update_lock_row (self);
  update_catalogue_row (self);

  /* Without the schema there is nothing to store the choices in. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->lock_row), self->settings != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->catalogue_row), self->settings != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_action_row), self->context != NULL);
  lyg_retention_bind_spin (self->retention_spin, self->context);
}

static void
lyg_preferences_window_dispose (GObject *object)
{
  LygPreferencesWindow *self = LYG_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->catalogues);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lyg_preferences_window_parent_class)->dispose (object);
}

static void
lyg_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LygPreferencesWindow *self = LYG_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LygPreferencesWindow *self = LYG_PREFERENCES_WINDOW (object);

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
lyg_preferences_window_class_init (LygPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lyg_preferences_window_constructed;
  object_class->dispose = lyg_preferences_window_dispose;
  object_class->get_property = lyg_preferences_window_get_property;
  object_class->set_property = lyg_preferences_window_set_property;

  /**
   * LygPreferencesWindow:context:
   *
   * The services of the unlocked vault whose passphrase can be changed.
   */
  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LYG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * LygPreferencesWindow:busy:
   *
   * Whether a passphrase change is running.
   */
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LygPreferencesWindow, lock_row);
  gtk_widget_class_bind_template_child (widget_class, LygPreferencesWindow, lock_model);
  gtk_widget_class_bind_template_child (widget_class, LygPreferencesWindow, passphrase_action_row);
  gtk_widget_class_bind_template_child (widget_class, LygPreferencesWindow, catalogue_row);
  gtk_widget_class_bind_template_child (widget_class, LygPreferencesWindow, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, LygPreferencesWindow, passphrase_page);
  gtk_widget_class_bind_template_child (widget_class, LygPreferencesWindow, current_row);
  gtk_widget_class_bind_template_child (widget_class, LygPreferencesWindow, new_row);
  gtk_widget_class_bind_template_child (widget_class, LygPreferencesWindow, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, LygPreferencesWindow, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, LygPreferencesWindow, strength_label);
  gtk_widget_class_bind_template_child (widget_class, LygPreferencesWindow, match_label);
  gtk_widget_class_bind_template_child (widget_class, LygPreferencesWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, LygPreferencesWindow, change_button);
  gtk_widget_class_bind_template_child (widget_class, LygPreferencesWindow, button_stack);
  gtk_widget_class_bind_template_child (widget_class, LygPreferencesWindow, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_lock_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_catalogue_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_action_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_current_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_change_button_clicked_cb);
}

static void
lyg_preferences_window_init (LygPreferencesWindow *self)
{
  self->catalogues = g_list_store_new (LYG_TYPE_CATALOGUE);
  self->lang = lyg_catalogue_get_default_language ();

  /* Before the template: its combo rows notify while being built. */
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (lock_timeouts); i++)
    {
      g_autofree char *label = describe_timeout (lock_timeouts[i]);

      gtk_string_list_append (self->lock_model, label);
    }
  self->updating = FALSE;

  self->settings = new_settings ();
  if (self->settings != NULL)
    g_signal_connect_object (self->settings,
                             "changed",
                             G_CALLBACK (on_settings_changed_cb),
                             self,
                             G_CONNECT_SWAPPED);

  update_passphrase_state (self);
}

/**
 * lyg_preferences_window_new:
 * @context: (nullable): the services of the unlocked vault
 * @transient_for: (nullable): the window to show the preferences over
 *
 * Returns: (transfer none): a new preferences window
 */
GtkWidget *
lyg_preferences_window_new (LygContext *context,
                            GtkWindow  *transient_for)
{
  g_return_val_if_fail (!context || LYG_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (!transient_for || GTK_IS_WINDOW (transient_for), NULL);

  return g_object_new (LYG_TYPE_PREFERENCES_WINDOW,
                       "context", context,
                       "transient-for", transient_for,
                       NULL);
}

/**
 * lyg_preferences_window_get_context:
 * @self: a #LygPreferencesWindow
 *
 * Returns: (transfer none) (nullable): the context
 */
LygContext *
lyg_preferences_window_get_context (LygPreferencesWindow *self)
{
  g_return_val_if_fail (LYG_IS_PREFERENCES_WINDOW (self), NULL);

  return self->context;
}

gboolean
lyg_preferences_window_get_busy (LygPreferencesWindow *self)
{
  g_return_val_if_fail (LYG_IS_PREFERENCES_WINDOW (self), FALSE);

  return self->busy;
}

/**
 * lyg_preferences_window_show_change_passphrase:
 * @self: a #LygPreferencesWindow
 *
 * Shows the page that changes the passphrase, with the focus in the
 * current passphrase.
 */
void
lyg_preferences_window_show_change_passphrase (LygPreferencesWindow *self)
{
  g_return_if_fail (LYG_IS_PREFERENCES_WINDOW (self));

  if (self->context == NULL)
    return;

  /* A change that is still running keeps what it was started with. */
  if (!self->busy)
    clear_passphrase_rows (self);

  adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (self), self->passphrase_page);
  gtk_widget_grab_focus (GTK_WIDGET (self->current_row));
}
