/* lyg-screening-page-private.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-screening.h"
#include "lyg-screening-page.h"
#include "lyg-screening-result-view.h"

G_BEGIN_DECLS

/* A screening: pick a catalogue and profile, answer its indicators, read
 * the engine's result as it changes, save it as a `screening` record and,
 * with consent, refer the person.  The page never removes itself: it
 * emits ::done and its container does.
 */
struct _LygScreeningPage
{
  AdwBin                  parent_instance;

  /* Owned */
  LygContext             *context;
  char                   *screening_id;
  char                   *person_id;
  char                   *title;
  LygRecord              *record;
  LygCatalogue           *catalogue;
  char                   *profile;
  char                  **profiles;
  LygScreeningAnswers    *answers;
  LygScreeningResult     *result;
  GListStore             *catalogues;
  GPtrArray              *rows;        /* (element-type LygIndicatorRow) */
  GPtrArray              *groups;      /* (element-type GtkBox) */
  LygCatalogue           *pending_catalogue;
  char                   *pending_profile;
  char                   *error;

  /* Borrowed */
  const char             *lang;

  guint                   layout_idle;
  guint                   updating : 1;
  guint                   dirty : 1;
  guint                   wide : 1;

  /* Template widgets */
  AdwWindowTitle         *window_title;
  GtkButton              *cancel_button;
  GtkButton              *save_button;
  GtkButton              *refer_button;
  AdwToastOverlay        *toast_overlay;
  GtkBox                 *body_box;
  GtkScrolledWindow      *main_scroller;
  GtkBox                 *main_box;
  AdwPreferencesGroup    *setup_group;
  AdwComboRow            *catalogue_row;
  AdwComboRow            *profile_row;
  AdwEntryRow            *notes_row;
  GtkLabel               *version_label;
  GtkBox                 *dimensions_box;
  GtkBox                 *narrow_result_box;
  GtkSeparator           *side_separator;
  GtkScrolledWindow      *side_scroller;
  GtkBox                 *side_box;
  LygScreeningResultView *result_view;
  GtkRevealer            *outcome_bar;
  GtkLabel               *outcome_bar_label;
};

/* lyg-screening-page.c */
void  _lyg_screening_page_show_toast            (LygScreeningPage      *self,
                                                 const char            *message);
void  _lyg_screening_page_set_dirty             (LygScreeningPage      *self,
                                                 gboolean               dirty);
void  _lyg_screening_page_update_title          (LygScreeningPage      *self);
void  _lyg_screening_page_rescore               (LygScreeningPage      *self);
void  _lyg_screening_page_emit_done             (LygScreeningPage      *self);
void  _lyg_screening_page_emit_open_record      (LygScreeningPage      *self,
                                                 const char            *id);

/* lyg-screening-page-catalogue.c */
guint _lyg_screening_page_find_catalogue        (LygScreeningPage      *self,
                                                 const char            *id);
void  _lyg_screening_page_set_catalogue         (LygScreeningPage      *self,
                                                 LygCatalogue          *catalogue,
                                                 const char            *profile);
void  _lyg_screening_page_setup_catalogue_row   (LygScreeningPage      *self);

/* lyg-screening-page-actions.c */
void  _lyg_screening_page_class_actions_init    (LygScreeningPageClass *klass);

G_END_DECLS
