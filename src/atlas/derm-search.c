/* derm-search.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <string.h>

#include "derm-atlas-private.h"

/* How well text matches query (both already folded), 0 for not at all. */
static int
score_text (const char *query,
            const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return 0;
  folded = g_utf8_casefold (text, -1);
  if (strcmp (folded, query) == 0)
    return 100;
  if (g_str_has_prefix (folded, query))
    return 80;
  /* every word of the query starts a word of the text, accents ignored */
  if (g_str_match_string (query, text, TRUE))
    return 60;
  if (strstr (folded, query) != NULL)
    return 40;
  return 0;
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const DermSearchHit *ha = *(const DermSearchHit * const *) a;
  const DermSearchHit *hb = *(const DermSearchHit * const *) b;

  if (ha->score != hb->score)
    return hb->score - ha->score;
  if ((ha->root != NULL) != (hb->root != NULL))
    return ha->root != NULL ? -1 : 1;
  if (ha->root != NULL)
    return (int) ha->root->index - (int) hb->root->index;
  return (int) ha->region->index - (int) hb->region->index;
}

/**
 * derm_atlas_search:
 * @text: what the user typed: "big toe", "inner ankle", "L5", "ankle jerk"
 *
 * Returns: (transfer container): DermSearchHit items, best first; free the array.
 */
GPtrArray *
derm_atlas_search (DermAtlas  *self,
                   const char *text)
{
  static const char * const root_fields[] = { "key-muscle", "reflex", "key-point", NULL };
  GPtrArray *hits = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *stripped = NULL;
  g_autofree char *query = NULL;

  g_return_val_if_fail (DERM_IS_ATLAS (self), hits);

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (stripped[0] == '\0')
    return hits;
  query = g_utf8_casefold (stripped, -1);

  for (guint i = 0; i < self->roots->len; i++)
    {
      DermRoot *root = g_ptr_array_index (self->roots, i);
      int best = score_text (query, root->id) + 20;

      if (best < 60)
        best = 0;
      for (guint f = 0; root_fields[f] != NULL; f++)
        {
          const DermStatement *statement = derm_root_get_statement (root, root_fields[f], -1);
          int s = statement != NULL ? score_text (query, statement->text) : 0;

          /* a muscle or reflex named is a weaker hit than the root itself */
          best = MAX (best, s / 2);
        }
      if (best > 0)
        {
          DermSearchHit *hit = g_new0 (DermSearchHit, 1);
          hit->root = root;
          hit->score = best;
          g_ptr_array_add (hits, hit);
        }
    }

  for (guint i = 0; i < self->regions->len; i++)
    {
      DermRegion *region = g_ptr_array_index (self->regions, i);
      int best = score_text (query, region->name);

      for (guint s = 0; region->synonyms[s] != NULL; s++)
        best = MAX (best, score_text (query, region->synonyms[s]) - 5);

      if (best > 0)
        {
          DermSearchHit *hit = g_new0 (DermSearchHit, 1);
          hit->region = region;
          hit->score = best;
          g_ptr_array_add (hits, hit);
        }
    }

  g_ptr_array_sort (hits, compare_hits);
  return hits;
}
