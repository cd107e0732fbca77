/* lyg-retention-scheduler.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-retention-scheduler"

#include "config.h"

#include "lyg-retention.h"
#include "lyg-retention-scheduler.h"

/* Runs the retention (lyg-retention.h) soon after unlock and then once a
 * day for as long as the vault stays unlocked: the window keeps one for
 * the life of the unlocked vault's services. */

#define RUN_INTERVAL (24 * 3600)

struct _LygRetentionScheduler
{
  GObject   parent_instance;

  LygVault *vault;
  guint     first_source;
  guint     daily_source;
};

G_DEFINE_FINAL_TYPE (LygRetentionScheduler, lyg_retention_scheduler, G_TYPE_OBJECT)

static gboolean
run_cb (gpointer user_data)
{
  LygRetentionScheduler *self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_persons = 0;

  if (lyg_vault_get_unlocked (self->vault) &&
      !lyg_retention_run (self->vault, g_get_real_time () / G_USEC_PER_SEC, &n_persons, NULL,
                          &error))
    g_warning ("The retention run failed: %s", error->message);
  else if (n_persons > 0)
    g_message ("The retention run erased %u persons", n_persons);

  return G_SOURCE_CONTINUE;
}

static gboolean
first_run_cb (gpointer user_data)
{
  LygRetentionScheduler *self = user_data;

  self->first_source = 0;
  run_cb (self);

  return G_SOURCE_REMOVE;
}

static void
lyg_retention_scheduler_finalize (GObject *object)
{
  LygRetentionScheduler *self = (LygRetentionScheduler *)object;

  g_clear_handle_id (&self->first_source, g_source_remove);
  g_clear_handle_id (&self->daily_source, g_source_remove);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (lyg_retention_scheduler_parent_class)->finalize (object);
}

static void
lyg_retention_scheduler_class_init (LygRetentionSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lyg_retention_scheduler_finalize;
}

static void
lyg_retention_scheduler_init (LygRetentionScheduler *self)
{
}

LygRetentionScheduler *
lyg_retention_scheduler_new (LygVault *vault)
{
  LygRetentionScheduler *self;

  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);

  self = g_object_new (LYG_TYPE_RETENTION_SCHEDULER, NULL);
  self->vault = g_object_ref (vault);
  /* After the first frame: unlocking should not wait for it. */
  self->first_source = g_timeout_add_seconds (2, first_run_cb, self);
  self->daily_source = g_timeout_add_seconds (RUN_INTERVAL, run_cb, self);

  return self;
}
