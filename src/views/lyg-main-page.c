/* lyg-main-page.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-main-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-main-page.h"

/* The sections of the sidebar. Statistics and Training join them later; each
 * needs a row in the sidebar and a page in the content stack with the same
 * name.
 */
static const struct {
  const char *name;
  const char *title;
} sections[] = {
  { "people", N_("People") },
  { "encounters", N_("Encounters") },
  { "screenings", N_("Screenings") },
  { "followups", N_("Follow-ups") },
};

struct _LygMainPage
{
  AdwBin           parent_instance;

  /* Owned */
  char            *search;

  /* Template widgets */
  AdwLeaflet      *leaflet;
  GtkWidget       *sidebar_pane;
  GtkWidget       *content_pane;
  GtkListBox      *sidebar;
  AdwViewStack    *content_stack;
  AdwWindowTitle  *content_title;
  GtkSearchBar    *search_bar;
  GtkSearchEntry  *search_entry;
};

G_DEFINE_FINAL_TYPE (LygMainPage, lyg_main_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SECTION,
  PROP_SEARCH,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *
section_title (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].name, name) == 0)
      return _(sections[i].title);

  return NULL;
}

static GtkListBoxRow *
find_row (LygMainPage *self,
          const char  *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

static void
on_sidebar_row_selected_cb (LygMainPage   *self,
                            GtkListBoxRow *row,
                            GtkListBox    *list_box)
{
  if (row != NULL)
    lyg_main_page_set_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_sidebar_row_activated_cb (LygMainPage   *self,
                             GtkListBoxRow *row,
                             GtkListBox    *list_box)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

static void
on_back_button_clicked_cb (LygMainPage *self,
                           GtkButton   *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_search_entry_search_changed_cb (LygMainPage    *self,
                                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (g_strcmp0 (self->search, text) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH]);
}

static void
lyg_main_page_dispose (GObject *object)
{
  LygMainPage *self = LYG_MAIN_PAGE (object);

  /* AdwBin unparents its child itself: let it go first, then clear the
   * template pointers. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_MAIN_PAGE);

  G_OBJECT_CLASS (lyg_main_page_parent_class)->dispose (object);
}

static void
lyg_main_page_finalize (GObject *object)
{
  LygMainPage *self = LYG_MAIN_PAGE (object);

  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (lyg_main_page_parent_class)->finalize (object);
}

static void
lyg_main_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LygMainPage *self = LYG_MAIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_string (value, lyg_main_page_get_section (self));
      break;

    case PROP_SEARCH:
      g_value_set_string (value, lyg_main_page_get_search (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_main_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LygMainPage *self = LYG_MAIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      lyg_main_page_set_section (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lyg_main_page_class_init (LygMainPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lyg_main_page_dispose;
  object_class->finalize = lyg_main_page_finalize;
  object_class->get_property = lyg_main_page_get_property;
  object_class->set_property = lyg_main_page_set_property;

  /**
   * LygMainPage:section:
   *
   * The name of the visible section: "people", "encounters", "screenings"
   * or "followups".
   */
  properties [PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * LygMainPage:search:
   *
   * The text in the search entry, for the section views to filter on.
   */
  properties [PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-main-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LygMainPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LygMainPage, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, LygMainPage, content_pane);
  gtk_widget_class_bind_template_child (widget_class, LygMainPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LygMainPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LygMainPage, content_title);
  gtk_widget_class_bind_template_child (widget_class, LygMainPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LygMainPage, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
}

static void
lyg_main_page_init (LygMainPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->content_pane));

  lyg_main_page_set_section (self, sections[0].name);
}

/**
 * lyg_main_page_get_section:
 * @self: a #LygMainPage
 *
 * Returns: the name of the visible section
 */
const char *
lyg_main_page_get_section (LygMainPage *self)
{
  g_return_val_if_fail (LYG_IS_MAIN_PAGE (self), NULL);

  return adw_view_stack_get_visible_child_name (self->content_stack);
}

void
lyg_main_page_set_section (LygMainPage *self,
                           const char  *section)
{
  GtkListBoxRow *row;
  const char *title;

  g_return_if_fail (LYG_IS_MAIN_PAGE (self));
  g_return_if_fail (section != NULL);

  if (!(title = section_title (section)))
    {
      g_critical ("No section named “%s”", section);
      return;
    }

  if ((row = find_row (self, section)) && gtk_list_box_get_selected_row (self->sidebar) != row)
    gtk_list_box_select_row (self->sidebar, row);

  adw_window_title_set_title (self->content_title, title);

  if (g_strcmp0 (section, lyg_main_page_get_section (self)) == 0)
    return;

  adw_view_stack_set_visible_child_name (self->content_stack, section);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SECTION]);
}

/**
 * lyg_main_page_get_search:
 * @self: a #LygMainPage
 *
 * Returns: (nullable): the search text, or %NULL when not searching
 */
const char *
lyg_main_page_get_search (LygMainPage *self)
{
  g_return_val_if_fail (LYG_IS_MAIN_PAGE (self), NULL);

  if (self->search == NULL || *self->search == '\0')
    return NULL;

  return self->search;
}

void
lyg_main_page_begin_search (LygMainPage *self)
{
  g_return_if_fail (LYG_IS_MAIN_PAGE (self));

  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * lyg_main_page_reset:
 * @self: a #LygMainPage
 *
 * Forgets the search and the position, as when the vault locks.
 */
void
lyg_main_page_reset (LygMainPage *self)
{
  g_return_if_fail (LYG_IS_MAIN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (self->search != NULL)
    {
      g_clear_pointer (&self->search, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH]);
    }
  lyg_main_page_set_section (self, sections[0].name);
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_pane);
}
