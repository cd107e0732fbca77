/* lyg-team-async.c
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

/* The app's variants of the team calls. The vault is not safe to share
 * between threads, so it is read on the caller's thread before the work
 * starts and written there after it ends; only the network round trip and
 * the Argon2id of the invitation run on a worker thread, which iterates a
 * main context of its own (lyg_transport_send() uses the thread-default
 * one) with a transport made there.
 */

typedef struct
{
  /* In */
  char                *url;
  char                *pin;
  char                *token;
  char                *code;
  char                *invitation;
  char                *secret;
  char                *device_id;
  char                *device_name;
  char                *key_id;
  LygKey              *team_key;
  LygRole              role;
  gint64               ttl;
  LygKdfParams         params;

  /* Out */
  LygEnrollResponse   *enrolled;
  char                *text;
  gint64               expires;
  GPtrArray           *devices;
} TeamCall;

static void
team_call_free (gpointer data)
{
  TeamCall *call = data;

  g_free (call->url);
  g_free (call->pin);
  if (call->token != NULL)
    memset (call->token, 0, strlen (call->token));
  g_free (call->token);
  g_free (call->code);
  g_free (call->invitation);
  if (call->secret != NULL)
    memset (call->secret, 0, strlen (call->secret));
  g_free (call->secret);
  g_free (call->device_id);
  g_free (call->device_name);
  g_free (call->key_id);
  g_clear_pointer (&call->team_key, lyg_key_free);
  g_clear_pointer (&call->enrolled, lyg_enroll_response_free);
  g_free (call->text);
  g_clear_pointer (&call->devices, g_ptr_array_unref);
  g_free (call);
}

static LygTransport *
call_transport (TeamCall  *call,
                GError   **error)
{
  LygSoupTransport *transport;

  if (!(transport = lyg_soup_transport_new (call->url, (call->pin && *call->pin) ? call->pin : NULL,
                                            error)))
    return NULL;
  if (call->token != NULL)
    lyg_transport_set_token (LYG_TRANSPORT (transport), call->token);

  return LYG_TRANSPORT (transport);
}

/* Copies what a request of a joined device needs out of the vault. */
static TeamCall *
team_call_new_joined (LygVault  *vault,
                      GError   **error)
{
  TeamCall *call = g_new0 (TeamCall, 1);

  call->url = lyg_team_dup_setting (vault, "sync.url");
  call->pin = lyg_team_dup_setting (vault, "sync.pin");
  call->token = lyg_team_dup_setting (vault, "sync.token");

  if (call->url == NULL || call->token == NULL)
    {
      g_set_error_literal (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_NOT_JOINED,
                           _("This device has not joined a team yet"));
      team_call_free (call);
      return NULL;
    }

  return call;
}

static void
run_in_thread (GTask           *task,
               GTaskThreadFunc  func)
{
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, func);
}

/* Joining */

static void
join_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TeamCall *call = task_data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(LygTransport) transport = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autofree char *normal = NULL;
  GError *error = NULL;

  if (call->invitation != NULL)
    {
      g_autoptr(LygInvitation) opened = NULL;

      if (!(opened = lyg_invitation_open (call->invitation, call->secret, &error)))
        {
          g_task_return_error (task, error);
          return;
        }
      call->url = g_strdup (opened->url);
      call->pin = g_strdup (opened->pin);
      call->code = g_strdup (opened->code);
      call->key_id = g_strdup (opened->key_id);
      call->team_key = lyg_key_copy (opened->team_key);
    }

  if (!(normal = lyg_protocol_normalize_code (call->code)))
    {
      g_task_return_new_error (task, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_BAD_CODE, "%s",
                               lyg_protocol_error_get_message (LYG_PROTOCOL_ERROR_BAD_CODE));
      return;
    }

  g_main_context_push_thread_default (context);

  body = lyg_protocol_build_enroll_request (normal, call->device_id,
                                            call->device_name ? call->device_name : "");
  if (!(transport = call_transport (call, &error)) ||
      !(answer = _lyg_team_request (transport, "POST", LYG_API_PATH_ENROLL, body, &error)) ||
      !(call->enrolled = lyg_protocol_parse_enroll_response (answer, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);

  g_clear_object (&transport);
  g_main_context_pop_thread_default (context);
}

static void
on_join_thread_done_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  LygVault *vault = LYG_VAULT (object);
  g_autoptr(GTask) task = user_data;
  TeamCall *call = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Checked again: another join may have finished meanwhile. */
  if (lyg_team_is_joined (vault))
    {
      g_task_return_new_error (task, LYG_SYNC_ERROR, LYG_SYNC_ERROR_CONFLICT, "%s",
                               _("This device is already part of a team"));
      return;
    }

  if (!_lyg_team_store_enrollment (vault, call->url, call->pin, call->device_name, call->key_id,
                                   call->team_key, call->enrolled, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_int (task, call->enrolled->role);
}

static void
join_start (LygVault            *vault,
            TeamCall            *call,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;

  task = g_task_new (vault, cancellable, callback, user_data);
  g_task_set_source_tag (task, lyg_team_join_async);

  if (lyg_team_is_joined (vault))
    {
      team_call_free (call);
      g_task_return_new_error (task, LYG_SYNC_ERROR, LYG_SYNC_ERROR_CONFLICT, "%s",
                               _("This device is already part of a team"));
      return;
    }

  call->device_id = g_strdup (lyg_vault_get_device_id (vault));

  worker = g_task_new (vault, cancellable, on_join_thread_done_cb, g_steal_pointer (&task));
  g_task_set_task_data (worker, call, team_call_free);
  run_in_thread (worker, join_thread);
}

/**
 * lyg_team_join_async:
 * @vault: an unlocked #LygVault that has not joined a team
 * @url: the server's https:// address
 * @pin: (nullable): the SHA-256 pin of the server's certificate
 * @code: an enrollment code (the bootstrap code of `lygte-server init`)
 * @device_name: (nullable): how the team will see this device
 *
 * Enrolls with a code, as the first coordinator does, without blocking.
 * The vault keeps its own key, which becomes the team's.
 */
void
lyg_team_join_async (LygVault            *vault,
                     const char          *url,
                     const char          *pin,
                     const char          *code,
                     const char          *device_name,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  TeamCall *call;

  g_return_if_fail (LYG_IS_VAULT (vault));
  g_return_if_fail (url != NULL);
  g_return_if_fail (code != NULL);

  call = g_new0 (TeamCall, 1);
  call->url = g_strdup (url);
  call->pin = g_strdup (pin);
  call->code = g_strdup (code);
  call->device_name = g_strdup (device_name);

  join_start (vault, call, cancellable, callback, user_data);
}

/**
 * lyg_team_join_invitation_async:
 * @vault: an unlocked #LygVault that has not joined a team
 * @invitation: the invitation text
 * @secret: the one-time secret read aloud with it
 * @device_name: (nullable): how the team will see this device
 *
 * Opens the invitation, enrolls and takes the team key, without blocking.
 */
void
lyg_team_join_invitation_async (LygVault            *vault,
                                const char          *invitation,
                                const char          *secret,
                                const char          *device_name,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  TeamCall *call;

  g_return_if_fail (LYG_IS_VAULT (vault));
  g_return_if_fail (invitation != NULL);
  g_return_if_fail (secret != NULL);

  call = g_new0 (TeamCall, 1);
  call->invitation = g_strdup (invitation);
  call->secret = g_strdup (secret);
  call->device_name = g_strdup (device_name);

  join_start (vault, call, cancellable, callback, user_data);
}

/**
 * lyg_team_join_finish:
 * @role: (out) (optional): the role the team gave this device
 *
 * Returns: %TRUE once the token and team key are stored in the vault
 */
gboolean
lyg_team_join_finish (LygVault      *vault,
                      GAsyncResult  *result,
                      LygRole       *role,
                      GError       **error)
{
  gssize value;

  g_return_val_if_fail (LYG_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, vault), FALSE);

  value = g_task_propagate_int (G_TASK (result), error);
  if (value < 0)
    return FALSE;

  if (role != NULL)
    *role = (LygRole) value;

  return TRUE;
}

/* Inviting */

static void
invite_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TeamCall *call = task_data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(LygTransport) transport = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(LygInviteResponse) invite = NULL;
  g_autoptr(LygInvitation) invitation = NULL;
  GError *error = NULL;

  g_main_context_push_thread_default (context);

  body = lyg_protocol_build_invite_request (call->device_name, call->role, call->ttl);
  if (!(transport = call_transport (call, &error)) ||
      !(answer = _lyg_team_request (transport, "POST", LYG_API_PATH_INVITES, body, &error)) ||
      !(invite = lyg_protocol_parse_invite_response (answer, &error)))
    goto out;

  invitation = lyg_invitation_new (call->url, (call->pin && *call->pin) ? call->pin : NULL,
                                   invite->code, call->key_id, call->team_key);
  call->secret = lyg_invitation_new_secret ();
  call->expires = invite->expires;
  call->text = lyg_invitation_seal (invitation, call->secret, &call->params, &error);

out:
  g_clear_object (&transport);
  g_main_context_pop_thread_default (context);

  if (call->text == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * lyg_team_invite_async:
 * @vault: the unlocked vault of a coordinator
 * @device_name: the name the new device will have in the team
 * @role: the role it will have
 * @ttl: seconds the invitation is valid, 0 for the server's default
 * @params: (nullable): the Argon2id cost sealing the invitation
 *
 * Asks the server for an enrollment code and seals it, with the server's
 * address and the team key, into an invitation, without blocking.
 */
void
lyg_team_invite_async (LygVault            *vault,
                       const char          *device_name,
                       LygRole              role,
                       gint64               ttl,
                       const LygKdfParams  *params,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  TeamCall *call;

  g_return_if_fail (LYG_IS_VAULT (vault));
  g_return_if_fail (device_name != NULL);

  task = g_task_new (vault, cancellable, callback, user_data);
  g_task_set_source_tag (task, lyg_team_invite_async);

  if (!(call = team_call_new_joined (vault, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, call, team_call_free);

  if (!(call->team_key = lyg_vault_dup_team_key (vault, NULL)))
    {
      g_task_return_new_error (task, LYG_SYNC_ERROR, LYG_SYNC_ERROR_NOT_JOINED, "%s",
                               _("This device has not joined a team yet"));
      return;
    }
  call->key_id = g_strdup (lyg_vault_get_active_key_id (vault));
  call->device_name = g_strdup (device_name);
  call->role = role;
  call->ttl = ttl;
  call->params = params ? *params : lyg_kdf_params_default ();

  run_in_thread (task, invite_thread);
}

/**
 * lyg_team_invite_finish:
 * @secret: (out) (transfer full): the one-time secret to pass separately
 * @expires: (out) (optional): when the invitation expires, in unix seconds
 *
 * Returns: (transfer full) (nullable): the invitation text
 */
char *
lyg_team_invite_finish (LygVault      *vault,
                        GAsyncResult  *result,
                        char         **secret,
                        gint64        *expires,
                        GError       **error)
{
  TeamCall *call;

  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);
  g_return_val_if_fail (g_task_is_valid (result, vault), NULL);
  g_return_val_if_fail (secret != NULL, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  call = g_task_get_task_data (G_TASK (result));
  *secret = g_steal_pointer (&call->secret);
  if (expires != NULL)
    *expires = call->expires;

  return g_steal_pointer (&call->text);
}

/* Devices */

static void
devices_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  TeamCall *call = task_data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(LygTransport) transport = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autofree char *revoked = NULL;
  GError *error = NULL;
  gboolean ok = FALSE;

  g_main_context_push_thread_default (context);

  if ((transport = call_transport (call, &error)))
    {
      if (call->device_id == NULL)
        ok = (answer = _lyg_team_request (transport, "GET", LYG_API_PATH_DEVICES, NULL, &error)) &&
             (call->devices = lyg_protocol_parse_devices (answer, &error));
      else
        {
          g_autofree char *path = lyg_protocol_build_revoke_path (call->device_id);
          g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);

          ok = (answer = _lyg_team_request (transport, "POST", path, body, &error)) &&
               lyg_protocol_parse_revoke_response (answer, &revoked, &error);
        }
    }

  g_clear_object (&transport);
  g_main_context_pop_thread_default (context);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * lyg_team_list_devices_async:
 * @vault: the unlocked vault of a coordinator
 *
 * Asks the server for the team's devices, without blocking.
 */
void
lyg_team_list_devices_async (LygVault            *vault,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  TeamCall *call;

  g_return_if_fail (LYG_IS_VAULT (vault));

  task = g_task_new (vault, cancellable, callback, user_data);
  g_task_set_source_tag (task, lyg_team_list_devices_async);

  if (!(call = team_call_new_joined (vault, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, call, team_call_free);

  run_in_thread (task, devices_thread);
}

/**
 * lyg_team_list_devices_finish:
 *
 * Returns: (transfer container) (element-type LygDeviceInfo): the devices
 */
GPtrArray *
lyg_team_list_devices_finish (LygVault      *vault,
                              GAsyncResult  *result,
                              GError       **error)
{
  TeamCall *call;

  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);
  g_return_val_if_fail (g_task_is_valid (result, vault), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  call = g_task_get_task_data (G_TASK (result));

  return g_steal_pointer (&call->devices);
}

/**
 * lyg_team_revoke_async:
 * @vault: the unlocked vault of a coordinator
 * @device_id: the device to cut off
 *
 * Revokes a device, without blocking. Its next request erases its keys.
 */
void
lyg_team_revoke_async (LygVault            *vault,
                       const char          *device_id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  TeamCall *call;

  g_return_if_fail (LYG_IS_VAULT (vault));
  g_return_if_fail (device_id != NULL);

  task = g_task_new (vault, cancellable, callback, user_data);
  g_task_set_source_tag (task, lyg_team_revoke_async);

  if (!lyg_device_id_is_valid (device_id))
    {
      g_task_return_new_error (task, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_NOT_FOUND,
                               _("“%s” is not a device id"), device_id);
      return;
    }
  if (!(call = team_call_new_joined (vault, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  call->device_id = g_strdup (device_id);
  g_task_set_task_data (task, call, team_call_free);

  run_in_thread (task, devices_thread);
}

gboolean
lyg_team_revoke_finish (LygVault      *vault,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (LYG_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, vault), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
