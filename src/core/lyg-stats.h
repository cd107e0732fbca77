/* lyg-stats.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-index.h"

G_BEGIN_DECLS

/* Statistics for a period [from, to) and the period of equal length just
 * before it, computed from the decrypted index (DESIGN §10). Counts are
 * exact; lyg-stats-suppress.h decides what an export may show.
 *
 * What is counted:
 *  - encounters dated (by their "when") in the period, by setting;
 *  - anonymous contacts: the head counts of encounters without a person;
 *  - people reached: distinct registered people with an encounter,
 *    screening or referral in the period, by sex, age band, nationality
 *    and form of exploitation (one form, "several forms" or not
 *    recorded, so that every breakdown adds up to its total);
 *  - screenings by outcome, referrals by target and by outcome.
 * Deleted records are not in the index and so are never counted.
 */

typedef enum
{
  LYG_STATS_MONTH,
  LYG_STATS_QUARTER,
  LYG_STATS_YEAR,
  LYG_STATS_CUSTOM,
} LygStatsSpan;

typedef enum
{
  LYG_STATS_CURRENT,
  LYG_STATS_PREVIOUS,
  LYG_STATS_N_PERIODS
} LygStatsPeriod;

typedef enum
{
  LYG_STATS_SUMMARY,
  LYG_STATS_ENCOUNTERS_BY_SETTING,
  LYG_STATS_PEOPLE_BY_SEX,
  LYG_STATS_PEOPLE_BY_AGE_BAND,
  LYG_STATS_PEOPLE_BY_NATIONALITY,
  LYG_STATS_PEOPLE_BY_EXPLOITATION,
  LYG_STATS_SCREENINGS_BY_OUTCOME,
  LYG_STATS_REFERRALS_BY_TARGET,
  LYG_STATS_REFERRALS_BY_OUTCOME,
  LYG_STATS_N_BREAKDOWNS
} LygStatsKind;

/* Rows of the summary, in order. */
typedef enum
{
  LYG_STATS_ENCOUNTERS,
  LYG_STATS_ANONYMOUS_CONTACTS,
  LYG_STATS_PEOPLE_REACHED,
  LYG_STATS_SCREENINGS,
  LYG_STATS_REFERRALS,
  LYG_STATS_N_FIGURES
} LygStatsFigure;

/* How an export shows a count (lyg-stats-suppress.h). */
typedef enum
{
  LYG_STATS_SHOWN,
  LYG_STATS_SMALL,      /* between 1 and 4: "<5" */
  LYG_STATS_WITHHELD,   /* withheld so that small cells cannot be worked out: "x" */
} LygStatsMark;

typedef struct
{
  char         *id;                              /* enum id, country code, "not_recorded" … */
  char         *label;                           /* translated */
  guint         counts[LYG_STATS_N_PERIODS];
  LygStatsMark  marks[LYG_STATS_N_PERIODS];
} LygStatsCell;

typedef struct
{
  LygStatsKind  kind;
  const char   *id;                              /* stable, e.g. "people_by_sex" */
  const char   *title;                           /* translated */
  gboolean      additive;                        /* cells add up to the total */
  LygStatsFigure total_figure;                   /* the summary row that is the total */
  GPtrArray    *cells;                           /* (element-type LygStatsCell) */
  guint         totals[LYG_STATS_N_PERIODS];
  LygStatsMark  total_marks[LYG_STATS_N_PERIODS];
} LygStatsBreakdown;

typedef struct
{
  GDate              from[LYG_STATS_N_PERIODS];  /* first day */
  GDate              to[LYG_STATS_N_PERIODS];    /* day after the last */
  LygStatsBreakdown *breakdowns[LYG_STATS_N_BREAKDOWNS];
  gboolean           suppressed;                 /* marks are set */
} LygStats;

void                lyg_stats_period_containing (LygStatsSpan    span,
                                                 const GDate    *day,
                                                 GDate          *from,
                                                 GDate          *to);
void                lyg_stats_period_step       (LygStatsSpan    span,
                                                 GDate          *from,
                                                 GDate          *to,
                                                 int             steps);
void                lyg_stats_period_before     (LygStatsSpan    span,
                                                 const GDate    *from,
                                                 const GDate    *to,
                                                 GDate          *before_from,
                                                 GDate          *before_to);

LygStats           *lyg_stats_new               (LygStatsSpan    span,
                                                 const GDate    *from,
                                                 const GDate    *to);
LygStats           *lyg_stats_compute           (LygIndex       *index,
                                                 LygStatsSpan    span,
                                                 const GDate    *from,
                                                 const GDate    *to,
                                                 GError        **error);
void                lyg_stats_free              (LygStats       *self);
void                lyg_stats_update_totals     (LygStats       *self);

LygStatsBreakdown  *lyg_stats_get_breakdown     (LygStats       *self,
                                                 LygStatsKind    kind);
LygStatsCell       *lyg_stats_breakdown_find    (LygStatsBreakdown *breakdown,
                                                 const char        *id);
LygStatsCell       *lyg_stats_breakdown_add     (LygStatsBreakdown *breakdown,
                                                 const char        *id,
                                                 const char        *label);
guint               lyg_stats_get_figure        (LygStats       *self,
                                                 LygStatsFigure  figure,
                                                 LygStatsPeriod  period);
char               *lyg_stats_format_period     (const GDate    *from,
                                                 const GDate    *to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LygStats, lyg_stats_free)

G_END_DECLS
