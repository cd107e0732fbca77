/* test-fault-transport.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lyg-protocol.h"
#include "test-fault-transport.h"

/* A LygTransport around the real one that makes sync requests (the
 * /v1/records pushes and pulls) go wrong on purpose. Rules are taken in
 * the order they were added: the first rule whose method matches a request
 * first lets `skip` matching requests pass, then applies its fault to the
 * next one and is used up.
 */

typedef struct
{
  char          *method;   /* NULL: any */
  guint          skip;
  TestFault      fault;
  gboolean       after;
  TestFaultHook  hook;
  gpointer       hook_data;
  guint          status;   /* TEST_FAULT_CANNED */
  GBytes        *canned;
} Rule;

typedef struct
{
  char   *method;
  char   *path;
  GBytes *body;
  Rule   *rule;     /* nullable */
  guint   status;
  guint   n_sent;
} Call;

struct _TestFaultTransport
{
  GObject       parent_instance;

  LygTransport *inner;
  GQueue        rules;
  GPtrArray    *pushes;     /* of GBytes: every push body that was sent */
  GPtrArray    *held;       /* of GBytes: push bodies kept back */
  GHashTable   *first;      /* method -> GBytes, first 200 answer */
  guint         n_sent;
};

static void transport_iface_init (LygTransportInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestFaultTransport, test_fault_transport, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LYG_TYPE_TRANSPORT, transport_iface_init))

static const char garbage[] = "<html><body>502 Bad Gateway</body></html>";

static void
rule_free (Rule *rule)
{
  g_free (rule->method);
  g_clear_pointer (&rule->canned, g_bytes_unref);
  g_free (rule);
}

static void
call_free (Call *call)
{
  g_free (call->method);
  g_free (call->path);
  g_clear_pointer (&call->body, g_bytes_unref);
  g_clear_pointer (&call->rule, rule_free);
  g_free (call);
}

static Rule *
take_rule (TestFaultTransport *self,
           const char         *method,
           const char         *path)
{
  if (!g_str_has_prefix (path, LYG_API_PATH_RECORDS))
    return NULL;

  for (GList *l = self->rules.head; l != NULL; l = l->next)
    {
      Rule *rule = l->data;

      if (rule->method != NULL && g_strcmp0 (rule->method, method) != 0)
        continue;

      if (rule->skip > 0)
        {
          rule->skip--;
          return NULL;
        }

      g_queue_delete_link (&self->rules, l);
      return rule;
    }

  return NULL;
}

static gboolean
is_push (Call *call)
{
  return g_str_equal (call->method, "POST") && g_str_has_prefix (call->path, LYG_API_PATH_RECORDS);
}

static GBytes *
garble (GBytes *body)
{
  static const char noise[] = "\"}]x{";
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (body, &len);
  guint8 *copy = g_memdup2 (data, len);

  if (len > sizeof noise)
    memcpy (copy + len / 2, noise, sizeof noise - 1);

  return g_bytes_new_take (copy, len);
}

static void
return_closed (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED,
                           "Connection closed (injected)");
}

static void send_inner (GTask *task);

static void
on_inner_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TestFaultTransport *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;
  guint status = 0;

  body = lyg_transport_send_finish (LYG_TRANSPORT (object), result, &status, &error);

  if (body != NULL && status == 200 &&
      !g_hash_table_contains (self->first, call->method))
    g_hash_table_insert (self->first, g_strdup (call->method), g_bytes_ref (body));

  if (call->rule != NULL && call->rule->fault == TEST_FAULT_DUPLICATE && call->n_sent < 2)
    {
      g_clear_error (&error);
      send_inner (g_steal_pointer (&task));
      return;
    }

  if (call->rule != NULL && call->rule->hook != NULL && call->rule->after)
    call->rule->hook (call->rule->hook_data);

  if (body == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  call->status = status;

  switch (call->rule ? call->rule->fault : TEST_FAULT_NONE)
    {
    case TEST_FAULT_DROP_RESPONSE:
      return_closed (task);
      return;

    case TEST_FAULT_TRUNCATE:
      {
        gsize len = g_bytes_get_size (body);

        g_task_return_pointer (task, g_bytes_new_from_bytes (body, 0, len / 2),
                               (GDestroyNotify) g_bytes_unref);
        return;
      }

    case TEST_FAULT_GARBLE:
      g_task_return_pointer (task, garble (body), (GDestroyNotify) g_bytes_unref);
      return;

    case TEST_FAULT_NONE:
    case TEST_FAULT_DROP_REQUEST:
    case TEST_FAULT_DUPLICATE:
    case TEST_FAULT_GARBAGE:
    case TEST_FAULT_HOLD:
    case TEST_FAULT_STALE:
    case TEST_FAULT_CANNED:
    default:
      g_task_return_pointer (task, g_steal_pointer (&body), (GDestroyNotify) g_bytes_unref);
      return;
    }
}

static void
send_inner (GTask *task)
{
  TestFaultTransport *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);

  self->n_sent++;
  call->n_sent++;
  if (is_push (call) && call->body != NULL)
    g_ptr_array_add (self->pushes, g_bytes_ref (call->body));

  lyg_transport_send_async (self->inner, call->method, call->path, call->body,
                            g_task_get_cancellable (task), on_inner_done_cb, task);
}

static void
test_fault_transport_send_async (LygTransport        *transport,
                                 const char          *method,
                                 const char          *path,
                                 GBytes              *body,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  TestFaultTransport *self = TEST_FAULT_TRANSPORT (transport);
  g_autoptr(GTask) task = NULL;
  Call *call;

  task = g_task_new (self, cancellable, callback, user_data);
  call = g_new0 (Call, 1);
  call->method = g_strdup (method);
  call->path = g_strdup (path);
  call->body = body ? g_bytes_ref (body) : NULL;
  call->rule = take_rule (self, method, path);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);

  if (call->rule != NULL && call->rule->hook != NULL && !call->rule->after)
    call->rule->hook (call->rule->hook_data);

  switch (call->rule ? call->rule->fault : TEST_FAULT_NONE)
    {
    case TEST_FAULT_DROP_REQUEST:
      return_closed (task);
      return;

    case TEST_FAULT_HOLD:
      if (call->body != NULL)
        g_ptr_array_add (self->held, g_bytes_ref (call->body));
      return_closed (task);
      return;

    case TEST_FAULT_GARBAGE:
      call->status = 200;
      g_task_return_pointer (task, g_bytes_new_static (garbage, strlen (garbage)),
                             (GDestroyNotify) g_bytes_unref);
      return;

    case TEST_FAULT_CANNED:
      call->status = call->rule->status;
      g_task_return_pointer (task, g_bytes_ref (call->rule->canned),
                             (GDestroyNotify) g_bytes_unref);
      return;

    case TEST_FAULT_STALE:
      {
        GBytes *old = g_hash_table_lookup (self->first, method);

        if (old != NULL)
          {
            call->status = 200;
            g_task_return_pointer (task, g_bytes_ref (old), (GDestroyNotify) g_bytes_unref);
            return;
          }
      }
      break;

    case TEST_FAULT_NONE:
    case TEST_FAULT_DROP_RESPONSE:
    case TEST_FAULT_DUPLICATE:
    case TEST_FAULT_TRUNCATE:
    case TEST_FAULT_GARBLE:
    default:
      break;
    }

  send_inner (g_steal_pointer (&task));
}

static GBytes *
test_fault_transport_send_finish (LygTransport  *transport,
                                  GAsyncResult  *result,
                                  guint         *status,
                                  GError       **error)
{
  Call *call = g_task_get_task_data (G_TASK (result));

  if (status != NULL)
    *status = call->status;

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
test_fault_transport_set_token (LygTransport *transport,
                                const char   *token)
{
  TestFaultTransport *self = TEST_FAULT_TRANSPORT (transport);

  lyg_transport_set_token (self->inner, token);
}

static void
transport_iface_init (LygTransportInterface *iface)
{
  iface->send_async = test_fault_transport_send_async;
  iface->send_finish = test_fault_transport_send_finish;
  iface->set_token = test_fault_transport_set_token;
}

static void
test_fault_transport_dispose (GObject *object)
{
  TestFaultTransport *self = (TestFaultTransport *)object;

  g_clear_object (&self->inner);

  G_OBJECT_CLASS (test_fault_transport_parent_class)->dispose (object);
}

static void
test_fault_transport_finalize (GObject *object)
{
  TestFaultTransport *self = (TestFaultTransport *)object;

  g_queue_clear_full (&self->rules, (GDestroyNotify) rule_free);
  g_clear_pointer (&self->pushes, g_ptr_array_unref);
  g_clear_pointer (&self->held, g_ptr_array_unref);
  g_clear_pointer (&self->first, g_hash_table_unref);

  G_OBJECT_CLASS (test_fault_transport_parent_class)->finalize (object);
}

static void
test_fault_transport_class_init (TestFaultTransportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = test_fault_transport_dispose;
  object_class->finalize = test_fault_transport_finalize;
}

static void
test_fault_transport_init (TestFaultTransport *self)
{
  g_queue_init (&self->rules);
  self->pushes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  self->held = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  self->first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_bytes_unref);
}

TestFaultTransport *
test_fault_transport_new (LygTransport *inner)
{
  TestFaultTransport *self = g_object_new (TEST_TYPE_FAULT_TRANSPORT, NULL);

  self->inner = g_object_ref (inner);

  return self;
}

void
test_fault_transport_set_inner (TestFaultTransport *self,
                                LygTransport       *inner)
{
  g_set_object (&self->inner, inner);
}

LygTransport *
test_fault_transport_get_inner (TestFaultTransport *self)
{
  return self->inner;
}

void
test_fault_transport_add_hook (TestFaultTransport *self,
                               const char         *method,
                               guint               skip,
                               TestFault           fault,
                               gboolean            after,
                               TestFaultHook       hook,
                               gpointer            user_data)
{
  Rule *rule = g_new0 (Rule, 1);

  rule->method = g_strdup (method);
  rule->skip = skip;
  rule->fault = fault;
  rule->after = after;
  rule->hook = hook;
  rule->hook_data = user_data;
  g_queue_push_tail (&self->rules, rule);
}

void
test_fault_transport_add (TestFaultTransport *self,
                          const char         *method,
                          guint               skip,
                          TestFault           fault)
{
  test_fault_transport_add_hook (self, method, skip, fault, FALSE, NULL, NULL);
}

void
test_fault_transport_add_canned (TestFaultTransport *self,
                                 const char         *method,
                                 guint               skip,
                                 guint               status,
                                 const char         *body)
{
  Rule *rule;

  test_fault_transport_add (self, method, skip, TEST_FAULT_CANNED);
  rule = self->rules.tail->data;
  rule->status = status;
  rule->canned = g_bytes_new (body, strlen (body));
}

/* Rules not used up yet. */
guint
test_fault_transport_get_n_rules (TestFaultTransport *self)
{
  return self->rules.length;
}

/* Requests that reached the inner transport. */
guint
test_fault_transport_get_n_sent (TestFaultTransport *self)
{
  return self->n_sent;
}

GPtrArray *
test_fault_transport_get_pushes (TestFaultTransport *self)
{
  return self->pushes;
}

GPtrArray *
test_fault_transport_steal_held (TestFaultTransport *self)
{
  GPtrArray *held = g_steal_pointer (&self->held);

  self->held = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  return held;
}
