/* lyg-retention.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-retention"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lyg-audit.h"
#include "lyg-erasure.h"
#include "lyg-retention.h"
#include "lyg-vault-private.h"

/* { "months": N, "keep": { "<person id>": { "until": SECONDS,
 *                                            "reason": "<text>" } } } */
#define RETENTION_SECRET "retention"

void
lyg_retention_item_free (LygRetentionItem *item)
{
  if (item == NULL)
    return;

  g_free (item->person_id);
  g_free (item->title);
  g_free (item->reason);
  g_free (item);
}

static JsonObject *
load_settings (LygVault *vault)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) value = NULL;
  JsonNode *root;

  value = lyg_vault_get_secret (vault, RETENTION_SECRET, NULL);
  if (value != NULL &&
      json_parser_load_from_data (parser, g_bytes_get_data (value, NULL),
                                  g_bytes_get_size (value), NULL) &&
      JSON_NODE_HOLDS_OBJECT ((root = json_parser_get_root (parser))))
    return json_object_ref (json_node_get_object (root));

  return json_object_new ();
}

static gboolean
save_settings (LygVault    *vault,
               JsonObject  *settings,
               GError     **error)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GBytes) value = NULL;
  g_autofree char *json = NULL;

  json_node_set_object (root, settings);
  json = json_to_string (root, FALSE);
  value = g_bytes_new (json, strlen (json));

  return lyg_vault_set_secret (vault, RETENTION_SECRET, value, error);
}

static guint
settings_months (JsonObject *settings)
{
  gint64 months = json_object_get_int_member_with_default (settings, "months",
                                                           LYG_RETENTION_DEFAULT_MONTHS);

  return CLAMP (months, LYG_RETENTION_MIN_MONTHS, LYG_RETENTION_MAX_MONTHS);
}

guint
lyg_retention_get_months (LygVault *vault)
{
  g_autoptr(JsonObject) settings = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (vault), LYG_RETENTION_DEFAULT_MONTHS);

  if (!lyg_vault_get_unlocked (vault))
    return LYG_RETENTION_DEFAULT_MONTHS;

  settings = load_settings (vault);

  return settings_months (settings);
}

gboolean
lyg_retention_set_months (LygVault  *vault,
                          guint      months,
                          GError   **error)
{
  g_autoptr(JsonObject) settings = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (months >= LYG_RETENTION_MIN_MONTHS &&
                        months <= LYG_RETENTION_MAX_MONTHS, FALSE);

  if (!_lyg_vault_require_unlocked (vault, error))
    return FALSE;

  settings = load_settings (vault);
  json_object_set_int_member (settings, "months", months);

  return save_settings (vault, settings, error);
}

static gint64
add_months (gint64 time,
            guint  months)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) end = g_date_time_add_months (start, (int) months);

  return g_date_time_to_unix (end);
}

/* Every closed person with the time it is due, sorted by it. */
static GPtrArray *
list_closed (LygVault  *vault,
             GError   **error)
{
  g_autoptr(JsonObject) settings = load_settings (vault);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) items = NULL;
  JsonObject *keep = NULL;
  guint months = settings_months (settings);

  if (json_object_has_member (settings, "keep") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (settings, "keep")))
    keep = json_object_get_object_member (settings, "keep");

  if (!(entries = lyg_index_list (lyg_vault_get_index (vault), "person", error)))
    return NULL;

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_retention_item_free);
  for (guint i = 0; i < entries->len; i++)
    {
      LygIndexEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(LygRecord) person = NULL;
      LygRetentionItem *item;
      const char *stamp;

      if (!(person = lyg_vault_get_record (vault, entry->id, error)))
        return NULL;
      if (g_strcmp0 (lyg_record_get_string (person, "status"), "closed") != 0 ||
          !(stamp = lyg_record_get_field_stamp (person, "status")))
        continue;

      item = g_new0 (LygRetentionItem, 1);
      item->person_id = g_strdup (entry->id);
      item->title = g_strdup (entry->title);
      item->closed = lyg_stamp_get_wall_ms (stamp) / 1000;
      item->due = add_months (item->closed, months);

      if (keep != NULL && json_object_has_member (keep, entry->id) &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (keep, entry->id)))
        {
          JsonObject *kept = json_object_get_object_member (keep, entry->id);

          item->due = MAX (item->due, json_object_get_int_member_with_default (kept, "until", 0));
          item->reason = g_strdup (json_object_get_string_member_with_default (kept, "reason",
                                                                              NULL));
        }

      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  const LygRetentionItem *ia = *(LygRetentionItem * const *) a;
  const LygRetentionItem *ib = *(LygRetentionItem * const *) b;

  return (ia->due > ib->due) - (ia->due < ib->due);
}

/**
 * lyg_retention_list_due:
 * @now: unix seconds
 * @within: seconds ahead to look
 *
 * Returns: (transfer container) (element-type LygRetentionItem): closed
 *   persons due for erasure before @now + @within, soonest first.
 */
GPtrArray *
lyg_retention_list_due (LygVault  *vault,
                        gint64     now,
                        gint64     within,
                        GError   **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);

  if (!(items = list_closed (vault, error)))
    return NULL;

  for (guint i = items->len; i > 0; i--)
    {
      LygRetentionItem *item = g_ptr_array_index (items, i - 1);

      if (item->due > now + within)
        g_ptr_array_remove_index (items, i - 1);
    }
  g_ptr_array_sort (items, compare_due);

  return g_steal_pointer (&items);
}

/**
 * lyg_retention_keep:
 * @reason: why the person's data are still needed
 *
 * Keeps a closed person for another retention period from @now.
 */
gboolean
lyg_retention_keep (LygVault    *vault,
                    const char  *person_id,
                    const char  *reason,
                    gint64       now,
                    GError     **error)
{
  g_autoptr(JsonObject) settings = NULL;
  JsonObject *keep;
  JsonObject *kept;

  g_return_val_if_fail (LYG_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (person_id != NULL, FALSE);
  g_return_val_if_fail (reason != NULL, FALSE);

  if (!_lyg_vault_require_unlocked (vault, error))
    return FALSE;

  settings = load_settings (vault);
  if (!json_object_has_member (settings, "keep") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (settings, "keep")))
    json_object_set_object_member (settings, "keep", json_object_new ());
  keep = json_object_get_object_member (settings, "keep");

  kept = json_object_new ();
  json_object_set_int_member (kept, "until", add_months (now, settings_months (settings)));
  json_object_set_string_member (kept, "reason", reason);
  json_object_set_object_member (keep, person_id, kept);

  if (!save_settings (vault, settings, error))
    return FALSE;

  return lyg_audit_log (vault, LYG_AUDIT_KEEP, NULL, error);
}

/**
 * lyg_retention_run:
 * @now: unix seconds
 *
 * Erases every closed person whose retention period has passed, with
 * everything linked, and notes the run in the activity log.
 */
gboolean
lyg_retention_run (LygVault  *vault,
                   gint64     now,
                   guint     *n_persons,
                   guint     *n_records,
                   GError   **error)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(JsonObject) settings = NULL;
  g_autofree char *detail = NULL;
  guint persons = 0;
  guint records = 0;

  g_return_val_if_fail (LYG_IS_VAULT (vault), FALSE);

  if (!(due = lyg_retention_list_due (vault, now, 0, error)))
    return FALSE;

  for (guint i = 0; i < due->len; i++)
    {
      LygRetentionItem *item = g_ptr_array_index (due, i);
      g_autoptr(GPtrArray) linked = NULL;

      if (!(linked = lyg_erasure_collect (vault, item->person_id, error)) ||
          !lyg_erasure_erase (vault, linked, error))
        return FALSE;

      persons++;
      records += linked->len;
    }

  /* Forget the kept entries of persons that are gone. */
  if (persons > 0)
    {
      settings = load_settings (vault);
      if (json_object_has_member (settings, "keep") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (settings, "keep")))
        {
          JsonObject *keep = json_object_get_object_member (settings, "keep");

          for (guint i = 0; i < due->len; i++)
            json_object_remove_member (keep, ((LygRetentionItem *) due->pdata[i])->person_id);
          if (!save_settings (vault, settings, error))
            return FALSE;
        }
    }

  detail = g_strdup_printf ("persons=%u;records=%u", persons, records);
  if (!lyg_audit_log (vault, LYG_AUDIT_RETENTION, detail, error))
    return FALSE;

  if (n_persons != NULL)
    *n_persons = persons;
  if (n_records != NULL)
    *n_records = records;

  return TRUE;
}
