/* lyg-catalogue.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-catalogue"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "lyg-catalogue-private.h"

/* The catalogue format this code reads.  A file with a higher "format" is
 * refused rather than half understood.  The format is described in
 * data/catalogues/FORMAT.md.
 */
#define CATALOGUE_FORMAT 1
#define MAX_ID_LENGTH    64

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

G_DEFINE_FINAL_TYPE (LygCatalogue, lyg_catalogue, G_TYPE_OBJECT)

G_DEFINE_QUARK (lyg-catalogue-error-quark, lyg_catalogue_error)

static const char * const known_profiles[] = {
  "adult-labour",
  "adult-sexual",
  "child-labour",
  "child-sexual",
  NULL
};

static const char * const known_confidences[] = {
  "corroborated",
  "single-source",
  "disputed",
  "doubtful",
  NULL
};

typedef struct
{
  LygCatalogue *self;
  const char   *origin;
} ParseContext;

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

static void
requirement_free (gpointer data)
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

G_GNUC_PRINTF (4, 5)
static void
set_error (ParseContext  *ctx,
           GError       **error,
           int            code,
           const char    *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, LYG_CATALOGUE_ERROR, code, "%s: %s", ctx->origin, message);
}

static gboolean
id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL)
    return FALSE;

  len = strlen (id);
  if (len == 0 || len > MAX_ID_LENGTH)
    return FALSE;

  if (!g_ascii_islower (id[0]) && !g_ascii_isdigit (id[0]))
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = id[i];

      if (!g_ascii_islower (c) && !g_ascii_isdigit (c) && c != '-' && c != '.' && c != '_')
        return FALSE;
    }

  return TRUE;
}

static gboolean
node_is_string (JsonNode *node)
{
  return node != NULL &&
         JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_int (JsonNode *node)
{
  return node != NULL &&
         JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

static JsonNode *
get_member (ParseContext  *ctx,
            JsonObject    *object,
            const char    *member,
            const char    *where,
            GError       **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      set_error (ctx, error, LYG_CATALOGUE_ERROR_MISSING_FIELD,
                 "%s: missing “%s”", where, member);
      return NULL;
    }

  return node;
}

static const char *
get_string (ParseContext  *ctx,
            JsonObject    *object,
            const char    *member,
            const char    *where,
            GError       **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      set_error (ctx, error, LYG_CATALOGUE_ERROR_MISSING_FIELD,
                 "%s: missing “%s”", where, member);
      return NULL;
    }

  if (!node_is_string (node))
    {
      set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                 "%s: “%s” must be a string", where, member);
      return NULL;
    }

  return json_node_get_string (node);
}

static gboolean
get_optional_string (ParseContext  *ctx,
                     JsonObject    *object,
                     const char    *member,
                     const char    *where,
                     const char   **value,
                     GError       **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!node_is_string (node))
    {
      set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                 "%s: “%s” must be a string", where, member);
      return FALSE;
    }

  *value = json_node_get_string (node);

  return TRUE;
}

static const char *
get_id (ParseContext  *ctx,
        JsonObject    *object,
        const char    *member,
        const char    *where,
        GError       **error)
{
  const char *value = get_string (ctx, object, member, where, error);

  if (value == NULL)
    return NULL;

  if (!id_is_valid (value))
    {
      set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                 "%s: “%s” is not a valid id (lower-case letters, digits, “-”, “.”, “_”)",
                 where, value);
      return NULL;
    }

  return value;
}

static JsonObject *
get_object (ParseContext  *ctx,
            JsonObject    *object,
            const char    *member,
            const char    *where,
            GError       **error)
{
  JsonNode *node = get_member (ctx, object, member, where, error);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                 "%s: “%s” must be an object", where, member);
      return NULL;
    }

  return json_node_get_object (node);
}

static JsonArray *
get_array (ParseContext  *ctx,
           JsonObject    *object,
           const char    *member,
           const char    *where,
           int            empty_code,
           GError       **error)
{
  JsonNode *node = get_member (ctx, object, member, where, error);
  JsonArray *array;

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                 "%s: “%s” must be an array", where, member);
      return NULL;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    {
      set_error (ctx, error, empty_code, "%s: “%s” is empty", where, member);
      return NULL;
    }

  return array;
}

static JsonObject *
get_array_object (ParseContext  *ctx,
                  JsonArray     *array,
                  guint          index,
                  const char    *what,
                  GError       **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                 "%s #%u must be an object", what, index + 1);
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
get_text (ParseContext      *ctx,
          JsonObject        *object,
          const char        *member,
          const char        *where,
          LygCatalogueText  *text,
          GError           **error)
{
  static const struct {
    const char *lang;
    const char *name;
  } langs[] = {
    { "en", "English" },
    { "da", "Danish" },
  };
  JsonObject *text_object;

  if (!(text_object = get_object (ctx, object, member, where, error)))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      JsonNode *node = json_object_get_member (text_object, langs[i].lang);
      const char *value;
      g_autofree char *stripped = NULL;

      if (node != NULL && !JSON_NODE_HOLDS_NULL (node) && !node_is_string (node))
        {
          set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                     "%s: “%s.%s” must be a string", where, member, langs[i].lang);
          return FALSE;
        }

      value = node_is_string (node) ? json_node_get_string (node) : NULL;
      stripped = g_strstrip (g_strdup (value ? value : ""));

      if (stripped[0] == '\0')
        {
          set_error (ctx, error, LYG_CATALOGUE_ERROR_MISSING_TRANSLATION,
                     "%s: missing %s text in “%s”", where, langs[i].name, member);
          return FALSE;
        }

      if (!g_utf8_validate (value, -1, NULL))
        {
          set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                     "%s: “%s.%s” is not valid UTF-8", where, member, langs[i].lang);
          return FALSE;
        }

      if (i == 0)
        text->en = g_strdup (value);
      else
        text->da = g_strdup (value);
    }

  return TRUE;
}

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

  if (!(value = get_string (ctx, object, member, where, error)))
    return FALSE;

  if (!lyg_weight_from_string (value, weight))
    {
      set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                 "%s: unknown weight “%s” (strong, medium, weak or none)", where, value);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_source (ParseContext  *ctx,
              JsonObject    *root,
              GError       **error)
{
  LygCatalogue *self = ctx->self;
  JsonObject *source;
  JsonNode *year;
  const char *value;

  if (!(source = get_object (ctx, root, "source", "catalogue", error)))
    return FALSE;

  if (!(value = get_string (ctx, source, "document", "source", error)))
    return FALSE;
  self->source_document = g_strdup (value);

  if (!(value = get_string (ctx, source, "publisher", "source", error)))
    return FALSE;
  self->source_publisher = g_strdup (value);

  if (!get_optional_string (ctx, source, "url", "source", &value, error))
    return FALSE;
  self->source_url = g_strdup (value);

  year = json_object_get_member (source, "year");
  if (year != NULL && !JSON_NODE_HOLDS_NULL (year))
    {
      gint64 y;

      if (!node_is_int (year) || (y = json_node_get_int (year)) < 1900 || y > 2999)
        {
          set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                     "source: “year” must be a year");
          return FALSE;
        }

      self->source_year = (guint)y;
    }

  return TRUE;
}

static gboolean
parse_provenance (ParseContext  *ctx,
                  JsonObject    *root,
                  GError       **error)
{
  LygCatalogue *self = ctx->self;
  JsonObject *provenance;
  const char *confidence;

  if (!(provenance = get_object (ctx, root, "provenance", "catalogue", error)))
    return FALSE;

  if (!(confidence = get_string (ctx, provenance, "confidence", "provenance", error)))
    return FALSE;

  if (g_str_equal (confidence, "high"))
    self->confidence = LYG_CONFIDENCE_HIGH;
  else if (g_str_equal (confidence, "medium"))
    self->confidence = LYG_CONFIDENCE_MEDIUM;
  else if (g_str_equal (confidence, "low"))
    self->confidence = LYG_CONFIDENCE_LOW;
  else
    {
      set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                 "provenance: unknown confidence “%s” (high, medium or low)", confidence);
      return FALSE;
    }

  return get_text (ctx, provenance, "note", "provenance", &self->provenance, error);
}

static gboolean
parse_profiles (ParseContext  *ctx,
                JsonObject    *root,
                GError       **error)
{
  LygCatalogue *self = ctx->self;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *profiles;

  if (!(profiles = get_array (ctx, root, "profiles", "catalogue",
                              LYG_CATALOGUE_ERROR_MISSING_FIELD, error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (profiles); i++)
    {
      JsonNode *node = json_array_get_element (profiles, i);
      const char *profile;

      if (!node_is_string (node))
        {
          set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                     "profiles: entry #%u must be a string", i + 1);
          return FALSE;
        }

      profile = json_node_get_string (node);
      if (!lyg_profile_is_valid (profile))
        {
          set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                     "profiles: unknown profile “%s” (adult-labour, adult-sexual, "
                     "child-labour or child-sexual)", profile);
          return FALSE;
        }

      if (!g_hash_table_add (seen, (gpointer)profile))
        {
          set_error (ctx, error, LYG_CATALOGUE_ERROR_DUPLICATE_ID,
                     "profiles: “%s” is listed twice", profile);
          return FALSE;
        }

      g_strv_builder_add (builder, profile);
    }

  self->profiles = g_strv_builder_end (builder);

  return TRUE;
}

static gboolean
parse_dimensions (ParseContext  *ctx,
                  JsonObject    *root,
                  GError       **error)
{
  LygCatalogue *self = ctx->self;
  JsonArray *dimensions;

  if (!(dimensions = get_array (ctx, root, "dimensions", "catalogue",
                                LYG_CATALOGUE_ERROR_MISSING_FIELD, error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (dimensions); i++)
    {
      g_autofree char *where = NULL;
      LygDimension *dimension;
      JsonObject *object;
      const char *id;
      const char *role;

      if (!(object = get_array_object (ctx, dimensions, i, "dimension", error)))
        return FALSE;

      where = g_strdup_printf ("dimension #%u", i + 1);
      if (!(id = get_id (ctx, object, "id", where, error)))
        return FALSE;

      g_free (where);
      where = g_strdup_printf ("dimension “%s”", id);

      if (g_hash_table_contains (self->dimension_ids, id))
        {
          set_error (ctx, error, LYG_CATALOGUE_ERROR_DUPLICATE_ID,
                     "dimension id “%s” is used twice", id);
          return FALSE;
        }

      if (!(role = get_id (ctx, object, "role", where, error)))
        return FALSE;

      dimension = g_new0 (LygDimension, 1);
      dimension->id = g_strdup (id);
      dimension->role = g_strdup (role);
      dimension->index = self->dimensions->len;
      g_ptr_array_add (self->dimensions, dimension);
      g_hash_table_insert (self->dimension_ids, dimension->id, dimension);

      if (!get_text (ctx, object, "title", where, &dimension->title, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_indicators (ParseContext  *ctx,
                  JsonObject    *root,
                  GError       **error)
{
  LygCatalogue *self = ctx->self;
  JsonArray *indicators;

  if (!(indicators = get_array (ctx, root, "indicators", "catalogue",
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

      if (!(object = get_array_object (ctx, indicators, i, "indicator", error)))
        return FALSE;

      where = g_strdup_printf ("indicator #%u", i + 1);
      if (!(id = get_id (ctx, object, "id", where, error)))
        return FALSE;

      g_free (where);
      where = g_strdup_printf ("indicator “%s”", id);

      if (g_hash_table_contains (self->indicator_ids, id))
        {
          set_error (ctx, error, LYG_CATALOGUE_ERROR_DUPLICATE_ID,
                     "indicator id “%s” is used twice", id);
          return FALSE;
        }

      if (!(dimension_id = get_string (ctx, object, "dimension", where, error)))
        return FALSE;

      if (!(dimension = g_hash_table_lookup (self->dimension_ids, dimension_id)))
        {
          set_error (ctx, error, LYG_CATALOGUE_ERROR_UNKNOWN_DIMENSION,
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

      if (!get_text (ctx, object, "text", where, &indicator->text, error) ||
          !get_text (ctx, object, "guidance", where, &indicator->guidance, error))
        return FALSE;

      if (indicator->alternative_weight != LYG_WEIGHT_NONE)
        {
          if (indicator->alternative_weight == indicator->weight)
            {
              set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                         "%s: “alternative_weight” equals “weight”", where);
              return FALSE;
            }

          if (!get_text (ctx, object, "alternative_note", where,
                         &indicator->alternative_note, error))
            return FALSE;

          self->has_alternative_weights = TRUE;
        }

      if (!get_optional_string (ctx, object, "confidence", where, &confidence, error))
        return FALSE;

      if (confidence != NULL && !g_strv_contains (known_confidences, confidence))
        {
          set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
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
          set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
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

  if (!(combinations = get_array (ctx, rule, "dimension_positive", "rule",
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

      if (!(object = get_array_object (ctx, combinations, i, "rule: combination", error)))
        return FALSE;

      where = g_strdup_printf ("rule: combination #%u", i + 1);
      if (!(id = get_id (ctx, object, "id", where, error)))
        return FALSE;

      g_free (where);
      where = g_strdup_printf ("rule: combination “%s”", id);

      if (!g_hash_table_add (seen, (gpointer)id))
        {
          set_error (ctx, error, LYG_CATALOGUE_ERROR_DUPLICATE_ID,
                     "rule: combination id “%s” is used twice", id);
          return FALSE;
        }

      combination = g_new0 (LygCombination, 1);
      combination->id = g_strdup (id);
      combination->terms = g_array_new (FALSE, FALSE, sizeof (LygRuleTerm));
      g_ptr_array_add (self->combinations, combination);

      if (!get_text (ctx, object, "label", where, &combination->label, error))
        return FALSE;

      if (!(terms = get_array (ctx, object, "requires", where,
                               LYG_CATALOGUE_ERROR_BAD_RULE, error)))
        return FALSE;

      for (guint j = 0; j < json_array_get_length (terms); j++)
        {
          LygRuleTerm term = { 0, 0 };
          JsonObject *term_object;
          JsonArray *weights;
          JsonNode *count;

          if (!(term_object = get_array_object (ctx, terms, j, where, error)))
            return FALSE;

          if (!(weights = get_array (ctx, term_object, "weights", where,
                                     LYG_CATALOGUE_ERROR_BAD_RULE, error)))
            return FALSE;

          for (guint k = 0; k < json_array_get_length (weights); k++)
            {
              JsonNode *node = json_array_get_element (weights, k);
              LygWeight weight;

              if (!node_is_string (node) ||
                  !lyg_weight_from_string (json_node_get_string (node), &weight) ||
                  weight == LYG_WEIGHT_NONE)
                {
                  set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_RULE,
                             "%s: term #%u: weights must be “strong”, “medium” or “weak”",
                             where, j + 1);
                  return FALSE;
                }

              term.weights |= 1u << weight;
            }

          if (term.weights & used)
            {
              set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_RULE,
                         "%s: term #%u counts a weight that an earlier term already counts",
                         where, j + 1);
              return FALSE;
            }
          used |= term.weights;

          if (!(count = get_member (ctx, term_object, "count", where, error)))
            return FALSE;

          if (!node_is_int (count) || json_node_get_int (count) < 1 ||
              json_node_get_int (count) > 1000)
            {
              set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_RULE,
                         "%s: term #%u: “count” must be a positive integer", where, j + 1);
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
  g_autoptr(GPtrArray) requirements = g_ptr_array_new_with_free_func (requirement_free);
  g_autofree char *probable_where = g_strdup_printf ("%s: probable", where);
  JsonObject *probable;
  JsonArray *all_of;
  JsonNode *possible;

  if (!(probable = get_object (ctx, outcomes, "probable", where, error)))
    return NULL;

  if (!(all_of = get_array (ctx, probable, "all_of", probable_where,
                            LYG_CATALOGUE_ERROR_BAD_RULE, error)))
    return NULL;

  for (guint i = 0; i < json_array_get_length (all_of); i++)
    {
      g_autofree char *req_where = NULL;
      LygRequirement *requirement;
      JsonObject *object;
      JsonArray *dimensions;
      const char *id;

      if (!(object = get_array_object (ctx, all_of, i, probable_where, error)))
        return NULL;

      req_where = g_strdup_printf ("%s: requirement #%u", probable_where, i + 1);
      if (!(id = get_id (ctx, object, "id", req_where, error)))
        return NULL;

      if (!g_hash_table_add (seen, (gpointer)id))
        {
          set_error (ctx, error, LYG_CATALOGUE_ERROR_DUPLICATE_ID,
                     "%s: requirement id “%s” is used twice", probable_where, id);
          return NULL;
        }

      g_free (req_where);
      req_where = g_strdup_printf ("%s: requirement “%s”", probable_where, id);

      requirement = g_new0 (LygRequirement, 1);
      requirement->id = g_strdup (id);
      requirement->dimensions = g_array_new (FALSE, FALSE, sizeof (guint));
      g_ptr_array_add (requirements, requirement);

      if (!get_text (ctx, object, "label", req_where, &requirement->label, error))
        return NULL;

      if (!(dimensions = get_array (ctx, object, "any_dimension", req_where,
                                    LYG_CATALOGUE_ERROR_BAD_RULE, error)))
        return NULL;

      for (guint j = 0; j < json_array_get_length (dimensions); j++)
        {
          JsonNode *node = json_array_get_element (dimensions, j);
          const LygDimension *dimension;

          if (!node_is_string (node))
            {
              set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                         "%s: dimensions must be strings", req_where);
              return NULL;
            }

          if (!(dimension = g_hash_table_lookup (self->dimension_ids,
                                                 json_node_get_string (node))))
            {
              set_error (ctx, error, LYG_CATALOGUE_ERROR_UNKNOWN_DIMENSION,
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
          set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                     "%s: “possible” must be an object", where);
          return NULL;
        }

      min = json_object_get_member (json_node_get_object (possible),
                                    "min_positive_dimensions");
      if (min != NULL)
        {
          if (!node_is_int (min) || json_node_get_int (min) < 1 ||
              json_node_get_int (min) > (gint64)self->dimensions->len)
            {
              set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_RULE,
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

static gboolean
parse_rule (ParseContext  *ctx,
            JsonObject    *root,
            GError       **error)
{
  LygCatalogue *self = ctx->self;
  JsonObject *rule;
  const char *kind;

  if (!(rule = get_object (ctx, root, "rule", "catalogue", error)))
    return FALSE;

  if (!(kind = get_string (ctx, rule, "kind", "rule", error)))
    return FALSE;

  if (g_str_equal (kind, "any_present"))
    {
      const char *action;

      self->rule_kind = LYG_RULE_ANY_PRESENT;

      if (json_object_has_member (rule, "dimension_positive") ||
          json_object_has_member (rule, "outcomes") ||
          json_object_has_member (rule, "profile_outcomes"))
        {
          set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_RULE,
                     "rule: an “any_present” rule takes no combinations or outcomes");
          return FALSE;
        }

      if (!get_optional_string (ctx, rule, "action", "rule", &action, error))
        return FALSE;

      if (action == NULL || g_str_equal (action, "refer"))
        self->rule_action = LYG_RULE_ACTION_REFER;
      else if (g_str_equal (action, "further_assessment"))
        self->rule_action = LYG_RULE_ACTION_FURTHER_ASSESSMENT;
      else
        {
          set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_RULE,
                     "rule: unknown action “%s” (refer or further_assessment)", action);
          return FALSE;
        }

      for (guint i = 0; i < self->indicators->len; i++)
        {
          const LygIndicator *indicator = g_ptr_array_index (self->indicators, i);

          if (indicator->weight != LYG_WEIGHT_NONE ||
              indicator->alternative_weight != LYG_WEIGHT_NONE)
            {
              set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                         "indicator “%s”: has a weight but the rule does not use weights",
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
              set_error (ctx, error, LYG_CATALOGUE_ERROR_MISSING_WEIGHT,
                         "indicator “%s”: the rule is weighted but the indicator "
                         "has no weight", indicator->id);
              return FALSE;
            }
        }

      if (!parse_combinations (ctx, rule, error))
        return FALSE;

      if (!(outcomes = get_object (ctx, rule, "outcomes", "rule", error)))
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
              set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
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
                  set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_RULE,
                             "rule: profile_outcomes names “%s”, which is not one of "
                             "the catalogue's profiles", profile);
                  return FALSE;
                }

              if (!(profile_object = get_object (ctx, object, profile, "rule: profile_outcomes",
                                                 error)))
                return FALSE;

              if (!(outcome_rule = parse_outcome_rule (ctx, profile_object, where, error)))
                return FALSE;

              outcome_rule->profile = g_strdup (profile);
              g_ptr_array_add (self->outcome_rules, outcome_rule);
            }
        }

      return TRUE;
    }

  set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_RULE,
             "rule: unknown kind “%s” (any_present or weighted)", kind);

  return FALSE;
}

static gboolean
parse_root (ParseContext  *ctx,
            JsonObject    *root,
            GError       **error)
{
  LygCatalogue *self = ctx->self;
  JsonNode *node;
  const char *id;
  gint64 version;

  if (!(node = get_member (ctx, root, "format", "catalogue", error)))
    return FALSE;

  if (!node_is_int (node) || json_node_get_int (node) < 1)
    {
      set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                 "catalogue: “format” must be a positive integer");
      return FALSE;
    }

  if (json_node_get_int (node) > CATALOGUE_FORMAT)
    {
      set_error (ctx, error, LYG_CATALOGUE_ERROR_UNSUPPORTED_FORMAT,
                 "catalogue format %" G_GINT64_FORMAT " is newer than this version of "
                 "Lygte reads (%d)", json_node_get_int (node), CATALOGUE_FORMAT);
      return FALSE;
    }

  if (!(id = get_id (ctx, root, "id", "catalogue", error)))
    return FALSE;
  self->id = g_strdup (id);

  if (!(node = get_member (ctx, root, "version", "catalogue", error)))
    return FALSE;

  if (!node_is_int (node) || (version = json_node_get_int (node)) < 1 || version > G_MAXINT)
    {
      set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                 "catalogue: “version” must be a positive integer");
      return FALSE;
    }
  self->version = (guint)version;

  return get_text (ctx, root, "title", "catalogue", &self->title, error) &&
         parse_source (ctx, root, error) &&
         parse_provenance (ctx, root, error) &&
         parse_profiles (ctx, root, error) &&
         parse_dimensions (ctx, root, error) &&
         parse_indicators (ctx, root, error) &&
         parse_rule (ctx, root, error);
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

/**
 * lyg_catalogue_new_from_data:
 * @data: the JSON text
 * @length: length of @data, or -1 if nul-terminated
 * @origin: a name for @data used in error messages, usually the file name
 * @error: return location for a #GError
 *
 * Parses and validates a catalogue.  Everything the engine relies on is
 * checked here, so a catalogue that loads can always be scored.
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error set in the
 *   %LYG_CATALOGUE_ERROR domain
 */
LygCatalogue *
lyg_catalogue_new_from_data (const char  *data,
                             gssize       length,
                             const char  *origin,
                             GError     **error)
{
  g_autoptr(LygCatalogue) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  ParseContext ctx;
  JsonNode *root;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (origin != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LYG_TYPE_CATALOGUE, NULL);
  self->origin = g_strdup (origin);
  ctx.self = self;
  ctx.origin = self->origin;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      set_error (&ctx, error, LYG_CATALOGUE_ERROR_PARSE, "%s", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      set_error (&ctx, error, LYG_CATALOGUE_ERROR_PARSE, "the catalogue is not a JSON object");
      return NULL;
    }

  if (!parse_root (&ctx, json_node_get_object (root), error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * lyg_catalogue_new_from_file:
 * @file: a catalogue file
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error set.  The
 *   error names the file.  I/O errors are %G_IO_ERROR.
 */
LygCatalogue *
lyg_catalogue_new_from_file (GFile   *file,
                             GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  name = g_file_get_basename (file);

  return lyg_catalogue_new_from_data (contents, length, name, error);
}

/**
 * lyg_catalogue_new_from_resource:
 * @resource: (nullable): a #GResource, or %NULL for the global resources
 * @path: the resource path
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error set
 */
LygCatalogue *
lyg_catalogue_new_from_resource (GResource   *resource,
                                 const char  *path,
                                 GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (resource != NULL)
    bytes = g_resource_lookup_data (resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  else
    bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;

  name = g_path_get_basename (path);

  return lyg_catalogue_new_from_data (g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes),
                                      name, error);
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
