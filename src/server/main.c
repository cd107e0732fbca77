/* main.c — lygte-server
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lygte-server"

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>

#include "lyg-crypto.h"
#include "lyg-hlc.h"
#include "lyg-server-cert.h"
#include "lyg-server-config.h"
#include "lyg-server-sqlite.h"

#define CERT_DAYS (10 * 365)

static char *opt_data_dir;
static char *opt_config;
static char **opt_hosts;
static char *opt_cert;
static char *opt_key;
static char *opt_listen;
static int opt_port = -1;
static char *opt_name;
static char *opt_role;
static gint64 opt_ttl;
static int opt_limit = 100;
static gboolean opt_version;

static const GOptionEntry option_entries[] = {
  { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &opt_data_dir,
    "Data directory (default: $XDG_DATA_HOME/lygte-server)", "DIR" },
  { "config", 'c', 0, G_OPTION_ARG_FILENAME, &opt_config,
    "Configuration file (default: DIR/lygte-server.conf)", "FILE" },
  { "host", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_hosts,
    "init: host name or IP address for the certificate (repeatable; default localhost, 127.0.0.1)",
    "HOST" },
  { "cert", 0, 0, G_OPTION_ARG_FILENAME, &opt_cert,
    "init: use this PEM certificate instead of making a self-signed one", "FILE" },
  { "key", 0, 0, G_OPTION_ARG_FILENAME, &opt_key, "init: the private key for --cert", "FILE" },
  { "listen", 0, 0, G_OPTION_ARG_STRING, &opt_listen, "init, serve: address to listen on", "ADDR" },
  { "port", 'p', 0, G_OPTION_ARG_INT, &opt_port, "init, serve: port (default 8443)", "PORT" },
  { "name", 'n', 0, G_OPTION_ARG_STRING, &opt_name, "init, invite: name of the device to enroll",
    "NAME" },
  { "role", 'r', 0, G_OPTION_ARG_STRING, &opt_role, "invite: worker (default) or coordinator",
    "ROLE" },
  { "ttl", 't', 0, G_OPTION_ARG_INT64, &opt_ttl, "invite: seconds until the code expires",
    "SECONDS" },
  { "limit", 0, 0, G_OPTION_ARG_INT, &opt_limit, "audit: number of entries (default 100)", "N" },
  { "version", 0, 0, G_OPTION_ARG_NONE, &opt_version, "Print the version", NULL },
  { NULL }
};

static const char summary[] =
  "Commands:\n"
  "  init       Create the data directory, database and (unless --cert/--key)\n"
  "             a self-signed certificate; print its pin and a bootstrap code\n"
  "             for the first coordinator device\n"
  "  invite     Create a single-use enrollment code (--name, --role, --ttl)\n"
  "  devices    List the enrolled devices as JSON\n"
  "  revoke ID  Revoke a device; its next request gets 401 revoked\n"
  "  audit      Print the newest audit log entries as JSON lines\n"
  "  pin        Print the certificate's SHA-256 pin\n"
  "  serve      Run the HTTPS server";

static gboolean
fail (GError **error,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError     **error,
      const char  *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (G_IO_ERROR, G_IO_ERROR_FAILED, format, args));
  va_end (args);

  return FALSE;
}

static gboolean
is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_from_string (host);

  if (address != NULL)
    return g_inet_address_get_is_loopback (address);

  return g_ascii_strcasecmp (host, "localhost") == 0;
}

static LygServerStorage *
open_storage (LygServerConfig  *config,
              GError          **error)
{
  if (!g_file_test (config->database, G_FILE_TEST_EXISTS))
    {
      fail (error, "No database at %s; run `lygte-server init` first", config->database);
      return NULL;
    }

  return LYG_SERVER_STORAGE (lyg_server_sqlite_new (config->database, error));
}

static GTlsCertificate *
load_certificate (const char  *cert,
                  const char  *key,
                  GError     **error)
{
  GTlsCertificate *certificate = g_tls_certificate_new_from_files (cert, key, error);

  if (certificate == NULL)
    g_prefix_error (error, "Cannot load the certificate %s with key %s: ", cert, key);

  return certificate;
}

static void
print_code (const char *label,
            const char *code,
            gint64      expires)
{
  g_autofree char *expires_str = lyg_protocol_format_time (expires);

  g_print ("%s: %s\n", label, code);
  g_print ("expires: %s\n", expires_str);
}

static gboolean
cmd_init (LygServerConfig  *config,
          GError          **error)
{
  static const char * const default_hosts[] = { "localhost", "127.0.0.1", NULL };
  const char * const *hosts = opt_hosts ? (const char * const *) opt_hosts : default_hosts;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(LygServerStorage) storage = NULL;
  g_autofree char *pin = NULL;
  g_autofree char *code = NULL;
  g_autofree char *host = NULL;
  gboolean all_loopback = TRUE;
  gboolean config_exists;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if ((opt_cert == NULL) != (opt_key == NULL))
    return fail (error, "--cert and --key go together");

  if (g_mkdir_with_parents (config->data_dir, 0700) != 0)
    return fail (error, "Cannot create %s: %s", config->data_dir, g_strerror (errno));

  config_exists = g_file_test (config->config_path, G_FILE_TEST_EXISTS);
  if (config_exists && !lyg_server_config_load (config, error))
    return FALSE;

  if (g_file_test (config->database, G_FILE_TEST_EXISTS))
    return fail (error, "%s already exists: this server is initialised", config->database);

  for (guint i = 0; hosts[i] != NULL; i++)
    all_loopback &= is_loopback (hosts[i]);

  if (opt_listen != NULL)
    {
      g_free (config->listen);
      config->listen = g_strdup (opt_listen);
    }
  else if (!config_exists)
    {
      g_free (config->listen);
      config->listen = g_strdup (all_loopback ? "127.0.0.1" : "0.0.0.0");
    }

  if (opt_port >= 0)
    {
      if (opt_port < 1 || opt_port > G_MAXUINT16)
        return fail (error, "Not a port: %d", opt_port);
      config->port = (guint) opt_port;
    }

  if (opt_cert != NULL)
    {
      g_free (config->certificate);
      config->certificate = g_canonicalize_filename (opt_cert, NULL);
      g_free (config->key);
      config->key = g_canonicalize_filename (opt_key, NULL);
    }
  else
    {
      g_autofree char *cert_pem = NULL;
      g_autofree char *key_pem = NULL;

      if (g_file_test (config->certificate, G_FILE_TEST_EXISTS) ||
          g_file_test (config->key, G_FILE_TEST_EXISTS))
        return fail (error, "%s or %s already exists; not replacing it",
                     config->certificate, config->key);

      if (!lyg_server_cert_generate (hosts, CERT_DAYS, &cert_pem, &key_pem, error))
        return FALSE;

      if (!g_file_set_contents_full (config->key, key_pem, -1,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0600, error) ||
          !g_file_set_contents_full (config->certificate, cert_pem, -1,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0644, error))
        return FALSE;
    }

  certificate = load_certificate (config->certificate, config->key, error);
  if (certificate == NULL)
    return FALSE;

  if (!config_exists && !lyg_server_config_save (config, error))
    return FALSE;

  storage = LYG_SERVER_STORAGE (lyg_server_sqlite_new (config->database, error));
  if (storage == NULL)
    return FALSE;

  code = lyg_server_storage_create_code (storage, opt_name ? opt_name : "First coordinator",
                                         LYG_ROLE_COORDINATOR, now, now + config->bootstrap_ttl,
                                         NULL, error);
  if (code == NULL)
    return FALSE;

  lyg_server_storage_add_audit (storage, now, "bootstrap", NULL, NULL, "role=coordinator", NULL);

  pin = lyg_protocol_pin_from_certificate (certificate);
  host = g_strdup (hosts[0]);
  if (strchr (host, ':') != NULL)
    {
      g_autofree char *bracketed = g_strdup_printf ("[%s]", host);

      g_free (host);
      host = g_steal_pointer (&bracketed);
    }

  g_print ("data-dir: %s\n", config->data_dir);
  g_print ("config: %s\n", config->config_path);
  g_print ("database: %s\n", config->database);
  g_print ("certificate: %s\n", config->certificate);
  g_print ("pin: %s\n", pin);
  g_print ("url: https://%s:%u\n", host, config->port);
  print_code ("bootstrap-code", code, now + config->bootstrap_ttl);

  return TRUE;
}

static gboolean
cmd_invite (LygServerConfig  *config,
            GError          **error)
{
  g_autoptr(LygServerStorage) storage = NULL;
  g_autofree char *code = NULL;
  g_autofree char *detail = NULL;
  LygRole role = LYG_ROLE_WORKER;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 ttl;

  if (opt_name == NULL || *opt_name == '\0')
    return fail (error, "invite needs --name");

  if (opt_role != NULL && !lyg_role_from_string (opt_role, &role))
    return fail (error, "--role is worker or coordinator, not %s", opt_role);

  ttl = opt_ttl > 0 ? opt_ttl : config->limits.code_ttl;
  if (ttl < LYG_PROTOCOL_MIN_TTL || ttl > LYG_PROTOCOL_MAX_TTL)
    return fail (error, "--ttl must be between %d and %d seconds",
                 LYG_PROTOCOL_MIN_TTL, LYG_PROTOCOL_MAX_TTL);

  if (!(storage = open_storage (config, error)))
    return FALSE;

  code = lyg_server_storage_create_code (storage, opt_name, role, now, now + ttl, NULL, error);
  if (code == NULL)
    return FALSE;

  detail = g_strdup_printf ("role=%s, by admin", lyg_role_to_string (role));
  lyg_server_storage_add_audit (storage, now, "invite", NULL, NULL, detail, NULL);

  g_print ("name: %s\n", opt_name);
  g_print ("role: %s\n", lyg_role_to_string (role));
  print_code ("code", code, now + ttl);

  return TRUE;
}

static gboolean
cmd_devices (LygServerConfig  *config,
             GError          **error)
{
  g_autoptr(LygServerStorage) storage = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonArray) array = NULL;
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *text = NULL;

  if (!(storage = open_storage (config, error)) ||
      !(devices = lyg_server_storage_list_devices (storage, error)))
    return FALSE;

  array = json_array_new ();
  for (guint i = 0; i < devices->len; i++)
    json_array_add_element (array, lyg_protocol_device_to_json (g_ptr_array_index (devices, i)));
  json_node_set_array (root, array);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);

  return TRUE;
}

static gboolean
cmd_revoke (LygServerConfig  *config,
            const char       *device_id,
            GError          **error)
{
  g_autoptr(LygServerStorage) storage = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (device_id == NULL || !lyg_device_id_is_valid (device_id))
    return fail (error, "revoke needs a device id (16 lowercase hex digits)");

  if (!(storage = open_storage (config, error)) ||
      !lyg_server_storage_revoke_device (storage, device_id, now, error))
    return FALSE;

  lyg_server_storage_add_audit (storage, now, "revoke", device_id, NULL, "by admin", NULL);
  g_print ("revoked: %s\n", device_id);

  return TRUE;
}

static gboolean
cmd_audit (LygServerConfig  *config,
           GError          **error)
{
  g_autoptr(LygServerStorage) storage = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *page;
  gint64 after = 0;

  if (!(storage = open_storage (config, error)))
    return FALSE;

  /* Keep only the newest --limit entries. */
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_server_audit_entry_free);
  for (;;)
    {
      page = lyg_server_storage_list_audit (storage, after, 1000, error);
      if (page == NULL)
        return FALSE;

      if (page->len == 0)
        {
          g_ptr_array_unref (page);
          break;
        }

      after = ((LygServerAuditEntry *) g_ptr_array_index (page, page->len - 1))->id;
      g_ptr_array_extend_and_steal (entries, page);
      if (opt_limit > 0 && entries->len > (guint) opt_limit)
        g_ptr_array_remove_range (entries, 0, entries->len - opt_limit);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      const LygServerAuditEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *time = lyg_protocol_format_time (entry->time);
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "time");
      json_builder_add_string_value (builder, time);
      json_builder_set_member_name (builder, "event");
      json_builder_add_string_value (builder, entry->event);
      json_builder_set_member_name (builder, "device");
      json_builder_add_string_value (builder, entry->device);
      json_builder_set_member_name (builder, "address");
      json_builder_add_string_value (builder, entry->address);
      json_builder_set_member_name (builder, "detail");
      json_builder_add_string_value (builder, entry->detail);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
    }

  return TRUE;
}

static gboolean
cmd_pin (LygServerConfig  *config,
         GError          **error)
{
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autofree char *pin = NULL;

  if (!(certificate = load_certificate (config->certificate, config->key, error)))
    return FALSE;

  pin = lyg_protocol_pin_from_certificate (certificate);
  g_print ("%s\n", pin);

  return TRUE;
}

static gboolean
on_signal_quit_cb (gpointer user_data)
{
  GMainLoop *loop = user_data;

  g_message ("Stopping");
  g_main_loop_quit (loop);

  return G_SOURCE_REMOVE;
}

static gboolean
cmd_serve (LygServerConfig  *config,
           GError          **error)
{
  g_autoptr(LygServerStorage) storage = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(LygServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *pin = NULL;
  guint sigint, sigterm;

  if (opt_listen != NULL)
    {
      g_free (config->listen);
      config->listen = g_strdup (opt_listen);
    }

  if (opt_port >= 0)
    {
      if (opt_port > G_MAXUINT16)
        return fail (error, "Not a port: %d", opt_port);
      config->port = (guint) opt_port;
    }

  if (!(storage = open_storage (config, error)) ||
      !(certificate = load_certificate (config->certificate, config->key, error)) ||
      !(server = lyg_server_new (storage, certificate, error)))
    return FALSE;

  lyg_server_set_limits (server, &config->limits);

  if (!lyg_server_listen (server, config->listen, config->port, error))
    return FALSE;

  pin = lyg_protocol_pin_from_certificate (certificate);
  g_message ("Listening on https://%s:%u (certificate pin %s)",
             config->listen, config->port == 0 ? lyg_server_get_port (server) : config->port, pin);

  loop = g_main_loop_new (NULL, FALSE);
  sigint = g_unix_signal_add (SIGINT, on_signal_quit_cb, loop);
  sigterm = g_unix_signal_add (SIGTERM, on_signal_quit_cb, loop);
  g_main_loop_run (loop);
  g_source_remove (sigint);
  g_source_remove (sigterm);

  lyg_server_disconnect (server);

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LygServerConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  const char *command;
  gboolean ok;

  setlocale (LC_ALL, "");
  signal (SIGPIPE, SIG_IGN);

  context = g_option_context_new ("COMMAND [ARGUMENT] — the Lygte team server");
  g_option_context_add_main_entries (context, option_entries, NULL);
  g_option_context_set_summary (context, summary);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("lygte-server: %s\n", error->message);
      return 2;
    }

  if (opt_version)
    {
      g_print ("lygte-server %s (protocol %d)\n", PACKAGE_VERSION, LYG_PROTOCOL_VERSION);
      return 0;
    }

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return 2;
    }

  if (!lyg_crypto_init (&error))
    {
      g_printerr ("lygte-server: %s\n", error->message);
      return 1;
    }

  command = argv[1];
  config = lyg_server_config_new (opt_data_dir, opt_config);

  if (g_strcmp0 (command, "init") == 0)
    {
      ok = cmd_init (config, &error);
    }
  else
    {
      if (opt_config != NULL && !g_file_test (config->config_path, G_FILE_TEST_EXISTS))
        {
          g_printerr ("lygte-server: %s does not exist\n", config->config_path);
          return 1;
        }

      if (!lyg_server_config_load (config, &error))
        ok = FALSE;
      else if (g_strcmp0 (command, "invite") == 0)
        ok = cmd_invite (config, &error);
      else if (g_strcmp0 (command, "devices") == 0)
        ok = cmd_devices (config, &error);
      else if (g_strcmp0 (command, "revoke") == 0)
        ok = cmd_revoke (config, argc > 2 ? argv[2] : NULL, &error);
      else if (g_strcmp0 (command, "audit") == 0)
        ok = cmd_audit (config, &error);
      else if (g_strcmp0 (command, "pin") == 0)
        ok = cmd_pin (config, &error);
      else if (g_strcmp0 (command, "serve") == 0)
        ok = cmd_serve (config, &error);
      else
        {
          g_printerr ("lygte-server: unknown command “%s” (see --help)\n", command);
          return 2;
        }
    }

  if (!ok)
    {
      g_printerr ("lygte-server: %s\n", error->message);
      return 1;
    }

  return 0;
}
