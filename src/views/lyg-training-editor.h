/* lyg-training-editor.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct _LygTrainingPage LygTrainingPage;

#define LYG_TYPE_TRAINING_EDITOR (lyg_training_editor_get_type ())

G_DECLARE_FINAL_TYPE (LygTrainingEditor, lyg_training_editor, LYG, TRAINING_EDITOR, AdwWindow)

GtkWidget  *lyg_training_editor_new       (LygTrainingPage   *page);
char       *lyg_training_editor_dup_text  (LygTrainingEditor *self);
void        lyg_training_editor_set_text  (LygTrainingEditor *self,
                                           const char        *text);
const char *lyg_training_editor_get_error (LygTrainingEditor *self);
gboolean    lyg_training_editor_import    (LygTrainingEditor *self);

G_END_DECLS
