/* lyg-person-export.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-vault.h"

G_BEGIN_DECLS

/* The right of access (DESIGN §10): everything recorded about one person,
 * the same set an erasure would remove (lyg-erasure.h), as JSON for
 * another system or as a plain-text document with translated labels to
 * hand to the person. Both hold personal data in the clear: the caller
 * writes them only where the user chose.
 */

#define LYG_PERSON_EXPORT_FORMAT "lygte-person-export/1"

typedef enum
{
  LYG_PERSON_EXPORT_TEXT,
  LYG_PERSON_EXPORT_JSON,
} LygPersonExportKind;

char     *lyg_person_export           (LygVault             *vault,
                                       const char           *person_id,
                                       LygPersonExportKind   kind,
                                       gint64                now,
                                       guint                *n_records,
                                       GError              **error);
gboolean  lyg_person_export_to_file   (LygVault             *vault,
                                       const char           *person_id,
                                       LygPersonExportKind   kind,
                                       GFile                *file,
                                       GError              **error);

G_END_DECLS
