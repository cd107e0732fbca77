/* lyg-screening.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-screening"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lyg-catalogue-private.h"
#include "lyg-screening.h"
#include "lyg-screening-result-private.h"

/* The screening engine: answers in, result out.
 *
 * Only OBSERVED and REPORTED answers count an indicator as present.  An
 * UNKNOWN answer (the default) never counts as NOT_PRESENT; unknown answers
 * are counted and used to tell whether a dimension, or the outcome, could
 * still change ("open", "settled").
 *
 * Weighted catalogues (ILO/EC Delphi): a dimension is positive when the
 * present indicators meet any of the catalogue's combinations.  Each
 * combination is a list of terms with disjoint weight sets, each term
 * needing at least `count` present indicators of those weights.  The
 * outcome is "probable" when every requirement of the profile's outcome
 * rule has a positive dimension, "possible" when at least
 * `min_positive_dimensions` dimensions are positive, and "no indication"
 * otherwise.  The same is computed with the alternative reading of
 * disputed weights, so the result can say when a dispute matters.
 *
 * Unweighted catalogues: a dimension is positive when any indicator in it
 * is present, and the outcome is "indicators present" when any is.
 */

G_DEFINE_QUARK (lyg-screening-error-quark, lyg_screening_error)

static gboolean
combination_met (const LygCombination *combination,
                 const guint          *counts)
{
  for (guint i = 0; i < combination->terms->len; i++)
    {
      const LygRuleTerm *term = &g_array_index (combination->terms, LygRuleTerm, i);
      guint n = 0;

      for (guint w = LYG_WEIGHT_WEAK; w <= LYG_WEIGHT_STRONG; w++)
        if (term->weights & (1u << w))
          n += counts[w];

      if (n < term->count)
        return FALSE;
    }

  return TRUE;
}

/* Returns the first combination met by @counts, or NULL; adds the ids of
 * all combinations met to @matched when given.
 */
static const LygCombination *
evaluate_dimension (GPtrArray   *combinations,
                    const guint *counts,
                    GPtrArray   *matched)
{
  const LygCombination *first = NULL;

  for (guint i = 0; i < combinations->len; i++)
    {
      const LygCombination *combination = g_ptr_array_index (combinations, i);

      if (!combination_met (combination, counts))
        continue;

      if (first == NULL)
        first = combination;

      if (matched == NULL)
        break;

      g_ptr_array_add (matched, combination->id);
    }

  return first;
}

static gboolean
requirement_met (const LygRequirement *requirement,
                 const gboolean       *positive)
{
  for (guint i = 0; i < requirement->dimensions->len; i++)
    if (positive[g_array_index (requirement->dimensions, guint, i)])
      return TRUE;

  return FALSE;
}

static LygOutcome
weighted_outcome (const LygOutcomeRule *rule,
                  const gboolean       *positive,
                  guint                 n_dimensions)
{
  gboolean all_met = TRUE;
  guint n_positive = 0;

  for (guint i = 0; i < rule->requirements->len; i++)
    all_met &= requirement_met (g_ptr_array_index (rule->requirements, i), positive);

  if (all_met)
    return LYG_OUTCOME_PROBABLE;

  for (guint i = 0; i < n_dimensions; i++)
    n_positive += positive[i] ? 1 : 0;

  if (n_positive >= rule->min_positive)
    return LYG_OUTCOME_POSSIBLE;

  return LYG_OUTCOME_NO_INDICATION;
}

static guint
combination_weights (const LygCombination *combination)
{
  guint mask = 0;

  for (guint i = 0; i < combination->terms->len; i++)
    mask |= g_array_index (combination->terms, LygRuleTerm, i).weights;

  return mask;
}

static gboolean
check_answers (LygCatalogue         *catalogue,
               LygScreeningAnswers  *answers,
               GError              **error)
{
  g_auto(GStrv) ids = lyg_screening_answers_list_ids (answers);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (lyg_catalogue_lookup_indicator (catalogue, ids[i]) == NULL)
        {
          g_set_error (error, LYG_SCREENING_ERROR, LYG_SCREENING_ERROR_UNKNOWN_INDICATOR,
                       _("Catalogue “%s” version %u has no indicator “%s”"),
                       lyg_catalogue_get_id (catalogue),
                       lyg_catalogue_get_version (catalogue), ids[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * lyg_screening_score:
 * @catalogue: the catalogue the answers belong to
 * @profile: (nullable): a profile of @catalogue, or %NULL for its default
 * @answers: the answers; indicators without an answer are unknown
 * @error: return location for a #GError
 *
 * Scores @answers against @catalogue.
 *
 * Returns: (transfer full): the result, or %NULL with @error set when an
 *   answer names an indicator that is not in @catalogue
 *   (%LYG_SCREENING_ERROR_UNKNOWN_INDICATOR) or @profile is not one of its
 *   profiles (%LYG_SCREENING_ERROR_BAD_PROFILE)
 */
LygScreeningResult *
lyg_screening_score (LygCatalogue         *catalogue,
                     const char           *profile,
                     LygScreeningAnswers  *answers,
                     GError              **error)
{
  g_autoptr(LygScreeningResult) result = NULL;
  g_autofree gboolean *positive = NULL;
  g_autofree gboolean *alternative = NULL;
  g_autofree gboolean *maximal = NULL;
  g_autofree guint *alt_counts = NULL;
  g_autofree guint *max_counts = NULL;
  const LygOutcomeRule *rule;
  GPtrArray *combinations;
  gboolean weighted;
  guint n_dimensions;
  guint n_indicators;
  LygOutcome maximal_outcome;

  g_return_val_if_fail (LYG_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (LYG_IS_SCREENING_ANSWERS (answers), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (profile == NULL)
    profile = lyg_catalogue_get_default_profile (catalogue);

  if (!lyg_catalogue_has_profile (catalogue, profile))
    {
      g_autofree char *profiles = g_strjoinv (", ",
                                              (char **)lyg_catalogue_get_profiles (catalogue));

      g_set_error (error, LYG_SCREENING_ERROR, LYG_SCREENING_ERROR_BAD_PROFILE,
                   _("Catalogue “%s” has no profile “%s” (it has: %s)"),
                   lyg_catalogue_get_id (catalogue), profile, profiles);
      return NULL;
    }

  if (!check_answers (catalogue, answers, error))
    return NULL;

  weighted = lyg_catalogue_get_rule_kind (catalogue) == LYG_RULE_WEIGHTED;
  combinations = _lyg_catalogue_get_combinations (catalogue);
  rule = _lyg_catalogue_get_outcome_rule (catalogue, profile);
  n_dimensions = lyg_catalogue_get_n_dimensions (catalogue);
  n_indicators = lyg_catalogue_get_n_indicators (catalogue);

  g_assert (!weighted || rule != NULL);

  result = _lyg_screening_result_new (catalogue, profile, answers);
  positive = g_new0 (gboolean, n_dimensions);
  alternative = g_new0 (gboolean, n_dimensions);
  maximal = g_new0 (gboolean, n_dimensions);
  alt_counts = g_new0 (guint, n_dimensions * LYG_N_WEIGHTS);
  max_counts = g_new0 (guint, n_dimensions * LYG_N_WEIGHTS);

  g_array_set_size (result->dimensions, n_dimensions);
  for (guint i = 0; i < n_dimensions; i++)
    {
      LygDimensionResult *dr = &g_array_index (result->dimensions, LygDimensionResult, i);

      dr->dimension = lyg_catalogue_get_dimension (catalogue, i);
      dr->matched = g_ptr_array_new ();
      dr->present = g_ptr_array_new ();
      dr->contributing = g_ptr_array_new ();
    }

  /* Sort every answer into its dimension. */
  for (guint i = 0; i < n_indicators; i++)
    {
      const LygIndicator *indicator = lyg_catalogue_get_indicator (catalogue, i);
      guint d = indicator->dimension->index;
      LygDimensionResult *dr = &g_array_index (result->dimensions, LygDimensionResult, d);
      LygAnswer answer = lyg_screening_answers_get (answers, indicator->id, NULL);

      switch (answer)
        {
        case LYG_ANSWER_OBSERVED:
        case LYG_ANSWER_REPORTED:
          if (answer == LYG_ANSWER_OBSERVED)
            result->n_observed++;
          else
            result->n_reported++;

          g_ptr_array_add (dr->present, (gpointer)indicator);
          dr->counts[indicator->weight]++;
          max_counts[d * LYG_N_WEIGHTS + indicator->weight]++;

          if (indicator->alternative_weight != LYG_WEIGHT_NONE)
            {
              alt_counts[d * LYG_N_WEIGHTS + indicator->alternative_weight]++;
              dr->disputed = TRUE;
              result->disputed = TRUE;
            }
          else
            {
              alt_counts[d * LYG_N_WEIGHTS + indicator->weight]++;
            }
          break;

        case LYG_ANSWER_NOT_PRESENT:
          result->n_not_present++;
          dr->n_not_present++;
          break;

        case LYG_ANSWER_UNKNOWN:
          result->n_unknown++;
          dr->n_unknown++;
          max_counts[d * LYG_N_WEIGHTS + indicator->weight]++;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* Decide each dimension. */
  for (guint d = 0; d < n_dimensions; d++)
    {
      LygDimensionResult *dr = &g_array_index (result->dimensions, LygDimensionResult, d);

      if (weighted)
        {
          const LygCombination *first;

          first = evaluate_dimension (combinations, dr->counts, dr->matched);
          positive[d] = first != NULL;
          alternative[d] = evaluate_dimension (combinations,
                                               &alt_counts[d * LYG_N_WEIGHTS], NULL) != NULL;
          maximal[d] = evaluate_dimension (combinations,
                                           &max_counts[d * LYG_N_WEIGHTS], NULL) != NULL;

          if (first != NULL)
            {
              guint mask = combination_weights (first);

              dr->combination = first->id;
              dr->combination_label = &first->label;

              for (guint i = 0; i < dr->present->len; i++)
                {
                  const LygIndicator *indicator = g_ptr_array_index (dr->present, i);

                  if (mask & (1u << indicator->weight))
                    g_ptr_array_add (dr->contributing, (gpointer)indicator);
                }
            }
        }
      else
        {
          positive[d] = dr->present->len > 0;
          alternative[d] = positive[d];
          maximal[d] = positive[d] || dr->n_unknown > 0;

          g_ptr_array_extend (dr->contributing, dr->present, NULL, NULL);
        }

      dr->positive = positive[d];
      dr->alternative_positive = alternative[d];
      dr->open = !positive[d] && maximal[d];
    }

  /* And the outcome. */
  if (weighted)
    {
      result->outcome = weighted_outcome (rule, positive, n_dimensions);
      result->alternative_outcome = weighted_outcome (rule, alternative, n_dimensions);
      maximal_outcome = weighted_outcome (rule, maximal, n_dimensions);

      g_array_set_size (result->requirements, rule->requirements->len);
      for (guint i = 0; i < rule->requirements->len; i++)
        {
          const LygRequirement *requirement = g_ptr_array_index (rule->requirements, i);
          LygRequirementResult *rr = &g_array_index (result->requirements,
                                                     LygRequirementResult, i);

          rr->id = requirement->id;
          rr->label = &requirement->label;
          rr->positive = g_ptr_array_new ();

          for (guint j = 0; j < requirement->dimensions->len; j++)
            {
              guint d = g_array_index (requirement->dimensions, guint, j);

              if (positive[d])
                g_ptr_array_add (rr->positive,
                                 (gpointer)lyg_catalogue_get_dimension (catalogue, d));
            }

          rr->met = rr->positive->len > 0;
        }
    }
  else
    {
      gboolean any = FALSE;
      gboolean any_maximal = FALSE;

      for (guint d = 0; d < n_dimensions; d++)
        {
          any |= positive[d];
          any_maximal |= maximal[d];
        }

      result->outcome = any ? LYG_OUTCOME_INDICATORS_PRESENT : LYG_OUTCOME_NONE_SO_FAR;
      result->alternative_outcome = result->outcome;
      maximal_outcome = any_maximal ? LYG_OUTCOME_INDICATORS_PRESENT : LYG_OUTCOME_NONE_SO_FAR;
    }

  result->settled = result->outcome == maximal_outcome;

  return g_steal_pointer (&result);
}

/**
 * lyg_screening_rescore:
 * @set: (nullable): the catalogues to look in, or %NULL for the shipped ones
 * @catalogue_id: the screening record's `catalogue`
 * @catalogue_version: the screening record's `catalogue_version`; 0 means
 *   the newest, which a stored screening should never use
 * @profile: (nullable): the screening record's `profile`, %NULL for the
 *   catalogue's default
 * @answers: the screening record's `answers` (see
 *   lyg_screening_answers_from_json())
 * @error: return location for a #GError
 *
 * Scores a stored screening again with exactly the catalogue version it
 * used, so it comes out identical even after a newer version ships.
 *
 * Returns: (transfer full): the result, or %NULL with @error set
 *   (%LYG_CATALOGUE_ERROR_NOT_FOUND when that version is not available)
 */
LygScreeningResult *
lyg_screening_rescore (LygCatalogueSet  *set,
                       const char       *catalogue_id,
                       guint             catalogue_version,
                       const char       *profile,
                       JsonNode         *answers,
                       GError          **error)
{
  g_autoptr(LygScreeningAnswers) parsed = NULL;
  LygCatalogue *catalogue;

  g_return_val_if_fail (set == NULL || LYG_IS_CATALOGUE_SET (set), NULL);
  g_return_val_if_fail (catalogue_id != NULL, NULL);
  g_return_val_if_fail (answers != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (set == NULL)
    set = lyg_catalogue_set_get_shipped ();

  if (!(catalogue = lyg_catalogue_set_lookup (set, catalogue_id, catalogue_version, error)))
    return NULL;

  if (!(parsed = lyg_screening_answers_from_json (answers, error)))
    return NULL;

  return lyg_screening_score (catalogue, profile, parsed, error);
}

/**
 * lyg_screening_answers_to_json:
 * @answers: a #LygScreeningAnswers
 *
 * The screening record's `answers` field: an object mapping each answered
 * indicator id to `{"answer": "observed" | "reported" | "not_present" |
 * "unknown", "note": "…"}`, with "note" only when there is one.  Keys are
 * sorted, so equal answers give equal JSON.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
lyg_screening_answers_to_json (LygScreeningAnswers *answers)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(GStrv) ids = NULL;

  g_return_val_if_fail (LYG_IS_SCREENING_ANSWERS (answers), NULL);

  ids = lyg_screening_answers_list_ids (answers);

  json_builder_begin_object (builder);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *note = NULL;
      LygAnswer answer = lyg_screening_answers_get (answers, ids[i], &note);

      json_builder_set_member_name (builder, ids[i]);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "answer");
      json_builder_add_string_value (builder, lyg_answer_to_string (answer));
      if (note != NULL)
        {
          json_builder_set_member_name (builder, "note");
          json_builder_add_string_value (builder, note);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
parse_answer_value (JsonNode   *node,
                    LygAnswer  *answer,
                    const char *id,
                    GError    **error)
{
  const char *str;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *answer = LYG_ANSWER_UNKNOWN;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, LYG_SCREENING_ERROR, LYG_SCREENING_ERROR_BAD_ANSWER,
                   _("The answer to “%s” must be one of observed, reported, not_present "
                     "or unknown"), id);
      return FALSE;
    }

  str = json_node_get_string (node);
  if (!lyg_answer_from_string (str, answer))
    {
      g_set_error (error, LYG_SCREENING_ERROR, LYG_SCREENING_ERROR_BAD_ANSWER,
                   _("“%s” is not an answer to “%s” (observed, reported, not_present "
                     "or unknown)"), str, id);
      return FALSE;
    }

  return TRUE;
}

/**
 * lyg_screening_answers_from_json:
 * @node: a JSON object
 * @error: return location for a #GError
 *
 * Reads answers in the record's shape (see lyg_screening_answers_to_json())
 * or in the short form `{"indicator-id": "observed", …}`; both may be
 * mixed.  A null answer is unknown.  Indicator ids are checked only when
 * scoring, against the catalogue.
 *
 * Returns: (transfer full): the answers, or %NULL with @error set
 *   (%LYG_SCREENING_ERROR_BAD_ANSWER or %LYG_SCREENING_ERROR_INVALID)
 */
LygScreeningAnswers *
lyg_screening_answers_from_json (JsonNode  *node,
                                 GError   **error)
{
  g_autoptr(LygScreeningAnswers) answers = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, LYG_SCREENING_ERROR, LYG_SCREENING_ERROR_INVALID,
                   _("The answers must be a JSON object mapping indicator ids to answers"));
      return NULL;
    }

  answers = lyg_screening_answers_new ();
  object = json_node_get_object (node);
  members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *id = l->data;
      JsonNode *value = json_object_get_member (object, id);
      const char *note = NULL;
      LygAnswer answer;

      if (JSON_NODE_HOLDS_OBJECT (value))
        {
          JsonObject *entry = json_node_get_object (value);
          JsonNode *note_node = json_object_get_member (entry, "note");

          if (!json_object_has_member (entry, "answer"))
            {
              g_set_error (error, LYG_SCREENING_ERROR, LYG_SCREENING_ERROR_BAD_ANSWER,
                           _("The answer to “%s” has no “answer”"), id);
              return NULL;
            }

          if (!parse_answer_value (json_object_get_member (entry, "answer"), &answer, id,
                                   error))
            return NULL;

          if (note_node != NULL && !JSON_NODE_HOLDS_NULL (note_node))
            {
              if (!JSON_NODE_HOLDS_VALUE (note_node) ||
                  json_node_get_value_type (note_node) != G_TYPE_STRING)
                {
                  g_set_error (error, LYG_SCREENING_ERROR, LYG_SCREENING_ERROR_INVALID,
                               _("The note on “%s” must be text"), id);
                  return NULL;
                }

              note = json_node_get_string (note_node);
            }
        }
      else if (!parse_answer_value (value, &answer, id, error))
        {
          return NULL;
        }

      lyg_screening_answers_set (answers, id, answer, note);
    }

  return g_steal_pointer (&answers);
}
