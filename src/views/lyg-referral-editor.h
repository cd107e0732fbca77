/* lyg-referral-editor.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-context.h"

G_BEGIN_DECLS

#define LYG_TYPE_REFERRAL_EDITOR (lyg_referral_editor_get_type ())

G_DECLARE_FINAL_TYPE (LygReferralEditor, lyg_referral_editor, LYG, REFERRAL_EDITOR, AdwBin)

GtkWidget   *lyg_referral_editor_new       (LygContext          *context,
                                            const char          *referral_id,
                                            const char          *person_id,
                                            const char          *screening_id);
const char  *lyg_referral_editor_get_title (LygReferralEditor   *self);

G_END_DECLS
