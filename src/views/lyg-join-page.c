/* lyg-join-page.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-join-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-sync-engine.h"
#include "lyg-team.h"

#include "lyg-join-page.h"

/* "Join a Team" (DESIGN §6): with the invitation a coordinator made and
 * the one-time secret read aloud, or, for the first coordinator, with the
 * server's address, certificate pin and the bootstrap code that
 * `lygte-server init` printed. Enrolling stores the token and the team
 * key in the vault; the first sync follows at once, with its progress.
 */
struct _LygJoinPage
{
  AdwBin          parent_instance;

  /* Owned */
  LygVault       *vault;
  LygSyncEngine  *engine;
  GCancellable   *cancellable;
  guint           pulse_source;
  guint           busy : 1;

  /* Template widgets */
  GtkStack       *mode_stack;
  AdwEntryRow    *invitation_row;
  AdwEntryRow    *secret_row;
  AdwEntryRow    *url_row;
  AdwEntryRow    *pin_row;
  AdwEntryRow    *code_row;
  AdwEntryRow    *name_row;
  GtkLabel       *error_label;
  GtkButton      *join_button;
  GtkWidget      *progress_box;
  GtkProgressBar *progress_bar;
  GtkLabel       *status_label;
};

G_DEFINE_FINAL_TYPE (LygJoinPage, lyg_join_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_BUSY,
  N_PROPS
};

enum {
  JOINED,
  CANCELLED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
row_filled (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (row_text (row)));

  return *text != '\0';
}

static gboolean
is_bootstrap (LygJoinPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "bootstrap") == 0;
}

static void
show_error (LygJoinPage *self,
            const char  *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_state (LygJoinPage *self)
{
  gboolean ready;

  if (is_bootstrap (self))
    ready = row_filled (self->url_row) && row_filled (self->code_row);
  else
    ready = row_filled (self->invitation_row) && row_filled (self->secret_row);

  gtk_widget_set_sensitive (GTK_WIDGET (self->join_button),
                            ready && !self->busy && self->vault != NULL);
}

static gboolean
pulse_cb (gpointer user_data)
{
  LygJoinPage *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

static void
set_status (LygJoinPage *self,
            const char  *status)
{
  gtk_label_set_text (self->status_label, status ? status : "");
  gtk_widget_set_visible (self->progress_box, status != NULL);
}

static void
set_busy (LygJoinPage *self,
          gboolean     busy)
{
  busy = !!busy;

  if (self->busy == busy)
    return;

  self->busy = busy;

  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_stack), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), !busy);

  if (busy && self->pulse_source == 0)
    self->pulse_source = g_timeout_add (120, pulse_cb, self);
  else if (!busy)
    {
      g_clear_handle_id (&self->pulse_source, g_source_remove);
      set_status (self, NULL);
    }

  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
on_engine_progress_cb (LygJoinPage   *self,
                       GParamSpec    *pspec,
                       LygSyncEngine *engine)
{
  double progress = lyg_sync_engine_get_progress (engine);

  /* Pushing has no known length; pulling has. */
  if (progress > 0.0)
    {
      g_clear_handle_id (&self->pulse_source, g_source_remove);
      gtk_progress_bar_set_fraction (self->progress_bar, progress);
    }
}

static void
on_first_sync_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  LygSyncEngine *engine = LYG_SYNC_ENGINE (object);
  g_autoptr(LygJoinPage) self = user_data;
  g_autoptr(LygSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = lyg_sync_engine_sync_finish (engine, result, &error);
  g_signal_handlers_disconnect_by_data (engine, self);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->engine != engine)
    return;

  set_busy (self, FALSE);

  /* Joined either way: a first sync that fails is retried by the engine
   * once the window runs it. */
  g_clear_object (&self->engine);
  g_signal_emit (self, signals [JOINED], 0, engine, error ? error->message : NULL);
}

static void
on_join_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LygVault *vault = LYG_VAULT (object);
  g_autoptr(LygJoinPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lyg_team_join_finish (vault, result, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      set_busy (self, FALSE);
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (is_bootstrap (self) ? self->code_row
                                                             : self->secret_row));
      return;
    }

  if (vault != self->vault)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), "");

  g_clear_object (&self->engine);
  if (!(self->engine = lyg_sync_engine_new_for_vault (vault, &error)))
    {
      set_busy (self, FALSE);
      show_error (self, error->message);
      return;
    }

  set_status (self, _("Joined. Receiving the team’s records…"));
  g_signal_connect_object (self->engine, "notify::progress",
                           G_CALLBACK (on_engine_progress_cb), self, G_CONNECT_SWAPPED);
  lyg_sync_engine_sync_async (self->engine, self->cancellable, on_first_sync_done_cb,
                              g_object_ref (self));
}

static void
join_team (LygJoinPage *self)
{
  g_autofree char *name = NULL;

  if (self->busy || self->vault == NULL || !gtk_widget_get_sensitive (GTK_WIDGET (self->join_button)))
    return;

  name = g_strstrip (g_strdup (row_text (self->name_row)));

  show_error (self, NULL);
  set_busy (self, TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  set_status (self, _("Contacting the team’s server…"));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (is_bootstrap (self))
    {
      g_autofree char *url = g_strstrip (g_strdup (row_text (self->url_row)));
      g_autofree char *pin = g_strstrip (g_strdup (row_text (self->pin_row)));
      g_autofree char *code = g_strstrip (g_strdup (row_text (self->code_row)));

      lyg_team_join_async (self->vault, url, *pin ? pin : NULL, code, name, self->cancellable,
                           on_join_done_cb, g_object_ref (self));
    }
  else
    {
      g_autofree char *invitation = g_strstrip (g_strdup (row_text (self->invitation_row)));
      g_autofree char *secret = g_strstrip (g_strdup (row_text (self->secret_row)));

      lyg_team_join_invitation_async (self->vault, invitation, secret, name, self->cancellable,
                                      on_join_done_cb, g_object_ref (self));
    }
}

static void
on_row_changed_cb (LygJoinPage *self,
                   GtkEditable *editable)
{
  if (!self->busy && gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    show_error (self, NULL);

  update_state (self);
}

static void
on_row_entry_activated_cb (LygJoinPage *self,
                           AdwEntryRow *row)
{
  join_team (self);
}

static void
on_join_button_clicked_cb (LygJoinPage *self,
                           GtkButton   *button)
{
  join_team (self);
}

static void
on_cancel_button_clicked_cb (LygJoinPage *self,
                             GtkButton   *button)
{
  lyg_join_page_reset (self);
  g_signal_emit (self, signals [CANCELLED], 0);
}

static void
on_mode_changed_cb (LygJoinPage *self,
                    GParamSpec  *pspec,
                    GtkStack    *stack)
{
  show_error (self, NULL);
  update_state (self);
}

static void
lyg_join_page_dispose (GObject *object)
{
  LygJoinPage *self = LYG_JOIN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_data (self->engine, self);
  g_clear_object (&self->engine);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_JOIN_PAGE);

  g_clear_object (&self->vault);

  G_OBJECT_CLASS (lyg_join_page_parent_class)->dispose (object);
}

static void
lyg_join_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LygJoinPage *self = LYG_JOIN_PAGE (object);

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
lyg_join_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LygJoinPage *self = LYG_JOIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      lyg_join_page_set_vault (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_join_page_class_init (LygJoinPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lyg_join_page_dispose;
  object_class->get_property = lyg_join_page_get_property;
  object_class->set_property = lyg_join_page_set_property;

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
   * LygJoinPage::joined:
   * @self: a #LygJoinPage
   * @engine: the sync engine of the vault, after its first sync
   * @sync_error: (nullable): why the first sync failed, if it did
   *
   * Emitted once the vault has joined the team.
   */
  signals [JOINED] =
    g_signal_new ("joined",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, LYG_TYPE_SYNC_ENGINE, G_TYPE_STRING);

  /**
   * LygJoinPage::cancelled:
   * @self: a #LygJoinPage
   *
   * Emitted when the person chooses to use the vault on its own for now.
   */
  signals [CANCELLED] =
    g_signal_new ("cancelled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-join-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LygJoinPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, LygJoinPage, invitation_row);
  gtk_widget_class_bind_template_child (widget_class, LygJoinPage, secret_row);
  gtk_widget_class_bind_template_child (widget_class, LygJoinPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, LygJoinPage, pin_row);
  gtk_widget_class_bind_template_child (widget_class, LygJoinPage, code_row);
  gtk_widget_class_bind_template_child (widget_class, LygJoinPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, LygJoinPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, LygJoinPage, join_button);
  gtk_widget_class_bind_template_child (widget_class, LygJoinPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, LygJoinPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LygJoinPage, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_join_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_changed_cb);
}

static void
lyg_join_page_init (LygJoinPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  lyg_join_page_reset (self);
}

/**
 * lyg_join_page_get_vault:
 * @self: a #LygJoinPage
 *
 * Returns: (transfer none) (nullable): the unlocked vault that joins
 */
LygVault *
lyg_join_page_get_vault (LygJoinPage *self)
{
  g_return_val_if_fail (LYG_IS_JOIN_PAGE (self), NULL);

  return self->vault;
}

void
lyg_join_page_set_vault (LygJoinPage *self,
                         LygVault    *vault)
{
  g_return_if_fail (LYG_IS_JOIN_PAGE (self));
  g_return_if_fail (!vault || LYG_IS_VAULT (vault));

  if (g_set_object (&self->vault, vault))
    {
      lyg_join_page_reset (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VAULT]);
    }
}

gboolean
lyg_join_page_get_busy (LygJoinPage *self)
{
  g_return_val_if_fail (LYG_IS_JOIN_PAGE (self), FALSE);

  return self->busy;
}

void
lyg_join_page_focus (LygJoinPage *self)
{
  g_return_if_fail (LYG_IS_JOIN_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (is_bootstrap (self) ? self->url_row : self->invitation_row));
}

/**
 * lyg_join_page_reset:
 * @self: a #LygJoinPage
 *
 * Stops a running join and forgets the secret and the codes typed.
 */
void
lyg_join_page_reset (LygJoinPage *self)
{
  const char *host;

  g_return_if_fail (LYG_IS_JOIN_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_data (self->engine, self);
  g_clear_object (&self->engine);

  set_busy (self, FALSE);
  for (guint i = 0; i < 5; i++)
    {
      AdwEntryRow *rows[] = { self->invitation_row, self->secret_row, self->url_row,
                              self->pin_row, self->code_row };
      gtk_editable_set_text (GTK_EDITABLE (rows[i]), "");
    }

  /* The host name is a sensible default the team can tell apart. */
  host = g_get_host_name ();
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), host ? host : "");

  show_error (self, NULL);
  update_state (self);
}
