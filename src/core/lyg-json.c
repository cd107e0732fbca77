/* lyg-json.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lyg-json.h"

/* A strict RFC 8259 parser that builds json-glib nodes. Unlocking decrypts
 * and parses every record in the vault; json-glib 1.6's scanner-based
 * parser costs about 20 µs per 1 KB record, which alone would take two
 * seconds for 100,000 records. This one is several times faster and is
 * bounded in depth so hostile input cannot exhaust the stack.
 */

typedef LygJsonCursor Parser;

static JsonNode *parse_value (Parser *parser);

static void
skip_ws (Parser *parser)
{
  while (parser->p < parser->end &&
         (*parser->p == ' ' || *parser->p == '\t' || *parser->p == '\n' || *parser->p == '\r'))
    parser->p++;
}

static gboolean
literal (Parser     *parser,
         const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (parser->end - parser->p) < len || memcmp (parser->p, word, len) != 0)
    return FALSE;
  parser->p += len;

  return TRUE;
}

static int
hex4 (const char *p)
{
  int v = 0;

  for (guint i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);

      if (d < 0)
        return -1;
      v = v * 16 + d;
    }

  return v;
}

/* Returns a newly allocated UTF-8 string, or NULL on malformed input. */
static char *
parse_string (Parser *parser)
{
  const char *start;
  GString *out = NULL;

  if (parser->p >= parser->end || *parser->p != '"')
    return NULL;
  parser->p++;
  start = parser->p;

  /* Fast path: no escapes. */
  while (parser->p < parser->end && *parser->p != '"' && *parser->p != '\\' &&
         (guchar) *parser->p >= 0x20)
    parser->p++;

  if (parser->p < parser->end && *parser->p == '"')
    {
      char *s = g_strndup (start, parser->p - start);

      parser->p++;
      if (!g_utf8_validate (s, -1, NULL))
        {
          g_free (s);
          return NULL;
        }
      return s;
    }

  out = g_string_new_len (start, parser->p - start);
  while (parser->p < parser->end && *parser->p != '"')
    {
      char c = *parser->p;

      if ((guchar) c < 0x20)
        goto fail;

      if (c != '\\')
        {
          g_string_append_c (out, c);
          parser->p++;
          continue;
        }

      if (parser->end - parser->p < 2)
        goto fail;
      c = parser->p[1];
      parser->p += 2;
      switch (c)
        {
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/': g_string_append_c (out, '/'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            int u;

            if (parser->end - parser->p < 4 || (u = hex4 (parser->p)) < 0)
              goto fail;
            parser->p += 4;
            if (u >= 0xd800 && u <= 0xdbff)
              {
                int low;

                if (parser->end - parser->p < 6 || parser->p[0] != '\\' || parser->p[1] != 'u' ||
                    (low = hex4 (parser->p + 2)) < 0xdc00 || low > 0xdfff)
                  goto fail;
                parser->p += 6;
                u = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
              }
            else if (u >= 0xdc00 && u <= 0xdfff)
              goto fail;
            if (u == 0)
              goto fail;   /* would truncate C strings */
            g_string_append_unichar (out, (gunichar) u);
          }
          break;
        default:
          goto fail;
        }
    }

  if (parser->p >= parser->end)
    goto fail;
  parser->p++;

  if (!g_utf8_validate (out->str, out->len, NULL))
    goto fail;

  return g_string_free (out, FALSE);

fail:
  g_string_free (out, TRUE);
  return NULL;
}

static JsonNode *
parse_number (Parser *parser)
{
  const char *start = parser->p;
  gboolean is_float = FALSE;
  char buf[64];
  JsonNode *node;

  if (parser->p < parser->end && *parser->p == '-')
    parser->p++;
  if (parser->p >= parser->end || !g_ascii_isdigit (*parser->p))
    return NULL;
  if (*parser->p == '0')
    parser->p++;
  else
    while (parser->p < parser->end && g_ascii_isdigit (*parser->p))
      parser->p++;
  if (parser->p < parser->end && *parser->p == '.')
    {
      is_float = TRUE;
      parser->p++;
      if (parser->p >= parser->end || !g_ascii_isdigit (*parser->p))
        return NULL;
      while (parser->p < parser->end && g_ascii_isdigit (*parser->p))
        parser->p++;
    }
  if (parser->p < parser->end && (*parser->p == 'e' || *parser->p == 'E'))
    {
      is_float = TRUE;
      parser->p++;
      if (parser->p < parser->end && (*parser->p == '+' || *parser->p == '-'))
        parser->p++;
      if (parser->p >= parser->end || !g_ascii_isdigit (*parser->p))
        return NULL;
      while (parser->p < parser->end && g_ascii_isdigit (*parser->p))
        parser->p++;
    }

  if ((gsize) (parser->p - start) >= sizeof buf)
    return NULL;
  memcpy (buf, start, parser->p - start);
  buf[parser->p - start] = '\0';

  node = json_node_alloc ();
  if (is_float)
    json_node_init_double (node, g_ascii_strtod (buf, NULL));
  else
    {
      gint64 v;
      char *endp = NULL;

      errno = 0;
      v = g_ascii_strtoll (buf, &endp, 10);
      if (errno == ERANGE)
        json_node_init_double (node, g_ascii_strtod (buf, NULL));
      else
        json_node_init_int (node, v);
    }

  return node;
}

static JsonNode *
parse_array (Parser *parser)
{
  JsonArray *array = json_array_new ();
  JsonNode *node;

  parser->p++;
  skip_ws (parser);
  if (parser->p < parser->end && *parser->p == ']')
    {
      parser->p++;
      goto done;
    }

  for (;;)
    {
      JsonNode *element = parse_value (parser);

      if (element == NULL)
        goto fail;
      json_array_add_element (array, element);
      skip_ws (parser);
      if (parser->p < parser->end && *parser->p == ',')
        {
          parser->p++;
          continue;
        }
      if (parser->p < parser->end && *parser->p == ']')
        {
          parser->p++;
          break;
        }
      goto fail;
    }

done:
  node = json_node_alloc ();
  json_node_init_array (node, array);
  json_array_unref (array);
  return node;

fail:
  json_array_unref (array);
  return NULL;
}

static JsonNode *
parse_object (Parser *parser)
{
  JsonObject *object = json_object_new ();
  JsonNode *node;

  parser->p++;
  skip_ws (parser);
  if (parser->p < parser->end && *parser->p == '}')
    {
      parser->p++;
      goto done;
    }

  for (;;)
    {
      char *name;
      JsonNode *value;

      skip_ws (parser);
      if (!(name = parse_string (parser)))
        goto fail;
      skip_ws (parser);
      if (parser->p >= parser->end || *parser->p != ':')
        {
          g_free (name);
          goto fail;
        }
      parser->p++;
      if (!(value = parse_value (parser)))
        {
          g_free (name);
          goto fail;
        }
      /* Duplicate names: the last one wins, as in most parsers. */
      json_object_set_member (object, name, value);
      g_free (name);

      skip_ws (parser);
      if (parser->p < parser->end && *parser->p == ',')
        {
          parser->p++;
          continue;
        }
      if (parser->p < parser->end && *parser->p == '}')
        {
          parser->p++;
          break;
        }
      goto fail;
    }

done:
  node = json_node_alloc ();
  json_node_init_object (node, object);
  json_object_unref (object);
  return node;

fail:
  json_object_unref (object);
  return NULL;
}

static JsonNode *
parse_value (Parser *parser)
{
  JsonNode *node = NULL;

  skip_ws (parser);
  if (parser->p >= parser->end)
    return NULL;

  if (++parser->depth > LYG_JSON_MAX_DEPTH)
    return NULL;

  switch (*parser->p)
    {
    case '{':
      node = parse_object (parser);
      break;

    case '[':
      node = parse_array (parser);
      break;

    case '"':
      {
        char *s = parse_string (parser);

        if (s != NULL)
          {
            node = json_node_alloc ();
            json_node_init_string (node, s);
            g_free (s);
          }
      }
      break;

    case 't':
      if (literal (parser, "true"))
        node = json_node_init_boolean (json_node_alloc (), TRUE);
      break;

    case 'f':
      if (literal (parser, "false"))
        node = json_node_init_boolean (json_node_alloc (), FALSE);
      break;

    case 'n':
      if (literal (parser, "null"))
        node = json_node_init_null (json_node_alloc ());
      break;

    default:
      node = parse_number (parser);
      break;
    }

  parser->depth--;

  return node;
}

void
lyg_json_cursor_init (LygJsonCursor *cursor,
                      const char    *data,
                      gsize          length)
{
  cursor->p = data;
  cursor->end = data + length;
  cursor->depth = 0;
}

gboolean
lyg_json_cursor_accept (LygJsonCursor *cursor,
                        char           c)
{
  skip_ws (cursor);
  if (cursor->p < cursor->end && *cursor->p == c)
    {
      cursor->p++;
      return TRUE;
    }

  return FALSE;
}

char *
lyg_json_cursor_string (LygJsonCursor *cursor)
{
  skip_ws (cursor);

  return parse_string (cursor);
}

JsonNode *
lyg_json_cursor_value (LygJsonCursor *cursor)
{
  return parse_value (cursor);
}

gboolean
lyg_json_cursor_at_end (LygJsonCursor *cursor)
{
  skip_ws (cursor);

  return cursor->p == cursor->end;
}

JsonNode *
lyg_json_parse (const char  *data,
                gsize        length,
                GError     **error)
{
  Parser parser = { data, data + length, 0 };
  JsonNode *node;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  node = parse_value (&parser);
  skip_ws (&parser);
  if (node == NULL || parser.p != parser.end)
    {
      g_clear_pointer (&node, json_node_unref);
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("Malformed JSON"));
      return NULL;
    }

  return node;
}

static void
write_string (GString    *out,
              const char *s)
{
  static const char hex[] = "0123456789abcdef";

  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) s; *p; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (*p < 0x20)
            {
              g_string_append (out, "\\u00");
              g_string_append_c (out, hex[*p >> 4]);
              g_string_append_c (out, hex[*p & 0xf]);
            }
          else
            g_string_append_c (out, (char) *p);
          break;
        }
    }
  g_string_append_c (out, '"');
}

void
lyg_json_write_string (GString    *out,
                       const char *s)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (s != NULL);

  write_string (out, s);
}

void
lyg_json_write (GString  *out,
                JsonNode *node)
{
  g_return_if_fail (out != NULL);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_string_append (out, "null");
      return;
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;
      gboolean first = TRUE;

      g_string_append_c (out, '{');
      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        {
          if (!first)
            g_string_append_c (out, ',');
          first = FALSE;
          write_string (out, name);
          g_string_append_c (out, ':');
          lyg_json_write (out, member);
        }
      g_string_append_c (out, '}');
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      g_string_append_c (out, '[');
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          lyg_json_write (out, json_array_get_element (array, i));
        }
      g_string_append_c (out, ']');
    }
  else
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        write_string (out, json_node_get_string (node));
      else if (type == G_TYPE_INT64)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      else if (type == G_TYPE_BOOLEAN)
        g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      else
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          g_string_append (out, g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
        }
    }
}
