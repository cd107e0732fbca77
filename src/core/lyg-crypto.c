/* lyg-crypto.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-crypto"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "lyg-crypto.h"

G_DEFINE_QUARK (lyg-crypto-error-quark, lyg_crypto_error)

G_STATIC_ASSERT (LYG_NONCE_BYTES == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
G_STATIC_ASSERT (LYG_MAC_BYTES == crypto_aead_xchacha20poly1305_ietf_ABYTES);
G_STATIC_ASSERT (LYG_SALT_BYTES == crypto_pwhash_SALTBYTES);
G_STATIC_ASSERT (LYG_KEY_BYTES == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

gboolean
lyg_crypto_init (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_INIT,
                           _("The encryption library could not be started"));
      return FALSE;
    }

  return TRUE;
}

LygKdfParams
lyg_kdf_params_default (void)
{
  /* MODERATE memory with one more pass: about 0.8 s on the reference
   * 2-core machine, which is what an attacker pays per guess too.
   */
  LygKdfParams params = { 4, 256 * 1024 * 1024 };

  return params;
}

LygKdfParams
lyg_kdf_params_minimum (void)
{
  LygKdfParams params = { crypto_pwhash_OPSLIMIT_MIN, 8 * 1024 };

  return params;
}

gboolean
lyg_kdf_params_from_name (const char   *name,
                          LygKdfParams *params)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (params != NULL, FALSE);

  if (g_str_equal (name, "default") || g_str_equal (name, "moderate"))
    *params = lyg_kdf_params_default ();
  else if (g_str_equal (name, "interactive"))
    *params = (LygKdfParams) { crypto_pwhash_OPSLIMIT_INTERACTIVE,
                               crypto_pwhash_MEMLIMIT_INTERACTIVE };
  else if (g_str_equal (name, "sensitive"))
    *params = (LygKdfParams) { crypto_pwhash_OPSLIMIT_SENSITIVE,
                               crypto_pwhash_MEMLIMIT_SENSITIVE };
  else if (g_str_equal (name, "minimum"))
    *params = lyg_kdf_params_minimum ();
  else
    return FALSE;

  return TRUE;
}

gboolean
lyg_kdf_params_are_sane (const LygKdfParams *params)
{
  /* A tampered header must not be able to make unlocking allocate
   * unbounded memory or spin for hours.
   */
  return params->opslimit >= crypto_pwhash_OPSLIMIT_MIN &&
         params->opslimit <= 32 &&
         params->memlimit >= 8 * 1024 &&
         params->memlimit <= G_GUINT64_CONSTANT (4) * 1024 * 1024 * 1024;
}

LygKey *
lyg_crypto_derive_key (const char         *passphrase,
                       const guint8       *salt,
                       gsize               salt_len,
                       const LygKdfParams *params,
                       GError            **error)
{
  g_autoptr(LygKey) key = NULL;

  g_return_val_if_fail (passphrase != NULL, NULL);
  g_return_val_if_fail (salt != NULL, NULL);
  g_return_val_if_fail (params != NULL, NULL);

  if (salt_len != LYG_SALT_BYTES || !lyg_kdf_params_are_sane (params))
    {
      g_set_error_literal (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_INVALID,
                           _("The key derivation settings in the vault are invalid"));
      return NULL;
    }

  key = lyg_key_new (LYG_KEY_BYTES);
  if (crypto_pwhash (lyg_key_get_data (key), LYG_KEY_BYTES,
                     passphrase, strlen (passphrase),
                     salt, params->opslimit, (size_t) params->memlimit,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_KDF,
                           _("Not enough memory to derive the key from the passphrase"));
      return NULL;
    }

  return g_steal_pointer (&key);
}

GBytes *
lyg_crypto_seal (const LygKey *key,
                 const guint8 *plaintext,
                 gsize         plaintext_len,
                 const char   *ad)
{
  guint8 *out;
  gsize out_len;
  unsigned long long clen = 0;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (lyg_key_get_length (key) == LYG_KEY_BYTES, NULL);
  g_return_val_if_fail (plaintext != NULL || plaintext_len == 0, NULL);
  g_return_val_if_fail (ad != NULL, NULL);

  out_len = LYG_NONCE_BYTES + plaintext_len + LYG_MAC_BYTES;
  out = g_malloc (out_len);
  randombytes_buf (out, LYG_NONCE_BYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt (out + LYG_NONCE_BYTES, &clen,
                                              plaintext, plaintext_len,
                                              (const guint8 *) ad, strlen (ad),
                                              NULL, out, lyg_key_peek (key));
  g_assert (clen + LYG_NONCE_BYTES == out_len);

  return g_bytes_new_take (out, out_len);
}

static gboolean
open_into (const LygKey *key,
           GBytes       *sealed,
           const char   *ad,
           guint8       *out,
           GError      **error)
{
  const guint8 *in;
  gsize in_len = 0;
  unsigned long long plen = 0;

  in = g_bytes_get_data (sealed, &in_len);
  if (in_len < LYG_NONCE_BYTES + LYG_MAC_BYTES ||
      lyg_key_get_length (key) != LYG_KEY_BYTES ||
      crypto_aead_xchacha20poly1305_ietf_decrypt (out, &plen, NULL,
                                                  in + LYG_NONCE_BYTES,
                                                  in_len - LYG_NONCE_BYTES,
                                                  (const guint8 *) ad, strlen (ad),
                                                  in, lyg_key_peek (key)) != 0)
    {
      g_set_error_literal (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_DECRYPT,
                           _("The data could not be decrypted: it is damaged, was altered, "
                             "or belongs to another key"));
      return FALSE;
    }

  return TRUE;
}

static gsize
sealed_plain_length (GBytes *sealed)
{
  gsize len = g_bytes_get_size (sealed);

  return len < LYG_NONCE_BYTES + LYG_MAC_BYTES ? 0 : len - LYG_NONCE_BYTES - LYG_MAC_BYTES;
}

GBytes *
lyg_crypto_open (const LygKey  *key,
                 GBytes        *sealed,
                 const char    *ad,
                 GError       **error)
{
  g_autofree guint8 *out = NULL;
  gsize len;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (sealed != NULL, NULL);
  g_return_val_if_fail (ad != NULL, NULL);

  len = sealed_plain_length (sealed);
  /* One spare byte so the plaintext can always be read as a C string. */
  out = g_malloc0 (len + 1);
  if (!open_into (key, sealed, ad, out, error))
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&out), len);
}

LygKey *
lyg_crypto_open_key (const LygKey  *key,
                     GBytes        *sealed,
                     const char    *ad,
                     GError       **error)
{
  g_autoptr(LygKey) out = NULL;
  gsize len;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (sealed != NULL, NULL);
  g_return_val_if_fail (ad != NULL, NULL);

  /* Unwrapped keys go straight into guarded memory, never the heap. */
  len = sealed_plain_length (sealed);
  out = lyg_key_new (MAX (len, 1));
  if (len != LYG_KEY_BYTES || !open_into (key, sealed, ad, lyg_key_get_data (out), error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_DECRYPT,
                             _("A wrapped key has the wrong size"));
      return NULL;
    }

  return g_steal_pointer (&out);
}

GBytes *
lyg_crypto_random_bytes (gsize len)
{
  guint8 *buf = g_malloc (MAX (len, 1));

  randombytes_buf (buf, len);

  return g_bytes_new_take (buf, len);
}

char *
lyg_crypto_hex_encode (const guint8 *data,
                       gsize         len)
{
  char *hex = g_malloc (len * 2 + 1);

  sodium_bin2hex (hex, len * 2 + 1, data, len);

  return hex;
}

char *
lyg_crypto_random_hex (gsize n_bytes)
{
  guint8 buf[64];

  g_return_val_if_fail (n_bytes <= sizeof buf, NULL);

  randombytes_buf (buf, n_bytes);

  return lyg_crypto_hex_encode (buf, n_bytes);
}

GBytes *
lyg_crypto_hex_decode (const char *hex)
{
  gsize hex_len;
  gsize bin_len = 0;
  guint8 *bin;

  g_return_val_if_fail (hex != NULL, NULL);

  hex_len = strlen (hex);
  if (hex_len % 2 != 0)
    return NULL;

  bin = g_malloc (hex_len / 2 + 1);
  if (sodium_hex2bin (bin, hex_len / 2, hex, hex_len, NULL, &bin_len, NULL) != 0 ||
      bin_len != hex_len / 2)
    {
      g_free (bin);
      return NULL;
    }

  return g_bytes_new_take (bin, bin_len);
}

char *
lyg_crypto_sha256_hex (const guint8 *data,
                       gsize         len)
{
  guint8 digest[crypto_hash_sha256_BYTES];

  crypto_hash_sha256 (digest, data, len);

  return lyg_crypto_hex_encode (digest, sizeof digest);
}
