/* fuzz-protocol.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target: every parser of the wire format, fed the same bytes.
 * They must reject or accept without crashing, leaking or overreading. */

#include "config.h"

#include "lyg-protocol.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
log_nothing (const char     *domain,
             GLogLevelFlags  level,
             const char     *message,
             gpointer        user_data)
{
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static gboolean initialized;
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  g_autoptr(GPtrArray) push = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  g_autofree char *device_id = NULL;
  g_autofree char *code = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!initialized)
    {
      g_log_set_default_handler (log_nothing, NULL);
      initialized = TRUE;
    }

  push = lyg_protocol_parse_push (body, NULL);
  lyg_push_response_free (lyg_protocol_parse_push_response (body, NULL));
  lyg_pull_response_free (lyg_protocol_parse_pull_response (body, NULL));
  lyg_enroll_request_free (lyg_protocol_parse_enroll_request (body, NULL));
  lyg_enroll_response_free (lyg_protocol_parse_enroll_response (body, NULL));
  lyg_invite_request_free (lyg_protocol_parse_invite_request (body, NULL));
  lyg_invite_response_free (lyg_protocol_parse_invite_response (body, NULL));
  devices = lyg_protocol_parse_devices (body, NULL);
  lyg_protocol_parse_revoke_response (body, &device_id, NULL);
  error = lyg_protocol_error_from_response (400, body);

  /* The text helpers take NUL-terminated input. */
  text = g_strndup ((const char *) data, size);
  code = lyg_protocol_normalize_code (text);
  lyg_protocol_token_is_valid (text);
  lyg_protocol_pin_is_valid (text);

  return 0;
}
