/* lyg-hlc.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A stamp is a hybrid logical clock reading written as a fixed-width string:
 *   12 hex digits of wall-clock milliseconds (48 bits), 4 hex digits of
 *   counter (16 bits), '-', 16 hex digits of device id.
 * Fixed width means strcmp() orders stamps exactly as the clock does, and
 * the device id breaks ties, so two different writes never compare equal.
 */
#define LYG_STAMP_LENGTH    33
#define LYG_DEVICE_ID_HEX   16

#define LYG_TYPE_HLC (lyg_hlc_get_type ())

G_DECLARE_FINAL_TYPE (LygHlc, lyg_hlc, LYG, HLC, GObject)

typedef gint64 (*LygHlcClockFunc) (gpointer user_data);

LygHlc     *lyg_hlc_new                (const char      *device_id);
const char *lyg_hlc_get_device_id      (LygHlc          *self);
char       *lyg_hlc_now                (LygHlc          *self);
void        lyg_hlc_observe            (LygHlc          *self,
                                        const char      *stamp);
void        lyg_hlc_set_clock_func     (LygHlc          *self,
                                        LygHlcClockFunc  func,
                                        gpointer         user_data);

gboolean    lyg_stamp_is_valid         (const char      *stamp);
gboolean    lyg_device_id_is_valid     (const char      *device_id);
gint64      lyg_stamp_get_wall_ms      (const char      *stamp);
int         lyg_stamp_compare          (const char      *a,
                                        const char      *b);
char       *lyg_stamp_format           (guint64          wall_ms,
                                        guint            counter,
                                        const char      *device_id);

G_END_DECLS
