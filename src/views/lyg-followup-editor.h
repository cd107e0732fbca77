/* lyg-followup-editor.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-context.h"

G_BEGIN_DECLS

#define LYG_TYPE_FOLLOWUP_EDITOR (lyg_followup_editor_get_type ())

G_DECLARE_FINAL_TYPE (LygFollowupEditor, lyg_followup_editor, LYG, FOLLOWUP_EDITOR, AdwBin)

GtkWidget   *lyg_followup_editor_new       (LygContext          *context,
                                            const char          *followup_id,
                                            const char          *person_id);
const char  *lyg_followup_editor_get_title (LygFollowupEditor   *self);

G_END_DECLS
