/* lyg-window.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-application.h"
#include "lyg-context.h"
#include "lyg-vault.h"

G_BEGIN_DECLS

#define LYG_TYPE_WINDOW (lyg_window_get_type ())

G_DECLARE_FINAL_TYPE (LygWindow, lyg_window, LYG, WINDOW, AdwApplicationWindow)

LygWindow  *lyg_window_new              (LygApplication *application,
                                         LygVault       *vault,
                                         const char     *path);
LygVault   *lyg_window_get_vault        (LygWindow      *self);
LygContext *lyg_window_get_context      (LygWindow      *self);
const char *lyg_window_get_path         (LygWindow      *self);
const char *lyg_window_get_visible_page (LygWindow      *self);
void        lyg_window_lock             (LygWindow      *self);
gboolean    lyg_window_enter_training   (LygWindow      *self,
                                         GError        **error);
gboolean    lyg_window_get_training     (LygWindow      *self);
void        lyg_window_add_toast        (LygWindow      *self,
                                         AdwToast       *toast);
void        lyg_window_show_error       (LygWindow      *self,
                                         const GError   *error);

G_END_DECLS
