/* lyg-cli-catalogue.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int lyg_cli_catalogues (int    argc,
                        char **argv);
int lyg_cli_score      (int    argc,
                        char **argv);

G_END_DECLS
