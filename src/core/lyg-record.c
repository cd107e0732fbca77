/* lyg-record.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-record"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "lyg-envelope.h"
#include "lyg-hlc.h"
#include "lyg-json.h"
#include "lyg-record-private.h"
#include "lyg-schema.h"

/* Each field is a set of "live" versions. A version is live unless some
 * other known version was written after seeing it, i.e. its `prev` (the
 * highest stamp the writer had for that field) is at least the version's
 * stamp. The value shown is the live version with the highest stamp; the
 * other live versions with a different value are the conflict list.
 *
 * Keeping the set of undominated versions (instead of a single winner) is
 * what makes the merge a join: union then drop dominated elements is
 * commutative, associative and idempotent, and because domination is
 * transitive it gives the same set whatever order revisions arrive in, so
 * every device ends up with the same value *and* the same conflict list.
 */

G_DEFINE_FINAL_TYPE (LygRecord, lyg_record, G_TYPE_OBJECT)

/* Decrypted records alive in this process: locking must bring it to zero,
 * and tests check that it does. */
static gint n_alive;
G_DEFINE_QUARK (lyg-record-error-quark, lyg_record_error)

void
_lyg_record_version_free (Version *version)
{
  json_node_unref (version->value);
  g_free (version->stamp);
  g_free (version->prev);
  g_free (version);
}

Version *
_lyg_record_version_new (JsonNode   *value,
                         const char *stamp,
                         const char *prev)
{
  Version *version = g_new0 (Version, 1);

  version->value = value ? json_node_ref (value) : json_node_new (JSON_NODE_NULL);
  version->stamp = g_strdup (stamp);
  version->prev = g_strdup (prev);

  return version;
}

static Version *
version_copy (const Version *version)
{
  return _lyg_record_version_new (version->value, version->stamp, version->prev);
}

static int
compare_versions (gconstpointer a,
                  gconstpointer b)
{
  const Version *va = *(const Version * const *)a;
  const Version *vb = *(const Version * const *)b;

  return strcmp (va->stamp, vb->stamp);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

GPtrArray *
_lyg_record_versions_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) _lyg_record_version_free);
}

static const Version *
versions_winner (GPtrArray *versions)
{
  /* Sorted ascending by stamp, so the winner is last. */
  return versions->len > 0 ? g_ptr_array_index (versions, versions->len - 1) : NULL;
}

static gboolean
version_dominated (const Version *version,
                   GPtrArray     *candidates)
{
  for (guint i = 0; i < candidates->len; i++)
    {
      const Version *other = g_ptr_array_index (candidates, i);

      if (other->prev != NULL && strcmp (other->prev, version->stamp) >= 0)
        return TRUE;
    }

  return FALSE;
}

/* Union of @a and @b without dominated versions, sorted by stamp. */
GPtrArray *
_lyg_record_versions_join (GPtrArray *a,
                           GPtrArray *b)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GPtrArray *out = _lyg_record_versions_new ();

  if (a != NULL)
    for (guint i = 0; i < a->len; i++)
      g_ptr_array_add (all, g_ptr_array_index (a, i));
  if (b != NULL)
    for (guint i = 0; i < b->len; i++)
      g_ptr_array_add (all, g_ptr_array_index (b, i));

  g_ptr_array_sort (all, compare_versions);

  for (guint i = 0; i < all->len; i++)
    {
      const Version *v = g_ptr_array_index (all, i);

      /* A stamp names one write by one device, so equal stamps are the same
       * version seen twice. */
      if (i > 0 && strcmp (v->stamp, ((Version *) g_ptr_array_index (all, i - 1))->stamp) == 0)
        continue;
      if (version_dominated (v, all))
        continue;
      g_ptr_array_add (out, version_copy (v));
    }

  return out;
}

static gboolean
versions_equal (GPtrArray *a,
                GPtrArray *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a->len == 0) && (b == NULL || b->len == 0);

  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const Version *va = g_ptr_array_index (a, i);
      const Version *vb = g_ptr_array_index (b, i);

      if (g_strcmp0 (va->stamp, vb->stamp) != 0 ||
          g_strcmp0 (va->prev, vb->prev) != 0 ||
          !json_node_equal (va->value, vb->value))
        return FALSE;
    }

  return TRUE;
}

static void
lyg_record_finalize (GObject *object)
{
  LygRecord *self = (LygRecord *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->type, g_free);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_atomic_int_dec_and_test (&n_alive);

  G_OBJECT_CLASS (lyg_record_parent_class)->finalize (object);
}

static void
lyg_record_class_init (LygRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lyg_record_finalize;
}

static void
lyg_record_init (LygRecord *self)
{
  g_atomic_int_inc (&n_alive);
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) json_node_unref);
}

guint
lyg_record_get_n_alive (void)
{
  return (guint) g_atomic_int_get (&n_alive);
}

LygRecord *
lyg_record_new_with_id (const char *type,
                        const char *id)
{
  LygRecord *self;

  g_return_val_if_fail (type != NULL && *type != '\0', NULL);
  g_return_val_if_fail (lyg_uuid_is_valid (id), NULL);

  self = g_object_new (LYG_TYPE_RECORD, NULL);
  self->type = g_strdup (type);
  self->id = g_strdup (id);

  return self;
}

/* A version 4 UUID from the system CSPRNG. GLib's g_uuid_string_random()
 * draws from a per-process PRNG whose state a fork() duplicates, so two
 * processes could mint the same ids. */
static char *
random_uuid (void)
{
  guint8 b[16];

  randombytes_buf (b, sizeof b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9],
                          b[10], b[11], b[12], b[13], b[14], b[15]);
}

LygRecord *
lyg_record_new (const char *type)
{
  g_autofree char *id = random_uuid ();
  LygRecord *self;

  g_return_val_if_fail (type != NULL && *type != '\0', NULL);

  self = lyg_record_new_with_id (type, id);
  self->is_new = TRUE;

  return self;
}

gboolean
lyg_record_is_new (LygRecord *self)
{
  g_return_val_if_fail (LYG_IS_RECORD (self), FALSE);

  return self->is_new;
}

LygRecord *
lyg_record_copy (LygRecord *self)
{
  LygRecord *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (LYG_IS_RECORD (self), NULL);

  copy = lyg_record_new_with_id (self->type, self->id);

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->fields, g_strdup (key), _lyg_record_versions_join (value, NULL));

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->pending, g_strdup (key), json_node_copy (value));

  return copy;
}

const char *
lyg_record_get_id (LygRecord *self)
{
  g_return_val_if_fail (LYG_IS_RECORD (self), NULL);

  return self->id;
}

const char *
lyg_record_get_record_type (LygRecord *self)
{
  g_return_val_if_fail (LYG_IS_RECORD (self), NULL);

  return self->type;
}

char **
lyg_record_list_fields (LygRecord *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (LYG_IS_RECORD (self), NULL);

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (lyg_record_get_value (self, key) != NULL)
      g_ptr_array_add (names, g_strdup (key));

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (self->fields, key) && lyg_record_get_value (self, key) != NULL)
      g_ptr_array_add (names, g_strdup (key));

  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

gboolean
lyg_record_has_field (LygRecord  *self,
                      const char *field)
{
  return lyg_record_get_value (self, field) != NULL;
}

JsonNode *
lyg_record_get_value (LygRecord  *self,
                      const char *field)
{
  JsonNode *node;
  GPtrArray *versions;

  g_return_val_if_fail (LYG_IS_RECORD (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  node = g_hash_table_lookup (self->pending, field);
  if (node == NULL && (versions = g_hash_table_lookup (self->fields, field)))
    {
      const Version *winner = versions_winner (versions);
      node = winner ? winner->value : NULL;
    }

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

const char *
lyg_record_get_field_stamp (LygRecord  *self,
                            const char *field)
{
  GPtrArray *versions;
  const Version *winner;

  g_return_val_if_fail (LYG_IS_RECORD (self), NULL);

  versions = g_hash_table_lookup (self->fields, field);
  winner = versions ? versions_winner (versions) : NULL;

  return winner ? winner->stamp : NULL;
}

const char *
lyg_record_get_string (LygRecord  *self,
                       const char *field)
{
  JsonNode *node = lyg_record_get_value (self, field);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

gint64
lyg_record_get_int (LygRecord  *self,
                    const char *field,
                    gint64      default_value)
{
  JsonNode *node = lyg_record_get_value (self, field);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return default_value;

  return json_node_get_int (node);
}

gboolean
lyg_record_get_boolean (LygRecord  *self,
                        const char *field)
{
  JsonNode *node = lyg_record_get_value (self, field);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;

  return json_node_get_boolean (node);
}

char **
lyg_record_dup_strv (LygRecord  *self,
                     const char *field)
{
  JsonNode *node = lyg_record_get_value (self, field);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) &&
              json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
        }
    }

  return g_strv_builder_end (builder);
}

void
lyg_record_set_value (LygRecord  *self,
                      const char *field,
                      JsonNode   *value)
{
  g_return_if_fail (LYG_IS_RECORD (self));
  g_return_if_fail (field != NULL && *field != '\0');

  g_hash_table_insert (self->pending, g_strdup (field),
                       value ? json_node_copy (value) : json_node_new (JSON_NODE_NULL));
}

void
lyg_record_set_string (LygRecord  *self,
                       const char *field,
                       const char *value)
{
  g_autoptr(JsonNode) node = json_node_new (value ? JSON_NODE_VALUE : JSON_NODE_NULL);

  if (value != NULL)
    json_node_set_string (node, value);
  lyg_record_set_value (self, field, node);
}

void
lyg_record_set_int (LygRecord  *self,
                    const char *field,
                    gint64      value)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, value);
  lyg_record_set_value (self, field, node);
}

void
lyg_record_set_boolean (LygRecord  *self,
                        const char *field,
                        gboolean    value)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

  json_node_set_boolean (node, value);
  lyg_record_set_value (self, field, node);
}

void
lyg_record_set_strv (LygRecord          *self,
                     const char         *field,
                     const char * const *value)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_new ();

  for (guint i = 0; value != NULL && value[i] != NULL; i++)
    json_array_add_string_element (array, value[i]);
  json_node_take_array (node, array);
  lyg_record_set_value (self, field, node);
}

void
lyg_record_unset (LygRecord  *self,
                  const char *field)
{
  lyg_record_set_value (self, field, NULL);
}

void
lyg_record_mark_deleted (LygRecord *self)
{
  lyg_record_set_boolean (self, DELETED_FIELD, TRUE);
}

gboolean
lyg_record_is_deleted (LygRecord *self)
{
  return lyg_record_get_boolean (self, DELETED_FIELD);
}

gboolean
lyg_record_has_pending (LygRecord *self)
{
  g_return_val_if_fail (LYG_IS_RECORD (self), FALSE);

  return g_hash_table_size (self->pending) > 0;
}

void
lyg_record_discard_pending (LygRecord *self)
{
  g_return_if_fail (LYG_IS_RECORD (self));

  g_hash_table_remove_all (self->pending);
}

void
lyg_record_stamp_pending (LygRecord  *self,
                          const char *stamp)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (LYG_IS_RECORD (self));
  g_return_if_fail (lyg_stamp_is_valid (stamp));

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *old = g_hash_table_lookup (self->fields, key);
      const Version *winner = old ? versions_winner (old) : NULL;
      GPtrArray *versions = _lyg_record_versions_new ();

      /* The writer saw every live version (the highest is the winner), so
       * the new value supersedes them all, conflicts included. */
      g_ptr_array_add (versions, _lyg_record_version_new (value, stamp, winner ? winner->stamp : NULL));
      g_hash_table_insert (self->fields, g_strdup (key), versions);
    }

  g_hash_table_remove_all (self->pending);
  self->is_new = FALSE;
}

const char *
lyg_record_get_max_stamp (LygRecord *self)
{
  GHashTableIter iter;
  gpointer value;
  const char *max = NULL;

  g_return_val_if_fail (LYG_IS_RECORD (self), NULL);

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Version *winner = versions_winner (value);

      if (winner != NULL && g_strcmp0 (winner->stamp, max) > 0)
        max = winner->stamp;
    }

  return max;
}

void
lyg_conflict_free (LygConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->field);
  g_clear_pointer (&conflict->value, json_node_unref);
  g_free (conflict->stamp);
  g_free (conflict);
}

GPtrArray *
_lyg_record_sorted_field_names (GHashTable *fields)
{
  GPtrArray *names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_strings);

  return names;
}

GPtrArray *
lyg_record_get_conflicts (LygRecord *self)
{
  g_autoptr(GPtrArray) names = NULL;
  GPtrArray *conflicts;

  g_return_val_if_fail (LYG_IS_RECORD (self), NULL);

  conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_conflict_free);
  names = _lyg_record_sorted_field_names (self->fields);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      GPtrArray *versions = g_hash_table_lookup (self->fields, name);
      const Version *winner = versions_winner (versions);

      for (guint j = 0; j + 1 < versions->len; j++)
        {
          const Version *loser = g_ptr_array_index (versions, j);
          LygConflict *conflict;

          if (json_node_equal (loser->value, winner->value))
            continue;

          conflict = g_new0 (LygConflict, 1);
          conflict->field = g_strdup (name);
          conflict->value = json_node_ref (loser->value);
          conflict->stamp = g_strdup (loser->stamp);
          g_ptr_array_add (conflicts, conflict);
        }
    }

  return conflicts;
}

gboolean
lyg_record_merge (LygRecord  *self,
                  LygRecord  *other,
                  gboolean   *changed,
                  GError    **error)
{
  GHashTableIter iter;
  gpointer key, value;
  gboolean did_change = FALSE;

  g_return_val_if_fail (LYG_IS_RECORD (self), FALSE);
  g_return_val_if_fail (LYG_IS_RECORD (other), FALSE);

  if (!g_str_equal (self->id, other->id) || !g_str_equal (self->type, other->type))
    {
      g_set_error_literal (error, LYG_RECORD_ERROR, LYG_RECORD_ERROR_MISMATCH,
                           _("Two revisions of one record disagree about what it is"));
      return FALSE;
    }

  g_hash_table_iter_init (&iter, other->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *mine = g_hash_table_lookup (self->fields, key);
      GPtrArray *joined = _lyg_record_versions_join (mine, value);

      if (versions_equal (mine, joined))
        {
          g_ptr_array_unref (joined);
          continue;
        }

      did_change = TRUE;
      g_hash_table_insert (self->fields, g_strdup (key), joined);
    }

  if (changed != NULL)
    *changed = did_change;

  return TRUE;
}

gboolean
lyg_record_equal (LygRecord *a,
                  LygRecord *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (LYG_IS_RECORD (a), FALSE);
  g_return_val_if_fail (LYG_IS_RECORD (b), FALSE);

  if (!g_str_equal (a->id, b->id) || !g_str_equal (a->type, b->type) ||
      g_hash_table_size (a->fields) != g_hash_table_size (b->fields))
    return FALSE;

  g_hash_table_iter_init (&iter, a->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!versions_equal (value, g_hash_table_lookup (b->fields, key)))
      return FALSE;

  return TRUE;
}
