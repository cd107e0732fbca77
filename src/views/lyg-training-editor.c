/* lyg-training-editor.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-training-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-training-editor.h"
#include "lyg-training-page.h"

/* Where a trainer writes a scenario pack of their own, in the documented
 * format, starting from a small pack that already passes.  Import runs
 * the same checks as importing a file; a refused pack keeps the text and
 * says what is wrong, so nothing typed is lost.
 */
struct _LygTrainingEditor
{
  AdwWindow        parent_instance;

  /* Borrowed (weak) */
  LygTrainingPage *page;

  char            *error;

  /* Template widgets */
  GtkTextView     *text_view;
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (LygTrainingEditor, lyg_training_editor, ADW_TYPE_WINDOW)

static const char template_pack[] =
  "{\n"
  "  \"format\": 1,\n"
  "  \"id\": \"my-scenarios\",\n"
  "  \"title\": { \"en\": \"My scenarios\", \"da\": \"Mine scenarier\" },\n"
  "  \"scenarios\": [\n"
  "    {\n"
  "      \"id\": \"car-wash\",\n"
  "      \"title\": { \"en\": \"Workers at a car wash\", \"da\": \"Arbejdere i en bilvask\" },\n"
  "      \"form\": \"forced_labour\",\n"
  "      \"setting\": \"car_wash\",\n"
  "      \"catalogue\": \"dk-assessment\",\n"
  "      \"catalogue_version\": 1,\n"
  "      \"profile\": \"adult-labour\",\n"
  "      \"narrative\": {\n"
  "        \"en\": \"Write what the outreach worker sees and hears.\",\n"
  "        \"da\": \"Skriv, hvad den opsøgende medarbejder ser og hører.\"\n"
  "      },\n"
  "      \"outcome\": \"indicators_present\",\n"
  "      \"key\": [\n"
  "        { \"indicator\": \"dk.no-or-low-pay\", \"answer\": \"reported\",\n"
  "          \"explanation\": { \"en\": \"Why this answer.\", \"da\": \"Hvorfor dette svar.\" } },\n"
  "        { \"indicator\": \"dk.documents-withheld\", \"answer\": \"not_present\",\n"
  "          \"explanation\": { \"en\": \"Why not.\", \"da\": \"Hvorfor ikke.\" } }\n"
  "      ]\n"
  "    }\n"
  "  ]\n"
  "}\n";

static void
set_error (LygTrainingEditor *self,
           const char        *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
on_import_button_clicked_cb (LygTrainingEditor *self,
                             GtkButton         *button)
{
  lyg_training_editor_import (self);
}

static void
lyg_training_editor_dispose (GObject *object)
{
  LygTrainingEditor *self = LYG_TRAINING_EDITOR (object);

  g_clear_weak_pointer (&self->page);
  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_TRAINING_EDITOR);

  G_OBJECT_CLASS (lyg_training_editor_parent_class)->dispose (object);
}

static void
lyg_training_editor_finalize (GObject *object)
{
  LygTrainingEditor *self = LYG_TRAINING_EDITOR (object);

  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (lyg_training_editor_parent_class)->finalize (object);
}

static void
lyg_training_editor_class_init (LygTrainingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lyg_training_editor_dispose;
  object_class->finalize = lyg_training_editor_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-training-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LygTrainingEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, LygTrainingEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, LygTrainingEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_import_button_clicked_cb);
}

static void
lyg_training_editor_init (LygTrainingEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  lyg_training_editor_set_text (self, template_pack);
}

/**
 * lyg_training_editor_new:
 * @page: the training page that stores and lists the pack
 *
 * Returns: (transfer none): a new editor window
 */
GtkWidget *
lyg_training_editor_new (LygTrainingPage *page)
{
  LygTrainingEditor *self;

  g_return_val_if_fail (LYG_IS_TRAINING_PAGE (page), NULL);

  self = g_object_new (LYG_TYPE_TRAINING_EDITOR, NULL);
  g_set_weak_pointer (&self->page, page);

  return GTK_WIDGET (self);
}

char *
lyg_training_editor_dup_text (LygTrainingEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;

  g_return_val_if_fail (LYG_IS_TRAINING_EDITOR (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
lyg_training_editor_set_text (LygTrainingEditor *self,
                              const char        *text)
{
  g_return_if_fail (LYG_IS_TRAINING_EDITOR (self));
  g_return_if_fail (text != NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  set_error (self, NULL);
}

/**
 * lyg_training_editor_get_error:
 * @self: a #LygTrainingEditor
 *
 * Returns: (nullable): why the last import was refused
 */
const char *
lyg_training_editor_get_error (LygTrainingEditor *self)
{
  g_return_val_if_fail (LYG_IS_TRAINING_EDITOR (self), NULL);

  return self->error;
}

/**
 * lyg_training_editor_import:
 * @self: a #LygTrainingEditor
 *
 * Checks the text and imports it; closes the editor when that worked and
 * shows the reason otherwise.
 *
 * Returns: %TRUE when the pack was imported
 */
gboolean
lyg_training_editor_import (LygTrainingEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (LYG_IS_TRAINING_EDITOR (self), FALSE);

  if (self->page == NULL)
    {
      set_error (self, _("Training mode was left; the pack cannot be stored now."));
      return FALSE;
    }

  text = lyg_training_editor_dup_text (self);
  /* Translators: what a pack typed into the editor is called in messages */
  if (!lyg_training_page_import_data (self->page, text, -1, _("your pack"), &error))
    {
      set_error (self, error->message);
      return FALSE;
    }

  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}
