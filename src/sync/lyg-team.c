/* lyg-team.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-team"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lyg-soup-transport.h"
#include "lyg-team.h"
#include "lyg-team-private.h"
#include "lyg-training-vault.h"

#define S_URL    "sync.url"
#define S_PIN    "sync.pin"
#define S_TOKEN  "sync.token"
#define S_ROLE   "sync.role"
#define S_TEAM   "sync.team"
#define S_NAME   "sync.name"

char *
lyg_team_dup_setting (LygVault   *vault,
                      const char *name)
{
  g_autoptr(GBytes) value = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);

  value = lyg_vault_get_secret (vault, name, NULL);
  if (value == NULL)
    return NULL;

  return g_strndup (g_bytes_get_data (value, NULL), g_bytes_get_size (value));
}

static gboolean
set_setting (LygVault    *vault,
             const char  *name,
             const char  *value,
             GError     **error)
{
  g_autoptr(GBytes) bytes = value ? g_bytes_new (value, strlen (value)) : NULL;

  return lyg_vault_set_secret (vault, name, bytes, error);
}

/**
 * lyg_team_check_can_sync:
 * @vault: a #LygVault
 * @error: return location for a #GError
 *
 * A training vault holds fictional cases and must never reach a server:
 * every team and sync operation asks this first.
 *
 * Returns: %FALSE, with %LYG_SYNC_ERROR_TRAINING, for a training vault
 */
gboolean
lyg_team_check_can_sync (LygVault  *vault,
                         GError   **error)
{
  g_return_val_if_fail (LYG_IS_VAULT (vault), FALSE);

  if (lyg_vault_is_training (vault))
    {
      g_set_error_literal (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_TRAINING,
                           _("This is the training vault: it never joins a team or syncs"));
      return FALSE;
    }

  return TRUE;
}

gboolean
lyg_team_is_joined (LygVault *vault)
{
  g_autofree char *token = lyg_team_dup_setting (vault, S_TOKEN);

  return token != NULL;
}

/**
 * lyg_team_get_role:
 * @vault: an unlocked #LygVault
 * @role: (out) (optional): the role the team gave this device
 *
 * Returns: %TRUE if this device has joined a team
 */
gboolean
lyg_team_get_role (LygVault *vault,
                   LygRole  *role)
{
  g_autofree char *text = NULL;
  LygRole parsed = LYG_ROLE_WORKER;

  g_return_val_if_fail (LYG_IS_VAULT (vault), FALSE);

  if (!lyg_team_is_joined (vault))
    return FALSE;

  text = lyg_team_dup_setting (vault, S_ROLE);
  if (text == NULL || !lyg_role_from_string (text, &parsed))
    parsed = LYG_ROLE_WORKER;
  if (role != NULL)
    *role = parsed;

  return TRUE;
}

LygTransport *
lyg_team_create_transport (LygVault  *vault,
                           GError   **error)
{
  g_autofree char *url = NULL;
  g_autofree char *pin = NULL;
  g_autofree char *token = NULL;
  LygSoupTransport *transport;

  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);

  if (!lyg_team_check_can_sync (vault, error))
    return NULL;

  url = lyg_team_dup_setting (vault, S_URL);
  pin = lyg_team_dup_setting (vault, S_PIN);
  token = lyg_team_dup_setting (vault, S_TOKEN);

  if (url == NULL || token == NULL)
    {
      g_set_error_literal (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_NOT_JOINED,
                           _("This device has not joined a team yet"));
      return NULL;
    }

  if (!(transport = lyg_soup_transport_new (url, (pin && *pin) ? pin : NULL, error)))
    return NULL;
  lyg_transport_set_token (LYG_TRANSPORT (transport), token);

  return LYG_TRANSPORT (transport);
}

GBytes *
_lyg_team_request (LygTransport  *transport,
                   const char    *method,
                   const char    *path,
                   GBytes        *body,
                   GError       **error)
{
  g_autoptr(GBytes) answer = NULL;
  guint status = 0;

  answer = lyg_transport_send (transport, method, path, body, NULL, &status, error);
  if (answer == NULL)
    return NULL;

  if (status != 200)
    {
      g_propagate_error (error, lyg_protocol_error_from_response (status, answer));
      return NULL;
    }

  return g_steal_pointer (&answer);
}

gboolean
lyg_team_join (LygVault      *vault,
               LygTransport  *transport,
               const char    *url,
               const char    *pin,
               const char    *code,
               const char    *device_name,
               const char    *key_id,
               const LygKey  *team_key,
               LygRole       *role,
               GError       **error)
{
  g_autoptr(LygTransport) own = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(LygEnrollResponse) enrolled = NULL;
  g_autofree char *normal = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (!lyg_team_check_can_sync (vault, error))
    return FALSE;

  if (lyg_team_is_joined (vault))
    {
      g_set_error_literal (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_CONFLICT,
                           _("This device is already part of a team"));
      return FALSE;
    }

  if (!(normal = lyg_protocol_normalize_code (code)))
    {
      g_set_error_literal (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_BAD_CODE,
                           lyg_protocol_error_get_message (LYG_PROTOCOL_ERROR_BAD_CODE));
      return FALSE;
    }

  if (transport == NULL)
    {
      if (!(own = (LygTransport *) lyg_soup_transport_new (url, pin, error)))
        return FALSE;
      transport = own;
    }

  body = lyg_protocol_build_enroll_request (normal, lyg_vault_get_device_id (vault),
                                            device_name ? device_name : "");
  if (!(answer = _lyg_team_request (transport, "POST", LYG_API_PATH_ENROLL, body, error)) ||
      !(enrolled = lyg_protocol_parse_enroll_response (answer, error)))
    return FALSE;

  if (!_lyg_team_store_enrollment (vault, url, pin, device_name, key_id, team_key,
                                   enrolled, error))
    return FALSE;

  if (role != NULL)
    *role = enrolled->role;

  return TRUE;
}

gboolean
_lyg_team_store_enrollment (LygVault                *vault,
                            const char              *url,
                            const char              *pin,
                            const char              *device_name,
                            const char              *key_id,
                            const LygKey            *team_key,
                            const LygEnrollResponse *enrolled,
                            GError                 **error)
{
  /* A joining device takes the team's key; the first coordinator's own key
   * becomes the team key. Records made before joining are sealed again
   * under it, so every member can open them. */
  if (team_key != NULL &&
      (!lyg_vault_add_team_key (vault, key_id, team_key, TRUE, error) ||
       !lyg_vault_reseal_all (vault, error)))
    return FALSE;

  /* The token goes last: it is what marks the vault as joined. */
  return set_setting (vault, S_URL, url, error) &&
         set_setting (vault, S_PIN, pin ? pin : "", error) &&
         set_setting (vault, S_ROLE, lyg_role_to_string (enrolled->role), error) &&
         set_setting (vault, S_TEAM, enrolled->team, error) &&
         set_setting (vault, S_NAME, device_name ? device_name : "", error) &&
         set_setting (vault, S_TOKEN, enrolled->token, error);
}

gboolean
lyg_team_join_invitation (LygVault    *vault,
                          const char  *invitation,
                          const char  *secret,
                          const char  *device_name,
                          LygRole     *role,
                          GError     **error)
{
  g_autoptr(LygInvitation) opened = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (vault), FALSE);

  if (!lyg_team_check_can_sync (vault, error))
    return FALSE;

  if (!(opened = lyg_invitation_open (invitation, secret, error)))
    return FALSE;

  return lyg_team_join (vault, NULL, opened->url, opened->pin, opened->code, device_name,
                        opened->key_id, opened->team_key, role, error);
}

char *
lyg_team_invite (LygVault            *vault,
                 LygTransport        *transport,
                 const char          *device_name,
                 LygRole              role,
                 gint64               ttl,
                 const LygKdfParams  *params,
                 char               **secret,
                 gint64              *expires,
                 GError             **error)
{
  g_autoptr(LygTransport) own = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(LygInviteResponse) invite = NULL;
  g_autoptr(LygInvitation) invitation = NULL;
  g_autoptr(LygKey) team_key = NULL;
  g_autofree char *url = NULL;
  g_autofree char *pin = NULL;
  g_autofree char *new_secret = NULL;
  char *text;

  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);
  g_return_val_if_fail (device_name != NULL, NULL);
  g_return_val_if_fail (secret != NULL, NULL);

  if (!lyg_team_check_can_sync (vault, error))
    return NULL;

  if (transport == NULL)
    {
      if (!(own = lyg_team_create_transport (vault, error)))
        return NULL;
      transport = own;
    }

  body = lyg_protocol_build_invite_request (device_name, role, ttl);
  if (!(answer = _lyg_team_request (transport, "POST", LYG_API_PATH_INVITES, body, error)) ||
      !(invite = lyg_protocol_parse_invite_response (answer, error)))
    return NULL;

  url = lyg_team_dup_setting (vault, S_URL);
  pin = lyg_team_dup_setting (vault, S_PIN);
  team_key = lyg_vault_dup_team_key (vault, NULL);
  if (url == NULL || team_key == NULL)
    {
      g_set_error_literal (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_NOT_JOINED,
                           _("This device has not joined a team yet"));
      return NULL;
    }

  invitation = lyg_invitation_new (url, (pin && *pin) ? pin : NULL, invite->code,
                                   lyg_vault_get_active_key_id (vault), team_key);
  new_secret = lyg_invitation_new_secret ();
  if (!(text = lyg_invitation_seal (invitation, new_secret, params, error)))
    return NULL;

  *secret = g_steal_pointer (&new_secret);
  if (expires != NULL)
    *expires = invite->expires;

  return text;
}

GPtrArray *
lyg_team_list_devices (LygVault      *vault,
                       LygTransport  *transport,
                       GError       **error)
{
  g_autoptr(LygTransport) own = NULL;
  g_autoptr(GBytes) answer = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);

  if (!lyg_team_check_can_sync (vault, error))
    return NULL;

  if (transport == NULL)
    {
      if (!(own = lyg_team_create_transport (vault, error)))
        return NULL;
      transport = own;
    }

  if (!(answer = _lyg_team_request (transport, "GET", LYG_API_PATH_DEVICES, NULL, error)))
    return NULL;

  return lyg_protocol_parse_devices (answer, error);
}

gboolean
lyg_team_revoke (LygVault      *vault,
                 LygTransport  *transport,
                 const char    *device_id,
                 GError       **error)
{
  g_autoptr(LygTransport) own = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autofree char *path = NULL;
  g_autofree char *revoked = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (vault), FALSE);

  if (!lyg_team_check_can_sync (vault, error))
    return FALSE;

  if (!lyg_device_id_is_valid (device_id))
    {
      g_set_error (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_NOT_FOUND,
                   _("“%s” is not a device id"), device_id);
      return FALSE;
    }

  if (transport == NULL)
    {
      if (!(own = lyg_team_create_transport (vault, error)))
        return FALSE;
      transport = own;
    }

  path = lyg_protocol_build_revoke_path (device_id);
  if (!(answer = _lyg_team_request (transport, "POST", path, body, error)))
    return FALSE;

  return lyg_protocol_parse_revoke_response (answer, &revoked, error);
}
