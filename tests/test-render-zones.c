/* test-render-zones.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How zones are drawn: borders only where the roots change (a region's own
 * outline only in the worksheet style), and guessed zones unlike sourced
 * ones and unlike overlaps, on every map.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "derm-geometry.h"
#include "derm-svg-path.h"
#include "test-render.h"

#define ZONE_SCALE 3.0

static const char * const map_ids[] = { "isncsci", "keegan-garrett", "lee2008" };

/* Where the outline of the skin or a landmark runs, widened: a border
 * check there would test the landmark. */
static guint8 *
landmark_mask (DermLayout layout,
               int        width,
               int        height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);
  cairo_t *cr = cairo_create (surface);
  guint8 *mask = g_new0 (guint8, (gsize) width * height);
  const guchar *data;
  int stride;

  cairo_scale (cr, ZONE_SCALE, ZONE_SCALE);
  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    {
      DermSvgPaths *paths = derm_geometry_get_paths (atlas, view);
      double ox, oy;

      if (!derm_layout_view_origin (layout, view, &ox, &oy))
        continue;
      cairo_save (cr);
      cairo_translate (cr, ox, oy);
      cairo_new_path (cr);
      for (guint i = 0;; i++)
        {
          g_autofree char *key = g_strdup_printf ("landmark#%u", i);

          if (!derm_svg_paths_try_append (paths, key, cr))
            break;
        }
      derm_svg_paths_try_append (paths, "silhouette-outline", cr);
      cairo_set_line_width (cr, 6);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      mask[y * width + x] = data[y * stride + x] > 0;
  cairo_surface_destroy (surface);
  return mask;
}

static gboolean
same_roots (const char * const *a,
            const char * const *b)
{
  guint i;

  for (i = 0; a[i] != NULL && b[i] != NULL; i++)
    if (g_ascii_strcasecmp (a[i], b[i]) != 0)
      return FALSE;
  return a[i] == NULL && b[i] == NULL;
}

/* A plain fill: one root, given by a source. */
static gboolean
plain (const DermMap    *map,
       const DermRegion *region)
{
  const char * const *roots = derm_map_get_roots (map, region);

  return roots[0] != NULL && roots[1] == NULL && derm_map_get_zone_kind (map, region) == DERM_ZONE_SOURCED;
}

static gboolean
whitish (const DermColor *c)
{
  return c->red > 0.93 && c->green > 0.93 && c->blue > 0.93;
}

/* How far c is from fill to white, 0..1. */
static double
toward_white (const DermColor *c,
              const DermColor *fill)
{
  double f = fill->red + fill->green + fill->blue;

  return (c->red + c->green + c->blue - f) / MAX (3 - f, 1e-3);
}

/* Issue 13: on every map, where two regions of the same roots meet the
 * colour style draws no line (the pixel on the border is the fill), the
 * worksheet draws the regions' own outlines, and where the roots change
 * the border is drawn in both. */
static void
test_borders_only_between_roots (void)
{
  /* without the art layer, whose shading darkens the fills near the
   * skin's edge and whose contour lines cross some borders */
  g_autofree char *flat_dir = NULL;
  g_autoptr (DermAtlas) flat = copy_atlas (FALSE, &flat_dir);

  for (guint m = 0; m < G_N_ELEMENTS (map_ids); m++)
    {
      const DermMap *map = derm_atlas_get_map (atlas, map_ids[m]);
      g_autoptr (DermIdMap) id_map = derm_id_map_new (atlas, DERM_LAYOUT_BOTH, ZONE_SCALE);
      g_autofree guint8 *lines = NULL;
      DermRenderOptions options;
      cairo_surface_t *color, *worksheet;
      guint same = 0, same_fill = 0, same_ws = 0, root = 0, root_border = 0, root_ws = 0;
      int width, height;

      g_assert_nonnull (map);
      derm_render_options_init (&options);
      options.map_id = map_ids[m];
      options.labels = FALSE;
      options.header = FALSE;
      color = render_atlas (flat, &options, ZONE_SCALE);
      options.style = DERM_STYLE_WORKSHEET;
      worksheet = render_atlas (flat, &options, ZONE_SCALE);
      width = cairo_image_surface_get_width (color);
      height = cairo_image_surface_get_height (color);
      lines = landmark_mask (options.layout, width, height);

      for (int py = 4; py < height - 4; py++)
        for (int px = 4; px < width - 4; px++)
          {
            const DermRegion *a = derm_id_map_lookup (id_map, (px + 0.5) / ZONE_SCALE, (py + 0.5) / ZONE_SCALE);
            const DermRegion *b = derm_id_map_lookup (id_map, (px + 1.5) / ZONE_SCALE, (py + 0.5) / ZONE_SCALE);
            DermColor fill_a, fill_b, got, got_ws, next, next_ws;
            gboolean clear = TRUE;

            if (a == NULL || b == NULL || a == b || a->side != b->side || !plain (map, a) || !plain (map, b))
              continue;
            /* both sides of the border a few pixels deep are these two
             * regions and no landmark runs there */
            for (int d = -3; d <= 4 && clear; d++)
              for (int e = -3; e <= 3 && clear; e++)
                {
                  const DermRegion *r = derm_id_map_lookup (id_map, (px + d + 0.5) / ZONE_SCALE,
                                                            (py + e + 0.5) / ZONE_SCALE);

                  clear = (r == a || r == b) && !lines[(py + e) * width + px + d];
                }
            if (!clear)
              continue;
            derm_palette_get_root_color (derm_atlas_get_root (atlas, derm_map_get_roots (map, a)[0])->index,
                                         DERM_STYLE_COLOR, &fill_a);
            derm_palette_get_root_color (derm_atlas_get_root (atlas, derm_map_get_roots (map, b)[0])->index,
                                         DERM_STYLE_COLOR, &fill_b);
            pixel_at (color, px, py, &got);
            pixel_at (worksheet, px, py, &got_ws);
            pixel_at (color, px + 1, py, &next);
            pixel_at (worksheet, px + 1, py, &next_ws);
            if (same_roots (derm_map_get_roots (map, a), derm_map_get_roots (map, b)))
              {
                same++;
                same_fill += close_to (&got, &fill_a) && close_to (&next, &fill_b);
                same_ws += !whitish (&got_ws) || !whitish (&next_ws);
              }
            else
              {
                root++;
                /* the white line runs between the two pixels: at least one
                 * is well on the way from its fill to white */
                root_border += toward_white (&got, &fill_a) > 0.4 || toward_white (&next, &fill_b) > 0.4;
                root_ws += MIN (got_ws.red, next_ws.red) < 0.5;
              }
          }
      g_test_message ("%s: %u of %u same-root border pixels in the fill colour, %u outlined on a worksheet; "
                      "%u of %u root border pixels drawn, %u on a worksheet",
                      map_ids[m], same_fill, same, same_ws, root_border, root, root_ws);
      g_assert_cmpuint (same, >, 100);
      g_assert_cmpuint (root, >, 100);
      if (same_fill < same * 95 / 100)
        g_error ("%s: only %u of %u pixels on borders between regions of the same root are the fill colour",
                 map_ids[m], same_fill, same);
      if (same_ws < same * 95 / 100)
        g_error ("%s: only %u of %u pixels on borders between regions of the same root are outlined on a worksheet",
                 map_ids[m], same_ws, same);
      if (root_border < root * 90 / 100)
        g_error ("%s: only %u of %u pixels on root borders show the border", map_ids[m], root_border, root);
      if (root_ws < root * 90 / 100)
        g_error ("%s: only %u of %u pixels on root borders are inked on a worksheet", map_ids[m], root_ws, root);
      cairo_surface_destroy (color);
      cairo_surface_destroy (worksheet);
    }
  remove_copy (g_steal_pointer (&flat_dir));
}

/* Pixels of a disc round (x, y) on the surface whose colour is close to c. */
static double
share_near (cairo_surface_t *surface,
            double           x,
            double           y,
            int              radius,
            const DermColor *c)
{
  guint n = 0, all = 0;

  for (int dy = -radius; dy <= radius; dy++)
    for (int dx = -radius; dx <= radius; dx++)
      {
        DermColor got;

        if (dx * dx + dy * dy > radius * radius)
          continue;
        pixel_at (surface, x + dx, y + dy, &got);
        all++;
        n += close_to (&got, c);
      }
  return (double) n / all;
}

/* Issue 13: a guessed zone (between="..." in the atlas) reads uncertain:
 * its paint veiled, with rings; not the plain fill of a sourced zone and
 * not the stripes of an overlap (which keep their roots' full colours), in
 * colour and in grayscale, on every map that guesses. */
static void
test_guessed_zones_drawn_uncertain (void)
{
  GPtrArray *regions = derm_atlas_get_regions (atlas);
  static const DermColor white = { 1, 1, 1 };
  guint checked = 0;

  for (guint m = 0; m < G_N_ELEMENTS (map_ids); m++)
    for (DermStyle style = DERM_STYLE_COLOR; style <= DERM_STYLE_GRAYSCALE; style++)
      {
        const DermMap *map = derm_atlas_get_map (atlas, map_ids[m]);
        DermRenderOptions options;
        cairo_surface_t *surface;

        derm_render_options_init (&options);
        options.map_id = map_ids[m];
        options.style = style;
        options.labels = FALSE;
        options.header = FALSE;
        surface = render (&options, 2.0);
        for (guint i = 0; i < regions->len; i++)
          {
            const DermRegion *region = g_ptr_array_index (regions, i);
            const char * const *roots = derm_map_get_roots (map, region);
            const DermRegion *hit;
            DermColor paint, veiled;
            double x, y, full, light;

            if (roots[0] == NULL || roots[1] != NULL || derm_map_get_zone_kind (map, region) == DERM_ZONE_SOURCED)
              continue;
            probe_point (region, options.layout, &x, &y);
            /* a small region: the disc would reach its neighbours */
            hit = derm_geometry_region_at (atlas, region->view, region->label_x + 5, region->label_y + 5);
            if (hit != region || derm_geometry_region_at (atlas, region->view, region->label_x - 5,
                                                          region->label_y - 5) != region)
              continue;
            derm_palette_get_root_color (derm_atlas_get_root (atlas, roots[0])->index, style, &paint);
            veiled = (DermColor) { (paint.red + white.red) / 2, (paint.green + white.green) / 2,
                                   (paint.blue + white.blue) / 2 };
            full = share_near (surface, 2 * x, 2 * y, 8, &paint);
            light = share_near (surface, 2 * x, 2 * y, 8, &veiled);
            g_test_message ("%s %s %s: %.0f%% in its root's paint, %.0f%% veiled", map_ids[m],
                            style == DERM_STYLE_COLOR ? "colour" : "grayscale", region->id, full * 100, light * 100);
            if (full > 0.1 || light < 0.25)
              g_error ("%s, %s style: the guessed zone %s is drawn like a sourced one "
                       "(%.0f%% of its middle in its root's paint, %.0f%% veiled)", map_ids[m],
                       style == DERM_STYLE_COLOR ? "colour" : "grayscale", region->id, full * 100, light * 100);
            /* rings: some pixels far from both */
            if (share_near (surface, 2 * x, 2 * y, 8, &veiled) + full > 0.95)
              g_error ("%s: no rings over the guessed zone %s", map_ids[m], region->id);
            checked++;
          }
        cairo_surface_destroy (surface);
      }
  g_assert_cmpuint (checked, >=, 10);
}

void
test_render_zones_add_tests (void)
{
  g_test_add_func ("/atlas/render/borders-only-between-roots", test_borders_only_between_roots);
  g_test_add_func ("/atlas/render/guessed-zones-uncertain", test_guessed_zones_drawn_uncertain);
}
