/* lyg-stats-fact.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-record.h"

G_BEGIN_DECLS

/* What statistics need of one record, taken when the record is indexed so
 * that a year of statistics never decrypts a record again. Only enum ids,
 * a country code and a head count: nothing free-text. */
typedef struct
{
  char   *setting;       /* encounter */
  char   *outcome;       /* screening result or referral outcome */
  char   *target;        /* referral */
  char   *sex;           /* person */
  char   *age_band;      /* person */
  char   *nationality;   /* person, trimmed and upper-cased */
  char   *exploitation;  /* person: form ids joined by ',' */
  gint64  head_count;    /* anonymous encounter, -1 when not set */
} LygStatsFact;

/* One row of what lyg_index_foreach_stats_row() walks: an encounter,
 * screening or referral dated in the range, and what is known of the
 * person it is about (all NULL when it has none, or the person record is
 * gone). Strings belong to the index and are valid during the call. */
typedef struct
{
  const char *type;
  const char *date;         /* YYYY-MM-DD */
  const char *person;       /* id of an existing person record, or NULL */
  const char *setting;
  const char *outcome;
  const char *target;
  gint64      head_count;
  const char *sex;
  const char *age_band;
  const char *nationality;
  const char *exploitation;
  gboolean    linked;       /* names a person, even one that is gone */
} LygStatsRow;

typedef void (*LygStatsRowFunc) (const LygStatsRow *row,
                                 gpointer           user_data);

void lyg_stats_fact_init  (LygStatsFact *fact,
                           LygRecord    *record);
void lyg_stats_fact_clear (LygStatsFact *fact);

G_END_DECLS
