/* lyg-cli-catalogue.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "lyg-cli.h"
#include "lyg-cli-catalogue.h"
#include "lyg-screening.h"

/* `lygte-cli catalogues` and `lygte-cli score`.  Both print JSON on
 * standard output, always UTF-8 whatever the locale, and fail with one
 * line on standard error.  argv[0] is the subcommand.
 */

static void
print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);

  /* Not g_print (): that would convert to the locale's charset. */
  fputs (text, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

/* One line on stderr, even when the message has several. */
static int
fail (GError *error)
{
  g_strdelimit (error->message, "\r\n", ' ');

  return lyg_cli_fail (error);
}

static gboolean
check_lang (const char *lang)
{
  if (lang == NULL || g_str_equal (lang, "en") || g_str_equal (lang, "da"))
    return TRUE;

  g_printerr ("lygte-cli: %s\n", _("--lang must be “en” or “da”"));

  return FALSE;
}

int
lyg_cli_catalogues (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LygCatalogueSet) set = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lang = NULL;
  gboolean all_versions = FALSE;
  const GOptionEntry entries[] = {
    { "all-versions", 'a', 0, G_OPTION_ARG_NONE, &all_versions,
      N_("Also list superseded versions"), NULL },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang,
      N_("Language of titles and notes (en or da)"), N_("LANG") },
    { NULL }
  };

  g_return_val_if_fail (argc >= 1, LYG_CLI_USAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Lists the shipped indicator catalogues as JSON: id, "
                                  "version, profiles, indicator count per dimension, "
                                  "source and provenance."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!lyg_cli_parse (context, &argc, &argv) || !check_lang (lang))
    return LYG_CLI_USAGE;

  if (argc > 1)
    {
      g_printerr ("lygte-cli: %s\n", _("“catalogues” takes no arguments"));
      return LYG_CLI_USAGE;
    }

  if (!(set = lyg_catalogue_set_new_shipped (&error)))
    return fail (g_steal_pointer (&error));

  list = lyg_catalogue_set_list (set, all_versions);
  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < list->len; i++)
    {
      LygCatalogue *catalogue = g_ptr_array_index (list, i);

      json_builder_add_value (builder, lyg_catalogue_to_summary_json (catalogue, lang));
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  print_json (root);

  return LYG_CLI_OK;
}

static JsonNode *
read_answers (const char  *path,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (g_str_equal (path, "-"))
    {
      g_autoptr(GString) str = g_string_new (NULL);
      char buf[4096];
      size_t n;

      while ((n = fread (buf, 1, sizeof buf, stdin)) > 0)
        g_string_append_len (str, buf, n);

      length = str->len;
      contents = g_string_free (g_steal_pointer (&str), FALSE);
    }
  else if (!g_file_get_contents (path, &contents, &length, error))
    {
      return NULL;
    }

  if (!json_parser_load_from_data (parser, contents, length, &local_error))
    {
      g_set_error (error, LYG_SCREENING_ERROR, LYG_SCREENING_ERROR_INVALID,
                   "%s: %s", path, local_error->message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, LYG_SCREENING_ERROR, LYG_SCREENING_ERROR_INVALID,
                   _("%s: no answers (the file is empty)"), path);
      return NULL;
    }

  return json_node_copy (json_parser_get_root (parser));
}

int
lyg_cli_score (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LygScreeningAnswers) answers = NULL;
  g_autoptr(LygScreeningResult) result = NULL;
  g_autoptr(LygCatalogueSet) set = NULL;
  g_autoptr(JsonNode) answers_json = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *spec = NULL;
  g_autofree char *answers_path = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *lang = NULL;
  LygCatalogue *catalogue;
  const GOptionEntry entries[] = {
    { "catalogue", 'c', 0, G_OPTION_ARG_STRING, &spec,
      N_("The catalogue, optionally pinned to a version"), N_("ID[@VERSION]") },
    { "answers", 'a', 0, G_OPTION_ARG_FILENAME, &answers_path,
      N_("JSON file of answers (“-” for standard input)"), N_("FILE") },
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &profile,
      N_("adult-labour, adult-sexual, child-labour or child-sexual"), N_("PROFILE") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang,
      N_("Language of the catalogue texts (en or da)"), N_("LANG") },
    { NULL }
  };

  g_return_val_if_fail (argc >= 1, LYG_CLI_USAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Scores answers against a catalogue and prints the full "
                                  "result as JSON. The answers map indicator ids to "
                                  "“observed”, “reported”, “not_present” or “unknown”, or "
                                  "to {\"answer\": …, \"note\": …}."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!lyg_cli_parse (context, &argc, &argv) || !check_lang (lang))
    return LYG_CLI_USAGE;

  if (spec == NULL || answers_path == NULL || argc > 1)
    {
      g_printerr ("lygte-cli: %s\n",
                  _("Usage: lygte-cli score --catalogue ID[@VERSION] --answers FILE "
                    "[--profile PROFILE]"));
      return LYG_CLI_USAGE;
    }

  if (!(set = lyg_catalogue_set_new_shipped (&error)) ||
      !(catalogue = lyg_catalogue_set_lookup_spec (set, spec, &error)) ||
      !(answers_json = read_answers (answers_path, &error)) ||
      !(answers = lyg_screening_answers_from_json (answers_json, &error)) ||
      !(result = lyg_screening_score (catalogue, profile, answers, &error)))
    return fail (g_steal_pointer (&error));

  root = lyg_screening_result_to_json (result, lang);
  print_json (root);

  return LYG_CLI_OK;
}
