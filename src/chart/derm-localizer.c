/* derm-localizer.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ranks the roots, nerves and patterns that could explain a chart. Each
 * finding of the chart gets a weight (an abnormal finding more than a
 * normal one, weakness more than one patch of skin, pain least), and each
 * candidate says how strongly it predicts each finding: explained weight
 * over everything the chart shows, what the candidate predicted but was
 * found normal, and how much of its skin the chart left unmarked. The
 * method and its evidence are in data/LOCALIZER.md; the findings are
 * gathered in derm-localizer-findings.c, what each candidate predicts is
 * derm-localizer-expect.c, and what it says derm-localizer-explain.c.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <math.h>
#include <string.h>

#include "derm-geometry.h"
#include "derm-localizer-private.h"

/* How much of an unmarked territory counts against a candidate, as a share
 * of the abnormal skin: root loss is usually partial (lee2008), nerve loss
 * fills its territory with a sharp edge (preston-shapiro). */
#define SPARE_ROOT         0.3
#define SPARE_NERVE        0.5
#define SPARE_PATTERN      0.3

/* Candidates worth showing. */
#define MIN_SCORE          0.2
#define MIN_SHARE_OF_BEST  0.45
#define MAX_CANDIDATES     8

/* --- region areas, for how much of a territory is spared ---------------- */

static void
areas_free (gpointer data)
{
  g_free (data);
}

/* Area of every region in view units, from the hit-testing id map on a
 * two-unit grid; kept with the atlas. */
static const double *
get_areas (DermAtlas *atlas)
{
  double *areas = g_object_get_data (G_OBJECT (atlas), "derm-localizer-areas");
  GPtrArray *regions;

  if (areas != NULL)
    return areas;

  regions = derm_atlas_get_regions (atlas);
  areas = g_new0 (double, regions->len);
  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    for (double y = 1; y < DERM_VIEW_HEIGHT; y += 2)
      for (double x = 1; x < DERM_VIEW_WIDTH; x += 2)
        {
          const DermRegion *region = derm_geometry_region_at (atlas, view, x, y);
          if (region != NULL)
            areas[region->index] += 4.0;
        }
  /* a region too small for the grid still counts a little */
  for (guint i = 0; i < regions->len; i++)
    areas[i] = MAX (areas[i], 4.0);
  g_object_set_data_full (G_OBJECT (atlas), "derm-localizer-areas", areas, areas_free);
  return areas;
}

/* --- candidates ------------------------------------------------------------ */

static void
hypothesis_free (gpointer data)
{
  Hypothesis *h = data;

  g_clear_pointer (&h->skin, g_hash_table_unref);
  g_free (h);
}

static Hypothesis *
add_hypothesis (GPtrArray         *list,
                DermCandidateKind  kind,
                const char        *id,
                DermCandidateSide  side)
{
  Hypothesis *h = g_new0 (Hypothesis, 1);

  h->kind = kind;
  h->id = id;
  h->side = side;
  g_ptr_array_add (list, h);
  return h;
}

static GHashTable *
nerve_skin (DermAtlas       *atlas,
            const DermNerve *nerve)
{
  GPtrArray *nerves = derm_atlas_get_nerves (atlas);
  GHashTable *skin = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < nerves->len; i++)
    {
      const DermNerve *branch = g_ptr_array_index (nerves, i);

      if (!derm_atlas_nerve_contains (atlas, nerve->id, branch->id))
        continue;
      for (guint r = 0; branch->regions[r] != NULL; r++)
        g_hash_table_add (skin, branch->regions[r]);
    }
  return skin;
}

static GPtrArray *
make_hypotheses (Context *ctx)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (hypothesis_free);
  GPtrArray *roots = derm_atlas_get_roots (ctx->atlas);
  GPtrArray *nerves = derm_atlas_get_nerves (ctx->atlas);
  static const DermCandidateSide sides[] = { DERM_CANDIDATE_LEFT, DERM_CANDIDATE_RIGHT, DERM_CANDIDATE_BOTH };

  for (guint i = 0; i < roots->len; i++)
    for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
      {
        const DermRoot *root = g_ptr_array_index (roots, i);
        Hypothesis *h = add_hypothesis (list, DERM_CANDIDATE_ROOT, root->id, sides[s]);
        h->root = root;
      }
  for (guint i = 0; i < nerves->len; i++)
    for (guint s = 0; s < 2; s++)
      {
        const DermNerve *nerve = g_ptr_array_index (nerves, i);
        Hypothesis *h = add_hypothesis (list, DERM_CANDIDATE_NERVE, nerve->id, sides[s]);
        h->nerve = nerve;
        h->skin = nerve_skin (ctx->atlas, nerve);
      }
  add_hypothesis (list, DERM_CANDIDATE_PATTERN, "upper-motor-neuron", DERM_CANDIDATE_BOTH)->pattern = PATTERN_UMN;
  add_hypothesis (list, DERM_CANDIDATE_PATTERN, "cauda-equina", DERM_CANDIDATE_BOTH)->pattern = PATTERN_CAUDA;
  add_hypothesis (list, DERM_CANDIDATE_PATTERN, "polyneuropathy", DERM_CANDIDATE_BOTH)->pattern = PATTERN_POLY;
  return list;
}

/* Whether a region is the candidate's skin, for how much of it is spared. */
static gboolean
in_territory (Context          *ctx,
              const Hypothesis *h,
              const DermRegion *region)
{
  if (region->side != DERM_SIDE_MID && h->side != DERM_CANDIDATE_BOTH &&
      (h->side == DERM_CANDIDATE_LEFT) != (region->side == DERM_SIDE_LEFT))
    return FALSE;

  switch (h->kind)
    {
    case DERM_CANDIDATE_ROOT:
      return derm_map_region_has_root (ctx->map, region, h->root->id);
    case DERM_CANDIDATE_NERVE:
      return g_hash_table_contains (h->skin, region->name_id);
    case DERM_CANDIDATE_PATTERN:
    default:
      if (h->pattern == PATTERN_POLY)
        return _derm_localizer_distal (region->name_id) >= 0.8;
      if (h->pattern == PATTERN_CAUDA)
        return _derm_localizer_is_saddle (region->name_id);
      return FALSE;
    }
}

static double
spared_penalty (Context          *ctx,
                const Hypothesis *h)
{
  GPtrArray *regions = derm_atlas_get_regions (ctx->atlas);
  double territory = 0.0, charted = 0.0, share;

  if (!ctx->skin_examined || ctx->skin_total <= 0.0)
    return 0.0;
  if (h->kind == DERM_CANDIDATE_PATTERN && h->pattern == PATTERN_UMN)
    return 0.0;

  for (guint i = 0; i < regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (regions, i);

      if (!in_territory (ctx, h, region))
        continue;
      territory += ctx->areas[region->index];
      if (g_hash_table_contains (ctx->charted, region))
        charted += ctx->areas[region->index];
    }
  if (territory <= 0.0)
    return 0.0;

  share = h->kind == DERM_CANDIDATE_ROOT ? SPARE_ROOT :
          h->kind == DERM_CANDIDATE_NERVE ? SPARE_NERVE : SPARE_PATTERN;
  return share * ctx->skin_total * (1.0 - charted / territory);
}

static void
score_hypothesis (Context    *ctx,
                  Hypothesis *h)
{
  double explained = 0.0, contradicted = 0.0;

  h->weakens = FALSE;
  for (guint i = 0; i < ctx->findings->len && h->kind != DERM_CANDIDATE_PATTERN; i++)
    {
      const Finding *f = g_ptr_array_index (ctx->findings, i);
      double m, e;

      if (f->kind != FINDING_MOTOR || !f->abnormal)
        continue;
      _derm_localizer_expect (ctx, h, f, &m, &e);
      if (m >= 1.0)
        h->weakens = TRUE;
    }
  for (guint i = 0; i < ctx->findings->len; i++)
    {
      const Finding *f = g_ptr_array_index (ctx->findings, i);
      double m, e;

      _derm_localizer_expect (ctx, h, f, &m, &e);
      if (f->abnormal)
        explained += f->weight * m;
      else
        contradicted += f->weight * e;
    }
  h->explained = explained;
  h->spared = spared_penalty (ctx, h);
  h->score = explained / (ctx->total + contradicted + h->spared);
}

static int
compare_hypotheses (gconstpointer a,
                    gconstpointer b)
{
  const Hypothesis *ha = *(const Hypothesis * const *) a;
  const Hypothesis *hb = *(const Hypothesis * const *) b;

  if (fabs (ha->score - hb->score) > 1e-9)
    return ha->score > hb->score ? -1 : 1;
  /* a tie: the more specific candidate first (a smaller unmarked territory),
   * then a root before a nerve, then the atlas's order */
  if (fabs (ha->spared - hb->spared) > 1e-9)
    return ha->spared < hb->spared ? -1 : 1;
  if (ha->kind != hb->kind)
    return ha->kind < hb->kind ? -1 : 1;
  return ha->order < hb->order ? -1 : ha->order > hb->order;
}

/* --- the patterns that go first --------------------------------------------- */

static gboolean
has_umn_signs (Context *ctx)
{
  guint brisk[DERM_N_SIDES] = { 0, };

  for (guint i = 0; i < ctx->findings->len; i++)
    {
      const Finding *f = g_ptr_array_index (ctx->findings, i);

      if (f->kind != FINDING_UMN || !f->abnormal)
        continue;
      if (f->umn_strong)
        return TRUE;
      if (f->brisk)
        brisk[f->side]++;
    }
  /* spread with asymmetry: two brisk reflexes on one side, more than on
   * the other */
  return (brisk[DERM_SIDE_LEFT] >= 2 && brisk[DERM_SIDE_LEFT] > brisk[DERM_SIDE_RIGHT]) ||
         (brisk[DERM_SIDE_RIGHT] >= 2 && brisk[DERM_SIDE_RIGHT] > brisk[DERM_SIDE_LEFT]);
}

static DermCandidateSide
umn_side (Context *ctx)
{
  guint sides = 0;

  for (guint i = 0; i < ctx->findings->len; i++)
    {
      const Finding *f = g_ptr_array_index (ctx->findings, i);

      if (f->kind == FINDING_UMN && f->abnormal)
        sides |= 1u << f->side;
    }
  if (sides == (1u << DERM_SIDE_LEFT))
    return DERM_CANDIDATE_LEFT;
  if (sides == (1u << DERM_SIDE_RIGHT))
    return DERM_CANDIDATE_RIGHT;
  return DERM_CANDIDATE_BOTH;
}

/* Saddle or perianal sensory loss; bladder, bowel or sexual symptoms; lost
 * anal contraction. A lost anal wink alone is a weak sign (CHART.md). */
static gboolean
has_cauda_signs (Context *ctx)
{
  gboolean buttock[DERM_N_SIDES] = { FALSE, };

  for (guint i = 0; i < ctx->findings->len; i++)
    {
      const Finding *f = g_ptr_array_index (ctx->findings, i);

      if (!f->abnormal)
        continue;
      if (f->kind == FINDING_FLAG && f->flag != DERM_RED_FLAG_BILATERAL_SYMPTOMS)
        return TRUE;
      if (f->kind == FINDING_MOTOR && f->test->midline)
        return TRUE;
      if ((f->kind == FINDING_SKIN || f->kind == FINDING_KEY_POINT) && f->skin_loss && f->region != NULL &&
          _derm_localizer_is_saddle (f->region->name_id))
        {
          if (f->region->side == DERM_SIDE_MID)
            return TRUE;
          buttock[f->region->side] = TRUE;
        }
    }
  return buttock[DERM_SIDE_LEFT] && buttock[DERM_SIDE_RIGHT];
}

static double
best_single_explained (GPtrArray         *hypotheses,
                       DermCandidateSide  side)
{
  double best = 0.0;

  for (guint i = 0; i < hypotheses->len; i++)
    {
      const Hypothesis *h = g_ptr_array_index (hypotheses, i);

      if (h->side == side && (h->kind == DERM_CANDIDATE_ROOT ||
                              (h->kind == DERM_CANDIDATE_NERVE && !g_str_has_suffix (h->id, "-plexus"))))
        best = MAX (best, h->explained);
    }
  return best;
}

/* Abnormal findings on both legs that a polyneuropathy does not explain
 * well: root signs on both sides, which call for the cauda equina
 * questions; a stocking of numb toes does not. */
static gboolean
bilateral_root_signs (Context          *ctx,
                      const Hypothesis *poly)
{
  guint sides = 0;

  for (guint i = 0; i < ctx->findings->len; i++)
    {
      const Finding *f = g_ptr_array_index (ctx->findings, i);
      double m, e;

      if (!f->abnormal || f->side == DERM_SIDE_MID || f->kind == FINDING_UMN || f->kind == FINDING_FLAG)
        continue;
      _derm_localizer_expect (ctx, poly, f, &m, &e);
      if (m < 0.5)
        sides |= 1u << f->side;
    }
  return (sides & (1u << DERM_SIDE_LEFT)) && (sides & (1u << DERM_SIDE_RIGHT));
}

static gboolean
branch_shown (Context          *ctx,
              GPtrArray        *shown,
              const Hypothesis *h)
{
  for (guint i = 0; i < shown->len; i++)
    {
      const Hypothesis *other = g_ptr_array_index (shown, i);

      if (other->kind == DERM_CANDIDATE_NERVE && other->side == h->side &&
          other->explained >= h->explained - 1e-9 &&
          derm_atlas_nerve_contains (ctx->atlas, h->id, other->id))
        return TRUE;
    }
  return FALSE;
}

static gboolean
both_shown (GPtrArray      *shown,
            const DermRoot *root)
{
  for (guint i = 0; i < shown->len; i++)
    {
      const Hypothesis *h = g_ptr_array_index (shown, i);

      if (h->root == root && h->side == DERM_CANDIDATE_BOTH)
        return TRUE;
    }
  return FALSE;
}

/* --- the result ------------------------------------------------------------------ */

static Context *
context_new (DermAtlas     *atlas,
             const DermMap *map)
{
  Context *ctx = g_new0 (Context, 1);

  ctx->atlas = atlas;
  ctx->map = map;
  ctx->findings = g_ptr_array_new_with_free_func (_derm_localizer_finding_free);
  ctx->charted = g_hash_table_new (NULL, NULL);
  ctx->areas = get_areas (atlas);
  return ctx;
}

static void
context_free (Context *ctx)
{
  g_ptr_array_unref (ctx->findings);
  g_hash_table_unref (ctx->charted);
  g_free (ctx);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Context, context_free)

DermLocalization *
derm_localize (DermAtlas   *atlas,
               DermChart   *chart,
               const char  *map_id,
               GError     **error)
{
  g_autoptr (Context) ctx = NULL;
  g_autoptr (GPtrArray) hypotheses = NULL;
  g_autoptr (GPtrArray) shown = g_ptr_array_new ();
  const DermMap *map;
  DermLocalization *result;
  Hypothesis *umn = NULL, *cauda = NULL, *poly = NULL;
  gboolean umn_first, cauda_first, bilateral;
  double best = 0.0;

  g_return_val_if_fail (DERM_IS_ATLAS (atlas), NULL);
  g_return_val_if_fail (DERM_IS_CHART (chart), NULL);

  if (map_id == NULL)
    map_id = derm_chart_get_map (chart);
  map = derm_atlas_get_map (atlas, map_id);
  if (map == NULL)
    {
      g_set_error (error, DERM_CHART_ERROR, DERM_CHART_ERROR_INVALID,
                   "unknown map “%s” (see dermatomes --list-maps)", map_id);
      return NULL;
    }

  ctx = context_new (atlas, map);
  _derm_localizer_collect (ctx, chart);

  for (guint i = 0; i < ctx->findings->len; i++)
    {
      const Finding *f = g_ptr_array_index (ctx->findings, i);

      if (!f->abnormal)
        continue;
      ctx->total += f->weight;
      if (f->kind == FINDING_SKIN || f->kind == FINDING_KEY_POINT)
        ctx->skin_total += f->weight;
    }

  result = g_new0 (DermLocalization, 1);
  result->map = g_strdup (map->id);
  result->candidates = g_ptr_array_new_with_free_func (_derm_candidate_free);
  result->warnings = g_ptr_array_new_with_free_func (g_free);
  result->abnormal = ctx->total > 0.0;
  if (ctx->symmetric_brisk)
    g_ptr_array_add (result->warnings,
                     g_strdup ("brisk reflexes on both sides, without clonus, an extensor plantar or "
                               "spread: symmetric brisk reflexes alone can be normal [preston-shapiro]"));
  if (!result->abnormal)
    return result;

  hypotheses = make_hypotheses (ctx);
  for (guint i = 0; i < hypotheses->len; i++)
    {
      Hypothesis *h = g_ptr_array_index (hypotheses, i);

      h->order = i;
      score_hypothesis (ctx, h);
      if (h->kind == DERM_CANDIDATE_PATTERN)
        {
          if (h->pattern == PATTERN_UMN)
            umn = h;
          else if (h->pattern == PATTERN_CAUDA)
            cauda = h;
          else
            poly = h;
        }
    }

  /* a root on both sides only where it does better than on either one */
  for (guint i = 0; i < hypotheses->len; i++)
    {
      Hypothesis *h = g_ptr_array_index (hypotheses, i);

      if (h->kind == DERM_CANDIDATE_ROOT && h->side == DERM_CANDIDATE_BOTH)
        {
          const Hypothesis *left = g_ptr_array_index (hypotheses, i - 2);
          const Hypothesis *right = g_ptr_array_index (hypotheses, i - 1);

          if (h->score <= MAX (left->score, right->score) + 1e-9)
            h->score = 0.0;
        }
    }

  umn_first = has_umn_signs (ctx);
  cauda_first = has_cauda_signs (ctx);
  bilateral = bilateral_root_signs (ctx, poly);
  umn->side = umn_side (ctx);
  umn->forced = umn_first;
  cauda->forced = cauda_first;

  g_ptr_array_sort (hypotheses, compare_hypotheses);

  /* upper motor neuron signs, then cauda equina signs, go first whatever
   * their fit: no root or nerve explains them, and the second is urgent */
  if (umn_first)
    {
      g_ptr_array_add (shown, umn);
      best = MAX (best, umn->score);
    }
  if (cauda_first)
    {
      g_ptr_array_add (shown, cauda);
      best = MAX (best, cauda->score);
    }
  for (guint i = 0; i < hypotheses->len; i++)
    {
      Hypothesis *h = g_ptr_array_index (hypotheses, i);

      if (h->explained <= 0.0 || (h == umn && umn_first) || (h == cauda && cauda_first))
        continue;
      /* symmetric brisk reflexes alone can be normal; a cauda equina
       * without its signs is a warning below, not a candidate */
      if (h == umn || h == cauda)
        continue;
      /* a plexus is a candidate where no single root or nerve explains
       * as much: findings across several nerves and roots of one leg */
      if (h->kind == DERM_CANDIDATE_NERVE && g_str_has_suffix (h->id, "-plexus") &&
          h->explained < best_single_explained (hypotheses, h->side) + 0.3)
        continue;
      /* a nerve whose branch above explains as much adds only what it
       * expected and was not found */
      if (h->kind == DERM_CANDIDATE_NERVE && branch_shown (ctx, shown, h))
        continue;
      /* a root on both sides above says it for each side */
      if (h->kind == DERM_CANDIDATE_ROOT && h->side != DERM_CANDIDATE_BOTH &&
          both_shown (shown, h->root))
        continue;
      best = MAX (best, h->score);
      if (shown->len >= MAX_CANDIDATES || h->score < MIN_SCORE || h->score < MIN_SHARE_OF_BEST * best)
        break;
      g_ptr_array_add (shown, h);
    }
  if (shown->len == 0)
    {
      /* nothing fits well: still show the best one, honestly scored; when
       * that is a brisk reflex or two, say what they may be */
      for (guint i = 0; i < hypotheses->len && shown->len == 0; i++)
        {
          Hypothesis *h = g_ptr_array_index (hypotheses, i);
          if (h->explained > 0.0 && h != cauda)
            g_ptr_array_add (shown, h);
        }
      if (shown->len > 0 && g_ptr_array_index (shown, 0) == (gpointer) umn)
        g_ptr_array_add (result->warnings,
                         g_strdup ("a brisk reflex without clonus, an extensor plantar or spread is a "
                                   "weak sign; brisk reflexes can be normal [preston-shapiro]"));
    }

  /* bilateral radicular signs without the signs of a cauda equina: a
   * warning, not the first candidate; a polyneuropathy on top explains both
   * legs without it */
  if (!cauda_first && bilateral && shown->len > 0 &&
      g_ptr_array_index (shown, umn_first ? MIN (1u, shown->len - 1) : 0) != (gpointer) poly)
    {
      if (!g_ptr_array_find (shown, cauda, NULL))
        g_ptr_array_add (shown, cauda);
      g_ptr_array_add (result->warnings,
                       g_strdup ("both legs have root signs: ask about saddle sensation, bladder, bowel "
                                 "and sexual function and examine the perianal skin and anal tone "
                                 "(cauda equina) [bmj-bp-ces]"));
    }
  if (cauda_first && umn_first)
    g_ptr_array_add (result->warnings,
                     g_strdup ("URGENT: sphincter or saddle signs with upper motor neuron signs: "
                               "emergency MRI of the spine, cord and conus included [bmj-bp-ces]"));
  else if (cauda_first)
    g_ptr_array_add (result->warnings,
                     g_strdup ("URGENT: signs of a cauda equina syndrome: emergency MRI [bmj-bp-ces]"));
  if (umn_first)
    g_ptr_array_add (result->warnings,
                     g_strdup ("upper motor neuron signs: a lesion above the conus (cord or brain) "
                               "that no root or nerve explains; a root lesion may be there as well "
                               "[preston-shapiro]"));
  if (ctx->progressive)
    g_ptr_array_add (result->warnings,
                     g_strdup ("progressive weakness: urgent assessment [bmj-bp-ces]"));

  _derm_localizer_build (ctx, shown, result, cauda_first ? cauda : NULL);
  return result;
}
