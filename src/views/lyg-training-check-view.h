/* lyg-training-check-view.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-scenario-check.h"

G_BEGIN_DECLS

#define LYG_TYPE_TRAINING_CHECK_VIEW (lyg_training_check_view_get_type ())

G_DECLARE_FINAL_TYPE (LygTrainingCheckView, lyg_training_check_view, LYG, TRAINING_CHECK_VIEW, AdwBin)

void lyg_training_check_view_set_check (LygTrainingCheckView *self,
                                        LygScenarioCheck     *check,
                                        const char           *lang);

G_END_DECLS
