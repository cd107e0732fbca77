/* lyg-application.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LYG_TYPE_APPLICATION (lyg_application_get_type ())

G_DECLARE_FINAL_TYPE (LygApplication, lyg_application, LYG, APPLICATION, AdwApplication)

LygApplication *lyg_application_new            (void);
void            lyg_application_lock_all       (LygApplication *self);
void            lyg_application_update_actions (LygApplication *self);

G_END_DECLS
