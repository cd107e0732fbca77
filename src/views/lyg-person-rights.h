/* lyg-person-rights.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-vault.h"

G_BEGIN_DECLS

void lyg_person_rights_export (GtkWidget   *widget,
                               LygVault    *vault,
                               const char  *person_id);

G_END_DECLS
