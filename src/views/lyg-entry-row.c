/* lyg-entry-row.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-entry-row"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-entry-row.h"

/* One row of a record list. List views recycle rows: set_item() rebinds a
 * row to another item instead of building a new widget.
 */
struct _LygEntryRow
{
  AdwBin        parent_instance;

  /* Owned */
  LygEntryItem *item;

  /* Template widgets */
  AdwAvatar    *avatar;
  GtkImage     *icon;
  GtkLabel     *title_label;
  GtkLabel     *subtitle_label;
  GtkLabel     *date_label;
  GtkImage     *done_image;
};

G_DEFINE_FINAL_TYPE (LygEntryRow, lyg_entry_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/**
 * lyg_entry_row_type_icon:
 * @type: a record type
 *
 * Returns: the symbolic icon that stands for records of @type
 */
const char *
lyg_entry_row_type_icon (const char *type)
{
  if (g_strcmp0 (type, "person") == 0)
    return "avatar-default-symbolic";
  if (g_strcmp0 (type, "encounter") == 0)
    return "mark-location-symbolic";
  if (g_strcmp0 (type, "screening") == 0)
    return "checkbox-checked-symbolic";
  if (g_strcmp0 (type, "referral") == 0)
    return "mail-send-symbolic";
  if (g_strcmp0 (type, "followup") == 0)
    return "alarm-symbolic";
  if (g_strcmp0 (type, "stay") == 0 || g_strcmp0 (type, "handover") == 0)
    return "go-home-symbolic";

  return "text-x-generic-symbolic";
}

/**
 * lyg_entry_row_format_date:
 * @iso_date: (nullable): a date as YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the date for people to read
 */
char *
lyg_entry_row_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *full = NULL;

  if (iso_date == NULL || *iso_date == '\0')
    return NULL;

  full = g_strdup_printf ("%.10sT00:00:00Z", iso_date);
  if (!(dt = g_date_time_new_from_iso8601 (full, NULL)))
    return g_strdup (iso_date);

  /* Translators: a date in record lists, see g_date_time_format() */
  return g_date_time_format (dt, C_("list date", "%-d %b %Y"));
}

static gboolean
is_overdue (const char *iso_date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  return iso_date != NULL && g_strcmp0 (iso_date, today) < 0;
}

static void
update (LygEntryRow *self)
{
  const char *kind = NULL;
  const char *title = NULL;
  const char *subtitle = NULL;
  const char *date = NULL;
  g_autofree char *date_text = NULL;
  gboolean person;
  gboolean done = FALSE;
  gboolean overdue = FALSE;

  if (self->item != NULL)
    {
      kind = lyg_entry_item_get_kind (self->item);
      title = lyg_entry_item_get_title (self->item);
      subtitle = lyg_entry_item_get_subtitle (self->item);
      date = lyg_entry_item_get_date (self->item);
    }

  person = g_strcmp0 (kind, "person") == 0;

  /* A follow-up's subtitle says only whether it is done. */
  if (g_strcmp0 (kind, "followup") == 0)
    {
      done = g_strcmp0 (subtitle, _("Done")) == 0;
      overdue = !done && is_overdue (date);
      subtitle = overdue ? _("Overdue") : NULL;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->avatar), person);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), !person);
  adw_avatar_set_text (self->avatar, person ? title : NULL);
  gtk_image_set_from_icon_name (self->icon, lyg_entry_row_type_icon (kind));

  gtk_label_set_text (self->title_label, title ? title : "");
  gtk_label_set_text (self->subtitle_label, subtitle ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle && *subtitle);

  date_text = lyg_entry_row_format_date (date);
  gtk_label_set_text (self->date_label, date_text ? date_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_label), date_text != NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->done_image), done);
  if (overdue)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->subtitle_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->subtitle_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->subtitle_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->subtitle_label), "dim-label");
    }
}

static void
lyg_entry_row_dispose (GObject *object)
{
  LygEntryRow *self = LYG_ENTRY_ROW (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_ENTRY_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (lyg_entry_row_parent_class)->dispose (object);
}

static void
lyg_entry_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LygEntryRow *self = LYG_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_entry_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LygEntryRow *self = LYG_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      lyg_entry_row_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_entry_row_class_init (LygEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lyg_entry_row_dispose;
  object_class->get_property = lyg_entry_row_get_property;
  object_class->set_property = lyg_entry_row_set_property;

  properties [PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         LYG_TYPE_ENTRY_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LygEntryRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, LygEntryRow, icon);
  gtk_widget_class_bind_template_child (widget_class, LygEntryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, LygEntryRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LygEntryRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, LygEntryRow, done_image);
}

static void
lyg_entry_row_init (LygEntryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lyg_entry_row_new (void)
{
  return g_object_new (LYG_TYPE_ENTRY_ROW, NULL);
}

LygEntryItem *
lyg_entry_row_get_item (LygEntryRow *self)
{
  g_return_val_if_fail (LYG_IS_ENTRY_ROW (self), NULL);

  return self->item;
}

void
lyg_entry_row_set_item (LygEntryRow  *self,
                        LygEntryItem *item)
{
  g_return_if_fail (LYG_IS_ENTRY_ROW (self));
  g_return_if_fail (!item || LYG_IS_ENTRY_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ITEM]);
}
