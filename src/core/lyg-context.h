/* lyg-context.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-catalogue-set.h"
#include "lyg-vault.h"

G_BEGIN_DECLS

#define LYG_TYPE_CONTEXT (lyg_context_get_type ())

G_DECLARE_FINAL_TYPE (LygContext, lyg_context, LYG, CONTEXT, GObject)

/* The long-lived services of one open vault, passed to every view as a
 * construct-only property (never looked up globally), so a widget test
 * can build one on a temporary vault. The sync engine lives in the sync
 * library; the context holds it as a plain GObject so the core does not
 * depend on libsoup.
 */
LygContext      *lyg_context_new            (LygVault        *vault,
                                             LygCatalogueSet *catalogues);
LygVault        *lyg_context_get_vault      (LygContext      *self);
LygCatalogueSet *lyg_context_get_catalogues (LygContext      *self);
GObject         *lyg_context_get_sync       (LygContext      *self);
void             lyg_context_set_sync       (LygContext      *self,
                                             GObject         *sync_engine);

G_END_DECLS
