/* lyg-server-config.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-server.h"

G_BEGIN_DECLS

#define LYG_SERVER_DEFAULT_PORT       8443
#define LYG_SERVER_CONFIG_NAME        "lygte-server.conf"

/* lygte-server's settings: a key file, by default
 * <data dir>/lygte-server.conf, where the data dir is
 * $XDG_DATA_HOME/lygte-server unless given. Relative paths in the file are
 * relative to the data dir.
 */
typedef struct
{
  char            *data_dir;
  char            *config_path;
  char            *database;
  char            *certificate;
  char            *key;
  char            *listen;
  guint            port;
  gint64           bootstrap_ttl;
  LygServerLimits  limits;
} LygServerConfig;

LygServerConfig *lyg_server_config_new  (const char             *data_dir,
                                         const char             *config_path);
gboolean         lyg_server_config_load (LygServerConfig        *config,
                                         GError                **error);
gboolean         lyg_server_config_save (const LygServerConfig  *config,
                                         GError                **error);
void             lyg_server_config_free (LygServerConfig        *config);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LygServerConfig, lyg_server_config_free)

G_END_DECLS
