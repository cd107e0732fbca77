/* lyg-sync-button.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-context.h"

G_BEGIN_DECLS

#define LYG_TYPE_SYNC_BUTTON (lyg_sync_button_get_type ())

G_DECLARE_FINAL_TYPE (LygSyncButton, lyg_sync_button, LYG, SYNC_BUTTON, AdwBin)

LygContext *lyg_sync_button_get_context (LygSyncButton *self);
void        lyg_sync_button_set_context (LygSyncButton *self,
                                         LygContext    *context);
const char *lyg_sync_button_get_label   (LygSyncButton *self);

G_END_DECLS
