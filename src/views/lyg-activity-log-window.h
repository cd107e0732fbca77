/* lyg-activity-log-window.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-vault.h"

G_BEGIN_DECLS

#define LYG_TYPE_ACTIVITY_LOG_WINDOW (lyg_activity_log_window_get_type ())

G_DECLARE_FINAL_TYPE (LygActivityLogWindow, lyg_activity_log_window, LYG, ACTIVITY_LOG_WINDOW, AdwWindow)

GtkWidget *lyg_activity_log_window_new         (GtkWindow            *parent,
                                                LygVault             *vault);
guint      lyg_activity_log_window_get_n_rows  (LygActivityLogWindow *self);
char      *lyg_activity_log_describe_detail    (const char           *detail);

G_END_DECLS
