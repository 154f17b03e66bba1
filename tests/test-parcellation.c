/* test-parcellation.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drawn regions tile the skin, sit on the patient's side, and agree
 * with the key sensory points of the ISNCSCI map.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <librsvg/rsvg.h>
#include <string.h>

#include "derm-bundle.h"
#include "derm-geometry.h"
#include "derm-layout.h"

static DermAtlas *atlas;

/* The silhouette alone, white on black, at scale pixels per unit. */
static cairo_surface_t *
render_silhouette (DermView view,
                   double   scale)
{
  static const char css[] =
    "#regions, #landmarks, #key-points { display: none !important; }\n"
    "#silhouette-outline { fill: #ffffff !important; stroke: none !important; "
    "shape-rendering: crispEdges !important; }\n";
  GBytes *svg = derm_atlas_get_svg (atlas, view);
  RsvgRectangle viewport = { 0, 0, DERM_VIEW_WIDTH, DERM_VIEW_HEIGHT };
  g_autoptr (GError) error = NULL;
  RsvgHandle *handle;
  cairo_surface_t *surface;
  double lw, lh;
  cairo_t *cr;

  derm_layout_get_size ((DermLayout) view, &lw, &lh);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (lw * scale), (int) (lh * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, 0, DERM_LAYOUT_HEADER);

  handle = rsvg_handle_new_from_data (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), &error);
  g_assert_no_error (error);
  rsvg_handle_set_stylesheet (handle, (const guint8 *) css, strlen (css), &error);
  g_assert_no_error (error);
  rsvg_handle_render_document (handle, cr, &viewport, &error);
  g_assert_no_error (error);

  g_object_unref (handle);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_coverage (gconstpointer data)
{
  DermView view = GPOINTER_TO_INT (data);
  const double scale = 2.0;
  g_autoptr (DermIdMap) map = derm_id_map_new (atlas, (DermLayout) view, scale);
  cairo_surface_t *mask = render_silhouette (view, scale);
  const guchar *pixels = cairo_image_surface_get_data (mask);
  int stride = cairo_image_surface_get_stride (mask);
  int width = cairo_image_surface_get_width (mask);
  int height = cairo_image_surface_get_height (mask);
  guint skin = 0, covered = 0, outside = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 value = *(const guint32 *) (pixels + y * stride + 4 * x) & 0xffffff;
        const DermRegion *region = derm_id_map_lookup (map, (x + 0.5) / scale, (y + 0.5) / scale);

        if (value != 0)
          {
            skin++;
            covered += region != NULL;
          }
        else
          outside += region != NULL;
      }

  g_test_message ("%s: %u skin pixels, %u covered, %u region pixels outside",
                  derm_view_to_string (view), skin, covered, outside);
  g_assert_cmpuint (skin, >, 100000);
  /* at least 99.5% of the skin has a region, and almost nothing lies outside */
  g_assert_cmpfloat ((double) covered / skin, >=, 0.995);
  g_assert_cmpfloat ((double) outside / skin, <=, 0.005);
  cairo_surface_destroy (mask);
}

static void
test_label_points (void)
{
  GPtrArray *regions = derm_atlas_get_regions (atlas);

  for (guint i = 0; i < regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (regions, i);
      const DermRegion *found = derm_geometry_region_at (atlas, region->view, region->label_x, region->label_y);

      if (found != region)
        g_error ("the label point of %s (%.1f, %.1f) lies in %s", region->id,
                 region->label_x, region->label_y, found ? found->id : "no region");
    }
}

static void
test_key_points (void)
{
  GPtrArray *points = derm_atlas_get_key_points (atlas);
  const DermMap *isncsci = derm_atlas_get_map (atlas, "isncsci");
  GPtrArray *roots = derm_atlas_get_roots (atlas);

  for (guint i = 0; i < points->len; i++)
    {
      const DermKeyPoint *kp = g_ptr_array_index (points, i);
      const DermRegion *region = derm_geometry_region_at (atlas, kp->view, kp->x, kp->y);

      g_assert_nonnull (region);
      g_assert_true (region == kp->region);
      if (!derm_map_region_has_root (isncsci, region, kp->root))
        g_error ("key point %s (%s) lies in %s, not an %s region on the ISNCSCI map",
                 kp->root, derm_side_to_string (kp->side), region->id, kp->root);
      /* a key point is on the patient's side it claims */
      g_assert_cmpint (region->side, ==, kp->side);
    }

  /* every root has its key point on both legs (S4-5 once, in the midline) */
  for (guint i = 0; i < roots->len; i++)
    {
      const DermRoot *root = g_ptr_array_index (roots, i);

      if (strcmp (root->id, "S4-5") == 0)
        g_assert_nonnull (derm_atlas_get_key_point (atlas, root->id, DERM_SIDE_MID));
      else
        {
          g_assert_nonnull (derm_atlas_get_key_point (atlas, root->id, DERM_SIDE_LEFT));
          g_assert_nonnull (derm_atlas_get_key_point (atlas, root->id, DERM_SIDE_RIGHT));
        }
    }
}

static void
test_laterality (void)
{
  GPtrArray *regions = derm_atlas_get_regions (atlas);
  guint pairs = 0;

  for (guint i = 0; i < regions->len; i++)
    {
      const DermRegion *right = g_ptr_array_index (regions, i);
      g_autofree char *left_id = NULL;
      const DermRegion *left;

      if (right->side != DERM_SIDE_RIGHT)
        continue;
      left_id = g_strdup_printf ("%s-left", right->name_id);
      left = derm_atlas_get_region (atlas, left_id);
      g_assert_nonnull (left);
      pairs++;

      /* anterior: the patient faces us, so the right leg is on our left */
      if (right->view == DERM_VIEW_ANTERIOR && right->label_x >= left->label_x)
        g_error ("anterior %s is not on the viewer's left of %s", right->id, left->id);
      /* posterior: we see the back, so the right leg is on our right */
      if (right->view == DERM_VIEW_POSTERIOR && right->label_x <= left->label_x)
        g_error ("posterior %s is not on the viewer's right of %s", right->id, left->id);
    }
  g_assert_cmpuint (pairs, >=, 40);
}

static void
test_midline (void)
{
  const DermRegion *inner = derm_atlas_get_region (atlas, "perianal-inner-mid");
  const DermRegion *genital = derm_atlas_get_region (atlas, "genital-mid");

  g_assert_nonnull (inner);
  g_assert_nonnull (genital);
  g_assert_cmpfloat_with_epsilon (inner->label_x, DERM_VIEW_WIDTH / 2, 15);
  g_assert_cmpfloat_with_epsilon (genital->label_x, DERM_VIEW_WIDTH / 2, 15);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  atlas = derm_atlas_new_from_resource (&error);
  g_assert_no_error (error);

  g_test_add_data_func ("/atlas/parcellation/coverage/anterior", GINT_TO_POINTER (DERM_VIEW_ANTERIOR), test_coverage);
  g_test_add_data_func ("/atlas/parcellation/coverage/posterior", GINT_TO_POINTER (DERM_VIEW_POSTERIOR), test_coverage);
  g_test_add_func ("/atlas/parcellation/label-points", test_label_points);
  g_test_add_func ("/atlas/parcellation/key-points", test_key_points);
  g_test_add_func ("/atlas/parcellation/laterality", test_laterality);
  g_test_add_func ("/atlas/parcellation/midline", test_midline);

  status = g_test_run ();
  g_object_unref (atlas);
  return status;
}
