/* lyg-stay-status.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-stay.h"

G_BEGIN_DECLS

/* How the Shelter page and the stay page say where a stay's period is:
 * words for everyone, and a colour (a style class) that repeats them.
 */

char       *lyg_stay_status_text     (LygRecord    *stay,
                                      const GDate  *today,
                                      const char  **style_class);
void        lyg_stay_status_apply    (GtkLabel     *label,
                                      LygRecord    *stay,
                                      const GDate  *today);
char       *lyg_stay_date_label      (const char   *iso_date);

G_END_DECLS
