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

/* The query without the symptom words typed around the place ("numb
 * heel": "heel"); a word is passed over when it starts with one of them
 * ("numbness"). The query itself when nothing else is left. */
static char *
strip_symptoms (DermAtlas  *self,
                const char *query)
{
  g_auto (GStrv) words = g_strsplit_set (query, " \t", -1);
  g_autoptr (GString) kept = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean symptom = FALSE;

      if (words[i][0] == '\0')
        continue;
      for (guint s = 0; s < self->symptom_words->len && !symptom; s++)
        {
          g_autofree char *folded = g_utf8_casefold (g_ptr_array_index (self->symptom_words, s), -1);
          symptom = g_str_has_prefix (words[i], folded);
        }
      if (symptom)
        continue;
      if (kept->len > 0)
        g_string_append_c (kept, ' ');
      g_string_append (kept, words[i]);
    }
  return kept->len > 0 ? g_string_free (g_steal_pointer (&kept), FALSE) : g_strdup (query);
}

static int
score_synonyms (const char         *query,
                const char * const *synonyms)
{
  int best = 0;

  /* a synonym is a weaker hit than the name itself */
  for (guint s = 0; synonyms != NULL && synonyms[s] != NULL; s++)
    best = MAX (best, score_text (query, synonyms[s]) - 5);
  return best;
}

/* The hit of a region, made on first need. */
static DermSearchHit *
region_hit (GHashTable       *by_region,
            GPtrArray        *hits,
            const DermRegion *region)
{
  DermSearchHit *hit = g_hash_table_lookup (by_region, region);

  if (hit == NULL)
    {
      hit = g_new0 (DermSearchHit, 1);
      hit->region = region;
      g_ptr_array_add (hits, hit);
      g_hash_table_insert (by_region, (gpointer) region, hit);
    }
  return hit;
}

/* A nerve found by name or synonym gives the regions of its skin, its
 * branches' included, in the data's order: the first named comes first. */
static void
add_nerve_regions (DermAtlas       *self,
                   const DermNerve *nerve,
                   int              score,
                   GHashTable      *by_region,
                   GPtrArray       *hits)
{
  int position = 0;

  for (guint n = 0; n < self->nerves->len; n++)
    {
      const DermNerve *branch = g_ptr_array_index (self->nerves, n);

      if (branch != nerve && !derm_atlas_nerve_contains (self, nerve->id, branch->id))
        continue;
      for (guint r = 0; branch->regions[r] != NULL; r++, position++)
        {
          int s = MAX (score - MIN (position, 10), 1);

          for (guint i = 0; i < self->regions->len; i++)
            {
              const DermRegion *region = g_ptr_array_index (self->regions, i);
              DermSearchHit *hit;

              if (strcmp (region->name_id, branch->regions[r]) != 0)
                continue;
              hit = region_hit (by_region, hits, region);
              if (s > hit->score)
                {
                  hit->score = s;
                  hit->nerve = nerve;
                }
            }
        }
    }
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
 * @text: what the user typed: "big toe", "inner ankle", "L5", "ankle jerk",
 *   "foot drop", "sural", "numb heel"
 *
 * Returns: (transfer container): DermSearchHit items, best first; free the array.
 */
GPtrArray *
derm_atlas_search (DermAtlas  *self,
                   const char *text)
{
  static const char * const root_fields[] = { "key-muscle", "reflex", "key-point", NULL };
  GPtrArray *hits = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) by_region = g_hash_table_new (NULL, NULL);
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *query = NULL;

  g_return_val_if_fail (DERM_IS_ATLAS (self), hits);

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (stripped[0] == '\0')
    return hits;
  folded = g_utf8_casefold (stripped, -1);
  query = strip_symptoms (self, folded);

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
      /* what clinicians call a root's picture: "foot drop", "sciatica" */
      for (guint s = 0; s < root->statements->len; s++)
        {
          const DermStatement *statement = g_ptr_array_index (root->statements, s);

          if (strcmp (statement->field, "synonym") == 0)
            best = MAX (best, score_text (query, statement->text) - 5);
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
      int best = MAX (score_text (query, region->name),
                      score_synonyms (query, (const char * const *) region->synonyms));

      if (best > 0)
        region_hit (by_region, hits, region)->score = best;
    }

  for (guint i = 0; i < self->nerves->len; i++)
    {
      const DermNerve *nerve = g_ptr_array_index (self->nerves, i);
      int best = MAX (score_text (query, nerve->name) - 5,
                      score_synonyms (query, (const char * const *) nerve->synonyms));

      if (best > 0)
        add_nerve_regions (self, nerve, best, by_region, hits);
    }

  g_ptr_array_sort (hits, compare_hits);
  return hits;
}
