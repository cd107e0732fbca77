/* lyg-retention-scheduler.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-vault.h"

G_BEGIN_DECLS

#define LYG_TYPE_RETENTION_SCHEDULER (lyg_retention_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (LygRetentionScheduler, lyg_retention_scheduler, LYG, RETENTION_SCHEDULER, GObject)

LygRetentionScheduler *lyg_retention_scheduler_new (LygVault *vault);

G_END_DECLS
