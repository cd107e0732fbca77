/* lyg-window-actions.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-window-actions"

#include "config.h"

#include "lyg-activity-log-window.h"
#include "lyg-window-private.h"

static void
lyg_window_actions_lock (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  lyg_window_lock (LYG_WINDOW (widget));
}

static void
lyg_window_actions_search (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  LygWindow *self = LYG_WINDOW (widget);

  lyg_main_page_begin_search (self->main_page);
}

static void
lyg_window_actions_new_record (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  LygWindow *self = LYG_WINDOW (widget);
  const char *type = NULL;

  if (g_str_equal (action_name, "win.new-encounter"))
    type = "encounter";
  else if (g_str_equal (action_name, "win.new-person"))
    type = "person";
  else if (g_str_equal (action_name, "win.new-screening"))
    type = "screening";
  else if (g_str_equal (action_name, "win.new-followup"))
    type = "followup";

  if (type != NULL)
    lyg_main_page_new_record (self->main_page, type, NULL);
}

static void
lyg_window_actions_activity_log (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  LygWindow *self = LYG_WINDOW (widget);

  if (self->context != NULL)
    gtk_window_present (GTK_WINDOW (lyg_activity_log_window_new (GTK_WINDOW (self),
                                                                 lyg_context_get_vault (self->context))));
}

static const char * const new_record_actions[] = {
  "win.new-encounter", "win.new-person", "win.new-screening", "win.new-followup",
};

void
_lyg_window_class_actions_init (LygWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lyg_window_actions_lock);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, lyg_window_actions_search);
  gtk_widget_class_install_action (widget_class, "win.activity-log", NULL,
                                   lyg_window_actions_activity_log);

  for (guint i = 0; i < G_N_ELEMENTS (new_record_actions); i++)
    gtk_widget_class_install_action (widget_class, new_record_actions[i], NULL,
                                     lyg_window_actions_new_record);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.lock", NULL);
  /* The quick encounter is one keystroke away, wherever the focus is. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-encounter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

/* Locking and searching only make sense while the main page shows an
 * unlocked vault.
 */
void
_lyg_window_actions_update (LygWindow *self)
{
  GtkApplication *app;
  gboolean open;

  g_assert (LYG_IS_WINDOW (self));

  open = ((self->vault != NULL && lyg_vault_get_unlocked (self->vault)) ||
          self->training_vault != NULL) &&
         g_strcmp0 (lyg_window_get_visible_page (self), "main") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.activity-log", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.enter-training", !open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-training",
                                 self->training_vault != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (new_record_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), new_record_actions[i], open);
  _lyg_window_sync_update_actions (self, open);

  /* app.preferences follows the active window's lock state. */
  app = gtk_window_get_application (GTK_WINDOW (self));
  if (LYG_IS_APPLICATION (app))
    lyg_application_update_actions (LYG_APPLICATION (app));
}
