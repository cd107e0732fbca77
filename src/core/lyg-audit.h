/* lyg-audit.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-vault.h"

G_BEGIN_DECLS

/* The device's own activity log (DESIGN §10): unlocks, exports, erasures
 * and retention runs. Each entry is a vault secret, sealed with the vault
 * key and never synced. Details are counts and kinds, never a name, an id
 * or any content of a record: callers must keep it that way.
 */

#define LYG_AUDIT_UNLOCK         "unlock"
#define LYG_AUDIT_EXPORT_PERSON  "export-person"
#define LYG_AUDIT_EXPORT_CSV     "export-csv"
#define LYG_AUDIT_ERASE          "erase"
#define LYG_AUDIT_RETENTION      "retention"
#define LYG_AUDIT_KEEP           "retention-keep"

/* At most this many entries are kept; older ones are dropped. */
#define LYG_AUDIT_MAX_ENTRIES    2000

typedef struct
{
  gint64  time;    /* unix seconds */
  char   *user;    /* local user name */
  char   *device;  /* device id */
  char   *event;
  char   *detail;  /* nullable */
} LygAuditEntry;

gboolean    lyg_audit_log          (LygVault       *vault,
                                    const char     *event,
                                    const char     *detail,
                                    GError        **error);
GPtrArray  *lyg_audit_list         (LygVault       *vault,
                                    GError        **error);
const char *lyg_audit_event_label  (const char     *event);
void        lyg_audit_entry_free   (LygAuditEntry  *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LygAuditEntry, lyg_audit_entry_free)

G_END_DECLS
