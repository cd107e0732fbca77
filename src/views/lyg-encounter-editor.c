/* lyg-encounter-editor.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-encounter-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-encounter-editor.h"

struct _LygEncounterEditor
{
  AdwBin      parent_instance;

  /* Owned */
  LygContext *context;
  char       *encounter_id;
  char       *person_id;
};

G_DEFINE_FINAL_TYPE (LygEncounterEditor, lyg_encounter_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ENCOUNTER_ID,
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
lyg_encounter_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LYG_TYPE_ENCOUNTER_EDITOR);

  G_OBJECT_CLASS (lyg_encounter_editor_parent_class)->dispose (object);
}

static void
lyg_encounter_editor_finalize (GObject *object)
{
  LygEncounterEditor *self = (LygEncounterEditor *)object;

  g_clear_object (&self->context);
  g_clear_pointer (&self->encounter_id, g_free);
  g_clear_pointer (&self->person_id, g_free);

  G_OBJECT_CLASS (lyg_encounter_editor_parent_class)->finalize (object);
}

static void
lyg_encounter_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LygEncounterEditor *self = LYG_ENCOUNTER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_ENCOUNTER_ID:
      g_value_set_string (value, self->encounter_id);
      break;

    case PROP_PERSON_ID:
      g_value_set_string (value, self->person_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, lyg_encounter_editor_get_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_encounter_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LygEncounterEditor *self = LYG_ENCOUNTER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_ENCOUNTER_ID:
      self->encounter_id = g_value_dup_string (value);
      break;

    case PROP_PERSON_ID:
      self->person_id = g_value_dup_string (value);
      break;


    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_encounter_editor_class_init (LygEncounterEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lyg_encounter_editor_dispose;
  object_class->finalize = lyg_encounter_editor_finalize;
  object_class->get_property = lyg_encounter_editor_get_property;
  object_class->set_property = lyg_encounter_editor_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LYG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ENCOUNTER_ID] =
    g_param_spec_string ("encounter-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PERSON_ID] =
    g_param_spec_string ("person-id", NULL, NULL,
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

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lygte/Lygte/lyg-encounter-editor.ui");
}

static void
lyg_encounter_editor_init (LygEncounterEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lyg_encounter_editor_new (LygContext *context,
                          const char *encounter_id,
                          const char *person_id)
{
  g_return_val_if_fail (LYG_IS_CONTEXT (context), NULL);

  return g_object_new (LYG_TYPE_ENCOUNTER_EDITOR,
                       "context", context,
                       "encounter-id", encounter_id,
                       "person-id", person_id,
                       NULL);
}

const char *
lyg_encounter_editor_get_title (LygEncounterEditor *self)
{
  g_return_val_if_fail (LYG_IS_ENCOUNTER_EDITOR (self), NULL);

  return _("New Encounter");
}
