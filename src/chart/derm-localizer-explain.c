/* derm-localizer-explain.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the localizer says about each candidate: the findings for and
 * against it, the ones it leaves unexplained, what ranks the first one
 * above the next, and the sources; and the anatomy its patterns need.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <string.h>

#include "derm-localizer-private.h"

/* How far down the leg a region lies, for a length-dependent process:
 * toes and soles first, then up the legs as a stocking (preston-shapiro).
 * Regions not listed (thigh, hip, trunk) count 0. */
static const struct {
  const char *region;
  double      distal;
} distal_regions[] = {
  { "great-toe-dorsal", 1.0 }, { "great-toe-medial", 1.0 }, { "toes-dorsal", 1.0 },
  { "little-toe", 1.0 }, { "first-web-space", 1.0 }, { "sole-medial", 1.0 },
  { "sole-lateral", 1.0 }, { "dorsum-foot", 0.9 },
  { "sole-heel", 0.8 }, { "medial-heel", 0.8 }, { "lateral-heel", 0.8 },
  { "medial-foot", 0.8 }, { "lateral-foot", 0.8 },
  { "medial-malleolus", 0.6 }, { "lateral-malleolus", 0.6 }, { "achilles", 0.6 },
  { "anterolateral-leg-lower", 0.45 }, { "anteromedial-leg", 0.4 },
  { "posteromedial-calf", 0.4 }, { "posterolateral-calf", 0.4 }, { "calf-central", 0.35 },
  { "anterolateral-leg-upper", 0.2 },
  { "patella", 0.1 }, { "medial-knee", 0.1 }, { "lateral-knee", 0.1 }, { "popliteal-fossa", 0.1 },
};

/* The saddle: perineum, genitals, perianal skin and the medial buttocks
 * (clinical.md 6). */
static const char * const saddle_regions[] = {
  "perianal-outer", "perianal-inner", "genital", "buttock-medial", NULL
};

double
_derm_localizer_distal (const char *region)
{
  for (guint i = 0; i < G_N_ELEMENTS (distal_regions); i++)
    if (strcmp (distal_regions[i].region, region) == 0)
      return distal_regions[i].distal;
  return 0.0;
}

double
_derm_localizer_test_distal (const char *test)
{
  if (strcmp (test, "long-toe-extension") == 0 || strcmp (test, "toe-flexion") == 0)
    return 1.0;
  if (g_str_has_prefix (test, "ankle-"))
    return 0.6;
  if (g_str_has_prefix (test, "knee-"))
    return 0.15;
  if (g_str_has_prefix (test, "hip-"))
    return 0.05;
  return 0.0;
}

gboolean
_derm_localizer_is_saddle (const char *region)
{
  return g_strv_contains (saddle_regions, region);
}

const char *
derm_localizer_disclaimer (void)
{
  return "A teaching and reasoning aid, not a diagnosis: the bedside examination "
         "localizes a root only roughly (tawa2017, suri2011, iversen2013); "
         "electrodiagnosis and imaging decide.";
}

const char *
derm_candidate_kind_to_string (DermCandidateKind kind)
{
  switch (kind)
    {
    case DERM_CANDIDATE_ROOT:
      return "root";
    case DERM_CANDIDATE_NERVE:
      return "nerve";
    case DERM_CANDIDATE_PATTERN:
    default:
      return "pattern";
    }
}

const char *
derm_candidate_side_to_string (DermCandidateSide side)
{
  switch (side)
    {
    case DERM_CANDIDATE_LEFT:
      return "left";
    case DERM_CANDIDATE_RIGHT:
      return "right";
    case DERM_CANDIDATE_MID:
      return "mid";
    case DERM_CANDIDATE_BOTH:
    default:
      return "both";
    }
}

static void
evidence_free (gpointer data)
{
  DermEvidence *evidence = data;

  g_free (evidence->label);
  g_strfreev (evidence->sources);
  g_free (evidence);
}

void
_derm_candidate_free (gpointer data)
{
  DermCandidate *candidate = data;

  g_free (candidate->id);
  g_clear_pointer (&candidate->support, g_ptr_array_unref);
  g_clear_pointer (&candidate->against, g_ptr_array_unref);
  g_clear_pointer (&candidate->unexplained, g_ptr_array_unref);
  g_clear_pointer (&candidate->deciding, g_ptr_array_unref);
  g_free (candidate->rival);
  g_strfreev (candidate->sources);
  g_free (candidate);
}

void
derm_localization_free (DermLocalization *localization)
{
  if (localization == NULL)
    return;
  g_free (localization->map);
  g_ptr_array_unref (localization->candidates);
  g_ptr_array_unref (localization->warnings);
  g_free (localization);
}

/* Source ids the atlas has, in order, each once. */
static void
add_sources (GStrvBuilder       *builder,
             GHashTable         *seen,
             DermAtlas          *atlas,
             const char * const *ids)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (derm_atlas_get_source (atlas, ids[i]) != NULL && g_hash_table_add (seen, (gpointer) ids[i]))
      g_strv_builder_add (builder, ids[i]);
}

static char **
pattern_sources (Pattern pattern)
{
  static const char * const umn[] = { "preston-shapiro", NULL };
  static const char * const cauda[] = { "bmj-bp-ces", "gardner2011", NULL };
  static const char * const poly[] = { "preston-shapiro", NULL };

  switch (pattern)
    {
    case PATTERN_UMN:
      return (char **) umn;
    case PATTERN_CAUDA:
      return (char **) cauda;
    case PATTERN_POLY:
    case PATTERN_NONE:
    default:
      return (char **) poly;
    }
}

/* The candidate's own sources, then those behind each finding it weighs
 * (the medial hamstring reflex cites felsenthal1982). */
static char **
candidate_sources (Context          *ctx,
                   const Hypothesis *h,
                   DermCandidate    *candidate)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *lists[] = { candidate->support, candidate->against };

  switch (h->kind)
    {
    case DERM_CANDIDATE_ROOT:
      add_sources (builder, seen, ctx->atlas, (const char * const *) ctx->map->sources);
      break;
    case DERM_CANDIDATE_NERVE:
      add_sources (builder, seen, ctx->atlas, (const char * const *) h->nerve->sources);
      if (h->nerve->distinguish != NULL)
        add_sources (builder, seen, ctx->atlas, (const char * const *) h->nerve->distinguish->sources);
      break;
    case DERM_CANDIDATE_PATTERN:
    default:
      add_sources (builder, seen, ctx->atlas, (const char * const *) pattern_sources (h->pattern));
      break;
    }
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      add_sources (builder, seen, ctx->atlas,
                   (const char * const *) ((DermEvidence *) g_ptr_array_index (lists[l], i))->sources);
  return g_strv_builder_end (builder);
}

/* Why this finding counts for or against this candidate. */
static char **
finding_sources (Context          *ctx,
                 const Hypothesis *h,
                 const Finding    *f)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  static const char * const key_point[] = { "is19", NULL };

  if (f->test != NULL)
    add_sources (builder, seen, ctx->atlas, (const char * const *) f->test->sources);
  else if (h->kind == DERM_CANDIDATE_ROOT && f->kind == FINDING_KEY_POINT && f->kp_root == h->root)
    add_sources (builder, seen, ctx->atlas, key_point);
  else if (h->kind == DERM_CANDIDATE_ROOT)
    add_sources (builder, seen, ctx->atlas, (const char * const *) ctx->map->sources);
  else if (h->kind == DERM_CANDIDATE_NERVE)
    add_sources (builder, seen, ctx->atlas, (const char * const *) h->nerve->sources);
  else
    add_sources (builder, seen, ctx->atlas, (const char * const *) pattern_sources (h->pattern));
  return g_strv_builder_end (builder);
}

/* The finding's ids, with the side where the candidate's own side does not
 * say it already. */
static char *
finding_label (const Hypothesis *h,
               const Finding    *f)
{
  gboolean own = (h->side == DERM_CANDIDATE_LEFT && f->side == DERM_SIDE_LEFT) ||
                 (h->side == DERM_CANDIDATE_RIGHT && f->side == DERM_SIDE_RIGHT);

  if (f->side == DERM_SIDE_MID || own)
    return g_strdup (f->label);
  return g_strdup_printf ("%s %s", derm_side_to_string (f->side), f->label);
}

static DermEvidence *
evidence_new (Context          *ctx,
              const Hypothesis *h,
              const Finding    *f,
              double            weight)
{
  DermEvidence *evidence = g_new0 (DermEvidence, 1);

  evidence->label = finding_label (h, f);
  evidence->weight = weight;
  evidence->sources = finding_sources (ctx, h, f);
  return evidence;
}

static int
compare_evidence (gconstpointer a,
                  gconstpointer b)
{
  const DermEvidence *ea = *(const DermEvidence * const *) a;
  const DermEvidence *eb = *(const DermEvidence * const *) b;

  if (ea->weight != eb->weight)
    return ea->weight > eb->weight ? -1 : 1;
  return 0;
}

static void
fill_evidence (Context          *ctx,
               const Hypothesis *h,
               DermCandidate    *candidate)
{
  for (guint i = 0; i < ctx->findings->len; i++)
    {
      const Finding *f = g_ptr_array_index (ctx->findings, i);
      double m, e;

      _derm_localizer_expect (ctx, h, f, &m, &e);
      if (f->abnormal && m >= 0.3)
        g_ptr_array_add (candidate->support, evidence_new (ctx, h, f, f->weight * m));
      else if (f->abnormal && f->weight * (1.0 - m) >= 0.25)
        g_ptr_array_add (candidate->unexplained, evidence_new (ctx, h, f, f->weight * (1.0 - m)));
      else if (!f->abnormal && e >= 0.25)
        g_ptr_array_add (candidate->against, evidence_new (ctx, h, f, f->weight * e));
    }
  g_ptr_array_sort (candidate->support, compare_evidence);
  g_ptr_array_sort (candidate->against, compare_evidence);
  g_ptr_array_sort (candidate->unexplained, compare_evidence);
}

static double
contribution (Context          *ctx,
              const Hypothesis *h,
              const Finding    *f)
{
  double m, e;

  _derm_localizer_expect (ctx, h, f, &m, &e);
  return f->abnormal ? f->weight * m : -f->weight * e;
}

static char *
rival_name (const Hypothesis *top,
            const Hypothesis *rival)
{
  if (rival->side != top->side)
    return g_strdup_printf ("%s %s (%s)", derm_candidate_kind_to_string (rival->kind), rival->id,
                            derm_candidate_side_to_string (rival->side));
  return g_strdup_printf ("%s %s", derm_candidate_kind_to_string (rival->kind), rival->id);
}

/* The findings that rank the top candidate above the next one: those
 * whose difference in what the two predict counts most. */
static void
fill_deciding (Context          *ctx,
               const Hypothesis *top,
               const Hypothesis *rival,
               DermCandidate    *candidate)
{
  candidate->rival = rival_name (top, rival);
  for (guint i = 0; i < ctx->findings->len; i++)
    {
      const Finding *f = g_ptr_array_index (ctx->findings, i);
      double difference = contribution (ctx, top, f) - contribution (ctx, rival, f);

      if (difference >= 0.1)
        g_ptr_array_add (candidate->deciding, evidence_new (ctx, top, f, difference));
    }
  g_ptr_array_sort (candidate->deciding, compare_evidence);
  if (candidate->deciding->len > 3)
    g_ptr_array_set_size (candidate->deciding, 3);
}

void
_derm_localizer_build (Context          *ctx,
                       GPtrArray        *shown,
                       DermLocalization *result,
                       Hypothesis       *urgent)
{
  g_autofree double *scores = g_new0 (double, shown->len + 1);

  /* Scores never increase down the list: a pattern placed first takes at
   * least the score of what follows it, a warning placed last at most the
   * score of what precedes it. */
  for (guint i = shown->len; i-- > 0;)
    {
      const Hypothesis *h = g_ptr_array_index (shown, i);

      scores[i] = h->score;
      if (h->forced)
        scores[i] = MAX (scores[i], scores[i + 1]);
    }
  for (guint i = 1; i < shown->len; i++)
    scores[i] = MIN (scores[i], scores[i - 1]);

  for (guint i = 0; i < shown->len; i++)
    {
      const Hypothesis *h = g_ptr_array_index (shown, i);
      DermCandidate *candidate = g_new0 (DermCandidate, 1);

      candidate->kind = h->kind;
      candidate->id = g_strdup (h->id);
      candidate->side = h->side;
      candidate->score = CLAMP (scores[i], 0.0, 1.0);
      candidate->urgent = h == urgent;
      candidate->support = g_ptr_array_new_with_free_func (evidence_free);
      candidate->against = g_ptr_array_new_with_free_func (evidence_free);
      candidate->unexplained = g_ptr_array_new_with_free_func (evidence_free);
      candidate->deciding = g_ptr_array_new_with_free_func (evidence_free);
      fill_evidence (ctx, h, candidate);
      candidate->sources = candidate_sources (ctx, h, candidate);
      if (i == 0 && shown->len > 1)
        fill_deciding (ctx, h, g_ptr_array_index (shown, 1), candidate);
      g_ptr_array_add (result->candidates, candidate);
    }
}

static void
append_labels (GString    *out,
               GPtrArray  *list,
               const char *heading,
               guint       max)
{
  if (list->len == 0)
    return;
  if (out->len > 0)
    g_string_append (out, "; ");
  if (heading != NULL)
    g_string_append_printf (out, "%s: ", heading);
  for (guint i = 0; i < list->len && i < max; i++)
    {
      const DermEvidence *evidence = g_ptr_array_index (list, i);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, evidence->label);
    }
  if (list->len > max)
    g_string_append_printf (out, " and %u more", list->len - max);
}

char *
derm_candidate_dup_why (const DermCandidate *candidate)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (candidate != NULL, NULL);

  append_labels (out, candidate->support, NULL, 8);
  append_labels (out, candidate->against, "against", 5);
  append_labels (out, candidate->unexplained, "unexplained", 5);
  if (candidate->rival != NULL)
    {
      g_autofree char *heading = g_strdup_printf ("over %s", candidate->rival);

      if (candidate->deciding->len > 0)
        append_labels (out, candidate->deciding, heading, 3);
      else
        g_string_append_printf (out, "; %s: a closer fit to the charted skin", heading);
    }
  if (candidate->urgent)
    g_string_prepend (out, "URGENT, emergency MRI: ");
  if (candidate->sources != NULL && candidate->sources[0] != NULL)
    {
      g_autofree char *sources = g_strjoinv (", ", candidate->sources);
      g_string_append_printf (out, " [%s]", sources);
    }
  return g_string_free (out, FALSE);
}
