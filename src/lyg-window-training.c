/* lyg-window-training.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-window-training"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-training-vault.h"
#include "lyg-window-private.h"

/* Training mode: the window swaps the real vault (locked, untouched) for
 * the training vault, shows the training strip above every page and says
 * so in its title.  Leaving drops everything of the training vault and
 * goes back to where the real vault is opened.
 */

static void
set_training_chrome (LygWindow *self,
                     gboolean   training)
{
  gtk_revealer_set_reveal_child (self->training_banner, training);
  /* The neutral title stays neutral outside training. */
  gtk_window_set_title (GTK_WINDOW (self),
                        training ? _("Lygte — Training (fictional cases)") : "Lygte");
  if (training)
    gtk_widget_add_css_class (GTK_WIDGET (self), "training");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "training");
}

/**
 * lyg_window_enter_training:
 * @self: a #LygWindow
 * @error: return location for a #GError
 *
 * Opens (creating it on first use) the training vault next to the real
 * one and shows it.  Needs no passphrase.
 *
 * Returns: %TRUE on success
 */
gboolean
lyg_window_enter_training (LygWindow  *self,
                           GError    **error)
{
  g_autofree char *path = NULL;
  LygVault *vault;

  g_return_val_if_fail (LYG_IS_WINDOW (self), FALSE);

  if (self->training_vault != NULL)
    return TRUE;

  path = lyg_training_vault_path_for (self->path);
  if (!(vault = lyg_training_vault_open (path, error)))
    return FALSE;

  /* Nothing of the real vault may stay on screen. */
  if (self->vault != NULL && lyg_vault_get_unlocked (self->vault))
    lyg_window_lock (self);

  _lyg_window_drop_context (self);
  self->training_vault = vault;
  set_training_chrome (self, TRUE);
  _lyg_window_show_page (self, "main");

  return TRUE;
}

void
_lyg_window_leave_training (LygWindow *self)
{
  g_assert (LYG_IS_WINDOW (self));

  if (self->training_vault == NULL)
    return;

  /* Presentation and editor windows go with the training vault. */
  _lyg_window_close_transients (self);
  _lyg_window_show_page (self, self->vault != NULL ? "unlock" : "create");
  lyg_main_page_reset (self->main_page);
  _lyg_window_drop_context (self);
  lyg_vault_lock (self->training_vault);
  g_clear_object (&self->training_vault);
  set_training_chrome (self, FALSE);

  if (self->vault != NULL)
    lyg_unlock_page_reset (self->unlock_page);

  _lyg_window_actions_update (self);
}

/**
 * lyg_window_get_training:
 * @self: a #LygWindow
 *
 * Returns: %TRUE while the window shows the training vault
 */
gboolean
lyg_window_get_training (LygWindow *self)
{
  g_return_val_if_fail (LYG_IS_WINDOW (self), FALSE);

  return self->training_vault != NULL;
}

static void
lyg_window_training_enter (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  LygWindow *self = LYG_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!lyg_window_enter_training (self, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open the training vault: %s"),
                                                  error->message);
      lyg_window_add_toast (self, adw_toast_new (message));
    }
}

static void
lyg_window_training_leave (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  _lyg_window_leave_training (LYG_WINDOW (widget));
}

void
_lyg_window_class_training_init (LygWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.enter-training", NULL,
                                   lyg_window_training_enter);
  gtk_widget_class_install_action (widget_class, "win.leave-training", NULL,
                                   lyg_window_training_leave);
}
