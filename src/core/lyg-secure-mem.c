/* lyg-secure-mem.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-secure-mem"

#include "config.h"

#include <sodium.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "lyg-secure-mem.h"

/* SQLite holds decrypted records in the in-memory index and plaintext
 * pages of its caches. Route its allocations through an allocator that
 * wipes every block on free, so locking leaves no decrypted text in freed
 * heap memory for a later allocation or a memory dump to find.
 */

#define HEADER 16

static void *
zmalloc (int n)
{
  guint8 *p;

  if (n <= 0)
    return NULL;

  p = malloc ((size_t) n + HEADER);
  if (p == NULL)
    return NULL;
  *(size_t *) p = (size_t) n;

  return p + HEADER;
}

static void
zfree (void *ptr)
{
  guint8 *p;

  if (ptr == NULL)
    return;

  p = (guint8 *) ptr - HEADER;
  sodium_memzero (ptr, *(size_t *) p);
  free (p);
}

static int
zsize (void *ptr)
{
  if (ptr == NULL)
    return 0;

  return (int) *(size_t *) ((guint8 *) ptr - HEADER);
}

static void *
zrealloc (void *ptr,
          int   n)
{
  void *out;
  int old;

  if (ptr == NULL)
    return zmalloc (n);

  out = zmalloc (n);
  if (out == NULL)
    return NULL;

  old = zsize (ptr);
  memcpy (out, ptr, (size_t) MIN (old, n));
  zfree (ptr);

  return out;
}

static int
zroundup (int n)
{
  return (n + 7) & ~7;
}

static int
zinit (void *data)
{
  return SQLITE_OK;
}

static void
zshutdown (void *data)
{
}

static const sqlite3_mem_methods methods = {
  zmalloc, zfree, zrealloc, zsize, zroundup, zinit, zshutdown, NULL
};

void
lyg_secure_mem_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* Fails harmlessly (SQLITE_MISUSE) if SQLite was already initialised by
       * someone else in this process; then the default allocator stays. */
      if (g_getenv ("LYG_NO_ZERO") == NULL && sqlite3_config (SQLITE_CONFIG_MALLOC, &methods) != SQLITE_OK)
        g_debug ("SQLite already initialised; freed memory is not wiped");
      sqlite3_initialize ();
      g_once_init_leave (&initialized, 1);
    }
}
