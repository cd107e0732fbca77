/* lyg-draft.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lyg-vault.h"

G_BEGIN_DECLS

/* Drafts of unsaved forms, kept as JSON inside the vault's sealed key/value
 * store (lyg_vault_set_secret), so that nothing typed ever reaches the disk
 * in the clear and a lock or a crash loses nothing. Also a few helpers the
 * editors share: enum combo rows and writing form values into a record.
 */

JsonObject *lyg_draft_load              (LygVault     *vault,
                                         const char   *name);
gboolean    lyg_draft_save              (LygVault     *vault,
                                         const char   *name,
                                         JsonObject   *object,
                                         GError      **error);
void        lyg_draft_clear             (LygVault     *vault,
                                         const char   *name);

void        lyg_form_setup_enum_combo   (AdwComboRow  *row,
                                         const char   *enum_name,
                                         const char   *none_label);
const char *lyg_form_get_enum_combo     (AdwComboRow  *row);
void        lyg_form_set_enum_combo     (AdwComboRow  *row,
                                         const char   *id);

void        lyg_form_put_string         (LygRecord    *record,
                                         const char   *field,
                                         const char   *value);
void        lyg_form_put_int            (LygRecord    *record,
                                         const char   *field,
                                         gboolean      set,
                                         gint64        value);
void        lyg_form_put_boolean        (LygRecord    *record,
                                         const char   *field,
                                         gboolean      value);
void        lyg_form_put_strv           (LygRecord    *record,
                                         const char   *field,
                                         const char * const *value);

char       *lyg_form_today              (void);
gboolean    lyg_form_parse_date         (const char   *text,
                                         GDate        *date);
char       *lyg_form_date_label         (const char   *iso_date);

typedef void (*LygFormConfirmedFunc) (gpointer user_data);

void       lyg_form_confirm_delete    (GtkWidget            *widget,
                                       const char           *heading,
                                       const char           *body,
                                       LygFormConfirmedFunc  confirmed,
                                       gpointer              user_data);

G_END_DECLS
