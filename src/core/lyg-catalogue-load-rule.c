/* lyg-catalogue-load-rule.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-catalogue"

#include "config.h"

#include "lyg-catalogue-load-private.h"

static const char * const known_confidences[] = {
  "corroborated",
  "single-source",
  "disputed",
  "doubtful",
  NULL
};

static gboolean
parse_weight (ParseContext  *ctx,
              JsonObject    *object,
              const char    *member,
              const char    *where,
              LygWeight     *weight,
              GError       **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  *weight = LYG_WEIGHT_NONE;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!(value = _lyg_catalogue_get_string (ctx, object, member, where, error)))
    return FALSE;

  if (!lyg_weight_from_string (value, weight))
    {
      _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                                "%s: unknown weight “%s” (strong, medium, weak or none)",
                                where, value);
      return FALSE;
    }

  return TRUE;
}

gboolean
_lyg_catalogue_parse_indicators (ParseContext  *ctx,
                                 JsonObject    *root,
                                 GError       **error)
{
  LygCatalogue *self = ctx->self;
  JsonArray *indicators;

  if (!(indicators = _lyg_catalogue_get_array (ctx, root, "indicators", "catalogue",
                                               LYG_CATALOGUE_ERROR_MISSING_FIELD, error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (indicators); i++)
    {
      g_autofree char *where = NULL;
      LygIndicator *indicator;
      LygDimension *dimension;
      JsonObject *object;
      const char *id;
      const char *dimension_id;
      const char *confidence;

      if (!(object = _lyg_catalogue_get_array_object (ctx, indicators, i, "indicator", error)))
        return FALSE;

      where = g_strdup_printf ("indicator #%u", i + 1);
      if (!(id = _lyg_catalogue_get_id (ctx, object, "id", where, error)))
        return FALSE;

      g_free (where);
      where = g_strdup_printf ("indicator “%s”", id);

      if (g_hash_table_contains (self->indicator_ids, id))
        {
          _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_DUPLICATE_ID,
                                    "indicator id “%s” is used twice", id);
          return FALSE;
        }

      if (!(dimension_id = _lyg_catalogue_get_string (ctx, object, "dimension", where, error)))
        return FALSE;

      if (!(dimension = g_hash_table_lookup (self->dimension_ids, dimension_id)))
        {
          _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_UNKNOWN_DIMENSION,
                                    "%s: unknown dimension “%s”", where, dimension_id);
          return FALSE;
        }

      indicator = g_new0 (LygIndicator, 1);
      indicator->id = g_strdup (id);
      indicator->dimension = dimension;
      indicator->index = self->indicators->len;
      g_ptr_array_add (self->indicators, indicator);
      g_hash_table_insert (self->indicator_ids, indicator->id, indicator);
      dimension->n_indicators++;

      if (!parse_weight (ctx, object, "weight", where, &indicator->weight, error) ||
          !parse_weight (ctx, object, "alternative_weight", where,
                         &indicator->alternative_weight, error))
        return FALSE;

      if (!_lyg_catalogue_get_text (ctx, object, "text", where, &indicator->text, error) ||
          !_lyg_catalogue_get_text (ctx, object, "guidance", where, &indicator->guidance, error))
        return FALSE;

      if (indicator->alternative_weight != LYG_WEIGHT_NONE)
        {
          if (indicator->alternative_weight == indicator->weight)
            {
              _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                                        "%s: “alternative_weight” equals “weight”", where);
              return FALSE;
            }

          if (!_lyg_catalogue_get_text (ctx, object, "alternative_note", where,
                                        &indicator->alternative_note, error))
            return FALSE;

          self->has_alternative_weights = TRUE;
        }

      if (!_lyg_catalogue_get_optional_string (ctx, object, "confidence", where,
                                               &confidence, error))
        return FALSE;

      if (confidence != NULL && !g_strv_contains (known_confidences, confidence))
        {
          _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                                    "%s: unknown confidence “%s”", where, confidence);
          return FALSE;
        }

      indicator->confidence = g_strdup (confidence);
    }

  for (guint i = 0; i < self->dimensions->len; i++)
    {
      const LygDimension *dimension = g_ptr_array_index (self->dimensions, i);

      if (dimension->n_indicators == 0)
        {
          _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                                    "dimension “%s” has no indicators", dimension->id);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
parse_combinations (ParseContext  *ctx,
                    JsonObject    *rule,
                    GError       **error)
{
  LygCatalogue *self = ctx->self;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *combinations;

  if (!(combinations = _lyg_catalogue_get_array (ctx, rule, "dimension_positive", "rule",
                                                 LYG_CATALOGUE_ERROR_BAD_RULE, error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (combinations); i++)
    {
      g_autofree char *where = NULL;
      LygCombination *combination;
      JsonObject *object;
      JsonArray *terms;
      const char *id;
      guint used = 0;

      if (!(object = _lyg_catalogue_get_array_object (ctx, combinations, i,
                                                      "rule: combination", error)))
        return FALSE;

      where = g_strdup_printf ("rule: combination #%u", i + 1);
      if (!(id = _lyg_catalogue_get_id (ctx, object, "id", where, error)))
        return FALSE;

      g_free (where);
      where = g_strdup_printf ("rule: combination “%s”", id);

      if (!g_hash_table_add (seen, (gpointer)id))
        {
          _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_DUPLICATE_ID,
                                    "rule: combination id “%s” is used twice", id);
          return FALSE;
        }

      combination = g_new0 (LygCombination, 1);
      combination->id = g_strdup (id);
      combination->terms = g_array_new (FALSE, FALSE, sizeof (LygRuleTerm));
      g_ptr_array_add (self->combinations, combination);

      if (!_lyg_catalogue_get_text (ctx, object, "label", where, &combination->label, error))
        return FALSE;

      if (!(terms = _lyg_catalogue_get_array (ctx, object, "requires", where,
                                              LYG_CATALOGUE_ERROR_BAD_RULE, error)))
        return FALSE;

      for (guint j = 0; j < json_array_get_length (terms); j++)
        {
          LygRuleTerm term = { 0, 0 };
          JsonObject *term_object;
          JsonArray *weights;
          JsonNode *count;

          if (!(term_object = _lyg_catalogue_get_array_object (ctx, terms, j, where, error)))
            return FALSE;

          if (!(weights = _lyg_catalogue_get_array (ctx, term_object, "weights", where,
                                                    LYG_CATALOGUE_ERROR_BAD_RULE, error)))
            return FALSE;

          for (guint k = 0; k < json_array_get_length (weights); k++)
            {
              JsonNode *node = json_array_get_element (weights, k);
              LygWeight weight;

              if (!_lyg_catalogue_node_is_string (node) ||
                  !lyg_weight_from_string (json_node_get_string (node), &weight) ||
                  weight == LYG_WEIGHT_NONE)
                {
                  _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_RULE,
                                            "%s: term #%u: weights must be “strong”, "
                                            "“medium” or “weak”",
                                            where, j + 1);
                  return FALSE;
                }

              term.weights |= 1u << weight;
            }

          if (term.weights & used)
            {
              _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_RULE,
                                        "%s: term #%u counts a weight that an earlier term "
                                        "already counts",
                                        where, j + 1);
              return FALSE;
            }
          used |= term.weights;

          if (!(count = _lyg_catalogue_get_member (ctx, term_object, "count", where, error)))
            return FALSE;

          if (!_lyg_catalogue_node_is_int (count) || json_node_get_int (count) < 1 ||
              json_node_get_int (count) > 1000)
            {
              _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_RULE,
                                        "%s: term #%u: “count” must be a positive integer",
                                        where, j + 1);
              return FALSE;
            }

          term.count = (guint)json_node_get_int (count);
          g_array_append_val (combination->terms, term);
        }
    }

  return TRUE;
}

static LygOutcomeRule *
parse_outcome_rule (ParseContext  *ctx,
                    JsonObject    *outcomes,
                    const char    *where,
                    GError       **error)
{
  LygCatalogue *self = ctx->self;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree LygOutcomeRule *rule = g_new0 (LygOutcomeRule, 1);
  g_autoptr(GPtrArray) requirements =
    g_ptr_array_new_with_free_func (_lyg_catalogue_requirement_free);
  g_autofree char *probable_where = g_strdup_printf ("%s: probable", where);
  JsonObject *probable;
  JsonArray *all_of;
  JsonNode *possible;

  if (!(probable = _lyg_catalogue_get_object (ctx, outcomes, "probable", where, error)))
    return NULL;

  if (!(all_of = _lyg_catalogue_get_array (ctx, probable, "all_of", probable_where,
                                           LYG_CATALOGUE_ERROR_BAD_RULE, error)))
    return NULL;

  for (guint i = 0; i < json_array_get_length (all_of); i++)
    {
      g_autofree char *req_where = NULL;
      LygRequirement *requirement;
      JsonObject *object;
      JsonArray *dimensions;
      const char *id;

      if (!(object = _lyg_catalogue_get_array_object (ctx, all_of, i, probable_where, error)))
        return NULL;

      req_where = g_strdup_printf ("%s: requirement #%u", probable_where, i + 1);
      if (!(id = _lyg_catalogue_get_id (ctx, object, "id", req_where, error)))
        return NULL;

      if (!g_hash_table_add (seen, (gpointer)id))
        {
          _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_DUPLICATE_ID,
                                    "%s: requirement id “%s” is used twice", probable_where, id);
          return NULL;
        }

      g_free (req_where);
      req_where = g_strdup_printf ("%s: requirement “%s”", probable_where, id);

      requirement = g_new0 (LygRequirement, 1);
      requirement->id = g_strdup (id);
      requirement->dimensions = g_array_new (FALSE, FALSE, sizeof (guint));
      g_ptr_array_add (requirements, requirement);

      if (!_lyg_catalogue_get_text (ctx, object, "label", req_where, &requirement->label, error))
        return NULL;

      if (!(dimensions = _lyg_catalogue_get_array (ctx, object, "any_dimension", req_where,
                                                   LYG_CATALOGUE_ERROR_BAD_RULE, error)))
        return NULL;

      for (guint j = 0; j < json_array_get_length (dimensions); j++)
        {
          JsonNode *node = json_array_get_element (dimensions, j);
          const LygDimension *dimension;

          if (!_lyg_catalogue_node_is_string (node))
            {
              _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                                        "%s: dimensions must be strings", req_where);
              return NULL;
            }

          if (!(dimension = g_hash_table_lookup (self->dimension_ids,
                                                 json_node_get_string (node))))
            {
              _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_UNKNOWN_DIMENSION,
                                        "%s: unknown dimension “%s”", req_where,
                                        json_node_get_string (node));
              return NULL;
            }

          g_array_append_val (requirement->dimensions, dimension->index);
        }
    }

  rule->min_positive = 1;
  possible = json_object_get_member (outcomes, "possible");
  if (possible != NULL && !JSON_NODE_HOLDS_NULL (possible))
    {
      JsonNode *min;

      if (!JSON_NODE_HOLDS_OBJECT (possible))
        {
          _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                                    "%s: “possible” must be an object", where);
          return NULL;
        }

      min = json_object_get_member (json_node_get_object (possible),
                                    "min_positive_dimensions");
      if (min != NULL)
        {
          if (!_lyg_catalogue_node_is_int (min) || json_node_get_int (min) < 1 ||
              json_node_get_int (min) > (gint64)self->dimensions->len)
            {
              _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_RULE,
                                        "%s: “min_positive_dimensions” must be between 1 and the "
                                        "number of dimensions", where);
              return NULL;
            }

          rule->min_positive = (guint)json_node_get_int (min);
        }
    }

  rule->requirements = g_steal_pointer (&requirements);

  return g_steal_pointer (&rule);
}

gboolean
_lyg_catalogue_parse_rule (ParseContext  *ctx,
                           JsonObject    *root,
                           GError       **error)
{
  LygCatalogue *self = ctx->self;
  JsonObject *rule;
  const char *kind;

  if (!(rule = _lyg_catalogue_get_object (ctx, root, "rule", "catalogue", error)))
    return FALSE;

  if (!(kind = _lyg_catalogue_get_string (ctx, rule, "kind", "rule", error)))
    return FALSE;

  if (g_str_equal (kind, "any_present"))
    {
      const char *action;

      self->rule_kind = LYG_RULE_ANY_PRESENT;

      if (json_object_has_member (rule, "dimension_positive") ||
          json_object_has_member (rule, "outcomes") ||
          json_object_has_member (rule, "profile_outcomes"))
        {
          _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_RULE,
                                    "rule: an “any_present” rule takes no combinations "
                                    "or outcomes");
          return FALSE;
        }

      if (!_lyg_catalogue_get_optional_string (ctx, rule, "action", "rule", &action, error))
        return FALSE;

      if (action == NULL || g_str_equal (action, "refer"))
        self->rule_action = LYG_RULE_ACTION_REFER;
      else if (g_str_equal (action, "further_assessment"))
        self->rule_action = LYG_RULE_ACTION_FURTHER_ASSESSMENT;
      else
        {
          _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_RULE,
                                    "rule: unknown action “%s” (refer or further_assessment)",
                                    action);
          return FALSE;
        }

      for (guint i = 0; i < self->indicators->len; i++)
        {
          const LygIndicator *indicator = g_ptr_array_index (self->indicators, i);

          if (indicator->weight != LYG_WEIGHT_NONE ||
              indicator->alternative_weight != LYG_WEIGHT_NONE)
            {
              _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                                        "indicator “%s”: has a weight but the rule does not "
                                        "use weights",
                                        indicator->id);
              return FALSE;
            }
        }

      return TRUE;
    }
  else if (g_str_equal (kind, "weighted"))
    {
      LygOutcomeRule *outcome_rule;
      JsonObject *outcomes;
      JsonNode *profile_outcomes;

      self->rule_kind = LYG_RULE_WEIGHTED;
      self->rule_action = LYG_RULE_ACTION_REFER;

      for (guint i = 0; i < self->indicators->len; i++)
        {
          const LygIndicator *indicator = g_ptr_array_index (self->indicators, i);

          if (indicator->weight == LYG_WEIGHT_NONE)
            {
              _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_MISSING_WEIGHT,
                                        "indicator “%s”: the rule is weighted but the indicator "
                                        "has no weight", indicator->id);
              return FALSE;
            }
        }

      if (!parse_combinations (ctx, rule, error))
        return FALSE;

      if (!(outcomes = _lyg_catalogue_get_object (ctx, rule, "outcomes", "rule", error)))
        return FALSE;

      if (!(outcome_rule = parse_outcome_rule (ctx, outcomes, "rule: outcomes", error)))
        return FALSE;
      g_ptr_array_add (self->outcome_rules, outcome_rule);

      profile_outcomes = json_object_get_member (rule, "profile_outcomes");
      if (profile_outcomes != NULL && !JSON_NODE_HOLDS_NULL (profile_outcomes))
        {
          g_autoptr(GList) members = NULL;
          JsonObject *object;

          if (!JSON_NODE_HOLDS_OBJECT (profile_outcomes))
            {
              _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                                        "rule: “profile_outcomes” must be an object");
              return FALSE;
            }

          object = json_node_get_object (profile_outcomes);
          members = json_object_get_members (object);

          for (const GList *l = members; l != NULL; l = l->next)
            {
              const char *profile = l->data;
              g_autofree char *where = g_strdup_printf ("rule: profile_outcomes: %s", profile);
              JsonObject *profile_object;

              if (!g_strv_contains ((const char * const *)self->profiles, profile))
                {
                  _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_RULE,
                                            "rule: profile_outcomes names “%s”, which is "
                                            "not one of "
                                            "the catalogue's profiles", profile);
                  return FALSE;
                }

              if (!(profile_object = _lyg_catalogue_get_object (ctx, object, profile,
                                                                "rule: profile_outcomes", error)))
                return FALSE;

              if (!(outcome_rule = parse_outcome_rule (ctx, profile_object, where, error)))
                return FALSE;

              outcome_rule->profile = g_strdup (profile);
              g_ptr_array_add (self->outcome_rules, outcome_rule);
            }
        }

      return TRUE;
    }

  _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_RULE,
                            "rule: unknown kind “%s” (any_present or weighted)", kind);

  return FALSE;
}
