/* lyg-training-session.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-context.h"
#include "lyg-scenario-check.h"
#include "lyg-screening-page.h"

G_BEGIN_DECLS

#define LYG_TYPE_TRAINING_SESSION (lyg_training_session_get_type ())

G_DECLARE_FINAL_TYPE (LygTrainingSession, lyg_training_session, LYG, TRAINING_SESSION, AdwBin)

GtkWidget        *lyg_training_session_new                (LygContext         *context,
                                                           LygScenario        *scenario,
                                                           const char         *screening_id);
LygScenario      *lyg_training_session_get_scenario       (LygTrainingSession *self);
LygScreeningPage *lyg_training_session_get_screening_page (LygTrainingSession *self);
LygScenarioCheck *lyg_training_session_check              (LygTrainingSession *self,
                                                           GError            **error);
LygScenarioCheck *lyg_training_session_get_check          (LygTrainingSession *self);
GtkWindow        *lyg_training_session_present            (LygTrainingSession *self);

G_END_DECLS
