/* lyg-stats-fact.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-stats"

#include "config.h"

#include <string.h>

#include "lyg-stats-fact.h"

static char *
dup_field (LygRecord  *record,
           const char *field)
{
  const char *value = lyg_record_get_string (record, field);

  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

/* "ro ", "Ro" and "RO" are one nationality in a table. */
static char *
dup_code (LygRecord  *record,
          const char *field)
{
  const char *value = lyg_record_get_string (record, field);
  g_autofree char *stripped = NULL;

  if (value == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (value));
  if (*stripped == '\0')
    return NULL;

  return g_utf8_strup (stripped, -1);
}

static char *
dup_joined (LygRecord  *record,
            const char *field)
{
  g_auto(GStrv) values = lyg_record_dup_strv (record, field);

  if (values == NULL || values[0] == NULL)
    return NULL;

  return g_strjoinv (",", values);
}

/**
 * lyg_stats_fact_init:
 * @fact: (out caller-allocates): the fact to fill
 * @record: a live record
 *
 * Takes what statistics count from @record. Clear with
 * lyg_stats_fact_clear().
 */
void
lyg_stats_fact_init (LygStatsFact *fact,
                     LygRecord    *record)
{
  const char *type;

  g_return_if_fail (fact != NULL);
  g_return_if_fail (LYG_IS_RECORD (record));

  memset (fact, 0, sizeof *fact);
  fact->head_count = -1;

  type = lyg_record_get_record_type (record);
  if (g_strcmp0 (type, "person") == 0)
    {
      fact->sex = dup_field (record, "sex");
      fact->age_band = dup_field (record, "age_band");
      fact->nationality = dup_code (record, "nationality");
      fact->exploitation = dup_joined (record, "exploitation");
    }
  else if (g_strcmp0 (type, "encounter") == 0)
    {
      fact->setting = dup_field (record, "setting");
      fact->head_count = lyg_record_get_int (record, "head_count", -1);
    }
  else if (g_strcmp0 (type, "screening") == 0)
    {
      JsonNode *result = lyg_record_get_value (record, "result");

      if (result != NULL && JSON_NODE_HOLDS_OBJECT (result))
        fact->outcome = g_strdup (json_object_get_string_member_with_default (
                                    json_node_get_object (result), "outcome", NULL));
    }
  else if (g_strcmp0 (type, "referral") == 0)
    {
      fact->target = dup_field (record, "target");
      fact->outcome = dup_field (record, "outcome");
    }
}

void
lyg_stats_fact_clear (LygStatsFact *fact)
{
  g_return_if_fail (fact != NULL);

  g_clear_pointer (&fact->setting, g_free);
  g_clear_pointer (&fact->outcome, g_free);
  g_clear_pointer (&fact->target, g_free);
  g_clear_pointer (&fact->sex, g_free);
  g_clear_pointer (&fact->age_band, g_free);
  g_clear_pointer (&fact->nationality, g_free);
  g_clear_pointer (&fact->exploitation, g_free);
}
