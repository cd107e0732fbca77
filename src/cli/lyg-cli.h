/* lyg-cli.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "lyg-vault.h"

G_BEGIN_DECLS

/* Exit codes: 0 success, 1 failure (one line on stderr), 2 wrong usage. */
#define LYG_CLI_OK      0
#define LYG_CLI_FAILED  1
#define LYG_CLI_USAGE   2

typedef struct
{
  char *vault_path;
  char *passphrase_file;
} LygCliOptions;

int        lyg_cli_main            (int             argc,
                                    char          **argv);
int        lyg_cli_fail            (GError         *error);
int        lyg_cli_fail_message    (const char     *format,
                                    ...) G_GNUC_PRINTF (1, 2);
void       lyg_cli_print_json      (JsonNode       *node);
char      *lyg_cli_read_passphrase (const char     *env_name,
                                    const char     *file,
                                    const char     *prompt,
                                    gboolean        confirm,
                                    GError        **error);
LygVault  *lyg_cli_open_vault      (LygCliOptions  *options,
                                    GError        **error);
gboolean   lyg_cli_parse           (GOptionContext *context,
                                    int            *argc,
                                    char         ***argv);

int        lyg_cli_init            (LygCliOptions  *options,
                                    int             argc,
                                    char          **argv);
int        lyg_cli_add             (LygCliOptions  *options,
                                    int             argc,
                                    char          **argv);
int        lyg_cli_edit            (LygCliOptions  *options,
                                    int             argc,
                                    char          **argv);
int        lyg_cli_get             (LygCliOptions  *options,
                                    int             argc,
                                    char          **argv);
int        lyg_cli_list            (LygCliOptions  *options,
                                    int             argc,
                                    char          **argv);
int        lyg_cli_search          (LygCliOptions  *options,
                                    int             argc,
                                    char          **argv);
int        lyg_cli_delete          (LygCliOptions  *options,
                                    int             argc,
                                    char          **argv);
int        lyg_cli_passwd          (LygCliOptions  *options,
                                    int             argc,
                                    char          **argv);
int        lyg_cli_export_person   (LygCliOptions  *options,
                                    int             argc,
                                    char          **argv);
int        lyg_cli_erase_person    (LygCliOptions  *options,
                                    int             argc,
                                    char          **argv);

int        lyg_cli_join            (LygCliOptions  *options,
                                    int             argc,
                                    char          **argv);
int        lyg_cli_invite          (LygCliOptions  *options,
                                    int             argc,
                                    char          **argv);
int        lyg_cli_sync            (LygCliOptions  *options,
                                    int             argc,
                                    char          **argv);
int        lyg_cli_devices         (LygCliOptions  *options,
                                    int             argc,
                                    char          **argv);
int        lyg_cli_revoke          (LygCliOptions  *options,
                                    int             argc,
                                    char          **argv);

G_END_DECLS
