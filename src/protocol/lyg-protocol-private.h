/* lyg-protocol-private.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-protocol.h"

G_BEGIN_DECLS

/* Parsing and building helpers shared by the files of the protocol library:
 * lyg-protocol.c (errors, helpers and small formats), lyg-protocol-envelope.c
 * (envelopes, push and pull) and lyg-protocol-enroll.c (enrollment, invites
 * and devices).
 */

gboolean    _lyg_protocol_malformed       (GError     **error,
                                           const char  *what);
gboolean    _lyg_protocol_name_is_valid   (const char *name,
                                           gboolean    allow_empty);
JsonParser *_lyg_protocol_load_object     (GBytes      *body,
                                           JsonObject **object,
                                           GError     **error);
gboolean    _lyg_protocol_get_string      (JsonObject  *object,
                                           const char  *member,
                                           gboolean     required,
                                           gsize        max_len,
                                           const char **out,
                                           GError     **error);
gboolean    _lyg_protocol_get_int         (JsonObject  *object,
                                           const char  *member,
                                           gboolean     required,
                                           gint64       min,
                                           gint64       max,
                                           gboolean    *present,
                                           gint64      *out,
                                           GError     **error);
gboolean    _lyg_protocol_get_bool        (JsonObject  *object,
                                           const char  *member,
                                           gboolean    *out,
                                           GError     **error);
JsonArray  *_lyg_protocol_get_array       (JsonObject  *object,
                                           const char  *member,
                                           guint        max_len,
                                           GError     **error);
gboolean    _lyg_protocol_get_role        (JsonObject  *object,
                                           const char  *member,
                                           gboolean     required,
                                           LygRole     *role,
                                           GError     **error);
gboolean    _lyg_protocol_get_time        (JsonObject  *object,
                                           const char  *member,
                                           gboolean     required,
                                           gint64      *out,
                                           GError     **error);
GBytes     *_lyg_protocol_object_to_bytes (JsonObject *object);

G_END_DECLS
