/* lyg-stats-csv.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lyg-stats.h"

G_BEGIN_DECLS

char     *lyg_stats_to_csv    (LygStats      *stats);
gboolean  lyg_stats_write_csv (LygStats      *stats,
                               GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error);

G_END_DECLS
