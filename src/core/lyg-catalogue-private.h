/* lyg-catalogue-private.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-catalogue.h"

G_BEGIN_DECLS

/* One term of a combination: at least @count present indicators whose
 * weight is in @weights (a mask of 1 << LygWeight).  The terms of one
 * combination have disjoint masks, so no indicator counts twice; this is
 * how "1 strong + 1 medium-or-weak" is written: two terms, {strong} × 1
 * and {medium, weak} × 1.
 */
typedef struct
{
  guint weights;
  guint count;
} LygRuleTerm;

/* A combination of weighted indicators that makes a dimension positive. */
typedef struct
{
  char             *id;
  LygCatalogueText  label;
  GArray           *terms;  /* of LygRuleTerm */
} LygCombination;

/* One requirement of the "probable" outcome: at least one of @dimensions
 * must be positive (e.g. "a recruitment dimension").
 */
typedef struct
{
  char             *id;
  LygCatalogueText  label;
  GArray           *dimensions;  /* of guint, dimension indices */
} LygRequirement;

typedef struct
{
  char      *profile;       /* NULL for the default outcome rule */
  GPtrArray *requirements;  /* of LygRequirement, all must be met */
  guint      min_positive;  /* positive dimensions for "possible" */
} LygOutcomeRule;

/* The catalogue itself, filled in by the loader (lyg-catalogue-load.c). */
struct _LygCatalogue
{
  GObject           parent_instance;

  char             *origin;
  char             *id;
  guint             version;
  LygCatalogueText  title;
  char             *source_document;
  char             *source_publisher;
  guint             source_year;
  char             *source_url;
  LygCatalogueText  provenance;
  LygConfidence     confidence;
  GStrv             profiles;
  LygRuleKind       rule_kind;
  LygRuleAction     rule_action;
  gboolean          has_alternative_weights;

  GPtrArray        *dimensions;     /* of LygDimension */
  GPtrArray        *indicators;     /* of LygIndicator */
  GHashTable       *dimension_ids;  /* id → LygDimension (borrowed) */
  GHashTable       *indicator_ids;  /* id → LygIndicator (borrowed) */
  GPtrArray        *combinations;   /* of LygCombination */
  GPtrArray        *outcome_rules;  /* of LygOutcomeRule, [0] is the default */
};

GPtrArray            *_lyg_catalogue_get_combinations  (LygCatalogue *self);
const LygOutcomeRule *_lyg_catalogue_get_outcome_rule  (LygCatalogue *self,
                                                        const char   *profile);
void                  _lyg_catalogue_requirement_free  (gpointer      data);

G_END_DECLS
