/* lyg-scenario-pack.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-catalogue-set.h"
#include "lyg-scenario.h"

G_BEGIN_DECLS

/* Where the shipped scenario packs live inside the core library's resources. */
#define LYG_SCENARIO_RESOURCE_PATH "/io/github/lygte/Lygte/scenarios"

#define LYG_SCENARIO_ERROR (lyg_scenario_error_quark ())

/* Every way a scenario pack can be rejected.  The message always starts
 * with the file (or resource) name, then says what is wrong and where.
 */
typedef enum
{
  LYG_SCENARIO_ERROR_PARSE,               /* not JSON, or not a JSON object */
  LYG_SCENARIO_ERROR_UNSUPPORTED_FORMAT,  /* "format" newer than this code reads */
  LYG_SCENARIO_ERROR_MISSING_FIELD,       /* a required member is absent */
  LYG_SCENARIO_ERROR_BAD_VALUE,           /* wrong JSON type or an invalid value */
  LYG_SCENARIO_ERROR_MISSING_TRANSLATION, /* English or Danish text absent or empty */
  LYG_SCENARIO_ERROR_DUPLICATE_ID,        /* two scenarios or key lines share an id */
  LYG_SCENARIO_ERROR_UNKNOWN_CATALOGUE,   /* no such catalogue, version or profile */
  LYG_SCENARIO_ERROR_UNKNOWN_INDICATOR,   /* the key names no indicator of the catalogue */
  LYG_SCENARIO_ERROR_OUTCOME_MISMATCH,    /* the engine scores the key differently */
} LygScenarioError;

#define LYG_TYPE_SCENARIO_PACK (lyg_scenario_pack_get_type ())

G_DECLARE_FINAL_TYPE (LygScenarioPack, lyg_scenario_pack, LYG, SCENARIO_PACK, GObject)

GQuark           lyg_scenario_error_quark          (void);

LygScenarioPack *lyg_scenario_pack_new_from_data   (const char       *data,
                                                    gssize            length,
                                                    const char       *origin,
                                                    GError          **error);
LygScenarioPack *lyg_scenario_pack_new_from_file   (GFile            *file,
                                                    GError          **error);
gboolean         lyg_scenario_pack_validate        (LygScenarioPack  *self,
                                                    LygCatalogueSet  *catalogues,
                                                    GError          **error);
const char      *lyg_scenario_pack_get_id          (LygScenarioPack  *self);
const char      *lyg_scenario_pack_get_title       (LygScenarioPack  *self,
                                                    const char       *lang);
const char      *lyg_scenario_pack_get_origin      (LygScenarioPack  *self);
GBytes          *lyg_scenario_pack_get_data        (LygScenarioPack  *self);
guint            lyg_scenario_pack_get_n_scenarios (LygScenarioPack  *self);
LygScenario     *lyg_scenario_pack_get_scenario    (LygScenarioPack  *self,
                                                    guint             index);
LygScenario     *lyg_scenario_pack_lookup          (LygScenarioPack  *self,
                                                    const char       *scenario_id);
GPtrArray       *lyg_scenario_pack_load_shipped    (LygCatalogueSet  *catalogues,
                                                    GError          **error);
GResource       *lyg_scenario_pack_get_shipped_resource (void);

G_END_DECLS
