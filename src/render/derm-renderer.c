/* derm-renderer.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one drawing path: screen, print and export all come through
 * derm_renderer_render (). Colours come from the palette here, never from
 * the SVG: regions, highlights and overlays are drawn with cairo from the
 * outlines in the SVG (derm_svg_paths), which librsvg is not needed for.
 *
 * This file holds the object and the order things are drawn in; each layer
 * is drawn in a file of its own, sharing derm-renderer-private.h:
 * derm-renderer-palettes.c (colours, tones, patterns),
 * derm-renderer-regions.c (the skin, landmarks and outline),
 * derm-renderer-art.c (shading and contour lines, SVG drawn by librsvg),
 * derm-renderer-labels.c (titles, root labels, numbered blanks) and
 * derm-renderer-overlays.c (nerve territories and their names, key points).
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <math.h>
#include <string.h>

#include "derm-geometry.h"
#include "derm-layout.h"
#include "derm-renderer-private.h"
#include "derm-svg-path.h"

G_DEFINE_FINAL_TYPE (DermRenderer, derm_renderer, G_TYPE_OBJECT)

void
derm_render_options_init (DermRenderOptions *options)
{
  memset (options, 0, sizeof *options);
  options->layout = DERM_LAYOUT_BOTH;
  options->style = DERM_STYLE_COLOR;
  options->labels = TRUE;
  options->header = TRUE;
  options->palette = DERM_PALETTE_DEFAULT;
  options->label_scale = 1.0;
  options->header_scale = 1.0;
  options->outline_scale = 1.0;
}

static void
derm_renderer_finalize (GObject *object)
{
  DermRenderer *self = DERM_RENDERER (object);

  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    g_clear_pointer (&self->nerve_outlines[view], g_ptr_array_unref);
  _derm_renderer_clear_art (self);

  g_clear_object (&self->atlas);

  G_OBJECT_CLASS (derm_renderer_parent_class)->finalize (object);
}

static void
derm_renderer_class_init (DermRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = derm_renderer_finalize;
}

static void
derm_renderer_init (DermRenderer *self)
{
}

DermRenderer *
derm_renderer_new (DermAtlas *atlas)
{
  DermRenderer *self;

  g_return_val_if_fail (DERM_IS_ATLAS (atlas), NULL);

  self = g_object_new (DERM_TYPE_RENDERER, NULL);
  self->atlas = g_object_ref (atlas);
  return self;
}

DermAtlas *
derm_renderer_get_atlas (DermRenderer *self)
{
  g_return_val_if_fail (DERM_IS_RENDERER (self), NULL);
  return self->atlas;
}

/* Root labels of a map: one per run of same-root skin per side and view. */
GArray *
_derm_renderer_get_labels (DermRenderer  *self,
                           const DermMap *map)
{
  return derm_geometry_get_root_labels (self->atlas, map);
}

/* The outlines of the view's elements, each read when first used: the
 * atlas's, shared with its id maps and other renderers. */
DermSvgPaths *
_derm_renderer_get_paths (DermRenderer *self,
                          DermView      view)
{
  return derm_geometry_get_paths (self->atlas, view);
}

gboolean
_derm_renderer_append_region_path (DermRenderer     *self,
                                   cairo_t          *cr,
                                   const DermRegion *region)
{
  return derm_svg_paths_try_append (_derm_renderer_get_paths (self, region->view), region->id, cr);
}

static void
set_source_rgb_hex (cairo_t *cr,
                    guint32  rgb,
                    double   alpha)
{
  cairo_set_source_rgba (cr, (rgb >> 16 & 0xff) / 255.0, (rgb >> 8 & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

void
derm_renderer_render (DermRenderer            *self,
                      cairo_t                 *cr,
                      const DermRenderOptions *options)
{
  const DermMap *map;

  g_return_if_fail (DERM_IS_RENDERER (self));
  g_return_if_fail (cr != NULL && options != NULL);

  map = derm_atlas_get_map (self->atlas, options->map_id);
  if (map == NULL)
    map = derm_atlas_get_default_map (self->atlas);

  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    {
      double ox, oy;

      if (!derm_layout_view_origin (options->layout, view, &ox, &oy))
        continue;

      cairo_save (cr);
      cairo_translate (cr, ox, oy);
      _derm_renderer_draw_regions (self, cr, view, map, options);
      if (options->style != DERM_STYLE_WORKSHEET)
        _derm_renderer_decorate_regions (self, cr, view, map, options);
      /* over the fills, under every border, line and label */
      _derm_renderer_draw_art (self, cr, view, options);
      if (options->style == DERM_STYLE_WORKSHEET)
        {
          static const DermColor ink = { 0.13, 0.13, 0.13 };

          _derm_renderer_outline_zones (self, cr, view, map, &ink, 2.2);
        }
      if (options->style == DERM_STYLE_COLOR && _derm_renderer_options_scheme (options)->zone_outlines)
        _derm_renderer_outline_zones (self, cr, view, map,
                                      &_derm_renderer_options_scheme (options)->outline, 2.4);
      _derm_renderer_draw_lines (self, cr, view, options);
      if (options->labels && options->style != DERM_STYLE_WORKSHEET)
        {
          if (_derm_renderer_uses_markers (options))
            _derm_renderer_draw_markers (self, cr, view, map, options, FALSE);
          else
            _derm_renderer_draw_labels (self, cr, view, map, options);
        }
      if (options->blanks && options->style == DERM_STYLE_WORKSHEET)
        _derm_renderer_draw_markers (self, cr, view, map, options, TRUE);
      if (options->nerves)
        _derm_renderer_draw_nerves (self, cr, view, map, options);
      if (options->key_points)
        _derm_renderer_draw_key_points (self, cr, view, map, options);
      if (options->header)
        _derm_renderer_draw_header (cr, view, options->header_scale > 0 ? options->header_scale : 1.0,
                                    options->dark);
      cairo_restore (cr);
    }
}

void
derm_renderer_render_region (DermRenderer     *self,
                             cairo_t          *cr,
                             DermLayout        layout,
                             const DermRegion *region,
                             gboolean          strong,
                             gboolean          dark)
{
  derm_renderer_render_region_full (self, cr, layout, region, strong, DERM_PALETTE_DEFAULT, dark);
}

void
derm_renderer_render_region_full (DermRenderer     *self,
                                  cairo_t          *cr,
                                  DermLayout        layout,
                                  const DermRegion *region,
                                  gboolean          strong,
                                  DermPalette       palette,
                                  gboolean          dark)
{
  gboolean high = palette == DERM_PALETTE_HIGH_CONTRAST;
  /* selection: the accent blue (a lighter one on dark); hover: a veil and
   * a line in the background's opposite; high contrast: opaque and thick */
  guint32 fill = strong ? (dark ? 0x78aeed : 0x1c71d8) : 0xffffff;
  /* high contrast selects with black (white on dark) over a halo of the
   * opposite, which stands out on every saturated fill */
  guint32 stroke = strong ? (high ? (dark ? 0xffffff : 0x000000) : dark ? 0x99c1f1 : 0x1a5fb4)
                          : (dark ? 0xffffff : high ? 0x000000 : 0x1c1c1c);
  double opacity = strong ? (dark ? 0.32 : 0.28) : (dark ? 0.2 : 0.38);
  double width = strong ? (high ? 5 : 3) : (high ? 3 : 1.6);
  double ox, oy;

  g_return_if_fail (DERM_IS_RENDERER (self));
  g_return_if_fail (region != NULL);

  if (!derm_layout_view_origin (layout, region->view, &ox, &oy))
    return;

  cairo_save (cr);
  cairo_translate (cr, ox, oy);
  cairo_new_path (cr);
  if (!derm_svg_paths_try_append (_derm_renderer_get_paths (self, region->view), region->id, cr))
    {
      cairo_restore (cr);
      return;
    }
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (high && strong)
    {
      set_source_rgb_hex (cr, dark ? 0x000000 : 0xffffff, 1);
      cairo_set_line_width (cr, width + 5);
      cairo_stroke_preserve (cr);
    }
  /* the opacity in 8 bits, as the SVG stylesheet had it */
  set_source_rgb_hex (cr, fill, round (opacity * 255) / 255.0);
  cairo_fill_preserve (cr);
  set_source_rgb_hex (cr, stroke, 1);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
  cairo_restore (cr);
}
