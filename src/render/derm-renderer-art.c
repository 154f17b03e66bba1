/* derm-renderer-art.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The art of a view that is not a region: soft shading for form (muscle
 * swells, patella, malleoli, buttocks, the skin turning away at the edges)
 * and fine contour lines (the tibial crest, the borders of muscles), drawn
 * over the region fills and under the borders, landmarks and labels. It is
 * SVG made by data/maps/src/generate.py beside each view's map
 * (anterior-art.svg, posterior-art.svg), rendered by librsvg so that it
 * stays vector in PDF and SVG. Region fills and hit-testing never see it.
 *
 * Two layers: #shading (gradients of low opacity) and #contours (lines).
 * The colour style shows both; grayscale and the worksheet only the
 * contours, because in grayscale a root is told by its tone, which
 * shading would shift, and a worksheet is line art; the high contrast
 * palette shows none, as its reader needs flat, strong fills.
 *
 * The art belongs with the outlines it was drawn for: the bundled art
 * with the bundled maps, and for an atlas of one's own (--atlas DIR)
 * DIR/anterior-art.svg and DIR/posterior-art.svg when they exist. Without
 * them there is simply no art. Each file is parsed once, at its first
 * use, so start-up pays only for the view it draws.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <librsvg/rsvg.h>
#include <string.h>

#include "derm-atlas-private.h"
#include "derm-renderer-private.h"

static const char * const bundled_map[DERM_N_VIEWS] = {
  RESOURCE_PREFIX "/maps/anterior.svg", RESOURCE_PREFIX "/maps/posterior.svg",
};
static const char * const bundled_art[DERM_N_VIEWS] = {
  RESOURCE_PREFIX "/maps/anterior-art.svg", RESOURCE_PREFIX "/maps/posterior-art.svg",
};

/* The art's bytes for the view of this atlas, or NULL when it has none. */
static GBytes *
find_art (DermAtlas *atlas,
          DermView   view,
          char     **name)
{
  GBytes *svg = derm_atlas_get_svg (atlas, view);
  g_autoptr (GBytes) bundled = NULL;
  const char *svg_name;
  g_autofree char *stem = NULL;
  g_autofree char *path = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (svg == NULL)
    return NULL;

  /* the bundled maps: the resource hands out its own memory (stored
   * uncompressed), so an atlas made from it holds the very same bytes; a
   * copy of them in a folder is a folder's atlas like any other */
  bundled = g_resources_lookup_data (bundled_map[view], G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bundled != NULL && g_bytes_get_data (bundled, NULL) == g_bytes_get_data (svg, NULL))
    {
      *name = g_strdup (bundled_art[view]);
      return g_resources_lookup_data (bundled_art[view], G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    }

  /* files: anterior.svg has its art in anterior-art.svg beside it */
  svg_name = derm_atlas_get_svg_name (atlas, view);
  if (svg_name == NULL || !g_str_has_suffix (svg_name, ".svg"))
    return NULL;
  stem = g_strndup (svg_name, strlen (svg_name) - strlen (".svg"));
  path = g_strconcat (stem, "-art.svg", NULL);
  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  *name = g_steal_pointer (&path);
  return g_bytes_new_take (contents, length);
}

static RsvgHandle *
load_art (DermRenderer *self,
          DermView      view)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  RsvgHandle *handle;
  gsize length;
  const guint8 *data;

  bytes = find_art (self->atlas, view, &name);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  handle = rsvg_handle_new_from_data (data, length, &error);
  if (handle == NULL)
    {
      /* an atlas of one's own with broken art still shows its map */
      g_message ("%s: %s: drawn without it", name, error->message);
      return NULL;
    }
  return handle;
}

/* The view's art handle, parsed at its first use, or NULL without art. */
static RsvgHandle *
get_art (DermRenderer *self,
         DermView      view)
{
  if (!self->art_loaded[view])
    {
      self->art[view] = load_art (self, view);
      self->art_loaded[view] = TRUE;
    }
  return self->art[view];
}

void
_derm_renderer_clear_art (DermRenderer *self)
{
  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    {
      g_clear_object (&self->art[view]);
      self->art_loaded[view] = FALSE;
    }
}

/* Draw the view's art in view units (cr already translated to the view). */
void
_derm_renderer_draw_art (DermRenderer            *self,
                         cairo_t                 *cr,
                         DermView                 view,
                         const DermRenderOptions *options)
{
  RsvgRectangle viewport = { 0, 0, DERM_VIEW_WIDTH, DERM_VIEW_HEIGHT };
  gboolean shading = options->style == DERM_STYLE_COLOR;
  RsvgHandle *handle;

  if (options->style == DERM_STYLE_COLOR && options->palette == DERM_PALETTE_HIGH_CONTRAST)
    return;
  handle = get_art (self, view);
  if (handle == NULL)
    return;

  cairo_save (cr);
  if (shading)
    rsvg_handle_render_layer (handle, cr, "#shading", &viewport, NULL);
  rsvg_handle_render_layer (handle, cr, "#contours", &viewport, NULL);
  cairo_restore (cr);
}
