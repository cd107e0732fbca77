/* lyg-server-cert.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean lyg_server_cert_generate (const char * const  *hosts,
                                   guint                days,
                                   char               **cert_pem,
                                   char               **key_pem,
                                   GError             **error);

G_END_DECLS
