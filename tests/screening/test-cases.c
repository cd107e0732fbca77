/* test-cases.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lyg-screening.h"

/* Worked cases: each file in cases/ is a fictional vignette with answers and
 * the expected outcome and reasons, run through the engine.
 *
 *   {
 *     "title": "…", "vignette": "…",
 *     "catalogue": "ID@VERSION", "profile": "…" (optional),
 *     "answers": { "indicator-id": "observed" | {"answer": …, "note": …}, … },
 *     "expected": {
 *       "outcome": "probable" | …,
 *       "unknown": N,
 *       "positive_dimensions": [ … ]          every positive dimension, no more,
 *       "dimensions": { "id": { "status": …, "combination": … | null,
 *                               "counted": [ indicator ids ] } },
 *       "requirements_met": [ … ],           (weighted) exactly these are met
 *       "alternative_outcome": …,            (optional)
 *       "settled": true | false              (optional)
 *     }
 *   }
 */

static JsonObject *
get_object (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  return json_node_get_object (node);
}

static void
assert_same_set (JsonArray *expected,
                 GPtrArray *actual)
{
  g_autoptr(GHashTable) set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < actual->len; i++)
    g_hash_table_add (set, g_ptr_array_index (actual, i));

  for (guint i = 0; i < json_array_get_length (expected); i++)
    {
      const char *id = json_array_get_string_element (expected, i);

      if (!g_hash_table_remove (set, id))
        g_error ("expected “%s”, which is missing", id);
    }

  if (g_hash_table_size (set) > 0)
    {
      g_autofree gpointer *extra = g_hash_table_get_keys_as_array (set, NULL);

      g_error ("“%s” was not expected", (const char *)extra[0]);
    }
}

static void
test_case (gconstpointer data)
{
  const char *path = data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(LygScreeningAnswers) answers = NULL;
  g_autoptr(LygScreeningResult) result = NULL;
  g_autoptr(GPtrArray) positive = g_ptr_array_new ();
  g_autoptr(GPtrArray) met = g_ptr_array_new ();
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(GError) error = NULL;
  LygCatalogue *catalogue;
  JsonObject *root, *expected;
  LygOutcome outcome;
  const char *profile = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  expected = get_object (root, "expected");

  g_assert_nonnull (json_object_get_string_member (root, "title"));
  g_assert_cmpuint (strlen (json_object_get_string_member (root, "vignette")), >, 40);
  g_test_message ("%s", json_object_get_string_member (root, "title"));

  /* Cases are always pinned to a version. */
  g_assert_nonnull (strchr (json_object_get_string_member (root, "catalogue"), '@'));
  catalogue = lyg_catalogue_set_lookup_spec (lyg_catalogue_set_get_shipped (),
                                             json_object_get_string_member (root, "catalogue"),
                                             &error);
  g_assert_no_error (error);

  if (json_object_has_member (root, "profile"))
    profile = json_object_get_string_member (root, "profile");

  answers = lyg_screening_answers_from_json (json_object_get_member (root, "answers"), &error);
  g_assert_no_error (error);
  result = lyg_screening_score (catalogue, profile, answers, &error);
  g_assert_no_error (error);

  /* The outcome and the unknown count */
  g_assert_true (lyg_outcome_from_string (json_object_get_string_member (expected, "outcome"),
                                          &outcome));
  g_assert_cmpstr (lyg_outcome_to_string (lyg_screening_result_get_outcome (result)), ==,
                   lyg_outcome_to_string (outcome));
  g_assert_cmpint (lyg_screening_result_get_n_unknown (result), ==,
                   json_object_get_int_member (expected, "unknown"));

  /* Exactly these dimensions are positive */
  for (guint i = 0; i < lyg_screening_result_get_n_dimensions (result); i++)
    {
      const LygDimensionResult *dr = lyg_screening_result_get_dimension (result, i);

      if (dr->positive)
        g_ptr_array_add (positive, dr->dimension->id);
    }
  assert_same_set (json_object_get_array_member (expected, "positive_dimensions"), positive);

  /* The reasons for the dimensions the case explains */
  if (json_object_has_member (expected, "dimensions"))
    {
      JsonObject *dimensions = get_object (expected, "dimensions");
      g_autoptr(GList) members = json_object_get_members (dimensions);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          const LygDimensionResult *dr = lyg_screening_result_lookup_dimension (result, l->data);
          JsonObject *want = get_object (dimensions, l->data);
          JsonNode *combination = json_object_get_member (want, "combination");

          g_assert_nonnull (dr);
          g_assert_cmpstr (dr->positive ? "positive" : "not_positive", ==,
                           json_object_get_string_member (want, "status"));

          if (combination != NULL && JSON_NODE_HOLDS_NULL (combination))
            g_assert_null (dr->combination);
          else if (combination != NULL)
            g_assert_cmpstr (dr->combination, ==, json_node_get_string (combination));

          if (json_object_has_member (want, "counted"))
            {
              g_autoptr(GPtrArray) counted = g_ptr_array_new ();

              for (guint i = 0; i < dr->contributing->len; i++)
                g_ptr_array_add (counted,
                                 ((LygIndicator *)g_ptr_array_index (dr->contributing, i))->id);
              assert_same_set (json_object_get_array_member (want, "counted"), counted);
            }
        }
    }

  if (json_object_has_member (expected, "requirements_met"))
    {
      for (guint i = 0; i < lyg_screening_result_get_n_requirements (result); i++)
        {
          const LygRequirementResult *rr = lyg_screening_result_get_requirement (result, i);

          if (rr->met)
            g_ptr_array_add (met, (gpointer)rr->id);
        }
      assert_same_set (json_object_get_array_member (expected, "requirements_met"), met);
    }

  if (json_object_has_member (expected, "alternative_outcome"))
    g_assert_cmpstr (lyg_outcome_to_string (lyg_screening_result_get_alternative_outcome (result)),
                     ==, json_object_get_string_member (expected, "alternative_outcome"));

  if (json_object_has_member (expected, "settled"))
    g_assert_cmpint (lyg_screening_result_is_settled (result), ==,
                     json_object_get_boolean_member (expected, "settled"));

  /* Every result carries the label, the next step and its own reasons. */
  json = lyg_screening_result_to_json (result, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "label"), ==,
                   lyg_screening_get_disclaimer ());
  g_assert_nonnull (strstr (lyg_screening_result_get_next_step (result), "70 20 25 50"));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_build_filename (SCREENING_TEST_DIR, "cases", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) gdir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  gdir = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (gdir)))
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (paths, g_strdup (name));
  g_ptr_array_sort (paths, compare_names);

  /* The issue asks for at least twelve. */
  g_assert_cmpuint (paths->len, >=, 12);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *file = g_ptr_array_index (paths, i);
      g_autofree char *base = g_strndup (file, strlen (file) - strlen (".json"));
      g_autofree char *test_path = g_strdup_printf ("/lyg/screening/case/%s", base);

      g_test_add_data_func_full (test_path, g_build_filename (dir, file, NULL), test_case,
                                 g_free);
    }

  return g_test_run ();
}
