/* lyg-stay-page-form.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-stay-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-draft.h"
#include "lyg-schema.h"
#include "lyg-stay-page-private.h"
#include "lyg-stay.h"

/* The stay page's form: which widget shows which field, what the form
 * was loaded with, the support plan rows, and the handover notes. Saving
 * writes only the fields whose text differs from what was loaded.
 */

static const char * const date_fields[] = { "arrival", "departure", "period_start", NULL };

static LygVault *
get_vault (LygStayPage *self)
{
  return lyg_context_get_vault (self->context);
}

static void
bind (LygStayPage *self,
      const char  *field,
      gpointer     widget)
{
  Binding binding = { g_intern_string (field), widget };

  g_array_append_val (self->bindings, binding);
}

/* The form's value of a binding: stripped text or an enum id, NULL when
 * empty. */
static char *
binding_dup_value (const Binding *binding)
{
  g_autofree char *text = NULL;

  if (ADW_IS_COMBO_ROW (binding->widget))
    return g_strdup (lyg_form_get_enum_combo (ADW_COMBO_ROW (binding->widget)));

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (binding->widget))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
binding_show (const Binding *binding,
              const char    *value)
{
  if (ADW_IS_COMBO_ROW (binding->widget))
    lyg_form_set_enum_combo (ADW_COMBO_ROW (binding->widget), value);
  else
    gtk_editable_set_text (GTK_EDITABLE (binding->widget), value ? value : "");
}

gboolean
_lyg_stay_page_form_is_dirty (LygStayPage *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    {
      const Binding *binding = &g_array_index (self->bindings, Binding, i);
      g_autofree char *value = binding_dup_value (binding);

      if (g_strcmp0 (value, g_hash_table_lookup (self->loaded, binding->field)) != 0)
        return TRUE;
    }

  return FALSE;
}

/* Dates are typed as YYYY-MM-DD; a wrong one is marked and blocks saving,
 * and a departure cannot come before the arrival. */
gboolean
_lyg_stay_page_form_is_valid (LygStayPage *self)
{
  gboolean valid = TRUE;
  GDate arrival, departure;

  for (guint i = 0; i < self->bindings->len; i++)
    {
      const Binding *binding = &g_array_index (self->bindings, Binding, i);
      g_autofree char *value = NULL;
      GDate date;
      gboolean ok;

      if (!g_strv_contains (date_fields, binding->field))
        continue;

      value = binding_dup_value (binding);
      ok = value == NULL || lyg_stay_parse_date (value, &date);
      if (ok && value != NULL && g_str_equal (binding->field, "departure") &&
          lyg_stay_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->arrival_row)),
                               &arrival) &&
          lyg_stay_parse_date (value, &departure))
        ok = g_date_compare (&departure, &arrival) >= 0;

      if (ok)
        gtk_widget_remove_css_class (binding->widget, "error");
      else
        gtk_widget_add_css_class (binding->widget, "error");
      valid &= ok;
    }

  if (self->stay_id == NULL && self->person_id == NULL)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->alias_row));
      g_autofree char *alias = g_strstrip (g_strdup (text));

      valid &= *alias != '\0';
    }

  return valid;
}

void
_lyg_stay_page_update_support (LygStayPage *self)
{
  const char * const *offers = lyg_stay_list_support_offers ();

  for (guint i = 0; offers[i] != NULL; i++)
    {
      AdwExpanderRow *row = g_ptr_array_index (self->offer_rows, i);
      AdwComboRow *status = g_object_get_data (G_OBJECT (row), "lyg-status");
      GtkEditable *notes = g_object_get_data (G_OBJECT (row), "lyg-notes");
      const char *id = lyg_form_get_enum_combo (status);
      const char *text = gtk_editable_get_text (notes);
      g_autoptr(GString) subtitle = g_string_new (NULL);

      /* The status and the notes at a glance, without opening the row. */
      g_string_append (subtitle, id ? lyg_schema_enum_label ("support_status", id)
                                    : C_("support status", "Not planned"));
      if (*text != '\0')
        g_string_append_printf (subtitle, " · %s", text);
      adw_expander_row_set_subtitle (row, subtitle->str);
    }
}

static GtkWidget *
create_note_row (LygRecord *note)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *subtitle = NULL;
  const char *text = lyg_record_get_string (note, "text");
  const char *stamp = lyg_record_get_string (note, "when");
  GtkWidget *row = adw_action_row_new ();

  if (stamp != NULL && (when = g_date_time_new_from_iso8601 (stamp, NULL)))
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (when);

      /* Translators: when a handover note was written, see strftime() */
      subtitle = g_date_time_format (local, _("%-d %B %Y, %H:%M"));
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text ? text : "");
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, lyg_record_get_id (note));

  return row;
}

void
_lyg_stay_page_load_notes (LygStayPage *self)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->notes_list))))
    gtk_list_box_remove (self->notes_list, child);

  if (self->stay_id == NULL || !lyg_vault_get_unlocked (get_vault (self)))
    return;

  if (!(notes = lyg_stay_list_handovers (get_vault (self), self->stay_id, &error)))
    {
      g_warning ("Could not list the handover notes: %s", error->message);
      return;
    }

  for (guint i = 0; i < notes->len; i++)
    gtk_list_box_append (self->notes_list, create_note_row (g_ptr_array_index (notes, i)));
}

/* Shows @record in the form and remembers what it showed. */
void
_lyg_stay_page_load_form (LygStayPage *self)
{
  g_hash_table_remove_all (self->loaded);

  for (guint i = 0; i < self->bindings->len; i++)
    {
      const Binding *binding = &g_array_index (self->bindings, Binding, i);
      const char *value = self->record ? lyg_record_get_string (self->record, binding->field)
                                       : NULL;

      binding_show (binding, value);
      g_hash_table_insert (self->loaded, (gpointer) binding->field,
                           binding_dup_value (binding));
    }

  _lyg_stay_page_update_support (self);
}

static void
build_support_rows (LygStayPage *self)
{
  const char * const *offers = lyg_stay_list_support_offers ();

  for (guint i = 0; offers[i] != NULL; i++)
    {
      g_autofree char *status_field = lyg_stay_support_field (offers[i]);
      g_autofree char *notes_field = lyg_stay_support_notes_field (offers[i]);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *status = adw_combo_row_new ();
      GtkWidget *notes = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     lyg_schema_enum_label ("support_offer", offers[i]));
      gtk_widget_set_name (row, offers[i]);
      /* The subtitle shows what was typed, which is not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (status), _("Status"));
      lyg_form_setup_enum_combo (ADW_COMBO_ROW (status), "support_status",
                                 C_("support status", "Not planned"));
      gtk_widget_set_name (status, status_field);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (notes), _("Notes"));
      gtk_widget_set_name (notes, notes_field);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), status);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), notes);
      adw_preferences_group_add (self->support_group, row);

      g_object_set_data (G_OBJECT (row), "lyg-status", status);
      g_object_set_data (G_OBJECT (row), "lyg-notes", notes);
      g_ptr_array_add (self->offer_rows, row);
      bind (self, status_field, status);
      bind (self, notes_field, notes);
    }
}

void
_lyg_stay_page_build_form (LygStayPage *self)
{
  lyg_form_setup_enum_combo (self->place_row, "stay_place", C_("enum value", "Not set"));
  lyg_form_setup_enum_combo (self->outcome_row, "stay_outcome", C_("enum value", "Not set"));

  bind (self, "place", self->place_row);
  bind (self, "shelter", self->shelter_row);
  bind (self, "arrival", self->arrival_row);
  bind (self, "departure", self->departure_row);
  bind (self, "outcome", self->outcome_row);
  bind (self, "contact_person", self->contact_row);
  bind (self, "interpreter_language", self->interpreter_row);
  bind (self, "notes", self->notes_row);
  bind (self, "period_start", self->period_start_row);
  build_support_rows (self);
}

/* Writes into @record what the user changed since the form was loaded
 * (everything, for a new stay). */
gboolean
_lyg_stay_page_apply_form (LygStayPage  *self,
                           LygRecord    *record,
                           gboolean      is_new,
                           GError      **error)
{
  for (guint i = 0; i < self->bindings->len; i++)
    {
      const Binding *binding = &g_array_index (self->bindings, Binding, i);
      g_autofree char *value = binding_dup_value (binding);

      if (!is_new && g_strcmp0 (value, g_hash_table_lookup (self->loaded, binding->field)) == 0)
        continue;

      if (g_str_equal (binding->field, "period_start") && value != NULL)
        {
          GDate start;

          lyg_stay_parse_date (value, &start);
          if (!lyg_stay_start_period (record, &start, error))
            return FALSE;
        }
      else
        lyg_form_put_string (record, binding->field, value);
    }

  return TRUE;
}
