/* derm-localizer.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ranks the roots, nerves and patterns that could explain a chart. Each
 * finding of the chart gets a weight (an abnormal finding more than a
 * normal one, weakness more than one patch of skin, pain least), and each
 * candidate says how strongly it predicts each finding: explained weight
 * over everything the chart shows, what the candidate predicted but was
 * found normal, and how much of its skin the chart left unmarked. The
 * method and its evidence are in data/LOCALIZER.md.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <math.h>
#include <string.h>

#include "derm-geometry.h"
#include "derm-localizer-private.h"

/* How much one finding weighs. Normal findings count, but less than
 * abnormal ones: mild weakness is easy to miss (clinical.md 5b). */
#define W_SKIN_NORMAL      0.5
#define W_MOTOR_NORMAL     0.6
#define W_REFLEX_NORMAL    0.5
#define W_WEAK_SIGN        0.4   /* anal wink, bulbocavernosus: absent in some healthy people */

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

static double
skin_weight (DermFinding finding)
{
  switch (finding)
    {
    case DERM_FINDING_ABSENT:
      return 1.0;
    case DERM_FINDING_REDUCED:
      return 0.8;
    case DERM_FINDING_PARAESTHESIA:
      return 0.6;
    case DERM_FINDING_INCREASED:
      return 0.4;
    case DERM_FINDING_PAIN:
      /* pain location is a weak guide to the root (kortelainen1985) */
      return 0.3;
    case DERM_FINDING_NORMAL:
    case DERM_N_FINDINGS:
    default:
      return W_SKIN_NORMAL;
    }
}

static double
motor_weight (int grade)
{
  static const double weights[] = { 1.6, 1.6, 1.5, 1.3, 1.0, W_MOTOR_NORMAL };
  return weights[CLAMP (grade, 0, 5)];
}

static double
reflex_weight (int grade)
{
  return grade == 0 ? 1.2 : grade == 1 ? 0.9 : W_REFLEX_NORMAL;
}

static void
finding_free (gpointer data)
{
  Finding *f = data;

  g_free (f->label);
  g_free (f);
}

static Finding *
add_finding (Context     *ctx,
             FindingKind  kind,
             DermSide     side,
             gboolean     abnormal,
             double       weight,
             char        *label)
{
  Finding *f = g_new0 (Finding, 1);

  f->kind = kind;
  f->side = side;
  f->abnormal = abnormal;
  f->weight = weight;
  f->label = label;
  g_ptr_array_add (ctx->findings, f);
  return f;
}

/* --- the findings of a chart --------------------------------------------- */

static void
collect_skin (Context   *ctx,
              DermChart *chart)
{
  GPtrArray *sensory = derm_chart_get_sensory (chart);
  GPtrArray *key_points = derm_chart_get_key_points (chart);

  ctx->skin_examined = sensory != NULL || key_points != NULL;

  for (guint i = 0; sensory != NULL && i < sensory->len; i++)
    {
      const DermChartSensory *entry = g_ptr_array_index (sensory, i);
      g_autofree char *svg_id = g_strdup_printf ("%s-%s", entry->region, derm_side_to_string (entry->side));
      const DermRegion *region = derm_atlas_get_region (ctx->atlas, svg_id);
      gboolean abnormal = derm_finding_is_abnormal (entry->finding);
      Finding *f;

      if (region == NULL)
        continue;
      f = add_finding (ctx, FINDING_SKIN, entry->side, abnormal, skin_weight (entry->finding),
                       g_strdup_printf ("%s %s", entry->region, derm_finding_to_string (entry->finding)));
      f->region = region;
      f->skin_loss = entry->finding == DERM_FINDING_ABSENT || entry->finding == DERM_FINDING_REDUCED ||
                     entry->finding == DERM_FINDING_PARAESTHESIA;
      g_hash_table_add (ctx->charted, (gpointer) region);
    }

  for (guint i = 0; key_points != NULL && i < key_points->len; i++)
    {
      const DermChartKeyPoint *entry = g_ptr_array_index (key_points, i);
      const DermKeyPoint *kp = derm_atlas_get_key_point (ctx->atlas, entry->root, entry->side);
      int worst = 3;
      GString *label;
      Finding *f;

      if (kp == NULL)
        kp = derm_atlas_get_key_point (ctx->atlas, entry->root, DERM_SIDE_MID);
      if (kp == NULL)
        continue;
      if (entry->light_touch >= 0)
        worst = MIN (worst, entry->light_touch);
      if (entry->pin_prick >= 0)
        worst = MIN (worst, entry->pin_prick);
      if (worst > 2)
        continue;  /* not tested */

      label = g_string_new (NULL);
      g_string_append_printf (label, "%s key point", entry->root);
      if (entry->light_touch >= 0)
        g_string_append_printf (label, " light-touch %d", entry->light_touch);
      if (entry->pin_prick >= 0)
        g_string_append_printf (label, " pin-prick %d", entry->pin_prick);
      f = add_finding (ctx, FINDING_KEY_POINT, entry->side, worst < 2,
                       worst == 0 ? 1.0 : worst == 1 ? 0.8 : W_SKIN_NORMAL,
                       g_string_free (label, FALSE));
      f->region = kp->region;
      f->kp_root = derm_atlas_get_root (ctx->atlas, entry->root);
      f->skin_loss = worst < 2;
      if (kp->region != NULL)
        g_hash_table_add (ctx->charted, (gpointer) kp->region);
    }
}

static int
other_side_grade (GPtrArray           *list,
                  const DermChartTest *entry)
{
  for (guint i = 0; i < list->len; i++)
    {
      const DermChartTest *other = g_ptr_array_index (list, i);

      if (other != entry && other->side != entry->side && strcmp (other->test, entry->test) == 0)
        return other->grade;
    }
  return DERM_GRADE_NONE;
}

static void
collect_tests (Context   *ctx,
               DermChart *chart)
{
  GPtrArray *motor = derm_chart_get_motor (chart);
  GPtrArray *reflexes = derm_chart_get_reflexes (chart);

  for (guint i = 0; motor != NULL && i < motor->len; i++)
    {
      const DermChartTest *entry = g_ptr_array_index (motor, i);
      const DermExamTest *test = derm_atlas_get_exam_test (ctx->atlas, DERM_TEST_MOTOR, entry->test);
      Finding *f;

      if (test == NULL || entry->grade < 0)
        continue;
      f = add_finding (ctx, FINDING_MOTOR, entry->side, entry->grade < 5, motor_weight (entry->grade),
                       g_strdup_printf ("%s %d", entry->test, entry->grade));
      f->test = test;
    }

  for (guint i = 0; reflexes != NULL && i < reflexes->len; i++)
    {
      const DermChartTest *entry = g_ptr_array_index (reflexes, i);
      const DermExamTest *test = derm_atlas_get_exam_test (ctx->atlas, DERM_TEST_REFLEX, entry->test);
      Finding *f;

      if (test == NULL)
        continue;
      if (test->upper_motor_neuron)
        {
          gboolean extensor = entry->response == DERM_PLANTAR_EXTENSOR;
          gboolean equivocal = entry->response == DERM_PLANTAR_EQUIVOCAL;

          if (entry->response == DERM_PLANTAR_NONE)
            continue;
          f = add_finding (ctx, FINDING_UMN, entry->side, extensor || equivocal,
                           extensor ? 1.5 : equivocal ? 0.3 : W_REFLEX_NORMAL,
                           g_strdup_printf ("%s %s", entry->test, derm_plantar_to_string (entry->response)));
          f->test = test;
          f->umn_strong = extensor;
          continue;
        }
      if (entry->grade < 0)
        continue;
      if (entry->grade >= 3)
        {
          int other = other_side_grade (reflexes, entry);
          /* clonus points above the roots; a brisk reflex against a normal
           * one on the other side a little (against a reduced one, the
           * asymmetry is the other side's); symmetric brisk reflexes alone
           * can be normal (clinical.md 5b). Brisk reflexes count as an
           * upper motor neuron sign with spread: two on one side. */
          gboolean asymmetric = other == 2 || (other >= 0 && other < 2 && entry->grade == 4);

          /* the same brisk reflex on both sides, no clonus: not a finding */
          if (entry->grade == 3 && other == 3)
            {
              ctx->symmetric_brisk = TRUE;
              continue;
            }

          f = add_finding (ctx, FINDING_UMN, entry->side, TRUE,
                           entry->grade == 4 ? 1.5 : asymmetric ? 0.5 : 0.3,
                           g_strdup_printf ("%s %d", entry->test, entry->grade));
          f->test = test;
          f->umn_strong = entry->grade == 4;
          f->brisk = entry->grade == 3;
          continue;
        }
      f = add_finding (ctx, FINDING_REFLEX, entry->side, entry->grade < 2, reflex_weight (entry->grade),
                       g_strdup_printf ("%s %d", entry->test, entry->grade));
      f->test = test;
      if (test->weak_sign)
        f->weight *= W_WEAK_SIGN;
    }
}

static void
collect_red_flags (Context   *ctx,
                   DermChart *chart)
{
  DermRedFlags flags = 0;

  if (!derm_chart_get_red_flags (chart, &flags))
    return;
  for (guint bit = 0; bit < DERM_N_RED_FLAGS; bit++)
    {
      DermRedFlags flag = 1u << bit;
      Finding *f;

      if (!(flags & flag))
        continue;
      /* progressive weakness says how urgent, not where */
      if (flag == DERM_RED_FLAG_PROGRESSIVE_WEAKNESS)
        {
          ctx->progressive = TRUE;
          continue;
        }
      f = add_finding (ctx, FINDING_FLAG, DERM_SIDE_MID, TRUE,
                       flag == DERM_RED_FLAG_BILATERAL_SYMPTOMS ? 0.6 : 1.2,
                       g_strdup (derm_red_flag_to_string (flag)));
      f->flag = flag;
    }
}

static gboolean
same_place (const Finding *a,
            const Finding *b)
{
  if (a->kind != b->kind)
    return FALSE;
  switch (a->kind)
    {
    case FINDING_SKIN:
      return strcmp (a->region->name_id, b->region->name_id) == 0;
    case FINDING_KEY_POINT:
      return a->kp_root == b->kp_root;
    case FINDING_MOTOR:
    case FINDING_REFLEX:
    case FINDING_UMN:
      return a->test == b->test;
    case FINDING_FLAG:
    default:
      return FALSE;
    }
}

/* An abnormal finding with its match on the other leg: what a
 * symmetric process (a polyneuropathy, a cauda equina) gives. */
static void
mark_mirrored (Context *ctx)
{
  for (guint i = 0; i < ctx->findings->len; i++)
    {
      Finding *f = g_ptr_array_index (ctx->findings, i);

      if (!f->abnormal || f->side == DERM_SIDE_MID)
        continue;
      for (guint j = 0; j < ctx->findings->len && !f->mirrored; j++)
        {
          const Finding *g = g_ptr_array_index (ctx->findings, j);

          if (g->abnormal && g->side != DERM_SIDE_MID && g->side != f->side && same_place (f, g))
            f->mirrored = TRUE;
        }
    }
}

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
      *m = 0.2;
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
  ctx->findings = g_ptr_array_new_with_free_func (finding_free);
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
  collect_skin (ctx, chart);
  collect_tests (ctx, chart);
  collect_red_flags (ctx, chart);
  mark_mirrored (ctx);

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
    g_ptr_array_add (shown, umn);
  if (cauda_first)
    g_ptr_array_add (shown, cauda);
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
      if (best <= 0.0)
        best = h->score;
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
