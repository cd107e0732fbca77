/* lyg-crypto.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "lyg-key.h"

G_BEGIN_DECLS

#define LYG_CRYPTO_ERROR (lyg_crypto_error_quark ())

typedef enum
{
  LYG_CRYPTO_ERROR_INIT,
  LYG_CRYPTO_ERROR_BAD_PASSPHRASE,
  LYG_CRYPTO_ERROR_DECRYPT,
  LYG_CRYPTO_ERROR_KDF,
  LYG_CRYPTO_ERROR_INVALID,
  LYG_CRYPTO_ERROR_LOCKED,
  LYG_CRYPTO_ERROR_KEYS_DESTROYED,
} LygCryptoError;

#define LYG_NONCE_BYTES 24
#define LYG_MAC_BYTES   16
#define LYG_SALT_BYTES  16

/* Argon2id cost. Stored in the vault header, so each vault unlocks with the
 * parameters it was created with; tests inject the minimum.
 */
typedef struct
{
  guint64 opslimit;
  guint64 memlimit;
} LygKdfParams;

GQuark        lyg_crypto_error_quark      (void);
gboolean      lyg_crypto_init             (GError            **error);
LygKdfParams  lyg_kdf_params_default      (void);
LygKdfParams  lyg_kdf_params_minimum      (void);
gboolean      lyg_kdf_params_from_name    (const char         *name,
                                           LygKdfParams       *params);
gboolean      lyg_kdf_params_are_sane     (const LygKdfParams *params);
LygKey       *lyg_crypto_derive_key       (const char         *passphrase,
                                           const guint8       *salt,
                                           gsize               salt_len,
                                           const LygKdfParams *params,
                                           GError            **error);
GBytes       *lyg_crypto_seal             (const LygKey       *key,
                                           const guint8       *plaintext,
                                           gsize               plaintext_len,
                                           const char         *ad);
GBytes       *lyg_crypto_open             (const LygKey       *key,
                                           GBytes             *sealed,
                                           const char         *ad,
                                           GError            **error);
LygKey       *lyg_crypto_open_key         (const LygKey       *key,
                                           GBytes             *sealed,
                                           const char         *ad,
                                           GError            **error);
GBytes       *lyg_crypto_random_bytes     (gsize               len);
char         *lyg_crypto_random_hex       (gsize               n_bytes);
char         *lyg_crypto_hex_encode       (const guint8       *data,
                                           gsize               len);
GBytes       *lyg_crypto_hex_decode       (const char         *hex);
char         *lyg_crypto_sha256_hex       (const guint8       *data,
                                           gsize               len);

G_END_DECLS
