/* test-shelter.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "lyg-draft.h"
#include "lyg-main-page.h"
#include "ui-test-util.h"
#include "lyg-shelter-page.h"
#include "lyg-stay-page.h"
#include "lyg-stay.h"

#define PASSPHRASE "harbour light seven 9"

typedef struct
{
  char        *dir;
  char        *path;
  LygVault    *vault;
  LygContext  *context;
  GtkWindow   *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LygKdfParams params = lyg_kdf_params_minimum ();

  f->dir = g_dir_make_tmp ("lygte-shelter-XXXXXX", &error);
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
show (Fixture   *f,
      GtkWidget *widget)
{
  if (f->window == NULL)
    {
      f->window = GTK_WINDOW (gtk_window_new ());
      gtk_window_set_default_size (f->window, 800, 900);
    }

  gtk_window_set_child (f->window, widget);
  gtk_window_present (f->window);
  g_assert_true (ui_test_wait_for (ui_test_widget_mapped, widget));
}

static void
set_entry (gpointer    page,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (ui_test_child (page, ADW_TYPE_ENTRY_ROW, name)), text);
}

static char *
day (int offset)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, offset);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* A resident saved directly, as a sync from another device would. */
static char *
save_resident (Fixture    *f,
               const char *alias,
               int         period_start)
{
  g_autoptr(LygRecord) person = lyg_record_new ("person");
  g_autoptr(LygRecord) stay = lyg_record_new ("stay");
  g_autofree char *start = day (period_start);
  g_autoptr(GError) error = NULL;
  GDate date;

  lyg_record_set_string (person, "alias", alias);
  g_assert_true (lyg_vault_save_record (f->vault, person, &error));
  lyg_record_set_string (stay, "person", lyg_record_get_id (person));
  lyg_record_set_string (stay, "place", "crisis_shelter");
  lyg_record_set_string (stay, "arrival", start);
  g_assert_true (lyg_stay_parse_date (start, &date));
  g_assert_true (lyg_stay_start_period (stay, &date, NULL));
  g_assert_true (lyg_vault_save_record (f->vault, stay, &error));
  g_assert_no_error (error);

  return g_strdup (lyg_record_get_id (stay));
}

static const char *
row_status (GtkWidget  *page,
            const char *stay_id)
{
  GtkWidget *list = ui_test_child (page, GTK_TYPE_LIST_BOX, "residents_list");
  GtkWidget *row = ui_test_find_named (list, stay_id);
  GtkWidget *label;

  g_assert_nonnull (row);
  label = ui_test_find_named (row, "status");
  g_assert_nonnull (label);

  return gtk_label_get_text (GTK_LABEL (label));
}

static gboolean
row_has_class (GtkWidget  *page,
               const char *stay_id,
               const char *klass)
{
  GtkWidget *row = ui_test_find_named (ui_test_child (page, GTK_TYPE_LIST_BOX, "residents_list"), stay_id);

  return gtk_widget_has_css_class (ui_test_find_named (row, "status"), klass);
}

typedef struct
{
  GtkWidget  *page;
  guint       n;
} Residents;

static gboolean
shows_n_residents (gpointer data)
{
  Residents *r = data;
  g_auto(GStrv) ids = lyg_shelter_page_dup_residents (LYG_SHELTER_PAGE (r->page));

  return g_strv_length (ids) == r->n;
}

static void
test_resident (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(LygRecord) stay = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ended = NULL;
  g_autofree char *running = NULL;
  g_autofree char *start = day (-25);
  g_autofree char *stay_id = NULL;
  g_auto(GStrv) order = NULL;
  GtkWidget *page, *shelter;
  Residents residents;
  guint days;

  /* Two residents already there: one whose period ended two days ago,
   * one who arrived yesterday. */
  ended = save_resident (f, "Elena P.", -31);
  running = save_resident (f, "Nok S.", -1);

  /* A new resident, as the Shelter page's "New Resident" opens it. */
  page = lyg_stay_page_new (f->context, NULL, NULL);
  show (f, page);
  g_assert_true (gtk_widget_get_visible (ui_test_child (page, ADW_TYPE_PREFERENCES_GROUP,
                                                "resident_group")));
  g_assert_false (gtk_widget_get_visible (ui_test_child (page, ADW_TYPE_PREFERENCES_GROUP,
                                                 "handover_group")));
  g_assert_false (gtk_widget_get_visible (ui_test_child (page, ADW_TYPE_ACTION_ROW, "extend_row")));
  /* No alias, nothing to save. */
  gtk_widget_activate_action (page, "stay.save", NULL);
  g_assert_null (lyg_stay_page_get_stay_id (LYG_STAY_PAGE (page)));

  set_entry (page, "alias_row", "Maria K.");
  set_entry (page, "shelter_row", "Lighthouse House");
  set_entry (page, "arrival_row", start);
  set_entry (page, "period_start_row", start);
  set_entry (page, "contact_row", "Birgitte at the centre");
  lyg_form_set_enum_combo (ui_test_child (page, ADW_TYPE_COMBO_ROW, "place_row"), "crisis_shelter");

  /* A date that is not one blocks saving. */
  set_entry (page, "departure_row", "2026-02-30");
  g_assert_true (gtk_widget_has_css_class (ui_test_child (page, ADW_TYPE_ENTRY_ROW, "departure_row"),
                                           "error"));
  g_assert_false (lyg_stay_page_save (LYG_STAY_PAGE (page), &error));
  g_assert_error (error, LYG_RECORD_ERROR, LYG_RECORD_ERROR_BAD_VALUE);
  g_clear_error (&error);
  set_entry (page, "departure_row", "");

  g_assert_true (gtk_widget_activate_action (page, "stay.save", NULL));
  stay_id = g_strdup (lyg_stay_page_get_stay_id (LYG_STAY_PAGE (page)));
  g_assert_nonnull (stay_id);
  g_assert_cmpstr (lyg_stay_page_get_title (LYG_STAY_PAGE (page)), ==, "Maria K.");
  /* 30 days from 25 days ago: 4 days left, shown as a warning. */
  g_assert_cmpstr (gtk_label_get_text (ui_test_child (page, GTK_TYPE_LABEL, "status_label")), ==,
                   "Ends in 4 days");
  g_assert_true (gtk_widget_has_css_class (ui_test_child (page, GTK_TYPE_LABEL, "status_label"),
                                           "warning"));

  g_assert_true (gtk_widget_get_visible (ui_test_child (page, ADW_TYPE_ACTION_ROW, "extend_row")));

  /* Extend by 30 days to prepare a return; more than 120 is refused. */
  lyg_form_set_enum_combo (ui_test_child (page, ADW_TYPE_COMBO_ROW, "reason_row"), "prepared_return");
  gtk_spin_button_set_value (ui_test_child (page, GTK_TYPE_SPIN_BUTTON, "extend_spin"), 30);
  g_assert_true (gtk_widget_activate_action (page, "stay.extend", NULL));
  g_assert_cmpstr (gtk_label_get_text (ui_test_child (page, GTK_TYPE_LABEL, "status_label")), ==,
                   "34 days left");
  g_assert_false (lyg_stay_page_extend (LYG_STAY_PAGE (page), 61, "testify", &error));
  g_assert_error (error, LYG_STAY_ERROR, LYG_STAY_ERROR_TOO_LONG);
  g_clear_error (&error);

  /* A support item: legal aid under way, with a note. */
  lyg_form_set_enum_combo (ADW_COMBO_ROW (ui_test_find_named (page, "support_legal_aid")), "under_way");
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_named (page, "support_legal_aid_notes")),
                         "Lawyer meeting on Thursday");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (ui_test_find_named (page,
                                                                                "legal_aid"))),
                   ==, "Under way · Lawyer meeting on Thursday");
  g_assert_true (gtk_widget_activate_action (page, "stay.save", NULL));

  /* A handover note, saved at once. */
  g_assert_true (gtk_widget_get_visible (ui_test_child (page, ADW_TYPE_PREFERENCES_GROUP,
                                                "handover_group")));
  set_entry (page, "note_row", "Night shift: asked about her daughter");
  g_signal_emit_by_name (ui_test_child (page, ADW_TYPE_ENTRY_ROW, "note_row"), "apply");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_test_child (page, ADW_TYPE_ENTRY_ROW,
                                                               "note_row"))), ==, "");
  g_assert_nonnull (gtk_widget_get_first_child (ui_test_child (page, GTK_TYPE_LIST_BOX, "notes_list")));

  /* What was saved. */
  stay = lyg_vault_get_record (f->vault, stay_id, &error);
  g_assert_no_error (error);
  g_assert_true (lyg_stay_get_period (stay, NULL, &days, NULL));
  g_assert_cmpuint (days, ==, 60);
  g_assert_cmpstr (lyg_record_get_string (stay, "extension_reason"), ==, "prepared_return");
  g_assert_cmpstr (lyg_record_get_string (stay, "support_legal_aid"), ==, "under_way");
  g_assert_cmpstr (lyg_record_get_string (stay, "support_legal_aid_notes"), ==,
                   "Lawyer meeting on Thursday");
  g_assert_cmpstr (lyg_record_get_string (stay, "shelter"), ==, "Lighthouse House");
  g_assert_nonnull (lyg_record_get_string (stay, "person"));
  notes = lyg_stay_list_handovers (f->vault, stay_id, &error);
  g_assert_cmpuint (notes->len, ==, 1);

  /* The Shelter page: most urgent first. */
  shelter = lyg_shelter_page_new (f->context);
  show (f, shelter);
  residents.page = shelter;
  residents.n = 3;
  g_assert_true (ui_test_wait_for (shows_n_residents, &residents));
  order = lyg_shelter_page_dup_residents (LYG_SHELTER_PAGE (shelter));
  g_assert_cmpstr (order[0], ==, ended);
  g_assert_cmpstr (order[1], ==, running);
  g_assert_cmpstr (order[2], ==, stay_id);
  g_assert_cmpstr (row_status (shelter, ended), ==, "Period ended 2 days ago");
  g_assert_true (row_has_class (shelter, ended, "error"));
  g_assert_cmpstr (row_status (shelter, running), ==, "28 days left");
  g_assert_true (row_has_class (shelter, running, "success"));
  g_assert_cmpstr (row_status (shelter, stay_id), ==, "34 days left");

  /* The ended period got its follow-up, once, however often the page
   * refreshes. */
  lyg_shelter_page_refresh (LYG_SHELTER_PAGE (shelter));
  ui_test_spin (100);
  followups = lyg_index_list (lyg_vault_get_index (f->vault), "followup", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (followups->len, ==, 1);
  {
    GDate start_date, last;
    g_autofree char *elena_start = day (-31);
    g_autofree char *id = NULL;
    g_autoptr(LygRecord) followup = NULL;

    g_assert_true (lyg_stay_parse_date (elena_start, &start_date));
    lyg_stay_period_last_day (&start_date, 30, &last);
    id = lyg_stay_deadline_followup_id (ended, &last);
    followup = lyg_vault_get_record (f->vault, id, &error);
    g_assert_no_error (error);
    g_assert_false (lyg_record_get_boolean (followup, "done"));
  }

  /* Nok's period is made to end tomorrow: she moves up, in warning
   * colours. */
  {
    g_autoptr(LygRecord) nok = lyg_vault_get_record (f->vault, running, &error);
    g_autofree char *early = day (-28);

    lyg_record_set_string (nok, "period_start", early);
    g_assert_true (lyg_vault_save_record (f->vault, nok, &error));
  }
  ui_test_spin (100);
  g_clear_pointer (&order, g_strfreev);
  order = lyg_shelter_page_dup_residents (LYG_SHELTER_PAGE (shelter));
  g_assert_cmpstr (order[0], ==, ended);
  g_assert_cmpstr (order[1], ==, running);
  g_assert_cmpstr (row_status (shelter, running), ==, "Period ends tomorrow");
  g_assert_true (row_has_class (shelter, running, "warning"));

  /* Maria leaves: she goes to "Left in the Last 30 Days". */
  {
    g_autofree char *today = day (0);

    lyg_record_set_string (stay, "departure", today);
    lyg_record_set_string (stay, "outcome", "prepared_return");
    g_assert_true (lyg_vault_save_record (f->vault, stay, &error));
  }
  residents.n = 2;
  g_assert_true (ui_test_wait_for (shows_n_residents, &residents));
  g_assert_true (gtk_widget_get_visible (ui_test_child (shelter, ADW_TYPE_PREFERENCES_GROUP,
                                                "departed_group")));
  g_assert_nonnull (ui_test_find_named (ui_test_child (shelter, GTK_TYPE_LIST_BOX, "departed_list"), stay_id));
}

/* The Shelter section in the main page opens the stay page, and the
 * stay of a handover note. */
static void
test_main_page (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *stay_id = save_resident (f, "Joy O.", -3);
  g_autoptr(LygRecord) note = lyg_stay_new_handover (stay_id, "Calm evening", NULL);
  g_autoptr(GError) error = NULL;
  LygMainPage *main_page = g_object_new (LYG_TYPE_MAIN_PAGE, NULL);
  GtkWidget *page;

  g_assert_true (lyg_vault_save_record (f->vault, note, &error));
  show (f, GTK_WIDGET (main_page));
  lyg_main_page_set_context (main_page, f->context);
  lyg_main_page_set_section (main_page, "shelter");
  g_assert_cmpstr (lyg_main_page_get_section (main_page), ==, "shelter");
  g_assert_true (LYG_IS_SHELTER_PAGE (lyg_main_page_get_section_page (main_page, "shelter")));

  g_assert_true (lyg_main_page_open_record (main_page, stay_id));
  page = lyg_main_page_get_record_page (main_page);
  g_assert_true (LYG_IS_STAY_PAGE (page));
  g_assert_cmpstr (lyg_stay_page_get_stay_id (LYG_STAY_PAGE (page)), ==, stay_id);
  g_assert_cmpstr (lyg_stay_page_get_title (LYG_STAY_PAGE (page)), ==, "Joy O.");

  g_assert_true (lyg_main_page_open_record (main_page, lyg_record_get_id (note)));
  page = lyg_main_page_get_record_page (main_page);
  g_assert_cmpstr (lyg_stay_page_get_stay_id (LYG_STAY_PAGE (page)), ==, stay_id);

  /* "Shelter Stay" on a person page: a new stay for that person. */
  {
    g_autoptr(LygRecord) stay = lyg_vault_get_record (f->vault, stay_id, NULL);

    page = lyg_main_page_new_record (main_page, "stay", lyg_record_get_string (stay, "person"));
    g_assert_true (LYG_IS_STAY_PAGE (page));
    g_assert_cmpstr (lyg_stay_page_get_title (LYG_STAY_PAGE (page)), ==, "Joy O.");
    g_assert_false (gtk_widget_get_visible (ui_test_child (page, ADW_TYPE_PREFERENCES_GROUP,
                                                   "resident_group")));
    lyg_main_page_go_back (main_page);
  }

  /* "New Resident" pushes an empty stay page. */
  lyg_main_page_go_back (main_page);
  lyg_main_page_go_back (main_page);
  ui_test_spin (400);
  gtk_widget_activate_action (lyg_main_page_get_section_page (main_page, "shelter"),
                              "shelter.new-resident", NULL);
  page = lyg_main_page_get_record_page (main_page);
  g_assert_true (LYG_IS_STAY_PAGE (page));
  g_assert_null (lyg_stay_page_get_stay_id (LYG_STAY_PAGE (page)));

  lyg_main_page_set_context (main_page, NULL);
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
  g_test_add ("/lyg/shelter/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("resident", test_resident);
  ADD ("main-page", test_main_page);

  return g_test_run ();
}
