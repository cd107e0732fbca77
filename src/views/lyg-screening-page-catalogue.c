/* lyg-screening-page-catalogue.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lyg-screening-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lyg-indicator-row.h"
#include "lyg-screening-page-private.h"

/* Showing a catalogue: the catalogue and profile rows, the version note,
 * and a group of indicator rows per dimension. */

static char *
get_catalogue_title_cb (LygCatalogue *catalogue,
                        gpointer      user_data)
{
  const char *lang = user_data;

  if (catalogue == NULL)
    return NULL;

  return g_strdup (lyg_catalogue_get_title (catalogue, lang));
}

static char *
dup_catalogue_source (LygCatalogue *catalogue)
{
  const char *document = lyg_catalogue_get_source_document (catalogue);
  const char *publisher = lyg_catalogue_get_source_publisher (catalogue);
  guint year = lyg_catalogue_get_source_year (catalogue);

  if (year > 0)
    /* Translators: a catalogue's source: document, publisher, year */
    return g_strdup_printf (_("%s — %s, %u"), document, publisher, year);

  /* Translators: a catalogue's source: document, publisher */
  return g_strdup_printf (_("%s — %s"), document, publisher);
}

static void
on_catalogue_item_setup_cb (GtkSignalListItemFactory *factory,
                            GtkListItem              *item,
                            gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *source = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 50);
  gtk_label_set_xalign (GTK_LABEL (source), 0);
  gtk_label_set_wrap (GTK_LABEL (source), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (source), 50);
  gtk_widget_add_css_class (source, "dim-label");
  gtk_widget_add_css_class (source, "caption");
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), source);
  gtk_list_item_set_child (item, box);
}

static void
on_catalogue_item_bind_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *item,
                           gpointer                  user_data)
{
  const char *lang = user_data;
  LygCatalogue *catalogue = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *source = gtk_widget_get_next_sibling (title);
  g_autofree char *text = dup_catalogue_source (catalogue);

  gtk_label_set_text (GTK_LABEL (title), lyg_catalogue_get_title (catalogue, lang));
  gtk_label_set_text (GTK_LABEL (source), text);
}

guint
_lyg_screening_page_find_catalogue (LygScreeningPage *self,
                                    const char       *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->catalogues));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LygCatalogue) catalogue = g_list_model_get_item (G_LIST_MODEL (self->catalogues), i);

      if (g_strcmp0 (lyg_catalogue_get_id (catalogue), id) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
on_indicator_row_changed_cb (LygScreeningPage *self,
                             LygIndicatorRow  *row)
{
  const LygIndicator *indicator = lyg_indicator_row_get_indicator (row);

  lyg_screening_answers_set (self->answers,
                             indicator->id,
                             lyg_indicator_row_get_answer (row),
                             lyg_indicator_row_get_note (row));
  _lyg_screening_page_set_dirty (self, TRUE);
  _lyg_screening_page_rescore (self);
}

static void
clear_groups (LygScreeningPage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->dimensions_box, g_ptr_array_index (self->groups, i));

  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->rows, 0);
}

/* A titled boxed list per dimension.  Not an AdwPreferencesGroup: its
 * title does not wrap, and dimension titles are long. */
static GtkWidget *
create_group (LygScreeningPage   *self,
              const LygDimension *dimension,
              GtkWidget         **list)
{
  g_autofree char *count = NULL;
  GtkWidget *group;
  GtkWidget *title;
  GtkWidget *caption;

  group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (group, "lyg-dimension-group");

  title = gtk_label_new (lyg_catalogue_text_get (&dimension->title, self->lang));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                  -1);
  gtk_box_append (GTK_BOX (group), title);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u indicator", "%u indicators",
                                        dimension->n_indicators),
                           dimension->n_indicators);
  caption = gtk_label_new (count);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_set_margin_top (caption, 2);
  gtk_box_append (GTK_BOX (group), caption);

  *list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (*list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (*list, "boxed-list");
  gtk_widget_set_margin_top (*list, 12);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (*list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (group), *list);

  return group;
}

static void
build_groups (LygScreeningPage *self)
{
  guint n_dimensions = lyg_catalogue_get_n_dimensions (self->catalogue);
  guint n_indicators = lyg_catalogue_get_n_indicators (self->catalogue);
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  clear_groups (self);

  for (guint i = 0; i < n_dimensions; i++)
    {
      const LygDimension *dimension = lyg_catalogue_get_dimension (self->catalogue, i);
      GtkWidget *list = NULL;
      GtkWidget *group = create_group (self, dimension, &list);

      gtk_box_append (self->dimensions_box, group);
      g_ptr_array_add (self->groups, group);
      g_ptr_array_add (lists, list);
    }

  for (guint i = 0; i < n_indicators; i++)
    {
      const LygIndicator *indicator = lyg_catalogue_get_indicator (self->catalogue, i);
      GtkWidget *list = g_ptr_array_index (lists, indicator->dimension->index);
      GtkWidget *row = lyg_indicator_row_new (self->catalogue, indicator, self->lang);
      const char *note = NULL;
      LygAnswer answer = lyg_screening_answers_get (self->answers, indicator->id, &note);

      lyg_indicator_row_set_answer (LYG_INDICATOR_ROW (row), answer);
      lyg_indicator_row_set_note (LYG_INDICATOR_ROW (row), note);
      g_signal_connect_object (row, "changed",
                               G_CALLBACK (on_indicator_row_changed_cb),
                               self, G_CONNECT_SWAPPED);

      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
update_profile_row (LygScreeningPage *self)
{
  const char * const *profiles = lyg_catalogue_get_profiles (self->catalogue);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_strfreev (self->profiles);
  self->profiles = g_strdupv ((char **)profiles);

  for (guint i = 0; profiles[i] != NULL; i++)
    {
      const char *label = lyg_profile_get_label (profiles[i]);

      gtk_string_list_append (labels, label != NULL ? label : profiles[i]);
      if (g_strcmp0 (profiles[i], self->profile) == 0)
        selected = i;
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->profile_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->profile_row, selected);
  self->updating = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->profile_row), g_strv_length (self->profiles) > 1);
}

static void
update_version_label (LygScreeningPage *self)
{
  LygCatalogueSet *set = lyg_context_get_catalogues (self->context);
  LygCatalogue *latest = lyg_catalogue_set_lookup (set, lyg_catalogue_get_id (self->catalogue),
                                                   0, NULL);
  guint version = lyg_catalogue_get_version (self->catalogue);

  if (latest != NULL && lyg_catalogue_get_version (latest) > version)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (_("Scored with version %u of this list, as when the screening "
                                "was made. A newer version (%u) exists; a new screening "
                                "uses it."),
                              version, lyg_catalogue_get_version (latest));
      gtk_label_set_text (self->version_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->version_label), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->version_label), FALSE);
    }
}

/* Shows @catalogue with @profile (its default when NULL), keeping the
 * answers that name its indicators. */
void
_lyg_screening_page_set_catalogue (LygScreeningPage *self,
                                   LygCatalogue     *catalogue,
                                   const char       *profile)
{
  g_autofree char *source = NULL;
  g_autofree char *description = NULL;
  guint position;

  g_assert (LYG_IS_CATALOGUE (catalogue));

  if (profile == NULL || !lyg_catalogue_has_profile (catalogue, profile))
    profile = lyg_catalogue_get_default_profile (catalogue);

  g_set_object (&self->catalogue, catalogue);
  g_free (self->profile);
  self->profile = g_strdup (profile);

  position = _lyg_screening_page_find_catalogue (self, lyg_catalogue_get_id (catalogue));
  if (position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(LygCatalogue) shown = g_list_model_get_item (G_LIST_MODEL (self->catalogues),
                                                             position);

      /* An old screening shows the version it was made with. */
      if (shown != catalogue)
        g_list_store_splice (self->catalogues, position, 1, (gpointer *)&catalogue, 1);

      self->updating = TRUE;
      adw_combo_row_set_selected (self->catalogue_row, position);
      self->updating = FALSE;
    }

  source = dup_catalogue_source (catalogue);
  /* Translators: the source of the indicator list */
  description = g_strdup_printf (_("Source: %s"), source);
  adw_preferences_group_set_description (self->setup_group, description);

  update_profile_row (self);
  update_version_label (self);
  build_groups (self);
}

/* The catalogue row shows each list's title, and its source below the
 * title in the popover. */
void
_lyg_screening_page_setup_catalogue_row (LygScreeningPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkExpression *expression;

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (get_catalogue_title_cb),
                                            (gpointer)self->lang, NULL);
  adw_combo_row_set_expression (self->catalogue_row, expression);
  gtk_expression_unref (expression);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_catalogue_item_setup_cb), (gpointer)self->lang);
  g_signal_connect (factory, "bind", G_CALLBACK (on_catalogue_item_bind_cb), (gpointer)self->lang);
  adw_combo_row_set_list_factory (self->catalogue_row, factory);
}
