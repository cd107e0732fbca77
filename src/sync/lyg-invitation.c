/* lyg-invitation.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-invitation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "lyg-envelope.h"
#include "lyg-invitation.h"
#include "lyg-json.h"
#include "lyg-protocol.h"
#include "lyg-soup-transport.h"

/* Text form: PREFIX + base64url(salt[16] || opslimit[4, BE] || memlimit
 * KiB[4, BE] || nonce[24] || ciphertext). The secret is 12 characters of
 * Crockford's base32 (60 bits), shown as XXXX-XXXX-XXXX; Argon2id makes
 * every guess cost a tenth of a second, and the enrollment code inside is
 * single-use and expires within days. */

#define SECRET_CHARS  12
#define HEADER_BYTES  (LYG_SALT_BYTES + 8)
#define AD            LYG_ENVELOPE_FORMAT "|invitation"

static const char crockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

LygInvitation *
lyg_invitation_new (const char   *url,
                    const char   *pin,
                    const char   *code,
                    const char   *key_id,
                    const LygKey *team_key)
{
  LygInvitation *invitation;

  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (key_id != NULL, NULL);
  g_return_val_if_fail (team_key != NULL, NULL);

  invitation = g_new0 (LygInvitation, 1);
  invitation->url = g_strdup (url);
  invitation->pin = g_strdup (pin);
  invitation->code = g_strdup (code);
  invitation->key_id = g_strdup (key_id);
  invitation->team_key = lyg_key_copy (team_key);

  return invitation;
}

void
lyg_invitation_free (LygInvitation *invitation)
{
  if (invitation == NULL)
    return;

  g_free (invitation->url);
  g_free (invitation->pin);
  g_free (invitation->code);
  g_free (invitation->key_id);
  g_clear_pointer (&invitation->team_key, lyg_key_free);
  g_free (invitation);
}

char *
lyg_invitation_new_secret (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < SECRET_CHARS; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (s, '-');
      g_string_append_c (s, crockford[randombytes_uniform (32)]);
    }

  return g_string_free (s, FALSE);
}

/* Case, dashes and spaces do not matter, and the letters people confuse
 * with digits read as those digits. */
char *
lyg_invitation_normalize_secret (const char *secret)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (secret != NULL, NULL);

  for (const char *p = secret; *p; p++)
    {
      char c = g_ascii_toupper (*p);

      if (c == '-' || c == ' ' || c == '\t')
        continue;
      if (c == 'O')
        c = '0';
      else if (c == 'I' || c == 'L')
        c = '1';
      if (strchr (crockford, c) == NULL || c == '\0')
        {
          g_string_free (s, TRUE);
          return NULL;
        }
      g_string_append_c (s, c);
    }

  if (s->len != SECRET_CHARS)
    {
      g_string_free (s, TRUE);
      return NULL;
    }

  return g_string_free (s, FALSE);
}

static void
put_be32 (guint8  *p,
          guint32  v)
{
  p[0] = v >> 24;
  p[1] = v >> 16;
  p[2] = v >> 8;
  p[3] = v;
}

static guint32
get_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

char *
lyg_invitation_seal (const LygInvitation  *invitation,
                     const char           *secret,
                     const LygKdfParams   *params,
                     GError              **error)
{
  g_autofree char *normal = NULL;
  g_autofree char *key_b64 = NULL;
  g_autoptr(LygKey) kek = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint8 header[HEADER_BYTES];
  g_autofree char *b64 = NULL;
  LygKdfParams interactive;

  g_return_val_if_fail (invitation != NULL, NULL);
  g_return_val_if_fail (secret != NULL, NULL);

  if (params == NULL)
    {
      lyg_kdf_params_from_name ("interactive", &interactive);
      params = &interactive;
    }

  if (!(normal = lyg_invitation_normalize_secret (secret)))
    {
      g_set_error_literal (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_INVITATION,
                           _("The one-time secret is not valid"));
      return NULL;
    }

  randombytes_buf (header, LYG_SALT_BYTES);
  put_be32 (header + LYG_SALT_BYTES, (guint32) params->opslimit);
  put_be32 (header + LYG_SALT_BYTES + 4, (guint32) (params->memlimit / 1024));

  kek = lyg_crypto_derive_key (normal, header, LYG_SALT_BYTES, params, error);
  if (kek == NULL)
    return NULL;

  key_b64 = g_base64_encode (lyg_key_peek (invitation->team_key),
                             lyg_key_get_length (invitation->team_key));
  g_string_append (json, "{\"v\":1,\"url\":");
  lyg_json_write_string (json, invitation->url);
  g_string_append (json, ",\"pin\":");
  lyg_json_write_string (json, invitation->pin ? invitation->pin : "");
  g_string_append (json, ",\"code\":");
  lyg_json_write_string (json, invitation->code);
  g_string_append (json, ",\"key_id\":");
  lyg_json_write_string (json, invitation->key_id);
  g_string_append (json, ",\"key\":");
  lyg_json_write_string (json, key_b64);
  g_string_append_c (json, '}');

  sealed = lyg_crypto_seal (kek, (const guint8 *) json->str, json->len, AD);
  sodium_memzero (json->str, json->len);
  sodium_memzero (key_b64, strlen (key_b64));

  g_byte_array_append (out, header, sizeof header);
  g_byte_array_append (out, g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed));

  b64 = g_base64_encode (out->data, out->len);
  /* base64url without padding: survives copy and paste through chat apps. */
  g_strdelimit (b64, "+", '-');
  g_strdelimit (b64, "/", '_');
  g_strdelimit (b64, "=", '\0');

  return g_strconcat (LYG_INVITATION_PREFIX, b64, NULL);
}

static void
set_bad (GError **error)
{
  g_set_error_literal (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_INVITATION,
                       _("The invitation is damaged or incomplete. Copy it again in full."));
}

LygInvitation *
lyg_invitation_open (const char  *text,
                     const char  *secret,
                     GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *b64 = NULL;
  g_autofree guint8 *raw = NULL;
  g_autoptr(LygKey) kek = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) key_raw = NULL;
  g_autoptr(LygKey) team_key = NULL;
  g_autofree guchar *key_bytes = NULL;
  LygKdfParams params;
  JsonObject *object;
  const char *url, *pin, *code, *key_id, *key;
  gsize raw_len = 0, key_len = 0, len;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (secret != NULL, NULL);

  stripped = g_strstrip (g_strdup (text));
  text = stripped;
  if (!g_str_has_prefix (text, LYG_INVITATION_PREFIX))
    {
      set_bad (error);
      return NULL;
    }

  if (!(normal = lyg_invitation_normalize_secret (secret)))
    {
      g_set_error_literal (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_INVITATION,
                           _("The one-time secret has 12 letters and digits, like "
                             "K7QM-9XTD-2HFP"));
      return NULL;
    }

  b64 = g_strdup (text + strlen (LYG_INVITATION_PREFIX));
  len = strlen (b64);
  if (len == 0 || len > 8192)
    {
      set_bad (error);
      return NULL;
    }
  for (gsize i = 0; i < len; i++)
    if (!(g_ascii_isalnum (b64[i]) || b64[i] == '-' || b64[i] == '_'))
      {
        set_bad (error);
        return NULL;
      }
  g_strdelimit (b64, "-", '+');
  g_strdelimit (b64, "_", '/');
  b64 = g_realloc (b64, len + 4);
  while (len % 4 != 0)
    b64[len++] = '=';
  b64[len] = '\0';

  raw = g_base64_decode (b64, &raw_len);
  if (raw_len < HEADER_BYTES + LYG_NONCE_BYTES + LYG_MAC_BYTES)
    {
      set_bad (error);
      return NULL;
    }

  params.opslimit = get_be32 (raw + LYG_SALT_BYTES);
  params.memlimit = (guint64) get_be32 (raw + LYG_SALT_BYTES + 4) * 1024;
  if (!lyg_kdf_params_are_sane (&params))
    {
      set_bad (error);
      return NULL;
    }

  kek = lyg_crypto_derive_key (normal, raw, LYG_SALT_BYTES, &params, error);
  if (kek == NULL)
    return NULL;

  sealed = g_bytes_new (raw + HEADER_BYTES, raw_len - HEADER_BYTES);
  plain = lyg_crypto_open (kek, sealed, AD, NULL);
  if (plain == NULL)
    {
      g_set_error_literal (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_INVITATION,
                           _("The one-time secret does not open this invitation. Check it "
                             "with the person who invited you."));
      return NULL;
    }

  root = lyg_json_parse (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      set_bad (error);
      return NULL;
    }

  object = json_node_get_object (root);
  url = json_object_get_string_member_with_default (object, "url", NULL);
  pin = json_object_get_string_member_with_default (object, "pin", NULL);
  code = json_object_get_string_member_with_default (object, "code", NULL);
  key_id = json_object_get_string_member_with_default (object, "key_id", NULL);
  key = json_object_get_string_member_with_default (object, "key", NULL);
  if (url == NULL || code == NULL || !lyg_key_id_is_valid (key_id) || key == NULL ||
      (pin != NULL && *pin != '\0' && !lyg_protocol_pin_is_valid (pin)))
    {
      set_bad (error);
      return NULL;
    }

  key_bytes = g_base64_decode (key, &key_len);
  if (key_len != LYG_KEY_BYTES)
    {
      sodium_memzero (key_bytes, key_len);
      set_bad (error);
      return NULL;
    }
  team_key = lyg_key_new_from_data (key_bytes, key_len);
  sodium_memzero (key_bytes, key_len);

  return lyg_invitation_new (url, (pin && *pin) ? pin : NULL, code, key_id, team_key);
}
