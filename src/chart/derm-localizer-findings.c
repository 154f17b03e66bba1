/* derm-localizer-findings.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The findings of a chart as the localizer weighs them: each with its
 * weight, its place and whether the other leg has the same.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <math.h>
#include <string.h>

#include "derm-localizer-private.h"

/* How much one finding weighs. Normal findings count, but less than
 * abnormal ones: mild weakness is easy to miss (clinical.md 5b). */
#define W_SKIN_NORMAL      0.5
#define W_MOTOR_NORMAL     0.6
#define W_REFLEX_NORMAL    0.5
#define W_WEAK_SIGN        0.4   /* anal wink, bulbocavernosus: absent in some healthy people */
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

void
_derm_localizer_finding_free (gpointer data)
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

void
_derm_localizer_collect (Context   *ctx,
                         DermChart *chart)
{
  collect_skin (ctx, chart);
  collect_tests (ctx, chart);
  collect_red_flags (ctx, chart);
  mark_mirrored (ctx);
}
