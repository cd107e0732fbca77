/* test-window.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "lyg-application.h"
#include "lyg-create-page.h"
#include "lyg-main-page.h"
#include "lyg-unlock-page.h"
#include "lyg-window.h"

#define GOOD_PASSPHRASE  "violet anchor meadow 42"
#define WAIT_MS          30000

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("lygte-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "vault.lygte", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);
      g_unlink (file);
    }

  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Template children, found the way GtkBuilder binds them. */
static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);

  return object;
}

static gboolean
on_tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

typedef gboolean (*Condition) (gpointer data);

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

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;
  guint tick = g_timeout_add (10, on_tick_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
}

static gboolean
window_shows_main (gpointer data)
{
  return g_strcmp0 (lyg_window_get_visible_page (data), "main") == 0;
}

static gboolean
window_shows_unlock (gpointer data)
{
  return g_strcmp0 (lyg_window_get_visible_page (data), "unlock") == 0;
}

static gboolean
unlock_page_idle (gpointer data)
{
  return !lyg_unlock_page_get_busy (data);
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static LygWindow *
new_window (const char *path,
            LygVault   *vault)
{
  LygWindow *window;

  window = g_object_new (LYG_TYPE_WINDOW,
                         "path", path,
                         "vault", vault,
                         "kdf-profile", "minimum",
                         NULL);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/* A vault made directly with the cheapest KDF, locked again. */
static LygVault *
new_locked_vault (const char *path)
{
  g_autoptr(GError) error = NULL;
  LygKdfParams params = lyg_kdf_params_minimum ();
  LygVault *vault;

  vault = lyg_vault_create (path, GOOD_PASSPHRASE, &params, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vault);
  lyg_vault_lock (vault);

  return vault;
}

/* Destroys the window and checks that nothing keeps the vault alive. */
static void
destroy_window (LygWindow *window,
                LygVault  *vault)
{
  gpointer weak = vault;

  if (vault != NULL)
    g_object_add_weak_pointer (G_OBJECT (vault), &weak);

  gtk_window_destroy (GTK_WINDOW (window));

  if (vault != NULL)
    {
      g_object_unref (vault);
      g_assert_true (wait_for (pointer_cleared, &weak));
    }
}

static void
set_text (gpointer    editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static void
test_window_create_page (Fixture       *f,
                         gconstpointer  data)
{
  LygWindow *window = new_window (f->path, NULL);

  g_assert_cmpstr (lyg_window_get_visible_page (window), ==, "create");
  g_assert_null (lyg_window_get_vault (window));
  g_assert_cmpstr (lyg_window_get_path (window), ==, f->path);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Lygte");

  /* Nothing to lock yet. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
  g_assert_cmpstr (lyg_window_get_visible_page (window), ==, "create");

  destroy_window (window, NULL);
}

static void
test_window_create_refuses_weak (Fixture       *f,
                                 gconstpointer  data)
{
  static const char * const weak[] = { "short", "password1234", "1234567890", "qwertyuiop" };
  LygWindow *window = new_window (f->path, NULL);
  LygCreatePage *page = child (window, LYG_TYPE_WINDOW, "create_page");
  GtkWidget *passphrase_row = child (page, LYG_TYPE_CREATE_PAGE, "passphrase_row");
  GtkWidget *confirm_row = child (page, LYG_TYPE_CREATE_PAGE, "confirm_row");
  GtkWidget *create_button = child (page, LYG_TYPE_CREATE_PAGE, "create_button");
  GtkWidget *error_label = child (page, LYG_TYPE_CREATE_PAGE, "error_label");

  for (guint i = 0; i < G_N_ELEMENTS (weak); i++)
    {
      set_text (passphrase_row, weak[i]);
      set_text (confirm_row, weak[i]);
      g_assert_false (gtk_widget_get_sensitive (create_button));

      /* Enter in the confirmation row tries anyway, and is told why not. */
      g_signal_emit_by_name (confirm_row, "entry-activated");
      g_assert_true (gtk_widget_get_visible (error_label));
      g_assert_false (lyg_create_page_get_busy (page));
      g_assert_cmpstr (lyg_window_get_visible_page (window), ==, "create");
      g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
    }

  /* A good passphrase that is confirmed wrongly is refused too. */
  set_text (passphrase_row, GOOD_PASSPHRASE);
  set_text (confirm_row, GOOD_PASSPHRASE "x");
  g_assert_false (gtk_widget_get_sensitive (create_button));
  g_signal_emit_by_name (confirm_row, "entry-activated");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));

  destroy_window (window, NULL);
}

static void
test_window_create_good (Fixture       *f,
                         gconstpointer  data)
{
  LygWindow *window = new_window (f->path, NULL);
  LygCreatePage *page = child (window, LYG_TYPE_WINDOW, "create_page");
  GtkWidget *passphrase_row = child (page, LYG_TYPE_CREATE_PAGE, "passphrase_row");
  GtkWidget *confirm_row = child (page, LYG_TYPE_CREATE_PAGE, "confirm_row");
  GtkWidget *create_button = child (page, LYG_TYPE_CREATE_PAGE, "create_button");
  LygVault *vault;

  set_text (passphrase_row, GOOD_PASSPHRASE);
  set_text (confirm_row, GOOD_PASSPHRASE);
  g_assert_true (gtk_widget_get_sensitive (create_button));

  g_signal_emit_by_name (create_button, "clicked");
  g_assert_true (lyg_create_page_get_busy (page));
  g_assert_true (wait_for (window_shows_main, window));

  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
  vault = lyg_window_get_vault (window);
  g_assert_nonnull (vault);
  g_assert_true (lyg_vault_get_unlocked (vault));

  /* What was typed is gone from the create page. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (passphrase_row)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (confirm_row)), ==, "");

  destroy_window (window, g_object_ref (vault));
}

static void
test_window_lock (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LygVault *vault = new_locked_vault (f->path);
  LygWindow *window;
  LygMainPage *main_page;

  lyg_vault_unlock (vault, GOOD_PASSPHRASE, &error);
  g_assert_no_error (error);

  window = new_window (f->path, vault);
  main_page = child (window, LYG_TYPE_WINDOW, "main_page");
  g_assert_cmpstr (lyg_window_get_visible_page (window), ==, "main");

  lyg_main_page_set_section (main_page, "screenings");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  g_assert_cmpstr (lyg_window_get_visible_page (window), ==, "unlock");
  g_assert_false (lyg_vault_get_unlocked (vault));

  /* The main page forgot where it was. */
  g_assert_cmpstr (lyg_main_page_get_section (main_page), ==, "today");
  g_assert_null (lyg_main_page_get_context (main_page));
  g_assert_null (lyg_window_get_context (window));
  g_assert_null (lyg_main_page_get_search (main_page));

  destroy_window (window, vault);
}

static void
test_window_lock_shortcut (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LygVault *vault = new_locked_vault (f->path);
  LygWindow *window;

  lyg_vault_unlock (vault, GOOD_PASSPHRASE, &error);
  g_assert_no_error (error);

  window = new_window (f->path, vault);
  g_assert_cmpstr (lyg_window_get_visible_page (window), ==, "main");

  /* The lock is wired to Ctrl+L through the widget class shortcuts. */
  {
    GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
          continue;

        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
            GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
            g_autofree char *accel = gtk_shortcut_trigger_to_string (trigger);

            if (g_str_equal (accel, "<Control>l"))
              {
                found = TRUE;
                g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                             0, GTK_WIDGET (window), NULL));
                break;
              }
          }
      }

    g_object_unref (controllers);
    g_assert_true (found);
  }

  g_assert_cmpstr (lyg_window_get_visible_page (window), ==, "unlock");
  g_assert_false (lyg_vault_get_unlocked (vault));

  destroy_window (window, vault);
}

static void
test_window_unlock (Fixture       *f,
                    gconstpointer  data)
{
  LygVault *vault = new_locked_vault (f->path);
  LygWindow *window = new_window (f->path, vault);
  LygUnlockPage *page = child (window, LYG_TYPE_WINDOW, "unlock_page");
  GtkWidget *passphrase_row = child (page, LYG_TYPE_UNLOCK_PAGE, "passphrase_row");
  GtkWidget *error_label = child (page, LYG_TYPE_UNLOCK_PAGE, "error_label");
  GtkWidget *focus;

  g_assert_cmpstr (lyg_window_get_visible_page (window), ==, "unlock");
  g_assert_false (gtk_widget_get_visible (error_label));

  /* Wrong: an error, still locked, the entry keeps the focus. */
  set_text (passphrase_row, "not the passphrase");
  g_signal_emit_by_name (passphrase_row, "entry-activated");
  g_assert_true (lyg_unlock_page_get_busy (page));
  g_assert_true (wait_for (unlock_page_idle, page));

  g_assert_cmpstr (lyg_window_get_visible_page (window), ==, "unlock");
  g_assert_false (lyg_vault_get_unlocked (vault));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == passphrase_row || gtk_widget_is_ancestor (focus, passphrase_row));

  /* Right: the main page. */
  set_text (passphrase_row, GOOD_PASSPHRASE);
  g_assert_false (gtk_widget_get_visible (error_label));
  g_signal_emit_by_name (passphrase_row, "entry-activated");
  g_assert_true (wait_for (window_shows_main, window));
  g_assert_true (lyg_vault_get_unlocked (vault));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (passphrase_row)), ==, "");

  destroy_window (window, vault);
}

static void
test_window_idle_lock (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.lygte.Lygte");
  g_autoptr(GError) error = NULL;
  LygVault *vault = new_locked_vault (f->path);
  LygWindow *window;

  lyg_vault_unlock (vault, GOOD_PASSPHRASE, &error);
  g_assert_no_error (error);

  g_settings_set_uint (settings, "lock-timeout", 1);

  window = new_window (f->path, vault);
  g_assert_cmpstr (lyg_window_get_visible_page (window), ==, "main");

  g_assert_true (wait_for (window_shows_unlock, window));
  g_assert_false (lyg_vault_get_unlocked (vault));

  g_settings_reset (settings, "lock-timeout");
  destroy_window (window, vault);
}

static void
test_window_idle_lock_disabled (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.lygte.Lygte");
  g_autoptr(GError) error = NULL;
  LygVault *vault = new_locked_vault (f->path);
  LygWindow *window;

  lyg_vault_unlock (vault, GOOD_PASSPHRASE, &error);
  g_assert_no_error (error);

  g_settings_set_uint (settings, "lock-timeout", 0);

  window = new_window (f->path, vault);
  spin (1500);
  g_assert_cmpstr (lyg_window_get_visible_page (window), ==, "main");
  g_assert_true (lyg_vault_get_unlocked (vault));

  g_settings_reset (settings, "lock-timeout");
  destroy_window (window, vault);
}

static void
test_window_existing_unreadable (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LygWindow *window;

  /* A file that is there but no vault is never overwritten by "create". */
  g_file_set_contents (f->path, "not a vault", -1, &error);
  g_assert_no_error (error);

  window = new_window (f->path, NULL);
  g_assert_cmpstr (lyg_window_get_visible_page (window), ==, "error");

  destroy_window (window, NULL);
}

/* $LYGTE_VAULT is set in main(), before any thread exists. */
static char *app_vault_path;

static void
test_app_activate (void)
{
  g_autoptr(LygApplication) app = lyg_application_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (LYG_IS_WINDOW (window));
  g_assert_cmpstr (lyg_window_get_path (LYG_WINDOW (window)), ==, app_vault_path);
  g_assert_cmpstr (lyg_window_get_visible_page (LYG_WINDOW (window)), ==, "create");

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *app_dir = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  /* A vault that does not exist: the app must offer to create it there. */
  app_dir = g_dir_make_tmp ("lygte-app-XXXXXX", NULL);
  g_assert_nonnull (app_dir);
  app_vault_path = g_build_filename (app_dir, "missing.lygte", NULL);
  g_setenv ("LYGTE_VAULT", app_vault_path, TRUE);

  if (!gtk_init_check ())
    {
      g_rmdir (app_dir);
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  adw_init ();

#define ADD(path, func) \
  g_test_add ("/lyg/window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create-page", test_window_create_page);
  ADD ("create-refuses-weak", test_window_create_refuses_weak);
  ADD ("create-good", test_window_create_good);
  ADD ("lock", test_window_lock);
  ADD ("lock-shortcut", test_window_lock_shortcut);
  ADD ("unlock", test_window_unlock);
  ADD ("idle-lock", test_window_idle_lock);
  ADD ("idle-lock-disabled", test_window_idle_lock_disabled);
  ADD ("existing-unreadable", test_window_existing_unreadable);
  g_test_add_func ("/lyg/app/activate", test_app_activate);

#undef ADD

  ret = g_test_run ();

  g_rmdir (app_dir);
  g_free (app_vault_path);

  return ret;
}
