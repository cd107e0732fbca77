/* lyg-screening-page.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-screening-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-screening-page.h"

struct _LygScreeningPage
{
  AdwBin      parent_instance;

  /* Owned */
  LygContext *context;
  char       *screening_id;
  char       *person_id;
  char       *title;

  /* Template widgets */
  AdwWindowTitle *window_title;
};

G_DEFINE_FINAL_TYPE (LygScreeningPage, lyg_screening_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SCREENING_ID,
  PROP_PERSON_ID,
  PROP_TITLE,
  N_PROPS
};

enum {
  DONE,
  OPEN_RECORD,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
on_cancel_button_clicked_cb (LygScreeningPage *self,
                             GtkButton        *button)
{
  g_signal_emit (self, signals [DONE], 0);
}

static void
lyg_screening_page_constructed (GObject *object)
{
  LygScreeningPage *self = LYG_SCREENING_PAGE (object);

  G_OBJECT_CLASS (lyg_screening_page_parent_class)->constructed (object);

  self->title = g_strdup (self->screening_id == NULL ? _("New Screening") : _("Screening"));
  adw_window_title_set_title (self->window_title, self->title);
}

static void
lyg_screening_page_dispose (GObject *object)
{
  LygScreeningPage *self = LYG_SCREENING_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_SCREENING_PAGE);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (lyg_screening_page_parent_class)->dispose (object);
}

static void
lyg_screening_page_finalize (GObject *object)
{
  LygScreeningPage *self = LYG_SCREENING_PAGE (object);

  g_clear_pointer (&self->screening_id, g_free);
  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (lyg_screening_page_parent_class)->finalize (object);
}

static void
lyg_screening_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LygScreeningPage *self = LYG_SCREENING_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_SCREENING_ID:
      g_value_set_string (value, self->screening_id);
      break;

    case PROP_PERSON_ID:
      g_value_set_string (value, self->person_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_screening_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LygScreeningPage *self = LYG_SCREENING_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_SCREENING_ID:
      self->screening_id = g_value_dup_string (value);
      break;

    case PROP_PERSON_ID:
      self->person_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_screening_page_class_init (LygScreeningPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lyg_screening_page_constructed;
  object_class->dispose = lyg_screening_page_dispose;
  object_class->finalize = lyg_screening_page_finalize;
  object_class->get_property = lyg_screening_page_get_property;
  object_class->set_property = lyg_screening_page_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LYG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SCREENING_ID] =
    g_param_spec_string ("screening-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PERSON_ID] =
    g_param_spec_string ("person-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LygScreeningPage::done:
   * @self: a #LygScreeningPage
   *
   * Emitted after the screening was saved or the user cancelled.  The
   * container removes the page.
   */
  signals [DONE] =
    g_signal_new ("done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  /**
   * LygScreeningPage::open-record:
   * @self: a #LygScreeningPage
   * @id: the id of the record to open
   *
   * Emitted after "Refer…" created a referral, so the container can open
   * it in its editor.
   */
  signals [OPEN_RECORD] =
    g_signal_new ("open-record",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-screening-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LygScreeningPage, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
}

static void
lyg_screening_page_init (LygScreeningPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lyg_screening_page_new:
 * @context: the services of the open vault
 * @screening_id: (nullable): the screening to open, or %NULL for a new one
 * @person_id: (nullable): the person screened
 *
 * Returns: (transfer floating): a new #LygScreeningPage
 */
GtkWidget *
lyg_screening_page_new (LygContext *context,
                        const char *screening_id,
                        const char *person_id)
{
  g_return_val_if_fail (LYG_IS_CONTEXT (context), NULL);

  return g_object_new (LYG_TYPE_SCREENING_PAGE,
                       "context", context,
                       "screening-id", screening_id,
                       "person-id", person_id,
                       NULL);
}

const char *
lyg_screening_page_get_title (LygScreeningPage *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_PAGE (self), NULL);

  return self->title;
}

const char *
lyg_screening_page_get_screening_id (LygScreeningPage *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_PAGE (self), NULL);

  return self->screening_id;
}

const char *
lyg_screening_page_get_person_id (LygScreeningPage *self)
{
  g_return_val_if_fail (LYG_IS_SCREENING_PAGE (self), NULL);

  return self->person_id;
}
