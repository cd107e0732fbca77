/* lyg-screening-page-actions.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-screening-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-screening-page-private.h"

/* What the user does with a screening: change its catalogue or profile,
 * save it, cancel it, or refer the person. */

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
apply_pending_change (LygScreeningPage *self)
{
  if (self->pending_catalogue != NULL)
    {
      g_autoptr(LygCatalogue) catalogue = g_steal_pointer (&self->pending_catalogue);

      g_clear_object (&self->answers);
      self->answers = lyg_screening_answers_new ();
      _lyg_screening_page_set_catalogue (self, catalogue, NULL);
      _lyg_screening_page_set_dirty (self, TRUE);
      _lyg_screening_page_rescore (self);
    }
  else if (self->pending_profile != NULL)
    {
      g_free (self->profile);
      self->profile = g_steal_pointer (&self->pending_profile);
      _lyg_screening_page_set_dirty (self, TRUE);
      _lyg_screening_page_rescore (self);
    }
}

static void
revert_pending_change (LygScreeningPage *self)
{
  const char *id = lyg_catalogue_get_id (self->catalogue);

  g_clear_object (&self->pending_catalogue);
  g_clear_pointer (&self->pending_profile, g_free);

  self->updating = TRUE;

  adw_combo_row_set_selected (self->catalogue_row, _lyg_screening_page_find_catalogue (self, id));

  for (guint i = 0; self->profiles != NULL && self->profiles[i] != NULL; i++)
    if (g_strcmp0 (self->profiles[i], self->profile) == 0)
      adw_combo_row_set_selected (self->profile_row, i);

  self->updating = FALSE;
}

static void
on_change_dialog_response_cb (LygScreeningPage *self,
                              const char       *response,
                              AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "change") == 0)
    apply_pending_change (self);
  else
    revert_pending_change (self);
}

/* Asks before a change of catalogue or profile would touch answers. */
static void
confirm_pending_change (LygScreeningPage *self)
{
  GtkWidget *dialog;
  const char *heading;
  const char *body;
  const char *label;

  if (lyg_screening_answers_get_size (self->answers) == 0)
    {
      apply_pending_change (self);
      return;
    }

  if (self->pending_catalogue != NULL)
    {
      heading = _("Change Indicator List?");
      body = _("The answers given so far belong to the current list and will be "
               "discarded.");
      label = _("_Change and Discard Answers");
    }
  else
    {
      heading = _("Change Profile?");
      body = _("The answers are kept, but the result is worked out again with the "
               "rule for the new profile.");
      label = _("_Change Profile");
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "change", label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change",
                                              self->pending_catalogue != NULL
                                              ? ADW_RESPONSE_DESTRUCTIVE
                                              : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_change_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_catalogue_row_selected_cb (LygScreeningPage *self,
                              GParamSpec       *pspec,
                              AdwComboRow      *row)
{
  LygCatalogue *catalogue;

  if (self->updating || self->catalogue == NULL)
    return;

  catalogue = adw_combo_row_get_selected_item (row);
  if (catalogue == NULL || catalogue == self->catalogue)
    return;

  g_clear_pointer (&self->pending_profile, g_free);
  g_set_object (&self->pending_catalogue, catalogue);
  confirm_pending_change (self);
}

static void
on_profile_row_selected_cb (LygScreeningPage *self,
                            GParamSpec       *pspec,
                            AdwComboRow      *row)
{
  guint selected;

  if (self->updating || self->profiles == NULL)
    return;

  selected = adw_combo_row_get_selected (row);
  if (selected >= g_strv_length (self->profiles) ||
      g_strcmp0 (self->profiles[selected], self->profile) == 0)
    return;

  g_clear_object (&self->pending_catalogue);
  g_free (self->pending_profile);
  self->pending_profile = g_strdup (self->profiles[selected]);
  confirm_pending_change (self);
}

static void
on_notes_row_changed_cb (LygScreeningPage *self,
                         GtkEditable      *editable)
{
  if (!self->updating)
    _lyg_screening_page_set_dirty (self, TRUE);
}

/* Writes the screening into the vault, without leaving the page. */
static gboolean
save_screening (LygScreeningPage  *self,
                GError           **error)
{
  LygVault *vault = lyg_context_get_vault (self->context);
  g_autoptr(JsonNode) answers = NULL;
  g_autoptr(JsonNode) result = NULL;
  const char *notes;

  g_assert (self->catalogue != NULL);
  g_assert (self->result != NULL);

  answers = lyg_screening_answers_to_json (self->answers);
  result = lyg_screening_result_to_json (self->result, self->lang);
  notes = gtk_editable_get_text (GTK_EDITABLE (self->notes_row));

  lyg_record_set_string (self->record, "catalogue", lyg_catalogue_get_id (self->catalogue));
  lyg_record_set_int (self->record, "catalogue_version",
                      lyg_catalogue_get_version (self->catalogue));
  lyg_record_set_string (self->record, "profile", self->profile);
  lyg_record_set_value (self->record, "answers", answers);
  lyg_record_set_value (self->record, "result", result);

  if (lyg_record_get_string (self->record, "date") == NULL)
    {
      g_autofree char *today = dup_today ();

      lyg_record_set_string (self->record, "date", today);
    }

  if (self->person_id != NULL)
    lyg_record_set_string (self->record, "person", self->person_id);

  if (*notes != '\0')
    lyg_record_set_string (self->record, "notes", notes);
  else if (lyg_record_has_field (self->record, "notes"))
    lyg_record_unset (self->record, "notes");

  if (!lyg_vault_save_record (vault, self->record, error))
    return FALSE;

  g_free (self->screening_id);
  self->screening_id = g_strdup (lyg_record_get_id (self->record));
  _lyg_screening_page_set_dirty (self, FALSE);
  _lyg_screening_page_update_title (self);

  return TRUE;
}

static void
on_save_button_clicked_cb (LygScreeningPage *self,
                           GtkButton        *button)
{
  g_autoptr(GError) error = NULL;

  if (self->catalogue == NULL)
    return;

  if (!save_screening (self, &error))
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("Could not save the screening: %s"), error->message);
      _lyg_screening_page_show_toast (self, message);
      return;
    }

  _lyg_screening_page_emit_done (self);
}

static void
on_discard_dialog_response_cb (LygScreeningPage *self,
                               const char       *response,
                               AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "discard") == 0)
    _lyg_screening_page_emit_done (self);
}

static void
on_cancel_button_clicked_cb (LygScreeningPage *self,
                             GtkButton        *button)
{
  GtkWidget *dialog;

  if (!self->dirty)
    {
      _lyg_screening_page_emit_done (self);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Discard Changes?"),
                                   _("The answers and notes of this screening have not been "
                                     "saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_discard_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Creates the referral for consent given by @consent_by ("person" or
 * "representative"), after saving the screening it points to. */
static char *
create_referral (LygScreeningPage  *self,
                 const char        *consent_by,
                 GError           **error)
{
  LygVault *vault = lyg_context_get_vault (self->context);
  g_autoptr(LygRecord) referral = NULL;
  g_autofree char *today = dup_today ();

  if (!save_screening (self, error))
    return NULL;

  referral = lyg_record_new ("referral");
  lyg_record_set_string (referral, "target", "identification_centre");
  if (self->person_id != NULL)
    lyg_record_set_string (referral, "person", self->person_id);
  lyg_record_set_string (referral, "screening", lyg_record_get_id (self->record));
  lyg_record_set_string (referral, "date", today);
  lyg_record_set_boolean (referral, "consent", TRUE);
  lyg_record_set_string (referral, "consent_by", consent_by);
  lyg_record_set_string (referral, "outcome", "pending");

  if (!lyg_vault_save_record (vault, referral, error))
    return NULL;

  return g_strdup (lyg_record_get_id (referral));
}

static const char *
get_consent_by (AdwMessageDialog *dialog)
{
  GtkCheckButton *person = g_object_get_data (G_OBJECT (dialog), "consent-person");
  GtkCheckButton *representative = g_object_get_data (G_OBJECT (dialog), "consent-representative");

  if (gtk_check_button_get_active (person))
    return "person";
  if (gtk_check_button_get_active (representative))
    return "representative";

  return NULL;
}

static void
on_consent_button_toggled_cb (AdwMessageDialog *dialog,
                              GtkCheckButton   *button)
{
  GtkCheckButton *none = g_object_get_data (G_OBJECT (dialog), "consent-none");
  GtkWidget *explanation = g_object_get_data (G_OBJECT (dialog), "no-consent-label");

  adw_message_dialog_set_response_enabled (dialog, "refer", get_consent_by (dialog) != NULL);
  gtk_widget_set_visible (explanation, gtk_check_button_get_active (none));
}

static void
on_consent_dialog_response_cb (LygScreeningPage *self,
                               const char       *response,
                               AdwMessageDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *referral_id = NULL;
  const char *consent_by;

  if (g_strcmp0 (response, "refer") != 0)
    return;

  consent_by = get_consent_by (dialog);
  if (consent_by == NULL)
    {
      _lyg_screening_page_show_toast (self,
                                      _("No referral was made: a referral needs the consent "
                                        "of the person or of their personal representative."));
      return;
    }

  referral_id = create_referral (self, consent_by, &error);
  if (referral_id == NULL)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("Could not create the referral: %s"), error->message);
      _lyg_screening_page_show_toast (self, message);
      return;
    }

  _lyg_screening_page_show_toast (self, _("Referral created"));
  _lyg_screening_page_emit_open_record (self, referral_id);
}

static GtkWidget *
add_consent_button (GtkWidget        *box,
                    AdwMessageDialog *dialog,
                    GtkCheckButton   *group,
                    const char       *name,
                    const char       *label)
{
  GtkWidget *button = gtk_check_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
  g_signal_connect_object (button, "toggled",
                           G_CALLBACK (on_consent_button_toggled_cb),
                           dialog, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (dialog), name, button);
  gtk_box_append (GTK_BOX (box), button);

  return button;
}

static void
on_refer_button_clicked_cb (LygScreeningPage *self,
                            GtkButton        *button)
{
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *first;
  GtkWidget *explanation;

  if (self->catalogue == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Refer to the Identification Centre?"),
                                   _("A referral to Center mod Menneskehandel shares this "
                                     "person's situation and this screening. It needs "
                                     "consent, given by the person or by their personal "
                                     "representative."));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  first = add_consent_button (box, ADW_MESSAGE_DIALOG (dialog), NULL, "consent-person",
                              _("The _person consents"));
  add_consent_button (box, ADW_MESSAGE_DIALOG (dialog), GTK_CHECK_BUTTON (first),
                      "consent-representative",
                      _("Their personal _representative consents"));
  add_consent_button (box, ADW_MESSAGE_DIALOG (dialog), GTK_CHECK_BUTTON (first),
                      "consent-none", _("_No consent"));

  explanation = gtk_label_new (_("Without consent no referral is made. You can still talk "
                                 "the case over with Center mod Menneskehandel (hotline "
                                 "70 20 25 50) without naming the person. If anyone is in "
                                 "acute danger, call the police on 112."));
  gtk_label_set_wrap (GTK_LABEL (explanation), TRUE);
  gtk_label_set_xalign (GTK_LABEL (explanation), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (explanation), 40);
  gtk_widget_add_css_class (explanation, "lyg-no-consent");
  gtk_widget_set_visible (explanation, FALSE);
  gtk_widget_set_margin_top (explanation, 6);
  gtk_widget_set_name (explanation, "no-consent-label");
  g_object_set_data (G_OBJECT (dialog), "no-consent-label", explanation);
  gtk_box_append (GTK_BOX (box), explanation);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "refer", _("Create _Referral"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "refer",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "refer", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_consent_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_lyg_screening_page_class_actions_init (LygScreeningPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_refer_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_catalogue_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_profile_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_notes_row_changed_cb);
}
