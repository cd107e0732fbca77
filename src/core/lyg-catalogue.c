/* lyg-catalogue.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-catalogue"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lyg-catalogue-private.h"

G_DEFINE_FINAL_TYPE (LygCatalogue, lyg_catalogue, G_TYPE_OBJECT)

G_DEFINE_QUARK (lyg-catalogue-error-quark, lyg_catalogue_error)

static const char * const known_profiles[] = {
  "adult-labour",
  "adult-sexual",
  "child-labour",
  "child-sexual",
  NULL
};

static void
text_clear (LygCatalogueText *text)
{
  g_clear_pointer (&text->en, g_free);
  g_clear_pointer (&text->da, g_free);
}

static void
dimension_free (gpointer data)
{
  LygDimension *dimension = data;

  g_free (dimension->id);
  g_free (dimension->role);
  text_clear (&dimension->title);
  g_free (dimension);
}

static void
indicator_free (gpointer data)
{
  LygIndicator *indicator = data;

  g_free (indicator->id);
  text_clear (&indicator->text);
  text_clear (&indicator->guidance);
  text_clear (&indicator->alternative_note);
  g_free (indicator->confidence);
  g_free (indicator);
}

static void
combination_free (gpointer data)
{
  LygCombination *combination = data;

  g_free (combination->id);
  text_clear (&combination->label);
  g_clear_pointer (&combination->terms, g_array_unref);
  g_free (combination);
}

void
_lyg_catalogue_requirement_free (gpointer data)
{
  LygRequirement *requirement = data;

  g_free (requirement->id);
  text_clear (&requirement->label);
  g_clear_pointer (&requirement->dimensions, g_array_unref);
  g_free (requirement);
}

static void
outcome_rule_free (gpointer data)
{
  LygOutcomeRule *rule = data;

  g_free (rule->profile);
  g_clear_pointer (&rule->requirements, g_ptr_array_unref);
  g_free (rule);
}

static void
lyg_catalogue_finalize (GObject *object)
{
  LygCatalogue *self = (LygCatalogue *)object;

  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->id, g_free);
  text_clear (&self->title);
  g_clear_pointer (&self->source_document, g_free);
  g_clear_pointer (&self->source_publisher, g_free);
  g_clear_pointer (&self->source_url, g_free);
  text_clear (&self->provenance);
  g_clear_pointer (&self->profiles, g_strfreev);
  g_clear_pointer (&self->dimension_ids, g_hash_table_unref);
  g_clear_pointer (&self->indicator_ids, g_hash_table_unref);
  g_clear_pointer (&self->combinations, g_ptr_array_unref);
  g_clear_pointer (&self->outcome_rules, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->dimensions, g_ptr_array_unref);

  G_OBJECT_CLASS (lyg_catalogue_parent_class)->finalize (object);
}

static void
lyg_catalogue_class_init (LygCatalogueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lyg_catalogue_finalize;
}

static void
lyg_catalogue_init (LygCatalogue *self)
{
  self->dimensions = g_ptr_array_new_with_free_func (dimension_free);
  self->indicators = g_ptr_array_new_with_free_func (indicator_free);
  self->dimension_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->indicator_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->combinations = g_ptr_array_new_with_free_func (combination_free);
  self->outcome_rules = g_ptr_array_new_with_free_func (outcome_rule_free);
}

const char *
lyg_catalogue_get_id (LygCatalogue *self)
{
  g_return_val_if_fail (LYG_IS_CATALOGUE (self), NULL);

  return self->id;
}

guint
lyg_catalogue_get_version (LygCatalogue *self)
{
  g_return_val_if_fail (LYG_IS_CATALOGUE (self), 0);

  return self->version;
}

/**
 * lyg_catalogue_get_origin:
 *
 * Returns: the file or resource name the catalogue was loaded from
 */
const char *
lyg_catalogue_get_origin (LygCatalogue *self)
{
  g_return_val_if_fail (LYG_IS_CATALOGUE (self), NULL);

  return self->origin;
}

const char *
lyg_catalogue_get_title (LygCatalogue *self,
                         const char   *lang)
{
  g_return_val_if_fail (LYG_IS_CATALOGUE (self), NULL);

  return lyg_catalogue_text_get (&self->title, lang);
}

const char *
lyg_catalogue_get_source_document (LygCatalogue *self)
{
  g_return_val_if_fail (LYG_IS_CATALOGUE (self), NULL);

  return self->source_document;
}

const char *
lyg_catalogue_get_source_publisher (LygCatalogue *self)
{
  g_return_val_if_fail (LYG_IS_CATALOGUE (self), NULL);

  return self->source_publisher;
}

/**
 * lyg_catalogue_get_source_year:
 *
 * Returns: the year of the source, or 0 when the catalogue gives none
 */
guint
lyg_catalogue_get_source_year (LygCatalogue *self)
{
  g_return_val_if_fail (LYG_IS_CATALOGUE (self), 0);

  return self->source_year;
}

/**
 * lyg_catalogue_get_source_url:
 *
 * Returns: (nullable): the source's address as text; never fetched
 */
const char *
lyg_catalogue_get_source_url (LygCatalogue *self)
{
  g_return_val_if_fail (LYG_IS_CATALOGUE (self), NULL);

  return self->source_url;
}

const char *
lyg_catalogue_get_provenance (LygCatalogue *self,
                              const char   *lang)
{
  g_return_val_if_fail (LYG_IS_CATALOGUE (self), NULL);

  return lyg_catalogue_text_get (&self->provenance, lang);
}

LygConfidence
lyg_catalogue_get_confidence (LygCatalogue *self)
{
  g_return_val_if_fail (LYG_IS_CATALOGUE (self), LYG_CONFIDENCE_LOW);

  return self->confidence;
}

const char * const *
lyg_catalogue_get_profiles (LygCatalogue *self)
{
  g_return_val_if_fail (LYG_IS_CATALOGUE (self), NULL);

  return (const char * const *)self->profiles;
}

gboolean
lyg_catalogue_has_profile (LygCatalogue *self,
                           const char   *profile)
{
  g_return_val_if_fail (LYG_IS_CATALOGUE (self), FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);

  return g_strv_contains ((const char * const *)self->profiles, profile);
}

/**
 * lyg_catalogue_get_default_profile:
 *
 * Returns: the first profile the catalogue lists
 */
const char *
lyg_catalogue_get_default_profile (LygCatalogue *self)
{
  g_return_val_if_fail (LYG_IS_CATALOGUE (self), NULL);

  return self->profiles[0];
}

LygRuleKind
lyg_catalogue_get_rule_kind (LygCatalogue *self)
{
  g_return_val_if_fail (LYG_IS_CATALOGUE (self), LYG_RULE_ANY_PRESENT);

  return self->rule_kind;
}

LygRuleAction
lyg_catalogue_get_rule_action (LygCatalogue *self)
{
  g_return_val_if_fail (LYG_IS_CATALOGUE (self), LYG_RULE_ACTION_REFER);

  return self->rule_action;
}

/**
 * lyg_catalogue_has_alternative_weights:
 *
 * Returns: %TRUE if some indicator's weight is disputed and the catalogue
 *   carries an alternative reading for it
 */
gboolean
lyg_catalogue_has_alternative_weights (LygCatalogue *self)
{
  g_return_val_if_fail (LYG_IS_CATALOGUE (self), FALSE);

  return self->has_alternative_weights;
}

guint
lyg_catalogue_get_n_dimensions (LygCatalogue *self)
{
  g_return_val_if_fail (LYG_IS_CATALOGUE (self), 0);

  return self->dimensions->len;
}

const LygDimension *
lyg_catalogue_get_dimension (LygCatalogue *self,
                             guint         index)
{
  g_return_val_if_fail (LYG_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (index < self->dimensions->len, NULL);

  return g_ptr_array_index (self->dimensions, index);
}

const LygDimension *
lyg_catalogue_lookup_dimension (LygCatalogue *self,
                                const char   *id)
{
  g_return_val_if_fail (LYG_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->dimension_ids, id);
}

guint
lyg_catalogue_get_n_indicators (LygCatalogue *self)
{
  g_return_val_if_fail (LYG_IS_CATALOGUE (self), 0);

  return self->indicators->len;
}

const LygIndicator *
lyg_catalogue_get_indicator (LygCatalogue *self,
                             guint         index)
{
  g_return_val_if_fail (LYG_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (index < self->indicators->len, NULL);

  return g_ptr_array_index (self->indicators, index);
}

const LygIndicator *
lyg_catalogue_lookup_indicator (LygCatalogue *self,
                                const char   *id)
{
  g_return_val_if_fail (LYG_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->indicator_ids, id);
}

/**
 * lyg_catalogue_to_summary_json:
 * @self: a #LygCatalogue
 * @lang: (nullable): "en" or "da", or %NULL for the user's language
 *
 * A short description for listings: id, version, title, profiles, rule,
 * indicator count (in total, per dimension and per weight), source and
 * provenance.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
lyg_catalogue_to_summary_json (LygCatalogue *self,
                               const char   *lang)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint by_weight[LYG_N_WEIGHTS] = { 0, };

  g_return_val_if_fail (LYG_IS_CATALOGUE (self), NULL);

  for (guint i = 0; i < self->indicators->len; i++)
    {
      const LygIndicator *indicator = g_ptr_array_index (self->indicators, i);

      by_weight[indicator->weight]++;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, self->id);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, self->version);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, lyg_catalogue_text_get (&self->title, lang));
  json_builder_set_member_name (builder, "profile");
  json_builder_add_string_value (builder, self->profiles[0]);
  json_builder_set_member_name (builder, "profiles");
  json_builder_begin_array (builder);
  for (guint i = 0; self->profiles[i] != NULL; i++)
    json_builder_add_string_value (builder, self->profiles[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "rule");
  json_builder_add_string_value (builder,
                                 self->rule_kind == LYG_RULE_WEIGHTED ? "weighted"
                                                                      : "any_present");
  json_builder_set_member_name (builder, "indicators");
  json_builder_add_int_value (builder, self->indicators->len);

  if (self->rule_kind == LYG_RULE_WEIGHTED)
    {
      json_builder_set_member_name (builder, "weights");
      json_builder_begin_object (builder);
      for (guint w = LYG_WEIGHT_STRONG; w > LYG_WEIGHT_NONE; w--)
        {
          json_builder_set_member_name (builder, lyg_weight_to_string (w));
          json_builder_add_int_value (builder, by_weight[w]);
        }
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "dimensions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->dimensions->len; i++)
    {
      const LygDimension *dimension = g_ptr_array_index (self->dimensions, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, dimension->id);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, lyg_catalogue_text_get (&dimension->title, lang));
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, dimension->role);
      json_builder_set_member_name (builder, "indicators");
      json_builder_add_int_value (builder, dimension->n_indicators);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "source");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "document");
  json_builder_add_string_value (builder, self->source_document);
  json_builder_set_member_name (builder, "publisher");
  json_builder_add_string_value (builder, self->source_publisher);
  if (self->source_year != 0)
    {
      json_builder_set_member_name (builder, "year");
      json_builder_add_int_value (builder, self->source_year);
    }
  if (self->source_url != NULL)
    {
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, self->source_url);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "provenance");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "confidence");
  json_builder_add_string_value (builder, lyg_confidence_to_string (self->confidence));
  json_builder_set_member_name (builder, "note");
  json_builder_add_string_value (builder, lyg_catalogue_text_get (&self->provenance, lang));
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

GPtrArray *
_lyg_catalogue_get_combinations (LygCatalogue *self)
{
  g_assert (LYG_IS_CATALOGUE (self));

  return self->combinations;
}

/* The outcome rule for @profile: its own when the catalogue has one, the
 * default otherwise.  NULL for unweighted catalogues.
 */
const LygOutcomeRule *
_lyg_catalogue_get_outcome_rule (LygCatalogue *self,
                                 const char   *profile)
{
  g_assert (LYG_IS_CATALOGUE (self));

  if (self->outcome_rules->len == 0)
    return NULL;

  for (guint i = 1; profile != NULL && i < self->outcome_rules->len; i++)
    {
      const LygOutcomeRule *rule = g_ptr_array_index (self->outcome_rules, i);

      if (g_strcmp0 (rule->profile, profile) == 0)
        return rule;
    }

  return g_ptr_array_index (self->outcome_rules, 0);
}

/**
 * lyg_catalogue_get_default_language:
 *
 * Returns: "da" when the user's languages put Danish before English,
 *   "en" otherwise
 */
const char *
lyg_catalogue_get_default_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "da"))
        return "da";
      if (g_str_has_prefix (names[i], "en"))
        return "en";
    }

  return "en";
}

/**
 * lyg_catalogue_text_get:
 * @text: a bilingual text
 * @lang: (nullable): "en" or "da", or %NULL for the user's language
 *
 * Returns: the text in @lang; English for any other language
 */
const char *
lyg_catalogue_text_get (const LygCatalogueText *text,
                        const char             *lang)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (lang == NULL)
    lang = lyg_catalogue_get_default_language ();

  if (g_str_equal (lang, "da") && text->da != NULL)
    return text->da;

  return text->en;
}

const char *
lyg_weight_to_string (LygWeight weight)
{
  switch (weight)
    {
    case LYG_WEIGHT_NONE:
      return "none";
    case LYG_WEIGHT_WEAK:
      return "weak";
    case LYG_WEIGHT_MEDIUM:
      return "medium";
    case LYG_WEIGHT_STRONG:
      return "strong";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
lyg_weight_from_string (const char *str,
                        LygWeight  *weight)
{
  g_return_val_if_fail (weight != NULL, FALSE);

  for (guint w = LYG_WEIGHT_NONE; w <= LYG_WEIGHT_STRONG; w++)
    {
      if (g_strcmp0 (str, lyg_weight_to_string (w)) == 0)
        {
          *weight = w;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * lyg_weight_get_label:
 *
 * Returns: the translated name of @weight, for showing to the user
 */
const char *
lyg_weight_get_label (LygWeight weight)
{
  switch (weight)
    {
    case LYG_WEIGHT_NONE:
      return _("unweighted");
    case LYG_WEIGHT_WEAK:
      return _("weak");
    case LYG_WEIGHT_MEDIUM:
      return _("medium");
    case LYG_WEIGHT_STRONG:
      return _("strong");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
lyg_confidence_to_string (LygConfidence confidence)
{
  switch (confidence)
    {
    case LYG_CONFIDENCE_HIGH:
      return "high";
    case LYG_CONFIDENCE_MEDIUM:
      return "medium";
    case LYG_CONFIDENCE_LOW:
      return "low";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
lyg_profile_is_valid (const char *profile)
{
  return profile != NULL && g_strv_contains (known_profiles, profile);
}

/**
 * lyg_profile_get_label:
 * @profile: a profile id such as "adult-labour"
 *
 * Returns: the translated label, or %NULL for an unknown profile
 */
const char *
lyg_profile_get_label (const char *profile)
{
  g_return_val_if_fail (profile != NULL, NULL);

  if (g_str_equal (profile, "adult-labour"))
    return _("Adult, labour exploitation");
  else if (g_str_equal (profile, "adult-sexual"))
    return _("Adult, sexual exploitation");
  else if (g_str_equal (profile, "child-labour"))
    return _("Child, labour exploitation");
  else if (g_str_equal (profile, "child-sexual"))
    return _("Child, sexual exploitation");

  return NULL;
}
