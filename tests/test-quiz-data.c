/* test-quiz-data.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The <quiz> data of atlas.xml and its loader: every item cites known
 * sources and names known roots and nerves, an atlas without <quiz> still
 * makes quizzes, and a broken item is an error naming its file and line.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "test-quiz.h"

/* Data */

static void
test_data_real (void)
{
  GPtrArray *items = derm_atlas_get_quiz_items (atlas);
  guint n_motor = 0, n_reflex = 0, n_case = 0, n_root_answers = 0, n_nerve_answers = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const DermQuizItem *item = g_ptr_array_index (items, i);

      g_assert_nonnull (item->question);
      g_assert_nonnull (item->explanation);
      g_assert_null (strchr (item->explanation, '\n'));
      g_assert_nonnull (item->sources[0]);
      for (guint s = 0; item->sources[s] != NULL; s++)
        g_assert_nonnull (derm_atlas_get_source (atlas, item->sources[s]));

      if (strcmp (item->kind, "case") == 0)
        {
          const DermQuizItemChoice *right;

          n_case++;
          g_assert_cmpuint (item->choices->len, ==, 4);
          g_assert_cmpuint (item->correct, <, item->choices->len);
          right = g_ptr_array_index (item->choices, item->correct);
          if (g_str_has_prefix (right->id, "root:"))
            n_root_answers++;
          else
            n_nerve_answers++;
          for (guint c = 0; c < item->choices->len; c++)
            {
              const DermQuizItemChoice *choice = g_ptr_array_index (item->choices, c);

              if (g_str_has_prefix (choice->id, "root:"))
                g_assert_nonnull (derm_atlas_get_root (atlas, choice->id + 5));
              else
                g_assert_nonnull (derm_atlas_get_nerve (atlas, choice->id + 6));
            }
        }
      else
        {
          n_motor += strcmp (item->kind, "motor") == 0;
          n_reflex += strcmp (item->kind, "reflex") == 0;
          g_assert_nonnull (item->roots[0]);
          g_assert_null (item->choices);
          for (guint r = 0; item->roots[r] != NULL; r++)
            g_assert_nonnull (derm_atlas_get_root (atlas, item->roots[r]));
        }
    }

  g_assert_cmpuint (n_motor, >=, 5);
  g_assert_cmpuint (n_reflex, >=, 5);
  g_assert_cmpuint (n_case, >=, 8);
  g_assert_cmpuint (n_case, <=, 12);
  /* about half answered by a root, half by a nerve */
  g_assert_cmpuint (n_root_answers, >=, 4);
  g_assert_cmpuint (n_nerve_answers, >=, 4);

  /* where the sources disagree, both count */
  {
    const DermQuizItem *knee = find_item ("reflex", "Which root does the knee jerk (patellar reflex) test?");

    g_assert_nonnull (knee);
    g_assert_true (g_strv_contains ((const char * const *) knee->roots, "L3"));
    g_assert_true (g_strv_contains ((const char * const *) knee->roots, "L4"));
  }
}

static const DermQuizItem *
item_by_id (const char *kind,
            const char *id)
{
  GPtrArray *items = derm_atlas_get_quiz_items (atlas);

  for (guint i = 0; i < items->len; i++)
    {
      const DermQuizItem *item = g_ptr_array_index (items, i);

      if (strcmp (item->kind, kind) == 0 && strcmp (item->id, id) == 0)
        return item;
    }
  g_error ("no quiz <%s id=\"%s\">", kind, id);
  return NULL;
}

/* No question's answer is a guess: a motor or reflex item asks about a
 * test the examination records with its roots from clinical.md 5b, and
 * counts every one of them (a root that shares the test is never offered
 * as wrong). A root-or-nerve case gives the finding that separates its
 * answer from the other choices. */
static void
test_data_sourced_answers (void)
{
  static const struct {
    const char *id;
    const char *findings[2];
  } separators[] = {
    /* nerve cases: the nerve conduction result or normal strength and reflexes */
    { "sural", { "sensory nerve action potential is reduced", "strength and ankle jerk normal" } },
    { "saphenous", { "sensory nerve action potential is reduced", "knee jerk normal" } },
    { "meralgia", { "strength and knee jerk normal", NULL } },
    { "tarsal-tunnel", { "heel spared", "plantar flexion and ankle jerk normal" } },
    { "common-fibular", { "inversion and hip abduction normal", "reflexes normal" } },
    { "deep-fibular", { "eversion, inversion and hip abduction normal", NULL } },
    { "femoral", { "hip adductors and tibialis anterior normal", NULL } },
    /* root cases: muscles of one root across nerves, root signs, the SNAP kept */
    { "s1-root", { "hip extension", "sensory nerve action potential normal" } },
    { "foot-drop-l5", { "inversion and hip abduction", "straight-leg raise positive" } },
    { "l3-root", { "quadriceps and hip adductors", NULL } },
    { "l4-root", { "quadriceps and tibialis anterior", NULL } },
    { "l2-root", { "hip flexion and hip adduction", "femoral stretch test positive" } },
  };
  GPtrArray *items = derm_atlas_get_quiz_items (atlas);
  guint n_case = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const DermQuizItem *item = g_ptr_array_index (items, i);
      const DermExamTest *test;

      if (strcmp (item->kind, "case") == 0)
        {
          n_case++;
          continue;
        }
      test = derm_atlas_get_exam_test (atlas, strcmp (item->kind, "motor") == 0 ? DERM_TEST_MOTOR : DERM_TEST_REFLEX,
                                       item->id);
      if (test == NULL)
        g_error ("quiz <%s id=\"%s\"> asks about a test the examination does not record", item->kind, item->id);
      g_assert_true (g_strv_contains ((const char * const *) test->roots, item->roots[0]));
      for (guint r = 0; test->roots[r] != NULL; r++)
        if (!g_strv_contains ((const char * const *) item->roots, test->roots[r]))
          g_error ("quiz %s: %s would be a wrong choice, but clinical.md gives it", item->id, test->roots[r]);
      for (guint r = 0; test->also[r] != NULL; r++)
        if (!g_strv_contains ((const char * const *) item->roots, test->also[r]))
          g_error ("quiz %s: %s would be a wrong choice, but clinical.md gives it", item->id, test->also[r]);
    }

  g_assert_cmpuint (n_case, ==, G_N_ELEMENTS (separators));
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const DermQuizItem *item = item_by_id ("case", separators[i].id);

      for (guint f = 0; f < 2 && separators[i].findings[f] != NULL; f++)
        if (strstr (item->question, separators[i].findings[f]) == NULL)
          g_error ("case %s does not give “%s”", item->id, separators[i].findings[f]);
      /* the nerve conduction rule cites its source */
      if (strstr (item->question, "sensory nerve action potential") != NULL)
        g_assert_true (g_strv_contains ((const char * const *) item->sources, "mondelli2013"));
    }
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "mini", name, NULL);
}

static void
test_data_optional (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = fixture_path ("atlas.xml");
  g_autofree char *anterior = fixture_path ("anterior.svg");
  g_autofree char *posterior = fixture_path ("posterior.svg");
  g_autoptr (DermAtlas) mini = derm_atlas_new_from_files (xml, anterior, posterior, &error);
  g_autoptr (DermQuiz) quiz = NULL;
  DermQuizOptions options;

  /* an atlas without <quiz> loads, and a quiz asks only what the maps can */
  g_assert_no_error (error);
  g_assert_cmpuint (derm_atlas_get_quiz_items (mini)->len, ==, 0);

  derm_quiz_options_init (&options);
  options.kinds = 1u << DERM_QUIZ_MOTOR;
  quiz = derm_quiz_new (mini, &options, &error);
  g_assert_error (error, DERM_QUIZ_ERROR, DERM_QUIZ_ERROR_INVALID);
  g_assert_null (quiz);
  g_clear_error (&error);

  options.kinds = 0;
  quiz = derm_quiz_new (mini, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (derm_quiz_get_kinds (quiz) & (1u << DERM_QUIZ_MOTOR), ==, 0);
  g_assert_cmpuint (derm_quiz_get_kinds (quiz) & (1u << DERM_QUIZ_FIND_ROOT), !=, 0);
}

typedef struct {
  const char *name;
  const char *quiz;     /* the <quiz> section added to the mini atlas */
  const char *expect;   /* a part of the error message */
} BrokenQuiz;

#define CASE_OK(extra) \
  "<quiz>\n" \
  "<case id=\"c\" sources=\"src-a\">\n" \
  "<findings>Numb thigh</findings>\n" \
  "<choice nerve=\"n\" correct=\"yes\"/>\n" \
  "<choice root=\"L4\"/>\n" \
  extra \
  "<explanation>The nerve.</explanation>\n" \
  "</case>\n" \
  "</quiz>\n"

static const BrokenQuiz broken_quizzes[] = {
  { "unknown-root", "<quiz>\n<reflex id=\"r\" roots=\"L4 L9\" sources=\"src-a\">\n<question>Q?</question>\n<explanation>E.</explanation>\n</reflex>\n</quiz>\n",
    "atlas.xml:43: unknown root “L9”" },
  { "unknown-source", "<quiz>\n<motor id=\"m\" roots=\"L4\" sources=\"src-z\">\n<question>Q?</question>\n<explanation>E.</explanation>\n</motor>\n</quiz>\n",
    "atlas.xml:43: unknown source “src-z”" },
  { "unknown-nerve", CASE_OK ("<choice nerve=\"femoral\"/>\n"), "atlas.xml:47: unknown nerve “femoral”" },
  { "two-correct", CASE_OK ("<choice root=\"S1\" correct=\"yes\"/>\n"), "atlas.xml:47: case “c” has more than one" },
  { "twice-offered", CASE_OK ("<choice root=\"L4\"/>\n"), "atlas.xml:47: the choice “L4” is offered twice" },
  { "root-and-nerve", CASE_OK ("<choice root=\"S1\" nerve=\"n\"/>\n"), "atlas.xml:47: a <choice> names either" },
  { "bad-correct", CASE_OK ("<choice root=\"S1\" correct=\"no\"/>\n"), "atlas.xml:47: correct=\"no\"" },
  { "no-correct", "<quiz>\n<case id=\"c\" sources=\"src-a\">\n<findings>F</findings>\n<choice root=\"L4\"/>\n<choice root=\"S1\"/>\n<explanation>E.</explanation>\n</case>\n</quiz>\n",
    "atlas.xml:43: <case id=\"c\"> has no choice with correct=\"yes\"" },
  { "no-explanation", "<quiz>\n<motor id=\"m\" roots=\"L4\" sources=\"src-a\">\n<question>Q?</question>\n</motor>\n</quiz>\n",
    "atlas.xml:43: <motor id=\"m\"> has no <explanation>" },
  { "no-roots", "<quiz>\n<motor id=\"m\" roots=\"\" sources=\"src-a\">\n<question>Q?</question>\n<explanation>E.</explanation>\n</motor>\n</quiz>\n",
    "atlas.xml:43: <motor id=\"m\"> needs the roots" },
  { "duplicate-id", "<quiz>\n<motor id=\"m\" roots=\"L4\" sources=\"src-a\">\n<question>Q?</question>\n<explanation>E.</explanation>\n</motor>\n"
    "<motor id=\"m\" roots=\"S1\" sources=\"src-a\">\n<question>Q?</question>\n<explanation>E.</explanation>\n</motor>\n</quiz>\n",
    "atlas.xml:47: quiz item <motor id=\"m\"> is defined twice" },
  { "question-in-case", "<quiz>\n<case id=\"c\" sources=\"src-a\">\n<question>Q?</question>\n</case>\n</quiz>\n",
    "atlas.xml:44: unexpected element <question> inside <case>" },
  { "empty-explanation", "<quiz>\n<reflex id=\"r\" roots=\"L4\" sources=\"src-a\">\n<question>Q?</question>\n<explanation> </explanation>\n</reflex>\n</quiz>\n",
    "atlas.xml:45: <explanation> is empty" },
};

static void
test_data_broken (gconstpointer data)
{
  const BrokenQuiz *broken = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = fixture_path ("atlas.xml");
  g_autofree char *anterior = fixture_path ("anterior.svg");
  g_autofree char *posterior = fixture_path ("posterior.svg");
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_dir_make_tmp ("derm-quiz-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr (GString) text = NULL;
  g_autoptr (DermAtlas) mini = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (xml, &contents, NULL, NULL));
  text = g_string_new (contents);
  /* the fixture ends "  </nerves>\n</atlas>\n": line 41 is left empty,
   * <quiz> goes on line 42 and its first item on 43 */
  g_assert_cmpint (g_string_replace (text, "</atlas>", "", 1), ==, 1);
  g_string_append (text, broken->quiz);
  g_string_append (text, "</atlas>\n");
  path = g_build_filename (dir, "atlas.xml", NULL);
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));

  mini = derm_atlas_new_from_files (path, anterior, posterior, &error);
  g_assert_null (mini);
  g_assert_nonnull (error);
  if (strstr (error->message, broken->expect) == NULL)
    g_error ("%s: “%s” does not contain “%s”", broken->name, error->message, broken->expect);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_data_fixture_line (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = fixture_path ("atlas.xml");
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;

  /* the line numbers above count on the fixture's shape */
  g_assert_true (g_file_get_contents (xml, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 42);
  g_assert_cmpstr (lines[40], ==, "</atlas>");
}

void
test_quiz_data_add_tests (void)
{
  g_test_add_func ("/quiz/data/real", test_data_real);
  g_test_add_func ("/quiz/data/sourced-answers", test_data_sourced_answers);
  g_test_add_func ("/quiz/data/optional", test_data_optional);
  g_test_add_func ("/quiz/data/fixture-lines", test_data_fixture_line);
  for (guint i = 0; i < G_N_ELEMENTS (broken_quizzes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/quiz/data/broken/%s", broken_quizzes[i].name);
      g_test_add_data_func (path, &broken_quizzes[i], test_data_broken);
    }
}
