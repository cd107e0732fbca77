/* lyg-indicator-row.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-catalogue.h"
#include "lyg-screening-answers.h"

G_BEGIN_DECLS

#define LYG_TYPE_INDICATOR_ROW (lyg_indicator_row_get_type ())

G_DECLARE_FINAL_TYPE (LygIndicatorRow, lyg_indicator_row, LYG, INDICATOR_ROW, GtkListBoxRow)

GtkWidget          *lyg_indicator_row_new           (LygCatalogue       *catalogue,
                                                     const LygIndicator *indicator,
                                                     const char         *lang);
const LygIndicator *lyg_indicator_row_get_indicator (LygIndicatorRow    *self);
LygAnswer           lyg_indicator_row_get_answer    (LygIndicatorRow    *self);
void                lyg_indicator_row_set_answer    (LygIndicatorRow    *self,
                                                     LygAnswer           answer);
const char         *lyg_indicator_row_get_note      (LygIndicatorRow    *self);
void                lyg_indicator_row_set_note      (LygIndicatorRow    *self,
                                                     const char         *note);

G_END_DECLS
