/* test-crash.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-util.h"

#define ROUNDS 25

/* The child saves records as fast as it can and reports each id only after
 * the save returned, i.e. after the transaction was committed with
 * synchronous=FULL. Whatever it reported must survive SIGKILL. */
static G_GNUC_NORETURN void
run_writer (const char *path,
            int         fd)
{
  g_autoptr(LygVault) vault = NULL;
  g_autoptr(GError) error = NULL;

  vault = lyg_vault_open (path, &error);
  if (vault == NULL || !lyg_vault_unlock (vault, "pass", &error))
    _exit (3);

  for (guint i = 0; ; i++)
    {
      g_autofree char *alias = g_strdup_printf ("crash %u", i);
      g_autoptr(LygRecord) record = test_person_new (alias, "a note that makes the row longer");
      g_autofree char *line = NULL;

      if (!lyg_vault_save_record (vault, record, &error))
        _exit (4);
      line = g_strdup_printf ("%s\n", lyg_record_get_id (record));
      if (write (fd, line, strlen (line)) != (ssize_t) strlen (line))
        _exit (5);
    }
}

static void
test_kill_during_writes (void)
{
  g_autoptr(LygVault) vault = test_vault_new ("crash.lygte", "pass");
  g_autofree char *path = test_vault_path ("crash.lygte");
  g_autoptr(GPtrArray) acknowledged = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GError) error = NULL;

  g_clear_object (&vault);

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GString) buffer = g_string_new (NULL);
      g_auto(GStrv) lines = NULL;
      int fds[2];
      pid_t pid;
      char chunk[4096];
      ssize_t n;
      int status = 0;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          run_writer (path, fds[1]);
        }
      close (fds[1]);

      /* Let it write for a random moment: 1 to 60 ms. */
      g_usleep (1000 * g_rand_int_range (rand, 1, 60));
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_assert_true (WIFSIGNALED (status));

      while ((n = read (fds[0], chunk, sizeof chunk)) > 0)
        g_string_append_len (buffer, chunk, n);
      close (fds[0]);

      lines = g_strsplit (buffer->str, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        /* A line cut by the kill was never complete, so never reported. */
        if (strlen (lines[i]) == 36)
          g_ptr_array_add (acknowledged, g_strdup (lines[i]));
    }

  g_test_message ("%u acknowledged records over %d kills", acknowledged->len, ROUNDS);
  g_assert_cmpuint (acknowledged->len, >, 0);

  vault = lyg_vault_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (lyg_store_integrity_check (lyg_vault_get_store (vault), &error));
  g_assert_no_error (error);
  g_assert_true (lyg_vault_unlock (vault, "pass", &error));
  g_assert_no_error (error);

  for (guint i = 0; i < acknowledged->len; i++)
    {
      g_autoptr(LygRecord) record = lyg_vault_get_record (vault, acknowledged->pdata[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (record);
    }
  g_assert_cmpuint (lyg_index_count (lyg_vault_get_index (vault), "person"), >=,
                    acknowledged->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lyg/store/kill-during-writes", test_kill_during_writes);

  return g_test_run ();
}
