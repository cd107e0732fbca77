/* lyg-list-page.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-entry-row.h"
#include "lyg-list-page.h"

/* The records of one type as a list with live search. A GtkListView
 * recycles a screenful of LygEntryRows, however long the list is.
 */
struct _LygListPage
{
  AdwBin            parent_instance;

  /* Owned */
  LygContext       *context;
  char             *kind;
  LygEntryList     *model;

  /* Template widgets */
  GtkStack         *stack;
  GtkListView      *list_view;
  AdwStatusPage    *empty_status;
};

G_DEFINE_FINAL_TYPE (LygListPage, lyg_list_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_KIND,
  PROP_SEARCH,
  N_PROPS
};

enum {
  OPEN_RECORD,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static const struct {
  const char       *kind;
  const char       *icon_name;
  const char       *title;
  const char       *description;
  LygEntryListSort  sort;
} kinds[] = {
  { "person", "system-users-symbolic", N_("No People Yet"),
    N_("People you meet can be recorded under an alias. Many contacts need no person at all."),
    LYG_ENTRY_LIST_SORT_TITLE },
  { "encounter", "mark-location-symbolic", N_("No Encounters Yet"),
    N_("Outreach contacts and conversations are listed here, anonymous ones too."),
    LYG_ENTRY_LIST_SORT_DATE_DESCENDING },
  { "screening", "checkbox-checked-symbolic", N_("No Screenings Yet"),
    N_("Indicator screenings and their results are listed here."),
    LYG_ENTRY_LIST_SORT_DATE_DESCENDING },
  { "referral", "mail-send-symbolic", N_("No Referrals Yet"),
    N_("Referrals made with a person’s consent are listed here."),
    LYG_ENTRY_LIST_SORT_DATE_DESCENDING },
  { "followup", "alarm-symbolic", N_("No Follow-ups"),
    N_("Tasks with a due date appear here."),
    LYG_ENTRY_LIST_SORT_DATE_ASCENDING },
};

static void
update_state (LygListPage *self)
{
  const char *page = "list";

  if (self->model == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    page = lyg_entry_list_get_query (self->model) ? "no-results" : "empty";

  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
on_model_items_changed_cb (LygListPage *self,
                           guint        position,
                           guint        removed,
                           guint        added,
                           GListModel  *model)
{
  update_state (self);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, lyg_entry_row_new ());
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  LygEntryRow *row = LYG_ENTRY_ROW (gtk_list_item_get_child (list_item));
  LygEntryItem *item = gtk_list_item_get_item (list_item);

  lyg_entry_row_set_item (row, item);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  lyg_entry_row_set_item (LYG_ENTRY_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
on_list_view_activate_cb (LygListPage *self,
                          guint        position,
                          GtkListView *list_view)
{
  g_autoptr(LygEntryItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (item != NULL)
    g_signal_emit (self, signals [OPEN_RECORD], 0, lyg_entry_item_get_id (item));
}

static void
lyg_list_page_constructed (GObject *object)
{
  LygListPage *self = LYG_LIST_PAGE (object);
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkSelectionModel) selection = NULL;

  G_OBJECT_CLASS (lyg_list_page_parent_class)->constructed (object);

  g_return_if_fail (LYG_IS_CONTEXT (self->context));

  self->model = lyg_entry_list_new (lyg_context_get_vault (self->context), self->kind);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_strcmp0 (kinds[i].kind, self->kind) != 0)
        continue;

      adw_status_page_set_icon_name (self->empty_status, kinds[i].icon_name);
      adw_status_page_set_title (self->empty_status, _(kinds[i].title));
      adw_status_page_set_description (self->empty_status, _(kinds[i].description));
      lyg_entry_list_set_sort (self->model, kinds[i].sort);
    }

  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (on_model_items_changed_cb), self,
                           G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), NULL);

  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model))));
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, selection);

  update_state (self);
}

static void
lyg_list_page_dispose (GObject *object)
{
  LygListPage *self = LYG_LIST_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_LIST_PAGE);

  g_clear_object (&self->model);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lyg_list_page_parent_class)->dispose (object);
}

static void
lyg_list_page_finalize (GObject *object)
{
  LygListPage *self = LYG_LIST_PAGE (object);

  g_clear_pointer (&self->kind, g_free);

  G_OBJECT_CLASS (lyg_list_page_parent_class)->finalize (object);
}

static void
lyg_list_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LygListPage *self = LYG_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_SEARCH:
      g_value_set_string (value, lyg_list_page_get_search (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_list_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LygListPage *self = LYG_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;

    case PROP_SEARCH:
      lyg_list_page_set_search (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_list_page_class_init (LygListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lyg_list_page_constructed;
  object_class->dispose = lyg_list_page_dispose;
  object_class->finalize = lyg_list_page_finalize;
  object_class->get_property = lyg_list_page_get_property;
  object_class->set_property = lyg_list_page_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LYG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LygListPage::open-record:
   * @id: the id of the activated record
   */
  signals [OPEN_RECORD] =
    g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LygListPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LygListPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, LygListPage, empty_status);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
}

static void
lyg_list_page_init (LygListPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lyg_list_page_new:
 * @context: the services of the open vault
 * @kind: the record type to list
 *
 * Returns: (transfer full): a new list page
 */
GtkWidget *
lyg_list_page_new (LygContext *context,
                   const char *kind)
{
  g_return_val_if_fail (LYG_IS_CONTEXT (context), NULL);

  return g_object_new (LYG_TYPE_LIST_PAGE,
                       "context", context,
                       "kind", kind,
                       NULL);
}

const char *
lyg_list_page_get_kind (LygListPage *self)
{
  g_return_val_if_fail (LYG_IS_LIST_PAGE (self), NULL);

  return self->kind;
}

/**
 * lyg_list_page_get_model:
 * @self: a #LygListPage
 *
 * Returns: (transfer none): the list shown
 */
LygEntryList *
lyg_list_page_get_model (LygListPage *self)
{
  g_return_val_if_fail (LYG_IS_LIST_PAGE (self), NULL);

  return self->model;
}

GtkListView *
lyg_list_page_get_list_view (LygListPage *self)
{
  g_return_val_if_fail (LYG_IS_LIST_PAGE (self), NULL);

  return self->list_view;
}

const char *
lyg_list_page_get_search (LygListPage *self)
{
  g_return_val_if_fail (LYG_IS_LIST_PAGE (self), NULL);

  return self->model ? lyg_entry_list_get_query (self->model) : NULL;
}

void
lyg_list_page_set_search (LygListPage *self,
                          const char  *search)
{
  g_return_if_fail (LYG_IS_LIST_PAGE (self));

  if (self->model == NULL || g_strcmp0 (search, lyg_list_page_get_search (self)) == 0)
    return;

  lyg_entry_list_set_query (self->model, search);
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH]);
}
