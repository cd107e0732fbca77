/* test-acceptance.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The acceptance test of the desktop app (issue 4), through the real
 * application, window, widgets and actions: create a vault, unlock with a
 * wrong and then the right passphrase, record a person, an encounter and a
 * screening, lock, and check that no decrypted record survives the lock.
 * Then the preferences: change the passphrase and unlock with the new one.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "lyg-application.h"
#include "lyg-create-page.h"
#include "lyg-draft.h"
#include "lyg-encounter-editor.h"
#include "lyg-entry-list.h"
#include "lyg-indicator-row.h"
#include "lyg-list-page.h"
#include "lyg-main-page.h"
#include "lyg-person-page.h"
#include "lyg-preferences-window.h"
#include "lyg-screening-page.h"
#include "lyg-screening-result-view.h"
#include "lyg-unlock-page.h"
#include "lyg-window.h"

#define PASSPHRASE      "violet anchor meadow 42"
#define NEW_PASSPHRASE  "copper kettle harbour 97"
#define WAIT_MS         30000

/* Set in main(), before any thread exists. */
static char *vault_dir;
static char *vault_path;
static LygApplication *app;

/* Helpers */

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);

  return object;
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

static LygIndicatorRow *
find_indicator_row (GtkWidget  *widget,
                    const char *id)
{
  if (LYG_IS_INDICATOR_ROW (widget) &&
      g_str_equal (lyg_indicator_row_get_indicator (LYG_INDICATOR_ROW (widget))->id, id))
    return LYG_INDICATOR_ROW (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      LygIndicatorRow *found = find_indicator_row (c, id);

      if (found != NULL)
        return found;
    }

  return NULL;
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

/* Runs the main context until nothing is pending. */
static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The same, after the page transitions had time to finish. */
static void
settle (void)
{
  spin (400);
  drain ();
}

static void
set_text (gpointer    editable,
          const char *text)
{
  g_assert_nonnull (editable);
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static void
click (gpointer button)
{
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
}

/* Runs the shortcut bound to @accel on @widget, as the key press would. */
static gboolean
press_shortcut (GtkWidget  *widget,
                const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      guint n_shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      n_shortcuts = g_list_model_get_n_items (G_LIST_MODEL (controller));
      for (guint j = 0; j < n_shortcuts; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, accel))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                 widget, gtk_shortcut_get_arguments (shortcut));
        }
    }

  g_assert_not_reached ();

  return FALSE;
}

static gboolean
window_shows_main (gpointer data)
{
  return g_strcmp0 (lyg_window_get_visible_page (data), "main") == 0;
}

static gboolean
unlock_page_idle (gpointer data)
{
  return !lyg_unlock_page_get_busy (data);
}

static gboolean
preferences_idle (gpointer data)
{
  return !lyg_preferences_window_get_busy (data);
}

/* "Anonymous" and one match. */
static gboolean
list_box_has_two_rows (gpointer data)
{
  return gtk_list_box_get_row_at_index (data, 1) != NULL &&
         gtk_list_box_get_row_at_index (data, 2) == NULL;
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
preferences_enabled (void)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (app), "preferences");
}

static LygPreferencesWindow *
find_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (LYG_IS_PREFERENCES_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return LYG_PREFERENCES_WINDOW (window);
    }

  return NULL;
}

static void
remove_vault_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* The unlock page as a person uses it: type, press Enter, wait. */
static void
unlock_with (LygWindow  *window,
             const char *passphrase,
             gboolean    expect_success)
{
  LygUnlockPage *page = child (window, LYG_TYPE_WINDOW, "unlock_page");
  GtkWidget *row = child (page, LYG_TYPE_UNLOCK_PAGE, "passphrase_row");
  GtkWidget *error_label = child (page, LYG_TYPE_UNLOCK_PAGE, "error_label");

  g_assert_cmpstr (lyg_window_get_visible_page (window), ==, "unlock");

  set_text (row, passphrase);
  g_signal_emit_by_name (row, "entry-activated");

  if (expect_success)
    {
      g_assert_true (wait_for (window_shows_main, window));
      g_assert_true (lyg_vault_get_unlocked (lyg_window_get_vault (window)));
      g_assert_nonnull (lyg_window_get_context (window));
      g_assert_true (preferences_enabled ());
    }
  else
    {
      g_assert_true (wait_for (unlock_page_idle, page));
      g_assert_cmpstr (lyg_window_get_visible_page (window), ==, "unlock");
      g_assert_false (lyg_vault_get_unlocked (lyg_window_get_vault (window)));
      g_assert_true (gtk_widget_get_visible (error_label));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
      g_assert_null (lyg_window_get_context (window));
    }
}

typedef struct
{
  GListModel *model;
  guint       n;
} CountWait;

static gboolean
model_has_n (gpointer data)
{
  CountWait *w = data;

  return g_list_model_get_n_items (w->model) == w->n;
}

/* Shows @section and waits until its list has @n rows; returns the model. */
static GListModel *
check_list (LygMainPage *main_page,
            const char  *section,
            guint        n)
{
  GtkWidget *page;
  CountWait w;

  lyg_main_page_set_section (main_page, section);
  page = lyg_main_page_get_section_page (main_page, section);
  g_assert_true (LYG_IS_LIST_PAGE (page));

  w.model = G_LIST_MODEL (lyg_list_page_get_model (LYG_LIST_PAGE (page)));
  w.n = n;
  wait_for (model_has_n, &w);
  g_assert_cmpuint (g_list_model_get_n_items (w.model), ==, n);

  return w.model;
}

/* Locks with the window action and checks that every decrypted record is
 * gone, and with it the list models that showed them.
 */
static void
lock_and_check (LygWindow   *window,
                GListModel **models,
                guint        n_models)
{
  gpointer weak[8] = { NULL, };

  g_assert_cmpuint (n_models, <=, G_N_ELEMENTS (weak));

  for (guint i = 0; i < n_models; i++)
    {
      weak[i] = models[i];
      g_object_add_weak_pointer (G_OBJECT (models[i]), &weak[i]);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  g_assert_cmpstr (lyg_window_get_visible_page (window), ==, "unlock");
  g_assert_false (lyg_vault_get_unlocked (lyg_window_get_vault (window)));
  g_assert_null (lyg_window_get_context (window));
  g_assert_false (preferences_enabled ());

  /* No waiting for animations: locking must let go at once. */
  drain ();

  g_assert_cmpuint (lyg_record_get_n_alive (), ==, 0);

  for (guint i = 0; i < n_models; i++)
    {
      if (weak[i] != NULL)
        {
          g_assert_cmpuint (g_list_model_get_n_items (weak[i]), ==, 0);
          g_object_remove_weak_pointer (G_OBJECT (weak[i]), &weak[i]);
        }
    }
}

/* Tests */

static void
test_acceptance_workflow (void)
{
  g_autofree char *person_id = NULL;
  g_autofree char *screening_id = NULL;
  GListModel *models[3];
  LygMainPage *main_page;
  LygWindow *window;
  LygVault *vault;
  gpointer weak_vault;

  /* First run: no vault yet, the app offers to create one. */
  g_assert_false (g_file_test (vault_path, G_FILE_TEST_EXISTS));
  g_application_activate (G_APPLICATION (app));
  window = LYG_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (LYG_IS_WINDOW (window));
  g_assert_cmpstr (lyg_window_get_visible_page (window), ==, "create");
  g_assert_false (preferences_enabled ());
  main_page = child (window, LYG_TYPE_WINDOW, "main_page");

  {
    LygCreatePage *page = child (window, LYG_TYPE_WINDOW, "create_page");

    set_text (child (page, LYG_TYPE_CREATE_PAGE, "passphrase_row"), PASSPHRASE);
    set_text (child (page, LYG_TYPE_CREATE_PAGE, "confirm_row"), PASSPHRASE);
    click (child (page, LYG_TYPE_CREATE_PAGE, "create_button"));
    g_assert_true (lyg_create_page_get_busy (page));
    g_assert_true (wait_for (window_shows_main, window));
  }

  vault = lyg_window_get_vault (window);
  g_assert_nonnull (vault);
  g_assert_true (lyg_vault_get_unlocked (vault));
  g_assert_true (g_file_test (vault_path, G_FILE_TEST_EXISTS));
  g_assert_true (preferences_enabled ());
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Lygte");

  /* Lock, then a wrong passphrase, then the right one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  g_assert_false (lyg_vault_get_unlocked (vault));
  g_assert_false (preferences_enabled ());
  unlock_with (window, "not the passphrase", FALSE);
  unlock_with (window, PASSPHRASE, TRUE);

  /* A person. */
  {
    GtkWidget *page;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-person", NULL));
    page = lyg_main_page_get_record_page (main_page);
    g_assert_true (LYG_IS_PERSON_PAGE (page));

    set_text (find_named (page, "alias"), "Mira");
    set_text (find_named (page, "nationality"), "RO");
    click (child (page, LYG_TYPE_PERSON_PAGE, "save_button"));

    person_id = g_strdup (lyg_person_page_get_person_id (LYG_PERSON_PAGE (page)));
    g_assert_nonnull (person_id);
    lyg_main_page_go_back (main_page);
    g_assert_null (lyg_main_page_get_record_page (main_page));
  }

  /* An encounter linked to her, saved with one keystroke. */
  {
    GtkWidget *editor;

    lyg_vault_wait_indexed (vault);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-encounter", NULL));
    editor = lyg_main_page_get_record_page (main_page);
    g_assert_true (LYG_IS_ENCOUNTER_EDITOR (editor));

    lyg_form_set_enum_combo (child (editor, LYG_TYPE_ENCOUNTER_EDITOR, "setting_row"), "street");
    set_text (child (editor, LYG_TYPE_ENCOUNTER_EDITOR, "area_row"), "Istedgade");
    gtk_spin_button_set_value (child (editor, LYG_TYPE_ENCOUNTER_EDITOR, "head_count_spin"), 2);
    set_text (child (editor, LYG_TYPE_ENCOUNTER_EDITOR, "note_row"), "Asked about the night shelter");

    /* Link her as a person does: open the person popover, search, Enter. */
    gtk_popover_popup (child (editor, LYG_TYPE_ENCOUNTER_EDITOR, "person_popover"));
    set_text (child (editor, LYG_TYPE_ENCOUNTER_EDITOR, "person_search"), "Mira");
    g_assert_true (wait_for (list_box_has_two_rows,
                             child (editor, LYG_TYPE_ENCOUNTER_EDITOR, "person_list")));
    g_signal_emit_by_name (child (editor, LYG_TYPE_ENCOUNTER_EDITOR, "person_search"), "activate");
    g_assert_false (gtk_widget_get_visible (child (editor, LYG_TYPE_ENCOUNTER_EDITOR, "head_count_row")));

    g_assert_true (press_shortcut (editor, "<Control>Return"));
    g_assert_true (lyg_main_page_get_record_page (main_page) != editor);
  }

  /* A screening that meets the Delphi combination "2 strong". */
  {
    GtkWidget *page;
    LygScreeningResultView *view;
    GtkLabel *outcome;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-screening", NULL));
    page = lyg_main_page_get_record_page (main_page);
    g_assert_true (LYG_IS_SCREENING_PAGE (page));
    view = child (page, LYG_TYPE_SCREENING_PAGE, "result_view");
    outcome = child (view, LYG_TYPE_SCREENING_RESULT_VIEW, "outcome_label");

    g_assert_cmpstr (gtk_label_get_text (outcome), ==, "No indication of trafficking so far");

    gtk_toggle_button_set_active (child (find_indicator_row (page, "cd.debt-bondage"),
                                         LYG_TYPE_INDICATOR_ROW, "observed_button"), TRUE);
    g_assert_cmpstr (gtk_label_get_text (outcome), ==, "No indication of trafficking so far");
    gtk_toggle_button_set_active (child (find_indicator_row (page, "cd.confiscation-of-documents"),
                                         LYG_TYPE_INDICATOR_ROW, "reported_button"), TRUE);
    g_assert_cmpstr (gtk_label_get_text (outcome), ==,
                     "Possible trafficking: some dimensions are positive");

    click (child (page, LYG_TYPE_SCREENING_PAGE, "save_button"));
    screening_id = g_strdup (lyg_screening_page_get_screening_id (LYG_SCREENING_PAGE (page)));
    g_assert_nonnull (screening_id);
    g_assert_true (lyg_main_page_get_record_page (main_page) != page);
  }

  /* The records are in the vault... */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) encounters = NULL;
    g_autoptr(LygRecord) encounter = NULL;
    g_autoptr(LygRecord) screening = NULL;
    LygIndex *index;

    lyg_vault_wait_indexed (vault);
    index = lyg_vault_get_index (vault);
    g_assert_cmpuint (lyg_index_count (index, "person"), ==, 1);
    g_assert_cmpuint (lyg_index_count (index, "encounter"), ==, 1);
    g_assert_cmpuint (lyg_index_count (index, "screening"), ==, 1);

    encounters = lyg_index_list (index, "encounter", &error);
    g_assert_no_error (error);
    encounter = lyg_vault_get_record (vault,
                                      ((LygIndexEntry *) g_ptr_array_index (encounters, 0))->id,
                                      &error);
    g_assert_no_error (error);
    g_assert_cmpstr (lyg_record_get_string (encounter, "area"), ==, "Istedgade");
    g_assert_cmpstr (lyg_record_get_string (encounter, "setting"), ==, "street");
    /* A head count belongs to anonymous encounters only. */
    g_assert_false (lyg_record_has_field (encounter, "head_count"));
    g_assert_cmpstr (lyg_record_get_string (encounter, "person"), ==, person_id);

    screening = lyg_vault_get_record (vault, screening_id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (lyg_record_get_string (screening, "catalogue"), ==, "delphi-adult-labour");
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (lyg_record_get_value (screening, "result")),
                                                    "outcome"), ==, "possible");
  }

  /* ...and in the lists. */
  models[0] = check_list (main_page, "people", 1);
  models[1] = check_list (main_page, "encounters", 1);
  models[2] = check_list (main_page, "screenings", 1);

  /* The person page shows her timeline: keep it open while locking. */
  g_assert_true (lyg_main_page_open_record (main_page, person_id));
  settle ();
  g_assert_cmpuint (lyg_record_get_n_alive (), >, 0);

  /* Quick lock: no decrypted record survives, the lists are gone. */
  lock_and_check (window, models, G_N_ELEMENTS (models));

  /* The preferences: change the passphrase, unlock with the new one. */
  unlock_with (window, PASSPHRASE, TRUE);
  models[0] = check_list (main_page, "people", 1);

  {
    LygPreferencesWindow *preferences;
    GtkWidget *current_row;
    GtkWidget *new_row;
    GtkWidget *confirm_row;
    GtkWidget *change_button;
    GtkWidget *error_label;

    g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
    preferences = find_preferences ();
    g_assert_nonnull (preferences);
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (window));

    g_signal_emit_by_name (child (preferences, LYG_TYPE_PREFERENCES_WINDOW, "passphrase_action_row"),
                           "activated");
    current_row = child (preferences, LYG_TYPE_PREFERENCES_WINDOW, "current_row");
    new_row = child (preferences, LYG_TYPE_PREFERENCES_WINDOW, "new_row");
    confirm_row = child (preferences, LYG_TYPE_PREFERENCES_WINDOW, "confirm_row");
    change_button = child (preferences, LYG_TYPE_PREFERENCES_WINDOW, "change_button");
    error_label = child (preferences, LYG_TYPE_PREFERENCES_WINDOW, "error_label");
    g_assert_true (gtk_widget_get_mapped (current_row));

    /* A weak new passphrase is refused before anything runs. */
    set_text (current_row, PASSPHRASE);
    set_text (new_row, "password1234");
    set_text (confirm_row, "password1234");
    g_assert_false (gtk_widget_get_sensitive (change_button));

    /* A wrong current passphrase: a clear error, nothing changed. */
    set_text (current_row, "not the passphrase");
    set_text (new_row, NEW_PASSPHRASE);
    set_text (confirm_row, NEW_PASSPHRASE);
    click (change_button);
    g_assert_true (lyg_preferences_window_get_busy (preferences));
    g_assert_true (wait_for (preferences_idle, preferences));
    g_assert_true (gtk_widget_get_visible (error_label));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                     "The current passphrase is wrong. The passphrase was not changed.");
    g_assert_true (gtk_widget_has_css_class (current_row, "error"));

    /* The right one: done, the form forgets what was typed. */
    set_text (current_row, PASSPHRASE);
    g_assert_false (gtk_widget_get_visible (error_label));
    g_signal_emit_by_name (confirm_row, "entry-activated");
    g_assert_true (lyg_preferences_window_get_busy (preferences));
    g_assert_true (wait_for (preferences_idle, preferences));
    g_assert_false (gtk_widget_get_visible (error_label));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (current_row)), ==, "");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_row)), ==, "");
    g_assert_true (lyg_vault_get_unlocked (vault));
  }

  /* Locking closes the preferences too. */
  lock_and_check (window, models, 1);
  settle ();
  g_assert_null (find_preferences ());

  unlock_with (window, PASSPHRASE, FALSE);
  unlock_with (window, NEW_PASSPHRASE, TRUE);
  check_list (main_page, "people", 1);

  /* Closing the window locks and lets go of the vault. */
  weak_vault = vault;
  g_object_add_weak_pointer (G_OBJECT (vault), &weak_vault);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (wait_for (pointer_cleared, &weak_vault));
  settle ();
  g_assert_cmpuint (lyg_record_get_n_alive (), ==, 0);

  remove_vault_files (vault_path);
}

static void
test_acceptance_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.lygte.Lygte");
  g_autoptr(GError) error = NULL;
  LygKdfParams params = lyg_kdf_params_minimum ();
  LygPreferencesWindow *preferences;
  LygCatalogue *catalogue;
  AdwComboRow *lock_row;
  AdwComboRow *catalogue_row;
  LygWindow *window;
  LygVault *vault;
  guint other = G_MAXUINT;

  /* An existing vault, locked. */
  vault = lyg_vault_create (vault_path, PASSPHRASE, &params, &error);
  g_assert_no_error (error);
  lyg_vault_lock (vault);

  window = lyg_window_new (app, vault, vault_path);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (lyg_window_get_visible_page (window), ==, "unlock");

  /* Not reachable while locked. */
  g_assert_false (preferences_enabled ());
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_null (find_preferences ());

  unlock_with (window, PASSPHRASE, TRUE);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = find_preferences ();
  g_assert_nonnull (preferences);

  /* The lock timeout: 5 minutes by default, stored in seconds. */
  lock_row = child (preferences, LYG_TYPE_PREFERENCES_WINDOW, "lock_row");
  g_assert_cmpuint (adw_combo_row_get_selected (lock_row), ==, 3);
  adw_combo_row_set_selected (lock_row, 1);
  g_assert_cmpuint (g_settings_get_uint (settings, "lock-timeout"), ==, 60);
  adw_combo_row_set_selected (lock_row, 0);
  g_assert_cmpuint (g_settings_get_uint (settings, "lock-timeout"), ==, 0);

  /* A value from elsewhere is shown as it is, not rounded. */
  g_settings_set_uint (settings, "lock-timeout", 45);
  g_assert_cmpuint (adw_combo_row_get_selected (lock_row), ==, 6);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (lock_row)), 6),
                   ==, "45 seconds");
  g_assert_cmpuint (g_settings_get_uint (settings, "lock-timeout"), ==, 45);
  adw_combo_row_set_selected (lock_row, 5);
  g_assert_cmpuint (g_settings_get_uint (settings, "lock-timeout"), ==, 1800);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (lock_row)), ==, 6);

  /* The default catalogue, which a new screening then starts with. */
  catalogue_row = child (preferences, LYG_TYPE_PREFERENCES_WINDOW, "catalogue_row");
  catalogue = adw_combo_row_get_selected_item (catalogue_row);
  g_assert_cmpstr (lyg_catalogue_get_id (catalogue), ==, "delphi-adult-labour");
  for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (catalogue_row)); i++)
    {
      g_autoptr(LygCatalogue) item = g_list_model_get_item (adw_combo_row_get_model (catalogue_row), i);

      if (!g_str_equal (lyg_catalogue_get_id (item), "delphi-adult-labour"))
        other = i;
    }
  g_assert_cmpuint (other, !=, G_MAXUINT);
  adw_combo_row_set_selected (catalogue_row, other);
  catalogue = adw_combo_row_get_selected_item (catalogue_row);
  g_assert_cmpstr (g_settings_get_string (settings, "default-catalogue"), ==,
                   lyg_catalogue_get_id (catalogue));

  gtk_window_close (GTK_WINDOW (preferences));
  settle ();
  g_assert_null (find_preferences ());

  {
    LygMainPage *main_page = child (window, LYG_TYPE_WINDOW, "main_page");
    GtkWidget *page;
    LygCatalogue *chosen;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-screening", NULL));
    page = lyg_main_page_get_record_page (main_page);
    g_assert_true (LYG_IS_SCREENING_PAGE (page));
    chosen = adw_combo_row_get_selected_item (child (page, LYG_TYPE_SCREENING_PAGE, "catalogue_row"));
    g_assert_cmpstr (lyg_catalogue_get_id (chosen), ==, lyg_catalogue_get_id (catalogue));
  }

  g_settings_reset (settings, "lock-timeout");
  g_settings_reset (settings, "default-catalogue");

  lock_and_check (window, NULL, 0);

  {
    gpointer weak_vault = vault;

    g_object_add_weak_pointer (G_OBJECT (vault), &weak_vault);
    gtk_window_destroy (GTK_WINDOW (window));
    g_object_unref (vault);
    g_assert_true (wait_for (pointer_cleared, &weak_vault));
  }

  remove_vault_files (vault_path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  vault_dir = g_dir_make_tmp ("lygte-acceptance-XXXXXX", NULL);
  g_assert_nonnull (vault_dir);
  vault_path = g_build_filename (vault_dir, "vault.lygte", NULL);
  g_setenv ("LYGTE_VAULT", vault_path, TRUE);
  g_setenv ("LYGTE_KDF_PROFILE", "minimum", TRUE);

  if (!gtk_init_check ())
    {
      g_rmdir (vault_dir);
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  adw_init ();

  app = lyg_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/lyg/acceptance/workflow", test_acceptance_workflow);
  g_test_add_func ("/lyg/acceptance/preferences", test_acceptance_preferences);

  ret = g_test_run ();

  g_clear_object (&app);
  remove_vault_files (vault_path);
  g_rmdir (vault_dir);
  g_free (vault_path);
  g_free (vault_dir);

  return ret;
}
