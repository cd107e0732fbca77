/* lyg-referral-editor.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-referral-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-referral-editor.h"

struct _LygReferralEditor
{
  AdwBin      parent_instance;

  /* Owned */
  LygContext *context;
  char       *referral_id;
  char       *person_id;
  char       *screening_id;
};

G_DEFINE_FINAL_TYPE (LygReferralEditor, lyg_referral_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_REFERRAL_ID,
  PROP_PERSON_ID,
  PROP_SCREENING_ID,
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
lyg_referral_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LYG_TYPE_REFERRAL_EDITOR);

  G_OBJECT_CLASS (lyg_referral_editor_parent_class)->dispose (object);
}

static void
lyg_referral_editor_finalize (GObject *object)
{
  LygReferralEditor *self = (LygReferralEditor *)object;

  g_clear_object (&self->context);
  g_clear_pointer (&self->referral_id, g_free);
  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->screening_id, g_free);

  G_OBJECT_CLASS (lyg_referral_editor_parent_class)->finalize (object);
}

static void
lyg_referral_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LygReferralEditor *self = LYG_REFERRAL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_REFERRAL_ID:
      g_value_set_string (value, self->referral_id);
      break;

    case PROP_PERSON_ID:
      g_value_set_string (value, self->person_id);
      break;

    case PROP_SCREENING_ID:
      g_value_set_string (value, self->screening_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, lyg_referral_editor_get_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_referral_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LygReferralEditor *self = LYG_REFERRAL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_REFERRAL_ID:
      self->referral_id = g_value_dup_string (value);
      break;

    case PROP_PERSON_ID:
      self->person_id = g_value_dup_string (value);
      break;

    case PROP_SCREENING_ID:
      self->screening_id = g_value_dup_string (value);
      break;


    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_referral_editor_class_init (LygReferralEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lyg_referral_editor_dispose;
  object_class->finalize = lyg_referral_editor_finalize;
  object_class->get_property = lyg_referral_editor_get_property;
  object_class->set_property = lyg_referral_editor_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LYG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REFERRAL_ID] =
    g_param_spec_string ("referral-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PERSON_ID] =
    g_param_spec_string ("person-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SCREENING_ID] =
    g_param_spec_string ("screening-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [DONE] =
    g_signal_new ("done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals [OPEN_RECORD] =
    g_signal_new ("open-record",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lygte/Lygte/lyg-referral-editor.ui");
}

static void
lyg_referral_editor_init (LygReferralEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lyg_referral_editor_new (LygContext *context,
                         const char *referral_id,
                         const char *person_id,
                         const char *screening_id)
{
  g_return_val_if_fail (LYG_IS_CONTEXT (context), NULL);

  return g_object_new (LYG_TYPE_REFERRAL_EDITOR,
                       "context", context,
                       "referral-id", referral_id,
                       "person-id", person_id,
                       "screening-id", screening_id,
                       NULL);
}

const char *
lyg_referral_editor_get_title (LygReferralEditor *self)
{
  g_return_val_if_fail (LYG_IS_REFERRAL_EDITOR (self), NULL);

  return _("New Referral");
}
