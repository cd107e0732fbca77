/* lyg-passphrase.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-passphrase"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lyg-passphrase.h"

/* Not a strength meter that pretends to be precise: it refuses what an
 * attacker tries first (short, common words with decoration, keyboard walks,
 * repeats) and gives a rough idea of the rest from length and variety.
 */

static const char * const common_words[] = {
  "abc", "access", "admin", "administrator", "adgangskode", "angel", "autumn", "baseball",
  "batman", "charlie", "cheese", "changeme", "computer", "copenhagen", "danmark", "default",
  "denmark", "dragon", "efterar", "efterår", "flower", "football", "fodbold", "forar", "forår",
  "freedom", "hello", "hemmelig", "hunter", "iloveyou", "internet", "jegelskerdig", "kobenhavn",
  "københavn", "kodeord", "lantern", "letmein", "login", "loveme", "lygte", "master", "matrix",
  "monkey", "mustang", "outreach", "pass", "passord", "passwort", "password", "pokemon",
  "princess", "qwerty", "qwertz", "secret", "shadow", "soccer", "sommer", "spring", "starwars",
  "summer", "sunshine", "superman", "test", "trustno", "velkommen", "vinter", "welcome",
  "whatever", "winter",
};

static const char * const common_whole[] = {
  "1q2w3e4r5t", "1q2w3e4r5t6y", "1qaz2wsx3edc", "a1b2c3d4e5", "q1w2e3r4t5", "qazwsxedc",
  "qazwsxedcrfv", "zaq12wsx", "zaq1zaq1", "1qaz2wsx", "abcd1234", "qwerty123", "qwerty1234",
  "password1", "iloveyou1",
};

static const char * const keyboard_walks[] = {
  "1234567890", "0987654321", "qwertyuiopå", "åpoiuytrewq", "asdfghjklæø", "øælkjhgfdsa",
  "zxcvbnm", "mnbvcxz", "qwertzuiop", "azertyuiop", "abcdefghijklmnopqrstuvwxyzæøå",
  "åøæzyxwvutsrqponmlkjihgfedcba",
};

static gboolean
in_list (const char         *s,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (s, list[i]))
      return TRUE;
  return FALSE;
}

static gunichar
unleet (gunichar c)
{
  switch (c)
    {
    case '0': return 'o';
    case '1': return 'i';
    case '3': return 'e';
    case '4': return 'a';
    case '5': return 's';
    case '7': return 't';
    case '@': return 'a';
    case '$': return 's';
    case '!': return 'i';
    default:  return c;
    }
}

/* "P4ssw0rd2024!" → "password": drop leading and trailing digits and
 * punctuation, undo common letter substitutions, drop inner separators.
 */
static char *
core_word (const char *lower)
{
  const char *start = lower;
  const char *end = lower + strlen (lower);
  GString *core;

  while (*start && !g_unichar_isalpha (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (g_unichar_isalpha (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  core = g_string_new (NULL);
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = unleet (g_utf8_get_char (p));

      if (g_unichar_isalpha (c))
        g_string_append_unichar (core, c);
    }

  return g_string_free (core, FALSE);
}

/* TRUE if s is unit repeated two or more times (the last copy may be cut). */
static gboolean
is_repetition (const char *s)
{
  gsize len = strlen (s);

  for (gsize unit = 1; unit <= len / 2; unit++)
    {
      gboolean repeats = TRUE;

      for (gsize i = unit; i < len && repeats; i++)
        repeats = s[i] == s[i - unit];

      if (repeats)
        return TRUE;
    }

  return FALSE;
}

/* TRUE for runs such as "abcdefghij", "0123456789" or "9876543210". */
static gboolean
is_sequence (const char *s)
{
  int step = 0;
  gunichar prev = 0;
  guint n = 0;

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n == 1)
        step = (int) c - (int) prev;
      else if (n > 1 && (int) c - (int) prev != step)
        return FALSE;

      if (n >= 1 && step != 1 && step != -1)
        return FALSE;

      prev = c;
      n++;
    }

  return n > 2;
}

static gboolean
is_keyboard_walk (const char *lower)
{
  for (gsize i = 0; i < G_N_ELEMENTS (keyboard_walks); i++)
    {
      g_autofree char *doubled = g_strconcat (keyboard_walks[i], keyboard_walks[i], NULL);

      if (strstr (doubled, lower) != NULL)
        return TRUE;
    }

  return FALSE;
}

static guint
count_distinct (const char *s)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    g_hash_table_add (seen, GUINT_TO_POINTER (g_utf8_get_char (p)));

  return g_hash_table_size (seen);
}

static double
estimate_bits (const char *s,
               glong       n_chars)
{
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, other = FALSE, wide = FALSE;
  guint pool = 0;

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c > 127)
        wide = TRUE;
      else if (g_ascii_islower (c))
        lower = TRUE;
      else if (g_ascii_isupper (c))
        upper = TRUE;
      else if (g_ascii_isdigit (c))
        digit = TRUE;
      else
        other = TRUE;
    }

  pool += lower ? 26 : 0;
  pool += upper ? 26 : 0;
  pool += digit ? 10 : 0;
  pool += other ? 33 : 0;
  pool += wide ? 60 : 0;

  return (double) n_chars * log2 (MAX (pool, 2));
}

/**
 * lyg_passphrase_check:
 * @passphrase: (nullable): the passphrase a user typed
 *
 * Rates a passphrase for a new vault.
 *
 * Returns: the rating
 */
LygPassphraseStrength
lyg_passphrase_check (const char *passphrase)
{
  g_autofree char *lower = NULL;
  g_autofree char *core = NULL;
  gboolean core_dominates;
  glong n_chars;
  double bits;

  if (passphrase == NULL || *passphrase == '\0')
    return LYG_PASSPHRASE_EMPTY;

  if (!g_utf8_validate (passphrase, -1, NULL))
    return LYG_PASSPHRASE_COMMON;

  n_chars = g_utf8_strlen (passphrase, -1);
  if (n_chars < LYG_PASSPHRASE_MIN_LENGTH)
    return LYG_PASSPHRASE_TOO_SHORT;

  lower = g_utf8_strdown (passphrase, -1);
  core = core_word (lower);

  /* The letters carry the passphrase when they are at least half of it. */
  core_dominates = *core != '\0' && g_utf8_strlen (core, -1) * 2 >= n_chars;

  if (in_list (lower, common_whole, G_N_ELEMENTS (common_whole)) ||
      in_list (core, common_words, G_N_ELEMENTS (common_words)) ||
      is_repetition (lower) ||
      is_sequence (lower) ||
      is_keyboard_walk (lower) ||
      count_distinct (lower) < 5 ||
      (core_dominates && (is_repetition (core) ||
                          is_sequence (core) ||
                          is_keyboard_walk (core))))
    return LYG_PASSPHRASE_COMMON;

  bits = estimate_bits (passphrase, n_chars);

  if (bits >= 90)
    return LYG_PASSPHRASE_STRONG;
  else if (bits >= 60)
    return LYG_PASSPHRASE_GOOD;
  else
    return LYG_PASSPHRASE_FAIR;
}

gboolean
lyg_passphrase_is_acceptable (LygPassphraseStrength strength)
{
  return strength >= LYG_PASSPHRASE_FAIR;
}

/**
 * lyg_passphrase_describe:
 * @strength: a rating
 *
 * Returns: a translated hint for the user
 */
const char *
lyg_passphrase_describe (LygPassphraseStrength strength)
{
  switch (strength)
    {
    case LYG_PASSPHRASE_EMPTY:
      return _("Use at least 10 characters. A few unrelated words make a good passphrase.");

    case LYG_PASSPHRASE_TOO_SHORT:
      return _("Too short: use at least 10 characters.");

    case LYG_PASSPHRASE_COMMON:
      return _("Too easy to guess: avoid common words, repeats and keyboard patterns.");

    case LYG_PASSPHRASE_FAIR:
      return _("Acceptable, but a longer passphrase would be safer.");

    case LYG_PASSPHRASE_GOOD:
      return _("Good passphrase.");

    case LYG_PASSPHRASE_STRONG:
      return _("Strong passphrase.");

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * lyg_passphrase_level:
 * @strength: a rating
 *
 * Returns: a value between 0 and 4 for a #GtkLevelBar
 */
double
lyg_passphrase_level (LygPassphraseStrength strength)
{
  switch (strength)
    {
    case LYG_PASSPHRASE_EMPTY:
      return 0;

    case LYG_PASSPHRASE_TOO_SHORT:
    case LYG_PASSPHRASE_COMMON:
      return 1;

    case LYG_PASSPHRASE_FAIR:
      return 2;

    case LYG_PASSPHRASE_GOOD:
      return 3;

    case LYG_PASSPHRASE_STRONG:
      return 4;

    default:
      g_return_val_if_reached (0);
    }
}
