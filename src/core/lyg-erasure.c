/* lyg-erasure.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-erasure"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lyg-audit.h"
#include "lyg-erasure.h"
#include "lyg-vault-private.h"

typedef struct
{
  LygVault  *vault;
  GPtrArray *all;
} Collect;

static gboolean
collect_cb (const LygEnvelope  *envelope,
            gpointer            user_data,
            GError            **error)
{
  Collect *collect = user_data;
  LygRecord *record;

  record = _lyg_vault_open_record (collect->vault->team_keys, envelope, NULL);

  /* What cannot be opened is not readable here either; the quarantine
   * rows of erased ids go with the erasure. */
  if (record == NULL)
    return TRUE;
  if (lyg_record_is_deleted (record))
    {
      g_object_unref (record);
      return TRUE;
    }

  g_ptr_array_add (collect->all, record);

  return TRUE;
}

static gboolean
node_refers (JsonNode   *node,
             GHashTable *ids)
{
  if (node == NULL)
    return FALSE;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_VALUE:
      return json_node_get_value_type (node) == G_TYPE_STRING &&
             g_hash_table_contains (ids, json_node_get_string (node));

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          if (node_refers (json_array_get_element (array, i), ids))
            return TRUE;
        return FALSE;
      }

    case JSON_NODE_OBJECT:
    case JSON_NODE_NULL:
    default:
      /* Structured values (screening answers) hold no links. */
      return FALSE;
    }
}

static gboolean
record_refers (LygRecord  *record,
               GHashTable *ids)
{
  g_auto(GStrv) fields = lyg_record_list_fields (record);

  for (guint i = 0; fields[i] != NULL; i++)
    if (node_refers (lyg_record_get_value (record, fields[i]), ids))
      return TRUE;

  return FALSE;
}

/**
 * lyg_erasure_collect:
 *
 * Returns: (transfer container) (element-type LygRecord): the person
 *   first, then every live record linked to them directly or through
 *   another linked record, in the order they were found.
 */
GPtrArray *
lyg_erasure_collect (LygVault    *vault,
                     const char  *person_id,
                     GError     **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(LygRecord) person = NULL;
  Collect collect;
  gboolean grew = TRUE;

  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  if (!(person = lyg_vault_get_record (vault, person_id, error)))
    return NULL;
  if (g_strcmp0 (lyg_record_get_record_type (person), "person") != 0 ||
      lyg_record_is_deleted (person))
    {
      g_set_error (error, LYG_RECORD_ERROR, LYG_RECORD_ERROR_MISMATCH,
                   _("%s is not a person in this vault"), person_id);
      return NULL;
    }

  all = g_ptr_array_new_with_free_func (g_object_unref);
  collect.vault = vault;
  collect.all = all;
  if (!lyg_store_foreach_envelope (vault->store, collect_cb, &collect, error))
    return NULL;

  ids = g_hash_table_new (g_str_hash, g_str_equal);
  result = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (result, g_object_ref (person));
  g_hash_table_add (ids, (gpointer) lyg_record_get_id (person));

  /* Links point from the newer record to the older one (a follow-up to
   * its referral, a referral to its screening), so go on until a pass
   * adds nothing. */
  while (grew)
    {
      grew = FALSE;
      for (guint i = 0; i < all->len; i++)
        {
          LygRecord *record = g_ptr_array_index (all, i);

          if (g_hash_table_contains (ids, lyg_record_get_id (record)) ||
              !record_refers (record, ids))
            continue;

          g_ptr_array_add (result, g_object_ref (record));
          g_hash_table_add (ids, (gpointer) lyg_record_get_id (record));
          grew = TRUE;
        }
    }

  return g_steal_pointer (&result);
}

static LygRecord *
make_tombstone (LygRecord  *record,
                const char *stamp)
{
  LygRecord *tombstone;
  g_auto(GStrv) fields = lyg_record_list_fields (record);

  /* A fresh record, not the old one with its fields cleared: the old one
   * keeps the values that lost a conflict, and they must go too. Every
   * field is cleared with a newer stamp so a copy merged anywhere ends
   * up empty as well. */
  tombstone = lyg_record_new_with_id (lyg_record_get_record_type (record),
                                      lyg_record_get_id (record));
  for (guint i = 0; fields[i] != NULL; i++)
    lyg_record_unset (tombstone, fields[i]);
  lyg_record_mark_deleted (tombstone);
  lyg_record_stamp_pending (tombstone, stamp);

  return tombstone;
}

/* A draft of a new record (lyg-draft.h in the app) sealed while the user
 * typed may name an erased record, a person chosen for an encounter: it
 * goes too. Drafts are the vault secrets "draft.*". */
static gboolean
drop_drafts (LygVault   *vault,
             GPtrArray  *ids,
             GError    **error)
{
  g_autofree char *prefix = g_strconcat (META_SECRET, "draft.", NULL);
  g_auto(GStrv) keys = NULL;

  if (!(keys = lyg_store_list_meta (vault->store, prefix, error)))
    return FALSE;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GBytes) value = NULL;
      g_autofree char *text = NULL;
      gsize len = 0;
      const char *data;

      if (!(value = lyg_vault_get_secret (vault, keys[i] + strlen (META_SECRET), NULL)))
        continue;
      data = g_bytes_get_data (value, &len);
      text = g_strndup (data, len);

      for (guint j = 0; j < ids->len; j++)
        if (strstr (text, g_ptr_array_index (ids, j)) != NULL)
          {
            if (!lyg_store_delete_meta (vault->store, keys[i], error))
              return FALSE;
            break;
          }
    }

  return TRUE;
}

gboolean
lyg_erasure_erase (LygVault   *vault,
                   GPtrArray  *records,
                   GError    **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  LygKey *key;

  g_return_val_if_fail (LYG_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  if (!_lyg_vault_require_unlocked (vault, error))
    return FALSE;

  lyg_vault_wait_indexed (vault);
  key = g_hash_table_lookup (vault->team_keys, vault->active_key_id);
  ids = g_ptr_array_new_with_free_func (g_free);

  if (!lyg_store_begin (vault->store, error))
    return FALSE;
  if (!lyg_index_begin (vault->index, error))
    {
      lyg_store_rollback (vault->store);
      return FALSE;
    }

  for (guint i = 0; i < records->len; i++)
    {
      LygRecord *record = g_ptr_array_index (records, i);
      g_autofree char *stamp = lyg_hlc_now (vault->clock);
      g_autoptr(LygRecord) tombstone = make_tombstone (record, stamp);
      g_autoptr(LygEnvelope) envelope = NULL;
      g_autofree char *plain = NULL;
      gsize plain_len = 0;

      plain = lyg_record_serialize (tombstone, &plain_len);
      envelope = lyg_envelope_seal (key, vault->active_key_id, lyg_record_get_id (record),
                                    stamp, vault->device_id,
                                    (const guint8 *) plain, plain_len);
      envelope->erase = TRUE;

      if (!lyg_store_put_envelope (vault->store, envelope, TRUE, error) ||
          !lyg_store_mark_erase (vault->store, lyg_record_get_id (record), error) ||
          !lyg_index_remove (vault->index, lyg_record_get_id (record), error))
        {
          lyg_store_rollback (vault->store);
          lyg_index_rollback (vault->index);
          return FALSE;
        }

      g_ptr_array_add (ids, g_strdup (lyg_record_get_id (record)));
    }

  if (!lyg_store_commit (vault->store, error))
    {
      lyg_index_rollback (vault->index);
      return FALSE;
    }
  if (!lyg_index_commit (vault->index, error))
    return FALSE;

  if (!drop_drafts (vault, ids, error))
    return FALSE;

  _lyg_vault_emit_changed (vault, ids);

  /* The records are erased once committed (secure_delete zeroed the old
   * rows); compacting clears the freed pages and the WAL. If another
   * program holds the file now, the next erasure compacts again. */
  {
    g_autoptr(GError) compact_error = NULL;

    if (!lyg_store_compact (vault->store, &compact_error))
      g_warning ("Could not compact the vault after an erasure: %s", compact_error->message);
  }

  return TRUE;
}

gboolean
lyg_erasure_erase_person (LygVault    *vault,
                          const char  *person_id,
                          guint       *n_erased,
                          GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (person_id != NULL, FALSE);

  if (!(records = lyg_erasure_collect (vault, person_id, error)))
    return FALSE;
  if (!lyg_erasure_erase (vault, records, error))
    return FALSE;

  /* Counts only: the activity log must not say who was erased. */
  detail = g_strdup_printf ("persons=1;records=%u", records->len);
  if (!lyg_audit_log (vault, LYG_AUDIT_ERASE, detail, error))
    return FALSE;

  if (n_erased != NULL)
    *n_erased = records->len;

  return TRUE;
}
