/* test-quiz.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The quiz engine on every map: each kind is asked, each answer agrees
 * with the atlas when checked independently, scoring, determinism for a
 * seed, no blank skin, no repeats, small zones within reach; the <quiz>
 * data and its loader (test-quiz-data.c); the printable quiz sheet
 * (test-quiz-sheet.c).
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "derm-bundle.h"
#include "derm-export.h"
#include "derm-geometry.h"
#include "derm-layout.h"
#include "derm-quiz-sheet.h"
#include "derm-quiz.h"
#include "test-quiz.h"

static const char * const map_ids[] = { "isncsci", "keegan-garrett", "lee2008" };

DermAtlas *atlas;

DermQuiz *
make_quiz (const char *map_id,
           guint64     seed,
           guint       count,
           guint       kinds)
{
  g_autoptr (GError) error = NULL;
  DermQuizOptions options;
  DermQuiz *quiz;

  derm_quiz_options_init (&options);
  options.map_id = map_id;
  options.seed = seed;
  options.count = count;
  options.kinds = kinds;
  quiz = derm_quiz_new (atlas, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (quiz);
  g_assert_cmpuint (derm_quiz_get_n_questions (quiz), ==, count);
  return quiz;
}

/* Answers are recorded once: each try gets a fresh quiz with the same
 * options (which is also a check of determinism). */
static DermQuizResult
try_point (const char *map_id,
           guint64     seed,
           guint       count,
           guint       index,
           DermView    view,
           double      x,
           double      y)
{
  g_autoptr (DermQuiz) quiz = make_quiz (map_id, seed, count, 0);

  return derm_quiz_answer_point (quiz, index, view, x, y);
}

static DermQuizResult
try_choice (const char *map_id,
            guint64     seed,
            guint       count,
            guint       index,
            guint       choice)
{
  g_autoptr (DermQuiz) quiz = make_quiz (map_id, seed, count, 0);

  return derm_quiz_answer_choice (quiz, index, choice);
}

static const char *
choice_root (const DermQuizChoice *choice)
{
  g_assert_true (g_str_has_prefix (choice->id, "root:"));
  return choice->id + strlen ("root:");
}

/* Independently of the engine: is any point of a square of half-side
 * radius round (x, y), sampled every unit, skin of one of roots? */
static gboolean
root_within (const DermMap      *map,
             DermView            view,
             double              x,
             double              y,
             double              radius,
             const char * const *roots)
{
  for (double dy = -radius; dy <= radius; dy += 1.0)
    for (double dx = -radius; dx <= radius; dx += 1.0)
      {
        const DermRegion *region = derm_geometry_region_at (atlas, view, x + dx, y + dy);

        for (guint i = 0; region != NULL && roots[i] != NULL; i++)
          if (derm_map_region_has_root (map, region, roots[i]))
            return TRUE;
      }
  return FALSE;
}

const DermQuizItem *
find_item (const char *kind,
           const char *question)
{
  GPtrArray *items = derm_atlas_get_quiz_items (atlas);

  for (guint i = 0; i < items->len; i++)
    {
      const DermQuizItem *item = g_ptr_array_index (items, i);

      if (strcmp (item->kind, kind) == 0 && strstr (question, item->question) != NULL)
        return item;
    }
  return NULL;
}

/* What a question is about, for repeats: kind and subject. */
static char *
dup_subject (const DermQuizQuestion *q)
{
  switch (q->kind)
    {
    case DERM_QUIZ_FIND_ROOT:
    case DERM_QUIZ_KEY_POINT:
      return g_strdup_printf ("%d:%s", q->kind, q->accept_roots[0]);
    case DERM_QUIZ_NAME_ROOT:
      /* the left and the right of a region are the same question */
      return g_strdup_printf ("%d:%s", q->kind, q->region->name_id);
    case DERM_QUIZ_MOTOR:
    case DERM_QUIZ_REFLEX:
    case DERM_QUIZ_ROOT_OR_NERVE:
    case DERM_QUIZ_N_KINDS:
    default:
      return g_strdup_printf ("%d:%s", q->kind, q->prompt);
    }
}

/* Kinds and options */

static void
test_kinds (void)
{
  g_autoptr (GError) error = NULL;
  guint mask = 0;

  for (DermQuizKind kind = 0; kind < DERM_QUIZ_N_KINDS; kind++)
    {
      DermQuizKind back;

      g_assert_true (derm_quiz_kind_from_string (derm_quiz_kind_to_string (kind), &back));
      g_assert_cmpint (back, ==, kind);
      g_assert_nonnull (derm_quiz_kind_get_title (kind));
    }
  g_assert_true (derm_quiz_kind_is_click (DERM_QUIZ_FIND_ROOT));
  g_assert_true (derm_quiz_kind_is_click (DERM_QUIZ_KEY_POINT));
  g_assert_false (derm_quiz_kind_is_click (DERM_QUIZ_NAME_ROOT));

  g_assert_true (derm_quiz_kinds_parse ("find-root, motor", &mask, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mask, ==, (1u << DERM_QUIZ_FIND_ROOT) | (1u << DERM_QUIZ_MOTOR));

  g_assert_false (derm_quiz_kinds_parse ("find-root,nope", &mask, &error));
  g_assert_error (error, DERM_QUIZ_ERROR, DERM_QUIZ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“nope”"));
  g_clear_error (&error);
  g_assert_false (derm_quiz_kinds_parse ("motor,,reflex", &mask, &error));
  g_assert_nonnull (strstr (error->message, "motor,,reflex"));
  g_clear_error (&error);
  g_assert_false (derm_quiz_kinds_parse ("", &mask, &error));
  g_assert_nonnull (error);
}

static void
test_options (void)
{
  g_autoptr (GError) error = NULL;
  DermQuizOptions options;
  DermQuiz *quiz;

  derm_quiz_options_init (&options);
  g_assert_cmpuint (options.count, ==, 10);
  g_assert_cmpuint (options.kinds, ==, DERM_QUIZ_ALL_KINDS);

  options.count = 0;
  g_assert_null (derm_quiz_new (atlas, &options, &error));
  g_assert_error (error, DERM_QUIZ_ERROR, DERM_QUIZ_ERROR_INVALID);
  g_clear_error (&error);
  options.count = DERM_QUIZ_MAX_COUNT + 1;
  g_assert_null (derm_quiz_new (atlas, &options, &error));
  g_assert_nonnull (strstr (error->message, "201"));
  g_clear_error (&error);

  options.count = 10;
  options.map_id = "nope";
  g_assert_null (derm_quiz_new (atlas, &options, &error));
  g_assert_nonnull (strstr (error->message, "nope"));
  g_clear_error (&error);

  options.map_id = NULL;
  for (guint count = 1; count <= DERM_QUIZ_MAX_COUNT; count += DERM_QUIZ_MAX_COUNT - 1)
    {
      options.count = count;
      quiz = derm_quiz_new (atlas, &options, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (derm_quiz_get_n_questions (quiz), ==, count);
      g_assert_true (derm_quiz_get_map (quiz) == derm_atlas_get_default_map (atlas));
      for (guint i = 0; i < count; i++)
        g_assert_cmpuint (derm_quiz_get_question (quiz, i)->number, ==, i + 1);
      g_object_unref (quiz);
    }
}

/* Every kind, on every map */

/* How many different questions a kind has on a map: a quiz of that kind
 * alone, long enough to run through its pool. */
static guint
pool_size (const char   *map_id,
           DermQuizKind  kind)
{
  g_autoptr (DermQuiz) quiz = make_quiz (map_id, 3, DERM_QUIZ_MAX_COUNT, 1u << kind);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < DERM_QUIZ_MAX_COUNT; i++)
    g_hash_table_add (seen, dup_subject (derm_quiz_get_question (quiz, i)));
  return g_hash_table_size (seen);
}

static void
test_every_kind (gconstpointer data)
{
  const char *map_id = data;
  g_autoptr (DermQuiz) quiz = make_quiz (map_id, 42, 36, 0);
  guint seen[DERM_QUIZ_N_KINDS] = { 0, };

  g_assert_cmpuint (derm_quiz_get_kinds (quiz), ==, DERM_QUIZ_ALL_KINDS);
  for (guint i = 0; i < 36; i++)
    seen[derm_quiz_get_question (quiz, i)->kind]++;
  /* spread evenly over the kinds, 36 over 6, unless a kind runs out */
  for (DermQuizKind kind = 0; kind < DERM_QUIZ_N_KINDS; kind++)
    {
      guint size = pool_size (map_id, kind);

      g_test_message ("%s: %u %s questions", map_id, size, derm_quiz_kind_to_string (kind));
      g_assert_cmpuint (size, >=, 3);
      g_assert_cmpuint (seen[kind], ==, MIN (size, 6));
    }

  /* and each kind alone */
  for (DermQuizKind kind = 0; kind < DERM_QUIZ_N_KINDS; kind++)
    {
      g_autoptr (DermQuiz) one = make_quiz (map_id, 7, 5, 1u << kind);

      for (guint i = 0; i < 5; i++)
        g_assert_cmpint (derm_quiz_get_question (one, i)->kind, ==, kind);
    }
}

/* Each answer against the atlas */

static void
check_common (const DermQuizQuestion *q)
{
  g_autofree char *target = derm_quiz_question_dup_target (q);

  g_assert_nonnull (q->prompt);
  g_assert_null (strchr (q->prompt, '\t'));
  g_assert_null (strchr (q->prompt, '\n'));
  g_assert_nonnull (q->paper_prompt);
  g_assert_nonnull (q->answer);
  g_assert_cmpstr (q->answer, !=, "");
  g_assert_nonnull (q->answer_id);
  g_assert_nonnull (q->explanation);
  g_assert_null (strchr (q->explanation, '\n'));
  g_assert_nonnull (q->sources[0]);
  for (guint s = 0; q->sources[s] != NULL; s++)
    g_assert_nonnull (derm_atlas_get_source (atlas, q->sources[s]));
  g_assert_cmpint (derm_quiz_kind_is_click (q->kind), ==, q->choices == NULL);
  if (q->region != NULL)
    {
      g_autofree char *expected = g_strdup_printf ("%s:%s:%s", derm_view_to_string (q->region->view),
                                                   derm_side_to_string (q->region->side), q->region->name_id);
      g_assert_cmpstr (target, ==, expected);
    }
  else
    g_assert_cmpstr (target, ==, "-");
}

static void
check_choices_distinct (const DermQuizQuestion *q)
{
  g_assert_cmpuint (q->choices->len, ==, 4);
  g_assert_cmpuint (q->correct_choice, <, q->choices->len);
  for (guint a = 0; a < q->choices->len; a++)
    for (guint b = a + 1; b < q->choices->len; b++)
      g_assert_cmpstr (((DermQuizChoice *) g_ptr_array_index (q->choices, a))->id, !=,
                       ((DermQuizChoice *) g_ptr_array_index (q->choices, b))->id);
}

/* Root choices: the right one among the accepted roots, no other choice
 * accepted anywhere. */
static void
check_root_choices (const DermQuizQuestion *q,
                    const char * const     *accepted)
{
  check_choices_distinct (q);
  for (guint c = 0; c < q->choices->len; c++)
    {
      const char *root = choice_root (g_ptr_array_index (q->choices, c));

      g_assert_nonnull (derm_atlas_get_root (atlas, root));
      g_assert_cmpint (g_strv_contains (accepted, root), ==, c == q->correct_choice);
    }
  g_assert_true (g_strv_equal ((const char * const *) q->accept_roots, accepted));
}

static void
check_find_root (const char             *map_id,
                 guint64                 seed,
                 guint                   count,
                 guint                   index,
                 const DermQuizQuestion *q)
{
  const DermMap *map = derm_atlas_get_map (atlas, map_id);
  GPtrArray *regions = derm_atlas_get_regions (atlas);
  const char *root = q->accept_roots[0];
  guint n_right = 0;

  g_assert_null (q->accept_roots[1]);
  g_assert_cmpstr (q->answer, ==, root);
  g_assert_true (strstr (q->prompt, root) != NULL);

  for (guint i = 0; i < regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (regions, i);
      DermQuizResult result;

      if (derm_map_region_has_root (map, region, root))
        {
          /* any zone of the root, either leg, any view */
          result = try_point (map_id, seed, count, index, region->view, region->label_x, region->label_y);
          if (result != DERM_QUIZ_RIGHT)
            g_error ("%s seed %" G_GUINT64_FORMAT ": clicking %s for %s is not right", map_id, seed, region->id, root);
          n_right++;
        }
      else if (!root_within (map, region->view, region->label_x, region->label_y,
                             DERM_QUIZ_CLICK_MARGIN + 2, (const char * const *) q->accept_roots))
        {
          result = try_point (map_id, seed, count, index, region->view, region->label_x, region->label_y);
          if (result != DERM_QUIZ_WRONG)
            g_error ("%s seed %" G_GUINT64_FORMAT ": clicking %s for %s is not wrong", map_id, seed, region->id, root);
        }
    }
  /* never a root without skin on the map */
  g_assert_cmpuint (n_right, >, 0);
  /* outside the legs */
  g_assert_cmpint (try_point (map_id, seed, count, index, DERM_VIEW_ANTERIOR, 2, 2), ==, DERM_QUIZ_WRONG);
}

static void
check_name_root (const char             *map_id,
                 guint64                 seed,
                 guint                   count,
                 guint                   index,
                 const DermQuizQuestion *q)
{
  const DermMap *map = derm_atlas_get_map (atlas, map_id);
  const char * const *roots;

  g_assert_nonnull (q->region);
  roots = derm_map_get_roots (map, q->region);
  /* never blank skin, nor a zone no source gives */
  g_assert_nonnull (roots[0]);
  g_assert_true (derm_map_zone_is_sourced (map, q->region));
  check_root_choices (q, roots);
  for (guint c = 0; c < q->choices->len; c++)
    g_assert_cmpint (try_choice (map_id, seed, count, index, c), ==,
                     c == q->correct_choice ? DERM_QUIZ_RIGHT : DERM_QUIZ_WRONG);
  g_assert_true (g_str_has_prefix (q->answer, choice_root (g_ptr_array_index (q->choices, q->correct_choice))));
  g_assert_true (strstr (q->explanation, map->name) != NULL);
}

static void
check_key_point (const char             *map_id,
                 guint64                 seed,
                 guint                   count,
                 guint                   index,
                 const DermQuizQuestion *q)
{
  const DermMap *map = derm_atlas_get_map (atlas, map_id);
  const char *root = q->accept_roots[0];
  const DermKeyPoint *kp = q->key_point;
  GPtrArray *points = derm_atlas_get_key_points (atlas);

  g_assert_nonnull (kp);
  g_assert_cmpstr (kp->root, ==, root);
  g_assert_true (kp->side == DERM_SIDE_RIGHT || kp->side == DERM_SIDE_MID);
  g_assert_true (q->region == kp->region);
  g_assert_true (derm_map_region_has_root (map, kp->region, root));
  g_assert_true (derm_map_zone_is_sourced (map, kp->region));

  for (guint i = 0; i < points->len; i++)
    {
      const DermKeyPoint *other = g_ptr_array_index (points, i);
      DermQuizResult result = try_point (map_id, seed, count, index, other->view, other->x, other->y);

      if (strcmp (other->root, root) == 0)
        g_assert_cmpint (result, ==, DERM_QUIZ_RIGHT);  /* either side */
      else
        {
          gboolean near = FALSE;

          for (DermSide side = 0; side < DERM_N_SIDES; side++)
            {
              const DermKeyPoint *own = derm_atlas_get_key_point (atlas, root, side);

              near |= own != NULL && own->view == other->view &&
                      hypot (own->x - other->x, own->y - other->y) <= DERM_QUIZ_KEY_POINT_RADIUS;
            }
          if (!near)
            g_assert_cmpint (result, ==, DERM_QUIZ_WRONG);
        }
    }
  /* a few units off still counts; the other view does not */
  g_assert_cmpint (try_point (map_id, seed, count, index, kp->view, kp->x + 8, kp->y - 8), ==, DERM_QUIZ_RIGHT);
  g_assert_cmpint (try_point (map_id, seed, count, index, (DermView) (1 - kp->view), kp->x, kp->y), ==, DERM_QUIZ_WRONG);
}

static void
check_item (const char             *map_id,
            guint64                 seed,
            guint                   count,
            guint                   index,
            const DermQuizQuestion *q)
{
  const DermQuizItem *item = find_item (q->kind == DERM_QUIZ_MOTOR ? "motor"
                                        : q->kind == DERM_QUIZ_REFLEX ? "reflex" : "case",
                                        q->prompt);

  g_assert_nonnull (item);
  g_assert_cmpstr (q->explanation, ==, item->explanation);
  g_assert_true (g_strv_equal ((const char * const *) q->sources, (const char * const *) item->sources));
  g_assert_null (q->region);

  if (q->kind == DERM_QUIZ_ROOT_OR_NERVE)
    {
      const DermQuizItemChoice *right = g_ptr_array_index (item->choices, item->correct);

      check_choices_distinct (q);
      g_assert_cmpstr (((DermQuizChoice *) g_ptr_array_index (q->choices, q->correct_choice))->id, ==, right->id);
      g_assert_cmpstr (q->answer_id, ==, right->id);
      for (guint c = 0; c < item->choices->len; c++)
        {
          const DermQuizItemChoice *data = g_ptr_array_index (item->choices, c);
          gboolean found = FALSE;

          for (guint d = 0; d < q->choices->len; d++)
            found |= strcmp (((DermQuizChoice *) g_ptr_array_index (q->choices, d))->id, data->id) == 0;
          g_assert_true (found);
        }
    }
  else
    {
      check_root_choices (q, (const char * const *) item->roots);
      /* the first root of the data is the one offered */
      g_assert_cmpstr (q->answer_id + strlen ("root:"), ==, item->roots[0]);
    }

  for (guint c = 0; c < q->choices->len; c++)
    g_assert_cmpint (try_choice (map_id, seed, count, index, c), ==,
                     c == q->correct_choice ? DERM_QUIZ_RIGHT : DERM_QUIZ_WRONG);
}

static void
test_answers (gconstpointer data)
{
  const char *map_id = data;
  g_autoptr (GHashTable) checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const guint count = 36;
  guint n_checked = 0;

  for (guint64 seed = 1; seed <= 6; seed++)
    {
      g_autoptr (DermQuiz) quiz = make_quiz (map_id, seed, count, 0);

      for (guint i = 0; i < count; i++)
        {
          const DermQuizQuestion *q = derm_quiz_get_question (quiz, i);
          g_autofree char *key = dup_subject (q);

          check_common (q);
          /* each subject once per map is enough for the slow checks */
          if (q->kind != DERM_QUIZ_NAME_ROOT && !g_hash_table_add (checked, g_steal_pointer (&key)))
            continue;
          n_checked++;
          switch (q->kind)
            {
            case DERM_QUIZ_FIND_ROOT:
              check_find_root (map_id, seed, count, i, q);
              break;
            case DERM_QUIZ_NAME_ROOT:
              check_name_root (map_id, seed, count, i, q);
              break;
            case DERM_QUIZ_KEY_POINT:
              check_key_point (map_id, seed, count, i, q);
              break;
            case DERM_QUIZ_MOTOR:
            case DERM_QUIZ_REFLEX:
            case DERM_QUIZ_ROOT_OR_NERVE:
              check_item (map_id, seed, count, i, q);
              break;
            case DERM_QUIZ_N_KINDS:
            default:
              g_assert_not_reached ();
            }
        }
    }
  g_assert_cmpuint (n_checked, >, 40);
}

/* Overlaps: one of the region's roots is offered, the answer names the rest */
static void
test_overlap_rule (void)
{
  gboolean found = FALSE;

  for (guint64 seed = 0; seed < 60 && !found; seed++)
    {
      g_autoptr (DermQuiz) quiz = make_quiz ("isncsci", seed, 40, 1u << DERM_QUIZ_NAME_ROOT);

      for (guint i = 0; i < 40; i++)
        {
          const DermQuizQuestion *q = derm_quiz_get_question (quiz, i);
          const char * const *roots = derm_map_get_roots (derm_quiz_get_map (quiz), q->region);
          const char *shown = choice_root (g_ptr_array_index (q->choices, q->correct_choice));
          guint n_offered = 0;

          if (g_strv_length ((char **) roots) < 2)
            continue;
          found = TRUE;
          for (guint c = 0; c < q->choices->len; c++)
            n_offered += g_strv_contains (roots, choice_root (g_ptr_array_index (q->choices, c)));
          g_assert_cmpuint (n_offered, ==, 1);
          /* "L1 (also S2)": the shown root, then every other one */
          g_assert_true (g_str_has_prefix (q->answer, shown));
          for (guint r = 0; roots[r] != NULL; r++)
            g_assert_nonnull (strstr (q->answer, roots[r]));
          g_assert_nonnull (strstr (q->answer, "also"));
        }
    }
  g_assert_true (found);
}

/* Scoring */

static void
test_scoring (void)
{
  g_autoptr (DermQuiz) quiz = make_quiz ("isncsci", 5, 12, 0);
  guint right = 99, answered = 99, expect_right = 0, expect_answered = 0;

  derm_quiz_get_score (quiz, &right, &answered);
  g_assert_cmpuint (right, ==, 0);
  g_assert_cmpuint (answered, ==, 0);

  for (guint i = 0; i < 12; i++)
    {
      const DermQuizQuestion *q = derm_quiz_get_question (quiz, i);
      DermQuizResult result, again;

      g_assert_cmpint (derm_quiz_get_result (quiz, i), ==, DERM_QUIZ_UNANSWERED);
      g_assert_null (derm_quiz_get_given (quiz, i));

      if (i % 4 == 3)
        {
          result = derm_quiz_answer_timeout (quiz, i);
          g_assert_cmpint (result, ==, DERM_QUIZ_TIMED_OUT);
        }
      else if (q->choices != NULL)
        {
          /* right on even questions, wrong on odd ones */
          guint choice = i % 2 == 0 ? q->correct_choice : (q->correct_choice + 1) % q->choices->len;

          result = derm_quiz_answer_choice (quiz, i, choice);
          g_assert_cmpint (result, ==, i % 2 == 0 ? DERM_QUIZ_RIGHT : DERM_QUIZ_WRONG);
          g_assert_cmpstr (derm_quiz_get_given (quiz, i), ==,
                           ((DermQuizChoice *) g_ptr_array_index (q->choices, choice))->label);
        }
      else
        {
          /* outside the legs: wrong, and said so */
          result = derm_quiz_answer_point (quiz, i, DERM_VIEW_POSTERIOR, 1, 1);
          g_assert_cmpint (result, ==, DERM_QUIZ_WRONG);
          g_assert_nonnull (derm_quiz_get_given (quiz, i));
        }
      expect_answered++;
      expect_right += result == DERM_QUIZ_RIGHT;

      /* a second answer changes nothing */
      again = q->choices != NULL ? derm_quiz_answer_choice (quiz, i, q->correct_choice)
                                 : derm_quiz_answer_timeout (quiz, i);
      g_assert_cmpint (again, ==, result);
      g_assert_cmpint (derm_quiz_get_result (quiz, i), ==, result);

      derm_quiz_get_score (quiz, &right, &answered);
      g_assert_cmpuint (right, ==, expect_right);
      g_assert_cmpuint (answered, ==, expect_answered);
    }
  g_assert_cmpuint (expect_right, >, 0);
  g_assert_cmpuint (expect_right, <, 12);
}

static void
test_given_point (void)
{
  const DermRegion *region = derm_atlas_get_region (atlas, "medial-malleolus-left");
  gboolean done = FALSE;

  for (guint64 seed = 0; seed < 20 && !done; seed++)
    {
      g_autoptr (DermQuiz) quiz = make_quiz ("isncsci", seed, 10, 1u << DERM_QUIZ_FIND_ROOT);

      for (guint i = 0; i < 10 && !done; i++)
        {
          const DermQuizQuestion *q = derm_quiz_get_question (quiz, i);

          if (strcmp (q->accept_roots[0], "L4") != 0)
            continue;
          g_assert_cmpint (derm_quiz_answer_point (quiz, i, region->view, region->label_x, region->label_y),
                           ==, DERM_QUIZ_RIGHT);
          g_assert_cmpstr (derm_quiz_get_given (quiz, i), ==, "Left medial malleolus (L4)");
          done = TRUE;
        }
    }
  g_assert_true (done);
}

/* Determinism */

static gboolean
quizzes_equal (DermQuiz *a,
               DermQuiz *b)
{
  if (derm_quiz_get_n_questions (a) != derm_quiz_get_n_questions (b))
    return FALSE;
  for (guint i = 0; i < derm_quiz_get_n_questions (a); i++)
    {
      const DermQuizQuestion *qa = derm_quiz_get_question (a, i), *qb = derm_quiz_get_question (b, i);

      if (qa->kind != qb->kind || strcmp (qa->prompt, qb->prompt) != 0 ||
          strcmp (qa->answer, qb->answer) != 0 || qa->region != qb->region ||
          qa->correct_choice != qb->correct_choice || (qa->choices == NULL) != (qb->choices == NULL))
        return FALSE;
      for (guint c = 0; qa->choices != NULL && c < qa->choices->len; c++)
        if (strcmp (((DermQuizChoice *) g_ptr_array_index (qa->choices, c))->id,
                    ((DermQuizChoice *) g_ptr_array_index (qb->choices, c))->id) != 0)
          return FALSE;
    }
  return TRUE;
}

static void
test_determinism (void)
{
  const guint64 seeds[] = { 0, 1, 2, G_GUINT64_CONSTANT (1) << 32, G_MAXUINT64 };

  for (guint m = 0; m < G_N_ELEMENTS (map_ids); m++)
    for (guint s = 0; s < G_N_ELEMENTS (seeds); s++)
      {
        g_autoptr (DermQuiz) a = make_quiz (map_ids[m], seeds[s], 30, 0);
        g_autoptr (DermQuiz) b = make_quiz (map_ids[m], seeds[s], 30, 0);

        g_assert_true (quizzes_equal (a, b));
        g_assert_true (derm_quiz_get_seed (a) == seeds[s]);
        /* a different seed, the high half included, is another quiz */
        for (guint t = 0; t < G_N_ELEMENTS (seeds); t++)
          if (t != s)
            {
              g_autoptr (DermQuiz) c = make_quiz (map_ids[m], seeds[t], 30, 0);
              g_assert_false (quizzes_equal (a, c));
            }
      }

  /* the same seed on every machine: a fixed first question */
  {
    g_autoptr (DermQuiz) quiz = make_quiz ("isncsci", 1, 12, 0);
    const DermQuizQuestion *q = derm_quiz_get_question (quiz, 0);

    g_test_message ("seed 1, question 1: %s %s", derm_quiz_kind_to_string (q->kind), q->prompt);
    g_assert_cmpstr (q->prompt, ==, "Pain to the medial knee; weak quadriceps and hip adductors; knee jerk reduced. Which root or nerve?");
  }
}

/* Blank skin and repeats */

static void
test_lee2008_blanks (void)
{
  const DermMap *map = derm_atlas_get_map (atlas, "lee2008");

  for (guint64 seed = 0; seed < 40; seed++)
    {
      g_autoptr (DermQuiz) quiz = make_quiz ("lee2008", seed, 60, 0);

      for (guint i = 0; i < 60; i++)
        {
          const DermQuizQuestion *q = derm_quiz_get_question (quiz, i);

          /* no region question about blank skin */
          if (q->region != NULL)
            g_assert_nonnull (derm_map_get_roots (map, q->region)[0]);
          /* Lee draws no S3-S5 */
          if (q->kind == DERM_QUIZ_FIND_ROOT || q->kind == DERM_QUIZ_KEY_POINT)
            {
              g_assert_cmpstr (q->accept_roots[0], !=, "S3");
              g_assert_cmpstr (q->accept_roots[0], !=, "S4-5");
            }
          if (q->kind == DERM_QUIZ_NAME_ROOT)
            {
              g_assert_cmpstr (q->region->name_id, !=, "patella");
              g_assert_cmpstr (q->region->name_id, !=, "perianal-inner");
            }
        }
    }
}

/* A zone that no source gives (a fill between sourced zones) is never
 * asked about: its answer would be a guess. */
static void
test_no_guesses (void)
{
  for (guint m = 0; m < G_N_ELEMENTS (map_ids); m++)
    {
      const DermMap *map = derm_atlas_get_map (atlas, map_ids[m]);
      guint asked = 0;

      for (guint64 seed = 0; seed < 20; seed++)
        {
          g_autoptr (DermQuiz) quiz = make_quiz (map_ids[m], seed, 60, 1u << DERM_QUIZ_NAME_ROOT | 1u << DERM_QUIZ_KEY_POINT);

          for (guint i = 0; i < 60; i++)
            {
              const DermQuizQuestion *q = derm_quiz_get_question (quiz, i);

              if (q->region == NULL)
                continue;
              asked++;
              if (derm_map_get_zone_kind (map, q->region) == DERM_ZONE_GUESSED)
                g_error ("%s seed %" G_GUINT64_FORMAT ": question %u asks about %s, a guessed zone",
                         map_ids[m], seed, i + 1, q->region->id);
            }
        }
      g_assert_cmpuint (asked, >, 0);
    }
  /* there are guessed zones to leave out */
  g_assert_cmpint (derm_map_get_zone_kind (derm_atlas_get_map (atlas, "isncsci"),
                                           derm_atlas_get_region (atlas, "lateral-knee-left")), ==,
                   DERM_ZONE_GUESSED);
}

static guint
count_repeats (DermQuiz *quiz)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint repeats = 0;

  for (guint i = 0; i < derm_quiz_get_n_questions (quiz); i++)
    repeats += !g_hash_table_add (seen, dup_subject (derm_quiz_get_question (quiz, i)));
  return repeats;
}

static void
test_no_repeats (void)
{
  guint motor = 1u << DERM_QUIZ_MOTOR, reflex = 1u << DERM_QUIZ_REFLEX;
  guint n_motor = 0, n_reflex = 0;
  GPtrArray *items = derm_atlas_get_quiz_items (atlas);

  for (guint i = 0; i < items->len; i++)
    {
      const DermQuizItem *item = g_ptr_array_index (items, i);

      n_motor += strcmp (item->kind, "motor") == 0;
      n_reflex += strcmp (item->kind, "reflex") == 0;
    }

  for (guint m = 0; m < G_N_ELEMENTS (map_ids); m++)
    for (guint64 seed = 0; seed < 20; seed++)
      {
        g_autoptr (DermQuiz) quiz = make_quiz (map_ids[m], seed, 30, 0);
        g_autoptr (DermQuiz) motor_all = make_quiz (map_ids[m], seed, n_motor, motor);
        g_autoptr (DermQuiz) motor_more = make_quiz (map_ids[m], seed, n_motor + 1, motor);
        g_autoptr (DermQuiz) borrowed = make_quiz (map_ids[m], seed, n_motor + n_reflex, motor | reflex);
        g_autoptr (DermQuiz) names = make_quiz (map_ids[m], seed, 20, 1u << DERM_QUIZ_NAME_ROOT);

        g_assert_cmpuint (count_repeats (quiz), ==, 0);
        g_assert_cmpuint (count_repeats (motor_all), ==, 0);
        /* a kind starts over only when it has run out */
        g_assert_cmpuint (count_repeats (motor_more), ==, 1);
        /* one kind runs out: the other fills in before anything repeats */
        g_assert_cmpuint (count_repeats (borrowed), ==, 0);
        /* left and right of one region are one question */
        g_assert_cmpuint (count_repeats (names), ==, 0);
      }
}

/* Small zones */

/* From the region's label point outwards until the skin is another
 * region's or none, then steps more units. */
static void
point_outside (const DermRegion *region,
               double            dx,
               double            dy,
               double            steps,
               double           *x,
               double           *y)
{
  double px = region->label_x, py = region->label_y;

  while (derm_geometry_region_at (atlas, region->view, px, py) == region)
    {
      px += dx;
      py += dy;
    }
  *x = px + steps * dx;
  *y = py + steps * dy;
}

static void
test_small_zones (void)
{
  gboolean web_space = FALSE, s45_name = FALSE, s45_find = FALSE;
  const DermRegion *perianal = derm_atlas_get_region (atlas, "perianal-inner-mid");
  const DermMap *map = derm_atlas_get_map (atlas, "isncsci");

  for (guint64 seed = 0; seed < 200 && !(web_space && s45_name && s45_find); seed++)
    {
      g_autoptr (DermQuiz) quiz = make_quiz ("isncsci", seed, 12, 0);

      for (guint i = 0; i < 12; i++)
        {
          const DermQuizQuestion *q = derm_quiz_get_question (quiz, i);

          if (q->kind == DERM_QUIZ_NAME_ROOT && strcmp (q->region->name_id, "first-web-space") == 0)
            web_space = TRUE;
          if (q->kind == DERM_QUIZ_NAME_ROOT && strcmp (q->region->name_id, "perianal-inner") == 0)
            s45_name = TRUE;
          if (q->kind == DERM_QUIZ_FIND_ROOT && strcmp (q->accept_roots[0], "S4-5") == 0 && !s45_find)
            {
              /* a click a few units beside the inner perianal ring counts */
              const double dirs[][2] = { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } };

              s45_find = TRUE;
              for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
                {
                  double x, y;
                  const DermRegion *at;

                  point_outside (perianal, dirs[d][0], dirs[d][1], 4, &x, &y);
                  at = derm_geometry_region_at (atlas, perianal->view, x, y);
                  g_assert_false (at != NULL && derm_map_region_has_root (map, at, "S4-5"));
                  g_assert_cmpint (try_point ("isncsci", seed, 12, i, perianal->view, x, y), ==, DERM_QUIZ_RIGHT);
                  /* and far off it does not */
                  point_outside (perianal, dirs[d][0], dirs[d][1], DERM_QUIZ_CLICK_MARGIN + 30, &x, &y);
                  g_assert_cmpint (try_point ("isncsci", seed, 12, i, perianal->view, x, y), ==, DERM_QUIZ_WRONG);
                }
            }
        }
    }
  g_assert_true (web_space);
  g_assert_true (s45_name);
  g_assert_true (s45_find);

  /* the S4-5 key point, and the first web space on Keegan and Garrett
   * where the medial edge of the great toe beside it is L4 */
  {
    g_autoptr (DermQuiz) quiz = NULL;
    const DermRegion *web = derm_atlas_get_region (atlas, "first-web-space-right");
    const DermMap *kg = derm_atlas_get_map (atlas, "keegan-garrett");
    gboolean found = FALSE;

    g_assert_true (derm_map_region_has_root (kg, web, "L5"));
    for (guint64 seed = 0; seed < 50 && !found; seed++)
      {
        g_clear_object (&quiz);
        quiz = make_quiz ("keegan-garrett", seed, 10, 1u << DERM_QUIZ_FIND_ROOT);
        for (guint i = 0; i < 10 && !found; i++)
          {
            const DermQuizQuestion *q = derm_quiz_get_question (quiz, i);

            if (strcmp (q->accept_roots[0], "L5") != 0)
              continue;
            found = TRUE;
            g_assert_cmpint (derm_quiz_answer_point (quiz, i, web->view, web->label_x, web->label_y),
                             ==, DERM_QUIZ_RIGHT);
          }
      }
    g_assert_true (found);
  }
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  atlas = derm_atlas_new_from_resource (&error);
  g_assert_no_error (error);

  test_quiz_data_add_tests ();
  g_test_add_func ("/quiz/kinds", test_kinds);
  g_test_add_func ("/quiz/options", test_options);
  for (guint i = 0; i < G_N_ELEMENTS (map_ids); i++)
    {
      g_autofree char *every = g_strdup_printf ("/quiz/every-kind/%s", map_ids[i]);
      g_autofree char *answers = g_strdup_printf ("/quiz/answers/%s", map_ids[i]);

      g_test_add_data_func (every, map_ids[i], test_every_kind);
      g_test_add_data_func (answers, map_ids[i], test_answers);
    }
  g_test_add_func ("/quiz/overlap-rule", test_overlap_rule);
  g_test_add_func ("/quiz/scoring", test_scoring);
  g_test_add_func ("/quiz/given-point", test_given_point);
  g_test_add_func ("/quiz/determinism", test_determinism);
  g_test_add_func ("/quiz/lee2008-blanks", test_lee2008_blanks);
  g_test_add_func ("/quiz/no-guesses", test_no_guesses);
  g_test_add_func ("/quiz/no-repeats", test_no_repeats);
  g_test_add_func ("/quiz/small-zones", test_small_zones);
  test_quiz_sheet_add_tests ();

  status = g_test_run ();
  g_clear_object (&atlas);
  return status;
}
