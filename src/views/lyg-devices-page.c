/* lyg-devices-page.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-devices-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-invite-dialog.h"
#include "lyg-team.h"

#include "lyg-devices-page.h"

/* The team's devices, for coordinators (DESIGN §7): who is in, with which
 * role, when each was last heard from, and a way to cut a lost laptop off
 * at once. Revoking is final, so it asks first.
 */
struct _LygDevicesPage
{
  AdwBin        parent_instance;

  /* Owned */
  LygContext   *context;
  GCancellable *cancellable;
  guint         n_devices;
  guint         busy : 1;

  /* Template widgets */
  GtkListBox   *list_box;
  GtkLabel     *error_label;
  GtkSpinner   *spinner;
  GtkButton    *refresh_button;
  GtkButton    *invite_button;
};

G_DEFINE_FINAL_TYPE (LygDevicesPage, lyg_devices_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static LygVault *
get_vault (LygDevicesPage *self)
{
  return self->context ? lyg_context_get_vault (self->context) : NULL;
}

static void
set_busy (LygDevicesPage *self,
          gboolean        busy)
{
  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->refresh_button), !busy);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
show_error (LygDevicesPage *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static char *
describe_time (gint64 unix_time)
{
  g_autoptr(GDateTime) when = NULL;

  if (unix_time <= 0)
    return g_strdup (_("never"));

  when = g_date_time_new_from_unix_local (unix_time);

  return when ? g_date_time_format (when, "%-d %b %Y, %H:%M") : g_strdup ("");
}

static void revoke_device (LygDevicesPage *self,
                           const char     *device_id,
                           const char     *name);

static void
on_revoke_button_clicked_cb (GtkButton      *button,
                             LygDevicesPage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);

  revoke_device (self, gtk_widget_get_name (row),
                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

static GtkWidget *
new_device_row (LygDevicesPage      *self,
                const LygDeviceInfo *device,
                const char          *own_id)
{
  g_autofree char *seen = describe_time (device->last_seen);
  g_autofree char *subtitle = NULL;
  const char *role;
  GtkWidget *row;

  role = device->role == LYG_ROLE_COORDINATOR ? _("Coordinator") : _("Field worker");
  /* Translators: "Coordinator · last seen 5 Dec 2026, 14:05" */
  subtitle = g_strdup_printf (_("%s · last seen %s"), role, g_strstrip (seen));

  row = adw_action_row_new ();
  gtk_widget_set_name (row, device->id);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 *device->name ? device->name : _("Unnamed device"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (device->revoked)
    {
      GtkWidget *label = gtk_label_new (_("Removed"));

      gtk_widget_add_css_class (label, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_widget_add_css_class (row, "dim-label");
    }
  else if (g_strcmp0 (device->id, own_id) == 0)
    {
      GtkWidget *label = gtk_label_new (_("This computer"));

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  else
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Remove…"));

      gtk_widget_set_name (button, "revoke");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "destructive-action");
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_revoke_button_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static void
clear_rows (LygDevicesPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))))
    gtk_list_box_remove (self->list_box, child);
  self->n_devices = 0;
}

static void
on_list_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LygDevicesPage) self = user_data;
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(GError) error = NULL;

  devices = lyg_team_list_devices_finish (LYG_VAULT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (devices == NULL)
    {
      show_error (self, error->message);
      return;
    }

  clear_rows (self);
  for (guint i = 0; i < devices->len; i++)
    {
      const LygDeviceInfo *device = g_ptr_array_index (devices, i);

      gtk_list_box_append (self->list_box,
                           new_device_row (self, device,
                                           lyg_vault_get_device_id (LYG_VAULT (object))));
      self->n_devices++;
    }
}

static void
on_revoke_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LygDevicesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lyg_team_revoke_finish (LYG_VAULT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      show_error (self, error->message);
      return;
    }

  set_busy (self, FALSE);
  lyg_devices_page_reload (self);
}

static void
on_confirm_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        LygDevicesPage   *self)
{
  const char *device_id = g_object_get_data (G_OBJECT (dialog), "device-id");

  if (g_strcmp0 (response, "revoke") != 0 || get_vault (self) == NULL || self->busy)
    return;

  show_error (self, NULL);
  set_busy (self, TRUE);
  lyg_team_revoke_async (get_vault (self), device_id, self->cancellable,
                         on_revoke_done_cb, g_object_ref (self));
}

static void
revoke_device (LygDevicesPage *self,
               const char     *device_id,
               const char     *name)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  /* Translators: %s is the name of a computer in the team */
  heading = g_strdup_printf (_("Remove “%s” From the Team?"), name);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("It can no longer sync. The next time it connects, it "
                                     "erases its keys, and the records on it can no longer be "
                                     "opened. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "revoke", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "revoke",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "device-id", g_strdup (device_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_invite_button_clicked_cb (LygDevicesPage *self,
                             GtkButton      *button)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  LygInviteDialog *dialog;

  if (get_vault (self) == NULL)
    return;

  dialog = lyg_invite_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  get_vault (self));
  /* The list shows the new device once it has joined. */
  g_signal_connect_object (dialog, "close-request", G_CALLBACK (lyg_devices_page_reload), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_refresh_button_clicked_cb (LygDevicesPage *self,
                              GtkButton      *button)
{
  lyg_devices_page_reload (self);
}

static void
lyg_devices_page_constructed (GObject *object)
{
  LygDevicesPage *self = LYG_DEVICES_PAGE (object);

  G_OBJECT_CLASS (lyg_devices_page_parent_class)->constructed (object);

  lyg_devices_page_reload (self);
}

static void
lyg_devices_page_dispose (GObject *object)
{
  LygDevicesPage *self = LYG_DEVICES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_DEVICES_PAGE);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (lyg_devices_page_parent_class)->dispose (object);
}

static void
lyg_devices_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LygDevicesPage *self = LYG_DEVICES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_devices_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LygDevicesPage *self = LYG_DEVICES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_devices_page_class_init (LygDevicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lyg_devices_page_constructed;
  object_class->dispose = lyg_devices_page_dispose;
  object_class->get_property = lyg_devices_page_get_property;
  object_class->set_property = lyg_devices_page_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LYG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-devices-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LygDevicesPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, LygDevicesPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, LygDevicesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, LygDevicesPage, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, LygDevicesPage, invite_button);
  gtk_widget_class_bind_template_callback (widget_class, on_invite_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_refresh_button_clicked_cb);
}

static void
lyg_devices_page_init (LygDevicesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

GtkWidget *
lyg_devices_page_new (LygContext *context)
{
  g_return_val_if_fail (LYG_IS_CONTEXT (context), NULL);

  return g_object_new (LYG_TYPE_DEVICES_PAGE,
                       "context", context,
                       NULL);
}

/**
 * lyg_devices_page_is_available:
 * @context: (nullable): the services of the open vault
 *
 * Returns: %TRUE if the vault joined its team as a coordinator, the only
 *   role the server lets manage devices
 */
gboolean
lyg_devices_page_is_available (LygContext *context)
{
  LygVault *vault = context ? lyg_context_get_vault (context) : NULL;
  LygRole role = LYG_ROLE_WORKER;

  if (vault == NULL || !lyg_vault_get_unlocked (vault))
    return FALSE;

  return lyg_team_get_role (vault, &role) && role == LYG_ROLE_COORDINATOR;
}

/**
 * lyg_devices_page_reload:
 * @self: a #LygDevicesPage
 *
 * Asks the server for the list again.
 */
void
lyg_devices_page_reload (LygDevicesPage *self)
{
  g_return_if_fail (LYG_IS_DEVICES_PAGE (self));

  if (self->busy || get_vault (self) == NULL || !lyg_vault_get_unlocked (get_vault (self)))
    return;

  show_error (self, NULL);
  set_busy (self, TRUE);
  lyg_team_list_devices_async (get_vault (self), self->cancellable, on_list_done_cb,
                               g_object_ref (self));
}

gboolean
lyg_devices_page_get_busy (LygDevicesPage *self)
{
  g_return_val_if_fail (LYG_IS_DEVICES_PAGE (self), FALSE);

  return self->busy;
}

guint
lyg_devices_page_get_n_devices (LygDevicesPage *self)
{
  g_return_val_if_fail (LYG_IS_DEVICES_PAGE (self), 0);

  return self->n_devices;
}
