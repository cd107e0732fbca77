/* lyg-window.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-retention-scheduler.h"
#include "lyg-window-private.h"

#define DEFAULT_LOCK_TIMEOUT 300

G_DEFINE_FINAL_TYPE (LygWindow, lyg_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_PATH,
  PROP_KDF_PROFILE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void schedule_idle_lock (LygWindow *self);

static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, LYG_SETTINGS_SCHEMA_ID, TRUE);

  if (schema == NULL)
    {
      g_warning ("GSettings schema %s is not installed; using defaults", LYG_SETTINGS_SCHEMA_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static guint
get_lock_timeout (LygWindow *self)
{
  if (self->settings == NULL)
    return DEFAULT_LOCK_TIMEOUT;

  return g_settings_get_uint (self->settings, "lock-timeout");
}

static gboolean
is_showing_vault (LygWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "main") == 0;
}

/* The services of the unlocked vault live exactly as long as the main
 * page shows it: made after unlock, dropped on lock. */
static void
ensure_context (LygWindow *self)
{
  /* In training mode the pages show the training vault, never the real one. */
  LygVault *vault = self->training_vault ? self->training_vault : self->vault;

  if (self->context != NULL || vault == NULL || !lyg_vault_get_unlocked (vault))
    return;

  if (self->catalogues == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!(self->catalogues = lyg_catalogue_set_new_shipped (&error)))
        {
          g_warning ("Cannot load the shipped catalogues: %s", error->message);
          self->catalogues = lyg_catalogue_set_new ();
        }
    }

  self->context = lyg_context_new (vault, self->catalogues);
  if (self->training_vault == NULL)
    {
      /* Retention runs while the vault is unlocked (lyg-retention-scheduler.h). */
      g_object_set_data_full (G_OBJECT (self->context), "lyg-retention-scheduler",
                              lyg_retention_scheduler_new (self->vault), g_object_unref);
      _lyg_window_sync_attach (self);
    }
  lyg_main_page_set_context (self->main_page, self->context);
}

void
_lyg_window_drop_context (LygWindow *self)
{
  _lyg_window_sync_detach (self);
  if (self->main_page != NULL)
    lyg_main_page_set_context (self->main_page, NULL);
  g_clear_object (&self->context);
}

static void
show_page (LygWindow  *self,
           const char *name)
{
  g_assert (LYG_IS_WINDOW (self));

  if (g_str_equal (name, "main"))
    ensure_context (self);

  gtk_stack_set_visible_child_name (self->stack, name);

  if (g_str_equal (name, "create"))
    lyg_create_page_focus (self->create_page);
  else if (g_str_equal (name, "unlock"))
    lyg_unlock_page_focus (self->unlock_page);

  self->last_activity = g_get_monotonic_time ();
  schedule_idle_lock (self);

  _lyg_window_actions_update (self);
}

void
_lyg_window_show_page (LygWindow  *self,
                       const char *name)
{
  show_page (self, name);
}

static gboolean
on_idle_timeout_cb (gpointer user_data)
{
  LygWindow *self = user_data;
  guint timeout;
  gint64 idle;

  g_assert (LYG_IS_WINDOW (self));

  self->idle_source = 0;

  timeout = get_lock_timeout (self);
  idle = g_get_monotonic_time () - self->last_activity;

  if (timeout > 0 && idle >= (gint64) timeout * G_USEC_PER_SEC)
    {
      g_debug ("Locking after %u s without activity", timeout);
      lyg_window_lock (self);
    }
  else
    {
      schedule_idle_lock (self);
    }

  return G_SOURCE_REMOVE;
}

/* One timeout for the earliest moment the lock could be due; activity only
 * records a timestamp, so pointer motion costs next to nothing.
 */
static void
schedule_idle_lock (LygWindow *self)
{
  guint timeout;
  gint64 remaining;

  g_clear_handle_id (&self->idle_source, g_source_remove);

  /* Fictional cases need no idle lock, and a projector left alone during
   * a discussion must not fall back to the unlock page. */
  timeout = get_lock_timeout (self);
  if (timeout == 0 || !is_showing_vault (self) || self->training_vault != NULL)
    return;

  remaining = (gint64) timeout * G_USEC_PER_SEC - (g_get_monotonic_time () - self->last_activity);
  remaining = MAX (remaining, 0);

  self->idle_source = g_timeout_add_full (G_PRIORITY_DEFAULT,
                                          (guint) (remaining / 1000) + 1,
                                          on_idle_timeout_cb,
                                          self,
                                          NULL);
}

static gboolean
on_activity_event_cb (LygWindow                *self,
                      GdkEvent                 *event,
                      GtkEventControllerLegacy *controller)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_MOTION_NOTIFY:
    case GDK_BUTTON_PRESS:
    case GDK_BUTTON_RELEASE:
    case GDK_KEY_PRESS:
    case GDK_KEY_RELEASE:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_TOUCH_END:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
      self->last_activity = g_get_monotonic_time ();
      break;

    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
on_settings_lock_timeout_changed_cb (LygWindow  *self,
                                     const char *key,
                                     GSettings  *settings)
{
  schedule_idle_lock (self);
}

static void
on_vault_unlocked_changed_cb (LygWindow  *self,
                              GParamSpec *pspec,
                              LygVault   *vault)
{
  /* Locked from elsewhere (quit, screen lock, a revoked device). */
  if (!lyg_vault_get_unlocked (vault) && is_showing_vault (self))
    lyg_window_lock (self);
}

static void
set_vault (LygWindow *self,
           LygVault  *vault)
{
  if (self->vault == vault)
    return;

  if (self->vault != NULL)
    g_signal_handlers_disconnect_by_data (self->vault, self);

  g_set_object (&self->vault, vault);

  if (vault != NULL)
    g_signal_connect_object (vault,
                             "notify::unlocked",
                             G_CALLBACK (on_vault_unlocked_changed_cb),
                             self,
                             G_CONNECT_SWAPPED);

  lyg_unlock_page_set_vault (self->unlock_page, vault);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VAULT]);
}

static void
on_create_page_created_cb (LygWindow     *self,
                           LygVault      *vault,
                           LygCreatePage *page)
{
  g_autoptr(AdwToast) toast = NULL;

  g_assert (LYG_IS_WINDOW (self));
  g_assert (LYG_IS_VAULT (vault));

  set_vault (self, vault);
  if (lyg_create_page_get_join_team (self->create_page))
    _lyg_window_sync_show_join (self);
  else
    show_page (self, "main");
  lyg_create_page_reset (self->create_page);

  toast = adw_toast_new (_("Vault created"));
  lyg_window_add_toast (self, g_steal_pointer (&toast));
}

static void
on_unlock_page_unlocked_cb (LygWindow     *self,
                            LygUnlockPage *page)
{
  g_assert (LYG_IS_WINDOW (self));

  show_page (self, "main");
}

/* Dialogs over the window (about, shortcuts, later record editors) must
 * not stay on screen while the vault is locked.
 */
void
_lyg_window_close_transients (LygWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) transients = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == GTK_WINDOW (self))
        g_ptr_array_add (transients, g_steal_pointer (&window));
    }

  for (guint i = 0; i < transients->len; i++)
    gtk_window_close (g_ptr_array_index (transients, i));
}

static void
save_window_state (LygWindow *self)
{
  int width = 0;
  int height = 0;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static gboolean
lyg_window_close_request (GtkWindow *window)
{
  LygWindow *self = LYG_WINDOW (window);

  save_window_state (self);

  if (self->vault != NULL)
    lyg_vault_lock (self->vault);

  return GTK_WINDOW_CLASS (lyg_window_parent_class)->close_request (window);
}

static void
lyg_window_constructed (GObject *object)
{
  LygWindow *self = LYG_WINDOW (object);
  const char *kdf_profile;

  G_OBJECT_CLASS (lyg_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  if (self->path == NULL && self->vault != NULL)
    self->path = g_strdup (lyg_vault_get_path (self->vault));
  if (self->path == NULL)
    self->path = lyg_vault_default_path ();

  /* Only a new vault takes the cost profile; an existing one unlocks with
   * the parameters stored in its header.
   */
  kdf_profile = self->kdf_profile;
  if (kdf_profile == NULL)
    kdf_profile = g_getenv ("LYGTE_KDF_PROFILE");

  lyg_create_page_set_path (self->create_page, self->path);
  lyg_create_page_set_kdf_profile (self->create_page, kdf_profile);

  if (self->vault != NULL)
    {
      LygVault *vault = g_steal_pointer (&self->vault);

      set_vault (self, vault);
      g_object_unref (vault);
      show_page (self, lyg_vault_get_unlocked (self->vault) ? "main" : "unlock");
    }
  else if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      show_page (self, "create");
    }
  else
    {
      /* Never offer to create a vault over an existing file. */
      adw_status_page_set_description (self->error_status,
                                       _("The vault file exists but could not be read."));
      show_page (self, "error");
    }
}

static void
lyg_window_dispose (GObject *object)
{
  LygWindow *self = LYG_WINDOW (object);

  g_clear_handle_id (&self->idle_source, g_source_remove);

  _lyg_window_drop_context (self);

  if (self->training_vault != NULL)
    lyg_vault_lock (self->training_vault);
  g_clear_object (&self->training_vault);

  if (self->vault != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->vault, self);
      lyg_vault_lock (self->vault);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_WINDOW);

  g_clear_object (&self->vault);
  g_clear_object (&self->catalogues);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lyg_window_parent_class)->dispose (object);
}

static void
lyg_window_finalize (GObject *object)
{
  LygWindow *self = LYG_WINDOW (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->kdf_profile, g_free);

  G_OBJECT_CLASS (lyg_window_parent_class)->finalize (object);
}

static void
lyg_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LygWindow *self = LYG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_KDF_PROFILE:
      g_value_set_string (value, self->kdf_profile);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LygWindow *self = LYG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;

    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    case PROP_KDF_PROFILE:
      self->kdf_profile = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_window_class_init (LygWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = lyg_window_constructed;
  object_class->dispose = lyg_window_dispose;
  object_class->finalize = lyg_window_finalize;
  object_class->get_property = lyg_window_get_property;
  object_class->set_property = lyg_window_set_property;

  window_class->close_request = lyg_window_close_request;

  /**
   * LygWindow:vault:
   *
   * The vault this window shows, or %NULL until the first vault is created.
   */
  properties [PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL,
                         LYG_TYPE_VAULT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * LygWindow:path:
   *
   * Where the vault lives, or is created on first run.
   */
  properties [PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * LygWindow:kdf-profile:
   *
   * The Argon2id cost a new vault is created with ("default", "interactive",
   * "minimum" …). %NULL reads `LYGTE_KDF_PROFILE` and falls back to the
   * default. Tests use "minimum".
   */
  properties [PROP_KDF_PROFILE] =
    g_param_spec_string ("kdf-profile", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LYG_TYPE_CREATE_PAGE);
  g_type_ensure (LYG_TYPE_MAIN_PAGE);
  g_type_ensure (LYG_TYPE_UNLOCK_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lygte/Lygte/lyg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LygWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LygWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LygWindow, create_page);
  gtk_widget_class_bind_template_child (widget_class, LygWindow, unlock_page);
  gtk_widget_class_bind_template_child (widget_class, LygWindow, main_page);
  gtk_widget_class_bind_template_child (widget_class, LygWindow, error_status);
  gtk_widget_class_bind_template_child (widget_class, LygWindow, training_banner);
  gtk_widget_class_bind_template_callback (widget_class, on_create_page_created_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unlock_page_unlocked_cb);

  _lyg_window_class_actions_init (klass);
  _lyg_window_class_sync_init (klass);
  _lyg_window_class_training_init (klass);
}

static void
lyg_window_init (LygWindow *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = new_settings ();
  if (self->settings != NULL)
    g_signal_connect_object (self->settings,
                             "changed::lock-timeout",
                             G_CALLBACK (on_settings_lock_timeout_changed_cb),
                             self,
                             G_CONNECT_SWAPPED);

  /* Any input counts as activity for the idle lock. */
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller,
                           "event",
                           G_CALLBACK (on_activity_event_cb),
                           self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  self->last_activity = g_get_monotonic_time ();

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/**
 * lyg_window_new:
 * @application: (nullable): the application
 * @vault: (nullable): an opened vault, or %NULL on first run
 * @path: (nullable): where to create the vault when @vault is %NULL
 *
 * Returns: (transfer full): a new window
 */
LygWindow *
lyg_window_new (LygApplication *application,
                LygVault       *vault,
                const char     *path)
{
  g_return_val_if_fail (!application || LYG_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (!vault || LYG_IS_VAULT (vault), NULL);

  return g_object_new (LYG_TYPE_WINDOW,
                       "application", application,
                       "vault", vault,
                       "path", path,
                       NULL);
}

void
_lyg_window_rebuild_context (LygWindow *self)
{
  _lyg_window_drop_context (self);
  ensure_context (self);
}

/**
 * lyg_window_get_vault:
 * @self: a #LygWindow
 *
 * Returns: (transfer none) (nullable): the vault
 */
LygVault *
lyg_window_get_vault (LygWindow *self)
{
  g_return_val_if_fail (LYG_IS_WINDOW (self), NULL);

  return self->vault;
}

/**
 * lyg_window_get_context:
 * @self: a #LygWindow
 *
 * Returns: (transfer none) (nullable): the services of the unlocked vault,
 *   or %NULL while it is locked
 */
LygContext *
lyg_window_get_context (LygWindow *self)
{
  g_return_val_if_fail (LYG_IS_WINDOW (self), NULL);

  return self->context;
}

const char *
lyg_window_get_path (LygWindow *self)
{
  g_return_val_if_fail (LYG_IS_WINDOW (self), NULL);

  return self->path;
}

/**
 * lyg_window_get_visible_page:
 * @self: a #LygWindow
 *
 * Returns: "create", "unlock", "main" or "error"
 */
const char *
lyg_window_get_visible_page (LygWindow *self)
{
  g_return_val_if_fail (LYG_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * lyg_window_lock:
 * @self: a #LygWindow
 *
 * Drops the vault's keys and every decrypted object the window holds and
 * shows the unlock page. Does nothing unless a vault is open.
 */
void
lyg_window_lock (LygWindow *self)
{
  g_return_if_fail (LYG_IS_WINDOW (self));

  /* Locking in training mode leaves it. */
  if (self->training_vault != NULL)
    {
      _lyg_window_leave_training (self);
      return;
    }

  if (self->vault == NULL || !is_showing_vault (self))
    return;

  /* Hide the records before anything else, then drop them and the keys. */
  _lyg_window_close_transients (self);
  show_page (self, "unlock");
  lyg_main_page_reset (self->main_page);
  _lyg_window_drop_context (self);
  lyg_vault_lock (self->vault);
  lyg_unlock_page_reset (self->unlock_page);

  _lyg_window_actions_update (self);
}

void
lyg_window_add_toast (LygWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (LYG_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * lyg_window_show_error:
 * @self: a #LygWindow
 * @error: why the vault cannot be used
 *
 * Shows a page that explains why no vault can be opened.
 */
void
lyg_window_show_error (LygWindow    *self,
                       const GError *error)
{
  g_return_if_fail (LYG_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  adw_status_page_set_description (self->error_status, error->message);
  show_page (self, "error");
}
