/* ui-test-util.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Widget tests wait on the main loop, never on a fixed sleep: conditions
 * are polled until they hold or UI_TEST_WAIT_MS passes. */
#define UI_TEST_WAIT_MS 10000

typedef gboolean (*UiTestCondition) (gpointer data);

gboolean   ui_test_wait_for      (UiTestCondition  condition,
                                  gpointer         data);
void       ui_test_spin          (guint            ms);
gpointer   ui_test_child         (gpointer         widget,
                                  GType            type,
                                  const char      *name);
GtkWidget *ui_test_find_named    (GtkWidget       *widget,
                                  const char      *name);
gboolean   ui_test_widget_mapped (gpointer         widget);
void       ui_test_remove_vault  (const char      *dir,
                                  const char      *path);

G_END_DECLS
