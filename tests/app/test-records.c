/* test-records.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "lyg-conflict-list.h"
#include "lyg-entry-list.h"
#include "lyg-list-page.h"
#include "lyg-main-page.h"
#include "lyg-person-page.h"
#include "lyg-record-form.h"
#include "lyg-window.h"

#define PASSPHRASE "violet anchor meadow 42"
#define WAIT_MS    30000

typedef struct
{
  char *dir;
  char *path;
  char *other_path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("lygte-records-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "vault.lygte", NULL);
  f->other_path = g_build_filename (f->dir, "other.lygte", NULL);
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

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_vault_files (f->path);
  remove_vault_files (f->other_path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->other_path);
  g_free (f->dir);
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

/* A descendant by widget name: the form names each row after its field. */
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

static LygVault *
new_unlocked_vault (const char *path)
{
  g_autoptr(GError) error = NULL;
  LygKdfParams params = lyg_kdf_params_minimum ();
  LygVault *vault;

  vault = lyg_vault_create (path, PASSPHRASE, &params, &error);
  g_assert_no_error (error);
  g_assert_true (lyg_vault_get_unlocked (vault));

  return vault;
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
                         "default-width", 1000,
                         "default-height", 700,
                         NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (lyg_window_get_visible_page (window), ==, "main");
  g_assert_nonnull (lyg_window_get_context (window));

  return window;
}

static void
destroy_window (LygWindow *window,
                LygVault  *vault)
{
  gpointer weak = vault;

  g_object_add_weak_pointer (G_OBJECT (vault), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (vault);
  spin (50);
  g_assert_null (weak);
}

static LygListPage *
list_page (LygMainPage *main_page,
           const char  *section)
{
  GtkWidget *page = lyg_main_page_get_section_page (main_page, section);

  g_assert_true (LYG_IS_LIST_PAGE (page));

  return LYG_LIST_PAGE (page);
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

static void
wait_for_items (LygListPage *page,
                guint        n)
{
  CountWait w = { G_LIST_MODEL (lyg_list_page_get_model (page)), n };

  wait_for (model_has_n, &w);
  g_assert_cmpuint (g_list_model_get_n_items (w.model), ==, n);
}

static LygPersonPage *
top_person_page (LygMainPage *main_page)
{
  GtkWidget *page = lyg_main_page_get_record_page (main_page);

  g_assert_true (LYG_IS_PERSON_PAGE (page));

  return LYG_PERSON_PAGE (page);
}

static void
set_text (GtkWidget  *editable,
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

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static void
test_person_lifecycle (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LygRecord) stored = NULL;
  g_autofree char *id = NULL;
  LygVault *vault = new_unlocked_vault (f->path);
  LygWindow *window = new_window (f->path, vault);
  LygMainPage *main_page = child (window, LYG_TYPE_WINDOW, "main_page");
  LygPersonPage *page;
  LygListPage *people;
  GtkWidget *search_entry;
  GtkWidget *sex_row;
  AdwMessageDialog *dialog;
  guint woman = G_MAXUINT;

  /* The start page is Today; the quick encounter is enabled. */
  g_assert_cmpstr (lyg_main_page_get_section (main_page), ==, "today");
  g_assert_true (gtk_widget_is_sensitive (child (main_page, LYG_TYPE_MAIN_PAGE, "new_button")));

  people = list_page (main_page, "people");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lyg_list_page_get_model (people))),
                    ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (people, LYG_TYPE_LIST_PAGE, "stack")),
                   ==, "empty");

  /* Two people, through the UI. */
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-person", NULL));
      page = top_person_page (main_page);
      g_assert_null (lyg_person_page_get_person_id (page));
      g_assert_false (gtk_widget_is_sensitive (child (page, LYG_TYPE_PERSON_PAGE, "save_button")));

      set_text (find_named (GTK_WIDGET (page), "alias"), i == 0 ? "Mira" : "Zoltan");
      set_text (find_named (GTK_WIDGET (page), "nationality"), i == 0 ? "RO" : "HU");
      click (child (page, LYG_TYPE_PERSON_PAGE, "save_button"));

      g_assert_nonnull (lyg_person_page_get_person_id (page));
      g_assert_cmpstr (lyg_person_page_get_title (page), ==, i == 0 ? "Mira" : "Zoltan");
      if (i == 0)
        id = g_strdup (lyg_person_page_get_person_id (page));

      lyg_main_page_go_back (main_page);
      g_assert_null (lyg_main_page_get_record_page (main_page));
    }

  /* Live search in the people list. */
  lyg_main_page_set_section (main_page, "people");
  wait_for_items (people, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  search_entry = child (main_page, LYG_TYPE_MAIN_PAGE, "search_entry");
  set_text (search_entry, "mir");
  wait_for_items (people, 1);
  {
    g_autoptr(LygEntryItem) item =
      g_list_model_get_item (G_LIST_MODEL (lyg_list_page_get_model (people)), 0);

    g_assert_cmpstr (lyg_entry_item_get_id (item), ==, id);
  }

  set_text (search_entry, "nobody-by-that-name");
  wait_for_items (people, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (people, LYG_TYPE_LIST_PAGE, "stack")),
                   ==, "no-results");
  set_text (search_entry, "mira");
  wait_for_items (people, 1);

  /* Open it from the list. */
  g_signal_emit_by_name (lyg_list_page_get_list_view (people), "activate", 0);
  page = top_person_page (main_page);
  g_assert_cmpstr (lyg_person_page_get_person_id (page), ==, id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (page), "alias"))),
                   ==, "Mira");

  /* Edit and save: the alias and an enumeration. */
  set_text (find_named (GTK_WIDGET (page), "alias"), "Mira K.");
  sex_row = find_named (GTK_WIDGET (page), "sex");
  g_assert_true (ADW_IS_COMBO_ROW (sex_row));
  {
    GListModel *labels = adw_combo_row_get_model (ADW_COMBO_ROW (sex_row));

    for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), "Woman"))
        woman = i;
  }
  g_assert_cmpuint (woman, !=, G_MAXUINT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (sex_row), woman);
  click (child (page, LYG_TYPE_PERSON_PAGE, "save_button"));
  g_assert_false (gtk_widget_is_sensitive (child (page, LYG_TYPE_PERSON_PAGE, "save_button")));

  stored = lyg_vault_get_record (vault, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lyg_record_get_string (stored, "alias"), ==, "Mira K.");
  g_assert_cmpstr (lyg_record_get_string (stored, "sex"), ==, "woman");
  g_assert_cmpstr (lyg_record_get_string (stored, "nationality"), ==, "RO");
  g_assert_cmpstr (lyg_person_page_get_title (page), ==, "Mira K.");

  /* Delete, cancelled first, then confirmed. */
  click (child (page, LYG_TYPE_PERSON_PAGE, "delete_button"));
  g_assert_true (wait_for (message_dialog_shown, NULL));
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (lyg_main_page_get_record_page (main_page) == GTK_WIDGET (page));

  click (child (page, LYG_TYPE_PERSON_PAGE, "delete_button"));
  g_assert_true (wait_for (message_dialog_shown, NULL));
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_null (lyg_main_page_get_record_page (main_page));
  g_clear_object (&stored);
  stored = lyg_vault_get_record (vault, id, NULL);
  g_assert_true (stored == NULL || lyg_record_is_deleted (stored));
  wait_for_items (people, 0);

  set_text (search_entry, "");
  wait_for_items (people, 1);

  destroy_window (window, vault);
}

static gboolean
conflicts_cleared (gpointer data)
{
  return lyg_conflict_list_get_n_conflicts (data) == 0;
}

static void
test_person_conflict (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LygVault) other = new_unlocked_vault (f->other_path);
  g_autoptr(LygKey) team = NULL;
  g_autoptr(LygRecord) mine = lyg_record_new ("person");
  g_autoptr(LygRecord) theirs = NULL;
  g_autoptr(LygRecord) stored = NULL;
  g_autoptr(GPtrArray) envelopes = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  LygVault *vault = new_unlocked_vault (f->path);
  LygWindow *window;
  LygMainPage *main_page;
  LygPersonPage *page;
  LygConflictList *list;
  GtkWidget *keep;
  const char *id = lyg_record_get_id (mine);
  guint n_conflicts = 0;

  /* Two devices of one team. */
  team = lyg_vault_dup_team_key (vault, NULL);
  g_assert_true (lyg_vault_add_team_key (other, lyg_vault_get_active_key_id (vault), team, TRUE,
                                         &error));
  g_assert_no_error (error);

  lyg_record_set_string (mine, "alias", "Original");
  g_assert_true (lyg_vault_save_record (vault, mine, &error));
  envelopes = lyg_store_outbox_peek (lyg_vault_get_store (vault), 100, &error);
  g_assert_true (lyg_vault_merge_envelopes (other, envelopes, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&envelopes, g_ptr_array_unref);

  /* Both change the alias without seeing the other's change. */
  theirs = lyg_vault_get_record (other, id, &error);
  lyg_record_set_string (theirs, "alias", "From the other laptop");
  g_assert_true (lyg_vault_save_record (other, theirs, &error));
  lyg_record_set_string (mine, "alias", "From this laptop");
  g_assert_true (lyg_vault_save_record (vault, mine, &error));

  window = new_window (f->path, vault);
  main_page = child (window, LYG_TYPE_WINDOW, "main_page");
  g_assert_true (lyg_main_page_open_record (main_page, id));
  page = top_person_page (main_page);
  list = child (page, LYG_TYPE_PERSON_PAGE, "conflict_list");
  g_assert_cmpuint (lyg_conflict_list_get_n_conflicts (list), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (list)));

  /* The sync brings the other revision while the page is open. */
  envelopes = lyg_store_outbox_peek (lyg_vault_get_store (other), 100, &error);
  g_assert_true (lyg_vault_merge_envelopes (vault, envelopes, &n_conflicts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_conflicts, ==, 1);

  g_assert_cmpuint (lyg_conflict_list_get_n_conflicts (list), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (list)));

  /* Keep the value that lost the merge. */
  stored = lyg_vault_get_record (vault, id, &error);
  conflicts = lyg_record_get_conflicts (stored);
  g_assert_cmpuint (conflicts->len, ==, 1);
  keep = lyg_conflict_list_get_keep_button (list, "alias", 1);
  g_assert_nonnull (keep);
  g_assert_nonnull (lyg_conflict_list_get_keep_button (list, "alias", 0));
  g_assert_null (lyg_conflict_list_get_keep_button (list, "alias", 2));
  {
    const LygConflict *conflict = g_ptr_array_index (conflicts, 0);
    g_autofree char *loser = g_strdup (json_node_get_string (conflict->value));

    click (keep);
    g_assert_true (wait_for (conflicts_cleared, list));
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (list)));

    g_clear_object (&stored);
    g_clear_pointer (&conflicts, g_ptr_array_unref);
    stored = lyg_vault_get_record (vault, id, &error);
    conflicts = lyg_record_get_conflicts (stored);
    g_assert_cmpuint (conflicts->len, ==, 0);
    g_assert_cmpstr (lyg_record_get_string (stored, "alias"), ==, loser);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (page), "alias"))),
                     ==, loser);
  }

  destroy_window (window, vault);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n++;

  return n;
}

static void
test_list_100000 (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  LygVault *vault = new_unlocked_vault (f->path);
  LygWindow *window;
  LygMainPage *main_page;
  LygListPage *people;
  GtkListView *list_view;
  guint rows;
  gint64 start;

  for (guint i = 0; i < 100000; i++)
    {
      LygRecord *record = lyg_record_new ("person");
      g_autofree char *alias = g_strdup_printf ("Person %06u", i);

      lyg_record_set_string (record, "alias", alias);
      g_ptr_array_add (records, record);
    }
  g_assert_true (lyg_vault_save_records (vault, records, &error));
  g_assert_no_error (error);
  lyg_vault_wait_indexed (vault);

  start = g_get_monotonic_time ();
  window = new_window (f->path, vault);
  main_page = child (window, LYG_TYPE_WINDOW, "main_page");
  lyg_main_page_set_section (main_page, "people");
  people = list_page (main_page, "people");
  wait_for_items (people, 100000);
  spin (300);
  g_test_message ("Window with 100,000 people shown in %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);

  /* A screenful of rows, not 100,000. */
  list_view = lyg_list_page_get_list_view (people);
  rows = count_children (GTK_WIDGET (list_view));
  g_test_message ("%u rows for 100,000 records", rows);
  g_assert_cmpuint (rows, >, 5);
  g_assert_cmpuint (rows, <, 300);

  /* Searching keeps it small. */
  start = g_get_monotonic_time ();
  lyg_list_page_set_search (people, "099999");
  g_test_message ("Search in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  wait_for_items (people, 1);
  lyg_list_page_set_search (people, NULL);
  wait_for_items (people, 100000);
  spin (100);
  g_assert_cmpuint (count_children (GTK_WIDGET (list_view)), <, 300);

  destroy_window (window, vault);
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
  g_test_add ("/lyg/records/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("person-lifecycle", test_person_lifecycle);
  ADD ("person-conflict", test_person_conflict);
  ADD ("list-100000", test_list_100000);

#undef ADD

  return g_test_run ();
}
