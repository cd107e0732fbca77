/* test-team.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lyg-create-page.h"
#include "lyg-devices-page.h"
#include "lyg-invite-dialog.h"
#include "lyg-join-page.h"
#include "lyg-main-page.h"
#include "lyg-sync-button.h"
#include "lyg-window.h"
#include "test-sync-util.h"

/* The whole team set-up through the app's widgets, against the real server
 * on 127.0.0.1: the first coordinator joins with the bootstrap code, invites
 * a laptop from the Devices page, the laptop joins with the invitation and
 * the secret, both work offline and converge, and revoking the laptop
 * erases its keys. */

#define PASSPHRASE "violet anchor meadow 42"
#define WAIT_MS    60000

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
  gint64 deadline = g_get_monotonic_time () + WAIT_MS * G_TIME_SPAN_MILLISECOND;
  guint tick = g_timeout_add (10, on_tick_cb, NULL);
  gboolean ok;

  while (!(ok = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);

  return ok;
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);

  return object;
}

static void
set_text (gpointer    editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static void
click (gpointer button)
{
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
}

typedef struct
{
  LygWindow  *window;
  const char *page;
} PageWait;

static gboolean
shows_page (gpointer data)
{
  PageWait *wait = data;

  return g_strcmp0 (lyg_window_get_visible_page (wait->window), wait->page) == 0;
}

static void
assert_page (LygWindow  *window,
             const char *page)
{
  PageWait wait = { window, page };

  g_assert_true (wait_for (shows_page, &wait));
}

static gboolean
join_page_idle (gpointer data)
{
  return !lyg_join_page_get_busy (data);
}

static gboolean
devices_page_idle (gpointer data)
{
  return !lyg_devices_page_get_busy (data);
}

static gboolean
invite_dialog_done (gpointer data)
{
  return !lyg_invite_dialog_get_busy (data) && lyg_invite_dialog_get_invitation (data) != NULL;
}

static char *
new_path (const char *dir,
          const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static LygWindow *
new_window (const char *path)
{
  LygWindow *window = g_object_new (LYG_TYPE_WINDOW,
                                    "path", path,
                                    "kdf-profile", "minimum",
                                    NULL);

  gtk_window_present (GTK_WINDOW (window));
  assert_page (window, "create");

  return window;
}

/* Creates the vault with "Create and Join a Team…" and returns the join
 * page it leads to. */
static LygJoinPage *
create_for_joining (LygWindow *window)
{
  LygCreatePage *create = child (window, LYG_TYPE_WINDOW, "create_page");

  set_text (child (create, LYG_TYPE_CREATE_PAGE, "passphrase_row"), PASSPHRASE);
  set_text (child (create, LYG_TYPE_CREATE_PAGE, "confirm_row"), PASSPHRASE);
  click (child (create, LYG_TYPE_CREATE_PAGE, "join_button"));
  assert_page (window, "join");

  return child (window, LYG_TYPE_WINDOW, "join_page");
}

/* Tries the invitation on the join page; returns the error shown, or NULL
 * when the window went on to the records. */
static char *
join_with_invitation (LygWindow   *window,
                      LygJoinPage *page,
                      const char  *invitation,
                      const char  *secret)
{
  GtkLabel *error_label = child (page, LYG_TYPE_JOIN_PAGE, "error_label");

  gtk_stack_set_visible_child_name (child (page, LYG_TYPE_JOIN_PAGE, "mode_stack"), "invitation");
  set_text (child (page, LYG_TYPE_JOIN_PAGE, "invitation_row"), invitation);
  set_text (child (page, LYG_TYPE_JOIN_PAGE, "secret_row"), secret);
  click (child (page, LYG_TYPE_JOIN_PAGE, "join_button"));
  g_assert_true (lyg_join_page_get_busy (page));
  g_assert_true (wait_for (join_page_idle, page));

  if (gtk_widget_get_visible (GTK_WIDGET (error_label)))
    return g_strdup (gtk_label_get_text (error_label));

  assert_page (window, "main");
  return NULL;
}

static LygSyncEngine *
window_engine (LygWindow *window)
{
  GObject *sync = lyg_context_get_sync (lyg_window_get_context (window));

  g_assert_true (LYG_IS_SYNC_ENGINE (sync));

  return LYG_SYNC_ENGINE (sync);
}

static LygSyncButton *
sync_button (LygWindow *window)
{
  return child (child (window, LYG_TYPE_WINDOW, "main_page"), LYG_TYPE_MAIN_PAGE, "sync_button");
}

typedef struct
{
  LygWindow  *window;
  const char *prefix;
} LabelWait;

static gboolean
sync_label_has_prefix (gpointer data)
{
  LabelWait *wait = data;

  return g_str_has_prefix (lyg_sync_button_get_label (sync_button (wait->window)), wait->prefix);
}

static void
assert_sync_label (LygWindow  *window,
                   const char *prefix)
{
  LabelWait wait = { window, prefix };

  if (!wait_for (sync_label_has_prefix, &wait))
    g_error ("The sync button says “%s”, not “%s…”",
             lyg_sync_button_get_label (sync_button (window)), prefix);
}

static char *
add_person (LygWindow  *window,
            const char *alias)
{
  g_autoptr(LygRecord) record = lyg_record_new ("person");
  g_autoptr(GError) error = NULL;

  lyg_record_set_string (record, "alias", alias);
  lyg_vault_save_record (lyg_window_get_vault (window), record, &error);
  g_assert_no_error (error);

  return g_strdup (lyg_record_get_id (record));
}

typedef struct
{
  LygWindow  *window;
  const char *id;
} RecordWait;

static gboolean
has_record (gpointer data)
{
  RecordWait *wait = data;
  g_autoptr(LygRecord) record = NULL;

  record = lyg_vault_get_record (lyg_window_get_vault (wait->window), wait->id, NULL);

  return record != NULL;
}

static void
assert_gets_record (LygWindow  *window,
                    const char *id)
{
  RecordWait wait = { window, id };

  gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-now", NULL);
  g_assert_true (wait_for (has_record, &wait));
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type))
        return window;
    }

  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
invite_from_devices_page (LygWindow       *window,
                          LygDevicesPage  *devices,
                          const char      *name,
                          char           **secret)
{
  LygInviteDialog *dialog;
  char *invitation;

  click (child (devices, LYG_TYPE_DEVICES_PAGE, "invite_button"));
  dialog = LYG_INVITE_DIALOG (find_toplevel (LYG_TYPE_INVITE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  set_text (child (dialog, LYG_TYPE_INVITE_DIALOG, "name_row"), name);
  click (child (dialog, LYG_TYPE_INVITE_DIALOG, "create_button"));
  g_assert_true (wait_for (invite_dialog_done, dialog));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (dialog, LYG_TYPE_INVITE_DIALOG, "stack")),
                   ==, "result");
  g_assert_cmpstr (gtk_label_get_text (child (dialog, LYG_TYPE_INVITE_DIALOG, "secret_label")), ==,
                   lyg_invite_dialog_get_secret (dialog));

  invitation = g_strdup (lyg_invite_dialog_get_invitation (dialog));
  *secret = g_strdup (lyg_invite_dialog_get_secret (dialog));
  g_assert_true (g_str_has_prefix (invitation, LYG_INVITATION_PREFIX));
  gtk_window_close (GTK_WINDOW (dialog));

  return invitation;
}

/* An invitation around a code that expired already, sealed as the app
 * seals one. */
static char *
expired_invitation (TestServer *server,
                    LygWindow  *coordinator,
                    const char *secret)
{
  LygVault *vault = lyg_window_get_vault (coordinator);
  g_autofree char *code = test_server_new_code (server, LYG_ROLE_WORKER, -60);
  g_autoptr(LygKey) key = lyg_vault_dup_team_key (vault, NULL);
  g_autoptr(LygInvitation) invitation = NULL;
  LygKdfParams params = lyg_kdf_params_minimum ();
  g_autoptr(GError) error = NULL;
  char *text;

  invitation = lyg_invitation_new (server->url, server->pin, code,
                                   lyg_vault_get_active_key_id (vault), key);
  text = lyg_invitation_seal (invitation, secret, &params, &error);
  g_assert_no_error (error);

  return text;
}

static void
test_team_flow (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lygte-team-XXXXXX", &error);
  g_autofree char *path_a = new_path (dir, "a.lygte");
  g_autofree char *path_b = new_path (dir, "b.lygte");
  g_autofree char *path_c = new_path (dir, "c.lygte");
  g_autofree char *code = NULL;
  g_autofree char *invitation = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *message = NULL;
  g_autofree char *expired = NULL;
  g_autofree char *id_a = NULL;
  g_autofree char *id_b = NULL;
  g_autofree char *device_b = NULL;
  g_autoptr(LygVault) reopened = NULL;
  TestServer *server;
  LygWindow *a, *b, *c;
  LygJoinPage *join;
  LygMainPage *main_a;
  LygDevicesPage *devices;
  GtkWidget *row;
  GtkWindow *confirm;
  guint port;

  g_assert_no_error (error);
  g_setenv ("LYGTE_KDF_PROFILE", "minimum", TRUE);

  server = test_server_new ();
  code = test_server_new_code (server, LYG_ROLE_COORDINATOR, 600);

  /* The first coordinator, with what `lygte-server init` printed. */
  a = new_window (path_a);
  join = create_for_joining (a);
  gtk_stack_set_visible_child_name (child (join, LYG_TYPE_JOIN_PAGE, "mode_stack"), "bootstrap");
  g_assert_false (gtk_widget_is_sensitive (child (join, LYG_TYPE_JOIN_PAGE, "join_button")));
  set_text (child (join, LYG_TYPE_JOIN_PAGE, "url_row"), server->url);
  set_text (child (join, LYG_TYPE_JOIN_PAGE, "pin_row"), server->pin);
  set_text (child (join, LYG_TYPE_JOIN_PAGE, "code_row"), code);
  set_text (child (join, LYG_TYPE_JOIN_PAGE, "name_row"), "Office laptop");
  click (child (join, LYG_TYPE_JOIN_PAGE, "join_button"));
  g_assert_true (wait_for (join_page_idle, join));
  g_assert_false (gtk_widget_get_visible (child (join, LYG_TYPE_JOIN_PAGE, "error_label")));
  assert_page (a, "main");
  assert_sync_label (a, "Synced at");

  /* Only a coordinator sees the Devices section. */
  main_a = child (a, LYG_TYPE_WINDOW, "main_page");
  lyg_main_page_set_section (main_a, "devices");
  devices = LYG_DEVICES_PAGE (lyg_main_page_get_section_page (main_a, "devices"));
  g_assert_nonnull (devices);
  g_assert_true (wait_for (devices_page_idle, devices));
  g_assert_cmpuint (lyg_devices_page_get_n_devices (devices), ==, 1);

  invitation = invite_from_devices_page (a, devices, "Field laptop", &secret);

  /* The laptop: a wrong secret first, then the right one. */
  b = new_window (path_b);
  join = create_for_joining (b);
  message = join_with_invitation (b, join, invitation, "AAAA-BBBB-CCCC");
  g_assert_nonnull (message);
  g_test_message ("Wrong secret: %s", message);
  g_assert_nonnull (strstr (message, "secret"));
  g_clear_pointer (&message, g_free);
  g_assert_false (lyg_team_is_joined (lyg_window_get_vault (b)));

  message = join_with_invitation (b, join, invitation, secret);
  g_assert_null (message);
  g_assert_true (lyg_team_is_joined (lyg_window_get_vault (b)));
  device_b = g_strdup (lyg_vault_get_device_id (lyg_window_get_vault (b)));
  /* A field worker has no Devices section. */
  g_assert_null (lyg_main_page_get_section_page (child (b, LYG_TYPE_WINDOW, "main_page"), "devices"));

  /* The same invitation again, and an expired one, on a third computer. */
  c = new_window (path_c);
  join = create_for_joining (c);
  message = join_with_invitation (c, join, invitation, secret);
  g_assert_nonnull (message);
  g_test_message ("Reused invitation: %s", message);
  g_assert_nonnull (strstr (message, "used"));
  g_clear_pointer (&message, g_free);
  expired = expired_invitation (server, a, secret);
  message = join_with_invitation (c, join, expired, secret);
  g_assert_nonnull (message);
  g_test_message ("Expired invitation: %s", message);
  g_assert_nonnull (strstr (message, "expired"));
  g_clear_pointer (&message, g_free);
  g_assert_false (lyg_team_is_joined (lyg_window_get_vault (c)));
  gtk_window_destroy (GTK_WINDOW (c));

  /* Both work while the server is down, then meet. */
  port = server->port;
  test_server_stop (server);
  id_a = add_person (a, "Written at the office");
  id_b = add_person (b, "Written in the field");
  gtk_widget_activate_action (GTK_WIDGET (a), "win.sync-now", NULL);
  assert_sync_label (a, "Offline");

  test_server_start (server, port);
  assert_gets_record (a, id_a);
  assert_gets_record (b, id_a);
  assert_gets_record (a, id_b);
  assert_sync_label (a, "Synced at");
  assert_sync_label (b, "Synced at");
  g_assert_cmpint (lyg_sync_engine_get_state (window_engine (b)), ==, LYG_SYNC_STATE_IDLE);

  /* The laptop is lost: the coordinator removes it. */
  lyg_devices_page_reload (devices);
  g_assert_true (wait_for (devices_page_idle, devices));
  g_assert_cmpuint (lyg_devices_page_get_n_devices (devices), ==, 2);
  row = find_named (GTK_WIDGET (devices), device_b);
  g_assert_nonnull (row);
  click (find_named (row, "revoke"));
  confirm = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "revoke");
  gtk_window_destroy (confirm);
  g_assert_true (lyg_devices_page_get_busy (devices));
  g_assert_true (wait_for (devices_page_idle, devices));
  g_assert_false (gtk_widget_get_visible (child (devices, LYG_TYPE_DEVICES_PAGE, "error_label")));
  row = find_named (GTK_WIDGET (devices), device_b);
  g_assert_nonnull (row);
  g_assert_null (find_named (row, "revoke"));

  /* Its next sync erases its keys and says so. */
  gtk_widget_activate_action (GTK_WIDGET (b), "win.sync-now", NULL);
  assert_page (b, "revoked");
  g_assert_false (lyg_vault_get_unlocked (lyg_window_get_vault (b)));
  gtk_window_destroy (GTK_WINDOW (b));

  reopened = lyg_vault_open (path_b, &error);
  g_assert_no_error (error);
  g_assert_false (lyg_vault_unlock (reopened, PASSPHRASE, &error));
  g_assert_error (error, LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_KEYS_DESTROYED);
  g_clear_error (&error);

  /* The coordinator carries on. */
  g_assert_true (lyg_vault_get_unlocked (lyg_window_get_vault (a)));
  gtk_window_destroy (GTK_WINDOW (a));
  test_server_free (server);
}

/* Three windows on one display take the focus from each other's entries,
 * and GTK warns about the focus-out it did not see. */
static gboolean
log_fatal_cb (const char     *log_domain,
              GLogLevelFlags  log_level,
              const char     *message,
              gpointer        user_data)
{
  return strstr (message, "did not receive a focus-out event") == NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("lygte-team-data-XXXXXX", NULL);

  /* The server's database goes under the user data dir; not the real one.
   * (G_TEST_OPTION_ISOLATE_DIRS would hide the icon theme as well.) */
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_log_set_fatal_handler (log_fatal_cb, NULL);
  /* GTK logs that warning structured, past the handler above: keep only
   * criticals fatal. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/team/flow", test_team_flow);

  return g_test_run ();
}
