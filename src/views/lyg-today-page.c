/* lyg-today-page.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-today-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-today-page.h"

struct _LygTodayPage
{
  AdwBin      parent_instance;

  /* Owned */
  LygContext *context;
};

G_DEFINE_FINAL_TYPE (LygTodayPage, lyg_today_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};


static GParamSpec *properties [N_PROPS];

static void
lyg_today_page_dispose (GObject *object)
{
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

  object_class->dispose = lyg_today_page_dispose;
  object_class->finalize = lyg_today_page_finalize;
  object_class->get_property = lyg_today_page_get_property;
  object_class->set_property = lyg_today_page_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LYG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lygte/Lygte/lyg-today-page.ui");
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
