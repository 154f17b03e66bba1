/* test-parcellation.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drawn regions tile the skin, sit on the patient's side, and agree
 * with the key sensory points of the ISNCSCI map.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <librsvg/rsvg.h>
#include <math.h>
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
      /* a key point is on the patient's side it claims: in a region of
       * that side, or in a midline region on that side of the midline
       * (the patient's right is the viewer's left in front, right behind) */
      if (region->side == DERM_SIDE_MID)
        g_assert_cmpint ((kp->x < DERM_VIEW_WIDTH / 2) == (kp->view == DERM_VIEW_ANTERIOR), ==,
                         kp->side == DERM_SIDE_RIGHT);
      else
        g_assert_cmpint (region->side, ==, kp->side);
    }

  /* every root has its key point on both sides, S4-5 too */
  for (guint i = 0; i < roots->len; i++)
    {
      const DermRoot *root = g_ptr_array_index (roots, i);

      g_assert_nonnull (derm_atlas_get_key_point (atlas, root->id, DERM_SIDE_LEFT));
      g_assert_nonnull (derm_atlas_get_key_point (atlas, root->id, DERM_SIDE_RIGHT));
      g_assert_null (derm_atlas_get_key_point (atlas, root->id, DERM_SIDE_MID));
    }
}

/* ISNCSCI scores S4-5 on the right and on the left, in the perianal skin
 * less than 1 cm lateral to the mucocutaneous junction (clinical.md): two
 * points, each in the inner perianal ring on the patient's own side of the
 * natal cleft, which behind is the viewer's same side. */
static void
test_s45_key_points (void)
{
  const DermRegion *inner = derm_atlas_get_region (atlas, "perianal-inner-mid");
  const DermKeyPoint *right = derm_atlas_get_key_point (atlas, "S4-5", DERM_SIDE_RIGHT);
  const DermKeyPoint *left = derm_atlas_get_key_point (atlas, "S4-5", DERM_SIDE_LEFT);
  const DermKeyPoint *sides[] = { right, left };
  guint count = 0;

  g_assert_nonnull (inner);
  g_assert_nonnull (right);
  g_assert_nonnull (left);
  g_assert_null (derm_atlas_get_key_point (atlas, "S4-5", DERM_SIDE_MID));
  for (guint i = 0; i < derm_atlas_get_key_points (atlas)->len; i++)
    count += strcmp (((DermKeyPoint *) g_ptr_array_index (derm_atlas_get_key_points (atlas), i))->root,
                     "S4-5") == 0;
  g_assert_cmpuint (count, ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      const DermKeyPoint *kp = sides[i];

      g_assert_cmpint (kp->view, ==, DERM_VIEW_POSTERIOR);
      g_assert_true (kp->region == inner);
      g_assert_true (derm_geometry_region_at (atlas, kp->view, kp->x, kp->y) == inner);
      /* beside the anus (a hole no region covers, on the midline), not on it */
      g_assert_null (derm_geometry_region_at (atlas, kp->view, DERM_VIEW_WIDTH / 2, kp->y));
      g_assert_cmpfloat (fabs (kp->x - DERM_VIEW_WIDTH / 2), >, 6);
    }
  /* behind, the patient's left is on the viewer's left */
  g_assert_cmpfloat (left->x, <, DERM_VIEW_WIDTH / 2);
  g_assert_cmpfloat (right->x, >, DERM_VIEW_WIDTH / 2);
  /* mirror images of each other */
  g_assert_cmpfloat_with_epsilon (left->x + right->x, DERM_VIEW_WIDTH, 0.01);
  g_assert_cmpfloat_with_epsilon (left->y, right->y, 0.01);
}

static void
test_laterality (void)
{
  GPtrArray *regions = derm_atlas_get_regions (atlas);
  guint pairs = 0, view_pairs[DERM_N_VIEWS] = { 0 };

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
      view_pairs[right->view]++;

      /* anterior: the patient faces us, so the right leg is on our left */
      if (right->view == DERM_VIEW_ANTERIOR && right->label_x >= left->label_x)
        g_error ("anterior %s is not on the viewer's left of %s", right->id, left->id);
      /* posterior: we see the back, so the right leg is on our right */
      if (right->view == DERM_VIEW_POSTERIOR && right->label_x <= left->label_x)
        g_error ("posterior %s is not on the viewer's right of %s", right->id, left->id);
    }
  g_assert_cmpuint (pairs, >=, 40);
  /* both views, the waist and the back included */
  g_assert_cmpuint (view_pairs[DERM_VIEW_ANTERIOR], >=, 28);
  g_assert_cmpuint (view_pairs[DERM_VIEW_POSTERIOR], >=, 25);
  /* the key points follow: the patient's right T10 point is on the viewer's
   * left in front, the right S1 point on the viewer's right behind */
  g_assert_cmpfloat (derm_atlas_get_key_point (atlas, "T10", DERM_SIDE_RIGHT)->x, <, DERM_VIEW_WIDTH / 2);
  g_assert_cmpfloat (derm_atlas_get_key_point (atlas, "T10", DERM_SIDE_LEFT)->x, >, DERM_VIEW_WIDTH / 2);
  g_assert_cmpfloat (derm_atlas_get_key_point (atlas, "S1", DERM_SIDE_RIGHT)->x, >, DERM_VIEW_WIDTH / 2);
  g_assert_cmpfloat (derm_atlas_get_key_point (atlas, "S1", DERM_SIDE_LEFT)->x, <, DERM_VIEW_WIDTH / 2);
}

/* TRUE if the region at a point of a view has the root on the map. */
static gboolean
has_root_at (const DermMap *map,
             DermView       view,
             double         x,
             double         y,
             const char    *root)
{
  const DermRegion *region = derm_geometry_region_at (atlas, view, x, y);

  return region != NULL && derm_map_region_has_root (map, region, root);
}

/* ISNCSCI (worksheet): T12 is a narrow band just above the inguinal
 * ligament, with T11 above it and L1 below it; the drawing goes up past
 * the umbilicus, so T10 and T11 have skin of their own. */
static void
test_t12_band (void)
{
  const DermMap *isncsci = derm_atlas_get_map (atlas, "isncsci");

  for (DermSide side = DERM_SIDE_RIGHT; side <= DERM_SIDE_LEFT; side++)
    {
      const DermKeyPoint *t12 = derm_atlas_get_key_point (atlas, "T12", side);
      const DermKeyPoint *l3 = derm_atlas_get_key_point (atlas, "L3", side);
      const DermKeyPoint *t10 = derm_atlas_get_key_point (atlas, "T10", side);
      double top = t12->y, bottom = t12->y, thigh = l3->y - t12->y;

      while (has_root_at (isncsci, t12->view, t12->x, top - 0.5, "T12"))
        top -= 0.5;
      while (has_root_at (isncsci, t12->view, t12->x, bottom + 0.5, "T12"))
        bottom += 0.5;
      g_test_message ("%s T12 band at its key point: %.1f units high, thigh %.1f",
                      derm_side_to_string (side), bottom - top, thigh);
      /* narrow against the thigh (groin to knee), yet a band one can click */
      g_assert_cmpfloat (bottom - top, <, 0.18 * thigh);
      g_assert_cmpfloat (bottom - top, >, 0.05 * thigh);
      g_assert_true (has_root_at (isncsci, t12->view, t12->x, top - 2, "T11"));
      g_assert_true (has_root_at (isncsci, t12->view, t12->x, bottom + 2, "L1"));
      /* T10 at the level of the umbilicus, above T11 */
      g_assert_cmpfloat (t10->y, <, top - 20);
      g_assert_true (has_root_at (isncsci, t10->view, t10->x, t10->y - 10, "T10"));
    }
}

/* Keegan and Garrett: L1 to S2 leave the dorsal midline one below the other,
 * on each side of it. */
static void
test_keegan_garrett_midline (void)
{
  static const char * const bands[] = { "L1", "L2", "L3", "L4", "L5", "S1", "S2" };
  const DermMap *kg = derm_atlas_get_map (atlas, "keegan-garrett");
  const DermKeyPoint *s45 = derm_atlas_get_key_point (atlas, "S4-5", DERM_SIDE_LEFT);

  for (int s = -1; s <= 1; s += 2)
    {
      /* behind, the patient's right is on the viewer's right */
      DermSide side = s > 0 ? DERM_SIDE_RIGHT : DERM_SIDE_LEFT;
      double x = DERM_VIEW_WIDTH / 2 + s * 1.5;
      double first[G_N_ELEMENTS (bands)];

      for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
        first[b] = -1;
      for (double y = 0; y < s45->y; y += 0.5)
        {
          const DermRegion *region = derm_geometry_region_at (atlas, DERM_VIEW_POSTERIOR, x, y);

          if (region == NULL || region->side == DERM_SIDE_MID)
            continue;
          g_assert_cmpint (region->side, ==, side);
          for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
            if (first[b] < 0 && derm_map_region_has_root (kg, region, bands[b]))
              first[b] = y;
        }
      for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
        {
          if (first[b] < 0)
            g_error ("Keegan and Garrett's %s band does not reach the dorsal midline (%s side)",
                     bands[b], derm_side_to_string (side));
          if (b > 0 && first[b] <= first[b - 1])
            g_error ("Keegan and Garrett's %s band meets the midline above %s", bands[b], bands[b - 1]);
        }
    }
}

/* ISNCSCI behind: S2 covers the posterior thigh out to its lateral edge and
 * ends about mid-calf; below it the centre of the calf and the heel are S1,
 * the lateral half of the leg L5. */
static void
test_isncsci_posterior_leg (void)
{
  const DermMap *isncsci = derm_atlas_get_map (atlas, "isncsci");

  for (DermSide side = DERM_SIDE_RIGHT; side <= DERM_SIDE_LEFT; side++)
    {
      const DermKeyPoint *s2 = derm_atlas_get_key_point (atlas, "S2", side);
      const DermKeyPoint *s3 = derm_atlas_get_key_point (atlas, "S3", side);
      const DermKeyPoint *s1 = derm_atlas_get_key_point (atlas, "S1", side);
      double outward = s2->x < DERM_VIEW_WIDTH / 2 ? -1 : 1;
      double y = (s2->y + s3->y) / 2, x, end, fraction;
      const DermRegion *region = NULL, *at;

      /* mid-thigh, from the middle out to the lateral edge: all S2 */
      for (x = s2->x; (at = derm_geometry_region_at (atlas, s2->view, x, y)) != NULL; x += outward * 0.5)
        {
          if (!derm_map_region_has_root (isncsci, at, "S2"))
            g_error ("%s at mid-thigh is not S2 on isncsci", at->id);
          region = at;
        }
      g_assert_nonnull (region);
      g_assert_cmpstr (region->name_id, ==, "posterolateral-thigh");

      /* down the middle of the calf: S2 ends about halfway to the heel */
      for (end = s2->y; has_root_at (isncsci, s2->view, s2->x, end, "S2"); end += 0.5)
        ;
      fraction = (end - s2->y) / (s1->y - s2->y);
      g_test_message ("%s: S2 ends %.0f%% of the way from the knee to the heel",
                      derm_side_to_string (side), 100 * fraction);
      g_assert_cmpfloat (fraction, >, 0.3);
      g_assert_cmpfloat (fraction, <, 0.6);
      /* and S1 from there to the bottom of the heel */
      for (y = end; derm_geometry_region_at (atlas, s2->view, s2->x, y) != NULL; y += 0.5)
        if (!has_root_at (isncsci, s2->view, s2->x, y, "S1"))
          g_error ("the centre of the lower calf and heel is not S1 on isncsci at y %.1f", y);
      g_assert_cmpfloat (y, >, s1->y);
      /* the lateral half of the lower leg, halfway down, is L5 */
      y = (end + s1->y) / 2;
      for (x = s2->x; derm_geometry_region_at (atlas, s2->view, x + outward, y) != NULL; x += outward * 0.5)
        ;
      g_assert_true (has_root_at (isncsci, s2->view, x - outward * 3, y, "L5"));
    }
}

/* A zone that no source gives names the roots of the skin around it: each
 * root of a region that borders it (within a few units, across the thin
 * gaps between drawn regions) is among them. They may name more, such as
 * a neighbour drawn in the other view. */
static void
test_guessed_borders (void)
{
  GPtrArray *maps = derm_atlas_get_maps (atlas);
  GPtrArray *regions = derm_atlas_get_regions (atlas);
  guint n = regions->len, checked = 0;
  g_autofree gboolean *touch = g_new0 (gboolean, n * n);

  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    {
      DermIdMap *map = derm_geometry_get_view_id_map (atlas, view);
      double lw, lh;

      derm_layout_get_size ((DermLayout) view, &lw, &lh);
      for (double y = 0.5; y < lh; y += 1)
        for (double x = 0.5; x < lw; x += 1)
          {
            const DermRegion *a = derm_id_map_lookup (map, x, y);
            const DermRegion *right = derm_id_map_lookup (map, x + 3, y);
            const DermRegion *below = derm_id_map_lookup (map, x, y + 3);

            if (a == NULL)
              continue;
            if (right != NULL && right != a)
              touch[a->index * n + right->index] = touch[right->index * n + a->index] = TRUE;
            if (below != NULL && below != a)
              touch[a->index * n + below->index] = touch[below->index * n + a->index] = TRUE;
          }
    }

  for (guint m = 0; m < maps->len; m++)
    {
      const DermMap *map = g_ptr_array_index (maps, m);

      for (guint i = 0; i < n; i++)
        {
          const DermRegion *region = g_ptr_array_index (regions, i);
          const char * const *borders = derm_map_get_zone_borders (map, region);

          if (derm_map_get_zone_kind (map, region) != DERM_ZONE_GUESSED)
            continue;
          checked++;
          for (guint j = 0; j < n; j++)
            {
              const DermRegion *other = g_ptr_array_index (regions, j);
              const char * const *roots = derm_map_get_roots (map, other);

              if (!touch[i * n + j])
                continue;
              for (guint r = 0; roots[r] != NULL; r++)
                if (!g_strv_contains (borders, roots[r]))
                  g_error ("%s: the guessed %s borders %s (%s), which its between= leaves out",
                           map->id, region->id, other->id, roots[r]);
            }
        }
    }
  g_assert_cmpuint (checked, >, 0);
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
  g_test_add_func ("/atlas/parcellation/s45-key-points", test_s45_key_points);
  g_test_add_func ("/atlas/parcellation/laterality", test_laterality);
  g_test_add_func ("/atlas/parcellation/midline", test_midline);
  g_test_add_func ("/atlas/parcellation/t12-band", test_t12_band);
  g_test_add_func ("/atlas/parcellation/keegan-garrett-midline", test_keegan_garrett_midline);
  g_test_add_func ("/atlas/parcellation/isncsci-posterior-leg", test_isncsci_posterior_leg);
  g_test_add_func ("/atlas/parcellation/guessed-borders", test_guessed_borders);

  status = g_test_run ();
  g_object_unref (atlas);
  return status;
}
