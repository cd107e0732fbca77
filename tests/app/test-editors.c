/* test-editors.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "lyg-draft.h"
#include "ui-test-util.h"
#include "lyg-encounter-editor.h"
#include "lyg-followup-editor.h"
#include "lyg-referral-editor.h"
#include "lyg-today-page.h"

#define PASSPHRASE "violet anchor meadow 42"

typedef struct
{
  char       *dir;
  char       *path;
  LygVault   *vault;
  LygContext *context;
  GtkWindow  *window;
  guint       n_done;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LygKdfParams params = lyg_kdf_params_minimum ();

  f->dir = g_dir_make_tmp ("lygte-editors-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "vault.lygte", NULL);
  f->vault = lyg_vault_create (f->path, PASSPHRASE, &params, &error);
  g_assert_no_error (error);
  if (!lyg_vault_get_unlocked (f->vault))
    {
      lyg_vault_unlock (f->vault, PASSPHRASE, &error);
      g_assert_no_error (error);
    }
  f->context = lyg_context_new (f->vault, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  g_clear_object (&f->context);
  g_clear_object (&f->vault);

  ui_test_remove_vault (f->dir, f->path);
  g_free (f->path);
  g_free (f->dir);
}

static void
on_done_cb (GtkWidget *editor,
            Fixture   *f)
{
  f->n_done++;
}

static void
show (Fixture   *f,
      GtkWidget *widget)
{
  if (f->window == NULL)
    {
      f->window = GTK_WINDOW (gtk_window_new ());
      gtk_window_set_default_size (f->window, 720, 900);
    }

  if (g_signal_lookup ("done", G_OBJECT_TYPE (widget)) != 0)
    g_signal_connect (widget, "done", G_CALLBACK (on_done_cb), f);

  gtk_window_set_child (f->window, widget);
  gtk_window_present (f->window);
  g_assert_true (ui_test_wait_for (ui_test_widget_mapped, widget));
}

static void
close_window (Fixture *f)
{
  gtk_window_destroy (f->window);
  f->window = NULL;
  ui_test_spin (50);
}

static void
set_entry (gpointer    editor,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (ui_test_child (editor, ADW_TYPE_ENTRY_ROW, name)), text);
}

static const char *
get_entry (gpointer    editor,
           const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (ui_test_child (editor, ADW_TYPE_ENTRY_ROW, name)));
}

/* Finds the GtkText a person types into inside a widget. */
static GtkWidget *
find_text (GtkWidget *widget)
{
  if (GTK_IS_TEXT (widget))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_text (c);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Presses Enter in an entry row: GtkText binds Return to its "activate"
 * signal, which is what a key press emits. */
static void
press_enter_in (gpointer    editor,
                const char *name)
{
  GtkWidget *text = find_text (ui_test_child (editor, ADW_TYPE_ENTRY_ROW, name));

  g_assert_nonnull (text);
  gtk_widget_grab_focus (text);
  g_signal_emit_by_name (text, "activate");
}

/* Runs the shortcut bound to @accel on @widget, as a key press would. */
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

static GPtrArray *
list_type (Fixture    *f,
           const char *type)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;

  lyg_vault_wait_indexed (f->vault);
  entries = lyg_index_list (lyg_vault_get_index (f->vault), type, &error);
  g_assert_no_error (error);

  return entries;
}

static LygRecord *
only_record (Fixture    *f,
             const char *type)
{
  g_autoptr(GPtrArray) entries = list_type (f, type);
  g_autoptr(GError) error = NULL;
  LygRecord *record;

  g_assert_cmpuint (entries->len, ==, 1);
  record = lyg_vault_get_record (f->vault,
                                 ((LygIndexEntry *) g_ptr_array_index (entries, 0))->id,
                                 &error);
  g_assert_no_error (error);

  return record;
}

static void
toggle_service (gpointer    editor,
                const char *label)
{
  GtkWidget *box = ui_test_child (editor, GTK_TYPE_FLOW_BOX, "services_box");

  for (GtkWidget *c = gtk_widget_get_first_child (box); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (c));

      GtkWidget *text = gtk_widget_get_last_child (gtk_button_get_child (GTK_BUTTON (button)));

      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (text)), label) == 0)
        {
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
          return;
        }
    }

  g_assert_not_reached ();
}

/* Does any of the vault's files contain @needle in the clear? */
static gboolean
vault_files_contain (Fixture    *f,
                     const char *needle)
{
  static const char * const suffixes[] = { "", "-wal", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;
      gsize n = strlen (needle);

      if (!g_file_get_contents (file, &contents, &length, NULL))
        continue;

      /* The files hold NUL bytes, so compare bytes rather than strings. */
      for (gsize j = 0; j + n <= length; j++)
        if (memcmp (contents + j, needle, n) == 0)
          return TRUE;
    }

  return FALSE;
}

static void
test_encounter_quick_save (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(LygRecord) record = NULL;
  g_autoptr(JsonObject) draft = NULL;
  g_auto(GStrv) services = NULL;
  GtkWidget *editor;
  const char *when;

  editor = lyg_encounter_editor_new (f->context, NULL, NULL);
  show (f, editor);

  g_assert_cmpstr (lyg_encounter_editor_get_title (LYG_ENCOUNTER_EDITOR (editor)), ==,
                   "New Encounter");
  /* Focus starts in the first field. */
  g_assert_true (gtk_widget_has_focus (ui_test_child (editor, ADW_TYPE_COMBO_ROW, "setting_row")) ||
                 gtk_widget_is_focus (ui_test_child (editor, ADW_TYPE_COMBO_ROW, "setting_row")));

  lyg_form_set_enum_combo (ui_test_child (editor, ADW_TYPE_COMBO_ROW, "setting_row"), "massage_clinic");
  set_entry (editor, "area_row", "Vesterbro");
  gtk_spin_button_set_value (ui_test_child (editor, GTK_TYPE_SPIN_BUTTON, "head_count_spin"), 3);
  adw_combo_row_set_selected (ui_test_child (editor, ADW_TYPE_COMBO_ROW, "language_row"), 1);
  toggle_service (editor, "Condoms and health material");
  toggle_service (editor, "Information about rights and help");
  set_entry (editor, "note_row", "Two new women, one speaks little English");

  /* One keystroke: Ctrl+Enter anywhere in the form. */
  g_assert_true (press_shortcut (editor, "<Control>Return"));
  g_assert_cmpuint (f->n_done, ==, 1);

  record = only_record (f, "encounter");
  g_assert_cmpstr (lyg_record_get_string (record, "setting"), ==, "massage_clinic");
  g_assert_cmpstr (lyg_record_get_string (record, "area"), ==, "Vesterbro");
  g_assert_cmpint (lyg_record_get_int (record, "head_count", 0), ==, 3);
  g_assert_cmpstr (lyg_record_get_string (record, "language"), ==, "ro");
  g_assert_cmpstr (lyg_record_get_string (record, "notes"), ==,
                   "Two new women, one speaks little English");
  g_assert_null (lyg_record_get_string (record, "person"));
  services = lyg_record_dup_strv (record, "services");
  g_assert_cmpuint (g_strv_length (services), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) services, "condoms"));
  g_assert_true (g_strv_contains ((const char * const *) services, "information"));
  when = lyg_record_get_string (record, "when");
  g_assert_nonnull (when);
  g_assert_nonnull (g_date_time_new_from_iso8601 (when, NULL));

  /* Saving leaves no draft; the area is remembered for the next one. */
  draft = lyg_draft_load (f->vault, "encounter");
  g_assert_null (draft);
  close_window (f);

  editor = lyg_encounter_editor_new (f->context, NULL, NULL);
  show (f, editor);
  g_assert_cmpstr (get_entry (editor, "area_row"), ==, "Vesterbro");
  g_assert_cmpstr (lyg_form_get_enum_combo (ui_test_child (editor, ADW_TYPE_COMBO_ROW, "setting_row")),
                   ==, "massage_clinic");
  g_assert_false (gtk_widget_get_visible (ui_test_child (editor, ADW_TYPE_PREFERENCES_GROUP, "draft_group")));

  /* Enter in the last field saves as well. */
  set_entry (editor, "note_row", "Second contact");
  press_enter_in (editor, "note_row");
  g_assert_cmpuint (f->n_done, ==, 2);
  {
    g_autoptr(GPtrArray) entries = list_type (f, "encounter");
    g_assert_cmpuint (entries->len, ==, 2);
  }
}

static void
test_encounter_draft (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonObject) draft = NULL;
  g_autoptr(LygRecord) record = NULL;
  GtkWidget *editor;

  editor = lyg_encounter_editor_new (f->context, NULL, NULL);
  show (f, editor);
  set_entry (editor, "area_row", "Istedgade");
  set_entry (editor, "note_row", "Marigold secret note");
  toggle_service (editor, "Legal advice");

  /* The debounced autosave writes a sealed draft. */
  ui_test_spin (1300);
  draft = lyg_draft_load (f->vault, "encounter");
  g_assert_nonnull (draft);
  g_assert_cmpstr (json_object_get_string_member (draft, "notes"), ==, "Marigold secret note");
  g_clear_pointer (&draft, json_object_unref);
  g_assert_false (vault_files_contain (f, "Marigold"));

  /* What is typed just before a lock destroys the editor is kept too. */
  set_entry (editor, "note_row", "Marigold secret note, continued");
  close_window (f);
  g_assert_false (vault_files_contain (f, "Marigold"));
  g_assert_cmpuint (f->n_done, ==, 0);

  editor = lyg_encounter_editor_new (f->context, NULL, NULL);
  show (f, editor);
  g_assert_true (gtk_widget_get_visible (ui_test_child (editor, ADW_TYPE_PREFERENCES_GROUP, "draft_group")));
  g_assert_cmpstr (get_entry (editor, "area_row"), ==, "Istedgade");
  g_assert_cmpstr (get_entry (editor, "note_row"), ==, "Marigold secret note, continued");

  /* Saving clears the draft. */
  g_assert_true (press_shortcut (editor, "<Control>Return"));
  g_assert_cmpuint (f->n_done, ==, 1);
  draft = lyg_draft_load (f->vault, "encounter");
  g_assert_null (draft);
  record = only_record (f, "encounter");
  g_assert_cmpstr (lyg_record_get_string (record, "notes"), ==, "Marigold secret note, continued");
  close_window (f);

  /* "Discard Draft" empties the form and the draft. */
  editor = lyg_encounter_editor_new (f->context, NULL, NULL);
  show (f, editor);
  set_entry (editor, "note_row", "Throwaway");
  close_window (f);
  editor = lyg_encounter_editor_new (f->context, NULL, NULL);
  show (f, editor);
  g_assert_cmpstr (get_entry (editor, "note_row"), ==, "Throwaway");
  g_signal_emit_by_name (ui_test_child (editor, GTK_TYPE_BUTTON, "discard_button"), "clicked");
  g_assert_cmpstr (get_entry (editor, "note_row"), ==, "");
  g_assert_false (gtk_widget_get_visible (ui_test_child (editor, ADW_TYPE_PREFERENCES_GROUP, "draft_group")));
  draft = lyg_draft_load (f->vault, "encounter");
  g_assert_null (draft);
}

static void
test_encounter_edit_delete (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(LygRecord) record = lyg_record_new ("encounter");
  g_autoptr(LygRecord) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  GtkWidget *editor;

  lyg_record_set_string (record, "setting", "street");
  lyg_record_set_string (record, "area", "Halmtorvet");
  lyg_record_set_string (record, "when", "2026-01-10T22:15:00+01:00");
  lyg_vault_save_record (f->vault, record, &error);
  g_assert_no_error (error);
  id = g_strdup (lyg_record_get_id (record));

  editor = lyg_encounter_editor_new (f->context, id, NULL);
  show (f, editor);
  g_assert_cmpstr (lyg_encounter_editor_get_title (LYG_ENCOUNTER_EDITOR (editor)), ==, "Encounter");
  g_assert_cmpstr (get_entry (editor, "area_row"), ==, "Halmtorvet");
  g_assert_true (gtk_widget_get_visible (ui_test_child (editor, GTK_TYPE_BUTTON, "delete_button")));
  set_entry (editor, "area_row", "Halmtorvet 12");
  g_assert_true (press_shortcut (editor, "<Control>Return"));
  g_assert_cmpuint (f->n_done, ==, 1);

  saved = lyg_vault_get_record (f->vault, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lyg_record_get_string (saved, "area"), ==, "Halmtorvet 12");
  /* An untouched time is not rewritten. */
  g_assert_cmpstr (lyg_record_get_string (saved, "when"), ==, "2026-01-10T22:15:00+01:00");
  g_assert_null (lyg_draft_load (f->vault, "encounter"));
}

static void
test_referral_consent (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(LygRecord) record = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *today = lyg_form_today ();
  GtkWidget *editor;

  editor = lyg_referral_editor_new (f->context, NULL, NULL, NULL);
  show (f, editor);

  lyg_form_set_enum_combo (ui_test_child (editor, ADW_TYPE_COMBO_ROW, "target_row"),
                           "identification_centre");
  g_assert_false (gtk_switch_get_active (ui_test_child (editor, GTK_TYPE_SWITCH, "consent_switch")));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ui_test_child (editor, ADW_TYPE_ACTION_ROW,
                                                                "consent_row")),
                            "consent"));

  /* Without consent nothing is saved, however it is asked for. */
  press_shortcut (editor, "<Control>Return");
  press_enter_in (editor, "notes_row");
  g_assert_cmpuint (f->n_done, ==, 0);
  entries = list_type (f, "referral");
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* The police need consent too; a legal-aid referral does not. */
  lyg_form_set_enum_combo (ui_test_child (editor, ADW_TYPE_COMBO_ROW, "target_row"), "police");
  press_shortcut (editor, "<Control>Return");
  g_assert_cmpuint (f->n_done, ==, 0);

  lyg_form_set_enum_combo (ui_test_child (editor, ADW_TYPE_COMBO_ROW, "target_row"),
                           "identification_centre");
  gtk_switch_set_active (ui_test_child (editor, GTK_TYPE_SWITCH, "consent_switch"), TRUE);
  lyg_form_set_enum_combo (ui_test_child (editor, ADW_TYPE_COMBO_ROW, "consent_by_row"), "representative");
  g_assert_true (press_shortcut (editor, "<Control>Return"));
  g_assert_cmpuint (f->n_done, ==, 1);

  record = only_record (f, "referral");
  g_assert_cmpstr (lyg_record_get_string (record, "target"), ==, "identification_centre");
  g_assert_true (lyg_record_get_boolean (record, "consent"));
  g_assert_cmpstr (lyg_record_get_string (record, "consent_by"), ==, "representative");
  g_assert_cmpstr (lyg_record_get_string (record, "outcome"), ==, "pending");
  g_assert_cmpstr (lyg_record_get_string (record, "date"), ==, today);
  close_window (f);

  /* Marking it done: the outcome changes. */
  editor = lyg_referral_editor_new (f->context, lyg_record_get_id (record), NULL, NULL);
  show (f, editor);
  lyg_form_set_enum_combo (ui_test_child (editor, ADW_TYPE_COMBO_ROW, "outcome_row"), "identified");
  g_assert_true (press_shortcut (editor, "<Control>Return"));
  g_assert_cmpuint (f->n_done, ==, 2);
  g_clear_object (&record);
  record = only_record (f, "referral");
  g_assert_cmpstr (lyg_record_get_string (record, "outcome"), ==, "identified");
}

static guint
n_due (gpointer page)
{
  guint n = 0;

  g_object_get (page, "n-due", &n, NULL);

  return n;
}

static gboolean
page_has_one_due (gpointer page)
{
  return n_due (page) == 1;
}

static gboolean
page_has_two_due (gpointer page)
{
  return n_due (page) == 2;
}

static gboolean
page_is_empty (gpointer page)
{
  return n_due (page) == 0 &&
         g_strcmp0 (gtk_stack_get_visible_child_name (ui_test_child (page, GTK_TYPE_STACK, "stack")),
                    "empty") == 0;
}

static void
save_followup (Fixture    *f,
               const char *title,
               int         days,
               gboolean    done)
{
  g_autoptr(LygRecord) record = lyg_record_new ("followup");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);
  g_autofree char *due = g_date_time_format (then, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;

  lyg_record_set_string (record, "title", title);
  lyg_record_set_string (record, "due", due);
  if (done)
    lyg_record_set_boolean (record, "done", TRUE);
  lyg_vault_save_record (f->vault, record, &error);
  g_assert_no_error (error);
}

static GtkCheckButton *
first_check (GtkWidget *widget)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    return GTK_CHECK_BUTTON (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkCheckButton *found = first_check (c);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_today (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *editor;
  GtkWidget *page;
  GtkCheckButton *check;

  page = lyg_today_page_new (f->context);
  g_object_ref_sink (page);
  g_assert_true (page_is_empty (page));

  save_followup (f, "Call back about the shelter place", -2, FALSE);
  save_followup (f, "Already done", -1, TRUE);
  save_followup (f, "Next week", 7, FALSE);

  /* A follow-up created in the editor defaults to today. */
  editor = lyg_followup_editor_new (f->context, NULL, NULL);
  show (f, editor);
  set_entry (editor, "title_row", "Bring the leaflets in Thai");
  press_enter_in (editor, "title_row");
  g_assert_cmpuint (f->n_done, ==, 1);

  gtk_window_set_child (f->window, page);
  g_object_unref (page);
  g_assert_true (ui_test_wait_for (ui_test_widget_mapped, page));
  /* The page counts in an idle after it is mapped. */
  g_assert_true (ui_test_wait_for (page_has_two_due, page));
  g_assert_true (gtk_widget_get_visible (ui_test_child (page, ADW_TYPE_PREFERENCES_GROUP, "overdue_group")));
  g_assert_true (gtk_widget_get_visible (ui_test_child (page, ADW_TYPE_PREFERENCES_GROUP, "today_group")));

  /* "Done" saves at once and the follow-up leaves the page. */
  check = first_check (ui_test_child (page, GTK_TYPE_LIST_BOX, "today_list"));
  g_assert_nonnull (check);
  gtk_check_button_set_active (check, TRUE);
  g_assert_true (ui_test_wait_for (page_has_one_due, page));
  g_assert_false (gtk_widget_get_visible (ui_test_child (page, ADW_TYPE_PREFERENCES_GROUP, "today_group")));

  entries = list_type (f, "followup");
  for (guint i = 0; i < entries->len; i++)
    {
      LygIndexEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(LygRecord) record = lyg_vault_get_record (f->vault, entry->id, NULL);

      if (g_strcmp0 (entry->title, "Bring the leaflets in Thai") == 0)
        g_assert_true (lyg_record_get_boolean (record, "done"));
    }

  check = first_check (ui_test_child (page, GTK_TYPE_LIST_BOX, "overdue_list"));
  gtk_check_button_set_active (check, TRUE);
  g_assert_true (ui_test_wait_for (page_is_empty, page));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/lyg/editors/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("encounter-quick-save", test_encounter_quick_save);
  ADD ("encounter-draft", test_encounter_draft);
  ADD ("encounter-edit", test_encounter_edit_delete);
  ADD ("referral-consent", test_referral_consent);
  ADD ("today", test_today);

  return g_test_run ();
}
