/* lyg-draft.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-draft"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-draft.h"
#include "lyg-schema.h"

#define DRAFT_PREFIX "draft."

/* Drafts */

JsonObject *
lyg_draft_load (LygVault   *vault,
                const char *name)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *key = NULL;
  JsonNode *root;
  gsize size;
  const char *data;

  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!lyg_vault_get_unlocked (vault))
    return NULL;

  key = g_strconcat (DRAFT_PREFIX, name, NULL);
  if (!(bytes = lyg_vault_get_secret (vault, key, NULL)))
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, size, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  return json_object_ref (json_node_get_object (root));
}

gboolean
lyg_draft_save (LygVault    *vault,
                const char  *name,
                JsonObject  *object,
                GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *key = NULL;
  char *text;
  gsize length;

  g_return_val_if_fail (LYG_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (object != NULL, FALSE);

  root = json_node_init_object (json_node_alloc (), object);
  text = json_to_string (root, FALSE);
  length = strlen (text);

  /* The plaintext only lives in memory and is wiped before it is freed. */
  bytes = g_bytes_new_with_free_func (text, length, (GDestroyNotify) g_free, text);
  key = g_strconcat (DRAFT_PREFIX, name, NULL);

  if (!lyg_vault_set_secret (vault, key, bytes, error))
    {
      memset (text, 0, length);
      return FALSE;
    }

  memset (text, 0, length);

  return TRUE;
}

void
lyg_draft_clear (LygVault   *vault,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  g_return_if_fail (LYG_IS_VAULT (vault));
  g_return_if_fail (name != NULL);

  if (!lyg_vault_get_unlocked (vault))
    return;

  key = g_strconcat (DRAFT_PREFIX, name, NULL);
  if (!lyg_vault_set_secret (vault, key, NULL, &error) &&
      !g_error_matches (error, LYG_STORE_ERROR, LYG_STORE_ERROR_NOT_FOUND))
    g_debug ("Could not clear a draft: %s", error->message);
}

/* Enum combo rows: the model holds the translated labels in schema order,
 * optionally after a "not recorded" entry.
 */

void
lyg_form_setup_enum_combo (AdwComboRow *row,
                           const char  *enum_name,
                           const char  *none_label)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  const LygEnumValue *values;
  guint n_values = 0;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  values = lyg_schema_enum_values (enum_name, &n_values);

  if (none_label != NULL)
    gtk_string_list_append (model, none_label);
  for (guint i = 0; i < n_values; i++)
    gtk_string_list_append (model, lyg_schema_enum_label (enum_name, values[i].id));

  g_object_set_data_full (G_OBJECT (row), "lyg-enum", g_strdup (enum_name), g_free);
  g_object_set_data (G_OBJECT (row), "lyg-enum-offset", GUINT_TO_POINTER (none_label != NULL));
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, 0);
}

const char *
lyg_form_get_enum_combo (AdwComboRow *row)
{
  const char *enum_name = g_object_get_data (G_OBJECT (row), "lyg-enum");
  guint offset = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "lyg-enum-offset"));
  guint selected = adw_combo_row_get_selected (row);
  const LygEnumValue *values;
  guint n_values = 0;

  g_return_val_if_fail (enum_name != NULL, NULL);

  values = lyg_schema_enum_values (enum_name, &n_values);
  if (selected == GTK_INVALID_LIST_POSITION || selected < offset || selected - offset >= n_values)
    return NULL;

  return values[selected - offset].id;
}

void
lyg_form_set_enum_combo (AdwComboRow *row,
                         const char  *id)
{
  const char *enum_name = g_object_get_data (G_OBJECT (row), "lyg-enum");
  guint offset = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "lyg-enum-offset"));
  const LygEnumValue *values;
  guint n_values = 0;

  g_return_if_fail (enum_name != NULL);

  values = lyg_schema_enum_values (enum_name, &n_values);
  for (guint i = 0; id != NULL && i < n_values; i++)
    {
      if (g_str_equal (values[i].id, id))
        {
          adw_combo_row_set_selected (row, i + offset);
          return;
        }
    }

  if (offset > 0)
    adw_combo_row_set_selected (row, 0);
}

/* Writing values: only what changed becomes a pending field, so editing
 * one field does not stamp (and later conflict on) all the others.
 */

static void
put_node (LygRecord  *record,
          const char *field,
          JsonNode   *node)
{
  JsonNode *current = lyg_record_get_value (record, field);

  if (node == NULL)
    {
      if (current != NULL)
        lyg_record_unset (record, field);
      return;
    }

  if (current != NULL && json_node_equal (current, node))
    return;

  lyg_record_set_value (record, field, node);
}

void
lyg_form_put_string (LygRecord  *record,
                     const char *field,
                     const char *value)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (value ? value : ""));

  if (*stripped != '\0')
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, stripped);
    }

  put_node (record, field, node);
}

void
lyg_form_put_int (LygRecord  *record,
                  const char *field,
                  gboolean    set,
                  gint64      value)
{
  g_autoptr(JsonNode) node = NULL;

  if (set)
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_int (node, value);
    }

  put_node (record, field, node);
}

void
lyg_form_put_boolean (LygRecord  *record,
                      const char *field,
                      gboolean    value)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

  json_node_set_boolean (node, value);

  /* A new record does not need a stored "false". */
  if (!value && lyg_record_get_value (record, field) == NULL)
    return;

  put_node (record, field, node);
}

void
lyg_form_put_strv (LygRecord          *record,
                   const char         *field,
                   const char * const *value)
{
  g_autoptr(JsonNode) node = NULL;

  if (value != NULL && value[0] != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; value[i] != NULL; i++)
        json_array_add_string_element (array, value[i]);

      node = json_node_init_array (json_node_alloc (), array);
      json_array_unref (array);
    }

  put_node (record, field, node);
}

/* Dates */

char *
lyg_form_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
lyg_form_parse_date (const char *text,
                     GDate      *date)
{
  guint year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);

  if (text == NULL || sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return FALSE;

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);

  return TRUE;
}

/* "Today", "Tomorrow", "Yesterday" or the date in the locale's format. */
char *
lyg_form_date_label (const char *iso_date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = NULL;
  GDate date, today;
  int days;

  if (!lyg_form_parse_date (iso_date, &date))
    return g_strdup (iso_date ? iso_date : "");

  g_date_clear (&today, 1);
  g_date_set_dmy (&today,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
  days = g_date_days_between (&today, &date);

  if (days == 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Tomorrow"));
  if (days == -1)
    return g_strdup (_("Yesterday"));

  then = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 0, 0, 0);

  /* Translators: a date, see the strftime() manual */
  return g_date_time_format (then, _("%-d %B %Y"));
}

typedef struct
{
  LygFormConfirmedFunc  confirmed;
  GWeakRef              target;
} Confirm;

static void
confirm_free (gpointer data)
{
  Confirm *confirm = data;

  g_weak_ref_clear (&confirm->target);
  g_free (confirm);
}

static void
on_confirm_dialog_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               Confirm          *confirm)
{
  g_autoptr(GObject) target = g_weak_ref_get (&confirm->target);

  /* The editor may be gone already (locked while the dialog was open). */
  if (target != NULL && g_strcmp0 (response, "delete") == 0)
    confirm->confirmed (target);
}

/* The one "Delete …?" question every record page asks: destructive, with
 * Cancel as the default and on Escape. @confirmed gets @user_data, a
 * GObject held weakly while the dialog is open. */
void
lyg_form_confirm_delete (GtkWidget            *widget,
                         const char           *heading,
                         const char           *body,
                         LygFormConfirmedFunc  confirmed,
                         gpointer              user_data)
{
  GtkRoot *root;
  AdwMessageDialog *dialog;
  Confirm *confirm;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (G_IS_OBJECT (user_data));

  root = gtk_widget_get_root (widget);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  confirm = g_new0 (Confirm, 1);
  confirm->confirmed = confirmed;
  g_weak_ref_init (&confirm->target, user_data);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_confirm_dialog_response_cb),
                         confirm, (GClosureNotify) (void (*) (void)) confirm_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
