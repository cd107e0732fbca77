/* lyg-person-rights.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-person-rights"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-person-export.h"
#include "lyg-person-rights.h"

/* "Export everything about this person" on the person page: a save dialog
 * with a choice of a readable document or JSON. The file holds personal
 * data in the clear, so the suggested name does not carry the person's
 * name and the dialog says so.
 */

typedef struct
{
  GtkWidget *widget;
  LygVault  *vault;
  char      *person_id;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->widget);
  g_clear_object (&data->vault);
  g_free (data->person_id);
  g_free (data);
}

static void
notify (GtkWidget  *widget,
        const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        ExportData      *data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *format;
  LygPersonExportKind kind;

  if (response != GTK_RESPONSE_ACCEPT ||
      !(file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    goto out;

  format = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "format");
  kind = g_strcmp0 (format, "json") == 0 ? LYG_PERSON_EXPORT_JSON : LYG_PERSON_EXPORT_TEXT;

  if (lyg_person_export_to_file (data->vault, data->person_id, kind, file, &error))
    notify (data->widget, _("Exported everything about the person"));
  else
    {
      GtkRoot *root = gtk_widget_get_root (data->widget);
      GtkWidget *dialog;

      g_warning ("Person export failed: %s", error->message);
      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("The Export Could Not Be Written"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }

out:
  export_data_free (data);
  g_object_unref (chooser);
}

void
lyg_person_rights_export (GtkWidget   *widget,
                          LygVault    *vault,
                          const char  *person_id)
{
  GtkRoot *root;
  GtkFileChooserNative *chooser;
  ExportData *data;
  const char *options[] = { "text", "json", NULL };
  const char *labels[] = { N_("Readable document"), N_("JSON"), NULL };
  const char *translated[] = { _(labels[0]), _(labels[1]), NULL };

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (LYG_IS_VAULT (vault));
  g_return_if_fail (person_id != NULL);

  root = gtk_widget_get_root (widget);
  chooser = gtk_file_chooser_native_new (_("Export Everything About This Person"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "format", _("Format"),
                               options, translated);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "format", "text");
  /* Translators: suggested file name; keep it free of names */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("person-export.txt"));

  data = g_new0 (ExportData, 1);
  data->widget = g_object_ref (widget);
  data->vault = g_object_ref (vault);
  data->person_id = g_strdup (person_id);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
