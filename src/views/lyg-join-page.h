/* lyg-join-page.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-vault.h"

G_BEGIN_DECLS

#define LYG_TYPE_JOIN_PAGE (lyg_join_page_get_type ())

G_DECLARE_FINAL_TYPE (LygJoinPage, lyg_join_page, LYG, JOIN_PAGE, AdwBin)

LygVault *lyg_join_page_get_vault (LygJoinPage *self);
void      lyg_join_page_set_vault (LygJoinPage *self,
                                   LygVault    *vault);
gboolean  lyg_join_page_get_busy  (LygJoinPage *self);
void      lyg_join_page_focus     (LygJoinPage *self);
void      lyg_join_page_reset     (LygJoinPage *self);

G_END_DECLS
