/* lyg-json.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define LYG_JSON_MAX_DEPTH 64

/* For readers of a known layout that want to avoid building JsonObjects
 * for their own structure (lyg-record.c). */
typedef struct
{
  const char *p;
  const char *end;
  guint       depth;
} LygJsonCursor;

void      lyg_json_cursor_init   (LygJsonCursor *cursor,
                                  const char    *data,
                                  gsize          length);
gboolean  lyg_json_cursor_accept (LygJsonCursor *cursor,
                                  char           c);
char     *lyg_json_cursor_string (LygJsonCursor *cursor);
JsonNode *lyg_json_cursor_value  (LygJsonCursor *cursor);
gboolean  lyg_json_cursor_at_end (LygJsonCursor *cursor);

JsonNode *lyg_json_parse (const char  *data,
                          gsize        length,
                          GError     **error);

void      lyg_json_write        (GString     *out,
                                 JsonNode    *node);
void      lyg_json_write_string (GString     *out,
                                 const char  *s);

G_END_DECLS
