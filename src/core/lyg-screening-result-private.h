/* lyg-screening-result-private.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-screening-result.h"

G_BEGIN_DECLS

/* Filled in by the engine (lyg-screening.c), read through the public API. */
struct _LygScreeningResult
{
  GObject              parent_instance;

  LygCatalogue        *catalogue;
  char                *profile;
  LygScreeningAnswers *answers;
  LygOutcome           outcome;
  LygOutcome           alternative_outcome;
  gboolean             settled;
  gboolean             disputed;
  GArray              *dimensions;    /* of LygDimensionResult */
  GArray              *requirements;  /* of LygRequirementResult */
  guint                n_unknown;
  guint                n_observed;
  guint                n_reported;
  guint                n_not_present;
};

LygScreeningResult *_lyg_screening_result_new (LygCatalogue        *catalogue,
                                               const char          *profile,
                                               LygScreeningAnswers *answers);

G_END_DECLS
