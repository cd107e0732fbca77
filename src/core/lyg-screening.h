/* lyg-screening.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "lyg-catalogue.h"
#include "lyg-catalogue-set.h"
#include "lyg-screening-answers.h"
#include "lyg-screening-result.h"

G_BEGIN_DECLS

#define LYG_SCREENING_ERROR (lyg_screening_error_quark ())

typedef enum
{
  LYG_SCREENING_ERROR_UNKNOWN_INDICATOR, /* an answer names no indicator of the catalogue */
  LYG_SCREENING_ERROR_BAD_ANSWER,        /* an answer is not observed/reported/… */
  LYG_SCREENING_ERROR_BAD_PROFILE,       /* the catalogue has no such profile */
  LYG_SCREENING_ERROR_INVALID,           /* the answers JSON has the wrong shape */
} LygScreeningError;

GQuark               lyg_screening_error_quark         (void);

LygScreeningResult  *lyg_screening_score               (LygCatalogue         *catalogue,
                                                        const char           *profile,
                                                        LygScreeningAnswers  *answers,
                                                        GError              **error);
LygScreeningResult  *lyg_screening_rescore             (LygCatalogueSet      *set,
                                                        const char           *catalogue_id,
                                                        guint                 catalogue_version,
                                                        const char           *profile,
                                                        JsonNode             *answers,
                                                        GError              **error);

JsonNode            *lyg_screening_answers_to_json     (LygScreeningAnswers  *answers);
LygScreeningAnswers *lyg_screening_answers_from_json   (JsonNode             *node,
                                                        GError              **error);

G_END_DECLS
