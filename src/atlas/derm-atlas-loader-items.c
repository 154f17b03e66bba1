/* derm-atlas-loader-items.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The items of atlas.xml that are more than text: the quiz's questions
 * and cases, and the examination's motor tests and reflexes.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <string.h>

#include "derm-atlas-loader-private.h"

gboolean
_derm_loader_start_quiz_item (LoadState   *state,
                              const char  *element,
                              const char  *id,
                              const char  *roots,
                              const char  *sources,
                              GError     **error)
{
  g_autofree char *key = g_strdup_printf ("%s:%s", element, id);
  DermQuizItem *item;

  if (!g_hash_table_add (state->quiz_ids, g_strdup (key)))
    return _derm_loader_invalid (state, error, "quiz item <%s id=\"%s\"> is defined twice", element, id);

  item = g_new0 (DermQuizItem, 1);
  item->kind = g_strdup (element);
  item->id = g_strdup (id);
  item->roots = _derm_loader_split_list (roots);
  g_ptr_array_add (state->atlas->quiz_items, item);
  state->quiz_item = item;
  state->quiz_item_line = _derm_loader_current_line (state);

  if (strcmp (element, "case") == 0)
    item->choices = derm_quiz_item_choices_new ();
  else if (item->roots[0] == NULL)
    return _derm_loader_invalid (state, error, "<%s id=\"%s\"> needs the roots that count as right", element, id);
  for (guint i = 0; item->roots[i] != NULL; i++)
    {
      for (guint j = 0; j < i; j++)
        if (strcmp (item->roots[i], item->roots[j]) == 0)
          return _derm_loader_invalid (state, error, "root “%s” is listed twice", item->roots[i]);
      _derm_loader_add_ref (state, REF_ROOT, item->roots[i]);
    }
  return _derm_loader_add_sources (state, sources, &item->sources, error);
}

gboolean
_derm_loader_start_quiz_choice (LoadState   *state,
                                const char  *root,
                                const char  *nerve,
                                const char  *correct,
                                GError     **error)
{
  DermQuizItem *item = state->quiz_item;
  DermQuizItemChoice *choice;

  if ((root == NULL) == (nerve == NULL))
    return _derm_loader_invalid (state, error, "a <choice> names either a root=\"...\" or a nerve=\"...\"");
  if (correct != NULL && strcmp (correct, "yes") != 0)
    return _derm_loader_invalid (state, error, "correct=\"%s\": only correct=\"yes\" is allowed", correct);

  choice = g_new0 (DermQuizItemChoice, 1);
  choice->id = root != NULL ? g_strconcat ("root:", root, NULL) : g_strconcat ("nerve:", nerve, NULL);
  for (guint i = 0; i < item->choices->len; i++)
    {
      DermQuizItemChoice *other = g_ptr_array_index (item->choices, i);

      if (strcmp (other->id, choice->id) == 0)
        {
          g_free (choice->id);
          g_free (choice);
          return _derm_loader_invalid (state, error, "the choice “%s” is offered twice", root != NULL ? root : nerve);
        }
    }
  _derm_loader_add_ref (state, root != NULL ? REF_ROOT : REF_NERVE, root != NULL ? root : nerve);
  if (correct != NULL)
    {
      if (item->correct > 0)
        {
          g_free (choice->id);
          g_free (choice);
          return _derm_loader_invalid (state, error, "case “%s” has more than one correct=\"yes\" choice", item->id);
        }
      /* one more than the index while parsing: 0 is none yet */
      item->correct = item->choices->len + 1;
    }
  g_ptr_array_add (item->choices, choice);
  return TRUE;
}

gboolean
_derm_loader_end_quiz_item (LoadState   *state,
                            GError     **error)
{
  DermQuizItem *item = state->quiz_item;
  const char *problem = NULL;

  state->quiz_item = NULL;
  if (item->question == NULL)
    problem = strcmp (item->kind, "case") == 0 ? "has no <findings>" : "has no <question>";
  else if (item->explanation == NULL)
    problem = "has no <explanation>";
  else if (item->choices != NULL && (item->choices->len < 2 || item->choices->len > 6))
    problem = "needs 2 to 6 choices";
  else if (item->choices != NULL && item->correct == 0)
    problem = "has no choice with correct=\"yes\"";
  if (problem != NULL)
    {
      g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_INVALID,
                   "%s:%d: <%s id=\"%s\"> %s", state->filename, state->quiz_item_line,
                   item->kind, item->id, problem);
      return FALSE;
    }
  if (item->choices != NULL)
    item->correct--;
  return TRUE;
}

static gboolean
yes_or_no (LoadState   *state,
           const char  *name,
           const char  *value,
           gboolean    *out,
           GError     **error)
{
  *out = FALSE;
  if (value == NULL || strcmp (value, "no") == 0)
    return TRUE;
  if (strcmp (value, "yes") != 0)
    return _derm_loader_invalid (state, error, "%s=\"%s\": use \"yes\" or \"no\"", name, value);
  *out = TRUE;
  return TRUE;
}

static gboolean
add_id_list (LoadState    *state,
             RefKind       kind,
             const char   *text,
             char       ***out,
             GError      **error)
{
  *out = _derm_loader_split_list (text);
  for (guint i = 0; (*out)[i] != NULL; i++)
    {
      for (guint j = 0; j < i; j++)
        if (strcmp ((*out)[i], (*out)[j]) == 0)
          return _derm_loader_invalid (state, error, "“%s” is listed twice", (*out)[i]);
      _derm_loader_add_ref (state, kind, (*out)[i]);
    }
  return TRUE;
}

gboolean
_derm_loader_start_exam_test (LoadState   *state,
                              const char  *element,
                              const char  *id,
                              const char  *roots,
                              const char  *also,
                              const char  *nerves,
                              const char  *partial,
                              const char  *side,
                              const char  *weak,
                              const char  *umn,
                              const char  *sources,
                              GError     **error)
{
  DermTestKind kind = strcmp (element, "motor-test") == 0 ? DERM_TEST_MOTOR : DERM_TEST_REFLEX;
  DermExamTest *test;

  if (id[0] == '\0')
    return _derm_loader_invalid (state, error, "<%s> needs a non-empty id", element);
  if (derm_atlas_get_exam_test (state->atlas, kind, id) != NULL)
    return _derm_loader_invalid (state, error, "<%s id=\"%s\"> is defined twice", element, id);

  test = g_new0 (DermExamTest, 1);
  test->id = g_strdup (id);
  test->kind = kind;
  g_ptr_array_add (state->atlas->exam_tests, test);
  state->exam_test = test;
  state->exam_test_line = _derm_loader_current_line (state);

  if (side != NULL && strcmp (side, "mid") != 0)
    return _derm_loader_invalid (state, error, "side=\"%s\": a test is on both sides unless side=\"mid\"", side);
  test->midline = side != NULL;
  if (!yes_or_no (state, "weak", weak, &test->weak_sign, error) ||
      !yes_or_no (state, "upper-motor-neuron", umn, &test->upper_motor_neuron, error))
    return FALSE;
  if (test->upper_motor_neuron && kind != DERM_TEST_REFLEX)
    return _derm_loader_invalid (state, error, "only a <reflex-test> can be an upper-motor-neuron sign");
  if (!add_id_list (state, REF_ROOT, roots, &test->roots, error) ||
      !add_id_list (state, REF_ROOT, also, &test->also, error) ||
      !add_id_list (state, REF_NERVE, nerves, &test->nerves, error) ||
      !add_id_list (state, REF_NERVE, partial, &test->partial, error))
    return FALSE;
  if (test->roots[0] == NULL && !test->upper_motor_neuron)
    return _derm_loader_invalid (state, error, "<%s id=\"%s\"> needs its roots", element, id);
  return _derm_loader_add_sources (state, sources, &test->sources, error);
}

gboolean
_derm_loader_end_exam_test (LoadState   *state,
                            GError     **error)
{
  DermExamTest *test = state->exam_test;
  const char *problem = NULL;

  state->exam_test = NULL;
  if (test->name == NULL)
    problem = "has no <name>";
  else if (test->kind == DERM_TEST_MOTOR && test->muscles == NULL)
    problem = "has no <muscles>";
  if (problem != NULL)
    {
      g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_INVALID,
                   "%s:%d: <%s id=\"%s\"> %s", state->filename, state->exam_test_line,
                   test->kind == DERM_TEST_MOTOR ? "motor-test" : "reflex-test", test->id, problem);
      return FALSE;
    }
  return TRUE;
}
