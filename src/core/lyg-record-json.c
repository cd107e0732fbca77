/* lyg-record-json.c
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

/* The record as JSON: the sealed form (every live version with its
 * stamps) and the plain form lygte-cli reads and prints. */

char *
lyg_record_serialize (LygRecord *self,
                      gsize     *length)
{
  g_autoptr(GPtrArray) names = NULL;
  GString *out;

  g_return_val_if_fail (LYG_IS_RECORD (self), NULL);

  /* Written by hand, fields sorted, so that equal states always give equal
   * bytes; json-glib's generator is several times slower. */
  names = _lyg_record_sorted_field_names (self->fields);
  out = g_string_sized_new (1024);

  g_string_append_printf (out, "{\"v\":%d,\"id\":", FORMAT_VERSION);
  lyg_json_write_string (out, self->id);
  g_string_append (out, ",\"type\":");
  lyg_json_write_string (out, self->type);
  g_string_append (out, ",\"f\":{");
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      GPtrArray *versions = g_hash_table_lookup (self->fields, name);

      if (i > 0)
        g_string_append_c (out, ',');
      lyg_json_write_string (out, name);
      g_string_append (out, ":[");
      for (guint j = 0; j < versions->len; j++)
        {
          const Version *v = g_ptr_array_index (versions, j);

          if (j > 0)
            g_string_append_c (out, ',');
          g_string_append (out, "{\"v\":");
          lyg_json_write (out, v->value);
          g_string_append (out, ",\"s\":\"");
          g_string_append (out, v->stamp);
          g_string_append_c (out, '"');
          if (v->prev != NULL)
            {
              g_string_append (out, ",\"p\":\"");
              g_string_append (out, v->prev);
              g_string_append_c (out, '"');
            }
          g_string_append_c (out, '}');
        }
      g_string_append_c (out, ']');
    }
  g_string_append (out, "}}");

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/* Reads one {"v": value, "s": stamp, "p": prev} object. */
static Version *
parse_version (LygJsonCursor *c)
{
  g_autoptr(JsonNode) value = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *prev = NULL;
  gboolean has_prev = FALSE;

  if (!lyg_json_cursor_accept (c, '{'))
    return NULL;

  do
    {
      g_autofree char *key = lyg_json_cursor_string (c);

      if (key == NULL || !lyg_json_cursor_accept (c, ':'))
        return NULL;

      if (g_str_equal (key, "v") && value == NULL)
        {
          if (!(value = lyg_json_cursor_value (c)))
            return NULL;
        }
      else if (g_str_equal (key, "s") && stamp == NULL)
        {
          if (!(stamp = lyg_json_cursor_string (c)))
            return NULL;
        }
      else if (g_str_equal (key, "p") && !has_prev)
        {
          has_prev = TRUE;
          if (!(prev = lyg_json_cursor_string (c)))
            return NULL;
        }
      else
        return NULL;
    }
  while (lyg_json_cursor_accept (c, ','));

  if (!lyg_json_cursor_accept (c, '}') || value == NULL || !lyg_stamp_is_valid (stamp) ||
      (has_prev && (!lyg_stamp_is_valid (prev) || strcmp (prev, stamp) >= 0)))
    return NULL;

  return _lyg_record_version_new (value, stamp, prev);
}

static GPtrArray *
parse_versions (LygJsonCursor *c)
{
  g_autoptr(GPtrArray) versions = _lyg_record_versions_new ();

  if (!lyg_json_cursor_accept (c, '['))
    return NULL;

  do
    {
      Version *version = parse_version (c);

      if (version == NULL || versions->len >= 1024)
        {
          g_clear_pointer (&version, _lyg_record_version_free);
          return NULL;
        }
      g_ptr_array_add (versions, version);
    }
  while (lyg_json_cursor_accept (c, ','));

  if (!lyg_json_cursor_accept (c, ']'))
    return NULL;

  /* Normalise: whatever a peer sent, keep only the undominated set. A
   * single version (the common case) is already normal. */
  if (versions->len == 1)
    return g_steal_pointer (&versions);

  return _lyg_record_versions_join (versions, NULL);
}

static GHashTable *
parse_fields (LygJsonCursor *c)
{
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);

  if (!lyg_json_cursor_accept (c, '{'))
    return NULL;
  if (lyg_json_cursor_accept (c, '}'))
    return g_steal_pointer (&fields);

  do
    {
      char *name = lyg_json_cursor_string (c);
      GPtrArray *versions;

      if (name == NULL || *name == '\0' || !lyg_json_cursor_accept (c, ':') ||
          !(versions = parse_versions (c)))
        {
          g_free (name);
          return NULL;
        }
      g_hash_table_insert (fields, name, versions);
    }
  while (lyg_json_cursor_accept (c, ','));

  if (!lyg_json_cursor_accept (c, '}'))
    return NULL;

  return g_steal_pointer (&fields);
}

/* The record format is read directly instead of through a generic JSON
 * tree: unlocking reads every record, and a JsonObject per version costs
 * more than everything else together. */
LygRecord *
lyg_record_deserialize (const char  *data,
                        gssize       length,
                        GError     **error)
{
  g_autoptr(GHashTable) fields = NULL;
  g_autofree char *id = NULL;
  g_autofree char *type = NULL;
  LygJsonCursor c;
  gint64 version = 0;
  LygRecord *self;

  g_return_val_if_fail (data != NULL, NULL);

  lyg_json_cursor_init (&c, data, length < 0 ? strlen (data) : (gsize) length);

  if (!lyg_json_cursor_accept (&c, '{'))
    goto invalid;

  do
    {
      g_autofree char *key = lyg_json_cursor_string (&c);

      if (key == NULL || !lyg_json_cursor_accept (&c, ':'))
        goto invalid;

      if (g_str_equal (key, "v") && version == 0)
        {
          g_autoptr(JsonNode) node = lyg_json_cursor_value (&c);

          if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
              json_node_get_value_type (node) != G_TYPE_INT64)
            goto invalid;
          version = json_node_get_int (node);
        }
      else if (g_str_equal (key, "id") && id == NULL)
        {
          if (!(id = lyg_json_cursor_string (&c)))
            goto invalid;
        }
      else if (g_str_equal (key, "type") && type == NULL)
        {
          if (!(type = lyg_json_cursor_string (&c)))
            goto invalid;
        }
      else if (g_str_equal (key, "f") && fields == NULL)
        {
          if (!(fields = parse_fields (&c)))
            goto invalid;
        }
      else
        goto invalid;
    }
  while (lyg_json_cursor_accept (&c, ','));

  if (!lyg_json_cursor_accept (&c, '}') || !lyg_json_cursor_at_end (&c) ||
      version != FORMAT_VERSION || !lyg_uuid_is_valid (id) || type == NULL || *type == '\0' ||
      fields == NULL)
    goto invalid;

  self = lyg_record_new_with_id (type, id);
  g_hash_table_unref (self->fields);
  self->fields = g_steal_pointer (&fields);

  return self;

invalid:
  g_set_error_literal (error, LYG_RECORD_ERROR, LYG_RECORD_ERROR_INVALID,
                       _("A record could not be read: its contents are malformed"));
  return NULL;
}

JsonNode *
lyg_record_to_plain_json (LygRecord *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  const char *updated;

  g_return_val_if_fail (LYG_IS_RECORD (self), NULL);

  names = _lyg_record_sorted_field_names (self->fields);
  conflicts = lyg_record_get_conflicts (self);
  updated = lyg_record_get_max_stamp (self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, self->id);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, self->type);
  json_builder_set_member_name (builder, "deleted");
  json_builder_add_boolean_value (builder, lyg_record_is_deleted (self));
  if (updated != NULL)
    {
      g_autoptr(GDateTime) dt =
        g_date_time_new_from_unix_utc (lyg_stamp_get_wall_ms (updated) / 1000);
      g_autofree char *iso = g_date_time_format_iso8601 (dt);

      json_builder_set_member_name (builder, "updated");
      json_builder_add_string_value (builder, iso);
    }
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_object (builder);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      JsonNode *value = lyg_record_get_value (self, name);

      if (value == NULL || g_str_equal (name, DELETED_FIELD))
        continue;
      json_builder_set_member_name (builder, name);
      json_builder_add_value (builder, json_node_copy (value));
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "conflicts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < conflicts->len; i++)
    {
      LygConflict *conflict = g_ptr_array_index (conflicts, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, conflict->field);
      json_builder_set_member_name (builder, "value");
      json_builder_add_value (builder, json_node_copy (conflict->value));
      json_builder_set_member_name (builder, "stamp");
      json_builder_add_string_value (builder, conflict->stamp);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

gboolean
lyg_record_apply_plain_json (LygRecord   *self,
                             JsonObject  *object,
                             GError     **error)
{
  const LygTypeSpec *spec;
  JsonObject *fields = object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  g_return_val_if_fail (LYG_IS_RECORD (self), FALSE);
  g_return_val_if_fail (object != NULL, FALSE);

  spec = lyg_schema_lookup_type (self->type);
  if (spec == NULL)
    {
      g_set_error (error, LYG_RECORD_ERROR, LYG_RECORD_ERROR_UNKNOWN_TYPE,
                   _("Unknown record type “%s”"), self->type);
      return FALSE;
    }

  if (json_object_has_member (object, "fields"))
    {
      if (!JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "fields")))
        {
          g_set_error_literal (error, LYG_RECORD_ERROR, LYG_RECORD_ERROR_INVALID,
                               _("“fields” must be an object"));
          return FALSE;
        }
      fields = json_object_get_object_member (object, "fields");
    }

  /* Check everything before changing anything. */
  json_object_iter_init (&iter, fields);
  while (json_object_iter_next (&iter, &name, &value))
    {
      const LygFieldSpec *field;

      if (fields == object && (g_str_equal (name, "id") || g_str_equal (name, "type")))
        continue;

      field = lyg_schema_lookup_field (spec, name);
      if (field == NULL)
        {
          g_set_error (error, LYG_RECORD_ERROR, LYG_RECORD_ERROR_UNKNOWN_FIELD,
                       _("A %s has no field “%s”"), self->type, name);
          return FALSE;
        }
      if (!lyg_schema_check_value (field, value, error))
        return FALSE;
    }

  json_object_iter_init (&iter, fields);
  while (json_object_iter_next (&iter, &name, &value))
    {
      if (fields == object && (g_str_equal (name, "id") || g_str_equal (name, "type")))
        continue;
      lyg_record_set_value (self, name, value);
    }

  return TRUE;
}
