/* lyg-invite-dialog.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-invite-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lyg-team.h"

#include "lyg-invite-dialog.h"

/* A coordinator invites a device: a name and a role in, an invitation
 * text and a one-time secret out. The two travel apart (the text by any
 * channel, the secret read aloud), so neither alone lets anyone in.
 */
struct _LygInviteDialog
{
  AdwWindow     parent_instance;

  /* Owned */
  LygVault     *vault;
  GCancellable *cancellable;
  char         *invitation;
  char         *secret;
  guint         busy : 1;

  /* Template widgets */
  GtkStack     *stack;
  AdwEntryRow  *name_row;
  AdwComboRow  *role_row;
  AdwComboRow  *validity_row;
  GtkLabel     *error_label;
  GtkButton    *create_button;
  GtkStack     *button_stack;
  GtkSpinner   *spinner;
  GtkTextView  *invitation_view;
  GtkLabel     *secret_label;
  GtkLabel     *expiry_label;
  GtkButton    *copy_button;
};

G_DEFINE_FINAL_TYPE (LygInviteDialog, lyg_invite_dialog, ADW_TYPE_WINDOW)

/* The positions of validity_row's items. */
static const gint64 validities[] = { 3600, 24 * 3600, 7 * 24 * 3600 };

static void
update_state (LygInviteDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), *name != '\0' && !self->busy);
}

static void
set_busy (LygInviteDialog *self,
          gboolean         busy)
{
  self->busy = !!busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_stack_set_visible_child_name (self->button_stack, busy ? "spinner" : "label");
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->role_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->validity_row), !busy);
  update_state (self);
}

static void
show_error (LygInviteDialog *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
show_invitation (LygInviteDialog *self,
                 gint64           expires)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (expires);
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->invitation_view), self->invitation, -1);
  gtk_label_set_text (self->secret_label, self->secret);

  date = when ? g_date_time_format (when, "%-d %B %Y, %H:%M") : g_strdup ("");
  /* Translators: %s is a date and time like "5 December 2026, 14:05" */
  text = g_strdup_printf (_("Valid once, until %s."), g_strstrip (date));
  gtk_label_set_text (self->expiry_label, text);

  gtk_stack_set_visible_child_name (self->stack, "result");
  gtk_widget_grab_focus (GTK_WIDGET (self->copy_button));
}

static void
on_invite_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LygInviteDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  char *invitation;
  gint64 expires = 0;

  invitation = lyg_team_invite_finish (LYG_VAULT (object), result, &secret, &expires, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (invitation == NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_free (self->invitation);
  self->invitation = invitation;
  g_free (self->secret);
  self->secret = g_steal_pointer (&secret);

  show_invitation (self, expires);
}

static void
create_invitation (LygInviteDialog *self)
{
  g_autofree char *name = NULL;
  LygKdfParams params;
  const char *profile;
  guint validity;
  LygRole role;

  if (self->busy || self->vault == NULL || !gtk_widget_get_sensitive (GTK_WIDGET (self->create_button)))
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  role = adw_combo_row_get_selected (self->role_row) == 1 ? LYG_ROLE_COORDINATOR : LYG_ROLE_WORKER;
  validity = MIN (adw_combo_row_get_selected (self->validity_row), G_N_ELEMENTS (validities) - 1);

  /* The same cost knob as a new vault: tests and slow machines lower it. */
  profile = g_getenv ("LYGTE_KDF_PROFILE");
  if (profile == NULL || !lyg_kdf_params_from_name (profile, &params))
    params = lyg_kdf_params_default ();

  show_error (self, NULL);
  set_busy (self, TRUE);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  lyg_team_invite_async (self->vault, name, role, validities[validity], &params,
                         self->cancellable, on_invite_done_cb, g_object_ref (self));
}

static void
on_name_row_changed_cb (LygInviteDialog *self,
                        GtkEditable     *editable)
{
  show_error (self, NULL);
  update_state (self);
}

static void
on_name_row_entry_activated_cb (LygInviteDialog *self,
                                AdwEntryRow     *row)
{
  create_invitation (self);
}

static void
on_create_button_clicked_cb (LygInviteDialog *self,
                             GtkButton       *button)
{
  create_invitation (self);
}

static void
on_copy_button_clicked_cb (LygInviteDialog *self,
                           GtkButton       *button)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));

  if (self->invitation == NULL)
    return;

  /* Only the invitation: the secret is read aloud, never copied along. */
  gdk_clipboard_set_text (clipboard, self->invitation);
  gtk_button_set_label (self->copy_button, _("Copied"));
}

static void
on_done_button_clicked_cb (LygInviteDialog *self,
                           GtkButton       *button)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
lyg_invite_dialog_dispose (GObject *object)
{
  LygInviteDialog *self = LYG_INVITE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->vault);

  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_INVITE_DIALOG);

  G_OBJECT_CLASS (lyg_invite_dialog_parent_class)->dispose (object);
}

static void
lyg_invite_dialog_finalize (GObject *object)
{
  LygInviteDialog *self = LYG_INVITE_DIALOG (object);

  g_free (self->invitation);
  if (self->secret != NULL)
    memset (self->secret, 0, strlen (self->secret));
  g_free (self->secret);

  G_OBJECT_CLASS (lyg_invite_dialog_parent_class)->finalize (object);
}

static void
lyg_invite_dialog_class_init (LygInviteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lyg_invite_dialog_dispose;
  object_class->finalize = lyg_invite_dialog_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-invite-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LygInviteDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LygInviteDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, LygInviteDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, LygInviteDialog, validity_row);
  gtk_widget_class_bind_template_child (widget_class, LygInviteDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LygInviteDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, LygInviteDialog, button_stack);
  gtk_widget_class_bind_template_child (widget_class, LygInviteDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LygInviteDialog, invitation_view);
  gtk_widget_class_bind_template_child (widget_class, LygInviteDialog, secret_label);
  gtk_widget_class_bind_template_child (widget_class, LygInviteDialog, expiry_label);
  gtk_widget_class_bind_template_child (widget_class, LygInviteDialog, copy_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_done_button_clicked_cb);
}

static void
lyg_invite_dialog_init (LygInviteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_selected (self->validity_row, 1);
  update_state (self);
}

/**
 * lyg_invite_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @vault: the unlocked vault of a coordinator
 *
 * Returns: (transfer full): a new, not yet presented dialog
 */
LygInviteDialog *
lyg_invite_dialog_new (GtkWindow *parent,
                       LygVault  *vault)
{
  LygInviteDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);

  self = g_object_new (LYG_TYPE_INVITE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->vault = g_object_ref (vault);

  return self;
}

gboolean
lyg_invite_dialog_get_busy (LygInviteDialog *self)
{
  g_return_val_if_fail (LYG_IS_INVITE_DIALOG (self), FALSE);

  return self->busy;
}

/**
 * lyg_invite_dialog_get_invitation:
 * @self: a #LygInviteDialog
 *
 * Returns: (nullable): the invitation text, once made
 */
const char *
lyg_invite_dialog_get_invitation (LygInviteDialog *self)
{
  g_return_val_if_fail (LYG_IS_INVITE_DIALOG (self), NULL);

  return self->invitation;
}

/**
 * lyg_invite_dialog_get_secret:
 * @self: a #LygInviteDialog
 *
 * Returns: (nullable): the one-time secret, as the dialog shows it
 */
const char *
lyg_invite_dialog_get_secret (LygInviteDialog *self)
{
  g_return_val_if_fail (LYG_IS_INVITE_DIALOG (self), NULL);

  return self->secret;
}
