/* lyg-erase-dialog.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-erase-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-erase-dialog.h"
#include "lyg-erasure.h"
#include "lyg-schema.h"

/* Erasing a person cannot be undone and reaches every device of the team,
 * so the dialog says exactly what will go (a count per kind of record)
 * and the "Erase" response stays off until the person's alias is typed.
 * It emits ::erased with the number of records once they are gone.
 */
struct _LygEraseDialog
{
  AdwMessageDialog  parent_instance;

  LygVault         *vault;
  char             *person_id;
  char             *confirm;
  guint             n_records;
  GtkEntry         *entry;
};

G_DEFINE_FINAL_TYPE (LygEraseDialog, lyg_erase_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  ERASED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static char *
count_label (const char *type,
             guint       n)
{
  if (g_str_equal (type, "person"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u persons", n), n);
  if (g_str_equal (type, "encounter"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u encounter", "%u encounters", n), n);
  if (g_str_equal (type, "screening"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u screening", "%u screenings", n), n);
  if (g_str_equal (type, "referral"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u referral", "%u referrals", n), n);
  if (g_str_equal (type, "followup"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u follow-up", "%u follow-ups", n), n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other record", "%u other records", n),
                          n);
}

/* "1 person, 2 encounters and 1 screening", in the order of the schema. */
static char *
describe_counts (GPtrArray *records)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char * const *types = lyg_schema_list_types ();
  guint other = 0;

  for (guint i = 0; i < records->len; i++)
    {
      const char *type = lyg_record_get_record_type (g_ptr_array_index (records, i));

      g_hash_table_insert (counts, (gpointer) type,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, type)) + 1));
    }

  for (guint i = 0; types[i] != NULL; i++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, types[i]));

      if (n > 0)
        g_ptr_array_add (parts, count_label (types[i], n));
      g_hash_table_remove (counts, types[i]);
    }
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, counts);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      other += GPOINTER_TO_UINT (value);
    if (other > 0)
      g_ptr_array_add (parts, count_label ("", other));
  }

  if (parts->len == 1)
    return g_strdup (parts->pdata[0]);

  {
    g_autofree char *last = g_strdup (parts->pdata[parts->len - 1]);
    g_autofree char *head = NULL;

    g_ptr_array_remove_index (parts, parts->len - 1);
    g_ptr_array_add (parts, NULL);
    head = g_strjoinv (", ", (char **) parts->pdata);

    /* Translators: the end of a list, "1 person, 2 encounters and 1 screening" */
    return g_strdup_printf (_("%s and %s"), head, last);
  }
}

static void
on_entry_changed_cb (LygEraseDialog *self)
{
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "erase",
                                           g_str_equal (typed, self->confirm));
}

static void
on_entry_activate_cb (LygEraseDialog *self)
{
  if (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "erase"))
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "erase");
}

static void
lyg_erase_dialog_response (AdwMessageDialog *dialog,
                           const char       *response)
{
  LygEraseDialog *self = LYG_ERASE_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  guint n_erased = 0;

  if (g_str_equal (response, "erase") &&
      adw_message_dialog_get_response_enabled (dialog, "erase"))
    {
      if (lyg_erasure_erase_person (self->vault, self->person_id, &n_erased, &error))
        g_signal_emit (self, signals [ERASED], 0, n_erased);
      else
        {
          GtkWidget *failed;

          g_warning ("Erasure failed: %s", error->message);
          failed = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                           _("The Person Could Not Be Erased"),
                                           error->message);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (failed));
        }
    }

  if (ADW_MESSAGE_DIALOG_CLASS (lyg_erase_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (lyg_erase_dialog_parent_class)->response (dialog, response);
}

static void
lyg_erase_dialog_finalize (GObject *object)
{
  LygEraseDialog *self = (LygEraseDialog *)object;

  g_clear_object (&self->vault);
  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->confirm, g_free);

  G_OBJECT_CLASS (lyg_erase_dialog_parent_class)->finalize (object);
}

static void
lyg_erase_dialog_class_init (LygEraseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->finalize = lyg_erase_dialog_finalize;
  dialog_class->response = lyg_erase_dialog_response;

  /**
   * LygEraseDialog::erased:
   * @n_records: how many records were erased
   */
  signals [ERASED] =
    g_signal_new ("erased",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
lyg_erase_dialog_init (LygEraseDialog *self)
{
}

/**
 * lyg_erase_dialog_new:
 *
 * Returns: (transfer floating): the dialog, or %NULL if what is linked to
 *   the person could not be read
 */
GtkWidget *
lyg_erase_dialog_new (GtkWindow   *parent,
                      LygVault    *vault,
                      const char  *person_id,
                      GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *body = NULL;
  g_autofree char *prompt = NULL;
  LygEraseDialog *self;
  LygRecord *person;
  const char *alias;

  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  if (!(records = lyg_erasure_collect (vault, person_id, error)))
    return NULL;

  person = g_ptr_array_index (records, 0);
  alias = lyg_record_get_string (person, "alias");

  self = g_object_new (LYG_TYPE_ERASE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", _("Erase This Person and Everything Linked?"),
                       NULL);
  self->vault = g_object_ref (vault);
  self->person_id = g_strdup (person_id);
  self->n_records = records->len;
  /* Without an alias there is nothing to recognise them by: type a word. */
  self->confirm = g_strdup (alias != NULL && *alias != '\0' ? alias : _("erase"));

  counts = describe_counts (records);
  body = g_strdup_printf (_("This erases %s for good, here, on the server and on every device "
                            "of the team as they sync. Export it first if the person asked "
                            "for a copy. This cannot be undone."), counts);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  self->entry = GTK_ENTRY (gtk_entry_new ());
  /* Translators: %s is the person's alias (or the word to type) */
  prompt = g_strdup_printf (_("Type “%s” to confirm"), self->confirm);
  gtk_entry_set_placeholder_text (self->entry, prompt);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, prompt, -1);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (on_entry_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate_cb), self);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), GTK_WIDGET (self->entry));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "erase", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  return GTK_WIDGET (self);
}

guint
lyg_erase_dialog_get_n_records (LygEraseDialog *self)
{
  g_return_val_if_fail (LYG_IS_ERASE_DIALOG (self), 0);

  return self->n_records;
}

const char *
lyg_erase_dialog_get_confirm_text (LygEraseDialog *self)
{
  g_return_val_if_fail (LYG_IS_ERASE_DIALOG (self), NULL);

  return self->confirm;
}
