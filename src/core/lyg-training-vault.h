/* lyg-training-vault.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-scenario-pack.h"
#include "lyg-vault.h"

G_BEGIN_DECLS

char      *lyg_training_vault_path_for     (const char       *real_path);
LygVault  *lyg_training_vault_open         (const char       *path,
                                            GError          **error);
gboolean   lyg_vault_is_training           (LygVault         *vault);
GPtrArray *lyg_training_vault_list_packs   (LygVault         *vault,
                                            LygCatalogueSet  *catalogues,
                                            GError          **error);
gboolean   lyg_training_vault_add_pack     (LygVault         *vault,
                                            LygScenarioPack  *pack,
                                            GError          **error);

G_END_DECLS
