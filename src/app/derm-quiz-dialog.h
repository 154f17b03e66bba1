/* derm-quiz-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "derm-quiz.h"

G_BEGIN_DECLS

#define DERM_TYPE_QUIZ_DIALOG (derm_quiz_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DermQuizDialog, derm_quiz_dialog, DERM, QUIZ_DIALOG, AdwWindow)

/* Asks how to quiz: practice or class, the kinds of question, the map
 * (map_id preselected), how many questions and the timer. Emits "start"
 * and closes. */
DermQuizDialog *derm_quiz_dialog_new              (GtkWindow       *parent,
                                                   DermAtlas       *atlas,
                                                   const char      *map_id);

/* The choices; options->map_id points into the atlas. seed is left as it is. */
void            derm_quiz_dialog_get_options      (DermQuizDialog  *self,
                                                   DermQuizOptions *options);
gboolean        derm_quiz_dialog_get_class_mode   (DermQuizDialog  *self);
void            derm_quiz_dialog_set_class_mode   (DermQuizDialog  *self,
                                                   gboolean         class_mode);
/* 0: no timer */
guint           derm_quiz_dialog_get_timer_seconds (DermQuizDialog *self);

G_END_DECLS
