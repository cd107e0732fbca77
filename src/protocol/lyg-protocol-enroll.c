/* lyg-protocol-enroll.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-protocol"

#include "config.h"

#include <string.h>

#include "lyg-hlc.h"
#include "lyg-protocol-private.h"

#define MAX_TEAM_ID       128
#define MAX_DEVICES       100000

/* Enrollment */

GBytes *
lyg_protocol_build_enroll_request (const char *code,
                                   const char *device_id,
                                   const char *name)
{
  JsonObject *object;

  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (lyg_device_id_is_valid (device_id), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "code", code);
  json_object_set_string_member (object, "device_id", device_id);
  json_object_set_string_member (object, "name", name ? name : "");

  return _lyg_protocol_object_to_bytes (object);
}

LygEnrollRequest *
lyg_protocol_parse_enroll_request (GBytes  *body,
                                   GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(LygEnrollRequest) request = NULL;
  JsonObject *object;
  const char *code, *device_id, *name;

  if (!(parser = _lyg_protocol_load_object (body, &object, error)))
    return NULL;

  if (!_lyg_protocol_get_string (object, "code", TRUE, LYG_PROTOCOL_MAX_CODE_INPUT, &code, error) ||
      !_lyg_protocol_get_string (object, "device_id", TRUE, LYG_DEVICE_ID_HEX, &device_id, error) ||
      !_lyg_protocol_get_string (object, "name", FALSE, LYG_PROTOCOL_MAX_NAME * 4, &name, error))
    return NULL;

  if (!lyg_device_id_is_valid (device_id))
    {
      _lyg_protocol_malformed (error, "device_id");
      return NULL;
    }

  if (name != NULL && !_lyg_protocol_name_is_valid (name, TRUE))
    {
      _lyg_protocol_malformed (error, "name");
      return NULL;
    }

  request = g_new0 (LygEnrollRequest, 1);
  request->code = g_strdup (code);
  request->device_id = g_strdup (device_id);
  request->name = g_strdup (name ? name : "");

  return g_steal_pointer (&request);
}

GBytes *
lyg_protocol_build_enroll_response (const char *token,
                                    const char *device_id,
                                    LygRole     role,
                                    const char *team)
{
  JsonObject *object;

  g_return_val_if_fail (lyg_protocol_token_is_valid (token), NULL);
  g_return_val_if_fail (lyg_device_id_is_valid (device_id), NULL);
  g_return_val_if_fail (team != NULL, NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "token", token);
  json_object_set_string_member (object, "device_id", device_id);
  json_object_set_string_member (object, "role", lyg_role_to_string (role));
  json_object_set_string_member (object, "team", team);

  return _lyg_protocol_object_to_bytes (object);
}

LygEnrollResponse *
lyg_protocol_parse_enroll_response (GBytes  *body,
                                    GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(LygEnrollResponse) response = NULL;
  JsonObject *object;
  const char *token, *device_id, *team;
  LygRole role = LYG_ROLE_WORKER;

  if (!(parser = _lyg_protocol_load_object (body, &object, error)))
    return NULL;

  if (!_lyg_protocol_get_string (object, "token", TRUE, LYG_PROTOCOL_TOKEN_HEX, &token, error) ||
      !_lyg_protocol_get_string (object, "device_id", TRUE, LYG_DEVICE_ID_HEX, &device_id, error) ||
      !_lyg_protocol_get_role (object, "role", TRUE, &role, error) ||
      !_lyg_protocol_get_string (object, "team", TRUE, MAX_TEAM_ID, &team, error))
    return NULL;

  if (!lyg_protocol_token_is_valid (token))
    {
      _lyg_protocol_malformed (error, "token");
      return NULL;
    }

  if (!lyg_device_id_is_valid (device_id))
    {
      _lyg_protocol_malformed (error, "device_id");
      return NULL;
    }

  if (!_lyg_protocol_name_is_valid (team, FALSE))
    {
      _lyg_protocol_malformed (error, "team");
      return NULL;
    }

  response = g_new0 (LygEnrollResponse, 1);
  response->token = g_strdup (token);
  response->device_id = g_strdup (device_id);
  response->role = role;
  response->team = g_strdup (team);

  return g_steal_pointer (&response);
}

/* Invites */

GBytes *
lyg_protocol_build_invite_request (const char *name,
                                   LygRole     role,
                                   gint64      ttl)
{
  JsonObject *object;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (ttl >= 0, NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "name", name);
  json_object_set_string_member (object, "role", lyg_role_to_string (role));
  if (ttl > 0)
    json_object_set_int_member (object, "ttl", ttl);

  return _lyg_protocol_object_to_bytes (object);
}

LygInviteRequest *
lyg_protocol_parse_invite_request (GBytes  *body,
                                   GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(LygInviteRequest) request = NULL;
  JsonObject *object;
  const char *name;
  LygRole role = LYG_ROLE_WORKER;
  gint64 ttl = 0;

  if (!(parser = _lyg_protocol_load_object (body, &object, error)))
    return NULL;

  if (!_lyg_protocol_get_string (object, "name", TRUE, LYG_PROTOCOL_MAX_NAME * 4, &name, error) ||
      !_lyg_protocol_get_role (object, "role", FALSE, &role, error) ||
      !_lyg_protocol_get_int (object, "ttl", FALSE, LYG_PROTOCOL_MIN_TTL, LYG_PROTOCOL_MAX_TTL,
                              NULL, &ttl, error))
    return NULL;

  if (!_lyg_protocol_name_is_valid (name, FALSE))
    {
      _lyg_protocol_malformed (error, "name");
      return NULL;
    }

  request = g_new0 (LygInviteRequest, 1);
  request->name = g_strdup (name);
  request->role = role;
  request->ttl = ttl;

  return g_steal_pointer (&request);
}

GBytes *
lyg_protocol_build_invite_response (const char *code,
                                    gint64      expires,
                                    LygRole     role)
{
  g_autofree char *formatted = NULL;
  g_autofree char *expires_str = NULL;
  JsonObject *object;

  g_return_val_if_fail (code != NULL, NULL);

  formatted = lyg_protocol_format_code (code);
  expires_str = lyg_protocol_format_time (expires);
  g_return_val_if_fail (formatted != NULL && expires_str != NULL, NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "code", formatted);
  json_object_set_string_member (object, "expires", expires_str);
  json_object_set_string_member (object, "role", lyg_role_to_string (role));

  return _lyg_protocol_object_to_bytes (object);
}

LygInviteResponse *
lyg_protocol_parse_invite_response (GBytes  *body,
                                    GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(LygInviteResponse) response = NULL;
  g_autofree char *code = NULL;
  JsonObject *object;
  const char *code_str;
  LygRole role = LYG_ROLE_WORKER;
  gint64 expires = 0;

  if (!(parser = _lyg_protocol_load_object (body, &object, error)))
    return NULL;

  if (!_lyg_protocol_get_string (object, "code", TRUE, LYG_PROTOCOL_MAX_CODE_INPUT,
                                 &code_str, error) ||
      !_lyg_protocol_get_time (object, "expires", TRUE, &expires, error) ||
      !_lyg_protocol_get_role (object, "role", FALSE, &role, error))
    return NULL;

  if (!(code = lyg_protocol_normalize_code (code_str)))
    {
      _lyg_protocol_malformed (error, "code");
      return NULL;
    }

  response = g_new0 (LygInviteResponse, 1);
  response->code = lyg_protocol_format_code (code);
  response->expires = expires;
  response->role = role;

  return g_steal_pointer (&response);
}

/* Devices */

JsonNode *
lyg_protocol_device_to_json (const LygDeviceInfo *device)
{
  g_autofree char *enrolled = NULL;
  g_autofree char *last_seen = NULL;
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (device != NULL, NULL);

  enrolled = lyg_protocol_format_time (device->enrolled);
  if (device->last_seen > 0)
    last_seen = lyg_protocol_format_time (device->last_seen);

  object = json_object_new ();
  json_object_set_string_member (object, "id", device->id);
  json_object_set_string_member (object, "name", device->name);
  json_object_set_string_member (object, "role", lyg_role_to_string (device->role));
  if (enrolled != NULL)
    json_object_set_string_member (object, "enrolled", enrolled);
  else
    json_object_set_null_member (object, "enrolled");
  if (last_seen != NULL)
    json_object_set_string_member (object, "last_seen", last_seen);
  else
    json_object_set_null_member (object, "last_seen");
  json_object_set_boolean_member (object, "revoked", device->revoked);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);

  return node;
}

GBytes *
lyg_protocol_build_devices (GPtrArray *devices)
{
  JsonObject *object;
  JsonArray *array;

  g_return_val_if_fail (devices != NULL, NULL);

  object = json_object_new ();
  array = json_array_sized_new (devices->len);
  for (guint i = 0; i < devices->len; i++)
    json_array_add_element (array, lyg_protocol_device_to_json (g_ptr_array_index (devices, i)));
  json_object_set_array_member (object, "devices", array);

  return _lyg_protocol_object_to_bytes (object);
}

GPtrArray *
lyg_protocol_parse_devices (GBytes  *body,
                            GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  JsonObject *object;
  JsonArray *array;
  guint n;

  if (!(parser = _lyg_protocol_load_object (body, &object, error)))
    return NULL;

  if (!(array = _lyg_protocol_get_array (object, "devices", MAX_DEVICES, error)))
    return NULL;

  n = json_array_get_length (array);
  devices = g_ptr_array_new_full (n, (GDestroyNotify) lyg_device_info_free);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *item;
      const char *id, *name;
      LygRole role = LYG_ROLE_WORKER;
      gint64 enrolled = 0, last_seen = 0;
      gboolean revoked = FALSE;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          _lyg_protocol_malformed (error, "devices");
          return NULL;
        }

      item = json_node_get_object (node);
      if (!_lyg_protocol_get_string (item, "id", TRUE, LYG_DEVICE_ID_HEX, &id, error) ||
          !_lyg_protocol_get_string (item, "name", TRUE, LYG_PROTOCOL_MAX_NAME * 4, &name, error) ||
          !_lyg_protocol_get_role (item, "role", TRUE, &role, error) ||
          !_lyg_protocol_get_time (item, "enrolled", FALSE, &enrolled, error) ||
          !_lyg_protocol_get_time (item, "last_seen", FALSE, &last_seen, error) ||
          !_lyg_protocol_get_bool (item, "revoked", &revoked, error))
        return NULL;

      if (!lyg_device_id_is_valid (id))
        {
          _lyg_protocol_malformed (error, "id");
          return NULL;
        }

      if (!_lyg_protocol_name_is_valid (name, TRUE))
        {
          _lyg_protocol_malformed (error, "name");
          return NULL;
        }

      g_ptr_array_add (devices, lyg_device_info_new (id, name, role, enrolled, last_seen, revoked));
    }

  return g_steal_pointer (&devices);
}

GBytes *
lyg_protocol_build_revoke_response (const char *device_id)
{
  JsonObject *object;

  g_return_val_if_fail (lyg_device_id_is_valid (device_id), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "device_id", device_id);
  json_object_set_boolean_member (object, "revoked", TRUE);

  return _lyg_protocol_object_to_bytes (object);
}

gboolean
lyg_protocol_parse_revoke_response (GBytes  *body,
                                    char   **device_id,
                                    GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *object;
  const char *id;
  gboolean revoked = FALSE;

  if (!(parser = _lyg_protocol_load_object (body, &object, error)))
    return FALSE;

  if (!_lyg_protocol_get_string (object, "device_id", TRUE, LYG_DEVICE_ID_HEX, &id, error) ||
      !_lyg_protocol_get_bool (object, "revoked", &revoked, error))
    return FALSE;

  if (!lyg_device_id_is_valid (id) || !revoked)
    return _lyg_protocol_malformed (error, "device_id");

  if (device_id != NULL)
    *device_id = g_strdup (id);

  return TRUE;
}

GBytes *
lyg_protocol_build_health (void)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "status", "ok");
  json_object_set_int_member (object, "version", LYG_PROTOCOL_VERSION);

  return _lyg_protocol_object_to_bytes (object);
}

/* Structs */

void
lyg_enroll_request_free (LygEnrollRequest *request)
{
  if (request == NULL)
    return;

  /* The code is a secret until used. */
  if (request->code != NULL)
    memset (request->code, 0, strlen (request->code));
  g_free (request->code);
  g_free (request->device_id);
  g_free (request->name);
  g_free (request);
}

void
lyg_enroll_response_free (LygEnrollResponse *response)
{
  if (response == NULL)
    return;

  if (response->token != NULL)
    memset (response->token, 0, strlen (response->token));
  g_free (response->token);
  g_free (response->device_id);
  g_free (response->team);
  g_free (response);
}

void
lyg_invite_request_free (LygInviteRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->name);
  g_free (request);
}

void
lyg_invite_response_free (LygInviteResponse *response)
{
  if (response == NULL)
    return;

  if (response->code != NULL)
    memset (response->code, 0, strlen (response->code));
  g_free (response->code);
  g_free (response);
}

LygDeviceInfo *
lyg_device_info_new (const char *id,
                     const char *name,
                     LygRole     role,
                     gint64      enrolled,
                     gint64      last_seen,
                     gboolean    revoked)
{
  LygDeviceInfo *device;

  g_return_val_if_fail (id != NULL, NULL);

  device = g_new0 (LygDeviceInfo, 1);
  device->id = g_strdup (id);
  device->name = g_strdup (name ? name : "");
  device->role = role;
  device->enrolled = enrolled;
  device->last_seen = last_seen;
  device->revoked = !!revoked;

  return device;
}

LygDeviceInfo *
lyg_device_info_copy (const LygDeviceInfo *device)
{
  g_return_val_if_fail (device != NULL, NULL);

  return lyg_device_info_new (device->id, device->name, device->role,
                              device->enrolled, device->last_seen, device->revoked);
}

void
lyg_device_info_free (LygDeviceInfo *device)
{
  if (device == NULL)
    return;

  g_free (device->id);
  g_free (device->name);
  g_free (device);
}
