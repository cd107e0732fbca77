/* lyg-index.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "lyg-record.h"
#include "lyg-stats-fact.h"

G_BEGIN_DECLS

/* What lists, search and statistics need of a record, decrypted, in memory
 * only. The full record is decrypted again on demand from the store.
 */
typedef struct
{
  char   *id;
  char   *type;
  char   *title;     /* alias of a person, setting + area of an encounter … */
  char   *subtitle;
  char   *person;    /* linked person id, or NULL */
  char   *date;      /* ISO 8601 date the record is about, or NULL */
  char   *updated;   /* highest stamp */
} LygIndexEntry;

/* An entry and its search text, computed from a record without touching
 * the index, so that unlocking can prepare rows on several threads. */
typedef struct _LygIndexRow LygIndexRow;

#define LYG_TYPE_INDEX_ENTRY (lyg_index_entry_get_type ())
#define LYG_TYPE_INDEX       (lyg_index_get_type ())

G_DECLARE_FINAL_TYPE (LygIndex, lyg_index, LYG, INDEX, GObject)

GType           lyg_index_entry_get_type (void) G_GNUC_CONST;
LygIndexEntry  *lyg_index_entry_copy     (const LygIndexEntry *entry);
void            lyg_index_entry_free     (LygIndexEntry       *entry);

LygIndexRow    *lyg_index_row_new        (LygRecord           *record);
void            lyg_index_row_free       (LygIndexRow         *row);
gboolean        lyg_index_put_row        (LygIndex            *self,
                                          LygIndexRow         *row,
                                          GError             **error);

gboolean        lyg_index_put_rows       (LygIndex            *self,
                                          GPtrArray           *rows,
                                          guint                from,
                                          guint                to,
                                          GError             **error);

LygIndex       *lyg_index_new            (GError             **error);
LygIndex       *lyg_index_new_bulk       (GError             **error);
gboolean        lyg_index_start_bulk     (LygIndex            *self,
                                          GError             **error);
gboolean        lyg_index_finish_bulk    (LygIndex            *self,
                                          GError             **error);
gboolean        lyg_index_begin          (LygIndex            *self,
                                          GError             **error);
gboolean        lyg_index_commit         (LygIndex            *self,
                                          GError             **error);
void            lyg_index_rollback       (LygIndex            *self);
gboolean        lyg_index_put            (LygIndex            *self,
                                          LygRecord           *record,
                                          GError             **error);
gboolean        lyg_index_remove         (LygIndex            *self,
                                          const char          *id,
                                          GError             **error);
LygIndexEntry  *lyg_index_lookup         (LygIndex            *self,
                                          const char          *id);
GPtrArray      *lyg_index_list           (LygIndex            *self,
                                          const char          *type,
                                          GError             **error);
GPtrArray      *lyg_index_list_for_person(LygIndex            *self,
                                          const char          *person_id,
                                          GError             **error);
GPtrArray      *lyg_index_search         (LygIndex            *self,
                                          const char          *query,
                                          const char          *type,
                                          guint                limit,
                                          GError             **error);
guint           lyg_index_count          (LygIndex            *self,
                                          const char          *type);
void            lyg_index_clear          (LygIndex            *self);
gboolean        lyg_index_foreach_stats_row (LygIndex         *self,
                                             const char       *from,
                                             const char       *to,
                                             LygStatsRowFunc   func,
                                             gpointer          user_data,
                                             GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LygIndexEntry, lyg_index_entry_free)

G_END_DECLS
