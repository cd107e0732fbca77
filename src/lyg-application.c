/* lyg-application.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-application"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-vault.h"

#include "lyg-application.h"
#include "lyg-preferences-window.h"
#include "lyg-window.h"

struct _LygApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (LygApplication, lyg_application, ADW_TYPE_APPLICATION)

/* Which vault: $LYGTE_VAULT when set (tests, a second vault), else the
 * default one in the user data dir.
 */
static char *
dup_vault_path (void)
{
  const char *env = g_getenv ("LYGTE_VAULT");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return lyg_vault_default_path ();
}

static void
on_screensaver_active_changed_cb (LygApplication *self,
                                  GParamSpec     *pspec,
                                  gpointer        user_data)
{
  gboolean active = FALSE;

  g_assert (LYG_IS_APPLICATION (self));

  g_object_get (self, "screensaver-active", &active, NULL);

  if (active)
    lyg_application_lock_all (self);
}

static void
lyg_application_quit_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  LygApplication *self = user_data;

  g_assert (LYG_IS_APPLICATION (self));

  lyg_application_lock_all (self);
  g_application_quit (G_APPLICATION (self));
}

static void
lyg_application_about_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  static const char *developers[] = { "The Lygte Authors", NULL };
  LygApplication *self = user_data;
  GtkWindow *window;

  g_assert (LYG_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", "Lygte",
                         "application-icon", APP_ID,
                         "developer-name", _("The Lygte Authors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Keep outreach notes in an encrypted vault"),
                         "website", "https://github.com/lygte/lygte",
                         "issue-url", "https://github.com/lygte/lygte/issues",
                         "copyright", "© 2026 The Lygte Authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         /* Translators: Replace "translator-credits" with your names, one name per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* The window whose vault the preferences apply to, if it is unlocked. */
static LygWindow *
get_unlocked_window (LygApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* The training vault has no preferences: its passphrase is fixed and it
   * never syncs. */
  if (!LYG_IS_WINDOW (window) || lyg_window_get_context (LYG_WINDOW (window)) == NULL ||
      lyg_window_get_training (LYG_WINDOW (window)))
    return NULL;

  return LYG_WINDOW (window);
}

static void
lyg_application_preferences_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  LygApplication *self = user_data;
  LygWindow *window;
  GtkWidget *preferences;

  g_assert (LYG_IS_APPLICATION (self));

  /* Only while unlocked: the window closes it again when it locks. */
  if (!(window = get_unlocked_window (self)))
    return;

  preferences = lyg_preferences_window_new (lyg_window_get_context (window), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
on_active_window_changed_cb (LygApplication *self,
                             GParamSpec     *pspec,
                             gpointer        user_data)
{
  lyg_application_update_actions (self);
}

static const GActionEntry app_actions[] = {
  { "quit", lyg_application_quit_action },
  { "about", lyg_application_about_action },
  { "preferences", lyg_application_preferences_action },
};

static void
lyg_application_startup (GApplication *app)
{
  LygApplication *self = LYG_APPLICATION (app);
  static const char *quit_accels[] = { "<primary>q", NULL };
  static const char *preferences_accels[] = { "<primary>comma", NULL };

  G_APPLICATION_CLASS (lyg_application_parent_class)->startup (app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);

  g_signal_connect (self,
                    "notify::screensaver-active",
                    G_CALLBACK (on_screensaver_active_changed_cb),
                    NULL);
}

static void
lyg_application_activate (GApplication *app)
{
  LygApplication *self = LYG_APPLICATION (app);
  GtkWindow *window;

  g_assert (LYG_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      g_autofree char *path = dup_vault_path ();
      g_autoptr(LygVault) vault = NULL;
      g_autoptr(GError) error = NULL;

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        vault = lyg_vault_open (path, &error);

      window = GTK_WINDOW (lyg_window_new (self, vault, path));

      if (error != NULL)
        lyg_window_show_error (LYG_WINDOW (window), error);
    }

  gtk_window_present (window);
}

static void
lyg_application_class_init (LygApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = lyg_application_startup;
  app_class->activate = lyg_application_activate;
}

static void
lyg_application_init (LygApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);

  g_signal_connect (self,
                    "notify::active-window",
                    G_CALLBACK (on_active_window_changed_cb),
                    NULL);

  lyg_application_update_actions (self);
}

LygApplication *
lyg_application_new (void)
{
  return g_object_new (LYG_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/lygte/Lygte",
                       "register-session", TRUE,
                       NULL);
}

/**
 * lyg_application_lock_all:
 * @self: a #LygApplication
 *
 * Locks the vault of every window, as on quit or when the screen locks.
 */
void
lyg_application_lock_all (LygApplication *self)
{
  g_return_if_fail (LYG_IS_APPLICATION (self));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (LYG_IS_WINDOW (l->data))
        lyg_window_lock (LYG_WINDOW (l->data));
    }
}

/**
 * lyg_application_update_actions:
 * @self: a #LygApplication
 *
 * Enables the preferences only while the active window shows an unlocked
 * vault. Windows call this when they lock or unlock.
 */
void
lyg_application_update_actions (LygApplication *self)
{
  GAction *preferences;

  g_return_if_fail (LYG_IS_APPLICATION (self));

  preferences = g_action_map_lookup_action (G_ACTION_MAP (self), "preferences");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (preferences), get_unlocked_window (self) != NULL);
}
