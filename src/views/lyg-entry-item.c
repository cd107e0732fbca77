/* lyg-entry-item.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-entry-item"

#include "config.h"

#include "lyg-entry-item.h"

/* One row of a list: an index entry as a GObject, so a GListModel can hand
 * it to list item factories and expressions. Items are made only for the
 * rows a list actually shows.
 */
struct _LygEntryItem
{
  GObject        parent_instance;

  LygIndexEntry *entry;
};

G_DEFINE_FINAL_TYPE (LygEntryItem, lyg_entry_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
lyg_entry_item_finalize (GObject *object)
{
  LygEntryItem *self = LYG_ENTRY_ITEM (object);

  g_clear_pointer (&self->entry, lyg_index_entry_free);

  G_OBJECT_CLASS (lyg_entry_item_parent_class)->finalize (object);
}

static void
lyg_entry_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LygEntryItem *self = LYG_ENTRY_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, lyg_entry_item_get_id (self));
      break;

    case PROP_KIND:
      g_value_set_string (value, lyg_entry_item_get_kind (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, lyg_entry_item_get_title (self));
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, lyg_entry_item_get_subtitle (self));
      break;

    case PROP_DATE:
      g_value_set_string (value, lyg_entry_item_get_date (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_entry_item_class_init (LygEntryItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lyg_entry_item_finalize;
  object_class->get_property = lyg_entry_item_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lyg_entry_item_init (LygEntryItem *self)
{
}

/**
 * lyg_entry_item_new:
 * @entry: (transfer full): an index entry
 *
 * Returns: (transfer full): a new item owning @entry
 */
LygEntryItem *
lyg_entry_item_new (LygIndexEntry *entry)
{
  LygEntryItem *self;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (LYG_TYPE_ENTRY_ITEM, NULL);
  self->entry = entry;

  return self;
}

const LygIndexEntry *
lyg_entry_item_get_entry (LygEntryItem *self)
{
  g_return_val_if_fail (LYG_IS_ENTRY_ITEM (self), NULL);

  return self->entry;
}

const char *
lyg_entry_item_get_id (LygEntryItem *self)
{
  g_return_val_if_fail (LYG_IS_ENTRY_ITEM (self), NULL);

  return self->entry->id;
}

/* "kind" rather than "type": GObject reserves nothing by that name, but a
 * "type" property reads badly next to G_OBJECT_TYPE(). */
const char *
lyg_entry_item_get_kind (LygEntryItem *self)
{
  g_return_val_if_fail (LYG_IS_ENTRY_ITEM (self), NULL);

  return self->entry->type;
}

const char *
lyg_entry_item_get_title (LygEntryItem *self)
{
  g_return_val_if_fail (LYG_IS_ENTRY_ITEM (self), NULL);

  return self->entry->title;
}

const char *
lyg_entry_item_get_subtitle (LygEntryItem *self)
{
  g_return_val_if_fail (LYG_IS_ENTRY_ITEM (self), NULL);

  return self->entry->subtitle;
}

const char *
lyg_entry_item_get_date (LygEntryItem *self)
{
  g_return_val_if_fail (LYG_IS_ENTRY_ITEM (self), NULL);

  return self->entry->date;
}
