/* lyg-shelter-page.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-shelter-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-schema.h"
#include "lyg-shelter-page.h"
#include "lyg-stay-status.h"
#include "lyg-stay.h"

/* The Shelter section: who is staying now, the most urgent deadline
 * first, and who left lately. Refreshing it also makes the follow-ups
 * for deadlines that come into view (lyg_stay_ensure_followups()), so
 * they reach the Today page on every device that has the shelter open.
 */

#define RECENT_DAYS 30

struct _LygShelterPage
{
  AdwBin               parent_instance;

  /* Owned */
  LygContext          *context;
  GDate                today;         /* invalid: the real today */
  GPtrArray           *residents;     /* stay ids, in the order shown */
  guint                refresh_source;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  GtkLabel            *title_label;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *residents_group;
  GtkListBox          *residents_list;
  AdwPreferencesGroup *departed_group;
  GtkListBox          *departed_list;
};

G_DEFINE_FINAL_TYPE (LygShelterPage, lyg_shelter_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  OPEN_RECORD,
  NEW_RECORD,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static LygVault *
get_vault (LygShelterPage *self)
{
  return lyg_context_get_vault (self->context);
}

static void
get_today (LygShelterPage *self,
           GDate          *today)
{
  if (g_date_valid (&self->today))
    *today = self->today;
  else
    lyg_stay_today (today);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static char *
person_alias (LygShelterPage *self,
              LygRecord      *stay)
{
  const char *person = lyg_record_get_string (stay, "person");
  g_autoptr(LygIndexEntry) entry = NULL;

  if (person != NULL)
    entry = lyg_index_lookup (lyg_vault_get_index (get_vault (self)), person);

  return g_strdup (entry ? entry->title : _("Unknown person"));
}

static GtkWidget *
create_row (LygShelterPage *self,
            LygRecord      *stay,
            const GDate    *today)
{
  g_autofree char *alias = person_alias (self, stay);
  g_autofree char *arrival = lyg_stay_date_label (lyg_record_get_string (stay, "arrival"));
  g_autofree char *departure = lyg_stay_date_label (lyg_record_get_string (stay, "departure"));
  g_autofree char *accessible = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *place = lyg_schema_enum_label ("stay_place", lyg_record_get_string (stay, "place"));
  const char *shelter = lyg_record_get_string (stay, "shelter");
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  GDate last_day;

  g_string_append (subtitle, shelter ? shelter : place ? place : "");
  if (departure != NULL)
    {
      const char *outcome = lyg_schema_enum_label ("stay_outcome",
                                                   lyg_record_get_string (stay, "outcome"));

      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      /* Translators: a date */
      g_string_append_printf (subtitle, _("Left %s"), departure);
      if (outcome != NULL)
        g_string_append_printf (subtitle, " · %s", outcome);
    }
  else
    {
      if (arrival != NULL)
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          /* Translators: a date */
          g_string_append_printf (subtitle, _("Arrived %s"), arrival);
        }
      if (lyg_stay_get_period (stay, NULL, NULL, &last_day))
        {
          g_autofree char *iso = lyg_stay_format_date (&last_day);
          g_autofree char *end = lyg_stay_date_label (iso);

          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          /* Translators: the last day of the reflection period */
          g_string_append_printf (subtitle, _("Period until %s"), end);
        }
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), alias);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_name (row, lyg_record_get_id (stay));
  g_object_set_data_full (G_OBJECT (row), "lyg-id", g_strdup (lyg_record_get_id (stay)), g_free);

  lyg_stay_status_apply (GTK_LABEL (status), stay, today);
  gtk_widget_add_css_class (status, "heading");
  gtk_widget_set_name (status, "status");
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  gtk_widget_add_css_class (arrow, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  /* The colour repeats the words; a screen reader hears both parts. */
  accessible = g_strdup_printf ("%s, %s", alias, gtk_label_get_text (GTK_LABEL (status)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);

  return row;
}

static int
compare_urgency (gconstpointer a,
                 gconstpointer b,
                 gpointer      today)
{
  return lyg_stay_compare_urgency (*(LygRecord * const *) a, *(LygRecord * const *) b, today);
}

static int
compare_departure (gconstpointer a,
                   gconstpointer b)
{
  LygRecord *ra = *(LygRecord * const *) a;
  LygRecord *rb = *(LygRecord * const *) b;

  return -g_strcmp0 (lyg_record_get_string (ra, "departure"),
                     lyg_record_get_string (rb, "departure"));
}

static gboolean
left_recently (LygRecord   *stay,
               const GDate *today)
{
  GDate departure;

  if (!lyg_stay_parse_date (lyg_record_get_string (stay, "departure"), &departure))
    return FALSE;

  return g_date_days_between (&departure, today) <= RECENT_DAYS;
}

/* Deadline follow-ups for every stay. A failure is logged, not shown: the
 * page still lists the residents, and the next refresh tries again. */
static void
ensure_followups (LygShelterPage *self,
                  GPtrArray      *stays,
                  const GDate    *today)
{
  for (guint i = 0; i < stays->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!lyg_stay_ensure_followups (get_vault (self), g_ptr_array_index (stays, i), today,
                                      NULL, &error))
        g_warning ("Could not make the deadline follow-ups of a stay: %s", error->message);
    }
}

static void
update_summary (LygShelterPage *self,
                GPtrArray      *current,
                const GDate    *today)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  guint n_ended = 0, n_ending = 0;

  for (guint i = 0; i < current->len; i++)
    {
      LygStayUrgency urgency = lyg_stay_get_urgency (g_ptr_array_index (current, i), today, NULL);

      if (urgency == LYG_STAY_URGENCY_ENDED)
        n_ended++;
      else if (urgency == LYG_STAY_URGENCY_ENDING)
        n_ending++;
    }

  g_string_append_printf (summary,
                          g_dngettext (GETTEXT_PACKAGE, "%u resident", "%u residents",
                                       current->len),
                          current->len);
  if (n_ended > 0)
    {
      g_string_append (summary, " · ");
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE, "%u period ended",
                                           "%u periods ended", n_ended),
                              n_ended);
    }
  if (n_ending > 0)
    {
      g_string_append (summary, " · ");
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE, "%u ends within a week",
                                           "%u end within a week", n_ending),
                              n_ending);
    }

  gtk_label_set_text (self->title_label, _("Residents"));
  gtk_label_set_text (self->summary_label, summary->str);
}

void
lyg_shelter_page_refresh (LygShelterPage *self)
{
  g_autoptr(GPtrArray) stays = NULL;
  g_autoptr(GPtrArray) current = g_ptr_array_new ();
  g_autoptr(GPtrArray) departed = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GDate today;

  g_return_if_fail (LYG_IS_SHELTER_PAGE (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  clear_list (self->residents_list);
  clear_list (self->departed_list);
  g_ptr_array_set_size (self->residents, 0);

  if (!lyg_vault_get_unlocked (get_vault (self)))
    return;

  if (!(stays = lyg_stay_list (get_vault (self), &error)))
    {
      g_warning ("Could not list the stays: %s", error->message);
      return;
    }

  get_today (self, &today);

  for (guint i = 0; i < stays->len; i++)
    {
      LygRecord *stay = g_ptr_array_index (stays, i);

      if (lyg_stay_is_current (stay))
        g_ptr_array_add (current, stay);
      else if (left_recently (stay, &today))
        g_ptr_array_add (departed, stay);
    }

  /* Stays that ended long ago had their follow-ups closed back then. */
  ensure_followups (self, current, &today);
  ensure_followups (self, departed, &today);

  g_ptr_array_sort_with_data (current, compare_urgency, &today);
  g_ptr_array_sort (departed, compare_departure);

  for (guint i = 0; i < current->len; i++)
    {
      LygRecord *stay = g_ptr_array_index (current, i);

      g_ptr_array_add (self->residents, g_strdup (lyg_record_get_id (stay)));
      gtk_list_box_append (self->residents_list, create_row (self, stay, &today));
    }
  for (guint i = 0; i < departed->len; i++)
    gtk_list_box_append (self->departed_list,
                         create_row (self, g_ptr_array_index (departed, i), &today));

  update_summary (self, current, &today);
  gtk_widget_set_visible (GTK_WIDGET (self->residents_group), current->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->departed_group), departed->len > 0);
  gtk_stack_set_visible_child_name (self->stack,
                                    current->len + departed->len > 0 ? "list" : "empty");
}

static gboolean
on_refresh_idle_cb (gpointer user_data)
{
  LygShelterPage *self = user_data;

  self->refresh_source = 0;
  lyg_shelter_page_refresh (self);

  return G_SOURCE_REMOVE;
}

/* Rows are rebuilt from an idle, never from inside a handler of theirs;
 * saving follow-ups from the refresh emits records-changed again, and the
 * second refresh finds nothing more to make. */
static void
queue_refresh (LygShelterPage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (on_refresh_idle_cb, self);
}

static void
on_vault_records_changed_cb (LygShelterPage *self,
                             GStrv           ids)
{
  queue_refresh (self);
}

static void
on_list_row_activated_cb (LygShelterPage *self,
                          GtkListBoxRow  *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "lyg-id");

  if (id != NULL)
    g_signal_emit (self, signals [OPEN_RECORD], 0, id);
}

static void
new_resident_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  g_signal_emit (widget, signals [NEW_RECORD], 0, "stay", NULL);
}

static void
lyg_shelter_page_constructed (GObject *object)
{
  LygShelterPage *self = (LygShelterPage *)object;

  G_OBJECT_CLASS (lyg_shelter_page_parent_class)->constructed (object);

  g_assert (LYG_IS_CONTEXT (self->context));

  g_signal_connect_object (get_vault (self), "records-changed",
                           G_CALLBACK (on_vault_records_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (get_vault (self), "notify::unlocked",
                           G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);

  lyg_shelter_page_refresh (self);
}

static void
lyg_shelter_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lyg_shelter_page_parent_class)->map (widget);

  /* "Days left" changes at midnight. */
  queue_refresh (LYG_SHELTER_PAGE (widget));
}

static void
lyg_shelter_page_dispose (GObject *object)
{
  LygShelterPage *self = (LygShelterPage *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LYG_TYPE_SHELTER_PAGE);

  G_OBJECT_CLASS (lyg_shelter_page_parent_class)->dispose (object);
}

static void
lyg_shelter_page_finalize (GObject *object)
{
  LygShelterPage *self = (LygShelterPage *)object;

  g_clear_pointer (&self->residents, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lyg_shelter_page_parent_class)->finalize (object);
}

static void
lyg_shelter_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LygShelterPage *self = LYG_SHELTER_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_shelter_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LygShelterPage *self = LYG_SHELTER_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_shelter_page_class_init (LygShelterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lyg_shelter_page_constructed;
  object_class->dispose = lyg_shelter_page_dispose;
  object_class->finalize = lyg_shelter_page_finalize;
  object_class->get_property = lyg_shelter_page_get_property;
  object_class->set_property = lyg_shelter_page_set_property;

  widget_class->map = lyg_shelter_page_map;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LYG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LygShelterPage::open-record:
   * @id: the stay to show
   */
  signals [OPEN_RECORD] =
    g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * LygShelterPage::new-record:
   * @type: "stay"
   * @person_id: (nullable): always %NULL: the stay page asks for the alias
   */
  signals [NEW_RECORD] =
    g_signal_new ("new-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-shelter-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LygShelterPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LygShelterPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LygShelterPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LygShelterPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LygShelterPage, residents_group);
  gtk_widget_class_bind_template_child (widget_class, LygShelterPage, residents_list);
  gtk_widget_class_bind_template_child (widget_class, LygShelterPage, departed_group);
  gtk_widget_class_bind_template_child (widget_class, LygShelterPage, departed_list);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "shelter.new-resident", NULL,
                                   new_resident_action);
}

static void
lyg_shelter_page_init (LygShelterPage *self)
{
  self->residents = g_ptr_array_new_with_free_func (g_free);
  g_date_clear (&self->today, 1);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lyg_shelter_page_new (LygContext *context)
{
  g_return_val_if_fail (LYG_IS_CONTEXT (context), NULL);

  return g_object_new (LYG_TYPE_SHELTER_PAGE,
                       "context", context,
                       NULL);
}

/**
 * lyg_shelter_page_dup_residents:
 * @self: a #LygShelterPage
 *
 * Returns: (transfer full): the ids of the current residents' stays, in
 *   the order shown
 */
GStrv
lyg_shelter_page_dup_residents (LygShelterPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (LYG_IS_SHELTER_PAGE (self), NULL);

  for (guint i = 0; i < self->residents->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->residents, i));

  return g_strv_builder_end (builder);
}

/**
 * lyg_shelter_page_set_today:
 * @self: a #LygShelterPage
 * @today: (nullable): the day to judge deadlines from, or %NULL for the
 *   real today
 *
 * For tests and demonstrations.
 */
void
lyg_shelter_page_set_today (LygShelterPage *self,
                            const GDate    *today)
{
  g_return_if_fail (LYG_IS_SHELTER_PAGE (self));

  if (today != NULL)
    self->today = *today;
  else
    g_date_clear (&self->today, 1);

  lyg_shelter_page_refresh (self);
}
