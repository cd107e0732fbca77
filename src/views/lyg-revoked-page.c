/* lyg-revoked-page.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-revoked-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-revoked-page.h"

/* What a device the team removed shows instead of its records: the keys
 * are gone already (the sync engine erased them when the server said so),
 * and nothing here can bring them back.
 */
struct _LygRevokedPage
{
  AdwBin         parent_instance;

  /* Template widgets */
  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (LygRevokedPage, lyg_revoked_page, ADW_TYPE_BIN)

static void
lyg_revoked_page_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LYG_TYPE_REVOKED_PAGE);

  G_OBJECT_CLASS (lyg_revoked_page_parent_class)->dispose (object);
}

static void
lyg_revoked_page_class_init (LygRevokedPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lyg_revoked_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-revoked-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LygRevokedPage, status_page);
}

static void
lyg_revoked_page_init (LygRevokedPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lyg_revoked_page_set_message:
 * @self: a #LygRevokedPage
 * @message: (nullable): the reason the sync engine gave
 */
void
lyg_revoked_page_set_message (LygRevokedPage *self,
                              const char     *message)
{
  g_autofree char *text = NULL;

  g_return_if_fail (LYG_IS_REVOKED_PAGE (self));

  text = g_strdup_printf ("%s\n\n%s",
                          message ? message
                                  : _("This device was removed from the team. Its keys have been "
                                      "erased, and the records on it can no longer be opened."),
                          _("If this is a mistake, ask a coordinator for a new invitation. "
                            "Records that were synced before are safe on the team’s server."));
  adw_status_page_set_description (self->status_page, text);
}
