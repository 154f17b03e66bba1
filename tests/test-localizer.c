/* test-localizer.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The localizer on textbook vignettes (tests/data/charts/): the first
 * candidate, and that its explanation names the finding that decides it;
 * then the rules of CHART.md that do not depend on fit: upper motor
 * neuron and cauda equina signs first, bilateral root signs as a warning,
 * nothing abnormal, scores not increasing.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <string.h>

#include "derm-bundle.h"
#include "derm-localizer.h"

static DermAtlas *atlas;

typedef struct {
  const char *file;
  const char *top;       /* "KIND ID SIDE" */
  const char *mentions;  /* in the first candidate's explanation: the deciding finding */
} Vignette;

static const Vignette vignettes[] = {
  /* L5 root versus common fibular nerve: hip abduction is the superior
   * gluteal nerve's, so a normal one argues for the fibular nerve */
  { "fibular-vs-l5", "nerve common-fibular left", "over root L5: hip-abduction 5" },
  { "common-fibular-inversion-kept", "nerve common-fibular right", "ankle-inversion 5" },
  { "l5-root", "root L5 left", "hip-abduction 4" },
  { "sciatic", "nerve sciatic right", "ankle-jerk 0" },
  { "deep-fibular", "nerve deep-fibular left", "ankle-eversion 5" },
  { "superficial-fibular", "nerve superficial-fibular right", "ankle-dorsiflexion 5" },
  /* S1 root versus sural nerve: the ankle jerk and plantar flexion */
  { "s1-root", "root S1 left", "ankle-jerk 0" },
  { "sural", "nerve sural right", "ankle-plantar-flexion 5" },
  { "s1-ankle-jerk-kept", "root S1 left", "hip-extension 4" },
  /* L3/L4 roots versus femoral nerve: hip adduction is the obturator's */
  { "femoral", "nerve femoral right", "hip-adduction 5" },
  { "l3-root", "root L3 left", "hip-adduction 4" },
  { "l4-root", "root L4 right", "hip-adduction 4" },
  { "saphenous", "nerve saphenous left", "knee-extension 5" },
  { "obturator", "nerve obturator right", "hip-flexion 5" },
  /* strength and reflexes normal: a sensory nerve rather than a root */
  { "meralgia", "nerve lateral-femoral-cutaneous right", "lateral-thigh-upper paraesthesia" },
  { "medial-plantar", "nerve medial-plantar left", "sole-medial paraesthesia" },
  { "l2-root", "root L2 left", "hip-flexion 4" },
  { "key-points-l5", "root L5 left", "L5 key point light-touch 1 pin-prick 1" },
  /* cases from a neurologist's review, with the noise of real charts */
  { "s1-relative-reflex-asymmetry", "root S1 right", "over nerve sacral-plexus: long-toe-extension 5, hip-abduction 5" },
  { "tarsal-tunnel", "nerve tibial-tarsal-tunnel right", "over nerve medial-plantar: sole-lateral reduced" },
  { "diabetic-amyotrophy", "nerve lumbosacral-plexus right", "hip-abduction 4" },
  { "sciatic-mimics-l5", "nerve sciatic left", "over nerve sacral-plexus: hip-abduction 5" },
  { "cauda-equina-subtle", "pattern cauda-equina both", "URGENT" },
  { "l4-mostly-sensory", "root L4 left", "over nerve femoral" },
  /* both legs */
  { "polyneuropathy", "pattern polyneuropathy both", "ankle-jerk 0" },
  { "bilateral-l5", "root L5 both", "over pattern polyneuropathy: left hip-abduction 4" },
  { "cauda-equina", "pattern cauda-equina both", "URGENT" },
  { "cauda-equina-sphincter", "pattern cauda-equina both", "anal-contraction 3" },
  /* above the roots */
  { "upper-motor-neuron", "pattern upper-motor-neuron left", "plantar extensor" },
  { "umn-and-l5", "pattern upper-motor-neuron right", "plantar extensor" },
  /* a cord lesion: both legs numb alike below the trunk, clonus, extensor plantars */
  { "cord-lesion", "pattern upper-motor-neuron both", "right plantar extensor" },
};

static DermChart *
load (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".dermchart", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "charts", file, NULL);
  g_autoptr (GError) error = NULL;
  DermChart *chart = derm_chart_new_from_file (path, atlas, &error);

  g_assert_no_error (error);
  return chart;
}

static char *
describe (const DermCandidate *candidate)
{
  return g_strdup_printf ("%s %s %s", derm_candidate_kind_to_string (candidate->kind), candidate->id,
                          derm_candidate_side_to_string (candidate->side));
}

static void
check_order (DermLocalization *result)
{
  for (guint i = 0; i < result->candidates->len; i++)
    {
      const DermCandidate *candidate = g_ptr_array_index (result->candidates, i);

      g_assert_cmpfloat (candidate->score, >=, 0.0);
      g_assert_cmpfloat (candidate->score, <=, 1.0);
      if (i > 0)
        g_assert_cmpfloat (candidate->score, <=,
                           ((const DermCandidate *) g_ptr_array_index (result->candidates, i - 1))->score);
      /* every candidate shown explains something and cites its sources */
      g_assert_cmpuint (candidate->support->len, >, 0);
      g_assert_nonnull (candidate->sources[0]);
    }
}

static void
test_vignette (gconstpointer data)
{
  const Vignette *v = data;
  g_autoptr (DermChart) chart = load (v->file);
  g_autoptr (GError) error = NULL;
  g_autoptr (DermLocalization) result = derm_localize (atlas, chart, NULL, &error);
  const DermCandidate *top;
  g_autofree char *what = NULL, *why = NULL;

  g_assert_no_error (error);
  g_assert_true (result->abnormal);
  g_assert_cmpuint (result->candidates->len, >, 0);
  check_order (result);

  top = g_ptr_array_index (result->candidates, 0);
  what = describe (top);
  why = derm_candidate_dup_why (top);
  if (strcmp (what, v->top) != 0 || strstr (why, v->mentions) == NULL)
    {
      g_test_message ("%s: expected %s naming “%s”, got %s: %s", v->file, v->top, v->mentions, what, why);
      g_test_fail ();
    }
}

/* the L5-or-fibular chart's runner-up is the other of the two */
static void
test_fibular_runner_up (void)
{
  g_autoptr (DermChart) chart = load ("fibular-vs-l5");
  g_autoptr (DermLocalization) result = derm_localize (atlas, chart, NULL, NULL);
  const DermCandidate *second = g_ptr_array_index (result->candidates, 1);
  g_autofree char *why = derm_candidate_dup_why (second);

  g_assert_cmpstr (second->id, ==, "L5");
  g_assert_nonnull (strstr (why, "against: hip-abduction 5"));
}

static gboolean
has_warning (DermLocalization *result,
             const char       *needle)
{
  for (guint i = 0; i < result->warnings->len; i++)
    if (strstr (g_ptr_array_index (result->warnings, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

static const DermCandidate *
find (DermLocalization *result,
      const char       *id,
      guint            *rank)
{
  for (guint i = 0; i < result->candidates->len; i++)
    {
      const DermCandidate *candidate = g_ptr_array_index (result->candidates, i);
      if (strcmp (candidate->id, id) == 0)
        {
          if (rank != NULL)
            *rank = i;
          return candidate;
        }
    }
  return NULL;
}

static void
test_cauda_equina_urgent (void)
{
  g_autoptr (DermChart) chart = load ("cauda-equina");
  g_autoptr (DermLocalization) result = derm_localize (atlas, chart, NULL, NULL);
  const DermCandidate *top = g_ptr_array_index (result->candidates, 0);

  g_assert_true (top->urgent);
  g_assert_true (has_warning (result, "URGENT"));
}

/* bilateral root signs without saddle, sphincter or bladder signs: a
 * warning and a line, never the first candidate */
static void
test_bilateral_warning (void)
{
  g_autoptr (DermChart) chart = load ("bilateral-l5");
  g_autoptr (DermLocalization) result = derm_localize (atlas, chart, NULL, NULL);
  const DermCandidate *cauda;
  guint rank = 0;

  g_assert_true (has_warning (result, "cauda equina"));
  cauda = find (result, "cauda-equina", &rank);
  g_assert_nonnull (cauda);
  g_assert_cmpuint (rank, >, 0);
  g_assert_false (cauda->urgent);
  /* both L5s said once, as one bilateral root */
  for (guint i = 0; i < result->candidates->len; i++)
    {
      const DermCandidate *candidate = g_ptr_array_index (result->candidates, i);
      if (strcmp (candidate->id, "L5") == 0)
        g_assert_cmpint (candidate->side, ==, DERM_CANDIDATE_BOTH);
    }
}

/* a polyneuropathy on both legs is not a cauda equina */
static void
test_polyneuropathy_no_warning (void)
{
  g_autoptr (DermChart) chart = load ("polyneuropathy");
  g_autoptr (DermLocalization) result = derm_localize (atlas, chart, NULL, NULL);

  g_assert_false (has_warning (result, "cauda equina"));
  g_assert_null (find (result, "cauda-equina", NULL));
}

/* symmetric brisk reflexes alone can be normal: no upper motor neuron first */
static void
test_symmetric_brisk (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DermChart) chart = derm_chart_new_from_data (
    "{\"format\": \"dermatomes-chart\", \"version\": 1,"
    " \"sensory\": [{\"view\": \"anterior\", \"side\": \"left\", \"region\": \"dorsum-foot\", \"finding\": \"reduced\"}],"
    " \"reflexes\": [{\"reflex\": \"knee-jerk\", \"side\": \"left\", \"grade\": 3},"
    "                {\"reflex\": \"knee-jerk\", \"side\": \"right\", \"grade\": 3}]}", -1, "brisk", atlas, &error);
  g_autoptr (DermLocalization) result = NULL;

  g_assert_no_error (error);
  result = derm_localize (atlas, chart, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (find (result, "upper-motor-neuron", NULL));
  g_assert_false (has_warning (result, "upper motor neuron"));
}

static void
test_nothing_abnormal (void)
{
  g_autoptr (DermChart) chart = load ("normal");
  g_autoptr (DermLocalization) result = derm_localize (atlas, chart, NULL, NULL);

  g_assert_false (result->abnormal);
  g_assert_cmpuint (result->candidates->len, ==, 0);
}

/* The map decides the roots: on Keegan and Garrett's map the patella is
 * L4, on Foerster's (ISNCSCI) L3. */
static void
test_map_override (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DermChart) chart = derm_chart_new_from_data (
    "{\"format\": \"dermatomes-chart\", \"version\": 1, \"map\": \"isncsci\","
    " \"sensory\": [{\"view\": \"anterior\", \"side\": \"right\", \"region\": \"patella\", \"finding\": \"absent\"}]}",
    -1, "patella", atlas, &error);
  g_autoptr (DermLocalization) isncsci = derm_localize (atlas, chart, NULL, NULL);
  g_autoptr (DermLocalization) kg = derm_localize (atlas, chart, "keegan-garrett", NULL);
  const DermCandidate *root_isncsci = NULL, *root_kg = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (isncsci->map, ==, "isncsci");
  g_assert_cmpstr (kg->map, ==, "keegan-garrett");
  for (guint i = 0; i < isncsci->candidates->len && root_isncsci == NULL; i++)
    if (((DermCandidate *) g_ptr_array_index (isncsci->candidates, i))->kind == DERM_CANDIDATE_ROOT)
      root_isncsci = g_ptr_array_index (isncsci->candidates, i);
  for (guint i = 0; i < kg->candidates->len && root_kg == NULL; i++)
    if (((DermCandidate *) g_ptr_array_index (kg->candidates, i))->kind == DERM_CANDIDATE_ROOT)
      root_kg = g_ptr_array_index (kg->candidates, i);
  g_assert_cmpstr (root_isncsci->id, ==, "L3");
  g_assert_cmpstr (root_kg->id, ==, "L4");

  g_assert_null (derm_localize (atlas, chart, "no-such-map", &error));
  g_assert_error (error, DERM_CHART_ERROR, DERM_CHART_ERROR_INVALID);
}

/* The patient's side is kept: the same findings on the other leg give the
 * other side's candidates. */
static void
test_sides (void)
{
  g_autoptr (DermChart) left = load ("s1-root");
  g_autoptr (DermChart) right = derm_chart_new ();
  g_autoptr (DermLocalization) result = NULL;
  GPtrArray *sensory = derm_chart_get_sensory (left);

  for (guint i = 0; i < sensory->len; i++)
    {
      const DermChartSensory *entry = g_ptr_array_index (sensory, i);
      derm_chart_set_sensory (right, entry->view, DERM_SIDE_RIGHT, entry->region, entry->finding);
    }
  derm_chart_set_reflex (right, "ankle-jerk", DERM_SIDE_RIGHT, 0, DERM_PLANTAR_NONE);
  result = derm_localize (atlas, right, NULL, NULL);
  g_assert_cmpint (((DermCandidate *) g_ptr_array_index (result->candidates, 0))->side, ==, DERM_CANDIDATE_RIGHT);
}

/* brisk reflexes on both sides and nothing else: nothing to localize,
 * and a note that they can be normal (CHART.md) */
static void
test_symmetric_brisk_alone (void)
{
  g_autoptr (DermChart) chart = load ("symmetric-brisk");
  g_autoptr (DermLocalization) result = derm_localize (atlas, chart, NULL, NULL);

  g_assert_false (result->abnormal);
  g_assert_cmpuint (result->candidates->len, ==, 0);
  g_assert_true (has_warning (result, "can be normal"));
}

/* a single brisk reflex against a normal one, the other side's S1 lesion
 * explaining the difference: not an upper motor neuron lesion */
static void
test_relative_asymmetry (void)
{
  g_autoptr (DermChart) chart = load ("s1-relative-reflex-asymmetry");
  g_autoptr (DermLocalization) result = derm_localize (atlas, chart, NULL, NULL);

  g_assert_false (has_warning (result, "upper motor neuron signs"));
}

/* a candidate that explains nothing more than its branch above is not shown */
static void
test_parent_hidden (void)
{
  g_autoptr (DermChart) chart = load ("tarsal-tunnel");
  g_autoptr (DermLocalization) result = derm_localize (atlas, chart, NULL, NULL);

  g_assert_null (find (result, "tibial", NULL));
  g_assert_null (find (result, "sciatic", NULL));
}

/* the sources behind each finding are cited, not only the candidate's */
static void
test_finding_sources (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DermChart) chart = derm_chart_new_from_data (
    "{\"format\": \"dermatomes-chart\", \"version\": 1,"
    " \"motor\": [{\"test\": \"long-toe-extension\", \"side\": \"left\", \"grade\": 3}],"
    " \"reflexes\": [{\"reflex\": \"medial-hamstring\", \"side\": \"left\", \"grade\": 0}]}",
    -1, "sources", atlas, &error);
  g_autoptr (DermLocalization) result = derm_localize (atlas, chart, NULL, NULL);
  const DermCandidate *top = g_ptr_array_index (result->candidates, 0);

  g_assert_no_error (error);
  g_assert_cmpstr (top->id, ==, "L5");
  g_assert_true (g_strv_contains ((const char * const *) top->sources, "felsenthal1982"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  atlas = derm_atlas_new_from_resource (&error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (vignettes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/localizer/vignette/%s", vignettes[i].file);
      g_test_add_data_func (path, &vignettes[i], test_vignette);
    }
  g_test_add_func ("/localizer/fibular-runner-up", test_fibular_runner_up);
  g_test_add_func ("/localizer/cauda-equina-urgent", test_cauda_equina_urgent);
  g_test_add_func ("/localizer/bilateral-warning", test_bilateral_warning);
  g_test_add_func ("/localizer/polyneuropathy-no-warning", test_polyneuropathy_no_warning);
  g_test_add_func ("/localizer/symmetric-brisk", test_symmetric_brisk);
  g_test_add_func ("/localizer/nothing-abnormal", test_nothing_abnormal);
  g_test_add_func ("/localizer/map-override", test_map_override);
  g_test_add_func ("/localizer/sides", test_sides);
  g_test_add_func ("/localizer/symmetric-brisk-alone", test_symmetric_brisk_alone);
  g_test_add_func ("/localizer/relative-asymmetry", test_relative_asymmetry);
  g_test_add_func ("/localizer/parent-hidden", test_parent_hidden);
  g_test_add_func ("/localizer/finding-sources", test_finding_sources);
  status = g_test_run ();
  g_object_unref (atlas);
  return status;
}
