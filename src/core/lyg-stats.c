/* lyg-stats.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-stats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lyg-schema.h"
#include "lyg-stats.h"

#define NOT_RECORDED "not_recorded"
#define SEVERAL      "several"

static const struct
{
  const char *id;
  const char *title;
  const char *enum_name;   /* categories, or NULL */
  const char *missing;     /* category of records without a value */
} kinds[LYG_STATS_N_BREAKDOWNS] = {
  [LYG_STATS_SUMMARY] = { "summary", N_("Summary"), NULL, NULL },
  [LYG_STATS_ENCOUNTERS_BY_SETTING] =
    { "encounters_by_setting", N_("Encounters by setting"), "setting", NOT_RECORDED },
  [LYG_STATS_PEOPLE_BY_SEX] =
    { "people_by_sex", N_("People reached by sex"), "sex", NOT_RECORDED },
  [LYG_STATS_PEOPLE_BY_AGE_BAND] =
    { "people_by_age_band", N_("People reached by age band"), "age_band", "unknown" },
  [LYG_STATS_PEOPLE_BY_NATIONALITY] =
    { "people_by_nationality", N_("People reached by nationality"), NULL, "unknown" },
  [LYG_STATS_PEOPLE_BY_EXPLOITATION] =
    { "people_by_exploitation", N_("People reached by form of exploitation"), "exploitation",
      NOT_RECORDED },
  [LYG_STATS_SCREENINGS_BY_OUTCOME] =
    { "screenings_by_outcome", N_("Screenings by outcome"), NULL, NOT_RECORDED },
  [LYG_STATS_REFERRALS_BY_TARGET] =
    { "referrals_by_target", N_("Referrals by target"), "referral_target", NOT_RECORDED },
  [LYG_STATS_REFERRALS_BY_OUTCOME] =
    { "referrals_by_outcome", N_("Referrals by outcome"), "referral_outcome", NOT_RECORDED },
};

static const struct
{
  const char    *id;
  const char    *label;
  LygStatsKind   breakdown;  /* whose total it is, or the summary */
} figures[LYG_STATS_N_FIGURES] = {
  [LYG_STATS_ENCOUNTERS] = { "encounters", N_("Encounters"), LYG_STATS_ENCOUNTERS_BY_SETTING },
  [LYG_STATS_ANONYMOUS_CONTACTS] =
    { "anonymous_contacts", N_("Anonymous contacts"), LYG_STATS_SUMMARY },
  [LYG_STATS_PEOPLE_REACHED] =
    { "people_reached", N_("People reached"), LYG_STATS_PEOPLE_BY_SEX },
  [LYG_STATS_SCREENINGS] = { "screenings", N_("Screenings"), LYG_STATS_SCREENINGS_BY_OUTCOME },
  [LYG_STATS_REFERRALS] = { "referrals", N_("Referrals"), LYG_STATS_REFERRALS_BY_TARGET },
};

/* Short names of screening outcomes (lyg-screening-result.c has the long
 * sentences a screening page shows). */
static const LygEnumValue outcome_values[] = {
  { "probable", N_("Probable victim") },
  { "possible", N_("Possible trafficking") },
  { "no_indication", N_("No indication so far") },
  { "indicators_present", N_("Indicators present") },
  { "none_so_far", N_("No indicators so far") },
  { NULL, NULL },
};

/* Calendar periods */

static guint
span_months (LygStatsSpan span)
{
  switch (span)
    {
    case LYG_STATS_MONTH:
      return 1;
    case LYG_STATS_QUARTER:
      return 3;
    case LYG_STATS_YEAR:
      return 12;
    case LYG_STATS_CUSTOM:
    default:
      return 0;
    }
}

/**
 * lyg_stats_period_containing:
 * @day: a valid day
 * @from: (out): the first day of the month, quarter or year of @day
 * @to: (out): the first day after it
 *
 * A custom span gives the single day @day.
 */
void
lyg_stats_period_containing (LygStatsSpan  span,
                             const GDate  *day,
                             GDate        *from,
                             GDate        *to)
{
  guint months = span_months (span);
  GDate d;
  GDateMonth month;

  g_return_if_fail (day != NULL && g_date_valid (day));
  g_return_if_fail (from != NULL && to != NULL);

  /* @day may be @from. */
  d = *day;
  if (months == 0)
    {
      *from = d;
      *to = d;
      g_date_add_days (to, 1);
      return;
    }

  month = g_date_get_month (&d);
  month = (GDateMonth) (((month - 1) / months) * months + 1);
  g_date_clear (from, 1);
  g_date_set_dmy (from, 1, month, g_date_get_year (&d));
  *to = *from;
  g_date_add_months (to, months);
}

/**
 * lyg_stats_period_step:
 *
 * Moves [@from, @to) by @steps periods: calendar units for a month,
 * quarter or year, the period's own length for a custom span.
 */
void
lyg_stats_period_step (LygStatsSpan  span,
                       GDate        *from,
                       GDate        *to,
                       int           steps)
{
  guint months = span_months (span);

  g_return_if_fail (from != NULL && to != NULL);
  g_return_if_fail (g_date_valid (from) && g_date_valid (to));

  if (months == 0)
    {
      int days = g_date_days_between (from, to);

      if (steps >= 0)
        {
          g_date_add_days (from, days * steps);
          g_date_add_days (to, days * steps);
        }
      else
        {
          g_date_subtract_days (from, days * -steps);
          g_date_subtract_days (to, days * -steps);
        }
      return;
    }

  if (steps >= 0)
    g_date_add_months (from, months * steps);
  else
    g_date_subtract_months (from, months * -steps);
  *to = *from;
  g_date_add_months (to, months);
}

/**
 * lyg_stats_period_before:
 *
 * The period compared with [@from, @to): the month, quarter or year
 * before, or as many days just before a custom period.
 */
void
lyg_stats_period_before (LygStatsSpan  span,
                         const GDate  *from,
                         const GDate  *to,
                         GDate        *before_from,
                         GDate        *before_to)
{
  g_return_if_fail (from != NULL && to != NULL);
  g_return_if_fail (before_from != NULL && before_to != NULL);

  *before_from = *from;
  *before_to = *to;
  lyg_stats_period_step (span, before_from, before_to, -1);
  /* Calendar months differ in length; the compared period ends where this
   * one starts either way. */
  *before_to = *from;
}

static void set_total_figures (LygStats *stats);

/* Breakdowns */

static void
cell_free (LygStatsCell *cell)
{
  g_free (cell->id);
  g_free (cell->label);
  g_free (cell);
}

LygStatsCell *
lyg_stats_breakdown_add (LygStatsBreakdown *breakdown,
                         const char        *id,
                         const char        *label)
{
  LygStatsCell *cell;

  g_return_val_if_fail (breakdown != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  cell = g_new0 (LygStatsCell, 1);
  cell->id = g_strdup (id);
  cell->label = g_strdup (label ? label : id);
  g_ptr_array_add (breakdown->cells, cell);

  return cell;
}

LygStatsCell *
lyg_stats_breakdown_find (LygStatsBreakdown *breakdown,
                          const char        *id)
{
  g_return_val_if_fail (breakdown != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < breakdown->cells->len; i++)
    {
      LygStatsCell *cell = g_ptr_array_index (breakdown->cells, i);

      if (g_str_equal (cell->id, id))
        return cell;
    }

  return NULL;
}

static const char *
missing_label (const char *id)
{
  if (g_strcmp0 (id, "unknown") == 0)
    return _("Unknown");

  return _("Not recorded");
}

static LygStatsBreakdown *
breakdown_new (LygStatsKind kind)
{
  LygStatsBreakdown *b = g_new0 (LygStatsBreakdown, 1);
  const LygEnumValue *values = NULL;

  b->kind = kind;
  b->id = kinds[kind].id;
  b->title = _(kinds[kind].title);
  b->additive = kind != LYG_STATS_SUMMARY;
  b->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cell_free);

  if (kind == LYG_STATS_SUMMARY)
    {
      for (guint i = 0; i < LYG_STATS_N_FIGURES; i++)
        lyg_stats_breakdown_add (b, figures[i].id, _(figures[i].label));
      return b;
    }

  if (kinds[kind].enum_name != NULL)
    values = lyg_schema_enum_values (kinds[kind].enum_name, NULL);
  else if (kind == LYG_STATS_SCREENINGS_BY_OUTCOME)
    values = outcome_values;

  for (guint i = 0; values != NULL && values[i].id != NULL; i++)
    lyg_stats_breakdown_add (b, values[i].id, g_dgettext (GETTEXT_PACKAGE, values[i].label));

  if (kind == LYG_STATS_PEOPLE_BY_EXPLOITATION)
    lyg_stats_breakdown_add (b, SEVERAL, _("Several forms"));

  /* Nationalities are added as they are met; "unknown" goes last then. */
  if (kind != LYG_STATS_PEOPLE_BY_NATIONALITY &&
      lyg_stats_breakdown_find (b, kinds[kind].missing) == NULL)
    lyg_stats_breakdown_add (b, kinds[kind].missing, missing_label (kinds[kind].missing));

  return b;
}

static void
breakdown_free (LygStatsBreakdown *b)
{
  if (b == NULL)
    return;

  g_ptr_array_unref (b->cells);
  g_free (b);
}

/**
 * lyg_stats_new:
 * @from: first day of the period
 * @to: day after its last day
 *
 * Empty statistics for [@from, @to) and the period before it (see
 * lyg_stats_period_before()), every category at zero.
 */
LygStats *
lyg_stats_new (LygStatsSpan  span,
               const GDate  *from,
               const GDate  *to)
{
  LygStats *self;

  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (g_date_compare (from, to) < 0, NULL);

  self = g_new0 (LygStats, 1);
  self->from[LYG_STATS_CURRENT] = *from;
  self->to[LYG_STATS_CURRENT] = *to;
  lyg_stats_period_before (span, from, to,
                           &self->from[LYG_STATS_PREVIOUS], &self->to[LYG_STATS_PREVIOUS]);

  for (guint i = 0; i < LYG_STATS_N_BREAKDOWNS; i++)
    self->breakdowns[i] = breakdown_new (i);
  set_total_figures (self);

  return self;
}

void
lyg_stats_free (LygStats *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < LYG_STATS_N_BREAKDOWNS; i++)
    breakdown_free (self->breakdowns[i]);
  g_free (self);
}

LygStatsBreakdown *
lyg_stats_get_breakdown (LygStats     *self,
                         LygStatsKind  kind)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (kind < LYG_STATS_N_BREAKDOWNS, NULL);

  return self->breakdowns[kind];
}

guint
lyg_stats_get_figure (LygStats       *self,
                      LygStatsFigure  figure,
                      LygStatsPeriod  period)
{
  LygStatsCell *cell;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (figure < LYG_STATS_N_FIGURES, 0);
  g_return_val_if_fail (period < LYG_STATS_N_PERIODS, 0);

  cell = g_ptr_array_index (self->breakdowns[LYG_STATS_SUMMARY]->cells, figure);

  return cell->counts[period];
}

/**
 * lyg_stats_format_period:
 *
 * Returns: "2026-01-01 – 2026-03-31" for [@from, @to): the last day
 *   is shown, as people read a period.
 */
char *
lyg_stats_format_period (const GDate *from,
                         const GDate *to)
{
  GDate last;
  char a[16], b[16];

  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  last = *to;
  g_date_subtract_days (&last, 1);
  g_date_strftime (a, sizeof a, "%Y-%m-%d", from);
  g_date_strftime (b, sizeof b, "%Y-%m-%d", &last);

  return g_strdup_printf ("%s – %s", a, b);
}

/* Counting */

typedef struct
{
  char   *sex;
  char   *age_band;
  char   *nationality;
  char   *exploitation;
  guint   periods;      /* bit per LygStatsPeriod it was reached in */
} Person;

static void
person_free (Person *p)
{
  g_free (p->sex);
  g_free (p->age_band);
  g_free (p->nationality);
  g_free (p->exploitation);
  g_free (p);
}

typedef struct
{
  LygStats   *stats;
  char        boundary[11];   /* first day of the current period */
  GHashTable *people;         /* id → Person */
  /* id → LygStatsCell of each breakdown, so a row costs hash lookups */
  GHashTable *lookup[LYG_STATS_N_BREAKDOWNS];
} Count;

static LygStatsCell *
cell_for (Count        *count,
          LygStatsKind  kind,
          const char   *id)
{
  LygStatsBreakdown *b = count->stats->breakdowns[kind];
  LygStatsCell *cell;

  if (id == NULL || *id == '\0')
    id = kinds[kind].missing;

  cell = g_hash_table_lookup (count->lookup[kind], id);
  if (cell == NULL)
    {
      /* A value this version does not know (a newer device's enum) or a
       * nationality: a category of its own, named by its id. */
      cell = lyg_stats_breakdown_find (b, id);
      if (cell == NULL)
        cell = lyg_stats_breakdown_add (b, id,
                                        g_strcmp0 (id, kinds[kind].missing) == 0
                                        ? missing_label (id) : id);
      g_hash_table_insert (count->lookup[kind], cell->id, cell);
    }

  return cell;
}

static void
add (Count          *count,
     LygStatsKind    kind,
     const char     *id,
     LygStatsPeriod  period,
     guint           n)
{
  cell_for (count, kind, id)->counts[period] += n;
}

static LygStatsCell *
figure_cell (LygStats       *stats,
             LygStatsFigure  figure)
{
  return g_ptr_array_index (stats->breakdowns[LYG_STATS_SUMMARY]->cells, figure);
}

static void
count_row_cb (const LygStatsRow *row,
              gpointer           user_data)
{
  Count *count = user_data;
  LygStatsPeriod period;
  const char *type = row->type;

  if (row->date == NULL)
    return;
  period = strcmp (row->date, count->boundary) >= 0 ? LYG_STATS_CURRENT : LYG_STATS_PREVIOUS;

  if (g_str_equal (type, "encounter"))
    {
      figure_cell (count->stats, LYG_STATS_ENCOUNTERS)->counts[period]++;
      add (count, LYG_STATS_ENCOUNTERS_BY_SETTING, row->setting, period, 1);
      /* A head count belongs to an encounter with people who stay
       * anonymous; one with nobody recorded met at least one person. */
      if (!row->linked)
        figure_cell (count->stats, LYG_STATS_ANONYMOUS_CONTACTS)->counts[period] +=
          row->head_count >= 0 ? (guint) MIN (row->head_count, G_MAXINT) : 1;
    }
  else if (g_str_equal (type, "screening"))
    {
      figure_cell (count->stats, LYG_STATS_SCREENINGS)->counts[period]++;
      add (count, LYG_STATS_SCREENINGS_BY_OUTCOME, row->outcome, period, 1);
    }
  else if (g_str_equal (type, "referral"))
    {
      figure_cell (count->stats, LYG_STATS_REFERRALS)->counts[period]++;
      add (count, LYG_STATS_REFERRALS_BY_TARGET, row->target, period, 1);
      add (count, LYG_STATS_REFERRALS_BY_OUTCOME, row->outcome, period, 1);
    }

  if (row->person != NULL)
    {
      Person *p = g_hash_table_lookup (count->people, row->person);

      if (p == NULL)
        {
          p = g_new0 (Person, 1);
          p->sex = g_strdup (row->sex);
          p->age_band = g_strdup (row->age_band);
          p->nationality = g_strdup (row->nationality);
          p->exploitation = g_strdup (row->exploitation);
          g_hash_table_insert (count->people, g_strdup (row->person), p);
        }
      p->periods |= 1u << period;
    }
}

static const char *
exploitation_category (const char *forms)
{
  if (forms == NULL || *forms == '\0')
    return NULL;
  if (strchr (forms, ',') != NULL)
    return SEVERAL;

  return forms;
}

static void
count_people (Count *count)
{
  GHashTableIter iter;
  Person *p;

  g_hash_table_iter_init (&iter, count->people);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &p))
    {
      for (guint period = 0; period < LYG_STATS_N_PERIODS; period++)
        {
          if (!(p->periods & (1u << period)))
            continue;

          figure_cell (count->stats, LYG_STATS_PEOPLE_REACHED)->counts[period]++;
          add (count, LYG_STATS_PEOPLE_BY_SEX, p->sex, period, 1);
          add (count, LYG_STATS_PEOPLE_BY_AGE_BAND, p->age_band, period, 1);
          add (count, LYG_STATS_PEOPLE_BY_NATIONALITY, p->nationality, period, 1);
          add (count, LYG_STATS_PEOPLE_BY_EXPLOITATION,
               exploitation_category (p->exploitation), period, 1);
        }
    }
}

/* Most frequent first, as a funder reads the table; "unknown" last. */
static int
compare_nationalities (gconstpointer a,
                       gconstpointer b)
{
  const LygStatsCell *x = *(LygStatsCell * const *) a;
  const LygStatsCell *y = *(LygStatsCell * const *) b;
  gboolean xu = g_str_equal (x->id, "unknown");
  gboolean yu = g_str_equal (y->id, "unknown");

  if (xu != yu)
    return xu - yu;
  if (x->counts[0] != y->counts[0])
    return x->counts[0] < y->counts[0] ? 1 : -1;
  if (x->counts[1] != y->counts[1])
    return x->counts[1] < y->counts[1] ? 1 : -1;

  return strcmp (x->id, y->id);
}

/**
 * lyg_stats_update_totals:
 *
 * Sets the total of every breakdown to the sum of its cells.
 */
void
lyg_stats_update_totals (LygStats *stats)
{
  g_return_if_fail (stats != NULL);

  for (guint k = LYG_STATS_SUMMARY + 1; k < LYG_STATS_N_BREAKDOWNS; k++)
    {
      LygStatsBreakdown *b = stats->breakdowns[k];

      for (guint p = 0; p < LYG_STATS_N_PERIODS; p++)
        {
          b->totals[p] = 0;
          for (guint i = 0; i < b->cells->len; i++)
            b->totals[p] += ((LygStatsCell *) g_ptr_array_index (b->cells, i))->counts[p];
        }
    }
}

static void
set_total_figures (LygStats *stats)
{
  static const struct { LygStatsKind kind; LygStatsFigure figure; } links[] = {
    { LYG_STATS_ENCOUNTERS_BY_SETTING, LYG_STATS_ENCOUNTERS },
    { LYG_STATS_PEOPLE_BY_SEX, LYG_STATS_PEOPLE_REACHED },
    { LYG_STATS_PEOPLE_BY_AGE_BAND, LYG_STATS_PEOPLE_REACHED },
    { LYG_STATS_PEOPLE_BY_NATIONALITY, LYG_STATS_PEOPLE_REACHED },
    { LYG_STATS_PEOPLE_BY_EXPLOITATION, LYG_STATS_PEOPLE_REACHED },
    { LYG_STATS_SCREENINGS_BY_OUTCOME, LYG_STATS_SCREENINGS },
    { LYG_STATS_REFERRALS_BY_TARGET, LYG_STATS_REFERRALS },
    { LYG_STATS_REFERRALS_BY_OUTCOME, LYG_STATS_REFERRALS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    stats->breakdowns[links[i].kind]->total_figure = links[i].figure;
}

/**
 * lyg_stats_compute:
 * @index: the unlocked vault's index
 * @from: first day of the period
 * @to: day after its last day
 *
 * Counts [@from, @to) and the period before it in one pass over the
 * index's statistics rows.
 *
 * Returns: (transfer full): the statistics, or %NULL with @error set
 */
LygStats *
lyg_stats_compute (LygIndex      *index,
                   LygStatsSpan   span,
                   const GDate   *from,
                   const GDate   *to,
                   GError       **error)
{
  g_autoptr(LygStats) stats = NULL;
  Count count = { 0 };
  char range_from[11], range_to[11];
  gboolean ok;

  g_return_val_if_fail (LYG_IS_INDEX (index), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stats = lyg_stats_new (span, from, to)))
    return NULL;

  count.stats = stats;
  g_date_strftime (count.boundary, sizeof count.boundary, "%Y-%m-%d", from);
  g_date_strftime (range_from, sizeof range_from, "%Y-%m-%d", &stats->from[LYG_STATS_PREVIOUS]);
  g_date_strftime (range_to, sizeof range_to, "%Y-%m-%d", to);
  count.people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) person_free);
  for (guint k = 0; k < LYG_STATS_N_BREAKDOWNS; k++)
    {
      LygStatsBreakdown *b = stats->breakdowns[k];

      count.lookup[k] = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < b->cells->len; i++)
        {
          LygStatsCell *cell = g_ptr_array_index (b->cells, i);
          g_hash_table_insert (count.lookup[k], cell->id, cell);
        }
    }

  ok = lyg_index_foreach_stats_row (index, range_from, range_to, count_row_cb, &count, error);
  if (ok)
    count_people (&count);

  g_hash_table_unref (count.people);
  for (guint k = 0; k < LYG_STATS_N_BREAKDOWNS; k++)
    g_hash_table_unref (count.lookup[k]);

  if (!ok)
    return NULL;

  g_ptr_array_sort (stats->breakdowns[LYG_STATS_PEOPLE_BY_NATIONALITY]->cells,
                    compare_nationalities);
  if (lyg_stats_breakdown_find (stats->breakdowns[LYG_STATS_PEOPLE_BY_NATIONALITY],
                                "unknown") == NULL)
    lyg_stats_breakdown_add (stats->breakdowns[LYG_STATS_PEOPLE_BY_NATIONALITY], "unknown",
                             missing_label ("unknown"));
  lyg_stats_update_totals (stats);

  return g_steal_pointer (&stats);
}
