/* lyg-encounter-editor.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-context.h"

G_BEGIN_DECLS

#define LYG_TYPE_ENCOUNTER_EDITOR (lyg_encounter_editor_get_type ())

G_DECLARE_FINAL_TYPE (LygEncounterEditor, lyg_encounter_editor, LYG, ENCOUNTER_EDITOR, AdwBin)

GtkWidget   *lyg_encounter_editor_new       (LygContext           *context,
                                             const char           *encounter_id,
                                             const char           *person_id);
const char  *lyg_encounter_editor_get_title (LygEncounterEditor   *self);

G_END_DECLS
