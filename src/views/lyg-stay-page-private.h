/* lyg-stay-page-private.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-stay-page.h"

G_BEGIN_DECLS

typedef struct
{
  const char *field;
  GtkWidget  *widget;       /* AdwEntryRow or AdwComboRow */
} Binding;

struct _LygStayPage
{
  AdwBin               parent_instance;

  /* Owned */
  LygContext          *context;
  char                *stay_id;
  char                *person_id;
  char                *title;
  LygRecord           *record;        /* the stay as last read */
  GHashTable          *loaded;        /* field → the form's text when loaded */
  GArray              *bindings;      /* of Binding */
  GPtrArray           *offer_rows;    /* AdwExpanderRow per support offer */

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkLabel            *name_label;
  GtkLabel            *status_label;
  GtkWidget           *person_button;
  GtkWidget           *resident_group;
  AdwEntryRow         *alias_row;
  AdwComboRow         *place_row;
  AdwEntryRow         *shelter_row;
  AdwEntryRow         *arrival_row;
  AdwEntryRow         *departure_row;
  AdwComboRow         *outcome_row;
  AdwEntryRow         *contact_row;
  AdwEntryRow         *interpreter_row;
  AdwEntryRow         *notes_row;
  AdwEntryRow         *period_start_row;
  AdwActionRow        *period_row;
  AdwComboRow         *reason_row;
  AdwActionRow        *extend_row;
  GtkSpinButton       *extend_spin;
  AdwPreferencesGroup *support_group;
  GtkWidget           *handover_group;
  AdwEntryRow         *note_row;
  GtkListBox          *notes_list;
  GtkWidget           *delete_button;
};

void      _lyg_stay_page_build_form      (LygStayPage  *self);
void      _lyg_stay_page_load_form       (LygStayPage  *self);
gboolean  _lyg_stay_page_apply_form      (LygStayPage  *self,
                                          LygRecord    *record,
                                          gboolean      is_new,
                                          GError      **error);
gboolean  _lyg_stay_page_form_is_dirty   (LygStayPage  *self);
gboolean  _lyg_stay_page_form_is_valid   (LygStayPage  *self);
void      _lyg_stay_page_update_support  (LygStayPage  *self);
void      _lyg_stay_page_load_notes      (LygStayPage  *self);

G_END_DECLS
