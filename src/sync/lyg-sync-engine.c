/* lyg-sync-engine.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lyg-protocol.h"
#include "lyg-sync-engine.h"
#include "lyg-team.h"

/* One sync: push the outbox in batches until it is empty, then pull from
 * the cursor until the server has no more. A pushed revision leaves the
 * outbox only when the server acknowledged it; the cursor moves only in
 * the same transaction that stored the pulled batch. So a sync cut off at
 * any point loses nothing and repeats at most what was in flight, which
 * the server and the merge both take idempotently.
 */

#define CURSOR_KEY          "sync.cursor"
#define CURSOR_AT_KEY       "sync.cursor-at"
#define LAST_SYNCED_KEY     "sync.last"
#define MAX_BATCH_BYTES     (2 * 1024 * 1024)
#define DEBOUNCE_MS         2000
#define PERIOD_S            (5 * 60)
#define BACKOFF_MIN_MS      2000
#define BACKOFF_MAX_MS      (5 * 60 * 1000)

struct _LygSyncEngine
{
  GObject        parent_instance;

  LygVault      *vault;
  LygTransport  *transport;

  LygSyncState   state;
  gint64         last_synced;
  char          *error_message;
  double         progress;
  guint          batch_size;

  GTask         *running;
  gboolean       rerun;
  gboolean       started;
  guint          failures;
  guint          timer_id;
  guint          retry_id;
  gulong         network_handler;
  gulong         records_handler;
  GCancellable  *cancellable;
};

G_DEFINE_FINAL_TYPE (LygSyncEngine, lyg_sync_engine, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (LygSyncReport, lyg_sync_report, lyg_sync_report_copy, lyg_sync_report_free)

enum {
  PROP_0,
  PROP_STATE,
  PROP_LAST_SYNCED,
  PROP_ERROR_MESSAGE,
  PROP_PROGRESS,
  N_PROPS
};

enum {
  SYNCED,
  REVOKED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

GType
lyg_sync_state_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { LYG_SYNC_STATE_IDLE, "LYG_SYNC_STATE_IDLE", "idle" },
    { LYG_SYNC_STATE_SYNCING, "LYG_SYNC_STATE_SYNCING", "syncing" },
    { LYG_SYNC_STATE_OFFLINE, "LYG_SYNC_STATE_OFFLINE", "offline" },
    { LYG_SYNC_STATE_ERROR, "LYG_SYNC_STATE_ERROR", "error" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("LygSyncState", values));

  return type;
}

LygSyncReport *
lyg_sync_report_copy (const LygSyncReport *report)
{
  return g_memdup2 (report, sizeof *report);
}

void
lyg_sync_report_free (LygSyncReport *report)
{
  g_free (report);
}

typedef struct
{
  LygSyncReport report;
  gboolean      reset_once;
} Run;

static void push_step (GTask *task);
static void pull_step (GTask *task);

static void
set_progress (LygSyncEngine *self,
              double         progress)
{
  progress = CLAMP (progress, 0.0, 1.0);
  if (self->progress != progress)
    {
      self->progress = progress;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROGRESS]);
    }
}

static void
set_state (LygSyncEngine *self,
           LygSyncState   state,
           const char    *message)
{
  if (g_strcmp0 (message, self->error_message) != 0)
    {
      g_free (self->error_message);
      self->error_message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ERROR_MESSAGE]);
    }

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
    }
}

static gboolean
is_offline_error (const GError *error)
{
  return error->domain == G_RESOLVER_ERROR ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT);
}

/* Turns a non-2xx answer into an error, handling revocation on the spot:
 * a device the team removed destroys its keys before anything else. */
static GError *
error_from_response (LygSyncEngine *self,
                     guint          status,
                     GBytes        *body)
{
  g_autoptr(GError) error = lyg_protocol_error_from_response (status, body);

  if (g_error_matches (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_REVOKED))
    {
      g_autoptr(GError) destroy_error = NULL;

      g_info ("This device was revoked by the team; erasing its keys");
      if (!lyg_vault_destroy_keys (self->vault, &destroy_error))
        g_warning ("Erasing keys after revocation failed: %s", destroy_error->message);

      return g_error_new_literal (LYG_SYNC_ERROR, LYG_SYNC_ERROR_REVOKED,
                                  _("This device was removed from the team. Its keys have been "
                                    "erased, and the records on it can no longer be opened."));
    }

  if (error->domain == LYG_PROTOCOL_ERROR)
    {
      switch ((LygProtocolError) error->code)
        {
        case LYG_PROTOCOL_ERROR_UNAUTHORIZED:
          return g_error_new_literal (LYG_SYNC_ERROR, LYG_SYNC_ERROR_AUTH,
                                      lyg_protocol_error_get_message (error->code));
        case LYG_PROTOCOL_ERROR_INTERNAL:
        case LYG_PROTOCOL_ERROR_UNKNOWN:
          return g_error_new_literal (LYG_SYNC_ERROR, LYG_SYNC_ERROR_SERVER,
                                      lyg_protocol_error_get_message (error->code));
        case LYG_PROTOCOL_ERROR_MALFORMED:
        case LYG_PROTOCOL_ERROR_LENGTH_REQUIRED:
        case LYG_PROTOCOL_ERROR_TOO_LARGE:
        case LYG_PROTOCOL_ERROR_REVOKED:
        case LYG_PROTOCOL_ERROR_FORBIDDEN:
        case LYG_PROTOCOL_ERROR_NOT_FOUND:
        case LYG_PROTOCOL_ERROR_METHOD_NOT_ALLOWED:
        case LYG_PROTOCOL_ERROR_CONFLICT:
        case LYG_PROTOCOL_ERROR_EXPIRED_CODE:
        case LYG_PROTOCOL_ERROR_USED_CODE:
        case LYG_PROTOCOL_ERROR_BAD_CODE:
        case LYG_PROTOCOL_ERROR_RATE_LIMITED:
        default:
          break;
        }
    }

  return g_steal_pointer (&error);
}

static void
finish_run (GTask  *task,
            GError *error)
{
  LygSyncEngine *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);

  g_clear_object (&self->running);

  if (error == NULL)
    {
      g_autofree char *now = NULL;
      g_autoptr(GBytes) bytes = NULL;

      self->failures = 0;
      set_progress (self, 1.0);
      self->last_synced = g_get_real_time () / G_USEC_PER_SEC;
      now = g_strdup_printf ("%" G_GINT64_FORMAT, self->last_synced);
      bytes = g_bytes_new (now, strlen (now));
      lyg_store_set_meta (lyg_vault_get_store (self->vault), LAST_SYNCED_KEY, bytes, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LAST_SYNCED]);
      set_state (self, LYG_SYNC_STATE_IDLE, NULL);
      g_signal_emit (self, signals [SYNCED], 0, &run->report);
      g_task_return_pointer (task, lyg_sync_report_copy (&run->report),
                             (GDestroyNotify) lyg_sync_report_free);
    }
  else
    {
      self->failures++;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_state (self, LYG_SYNC_STATE_IDLE, NULL);
      else if (is_offline_error (error))
        set_state (self, LYG_SYNC_STATE_OFFLINE, error->message);
      else
        set_state (self, LYG_SYNC_STATE_ERROR, error->message);

      if (g_error_matches (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_REVOKED))
        g_signal_emit (self, signals [REVOKED], 0, error->message);

      g_task_return_error (task, error);
    }
}

static GPtrArray *
next_push_batch (LygSyncEngine  *self,
                 GError        **error)
{
  g_autoptr(GPtrArray) batch = NULL;
  gsize bytes = 0;
  guint keep = 0;

  batch = lyg_store_outbox_peek (lyg_vault_get_store (self->vault), self->batch_size, error);
  if (batch == NULL)
    return NULL;

  /* Keep the request under the protocol's body bound (base64 adds a third). */
  for (keep = 0; keep < batch->len; keep++)
    {
      LygEnvelope *envelope = g_ptr_array_index (batch, keep);

      bytes += g_bytes_get_size (envelope->blob) + 256;
      if (keep > 0 && bytes > MAX_BATCH_BYTES)
        break;
    }
  g_ptr_array_set_size (batch, keep);

  return g_steal_pointer (&batch);
}

static void
on_push_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LygSyncEngine *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  LygStore *store = lyg_vault_get_store (self->vault);
  g_autoptr(LygPushResponse) response = NULL;
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;
  guint status = 0;

  body = lyg_transport_send_finish (LYG_TRANSPORT (object), result, &status, &error);
  if (body == NULL)
    {
      finish_run (task, error);
      return;
    }
  if (status != 200)
    {
      finish_run (task, error_from_response (self, status, body));
      return;
    }
  if (!(response = lyg_protocol_parse_push_response (body, &error)))
    {
      finish_run (task, error);
      return;
    }

  if (!lyg_store_begin (store, &error))
    {
      finish_run (task, error);
      return;
    }
  for (guint i = 0; i < response->stored->len; i++)
    {
      LygPushAck *ack = g_ptr_array_index (response->stored, i);

      if (!lyg_store_outbox_ack (store, ack->id, ack->hlc, ack->device, &error))
        {
          lyg_store_rollback (store);
          finish_run (task, error);
          return;
        }
    }
  if (!lyg_store_commit (store, &error))
    {
      finish_run (task, error);
      return;
    }

  run->report.pushed += response->stored->len;

  /* A server that acknowledges nothing would make this loop forever. */
  if (response->stored->len == 0)
    {
      finish_run (task, g_error_new_literal (LYG_SYNC_ERROR, LYG_SYNC_ERROR_PROTOCOL,
                                             _("The server did not store what was sent")));
      return;
    }

  push_step (g_steal_pointer (&task));
}

static void
push_step (GTask *task)
{
  LygSyncEngine *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;

  if (!lyg_vault_get_unlocked (self->vault))
    {
      finish_run (task, g_error_new_literal (LYG_CRYPTO_ERROR, LYG_CRYPTO_ERROR_LOCKED,
                                             _("The vault is locked")));
      g_object_unref (task);
      return;
    }

  if (!(batch = next_push_batch (self, &error)))
    {
      finish_run (task, error);
      g_object_unref (task);
      return;
    }

  if (batch->len == 0)
    {
      pull_step (task);
      return;
    }

  body = lyg_protocol_build_push (batch);
  lyg_transport_send_async (self->transport, "POST", LYG_API_PATH_RECORDS, body,
                            g_task_get_cancellable (task), on_push_done_cb, task);
}

static gint64
read_cursor (LygSyncEngine *self)
{
  g_autoptr(GBytes) value = NULL;
  g_autofree char *text = NULL;
  gint64 cursor = 0;

  value = lyg_store_get_meta (lyg_vault_get_store (self->vault), CURSOR_KEY, NULL);
  if (value == NULL)
    return 0;

  text = g_strndup (g_bytes_get_data (value, NULL), g_bytes_get_size (value));
  if (!lyg_protocol_parse_uint (text, G_MAXINT64, &cursor))
    return 0;

  return cursor;
}

/* The cursor and the stamp of the revision at it, so the server can tell
 * when its log is no longer the one the cursor points into. */
static gboolean
write_cursor (LygSyncEngine  *self,
              gint64          cursor,
              const char     *at,
              GError        **error)
{
  LygStore *store = lyg_vault_get_store (self->vault);
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, cursor);
  g_autoptr(GBytes) value = g_bytes_new (text, strlen (text));
  g_autoptr(GBytes) at_value = at ? g_bytes_new (at, strlen (at)) : NULL;

  if (!lyg_store_set_meta (store, CURSOR_KEY, value, error))
    return FALSE;

  return at_value ? lyg_store_set_meta (store, CURSOR_AT_KEY, at_value, error)
                  : lyg_store_delete_meta (store, CURSOR_AT_KEY, error);
}

static char *
read_cursor_at (LygSyncEngine *self)
{
  g_autoptr(GBytes) value = NULL;
  char *at;

  value = lyg_store_get_meta (lyg_vault_get_store (self->vault), CURSOR_AT_KEY, NULL);
  if (value == NULL)
    return NULL;

  at = g_strndup (g_bytes_get_data (value, NULL), g_bytes_get_size (value));
  if (!lyg_stamp_is_valid (at))
    g_clear_pointer (&at, g_free);

  return at;
}

/* Sends every record again and pulls from the start, once per sync. */
static gboolean
start_over (LygSyncEngine  *self,
            GError        **error)
{
  LygStore *store = lyg_vault_get_store (self->vault);

  if (!lyg_store_begin (store, error))
    return FALSE;
  if (!lyg_store_outbox_requeue_all (store, error) || !write_cursor (self, 0, NULL, error))
    {
      lyg_store_rollback (store);
      return FALSE;
    }

  return lyg_store_commit (store, error);
}

static void
on_pull_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LygSyncEngine *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  LygStore *store = lyg_vault_get_store (self->vault);
  g_autoptr(LygPullResponse) response = NULL;
  g_autoptr(GPtrArray) envelopes = NULL;
  g_autoptr(GBytes) body = NULL;
  gint64 before_quarantine;
  gint64 cursor = read_cursor (self);
  g_autofree char *at_before = read_cursor_at (self);
  GError *error = NULL;
  guint conflicts = 0;
  guint status = 0;

  body = lyg_transport_send_finish (LYG_TRANSPORT (object), result, &status, &error);
  if (body == NULL)
    {
      finish_run (task, error);
      return;
    }
  if (status != 200)
    {
      error = error_from_response (self, status, body);

      /* The server's log is not the one the cursor points into any more. */
      if (g_error_matches (error, LYG_PROTOCOL_ERROR, LYG_PROTOCOL_ERROR_CONFLICT) &&
          !run->reset_once)
        {
          g_clear_error (&error);
          g_info ("The server's log changed; sending every record again");
          run->reset_once = TRUE;
          if (!start_over (self, &error))
            {
              finish_run (task, error);
              return;
            }
          push_step (g_steal_pointer (&task));
          return;
        }

      finish_run (task, error);
      return;
    }
  if (!(response = lyg_protocol_parse_pull_response (body, &error)))
    {
      finish_run (task, error);
      return;
    }

  /* The server has fewer revisions than this device already pulled: its
   * database was lost or replaced. Send it everything again, once. */
  if (response->head >= 0 && response->head < cursor && !run->reset_once)
    {
      g_info ("The server's log is behind this device; sending every record again");
      run->reset_once = TRUE;
      if (!start_over (self, &error))
        {
          finish_run (task, error);
          return;
        }
      push_step (g_steal_pointer (&task));
      return;
    }

  if (response->next < cursor || (response->envelopes->len > 0 && response->next == cursor))
    {
      finish_run (task, g_error_new_literal (LYG_SYNC_ERROR, LYG_SYNC_ERROR_PROTOCOL,
                                             _("The server answered with records out of order")));
      return;
    }

  envelopes = g_ptr_array_new ();
  for (guint i = 0; i < response->envelopes->len; i++)
    {
      LygStoredEnvelope *stored = g_ptr_array_index (response->envelopes, i);

      g_ptr_array_add (envelopes, stored->envelope);
    }

  before_quarantine = lyg_store_quarantine_count (store, NULL);
  if (!lyg_store_begin (store, &error))
    {
      finish_run (task, error);
      return;
    }
  if (!lyg_vault_merge_envelopes (self->vault, envelopes, &conflicts, &error) ||
      !write_cursor (self, response->next,
                     envelopes->len > 0
                       ? ((LygEnvelope *) g_ptr_array_index (envelopes, envelopes->len - 1))->hlc
                       : at_before,
                     &error))
    {
      lyg_store_rollback (store);
      finish_run (task, error);
      return;
    }
  if (!lyg_store_commit (store, &error))
    {
      finish_run (task, error);
      return;
    }

  run->report.pulled += envelopes->len;
  /* The server says how far its log goes: the share pulled so far. */
  if (response->head > 0)
    set_progress (self, (double) response->next / (double) response->head);
  run->report.conflicts += conflicts;
  run->report.quarantined += lyg_store_quarantine_count (store, NULL) - before_quarantine;

  if (response->more && envelopes->len > 0)
    pull_step (g_steal_pointer (&task));
  else
    finish_run (g_steal_pointer (&task), NULL);
}

static void
pull_step (GTask *task)
{
  LygSyncEngine *self = g_task_get_source_object (task);
  g_autofree char *path = NULL;
  g_autofree char *at = read_cursor_at (self);

  path = g_strdup_printf ("%s?since=%" G_GINT64_FORMAT "&limit=%u%s%s", LYG_API_PATH_RECORDS,
                          read_cursor (self), LYG_PROTOCOL_DEFAULT_PULL,
                          at ? "&at=" : "", at ? at : "");
  lyg_transport_send_async (self->transport, "GET", path, NULL, g_task_get_cancellable (task),
                            on_pull_done_cb, task);
}

static void
lyg_sync_engine_dispose (GObject *object)
{
  LygSyncEngine *self = (LygSyncEngine *)object;

  lyg_sync_engine_stop (self);
  g_clear_object (&self->transport);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (lyg_sync_engine_parent_class)->dispose (object);
}

static void
lyg_sync_engine_finalize (GObject *object)
{
  LygSyncEngine *self = (LygSyncEngine *)object;

  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (lyg_sync_engine_parent_class)->finalize (object);
}

static void
lyg_sync_engine_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LygSyncEngine *self = LYG_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_LAST_SYNCED:
      g_value_set_int64 (value, self->last_synced);
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_sync_engine_class_init (LygSyncEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lyg_sync_engine_dispose;
  object_class->finalize = lyg_sync_engine_finalize;
  object_class->get_property = lyg_sync_engine_get_property;

  properties [PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, LYG_TYPE_SYNC_STATE, LYG_SYNC_STATE_IDLE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_LAST_SYNCED] =
    g_param_spec_int64 ("last-synced", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The share of the server's log pulled in the running sync, 0 to 1;
   * it stays 0 while the outbox is pushed. */
  properties [PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [SYNCED] =
    g_signal_new ("synced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, LYG_TYPE_SYNC_REPORT | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals [REVOKED] =
    g_signal_new ("revoked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
lyg_sync_engine_init (LygSyncEngine *self)
{
  self->batch_size = LYG_PROTOCOL_MAX_BATCH;
}

LygSyncEngine *
lyg_sync_engine_new (LygVault     *vault,
                     LygTransport *transport)
{
  LygSyncEngine *self;
  g_autoptr(GBytes) last = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);
  g_return_val_if_fail (LYG_IS_TRANSPORT (transport), NULL);

  self = g_object_new (LYG_TYPE_SYNC_ENGINE, NULL);
  self->vault = g_object_ref (vault);
  self->transport = g_object_ref (transport);

  last = lyg_store_get_meta (lyg_vault_get_store (vault), LAST_SYNCED_KEY, NULL);
  if (last != NULL)
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (last, NULL), g_bytes_get_size (last));
      lyg_protocol_parse_uint (text, G_MAXINT64, &self->last_synced);
    }

  return self;
}

LygSyncEngine *
lyg_sync_engine_new_for_vault (LygVault  *vault,
                               GError   **error)
{
  g_autoptr(LygTransport) transport = NULL;

  g_return_val_if_fail (LYG_IS_VAULT (vault), NULL);

  /* lyg_team_create_transport() refuses a training vault. */
  if (!(transport = lyg_team_create_transport (vault, error)))
    return NULL;

  return lyg_sync_engine_new (vault, transport);
}

LygTransport *
lyg_sync_engine_get_transport (LygSyncEngine *self)
{
  g_return_val_if_fail (LYG_IS_SYNC_ENGINE (self), NULL);

  return self->transport;
}

LygSyncState
lyg_sync_engine_get_state (LygSyncEngine *self)
{
  g_return_val_if_fail (LYG_IS_SYNC_ENGINE (self), LYG_SYNC_STATE_IDLE);

  return self->state;
}

gint64
lyg_sync_engine_get_last_synced (LygSyncEngine *self)
{
  g_return_val_if_fail (LYG_IS_SYNC_ENGINE (self), 0);

  return self->last_synced;
}

double
lyg_sync_engine_get_progress (LygSyncEngine *self)
{
  g_return_val_if_fail (LYG_IS_SYNC_ENGINE (self), 0.0);

  return self->progress;
}

const char *
lyg_sync_engine_get_error_message (LygSyncEngine *self)
{
  g_return_val_if_fail (LYG_IS_SYNC_ENGINE (self), NULL);

  return self->error_message;
}

void
lyg_sync_engine_set_batch_size (LygSyncEngine *self,
                                guint          n_envelopes)
{
  g_return_if_fail (LYG_IS_SYNC_ENGINE (self));

  self->batch_size = CLAMP (n_envelopes, 1, LYG_PROTOCOL_MAX_BATCH);
}

void
lyg_sync_engine_sync_async (LygSyncEngine       *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LYG_IS_SYNC_ENGINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lyg_sync_engine_sync_async);
  g_task_set_task_data (task, g_new0 (Run, 1), g_free);

  /* Checked on every run, not once: nothing from a training vault may
   * ever be sent, whoever built the engine. */
  if (!lyg_team_check_can_sync (self->vault, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->running != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("A sync is already running"));
      return;
    }

  self->running = g_object_ref (task);
  set_progress (self, 0.0);
  set_state (self, LYG_SYNC_STATE_SYNCING, NULL);
  push_step (g_steal_pointer (&task));
}

LygSyncReport *
lyg_sync_engine_sync_finish (LygSyncEngine  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (LYG_IS_SYNC_ENGINE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Blocking;

static void
on_blocking_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Blocking *blocking = user_data;

  blocking->result = g_object_ref (result);
  g_main_loop_quit (blocking->loop);
}

/* For command-line tools and tests: iterates the default main context. */
LygSyncReport *
lyg_sync_engine_sync (LygSyncEngine  *self,
                      GCancellable   *cancellable,
                      GError        **error)
{
  Blocking blocking = { g_main_loop_new (NULL, FALSE), NULL };
  LygSyncReport *report;

  g_return_val_if_fail (LYG_IS_SYNC_ENGINE (self), NULL);

  lyg_sync_engine_sync_async (self, cancellable, on_blocking_done_cb, &blocking);
  g_main_loop_run (blocking.loop);
  report = lyg_sync_engine_sync_finish (self, blocking.result, error);

  g_object_unref (blocking.result);
  g_main_loop_unref (blocking.loop);

  return report;
}

/* Automatic syncing */

static void schedule_retry (LygSyncEngine *self);

static void
on_auto_sync_done_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  LygSyncEngine *self = LYG_SYNC_ENGINE (object);
  g_autoptr(LygSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = lyg_sync_engine_sync_finish (self, result, &error);
  if (!self->started)
    return;

  if (error != NULL)
    {
      if (g_error_matches (error, LYG_SYNC_ERROR, LYG_SYNC_ERROR_REVOKED))
        {
          lyg_sync_engine_stop (self);
          return;
        }
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
        schedule_retry (self);
      return;
    }

  if (self->rerun)
    {
      self->rerun = FALSE;
      lyg_sync_engine_schedule (self, 0);
    }
}

static gboolean
run_now_cb (gpointer user_data)
{
  LygSyncEngine *self = user_data;

  self->retry_id = 0;

  if (self->running != NULL)
    {
      self->rerun = TRUE;
      return G_SOURCE_REMOVE;
    }
  if (!lyg_vault_get_unlocked (self->vault))
    return G_SOURCE_REMOVE;

  lyg_sync_engine_sync_async (self, self->cancellable, on_auto_sync_done_cb, NULL);

  return G_SOURCE_REMOVE;
}

/* Exponential backoff with full jitter, so that a team's laptops coming
 * back online together do not hit the server in step. */
static void
schedule_retry (LygSyncEngine *self)
{
  guint64 ceiling = BACKOFF_MIN_MS;

  for (guint i = 1; i < self->failures && ceiling < BACKOFF_MAX_MS; i++)
    ceiling *= 2;
  ceiling = MIN (ceiling, BACKOFF_MAX_MS);

  lyg_sync_engine_schedule (self, BACKOFF_MIN_MS / 2 +
                                  g_random_int_range (0, (gint32) ceiling));
}

void
lyg_sync_engine_schedule (LygSyncEngine *self,
                          guint          delay_ms)
{
  g_return_if_fail (LYG_IS_SYNC_ENGINE (self));

  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->retry_id = g_timeout_add (delay_ms, run_now_cb, self);
}

static void
on_network_changed_cb (GNetworkMonitor *monitor,
                       gboolean         available,
                       LygSyncEngine   *self)
{
  if (available)
    {
      self->failures = 0;
      lyg_sync_engine_schedule (self, 500);
    }
  else if (self->state != LYG_SYNC_STATE_SYNCING)
    set_state (self, LYG_SYNC_STATE_OFFLINE, NULL);
}

static void
on_vault_records_changed_cb (LygVault       *vault,
                             char          **ids,
                             LygSyncEngine  *self)
{
  /* Saves come in bursts while someone types; sync once they pause. */
  if (self->retry_id == 0 || self->failures == 0)
    lyg_sync_engine_schedule (self, DEBOUNCE_MS);
}

static gboolean
on_timer_cb (gpointer user_data)
{
  LygSyncEngine *self = user_data;

  if (self->retry_id == 0)
    lyg_sync_engine_schedule (self, 0);

  return G_SOURCE_CONTINUE;
}

void
lyg_sync_engine_start (LygSyncEngine *self)
{
  GNetworkMonitor *monitor = g_network_monitor_get_default ();

  g_return_if_fail (LYG_IS_SYNC_ENGINE (self));

  if (self->started || !lyg_team_check_can_sync (self->vault, NULL))
    return;

  self->started = TRUE;
  self->cancellable = g_cancellable_new ();
  self->network_handler = g_signal_connect (monitor, "network-changed",
                                            G_CALLBACK (on_network_changed_cb), self);
  self->records_handler = g_signal_connect (self->vault, "records-changed",
                                            G_CALLBACK (on_vault_records_changed_cb), self);
  self->timer_id = g_timeout_add_seconds (PERIOD_S, on_timer_cb, self);
  lyg_sync_engine_schedule (self, 0);
}

void
lyg_sync_engine_stop (LygSyncEngine *self)
{
  g_return_if_fail (LYG_IS_SYNC_ENGINE (self));

  if (!self->started)
    return;

  self->started = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_signal_handler (&self->network_handler, g_network_monitor_get_default ());
  g_clear_signal_handler (&self->records_handler, self->vault);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
}
