/* lyg-training-page.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-context.h"
#include "lyg-scenario-pack.h"
#include "lyg-training-session.h"

G_BEGIN_DECLS

#define LYG_TYPE_TRAINING_PAGE (lyg_training_page_get_type ())

G_DECLARE_FINAL_TYPE (LygTrainingPage, lyg_training_page, LYG, TRAINING_PAGE, AdwBin)

GtkWidget          *lyg_training_page_new           (LygContext       *context);
GPtrArray          *lyg_training_page_get_packs     (LygTrainingPage  *self);
LygScenario        *lyg_training_page_lookup        (LygTrainingPage  *self,
                                                     const char       *scenario_id);
LygTrainingSession *lyg_training_page_open_scenario (LygTrainingPage  *self,
                                                     const char       *scenario_id,
                                                     GError          **error);
gboolean            lyg_training_page_import_data   (LygTrainingPage  *self,
                                                     const char       *data,
                                                     gssize            length,
                                                     const char       *origin,
                                                     GError          **error);
GtkWindow          *lyg_training_page_write_scenario (LygTrainingPage *self);
gboolean            lyg_training_page_import_file   (LygTrainingPage  *self,
                                                     GFile            *file,
                                                     GError          **error);
gboolean            lyg_training_page_export_pack   (LygTrainingPage  *self,
                                                     const char       *pack_id,
                                                     GFile            *file,
                                                     GError          **error);

G_END_DECLS
