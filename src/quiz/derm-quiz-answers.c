/* derm-quiz-answers.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checking and scoring answers: a click counts when it lands in (or
 * within a small margin of) skin of the asked root, or near the asked key
 * point; a choice when it is the right one. Each question takes its first
 * answer only.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "derm-geometry.h"
#include "derm-quiz-private.h"

/* "Left lateral thigh (L2, L3)", "Left patella (blank on this map)",
 * "Outside the legs" */
static char *
dup_point_given (DermQuiz *self,
                 DermView  view,
                 double    x,
                 double    y)
{
  const DermRegion *region = derm_geometry_region_at (self->atlas, view, x, y);
  g_autofree char *title = NULL, *roots = NULL;

  if (region == NULL)
    return g_strdup (_("Outside the legs"));
  title = derm_region_dup_title (region);
  if (derm_map_get_roots (self->map, region)[0] == NULL)
    /* Translators: the region clicked, which the map leaves blank */
    return g_strdup_printf (_("%s (blank on this map)"), title);
  roots = g_strjoinv (", ", (char **) derm_map_get_roots (self->map, region));
  /* Translators: the region clicked and its roots: "Left lateral thigh (L2, L3)" */
  return g_strdup_printf (_("%s (%s)"), title, roots);
}

static gboolean
point_has_root (DermQuiz           *self,
                DermView            view,
                double              x,
                double              y,
                const char * const *roots)
{
  const DermRegion *region = derm_geometry_region_at (self->atlas, view, x, y);

  if (region == NULL)
    return FALSE;
  for (guint i = 0; roots[i] != NULL; i++)
    if (derm_map_region_has_root (self->map, region, roots[i]))
      return TRUE;
  return FALSE;
}

/* The click, then rings round it out to the margin, a sample every unit
 * or so: small zones (S4-5, the first web space) stay fair. */
static gboolean
click_near_root (DermQuiz           *self,
                 DermView            view,
                 double              x,
                 double              y,
                 const char * const *roots)
{
  if (point_has_root (self, view, x, y, roots))
    return TRUE;

  for (double r = 1.0; r <= DERM_QUIZ_CLICK_MARGIN + 1e-9; r += 1.0)
    {
      guint n = (guint) ceil (2 * G_PI * r);

      for (guint i = 0; i < n; i++)
        {
          double a = 2 * G_PI * i / n;

          if (point_has_root (self, view, x + r * cos (a), y + r * sin (a), roots))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
click_near_key_point (DermQuiz   *self,
                      const char *root,
                      DermView    view,
                      double      x,
                      double      y)
{
  for (DermSide side = 0; side < DERM_N_SIDES; side++)
    {
      const DermKeyPoint *kp = derm_atlas_get_key_point (self->atlas, root, side);

      if (kp != NULL && kp->view == view && hypot (kp->x - x, kp->y - y) <= DERM_QUIZ_KEY_POINT_RADIUS)
        return TRUE;
    }
  return FALSE;
}

Entry *
_derm_quiz_get_entry (DermQuiz *self,
                      guint     index)
{
  g_return_val_if_fail (DERM_IS_QUIZ (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return g_ptr_array_index (self->entries, index);
}

DermQuizResult
derm_quiz_answer_point (DermQuiz *self,
                        guint     index,
                        DermView  view,
                        double    x,
                        double    y)
{
  Entry *entry = _derm_quiz_get_entry (self, index);
  const DermQuizQuestion *q;
  gboolean right;

  g_return_val_if_fail (entry != NULL, DERM_QUIZ_UNANSWERED);
  g_return_val_if_fail (view < DERM_N_VIEWS, DERM_QUIZ_UNANSWERED);
  q = &entry->question;
  g_return_val_if_fail (derm_quiz_kind_is_click (q->kind), DERM_QUIZ_UNANSWERED);

  if (entry->result != DERM_QUIZ_UNANSWERED)
    return entry->result;

  if (q->kind == DERM_QUIZ_KEY_POINT)
    {
      const DermKeyPoint *near = derm_atlas_key_point_near (self->atlas, view, x, y,
                                                            DERM_QUIZ_KEY_POINT_RADIUS);

      right = click_near_key_point (self, q->accept_roots[0], view, x, y);
      if (near != NULL)
        /* Translators: where a click landed: near the key point of a root */
        entry->given = g_strdup_printf (_("Near the key sensory point of %s"), near->root);
    }
  else
    right = click_near_root (self, view, x, y, (const char * const *) q->accept_roots);

  if (entry->given == NULL)
    entry->given = dup_point_given (self, view, x, y);
  entry->result = right ? DERM_QUIZ_RIGHT : DERM_QUIZ_WRONG;
  return entry->result;
}

DermQuizResult
derm_quiz_answer_choice (DermQuiz *self,
                         guint     index,
                         guint     choice)
{
  Entry *entry = _derm_quiz_get_entry (self, index);
  const DermQuizQuestion *q;
  const DermQuizChoice *c;

  g_return_val_if_fail (entry != NULL, DERM_QUIZ_UNANSWERED);
  q = &entry->question;
  g_return_val_if_fail (q->choices != NULL, DERM_QUIZ_UNANSWERED);
  g_return_val_if_fail (choice < q->choices->len, DERM_QUIZ_UNANSWERED);

  if (entry->result != DERM_QUIZ_UNANSWERED)
    return entry->result;

  c = g_ptr_array_index (q->choices, choice);
  entry->given = g_strdup (c->label);
  entry->result = choice == q->correct_choice ? DERM_QUIZ_RIGHT : DERM_QUIZ_WRONG;
  return entry->result;
}

DermQuizResult
derm_quiz_answer_timeout (DermQuiz *self,
                          guint     index)
{
  Entry *entry = _derm_quiz_get_entry (self, index);

  g_return_val_if_fail (entry != NULL, DERM_QUIZ_UNANSWERED);

  if (entry->result != DERM_QUIZ_UNANSWERED)
    return entry->result;
  entry->given = g_strdup (_("No answer in time"));
  entry->result = DERM_QUIZ_TIMED_OUT;
  return entry->result;
}

DermQuizResult
derm_quiz_get_result (DermQuiz *self,
                      guint     index)
{
  Entry *entry = _derm_quiz_get_entry (self, index);

  g_return_val_if_fail (entry != NULL, DERM_QUIZ_UNANSWERED);
  return entry->result;
}

const char *
derm_quiz_get_given (DermQuiz *self,
                     guint     index)
{
  Entry *entry = _derm_quiz_get_entry (self, index);

  g_return_val_if_fail (entry != NULL, NULL);
  return entry->given;
}

void
derm_quiz_get_score (DermQuiz *self,
                     guint    *right,
                     guint    *answered)
{
  guint r = 0, a = 0;

  g_return_if_fail (DERM_IS_QUIZ (self));

  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (self->entries, i);

      a += entry->result != DERM_QUIZ_UNANSWERED;
      r += entry->result == DERM_QUIZ_RIGHT;
    }
  if (right != NULL)
    *right = r;
  if (answered != NULL)
    *answered = a;
}
