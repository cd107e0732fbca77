/* lyg-stay.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-stay"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "lyg-schema.h"
#include "lyg-stay.h"

/* A period of N days that starts on day S covers S … S+N-1: the last day
 * is the deadline, and "days left" counts calendar days to it, so 0 means
 * "ends today". Everything here works on GDate (a day number), so a
 * period is the same length whether or not it spans a daylight-saving
 * change, a month end or 29 February.
 */

G_DEFINE_QUARK (lyg-stay-error-quark, lyg_stay_error)

static const char * const support_offers[] = {
  "counselling", "legal_aid", "interpreter", "health_care", "psychologist",
  "food_pocket_money", "family_contact", "prepared_return", NULL
};

/**
 * lyg_stay_parse_date:
 * @text: (nullable): a date as YYYY-MM-DD
 * @date: (out): the date, cleared when @text is not one
 *
 * Returns: %TRUE if @text is a valid calendar date
 */
gboolean
lyg_stay_parse_date (const char *text,
                     GDate      *date)
{
  guint year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);

  /* A date, or the date part of an ISO 8601 time; nothing else after it. */
  if (text == NULL || strlen (text) < 10 || (text[10] != '\0' && text[10] != 'T') ||
      text[4] != '-' || text[7] != '-' ||
      sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return FALSE;

  /* "2026-02-29" parses but is not a date; GDate knows the calendar. */
  if (year < 1 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);

  return TRUE;
}

/**
 * lyg_stay_format_date:
 * @date: a valid date
 *
 * Returns: (transfer full): @date as YYYY-MM-DD
 */
char *
lyg_stay_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/**
 * lyg_stay_date_from_datetime:
 * @datetime: a moment
 * @date: (out): the calendar day it falls on in the local time zone
 */
void
lyg_stay_date_from_datetime (GDateTime *datetime,
                             GDate     *date)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (datetime != NULL);
  g_return_if_fail (date != NULL);

  local = g_date_time_to_local (datetime);
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

/**
 * lyg_stay_today:
 * @date: (out): today's date where the device is
 */
void
lyg_stay_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  lyg_stay_date_from_datetime (now, date);
}

/**
 * lyg_stay_period_last_day:
 * @start: the first day of the period
 * @days: its length, at least 1
 * @last_day: (out): the last day of the period, the deadline
 */
void
lyg_stay_period_last_day (const GDate *start,
                          guint        days,
                          GDate       *last_day)
{
  g_return_if_fail (start != NULL && g_date_valid (start));
  g_return_if_fail (days >= 1);
  g_return_if_fail (last_day != NULL);

  *last_day = *start;
  g_date_add_days (last_day, days - 1);
}

/**
 * lyg_stay_days_left:
 * @last_day: the deadline
 * @today: the day to count from
 *
 * Returns: calendar days from @today to @last_day: 0 when the period ends
 *   today, negative once it has ended
 */
int
lyg_stay_days_left (const GDate *last_day,
                    const GDate *today)
{
  g_return_val_if_fail (last_day != NULL && g_date_valid (last_day), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  return g_date_days_between (today, last_day);
}

/**
 * lyg_stay_check_extension:
 * @current_days: the length of the period so far
 * @extra_days: the days to add
 * @error: return location for an error
 *
 * Returns: %TRUE if the period may be extended by @extra_days, %FALSE
 *   with %LYG_STAY_ERROR_TOO_LONG if it would exceed 120 days in total
 */
gboolean
lyg_stay_check_extension (guint    current_days,
                          guint    extra_days,
                          GError **error)
{
  if (extra_days == 0)
    {
      g_set_error_literal (error, LYG_STAY_ERROR, LYG_STAY_ERROR_INVALID,
                           _("An extension must add at least one day"));
      return FALSE;
    }

  if (current_days >= LYG_STAY_PERIOD_MAX_DAYS)
    {
      g_set_error (error, LYG_STAY_ERROR, LYG_STAY_ERROR_TOO_LONG,
                   _("The period already lasts %u days, the most it can be"),
                   LYG_STAY_PERIOD_MAX_DAYS);
      return FALSE;
    }

  if (extra_days > LYG_STAY_PERIOD_MAX_DAYS - current_days)
    {
      g_set_error (error, LYG_STAY_ERROR, LYG_STAY_ERROR_TOO_LONG,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The period can last %u days in total: it can be extended by "
                                "at most %u more day",
                                "The period can last %u days in total: it can be extended by "
                                "at most %u more days",
                                LYG_STAY_PERIOD_MAX_DAYS - current_days),
                   LYG_STAY_PERIOD_MAX_DAYS, LYG_STAY_PERIOD_MAX_DAYS - current_days);
      return FALSE;
    }

  return TRUE;
}

/**
 * lyg_stay_get_period:
 * @stay: a stay record
 * @start: (out) (optional): the first day of the period
 * @days: (out) (optional): its length in days
 * @last_day: (out) (optional): its last day
 *
 * Returns: %FALSE if no period has started for @stay
 */
gboolean
lyg_stay_get_period (LygRecord *stay,
                     GDate     *start,
                     guint     *days,
                     GDate     *last_day)
{
  GDate first;
  gint64 length;

  g_return_val_if_fail (LYG_IS_RECORD (stay), FALSE);

  if (!lyg_stay_parse_date (lyg_record_get_string (stay, "period_start"), &first))
    return FALSE;

  /* A length from elsewhere (an old client, a hand-made import) is held
   * to what the rules allow rather than trusted. */
  length = lyg_record_get_int (stay, "period_days", LYG_STAY_PERIOD_DAYS);
  length = CLAMP (length, 1, LYG_STAY_PERIOD_MAX_DAYS);

  if (start != NULL)
    *start = first;
  if (days != NULL)
    *days = (guint) length;
  if (last_day != NULL)
    lyg_stay_period_last_day (&first, (guint) length, last_day);

  return TRUE;
}

/**
 * lyg_stay_start_period:
 * @stay: a stay record
 * @start: the first day of the period
 * @error: return location for an error
 *
 * Starts (or moves) the period of @stay: 30 days unless it was already
 * granted a length. Leaves the change pending.
 *
 * Returns: %TRUE on success
 */
gboolean
lyg_stay_start_period (LygRecord    *stay,
                       const GDate  *start,
                       GError      **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (LYG_IS_RECORD (stay), FALSE);
  g_return_val_if_fail (start != NULL, FALSE);

  if (!g_date_valid (start))
    {
      g_set_error_literal (error, LYG_STAY_ERROR, LYG_STAY_ERROR_INVALID,
                           _("The period needs a valid start date"));
      return FALSE;
    }

  text = lyg_stay_format_date (start);
  if (g_strcmp0 (lyg_record_get_string (stay, "period_start"), text) != 0)
    lyg_record_set_string (stay, "period_start", text);
  if (lyg_record_get_value (stay, "period_days") == NULL)
    lyg_record_set_int (stay, "period_days", LYG_STAY_PERIOD_DAYS);

  return TRUE;
}

/**
 * lyg_stay_extend:
 * @stay: a stay record with a period
 * @extra_days: the days to add
 * @reason: an id of the "extension_reason" enumeration
 * @error: return location for an error
 *
 * Extends the period of @stay, refusing to go beyond 120 days in total.
 * Leaves the change pending.
 *
 * Returns: %TRUE on success
 */
gboolean
lyg_stay_extend (LygRecord   *stay,
                 guint        extra_days,
                 const char  *reason,
                 GError     **error)
{
  guint days;

  g_return_val_if_fail (LYG_IS_RECORD (stay), FALSE);

  if (!lyg_stay_get_period (stay, NULL, &days, NULL))
    {
      g_set_error_literal (error, LYG_STAY_ERROR, LYG_STAY_ERROR_NO_PERIOD,
                           _("The period has not started: give its start date first"));
      return FALSE;
    }

  if (reason == NULL || !lyg_schema_enum_has ("extension_reason", reason))
    {
      g_set_error_literal (error, LYG_STAY_ERROR, LYG_STAY_ERROR_INVALID,
                           _("Choose the reason for the extension"));
      return FALSE;
    }

  if (!lyg_stay_check_extension (days, extra_days, error))
    return FALSE;

  lyg_record_set_int (stay, "period_days", days + extra_days);
  lyg_record_set_string (stay, "extension_reason", reason);

  return TRUE;
}

/**
 * lyg_stay_is_current:
 * @stay: a stay record
 *
 * Returns: %TRUE if the person has not left (no departure date)
 */
gboolean
lyg_stay_is_current (LygRecord *stay)
{
  g_return_val_if_fail (LYG_IS_RECORD (stay), FALSE);

  return !lyg_record_is_deleted (stay) && lyg_record_get_string (stay, "departure") == NULL;
}

/**
 * lyg_stay_get_urgency:
 * @stay: a stay record
 * @today: the day to judge from
 * @days_left: (out) (optional): days to the end of the period, when there
 *   is one
 *
 * Returns: how urgent the stay is
 */
LygStayUrgency
lyg_stay_get_urgency (LygRecord   *stay,
                      const GDate *today,
                      int         *days_left)
{
  GDate last_day;
  int left;

  g_return_val_if_fail (LYG_IS_RECORD (stay), LYG_STAY_URGENCY_NO_PERIOD);
  g_return_val_if_fail (today != NULL && g_date_valid (today), LYG_STAY_URGENCY_NO_PERIOD);

  if (days_left != NULL)
    *days_left = 0;

  if (!lyg_stay_is_current (stay))
    return LYG_STAY_URGENCY_DEPARTED;

  if (!lyg_stay_get_period (stay, NULL, NULL, &last_day))
    return LYG_STAY_URGENCY_NO_PERIOD;

  left = lyg_stay_days_left (&last_day, today);
  if (days_left != NULL)
    *days_left = left;

  if (left < 0)
    return LYG_STAY_URGENCY_ENDED;
  if (left <= LYG_STAY_WARNING_DAYS)
    return LYG_STAY_URGENCY_ENDING;

  return LYG_STAY_URGENCY_RUNNING;
}

/**
 * lyg_stay_compare_urgency:
 * @a: a stay record
 * @b: another
 * @today: the day to judge from
 *
 * Orders stays most urgent first: ended periods (the longest overdue
 * first), then those ending soonest, then those without a period.
 *
 * Returns: <0, 0 or >0 as for strcmp()
 */
int
lyg_stay_compare_urgency (LygRecord   *a,
                          LygRecord   *b,
                          const GDate *today)
{
  int left_a, left_b;
  LygStayUrgency ua = lyg_stay_get_urgency (a, today, &left_a);
  LygStayUrgency ub = lyg_stay_get_urgency (b, today, &left_b);
  int cmp;

  if (ua != ub)
    return ua < ub ? -1 : 1;
  if (left_a != left_b)
    return left_a < left_b ? -1 : 1;

  /* The same deadline: who came first, then a stable order. */
  cmp = g_strcmp0 (lyg_record_get_string (a, "arrival"), lyg_record_get_string (b, "arrival"));

  return cmp != 0 ? cmp : g_strcmp0 (lyg_record_get_id (a), lyg_record_get_id (b));
}

/**
 * lyg_stay_list_support_offers:
 *
 * Returns: (transfer none): the ids of the "support_offer" enumeration,
 *   each of which has a status field and a notes field on a stay
 */
const char * const *
lyg_stay_list_support_offers (void)
{
  return support_offers;
}

char *
lyg_stay_support_field (const char *offer)
{
  g_return_val_if_fail (offer != NULL, NULL);

  return g_strconcat ("support_", offer, NULL);
}

char *
lyg_stay_support_notes_field (const char *offer)
{
  g_return_val_if_fail (offer != NULL, NULL);

  return g_strconcat ("support_", offer, "_notes", NULL);
}

static int
outcome_index (const char *outcome)
{
  guint n_values = 0;
  const LygEnumValue *values = lyg_schema_enum_values ("stay_outcome", &n_values);

  for (guint i = 0; outcome != NULL && i < n_values && i < LYG_STAY_N_OUTCOMES; i++)
    if (g_str_equal (values[i].id, outcome))
      return (int) i;

  return -1;
}

/**
 * lyg_stay_summarize:
 * @stays: (element-type LygRecord): stay records
 * @from: the first day of the period summarised
 * @to: its last day
 * @summary: (out): the summary
 *
 * Summarises the stays that overlap @from … @to (arrived on or before @to
 * and not departed before @from). The average length is over the stays
 * among them that have ended: days from arrival to departure. Outcomes are
 * counted for those ended stays, in the order of the "stay_outcome"
 * enumeration. Stays without an arrival date are left out.
 */
void
lyg_stay_summarize (GPtrArray      *stays,
                    const GDate    *from,
                    const GDate    *to,
                    LygStaySummary *summary)
{
  g_return_if_fail (stays != NULL);
  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (to != NULL && g_date_valid (to));
  g_return_if_fail (summary != NULL);

  memset (summary, 0, sizeof *summary);

  for (guint i = 0; i < stays->len; i++)
    {
      LygRecord *stay = g_ptr_array_index (stays, i);
      GDate arrival, departure;
      gboolean departed;
      int index;

      if (lyg_record_is_deleted (stay) ||
          !lyg_stay_parse_date (lyg_record_get_string (stay, "arrival"), &arrival))
        continue;

      departed = lyg_stay_parse_date (lyg_record_get_string (stay, "departure"), &departure);

      if (g_date_compare (&arrival, to) > 0 ||
          (departed && g_date_compare (&departure, from) < 0))
        continue;

      summary->n_stays++;
      if (!departed)
        {
          summary->n_current++;
          continue;
        }

      summary->n_completed++;
      /* A departure typed before the arrival counts as a stay of 0 days
       * rather than making the total negative. */
      summary->total_days += (guint) MAX (0, g_date_days_between (&arrival, &departure));

      index = outcome_index (lyg_record_get_string (stay, "outcome"));
      if (index >= 0)
        summary->n_by_outcome[index]++;
      else
        summary->n_without_outcome++;
    }

  if (summary->n_completed > 0)
    summary->average_days = (double) summary->total_days / summary->n_completed;
}

/**
 * lyg_stay_summary_get_outcome:
 * @summary: a summary
 * @outcome: an id of the "stay_outcome" enumeration
 *
 * Returns: how many ended stays had @outcome
 */
guint
lyg_stay_summary_get_outcome (const LygStaySummary *summary,
                              const char           *outcome)
{
  int index;

  g_return_val_if_fail (summary != NULL, 0);

  index = outcome_index (outcome);

  return index >= 0 ? summary->n_by_outcome[index] : 0;
}

static void
append_label (GString    *s,
              const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  if (s->len > 0)
    g_string_append (s, " · ");
  g_string_append (s, text);
}

/* The title and subtitle of stays and handover notes in lists and search
 * (called by lyg-index.c). Labels follow the locale at unlock, so they
 * hold dates, not "days left", which would go stale. */
gboolean
_lyg_stay_describe (LygRecord  *record,
                    GString    *title,
                    GString    *subtitle,
                    char      **date)
{
  const char *type = lyg_record_get_record_type (record);

  if (g_str_equal (type, "stay"))
    {
      const char *outcome = lyg_record_get_string (record, "outcome");
      const char *arrival = lyg_record_get_string (record, "arrival");
      GDate last_day;

      append_label (title, lyg_schema_enum_label ("stay_place",
                                                  lyg_record_get_string (record, "place")));
      append_label (title, lyg_record_get_string (record, "shelter"));
      if (title->len == 0)
        g_string_append (title, _("Stay"));

      if (!lyg_stay_is_current (record))
        {
          append_label (subtitle, _("Departed"));
          append_label (subtitle, lyg_schema_enum_label ("stay_outcome", outcome));
        }
      else if (lyg_stay_get_period (record, NULL, NULL, &last_day))
        {
          g_autofree char *end = lyg_stay_format_date (&last_day);
          g_autofree char *text = NULL;

          /* Translators: the last day of the reflection period, YYYY-MM-DD */
          text = g_strdup_printf (_("Period until %s"), end);
          append_label (subtitle, text);
        }

      if (arrival != NULL)
        *date = g_strndup (arrival, 10);

      return TRUE;
    }

  if (g_str_equal (type, "handover"))
    {
      const char *text = lyg_record_get_string (record, "text");
      const char *when = lyg_record_get_string (record, "when");

      if (text != NULL)
        {
          const char *newline = strchr (text, '\n');
          gsize length = newline ? (gsize) (newline - text) : strlen (text);
          g_autofree char *line = g_strndup (text, length);

          /* Only the first line, cut at a character boundary. */
          if (g_utf8_strlen (line, -1) > 80)
            {
              g_autofree char *cut = g_utf8_substring (line, 0, 79);
              g_string_append_printf (title, "%s…", cut);
            }
          else
            g_string_append (title, line);
        }
      if (title->len == 0)
        g_string_append (title, _("Handover note"));
      append_label (subtitle, _("Handover note"));

      if (when != NULL)
        *date = g_strndup (when, 10);

      return TRUE;
    }

  return FALSE;
}
