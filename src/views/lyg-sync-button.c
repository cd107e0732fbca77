/* lyg-sync-button.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-sync-button"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-sync-engine.h"

#include "lyg-sync-button.h"

/* The sync state in the header bar: when the vault was last synced, the
 * progress of a running sync, or why it cannot sync, with "Sync Now" in
 * the popover. Hidden while the vault has not joined a team.
 */
struct _LygSyncButton
{
  AdwBin          parent_instance;

  /* Owned */
  LygContext     *context;
  LygSyncEngine  *engine;
  guint           pulse_source;

  /* Template widgets */
  GtkMenuButton  *menu_button;
  GtkImage       *icon;
  GtkLabel       *label;
  GtkLabel       *title_label;
  GtkLabel       *detail_label;
  GtkProgressBar *progress_bar;
};

G_DEFINE_FINAL_TYPE (LygSyncButton, lyg_sync_button, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
pulse_cb (gpointer user_data)
{
  LygSyncButton *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) then = g_date_time_new_from_unix_local (unix_time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (then == NULL)
    return g_strdup ("");

  /* Today the time is enough; older syncs need the date too. */
  if (g_date_time_get_year (then) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (then) == g_date_time_get_day_of_year (now))
    return g_date_time_format (then, "%H:%M");

  return g_date_time_format (then, "%-d %b %H:%M");
}

static void
update (LygSyncButton *self)
{
  g_autofree char *label = NULL;
  g_autofree char *detail = NULL;
  const char *icon = "emblem-ok-symbolic";
  const char *title = NULL;
  LygSyncState state;
  gint64 last;
  double progress;

  gtk_widget_set_visible (GTK_WIDGET (self), self->engine != NULL);
  if (self->engine == NULL)
    {
      g_clear_handle_id (&self->pulse_source, g_source_remove);
      return;
    }

  state = lyg_sync_engine_get_state (self->engine);
  last = lyg_sync_engine_get_last_synced (self->engine);
  progress = lyg_sync_engine_get_progress (self->engine);

  gtk_widget_remove_css_class (GTK_WIDGET (self->menu_button), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->menu_button), "warning");

  switch (state)
    {
    case LYG_SYNC_STATE_SYNCING:
      icon = "emblem-synchronizing-symbolic";
      title = _("Syncing");
      if (progress > 0.0)
        label = g_strdup_printf (_("Syncing %d %%"), (int) (progress * 100.0));
      else
        label = g_strdup (_("Syncing…"));
      break;

    case LYG_SYNC_STATE_OFFLINE:
      icon = "network-offline-symbolic";
      title = _("Offline");
      label = g_strdup (_("Offline"));
      detail = g_strdup (_("The team’s server cannot be reached. Records are kept on this "
                           "computer and sent when it is back."));
      gtk_widget_add_css_class (GTK_WIDGET (self->menu_button), "warning");
      break;

    case LYG_SYNC_STATE_ERROR:
      icon = "dialog-warning-symbolic";
      title = _("Sync Failed");
      label = g_strdup (_("Sync error"));
      detail = g_strdup (lyg_sync_engine_get_error_message (self->engine));
      gtk_widget_add_css_class (GTK_WIDGET (self->menu_button), "error");
      break;

    case LYG_SYNC_STATE_IDLE:
    default:
      if (last > 0)
        {
          g_autofree char *when = format_time (last);

          title = _("Synced");
          /* Translators: %s is a time like 14:05, or a date and a time */
          label = g_strdup_printf (_("Synced at %s"), when);
        }
      else
        {
          icon = "emblem-synchronizing-symbolic";
          title = _("Not Synced Yet");
          label = g_strdup (_("Not synced yet"));
        }
      break;
    }

  gtk_image_set_from_icon_name (self->icon, icon);
  gtk_label_set_label (self->label, label);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->detail_label, detail ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL && *detail != '\0');
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), label);

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), state == LYG_SYNC_STATE_SYNCING);
  if (state == LYG_SYNC_STATE_SYNCING && progress <= 0.0)
    {
      if (self->pulse_source == 0)
        self->pulse_source = g_timeout_add (150, pulse_cb, self);
    }
  else
    {
      g_clear_handle_id (&self->pulse_source, g_source_remove);
      gtk_progress_bar_set_fraction (self->progress_bar, progress);
    }
}

static void
set_engine (LygSyncButton *self,
            LygSyncEngine *engine)
{
  if (self->engine == engine)
    return;

  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_data (self->engine, self);

  g_set_object (&self->engine, engine);

  if (engine != NULL)
    {
      g_signal_connect_object (engine, "notify::state", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (engine, "notify::progress", G_CALLBACK (update), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (engine, "notify::last-synced", G_CALLBACK (update), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (engine, "notify::error-message", G_CALLBACK (update), self,
                               G_CONNECT_SWAPPED);
    }

  update (self);
}

static void
on_context_sync_changed_cb (LygSyncButton *self,
                            GParamSpec    *pspec,
                            LygContext    *context)
{
  GObject *sync = lyg_context_get_sync (context);

  set_engine (self, LYG_IS_SYNC_ENGINE (sync) ? LYG_SYNC_ENGINE (sync) : NULL);
}

static void
lyg_sync_button_dispose (GObject *object)
{
  LygSyncButton *self = LYG_SYNC_BUTTON (object);

  lyg_sync_button_set_context (self, NULL);
  g_clear_handle_id (&self->pulse_source, g_source_remove);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_SYNC_BUTTON);

  G_OBJECT_CLASS (lyg_sync_button_parent_class)->dispose (object);
}

static void
lyg_sync_button_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LygSyncButton *self = LYG_SYNC_BUTTON (object);

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
lyg_sync_button_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LygSyncButton *self = LYG_SYNC_BUTTON (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      lyg_sync_button_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_sync_button_class_init (LygSyncButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lyg_sync_button_dispose;
  object_class->get_property = lyg_sync_button_get_property;
  object_class->set_property = lyg_sync_button_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LYG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-sync-button.ui");
  gtk_widget_class_bind_template_child (widget_class, LygSyncButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LygSyncButton, icon);
  gtk_widget_class_bind_template_child (widget_class, LygSyncButton, label);
  gtk_widget_class_bind_template_child (widget_class, LygSyncButton, title_label);
  gtk_widget_class_bind_template_child (widget_class, LygSyncButton, detail_label);
  gtk_widget_class_bind_template_child (widget_class, LygSyncButton, progress_bar);
}

static void
lyg_sync_button_init (LygSyncButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update (self);
}

LygContext *
lyg_sync_button_get_context (LygSyncButton *self)
{
  g_return_val_if_fail (LYG_IS_SYNC_BUTTON (self), NULL);

  return self->context;
}

/**
 * lyg_sync_button_set_context:
 * @self: a #LygSyncButton
 * @context: (nullable): the services of the open vault
 *
 * Follows the sync engine of @context, which may come and go.
 */
void
lyg_sync_button_set_context (LygSyncButton *self,
                             LygContext    *context)
{
  g_return_if_fail (LYG_IS_SYNC_BUTTON (self));
  g_return_if_fail (!context || LYG_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);

  g_set_object (&self->context, context);

  if (context != NULL)
    {
      g_signal_connect_object (context, "notify::sync", G_CALLBACK (on_context_sync_changed_cb),
                               self, G_CONNECT_SWAPPED);
      on_context_sync_changed_cb (self, NULL, context);
    }
  else
    set_engine (self, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
}

/**
 * lyg_sync_button_get_label:
 * @self: a #LygSyncButton
 *
 * Returns: the state as the button shows it, e.g. "Synced at 14:05"
 */
const char *
lyg_sync_button_get_label (LygSyncButton *self)
{
  g_return_val_if_fail (LYG_IS_SYNC_BUTTON (self), NULL);

  return gtk_label_get_label (self->label);
}
