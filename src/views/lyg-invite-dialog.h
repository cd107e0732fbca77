/* lyg-invite-dialog.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-vault.h"

G_BEGIN_DECLS

#define LYG_TYPE_INVITE_DIALOG (lyg_invite_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LygInviteDialog, lyg_invite_dialog, LYG, INVITE_DIALOG, AdwWindow)

LygInviteDialog *lyg_invite_dialog_new            (GtkWindow       *parent,
                                                   LygVault        *vault);
gboolean         lyg_invite_dialog_get_busy       (LygInviteDialog *self);
const char      *lyg_invite_dialog_get_invitation (LygInviteDialog *self);
const char      *lyg_invite_dialog_get_secret     (LygInviteDialog *self);

G_END_DECLS
