/* lyg-team-private.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-team.h"

G_BEGIN_DECLS

GBytes   *_lyg_team_request          (LygTransport             *transport,
                                      const char               *method,
                                      const char               *path,
                                      GBytes                   *body,
                                      GError                  **error);
gboolean  _lyg_team_store_enrollment (LygVault                 *vault,
                                      const char               *url,
                                      const char               *pin,
                                      const char               *device_name,
                                      const char               *key_id,
                                      const LygKey             *team_key,
                                      const LygEnrollResponse  *enrolled,
                                      GError                  **error);

G_END_DECLS
