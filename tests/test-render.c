/* test-render.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The renderer colours each region by its root on the active map, and the
 * id map and layout agree with what is drawn. Every palette, on light and
 * dark, keeps labels legible and touching roots apart, also for colour
 * blind eyes (test-render-palettes.c).
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "derm-bundle.h"
#include "derm-geometry.h"
#include "derm-id-map.h"
#include "derm-layout.h"
#include "derm-renderer.h"
#include "test-render.h"

DermAtlas *atlas;

const DermPalette palettes[] = {
  DERM_PALETTE_DEFAULT, DERM_PALETTE_COLORBLIND, DERM_PALETTE_HIGH_CONTRAST,
};

/* libadwaita's dark window background */
static const DermColor dark_background = { 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0 };

cairo_surface_t *
render_atlas (DermAtlas               *with,
              const DermRenderOptions *options,
              double                   scale)
{
  g_autoptr (DermRenderer) renderer = derm_renderer_new (with);
  cairo_surface_t *surface;
  double lw, lh;
  cairo_t *cr;

  derm_layout_get_size (options->layout, &lw, &lh);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (lw * scale), (int) ceil (lh * scale));
  cr = cairo_create (surface);
  if (options->dark)
    cairo_set_source_rgb (cr, dark_background.red, dark_background.green, dark_background.blue);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  derm_renderer_render (renderer, cr, options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

cairo_surface_t *
render (const DermRenderOptions *options,
        double                   scale)
{
  return render_atlas (atlas, options, scale);
}

void
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y,
          DermColor       *color)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 p = *(const guint32 *) (data + (int) y * stride + 4 * (int) x);

  color->red = ((p >> 16) & 0xff) / 255.0;
  color->green = ((p >> 8) & 0xff) / 255.0;
  color->blue = (p & 0xff) / 255.0;
}

gboolean
close_to (const DermColor *a,
          const DermColor *b)
{
  return fabs (a->red - b->red) < 0.02 && fabs (a->green - b->green) < 0.02 && fabs (a->blue - b->blue) < 0.02;
}

/* A point of the region away from its label, so the text does not cover it. */
void
probe_point (const DermRegion *region,
             DermLayout        layout,
             double           *x,
             double           *y)
{
  double ox, oy;

  g_assert_true (derm_layout_view_origin (layout, region->view, &ox, &oy));
  *x = ox + region->label_x;
  *y = oy + region->label_y;
}

static void
test_colours_follow_map (void)
{
  DermRenderOptions options;
  cairo_surface_t *surface;
  const DermMap *map = derm_atlas_get_map (atlas, "isncsci");
  GPtrArray *regions = derm_atlas_get_regions (atlas);
  guint checked = 0;

  derm_render_options_init (&options);
  options.layout = DERM_LAYOUT_BOTH;
  options.labels = FALSE;
  surface = render (&options, 1.0);

  for (guint i = 0; i < regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (regions, i);
      const char * const *roots = derm_map_get_roots (map, region);
      const DermRoot *root;
      DermColor expected, got;
      double x, y;

      /* guessed zones are veiled (test-render-zones.c) */
      if (roots[0] == NULL || roots[1] != NULL || derm_map_get_zone_kind (map, region) == DERM_ZONE_GUESSED)
        continue;
      root = derm_atlas_get_root (atlas, roots[0]);
      derm_palette_get_root_color (root->index, DERM_STYLE_COLOR, &expected);
      probe_point (region, options.layout, &x, &y);
      /* most of a small neighbourhood: a landmark line may cross the point */
      {
        guint matches = 0;

        for (int dy = -1; dy <= 1; dy++)
          for (int dx = -1; dx <= 1; dx++)
            {
              pixel_at (surface, x + 3 * dx, y + 3 * dy, &got);
              matches += close_to (&expected, &got);
            }
        if (matches < 6)
          g_error ("%s should be drawn in the colour of %s (%u of 9 pixels are)", region->id, root->id, matches);
      }
      checked++;
    }
  g_assert_cmpuint (checked, >, 60);
  cairo_surface_destroy (surface);
}

guint
count_color_near (cairo_surface_t *surface,
                  double           x,
                  double           y,
                  int              radius,
                  const DermColor *color)
{
  guint n = 0;

  for (int dy = -radius; dy <= radius; dy++)
    for (int dx = -radius; dx <= radius; dx++)
      {
        DermColor got;

        pixel_at (surface, x + dx, y + dy, &got);
        n += close_to (color, &got);
      }
  return n;
}

static void
test_overlap_hatched (void)
{
  DermRenderOptions options;
  cairo_surface_t *surface;
  const DermMap *map = derm_atlas_get_map (atlas, "isncsci");
  GPtrArray *regions = derm_atlas_get_regions (atlas);
  guint checked = 0;

  derm_render_options_init (&options);
  options.layout = DERM_LAYOUT_BOTH;
  options.labels = FALSE;
  surface = render (&options, 1.0);

  /* every region with two or more roots shows each root's colour */
  for (guint i = 0; i < regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (regions, i);
      const char * const *roots = derm_map_get_roots (map, region);
      double x, y;

      /* guessed overlaps are veiled (test-render-zones.c) */
      if (roots[0] == NULL || roots[1] == NULL || derm_map_get_zone_kind (map, region) == DERM_ZONE_GUESSED)
        continue;
      probe_point (region, options.layout, &x, &y);
      for (guint r = 0; roots[r] != NULL; r++)
        {
          const DermRoot *root = derm_atlas_get_root (atlas, roots[r]);
          DermColor color;
          guint n;

          derm_palette_get_root_color (root->index, DERM_STYLE_COLOR, &color);
          n = count_color_near (surface, x, y, 7, &color);
          if (n < 5)
            g_error ("%s is %s on %s, but only %u pixels near its middle have %s's colour",
                     region->id, g_strjoinv ("/", (char **) roots), map->id, n, root->id);
        }
      checked++;
    }
  /* genital region and posteromedial thighs at least */
  g_assert_cmpuint (checked, >=, 3);
  cairo_surface_destroy (surface);
}

static void
test_blank_region_neutral (void)
{
  DermRenderOptions options;
  cairo_surface_t *surface;
  const DermMap *map = derm_atlas_get_map (atlas, "lee2008");
  GPtrArray *regions = derm_atlas_get_regions (atlas);
  GPtrArray *roots = derm_atlas_get_roots (atlas);
  guint checked = 0;

  derm_render_options_init (&options);
  options.layout = DERM_LAYOUT_BOTH;
  options.map_id = "lee2008";
  options.labels = FALSE;
  surface = render (&options, 1.0);

  for (guint i = 0; i < regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (regions, i);
      DermColor got;
      double x, y;

      if (derm_map_get_roots (map, region)[0] != NULL)
        continue;
      probe_point (region, options.layout, &x, &y);
      pixel_at (surface, x, y, &got);
      /* a light, nearly grey skin tone... */
      g_assert_cmpfloat (MIN (got.red, MIN (got.green, got.blue)), >, 0.85);
      g_assert_cmpfloat (MAX (got.red, MAX (got.green, got.blue)) - MIN (got.red, MIN (got.green, got.blue)), <, 0.08);
      /* ...and no root's colour */
      for (guint r = 0; r < roots->len; r++)
        {
          DermColor color;

          derm_palette_get_root_color (r, DERM_STYLE_COLOR, &color);
          if (close_to (&color, &got))
            g_error ("%s is blank on lee2008 but drawn in a root colour", region->id);
        }
      checked++;
    }
  g_assert_cmpuint (checked, >=, 5);
  cairo_surface_destroy (surface);
}

static void
test_key_points_overlay (void)
{
  DermRenderOptions options;
  cairo_surface_t *plain, *dots;
  GPtrArray *points = derm_atlas_get_key_points (atlas);

  derm_render_options_init (&options);
  options.layout = DERM_LAYOUT_BOTH;
  options.labels = FALSE;
  g_assert_false (options.key_points);
  g_assert_false (options.nerves);
  plain = render (&options, 1.0);
  options.key_points = TRUE;
  dots = render (&options, 1.0);

  for (guint i = 0; i < points->len; i++)
    {
      const DermKeyPoint *kp = g_ptr_array_index (points, i);
      DermColor a, b;
      double ox, oy;

      g_assert_true (derm_layout_view_origin (options.layout, kp->view, &ox, &oy));
      pixel_at (plain, ox + kp->x, oy + kp->y, &a);
      pixel_at (dots, ox + kp->x, oy + kp->y, &b);
      /* a dark dot where there was skin colour */
      g_assert_cmpfloat (b.red + b.green + b.blue, <, 0.6);
      g_assert_false (close_to (&a, &b));
    }
  cairo_surface_destroy (plain);
  cairo_surface_destroy (dots);
}

static void
test_nerves_overlay (void)
{
  DermRenderOptions options;
  cairo_surface_t *plain, *nerves;
  const DermRegion *web = derm_atlas_get_region (atlas, "first-web-space-left");
  g_autoptr (DermIdMap) id_map = derm_id_map_new (atlas, DERM_LAYOUT_BOTH, 2.0);
  GPtrArray *regions = derm_atlas_get_regions (atlas);
  guint edge = 0, changed = 0, inside = 0, kept = 0;
  int width, height;

  derm_render_options_init (&options);
  options.layout = DERM_LAYOUT_BOTH;
  options.labels = FALSE;
  plain = render (&options, 2.0);
  options.nerves = TRUE;
  nerves = render (&options, 2.0);
  width = cairo_image_surface_get_width (plain);
  height = cairo_image_surface_get_height (plain);

  /* the deep fibular territory is the first web space alone: its edge is
   * outlined all round */
  for (int py = 1; py < height - 1; py++)
    for (int px = 1; px < width - 1; px++)
      {
        DermColor a, b;

        if (derm_id_map_lookup (id_map, (px + 0.5) / 2, (py + 0.5) / 2) != web)
          continue;
        if (derm_id_map_lookup (id_map, (px + 1.5) / 2, (py + 0.5) / 2) == web &&
            derm_id_map_lookup (id_map, (px - 0.5) / 2, (py + 0.5) / 2) == web &&
            derm_id_map_lookup (id_map, (px + 0.5) / 2, (py + 1.5) / 2) == web &&
            derm_id_map_lookup (id_map, (px + 0.5) / 2, (py - 0.5) / 2) == web)
          continue;
        edge++;
        pixel_at (plain, px, py, &a);
        pixel_at (nerves, px, py, &b);
        changed += !close_to (&a, &b);
      }
  g_test_message ("%u of %u edge pixels of the first web space change", changed, edge);
  g_assert_cmpuint (edge, >, 20);
  if (changed < edge * 8 / 10)
    g_error ("only %u of %u pixels on the edge of the first web space change with nerves on", changed, edge);

  /* outlines, not fills: the middle of the regions keeps its root colour
   * (but for the few where a nerve's name is written) */
  for (guint i = 0; i < regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (regions, i);
      DermColor a, b;
      double x, y;

      probe_point (region, options.layout, &x, &y);
      pixel_at (plain, 2 * x, 2 * y, &a);
      pixel_at (nerves, 2 * x, 2 * y, &b);
      inside++;
      kept += close_to (&a, &b);
      if (!close_to (&a, &b))
        g_test_message ("%s changes", region->id);
    }
  g_test_message ("%u of %u region middles keep their colour", kept, inside);
  if (kept < inside * 3 / 4)
    g_error ("nerves on changed the middle of %u of %u regions", inside - kept, inside);

  /* a big territory's deepest point: the calf, which no nerve of the data covers */
  {
    const DermRegion *calf = derm_atlas_get_region (atlas, "calf-central-right");
    g_autoptr (GPtrArray) calf_nerves = derm_atlas_get_region_nerves (atlas, calf);
    DermColor a, b;
    double x, y;

    g_assert_cmpuint (calf_nerves->len, ==, 0);
    probe_point (calf, options.layout, &x, &y);
    pixel_at (plain, 2 * x, 2 * y, &a);
    pixel_at (nerves, 2 * x, 2 * y, &b);
    g_assert_true (close_to (&a, &b));
  }

  cairo_surface_destroy (plain);
  cairo_surface_destroy (nerves);
}

static void
test_highlight_root_dims_others (void)
{
  DermRenderOptions options;
  cairo_surface_t *plain, *highlighted;
  const DermRegion *l4 = derm_atlas_get_region (atlas, "medial-malleolus-right");
  const DermRegion *s1 = derm_atlas_get_region (atlas, "little-toe-right");
  DermColor a, b;
  double x, y;

  derm_render_options_init (&options);
  options.layout = DERM_LAYOUT_ANTERIOR;
  options.labels = FALSE;
  plain = render (&options, 1.0);
  options.highlight_root = "L4";
  highlighted = render (&options, 1.0);

  probe_point (l4, options.layout, &x, &y);
  pixel_at (plain, x, y, &a);
  pixel_at (highlighted, x, y, &b);
  g_assert_true (close_to (&a, &b));

  probe_point (s1, options.layout, &x, &y);
  pixel_at (plain, x, y, &a);
  pixel_at (highlighted, x, y, &b);
  g_assert_false (close_to (&a, &b));
  /* dimmed means lighter */
  g_assert_cmpfloat (b.red + b.green + b.blue, >, a.red + a.green + a.blue);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (highlighted);
}

static void
test_region_highlight (void)
{
  g_autoptr (DermRenderer) renderer = derm_renderer_new (atlas);
  const DermRegion *region = derm_atlas_get_region (atlas, "patella-left");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) DERM_VIEW_WIDTH,
                                                         (int) (DERM_LAYOUT_HEADER + DERM_VIEW_HEIGHT));
  cairo_t *cr = cairo_create (surface);
  const DermRegion *other = derm_atlas_get_region (atlas, "patella-right");
  const guchar *data;
  int stride;
  double x, y;

  derm_renderer_render_region (renderer, cr, DERM_LAYOUT_ANTERIOR, region, TRUE, FALSE);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  /* drawn over the region, and nowhere near the other knee */
  probe_point (region, DERM_LAYOUT_ANTERIOR, &x, &y);
  g_assert_cmpuint (data[(int) y * stride + 4 * (int) x + 3], >, 0);
  probe_point (other, DERM_LAYOUT_ANTERIOR, &x, &y);
  g_assert_cmpuint (data[(int) y * stride + 4 * (int) x + 3], ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_id_map_layouts (void)
{
  const DermRegion *region = derm_atlas_get_region (atlas, "achilles-left");
  g_autoptr (DermIdMap) both = derm_id_map_new (atlas, DERM_LAYOUT_BOTH, 0.7);
  g_autoptr (DermIdMap) front = derm_id_map_new (atlas, DERM_LAYOUT_ANTERIOR, 0.7);
  double x, y;

  probe_point (region, DERM_LAYOUT_BOTH, &x, &y);
  g_assert_true (derm_id_map_lookup (both, x, y) == region);
  /* the anterior layout does not show it */
  g_assert_null (derm_id_map_lookup (front, x, y));
  g_assert_null (derm_id_map_lookup (both, -1, -1));
  g_assert_null (derm_id_map_lookup (both, 1e6, 10));
}

static void
test_layout (void)
{
  double w, h, scale, ox, oy, vx, vy;
  DermView view;

  derm_layout_get_size (DERM_LAYOUT_BOTH, &w, &h);
  g_assert_cmpfloat (w, >, 2 * DERM_VIEW_WIDTH);
  g_assert_true (derm_layout_to_view (DERM_LAYOUT_BOTH, w - 10, h - 10, &view, &vx, &vy));
  g_assert_cmpint (view, ==, DERM_VIEW_POSTERIOR);
  g_assert_false (derm_layout_to_view (DERM_LAYOUT_BOTH, DERM_VIEW_WIDTH + 1, 500, &view, &vx, &vy));
  g_assert_false (derm_layout_to_view (DERM_LAYOUT_ANTERIOR, 300, 5, &view, &vx, &vy));

  derm_layout_fit (DERM_LAYOUT_ANTERIOR, 1000, 500, &scale, &ox, &oy);
  g_assert_cmpfloat_with_epsilon (scale, 500 / h, 1e-9);
  g_assert_cmpfloat_with_epsilon (ox, (1000 - DERM_VIEW_WIDTH * scale) / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (oy, 0, 1e-9);
}

/* One view of an atlas, 2 pixels a unit, no header, no labels. */
static cairo_surface_t *
render_view (DermAtlas   *with,
             DermView     view,
             DermStyle    style,
             DermPalette  palette)
{
  g_autoptr (DermRenderer) renderer = derm_renderer_new (with);
  DermRenderOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;

  derm_render_options_init (&options);
  options.layout = view == DERM_VIEW_ANTERIOR ? DERM_LAYOUT_ANTERIOR : DERM_LAYOUT_POSTERIOR;
  options.style = style;
  options.palette = palette;
  options.labels = FALSE;
  options.header = FALSE;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 2 * DERM_VIEW_WIDTH,
                                        2 * (DERM_LAYOUT_HEADER + DERM_VIEW_HEIGHT));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 2, 2);
  derm_renderer_render (renderer, cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* How many pixels of two renderings differ. */
static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a);
  int height = cairo_image_surface_get_height (a);
  const guchar *da = cairo_image_surface_get_data (a);
  const guchar *db = cairo_image_surface_get_data (b);
  guint n = 0;

  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  for (int i = 0; i < stride * height; i += 4)
    n += memcmp (da + i, db + i, 3) != 0;
  return n;
}

/* An atlas of one's own in a fresh folder: atlas.xml and the two maps, and
 * with art, the two art files beside them. */
DermAtlas *
copy_atlas (gboolean  art,
            char    **dir)
{
  static const char * const files[] = {
    "atlas.xml", "maps/anterior.svg", "maps/posterior.svg",
    "maps/anterior-art.svg", "maps/posterior-art.svg",
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = NULL, *anterior = NULL, *posterior = NULL;
  DermAtlas *copy;

  *dir = g_dir_make_tmp ("derm-art-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < (art ? 5u : 3u); i++)
    {
      g_autofree char *from = g_test_build_filename (G_TEST_DIST, "..", "data", files[i], NULL);
      g_autofree char *to = g_build_filename (*dir, strrchr (files[i], '/') ? strrchr (files[i], '/') + 1 : files[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (from, &contents, &length, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (to, contents, length, &error));
      g_assert_no_error (error);
    }
  xml = g_build_filename (*dir, "atlas.xml", NULL);
  anterior = g_build_filename (*dir, "anterior.svg", NULL);
  posterior = g_build_filename (*dir, "posterior.svg", NULL);
  copy = derm_atlas_new_from_files (xml, anterior, posterior, &error);
  g_assert_no_error (error);
  return copy;
}

void
remove_copy (char *dir)
{
  static const char * const names[] = {
    "atlas.xml", "anterior.svg", "posterior.svg", "anterior-art.svg", "posterior-art.svg",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_remove (path);
    }
  g_rmdir (dir);
  g_free (dir);
}

/* The art (shading and contour lines, SVG drawn by librsvg) lies over the
 * region fills: the bundled atlas has it, an atlas of one's own has it
 * when its folder holds the art files and draws without it, and without
 * a complaint, when not. The colour style shades; grayscale and the
 * worksheet draw only the contour lines, high contrast none. */
static void
test_art_layer (void)
{
  g_autofree char *bare_dir = NULL, *art_dir = NULL;
  g_autoptr (DermAtlas) bare = copy_atlas (FALSE, &bare_dir);
  g_autoptr (DermAtlas) with_art = copy_atlas (TRUE, &art_dir);
  const DermMap *map = derm_atlas_get_default_map (atlas);
  /* just inside the skin of the right leg's lateral edge, where a sourced
   * zone of one root is flat (not striped or ringed): the skin turns away
   * from the eye there, so the colour style shades it */
  double ex = 0, ey = 0;
  const DermRegion *edge_region = NULL;
  const DermRoot *edge_root;
  DermColor fill, shaded, flat;
  cairo_surface_t *ours, *copied, *plain;
  double oy = DERM_LAYOUT_HEADER;
  guint shading;

  for (double y = 300; y < 900 && edge_region == NULL; y += 10)
    for (double x = 1; x < 300; x += 0.5)
      {
        const DermRegion *r = derm_geometry_region_at (atlas, DERM_VIEW_ANTERIOR, x, y);

        if (r == NULL)
          continue;
        r = derm_geometry_region_at (atlas, DERM_VIEW_ANTERIOR, x + 1.5, y);
        if (r != NULL && derm_map_zone_is_sourced (map, r) && derm_map_get_roots (map, r)[0] != NULL &&
            derm_map_get_roots (map, r)[1] == NULL)
          {
            edge_region = r;
            ex = x + 1.5;
            ey = y;
          }
        break;
      }
  g_assert_nonnull (edge_region);
  g_test_message ("shaded edge point: %s at %.1f, %.0f", edge_region->id, ex, ey);
  g_assert_cmpint (edge_region->side, ==, DERM_SIDE_RIGHT);
  edge_root = derm_atlas_get_root (atlas, derm_map_get_roots (map, edge_region)[0]);
  derm_palette_get_root_color (edge_root->index, DERM_STYLE_COLOR, &fill);

  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    {
      ours = render_view (atlas, view, DERM_STYLE_COLOR, DERM_PALETTE_DEFAULT);
      copied = render_view (with_art, view, DERM_STYLE_COLOR, DERM_PALETTE_DEFAULT);
      plain = render_view (bare, view, DERM_STYLE_COLOR, DERM_PALETTE_DEFAULT);
      /* the art files beside a folder's maps are its art */
      g_assert_cmpuint (count_differences (ours, copied), ==, 0);
      /* without them the drawing is plainer, over tens of thousands of
       * pixels (the edges of the skin all round) */
      shading = count_differences (ours, plain);
      g_test_message ("%s: art changes %u pixels in colour", derm_view_to_string (view), shading);
      g_assert_cmpuint (shading, >, 20000);
      if (view == DERM_VIEW_ANTERIOR)
        {
          pixel_at (ours, 2 * ex, 2 * (oy + ey), &shaded);
          pixel_at (plain, 2 * ex, 2 * (oy + ey), &flat);
          /* flat without art, darker with it */
          g_assert_true (close_to (&flat, &fill));
          g_assert_false (close_to (&shaded, &fill));
          g_assert_cmpfloat (shaded.red + shaded.green + shaded.blue, <, flat.red + flat.green + flat.blue - 0.06);
        }
      cairo_surface_destroy (ours);
      cairo_surface_destroy (copied);
      cairo_surface_destroy (plain);

      /* high contrast: flat fills only */
      ours = render_view (atlas, view, DERM_STYLE_COLOR, DERM_PALETTE_HIGH_CONTRAST);
      plain = render_view (bare, view, DERM_STYLE_COLOR, DERM_PALETTE_HIGH_CONTRAST);
      g_assert_cmpuint (count_differences (ours, plain), ==, 0);
      cairo_surface_destroy (ours);
      cairo_surface_destroy (plain);

      /* grayscale and worksheet: the contour lines, no shading: a fraction
       * of the pixels */
      for (DermStyle style = DERM_STYLE_GRAYSCALE; style <= DERM_STYLE_WORKSHEET; style++)
        {
          guint n;

          ours = render_view (atlas, view, style, DERM_PALETTE_DEFAULT);
          plain = render_view (bare, view, style, DERM_PALETTE_DEFAULT);
          n = count_differences (ours, plain);
          g_test_message ("%s: art changes %u pixels in style %d", derm_view_to_string (view), n, style);
          g_assert_cmpuint (n, >, 200);
          g_assert_cmpuint (n, <, shading / 10);
          if (view == DERM_VIEW_ANTERIOR)
            {
              pixel_at (ours, 2 * ex, 2 * (oy + ey), &shaded);
              pixel_at (plain, 2 * ex, 2 * (oy + ey), &flat);
              g_assert_true (close_to (&shaded, &flat));
            }
          cairo_surface_destroy (ours);
          cairo_surface_destroy (plain);
        }
    }

  remove_copy (g_steal_pointer (&bare_dir));
  remove_copy (g_steal_pointer (&art_dir));
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  atlas = derm_atlas_new_from_resource (&error);
  g_assert_no_error (error);

  g_test_add_func ("/atlas/render/colours-follow-map", test_colours_follow_map);
  g_test_add_func ("/atlas/render/highlight-root", test_highlight_root_dims_others);
  g_test_add_func ("/atlas/render/overlap-hatched", test_overlap_hatched);
  g_test_add_func ("/atlas/render/blank-region-neutral", test_blank_region_neutral);
  g_test_add_func ("/atlas/render/key-points", test_key_points_overlay);
  g_test_add_func ("/atlas/render/nerves", test_nerves_overlay);
  g_test_add_func ("/atlas/render/region-highlight", test_region_highlight);
  g_test_add_func ("/atlas/render/id-map-layouts", test_id_map_layouts);
  g_test_add_func ("/atlas/render/layout", test_layout);
  g_test_add_func ("/atlas/render/art-layer", test_art_layer);
  test_render_palettes_add_tests ();
  test_render_zones_add_tests ();
  test_render_labels_add_tests ();

  status = g_test_run ();
  g_object_unref (atlas);
  return status;
}
