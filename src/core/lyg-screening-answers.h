/* lyg-screening-answers.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The answer to one indicator.  UNKNOWN (not asked, or not known) is the
 * default and never counts as NOT_PRESENT.  OBSERVED and REPORTED (by the
 * person) both count as present.
 */
typedef enum
{
  LYG_ANSWER_UNKNOWN,
  LYG_ANSWER_OBSERVED,
  LYG_ANSWER_REPORTED,
  LYG_ANSWER_NOT_PRESENT,
} LygAnswer;

#define LYG_TYPE_SCREENING_ANSWERS (lyg_screening_answers_get_type ())

G_DECLARE_FINAL_TYPE (LygScreeningAnswers, lyg_screening_answers, LYG, SCREENING_ANSWERS, GObject)

LygScreeningAnswers  *lyg_screening_answers_new       (void);
LygScreeningAnswers  *lyg_screening_answers_copy      (LygScreeningAnswers  *self);
void                  lyg_screening_answers_set       (LygScreeningAnswers  *self,
                                                       const char           *indicator_id,
                                                       LygAnswer             answer,
                                                       const char           *note);
LygAnswer             lyg_screening_answers_get       (LygScreeningAnswers  *self,
                                                       const char           *indicator_id,
                                                       const char          **note);
void                  lyg_screening_answers_clear     (LygScreeningAnswers  *self,
                                                       const char           *indicator_id);
char                **lyg_screening_answers_list_ids  (LygScreeningAnswers  *self);
guint                 lyg_screening_answers_get_size  (LygScreeningAnswers  *self);
gboolean              lyg_screening_answers_equal     (LygScreeningAnswers  *a,
                                                       LygScreeningAnswers  *b);

const char           *lyg_answer_to_string            (LygAnswer             answer);
gboolean              lyg_answer_from_string          (const char           *str,
                                                       LygAnswer            *answer);
gboolean              lyg_answer_is_present           (LygAnswer             answer);
const char           *lyg_answer_get_label            (LygAnswer             answer);

G_END_DECLS
