/* lyg-devices-page.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-context.h"

G_BEGIN_DECLS

#define LYG_TYPE_DEVICES_PAGE (lyg_devices_page_get_type ())

G_DECLARE_FINAL_TYPE (LygDevicesPage, lyg_devices_page, LYG, DEVICES_PAGE, AdwBin)

GtkWidget *lyg_devices_page_new          (LygContext     *context);
gboolean   lyg_devices_page_is_available (LygContext     *context);
void       lyg_devices_page_reload       (LygDevicesPage *self);
gboolean   lyg_devices_page_get_busy     (LygDevicesPage *self);
guint      lyg_devices_page_get_n_devices (LygDevicesPage *self);

G_END_DECLS
