/* lyg-scenario.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-catalogue.h"
#include "lyg-screening-answers.h"
#include "lyg-screening-result.h"

G_BEGIN_DECLS

/* One line of a scenario's answer key: what a careful screener answers for
 * one indicator after reading the vignette, and why.  Read-only; lives as
 * long as the scenario.
 */
typedef struct
{
  char             *indicator;
  LygAnswer         answer;       /* observed, reported or not_present */
  LygCatalogueText  explanation;
} LygScenarioKey;

#define LYG_TYPE_SCENARIO (lyg_scenario_get_type ())

G_DECLARE_FINAL_TYPE (LygScenario, lyg_scenario, LYG, SCENARIO, GObject)

const char           *lyg_scenario_get_id                (LygScenario *self);
const char           *lyg_scenario_get_title             (LygScenario *self,
                                                          const char  *lang);
const char           *lyg_scenario_get_narrative         (LygScenario *self,
                                                          const char  *lang);
const char           *lyg_scenario_get_form              (LygScenario *self);
const char           *lyg_scenario_get_setting           (LygScenario *self);
const char           *lyg_scenario_get_catalogue_id      (LygScenario *self);
guint                 lyg_scenario_get_catalogue_version (LygScenario *self);
const char           *lyg_scenario_get_profile           (LygScenario *self);
LygOutcome            lyg_scenario_get_outcome           (LygScenario *self);
guint                 lyg_scenario_get_n_keys            (LygScenario *self);
const LygScenarioKey *lyg_scenario_get_key               (LygScenario *self,
                                                          guint        index);
const LygScenarioKey *lyg_scenario_lookup_key            (LygScenario *self,
                                                          const char  *indicator);
LygScreeningAnswers  *lyg_scenario_dup_key_answers       (LygScenario *self);

G_END_DECLS
