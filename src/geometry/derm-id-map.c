/* derm-id-map.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <math.h>

#include "derm-geometry-private.h"
#include "derm-id-map.h"
#include "derm-layout.h"

struct _DermIdMap {
  DermAtlas       *atlas;
  gboolean         owns_atlas;  /* FALSE for the maps the atlas itself keeps */
  DermLayout       layout;
  double           scale;
  int              width;
  int              height;
  int              stride;  /* in guint32 */
  cairo_surface_t *surface;
};

/* Render the regions layer of a view into cr (view units), each region
 * filled with a flat colour encoding index + 1, no antialiasing; an error
 * if a region's outline does not parse. */
static gboolean
render_id_layer (DermAtlas  *self,
                 DermView    view,
                 cairo_t    *cr,
                 GError    **error)
{
  DermSvgPaths *paths = derm_geometry_get_paths (self, view);
  GPtrArray *regions = derm_atlas_get_regions (self);

  /* flat fills from the outlines, as crisp as librsvg drew them with
   * shape-rendering: crispEdges (the same pixels, checked at every scale
   * the app uses) */
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (guint i = 0; i < regions->len; i++)
    {
      DermRegion *region = g_ptr_array_index (regions, i);
      guint value = region->index + 1;

      if (region->view != view)
        continue;
      cairo_new_path (cr);
      if (!derm_svg_paths_append (paths, region->id, cr, error))
        {
          cairo_restore (cr);
          return FALSE;
        }
      cairo_set_source_rgb (cr, (value >> 16 & 0xff) / 255.0, (value >> 8 & 0xff) / 255.0,
                            (value & 0xff) / 255.0);
      cairo_fill (cr);
    }
  cairo_restore (cr);
  return TRUE;
}

/* The map, even where a view failed to render (then blank there, with
 * *ok FALSE and the error set). */
static DermIdMap *
render (DermAtlas   *atlas,
        DermLayout   layout,
        double       scale,
        gboolean    *ok,
        GError     **error)
{
  DermIdMap *self;
  cairo_t *cr;
  double lw, lh;

  derm_layout_get_size (layout, &lw, &lh);
  self = g_new0 (DermIdMap, 1);
  self->atlas = g_object_ref (atlas);
  self->owns_atlas = TRUE;
  self->layout = layout;
  self->scale = scale;
  self->width = MAX (1, (int) ceil (lw * scale));
  self->height = MAX (1, (int) ceil (lh * scale));
  self->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, self->width, self->height);
  self->stride = cairo_image_surface_get_stride (self->surface) / 4;

  cr = cairo_create (self->surface);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_scale (cr, scale, scale);

  *ok = TRUE;
  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    {
      double ox, oy;

      if (!derm_layout_view_origin (layout, view, &ox, &oy))
        continue;
      cairo_save (cr);
      cairo_translate (cr, ox, oy);
      /* the first error is reported; the other views are still drawn */
      if (!render_id_layer (atlas, view, cr, *ok ? error : NULL))
        *ok = FALSE;
      cairo_restore (cr);
    }

  cairo_destroy (cr);
  cairo_surface_flush (self->surface);
  return self;
}

DermIdMap *
derm_id_map_try_new (DermAtlas   *atlas,
                     DermLayout   layout,
                     double       scale,
                     GError     **error)
{
  DermIdMap *self;
  gboolean ok;

  g_return_val_if_fail (DERM_IS_ATLAS (atlas), NULL);
  g_return_val_if_fail (scale > 0, NULL);

  self = render (atlas, layout, scale, &ok, error);
  if (!ok)
    g_clear_pointer (&self, derm_id_map_free);
  return self;
}

DermIdMap *
derm_id_map_new (DermAtlas  *atlas,
                 DermLayout  layout,
                 double      scale)
{
  g_autoptr (GError) error = NULL;
  DermIdMap *self;
  gboolean ok;

  g_return_val_if_fail (DERM_IS_ATLAS (atlas), NULL);
  g_return_val_if_fail (scale > 0, NULL);

  self = render (atlas, layout, scale, &ok, &error);
  /* The SVGs were validated at load; a failure here is a bug. */
  if (!ok)
    g_critical ("Could not render the id map: %s", error->message);
  return self;
}

void
derm_id_map_free (DermIdMap *self)
{
  if (self == NULL)
    return;
  cairo_surface_destroy (self->surface);
  if (self->owns_atlas)
    g_object_unref (self->atlas);
  g_free (self);
}

double
derm_id_map_get_scale (DermIdMap *self)
{
  return self->scale;
}

static inline guint
value_at (DermIdMap *self,
          int        px,
          int        py)
{
  const guint32 *data = (const guint32 *) cairo_image_surface_get_data (self->surface);

  return data[py * self->stride + px] & 0xffffff;
}

const DermRegion *
derm_id_map_lookup (DermIdMap *self,
                    double     x,
                    double     y)
{
  int px, py;
  guint value;

  g_return_val_if_fail (self != NULL, NULL);

  px = (int) floor (x * self->scale);
  py = (int) floor (y * self->scale);
  if (px < 0 || py < 0 || px >= self->width || py >= self->height)
    return NULL;

  value = value_at (self, px, py);
  if (value == 0)
    return NULL;
  return derm_atlas_get_region_by_index (self->atlas, value - 1);
}

void
derm_id_map_find_centers (DermIdMap   *self,
                          const guint *value_to_key,
                          guint        n_values,
                          guint        n_keys,
                          double      *xs,
                          double      *ys,
                          double      *depths)
{
  /* Chamfer 3-4 distance to the nearest pixel of another key, two passes,
   * on a grid of every STEP-th pixel: labels need no finer placement. */
  const int step = self->scale >= 2 ? 2 * (int) self->scale : (self->scale >= 1 ? 2 : 1);
  const int w = self->width / step, h = self->height / step;
  g_autofree guint *keys = g_new (guint, (gsize) w * h);
  g_autofree guint *dist = g_new (guint, (gsize) w * h);
  g_autofree guint *best = g_new0 (guint, n_keys);

  for (guint k = 0; k < n_keys; k++)
    xs[k] = ys[k] = depths[k] = 0;
  if (w < 3 || h < 3)
    return;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint value = value_at (self, x * step + step / 2, y * step + step / 2);
        keys[y * w + x] = value < n_values ? value_to_key[value] : 0;
      }

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint k = keys[y * w + x];
        guint d;

        if (k == 0 || x == 0 || y == 0 || x == w - 1 || y == h - 1 ||
            keys[y * w + x - 1] != k || keys[(y - 1) * w + x] != k ||
            keys[y * w + x + 1] != k || keys[(y + 1) * w + x] != k)
          {
            dist[y * w + x] = k == 0 ? 0 : 3;
            continue;
          }
        d = dist[y * w + x - 1] + 3;
        d = MIN (d, dist[(y - 1) * w + x] + 3);
        d = MIN (d, dist[(y - 1) * w + x - 1] + 4);
        d = MIN (d, dist[(y - 1) * w + x + 1] + 4);
        dist[y * w + x] = d;
      }

  for (int y = h - 2; y > 0; y--)
    for (int x = w - 2; x > 0; x--)
      {
        guint d = dist[y * w + x];

        if (d <= 3)
          continue;
        d = MIN (d, dist[y * w + x + 1] + 3);
        d = MIN (d, dist[(y + 1) * w + x] + 3);
        d = MIN (d, dist[(y + 1) * w + x + 1] + 4);
        d = MIN (d, dist[(y + 1) * w + x - 1] + 4);
        dist[y * w + x] = d;
      }

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint k = keys[y * w + x];

        if (k == 0 || k >= n_keys)
          continue;
        if (dist[y * w + x] > best[k])
          {
            best[k] = dist[y * w + x];
            xs[k] = (x * step + step / 2 + 0.5) / self->scale;
            ys[k] = (y * step + step / 2 + 0.5) / self->scale;
            depths[k] = dist[y * w + x] * step / 3.0 / self->scale;
          }
      }
}

void
_derm_id_map_release_atlas (DermIdMap *self)
{
  g_return_if_fail (self != NULL);

  if (!self->owns_atlas)
    return;
  self->owns_atlas = FALSE;
  g_object_unref (self->atlas);
}
