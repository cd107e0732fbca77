/* lyg-entry-list.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lyg-entry-item.h"
#include "lyg-vault.h"

G_BEGIN_DECLS

typedef enum
{
  LYG_ENTRY_LIST_SORT_TITLE,
  LYG_ENTRY_LIST_SORT_DATE_ASCENDING,
  LYG_ENTRY_LIST_SORT_DATE_DESCENDING,
} LygEntryListSort;

#define LYG_TYPE_ENTRY_LIST (lyg_entry_list_get_type ())

G_DECLARE_FINAL_TYPE (LygEntryList, lyg_entry_list, LYG, ENTRY_LIST, GObject)

LygEntryList     *lyg_entry_list_new         (LygVault         *vault,
                                              const char       *type);
LygEntryList     *lyg_entry_list_new_person  (LygVault         *vault,
                                              const char       *person_id);
LygVault         *lyg_entry_list_get_vault   (LygEntryList     *self);
const char       *lyg_entry_list_get_kind    (LygEntryList     *self);
const char       *lyg_entry_list_get_query   (LygEntryList     *self);
void              lyg_entry_list_set_query   (LygEntryList     *self,
                                              const char       *query);
LygEntryListSort  lyg_entry_list_get_sort    (LygEntryList     *self);
void              lyg_entry_list_set_sort    (LygEntryList     *self,
                                              LygEntryListSort  sort);
void              lyg_entry_list_refresh     (LygEntryList     *self);
void              lyg_entry_list_clear       (LygEntryList     *self);

G_END_DECLS
