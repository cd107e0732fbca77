/* lyg-scenario.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-scenario"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lyg-scenario-pack.h"
#include "lyg-scenario-private.h"

/* A fictional vignette for training, with the catalogue it is meant to be
 * screened with and the answer key a trainee's answers are compared with.
 * Read-only once loaded.
 */
struct _LygScenario
{
  GObject           parent_instance;

  char             *id;
  LygCatalogueText  title;
  LygCatalogueText  narrative;
  char             *form;
  char             *setting;
  char             *catalogue_id;
  guint             catalogue_version;
  char             *profile;
  LygOutcome        outcome;
  GArray           *keys;    /* (element-type LygScenarioKey) */
};

G_DEFINE_FINAL_TYPE (LygScenario, lyg_scenario, G_TYPE_OBJECT)

static void
text_clear (LygCatalogueText *text)
{
  g_clear_pointer (&text->en, g_free);
  g_clear_pointer (&text->da, g_free);
}

static void
key_clear (gpointer data)
{
  LygScenarioKey *key = data;

  g_clear_pointer (&key->indicator, g_free);
  text_clear (&key->explanation);
}

void
_lyg_scenario_set_error (GError     **error,
                         int          code,
                         const char  *origin,
                         const char  *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, LYG_SCENARIO_ERROR, code, "%s: %s", origin, message);
}

const char *
_lyg_scenario_read_string (JsonObject  *object,
                           const char  *member,
                           const char  *origin,
                           const char  *where,
                           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  if (node == NULL)
    {
      _lyg_scenario_set_error (error, LYG_SCENARIO_ERROR_MISSING_FIELD, origin,
                               _("%s has no “%s”"), where, member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      (value = json_node_get_string (node)) == NULL || *value == '\0')
    {
      _lyg_scenario_set_error (error, LYG_SCENARIO_ERROR_BAD_VALUE, origin,
                               _("“%s” of %s must be a non-empty string"), member, where);
      return NULL;
    }

  return value;
}

gboolean
_lyg_scenario_read_text (JsonObject        *object,
                         const char        *member,
                         const char        *origin,
                         const char        *where,
                         LygCatalogueText  *text,
                         GError           **error)
{
  static const char * const langs[] = { "en", "da" };
  JsonNode *node = json_object_get_member (object, member);
  JsonObject *texts;
  const char *values[2];

  if (node == NULL)
    {
      _lyg_scenario_set_error (error, LYG_SCENARIO_ERROR_MISSING_FIELD, origin,
                               _("%s has no “%s”"), where, member);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _lyg_scenario_set_error (error, LYG_SCENARIO_ERROR_BAD_VALUE, origin,
                               _("“%s” of %s must be an object with “en” and “da”"),
                               member, where);
      return FALSE;
    }

  texts = json_node_get_object (node);
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      JsonNode *lang = json_object_get_member (texts, langs[i]);

      values[i] = NULL;
      if (lang != NULL && JSON_NODE_HOLDS_VALUE (lang) &&
          json_node_get_value_type (lang) == G_TYPE_STRING)
        values[i] = json_node_get_string (lang);

      if (values[i] == NULL || *values[i] == '\0')
        {
          _lyg_scenario_set_error (error, LYG_SCENARIO_ERROR_MISSING_TRANSLATION, origin,
                                   _("“%s” of %s has no “%s” text"), member, where, langs[i]);
          return FALSE;
        }
    }

  text->en = g_strdup (values[0]);
  text->da = g_strdup (values[1]);

  return TRUE;
}

gboolean
_lyg_scenario_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL || (len = strlen (id)) == 0 || len > 64)
    return FALSE;

  if (!g_ascii_islower (id[0]) && !g_ascii_isdigit (id[0]))
    return FALSE;

  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;

  return TRUE;
}

static gboolean
read_key (LygScenario  *self,
          JsonArray    *array,
          const char   *origin,
          const char   *where,
          GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *line = g_strdup_printf (_("key line %u of %s"), i + 1, where);
      LygScenarioKey key = { NULL, };
      const char *indicator;
      const char *answer;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          _lyg_scenario_set_error (error, LYG_SCENARIO_ERROR_BAD_VALUE, origin,
                                   _("%s must be an object"), line);
          return FALSE;
        }
      object = json_node_get_object (node);

      if (!(indicator = _lyg_scenario_read_string (object, "indicator", origin, line, error)) ||
          !(answer = _lyg_scenario_read_string (object, "answer", origin, line, error)))
        return FALSE;

      if (!lyg_answer_from_string (answer, &key.answer) || key.answer == LYG_ANSWER_UNKNOWN)
        {
          _lyg_scenario_set_error (error, LYG_SCENARIO_ERROR_BAD_VALUE, origin,
                                   _("“answer” of %s must be observed, reported or not_present"),
                                   line);
          return FALSE;
        }

      if (!g_hash_table_add (seen, (gpointer)indicator))
        {
          _lyg_scenario_set_error (error, LYG_SCENARIO_ERROR_DUPLICATE_ID, origin,
                                   _("%s names “%s” a second time"), where, indicator);
          return FALSE;
        }

      if (!_lyg_scenario_read_text (object, "explanation", origin, line, &key.explanation, error))
        return FALSE;

      key.indicator = g_strdup (indicator);
      g_array_append_val (self->keys, key);
    }

  return TRUE;
}

LygScenario *
_lyg_scenario_new_from_json (JsonObject  *object,
                             const char  *origin,
                             guint        index,
                             GError     **error)
{
  g_autoptr(LygScenario) self = g_object_new (LYG_TYPE_SCENARIO, NULL);
  g_autofree char *where = g_strdup_printf (_("scenario %u"), index + 1);
  JsonNode *version;
  JsonNode *key;
  const char *id;
  const char *outcome;
  const char *form;
  const char *setting;
  const char *catalogue;
  const char *profile;

  if (!(id = _lyg_scenario_read_string (object, "id", origin, where, error)))
    return NULL;

  if (!_lyg_scenario_id_is_valid (id))
    {
      _lyg_scenario_set_error (error, LYG_SCENARIO_ERROR_BAD_VALUE, origin,
                               _("“%s” is not a valid id for %s"), id, where);
      return NULL;
    }

  g_free (where);
  where = g_strdup_printf (_("scenario “%s”"), id);
  self->id = g_strdup (id);

  if (!_lyg_scenario_read_text (object, "title", origin, where, &self->title, error) ||
      !_lyg_scenario_read_text (object, "narrative", origin, where, &self->narrative, error) ||
      !(form = _lyg_scenario_read_string (object, "form", origin, where, error)) ||
      !(setting = _lyg_scenario_read_string (object, "setting", origin, where, error)) ||
      !(catalogue = _lyg_scenario_read_string (object, "catalogue", origin, where, error)) ||
      !(profile = _lyg_scenario_read_string (object, "profile", origin, where, error)) ||
      !(outcome = _lyg_scenario_read_string (object, "outcome", origin, where, error)))
    return NULL;

  self->form = g_strdup (form);
  self->setting = g_strdup (setting);
  self->catalogue_id = g_strdup (catalogue);
  self->profile = g_strdup (profile);

  version = json_object_get_member (object, "catalogue_version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) < 1 || json_node_get_int (version) > G_MAXINT)
    {
      _lyg_scenario_set_error (error, LYG_SCENARIO_ERROR_BAD_VALUE, origin,
                               _("%s needs a positive whole “catalogue_version”"), where);
      return NULL;
    }
  self->catalogue_version = (guint)json_node_get_int (version);

  if (!lyg_outcome_from_string (outcome, &self->outcome))
    {
      _lyg_scenario_set_error (error, LYG_SCENARIO_ERROR_BAD_VALUE, origin,
                               _("“%s” is not an outcome (%s)"), outcome, where);
      return NULL;
    }

  key = json_object_get_member (object, "key");
  if (key == NULL || !JSON_NODE_HOLDS_ARRAY (key))
    {
      _lyg_scenario_set_error (error, LYG_SCENARIO_ERROR_MISSING_FIELD, origin,
                               _("%s needs a “key” list"), where);
      return NULL;
    }

  if (!read_key (self, json_node_get_array (key), origin, where, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
lyg_scenario_finalize (GObject *object)
{
  LygScenario *self = LYG_SCENARIO (object);

  g_clear_pointer (&self->id, g_free);
  text_clear (&self->title);
  text_clear (&self->narrative);
  g_clear_pointer (&self->form, g_free);
  g_clear_pointer (&self->setting, g_free);
  g_clear_pointer (&self->catalogue_id, g_free);
  g_clear_pointer (&self->profile, g_free);
  g_clear_pointer (&self->keys, g_array_unref);

  G_OBJECT_CLASS (lyg_scenario_parent_class)->finalize (object);
}

static void
lyg_scenario_class_init (LygScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lyg_scenario_finalize;
}

static void
lyg_scenario_init (LygScenario *self)
{
  self->keys = g_array_new (FALSE, TRUE, sizeof (LygScenarioKey));
  g_array_set_clear_func (self->keys, key_clear);
}

const char *
lyg_scenario_get_id (LygScenario *self)
{
  g_return_val_if_fail (LYG_IS_SCENARIO (self), NULL);

  return self->id;
}

/**
 * lyg_scenario_get_title:
 * @self: a #LygScenario
 * @lang: (nullable): "en" or "da", %NULL for the interface language
 */
const char *
lyg_scenario_get_title (LygScenario *self,
                        const char  *lang)
{
  g_return_val_if_fail (LYG_IS_SCENARIO (self), NULL);

  return lyg_catalogue_text_get (&self->title, lang);
}

const char *
lyg_scenario_get_narrative (LygScenario *self,
                            const char  *lang)
{
  g_return_val_if_fail (LYG_IS_SCENARIO (self), NULL);

  return lyg_catalogue_text_get (&self->narrative, lang);
}

/* A form of exploitation id (domain §2), or "none". */
const char *
lyg_scenario_get_form (LygScenario *self)
{
  g_return_val_if_fail (LYG_IS_SCENARIO (self), NULL);

  return self->form;
}

const char *
lyg_scenario_get_setting (LygScenario *self)
{
  g_return_val_if_fail (LYG_IS_SCENARIO (self), NULL);

  return self->setting;
}

const char *
lyg_scenario_get_catalogue_id (LygScenario *self)
{
  g_return_val_if_fail (LYG_IS_SCENARIO (self), NULL);

  return self->catalogue_id;
}

guint
lyg_scenario_get_catalogue_version (LygScenario *self)
{
  g_return_val_if_fail (LYG_IS_SCENARIO (self), 0);

  return self->catalogue_version;
}

const char *
lyg_scenario_get_profile (LygScenario *self)
{
  g_return_val_if_fail (LYG_IS_SCENARIO (self), NULL);

  return self->profile;
}

LygOutcome
lyg_scenario_get_outcome (LygScenario *self)
{
  g_return_val_if_fail (LYG_IS_SCENARIO (self), LYG_OUTCOME_NO_INDICATION);

  return self->outcome;
}

guint
lyg_scenario_get_n_keys (LygScenario *self)
{
  g_return_val_if_fail (LYG_IS_SCENARIO (self), 0);

  return self->keys->len;
}

const LygScenarioKey *
lyg_scenario_get_key (LygScenario *self,
                      guint        index)
{
  g_return_val_if_fail (LYG_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (index < self->keys->len, NULL);

  return &g_array_index (self->keys, LygScenarioKey, index);
}

/**
 * lyg_scenario_lookup_key:
 * @self: a #LygScenario
 * @indicator: an indicator id
 *
 * Returns: (nullable): the key line for @indicator, or %NULL when the key
 *   says nothing about it
 */
const LygScenarioKey *
lyg_scenario_lookup_key (LygScenario *self,
                         const char  *indicator)
{
  g_return_val_if_fail (LYG_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (indicator != NULL, NULL);

  for (guint i = 0; i < self->keys->len; i++)
    {
      const LygScenarioKey *key = &g_array_index (self->keys, LygScenarioKey, i);

      if (g_str_equal (key->indicator, indicator))
        return key;
    }

  return NULL;
}

/**
 * lyg_scenario_dup_key_answers:
 * @self: a #LygScenario
 *
 * Returns: (transfer full): the key as screening answers, for the engine
 */
LygScreeningAnswers *
lyg_scenario_dup_key_answers (LygScenario *self)
{
  LygScreeningAnswers *answers;

  g_return_val_if_fail (LYG_IS_SCENARIO (self), NULL);

  answers = lyg_screening_answers_new ();
  for (guint i = 0; i < self->keys->len; i++)
    {
      const LygScenarioKey *key = &g_array_index (self->keys, LygScenarioKey, i);

      lyg_screening_answers_set (answers, key->indicator, key->answer, NULL);
    }

  return answers;
}
