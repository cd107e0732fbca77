/* lyg-stay-page.c
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
#include "lyg-stay-status.h"
#include "lyg-stay.h"

/* One stay: where the period stands, the handover notes, the details and
 * the support plan. Like the person page it stays open on save, and it
 * has a "title" and emits ::done when the stay is deleted.
 *
 * The form remembers the text it was loaded with, and saving writes only
 * the fields the user changed into a freshly decrypted copy: rewriting an
 * untouched field would override an edit synced from another device.
 * Extending the period and adding a note are saved at once, on their own.
 */

G_DEFINE_FINAL_TYPE (LygStayPage, lyg_stay_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_STAY_ID,
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

static LygVault *
get_vault (LygStayPage *self)
{
  return lyg_context_get_vault (self->context);
}

static void
show_toast (LygStayPage *self,
            const char  *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
update_actions (LygStayPage *self)
{
  gboolean saved = self->stay_id != NULL;
  gboolean has_period = self->record != NULL &&
                        lyg_stay_get_period (self->record, NULL, NULL, NULL);
  gboolean can_save = _lyg_stay_page_form_is_valid (self) &&
                      (!saved || _lyg_stay_page_form_is_dirty (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stay.save", can_save);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stay.delete", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stay.extend", saved && has_period);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), saved && has_period);
  gtk_widget_set_visible (GTK_WIDGET (self->extend_row), saved && has_period);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stay.open-person", self->person_id != NULL);
}

static void
update_period (LygStayPage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GDate today, last_day;
  guint days;

  lyg_stay_today (&today);

  if (self->record != NULL && lyg_stay_get_period (self->record, NULL, &days, &last_day))
    {
      g_autofree char *iso = lyg_stay_format_date (&last_day);
      g_autofree char *end = lyg_stay_date_label (iso);
      const char *reason = lyg_schema_enum_label ("extension_reason",
                                                  lyg_record_get_string (self->record,
                                                                         "extension_reason"));

      /* Translators: the length of the period and its last day */
      g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u day, until %s",
                                          "%u days, until %s", days), days, end);
      if (days > LYG_STAY_PERIOD_DAYS && reason != NULL)
        g_string_append_printf (text, " · %s", reason);

      gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->extend_spin),
                                MAX (1, LYG_STAY_PERIOD_MAX_DAYS - (int) days));
      /* Translators: how many days the period can still be extended by */
      {
        g_autofree char *left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "At most %u more day",
                                                              "At most %u more days",
                                                              LYG_STAY_PERIOD_MAX_DAYS - days),
                                                 LYG_STAY_PERIOD_MAX_DAYS - days);
        adw_action_row_set_subtitle (self->extend_row, left);
      }
    }
  else
    {
      g_string_append (text, self->stay_id ? _("Give the start date and save")
                                           : _("Starts when the start date is saved"));
      adw_action_row_set_subtitle (self->extend_row, NULL);
    }

  adw_action_row_set_subtitle (self->period_row, text->str);

  if (self->record != NULL && self->stay_id != NULL)
    lyg_stay_status_apply (self->status_label, self->record, &today);
  else
    gtk_label_set_text (self->status_label, _("Not saved yet"));
}

static void
update_header (LygStayPage *self)
{
  g_autoptr(LygIndexEntry) person = NULL;
  g_autofree char *title = NULL;

  if (self->person_id != NULL && lyg_vault_get_unlocked (get_vault (self)))
    person = lyg_index_lookup (lyg_vault_get_index (get_vault (self)), self->person_id);

  if (person != NULL)
    title = g_strdup (person->title);
  else if (self->stay_id == NULL)
    title = g_strdup (_("New Resident"));
  else
    title = g_strdup (_("Stay"));

  gtk_label_set_text (self->name_label, title);
  gtk_widget_set_visible (self->person_button, self->person_id != NULL);
  gtk_widget_set_visible (self->resident_group, self->stay_id == NULL && self->person_id == NULL);
  gtk_widget_set_visible (self->delete_button, self->stay_id != NULL);
  /* Notes and extensions belong to a saved stay. */
  gtk_widget_set_visible (self->handover_group, self->stay_id != NULL);

  if (g_strcmp0 (title, self->title) != 0)
    {
      g_free (self->title);
      self->title = g_steal_pointer (&title);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
    }
}

static void
set_record (LygStayPage *self,
            LygRecord   *record,
            gboolean     reload_form)
{
  g_set_object (&self->record, record);

  if (self->person_id == NULL && record != NULL)
    self->person_id = g_strdup (lyg_record_get_string (record, "person"));

  if (reload_form)
    _lyg_stay_page_load_form (self);

  update_header (self);
  update_period (self);
  update_actions (self);
}

static LygRecord *
fetch_record (LygStayPage  *self,
              GError      **error)
{
  if (self->stay_id == NULL)
    return lyg_record_new ("stay");

  return lyg_vault_get_record (get_vault (self), self->stay_id, error);
}

static gboolean
save_new_person (LygStayPage  *self,
                 GError      **error)
{
  g_autoptr(LygRecord) person = lyg_record_new ("person");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->alias_row));
  g_autofree char *alias = g_strstrip (g_strdup (text));

  lyg_record_set_string (person, "alias", alias);
  lyg_record_set_string (person, "status", "active");
  if (!lyg_vault_save_record (get_vault (self), person, error))
    return FALSE;

  self->person_id = g_strdup (lyg_record_get_id (person));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PERSON_ID]);

  return TRUE;
}

gboolean
lyg_stay_page_save (LygStayPage  *self,
                    GError      **error)
{
  g_autoptr(LygRecord) record = NULL;
  GDate old_start;
  gboolean is_new;
  gboolean had_start;

  g_return_val_if_fail (LYG_IS_STAY_PAGE (self), FALSE);

  if (!_lyg_stay_page_form_is_valid (self))
    {
      g_set_error_literal (error, LYG_RECORD_ERROR, LYG_RECORD_ERROR_BAD_VALUE,
                           self->stay_id == NULL && self->person_id == NULL
                           ? _("Give the resident an alias, and dates as YYYY-MM-DD")
                           : _("Give dates as YYYY-MM-DD, and a departure after the arrival"));
      return FALSE;
    }

  is_new = self->stay_id == NULL;
  if (!(record = fetch_record (self, error)))
    return FALSE;
  had_start = lyg_stay_get_period (record, &old_start, NULL, NULL);

  if (!_lyg_stay_page_apply_form (self, record, is_new, error))
    return FALSE;

  if (!lyg_record_has_pending (record))
    return TRUE;

  if (is_new && self->person_id == NULL && !save_new_person (self, error))
    return FALSE;
  if (is_new && self->person_id != NULL)
    lyg_record_set_string (record, "person", self->person_id);

  if (!lyg_vault_save_record (get_vault (self), record, error))
    {
      lyg_record_discard_pending (record);
      return FALSE;
    }

  if (is_new)
    {
      self->stay_id = g_strdup (lyg_record_get_id (record));
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STAY_ID]);
    }

  /* A moved start moves every deadline: the old ones' follow-ups go. */
  if (had_start)
    {
      GDate new_start;
      g_autoptr(GError) local_error = NULL;

      if ((!lyg_stay_get_period (record, &new_start, NULL, NULL) ||
           g_date_compare (&new_start, &old_start) != 0) &&
          !lyg_stay_close_followups (get_vault (self), self->stay_id, &old_start, NULL,
                                     &local_error))
        g_warning ("Could not close the old deadline follow-ups: %s", local_error->message);
    }

  g_clear_object (&record);
  if (!(record = fetch_record (self, error)))
    return FALSE;

  set_record (self, record, TRUE);
  _lyg_stay_page_load_notes (self);

  return TRUE;
}

gboolean
lyg_stay_page_extend (LygStayPage  *self,
                      guint         extra_days,
                      const char   *reason,
                      GError      **error)
{
  g_autoptr(LygRecord) record = NULL;

  g_return_val_if_fail (LYG_IS_STAY_PAGE (self), FALSE);

  if (self->stay_id == NULL)
    {
      g_set_error_literal (error, LYG_STAY_ERROR, LYG_STAY_ERROR_NO_PERIOD,
                           _("Save the stay with its period first"));
      return FALSE;
    }

  if (!(record = fetch_record (self, error)) ||
      !lyg_stay_extend (record, extra_days, reason, error))
    return FALSE;

  if (!lyg_vault_save_record (get_vault (self), record, error))
    {
      lyg_record_discard_pending (record);
      return FALSE;
    }

  /* Only the period changed: what the user is typing stays as it is. */
  set_record (self, record, FALSE);

  return TRUE;
}

gboolean
lyg_stay_page_add_note (LygStayPage  *self,
                        const char   *text,
                        GError      **error)
{
  g_autoptr(LygRecord) note = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (LYG_IS_STAY_PAGE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0' || self->stay_id == NULL)
    {
      g_set_error_literal (error, LYG_RECORD_ERROR, LYG_RECORD_ERROR_BAD_VALUE,
                           self->stay_id == NULL ? _("Save the stay before adding notes")
                                                 : _("The note is empty"));
      return FALSE;
    }

  note = lyg_stay_new_handover (self->stay_id, stripped, NULL);
  if (!lyg_vault_save_record (get_vault (self), note, error))
    return FALSE;

  _lyg_stay_page_load_notes (self);

  return TRUE;
}

static void
on_note_row_apply_cb (LygStayPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->note_row));

  if (*text == '\0')
    return;

  if (!lyg_stay_page_add_note (self, text, &error))
    {
      show_toast (self, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  show_toast (self, _("Note added"));
}

static void
on_form_changed_cb (LygStayPage *self)
{
  _lyg_stay_page_update_support (self);
  update_actions (self);
}

static void
on_vault_records_changed_cb (LygStayPage *self,
                             GStrv        ids,
                             LygVault    *vault)
{
  g_autoptr(LygRecord) record = NULL;

  if (self->stay_id == NULL)
    return;

  /* A note may have come with a sync. */
  _lyg_stay_page_load_notes (self);

  if (!g_strv_contains ((const char * const *) ids, self->stay_id) ||
      !(record = lyg_vault_get_record (vault, self->stay_id, NULL)))
    return;

  if (lyg_record_is_deleted (record))
    {
      g_signal_emit (self, signals [DONE], 0);
      return;
    }

  /* Saved elsewhere: show it, but never overwrite what is being typed. */
  set_record (self, record, !_lyg_stay_page_form_is_dirty (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LygStayPage *self = LYG_STAY_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (lyg_stay_page_save (self, &error))
    show_toast (self, _("Saved"));
  else
    show_toast (self, error->message);
}

static void
extend_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LygStayPage *self = LYG_STAY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  guint days = (guint) gtk_spin_button_get_value_as_int (self->extend_spin);

  if (lyg_stay_page_extend (self, days, lyg_form_get_enum_combo (self->reason_row), &error))
    show_toast (self, _("Period extended"));
  else
    show_toast (self, error->message);
}

static void
delete_confirmed (gpointer user_data)
{
  LygStayPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lyg_vault_delete_record (get_vault (self), self->stay_id, &error))
    {
      show_toast (self, error->message);
      return;
    }

  g_signal_emit (self, signals [DONE], 0);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LygStayPage *self = LYG_STAY_PAGE (widget);

  if (self->stay_id == NULL)
    return;

  lyg_form_confirm_delete (widget, _("Delete Stay?"),
                           _("The stay and its support plan are removed from this device and, "
                             "after the next sync, from the team. The person and the handover "
                             "notes are kept. This cannot be undone."),
                           delete_confirmed, self);
}

static void
open_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  LygStayPage *self = LYG_STAY_PAGE (widget);

  if (self->person_id != NULL)
    g_signal_emit (self, signals [OPEN_RECORD], 0, self->person_id);
}

static void
lyg_stay_page_constructed (GObject *object)
{
  LygStayPage *self = LYG_STAY_PAGE (object);
  g_autoptr(LygRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (lyg_stay_page_parent_class)->constructed (object);

  g_assert (LYG_IS_CONTEXT (self->context));

  if (self->stay_id != NULL && !(record = lyg_vault_get_record (get_vault (self), self->stay_id,
                                                                &error)))
    {
      g_warning ("Cannot open stay %s: %s", self->stay_id, error->message);
      g_clear_pointer (&self->stay_id, g_free);
    }

  for (guint i = 0; i < self->bindings->len; i++)
    {
      const Binding *binding = &g_array_index (self->bindings, Binding, i);

      g_signal_connect_object (binding->widget,
                               ADW_IS_COMBO_ROW (binding->widget) ? "notify::selected"
                                                                  : "changed",
                               G_CALLBACK (on_form_changed_cb), self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->alias_row, "changed", G_CALLBACK (on_form_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (get_vault (self), "records-changed",
                           G_CALLBACK (on_vault_records_changed_cb), self, G_CONNECT_SWAPPED);

  set_record (self, record, TRUE);

  /* A new stay starts today, and so does its period, unless changed. */
  if (record == NULL)
    {
      g_autofree char *today = lyg_form_today ();

      gtk_editable_set_text (GTK_EDITABLE (self->arrival_row), today);
      gtk_editable_set_text (GTK_EDITABLE (self->period_start_row), today);
      lyg_form_set_enum_combo (self->place_row, "crisis_shelter");
    }

  _lyg_stay_page_load_notes (self);
  update_actions (self);
}

static void
lyg_stay_page_root (GtkWidget *widget)
{
  LygStayPage *self = LYG_STAY_PAGE (widget);

  GTK_WIDGET_CLASS (lyg_stay_page_parent_class)->root (widget);

  /* A new resident starts with the alias. */
  if (self->stay_id == NULL && self->person_id == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->alias_row));
}

static void
lyg_stay_page_dispose (GObject *object)
{
  LygStayPage *self = LYG_STAY_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_STAY_PAGE);

  g_clear_object (&self->record);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lyg_stay_page_parent_class)->dispose (object);
}

static void
lyg_stay_page_finalize (GObject *object)
{
  LygStayPage *self = LYG_STAY_PAGE (object);

  g_clear_pointer (&self->stay_id, g_free);
  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->loaded, g_hash_table_unref);
  g_clear_pointer (&self->bindings, g_array_unref);
  g_clear_pointer (&self->offer_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (lyg_stay_page_parent_class)->finalize (object);
}

static void
lyg_stay_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LygStayPage *self = LYG_STAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_STAY_ID:
      g_value_set_string (value, self->stay_id);
      break;

    case PROP_PERSON_ID:
      g_value_set_string (value, self->person_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_stay_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LygStayPage *self = LYG_STAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_STAY_ID:
      self->stay_id = g_value_dup_string (value);
      break;

    case PROP_PERSON_ID:
      self->person_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_stay_page_class_init (LygStayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lyg_stay_page_constructed;
  object_class->dispose = lyg_stay_page_dispose;
  object_class->finalize = lyg_stay_page_finalize;
  object_class->get_property = lyg_stay_page_get_property;
  object_class->set_property = lyg_stay_page_set_property;

  widget_class->root = lyg_stay_page_root;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LYG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STAY_ID] =
    g_param_spec_string ("stay-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PERSON_ID] =
    g_param_spec_string ("person-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  signals [OPEN_RECORD] =
    g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-stay-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, person_button);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, resident_group);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, alias_row);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, place_row);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, shelter_row);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, arrival_row);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, departure_row);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, contact_row);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, interpreter_row);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, notes_row);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, period_start_row);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, period_row);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, reason_row);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, extend_row);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, extend_spin);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, support_group);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, handover_group);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, note_row);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, notes_list);
  gtk_widget_class_bind_template_child (widget_class, LygStayPage, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_note_row_apply_cb);

  gtk_widget_class_install_action (widget_class, "stay.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "stay.extend", NULL, extend_action);
  gtk_widget_class_install_action (widget_class, "stay.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "stay.open-person", NULL, open_person_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "stay.save", NULL);
}

static void
lyg_stay_page_init (LygStayPage *self)
{
  GtkWidget *placeholder;

  self->loaded = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->bindings = g_array_new (FALSE, FALSE, sizeof (Binding));
  self->offer_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  lyg_form_setup_enum_combo (self->reason_row, "extension_reason", NULL);
  _lyg_stay_page_build_form (self);

  placeholder = gtk_label_new (_("No handover notes yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->notes_list, placeholder);
}

/**
 * lyg_stay_page_new:
 * @context: the services of the open vault
 * @stay_id: (nullable): the stay to show, or %NULL for a new one
 * @person_id: (nullable): the person of a new stay; without one the page
 *   asks for an alias and adds the person on save
 *
 * Returns: (transfer full): a new stay page
 */
GtkWidget *
lyg_stay_page_new (LygContext *context,
                   const char *stay_id,
                   const char *person_id)
{
  g_return_val_if_fail (LYG_IS_CONTEXT (context), NULL);

  return g_object_new (LYG_TYPE_STAY_PAGE,
                       "context", context,
                       "stay-id", stay_id,
                       "person-id", person_id,
                       NULL);
}

/**
 * lyg_stay_page_open:
 * @context: the services of the open vault
 * @type: "stay" or "handover"
 * @id: (nullable): the record, or %NULL for a new stay
 * @person_id: (nullable): the person of a new stay
 *
 * Returns: (transfer full): the page of the stay, or of the stay a
 *   handover note belongs to
 */
GtkWidget *
lyg_stay_page_open (LygContext *context,
                    const char *type,
                    const char *id,
                    const char *person_id)
{
  g_autoptr(LygRecord) note = NULL;

  g_return_val_if_fail (LYG_IS_CONTEXT (context), NULL);

  if (id != NULL && g_strcmp0 (type, "handover") == 0)
    {
      if ((note = lyg_vault_get_record (lyg_context_get_vault (context), id, NULL)))
        id = lyg_record_get_string (note, "stay");
      person_id = NULL;
    }

  return lyg_stay_page_new (context, id, person_id);
}

const char *
lyg_stay_page_get_title (LygStayPage *self)
{
  g_return_val_if_fail (LYG_IS_STAY_PAGE (self), NULL);

  return self->title;
}

const char *
lyg_stay_page_get_stay_id (LygStayPage *self)
{
  g_return_val_if_fail (LYG_IS_STAY_PAGE (self), NULL);

  return self->stay_id;
}
