/* lyg-stats-page-private.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-stats-page.h"

G_BEGIN_DECLS

AdwToastOverlay *lyg_stats_page_get_toast_overlay (LygStatsPage *self);
LygContext      *lyg_stats_page_get_context       (LygStatsPage *self);
void             lyg_stats_page_choose_export     (LygStatsPage *self);
char            *lyg_stats_format_change          (guint         current,
                                                   guint         previous);

G_END_DECLS
