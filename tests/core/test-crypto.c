/* test-crypto.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-util.h"

#define DEVICE "0123456789abcdef"
#define OTHER  "fedcba9876543210"
#define ID     "0f8fad5b-d9cb-469f-a165-70867728950e"

static LygEnvelope *
seal_sample (const LygKey *key)
{
  g_autofree char *stamp = lyg_stamp_format (1700000000000, 3, DEVICE);
  const char *plain = "{\"secret\":\"plaintext\"}";

  return lyg_envelope_seal (key, "k1", ID, stamp, DEVICE, (const guint8 *) plain, strlen (plain));
}

static void
assert_decrypt_fails (const LygEnvelope *envelope,
                      const LygKey      *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) plain = lyg_envelope_open (envelope, key, &error);

  g_assert_null (plain);
  g_assert_error (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_DECRYPT);
}

static void
test_round_trip (void)
{
  g_autoptr(LygKey) key = lyg_key_new_random (LYG_KEY_BYTES);
  g_autoptr(LygEnvelope) envelope = seal_sample (key);
  g_autoptr(LygEnvelope) again = seal_sample (key);
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GError) error = NULL;

  plain = lyg_envelope_open (envelope, key, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_bytes_get_data (plain, NULL), ==, "{\"secret\":\"plaintext\"}");

  /* A random nonce per seal: the same plaintext never gives the same bytes. */
  g_assert_false (g_bytes_equal (envelope->blob, again->blob));
  g_assert_null (memmem (g_bytes_get_data (envelope->blob, NULL),
                         g_bytes_get_size (envelope->blob), "plaintext", 9));
}

static void
test_every_byte_flip (void)
{
  g_autoptr(LygKey) key = lyg_key_new_random (LYG_KEY_BYTES);
  g_autoptr(LygEnvelope) envelope = seal_sample (key);
  gsize len = g_bytes_get_size (envelope->blob);

  for (gsize i = 0; i < len; i++)
    {
      for (guint bit = 0; bit < 8; bit += 7)
        {
          g_autoptr(LygEnvelope) bad = lyg_envelope_copy (envelope);
          guint8 *data = g_memdup2 (g_bytes_get_data (envelope->blob, NULL), len);

          data[i] ^= (guint8) (1u << bit);
          g_bytes_unref (bad->blob);
          bad->blob = g_bytes_new_take (data, len);
          assert_decrypt_fails (bad, key);
        }
    }
}

static void
test_associated_data_bound (void)
{
  g_autoptr(LygKey) key = lyg_key_new_random (LYG_KEY_BYTES);
  g_autoptr(LygEnvelope) envelope = seal_sample (key);
  LygEnvelope *bad;

  /* Moving a ciphertext to another row, clock, device or key id fails. */
  bad = lyg_envelope_copy (envelope);
  g_free (bad->id);
  bad->id = g_strdup ("1f8fad5b-d9cb-469f-a165-70867728950e");
  assert_decrypt_fails (bad, key);
  lyg_envelope_free (bad);

  bad = lyg_envelope_copy (envelope);
  g_free (bad->hlc);
  bad->hlc = lyg_stamp_format (1700000000000, 4, DEVICE);
  assert_decrypt_fails (bad, key);
  lyg_envelope_free (bad);

  bad = lyg_envelope_copy (envelope);
  g_free (bad->device);
  g_free (bad->hlc);
  bad->device = g_strdup (OTHER);
  bad->hlc = lyg_stamp_format (1700000000000, 3, OTHER);
  assert_decrypt_fails (bad, key);
  lyg_envelope_free (bad);

  bad = lyg_envelope_copy (envelope);
  g_free (bad->key_id);
  bad->key_id = g_strdup ("k2");
  assert_decrypt_fails (bad, key);
  lyg_envelope_free (bad);
}

static void
test_wrong_key_and_short_blobs (void)
{
  g_autoptr(LygKey) key = lyg_key_new_random (LYG_KEY_BYTES);
  g_autoptr(LygKey) other = lyg_key_new_random (LYG_KEY_BYTES);
  g_autoptr(LygEnvelope) envelope = seal_sample (key);
  gsize len = g_bytes_get_size (envelope->blob);

  assert_decrypt_fails (envelope, other);

  for (gsize cut = 0; cut < len; cut += (cut < 48 ? 1 : 7))
    {
      g_autoptr(LygEnvelope) bad = lyg_envelope_copy (envelope);

      g_bytes_unref (bad->blob);
      bad->blob = g_bytes_new (g_bytes_get_data (envelope->blob, NULL), cut);
      assert_decrypt_fails (bad, key);
    }
}

static void
test_wrap_wrong_ad (void)
{
  g_autoptr(LygKey) key = lyg_key_new_random (LYG_KEY_BYTES);
  g_autoptr(LygKey) secret = lyg_key_new_random (LYG_KEY_BYTES);
  g_autoptr(GBytes) sealed = lyg_crypto_seal (key, lyg_key_peek (secret), LYG_KEY_BYTES, "ad-1");
  g_autoptr(LygKey) opened = NULL;
  g_autoptr(LygKey) refused = NULL;
  g_autoptr(GError) error = NULL;

  opened = lyg_crypto_open_key (key, sealed, "ad-1", &error);
  g_assert_no_error (error);
  g_assert_true (lyg_key_equal (opened, secret));

  refused = lyg_crypto_open_key (key, sealed, "ad-2", &error);
  g_assert_null (refused);
  g_assert_error (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_DECRYPT);
}

static void
test_wrong_passphrase (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("wrong.lygte", "correct horse");
  g_autoptr(LygVault) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_vault_path ("wrong.lygte");

  g_clear_object (&vault);
  reopened = lyg_vault_open (path, &error);
  g_assert_no_error (error);

  g_assert_false (lyg_vault_unlock (reopened, "correct hose", &error));
  g_assert_error (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_BAD_PASSPHRASE);
  g_assert_false (lyg_vault_get_unlocked (reopened));
  g_clear_error (&error);

  g_assert_true (lyg_vault_unlock (reopened, "correct horse", &error));
  g_assert_no_error (error);
}

static void
test_change_passphrase (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("passwd.lygte", "old passphrase");
  g_autofree char *path = test_vault_path ("passwd.lygte");
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  LygKdfParams params = lyg_kdf_params_minimum ();

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *alias = g_strdup_printf ("Person %u", i);
      g_autoptr(LygRecord) record = test_person_new (alias, NULL);

      g_assert_true (lyg_vault_save_record (vault, record, &error));
      g_assert_no_error (error);
      g_ptr_array_add (ids, g_strdup (lyg_record_get_id (record)));
    }

  g_assert_false (lyg_vault_change_passphrase (vault, "not it", "new passphrase", &params,
                                               &error));
  g_assert_error (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_BAD_PASSPHRASE);
  g_clear_error (&error);

  g_assert_true (lyg_vault_change_passphrase (vault, "old passphrase", "new passphrase",
                                              &params, &error));
  g_assert_no_error (error);
  g_clear_object (&vault);

  vault = lyg_vault_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (lyg_vault_unlock (vault, "old passphrase", &error));
  g_assert_error (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_BAD_PASSPHRASE);
  g_clear_error (&error);

  g_assert_true (lyg_vault_unlock (vault, "new passphrase", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(LygRecord) record = lyg_vault_get_record (vault, ids->pdata[i], &error);
      g_autofree char *alias = g_strdup_printf ("Person %u", i);

      g_assert_no_error (error);
      g_assert_cmpstr (lyg_record_get_string (record, "alias"), ==, alias);
    }
}

static void
test_destroyed_keys (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("shred.lygte", "passphrase");
  g_autofree char *path = test_vault_path ("shred.lygte");
  g_autoptr(GError) error = NULL;

  g_assert_true (lyg_vault_destroy_keys (vault, &error));
  g_assert_no_error (error);
  g_assert_false (lyg_vault_get_unlocked (vault));
  g_clear_object (&vault);

  vault = lyg_vault_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (lyg_vault_unlock (vault, "passphrase", &error));
  g_assert_error (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_KEYS_DESTROYED);
}

static void
unlocked_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  lyg_vault_unlock_finish (LYG_VAULT (object), result, error);
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NONE, "ok");
}

static void
test_unlock_async (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("async.lygte", "passphrase");
  g_autoptr(LygRecord) record = test_person_new ("Async", NULL);
  GError *error = NULL;

  g_assert_true (lyg_vault_save_record (vault, record, &error));
  lyg_vault_lock (vault);
  g_assert_false (lyg_vault_get_unlocked (vault));
  g_assert_null (lyg_vault_get_index (vault));

  lyg_vault_unlock_async (vault, "bad", NULL, unlocked_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_BAD_PASSPHRASE);
  g_clear_error (&error);

  lyg_vault_unlock_async (vault, "passphrase", NULL, unlocked_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NONE);
  g_clear_error (&error);
  g_assert_true (lyg_vault_get_unlocked (vault));
  g_assert_cmpuint (lyg_index_count (lyg_vault_get_index (vault), "person"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lyg/crypto/round-trip", test_round_trip);
  g_test_add_func ("/lyg/crypto/every-byte-flip", test_every_byte_flip);
  g_test_add_func ("/lyg/crypto/associated-data", test_associated_data_bound);
  g_test_add_func ("/lyg/crypto/wrong-key-short-blobs", test_wrong_key_and_short_blobs);
  g_test_add_func ("/lyg/crypto/wrap-wrong-ad", test_wrap_wrong_ad);
  g_test_add_func ("/lyg/crypto/wrong-passphrase", test_wrong_passphrase);
  g_test_add_func ("/lyg/crypto/change-passphrase", test_change_passphrase);
  g_test_add_func ("/lyg/crypto/destroyed-keys", test_destroyed_keys);
  g_test_add_func ("/lyg/crypto/unlock-async", test_unlock_async);

  return g_test_run ();
}
