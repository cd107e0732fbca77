/* lyg-encounter-editor.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-encounter-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-draft.h"
#include "lyg-encounter-editor.h"
#include "lyg-schema.h"

/* The name of the draft of a new encounter and of the remembered setting
 * and area, both sealed inside the vault (lyg-draft.h). */
#define DRAFT_NAME       "encounter"
#define LAST_NAME        "encounter-last"
#define DRAFT_DELAY_MS   1000
#define PERSON_LIMIT     30
#define WHEN_FORMAT      "%Y-%m-%d %H:%M"

struct _LygEncounterEditor
{
  AdwBin               parent_instance;

  /* Owned */
  LygContext          *context;
  char                *encounter_id;
  char                *person_id;
  LygRecord           *record;
  char                *initial_when;
  GPtrArray           *language_codes;
  GPtrArray           *service_buttons;
  guint                draft_source;
  guint                loading : 1;
  guint                focused : 1;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *draft_group;
  GtkButton           *discard_button;
  AdwComboRow         *setting_row;
  AdwEntryRow         *area_row;
  AdwActionRow        *person_row;
  GtkMenuButton       *person_button;
  GtkPopover          *person_popover;
  GtkSearchEntry      *person_search;
  GtkListBox          *person_list;
  AdwActionRow        *head_count_row;
  GtkSpinButton       *head_count_spin;
  AdwComboRow         *language_row;
  GtkFlowBox          *services_box;
  AdwEntryRow         *note_row;
  AdwExpanderRow      *more_row;
  AdwEntryRow         *when_row;
  AdwComboRow         *mode_row;
  AdwComboRow         *sector_row;
  GtkSwitch           *interpreter_switch;
  AdwEntryRow         *workers_row;
  AdwEntryRow         *next_step_row;
  GtkButton           *delete_button;
};

G_DEFINE_FINAL_TYPE (LygEncounterEditor, lyg_encounter_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ENCOUNTER_ID,
  PROP_PERSON_ID,
  PROP_TITLE,
  N_PROPS
};

enum {
  DONE,
  OPEN_RECORD,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* The languages of the people met (domain.md §1), as ISO 639-1 codes. */
static const struct
{
  const char *code;
  const char *label;
} languages[] = {
  { "ro", N_("Romanian") },
  { "bg", N_("Bulgarian") },
  { "th", N_("Thai") },
  { "en", N_("English") },
  { "uk", N_("Ukrainian") },
  { "ru", N_("Russian") },
  { "vi", N_("Vietnamese") },
  { "zh", N_("Chinese") },
  { "pl", N_("Polish") },
  { "hu", N_("Hungarian") },
  { "es", N_("Spanish") },
  { "da", N_("Danish") },
};

static LygVault *
get_vault (LygEncounterEditor *self)
{
  return lyg_context_get_vault (self->context);
}

static gboolean
is_new (LygEncounterEditor *self)
{
  return self->encounter_id == NULL;
}

static void
show_toast (LygEncounterEditor *self,
            const char         *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* Languages */

static void
setup_languages (LygEncounterEditor *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  self->language_codes = g_ptr_array_new_with_free_func (g_free);

  gtk_string_list_append (model, _("Not recorded"));
  g_ptr_array_add (self->language_codes, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      gtk_string_list_append (model, _(languages[i].label));
      g_ptr_array_add (self->language_codes, g_strdup (languages[i].code));
    }

  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (model));
}

static const char *
get_language (LygEncounterEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (selected >= self->language_codes->len)
    return NULL;

  return g_ptr_array_index (self->language_codes, selected);
}

static void
set_language (LygEncounterEditor *self,
              const char         *code)
{
  GtkStringList *model;

  if (code == NULL || *code == '\0')
    {
      adw_combo_row_set_selected (self->language_row, 0);
      return;
    }

  for (guint i = 1; i < self->language_codes->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->language_codes, i), code) == 0)
        {
          adw_combo_row_set_selected (self->language_row, i);
          return;
        }
    }

  /* A code entered elsewhere (the CLI, another device) stays as it is. */
  model = GTK_STRING_LIST (adw_combo_row_get_model (self->language_row));
  gtk_string_list_append (model, code);
  g_ptr_array_add (self->language_codes, g_strdup (code));
  adw_combo_row_set_selected (self->language_row, self->language_codes->len - 1);
}

/* Services */

static GStrv
dup_services (LygEncounterEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->service_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->service_buttons, i);

      if (gtk_toggle_button_get_active (button))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (button), "lyg-id"));
    }

  return g_strv_builder_end (builder);
}

static void
set_services (LygEncounterEditor *self,
              const char * const *ids)
{
  for (guint i = 0; i < self->service_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->service_buttons, i);
      const char *id = g_object_get_data (G_OBJECT (button), "lyg-id");

      gtk_toggle_button_set_active (button, ids != NULL && g_strv_contains (ids, id));
    }
}

/* Person */

static void
update_person (LygEncounterEditor *self)
{
  g_autoptr(LygIndexEntry) entry = NULL;
  gboolean anonymous = self->person_id == NULL;

  if (!anonymous && lyg_vault_get_unlocked (get_vault (self)))
    entry = lyg_index_lookup (lyg_vault_get_index (get_vault (self)), self->person_id);

  if (anonymous)
    adw_action_row_set_subtitle (self->person_row, _("Anonymous"));
  else if (entry != NULL)
    adw_action_row_set_subtitle (self->person_row, entry->title);
  else
    adw_action_row_set_subtitle (self->person_row, _("Unknown person"));

  gtk_menu_button_set_label (self->person_button, anonymous ? _("Choose…") : _("Change…"));
  gtk_widget_set_visible (GTK_WIDGET (self->head_count_row), anonymous);
}

static GtkWidget *
create_person_row (const char *id,
                   const char *title,
                   const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "lyg-person-id", g_strdup (id), g_free);

  return row;
}

static void
fill_person_list (LygEncounterEditor *self)
{
  g_autoptr(GPtrArray) hits = NULL;
  LygIndex *index;
  const char *query;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->person_list))))
    gtk_list_box_remove (self->person_list, child);

  gtk_list_box_append (self->person_list,
                       create_person_row (NULL, _("Anonymous"),
                                          _("No person record is linked")));

  if (!lyg_vault_get_unlocked (get_vault (self)))
    return;

  index = lyg_vault_get_index (get_vault (self));
  query = gtk_editable_get_text (GTK_EDITABLE (self->person_search));

  /* An empty query lists everyone only while that is a short list. */
  if (*query == '\0' && lyg_index_count (index, "person") > PERSON_LIMIT)
    return;

  if (!(hits = lyg_index_search (index, query, "person", PERSON_LIMIT, NULL)))
    return;

  for (guint i = 0; i < hits->len && i < PERSON_LIMIT; i++)
    {
      LygIndexEntry *entry = g_ptr_array_index (hits, i);

      gtk_list_box_append (self->person_list,
                           create_person_row (entry->id, entry->title, entry->subtitle));
    }
}

/* Drafts */

static JsonObject *
form_to_json (LygEncounterEditor *self)
{
  JsonObject *object = json_object_new ();
  g_auto(GStrv) services = dup_services (self);
  JsonArray *array = json_array_new ();
  const char *value;

  if ((value = lyg_form_get_enum_combo (self->setting_row)))
    json_object_set_string_member (object, "setting", value);
  json_object_set_string_member (object, "area",
                                 gtk_editable_get_text (GTK_EDITABLE (self->area_row)));
  if (self->person_id != NULL)
    json_object_set_string_member (object, "person", self->person_id);
  json_object_set_int_member (object, "head_count",
                              gtk_spin_button_get_value_as_int (self->head_count_spin));
  if ((value = get_language (self)))
    json_object_set_string_member (object, "language", value);
  for (guint i = 0; services[i] != NULL; i++)
    json_array_add_string_element (array, services[i]);
  json_object_set_array_member (object, "services", array);
  json_object_set_string_member (object, "notes",
                                 gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
  json_object_set_string_member (object, "when",
                                 gtk_editable_get_text (GTK_EDITABLE (self->when_row)));
  if ((value = lyg_form_get_enum_combo (self->mode_row)))
    json_object_set_string_member (object, "mode", value);
  if ((value = lyg_form_get_enum_combo (self->sector_row)))
    json_object_set_string_member (object, "sector", value);
  json_object_set_boolean_member (object, "interpreter",
                                  gtk_switch_get_active (self->interpreter_switch));
  json_object_set_string_member (object, "workers",
                                 gtk_editable_get_text (GTK_EDITABLE (self->workers_row)));
  json_object_set_string_member (object, "next_step",
                                 gtk_editable_get_text (GTK_EDITABLE (self->next_step_row)));

  return object;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
json_to_form (LygEncounterEditor *self,
              JsonObject         *object)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) services = NULL;
  JsonArray *array = NULL;
  const char *person;

  if (json_object_has_member (object, "setting"))
    lyg_form_set_enum_combo (self->setting_row, member_string (object, "setting"));
  set_text (self->area_row, member_string (object, "area"));

  /* A person given by the caller wins over the draft's. */
  if (self->person_id == NULL && (person = member_string (object, "person")))
    self->person_id = g_strdup (person);

  if (json_object_has_member (object, "head_count"))
    gtk_spin_button_set_value (self->head_count_spin,
                               json_object_get_int_member (object, "head_count"));
  set_language (self, member_string (object, "language"));

  if (json_object_has_member (object, "services"))
    array = json_object_get_array_member (object, "services");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
    }
  services = g_strv_builder_end (builder);
  set_services (self, (const char * const *) services);

  set_text (self->note_row, member_string (object, "notes"));
  if (member_string (object, "when") != NULL)
    set_text (self->when_row, member_string (object, "when"));
  lyg_form_set_enum_combo (self->mode_row, member_string (object, "mode"));
  lyg_form_set_enum_combo (self->sector_row, member_string (object, "sector"));
  if (json_object_has_member (object, "interpreter"))
    gtk_switch_set_active (self->interpreter_switch,
                           json_object_get_boolean_member (object, "interpreter"));
  set_text (self->workers_row, member_string (object, "workers"));
  set_text (self->next_step_row, member_string (object, "next_step"));

  if (member_string (object, "mode") || member_string (object, "sector") ||
      member_string (object, "workers") || member_string (object, "next_step"))
    adw_expander_row_set_expanded (self->more_row, TRUE);
}

static void
save_draft_now (LygEncounterEditor *self)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->draft_source, g_source_remove);

  if (!is_new (self) || !lyg_vault_get_unlocked (get_vault (self)))
    return;

  object = form_to_json (self);
  if (!lyg_draft_save (get_vault (self), DRAFT_NAME, object, &error))
    g_debug ("Could not save the draft: %s", error->message);
}

static gboolean
on_draft_timeout_cb (gpointer user_data)
{
  LygEncounterEditor *self = user_data;

  self->draft_source = 0;
  save_draft_now (self);

  return G_SOURCE_REMOVE;
}

static void
on_form_changed_cb (LygEncounterEditor *self)
{
  if (self->loading || !is_new (self))
    return;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (DRAFT_DELAY_MS, on_draft_timeout_cb, self);
}

static void
remember_last (LygEncounterEditor *self)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(GError) error = NULL;
  const char *setting = lyg_form_get_enum_combo (self->setting_row);

  if (setting != NULL)
    json_object_set_string_member (object, "setting", setting);
  json_object_set_string_member (object, "area",
                                 gtk_editable_get_text (GTK_EDITABLE (self->area_row)));

  if (!lyg_draft_save (get_vault (self), LAST_NAME, object, &error))
    g_debug ("Could not remember the area: %s", error->message);
}

/* Loading */

static char *
format_when (const char *iso)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();

  if (iso == NULL)
    {
      local = g_date_time_new_now_local ();
      return g_date_time_format (local, WHEN_FORMAT);
    }

  if (!(parsed = g_date_time_new_from_iso8601 (iso, tz)))
    return g_strdup (iso);

  local = g_date_time_to_local (parsed);

  return g_date_time_format (local, WHEN_FORMAT);
}

/* Accepts "YYYY-MM-DD HH:MM" in local time, a bare date, or ISO 8601. */
static char *
parse_when (const char *text)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  guint year, month, day, hour = 0, minute = 0;
  int n;

  if (*stripped == '\0')
    parsed = g_date_time_new_now_local ();
  else if (!(parsed = g_date_time_new_from_iso8601 (stripped, tz)))
    {
      n = sscanf (stripped, "%4u-%2u-%2u %2u:%2u", &year, &month, &day, &hour, &minute);
      if ((n == 3 || n == 5) && g_date_valid_dmy (day, month, year) && hour < 24 && minute < 60)
        parsed = g_date_time_new_local (year, month, day, hour, minute, 0);
    }

  if (parsed == NULL)
    return NULL;

  return g_date_time_format (parsed, "%Y-%m-%dT%H:%M:%S%:z");
}

static void
load_record (LygEncounterEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) services = NULL;
  LygRecord *record;

  record = lyg_vault_get_record (get_vault (self), self->encounter_id, &error);
  if (record == NULL)
    {
      show_toast (self, _("The encounter could not be opened"));
      g_debug ("Could not load %s: %s", self->encounter_id, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", FALSE);
      return;
    }

  self->record = record;

  lyg_form_set_enum_combo (self->setting_row, lyg_record_get_string (record, "setting"));
  set_text (self->area_row, lyg_record_get_string (record, "area"));
  g_clear_pointer (&self->person_id, g_free);
  self->person_id = g_strdup (lyg_record_get_string (record, "person"));
  gtk_spin_button_set_value (self->head_count_spin,
                             lyg_record_get_int (record, "head_count", 1));
  set_language (self, lyg_record_get_string (record, "language"));
  services = lyg_record_dup_strv (record, "services");
  set_services (self, (const char * const *) services);
  set_text (self->note_row, lyg_record_get_string (record, "notes"));
  self->initial_when = format_when (lyg_record_get_string (record, "when"));
  set_text (self->when_row, self->initial_when);
  lyg_form_set_enum_combo (self->mode_row, lyg_record_get_string (record, "mode"));
  lyg_form_set_enum_combo (self->sector_row, lyg_record_get_string (record, "sector"));
  gtk_switch_set_active (self->interpreter_switch,
                         lyg_record_get_boolean (record, "interpreter"));
  set_text (self->workers_row, lyg_record_get_string (record, "workers"));
  set_text (self->next_step_row, lyg_record_get_string (record, "next_step"));
}

static void
load_new (LygEncounterEditor *self)
{
  g_autoptr(JsonObject) last = NULL;
  g_autoptr(JsonObject) draft = NULL;

  self->initial_when = format_when (NULL);
  set_text (self->when_row, self->initial_when);

  if ((last = lyg_draft_load (get_vault (self), LAST_NAME)))
    {
      if (json_object_has_member (last, "setting"))
        lyg_form_set_enum_combo (self->setting_row, member_string (last, "setting"));
      set_text (self->area_row, member_string (last, "area"));
    }

  if ((draft = lyg_draft_load (get_vault (self), DRAFT_NAME)))
    {
      json_to_form (self, draft);
      gtk_widget_set_visible (GTK_WIDGET (self->draft_group), TRUE);
    }
}

/* Saving */

static gboolean
save (LygEncounterEditor *self)
{
  g_autoptr(LygRecord) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_auto(GStrv) services = NULL;
  const char *when_text;
  LygRecord *record;
  gboolean anonymous = self->person_id == NULL;

  if (!lyg_vault_get_unlocked (get_vault (self)))
    return FALSE;

  when_text = gtk_editable_get_text (GTK_EDITABLE (self->when_row));
  if (!(when = parse_when (when_text)))
    {
      adw_expander_row_set_expanded (self->more_row, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->when_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->when_row));
      show_toast (self, _("Enter the time as YYYY-MM-DD HH:MM"));
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->when_row), "error");

  if (self->record != NULL)
    record = self->record;
  else
    record = created = lyg_record_new ("encounter");

  /* An unchanged time keeps its stored value with its own offset. */
  if (self->record == NULL || g_strcmp0 (when_text, self->initial_when) != 0)
    lyg_form_put_string (record, "when", when);
  lyg_form_put_string (record, "setting", lyg_form_get_enum_combo (self->setting_row));
  lyg_form_put_string (record, "area", gtk_editable_get_text (GTK_EDITABLE (self->area_row)));
  lyg_form_put_string (record, "person", self->person_id);
  lyg_form_put_int (record, "head_count", anonymous,
                    gtk_spin_button_get_value_as_int (self->head_count_spin));
  lyg_form_put_string (record, "language", get_language (self));
  services = dup_services (self);
  lyg_form_put_strv (record, "services", (const char * const *) services);
  lyg_form_put_string (record, "notes", gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
  lyg_form_put_string (record, "mode", lyg_form_get_enum_combo (self->mode_row));
  lyg_form_put_string (record, "sector", lyg_form_get_enum_combo (self->sector_row));
  lyg_form_put_boolean (record, "interpreter", gtk_switch_get_active (self->interpreter_switch));
  lyg_form_put_string (record, "workers",
                       gtk_editable_get_text (GTK_EDITABLE (self->workers_row)));
  lyg_form_put_string (record, "next_step",
                       gtk_editable_get_text (GTK_EDITABLE (self->next_step_row)));

  if (lyg_record_has_pending (record) &&
      !lyg_vault_save_record (get_vault (self), record, &error))
    {
      g_debug ("Could not save the encounter: %s", error->message);
      lyg_record_discard_pending (record);
      show_toast (self, _("The encounter could not be saved"));
      return FALSE;
    }

  if (is_new (self))
    {
      g_clear_handle_id (&self->draft_source, g_source_remove);
      lyg_draft_clear (get_vault (self), DRAFT_NAME);
      remember_last (self);
    }

  return TRUE;
}

/* Callbacks */

static void
on_discard_button_clicked_cb (LygEncounterEditor *self)
{
  g_autoptr(JsonObject) last = NULL;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  lyg_draft_clear (get_vault (self), DRAFT_NAME);

  self->loading = TRUE;

  set_text (self->area_row, NULL);
  set_language (self, NULL);
  set_services (self, NULL);
  set_text (self->note_row, NULL);
  set_text (self->workers_row, NULL);
  set_text (self->next_step_row, NULL);
  lyg_form_set_enum_combo (self->mode_row, NULL);
  lyg_form_set_enum_combo (self->sector_row, NULL);
  gtk_switch_set_active (self->interpreter_switch, FALSE);
  gtk_spin_button_set_value (self->head_count_spin, 1);
  g_clear_pointer (&self->initial_when, g_free);
  load_new (self);
  adw_expander_row_set_expanded (self->more_row, FALSE);
  update_person (self);

  self->loading = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->draft_group), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->setting_row));
}

static void
on_entry_activated_cb (LygEncounterEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
on_person_popover_show_cb (LygEncounterEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->person_search), "");
  fill_person_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->person_search));
}

static void
on_person_search_changed_cb (LygEncounterEditor *self)
{
  fill_person_list (self);
}

static void
choose_person (LygEncounterEditor *self,
               GtkListBoxRow      *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "lyg-person-id");

  g_free (self->person_id);
  self->person_id = g_strdup (id);
  update_person (self);
  gtk_popover_popdown (self->person_popover);
  on_form_changed_cb (self);
}

static void
on_person_search_activate_cb (LygEncounterEditor *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->person_list, 1);

  if (row != NULL)
    choose_person (self, row);
}

static void
on_person_list_row_activated_cb (LygEncounterEditor *self,
                                 GtkListBoxRow      *row)
{
  choose_person (self, row);
}

static void
on_services_box_child_activated_cb (LygEncounterEditor *self,
                                    GtkFlowBoxChild    *child)
{
  GtkToggleButton *button = GTK_TOGGLE_BUTTON (gtk_flow_box_child_get_child (child));

  gtk_toggle_button_set_active (button, !gtk_toggle_button_get_active (button));
}

static void
delete_confirmed (gpointer user_data)
{
  LygEncounterEditor *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lyg_vault_delete_record (get_vault (self), self->encounter_id, &error))
    {
      g_debug ("Could not delete the encounter: %s", error->message);
      show_toast (self, _("The encounter could not be deleted"));
      return;
    }

  g_signal_emit (self, signals [DONE], 0);
}

static void
on_map_cb (LygEncounterEditor *self)
{
  if (self->focused)
    return;

  self->focused = TRUE;
  gtk_widget_grab_focus (GTK_WIDGET (self->setting_row));
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LygEncounterEditor *self = LYG_ENCOUNTER_EDITOR (widget);

  if (save (self))
    g_signal_emit (self, signals [DONE], 0);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LygEncounterEditor *self = LYG_ENCOUNTER_EDITOR (widget);

  /* What was typed stays in the sealed draft; the next quick encounter
   * offers it again with a "Discard Draft" button. */
  if (self->draft_source != 0)
    save_draft_now (self);

  g_signal_emit (self, signals [DONE], 0);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LygEncounterEditor *self = LYG_ENCOUNTER_EDITOR (widget);

  if (is_new (self))
    return;

  lyg_form_confirm_delete (widget, _("Delete Encounter?"),
                           _("The encounter is removed from this device "
                             "and, after the next sync, from the team. "
                             "This cannot be undone."),
                           delete_confirmed, self);
}

static void
open_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  LygEncounterEditor *self = LYG_ENCOUNTER_EDITOR (widget);

  if (self->person_id != NULL)
    g_signal_emit (self, signals [OPEN_RECORD], 0, self->person_id);
}

/* Construction */

static void
setup_services (LygEncounterEditor *self)
{
  const LygEnumValue *values;
  guint n_values = 0;

  self->service_buttons = g_ptr_array_new ();
  values = lyg_schema_enum_values ("service", &n_values);

  for (guint i = 0; i < n_values; i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
      GtkWidget *label = gtk_label_new (lyg_schema_enum_label ("service", values[i].id));

      /* A check mark makes the chosen chips stand out beyond their shade. */
      g_object_bind_property (button, "active", check, "visible", G_BINDING_SYNC_CREATE);
      gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), check);
      gtk_box_append (GTK_BOX (box), label);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      lyg_schema_enum_label ("service", values[i].id),
                                      -1);
      gtk_widget_add_css_class (button, "lyg-chip");
      gtk_widget_set_focus_on_click (button, FALSE);
      g_object_set_data (G_OBJECT (button), "lyg-id", (gpointer) values[i].id);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_form_changed_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->services_box, button);
      g_ptr_array_add (self->service_buttons, button);
    }

  g_signal_connect_object (self->services_box, "child-activated",
                           G_CALLBACK (on_services_box_child_activated_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
watch_changes (LygEncounterEditor *self)
{
  GtkWidget *combos[] = {
    GTK_WIDGET (self->setting_row), GTK_WIDGET (self->language_row),
    GTK_WIDGET (self->mode_row), GTK_WIDGET (self->sector_row),
  };
  GtkWidget *entries[] = {
    GTK_WIDGET (self->area_row), GTK_WIDGET (self->note_row), GTK_WIDGET (self->when_row),
    GTK_WIDGET (self->workers_row), GTK_WIDGET (self->next_step_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
    g_signal_connect_object (combos[i], "notify::selected",
                             G_CALLBACK (on_form_changed_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect_object (entries[i], "changed",
                             G_CALLBACK (on_form_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->head_count_spin, "value-changed",
                           G_CALLBACK (on_form_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->interpreter_switch, "notify::active",
                           G_CALLBACK (on_form_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
lyg_encounter_editor_constructed (GObject *object)
{
  LygEncounterEditor *self = (LygEncounterEditor *)object;
  GtkWidget *open_button;

  G_OBJECT_CLASS (lyg_encounter_editor_parent_class)->constructed (object);

  g_assert (LYG_IS_CONTEXT (self->context));

  lyg_form_setup_enum_combo (self->setting_row, "setting", NULL);
  lyg_form_setup_enum_combo (self->mode_row, "mode", _("Not recorded"));
  lyg_form_setup_enum_combo (self->sector_row, "sector", _("Not recorded"));
  setup_languages (self);
  setup_services (self);

  open_button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_valign (open_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (open_button, _("Open Person"));
  gtk_widget_add_css_class (open_button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open_button), "editor.open-person");
  adw_action_row_add_suffix (self->person_row, open_button);

  self->loading = TRUE;
  if (is_new (self))
    load_new (self);
  else
    load_record (self);
  update_person (self);
  self->loading = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), !is_new (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", !is_new (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.open-person", !is_new (self));
  gtk_widget_set_visible (open_button, !is_new (self) && self->person_id != NULL);

  watch_changes (self);
}

static void
lyg_encounter_editor_dispose (GObject *object)
{
  LygEncounterEditor *self = (LygEncounterEditor *)object;

  /* A lock destroys the editor: keep what was typed since the last draft. */
  if (self->draft_source != 0)
    save_draft_now (self);

  /* AdwBin unparents its child itself: let it go first, then clear the
   * template pointers. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LYG_TYPE_ENCOUNTER_EDITOR);

  G_OBJECT_CLASS (lyg_encounter_editor_parent_class)->dispose (object);
}

static void
lyg_encounter_editor_finalize (GObject *object)
{
  LygEncounterEditor *self = (LygEncounterEditor *)object;

  g_clear_object (&self->record);
  g_clear_object (&self->context);
  g_clear_pointer (&self->encounter_id, g_free);
  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->initial_when, g_free);
  g_clear_pointer (&self->language_codes, g_ptr_array_unref);
  g_clear_pointer (&self->service_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (lyg_encounter_editor_parent_class)->finalize (object);
}

static void
lyg_encounter_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LygEncounterEditor *self = LYG_ENCOUNTER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_ENCOUNTER_ID:
      g_value_set_string (value, self->encounter_id);
      break;

    case PROP_PERSON_ID:
      g_value_set_string (value, self->person_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, lyg_encounter_editor_get_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_encounter_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LygEncounterEditor *self = LYG_ENCOUNTER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_ENCOUNTER_ID:
      self->encounter_id = g_value_dup_string (value);
      break;

    case PROP_PERSON_ID:
      self->person_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_encounter_editor_class_init (LygEncounterEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lyg_encounter_editor_constructed;
  object_class->dispose = lyg_encounter_editor_dispose;
  object_class->finalize = lyg_encounter_editor_finalize;
  object_class->get_property = lyg_encounter_editor_get_property;
  object_class->set_property = lyg_encounter_editor_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LYG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ENCOUNTER_ID] =
    g_param_spec_string ("encounter-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PERSON_ID] =
    g_param_spec_string ("person-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LygEncounterEditor::done:
   *
   * Emitted after saving, deleting or cancelling; the container pops the
   * editor.
   */
  signals [DONE] =
    g_signal_new ("done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * LygEncounterEditor::open-record:
   * @id: the id of the record to show
   */
  signals [OPEN_RECORD] =
    g_signal_new ("open-record",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lygte/Lygte/lyg-encounter-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, draft_group);
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, discard_button);
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, setting_row);
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, area_row);
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, person_row);
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, person_button);
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, person_popover);
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, person_search);
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, person_list);
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, head_count_row);
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, head_count_spin);
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, services_box);
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, note_row);
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, more_row);
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, when_row);
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, mode_row);
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, sector_row);
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, interpreter_switch);
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, workers_row);
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, next_step_row);
  gtk_widget_class_bind_template_child (widget_class, LygEncounterEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_discard_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.open-person", NULL, open_person_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
lyg_encounter_editor_init (LygEncounterEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

GtkWidget *
lyg_encounter_editor_new (LygContext *context,
                          const char *encounter_id,
                          const char *person_id)
{
  g_return_val_if_fail (LYG_IS_CONTEXT (context), NULL);

  return g_object_new (LYG_TYPE_ENCOUNTER_EDITOR,
                       "context", context,
                       "encounter-id", encounter_id,
                       "person-id", person_id,
                       NULL);
}

const char *
lyg_encounter_editor_get_title (LygEncounterEditor *self)
{
  g_return_val_if_fail (LYG_IS_ENCOUNTER_EDITOR (self), NULL);

  return self->encounter_id == NULL ? _("New Encounter") : _("Encounter");
}
