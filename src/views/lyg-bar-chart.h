/* lyg-bar-chart.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lyg-stats.h"

G_BEGIN_DECLS

#define LYG_TYPE_BAR_CHART (lyg_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (LygBarChart, lyg_bar_chart, LYG, BAR_CHART, GtkWidget)

GtkWidget  *lyg_bar_chart_new            (void);
void        lyg_bar_chart_set_breakdown  (LygBarChart       *self,
                                          LygStatsBreakdown *breakdown);

G_END_DECLS
