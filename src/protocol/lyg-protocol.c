/* lyg-protocol.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-protocol"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lyg-crypto.h"
#include "lyg-hlc.h"
#include "lyg-protocol-private.h"

#define MAX_TIME_STRING   64

G_DEFINE_QUARK (lyg-protocol-error-quark, lyg_protocol_error)

typedef struct
{
  const char *code;
  guint       status;
} ErrorInfo;

/* Indexed by LygProtocolError. */
static const ErrorInfo error_info[] = {
  { "malformed",          400 },
  { "length_required",    411 },
  { "too_large",          413 },
  { "unauthorized",       401 },
  { "revoked",            401 },
  { "forbidden",          403 },
  { "not_found",          404 },
  { "method_not_allowed", 405 },
  { "conflict",           409 },
  { "expired_code",       410 },
  { "used_code",          410 },
  { "bad_code",           403 },
  { "rate_limited",       429 },
  { "internal",           500 },
  { "unknown",            500 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (error_info) == LYG_PROTOCOL_ERROR_UNKNOWN + 1);

const char *
lyg_protocol_error_to_code (LygProtocolError error)
{
  if ((guint) error >= G_N_ELEMENTS (error_info))
    error = LYG_PROTOCOL_ERROR_UNKNOWN;

  return error_info[error].code;
}

LygProtocolError
lyg_protocol_error_from_code (const char *code)
{
  if (code == NULL)
    return LYG_PROTOCOL_ERROR_UNKNOWN;

  for (guint i = 0; i < G_N_ELEMENTS (error_info); i++)
    if (strcmp (code, error_info[i].code) == 0)
      return (LygProtocolError) i;

  return LYG_PROTOCOL_ERROR_UNKNOWN;
}

guint
lyg_protocol_error_get_status (LygProtocolError error)
{
  if ((guint) error >= G_N_ELEMENTS (error_info))
    error = LYG_PROTOCOL_ERROR_UNKNOWN;

  return error_info[error].status;
}

const char *
lyg_protocol_error_get_message (LygProtocolError error)
{
  switch (error)
    {
    case LYG_PROTOCOL_ERROR_MALFORMED:
      return _("The message was malformed");
    case LYG_PROTOCOL_ERROR_LENGTH_REQUIRED:
      return _("The request did not say how long it is");
    case LYG_PROTOCOL_ERROR_TOO_LARGE:
      return _("The message is too large");
    case LYG_PROTOCOL_ERROR_UNAUTHORIZED:
      return _("This device is not enrolled with the server");
    case LYG_PROTOCOL_ERROR_REVOKED:
      return _("This device has been removed from the team");
    case LYG_PROTOCOL_ERROR_FORBIDDEN:
      return _("Only a coordinator can do this");
    case LYG_PROTOCOL_ERROR_NOT_FOUND:
      return _("The server does not know this address or device");
    case LYG_PROTOCOL_ERROR_METHOD_NOT_ALLOWED:
      return _("The server does not allow this kind of request here");
    case LYG_PROTOCOL_ERROR_CONFLICT:
      return _("This device is already enrolled");
    case LYG_PROTOCOL_ERROR_EXPIRED_CODE:
      return _("The enrollment code has expired");
    case LYG_PROTOCOL_ERROR_USED_CODE:
      return _("The enrollment code has already been used");
    case LYG_PROTOCOL_ERROR_BAD_CODE:
      return _("The enrollment code is not correct");
    case LYG_PROTOCOL_ERROR_RATE_LIMITED:
      return _("Too many attempts. Wait a minute and try again");
    case LYG_PROTOCOL_ERROR_INTERNAL:
      return _("The server had an internal error");
    case LYG_PROTOCOL_ERROR_UNKNOWN:
    default:
      return _("The server answered with an unexpected error");
    }
}

static LygProtocolError
error_from_status (guint status)
{
  switch (status)
    {
    case 400: return LYG_PROTOCOL_ERROR_MALFORMED;
    case 401: return LYG_PROTOCOL_ERROR_UNAUTHORIZED;
    case 403: return LYG_PROTOCOL_ERROR_FORBIDDEN;
    case 404: return LYG_PROTOCOL_ERROR_NOT_FOUND;
    case 405: return LYG_PROTOCOL_ERROR_METHOD_NOT_ALLOWED;
    case 409: return LYG_PROTOCOL_ERROR_CONFLICT;
    case 411: return LYG_PROTOCOL_ERROR_LENGTH_REQUIRED;
    case 413: return LYG_PROTOCOL_ERROR_TOO_LARGE;
    case 429: return LYG_PROTOCOL_ERROR_RATE_LIMITED;
    default:
      if (status >= 500 && status < 600)
        return LYG_PROTOCOL_ERROR_INTERNAL;
      return LYG_PROTOCOL_ERROR_UNKNOWN;
    }
}

const char *
lyg_role_to_string (LygRole role)
{
  switch (role)
    {
    case LYG_ROLE_COORDINATOR:
      return "coordinator";
    case LYG_ROLE_WORKER:
    default:
      return "worker";
    }
}

gboolean
lyg_role_from_string (const char *str,
                      LygRole    *role)
{
  LygRole value;

  if (g_strcmp0 (str, "worker") == 0)
    value = LYG_ROLE_WORKER;
  else if (g_strcmp0 (str, "coordinator") == 0)
    value = LYG_ROLE_COORDINATOR;
  else
    return FALSE;

  if (role != NULL)
    *role = value;

  return TRUE;
}

/* Parsing helpers */

gboolean
_lyg_protocol_malformed (GError     **error,
                         const char  *what)
{
  /* Translators: %s names the part of the message that is wrong (for developers). */
  g_set_error (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_MALFORMED,
               _("The message was malformed (%s)"), what);
  return FALSE;
}

static gboolean
is_lower_hex (const char *str,
              gsize       len)
{
  if (str == NULL || strlen (str) != len)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!(g_ascii_isdigit (str[i]) || (str[i] >= 'a' && str[i] <= 'f')))
      return FALSE;

  return TRUE;
}

gboolean
_lyg_protocol_name_is_valid (const char *name,
                             gboolean    allow_empty)
{
  glong n_chars;

  if (name == NULL)
    return FALSE;

  if (strlen (name) > LYG_PROTOCOL_MAX_NAME * 4 ||
      !g_utf8_validate (name, -1, NULL))
    return FALSE;

  n_chars = g_utf8_strlen (name, -1);
  if (n_chars > LYG_PROTOCOL_MAX_NAME || (n_chars == 0 && !allow_empty))
    return FALSE;

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        return FALSE;
    }

  return TRUE;
}

gboolean
lyg_protocol_check_json (const char  *data,
                         gsize        length,
                         GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  if (length > LYG_PROTOCOL_MAX_BODY)
    {
      g_set_error_literal (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_TOO_LARGE,
                           lyg_protocol_error_get_message (LYG_PROTOCOL_ERROR_TOO_LARGE));
      return FALSE;
    }

  if (data == NULL || length == 0)
    return _lyg_protocol_malformed (error, "empty");

  /* JSON is UTF-8; this also refuses NUL bytes. */
  if (!g_utf8_validate (data, length, NULL))
    return _lyg_protocol_malformed (error, "encoding");

  /* The JSON parser recurses, so bound the nesting before handing it
   * anything. An escaped NUL would silently cut a string short.
   */
  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            {
              if (i + 1 >= length)
                return _lyg_protocol_malformed (error, "escape");
              if (data[i + 1] == 'u' && i + 5 < length && memcmp (data + i + 2, "0000", 4) == 0)
                return _lyg_protocol_malformed (error, "escape");
              i++;
            }
          else if (c == '"')
            {
              in_string = FALSE;
            }
        }
      else if (c == '"')
        {
          in_string = TRUE;
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > LYG_PROTOCOL_MAX_DEPTH)
            return _lyg_protocol_malformed (error, "nesting");
        }
      else if (c == ']' || c == '}')
        {
          if (depth > 0)
            depth--;
        }
    }

  return TRUE;
}

/* Returns the parser that owns *object. */
JsonParser *
_lyg_protocol_load_object (GBytes      *body,
                           JsonObject **object,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data = NULL;
  gsize length = 0;
  JsonNode *root;

  if (body != NULL)
    data = g_bytes_get_data (body, &length);

  if (!lyg_protocol_check_json (data, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      _lyg_protocol_malformed (error, "syntax");
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      _lyg_protocol_malformed (error, "not an object");
      return NULL;
    }

  *object = json_node_get_object (root);

  return g_steal_pointer (&parser);
}

gboolean
_lyg_protocol_get_string (JsonObject  *object,
                          const char  *member,
                          gboolean     required,
                          gsize        max_len,
                          const char **out,
                          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *str;

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return required ? _lyg_protocol_malformed (error, member) : TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return _lyg_protocol_malformed (error, member);

  str = json_node_get_string (node);
  if (str == NULL || strlen (str) > max_len)
    return _lyg_protocol_malformed (error, member);

  *out = str;

  return TRUE;
}

gboolean
_lyg_protocol_get_int (JsonObject  *object,
                       const char  *member,
                       gboolean     required,
                       gint64       min,
                       gint64       max,
                       gboolean    *present,
                       gint64      *out,
                       GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (present != NULL)
    *present = FALSE;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return required ? _lyg_protocol_malformed (error, member) : TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return _lyg_protocol_malformed (error, member);

  value = json_node_get_int (node);
  if (value < min || value > max)
    return _lyg_protocol_malformed (error, member);

  *out = value;
  if (present != NULL)
    *present = TRUE;

  return TRUE;
}

gboolean
_lyg_protocol_get_bool (JsonObject  *object,
                        const char  *member,
                        gboolean    *out,
                        GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return _lyg_protocol_malformed (error, member);

  *out = json_node_get_boolean (node);

  return TRUE;
}

JsonArray *
_lyg_protocol_get_array (JsonObject  *object,
                         const char  *member,
                         guint        max_len,
                         GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      _lyg_protocol_malformed (error, member);
      return NULL;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) > max_len)
    {
      g_set_error_literal (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_TOO_LARGE,
                           lyg_protocol_error_get_message (LYG_PROTOCOL_ERROR_TOO_LARGE));
      return NULL;
    }

  return array;
}

gboolean
_lyg_protocol_get_role (JsonObject  *object,
                        const char  *member,
                        gboolean     required,
                        LygRole     *role,
                        GError     **error)
{
  const char *str;

  if (!_lyg_protocol_get_string (object, member, required, 32, &str, error))
    return FALSE;

  if (str == NULL)
    return TRUE;

  if (!lyg_role_from_string (str, role))
    return _lyg_protocol_malformed (error, member);

  return TRUE;
}

gboolean
_lyg_protocol_get_time (JsonObject  *object,
                        const char  *member,
                        gboolean     required,
                        gint64      *out,
                        GError     **error)
{
  const char *str;

  *out = 0;

  if (!_lyg_protocol_get_string (object, member, required, MAX_TIME_STRING, &str, error))
    return FALSE;

  if (str != NULL && !lyg_protocol_parse_time (str, out))
    return _lyg_protocol_malformed (error, member);

  return TRUE;
}

/* Building helpers */

GBytes *
_lyg_protocol_object_to_bytes (JsonObject *object)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  gsize length = 0;
  char *data;

  json_node_take_object (root, object);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  return g_bytes_new_take (data, length);
}

/* Errors */

GBytes *
lyg_protocol_build_error (LygProtocolError  error,
                          const char       *message)
{
  JsonObject *object = json_object_new ();
  JsonObject *inner = json_object_new ();

  if (message == NULL)
    message = lyg_protocol_error_get_message (error);

  json_object_set_string_member (inner, "code", lyg_protocol_error_to_code (error));
  json_object_set_string_member (inner, "message", message);
  json_object_set_object_member (object, "error", inner);

  return _lyg_protocol_object_to_bytes (object);
}

GError *
lyg_protocol_error_from_response (guint   status,
                                  GBytes *body)
{
  LygProtocolError code = error_from_status (status);
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *object = NULL;

  if (body != NULL && g_bytes_get_size (body) > 0)
    parser = _lyg_protocol_load_object (body, &object, NULL);

  if (parser != NULL)
    {
      JsonNode *node = json_object_get_member (object, "error");
      const char *str = NULL;

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) &&
          _lyg_protocol_get_string (json_node_get_object (node), "code", TRUE, 64, &str, NULL))
        {
          LygProtocolError from_body = lyg_protocol_error_from_code (str);

          if (from_body != LYG_PROTOCOL_ERROR_UNKNOWN)
            code = from_body;
        }
    }

  return g_error_new_literal (LYG_PROTOCOL_ERROR, code, lyg_protocol_error_get_message (code));
}

/* Small formats */

gboolean
lyg_protocol_token_is_valid (const char *token)
{
  return is_lower_hex (token, LYG_PROTOCOL_TOKEN_HEX);
}

gboolean
lyg_protocol_pin_is_valid (const char *pin)
{
  return is_lower_hex (pin, LYG_PROTOCOL_PIN_HEX);
}

char *
lyg_protocol_normalize_code (const char *code)
{
  g_autoptr(GString) normal = NULL;

  if (code == NULL || strlen (code) > LYG_PROTOCOL_MAX_CODE_INPUT)
    return NULL;

  normal = g_string_sized_new (LYG_PROTOCOL_CODE_HEX + 1);

  for (const char *p = code; *p; p++)
    {
      if (*p == '-' || *p == ' ')
        continue;
      if (!g_ascii_isxdigit (*p))
        return NULL;
      g_string_append_c (normal, g_ascii_tolower (*p));
    }

  if (normal->len != LYG_PROTOCOL_CODE_HEX)
    return NULL;

  return g_string_free (g_steal_pointer (&normal), FALSE);
}

char *
lyg_protocol_format_code (const char *code)
{
  g_autofree char *normal = lyg_protocol_normalize_code (code);
  GString *formatted;

  g_return_val_if_fail (normal != NULL, NULL);

  formatted = g_string_sized_new (LYG_PROTOCOL_CODE_HEX * 5 / 4);
  for (guint i = 0; i < LYG_PROTOCOL_CODE_HEX; i += 4)
    {
      if (i > 0)
        g_string_append_c (formatted, '-');
      g_string_append_len (formatted, normal + i, 4);
    }

  return g_string_free (formatted, FALSE);
}

char *
lyg_protocol_format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_seconds);

  if (dt == NULL)
    return NULL;

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
lyg_protocol_parse_time (const char *iso8601,
                         gint64     *unix_seconds)
{
  g_autoptr(GDateTime) dt = NULL;
  gint64 value;

  if (iso8601 == NULL || strlen (iso8601) > MAX_TIME_STRING)
    return FALSE;

  /* Without a default zone the text must carry its own. */
  dt = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (dt == NULL)
    return FALSE;

  value = g_date_time_to_unix (dt);
  if (value < 0)
    return FALSE;

  if (unix_seconds != NULL)
    *unix_seconds = value;

  return TRUE;
}

gboolean
lyg_protocol_parse_uint (const char *str,
                         gint64      max,
                         gint64     *value)
{
  guint64 result = 0;
  gsize len;

  if (str == NULL || max < 0)
    return FALSE;

  len = strlen (str);
  if (len == 0 || len > 19)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (str[i]))
        return FALSE;
      result = result * 10 + (guint64) (str[i] - '0');
    }

  /* 19 digits fit in a guint64 without wrapping. */
  if (result > (guint64) max)
    return FALSE;

  if (value != NULL)
    *value = (gint64) result;

  return TRUE;
}

char *
lyg_protocol_pin_from_certificate (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  g_object_get (certificate, "certificate", &der, NULL);
  if (der == NULL)
    return NULL;

  return lyg_crypto_sha256_hex (der->data, der->len);
}

char *
lyg_protocol_build_revoke_path (const char *device_id)
{
  g_return_val_if_fail (lyg_device_id_is_valid (device_id), NULL);

  return g_strconcat (LYG_API_PATH_DEVICES_PREFIX, device_id, LYG_API_PATH_REVOKE_SUFFIX, NULL);
}
