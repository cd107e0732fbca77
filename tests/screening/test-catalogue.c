/* test-catalogue.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lyg-catalogue-private.h"
#include "lyg-catalogue-set.h"

/* The loader: valid catalogues load with everything in place, broken ones
 * are refused with the right error code and a message that names the file
 * and the problem.
 */

static char *
fixture (const char *name)
{
  return g_build_filename (SCREENING_TEST_DIR, "fixtures", name, NULL);
}

static LygCatalogue *
load_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return lyg_catalogue_new_from_file (file, error);
}

static void
test_catalogue_load_weighted (void)
{
  g_autoptr(LygCatalogue) catalogue = NULL;
  g_autoptr(GError) error = NULL;
  const LygIndicator *indicator;
  const LygDimension *dimension;
  GPtrArray *combinations;
  const LygOutcomeRule *rule;
  const LygRuleTerm *term;

  catalogue = load_fixture ("valid-weighted.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (catalogue);

  g_assert_cmpstr (lyg_catalogue_get_id (catalogue), ==, "test-weighted");
  g_assert_cmpuint (lyg_catalogue_get_version (catalogue), ==, 1);
  g_assert_cmpstr (lyg_catalogue_get_origin (catalogue), ==, "valid-weighted.json");
  g_assert_cmpstr (lyg_catalogue_get_title (catalogue, "en"), ==, "Test catalogue");
  g_assert_cmpstr (lyg_catalogue_get_title (catalogue, "da"), ==, "Testkatalog");
  g_assert_cmpstr (lyg_catalogue_get_title (catalogue, "de"), ==, "Test catalogue");
  g_assert_cmpstr (lyg_catalogue_get_source_document (catalogue), ==, "Test document");
  g_assert_cmpstr (lyg_catalogue_get_source_publisher (catalogue), ==, "Lygte tests");
  g_assert_cmpuint (lyg_catalogue_get_source_year (catalogue), ==, 2026);
  g_assert_null (lyg_catalogue_get_source_url (catalogue));
  g_assert_cmpint (lyg_catalogue_get_confidence (catalogue), ==, LYG_CONFIDENCE_LOW);
  g_assert_cmpstr (lyg_catalogue_get_provenance (catalogue, "da"), ==, "Opdigtet til test.");
  g_assert_cmpint (lyg_catalogue_get_rule_kind (catalogue), ==, LYG_RULE_WEIGHTED);
  g_assert_true (lyg_catalogue_has_alternative_weights (catalogue));

  g_assert_cmpstr (lyg_catalogue_get_default_profile (catalogue), ==, "adult-labour");
  g_assert_true (lyg_catalogue_has_profile (catalogue, "child-labour"));
  g_assert_false (lyg_catalogue_has_profile (catalogue, "adult-sexual"));
  g_assert_cmpuint (g_strv_length ((char **)lyg_catalogue_get_profiles (catalogue)), ==, 2);

  g_assert_cmpuint (lyg_catalogue_get_n_dimensions (catalogue), ==, 2);
  dimension = lyg_catalogue_lookup_dimension (catalogue, "b");
  g_assert_nonnull (dimension);
  g_assert_cmpuint (dimension->index, ==, 1);
  g_assert_cmpstr (dimension->role, ==, "exploitation");
  g_assert_cmpuint (dimension->n_indicators, ==, 3);
  g_assert_true (lyg_catalogue_get_dimension (catalogue, 1) == dimension);
  g_assert_null (lyg_catalogue_lookup_dimension (catalogue, "c"));

  g_assert_cmpuint (lyg_catalogue_get_n_indicators (catalogue), ==, 7);
  indicator = lyg_catalogue_lookup_indicator (catalogue, "a.w1");
  g_assert_nonnull (indicator);
  g_assert_cmpint (indicator->weight, ==, LYG_WEIGHT_WEAK);
  g_assert_cmpint (indicator->alternative_weight, ==, LYG_WEIGHT_STRONG);
  g_assert_cmpstr (indicator->alternative_note.da, ==, "Omstridt.");
  g_assert_cmpstr (indicator->dimension->id, ==, "a");
  g_assert_cmpstr (lyg_catalogue_text_get (&indicator->text, "da"), ==, "Indikator a.w1");
  g_assert_cmpstr (lyg_catalogue_text_get (&indicator->guidance, "en"), ==, "Ask about a.w1.");
  g_assert_cmpuint (indicator->index, ==, 3);
  g_assert_null (lyg_catalogue_lookup_indicator (catalogue, "a.w2"));

  /* The rule as data */
  combinations = _lyg_catalogue_get_combinations (catalogue);
  g_assert_cmpuint (combinations->len, ==, 2);
  g_assert_cmpstr (((LygCombination *)g_ptr_array_index (combinations, 1))->id, ==,
                   "strong-and-other");
  g_assert_cmpuint (((LygCombination *)g_ptr_array_index (combinations, 1))->terms->len, ==, 2);
  term = &g_array_index (((LygCombination *)g_ptr_array_index (combinations, 1))->terms,
                         LygRuleTerm, 1);
  g_assert_cmpuint (term->weights, ==, (1u << LYG_WEIGHT_MEDIUM) | (1u << LYG_WEIGHT_WEAK));
  g_assert_cmpuint (term->count, ==, 1);

  rule = _lyg_catalogue_get_outcome_rule (catalogue, "adult-labour");
  g_assert_nonnull (rule);
  g_assert_null (rule->profile);
  g_assert_cmpuint (rule->requirements->len, ==, 2);
  g_assert_cmpuint (rule->min_positive, ==, 1);
  rule = _lyg_catalogue_get_outcome_rule (catalogue, "child-labour");
  g_assert_cmpstr (rule->profile, ==, "child-labour");
  g_assert_cmpuint (rule->requirements->len, ==, 1);
}

static void
test_catalogue_load_unweighted (void)
{
  g_autoptr(LygCatalogue) catalogue = NULL;
  g_autoptr(GError) error = NULL;

  catalogue = load_fixture ("valid-unweighted.json", &error);
  g_assert_no_error (error);

  g_assert_cmpuint (lyg_catalogue_get_version (catalogue), ==, 3);
  g_assert_cmpint (lyg_catalogue_get_rule_kind (catalogue), ==, LYG_RULE_ANY_PRESENT);
  g_assert_cmpint (lyg_catalogue_get_rule_action (catalogue), ==, LYG_RULE_ACTION_REFER);
  g_assert_false (lyg_catalogue_has_alternative_weights (catalogue));
  g_assert_cmpuint (lyg_catalogue_get_source_year (catalogue), ==, 0);
  g_assert_cmpint (lyg_catalogue_lookup_indicator (catalogue, "x.one")->weight, ==,
                   LYG_WEIGHT_NONE);
  g_assert_cmpint (lyg_catalogue_lookup_indicator (catalogue, "x.two")->weight, ==,
                   LYG_WEIGHT_NONE);
  g_assert_null (_lyg_catalogue_get_outcome_rule (catalogue, NULL));
  g_assert_cmpuint (_lyg_catalogue_get_combinations (catalogue)->len, ==, 0);
}

typedef struct
{
  const char *file;
  int         code;
  const char *fragment;  /* must appear in the message */
} BrokenCase;

static const BrokenCase broken_cases[] = {
  { "not-json.json", LYG_CATALOGUE_ERROR_PARSE, "" },
  { "not-object.json", LYG_CATALOGUE_ERROR_PARSE, "not a JSON object" },
  { "format-too-new.json", LYG_CATALOGUE_ERROR_UNSUPPORTED_FORMAT, "format 2" },
  { "missing-id.json", LYG_CATALOGUE_ERROR_MISSING_FIELD, "missing “id”" },
  { "missing-version.json", LYG_CATALOGUE_ERROR_MISSING_FIELD, "missing “version”" },
  { "bad-version.json", LYG_CATALOGUE_ERROR_BAD_VALUE, "“version”" },
  { "bad-id.json", LYG_CATALOGUE_ERROR_BAD_VALUE, "“Test Weighted” is not a valid id" },
  { "missing-source.json", LYG_CATALOGUE_ERROR_MISSING_FIELD, "missing “source”" },
  { "missing-rule.json", LYG_CATALOGUE_ERROR_MISSING_FIELD, "missing “rule”" },
  { "missing-danish-text.json", LYG_CATALOGUE_ERROR_MISSING_TRANSLATION,
    "indicator “a.m1”: missing Danish text in “text”" },
  { "empty-danish-guidance.json", LYG_CATALOGUE_ERROR_MISSING_TRANSLATION,
    "indicator “b.s1”: missing Danish text in “guidance”" },
  { "missing-danish-title.json", LYG_CATALOGUE_ERROR_MISSING_TRANSLATION,
    "dimension “b”: missing Danish text in “title”" },
  { "missing-english-provenance.json", LYG_CATALOGUE_ERROR_MISSING_TRANSLATION,
    "provenance: missing English text in “note”" },
  { "duplicate-indicator.json", LYG_CATALOGUE_ERROR_DUPLICATE_ID,
    "indicator id “a.s2” is used twice" },
  { "duplicate-dimension.json", LYG_CATALOGUE_ERROR_DUPLICATE_ID,
    "dimension id “a” is used twice" },
  { "unknown-dimension-indicator.json", LYG_CATALOGUE_ERROR_UNKNOWN_DIMENSION,
    "indicator “b.s2”: unknown dimension “c”" },
  { "unknown-dimension-rule.json", LYG_CATALOGUE_ERROR_UNKNOWN_DIMENSION,
    "requirement “rb”: unknown dimension “destination”" },
  { "missing-weight.json", LYG_CATALOGUE_ERROR_MISSING_WEIGHT, "indicator “b.m1”" },
  { "weight-none-in-weighted.json", LYG_CATALOGUE_ERROR_MISSING_WEIGHT, "indicator “a.s1”" },
  { "bad-weight.json", LYG_CATALOGUE_ERROR_BAD_VALUE, "unknown weight “very strong”" },
  { "weight-in-unweighted.json", LYG_CATALOGUE_ERROR_BAD_VALUE,
    "indicator “x.one”: has a weight" },
  { "overlapping-terms.json", LYG_CATALOGUE_ERROR_BAD_RULE,
    "combination “strong-and-other”: term #2" },
  { "zero-count.json", LYG_CATALOGUE_ERROR_BAD_RULE, "“count” must be a positive integer" },
  { "unknown-rule-kind.json", LYG_CATALOGUE_ERROR_BAD_RULE, "unknown kind “majority”" },
  { "empty-combinations.json", LYG_CATALOGUE_ERROR_BAD_RULE, "“dimension_positive” is empty" },
  { "profile-outcome-unknown-profile.json", LYG_CATALOGUE_ERROR_BAD_RULE, "“adult-sexual”" },
  { "unknown-profile.json", LYG_CATALOGUE_ERROR_BAD_VALUE, "unknown profile “adult-organs”" },
  { "empty-dimension.json", LYG_CATALOGUE_ERROR_BAD_VALUE, "dimension “c” has no indicators" },
  { "alternative-without-note.json", LYG_CATALOGUE_ERROR_MISSING_FIELD,
    "indicator “a.w1”: missing “alternative_note”" },
  { "rules-for-unweighted.json", LYG_CATALOGUE_ERROR_BAD_RULE, "takes no combinations" },
};

static void
test_catalogue_broken (gconstpointer data)
{
  const BrokenCase *bc = data;
  g_autofree char *name = g_build_filename ("broken", bc->file, NULL);
  g_autofree char *prefix = g_strdup_printf ("%s: ", bc->file);
  g_autoptr(LygCatalogue) catalogue = NULL;
  g_autoptr(GError) error = NULL;

  catalogue = load_fixture (name, &error);

  g_assert_null (catalogue);
  g_assert_error (error, LYG_CATALOGUE_ERROR, bc->code);
  g_test_message ("%s", error->message);
  /* The message names the file, then the problem. */
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, bc->fragment));
}

static void
test_catalogue_broken_all_files_covered (void)
{
  g_autofree char *dir = fixture ("broken");
  g_autoptr(GDir) gdir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) codes = g_hash_table_new (NULL, NULL);
  const char *name;
  guint n = 0;

  gdir = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);

  /* Every broken fixture has a row in the table above, so none is silently
   * skipped, and the table covers many kinds of breakage. */
  while ((name = g_dir_read_name (gdir)))
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
        found |= g_str_equal (broken_cases[i].file, name);

      g_assert_true (found);
      n++;
    }

  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    g_hash_table_add (codes, GINT_TO_POINTER (broken_cases[i].code));

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (broken_cases));
  g_assert_cmpuint (g_hash_table_size (codes), >=, 9);
}

static void
test_catalogue_missing_file (void)
{
  g_autoptr(LygCatalogue) catalogue = NULL;
  g_autoptr(GError) error = NULL;

  catalogue = load_fixture ("does-not-exist.json", &error);
  g_assert_null (catalogue);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_catalogue_set_versions (void)
{
  g_autoptr(LygCatalogueSet) set = NULL;
  g_autoptr(LygCatalogue) weighted = NULL;
  g_autoptr(LygCatalogue) again = NULL;
  g_autoptr(GPtrArray) latest = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GFile) versions = NULL;
  g_autofree char *versions_path = fixture ("versions");
  g_autoptr(GError) error = NULL;
  LygCatalogue *found;

  set = lyg_catalogue_set_new_shipped (&error);
  g_assert_no_error (error);

  /* The shipped set has version 1 of the adult Delphi list; the fixture
   * directory adds version 2. */
  found = lyg_catalogue_set_lookup (set, "delphi-adult-labour", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lyg_catalogue_get_version (found), ==, 1);

  versions = g_file_new_for_path (versions_path);
  lyg_catalogue_set_load_directory (set, versions, &error);
  g_assert_no_error (error);

  found = lyg_catalogue_set_lookup (set, "delphi-adult-labour", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lyg_catalogue_get_version (found), ==, 2);

  found = lyg_catalogue_set_lookup (set, "delphi-adult-labour", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lyg_catalogue_get_version (found), ==, 1);

  found = lyg_catalogue_set_lookup_spec (set, "delphi-adult-labour@1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lyg_catalogue_get_version (found), ==, 1);

  found = lyg_catalogue_set_lookup_spec (set, "delphi-adult-labour", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lyg_catalogue_get_version (found), ==, 2);

  found = lyg_catalogue_set_lookup (set, "delphi-adult-labour", 3, &error);
  g_assert_null (found);
  g_assert_error (error, LYG_CATALOGUE_ERROR, LYG_CATALOGUE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  found = lyg_catalogue_set_lookup_spec (set, "delphi-adult-labour@two", &error);
  g_assert_null (found);
  g_assert_error (error, LYG_CATALOGUE_ERROR, LYG_CATALOGUE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  found = lyg_catalogue_set_lookup_spec (set, "delphi-sexual@1", &error);
  g_assert_null (found);
  g_assert_error (error, LYG_CATALOGUE_ERROR, LYG_CATALOGUE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  latest = lyg_catalogue_set_list (set, FALSE);
  all = lyg_catalogue_set_list (set, TRUE);
  g_assert_cmpuint (all->len, ==, latest->len + 1);

  /* Sorted by id, then version */
  for (guint i = 1; i < all->len; i++)
    {
      LygCatalogue *a = g_ptr_array_index (all, i - 1);
      LygCatalogue *b = g_ptr_array_index (all, i);
      int cmp = g_strcmp0 (lyg_catalogue_get_id (a), lyg_catalogue_get_id (b));

      g_assert_true (cmp < 0 || (cmp == 0 &&
                                 lyg_catalogue_get_version (a) < lyg_catalogue_get_version (b)));
    }

  /* Adding the same id and version twice is refused. */
  weighted = load_fixture ("valid-weighted.json", &error);
  g_assert_no_error (error);
  g_assert_true (lyg_catalogue_set_add (set, weighted, &error));
  g_assert_no_error (error);
  again = load_fixture ("valid-weighted.json", &error);
  g_assert_false (lyg_catalogue_set_add (set, again, &error));
  g_assert_error (error, LYG_CATALOGUE_ERROR, LYG_CATALOGUE_ERROR_DUPLICATE_ID);
}

static void
test_catalogue_set_broken_directory (void)
{
  g_autoptr(LygCatalogueSet) set = lyg_catalogue_set_new ();
  g_autofree char *path = fixture ("broken");
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  /* A broken file stops the load with that file's error. */
  g_assert_false (lyg_catalogue_set_load_directory (set, dir, &error));
  /* Files load in name order, so the first broken one is reported. */
  g_assert_error (error, LYG_CATALOGUE_ERROR, LYG_CATALOGUE_ERROR_MISSING_FIELD);
  g_assert_true (g_str_has_prefix (error->message, "alternative-without-note.json: "));
}

static void
test_catalogue_summary_json (void)
{
  g_autoptr(LygCatalogue) catalogue = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  JsonArray *dimensions;

  catalogue = load_fixture ("valid-weighted.json", &error);
  g_assert_no_error (error);

  node = lyg_catalogue_to_summary_json (catalogue, "da");
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "test-weighted");
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Testkatalog");
  g_assert_cmpstr (json_object_get_string_member (object, "profile"), ==, "adult-labour");
  g_assert_cmpint (json_object_get_int_member (object, "indicators"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "weights"),
                                               "strong"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "weights"),
                                               "weak"), ==, 1);
  dimensions = json_object_get_array_member (object, "dimensions");
  g_assert_cmpuint (json_array_get_length (dimensions), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (dimensions, 0),
                                               "indicators"), ==, 4);
}

static void
test_catalogue_enums (void)
{
  LygWeight weight;

  for (guint w = LYG_WEIGHT_NONE; w <= LYG_WEIGHT_STRONG; w++)
    {
      g_assert_true (lyg_weight_from_string (lyg_weight_to_string (w), &weight));
      g_assert_cmpint (weight, ==, w);
      g_assert_nonnull (lyg_weight_get_label (w));
    }

  g_assert_false (lyg_weight_from_string ("Strong", &weight));
  g_assert_false (lyg_weight_from_string (NULL, &weight));
  g_assert_true (LYG_WEIGHT_STRONG > LYG_WEIGHT_MEDIUM && LYG_WEIGHT_MEDIUM > LYG_WEIGHT_WEAK);

  g_assert_true (lyg_profile_is_valid ("child-sexual"));
  g_assert_false (lyg_profile_is_valid ("child"));
  g_assert_false (lyg_profile_is_valid (NULL));
  g_assert_cmpstr (lyg_profile_get_label ("adult-labour"), ==, "Adult, labour exploitation");
  g_assert_null (lyg_profile_get_label ("child"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lyg/catalogue/load-weighted", test_catalogue_load_weighted);
  g_test_add_func ("/lyg/catalogue/load-unweighted", test_catalogue_load_unweighted);
  g_test_add_func ("/lyg/catalogue/missing-file", test_catalogue_missing_file);
  g_test_add_func ("/lyg/catalogue/broken/all-files-covered",
                   test_catalogue_broken_all_files_covered);

  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *base = g_strndup (broken_cases[i].file,
                                         strlen (broken_cases[i].file) - strlen (".json"));
      g_autofree char *path = g_strdup_printf ("/lyg/catalogue/broken/%s", base);

      g_test_add_data_func (path, &broken_cases[i], test_catalogue_broken);
    }

  g_test_add_func ("/lyg/catalogue/set/versions", test_catalogue_set_versions);
  g_test_add_func ("/lyg/catalogue/set/broken-directory", test_catalogue_set_broken_directory);
  g_test_add_func ("/lyg/catalogue/summary-json", test_catalogue_summary_json);
  g_test_add_func ("/lyg/catalogue/enums", test_catalogue_enums);

  return g_test_run ();
}
