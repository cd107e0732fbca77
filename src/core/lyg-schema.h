/* lyg-schema.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The record types and fields users fill in, with the enumerations the
 * seeds use (../shared/domain.md). The merge and the store do not look at
 * this: it validates what comes in from forms and the CLI, and gives
 * labels. Enum ids are stable; labels are translated.
 */

typedef enum
{
  LYG_FIELD_TEXT,       /* free text, searchable */
  LYG_FIELD_STRING,     /* short code such as an ISO country or language */
  LYG_FIELD_INT,
  LYG_FIELD_BOOL,
  LYG_FIELD_DATE,       /* YYYY-MM-DD */
  LYG_FIELD_DATETIME,   /* ISO 8601 with offset */
  LYG_FIELD_ENUM,
  LYG_FIELD_ENUM_SET,   /* array of enum ids */
  LYG_FIELD_STRV,       /* array of strings */
  LYG_FIELD_REF,        /* another record's id */
  LYG_FIELD_OBJECT,     /* structured JSON owned by a module (screening answers) */
} LygFieldKind;

typedef struct
{
  const char *id;
  const char *label;    /* untranslated; use lyg_schema_enum_label() */
} LygEnumValue;

typedef struct
{
  const char         *name;
  LygFieldKind        kind;
  const char         *enum_name;
  const char         *label;
} LygFieldSpec;

typedef struct
{
  const char         *name;
  const char         *label;
  const char         *title_field;
  const LygFieldSpec *fields;
} LygTypeSpec;

const LygTypeSpec   *lyg_schema_lookup_type   (const char          *type);
const char * const  *lyg_schema_list_types    (void);
const LygFieldSpec  *lyg_schema_lookup_field  (const LygTypeSpec   *type,
                                               const char          *field);
const LygEnumValue  *lyg_schema_enum_values   (const char          *enum_name,
                                               guint               *n_values);
gboolean             lyg_schema_enum_has      (const char          *enum_name,
                                               const char          *id);
const char          *lyg_schema_enum_label    (const char          *enum_name,
                                               const char          *id);
gboolean             lyg_schema_check_value   (const LygFieldSpec  *field,
                                               JsonNode            *value,
                                               GError             **error);

G_END_DECLS
