/* lyg-referral-editor.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-referral-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-draft.h"
#include "lyg-referral-editor.h"

struct _LygReferralEditor
{
  AdwBin               parent_instance;

  /* Owned */
  LygContext          *context;
  char                *referral_id;
  char                *person_id;
  char                *screening_id;
  LygRecord           *record;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwActionRow        *person_row;
  AdwComboRow         *target_row;
  AdwEntryRow         *date_row;
  AdwComboRow         *outcome_row;
  AdwPreferencesGroup *consent_group;
  AdwActionRow        *consent_row;
  GtkSwitch           *consent_switch;
  AdwComboRow         *consent_by_row;
  AdwEntryRow         *notes_row;
  GtkButton           *delete_button;
};

G_DEFINE_FINAL_TYPE (LygReferralEditor, lyg_referral_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_REFERRAL_ID,
  PROP_PERSON_ID,
  PROP_SCREENING_ID,
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
get_vault (LygReferralEditor *self)
{
  return lyg_context_get_vault (self->context);
}

static void
show_toast (LygReferralEditor *self,
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

/* Referring to the identification centre or the police passes
 * special-category data to an authority, so it needs the person's (or
 * their personal representative's) recorded consent (domain.md §9).
 */
static gboolean
target_needs_consent (const char *target)
{
  return g_strcmp0 (target, "identification_centre") == 0 ||
         g_strcmp0 (target, "police") == 0;
}

static gboolean
consent_missing (LygReferralEditor *self)
{
  return target_needs_consent (lyg_form_get_enum_combo (self->target_row)) &&
         !gtk_switch_get_active (self->consent_switch);
}

static void
update_consent (LygReferralEditor *self)
{
  gboolean needed = target_needs_consent (lyg_form_get_enum_combo (self->target_row));
  gboolean missing = consent_missing (self);

  if (needed)
    adw_action_row_set_subtitle (self->consent_row,
                                 _("Required: a referral to the identification centre or the "
                                   "police shares sensitive data about the person with an "
                                   "authority, which data protection allows only with their "
                                   "consent or that of their personal representative"));
  else
    adw_action_row_set_subtitle (self->consent_row,
                                 _("Whether the person agreed to this referral"));

  if (missing)
    gtk_widget_add_css_class (GTK_WIDGET (self->consent_row), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->consent_row), "warning");

  gtk_widget_set_sensitive (GTK_WIDGET (self->consent_by_row),
                            gtk_switch_get_active (self->consent_switch));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 !missing && (self->referral_id == NULL || self->record != NULL));
}

static void
update_person (LygReferralEditor *self)
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
load_record (LygReferralEditor *self)
{
  g_autoptr(GError) error = NULL;
  LygRecord *record;

  if (!(record = lyg_vault_get_record (get_vault (self), self->referral_id, &error)))
    {
      g_debug ("Could not load %s: %s", self->referral_id, error->message);
      show_toast (self, _("The referral could not be opened"));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", FALSE);
      return;
    }

  self->record = record;

  if (self->person_id == NULL)
    self->person_id = g_strdup (lyg_record_get_string (record, "person"));
  if (self->screening_id == NULL)
    self->screening_id = g_strdup (lyg_record_get_string (record, "screening"));

  lyg_form_set_enum_combo (self->target_row, lyg_record_get_string (record, "target"));
  set_text (self->date_row, lyg_record_get_string (record, "date"));
  lyg_form_set_enum_combo (self->outcome_row, lyg_record_get_string (record, "outcome"));
  gtk_switch_set_active (self->consent_switch, lyg_record_get_boolean (record, "consent"));
  lyg_form_set_enum_combo (self->consent_by_row, lyg_record_get_string (record, "consent_by"));
  set_text (self->notes_row, lyg_record_get_string (record, "notes"));
}

static gboolean
save (LygReferralEditor *self)
{
  g_autoptr(LygRecord) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date_text = NULL;
  GDate date;
  LygRecord *record;
  gboolean consent;

  if (!lyg_vault_get_unlocked (get_vault (self)))
    return FALSE;

  if (consent_missing (self))
    {
      show_toast (self, _("Record the person’s consent before referring them to the "
                          "identification centre or the police"));
      gtk_widget_grab_focus (GTK_WIDGET (self->consent_switch));
      return FALSE;
    }

  date_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  if (*date_text == '\0')
    {
      g_free (date_text);
      date_text = lyg_form_today ();
    }
  if (!lyg_form_parse_date (date_text, &date))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      show_toast (self, _("Enter the date as YYYY-MM-DD"));
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");

  if (self->record != NULL)
    record = self->record;
  else
    record = created = lyg_record_new ("referral");

  consent = gtk_switch_get_active (self->consent_switch);

  lyg_form_put_string (record, "person", self->person_id);
  lyg_form_put_string (record, "screening", self->screening_id);
  lyg_form_put_string (record, "target", lyg_form_get_enum_combo (self->target_row));
  lyg_form_put_string (record, "date", date_text);
  lyg_form_put_string (record, "outcome", lyg_form_get_enum_combo (self->outcome_row));
  lyg_form_put_boolean (record, "consent", consent);
  lyg_form_put_string (record, "consent_by",
                       consent ? lyg_form_get_enum_combo (self->consent_by_row) : NULL);
  lyg_form_put_string (record, "notes", gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));

  if (lyg_record_has_pending (record) &&
      !lyg_vault_save_record (get_vault (self), record, &error))
    {
      g_debug ("Could not save the referral: %s", error->message);
      lyg_record_discard_pending (record);
      show_toast (self, _("The referral could not be saved"));
      return FALSE;
    }

  return TRUE;
}

static void
on_entry_activated_cb (LygReferralEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
delete_confirmed (gpointer user_data)
{
  LygReferralEditor *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lyg_vault_delete_record (get_vault (self), self->referral_id, &error))
    {
      g_debug ("Could not delete the referral: %s", error->message);
      show_toast (self, _("The referral could not be deleted"));
      return;
    }

  g_signal_emit (self, signals [DONE], 0);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LygReferralEditor *self = LYG_REFERRAL_EDITOR (widget);

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
  LygReferralEditor *self = LYG_REFERRAL_EDITOR (widget);

  if (self->referral_id == NULL)
    return;

  lyg_form_confirm_delete (widget, _("Delete Referral?"),
                           _("The referral is removed from this device "
                             "and, after the next sync, from the team. "
                             "This cannot be undone."),
                           delete_confirmed, self);
}

static void
open_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  LygReferralEditor *self = LYG_REFERRAL_EDITOR (widget);

  if (self->person_id != NULL)
    g_signal_emit (self, signals [OPEN_RECORD], 0, self->person_id);
}

static void
lyg_referral_editor_constructed (GObject *object)
{
  LygReferralEditor *self = (LygReferralEditor *)object;
  g_autofree char *today = lyg_form_today ();

  G_OBJECT_CLASS (lyg_referral_editor_parent_class)->constructed (object);

  g_assert (LYG_IS_CONTEXT (self->context));

  lyg_form_setup_enum_combo (self->target_row, "referral_target", NULL);
  lyg_form_setup_enum_combo (self->outcome_row, "referral_outcome", NULL);
  lyg_form_setup_enum_combo (self->consent_by_row, "consent_by", NULL);

  if (self->referral_id != NULL)
    load_record (self);
  else
    set_text (self->date_row, today);

  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), self->referral_id != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", self->record != NULL);

  g_signal_connect_object (self->target_row, "notify::selected",
                           G_CALLBACK (update_consent), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->consent_switch, "notify::active",
                           G_CALLBACK (update_consent), self, G_CONNECT_SWAPPED);

  update_person (self);
  update_consent (self);
}

static void
lyg_referral_editor_dispose (GObject *object)
{
  /* AdwBin unparents its child itself: let it go first, then clear the
   * template pointers. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LYG_TYPE_REFERRAL_EDITOR);

  G_OBJECT_CLASS (lyg_referral_editor_parent_class)->dispose (object);
}

static void
lyg_referral_editor_finalize (GObject *object)
{
  LygReferralEditor *self = (LygReferralEditor *)object;

  g_clear_object (&self->record);
  g_clear_object (&self->context);
  g_clear_pointer (&self->referral_id, g_free);
  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->screening_id, g_free);

  G_OBJECT_CLASS (lyg_referral_editor_parent_class)->finalize (object);
}

static void
lyg_referral_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LygReferralEditor *self = LYG_REFERRAL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_REFERRAL_ID:
      g_value_set_string (value, self->referral_id);
      break;

    case PROP_PERSON_ID:
      g_value_set_string (value, self->person_id);
      break;

    case PROP_SCREENING_ID:
      g_value_set_string (value, self->screening_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, lyg_referral_editor_get_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_referral_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LygReferralEditor *self = LYG_REFERRAL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_REFERRAL_ID:
      self->referral_id = g_value_dup_string (value);
      break;

    case PROP_PERSON_ID:
      self->person_id = g_value_dup_string (value);
      break;

    case PROP_SCREENING_ID:
      self->screening_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_referral_editor_class_init (LygReferralEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lyg_referral_editor_constructed;
  object_class->dispose = lyg_referral_editor_dispose;
  object_class->finalize = lyg_referral_editor_finalize;
  object_class->get_property = lyg_referral_editor_get_property;
  object_class->set_property = lyg_referral_editor_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LYG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REFERRAL_ID] =
    g_param_spec_string ("referral-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PERSON_ID] =
    g_param_spec_string ("person-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SCREENING_ID] =
    g_param_spec_string ("screening-id", NULL, NULL,
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

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lygte/Lygte/lyg-referral-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LygReferralEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LygReferralEditor, person_row);
  gtk_widget_class_bind_template_child (widget_class, LygReferralEditor, target_row);
  gtk_widget_class_bind_template_child (widget_class, LygReferralEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, LygReferralEditor, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, LygReferralEditor, consent_group);
  gtk_widget_class_bind_template_child (widget_class, LygReferralEditor, consent_row);
  gtk_widget_class_bind_template_child (widget_class, LygReferralEditor, consent_switch);
  gtk_widget_class_bind_template_child (widget_class, LygReferralEditor, consent_by_row);
  gtk_widget_class_bind_template_child (widget_class, LygReferralEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, LygReferralEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);

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
lyg_referral_editor_init (LygReferralEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lyg_referral_editor_new (LygContext *context,
                         const char *referral_id,
                         const char *person_id,
                         const char *screening_id)
{
  g_return_val_if_fail (LYG_IS_CONTEXT (context), NULL);

  return g_object_new (LYG_TYPE_REFERRAL_EDITOR,
                       "context", context,
                       "referral-id", referral_id,
                       "person-id", person_id,
                       "screening-id", screening_id,
                       NULL);
}

const char *
lyg_referral_editor_get_title (LygReferralEditor *self)
{
  g_return_val_if_fail (LYG_IS_REFERRAL_EDITOR (self), NULL);

  return self->referral_id == NULL ? _("New Referral") : _("Referral");
}
