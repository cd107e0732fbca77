/* lyg-scenario-check.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-scenario.h"
#include "lyg-screening.h"

G_BEGIN_DECLS

typedef enum
{
  LYG_VERDICT_AGREED,    /* the trainee answered as the key does */
  LYG_VERDICT_MISSED,    /* the key has it present, the trainee did not */
  LYG_VERDICT_OVER_READ, /* the trainee has it present, the key does not */
} LygVerdict;

/* How one indicator compares.  Read-only; lives as long as the check. */
typedef struct
{
  const LygIndicator     *indicator;
  LygAnswer               expected;     /* UNKNOWN when the key is silent */
  LygAnswer               given;
  LygVerdict              verdict;
  const LygCatalogueText *explanation;  /* NULL when the key is silent */
} LygScenarioCheckItem;

#define LYG_TYPE_SCENARIO_CHECK (lyg_scenario_check_get_type ())

G_DECLARE_FINAL_TYPE (LygScenarioCheck, lyg_scenario_check, LYG, SCENARIO_CHECK, GObject)

LygScenarioCheck           *lyg_scenario_check_new                  (LygScenario         *scenario,
                                                                     LygCatalogue        *catalogue,
                                                                     LygScreeningAnswers *answers,
                                                                     GError             **error);
LygScenario                *lyg_scenario_check_get_scenario         (LygScenarioCheck    *self);
guint                       lyg_scenario_check_get_n_items          (LygScenarioCheck    *self);
const LygScenarioCheckItem *lyg_scenario_check_get_item             (LygScenarioCheck    *self,
                                                                     guint                index);
guint                       lyg_scenario_check_count                (LygScenarioCheck    *self,
                                                                     LygVerdict           verdict);
LygScreeningResult         *lyg_scenario_check_get_result           (LygScenarioCheck    *self);
LygScreeningResult         *lyg_scenario_check_get_expected_result  (LygScenarioCheck    *self);
gboolean                    lyg_scenario_check_outcome_agrees       (LygScenarioCheck    *self);

const char                 *lyg_verdict_to_string                   (LygVerdict           verdict);
const char                 *lyg_verdict_get_label                   (LygVerdict           verdict);

G_END_DECLS
