/* lyg-envelope.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "lyg-key.h"

G_BEGIN_DECLS

#define LYG_TYPE_ENVELOPE        (lyg_envelope_get_type ())
#define LYG_ENVELOPE_FORMAT      "lygte/1"
/* A record revision is about 1 KiB; the bound leaves room for long notes
 * while keeping a hostile peer from making us allocate without limit.
 */
#define LYG_ENVELOPE_MAX_BLOB    (256 * 1024)
#define LYG_KEY_ID_MAX           64

/* One sealed record revision, exactly as stored locally and sent to the
 * server. Everything but the blob is plain so that it can be indexed and
 * synced; the record type and every field are inside the blob.
 */
typedef struct
{
  char   *id;      /* record UUID, lowercase */
  char   *hlc;     /* highest field stamp of this revision (lyg-hlc.h) */
  char   *device;  /* device that sealed it, 16 lowercase hex digits */
  char   *key_id;  /* team key it is sealed with */
  GBytes *blob;    /* 24-byte nonce || XChaCha20-Poly1305 ciphertext */
  /* An erasure tombstone: whoever stores it drops every earlier revision
   * of the record (lyg-erasure.h). Plain so that the server can act on it;
   * devices only honour it when the sealed record is really deleted. */
  gboolean erase;
} LygEnvelope;

GType        lyg_envelope_get_type   (void) G_GNUC_CONST;
LygEnvelope *lyg_envelope_new        (const char         *id,
                                      const char         *hlc,
                                      const char         *device,
                                      const char         *key_id,
                                      GBytes             *blob);
LygEnvelope *lyg_envelope_copy       (const LygEnvelope  *envelope);
void         lyg_envelope_free       (LygEnvelope        *envelope);
gboolean     lyg_envelope_validate   (const LygEnvelope  *envelope,
                                      GError            **error);
char        *lyg_envelope_build_ad   (const LygEnvelope  *envelope);
LygEnvelope *lyg_envelope_seal       (const LygKey       *key,
                                      const char         *key_id,
                                      const char         *id,
                                      const char         *hlc,
                                      const char         *device,
                                      const guint8       *plaintext,
                                      gsize               plaintext_len);
GBytes      *lyg_envelope_open       (const LygEnvelope  *envelope,
                                      const LygKey       *key,
                                      GError            **error);

gboolean     lyg_uuid_is_valid       (const char         *id);
gboolean     lyg_key_id_is_valid     (const char         *key_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LygEnvelope, lyg_envelope_free)

G_END_DECLS
