/* lyg-window-private.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-create-page.h"
#include "lyg-join-page.h"
#include "lyg-main-page.h"
#include "lyg-revoked-page.h"
#include "lyg-sync-engine.h"
#include "lyg-unlock-page.h"
#include "lyg-window.h"

G_BEGIN_DECLS

#define LYG_SETTINGS_SCHEMA_ID "io.github.lygte.Lygte"

struct _LygWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned */
  LygVault             *vault;
  LygVault             *training_vault;  /* set while in training mode */
  LygContext           *context;
  LygCatalogueSet      *catalogues;
  char                 *path;
  char                 *kdf_profile;
  GSettings            *settings;
  LygSyncEngine        *sync;

  /* Idle lock */
  gint64                last_activity;
  guint                 idle_source;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  LygCreatePage        *create_page;
  LygUnlockPage        *unlock_page;
  LygMainPage          *main_page;
  AdwStatusPage        *error_status;
  LygJoinPage          *join_page;
  LygRevokedPage       *revoked_page;
  GtkRevealer          *training_banner;
};

void _lyg_window_class_actions_init (LygWindowClass *klass);
void _lyg_window_actions_update     (LygWindow      *self);
void _lyg_window_show_page          (LygWindow      *self,
                                     const char     *name);
void _lyg_window_rebuild_context    (LygWindow      *self);

/* lyg-window-sync.c */
void _lyg_window_class_sync_init      (LygWindowClass *klass);
void _lyg_window_sync_attach          (LygWindow      *self);
void _lyg_window_sync_detach          (LygWindow      *self);
void _lyg_window_sync_show_join       (LygWindow      *self);
void _lyg_window_sync_update_actions  (LygWindow      *self,
                                       gboolean        open);

void _lyg_window_drop_context       (LygWindow      *self);
void _lyg_window_close_transients   (LygWindow      *self);

/* lyg-window-training.c */
void _lyg_window_class_training_init (LygWindowClass *klass);
void _lyg_window_leave_training      (LygWindow      *self);

G_END_DECLS
