/* lyg-server-private.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "lyg-server.h"

G_BEGIN_DECLS

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

/* lyg-server.c */
const char    *_lyg_server_client_address  (SoupServerMessage  *msg);

/* lyg-server-handlers.c */
gboolean       _lyg_server_rate_exceeded   (GHashTable         *table,
                                            const char         *address,
                                            guint               limit,
                                            guint              *count);
void           _lyg_server_audit           (LygServer          *self,
                                            SoupServerMessage  *msg,
                                            const char         *event,
                                            const char         *device_id,
                                            const char         *detail);
void           _lyg_server_respond         (SoupServerMessage  *msg,
                                            guint               status,
                                            GBytes             *body);
void           _lyg_server_respond_error   (SoupServerMessage  *msg,
                                            LygProtocolError    code,
                                            const char         *message);
void           _lyg_server_refuse_early    (SoupServerMessage  *msg,
                                            LygProtocolError    code,
                                            const char         *message);
LygDeviceInfo *_lyg_server_authorize       (LygServer          *self,
                                            SoupServerMessage  *msg,
                                            AuthLevel           level);
void           _lyg_server_handle_push     (LygServer          *self,
                                            SoupServerMessage  *msg,
                                            RequestState       *state,
                                            GBytes             *body);
void           _lyg_server_handle_pull     (LygServer          *self,
                                            SoupServerMessage  *msg,
                                            RequestState       *state,
                                            GHashTable         *query);
void           _lyg_server_handle_enroll   (LygServer          *self,
                                            SoupServerMessage  *msg,
                                            GBytes             *body);
void           _lyg_server_handle_invite   (LygServer          *self,
                                            SoupServerMessage  *msg,
                                            RequestState       *state,
                                            GBytes             *body);
void           _lyg_server_handle_devices  (LygServer          *self,
                                            SoupServerMessage  *msg);
void           _lyg_server_handle_revoke   (LygServer          *self,
                                            SoupServerMessage  *msg,
                                            RequestState       *state,
                                            GBytes             *body);

G_END_DECLS
