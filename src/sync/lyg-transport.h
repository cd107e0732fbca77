/* lyg-transport.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LYG_TYPE_TRANSPORT (lyg_transport_get_type ())

G_DECLARE_INTERFACE (LygTransport, lyg_transport, LYG, TRANSPORT, GObject)

/* How the sync engine reaches the server. The real one is libsoup over
 * HTTPS (LygSoupTransport); tests wrap it to drop, duplicate or garble
 * requests and responses. A transport knows the base URL and the bearer
 * token; paths are the protocol's (/v1/…, with a query if any).
 */
struct _LygTransportInterface
{
  GTypeInterface parent_iface;

  void     (*send_async)  (LygTransport        *self,
                           const char          *method,
                           const char          *path,
                           GBytes              *body,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data);
  GBytes  *(*send_finish) (LygTransport        *self,
                           GAsyncResult        *result,
                           guint               *status,
                           GError             **error);
  void     (*set_token)   (LygTransport        *self,
                           const char          *token);
};

void     lyg_transport_send_async  (LygTransport        *self,
                                    const char          *method,
                                    const char          *path,
                                    GBytes              *body,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
GBytes  *lyg_transport_send_finish (LygTransport        *self,
                                    GAsyncResult        *result,
                                    guint               *status,
                                    GError             **error);
void     lyg_transport_set_token   (LygTransport        *self,
                                    const char          *token);
GBytes  *lyg_transport_send        (LygTransport        *self,
                                    const char          *method,
                                    const char          *path,
                                    GBytes              *body,
                                    GCancellable        *cancellable,
                                    guint               *status,
                                    GError             **error);

G_END_DECLS
