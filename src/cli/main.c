/* main.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lyg-cli.h"

int
main (int   argc,
      char *argv[])
{
  return lyg_cli_main (argc, argv);
}
