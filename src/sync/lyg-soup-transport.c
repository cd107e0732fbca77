/* lyg-soup-transport.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-transport"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "lyg-protocol.h"
#include "lyg-soup-transport.h"

struct _LygSoupTransport
{
  GObject      parent_instance;

  SoupSession *session;
  char        *base_url;
  char        *pin;      /* SHA-256 of the server certificate, or NULL */
  char        *token;
};

static void transport_iface_init (LygTransportInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LygSoupTransport, lyg_soup_transport, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LYG_TYPE_TRANSPORT, transport_iface_init))
G_DEFINE_QUARK (lyg-sync-error-quark, lyg_sync_error)

typedef struct
{
  SoupMessage *message;
  guint        status;
  gboolean     pin_refused;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->message);
  g_free (request);
}

/* With a pin there is no CA database at all (see _new), so every server
 * certificate lands here, and exactly the pinned one is accepted, before
 * the request (and its token) is sent. */
static gboolean
on_message_accept_certificate_cb (SoupMessage          *message,
                                  GTlsCertificate      *peer,
                                  GTlsCertificateFlags  errors,
                                  gpointer              user_data)
{
  GTask *task = user_data;
  LygSoupTransport *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autofree char *pin = lyg_protocol_pin_from_certificate (peer);

  if (self->pin != NULL && pin != NULL && g_ascii_strcasecmp (pin, self->pin) == 0)
    return TRUE;

  request->pin_refused = TRUE;

  return FALSE;
}

static void
on_send_and_read_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      if (request->pin_refused)
        g_task_return_new_error (task, LYG_SYNC_ERROR, LYG_SYNC_ERROR_PIN,
                                 _("The server’s certificate is not the one in the invitation. "
                                   "Someone may be intercepting the connection."));
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_bytes_get_size (body) > LYG_PROTOCOL_MAX_BODY)
    {
      g_task_return_new_error (task, LYG_SYNC_ERROR, LYG_SYNC_ERROR_PROTOCOL,
                               _("The server sent an answer that is too large"));
      return;
    }

  request->status = soup_message_get_status (request->message);
  g_task_return_pointer (task, g_steal_pointer (&body), (GDestroyNotify) g_bytes_unref);
}

static void
lyg_soup_transport_send_async (LygTransport        *transport,
                               const char          *method,
                               const char          *path,
                               GBytes              *body,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  LygSoupTransport *self = LYG_SOUP_TRANSPORT (transport);
  g_autoptr(GTask) task = NULL;
  g_autofree char *uri = NULL;
  SoupMessageHeaders *headers;
  Request *request;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lyg_soup_transport_send_async);

  uri = g_strconcat (self->base_url, path, NULL);
  request = g_new0 (Request, 1);
  request->message = soup_message_new (method, uri);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  if (request->message == NULL)
    {
      g_task_return_new_error (task, LYG_SYNC_ERROR, LYG_SYNC_ERROR_PROTOCOL,
                               _("The server address is not valid"));
      return;
    }

  headers = soup_message_get_request_headers (request->message);
  if (self->token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", self->token, NULL);
      soup_message_headers_replace (headers, "Authorization", value);
    }
  if (body != NULL)
    soup_message_set_request_body_from_bytes (request->message, LYG_PROTOCOL_CONTENT_TYPE, body);

  /* Every request of the protocol is safe to repeat (pushes are idempotent
   * on id, hlc and device), and marking them so keeps one TLS connection
   * alive instead of a handshake per POST. */
  soup_message_add_flags (request->message, SOUP_MESSAGE_IDEMPOTENT);

  if (self->pin != NULL)
    g_signal_connect_object (request->message, "accept-certificate",
                             G_CALLBACK (on_message_accept_certificate_cb), task, 0);

  soup_session_send_and_read_async (self->session, request->message, G_PRIORITY_DEFAULT,
                                    cancellable, on_send_and_read_cb, g_object_ref (task));
}

static GBytes *
lyg_soup_transport_send_finish (LygTransport  *transport,
                                GAsyncResult  *result,
                                guint         *status,
                                GError       **error)
{
  Request *request = g_task_get_task_data (G_TASK (result));

  if (status != NULL)
    *status = request->status;

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
lyg_soup_transport_set_token (LygTransport *transport,
                              const char   *token)
{
  LygSoupTransport *self = LYG_SOUP_TRANSPORT (transport);

  g_free (self->token);
  self->token = g_strdup (token);
}

static void
transport_iface_init (LygTransportInterface *iface)
{
  iface->send_async = lyg_soup_transport_send_async;
  iface->send_finish = lyg_soup_transport_send_finish;
  iface->set_token = lyg_soup_transport_set_token;
}

static void
lyg_soup_transport_finalize (GObject *object)
{
  LygSoupTransport *self = (LygSoupTransport *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->pin, g_free);
  g_clear_pointer (&self->token, g_free);

  G_OBJECT_CLASS (lyg_soup_transport_parent_class)->finalize (object);
}

static void
lyg_soup_transport_class_init (LygSoupTransportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lyg_soup_transport_finalize;
}

static void
lyg_soup_transport_init (LygSoupTransport *self)
{
}

LygSoupTransport *
lyg_soup_transport_new (const char  *base_url,
                        const char  *pin,
                        GError     **error)
{
  g_autoptr(LygSoupTransport) self = NULL;
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (base_url != NULL, NULL);

  uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 ||
      g_uri_get_host (uri) == NULL)
    {
      g_set_error (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_PROTOCOL,
                   _("“%s” is not an https:// server address"), base_url);
      return NULL;
    }
  if (pin != NULL && !lyg_protocol_pin_is_valid (pin))
    {
      g_set_error_literal (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_PROTOCOL,
                           _("The certificate pin is not valid"));
      return NULL;
    }

  self = g_object_new (LYG_TYPE_SOUP_TRANSPORT, NULL);
  self->base_url = g_strdup (base_url);
  /* The protocol's paths start with '/'. */
  while (g_str_has_suffix (self->base_url, "/"))
    self->base_url[strlen (self->base_url) - 1] = '\0';
  self->pin = g_strdup (pin);
  self->session = soup_session_new_with_options ("timeout", 60, "idle-timeout", 60,
                                                 "user-agent", "Lygte/" PACKAGE_VERSION, NULL);

  /* Pinned: trust no CA, so a CA-signed certificate that is not the pinned
   * one is refused too. Unpinned: the system's CA database, the default. */
  if (pin != NULL)
    soup_session_set_tls_database (self->session, NULL);

  return g_steal_pointer (&self);
}

const char *
lyg_soup_transport_get_url (LygSoupTransport *self)
{
  g_return_val_if_fail (LYG_IS_SOUP_TRANSPORT (self), NULL);

  return self->base_url;
}
