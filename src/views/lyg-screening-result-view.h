/* lyg-screening-result-view.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-screening-result.h"

G_BEGIN_DECLS

#define LYG_TYPE_SCREENING_RESULT_VIEW (lyg_screening_result_view_get_type ())

G_DECLARE_FINAL_TYPE (LygScreeningResultView, lyg_screening_result_view, LYG, SCREENING_RESULT_VIEW, AdwBin)

GtkWidget          *lyg_screening_result_view_new                  (void);
LygScreeningResult *lyg_screening_result_view_get_result           (LygScreeningResultView *self);
void                lyg_screening_result_view_set_result           (LygScreeningResultView *self,
                                                                    LygScreeningResult     *result,
                                                                    const char             *lang);
const char         *lyg_screening_result_view_get_outcome_text     (LygScreeningResultView *self);
char               *lyg_screening_result_view_dup_dimension_status (LygScreeningResultView *self,
                                                                    const char             *dimension_id);

G_END_DECLS
