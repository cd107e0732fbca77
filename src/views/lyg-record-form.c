/* lyg-record-form.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-record-form"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "lyg-record-form.h"

/* An editable form for any record type, built from lyg-schema: an entry
 * row for text, numbers and dates, a combo row for enumerations (with
 * translated labels), a switch for booleans and an expander of check
 * boxes for sets.
 *
 * The form remembers the values it was loaded with, and apply() writes
 * only the fields the user changed: rewriting an unchanged field would
 * supersede a concurrent edit from another device and silently settle a
 * conflict nobody looked at.
 */

typedef struct
{
  const LygFieldSpec *spec;
  GtkWidget          *row;
  GtkWidget          *control;    /* GtkSwitch, or NULL */
  GPtrArray          *checks;     /* of GtkCheckButton, for sets */
  GPtrArray          *ids;        /* enum ids by position, for combos and sets */
  JsonNode           *original;
} Field;

struct _LygRecordForm
{
  GtkBox              parent_instance;

  char               *type;
  const LygTypeSpec  *spec;
  GPtrArray          *fields;     /* of Field */
  GPtrArray          *groups;     /* of AdwPreferencesGroup */
  guint               loading;
  gboolean            dirty;
  gboolean            valid;
};

G_DEFINE_FINAL_TYPE (LygRecordForm, lyg_record_form, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_DIRTY,
  PROP_VALID,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
field_free (Field *field)
{
  g_clear_pointer (&field->checks, g_ptr_array_unref);
  g_clear_pointer (&field->ids, g_ptr_array_unref);
  g_clear_pointer (&field->original, json_node_unref);
  g_free (field);
}

static Field *
find_field (LygRecordForm *self,
            const char    *name)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->spec->name, name))
        return field;
    }

  return NULL;
}

static const char *
enum_label (const LygFieldSpec *spec,
            const char         *id)
{
  const char *label = lyg_schema_enum_label (spec->enum_name, id);

  return label ? label : id;
}

/**
 * lyg_record_format_value:
 * @field: a field of the schema
 * @value: (nullable): a value of @field
 *
 * Returns: (transfer full): @value as people read it, in the current language
 */
char *
lyg_record_format_value (const LygFieldSpec *field,
                         JsonNode           *value)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup (C_("field value", "Empty"));

  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *s = json_array_get_string_element (array, i);

          if (s == NULL)
            continue;
          if (text->len > 0)
            g_string_append (text, ", ");
          g_string_append (text, field->kind == LYG_FIELD_ENUM_SET ? enum_label (field, s) : s);
        }

      if (text->len == 0)
        return g_strdup (C_("field value", "Empty"));

      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (!JSON_NODE_HOLDS_VALUE (value))
    return g_strdup ("…");

  switch (json_node_get_value_type (value))
    {
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (value) ? _("Yes") : _("No"));

    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));

    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%g", json_node_get_double (value));

    case G_TYPE_STRING:
      if (field->kind == LYG_FIELD_ENUM)
        return g_strdup (enum_label (field, json_node_get_string (value)));
      return g_strdup (json_node_get_string (value));

    default:
      return g_strdup ("…");
    }
}

static gboolean
node_is_empty (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node)) == 0;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return *json_node_get_string (node) == '\0';

  return FALSE;
}

/* Equal as far as the user can tell: an unset switch is "off", an unset
 * set is empty. */
static gboolean
values_equal (const Field *field,
              JsonNode    *a,
              JsonNode    *b)
{
  if (field->spec->kind == LYG_FIELD_BOOL)
    {
      gboolean va = a != NULL && JSON_NODE_HOLDS_VALUE (a) && json_node_get_boolean (a);
      gboolean vb = b != NULL && JSON_NODE_HOLDS_VALUE (b) && json_node_get_boolean (b);

      if (a == NULL || b == NULL)
        return va == vb;
    }

  if (node_is_empty (a) || node_is_empty (b))
    return node_is_empty (a) && node_is_empty (b);

  return json_node_equal (a, b);
}

static JsonNode *
string_node (const char *s)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, s);

  return node;
}

static JsonNode *
strv_node (GPtrArray *strings)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < strings->len; i++)
    json_array_add_string_element (array, g_ptr_array_index (strings, i));
  json_node_take_array (node, array);

  return node;
}

static gboolean
parse_int (const char *text,
           gint64     *out)
{
  char *end = NULL;
  gint64 v;

  if (text == NULL || *text == '\0')
    return FALSE;

  v = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0')
    return FALSE;

  *out = v;

  return TRUE;
}

static gboolean
is_valid_date (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *full = NULL;

  if (strlen (text) != 10)
    return FALSE;

  full = g_strconcat (text, "T00:00:00Z", NULL);
  dt = g_date_time_new_from_iso8601 (full, NULL);

  return dt != NULL;
}

/* The value the widgets show, as JSON; NULL when empty. */
static JsonNode *
field_get_value (Field    *field,
                 gboolean *valid)
{
  const char *text = NULL;

  *valid = TRUE;

  if (ADW_IS_ENTRY_ROW (field->row))
    {
      g_autofree char *stripped = NULL;

      /* Whitespace only counts as empty, without changing what was typed. */
      text = gtk_editable_get_text (GTK_EDITABLE (field->row));
      stripped = g_strstrip (g_strdup (text ? text : ""));
      if (*stripped == '\0')
        return NULL;
    }

  switch (field->spec->kind)
    {
    case LYG_FIELD_TEXT:
    case LYG_FIELD_STRING:
      return string_node (text);

    case LYG_FIELD_DATE:
      {
        g_autofree char *stripped = g_strstrip (g_strdup (text));

        *valid = is_valid_date (stripped);
        return *valid ? string_node (stripped) : NULL;
      }

    case LYG_FIELD_DATETIME:
      {
        g_autofree char *stripped = g_strstrip (g_strdup (text));
        g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (stripped, NULL);

        *valid = dt != NULL;
        return *valid ? string_node (stripped) : NULL;
      }

    case LYG_FIELD_INT:
      {
        g_autofree char *stripped = g_strstrip (g_strdup (text));
        JsonNode *node;
        gint64 v = 0;

        if (!(*valid = parse_int (stripped, &v)))
          return NULL;
        node = json_node_new (JSON_NODE_VALUE);
        json_node_set_int (node, v);
        return node;
      }

    case LYG_FIELD_STRV:
      {
        g_auto(GStrv) parts = g_strsplit (text, ",", -1);
        g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

        for (guint i = 0; parts[i] != NULL; i++)
          {
            char *part = g_strstrip (parts[i]);

            if (*part != '\0')
              g_ptr_array_add (strings, g_strdup (part));
          }
        return strings->len > 0 ? strv_node (strings) : NULL;
      }

    case LYG_FIELD_BOOL:
      {
        JsonNode *node = json_node_new (JSON_NODE_VALUE);

        json_node_set_boolean (node, gtk_switch_get_active (GTK_SWITCH (field->control)));
        return node;
      }

    case LYG_FIELD_ENUM:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));

        if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > field->ids->len)
          return NULL;
        return string_node (g_ptr_array_index (field->ids, selected - 1));
      }

    case LYG_FIELD_ENUM_SET:
      {
        g_autoptr(GPtrArray) strings = g_ptr_array_new ();

        for (guint i = 0; i < field->checks->len; i++)
          if (gtk_check_button_get_active (g_ptr_array_index (field->checks, i)))
            g_ptr_array_add (strings, g_ptr_array_index (field->ids, i));
        return strings->len > 0 ? strv_node (strings) : NULL;
      }

    case LYG_FIELD_REF:
    case LYG_FIELD_OBJECT:
    default:
      return field->original ? json_node_copy (field->original) : NULL;
    }
}

static void
update_set_subtitle (Field *field)
{
  gboolean valid;
  g_autoptr(JsonNode) value = field_get_value (field, &valid);
  g_autofree char *text = value ? lyg_record_format_value (field->spec, value) : NULL;

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (field->row), text ? text : "");
}

static void
update_state (LygRecordForm *self)
{
  gboolean dirty = FALSE;
  gboolean valid = TRUE;

  if (self->loading > 0)
    return;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_autoptr(JsonNode) value = NULL;
      gboolean field_valid;

      value = field_get_value (field, &field_valid);
      if (!field_valid)
        {
          valid = FALSE;
          dirty = TRUE;
          gtk_widget_add_css_class (field->row, "error");
        }
      else
        {
          gtk_widget_remove_css_class (field->row, "error");
          if (!values_equal (field, value, field->original))
            dirty = TRUE;
        }

      if (field->spec->kind == LYG_FIELD_ENUM_SET)
        update_set_subtitle (field);
    }

  if (dirty != self->dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DIRTY]);
    }

  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALID]);
    }

  g_signal_emit (self, signals [CHANGED], 0);
}

static void
on_control_changed_cb (LygRecordForm *self)
{
  update_state (self);
}

static void
on_calendar_day_selected_cb (GtkCalendar *calendar,
                             AdwEntryRow *row)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static GtkWidget *
new_entry_row (LygRecordForm *self,
               Field         *field,
               const char    *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_control_changed_cb), self,
                           G_CONNECT_SWAPPED);

  switch (field->spec->kind)
    {
    case LYG_FIELD_INT:
      gtk_editable_set_width_chars (GTK_EDITABLE (row), 6);
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_DIGITS);
      break;

    case LYG_FIELD_DATE:
      {
        GtkWidget *calendar = gtk_calendar_new ();
        GtkWidget *popover = gtk_popover_new ();
        GtkWidget *button = gtk_menu_button_new ();

        gtk_popover_set_child (GTK_POPOVER (popover), calendar);
        gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
        gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
        gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (button, "flat");
        gtk_widget_set_tooltip_text (button, _("Choose a Date"));
        g_signal_connect_object (calendar, "day-selected",
                                 G_CALLBACK (on_calendar_day_selected_cb), row, 0);
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
        break;
      }

    case LYG_FIELD_STRV:
      gtk_widget_set_tooltip_text (row, _("Separate several values with commas"));
      break;

    case LYG_FIELD_TEXT:
    case LYG_FIELD_STRING:
    case LYG_FIELD_DATETIME:
    case LYG_FIELD_BOOL:
    case LYG_FIELD_ENUM:
    case LYG_FIELD_ENUM_SET:
    case LYG_FIELD_REF:
    case LYG_FIELD_OBJECT:
    default:
      break;
    }

  return row;
}

static GtkWidget *
new_field_row (LygRecordForm *self,
               Field         *field)
{
  const LygFieldSpec *spec = field->spec;
  const char *title = g_dgettext (GETTEXT_PACKAGE, spec->label);
  GtkWidget *row = NULL;

  switch (spec->kind)
    {
    case LYG_FIELD_TEXT:
    case LYG_FIELD_STRING:
    case LYG_FIELD_INT:
    case LYG_FIELD_DATE:
    case LYG_FIELD_DATETIME:
    case LYG_FIELD_STRV:
      row = new_entry_row (self, field, title);
      break;

    case LYG_FIELD_BOOL:
      row = adw_action_row_new ();
      field->control = gtk_switch_new ();
      gtk_widget_set_valign (field->control, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), field->control);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), field->control);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->control),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      g_signal_connect_object (field->control, "notify::active",
                               G_CALLBACK (on_control_changed_cb), self, G_CONNECT_SWAPPED);
      break;

    case LYG_FIELD_ENUM:
      {
        g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
        const LygEnumValue *values = lyg_schema_enum_values (spec->enum_name, NULL);

        field->ids = g_ptr_array_new_with_free_func (g_free);
        gtk_string_list_append (labels, C_("enum value", "Not set"));
        for (guint i = 0; values != NULL && values[i].id != NULL; i++)
          {
            gtk_string_list_append (labels, g_dgettext (GETTEXT_PACKAGE, values[i].label));
            g_ptr_array_add (field->ids, g_strdup (values[i].id));
          }

        row = adw_combo_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
        g_signal_connect_object (row, "notify::selected",
                                 G_CALLBACK (on_control_changed_cb), self, G_CONNECT_SWAPPED);
        break;
      }

    case LYG_FIELD_ENUM_SET:
      {
        const LygEnumValue *values = lyg_schema_enum_values (spec->enum_name, NULL);

        field->ids = g_ptr_array_new_with_free_func (g_free);
        field->checks = g_ptr_array_new ();
        row = adw_expander_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

        for (guint i = 0; values != NULL && values[i].id != NULL; i++)
          {
            GtkWidget *check = gtk_check_button_new ();
            GtkWidget *child = adw_action_row_new ();
            const char *label = g_dgettext (GETTEXT_PACKAGE, values[i].label);

            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), label);
            gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
            gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
            adw_action_row_add_prefix (ADW_ACTION_ROW (child), check);
            adw_action_row_set_activatable_widget (ADW_ACTION_ROW (child), check);
            adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
            g_signal_connect_object (check, "notify::active",
                                     G_CALLBACK (on_control_changed_cb), self,
                                     G_CONNECT_SWAPPED);
            g_ptr_array_add (field->checks, check);
            g_ptr_array_add (field->ids, g_strdup (values[i].id));
          }
        break;
      }

    case LYG_FIELD_REF:
    case LYG_FIELD_OBJECT:
    default:
      return NULL;
    }

  gtk_widget_set_name (row, spec->name);

  return row;
}

/* Shows @value in the widgets of @field. */
static void
field_show_value (Field    *field,
                  JsonNode *value)
{
  const LygFieldSpec *spec = field->spec;

  switch (spec->kind)
    {
    case LYG_FIELD_TEXT:
    case LYG_FIELD_STRING:
    case LYG_FIELD_INT:
    case LYG_FIELD_DATE:
    case LYG_FIELD_DATETIME:
      {
        g_autofree char *text = NULL;

        if (value != NULL && JSON_NODE_HOLDS_VALUE (value))
          {
            if (json_node_get_value_type (value) == G_TYPE_STRING)
              text = g_strdup (json_node_get_string (value));
            else if (json_node_get_value_type (value) == G_TYPE_INT64)
              text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
          }
        gtk_editable_set_text (GTK_EDITABLE (field->row), text ? text : "");
        break;
      }

    case LYG_FIELD_STRV:
      {
        g_autoptr(GString) text = g_string_new (NULL);

        if (value != NULL && JSON_NODE_HOLDS_ARRAY (value))
          {
            JsonArray *array = json_node_get_array (value);

            for (guint i = 0; i < json_array_get_length (array); i++)
              {
                const char *s = json_array_get_string_element (array, i);

                if (s == NULL)
                  continue;
                if (text->len > 0)
                  g_string_append (text, ", ");
                g_string_append (text, s);
              }
          }
        gtk_editable_set_text (GTK_EDITABLE (field->row), text->str);
        break;
      }

    case LYG_FIELD_BOOL:
      gtk_switch_set_active (GTK_SWITCH (field->control),
                             value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
                             json_node_get_value_type (value) == G_TYPE_BOOLEAN &&
                             json_node_get_boolean (value));
      break;

    case LYG_FIELD_ENUM:
      {
        const char *id = NULL;
        guint selected = 0;

        if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
            json_node_get_value_type (value) == G_TYPE_STRING)
          id = json_node_get_string (value);

        for (guint i = 0; id != NULL && i < field->ids->len; i++)
          if (g_str_equal (id, g_ptr_array_index (field->ids, i)))
            selected = i + 1;

        /* A value from a newer schema stays selectable as it is. */
        if (id != NULL && selected == 0)
          {
            GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (field->row));

            gtk_string_list_append (GTK_STRING_LIST (model), id);
            g_ptr_array_add (field->ids, g_strdup (id));
            selected = field->ids->len;
          }

        adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), selected);
        break;
      }

    case LYG_FIELD_ENUM_SET:
      {
        JsonArray *array = NULL;

        if (value != NULL && JSON_NODE_HOLDS_ARRAY (value))
          array = json_node_get_array (value);

        for (guint i = 0; i < field->checks->len; i++)
          {
            gboolean active = FALSE;

            for (guint j = 0; array != NULL && j < json_array_get_length (array); j++)
              if (g_strcmp0 (json_array_get_string_element (array, j),
                             g_ptr_array_index (field->ids, i)) == 0)
                active = TRUE;

            gtk_check_button_set_active (g_ptr_array_index (field->checks, i), active);
          }
        break;
      }

    case LYG_FIELD_REF:
    case LYG_FIELD_OBJECT:
    default:
      break;
    }
}

static gboolean
is_shown (const LygFieldSpec *spec)
{
  return spec->kind != LYG_FIELD_REF && spec->kind != LYG_FIELD_OBJECT;
}

static AdwPreferencesGroup *
add_group (LygRecordForm *self,
           const char    *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                     g_dgettext (GETTEXT_PACKAGE, title));
  gtk_box_append (GTK_BOX (self), group);
  g_ptr_array_add (self->groups, group);

  return ADW_PREFERENCES_GROUP (group);
}

static void
add_field (LygRecordForm       *self,
           AdwPreferencesGroup *group,
           const LygFieldSpec  *spec)
{
  Field *field;

  if (!is_shown (spec) || find_field (self, spec->name) != NULL)
    return;

  field = g_new0 (Field, 1);
  field->spec = spec;
  field->row = new_field_row (self, field);
  g_ptr_array_add (self->fields, field);
  adw_preferences_group_add (group, field->row);
}

static void
lyg_record_form_dispose (GObject *object)
{
  LygRecordForm *self = LYG_RECORD_FORM (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (lyg_record_form_parent_class)->dispose (object);
}

static void
lyg_record_form_finalize (GObject *object)
{
  LygRecordForm *self = LYG_RECORD_FORM (object);

  g_clear_pointer (&self->type, g_free);

  G_OBJECT_CLASS (lyg_record_form_parent_class)->finalize (object);
}

static void
lyg_record_form_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LygRecordForm *self = LYG_RECORD_FORM (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_record_form_class_init (LygRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lyg_record_form_dispose;
  object_class->finalize = lyg_record_form_finalize;
  object_class->get_property = lyg_record_form_get_property;

  /**
   * LygRecordForm:dirty:
   *
   * Whether the widgets show something other than the loaded record.
   */
  properties [PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * LygRecordForm:valid:
   *
   * Whether every field holds a value its kind accepts.
   */
  properties [PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LygRecordForm::changed:
   *
   * Emitted whenever the user changes a value.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lyg_record_form_init (LygRecordForm *self)
{
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  self->groups = g_ptr_array_new ();
  self->valid = TRUE;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 24);
}

/**
 * lyg_record_form_new:
 * @type: a record type of the schema
 * @groups: (array length=n_groups) (nullable): how to group the fields
 * @n_groups: the number of @groups
 *
 * Returns: (transfer full): a form with a row for every field of @type
 */
GtkWidget *
lyg_record_form_new (const char               *type,
                     const LygRecordFormGroup *groups,
                     guint                     n_groups)
{
  LygRecordForm *self;
  AdwPreferencesGroup *rest = NULL;

  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (lyg_schema_lookup_type (type) != NULL, NULL);

  self = g_object_new (LYG_TYPE_RECORD_FORM, NULL);
  self->type = g_strdup (type);
  self->spec = lyg_schema_lookup_type (type);

  for (guint i = 0; i < n_groups; i++)
    {
      AdwPreferencesGroup *group = add_group (self, groups[i].title);

      for (guint j = 0; groups[i].fields != NULL && groups[i].fields[j] != NULL; j++)
        {
          const LygFieldSpec *spec = lyg_schema_lookup_field (self->spec, groups[i].fields[j]);

          if (spec != NULL)
            add_field (self, group, spec);
          else
            g_critical ("Type “%s” has no field “%s”", type, groups[i].fields[j]);
        }
    }

  for (const LygFieldSpec *spec = self->spec->fields; spec->name != NULL; spec++)
    {
      if (!is_shown (spec) || find_field (self, spec->name) != NULL)
        continue;
      if (rest == NULL)
        rest = add_group (self, NULL);
      add_field (self, rest, spec);
    }

  return GTK_WIDGET (self);
}

const char *
lyg_record_form_get_kind (LygRecordForm *self)
{
  g_return_val_if_fail (LYG_IS_RECORD_FORM (self), NULL);

  return self->type;
}

/**
 * lyg_record_form_set_record:
 * @self: a #LygRecordForm
 * @record: (nullable): the record to show, or %NULL for an empty form
 *
 * Shows the values of @record and remembers them as the unchanged state.
 */
void
lyg_record_form_set_record (LygRecordForm *self,
                            LygRecord     *record)
{
  g_return_if_fail (LYG_IS_RECORD_FORM (self));
  g_return_if_fail (!record || LYG_IS_RECORD (record));

  self->loading++;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      JsonNode *value = record ? lyg_record_get_value (record, field->spec->name) : NULL;

      g_clear_pointer (&field->original, json_node_unref);
      if (value != NULL)
        field->original = json_node_copy (value);
      field_show_value (field, value);
    }

  self->loading--;

  update_state (self);
}

/**
 * lyg_record_form_apply:
 * @self: a #LygRecordForm
 * @record: the record to write to (the loaded one, or a fresher copy)
 *
 * Writes the fields the user changed into @record, and only those.
 *
 * Returns: %TRUE if anything was written
 */
gboolean
lyg_record_form_apply (LygRecordForm *self,
                       LygRecord     *record)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (LYG_IS_RECORD_FORM (self), FALSE);
  g_return_val_if_fail (LYG_IS_RECORD (record), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_autoptr(JsonNode) value = NULL;
      gboolean valid;

      value = field_get_value (field, &valid);
      if (!valid || values_equal (field, value, field->original))
        continue;

      lyg_record_set_value (record, field->spec->name, value);
      changed = TRUE;
    }

  return changed;
}

gboolean
lyg_record_form_get_dirty (LygRecordForm *self)
{
  g_return_val_if_fail (LYG_IS_RECORD_FORM (self), FALSE);

  return self->dirty;
}

gboolean
lyg_record_form_get_valid (LygRecordForm *self)
{
  g_return_val_if_fail (LYG_IS_RECORD_FORM (self), FALSE);

  return self->valid;
}

/**
 * lyg_record_form_get_row:
 * @self: a #LygRecordForm
 * @field: a field name
 *
 * Returns: (transfer none) (nullable): the row that edits @field: an
 *   #AdwEntryRow, #AdwComboRow, #AdwExpanderRow or an #AdwActionRow with a
 *   #GtkSwitch
 */
GtkWidget *
lyg_record_form_get_row (LygRecordForm *self,
                         const char    *field)
{
  Field *f;

  g_return_val_if_fail (LYG_IS_RECORD_FORM (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  f = find_field (self, field);

  return f ? f->row : NULL;
}

/**
 * lyg_record_form_get_group:
 * @self: a #LygRecordForm
 * @index: a group position
 *
 * Returns: (transfer none) (nullable): the #AdwPreferencesGroup at @index,
 *   to add rows or a header suffix to
 */
GtkWidget *
lyg_record_form_get_group (LygRecordForm *self,
                           guint          index)
{
  g_return_val_if_fail (LYG_IS_RECORD_FORM (self), NULL);

  return index < self->groups->len ? g_ptr_array_index (self->groups, index) : NULL;
}

/**
 * lyg_record_form_mark_conflict:
 * @self: a #LygRecordForm
 * @field: a field name
 * @conflict: whether @field has unresolved concurrent values
 *
 * Marks the row of @field so the user sees it needs a decision.
 */
void
lyg_record_form_mark_conflict (LygRecordForm *self,
                               const char    *field,
                               gboolean       conflict)
{
  GtkWidget *row;

  g_return_if_fail (LYG_IS_RECORD_FORM (self));

  if (!(row = lyg_record_form_get_row (self, field)))
    return;

  if (conflict)
    gtk_widget_add_css_class (row, "lyg-conflict");
  else
    gtk_widget_remove_css_class (row, "lyg-conflict");
}

/**
 * lyg_record_form_get_value:
 * @self: a #LygRecordForm
 * @field: a field name
 *
 * Returns: (transfer full) (nullable): the value the widgets of @field show
 */
JsonNode *
lyg_record_form_get_value (LygRecordForm *self,
                           const char    *field)
{
  gboolean valid;
  Field *f;

  g_return_val_if_fail (LYG_IS_RECORD_FORM (self), NULL);

  if (!(f = find_field (self, field)))
    return NULL;

  return field_get_value (f, &valid);
}

/**
 * lyg_record_form_set_value:
 * @self: a #LygRecordForm
 * @field: a field name
 * @value: (nullable): the value to show
 *
 * Shows @value as if the user had entered it.
 */
void
lyg_record_form_set_value (LygRecordForm *self,
                           const char    *field,
                           JsonNode      *value)
{
  Field *f;

  g_return_if_fail (LYG_IS_RECORD_FORM (self));

  if (!(f = find_field (self, field)))
    return;

  field_show_value (f, value);
  update_state (self);
}
