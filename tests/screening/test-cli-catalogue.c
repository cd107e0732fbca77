/* test-cli-catalogue.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

/* `lygte-cli catalogues` and `lygte-cli score`, run as the real binary. */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run        *run,
         const char *input,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list ap;

  g_ptr_array_add (args, (gpointer)LYGTE_CLI);
  va_start (ap, input);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *)args->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE |
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input ? input : "", NULL, &run->out, &run->err,
                                 &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static JsonNode *
parse_out (Run *run)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (run->out, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);

  return node;
}

/* Failures say one line on stderr and print nothing on stdout. */
static void
assert_failed (Run        *run,
               int         status,
               const char *fragment)
{
  g_test_message ("stderr: %s", run->err);
  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "lygte-cli: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
  g_assert_nonnull (strstr (run->err, fragment));
}

static char *
write_answers (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lygte-cli-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, "answers.json", NULL);
  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_cli_catalogues (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) run_da = { 0 };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) node_da = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  run_cli (&run, NULL, "catalogues", NULL);
  g_assert_cmpint (run.status, ==, 0);
  node = parse_out (&run);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  array = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (array), >=, 6);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *entry = json_array_get_object_element (array, i);

      g_hash_table_add (ids, (gpointer)json_object_get_string_member (entry, "id"));
      g_assert_cmpint (json_object_get_int_member (entry, "version"), >=, 1);
      g_assert_nonnull (json_object_get_string_member (entry, "profile"));
      g_assert_cmpint (json_object_get_int_member (entry, "indicators"), >, 0);

      if (g_str_equal (json_object_get_string_member (entry, "id"), "delphi-adult-labour"))
        {
          g_assert_cmpint (json_object_get_int_member (entry, "indicators"), ==, 67);
          g_assert_cmpstr (json_object_get_string_member (entry, "profile"), ==, "adult-labour");
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (entry,
                                                                                 "dimensions")),
                            ==, 6);
        }
    }

  g_assert_true (g_hash_table_contains (ids, "dk-assessment"));
  g_assert_true (g_hash_table_contains (ids, "delphi-adult-labour"));
  g_assert_true (g_hash_table_contains (ids, "delphi-child-labour"));
  g_assert_true (g_hash_table_contains (ids, "ilo-forced-labour"));
  g_assert_true (g_hash_table_contains (ids, "unodc-labour"));
  g_assert_true (g_hash_table_contains (ids, "cmm-common-signs"));

  run_cli (&run_da, NULL, "catalogues", "--lang", "da", "--all-versions", NULL);
  g_assert_cmpint (run_da.status, ==, 0);
  node_da = parse_out (&run_da);
  g_assert_nonnull (strstr (run_da.out, "Indikatorer, der lægges vægt på"));
}

static void
test_cli_catalogues_usage (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) run_lang = { 0 };

  run_cli (&run, NULL, "catalogues", "extra", NULL);
  assert_failed (&run, 2, "no arguments");
  run_cli (&run_lang, NULL, "catalogues", "--lang", "fr", NULL);
  assert_failed (&run_lang, 2, "--lang");
}

static void
test_cli_score (void)
{
  g_autofree char *path = write_answers (
    "{\"cr.violence\": \"observed\", \"cr.threats-of-violence\": \"reported\","
    " \"ec.excessive-hours\": \"observed\","
    " \"ec.wage-manipulation\": {\"answer\": \"reported\", \"note\": \"fines\"},"
    " \"cd.confiscation-of-documents\": \"observed\", \"cd.debt-bondage\": \"reported\","
    " \"vd.unknown-area\": \"not_present\", \"vd.economic-reasons\": \"unknown\"}");
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root, *dim;

  run_cli (&run, NULL, "score", "--catalogue", "delphi-adult-labour@1", "--answers", path, NULL);
  g_test_message ("stderr: %s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  node = parse_out (&run);
  root = json_node_get_object (node);

  g_assert_cmpstr (json_object_get_string_member (root, "outcome"), ==, "probable");
  g_assert_cmpint (json_object_get_int_member (root, "unknown"), ==, 60);
  g_assert_cmpstr (json_object_get_string_member (root, "label"), ==,
                   "Screening indication, not a legal determination");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "catalogue"),
                                               "version"), ==, 1);
  dim = json_array_get_object_element (json_object_get_array_member (root, "dimensions"), 4);
  g_assert_cmpstr (json_object_get_string_member (dim, "id"), ==, "coercion-destination");
  g_assert_cmpstr (json_object_get_string_member (dim, "status"), ==, "positive");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (dim, "indicators")), ==,
                    2);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_object_get_object_member (root, "next_step"), "referral"), "hotline"),
                   ==, "70 20 25 50");

  g_unlink (path);
}

static void
test_cli_score_stdin_and_profile (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) run_unweighted = { 0 };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) node_unweighted = NULL;

  run_cli (&run, "{\"cr.threats-of-violence\": \"reported\","
                 " \"cr.confiscation-of-documents\": \"observed\","
                 " \"ec.excessive-hours\": \"observed\", \"ec.hazardous-work\": \"observed\"}",
           "score", "-c", "delphi-child-labour", "-a", "-", "--profile", "child-labour", NULL);
  g_test_message ("stderr: %s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  node = parse_out (&run);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "profile"), ==,
                   "child-labour");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "outcome"), ==,
                   "probable");

  run_cli (&run_unweighted, "{\"dk.debt\": \"reported\"}",
           "score", "--catalogue", "dk-assessment", "--answers", "-",
           "--profile", "adult-sexual", "--lang", "da", NULL);
  g_assert_cmpint (run_unweighted.status, ==, 0);
  node_unweighted = parse_out (&run_unweighted);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node_unweighted),
                                                  "outcome"), ==, "indicators_present");
  g_assert_nonnull (strstr (run_unweighted.out, "Personen har gæld"));
}

static void
test_cli_score_errors (void)
{
  g_autofree char *missing = g_build_filename (g_get_tmp_dir (), "no-such-answers.json", NULL);
  g_auto(Run) unknown_id = { 0 };
  g_auto(Run) bad_answer = { 0 };
  g_auto(Run) bad_json = { 0 };
  g_auto(Run) not_object = { 0 };
  g_auto(Run) no_file = { 0 };
  g_auto(Run) no_catalogue = { 0 };
  g_auto(Run) no_version = { 0 };
  g_auto(Run) bad_profile = { 0 };
  g_auto(Run) usage = { 0 };

  run_cli (&unknown_id, "{\"cr.violence\": \"observed\", \"cr.violense\": \"observed\"}",
           "score", "--catalogue", "delphi-adult-labour", "--answers", "-", NULL);
  assert_failed (&unknown_id, 1, "“cr.violense”");

  run_cli (&bad_answer, "{\"cr.violence\": \"yes\"}",
           "score", "--catalogue", "delphi-adult-labour", "--answers", "-", NULL);
  assert_failed (&bad_answer, 1, "“yes” is not an answer");

  run_cli (&bad_json, "{\"cr.violence\": \n\"observed\",,}",
           "score", "--catalogue", "delphi-adult-labour", "--answers", "-", NULL);
  assert_failed (&bad_json, 1, "-: ");

  run_cli (&not_object, "[\"cr.violence\"]",
           "score", "--catalogue", "delphi-adult-labour", "--answers", "-", NULL);
  assert_failed (&not_object, 1, "JSON object");

  run_cli (&no_file, NULL, "score", "--catalogue", "dk-assessment", "--answers", missing, NULL);
  assert_failed (&no_file, 1, "no-such-answers.json");

  run_cli (&no_catalogue, "{}", "score", "--catalogue", "delphi-adult-sexual", "--answers", "-",
           NULL);
  assert_failed (&no_catalogue, 1, "“delphi-adult-sexual”");

  run_cli (&no_version, "{}", "score", "--catalogue", "dk-assessment@9", "--answers", "-", NULL);
  assert_failed (&no_version, 1, "version 9");

  run_cli (&bad_profile, "{}", "score", "--catalogue", "delphi-adult-labour", "--answers", "-",
           "--profile", "child-labour", NULL);
  assert_failed (&bad_profile, 1, "“child-labour”");

  run_cli (&usage, "{}", "score", "--answers", "-", NULL);
  assert_failed (&usage, 2, "--catalogue");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lyg/screening/cli/catalogues", test_cli_catalogues);
  g_test_add_func ("/lyg/screening/cli/catalogues-usage", test_cli_catalogues_usage);
  g_test_add_func ("/lyg/screening/cli/score", test_cli_score);
  g_test_add_func ("/lyg/screening/cli/score-stdin-and-profile", test_cli_score_stdin_and_profile);
  g_test_add_func ("/lyg/screening/cli/score-errors", test_cli_score_errors);

  return g_test_run ();
}
