/* lyg-catalogue.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define LYG_CATALOGUE_ERROR (lyg_catalogue_error_quark ())

/* Every way a catalogue file can be rejected.  The message of the GError
 * always starts with the file (or resource) name, then says what is wrong
 * and where.
 */
typedef enum
{
  LYG_CATALOGUE_ERROR_PARSE,               /* not JSON, or not a JSON object */
  LYG_CATALOGUE_ERROR_UNSUPPORTED_FORMAT,  /* "format" newer than this code reads */
  LYG_CATALOGUE_ERROR_MISSING_FIELD,       /* a required member is absent */
  LYG_CATALOGUE_ERROR_BAD_VALUE,           /* wrong JSON type or an invalid value */
  LYG_CATALOGUE_ERROR_MISSING_TRANSLATION, /* English or Danish text absent or empty */
  LYG_CATALOGUE_ERROR_DUPLICATE_ID,        /* two dimensions, indicators, … share an id */
  LYG_CATALOGUE_ERROR_UNKNOWN_DIMENSION,   /* an indicator or the rule names no dimension */
  LYG_CATALOGUE_ERROR_MISSING_WEIGHT,      /* the rule weighs indicators, one has no weight */
  LYG_CATALOGUE_ERROR_BAD_RULE,            /* the rule is malformed or inconsistent */
  LYG_CATALOGUE_ERROR_NOT_FOUND,           /* no catalogue with that id and version */
} LygCatalogueError;

/* Indicator weights of the ILO/EC Delphi lists.  Unweighted lists use
 * LYG_WEIGHT_NONE.  The order matters: stronger weights compare greater.
 */
typedef enum
{
  LYG_WEIGHT_NONE,
  LYG_WEIGHT_WEAK,
  LYG_WEIGHT_MEDIUM,
  LYG_WEIGHT_STRONG,
} LygWeight;

#define LYG_N_WEIGHTS (LYG_WEIGHT_STRONG + 1)

typedef enum
{
  LYG_RULE_ANY_PRESENT, /* unweighted: any indicator present → refer / assess */
  LYG_RULE_WEIGHTED,    /* Delphi: weighted dimensions combined by role */
} LygRuleKind;

typedef enum
{
  LYG_RULE_ACTION_REFER,              /* "refer for assessment" */
  LYG_RULE_ACTION_FURTHER_ASSESSMENT, /* "further assessment" */
} LygRuleAction;

typedef enum
{
  LYG_CONFIDENCE_HIGH,
  LYG_CONFIDENCE_MEDIUM,
  LYG_CONFIDENCE_LOW,
} LygConfidence;

/* A text in both languages the catalogues carry. */
typedef struct
{
  char *en;
  char *da;
} LygCatalogueText;

/* Read-only views into a catalogue; they live as long as the catalogue. */
typedef struct
{
  char             *id;
  char             *role;          /* "recruitment", "exploitation", "destination", … */
  LygCatalogueText  title;
  guint             index;
  guint             n_indicators;
} LygDimension;

typedef struct
{
  char             *id;
  const LygDimension *dimension;
  LygWeight         weight;
  LygWeight         alternative_weight; /* LYG_WEIGHT_NONE unless disputed */
  LygCatalogueText  text;
  LygCatalogueText  guidance;
  LygCatalogueText  alternative_note;   /* set when alternative_weight is */
  char             *confidence;         /* "corroborated", "single-source", "disputed",
                                         * "doubtful", or NULL */
  guint             index;
} LygIndicator;

#define LYG_TYPE_CATALOGUE (lyg_catalogue_get_type ())

G_DECLARE_FINAL_TYPE (LygCatalogue, lyg_catalogue, LYG, CATALOGUE, GObject)

GQuark               lyg_catalogue_error_quark               (void);

LygCatalogue        *lyg_catalogue_new_from_data             (const char          *data,
                                                              gssize               length,
                                                              const char          *origin,
                                                              GError             **error);
LygCatalogue        *lyg_catalogue_new_from_file             (GFile               *file,
                                                              GError             **error);
LygCatalogue        *lyg_catalogue_new_from_resource         (GResource           *resource,
                                                              const char          *path,
                                                              GError             **error);

const char          *lyg_catalogue_get_id                    (LygCatalogue        *self);
guint                lyg_catalogue_get_version               (LygCatalogue        *self);
const char          *lyg_catalogue_get_origin                (LygCatalogue        *self);
const char          *lyg_catalogue_get_title                 (LygCatalogue        *self,
                                                              const char          *lang);
const char          *lyg_catalogue_get_source_document       (LygCatalogue        *self);
const char          *lyg_catalogue_get_source_publisher      (LygCatalogue        *self);
guint                lyg_catalogue_get_source_year           (LygCatalogue        *self);
const char          *lyg_catalogue_get_source_url            (LygCatalogue        *self);
const char          *lyg_catalogue_get_provenance            (LygCatalogue        *self,
                                                              const char          *lang);
LygConfidence        lyg_catalogue_get_confidence            (LygCatalogue        *self);
const char * const  *lyg_catalogue_get_profiles              (LygCatalogue        *self);
gboolean             lyg_catalogue_has_profile               (LygCatalogue        *self,
                                                              const char          *profile);
const char          *lyg_catalogue_get_default_profile       (LygCatalogue        *self);
LygRuleKind          lyg_catalogue_get_rule_kind             (LygCatalogue        *self);
LygRuleAction        lyg_catalogue_get_rule_action           (LygCatalogue        *self);
gboolean             lyg_catalogue_has_alternative_weights   (LygCatalogue        *self);
guint                lyg_catalogue_get_n_dimensions          (LygCatalogue        *self);
const LygDimension  *lyg_catalogue_get_dimension             (LygCatalogue        *self,
                                                              guint                index);
const LygDimension  *lyg_catalogue_lookup_dimension          (LygCatalogue        *self,
                                                              const char          *id);
guint                lyg_catalogue_get_n_indicators          (LygCatalogue        *self);
const LygIndicator  *lyg_catalogue_get_indicator             (LygCatalogue        *self,
                                                              guint                index);
const LygIndicator  *lyg_catalogue_lookup_indicator          (LygCatalogue        *self,
                                                              const char          *id);
JsonNode            *lyg_catalogue_to_summary_json           (LygCatalogue        *self,
                                                              const char          *lang);

const char          *lyg_catalogue_text_get                  (const LygCatalogueText *text,
                                                              const char          *lang);
const char          *lyg_catalogue_get_default_language      (void);

const char          *lyg_weight_to_string                    (LygWeight            weight);
gboolean             lyg_weight_from_string                  (const char          *str,
                                                              LygWeight           *weight);
const char          *lyg_weight_get_label                    (LygWeight            weight);
const char          *lyg_confidence_to_string                (LygConfidence        confidence);
gboolean             lyg_profile_is_valid                    (const char          *profile);
const char          *lyg_profile_get_label                   (const char          *profile);

G_END_DECLS
