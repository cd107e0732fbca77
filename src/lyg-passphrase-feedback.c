/* lyg-passphrase-feedback.c
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lyg-passphrase.h"
#include "lyg-passphrase-feedback.h"

/* Keeps at most one of the error/warning/success style classes. */
void
lyg_widget_set_state_class (GtkWidget  *widget,
                            const char *state)
{
  static const char * const states[] = { "error", "warning", "success" };

  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      if (g_strcmp0 (state, states[i]) == 0)
        gtk_widget_add_css_class (widget, states[i]);
      else
        gtk_widget_remove_css_class (widget, states[i]);
    }
}

/* The strength bar, its label and the mismatch hint that the create page
 * and the change-passphrase page both show. Returns whether the new
 * passphrase is strong enough and confirmed. */
gboolean
lyg_passphrase_feedback_update (GtkLevelBar *strength_bar,
                                GtkLabel    *strength_label,
                                GtkWidget   *match_label,
                                GtkWidget   *confirm_row,
                                const char  *passphrase,
                                const char  *confirm)
{
  LygPassphraseStrength strength = lyg_passphrase_check (passphrase);
  gboolean acceptable = lyg_passphrase_is_acceptable (strength);
  gboolean matches = g_str_equal (passphrase, confirm);
  gboolean mismatch_known;

  gtk_level_bar_set_value (strength_bar, lyg_passphrase_level (strength));
  gtk_label_set_text (strength_label, lyg_passphrase_describe (strength));

  if (strength == LYG_PASSPHRASE_EMPTY)
    lyg_widget_set_state_class (GTK_WIDGET (strength_label), NULL);
  else if (!acceptable)
    lyg_widget_set_state_class (GTK_WIDGET (strength_label), "error");
  else if (strength == LYG_PASSPHRASE_FAIR)
    lyg_widget_set_state_class (GTK_WIDGET (strength_label), "warning");
  else
    lyg_widget_set_state_class (GTK_WIDGET (strength_label), "success");

  /* Complain only once the confirmation can no longer become a match. */
  mismatch_known = *confirm != '\0' && !matches && !g_str_has_prefix (passphrase, confirm);
  gtk_widget_set_visible (match_label, mismatch_known);
  lyg_widget_set_state_class (confirm_row, mismatch_known ? "error" : NULL);

  return acceptable && matches;
}
