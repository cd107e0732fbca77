/* lyg-today-page.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-today-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-draft.h"
#include "lyg-retention-section.h"
#include "lyg-today-page.h"

/* The start page: follow-ups due today and overdue ones that are not done,
 * each with a check button that marks it done at once.
 */

struct _LygTodayPage
{
  AdwBin               parent_instance;

  /* Owned */
  LygContext          *context;
  guint                refresh_source;
  guint                n_due;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  GtkLabel            *date_label;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *overdue_group;
  GtkListBox          *overdue_list;
  AdwPreferencesGroup *today_group;
  GtkListBox          *today_list;
  LygRetentionSection *retention_section;
};

G_DEFINE_FINAL_TYPE (LygTodayPage, lyg_today_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_N_DUE,
  N_PROPS
};

enum {
  OPEN_RECORD,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

typedef struct
{
  LygIndexEntry *entry;
  char          *person;
} Due;

static void
due_free (gpointer data)
{
  Due *due = data;

  lyg_index_entry_free (due->entry);
  g_free (due->person);
  g_free (due);
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  const Due *da = *(const Due * const *) a;
  const Due *db = *(const Due * const *) b;
  int cmp = g_strcmp0 (da->entry->date, db->entry->date);

  return cmp != 0 ? cmp : g_utf8_collate (da->entry->title, db->entry->title);
}

static LygVault *
get_vault (LygTodayPage *self)
{
  return lyg_context_get_vault (self->context);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

/* Marks a follow-up done (or not done again) and saves it at once. */
static gboolean
set_done (LygTodayPage *self,
          const char   *id,
          gboolean      done)
{
  g_autoptr(LygRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  if (!lyg_vault_get_unlocked (get_vault (self)))
    return FALSE;

  if (!(record = lyg_vault_get_record (get_vault (self), id, &error)))
    {
      g_debug ("Could not load %s: %s", id, error->message);
      return FALSE;
    }

  if (lyg_record_get_boolean (record, "done") == done)
    return TRUE;

  lyg_record_set_boolean (record, "done", done);
  if (!lyg_vault_save_record (get_vault (self), record, &error))
    {
      g_debug ("Could not save %s: %s", id, error->message);
      return FALSE;
    }

  return TRUE;
}

static void
on_done_button_toggled_cb (GtkCheckButton *button,
                           LygTodayPage   *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "lyg-id");
  AdwToast *toast;

  if (!gtk_check_button_get_active (button))
    return;

  if (!set_done (self, id, TRUE))
    {
      gtk_check_button_set_active (button, FALSE);
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("The follow-up could not be saved")));
      return;
    }

  toast = adw_toast_new (_("Follow-up done"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "today.undo-done");
  adw_toast_set_action_target_value (toast, g_variant_new_string (id));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
was_due_yesterday (const char *iso_date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *text = g_date_time_format (yesterday, "%Y-%m-%d");

  return g_strcmp0 (iso_date, text) == 0;
}

static GtkWidget *
create_row (LygTodayPage *self,
            Due          *due,
            gboolean      overdue)
{
  g_autofree char *date = lyg_form_date_label (due->entry->date);
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  /* "Yesterday" is a sentence of its own in most languages, not a date to
   * put after "due". */
  if (overdue && was_due_yesterday (due->entry->date))
    subtitle = due->person != NULL
      /* Translators: a person's alias */
      ? g_strdup_printf (_("%s · was due yesterday"), due->person)
      : g_strdup (_("Was due yesterday"));
  else if (overdue && due->person != NULL)
    /* Translators: a person's alias and the date a task was due */
    subtitle = g_strdup_printf (_("%s · due %s"), due->person, date);
  else if (overdue)
    subtitle = g_strdup_printf (_("Due %s"), date);
  else
    subtitle = g_strdup (due->person);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), due->entry->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "lyg-id", g_strdup (due->entry->id), g_free);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Mark as Done"));
  accessible = g_strdup_printf (_("Mark “%s” as done"), due->entry->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data_full (G_OBJECT (check), "lyg-id", g_strdup (due->entry->id), g_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_done_button_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

  gtk_widget_add_css_class (arrow, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  if (overdue)
    gtk_widget_add_css_class (row, "lyg-overdue");

  return row;
}

static GPtrArray *
collect_due (LygTodayPage *self,
             const char   *today)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (due_free);
  LygIndex *index;

  if (!lyg_vault_get_unlocked (get_vault (self)))
    return out;

  index = lyg_vault_get_index (get_vault (self));
  if (!(entries = lyg_index_list (index, "followup", &error)))
    {
      g_debug ("Could not list follow-ups: %s", error->message);
      return out;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      LygIndexEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(LygRecord) record = NULL;
      g_autoptr(LygIndexEntry) person = NULL;
      Due *due;

      if (entry->date == NULL || strcmp (entry->date, today) > 0)
        continue;

      /* The index knows the date, the record whether it is done. */
      if (!(record = lyg_vault_get_record (get_vault (self), entry->id, NULL)) ||
          lyg_record_get_boolean (record, "done"))
        continue;

      if (entry->person != NULL)
        person = lyg_index_lookup (index, entry->person);

      due = g_new0 (Due, 1);
      due->entry = lyg_index_entry_copy (entry);
      due->person = person ? g_strdup (person->title) : NULL;
      g_ptr_array_add (out, due);
    }

  g_ptr_array_sort (out, compare_due);

  return out;
}

static void
refresh (LygTodayPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *date = NULL;
  g_autoptr(GPtrArray) due = NULL;
  guint n_overdue = 0, n_today = 0;

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  clear_list (self->overdue_list);
  clear_list (self->today_list);

  due = collect_due (self, today);

  for (guint i = 0; i < due->len; i++)
    {
      Due *d = g_ptr_array_index (due, i);
      gboolean overdue = strcmp (d->entry->date, today) < 0;

      gtk_list_box_append (overdue ? self->overdue_list : self->today_list,
                           create_row (self, d, overdue));
      if (overdue)
        n_overdue++;
      else
        n_today++;
    }

  /* Translators: today's date on the start page, see strftime() */
  date = g_date_time_format (now, _("%A %-d %B"));
  gtk_label_set_text (self->date_label, date);

  if (due->len == 0)
    {
      /* Shown only when persons are due for erasure (lyg-retention-section.h). */
      gtk_label_set_text (self->summary_label, _("No follow-ups due today"));
    }
  else if (n_overdue > 0)
    {
      g_autofree char *summary =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u follow-up due, %u overdue",
                                      "%u follow-ups due, %u overdue",
                                      due->len),
                         due->len, n_overdue);
      gtk_label_set_text (self->summary_label, summary);
    }
  else
    {
      g_autofree char *summary =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u follow-up due today",
                                      "%u follow-ups due today",
                                      due->len),
                         due->len);
      gtk_label_set_text (self->summary_label, summary);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->overdue_group), n_overdue > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->today_group), n_today > 0);
  gtk_stack_set_visible_child_name (self->stack,
                                    due->len > 0 ||
                                    lyg_retention_section_get_n_items (self->retention_section) > 0
                                    ? "list" : "empty");

  if (self->n_due != due->len)
    {
      self->n_due = due->len;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_DUE]);
    }
}

static gboolean
on_refresh_idle_cb (gpointer user_data)
{
  LygTodayPage *self = user_data;

  self->refresh_source = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* Rows are rebuilt from an idle, never from inside a row's own handler. */
static void
queue_refresh (LygTodayPage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (on_refresh_idle_cb, self);
}

static void
on_vault_records_changed_cb (LygTodayPage *self,
                             GStrv         ids)
{
  queue_refresh (self);
}

static void
on_vault_unlocked_changed_cb (LygTodayPage *self)
{
  queue_refresh (self);
}

static void
on_list_row_activated_cb (LygTodayPage  *self,
                          GtkListBoxRow *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "lyg-id");

  if (id != NULL)
    g_signal_emit (self, signals [OPEN_RECORD], 0, id);
}

static void
undo_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LygTodayPage *self = LYG_TODAY_PAGE (widget);

  set_done (self, g_variant_get_string (param, NULL), FALSE);
}

static void
lyg_today_page_constructed (GObject *object)
{
  LygTodayPage *self = (LygTodayPage *)object;

  G_OBJECT_CLASS (lyg_today_page_parent_class)->constructed (object);

  g_assert (LYG_IS_CONTEXT (self->context));

  g_signal_connect_object (get_vault (self), "records-changed",
                           G_CALLBACK (on_vault_records_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (get_vault (self), "notify::unlocked",
                           G_CALLBACK (on_vault_unlocked_changed_cb), self, G_CONNECT_SWAPPED);

  /* Persons due for erasure show here too (lyg-retention-section.h). */
  lyg_retention_section_set_context (self->retention_section, self->context);
  g_signal_connect_object (self->retention_section, "notify::n-items",
                           G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);

  refresh (self);
}

static void
lyg_today_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lyg_today_page_parent_class)->map (widget);

  /* The date may have changed since the page was last shown. */
  queue_refresh (LYG_TODAY_PAGE (widget));
}

static void
lyg_today_page_dispose (GObject *object)
{
  LygTodayPage *self = (LygTodayPage *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  /* AdwBin unparents its child itself: let it go first, then clear the
   * template pointers. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LYG_TYPE_TODAY_PAGE);

  G_OBJECT_CLASS (lyg_today_page_parent_class)->dispose (object);
}

static void
lyg_today_page_finalize (GObject *object)
{
  LygTodayPage *self = (LygTodayPage *)object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (lyg_today_page_parent_class)->finalize (object);
}

static void
lyg_today_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LygTodayPage *self = LYG_TODAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_N_DUE:
      g_value_set_uint (value, self->n_due);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_today_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LygTodayPage *self = LYG_TODAY_PAGE (object);

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
lyg_today_page_class_init (LygTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lyg_today_page_constructed;
  object_class->dispose = lyg_today_page_dispose;
  object_class->finalize = lyg_today_page_finalize;
  object_class->get_property = lyg_today_page_get_property;
  object_class->set_property = lyg_today_page_set_property;

  widget_class->map = lyg_today_page_map;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LYG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * LygTodayPage:n-due:
   *
   * How many follow-ups are due today or overdue and not done.
   */
  properties [PROP_N_DUE] =
    g_param_spec_uint ("n-due", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LygTodayPage::open-record:
   * @id: the follow-up to show
   */
  signals [OPEN_RECORD] =
    g_signal_new ("open-record",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (LYG_TYPE_RETENTION_SECTION);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lygte/Lygte/lyg-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LygTodayPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LygTodayPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LygTodayPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, LygTodayPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LygTodayPage, overdue_group);
  gtk_widget_class_bind_template_child (widget_class, LygTodayPage, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, LygTodayPage, today_group);
  gtk_widget_class_bind_template_child (widget_class, LygTodayPage, today_list);
  gtk_widget_class_bind_template_child (widget_class, LygTodayPage, retention_section);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "today.undo-done", "s", undo_done_action);
}

static void
lyg_today_page_init (LygTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lyg_today_page_new (LygContext *context)
{
  g_return_val_if_fail (LYG_IS_CONTEXT (context), NULL);

  return g_object_new (LYG_TYPE_TODAY_PAGE,
                       "context", context,
                       NULL);
}
