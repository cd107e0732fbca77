/* lyg-unlock-page.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-unlock-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-unlock-page.h"

struct _LygUnlockPage
{
  AdwBin               parent_instance;

  /* Owned */
  LygVault            *vault;
  GCancellable        *cancellable;
  guint                busy : 1;

  /* Template widgets */
  AdwPasswordEntryRow *passphrase_row;
  GtkLabel            *error_label;
  GtkButton           *unlock_button;
  GtkStack            *button_stack;
  GtkSpinner          *spinner;
};

G_DEFINE_FINAL_TYPE (LygUnlockPage, lyg_unlock_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_BUSY,
  N_PROPS
};

enum {
  UNLOCKED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static gboolean
remove_shake_cb (gpointer user_data)
{
  gtk_widget_remove_css_class (GTK_WIDGET (user_data), "lyg-shake");
  return G_SOURCE_REMOVE;
}

static void
shake_widget (GtkWidget *widget)
{
  gtk_widget_remove_css_class (widget, "lyg-shake");
  gtk_widget_add_css_class (widget, "lyg-shake");
  g_timeout_add_full (G_PRIORITY_DEFAULT, 500, remove_shake_cb,
                      g_object_ref (widget), g_object_unref);
}

static void
show_error (LygUnlockPage *self,
            const char    *message)
{
  /* The label has the alert role, so screen readers announce it. */
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);

  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->passphrase_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->passphrase_row), "error");
}

static void
update_state (LygUnlockPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));

  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button),
                            self->vault != NULL && *text != '\0' && !self->busy);
}

static void
set_busy (LygUnlockPage *self,
          gboolean       busy)
{
  busy = !!busy;

  if (self->busy == busy)
    return;

  self->busy = busy;

  /* Not insensitive: the entry keeps the keyboard focus while we wait. */
  gtk_editable_set_editable (GTK_EDITABLE (self->passphrase_row), !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_stack_set_visible_child_name (self->button_stack, busy ? "spinner" : "label");
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
on_unlock_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LygVault *vault = LYG_VAULT (source_object);
  g_autoptr(LygUnlockPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lyg_vault_unlock_finish (vault, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      set_busy (self, FALSE);

      if (g_error_matches (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_BAD_PASSPHRASE))
        show_error (self, _("Wrong passphrase. Please try again."));
      else
        show_error (self, error->message);

      shake_widget (GTK_WIDGET (self->passphrase_row));
      gtk_editable_select_region (GTK_EDITABLE (self->passphrase_row), 0, -1);
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
      return;
    }

  set_busy (self, FALSE);

  /* The vault may have been swapped or the page reset meanwhile. */
  if (vault != self->vault)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  show_error (self, NULL);

  g_signal_emit (self, signals [UNLOCKED], 0);
}

static void
unlock_vault (LygUnlockPage *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));

  if (self->busy || self->vault == NULL || *passphrase == '\0')
    return;

  if (lyg_vault_get_unlocked (self->vault))
    {
      g_signal_emit (self, signals [UNLOCKED], 0);
      return;
    }

  show_error (self, NULL);
  set_busy (self, TRUE);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  lyg_vault_unlock_async (self->vault,
                          passphrase,
                          self->cancellable,
                          on_unlock_done_cb,
                          g_object_ref (self));
}

static void
on_passphrase_row_changed_cb (LygUnlockPage *self,
                              GtkEditable   *editable)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label)) && !self->busy)
    show_error (self, NULL);

  update_state (self);
}

static void
on_passphrase_row_entry_activated_cb (LygUnlockPage *self,
                                      AdwEntryRow   *row)
{
  unlock_vault (self);
}

static void
on_unlock_button_clicked_cb (LygUnlockPage *self,
                             GtkButton     *button)
{
  unlock_vault (self);
}

static void
lyg_unlock_page_dispose (GObject *object)
{
  LygUnlockPage *self = LYG_UNLOCK_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  /* AdwBin unparents its child itself: let it go first, then clear the
   * template pointers. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_UNLOCK_PAGE);

  g_clear_object (&self->vault);

  G_OBJECT_CLASS (lyg_unlock_page_parent_class)->dispose (object);
}

static void
lyg_unlock_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LygUnlockPage *self = LYG_UNLOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_unlock_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LygUnlockPage *self = LYG_UNLOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      lyg_unlock_page_set_vault (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_unlock_page_class_init (LygUnlockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lyg_unlock_page_dispose;
  object_class->get_property = lyg_unlock_page_get_property;
  object_class->set_property = lyg_unlock_page_set_property;

  properties [PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL,
                         LYG_TYPE_VAULT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LygUnlockPage::unlocked:
   * @self: a #LygUnlockPage
   *
   * Emitted when the vault has been unlocked.
   */
  signals [UNLOCKED] =
    g_signal_new ("unlocked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-unlock-page.ui");
  /* The Training button (win.enter-training) needs no field; bound for tests. */
  gtk_widget_class_bind_template_child_full (widget_class, "training_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, LygUnlockPage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, LygUnlockPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, LygUnlockPage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, LygUnlockPage, button_stack);
  gtk_widget_class_bind_template_child (widget_class, LygUnlockPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unlock_button_clicked_cb);
}

static void
lyg_unlock_page_init (LygUnlockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update_state (self);
}

/**
 * lyg_unlock_page_get_vault:
 * @self: a #LygUnlockPage
 *
 * Returns: (transfer none) (nullable): the vault to unlock
 */
LygVault *
lyg_unlock_page_get_vault (LygUnlockPage *self)
{
  g_return_val_if_fail (LYG_IS_UNLOCK_PAGE (self), NULL);

  return self->vault;
}

void
lyg_unlock_page_set_vault (LygUnlockPage *self,
                           LygVault      *vault)
{
  g_return_if_fail (LYG_IS_UNLOCK_PAGE (self));
  g_return_if_fail (!vault || LYG_IS_VAULT (vault));

  if (g_set_object (&self->vault, vault))
    {
      lyg_unlock_page_reset (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VAULT]);
    }
}

gboolean
lyg_unlock_page_get_busy (LygUnlockPage *self)
{
  g_return_val_if_fail (LYG_IS_UNLOCK_PAGE (self), FALSE);

  return self->busy;
}

void
lyg_unlock_page_focus (LygUnlockPage *self)
{
  g_return_if_fail (LYG_IS_UNLOCK_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
}

/**
 * lyg_unlock_page_reset:
 * @self: a #LygUnlockPage
 *
 * Cancels a running unlock and forgets what was typed.
 */
void
lyg_unlock_page_reset (LygUnlockPage *self)
{
  g_return_if_fail (LYG_IS_UNLOCK_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  set_busy (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  show_error (self, NULL);
  update_state (self);
}
