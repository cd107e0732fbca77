/* lyg-conflict-list.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-record.h"

G_BEGIN_DECLS

#define LYG_TYPE_CONFLICT_LIST (lyg_conflict_list_get_type ())

G_DECLARE_FINAL_TYPE (LygConflictList, lyg_conflict_list, LYG, CONFLICT_LIST, AdwBin)

GtkWidget *lyg_conflict_list_new             (void);
void       lyg_conflict_list_set_record      (LygConflictList *self,
                                              LygRecord       *record);
guint      lyg_conflict_list_get_n_conflicts (LygConflictList *self);
GtkWidget *lyg_conflict_list_get_keep_button (LygConflictList *self,
                                              const char      *field,
                                              guint            version);

G_END_DECLS
