/* derm-renderer-labels.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text on the diagram: the view titles and side marks, and the root
 * labels (or a worksheet's numbered blanks) where
 * derm-renderer-placement.c places them, with their leader lines.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "derm-geometry.h"
#include "derm-layout.h"
#include "derm-renderer-private.h"
#include "derm-text.h"

/* Text centred on (x, y) in a colour, over a halo of width halo (0: none)
 * or, with plate, on a solid rounded plate in the halo colour. */
static void
draw_text_full (cairo_t         *cr,
                const char      *text,
                double           x,
                double           y,
                double           size,
                gboolean         bold,
                const DermColor *color,
                double           halo,
                const DermColor *halo_color,
                double           halo_alpha,
                gboolean         plate)
{
  PangoLayout *layout = derm_text_layout_new (cr, text, size, bold, -1, PANGO_ALIGN_LEFT);
  PangoRectangle ink, logical;

  pango_layout_get_pixel_extents (layout, &ink, &logical);

  cairo_save (cr);
  if (plate)
    {
      double pad = size * 0.18;
      double x0 = x - logical.width / 2.0 + ink.x - pad, x1 = x - logical.width / 2.0 + ink.x + ink.width + pad;
      double y0 = y - logical.height / 2.0 + ink.y - pad, y1 = y - logical.height / 2.0 + ink.y + ink.height + pad;
      double r = MIN (pad * 1.5, (y1 - y0) / 2);

      cairo_new_path (cr);
      cairo_arc (cr, x1 - r, y0 + r, r, -G_PI / 2, 0);
      cairo_arc (cr, x1 - r, y1 - r, r, 0, G_PI / 2);
      cairo_arc (cr, x0 + r, y1 - r, r, G_PI / 2, G_PI);
      cairo_arc (cr, x0 + r, y0 + r, r, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
      cairo_set_source_rgb (cr, halo_color->red, halo_color->green, halo_color->blue);
      cairo_fill_preserve (cr);
      /* the text's colour rims the plate so it stands off any fill */
      cairo_set_source_rgb (cr, color->red, color->green, color->blue);
      cairo_set_line_width (cr, MAX (0.6, size * 0.06));
      cairo_stroke (cr);
    }
  cairo_move_to (cr, x - logical.width / 2.0, y - logical.height / 2.0);
  if (halo > 0 && !plate)
    {
      pango_cairo_layout_path (cr, layout);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_width (cr, halo);
      cairo_set_source_rgba (cr, halo_color->red, halo_color->green, halo_color->blue, halo_alpha);
      cairo_stroke (cr);
      cairo_move_to (cr, x - logical.width / 2.0, y - logical.height / 2.0);
    }
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);

  g_object_unref (layout);
}

static void
draw_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      size,
           gboolean    bold,
           double      halo,
           gboolean    dark)
{
  static const DermColor white = { 1, 1, 1 }, black = { 0, 0, 0 };
  static const DermColor pale = { 0.92, 0.92, 0.92 }, ink = { 0.13, 0.13, 0.13 };

  if (dark)
    draw_text_full (cr, text, x, y, size, bold, halo > 0 ? &white : &pale, halo, &black, 0.85, FALSE);
  else
    draw_text_full (cr, text, x, y, size, bold, &ink, halo, &white, 0.9, FALSE);
}

void
_derm_renderer_draw_header (cairo_t  *cr,
                            DermView  view,
                            double    scale,
                            gboolean  dark)
{
  /* In the anterior view the patient's right leg is on the viewer's left;
   * from behind it is on the viewer's right. */
  double right_x = view == DERM_VIEW_ANTERIOR ? DERM_VIEW_WIDTH * 0.27 : DERM_VIEW_WIDTH * 0.73;
  double left_x = DERM_VIEW_WIDTH - right_x;
  double y = -DERM_LAYOUT_HEADER;

  /* the band is DERM_LAYOUT_HEADER high: no larger than it holds */
  scale = CLAMP (scale, 0.5, 1.5);
  draw_text (cr, view == DERM_VIEW_ANTERIOR ? _("Anterior") : _("Posterior"),
             DERM_VIEW_WIDTH / 2, y + 24 - 2 * (scale - 1), 30 * scale, TRUE, 0, dark);
  draw_text (cr, _("Patient’s right"), right_x, y + 56, 19 * scale, FALSE, 0, dark);
  draw_text (cr, _("Patient’s left"), left_x, y + 56, 19 * scale, FALSE, 0, dark);
}


/* The text colour of a label over its roots' fills, and of its halo. */
static void
label_colors (DermRenderer            *self,
              const DermRenderOptions *options,
              const char              *text,
              DermColor               *color,
              DermColor               *halo)
{
  const Scheme *scheme = _derm_renderer_options_scheme (options);
  g_auto (GStrv) roots = g_strsplit (text, "/", -1);
  DermColor fills[8];
  guint n = 0;

  if (options->style != DERM_STYLE_COLOR)
    {
      *color = scheme->ink;
      *halo = scheme->light;
      return;
    }
  for (guint i = 0; roots[i] != NULL && n < G_N_ELEMENTS (fills); i++)
    {
      const DermRoot *root = derm_atlas_get_root (self->atlas, roots[i]);

      if (root != NULL)
        fills[n++] = scheme->roots[root->index % N_ROOT_COLORS];
    }
  if (n == 0)
    fills[n++] = scheme->blank;
  _derm_renderer_pick_text_color (scheme, fills, n, color, halo);
}

static void
marker_text_origin (const Marker *marker,
                    double       *x,
                    double       *y)
{
  double cx = (marker->box.x0 + marker->box.x1) / 2, cy = (marker->box.y0 + marker->box.y1) / 2;

  *x = cx - (marker->ink_x + marker->ink_w / 2) * marker->size;
  *y = cy - (marker->ink_y + marker->ink_h / 2) * marker->size;
}

static void
marker_colors (DermRenderer            *self,
               const DermRenderOptions *options,
               const Marker            *marker,
               DermColor               *color,
               DermColor               *halo)
{
  const Scheme *scheme = _derm_renderer_options_scheme (options);

  if (marker->circle)
    {
      *color = (DermColor) { 0.13, 0.13, 0.13 };
      *halo = (DermColor) { 1, 1, 1 };
    }
  else if (marker->outside)
    {
      /* outside the body: the background's text colour */
      *color = scheme->dark ? scheme->light : scheme->ink;
      *halo = scheme->dark ? scheme->ink : scheme->light;
    }
  else
    label_colors (self, options, marker->text, color, halo);
}

/* Leader lines, then every halo, plate or circle, then every text: the
 * halo of one label never covers another's letters. */
static void
draw_markers (DermRenderer            *self,
              cairo_t                 *cr,
              const DermRenderOptions *options,
              GArray                  *markers)
{
  const Scheme *scheme = _derm_renderer_options_scheme (options);
  const DermColor *ink = scheme->dark ? &scheme->light : &scheme->ink;
  const DermColor *casing = scheme->dark ? &scheme->ink : &scheme->light;
  double min_size = G_MAXDOUBLE;

  for (guint i = 0; i < markers->len; i++)
    min_size = MIN (min_size, g_array_index (markers, Marker, i).size);

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < markers->len; i++)
      {
        const Marker *marker = &g_array_index (markers, Marker, i);
        double line_width = MAX (0.8, marker->size * 0.075);

        if (!marker->outside)
          continue;
        cairo_new_path (cr);
        cairo_move_to (cr, marker->lx, marker->ly);
        cairo_line_to (cr, marker->ax, marker->ay);
        if (pass == 0)
          {
            cairo_set_source_rgba (cr, casing->red, casing->green, casing->blue, 0.85);
            cairo_set_line_width (cr, line_width * 3);
            cairo_stroke (cr);
            cairo_arc (cr, marker->ax, marker->ay, line_width * 2.6, 0, 2 * G_PI);
            cairo_fill (cr);
          }
        else
          {
            cairo_set_source_rgb (cr, ink->red, ink->green, ink->blue);
            cairo_set_line_width (cr, line_width);
            cairo_stroke (cr);
            cairo_arc (cr, marker->ax, marker->ay, line_width * 1.7, 0, 2 * G_PI);
            cairo_fill (cr);
          }
      }

  /* halos, plates and circles under all text */
  for (guint i = 0; i < markers->len; i++)
    {
      const Marker *marker = &g_array_index (markers, Marker, i);
      DermColor color, halo;

      marker_colors (self, options, marker, &color, &halo);
      cairo_new_path (cr);
      if (marker->circle)
        {
          double cx = (marker->box.x0 + marker->box.x1) / 2, cy = (marker->box.y0 + marker->box.y1) / 2;

          cairo_arc (cr, cx, cy, marker->size * 0.95, 0, 2 * G_PI);
          cairo_set_source_rgb (cr, halo.red, halo.green, halo.blue);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, color.red, color.green, color.blue);
          cairo_set_line_width (cr, MAX (0.8, marker->size * 0.09));
          cairo_stroke (cr);
        }
      else if (scheme->plates)
        {
          const Box *b = &marker->box;
          double r = MIN (marker->size * LABEL_PAD * 1.5, (b->y1 - b->y0) / 2);

          cairo_arc (cr, b->x1 - r, b->y0 + r, r, -G_PI / 2, 0);
          cairo_arc (cr, b->x1 - r, b->y1 - r, r, 0, G_PI / 2);
          cairo_arc (cr, b->x0 + r, b->y1 - r, r, G_PI / 2, G_PI);
          cairo_arc (cr, b->x0 + r, b->y0 + r, r, G_PI, 3 * G_PI / 2);
          cairo_close_path (cr);
          cairo_set_source_rgb (cr, halo.red, halo.green, halo.blue);
          cairo_fill_preserve (cr);
          /* the text's colour rims the plate so it stands off any fill */
          cairo_set_source_rgb (cr, color.red, color.green, color.blue);
          cairo_set_line_width (cr, MAX (0.6, marker->size * 0.06));
          cairo_stroke (cr);
        }
      else
        {
          g_autoptr (PangoLayout) layout = derm_text_layout_new (cr, marker->text, marker->size, TRUE, -1,
                                                                 PANGO_ALIGN_LEFT);
          double x, y;

          marker_text_origin (marker, &x, &y);
          cairo_move_to (cr, x, y);
          pango_cairo_layout_path (cr, layout);
          cairo_set_line_width (cr, marker->size * 0.28);
          cairo_set_source_rgba (cr, halo.red, halo.green, halo.blue, 0.9);
          cairo_stroke (cr);
        }
    }

  for (guint i = 0; i < markers->len; i++)
    {
      const Marker *marker = &g_array_index (markers, Marker, i);
      g_autoptr (PangoLayout) layout = derm_text_layout_new (cr, marker->text, marker->size, TRUE, -1,
                                                             PANGO_ALIGN_LEFT);
      DermColor color, halo;
      double x, y;

      marker_colors (self, options, marker, &color, &halo);
      marker_text_origin (marker, &x, &y);
      cairo_move_to (cr, x, y);
      cairo_set_source_rgb (cr, color.red, color.green, color.blue);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
}

void
_derm_renderer_draw_labels (DermRenderer            *self,
                            cairo_t                 *cr,
                            DermView                 view,
                            const DermMap           *map,
                            const DermRenderOptions *options)
{
  g_autoptr (GArray) markers = _derm_renderer_place_markers (self, view, map, options, FALSE);

  draw_markers (self, cr, options, markers);
}

void
_derm_renderer_draw_markers (DermRenderer            *self,
                             cairo_t                 *cr,
                             DermView                 view,
                             const DermMap           *map,
                             const DermRenderOptions *options,
                             gboolean                 numbers)
{
  g_autoptr (GArray) markers = _derm_renderer_place_markers (self, view, map, options, numbers);

  draw_markers (self, cr, options, markers);
}
