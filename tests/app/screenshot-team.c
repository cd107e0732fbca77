/* screenshot-team.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Puts the window into one state of team sync and writes a PNG of it, for
 * tests/screenshots.sh: a real server on 127.0.0.1 (the test certificate,
 * so G_TEST_SRCDIR must point at tests/), a coordinator and invited
 * laptops with vaults of their own.
 *
 *   screenshot-team --state STATE --output FILE.png [--locale-dir DIR]
 *
 * STATE: join, invite, devices, synced, offline, error, revoked.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "lyg-application.h"
#include "lyg-devices-page.h"
#include "lyg-invite-dialog.h"
#include "lyg-join-page.h"
#include "lyg-main-page.h"
#include "lyg-sync-button.h"
#include "lyg-window.h"
#include "test-sync-util.h"

typedef gboolean (*Condition) (gpointer data);

static gboolean
on_tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
wait_for (Condition condition,
          gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (10, on_tick_cb, NULL);
  gboolean ok;

  while (!(ok = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);

  return ok;
}

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;
  guint tick = g_timeout_add (10, on_tick_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  if (object == NULL)
    g_error ("No template child %s", name);

  return object;
}

static void
save_png (GtkWidget  *window,
          const char *output)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  /* Stack transitions and the first frames. */
  spin (900);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    g_error ("Nothing to draw");
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, output))
    g_error ("Could not write %s", output);

  g_print ("%s: %d×%d\n", output, width, height);
}

static gboolean
devices_idle (gpointer data)
{
  return !lyg_devices_page_get_busy (data) && lyg_devices_page_get_n_devices (data) > 0;
}

static gboolean
dialog_done (gpointer data)
{
  return lyg_invite_dialog_get_invitation (data) != NULL;
}

typedef struct
{
  LygWindow  *window;
  const char *prefix;
} LabelWait;

static gboolean
label_has_prefix (gpointer data)
{
  LabelWait *wait = data;
  LygSyncButton *button = child (child (wait->window, LYG_TYPE_WINDOW, "main_page"),
                                 LYG_TYPE_MAIN_PAGE, "sync_button");

  return g_str_has_prefix (lyg_sync_button_get_label (button), wait->prefix);
}

static gboolean
shows_revoked (gpointer data)
{
  return g_strcmp0 (lyg_window_get_visible_page (data), "revoked") == 0;
}

static LygWindow *
new_window (LygApplication *app,
            TestDevice     *device)
{
  LygWindow *window = lyg_window_new (app, device->vault, device->path);

  gtk_window_set_default_size (GTK_WINDOW (window), 960, 700);
  gtk_window_present (GTK_WINDOW (window));
  spin (300);

  return window;
}

static void
wait_label (LygWindow  *window,
            const char *prefix)
{
  LabelWait wait = { window, prefix };

  gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-now", NULL);
  if (!wait_for (label_has_prefix, &wait))
    g_error ("The sync button never said %s", prefix);
}

/* "Synced at " in the language of the window. */
static const char *
synced_prefix (void)
{
  static char *prefix;
  const char *format = _("Synced at %s");

  if (prefix == NULL)
    prefix = g_strndup (format, strstr (format, "%s") - format);

  return prefix;
}

static LygDevicesPage *
show_devices (LygWindow *window)
{
  LygMainPage *main_page = child (window, LYG_TYPE_WINDOW, "main_page");
  LygDevicesPage *devices;

  lyg_main_page_set_section (main_page, "devices");
  devices = LYG_DEVICES_PAGE (lyg_main_page_get_section_page (main_page, "devices"));
  lyg_devices_page_reload (devices);
  if (!wait_for (devices_idle, devices))
    g_error ("The devices did not load");

  return devices;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(LygApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  g_autofree char *output = NULL;
  g_autofree char *locale_dir = NULL;
  g_autofree char *data_home = g_dir_make_tmp ("lygte-shot-XXXXXX", NULL);
  GOptionEntry entries[] = {
    { "state", 0, 0, G_OPTION_ARG_STRING, &state, "What to show", "STATE" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, "The PNG to write", "FILE" },
    { "locale-dir", 0, 0, G_OPTION_ARG_FILENAME, &locale_dir, "Where lygte.mo is", "DIR" },
    { NULL }
  };
  TestServer *server;
  TestDevice *office;
  TestDevice *field;
  LygWindow *window;
  GtkWidget *shot;

  options = g_option_context_new ("- put Lygte into a team state and save a PNG");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (state == NULL || output == NULL)
    {
      g_printerr ("--state and --output are needed\n");
      return 2;
    }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir != NULL ? locale_dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The sync suite's helpers find the certificate through the test
   * framework; its stricter logging is not wanted here. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("LYGTE_KDF_PROFILE", "minimum", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  if (!gtk_init_check ())
    return 77;

  app = lyg_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  server = test_server_new ();
  office = test_device_new_coordinator (server, "Office laptop");
  test_device_add_person (office, "Maria", NULL);
  test_device_sync_ok (office);
  field = test_device_new_invited (server, office, "Field laptop 1");
  test_device_sync_ok (field);
  g_clear_object (&field->engine);
  g_clear_object (&office->engine);

  if (g_str_equal (state, "join"))
    {
      TestDevice *fresh = test_device_new ("fresh");
      LygJoinPage *join;
      LygKdfParams params = lyg_kdf_params_minimum ();
      g_autofree char *secret = NULL;
      g_autofree char *invitation = NULL;

      invitation = lyg_team_invite (office->vault, NULL, "Field laptop 2", LYG_ROLE_WORKER, 0,
                                    &params, &secret, NULL, &error);
      g_assert_no_error (error);

      window = new_window (app, fresh);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.join-team", NULL);
      join = child (window, LYG_TYPE_WINDOW, "join_page");
      gtk_editable_set_text (child (join, LYG_TYPE_JOIN_PAGE, "invitation_row"), invitation);
      gtk_editable_set_text (child (join, LYG_TYPE_JOIN_PAGE, "secret_row"), secret);
      gtk_editable_set_text (child (join, LYG_TYPE_JOIN_PAGE, "name_row"), "Field laptop 2");
      shot = GTK_WIDGET (window);
    }
  else if (g_str_equal (state, "invite"))
    {
      LygDevicesPage *devices;
      LygInviteDialog *dialog = NULL;
      GListModel *toplevels = gtk_window_get_toplevels ();

      window = new_window (app, office);
      devices = show_devices (window);
      g_signal_emit_by_name (child (devices, LYG_TYPE_DEVICES_PAGE, "invite_button"), "clicked");
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

          if (LYG_IS_INVITE_DIALOG (item))
            dialog = LYG_INVITE_DIALOG (item);
        }
      g_assert_nonnull (dialog);
      gtk_editable_set_text (child (dialog, LYG_TYPE_INVITE_DIALOG, "name_row"), "Field laptop 2");
      g_signal_emit_by_name (child (dialog, LYG_TYPE_INVITE_DIALOG, "create_button"), "clicked");
      if (!wait_for (dialog_done, dialog))
        g_error ("No invitation");
      shot = GTK_WIDGET (dialog);
    }
  else if (g_str_equal (state, "devices"))
    {
      TestDevice *lost = test_device_new_invited (server, office, "Lost laptop");

      test_device_sync_ok (lost);
      lyg_team_revoke (office->vault, NULL, lyg_vault_get_device_id (lost->vault), &error);
      g_assert_no_error (error);
      window = new_window (app, office);
      wait_label (window, synced_prefix ());
      show_devices (window);
      shot = GTK_WIDGET (window);
    }
  else if (g_str_equal (state, "synced") || g_str_equal (state, "offline"))
    {
      window = new_window (app, field);
      wait_label (window, synced_prefix ());
      if (g_str_equal (state, "offline"))
        {
          test_server_stop (server);
          wait_label (window, _("Offline"));
        }
      shot = GTK_WIDGET (window);
    }
  else if (g_str_equal (state, "error"))
    {
      g_autoptr(GBytes) bogus = g_bytes_new_static ("not-a-token", 11);

      lyg_vault_set_secret (field->vault, "sync.token", bogus, &error);
      g_assert_no_error (error);
      window = new_window (app, field);
      wait_label (window, _("Sync error"));
      shot = GTK_WIDGET (window);
    }
  else if (g_str_equal (state, "revoked"))
    {
      lyg_team_revoke (office->vault, NULL, lyg_vault_get_device_id (field->vault), &error);
      g_assert_no_error (error);
      window = new_window (app, field);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-now", NULL);
      if (!wait_for (shows_revoked, window))
        g_error ("Not revoked");
      shot = GTK_WIDGET (window);
    }
  else
    g_error ("Unknown state %s", state);

  save_png (shot, output);
  g_print ("language: (\"People\" is \"%s\")\n", _("People"));

  return 0;
}
