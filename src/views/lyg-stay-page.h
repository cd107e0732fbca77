/* lyg-stay-page.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-context.h"

G_BEGIN_DECLS

#define LYG_TYPE_STAY_PAGE (lyg_stay_page_get_type ())

G_DECLARE_FINAL_TYPE (LygStayPage, lyg_stay_page, LYG, STAY_PAGE, AdwBin)

GtkWidget  *lyg_stay_page_new           (LygContext   *context,
                                         const char   *stay_id,
                                         const char   *person_id);
GtkWidget  *lyg_stay_page_open          (LygContext   *context,
                                         const char   *type,
                                         const char   *id,
                                         const char   *person_id);
const char *lyg_stay_page_get_title     (LygStayPage  *self);
const char *lyg_stay_page_get_stay_id   (LygStayPage  *self);
gboolean    lyg_stay_page_save          (LygStayPage  *self,
                                         GError      **error);
gboolean    lyg_stay_page_extend        (LygStayPage  *self,
                                         guint         extra_days,
                                         const char   *reason,
                                         GError      **error);
gboolean    lyg_stay_page_add_note      (LygStayPage  *self,
                                         const char   *text,
                                         GError      **error);

G_END_DECLS
