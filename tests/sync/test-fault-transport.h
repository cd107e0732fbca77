/* test-fault-transport.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-transport.h"

G_BEGIN_DECLS

/* What goes wrong with one request. */
typedef enum
{
  TEST_FAULT_NONE,
  TEST_FAULT_DROP_REQUEST,    /* never reaches the server: connection closed */
  TEST_FAULT_DROP_RESPONSE,   /* the server handles it, the answer is lost */
  TEST_FAULT_DUPLICATE,       /* sent twice; the caller gets the second answer */
  TEST_FAULT_TRUNCATE,        /* the answer is cut in half */
  TEST_FAULT_GARBLE,          /* bytes in the middle of the answer are overwritten */
  TEST_FAULT_GARBAGE,         /* not sent; 200 with a body that is not JSON */
  TEST_FAULT_HOLD,            /* not sent now but kept for later: connection closed */
  TEST_FAULT_STALE,           /* not sent; the first answer ever seen for this method */
  TEST_FAULT_CANNED,          /* not sent; a given status and body */
} TestFault;

typedef void (*TestFaultHook) (gpointer user_data);

#define TEST_TYPE_FAULT_TRANSPORT (test_fault_transport_get_type ())

G_DECLARE_FINAL_TYPE (TestFaultTransport, test_fault_transport, TEST, FAULT_TRANSPORT, GObject)

TestFaultTransport *test_fault_transport_new         (LygTransport        *inner);
void                test_fault_transport_set_inner   (TestFaultTransport  *self,
                                                      LygTransport        *inner);
LygTransport       *test_fault_transport_get_inner   (TestFaultTransport  *self);
void                test_fault_transport_add         (TestFaultTransport  *self,
                                                      const char          *method,
                                                      guint                skip,
                                                      TestFault            fault);
void                test_fault_transport_add_hook    (TestFaultTransport  *self,
                                                      const char          *method,
                                                      guint                skip,
                                                      TestFault            fault,
                                                      gboolean             after,
                                                      TestFaultHook        hook,
                                                      gpointer             user_data);
void                test_fault_transport_add_canned  (TestFaultTransport  *self,
                                                      const char          *method,
                                                      guint                skip,
                                                      guint                status,
                                                      const char          *body);
guint               test_fault_transport_get_n_rules (TestFaultTransport  *self);
guint               test_fault_transport_get_n_sent  (TestFaultTransport  *self);
GPtrArray          *test_fault_transport_get_pushes  (TestFaultTransport  *self);
GPtrArray          *test_fault_transport_steal_held  (TestFaultTransport  *self);

G_END_DECLS
