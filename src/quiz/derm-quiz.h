/* derm-quiz.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The quiz engine: questions made from the atlas for one map, seeded and
 * deterministic for a seed, never about skin the map leaves blank, and
 * without repeats within a quiz (until the pool of a kind runs out).
 */
#pragma once

#include "derm-atlas.h"

G_BEGIN_DECLS

#define DERM_QUIZ_ERROR (derm_quiz_error_quark ())

typedef enum {
  DERM_QUIZ_ERROR_INVALID,   /* bad count, unknown kind or map */
} DermQuizError;

GQuark derm_quiz_error_quark (void);

typedef enum {
  DERM_QUIZ_FIND_ROOT,       /* "Click the L5 dermatome": click kind */
  DERM_QUIZ_NAME_ROOT,       /* "Which root supplies the highlighted area?": four choices */
  DERM_QUIZ_KEY_POINT,       /* "Click the key sensory point of S1": click kind */
  DERM_QUIZ_MOTOR,           /* "Which root does ankle dorsiflexion (tibialis anterior) test?": choices */
  DERM_QUIZ_REFLEX,          /* "Which root does the ankle jerk test?": choices */
  DERM_QUIZ_ROOT_OR_NERVE,   /* a short case: root or which nerve? choices */
  DERM_QUIZ_N_KINDS
} DermQuizKind;

#define DERM_QUIZ_ALL_KINDS ((1u << DERM_QUIZ_N_KINDS) - 1)
#define DERM_QUIZ_MAX_COUNT 200

/* "find-root", "name-root", "key-point", "motor", "reflex", "root-or-nerve" */
const char *derm_quiz_kind_to_string   (DermQuizKind  kind);
gboolean    derm_quiz_kind_from_string (const char   *str,
                                        DermQuizKind *kind);
/* A translated name for a person: "Find the root", "Name the root", ... */
const char *derm_quiz_kind_get_title   (DermQuizKind  kind);
/* TRUE for the kinds answered with a click (find-root, key-point), FALSE
 * for those answered with a choice. */
gboolean    derm_quiz_kind_is_click    (DermQuizKind  kind);
/* "find-root,motor" -> a mask of 1 << kind. An unknown or empty item is an
 * error naming it. */
gboolean    derm_quiz_kinds_parse      (const char   *list,
                                        guint        *mask,
                                        GError      **error);

typedef struct {
  char *id;      /* "root:L5" or "nerve:deep-fibular" */
  char *label;   /* translated: "L5", "Deep fibular nerve" */
} DermQuizChoice;

typedef struct {
  guint            number;        /* 1..n */
  DermQuizKind     kind;
  char            *prompt;        /* translated, one line, for the screen */
  char            *paper_prompt;  /* translated, for a printed quiz ("Shade the L5 dermatome") */
  /* translated, what is right: "L5", "S1 (also S2)", "Deep fibular nerve";
   * key-point: where the point is ("Medial malleolus") */
  char            *answer;
  char            *answer_id;     /* "root:L5" or "nerve:deep-fibular" */
  /* Roots that count as right for a click or a choice (find-root: the root;
   * reflex: e.g. S1 and S2). NULL-terminated. */
  char           **accept_roots;
  /* The region the question is about (name-root: the highlighted one;
   * key-point: the one the point lies in), else NULL. */
  const DermRegion   *region;
  const DermKeyPoint *key_point;  /* key-point kind: the asked root's point on the patient's right */
  /* Of DermQuizChoice, 4 for choice kinds (fewer only if the atlas lacks
   * distractors), NULL for click kinds; in an order shuffled by the seed.
   * Exactly one choice is right: a root that also counts (the other roots
   * of an overlap, the other roots of a reflex's range) is never offered.
   * name-root on an overlap (a region with two or more roots): one of the
   * region's roots, picked by the seed, is the right choice, and the
   * answer names the others too: "L1 (also S2)". */
  GPtrArray       *choices;
  guint            correct_choice;
  char            *explanation;   /* translated, one line */
  char           **sources;       /* source ids, NULL-terminated */
} DermQuizQuestion;

/* "anterior:left:medial-malleolus", or "-" when the question is not about a
 * region. Free with g_free. */
char *derm_quiz_question_dup_target (const DermQuizQuestion *question);

typedef struct {
  guint        kinds;    /* mask of 1 << DermQuizKind; 0 means all */
  guint        count;    /* 1..DERM_QUIZ_MAX_COUNT */
  guint64      seed;
  const char  *map_id;   /* NULL: the default map */
} DermQuizOptions;

void derm_quiz_options_init (DermQuizOptions *options);  /* all kinds, 10, seed 0, default map */

typedef enum {
  DERM_QUIZ_UNANSWERED,
  DERM_QUIZ_RIGHT,
  DERM_QUIZ_WRONG,
  DERM_QUIZ_TIMED_OUT,
} DermQuizResult;

#define DERM_TYPE_QUIZ (derm_quiz_get_type ())
G_DECLARE_FINAL_TYPE (DermQuiz, derm_quiz, DERM, QUIZ, GObject)

/* Count out of range, unknown map, no kind left after the map's blanks:
 * an error naming it. */
DermQuiz               *derm_quiz_new              (DermAtlas              *atlas,
                                                    const DermQuizOptions  *options,
                                                    GError                **error);
DermAtlas              *derm_quiz_get_atlas        (DermQuiz               *self);
const DermMap          *derm_quiz_get_map          (DermQuiz               *self);
guint64                 derm_quiz_get_seed         (DermQuiz               *self);
/* The kinds asked: the options' kinds less those the map leaves nothing for. */
guint                   derm_quiz_get_kinds        (DermQuiz               *self);
guint                   derm_quiz_get_n_questions  (DermQuiz               *self);
const DermQuizQuestion *derm_quiz_get_question     (DermQuiz               *self,
                                                    guint                   index);

/* How far (view units) a click may land from a zone of the asked root and
 * still count, so small zones (S4-5, the first web space) stay fair; and
 * how near a key point a click must land. */
#define DERM_QUIZ_CLICK_MARGIN     14.0
#define DERM_QUIZ_KEY_POINT_RADIUS 30.0

/* Answer a click kind with a point in view units. Returns the result and
 * records it (a second answer to the same question is ignored and returns
 * the first result). */
DermQuizResult          derm_quiz_answer_point     (DermQuiz               *self,
                                                    guint                   index,
                                                    DermView                view,
                                                    double                  x,
                                                    double                  y);
/* Answer a choice kind with the index of a choice. */
DermQuizResult          derm_quiz_answer_choice    (DermQuiz               *self,
                                                    guint                   index,
                                                    guint                   choice);
/* The timer ran out: recorded as DERM_QUIZ_TIMED_OUT. */
DermQuizResult          derm_quiz_answer_timeout   (DermQuiz               *self,
                                                    guint                   index);
DermQuizResult          derm_quiz_get_result       (DermQuiz               *self,
                                                    guint                   index);
/* What was given, translated, for the review: "Left lateral thigh (L2, L3)",
 * "L4", "No answer in time"; NULL while unanswered. */
const char             *derm_quiz_get_given        (DermQuiz               *self,
                                                    guint                   index);
/* Right answers, and answered questions, so far. */
void                    derm_quiz_get_score        (DermQuiz               *self,
                                                    guint                  *right,
                                                    guint                  *answered);

G_END_DECLS
