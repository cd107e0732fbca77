/* test-screening-page.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lyg-context.h"
#include "lyg-indicator-row.h"
#include "lyg-screening-page.h"
#include "lyg-screening-result-view.h"

#define PASSPHRASE "violet anchor meadow 42"
#define WAIT_MS    10000

typedef struct
{
  char       *dir;
  char       *path;
  LygVault   *vault;
  LygContext *context;
  char       *person_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LygRecord) person = NULL;
  LygKdfParams params = lyg_kdf_params_minimum ();

  f->dir = g_dir_make_tmp ("lygte-screening-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "vault.lygte", NULL);

  f->vault = lyg_vault_create (f->path, PASSPHRASE, &params, &error);
  g_assert_no_error (error);
  if (!lyg_vault_get_unlocked (f->vault))
    {
      lyg_vault_unlock (f->vault, PASSPHRASE, &error);
      g_assert_no_error (error);
    }

  f->context = lyg_context_new (f->vault, lyg_catalogue_set_get_shipped ());

  person = lyg_record_new ("person");
  lyg_record_set_string (person, "alias", "Maria K.");
  lyg_vault_save_record (f->vault, person, &error);
  g_assert_no_error (error);
  f->person_id = g_strdup (lyg_record_get_id (person));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_object (&f->context);
  lyg_vault_lock (f->vault);
  g_clear_object (&f->vault);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);
      g_unlink (file);
    }

  g_rmdir (f->dir);
  g_free (f->person_id);
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

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_str_equal (gtk_widget_get_name (widget), name);
}

static LygIndicatorRow *
find_row (LygScreeningPage *page,
          const char       *indicator_id)
{
  GtkWidget *row = find_widget (GTK_WIDGET (page), is_indicator_row, indicator_id);

  g_assert_nonnull (row);

  return LYG_INDICATOR_ROW (row);
}

/* Clicks an answer the way a person does: through the row's buttons. */
static void
answer (LygScreeningPage *page,
        const char       *indicator_id,
        const char       *button)
{
  LygIndicatorRow *row = find_row (page, indicator_id);

  gtk_toggle_button_set_active (child (row, LYG_TYPE_INDICATOR_ROW, button), TRUE);
}

static const char *
outcome_text (LygScreeningPage *page)
{
  LygScreeningResultView *view = child (page, LYG_TYPE_SCREENING_PAGE, "result_view");
  GtkLabel *label = child (view, LYG_TYPE_SCREENING_RESULT_VIEW, "outcome_label");

  return gtk_label_get_text (label);
}

static char *
dimension_status (LygScreeningPage *page,
                  const char       *dimension_id)
{
  LygScreeningResultView *view = child (page, LYG_TYPE_SCREENING_PAGE, "result_view");
  char *text = lyg_screening_result_view_dup_dimension_status (view, dimension_id);

  g_assert_nonnull (text);

  return text;
}

static LygScreeningResult *
page_result (LygScreeningPage *page)
{
  return lyg_screening_result_view_get_result (child (page, LYG_TYPE_SCREENING_PAGE,
                                                      "result_view"));
}

static GtkWindow *
show_page (GtkWidget *page,
           int        width,
           int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  spin (50);

  return window;
}

static void
on_done_cb (GtkWidget *page,
            gpointer   user_data)
{
  (*(guint *)user_data)++;
}

static void
on_open_record_cb (GtkWidget  *page,
                   const char *id,
                   gpointer    user_data)
{
  g_free (*(char **)user_data);
  *(char **)user_data = g_strdup (id);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (20);
}

static guint
count_records (Fixture    *f,
               const char *type)
{
  lyg_vault_wait_indexed (f->vault);

  return lyg_index_count (lyg_vault_get_index (f->vault), type);
}

static void
test_screening_page_new (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LygRecord) record = NULL;
  g_autoptr(LygRecord) referral = NULL;
  g_autofree char *status = NULL;
  g_autofree char *status_again = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *screening_id = NULL;
  g_autofree char *referral_id = NULL;
  LygScreeningPage *page;
  LygScreeningPage *reopened;
  AdwMessageDialog *dialog;
  GtkWindow *window;
  LygCatalogue *catalogue;
  guint done = 0;

  page = LYG_SCREENING_PAGE (lyg_screening_page_new (f->context, NULL, f->person_id));
  g_signal_connect (page, "done", G_CALLBACK (on_done_cb), &done);
  window = show_page (GTK_WIDGET (page), 1280, 900);

  g_assert_cmpstr (lyg_screening_page_get_title (page), ==, "New Screening");
  g_assert_null (lyg_screening_page_get_screening_id (page));

  /* The default catalogue from the settings. */
  catalogue = adw_combo_row_get_selected_item (child (page, LYG_TYPE_SCREENING_PAGE,
                                                      "catalogue_row"));
  g_assert_cmpstr (lyg_catalogue_get_id (catalogue), ==, "delphi-adult-labour");
  g_assert_cmpstr (outcome_text (page), ==, "No indication of trafficking so far");

  /* One strong indicator alone makes no dimension positive. */
  answer (page, "cd.debt-bondage", "observed_button");
  status = dimension_status (page, "coercion-destination");
  g_assert_true (g_str_has_prefix (status, "Not positive yet — "));
  g_assert_cmpstr (outcome_text (page), ==, "No indication of trafficking so far");
  g_clear_pointer (&status, g_free);

  /* Two strong (observed and reported) meet the Delphi rule: live update. */
  answer (page, "cd.confiscation-of-documents", "reported_button");
  status = dimension_status (page, "coercion-destination");
  g_assert_true (g_str_has_prefix (status, "Positive — Positive by the combination “2 strong”"));
  g_assert_nonnull (strstr (status, "Debt bondage"));
  g_assert_cmpstr (outcome_text (page), ==,
                   "Possible trafficking: some dimensions are positive");
  g_clear_pointer (&status, g_free);

  /* Unknown never counts as not present: a strong indicator answered
   * "unknown" leaves the dimension open, "not present" settles it. */
  answer (page, "ec.excessive-hours", "observed_button");
  answer (page, "ec.hazardous-work", "unknown_button");
  g_assert_cmpuint (lyg_screening_result_get_n_not_present (page_result (page)), ==, 0);
  status = dimension_status (page, "exploitative-conditions");
  g_assert_true (g_str_has_prefix (status, "Not positive yet — "));
  g_assert_nonnull (strstr (status, "Unknown answers could still make it positive."));
  g_clear_pointer (&status, g_free);

  {
    static const char * const others[] = {
      "ec.bad-living-conditions", "ec.hazardous-work", "ec.low-or-no-salary",
      "ec.labour-law-contract", "ec.no-social-protection", "ec.very-bad-working-conditions",
      "ec.wage-manipulation", "ec.no-access-to-education",
    };

    for (guint i = 0; i < G_N_ELEMENTS (others); i++)
      answer (page, others[i], "not_present_button");
  }
  status = dimension_status (page, "exploitative-conditions");
  g_assert_true (g_str_has_prefix (status, "Not positive — "));
  g_assert_null (strstr (status, "Unknown answers"));
  g_clear_pointer (&status, g_free);

  /* A note travels with the answer. */
  gtk_editable_set_text (child (find_row (page, "cd.debt-bondage"), LYG_TYPE_INDICATOR_ROW,
                                "note_entry"),
                         "Owes 4,000 EUR for the journey");
  gtk_editable_set_text (child (page, LYG_TYPE_SCREENING_PAGE, "notes_row"),
                         "Met at the bus station");

  status = dimension_status (page, "coercion-destination");
  outcome = g_strdup (outcome_text (page));

  /* Save: a screening record, and ::done. */
  g_signal_emit_by_name (child (page, LYG_TYPE_SCREENING_PAGE, "save_button"), "clicked");
  g_assert_cmpuint (done, ==, 1);
  screening_id = g_strdup (lyg_screening_page_get_screening_id (page));
  g_assert_nonnull (screening_id);
  gtk_window_destroy (window);

  record = lyg_vault_get_record (f->vault, screening_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lyg_record_get_record_type (record), ==, "screening");
  g_assert_cmpstr (lyg_record_get_string (record, "catalogue"), ==, "delphi-adult-labour");
  g_assert_cmpint (lyg_record_get_int (record, "catalogue_version", 0), ==, 1);
  g_assert_cmpstr (lyg_record_get_string (record, "profile"), ==, "adult-labour");
  g_assert_cmpstr (lyg_record_get_string (record, "person"), ==, f->person_id);
  g_assert_cmpstr (lyg_record_get_string (record, "notes"), ==, "Met at the bus station");
  g_assert_nonnull (lyg_record_get_string (record, "date"));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (lyg_record_get_value (record, "answers")));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (lyg_record_get_value (record, "result")),
                                                  "outcome"), ==, "possible");

  /* Reopen: the same answers, note and result. */
  reopened = LYG_SCREENING_PAGE (lyg_screening_page_new (f->context, screening_id, NULL));
  window = show_page (GTK_WIDGET (reopened), 1280, 900);

  g_assert_cmpstr (lyg_screening_page_get_title (reopened), ==, "Screening");
  g_assert_cmpstr (lyg_screening_page_get_person_id (reopened), ==, f->person_id);
  g_assert_cmpint (lyg_indicator_row_get_answer (find_row (reopened, "cd.debt-bondage")), ==,
                   LYG_ANSWER_OBSERVED);
  g_assert_cmpint (lyg_indicator_row_get_answer (find_row (reopened, "cd.confiscation-of-documents")),
                   ==, LYG_ANSWER_REPORTED);
  g_assert_cmpint (lyg_indicator_row_get_answer (find_row (reopened, "ec.hazardous-work")), ==,
                   LYG_ANSWER_NOT_PRESENT);
  g_assert_cmpint (lyg_indicator_row_get_answer (find_row (reopened, "dr.nature-of-job")), ==,
                   LYG_ANSWER_UNKNOWN);
  g_assert_cmpstr (lyg_indicator_row_get_note (find_row (reopened, "cd.debt-bondage")), ==,
                   "Owes 4,000 EUR for the journey");
  g_assert_cmpstr (gtk_editable_get_text (child (reopened, LYG_TYPE_SCREENING_PAGE, "notes_row")),
                   ==, "Met at the bus station");
  g_assert_cmpstr (outcome_text (reopened), ==, outcome);
  status_again = dimension_status (reopened, "coercion-destination");
  g_assert_cmpstr (status_again, ==, status);

  /* Refer… without consent: nothing is created, and the dialog says why. */
  g_signal_connect (reopened, "open-record", G_CALLBACK (on_open_record_cb), &referral_id);
  g_signal_emit_by_name (child (reopened, LYG_TYPE_SCREENING_PAGE, "refer_button"), "clicked");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "refer"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (GTK_WIDGET (dialog), has_name,
                                                              "consent-none")), TRUE);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "refer"));
  g_assert_true (gtk_widget_get_visible (find_widget (GTK_WIDGET (dialog), has_name,
                                                      "no-consent-label")));
  respond (dialog, "refer");
  g_assert_null (referral_id);
  g_assert_cmpuint (count_records (f, "referral"), ==, 0);

  /* Cancelled: nothing either. */
  g_signal_emit_by_name (child (reopened, LYG_TYPE_SCREENING_PAGE, "refer_button"), "clicked");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "cancel");
  g_assert_null (referral_id);
  g_assert_cmpuint (count_records (f, "referral"), ==, 0);

  /* With the representative's consent: a referral, linked, then ::open-record. */
  g_signal_emit_by_name (child (reopened, LYG_TYPE_SCREENING_PAGE, "refer_button"), "clicked");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (GTK_WIDGET (dialog), has_name,
                                                              "consent-representative")), TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "refer"));
  respond (dialog, "refer");
  g_assert_nonnull (referral_id);
  g_assert_cmpuint (count_records (f, "referral"), ==, 1);

  referral = lyg_vault_get_record (f->vault, referral_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lyg_record_get_record_type (referral), ==, "referral");
  g_assert_cmpstr (lyg_record_get_string (referral, "target"), ==, "identification_centre");
  g_assert_cmpstr (lyg_record_get_string (referral, "person"), ==, f->person_id);
  g_assert_cmpstr (lyg_record_get_string (referral, "screening"), ==, screening_id);
  g_assert_cmpstr (lyg_record_get_string (referral, "outcome"), ==, "pending");
  g_assert_true (lyg_record_get_boolean (referral, "consent"));
  g_assert_cmpstr (lyg_record_get_string (referral, "consent_by"), ==, "representative");
  g_assert_nonnull (lyg_record_get_string (referral, "date"));

  /* Still one screening: the referral saved the same record again. */
  g_assert_cmpuint (count_records (f, "screening"), ==, 1);

  gtk_window_destroy (window);
}

static void
test_screening_page_change_catalogue (Fixture       *f,
                                      gconstpointer  data)
{
  LygScreeningPage *page;
  AdwComboRow *catalogue_row;
  AdwComboRow *profile_row;
  GtkWindow *window;
  GListModel *model;
  LygCatalogue *catalogue;
  guint unodc = GTK_INVALID_LIST_POSITION;
  guint delphi = GTK_INVALID_LIST_POSITION;

  page = LYG_SCREENING_PAGE (lyg_screening_page_new (f->context, NULL, NULL));
  window = show_page (GTK_WIDGET (page), 1280, 900);
  catalogue_row = child (page, LYG_TYPE_SCREENING_PAGE, "catalogue_row");
  profile_row = child (page, LYG_TYPE_SCREENING_PAGE, "profile_row");
  model = adw_combo_row_get_model (catalogue_row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LygCatalogue) item = g_list_model_get_item (model, i);

      if (g_str_equal (lyg_catalogue_get_id (item), "unodc-labour"))
        unodc = i;
      else if (g_str_equal (lyg_catalogue_get_id (item), "delphi-adult-labour"))
        delphi = i;
    }
  g_assert_cmpuint (unodc, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (delphi, !=, GTK_INVALID_LIST_POSITION);

  /* Delphi has one profile: no choice shown. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (profile_row)));

  /* Nothing answered yet: the change is free, no question asked. */
  adw_combo_row_set_selected (catalogue_row, unodc);
  g_assert_null (find_dialog ());
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (profile_row)));
  g_assert_cmpstr (outcome_text (page), ==, "No indicators present so far");
  find_row (page, lyg_catalogue_get_indicator (adw_combo_row_get_selected_item (catalogue_row),
                                               0)->id);

  /* Answered: asked first; cancelling keeps the list and the answer. */
  catalogue = adw_combo_row_get_selected_item (catalogue_row);
  answer (page, lyg_catalogue_get_indicator (catalogue, 0)->id, "observed_button");
  g_assert_cmpstr (outcome_text (page), !=, "No indicators present so far");

  adw_combo_row_set_selected (catalogue_row, delphi);
  g_assert_nonnull (find_dialog ());
  respond (find_dialog (), "cancel");
  g_assert_cmpuint (adw_combo_row_get_selected (catalogue_row), ==, unodc);
  g_assert_cmpint (lyg_indicator_row_get_answer (find_row (page, lyg_catalogue_get_indicator (catalogue, 0)->id)),
                   ==, LYG_ANSWER_OBSERVED);

  /* Confirmed: the new list, no answers. */
  adw_combo_row_set_selected (catalogue_row, delphi);
  respond (find_dialog (), "change");
  g_assert_cmpuint (adw_combo_row_get_selected (catalogue_row), ==, delphi);
  g_assert_cmpstr (outcome_text (page), ==, "No indication of trafficking so far");
  g_assert_cmpint (lyg_indicator_row_get_answer (find_row (page, "cd.debt-bondage")), ==,
                   LYG_ANSWER_UNKNOWN);

  gtk_window_destroy (window);
}

/* Not a test: LYG_SHOW_SCREENING=<seconds> [LYG_SHOW_WIDTH=…] keeps a
 * filled-in screening on screen for screenshots. */
static void
test_screening_page_show (Fixture       *f,
                          gconstpointer  data)
{
  const char *seconds = g_getenv ("LYG_SHOW_SCREENING");
  const char *width = g_getenv ("LYG_SHOW_WIDTH");
  const char *height = g_getenv ("LYG_SHOW_HEIGHT");
  g_autoptr(GtkCssProvider) provider = NULL;
  LygScreeningPage *page;
  GtkWindow *window;

  if (seconds == NULL)
    {
      g_test_skip ("LYG_SHOW_SCREENING is not set");
      return;
    }

  /* LYG_SHOW_LOCALEDIR: where a compiled translation lives. */
  if (g_getenv ("LYG_SHOW_LOCALEDIR") != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LYG_SHOW_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  /* The application loads its style sheet itself; a bare window does not. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/lygte/Lygte/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  page = LYG_SCREENING_PAGE (lyg_screening_page_new (f->context, NULL, f->person_id));
  window = show_page (GTK_WIDGET (page),
                      width != NULL ? atoi (width) : 1280,
                      height != NULL ? atoi (height) : 800);
  answer (page, "dr.nature-of-job", "reported_button");
  answer (page, "dr.wages-earnings", "reported_button");
  answer (page, "dr.conditions-of-work", "not_present_button");
  answer (page, "cd.debt-bondage", "observed_button");
  answer (page, "cd.confiscation-of-documents", "reported_button");
  answer (page, "ec.excessive-hours", "observed_button");
  gtk_editable_set_text (child (find_row (page, "dr.nature-of-job"), LYG_TYPE_INDICATOR_ROW,
                                "note_entry"),
                         g_str_equal (lyg_catalogue_get_default_language (), "da")
                         ? "Lovet arbejde på et hotel" : "Promised work in a hotel");
  gtk_window_maximize (window);
  spin (atoi (seconds) * 1000);
  gtk_window_destroy (window);
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
  g_test_add ("/lyg/screening-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("new-save-reopen-refer", test_screening_page_new);
  ADD ("change-catalogue", test_screening_page_change_catalogue);
  ADD ("show", test_screening_page_show);

#undef ADD

  return g_test_run ();
}
