/* test-quiz.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the files of the test-quiz program.
 */
#pragma once

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "derm-bundle.h"
#include "derm-export.h"
#include "derm-geometry.h"
#include "derm-layout.h"
#include "derm-quiz-sheet.h"
#include "derm-quiz.h"

/* test-quiz.c */
extern DermAtlas *atlas;
DermQuiz *make_quiz (const char *map_id,
                     guint64     seed,
                     guint       count,
                     guint       kinds);
const DermQuizItem *find_item (const char *kind,
                               const char *question);

/* test-quiz-data.c */
void test_quiz_data_add_tests (void);

/* test-quiz-sheet.c */
void test_quiz_sheet_add_tests (void);
