/* lyg-screening-answers.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-screening-answers"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "lyg-screening-answers.h"

/* The answers of one screening: indicator id → answer and note.  An
 * indicator without an entry is unknown.  The ids are not checked here;
 * the engine checks them against the catalogue.
 */
struct _LygScreeningAnswers
{
  GObject     parent_instance;

  GHashTable *entries;  /* id → Entry */
};

typedef struct
{
  LygAnswer  answer;
  char      *note;
} Entry;

G_DEFINE_FINAL_TYPE (LygScreeningAnswers, lyg_screening_answers, G_TYPE_OBJECT)

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->note);
  g_free (entry);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static void
lyg_screening_answers_finalize (GObject *object)
{
  LygScreeningAnswers *self = (LygScreeningAnswers *)object;

  g_clear_pointer (&self->entries, g_hash_table_unref);

  G_OBJECT_CLASS (lyg_screening_answers_parent_class)->finalize (object);
}

static void
lyg_screening_answers_class_init (LygScreeningAnswersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lyg_screening_answers_finalize;
}

static void
lyg_screening_answers_init (LygScreeningAnswers *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
}

LygScreeningAnswers *
lyg_screening_answers_new (void)
{
  return g_object_new (LYG_TYPE_SCREENING_ANSWERS, NULL);
}

/**
 * lyg_screening_answers_copy:
 *
 * Returns: (transfer full): an independent copy of @self
 */
LygScreeningAnswers *
lyg_screening_answers_copy (LygScreeningAnswers *self)
{
  LygScreeningAnswers *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (LYG_IS_SCREENING_ANSWERS (self), NULL);

  copy = lyg_screening_answers_new ();

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Entry *entry = value;

      lyg_screening_answers_set (copy, key, entry->answer, entry->note);
    }

  return copy;
}

/**
 * lyg_screening_answers_set:
 * @self: a #LygScreeningAnswers
 * @indicator_id: the indicator
 * @answer: the answer
 * @note: (nullable): a short note, e.g. what was seen or said
 *
 * Sets the answer for @indicator_id.  An unknown answer without a note
 * removes the entry, since unknown is the default.
 */
void
lyg_screening_answers_set (LygScreeningAnswers *self,
                           const char          *indicator_id,
                           LygAnswer            answer,
                           const char          *note)
{
  Entry *entry;

  g_return_if_fail (LYG_IS_SCREENING_ANSWERS (self));
  g_return_if_fail (indicator_id != NULL);
  g_return_if_fail (answer <= LYG_ANSWER_NOT_PRESENT);

  if (note != NULL && note[0] == '\0')
    note = NULL;

  if (answer == LYG_ANSWER_UNKNOWN && note == NULL)
    {
      g_hash_table_remove (self->entries, indicator_id);
      return;
    }

  entry = g_new0 (Entry, 1);
  entry->answer = answer;
  entry->note = g_strdup (note);
  g_hash_table_replace (self->entries, g_strdup (indicator_id), entry);
}

/**
 * lyg_screening_answers_get:
 * @self: a #LygScreeningAnswers
 * @indicator_id: the indicator
 * @note: (out) (optional) (nullable): the note, if any
 *
 * Returns: the answer; %LYG_ANSWER_UNKNOWN when none was given
 */
LygAnswer
lyg_screening_answers_get (LygScreeningAnswers  *self,
                           const char           *indicator_id,
                           const char          **note)
{
  Entry *entry;

  g_return_val_if_fail (LYG_IS_SCREENING_ANSWERS (self), LYG_ANSWER_UNKNOWN);
  g_return_val_if_fail (indicator_id != NULL, LYG_ANSWER_UNKNOWN);

  entry = g_hash_table_lookup (self->entries, indicator_id);

  if (note != NULL)
    *note = entry ? entry->note : NULL;

  return entry ? entry->answer : LYG_ANSWER_UNKNOWN;
}

void
lyg_screening_answers_clear (LygScreeningAnswers *self,
                             const char          *indicator_id)
{
  g_return_if_fail (LYG_IS_SCREENING_ANSWERS (self));
  g_return_if_fail (indicator_id != NULL);

  g_hash_table_remove (self->entries, indicator_id);
}

/**
 * lyg_screening_answers_list_ids:
 *
 * Returns: (transfer full): the ids that have an entry, sorted
 */
char **
lyg_screening_answers_list_ids (LygScreeningAnswers *self)
{
  char **ids;
  guint n = 0;

  g_return_val_if_fail (LYG_IS_SCREENING_ANSWERS (self), NULL);

  ids = (char **)g_hash_table_get_keys_as_array (self->entries, &n);
  for (guint i = 0; i < n; i++)
    ids[i] = g_strdup (ids[i]);
  qsort (ids, n, sizeof (char *), compare_strings);

  return ids;
}

guint
lyg_screening_answers_get_size (LygScreeningAnswers *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_ANSWERS (self), 0);

  return g_hash_table_size (self->entries);
}

gboolean
lyg_screening_answers_equal (LygScreeningAnswers *a,
                             LygScreeningAnswers *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (LYG_IS_SCREENING_ANSWERS (a), FALSE);
  g_return_val_if_fail (LYG_IS_SCREENING_ANSWERS (b), FALSE);

  if (g_hash_table_size (a->entries) != g_hash_table_size (b->entries))
    return FALSE;

  g_hash_table_iter_init (&iter, a->entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Entry *ea = value;
      Entry *eb = g_hash_table_lookup (b->entries, key);

      if (eb == NULL || ea->answer != eb->answer || g_strcmp0 (ea->note, eb->note) != 0)
        return FALSE;
    }

  return TRUE;
}

const char *
lyg_answer_to_string (LygAnswer answer)
{
  switch (answer)
    {
    case LYG_ANSWER_UNKNOWN:
      return "unknown";
    case LYG_ANSWER_OBSERVED:
      return "observed";
    case LYG_ANSWER_REPORTED:
      return "reported";
    case LYG_ANSWER_NOT_PRESENT:
      return "not_present";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
lyg_answer_from_string (const char *str,
                        LygAnswer  *answer)
{
  g_return_val_if_fail (answer != NULL, FALSE);

  for (guint a = LYG_ANSWER_UNKNOWN; a <= LYG_ANSWER_NOT_PRESENT; a++)
    {
      if (g_strcmp0 (str, lyg_answer_to_string (a)) == 0)
        {
          *answer = a;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * lyg_answer_is_present:
 *
 * Returns: %TRUE for answers that count the indicator as present
 */
gboolean
lyg_answer_is_present (LygAnswer answer)
{
  return answer == LYG_ANSWER_OBSERVED || answer == LYG_ANSWER_REPORTED;
}

/**
 * lyg_answer_get_label:
 *
 * Returns: the translated label of @answer
 */
const char *
lyg_answer_get_label (LygAnswer answer)
{
  switch (answer)
    {
    case LYG_ANSWER_UNKNOWN:
      return _("Unknown");
    case LYG_ANSWER_OBSERVED:
      return _("Observed");
    case LYG_ANSWER_REPORTED:
      return _("Reported by the person");
    case LYG_ANSWER_NOT_PRESENT:
      return _("Not present");
    default:
      g_return_val_if_reached (NULL);
    }
}
