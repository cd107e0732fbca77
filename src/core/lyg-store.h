/* lyg-store.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "lyg-envelope.h"

G_BEGIN_DECLS

#define LYG_STORE_ERROR          (lyg_store_error_quark ())
#define LYG_STORE_SCHEMA_VERSION 2

typedef enum
{
  LYG_STORE_ERROR_ENGINE,
  LYG_STORE_ERROR_CONSTRAINT,
  LYG_STORE_ERROR_NOT_FOUND,
  LYG_STORE_ERROR_CORRUPT,
  LYG_STORE_ERROR_SCHEMA_TOO_NEW,
  LYG_STORE_ERROR_EXISTS,
  LYG_STORE_ERROR_IO,
} LygStoreError;

typedef gboolean (*LygStoreEnvelopeFunc) (const LygEnvelope *envelope,
                                          gpointer           user_data,
                                          GError           **error);

#define LYG_TYPE_STORE (lyg_store_get_type ())

G_DECLARE_FINAL_TYPE (LygStore, lyg_store, LYG, STORE, GObject)

GQuark        lyg_store_error_quark      (void);
LygStore     *lyg_store_create           (const char            *path,
                                          GError               **error);
LygStore     *lyg_store_open             (const char            *path,
                                          GError               **error);
const char   *lyg_store_get_path         (LygStore              *self);
gboolean      lyg_store_begin            (LygStore              *self,
                                          GError               **error);
gboolean      lyg_store_commit           (LygStore              *self,
                                          GError               **error);
void          lyg_store_rollback         (LygStore              *self);
gboolean      lyg_store_put_envelope     (LygStore              *self,
                                          const LygEnvelope     *envelope,
                                          gboolean               to_outbox,
                                          GError               **error);
LygEnvelope  *lyg_store_get_envelope     (LygStore              *self,
                                          const char            *id,
                                          GError               **error);
gboolean      lyg_store_delete_envelope  (LygStore              *self,
                                          const char            *id,
                                          GError               **error);
gboolean      lyg_store_foreach_envelope (LygStore              *self,
                                          LygStoreEnvelopeFunc   func,
                                          gpointer               user_data,
                                          GError               **error);
gint64        lyg_store_count_envelopes  (LygStore              *self,
                                          GError               **error);
GPtrArray    *lyg_store_outbox_peek      (LygStore              *self,
                                          guint                  limit,
                                          GError               **error);
gboolean      lyg_store_outbox_ack       (LygStore              *self,
                                          const char            *id,
                                          const char            *hlc,
                                          const char            *device,
                                          GError               **error);
gboolean      lyg_store_outbox_requeue_all (LygStore            *self,
                                          GError               **error);
gint64        lyg_store_outbox_count     (LygStore              *self,
                                          GError               **error);
gboolean      lyg_store_quarantine       (LygStore              *self,
                                          const LygEnvelope     *envelope,
                                          const char            *reason,
                                          GError               **error);
gint64        lyg_store_quarantine_count (LygStore              *self,
                                          GError               **error);
GBytes       *lyg_store_get_meta         (LygStore              *self,
                                          const char            *key,
                                          GError               **error);
gboolean      lyg_store_set_meta         (LygStore              *self,
                                          const char            *key,
                                          GBytes                *value,
                                          GError               **error);
gboolean      lyg_store_delete_meta      (LygStore              *self,
                                          const char            *key,
                                          GError               **error);
char        **lyg_store_list_meta        (LygStore              *self,
                                          const char            *prefix,
                                          GError               **error);
gboolean      lyg_store_checkpoint       (LygStore              *self,
                                          GError               **error);
gboolean      lyg_store_integrity_check  (LygStore              *self,
                                          GError               **error);
gboolean      lyg_store_mark_erase       (LygStore              *self,
                                          const char            *id,
                                          GError               **error);
gboolean      lyg_store_compact          (LygStore              *self,
                                          GError               **error);

G_END_DECLS
