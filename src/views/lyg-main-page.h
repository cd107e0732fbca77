/* lyg-main-page.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-context.h"

G_BEGIN_DECLS

#define LYG_TYPE_MAIN_PAGE (lyg_main_page_get_type ())

G_DECLARE_FINAL_TYPE (LygMainPage, lyg_main_page, LYG, MAIN_PAGE, AdwBin)

LygContext *lyg_main_page_get_context     (LygMainPage *self);
void        lyg_main_page_set_context     (LygMainPage *self,
                                           LygContext  *context);
const char *lyg_main_page_get_section     (LygMainPage *self);
void        lyg_main_page_set_section     (LygMainPage *self,
                                           const char  *section);
GtkWidget  *lyg_main_page_get_section_page (LygMainPage *self,
                                           const char  *section);
const char *lyg_main_page_get_search      (LygMainPage *self);
void        lyg_main_page_begin_search    (LygMainPage *self);
gboolean    lyg_main_page_open_record     (LygMainPage *self,
                                           const char  *id);
GtkWidget  *lyg_main_page_new_record      (LygMainPage *self,
                                           const char  *type,
                                           const char  *person_id);
GtkWidget  *lyg_main_page_get_record_page (LygMainPage *self);
void        lyg_main_page_push_page       (LygMainPage *self,
                                           GtkWidget   *page);
guint       lyg_main_page_get_depth       (LygMainPage *self);
void        lyg_main_page_go_back         (LygMainPage *self);
void        lyg_main_page_reset           (LygMainPage *self);

G_END_DECLS
