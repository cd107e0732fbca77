/* lyg-retention-section.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-retention-section"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-retention.h"
#include "lyg-retention-section.h"

/* The warning a week ahead (DESIGN §10): closed persons that the
 * retention run will erase within LYG_RETENTION_WARN_DAYS, each with a
 * "Keep…" button that asks why and keeps the person for another period.
 * Hidden while nobody is due. It follows the vault's changes itself.
 */
struct _LygRetentionSection
{
  AdwBin       parent_instance;

  LygContext  *context;
  gulong       changed_id;
  guint        refresh_source;
  guint        n_items;

  /* Template widgets */
  GtkListBox  *list;
};

G_DEFINE_FINAL_TYPE (LygRetentionSection, lyg_retention_section, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static LygVault *
get_vault (LygRetentionSection *self)
{
  return self->context != NULL ? lyg_context_get_vault (self->context) : NULL;
}

static void
on_keep_dialog_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            gpointer          user_data)
{
  LygRetentionSection *self = LYG_RETENTION_SECTION (user_data);
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const char *person_id = g_object_get_data (G_OBJECT (dialog), "person-id");
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "keep") || *reason == '\0' || get_vault (self) == NULL)
    return;

  if (!lyg_retention_keep (get_vault (self), person_id, reason,
                           g_get_real_time () / G_USEC_PER_SEC, &error))
    g_warning ("Could not keep the person: %s", error->message);

  lyg_retention_section_refresh (self);
}

static void
on_reason_changed_cb (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "keep", *reason != '\0');
}

static void
on_keep_clicked_cb (GtkButton           *button,
                    LygRetentionSection *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *person_id = g_object_get_data (G_OBJECT (button), "person-id");
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Keep This Person’s Data?"),
                                   _("Data may only be kept as long as they are needed. Say why "
                                     "they are still needed; the person is then kept for another "
                                     "retention period."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, e.g. a case is still open"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "keep", _("_Keep"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "keep", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "person-id", g_strdup (person_id), g_free);
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_keep_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_row (LygRetentionSection *self,
            LygRetentionItem    *item)
{
  g_autoptr(GDateTime) due = g_date_time_new_from_unix_local (item->due);
  /* Translators: when a person will be erased, see g_date_time_format() */
  g_autofree char *when = g_date_time_format (due, _("%-d %B %Y"));
  g_autofree char *subtitle = NULL;
  const char *title = item->title != NULL && *item->title != '\0' ? item->title : _("Unnamed");
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  /* Translators: %s is a date */
  subtitle = g_strdup_printf (_("Will be erased on %s"), when);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  button = gtk_button_new_with_mnemonic (_("_Keep…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Keep for another retention period"));
  g_object_set_data_full (G_OBJECT (button), "person-id", g_strdup (item->person_id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_keep_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

void
lyg_retention_section_refresh (LygRetentionSection *self)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  LygVault *vault;
  GtkWidget *child;
  guint n = 0;

  g_return_if_fail (LYG_IS_RETENTION_SECTION (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  vault = get_vault (self);
  if (vault != NULL && lyg_vault_get_unlocked (vault))
    due = lyg_retention_list_due (vault, g_get_real_time () / G_USEC_PER_SEC,
                                  LYG_RETENTION_WARN_DAYS * 24 * 3600, &error);
  if (error != NULL)
    g_warning ("Could not list the persons due for erasure: %s", error->message);

  for (guint i = 0; due != NULL && i < due->len; i++, n++)
    gtk_list_box_append (self->list, create_row (self, g_ptr_array_index (due, i)));

  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
  if (n != self->n_items)
    {
      self->n_items = n;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
    }
}

static gboolean
on_refresh_idle_cb (gpointer user_data)
{
  LygRetentionSection *self = user_data;

  self->refresh_source = 0;
  lyg_retention_section_refresh (self);

  return G_SOURCE_REMOVE;
}

/* Listing reads every person, so only a change to a person (or to a
 * record gone from the index) refreshes, once per burst of changes. */
static void
on_records_changed_cb (LygRetentionSection *self,
                       char               **ids)
{
  LygIndex *index = lyg_vault_get_index (get_vault (self));
  gboolean person = FALSE;

  for (guint i = 0; ids != NULL && ids[i] != NULL && !person; i++)
    {
      g_autoptr(LygIndexEntry) entry = index ? lyg_index_lookup (index, ids[i]) : NULL;

      person = entry == NULL || g_strcmp0 (entry->type, "person") == 0;
    }

  if (person && self->refresh_source == 0)
    self->refresh_source = g_idle_add (on_refresh_idle_cb, self);
}

void
lyg_retention_section_set_context (LygRetentionSection *self,
                                   LygContext          *context)
{
  g_return_if_fail (LYG_IS_RETENTION_SECTION (self));
  g_return_if_fail (!context || LYG_IS_CONTEXT (context));

  if (self->context != NULL && self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, lyg_context_get_vault (self->context));
  g_set_object (&self->context, context);
  if (context != NULL)
    self->changed_id = g_signal_connect_swapped (lyg_context_get_vault (context),
                                                 "records-changed",
                                                 G_CALLBACK (on_records_changed_cb), self);

  lyg_retention_section_refresh (self);
}

guint
lyg_retention_section_get_n_items (LygRetentionSection *self)
{
  g_return_val_if_fail (LYG_IS_RETENTION_SECTION (self), 0);

  return self->n_items;
}

static void
lyg_retention_section_dispose (GObject *object)
{
  LygRetentionSection *self = (LygRetentionSection *)object;

  if (self->context != NULL && self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, lyg_context_get_vault (self->context));
  g_clear_object (&self->context);
  g_clear_handle_id (&self->refresh_source, g_source_remove);

  G_OBJECT_CLASS (lyg_retention_section_parent_class)->dispose (object);
}

static void
lyg_retention_section_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LygRetentionSection *self = LYG_RETENTION_SECTION (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_retention_section_class_init (LygRetentionSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lyg_retention_section_dispose;
  object_class->get_property = lyg_retention_section_get_property;

  /**
   * LygRetentionSection:n-items:
   *
   * How many persons are listed as due for erasure.
   */
  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-retention-section.ui");
  gtk_widget_class_bind_template_child (widget_class, LygRetentionSection, list);
}

static void
lyg_retention_section_init (LygRetentionSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
on_retention_spin_changed_cb (GtkSpinButton *spin,
                              LygContext    *context)
{
  g_autoptr(GError) error = NULL;
  guint months = (guint) gtk_spin_button_get_value_as_int (spin);

  if (months == lyg_retention_get_months (lyg_context_get_vault (context)))
    return;

  if (!lyg_retention_set_months (lyg_context_get_vault (context), months, &error))
    g_warning ("Could not store the retention period: %s", error->message);
}

/**
 * lyg_retention_bind_spin:
 * @context: (nullable): the services of the unlocked vault
 *
 * Makes @spin show and change the vault's retention period in months
 * (Preferences). Without a vault it is insensitive.
 */
void
lyg_retention_bind_spin (GtkSpinButton *spin,
                         LygContext    *context)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));
  g_return_if_fail (!context || LYG_IS_CONTEXT (context));

  g_signal_handlers_disconnect_matched (spin, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                        on_retention_spin_changed_cb, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (spin), context != NULL);
  if (context == NULL)
    return;

  gtk_spin_button_set_range (spin, LYG_RETENTION_MIN_MONTHS, LYG_RETENTION_MAX_MONTHS);
  gtk_spin_button_set_value (spin, lyg_retention_get_months (lyg_context_get_vault (context)));
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_retention_spin_changed_cb),
                           context, 0);
}
