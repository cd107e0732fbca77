/* lyg-catalogue-load.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-catalogue"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "lyg-catalogue-load-private.h"

/* The catalogue format this code reads.  A file with a higher "format" is
 * refused rather than half understood.  The format is described in
 * data/catalogues/FORMAT.md.
 */
#define CATALOGUE_FORMAT 1
#define MAX_ID_LENGTH    64

G_GNUC_PRINTF (4, 5)
void
_lyg_catalogue_set_error (ParseContext  *ctx,
                          GError       **error,
                          int            code,
                          const char    *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, LYG_CATALOGUE_ERROR, code, "%s: %s", ctx->origin, message);
}

static gboolean
id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL)
    return FALSE;

  len = strlen (id);
  if (len == 0 || len > MAX_ID_LENGTH)
    return FALSE;

  if (!g_ascii_islower (id[0]) && !g_ascii_isdigit (id[0]))
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = id[i];

      if (!g_ascii_islower (c) && !g_ascii_isdigit (c) && c != '-' && c != '.' && c != '_')
        return FALSE;
    }

  return TRUE;
}

gboolean
_lyg_catalogue_node_is_string (JsonNode *node)
{
  return node != NULL &&
         JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
_lyg_catalogue_node_is_int (JsonNode *node)
{
  return node != NULL &&
         JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

JsonNode *
_lyg_catalogue_get_member (ParseContext  *ctx,
                           JsonObject    *object,
                           const char    *member,
                           const char    *where,
                           GError       **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_MISSING_FIELD,
                                "%s: missing “%s”", where, member);
      return NULL;
    }

  return node;
}

const char *
_lyg_catalogue_get_string (ParseContext  *ctx,
                           JsonObject    *object,
                           const char    *member,
                           const char    *where,
                           GError       **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_MISSING_FIELD,
                                "%s: missing “%s”", where, member);
      return NULL;
    }

  if (!_lyg_catalogue_node_is_string (node))
    {
      _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                                "%s: “%s” must be a string", where, member);
      return NULL;
    }

  return json_node_get_string (node);
}

gboolean
_lyg_catalogue_get_optional_string (ParseContext  *ctx,
                                    JsonObject    *object,
                                    const char    *member,
                                    const char    *where,
                                    const char   **value,
                                    GError       **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!_lyg_catalogue_node_is_string (node))
    {
      _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                                "%s: “%s” must be a string", where, member);
      return FALSE;
    }

  *value = json_node_get_string (node);

  return TRUE;
}

const char *
_lyg_catalogue_get_id (ParseContext  *ctx,
                       JsonObject    *object,
                       const char    *member,
                       const char    *where,
                       GError       **error)
{
  const char *value = _lyg_catalogue_get_string (ctx, object, member, where, error);

  if (value == NULL)
    return NULL;

  if (!id_is_valid (value))
    {
      _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                                "%s: “%s” is not a valid id "
                                "(lower-case letters, digits, “-”, “.”, “_”)",
                                where, value);
      return NULL;
    }

  return value;
}

JsonObject *
_lyg_catalogue_get_object (ParseContext  *ctx,
                           JsonObject    *object,
                           const char    *member,
                           const char    *where,
                           GError       **error)
{
  JsonNode *node = _lyg_catalogue_get_member (ctx, object, member, where, error);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                                "%s: “%s” must be an object", where, member);
      return NULL;
    }

  return json_node_get_object (node);
}

JsonArray *
_lyg_catalogue_get_array (ParseContext  *ctx,
                          JsonObject    *object,
                          const char    *member,
                          const char    *where,
                          int            empty_code,
                          GError       **error)
{
  JsonNode *node = _lyg_catalogue_get_member (ctx, object, member, where, error);
  JsonArray *array;

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                                "%s: “%s” must be an array", where, member);
      return NULL;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    {
      _lyg_catalogue_set_error (ctx, error, empty_code, "%s: “%s” is empty", where, member);
      return NULL;
    }

  return array;
}

JsonObject *
_lyg_catalogue_get_array_object (ParseContext  *ctx,
                                 JsonArray     *array,
                                 guint          index,
                                 const char    *what,
                                 GError       **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                                "%s #%u must be an object", what, index + 1);
      return NULL;
    }

  return json_node_get_object (node);
}

gboolean
_lyg_catalogue_get_text (ParseContext      *ctx,
                         JsonObject        *object,
                         const char        *member,
                         const char        *where,
                         LygCatalogueText  *text,
                         GError           **error)
{
  static const struct {
    const char *lang;
    const char *name;
  } langs[] = {
    { "en", "English" },
    { "da", "Danish" },
  };
  JsonObject *text_object;

  if (!(text_object = _lyg_catalogue_get_object (ctx, object, member, where, error)))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      JsonNode *node = json_object_get_member (text_object, langs[i].lang);
      const char *value;
      g_autofree char *stripped = NULL;

      if (node != NULL && !JSON_NODE_HOLDS_NULL (node) && !_lyg_catalogue_node_is_string (node))
        {
          _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                                    "%s: “%s.%s” must be a string", where, member, langs[i].lang);
          return FALSE;
        }

      value = _lyg_catalogue_node_is_string (node) ? json_node_get_string (node) : NULL;
      stripped = g_strstrip (g_strdup (value ? value : ""));

      if (stripped[0] == '\0')
        {
          _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_MISSING_TRANSLATION,
                                    "%s: missing %s text in “%s”", where, langs[i].name, member);
          return FALSE;
        }

      if (!g_utf8_validate (value, -1, NULL))
        {
          _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                                    "%s: “%s.%s” is not valid UTF-8", where, member, langs[i].lang);
          return FALSE;
        }

      if (i == 0)
        text->en = g_strdup (value);
      else
        text->da = g_strdup (value);
    }

  return TRUE;
}

static gboolean
parse_source (ParseContext  *ctx,
              JsonObject    *root,
              GError       **error)
{
  LygCatalogue *self = ctx->self;
  JsonObject *source;
  JsonNode *year;
  const char *value;

  if (!(source = _lyg_catalogue_get_object (ctx, root, "source", "catalogue", error)))
    return FALSE;

  if (!(value = _lyg_catalogue_get_string (ctx, source, "document", "source", error)))
    return FALSE;
  self->source_document = g_strdup (value);

  if (!(value = _lyg_catalogue_get_string (ctx, source, "publisher", "source", error)))
    return FALSE;
  self->source_publisher = g_strdup (value);

  if (!_lyg_catalogue_get_optional_string (ctx, source, "url", "source", &value, error))
    return FALSE;
  self->source_url = g_strdup (value);

  year = json_object_get_member (source, "year");
  if (year != NULL && !JSON_NODE_HOLDS_NULL (year))
    {
      gint64 y;

      if (!_lyg_catalogue_node_is_int (year) || (y = json_node_get_int (year)) < 1900 || y > 2999)
        {
          _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                                    "source: “year” must be a year");
          return FALSE;
        }

      self->source_year = (guint)y;
    }

  return TRUE;
}

static gboolean
parse_provenance (ParseContext  *ctx,
                  JsonObject    *root,
                  GError       **error)
{
  LygCatalogue *self = ctx->self;
  JsonObject *provenance;
  const char *confidence;

  if (!(provenance = _lyg_catalogue_get_object (ctx, root, "provenance", "catalogue", error)))
    return FALSE;

  if (!(confidence = _lyg_catalogue_get_string (ctx, provenance, "confidence",
                                                "provenance", error)))
    return FALSE;

  if (g_str_equal (confidence, "high"))
    self->confidence = LYG_CONFIDENCE_HIGH;
  else if (g_str_equal (confidence, "medium"))
    self->confidence = LYG_CONFIDENCE_MEDIUM;
  else if (g_str_equal (confidence, "low"))
    self->confidence = LYG_CONFIDENCE_LOW;
  else
    {
      _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                                "provenance: unknown confidence “%s” (high, medium or low)",
                                confidence);
      return FALSE;
    }

  return _lyg_catalogue_get_text (ctx, provenance, "note", "provenance", &self->provenance, error);
}

static gboolean
parse_profiles (ParseContext  *ctx,
                JsonObject    *root,
                GError       **error)
{
  LygCatalogue *self = ctx->self;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *profiles;

  if (!(profiles = _lyg_catalogue_get_array (ctx, root, "profiles", "catalogue",
                                             LYG_CATALOGUE_ERROR_MISSING_FIELD, error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (profiles); i++)
    {
      JsonNode *node = json_array_get_element (profiles, i);
      const char *profile;

      if (!_lyg_catalogue_node_is_string (node))
        {
          _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                                    "profiles: entry #%u must be a string", i + 1);
          return FALSE;
        }

      profile = json_node_get_string (node);
      if (!lyg_profile_is_valid (profile))
        {
          _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                                    "profiles: unknown profile “%s” (adult-labour, adult-sexual, "
                                    "child-labour or child-sexual)", profile);
          return FALSE;
        }

      if (!g_hash_table_add (seen, (gpointer)profile))
        {
          _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_DUPLICATE_ID,
                                    "profiles: “%s” is listed twice", profile);
          return FALSE;
        }

      g_strv_builder_add (builder, profile);
    }

  self->profiles = g_strv_builder_end (builder);

  return TRUE;
}

static gboolean
parse_dimensions (ParseContext  *ctx,
                  JsonObject    *root,
                  GError       **error)
{
  LygCatalogue *self = ctx->self;
  JsonArray *dimensions;

  if (!(dimensions = _lyg_catalogue_get_array (ctx, root, "dimensions", "catalogue",
                                               LYG_CATALOGUE_ERROR_MISSING_FIELD, error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (dimensions); i++)
    {
      g_autofree char *where = NULL;
      LygDimension *dimension;
      JsonObject *object;
      const char *id;
      const char *role;

      if (!(object = _lyg_catalogue_get_array_object (ctx, dimensions, i, "dimension", error)))
        return FALSE;

      where = g_strdup_printf ("dimension #%u", i + 1);
      if (!(id = _lyg_catalogue_get_id (ctx, object, "id", where, error)))
        return FALSE;

      g_free (where);
      where = g_strdup_printf ("dimension “%s”", id);

      if (g_hash_table_contains (self->dimension_ids, id))
        {
          _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_DUPLICATE_ID,
                                    "dimension id “%s” is used twice", id);
          return FALSE;
        }

      if (!(role = _lyg_catalogue_get_id (ctx, object, "role", where, error)))
        return FALSE;

      dimension = g_new0 (LygDimension, 1);
      dimension->id = g_strdup (id);
      dimension->role = g_strdup (role);
      dimension->index = self->dimensions->len;
      g_ptr_array_add (self->dimensions, dimension);
      g_hash_table_insert (self->dimension_ids, dimension->id, dimension);

      if (!_lyg_catalogue_get_text (ctx, object, "title", where, &dimension->title, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_root (ParseContext  *ctx,
            JsonObject    *root,
            GError       **error)
{
  LygCatalogue *self = ctx->self;
  JsonNode *node;
  const char *id;
  gint64 version;

  if (!(node = _lyg_catalogue_get_member (ctx, root, "format", "catalogue", error)))
    return FALSE;

  if (!_lyg_catalogue_node_is_int (node) || json_node_get_int (node) < 1)
    {
      _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                                "catalogue: “format” must be a positive integer");
      return FALSE;
    }

  if (json_node_get_int (node) > CATALOGUE_FORMAT)
    {
      _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_UNSUPPORTED_FORMAT,
                                "catalogue format %" G_GINT64_FORMAT " is newer than "
                                "this version of "
                                "Lygte reads (%d)", json_node_get_int (node), CATALOGUE_FORMAT);
      return FALSE;
    }

  if (!(id = _lyg_catalogue_get_id (ctx, root, "id", "catalogue", error)))
    return FALSE;
  self->id = g_strdup (id);

  if (!(node = _lyg_catalogue_get_member (ctx, root, "version", "catalogue", error)))
    return FALSE;

  if (!_lyg_catalogue_node_is_int (node) || (version = json_node_get_int (node)) < 1 ||
      version > G_MAXINT)
    {
      _lyg_catalogue_set_error (ctx, error, LYG_CATALOGUE_ERROR_BAD_VALUE,
                                "catalogue: “version” must be a positive integer");
      return FALSE;
    }
  self->version = (guint)version;

  return _lyg_catalogue_get_text (ctx, root, "title", "catalogue", &self->title, error) &&
         parse_source (ctx, root, error) &&
         parse_provenance (ctx, root, error) &&
         parse_profiles (ctx, root, error) &&
         parse_dimensions (ctx, root, error) &&
         _lyg_catalogue_parse_indicators (ctx, root, error) &&
         _lyg_catalogue_parse_rule (ctx, root, error);
}

/**
 * lyg_catalogue_new_from_data:
 * @data: the JSON text
 * @length: length of @data, or -1 if nul-terminated
 * @origin: a name for @data used in error messages, usually the file name
 * @error: return location for a #GError
 *
 * Parses and validates a catalogue.  Everything the engine relies on is
 * checked here, so a catalogue that loads can always be scored.
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error set in the
 *   %LYG_CATALOGUE_ERROR domain
 */
LygCatalogue *
lyg_catalogue_new_from_data (const char  *data,
                             gssize       length,
                             const char  *origin,
                             GError     **error)
{
  g_autoptr(LygCatalogue) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  ParseContext ctx;
  JsonNode *root;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (origin != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LYG_TYPE_CATALOGUE, NULL);
  self->origin = g_strdup (origin);
  ctx.self = self;
  ctx.origin = self->origin;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      _lyg_catalogue_set_error (&ctx, error, LYG_CATALOGUE_ERROR_PARSE, "%s", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      _lyg_catalogue_set_error (&ctx, error, LYG_CATALOGUE_ERROR_PARSE,
                                "the catalogue is not a JSON object");
      return NULL;
    }

  if (!parse_root (&ctx, json_node_get_object (root), error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * lyg_catalogue_new_from_file:
 * @file: a catalogue file
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error set.  The
 *   error names the file.  I/O errors are %G_IO_ERROR.
 */
LygCatalogue *
lyg_catalogue_new_from_file (GFile   *file,
                             GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  name = g_file_get_basename (file);

  return lyg_catalogue_new_from_data (contents, length, name, error);
}

/**
 * lyg_catalogue_new_from_resource:
 * @resource: (nullable): a #GResource, or %NULL for the global resources
 * @path: the resource path
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the catalogue, or %NULL with @error set
 */
LygCatalogue *
lyg_catalogue_new_from_resource (GResource   *resource,
                                 const char  *path,
                                 GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (resource != NULL)
    bytes = g_resource_lookup_data (resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  else
    bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;

  name = g_path_get_basename (path);

  return lyg_catalogue_new_from_data (g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes),
                                      name, error);
}
