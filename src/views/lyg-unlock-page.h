/* lyg-unlock-page.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-vault.h"

G_BEGIN_DECLS

#define LYG_TYPE_UNLOCK_PAGE (lyg_unlock_page_get_type ())

G_DECLARE_FINAL_TYPE (LygUnlockPage, lyg_unlock_page, LYG, UNLOCK_PAGE, AdwBin)

LygVault *lyg_unlock_page_get_vault (LygUnlockPage *self);
void      lyg_unlock_page_set_vault (LygUnlockPage *self,
                                     LygVault      *vault);
gboolean  lyg_unlock_page_get_busy  (LygUnlockPage *self);
void      lyg_unlock_page_focus     (LygUnlockPage *self);
void      lyg_unlock_page_reset     (LygUnlockPage *self);

G_END_DECLS
