/* lyg-envelope.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-envelope"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lyg-crypto.h"
#include "lyg-envelope.h"
#include "lyg-hlc.h"

G_DEFINE_BOXED_TYPE (LygEnvelope, lyg_envelope, lyg_envelope_copy, lyg_envelope_free)

LygEnvelope *
lyg_envelope_new (const char *id,
                  const char *hlc,
                  const char *device,
                  const char *key_id,
                  GBytes     *blob)
{
  LygEnvelope *envelope;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (hlc != NULL, NULL);
  g_return_val_if_fail (device != NULL, NULL);
  g_return_val_if_fail (key_id != NULL, NULL);
  g_return_val_if_fail (blob != NULL, NULL);

  envelope = g_new0 (LygEnvelope, 1);
  envelope->id = g_strdup (id);
  envelope->hlc = g_strdup (hlc);
  envelope->device = g_strdup (device);
  envelope->key_id = g_strdup (key_id);
  envelope->blob = g_bytes_ref (blob);

  return envelope;
}

LygEnvelope *
lyg_envelope_copy (const LygEnvelope *envelope)
{
  LygEnvelope *copy;

  g_return_val_if_fail (envelope != NULL, NULL);

  copy = lyg_envelope_new (envelope->id, envelope->hlc, envelope->device,
                           envelope->key_id, envelope->blob);
  copy->erase = envelope->erase;

  return copy;
}

void
lyg_envelope_free (LygEnvelope *envelope)
{
  if (envelope == NULL)
    return;

  g_free (envelope->id);
  g_free (envelope->hlc);
  g_free (envelope->device);
  g_free (envelope->key_id);
  g_clear_pointer (&envelope->blob, g_bytes_unref);
  g_free (envelope);
}

gboolean
lyg_uuid_is_valid (const char *id)
{
  /* Canonical lowercase form only, so one record has exactly one id. */
  if (id == NULL || strlen (id) != 36 || !g_uuid_string_is_valid (id))
    return FALSE;

  for (const char *p = id; *p; p++)
    if (g_ascii_isupper (*p))
      return FALSE;

  return TRUE;
}

gboolean
lyg_key_id_is_valid (const char *key_id)
{
  gsize len;

  if (key_id == NULL)
    return FALSE;

  len = strlen (key_id);
  if (len == 0 || len > LYG_KEY_ID_MAX)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!(g_ascii_isdigit (key_id[i]) || (key_id[i] >= 'a' && key_id[i] <= 'z') ||
          key_id[i] == '-'))
      return FALSE;

  return TRUE;
}

gboolean
lyg_envelope_validate (const LygEnvelope  *envelope,
                       GError            **error)
{
  const char *problem = NULL;
  gsize blob_len;

  g_return_val_if_fail (envelope != NULL, FALSE);

  blob_len = envelope->blob ? g_bytes_get_size (envelope->blob) : 0;

  if (!lyg_uuid_is_valid (envelope->id))
    problem = "id";
  else if (!lyg_stamp_is_valid (envelope->hlc))
    problem = "hlc";
  else if (!lyg_device_id_is_valid (envelope->device))
    problem = "device";
  else if (strcmp (envelope->hlc + 17, envelope->device) != 0)
    problem = "device";
  else if (!lyg_key_id_is_valid (envelope->key_id))
    problem = "key_id";
  else if (blob_len < LYG_NONCE_BYTES + LYG_MAC_BYTES || blob_len > LYG_ENVELOPE_MAX_BLOB)
    problem = "blob";

  if (problem != NULL)
    {
      g_set_error (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_INVALID,
                   _("An encrypted record is malformed (%s)"), problem);
      return FALSE;
    }

  return TRUE;
}

char *
lyg_envelope_build_ad (const LygEnvelope *envelope)
{
  g_return_val_if_fail (envelope != NULL, NULL);

  /* The fields are validated to contain no '|', so the join is unambiguous. */
  return g_strjoin ("|", LYG_ENVELOPE_FORMAT, envelope->id, envelope->hlc,
                    envelope->device, envelope->key_id, NULL);
}

LygEnvelope *
lyg_envelope_seal (const LygKey *key,
                   const char   *key_id,
                   const char   *id,
                   const char   *hlc,
                   const char   *device,
                   const guint8 *plaintext,
                   gsize         plaintext_len)
{
  g_autoptr(LygEnvelope) envelope = NULL;
  g_autoptr(GBytes) empty = NULL;
  g_autofree char *ad = NULL;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (lyg_key_id_is_valid (key_id), NULL);
  g_return_val_if_fail (lyg_uuid_is_valid (id), NULL);
  g_return_val_if_fail (lyg_stamp_is_valid (hlc), NULL);
  g_return_val_if_fail (lyg_device_id_is_valid (device), NULL);

  empty = g_bytes_new_static ("", 0);
  envelope = lyg_envelope_new (id, hlc, device, key_id, empty);
  ad = lyg_envelope_build_ad (envelope);
  g_clear_pointer (&envelope->blob, g_bytes_unref);
  envelope->blob = lyg_crypto_seal (key, plaintext, plaintext_len, ad);

  return g_steal_pointer (&envelope);
}

GBytes *
lyg_envelope_open (const LygEnvelope  *envelope,
                   const LygKey       *key,
                   GError            **error)
{
  g_autofree char *ad = NULL;

  g_return_val_if_fail (envelope != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!lyg_envelope_validate (envelope, NULL))
    {
      g_set_error_literal (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_DECRYPT,
                           _("The data could not be decrypted: it is damaged, was altered, "
                             "or belongs to another key"));
      return NULL;
    }

  ad = lyg_envelope_build_ad (envelope);

  return lyg_crypto_open (key, envelope->blob, ad, error);
}
