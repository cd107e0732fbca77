/* test-merge.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-util.h"

#define ID "0f8fad5b-d9cb-469f-a165-70867728950e"

static const char *devices[] = {
  "000000000000000a", "000000000000000b", "000000000000000c", "000000000000000d"
};
static const char *field_names[] = { "alias", "notes", "area", "status" };
static const char *values[] = { "red", "green", "blue", "Rosa", "" };

typedef struct
{
  gint64 now;
} FakeClock;

static gint64
fake_clock (gpointer user_data)
{
  FakeClock *clock = user_data;

  return clock->now;
}

static char *
serialize (LygRecord *record)
{
  return lyg_record_serialize (record, NULL);
}

static LygRecord *
merge_all (GPtrArray *revisions,
           GRand     *rand)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  LygRecord *out = lyg_record_new_with_id ("person", ID);

  for (guint i = 0; i < revisions->len; i++)
    g_ptr_array_insert (order, g_rand_int_range (rand, 0, i + 1), revisions->pdata[i]);

  for (guint i = 0; i < order->len; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (lyg_record_merge (out, order->pdata[i], NULL, &error));
      g_assert_no_error (error);
    }

  return out;
}

/* Merges a random tree: splits the list in two, merges each half in its own
 * way, then merges the halves — exercises associativity, not just order. */
static LygRecord *
merge_tree (GPtrArray *revisions,
            guint      from,
            guint      to,
            GRand     *rand)
{
  LygRecord *left;
  g_autoptr(LygRecord) right = NULL;
  guint mid;

  if (to - from == 1)
    return lyg_record_copy (revisions->pdata[from]);

  mid = g_rand_int_range (rand, from + 1, to);
  left = merge_tree (revisions, from, mid, rand);
  right = merge_tree (revisions, mid, to, rand);
  g_assert_true (lyg_record_merge (left, right, NULL, NULL));

  return left;
}

static gboolean
run_case (guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) revisions = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_devices = g_rand_int_range (rand, 2, 5);
  LygRecord *state[4];
  LygHlc *clock[4];
  FakeClock time[4];
  g_autofree char *reference = NULL;
  guint n_ops = g_rand_int_range (rand, 3, 40);

  for (guint d = 0; d < n_devices; d++)
    {
      state[d] = lyg_record_new_with_id ("person", ID);
      clock[d] = lyg_hlc_new (devices[d]);
      /* Skewed wall clocks, some of them behind the others. */
      time[d].now = 1700000000000 + g_rand_int_range (rand, -5000, 5000);
      lyg_hlc_set_clock_func (clock[d], fake_clock, &time[d]);
    }

  for (guint op = 0; op < n_ops; op++)
    {
      guint d = g_rand_int_range (rand, 0, n_devices);

      time[d].now += g_rand_int_range (rand, 0, 3);

      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          /* Receive another device's current state (partial gossip). */
          guint from = g_rand_int_range (rand, 0, n_devices);
          const char *max;

          lyg_record_merge (state[d], state[from], NULL, NULL);
          if ((max = lyg_record_get_max_stamp (state[d])) != NULL)
            lyg_hlc_observe (clock[d], max);
        }
      else
        {
          g_autofree char *stamp = NULL;
          guint n_fields = g_rand_int_range (rand, 1, 3);

          for (guint f = 0; f < n_fields; f++)
            {
              const char *field = field_names[g_rand_int_range (rand, 0, 4)];
              const char *value = values[g_rand_int_range (rand, 0, G_N_ELEMENTS (values))];

              if (*value == '\0')
                lyg_record_unset (state[d], field);
              else
                lyg_record_set_string (state[d], field, value);
            }
          stamp = lyg_hlc_now (clock[d]);
          lyg_record_stamp_pending (state[d], stamp);
          g_ptr_array_add (revisions, lyg_record_copy (state[d]));
        }
    }

  if (revisions->len == 0)
    g_ptr_array_add (revisions, lyg_record_copy (state[0]));

  for (guint attempt = 0; attempt < 4; attempt++)
    {
      g_autoptr(LygRecord) merged = NULL;
      g_autofree char *text = NULL;

      merged = attempt % 2 == 0 ? merge_all (revisions, rand)
                                : merge_tree (revisions, 0, revisions->len, rand);
      text = serialize (merged);

      if (reference == NULL)
        {
          g_autoptr(LygRecord) twice = lyg_record_copy (merged);
          g_autofree char *twice_text = NULL;
          gboolean changed = TRUE;

          reference = g_steal_pointer (&text);

          /* Idempotent: merging a state with itself changes nothing. */
          lyg_record_merge (twice, merged, &changed, NULL);
          twice_text = serialize (twice);
          if (changed || g_strcmp0 (twice_text, reference) != 0)
            return FALSE;
        }
      else if (g_strcmp0 (text, reference) != 0)
        return FALSE;
    }

  /* Every device that has seen everything holds the same state. */
  for (guint d = 0; d < n_devices; d++)
    {
      g_autofree char *text = NULL;

      for (guint r = 0; r < revisions->len; r++)
        lyg_record_merge (state[d], revisions->pdata[r], NULL, NULL);
      text = serialize (state[d]);
      if (g_strcmp0 (text, reference) != 0)
        return FALSE;
    }

  for (guint d = 0; d < n_devices; d++)
    {
      g_object_unref (state[d]);
      g_object_unref (clock[d]);
    }

  return TRUE;
}

static void
test_random_convergence (void)
{
  guint32 base = g_test_rand_int ();

  for (guint i = 0; i < 1500; i++)
    {
      guint32 seed = base + i;

      if (!run_case (seed))
        {
          g_test_fail_printf ("merge did not converge for seed %u", seed);
          return;
        }
    }
}

static LygRecord *
edit (LygRecord  *base,
      LygHlc     *clock,
      const char *field,
      const char *value)
{
  LygRecord *copy = lyg_record_copy (base);
  g_autofree char *stamp = lyg_hlc_now (clock);

  lyg_record_set_string (copy, field, value);
  lyg_record_stamp_pending (copy, stamp);

  return copy;
}

static void
test_concurrent_conflict (void)
{
  g_autoptr(LygHlc) a = lyg_hlc_new (devices[0]);
  g_autoptr(LygHlc) b = lyg_hlc_new (devices[1]);
  g_autoptr(LygRecord) empty = lyg_record_new_with_id ("person", ID);
  g_autoptr(LygRecord) base = NULL;
  g_autoptr(LygRecord) from_a = NULL;
  g_autoptr(LygRecord) from_b = NULL;
  g_autoptr(LygRecord) ab = NULL;
  g_autoptr(LygRecord) ba = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(LygRecord) resolved = NULL;
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;
  g_autofree char *loser = NULL;
  LygConflict *conflict;
  const char *winner;

  base = edit (empty, a, "alias", "Maria");
  from_a = edit (base, a, "alias", "Mia");
  from_b = edit (base, b, "alias", "Marie");

  ab = lyg_record_copy (from_a);
  lyg_record_merge (ab, from_b, NULL, NULL);
  ba = lyg_record_copy (from_b);
  lyg_record_merge (ba, from_a, NULL, NULL);

  t1 = serialize (ab);
  t2 = serialize (ba);
  g_assert_cmpstr (t1, ==, t2);

  winner = lyg_record_get_string (ab, "alias");
  conflicts = lyg_record_get_conflicts (ab);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = conflicts->pdata[0];
  g_assert_cmpstr (conflict->field, ==, "alias");
  g_assert_cmpstr (json_node_get_string (conflict->value), !=, winner);
  g_assert_true (g_str_equal (json_node_get_string (conflict->value), "Mia") ||
                 g_str_equal (json_node_get_string (conflict->value), "Marie"));
  loser = g_strdup (json_node_get_string (conflict->value));
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* Choosing a value settles the conflict, and old revisions arriving
   * again do not bring it back. */
  resolved = edit (ab, a, "alias", loser);
  lyg_record_merge (resolved, from_a, NULL, NULL);
  lyg_record_merge (resolved, from_b, NULL, NULL);
  conflicts = lyg_record_get_conflicts (resolved);
  g_assert_cmpuint (conflicts->len, ==, 0);
}

static void
test_sequential_no_conflict (void)
{
  g_autoptr(LygHlc) a = lyg_hlc_new (devices[0]);
  g_autoptr(LygHlc) b = lyg_hlc_new (devices[1]);
  g_autoptr(LygRecord) base = lyg_record_new_with_id ("person", ID);
  g_autoptr(LygRecord) first = NULL;
  g_autoptr(LygRecord) second = NULL;
  g_autoptr(LygRecord) merged = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;

  first = edit (base, a, "notes", "first");
  lyg_hlc_observe (b, lyg_record_get_max_stamp (first));
  second = edit (first, b, "notes", "second");

  merged = lyg_record_copy (first);
  lyg_record_merge (merged, second, NULL, NULL);
  g_assert_cmpstr (lyg_record_get_string (merged, "notes"), ==, "second");
  conflicts = lyg_record_get_conflicts (merged);
  g_assert_cmpuint (conflicts->len, ==, 0);
}

static void
test_concurrent_same_value (void)
{
  g_autoptr(LygHlc) a = lyg_hlc_new (devices[0]);
  g_autoptr(LygHlc) b = lyg_hlc_new (devices[1]);
  g_autoptr(LygRecord) base = lyg_record_new_with_id ("person", ID);
  g_autoptr(LygRecord) x = NULL;
  g_autoptr(LygRecord) y = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;

  x = edit (base, a, "area", "Vesterbro");
  y = edit (base, b, "area", "Vesterbro");
  lyg_record_merge (x, y, NULL, NULL);
  conflicts = lyg_record_get_conflicts (x);
  g_assert_cmpuint (conflicts->len, ==, 0);
}

static void
test_tombstone_wins_over_older (void)
{
  g_autoptr(LygHlc) a = lyg_hlc_new (devices[0]);
  g_autoptr(LygRecord) base = lyg_record_new_with_id ("person", ID);
  g_autoptr(LygRecord) alive = NULL;
  g_autoptr(LygRecord) dead = NULL;
  g_autofree char *stamp = NULL;

  alive = edit (base, a, "alias", "Ana");
  dead = lyg_record_copy (alive);
  lyg_record_unset (dead, "alias");
  lyg_record_mark_deleted (dead);
  stamp = lyg_hlc_now (a);
  lyg_record_stamp_pending (dead, stamp);

  lyg_record_merge (alive, dead, NULL, NULL);
  g_assert_true (lyg_record_is_deleted (alive));
  g_assert_null (lyg_record_get_string (alive, "alias"));
}

static void
test_serialize_round_trip_and_reject (void)
{
  g_autoptr(LygHlc) a = lyg_hlc_new (devices[0]);
  g_autoptr(LygRecord) base = lyg_record_new_with_id ("person", ID);
  g_autoptr(LygRecord) record = edit (base, a, "alias", "Zoë \"quoted\" ✓");
  g_autoptr(LygRecord) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = serialize (record);
  const char *bad[] = {
    "", "[]", "{}", "{\"v\":1}", "{\"v\":2,\"id\":\"" ID "\",\"type\":\"p\",\"f\":{}}",
    "{\"v\":1,\"id\":\"nope\",\"type\":\"p\",\"f\":{}}",
    "{\"v\":1,\"id\":\"" ID "\",\"type\":\"p\",\"f\":{\"a\":[{\"v\":1,\"s\":\"x\"}]}}",
    "{\"v\":1,\"id\":\"" ID "\",\"type\":\"p\",\"f\":{\"a\":[]}}",
    "{\"v\":1,\"id\":\"" ID "\",\"type\":\"p\",\"f\":{\"a\":5}}",
  };

  back = lyg_record_deserialize (text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (lyg_record_equal (record, back));
  g_assert_cmpstr (lyg_record_get_string (back, "alias"), ==, "Zoë \"quoted\" ✓");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LygRecord) r = lyg_record_deserialize (bad[i], -1, &error);

      g_assert_null (r);
      g_assert_error (error, LYG_RECORD_ERROR, LYG_RECORD_ERROR_INVALID);
      g_clear_error (&error);
    }
}

static void
test_hlc_monotonic (void)
{
  g_autoptr(LygHlc) clock = lyg_hlc_new (devices[0]);
  FakeClock time = { 1000 };
  g_autofree char *last = NULL;
  g_autofree char *remote = lyg_stamp_format (5000, 7, devices[1]);

  lyg_hlc_set_clock_func (clock, fake_clock, &time);
  for (guint i = 0; i < 70000; i++)
    {
      g_autofree char *now = lyg_hlc_now (clock);

      g_assert_true (lyg_stamp_is_valid (now));
      if (last != NULL)
        g_assert_cmpint (strcmp (now, last), >, 0);
      g_free (last);
      last = g_steal_pointer (&now);
      if (i == 100)
        time.now = 500;   /* the wall clock jumps back */
      if (i == 200)
        lyg_hlc_observe (clock, remote);
    }
  g_assert_cmpint (strcmp (last, remote), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lyg/merge/random-convergence", test_random_convergence);
  g_test_add_func ("/lyg/merge/concurrent-conflict", test_concurrent_conflict);
  g_test_add_func ("/lyg/merge/sequential-no-conflict", test_sequential_no_conflict);
  g_test_add_func ("/lyg/merge/concurrent-same-value", test_concurrent_same_value);
  g_test_add_func ("/lyg/merge/tombstone", test_tombstone_wins_over_older);
  g_test_add_func ("/lyg/merge/serialize", test_serialize_round_trip_and_reject);
  g_test_add_func ("/lyg/hlc/monotonic", test_hlc_monotonic);

  return g_test_run ();
}
