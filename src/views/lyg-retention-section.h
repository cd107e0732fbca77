/* lyg-retention-section.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-context.h"

G_BEGIN_DECLS

#define LYG_TYPE_RETENTION_SECTION (lyg_retention_section_get_type ())

G_DECLARE_FINAL_TYPE (LygRetentionSection, lyg_retention_section, LYG, RETENTION_SECTION, AdwBin)

void   lyg_retention_section_set_context  (LygRetentionSection *self,
                                           LygContext          *context);
guint  lyg_retention_section_get_n_items  (LygRetentionSection *self);
void   lyg_retention_section_refresh      (LygRetentionSection *self);

void   lyg_retention_bind_spin            (GtkSpinButton       *spin,
                                           LygContext          *context);

G_END_DECLS
