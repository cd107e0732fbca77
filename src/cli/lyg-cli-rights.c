/* lyg-cli-rights.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lygte-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lyg-audit.h"
#include "lyg-cli.h"
#include "lyg-erasure.h"
#include "lyg-person-export.h"

/* The rights of the people recorded, from the command line: the export
 * goes to standard output and is noted in the activity log; the erasure
 * wants --yes, as the person page wants a confirmation. */

int
lyg_cli_export_person (LygCliOptions  *options,
                       int             argc,
                       char          **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *detail = NULL;
  gboolean json = FALSE;
  guint n_records = 0;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("JSON instead of a readable document"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("ID — print everything recorded about a person"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!lyg_cli_parse (context, &argc, &argv))
    return LYG_CLI_USAGE;
  if (argc != 2)
    return lyg_cli_fail_message (_("Give exactly one person id"));

  if (!(vault = lyg_cli_open_vault (options, &error)))
    return lyg_cli_fail (g_steal_pointer (&error));

  data = lyg_person_export (vault, argv[1],
                            json ? LYG_PERSON_EXPORT_JSON : LYG_PERSON_EXPORT_TEXT,
                            g_get_real_time () / G_USEC_PER_SEC, &n_records, &error);
  if (data == NULL)
    return lyg_cli_fail (g_steal_pointer (&error));

  fputs (data, stdout);
  if (!g_str_has_suffix (data, "\n"))
    fputc ('\n', stdout);

  detail = g_strdup_printf ("records=%u;format=%s", n_records, json ? "json" : "text");
  if (!lyg_audit_log (vault, LYG_AUDIT_EXPORT_PERSON, detail, &error))
    return lyg_cli_fail (g_steal_pointer (&error));

  return LYG_CLI_OK;
}

int
lyg_cli_erase_person (LygCliOptions  *options,
                      int             argc,
                      char          **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  gboolean yes = FALSE;
  guint n_erased = 0;
  GOptionEntry entries[] = {
    { "yes", 0, 0, G_OPTION_ARG_NONE, &yes, N_("Really erase; it cannot be undone"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("ID — erase a person and everything linked"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!lyg_cli_parse (context, &argc, &argv))
    return LYG_CLI_USAGE;
  if (argc != 2)
    return lyg_cli_fail_message (_("Give exactly one person id"));
  if (!yes)
    return lyg_cli_fail_message (_("Erasing cannot be undone: add --yes to erase"));

  if (!(vault = lyg_cli_open_vault (options, &error)) ||
      !lyg_erasure_erase_person (vault, argv[1], &n_erased, &error))
    return lyg_cli_fail (g_steal_pointer (&error));

  g_print (g_dngettext (GETTEXT_PACKAGE, "Erased %u record\n", "Erased %u records\n", n_erased),
           n_erased);

  return LYG_CLI_OK;
}
