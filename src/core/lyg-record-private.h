/* lyg-record-private.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-record.h"

G_BEGIN_DECLS

#define FORMAT_VERSION 1
#define DELETED_FIELD  "deleted"

typedef struct
{
  JsonNode *value;   /* never NULL; JSON null means "cleared" */
  char     *stamp;
  char     *prev;    /* NULL when the writer had no earlier value */
} Version;

struct _LygRecord
{
  GObject     parent_instance;

  char       *id;
  char       *type;
  GHashTable *fields;   /* name → GPtrArray<Version>, sorted by stamp */
  GHashTable *pending;  /* name → JsonNode, written at the next save */
  gboolean    is_new;   /* made by lyg_record_new() and never stamped */
};

Version    *_lyg_record_version_new        (JsonNode   *value,
                                            const char *stamp,
                                            const char *prev);
void        _lyg_record_version_free       (Version    *version);
GPtrArray  *_lyg_record_versions_new       (void);
GPtrArray  *_lyg_record_versions_join      (GPtrArray  *a,
                                            GPtrArray  *b);
GPtrArray  *_lyg_record_sorted_field_names (GHashTable *fields);

G_END_DECLS
