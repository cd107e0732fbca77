/* lyg-schema.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-schema"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lyg-record.h"
#include "lyg-schema.h"

#define E(id, label) { id, label }
#define END_ENUM     { NULL, NULL }

/* Categories used by the EU and Danish statistics (domain.md §9). */
static const LygEnumValue sex_values[] = {
  E ("woman", N_("Woman")), E ("man", N_("Man")), E ("girl", N_("Girl")), E ("boy", N_("Boy")),
  E ("other", N_("Other")), E ("not_recorded", N_("Not recorded")), END_ENUM
};

static const LygEnumValue age_band_values[] = {
  E ("under_15", N_("Under 15")), E ("15_17", N_("15–17")), E ("18_24", N_("18–24")),
  E ("25_34", N_("25–34")), E ("35_44", N_("35–44")), E ("45_plus", N_("45 or older")),
  E ("unknown", N_("Unknown")), END_ENUM
};

static const LygEnumValue residence_values[] = {
  E ("danish_citizen", N_("Danish citizen")),
  E ("eu_citizen", N_("EU/EEA citizen")),
  E ("third_country_lawful", N_("Third-country national with lawful residence")),
  E ("asylum_seeker", N_("Asylum seeker")),
  E ("without_lawful_residence", N_("Without lawful residence")),
  E ("temporary_protection", N_("Temporary protection")),
  E ("expulsion_case", N_("In an expulsion case")),
  E ("unknown", N_("Unknown")), END_ENUM
};

static const LygEnumValue consent_values[] = {
  E ("not_asked", N_("Not asked")), E ("given", N_("Given")), E ("refused", N_("Refused")),
  E ("withdrawn", N_("Withdrawn")), END_ENUM
};

static const LygEnumValue contact_channel_values[] = {
  E ("in_person", N_("In person only")), E ("phone", N_("Phone")),
  E ("messaging", N_("Messaging app")), E ("email", N_("Email")),
  E ("via_ngo", N_("Through another organisation")), E ("none", N_("No way to reach")),
  END_ENUM
};

static const LygEnumValue person_status_values[] = {
  E ("active", N_("Active")), E ("lost_contact", N_("Lost contact")),
  E ("closed", N_("Closed")), END_ENUM
};

/* Danish Criminal Code § 262 a/b and the forms the seeds name (domain.md §2). */
static const LygEnumValue exploitation_values[] = {
  E ("sexual_prostitution", N_("Prostitution / sexual exploitation")),
  E ("sexual_material", N_("Recording of sexual material")),
  E ("sexual_performance", N_("Sexual performance")),
  E ("sexual_online", N_("Online sexual exploitation")),
  E ("forced_labour", N_("Forced labour or services")),
  E ("slavery", N_("Slavery or slavery-like conditions")),
  E ("domestic_servitude", N_("Domestic servitude")),
  E ("forced_criminality", N_("Forced criminality")),
  E ("forced_begging", N_("Forced begging")),
  E ("organ_removal", N_("Organ removal")),
  E ("forced_marriage", N_("Forced marriage")),
  E ("surrogacy", N_("Exploitation of surrogacy")),
  E ("illegal_adoption", N_("Illegal adoption")),
  E ("exploitation_262b", N_("Exploitation without coercion (§ 262 b)")),
  E ("other", N_("Other")),
  E ("unclear", N_("Unclear yet")), END_ENUM
};

static const LygEnumValue setting_values[] = {
  E ("street", N_("Street")), E ("escort", N_("Escort")),
  E ("massage_clinic", N_("Massage clinic")), E ("brothel", N_("Brothel")),
  E ("bar", N_("Bar")), E ("strip_club", N_("Strip club")),
  E ("private_flat", N_("Private flat")),
  E ("house_outside_town", N_("House outside town")),
  E ("online", N_("Online / ad platform")), E ("drop_in", N_("Drop-in centre")),
  E ("workplace", N_("Workplace")), E ("employer_housing", N_("Employer-provided housing")),
  E ("asylum_centre", N_("Asylum centre")), E ("prison", N_("Prison")),
  E ("police_custody", N_("Police custody")), E ("shelter", N_("Shelter")),
  E ("hotline", N_("Hotline / phone")), E ("other", N_("Other")), END_ENUM
};

static const LygEnumValue sector_values[] = {
  E ("agriculture", N_("Agriculture")), E ("construction", N_("Construction")),
  E ("cleaning", N_("Cleaning")), E ("restaurant", N_("Restaurant / catering")),
  E ("hotel", N_("Hotel")), E ("factory", N_("Factory")),
  E ("domestic_work", N_("Domestic work")), E ("care", N_("Care / health")),
  E ("textile", N_("Textile")), E ("fishing", N_("Fishing")),
  E ("transport", N_("Transport")), E ("other", N_("Other")), END_ENUM
};

static const LygEnumValue mode_values[] = {
  E ("outreach_visit", N_("Outreach visit")), E ("drop_in", N_("Drop-in")),
  E ("phone", N_("Phone")), E ("online", N_("Online / messaging")),
  E ("joint_action", N_("Joint action with authorities")),
  E ("accompaniment", N_("Accompaniment")), E ("shelter_session", N_("Shelter conversation")),
  END_ENUM
};

static const LygEnumValue service_values[] = {
  E ("information", N_("Information about rights and help")),
  E ("health", N_("Health care or referral")),
  E ("condoms", N_("Condoms and health material")),
  E ("legal_advice", N_("Legal advice")), E ("interpreter", N_("Interpreter")),
  E ("shelter", N_("Shelter place")), E ("psychosocial", N_("Psychosocial talk")),
  E ("practical_help", N_("Practical help (food, clothes)")),
  E ("family_contact", N_("Contact to family")),
  E ("return_programme", N_("Return programme")), END_ENUM
};

static const LygEnumValue referral_target_values[] = {
  E ("identification_centre", N_("National identification centre (CMM)")),
  E ("police", N_("Police")), E ("immigration_service", N_("Immigration service")),
  E ("health_service", N_("Health service")), E ("legal_aid", N_("Legal aid")),
  E ("shelter", N_("Shelter")), E ("municipality", N_("Municipality")),
  E ("other_ngo", N_("Other NGO")), E ("embassy", N_("Embassy")),
  E ("return_programme", N_("Assisted return and reintegration")),
  E ("labour_inspectorate", N_("Labour inspectorate / trade union")),
  E ("other", N_("Other")), END_ENUM
};

static const LygEnumValue referral_outcome_values[] = {
  E ("pending", N_("Pending")), E ("accepted", N_("Accepted")),
  E ("identified", N_("Identified as victim")), E ("not_identified", N_("Not identified")),
  E ("declined", N_("Declined")), END_ENUM
};

static const LygEnumValue consent_by_values[] = {
  E ("person", N_("The person")), E ("representative", N_("Personal representative")),
  END_ENUM
};

/* Shelter stays (issue 9; domain.md §1a). */
static const LygEnumValue stay_place_values[] = {
  E ("crisis_shelter", N_("Crisis shelter")),
  E ("asylum_centre_unit", N_("Asylum centre unit")),
  E ("other", N_("Other accommodation")), END_ENUM
};

static const LygEnumValue extension_reason_values[] = {
  E ("prepared_return", N_("Prepared return")),
  E ("testify", N_("To testify")),
  E ("pregnancy", N_("Pregnancy or imminent birth")),
  E ("treatment", N_("Mapping treatment options")),
  E ("other", N_("Other special reason")), END_ENUM
};

static const LygEnumValue stay_outcome_values[] = {
  E ("prepared_return", N_("Prepared return")),
  E ("stayed_in_denmark", N_("Stayed in Denmark")),
  E ("left_without_notice", N_("Left without notice")),
  E ("other", N_("Other")), END_ENUM
};

static const LygEnumValue support_status_values[] = {
  E ("planned", N_("Planned")), E ("under_way", N_("Under way")),
  E ("done", N_("Done")), E ("declined", N_("Declined")), END_ENUM
};

static const LygEnumValue support_offer_values[] = {
  E ("counselling", N_("Counselling")), E ("legal_aid", N_("Legal aid")),
  E ("interpreter", N_("Interpreter")), E ("health_care", N_("Health care")),
  E ("psychologist", N_("Psychologist")),
  E ("food_pocket_money", N_("Food and pocket money")),
  E ("family_contact", N_("Contact to family")),
  E ("prepared_return", N_("Prepared return and reintegration")), END_ENUM
};

static const struct
{
  const char         *name;
  const LygEnumValue *values;
} enums[] = {
  { "sex", sex_values },
  { "age_band", age_band_values },
  { "residence_status", residence_values },
  { "consent", consent_values },
  { "contact_channel", contact_channel_values },
  { "person_status", person_status_values },
  { "exploitation", exploitation_values },
  { "setting", setting_values },
  { "sector", sector_values },
  { "mode", mode_values },
  { "service", service_values },
  { "referral_target", referral_target_values },
  { "referral_outcome", referral_outcome_values },
  { "consent_by", consent_by_values },
  { "stay_place", stay_place_values },
  { "extension_reason", extension_reason_values },
  { "stay_outcome", stay_outcome_values },
  { "support_status", support_status_values },
  { "support_offer", support_offer_values },
};

#define F(name, kind, enum_name, label) { name, LYG_FIELD_##kind, enum_name, label }
#define END_FIELDS { NULL, 0, NULL, NULL }

static const LygFieldSpec person_fields[] = {
  F ("alias", TEXT, NULL, N_("Alias")),
  F ("sex", ENUM, "sex", N_("Sex")),
  F ("age_band", ENUM, "age_band", N_("Age band")),
  F ("birth_year", INT, NULL, N_("Estimated birth year")),
  F ("minor", BOOL, NULL, N_("Minor")),
  F ("age_disputed", BOOL, NULL, N_("Age disputed")),
  F ("nationality", STRING, NULL, N_("Nationality")),
  F ("languages", STRV, NULL, N_("Languages")),
  F ("interpreter_language", STRING, NULL, N_("Interpreter language")),
  F ("contact_channel", ENUM, "contact_channel", N_("Contact channel")),
  F ("residence_status", ENUM, "residence_status", N_("Residence status")),
  F ("consent_storage", ENUM, "consent", N_("Consent to store data")),
  F ("consent_referral", ENUM, "consent", N_("Consent to referral")),
  F ("exploitation", ENUM_SET, "exploitation", N_("Forms of exploitation")),
  F ("tags", STRV, NULL, N_("Tags")),
  F ("status", ENUM, "person_status", N_("Status")),
  F ("notes", TEXT, NULL, N_("Notes")),
  END_FIELDS
};

static const LygFieldSpec encounter_fields[] = {
  F ("when", DATETIME, NULL, N_("When")),
  F ("setting", ENUM, "setting", N_("Setting")),
  F ("sector", ENUM, "sector", N_("Sector")),
  F ("mode", ENUM, "mode", N_("Contact mode")),
  F ("area", TEXT, NULL, N_("Area")),
  F ("person", REF, NULL, N_("Person")),
  F ("head_count", INT, NULL, N_("Head count")),
  F ("workers", TEXT, NULL, N_("Workers present")),
  F ("language", STRING, NULL, N_("Language")),
  F ("interpreter", BOOL, NULL, N_("Interpreter used")),
  F ("services", ENUM_SET, "service", N_("Services offered")),
  F ("next_step", TEXT, NULL, N_("Next step")),
  F ("notes", TEXT, NULL, N_("Notes")),
  END_FIELDS
};

static const LygFieldSpec screening_fields[] = {
  F ("catalogue", STRING, NULL, N_("Catalogue")),
  F ("catalogue_version", INT, NULL, N_("Catalogue version")),
  F ("profile", STRING, NULL, N_("Profile")),
  F ("answers", OBJECT, NULL, N_("Answers")),
  F ("result", OBJECT, NULL, N_("Result")),
  F ("person", REF, NULL, N_("Person")),
  F ("encounter", REF, NULL, N_("Encounter")),
  F ("date", DATE, NULL, N_("Date")),
  F ("notes", TEXT, NULL, N_("Notes")),
  END_FIELDS
};

static const LygFieldSpec referral_fields[] = {
  F ("person", REF, NULL, N_("Person")),
  F ("target", ENUM, "referral_target", N_("Referred to")),
  F ("date", DATE, NULL, N_("Date")),
  F ("consent", BOOL, NULL, N_("Consent given")),
  F ("consent_by", ENUM, "consent_by", N_("Consent given by")),
  F ("outcome", ENUM, "referral_outcome", N_("Outcome")),
  F ("screening", REF, NULL, N_("Screening")),
  F ("notes", TEXT, NULL, N_("Notes")),
  END_FIELDS
};

static const LygFieldSpec followup_fields[] = {
  F ("person", REF, NULL, N_("Person")),
  F ("title", TEXT, NULL, N_("Task")),
  F ("due", DATE, NULL, N_("Due")),
  F ("done", BOOL, NULL, N_("Done")),
  F ("notes", TEXT, NULL, N_("Notes")),
  END_FIELDS
};

/* A stay: the period is derived from its start and length, never typed
 * (lyg-stay.c). The support plan is one status and one notes field per
 * offer, so edits of different offers on two devices both survive. */
#define SUPPORT(offer, label, notes_label) \
  F ("support_" offer, ENUM, "support_status", label), \
  F ("support_" offer "_notes", TEXT, NULL, notes_label)

static const LygFieldSpec stay_fields[] = {
  F ("person", REF, NULL, N_("Person")),
  F ("place", ENUM, "stay_place", N_("Accommodation")),
  F ("shelter", TEXT, NULL, N_("Shelter or unit")),
  F ("arrival", DATE, NULL, N_("Arrival")),
  F ("departure", DATE, NULL, N_("Departure")),
  F ("period_start", DATE, NULL, N_("Period start")),
  F ("period_days", INT, NULL, N_("Period length in days")),
  F ("extension_reason", ENUM, "extension_reason", N_("Reason for extension")),
  F ("contact_person", TEXT, NULL, N_("Contact person at the identification centre")),
  F ("interpreter_language", STRING, NULL, N_("Interpreter language")),
  F ("outcome", ENUM, "stay_outcome", N_("Outcome at departure")),
  F ("notes", TEXT, NULL, N_("Notes")),
  SUPPORT ("counselling", N_("Counselling"), N_("Notes on counselling")),
  SUPPORT ("legal_aid", N_("Legal aid"), N_("Notes on legal aid")),
  SUPPORT ("interpreter", N_("Interpreter"), N_("Notes on interpreter")),
  SUPPORT ("health_care", N_("Health care"), N_("Notes on health care")),
  SUPPORT ("psychologist", N_("Psychologist"), N_("Notes on psychologist")),
  SUPPORT ("food_pocket_money", N_("Food and pocket money"),
           N_("Notes on food and pocket money")),
  SUPPORT ("family_contact", N_("Contact to family"), N_("Notes on contact to family")),
  SUPPORT ("prepared_return", N_("Prepared return and reintegration"),
           N_("Notes on prepared return and reintegration")),
  END_FIELDS
};

#undef SUPPORT

/* A handover note is a record of its own, so notes written at the same
 * time on two devices are two records and both survive. */
static const LygFieldSpec handover_fields[] = {
  F ("stay", REF, NULL, N_("Stay")),
  F ("when", DATETIME, NULL, N_("When")),
  F ("text", TEXT, NULL, N_("Note")),
  END_FIELDS
};

static const LygTypeSpec types[] = {
  { "person", N_("Person"), "alias", person_fields },
  { "encounter", N_("Encounter"), "area", encounter_fields },
  { "screening", N_("Screening"), "catalogue", screening_fields },
  { "referral", N_("Referral"), "target", referral_fields },
  { "followup", N_("Follow-up"), "title", followup_fields },
  { "stay", N_("Stay"), "shelter", stay_fields },
  { "handover", N_("Handover note"), "text", handover_fields },
};

static const char * const type_names[] = {
  "person", "encounter", "screening", "referral", "followup", "stay", "handover", NULL
};

const char * const *
lyg_schema_list_types (void)
{
  return type_names;
}

const LygTypeSpec *
lyg_schema_lookup_type (const char *type)
{
  g_return_val_if_fail (type != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (types[i].name, type))
      return &types[i];

  return NULL;
}

const LygFieldSpec *
lyg_schema_lookup_field (const LygTypeSpec *type,
                         const char        *field)
{
  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (const LygFieldSpec *f = type->fields; f->name != NULL; f++)
    if (g_str_equal (f->name, field))
      return f;

  return NULL;
}

const LygEnumValue *
lyg_schema_enum_values (const char *enum_name,
                        guint      *n_values)
{
  g_return_val_if_fail (enum_name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    {
      if (g_str_equal (enums[i].name, enum_name))
        {
          if (n_values != NULL)
            {
              *n_values = 0;
              while (enums[i].values[*n_values].id != NULL)
                (*n_values)++;
            }
          return enums[i].values;
        }
    }

  if (n_values != NULL)
    *n_values = 0;

  return NULL;
}

gboolean
lyg_schema_enum_has (const char *enum_name,
                     const char *id)
{
  return lyg_schema_enum_label (enum_name, id) != NULL;
}

const char *
lyg_schema_enum_label (const char *enum_name,
                       const char *id)
{
  const LygEnumValue *values;

  g_return_val_if_fail (enum_name != NULL, NULL);

  if (id == NULL)
    return NULL;

  values = lyg_schema_enum_values (enum_name, NULL);
  for (guint i = 0; values != NULL && values[i].id != NULL; i++)
    if (g_str_equal (values[i].id, id))
      return g_dgettext (GETTEXT_PACKAGE, values[i].label);

  return NULL;
}

static gboolean
is_date (const char *s)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *full = NULL;

  if (strlen (s) != 10)
    return FALSE;

  full = g_strconcat (s, "T00:00:00Z", NULL);
  dt = g_date_time_new_from_iso8601 (full, NULL);

  return dt != NULL;
}

static gboolean
is_string_array (JsonNode   *value,
                 const char *enum_name)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (value))
    return FALSE;

  array = json_node_get_array (value);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) ||
          json_node_get_value_type (element) != G_TYPE_STRING)
        return FALSE;
      if (enum_name != NULL &&
          !lyg_schema_enum_has (enum_name, json_node_get_string (element)))
        return FALSE;
    }

  return TRUE;
}

gboolean
lyg_schema_check_value (const LygFieldSpec  *field,
                        JsonNode            *value,
                        GError             **error)
{
  gboolean ok = FALSE;
  gboolean is_string;
  const char *s = NULL;

  g_return_val_if_fail (field != NULL, FALSE);

  /* null clears a field and is always allowed. */
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return TRUE;

  is_string = JSON_NODE_HOLDS_VALUE (value) &&
              json_node_get_value_type (value) == G_TYPE_STRING;
  if (is_string)
    s = json_node_get_string (value);

  switch (field->kind)
    {
    case LYG_FIELD_TEXT:
    case LYG_FIELD_STRING:
      ok = is_string && g_utf8_validate (s, -1, NULL) && strlen (s) <= 64 * 1024;
      break;

    case LYG_FIELD_INT:
      ok = JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64;
      break;

    case LYG_FIELD_BOOL:
      ok = JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_BOOLEAN;
      break;

    case LYG_FIELD_DATE:
      ok = is_string && is_date (s);
      break;

    case LYG_FIELD_DATETIME:
      {
        g_autoptr(GDateTime) dt = is_string ? g_date_time_new_from_iso8601 (s, NULL) : NULL;
        ok = dt != NULL || (is_string && is_date (s));
      }
      break;

    case LYG_FIELD_ENUM:
      ok = is_string && lyg_schema_enum_has (field->enum_name, s);
      break;

    case LYG_FIELD_ENUM_SET:
      ok = is_string_array (value, field->enum_name);
      break;

    case LYG_FIELD_STRV:
      ok = is_string_array (value, NULL);
      break;

    case LYG_FIELD_REF:
      ok = is_string && g_uuid_string_is_valid (s);
      break;

    case LYG_FIELD_OBJECT:
      ok = JSON_NODE_HOLDS_OBJECT (value);
      break;

    default:
      g_assert_not_reached ();
    }

  if (!ok)
    g_set_error (error, LYG_RECORD_ERROR, LYG_RECORD_ERROR_BAD_VALUE,
                 _("The value of “%s” is not valid"), field->name);

  return ok;
}
