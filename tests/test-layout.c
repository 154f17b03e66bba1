/* test-layout.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout table bundled with the atlas (made at build time by
 * src/bundle/derm-atlas-precompute) gives exactly what the atlas works out
 * from its id maps when loaded from files, so the app starts without any id
 * map or scan of the SVGs and still draws the same; a table that does not
 * fit is ignored.
 * The renderer's outlines, read lazily, are the paths a full read gives;
 * regions are filled and hit-tested from them, so each must be a <path>
 * that reads, or the atlas does not load.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <glib/gstdio.h>
#include <string.h>

#include "derm-atlas-private.h"
#include "derm-bundle-private.h"
#include "derm-geometry-private.h"
#include "derm-svg-path.h"

/* The atlas logs structured (G_LOG_USE_STRUCTURED), which
 * g_test_expect_message does not see: count the warnings here instead. */
static guint n_ignored_warnings;
static guint n_bad_paths;

static GLogWriterOutput
count_warnings_writer (GLogLevelFlags   log_level,
                       const GLogField *fields,
                       gsize            n_fields,
                       gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") &&
        (log_level & G_LOG_LEVEL_WARNING) &&
        strstr (fields[i].value, "Ignoring the bundled layout table") != NULL)
      {
        n_ignored_warnings++;
        return G_LOG_WRITER_HANDLED;
      }
    else if (g_str_equal (fields[i].key, "MESSAGE") &&
             (log_level & G_LOG_LEVEL_CRITICAL) &&
             strstr (fields[i].value, ": path “") != NULL)
      {
        n_bad_paths++;
        return G_LOG_WRITER_HANDLED;
      }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static DermAtlas *
load_files (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = g_test_build_filename (G_TEST_DIST, "..", "data", "atlas.xml", NULL);
  g_autofree char *anterior = g_test_build_filename (G_TEST_DIST, "..", "data", "maps", "anterior.svg", NULL);
  g_autofree char *posterior = g_test_build_filename (G_TEST_DIST, "..", "data", "maps", "posterior.svg", NULL);
  DermAtlas *atlas = derm_atlas_new_from_files (xml, anterior, posterior, &error);

  g_assert_no_error (error);
  return atlas;
}

static DermAtlas *
load_resource (void)
{
  g_autoptr (GError) error = NULL;
  DermAtlas *atlas = derm_atlas_new_from_resource (&error);

  g_assert_no_error (error);
  return atlas;
}

/* label points, key point regions and every map's root labels, exactly */
static void
assert_same_layout (DermAtlas *a,
                    DermAtlas *b)
{
  GPtrArray *maps = derm_atlas_get_maps (a);

  g_assert_cmpuint (a->regions->len, ==, b->regions->len);
  for (guint i = 0; i < a->regions->len; i++)
    {
      const DermRegion *ra = g_ptr_array_index (a->regions, i);
      const DermRegion *rb = g_ptr_array_index (b->regions, i);

      g_assert_cmpstr (ra->id, ==, rb->id);
      g_assert_cmpfloat (ra->label_x, ==, rb->label_x);
      g_assert_cmpfloat (ra->label_y, ==, rb->label_y);
    }

  g_assert_cmpuint (a->key_points->len, ==, b->key_points->len);
  for (guint i = 0; i < a->key_points->len; i++)
    {
      const DermKeyPoint *ka = g_ptr_array_index (a->key_points, i);
      const DermKeyPoint *kb = g_ptr_array_index (b->key_points, i);

      g_assert_cmpstr (ka->root, ==, kb->root);
      g_assert_true ((ka->region == NULL) == (kb->region == NULL));
      if (ka->region != NULL)
        g_assert_cmpstr (ka->region->id, ==, kb->region->id);
    }

  for (guint m = 0; m < maps->len; m++)
    {
      const DermMap *map = g_ptr_array_index (maps, m);
      GArray *la = derm_geometry_get_root_labels (a, map);
      GArray *lb = derm_geometry_get_root_labels (b, derm_atlas_get_map (b, map->id));

      g_assert_cmpuint (la->len, >, 0);
      g_assert_cmpuint (la->len, ==, lb->len);
      for (guint i = 0; i < la->len; i++)
        {
          const DermRootLabel *x = &g_array_index (la, DermRootLabel, i);
          const DermRootLabel *y = &g_array_index (lb, DermRootLabel, i);

          g_assert_cmpstr (x->text, ==, y->text);
          g_assert_cmpint (x->view, ==, y->view);
          g_assert_cmpfloat (x->x, ==, y->x);
          g_assert_cmpfloat (x->y, ==, y->y);
          g_assert_cmpfloat (x->depth, ==, y->depth);
        }
    }
}

static void
test_bundled_matches_computed (void)
{
  g_autoptr (DermAtlas) computed = load_files ();
  g_autoptr (DermAtlas) bundled = load_resource ();

  /* the files were worked out from id maps; the bundle read its table */
  g_assert_nonnull (derm_geometry_get (computed)->view_maps[DERM_VIEW_ANTERIOR]);
  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    {
      g_assert_null (derm_geometry_get (bundled)->view_maps[view]);
      g_assert_null (derm_geometry_get (bundled)->paths[view]);
    }
  assert_same_layout (computed, bundled);
  /* reading the table made no id map either */
  g_assert_null (derm_geometry_get (bundled)->view_maps[DERM_VIEW_POSTERIOR]);
}

static void
test_bundled_is_current (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DermAtlas) computed = load_files ();
  g_autoptr (GBytes) table = g_resources_lookup_data ("/io/github/dermatomes/Dermatomes/maps/layout.txt",
                                                      0, &error);
  g_autofree char *written = derm_atlas_write_layout (computed);

  g_assert_no_error (error);
  g_assert_cmpstr (g_bytes_get_data (table, NULL), ==, written);
}

/* Hit-testing still works when the id map is made on demand, and every
 * label point lies in its own region. */
static void
test_lazy_region_at (void)
{
  g_autoptr (DermAtlas) atlas = load_resource ();

  for (guint i = 0; i < atlas->regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (atlas->regions, i);

      g_assert_true (derm_geometry_region_at (atlas, region->view, region->label_x, region->label_y) == region);
    }
  g_assert_nonnull (derm_geometry_get (atlas)->view_maps[DERM_VIEW_ANTERIOR]);
  g_assert_nonnull (derm_geometry_get (atlas)->view_maps[DERM_VIEW_POSTERIOR]);
}

static GBytes *
lookup (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strconcat ("/io/github/dermatomes/Dermatomes/", name, NULL);
  GBytes *bytes = g_resources_lookup_data (path, 0, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
test_bad_table_ignored (gconstpointer data)
{
  const char * const *edit = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) xml = lookup ("atlas.xml");
  g_autoptr (GBytes) anterior = lookup ("maps/anterior.svg");
  g_autoptr (GBytes) posterior = lookup ("maps/posterior.svg");
  g_autoptr (GBytes) table = lookup ("maps/layout.txt");
  g_autoptr (GString) text = g_string_new_len (g_bytes_get_data (table, NULL), g_bytes_get_size (table));
  g_autoptr (GBytes) broken = NULL;
  g_autoptr (DermAtlas) atlas = NULL;
  g_autoptr (DermAtlas) computed = load_files ();
  GBytes *svg[] = { anterior, posterior };
  const char *names[] = { "anterior.svg", "posterior.svg" };

  g_assert_cmpuint (g_string_replace (text, edit[0], edit[1], 1), ==, 1);
  broken = g_string_free_to_bytes (g_steal_pointer (&text));

  n_ignored_warnings = 0;
  atlas = derm_atlas_new_from_bytes (xml, "atlas.xml", svg, names, broken, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_ignored_warnings, ==, 1);
  /* worked out from the id maps instead, the same as from files */
  g_assert_nonnull (derm_geometry_get (atlas)->view_maps[DERM_VIEW_ANTERIOR]);
  assert_same_layout (computed, atlas);
}

static void
assert_same_path (const cairo_path_t *a,
                  const cairo_path_t *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpint (a->num_data, ==, b->num_data);
  for (int i = 0; i < a->num_data; i += a->data[i].header.length)
    {
      g_assert_cmpint (a->data[i].header.type, ==, b->data[i].header.type);
      g_assert_cmpint (a->data[i].header.length, ==, b->data[i].header.length);
      for (int j = 1; j < a->data[i].header.length; j++)
        {
          g_assert_cmpfloat (a->data[i + j].point.x, ==, b->data[i + j].point.x);
          g_assert_cmpfloat (a->data[i + j].point.y, ==, b->data[i + j].point.y);
        }
    }
}

/* A context to append paths to, scaled so that cairo's 24.8 fixed point
 * keeps 1/65536 of a map unit: a small difference in a point shows. */
static cairo_t *
path_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  cairo_scale (cr, 256, 256);
  return cr;
}

/* The path as drawing it appends it, or NULL if it is not appended. */
static cairo_path_t *
copy_appended (DermSvgPaths *paths,
               const char   *name)
{
  g_autoptr (GError) error = NULL;
  cairo_t *cr = path_context ();
  cairo_path_t *path = NULL;

  if (derm_svg_paths_append (paths, name, cr, &error))
    path = cairo_copy_path (cr);
  else
    g_assert_false (cairo_has_current_point (cr));
  cairo_destroy (cr);
  return path;
}

/* A parsed path as cairo_append_path () appends it. */
static cairo_path_t *
copy_parsed (const cairo_path_t *parsed)
{
  cairo_t *cr = path_context ();
  cairo_path_t *path;

  cairo_append_path (cr, parsed);
  path = cairo_copy_path (cr);
  cairo_destroy (cr);
  return path;
}

/* every path of the document, by the same name, appended as a full read
 * parsed it */
static void
assert_lazy_matches_full (GBytes     *svg,
                          const char *name)
{
  g_autoptr (GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);
  g_autoptr (GHashTable) full = derm_svg_path_read_all (data, size, name, &error);
  g_autoptr (DermSvgPaths) lazy = derm_svg_paths_new (svg, name);
  GHashTableIter iter;
  gpointer key, value;

  g_assert_no_error (error);
  g_assert_cmpuint (derm_svg_paths_get_size (lazy), ==, g_hash_table_size (full));
  g_hash_table_iter_init (&iter, full);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      cairo_path_t *appended = copy_appended (lazy, key);
      cairo_path_t *parsed = copy_parsed (value);

      g_assert_cmpint (appended->status, ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (appended->num_data, >, 0);
      assert_same_path (appended, parsed);
      cairo_path_destroy (appended);
      cairo_path_destroy (parsed);
    }
  g_assert_null (copy_appended (lazy, "no-such-path"));
}

static void
test_paths_maps (void)
{
  g_autoptr (GBytes) anterior = lookup ("maps/anterior.svg");
  g_autoptr (GBytes) posterior = lookup ("maps/posterior.svg");

  assert_lazy_matches_full (anterior, "anterior.svg");
  assert_lazy_matches_full (posterior, "posterior.svg");
}

/* what a light scan could get wrong: comments, CDATA, quotes, escapes,
 * a '>' inside a value, unnamed paths counted per document */
static void
test_paths_tricky (void)
{
  static const char head[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE svg>\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\">\n"
    "  <!-- <path id=\"commented\" d=\"M0 0 L1 1\"/> -->\n"
    "  <style><![CDATA[ path > <path id=\"cdata\" d=\"M0 0\"/> ]]></style>\n"
    "  <path data-note=\"a > b\" id='single' d='M1 2 L3 4Z'/>\n"
    "  <path id=\"escaped\" d=\"M1&#32;2&#x20;L3&#9;4&#10;Z\"/>\n"
    "  <path id=\"spaced\"\n        d = \"M5,6 C1 2 3 4 5 6\" />\n"
    "  <g id=\"landmarks\"><path class=\"landmark\" d=\"M0 0 L9 9\"/><path class=\"fold\" d=\"M1 1 L2 2\"/>"
    "<path class=\"landmark\" d=\"M3 3 L4 4\"></path></g>\n"
    "  <path d=\"M7 7 L8 8\"/>\n"
    "  <circle id=\"not-a-path\" d=\"M0 0\"/>\n"
    "  <pathway id=\"not-either\" d=\"M0 0\"/>\n";
  /* on line 14, and it starts with a move a careless reader would append */
  static const char bad[] = "  <path id=\"arc\" d=\"M0 0 A 5 5 0 0 1 10 10\"/>\n";
  static const char *absent[] = { "commented", "cdata", "not-a-path", "not-either", "no-such-path" };
  g_autofree char *good_doc = g_strconcat (head, "</svg>\n", NULL);
  g_autofree char *bad_doc = g_strconcat (head, bad, "</svg>\n", NULL);
  g_autoptr (GBytes) svg = g_bytes_new (good_doc, strlen (good_doc));
  g_autoptr (GBytes) bad_svg = g_bytes_new (bad_doc, strlen (bad_doc));
  g_autoptr (DermSvgPaths) lazy = derm_svg_paths_new (svg, "tricky.svg");
  g_autoptr (DermSvgPaths) lazy_bad = derm_svg_paths_new (bad_svg, "tricky.svg");
  g_autoptr (GError) error = NULL;
  cairo_path_t *path, *expected, *parsed;
  cairo_t *cr = path_context ();

  n_bad_paths = 0;
  g_assert_cmpuint (derm_svg_paths_get_size (lazy), ==, 6);
  for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
    g_assert_false (derm_svg_paths_try_append (lazy, absent[i], cr));
  g_assert_false (cairo_has_current_point (cr));
  g_assert_true (derm_svg_paths_try_append (lazy, "single", cr));
  g_assert_true (derm_svg_paths_try_append (lazy, "spaced", cr));
  /* appended to what the context had */
  path = cairo_copy_path (cr);
  parsed = derm_svg_path_parse ("M1 2 L3 4Z M5,6 C1 2 3 4 5 6", &error);
  g_assert_no_error (error);
  expected = copy_parsed (parsed);
  assert_same_path (path, expected);
  cairo_path_destroy (path);
  cairo_path_destroy (expected);
  derm_svg_path_free (parsed);

  path = copy_appended (lazy, "fold#1");
  g_assert_nonnull (path);
  g_assert_cmpfloat (path->data[1].point.x, ==, 1);
  cairo_path_destroy (path);
  path = copy_appended (lazy, "landmark#2");
  g_assert_nonnull (path);
  g_assert_cmpfloat (path->data[1].point.x, ==, 3);
  cairo_path_destroy (path);
  /* the escapes are spaces */
  path = copy_appended (lazy, "escaped");
  parsed = derm_svg_path_parse ("M1 2 L3 4 Z", &error);
  g_assert_no_error (error);
  expected = copy_parsed (parsed);
  g_assert_nonnull (path);
  assert_same_path (path, expected);
  cairo_path_destroy (path);
  cairo_path_destroy (expected);
  derm_svg_path_free (parsed);
  assert_lazy_matches_full (svg, "tricky.svg");
  g_assert_cmpuint (n_bad_paths, ==, 0);

  /* an arc is not read: reported once, nothing of it drawn, and nothing
   * else is lost */
  cairo_new_path (cr);
  g_assert_false (derm_svg_paths_try_append (lazy_bad, "arc", cr));
  g_assert_false (derm_svg_paths_try_append (lazy_bad, "arc", cr));
  g_assert_false (cairo_has_current_point (cr));
  g_assert_cmpuint (n_bad_paths, ==, 1);
  g_assert_true (derm_svg_paths_try_append (lazy_bad, "spaced", cr));

  /* asked for, it says where and why, every time; the quote that ends the
   * value ends the quoted rest */
  for (guint i = 0; i < 2; i++)
    {
      cairo_new_path (cr);
      g_assert_false (derm_svg_paths_append (lazy_bad, "arc", cr, &error));
      g_assert_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_PARSE);
      g_assert_cmpstr (error->message, ==,
                       "tricky.svg:14: path “arc”: Unsupported path data at offset 6: “ 5 5 0 0 1 10 10”");
      g_assert_false (cairo_has_current_point (cr));
      g_clear_error (&error);
    }
  g_assert_false (derm_svg_paths_append (lazy, "no-such-path", cr, &error));
  g_assert_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "tricky.svg: no <path> “no-such-path”");
  g_clear_error (&error);

  /* a bad path met first by the error-reporting call is not reported
   * again as a critical */
  {
    g_autoptr (DermSvgPaths) fresh = derm_svg_paths_new (bad_svg, "tricky.svg");

    g_assert_false (derm_svg_paths_append (fresh, "arc", cr, &error));
    g_assert_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_PARSE);
    g_assert_false (derm_svg_paths_try_append (fresh, "arc", cr));
    g_assert_cmpuint (n_bad_paths, ==, 1);
  }
  cairo_destroy (cr);
}

/* The mini atlas of tests/data/mini with one edit to anterior.svg. */
static void
assert_mini_fails (const char *find,
                   const char *replace,
                   const char *expect)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("derm-layout-XXXXXX", NULL);
  g_autofree char *xml = g_test_build_filename (G_TEST_DIST, "data", "mini", "atlas.xml", NULL);
  g_autofree char *anterior = g_test_build_filename (G_TEST_DIST, "data", "mini", "anterior.svg", NULL);
  g_autofree char *posterior = g_test_build_filename (G_TEST_DIST, "data", "mini", "posterior.svg", NULL);
  g_autofree char *broken = g_build_filename (dir, "anterior.svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GString) text = NULL;
  g_autoptr (DermAtlas) atlas = NULL;

  g_assert_true (g_file_get_contents (anterior, &contents, NULL, NULL));
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, find, replace, 1), ==, 1);
  g_assert_true (g_file_set_contents (broken, text->str, -1, NULL));

  atlas = derm_atlas_new_from_files (xml, broken, posterior, &error);
  g_assert_null (atlas);
  g_assert_nonnull (error);
  g_assert_true (error->domain == DERM_ATLAS_ERROR);
  if (strstr (error->message, expect) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expect);
  g_unlink (broken);
  g_rmdir (dir);
}

static void
test_region_group (void)
{
  assert_mini_fails ("<path id=\"thigh-left\" class=\"region\" d=\"M300 100 H500 V900 H300 Z\"/>",
                     "<g id=\"thigh-left\" class=\"region\"><path d=\"M300 100 H500 V900 H300 Z\"/></g>",
                     "anterior.svg:6: region “thigh-left” is a <g>; regions are <path> elements");
}

static void
test_region_arc (void)
{
  assert_mini_fails ("d=\"M300 100 H500 V900 H300 Z\"", "d=\"M300 100 A 5 5 0 0 1 500 900 Z\"",
                     "anterior.svg:6: path “thigh-left”: Unsupported path data");
}

int
main (int argc, char *argv[])
{
  /* each: the text to find in the bundled table and what to put instead */
  static const char *wrong_region[] = { "\tsuprainguinal-right\t", "\tsuprainguinal-rite\t" };
  static const char *moved_region[] = { "region\tanterior\tsuprainguinal-right\t", "region\tposterior\tsuprainguinal-right\t" };
  static const char *wrong_key_point[] = { "\tkp-L1-right\t", "\tkp-L9-right\t" };
  static const char *wrong_kp_region[] = { "\tinguinal-right\n", "\tinguinal-rite\n" };
  static const char *wrong_version[] = { "layout\t2\t", "layout\t9\t" };
  static const char *short_line[] = { "\tkp-L3-right\t278.5\t562\t", "\tkp-L3-right\t278.5\t" };
  static const char *bad_number[] = { "\tkp-L3-right\t278.5\t", "\tkp-L3-right\t278.5x\t" };
  static const char *unknown_map[] = { "map\tlee2008\n", "map\tlee2009\n" };
  static const char *lost_map[] = { "map\tlee2008\n", "#\n" };
  static const char *bad_view[] = { "label\tanterior\t", "label\tlateral\t" };

  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (count_warnings_writer, NULL, NULL);

  g_test_add_func ("/layout/bundled-matches-computed", test_bundled_matches_computed);
  g_test_add_func ("/layout/bundled-is-current", test_bundled_is_current);
  g_test_add_func ("/layout/lazy-region-at", test_lazy_region_at);
  g_test_add_data_func ("/layout/ignored/wrong-region", wrong_region, test_bad_table_ignored);
  g_test_add_data_func ("/layout/ignored/moved-region", moved_region, test_bad_table_ignored);
  g_test_add_data_func ("/layout/ignored/wrong-key-point", wrong_key_point, test_bad_table_ignored);
  g_test_add_data_func ("/layout/ignored/wrong-key-point-region", wrong_kp_region, test_bad_table_ignored);
  g_test_add_data_func ("/layout/ignored/wrong-version", wrong_version, test_bad_table_ignored);
  g_test_add_data_func ("/layout/ignored/short-line", short_line, test_bad_table_ignored);
  g_test_add_data_func ("/layout/ignored/bad-number", bad_number, test_bad_table_ignored);
  g_test_add_data_func ("/layout/ignored/unknown-map", unknown_map, test_bad_table_ignored);
  g_test_add_data_func ("/layout/ignored/lost-map", lost_map, test_bad_table_ignored);
  g_test_add_data_func ("/layout/ignored/bad-view", bad_view, test_bad_table_ignored);
  g_test_add_func ("/layout/paths/maps", test_paths_maps);
  g_test_add_func ("/layout/paths/tricky", test_paths_tricky);
  g_test_add_func ("/layout/paths/region-group", test_region_group);
  g_test_add_func ("/layout/paths/region-arc", test_region_arc);

  return g_test_run ();
}
