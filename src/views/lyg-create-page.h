/* lyg-create-page.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LYG_TYPE_CREATE_PAGE (lyg_create_page_get_type ())

G_DECLARE_FINAL_TYPE (LygCreatePage, lyg_create_page, LYG, CREATE_PAGE, AdwBin)

const char *lyg_create_page_get_path        (LygCreatePage *self);
void        lyg_create_page_set_path        (LygCreatePage *self,
                                             const char    *path);
const char *lyg_create_page_get_kdf_profile (LygCreatePage *self);
void        lyg_create_page_set_kdf_profile (LygCreatePage *self,
                                             const char    *kdf_profile);
gboolean    lyg_create_page_get_busy        (LygCreatePage *self);
void        lyg_create_page_focus           (LygCreatePage *self);
void        lyg_create_page_reset           (LygCreatePage *self);
gboolean    lyg_create_page_get_join_team   (LygCreatePage *self);

G_END_DECLS
