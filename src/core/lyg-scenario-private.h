/* lyg-scenario-private.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "lyg-scenario.h"

G_BEGIN_DECLS

/* Shared by the scenario loader (lyg-scenario.c reads one scenario,
 * lyg-scenario-pack.c the pack around it).  Every message starts with
 * @origin, the file or resource name, then says where.
 */
void         _lyg_scenario_set_error       (GError       **error,
                                            int            code,
                                            const char    *origin,
                                            const char    *format,
                                            ...) G_GNUC_PRINTF (4, 5);
gboolean     _lyg_scenario_read_text       (JsonObject    *object,
                                            const char    *member,
                                            const char    *origin,
                                            const char    *where,
                                            LygCatalogueText *text,
                                            GError       **error);
const char  *_lyg_scenario_read_string     (JsonObject    *object,
                                            const char    *member,
                                            const char    *origin,
                                            const char    *where,
                                            GError       **error);
gboolean     _lyg_scenario_id_is_valid     (const char    *id);
LygScenario *_lyg_scenario_new_from_json   (JsonObject    *object,
                                            const char    *origin,
                                            guint          index,
                                            GError       **error);

G_END_DECLS
