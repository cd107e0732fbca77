/* lyg-transport.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-transport"

#include "config.h"

#include "lyg-transport.h"

G_DEFINE_INTERFACE (LygTransport, lyg_transport, G_TYPE_OBJECT)

static void
lyg_transport_default_init (LygTransportInterface *iface)
{
}

void
lyg_transport_send_async (LygTransport        *self,
                          const char          *method,
                          const char          *path,
                          GBytes              *body,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (LYG_IS_TRANSPORT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL);

  LYG_TRANSPORT_GET_IFACE (self)->send_async (self, method, path, body, cancellable,
                                              callback, user_data);
}

GBytes *
lyg_transport_send_finish (LygTransport  *self,
                           GAsyncResult  *result,
                           guint         *status,
                           GError       **error)
{
  g_return_val_if_fail (LYG_IS_TRANSPORT (self), NULL);

  return LYG_TRANSPORT_GET_IFACE (self)->send_finish (self, result, status, error);
}

void
lyg_transport_set_token (LygTransport *self,
                         const char   *token)
{
  g_return_if_fail (LYG_IS_TRANSPORT (self));

  LYG_TRANSPORT_GET_IFACE (self)->set_token (self, token);
}

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} SyncCall;

static void
on_send_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SyncCall *call = user_data;

  call->result = g_object_ref (result);
  g_main_loop_quit (call->loop);
}

/* For command-line tools and worker threads: runs the request and iterates
 * the thread-default main context until it is done (the global default on
 * the main thread). A worker pushes a context of its own first, so the
 * app's main loop is never iterated from another thread. */
GBytes *
lyg_transport_send (LygTransport  *self,
                    const char    *method,
                    const char    *path,
                    GBytes        *body,
                    GCancellable  *cancellable,
                    guint         *status,
                    GError       **error)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  SyncCall call = { 0 };
  GBytes *out;

  g_return_val_if_fail (LYG_IS_TRANSPORT (self), NULL);

  call.loop = g_main_loop_new (context, FALSE);
  lyg_transport_send_async (self, method, path, body, cancellable, on_send_done_cb, &call);
  g_main_loop_run (call.loop);
  out = lyg_transport_send_finish (self, call.result, status, error);

  g_clear_object (&call.result);
  g_main_loop_unref (call.loop);

  return out;
}
