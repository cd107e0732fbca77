/* test-util.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-vault.h"

G_BEGIN_DECLS

char       *test_vault_path      (const char *name);
LygVault   *test_vault_new       (const char *name,
                                  const char *passphrase);
LygRecord  *test_person_new      (const char *alias,
                                  const char *notes);
gboolean    test_file_contains   (const char *path,
                                  const char *needle,
                                  gsize       needle_len);

G_END_DECLS
