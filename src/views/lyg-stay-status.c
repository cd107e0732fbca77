/* lyg-stay-status.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-stay-status"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-stay-status.h"

static const char * const style_classes[] = { "error", "warning", "success", "dim-label" };

/**
 * lyg_stay_status_text:
 * @stay: a stay record
 * @today: the day to judge from
 * @style_class: (out) (optional): "error" once the period has ended,
 *   "warning" when it ends within a week, "success" while it runs, or
 *   "dim-label"
 *
 * Returns: (transfer full): where the period stands, in words
 */
char *
lyg_stay_status_text (LygRecord    *stay,
                      const GDate  *today,
                      const char  **style_class)
{
  const char *klass = "dim-label";
  char *text = NULL;
  int left = 0;

  g_return_val_if_fail (LYG_IS_RECORD (stay), NULL);

  switch (lyg_stay_get_urgency (stay, today, &left))
    {
    case LYG_STAY_URGENCY_ENDED:
      klass = "error";
      text = left == -1
        ? g_strdup (_("Period ended yesterday"))
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Period ended %d day ago",
                                        "Period ended %d days ago", -left), -left);
      break;

    case LYG_STAY_URGENCY_ENDING:
      klass = "warning";
      if (left == 0)
        text = g_strdup (_("Period ends today"));
      else if (left == 1)
        text = g_strdup (_("Period ends tomorrow"));
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Ends in %d day",
                                             "Ends in %d days", left), left);
      break;

    case LYG_STAY_URGENCY_RUNNING:
      klass = "success";
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", left),
                              left);
      break;

    case LYG_STAY_URGENCY_NO_PERIOD:
      text = g_strdup (_("No period yet"));
      break;

    case LYG_STAY_URGENCY_DEPARTED:
    default:
      text = g_strdup (_("Departed"));
      break;
    }

  if (style_class != NULL)
    *style_class = klass;

  return text;
}

/* Sets @label to the status of @stay, in words and colour. */
void
lyg_stay_status_apply (GtkLabel    *label,
                       LygRecord   *stay,
                       const GDate *today)
{
  const char *klass = NULL;
  g_autofree char *text = lyg_stay_status_text (stay, today, &klass);

  for (guint i = 0; i < G_N_ELEMENTS (style_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), style_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (label), klass);
  gtk_label_set_text (label, text);
}

/**
 * lyg_stay_date_label:
 * @iso_date: (nullable): a date as YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the date for people to read
 */
char *
lyg_stay_date_label (const char *iso_date)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  if (!lyg_stay_parse_date (iso_date, &date))
    return NULL;

  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);

  /* Translators: a date, see the strftime() manual */
  return g_date_time_format (dt, _("%-d %B %Y"));
}
