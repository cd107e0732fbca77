/* test-rights-ui.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lyg-activity-log-window.h"
#include "lyg-audit.h"
#include "lyg-erase-dialog.h"
#include "lyg-erasure.h"
#include "lyg-person-page.h"
#include "lyg-preferences-window.h"
#include "lyg-retention.h"
#include "lyg-retention-section.h"

/* The erase flow on the person page, the activity log window and the
 * retention warning section. */

#define PASSPHRASE "violet anchor meadow 42"
#define WAIT_MS    10000

typedef struct
{
  char       *dir;
  char       *path;
  LygVault   *vault;
  LygContext *context;
  GtkWindow  *window;
  char       *person;
  char       *encounter;
  char       *referral;
  char       *other;
  guint       n_done;
} Fixture;

static char *
save (LygVault   *vault,
      const char *type,
      const char *field,
      const char *value)
{
  g_autoptr(LygRecord) record = lyg_record_new (type);
  g_autoptr(GError) error = NULL;

  lyg_record_set_string (record, field, value);
  lyg_vault_save_record (vault, record, &error);
  g_assert_no_error (error);

  return g_strdup (lyg_record_get_id (record));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LygKdfParams params = lyg_kdf_params_minimum ();

  f->dir = g_dir_make_tmp ("lygte-rights-XXXXXX", &error);
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

  f->person = save (f->vault, "person", "alias", "Mira");
  f->encounter = save (f->vault, "encounter", "person", f->person);
  f->referral = save (f->vault, "referral", "person", f->person);
  f->other = save (f->vault, "person", "alias", "Zoltan");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  if (f->window != NULL)
    gtk_window_destroy (f->window);
  g_clear_object (&f->context);
  g_clear_object (&f->vault);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);
      g_unlink (file);
    }

  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
  g_free (f->person);
  g_free (f->encounter);
  g_free (f->referral);
  g_free (f->other);
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

static LygEraseDialog *
find_erase_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gint64 deadline = g_get_monotonic_time () + WAIT_MS * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < deadline)
    {
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

          if (LYG_IS_ERASE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
            return LYG_ERASE_DIALOG (window);
        }
      spin (20);
    }

  return NULL;
}

static void
on_done_cb (LygPersonPage *page,
            Fixture       *f)
{
  f->n_done++;
}

static LygPersonPage *
show_person_page (Fixture *f)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *page = lyg_person_page_new (f->context, f->person);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 700);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (f->window, overlay);
  g_signal_connect (page, "done", G_CALLBACK (on_done_cb), f);
  gtk_window_present (f->window);
  spin (100);

  return LYG_PERSON_PAGE (page);
}

static gboolean
is_live (Fixture    *f,
         const char *id)
{
  g_autoptr(LygIndexEntry) entry = lyg_index_lookup (lyg_vault_get_index (f->vault), id);

  return entry != NULL;
}

static void
test_erase_flow (Fixture       *f,
                 gconstpointer  data)
{
  LygPersonPage *page = show_person_page (f);
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "person.erase", NULL));
  dialog = ADW_MESSAGE_DIALOG (find_erase_dialog ());
  g_assert_nonnull (dialog);

  /* It says what goes, and wants the alias typed. */
  g_assert_cmpuint (lyg_erase_dialog_get_n_records (LYG_ERASE_DIALOG (dialog)), ==, 3);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 person"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 encounter"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 referral"));
  g_assert_cmpstr (lyg_erase_dialog_get_confirm_text (LYG_ERASE_DIALOG (dialog)), ==, "Mira");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "erase"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "erase"));

  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gtk_editable_set_text (entry, "Zoltan");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "erase"));
  /* A refused response does nothing. */
  adw_message_dialog_response (dialog, "erase");
  spin (50);
  g_assert_true (is_live (f, f->person));

  dialog = ADW_MESSAGE_DIALOG (find_erase_dialog ());
  if (dialog == NULL)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "person.erase", NULL));
      dialog = ADW_MESSAGE_DIALOG (find_erase_dialog ());
    }
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gtk_editable_set_text (entry, " Mira ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "erase"));
  adw_message_dialog_response (dialog, "erase");
  spin (100);

  g_assert_cmpuint (f->n_done, ==, 1);
  g_assert_false (is_live (f, f->person));
  g_assert_false (is_live (f, f->encounter));
  g_assert_false (is_live (f, f->referral));
  g_assert_true (is_live (f, f->other));

  log = lyg_audit_list (f->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((LygAuditEntry *) log->pdata[0])->event, ==, LYG_AUDIT_ERASE);
}

static void
test_erase_cancel (Fixture       *f,
                   gconstpointer  data)
{
  LygPersonPage *page = show_person_page (f);
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "person.erase", NULL));
  dialog = ADW_MESSAGE_DIALOG (find_erase_dialog ());
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Mira");
  adw_message_dialog_response (dialog, "cancel");
  spin (100);

  g_assert_cmpuint (f->n_done, ==, 0);
  g_assert_true (is_live (f, f->person));
  g_assert_true (is_live (f, f->encounter));
}

static void
test_activity_log (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  g_autofree char *detail = NULL;

  g_assert_true (lyg_erasure_erase_person (f->vault, f->other, NULL, &error));
  g_assert_no_error (error);

  window = lyg_activity_log_window_new (NULL, f->vault);
  gtk_window_present (GTK_WINDOW (window));
  spin (50);
  entries = lyg_audit_list (f->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >=, 1);
  g_assert_cmpuint (lyg_activity_log_window_get_n_rows (LYG_ACTIVITY_LOG_WINDOW (window)), ==,
                    entries->len);
  gtk_window_destroy (GTK_WINDOW (window));

  detail = lyg_activity_log_describe_detail ("persons=1;records=3");
  g_assert_cmpstr (detail, ==, "1 person, 3 records");
}

static gint64 fake_ms;

static gint64
fake_clock (gpointer user_data)
{
  return fake_ms;
}

static void
test_retention_section (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) closed = g_date_time_add_months (now, -(int) LYG_RETENTION_DEFAULT_MONTHS);
  g_autofree char *path = g_build_filename (f->dir, "retention.lygte", NULL);
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(LygContext) context = NULL;
  g_autoptr(LygRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  LygKdfParams params = lyg_kdf_params_minimum ();
  LygRetentionSection *section;

  /* A vault of its own, whose clock has seen nothing newer: the person
   * is closed long enough ago to be due in three days. */
  vault = lyg_vault_create (path, PASSPHRASE, &params, &error);
  g_assert_no_error (error);
  fake_ms = (g_date_time_to_unix (closed) + 3 * 24 * 3600) * 1000;
  lyg_hlc_set_clock_func (lyg_vault_get_clock (vault), fake_clock, NULL);
  context = lyg_context_new (vault, NULL);

  section = g_object_ref_sink (g_object_new (LYG_TYPE_RETENTION_SECTION, NULL));
  lyg_retention_section_set_context (section, context);
  g_assert_cmpuint (lyg_retention_section_get_n_items (section), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (section)));

  record = lyg_record_new ("person");
  lyg_record_set_string (record, "alias", "Closed");
  lyg_record_set_string (record, "status", "closed");
  lyg_vault_save_record (vault, record, &error);
  g_assert_no_error (error);

  /* It follows the vault's changes by itself. */
  spin (50);
  g_assert_cmpuint (lyg_retention_section_get_n_items (section), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (section)));

  g_assert_true (lyg_retention_keep (vault, lyg_record_get_id (record), "Case open",
                                     g_date_time_to_unix (now), &error));
  lyg_retention_section_refresh (section);
  g_assert_cmpuint (lyg_retention_section_get_n_items (section), ==, 0);

  lyg_retention_section_set_context (section, NULL);
  g_object_unref (section);
  g_clear_object (&context);
  g_clear_object (&vault);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* Preferences → Data Protection shows and changes the vault's period. */
static void
test_retention_preference (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *window = lyg_preferences_window_new (f->context, NULL);
  GtkSpinButton *spin_button;

  spin_button = GTK_SPIN_BUTTON (gtk_widget_get_template_child (window,
                                                                LYG_TYPE_PREFERENCES_WINDOW,
                                                                "retention_spin"));
  g_assert_nonnull (spin_button);
  gtk_window_present (GTK_WINDOW (window));
  spin (50);

  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (spin_button)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin_button), ==,
                   LYG_RETENTION_DEFAULT_MONTHS);
  gtk_spin_button_set_value (spin_button, 12);
  g_assert_cmpuint (lyg_retention_get_months (f->vault), ==, 12);

  gtk_window_destroy (GTK_WINDOW (window));
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
  g_test_add ("/lyg/rights/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("erase-flow", test_erase_flow);
  ADD ("erase-cancel", test_erase_cancel);
  ADD ("activity-log", test_activity_log);
  ADD ("retention-section", test_retention_section);
  ADD ("retention-preference", test_retention_preference);

  return g_test_run ();
}
