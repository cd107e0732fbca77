/* lyg-create-page.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-create-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lyg-vault.h"

#include "lyg-create-page.h"
#include "lyg-passphrase.h"
#include "lyg-passphrase-feedback.h"

struct _LygCreatePage
{
  AdwBin               parent_instance;

  /* Owned */
  char                *path;
  char                *kdf_profile;
  GCancellable        *cancellable;
  guint                busy : 1;
  guint                join_team : 1;

  /* Template widgets */
  AdwPasswordEntryRow *passphrase_row;
  AdwPasswordEntryRow *confirm_row;
  GtkLevelBar         *strength_bar;
  GtkLabel            *strength_label;
  GtkLabel            *match_label;
  GtkLabel            *error_label;
  GtkButton           *create_button;
  GtkButton           *join_button;
  GtkStack            *button_stack;
  GtkSpinner          *spinner;
};

G_DEFINE_FINAL_TYPE (LygCreatePage, lyg_create_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PATH,
  PROP_KDF_PROFILE,
  PROP_BUSY,
  N_PROPS
};

enum {
  CREATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

typedef struct
{
  char         *path;
  LygKey       *passphrase;   /* NUL-terminated, in guarded memory */
  LygKdfParams  params;
} CreateData;

static void
create_data_free (gpointer data)
{
  CreateData *cd = data;

  g_clear_pointer (&cd->path, g_free);
  g_clear_pointer (&cd->passphrase, lyg_key_free);
  g_free (cd);
}

/* g_set_str() is GLib 2.76. */
static gboolean
set_str (char       **str,
         const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;

  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

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
show_error (LygCreatePage *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_state (LygCreatePage *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));
  gboolean ok;

  ok = lyg_passphrase_feedback_update (self->strength_bar, self->strength_label,
                                       GTK_WIDGET (self->match_label),
                                       GTK_WIDGET (self->confirm_row), passphrase, confirm);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), ok && !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->join_button), ok && !self->busy);
}

static void
set_busy (LygCreatePage *self,
          gboolean       busy)
{
  busy = !!busy;

  if (self->busy == busy)
    return;

  self->busy = busy;

  gtk_editable_set_editable (GTK_EDITABLE (self->passphrase_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->confirm_row), !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_stack_set_visible_child_name (self->button_stack, busy ? "spinner" : "label");
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
create_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CreateData *cd = task_data;
  g_autoptr(GError) error = NULL;
  LygVault *vault;

  vault = lyg_vault_create (cd->path,
                            (const char *) lyg_key_peek (cd->passphrase),
                            &cd->params,
                            &error);

  if (vault == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, vault, g_object_unref);
}

static void
on_create_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LygCreatePage *self = LYG_CREATE_PAGE (source_object);
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(GError) error = NULL;

  vault = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (vault == NULL)
    {
      show_error (self, error->message);
      lyg_create_page_focus (self);
      return;
    }

  g_signal_emit (self, signals [CREATED], 0, vault);
}

static void
create_vault (LygCreatePage *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));
  LygPassphraseStrength strength;
  g_autoptr(GTask) task = NULL;
  CreateData *cd;

  if (self->busy)
    return;

  g_return_if_fail (self->path != NULL);

  strength = lyg_passphrase_check (passphrase);
  if (!lyg_passphrase_is_acceptable (strength))
    {
      show_error (self, lyg_passphrase_describe (strength));
      shake_widget (GTK_WIDGET (self->passphrase_row));
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
      return;
    }

  if (!g_str_equal (passphrase, confirm))
    {
      show_error (self, _("The passphrases do not match."));
      shake_widget (GTK_WIDGET (self->confirm_row));
      gtk_widget_grab_focus (GTK_WIDGET (self->confirm_row));
      return;
    }

  if (g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      show_error (self, _("A vault already exists in this place."));
      return;
    }

  cd = g_new0 (CreateData, 1);
  cd->path = g_strdup (self->path);
  cd->passphrase = lyg_key_new_from_data ((const guint8 *) passphrase, strlen (passphrase) + 1);
  if (self->kdf_profile == NULL || !lyg_kdf_params_from_name (self->kdf_profile, &cd->params))
    {
      if (self->kdf_profile != NULL)
        g_warning ("Unknown KDF profile “%s”; using the default", self->kdf_profile);
      cd->params = lyg_kdf_params_default ();
    }

  show_error (self, NULL);
  set_busy (self, TRUE);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* Argon2id takes about a second: keep it off the main thread. */
  task = g_task_new (self, self->cancellable, on_create_done_cb, NULL);
  g_task_set_source_tag (task, create_vault);
  g_task_set_task_data (task, cd, create_data_free);
  g_task_run_in_thread (task, create_thread);
}

static void
on_passphrase_row_changed_cb (LygCreatePage *self,
                              GtkEditable   *editable)
{
  show_error (self, NULL);
  update_state (self);
}

static void
on_passphrase_row_entry_activated_cb (LygCreatePage *self,
                                      AdwEntryRow   *row)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->confirm_row));
}

static void
on_confirm_row_entry_activated_cb (LygCreatePage *self,
                                   AdwEntryRow   *row)
{
  self->join_team = FALSE;
  create_vault (self);
}

static void
on_create_button_clicked_cb (LygCreatePage *self,
                             GtkButton     *button)
{
  self->join_team = FALSE;
  create_vault (self);
}

/* The vault comes first either way: the team's token and key are kept
 * inside it. The window shows the join page next. */
static void
on_join_button_clicked_cb (LygCreatePage *self,
                           GtkButton     *button)
{
  self->join_team = TRUE;
  create_vault (self);
}

static void
lyg_create_page_dispose (GObject *object)
{
  LygCreatePage *self = LYG_CREATE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  /* AdwBin unparents its child itself: let it go first, then clear the
   * template pointers. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_CREATE_PAGE);

  G_OBJECT_CLASS (lyg_create_page_parent_class)->dispose (object);
}

static void
lyg_create_page_finalize (GObject *object)
{
  LygCreatePage *self = LYG_CREATE_PAGE (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->kdf_profile, g_free);

  G_OBJECT_CLASS (lyg_create_page_parent_class)->finalize (object);
}

static void
lyg_create_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LygCreatePage *self = LYG_CREATE_PAGE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_KDF_PROFILE:
      g_value_set_string (value, self->kdf_profile);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_create_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LygCreatePage *self = LYG_CREATE_PAGE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      lyg_create_page_set_path (self, g_value_get_string (value));
      break;

    case PROP_KDF_PROFILE:
      lyg_create_page_set_kdf_profile (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_create_page_class_init (LygCreatePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lyg_create_page_dispose;
  object_class->finalize = lyg_create_page_finalize;
  object_class->get_property = lyg_create_page_get_property;
  object_class->set_property = lyg_create_page_set_property;

  properties [PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_KDF_PROFILE] =
    g_param_spec_string ("kdf-profile", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LygCreatePage::created:
   * @self: a #LygCreatePage
   * @vault: the new vault, unlocked
   *
   * Emitted once a new vault has been written.
   */
  signals [CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, LYG_TYPE_VAULT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-create-page.ui");
  /* The Training button (win.enter-training) needs no field; bound for tests. */
  gtk_widget_class_bind_template_child_full (widget_class, "training_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, LygCreatePage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, LygCreatePage, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, LygCreatePage, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, LygCreatePage, strength_label);
  gtk_widget_class_bind_template_child (widget_class, LygCreatePage, match_label);
  gtk_widget_class_bind_template_child (widget_class, LygCreatePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, LygCreatePage, create_button);
  gtk_widget_class_bind_template_child (widget_class, LygCreatePage, button_stack);
  gtk_widget_class_bind_template_child (widget_class, LygCreatePage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_button_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, LygCreatePage, join_button);
  gtk_widget_class_bind_template_callback (widget_class, on_join_button_clicked_cb);
}

static void
lyg_create_page_init (LygCreatePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update_state (self);
}

const char *
lyg_create_page_get_path (LygCreatePage *self)
{
  g_return_val_if_fail (LYG_IS_CREATE_PAGE (self), NULL);

  return self->path;
}

/**
 * lyg_create_page_set_path:
 * @self: a #LygCreatePage
 * @path: (nullable): where the new vault is written
 */
void
lyg_create_page_set_path (LygCreatePage *self,
                          const char    *path)
{
  g_return_if_fail (LYG_IS_CREATE_PAGE (self));

  if (set_str (&self->path, path))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PATH]);
}

const char *
lyg_create_page_get_kdf_profile (LygCreatePage *self)
{
  g_return_val_if_fail (LYG_IS_CREATE_PAGE (self), NULL);

  return self->kdf_profile;
}

/**
 * lyg_create_page_set_kdf_profile:
 * @self: a #LygCreatePage
 * @kdf_profile: (nullable): a name for lyg_kdf_params_from_name(), or %NULL
 *   for the default cost
 */
void
lyg_create_page_set_kdf_profile (LygCreatePage *self,
                                 const char    *kdf_profile)
{
  g_return_if_fail (LYG_IS_CREATE_PAGE (self));

  if (set_str (&self->kdf_profile, kdf_profile))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KDF_PROFILE]);
}

gboolean
lyg_create_page_get_busy (LygCreatePage *self)
{
  g_return_val_if_fail (LYG_IS_CREATE_PAGE (self), FALSE);

  return self->busy;
}

void
lyg_create_page_focus (LygCreatePage *self)
{
  g_return_if_fail (LYG_IS_CREATE_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
}

/**
 * lyg_create_page_reset:
 * @self: a #LygCreatePage
 *
 * Forgets what was typed.
 */
void
lyg_create_page_reset (LygCreatePage *self)
{
  g_return_if_fail (LYG_IS_CREATE_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
  show_error (self, NULL);
  update_state (self);
}

/**
 * lyg_create_page_get_join_team:
 * @self: a #LygCreatePage
 *
 * Returns: %TRUE if the vault was created to join a team right after
 */
gboolean
lyg_create_page_get_join_team (LygCreatePage *self)
{
  g_return_val_if_fail (LYG_IS_CREATE_PAGE (self), FALSE);

  return self->join_team;
}
