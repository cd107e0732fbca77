/* lyg-server-sqlite.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-server-storage.h"

G_BEGIN_DECLS

#define LYG_SERVER_SQLITE_SCHEMA_VERSION 2

#define LYG_TYPE_SERVER_SQLITE (lyg_server_sqlite_get_type ())

G_DECLARE_FINAL_TYPE (LygServerSqlite, lyg_server_sqlite, LYG, SERVER_SQLITE, GObject)

LygServerSqlite *lyg_server_sqlite_new      (const char       *path,
                                             GError          **error);
const char      *lyg_server_sqlite_get_path (LygServerSqlite  *self);

G_END_DECLS
