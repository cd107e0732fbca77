/* lyg-screening-result.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-screening-result"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lyg-screening-result-private.h"

/* The national identification centre and the emergency number, as given
 * in public material (domain.md §1, §5).
 */
#define REFERRAL_ORGANISATION "Center mod Menneskehandel"
#define REFERRAL_HOTLINE      "70 20 25 50"
#define EMERGENCY_NUMBER      "112"

G_DEFINE_FINAL_TYPE (LygScreeningResult, lyg_screening_result, G_TYPE_OBJECT)

static void
dimension_result_clear (gpointer data)
{
  LygDimensionResult *dr = data;

  g_clear_pointer (&dr->matched, g_ptr_array_unref);
  g_clear_pointer (&dr->present, g_ptr_array_unref);
  g_clear_pointer (&dr->contributing, g_ptr_array_unref);
}

static void
requirement_result_clear (gpointer data)
{
  LygRequirementResult *rr = data;

  g_clear_pointer (&rr->positive, g_ptr_array_unref);
}

static void
lyg_screening_result_finalize (GObject *object)
{
  LygScreeningResult *self = (LygScreeningResult *)object;

  g_clear_pointer (&self->dimensions, g_array_unref);
  g_clear_pointer (&self->requirements, g_array_unref);
  g_clear_pointer (&self->profile, g_free);
  g_clear_object (&self->answers);
  g_clear_object (&self->catalogue);

  G_OBJECT_CLASS (lyg_screening_result_parent_class)->finalize (object);
}

static void
lyg_screening_result_class_init (LygScreeningResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lyg_screening_result_finalize;
}

static void
lyg_screening_result_init (LygScreeningResult *self)
{
  self->dimensions = g_array_new (FALSE, TRUE, sizeof (LygDimensionResult));
  g_array_set_clear_func (self->dimensions, dimension_result_clear);
  self->requirements = g_array_new (FALSE, TRUE, sizeof (LygRequirementResult));
  g_array_set_clear_func (self->requirements, requirement_result_clear);
}

LygScreeningResult *
_lyg_screening_result_new (LygCatalogue        *catalogue,
                           const char          *profile,
                           LygScreeningAnswers *answers)
{
  LygScreeningResult *self;

  g_assert (LYG_IS_CATALOGUE (catalogue));
  g_assert (profile != NULL);
  g_assert (LYG_IS_SCREENING_ANSWERS (answers));

  self = g_object_new (LYG_TYPE_SCREENING_RESULT, NULL);
  self->catalogue = g_object_ref (catalogue);
  self->profile = g_strdup (profile);
  self->answers = lyg_screening_answers_copy (answers);

  return self;
}

/* "1 strong, 2 medium" */
static char *
format_counts (const guint counts[LYG_N_WEIGHTS])
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint n;

  if ((n = counts[LYG_WEIGHT_STRONG]) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u strong", "%u strong", n), n));
  if ((n = counts[LYG_WEIGHT_MEDIUM]) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u medium", "%u medium", n), n));
  if ((n = counts[LYG_WEIGHT_WEAK]) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u weak", "%u weak", n), n));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (", ", (char **)parts->pdata);
}

/* "Violence on victims (strong), Debt bondage (medium)" */
static char *
format_indicators (GPtrArray  *indicators,
                   gboolean    weighted,
                   const char *lang)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < indicators->len; i++)
    {
      const LygIndicator *indicator = g_ptr_array_index (indicators, i);

      if (i > 0)
        g_string_append (str, "; ");

      g_string_append (str, lyg_catalogue_text_get (&indicator->text, lang));

      if (weighted)
        g_string_append_printf (str, " (%s)", lyg_weight_get_label (indicator->weight));
    }

  return g_string_free (str, FALSE);
}

static char *
join_dimension_titles (GPtrArray  *dimensions,
                       const char *lang)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < dimensions->len; i++)
    {
      const LygDimension *dimension = g_ptr_array_index (dimensions, i);

      if (i > 0)
        g_string_append (str, "; ");

      g_string_append (str, lyg_catalogue_text_get (&dimension->title, lang));
    }

  return g_string_free (str, FALSE);
}

LygCatalogue *
lyg_screening_result_get_catalogue (LygScreeningResult *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_RESULT (self), NULL);

  return self->catalogue;
}

const char *
lyg_screening_result_get_profile (LygScreeningResult *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_RESULT (self), NULL);

  return self->profile;
}

/**
 * lyg_screening_result_get_answers:
 *
 * Returns: (transfer none): the answers that were scored (a copy taken
 *   when scoring)
 */
LygScreeningAnswers *
lyg_screening_result_get_answers (LygScreeningResult *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_RESULT (self), NULL);

  return self->answers;
}

LygOutcome
lyg_screening_result_get_outcome (LygScreeningResult *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_RESULT (self), LYG_OUTCOME_NO_INDICATION);

  return self->outcome;
}

/**
 * lyg_screening_result_get_alternative_outcome:
 *
 * The outcome when every disputed weight takes its alternative reading.
 * Equal to lyg_screening_result_get_outcome() when no present indicator
 * is disputed.
 */
LygOutcome
lyg_screening_result_get_alternative_outcome (LygScreeningResult *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_RESULT (self), LYG_OUTCOME_NO_INDICATION);

  return self->alternative_outcome;
}

/**
 * lyg_screening_result_is_settled:
 *
 * Returns: %TRUE when no answer to the unknown indicators could change the
 *   outcome
 */
gboolean
lyg_screening_result_is_settled (LygScreeningResult *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_RESULT (self), FALSE);

  return self->settled;
}

guint
lyg_screening_result_get_n_dimensions (LygScreeningResult *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_RESULT (self), 0);

  return self->dimensions->len;
}

const LygDimensionResult *
lyg_screening_result_get_dimension (LygScreeningResult *self,
                                    guint               index)
{
  g_return_val_if_fail (LYG_IS_SCREENING_RESULT (self), NULL);
  g_return_val_if_fail (index < self->dimensions->len, NULL);

  return &g_array_index (self->dimensions, LygDimensionResult, index);
}

const LygDimensionResult *
lyg_screening_result_lookup_dimension (LygScreeningResult *self,
                                       const char         *id)
{
  const LygDimension *dimension;

  g_return_val_if_fail (LYG_IS_SCREENING_RESULT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!(dimension = lyg_catalogue_lookup_dimension (self->catalogue, id)))
    return NULL;

  return &g_array_index (self->dimensions, LygDimensionResult, dimension->index);
}

guint
lyg_screening_result_get_n_requirements (LygScreeningResult *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_RESULT (self), 0);

  return self->requirements->len;
}

const LygRequirementResult *
lyg_screening_result_get_requirement (LygScreeningResult *self,
                                      guint               index)
{
  g_return_val_if_fail (LYG_IS_SCREENING_RESULT (self), NULL);
  g_return_val_if_fail (index < self->requirements->len, NULL);

  return &g_array_index (self->requirements, LygRequirementResult, index);
}

/**
 * lyg_screening_result_get_n_unknown:
 *
 * Returns: how many indicators of the catalogue are still unknown
 */
guint
lyg_screening_result_get_n_unknown (LygScreeningResult *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_RESULT (self), 0);

  return self->n_unknown;
}

guint
lyg_screening_result_get_n_present (LygScreeningResult *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_RESULT (self), 0);

  return self->n_observed + self->n_reported;
}

guint
lyg_screening_result_get_n_not_present (LygScreeningResult *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_RESULT (self), 0);

  return self->n_not_present;
}

static const char *
get_outcome_label (LygCatalogue *catalogue,
                   LygOutcome    outcome)
{
  switch (outcome)
    {
    case LYG_OUTCOME_PROBABLE:
      return _("Probable victim of trafficking: every required dimension is positive");
    case LYG_OUTCOME_POSSIBLE:
      return _("Possible trafficking: some dimensions are positive");
    case LYG_OUTCOME_NO_INDICATION:
      return _("No indication of trafficking so far");
    case LYG_OUTCOME_INDICATORS_PRESENT:
      if (lyg_catalogue_get_rule_action (catalogue) == LYG_RULE_ACTION_FURTHER_ASSESSMENT)
        return _("Indicators present: further assessment is needed");
      return _("Indicators present: refer for assessment");
    case LYG_OUTCOME_NONE_SO_FAR:
      return _("No indicators present so far");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * lyg_screening_result_get_outcome_label:
 *
 * Returns: the translated outcome, e.g. "Possible trafficking: some
 *   dimensions are positive"
 */
const char *
lyg_screening_result_get_outcome_label (LygScreeningResult *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_RESULT (self), NULL);

  return get_outcome_label (self->catalogue, self->outcome);
}

/**
 * lyg_screening_result_dup_explanation:
 * @self: a #LygScreeningResult
 * @lang: (nullable): language of the catalogue texts, %NULL for the user's
 *
 * Returns: (transfer full): a few translated sentences saying why the
 *   outcome is what it is and how many indicators are still unknown
 */
char *
lyg_screening_result_dup_explanation (LygScreeningResult *self,
                                      const char         *lang)
{
  g_autoptr(GPtrArray) positive = g_ptr_array_new ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  GString *str;

  g_return_val_if_fail (LYG_IS_SCREENING_RESULT (self), NULL);

  str = g_string_new (NULL);

  for (guint i = 0; i < self->dimensions->len; i++)
    {
      const LygDimensionResult *dr = &g_array_index (self->dimensions, LygDimensionResult, i);

      if (dr->positive)
        g_ptr_array_add (positive, (gpointer)dr->dimension);
    }

  for (guint i = 0; i < self->requirements->len; i++)
    {
      const LygRequirementResult *rr = &g_array_index (self->requirements,
                                                       LygRequirementResult, i);

      if (!rr->met)
        g_ptr_array_add (missing, (gpointer)lyg_catalogue_text_get (rr->label, lang));
    }

  if (lyg_catalogue_get_rule_kind (self->catalogue) == LYG_RULE_WEIGHTED)
    {
      if (positive->len > 0)
        {
          g_autofree char *titles = join_dimension_titles (positive, lang);

          g_string_append_printf (str, _("Positive dimensions: %s."), titles);
        }
      else
        {
          g_string_append (str, _("No dimension is positive."));
        }

      if (missing->len > 0 && positive->len > 0)
        {
          g_autofree char *labels = NULL;

          g_ptr_array_add (missing, NULL);
          labels = g_strjoinv ("; ", (char **)missing->pdata);
          g_string_append_c (str, ' ');
          g_string_append_printf (str, _("Still missing for a probable case: %s."), labels);
        }
    }
  else
    {
      guint n_present = self->n_observed + self->n_reported;

      if (n_present > 0)
        g_string_append_printf (str,
                                g_dngettext (GETTEXT_PACKAGE, "%u indicator is present.",
                                             "%u indicators are present.", n_present),
                                n_present);
      else
        g_string_append (str, _("No indicator is present."));
    }

  if (self->n_unknown > 0)
    {
      g_string_append_c (str, ' ');
      g_string_append_printf (str,
                              g_dngettext (GETTEXT_PACKAGE, "%u indicator is still unknown.",
                                           "%u indicators are still unknown.", self->n_unknown),
                              self->n_unknown);

      if (!self->settled)
        {
          g_string_append_c (str, ' ');
          g_string_append (str, _("Answers to them could change the outcome."));
        }
    }

  if (self->alternative_outcome != self->outcome)
    {
      g_string_append_c (str, ' ');
      g_string_append_printf (str,
                              _("Some weights in this list are disputed; under the "
                                "alternative reading the outcome would be: %s."),
                              get_outcome_label (self->catalogue, self->alternative_outcome));
    }

  return g_string_free (str, FALSE);
}

/**
 * lyg_screening_result_dup_dimension_reason:
 * @self: a #LygScreeningResult
 * @index: a dimension index
 * @lang: (nullable): language of the catalogue texts, %NULL for the user's
 *
 * Returns: (transfer full): why the dimension is positive or not, naming
 *   the indicators, their weights and the combination met
 */
char *
lyg_screening_result_dup_dimension_reason (LygScreeningResult *self,
                                           guint               index,
                                           const char         *lang)
{
  const LygDimensionResult *dr;
  g_autofree char *list = NULL;
  gboolean weighted;
  GString *str;

  g_return_val_if_fail (LYG_IS_SCREENING_RESULT (self), NULL);
  g_return_val_if_fail (index < self->dimensions->len, NULL);

  dr = &g_array_index (self->dimensions, LygDimensionResult, index);
  weighted = lyg_catalogue_get_rule_kind (self->catalogue) == LYG_RULE_WEIGHTED;
  str = g_string_new (NULL);

  if (dr->present->len == 0)
    {
      g_string_append (str, _("Not positive: no indicator is present."));
    }
  else if (!weighted)
    {
      list = format_indicators (dr->present, FALSE, lang);
      g_string_append_printf (str, _("Indicators present: %s."), list);
    }
  else if (dr->positive)
    {
      list = format_indicators (dr->contributing, TRUE, lang);
      g_string_append_printf (str, _("Positive by the combination “%s”: %s."),
                              lyg_catalogue_text_get (dr->combination_label, lang), list);
    }
  else
    {
      g_autofree char *counts = format_counts (dr->counts);

      list = format_indicators (dr->present, TRUE, lang);
      g_string_append_printf (str, _("Not positive: the indicators present (%s) meet no "
                                     "combination: %s."), counts, list);
    }

  if (weighted && dr->open)
    {
      g_string_append_c (str, ' ');
      g_string_append (str, _("Unknown answers could still make it positive."));
    }

  if (dr->disputed && dr->alternative_positive != dr->positive)
    {
      g_string_append_c (str, ' ');
      if (dr->alternative_positive)
        g_string_append (str, _("Under the alternative reading of disputed weights it "
                                "would be positive."));
      else
        g_string_append (str, _("Under the alternative reading of disputed weights it "
                                "would not be positive."));
    }

  return g_string_free (str, FALSE);
}

/**
 * lyg_screening_result_get_next_step:
 *
 * Returns: the translated next step: whom to refer to, and the police in
 *   acute danger
 */
const char *
lyg_screening_result_get_next_step (LygScreeningResult *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_RESULT (self), NULL);

  switch (self->outcome)
    {
    case LYG_OUTCOME_PROBABLE:
      return _("With the person's consent, refer them to the national identification "
               "centre, Center mod Menneskehandel (hotline 70 20 25 50), which makes the "
               "assessment. Doubt counts in the person's favour. If anyone is in acute "
               "danger, call the police on 112.");
    case LYG_OUTCOME_POSSIBLE:
      return _("Some dimensions are positive. Talk the case over with Center mod "
               "Menneskehandel (hotline 70 20 25 50) and, with the person's consent, "
               "offer a referral. If anyone is in acute danger, call the police on 112.");
    case LYG_OUTCOME_INDICATORS_PRESENT:
      if (lyg_catalogue_get_rule_action (self->catalogue) == LYG_RULE_ACTION_FURTHER_ASSESSMENT)
        return _("Look further into the situation and talk it over with Center mod "
                 "Menneskehandel (hotline 70 20 25 50); with the person's consent, offer "
                 "a referral. If anyone is in acute danger, call the police on 112.");
      return _("With the person's consent, refer them to the national identification "
               "centre, Center mod Menneskehandel (hotline 70 20 25 50), which makes the "
               "assessment. Doubt counts in the person's favour. If anyone is in acute "
               "danger, call the police on 112.");
    case LYG_OUTCOME_NO_INDICATION:
    case LYG_OUTCOME_NONE_SO_FAR:
      if (self->n_unknown > 0)
        return _("Nothing points to trafficking so far, but some indicators are still "
                 "unknown. Ask about them when it is safe to do so and screen again if "
                 "the picture changes. Center mod Menneskehandel (hotline 70 20 25 50) "
                 "can advise. If anyone is in acute danger, call the police on 112.");
      return _("Nothing points to trafficking so far. Screen again if the picture "
               "changes. Center mod Menneskehandel (hotline 70 20 25 50) can advise. "
               "If anyone is in acute danger, call the police on 112.");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
add_text_member (JsonBuilder *builder,
                 const char  *name,
                 const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_indicator_list (JsonBuilder        *builder,
                    LygScreeningResult *self,
                    GPtrArray          *indicators,
                    GPtrArray          *contributing,
                    gboolean            weighted,
                    const char         *lang)
{
  json_builder_begin_array (builder);

  for (guint i = 0; i < indicators->len; i++)
    {
      const LygIndicator *indicator = g_ptr_array_index (indicators, i);
      LygAnswer answer = lyg_screening_answers_get (self->answers, indicator->id, NULL);

      json_builder_begin_object (builder);
      add_text_member (builder, "id", indicator->id);
      add_text_member (builder, "text", lyg_catalogue_text_get (&indicator->text, lang));
      if (weighted)
        {
          add_text_member (builder, "weight", lyg_weight_to_string (indicator->weight));
          if (indicator->alternative_weight != LYG_WEIGHT_NONE)
            add_text_member (builder, "alternative_weight",
                             lyg_weight_to_string (indicator->alternative_weight));
        }
      add_text_member (builder, "answer", lyg_answer_to_string (answer));
      if (contributing != NULL)
        {
          gboolean counted = FALSE;

          for (guint j = 0; j < contributing->len && !counted; j++)
            counted = g_ptr_array_index (contributing, j) == indicator;

          json_builder_set_member_name (builder, "counted");
          json_builder_add_boolean_value (builder, counted);
        }
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
}

static void
add_dimension (JsonBuilder        *builder,
               LygScreeningResult *self,
               guint               index,
               gboolean            weighted,
               const char         *lang)
{
  const LygDimensionResult *dr = &g_array_index (self->dimensions, LygDimensionResult, index);
  g_autofree char *reason = lyg_screening_result_dup_dimension_reason (self, index, lang);

  json_builder_begin_object (builder);
  add_text_member (builder, "id", dr->dimension->id);
  add_text_member (builder, "title", lyg_catalogue_text_get (&dr->dimension->title, lang));
  add_text_member (builder, "role", dr->dimension->role);
  add_text_member (builder, "status", dr->positive ? "positive" : "not_positive");
  add_text_member (builder, "reason", reason);

  if (weighted)
    {
      json_builder_set_member_name (builder, "combination");
      if (dr->combination != NULL)
        {
          json_builder_begin_object (builder);
          add_text_member (builder, "id", dr->combination);
          add_text_member (builder, "label",
                           lyg_catalogue_text_get (dr->combination_label, lang));
          json_builder_end_object (builder);
        }
      else
        {
          json_builder_add_null_value (builder);
        }

      json_builder_set_member_name (builder, "matched_combinations");
      json_builder_begin_array (builder);
      for (guint i = 0; i < dr->matched->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (dr->matched, i));
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "counts");
      json_builder_begin_object (builder);
      for (guint w = LYG_WEIGHT_STRONG; w > LYG_WEIGHT_NONE; w--)
        {
          json_builder_set_member_name (builder, lyg_weight_to_string (w));
          json_builder_add_int_value (builder, dr->counts[w]);
        }
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "indicators");
  add_indicator_list (builder, self, dr->present, weighted ? dr->contributing : NULL,
                      weighted, lang);

  json_builder_set_member_name (builder, "present");
  json_builder_add_int_value (builder, dr->present->len);
  json_builder_set_member_name (builder, "not_present");
  json_builder_add_int_value (builder, dr->n_not_present);
  json_builder_set_member_name (builder, "unknown");
  json_builder_add_int_value (builder, dr->n_unknown);

  if (weighted)
    {
      json_builder_set_member_name (builder, "open");
      json_builder_add_boolean_value (builder, dr->open);

      if (dr->disputed)
        {
          json_builder_set_member_name (builder, "alternative_status");
          json_builder_add_string_value (builder,
                                         dr->alternative_positive ? "positive"
                                                                  : "not_positive");
        }
    }

  json_builder_end_object (builder);
}

/**
 * lyg_screening_result_to_json:
 * @self: a #LygScreeningResult
 * @lang: (nullable): language of the catalogue texts ("en" or "da"), %NULL
 *   for the user's.  The engine's own strings follow the gettext locale.
 *
 * The full result: the disclaimer label, the catalogue and profile, the
 * outcome with its explanation, the unknown count, each dimension with
 * its status, the combination met and the indicators that made it, the
 * requirements of the "probable" outcome, the alternative reading of
 * disputed weights where it applies, and the next step.  Machine ids
 * (outcome, status, combination, indicator ids, weights, answers) never
 * depend on the language.  This is also the screening record's `result`
 * snapshot.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
lyg_screening_result_to_json (LygScreeningResult *self,
                              const char         *lang)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *explanation = NULL;
  gboolean weighted;

  g_return_val_if_fail (LYG_IS_SCREENING_RESULT (self), NULL);

  weighted = lyg_catalogue_get_rule_kind (self->catalogue) == LYG_RULE_WEIGHTED;
  explanation = lyg_screening_result_dup_explanation (self, lang);

  json_builder_begin_object (builder);
  add_text_member (builder, "label", lyg_screening_get_disclaimer ());

  json_builder_set_member_name (builder, "catalogue");
  json_builder_begin_object (builder);
  add_text_member (builder, "id", lyg_catalogue_get_id (self->catalogue));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, lyg_catalogue_get_version (self->catalogue));
  add_text_member (builder, "title", lyg_catalogue_get_title (self->catalogue, lang));
  json_builder_end_object (builder);

  add_text_member (builder, "profile", self->profile);
  add_text_member (builder, "rule", weighted ? "weighted" : "any_present");
  add_text_member (builder, "outcome", lyg_outcome_to_string (self->outcome));
  add_text_member (builder, "outcome_label", get_outcome_label (self->catalogue, self->outcome));
  add_text_member (builder, "explanation", explanation);
  json_builder_set_member_name (builder, "settled");
  json_builder_add_boolean_value (builder, self->settled);
  json_builder_set_member_name (builder, "unknown");
  json_builder_add_int_value (builder, self->n_unknown);

  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "indicators");
  json_builder_add_int_value (builder, lyg_catalogue_get_n_indicators (self->catalogue));
  json_builder_set_member_name (builder, "observed");
  json_builder_add_int_value (builder, self->n_observed);
  json_builder_set_member_name (builder, "reported");
  json_builder_add_int_value (builder, self->n_reported);
  json_builder_set_member_name (builder, "not_present");
  json_builder_add_int_value (builder, self->n_not_present);
  json_builder_set_member_name (builder, "unknown");
  json_builder_add_int_value (builder, self->n_unknown);
  json_builder_end_object (builder);

  if (weighted)
    {
      json_builder_set_member_name (builder, "requirements");
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->requirements->len; i++)
        {
          const LygRequirementResult *rr = &g_array_index (self->requirements,
                                                           LygRequirementResult, i);

          json_builder_begin_object (builder);
          add_text_member (builder, "id", rr->id);
          add_text_member (builder, "label", lyg_catalogue_text_get (rr->label, lang));
          json_builder_set_member_name (builder, "met");
          json_builder_add_boolean_value (builder, rr->met);
          json_builder_set_member_name (builder, "positive_dimensions");
          json_builder_begin_array (builder);
          for (guint j = 0; j < rr->positive->len; j++)
            {
              const LygDimension *dimension = g_ptr_array_index (rr->positive, j);

              json_builder_add_string_value (builder, dimension->id);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, "dimensions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->dimensions->len; i++)
    add_dimension (builder, self, i, weighted, lang);
  json_builder_end_array (builder);

  if (self->disputed)
    {
      json_builder_set_member_name (builder, "alternative_reading");
      json_builder_begin_object (builder);
      add_text_member (builder, "outcome", lyg_outcome_to_string (self->alternative_outcome));
      add_text_member (builder, "outcome_label",
                       get_outcome_label (self->catalogue, self->alternative_outcome));
      json_builder_set_member_name (builder, "differs");
      json_builder_add_boolean_value (builder, self->alternative_outcome != self->outcome);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "next_step");
  json_builder_begin_object (builder);
  add_text_member (builder, "text", lyg_screening_result_get_next_step (self));
  json_builder_set_member_name (builder, "referral");
  json_builder_begin_object (builder);
  add_text_member (builder, "organisation", REFERRAL_ORGANISATION);
  add_text_member (builder, "hotline", REFERRAL_HOTLINE);
  json_builder_set_member_name (builder, "consent_required");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  add_text_member (builder, "emergency", EMERGENCY_NUMBER);
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * lyg_screening_result_equal:
 *
 * Returns: %TRUE when @a and @b say exactly the same: same catalogue and
 *   version, profile, outcome, dimensions, indicators and counts
 */
gboolean
lyg_screening_result_equal (LygScreeningResult *a,
                            LygScreeningResult *b)
{
  g_autoptr(JsonNode) ja = NULL;
  g_autoptr(JsonNode) jb = NULL;

  g_return_val_if_fail (LYG_IS_SCREENING_RESULT (a), FALSE);
  g_return_val_if_fail (LYG_IS_SCREENING_RESULT (b), FALSE);

  ja = lyg_screening_result_to_json (a, "en");
  jb = lyg_screening_result_to_json (b, "en");

  return json_node_equal (ja, jb);
}

/**
 * lyg_screening_get_disclaimer:
 *
 * Returns: the translated label every result carries
 */
const char *
lyg_screening_get_disclaimer (void)
{
  return _("Screening indication, not a legal determination");
}

const char *
lyg_outcome_to_string (LygOutcome outcome)
{
  switch (outcome)
    {
    case LYG_OUTCOME_NO_INDICATION:
      return "no_indication";
    case LYG_OUTCOME_POSSIBLE:
      return "possible";
    case LYG_OUTCOME_PROBABLE:
      return "probable";
    case LYG_OUTCOME_NONE_SO_FAR:
      return "none_so_far";
    case LYG_OUTCOME_INDICATORS_PRESENT:
      return "indicators_present";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
lyg_outcome_from_string (const char *str,
                         LygOutcome *outcome)
{
  g_return_val_if_fail (outcome != NULL, FALSE);

  for (guint o = LYG_OUTCOME_NO_INDICATION; o <= LYG_OUTCOME_INDICATORS_PRESENT; o++)
    {
      if (g_strcmp0 (str, lyg_outcome_to_string (o)) == 0)
        {
          *outcome = o;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * lyg_outcome_is_positive:
 *
 * Returns: %TRUE for outcomes that call for a referral or further
 *   assessment
 */
gboolean
lyg_outcome_is_positive (LygOutcome outcome)
{
  return outcome == LYG_OUTCOME_PROBABLE ||
         outcome == LYG_OUTCOME_POSSIBLE ||
         outcome == LYG_OUTCOME_INDICATORS_PRESENT;
}
