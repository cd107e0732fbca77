/* screenshot-tool.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Puts the real application window into one state and writes a PNG of it,
 * for tests/screenshots.sh. Not a test.
 *
 *   screenshot-tool --vault FILE --state STATE --output FILE.png
 *                   [--width W] [--height H] [--locale-dir DIR]
 *
 * STATE is one of unlock, people, person, screening, encounter, today,
 * shelter, stay, new-resident, statistics, statistics-export,
 * training, training-vignette, training-check, training-presentation (these
 * open the training vault next to --vault instead of unlocking it).
 * The passphrase comes from $LYGTE_PASSPHRASE. Every state but "unlock"
 * unlocks through the unlock page, as a person would.
 */

#define G_LOG_DOMAIN "screenshot-tool"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "lyg-activity-log-window.h"
#include "lyg-application.h"
#include "lyg-draft.h"
#include "lyg-encounter-editor.h"
#include "lyg-erase-dialog.h"
#include "lyg-list-page.h"
#include "lyg-retention.h"
#include "lyg-indicator-row.h"
#include "lyg-main-page.h"
#include "lyg-stats-page.h"
#include "lyg-training-page.h"
#include "lyg-training-presentation.h"
#include "lyg-unlock-page.h"
#include "lyg-window.h"

#define WAIT_MS 20000

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

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  if (object == NULL)
    g_error ("No template child %s", name);

  return object;
}

static gboolean
window_shows_main (gpointer data)
{
  return g_strcmp0 (lyg_window_get_visible_page (data), "main") == 0;
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
list_has_items (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (lyg_list_page_get_model (data))) > 0;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   guint         *n_frames)
{
  (*n_frames)++;
}

static gboolean
painted (gpointer data)
{
  return *(guint *) data > 0;
}

/* Mapped, laid out, transitions finished, and a frame drawn twice since. */
static void
settle (GtkWidget *window)
{
  GdkFrameClock *clock;
  guint n_frames = 0;
  gulong handler;

  if (!wait_for (widget_mapped, window))
    g_error ("The window was never mapped");

  /* Stack and leaflet transitions take 200–300 ms. */
  spin (700);

  clock = gtk_widget_get_frame_clock (window);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &n_frames);
  for (guint i = 0; i < 2; i++)
    {
      n_frames = 0;
      gtk_widget_queue_draw (window);
      if (!wait_for (painted, &n_frames))
        g_warning ("No frame was drawn");
    }
  g_signal_handler_disconnect (clock, handler);
}

static void
save_png (GtkWidget  *window,
          const char *output)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    g_error ("Nothing to draw");

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, output))
    g_error ("Could not write %s", output);

  g_print ("%s: %d×%d\n", output, width, height);
}

static char *
find_first (LygVault   *vault,
            const char *query,
            const char *type)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  LygIndex *index = lyg_vault_get_index (vault);

  if (query != NULL)
    entries = lyg_index_search (index, query, type, 0, &error);
  else
    entries = lyg_index_list (index, type, &error);

  if (entries == NULL || entries->len == 0)
    g_error ("No %s record %s%s", type, query ? "matching " : "", query ? query : "");

  return g_strdup (((LygIndexEntry *) g_ptr_array_index (entries, 0))->id);
}

static void
collect_toggles (GtkWidget *widget,
                 GPtrArray *toggles)
{
  if (GTK_IS_TOGGLE_BUTTON (widget))
    g_ptr_array_add (toggles, widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_toggles (c, toggles);
}

/* A quick encounter half typed in: where, who, how many, what was offered. */
static void
fill_encounter (LygEncounterEditor *editor)
{
  g_autoptr(GPtrArray) toggles = g_ptr_array_new ();
  GtkWidget *services = child (editor, LYG_TYPE_ENCOUNTER_EDITOR, "services_box");

  lyg_form_set_enum_combo (child (editor, LYG_TYPE_ENCOUNTER_EDITOR, "setting_row"), "street");
  gtk_editable_set_text (child (editor, LYG_TYPE_ENCOUNTER_EDITOR, "area_row"),
                         "Istedgade");
  gtk_spin_button_set_value (child (editor, LYG_TYPE_ENCOUNTER_EDITOR, "head_count_spin"), 3);
  /* After "Not recorded", the first language offered is Romanian. */
  adw_combo_row_set_selected (child (editor, LYG_TYPE_ENCOUNTER_EDITOR, "language_row"), 1);
  gtk_editable_set_text (child (editor, LYG_TYPE_ENCOUNTER_EDITOR, "note_row"),
                         g_str_equal (lyg_catalogue_get_default_language (), "da")
                         ? "To nye kvinder, taler kun rumænsk"
                         : "Two new women, speak only Romanian");

  collect_toggles (services, toggles);
  for (guint i = 0; i < toggles->len; i++)
    if (i == 0 || i == 2)
      gtk_toggle_button_set_active (g_ptr_array_index (toggles, i), TRUE);
}

static void
unlock (LygWindow  *window,
        const char *passphrase)
{
  LygUnlockPage *page = child (window, LYG_TYPE_WINDOW, "unlock_page");
  GtkWidget *row = child (page, LYG_TYPE_UNLOCK_PAGE, "passphrase_row");

  gtk_editable_set_text (GTK_EDITABLE (row), passphrase);
  g_signal_emit_by_name (row, "entry-activated");

  if (!wait_for (window_shows_main, window))
    g_error ("The vault did not unlock");
}

/* A window other than the main one to shoot, for the CSV export. */
static GtkWidget *shot_window;

/* The Statistics page over the year of the demo vault; with @export, the
 * CSV it exports, shown as text in a window of its own. */
static void
show_statistics (LygMainPage *main_page,
                 gboolean     export)
{
  GtkWidget *page;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *view, *scrolled;
  GDate today;

  lyg_main_page_set_section (main_page, "statistics");
  page = lyg_main_page_get_section_page (main_page, "statistics");
  if (!LYG_IS_STATS_PAGE (page))
    g_error ("No statistics page");
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  lyg_stats_page_set_period (LYG_STATS_PAGE (page), LYG_STATS_YEAR, &today, NULL);
  if (!export)
    return;

  dir = g_dir_make_tmp ("lygte-shot-XXXXXX", NULL);
  path = g_build_filename (dir, "statistics.csv", NULL);
  file = g_file_new_for_path (path);
  if (!lyg_stats_page_export_to_file (LYG_STATS_PAGE (page), file, &error) ||
      !g_file_get_contents (path, &csv, NULL, &error))
    g_error ("Export failed: %s", error->message);
  g_unlink (path);
  g_rmdir (dir);

  view = gtk_text_view_new ();
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), csv, -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  shot_window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (shot_window), "statistics.csv");
  gtk_window_set_default_size (GTK_WINDOW (shot_window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (shot_window), scrolled);
  gtk_window_present (GTK_WINDOW (shot_window));
}

/* The person page scrolled to its "Personal Data" group. */
static void
scroll_to_end (GtkWidget *page)
{
  GtkWidget *scrolled = gtk_widget_get_first_child (page);
  GtkAdjustment *adjustment;

  if (!GTK_IS_SCROLLED_WINDOW (scrolled))
    g_error ("The person page does not scroll");

  spin (700);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment));
}

/* A closed person as if another device had closed them a retention
 * period less three days ago: the stamps are old, which a save here could
 * not make, so the revision comes in as a merge. */
static void
add_closed_person (LygVault   *vault,
                   const char *alias)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) closed = g_date_time_add_months (now, -LYG_RETENTION_DEFAULT_MONTHS);
  g_autoptr(LygRecord) record = lyg_record_new ("person");
  g_autoptr(GPtrArray) envelopes = g_ptr_array_new_with_free_func ((GDestroyNotify) lyg_envelope_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *plain = NULL;
  const char *key_id = lyg_vault_get_active_key_id (vault);
  LygKey *key = lyg_vault_dup_team_key (vault, key_id);
  gsize plain_len = 0;

  stamp = lyg_stamp_format ((g_date_time_to_unix (closed) + 3 * 24 * 3600) * 1000, 0,
                            "00000000000000ff");
  lyg_record_set_string (record, "alias", alias);
  lyg_record_set_string (record, "status", "closed");
  lyg_record_stamp_pending (record, stamp);
  plain = lyg_record_serialize (record, &plain_len);
  g_ptr_array_add (envelopes, lyg_envelope_seal (key, key_id, lyg_record_get_id (record), stamp,
                                                 "00000000000000ff", (const guint8 *) plain,
                                                 plain_len));
  lyg_key_free (key);
  if (!lyg_vault_merge_envelopes (vault, envelopes, NULL, &error))
    g_error ("%s", error->message);
}

/* Puts the window into @state; returns what to shoot when it is not the
 * window itself (a dialog in front of it). */
static GtkWidget *
show_state (LygWindow  *window,
            const char *state)
{
  LygMainPage *main_page = child (window, LYG_TYPE_WINDOW, "main_page");
  LygVault *vault = lyg_window_get_vault (window);
  g_autofree char *id = NULL;

  if (g_str_equal (state, "today"))
    {
      lyg_main_page_set_section (main_page, "today");
    }
  else if (g_str_equal (state, "retention"))
    {
      add_closed_person (vault, "Olena V.");
      lyg_main_page_set_section (main_page, "today");
    }
  else if (g_str_equal (state, "people"))
    {
      lyg_main_page_set_section (main_page, "people");
      if (!wait_for (list_has_items, lyg_main_page_get_section_page (main_page, "people")))
        g_error ("The people list stayed empty");
    }
  else if (g_str_equal (state, "person"))
    {
      lyg_main_page_set_section (main_page, "people");
      id = find_first (vault, "Maria", "person");
      if (!lyg_main_page_open_record (main_page, id))
        g_error ("Could not open the person");
    }
  else if (g_str_equal (state, "screening"))
    {
      lyg_main_page_set_section (main_page, "screenings");
      id = find_first (vault, NULL, "screening");
      if (!lyg_main_page_open_record (main_page, id))
        g_error ("Could not open the screening");
    }
  else if (g_str_equal (state, "shelter"))
    {
      lyg_main_page_set_section (main_page, "shelter");
    }
  else if (g_str_equal (state, "stay"))
    {
      lyg_main_page_set_section (main_page, "shelter");
      id = find_first (vault, "Birgitte", "stay");
      if (!lyg_main_page_open_record (main_page, id))
        g_error ("Could not open the stay");
    }
  else if (g_str_equal (state, "new-resident"))
    {
      lyg_main_page_set_section (main_page, "shelter");
      if (lyg_main_page_new_record (main_page, "stay", NULL) == NULL)
        g_error ("No stay page");
    }
  else if (g_str_equal (state, "encounter"))
    {
      GtkWidget *editor;

      lyg_main_page_set_section (main_page, "encounters");
      editor = lyg_main_page_new_record (main_page, "encounter", NULL);
      if (!LYG_IS_ENCOUNTER_EDITOR (editor))
        g_error ("No encounter editor");
      fill_encounter (LYG_ENCOUNTER_EDITOR (editor));
    }
  else if (g_str_equal (state, "person-rights") || g_str_equal (state, "erase"))
    {
      GtkWidget *page;

      lyg_main_page_set_section (main_page, "people");
      id = find_first (vault, "Maria", "person");
      if (!lyg_main_page_open_record (main_page, id))
        g_error ("Could not open the person");
      page = lyg_main_page_get_record_page (main_page);
      if (g_str_equal (state, "person-rights"))
        scroll_to_end (page);
      else
        {
          g_autoptr(GError) error = NULL;
          GtkWidget *dialog;

          settle (GTK_WIDGET (window));
          dialog = lyg_erase_dialog_new (GTK_WINDOW (window), vault, id, &error);
          if (dialog == NULL)
            g_error ("%s", error->message);
          /* Confirmed, so that the destructive button shows as it will. */
          gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))),
                                 lyg_erase_dialog_get_confirm_text (LYG_ERASE_DIALOG (dialog)));
          gtk_window_present (GTK_WINDOW (dialog));
          return dialog;
        }
    }
  else if (g_str_equal (state, "activity-log"))
    {
      GtkWidget *log;

      settle (GTK_WIDGET (window));
      log = lyg_activity_log_window_new (GTK_WINDOW (window), vault);
      gtk_window_present (GTK_WINDOW (log));
      return log;
    }
  else if (g_str_equal (state, "statistics") || g_str_equal (state, "statistics-export"))
    {
      show_statistics (main_page, g_str_equal (state, "statistics-export"));
    }
  else
    {
      g_error ("Unknown state %s", state);
    }

  return NULL;
}

/* Training states (issue 7): the vignette being screened, the check, and
 * presentation mode, all on the shipped greenhouse scenario. */
static GtkWidget *
find_indicator_row (GtkWidget  *root,
                    const char *id)
{
  if (LYG_IS_INDICATOR_ROW (root) &&
      g_str_equal (lyg_indicator_row_get_indicator (LYG_INDICATOR_ROW (root))->id, id))
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_indicator_row (c, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
show_training_state (LygWindow  *window,
                     const char *state,
                     int         width,
                     int         height)
{
  static const char * const answers[][2] = {
    { "dr.wages-earnings", "reported_button" },
    { "dr.conditions-of-work", "reported_button" },
    { "dr.housing-living", "observed_button" },
    { "ec.excessive-hours", "observed_button" },
    { "ec.bad-living-conditions", "observed_button" },
    { "cd.confiscation-of-documents", "not_present_button" },
    { "cr.violence", "observed_button" },
    { "vd.unknown-area", "reported_button" },
  };
  LygMainPage *main_page = child (window, LYG_TYPE_WINDOW, "main_page");
  g_autoptr(GError) error = NULL;
  LygTrainingSession *session;
  LygScreeningPage *screening;
  GtkWindow *presentation;
  GtkWidget *page;

  if (!lyg_window_enter_training (window, &error))
    g_error ("%s", error->message);

  page = lyg_main_page_get_section_page (main_page, "training");
  if (g_str_equal (state, "training"))
    return GTK_WIDGET (window);

  session = lyg_training_page_open_scenario (LYG_TRAINING_PAGE (page), "agriculture-greenhouse",
                                             &error);
  if (session == NULL)
    g_error ("%s", error->message);
  if (g_str_equal (state, "training-vignette"))
    return GTK_WIDGET (window);

  spin (100);
  screening = lyg_training_session_get_screening_page (session);
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      GtkWidget *row = find_indicator_row (GTK_WIDGET (screening), answers[i][0]);

      if (row == NULL)
        g_error ("No indicator %s", answers[i][0]);
      gtk_toggle_button_set_active (child (row, LYG_TYPE_INDICATOR_ROW, answers[i][1]), TRUE);
    }

  if (!lyg_training_session_check (session, &error))
    g_error ("%s", error->message);
  if (g_str_equal (state, "training-check"))
    return GTK_WIDGET (window);

  if (!g_str_equal (state, "training-presentation"))
    g_error ("Unknown state %s", state);

  /* Full screen on a projector; the same window at the shot's size here. */
  presentation = lyg_training_session_present (session);
  gtk_window_unfullscreen (presentation);
  gtk_window_set_default_size (presentation, width, height);
  lyg_training_presentation_set_show_key (LYG_TRAINING_PRESENTATION (presentation), TRUE);
  lyg_training_presentation_set_slide (LYG_TRAINING_PRESENTATION (presentation), 1);

  return GTK_WIDGET (presentation);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(LygApplication) app = NULL;
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *vault_path = NULL;
  g_autofree char *state = NULL;
  g_autofree char *output = NULL;
  g_autofree char *locale_dir = NULL;
  const char *passphrase = g_getenv ("LYGTE_PASSPHRASE");
  int width = 960;
  int height = 700;
  GOptionEntry entries[] = {
    { "vault", 0, 0, G_OPTION_ARG_FILENAME, &vault_path, "The vault", "FILE" },
    { "state", 0, 0, G_OPTION_ARG_STRING, &state, "What to show", "STATE" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, "The PNG to write", "FILE" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "H" },
    { "locale-dir", 0, 0, G_OPTION_ARG_FILENAME, &locale_dir,
      "Where lygte.mo is (default: the configured LOCALEDIR)", "DIR" },
    { NULL }
  };
  LygWindow *window;
  GtkWidget *target = NULL;

  options = g_option_context_new ("- put Lygte into a state and save a PNG");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (vault_path == NULL || state == NULL || output == NULL)
    {
      g_printerr ("--vault, --state and --output are needed\n");
      return 2;
    }

  if (!g_str_equal (state, "unlock") && passphrase == NULL)
    {
      g_printerr ("LYGTE_PASSPHRASE is not set\n");
      return 2;
    }

  /* As src/main.c does, but the catalogue may live in a staging dir. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir != NULL ? locale_dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!gtk_init_check ())
    {
      g_printerr ("No display\n");
      return 77;
    }

  /* The real application, so its style sheet and icons load as usual. */
  app = lyg_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  if (!(vault = lyg_vault_open (vault_path, &error)))
    g_error ("%s", error->message);

  window = lyg_window_new (app, vault, vault_path);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));

  if (g_str_has_prefix (state, "training"))
    {
      target = show_training_state (window, state, width, height);
    }
  else if (!g_str_equal (state, "unlock"))
    {
      unlock (window, passphrase);
      target = show_state (window, state);
    }

  if (target == NULL)
    target = shot_window != NULL ? shot_window : GTK_WIDGET (window);
  settle (GTK_WIDGET (window));
  settle (target);
  save_png (target, output);
  if (shot_window != NULL)
    gtk_window_destroy (GTK_WINDOW (shot_window));

  /* Lets the script check which language it got. */
  g_print ("language: %s (\"People\" is \"%s\")\n",
           lyg_catalogue_get_default_language (), _("People"));

  lyg_window_lock (window);
  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);

  return 0;
}
