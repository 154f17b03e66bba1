/* derm-atlas-exam.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The examination part of the atlas: motor tests, reflexes and the
 * branching of the nerves, as the chart and the localizer need them.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <string.h>

#include "derm-atlas-private.h"

void
derm_exam_test_free (gpointer data)
{
  DermExamTest *test = data;

  if (test == NULL)
    return;
  g_free (test->id);
  g_free (test->name);
  g_free (test->muscles);
  g_strfreev (test->roots);
  g_strfreev (test->also);
  g_strfreev (test->nerves);
  g_strfreev (test->partial);
  g_strfreev (test->sources);
  g_free (test);
}

GPtrArray *
derm_atlas_get_exam_tests (DermAtlas *self)
{
  g_return_val_if_fail (DERM_IS_ATLAS (self), NULL);
  return self->exam_tests;
}

const DermExamTest *
derm_atlas_get_exam_test (DermAtlas    *self,
                          DermTestKind  kind,
                          const char   *id)
{
  g_return_val_if_fail (DERM_IS_ATLAS (self), NULL);

  if (id == NULL)
    return NULL;
  for (guint i = 0; i < self->exam_tests->len; i++)
    {
      const DermExamTest *test = g_ptr_array_index (self->exam_tests, i);

      if (test->kind == kind && strcmp (test->id, id) == 0)
        return test;
    }
  return NULL;
}

gboolean
derm_atlas_nerve_contains (DermAtlas  *self,
                           const char *nerve,
                           const char *branch)
{
  const DermNerve *n;
  guint depth = 0;

  g_return_val_if_fail (DERM_IS_ATLAS (self), FALSE);

  if (nerve == NULL || branch == NULL)
    return FALSE;
  /* the loader refuses cycles; the depth bound is a second guard */
  for (n = derm_atlas_get_nerve (self, branch); n != NULL && depth <= self->nerves->len;
       n = derm_atlas_get_nerve (self, n->parent), depth++)
    if (strcmp (n->id, nerve) == 0)
      return TRUE;
  return FALSE;
}
