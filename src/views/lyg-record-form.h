/* lyg-record-form.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-record.h"
#include "lyg-schema.h"

G_BEGIN_DECLS

/* How a form splits a type's fields into groups. Fields no group names go
 * into a last, untitled group; references and structured fields are never
 * shown (the page that owns the record sets them).
 */
typedef struct
{
  const char         *title;      /* untranslated, or NULL */
  const char * const *fields;
} LygRecordFormGroup;

#define LYG_TYPE_RECORD_FORM (lyg_record_form_get_type ())

G_DECLARE_FINAL_TYPE (LygRecordForm, lyg_record_form, LYG, RECORD_FORM, GtkBox)

GtkWidget   *lyg_record_form_new           (const char               *type,
                                            const LygRecordFormGroup *groups,
                                            guint                     n_groups);
const char  *lyg_record_form_get_kind      (LygRecordForm            *self);
void         lyg_record_form_set_record    (LygRecordForm            *self,
                                            LygRecord                *record);
gboolean     lyg_record_form_apply         (LygRecordForm            *self,
                                            LygRecord                *record);
gboolean     lyg_record_form_get_dirty     (LygRecordForm            *self);
gboolean     lyg_record_form_get_valid     (LygRecordForm            *self);
GtkWidget   *lyg_record_form_get_row       (LygRecordForm            *self,
                                            const char               *field);
GtkWidget   *lyg_record_form_get_group     (LygRecordForm            *self,
                                            guint                     index);
void         lyg_record_form_mark_conflict (LygRecordForm            *self,
                                            const char               *field,
                                            gboolean                  conflict);
JsonNode    *lyg_record_form_get_value     (LygRecordForm            *self,
                                            const char               *field);
void         lyg_record_form_set_value     (LygRecordForm            *self,
                                            const char               *field,
                                            JsonNode                 *value);

char        *lyg_record_format_value       (const LygFieldSpec       *field,
                                            JsonNode                 *value);

G_END_DECLS
