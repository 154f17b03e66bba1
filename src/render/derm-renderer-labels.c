/* derm-renderer-labels.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text on the diagram: the view titles and side marks, the root labels in
 * their zones and, where a zone is too small, beside the body with a
 * leader line; a worksheet's numbered blanks.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

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

static double
get_label_scale (const DermRenderOptions *options)
{
  return options->label_scale > 0 ? options->label_scale : 1.0;
}

/* as large as the zone allows: bold Cantarell is about 0.62 em a character */
static double
label_size (const Label *label,
            double       scale)
{
  double size = CLAMP (label->depth * 1.1, 9, 26) * scale;

  return MAX (8 * MIN (scale, 1.0), MIN (size, 2.1 * label->depth / (0.62 * strlen (label->text))));
}

/* Root labels outside their zone with a leader line where they do not
 * fit: on paper, and on screen when labels are larger than normal. */
gboolean
_derm_renderer_uses_markers (const DermRenderOptions *options)
{
  return options->min_label_size > 0 || get_label_scale (options) > 1.0;
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
draw_root_label (DermRenderer            *self,
                 cairo_t                 *cr,
                 const DermRenderOptions *options,
                 const char              *text,
                 double                   x,
                 double                   y,
                 double                   size)
{
  DermColor color, halo;

  label_colors (self, options, text, &color, &halo);
  draw_text_full (cr, text, x, y, size, TRUE, &color, size * 0.28, &halo, 0.9,
                  _derm_renderer_options_scheme (options)->plates);
}

/* A key point of the label's root on it already names the zone: the
 * dot would hide the label anyway. */
static gboolean
key_point_covers (DermRenderer *self,
                  const Label  *label,
                  double        size)
{
  GPtrArray *points = derm_atlas_get_key_points (self->atlas);
  double half_w = 0.62 * size * strlen (label->text) / 2;

  for (guint i = 0; i < points->len; i++)
    {
      const DermKeyPoint *kp = g_ptr_array_index (points, i);

      if (kp->view == label->view && strcmp (kp->root, label->text) == 0 &&
          fabs (kp->x - label->x) < half_w + KEY_POINT_RADIUS &&
          fabs (kp->y - label->y) < size / 2 + KEY_POINT_RADIUS)
        return TRUE;
    }
  return FALSE;
}

void
_derm_renderer_draw_labels (DermRenderer            *self,
                            cairo_t                 *cr,
                            DermView                 view,
                            const DermMap           *map,
                            const DermRenderOptions *options)
{
  GArray *labels = _derm_renderer_get_labels (self, map);

  for (guint i = 0; i < labels->len; i++)
    {
      const Label *label = &g_array_index (labels, Label, i);
      g_auto (GStrv) roots = NULL;
      double size;

      if (label->view != view)
        continue;
      roots = g_strsplit (label->text, "/", -1);
      if (options->highlight_root != NULL &&
          !g_strv_contains ((const char * const *) roots, options->highlight_root))
        continue;
      size = label_size (label, get_label_scale (options));
      if (options->key_points && key_point_covers (self, label, size))
        continue;
      draw_root_label (self, cr, options, label->text, label->x, label->y, size);
    }
}

static gboolean
boxes_overlap (const Box *a,
               const Box *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* How much of the box the boxes taken so far cover, in square units. */
double
_derm_renderer_box_overlap (const Box *box,
                            GArray    *taken)
{
  double area = 0;

  for (guint i = 0; i < taken->len; i++)
    {
      const Box *other = &g_array_index (taken, Box, i);

      if (boxes_overlap (box, other))
        area += (MIN (box->x1, other->x1) - MAX (box->x0, other->x0)) *
                (MIN (box->y1, other->y1) - MAX (box->y0, other->y0));
    }
  return area;
}

void
_derm_renderer_add_root_label_boxes (DermRenderer            *self,
                                     DermView                 view,
                                     const DermMap           *map,
                                     const DermRenderOptions *options,
                                     GArray                  *taken)
{
  GArray *labels;

  if (!options->labels || options->style == DERM_STYLE_WORKSHEET)
    return;

  labels = _derm_renderer_get_labels (self, map);
  for (guint i = 0; i < labels->len; i++)
    {
      const Label *label = &g_array_index (labels, Label, i);
      double size = label_size (label, get_label_scale (options));
      double half_w = 0.62 * size * strlen (label->text) / 2 + 2;
      Box box = { label->x - half_w, label->y - size * 0.6, label->x + half_w, label->y + size * 0.6 };

      if (label->view == view && !(options->key_points && key_point_covers (self, label, size)))
        g_array_append_val (taken, box);
    }
}

typedef struct {
  const Label *label;
  char        *text;
  gboolean     circle;   /* a worksheet's numbered blank */
  double       size;     /* font size, view units */
  gboolean     outside;
  Box          box;
} Marker;

static void
marker_clear (gpointer data)
{
  Marker *marker = data;
  g_free (marker->text);
}

static int
compare_label_position (gconstpointer a,
                        gconstpointer b)
{
  const Label *la = *(const Label * const *) a;
  const Label *lb = *(const Label * const *) b;

  /* rows of 40 units, so the two legs' zones at one level read left to right */
  int ra = (int) floor (la->y / 40), rb = (int) floor (lb->y / 40);

  if (la->view != lb->view)
    return la->view < lb->view ? -1 : 1;
  if (ra != rb)
    return ra < rb ? -1 : 1;
  return (la->x > lb->x) - (la->x < lb->x);
}

/* The root zones of the layout's views in reading order: anterior before
 * posterior, top to bottom, then left to right. The blanks' numbers. */
static GPtrArray *
sorted_labels (DermRenderer *self,
               const DermMap *map,
               DermLayout    layout)
{
  GArray *labels = _derm_renderer_get_labels (self, map);
  GPtrArray *sorted = g_ptr_array_new ();

  for (guint i = 0; i < labels->len; i++)
    {
      const Label *label = &g_array_index (labels, Label, i);
      double ox, oy;

      if (derm_layout_view_origin (layout, label->view, &ox, &oy))
        g_ptr_array_add (sorted, (gpointer) label);
    }
  g_ptr_array_sort (sorted, compare_label_position);
  return sorted;
}

char **
derm_renderer_dup_blank_answers (DermRenderer            *self,
                                 const DermRenderOptions *options)
{
  const DermMap *map;
  g_autoptr (GPtrArray) sorted = NULL;
  GStrvBuilder *builder;
  char **answers;

  g_return_val_if_fail (DERM_IS_RENDERER (self), NULL);

  map = derm_atlas_get_map (self->atlas, options->map_id);
  if (map == NULL)
    map = derm_atlas_get_default_map (self->atlas);
  sorted = sorted_labels (self, map, options->layout);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < sorted->len; i++)
    g_strv_builder_add (builder, ((const Label *) g_ptr_array_index (sorted, i))->text);
  answers = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return answers;
}

/* Off the skin (with a little air), inside the view and clear of the
 * other markers. */
static gboolean
box_is_free (DermAtlas *atlas,
             DermView   view,
             const Box *box,
             GArray    *taken)
{
  const double air = 4;
  double x0 = box->x0 - air, y0 = box->y0 - air, x1 = box->x1 + air, y1 = box->y1 + air;
  int nx, ny;

  if (box->x0 < 3 || box->x1 > DERM_VIEW_WIDTH - 3 || box->y0 < 3 || box->y1 > DERM_VIEW_HEIGHT - 3)
    return FALSE;
  /* the middle first: most candidates fail there */
  if (derm_geometry_region_at (atlas, view, (x0 + x1) / 2, (y0 + y1) / 2) != NULL)
    return FALSE;
  if (_derm_renderer_box_overlap (box, taken) > 0)
    return FALSE;

  nx = (int) ceil ((x1 - x0) / 3);
  ny = (int) ceil ((y1 - y0) / 3);
  for (int j = 0; j <= ny; j++)
    for (int i = 0; i <= nx; i++)
      if (derm_geometry_region_at (atlas, view, x0 + (x1 - x0) * i / nx, y0 + (y1 - y0) * j / ny) != NULL)
        return FALSE;
  return TRUE;
}

/* The nearest free place beside the body, level with the zone if it can
 * be, a little above or below if not. */
static gboolean
place_outside (DermRenderer *self,
               Marker       *marker,
               double        width,
               double        height,
               GArray       *taken)
{
  static const double rows[] = { 0, 1, -1, 2, -2, 3, -3, 4, -4, 6, -6 };
  const Label *label = marker->label;
  double best_cost = G_MAXDOUBLE;
  gboolean found = FALSE;

  for (int dir = -1; dir <= 1; dir += 2)
    for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
      {
        double cy = label->y + rows[r] * height * 1.1;

        for (double cx = label->x + dir * (width / 2 + 6);
             cx - width / 2 >= 3 && cx + width / 2 <= DERM_VIEW_WIDTH - 3;
             cx += dir * 3)
          {
            double cost = fabs (cx - label->x) + 2.5 * fabs (cy - label->y);
            Box box = { cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2 };

            if (cost >= best_cost)
              break;
            if (box_is_free (self->atlas, label->view, &box, taken))
              {
                marker->box = box;
                best_cost = cost;
                found = TRUE;
                break;
              }
          }
      }
  return found;
}

static void
draw_circle_number (cairo_t    *cr,
                    const char *text,
                    double      x,
                    double      y,
                    double      size)
{
  double radius = size * 0.95;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.13, 0.13, 0.13);
  cairo_set_line_width (cr, MAX (0.8, size * 0.09));
  cairo_stroke (cr);
  cairo_restore (cr);
  draw_text (cr, text, x, y, size * (strlen (text) > 1 ? 0.82 : 0.95), TRUE, 0, FALSE);
}

/* Root labels (or a worksheet's numbered blanks) for paper: each inside its
 * zone at a legible size, or if the zone is too small, beside the body with
 * a leader line to it. */
void
_derm_renderer_draw_markers (DermRenderer            *self,
                             cairo_t                 *cr,
                             DermView                 view,
                             const DermMap           *map,
                             const DermRenderOptions *options,
                             gboolean                 numbers)
{
  g_autoptr (GPtrArray) sorted = sorted_labels (self, map, options->layout);
  g_autoptr (GArray) markers = g_array_new (FALSE, TRUE, sizeof (Marker));
  g_autoptr (GArray) taken = g_array_new (FALSE, FALSE, sizeof (Box));
  const Scheme *scheme = _derm_renderer_options_scheme (options);
  double scale = get_label_scale (options);
  /* on screen (larger labels than normal), the smallest size
   * label_size () aims at */
  double min_size = (options->min_label_size > 0 ? options->min_label_size : numbers ? 12 : 9) * scale;
  /* outside the body: the background's text colour */
  const DermColor *ink = scheme->dark ? &scheme->light : &scheme->ink;
  const DermColor *casing = scheme->dark ? &scheme->ink : &scheme->light;
  double line_width = MAX (0.8, min_size * 0.075);

  g_array_set_clear_func (markers, marker_clear);

  for (guint i = 0; i < sorted->len; i++)
    {
      const Label *label = g_ptr_array_index (sorted, i);
      Marker marker = { label, NULL, numbers, 0, FALSE, { 0, } };
      double half_w, half_h;

      if (label->view != view)
        continue;

      if (numbers)
        {
          marker.text = g_strdup_printf ("%u", i + 1);
          marker.size = min_size;
          half_w = half_h = min_size * 0.95;
          marker.outside = label->depth < half_w + 2.5;
        }
      else
        {
          g_auto (GStrv) roots = g_strsplit (label->text, "/", -1);
          double target = options->min_label_size > 0 ? MIN (label->depth * 1.1, 26) : CLAMP (label->depth * 1.1, 9, 26);
          double fit = MIN (target * scale,
                            2.1 * label->depth / (0.62 * strlen (label->text)));

          if (options->highlight_root != NULL &&
              !g_strv_contains ((const char * const *) roots, options->highlight_root))
            continue;
          marker.text = g_strdup (label->text);
          marker.outside = fit < min_size;
          /* beside the legs there is room: on screen, a size that reads
           * at a glance; on paper the size asked for */
          marker.size = !marker.outside ? fit : options->min_label_size > 0 ? min_size : 14 * scale;
          if (options->key_points && key_point_covers (self, label, marker.size))
            {
              g_free (marker.text);
              continue;
            }
          half_w = 0.62 * marker.size * strlen (label->text) / 2 + 1;
          half_h = marker.size * 0.6;
        }
      marker.box.x0 = label->x - half_w;
      marker.box.x1 = label->x + half_w;
      marker.box.y0 = label->y - half_h;
      marker.box.y1 = label->y + half_h;
      if (!marker.outside)
        g_array_append_val (taken, marker.box);
      g_array_append_val (markers, marker);
    }

  for (guint i = 0; i < markers->len; i++)
    {
      Marker *marker = &g_array_index (markers, Marker, i);

      if (!marker->outside)
        continue;
      if (!place_outside (self, marker, marker->box.x1 - marker->box.x0 + 2,
                          marker->box.y1 - marker->box.y0 + 2, taken))
        marker->outside = FALSE;  /* nowhere better: over the zone */
      else
        g_array_append_val (taken, marker->box);
    }

  /* leader lines under all text */
  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < markers->len; i++)
      {
        const Marker *marker = &g_array_index (markers, Marker, i);
        double cx = (marker->box.x0 + marker->box.x1) / 2, cy = (marker->box.y0 + marker->box.y1) / 2;
        double tx = marker->label->x, ty = marker->label->y;
        double sx, sy;

        if (!marker->outside)
          continue;
        if (marker->circle)
          {
            double d = hypot (tx - cx, ty - cy), r = marker->size * 0.95;

            sx = cx + (tx - cx) * r / MAX (d, 1e-6);
            sy = cy + (ty - cy) * r / MAX (d, 1e-6);
          }
        else
          {
            sx = tx < cx ? marker->box.x0 : marker->box.x1;
            sy = cy;
          }
        cairo_new_path (cr);
        cairo_move_to (cr, sx, sy);
        cairo_line_to (cr, tx, ty);
        if (pass == 0)
          {
            cairo_set_source_rgba (cr, casing->red, casing->green, casing->blue, 0.85);
            cairo_set_line_width (cr, line_width * 3);
            cairo_stroke (cr);
            cairo_arc (cr, tx, ty, line_width * 2.6, 0, 2 * G_PI);
            cairo_fill (cr);
          }
        else
          {
            cairo_set_source_rgb (cr, ink->red, ink->green, ink->blue);
            cairo_set_line_width (cr, line_width);
            cairo_stroke (cr);
            cairo_arc (cr, tx, ty, line_width * 1.7, 0, 2 * G_PI);
            cairo_fill (cr);
          }
      }
  cairo_restore (cr);

  for (guint i = 0; i < markers->len; i++)
    {
      const Marker *marker = &g_array_index (markers, Marker, i);
      double cx = (marker->box.x0 + marker->box.x1) / 2, cy = (marker->box.y0 + marker->box.y1) / 2;

      if (marker->circle)
        draw_circle_number (cr, marker->text, cx, cy, marker->size);
      else if (!marker->outside)
        draw_root_label (self, cr, options, marker->text, cx, cy, marker->size);
      else
        draw_text_full (cr, marker->text, cx, cy, marker->size, TRUE, ink, marker->size * 0.28, casing, 0.9,
                        scheme->plates);
    }
}
