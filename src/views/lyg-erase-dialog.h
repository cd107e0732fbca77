/* lyg-erase-dialog.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-vault.h"

G_BEGIN_DECLS

#define LYG_TYPE_ERASE_DIALOG (lyg_erase_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LygEraseDialog, lyg_erase_dialog, LYG, ERASE_DIALOG, AdwMessageDialog)

GtkWidget *lyg_erase_dialog_new          (GtkWindow       *parent,
                                          LygVault        *vault,
                                          const char      *person_id,
                                          GError         **error);
guint      lyg_erase_dialog_get_n_records (LygEraseDialog *self);
const char *lyg_erase_dialog_get_confirm_text (LygEraseDialog *self);

G_END_DECLS
