/* lyg-window-sync.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-window-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-team.h"

#include "lyg-window-private.h"

/* The window's part in team sync: the engine runs while a joined vault is
 * unlocked and stops on lock; the join page brings a vault into a team;
 * a revoked device ends on a page of its own.
 */

static void
on_sync_synced_cb (LygWindow     *self,
                   LygSyncReport *report,
                   LygSyncEngine *engine)
{
  g_autofree char *text = NULL;

  if (report == NULL || report->conflicts == 0)
    return;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u record was changed on two computers at once and needs a look",
                                       "%u records were changed on two computers at once and need a look",
                                       report->conflicts),
                          report->conflicts);
  lyg_window_add_toast (self, adw_toast_new (text));
}

/* Connected for as long as the window lives, not only while attached: the
 * engine erases the keys (which locks the vault, so the window has locked
 * and detached already) before it says so. */
static void
on_sync_revoked_cb (LygWindow     *self,
                    const char    *message,
                    LygSyncEngine *engine)
{
  lyg_window_lock (self);
  _lyg_window_sync_detach (self);
  lyg_revoked_page_set_message (self->revoked_page, message);
  _lyg_window_show_page (self, "revoked");
}

static void
attach_engine (LygWindow     *self,
               LygSyncEngine *engine)
{
  g_set_object (&self->sync, engine);
  g_signal_connect_object (engine, "synced", G_CALLBACK (on_sync_synced_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (engine, "revoked", G_CALLBACK (on_sync_revoked_cb), self,
                           G_CONNECT_SWAPPED);
  if (self->context != NULL)
    lyg_context_set_sync (self->context, G_OBJECT (engine));
  lyg_sync_engine_start (engine);
  _lyg_window_actions_update (self);
}

/**
 * _lyg_window_sync_attach:
 *
 * Starts syncing if the unlocked vault has joined a team.
 */
void
_lyg_window_sync_attach (LygWindow *self)
{
  g_autoptr(LygSyncEngine) engine = NULL;
  g_autoptr(GError) error = NULL;

  if (self->sync != NULL || self->vault == NULL || !lyg_vault_get_unlocked (self->vault) ||
      !lyg_team_is_joined (self->vault))
    return;

  if (!(engine = lyg_sync_engine_new_for_vault (self->vault, &error)))
    {
      g_warning ("Cannot sync: %s", error->message);
      return;
    }

  attach_engine (self, engine);
}

void
_lyg_window_sync_detach (LygWindow *self)
{
  if (self->sync == NULL)
    return;

  lyg_sync_engine_stop (self->sync);
  g_signal_handlers_disconnect_by_func (self->sync, on_sync_synced_cb, self);
  if (self->context != NULL)
    lyg_context_set_sync (self->context, NULL);
  g_clear_object (&self->sync);
}

static void
on_join_page_joined_cb (LygWindow     *self,
                        LygSyncEngine *engine,
                        const char    *sync_error,
                        LygJoinPage   *page)
{
  g_autoptr(AdwToast) toast = NULL;

  /* Built again, so the sections that depend on the role appear and the
   * window's own engine starts; the page's was for the first sync only. */
  _lyg_window_rebuild_context (self);
  _lyg_window_show_page (self, "main");

  if (sync_error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Joined the team. The first sync failed: %s"),
                                               sync_error);
      toast = adw_toast_new (text);
    }
  else
    toast = adw_toast_new (_("Joined the team"));
  lyg_window_add_toast (self, g_steal_pointer (&toast));
}

static void
on_join_page_cancelled_cb (LygWindow   *self,
                           LygJoinPage *page)
{
  _lyg_window_show_page (self, "main");
}

/**
 * _lyg_window_sync_show_join:
 *
 * Shows the join page for the unlocked vault.
 */
void
_lyg_window_sync_show_join (LygWindow *self)
{
  if (self->vault == NULL || !lyg_vault_get_unlocked (self->vault))
    return;

  lyg_join_page_set_vault (self->join_page, self->vault);
  lyg_join_page_reset (self->join_page);
  _lyg_window_show_page (self, "join");
  lyg_join_page_focus (self->join_page);
}

static void
lyg_window_sync_now (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LygWindow *self = LYG_WINDOW (widget);

  if (self->sync != NULL)
    lyg_sync_engine_schedule (self->sync, 0);
}

static void
lyg_window_join_team (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  _lyg_window_sync_show_join (LYG_WINDOW (widget));
}

void
_lyg_window_sync_update_actions (LygWindow *self,
                                 gboolean   open)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync-now", open && self->sync != NULL);
  /* The training vault never joins a team; the real one may be absent or
   * locked while training runs. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.join-team",
                                 open && self->training_vault == NULL &&
                                 self->vault != NULL && lyg_vault_get_unlocked (self->vault) &&
                                 !lyg_team_is_joined (self->vault));
}

void
_lyg_window_class_sync_init (LygWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (LYG_TYPE_JOIN_PAGE);
  g_type_ensure (LYG_TYPE_REVOKED_PAGE);
  g_type_ensure (LYG_TYPE_SYNC_ENGINE);

  gtk_widget_class_bind_template_child (widget_class, LygWindow, join_page);
  gtk_widget_class_bind_template_child (widget_class, LygWindow, revoked_page);
  gtk_widget_class_bind_template_callback (widget_class, on_join_page_joined_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_join_page_cancelled_cb);

  gtk_widget_class_install_action (widget_class, "win.sync-now", NULL, lyg_window_sync_now);
  gtk_widget_class_install_action (widget_class, "win.join-team", NULL, lyg_window_join_team);
}
