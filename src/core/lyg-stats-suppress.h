/* lyg-stats-suppress.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-stats.h"

G_BEGIN_DECLS

/* Small-cell suppression for everything that leaves the device (CSV,
 * printed report). The rule, applied to each period of each breakdown
 * on its own:
 *
 *  1. A total from 1 to 4 is shown as "<5" and every cell of that
 *     breakdown and period is withheld ("x"): nothing is left to add up.
 *  2. Otherwise every cell from 1 to 4 is shown as "<5" (primary).
 *  3. While what the shown figures give away would pin down a count from
 *     1 to 4 — the total minus the shown cells is the sum of the hidden
 *     cells, each "<5" lies in 1–4, each "x" is at least 5 and at most the
 *     smallest shown non-zero cell — the smallest non-zero shown cell is
 *     withheld as well ("x", secondary; the first in table order on a tie).
 *     With one "<5" this always withholds a second cell, so the total
 *     never gives the lone small cell away.
 *  4. When no shown cell is left to withhold, every cell of the
 *     breakdown and period is withheld.
 *
 * Totals are never withheld to protect a cell, so a total shared by
 * several breakdowns (people reached) and the summary shows the same
 * figure everywhere. A change between periods is shown only when both
 * counts are shown.
 */

void         lyg_stats_suppress_column      (guint               n_cells,
                                             const guint        *values,
                                             guint               total,
                                             LygStatsMark       *marks,
                                             LygStatsMark       *total_mark);
gboolean     lyg_stats_suppress_column_safe (guint               n_cells,
                                             const guint        *values,
                                             guint               total,
                                             const LygStatsMark *marks);
void         lyg_stats_suppress             (LygStats           *stats);
char        *lyg_stats_format_count         (LygStatsMark        mark,
                                             guint               count);
gboolean     lyg_stats_change_shown         (const LygStatsMark *marks);

G_END_DECLS
