/* lyg-activity-log-window.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-activity-log-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-activity-log-window.h"
#include "lyg-audit.h"

/* The device's activity log (lyg-audit.h), newest first, opened from the
 * primary menu. It reads the log once when it opens. */
struct _LygActivityLogWindow
{
  AdwWindow    parent_instance;

  guint        n_rows;

  /* Template widgets */
  GtkStack    *stack;
  GtkListBox  *list;
};

G_DEFINE_FINAL_TYPE (LygActivityLogWindow, lyg_activity_log_window, ADW_TYPE_WINDOW)

/**
 * lyg_activity_log_describe_detail:
 * @detail: (nullable): "key=value;…" as lyg-audit.h entries hold
 *
 * Returns: (transfer full) (nullable): the detail in words
 */
char *
lyg_activity_log_describe_detail (const char *detail)
{
  g_auto(GStrv) pairs = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (detail == NULL || *detail == '\0')
    return NULL;

  pairs = g_strsplit (detail, ";", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (pairs[i], "=", 2);
      guint n;

      if (kv[0] == NULL || kv[1] == NULL)
        {
          g_ptr_array_add (parts, g_strdup (pairs[i]));
          continue;
        }

      n = (guint) g_ascii_strtoull (kv[1], NULL, 10);
      if (g_str_equal (kv[0], "records"))
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record",
                                                              "%u records", n), n));
      else if (g_str_equal (kv[0], "persons"))
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person",
                                                              "%u persons", n), n));
      else if (g_str_equal (kv[0], "rows"))
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row",
                                                              "%u rows", n), n));
      else if (g_str_equal (kv[0], "format") && g_str_equal (kv[1], "json"))
        g_ptr_array_add (parts, g_strdup (_("JSON")));
      else if (g_str_equal (kv[0], "format") && g_str_equal (kv[1], "text"))
        g_ptr_array_add (parts, g_strdup (_("readable document")));
      else
        g_ptr_array_add (parts, g_strdup_printf ("%s: %s", kv[0], kv[1]));
    }

  g_ptr_array_add (parts, NULL);

  return g_strjoinv (", ", (char **) parts->pdata);
}

static GtkWidget *
create_row (LygAuditEntry *entry)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (entry->time);
  /* Translators: when an activity happened, see g_date_time_format() */
  g_autofree char *when = g_date_time_format (dt, _("%-d %b %Y, %H:%M"));
  g_autofree char *detail = lyg_activity_log_describe_detail (entry->detail);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (detail != NULL)
    /* Translators: time · local user · what; e.g. "3 Dec 2026, 14:02 · anna · 5 records" */
    subtitle = g_strdup_printf (_("%s · %s · %s"), when, entry->user, detail);
  else
    /* Translators: time · local user */
    subtitle = g_strdup_printf (_("%s · %s"), when, entry->user);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lyg_audit_event_label (entry->event));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
lyg_activity_log_window_class_init (LygActivityLogWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-activity-log-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LygActivityLogWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LygActivityLogWindow, list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lyg_activity_log_window_init (LygActivityLogWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lyg_activity_log_window_new (GtkWindow *parent,
                             LygVault  *vault)
{
  LygActivityLogWindow *self;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);

  self = g_object_new (LYG_TYPE_ACTIVITY_LOG_WINDOW,
                       "transient-for", parent,
                       NULL);

  if (!(entries = lyg_audit_list (vault, &error)))
    g_warning ("Could not read the activity log: %s", error->message);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      gtk_list_box_append (self->list, create_row (g_ptr_array_index (entries, i)));
      self->n_rows++;
    }

  gtk_stack_set_visible_child_name (self->stack, self->n_rows > 0 ? "list" : "empty");

  return GTK_WIDGET (self);
}

guint
lyg_activity_log_window_get_n_rows (LygActivityLogWindow *self)
{
  g_return_val_if_fail (LYG_IS_ACTIVITY_LOG_WINDOW (self), 0);

  return self->n_rows;
}
