/* test-scenario-data.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lyg-scenario-pack.h"
#include "lyg-screening.h"

/* The `data` suite for the training scenarios: every shipped pack reads,
 * every indicator of every key exists in the scenario's catalogue, the
 * outcome each key states is what the engine computes from the key's
 * answers, the files and the compiled resources agree, and the packs cover
 * the forms and settings the issue asks for.
 */

static GPtrArray *
list_files (void)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (SCENARIOS_DIR, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));

  return names;
}

static LygScenarioPack *
load_file (const char *name)
{
  g_autofree char *path = g_build_filename (SCENARIOS_DIR, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LygScenarioPack *pack;

  pack = lyg_scenario_pack_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);

  return pack;
}

static void
test_every_scenario_valid (void)
{
  g_autoptr(GPtrArray) names = list_files ();
  LygCatalogueSet *set = lyg_catalogue_set_get_shipped ();
  guint n_scenarios = 0;

  g_assert_cmpuint (names->len, >=, 1);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(LygScenarioPack) pack = load_file (g_ptr_array_index (names, i));
      g_autoptr(GError) error = NULL;

      lyg_scenario_pack_validate (pack, set, &error);
      g_assert_no_error (error);

      for (guint j = 0; j < lyg_scenario_pack_get_n_scenarios (pack); j++)
        {
          LygScenario *scenario = lyg_scenario_pack_get_scenario (pack, j);
          g_autoptr(LygScreeningAnswers) answers = lyg_scenario_dup_key_answers (scenario);
          g_autoptr(LygScreeningResult) result = NULL;
          LygCatalogue *catalogue;

          g_test_message ("%s: %s", lyg_scenario_pack_get_origin (pack),
                          lyg_scenario_get_id (scenario));

          catalogue = lyg_catalogue_set_lookup (set, lyg_scenario_get_catalogue_id (scenario),
                                                lyg_scenario_get_catalogue_version (scenario),
                                                &error);
          g_assert_no_error (error);
          g_assert_true (lyg_catalogue_has_profile (catalogue, lyg_scenario_get_profile (scenario)));

          /* Checked here again, independently of the validator. */
          g_assert_cmpuint (lyg_scenario_get_n_keys (scenario), >, 0);
          for (guint k = 0; k < lyg_scenario_get_n_keys (scenario); k++)
            {
              const LygScenarioKey *key = lyg_scenario_get_key (scenario, k);

              g_assert_nonnull (lyg_catalogue_lookup_indicator (catalogue, key->indicator));
              g_assert_cmpstr (key->explanation.en, !=, "");
              g_assert_cmpstr (key->explanation.da, !=, "");
              g_assert_cmpstr (key->explanation.en, !=, key->explanation.da);
            }

          result = lyg_screening_score (catalogue, lyg_scenario_get_profile (scenario), answers,
                                        &error);
          g_assert_no_error (error);
          g_assert_cmpstr (lyg_outcome_to_string (lyg_screening_result_get_outcome (result)), ==,
                           lyg_outcome_to_string (lyg_scenario_get_outcome (scenario)));

          g_assert_cmpstr (lyg_scenario_get_narrative (scenario, "en"), !=,
                           lyg_scenario_get_narrative (scenario, "da"));
          n_scenarios++;
        }
    }

  g_assert_cmpuint (n_scenarios, >=, 8);
}

static void
test_files_match_resources (void)
{
  g_autoptr(GPtrArray) names = list_files ();
  g_auto(GStrv) children = NULL;
  g_autoptr(GError) error = NULL;

  children = g_resource_enumerate_children (lyg_scenario_pack_get_shipped_resource (),
                                            LYG_SCENARIO_RESOURCE_PATH,
                                            G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (children), ==, names->len);

  for (guint i = 0; i < names->len; i++)
    g_assert_true (g_strv_contains ((const char * const *)children,
                                    g_ptr_array_index (names, i)));
}

static gboolean
has_scenario (GPtrArray  *packs,
              const char *form,
              const char *setting,
              const char *outcome)
{
  for (guint i = 0; i < packs->len; i++)
    {
      LygScenarioPack *pack = g_ptr_array_index (packs, i);

      for (guint j = 0; j < lyg_scenario_pack_get_n_scenarios (pack); j++)
        {
          LygScenario *s = lyg_scenario_pack_get_scenario (pack, j);

          if ((form == NULL || g_str_equal (lyg_scenario_get_form (s), form)) &&
              (setting == NULL || g_str_equal (lyg_scenario_get_setting (s), setting)) &&
              (outcome == NULL ||
               g_str_equal (lyg_outcome_to_string (lyg_scenario_get_outcome (s)), outcome)))
            return TRUE;
        }
    }

  return FALSE;
}

static void
test_shipped_coverage (void)
{
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(GError) error = NULL;

  packs = lyg_scenario_pack_load_shipped (lyg_catalogue_set_get_shipped (), &error);
  g_assert_no_error (error);

  g_assert_true (has_scenario (packs, "sexual", "private_flat", NULL));
  g_assert_true (has_scenario (packs, "sexual", "online", NULL));
  g_assert_true (has_scenario (packs, "forced_labour", "agriculture", NULL));
  g_assert_true (has_scenario (packs, "forced_labour", "cleaning", NULL));
  g_assert_true (has_scenario (packs, "forced_labour", "construction", NULL));
  g_assert_true (has_scenario (packs, "forced_criminality", NULL, NULL));
  g_assert_true (has_scenario (packs, "domestic_servitude", NULL, NULL));
  /* Exploitation that is not trafficking: positive, but not probable. */
  g_assert_true (has_scenario (packs, NULL, NULL, "possible"));
  /* No indicators at all. */
  g_assert_true (has_scenario (packs, "none", NULL, "none_so_far"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lyg/scenario-data/every-scenario-valid", test_every_scenario_valid);
  g_test_add_func ("/lyg/scenario-data/files-match-resources", test_files_match_resources);
  g_test_add_func ("/lyg/scenario-data/shipped-coverage", test_shipped_coverage);

  return g_test_run ();
}
