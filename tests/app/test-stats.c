/* test-stats.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lyg-stats-page.h"

#define PASSPHRASE "violet anchor meadow 42"

/* The Statistics page on a small vault: the figures it shows and the CSV
 * it exports. */

static void
save (LygVault   *vault,
      LygRecord  *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lyg_vault_save_record (vault, record, &error));
  g_assert_no_error (error);
}

static void
save_encounter (LygVault   *vault,
                const char *when,
                const char *person,
                int         head_count)
{
  g_autoptr(LygRecord) r = lyg_record_new ("encounter");

  lyg_record_set_string (r, "when", when);
  lyg_record_set_string (r, "setting", "street");
  if (person != NULL)
    lyg_record_set_string (r, "person", person);
  else
    lyg_record_set_int (r, "head_count", head_count);
  save (vault, r);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
shown_figure (GtkWidget  *page,
              const char *id)
{
  g_autofree char *name = g_strdup_printf ("figure-%s", id);
  GtkWidget *label = find_named (page, name);

  g_assert_nonnull (label);
  g_assert_true (GTK_IS_LABEL (label));

  return gtk_label_get_label (GTK_LABEL (label));
}

static void
test_page (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lygte-stats-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "vault.lygte", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "stats.csv", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(LygContext) context = NULL;
  g_autoptr(LygRecord) rosa = NULL;
  g_autoptr(LygRecord) referral = NULL;
  g_autofree char *csv = NULL;
  LygKdfParams params = lyg_kdf_params_minimum ();
  GtkWindow *window;
  GtkWidget *page;
  GDate day;

  vault = lyg_vault_create (path, PASSPHRASE, &params, &error);
  g_assert_no_error (error);
  if (!lyg_vault_get_unlocked (vault))
    g_assert_true (lyg_vault_unlock (vault, PASSPHRASE, &error));
  context = lyg_context_new (vault, NULL);

  rosa = lyg_record_new ("person");
  lyg_record_set_string (rosa, "alias", "Rosa");
  lyg_record_set_string (rosa, "sex", "woman");
  lyg_record_set_string (rosa, "nationality", "RO");
  save (vault, rosa);

  /* March: three encounters with Rosa, three anonymous ones with two
   * people each, a referral; February: two anonymous encounters. */
  save_encounter (vault, "2026-03-01T10:00:00+01:00", lyg_record_get_id (rosa), 0);
  save_encounter (vault, "2026-03-12T10:00:00+01:00", lyg_record_get_id (rosa), 0);
  save_encounter (vault, "2026-03-31T22:00:00+02:00", lyg_record_get_id (rosa), 0);
  for (guint i = 0; i < 3; i++)
    save_encounter (vault, "2026-03-20T21:00:00+01:00", NULL, 2);
  save_encounter (vault, "2026-02-20T21:00:00+01:00", NULL, 1);
  save_encounter (vault, "2026-02-28T21:00:00+01:00", NULL, 1);
  save_encounter (vault, "2026-04-01T00:10:00+02:00", NULL, 9);
  referral = lyg_record_new ("referral");
  lyg_record_set_string (referral, "person", lyg_record_get_id (rosa));
  lyg_record_set_string (referral, "target", "police");
  lyg_record_set_string (referral, "date", "2026-03-05");
  save (vault, referral);

  page = lyg_stats_page_new (context);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1000, 800);
  gtk_window_set_child (window, page);
  gtk_window_present (window);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 15, G_DATE_MARCH, 2026);
  lyg_stats_page_set_period (LYG_STATS_PAGE (page), LYG_STATS_MONTH, &day, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpstr (shown_figure (page, "encounters"), ==, "6");
  g_assert_cmpstr (shown_figure (page, "anonymous_contacts"), ==, "6");
  g_assert_cmpstr (shown_figure (page, "people_reached"), ==, "1");
  g_assert_cmpstr (shown_figure (page, "referrals"), ==, "1");
  g_assert_cmpstr (shown_figure (page, "screenings"), ==, "0");
  /* Every breakdown has its chart and its table. */
  g_assert_nonnull (find_named (page, "people_by_sex"));
  g_assert_nonnull (find_named (page, "referrals_by_target"));

  g_assert_true (lyg_stats_page_export_to_file (LYG_STATS_PAGE (page), csv_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));

  g_assert_true (g_str_has_prefix (csv, "table,category,label,current,previous,change\r\n"));
  g_assert_nonnull (strstr (csv, "period,first_day,First day,2026-03-01,2026-02-01,\r\n"));
  g_assert_nonnull (strstr (csv, "period,last_day,Last day,2026-03-31,2026-02-28,\r\n"));
  g_assert_nonnull (strstr (csv, "summary,encounters,Encounters,6,<5,\r\n"));
  g_assert_nonnull (strstr (csv, "summary,anonymous_contacts,Anonymous contacts,6,<5,\r\n"));
  g_assert_nonnull (strstr (csv, "summary,people_reached,People reached,<5,0,\r\n"));
  /* February's two encounters are a small total: its cells are withheld. */
  g_assert_nonnull (strstr (csv, "encounters_by_setting,street,Street,6,x,\r\n"));
  g_assert_nonnull (strstr (csv, "encounters_by_setting,brothel,Brothel,0,x,\r\n"));
  g_assert_nonnull (strstr (csv, "encounters_by_setting,total,Total,6,<5,\r\n"));
  g_assert_nonnull (strstr (csv, "people_by_sex,woman,Woman,x,0,\r\n"));
  g_assert_nonnull (strstr (csv, "people_by_sex,total,Total,<5,0,\r\n"));
  g_assert_null (strstr (csv, ",1,"));
  g_assert_null (strstr (csv, "Rosa"));

  /* The printed report comes out as a PDF. */
  {
    g_autofree char *pdf_path = g_build_filename (dir, "stats.pdf", NULL);
    g_autofree char *pdf = NULL;
    gsize len = 0;

    g_assert_true (lyg_stats_page_print_to_pdf (LYG_STATS_PAGE (page), pdf_path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (pdf_path, &pdf, &len, NULL));
    g_assert_true (g_str_has_prefix (pdf, "%PDF"));
    g_assert_cmpuint (len, >, 1000);
    g_unlink (pdf_path);
  }

  /* The next month has the encounter just after midnight on 1 April. */
  g_date_set_dmy (&day, 1, G_DATE_APRIL, 2026);
  lyg_stats_page_set_period (LYG_STATS_PAGE (page), LYG_STATS_MONTH, &day, NULL);
  g_assert_cmpstr (shown_figure (page, "encounters"), ==, "1");
  g_assert_cmpstr (shown_figure (page, "anonymous_contacts"), ==, "9");

  gtk_window_destroy (window);
  g_clear_object (&context);
  lyg_vault_lock (vault);
  g_clear_object (&vault);
  {
    static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
        g_unlink (file);
      }
    g_unlink (csv_path);
    g_rmdir (dir);
  }
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

  g_test_add_func ("/lyg/stats/page", test_page);

  return g_test_run ();
}
