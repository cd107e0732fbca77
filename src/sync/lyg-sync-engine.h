/* lyg-sync-engine.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-soup-transport.h"
#include "lyg-transport.h"
#include "lyg-vault.h"

G_BEGIN_DECLS

typedef enum
{
  LYG_SYNC_STATE_IDLE,
  LYG_SYNC_STATE_SYNCING,
  LYG_SYNC_STATE_OFFLINE,
  LYG_SYNC_STATE_ERROR,
} LygSyncState;

typedef struct
{
  guint pushed;
  guint pulled;
  guint conflicts;
  guint quarantined;
} LygSyncReport;

#define LYG_TYPE_SYNC_STATE  (lyg_sync_state_get_type ())
#define LYG_TYPE_SYNC_REPORT (lyg_sync_report_get_type ())
#define LYG_TYPE_SYNC_ENGINE (lyg_sync_engine_get_type ())

G_DECLARE_FINAL_TYPE (LygSyncEngine, lyg_sync_engine, LYG, SYNC_ENGINE, GObject)

GType           lyg_sync_state_get_type        (void) G_GNUC_CONST;
GType           lyg_sync_report_get_type       (void) G_GNUC_CONST;
LygSyncReport  *lyg_sync_report_copy           (const LygSyncReport *report);
void            lyg_sync_report_free           (LygSyncReport       *report);

LygSyncEngine  *lyg_sync_engine_new            (LygVault            *vault,
                                                LygTransport        *transport);
LygSyncEngine  *lyg_sync_engine_new_for_vault  (LygVault            *vault,
                                                GError             **error);
LygTransport   *lyg_sync_engine_get_transport  (LygSyncEngine       *self);
LygSyncState    lyg_sync_engine_get_state      (LygSyncEngine       *self);
gint64          lyg_sync_engine_get_last_synced (LygSyncEngine      *self);
const char     *lyg_sync_engine_get_error_message (LygSyncEngine    *self);
double          lyg_sync_engine_get_progress   (LygSyncEngine       *self);
void            lyg_sync_engine_set_batch_size (LygSyncEngine       *self,
                                                guint                n_envelopes);
void            lyg_sync_engine_sync_async     (LygSyncEngine       *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
LygSyncReport  *lyg_sync_engine_sync_finish    (LygSyncEngine       *self,
                                                GAsyncResult        *result,
                                                GError             **error);
LygSyncReport  *lyg_sync_engine_sync           (LygSyncEngine       *self,
                                                GCancellable        *cancellable,
                                                GError             **error);
void            lyg_sync_engine_start          (LygSyncEngine       *self);
void            lyg_sync_engine_stop           (LygSyncEngine       *self);
void            lyg_sync_engine_schedule       (LygSyncEngine       *self,
                                                guint                delay_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LygSyncReport, lyg_sync_report_free)

G_END_DECLS
