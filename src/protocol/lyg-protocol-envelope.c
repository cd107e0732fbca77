/* lyg-protocol-envelope.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-protocol"

#include "config.h"

#include <string.h>

#include "lyg-hlc.h"
#include "lyg-protocol-private.h"

/* Base64 of the largest blob, with padding. */
#define MAX_BLOB_BASE64   (((LYG_PROTOCOL_MAX_BLOB + 2) / 3) * 4)

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
  if (envelope->erase)
    json_object_set_boolean_member (object, "erase", TRUE);
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
  gboolean erase_value = FALSE;

  if (seq != NULL)
    *seq = -1;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      _lyg_protocol_malformed (error, "envelope");
      return NULL;
    }

  object = json_node_get_object (node);

  if (!_lyg_protocol_get_string (object, "id", TRUE, 36, &id, error) ||
      !_lyg_protocol_get_string (object, "hlc", TRUE, LYG_STAMP_LENGTH, &hlc, error) ||
      !_lyg_protocol_get_string (object, "device", TRUE, LYG_DEVICE_ID_HEX, &device, error) ||
      !_lyg_protocol_get_string (object, "key_id", TRUE, LYG_KEY_ID_MAX, &key_id, error) ||
      !_lyg_protocol_get_string (object, "blob", TRUE, MAX_BLOB_BASE64, &blob_str, error) ||
      !_lyg_protocol_get_int (object, "seq", FALSE, 1, G_MAXINT64, NULL, &seq_value, error))
    return NULL;

  blob = decode_base64 (blob_str);
  if (blob == NULL)
    {
      _lyg_protocol_malformed (error, "blob");
      return NULL;
    }

  if (json_object_has_member (object, "erase"))
    {
      JsonNode *erase = json_object_get_member (object, "erase");

      if (!JSON_NODE_HOLDS_VALUE (erase) ||
          json_node_get_value_type (erase) != G_TYPE_BOOLEAN)
        {
          _lyg_protocol_malformed (error, "erase");
          return NULL;
        }
      erase_value = json_node_get_boolean (erase);
    }

  envelope = lyg_envelope_new (id, hlc, device, key_id, blob);
  envelope->erase = erase_value;
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

  return _lyg_protocol_object_to_bytes (object);
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

  if (!(parser = _lyg_protocol_load_object (body, &object, error)))
    return NULL;

  if (!(array = _lyg_protocol_get_array (object, "envelopes", LYG_PROTOCOL_MAX_BATCH, error)))
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

  return _lyg_protocol_object_to_bytes (object);
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

  if (!(parser = _lyg_protocol_load_object (body, &object, error)))
    return NULL;

  if (!(array = _lyg_protocol_get_array (object, "stored", LYG_PROTOCOL_MAX_BATCH, error)))
    return NULL;

  response = g_new0 (LygPushResponse, 1);
  n = json_array_get_length (array);
  response->stored = g_ptr_array_new_full (n, (GDestroyNotify) lyg_push_ack_free);

  if (!_lyg_protocol_get_int (object, "next", TRUE, 0, G_MAXINT64, NULL, &response->next, error))
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *item;
      const char *id, *hlc, *device;
      gint64 seq = 0;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          _lyg_protocol_malformed (error, "stored");
          return NULL;
        }

      item = json_node_get_object (node);
      if (!_lyg_protocol_get_string (item, "id", TRUE, 36, &id, error) ||
          !_lyg_protocol_get_string (item, "hlc", TRUE, LYG_STAMP_LENGTH, &hlc, error) ||
          !_lyg_protocol_get_string (item, "device", TRUE, LYG_DEVICE_ID_HEX, &device, error) ||
          !_lyg_protocol_get_int (item, "seq", TRUE, 1, G_MAXINT64, NULL, &seq, error))
        return NULL;

      if (!lyg_uuid_is_valid (id) || !lyg_stamp_is_valid (hlc) || !lyg_device_id_is_valid (device))
        {
          _lyg_protocol_malformed (error, "stored");
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

  return _lyg_protocol_object_to_bytes (object);
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

  if (!(parser = _lyg_protocol_load_object (body, &object, error)))
    return NULL;

  if (!(array = _lyg_protocol_get_array (object, "envelopes", LYG_PROTOCOL_MAX_PULL, error)))
    return NULL;

  response = g_new0 (LygPullResponse, 1);
  n = json_array_get_length (array);
  response->envelopes = g_ptr_array_new_full (n, (GDestroyNotify) lyg_stored_envelope_free);
  response->head = -1;

  if (!_lyg_protocol_get_int (object, "next", TRUE, 0, G_MAXINT64, NULL, &response->next, error) ||
      !_lyg_protocol_get_bool (object, "more", &response->more, error) ||
      !_lyg_protocol_get_int (object, "head", FALSE, 0, G_MAXINT64, NULL, &response->head, error))
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
          _lyg_protocol_malformed (error, "seq");
          return NULL;
        }
      last = seq;
    }

  if (n > 0 && response->next < last)
    {
      _lyg_protocol_malformed (error, "next");
      return NULL;
    }

  return g_steal_pointer (&response);
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
