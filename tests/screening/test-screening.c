/* test-screening.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "lyg-screening.h"

/* The engine: every branch of the Delphi dimension rule, the adult and
 * child combination rules, unknown versus not present, the alternative
 * reading of disputed weights, unweighted lists, errors, the record's
 * JSON shapes and version pinning.
 */

static LygCatalogue *
shipped (const char *id)
{
  g_autoptr(GError) error = NULL;
  LygCatalogue *catalogue;

  catalogue = lyg_catalogue_set_lookup (lyg_catalogue_set_get_shipped (), id, 1, &error);
  g_assert_no_error (error);

  return catalogue;
}

static LygCatalogue *
fixture_catalogue (const char *name)
{
  g_autofree char *path = g_build_filename (SCREENING_TEST_DIR, "fixtures", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LygCatalogue *catalogue;

  catalogue = lyg_catalogue_new_from_file (file, &error);
  g_assert_no_error (error);

  return catalogue;
}

/* answers ("id", LYG_ANSWER_…, "id", …, NULL) */
static LygScreeningAnswers *
answers_new (const char *first_id,
             ...)
{
  LygScreeningAnswers *answers = lyg_screening_answers_new ();
  va_list args;

  va_start (args, first_id);
  for (const char *id = first_id; id != NULL; id = va_arg (args, const char *))
    lyg_screening_answers_set (answers, id, va_arg (args, LygAnswer), NULL);
  va_end (args);

  return answers;
}

static LygScreeningResult *
score (LygCatalogue        *catalogue,
       const char          *profile,
       LygScreeningAnswers *answers)
{
  g_autoptr(GError) error = NULL;
  LygScreeningResult *result;

  result = lyg_screening_score (catalogue, profile, answers, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static const LygDimensionResult *
dimension (LygScreeningResult *result,
           const char         *id)
{
  const LygDimensionResult *dr = lyg_screening_result_lookup_dimension (result, id);

  g_assert_nonnull (dr);

  return dr;
}

static void
assert_dimension (LygScreeningResult *result,
                  const char         *id,
                  gboolean            positive,
                  const char         *combination)
{
  const LygDimensionResult *dr = dimension (result, id);

  g_assert_cmpint (dr->positive, ==, positive);
  g_assert_cmpstr (dr->combination, ==, combination);
}

/* One dimension of the adult labour list, scored alone. */
static void
assert_adult_dimension (const char *dimension_id,
                        gboolean    positive,
                        const char *combination,
                        const char *first_id,
                        ...)
{
  g_autoptr(LygScreeningAnswers) answers = lyg_screening_answers_new ();
  g_autoptr(LygScreeningResult) result = NULL;
  va_list args;

  va_start (args, first_id);
  for (const char *id = first_id; id != NULL; id = va_arg (args, const char *))
    lyg_screening_answers_set (answers, id, LYG_ANSWER_OBSERVED, NULL);
  va_end (args);

  result = score (shipped ("delphi-adult-labour"), NULL, answers);
  assert_dimension (result, dimension_id, positive, combination);

  for (guint i = 0; i < lyg_screening_result_get_n_dimensions (result); i++)
    {
      const LygDimensionResult *dr = lyg_screening_result_get_dimension (result, i);

      if (!g_str_equal (dr->dimension->id, dimension_id))
        g_assert_false (dr->positive);
    }

  /* One positive dimension alone is "possible", never "probable". */
  g_assert_cmpint (lyg_screening_result_get_outcome (result), ==,
                   positive ? LYG_OUTCOME_POSSIBLE : LYG_OUTCOME_NO_INDICATION);
}

/* The four branches of the dimension rule, on the shipped adult list. */

static void
test_dimension_two_strong (void)
{
  assert_adult_dimension ("coercion-destination", TRUE, "two-strong",
                          "cd.confiscation-of-documents", "cd.debt-bondage", NULL);
}

static void
test_dimension_strong_and_medium (void)
{
  assert_adult_dimension ("coercion-destination", TRUE, "strong-and-medium-or-weak",
                          "cd.violence", "cd.withholding-of-wages", NULL);
}

static void
test_dimension_strong_and_weak (void)
{
  assert_adult_dimension ("coercion-destination", TRUE, "strong-and-medium-or-weak",
                          "cd.violence", "cd.threats-to-inform-family", NULL);
}

static void
test_dimension_three_medium (void)
{
  assert_adult_dimension ("coercion-destination", TRUE, "three-medium",
                          "cd.illicit-activities", "cd.forced-tasks-clients",
                          "cd.act-against-peers", NULL);
}

static void
test_dimension_two_medium_and_weak (void)
{
  assert_adult_dimension ("coercion-destination", TRUE, "two-medium-and-weak",
                          "cd.lie-to-authorities", "cd.threat-worse-conditions",
                          "cd.threats-to-inform-family", NULL);
}

/* The near misses */

static void
test_dimension_strong_alone (void)
{
  assert_adult_dimension ("coercion-destination", FALSE, NULL, "cd.violence", NULL);
  assert_adult_dimension ("exploitative-conditions", FALSE, NULL, "ec.excessive-hours", NULL);
}

static void
test_dimension_two_medium (void)
{
  assert_adult_dimension ("coercion-destination", FALSE, NULL,
                          "cd.lie-to-authorities", "cd.threat-worse-conditions", NULL);
}

static void
test_dimension_medium_and_two_weak (void)
{
  assert_adult_dimension ("vulnerability-recruitment", FALSE, NULL,
                          "vr.economic-reasons", "vr.cultural-religious-beliefs",
                          "vr.general-context", NULL);
}

static void
test_dimension_two_weak (void)
{
  assert_adult_dimension ("vulnerability-destination", FALSE, NULL,
                          "vd.difficulties-in-the-past", "vd.personal-characteristics", NULL);
}

static void
test_dimension_single_medium_or_weak (void)
{
  assert_adult_dimension ("deceptive-recruitment", FALSE, NULL, "dr.wages-earnings", NULL);
  assert_adult_dimension ("deceptive-recruitment", FALSE, NULL, "dr.education-opportunities",
                          NULL);
  assert_adult_dimension ("deceptive-recruitment", FALSE, NULL, NULL);
}

static void
test_dimension_reported_counts (void)
{
  g_autoptr(LygScreeningAnswers) answers = NULL;
  g_autoptr(LygScreeningResult) result = NULL;

  /* What the person reports counts like what is observed. */
  answers = answers_new ("cr.violence", LYG_ANSWER_REPORTED,
                         "cr.debt-bondage", LYG_ANSWER_OBSERVED, NULL);
  result = score (shipped ("delphi-adult-labour"), NULL, answers);
  assert_dimension (result, "coercive-recruitment", TRUE, "strong-and-medium-or-weak");
  g_assert_cmpuint (lyg_screening_result_get_n_present (result), ==, 2);
}

static void
test_dimension_not_present_does_not_count (void)
{
  g_autoptr(LygScreeningAnswers) answers = NULL;
  g_autoptr(LygScreeningResult) result = NULL;

  answers = answers_new ("cr.violence", LYG_ANSWER_OBSERVED,
                         "cr.debt-bondage", LYG_ANSWER_NOT_PRESENT,
                         "cr.threats-of-violence", LYG_ANSWER_UNKNOWN, NULL);
  result = score (shipped ("delphi-adult-labour"), NULL, answers);
  assert_dimension (result, "coercive-recruitment", FALSE, NULL);
}

/* Every count of strong, medium and weak indicators from 0 to 3 against
 * the rule as the shipped catalogue states it, compared with the rule as
 * domain.md §8.3 words it.
 */

static gboolean
reference_rule (guint s,
                guint m,
                guint w)
{
  return s >= 2 || (s >= 1 && m + w >= 1) || m >= 3 || (m >= 2 && w >= 1);
}

static const char *
reference_first (guint s,
                 guint m,
                 guint w)
{
  if (s >= 2)
    return "two-strong";
  if (s >= 1 && m + w >= 1)
    return "strong-and-medium-or-weak";
  if (m >= 3)
    return "three-medium";
  if (m >= 2 && w >= 1)
    return "two-medium-and-weak";
  return NULL;
}

static LygCatalogue *
rule_catalogue (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *shipped_rule;
  static const char *weights[] = { "strong", "medium", "weak" };
  LygCatalogue *catalogue;

  bytes = g_resource_lookup_data (lyg_catalogue_set_get_shipped_resource (),
                                  LYG_CATALOGUE_RESOURCE_PATH "/delphi-adult-labour.v1.json",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                              g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  shipped_rule = json_node_get_object (json_parser_get_root (parser));
  shipped_rule = json_object_get_object_member (shipped_rule, "rule");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "rule-test");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "title");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "en");
  json_builder_add_string_value (builder, "Rule test");
  json_builder_set_member_name (builder, "da");
  json_builder_add_string_value (builder, "Regeltest");
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "document");
  json_builder_add_string_value (builder, "test");
  json_builder_set_member_name (builder, "publisher");
  json_builder_add_string_value (builder, "test");
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "provenance");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "confidence");
  json_builder_add_string_value (builder, "low");
  json_builder_set_member_name (builder, "note");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "en");
  json_builder_add_string_value (builder, "test");
  json_builder_set_member_name (builder, "da");
  json_builder_add_string_value (builder, "test");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "profiles");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "adult-labour");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "dimensions");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "d");
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, "exploitation");
  json_builder_set_member_name (builder, "title");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "en");
  json_builder_add_string_value (builder, "D");
  json_builder_set_member_name (builder, "da");
  json_builder_add_string_value (builder, "D");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  /* The shipped combinations, verbatim; one requirement on "d". */
  json_builder_set_member_name (builder, "rule");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, "weighted");
  json_builder_set_member_name (builder, "dimension_positive");
  json_builder_add_value (builder,
                          json_node_copy (json_object_get_member (shipped_rule,
                                                                  "dimension_positive")));
  json_builder_set_member_name (builder, "outcomes");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "probable");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "all_of");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "d");
  json_builder_set_member_name (builder, "label");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "en");
  json_builder_add_string_value (builder, "D");
  json_builder_set_member_name (builder, "da");
  json_builder_add_string_value (builder, "D");
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "any_dimension");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "d");
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "indicators");
  json_builder_begin_array (builder);
  for (guint w = 0; w < G_N_ELEMENTS (weights); w++)
    {
      for (guint i = 1; i <= 3; i++)
        {
          g_autofree char *id = g_strdup_printf ("%c%u", weights[w][0], i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, id);
          json_builder_set_member_name (builder, "dimension");
          json_builder_add_string_value (builder, "d");
          json_builder_set_member_name (builder, "weight");
          json_builder_add_string_value (builder, weights[w]);
          for (guint t = 0; t < 2; t++)
            {
              json_builder_set_member_name (builder, t == 0 ? "text" : "guidance");
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "en");
              json_builder_add_string_value (builder, id);
              json_builder_set_member_name (builder, "da");
              json_builder_add_string_value (builder, id);
              json_builder_end_object (builder);
            }
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  catalogue = lyg_catalogue_new_from_data (text, -1, "rule-test", &error);
  g_assert_no_error (error);

  return catalogue;
}

static void
test_dimension_rule_exhaustive (void)
{
  g_autoptr(LygCatalogue) catalogue = rule_catalogue ();

  for (guint s = 0; s <= 3; s++)
    for (guint m = 0; m <= 3; m++)
      for (guint w = 0; w <= 3; w++)
        {
          g_autoptr(LygScreeningAnswers) answers = lyg_screening_answers_new ();
          g_autoptr(LygScreeningResult) result = NULL;
          const LygDimensionResult *dr;
          guint n_matched = 0;

          for (guint i = 1; i <= 3; i++)
            {
              g_autofree char *sid = g_strdup_printf ("s%u", i);
              g_autofree char *mid = g_strdup_printf ("m%u", i);
              g_autofree char *wid = g_strdup_printf ("w%u", i);

              lyg_screening_answers_set (answers, sid,
                                         i <= s ? LYG_ANSWER_OBSERVED : LYG_ANSWER_NOT_PRESENT,
                                         NULL);
              lyg_screening_answers_set (answers, mid,
                                         i <= m ? LYG_ANSWER_REPORTED : LYG_ANSWER_NOT_PRESENT,
                                         NULL);
              lyg_screening_answers_set (answers, wid,
                                         i <= w ? LYG_ANSWER_OBSERVED : LYG_ANSWER_NOT_PRESENT,
                                         NULL);
            }

          result = score (catalogue, NULL, answers);
          dr = dimension (result, "d");

          g_test_message ("%u strong, %u medium, %u weak", s, m, w);
          g_assert_cmpint (dr->positive, ==, reference_rule (s, m, w));
          g_assert_cmpstr (dr->combination, ==, reference_first (s, m, w));
          g_assert_cmpuint (dr->counts[LYG_WEIGHT_STRONG], ==, s);
          g_assert_cmpuint (dr->counts[LYG_WEIGHT_MEDIUM], ==, m);
          g_assert_cmpuint (dr->counts[LYG_WEIGHT_WEAK], ==, w);
          g_assert_cmpint (lyg_screening_result_get_outcome (result), ==,
                           reference_rule (s, m, w) ? LYG_OUTCOME_PROBABLE
                                                    : LYG_OUTCOME_NO_INDICATION);

          /* Every combination met is listed, in catalogue order. */
          n_matched += s >= 2;
          n_matched += s >= 1 && m + w >= 1;
          n_matched += m >= 3;
          n_matched += m >= 2 && w >= 1;
          g_assert_cmpuint (dr->matched->len, ==, n_matched);

          /* The indicators that made it are those the combination counts. */
          if (dr->positive)
            {
              for (guint i = 0; i < dr->contributing->len; i++)
                {
                  const LygIndicator *indicator = g_ptr_array_index (dr->contributing, i);

                  if (g_str_equal (dr->combination, "two-strong"))
                    g_assert_cmpint (indicator->weight, ==, LYG_WEIGHT_STRONG);
                  else if (g_str_equal (dr->combination, "three-medium"))
                    g_assert_cmpint (indicator->weight, ==, LYG_WEIGHT_MEDIUM);
                  else if (g_str_equal (dr->combination, "two-medium-and-weak"))
                    g_assert_cmpint (indicator->weight, !=, LYG_WEIGHT_STRONG);
                }
              g_assert_cmpuint (dr->contributing->len, >=, 2);
            }
          else
            {
              g_assert_cmpuint (dr->contributing->len, ==, 0);
            }
        }
}

/* Which dimensions must be positive together */

static LygScreeningAnswers *
adult_answers (gboolean recruitment,
               gboolean exploitation,
               gboolean destination)
{
  LygScreeningAnswers *answers = lyg_screening_answers_new ();

  if (recruitment)
    {
      lyg_screening_answers_set (answers, "cr.violence", LYG_ANSWER_OBSERVED, NULL);
      lyg_screening_answers_set (answers, "cr.threats-of-violence", LYG_ANSWER_REPORTED, NULL);
    }
  if (exploitation)
    {
      lyg_screening_answers_set (answers, "ec.excessive-hours", LYG_ANSWER_OBSERVED, NULL);
      lyg_screening_answers_set (answers, "ec.wage-manipulation", LYG_ANSWER_REPORTED, NULL);
    }
  if (destination)
    {
      lyg_screening_answers_set (answers, "cd.confiscation-of-documents", LYG_ANSWER_OBSERVED,
                                 NULL);
      lyg_screening_answers_set (answers, "cd.debt-bondage", LYG_ANSWER_REPORTED, NULL);
    }

  return answers;
}

static void
test_combination_adult (void)
{
  LygCatalogue *catalogue = shipped ("delphi-adult-labour");

  for (guint bits = 0; bits < 8; bits++)
    {
      gboolean r = (bits & 1) != 0, e = (bits & 2) != 0, d = (bits & 4) != 0;
      g_autoptr(LygScreeningAnswers) answers = adult_answers (r, e, d);
      g_autoptr(LygScreeningResult) result = score (catalogue, NULL, answers);
      LygOutcome expected;

      if (r && e && d)
        expected = LYG_OUTCOME_PROBABLE;
      else if (r || e || d)
        expected = LYG_OUTCOME_POSSIBLE;
      else
        expected = LYG_OUTCOME_NO_INDICATION;

      g_test_message ("recruitment %d, exploitation %d, destination %d", r, e, d);
      g_assert_cmpint (lyg_screening_result_get_outcome (result), ==, expected);

      g_assert_cmpuint (lyg_screening_result_get_n_requirements (result), ==, 3);
      g_assert_cmpstr (lyg_screening_result_get_requirement (result, 0)->id, ==, "recruitment");
      g_assert_cmpint (lyg_screening_result_get_requirement (result, 0)->met, ==, r);
      g_assert_cmpint (lyg_screening_result_get_requirement (result, 1)->met, ==, e);
      g_assert_cmpint (lyg_screening_result_get_requirement (result, 2)->met, ==, d);
    }
}

static void
test_combination_adult_any_recruitment_or_destination (void)
{
  static const char *recruitment[][3] = {
    { "dr.nature-of-job", "dr.wages-earnings", "deceptive-recruitment" },
    { "cr.violence", "cr.debt-bondage", "coercive-recruitment" },
  };
  static const char *destination[][3] = {
    { "cd.violence", "cd.debt-bondage", "coercion-destination" },
  };
  LygCatalogue *catalogue = shipped ("delphi-adult-labour");

  /* Any one of the three recruitment dimensions, and either destination
   * dimension, fulfils its requirement. */
  for (guint i = 0; i < G_N_ELEMENTS (recruitment); i++)
    {
      g_autoptr(LygScreeningAnswers) answers = adult_answers (FALSE, TRUE, TRUE);
      g_autoptr(LygScreeningResult) result = NULL;

      lyg_screening_answers_set (answers, recruitment[i][0], LYG_ANSWER_OBSERVED, NULL);
      lyg_screening_answers_set (answers, recruitment[i][1], LYG_ANSWER_OBSERVED, NULL);
      result = score (catalogue, NULL, answers);
      assert_dimension (result, recruitment[i][2], TRUE, "strong-and-medium-or-weak");
      g_assert_cmpint (lyg_screening_result_get_outcome (result), ==, LYG_OUTCOME_PROBABLE);
    }

  {
    g_autoptr(LygScreeningAnswers) answers = adult_answers (FALSE, TRUE, TRUE);
    g_autoptr(LygScreeningResult) result = NULL;

    /* Recruitment by abuse of vulnerability has no strong indicator. */
    lyg_screening_answers_set (answers, "vr.economic-reasons", LYG_ANSWER_OBSERVED, NULL);
    lyg_screening_answers_set (answers, "vr.lack-of-information", LYG_ANSWER_OBSERVED, NULL);
    lyg_screening_answers_set (answers, "vr.illegal-status", LYG_ANSWER_OBSERVED, NULL);
    result = score (catalogue, NULL, answers);
    assert_dimension (result, "vulnerability-recruitment", TRUE, "three-medium");
    g_assert_cmpint (lyg_screening_result_get_outcome (result), ==, LYG_OUTCOME_PROBABLE);
  }

  for (guint i = 0; i < G_N_ELEMENTS (destination); i++)
    {
      g_autoptr(LygScreeningAnswers) answers = adult_answers (TRUE, TRUE, FALSE);
      g_autoptr(LygScreeningResult) result = NULL;

      lyg_screening_answers_set (answers, destination[i][0], LYG_ANSWER_OBSERVED, NULL);
      lyg_screening_answers_set (answers, destination[i][1], LYG_ANSWER_OBSERVED, NULL);
      result = score (catalogue, NULL, answers);
      g_assert_cmpint (lyg_screening_result_get_outcome (result), ==, LYG_OUTCOME_PROBABLE);
    }

  {
    g_autoptr(LygScreeningAnswers) answers = adult_answers (TRUE, TRUE, FALSE);
    g_autoptr(LygScreeningResult) result = NULL;

    lyg_screening_answers_set (answers, "vd.dependency-on-exploiters", LYG_ANSWER_OBSERVED, NULL);
    lyg_screening_answers_set (answers, "vd.unknown-area", LYG_ANSWER_OBSERVED, NULL);
    lyg_screening_answers_set (answers, "vd.personal-characteristics", LYG_ANSWER_OBSERVED, NULL);
    result = score (catalogue, NULL, answers);
    assert_dimension (result, "vulnerability-destination", TRUE, "two-medium-and-weak");
    g_assert_cmpint (lyg_screening_result_get_outcome (result), ==, LYG_OUTCOME_PROBABLE);
  }
}

static void
test_combination_child (void)
{
  LygCatalogue *child = shipped ("delphi-child-labour");
  LygCatalogue *adult = shipped ("delphi-adult-labour");

  /* Recruitment and exploitation suffice for a child (no means needed) but
   * not for an adult. */
  {
    g_autoptr(LygScreeningAnswers) answers = adult_answers (TRUE, TRUE, FALSE);
    g_autoptr(LygScreeningResult) child_result = score (child, NULL, answers);
    g_autoptr(LygScreeningResult) adult_result = score (adult, NULL, answers);

    g_assert_cmpstr (lyg_screening_result_get_profile (child_result), ==, "child-labour");
    g_assert_cmpint (lyg_screening_result_get_outcome (child_result), ==, LYG_OUTCOME_PROBABLE);
    g_assert_cmpuint (lyg_screening_result_get_n_requirements (child_result), ==, 2);
    g_assert_cmpint (lyg_screening_result_get_outcome (adult_result), ==, LYG_OUTCOME_POSSIBLE);
  }

  /* A child still needs a recruitment dimension. */
  {
    g_autoptr(LygScreeningAnswers) answers = adult_answers (FALSE, TRUE, TRUE);
    g_autoptr(LygScreeningResult) result = score (child, NULL, answers);

    g_assert_cmpint (lyg_screening_result_get_outcome (result), ==, LYG_OUTCOME_POSSIBLE);
  }

  {
    g_autoptr(LygScreeningAnswers) answers = adult_answers (TRUE, FALSE, TRUE);
    g_autoptr(LygScreeningResult) result = score (child, NULL, answers);

    g_assert_cmpint (lyg_screening_result_get_outcome (result), ==, LYG_OUTCOME_POSSIBLE);
  }

  /* Child weights differ: "Threats of violence" is strong for children, so
   * it makes coercive recruitment positive with one medium. */
  {
    g_autoptr(LygScreeningAnswers) answers = NULL;
    g_autoptr(LygScreeningResult) child_result = NULL;
    g_autoptr(LygScreeningResult) adult_result = NULL;

    answers = answers_new ("cr.threats-of-violence", LYG_ANSWER_REPORTED,
                           "cr.confiscation-of-documents", LYG_ANSWER_OBSERVED, NULL);
    child_result = score (child, NULL, answers);
    adult_result = score (adult, NULL, answers);
    assert_dimension (child_result, "coercive-recruitment", TRUE, "strong-and-medium-or-weak");
    assert_dimension (adult_result, "coercive-recruitment", FALSE, NULL);
  }
}

static void
test_combination_profile_override (void)
{
  g_autoptr(LygCatalogue) catalogue = fixture_catalogue ("valid-weighted.json");
  g_autoptr(LygScreeningAnswers) answers = NULL;
  g_autoptr(LygScreeningResult) adult = NULL;
  g_autoptr(LygScreeningResult) child = NULL;
  g_autoptr(LygScreeningResult) by_default = NULL;

  answers = answers_new ("b.s1", LYG_ANSWER_OBSERVED, "b.m1", LYG_ANSWER_OBSERVED, NULL);
  adult = score (catalogue, "adult-labour", answers);
  child = score (catalogue, "child-labour", answers);
  by_default = score (catalogue, NULL, answers);

  g_assert_cmpint (lyg_screening_result_get_outcome (adult), ==, LYG_OUTCOME_POSSIBLE);
  g_assert_cmpint (lyg_screening_result_get_outcome (child), ==, LYG_OUTCOME_PROBABLE);
  g_assert_cmpstr (lyg_screening_result_get_profile (by_default), ==, "adult-labour");
  g_assert_true (lyg_screening_result_equal (adult, by_default));
  g_assert_false (lyg_screening_result_equal (adult, child));
}

/* Unknown is not "not present" */

static void
test_unknown_versus_not_present (void)
{
  LygCatalogue *catalogue = shipped ("delphi-adult-labour");
  g_autoptr(LygScreeningAnswers) unknown = adult_answers (TRUE, FALSE, FALSE);
  g_autoptr(LygScreeningAnswers) explicit_unknown = adult_answers (TRUE, FALSE, FALSE);
  g_autoptr(LygScreeningAnswers) not_present = adult_answers (TRUE, FALSE, FALSE);
  g_autoptr(LygScreeningResult) r_unknown = NULL;
  g_autoptr(LygScreeningResult) r_explicit = NULL;
  g_autoptr(LygScreeningResult) r_not_present = NULL;
  const LygDimensionResult *dr;

  for (guint i = 0; i < lyg_catalogue_get_n_indicators (catalogue); i++)
    {
      const LygIndicator *indicator = lyg_catalogue_get_indicator (catalogue, i);

      if (lyg_screening_answers_get (not_present, indicator->id, NULL) == LYG_ANSWER_UNKNOWN)
        {
          lyg_screening_answers_set (not_present, indicator->id, LYG_ANSWER_NOT_PRESENT, NULL);
          lyg_screening_answers_set (explicit_unknown, indicator->id, LYG_ANSWER_UNKNOWN,
                                     "not asked yet");
        }
    }

  r_unknown = score (catalogue, NULL, unknown);
  r_explicit = score (catalogue, NULL, explicit_unknown);
  r_not_present = score (catalogue, NULL, not_present);

  /* Same outcome today ... */
  g_assert_cmpint (lyg_screening_result_get_outcome (r_unknown), ==, LYG_OUTCOME_POSSIBLE);
  g_assert_cmpint (lyg_screening_result_get_outcome (r_not_present), ==, LYG_OUTCOME_POSSIBLE);

  /* ... but the unknowns are counted, and they keep the picture open. */
  g_assert_cmpuint (lyg_screening_result_get_n_unknown (r_unknown), ==, 65);
  g_assert_cmpuint (lyg_screening_result_get_n_not_present (r_unknown), ==, 0);
  g_assert_cmpuint (lyg_screening_result_get_n_unknown (r_not_present), ==, 0);
  g_assert_cmpuint (lyg_screening_result_get_n_not_present (r_not_present), ==, 65);
  g_assert_false (lyg_screening_result_is_settled (r_unknown));
  g_assert_true (lyg_screening_result_is_settled (r_not_present));

  dr = dimension (r_unknown, "exploitative-conditions");
  g_assert_false (dr->positive);
  g_assert_true (dr->open);
  g_assert_cmpuint (dr->n_unknown, ==, 9);
  dr = dimension (r_not_present, "exploitative-conditions");
  g_assert_false (dr->positive);
  g_assert_false (dr->open);
  g_assert_cmpuint (dr->n_not_present, ==, 9);

  /* An explicit "unknown" with a note is the same as no answer. */
  g_assert_cmpuint (lyg_screening_result_get_n_unknown (r_explicit), ==, 65);
  g_assert_cmpint (lyg_screening_result_get_outcome (r_explicit), ==, LYG_OUTCOME_POSSIBLE);
  g_assert_false (lyg_screening_result_is_settled (r_explicit));
}

static void
test_unknown_never_positive (void)
{
  LygCatalogue *catalogue = shipped ("delphi-adult-labour");
  g_autoptr(LygScreeningAnswers) answers = lyg_screening_answers_new ();
  g_autoptr(LygScreeningResult) result = NULL;

  result = score (catalogue, NULL, answers);
  g_assert_cmpint (lyg_screening_result_get_outcome (result), ==, LYG_OUTCOME_NO_INDICATION);
  g_assert_cmpuint (lyg_screening_result_get_n_unknown (result), ==, 67);
  g_assert_cmpuint (lyg_screening_result_get_n_present (result), ==, 0);
  g_assert_false (lyg_screening_result_is_settled (result));

  for (guint i = 0; i < lyg_screening_result_get_n_dimensions (result); i++)
    {
      const LygDimensionResult *dr = lyg_screening_result_get_dimension (result, i);

      g_assert_false (dr->positive);
      g_assert_true (dr->open);
    }
}

static void
test_unknown_settled_when_probable (void)
{
  g_autoptr(LygScreeningAnswers) answers = adult_answers (TRUE, TRUE, TRUE);
  g_autoptr(LygScreeningResult) result = NULL;

  /* Nothing the unknowns could turn out to be changes "probable". */
  result = score (shipped ("delphi-adult-labour"), NULL, answers);
  g_assert_cmpint (lyg_screening_result_get_outcome (result), ==, LYG_OUTCOME_PROBABLE);
  g_assert_cmpuint (lyg_screening_result_get_n_unknown (result), ==, 61);
  g_assert_true (lyg_screening_result_is_settled (result));
}

/* Disputed weights */

static void
test_alternative_reading (void)
{
  LygCatalogue *catalogue = shipped ("delphi-adult-labour");
  g_autoptr(LygScreeningAnswers) answers = adult_answers (FALSE, TRUE, TRUE);
  g_autoptr(LygScreeningResult) result = NULL;
  g_autoptr(JsonNode) json = NULL;
  const LygDimensionResult *dr;
  JsonObject *alternative;

  /* Two of these three are medium by one reading and weak by the other:
   * 3 medium or 1 medium + 2 weak. */
  lyg_screening_answers_set (answers, "vr.difficulties-in-the-past", LYG_ANSWER_REPORTED, NULL);
  lyg_screening_answers_set (answers, "vr.difficulty-to-organise-travel", LYG_ANSWER_REPORTED,
                             NULL);
  lyg_screening_answers_set (answers, "vr.economic-reasons", LYG_ANSWER_REPORTED, NULL);

  result = score (catalogue, NULL, answers);
  dr = dimension (result, "vulnerability-recruitment");
  g_assert_true (dr->positive);
  g_assert_cmpstr (dr->combination, ==, "three-medium");
  g_assert_true (dr->disputed);
  g_assert_false (dr->alternative_positive);
  g_assert_cmpint (lyg_screening_result_get_outcome (result), ==, LYG_OUTCOME_PROBABLE);
  g_assert_cmpint (lyg_screening_result_get_alternative_outcome (result), ==,
                   LYG_OUTCOME_POSSIBLE);

  json = lyg_screening_result_to_json (result, "en");
  alternative = json_object_get_object_member (json_node_get_object (json), "alternative_reading");
  g_assert_nonnull (alternative);
  g_assert_cmpstr (json_object_get_string_member (alternative, "outcome"), ==, "possible");
  g_assert_true (json_object_get_boolean_member (alternative, "differs"));
}

static void
test_alternative_reading_strong (void)
{
  g_autoptr(LygScreeningAnswers) answers = NULL;
  g_autoptr(LygScreeningResult) result = NULL;
  const LygDimensionResult *dr;

  /* 1.4: "Low or no salary" and "Hazardous work" are medium, strong in
   * another copy: 2 medium is not positive, 2 strong would be. */
  answers = answers_new ("ec.low-or-no-salary", LYG_ANSWER_OBSERVED,
                         "ec.hazardous-work", LYG_ANSWER_OBSERVED, NULL);
  result = score (shipped ("delphi-adult-labour"), NULL, answers);
  dr = dimension (result, "exploitative-conditions");
  g_assert_false (dr->positive);
  g_assert_true (dr->disputed);
  g_assert_true (dr->alternative_positive);
  g_assert_cmpint (lyg_screening_result_get_outcome (result), ==, LYG_OUTCOME_NO_INDICATION);
  g_assert_cmpint (lyg_screening_result_get_alternative_outcome (result), ==,
                   LYG_OUTCOME_POSSIBLE);
}

static void
test_alternative_reading_absent (void)
{
  g_autoptr(LygScreeningAnswers) answers = adult_answers (TRUE, TRUE, TRUE);
  g_autoptr(LygScreeningResult) result = NULL;
  g_autoptr(JsonNode) json = NULL;

  result = score (shipped ("delphi-adult-labour"), NULL, answers);
  g_assert_cmpint (lyg_screening_result_get_alternative_outcome (result), ==,
                   lyg_screening_result_get_outcome (result));
  json = lyg_screening_result_to_json (result, "en");
  g_assert_false (json_object_has_member (json_node_get_object (json), "alternative_reading"));
}

/* Unweighted lists */

static void
test_unweighted (void)
{
  LygCatalogue *catalogue = shipped ("dk-assessment");
  g_autoptr(LygScreeningAnswers) none = lyg_screening_answers_new ();
  g_autoptr(LygScreeningAnswers) some = NULL;
  g_autoptr(LygScreeningResult) r_none = NULL;
  g_autoptr(LygScreeningResult) r_some = NULL;
  g_autoptr(LygScreeningResult) r_child = NULL;

  r_none = score (catalogue, "adult-sexual", none);
  g_assert_cmpint (lyg_screening_result_get_outcome (r_none), ==, LYG_OUTCOME_NONE_SO_FAR);
  g_assert_cmpuint (lyg_screening_result_get_n_unknown (r_none), ==, 15);
  g_assert_false (lyg_screening_result_is_settled (r_none));
  g_assert_cmpuint (lyg_screening_result_get_n_requirements (r_none), ==, 0);

  some = answers_new ("dk.debt", LYG_ANSWER_REPORTED,
                      "dk.fears-authorities", LYG_ANSWER_OBSERVED,
                      "dk.deceived", LYG_ANSWER_NOT_PRESENT, NULL);
  r_some = score (catalogue, "adult-sexual", some);
  g_assert_cmpint (lyg_screening_result_get_outcome (r_some), ==,
                   LYG_OUTCOME_INDICATORS_PRESENT);
  g_assert_cmpstr (lyg_screening_result_get_outcome_label (r_some), ==,
                   "Indicators present: refer for assessment");
  g_assert_true (lyg_screening_result_is_settled (r_some));
  g_assert_cmpuint (lyg_screening_result_get_n_unknown (r_some), ==, 12);
  g_assert_cmpuint (dimension (r_some, "indicators")->present->len, ==, 2);
  g_assert_true (dimension (r_some, "indicators")->positive);
  g_assert_false (dimension (r_some, "ongoing-risk")->positive);
  g_assert_true (dimension (r_some, "ongoing-risk")->open);

  /* The list applies to every profile, with the same rule. */
  r_child = score (catalogue, "child-labour", some);
  g_assert_cmpint (lyg_screening_result_get_outcome (r_child), ==,
                   LYG_OUTCOME_INDICATORS_PRESENT);
}

static void
test_unweighted_further_assessment (void)
{
  g_autoptr(LygScreeningAnswers) answers = NULL;
  g_autoptr(LygScreeningResult) result = NULL;

  answers = answers_new ("ilo.excessive-overtime", LYG_ANSWER_OBSERVED, NULL);
  result = score (shipped ("ilo-forced-labour"), NULL, answers);
  g_assert_cmpint (lyg_screening_result_get_outcome (result), ==,
                   LYG_OUTCOME_INDICATORS_PRESENT);
  g_assert_cmpstr (lyg_screening_result_get_outcome_label (result), ==,
                   "Indicators present: further assessment is needed");
  g_assert_nonnull (strstr (lyg_screening_result_get_next_step (result), "Look further"));
}

static void
test_unweighted_all_not_present (void)
{
  LygCatalogue *catalogue = shipped ("cmm-common-signs");
  g_autoptr(LygScreeningAnswers) answers = lyg_screening_answers_new ();
  g_autoptr(LygScreeningResult) result = NULL;

  for (guint i = 0; i < lyg_catalogue_get_n_indicators (catalogue); i++)
    lyg_screening_answers_set (answers, lyg_catalogue_get_indicator (catalogue, i)->id,
                               LYG_ANSWER_NOT_PRESENT, NULL);

  result = score (catalogue, "child-sexual", answers);
  g_assert_cmpint (lyg_screening_result_get_outcome (result), ==, LYG_OUTCOME_NONE_SO_FAR);
  g_assert_cmpuint (lyg_screening_result_get_n_unknown (result), ==, 0);
  g_assert_true (lyg_screening_result_is_settled (result));
  g_assert_null (strstr (lyg_screening_result_get_next_step (result), "still unknown"));
}

/* Errors */

static void
test_error_unknown_indicator (void)
{
  g_autoptr(LygScreeningAnswers) answers = NULL;
  g_autoptr(LygScreeningResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* A typo is an error, not silently ignored; so is an id from another
   * catalogue. */
  answers = answers_new ("cr.violence", LYG_ANSWER_OBSERVED,
                         "dk.debt", LYG_ANSWER_OBSERVED, NULL);
  result = lyg_screening_score (shipped ("delphi-adult-labour"), NULL, answers, &error);
  g_assert_null (result);
  g_assert_error (error, LYG_SCREENING_ERROR, LYG_SCREENING_ERROR_UNKNOWN_INDICATOR);
  g_assert_nonnull (strstr (error->message, "“dk.debt”"));
  g_clear_error (&error);

  /* The two adult items the children's list lacks. */
  g_clear_object (&answers);
  answers = answers_new ("ec.no-social-protection", LYG_ANSWER_OBSERVED, NULL);
  result = lyg_screening_score (shipped ("delphi-child-labour"), NULL, answers, &error);
  g_assert_error (error, LYG_SCREENING_ERROR, LYG_SCREENING_ERROR_UNKNOWN_INDICATOR);
}

static void
test_error_bad_profile (void)
{
  g_autoptr(LygScreeningAnswers) answers = lyg_screening_answers_new ();
  g_autoptr(LygScreeningResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = lyg_screening_score (shipped ("delphi-adult-labour"), "adult-sexual", answers,
                                &error);
  g_assert_null (result);
  g_assert_error (error, LYG_SCREENING_ERROR, LYG_SCREENING_ERROR_BAD_PROFILE);
}

/* The record's JSON shapes */

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);

  return node;
}

static void
test_answers_json (void)
{
  g_autoptr(LygScreeningAnswers) answers = lyg_screening_answers_new ();
  g_autoptr(LygScreeningAnswers) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *note = NULL;

  lyg_screening_answers_set (answers, "cr.violence", LYG_ANSWER_OBSERVED, NULL);
  lyg_screening_answers_set (answers, "cd.debt-bondage", LYG_ANSWER_REPORTED, "owes 4000 €");
  lyg_screening_answers_set (answers, "ec.hazardous-work", LYG_ANSWER_NOT_PRESENT, "");
  lyg_screening_answers_set (answers, "dr.wages-earnings", LYG_ANSWER_UNKNOWN, "ask next time");
  lyg_screening_answers_set (answers, "vr.general-context", LYG_ANSWER_UNKNOWN, NULL);
  g_assert_cmpuint (lyg_screening_answers_get_size (answers), ==, 4);

  node = lyg_screening_answers_to_json (answers);
  text = json_to_string (node, FALSE);
  g_assert_cmpstr (text, ==,
                   "{\"cd.debt-bondage\":{\"answer\":\"reported\",\"note\":\"owes 4000 €\"},"
                   "\"cr.violence\":{\"answer\":\"observed\"},"
                   "\"dr.wages-earnings\":{\"answer\":\"unknown\",\"note\":\"ask next time\"},"
                   "\"ec.hazardous-work\":{\"answer\":\"not_present\"}}");

  back = lyg_screening_answers_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_true (lyg_screening_answers_equal (answers, back));
  g_assert_cmpint (lyg_screening_answers_get (back, "cd.debt-bondage", &note), ==,
                   LYG_ANSWER_REPORTED);
  g_assert_cmpstr (note, ==, "owes 4000 €");
  g_assert_cmpint (lyg_screening_answers_get (back, "vr.general-context", &note), ==,
                   LYG_ANSWER_UNKNOWN);
  g_assert_null (note);
}

static void
test_answers_json_short_form (void)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(LygScreeningAnswers) answers = NULL;
  g_autoptr(GError) error = NULL;

  node = parse ("{\"a\": \"observed\", \"b\": {\"answer\": \"reported\", \"note\": \"n\"},"
                " \"c\": null, \"d\": \"unknown\", \"e\": \"not_present\"}");
  answers = lyg_screening_answers_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lyg_screening_answers_get (answers, "a", NULL), ==, LYG_ANSWER_OBSERVED);
  g_assert_cmpint (lyg_screening_answers_get (answers, "b", NULL), ==, LYG_ANSWER_REPORTED);
  g_assert_cmpint (lyg_screening_answers_get (answers, "c", NULL), ==, LYG_ANSWER_UNKNOWN);
  g_assert_cmpint (lyg_screening_answers_get (answers, "e", NULL), ==, LYG_ANSWER_NOT_PRESENT);
  g_assert_cmpuint (lyg_screening_answers_get_size (answers), ==, 3);
}

static void
test_answers_json_errors (void)
{
  static const struct {
    const char *json;
    int         code;
  } cases[] = {
    { "[\"observed\"]", LYG_SCREENING_ERROR_INVALID },
    { "\"observed\"", LYG_SCREENING_ERROR_INVALID },
    { "{\"a\": \"yes\"}", LYG_SCREENING_ERROR_BAD_ANSWER },
    { "{\"a\": \"Observed\"}", LYG_SCREENING_ERROR_BAD_ANSWER },
    { "{\"a\": true}", LYG_SCREENING_ERROR_BAD_ANSWER },
    { "{\"a\": 1}", LYG_SCREENING_ERROR_BAD_ANSWER },
    { "{\"a\": {\"note\": \"no answer\"}}", LYG_SCREENING_ERROR_BAD_ANSWER },
    { "{\"a\": {\"answer\": \"maybe\"}}", LYG_SCREENING_ERROR_BAD_ANSWER },
    { "{\"a\": {\"answer\": \"observed\", \"note\": 3}}", LYG_SCREENING_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = parse (cases[i].json);
      g_autoptr(LygScreeningAnswers) answers = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].json);
      answers = lyg_screening_answers_from_json (node, &error);
      g_assert_null (answers);
      g_assert_error (error, LYG_SCREENING_ERROR, cases[i].code);
    }
}

static void
test_result_json (void)
{
  g_autoptr(LygScreeningAnswers) answers = adult_answers (TRUE, TRUE, FALSE);
  g_autoptr(LygScreeningResult) result = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) da = NULL;
  JsonObject *root, *next_step, *referral, *dim;
  JsonArray *dimensions, *indicators;
  const char *reason;

  result = score (shipped ("delphi-adult-labour"), NULL, answers);
  node = lyg_screening_result_to_json (result, "en");
  root = json_node_get_object (node);

  g_assert_cmpstr (json_object_get_string_member (root, "label"), ==,
                   "Screening indication, not a legal determination");
  g_assert_cmpstr (json_object_get_string_member (root, "outcome"), ==, "possible");
  g_assert_cmpstr (json_object_get_string_member (root, "profile"), ==, "adult-labour");
  g_assert_cmpint (json_object_get_int_member (root, "unknown"), ==, 63);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root,
                                                                                 "catalogue"),
                                                  "id"), ==, "delphi-adult-labour");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "catalogue"),
                                               "version"), ==, 1);
  g_assert_nonnull (strstr (json_object_get_string_member (root, "explanation"),
                            "Still missing for a probable case: a positive destination"));

  next_step = json_object_get_object_member (root, "next_step");
  referral = json_object_get_object_member (next_step, "referral");
  g_assert_cmpstr (json_object_get_string_member (referral, "organisation"), ==,
                   "Center mod Menneskehandel");
  g_assert_cmpstr (json_object_get_string_member (referral, "hotline"), ==, "70 20 25 50");
  g_assert_true (json_object_get_boolean_member (referral, "consent_required"));
  g_assert_cmpstr (json_object_get_string_member (next_step, "emergency"), ==, "112");
  g_assert_nonnull (strstr (json_object_get_string_member (next_step, "text"), "70 20 25 50"));
  g_assert_nonnull (strstr (json_object_get_string_member (next_step, "text"), "112"));

  dimensions = json_object_get_array_member (root, "dimensions");
  g_assert_cmpuint (json_array_get_length (dimensions), ==, 6);
  dim = json_array_get_object_element (dimensions, 1);
  g_assert_cmpstr (json_object_get_string_member (dim, "id"), ==, "coercive-recruitment");
  g_assert_cmpstr (json_object_get_string_member (dim, "status"), ==, "positive");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (dim,
                                                                                 "combination"),
                                                  "id"), ==, "strong-and-medium-or-weak");
  reason = json_object_get_string_member (dim, "reason");
  g_assert_nonnull (strstr (reason, "1 strong + 1 medium or weak"));
  g_assert_nonnull (strstr (reason, "Violence on victims (strong)"));
  g_assert_nonnull (strstr (reason, "Threats of violence against victim (medium)"));
  indicators = json_object_get_array_member (dim, "indicators");
  g_assert_cmpuint (json_array_get_length (indicators), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (indicators, 1),
                                                  "answer"), ==, "reported");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (indicators, 1),
                                                  "weight"), ==, "medium");

  dim = json_array_get_object_element (dimensions, 4);
  g_assert_cmpstr (json_object_get_string_member (dim, "status"), ==, "not_positive");
  g_assert_true (json_object_get_null_member (dim, "combination"));
  g_assert_true (json_object_get_boolean_member (dim, "open"));

  /* Catalogue texts follow the requested language; machine ids don't. */
  da = lyg_screening_result_to_json (result, "da");
  root = json_node_get_object (da);
  g_assert_cmpstr (json_object_get_string_member (root, "outcome"), ==, "possible");
  dim = json_array_get_object_element (json_object_get_array_member (root, "dimensions"), 1);
  g_assert_cmpstr (json_object_get_string_member (dim, "title"), ==,
                   "Rekruttering ved tvang (tvang under rekruttering, overførsel og transport)");
  g_assert_nonnull (strstr (json_object_get_string_member (dim, "reason"), "Vold mod offeret"));
}

static void
test_result_next_steps (void)
{
  g_autoptr(LygScreeningAnswers) none = lyg_screening_answers_new ();
  g_autoptr(LygScreeningAnswers) all = adult_answers (TRUE, TRUE, TRUE);
  g_autoptr(LygScreeningResult) r_none = score (shipped ("delphi-adult-labour"), NULL, none);
  g_autoptr(LygScreeningResult) r_all = score (shipped ("delphi-adult-labour"), NULL, all);
  const char *texts[] = {
    lyg_screening_result_get_next_step (r_none),
    lyg_screening_result_get_next_step (r_all),
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_assert_nonnull (strstr (texts[i], "Center mod Menneskehandel"));
      g_assert_nonnull (strstr (texts[i], "70 20 25 50"));
      g_assert_nonnull (strstr (texts[i], "112"));
    }

  g_assert_nonnull (strstr (texts[0], "still unknown"));
  g_assert_nonnull (strstr (texts[1], "consent"));
  g_assert_cmpstr (lyg_screening_get_disclaimer (), ==,
                   "Screening indication, not a legal determination");
}

/* Version pinning: a screening keeps its catalogue version. */

static void
test_version_pinning (void)
{
  g_autoptr(LygCatalogueSet) set = NULL;
  g_autoptr(LygScreeningAnswers) answers = adult_answers (FALSE, TRUE, TRUE);
  g_autoptr(LygScreeningResult) original = NULL;
  g_autoptr(LygScreeningResult) rescored = NULL;
  g_autoptr(LygScreeningResult) latest = NULL;
  g_autoptr(JsonNode) answers_json = NULL;
  g_autoptr(JsonNode) snapshot = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GFile) versions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *versions_path = NULL;
  g_autofree char *snapshot_text = NULL;
  g_autofree char *again_text = NULL;
  g_autofree char *stored_answers = NULL;
  g_autoptr(JsonNode) stored = NULL;

  set = lyg_catalogue_set_new_shipped (&error);
  g_assert_no_error (error);

  lyg_screening_answers_set (answers, "vr.difficulties-in-the-past", LYG_ANSWER_REPORTED,
                             "foster care");
  lyg_screening_answers_set (answers, "vr.difficulty-to-organise-travel", LYG_ANSWER_REPORTED,
                             NULL);
  lyg_screening_answers_set (answers, "vr.economic-reasons", LYG_ANSWER_REPORTED, NULL);

  /* Screened while version 1 was the newest; the record stores the
   * catalogue id and version, the answers and the snapshot. */
  original = score (lyg_catalogue_set_lookup (set, "delphi-adult-labour", 0, &error), NULL,
                    answers);
  g_assert_cmpuint (lyg_catalogue_get_version (lyg_screening_result_get_catalogue (original)),
                    ==, 1);
  g_assert_cmpint (lyg_screening_result_get_outcome (original), ==, LYG_OUTCOME_PROBABLE);
  snapshot = lyg_screening_result_to_json (original, "en");
  snapshot_text = json_to_string (snapshot, TRUE);
  answers_json = lyg_screening_answers_to_json (answers);
  stored_answers = json_to_string (answers_json, FALSE);

  /* Version 2 ships and settles the disputed weights differently. */
  versions_path = g_build_filename (SCREENING_TEST_DIR, "fixtures", "versions", NULL);
  versions = g_file_new_for_path (versions_path);
  g_assert_true (lyg_catalogue_set_load_directory (set, versions, &error));
  g_assert_no_error (error);

  /* The stored screening re-scores identically with the version it used. */
  stored = parse (stored_answers);
  rescored = lyg_screening_rescore (set, "delphi-adult-labour", 1, "adult-labour", stored,
                                    &error);
  g_assert_no_error (error);
  again = lyg_screening_result_to_json (rescored, "en");
  again_text = json_to_string (again, TRUE);
  g_assert_cmpstr (again_text, ==, snapshot_text);
  g_assert_true (json_node_equal (again, snapshot));
  g_assert_true (lyg_screening_result_equal (original, rescored));

  /* The same answers under version 2 come out differently, so the pin
   * matters. */
  latest = lyg_screening_rescore (set, "delphi-adult-labour", 0, NULL, stored, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lyg_catalogue_get_version (lyg_screening_result_get_catalogue (latest)), ==,
                    2);
  g_assert_cmpint (lyg_screening_result_get_outcome (latest), ==, LYG_OUTCOME_POSSIBLE);
  g_assert_false (lyg_screening_result_equal (original, latest));

  /* A version nobody has is an error, not a silent fallback. */
  g_clear_object (&latest);
  latest = lyg_screening_rescore (set, "delphi-adult-labour", 7, NULL, stored, &error);
  g_assert_null (latest);
  g_assert_error (error, LYG_CATALOGUE_ERROR, LYG_CATALOGUE_ERROR_NOT_FOUND);
}

static void
test_rescore_shipped (void)
{
  g_autoptr(JsonNode) answers = parse ("{\"dk.debt\": {\"answer\": \"observed\"}}");
  g_autoptr(LygScreeningResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* NULL means the shipped catalogues. */
  result = lyg_screening_rescore (NULL, "dk-assessment", 1, NULL, answers, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lyg_screening_result_get_outcome (result), ==,
                   LYG_OUTCOME_INDICATORS_PRESENT);
  g_assert_cmpstr (lyg_screening_result_get_profile (result), ==, "adult-labour");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lyg/screening/dimension/two-strong", test_dimension_two_strong);
  g_test_add_func ("/lyg/screening/dimension/strong-and-medium", test_dimension_strong_and_medium);
  g_test_add_func ("/lyg/screening/dimension/strong-and-weak", test_dimension_strong_and_weak);
  g_test_add_func ("/lyg/screening/dimension/three-medium", test_dimension_three_medium);
  g_test_add_func ("/lyg/screening/dimension/two-medium-and-weak",
                   test_dimension_two_medium_and_weak);
  g_test_add_func ("/lyg/screening/dimension/near-miss/strong-alone", test_dimension_strong_alone);
  g_test_add_func ("/lyg/screening/dimension/near-miss/two-medium", test_dimension_two_medium);
  g_test_add_func ("/lyg/screening/dimension/near-miss/medium-and-two-weak",
                   test_dimension_medium_and_two_weak);
  g_test_add_func ("/lyg/screening/dimension/near-miss/two-weak", test_dimension_two_weak);
  g_test_add_func ("/lyg/screening/dimension/near-miss/single",
                   test_dimension_single_medium_or_weak);
  g_test_add_func ("/lyg/screening/dimension/reported-counts", test_dimension_reported_counts);
  g_test_add_func ("/lyg/screening/dimension/not-present-does-not-count",
                   test_dimension_not_present_does_not_count);
  g_test_add_func ("/lyg/screening/dimension/exhaustive", test_dimension_rule_exhaustive);
  g_test_add_func ("/lyg/screening/combination/adult", test_combination_adult);
  g_test_add_func ("/lyg/screening/combination/adult-any-dimension",
                   test_combination_adult_any_recruitment_or_destination);
  g_test_add_func ("/lyg/screening/combination/child", test_combination_child);
  g_test_add_func ("/lyg/screening/combination/profile-override",
                   test_combination_profile_override);
  g_test_add_func ("/lyg/screening/unknown/versus-not-present", test_unknown_versus_not_present);
  g_test_add_func ("/lyg/screening/unknown/never-positive", test_unknown_never_positive);
  g_test_add_func ("/lyg/screening/unknown/settled-when-probable",
                   test_unknown_settled_when_probable);
  g_test_add_func ("/lyg/screening/alternative/medium-or-weak", test_alternative_reading);
  g_test_add_func ("/lyg/screening/alternative/medium-or-strong", test_alternative_reading_strong);
  g_test_add_func ("/lyg/screening/alternative/absent", test_alternative_reading_absent);
  g_test_add_func ("/lyg/screening/unweighted/refer", test_unweighted);
  g_test_add_func ("/lyg/screening/unweighted/further-assessment",
                   test_unweighted_further_assessment);
  g_test_add_func ("/lyg/screening/unweighted/all-not-present", test_unweighted_all_not_present);
  g_test_add_func ("/lyg/screening/error/unknown-indicator", test_error_unknown_indicator);
  g_test_add_func ("/lyg/screening/error/bad-profile", test_error_bad_profile);
  g_test_add_func ("/lyg/screening/answers/json", test_answers_json);
  g_test_add_func ("/lyg/screening/answers/json-short-form", test_answers_json_short_form);
  g_test_add_func ("/lyg/screening/answers/json-errors", test_answers_json_errors);
  g_test_add_func ("/lyg/screening/result/json", test_result_json);
  g_test_add_func ("/lyg/screening/result/next-steps", test_result_next_steps);
  g_test_add_func ("/lyg/screening/version-pinning", test_version_pinning);
  g_test_add_func ("/lyg/screening/rescore-shipped", test_rescore_shipped);

  return g_test_run ();
}
