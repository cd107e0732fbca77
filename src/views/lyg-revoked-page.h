/* lyg-revoked-page.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LYG_TYPE_REVOKED_PAGE (lyg_revoked_page_get_type ())

G_DECLARE_FINAL_TYPE (LygRevokedPage, lyg_revoked_page, LYG, REVOKED_PAGE, AdwBin)

void lyg_revoked_page_set_message (LygRevokedPage *self,
                                   const char     *message);

G_END_DECLS
