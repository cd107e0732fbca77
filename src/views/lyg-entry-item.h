/* lyg-entry-item.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "lyg-index.h"

G_BEGIN_DECLS

#define LYG_TYPE_ENTRY_ITEM (lyg_entry_item_get_type ())

G_DECLARE_FINAL_TYPE (LygEntryItem, lyg_entry_item, LYG, ENTRY_ITEM, GObject)

LygEntryItem        *lyg_entry_item_new          (LygIndexEntry *entry);
const LygIndexEntry *lyg_entry_item_get_entry    (LygEntryItem  *self);
const char          *lyg_entry_item_get_id       (LygEntryItem  *self);
const char          *lyg_entry_item_get_kind     (LygEntryItem  *self);
const char          *lyg_entry_item_get_title    (LygEntryItem  *self);
const char          *lyg_entry_item_get_subtitle (LygEntryItem  *self);
const char          *lyg_entry_item_get_date     (LygEntryItem  *self);

G_END_DECLS
