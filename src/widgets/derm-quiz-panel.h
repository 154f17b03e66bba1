/* derm-quiz-panel.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "derm-quiz.h"

G_BEGIN_DECLS

typedef enum {
  DERM_QUIZ_PHASE_NONE,      /* no quiz */
  DERM_QUIZ_PHASE_ASKING,    /* a question waits for its answer */
  DERM_QUIZ_PHASE_REVEALED,  /* answered (or revealed): the answer is shown */
  DERM_QUIZ_PHASE_FINISHED,  /* the score and the review */
} DermQuizPhase;

#define DERM_TYPE_QUIZ_PANEL (derm_quiz_panel_get_type ())
G_DECLARE_FINAL_TYPE (DermQuizPanel, derm_quiz_panel, DERM, QUIZ_PANEL, GtkWidget)

GtkWidget              *derm_quiz_panel_new           (void);

/* Starts a quiz at its first question. Class mode: no score, the answer
 * comes on a key press (derm_quiz_panel_next) and Previous goes back.
 * timer_seconds 0: no timer. */
void                    derm_quiz_panel_start         (DermQuizPanel *self,
                                                       DermQuiz      *quiz,
                                                       gboolean       class_mode,
                                                       guint          timer_seconds);
/* Stops the timer and forgets the quiz. */
void                    derm_quiz_panel_clear         (DermQuizPanel *self);

DermQuiz               *derm_quiz_panel_get_quiz      (DermQuizPanel *self);
gboolean                derm_quiz_panel_get_class_mode (DermQuizPanel *self);
DermQuizPhase           derm_quiz_panel_get_phase     (DermQuizPanel *self);
guint                   derm_quiz_panel_get_index     (DermQuizPanel *self);
/* The question shown, or NULL when finished or without a quiz. */
const DermQuizQuestion *derm_quiz_panel_get_question  (DermQuizPanel *self);

/* A click on the legs, in view units: answers a click question that waits
 * for its answer. TRUE if the click was taken as an answer. */
gboolean                derm_quiz_panel_answer_point  (DermQuizPanel *self,
                                                       DermView       view,
                                                       double         x,
                                                       double         y);
/* Choice 0..3 of a choice question that waits for its answer. */
gboolean                derm_quiz_panel_answer_choice (DermQuizPanel *self,
                                                       guint          choice);
/* The clicker's "next": reveals in class mode, then goes on; after the
 * last question, the results. FALSE if there was nothing to do (a
 * practice question not yet answered). */
gboolean                derm_quiz_panel_next          (DermQuizPanel *self);
/* Class mode: back one question, shown answered. */
gboolean                derm_quiz_panel_previous      (DermQuizPanel *self);

/* The texts shown, for tests. */
const char             *derm_quiz_panel_get_prompt_text   (DermQuizPanel *self);
const char             *derm_quiz_panel_get_result_text   (DermQuizPanel *self);
const char             *derm_quiz_panel_get_score_text    (DermQuizPanel *self);
/* The mistakes listed in the review. */
guint                   derm_quiz_panel_get_n_review_rows (DermQuizPanel *self);

G_END_DECLS
