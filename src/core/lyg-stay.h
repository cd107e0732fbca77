/* lyg-stay.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-vault.h"

G_BEGIN_DECLS

/* Shelter stays (domain.md §1a): the reflection and restitution period and
 * its deadlines, handover notes, the follow-ups made for deadlines, and a
 * summary for statistics. All date arithmetic is on calendar dates
 * (GDate), never on seconds, so month ends, leap days and daylight-saving
 * changes cannot shift a deadline.
 */

#define LYG_STAY_ERROR (lyg_stay_error_quark ())

typedef enum
{
  LYG_STAY_ERROR_NO_PERIOD,
  LYG_STAY_ERROR_TOO_LONG,
  LYG_STAY_ERROR_INVALID,
} LygStayError;

/* The period is 30 days and can be extended to 120 days in total. */
#define LYG_STAY_PERIOD_DAYS     30
#define LYG_STAY_PERIOD_MAX_DAYS 120
/* A period ending within this many days is "ending soon". */
#define LYG_STAY_WARNING_DAYS    7
/* Values of the "stay_outcome" enumeration, in schema order. */
#define LYG_STAY_N_OUTCOMES      4

/* In the order a shelter wants to see residents: most urgent first. */
typedef enum
{
  LYG_STAY_URGENCY_ENDED,       /* the period is over, the person still here */
  LYG_STAY_URGENCY_ENDING,      /* ends within LYG_STAY_WARNING_DAYS */
  LYG_STAY_URGENCY_RUNNING,
  LYG_STAY_URGENCY_NO_PERIOD,   /* no period granted (yet) */
  LYG_STAY_URGENCY_DEPARTED,
} LygStayUrgency;

typedef struct
{
  guint   n_stays;              /* stays that overlap the period */
  guint   n_current;            /* of those, not departed */
  guint   n_completed;          /* of those, with a departure date */
  guint   total_days;           /* of the completed stays, arrival to departure */
  double  average_days;         /* total_days / n_completed, 0 without any */
  guint   n_by_outcome[LYG_STAY_N_OUTCOMES];
  guint   n_without_outcome;    /* completed stays with no outcome recorded */
} LygStaySummary;

GQuark              lyg_stay_error_quark          (void);

gboolean            lyg_stay_parse_date           (const char       *text,
                                                   GDate            *date);
char               *lyg_stay_format_date          (const GDate      *date);
void                lyg_stay_date_from_datetime   (GDateTime        *datetime,
                                                   GDate            *date);
void                lyg_stay_today                (GDate            *date);
void                lyg_stay_period_last_day      (const GDate      *start,
                                                   guint             days,
                                                   GDate            *last_day);
int                 lyg_stay_days_left            (const GDate      *last_day,
                                                   const GDate      *today);
gboolean            lyg_stay_check_extension      (guint             current_days,
                                                   guint             extra_days,
                                                   GError          **error);

gboolean            lyg_stay_get_period           (LygRecord        *stay,
                                                   GDate            *start,
                                                   guint            *days,
                                                   GDate            *last_day);
gboolean            lyg_stay_start_period         (LygRecord        *stay,
                                                   const GDate      *start,
                                                   GError          **error);
gboolean            lyg_stay_extend               (LygRecord        *stay,
                                                   guint             extra_days,
                                                   const char       *reason,
                                                   GError          **error);
gboolean            lyg_stay_is_current           (LygRecord        *stay);
LygStayUrgency      lyg_stay_get_urgency          (LygRecord        *stay,
                                                   const GDate      *today,
                                                   int              *days_left);
int                 lyg_stay_compare_urgency      (LygRecord        *a,
                                                   LygRecord        *b,
                                                   const GDate      *today);

const char * const *lyg_stay_list_support_offers  (void);
char               *lyg_stay_support_field        (const char       *offer);
char               *lyg_stay_support_notes_field  (const char       *offer);

char               *lyg_stay_deadline_followup_id (const char       *stay_id,
                                                   const GDate      *last_day);
gboolean            lyg_stay_close_followups      (LygVault         *vault,
                                                   const char       *stay_id,
                                                   const GDate      *start,
                                                   guint            *n_changed,
                                                   GError          **error);
gboolean            lyg_stay_ensure_followups     (LygVault         *vault,
                                                   LygRecord        *stay,
                                                   const GDate      *today,
                                                   guint            *n_changed,
                                                   GError          **error);

GPtrArray          *lyg_stay_list                 (LygVault         *vault,
                                                   GError          **error);
LygRecord          *lyg_stay_new_handover         (const char       *stay_id,
                                                   const char       *text,
                                                   GDateTime        *when);
GPtrArray          *lyg_stay_list_handovers       (LygVault         *vault,
                                                   const char       *stay_id,
                                                   GError          **error);

void                lyg_stay_summarize            (GPtrArray        *stays,
                                                   const GDate      *from,
                                                   const GDate      *to,
                                                   LygStaySummary   *summary);
guint               lyg_stay_summary_get_outcome  (const LygStaySummary *summary,
                                                   const char       *outcome);

gboolean            _lyg_stay_describe            (LygRecord        *record,
                                                   GString          *title,
                                                   GString          *subtitle,
                                                   char            **date);

G_END_DECLS
