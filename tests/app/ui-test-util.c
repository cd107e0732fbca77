/* ui-test-util.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ui-test-util.h"

static gboolean
on_tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Returns whether @condition came to hold before the deadline. */
gboolean
ui_test_wait_for (UiTestCondition condition,
                  gpointer        data)
{
  gint64 deadline = g_get_monotonic_time () + UI_TEST_WAIT_MS * G_TIME_SPAN_MILLISECOND;
  guint tick = g_timeout_add (10, on_tick_cb, NULL);
  gboolean ok;

  while (!(ok = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);

  return ok;
}

/* Runs the main loop for @ms, for what has no condition to wait on. */
void
ui_test_spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;
  guint tick = g_timeout_add (10, on_tick_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
}

/* A template child of @widget, asserted to exist and be a @type. */
gpointer
ui_test_child (gpointer    widget,
               GType       type,
               const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget),
                                                   G_OBJECT_TYPE (widget), name);

  g_assert_nonnull (object);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (object, type));

  return object;
}

/* A widget by its name anywhere inside @widget (rows built in code). */
GtkWidget *
ui_test_find_named (GtkWidget  *widget,
                    const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = ui_test_find_named (c, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
ui_test_widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* Removes a test vault with its SQLite side files, then its directory. */
void
ui_test_remove_vault (const char *dir,
                      const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }

  g_rmdir (dir);
}
