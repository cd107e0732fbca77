/* lyg-person-page.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-person-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-conflict-list.h"
#include "lyg-entry-list.h"
#include "lyg-entry-row.h"
#include "lyg-erase-dialog.h"
#include "lyg-person-rights.h"
#include "lyg-person-page.h"
#include "lyg-record-form.h"

/* A person: the details as an editable form, values that conflict after a
 * sync, and a timeline of what was recorded with the person. Like the
 * record editors it has a "title" and emits ::done when the user is
 * finished (deleted the person); the container pops it.
 */
struct _LygPersonPage
{
  AdwBin           parent_instance;

  /* Owned */
  LygContext      *context;
  char            *person_id;
  LygRecord       *record;
  LygEntryList    *timeline_model;
  char            *title;

  /* Built in code */
  LygRecordForm   *form;

  /* Template widgets */
  GtkBox          *box;
  AdwAvatar       *avatar;
  GtkLabel        *name_label;
  GtkLabel        *summary_label;
  GtkWidget       *save_button;
  LygConflictList *conflict_list;
  GtkWidget       *timeline_group;
  GtkListBox      *timeline;
  GtkWidget       *delete_button;
};

G_DEFINE_FINAL_TYPE (LygPersonPage, lyg_person_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PERSON_ID,
  PROP_TITLE,
  N_PROPS
};

enum {
  DONE,
  OPEN_RECORD,
  NEW_RECORD,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static const char * const person_fields[] = {
  "alias", "sex", "age_band", "birth_year", "minor", "age_disputed", "nationality",
  "languages", "interpreter_language", NULL
};
static const char * const contact_fields[] = {
  "contact_channel", "consent_storage", "consent_referral", "residence_status", "status", NULL
};
static const char * const situation_fields[] = {
  "exploitation", "tags", "notes", NULL
};
static const LygRecordFormGroup groups[] = {
  { N_("Details"), person_fields },
  { N_("Contact and Consent"), contact_fields },
  { N_("Situation"), situation_fields },
};

static const char *
type_label (const char *type)
{
  const LygTypeSpec *spec = type ? lyg_schema_lookup_type (type) : NULL;

  return spec ? g_dgettext (GETTEXT_PACKAGE, spec->label) : type;
}

static GtkWidget *
create_timeline_row_cb (gpointer item,
                        gpointer user_data)
{
  LygEntryItem *entry = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (lyg_entry_row_type_icon (lyg_entry_item_get_kind (entry)));
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *date = lyg_entry_row_format_date (lyg_entry_item_get_date (entry));
  g_autoptr(GString) subtitle = g_string_new (type_label (lyg_entry_item_get_kind (entry)));
  const char *extra = lyg_entry_item_get_subtitle (entry);

  if (extra != NULL && *extra != '\0')
    g_string_append_printf (subtitle, " · %s", extra);
  if (date != NULL)
    g_string_append_printf (subtitle, " · %s", date);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lyg_entry_item_get_title (entry));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "lyg-id", g_strdup (lyg_entry_item_get_id (entry)),
                          g_free);

  return row;
}

static void
on_timeline_row_activated_cb (LygPersonPage *self,
                              GtkListBoxRow *row,
                              GtkListBox    *list_box)
{
  const char *id = g_object_get_data (G_OBJECT (row), "lyg-id");

  if (id != NULL)
    g_signal_emit (self, signals [OPEN_RECORD], 0, id);
}

static void
show_toast (LygPersonPage *self,
            const char    *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static void
show_error (LygPersonPage *self,
            const char    *heading,
            const GError  *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_warning ("%s: %s", heading, error->message);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_actions (LygPersonPage *self)
{
  gboolean saved = self->person_id != NULL;
  gboolean can_save = lyg_record_form_get_dirty (self->form) &&
                      lyg_record_form_get_valid (self->form);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.save", can_save);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.delete", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.export", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.erase", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.add", saved);
}

static void
update_header (LygPersonPage *self)
{
  const char *alias = self->record ? lyg_record_get_string (self->record, "alias") : NULL;
  g_autofree char *title = NULL;
  g_autoptr(LygIndexEntry) entry = NULL;
  const char *summary = NULL;

  if (self->person_id == NULL)
    title = g_strdup (_("New Person"));
  else if (alias != NULL && *alias != '\0')
    title = g_strdup (alias);
  else
    title = g_strdup (_("Unnamed person"));

  gtk_label_set_text (self->name_label, title);
  adw_avatar_set_text (self->avatar, self->person_id ? title : NULL);

  if (self->person_id != NULL)
    entry = lyg_index_lookup (lyg_vault_get_index (lyg_context_get_vault (self->context)),
                              self->person_id);
  if (entry != NULL && entry->subtitle != NULL && *entry->subtitle != '\0')
    summary = entry->subtitle;
  else if (self->person_id == NULL)
    summary = _("Not saved yet");
  gtk_label_set_text (self->summary_label, summary ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL);

  gtk_widget_set_visible (self->timeline_group, self->person_id != NULL);
  gtk_widget_set_visible (self->delete_button, self->person_id != NULL);

  if (g_strcmp0 (title, self->title) != 0)
    {
      g_free (self->title);
      self->title = g_steal_pointer (&title);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
    }
}

static void
update_conflicts (LygPersonPage *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_auto(GStrv) fields = NULL;

  lyg_conflict_list_set_record (self->conflict_list, self->record);

  fields = self->record ? lyg_record_list_fields (self->record) : g_new0 (char *, 1);
  for (guint i = 0; fields[i] != NULL; i++)
    lyg_record_form_mark_conflict (self->form, fields[i], FALSE);

  conflicts = self->record ? lyg_record_get_conflicts (self->record) : NULL;
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      const LygConflict *conflict = g_ptr_array_index (conflicts, i);

      lyg_record_form_mark_conflict (self->form, conflict->field, TRUE);
    }
}

static void
set_record (LygPersonPage *self,
            LygRecord     *record,
            gboolean       reload_form)
{
  g_set_object (&self->record, record);

  if (reload_form)
    lyg_record_form_set_record (self->form, record);

  update_conflicts (self);
  update_header (self);
  update_actions (self);
}

/* The stored record, decrypted again: it may have changed since the page
 * opened (a sync), and the form writes its changes into the fresh copy. */
static LygRecord *
fetch_record (LygPersonPage  *self,
              GError        **error)
{
  LygVault *vault = lyg_context_get_vault (self->context);

  if (self->person_id == NULL)
    return g_object_ref (self->record);

  return lyg_vault_get_record (vault, self->person_id, error);
}

static void
ensure_timeline (LygPersonPage *self)
{
  if (self->timeline_model != NULL || self->person_id == NULL)
    return;

  self->timeline_model = lyg_entry_list_new_person (lyg_context_get_vault (self->context),
                                                    self->person_id);
  gtk_list_box_bind_model (self->timeline, G_LIST_MODEL (self->timeline_model),
                           create_timeline_row_cb, NULL, NULL);
}

/**
 * lyg_person_page_save:
 * @self: a #LygPersonPage
 * @error: return location for an error
 *
 * Saves the fields the user changed.
 *
 * Returns: %TRUE on success
 */
gboolean
lyg_person_page_save (LygPersonPage  *self,
                      GError        **error)
{
  g_autoptr(LygRecord) record = NULL;
  LygVault *vault;
  gboolean is_new;

  g_return_val_if_fail (LYG_IS_PERSON_PAGE (self), FALSE);

  if (!lyg_record_form_get_valid (self->form))
    {
      g_set_error_literal (error, LYG_RECORD_ERROR, LYG_RECORD_ERROR_BAD_VALUE,
                           _("Some fields hold values that cannot be saved"));
      return FALSE;
    }

  vault = lyg_context_get_vault (self->context);
  is_new = self->person_id == NULL;

  if (!(record = fetch_record (self, error)))
    return FALSE;

  if (!lyg_record_form_apply (self->form, record) && !is_new)
    return TRUE;

  if (!lyg_vault_save_record (vault, record, error))
    {
      lyg_record_discard_pending (record);
      return FALSE;
    }

  if (is_new)
    {
      self->person_id = g_strdup (lyg_record_get_id (record));
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PERSON_ID]);
      ensure_timeline (self);
    }

  g_clear_object (&record);
  if (!(record = fetch_record (self, error)))
    return FALSE;

  set_record (self, record, TRUE);

  return TRUE;
}

static void
lyg_person_page_actions_save (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  LygPersonPage *self = LYG_PERSON_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!lyg_record_form_get_dirty (self->form))
    return;

  if (lyg_person_page_save (self, &error))
    show_toast (self, _("Saved"));
  else
    show_error (self, _("The Person Could Not Be Saved"), error);
}

static void
on_delete_dialog_response_cb (LygPersonPage    *self,
                              const char       *response,
                              AdwMessageDialog *dialog)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->person_id == NULL)
    return;

  if (!lyg_vault_delete_record (lyg_context_get_vault (self->context), self->person_id, &error))
    {
      show_error (self, _("The Person Could Not Be Deleted"), error);
      return;
    }

  show_toast (self, _("Person deleted"));
  g_signal_emit (self, signals [DONE], 0);
}

static void
lyg_person_page_actions_delete (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  LygPersonPage *self = LYG_PERSON_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Delete This Person?"),
                                   _("The person’s details are erased here and on every device "
                                     "this vault syncs with. Encounters, screenings and "
                                     "follow-ups recorded with the person are kept."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_dialog_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lyg_person_page_actions_export (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  LygPersonPage *self = LYG_PERSON_PAGE (widget);

  if (self->person_id != NULL)
    lyg_person_rights_export (widget, lyg_context_get_vault (self->context), self->person_id);
}

static void
on_erase_dialog_erased_cb (LygPersonPage  *self,
                           guint           n_records,
                           LygEraseDialog *dialog)
{
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Erased %u record", "Erased %u records",
                                       n_records), n_records);
  show_toast (self, text);
  /* The erasure changed the person into a deletion: the page is already
   * done through ::records-changed (on_vault_records_changed_cb). */
}

static void
lyg_person_page_actions_erase (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  LygPersonPage *self = LYG_PERSON_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (self->person_id == NULL)
    return;

  dialog = lyg_erase_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 lyg_context_get_vault (self->context), self->person_id, &error);
  if (dialog == NULL)
    {
      show_error (self, _("The Person Could Not Be Erased"), error);
      return;
    }

  g_signal_connect_object (dialog, "erased", G_CALLBACK (on_erase_dialog_erased_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lyg_person_page_actions_add (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  LygPersonPage *self = LYG_PERSON_PAGE (widget);

  if (self->person_id != NULL)
    g_signal_emit (self, signals [NEW_RECORD], 0, g_variant_get_string (param, NULL),
                   self->person_id);
}

static void
on_conflict_list_resolve_cb (LygPersonPage   *self,
                             const char      *field,
                             JsonNode        *value,
                             LygConflictList *list)
{
  g_autoptr(LygRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  gboolean dirty = lyg_record_form_get_dirty (self->form);

  if (!(record = fetch_record (self, &error)))
    {
      show_error (self, _("The Conflict Could Not Be Resolved"), error);
      return;
    }

  /* Writing the chosen value supersedes every conflicting version. */
  lyg_record_set_value (record, field, value);
  if (!lyg_vault_save_record (lyg_context_get_vault (self->context), record, &error))
    {
      show_error (self, _("The Conflict Could Not Be Resolved"), error);
      return;
    }

  g_clear_object (&record);
  if (!(record = fetch_record (self, &error)))
    return;

  set_record (self, record, !dirty);
  if (dirty)
    lyg_record_form_set_value (self->form, field, value);

  show_toast (self, _("Conflict resolved"));
}

static void
on_form_changed_cb (LygPersonPage *self,
                    LygRecordForm *form)
{
  update_actions (self);
}

static void
on_vault_records_changed_cb (LygPersonPage *self,
                             GStrv          ids,
                             LygVault      *vault)
{
  g_autoptr(LygRecord) record = NULL;

  if (self->person_id == NULL || !g_strv_contains ((const char * const *) ids, self->person_id))
    return;

  /* Saved elsewhere (a sync, another page): show it, but never overwrite
   * what the user is typing. */
  if (!(record = lyg_vault_get_record (vault, self->person_id, NULL)))
    return;

  if (lyg_record_is_deleted (record))
    {
      g_signal_emit (self, signals [DONE], 0);
      return;
    }

  set_record (self, record, !lyg_record_form_get_dirty (self->form));
}

static void
lyg_person_page_constructed (GObject *object)
{
  LygPersonPage *self = LYG_PERSON_PAGE (object);
  g_autoptr(LygRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  LygVault *vault;

  G_OBJECT_CLASS (lyg_person_page_parent_class)->constructed (object);

  g_return_if_fail (LYG_IS_CONTEXT (self->context));

  vault = lyg_context_get_vault (self->context);

  self->form = LYG_RECORD_FORM (lyg_record_form_new ("person", groups, G_N_ELEMENTS (groups)));
  /* What happened with the person comes first, the details below. */
  gtk_box_insert_child_after (self->box, GTK_WIDGET (self->form), self->timeline_group);
  g_signal_connect_object (self->form, "changed", G_CALLBACK (on_form_changed_cb), self,
                           G_CONNECT_SWAPPED);

  if (self->person_id != NULL &&
      !(record = lyg_vault_get_record (vault, self->person_id, &error)))
    {
      g_warning ("Cannot open person %s: %s", self->person_id, error->message);
      g_clear_pointer (&self->person_id, g_free);
    }

  if (record == NULL)
    record = lyg_record_new ("person");

  g_signal_connect_object (vault, "records-changed", G_CALLBACK (on_vault_records_changed_cb),
                           self, G_CONNECT_SWAPPED);

  ensure_timeline (self);
  set_record (self, record, TRUE);
}

static void
lyg_person_page_root (GtkWidget *widget)
{
  LygPersonPage *self = LYG_PERSON_PAGE (widget);

  GTK_WIDGET_CLASS (lyg_person_page_parent_class)->root (widget);

  /* A new person starts with the alias. */
  if (self->person_id == NULL)
    gtk_widget_grab_focus (lyg_record_form_get_row (self->form, "alias"));
}

static void
lyg_person_page_dispose (GObject *object)
{
  LygPersonPage *self = LYG_PERSON_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_PERSON_PAGE);

  g_clear_object (&self->timeline_model);
  g_clear_object (&self->record);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lyg_person_page_parent_class)->dispose (object);
}

static void
lyg_person_page_finalize (GObject *object)
{
  LygPersonPage *self = LYG_PERSON_PAGE (object);

  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (lyg_person_page_parent_class)->finalize (object);
}

static void
lyg_person_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LygPersonPage *self = LYG_PERSON_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
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
lyg_person_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LygPersonPage *self = LYG_PERSON_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_PERSON_ID:
      self->person_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_person_page_class_init (LygPersonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lyg_person_page_constructed;
  object_class->dispose = lyg_person_page_dispose;
  object_class->finalize = lyg_person_page_finalize;
  object_class->get_property = lyg_person_page_get_property;
  object_class->set_property = lyg_person_page_set_property;

  widget_class->root = lyg_person_page_root;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LYG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * LygPersonPage:person-id:
   *
   * The person shown, or %NULL for a new person until it is saved.
   */
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

  /**
   * LygPersonPage::done:
   *
   * The user is finished with the person (it was deleted).
   */
  signals [DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * LygPersonPage::open-record:
   * @id: a record of the timeline
   */
  signals [OPEN_RECORD] =
    g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * LygPersonPage::new-record:
   * @type: "encounter", "screening", "referral" or "followup"
   * @person_id: the person to link it to
   */
  signals [NEW_RECORD] =
    g_signal_new ("new-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "person.save", NULL,
                                   lyg_person_page_actions_save);
  gtk_widget_class_install_action (widget_class, "person.delete", NULL,
                                   lyg_person_page_actions_delete);
  gtk_widget_class_install_action (widget_class, "person.add", "s",
                                   lyg_person_page_actions_add);
  gtk_widget_class_install_action (widget_class, "person.export", NULL,
                                   lyg_person_page_actions_export);
  gtk_widget_class_install_action (widget_class, "person.erase", NULL,
                                   lyg_person_page_actions_erase);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "person.save", NULL);

  g_type_ensure (LYG_TYPE_CONFLICT_LIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-person-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LygPersonPage, box);
  gtk_widget_class_bind_template_child (widget_class, LygPersonPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, LygPersonPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, LygPersonPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LygPersonPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, LygPersonPage, conflict_list);
  gtk_widget_class_bind_template_child (widget_class, LygPersonPage, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, LygPersonPage, timeline);
  gtk_widget_class_bind_template_child (widget_class, LygPersonPage, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_conflict_list_resolve_cb);
}

static void
lyg_person_page_init (LygPersonPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("Nothing recorded with this person yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->timeline, placeholder);
}

/**
 * lyg_person_page_new:
 * @context: the services of the open vault
 * @person_id: (nullable): the person to show, or %NULL for a new person
 *
 * Returns: (transfer full): a new person page
 */
GtkWidget *
lyg_person_page_new (LygContext *context,
                     const char *person_id)
{
  g_return_val_if_fail (LYG_IS_CONTEXT (context), NULL);

  return g_object_new (LYG_TYPE_PERSON_PAGE,
                       "context", context,
                       "person-id", person_id,
                       NULL);
}

const char *
lyg_person_page_get_title (LygPersonPage *self)
{
  g_return_val_if_fail (LYG_IS_PERSON_PAGE (self), NULL);

  return self->title;
}

const char *
lyg_person_page_get_person_id (LygPersonPage *self)
{
  g_return_val_if_fail (LYG_IS_PERSON_PAGE (self), NULL);

  return self->person_id;
}
