/* lyg-soup-transport.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-transport.h"

G_BEGIN_DECLS

#define LYG_SYNC_ERROR (lyg_sync_error_quark ())

typedef enum
{
  LYG_SYNC_ERROR_AUTH,
  LYG_SYNC_ERROR_REVOKED,
  LYG_SYNC_ERROR_CONFLICT,
  LYG_SYNC_ERROR_PROTOCOL,
  LYG_SYNC_ERROR_SERVER,
  LYG_SYNC_ERROR_PIN,
  LYG_SYNC_ERROR_NOT_JOINED,
  LYG_SYNC_ERROR_INVITATION,
  LYG_SYNC_ERROR_TRAINING,
} LygSyncError;

#define LYG_TYPE_SOUP_TRANSPORT (lyg_soup_transport_get_type ())

G_DECLARE_FINAL_TYPE (LygSoupTransport, lyg_soup_transport, LYG, SOUP_TRANSPORT, GObject)

GQuark            lyg_sync_error_quark      (void);
LygSoupTransport *lyg_soup_transport_new    (const char  *base_url,
                                             const char  *pin,
                                             GError     **error);
const char       *lyg_soup_transport_get_url (LygSoupTransport *self);

G_END_DECLS
