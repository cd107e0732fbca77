/* lyg-today-page.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-context.h"

G_BEGIN_DECLS

#define LYG_TYPE_TODAY_PAGE (lyg_today_page_get_type ())

G_DECLARE_FINAL_TYPE (LygTodayPage, lyg_today_page, LYG, TODAY_PAGE, AdwBin)

GtkWidget  *lyg_today_page_new (LygContext   *context);

G_END_DECLS
