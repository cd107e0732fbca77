/* lyg-passphrase.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a passphrase for a new vault rates. TOO_SHORT and COMMON are refused;
 * the others are accepted with a hint.
 */
typedef enum
{
  LYG_PASSPHRASE_EMPTY,
  LYG_PASSPHRASE_TOO_SHORT,
  LYG_PASSPHRASE_COMMON,
  LYG_PASSPHRASE_FAIR,
  LYG_PASSPHRASE_GOOD,
  LYG_PASSPHRASE_STRONG,
} LygPassphraseStrength;

#define LYG_PASSPHRASE_MIN_LENGTH 10

LygPassphraseStrength  lyg_passphrase_check         (const char            *passphrase);
gboolean               lyg_passphrase_is_acceptable (LygPassphraseStrength  strength);
const char            *lyg_passphrase_describe      (LygPassphraseStrength  strength);
double                 lyg_passphrase_level         (LygPassphraseStrength  strength);

G_END_DECLS
