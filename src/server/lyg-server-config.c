/* lyg-server-config.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lygte-server"

#include "config.h"

#include "lyg-server-config.h"

#define DEFAULT_BOOTSTRAP_TTL (7 * 24 * 3600)

static char *
resolve (const char *data_dir,
         const char *path)
{
  if (g_path_is_absolute (path))
    return g_strdup (path);

  return g_build_filename (data_dir, path, NULL);
}

/**
 * lyg_server_config_new:
 * @data_dir: (nullable): the data directory, or %NULL for
 *   $XDG_DATA_HOME/lygte-server
 * @config_path: (nullable): the key file, or %NULL for the one in the data dir
 *
 * Returns the defaults; lyg_server_config_load() then applies the file.
 */
LygServerConfig *
lyg_server_config_new (const char *data_dir,
                       const char *config_path)
{
  LygServerConfig *config = g_new0 (LygServerConfig, 1);

  if (data_dir != NULL)
    config->data_dir = g_canonicalize_filename (data_dir, NULL);
  else
    config->data_dir = g_build_filename (g_get_user_data_dir (), "lygte-server", NULL);

  if (config_path != NULL)
    config->config_path = g_canonicalize_filename (config_path, NULL);
  else
    config->config_path = g_build_filename (config->data_dir, LYG_SERVER_CONFIG_NAME, NULL);

  config->database = g_build_filename (config->data_dir, "lygte-server.db", NULL);
  config->certificate = g_build_filename (config->data_dir, "cert.pem", NULL);
  config->key = g_build_filename (config->data_dir, "key.pem", NULL);
  config->listen = g_strdup ("0.0.0.0");
  config->port = LYG_SERVER_DEFAULT_PORT;
  config->bootstrap_ttl = DEFAULT_BOOTSTRAP_TTL;
  config->limits = lyg_server_limits_default ();

  return config;
}

static gboolean
read_string (GKeyFile    *file,
             const char  *group,
             const char  *key,
             const char  *data_dir,
             char       **out,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *value = g_key_file_get_string (file, group, key, &local_error);

  if (value == NULL)
    {
      if (g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND) ||
          g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_strstrip (value);
  g_free (*out);
  *out = data_dir ? resolve (data_dir, value) : g_strdup (value);

  return TRUE;
}

static gboolean
read_int (GKeyFile    *file,
          const char  *group,
          const char  *key,
          gint64       min,
          gint64       max,
          gint64      *out,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 value = g_key_file_get_int64 (file, group, key, &local_error);

  if (local_error != NULL)
    {
      if (g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND) ||
          g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (value < min || value > max)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "[%s] %s must be between %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT,
                   group, key, min, max);
      return FALSE;
    }

  *out = value;

  return TRUE;
}

/**
 * lyg_server_config_load:
 *
 * Reads the key file over the defaults. A missing file is fine (the
 * defaults stand); a file that exists but doesn't parse is an error.
 */
gboolean
lyg_server_config_load (LygServerConfig  *config,
                        GError          **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  gint64 port, max_body, max_batch, max_pull, enroll;

  g_return_val_if_fail (config != NULL, FALSE);

  port = config->port;
  max_body = (gint64) config->limits.max_body;
  max_batch = config->limits.max_batch;
  max_pull = config->limits.max_pull;
  enroll = config->limits.enroll_per_minute;

  if (!g_key_file_load_from_file (file, config->config_path, G_KEY_FILE_NONE, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  "%s: ", config->config_path);
      return FALSE;
    }

  if (!read_string (file, "server", "listen", NULL, &config->listen, error) ||
      !read_int (file, "server", "port", 1, G_MAXUINT16, &port, error) ||
      !read_string (file, "server", "database", config->data_dir, &config->database, error) ||
      !read_string (file, "server", "certificate", config->data_dir, &config->certificate, error) ||
      !read_string (file, "server", "key", config->data_dir, &config->key, error) ||
      !read_int (file, "limits", "max-body", 512 * 1024, LYG_PROTOCOL_MAX_BODY, &max_body, error) ||
      !read_int (file, "limits", "max-batch", 1, LYG_PROTOCOL_MAX_BATCH, &max_batch, error) ||
      !read_int (file, "limits", "max-pull", 1, LYG_PROTOCOL_MAX_PULL, &max_pull, error) ||
      !read_int (file, "limits", "enroll-per-minute", 0, 100000, &enroll, error) ||
      !read_int (file, "codes", "ttl", LYG_PROTOCOL_MIN_TTL, LYG_PROTOCOL_MAX_TTL,
                 &config->limits.code_ttl, error) ||
      !read_int (file, "codes", "bootstrap-ttl", LYG_PROTOCOL_MIN_TTL, LYG_PROTOCOL_MAX_TTL,
                 &config->bootstrap_ttl, error))
    {
      g_prefix_error (error, "%s: ", config->config_path);
      return FALSE;
    }

  config->port = (guint) port;
  config->limits.max_body = (gsize) max_body;
  config->limits.max_batch = (guint) max_batch;
  config->limits.max_pull = (guint) max_pull;
  config->limits.enroll_per_minute = (guint) enroll;

  return TRUE;
}

/**
 * lyg_server_config_save:
 *
 * Writes the settings as a commented key file (mode 0600).
 */
gboolean
lyg_server_config_save (const LygServerConfig  *config,
                        GError                **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (config != NULL, FALSE);

  text = g_strdup_printf (
    "# lygte-server settings. Relative paths are relative to the data directory.\n"
    "\n"
    "[server]\n"
    "# Address to listen on: 0.0.0.0 for every IPv4 interface, 127.0.0.1 for this\n"
    "# machine only, :: for IPv6.\n"
    "listen=%s\n"
    "port=%u\n"
    "database=%s\n"
    "certificate=%s\n"
    "key=%s\n"
    "\n"
    "[limits]\n"
    "# Largest request or response body, in bytes (at most %d).\n"
    "max-body=%" G_GSIZE_FORMAT "\n"
    "# Envelopes per push (at most %d) and per pull page (at most %d).\n"
    "max-batch=%u\n"
    "max-pull=%u\n"
    "# Enrollment attempts per client address and minute; 0 turns the limit off.\n"
    "enroll-per-minute=%u\n"
    "\n"
    "[codes]\n"
    "# Default lifetime of an enrollment code, in seconds.\n"
    "ttl=%" G_GINT64_FORMAT "\n"
    "# Lifetime of the bootstrap code that `init` prints.\n"
    "bootstrap-ttl=%" G_GINT64_FORMAT "\n",
    config->listen, config->port, config->database, config->certificate, config->key,
    LYG_PROTOCOL_MAX_BODY, config->limits.max_body,
    LYG_PROTOCOL_MAX_BATCH, LYG_PROTOCOL_MAX_PULL,
    config->limits.max_batch, config->limits.max_pull, config->limits.enroll_per_minute,
    config->limits.code_ttl, config->bootstrap_ttl);

  return g_file_set_contents_full (config->config_path, text, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

void
lyg_server_config_free (LygServerConfig *config)
{
  if (config == NULL)
    return;

  g_free (config->data_dir);
  g_free (config->config_path);
  g_free (config->database);
  g_free (config->certificate);
  g_free (config->key);
  g_free (config->listen);
  g_free (config);
}
