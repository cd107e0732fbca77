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
#include "lyg-protocol.h"

/* Base64 of the largest blob, with padding. */
#define MAX_BLOB_BASE64   (((LYG_PROTOCOL_MAX_BLOB + 2) / 3) * 4)
#define MAX_TEAM_ID       128
#define MAX_DEVICES       100000
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

static gboolean
malformed (GError     **error,
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

static gboolean
name_is_valid (const char *name,
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
    return malformed (error, "empty");

  /* JSON is UTF-8; this also refuses NUL bytes. */
  if (!g_utf8_validate (data, length, NULL))
    return malformed (error, "encoding");

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
                return malformed (error, "escape");
              if (data[i + 1] == 'u' && i + 5 < length && memcmp (data + i + 2, "0000", 4) == 0)
                return malformed (error, "escape");
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
            return malformed (error, "nesting");
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
static JsonParser *
load_object (GBytes      *body,
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
      malformed (error, "syntax");
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      malformed (error, "not an object");
      return NULL;
    }

  *object = json_node_get_object (root);

  return g_steal_pointer (&parser);
}

static gboolean
get_string (JsonObject  *object,
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
    return required ? malformed (error, member) : TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return malformed (error, member);

  str = json_node_get_string (node);
  if (str == NULL || strlen (str) > max_len)
    return malformed (error, member);

  *out = str;

  return TRUE;
}

static gboolean
get_int (JsonObject  *object,
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
    return required ? malformed (error, member) : TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return malformed (error, member);

  value = json_node_get_int (node);
  if (value < min || value > max)
    return malformed (error, member);

  *out = value;
  if (present != NULL)
    *present = TRUE;

  return TRUE;
}

static gboolean
get_bool (JsonObject  *object,
          const char  *member,
          gboolean    *out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return malformed (error, member);

  *out = json_node_get_boolean (node);

  return TRUE;
}

static JsonArray *
get_array (JsonObject  *object,
           const char  *member,
           guint        max_len,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      malformed (error, member);
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

static gboolean
get_role (JsonObject  *object,
          const char  *member,
          gboolean     required,
          LygRole     *role,
          GError     **error)
{
  const char *str;

  if (!get_string (object, member, required, 32, &str, error))
    return FALSE;

  if (str == NULL)
    return TRUE;

  if (!lyg_role_from_string (str, role))
    return malformed (error, member);

  return TRUE;
}

static gboolean
get_time (JsonObject  *object,
          const char  *member,
          gboolean     required,
          gint64      *out,
          GError     **error)
{
  const char *str;

  *out = 0;

  if (!get_string (object, member, required, MAX_TIME_STRING, &str, error))
    return FALSE;

  if (str != NULL && !lyg_protocol_parse_time (str, out))
    return malformed (error, member);

  return TRUE;
}

/* Building helpers */

static GBytes *
object_to_bytes (JsonObject *object)
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

  return object_to_bytes (object);
}

GError *
lyg_protocol_error_from_response (guint   status,
                                  GBytes *body)
{
  LygProtocolError code = error_from_status (status);
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *object = NULL;

  if (body != NULL && g_bytes_get_size (body) > 0)
    parser = load_object (body, &object, NULL);

  if (parser != NULL)
    {
      JsonNode *node = json_object_get_member (object, "error");
      const char *str = NULL;

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) &&
          get_string (json_node_get_object (node), "code", TRUE, 64, &str, NULL))
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

/* Envelopes */

static GBytes *
decode_base64 (const char *str)
{
  gsize len = strlen (str);
  gsize out_len = 0;
  guchar *data;

  if (len == 0 || len % 4 != 0 || len > MAX_BLOB_BASE64)
    return NULL;

  for (gsize i = 0; i < len; i++)
    {
      char c = str[i];

      if (g_ascii_isalnum (c) || c == '+' || c == '/')
        continue;

      /* Padding only in the last two places, and only at the end. */
      if (c == '=' && i >= len - 2 && str[len - 1] == '=')
        continue;

      return NULL;
    }

  data = g_base64_decode (str, &out_len);

  return g_bytes_new_take (data, out_len);
}

JsonNode *
lyg_protocol_envelope_to_json (const LygEnvelope *envelope,
                               gint64             seq)
{
  JsonObject *object;
  JsonNode *node;
  char *blob;

  g_return_val_if_fail (envelope != NULL, NULL);
  g_return_val_if_fail (envelope->blob != NULL, NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "id", envelope->id);
  json_object_set_string_member (object, "hlc", envelope->hlc);
  json_object_set_string_member (object, "device", envelope->device);
  json_object_set_string_member (object, "key_id", envelope->key_id);
  blob = g_base64_encode (g_bytes_get_data (envelope->blob, NULL),
                          g_bytes_get_size (envelope->blob));
  json_object_set_string_member (object, "blob", blob);
  g_free (blob);
  if (seq >= 0)
    json_object_set_int_member (object, "seq", seq);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);

  return node;
}

LygEnvelope *
lyg_protocol_envelope_from_json (JsonNode  *node,
                                 gint64    *seq,
                                 GError   **error)
{
  g_autoptr(LygEnvelope) envelope = NULL;
  g_autoptr(GBytes) blob = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  const char *id, *hlc, *device, *key_id, *blob_str;
  gint64 seq_value = -1;

  if (seq != NULL)
    *seq = -1;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      malformed (error, "envelope");
      return NULL;
    }

  object = json_node_get_object (node);

  if (!get_string (object, "id", TRUE, 36, &id, error) ||
      !get_string (object, "hlc", TRUE, LYG_STAMP_LENGTH, &hlc, error) ||
      !get_string (object, "device", TRUE, LYG_DEVICE_ID_HEX, &device, error) ||
      !get_string (object, "key_id", TRUE, LYG_KEY_ID_MAX, &key_id, error) ||
      !get_string (object, "blob", TRUE, MAX_BLOB_BASE64, &blob_str, error) ||
      !get_int (object, "seq", FALSE, 1, G_MAXINT64, NULL, &seq_value, error))
    return NULL;

  blob = decode_base64 (blob_str);
  if (blob == NULL)
    {
      malformed (error, "blob");
      return NULL;
    }

  envelope = lyg_envelope_new (id, hlc, device, key_id, blob);
  if (!lyg_envelope_validate (envelope, &local_error))
    {
      g_set_error_literal (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_MALFORMED,
                           local_error->message);
      return NULL;
    }

  if (seq != NULL)
    *seq = seq_value;

  return g_steal_pointer (&envelope);
}

/* Push */

GBytes *
lyg_protocol_build_push (GPtrArray *envelopes)
{
  JsonObject *object;
  JsonArray *array;

  g_return_val_if_fail (envelopes != NULL, NULL);

  object = json_object_new ();
  array = json_array_sized_new (envelopes->len);
  for (guint i = 0; i < envelopes->len; i++)
    json_array_add_element (array,
                            lyg_protocol_envelope_to_json (g_ptr_array_index (envelopes, i), -1));
  json_object_set_array_member (object, "envelopes", array);

  return object_to_bytes (object);
}

GPtrArray *
lyg_protocol_parse_push (GBytes  *body,
                         GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) envelopes = NULL;
  JsonObject *object;
  JsonArray *array;
  guint n;

  if (!(parser = load_object (body, &object, error)))
    return NULL;

  if (!(array = get_array (object, "envelopes", LYG_PROTOCOL_MAX_BATCH, error)))
    return NULL;

  n = json_array_get_length (array);
  envelopes = g_ptr_array_new_full (n, (GDestroyNotify) lyg_envelope_free);
  for (guint i = 0; i < n; i++)
    {
      LygEnvelope *envelope;

      envelope = lyg_protocol_envelope_from_json (json_array_get_element (array, i), NULL, error);
      if (envelope == NULL)
        return NULL;

      g_ptr_array_add (envelopes, envelope);
    }

  return g_steal_pointer (&envelopes);
}

GBytes *
lyg_protocol_build_push_response (GPtrArray *acks,
                                  gint64     next)
{
  JsonObject *object;
  JsonArray *array;

  g_return_val_if_fail (acks != NULL, NULL);

  object = json_object_new ();
  array = json_array_sized_new (acks->len);
  for (guint i = 0; i < acks->len; i++)
    {
      const LygPushAck *ack = g_ptr_array_index (acks, i);
      JsonObject *item = json_object_new ();

      json_object_set_string_member (item, "id", ack->id);
      json_object_set_string_member (item, "hlc", ack->hlc);
      json_object_set_string_member (item, "device", ack->device);
      json_object_set_int_member (item, "seq", ack->seq);
      json_array_add_object_element (array, item);
    }
  json_object_set_array_member (object, "stored", array);
  json_object_set_int_member (object, "next", next);

  return object_to_bytes (object);
}

LygPushResponse *
lyg_protocol_parse_push_response (GBytes  *body,
                                  GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(LygPushResponse) response = NULL;
  JsonObject *object;
  JsonArray *array;
  guint n;

  if (!(parser = load_object (body, &object, error)))
    return NULL;

  if (!(array = get_array (object, "stored", LYG_PROTOCOL_MAX_BATCH, error)))
    return NULL;

  response = g_new0 (LygPushResponse, 1);
  n = json_array_get_length (array);
  response->stored = g_ptr_array_new_full (n, (GDestroyNotify) lyg_push_ack_free);

  if (!get_int (object, "next", TRUE, 0, G_MAXINT64, NULL, &response->next, error))
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *item;
      const char *id, *hlc, *device;
      gint64 seq = 0;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          malformed (error, "stored");
          return NULL;
        }

      item = json_node_get_object (node);
      if (!get_string (item, "id", TRUE, 36, &id, error) ||
          !get_string (item, "hlc", TRUE, LYG_STAMP_LENGTH, &hlc, error) ||
          !get_string (item, "device", TRUE, LYG_DEVICE_ID_HEX, &device, error) ||
          !get_int (item, "seq", TRUE, 1, G_MAXINT64, NULL, &seq, error))
        return NULL;

      if (!lyg_uuid_is_valid (id) || !lyg_stamp_is_valid (hlc) || !lyg_device_id_is_valid (device))
        {
          malformed (error, "stored");
          return NULL;
        }

      g_ptr_array_add (response->stored, lyg_push_ack_new (id, hlc, device, seq));
    }

  return g_steal_pointer (&response);
}

/* Pull */

GBytes *
lyg_protocol_build_pull_response (GPtrArray *envelopes,
                                  gint64     next,
                                  gboolean   more,
                                  gint64     head)
{
  JsonObject *object;
  JsonArray *array;

  g_return_val_if_fail (envelopes != NULL, NULL);

  object = json_object_new ();
  array = json_array_sized_new (envelopes->len);
  for (guint i = 0; i < envelopes->len; i++)
    {
      const LygStoredEnvelope *stored = g_ptr_array_index (envelopes, i);

      json_array_add_element (array, lyg_protocol_envelope_to_json (stored->envelope, stored->seq));
    }
  json_object_set_array_member (object, "envelopes", array);
  json_object_set_int_member (object, "next", next);
  json_object_set_boolean_member (object, "more", more);
  if (head >= 0)
    json_object_set_int_member (object, "head", head);

  return object_to_bytes (object);
}

LygPullResponse *
lyg_protocol_parse_pull_response (GBytes  *body,
                                  GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(LygPullResponse) response = NULL;
  JsonObject *object;
  JsonArray *array;
  gint64 last = 0;
  guint n;

  if (!(parser = load_object (body, &object, error)))
    return NULL;

  if (!(array = get_array (object, "envelopes", LYG_PROTOCOL_MAX_PULL, error)))
    return NULL;

  response = g_new0 (LygPullResponse, 1);
  n = json_array_get_length (array);
  response->envelopes = g_ptr_array_new_full (n, (GDestroyNotify) lyg_stored_envelope_free);
  response->head = -1;

  if (!get_int (object, "next", TRUE, 0, G_MAXINT64, NULL, &response->next, error) ||
      !get_bool (object, "more", &response->more, error) ||
      !get_int (object, "head", FALSE, 0, G_MAXINT64, NULL, &response->head, error))
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      LygEnvelope *envelope;
      gint64 seq = -1;

      envelope = lyg_protocol_envelope_from_json (json_array_get_element (array, i), &seq, error);
      if (envelope == NULL)
        return NULL;

      g_ptr_array_add (response->envelopes, lyg_stored_envelope_new (seq, envelope));

      /* Sequence numbers come from the server and order the log. */
      if (seq <= last)
        {
          malformed (error, "seq");
          return NULL;
        }
      last = seq;
    }

  if (n > 0 && response->next < last)
    {
      malformed (error, "next");
      return NULL;
    }

  return g_steal_pointer (&response);
}

/* Enrollment */

GBytes *
lyg_protocol_build_enroll_request (const char *code,
                                   const char *device_id,
                                   const char *name)
{
  JsonObject *object;

  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (lyg_device_id_is_valid (device_id), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "code", code);
  json_object_set_string_member (object, "device_id", device_id);
  json_object_set_string_member (object, "name", name ? name : "");

  return object_to_bytes (object);
}

LygEnrollRequest *
lyg_protocol_parse_enroll_request (GBytes  *body,
                                   GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(LygEnrollRequest) request = NULL;
  JsonObject *object;
  const char *code, *device_id, *name;

  if (!(parser = load_object (body, &object, error)))
    return NULL;

  if (!get_string (object, "code", TRUE, LYG_PROTOCOL_MAX_CODE_INPUT, &code, error) ||
      !get_string (object, "device_id", TRUE, LYG_DEVICE_ID_HEX, &device_id, error) ||
      !get_string (object, "name", FALSE, LYG_PROTOCOL_MAX_NAME * 4, &name, error))
    return NULL;

  if (!lyg_device_id_is_valid (device_id))
    {
      malformed (error, "device_id");
      return NULL;
    }

  if (name != NULL && !name_is_valid (name, TRUE))
    {
      malformed (error, "name");
      return NULL;
    }

  request = g_new0 (LygEnrollRequest, 1);
  request->code = g_strdup (code);
  request->device_id = g_strdup (device_id);
  request->name = g_strdup (name ? name : "");

  return g_steal_pointer (&request);
}

GBytes *
lyg_protocol_build_enroll_response (const char *token,
                                    const char *device_id,
                                    LygRole     role,
                                    const char *team)
{
  JsonObject *object;

  g_return_val_if_fail (lyg_protocol_token_is_valid (token), NULL);
  g_return_val_if_fail (lyg_device_id_is_valid (device_id), NULL);
  g_return_val_if_fail (team != NULL, NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "token", token);
  json_object_set_string_member (object, "device_id", device_id);
  json_object_set_string_member (object, "role", lyg_role_to_string (role));
  json_object_set_string_member (object, "team", team);

  return object_to_bytes (object);
}

LygEnrollResponse *
lyg_protocol_parse_enroll_response (GBytes  *body,
                                    GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(LygEnrollResponse) response = NULL;
  JsonObject *object;
  const char *token, *device_id, *team;
  LygRole role = LYG_ROLE_WORKER;

  if (!(parser = load_object (body, &object, error)))
    return NULL;

  if (!get_string (object, "token", TRUE, LYG_PROTOCOL_TOKEN_HEX, &token, error) ||
      !get_string (object, "device_id", TRUE, LYG_DEVICE_ID_HEX, &device_id, error) ||
      !get_role (object, "role", TRUE, &role, error) ||
      !get_string (object, "team", TRUE, MAX_TEAM_ID, &team, error))
    return NULL;

  if (!lyg_protocol_token_is_valid (token))
    {
      malformed (error, "token");
      return NULL;
    }

  if (!lyg_device_id_is_valid (device_id))
    {
      malformed (error, "device_id");
      return NULL;
    }

  if (!name_is_valid (team, FALSE))
    {
      malformed (error, "team");
      return NULL;
    }

  response = g_new0 (LygEnrollResponse, 1);
  response->token = g_strdup (token);
  response->device_id = g_strdup (device_id);
  response->role = role;
  response->team = g_strdup (team);

  return g_steal_pointer (&response);
}

/* Invites */

GBytes *
lyg_protocol_build_invite_request (const char *name,
                                   LygRole     role,
                                   gint64      ttl)
{
  JsonObject *object;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (ttl >= 0, NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "name", name);
  json_object_set_string_member (object, "role", lyg_role_to_string (role));
  if (ttl > 0)
    json_object_set_int_member (object, "ttl", ttl);

  return object_to_bytes (object);
}

LygInviteRequest *
lyg_protocol_parse_invite_request (GBytes  *body,
                                   GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(LygInviteRequest) request = NULL;
  JsonObject *object;
  const char *name;
  LygRole role = LYG_ROLE_WORKER;
  gint64 ttl = 0;

  if (!(parser = load_object (body, &object, error)))
    return NULL;

  if (!get_string (object, "name", TRUE, LYG_PROTOCOL_MAX_NAME * 4, &name, error) ||
      !get_role (object, "role", FALSE, &role, error) ||
      !get_int (object, "ttl", FALSE, LYG_PROTOCOL_MIN_TTL, LYG_PROTOCOL_MAX_TTL,
                NULL, &ttl, error))
    return NULL;

  if (!name_is_valid (name, FALSE))
    {
      malformed (error, "name");
      return NULL;
    }

  request = g_new0 (LygInviteRequest, 1);
  request->name = g_strdup (name);
  request->role = role;
  request->ttl = ttl;

  return g_steal_pointer (&request);
}

GBytes *
lyg_protocol_build_invite_response (const char *code,
                                    gint64      expires,
                                    LygRole     role)
{
  g_autofree char *formatted = NULL;
  g_autofree char *expires_str = NULL;
  JsonObject *object;

  g_return_val_if_fail (code != NULL, NULL);

  formatted = lyg_protocol_format_code (code);
  expires_str = lyg_protocol_format_time (expires);
  g_return_val_if_fail (formatted != NULL && expires_str != NULL, NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "code", formatted);
  json_object_set_string_member (object, "expires", expires_str);
  json_object_set_string_member (object, "role", lyg_role_to_string (role));

  return object_to_bytes (object);
}

LygInviteResponse *
lyg_protocol_parse_invite_response (GBytes  *body,
                                    GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(LygInviteResponse) response = NULL;
  g_autofree char *code = NULL;
  JsonObject *object;
  const char *code_str;
  LygRole role = LYG_ROLE_WORKER;
  gint64 expires = 0;

  if (!(parser = load_object (body, &object, error)))
    return NULL;

  if (!get_string (object, "code", TRUE, LYG_PROTOCOL_MAX_CODE_INPUT, &code_str, error) ||
      !get_time (object, "expires", TRUE, &expires, error) ||
      !get_role (object, "role", FALSE, &role, error))
    return NULL;

  if (!(code = lyg_protocol_normalize_code (code_str)))
    {
      malformed (error, "code");
      return NULL;
    }

  response = g_new0 (LygInviteResponse, 1);
  response->code = lyg_protocol_format_code (code);
  response->expires = expires;
  response->role = role;

  return g_steal_pointer (&response);
}

/* Devices */

JsonNode *
lyg_protocol_device_to_json (const LygDeviceInfo *device)
{
  g_autofree char *enrolled = NULL;
  g_autofree char *last_seen = NULL;
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (device != NULL, NULL);

  enrolled = lyg_protocol_format_time (device->enrolled);
  if (device->last_seen > 0)
    last_seen = lyg_protocol_format_time (device->last_seen);

  object = json_object_new ();
  json_object_set_string_member (object, "id", device->id);
  json_object_set_string_member (object, "name", device->name);
  json_object_set_string_member (object, "role", lyg_role_to_string (device->role));
  if (enrolled != NULL)
    json_object_set_string_member (object, "enrolled", enrolled);
  else
    json_object_set_null_member (object, "enrolled");
  if (last_seen != NULL)
    json_object_set_string_member (object, "last_seen", last_seen);
  else
    json_object_set_null_member (object, "last_seen");
  json_object_set_boolean_member (object, "revoked", device->revoked);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);

  return node;
}

GBytes *
lyg_protocol_build_devices (GPtrArray *devices)
{
  JsonObject *object;
  JsonArray *array;

  g_return_val_if_fail (devices != NULL, NULL);

  object = json_object_new ();
  array = json_array_sized_new (devices->len);
  for (guint i = 0; i < devices->len; i++)
    json_array_add_element (array, lyg_protocol_device_to_json (g_ptr_array_index (devices, i)));
  json_object_set_array_member (object, "devices", array);

  return object_to_bytes (object);
}

GPtrArray *
lyg_protocol_parse_devices (GBytes  *body,
                            GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  JsonObject *object;
  JsonArray *array;
  guint n;

  if (!(parser = load_object (body, &object, error)))
    return NULL;

  if (!(array = get_array (object, "devices", MAX_DEVICES, error)))
    return NULL;

  n = json_array_get_length (array);
  devices = g_ptr_array_new_full (n, (GDestroyNotify) lyg_device_info_free);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *item;
      const char *id, *name;
      LygRole role = LYG_ROLE_WORKER;
      gint64 enrolled = 0, last_seen = 0;
      gboolean revoked = FALSE;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          malformed (error, "devices");
          return NULL;
        }

      item = json_node_get_object (node);
      if (!get_string (item, "id", TRUE, LYG_DEVICE_ID_HEX, &id, error) ||
          !get_string (item, "name", TRUE, LYG_PROTOCOL_MAX_NAME * 4, &name, error) ||
          !get_role (item, "role", TRUE, &role, error) ||
          !get_time (item, "enrolled", FALSE, &enrolled, error) ||
          !get_time (item, "last_seen", FALSE, &last_seen, error) ||
          !get_bool (item, "revoked", &revoked, error))
        return NULL;

      if (!lyg_device_id_is_valid (id))
        {
          malformed (error, "id");
          return NULL;
        }

      if (!name_is_valid (name, TRUE))
        {
          malformed (error, "name");
          return NULL;
        }

      g_ptr_array_add (devices, lyg_device_info_new (id, name, role, enrolled, last_seen, revoked));
    }

  return g_steal_pointer (&devices);
}

GBytes *
lyg_protocol_build_revoke_response (const char *device_id)
{
  JsonObject *object;

  g_return_val_if_fail (lyg_device_id_is_valid (device_id), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "device_id", device_id);
  json_object_set_boolean_member (object, "revoked", TRUE);

  return object_to_bytes (object);
}

gboolean
lyg_protocol_parse_revoke_response (GBytes  *body,
                                    char   **device_id,
                                    GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *object;
  const char *id;
  gboolean revoked = FALSE;

  if (!(parser = load_object (body, &object, error)))
    return FALSE;

  if (!get_string (object, "device_id", TRUE, LYG_DEVICE_ID_HEX, &id, error) ||
      !get_bool (object, "revoked", &revoked, error))
    return FALSE;

  if (!lyg_device_id_is_valid (id) || !revoked)
    return malformed (error, "device_id");

  if (device_id != NULL)
    *device_id = g_strdup (id);

  return TRUE;
}

GBytes *
lyg_protocol_build_health (void)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "status", "ok");
  json_object_set_int_member (object, "version", LYG_PROTOCOL_VERSION);

  return object_to_bytes (object);
}

/* Structs */

LygStoredEnvelope *
lyg_stored_envelope_new (gint64       seq,
                         LygEnvelope *envelope)
{
  LygStoredEnvelope *stored;

  g_return_val_if_fail (envelope != NULL, NULL);

  stored = g_new0 (LygStoredEnvelope, 1);
  stored->seq = seq;
  stored->envelope = envelope;

  return stored;
}

void
lyg_stored_envelope_free (LygStoredEnvelope *stored)
{
  if (stored == NULL)
    return;

  g_clear_pointer (&stored->envelope, lyg_envelope_free);
  g_free (stored);
}

LygPushAck *
lyg_push_ack_new (const char *id,
                  const char *hlc,
                  const char *device,
                  gint64      seq)
{
  LygPushAck *ack = g_new0 (LygPushAck, 1);

  ack->id = g_strdup (id);
  ack->hlc = g_strdup (hlc);
  ack->device = g_strdup (device);
  ack->seq = seq;

  return ack;
}

void
lyg_push_ack_free (LygPushAck *ack)
{
  if (ack == NULL)
    return;

  g_free (ack->id);
  g_free (ack->hlc);
  g_free (ack->device);
  g_free (ack);
}

void
lyg_push_response_free (LygPushResponse *response)
{
  if (response == NULL)
    return;

  g_clear_pointer (&response->stored, g_ptr_array_unref);
  g_free (response);
}

void
lyg_pull_response_free (LygPullResponse *response)
{
  if (response == NULL)
    return;

  g_clear_pointer (&response->envelopes, g_ptr_array_unref);
  g_free (response);
}

void
lyg_enroll_request_free (LygEnrollRequest *request)
{
  if (request == NULL)
    return;

  /* The code is a secret until used. */
  if (request->code != NULL)
    memset (request->code, 0, strlen (request->code));
  g_free (request->code);
  g_free (request->device_id);
  g_free (request->name);
  g_free (request);
}

void
lyg_enroll_response_free (LygEnrollResponse *response)
{
  if (response == NULL)
    return;

  if (response->token != NULL)
    memset (response->token, 0, strlen (response->token));
  g_free (response->token);
  g_free (response->device_id);
  g_free (response->team);
  g_free (response);
}

void
lyg_invite_request_free (LygInviteRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->name);
  g_free (request);
}

void
lyg_invite_response_free (LygInviteResponse *response)
{
  if (response == NULL)
    return;

  if (response->code != NULL)
    memset (response->code, 0, strlen (response->code));
  g_free (response->code);
  g_free (response);
}

LygDeviceInfo *
lyg_device_info_new (const char *id,
                     const char *name,
                     LygRole     role,
                     gint64      enrolled,
                     gint64      last_seen,
                     gboolean    revoked)
{
  LygDeviceInfo *device;

  g_return_val_if_fail (id != NULL, NULL);

  device = g_new0 (LygDeviceInfo, 1);
  device->id = g_strdup (id);
  device->name = g_strdup (name ? name : "");
  device->role = role;
  device->enrolled = enrolled;
  device->last_seen = last_seen;
  device->revoked = !!revoked;

  return device;
}

LygDeviceInfo *
lyg_device_info_copy (const LygDeviceInfo *device)
{
  g_return_val_if_fail (device != NULL, NULL);

  return lyg_device_info_new (device->id, device->name, device->role,
                              device->enrolled, device->last_seen, device->revoked);
}

void
lyg_device_info_free (LygDeviceInfo *device)
{
  if (device == NULL)
    return;

  g_free (device->id);
  g_free (device->name);
  g_free (device);
}
