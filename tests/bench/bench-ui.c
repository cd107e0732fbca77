/* bench-ui.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How the people list of a 100,000-record vault feels: the time from
 * starting the unlock on the unlock page to the first frame of the people
 * list with rows, and the time per keystroke of a search, from the new text
 * to a drawn frame of the filtered list. Each is set beside a peer measured
 * in the same run without any UI (lyg_vault_unlock, lyg_index_search), so
 * the UI's share shows as a ratio. Prints figures; never fails on them.
 *
 * Run under a display:
 *   xvfb-run -a dbus-run-session -- meson test -C BUILD --benchmark bench-ui -v
 * Without one it exits 77 (skipped). BENCH_UI_RECORDS changes the count.
 */

#define G_LOG_DOMAIN "bench-ui"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <stdlib.h>

#include "lyg-list-page.h"
#include "lyg-main-page.h"
#include "lyg-unlock-page.h"
#include "lyg-window.h"

#define PASSPHRASE   "violet anchor meadow 42"
#define WAIT_MS      120000
#define N_UNLOCKS    3
#define N_ROUNDS     10

static const char * const queries[] = { "m", "ma", "mar", "mari", "maria" };

static const char * const first_names[] = {
  "Maria", "Mariana", "Marta", "Mirela", "Elena", "Ana", "Anca", "Ioana", "Daniela", "Joy",
  "Grace", "Blessing", "Nok", "Linh", "Mai", "Katarzyna", "Olena", "Iryna", "Svetlana", "Rosa",
  "Ivan", "Andrei", "Mihai", "Stefan", "Tomasz", "Bogdan", "Precious", "Esther", "Lan", "Hoa",
  "Valentina", "Cristina", "Gabriela", "Simona", "Adriana", "Petra", "Milena", "Desislava",
  "Yana", "Aisha",
};

static const char * const nationalities[] = {
  "RO", "BG", "NG", "TH", "VN", "UA", "PL", "HU", "CN", "ES",
};

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
  guint tick = g_timeout_add (5, on_tick_cb, NULL);
  gboolean ok;

  while (!(ok = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);

  if (!ok)
    g_error ("Timed out");

  return ok;
}

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;
  guint tick = g_timeout_add (5, on_tick_cb, NULL);

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

  g_assert_nonnull (object);

  return object;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Nearest-rank percentile of @values (sorted in place). */
static double
percentile (GArray *values,
            double  p)
{
  guint rank;

  g_array_sort (values, compare_doubles);
  rank = (guint) (p / 100.0 * values->len + 0.999999);
  rank = CLAMP (rank, 1, values->len);

  return g_array_index (values, double, rank - 1);
}

/* --- Waiting for a drawn frame ------------------------------------------ */

typedef struct
{
  GtkWidget *widget;
  guint      n_painted;
  gulong     handler;
} FrameWait;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   FrameWait     *w)
{
  w->n_painted++;
}

static void
frame_wait_begin (FrameWait *w,
                  GtkWidget *widget)
{
  w->widget = widget;
  w->n_painted = 0;
  w->handler = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                                 G_CALLBACK (on_after_paint_cb), w);
}

static gboolean
frame_painted (gpointer data)
{
  return ((FrameWait *) data)->n_painted > 0;
}

static void
frame_wait_end (FrameWait *w)
{
  wait_for (frame_painted, w);
  g_clear_signal_handler (&w->handler, gtk_widget_get_frame_clock (w->widget));
}

/* --- Conditions ---------------------------------------------------------- */

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

/* The list view has rows: items in its model and row widgets made. */
static gboolean
list_has_rows (gpointer data)
{
  LygListPage *page = data;
  GtkWidget *view = GTK_WIDGET (lyg_list_page_get_list_view (page));

  return g_list_model_get_n_items (G_LIST_MODEL (lyg_list_page_get_model (page))) > 0 &&
         gtk_widget_get_mapped (view) &&
         gtk_widget_get_first_child (view) != NULL;
}

typedef struct
{
  LygListPage *page;
  const char  *query;
} QueryWait;

static gboolean
list_has_query (gpointer data)
{
  QueryWait *w = data;

  return g_strcmp0 (lyg_entry_list_get_query (lyg_list_page_get_model (w->page)), w->query) == 0;
}

/* --- The measurements ---------------------------------------------------- */

static char *
make_vault (const char *dir,
            guint       n_records)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LygVault) vault = NULL;
  LygKdfParams params = lyg_kdf_params_minimum ();
  char *path = g_build_filename (dir, "bench.lygte", NULL);
  gint64 start;

  vault = lyg_vault_create (path, PASSPHRASE, &params, &error);
  g_assert_no_error (error);
  if (!lyg_vault_get_unlocked (vault))
    {
      lyg_vault_unlock (vault, PASSPHRASE, &error);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < n_records; i++)
    {
      LygRecord *record = lyg_record_new ("person");
      g_autofree char *alias = g_strdup_printf ("%s %c.",
                                                first_names[i % G_N_ELEMENTS (first_names)],
                                                (int) ('A' + (i / G_N_ELEMENTS (first_names)) % 26));

      lyg_record_set_string (record, "alias", alias);
      lyg_record_set_string (record, "sex", i % 7 == 3 ? "man" : "woman");
      lyg_record_set_string (record, "nationality",
                             nationalities[(i / 3) % G_N_ELEMENTS (nationalities)]);
      g_ptr_array_add (records, record);
    }

  start = g_get_monotonic_time ();
  lyg_vault_save_records (vault, records, &error);
  g_assert_no_error (error);
  lyg_vault_wait_indexed (vault);
  g_print ("# %u people saved and indexed in %.0f ms\n", n_records, ms_since (start));

  lyg_vault_lock (vault);

  return path;
}

/* Unlock without any UI: key derivation, decrypting and indexing. */
static double
unlock_core (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LygVault) vault = lyg_vault_open (path, &error);
  gint64 start;
  double ms;

  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  lyg_vault_unlock (vault, PASSPHRASE, &error);
  g_assert_no_error (error);
  ms = ms_since (start);

  lyg_vault_lock (vault);

  return ms;
}

/* From "Unlock" to the first frame with rows in the people list. The
 * section is switched as soon as the main page shows, as if clicked at
 * once; a person's reaction time is not counted. */
static void
unlock_ui (LygWindow *window,
           double    *to_main,
           double    *to_rows)
{
  LygUnlockPage *unlock_page = child (window, LYG_TYPE_WINDOW, "unlock_page");
  LygMainPage *main_page = child (window, LYG_TYPE_WINDOW, "main_page");
  GtkWidget *row = child (unlock_page, LYG_TYPE_UNLOCK_PAGE, "passphrase_row");
  LygListPage *people;
  FrameWait frame;
  gint64 start;

  gtk_editable_set_text (GTK_EDITABLE (row), PASSPHRASE);

  start = g_get_monotonic_time ();
  g_signal_emit_by_name (row, "entry-activated");
  wait_for (window_shows_main, window);
  *to_main = ms_since (start);

  lyg_main_page_set_section (main_page, "people");
  people = LYG_LIST_PAGE (lyg_main_page_get_section_page (main_page, "people"));
  wait_for (list_has_rows, people);
  frame_wait_begin (&frame, GTK_WIDGET (window));
  frame_wait_end (&frame);
  *to_rows = ms_since (start);
}

static void
print_stats (const char *what,
             GArray     *values,
             double      peer_p50)
{
  double p50 = percentile (values, 50);
  double p95 = percentile (values, 95);

  g_print ("%-44s p50 %8.2f ms  p95 %8.2f ms  max %8.2f ms",
           what, p50, p95, g_array_index (values, double, values->len - 1));
  if (peer_p50 > 0)
    g_print ("  (%.1f× the index)", p50 / peer_p50);
  g_print ("\n");
}

int
main (int   argc,
      char *argv[])
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) core_unlocks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ui_mains = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ui_rows = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) peer = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) model = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) framed = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) entry = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) entry_model = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *env_records = g_getenv ("BENCH_UI_RECORDS");
  guint n_records = env_records != NULL ? (guint) atoi (env_records) : 100000;
  guint n_results[G_N_ELEMENTS (queries)] = { 0 };
  LygVault *vault;
  LygWindow *window;
  LygMainPage *main_page;
  LygListPage *people;
  GtkWidget *search_entry;
  double peer_p50;

  if (!gtk_init_check ())
    {
      g_print ("bench-ui: SKIP, no display (run it under xvfb-run)\n");
      return 77;
    }
  adw_init ();

  dir = g_dir_make_tmp ("lygte-bench-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = make_vault (dir, n_records);

  /* The peer: the same unlock without a window. */
  for (guint i = 0; i < N_UNLOCKS; i++)
    {
      double ms = unlock_core (path);

      g_array_append_val (core_unlocks, ms);
    }

  vault = lyg_vault_open (path, &error);
  g_assert_no_error (error);

  window = g_object_new (LYG_TYPE_WINDOW,
                         "path", path,
                         "vault", vault,
                         "kdf-profile", "minimum",
                         NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 700);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (widget_mapped, window);
  spin (300);

  for (guint i = 0; i < N_UNLOCKS; i++)
    {
      double to_main, to_rows;

      unlock_ui (window, &to_main, &to_rows);
      g_array_append_val (ui_mains, to_main);
      g_array_append_val (ui_rows, to_rows);

      if (i + 1 < N_UNLOCKS)
        {
          lyg_window_lock (window);
          spin (300);
        }
    }

  main_page = child (window, LYG_TYPE_WINDOW, "main_page");
  people = LYG_LIST_PAGE (lyg_main_page_get_section_page (main_page, "people"));
  search_entry = child (main_page, LYG_TYPE_MAIN_PAGE, "search_entry");
  spin (300);

  /* The peer: the same queries on the index, without a list or a frame. */
  for (guint r = 0; r < N_ROUNDS; r++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        g_autoptr(GPtrArray) entries = NULL;
        gint64 start = g_get_monotonic_time ();
        double ms;

        entries = lyg_index_search (lyg_vault_get_index (vault), queries[q], "person", 0, &error);
        g_assert_no_error (error);
        ms = ms_since (start);
        g_array_append_val (peer, ms);
        n_results[q] = entries->len;
      }

  /* Keystrokes as the main page hands them to the list (after the search
   * entry's delay): the model updated, then a frame drawn. */
  for (guint r = 0; r < N_ROUNDS; r++)
    {
      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          FrameWait frame;
          gint64 start;
          double ms;

          frame_wait_begin (&frame, GTK_WIDGET (window));
          start = g_get_monotonic_time ();
          lyg_list_page_set_search (people, queries[q]);
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lyg_list_page_get_model (people))),
                            ==, n_results[q]);
          ms = ms_since (start);
          g_array_append_val (model, ms);
          frame_wait_end (&frame);
          ms = ms_since (start);
          g_array_append_val (framed, ms);
        }

      lyg_list_page_set_search (people, NULL);
      spin (50);
    }

  /* The same keystrokes typed into the search entry, end to end. This
   * includes GtkSearchEntry's search-delay (150 ms by default). */
  lyg_main_page_begin_search (main_page);
  for (guint r = 0; r < N_ROUNDS / 2; r++)
    {
      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          QueryWait w = { people, queries[q] };
          FrameWait frame;
          gint64 start;
          double ms;

          start = g_get_monotonic_time ();
          /* Typed as a person types: one more character at the end. Setting
           * the whole text would first empty the entry, and GtkSearchEntry
           * reports an empty text at once, listing all 100,000 people. */
          if (q > 0 && g_str_has_prefix (queries[q], queries[q - 1]))
            {
              int pos = -1;

              gtk_editable_insert_text (GTK_EDITABLE (search_entry),
                                        queries[q] + strlen (queries[q - 1]), -1, &pos);
            }
          else
            gtk_editable_set_text (GTK_EDITABLE (search_entry), queries[q]);
          wait_for (list_has_query, &w);
          ms = ms_since (start);
          g_array_append_val (entry_model, ms);
          frame_wait_begin (&frame, GTK_WIDGET (window));
          frame_wait_end (&frame);
          ms = ms_since (start);
          g_array_append_val (entry, ms);
        }

      gtk_editable_set_text (GTK_EDITABLE (search_entry), "");
      spin (300);
    }

  g_print ("# bench-ui: %u people, GTK %u.%u.%u, renderer %s, %u cores\n",
           n_records, gtk_get_major_version (), gtk_get_minor_version (),
           gtk_get_micro_version (),
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))),
           g_get_num_processors ());
  g_print ("# results per query:");
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    g_print (" \"%s\" %u", queries[q], n_results[q]);
  g_print ("\n");

  g_print ("unlock (%u runs, minimum KDF):\n", N_UNLOCKS);
  peer_p50 = percentile (core_unlocks, 50);
  print_stats ("  lyg_vault_unlock, no UI (peer)", core_unlocks, 0);
  g_print ("%-44s p50 %8.2f ms  (%.2f× the peer)\n", "  unlock page → main page shown",
           percentile (ui_mains, 50), percentile (ui_mains, 50) / peer_p50);
  g_print ("%-44s p50 %8.2f ms  (%.2f× the peer)\n", "  unlock page → first people-list frame",
           percentile (ui_rows, 50), percentile (ui_rows, 50) / peer_p50);
  g_print ("  runs:");
  for (guint i = 0; i < ui_rows->len; i++)
    g_print (" %.0f", g_array_index (ui_rows, double, i));
  g_print (" ms to first frame\n");

  g_print ("keystroke filter (%u keystrokes: m, ma, mar, mari, maria × %u):\n",
           peer->len, N_ROUNDS);
  peer_p50 = percentile (peer, 50);
  print_stats ("  lyg_index_search, no UI (peer)", peer, 0);
  print_stats ("  list model updated", model, peer_p50);
  print_stats ("  list model updated + frame drawn", framed, peer_p50);
  print_stats ("  typed in the search entry → model updated", entry_model, 0);
  print_stats ("  typed in the search entry → frame drawn", entry, 0);

  lyg_window_lock (window);
  gtk_window_destroy (GTK_WINDOW (window));
  spin (100);
  g_object_unref (vault);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);

  return 0;
}
