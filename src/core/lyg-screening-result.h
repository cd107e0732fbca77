/* lyg-screening-result.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "lyg-catalogue.h"
#include "lyg-screening-answers.h"

G_BEGIN_DECLS

typedef enum
{
  /* weighted catalogues (ILO/EC Delphi) */
  LYG_OUTCOME_NO_INDICATION,
  LYG_OUTCOME_POSSIBLE,
  LYG_OUTCOME_PROBABLE,
  /* unweighted catalogues */
  LYG_OUTCOME_NONE_SO_FAR,
  LYG_OUTCOME_INDICATORS_PRESENT,
} LygOutcome;

/* How one dimension came out.  Read-only; lives as long as the result. */
typedef struct
{
  const LygDimension     *dimension;
  gboolean                positive;
  gboolean                open;               /* unknown answers could still make it positive */
  const char             *combination;        /* first combination met, or NULL */
  const LygCatalogueText *combination_label;  /* its label, or NULL */
  GPtrArray              *matched;            /* (element-type utf8) every combination met */
  GPtrArray              *present;            /* (element-type LygIndicator) present, in order */
  GPtrArray              *contributing;       /* (element-type LygIndicator) counted by
                                               * the first combination met */
  guint                   counts[LYG_N_WEIGHTS];  /* present indicators per weight */
  guint                   n_unknown;
  guint                   n_not_present;
  gboolean                disputed;           /* a present indicator has an alternative weight */
  gboolean                alternative_positive;
} LygDimensionResult;

/* One requirement of the "probable" outcome (weighted catalogues only). */
typedef struct
{
  const char             *id;
  const LygCatalogueText *label;
  gboolean                met;
  GPtrArray              *positive;  /* (element-type LygDimension) positive dimensions it names */
} LygRequirementResult;

#define LYG_TYPE_SCREENING_RESULT (lyg_screening_result_get_type ())

G_DECLARE_FINAL_TYPE (LygScreeningResult, lyg_screening_result, LYG, SCREENING_RESULT, GObject)

LygCatalogue               *lyg_screening_result_get_catalogue           (LygScreeningResult *self);
const char                 *lyg_screening_result_get_profile             (LygScreeningResult *self);
LygScreeningAnswers        *lyg_screening_result_get_answers             (LygScreeningResult *self);
LygOutcome                  lyg_screening_result_get_outcome             (LygScreeningResult *self);
LygOutcome                  lyg_screening_result_get_alternative_outcome (LygScreeningResult *self);
gboolean                    lyg_screening_result_is_settled              (LygScreeningResult *self);
guint                       lyg_screening_result_get_n_dimensions        (LygScreeningResult *self);
const LygDimensionResult   *lyg_screening_result_get_dimension           (LygScreeningResult *self,
                                                                          guint               index);
const LygDimensionResult   *lyg_screening_result_lookup_dimension        (LygScreeningResult *self,
                                                                          const char         *id);
guint                       lyg_screening_result_get_n_requirements      (LygScreeningResult *self);
const LygRequirementResult *lyg_screening_result_get_requirement         (LygScreeningResult *self,
                                                                          guint               index);
guint                       lyg_screening_result_get_n_unknown           (LygScreeningResult *self);
guint                       lyg_screening_result_get_n_present           (LygScreeningResult *self);
guint                       lyg_screening_result_get_n_not_present       (LygScreeningResult *self);
const char                 *lyg_screening_result_get_outcome_label       (LygScreeningResult *self);
char                       *lyg_screening_result_dup_explanation         (LygScreeningResult *self,
                                                                          const char         *lang);
char                       *lyg_screening_result_dup_dimension_reason    (LygScreeningResult *self,
                                                                          guint              index,
                                                                          const char         *lang);
const char                 *lyg_screening_result_get_next_step           (LygScreeningResult *self);
JsonNode                   *lyg_screening_result_to_json                 (LygScreeningResult *self,
                                                                          const char         *lang);
gboolean                    lyg_screening_result_equal                   (LygScreeningResult *a,
                                                                          LygScreeningResult *b);

const char                 *lyg_screening_get_disclaimer (void);
const char                 *lyg_outcome_to_string        (LygOutcome          outcome);
gboolean                    lyg_outcome_from_string      (const char         *str,
                                                          LygOutcome         *outcome);
gboolean                    lyg_outcome_is_positive      (LygOutcome          outcome);

G_END_DECLS
