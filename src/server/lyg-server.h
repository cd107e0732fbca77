/* lyg-server.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lyg-server-storage.h"

G_BEGIN_DECLS

/* Bounds the server enforces; lyg_server_limits_default() gives the
 * protocol's. Values outside what the protocol allows are clamped.
 */
typedef struct
{
  gsize  max_body;          /* bytes of a request or response body */
  guint  max_batch;         /* envelopes per push */
  guint  max_pull;          /* envelopes per pull page */
  guint  enroll_per_minute; /* enrollment attempts per client address; 0 = no limit */
  gint64 code_ttl;          /* default lifetime of an invitation code, seconds */
} LygServerLimits;

#define LYG_TYPE_SERVER (lyg_server_get_type ())

G_DECLARE_FINAL_TYPE (LygServer, lyg_server, LYG, SERVER, GObject)

LygServerLimits   lyg_server_limits_default   (void);

LygServer        *lyg_server_new              (LygServerStorage       *storage,
                                               GTlsCertificate        *certificate,
                                               GError                **error);
LygServerStorage *lyg_server_get_storage      (LygServer              *self);
GTlsCertificate  *lyg_server_get_certificate  (LygServer              *self);
void              lyg_server_get_limits       (LygServer              *self,
                                               LygServerLimits        *limits);
void              lyg_server_set_limits       (LygServer              *self,
                                               const LygServerLimits  *limits);
gboolean          lyg_server_listen           (LygServer              *self,
                                               const char             *address,
                                               guint                   port,
                                               GError                **error);
gboolean          lyg_server_listen_local     (LygServer              *self,
                                               guint                   port,
                                               GError                **error);
guint             lyg_server_get_port         (LygServer              *self);
char             *lyg_server_get_url          (LygServer              *self);
void              lyg_server_disconnect       (LygServer              *self);
gboolean          lyg_server_start_thread     (LygServer              *self,
                                               guint                   port,
                                               GError                **error);
void              lyg_server_stop_thread      (LygServer              *self);
guint             lyg_server_get_n_requests   (LygServer              *self);

G_END_DECLS
