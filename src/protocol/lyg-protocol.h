/* lyg-protocol.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "lyg-envelope.h"

G_BEGIN_DECLS

/* The Lygte sync protocol, version 1
 * ==================================
 *
 * JSON over HTTPS. Every path starts with /v1/. Requests and responses are
 * UTF-8 JSON objects (Content-Type: application/json), at most
 * LYG_PROTOCOL_MAX_BODY bytes, nested at most LYG_PROTOCOL_MAX_DEPTH deep.
 * Request bodies must carry a Content-Length (chunked uploads get 411).
 * Unknown members are ignored, so later versions may add some; a missing or
 * mistyped member makes the whole message malformed.
 *
 * Authentication: "Authorization: Bearer <token>", where the token is the 64
 * lowercase hex digits (32 random bytes) issued by /v1/enroll. The server
 * keeps only its SHA-256. Everything but /v1/enroll and /v1/health needs it.
 *
 * Envelope (lyg-envelope.h; the server never sees plaintext):
 *   { "id":     "<record uuid, lowercase>",
 *     "hlc":    "<stamp, 33 chars, see lyg-hlc.h>",
 *     "device": "<16 lowercase hex, the sealing device>",
 *     "key_id": "<team key id>",
 *     "blob":   "<standard base64 of nonce || ciphertext, padded>",
 *     "erase":  true                     <- optional, erasure tombstone
 *     "seq":    N }                      <- only in responses from the server
 *
 * POST /v1/records          push a batch (any device)
 *   request:  { "envelopes": [ envelope, ... ] }      at most MAX_BATCH
 *   response: { "stored": [ { "id", "hlc", "device", "seq" }, ... ],
 *               "next": HEAD }
 *   The batch is stored atomically. It is idempotent on (id, hlc, device):
 *   re-pushing an envelope stores nothing new and answers the sequence
 *   number it already has. "stored" is in request order. HEAD is the
 *   highest sequence number on the server after the push.
 *   Erasure: an envelope with "erase": true is the tombstone of a record
 *   erased under the data-protection rules (lyg-erasure.h). The server
 *   stores it, drops every other revision of that id from its log and its
 *   database file, and from then on stores no other revision of that id:
 *   such a push is acknowledged with the tombstone's seq. The tombstone
 *   stays so that every device learns of the erasure and drops its copy.
 *   A pull whose "at" cursor sat on a dropped revision is not a conflict.
 *
 * GET /v1/records?since=SEQ&limit=N[&at=HLC]     pull (any device)
 *   SEQ >= 0 (default 0), 1 <= N (default LYG_PROTOCOL_DEFAULT_PULL; larger
 *   values are clamped to the server's maximum). Answers the envelopes with
 *   seq > SEQ in ascending seq order:
 *   response: { "envelopes": [ envelope with seq, ... ],
 *               "next": SEQ', "more": bool, "head": HEAD }
 *   SEQ' is the seq of the last envelope returned (SEQ if none): send it
 *   as "since" next time. "more" says whether more are waiting now. A page
 *   may hold fewer than N envelopes so that it stays under MAX_BODY. If SEQ
 *   is above HEAD, the server has lost or replaced its log. With "at", the
 *   hlc of the envelope the client last pulled (the one at seq SEQ), the
 *   server answers 409 conflict when it holds another envelope there: its
 *   log was restored from a backup or replaced, and the client starts over
 *   from 0 and sends everything again.
 *
 * POST /v1/enroll           redeem an enrollment code (no token)
 *   request:  { "code": "<code>", "device_id": "<16 hex>", "name": "<text>" }
 *   response: { "token": "<64 hex>", "device_id": "<16 hex>",
 *               "role": "worker" | "coordinator", "team": "<team id>" }
 *   A code is 32 hex digits, shown in groups of four joined by '-'; dashes,
 *   spaces and case are ignored. Codes are single use and expire.
 *   Attempts are rate limited per client address.
 *
 * POST /v1/invites          create an enrollment code (coordinators)
 *   request:  { "name": "<device name>", "role": "worker" | "coordinator",
 *               "ttl": SECONDS }                 role and ttl are optional
 *   response: { "code": "<code>", "expires": "<ISO 8601 UTC>",
 *               "role": "worker" | "coordinator" }
 *
 * GET /v1/devices           list the team's devices (coordinators)
 *   response: { "devices": [ { "id", "name", "role", "enrolled": ISO 8601,
 *               "last_seen": ISO 8601 | null, "revoked": bool }, ... ] }
 *
 * POST /v1/devices/{device_id}/revoke   revoke a device (coordinators)
 *   request:  empty or {}
 *   response: { "device_id": "<16 hex>", "revoked": true }
 *   From then on the device's token gets 401 with code "revoked".
 *
 * GET /v1/health            { "status": "ok", "version": 1 }  (no token)
 *
 * Errors: any 4xx/5xx answer has the body
 *   { "error": { "code": "<machine code>", "message": "<English text>" } }
 * with the codes of LygProtocolError (lyg_protocol_error_to_code()):
 *   400 malformed, 411 length_required, 413 too_large, 401 unauthorized,
 *   401 revoked, 403 forbidden, 404 not_found, 405 method_not_allowed,
 *   409 conflict, 410 expired_code, 410 used_code, 403 bad_code,
 *   429 rate_limited, 500 internal.
 * Clients show lyg_protocol_error_get_message() for the code, not the
 * server's text.
 */

#define LYG_PROTOCOL_VERSION           1
#define LYG_API_PREFIX                 "/v1/"
#define LYG_API_PATH_RECORDS           "/v1/records"
#define LYG_API_PATH_ENROLL            "/v1/enroll"
#define LYG_API_PATH_INVITES           "/v1/invites"
#define LYG_API_PATH_DEVICES           "/v1/devices"
#define LYG_API_PATH_DEVICES_PREFIX    "/v1/devices/"
#define LYG_API_PATH_REVOKE_SUFFIX     "/revoke"
#define LYG_API_PATH_HEALTH            "/v1/health"

#define LYG_PROTOCOL_CONTENT_TYPE      "application/json"

/* Bounds. A request or response body is at most MAX_BODY bytes; a push
 * batch holds at most MAX_BATCH envelopes; a blob is at most
 * LYG_ENVELOPE_MAX_BLOB bytes before base64.
 */
#define LYG_PROTOCOL_MAX_BODY          (4 * 1024 * 1024)
#define LYG_PROTOCOL_MAX_BATCH         500
#define LYG_PROTOCOL_MAX_BLOB          LYG_ENVELOPE_MAX_BLOB
#define LYG_PROTOCOL_MAX_DEPTH         16
#define LYG_PROTOCOL_DEFAULT_PULL      500
#define LYG_PROTOCOL_MAX_PULL          2000
#define LYG_PROTOCOL_MAX_NAME          128   /* characters */
#define LYG_PROTOCOL_MAX_CODE_INPUT    128   /* bytes, before normalising */
#define LYG_PROTOCOL_CODE_HEX          32
#define LYG_PROTOCOL_TOKEN_HEX         64
#define LYG_PROTOCOL_PIN_HEX           64
#define LYG_PROTOCOL_MIN_TTL           60
#define LYG_PROTOCOL_MAX_TTL           (30 * 24 * 3600)

#define LYG_PROTOCOL_ERROR (lyg_protocol_error_quark ())

typedef enum
{
  LYG_PROTOCOL_ERROR_MALFORMED,
  LYG_PROTOCOL_ERROR_LENGTH_REQUIRED,
  LYG_PROTOCOL_ERROR_TOO_LARGE,
  LYG_PROTOCOL_ERROR_UNAUTHORIZED,
  LYG_PROTOCOL_ERROR_REVOKED,
  LYG_PROTOCOL_ERROR_FORBIDDEN,
  LYG_PROTOCOL_ERROR_NOT_FOUND,
  LYG_PROTOCOL_ERROR_METHOD_NOT_ALLOWED,
  LYG_PROTOCOL_ERROR_CONFLICT,
  LYG_PROTOCOL_ERROR_EXPIRED_CODE,
  LYG_PROTOCOL_ERROR_USED_CODE,
  LYG_PROTOCOL_ERROR_BAD_CODE,
  LYG_PROTOCOL_ERROR_RATE_LIMITED,
  LYG_PROTOCOL_ERROR_INTERNAL,
  LYG_PROTOCOL_ERROR_UNKNOWN,   /* a code or status this version doesn't know */
} LygProtocolError;

typedef enum
{
  LYG_ROLE_WORKER,
  LYG_ROLE_COORDINATOR,
} LygRole;

/* An envelope with the sequence number the server stored it under. */
typedef struct
{
  gint64       seq;
  LygEnvelope *envelope;
} LygStoredEnvelope;

/* One entry of a push response. */
typedef struct
{
  char   *id;
  char   *hlc;
  char   *device;
  gint64  seq;
} LygPushAck;

typedef struct
{
  GPtrArray *stored;   /* of LygPushAck, in request order */
  gint64     next;
} LygPushResponse;

typedef struct
{
  GPtrArray *envelopes;   /* of LygStoredEnvelope, ascending seq */
  gint64     next;
  gboolean   more;
  gint64     head;        /* -1 if the server didn't say */
} LygPullResponse;

typedef struct
{
  char *code;        /* as sent; see lyg_protocol_normalize_code() */
  char *device_id;
  char *name;        /* may be "" */
} LygEnrollRequest;

typedef struct
{
  char    *token;
  char    *device_id;
  LygRole  role;
  char    *team;
} LygEnrollResponse;

typedef struct
{
  char    *name;
  LygRole  role;
  gint64   ttl;       /* seconds; 0 = the server's default */
} LygInviteRequest;

typedef struct
{
  char    *code;
  gint64   expires;   /* unix seconds */
  LygRole  role;
} LygInviteResponse;

typedef struct
{
  char     *id;
  char     *name;
  LygRole   role;
  gint64    enrolled;   /* unix seconds */
  gint64    last_seen;  /* unix seconds, 0 = never */
  gboolean  revoked;
} LygDeviceInfo;

GQuark             lyg_protocol_error_quark              (void);
const char        *lyg_protocol_error_to_code            (LygProtocolError     error);
LygProtocolError   lyg_protocol_error_from_code          (const char          *code);
guint              lyg_protocol_error_get_status         (LygProtocolError     error);
const char        *lyg_protocol_error_get_message        (LygProtocolError     error);
GBytes            *lyg_protocol_build_error              (LygProtocolError     error,
                                                          const char          *message);
GError            *lyg_protocol_error_from_response      (guint                status,
                                                          GBytes              *body);

const char        *lyg_role_to_string                    (LygRole              role);
gboolean           lyg_role_from_string                  (const char          *str,
                                                          LygRole             *role);

gboolean           lyg_protocol_check_json               (const char          *data,
                                                          gsize                length,
                                                          GError             **error);
gboolean           lyg_protocol_token_is_valid           (const char          *token);
gboolean           lyg_protocol_pin_is_valid             (const char          *pin);
char              *lyg_protocol_normalize_code           (const char          *code);
char              *lyg_protocol_format_code              (const char          *code);
char              *lyg_protocol_format_time              (gint64               unix_seconds);
gboolean           lyg_protocol_parse_time               (const char          *iso8601,
                                                          gint64              *unix_seconds);
gboolean           lyg_protocol_parse_uint               (const char          *str,
                                                          gint64               max,
                                                          gint64              *value);
char              *lyg_protocol_pin_from_certificate     (GTlsCertificate     *certificate);
char              *lyg_protocol_build_revoke_path        (const char          *device_id);

JsonNode          *lyg_protocol_envelope_to_json         (const LygEnvelope   *envelope,
                                                          gint64               seq);
LygEnvelope       *lyg_protocol_envelope_from_json       (JsonNode            *node,
                                                          gint64              *seq,
                                                          GError             **error);

GBytes            *lyg_protocol_build_push               (GPtrArray           *envelopes);
GPtrArray         *lyg_protocol_parse_push               (GBytes              *body,
                                                          GError             **error);
GBytes            *lyg_protocol_build_push_response      (GPtrArray           *acks,
                                                          gint64               next);
LygPushResponse   *lyg_protocol_parse_push_response      (GBytes              *body,
                                                          GError             **error);
GBytes            *lyg_protocol_build_pull_response      (GPtrArray           *envelopes,
                                                          gint64               next,
                                                          gboolean             more,
                                                          gint64               head);
LygPullResponse   *lyg_protocol_parse_pull_response      (GBytes              *body,
                                                          GError             **error);
GBytes            *lyg_protocol_build_enroll_request     (const char          *code,
                                                          const char          *device_id,
                                                          const char          *name);
LygEnrollRequest  *lyg_protocol_parse_enroll_request     (GBytes              *body,
                                                          GError             **error);
GBytes            *lyg_protocol_build_enroll_response    (const char          *token,
                                                          const char          *device_id,
                                                          LygRole              role,
                                                          const char          *team);
LygEnrollResponse *lyg_protocol_parse_enroll_response    (GBytes              *body,
                                                          GError             **error);
GBytes            *lyg_protocol_build_invite_request     (const char          *name,
                                                          LygRole              role,
                                                          gint64               ttl);
LygInviteRequest  *lyg_protocol_parse_invite_request     (GBytes              *body,
                                                          GError             **error);
GBytes            *lyg_protocol_build_invite_response    (const char          *code,
                                                          gint64               expires,
                                                          LygRole              role);
LygInviteResponse *lyg_protocol_parse_invite_response    (GBytes              *body,
                                                          GError             **error);
JsonNode          *lyg_protocol_device_to_json           (const LygDeviceInfo *device);
GBytes            *lyg_protocol_build_devices            (GPtrArray           *devices);
GPtrArray         *lyg_protocol_parse_devices            (GBytes              *body,
                                                          GError             **error);
GBytes            *lyg_protocol_build_revoke_response    (const char          *device_id);
gboolean           lyg_protocol_parse_revoke_response    (GBytes              *body,
                                                          char               **device_id,
                                                          GError             **error);
GBytes            *lyg_protocol_build_health             (void);

LygStoredEnvelope *lyg_stored_envelope_new               (gint64               seq,
                                                          LygEnvelope         *envelope);
void               lyg_stored_envelope_free              (LygStoredEnvelope   *stored);
LygPushAck        *lyg_push_ack_new                      (const char          *id,
                                                          const char          *hlc,
                                                          const char          *device,
                                                          gint64               seq);
void               lyg_push_ack_free                     (LygPushAck          *ack);
void               lyg_push_response_free                (LygPushResponse     *response);
void               lyg_pull_response_free                (LygPullResponse     *response);
void               lyg_enroll_request_free               (LygEnrollRequest    *request);
void               lyg_enroll_response_free              (LygEnrollResponse   *response);
void               lyg_invite_request_free               (LygInviteRequest    *request);
void               lyg_invite_response_free              (LygInviteResponse   *response);
LygDeviceInfo     *lyg_device_info_new                   (const char          *id,
                                                          const char          *name,
                                                          LygRole              role,
                                                          gint64               enrolled,
                                                          gint64               last_seen,
                                                          gboolean             revoked);
LygDeviceInfo     *lyg_device_info_copy                  (const LygDeviceInfo *device);
void               lyg_device_info_free                  (LygDeviceInfo       *device);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LygStoredEnvelope, lyg_stored_envelope_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LygPushAck, lyg_push_ack_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LygPushResponse, lyg_push_response_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LygPullResponse, lyg_pull_response_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LygEnrollRequest, lyg_enroll_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LygEnrollResponse, lyg_enroll_response_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LygInviteRequest, lyg_invite_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LygInviteResponse, lyg_invite_response_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LygDeviceInfo, lyg_device_info_free)

G_END_DECLS
