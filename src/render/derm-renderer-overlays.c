/* derm-renderer-overlays.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What can be laid over the map: the cutaneous nerve territories, each
 * traced as one dashed contour per side with its name placed clear of the
 * root labels, and the ISNCSCI key sensory points with their roots.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "derm-id-map.h"
#include "derm-layout.h"
#include "derm-outline.h"
#include "derm-renderer-private.h"
#include "derm-text.h"

/* pixels per view unit of the id map nerve territories are traced on */
#define NERVE_TRACE_SCALE 2.0

/* One nerve's territory on one side of one view. */
typedef struct {
  const DermNerve *nerve;
  guint            nerve_index;
  DermSide         side;
  GPtrArray       *loops;  /* of GArray of DermPoint, view units */
  GArray          *spots;  /* of DermSpot, view units: label places, best first */
} NerveOutline;

static void
nerve_outline_free (gpointer data)
{
  NerveOutline *outline = data;

  g_ptr_array_unref (outline->loops);
  g_array_unref (outline->spots);
  g_free (outline);
}

/* "saphenous nerve" -> "saphenous"; "tibial nerve (calcaneal, ...)" -> "tibial" */
static char *
short_nerve_name (const char *name)
{
  g_autoptr (GString) text = g_string_new (name);
  const char *paren = strstr (text->str, " (");
  char *nerve;

  if (paren != NULL)
    g_string_truncate (text, paren - text->str);
  /* Translators: the word dropped from a nerve's name where it is drawn
   * on the legs: "saphenous nerve" is labelled "saphenous" */
  while ((nerve = strstr (text->str, _(" nerve"))) != NULL &&
         (nerve[strlen (_(" nerve"))] == '\0' || nerve[strlen (_(" nerve"))] == ','))
    g_string_erase (text, nerve - text->str, strlen (_(" nerve")));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Trace each nerve's territory per side on the view's id map: the union of
 * its regions as one contour, and the places deep inside it for its name. */
static GPtrArray *
get_nerve_outlines (DermRenderer *self,
                    DermView      view)
{
  GPtrArray *regions = derm_atlas_get_regions (self->atlas);
  GPtrArray *nerves = derm_atlas_get_nerves (self->atlas);
  g_autoptr (DermIdMap) id_map = NULL;
  g_autofree guint16 *values = NULL;
  g_autofree int *boxes = NULL;  /* per region: x0, y0, x1, y1 in pixels */
  g_autofree gboolean *in_set = NULL;
  GPtrArray *outlines;
  double lw, lh, ox, oy;
  int width, height;

  if (self->nerve_outlines[view] != NULL)
    return self->nerve_outlines[view];

  outlines = g_ptr_array_new_with_free_func (nerve_outline_free);
  self->nerve_outlines[view] = outlines;

  id_map = derm_id_map_new (self->atlas, (DermLayout) view, NERVE_TRACE_SCALE);
  derm_layout_get_size ((DermLayout) view, &lw, &lh);
  derm_layout_view_origin ((DermLayout) view, view, &ox, &oy);
  width = (int) ceil (lw * NERVE_TRACE_SCALE);
  height = (int) ceil (lh * NERVE_TRACE_SCALE);

  values = g_new (guint16, (gsize) width * height);
  boxes = g_new (int, 4 * (regions->len + 1));
  in_set = g_new0 (gboolean, regions->len + 1);
  for (guint i = 0; i <= regions->len; i++)
    {
      boxes[4 * i] = boxes[4 * i + 1] = G_MAXINT;
      boxes[4 * i + 2] = boxes[4 * i + 3] = -1;
    }
  for (int py = 0; py < height; py++)
    for (int px = 0; px < width; px++)
      {
        const DermRegion *region = derm_id_map_lookup (id_map, (px + 0.5) / NERVE_TRACE_SCALE,
                                                       (py + 0.5) / NERVE_TRACE_SCALE);
        guint value = region != NULL ? region->index + 1 : 0;
        int *box = &boxes[4 * value];

        values[py * width + px] = value;
        box[0] = MIN (box[0], px);
        box[1] = MIN (box[1], py);
        box[2] = MAX (box[2], px);
        box[3] = MAX (box[3], py);
      }

  for (guint n = 0; n < nerves->len; n++)
    {
      const DermNerve *nerve = g_ptr_array_index (nerves, n);

      for (DermSide side = 0; side < DERM_N_SIDES; side++)
        {
          g_autofree guint8 *mask = NULL;
          int x0 = G_MAXINT, y0 = G_MAXINT, x1 = -1, y1 = -1, bw, bh;
          NerveOutline *outline;

          memset (in_set, 0, (regions->len + 1) * sizeof (gboolean));
          for (guint i = 0; i < regions->len; i++)
            {
              const DermRegion *region = g_ptr_array_index (regions, i);
              const int *box = &boxes[4 * (region->index + 1)];

              if (region->view != view || region->side != side || box[2] < 0 ||
                  !g_strv_contains ((const char * const *) nerve->regions, region->name_id))
                continue;
              in_set[region->index + 1] = TRUE;
              x0 = MIN (x0, box[0]);
              y0 = MIN (y0, box[1]);
              x1 = MAX (x1, box[2]);
              y1 = MAX (y1, box[3]);
            }
          if (x1 < 0)
            continue;

          /* one pixel of margin keeps the mask's edge outside */
          x0 = MAX (0, x0 - 1);
          y0 = MAX (0, y0 - 1);
          x1 = MIN (width - 1, x1 + 1);
          y1 = MIN (height - 1, y1 + 1);
          bw = x1 - x0 + 1;
          bh = y1 - y0 + 1;
          mask = g_new (guint8, (gsize) bw * bh);
          for (int y = 0; y < bh; y++)
            for (int x = 0; x < bw; x++)
              mask[y * bw + x] = in_set[values[(y0 + y) * width + x0 + x]];

          outline = g_new0 (NerveOutline, 1);
          outline->nerve = nerve;
          outline->nerve_index = n;
          outline->side = side;
          outline->loops = derm_outline_trace (mask, bw, bh, NERVE_TRACE_SCALE,
                                               x0 / NERVE_TRACE_SCALE - ox, y0 / NERVE_TRACE_SCALE - oy,
                                               4.0);
          outline->spots = derm_outline_find_spots (mask, bw, bh, NERVE_TRACE_SCALE,
                                                    x0 / NERVE_TRACE_SCALE - ox, y0 / NERVE_TRACE_SCALE - oy,
                                                    16, 18.0);
          g_ptr_array_add (outlines, outline);
        }
    }

  return outlines;
}

/* Beside the dot, on the side away from the midline so it sits on the leg
 * it belongs to, unless a root label is there. */
static Box
key_point_text_box (const DermKeyPoint *kp,
                    double              width,
                    double              height,
                    GArray             *taken)
{
  Box boxes[2];
  gboolean outward = kp->x < DERM_VIEW_WIDTH / 2;

  for (int i = 0; i < 2; i++)
    {
      boxes[i].x0 = (i == 0) == outward ? kp->x - KEY_POINT_RADIUS - 3 - width : kp->x + KEY_POINT_RADIUS + 3;
      boxes[i].x1 = boxes[i].x0 + width;
      boxes[i].y0 = kp->y - height / 2;
      boxes[i].y1 = boxes[i].y0 + height;
    }
  if (taken != NULL &&
      _derm_renderer_box_overlap (&boxes[0], taken) > _derm_renderer_box_overlap (&boxes[1], taken))
    return boxes[1];
  return boxes[0];
}

static int
compare_outline_depth (gconstpointer a,
                       gconstpointer b)
{
  const NerveOutline *oa = *(NerveOutline * const *) a;
  const NerveOutline *ob = *(NerveOutline * const *) b;
  double da = oa->spots->len > 0 ? g_array_index (oa->spots, DermSpot, 0).depth : 0;
  double db = ob->spots->len > 0 ? g_array_index (ob->spots, DermSpot, 0).depth : 0;

  return (da > db) - (da < db);
}

static PangoLayout *
create_label_layout (cairo_t    *cr,
                     const char *text,
                     double      size,
                     double      wrap_width)
{
  return derm_text_layout_new (cr, text, size, TRUE, wrap_width, PANGO_ALIGN_CENTER);
}

/* Text at (x, y) top left in a colour, over a halo or a plate. */
static void
show_label_halo (cairo_t         *cr,
                 PangoLayout     *layout,
                 double           x,
                 double           y,
                 const DermColor *halo_color,
                 double           halo_alpha,
                 double           halo,
                 gboolean         plate)
{
  cairo_save (cr);
  cairo_new_path (cr);
  if (plate)
    {
      PangoRectangle ink;
      double pad = halo * 0.6;

      pango_layout_get_extents (layout, &ink, NULL);
      cairo_rectangle (cr, x + ink.x / (double) PANGO_SCALE - pad, y + ink.y / (double) PANGO_SCALE - pad,
                       ink.width / (double) PANGO_SCALE + 2 * pad, ink.height / (double) PANGO_SCALE + 2 * pad);
      cairo_set_source_rgba (cr, halo_color->red, halo_color->green, halo_color->blue, halo_alpha);
      cairo_fill (cr);
    }
  else
    {
      cairo_move_to (cr, x, y);
      pango_cairo_layout_path (cr, layout);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_width (cr, halo);
      cairo_set_source_rgba (cr, halo_color->red, halo_color->green, halo_color->blue, halo_alpha);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
show_label_text (cairo_t         *cr,
                 PangoLayout     *layout,
                 double           x,
                 double           y,
                 const DermColor *color)
{
  cairo_save (cr);
  cairo_move_to (cr, x, y);
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* A nerve's name where it goes, in its colours. */
typedef struct {
  PangoLayout *layout;
  double       x, y;        /* the layout's top left */
  DermColor    text, halo;
  double       halo_alpha, halo_width;
} PlacedName;

static void
placed_name_clear (gpointer data)
{
  PlacedName *placed = data;

  g_clear_object (&placed->layout);
}

/* What the nerve names must not cover: root labels and key points. */
static GArray *
collect_obstacles (DermRenderer            *self,
                   DermView                 view,
                   const DermMap           *map,
                   const DermRenderOptions *options)
{
  GArray *taken = g_array_new (FALSE, FALSE, sizeof (Box));
  g_autoptr (GArray) roots = g_array_new (FALSE, FALSE, sizeof (Box));

  _derm_renderer_add_root_label_boxes (self, view, map, options, roots);
  g_array_append_vals (taken, roots->data, roots->len);

  if (options->key_points)
    {
      GPtrArray *points = derm_atlas_get_key_points (self->atlas);

      for (guint i = 0; i < points->len; i++)
        {
          const DermKeyPoint *kp = g_ptr_array_index (points, i);
          Box box = { kp->x - 9, kp->y - 9, kp->x + 9, kp->y + 9 };

          if (kp->view != view)
            continue;
          g_array_append_val (taken, box);
          /* its root id, about 0.62 em a character, placed as
           * _derm_renderer_draw_key_points () does */
          box = key_point_text_box (kp, 13 * 0.62 * strlen (kp->root), 14, roots);
          g_array_append_val (taken, box);
        }
    }

  return taken;
}

void
_derm_renderer_draw_nerves (DermRenderer            *self,
                            cairo_t                 *cr,
                            DermView                 view,
                            const DermMap           *map,
                            const DermRenderOptions *options)
{
  GPtrArray *outlines = get_nerve_outlines (self, view);
  g_autoptr (GArray) taken = collect_obstacles (self, view, map, options);
  g_autoptr (GPtrArray) order = NULL;
  static const double dash[] = { 7.0, 4.0 };
  static const double nudges[][2] = { { 0, 0 }, { 0, 1 }, { 0, -1 }, { -1, 0 }, { 1, 0 } };
  const Scheme *scheme = _derm_renderer_options_scheme (options);
  gboolean dark = scheme->dark;
  g_autoptr (GArray) names = NULL;

  /* All contours before any name, so no name is crossed by a line. A
   * light casing under the dashes keeps them apart from the colours; all
   * casings go first so where two territories share a border the dashes
   * of both show, offset by half a period. */
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < outlines->len; i++)
      {
        const NerveOutline *outline = g_ptr_array_index (outlines, i);
        DermColor color = _derm_renderer_nerve_color (outline->nerve_index, dark);

        cairo_new_path (cr);
        for (guint l = 0; l < outline->loops->len; l++)
          {
            GArray *loop = g_ptr_array_index (outline->loops, l);

            for (guint p = 0; p < loop->len; p++)
              {
                const DermPoint *point = &g_array_index (loop, DermPoint, p);

                if (p == 0)
                  cairo_move_to (cr, point->x, point->y);
                else
                  cairo_line_to (cr, point->x, point->y);
              }
            cairo_close_path (cr);
          }
        if (pass == 0)
          {
            cairo_set_dash (cr, NULL, 0, 0);
            cairo_set_line_width (cr, 3.8);
            if (dark)
              cairo_set_source_rgba (cr, 0, 0, 0, 0.7);
            else
              cairo_set_source_rgba (cr, 1, 1, 1, 0.75);
          }
        else
          {
            cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), (outline->nerve_index % 2) * (dash[0] + dash[1]) / 2);
            cairo_set_line_width (cr, 2.0);
            cairo_set_source_rgb (cr, color.red, color.green, color.blue);
          }
        cairo_stroke (cr);
      }
  cairo_restore (cr);

  /* the narrowest territories choose first: the wide ones have room to move */
  order = g_ptr_array_sized_new (outlines->len);
  for (guint i = 0; i < outlines->len; i++)
    g_ptr_array_add (order, g_ptr_array_index (outlines, i));
  g_ptr_array_sort (order, compare_outline_depth);
  names = g_array_new (FALSE, TRUE, sizeof (PlacedName));
  g_array_set_clear_func (names, placed_name_clear);
  for (guint i = 0; i < order->len; i++)
    {
      const NerveOutline *outline = g_ptr_array_index (order, i);
      PlacedName placed = { NULL, };
      g_autofree char *name = NULL;
      g_autoptr (PangoLayout) layout = NULL;
      PangoRectangle ink, logical;
      double size, wrap, least = G_MAXDOUBLE;
      Box box = { 0, };

      if (outline->spots->len == 0)
        continue;
      /* a midline part (the genitals) of a nerve of both legs goes unnamed:
       * its name is on the legs */
      if (outline->side == DERM_SIDE_MID)
        {
          gboolean sided = FALSE;

          for (guint j = 0; j < outlines->len && !sided; j++)
            {
              const NerveOutline *other = g_ptr_array_index (outlines, j);
              sided = other->nerve == outline->nerve && other->side != DERM_SIDE_MID;
            }
          if (sided)
            continue;
        }

      name = short_nerve_name (outline->nerve->name);
      size = CLAMP (g_array_index (outline->spots, DermSpot, 0).depth * 0.9, 10, 13);
      wrap = CLAMP (g_array_index (outline->spots, DermSpot, 0).depth * 2.6, 72, 140);
      layout = create_label_layout (cr, name, size, wrap);
      pango_layout_get_pixel_extents (layout, &ink, &logical);

      /* the deepest place that covers nothing, or failing that a place
       * nudged off it by a line or half the text, or the one that
       * covers least */
      for (guint nudge = 0; nudge < G_N_ELEMENTS (nudges) && least > 0; nudge++)
        for (guint s = 0; s < outline->spots->len && least > 0; s++)
          {
            const DermSpot *spot = &g_array_index (outline->spots, DermSpot, s);
            double x = spot->x + nudges[nudge][0] * logical.width * 0.45;
            double y = spot->y + nudges[nudge][1] * logical.height * 1.1;
            Box candidate = {
              x - logical.width / 2.0 - 1, y - logical.height / 2.0,
              x + logical.width / 2.0 + 1, y + logical.height / 2.0,
            };
            /* nudged places count only when free */
            double overlap = _derm_renderer_box_overlap (&candidate, taken);

            if (overlap < least && (nudge == 0 || overlap == 0))
              {
                least = overlap;
                box = candidate;
              }
          }
      g_array_append_val (taken, box);
      _derm_renderer_nerve_label_colors (scheme, outline->nerve_index, &placed.text, &placed.halo,
                                         &placed.halo_alpha);
      placed.layout = g_steal_pointer (&layout);
      placed.x = box.x0 + 1 - logical.x;
      placed.y = box.y0 - logical.y;
      placed.halo_width = size * 0.3;
      g_array_append_val (names, placed);
    }

  /* every halo, then every name: no halo over another name's letters */
  for (guint i = 0; i < names->len; i++)
    {
      const PlacedName *placed = &g_array_index (names, PlacedName, i);

      show_label_halo (cr, placed->layout, placed->x, placed->y, &placed->halo, placed->halo_alpha,
                       placed->halo_width, scheme->plates || scheme->dark);
    }
  for (guint i = 0; i < names->len; i++)
    {
      const PlacedName *placed = &g_array_index (names, PlacedName, i);

      show_label_text (cr, placed->layout, placed->x, placed->y, &placed->text);
    }
}

void
_derm_renderer_draw_key_points (DermRenderer            *self,
                                cairo_t                 *cr,
                                DermView                 view,
                                const DermMap           *map,
                                const DermRenderOptions *options)
{
  GPtrArray *points = derm_atlas_get_key_points (self->atlas);
  g_autoptr (GArray) roots = g_array_new (FALSE, FALSE, sizeof (Box));
  static const DermColor ink = { 0.11, 0.11, 0.11 }, white = { 1, 1, 1 };
  const Scheme *scheme = _derm_renderer_options_scheme (options);
  gboolean dark = scheme->dark;
  g_autoptr (GArray) names = g_array_new (FALSE, TRUE, sizeof (PlacedName));

  g_array_set_clear_func (names, placed_name_clear);
  _derm_renderer_add_root_label_boxes (self, view, map, options, roots);

  for (guint i = 0; i < points->len; i++)
    {
      const DermKeyPoint *kp = g_ptr_array_index (points, i);
      g_autoptr (PangoLayout) layout = NULL;
      PangoRectangle ink_rect, logical;
      Box box;

      if (kp->view != view)
        continue;

      cairo_save (cr);
      cairo_new_path (cr);
      cairo_arc (cr, kp->x, kp->y, KEY_POINT_RADIUS, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, ink.red, ink.green, ink.blue);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 2.0);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_stroke (cr);
      cairo_restore (cr);

      layout = create_label_layout (cr, kp->root, 13, -1);
      pango_layout_get_pixel_extents (layout, &ink_rect, &logical);
      box = key_point_text_box (kp, 13 * 0.62 * strlen (kp->root), 14, roots);
      box.x1 = box.x0 + logical.width;
      if (box.x0 < kp->x)
        box.x0 = kp->x - KEY_POINT_RADIUS - 3 - logical.width;
      {
        PlacedName placed = { g_steal_pointer (&layout), box.x0 - logical.x,
                              kp->y - logical.height / 2.0 - logical.y,
                              dark ? white : ink, dark ? (DermColor) { 0, 0, 0 } : white,
                              dark || scheme->plates ? 1.0 : 0.92, 3.5 };

        g_array_append_val (names, placed);
      }
    }

  /* every halo, then every root name */
  for (guint i = 0; i < names->len; i++)
    {
      const PlacedName *placed = &g_array_index (names, PlacedName, i);

      show_label_halo (cr, placed->layout, placed->x, placed->y, &placed->halo, placed->halo_alpha,
                       placed->halo_width, scheme->plates || scheme->dark);
    }
  for (guint i = 0; i < names->len; i++)
    {
      const PlacedName *placed = &g_array_index (names, PlacedName, i);

      show_label_text (cr, placed->layout, placed->x, placed->y, &placed->text);
    }
}
