/* fuzz-envelope.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target: what a device does with an envelope from the server.
 * The input is read as a wire envelope; its blob is opened with a fixed key,
 * and whatever decrypts (or the raw input, to reach the record reader at
 * all) goes through the record reader and the merge. */

#include "config.h"

#include <string.h>

#include "lyg-json.h"
#include "lyg-protocol.h"
#include "lyg-record.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
log_nothing (const char     *domain,
             GLogLevelFlags  level,
             const char     *message,
             gpointer        user_data)
{
}

static void
exercise_record (const char *text,
                 gsize       len)
{
  g_autoptr(LygRecord) record = lyg_record_deserialize (text, len, NULL);
  g_autoptr(LygRecord) copy = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *again = NULL;

  if (record == NULL)
    return;

  /* Whatever was accepted must survive the whole pipeline. */
  copy = lyg_record_copy (record);
  lyg_record_merge (copy, record, NULL, NULL);
  conflicts = lyg_record_get_conflicts (copy);
  again = lyg_record_serialize (copy, NULL);
  g_assert (lyg_record_deserialize (again, -1, NULL) != NULL);
  json_node_unref (lyg_record_to_plain_json (copy));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static LygKey *key;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(LygEnvelope) envelope = NULL;
  g_autoptr(GBytes) plain = NULL;
  gint64 seq = 0;

  if (key == NULL)
    {
      guint8 fixed[LYG_KEY_BYTES];

      g_log_set_default_handler (log_nothing, NULL);
      memset (fixed, 0x42, sizeof fixed);
      key = lyg_key_new_from_data (fixed, sizeof fixed);
    }

  exercise_record ((const char *) data, size);

  node = lyg_json_parse ((const char *) data, size, NULL);
  if (node == NULL)
    return 0;

  envelope = lyg_protocol_envelope_from_json (node, &seq, NULL);
  if (envelope == NULL)
    return 0;

  plain = lyg_envelope_open (envelope, key, NULL);
  if (plain != NULL)
    exercise_record (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));

  return 0;
}
