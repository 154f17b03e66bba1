/* test-render.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The renderer colours each region by its root on the active map, and the
 * id map and layout agree with what is drawn.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <math.h>

#include "derm-atlas.h"
#include "derm-id-map.h"
#include "derm-layout.h"
#include "derm-renderer.h"

static DermAtlas *atlas;

static cairo_surface_t *
render (const DermRenderOptions *options,
        double                   scale)
{
  g_autoptr (DermRenderer) renderer = derm_renderer_new (atlas);
  cairo_surface_t *surface;
  double lw, lh;
  cairo_t *cr;

  derm_layout_get_size (options->layout, &lw, &lh);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (lw * scale), (int) ceil (lh * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  derm_renderer_render (renderer, cr, options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
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

static gboolean
close_to (const DermColor *a,
          const DermColor *b)
{
  return fabs (a->red - b->red) < 0.02 && fabs (a->green - b->green) < 0.02 && fabs (a->blue - b->blue) < 0.02;
}

/* A point of the region away from its label, so the text does not cover it. */
static void
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

      if (roots[0] == NULL || roots[1] != NULL)
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
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 1070);
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
  g_test_add_func ("/atlas/render/region-highlight", test_region_highlight);
  g_test_add_func ("/atlas/render/id-map-layouts", test_id_map_layouts);
  g_test_add_func ("/atlas/render/layout", test_layout);

  status = g_test_run ();
  g_object_unref (atlas);
  return status;
}
