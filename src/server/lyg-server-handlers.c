/* lyg-server-handlers.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lygte-server"

#include "config.h"

#include <string.h>

#include "lyg-hlc.h"
#include "lyg-server-private.h"

/* What a routed request meets: rate limits, the audit log, the bearer
 * token check, the JSON responses, and the /v1/ handlers that run once
 * the body is complete.
 */

#define RATE_WINDOW_US        (60 * G_USEC_PER_SEC)
#define REJECTS_AUDITED       60      /* rejected requests audited per address per minute */
#define RATE_TABLE_MAX        4096
#define TOUCH_INTERVAL        60      /* seconds between last_seen updates */
#define PULL_OVERHEAD         256     /* JSON bytes around one envelope's blob, at most */

typedef struct
{
  gint64 window_start;
  guint  count;
} RateEntry;

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Rate limiting, fixed one-minute windows per client address */

gboolean
_lyg_server_rate_exceeded (GHashTable *table,
                           const char *address,
                           guint       limit,
                           guint      *count)
{
  gint64 now = g_get_monotonic_time ();
  RateEntry *entry;

  if (g_hash_table_size (table) > RATE_TABLE_MAX)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, table);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (now - ((RateEntry *) value)->window_start >= RATE_WINDOW_US)
          g_hash_table_iter_remove (&iter);
    }

  entry = g_hash_table_lookup (table, address);
  if (entry == NULL)
    {
      entry = g_new0 (RateEntry, 1);
      entry->window_start = now;
      g_hash_table_insert (table, g_strdup (address), entry);
    }
  else if (now - entry->window_start >= RATE_WINDOW_US)
    {
      entry->window_start = now;
      entry->count = 0;
    }

  if (entry->count < G_MAXUINT)
    entry->count++;

  if (count != NULL)
    *count = entry->count;

  return limit > 0 && entry->count > limit;
}

void
_lyg_server_audit (LygServer         *self,
                   SoupServerMessage *msg,
                   const char        *event,
                   const char        *device_id,
                   const char        *detail)
{
  g_autoptr(GError) error = NULL;

  if (!lyg_server_storage_add_audit (self->storage, now_seconds (), event, device_id,
                                     msg ? _lyg_server_client_address (msg) : NULL, detail, &error))
    g_warning ("Could not write the audit log: %s", error->message);
}

/* A rejected request, audited unless this address is flooding us. */
static void
audit_rejection (LygServer         *self,
                 SoupServerMessage *msg,
                 const char        *device_id,
                 const char        *detail)
{
  const char *address = _lyg_server_client_address (msg);
  guint count = 0;

  if (_lyg_server_rate_exceeded (self->rejections, address, REJECTS_AUDITED, &count))
    return;

  _lyg_server_audit (self, msg, "rejected", device_id, detail);

  if (count == REJECTS_AUDITED)
    g_message ("Many rejected requests from %s; auditing no more of them this minute", address);
}

/* Responses */

void
_lyg_server_respond (SoupServerMessage *msg,
                     guint              status,
                     GBytes            *body)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *response_body = soup_server_message_get_response_body (msg);

  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_set_content_type (headers, LYG_PROTOCOL_CONTENT_TYPE, NULL);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_message_body_truncate (response_body);
  soup_message_body_append_bytes (response_body, body);
  soup_message_headers_set_content_length (headers, g_bytes_get_size (body));
}

void
_lyg_server_respond_error (SoupServerMessage *msg,
                           LygProtocolError   code,
                           const char        *message)
{
  g_autoptr(GBytes) body = lyg_protocol_build_error (code, message);

  _lyg_server_respond (msg, lyg_protocol_error_get_status (code), body);
}

/* Refuses a request before its body is read: the body is then read and
 * dropped rather than kept.
 */
void
_lyg_server_refuse_early (SoupServerMessage *msg,
                          LygProtocolError   code,
                          const char        *message)
{
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  _lyg_server_respond_error (msg, code, message);
}

static void
respond_storage_error (SoupServerMessage *msg,
                       const char        *what,
                       const GError      *error)
{
  g_warning ("Storage failed (%s): %s", what, error->message);
  _lyg_server_respond_error (msg, LYG_PROTOCOL_ERROR_INTERNAL, NULL);
}

/* Checks the bearer token; on failure answers the request and returns
 * NULL. A revoked device gets its own code so the app can wipe its keys.
 */
LygDeviceInfo *
_lyg_server_authorize (LygServer         *self,
                       SoupServerMessage *msg,
                       AuthLevel          level)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(LygDeviceInfo) device = NULL;
  g_autoptr(GError) error = NULL;
  const char *header;
  gint64 now;

  header = soup_message_headers_get_one (headers, "Authorization");
  if (header == NULL || !g_str_has_prefix (header, "Bearer "))
    {
      audit_rejection (self, msg, NULL, header ? "bad authorization" : "no token");
      _lyg_server_refuse_early (msg, LYG_PROTOCOL_ERROR_UNAUTHORIZED, NULL);
      return NULL;
    }

  device = lyg_server_storage_authenticate (self->storage, header + strlen ("Bearer "), &error);
  if (device == NULL)
    {
      if (g_error_matches (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_NOT_FOUND))
        {
          audit_rejection (self, msg, NULL, "unknown token");
          _lyg_server_refuse_early (msg, LYG_PROTOCOL_ERROR_UNAUTHORIZED, NULL);
        }
      else
        {
          soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
          respond_storage_error (msg, "authenticate", error);
        }
      return NULL;
    }

  if (device->revoked)
    {
      audit_rejection (self, msg, device->id, "revoked");
      _lyg_server_refuse_early (msg, LYG_PROTOCOL_ERROR_REVOKED, NULL);
      return NULL;
    }

  if (level == AUTH_COORDINATOR && device->role != LYG_ROLE_COORDINATOR)
    {
      audit_rejection (self, msg, device->id, "not a coordinator");
      _lyg_server_refuse_early (msg, LYG_PROTOCOL_ERROR_FORBIDDEN, NULL);
      return NULL;
    }

  now = now_seconds ();
  if (now - device->last_seen >= TOUCH_INTERVAL)
    {
      g_autoptr(GError) touch_error = NULL;

      if (lyg_server_storage_touch_device (self->storage, device->id, now, &touch_error))
        device->last_seen = now;
      else
        g_warning ("Could not note that device %s was seen: %s", device->id, touch_error->message);
    }

  return g_steal_pointer (&device);
}

/* Handlers */

void
_lyg_server_handle_push (LygServer         *self,
                         SoupServerMessage *msg,
                         RequestState      *state,
                         GBytes            *body)
{
  g_autoptr(GPtrArray) envelopes = NULL;
  g_autoptr(GPtrArray) acks = NULL;
  g_autoptr(GArray) seqs = NULL;
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) error = NULL;
  gint64 head = 0;

  envelopes = lyg_protocol_parse_push (body, &error);
  if (envelopes == NULL)
    {
      _lyg_server_respond_error (msg, error->code, error->message);
      return;
    }

  if (envelopes->len > self->limits.max_batch)
    {
      _lyg_server_respond_error (msg, LYG_PROTOCOL_ERROR_TOO_LARGE,
                                 "Too many envelopes in one batch");
      return;
    }

  seqs = g_array_sized_new (FALSE, FALSE, sizeof (gint64), envelopes->len);
  if (!lyg_server_storage_push (self->storage, envelopes, state->device->id, now_seconds (),
                                seqs, &head, &error))
    {
      respond_storage_error (msg, "push", error);
      return;
    }

  acks = g_ptr_array_new_full (envelopes->len, (GDestroyNotify) lyg_push_ack_free);
  for (guint i = 0; i < envelopes->len; i++)
    {
      const LygEnvelope *envelope = g_ptr_array_index (envelopes, i);

      g_ptr_array_add (acks, lyg_push_ack_new (envelope->id, envelope->hlc, envelope->device,
                                               g_array_index (seqs, gint64, i)));
    }

  g_info ("Device %s pushed %u envelopes", state->device->id, envelopes->len);

  /* Erasures are worth a line in the audit log: how many, never which. */
  {
    guint n_erase = 0;

    for (guint i = 0; i < envelopes->len; i++)
      if (((const LygEnvelope *) g_ptr_array_index (envelopes, i))->erase)
        n_erase++;
    if (n_erase > 0)
      {
        g_autofree char *detail = g_strdup_printf ("records=%u", n_erase);
        g_autoptr(GError) audit_error = NULL;

        if (!lyg_server_storage_add_audit (self->storage, now_seconds (), "erase",
                                           state->device->id, NULL, detail, &audit_error))
          g_warning ("Could not note an erasure in the audit log: %s", audit_error->message);
      }
  }

  response = lyg_protocol_build_push_response (acks, head);
  _lyg_server_respond (msg, SOUP_STATUS_OK, response);
}

void
_lyg_server_handle_pull (LygServer         *self,
                         SoupServerMessage *msg,
                         RequestState      *state,
                         GHashTable        *query)
{
  g_autoptr(GPtrArray) envelopes = NULL;
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) error = NULL;
  const char *since_str = query ? g_hash_table_lookup (query, "since") : NULL;
  const char *limit_str = query ? g_hash_table_lookup (query, "limit") : NULL;
  const char *at = query ? g_hash_table_lookup (query, "at") : NULL;
  gint64 since = 0;
  gint64 limit = MIN (LYG_PROTOCOL_DEFAULT_PULL, self->limits.max_pull);
  gint64 budget;
  gboolean more = FALSE;
  gint64 head = 0;
  gint64 next;

  if (since_str != NULL && !lyg_protocol_parse_uint (since_str, G_MAXINT64, &since))
    {
      _lyg_server_respond_error (msg, LYG_PROTOCOL_ERROR_MALFORMED, "Bad value for since");
      return;
    }

  if (limit_str != NULL)
    {
      if (!lyg_protocol_parse_uint (limit_str, G_MAXINT64, &limit) || limit == 0)
        {
          _lyg_server_respond_error (msg, LYG_PROTOCOL_ERROR_MALFORMED, "Bad value for limit");
          return;
        }
      limit = MIN (limit, (gint64) self->limits.max_pull);
    }

  if (at != NULL && !lyg_stamp_is_valid (at))
    {
      _lyg_server_respond_error (msg, LYG_PROTOCOL_ERROR_MALFORMED, "Bad value for at");
      return;
    }

  /* The client says which revision it last pulled (seq "since", stamp
   * "at"). If this log holds another one there, it was restored from a
   * backup or replaced: the client must start over, or it would skip
   * whatever now sits between its cursor and the head. */
  if (at != NULL && since > 0)
    {
      g_autoptr(GPtrArray) check = NULL;
      LygStoredEnvelope *there = NULL;
      gboolean check_more = FALSE;
      gint64 check_head = 0;

      check = lyg_server_storage_pull (self->storage, since - 1, 1, G_MAXSIZE, &check_more,
                                       &check_head, &error);
      if (check == NULL)
        {
          respond_storage_error (msg, "pull", error);
          return;
        }
      if (check->len > 0)
        there = g_ptr_array_index (check, 0);
      /* A revision dropped by an erasure is not a replaced log. */
      if ((there == NULL || there->seq != since || g_strcmp0 (there->envelope->hlc, at) != 0) &&
          !lyg_server_storage_was_purged (self->storage, since, NULL))
        {
          _lyg_server_respond_error (msg, LYG_PROTOCOL_ERROR_CONFLICT,
                                     "The log changed under this cursor; pull from the start");
          return;
        }
    }

  /* Keep the page under max_body once base64 and JSON are added. */
  budget = ((gint64) self->limits.max_body - limit * PULL_OVERHEAD - 1024) / 4 * 3;
  budget = MAX (budget, 1);

  envelopes = lyg_server_storage_pull (self->storage, since, (guint) limit, (gsize) budget,
                                       &more, &head, &error);
  if (envelopes == NULL)
    {
      respond_storage_error (msg, "pull", error);
      return;
    }

  next = since;
  if (envelopes->len > 0)
    next = ((LygStoredEnvelope *) g_ptr_array_index (envelopes, envelopes->len - 1))->seq;

  g_debug ("Device %s pulled %u envelopes since %" G_GINT64_FORMAT,
           state->device->id, envelopes->len, since);

  response = lyg_protocol_build_pull_response (envelopes, next, more, head);
  _lyg_server_respond (msg, SOUP_STATUS_OK, response);
}

void
_lyg_server_handle_enroll (LygServer         *self,
                           SoupServerMessage *msg,
                           GBytes            *body)
{
  g_autoptr(LygEnrollRequest) request = NULL;
  g_autoptr(LygDeviceInfo) device = NULL;
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *team = NULL;
  LygProtocolError code;

  request = lyg_protocol_parse_enroll_request (body, &error);
  if (request == NULL)
    {
      _lyg_server_audit (self, msg, "enroll_failed", NULL, "malformed");
      _lyg_server_respond_error (msg, error->code, error->message);
      return;
    }

  token = lyg_server_storage_enroll (self->storage, request->code, request->device_id,
                                     request->name, now_seconds (), &device, &error);
  if (token == NULL)
    {
      if (error->domain != LYG_SERVER_STORAGE_ERROR)
        code = LYG_PROTOCOL_ERROR_INTERNAL;
      else if (error->code == LYG_SERVER_STORAGE_ERROR_NOT_FOUND)
        code = LYG_PROTOCOL_ERROR_BAD_CODE;
      else if (error->code == LYG_SERVER_STORAGE_ERROR_CODE_EXPIRED)
        code = LYG_PROTOCOL_ERROR_EXPIRED_CODE;
      else if (error->code == LYG_SERVER_STORAGE_ERROR_CODE_USED)
        code = LYG_PROTOCOL_ERROR_USED_CODE;
      else if (error->code == LYG_SERVER_STORAGE_ERROR_EXISTS)
        code = LYG_PROTOCOL_ERROR_CONFLICT;
      else
        code = LYG_PROTOCOL_ERROR_INTERNAL;

      if (code == LYG_PROTOCOL_ERROR_INTERNAL)
        {
          respond_storage_error (msg, "enroll", error);
          return;
        }

      g_message ("Enrollment of device %s from %s failed: %s",
                 request->device_id, _lyg_server_client_address (msg),
                 lyg_protocol_error_to_code (code));
      _lyg_server_audit (self, msg, "enroll_failed", request->device_id,
                         lyg_protocol_error_to_code (code));
      _lyg_server_respond_error (msg, code, NULL);
      return;
    }

  team = lyg_server_storage_get_team_id (self->storage, &error);
  if (team == NULL)
    {
      respond_storage_error (msg, "team", error);
      return;
    }

  g_message ("Enrolled device %s as %s from %s",
             device->id, lyg_role_to_string (device->role), _lyg_server_client_address (msg));
  _lyg_server_audit (self, msg, "enroll", device->id, lyg_role_to_string (device->role));

  response = lyg_protocol_build_enroll_response (token, device->id, device->role, team);
  _lyg_server_respond (msg, SOUP_STATUS_OK, response);
}

void
_lyg_server_handle_invite (LygServer         *self,
                           SoupServerMessage *msg,
                           RequestState      *state,
                           GBytes            *body)
{
  g_autoptr(LygInviteRequest) request = NULL;
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *detail = NULL;
  gint64 now = now_seconds ();
  gint64 expires;

  request = lyg_protocol_parse_invite_request (body, &error);
  if (request == NULL)
    {
      _lyg_server_respond_error (msg, error->code, error->message);
      return;
    }

  expires = now + (request->ttl > 0 ? request->ttl : self->limits.code_ttl);
  code = lyg_server_storage_create_code (self->storage, request->name, request->role,
                                         now, expires, state->device->id, &error);
  if (code == NULL)
    {
      respond_storage_error (msg, "invite", error);
      return;
    }

  detail = g_strdup_printf ("role=%s", lyg_role_to_string (request->role));
  _lyg_server_audit (self, msg, "invite", state->device->id, detail);
  g_message ("Device %s created an enrollment code (%s)", state->device->id, detail);

  response = lyg_protocol_build_invite_response (code, expires, request->role);
  _lyg_server_respond (msg, SOUP_STATUS_OK, response);
}

void
_lyg_server_handle_devices (LygServer         *self,
                            SoupServerMessage *msg)
{
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) error = NULL;

  devices = lyg_server_storage_list_devices (self->storage, &error);
  if (devices == NULL)
    {
      respond_storage_error (msg, "devices", error);
      return;
    }

  response = lyg_protocol_build_devices (devices);
  _lyg_server_respond (msg, SOUP_STATUS_OK, response);
}

void
_lyg_server_handle_revoke (LygServer         *self,
                           SoupServerMessage *msg,
                           RequestState      *state,
                           GBytes            *body)
{
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;

  /* The body may be empty or an (ignored) JSON object. */
  if (g_bytes_get_size (body) > 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      const char *data = g_bytes_get_data (body, NULL);
      gsize length = g_bytes_get_size (body);
      JsonNode *root;

      if (!lyg_protocol_check_json (data, length, &error))
        {
          _lyg_server_respond_error (msg, error->code, error->message);
          return;
        }

      if (!json_parser_load_from_data (parser, data, (gssize) length, NULL) ||
          !(root = json_parser_get_root (parser)) ||
          !JSON_NODE_HOLDS_OBJECT (root))
        {
          _lyg_server_respond_error (msg, LYG_PROTOCOL_ERROR_MALFORMED, NULL);
          return;
        }
    }

  if (!lyg_server_storage_revoke_device (self->storage, state->target, now_seconds (), &error))
    {
      if (g_error_matches (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_NOT_FOUND))
        _lyg_server_respond_error (msg, LYG_PROTOCOL_ERROR_NOT_FOUND, "No such device");
      else
        respond_storage_error (msg, "revoke", error);
      return;
    }

  detail = g_strdup_printf ("by %s", state->device->id);
  _lyg_server_audit (self, msg, "revoke", state->target, detail);
  g_message ("Device %s revoked device %s", state->device->id, state->target);

  response = lyg_protocol_build_revoke_response (state->target);
  _lyg_server_respond (msg, SOUP_STATUS_OK, response);
}
