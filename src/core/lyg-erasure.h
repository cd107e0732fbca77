/* lyg-erasure.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-vault.h"

G_BEGIN_DECLS

/* The right to erasure (DESIGN §10). A person is erased with everything
 * linked to them: every record with a field whose value (or an element
 * of it) is the id of a record already in the set, found again and again
 * until the set stops growing, so record types added later are covered
 * without a list here.
 *
 * Each record becomes an erasure tombstone: a fresh deleted record with no
 * content (no values, no kept conflicts), sealed and flagged "erase". The
 * store overwrites the old revision in place (secure_delete), the index
 * rows go, so do drafts that name an erased record, and the vault file is
 * compacted. The flag travels with the
 * tombstone: the server drops every earlier revision of the id, and every
 * device that pulls it replaces its copy the same way
 * (lyg-protocol.h, "Erasure").
 */

GPtrArray *lyg_erasure_collect      (LygVault    *vault,
                                     const char  *person_id,
                                     GError     **error);
gboolean   lyg_erasure_erase        (LygVault    *vault,
                                     GPtrArray   *records,
                                     GError     **error);
gboolean   lyg_erasure_erase_person (LygVault    *vault,
                                     const char  *person_id,
                                     guint       *n_erased,
                                     GError     **error);

G_END_DECLS
