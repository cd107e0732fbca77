/* lyg-main-page.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-main-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-encounter-editor.h"
#include "lyg-devices-page.h"
#include "lyg-followup-editor.h"
#include "lyg-list-page.h"
#include "lyg-main-page.h"
#include "lyg-person-page.h"
#include "lyg-referral-editor.h"
#include "lyg-screening-page.h"
#include "lyg-shelter-page.h"
#include "lyg-stay-page.h"
#include "lyg-stats-page.h"
#include "lyg-sync-button.h"
#include "lyg-today-page.h"
#include "lyg-training-page.h"
#include "lyg-training-vault.h"

/* The sections of the sidebar. Statistics and Training join them later;
 * each needs a row in the sidebar, a page (with an AdwBin named
 * "<name>_bin") in the content stack, and an entry here.
 */
static const struct {
  const char *name;
  const char *title;
  const char *kind;     /* record type listed, NULL for a page of its own */
} sections[] = {
  { "today", N_("Today"), NULL },
  { "people", N_("People"), "person" },
  { "encounters", N_("Encounters"), "encounter" },
  { "screenings", N_("Screenings"), "screening" },
  { "followups", N_("Follow-ups"), "followup" },
  { "shelter", N_("Shelter"), NULL },
  { "statistics", N_("Statistics"), NULL },
  { "devices", N_("Devices"), NULL },
  { "training", N_("Training"), NULL },    /* only in the training vault */
};

#define START_SECTION "today"

struct _LygMainPage
{
  AdwBin           parent_instance;

  /* Owned */
  LygContext      *context;
  char            *search;
  GPtrArray       *pages;       /* record pages pushed over the sections */
  GPtrArray       *popped;      /* pages leaving, removed after the transition */
  GBinding        *title_binding;

  /* Template widgets */
  AdwLeaflet      *leaflet;
  GtkWidget       *sidebar_pane;
  GtkWidget       *content_pane;
  GtkListBox      *sidebar;
  GtkStack        *nav_stack;
  GtkWidget       *sections_box;
  AdwViewStack    *content_stack;
  AdwWindowTitle  *content_title;
  GtkWidget       *back_button;
  GtkWidget       *search_button;
  GtkSearchBar    *search_bar;
  GtkSearchEntry  *search_entry;
  LygSyncButton   *sync_button;
};

G_DEFINE_FINAL_TYPE (LygMainPage, lyg_main_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SECTION,
  PROP_SEARCH,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void push_page (LygMainPage *self,
                       GtkWidget   *page);

/* The binding is held with a reference, since the page may be finalized
 * (and the binding released) before the main page lets go of it. */
static void
clear_binding (GBinding *binding)
{
  g_binding_unbind (binding);
  g_object_unref (binding);
}

static int
find_section (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].name, name) == 0)
      return i;

  return -1;
}

static AdwBin *
section_bin (LygMainPage *self,
             const char  *name)
{
  g_autofree char *id = g_strdup_printf ("%s_bin", name);
  GObject *bin = gtk_widget_get_template_child (GTK_WIDGET (self), LYG_TYPE_MAIN_PAGE, id);

  return bin ? ADW_BIN (bin) : NULL;
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

static GtkWidget *
top_page (LygMainPage *self)
{
  return self->pages->len > 0 ? g_ptr_array_index (self->pages, self->pages->len - 1) : NULL;
}

/* The header shows the section, or the title of the record page on top. */
static void
update_header (LygMainPage *self)
{
  GtkWidget *page = top_page (self);
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  g_clear_pointer (&self->title_binding, clear_binding);

  if (page != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (page), "title"))
    self->title_binding = g_object_ref (g_object_bind_property (page, "title",
                                                                self->content_title, "title",
                                                                G_BINDING_SYNC_CREATE));
  else if (page == NULL)
    {
      int i = find_section (lyg_main_page_get_section (self));

      adw_window_title_set_title (self->content_title, i >= 0 ? _(sections[i].title) : "");
    }

  gtk_widget_set_visible (self->back_button, page != NULL || folded);
  /* The search bar stays as it is under a record page, so going back
   * returns to the same results. */
  gtk_widget_set_visible (self->search_button, page == NULL);
}

static void
apply_search (LygMainPage *self)
{
  const char *section = lyg_main_page_get_section (self);
  GtkWidget *page = section ? lyg_main_page_get_section_page (self, section) : NULL;

  /* Only the visible list follows the search, so a keystroke costs one
   * query; the others catch up when they are shown. */
  if (LYG_IS_LIST_PAGE (page))
    lyg_list_page_set_search (LYG_LIST_PAGE (page), lyg_main_page_get_search (self));
}

static void
on_nav_stack_transition_running_cb (LygMainPage *self,
                                    GParamSpec  *pspec,
                                    GtkStack    *stack)
{
  if (gtk_stack_get_transition_running (stack))
    return;

  for (guint i = 0; i < self->popped->len; i++)
    gtk_stack_remove (self->nav_stack, g_ptr_array_index (self->popped, i));
  g_ptr_array_set_size (self->popped, 0);
}

/* Pops @page and every page above it. */
static void
pop_to_below (LygMainPage *self,
              GtkWidget   *page,
              gboolean     animate)
{
  GtkWidget *below;
  guint index;

  if (!g_ptr_array_find (self->pages, page, &index))
    return;

  while (self->pages->len > index)
    {
      GtkWidget *popped = g_ptr_array_steal_index (self->pages, self->pages->len - 1);

      g_signal_handlers_disconnect_by_data (popped, self);
      g_ptr_array_add (self->popped, popped);
    }

  below = top_page (self);
  if (below == NULL)
    below = self->sections_box;

  gtk_stack_set_visible_child_full (self->nav_stack,
                                    below == self->sections_box ? "sections" :
                                      gtk_stack_page_get_name (gtk_stack_get_page (self->nav_stack, below)),
                                    animate ? GTK_STACK_TRANSITION_TYPE_SLIDE_RIGHT
                                            : GTK_STACK_TRANSITION_TYPE_NONE);

  if (!animate || !gtk_stack_get_transition_running (self->nav_stack))
    on_nav_stack_transition_running_cb (self, NULL, self->nav_stack);

  if (below == self->sections_box)
    apply_search (self);

  update_header (self);

  if (below != self->sections_box)
    gtk_widget_grab_focus (below);
}

static void
on_record_page_done_cb (GtkWidget   *page,
                        LygMainPage *self)
{
  pop_to_below (self, page, TRUE);
}

static void
on_record_page_open_record_cb (GtkWidget   *page,
                               const char  *id,
                               LygMainPage *self)
{
  lyg_main_page_open_record (self, id);
}

static void
on_record_page_new_record_cb (GtkWidget   *page,
                              const char  *type,
                              const char  *person_id,
                              LygMainPage *self)
{
  lyg_main_page_new_record (self, type, person_id);
}

static void
connect_page_signals (LygMainPage *self,
                      GtkWidget   *page)
{
  GType type = G_OBJECT_TYPE (page);

  if (g_signal_lookup ("done", type) != 0)
    g_signal_connect (page, "done", G_CALLBACK (on_record_page_done_cb), self);
  if (g_signal_lookup ("open-record", type) != 0)
    g_signal_connect (page, "open-record", G_CALLBACK (on_record_page_open_record_cb), self);
  if (g_signal_lookup ("new-record", type) != 0)
    g_signal_connect (page, "new-record", G_CALLBACK (on_record_page_new_record_cb), self);
}

static void
push_page (LygMainPage *self,
           GtkWidget   *page)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf ("record-%u", ++serial);

  connect_page_signals (self, page);
  g_ptr_array_add (self->pages, page);
  gtk_stack_add_named (self->nav_stack, page, name);
  gtk_stack_set_visible_child_full (self->nav_stack, name, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT);

  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
  update_header (self);
}

static GtkWidget *
create_record_page (LygMainPage *self,
                    const char  *type,
                    const char  *id,
                    const char  *person_id)
{
  if (g_strcmp0 (type, "person") == 0)
    return lyg_person_page_new (self->context, id);
  if (g_strcmp0 (type, "encounter") == 0)
    return lyg_encounter_editor_new (self->context, id, person_id);
  if (g_strcmp0 (type, "screening") == 0)
    return lyg_screening_page_new (self->context, id, person_id);
  if (g_strcmp0 (type, "referral") == 0)
    return lyg_referral_editor_new (self->context, id, person_id, NULL);
  if (g_strcmp0 (type, "followup") == 0)
    return lyg_followup_editor_new (self->context, id, person_id);
  if (g_strcmp0 (type, "stay") == 0 || g_strcmp0 (type, "handover") == 0)
    return lyg_stay_page_open (self->context, type, id, person_id);

  g_warning ("No page shows records of type “%s”", type);

  return NULL;
}

static void
on_section_page_open_record_cb (GtkWidget   *page,
                                const char  *id,
                                LygMainPage *self)
{
  lyg_main_page_open_record (self, id);
}

static void
clear_sections (LygMainPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      AdwBin *bin = section_bin (self, sections[i].name);

      if (bin != NULL)
        adw_bin_set_child (bin, NULL);
    }
}

static void
build_sections (LygMainPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      AdwBin *bin = section_bin (self, sections[i].name);
      GtkWidget *page;

      if (bin == NULL)
        continue;

      if (g_str_equal (sections[i].name, "devices"))
        {
          /* Only coordinators manage the team's devices. */
          gboolean available = lyg_devices_page_is_available (self->context);

          gtk_widget_set_visible (GTK_WIDGET (find_row (self, "devices")), available);
          if (!available)
            continue;
          page = lyg_devices_page_new (self->context);
        }
      else if (g_str_equal (sections[i].name, "training"))
        {
          if (!lyg_vault_is_training (lyg_context_get_vault (self->context)))
            continue;
          page = lyg_training_page_new (self->context);
        }
      else if (sections[i].kind != NULL)
        page = lyg_list_page_new (self->context, sections[i].kind);
      else if (g_str_equal (sections[i].name, "shelter"))
        page = lyg_shelter_page_new (self->context);
      else if (g_str_equal (sections[i].name, "statistics"))
        page = lyg_stats_page_new (self->context);
      else
        page = lyg_today_page_new (self->context);

      if (g_signal_lookup ("open-record", G_OBJECT_TYPE (page)) != 0)
        g_signal_connect_object (page, "open-record",
                                 G_CALLBACK (on_section_page_open_record_cb), self, 0);
      if (g_signal_lookup ("new-record", G_OBJECT_TYPE (page)) != 0)
        g_signal_connect_object (page, "new-record",
                                 G_CALLBACK (on_record_page_new_record_cb), self, 0);
      adw_bin_set_child (bin, page);
    }

  apply_search (self);
}

/* The Training section exists only while the training vault is open, and
 * is where training mode starts. */
static void
update_training_section (LygMainPage *self)
{
  gboolean training = self->context != NULL &&
                      lyg_vault_is_training (lyg_context_get_vault (self->context));
  GtkListBoxRow *row = find_row (self, "training");

  gtk_widget_set_visible (GTK_WIDGET (row), training);
  if (training)
    lyg_main_page_set_section (self, "training");
  else if (g_strcmp0 (lyg_main_page_get_section (self), "training") == 0)
    lyg_main_page_set_section (self, START_SECTION);
}

static void
pop_all (LygMainPage *self)
{
  if (self->pages->len > 0)
    pop_to_below (self, g_ptr_array_index (self->pages, 0), FALSE);
  on_nav_stack_transition_running_cb (self, NULL, self->nav_stack);
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
  /* Choosing a section leaves any record that was open. */
  pop_all (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

static void
on_back_button_clicked_cb (LygMainPage *self,
                           GtkButton   *button)
{
  lyg_main_page_go_back (self);
}

static void
on_leaflet_folded_cb (LygMainPage *self,
                      GParamSpec  *pspec,
                      AdwLeaflet  *leaflet)
{
  update_header (self);
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
  apply_search (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH]);
}

static gboolean
on_go_back_shortcut_cb (GtkWidget *widget,
                        GVariant  *args,
                        gpointer   user_data)
{
  LygMainPage *self = LYG_MAIN_PAGE (widget);

  if (self->pages->len == 0)
    return FALSE;

  lyg_main_page_go_back (self);

  return TRUE;
}

static void
lyg_main_page_dispose (GObject *object)
{
  LygMainPage *self = LYG_MAIN_PAGE (object);

  g_clear_pointer (&self->title_binding, clear_binding);
  for (guint i = 0; self->pages != NULL && i < self->pages->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->pages, i), self);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->popped, g_ptr_array_unref);

  /* AdwBin unparents its child itself: let it go first, then clear the
   * template pointers. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LYG_TYPE_MAIN_PAGE);

  g_clear_object (&self->context);

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
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

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
    case PROP_CONTEXT:
      lyg_main_page_set_context (self, g_value_get_object (value));
      break;

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
   * LygMainPage:context:
   *
   * The services of the open vault, or %NULL while it is locked. The
   * section pages and every record page are made with it and dropped
   * with it.
   */
  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LYG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * LygMainPage:section:
   *
   * The name of the visible section: "today", "people", "encounters",
   * "screenings" or "followups".
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

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                on_go_back_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Back, 0,
                                on_go_back_shortcut_cb, NULL);

  g_type_ensure (LYG_TYPE_SYNC_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lygte/Lygte/lyg-main-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LygMainPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LygMainPage, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, LygMainPage, content_pane);
  gtk_widget_class_bind_template_child (widget_class, LygMainPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LygMainPage, nav_stack);
  gtk_widget_class_bind_template_child (widget_class, LygMainPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, LygMainPage, sync_button);
  gtk_widget_class_bind_template_child (widget_class, LygMainPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LygMainPage, content_title);
  gtk_widget_class_bind_template_child (widget_class, LygMainPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, LygMainPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, LygMainPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LygMainPage, search_entry);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      /* The bins are looked up by name; they need no struct field. */
      g_autofree char *id = g_strdup_printf ("%s_bin", sections[i].name);

      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (id), FALSE, 0);
    }
  gtk_widget_class_bind_template_child_full (widget_class, "new_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_nav_stack_transition_running_cb);
}

static void
lyg_main_page_init (LygMainPage *self)
{
  self->pages = g_ptr_array_new ();
  self->popped = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, self->sections_box);

  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (on_leaflet_folded_cb), self, G_CONNECT_SWAPPED);

  lyg_main_page_set_section (self, START_SECTION);
  update_header (self);
}

/**
 * lyg_main_page_get_context:
 * @self: a #LygMainPage
 *
 * Returns: (transfer none) (nullable): the services of the open vault
 */
LygContext *
lyg_main_page_get_context (LygMainPage *self)
{
  g_return_val_if_fail (LYG_IS_MAIN_PAGE (self), NULL);

  return self->context;
}

/**
 * lyg_main_page_set_context:
 * @self: a #LygMainPage
 * @context: (nullable): the services of the vault just unlocked, or %NULL
 *
 * Builds the section pages for @context; %NULL drops every page that shows
 * records.
 */
void
lyg_main_page_set_context (LygMainPage *self,
                           LygContext  *context)
{
  g_return_if_fail (LYG_IS_MAIN_PAGE (self));
  g_return_if_fail (!context || LYG_IS_CONTEXT (context));

  if (self->context == context)
    return;

  pop_all (self);
  clear_sections (self);

  g_set_object (&self->context, context);
  lyg_sync_button_set_context (self->sync_button, context);

  if (context != NULL)
    build_sections (self);
  else
    gtk_widget_set_visible (GTK_WIDGET (find_row (self, "devices")), FALSE);
  update_training_section (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTEXT]);
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

  g_return_if_fail (LYG_IS_MAIN_PAGE (self));
  g_return_if_fail (section != NULL);

  if (find_section (section) < 0)
    {
      g_critical ("No section named “%s”", section);
      return;
    }

  if ((row = find_row (self, section)) && gtk_list_box_get_selected_row (self->sidebar) != row)
    gtk_list_box_select_row (self->sidebar, row);

  if (g_strcmp0 (section, lyg_main_page_get_section (self)) == 0)
    {
      update_header (self);
      return;
    }

  adw_view_stack_set_visible_child_name (self->content_stack, section);
  apply_search (self);
  update_header (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SECTION]);
}

/**
 * lyg_main_page_get_section_page:
 * @self: a #LygMainPage
 * @section: a section name
 *
 * Returns: (transfer none) (nullable): the page of @section (a
 *   #LygListPage for the lists), or %NULL while locked
 */
GtkWidget *
lyg_main_page_get_section_page (LygMainPage *self,
                                const char  *section)
{
  AdwBin *bin;

  g_return_val_if_fail (LYG_IS_MAIN_PAGE (self), NULL);

  bin = section_bin (self, section);

  return bin ? adw_bin_get_child (bin) : NULL;
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

  pop_all (self);
  update_header (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * lyg_main_page_open_record:
 * @self: a #LygMainPage
 * @id: a record id
 *
 * Shows the record in the page for its type, over the section.
 *
 * Returns: %TRUE if the record exists and a page shows it
 */
gboolean
lyg_main_page_open_record (LygMainPage *self,
                           const char  *id)
{
  g_autoptr(LygIndexEntry) entry = NULL;
  GtkWidget *page;

  g_return_val_if_fail (LYG_IS_MAIN_PAGE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->context == NULL)
    return FALSE;

  entry = lyg_index_lookup (lyg_vault_get_index (lyg_context_get_vault (self->context)), id);
  if (entry == NULL)
    {
      g_warning ("No record %s in the index", id);
      return FALSE;
    }

  if (!(page = create_record_page (self, entry->type, id, entry->person)))
    return FALSE;

  push_page (self, page);

  return TRUE;
}

/**
 * lyg_main_page_new_record:
 * @self: a #LygMainPage
 * @type: a record type
 * @person_id: (nullable): the person to link the new record to
 *
 * Shows an empty editor for a new record of @type.
 *
 * Returns: (transfer none) (nullable): the editor
 */
GtkWidget *
lyg_main_page_new_record (LygMainPage *self,
                          const char  *type,
                          const char  *person_id)
{
  GtkWidget *page;

  g_return_val_if_fail (LYG_IS_MAIN_PAGE (self), NULL);
  g_return_val_if_fail (type != NULL, NULL);

  if (self->context == NULL)
    return NULL;

  if (!(page = create_record_page (self, type, NULL, person_id)))
    return NULL;

  push_page (self, page);

  return page;
}

/**
 * lyg_main_page_push_page:
 * @self: a #LygMainPage
 * @page: a page with its own header bar, such as a training session
 *
 * Shows @page over the sections like a record page; it leaves on its
 * ::done signal or with Back.
 */
void
lyg_main_page_push_page (LygMainPage *self,
                         GtkWidget   *page)
{
  g_return_if_fail (LYG_IS_MAIN_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (page));

  push_page (self, page);
}

/**
 * lyg_main_page_get_record_page:
 * @self: a #LygMainPage
 *
 * Returns: (transfer none) (nullable): the record page on top, or %NULL
 *   while a section is shown
 */
GtkWidget *
lyg_main_page_get_record_page (LygMainPage *self)
{
  g_return_val_if_fail (LYG_IS_MAIN_PAGE (self), NULL);

  return top_page (self);
}

guint
lyg_main_page_get_depth (LygMainPage *self)
{
  g_return_val_if_fail (LYG_IS_MAIN_PAGE (self), 0);

  return self->pages->len;
}

/**
 * lyg_main_page_go_back:
 * @self: a #LygMainPage
 *
 * Closes the record page on top, or on a narrow window goes back to the
 * sidebar.
 */
void
lyg_main_page_go_back (LygMainPage *self)
{
  g_return_if_fail (LYG_IS_MAIN_PAGE (self));

  if (self->pages->len > 0)
    pop_to_below (self, top_page (self), TRUE);
  else
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
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

  pop_all (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (self->search != NULL)
    {
      g_clear_pointer (&self->search, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH]);
    }
  lyg_main_page_set_section (self, START_SECTION);
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_pane);
}
