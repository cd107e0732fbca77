/* lyg-conflict-list.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-conflict-list"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-conflict-list.h"
#include "lyg-hlc.h"
#include "lyg-record-form.h"
#include "lyg-schema.h"

/* The values a merge kept aside because two devices changed the same field
 * at the same time (DESIGN §6). Each field lists the current value and the
 * others; "Keep" on one of them emits ::resolve, and writing that value
 * supersedes the rest.
 */
struct _LygConflictList
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *group;
  GPtrArray           *rows;      /* the field rows shown */
  guint                n_conflicts;
};

G_DEFINE_FINAL_TYPE (LygConflictList, lyg_conflict_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_N_CONFLICTS,
  N_PROPS
};

enum {
  RESOLVE,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
on_keep_button_clicked_cb (LygConflictList *self,
                           GtkButton       *button)
{
  const char *field = g_object_get_data (G_OBJECT (button), "lyg-field");
  JsonNode *value = g_object_get_data (G_OBJECT (button), "lyg-value");

  g_signal_emit (self, signals [RESOLVE], 0, field, value);
}

static char *
format_stamp (const char *stamp)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (stamp == NULL || !lyg_stamp_is_valid (stamp))
    return NULL;

  utc = g_date_time_new_from_unix_utc (lyg_stamp_get_wall_ms (stamp) / 1000);
  local = g_date_time_to_local (utc);

  /* Translators: when a conflicting value was written, see g_date_time_format() */
  return g_date_time_format (local, C_("conflict time", "%-d %b %Y, %H:%M"));
}

static void
add_version (LygConflictList    *self,
             AdwExpanderRow     *expander,
             const LygFieldSpec *spec,
             const char         *field,
             JsonNode           *value,
             const char         *stamp,
             gboolean            current)
{
  g_autofree char *text = lyg_record_format_value (spec, value);
  g_autofree char *when = format_stamp (stamp);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (_("Keep"));
  JsonNode *node = value ? json_node_copy (value) : json_node_new (JSON_NODE_NULL);

  if (current)
    subtitle = g_strdup (_("Current value"));
  else if (when != NULL)
    /* Translators: %s is a date and time */
    subtitle = g_strdup_printf (_("Changed elsewhere on %s"), when);
  else
    subtitle = g_strdup (_("Changed elsewhere"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Keep this value and discard the others"));
  g_object_set_data_full (G_OBJECT (button), "lyg-field", g_strdup (field), g_free);
  g_object_set_data_full (G_OBJECT (button), "lyg-value", node,
                          (GDestroyNotify) json_node_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_keep_button_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  adw_expander_row_add_row (expander, row);
}

static void
clear_rows (LygConflictList *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
lyg_conflict_list_dispose (GObject *object)
{
  LygConflictList *self = LYG_CONFLICT_LIST (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (lyg_conflict_list_parent_class)->dispose (object);
}

static void
lyg_conflict_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LygConflictList *self = LYG_CONFLICT_LIST (object);

  switch (prop_id)
    {
    case PROP_N_CONFLICTS:
      g_value_set_uint (value, self->n_conflicts);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_conflict_list_class_init (LygConflictListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lyg_conflict_list_dispose;
  object_class->get_property = lyg_conflict_list_get_property;

  properties [PROP_N_CONFLICTS] =
    g_param_spec_uint ("n-conflicts", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LygConflictList::resolve:
   * @field: the field name
   * @value: the value to keep (a JSON null to keep it empty)
   */
  signals [RESOLVE] =
    g_signal_new ("resolve", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, JSON_TYPE_NODE);
}

static void
lyg_conflict_list_init (LygConflictList *self)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  self->rows = g_ptr_array_new ();
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Conflicting Changes"));
  adw_preferences_group_set_description (self->group,
                                         _("These fields were changed on two devices at the "
                                           "same time. Choose the value to keep."));
  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  adw_preferences_group_set_header_suffix (self->group, icon);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->group));
  gtk_widget_add_css_class (GTK_WIDGET (self), "lyg-conflicts");
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
lyg_conflict_list_new (void)
{
  return g_object_new (LYG_TYPE_CONFLICT_LIST, NULL);
}

/**
 * lyg_conflict_list_set_record:
 * @self: a #LygConflictList
 * @record: (nullable): the record whose conflicts to show
 *
 * Hides itself when @record has no conflicts.
 */
void
lyg_conflict_list_set_record (LygConflictList *self,
                              LygRecord       *record)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  const LygTypeSpec *type = NULL;
  AdwExpanderRow *expander = NULL;
  const char *last_field = NULL;

  g_return_if_fail (LYG_IS_CONFLICT_LIST (self));
  g_return_if_fail (!record || LYG_IS_RECORD (record));

  clear_rows (self);

  if (record != NULL)
    {
      conflicts = lyg_record_get_conflicts (record);
      type = lyg_schema_lookup_type (lyg_record_get_record_type (record));
    }

  /* Conflicts come sorted by field. */
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      const LygConflict *conflict = g_ptr_array_index (conflicts, i);
      const LygFieldSpec *spec = type ? lyg_schema_lookup_field (type, conflict->field) : NULL;
      LygFieldSpec fallback = { conflict->field, LYG_FIELD_STRING, NULL, conflict->field };

      if (spec == NULL)
        spec = &fallback;

      if (g_strcmp0 (last_field, conflict->field) != 0)
        {
          expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                         g_dgettext (GETTEXT_PACKAGE, spec->label));
          adw_expander_row_set_icon_name (expander, "dialog-warning-symbolic");
          adw_expander_row_set_expanded (expander, TRUE);
          gtk_widget_set_name (GTK_WIDGET (expander), conflict->field);
          add_version (self, expander, spec, conflict->field,
                       lyg_record_get_value (record, conflict->field),
                       lyg_record_get_field_stamp (record, conflict->field), TRUE);
          adw_preferences_group_add (self->group, GTK_WIDGET (expander));
          g_ptr_array_add (self->rows, expander);
          last_field = conflict->field;
        }

      add_version (self, expander, spec, conflict->field, conflict->value, conflict->stamp,
                   FALSE);
    }

  if (self->rows->len != self->n_conflicts)
    {
      self->n_conflicts = self->rows->len;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_CONFLICTS]);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), self->n_conflicts > 0);
}

/**
 * lyg_conflict_list_get_n_conflicts:
 * @self: a #LygConflictList
 *
 * Returns: the number of fields with conflicting values
 */
guint
lyg_conflict_list_get_n_conflicts (LygConflictList *self)
{
  g_return_val_if_fail (LYG_IS_CONFLICT_LIST (self), 0);

  return self->n_conflicts;
}

/**
 * lyg_conflict_list_get_keep_button:
 * @self: a #LygConflictList
 * @field: a field with conflicts
 * @version: 0 for the current value, 1… for the others
 *
 * Returns: (transfer none) (nullable): the "Keep" button of that value
 */
GtkWidget *
lyg_conflict_list_get_keep_button (LygConflictList *self,
                                   const char      *field,
                                   guint            version)
{
  g_return_val_if_fail (LYG_IS_CONFLICT_LIST (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *expander = g_ptr_array_index (self->rows, i);
      guint n = 0;

      if (g_strcmp0 (gtk_widget_get_name (expander), field) != 0)
        continue;

      /* Walk the widget tree for the buttons in the order they were added. */
      for (GtkWidget *w = gtk_widget_get_first_child (expander); w != NULL; )
        {
          if (GTK_IS_BUTTON (w) && g_object_get_data (G_OBJECT (w), "lyg-value") != NULL)
            {
              if (n++ == version)
                return w;
            }

          if (gtk_widget_get_first_child (w) != NULL)
            w = gtk_widget_get_first_child (w);
          else
            {
              while (w != expander && gtk_widget_get_next_sibling (w) == NULL)
                w = gtk_widget_get_parent (w);
              w = w == expander ? NULL : gtk_widget_get_next_sibling (w);
            }
        }
    }

  return NULL;
}
