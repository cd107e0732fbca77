/* lyg-team.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-invitation.h"
#include "lyg-protocol.h"
#include "lyg-transport.h"
#include "lyg-vault.h"

G_BEGIN_DECLS

/* Joining a team and the coordinator's requests. The server connection
 * (URL, certificate pin, bearer token, role) is kept sealed inside the
 * vault, never in a plain file. These calls block on the default main
 * context (lyg_transport_send()): they are for lygte-cli and tests.
 */

gboolean       lyg_team_is_joined        (LygVault          *vault);
gboolean       lyg_team_check_can_sync   (LygVault          *vault,
                                          GError           **error);
char          *lyg_team_dup_setting      (LygVault          *vault,
                                          const char        *name);
LygTransport  *lyg_team_create_transport (LygVault          *vault,
                                          GError           **error);
gboolean       lyg_team_join             (LygVault          *vault,
                                          LygTransport      *transport,
                                          const char        *url,
                                          const char        *pin,
                                          const char        *code,
                                          const char        *device_name,
                                          const char        *key_id,
                                          const LygKey      *team_key,
                                          LygRole           *role,
                                          GError           **error);
gboolean       lyg_team_join_invitation  (LygVault          *vault,
                                          const char        *invitation,
                                          const char        *secret,
                                          const char        *device_name,
                                          LygRole           *role,
                                          GError           **error);
char          *lyg_team_invite           (LygVault          *vault,
                                          LygTransport      *transport,
                                          const char        *device_name,
                                          LygRole            role,
                                          gint64             ttl,
                                          const LygKdfParams *params,
                                          char             **secret,
                                          gint64            *expires,
                                          GError           **error);
GPtrArray     *lyg_team_list_devices     (LygVault          *vault,
                                          LygTransport      *transport,
                                          GError           **error);
gboolean       lyg_team_revoke           (LygVault          *vault,
                                          LygTransport      *transport,
                                          const char        *device_id,
                                          GError           **error);

G_END_DECLS
