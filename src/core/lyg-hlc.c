/* lyg-hlc.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-hlc"

#include "config.h"

#include <string.h>

#include "lyg-hlc.h"

#define WALL_MAX  G_GUINT64_CONSTANT (0xffffffffffff)

struct _LygHlc
{
  GObject          parent_instance;

  char            *device_id;
  guint64          wall_ms;
  guint            counter;
  LygHlcClockFunc  clock_func;
  gpointer         clock_data;
};

G_DEFINE_FINAL_TYPE (LygHlc, lyg_hlc, G_TYPE_OBJECT)

static gboolean
is_lower_hex (const char *s,
              gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isxdigit (s[i]) || g_ascii_isupper (s[i]))
      return FALSE;

  return TRUE;
}

static gint64
system_clock_ms (gpointer user_data)
{
  return g_get_real_time () / 1000;
}

static void
lyg_hlc_finalize (GObject *object)
{
  LygHlc *self = (LygHlc *)object;

  g_clear_pointer (&self->device_id, g_free);

  G_OBJECT_CLASS (lyg_hlc_parent_class)->finalize (object);
}

static void
lyg_hlc_class_init (LygHlcClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lyg_hlc_finalize;
}

static void
lyg_hlc_init (LygHlc *self)
{
  self->clock_func = system_clock_ms;
}

LygHlc *
lyg_hlc_new (const char *device_id)
{
  LygHlc *self;

  g_return_val_if_fail (lyg_device_id_is_valid (device_id), NULL);

  self = g_object_new (LYG_TYPE_HLC, NULL);
  self->device_id = g_strdup (device_id);

  return self;
}

const char *
lyg_hlc_get_device_id (LygHlc *self)
{
  g_return_val_if_fail (LYG_IS_HLC (self), NULL);

  return self->device_id;
}

void
lyg_hlc_set_clock_func (LygHlc          *self,
                        LygHlcClockFunc  func,
                        gpointer         user_data)
{
  g_return_if_fail (LYG_IS_HLC (self));

  self->clock_func = func ? func : system_clock_ms;
  self->clock_data = user_data;
}

static void
advance_to (LygHlc  *self,
            guint64  wall_ms,
            guint    counter)
{
  if (wall_ms > self->wall_ms ||
      (wall_ms == self->wall_ms && counter > self->counter))
    {
      self->wall_ms = wall_ms;
      self->counter = counter;
    }
}

char *
lyg_hlc_now (LygHlc *self)
{
  gint64 now;

  g_return_val_if_fail (LYG_IS_HLC (self), NULL);

  now = self->clock_func (self->clock_data);
  if (now < 0)
    now = 0;

  if ((guint64) now > self->wall_ms)
    {
      self->wall_ms = MIN ((guint64) now, WALL_MAX);
      self->counter = 0;
    }
  else if (self->counter < 0xffff)
    {
      self->counter++;
    }
  else
    {
      /* Counter exhausted within one millisecond: borrow the next one. */
      self->wall_ms = MIN (self->wall_ms + 1, WALL_MAX);
      self->counter = 0;
    }

  return lyg_stamp_format (self->wall_ms, self->counter, self->device_id);
}

void
lyg_hlc_observe (LygHlc     *self,
                 const char *stamp)
{
  guint64 wall;
  guint counter;
  char buf[17];

  g_return_if_fail (LYG_IS_HLC (self));

  if (!lyg_stamp_is_valid (stamp))
    return;

  memcpy (buf, stamp, 12);
  buf[12] = '\0';
  wall = g_ascii_strtoull (buf, NULL, 16);
  memcpy (buf, stamp + 12, 4);
  buf[4] = '\0';
  counter = (guint) g_ascii_strtoull (buf, NULL, 16);

  advance_to (self, wall, counter);
}

gboolean
lyg_device_id_is_valid (const char *device_id)
{
  return device_id != NULL &&
         strlen (device_id) == LYG_DEVICE_ID_HEX &&
         is_lower_hex (device_id, LYG_DEVICE_ID_HEX);
}

gboolean
lyg_stamp_is_valid (const char *stamp)
{
  return stamp != NULL &&
         strlen (stamp) == LYG_STAMP_LENGTH &&
         is_lower_hex (stamp, 16) &&
         stamp[16] == '-' &&
         lyg_device_id_is_valid (stamp + 17);
}

gint64
lyg_stamp_get_wall_ms (const char *stamp)
{
  char buf[13];

  g_return_val_if_fail (lyg_stamp_is_valid (stamp), 0);

  memcpy (buf, stamp, 12);
  buf[12] = '\0';

  return (gint64) g_ascii_strtoull (buf, NULL, 16);
}

int
lyg_stamp_compare (const char *a,
                   const char *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);

  return strcmp (a, b);
}

char *
lyg_stamp_format (guint64     wall_ms,
                  guint       counter,
                  const char *device_id)
{
  g_return_val_if_fail (lyg_device_id_is_valid (device_id), NULL);

  return g_strdup_printf ("%012" G_GINT64_MODIFIER "x%04x-%s",
                          MIN (wall_ms, WALL_MAX), MIN (counter, 0xffffu), device_id);
}
