/* test-training.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "lyg-create-page.h"
#include "lyg-indicator-row.h"
#include "lyg-main-page.h"
#include "lyg-training-editor.h"
#include "lyg-training-check-view.h"
#include "lyg-training-page.h"
#include "lyg-training-presentation.h"
#include "lyg-training-session.h"
#include "lyg-training-vault.h"
#include "lyg-unlock-page.h"
#include "lyg-window.h"

/* Training mode through the real window: the unlock (or first-run) page's
 * Training button opens the training vault with its banner, a scenario is
 * screened with the normal screening page, Check compares with the key,
 * presentation mode pages through it, packs are imported (a bad one is
 * refused) and exported, and leaving returns to where one started.
 */

#define PASSPHRASE "violet anchor meadow 42"
#define WAIT_MS    20000

typedef struct
{
  char *dir;
  char *path;
  char *training_path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("lygte-training-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "vault.lygte", NULL);
  f->training_path = g_build_filename (f->dir, "training.lygte", NULL);
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
  remove_vault_files (f->training_path);
  g_rmdir (f->dir);
  g_free (f->training_path);
  g_free (f->path);
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

static gboolean
on_tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
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

static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_indicator_row (GtkWidget     *widget,
                  gconstpointer  id)
{
  return LYG_IS_INDICATOR_ROW (widget) &&
         g_str_equal (lyg_indicator_row_get_indicator (LYG_INDICATOR_ROW (widget))->id, id);
}

/* Clicks an answer the way a trainee does: through the row's buttons. */
static void
answer (LygScreeningPage *page,
        const char       *indicator_id,
        const char       *button)
{
  GtkWidget *row = find_widget (GTK_WIDGET (page), is_indicator_row, indicator_id);

  g_assert_nonnull (row);
  gtk_toggle_button_set_active (child (row, LYG_TYPE_INDICATOR_ROW, button), TRUE);
}

static LygWindow *
new_window (const char *path,
            LygVault   *vault)
{
  LygWindow *window = g_object_new (LYG_TYPE_WINDOW,
                                    "path", path,
                                    "vault", vault,
                                    "kdf-profile", "minimum",
                                    NULL);

  gtk_window_present (GTK_WINDOW (window));
  spin (50);

  return window;
}

static LygMainPage *
main_page_of (LygWindow *window)
{
  return child (window, LYG_TYPE_WINDOW, "main_page");
}

static LygTrainingPage *
training_page_of (LygWindow *window)
{
  GtkWidget *page = lyg_main_page_get_section_page (main_page_of (window), "training");

  g_assert_true (LYG_IS_TRAINING_PAGE (page));

  return LYG_TRAINING_PAGE (page);
}

static void
assert_in_training (LygWindow *window)
{
  GtkRevealer *banner = child (window, LYG_TYPE_WINDOW, "training_banner");

  g_assert_true (lyg_window_get_training (window));
  g_assert_cmpstr (lyg_window_get_visible_page (window), ==, "main");
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_nonnull (g_strstr_len (gtk_window_get_title (GTK_WINDOW (window)), -1, "Training"));
  g_assert_cmpstr (lyg_main_page_get_section (main_page_of (window)), ==, "training");
}

static void
assert_left_training (LygWindow  *window,
                      const char *page)
{
  GtkRevealer *banner = child (window, LYG_TYPE_WINDOW, "training_banner");

  g_assert_false (lyg_window_get_training (window));
  g_assert_cmpstr (lyg_window_get_visible_page (window), ==, page);
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Lygte");
  g_assert_null (lyg_window_get_context (window));
}

static void
test_training_practice (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LygVault) vault = NULL;
  LygKdfParams params = lyg_kdf_params_minimum ();
  LygUnlockPage *unlock_page;
  LygTrainingSession *session;
  LygScreeningPage *screening;
  LygScenarioCheck *check;
  LygTrainingCheckView *view;
  GtkWindow *presentation;
  LygWindow *window;
  guint n_slides;

  vault = lyg_vault_create (f->path, PASSPHRASE, &params, &error);
  g_assert_no_error (error);
  lyg_vault_lock (vault);

  window = new_window (f->path, vault);
  g_assert_cmpstr (lyg_window_get_visible_page (window), ==, "unlock");

  /* "Training" on the unlock page: no passphrase asked. */
  unlock_page = child (window, LYG_TYPE_WINDOW, "unlock_page");
  g_signal_emit_by_name (child (unlock_page, LYG_TYPE_UNLOCK_PAGE, "training_button"), "clicked");
  spin (50);
  assert_in_training (window);
  g_assert_true (g_file_test (f->training_path, G_FILE_TEST_EXISTS));
  g_assert_false (lyg_vault_get_unlocked (vault));
  g_assert_true (lyg_vault_is_training (lyg_context_get_vault (lyg_window_get_context (window))));

  session = lyg_training_page_open_scenario (training_page_of (window), "agriculture-greenhouse",
                                             &error);
  g_assert_no_error (error);
  g_assert_true (lyg_main_page_get_record_page (main_page_of (window)) == GTK_WIDGET (session));
  spin (50);

  /* Five of the key's seven present indicators found, one left unknown,
   * one said to be absent; one the key rules out and one it never
   * mentions marked present. */
  screening = lyg_training_session_get_screening_page (session);
  answer (screening, "dr.wages-earnings", "reported_button");
  answer (screening, "dr.conditions-of-work", "reported_button");
  answer (screening, "dr.housing-living", "observed_button");
  answer (screening, "ec.excessive-hours", "observed_button");
  answer (screening, "ec.bad-living-conditions", "observed_button");
  answer (screening, "cd.confiscation-of-documents", "not_present_button");
  answer (screening, "cr.violence", "observed_button");
  answer (screening, "vd.unknown-area", "reported_button");

  g_signal_emit_by_name (child (session, LYG_TYPE_TRAINING_SESSION, "check_button"), "clicked");
  check = lyg_training_session_get_check (session);
  g_assert_nonnull (check);
  g_assert_cmpuint (lyg_scenario_check_count (check, LYG_VERDICT_AGREED), ==, 5);
  g_assert_cmpuint (lyg_scenario_check_count (check, LYG_VERDICT_MISSED), ==, 2);
  g_assert_cmpuint (lyg_scenario_check_count (check, LYG_VERDICT_OVER_READ), ==, 2);
  g_assert_false (lyg_scenario_check_outcome_agrees (check));

  /* What the trainee sees says the same. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (session, LYG_TYPE_TRAINING_SESSION,
                                                            "stack")), ==, "check");
  view = child (session, LYG_TYPE_TRAINING_SESSION, "check_view");
  g_assert_cmpstr (gtk_label_get_text (child (view, LYG_TYPE_TRAINING_CHECK_VIEW, "agreed_label")),
                   ==, "Agreed: 5");
  g_assert_cmpstr (gtk_label_get_text (child (view, LYG_TYPE_TRAINING_CHECK_VIEW, "missed_label")),
                   ==, "Missed: 2");
  g_assert_cmpstr (gtk_label_get_text (child (view, LYG_TYPE_TRAINING_CHECK_VIEW,
                                              "over_read_label")), ==, "Over-read: 2");
  g_assert_cmpstr (gtk_label_get_text (child (view, LYG_TYPE_TRAINING_CHECK_VIEW, "verdict_label")),
                   ==, "Your outcome differs from the key's.");

  /* Presentation mode: the vignette, the dimensions touched, the outcome. */
  presentation = lyg_training_session_present (session);
  spin (50);
  g_assert_true (LYG_IS_TRAINING_PRESENTATION (presentation));
  n_slides = lyg_training_presentation_get_n_slides (LYG_TRAINING_PRESENTATION (presentation));
  /* recruitment (deceptive, coercive), exploitation, coercion and
   * vulnerability at destination */
  g_assert_cmpuint (n_slides, ==, 2 + 5);
  lyg_training_presentation_set_show_key (LYG_TRAINING_PRESENTATION (presentation), TRUE);
  for (guint i = 0; i < n_slides + 1; i++)
    lyg_training_presentation_set_slide (LYG_TRAINING_PRESENTATION (presentation), i);
  g_assert_cmpuint (lyg_training_presentation_get_slide (LYG_TRAINING_PRESENTATION (presentation)),
                    ==, n_slides - 1);
  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *)&presentation);

  /* Leaving training returns to the unlock page, real vault untouched. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-training", NULL));
  spin (50);
  assert_left_training (window, "unlock");
  g_assert_false (lyg_vault_get_unlocked (vault));
  /* The presentation left with it. */
  g_assert_null (presentation);

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

static const char *bad_pack =
  "{ \"format\": 1, \"id\": \"my-pack\", \"title\": { \"en\": \"Mine\", \"da\": \"Min\" },"
  "  \"scenarios\": [ { \"id\": \"mine\", \"title\": { \"en\": \"A\", \"da\": \"B\" },"
  "    \"form\": \"begging\", \"setting\": \"street\", \"catalogue\": \"dk-assessment\","
  "    \"catalogue_version\": 1, \"profile\": \"adult-labour\","
  "    \"narrative\": { \"en\": \"Story\", \"da\": \"Historie\" }, \"outcome\": \"indicators_present\","
  "    \"key\": [ { \"indicator\": \"%s\", \"answer\": \"observed\","
  "                 \"explanation\": { \"en\": \"Why\", \"da\": \"Hvorfor\" } } ] } ] }";

static GFile *
write_pack (Fixture    *f,
            const char *name,
            const char *indicator)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *json = g_strdup_printf (bad_pack, indicator);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static void
test_training_import_export (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) bad = write_pack (f, "bad.json", "dk.no-such-indicator");
  g_autoptr(GFile) good = write_pack (f, "good.json", "dk.isolated-watched");
  g_autofree char *export_path = g_build_filename (f->dir, "exported.json", NULL);
  g_autoptr(GFile) exported = g_file_new_for_path (export_path);
  g_autofree char *good_text = NULL;
  g_autofree char *exported_text = NULL;
  LygCreatePage *create_page;
  LygTrainingPage *page;
  LygWindow *window;
  guint n_packs;

  /* First run: no vault yet, Training is on the create page too. */
  window = new_window (f->path, NULL);
  g_assert_cmpstr (lyg_window_get_visible_page (window), ==, "create");
  create_page = child (window, LYG_TYPE_WINDOW, "create_page");
  g_signal_emit_by_name (child (create_page, LYG_TYPE_CREATE_PAGE, "training_button"), "clicked");
  spin (50);
  assert_in_training (window);

  page = training_page_of (window);
  n_packs = lyg_training_page_get_packs (page)->len;
  g_assert_cmpuint (n_packs, >=, 3);

  /* A pack naming an indicator its catalogue lacks is refused, clearly. */
  g_assert_false (lyg_training_page_import_file (page, bad, &error));
  g_assert_error (error, LYG_SCENARIO_ERROR, LYG_SCENARIO_ERROR_UNKNOWN_INDICATOR);
  g_assert_nonnull (g_strstr_len (error->message, -1, "bad.json"));
  g_assert_nonnull (g_strstr_len (error->message, -1, "dk.no-such-indicator"));
  g_clear_error (&error);
  g_assert_cmpuint (lyg_training_page_get_packs (page)->len, ==, n_packs);

  g_assert_true (lyg_training_page_import_file (page, good, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lyg_training_page_get_packs (page)->len, ==, n_packs + 1);
  g_assert_nonnull (lyg_training_page_lookup (page, "mine"));

  /* Written in the app: the editor starts from a pack that passes; a
   * broken one is refused with the reason and the text is kept. */
  {
    GtkWindow *editor = lyg_training_page_write_scenario (page);
    g_autofree char *text = NULL;
    g_autofree char *broken = NULL;
    g_auto(GStrv) parts = NULL;

    spin (50);
    text = lyg_training_editor_dup_text (LYG_TRAINING_EDITOR (editor));
    parts = g_strsplit (text, "\"indicators_present\"", 2);
    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    broken = g_strjoinv ("\"none_so_far\"", parts);
    lyg_training_editor_set_text (LYG_TRAINING_EDITOR (editor), broken);
    g_assert_false (lyg_training_editor_import (LYG_TRAINING_EDITOR (editor)));
    g_assert_nonnull (g_strstr_len (lyg_training_editor_get_error (LYG_TRAINING_EDITOR (editor)),
                                    -1, "indicators_present"));
    g_assert_null (lyg_training_page_lookup (page, "car-wash"));

    lyg_training_editor_set_text (LYG_TRAINING_EDITOR (editor), text);
    g_assert_true (lyg_training_editor_import (LYG_TRAINING_EDITOR (editor)));
    g_assert_nonnull (lyg_training_page_lookup (page, "car-wash"));
    g_assert_cmpuint (lyg_training_page_get_packs (page)->len, ==, n_packs + 2);
    spin (50);
  }

  /* Exported exactly as imported. */
  g_assert_true (lyg_training_page_export_pack (page, "my-pack", exported, &error));
  g_assert_no_error (error);
  g_file_get_contents (g_file_peek_path (good), &good_text, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (export_path, &exported_text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (good_text, ==, exported_text);

  /* Leaving goes back to the first-run page; the pack lives in the
   * training vault, not in the file it came from. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  spin (50);
  assert_left_training (window, "create");
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_file_delete (good, NULL, NULL);
  g_file_delete (bad, NULL, NULL);
  g_file_delete (exported, NULL, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.enter-training", NULL));
  spin (50);
  assert_in_training (window);
  g_assert_nonnull (lyg_training_page_lookup (training_page_of (window), "mine"));

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
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

  g_test_add ("/lyg/training/practice", Fixture, NULL,
              fixture_set_up, test_training_practice, fixture_tear_down);
  g_test_add ("/lyg/training/import-export", Fixture, NULL,
              fixture_set_up, test_training_import_export, fixture_tear_down);

  return g_test_run ();
}
