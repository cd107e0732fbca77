/* test-sync-util.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-server.h"
#include "lyg-sync-engine.h"
#include "lyg-team.h"
#include "test-fault-transport.h"

G_BEGIN_DECLS

/* The real server on 127.0.0.1 over HTTPS on its own thread, with the
 * checked-in test certificate, and devices (each its own vault) that join
 * it as a team would: the first with the bootstrap code, the others with
 * an invitation from it.
 */
#define TEST_SERVER_MAX_PULL 7

typedef struct
{
  char             *db_path;
  GTlsCertificate  *cert;
  LygServerStorage *storage;
  LygServer        *server;
  guint             port;
  char             *url;
  char             *pin;
  guint             max_pull;   /* 0: TEST_SERVER_MAX_PULL */
} TestServer;

typedef struct
{
  char               *name;
  char               *path;
  char               *passphrase;
  LygVault           *vault;
  TestFaultTransport *faults;
  LygSyncEngine      *engine;
} TestDevice;

GTlsCertificate *test_load_certificate      (const char     *cert_name,
                                             const char     *key_name);

TestServer      *test_server_new            (void);
void             test_server_start          (TestServer     *server,
                                             guint           port);
void             test_server_stop           (TestServer     *server);
void             test_server_free           (TestServer     *server);
char            *test_server_new_code       (TestServer     *server,
                                             LygRole         role,
                                             gint64          expires_in);
GPtrArray       *test_server_pull_all       (TestServer     *server);
void             test_server_assert_unique  (TestServer     *server,
                                             guint          *n_envelopes);

TestDevice      *test_device_new            (const char     *name);
TestDevice      *test_device_new_coordinator (TestServer    *server,
                                             const char     *name);
TestDevice      *test_device_new_invited    (TestServer     *server,
                                             TestDevice     *coordinator,
                                             const char     *name);
void             test_device_connect        (TestDevice     *device,
                                             TestServer     *server);
void             test_device_reopen         (TestDevice     *device,
                                             TestServer     *server);
void             test_device_free           (TestDevice     *device);
LygSyncReport   *test_device_sync           (TestDevice     *device,
                                             GError        **error);
LygSyncReport   *test_device_sync_ok        (TestDevice     *device);
char            *test_device_add_person     (TestDevice     *device,
                                             const char     *alias,
                                             const char     *notes);
void             test_device_set            (TestDevice     *device,
                                             const char     *id,
                                             const char     *field,
                                             const char     *value);
char            *test_device_get            (TestDevice     *device,
                                             const char     *id,
                                             const char     *field);
GHashTable      *test_device_snapshot       (TestDevice     *device);
guint            test_device_count          (TestDevice     *device);
gint64           test_device_outbox         (TestDevice     *device);

void             test_assert_converged      (TestDevice   **devices,
                                             guint           n_devices);
gboolean         test_record_has_conflict   (LygRecord      *record,
                                             const char     *field,
                                             const char     *value);
void             test_settle                (TestDevice   **devices,
                                             guint           n_devices);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestServer, test_server_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestDevice, test_device_free)

G_END_DECLS
