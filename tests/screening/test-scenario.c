/* test-scenario.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lyg-scenario-check.h"
#include "lyg-scenario-pack.h"
#include "lyg-training-vault.h"

/* A small valid pack; the rejection tests break one thing in it at a time. */
#define GOOD_PACK \
  "{ \"format\": 1, \"id\": \"test-pack\"," \
  "  \"title\": { \"en\": \"Test\", \"da\": \"Test\" }," \
  "  \"scenarios\": [ {" \
  "    \"id\": \"s1\", \"title\": { \"en\": \"One\", \"da\": \"En\" }," \
  "    \"form\": \"forced_labour\", \"setting\": \"cleaning\"," \
  "    \"catalogue\": \"ilo-forced-labour\", \"catalogue_version\": 1," \
  "    \"profile\": \"adult-labour\"," \
  "    \"narrative\": { \"en\": \"Story\", \"da\": \"Historie\" }," \
  "    \"outcome\": \"%s\"," \
  "    \"key\": [" \
  "      { \"indicator\": \"%s\", \"answer\": \"reported\"," \
  "        \"explanation\": { \"en\": \"Why\", \"da\": \"%s\" } }," \
  "      { \"indicator\": \"ilo.debt-bondage\", \"answer\": \"not_present\"," \
  "        \"explanation\": { \"en\": \"No debt\", \"da\": \"Ingen gæld\" } } ] } ] }"

static LygScenarioPack *
load_pack (const char  *outcome,
           const char  *indicator,
           const char  *danish,
           GError     **error)
{
  g_autofree char *json = g_strdup_printf (GOOD_PACK, outcome, indicator, danish);
  g_autoptr(LygScenarioPack) pack = NULL;

  pack = lyg_scenario_pack_new_from_data (json, -1, "test.json", error);
  if (pack == NULL || !lyg_scenario_pack_validate (pack, lyg_catalogue_set_get_shipped (), error))
    return NULL;

  return g_steal_pointer (&pack);
}

static void
test_good_pack (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LygScenarioPack) pack = load_pack ("indicators_present", "ilo.deception", "Hvorfor",
                                               &error);
  LygScenario *scenario;

  g_assert_no_error (error);
  g_assert_cmpuint (lyg_scenario_pack_get_n_scenarios (pack), ==, 1);
  scenario = lyg_scenario_pack_lookup (pack, "s1");
  g_assert_nonnull (scenario);
  g_assert_cmpstr (lyg_scenario_get_title (scenario, "da"), ==, "En");
  g_assert_cmpuint (lyg_scenario_get_n_keys (scenario), ==, 2);
  g_assert_cmpint (lyg_scenario_lookup_key (scenario, "ilo.debt-bondage")->answer, ==,
                   LYG_ANSWER_NOT_PRESENT);
}

static void
test_rejects (void)
{
  static const struct {
    const char *outcome;
    const char *indicator;
    const char *danish;
    int         code;
    const char *says;
  } cases[] = {
    { "indicators_present", "ilo.no-such-thing", "Hvorfor",
      LYG_SCENARIO_ERROR_UNKNOWN_INDICATOR, "ilo.no-such-thing" },
    { "none_so_far", "ilo.deception", "Hvorfor",
      LYG_SCENARIO_ERROR_OUTCOME_MISMATCH, "indicators_present" },
    { "indicators_present", "ilo.deception", "",
      LYG_SCENARIO_ERROR_MISSING_TRANSLATION, "da" },
    { "probably", "ilo.deception", "Hvorfor",
      LYG_SCENARIO_ERROR_BAD_VALUE, "probably" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LygScenarioPack) pack = load_pack (cases[i].outcome, cases[i].indicator,
                                                   cases[i].danish, &error);

      g_assert_null (pack);
      g_assert_error (error, LYG_SCENARIO_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, "test.json: "));
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
}

static void
test_rejects_garbage (void)
{
  static const char * const bad[] = {
    "not json",
    "[1, 2]",
    "{ \"format\": 2, \"id\": \"x\" }",
    "{ \"format\": 1, \"id\": \"Bad Id\", \"title\": { \"en\": \"a\", \"da\": \"b\" } }",
    "{ \"format\": 1, \"id\": \"x\", \"title\": { \"en\": \"a\", \"da\": \"b\" }, "
    "\"scenarios\": [] }",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LygScenarioPack) pack = lyg_scenario_pack_new_from_data (bad[i], -1, "bad.json",
                                                                         &error);

      g_assert_null (pack);
      g_assert_nonnull (error);
      g_assert_true (error->domain == LYG_SCENARIO_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "bad.json: "));
    }
}

static void
test_check_counts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packs = lyg_scenario_pack_load_shipped (lyg_catalogue_set_get_shipped (),
                                                               &error);
  g_autoptr(LygScreeningAnswers) answers = NULL;
  g_autoptr(LygScenarioCheck) check = NULL;
  LygScenario *scenario = NULL;
  LygCatalogue *catalogue;
  guint n_present = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < packs->len && scenario == NULL; i++)
    scenario = lyg_scenario_pack_lookup (g_ptr_array_index (packs, i), "agriculture-greenhouse");
  g_assert_nonnull (scenario);

  catalogue = lyg_catalogue_set_lookup (lyg_catalogue_set_get_shipped (), "delphi-adult-labour", 1,
                                        &error);
  g_assert_no_error (error);

  for (guint i = 0; i < lyg_scenario_get_n_keys (scenario); i++)
    if (lyg_answer_is_present (lyg_scenario_get_key (scenario, i)->answer))
      n_present++;

  /* The key itself agrees everywhere and gets the key's outcome. */
  answers = lyg_scenario_dup_key_answers (scenario);
  check = lyg_scenario_check_new (scenario, catalogue, answers, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lyg_scenario_check_count (check, LYG_VERDICT_AGREED), ==,
                    lyg_scenario_get_n_keys (scenario));
  g_assert_cmpuint (lyg_scenario_check_count (check, LYG_VERDICT_MISSED), ==, 0);
  g_assert_cmpuint (lyg_scenario_check_count (check, LYG_VERDICT_OVER_READ), ==, 0);
  g_assert_true (lyg_scenario_check_outcome_agrees (check));
  g_clear_object (&check);

  /* Miss two present ones (one left unknown, one said absent), over-read
   * one the key rules out and one it is silent about. */
  lyg_screening_answers_clear (answers, "cd.debt-bondage");
  lyg_screening_answers_set (answers, "cd.confiscation-of-documents", LYG_ANSWER_NOT_PRESENT, NULL);
  lyg_screening_answers_set (answers, "cr.violence", LYG_ANSWER_OBSERVED, NULL);
  lyg_screening_answers_set (answers, "vd.unknown-area", LYG_ANSWER_REPORTED, NULL);
  check = lyg_scenario_check_new (scenario, catalogue, answers, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lyg_scenario_check_count (check, LYG_VERDICT_AGREED), ==, n_present - 2);
  g_assert_cmpuint (lyg_scenario_check_count (check, LYG_VERDICT_MISSED), ==, 2);
  g_assert_cmpuint (lyg_scenario_check_count (check, LYG_VERDICT_OVER_READ), ==, 2);
  g_assert_cmpuint (lyg_scenario_check_get_n_items (check), ==, n_present + 2);
  /* Without the destination dimension the outcome drops to "possible". */
  g_assert_false (lyg_scenario_check_outcome_agrees (check));
  g_assert_cmpint (lyg_screening_result_get_outcome (lyg_scenario_check_get_result (check)), ==,
                   LYG_OUTCOME_POSSIBLE);

  for (guint i = 0; i < lyg_scenario_check_get_n_items (check); i++)
    {
      const LygScenarioCheckItem *item = lyg_scenario_check_get_item (check, i);

      if (g_str_equal (item->indicator->id, "vd.unknown-area"))
        g_assert_null (item->explanation);
      else
        g_assert_nonnull (item->explanation);
    }
}

static void
test_training_vault (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lygte-training-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "training.lygte", NULL);
  g_autofree char *real_path = g_build_filename (dir, "real.lygte", NULL);
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(LygVault) real = NULL;
  g_autoptr(LygVault) again = NULL;
  g_autoptr(LygScenarioPack) pack = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  LygKdfParams params = lyg_kdf_params_minimum ();

  g_assert_no_error (error);

  vault = lyg_training_vault_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (lyg_vault_get_unlocked (vault));
  g_assert_true (lyg_vault_is_training (vault));

  pack = load_pack ("indicators_present", "ilo.deception", "Hvorfor", &error);
  g_assert_no_error (error);
  lyg_training_vault_add_pack (vault, pack, &error);
  g_assert_no_error (error);
  lyg_vault_lock (vault);
  g_clear_object (&vault);

  /* Reopened: still training, still unlocks by itself, the pack is there. */
  again = lyg_training_vault_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (lyg_vault_is_training (again));
  packs = lyg_training_vault_list_packs (again, lyg_catalogue_set_get_shipped (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (packs->len, ==, 1);
  g_assert_cmpstr (lyg_scenario_pack_get_id (g_ptr_array_index (packs, 0)), ==, "test-pack");
  lyg_vault_lock (again);

  /* A real vault is never taken for the training one, nor stores packs. */
  real = lyg_vault_create (real_path, "real passphrase 123", &params, &error);
  g_assert_no_error (error);
  g_assert_false (lyg_vault_is_training (real));
  g_assert_false (lyg_training_vault_add_pack (real, pack, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  lyg_vault_lock (real);
  g_clear_object (&real);
  g_assert_null (lyg_training_vault_open (real_path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lyg/scenario/good-pack", test_good_pack);
  g_test_add_func ("/lyg/scenario/rejects", test_rejects);
  g_test_add_func ("/lyg/scenario/rejects-garbage", test_rejects_garbage);
  g_test_add_func ("/lyg/scenario/check-counts", test_check_counts);
  g_test_add_func ("/lyg/scenario/training-vault", test_training_vault);

  return g_test_run ();
}
