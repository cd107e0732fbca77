/* lyg-stats-page.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-context.h"
#include "lyg-stats.h"

G_BEGIN_DECLS

#define LYG_TYPE_STATS_PAGE (lyg_stats_page_get_type ())

G_DECLARE_FINAL_TYPE (LygStatsPage, lyg_stats_page, LYG, STATS_PAGE, AdwBin)

GtkWidget  *lyg_stats_page_new             (LygContext    *context);
void        lyg_stats_page_set_period      (LygStatsPage  *self,
                                            LygStatsSpan   span,
                                            const GDate   *from,
                                            const GDate   *to);
void        lyg_stats_page_refresh         (LygStatsPage  *self);
LygStats   *lyg_stats_page_get_stats       (LygStatsPage  *self);
gboolean    lyg_stats_page_export_to_file  (LygStatsPage  *self,
                                            GFile         *file,
                                            GError       **error);
void        lyg_stats_page_print           (LygStatsPage  *self);
gboolean    lyg_stats_page_print_to_pdf    (LygStatsPage  *self,
                                            const char    *path,
                                            GError       **error);

G_END_DECLS
