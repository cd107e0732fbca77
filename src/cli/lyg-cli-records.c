/* lyg-cli-records.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gunixinputstream.h>

#include "lyg-cli.h"
#include "lyg-schema.h"

static JsonObject *
read_stdin_object (GError **error)
{
  g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_stream (parser, in, NULL, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, LYG_RECORD_ERROR, LYG_RECORD_ERROR_INVALID,
                           _("Standard input must hold one JSON object"));
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

static JsonNode *
entries_to_json (GPtrArray *entries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      LygIndexEntry *entry = g_ptr_array_index (entries, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, entry->id);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, entry->type);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, entry->title);
      if (entry->subtitle != NULL && *entry->subtitle != '\0')
        {
          json_builder_set_member_name (builder, "subtitle");
          json_builder_add_string_value (builder, entry->subtitle);
        }
      if (entry->date != NULL)
        {
          json_builder_set_member_name (builder, "date");
          json_builder_add_string_value (builder, entry->date);
        }
      if (entry->person != NULL)
        {
          json_builder_set_member_name (builder, "person");
          json_builder_add_string_value (builder, entry->person);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static JsonNode *
object_with_id (const char *id,
                const char *extra_member,
                gboolean    extra_value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  if (extra_member != NULL)
    {
      json_builder_set_member_name (builder, extra_member);
      json_builder_add_boolean_value (builder, extra_value);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
check_type (const char  *type,
            GError     **error)
{
  if (type != NULL && lyg_schema_lookup_type (type) == NULL)
    {
      g_autofree char *known = g_strjoinv (", ", (char **) lyg_schema_list_types ());

      g_set_error (error, LYG_RECORD_ERROR, LYG_RECORD_ERROR_UNKNOWN_TYPE,
                   _("Unknown record type “%s” (known: %s)"), type, known);
      return FALSE;
    }

  return TRUE;
}

int
lyg_cli_init (LygCliOptions  *options,
              int             argc,
              char          **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *passphrase = NULL;
  g_autofree char *kdf_profile = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  LygKdfParams params;
  GOptionEntry entries[] = {
    { "kdf-profile", 0, 0, G_OPTION_ARG_STRING, &kdf_profile,
      N_("Key derivation cost: moderate (default), interactive, sensitive, minimum"),
      "NAME" },
    { NULL }
  };

  context = g_option_context_new (_("— create a new vault"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!lyg_cli_parse (context, &argc, &argv))
    return LYG_CLI_USAGE;

  if (!lyg_kdf_params_from_name (kdf_profile ? kdf_profile : "default", &params))
    return lyg_cli_fail_message (_("Unknown key derivation profile “%s”"), kdf_profile);

  passphrase = lyg_cli_read_passphrase ("LYGTE_PASSPHRASE", options->passphrase_file,
                                        _("New passphrase: "), TRUE, &error);
  if (passphrase == NULL)
    return lyg_cli_fail (g_steal_pointer (&error));
  if (*passphrase == '\0')
    return lyg_cli_fail_message (_("The passphrase must not be empty"));

  if (!(vault = lyg_vault_create (options->vault_path, passphrase, &params, &error)))
    return lyg_cli_fail (g_steal_pointer (&error));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "vault");
  json_builder_add_string_value (builder, options->vault_path);
  json_builder_set_member_name (builder, "device");
  json_builder_add_string_value (builder, lyg_vault_get_device_id (vault));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  lyg_cli_print_json (root);

  return LYG_CLI_OK;
}

int
lyg_cli_add (LygCliOptions  *options,
             int             argc,
             char          **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(LygRecord) record = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(GError) error = NULL;
  const char *type;

  context = g_option_context_new (_("— add a record given as JSON on standard input"));
  if (!lyg_cli_parse (context, &argc, &argv))
    return LYG_CLI_USAGE;

  /* Read and check the input first: a bad record must not cost an unlock. */
  if (!(object = read_stdin_object (&error)))
    return lyg_cli_fail (g_steal_pointer (&error));

  type = json_object_get_string_member_with_default (object, "type", NULL);
  if (type == NULL)
    return lyg_cli_fail_message (_("The record needs a “type”"));
  if (!check_type (type, &error))
    return lyg_cli_fail (g_steal_pointer (&error));

  record = lyg_record_new (type);
  if (!lyg_record_apply_plain_json (record, object, &error))
    return lyg_cli_fail (g_steal_pointer (&error));

  if (!(vault = lyg_cli_open_vault (options, &error)) ||
      !lyg_vault_save_record (vault, record, &error))
    return lyg_cli_fail (g_steal_pointer (&error));

  out = object_with_id (lyg_record_get_id (record), NULL, FALSE);
  lyg_cli_print_json (out);

  return LYG_CLI_OK;
}

int
lyg_cli_edit (LygCliOptions  *options,
              int             argc,
              char          **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(LygRecord) record = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(GError) error = NULL;

  context = g_option_context_new (_("ID — change fields from JSON on standard input"));
  if (!lyg_cli_parse (context, &argc, &argv))
    return LYG_CLI_USAGE;
  if (argc != 2)
    return lyg_cli_fail_message (_("Give exactly one record id"));

  if (!(object = read_stdin_object (&error)) ||
      !(vault = lyg_cli_open_vault (options, &error)) ||
      !(record = lyg_vault_get_record (vault, argv[1], &error)))
    return lyg_cli_fail (g_steal_pointer (&error));

  if (lyg_record_is_deleted (record))
    return lyg_cli_fail_message (_("Record %s was deleted"), argv[1]);

  if (!lyg_record_apply_plain_json (record, object, &error) ||
      !lyg_vault_save_record (vault, record, &error))
    return lyg_cli_fail (g_steal_pointer (&error));

  out = lyg_record_to_plain_json (record);
  lyg_cli_print_json (out);

  return LYG_CLI_OK;
}

int
lyg_cli_get (LygCliOptions  *options,
             int             argc,
             char          **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(LygRecord) record = NULL;
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(GError) error = NULL;

  context = g_option_context_new (_("ID — print a record"));
  if (!lyg_cli_parse (context, &argc, &argv))
    return LYG_CLI_USAGE;
  if (argc != 2)
    return lyg_cli_fail_message (_("Give exactly one record id"));

  if (!(vault = lyg_cli_open_vault (options, &error)) ||
      !(record = lyg_vault_get_record (vault, argv[1], &error)))
    return lyg_cli_fail (g_steal_pointer (&error));

  out = lyg_record_to_plain_json (record);
  lyg_cli_print_json (out);

  return LYG_CLI_OK;
}

static int
list_or_search (LygCliOptions  *options,
                int             argc,
                char          **argv,
                gboolean        search)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *type = NULL;
  int limit = 0;
  GOptionEntry entries_opts[] = {
    { "type", 't', 0, G_OPTION_ARG_STRING, &type, N_("Only records of this type"), "TYPE" },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("At most this many results"), "N" },
    { NULL }
  };

  context = g_option_context_new (search ? _("QUERY — search records") : _("— list records"));
  g_option_context_add_main_entries (context, entries_opts, GETTEXT_PACKAGE);
  if (!lyg_cli_parse (context, &argc, &argv))
    return LYG_CLI_USAGE;
  if (search && argc < 2)
    return lyg_cli_fail_message (_("Give a search query"));
  if (!check_type (type, &error))
    return lyg_cli_fail (g_steal_pointer (&error));

  if (!(vault = lyg_cli_open_vault (options, &error)))
    return lyg_cli_fail (g_steal_pointer (&error));

  if (search)
    {
      g_autofree char *query = g_strjoinv (" ", argv + 1);
      entries = lyg_index_search (lyg_vault_get_index (vault), query, type, MAX (limit, 0),
                                  &error);
    }
  else
    entries = lyg_index_list (lyg_vault_get_index (vault), type, &error);

  if (entries == NULL)
    return lyg_cli_fail (g_steal_pointer (&error));

  if (!search && limit > 0 && entries->len > (guint) limit)
    g_ptr_array_set_size (entries, limit);

  out = entries_to_json (entries);
  lyg_cli_print_json (out);

  return LYG_CLI_OK;
}

int
lyg_cli_list (LygCliOptions  *options,
              int             argc,
              char          **argv)
{
  return list_or_search (options, argc, argv, FALSE);
}

int
lyg_cli_search (LygCliOptions  *options,
                int             argc,
                char          **argv)
{
  return list_or_search (options, argc, argv, TRUE);
}

int
lyg_cli_delete (LygCliOptions  *options,
                int             argc,
                char          **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(GError) error = NULL;

  context = g_option_context_new (_("ID — delete a record"));
  if (!lyg_cli_parse (context, &argc, &argv))
    return LYG_CLI_USAGE;
  if (argc != 2)
    return lyg_cli_fail_message (_("Give exactly one record id"));

  if (!(vault = lyg_cli_open_vault (options, &error)) ||
      !lyg_vault_delete_record (vault, argv[1], &error))
    return lyg_cli_fail (g_steal_pointer (&error));

  out = object_with_id (argv[1], "deleted", TRUE);
  lyg_cli_print_json (out);

  return LYG_CLI_OK;
}

int
lyg_cli_passwd (LygCliOptions  *options,
                int             argc,
                char          **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_passphrase = NULL;
  g_autofree char *new_passphrase = NULL;
  g_autofree char *new_file = NULL;
  g_autofree char *kdf_profile = NULL;
  LygKdfParams params;
  GOptionEntry entries[] = {
    { "new-passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &new_file,
      N_("Read the new passphrase from FILE (else LYGTE_NEW_PASSPHRASE or a prompt)"), "FILE" },
    { "kdf-profile", 0, 0, G_OPTION_ARG_STRING, &kdf_profile,
      N_("Key derivation cost for the new passphrase"), "NAME" },
    { NULL }
  };

  context = g_option_context_new (_("— change the vault passphrase"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!lyg_cli_parse (context, &argc, &argv))
    return LYG_CLI_USAGE;
  if (!lyg_kdf_params_from_name (kdf_profile ? kdf_profile : "default", &params))
    return lyg_cli_fail_message (_("Unknown key derivation profile “%s”"), kdf_profile);

  if (!(vault = lyg_vault_open (options->vault_path, &error)))
    return lyg_cli_fail (g_steal_pointer (&error));

  old_passphrase = lyg_cli_read_passphrase ("LYGTE_PASSPHRASE", options->passphrase_file,
                                            _("Current passphrase: "), FALSE, &error);
  if (old_passphrase == NULL)
    return lyg_cli_fail (g_steal_pointer (&error));
  new_passphrase = lyg_cli_read_passphrase ("LYGTE_NEW_PASSPHRASE", new_file,
                                            _("New passphrase: "), TRUE, &error);
  if (new_passphrase == NULL)
    return lyg_cli_fail (g_steal_pointer (&error));
  if (*new_passphrase == '\0')
    return lyg_cli_fail_message (_("The passphrase must not be empty"));

  if (!lyg_vault_change_passphrase (vault, old_passphrase, new_passphrase, &params, &error))
    return lyg_cli_fail (g_steal_pointer (&error));

  g_print ("{ \"changed\" : true }\n");

  return LYG_CLI_OK;
}
