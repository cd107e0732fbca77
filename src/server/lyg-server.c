/* lyg-server.c
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

#define MIN_BODY              (512 * 1024)
#define MAX_LOGGED_PATH       96

G_DEFINE_FINAL_TYPE (LygServer, lyg_server, G_TYPE_OBJECT)

static void
request_state_free (gpointer data)
{
  RequestState *state = data;

  g_clear_pointer (&state->device, lyg_device_info_free);
  g_free (state->target);
  g_free (state);
}

const char *
_lyg_server_client_address (SoupServerMessage *msg)
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
      _lyg_server_refuse_early (msg, error_for_status (status), NULL);
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
      _lyg_server_refuse_early (msg, LYG_PROTOCOL_ERROR_NOT_FOUND, NULL);
      return;
    }

  if (!route_allows (state->route, method))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Allow", route_methods (state->route));
      _lyg_server_refuse_early (msg, LYG_PROTOCOL_ERROR_METHOD_NOT_ALLOWED, NULL);
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
          _lyg_server_refuse_early (msg, LYG_PROTOCOL_ERROR_TOO_LARGE, NULL);
          return;
        }
      break;

    case SOUP_ENCODING_UNRECOGNIZED:
    case SOUP_ENCODING_EOF:
    case SOUP_ENCODING_CHUNKED:
    case SOUP_ENCODING_BYTERANGES:
    default:
      _lyg_server_refuse_early (msg, LYG_PROTOCOL_ERROR_LENGTH_REQUIRED, NULL);
      return;
    }

  if (state->route == ROUTE_ENROLL)
    {
      guint count = 0;

      if (_lyg_server_rate_exceeded (self->enroll_attempts, _lyg_server_client_address (msg),
                                     self->limits.enroll_per_minute, &count))
        {
          if (count == self->limits.enroll_per_minute + 1)
            {
              g_message ("Enrollment attempts from %s are being rate limited",
                         _lyg_server_client_address (msg));
              _lyg_server_audit (self, msg, "rate_limited", NULL, "enroll");
            }
          _lyg_server_refuse_early (msg, LYG_PROTOCOL_ERROR_RATE_LIMITED, NULL);
          return;
        }
    }

  if (route_auth (state->route) != AUTH_NONE)
    {
      state->device = _lyg_server_authorize (self, msg, route_auth (state->route));
      if (state->device == NULL)
        return;
    }
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
      _lyg_server_respond_error (msg, LYG_PROTOCOL_ERROR_NOT_FOUND, NULL);
      return;
    }

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (g_bytes_get_size (body) > self->limits.max_body)
    {
      _lyg_server_respond_error (msg, LYG_PROTOCOL_ERROR_TOO_LARGE, NULL);
      return;
    }

  switch (state->route)
    {
    case ROUTE_HEALTH:
      health = lyg_protocol_build_health ();
      _lyg_server_respond (msg, SOUP_STATUS_OK, health);
      break;

    case ROUTE_RECORDS:
      if (soup_server_message_get_method (msg) == SOUP_METHOD_POST)
        _lyg_server_handle_push (self, msg, state, body);
      else
        _lyg_server_handle_pull (self, msg, state, query);
      break;

    case ROUTE_ENROLL:
      _lyg_server_handle_enroll (self, msg, body);
      break;

    case ROUTE_INVITES:
      _lyg_server_handle_invite (self, msg, state, body);
      break;

    case ROUTE_DEVICES:
      _lyg_server_handle_devices (self, msg);
      break;

    case ROUTE_REVOKE:
      _lyg_server_handle_revoke (self, msg, state, body);
      break;

    case ROUTE_NONE:
    default:
      _lyg_server_respond_error (msg, LYG_PROTOCOL_ERROR_NOT_FOUND, NULL);
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
                    method ? method : "-", path, status, device, _lyg_server_client_address (msg));
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
