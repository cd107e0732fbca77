/* lyg-cli-team.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lyg-cli.h"
#include "lyg-sync-engine.h"
#include "lyg-team.h"

/* Every team command refuses a training vault before asking for a
 * passphrase; the team functions check again after it is unlocked. */
static LygVault *
open_team_vault (LygCliOptions  *options,
                 GError        **error)
{
  g_autoptr(LygVault) probe = NULL;

  if (!(probe = lyg_vault_open (options->vault_path, error)) ||
      !lyg_team_check_can_sync (probe, error))
    return NULL;
  g_clear_object (&probe);

  return lyg_cli_open_vault (options, error);
}

static const char *
default_device_name (void)
{
  return g_get_host_name ();
}

int
lyg_cli_join (LygCliOptions  *options,
              int             argc,
              char          **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;
  g_autofree char *pin = NULL;
  g_autofree char *bootstrap = NULL;
  g_autofree char *invitation = NULL;
  g_autofree char *invitation_file = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *name = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) out = NULL;
  LygRole role = LYG_ROLE_WORKER;
  GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server,
      N_("Server address, https://… (with --bootstrap)"), "URL" },
    { "pin", 0, 0, G_OPTION_ARG_STRING, &pin,
      N_("SHA-256 pin of the server certificate (with --bootstrap)"), "HEX" },
    { "bootstrap", 0, 0, G_OPTION_ARG_STRING, &bootstrap,
      N_("The bootstrap code that “lygte-server init” printed"), "CODE" },
    { "invitation", 0, 0, G_OPTION_ARG_STRING, &invitation,
      N_("The invitation text from a coordinator"), "TEXT" },
    { "invitation-file", 0, 0, G_OPTION_ARG_FILENAME, &invitation_file,
      N_("Read the invitation from FILE"), "FILE" },
    { "secret", 0, 0, G_OPTION_ARG_STRING, &secret,
      N_("The one-time secret that goes with the invitation"), "SECRET" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("A name for this device"), "NAME" },
    { NULL }
  };

  context = g_option_context_new (_("— join a team"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!lyg_cli_parse (context, &argc, &argv))
    return LYG_CLI_USAGE;

  if (invitation_file != NULL)
    {
      if (!g_file_get_contents (invitation_file, &invitation, NULL, &error))
        return lyg_cli_fail (g_steal_pointer (&error));
    }

  if ((bootstrap == NULL) == (invitation == NULL))
    return lyg_cli_fail_message (_("Give either --bootstrap with --server and --pin, or "
                                   "--invitation with --secret"));
  if (bootstrap != NULL && server == NULL)
    return lyg_cli_fail_message (_("--bootstrap needs --server"));
  if (invitation != NULL && secret == NULL)
    return lyg_cli_fail_message (_("--invitation needs --secret"));

  if (!(vault = open_team_vault (options, &error)))
    return lyg_cli_fail (g_steal_pointer (&error));

  if (bootstrap != NULL)
    {
      if (!lyg_team_join (vault, NULL, server, pin, bootstrap,
                          name ? name : default_device_name (), NULL, NULL, &role, &error))
        return lyg_cli_fail (g_steal_pointer (&error));
    }
  else if (!lyg_team_join_invitation (vault, invitation, secret,
                                      name ? name : default_device_name (), &role, &error))
    return lyg_cli_fail (g_steal_pointer (&error));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "joined");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "device");
  json_builder_add_string_value (builder, lyg_vault_get_device_id (vault));
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, lyg_role_to_string (role));
  json_builder_end_object (builder);
  out = json_builder_get_root (builder);
  lyg_cli_print_json (out);

  return LYG_CLI_OK;
}

int
lyg_cli_invite (LygCliOptions  *options,
                int             argc,
                char          **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role_name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *expires_text = NULL;
  g_autofree char *kdf_profile = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) out = NULL;
  LygKdfParams params;
  LygRole role = LYG_ROLE_WORKER;
  gint64 expires = 0;
  int ttl = 0;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Name of the device to invite"), "NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_name, N_("worker (default) or coordinator"),
      "ROLE" },
    { "ttl", 0, 0, G_OPTION_ARG_INT, &ttl, N_("Seconds until the invitation expires"), "S" },
    { "kdf-profile", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &kdf_profile, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("— invite a device into the team"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!lyg_cli_parse (context, &argc, &argv))
    return LYG_CLI_USAGE;
  if (name == NULL)
    return lyg_cli_fail_message (_("Give the device a --name"));
  if (role_name != NULL && !lyg_role_from_string (role_name, &role))
    return lyg_cli_fail_message (_("The role is “worker” or “coordinator”"));
  if (!lyg_kdf_params_from_name (kdf_profile ? kdf_profile : "interactive", &params))
    return lyg_cli_fail_message (_("Unknown key derivation profile “%s”"), kdf_profile);

  if (!(vault = open_team_vault (options, &error)))
    return lyg_cli_fail (g_steal_pointer (&error));

  text = lyg_team_invite (vault, NULL, name, role, ttl, &params, &secret, &expires, &error);
  if (text == NULL)
    return lyg_cli_fail (g_steal_pointer (&error));

  expires_text = lyg_protocol_format_time (expires);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "invitation");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "secret");
  json_builder_add_string_value (builder, secret);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, lyg_role_to_string (role));
  json_builder_set_member_name (builder, "expires");
  json_builder_add_string_value (builder, expires_text);
  json_builder_end_object (builder);
  out = json_builder_get_root (builder);
  lyg_cli_print_json (out);

  return LYG_CLI_OK;
}

int
lyg_cli_sync (LygCliOptions  *options,
              int             argc,
              char          **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(LygSyncEngine) engine = NULL;
  g_autoptr(LygSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) out = NULL;

  context = g_option_context_new (_("— send and receive records"));
  if (!lyg_cli_parse (context, &argc, &argv))
    return LYG_CLI_USAGE;

  if (!(vault = open_team_vault (options, &error)) ||
      !(engine = lyg_sync_engine_new_for_vault (vault, &error)) ||
      !(report = lyg_sync_engine_sync (engine, NULL, &error)))
    return lyg_cli_fail (g_steal_pointer (&error));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "pushed");
  json_builder_add_int_value (builder, report->pushed);
  json_builder_set_member_name (builder, "pulled");
  json_builder_add_int_value (builder, report->pulled);
  json_builder_set_member_name (builder, "conflicts");
  json_builder_add_int_value (builder, report->conflicts);
  json_builder_set_member_name (builder, "quarantined");
  json_builder_add_int_value (builder, report->quarantined);
  json_builder_end_object (builder);
  out = json_builder_get_root (builder);
  lyg_cli_print_json (out);

  return LYG_CLI_OK;
}

int
lyg_cli_devices (LygCliOptions  *options,
                 int             argc,
                 char          **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) out = NULL;

  context = g_option_context_new (_("— list the team’s devices"));
  if (!lyg_cli_parse (context, &argc, &argv))
    return LYG_CLI_USAGE;

  if (!(vault = open_team_vault (options, &error)) ||
      !(devices = lyg_team_list_devices (vault, NULL, &error)))
    return lyg_cli_fail (g_steal_pointer (&error));

  json_builder_begin_array (builder);
  for (guint i = 0; i < devices->len; i++)
    json_builder_add_value (builder, lyg_protocol_device_to_json (devices->pdata[i]));
  json_builder_end_array (builder);
  out = json_builder_get_root (builder);
  lyg_cli_print_json (out);

  return LYG_CLI_OK;
}

int
lyg_cli_revoke (LygCliOptions  *options,
                int             argc,
                char          **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(GError) error = NULL;

  context = g_option_context_new (_("DEVICE — remove a device from the team"));
  if (!lyg_cli_parse (context, &argc, &argv))
    return LYG_CLI_USAGE;
  if (argc != 2)
    return lyg_cli_fail_message (_("Give exactly one device id"));

  if (!(vault = open_team_vault (options, &error)) ||
      !lyg_team_revoke (vault, NULL, argv[1], &error))
    return lyg_cli_fail (g_steal_pointer (&error));

  g_print ("{ \"device\" : \"%s\", \"revoked\" : true }\n", argv[1]);

  return LYG_CLI_OK;
}
