/* lyg-person-export.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-person-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lyg-audit.h"
#include "lyg-erasure.h"
#include "lyg-person-export.h"
#include "lyg-schema.h"

static char *
build_json (GPtrArray *records,
            gint64     now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (now);
  g_autofree char *iso = g_date_time_format_iso8601 (dt);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, LYG_PERSON_EXPORT_FORMAT);
  json_builder_set_member_name (builder, "exported");
  json_builder_add_string_value (builder, iso);
  json_builder_set_member_name (builder, "person");
  json_builder_add_string_value (builder,
                                 lyg_record_get_id (g_ptr_array_index (records, 0)));
  json_builder_set_member_name (builder, "records");
  json_builder_begin_array (builder);
  for (guint i = 0; i < records->len; i++)
    json_builder_add_value (builder, lyg_record_to_plain_json (g_ptr_array_index (records, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *with_time = NULL;

  if (strlen (iso) == 10)
    {
      with_time = g_strconcat (iso, "T00:00:00Z", NULL);
      if ((dt = g_date_time_new_from_iso8601 (with_time, NULL)))
        /* Translators: a date in an exported document, see g_date_time_format() */
        return g_date_time_format (dt, _("%-d %B %Y"));
    }
  else if ((dt = g_date_time_new_from_iso8601 (iso, NULL)))
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (dt);

      /* Translators: a date and time in an exported document */
      return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
    }

  return g_strdup (iso);
}

/* Screening answers and results are structured: show them as indented
 * "key: value" lines rather than JSON. */
static void
append_structured (GString  *out,
                   JsonNode *node,
                   guint     depth)
{
  g_autofree char *indent = g_strnfill (2 * depth, ' ');

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &member))
          {
            if (JSON_NODE_HOLDS_VALUE (member))
              {
                g_autofree char *value = json_to_string (member, FALSE);

                if (json_node_get_value_type (member) == G_TYPE_STRING)
                  g_string_append_printf (out, "%s%s: %s\n", indent, name,
                                          json_node_get_string (member));
                else
                  g_string_append_printf (out, "%s%s: %s\n", indent, name, value);
              }
            else if (!JSON_NODE_HOLDS_NULL (member))
              {
                g_string_append_printf (out, "%s%s:\n", indent, name);
                append_structured (out, member, depth + 1);
              }
          }
        break;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *element = json_array_get_element (array, i);

            if (JSON_NODE_HOLDS_VALUE (element) &&
                json_node_get_value_type (element) == G_TYPE_STRING)
              g_string_append_printf (out, "%s- %s\n", indent, json_node_get_string (element));
            else
              {
                g_string_append_printf (out, "%s-\n", indent);
                append_structured (out, element, depth + 1);
              }
          }
        break;
      }

    case JSON_NODE_VALUE:
      {
        g_autofree char *value = json_to_string (node, FALSE);

        g_string_append_printf (out, "%s%s\n", indent, value);
        break;
      }

    case JSON_NODE_NULL:
    default:
      break;
    }
}

static char *
format_value (const LygFieldSpec *spec,
              LygRecord          *record,
              GHashTable         *titles)
{
  JsonNode *node = lyg_record_get_value (record, spec->name);
  gboolean is_string = JSON_NODE_HOLDS_VALUE (node) &&
                       json_node_get_value_type (node) == G_TYPE_STRING;

  /* A value of the wrong kind (a newer or damaged writer) is shown as it
   * is rather than dropped: the person is owed all of it. */
  if (!is_string && (spec->kind == LYG_FIELD_DATE || spec->kind == LYG_FIELD_DATETIME ||
                     spec->kind == LYG_FIELD_ENUM || spec->kind == LYG_FIELD_REF))
    return json_to_string (node, FALSE);

  switch (spec->kind)
    {
    case LYG_FIELD_BOOL:
      return g_strdup (lyg_record_get_boolean (record, spec->name) ? _("Yes") : _("No"));

    case LYG_FIELD_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, lyg_record_get_int (record, spec->name, 0));

    case LYG_FIELD_DATE:
    case LYG_FIELD_DATETIME:
      return format_date (lyg_record_get_string (record, spec->name));

    case LYG_FIELD_ENUM:
      {
        const char *id = lyg_record_get_string (record, spec->name);
        const char *label = lyg_schema_enum_label (spec->enum_name, id);

        return g_strdup (label != NULL ? label : id);
      }

    case LYG_FIELD_ENUM_SET:
    case LYG_FIELD_STRV:
      {
        g_auto(GStrv) values = lyg_record_dup_strv (record, spec->name);
        g_autoptr(GPtrArray) labels = g_ptr_array_new ();

        for (guint i = 0; values != NULL && values[i] != NULL; i++)
          {
            const char *label = spec->kind == LYG_FIELD_ENUM_SET
                                ? lyg_schema_enum_label (spec->enum_name, values[i]) : NULL;

            g_ptr_array_add (labels, (gpointer) (label != NULL ? label : values[i]));
          }
        g_ptr_array_add (labels, NULL);

        return g_strjoinv (", ", (char **) labels->pdata);
      }

    case LYG_FIELD_REF:
      {
        const char *title = g_hash_table_lookup (titles, lyg_record_get_string (record,
                                                                              spec->name));

        return g_strdup (title != NULL ? title : lyg_record_get_string (record, spec->name));
      }

    case LYG_FIELD_OBJECT:
      {
        GString *out = g_string_new ("\n");

        append_structured (out, node, 2);
        if (out->len > 0 && out->str[out->len - 1] == '\n')
          g_string_truncate (out, out->len - 1);

        return g_string_free (out, FALSE);
      }

    case LYG_FIELD_TEXT:
    case LYG_FIELD_STRING:
    default:
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
      return json_to_string (node, FALSE);
    }
}

static char *
record_heading (LygRecord *record,
                gboolean   with_type)
{
  const LygTypeSpec *type = lyg_schema_lookup_type (lyg_record_get_record_type (record));
  const char *label = type != NULL ? _(type->label) : lyg_record_get_record_type (record);
  const char *title = NULL;

  if (type != NULL && type->title_field != NULL)
    title = lyg_record_get_string (record, type->title_field);
  if (type != NULL && type->title_field != NULL &&
      lyg_schema_lookup_field (type, type->title_field) != NULL &&
      lyg_schema_lookup_field (type, type->title_field)->kind == LYG_FIELD_ENUM)
    title = lyg_schema_enum_label (lyg_schema_lookup_field (type, type->title_field)->enum_name,
                                   title);

  if (title != NULL && *title != '\0' && !with_type)
    return g_strdup (title);
  if (title != NULL && *title != '\0')
    return g_strdup_printf ("%s: %s", label, title);

  return g_strdup (label);
}

static char *
build_text (GPtrArray *records,
            gint64     now)
{
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (now);
  g_autofree char *when = g_date_time_format (dt, _("%-d %B %Y, %H:%M"));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < records->len; i++)
    {
      LygRecord *record = g_ptr_array_index (records, i);

      g_hash_table_insert (titles, (gpointer) lyg_record_get_id (record),
                           record_heading (record, FALSE));
    }

  g_string_append_printf (out, "%s\n", _("Everything recorded about this person"));
  /* Translators: %s is a date and time */
  g_string_append_printf (out, _("Exported %s from Lygte. %u records."), when, records->len);
  g_string_append (out, "\n");

  for (guint i = 0; i < records->len; i++)
    {
      LygRecord *record = g_ptr_array_index (records, i);
      const LygTypeSpec *type = lyg_schema_lookup_type (lyg_record_get_record_type (record));
      g_autofree char *heading = record_heading (record, TRUE);
      g_auto(GStrv) fields = lyg_record_list_fields (record);
      g_autoptr(GPtrArray) conflicts = lyg_record_get_conflicts (record);
      g_autofree char *underline = NULL;

      underline = g_strnfill (g_utf8_strlen (heading, -1), '=');
      g_string_append_printf (out, "\n%s\n%s\n", heading, underline);

      /* Schema order first, then whatever a newer version added. */
      for (guint f = 0; type != NULL && type->fields[f].name != NULL; f++)
        {
          g_autofree char *value = NULL;

          if (!lyg_record_has_field (record, type->fields[f].name))
            continue;
          value = format_value (&type->fields[f], record, titles);
          /* Structured values start on a line of their own. */
          g_string_append_printf (out, value[0] == '\n' ? "%s:%s\n" : "%s: %s\n",
                                  _(type->fields[f].label), value);
        }
      for (guint f = 0; fields[f] != NULL; f++)
        {
          g_autofree char *value = NULL;

          if (type != NULL && lyg_schema_lookup_field (type, fields[f]) != NULL)
            continue;
          value = json_to_string (lyg_record_get_value (record, fields[f]), FALSE);
          g_string_append_printf (out, "%s: %s\n", fields[f], value);
        }
      for (guint c = 0; c < conflicts->len; c++)
        {
          LygConflict *conflict = g_ptr_array_index (conflicts, c);
          g_autofree char *value = json_to_string (conflict->value, FALSE);

          /* Translators: a value that lost a concurrent edit; %s is the field, then the value */
          g_string_append_printf (out, _("Earlier value of %s: %s\n"), conflict->field, value);
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * lyg_person_export:
 * @now: unix seconds, written into the document
 * @n_records: (out) (optional): how many records it holds
 *
 * Returns: (transfer full): the document, UTF-8
 */
char *
lyg_person_export (LygVault             *vault,
                   const char           *person_id,
                   LygPersonExportKind   kind,
                   gint64                now,
                   guint                *n_records,
                   GError              **error)
{
  g_autoptr(GPtrArray) records = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  if (!(records = lyg_erasure_collect (vault, person_id, error)))
    return NULL;

  if (n_records != NULL)
    *n_records = records->len;

  if (kind == LYG_PERSON_EXPORT_JSON)
    return build_json (records, now);

  return build_text (records, now);
}

/**
 * lyg_person_export_to_file:
 *
 * Writes the export to @file (replacing it) and notes it in the activity
 * log, with the number of records and the kind, never who.
 */
gboolean
lyg_person_export_to_file (LygVault             *vault,
                           const char           *person_id,
                           LygPersonExportKind   kind,
                           GFile                *file,
                           GError              **error)
{
  g_autofree char *data = NULL;
  g_autofree char *detail = NULL;
  guint n_records = 0;

  g_return_val_if_fail (LYG_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (person_id != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = lyg_person_export (vault, person_id, kind, g_get_real_time () / G_USEC_PER_SEC,
                            &n_records, error);
  if (data == NULL)
    return FALSE;

  if (!g_file_replace_contents (file, data, strlen (data), NULL, FALSE,
                                G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, NULL, error))
    return FALSE;

  detail = g_strdup_printf ("records=%u;format=%s", n_records,
                            kind == LYG_PERSON_EXPORT_JSON ? "json" : "text");

  return lyg_audit_log (vault, LYG_AUDIT_EXPORT_PERSON, detail, error);
}
