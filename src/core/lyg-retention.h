/* lyg-retention.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-vault.h"

G_BEGIN_DECLS

/* Storage limitation (DESIGN §10): a person whose status is "closed" is
 * erased with everything linked (lyg-erasure.h) once the retention period
 * has passed since the status was set to closed (its field stamp). A
 * person can be kept for another period with a reason. The period and the
 * kept persons are a vault secret, so they stay with the vault and are
 * sealed like everything else in it.
 */

#define LYG_RETENTION_DEFAULT_MONTHS 24
#define LYG_RETENTION_MIN_MONTHS     1
#define LYG_RETENTION_MAX_MONTHS     240
#define LYG_RETENTION_WARN_DAYS      7

typedef struct
{
  char   *person_id;
  char   *title;     /* the person's alias, for the warning list */
  gint64  closed;    /* unix seconds */
  gint64  due;       /* unix seconds: erased on or after this */
  char   *reason;    /* why it was kept, or NULL */
} LygRetentionItem;

guint       lyg_retention_get_months  (LygVault     *vault);
gboolean    lyg_retention_set_months  (LygVault     *vault,
                                       guint         months,
                                       GError      **error);
GPtrArray  *lyg_retention_list_due    (LygVault     *vault,
                                       gint64        now,
                                       gint64        within,
                                       GError      **error);
gboolean    lyg_retention_keep        (LygVault     *vault,
                                       const char   *person_id,
                                       const char   *reason,
                                       gint64        now,
                                       GError      **error);
gboolean    lyg_retention_run         (LygVault     *vault,
                                       gint64        now,
                                       guint        *n_persons,
                                       guint        *n_records,
                                       GError      **error);
void        lyg_retention_item_free   (LygRetentionItem *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LygRetentionItem, lyg_retention_item_free)

G_END_DECLS
