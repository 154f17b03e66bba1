/* derm-localizer-expect.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each candidate predicts of each finding: a root on the chart's
 * map, a nerve with its branches, and the three patterns.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <math.h>
#include <string.h>

#include "derm-localizer-private.h"

/* How much a finding on this side can belong to the candidate at all. */
static double
side_factor (const Hypothesis *h,
             const Finding    *f)
{
  if (f->side == DERM_SIDE_MID)
    return h->side == DERM_CANDIDATE_BOTH ? 1.0 : 0.6;
  if (h->side == DERM_CANDIDATE_BOTH)
    return 1.0;
  return (h->side == DERM_CANDIDATE_LEFT) == (f->side == DERM_SIDE_LEFT) ? 1.0 : 0.0;
}

static gboolean
root_in (const DermRoot *root,
         char          **roots)
{
  return roots != NULL && g_strv_contains ((const char * const *) roots, root->id);
}

static void
root_skin (Context          *ctx,
           const DermRoot   *root,
           const DermRegion *region,
           double           *m,
           double           *e)
{
  const char * const *roots = derm_map_get_roots (ctx->map, region);
  guint n = g_strv_length ((char **) roots);
  GPtrArray *maps = derm_atlas_get_maps (ctx->atlas);

  if (g_strv_contains (roots, root->id))
    {
      /* an overlap zone is partial evidence, not proof */
      *m = n == 1 ? 1.0 : 0.75;
      *e = n == 1 ? 0.5 : 0.25;
      return;
    }
  /* where the chart's map is blank (uncertain) or another map disagrees,
   * the other maps count a little */
  for (guint i = 0; i < maps->len; i++)
    {
      const DermMap *other = g_ptr_array_index (maps, i);

      if (other != ctx->map && derm_map_region_has_root (other, region, root->id))
        {
          *m = n == 0 ? 0.4 : 0.3;
          *e = 0.1;
          return;
        }
    }
  *m = *e = 0.0;
}

static void
root_expect (Context          *ctx,
             const Hypothesis *h,
             const Finding    *f,
             double           *m,
             double           *e)
{
  const DermExamTest *test = f->test;

  *m = *e = 0.0;
  switch (f->kind)
    {
    case FINDING_KEY_POINT:
      if (f->kp_root == h->root)
        {
          /* the key point is the most reliable place of its root (is19) */
          *m = 1.0;
          *e = 0.6;
          return;
        }
      if (f->region != NULL)
        root_skin (ctx, h->root, f->region, m, e);
      return;
    case FINDING_SKIN:
      root_skin (ctx, h->root, f->region, m, e);
      return;
    case FINDING_MOTOR:
      if (root_in (h->root, test->roots))
        {
          /* a muscle of three roots or more resists a single root lesion */
          *m = 1.0;
          *e = g_strv_length (test->roots) >= 3 ? 0.35 : 0.6;
        }
      else if (root_in (h->root, test->also))
        {
          *m = 0.5;
          *e = 0.15;
        }
      return;
    case FINDING_REFLEX:
      /* a normal reflex argues less: a normal ankle jerk does not exclude S1 */
      if (root_in (h->root, test->roots))
        {
          *m = 1.0;
          *e = 0.45;
        }
      else if (root_in (h->root, test->also))
        {
          *m = 0.5;
          *e = 0.1;
        }
      return;
    case FINDING_FLAG:
      if (f->flag == DERM_RED_FLAG_BILATERAL_SYMPTOMS && h->side == DERM_CANDIDATE_BOTH)
        *m = 0.7;
      return;
    case FINDING_UMN:
    default:
      return;
    }
}

static gboolean
nerve_takes_test (Context          *ctx,
                  const Hypothesis *h,
                  char            **nerves)
{
  for (guint i = 0; nerves != NULL && nerves[i] != NULL; i++)
    if (derm_atlas_nerve_contains (ctx->atlas, h->nerve->id, nerves[i]))
      return TRUE;
  return FALSE;
}

static void
nerve_expect (Context          *ctx,
              const Hypothesis *h,
              const Finding    *f,
              double           *m,
              double           *e)
{
  *m = *e = 0.0;
  switch (f->kind)
    {
    case FINDING_SKIN:
    case FINDING_KEY_POINT:
      if (f->region != NULL && g_hash_table_contains (h->skin, f->region->name_id))
        {
          *m = 1.0;
          *e = 0.7;
        }
      return;
    case FINDING_MOTOR:
    case FINDING_REFLEX:
      if (nerve_takes_test (ctx, h, f->test->nerves))
        {
          *m = 1.0;
          *e = f->kind == FINDING_MOTOR ? 0.8 : 0.7;
        }
      else if (nerve_takes_test (ctx, h, f->test->partial))
        {
          *m = 0.5;
          *e = 0.2;
        }
      return;
    case FINDING_FLAG:
      if (strcmp (h->nerve->id, "pudendal") == 0 &&
          (f->flag == DERM_RED_FLAG_SADDLE_ANAESTHESIA || f->flag == DERM_RED_FLAG_SEXUAL))
        *m = 0.5;
      return;
    case FINDING_UMN:
    default:
      return;
    }
}

static gboolean
region_has_sacral_root (Context          *ctx,
                        const DermRegion *region,
                        gboolean          lumbar_too)
{
  GPtrArray *maps = derm_atlas_get_maps (ctx->atlas);

  for (guint i = 0; i < maps->len; i++)
    {
      const char * const *roots = derm_map_get_roots (g_ptr_array_index (maps, i), region);

      for (guint r = 0; roots[r] != NULL; r++)
        if (roots[r][0] == 'S' || (lumbar_too && (strcmp (roots[r], "L4") == 0 || strcmp (roots[r], "L5") == 0)))
          return TRUE;
    }
  return FALSE;
}

static gboolean
test_has_sacral_root (const DermExamTest *test)
{
  for (guint r = 0; test->roots[r] != NULL; r++)
    if (test->roots[r][0] == 'S' || strcmp (test->roots[r], "L5") == 0)
      return TRUE;
  return FALSE;
}

/* Cauda equina: saddle and perianal skin, the sphincter, the sacral roots
 * on both sides (clinical.md 6, bmj-bp-ces). */
static void
cauda_expect (Context       *ctx,
              const Finding *f,
              double        *m,
              double        *e)
{
  double both = f->mirrored || f->side == DERM_SIDE_MID ? 1.0 : 0.5;

  *m = *e = 0.0;
  switch (f->kind)
    {
    case FINDING_SKIN:
    case FINDING_KEY_POINT:
      if (f->region == NULL)
        return;
      if (_derm_localizer_is_saddle (f->region->name_id))
        {
          *m = 1.0;
          *e = 0.5;
        }
      else if (region_has_sacral_root (ctx, f->region, FALSE))
        *m = 0.6 * both;
      else if (region_has_sacral_root (ctx, f->region, TRUE))
        *m = 0.4 * both;
      return;
    case FINDING_MOTOR:
      if (strcmp (f->test->id, "anal-contraction") == 0)
        {
          *m = 1.0;
          *e = 0.6;
        }
      else
        *m = (test_has_sacral_root (f->test) ? 0.5 : 0.2) * both;
      return;
    case FINDING_REFLEX:
      if (f->test->midline)
        {
          *m = 1.0;
          *e = 0.3;
        }
      else
        *m = (test_has_sacral_root (f->test) ? 0.6 : 0.3) * both;
      return;
    case FINDING_FLAG:
      *m = f->flag == DERM_RED_FLAG_BILATERAL_SYMPTOMS ? 0.7 : 1.0;
      return;
    case FINDING_UMN:
    default:
      return;
    }
}

/* Length-dependent polyneuropathy: both sides, symmetric, distal first,
 * ankle jerks lost first, toe and ankle strength later (preston-shapiro). */
static void
poly_expect (const Finding *f,
             double        *m,
             double        *e)
{
  double symmetric = f->mirrored ? 1.0 : 0.35;
  double distal;

  *m = *e = 0.0;
  switch (f->kind)
    {
    case FINDING_SKIN:
    case FINDING_KEY_POINT:
      if (f->region == NULL)
        return;
      distal = _derm_localizer_distal (f->region->name_id);
      *m = distal * symmetric;
      /* normal skin on the toes and soles argues against it */
      *e = distal >= 0.9 ? 0.6 : 0.0;
      return;
    case FINDING_MOTOR:
      *m = 0.7 * _derm_localizer_test_distal (f->test->id) * symmetric;
      return;
    case FINDING_REFLEX:
      if (strcmp (f->test->id, "ankle-jerk") == 0)
        {
          *m = symmetric >= 1.0 ? 1.0 : 0.4;
          *e = 0.6;
        }
      else if (strcmp (f->test->id, "knee-jerk") == 0)
        *m = 0.4 * symmetric;
      return;
    case FINDING_FLAG:
      if (f->flag == DERM_RED_FLAG_BILATERAL_SYMPTOMS)
        *m = 0.8;
      return;
    case FINDING_UMN:
    default:
      return;
    }
}

/* A lesion above the conus: what no root or nerve explains. */
static void
umn_expect (const Finding *f,
            double        *m,
            double        *e)
{
  *m = *e = 0.0;
  switch (f->kind)
    {
    case FINDING_UMN:
      *m = 1.0;
      return;
    case FINDING_REFLEX:
      /* a flexor plantar counts against it, as a normal finding of its own */
      return;
    case FINDING_MOTOR:
      *m = 0.4;
      return;
    case FINDING_SKIN:
    case FINDING_KEY_POINT:
      /* a lesion of the cord numbs both legs alike; one-sided patches are
       * a root's or a nerve's */
      *m = f->mirrored ? 0.8 : 0.2;
      return;
    case FINDING_FLAG:
      *m = f->flag == DERM_RED_FLAG_BLADDER || f->flag == DERM_RED_FLAG_BOWEL ? 0.5 : 0.2;
      return;
    default:
      return;
    }
}

void
_derm_localizer_expect (Context          *ctx,
                        const Hypothesis *h,
                        const Finding    *f,
                        double           *m,
                        double           *e)
{
  double side = side_factor (h, f);

  *m = *e = 0.0;
  if (side <= 0.0)
    return;

  switch (h->kind)
    {
    case DERM_CANDIDATE_ROOT:
      root_expect (ctx, h, f, m, e);
      break;
    case DERM_CANDIDATE_NERVE:
      nerve_expect (ctx, h, f, m, e);
      break;
    case DERM_CANDIDATE_PATTERN:
    default:
      if (h->pattern == PATTERN_UMN)
        {
          umn_expect (f, m, e);
          /* a flexor plantar response is the normal finding that argues against it */
          if (f->kind == FINDING_UMN && !f->abnormal)
            *e = 0.5;
        }
      else if (h->pattern == PATTERN_CAUDA)
        cauda_expect (ctx, f, m, e);
      else
        poly_expect (f, m, e);
      break;
    }
  /* A root or nerve shown to weaken one muscle should weaken its other
   * main muscles too: a normal one then counts for more. */
  if (h->weakens && f->kind == FINDING_MOTOR && !f->abnormal)
    *e = MIN (1.0, *e * 1.4);
  *m *= side;
  *e *= side;
}
