/* lyg-cli.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "lyg-cli.h"

#ifdef HAVE_CLI_CATALOGUE
# include "lyg-cli-catalogue.h"
#endif

typedef int (*CommandFunc) (LygCliOptions *options,
                            int            argc,
                            char         **argv);

typedef struct
{
  const char  *name;
  CommandFunc  func;
  const char  *help;
} Command;

#ifdef HAVE_CLI_CATALOGUE
static int
run_catalogues (LygCliOptions *options,
                int            argc,
                char         **argv)
{
  return lyg_cli_catalogues (argc, argv);
}

static int
run_score (LygCliOptions *options,
           int            argc,
           char         **argv)
{
  return lyg_cli_score (argc, argv);
}
#endif

static const Command commands[] = {
  { "init", lyg_cli_init, N_("Create a new vault") },
  { "add", lyg_cli_add, N_("Add a record given as JSON on standard input; prints its id") },
  { "edit", lyg_cli_edit, N_("Change fields of record ID from JSON on standard input") },
  { "get", lyg_cli_get, N_("Print record ID as JSON") },
  { "list", lyg_cli_list, N_("List records [--type TYPE]") },
  { "search", lyg_cli_search, N_("Search names, aliases, notes and areas") },
  { "delete", lyg_cli_delete, N_("Delete record ID") },
  { "passwd", lyg_cli_passwd, N_("Change the vault passphrase") },
  { "export-person", lyg_cli_export_person, N_("Print everything recorded about person ID [--json]") },
  { "erase-person", lyg_cli_erase_person, N_("Erase person ID and everything linked (--yes)") },
  { "join", lyg_cli_join, N_("Join a team (bootstrap code, or invitation and secret)") },
  { "invite", lyg_cli_invite, N_("Invite a device into the team (coordinators)") },
  { "sync", lyg_cli_sync, N_("Send and receive records; prints the sync report") },
  { "devices", lyg_cli_devices, N_("List the team’s devices (coordinators)") },
  { "revoke", lyg_cli_revoke, N_("Remove a device from the team (coordinators)") },
#ifdef HAVE_CLI_CATALOGUE
  { "catalogues", run_catalogues, N_("List the indicator catalogues") },
  { "score", run_score, N_("Score answers against a catalogue") },
#endif
};

int
lyg_cli_fail (GError *error)
{
  g_printerr ("lygte-cli: %s\n", error ? error->message : _("Failed"));
  g_clear_error (&error);

  return LYG_CLI_FAILED;
}

int
lyg_cli_fail_message (const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("lygte-cli: %s\n", message);

  return LYG_CLI_FAILED;
}

void
lyg_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  /* JSON is UTF-8 whatever the locale; g_print() would convert it. */
  fputs (text, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

static char *
strip_line (char *line)
{
  gsize len = strlen (line);

  while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
    line[--len] = '\0';

  return line;
}

static char *
prompt_tty (const char  *prompt,
            GError     **error)
{
  struct termios old, quiet;
  char buf[1024];
  FILE *tty;
  char *line;

  tty = fopen ("/dev/tty", "r+");
  if (tty == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("No passphrase given: use --passphrase-file, LYGTE_PASSPHRASE, "
                             "or run in a terminal"));
      return NULL;
    }

  fprintf (tty, "%s", prompt);
  fflush (tty);
  tcgetattr (fileno (tty), &old);
  quiet = old;
  quiet.c_lflag &= ~ECHO;
  tcsetattr (fileno (tty), TCSAFLUSH, &quiet);
  line = fgets (buf, sizeof buf, tty);
  tcsetattr (fileno (tty), TCSAFLUSH, &old);
  fprintf (tty, "\n");
  fclose (tty);

  if (line == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("No passphrase given"));
      return NULL;
    }

  line = g_strdup (strip_line (buf));
  explicit_bzero (buf, sizeof buf);

  return line;
}

char *
lyg_cli_read_passphrase (const char  *env_name,
                         const char  *file,
                         const char  *prompt,
                         gboolean     confirm,
                         GError     **error)
{
  const char *env;
  char *first;
  g_autofree char *second = NULL;

  if (file != NULL)
    {
      g_autofree char *contents = NULL;
      char *newline;

      if (!g_file_get_contents (file, &contents, NULL, error))
        return NULL;
      /* The first line is the passphrase: a trailing newline is not part of it. */
      if ((newline = strchr (contents, '\n')) != NULL)
        *newline = '\0';
      return g_strdup (strip_line (contents));
    }

  env = env_name ? g_getenv (env_name) : NULL;
  if (env != NULL)
    return g_strdup (env);

  if (!(first = prompt_tty (prompt, error)))
    return NULL;

  if (confirm)
    {
      if (!(second = prompt_tty (_("Repeat the passphrase: "), error)))
        {
          g_free (first);
          return NULL;
        }
      if (!g_str_equal (first, second))
        {
          g_free (first);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The passphrases do not match"));
          return NULL;
        }
    }

  return first;
}

LygVault *
lyg_cli_open_vault (LygCliOptions  *options,
                    GError        **error)
{
  g_autoptr(LygVault) vault = NULL;
  g_autofree char *passphrase = NULL;

  if (!(vault = lyg_vault_open (options->vault_path, error)))
    return NULL;

  passphrase = lyg_cli_read_passphrase ("LYGTE_PASSPHRASE", options->passphrase_file,
                                        _("Passphrase: "), FALSE, error);
  if (passphrase == NULL)
    return NULL;

  if (!lyg_vault_unlock (vault, passphrase, error))
    return NULL;

  return g_steal_pointer (&vault);
}

gboolean
lyg_cli_parse (GOptionContext   *context,
               int              *argc,
               char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("lygte-cli: %s\n", error->message);
      return FALSE;
    }

  return TRUE;
}

static void
print_usage (void)
{
  g_printerr ("%s\n\n", _("Usage: lygte-cli [--vault FILE] [--passphrase-file FILE] COMMAND …"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_printerr ("  %-12s %s\n", commands[i].name, _(commands[i].help));
  g_printerr ("\n%s\n", _("The passphrase comes from --passphrase-file, LYGTE_PASSPHRASE or a "
                          "prompt."));
}

/* Global options may stand anywhere; they are taken out before the
 * command's own options are parsed. */
static gboolean
take_global (int           *argc,
             char         **argv,
             const char    *name,
             char         **value)
{
  gsize len = strlen (name);

  for (int i = 1; i < *argc; i++)
    {
      const char *arg = argv[i];
      int take = 0;

      if (g_str_equal (arg, name) && i + 1 < *argc)
        {
          g_free (*value);
          *value = g_strdup (argv[i + 1]);
          take = 2;
        }
      else if (strncmp (arg, name, len) == 0 && arg[len] == '=')
        {
          g_free (*value);
          *value = g_strdup (arg + len + 1);
          take = 1;
        }
      else if (g_str_equal (arg, "--"))
        break;

      if (take > 0)
        {
          memmove (&argv[i], &argv[i + take], sizeof (char *) * (*argc - i - take + 1));
          *argc -= take;
          i--;
        }
    }

  return TRUE;
}

int
lyg_cli_main (int    argc,
              char **argv)
{
  LygCliOptions options = { 0 };
  int ret = LYG_CLI_USAGE;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  take_global (&argc, argv, "--vault", &options.vault_path);
  take_global (&argc, argv, "--passphrase-file", &options.passphrase_file);

  if (options.vault_path == NULL)
    {
      const char *env = g_getenv ("LYGTE_VAULT");
      options.vault_path = env ? g_strdup (env) : lyg_vault_default_path ();
    }

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage ();
      ret = argc < 2 ? LYG_CLI_USAGE : LYG_CLI_OK;
      goto out;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        {
          ret = commands[i].func (&options, argc - 1, argv + 1);
          goto out;
        }
    }

  g_printerr ("lygte-cli: %s\n", _("Unknown command. Run “lygte-cli --help” for a list."));

out:
  g_free (options.vault_path);
  g_free (options.passphrase_file);

  return ret;
}
