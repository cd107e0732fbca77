/* lyg-record.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define LYG_RECORD_ERROR (lyg_record_error_quark ())

typedef enum
{
  LYG_RECORD_ERROR_INVALID,
  LYG_RECORD_ERROR_UNKNOWN_TYPE,
  LYG_RECORD_ERROR_UNKNOWN_FIELD,
  LYG_RECORD_ERROR_BAD_VALUE,
  LYG_RECORD_ERROR_MISMATCH,
} LygRecordError;

/* One value that lost a concurrent write and is kept so nobody's entry is
 * silently dropped (DESIGN §6).
 */
typedef struct
{
  char     *field;
  JsonNode *value;
  char     *stamp;
} LygConflict;

#define LYG_TYPE_RECORD (lyg_record_get_type ())

G_DECLARE_FINAL_TYPE (LygRecord, lyg_record, LYG, RECORD, GObject)

GQuark       lyg_record_error_quark      (void);
guint        lyg_record_get_n_alive      (void);
LygRecord   *lyg_record_new              (const char   *type);
LygRecord   *lyg_record_new_with_id      (const char   *type,
                                          const char   *id);
LygRecord   *lyg_record_copy             (LygRecord    *self);
const char  *lyg_record_get_id           (LygRecord    *self);
const char  *lyg_record_get_record_type  (LygRecord    *self);
char       **lyg_record_list_fields      (LygRecord    *self);
gboolean     lyg_record_has_field        (LygRecord    *self,
                                          const char   *field);
JsonNode    *lyg_record_get_value        (LygRecord    *self,
                                          const char   *field);
const char  *lyg_record_get_field_stamp  (LygRecord    *self,
                                          const char   *field);
const char  *lyg_record_get_string       (LygRecord    *self,
                                          const char   *field);
gint64       lyg_record_get_int          (LygRecord    *self,
                                          const char   *field,
                                          gint64        default_value);
gboolean     lyg_record_get_boolean      (LygRecord    *self,
                                          const char   *field);
char       **lyg_record_dup_strv         (LygRecord    *self,
                                          const char   *field);
void         lyg_record_set_value        (LygRecord    *self,
                                          const char   *field,
                                          JsonNode     *value);
void         lyg_record_set_string       (LygRecord    *self,
                                          const char   *field,
                                          const char   *value);
void         lyg_record_set_int          (LygRecord    *self,
                                          const char   *field,
                                          gint64        value);
void         lyg_record_set_boolean      (LygRecord    *self,
                                          const char   *field,
                                          gboolean      value);
void         lyg_record_set_strv         (LygRecord    *self,
                                          const char   *field,
                                          const char * const *value);
void         lyg_record_unset            (LygRecord    *self,
                                          const char   *field);
void         lyg_record_mark_deleted     (LygRecord    *self);
gboolean     lyg_record_is_deleted       (LygRecord    *self);
gboolean     lyg_record_is_new           (LygRecord    *self);
gboolean     lyg_record_has_pending      (LygRecord    *self);
void         lyg_record_discard_pending  (LygRecord    *self);
void         lyg_record_stamp_pending    (LygRecord    *self,
                                          const char   *stamp);
const char  *lyg_record_get_max_stamp    (LygRecord    *self);
GPtrArray   *lyg_record_get_conflicts    (LygRecord    *self);
gboolean     lyg_record_merge            (LygRecord    *self,
                                          LygRecord    *other,
                                          gboolean     *changed,
                                          GError      **error);
gboolean     lyg_record_equal            (LygRecord    *a,
                                          LygRecord    *b);
char        *lyg_record_serialize        (LygRecord    *self,
                                          gsize        *length);
LygRecord   *lyg_record_deserialize      (const char   *data,
                                          gssize        length,
                                          GError      **error);
JsonNode    *lyg_record_to_plain_json    (LygRecord    *self);
gboolean     lyg_record_apply_plain_json (LygRecord    *self,
                                          JsonObject   *object,
                                          GError      **error);

void         lyg_conflict_free           (LygConflict  *conflict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LygConflict, lyg_conflict_free)

G_END_DECLS
