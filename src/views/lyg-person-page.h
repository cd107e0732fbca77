/* lyg-person-page.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-context.h"

G_BEGIN_DECLS

#define LYG_TYPE_PERSON_PAGE (lyg_person_page_get_type ())

G_DECLARE_FINAL_TYPE (LygPersonPage, lyg_person_page, LYG, PERSON_PAGE, AdwBin)

GtkWidget  *lyg_person_page_new           (LygContext    *context,
                                           const char    *person_id);
const char *lyg_person_page_get_title     (LygPersonPage *self);
const char *lyg_person_page_get_person_id (LygPersonPage *self);
gboolean    lyg_person_page_save          (LygPersonPage *self,
                                           GError       **error);

G_END_DECLS
