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
gboolean       lyg_team_get_role         (LygVault          *vault,
                                          LygRole           *role);
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

/* The same for the app: the network and the Argon2id run on a worker
 * thread, the vault is only touched on the calling thread. */
void           lyg_team_join_async             (LygVault            *vault,
                                                const char          *url,
                                                const char          *pin,
                                                const char          *code,
                                                const char          *device_name,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
void           lyg_team_join_invitation_async  (LygVault            *vault,
                                                const char          *invitation,
                                                const char          *secret,
                                                const char          *device_name,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean       lyg_team_join_finish            (LygVault            *vault,
                                                GAsyncResult        *result,
                                                LygRole             *role,
                                                GError             **error);
void           lyg_team_invite_async           (LygVault            *vault,
                                                const char          *device_name,
                                                LygRole              role,
                                                gint64               ttl,
                                                const LygKdfParams  *params,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
char          *lyg_team_invite_finish          (LygVault            *vault,
                                                GAsyncResult        *result,
                                                char               **secret,
                                                gint64              *expires,
                                                GError             **error);
void           lyg_team_list_devices_async     (LygVault            *vault,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GPtrArray     *lyg_team_list_devices_finish    (LygVault            *vault,
                                                GAsyncResult        *result,
                                                GError             **error);
void           lyg_team_revoke_async           (LygVault            *vault,
                                                const char          *device_id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean       lyg_team_revoke_finish          (LygVault            *vault,
                                                GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
