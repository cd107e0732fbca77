/* lyg-shelter-page.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-context.h"

G_BEGIN_DECLS

#define LYG_TYPE_SHELTER_PAGE (lyg_shelter_page_get_type ())

G_DECLARE_FINAL_TYPE (LygShelterPage, lyg_shelter_page, LYG, SHELTER_PAGE, AdwBin)

GtkWidget  *lyg_shelter_page_new          (LygContext     *context);
GStrv       lyg_shelter_page_dup_residents (LygShelterPage *self);
void        lyg_shelter_page_set_today    (LygShelterPage *self,
                                           const GDate    *today);
void        lyg_shelter_page_refresh      (LygShelterPage *self);

G_END_DECLS
