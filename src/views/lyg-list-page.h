/* lyg-list-page.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-context.h"
#include "lyg-entry-list.h"

G_BEGIN_DECLS

#define LYG_TYPE_LIST_PAGE (lyg_list_page_get_type ())

G_DECLARE_FINAL_TYPE (LygListPage, lyg_list_page, LYG, LIST_PAGE, AdwBin)

GtkWidget    *lyg_list_page_new           (LygContext  *context,
                                           const char  *kind);
const char   *lyg_list_page_get_kind      (LygListPage *self);
LygEntryList *lyg_list_page_get_model     (LygListPage *self);
GtkListView  *lyg_list_page_get_list_view (LygListPage *self);
const char   *lyg_list_page_get_search    (LygListPage *self);
void          lyg_list_page_set_search    (LygListPage *self,
                                           const char  *search);

G_END_DECLS
