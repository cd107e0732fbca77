/* test-passphrase.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "lyg-passphrase.h"

static void
assert_strength (const char            *passphrase,
                 LygPassphraseStrength  expected)
{
  LygPassphraseStrength got = lyg_passphrase_check (passphrase);

  if (got != expected)
    g_error ("“%s”: expected strength %d, got %d", passphrase, expected, got);
}

static void
test_passphrase_refused (void)
{
  static const char * const too_short[] = { "a", "hunter2", "Tr0ub4dor", "æøåæøåæøå" };
  static const char * const common[] = {
    "password123", "Password2024!", "P4ssw0rd!!!", "passwordpassword", "1234567890",
    "0123456789", "9876543210", "qwertyuiop", "asdfghjkl;", "aaaaaaaaaaaa", "abcabcabcabc",
    "abcdefghijkl", "1q2w3e4r5t", "iloveyou12345", "Sommer2025!!", "velkommen123",
    "ababababababab", "1111122222", "lygtelygte",
  };

  assert_strength (NULL, LYG_PASSPHRASE_EMPTY);
  assert_strength ("", LYG_PASSPHRASE_EMPTY);

  for (guint i = 0; i < G_N_ELEMENTS (too_short); i++)
    assert_strength (too_short[i], LYG_PASSPHRASE_TOO_SHORT);

  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    assert_strength (common[i], LYG_PASSPHRASE_COMMON);

  g_assert_false (lyg_passphrase_is_acceptable (LYG_PASSPHRASE_EMPTY));
  g_assert_false (lyg_passphrase_is_acceptable (LYG_PASSPHRASE_TOO_SHORT));
  g_assert_false (lyg_passphrase_is_acceptable (LYG_PASSPHRASE_COMMON));
}

static void
test_passphrase_accepted (void)
{
  static const char * const accepted[] = {
    "violet anchor meadow 42", "correct horse battery staple", "Kaffe på Nørrebro kl. 7",
    "tn8#Lq2!vZ0r", "meadowlarks",
  };

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      LygPassphraseStrength s = lyg_passphrase_check (accepted[i]);

      if (!lyg_passphrase_is_acceptable (s))
        g_error ("“%s” was refused (%d)", accepted[i], s);
    }

  assert_strength ("correct horse battery staple", LYG_PASSPHRASE_STRONG);
  assert_strength ("meadowlarks", LYG_PASSPHRASE_FAIR);
}

static void
test_passphrase_describe (void)
{
  for (int s = LYG_PASSPHRASE_EMPTY; s <= LYG_PASSPHRASE_STRONG; s++)
    {
      g_assert_nonnull (lyg_passphrase_describe (s));
      g_assert_cmpfloat (lyg_passphrase_level (s), >=, 0);
      g_assert_cmpfloat (lyg_passphrase_level (s), <=, 4);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lyg/passphrase/refused", test_passphrase_refused);
  g_test_add_func ("/lyg/passphrase/accepted", test_passphrase_accepted);
  g_test_add_func ("/lyg/passphrase/describe", test_passphrase_describe);

  return g_test_run ();
}
