/* test-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The *.dermchart file: reading CHART.md's example, the round trip with
 * unknown members kept, atomic 0600 saves, and one bad input of each kind
 * with the file, line and member in its message.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "derm-bundle.h"
#include "derm-chart.h"

static DermAtlas *atlas;

static const char example[] =
  "{\n"
  "  \"format\": \"dermatomes-chart\",\n"
  "  \"version\": 1,\n"
  "  \"map\": \"isncsci\",\n"
  "  \"title\": \"Left leg numbness, follow-up\",\n"
  "  \"examined\": \"2026-12-07T10:30:00Z\",\n"
  "  \"note\": \"free text\",\n"
  "  \"sensory\": [\n"
  "    { \"view\": \"anterior\", \"side\": \"left\", \"region\": \"dorsum-foot\", \"finding\": \"reduced\" }\n"
  "  ],\n"
  "  \"key-points\": [\n"
  "    { \"root\": \"L5\", \"side\": \"left\", \"light-touch\": 1, \"pin-prick\": 1 }\n"
  "  ],\n"
  "  \"motor\": [\n"
  "    { \"test\": \"ankle-dorsiflexion\", \"side\": \"left\", \"grade\": 4 }\n"
  "  ],\n"
  "  \"reflexes\": [\n"
  "    { \"reflex\": \"ankle-jerk\", \"side\": \"left\", \"grade\": 0 }\n"
  "  ],\n"
  "  \"red-flags\": [ \"saddle-anaesthesia\", \"bladder\" ]\n"
  "}\n";

static void
test_read_example (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DermChart) chart = derm_chart_new_from_data (example, -1, "example.dermchart", atlas, &error);
  const DermChartSensory *sensory;
  const DermChartKeyPoint *kp;
  const DermChartTest *test;
  DermRedFlags flags = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (derm_chart_get_map (chart), ==, "isncsci");
  g_assert_cmpstr (derm_chart_get_title (chart), ==, "Left leg numbness, follow-up");
  g_assert_cmpstr (derm_chart_get_examined (chart), ==, "2026-12-07T10:30:00Z");
  g_assert_cmpstr (derm_chart_get_note (chart), ==, "free text");

  g_assert_cmpuint (derm_chart_get_sensory (chart)->len, ==, 1);
  sensory = g_ptr_array_index (derm_chart_get_sensory (chart), 0);
  g_assert_cmpint (sensory->view, ==, DERM_VIEW_ANTERIOR);
  g_assert_cmpint (sensory->side, ==, DERM_SIDE_LEFT);
  g_assert_cmpstr (sensory->region, ==, "dorsum-foot");
  g_assert_cmpint (sensory->finding, ==, DERM_FINDING_REDUCED);

  kp = g_ptr_array_index (derm_chart_get_key_points (chart), 0);
  g_assert_cmpstr (kp->root, ==, "L5");
  g_assert_cmpint (kp->light_touch, ==, 1);
  g_assert_cmpint (kp->pin_prick, ==, 1);

  test = g_ptr_array_index (derm_chart_get_motor (chart), 0);
  g_assert_cmpstr (test->test, ==, "ankle-dorsiflexion");
  g_assert_cmpint (test->grade, ==, 4);
  test = g_ptr_array_index (derm_chart_get_reflexes (chart), 0);
  g_assert_cmpstr (test->test, ==, "ankle-jerk");
  g_assert_cmpint (test->grade, ==, 0);

  g_assert_true (derm_chart_get_red_flags (chart, &flags));
  g_assert_cmpint (flags, ==, DERM_RED_FLAG_SADDLE_ANAESTHESIA | DERM_RED_FLAG_BLADDER);
}

/* A missing list is "not examined", an empty one "examined, nothing". */
static void
test_not_examined (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DermChart) chart = derm_chart_new_from_data (
    "{\"format\": \"dermatomes-chart\", \"version\": 1, \"motor\": []}", -1, "x", atlas, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_null (derm_chart_get_sensory (chart));
  g_assert_null (derm_chart_get_map (chart));
  g_assert_nonnull (derm_chart_get_motor (chart));
  g_assert_cmpuint (derm_chart_get_motor (chart)->len, ==, 0);
  g_assert_false (derm_chart_get_red_flags (chart, NULL));

  text = derm_chart_to_data (chart, NULL);
  g_assert_null (strstr (text, "sensory"));
  g_assert_nonnull (strstr (text, "\"motor\""));
}

static void
test_round_trip (void)
{
  const char *with_unknown =
    "{\"format\": \"dermatomes-chart\", \"version\": 1, \"title\": \"t\",\n"
    " \"sensory\": [{\"view\": \"posterior\", \"side\": \"right\", \"region\": \"lateral-heel\",\n"
    "               \"finding\": \"absent\", \"drawn-by\": \"pen\"}],\n"
    " \"reflexes\": [{\"reflex\": \"plantar\", \"side\": \"left\", \"response\": \"extensor\"},\n"
    "                {\"reflex\": \"anal-wink\", \"side\": \"mid\", \"grade\": \"NT\"}],\n"
    " \"motor\": [{\"test\": \"anal-contraction\", \"side\": \"mid\", \"grade\": 5}],\n"
    " \"future\": {\"photos\": [1, 2, 3]}, \"red-flags\": []}\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (DermChart) first = derm_chart_new_from_data (with_unknown, -1, "u", atlas, &error);
  g_autoptr (DermChart) second = NULL;
  g_autofree char *text1 = NULL, *text2 = NULL;

  g_assert_no_error (error);
  text1 = derm_chart_to_data (first, NULL);
  /* the unknown members of a newer version survive, top level and entries */
  g_assert_nonnull (strstr (text1, "\"future\""));
  g_assert_nonnull (strstr (text1, "\"photos\""));
  g_assert_nonnull (strstr (text1, "\"drawn-by\" : \"pen\""));
  g_assert_nonnull (strstr (text1, "\"response\" : \"extensor\""));
  g_assert_nonnull (strstr (text1, "\"grade\" : \"NT\""));
  g_assert_nonnull (strstr (text1, "\"red-flags\""));
  /* members in the order of CHART.md */
  g_assert_true (strstr (text1, "\"format\"") < strstr (text1, "\"version\""));
  g_assert_true (strstr (text1, "\"sensory\"") < strstr (text1, "\"motor\""));
  g_assert_true (strstr (text1, "\"motor\"") < strstr (text1, "\"reflexes\""));

  second = derm_chart_new_from_data (text1, -1, "again", atlas, &error);
  g_assert_no_error (error);
  text2 = derm_chart_to_data (second, NULL);
  g_assert_cmpstr (text1, ==, text2);
}

/* Every vignette the localizer tests use reads, writes and reads back the same. */
static void
test_round_trip_vignettes (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "charts", NULL);
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (DermChart) chart = NULL, again = NULL;
      g_autofree char *text = NULL, *text2 = NULL;

      if (!g_str_has_suffix (name, ".dermchart"))
        continue;
      chart = derm_chart_new_from_file (path, atlas, &error);
      g_assert_no_error (error);
      text = derm_chart_to_data (chart, NULL);
      again = derm_chart_new_from_data (text, -1, name, atlas, &error);
      g_assert_no_error (error);
      text2 = derm_chart_to_data (again, NULL);
      g_assert_cmpstr (text, ==, text2);
      n++;
    }
  g_assert_cmpuint (n, >=, 20);
}

static void
test_save (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DermChart) chart = derm_chart_new_from_data (example, -1, "example", atlas, &error);
  g_autoptr (DermChart) back = NULL;
  g_autofree char *dir = g_dir_make_tmp ("derm-chart-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "a.dermchart", NULL);
  g_autofree char *link = g_build_filename (dir, "link.dermchart", NULL);
  g_autofree char *written = NULL;
  struct stat st;

  g_assert_no_error (error);
  g_assert_true (derm_chart_save (chart, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  back = derm_chart_new_from_file (path, atlas, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (derm_chart_get_title (back), ==, "Left leg numbness, follow-up");

  /* saving through a symbolic link writes its target and keeps the link */
  g_assert_cmpint (symlink ("a.dermchart", link), ==, 0);
  derm_chart_set_title (back, "Changed");
  g_assert_true (derm_chart_save (back, link, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, "\"Changed\""));

  /* no temporary file is left behind */
  {
    g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
    guint n = 0;
    while (g_dir_read_name (listing) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 2);
  }

  /* an unwritable place is an error, not a crash */
  g_assert_false (derm_chart_save (back, "/nonexistent-dir/x.dermchart", &error));
  g_assert_error (error, DERM_CHART_ERROR, DERM_CHART_ERROR_IO);
  g_clear_error (&error);

  g_unlink (link);
  g_unlink (path);
  g_rmdir (dir);
}

static void
changed_cb (DermChart *chart,
            guint     *count)
{
  (*count)++;
}

static void
test_edits (void)
{
  g_autoptr (DermChart) chart = derm_chart_new ();
  guint changes = 0;

  g_signal_connect (chart, "changed", G_CALLBACK (changed_cb), &changes);
  g_assert_cmpint (derm_chart_lookup_sensory (chart, DERM_VIEW_ANTERIOR, DERM_SIDE_LEFT, "dorsum-foot"), ==, -1);

  derm_chart_set_sensory (chart, DERM_VIEW_ANTERIOR, DERM_SIDE_LEFT, "dorsum-foot", DERM_FINDING_REDUCED);
  derm_chart_set_sensory (chart, DERM_VIEW_ANTERIOR, DERM_SIDE_LEFT, "dorsum-foot", DERM_FINDING_REDUCED);
  g_assert_cmpuint (changes, ==, 1);
  derm_chart_set_sensory (chart, DERM_VIEW_ANTERIOR, DERM_SIDE_LEFT, "dorsum-foot", DERM_FINDING_ABSENT);
  g_assert_cmpuint (derm_chart_get_sensory (chart)->len, ==, 1);
  g_assert_cmpint (derm_chart_lookup_sensory (chart, DERM_VIEW_ANTERIOR, DERM_SIDE_LEFT, "dorsum-foot"),
                   ==, DERM_FINDING_ABSENT);
  /* the other leg is another place */
  g_assert_cmpint (derm_chart_lookup_sensory (chart, DERM_VIEW_ANTERIOR, DERM_SIDE_RIGHT, "dorsum-foot"), ==, -1);
  derm_chart_set_sensory (chart, DERM_VIEW_ANTERIOR, DERM_SIDE_LEFT, "dorsum-foot", -1);
  g_assert_cmpuint (derm_chart_get_sensory (chart)->len, ==, 0);
  g_assert_cmpuint (changes, ==, 3);

  derm_chart_set_motor (chart, "hip-abduction", DERM_SIDE_LEFT, 5);
  derm_chart_set_motor (chart, "hip-abduction", DERM_SIDE_LEFT, 4);
  g_assert_cmpuint (derm_chart_get_motor (chart)->len, ==, 1);
  derm_chart_set_reflex (chart, "plantar", DERM_SIDE_RIGHT, DERM_GRADE_NONE, DERM_PLANTAR_EXTENSOR);
  derm_chart_set_red_flags (chart, DERM_RED_FLAG_BOWEL);
  g_assert_cmpuint (changes, ==, 7);
}

typedef struct {
  const char *json;
  int         code;
  const char *needle;   /* in the message */
} BadCase;

static const BadCase bad_cases[] = {
  { "", DERM_CHART_ERROR_PARSE, "bad.dermchart: the file is empty" },
  { "{\n  \"format\": \"dermatomes-chart\",\n  \"version\": 1,\n  \"motor\": [\n", DERM_CHART_ERROR_PARSE, "bad.dermchart:5:" },
  { "[1, 2]", DERM_CHART_ERROR_INVALID, "one JSON object" },
  { "{\"version\": 1}", DERM_CHART_ERROR_INVALID, "\"format\"" },
  { "{\"format\": \"something-else\", \"version\": 1}", DERM_CHART_ERROR_INVALID, "format: \"something-else\"" },
  { "{\"format\": \"dermatomes-chart\"}", DERM_CHART_ERROR_INVALID, "\"version\" is missing" },
  { "{\"format\": \"dermatomes-chart\", \"version\": \"1\"}", DERM_CHART_ERROR_INVALID, "version: expected a whole number" },
  { "{\"format\": \"dermatomes-chart\",\n \"version\": 2}", DERM_CHART_ERROR_VERSION, "bad.dermchart:2:" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1, \"map\": \"nope\"}", DERM_CHART_ERROR_INVALID, "unknown map \"nope\"" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1, \"examined\": \"yesterday\"}", DERM_CHART_ERROR_INVALID, "examined" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1, \"sensory\": {}}", DERM_CHART_ERROR_INVALID, "sensory: expected an array" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1, \"sensory\": [3]}", DERM_CHART_ERROR_INVALID, "sensory[0]: expected an object" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1, \"sensory\": [{\"view\": \"anterior\", \"side\": \"left\", \"region\": \"nowhere\", \"finding\": \"reduced\"}]}",
    DERM_CHART_ERROR_INVALID, "sensory[0]: no region \"nowhere\"" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1, \"sensory\": [{\"view\": \"anterior\", \"side\": \"left\", \"region\": \"achilles\", \"finding\": \"reduced\"}]}",
    DERM_CHART_ERROR_INVALID, "on the posterior view" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1, \"sensory\": [{\"view\": \"anterior\", \"side\": \"up\", \"region\": \"patella\", \"finding\": \"reduced\"}]}",
    DERM_CHART_ERROR_INVALID, "sensory[0].side: unknown side \"up\"" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1, \"sensory\": [{\"view\": \"anterior\", \"side\": \"left\", \"region\": \"patella\", \"finding\": \"tingly\"}]}",
    DERM_CHART_ERROR_INVALID, "unknown finding \"tingly\"" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1, \"sensory\": [{\"side\": \"left\", \"region\": \"patella\", \"finding\": \"reduced\"}]}",
    DERM_CHART_ERROR_INVALID, "sensory[0]: \"view\" is missing" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1,\n \"motor\": [\n  {\"test\": \"ankle-dorsiflexion\", \"side\": \"left\", \"grade\": 1},\n"
    "  {\"test\": \"ankle-dorsiflexion\", \"side\": \"right\", \"grade\": 2},\n  {\"test\": \"hip-flexion\", \"side\": \"left\", \"grade\": 3},\n"
    "  {\"test\": \"hip-flexion\", \"side\": \"right\",\n   \"grade\": 7}]}",
    DERM_CHART_ERROR_INVALID, "bad.dermchart:7:" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1, \"motor\": [{\"test\": \"hip-flexion\", \"side\": \"right\", \"grade\": 7}]}",
    DERM_CHART_ERROR_INVALID, "motor[0].grade: 7 is out of range (0 to 5" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1, \"motor\": [{\"test\": \"hip-flexion\", \"side\": \"right\", \"grade\": 4.5}]}",
    DERM_CHART_ERROR_INVALID, "motor[0].grade: expected a whole number" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1, \"motor\": [{\"test\": \"wiggle\", \"side\": \"right\", \"grade\": 4}]}",
    DERM_CHART_ERROR_INVALID, "unknown motor test \"wiggle\"" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1, \"motor\": [{\"test\": \"anal-contraction\", \"side\": \"left\", \"grade\": 4}]}",
    DERM_CHART_ERROR_INVALID, "its side is \"mid\"" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1, \"motor\": [{\"test\": \"hip-flexion\", \"side\": \"mid\", \"grade\": 4}]}",
    DERM_CHART_ERROR_INVALID, "not the midline" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1, \"reflexes\": [{\"reflex\": \"knee-jerk\", \"side\": \"left\", \"grade\": 5}]}",
    DERM_CHART_ERROR_INVALID, "reflexes[0].grade: 5 is out of range (0 to 4" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1, \"reflexes\": [{\"reflex\": \"plantar\", \"side\": \"left\", \"grade\": 2}]}",
    DERM_CHART_ERROR_INVALID, "not a grade" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1, \"reflexes\": [{\"reflex\": \"plantar\", \"side\": \"left\", \"response\": \"up\"}]}",
    DERM_CHART_ERROR_INVALID, "reflexes[0].response: unknown response \"up\"" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1, \"reflexes\": [{\"reflex\": \"knee-jerk\", \"side\": \"left\", \"response\": \"flexor\"}]}",
    DERM_CHART_ERROR_INVALID, "only the plantar reflex" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1, \"key-points\": [{\"root\": \"L9\", \"side\": \"left\", \"light-touch\": 2}]}",
    DERM_CHART_ERROR_INVALID, "key-points[0]: unknown root \"L9\"" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1, \"key-points\": [{\"root\": \"L5\", \"side\": \"left\", \"pin-prick\": 3}]}",
    DERM_CHART_ERROR_INVALID, "key-points[0].pin-prick: 3 is out of range" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1, \"red-flags\": [\"headache\"]}",
    DERM_CHART_ERROR_INVALID, "red-flags[0]: unknown red flag \"headache\"" },
  { "{\"format\": \"dermatomes-chart\", \"version\": 1, \"title\": 5}",
    DERM_CHART_ERROR_INVALID, "title: expected a string, found a number" },
};

static void
test_bad_input (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (DermChart) chart = derm_chart_new_from_data (bad_cases[i].json, -1, "bad.dermchart", atlas, &error);

      if (chart != NULL || error == NULL || error->code != bad_cases[i].code ||
          strstr (error->message, bad_cases[i].needle) == NULL)
        g_error ("case %u: expected code %d with “%s”, got %s", i, bad_cases[i].code, bad_cases[i].needle,
                 error != NULL ? error->message : "no error");
      g_assert_true (g_str_has_prefix (error->message, "bad.dermchart"));
    }
}

/* S4-5's key point lies on the midline and is scored on the right and the left (is19) */
static void
test_s45_sides (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DermChart) chart = derm_chart_new_from_data (
    "{\"format\": \"dermatomes-chart\", \"version\": 1, \"key-points\": ["
    "{\"root\": \"S4-5\", \"side\": \"right\", \"light-touch\": 0}, {\"root\": \"S4-5\", \"side\": \"left\", \"light-touch\": 2}]}",
    -1, "s45", atlas, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (derm_chart_get_key_points (chart)->len, ==, 2);
}

/* pain and numbness on the same skin: both kept (CHART.md allows it) */
static void
test_two_findings_one_place (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DermChart) chart = derm_chart_new_from_data (
    "{\"format\": \"dermatomes-chart\", \"version\": 1, \"sensory\": ["
    "{\"view\": \"anterior\", \"side\": \"left\", \"region\": \"patella\", \"finding\": \"reduced\"},"
    "{\"view\": \"anterior\", \"side\": \"left\", \"region\": \"patella\", \"finding\": \"pain\"},"
    "{\"view\": \"anterior\", \"side\": \"left\", \"region\": \"patella\", \"finding\": \"pain\"}]}",
    -1, "two", atlas, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (derm_chart_get_sensory (chart)->len, ==, 2);
  /* an edit gives the place one finding again */
  derm_chart_set_sensory (chart, DERM_VIEW_ANTERIOR, DERM_SIDE_LEFT, "patella", DERM_FINDING_ABSENT);
  g_assert_cmpuint (derm_chart_get_sensory (chart)->len, ==, 1);
  g_assert_cmpint (derm_chart_lookup_sensory (chart, DERM_VIEW_ANTERIOR, DERM_SIDE_LEFT, "patella"), ==, DERM_FINDING_ABSENT);
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

  g_test_add_func ("/chart/read-example", test_read_example);
  g_test_add_func ("/chart/not-examined", test_not_examined);
  g_test_add_func ("/chart/round-trip", test_round_trip);
  g_test_add_func ("/chart/round-trip-vignettes", test_round_trip_vignettes);
  g_test_add_func ("/chart/save", test_save);
  g_test_add_func ("/chart/edits", test_edits);
  g_test_add_func ("/chart/bad-input", test_bad_input);
  g_test_add_func ("/chart/s4-5-sides", test_s45_sides);
  g_test_add_func ("/chart/two-findings-one-place", test_two_findings_one_place);
  status = g_test_run ();
  g_object_unref (atlas);
  return status;
}
