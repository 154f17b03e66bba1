/* derm-renderer-regions.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The skin: each region filled in its root's paint from its outline,
 * overlaps striped, grayscale patterns, the root zones of a worksheet
 * outlined, then the landmarks and the skin's outline over them.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <math.h>

#include "derm-renderer-private.h"
#include "derm-svg-path.h"

/* a worksheet: each region's own outline, under the root zones' */
static const DermColor worksheet_region_color = { 0.55, 0.55, 0.55 };
#define WORKSHEET_REGION_WIDTH 0.7

static char *
join_roots (const char * const *roots)
{
  return g_strjoinv ("/", (char **) roots);
}

/* A palette colour as the SVG stylesheet had it: 8 bits a channel. */
static void
set_source_color (cairo_t         *cr,
                  const DermColor *c)
{
  cairo_set_source_rgb (cr,
                        round (CLAMP (c->red, 0, 1) * 255) / 255.0,
                        round (CLAMP (c->green, 0, 1) * 255) / 255.0,
                        round (CLAMP (c->blue, 0, 1) * 255) / 255.0);
}

/* The regions of a view in their paint, straight from their outlines:
 * pixel for pixel what librsvg drew with a stylesheet, without parsing the
 * whole document for it. Each region is stroked in its own fill, which
 * closes the seams and draws no border: regions with the same roots read
 * as one patch, and only root borders are drawn
 * (_derm_renderer_decorate_regions ()). The outline and landmarks are
 * drawn over everything by _derm_renderer_draw_lines (), once: in a PDF
 * every stroke drawn twice costs time and bytes. A worksheet on white
 * paper draws each region's own outline in a thin grey, and its root
 * zones are outlined over them (_derm_renderer_outline_zones ()). */
void
_derm_renderer_draw_regions (DermRenderer            *self,
                             cairo_t                 *cr,
                             DermView                 view,
                             const DermMap           *map,
                             const DermRenderOptions *options)
{
  GPtrArray *regions = derm_atlas_get_regions (self->atlas);
  const DermRoot *highlight = derm_atlas_get_root (self->atlas, options->highlight_root);
  const Scheme *scheme = _derm_renderer_options_scheme (options);
  static const DermColor white = { 1, 1, 1 };
  gboolean gray = options->style == DERM_STYLE_GRAYSCALE;

  if (options->style == DERM_STYLE_WORKSHEET)
    {
      cairo_save (cr);
      cairo_new_path (cr);
      for (guint i = 0; i < regions->len; i++)
        {
          const DermRegion *region = g_ptr_array_index (regions, i);

          if (region->view == view)
            _derm_renderer_append_region_path (self, cr, region);
        }
      set_source_color (cr, &worksheet_region_color);
      cairo_set_line_width (cr, WORKSHEET_REGION_WIDTH);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      cairo_restore (cr);
      return;
    }

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_miter_limit (cr, 4);
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (regions, i);
      const char * const *roots = derm_map_get_roots (map, region);
      gboolean dim = highlight != NULL && !g_strv_contains (roots, highlight->id);
      DermColor color;

      if (region->view != view)
        continue;

      if (roots[0] == NULL)
        color = gray ? white : dim ? scheme->dim : scheme->blank;
      else
        {
          /* an overlap starts with its first root's paint; the stripes of
           * the others, grayscale patterns and the rings of a guessed zone
           * are drawn over it, as vectors (_derm_renderer_decorate_regions ()) */
          const DermRoot *root = derm_atlas_get_root (self->atlas, roots[0]);

          _derm_renderer_scheme_root_color (scheme, root->index, options->style, &color);
          if (dim)
            color = _derm_renderer_mix (&color, &scheme->dim, scheme->dim_mix);
        }

      cairo_new_path (cr);
      if (!_derm_renderer_append_region_path (self, cr, region))
        continue;
      set_source_color (cr, &color);
      cairo_fill_preserve (cr);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* A guessed zone (no source of the map gives it: filled from the zones
 * around it) reads "uncertain": veiled, with rings in the colours of the
 * roots that border it (_derm_renderer_paint_guessed ()). */
static void
paint_guessed (DermRenderer            *self,
               cairo_t                 *cr,
               const DermMap           *map,
               const DermRegion        *region,
               const DermRenderOptions *options,
               gboolean                 dim)
{
  const char * const *borders = derm_map_get_zone_borders (map, region);
  const char * const *roots = derm_map_get_roots (map, region);
  guint indices[8];
  guint n = 0;

  for (guint i = 0; borders[i] != NULL && n < G_N_ELEMENTS (indices); i++)
    {
      const DermRoot *root = derm_atlas_get_root (self->atlas, borders[i]);

      if (root != NULL)
        indices[n++] = root->index;
    }
  for (guint i = 0; n == 0 && roots[i] != NULL && i < G_N_ELEMENTS (indices); i++)
    {
      const DermRoot *root = derm_atlas_get_root (self->atlas, roots[i]);

      if (root != NULL)
        indices[n++] = root->index;
    }
  _derm_renderer_paint_guessed (cr, _derm_renderer_options_scheme (options), indices, n, options->style, dim);
}

/* Grayscale patterns, the stripes of overlaps and the rings of guessed
 * zones, drawn with cairo clipped to the regions' outlines, so PDF and SVG
 * output stay vector. Then the borders between root zones over them. */
void
_derm_renderer_decorate_regions (DermRenderer            *self,
                                 cairo_t                 *cr,
                                 DermView                 view,
                                 const DermMap           *map,
                                 const DermRenderOptions *options)
{
  GPtrArray *regions = derm_atlas_get_regions (self->atlas);
  const DermRoot *highlight = derm_atlas_get_root (self->atlas, options->highlight_root);
  const Scheme *scheme = _derm_renderer_options_scheme (options);
  gboolean gray = options->style == DERM_STYLE_GRAYSCALE;

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);

  /* one clip per root and dimming: the union of the regions it starts
   * (they tile, so even-odd over all their contours is their union) */
  if (gray)
    for (guint r = 0; r < derm_atlas_get_roots (self->atlas)->len; r++)
      for (int dim = 0; dim < 2; dim++)
        {
          const DermRoot *root = g_ptr_array_index (derm_atlas_get_roots (self->atlas), r);
          guint n = 0;

          cairo_new_path (cr);
          for (guint i = 0; i < regions->len; i++)
            {
              const DermRegion *region = g_ptr_array_index (regions, i);
              const char * const *roots = derm_map_get_roots (map, region);
              gboolean dimmed = highlight != NULL && !g_strv_contains (roots, highlight->id);

              if (region->view != view || roots[0] == NULL || dimmed != dim ||
                  g_ascii_strcasecmp (roots[0], root->id) != 0)
                continue;
              if (_derm_renderer_append_region_path (self, cr, region))
                n++;
            }
          if (n == 0 || !_derm_renderer_has_pattern (root->index))
            {
              cairo_new_path (cr);
              continue;
            }
          cairo_save (cr);
          cairo_clip (cr);
          _derm_renderer_paint_pattern (cr, root->index, dim);
          cairo_restore (cr);
        }

  for (guint i = 0; i < regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (regions, i);
      const char * const *roots = derm_map_get_roots (map, region);
      gboolean dim = highlight != NULL && !g_strv_contains (roots, highlight->id);
      guint indices[8];
      guint n = 0;

      if (region->view != view || roots[0] == NULL || roots[1] == NULL)
        continue;
      for (guint r = 0; roots[r] != NULL && n < G_N_ELEMENTS (indices); r++)
        indices[n++] = derm_atlas_get_root (self->atlas, roots[r])->index;

      cairo_save (cr);
      cairo_new_path (cr);
      if (_derm_renderer_append_region_path (self, cr, region))
        {
          cairo_clip (cr);
          _derm_renderer_paint_stripes (cr, scheme, indices, n, options->style, dim);
        }
      cairo_restore (cr);
    }

  /* guessed zones over their paint, stripes and patterns */
  for (guint i = 0; i < regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (regions, i);
      const char * const *roots = derm_map_get_roots (map, region);
      gboolean dim = highlight != NULL && !g_strv_contains (roots, highlight->id);

      if (region->view != view || roots[0] == NULL ||
          derm_map_get_zone_kind (map, region) != DERM_ZONE_GUESSED)
        continue;
      cairo_save (cr);
      cairo_new_path (cr);
      if (_derm_renderer_append_region_path (self, cr, region))
        {
          cairo_clip (cr);
          paint_guessed (self, cr, map, region, options, dim);
        }
      cairo_restore (cr);
    }
  cairo_restore (cr);

  /* borders only where the roots change (high contrast outlines the root
   * zones in its outline colour instead); each zone strokes its half
   * outside itself, so the two halves make border_width */
  if (scheme->border_width > 0)
    _derm_renderer_outline_zones (self, cr, view, map, &scheme->border, scheme->border_width);
}

static double
outline_scale (const DermRenderOptions *options)
{
  return options->outline_scale > 0 ? CLAMP (options->outline_scale, 0.5, 3.0) : 1.0;
}

/* Landmarks (patella, malleoli, folds, toes) in thin lines, then the skin
 * outline, over the regions. */
void
_derm_renderer_draw_lines (DermRenderer            *self,
                           cairo_t                 *cr,
                           DermView                 view,
                           const DermRenderOptions *options)
{
  DermSvgPaths *paths = _derm_renderer_get_paths (self, view);
  const Scheme *scheme = _derm_renderer_options_scheme (options);
  double ink = options->style == DERM_STYLE_WORKSHEET ? 0.333 : 0.314;

  cairo_save (cr);
  cairo_new_path (cr);
  for (guint i = 0;; i++)
    {
      g_autofree char *key = g_strdup_printf ("landmark#%u", i);

      if (!derm_svg_paths_try_append (paths, key, cr))
        break;
    }
  if (options->style == DERM_STYLE_COLOR)
    cairo_set_source_rgba (cr, scheme->landmark.red, scheme->landmark.green, scheme->landmark.blue,
                           scheme->landmark_alpha);
  else
    cairo_set_source_rgba (cr, ink, ink, ink, 0.55);
  cairo_set_line_width (cr, (options->style == DERM_STYLE_COLOR ? scheme->landmark_width : 1.0) *
                            outline_scale (options));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_stroke (cr);

  if (derm_svg_paths_try_append (paths, "silhouette-outline", cr))
    {
      double gray = options->dark ? 0x1e / 255.0 : 0x30 / 255.0;

      if (options->style == DERM_STYLE_COLOR)
        {
          cairo_set_source_rgb (cr, scheme->outline.red, scheme->outline.green, scheme->outline.blue);
          cairo_set_line_width (cr, scheme->outline_width * outline_scale (options));
        }
      else
        {
          cairo_set_source_rgb (cr, gray, gray, gray);
          cairo_set_line_width (cr, 2.5);
        }
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* A worksheet outlines each root zone (same roots, same side), not the
 * regions it is made of: each zone's border stroked outside the zone only,
 * so borders inside a zone vanish and each border between two zones is
 * drawn half by each. */
void
_derm_renderer_outline_zones (DermRenderer    *self,
                              cairo_t         *cr,
                              DermView         view,
                              const DermMap   *map,
                              const DermColor *color,
                              double           width)
{
  GPtrArray *regions = derm_atlas_get_regions (self->atlas);
  g_autoptr (GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (regions, i);
      g_autofree char *roots = NULL;
      g_autofree char *key = NULL;
      GPtrArray *zone;

      if (region->view != view)
        continue;
      roots = join_roots (derm_map_get_roots (map, region));
      key = g_strdup_printf ("%s:%d", roots, region->side);
      zone = g_hash_table_lookup (zones, key);
      if (zone == NULL)
        {
          zone = g_ptr_array_new ();
          g_hash_table_insert (zones, g_steal_pointer (&key), zone);
        }
      g_ptr_array_add (zone, (gpointer) region);
    }

  cairo_save (cr);
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  g_hash_table_iter_init (&iter, zones);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *zone = value;
      double x0, y0, x1, y1;

      /* the clip no larger than the zone and its border: a clip mask as
       * large as the view for every zone made each render slow */
      cairo_save (cr);
      cairo_new_path (cr);
      for (guint i = 0; i < zone->len; i++)
        _derm_renderer_append_region_path (self, cr, g_ptr_array_index (zone, i));
      cairo_path_extents (cr, &x0, &y0, &x1, &y1);
      cairo_new_path (cr);
      cairo_rectangle (cr, x0 - width - 1, y0 - width - 1, x1 - x0 + 2 * width + 2, y1 - y0 + 2 * width + 2);
      for (guint i = 0; i < zone->len; i++)
        _derm_renderer_append_region_path (self, cr, g_ptr_array_index (zone, i));
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_clip (cr);
      cairo_new_path (cr);
      for (guint i = 0; i < zone->len; i++)
        _derm_renderer_append_region_path (self, cr, g_ptr_array_index (zone, i));
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  cairo_restore (cr);
}
