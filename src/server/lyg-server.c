/* lyg-server.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lygte-server"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "lyg-hlc.h"
#include "lyg-server.h"

/* The HTTPS front of lygte-server.
 *
 * Every request is checked as soon as its headers are in (route, method,
 * body length, token, rate limit), so a request that will be refused never
 * has its body kept in memory. Whatever libsoup itself refuses at that
 * stage (for example a path that smuggles "..") also gets a JSON body.
 * Handlers run when the body is complete and answer every request with a
 * status and a JSON body.
 *
 * Logs never contain tokens, codes or blobs.
 */

#define RATE_WINDOW_US        (60 * G_USEC_PER_SEC)
#define REJECTS_AUDITED       60      /* rejected requests audited per address per minute */
#define RATE_TABLE_MAX        4096
#define TOUCH_INTERVAL        60      /* seconds between last_seen updates */
#define PULL_OVERHEAD         256     /* JSON bytes around one envelope's blob, at most */
#define MIN_BODY              (512 * 1024)
#define MAX_LOGGED_PATH       96

typedef enum
{
  ROUTE_NONE,
  ROUTE_HEALTH,
  ROUTE_RECORDS,
  ROUTE_ENROLL,
  ROUTE_INVITES,
  ROUTE_DEVICES,
  ROUTE_REVOKE,
} Route;

typedef enum
{
  AUTH_NONE,
  AUTH_DEVICE,
  AUTH_COORDINATOR,
} AuthLevel;

typedef struct
{
  Route          route;
  LygDeviceInfo *device;
  char          *target;   /* device id in the path */
} RequestState;

typedef struct
{
  gint64 window_start;
  guint  count;
} RateEntry;

struct _LygServer
{
  GObject            parent_instance;

  LygServerStorage  *storage;
  GTlsCertificate   *certificate;
  SoupServer        *soup;
  LygServerLimits    limits;

  GHashTable        *enroll_attempts;   /* address → RateEntry */
  GHashTable        *rejections;        /* address → RateEntry */
  guint              n_requests;        /* atomic */

  /* lyg_server_start_thread() */
  GThread           *thread;
  GMainContext      *context;
  GMainLoop         *loop;
  GMutex             mutex;
  GCond              cond;
  gboolean           ready;
  guint              thread_port;
  GError            *thread_error;
};

G_DEFINE_FINAL_TYPE (LygServer, lyg_server, G_TYPE_OBJECT)

static void
request_state_free (gpointer data)
{
  RequestState *state = data;

  g_clear_pointer (&state->device, lyg_device_info_free);
  g_free (state->target);
  g_free (state);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static const char *
client_address (SoupServerMessage *msg)
{
  const char *host = soup_server_message_get_remote_host (msg);

  return host != NULL ? host : "unknown";
}

/* A printable, bounded copy of a client-chosen path for the log. */
static char *
loggable_path (SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *path = uri ? g_uri_get_path (uri) : NULL;
  GString *out;

  if (path == NULL)
    return g_strdup ("-");

  out = g_string_new (NULL);
  for (const char *p = path; *p && out->len < MAX_LOGGED_PATH; p++)
    {
      if (g_ascii_isprint (*p) && *p != '\\')
        g_string_append_c (out, *p);
      else
        g_string_append_printf (out, "\\x%02x", (guchar) *p);
    }
  if (strlen (path) > out->len)
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

/* Rate limiting, fixed one-minute windows per client address */

static gboolean
rate_exceeded (GHashTable *table,
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

static void
audit (LygServer         *self,
       SoupServerMessage *msg,
       const char        *event,
       const char        *device_id,
       const char        *detail)
{
  g_autoptr(GError) error = NULL;

  if (!lyg_server_storage_add_audit (self->storage, now_seconds (), event, device_id,
                                     msg ? client_address (msg) : NULL, detail, &error))
    g_warning ("Could not write the audit log: %s", error->message);
}

/* A rejected request, audited unless this address is flooding us. */
static void
audit_rejection (LygServer         *self,
                 SoupServerMessage *msg,
                 const char        *device_id,
                 const char        *detail)
{
  const char *address = client_address (msg);
  guint count = 0;

  if (rate_exceeded (self->rejections, address, REJECTS_AUDITED, &count))
    return;

  audit (self, msg, "rejected", device_id, detail);

  if (count == REJECTS_AUDITED)
    g_message ("Many rejected requests from %s; auditing no more of them this minute", address);
}

/* Responses */

static void
respond (SoupServerMessage *msg,
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

static void
respond_error (SoupServerMessage *msg,
               LygProtocolError   code,
               const char        *message)
{
  g_autoptr(GBytes) body = lyg_protocol_build_error (code, message);

  respond (msg, lyg_protocol_error_get_status (code), body);
}

/* Refuses a request before its body is read: the body is then read and
 * dropped rather than kept.
 */
static void
refuse_early (SoupServerMessage *msg,
              LygProtocolError   code,
              const char        *message)
{
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  respond_error (msg, code, message);
}

static void
respond_storage_error (SoupServerMessage *msg,
                       const char        *what,
                       const GError      *error)
{
  g_warning ("Storage failed (%s): %s", what, error->message);
  respond_error (msg, LYG_PROTOCOL_ERROR_INTERNAL, NULL);
}

/* Routing */

static Route
match_route (const char  *path,
             char       **target)
{
  gsize prefix_len = strlen (LYG_API_PATH_DEVICES_PREFIX);
  gsize suffix_len = strlen (LYG_API_PATH_REVOKE_SUFFIX);
  gsize len;

  if (path == NULL)
    return ROUTE_NONE;

  if (strcmp (path, LYG_API_PATH_RECORDS) == 0)
    return ROUTE_RECORDS;
  if (strcmp (path, LYG_API_PATH_ENROLL) == 0)
    return ROUTE_ENROLL;
  if (strcmp (path, LYG_API_PATH_INVITES) == 0)
    return ROUTE_INVITES;
  if (strcmp (path, LYG_API_PATH_DEVICES) == 0)
    return ROUTE_DEVICES;
  if (strcmp (path, LYG_API_PATH_HEALTH) == 0)
    return ROUTE_HEALTH;

  len = strlen (path);
  if (len == prefix_len + LYG_DEVICE_ID_HEX + suffix_len &&
      g_str_has_prefix (path, LYG_API_PATH_DEVICES_PREFIX) &&
      g_str_has_suffix (path, LYG_API_PATH_REVOKE_SUFFIX))
    {
      g_autofree char *id = g_strndup (path + prefix_len, LYG_DEVICE_ID_HEX);

      if (lyg_device_id_is_valid (id))
        {
          *target = g_steal_pointer (&id);
          return ROUTE_REVOKE;
        }
    }

  return ROUTE_NONE;
}

static const char *
route_methods (Route route)
{
  switch (route)
    {
    case ROUTE_HEALTH:
    case ROUTE_DEVICES:
      return "GET";
    case ROUTE_RECORDS:
      return "GET, POST";
    case ROUTE_ENROLL:
    case ROUTE_INVITES:
    case ROUTE_REVOKE:
      return "POST";
    case ROUTE_NONE:
    default:
      return "";
    }
}

static gboolean
route_allows (Route       route,
              const char *method)
{
  if (method == SOUP_METHOD_GET)
    return route == ROUTE_HEALTH || route == ROUTE_DEVICES || route == ROUTE_RECORDS;
  if (method == SOUP_METHOD_POST)
    return route == ROUTE_RECORDS || route == ROUTE_ENROLL ||
           route == ROUTE_INVITES || route == ROUTE_REVOKE;
  return FALSE;
}

static AuthLevel
route_auth (Route route)
{
  switch (route)
    {
    case ROUTE_RECORDS:
      return AUTH_DEVICE;
    case ROUTE_INVITES:
    case ROUTE_DEVICES:
    case ROUTE_REVOKE:
      return AUTH_COORDINATOR;
    case ROUTE_NONE:
    case ROUTE_HEALTH:
    case ROUTE_ENROLL:
    default:
      return AUTH_NONE;
    }
}

static LygProtocolError
error_for_status (guint status)
{
  switch (status)
    {
    case SOUP_STATUS_NOT_FOUND:
      return LYG_PROTOCOL_ERROR_NOT_FOUND;
    case SOUP_STATUS_METHOD_NOT_ALLOWED:
      return LYG_PROTOCOL_ERROR_METHOD_NOT_ALLOWED;
    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:
      return LYG_PROTOCOL_ERROR_TOO_LARGE;
    case SOUP_STATUS_LENGTH_REQUIRED:
      return LYG_PROTOCOL_ERROR_LENGTH_REQUIRED;
    case SOUP_STATUS_UNAUTHORIZED:
      return LYG_PROTOCOL_ERROR_UNAUTHORIZED;
    case SOUP_STATUS_FORBIDDEN:
      return LYG_PROTOCOL_ERROR_FORBIDDEN;
    default:
      if (status >= 500)
        return LYG_PROTOCOL_ERROR_INTERNAL;
      return LYG_PROTOCOL_ERROR_MALFORMED;
    }
}

/* Checks the bearer token; on failure answers the request and returns
 * NULL. A revoked device gets its own code so the app can wipe its keys.
 */
static LygDeviceInfo *
authorize (LygServer         *self,
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
      refuse_early (msg, LYG_PROTOCOL_ERROR_UNAUTHORIZED, NULL);
      return NULL;
    }

  device = lyg_server_storage_authenticate (self->storage, header + strlen ("Bearer "), &error);
  if (device == NULL)
    {
      if (g_error_matches (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_NOT_FOUND))
        {
          audit_rejection (self, msg, NULL, "unknown token");
          refuse_early (msg, LYG_PROTOCOL_ERROR_UNAUTHORIZED, NULL);
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
      refuse_early (msg, LYG_PROTOCOL_ERROR_REVOKED, NULL);
      return NULL;
    }

  if (level == AUTH_COORDINATOR && device->role != LYG_ROLE_COORDINATOR)
    {
      audit_rejection (self, msg, device->id, "not a coordinator");
      refuse_early (msg, LYG_PROTOCOL_ERROR_FORBIDDEN, NULL);
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

static void
on_message_got_headers_cb (SoupServerMessage *msg,
                           LygServer         *self)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  RequestState *state;
  const char *method;
  GUri *uri;
  guint status;

  /* libsoup refused it already (a smuggled "..", a bad URI): say why in JSON. */
  status = soup_server_message_get_status (msg);
  if (status != 0)
    {
      refuse_early (msg, error_for_status (status), NULL);
      soup_server_message_set_status (msg, status, NULL);
      return;
    }

  state = g_new0 (RequestState, 1);
  g_object_set_data_full (G_OBJECT (msg), "lyg-request", state, request_state_free);

  uri = soup_server_message_get_uri (msg);
  method = soup_server_message_get_method (msg);
  state->route = match_route (uri ? g_uri_get_path (uri) : NULL, &state->target);

  if (state->route == ROUTE_NONE)
    {
      refuse_early (msg, LYG_PROTOCOL_ERROR_NOT_FOUND, NULL);
      return;
    }

  if (!route_allows (state->route, method))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Allow", route_methods (state->route));
      refuse_early (msg, LYG_PROTOCOL_ERROR_METHOD_NOT_ALLOWED, NULL);
      return;
    }

  /* Bound the body before reading any of it. */
  switch (soup_message_headers_get_encoding (headers))
    {
    case SOUP_ENCODING_NONE:
      break;

    case SOUP_ENCODING_CONTENT_LENGTH:
      if (soup_message_headers_get_content_length (headers) > (goffset) self->limits.max_body)
        {
          refuse_early (msg, LYG_PROTOCOL_ERROR_TOO_LARGE, NULL);
          return;
        }
      break;

    case SOUP_ENCODING_UNRECOGNIZED:
    case SOUP_ENCODING_EOF:
    case SOUP_ENCODING_CHUNKED:
    case SOUP_ENCODING_BYTERANGES:
    default:
      refuse_early (msg, LYG_PROTOCOL_ERROR_LENGTH_REQUIRED, NULL);
      return;
    }

  if (state->route == ROUTE_ENROLL)
    {
      guint count = 0;

      if (rate_exceeded (self->enroll_attempts, client_address (msg),
                         self->limits.enroll_per_minute, &count))
        {
          if (count == self->limits.enroll_per_minute + 1)
            {
              g_message ("Enrollment attempts from %s are being rate limited",
                         client_address (msg));
              audit (self, msg, "rate_limited", NULL, "enroll");
            }
          refuse_early (msg, LYG_PROTOCOL_ERROR_RATE_LIMITED, NULL);
          return;
        }
    }

  if (route_auth (state->route) != AUTH_NONE)
    {
      state->device = authorize (self, msg, route_auth (state->route));
      if (state->device == NULL)
        return;
    }
}

/* Handlers */

static void
handle_push (LygServer         *self,
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
      respond_error (msg, error->code, error->message);
      return;
    }

  if (envelopes->len > self->limits.max_batch)
    {
      respond_error (msg, LYG_PROTOCOL_ERROR_TOO_LARGE, "Too many envelopes in one batch");
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

  response = lyg_protocol_build_push_response (acks, head);
  respond (msg, SOUP_STATUS_OK, response);
}

static void
handle_pull (LygServer         *self,
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
      respond_error (msg, LYG_PROTOCOL_ERROR_MALFORMED, "Bad value for since");
      return;
    }

  if (limit_str != NULL)
    {
      if (!lyg_protocol_parse_uint (limit_str, G_MAXINT64, &limit) || limit == 0)
        {
          respond_error (msg, LYG_PROTOCOL_ERROR_MALFORMED, "Bad value for limit");
          return;
        }
      limit = MIN (limit, (gint64) self->limits.max_pull);
    }

  if (at != NULL && !lyg_stamp_is_valid (at))
    {
      respond_error (msg, LYG_PROTOCOL_ERROR_MALFORMED, "Bad value for at");
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
      if (there == NULL || there->seq != since || g_strcmp0 (there->envelope->hlc, at) != 0)
        {
          respond_error (msg, LYG_PROTOCOL_ERROR_CONFLICT,
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
  respond (msg, SOUP_STATUS_OK, response);
}

static void
handle_enroll (LygServer         *self,
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
      audit (self, msg, "enroll_failed", NULL, "malformed");
      respond_error (msg, error->code, error->message);
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
                 request->device_id, client_address (msg), lyg_protocol_error_to_code (code));
      audit (self, msg, "enroll_failed", request->device_id, lyg_protocol_error_to_code (code));
      respond_error (msg, code, NULL);
      return;
    }

  team = lyg_server_storage_get_team_id (self->storage, &error);
  if (team == NULL)
    {
      respond_storage_error (msg, "team", error);
      return;
    }

  g_message ("Enrolled device %s as %s from %s",
             device->id, lyg_role_to_string (device->role), client_address (msg));
  audit (self, msg, "enroll", device->id, lyg_role_to_string (device->role));

  response = lyg_protocol_build_enroll_response (token, device->id, device->role, team);
  respond (msg, SOUP_STATUS_OK, response);
}

static void
handle_invite (LygServer         *self,
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
      respond_error (msg, error->code, error->message);
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
  audit (self, msg, "invite", state->device->id, detail);
  g_message ("Device %s created an enrollment code (%s)", state->device->id, detail);

  response = lyg_protocol_build_invite_response (code, expires, request->role);
  respond (msg, SOUP_STATUS_OK, response);
}

static void
handle_devices (LygServer         *self,
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
  respond (msg, SOUP_STATUS_OK, response);
}

static void
handle_revoke (LygServer         *self,
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
          respond_error (msg, error->code, error->message);
          return;
        }

      if (!json_parser_load_from_data (parser, data, (gssize) length, NULL) ||
          !(root = json_parser_get_root (parser)) ||
          !JSON_NODE_HOLDS_OBJECT (root))
        {
          respond_error (msg, LYG_PROTOCOL_ERROR_MALFORMED, NULL);
          return;
        }
    }

  if (!lyg_server_storage_revoke_device (self->storage, state->target, now_seconds (), &error))
    {
      if (g_error_matches (error, LYG_SERVER_STORAGE_ERROR, LYG_SERVER_STORAGE_ERROR_NOT_FOUND))
        respond_error (msg, LYG_PROTOCOL_ERROR_NOT_FOUND, "No such device");
      else
        respond_storage_error (msg, "revoke", error);
      return;
    }

  detail = g_strdup_printf ("by %s", state->device->id);
  audit (self, msg, "revoke", state->target, detail);
  g_message ("Device %s revoked device %s", state->device->id, state->target);

  response = lyg_protocol_build_revoke_response (state->target);
  respond (msg, SOUP_STATUS_OK, response);
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  LygServer *self = user_data;
  RequestState *state = g_object_get_data (G_OBJECT (msg), "lyg-request");
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) health = NULL;

  if (state == NULL)
    {
      respond_error (msg, LYG_PROTOCOL_ERROR_NOT_FOUND, NULL);
      return;
    }

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (g_bytes_get_size (body) > self->limits.max_body)
    {
      respond_error (msg, LYG_PROTOCOL_ERROR_TOO_LARGE, NULL);
      return;
    }

  switch (state->route)
    {
    case ROUTE_HEALTH:
      health = lyg_protocol_build_health ();
      respond (msg, SOUP_STATUS_OK, health);
      break;

    case ROUTE_RECORDS:
      if (soup_server_message_get_method (msg) == SOUP_METHOD_POST)
        handle_push (self, msg, state, body);
      else
        handle_pull (self, msg, state, query);
      break;

    case ROUTE_ENROLL:
      handle_enroll (self, msg, body);
      break;

    case ROUTE_INVITES:
      handle_invite (self, msg, state, body);
      break;

    case ROUTE_DEVICES:
      handle_devices (self, msg);
      break;

    case ROUTE_REVOKE:
      handle_revoke (self, msg, state, body);
      break;

    case ROUTE_NONE:
    default:
      respond_error (msg, LYG_PROTOCOL_ERROR_NOT_FOUND, NULL);
      break;
    }
}

static void
on_server_request_started_cb (SoupServer        *server,
                              SoupServerMessage *msg,
                              LygServer         *self)
{
  g_atomic_int_inc (&self->n_requests);
  g_signal_connect_object (msg, "got-headers", G_CALLBACK (on_message_got_headers_cb), self, 0);
}

static void
on_server_request_finished_cb (SoupServer        *server,
                               SoupServerMessage *msg,
                               LygServer         *self)
{
  RequestState *state = g_object_get_data (G_OBJECT (msg), "lyg-request");
  g_autofree char *path = loggable_path (msg);
  g_autofree char *status = g_strdup_printf ("%u", soup_server_message_get_status (msg));
  const char *method = soup_server_message_get_method (msg);
  const char *device = state && state->device ? state->device->id : "-";

  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_INFO,
                    "LYG_HTTP_STATUS", status,
                    "LYG_DEVICE", device,
                    "MESSAGE", "%s %s %s %s (%s)",
                    method ? method : "-", path, status, device, client_address (msg));
}

/* Construction */

LygServerLimits
lyg_server_limits_default (void)
{
  LygServerLimits limits = {
    .max_body = LYG_PROTOCOL_MAX_BODY,
    .max_batch = LYG_PROTOCOL_MAX_BATCH,
    .max_pull = 1000,
    .enroll_per_minute = 10,
    .code_ttl = 3 * 24 * 3600,
  };

  return limits;
}

LygServer *
lyg_server_new (LygServerStorage  *storage,
                GTlsCertificate   *certificate,
                GError           **error)
{
  LygServer *self;

  g_return_val_if_fail (LYG_IS_SERVER_STORAGE (storage), NULL);
  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "No TLS support (is glib-networking installed?)");
      return NULL;
    }

  self = g_object_new (LYG_TYPE_SERVER, NULL);
  self->storage = g_object_ref (storage);
  self->certificate = g_object_ref (certificate);
  self->soup = soup_server_new ("tls-certificate", certificate,
                                "server-header", "lygte-server",
                                NULL);

  soup_server_add_handler (self->soup, NULL, on_request_cb, self, NULL);
  g_signal_connect_object (self->soup, "request-started",
                           G_CALLBACK (on_server_request_started_cb), self, 0);
  g_signal_connect_object (self->soup, "request-finished",
                           G_CALLBACK (on_server_request_finished_cb), self, 0);

  return self;
}

LygServerStorage *
lyg_server_get_storage (LygServer *self)
{
  g_return_val_if_fail (LYG_IS_SERVER (self), NULL);

  return self->storage;
}

GTlsCertificate *
lyg_server_get_certificate (LygServer *self)
{
  g_return_val_if_fail (LYG_IS_SERVER (self), NULL);

  return self->certificate;
}

void
lyg_server_get_limits (LygServer       *self,
                       LygServerLimits *limits)
{
  g_return_if_fail (LYG_IS_SERVER (self));
  g_return_if_fail (limits != NULL);

  *limits = self->limits;
}

void
lyg_server_set_limits (LygServer             *self,
                       const LygServerLimits *limits)
{
  g_return_if_fail (LYG_IS_SERVER (self));
  g_return_if_fail (limits != NULL);

  self->limits = *limits;
  self->limits.max_body = CLAMP (limits->max_body, MIN_BODY, LYG_PROTOCOL_MAX_BODY);
  self->limits.max_batch = CLAMP (limits->max_batch, 1, LYG_PROTOCOL_MAX_BATCH);
  self->limits.max_pull = CLAMP (limits->max_pull, 1, LYG_PROTOCOL_MAX_PULL);
  self->limits.code_ttl = CLAMP (limits->code_ttl, LYG_PROTOCOL_MIN_TTL, LYG_PROTOCOL_MAX_TTL);
}

gboolean
lyg_server_listen (LygServer   *self,
                   const char  *address,
                   guint        port,
                   GError     **error)
{
  g_autoptr(GSocketAddress) socket_address = NULL;

  g_return_val_if_fail (LYG_IS_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  socket_address = g_inet_socket_address_new_from_string (address, port);
  if (socket_address == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Not an IP address to listen on: %s", address);
      return FALSE;
    }

  return soup_server_listen (self->soup, socket_address, SOUP_SERVER_LISTEN_HTTPS, error);
}

/**
 * lyg_server_listen_local:
 * @port: the port, or 0 for any free one (see lyg_server_get_port())
 *
 * Listens on 127.0.0.1 in the thread-default main context.
 */
gboolean
lyg_server_listen_local (LygServer  *self,
                         guint       port,
                         GError    **error)
{
  g_return_val_if_fail (LYG_IS_SERVER (self), FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return soup_server_listen_local (self->soup, port,
                                   SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS,
                                   error);
}

guint
lyg_server_get_port (LygServer *self)
{
  GSList *uris;
  guint port = 0;

  g_return_val_if_fail (LYG_IS_SERVER (self), 0);

  if (self->thread != NULL)
    return self->thread_port;

  uris = soup_server_get_uris (self->soup);
  if (uris != NULL)
    port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return port;
}

/* The address to give clients when listening locally. */
char *
lyg_server_get_url (LygServer *self)
{
  g_return_val_if_fail (LYG_IS_SERVER (self), NULL);

  return g_strdup_printf ("https://127.0.0.1:%u", lyg_server_get_port (self));
}

void
lyg_server_disconnect (LygServer *self)
{
  g_return_if_fail (LYG_IS_SERVER (self));

  soup_server_disconnect (self->soup);
}

guint
lyg_server_get_n_requests (LygServer *self)
{
  g_return_val_if_fail (LYG_IS_SERVER (self), 0);

  return (guint) g_atomic_int_get (&self->n_requests);
}

/* Running on a thread of its own */

static gpointer
server_thread_func (gpointer data)
{
  LygServer *self = data;
  GError *error = NULL;
  gboolean ok;

  g_main_context_push_thread_default (self->context);

  ok = lyg_server_listen_local (self, self->thread_port, &error);

  g_mutex_lock (&self->mutex);
  if (ok)
    {
      GSList *uris = soup_server_get_uris (self->soup);

      if (uris != NULL)
        self->thread_port = (guint) g_uri_get_port (uris->data);
      g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
    }
  else
    {
      self->thread_error = error;
    }
  self->ready = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);

  if (ok)
    g_main_loop_run (self->loop);

  soup_server_disconnect (self->soup);
  while (g_main_context_iteration (self->context, FALSE))
    ;

  g_main_context_pop_thread_default (self->context);

  return NULL;
}

/**
 * lyg_server_start_thread:
 * @port: the port, or 0 for any free one
 *
 * Runs the server on 127.0.0.1 in a new thread with its own main context,
 * so that a synchronous client in the calling thread can talk to it.
 * Returns once the server listens; lyg_server_get_port() then tells the
 * port. Don't touch @self from other threads until
 * lyg_server_stop_thread(), except for the getters.
 */
gboolean
lyg_server_start_thread (LygServer  *self,
                         guint       port,
                         GError    **error)
{
  g_return_val_if_fail (LYG_IS_SERVER (self), FALSE);
  g_return_val_if_fail (self->thread == NULL, FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->context == NULL)
    self->context = g_main_context_new ();
  g_clear_pointer (&self->loop, g_main_loop_unref);
  self->loop = g_main_loop_new (self->context, FALSE);
  self->ready = FALSE;
  self->thread_port = port;

  self->thread = g_thread_new ("lygte-server", server_thread_func, self);

  g_mutex_lock (&self->mutex);
  while (!self->ready)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);

  if (self->thread_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->thread_error));
      g_thread_join (g_steal_pointer (&self->thread));
      return FALSE;
    }

  return TRUE;
}

/**
 * lyg_server_stop_thread:
 *
 * Stops a server started with lyg_server_start_thread(): closes the
 * listening socket and every connection, and joins the thread. The server
 * can be started again afterwards, for example on the same port.
 */
void
lyg_server_stop_thread (LygServer *self)
{
  g_return_if_fail (LYG_IS_SERVER (self));

  if (self->thread == NULL)
    return;

  g_main_loop_quit (self->loop);
  g_main_context_wakeup (self->context);
  g_thread_join (g_steal_pointer (&self->thread));
}

static void
lyg_server_dispose (GObject *object)
{
  LygServer *self = (LygServer *) object;

  lyg_server_stop_thread (self);

  if (self->soup != NULL)
    {
      soup_server_disconnect (self->soup);
      g_clear_object (&self->soup);
    }

  G_OBJECT_CLASS (lyg_server_parent_class)->dispose (object);
}

static void
lyg_server_finalize (GObject *object)
{
  LygServer *self = (LygServer *) object;

  g_clear_object (&self->storage);
  g_clear_object (&self->certificate);
  g_clear_pointer (&self->enroll_attempts, g_hash_table_unref);
  g_clear_pointer (&self->rejections, g_hash_table_unref);
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_error (&self->thread_error);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (lyg_server_parent_class)->finalize (object);
}

static void
lyg_server_class_init (LygServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lyg_server_dispose;
  object_class->finalize = lyg_server_finalize;
}

static void
lyg_server_init (LygServer *self)
{
  self->limits = lyg_server_limits_default ();
  self->enroll_attempts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->rejections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
}
