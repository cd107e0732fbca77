/* test-catalogue-data.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lyg-screening.h"

/* The `data` suite: every shipped catalogue passes the loader's rules, the
 * files, the meson list and the compiled resources agree, and each list
 * has the content the issue and domain.md ask for.
 */

static GPtrArray *
list_catalogue_files (void)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (CATALOGUES_DIR, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));

  return names;
}

static LygCatalogue *
load_file (const char *name)
{
  g_autofree char *path = g_build_filename (CATALOGUES_DIR, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LygCatalogue *catalogue;

  catalogue = lyg_catalogue_new_from_file (file, &error);
  g_assert_no_error (error);

  return catalogue;
}

static void
test_data_every_file_valid (void)
{
  g_autoptr(GPtrArray) names = list_catalogue_files ();

  g_assert_cmpuint (names->len, >=, 6);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(LygCatalogue) catalogue = load_file (name);
      g_autofree char *expected_name = NULL;

      g_test_message ("%s", name);

      /* One file per version: <id>.v<version>.json */
      expected_name = g_strdup_printf ("%s.v%u.json", lyg_catalogue_get_id (catalogue),
                                       lyg_catalogue_get_version (catalogue));
      g_assert_cmpstr (name, ==, expected_name);

      for (guint j = 0; j < lyg_catalogue_get_n_indicators (catalogue); j++)
        {
          const LygIndicator *indicator = lyg_catalogue_get_indicator (catalogue, j);

          /* The loader insists on both languages; make sure the guidance is
           * guidance (a sentence), not a copy of the text. */
          g_assert_cmpstr (indicator->text.en, !=, indicator->guidance.en);
          g_assert_cmpstr (indicator->text.da, !=, indicator->guidance.da);
          g_assert_true (g_str_has_suffix (indicator->guidance.en, "."));
          g_assert_true (g_str_has_suffix (indicator->guidance.da, "."));
          g_assert_null (strchr (indicator->text.en, '"'));
          g_assert_null (strchr (indicator->text.da, '"'));
        }

      /* Every profile scores, with nothing answered. */
      for (const char * const *p = lyg_catalogue_get_profiles (catalogue); *p; p++)
        {
          g_autoptr(LygScreeningAnswers) answers = lyg_screening_answers_new ();
          g_autoptr(LygScreeningResult) result = NULL;
          g_autoptr(GError) error = NULL;

          g_assert_nonnull (lyg_profile_get_label (*p));
          result = lyg_screening_score (catalogue, *p, answers, &error);
          g_assert_no_error (error);
          g_assert_false (lyg_outcome_is_positive (lyg_screening_result_get_outcome (result)));
          g_assert_cmpuint (lyg_screening_result_get_n_unknown (result), ==,
                            lyg_catalogue_get_n_indicators (catalogue));
        }
    }
}

static void
test_data_resources_match_files (void)
{
  g_autoptr(GPtrArray) names = list_catalogue_files ();
  g_autoptr(LygCatalogueSet) set = NULL;
  g_autoptr(GPtrArray) shipped = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *meson = NULL;
  g_autofree char *gresource = NULL;
  g_autofree char *meson_path = g_build_filename (CATALOGUES_DIR, "meson.build", NULL);
  g_autofree char *gresource_path = g_build_filename (CATALOGUES_DIR,
                                                      "catalogues.gresource.xml", NULL);
  GResource *resource = lyg_catalogue_set_get_shipped_resource ();

  set = lyg_catalogue_set_new_shipped (&error);
  g_assert_no_error (error);
  shipped = lyg_catalogue_set_list (set, TRUE);
  g_assert_cmpuint (shipped->len, ==, names->len);

  g_file_get_contents (meson_path, &meson, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (gresource_path, &gresource, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *quoted = g_strdup_printf ("'%s'", name);
      g_autofree char *element = g_strdup_printf (">%s</file>", name);
      g_autofree char *resource_path = g_build_path ("/", LYG_CATALOGUE_RESOURCE_PATH, name, NULL);
      g_autofree char *file_path = g_build_filename (CATALOGUES_DIR, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize length;

      g_test_message ("%s", name);

      /* Installed and compiled in */
      g_assert_nonnull (strstr (meson, quoted));
      g_assert_nonnull (strstr (gresource, element));

      /* ... byte for byte */
      bytes = g_resource_lookup_data (resource, resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                      &error);
      g_assert_no_error (error);
      g_file_get_contents (file_path, &contents, &length, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                       contents, length);
    }
}

typedef struct
{
  const char *id;
  const char *dimension;
  guint       strong;
  guint       medium;
  guint       weak;
  guint       none;
} DimensionCount;

/* domain.md §4–§8; weights are the primary reading. */
static const DimensionCount expected_counts[] = {
  { "delphi-adult-labour", "deceptive-recruitment", 1, 8, 1, 0 },
  { "delphi-adult-labour", "coercive-recruitment", 1, 9, 0, 0 },
  { "delphi-adult-labour", "vulnerability-recruitment", 0, 14, 2, 0 },
  { "delphi-adult-labour", "exploitative-conditions", 1, 7, 1, 0 },
  { "delphi-adult-labour", "coercion-destination", 4, 10, 1, 0 },
  { "delphi-adult-labour", "vulnerability-destination", 0, 5, 2, 0 },
  { "delphi-child-labour", "deceptive-recruitment", 2, 8, 0, 0 },
  { "delphi-child-labour", "coercive-recruitment", 4, 6, 0, 0 },
  { "delphi-child-labour", "vulnerability-recruitment", 0, 15, 0, 0 },
  { "delphi-child-labour", "exploitative-conditions", 1, 7, 0, 0 },
  { "delphi-child-labour", "coercion-destination", 8, 7, 0, 0 },
  { "delphi-child-labour", "vulnerability-destination", 0, 7, 0, 0 },
  { "dk-assessment", "indicators", 0, 0, 0, 11 },
  { "dk-assessment", "ongoing-risk", 0, 0, 0, 4 },
  { "ilo-forced-labour", "forced-labour", 0, 0, 0, 11 },
  { "unodc-labour", "person", 0, 0, 0, 15 },
  { "unodc-labour", "workplace", 0, 0, 0, 7 },
  { "cmm-common-signs", "common-signs", 0, 0, 0, 5 },
};

static void
test_data_counts (void)
{
  LygCatalogueSet *set = lyg_catalogue_set_get_shipped ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) all = lyg_catalogue_set_list (set, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (expected_counts); i++)
    {
      const DimensionCount *ec = &expected_counts[i];
      LygCatalogue *catalogue = lyg_catalogue_set_lookup (set, ec->id, 1, NULL);
      const LygDimension *dimension;
      guint counts[LYG_N_WEIGHTS] = { 0, };

      g_test_message ("%s / %s", ec->id, ec->dimension);
      g_assert_nonnull (catalogue);
      dimension = lyg_catalogue_lookup_dimension (catalogue, ec->dimension);
      g_assert_nonnull (dimension);
      g_hash_table_add (seen, (gpointer)ec->id);

      for (guint j = 0; j < lyg_catalogue_get_n_indicators (catalogue); j++)
        {
          const LygIndicator *indicator = lyg_catalogue_get_indicator (catalogue, j);

          if (indicator->dimension == dimension)
            counts[indicator->weight]++;
        }

      g_assert_cmpuint (counts[LYG_WEIGHT_STRONG], ==, ec->strong);
      g_assert_cmpuint (counts[LYG_WEIGHT_MEDIUM], ==, ec->medium);
      g_assert_cmpuint (counts[LYG_WEIGHT_WEAK], ==, ec->weak);
      g_assert_cmpuint (counts[LYG_WEIGHT_NONE], ==, ec->none);
      g_assert_cmpuint (dimension->n_indicators, ==, ec->strong + ec->medium + ec->weak + ec->none);
    }

  /* Every shipped catalogue is counted above, and the totals are right. */
  g_assert_cmpuint (g_hash_table_size (seen), ==, all->len);
  g_assert_cmpuint (lyg_catalogue_get_n_indicators (lyg_catalogue_set_lookup (set,
                    "delphi-adult-labour", 1, NULL)), ==, 67);
  g_assert_cmpuint (lyg_catalogue_get_n_indicators (lyg_catalogue_set_lookup (set,
                    "delphi-child-labour", 1, NULL)), ==, 65);
  g_assert_cmpuint (lyg_catalogue_get_n_dimensions (lyg_catalogue_set_lookup (set,
                    "delphi-adult-labour", 1, NULL)), ==, 6);
}

static void
test_data_delphi (void)
{
  LygCatalogueSet *set = lyg_catalogue_set_get_shipped ();
  LygCatalogue *adult = lyg_catalogue_set_lookup (set, "delphi-adult-labour", 1, NULL);
  LygCatalogue *child = lyg_catalogue_set_lookup (set, "delphi-child-labour", 1, NULL);
  static const struct {
    const char *id;
    LygWeight   weight;
    LygWeight   alternative;
  } disputed[] = {
    { "vr.difficulties-in-the-past", LYG_WEIGHT_MEDIUM, LYG_WEIGHT_WEAK },
    { "vr.difficulty-to-organise-travel", LYG_WEIGHT_MEDIUM, LYG_WEIGHT_WEAK },
    { "ec.bad-living-conditions", LYG_WEIGHT_MEDIUM, LYG_WEIGHT_STRONG },
    { "ec.hazardous-work", LYG_WEIGHT_MEDIUM, LYG_WEIGHT_STRONG },
    { "ec.low-or-no-salary", LYG_WEIGHT_MEDIUM, LYG_WEIGHT_STRONG },
  };
  guint n_disputed = 0;

  /* The disputed weights are data, with their alternative reading. */
  for (guint i = 0; i < G_N_ELEMENTS (disputed); i++)
    {
      const LygIndicator *indicator = lyg_catalogue_lookup_indicator (adult, disputed[i].id);

      g_assert_nonnull (indicator);
      g_assert_cmpint (indicator->weight, ==, disputed[i].weight);
      g_assert_cmpint (indicator->alternative_weight, ==, disputed[i].alternative);
      g_assert_cmpstr (indicator->confidence, ==, "disputed");
      g_assert_nonnull (indicator->alternative_note.en);
    }

  for (guint i = 0; i < lyg_catalogue_get_n_indicators (adult); i++)
    if (lyg_catalogue_get_indicator (adult, i)->alternative_weight != LYG_WEIGHT_NONE)
      n_disputed++;
  g_assert_cmpuint (n_disputed, ==, G_N_ELEMENTS (disputed));

  /* Provenance says what it is. */
  g_assert_cmpint (lyg_catalogue_get_confidence (adult), ==, LYG_CONFIDENCE_MEDIUM);
  g_assert_nonnull (strstr (lyg_catalogue_get_provenance (adult, "en"), "secondary sources"));
  g_assert_cmpint (lyg_catalogue_get_confidence (child), ==, LYG_CONFIDENCE_LOW);
  g_assert_nonnull (strstr (lyg_catalogue_get_provenance (child, "en"), "Low confidence"));
  g_assert_cmpuint (lyg_catalogue_get_source_year (adult), ==, 2009);

  /* The children's list lacks two adult items and has no weak tier. */
  g_assert_null (lyg_catalogue_lookup_indicator (child, "vr.false-information-law"));
  g_assert_null (lyg_catalogue_lookup_indicator (child, "ec.no-social-protection"));
  g_assert_false (lyg_catalogue_has_alternative_weights (child));

  /* Same dimensions, same rule data, different profiles. */
  g_assert_cmpstr (lyg_catalogue_get_default_profile (adult), ==, "adult-labour");
  g_assert_cmpstr (lyg_catalogue_get_default_profile (child), ==, "child-labour");
  for (guint i = 0; i < 6; i++)
    g_assert_cmpstr (lyg_catalogue_get_dimension (adult, i)->id, ==,
                     lyg_catalogue_get_dimension (child, i)->id);
}

static void
test_data_no_sexual_delphi (void)
{
  LygCatalogueSet *set = lyg_catalogue_set_get_shipped ();
  g_autoptr(GPtrArray) all = lyg_catalogue_set_list (set, TRUE);

  /* The Delphi sexual-exploitation lists could not be obtained reliably:
   * nothing weighted may be shipped for a sexual profile. */
  for (guint i = 0; i < all->len; i++)
    {
      LygCatalogue *catalogue = g_ptr_array_index (all, i);

      if (lyg_catalogue_get_rule_kind (catalogue) != LYG_RULE_WEIGHTED)
        continue;

      g_assert_false (lyg_catalogue_has_profile (catalogue, "adult-sexual"));
      g_assert_false (lyg_catalogue_has_profile (catalogue, "child-sexual"));
      g_assert_null (strstr (lyg_catalogue_get_id (catalogue), "sexual"));
    }

  /* Sexual exploitation is screened with the Danish list and the common
   * signs until then. */
  g_assert_true (lyg_catalogue_has_profile (lyg_catalogue_set_lookup (set, "dk-assessment", 1,
                                                                      NULL),
                                            "adult-sexual"));
  g_assert_true (lyg_catalogue_has_profile (lyg_catalogue_set_lookup (set, "cmm-common-signs", 1,
                                                                      NULL),
                                            "child-sexual"));
}

static void
test_data_danish_wording (void)
{
  LygCatalogueSet *set = lyg_catalogue_set_get_shipped ();
  LygCatalogue *dk = lyg_catalogue_set_lookup (set, "dk-assessment", 1, NULL);
  LygCatalogue *cmm = lyg_catalogue_set_lookup (set, "cmm-common-signs", 1, NULL);
  /* Verbatim from seed 002 (letters restored), in the seed's order. */
  static const char *seed[] = {
    "Personen er blevet bedraget",
    "Rejsen er arrangeret og betalt af andre",
    "Personens ID-dokumenter tilbageholdes af den person, der udnytter",
    "Personen har falske ID-dokumenter og/eller falske rejsedokumenter",
    "Personen er isoleret, har begrænset bevægelsesfrihed og er overvåget",
    "Boligforholdene og arbejdsforholdene er dårlige",
    "Personen har gæld",
    "Personen modtager ingen eller meget lav løn",
    "Personen er udsat for trusler, fysisk og/eller psykisk vold",
    "Personen har ingen eller begrænset adgang til lægehjælp",
    "Personen frygter myndigheder og mangler viden om, hvor han/hun kan få hjælp",
  };

  for (guint i = 0; i < G_N_ELEMENTS (seed); i++)
    {
      const LygIndicator *indicator = lyg_catalogue_get_indicator (dk, i);

      g_assert_cmpstr (indicator->text.da, ==, seed[i]);
      g_assert_cmpstr (indicator->dimension->id, ==, "indicators");
    }

  g_assert_cmpuint (lyg_catalogue_lookup_dimension (dk, "ongoing-risk")->n_indicators, ==, 4);
  g_assert_cmpint (lyg_catalogue_get_rule_kind (dk), ==, LYG_RULE_ANY_PRESENT);
  g_assert_cmpint (lyg_catalogue_get_rule_action (dk), ==, LYG_RULE_ACTION_REFER);
  g_assert_cmpuint (g_strv_length ((char **)lyg_catalogue_get_profiles (dk)), ==, 4);

  g_assert_cmpstr (lyg_catalogue_get_indicator (cmm, 1)->text.da, ==,
                   "Personen virker truet og bange");

  g_assert_cmpint (lyg_catalogue_get_rule_action (lyg_catalogue_set_lookup (set,
                   "ilo-forced-labour", 1, NULL)), ==, LYG_RULE_ACTION_FURTHER_ASSESSMENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lyg/catalogue/data/every-file-valid", test_data_every_file_valid);
  g_test_add_func ("/lyg/catalogue/data/resources-match-files", test_data_resources_match_files);
  g_test_add_func ("/lyg/catalogue/data/counts", test_data_counts);
  g_test_add_func ("/lyg/catalogue/data/delphi", test_data_delphi);
  g_test_add_func ("/lyg/catalogue/data/no-sexual-delphi", test_data_no_sexual_delphi);
  g_test_add_func ("/lyg/catalogue/data/danish-wording", test_data_danish_wording);

  return g_test_run ();
}
