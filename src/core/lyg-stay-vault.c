/* lyg-stay-vault.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-stay"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lyg-stay.h"

/* What a stay reads and writes in the vault: the follow-ups made for its
 * deadline, its handover notes, and the list of stays.
 */

#define FOLLOWUP_NAMESPACE "lygte/1|stay-deadline|period-end|"

/**
 * lyg_stay_deadline_followup_id:
 * @stay_id: a stay's id
 * @last_day: the deadline (the last day of its period)
 *
 * The id of the follow-up for one deadline of one stay. It is derived from
 * the two (a name-based UUID, version 8, from SHA-256), so two devices
 * that reach the deadline before they sync make the same record, and the
 * merge keeps one follow-up instead of two.
 *
 * Returns: (transfer full): a UUID
 */
char *
lyg_stay_deadline_followup_id (const char  *stay_id,
                               const GDate *last_day)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *date = NULL;
  guint8 b[32];
  gsize length = sizeof b;

  g_return_val_if_fail (stay_id != NULL, NULL);
  g_return_val_if_fail (last_day != NULL && g_date_valid (last_day), NULL);

  date = lyg_stay_format_date (last_day);
  g_checksum_update (checksum, (const guchar *) FOLLOWUP_NAMESPACE, -1);
  g_checksum_update (checksum, (const guchar *) stay_id, -1);
  g_checksum_update (checksum, (const guchar *) "|", 1);
  g_checksum_update (checksum, (const guchar *) date, -1);
  g_checksum_get_digest (checksum, b, &length);

  b[6] = (b[6] & 0x0f) | 0x80;
  b[8] = (b[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9],
                          b[10], b[11], b[12], b[13], b[14], b[15]);
}

/* The stored follow-up, deleted or not, or NULL if there is none. */
static LygRecord *
find_followup (LygVault    *vault,
               const char  *id,
               gboolean    *found,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  LygRecord *record;

  *found = FALSE;

  if ((record = lyg_vault_get_record (vault, id, &local_error)))
    {
      *found = TRUE;
      return record;
    }

  if (g_error_matches (local_error, LYG_STORE_ERROR, LYG_STORE_ERROR_NOT_FOUND))
    return NULL;

  g_propagate_error (error, g_steal_pointer (&local_error));

  return NULL;
}

static gboolean
create_followup (LygVault     *vault,
                 LygRecord    *stay,
                 const char   *id,
                 const GDate  *last_day,
                 GError      **error)
{
  g_autoptr(LygRecord) followup = lyg_record_new_with_id ("followup", id);
  g_autofree char *end = lyg_stay_format_date (last_day);
  g_autofree char *due = NULL;
  g_autofree char *notes = NULL;
  const char *person = lyg_record_get_string (stay, "person");
  GDate due_date = *last_day;

  /* Due when the deadline comes into view, so there is a week to plan. */
  g_date_subtract_days (&due_date, LYG_STAY_WARNING_DAYS);
  due = lyg_stay_format_date (&due_date);

  /* Translators: the last day of the reflection period, YYYY-MM-DD */
  notes = g_strdup_printf (_("The reflection and restitution period ends on %s."), end);

  if (person != NULL)
    lyg_record_set_string (followup, "person", person);
  lyg_record_set_string (followup, "title", _("Reflection period ends: plan the next step"));
  lyg_record_set_string (followup, "due", due);
  lyg_record_set_string (followup, "notes", notes);

  return lyg_vault_save_record (vault, followup, error);
}

/* Marks the follow-up of a deadline that no longer holds (extended, or
 * the person left) as done, if it exists and is open. */
static gboolean
retire_followup (LygVault     *vault,
                 const char   *stay_id,
                 const GDate  *last_day,
                 guint        *n_changed,
                 GError      **error)
{
  g_autofree char *id = lyg_stay_deadline_followup_id (stay_id, last_day);
  g_autoptr(LygIndexEntry) entry = NULL;
  g_autoptr(LygRecord) followup = NULL;
  gboolean found;

  /* The in-memory index answers "is there one" without decrypting. */
  if (!(entry = lyg_index_lookup (lyg_vault_get_index (vault), id)))
    return TRUE;

  if (!(followup = find_followup (vault, id, &found, error)))
    return !found && (error == NULL || *error == NULL);

  if (lyg_record_is_deleted (followup) || lyg_record_get_boolean (followup, "done"))
    return TRUE;

  lyg_record_set_boolean (followup, "done", TRUE);
  if (!lyg_vault_save_record (vault, followup, error))
    return FALSE;

  (*n_changed)++;

  return TRUE;
}

/**
 * lyg_stay_close_followups:
 * @vault: an unlocked vault
 * @stay_id: a stay's id
 * @start: a start its period had
 * @n_changed: (out) (optional): how many follow-ups were closed
 * @error: return location for an error
 *
 * Closes the open deadline follow-ups of every length a period starting
 * on @start could have had: for when the start date is moved.
 *
 * Returns: %TRUE on success
 */
gboolean
lyg_stay_close_followups (LygVault     *vault,
                          const char   *stay_id,
                          const GDate  *start,
                          guint        *n_changed,
                          GError      **error)
{
  guint changed = 0;

  g_return_val_if_fail (LYG_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (stay_id != NULL, FALSE);
  g_return_val_if_fail (start != NULL && g_date_valid (start), FALSE);

  for (guint d = 1; d <= LYG_STAY_PERIOD_MAX_DAYS; d++)
    {
      GDate last_day;

      lyg_stay_period_last_day (start, d, &last_day);
      if (!retire_followup (vault, stay_id, &last_day, &changed, error))
        return FALSE;
    }

  if (n_changed != NULL)
    *n_changed = changed;

  return TRUE;
}

/**
 * lyg_stay_ensure_followups:
 * @vault: an unlocked vault
 * @stay: a saved stay record
 * @today: the day to judge from
 * @n_changed: (out) (optional): how many follow-ups were made or closed
 * @error: return location for an error
 *
 * Makes the follow-up for the end of the period of @stay once the end is
 * within a week (or past) and the person is still there, and closes the
 * follow-ups of earlier deadlines the period no longer has. Running it
 * again, here or on another device, changes nothing more; a follow-up
 * someone deleted is not made again.
 *
 * Returns: %TRUE on success
 */
gboolean
lyg_stay_ensure_followups (LygVault     *vault,
                           LygRecord    *stay,
                           const GDate  *today,
                           guint        *n_changed,
                           GError      **error)
{
  const char *stay_id;
  GDate start, last_day;
  guint days;
  guint changed = 0;
  gboolean current;

  g_return_val_if_fail (LYG_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (LYG_IS_RECORD (stay), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (n_changed != NULL)
    *n_changed = 0;

  if (lyg_record_is_deleted (stay) || !lyg_stay_get_period (stay, &start, &days, &last_day))
    return TRUE;

  stay_id = lyg_record_get_id (stay);
  current = lyg_stay_is_current (stay);

  /* Every other length the period could have had: a deadline that moved
   * with an extension (here or on another device) leaves its follow-up
   * behind. */
  for (guint d = 1; d <= LYG_STAY_PERIOD_MAX_DAYS; d++)
    {
      GDate other;

      if (d == days && current)
        continue;

      lyg_stay_period_last_day (&start, d, &other);
      if (!retire_followup (vault, stay_id, &other, &changed, error))
        return FALSE;
    }

  if (current && lyg_stay_days_left (&last_day, today) <= LYG_STAY_WARNING_DAYS)
    {
      g_autofree char *id = lyg_stay_deadline_followup_id (stay_id, &last_day);
      g_autoptr(LygRecord) existing = NULL;
      g_autoptr(GError) local_error = NULL;
      gboolean found;

      existing = find_followup (vault, id, &found, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (!found)
        {
          if (!create_followup (vault, stay, id, &last_day, error))
            return FALSE;
          changed++;
        }
    }

  if (n_changed != NULL)
    *n_changed = changed;

  return TRUE;
}

static GPtrArray *
list_records (LygVault    *vault,
              const char  *type,
              GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  if (!(entries = lyg_index_list (lyg_vault_get_index (vault), type, error)))
    return NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      LygIndexEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GError) local_error = NULL;
      LygRecord *record;

      /* One record that fails to open (quarantined, say) must not hide
       * the others. */
      if (!(record = lyg_vault_get_record (vault, entry->id, &local_error)))
        {
          g_debug ("Could not open %s: %s", entry->id, local_error->message);
          continue;
        }

      if (lyg_record_is_deleted (record))
        g_object_unref (record);
      else
        g_ptr_array_add (records, record);
    }

  return g_steal_pointer (&records);
}

/**
 * lyg_stay_list:
 * @vault: an unlocked vault
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type LygRecord): every stay, decrypted
 */
GPtrArray *
lyg_stay_list (LygVault  *vault,
               GError   **error)
{
  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);

  return list_records (vault, "stay", error);
}

/**
 * lyg_stay_new_handover:
 * @stay_id: the stay the note is about
 * @text: the note
 * @when: (nullable): when it was written, or %NULL for now
 *
 * Returns: (transfer full): a new, unsaved handover note
 */
LygRecord *
lyg_stay_new_handover (const char *stay_id,
                       const char *text,
                       GDateTime  *when)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  LygRecord *note;

  g_return_val_if_fail (stay_id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (when == NULL)
    when = now = g_date_time_new_now_local ();

  stamp = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S%:z");

  note = lyg_record_new ("handover");
  lyg_record_set_string (note, "stay", stay_id);
  lyg_record_set_string (note, "when", stamp);
  lyg_record_set_string (note, "text", text);

  return note;
}

static int
compare_when (gconstpointer a,
              gconstpointer b)
{
  LygRecord *ra = *(LygRecord * const *) a;
  LygRecord *rb = *(LygRecord * const *) b;
  g_autoptr(GDateTime) wa = NULL;
  g_autoptr(GDateTime) wb = NULL;
  const char *sa = lyg_record_get_string (ra, "when");
  const char *sb = lyg_record_get_string (rb, "when");
  int cmp;

  /* Times carry their offset: compare instants, not strings, so a note
   * written in summer time sorts right against one in winter time. */
  if (sa != NULL)
    wa = g_date_time_new_from_iso8601 (sa, NULL);
  if (sb != NULL)
    wb = g_date_time_new_from_iso8601 (sb, NULL);

  if (wa != NULL && wb != NULL)
    cmp = -g_date_time_compare (wa, wb);
  else
    cmp = (wb != NULL) - (wa != NULL);

  return cmp != 0 ? cmp : g_strcmp0 (lyg_record_get_id (ra), lyg_record_get_id (rb));
}

/**
 * lyg_stay_list_handovers:
 * @vault: an unlocked vault
 * @stay_id: a stay's id
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type LygRecord): the handover notes of
 *   the stay, newest first
 */
GPtrArray *
lyg_stay_list_handovers (LygVault    *vault,
                         const char  *stay_id,
                         GError     **error)
{
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *notes;

  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);
  g_return_val_if_fail (stay_id != NULL, NULL);

  if (!(all = list_records (vault, "handover", error)))
    return NULL;

  notes = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      LygRecord *note = g_ptr_array_index (all, i);

      if (g_strcmp0 (lyg_record_get_string (note, "stay"), stay_id) == 0)
        g_ptr_array_add (notes, g_object_ref (note));
    }

  g_ptr_array_sort (notes, compare_when);

  return notes;
}
