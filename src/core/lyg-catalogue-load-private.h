/* lyg-catalogue-load-private.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-catalogue-private.h"

G_BEGIN_DECLS

/* Shared by the files of the catalogue loader: lyg-catalogue-load.c reads
 * the catalogue and its header sections, lyg-catalogue-load-rule.c the
 * indicators and the scoring rule.
 */

typedef struct
{
  LygCatalogue *self;
  const char   *origin;
} ParseContext;

void        _lyg_catalogue_set_error           (ParseContext  *ctx,
                                                GError       **error,
                                                int            code,
                                                const char    *format,
                                                ...) G_GNUC_PRINTF (4, 5);
gboolean    _lyg_catalogue_node_is_string      (JsonNode *node);
gboolean    _lyg_catalogue_node_is_int         (JsonNode *node);
JsonNode   *_lyg_catalogue_get_member          (ParseContext  *ctx,
                                                JsonObject    *object,
                                                const char    *member,
                                                const char    *where,
                                                GError       **error);
const char *_lyg_catalogue_get_string          (ParseContext  *ctx,
                                                JsonObject    *object,
                                                const char    *member,
                                                const char    *where,
                                                GError       **error);
gboolean    _lyg_catalogue_get_optional_string (ParseContext  *ctx,
                                                JsonObject    *object,
                                                const char    *member,
                                                const char    *where,
                                                const char   **value,
                                                GError       **error);
const char *_lyg_catalogue_get_id              (ParseContext  *ctx,
                                                JsonObject    *object,
                                                const char    *member,
                                                const char    *where,
                                                GError       **error);
JsonObject *_lyg_catalogue_get_object          (ParseContext  *ctx,
                                                JsonObject    *object,
                                                const char    *member,
                                                const char    *where,
                                                GError       **error);
JsonArray  *_lyg_catalogue_get_array           (ParseContext  *ctx,
                                                JsonObject    *object,
                                                const char    *member,
                                                const char    *where,
                                                int            empty_code,
                                                GError       **error);
JsonObject *_lyg_catalogue_get_array_object    (ParseContext  *ctx,
                                                JsonArray     *array,
                                                guint          index,
                                                const char    *what,
                                                GError       **error);
gboolean    _lyg_catalogue_get_text            (ParseContext      *ctx,
                                                JsonObject        *object,
                                                const char        *member,
                                                const char        *where,
                                                LygCatalogueText  *text,
                                                GError           **error);
gboolean    _lyg_catalogue_parse_indicators    (ParseContext  *ctx,
                                                JsonObject    *root,
                                                GError       **error);
gboolean    _lyg_catalogue_parse_rule          (ParseContext  *ctx,
                                                JsonObject    *root,
                                                GError       **error);

G_END_DECLS
