/* derm-quiz-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by derm-quiz*.c only (not the quiz sheet).
 */
#pragma once

#include "derm-quiz.h"

G_BEGIN_DECLS

typedef struct {
  DermQuizQuestion question;
  DermQuizResult   result;
  char            *given;
} Entry;

/* What a question is about: one of a kind's pool. */
typedef struct {
  DermQuizKind        kind;
  const DermRoot     *root;       /* find-root */
  GPtrArray          *regions;    /* name-root: the sides of one region name */
  const DermKeyPoint *key_point;  /* key-point */
  const DermQuizItem *item;       /* motor, reflex, root-or-nerve */
} Subject;

/* A kind's subjects in a shuffled order, and how many are used. */
typedef struct {
  GPtrArray *subjects;  /* of Subject */
  guint      next;
} Pool;

struct _DermQuiz {
  GObject        parent_instance;

  DermAtlas     *atlas;
  const DermMap *map;
  guint64        seed;
  guint          kinds;
  GPtrArray     *entries;  /* of Entry, in question order */
};

/* derm-quiz-questions.c */
void       _derm_quiz_shuffle    (GPtrArray    *array,
                                  GRand        *rand);
/* Everything a kind can ask about on the quiz's map, of Subject. */
GPtrArray *_derm_quiz_build_pool (DermQuiz     *self,
                                  DermQuizKind  kind);
void       _derm_quiz_generate   (DermQuiz     *self,
                                  guint         count,
                                  Pool         *pools,
                                  GRand        *rand);

/* derm-quiz-answers.c */
Entry     *_derm_quiz_get_entry  (DermQuiz     *self,
                                  guint         index);

G_END_DECLS
