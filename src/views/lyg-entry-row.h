/* lyg-entry-row.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-entry-item.h"

G_BEGIN_DECLS

#define LYG_TYPE_ENTRY_ROW (lyg_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (LygEntryRow, lyg_entry_row, LYG, ENTRY_ROW, AdwBin)

GtkWidget    *lyg_entry_row_new         (void);
LygEntryItem *lyg_entry_row_get_item    (LygEntryRow  *self);
void          lyg_entry_row_set_item    (LygEntryRow  *self,
                                         LygEntryItem *item);
char         *lyg_entry_row_format_date (const char   *iso_date);
const char   *lyg_entry_row_type_icon   (const char   *type);

G_END_DECLS
