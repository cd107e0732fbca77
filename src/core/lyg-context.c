/* lyg-context.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-context"

#include "config.h"

#include "lyg-context.h"

struct _LygContext
{
  GObject          parent_instance;

  LygVault        *vault;
  LygCatalogueSet *catalogues;
  GObject         *sync;
};

G_DEFINE_FINAL_TYPE (LygContext, lyg_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_CATALOGUES,
  PROP_SYNC,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
lyg_context_dispose (GObject *object)
{
  LygContext *self = (LygContext *)object;

  g_clear_object (&self->sync);
  g_clear_object (&self->catalogues);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (lyg_context_parent_class)->dispose (object);
}

static void
lyg_context_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LygContext *self = LYG_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;

    case PROP_CATALOGUES:
      g_value_set_object (value, self->catalogues);
      break;

    case PROP_SYNC:
      g_value_set_object (value, self->sync);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_context_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LygContext *self = LYG_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;

    case PROP_CATALOGUES:
      self->catalogues = g_value_dup_object (value);
      break;

    case PROP_SYNC:
      lyg_context_set_sync (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_context_class_init (LygContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lyg_context_dispose;
  object_class->get_property = lyg_context_get_property;
  object_class->set_property = lyg_context_set_property;

  properties [PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, LYG_TYPE_VAULT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CATALOGUES] =
    g_param_spec_object ("catalogues", NULL, NULL, LYG_TYPE_CATALOGUE_SET,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SYNC] =
    g_param_spec_object ("sync", NULL, NULL, G_TYPE_OBJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lyg_context_init (LygContext *self)
{
}

LygContext *
lyg_context_new (LygVault        *vault,
                 LygCatalogueSet *catalogues)
{
  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);
  g_return_val_if_fail (catalogues == NULL || LYG_IS_CATALOGUE_SET (catalogues), NULL);

  return g_object_new (LYG_TYPE_CONTEXT, "vault", vault, "catalogues", catalogues, NULL);
}

LygVault *
lyg_context_get_vault (LygContext *self)
{
  g_return_val_if_fail (LYG_IS_CONTEXT (self), NULL);

  return self->vault;
}

LygCatalogueSet *
lyg_context_get_catalogues (LygContext *self)
{
  g_return_val_if_fail (LYG_IS_CONTEXT (self), NULL);

  return self->catalogues;
}

GObject *
lyg_context_get_sync (LygContext *self)
{
  g_return_val_if_fail (LYG_IS_CONTEXT (self), NULL);

  return self->sync;
}

void
lyg_context_set_sync (LygContext *self,
                      GObject    *sync_engine)
{
  g_return_if_fail (LYG_IS_CONTEXT (self));
  g_return_if_fail (sync_engine == NULL || G_IS_OBJECT (sync_engine));

  if (g_set_object (&self->sync, sync_engine))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SYNC]);
}
