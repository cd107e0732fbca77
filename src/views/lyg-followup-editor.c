/* lyg-followup-editor.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-followup-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-draft.h"
#include "lyg-followup-editor.h"

struct _LygFollowupEditor
{
  AdwBin           parent_instance;

  /* Owned */
  LygContext      *context;
  char            *followup_id;
  char            *person_id;
  char            *due;
  LygRecord       *record;
  guint            focused : 1;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwEntryRow     *title_row;
  AdwActionRow    *due_row;
  GtkMenuButton   *due_button;
  GtkPopover      *due_popover;
  GtkCalendar     *calendar;
  GtkSwitch       *done_switch;
  AdwActionRow    *person_row;
  AdwEntryRow     *notes_row;
  GtkButton       *delete_button;
};

G_DEFINE_FINAL_TYPE (LygFollowupEditor, lyg_followup_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLLOWUP_ID,
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
get_vault (LygFollowupEditor *self)
{
  return lyg_context_get_vault (self->context);
}

static void
show_toast (LygFollowupEditor *self,
            const char        *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
set_due (LygFollowupEditor *self,
         const char        *due)
{
  g_autofree char *label = NULL;
  g_autoptr(GDateTime) date = NULL;
  GDate parsed;

  g_free (self->due);
  self->due = g_strdup (due);

  if (due == NULL || !lyg_form_parse_date (due, &parsed))
    {
      gtk_menu_button_set_label (self->due_button, _("No Date"));
      return;
    }

  label = lyg_form_date_label (due);
  gtk_menu_button_set_label (self->due_button, label);

  date = g_date_time_new_local (g_date_get_year (&parsed), g_date_get_month (&parsed),
                                g_date_get_day (&parsed), 12, 0, 0);
  gtk_calendar_select_day (self->calendar, date);
}

static void
update_person (LygFollowupEditor *self)
{
  g_autoptr(LygIndexEntry) entry = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->person_row), self->person_id != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.open-person", self->person_id != NULL);

  if (self->person_id == NULL)
    return;

  if (lyg_vault_get_unlocked (get_vault (self)))
    entry = lyg_index_lookup (lyg_vault_get_index (get_vault (self)), self->person_id);

  adw_action_row_set_subtitle (self->person_row, entry ? entry->title : _("Unknown person"));
}

static void
update_save (LygFollowupEditor *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 *title != '\0' &&
                                 (self->followup_id == NULL || self->record != NULL));
}

static void
load_record (LygFollowupEditor *self)
{
  g_autoptr(GError) error = NULL;
  LygRecord *record;

  if (!(record = lyg_vault_get_record (get_vault (self), self->followup_id, &error)))
    {
      g_debug ("Could not load %s: %s", self->followup_id, error->message);
      show_toast (self, _("The follow-up could not be opened"));
      return;
    }

  self->record = record;

  if (self->person_id == NULL)
    self->person_id = g_strdup (lyg_record_get_string (record, "person"));

  set_text (self->title_row, lyg_record_get_string (record, "title"));
  set_due (self, lyg_record_get_string (record, "due"));
  gtk_switch_set_active (self->done_switch, lyg_record_get_boolean (record, "done"));
  set_text (self->notes_row, lyg_record_get_string (record, "notes"));
}

static gboolean
save (LygFollowupEditor *self)
{
  g_autoptr(LygRecord) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  LygRecord *record;

  if (!lyg_vault_get_unlocked (get_vault (self)))
    return FALSE;

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  if (*title == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      show_toast (self, _("Describe the task first"));
      return FALSE;
    }

  if (self->record != NULL)
    record = self->record;
  else
    record = created = lyg_record_new ("followup");

  lyg_form_put_string (record, "person", self->person_id);
  lyg_form_put_string (record, "title", title);
  lyg_form_put_string (record, "due", self->due);
  lyg_form_put_boolean (record, "done", gtk_switch_get_active (self->done_switch));
  lyg_form_put_string (record, "notes", gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));

  if (lyg_record_has_pending (record) &&
      !lyg_vault_save_record (get_vault (self), record, &error))
    {
      g_debug ("Could not save the follow-up: %s", error->message);
      lyg_record_discard_pending (record);
      show_toast (self, _("The follow-up could not be saved"));
      return FALSE;
    }

  return TRUE;
}

static void
on_entry_activated_cb (LygFollowupEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
on_calendar_day_selected_cb (LygFollowupEditor *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *due = g_date_time_format (date, "%Y-%m-%d");

  if (g_strcmp0 (due, self->due) == 0)
    return;

  set_due (self, due);
  gtk_popover_popdown (self->due_popover);
}

static void
on_map_cb (LygFollowupEditor *self)
{
  if (self->focused)
    return;

  self->focused = TRUE;
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
delete_confirmed (gpointer user_data)
{
  LygFollowupEditor *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lyg_vault_delete_record (get_vault (self), self->followup_id, &error))
    {
      g_debug ("Could not delete the follow-up: %s", error->message);
      show_toast (self, _("The follow-up could not be deleted"));
      return;
    }

  g_signal_emit (self, signals [DONE], 0);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LygFollowupEditor *self = LYG_FOLLOWUP_EDITOR (widget);

  if (save (self))
    g_signal_emit (self, signals [DONE], 0);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_signal_emit (widget, signals [DONE], 0);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LygFollowupEditor *self = LYG_FOLLOWUP_EDITOR (widget);

  if (self->followup_id == NULL)
    return;

  lyg_form_confirm_delete (widget, _("Delete Follow-up?"),
                           _("The follow-up is removed from this device "
                             "and, after the next sync, from the team. "
                             "This cannot be undone."),
                           delete_confirmed, self);
}

static void
open_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  LygFollowupEditor *self = LYG_FOLLOWUP_EDITOR (widget);

  if (self->person_id != NULL)
    g_signal_emit (self, signals [OPEN_RECORD], 0, self->person_id);
}

static void
lyg_followup_editor_constructed (GObject *object)
{
  LygFollowupEditor *self = (LygFollowupEditor *)object;
  g_autofree char *today = lyg_form_today ();

  G_OBJECT_CLASS (lyg_followup_editor_parent_class)->constructed (object);

  g_assert (LYG_IS_CONTEXT (self->context));

  if (self->followup_id != NULL)
    load_record (self);
  else
    set_due (self, today);

  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), self->followup_id != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", self->record != NULL);

  g_signal_connect_object (self->title_row, "changed",
                           G_CALLBACK (update_save), self, G_CONNECT_SWAPPED);

  update_person (self);
  update_save (self);
}

static void
lyg_followup_editor_dispose (GObject *object)
{
  /* AdwBin unparents its child itself: let it go first, then clear the
   * template pointers. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LYG_TYPE_FOLLOWUP_EDITOR);

  G_OBJECT_CLASS (lyg_followup_editor_parent_class)->dispose (object);
}

static void
lyg_followup_editor_finalize (GObject *object)
{
  LygFollowupEditor *self = (LygFollowupEditor *)object;

  g_clear_object (&self->record);
  g_clear_object (&self->context);
  g_clear_pointer (&self->followup_id, g_free);
  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->due, g_free);

  G_OBJECT_CLASS (lyg_followup_editor_parent_class)->finalize (object);
}

static void
lyg_followup_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LygFollowupEditor *self = LYG_FOLLOWUP_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_FOLLOWUP_ID:
      g_value_set_string (value, self->followup_id);
      break;

    case PROP_PERSON_ID:
      g_value_set_string (value, self->person_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, lyg_followup_editor_get_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_followup_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LygFollowupEditor *self = LYG_FOLLOWUP_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_FOLLOWUP_ID:
      self->followup_id = g_value_dup_string (value);
      break;

    case PROP_PERSON_ID:
      self->person_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_followup_editor_class_init (LygFollowupEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lyg_followup_editor_constructed;
  object_class->dispose = lyg_followup_editor_dispose;
  object_class->finalize = lyg_followup_editor_finalize;
  object_class->get_property = lyg_followup_editor_get_property;
  object_class->set_property = lyg_followup_editor_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LYG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FOLLOWUP_ID] =
    g_param_spec_string ("followup-id", NULL, NULL,
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

  signals [DONE] =
    g_signal_new ("done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals [OPEN_RECORD] =
    g_signal_new ("open-record",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lygte/Lygte/lyg-followup-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LygFollowupEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LygFollowupEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, LygFollowupEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, LygFollowupEditor, due_button);
  gtk_widget_class_bind_template_child (widget_class, LygFollowupEditor, due_popover);
  gtk_widget_class_bind_template_child (widget_class, LygFollowupEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, LygFollowupEditor, done_switch);
  gtk_widget_class_bind_template_child (widget_class, LygFollowupEditor, person_row);
  gtk_widget_class_bind_template_child (widget_class, LygFollowupEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, LygFollowupEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);

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
lyg_followup_editor_init (LygFollowupEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

GtkWidget *
lyg_followup_editor_new (LygContext *context,
                         const char *followup_id,
                         const char *person_id)
{
  g_return_val_if_fail (LYG_IS_CONTEXT (context), NULL);

  return g_object_new (LYG_TYPE_FOLLOWUP_EDITOR,
                       "context", context,
                       "followup-id", followup_id,
                       "person-id", person_id,
                       NULL);
}

const char *
lyg_followup_editor_get_title (LygFollowupEditor *self)
{
  g_return_val_if_fail (LYG_IS_FOLLOWUP_EDITOR (self), NULL);

  return self->followup_id == NULL ? _("New Follow-up") : _("Follow-up");
}
