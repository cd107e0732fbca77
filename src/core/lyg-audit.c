/* lyg-audit.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-audit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lyg-audit.h"
#include "lyg-json.h"
#include "lyg-vault-private.h"

/* Entries are the secrets "audit.<12 digits>"; the number orders them. */
#define AUDIT_PREFIX       "audit."
#define AUDIT_META_PREFIX  META_SECRET AUDIT_PREFIX

void
lyg_audit_entry_free (LygAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->user);
  g_free (entry->device);
  g_free (entry->event);
  g_free (entry->detail);
  g_free (entry);
}

static gint64
entry_number (const char *meta_key)
{
  return g_ascii_strtoll (meta_key + strlen (AUDIT_META_PREFIX), NULL, 10);
}

/**
 * lyg_audit_log:
 * @event: one of the LYG_AUDIT_* names (others are shown as they are)
 * @detail: (nullable): counts or kinds; never personal data
 *
 * Adds an entry, sealed with the vault key. Needs an unlocked vault.
 */
gboolean
lyg_audit_log (LygVault    *vault,
               const char  *event,
               const char  *detail,
               GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) value = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *json = NULL;
  g_autofree char *name = NULL;
  guint n_keys;
  gint64 next = 1;

  g_return_val_if_fail (LYG_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  if (!_lyg_vault_require_unlocked (vault, error))
    return FALSE;
  if (!(keys = lyg_store_list_meta (vault->store, AUDIT_META_PREFIX, error)))
    return FALSE;

  n_keys = g_strv_length (keys);
  if (n_keys > 0)
    next = entry_number (keys[n_keys - 1]) + 1;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "time");
  json_builder_add_int_value (builder, g_get_real_time () / G_USEC_PER_SEC);
  json_builder_set_member_name (builder, "user");
  json_builder_add_string_value (builder, g_get_user_name ());
  json_builder_set_member_name (builder, "device");
  json_builder_add_string_value (builder, vault->device_id);
  json_builder_set_member_name (builder, "event");
  json_builder_add_string_value (builder, event);
  if (detail != NULL)
    {
      json_builder_set_member_name (builder, "detail");
      json_builder_add_string_value (builder, detail);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  value = g_bytes_new (json, strlen (json));

  name = g_strdup_printf (AUDIT_PREFIX "%012" G_GINT64_FORMAT, next);
  if (!lyg_vault_set_secret (vault, name, value, error))
    return FALSE;

  /* Keep the log bounded; the oldest entries go first. */
  for (guint i = 0; n_keys + 1 > LYG_AUDIT_MAX_ENTRIES && i < n_keys + 1 - LYG_AUDIT_MAX_ENTRIES; i++)
    if (!lyg_store_delete_meta (vault->store, keys[i], error))
      return FALSE;

  return TRUE;
}

static LygAuditEntry *
parse_entry (GBytes *value)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  LygAuditEntry *entry;
  JsonObject *object;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (value, NULL),
                                   g_bytes_get_size (value), NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  object = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (object, "event"))
    return NULL;

  entry = g_new0 (LygAuditEntry, 1);
  entry->time = json_object_get_int_member_with_default (object, "time", 0);
  entry->user = g_strdup (json_object_get_string_member_with_default (object, "user", ""));
  entry->device = g_strdup (json_object_get_string_member_with_default (object, "device", ""));
  entry->event = g_strdup (json_object_get_string_member_with_default (object, "event", ""));
  entry->detail = g_strdup (json_object_get_string_member_with_default (object, "detail", NULL));

  return entry;
}

/**
 * lyg_audit_list:
 *
 * Returns: (transfer container) (element-type LygAuditEntry): the entries,
 *   newest first.
 */
GPtrArray *
lyg_audit_list (LygVault  *vault,
                GError   **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_auto(GStrv) keys = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);

  if (!_lyg_vault_require_unlocked (vault, error))
    return NULL;
  if (!(keys = lyg_store_list_meta (vault->store, AUDIT_META_PREFIX, error)))
    return NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_audit_entry_free);
  for (guint n = g_strv_length (keys); n > 0; n--)
    {
      g_autoptr(GBytes) value = NULL;
      LygAuditEntry *entry;

      if (!(value = lyg_vault_get_secret (vault, keys[n - 1] + strlen (META_SECRET), error)))
        return NULL;
      if ((entry = parse_entry (value)) != NULL)
        g_ptr_array_add (entries, entry);
    }

  return g_steal_pointer (&entries);
}

const char *
lyg_audit_event_label (const char *event)
{
  static const struct { const char *event; const char *label; } labels[] = {
    { LYG_AUDIT_UNLOCK, N_("Vault unlocked") },
    { LYG_AUDIT_EXPORT_PERSON, N_("Person exported") },
    { LYG_AUDIT_EXPORT_CSV, N_("Statistics exported") },
    { LYG_AUDIT_ERASE, N_("Person erased") },
    { LYG_AUDIT_RETENTION, N_("Retention run") },
    { LYG_AUDIT_KEEP, N_("Kept past the retention period") },
  };

  g_return_val_if_fail (event != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].event, event))
      return _(labels[i].label);

  return event;
}
