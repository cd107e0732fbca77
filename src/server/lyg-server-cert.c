/* lyg-server-cert.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lygte-server"

#include "config.h"

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <string.h>

#include "lyg-crypto.h"
#include "lyg-server-cert.h"

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_privkey_t, gnutls_x509_privkey_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_crt_t, gnutls_x509_crt_deinit, NULL)

static gboolean
check (int          rc,
       const char  *what,
       GError     **error)
{
  if (rc < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Could not make the certificate (%s): %s", what, gnutls_strerror (rc));
      return FALSE;
    }

  return TRUE;
}

static gboolean
host_name_is_valid (const char *host)
{
  gsize len = strlen (host);

  if (len == 0 || len > 253 || host[0] == '.' || host[0] == '-')
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!(g_ascii_isalnum (host[i]) || host[i] == '-' || host[i] == '.'))
      return FALSE;

  return TRUE;
}

static char *
take_datum (gnutls_datum_t *datum)
{
  char *str = g_strndup ((const char *) datum->data, datum->size);

  gnutls_free (datum->data);
  datum->data = NULL;

  return str;
}

/**
 * lyg_server_cert_generate:
 * @hosts: host names and IP addresses the certificate is for; the first is
 *   also its common name
 * @days: validity
 * @cert_pem: (out): the certificate, PEM
 * @key_pem: (out): its private key, unencrypted PKCS#8 PEM
 *
 * Makes a self-signed ECDSA P-256 certificate. Clients pin its SHA-256, so
 * no CA is involved. Like `openssl req -x509`, it is marked as a CA so it
 * can also serve as its own trust anchor.
 */
gboolean
lyg_server_cert_generate (const char * const  *hosts,
                          guint                days,
                          char               **cert_pem,
                          char               **key_pem,
                          GError             **error)
{
  g_auto(gnutls_x509_privkey_t) key = NULL;
  g_auto(gnutls_x509_crt_t) crt = NULL;
  g_autoptr(GBytes) serial = NULL;
  gnutls_datum_t out = { NULL, 0 };
  guchar key_id[64];
  size_t key_id_size = sizeof key_id;
  guint8 serial_buf[16];
  time_t now = time (NULL);

  g_return_val_if_fail (hosts != NULL && hosts[0] != NULL, FALSE);
  g_return_val_if_fail (days > 0, FALSE);
  g_return_val_if_fail (cert_pem != NULL && key_pem != NULL, FALSE);

  if (!check (gnutls_x509_privkey_init (&key), "key", error) ||
      !check (gnutls_x509_privkey_generate (key, GNUTLS_PK_ECDSA,
                                            GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1), 0),
              "key", error) ||
      !check (gnutls_x509_crt_init (&crt), "certificate", error))
    return FALSE;

  serial = lyg_crypto_random_bytes (sizeof serial_buf);
  memcpy (serial_buf, g_bytes_get_data (serial, NULL), sizeof serial_buf);
  serial_buf[0] &= 0x7f;   /* positive */
  serial_buf[0] |= 0x01;   /* and no leading zero byte */

  if (!check (gnutls_x509_crt_set_version (crt, 3), "version", error) ||
      !check (gnutls_x509_crt_set_serial (crt, serial_buf, sizeof serial_buf), "serial", error) ||
      !check (gnutls_x509_crt_set_activation_time (crt, now - 3600), "validity", error) ||
      !check (gnutls_x509_crt_set_expiration_time (crt, now + (time_t) days * 24 * 3600),
              "validity", error) ||
      !check (gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0,
                                             hosts[0], strlen (hosts[0])), "name", error) ||
      !check (gnutls_x509_crt_set_key (crt, key), "key", error) ||
      !check (gnutls_x509_crt_set_basic_constraints (crt, 1, -1), "constraints", error) ||
      !check (gnutls_x509_crt_set_key_usage (crt, GNUTLS_KEY_DIGITAL_SIGNATURE |
                                                  GNUTLS_KEY_KEY_CERT_SIGN), "usage", error) ||
      !check (gnutls_x509_crt_set_key_purpose_oid (crt, GNUTLS_KP_TLS_WWW_SERVER, 0),
              "purpose", error) ||
      !check (gnutls_x509_crt_get_key_id (crt, 0, key_id, &key_id_size), "key id", error) ||
      !check (gnutls_x509_crt_set_subject_key_id (crt, key_id, key_id_size), "key id", error))
    return FALSE;

  for (guint i = 0; hosts[i] != NULL; i++)
    {
      g_autoptr(GInetAddress) address = g_inet_address_new_from_string (hosts[i]);
      int rc;

      if (address != NULL)
        rc = gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_IPADDRESS,
                                                   g_inet_address_to_bytes (address),
                                                   g_inet_address_get_native_size (address),
                                                   GNUTLS_FSAN_APPEND);
      else if (host_name_is_valid (hosts[i]))
        rc = gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_DNSNAME,
                                                   hosts[i], strlen (hosts[i]),
                                                   GNUTLS_FSAN_APPEND);
      else
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "Not a host name or IP address: %s", hosts[i]);
          return FALSE;
        }

      if (!check (rc, "subject alternative name", error))
        return FALSE;
    }

  if (!check (gnutls_x509_crt_sign2 (crt, crt, key, GNUTLS_DIG_SHA256, 0), "signature", error))
    return FALSE;

  if (!check (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &out), "export", error))
    return FALSE;
  *cert_pem = take_datum (&out);

  if (!check (gnutls_x509_privkey_export2_pkcs8 (key, GNUTLS_X509_FMT_PEM, NULL,
                                                 GNUTLS_PKCS_PLAIN, &out), "export", error))
    {
      g_clear_pointer (cert_pem, g_free);
      return FALSE;
    }
  *key_pem = take_datum (&out);

  return TRUE;
}
