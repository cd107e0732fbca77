/* lyg-key.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-key"

#include "config.h"

#include <sodium.h>

#include "lyg-key.h"

struct _LygKey
{
  guint8 *data;
  gsize   len;
};

G_DEFINE_BOXED_TYPE (LygKey, lyg_key, lyg_key_copy, lyg_key_free)

LygKey *
lyg_key_new (gsize len)
{
  LygKey *key;

  g_return_val_if_fail (len > 0, NULL);

  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");

  key = g_new0 (LygKey, 1);
  key->len = len;
  key->data = sodium_malloc (len);
  if (key->data == NULL)
    g_error ("Out of guarded memory for a key of %" G_GSIZE_FORMAT " bytes", len);
  sodium_memzero (key->data, len);

  return key;
}

LygKey *
lyg_key_new_random (gsize len)
{
  LygKey *key = lyg_key_new (len);

  randombytes_buf (key->data, len);

  return key;
}

LygKey *
lyg_key_new_from_data (const guint8 *data,
                       gsize         len)
{
  LygKey *key;

  g_return_val_if_fail (data != NULL, NULL);

  key = lyg_key_new (len);
  memcpy (key->data, data, len);

  return key;
}

LygKey *
lyg_key_copy (const LygKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return lyg_key_new_from_data (key->data, key->len);
}

void
lyg_key_free (LygKey *key)
{
  if (key == NULL)
    return;

  /* sodium_free() zeroes the buffer before releasing it. */
  sodium_free (key->data);
  key->data = NULL;
  key->len = 0;
  g_free (key);
}

guint8 *
lyg_key_get_data (LygKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return key->data;
}

const guint8 *
lyg_key_peek (const LygKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return key->data;
}

gsize
lyg_key_get_length (const LygKey *key)
{
  g_return_val_if_fail (key != NULL, 0);

  return key->len;
}

gboolean
lyg_key_equal (const LygKey *a,
               const LygKey *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return a->len == b->len && sodium_memcmp (a->data, b->data, a->len) == 0;
}
