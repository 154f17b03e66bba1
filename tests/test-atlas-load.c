/* test-atlas-load.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real atlas loads; every kind of broken input fails with a message
 * that names the file and line, and never crashes.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <glib/gstdio.h>
#include <string.h>

#include "derm-bundle.h"
#include "derm-geometry.h"

typedef struct {
  const char *name;
  const char *file;      /* which of the three files to break */
  const char *find;
  const char *replace;
  const char *expect;    /* a part of the error message */
} BrokenCase;

static const BrokenCase broken_cases[] = {
  { "unknown-region", "atlas.xml", "<zone region=\"calf\"", "<zone region=\"shin\"", "atlas.xml:30: unknown region “shin”" },
  { "unknown-root", "atlas.xml", "roots=\"S1\"/>", "roots=\"S9\"/>", "atlas.xml:30: unknown root “S9”" },
  { "unknown-source", "atlas.xml", "<summary sources=\"src-a\">Summary of S1.", "<summary sources=\"src-b\">Summary of S1.", "atlas.xml:13: unknown source “src-b”" },
  { "malformed-xml", "atlas.xml", "<name>thigh</name>", "<name>thigh</nam>", "atlas.xml: Error on line 18" },
  { "unexpected-element", "atlas.xml", "<synonym>upper leg</synonym>", "<colour>red</colour>", "atlas.xml:19: unexpected element <colour> inside <region>" },
  { "unknown-attribute", "atlas.xml", "<region id=\"calf\" view=\"posterior\"", "<region id=\"calf\" view=\"posterior\" colour=\"red\"", "atlas.xml:21:" },
  { "missing-zone", "atlas.xml", "<zone region=\"calf\" roots=\"S1\"/>", "", "atlas.xml:26: map “one” has no <zone> for region “calf”" },
  { "duplicate-zone", "atlas.xml", "<zone region=\"calf\" roots=\"S1\"/>", "<zone region=\"calf\" roots=\"S1\"/><zone region=\"calf\" roots=\"L4\"/>", "atlas.xml:30: map “one” assigns region “calf” twice" },
  { "no-sources", "atlas.xml", "<summary sources=\"src-a\">Summary of L4.", "<summary>Summary of L4.", "atlas.xml:9:" },
  { "empty-text", "atlas.xml", "Summary of S1.", "  ", "atlas.xml:13: <summary> is empty" },
  { "bad-view", "atlas.xml", "view=\"posterior\" sides", "view=\"lateral\" sides", "atlas.xml:21: unknown view “lateral”" },
  { "region-not-drawn", "posterior.svg", "id=\"calf-right\"", "id=\"calf-rite\"", "posterior.svg:6: region id “calf-rite” does not end" },
  { "svg-region-not-in-data", "anterior.svg", "id=\"thigh-left\"", "id=\"knee-left\"", "anterior.svg:6: region “knee-left” is not in" },
  { "data-region-not-in-svg", "posterior.svg", "<path id=\"calf-right\" class=\"region\" d=\"M300 100 H500 V900 H300 Z\"/>", "", "atlas.xml:21: region “calf-right” is not drawn" },
  { "malformed-svg", "anterior.svg", "<g id=\"landmarks\"/>", "<g id=\"landmarks\">", "anterior.svg: Error on line" },
  { "missing-layer", "anterior.svg", "<g id=\"key-points\">", "<g id=\"points\">", "anterior.svg: missing layer" },
  { "bad-key-point", "anterior.svg", "kp-L4-right", "kp-L9-right", "anterior.svg:10: key point “kp-L9-right” does not name a root" },
  { "duplicate-id", "anterior.svg", "id=\"thigh-left\"", "id=\"thigh-right\"", "anterior.svg:6: the id “thigh-right” is used twice" },
  { "not-svg", "anterior.svg", "<svg xmlns", "<html xmlns", "anterior.svg" },
  { "truncated", "atlas.xml", "</atlas>", "", "atlas.xml: Error on line" },
  /* a root's <reflex> is text, not the quiz's <reflex> (this crashed) */
  { "question-in-root-reflex", "atlas.xml", "<summary sources=\"src-a\">Summary of S1.</summary>",
    "<summary sources=\"src-a\">Summary of S1.</summary><reflex sources=\"src-a\"><question>Q</question></reflex>",
    "atlas.xml:13: unexpected element <question> inside <reflex>" },
  { "name-in-root-motor-test", "atlas.xml", "<summary sources=\"src-a\">Summary of S1.</summary>",
    "<summary sources=\"src-a\">Summary of S1.</summary><motor-test sources=\"src-a\"><name>x</name></motor-test>",
    "atlas.xml:13: unexpected element <name> inside <motor-test>" },
  { "empty-root-id", "atlas.xml", "<root id=\"S1\">", "<root id=\"\">", "atlas.xml:12: <root> needs a non-empty id" },
  /* the examination and the nerve tree */
  { "test-unknown-nerve", "atlas.xml", "</nerves>",
    "</nerves><examination><motor-test id=\"t\" roots=\"L4\" nerves=\"nope\" sources=\"src-a\"><name>t</name><muscles>m</muscles></motor-test></examination>",
    "atlas.xml:40: unknown nerve “nope”" },
  { "test-no-roots", "atlas.xml", "</nerves>",
    "</nerves><examination><reflex-test id=\"r\" sources=\"src-a\"><name>r</name></reflex-test></examination>",
    "atlas.xml:40: <reflex-test id=\"r\"> needs its roots" },
  { "test-no-muscles", "atlas.xml", "</nerves>",
    "</nerves><examination><motor-test id=\"t\" roots=\"L4\" sources=\"src-a\"><name>t</name></motor-test></examination>",
    "atlas.xml:40: <motor-test id=\"t\"> has no <muscles>" },
  { "test-twice", "atlas.xml", "</nerves>",
    "</nerves><examination><reflex-test id=\"r\" roots=\"L4\" sources=\"src-a\"><name>r</name></reflex-test>"
    "<reflex-test id=\"r\" roots=\"S1\" sources=\"src-a\"><name>r</name></reflex-test></examination>",
    "atlas.xml:40: <reflex-test id=\"r\"> is defined twice" },
  { "nerve-own-branch", "atlas.xml", "<nerve id=\"n\" roots=\"L4\"", "<nerve id=\"n\" parent=\"n\" roots=\"L4\"",
    "atlas.xml:34: nerve “n” is a branch of itself" },
  { "nerve-unknown-parent", "atlas.xml", "<nerve id=\"n\" roots=\"L4\"", "<nerve id=\"n\" parent=\"m\" roots=\"L4\"",
    "atlas.xml:34: unknown nerve “m”" },
  /* numbers that are no place: nan, inf, far off the page */
  { "nan-in-outline", "anterior.svg", "d=\"M100 100 H300 V900 H100 Z\"", "d=\"M100 100 Hnan V900 H100 Z\"", "anterior.svg:5:" },
  { "inf-in-outline", "anterior.svg", "d=\"M100 100 H300 V900 H100 Z\"", "d=\"M100 100 H1e999 V900 H100 Z\"", "anterior.svg:5:" },
};

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "mini", name, NULL);
}

static void
test_real_atlas (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DermAtlas) atlas = derm_atlas_new_from_resource (&error);
  const char *expected_roots[] = { "T10", "T11", "T12", "L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "S4-5" };
  GPtrArray *roots;

  g_assert_no_error (error);
  g_assert_nonnull (atlas);

  roots = derm_atlas_get_roots (atlas);
  g_assert_cmpuint (roots->len, ==, G_N_ELEMENTS (expected_roots));
  for (guint i = 0; i < roots->len; i++)
    {
      const DermRoot *root = g_ptr_array_index (roots, i);
      g_assert_cmpstr (root->id, ==, expected_roots[i]);
      g_assert_cmpuint (root->index, ==, i);
      g_assert_nonnull (derm_root_get_statement (root, "summary", -1));
    }

  g_assert_nonnull (derm_atlas_get_map (atlas, "isncsci"));
  g_assert_true (derm_atlas_get_default_map (atlas) == derm_atlas_get_map (atlas, "isncsci"));
  g_assert_null (derm_atlas_get_map (atlas, "no-such-map"));
  g_assert_cmpuint (derm_atlas_get_regions (atlas)->len, >=, 2 * (28 + 25) + 3);
  g_assert_nonnull (derm_atlas_get_region (atlas, "medial-malleolus-left"));
  g_assert_nonnull (derm_atlas_get_region (atlas, "perianal-inner-mid"));
  /* twelve roots on both sides: S4-5 too, right and left of the anus */
  g_assert_cmpuint (derm_atlas_get_key_points (atlas)->len, ==, 2 * 12);
  /* case-insensitive root lookup, as people type */
  g_assert_true (derm_atlas_get_root (atlas, "l5") == derm_atlas_get_root (atlas, "L5"));
}

static void
test_real_statements_cited (void)
{
  g_autoptr (DermAtlas) atlas = derm_atlas_new_from_resource (NULL);
  GPtrArray *roots = derm_atlas_get_roots (atlas);

  /* every clinical statement names sources that exist */
  for (guint i = 0; i < roots->len; i++)
    {
      const DermRoot *root = g_ptr_array_index (roots, i);

      for (guint j = 0; j < root->statements->len; j++)
        {
          const DermStatement *statement = g_ptr_array_index (root->statements, j);

          g_assert_nonnull (statement->sources[0]);
          for (guint s = 0; statement->sources[s] != NULL; s++)
            g_assert_nonnull (derm_atlas_get_source (atlas, statement->sources[s]));
        }
    }
}

static void
test_mini_atlas (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = fixture_path ("atlas.xml");
  g_autofree char *anterior = fixture_path ("anterior.svg");
  g_autofree char *posterior = fixture_path ("posterior.svg");
  g_autoptr (DermAtlas) atlas = derm_atlas_new_from_files (xml, anterior, posterior, &error);
  const DermRegion *region;
  const DermKeyPoint *kp;

  g_assert_no_error (error);
  region = derm_geometry_region_at (atlas, DERM_VIEW_ANTERIOR, 150, 500);
  g_assert_nonnull (region);
  g_assert_cmpstr (region->id, ==, "thigh-right");
  g_assert_cmpint (region->side, ==, DERM_SIDE_RIGHT);
  g_assert_null (derm_geometry_region_at (atlas, DERM_VIEW_ANTERIOR, 50, 500));
  g_assert_null (derm_geometry_region_at (atlas, DERM_VIEW_ANTERIOR, -5, 500));
  g_assert_true (derm_map_region_has_root (derm_atlas_get_default_map (atlas), region, "L4"));
  /* the label point is the middle of the 200 x 800 rectangle, give or take a pixel */
  g_assert_cmpfloat_with_epsilon (region->label_x, 200, 2);
  kp = derm_atlas_get_key_point (atlas, "L4", DERM_SIDE_RIGHT);
  g_assert_nonnull (kp);
  g_assert_true (kp->region == region);
}

/* Whole documents that crashed or hung the loader (issue 12): each fails
 * with a message that names the file, and never crashes. */
static void
test_hostile_documents (void)
{
  static const struct {
    const char *xml;
    const char *expect;
  } cases[] = {
    { "<atlas version=\"1\"><roots><root id=\"\"><reflex sources=\"c\"><question></question>", "atlas.xml:1:" },
    { "<atlas version=\"1\"><roots><root id=\"A\"><reflex sources=\"c\"><question></question>", "atlas.xml:1: unexpected element <question>" },
    { "", "atlas.xml" },
    { "   \n  ", "atlas.xml" },
    { "<atlas version=\"1\"><quiz><reflex id=\"r\" roots=\"L4\" sources=\"s\"><explanation>e</explanation></reflex></quiz></atlas>", "atlas.xml" },
    { "<atlas version=\"1\"><examination><motor-test id=\"t\" roots=\"L4\" sources=\"s\"><muscles>m</muscles><name>n</name></motor-test></examination></atlas>", "atlas.xml" },
  };
  g_autofree char *dir = g_dir_make_tmp ("derm-atlas-XXXXXX", NULL);
  g_autofree char *xml = g_build_filename (dir, "atlas.xml", NULL);
  g_autofree char *anterior = fixture_path ("anterior.svg");
  g_autofree char *posterior = fixture_path ("posterior.svg");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (DermAtlas) atlas = NULL;

      g_assert_true (g_file_set_contents (xml, cases[i].xml, -1, NULL));
      atlas = derm_atlas_new_from_files (xml, anterior, posterior, &error);
      g_assert_null (atlas);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].expect) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].expect);
    }
  /* an empty drawing too */
  {
    g_autofree char *svg = g_build_filename (dir, "empty.svg", NULL);
    g_autofree char *atlas_xml = fixture_path ("atlas.xml");
    g_autoptr (GError) error = NULL;
    g_autoptr (DermAtlas) atlas = NULL;

    g_assert_true (g_file_set_contents (svg, "", 0, NULL));
    atlas = derm_atlas_new_from_files (atlas_xml, svg, posterior, &error);
    g_assert_null (atlas);
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "empty.svg"));
    g_unlink (svg);
  }
  g_unlink (xml);
  g_rmdir (dir);
}

/* The atlas and the id maps it keeps do not hold each other alive: it is
 * freed when its last user lets go (issue 12: it never was). */
static void
test_atlas_freed (void)
{
  g_autoptr (GError) error = NULL;
  DermAtlas *atlas = derm_atlas_new_from_resource (&error);
  gpointer watch = atlas;

  g_assert_no_error (error);
  g_object_add_weak_pointer (G_OBJECT (atlas), &watch);
  /* make and use both views' id maps */
  {
    const DermRegion *region = derm_atlas_get_region (atlas, "medial-malleolus-left");
    g_assert_true (derm_geometry_region_at (atlas, DERM_VIEW_ANTERIOR, region->label_x, region->label_y) == region);
  }
  (void) derm_geometry_region_at (atlas, DERM_VIEW_POSTERIOR, 300, 500);
  g_object_unref (atlas);
  g_assert_null (watch);
}

static void
test_missing_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DermAtlas) atlas = derm_atlas_new_from_files ("/nonexistent/atlas.xml", "a.svg", "p.svg", &error);

  g_assert_null (atlas);
  g_assert_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/atlas.xml"));
}

static void
test_broken (gconstpointer data)
{
  const BrokenCase *c = data;
  const char *names[] = { "atlas.xml", "anterior.svg", "posterior.svg" };
  g_autofree char *dir = g_dir_make_tmp ("derm-broken-XXXXXX", NULL);
  char *paths[3] = { NULL, };
  g_autoptr (GError) error = NULL;
  g_autoptr (DermAtlas) atlas = NULL;

  g_assert_nonnull (dir);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *source = fixture_path (names[i]);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
      if (strcmp (names[i], c->file) == 0)
        {
          g_autoptr (GString) s = g_string_new (contents);
          g_assert_nonnull (strstr (s->str, c->find));
          g_string_replace (s, c->find, c->replace, 1);
          g_free (contents);
          contents = g_string_free (g_steal_pointer (&s), FALSE);
        }
      paths[i] = g_build_filename (dir, names[i], NULL);
      g_assert_true (g_file_set_contents (paths[i], contents, -1, NULL));
    }

  atlas = derm_atlas_new_from_files (paths[0], paths[1], paths[2], &error);
  g_assert_null (atlas);
  g_assert_nonnull (error);
  g_assert_true (error->domain == DERM_ATLAS_ERROR);
  if (strstr (error->message, c->expect) == NULL)
    g_error ("%s: expected “%s” in “%s”", c->name, c->expect, error->message);
  /* the message names the file that is wrong */
  g_assert_nonnull (strstr (error->message, dir));

  for (guint i = 0; i < 3; i++)
    {
      g_unlink (paths[i]);
      g_free (paths[i]);
    }
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/atlas/load/real", test_real_atlas);
  g_test_add_func ("/atlas/load/real-statements-cited", test_real_statements_cited);
  g_test_add_func ("/atlas/load/mini", test_mini_atlas);
  g_test_add_func ("/atlas/load/missing-file", test_missing_file);
  g_test_add_func ("/atlas/load/hostile-documents", test_hostile_documents);
  g_test_add_func ("/atlas/load/atlas-freed", test_atlas_freed);
  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/atlas/load/broken/%s", broken_cases[i].name);
      g_test_add_data_func (path, &broken_cases[i], test_broken);
    }

  return g_test_run ();
}
