/* lyg-preferences-window.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-context.h"

G_BEGIN_DECLS

#define LYG_TYPE_PREFERENCES_WINDOW (lyg_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LygPreferencesWindow, lyg_preferences_window,
                      LYG, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget  *lyg_preferences_window_new                   (LygContext           *context,
                                                          GtkWindow            *transient_for);
LygContext *lyg_preferences_window_get_context           (LygPreferencesWindow *self);
gboolean    lyg_preferences_window_get_busy              (LygPreferencesWindow *self);
void        lyg_preferences_window_show_change_passphrase (LygPreferencesWindow *self);

G_END_DECLS
