/* test-util.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-util.h"

char *
test_vault_path (const char *name)
{
  /* G_TEST_OPTION_ISOLATE_DIRS gives every test case its own data dir. */
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

LygVault *
test_vault_new (const char *name,
                const char *passphrase)
{
  g_autofree char *path = test_vault_path (name);
  g_autoptr(GError) error = NULL;
  LygKdfParams params = lyg_kdf_params_minimum ();
  LygVault *vault;

  vault = lyg_vault_create (path, passphrase, &params, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vault);

  return vault;
}

LygRecord *
test_person_new (const char *alias,
                 const char *notes)
{
  LygRecord *record = lyg_record_new ("person");

  lyg_record_set_string (record, "alias", alias);
  if (notes != NULL)
    lyg_record_set_string (record, "notes", notes);

  return record;
}

gboolean
test_file_contains (const char *path,
                    const char *needle,
                    gsize       needle_len)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;

  return memmem (contents, len, needle, needle_len) != NULL;
}
