/* lyg-key.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LYG_TYPE_KEY    (lyg_key_get_type ())
#define LYG_KEY_BYTES   32

/* A secret held in guarded memory (sodium_malloc): it is never swapped out
 * where the OS allows locking, and it is wiped when freed.
 */
typedef struct _LygKey LygKey;

GType          lyg_key_get_type      (void) G_GNUC_CONST;
LygKey        *lyg_key_new           (gsize          len);
LygKey        *lyg_key_new_random    (gsize          len);
LygKey        *lyg_key_new_from_data (const guint8  *data,
                                      gsize          len);
LygKey        *lyg_key_copy          (const LygKey  *key);
void           lyg_key_free          (LygKey        *key);
guint8        *lyg_key_get_data      (LygKey        *key);
const guint8  *lyg_key_peek          (const LygKey  *key);
gsize          lyg_key_get_length    (const LygKey  *key);
gboolean       lyg_key_equal         (const LygKey  *a,
                                      const LygKey  *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LygKey, lyg_key_free)

G_END_DECLS
