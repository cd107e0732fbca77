/* lyg-scenario-check.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-scenario-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lyg-scenario-check.h"

/* A trainee's answers held against a scenario's key, indicator by
 * indicator in catalogue order:
 *
 *  - the key has it present: present → agreed, anything else → missed;
 *  - the key has it not present: present → over-read, anything else →
 *    agreed (leaving it unknown is not reading too much into the vignette);
 *  - the key is silent: present → over-read, otherwise it is not listed.
 *
 * Observed and reported both count as present, as in the engine.
 */
struct _LygScenarioCheck
{
  GObject             parent_instance;

  LygScenario        *scenario;
  LygScreeningResult *result;
  LygScreeningResult *expected;
  GArray             *items;   /* (element-type LygScenarioCheckItem) */
  guint               counts[LYG_VERDICT_OVER_READ + 1];
};

G_DEFINE_FINAL_TYPE (LygScenarioCheck, lyg_scenario_check, G_TYPE_OBJECT)

static void
add_item (LygScenarioCheck   *self,
          const LygIndicator *indicator,
          LygAnswer           expected,
          LygAnswer           given,
          LygVerdict          verdict,
          const LygScenarioKey *key)
{
  LygScenarioCheckItem item = {
    indicator, expected, given, verdict, key ? &key->explanation : NULL,
  };

  g_array_append_val (self->items, item);
  self->counts[verdict]++;
}

static void
lyg_scenario_check_finalize (GObject *object)
{
  LygScenarioCheck *self = LYG_SCENARIO_CHECK (object);

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_object (&self->result);
  g_clear_object (&self->expected);
  g_clear_object (&self->scenario);

  G_OBJECT_CLASS (lyg_scenario_check_parent_class)->finalize (object);
}

static void
lyg_scenario_check_class_init (LygScenarioCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lyg_scenario_check_finalize;
}

static void
lyg_scenario_check_init (LygScenarioCheck *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (LygScenarioCheckItem));
}

/**
 * lyg_scenario_check_new:
 * @scenario: the scenario screened
 * @catalogue: its catalogue, in the version the scenario names
 * @answers: the trainee's answers
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the comparison, or %NULL when the
 *   engine refuses the answers
 */
LygScenarioCheck *
lyg_scenario_check_new (LygScenario          *scenario,
                        LygCatalogue         *catalogue,
                        LygScreeningAnswers  *answers,
                        GError              **error)
{
  g_autoptr(LygScenarioCheck) self = NULL;
  g_autoptr(LygScreeningAnswers) key_answers = NULL;

  g_return_val_if_fail (LYG_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (LYG_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (LYG_IS_SCREENING_ANSWERS (answers), NULL);

  self = g_object_new (LYG_TYPE_SCENARIO_CHECK, NULL);
  self->scenario = g_object_ref (scenario);

  key_answers = lyg_scenario_dup_key_answers (scenario);
  if (!(self->expected = lyg_screening_score (catalogue, lyg_scenario_get_profile (scenario),
                                              key_answers, error)) ||
      !(self->result = lyg_screening_score (catalogue, lyg_scenario_get_profile (scenario),
                                            answers, error)))
    return NULL;

  for (guint i = 0; i < lyg_catalogue_get_n_indicators (catalogue); i++)
    {
      const LygIndicator *indicator = lyg_catalogue_get_indicator (catalogue, i);
      const LygScenarioKey *key = lyg_scenario_lookup_key (scenario, indicator->id);
      LygAnswer given = lyg_screening_answers_get (answers, indicator->id, NULL);
      LygAnswer expected = key ? key->answer : LYG_ANSWER_UNKNOWN;
      gboolean given_present = lyg_answer_is_present (given);

      if (lyg_answer_is_present (expected))
        add_item (self, indicator, expected, given,
                  given_present ? LYG_VERDICT_AGREED : LYG_VERDICT_MISSED, key);
      else if (given_present)
        add_item (self, indicator, expected, given, LYG_VERDICT_OVER_READ, key);
      else if (key != NULL)
        add_item (self, indicator, expected, given, LYG_VERDICT_AGREED, key);
    }

  return g_steal_pointer (&self);
}

/**
 * lyg_scenario_check_get_scenario:
 * @self: a #LygScenarioCheck
 *
 * Returns: (transfer none): the scenario
 */
LygScenario *
lyg_scenario_check_get_scenario (LygScenarioCheck *self)
{
  g_return_val_if_fail (LYG_IS_SCENARIO_CHECK (self), NULL);

  return self->scenario;
}

guint
lyg_scenario_check_get_n_items (LygScenarioCheck *self)
{
  g_return_val_if_fail (LYG_IS_SCENARIO_CHECK (self), 0);

  return self->items->len;
}

const LygScenarioCheckItem *
lyg_scenario_check_get_item (LygScenarioCheck *self,
                             guint             index)
{
  g_return_val_if_fail (LYG_IS_SCENARIO_CHECK (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return &g_array_index (self->items, LygScenarioCheckItem, index);
}

guint
lyg_scenario_check_count (LygScenarioCheck *self,
                          LygVerdict        verdict)
{
  g_return_val_if_fail (LYG_IS_SCENARIO_CHECK (self), 0);
  g_return_val_if_fail (verdict <= LYG_VERDICT_OVER_READ, 0);

  return self->counts[verdict];
}

/**
 * lyg_scenario_check_get_result:
 * @self: a #LygScenarioCheck
 *
 * Returns: (transfer none): the engine's result for the trainee's answers
 */
LygScreeningResult *
lyg_scenario_check_get_result (LygScenarioCheck *self)
{
  g_return_val_if_fail (LYG_IS_SCENARIO_CHECK (self), NULL);

  return self->result;
}

/**
 * lyg_scenario_check_get_expected_result:
 * @self: a #LygScenarioCheck
 *
 * Returns: (transfer none): the engine's result for the key's answers
 */
LygScreeningResult *
lyg_scenario_check_get_expected_result (LygScenarioCheck *self)
{
  g_return_val_if_fail (LYG_IS_SCENARIO_CHECK (self), NULL);

  return self->expected;
}

gboolean
lyg_scenario_check_outcome_agrees (LygScenarioCheck *self)
{
  g_return_val_if_fail (LYG_IS_SCENARIO_CHECK (self), FALSE);

  return lyg_screening_result_get_outcome (self->result) ==
         lyg_scenario_get_outcome (self->scenario);
}

const char *
lyg_verdict_to_string (LygVerdict verdict)
{
  switch (verdict)
    {
    case LYG_VERDICT_AGREED:
      return "agreed";
    case LYG_VERDICT_MISSED:
      return "missed";
    case LYG_VERDICT_OVER_READ:
      return "over_read";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
lyg_verdict_get_label (LygVerdict verdict)
{
  switch (verdict)
    {
    case LYG_VERDICT_AGREED:
      return _("Agreed");
    case LYG_VERDICT_MISSED:
      return _("Missed");
    case LYG_VERDICT_OVER_READ:
      return _("Over-read");
    default:
      g_return_val_if_reached (NULL);
    }
}
