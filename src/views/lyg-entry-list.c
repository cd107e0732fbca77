/* lyg-entry-list.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-entry-list"

#include "config.h"

#include <string.h>

#include "lyg-entry-list.h"

/* A GListModel over the in-memory index: the records of one type (or the
 * records linked to one person), optionally filtered by a search query.
 *
 * The entries are plain structs from the index; a LygEntryItem is made
 * only when a list asks for a position, so 100,000 records cost 100,000
 * small structs and a screenful of GObjects. A refresh compares the new
 * result with the old one and reports only the changed range, so a save
 * does not throw away the scroll position or the selection.
 */
struct _LygEntryList
{
  GObject           parent_instance;

  LygVault         *vault;
  char             *type;
  char             *person;
  char             *query;
  LygEntryListSort  sort;

  GPtrArray        *entries;   /* of LygIndexEntry */
  GPtrArray        *items;     /* of LygEntryItem or NULL, same length */
  guint             refresh_source;
};

static void lyg_entry_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LygEntryList, lyg_entry_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      lyg_entry_list_model_iface_init))

enum {
  PROP_0,
  PROP_VAULT,
  PROP_KIND,
  PROP_PERSON,
  PROP_QUERY,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GType
lyg_entry_list_get_item_type (GListModel *model)
{
  return LYG_TYPE_ENTRY_ITEM;
}

static guint
lyg_entry_list_get_n_items (GListModel *model)
{
  return LYG_ENTRY_LIST (model)->entries->len;
}

static gpointer
lyg_entry_list_get_item (GListModel *model,
                         guint       position)
{
  LygEntryList *self = LYG_ENTRY_LIST (model);
  LygEntryItem *item;

  if (position >= self->entries->len)
    return NULL;

  item = g_ptr_array_index (self->items, position);
  if (item == NULL)
    {
      item = lyg_entry_item_new (lyg_index_entry_copy (g_ptr_array_index (self->entries,
                                                                          position)));
      g_ptr_array_index (self->items, position) = item;
    }

  return g_object_ref (item);
}

static void
lyg_entry_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = lyg_entry_list_get_item_type;
  iface->get_n_items = lyg_entry_list_get_n_items;
  iface->get_item = lyg_entry_list_get_item;
}

/* Items are made lazily: most slots stay NULL. */
static void
item_unref (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static gboolean
entry_equal (const LygIndexEntry *a,
             const LygIndexEntry *b)
{
  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->updated, b->updated) == 0 &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->subtitle, b->subtitle) == 0 &&
         g_strcmp0 (a->date, b->date) == 0;
}

static int
compare_dates (const LygIndexEntry *a,
               const LygIndexEntry *b)
{
  /* Undated records go last either way. */
  if (a->date == NULL || b->date == NULL)
    return (a->date == NULL) - (b->date == NULL);

  return strcmp (a->date, b->date);
}

static int
compare_date_ascending (gconstpointer pa,
                        gconstpointer pb)
{
  const LygIndexEntry *a = *(LygIndexEntry * const *) pa;
  const LygIndexEntry *b = *(LygIndexEntry * const *) pb;
  int ret = compare_dates (a, b);

  return ret != 0 ? ret : g_strcmp0 (a->id, b->id);
}

static int
compare_date_descending (gconstpointer pa,
                         gconstpointer pb)
{
  const LygIndexEntry *a = *(LygIndexEntry * const *) pa;
  const LygIndexEntry *b = *(LygIndexEntry * const *) pb;
  int ret;

  if (a->date == NULL || b->date == NULL)
    ret = compare_dates (a, b);
  else
    ret = -strcmp (a->date, b->date);

  if (ret == 0)
    ret = -g_strcmp0 (a->updated, b->updated);

  return ret != 0 ? ret : g_strcmp0 (a->id, b->id);
}

static GPtrArray *
query_entries (LygEntryList *self)
{
  g_autoptr(GError) error = NULL;
  LygIndex *index;
  GPtrArray *entries = NULL;

  if (self->vault == NULL || !lyg_vault_get_unlocked (self->vault))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_index_entry_free);

  index = lyg_vault_get_index (self->vault);

  if (self->person != NULL)
    entries = lyg_index_list_for_person (index, self->person, &error);
  else if (self->query != NULL && *self->query != '\0')
    entries = lyg_index_search (index, self->query, self->type, 0, &error);
  else
    entries = lyg_index_list (index, self->type, &error);

  if (entries == NULL)
    {
      g_warning ("Could not list records: %s", error->message);
      return g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_index_entry_free);
    }

  /* The person's timeline can be searched too, by its titles. */
  if (self->person != NULL && self->query != NULL && *self->query != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (self->query, -1);

      for (guint i = entries->len; i > 0; i--)
        {
          const LygIndexEntry *entry = g_ptr_array_index (entries, i - 1);
          g_autofree char *hay = g_utf8_casefold (entry->title ? entry->title : "", -1);

          if (strstr (hay, needle) == NULL)
            g_ptr_array_remove_index (entries, i - 1);
        }
    }

  if (self->sort == LYG_ENTRY_LIST_SORT_DATE_ASCENDING)
    g_ptr_array_sort (entries, compare_date_ascending);
  else if (self->sort == LYG_ENTRY_LIST_SORT_DATE_DESCENDING)
    g_ptr_array_sort (entries, compare_date_descending);

  return entries;
}

/* Replaces the entries, keeping the items of the unchanged head and tail. */
static void
replace_entries (LygEntryList *self,
                 GPtrArray    *entries)
{
  g_autoptr(GPtrArray) old_entries = self->entries;
  g_autoptr(GPtrArray) old_items = self->items;
  guint old_len = old_entries->len;
  guint new_len = entries->len;
  guint head = 0;
  guint tail = 0;

  while (head < old_len && head < new_len &&
         entry_equal (g_ptr_array_index (old_entries, head), g_ptr_array_index (entries, head)))
    head++;

  while (tail < old_len - head && tail < new_len - head &&
         entry_equal (g_ptr_array_index (old_entries, old_len - 1 - tail),
                      g_ptr_array_index (entries, new_len - 1 - tail)))
    tail++;

  self->entries = entries;
  self->items = g_ptr_array_new_with_free_func (item_unref);
  g_ptr_array_set_size (self->items, new_len);

  for (guint i = 0; i < head; i++)
    g_ptr_array_index (self->items, i) = g_steal_pointer (&g_ptr_array_index (old_items, i));
  for (guint i = 0; i < tail; i++)
    g_ptr_array_index (self->items, new_len - 1 - i) =
      g_steal_pointer (&g_ptr_array_index (old_items, old_len - 1 - i));

  if (old_len - head - tail > 0 || new_len - head - tail > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), head,
                                old_len - head - tail,
                                new_len - head - tail);

  if (old_len != new_len)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

/**
 * lyg_entry_list_refresh:
 * @self: a #LygEntryList
 *
 * Reads the index again now.
 */
void
lyg_entry_list_refresh (LygEntryList *self)
{
  g_return_if_fail (LYG_IS_ENTRY_LIST (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  replace_entries (self, query_entries (self));
}

/**
 * lyg_entry_list_clear:
 * @self: a #LygEntryList
 *
 * Drops every entry, as when the vault locks.
 */
void
lyg_entry_list_clear (LygEntryList *self)
{
  g_return_if_fail (LYG_IS_ENTRY_LIST (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  replace_entries (self, g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_index_entry_free));
}

static gboolean
on_refresh_timeout_cb (gpointer user_data)
{
  LygEntryList *self = user_data;

  self->refresh_source = 0;
  lyg_entry_list_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
on_vault_records_changed_cb (LygEntryList *self,
                             GStrv         ids,
                             LygVault     *vault)
{
  /* Saves come in bursts (sync, imports): read the index once for all. */
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (50, on_refresh_timeout_cb, self);
}

static void
on_vault_unlocked_changed_cb (LygEntryList *self,
                              GParamSpec   *pspec,
                              LygVault     *vault)
{
  if (lyg_vault_get_unlocked (vault))
    lyg_entry_list_refresh (self);
  else
    lyg_entry_list_clear (self);
}

static void
lyg_entry_list_constructed (GObject *object)
{
  LygEntryList *self = LYG_ENTRY_LIST (object);

  G_OBJECT_CLASS (lyg_entry_list_parent_class)->constructed (object);

  if (self->vault != NULL)
    {
      g_signal_connect_object (self->vault, "records-changed",
                               G_CALLBACK (on_vault_records_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->vault, "notify::unlocked",
                               G_CALLBACK (on_vault_unlocked_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  lyg_entry_list_refresh (self);
}

static void
lyg_entry_list_dispose (GObject *object)
{
  LygEntryList *self = LYG_ENTRY_LIST (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (lyg_entry_list_parent_class)->dispose (object);
}

static void
lyg_entry_list_finalize (GObject *object)
{
  LygEntryList *self = LYG_ENTRY_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->type, g_free);
  g_clear_pointer (&self->person, g_free);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (lyg_entry_list_parent_class)->finalize (object);
}

static void
lyg_entry_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LygEntryList *self = LYG_ENTRY_LIST (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->type);
      break;

    case PROP_PERSON:
      g_value_set_string (value, self->person);
      break;

    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->entries->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_entry_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LygEntryList *self = LYG_ENTRY_LIST (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;

    case PROP_KIND:
      self->type = g_value_dup_string (value);
      break;

    case PROP_PERSON:
      self->person = g_value_dup_string (value);
      break;

    case PROP_QUERY:
      lyg_entry_list_set_query (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_entry_list_class_init (LygEntryListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lyg_entry_list_constructed;
  object_class->dispose = lyg_entry_list_dispose;
  object_class->finalize = lyg_entry_list_finalize;
  object_class->get_property = lyg_entry_list_get_property;
  object_class->set_property = lyg_entry_list_set_property;

  properties [PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL,
                         LYG_TYPE_VAULT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * LygEntryList:kind:
   *
   * The record type listed ("person", "encounter" …), or %NULL for all.
   */
  properties [PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * LygEntryList:person:
   *
   * When set, the list holds the records linked to this person instead.
   */
  properties [PROP_PERSON] =
    g_param_spec_string ("person", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lyg_entry_list_init (LygEntryList *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_index_entry_free);
  self->items = g_ptr_array_new_with_free_func (item_unref);
}

/**
 * lyg_entry_list_new:
 * @vault: an unlocked vault
 * @type: (nullable): the record type to list, or %NULL for every type
 *
 * Returns: (transfer full): a list that follows the vault's changes
 */
LygEntryList *
lyg_entry_list_new (LygVault   *vault,
                    const char *type)
{
  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);

  return g_object_new (LYG_TYPE_ENTRY_LIST,
                       "vault", vault,
                       "kind", type,
                       NULL);
}

/**
 * lyg_entry_list_new_person:
 * @vault: an unlocked vault
 * @person_id: a person's id
 *
 * Returns: (transfer full): the records linked to @person_id, newest first
 */
LygEntryList *
lyg_entry_list_new_person (LygVault   *vault,
                           const char *person_id)
{
  LygEntryList *self;

  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  self = g_object_new (LYG_TYPE_ENTRY_LIST,
                       "vault", vault,
                       "person", person_id,
                       NULL);
  lyg_entry_list_set_sort (self, LYG_ENTRY_LIST_SORT_DATE_DESCENDING);

  return self;
}

LygVault *
lyg_entry_list_get_vault (LygEntryList *self)
{
  g_return_val_if_fail (LYG_IS_ENTRY_LIST (self), NULL);

  return self->vault;
}

const char *
lyg_entry_list_get_kind (LygEntryList *self)
{
  g_return_val_if_fail (LYG_IS_ENTRY_LIST (self), NULL);

  return self->type;
}

const char *
lyg_entry_list_get_query (LygEntryList *self)
{
  g_return_val_if_fail (LYG_IS_ENTRY_LIST (self), NULL);

  return self->query;
}

void
lyg_entry_list_set_query (LygEntryList *self,
                          const char   *query)
{
  g_return_if_fail (LYG_IS_ENTRY_LIST (self));

  if (query != NULL && *query == '\0')
    query = NULL;

  if (g_strcmp0 (self->query, query) == 0)
    return;

  g_free (self->query);
  self->query = g_strdup (query);

  if (self->entries != NULL && self->vault != NULL)
    lyg_entry_list_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_QUERY]);
}

LygEntryListSort
lyg_entry_list_get_sort (LygEntryList *self)
{
  g_return_val_if_fail (LYG_IS_ENTRY_LIST (self), 0);

  return self->sort;
}

void
lyg_entry_list_set_sort (LygEntryList     *self,
                         LygEntryListSort  sort)
{
  g_return_if_fail (LYG_IS_ENTRY_LIST (self));

  if (self->sort == sort)
    return;

  self->sort = sort;
  lyg_entry_list_refresh (self);
}
