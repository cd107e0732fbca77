/* lyg-training-presentation.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-context.h"
#include "lyg-scenario-check.h"

G_BEGIN_DECLS

#define LYG_TYPE_TRAINING_PRESENTATION (lyg_training_presentation_get_type ())

G_DECLARE_FINAL_TYPE (LygTrainingPresentation, lyg_training_presentation, LYG, TRAINING_PRESENTATION, AdwWindow)

GtkWidget *lyg_training_presentation_new         (LygContext              *context,
                                                  LygScenario             *scenario,
                                                  LygScenarioCheck        *check);
guint      lyg_training_presentation_get_n_slides (LygTrainingPresentation *self);
guint      lyg_training_presentation_get_slide   (LygTrainingPresentation *self);
void       lyg_training_presentation_set_slide   (LygTrainingPresentation *self,
                                                  guint                    slide);
void       lyg_training_presentation_set_show_key (LygTrainingPresentation *self,
                                                  gboolean                 show_key);

G_END_DECLS
