/* lyg-passphrase-feedback.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean lyg_passphrase_feedback_update (GtkLevelBar *strength_bar,
                                         GtkLabel    *strength_label,
                                         GtkWidget   *match_label,
                                         GtkWidget   *confirm_row,
                                         const char  *passphrase,
                                         const char  *confirm);
void     lyg_widget_set_state_class     (GtkWidget   *widget,
                                         const char  *state);

G_END_DECLS
