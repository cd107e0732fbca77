/* test-protocol.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lyg-crypto.h"
#include "lyg-hlc.h"
#include "lyg-protocol.h"

#define DEVICE "0123456789abcdef"

static LygEnvelope *
make_envelope (guint n,
               gsize blob_len)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *hlc = lyg_stamp_format (1700000000000 + n, n % 7, DEVICE);
  g_autoptr(GBytes) blob = lyg_crypto_random_bytes (blob_len);

  return lyg_envelope_new (id, hlc, DEVICE, "team-1", blob);
}

static GBytes *
text (const char *str)
{
  return g_bytes_new (str, strlen (str));
}

static void
assert_envelopes_equal (const LygEnvelope *a,
                        const LygEnvelope *b)
{
  g_assert_cmpstr (a->id, ==, b->id);
  g_assert_cmpstr (a->hlc, ==, b->hlc);
  g_assert_cmpstr (a->device, ==, b->device);
  g_assert_cmpstr (a->key_id, ==, b->key_id);
  g_assert_true (g_bytes_equal (a->blob, b->blob));
}

static char *
envelope_json (const LygEnvelope *envelope,
               gint64             seq)
{
  g_autoptr(JsonNode) node = lyg_protocol_envelope_to_json (envelope, seq);

  return json_to_string (node, FALSE);
}

static void
test_envelope_round_trip (void)
{
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(LygEnvelope) envelope = make_envelope (i, 40 + i * 37);
      g_autoptr(JsonNode) node = lyg_protocol_envelope_to_json (envelope, i == 0 ? -1 : (gint64) i);
      g_autoptr(LygEnvelope) back = NULL;
      g_autoptr(GError) error = NULL;
      gint64 seq = 0;

      back = lyg_protocol_envelope_from_json (node, &seq, &error);
      g_assert_no_error (error);
      assert_envelopes_equal (envelope, back);
      g_assert_cmpint (seq, ==, i == 0 ? -1 : (gint64) i);
    }
}

static void
test_envelope_largest_blob (void)
{
  g_autoptr(LygEnvelope) envelope = make_envelope (1, LYG_PROTOCOL_MAX_BLOB);
  g_autoptr(LygEnvelope) too_big = make_envelope (2, LYG_PROTOCOL_MAX_BLOB + 1);
  g_autoptr(JsonNode) node = lyg_protocol_envelope_to_json (envelope, -1);
  g_autoptr(JsonNode) big_node = lyg_protocol_envelope_to_json (too_big, -1);
  g_autoptr(LygEnvelope) back = NULL;
  g_autoptr(LygEnvelope) nothing = NULL;
  g_autoptr(GError) error = NULL;

  back = lyg_protocol_envelope_from_json (node, NULL, &error);
  g_assert_no_error (error);
  assert_envelopes_equal (envelope, back);

  nothing = lyg_protocol_envelope_from_json (big_node, NULL, &error);
  g_assert_null (nothing);
  g_assert_error (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_MALFORMED);
}

/* Each of these must be refused, with an error, without crashing. */
static const char * const bad_envelopes[] = {
  "null",
  "[]",
  "\"envelope\"",
  "{}",
  /* missing members */
  "{\"hlc\":\"%H\",\"device\":\"%D\",\"key_id\":\"k\",\"blob\":\"%B\"}",
  "{\"id\":\"%I\",\"device\":\"%D\",\"key_id\":\"k\",\"blob\":\"%B\"}",
  "{\"id\":\"%I\",\"hlc\":\"%H\",\"key_id\":\"k\",\"blob\":\"%B\"}",
  "{\"id\":\"%I\",\"hlc\":\"%H\",\"device\":\"%D\",\"blob\":\"%B\"}",
  "{\"id\":\"%I\",\"hlc\":\"%H\",\"device\":\"%D\",\"key_id\":\"k\"}",
  /* wrong types */
  "{\"id\":5,\"hlc\":\"%H\",\"device\":\"%D\",\"key_id\":\"k\",\"blob\":\"%B\"}",
  "{\"id\":\"%I\",\"hlc\":[],\"device\":\"%D\",\"key_id\":\"k\",\"blob\":\"%B\"}",
  "{\"id\":\"%I\",\"hlc\":\"%H\",\"device\":true,\"key_id\":\"k\",\"blob\":\"%B\"}",
  "{\"id\":\"%I\",\"hlc\":\"%H\",\"device\":\"%D\",\"key_id\":{},\"blob\":\"%B\"}",
  "{\"id\":\"%I\",\"hlc\":\"%H\",\"device\":\"%D\",\"key_id\":\"k\",\"blob\":1}",
  "{\"id\":\"%I\",\"hlc\":\"%H\",\"device\":\"%D\",\"key_id\":\"k\",\"blob\":\"%B\",\"seq\":\"1\"}",
  "{\"id\":\"%I\",\"hlc\":\"%H\",\"device\":\"%D\",\"key_id\":\"k\",\"blob\":\"%B\",\"seq\":1.5}",
  "{\"id\":\"%I\",\"hlc\":\"%H\",\"device\":\"%D\",\"key_id\":\"k\",\"blob\":\"%B\",\"seq\":-1}",
  "{\"id\":\"%I\",\"hlc\":\"%H\",\"device\":\"%D\",\"key_id\":\"k\",\"blob\":\"%B\",\"seq\":0}",
  "{\"id\":\"%I\",\"hlc\":\"%H\",\"device\":\"%D\",\"key_id\":\"k\",\"blob\":\"%B\",\"seq\":1e300}",
  /* bad values */
  "{\"id\":\"not-a-uuid\",\"hlc\":\"%H\",\"device\":\"%D\",\"key_id\":\"k\",\"blob\":\"%B\"}",
  "{\"id\":\"2F1C6D5E-1111-4222-8333-944445555666\",\"hlc\":\"%H\",\"device\":\"%D\",\"key_id\":\"k\",\"blob\":\"%B\"}",
  "{\"id\":\"%I\",\"hlc\":\"0000018bcfe56800-0000-0123456789abcdef\",\"device\":\"%D\",\"key_id\":\"k\",\"blob\":\"%B\"}",
  "{\"id\":\"%I\",\"hlc\":\"%H\",\"device\":\"fedcba9876543210\",\"key_id\":\"k\",\"blob\":\"%B\"}",
  "{\"id\":\"%I\",\"hlc\":\"%H\",\"device\":\"0123456789ABCDEF\",\"key_id\":\"k\",\"blob\":\"%B\"}",
  "{\"id\":\"%I\",\"hlc\":\"%H\",\"device\":\"%D\",\"key_id\":\"\",\"blob\":\"%B\"}",
  "{\"id\":\"%I\",\"hlc\":\"%H\",\"device\":\"%D\",\"key_id\":\"K|1\",\"blob\":\"%B\"}",
  "{\"id\":\"%I\",\"hlc\":\"%H\",\"device\":\"%D\",\"key_id\":\"k\",\"blob\":\"\"}",
  "{\"id\":\"%I\",\"hlc\":\"%H\",\"device\":\"%D\",\"key_id\":\"k\",\"blob\":\"AAAA\"}",
  "{\"id\":\"%I\",\"hlc\":\"%H\",\"device\":\"%D\",\"key_id\":\"k\",\"blob\":\"%B=\"}",
  "{\"id\":\"%I\",\"hlc\":\"%H\",\"device\":\"%D\",\"key_id\":\"k\",\"blob\":\"*%B\"}",
  "{\"id\":\"%I\",\"hlc\":\"%H\",\"device\":\"%D\",\"key_id\":\"k\",\"blob\":\"A=AA%B\"}",
  "{\"id\":\"%I\",\"hlc\":\"%H\",\"device\":\"%D\",\"key_id\":\"k\",\"blob\":\"%B \"}",
  "{\"id\":\"%I\\u0000x\",\"hlc\":\"%H\",\"device\":\"%D\",\"key_id\":\"k\",\"blob\":\"%B\"}",
};

static char *
fill_template (const char        *template,
               const LygEnvelope *envelope)
{
  g_autofree char *blob = g_base64_encode (g_bytes_get_data (envelope->blob, NULL),
                                           g_bytes_get_size (envelope->blob));
  g_autoptr(GString) out = g_string_new (template);

  g_string_replace (out, "%I", envelope->id, 0);
  g_string_replace (out, "%H", envelope->hlc, 0);
  g_string_replace (out, "%D", envelope->device, 0);
  g_string_replace (out, "%B", blob, 0);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_envelope_rejections (void)
{
  g_autoptr(LygEnvelope) envelope = make_envelope (3, 48);

  for (guint i = 0; i < G_N_ELEMENTS (bad_envelopes); i++)
    {
      g_autofree char *json = fill_template (bad_envelopes[i], envelope);
      g_autofree char *push = g_strdup_printf ("{\"envelopes\":[%s]}", json);
      g_autoptr(GBytes) body = text (push);
      g_autoptr(GPtrArray) parsed = NULL;
      g_autoptr(GError) error = NULL;

      parsed = lyg_protocol_parse_push (body, &error);
      if (parsed != NULL)
        g_error ("accepted bad envelope %u: %s", i, json);
      g_assert_error (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_MALFORMED);
    }

  /* ...while the template with good values passes. */
  {
    g_autofree char *json = fill_template ("{\"id\":\"%I\",\"hlc\":\"%H\",\"device\":\"%D\","
                                           "\"key_id\":\"team-1\",\"blob\":\"%B\",\"extra\":[1]}",
                                           envelope);
    g_autofree char *push = g_strdup_printf ("{\"envelopes\":[%s]}", json);
    g_autoptr(GBytes) body = text (push);
    g_autoptr(GPtrArray) parsed = NULL;
    g_autoptr(GError) error = NULL;

    parsed = lyg_protocol_parse_push (body, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (parsed->len, ==, 1);
    assert_envelopes_equal (envelope, g_ptr_array_index (parsed, 0));
  }
}

static void
test_push_round_trip (void)
{
  g_autoptr(GPtrArray) envelopes = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_envelope_free);
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GPtrArray) acks = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_push_ack_free);
  g_autoptr(LygPushResponse) response = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) response_body = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < LYG_PROTOCOL_MAX_BATCH; i++)
    g_ptr_array_add (envelopes, make_envelope (i, 64));

  body = lyg_protocol_build_push (envelopes);
  g_assert_cmpuint (g_bytes_get_size (body), <, LYG_PROTOCOL_MAX_BODY);
  parsed = lyg_protocol_parse_push (body, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->len, ==, envelopes->len);
  for (guint i = 0; i < parsed->len; i++)
    {
      const LygEnvelope *e = g_ptr_array_index (envelopes, i);

      assert_envelopes_equal (e, g_ptr_array_index (parsed, i));
      g_ptr_array_add (acks, lyg_push_ack_new (e->id, e->hlc, e->device, i + 10));
    }

  response_body = lyg_protocol_build_push_response (acks, 600);
  response = lyg_protocol_parse_push_response (response_body, &error);
  g_assert_no_error (error);
  g_assert_cmpint (response->next, ==, 600);
  g_assert_cmpuint (response->stored->len, ==, acks->len);
  for (guint i = 0; i < acks->len; i++)
    {
      LygPushAck *a = g_ptr_array_index (acks, i);
      LygPushAck *b = g_ptr_array_index (response->stored, i);

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpstr (a->hlc, ==, b->hlc);
      g_assert_cmpstr (a->device, ==, b->device);
      g_assert_cmpint (a->seq, ==, b->seq);
    }
}

static void
test_push_too_many (void)
{
  g_autoptr(GPtrArray) envelopes = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_envelope_free);
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < LYG_PROTOCOL_MAX_BATCH + 1; i++)
    g_ptr_array_add (envelopes, make_envelope (i, 40));

  body = lyg_protocol_build_push (envelopes);
  parsed = lyg_protocol_parse_push (body, &error);
  g_assert_null (parsed);
  g_assert_error (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_TOO_LARGE);
}

static void
test_body_bounds (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) deep = g_byte_array_new ();
  g_autofree char *big = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GPtrArray) parsed = NULL;

  /* Over the size bound, refused before parsing. */
  big = g_malloc (LYG_PROTOCOL_MAX_BODY + 2);
  memset (big, ' ', LYG_PROTOCOL_MAX_BODY + 1);
  big[0] = '{';
  big[LYG_PROTOCOL_MAX_BODY] = '}';
  big[LYG_PROTOCOL_MAX_BODY + 1] = '\0';
  body = g_bytes_new (big, LYG_PROTOCOL_MAX_BODY + 1);
  parsed = lyg_protocol_parse_push (body, &error);
  g_assert_null (parsed);
  g_assert_error (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_clear_pointer (&body, g_bytes_unref);

  /* Nesting that would exhaust the stack of a recursive parser. */
  for (guint i = 0; i < 1000000; i++)
    g_byte_array_append (deep, (const guint8 *) "[", 1);
  body = g_bytes_new (deep->data, deep->len);
  parsed = lyg_protocol_parse_push (body, &error);
  g_assert_null (parsed);
  g_assert_error (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_MALFORMED);
  g_clear_error (&error);

  /* Just under the nesting bound is fine for the check. */
  g_assert_true (lyg_protocol_check_json ("[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]", 32, NULL));
  g_assert_false (lyg_protocol_check_json ("[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]", 34, NULL));
  /* Brackets inside strings don't count. */
  {
    const char *quoted = "{\"a\":\"[[[[[[[[[[[[[[[[[[[[[[\\\"[[\"}";

    g_assert_true (lyg_protocol_check_json (quoted, strlen (quoted), NULL));
  }

  /* Invalid UTF-8, NUL bytes, escaped NUL, empty input. */
  g_assert_false (lyg_protocol_check_json ("{\"a\":\"\xff\"}", 9, NULL));
  g_assert_false (lyg_protocol_check_json ("{\"a\":\"\0\"}", 9, NULL));
  g_assert_false (lyg_protocol_check_json ("{\"a\":\"\\u0000\"}", 14, NULL));
  g_assert_false (lyg_protocol_check_json ("", 0, NULL));
  g_assert_false (lyg_protocol_check_json ("{\"a\":\"\\", 7, NULL));
}

static void
test_pull_round_trip (void)
{
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_stored_envelope_free);
  g_autoptr(LygPullResponse) response = NULL;
  g_autoptr(LygPullResponse) empty = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) empty_body = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 50; i++)
    g_ptr_array_add (stored, lyg_stored_envelope_new (100 + i * 3, make_envelope (i, 100)));

  body = lyg_protocol_build_pull_response (stored, 247, TRUE, 9000);
  response = lyg_protocol_parse_pull_response (body, &error);
  g_assert_no_error (error);
  g_assert_cmpint (response->next, ==, 247);
  g_assert_true (response->more);
  g_assert_cmpint (response->head, ==, 9000);
  g_assert_cmpuint (response->envelopes->len, ==, 50);
  for (guint i = 0; i < 50; i++)
    {
      LygStoredEnvelope *a = g_ptr_array_index (stored, i);
      LygStoredEnvelope *b = g_ptr_array_index (response->envelopes, i);

      g_assert_cmpint (a->seq, ==, b->seq);
      assert_envelopes_equal (a->envelope, b->envelope);
    }

  empty_body = lyg_protocol_build_pull_response (none, 12, FALSE, -1);
  empty = lyg_protocol_parse_pull_response (empty_body, &error);
  g_assert_no_error (error);
  g_assert_cmpint (empty->next, ==, 12);
  g_assert_false (empty->more);
  g_assert_cmpint (empty->head, ==, -1);
  g_assert_cmpuint (empty->envelopes->len, ==, 0);
}

static void
test_pull_rejections (void)
{
  g_autoptr(LygEnvelope) a = make_envelope (1, 50);
  g_autoptr(LygEnvelope) b = make_envelope (2, 50);
  g_autofree char *a5 = envelope_json (a, 5);
  g_autofree char *b5 = envelope_json (b, 5);
  g_autofree char *b4 = envelope_json (b, 4);
  g_autofree char *b9 = envelope_json (b, 9);
  g_autofree char *a_noseq = envelope_json (a, -1);
  char *cases[] = {
    /* seq must increase */
    g_strdup_printf ("{\"envelopes\":[%s,%s],\"next\":5,\"more\":false}", a5, b5),
    g_strdup_printf ("{\"envelopes\":[%s,%s],\"next\":5,\"more\":false}", a5, b4),
    /* next can't be behind what was sent */
    g_strdup_printf ("{\"envelopes\":[%s,%s],\"next\":5,\"more\":false}", a5, b9),
    /* envelopes from the server carry their seq */
    g_strdup_printf ("{\"envelopes\":[%s],\"next\":5,\"more\":false}", a_noseq),
    /* more and next are required and typed */
    g_strdup_printf ("{\"envelopes\":[%s],\"next\":5}", a5),
    g_strdup_printf ("{\"envelopes\":[%s],\"more\":true}", a5),
    g_strdup_printf ("{\"envelopes\":[%s],\"next\":5,\"more\":\"yes\"}", a5),
    g_strdup_printf ("{\"envelopes\":[%s],\"next\":-5,\"more\":true}", a5),
    g_strdup ("{\"envelopes\":{},\"next\":5,\"more\":true}"),
    g_strdup ("{\"next\":5,\"more\":true}"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = text (cases[i]);
      g_autoptr(LygPullResponse) response = NULL;
      g_autoptr(GError) error = NULL;

      response = lyg_protocol_parse_pull_response (body, &error);
      if (response != NULL)
        g_error ("accepted bad pull response %u", i);
      g_assert_error (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_MALFORMED);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_free (cases[i]);
}

static void
test_enroll (void)
{
  g_autofree char *token = lyg_crypto_random_hex (32);
  g_autoptr(GBytes) request_body = lyg_protocol_build_enroll_request ("abcd-EF01 2345-6789-abcd-ef01-2345-6789",
                                                                      DEVICE, "Anna’s laptop");
  g_autoptr(GBytes) response_body = lyg_protocol_build_enroll_response (token, DEVICE,
                                                                        LYG_ROLE_COORDINATOR, "team");
  g_autoptr(LygEnrollRequest) request = NULL;
  g_autoptr(LygEnrollResponse) response = NULL;
  g_autofree char *normal = NULL;
  g_autoptr(GError) error = NULL;
  const char *bad_requests[] = {
    "{\"device_id\":\"" DEVICE "\"}",
    "{\"code\":\"x\"}",
    "{\"code\":\"x\",\"device_id\":\"0123\"}",
    "{\"code\":\"x\",\"device_id\":\"" DEVICE "\",\"name\":7}",
    "{\"code\":\"x\",\"device_id\":\"" DEVICE "\",\"name\":\"a\\nb\"}",
    "{\"code\":[],\"device_id\":\"" DEVICE "\"}",
  };
  const char *bad_responses[] = {
    "{\"token\":\"abc\",\"device_id\":\"" DEVICE "\",\"role\":\"worker\",\"team\":\"t\"}",
    "{\"token\":\"%T\",\"device_id\":\"" DEVICE "\",\"role\":\"admin\",\"team\":\"t\"}",
    "{\"token\":\"%T\",\"device_id\":\"" DEVICE "\",\"role\":\"worker\"}",
    "{\"token\":\"%T\",\"device_id\":\"" DEVICE "\",\"role\":\"worker\",\"team\":\"\"}",
  };

  request = lyg_protocol_parse_enroll_request (request_body, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (request->device_id, ==, DEVICE);
  g_assert_cmpstr (request->name, ==, "Anna’s laptop");
  normal = lyg_protocol_normalize_code (request->code);
  g_assert_cmpstr (normal, ==, "abcdef0123456789abcdef0123456789");

  response = lyg_protocol_parse_enroll_response (response_body, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (response->token, ==, token);
  g_assert_cmpstr (response->device_id, ==, DEVICE);
  g_assert_cmpint (response->role, ==, LYG_ROLE_COORDINATOR);
  g_assert_cmpstr (response->team, ==, "team");

  for (guint i = 0; i < G_N_ELEMENTS (bad_requests); i++)
    {
      g_autoptr(GBytes) body = text (bad_requests[i]);
      g_autoptr(LygEnrollRequest) parsed = lyg_protocol_parse_enroll_request (body, &error);

      g_assert_null (parsed);
      g_assert_error (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_MALFORMED);
      g_clear_error (&error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad_responses); i++)
    {
      g_autoptr(GString) str = g_string_new (bad_responses[i]);
      g_autoptr(GBytes) body = NULL;
      g_autoptr(LygEnrollResponse) parsed = NULL;

      g_string_replace (str, "%T", token, 0);
      body = text (str->str);
      parsed = lyg_protocol_parse_enroll_response (body, &error);
      g_assert_null (parsed);
      g_assert_error (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_MALFORMED);
      g_clear_error (&error);
    }
}

static void
test_invite (void)
{
  g_autoptr(GBytes) request_body = lyg_protocol_build_invite_request ("Bo", LYG_ROLE_WORKER, 3600);
  g_autoptr(GBytes) response_body = lyg_protocol_build_invite_response ("00112233445566778899aabbccddeeff",
                                                                        2000000000, LYG_ROLE_COORDINATOR);
  g_autoptr(LygInviteRequest) request = NULL;
  g_autoptr(LygInviteResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  const char *bad[] = {
    "{\"role\":\"worker\"}",
    "{\"name\":\"\"}",
    "{\"name\":\"a\",\"role\":\"boss\"}",
    "{\"name\":\"a\",\"ttl\":1}",
    "{\"name\":\"a\",\"ttl\":99999999999}",
    "{\"name\":\"a\",\"ttl\":\"60\"}",
    "{\"name\":\"a\",\"ttl\":60.5}",
  };

  request = lyg_protocol_parse_invite_request (request_body, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (request->name, ==, "Bo");
  g_assert_cmpint (request->role, ==, LYG_ROLE_WORKER);
  g_assert_cmpint (request->ttl, ==, 3600);

  response = lyg_protocol_parse_invite_response (response_body, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (response->code, ==, "0011-2233-4455-6677-8899-aabb-ccdd-eeff");
  g_assert_cmpint (response->expires, ==, 2000000000);
  g_assert_cmpint (response->role, ==, LYG_ROLE_COORDINATOR);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) body = text (bad[i]);
      g_autoptr(LygInviteRequest) parsed = lyg_protocol_parse_invite_request (body, &error);

      if (parsed != NULL)
        g_error ("accepted bad invite %s", bad[i]);
      g_assert_error (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_MALFORMED);
      g_clear_error (&error);
    }
}

static void
test_devices (void)
{
  g_autoptr(GPtrArray) devices = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_device_info_free);
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) revoke = NULL;
  g_autofree char *revoked_id = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (devices, lyg_device_info_new (DEVICE, "Anna", LYG_ROLE_COORDINATOR,
                                                 1700000000, 1700000500, FALSE));
  g_ptr_array_add (devices, lyg_device_info_new ("00000000000000ff", "", LYG_ROLE_WORKER,
                                                 1700000100, 0, TRUE));

  body = lyg_protocol_build_devices (devices);
  parsed = lyg_protocol_parse_devices (body, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      LygDeviceInfo *a = g_ptr_array_index (devices, i);
      LygDeviceInfo *b = g_ptr_array_index (parsed, i);

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpint (a->role, ==, b->role);
      g_assert_cmpint (a->enrolled, ==, b->enrolled);
      g_assert_cmpint (a->last_seen, ==, b->last_seen);
      g_assert_cmpint (a->revoked, ==, b->revoked);
    }

  revoke = lyg_protocol_build_revoke_response (DEVICE);
  g_assert_true (lyg_protocol_parse_revoke_response (revoke, &revoked_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (revoked_id, ==, DEVICE);

  path = lyg_protocol_build_revoke_path (DEVICE);
  g_assert_cmpstr (path, ==, "/v1/devices/" DEVICE "/revoke");
}

static void
test_errors (void)
{
  for (guint i = 0; i <= LYG_PROTOCOL_ERROR_INTERNAL; i++)
    {
      g_autoptr(GBytes) body = lyg_protocol_build_error (i, NULL);
      g_autoptr(GError) error = NULL;
      guint status = lyg_protocol_error_get_status (i);

      g_assert_cmpint (lyg_protocol_error_from_code (lyg_protocol_error_to_code (i)), ==, i);
      g_assert_cmpuint (status, >=, 400);
      g_assert_cmpuint (status, <, 600);
      g_assert_nonnull (lyg_protocol_error_get_message (i));

      error = lyg_protocol_error_from_response (status, body);
      g_assert_error (error, LYG_PROTOCOL_ERROR, (int) i);
    }

  g_assert_cmpint (lyg_protocol_error_get_status (LYG_PROTOCOL_ERROR_REVOKED), ==, 401);
  g_assert_cmpint (lyg_protocol_error_get_status (LYG_PROTOCOL_ERROR_TOO_LARGE), ==, 413);
  g_assert_cmpint (lyg_protocol_error_get_status (LYG_PROTOCOL_ERROR_RATE_LIMITED), ==, 429);
  g_assert_cmpstr (lyg_protocol_error_to_code (LYG_PROTOCOL_ERROR_EXPIRED_CODE), ==, "expired_code");
  g_assert_cmpint (lyg_protocol_error_from_code ("no such code"), ==, LYG_PROTOCOL_ERROR_UNKNOWN);
  g_assert_cmpint (lyg_protocol_error_from_code (NULL), ==, LYG_PROTOCOL_ERROR_UNKNOWN);

  /* A body that isn't ours: fall back on the status. */
  {
    g_autoptr(GBytes) html = text ("<html>Bad gateway</html>");
    g_autoptr(GBytes) odd = text ("{\"error\":{\"code\":\"teapot\"}}");
    g_autoptr(GError) e1 = lyg_protocol_error_from_response (502, html);
    g_autoptr(GError) e2 = lyg_protocol_error_from_response (429, NULL);
    g_autoptr(GError) e3 = lyg_protocol_error_from_response (401, odd);
    g_autoptr(GError) e4 = lyg_protocol_error_from_response (418, NULL);

    g_assert_error (e1, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_INTERNAL);
    g_assert_error (e2, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_RATE_LIMITED);
    g_assert_error (e3, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_UNAUTHORIZED);
    g_assert_error (e4, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_UNKNOWN);
  }
}

static void
test_small_formats (void)
{
  g_autofree char *formatted = lyg_protocol_format_code ("00112233445566778899AABBCCDDEEFF");
  g_autofree char *normal = NULL;
  g_autofree char *time_str = lyg_protocol_format_time (0);
  gint64 value = -1;

  g_assert_cmpstr (formatted, ==, "0011-2233-4455-6677-8899-aabb-ccdd-eeff");
  normal = lyg_protocol_normalize_code (" 0011 2233-4455-6677-8899-AABB-ccdd-eeff ");
  g_assert_cmpstr (normal, ==, "00112233445566778899aabbccddeeff");
  g_assert_null (lyg_protocol_normalize_code ("0011"));
  g_assert_null (lyg_protocol_normalize_code ("00112233445566778899aabbccddeeffa"));
  g_assert_null (lyg_protocol_normalize_code ("00112233445566778899aabbccddeefg"));
  g_assert_null (lyg_protocol_normalize_code (""));
  g_assert_null (lyg_protocol_normalize_code (NULL));

  g_assert_cmpstr (time_str, ==, "1970-01-01T00:00:00Z");
  g_assert_true (lyg_protocol_parse_time ("2030-05-01T12:00:00Z", &value));
  g_assert_cmpint (value, ==, 1903867200);
  g_assert_true (lyg_protocol_parse_time ("2030-05-01T14:00:00+02:00", &value));
  g_assert_cmpint (value, ==, 1903867200);
  g_assert_false (lyg_protocol_parse_time ("2030-05-01T12:00:00", &value));
  g_assert_false (lyg_protocol_parse_time ("yesterday", &value));
  g_assert_false (lyg_protocol_parse_time ("1960-01-01T00:00:00Z", &value));

  g_assert_true (lyg_protocol_parse_uint ("0", G_MAXINT64, &value));
  g_assert_cmpint (value, ==, 0);
  g_assert_true (lyg_protocol_parse_uint ("9223372036854775807", G_MAXINT64, &value));
  g_assert_cmpint (value, ==, G_MAXINT64);
  g_assert_false (lyg_protocol_parse_uint ("9223372036854775808", G_MAXINT64, &value));
  g_assert_false (lyg_protocol_parse_uint ("99999999999999999999", G_MAXINT64, &value));
  g_assert_false (lyg_protocol_parse_uint ("-1", G_MAXINT64, &value));
  g_assert_false (lyg_protocol_parse_uint ("+1", G_MAXINT64, &value));
  g_assert_false (lyg_protocol_parse_uint (" 1", G_MAXINT64, &value));
  g_assert_false (lyg_protocol_parse_uint ("1x", G_MAXINT64, &value));
  g_assert_false (lyg_protocol_parse_uint ("", G_MAXINT64, &value));
  g_assert_false (lyg_protocol_parse_uint ("11", 10, &value));

  g_assert_true (lyg_protocol_token_is_valid ("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"));
  g_assert_false (lyg_protocol_token_is_valid ("00112233445566778899AABBCCDDEEFF00112233445566778899aabbccddeeff"));
  g_assert_false (lyg_protocol_token_is_valid ("0011"));
  g_assert_false (lyg_protocol_token_is_valid (NULL));

  g_assert_true (lyg_role_from_string ("coordinator", NULL));
  g_assert_false (lyg_role_from_string ("Coordinator", NULL));
  g_assert_cmpstr (lyg_role_to_string (LYG_ROLE_WORKER), ==, "worker");
}

/* The pin is SHA-256 over the DER certificate; compute it independently. */
static void
test_pin (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "server", "test-cert.pem", NULL);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pem = NULL;
  g_autofree char *pin = NULL;
  g_autofree guchar *der = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GString) b64 = g_string_new (NULL);
  gsize der_len = 0;
  gboolean inside = FALSE;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &pem, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (pem, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (g_str_has_prefix (lines[i], "-----BEGIN"))
        inside = TRUE;
      else if (g_str_has_prefix (lines[i], "-----END"))
        break;
      else if (inside)
        g_string_append (b64, lines[i]);
    }
  der = g_base64_decode (b64->str, &der_len);
  expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der, der_len);

  certificate = g_tls_certificate_new_from_file (path, &error);
  g_assert_no_error (error);
  pin = lyg_protocol_pin_from_certificate (certificate);
  g_assert_cmpstr (pin, ==, expected);
  g_assert_true (lyg_protocol_pin_is_valid (pin));
}

typedef GBytes *(*BuildFunc) (void);

static GBytes *
sample_push (void)
{
  g_autoptr(GPtrArray) envelopes = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_envelope_free);

  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (envelopes, make_envelope (i, 60));

  return lyg_protocol_build_push (envelopes);
}

static GBytes *
sample_pull (void)
{
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_stored_envelope_free);

  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (stored, lyg_stored_envelope_new (i + 1, make_envelope (i, 60)));

  return lyg_protocol_build_pull_response (stored, 3, FALSE, 3);
}

static GBytes *
sample_devices (void)
{
  g_autoptr(GPtrArray) devices = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_device_info_free);

  g_ptr_array_add (devices, lyg_device_info_new (DEVICE, "Anna", LYG_ROLE_COORDINATOR, 1, 2, FALSE));

  return lyg_protocol_build_devices (devices);
}

static GBytes *
sample_enroll (void)
{
  return lyg_protocol_build_enroll_request ("00112233445566778899aabbccddeeff", DEVICE, "x");
}

static GBytes *
sample_invite (void)
{
  return lyg_protocol_build_invite_response ("00112233445566778899aabbccddeeff", 1, LYG_ROLE_WORKER);
}

static GBytes *
sample_error (void)
{
  return lyg_protocol_build_error (LYG_PROTOCOL_ERROR_REVOKED, NULL);
}

static void
parse_everything (GBytes *body)
{
  gpointer result;
  char *id = NULL;

  result = lyg_protocol_parse_push (body, NULL);
  g_clear_pointer ((GPtrArray **) &result, g_ptr_array_unref);
  result = lyg_protocol_parse_push_response (body, NULL);
  g_clear_pointer ((LygPushResponse **) &result, lyg_push_response_free);
  result = lyg_protocol_parse_pull_response (body, NULL);
  g_clear_pointer ((LygPullResponse **) &result, lyg_pull_response_free);
  result = lyg_protocol_parse_enroll_request (body, NULL);
  g_clear_pointer ((LygEnrollRequest **) &result, lyg_enroll_request_free);
  result = lyg_protocol_parse_enroll_response (body, NULL);
  g_clear_pointer ((LygEnrollResponse **) &result, lyg_enroll_response_free);
  result = lyg_protocol_parse_invite_request (body, NULL);
  g_clear_pointer ((LygInviteRequest **) &result, lyg_invite_request_free);
  result = lyg_protocol_parse_invite_response (body, NULL);
  g_clear_pointer ((LygInviteResponse **) &result, lyg_invite_response_free);
  result = lyg_protocol_parse_devices (body, NULL);
  g_clear_pointer ((GPtrArray **) &result, g_ptr_array_unref);
  if (lyg_protocol_parse_revoke_response (body, &id, NULL))
    g_free (id);
  g_error_free (lyg_protocol_error_from_response (400, body));
}

/* Random mutations of valid messages through every parser: nothing may
 * crash or trip a check. The seed is printed so a failure can be replayed
 * with LYG_TEST_SEED.
 */
static void
test_mutations (void)
{
  const BuildFunc builders[] = {
    sample_push, sample_pull, sample_devices, sample_enroll, sample_invite, sample_error,
  };
  const char *seed_env = g_getenv ("LYG_TEST_SEED");
  guint32 seed = seed_env ? (guint32) g_ascii_strtoull (seed_env, NULL, 10) : g_random_int ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  const char specials[] = "{}[]\":,\\ 0123456789-eE.tfn\xff";

  g_test_message ("seed: %u", seed);

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GBytes) sample = builders[g_rand_int_range (rand, 0, G_N_ELEMENTS (builders))] ();
      g_autoptr(GByteArray) data = g_byte_array_new ();
      g_autoptr(GBytes) mutated = NULL;
      guint n_mutations = g_rand_int_range (rand, 1, 6);

      g_byte_array_append (data, g_bytes_get_data (sample, NULL), g_bytes_get_size (sample));

      for (guint m = 0; m < n_mutations && data->len > 0; m++)
        {
          guint pos = g_rand_int_range (rand, 0, data->len);

          switch (g_rand_int_range (rand, 0, 6))
            {
            case 0:
              data->data[pos] = (guint8) g_rand_int_range (rand, 0, 256);
              break;
            case 1:
              data->data[pos] = (guint8) specials[g_rand_int_range (rand, 0, sizeof specials - 1)];
              break;
            case 2:
              g_byte_array_set_size (data, pos);
              break;
            case 3:
              {
                guint want = (guint) g_rand_int_range (rand, 1, 20);

                g_byte_array_remove_range (data, pos, MIN (data->len - pos, want));
              }
              break;
            case 4:
              {
                guint want = (guint) g_rand_int_range (rand, 1, 40);
                guint len = MIN (data->len - pos, want);
                g_autofree guint8 *chunk = g_memdup2 (data->data + pos, len);

                g_byte_array_prepend (data, chunk, len);
              }
              break;
            case 5:
            default:
              {
                guint8 byte = (guint8) specials[g_rand_int_range (rand, 0, sizeof specials - 1)];

                g_array_insert_vals ((GArray *) data, pos, &byte, 1);
              }
              break;
            }
        }

      mutated = g_bytes_new (data->data, data->len);
      parse_everything (mutated);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_assert_true (lyg_crypto_init (NULL));

  g_test_add_func ("/lyg/protocol/envelope/round-trip", test_envelope_round_trip);
  g_test_add_func ("/lyg/protocol/envelope/largest-blob", test_envelope_largest_blob);
  g_test_add_func ("/lyg/protocol/envelope/rejections", test_envelope_rejections);
  g_test_add_func ("/lyg/protocol/push/round-trip", test_push_round_trip);
  g_test_add_func ("/lyg/protocol/push/too-many", test_push_too_many);
  g_test_add_func ("/lyg/protocol/body-bounds", test_body_bounds);
  g_test_add_func ("/lyg/protocol/pull/round-trip", test_pull_round_trip);
  g_test_add_func ("/lyg/protocol/pull/rejections", test_pull_rejections);
  g_test_add_func ("/lyg/protocol/enroll", test_enroll);
  g_test_add_func ("/lyg/protocol/invite", test_invite);
  g_test_add_func ("/lyg/protocol/devices", test_devices);
  g_test_add_func ("/lyg/protocol/errors", test_errors);
  g_test_add_func ("/lyg/protocol/small-formats", test_small_formats);
  g_test_add_func ("/lyg/protocol/pin", test_pin);
  g_test_add_func ("/lyg/protocol/mutations", test_mutations);

  return g_test_run ();
}
