/* lyg-screening-page.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-context.h"
#include "lyg-screening.h"

G_BEGIN_DECLS

#define LYG_TYPE_SCREENING_PAGE (lyg_screening_page_get_type ())

G_DECLARE_FINAL_TYPE (LygScreeningPage, lyg_screening_page, LYG, SCREENING_PAGE, AdwBin)

GtkWidget  *lyg_screening_page_new              (LygContext       *context,
                                                 const char       *screening_id,
                                                 const char       *person_id);
const char *lyg_screening_page_get_title        (LygScreeningPage *self);
const char *lyg_screening_page_get_screening_id (LygScreeningPage *self);
const char *lyg_screening_page_get_person_id    (LygScreeningPage *self);
LygScreeningAnswers *lyg_screening_page_get_answers   (LygScreeningPage *self);
LygCatalogue        *lyg_screening_page_get_catalogue (LygScreeningPage *self);

G_END_DECLS
