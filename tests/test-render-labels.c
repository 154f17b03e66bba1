/* test-render-labels.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where root labels go (issue 16): inside their zone when they fit, never
 * on each other or on a leader line, leader lines never crossing, none
 * under the smallest size, on every map and view, for a projector at
 * 1280x800 and 1920x1080, with normal and large labels, and on paper; and
 * no label's halo over another's letters (issue 13).
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <pango/pangocairo.h>

#include "derm-geometry.h"
#include "derm-text.h"
#include "test-render.h"

static const char * const map_ids[] = { "isncsci", "keegan-garrett", "lee2008" };
static const DermLayout layouts[] = { DERM_LAYOUT_ANTERIOR, DERM_LAYOUT_POSTERIOR, DERM_LAYOUT_BOTH };

/* as the window does in presentation mode: no label under 28 px
 * (derm-map-view-drawing.c), the map beside a panel of at most 600 px
 * (derm-window-private.h); with the widest panel the map is smallest, its
 * labels largest in view units, the hardest case */
#define PRESENTATION_PANEL_WIDTH 600
#define PRESENTATION_LABEL_PX    28.0
/* as an export does on A4 (derm-page.c): 36 pt margins, the title and
 * footer, no root label under 7.5 pt; the pixel width does not change it */
#define PAGE_WIDTH  595.0
#define PAGE_HEIGHT 842.0
#define PAGE_MARGIN 36.0
#define PAGE_TEXT   60.0
#define PAGE_LABEL  7.5

typedef struct {
  const char *name;
  int         width, height;  /* a screen; 0: A4 paper */
  double      label_scale;
} Setting;

static const Setting settings[] = {
  { "projector 1280x800", 1280, 800, 1.0 },
  { "projector 1920x1080", 1920, 1080, 1.0 },
  { "projector 1920x1080, large labels", 1920, 1080, 1.3 },
  { "export 4000 px (A4)", 0, 0, 1.0 },
};

static double
setting_min_size (const Setting *setting,
                  DermLayout     layout)
{
  double scale, ox, oy;

  if (setting->width > 0)
    {
      derm_layout_fit (layout, setting->width - PRESENTATION_PANEL_WIDTH, setting->height, &scale, &ox, &oy);
      return PRESENTATION_LABEL_PX / scale;
    }
  derm_layout_fit (layout, PAGE_WIDTH - 2 * PAGE_MARGIN, PAGE_HEIGHT - 2 * PAGE_MARGIN - PAGE_TEXT,
                   &scale, &ox, &oy);
  return PAGE_LABEL / scale;
}

static gboolean
boxes_meet (const DermPlacedLabel *a,
            const DermPlacedLabel *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* Does the segment pass through the inside of the box? Liang-Barsky. */
static gboolean
segment_crosses_box (double                 x0,
                     double                 y0,
                     double                 x1,
                     double                 y1,
                     const DermPlacedLabel *box)
{
  const double e = 1e-6;  /* touching its edge is not crossing */
  double t0 = 0, t1 = 1, dx = x1 - x0, dy = y1 - y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { x0 - (box->x0 + e), box->x1 - e - x0, y0 - (box->y0 + e), box->y1 - e - y0 };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
        }
      else
        {
          double t = q[i] / p[i];

          if (p[i] < 0)
            t0 = MAX (t0, t);
          else
            t1 = MIN (t1, t);
          if (t0 > t1)
            return FALSE;
        }
    }
  return t1 - t0 > 1e-9;
}

static double
orient (double ax, double ay, double bx, double by, double cx, double cy)
{
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

static gboolean
lines_cross (const DermPlacedLabel *a,
             const DermPlacedLabel *b)
{
  double d1 = orient (b->line_x0, b->line_y0, b->line_x1, b->line_y1, a->line_x0, a->line_y0);
  double d2 = orient (b->line_x0, b->line_y0, b->line_x1, b->line_y1, a->line_x1, a->line_y1);
  double d3 = orient (a->line_x0, a->line_y0, a->line_x1, a->line_y1, b->line_x0, b->line_y0);
  double d4 = orient (a->line_x0, a->line_y0, a->line_x1, a->line_y1, b->line_x1, b->line_y1);

  return d1 * d2 < 0 && d3 * d4 < 0;
}

/* Every point of the box (a 1.5 unit grid) on skin of the label's roots,
 * on the side of its zone. */
static gboolean
box_in_zone (const DermMap         *map,
             DermView               view,
             const DermPlacedLabel *label,
             const char           **where)
{
  const DermRegion *home = derm_geometry_region_at (atlas, view, label->line_x0, label->line_y0);
  int nx = (int) ceil ((label->x1 - label->x0) / 1.5), ny = (int) ceil ((label->y1 - label->y0) / 1.5);

  *where = "outside the skin";
  if (home == NULL)
    return FALSE;
  for (int j = 0; j <= ny; j++)
    for (int i = 0; i <= nx; i++)
      {
        double x = label->x0 + (label->x1 - label->x0) * i / MAX (nx, 1);
        double y = label->y0 + (label->y1 - label->y0) * j / MAX (ny, 1);
        const DermRegion *region = derm_geometry_region_at (atlas, view, MIN (x, label->x1 - 1e-6),
                                                            MIN (y, label->y1 - 1e-6));
        g_autofree char *roots = NULL;

        if (region == NULL)
          return FALSE;
        roots = g_strjoinv ("/", (char **) derm_map_get_roots (map, region));
        *where = region->id;
        if (region->side != home->side || !g_str_equal (roots, label->text))
          return FALSE;
      }
  return TRUE;
}

static void
check_placement (const char    *what,
                 const DermMap *map,
                 DermView       view,
                 GArray        *placed,
                 double         min_size,
                 guint         *n_inside,
                 guint         *n_outside)
{
  for (guint i = 0; i < placed->len; i++)
    {
      const DermPlacedLabel *a = &g_array_index (placed, DermPlacedLabel, i);
      const char *where;

      if (a->size < min_size - 1e-6)
        g_error ("%s: %s is %.1f units, under the smallest size %.1f", what, a->text, a->size, min_size);
      if (a->x0 < 0 || a->y0 < 0 || a->x1 > DERM_VIEW_WIDTH || a->y1 > DERM_VIEW_HEIGHT)
        g_error ("%s: %s (%.0f,%.0f-%.0f,%.0f) leaves the view", what, a->text, a->x0, a->y0, a->x1, a->y1);
      if (!a->outside && !box_in_zone (map, view, a, &where))
        g_error ("%s: %s (%.0f,%.0f-%.0f,%.0f) is drawn inside but reaches %s", what, a->text,
                 a->x0, a->y0, a->x1, a->y1, where);
      *(a->outside ? n_outside : n_inside) += 1;
      for (guint j = 0; j < placed->len; j++)
        {
          const DermPlacedLabel *b = &g_array_index (placed, DermPlacedLabel, j);

          if (j == i)
            continue;
          if (j > i && boxes_meet (a, b))
            g_error ("%s: %s (%.0f,%.0f-%.0f,%.0f) and %s (%.0f,%.0f-%.0f,%.0f) overlap", what,
                     a->text, a->x0, a->y0, a->x1, a->y1, b->text, b->x0, b->y0, b->x1, b->y1);
          if (a->outside && segment_crosses_box (a->line_x0, a->line_y0, a->line_x1, a->line_y1, b))
            g_error ("%s: the leader line of %s crosses %s", what, a->text, b->text);
          if (j > i && a->outside && b->outside && lines_cross (a, b))
            g_error ("%s: the leader lines of %s and %s cross", what, a->text, b->text);
        }
    }
}

/* Issue 16: on every map, view and setting the placed label boxes do not
 * meet, no leader line crosses a box or another line, each label drawn
 * inside lies in its zone, none is under the smallest size. */
static void
test_label_placement (void)
{
  g_autoptr (DermRenderer) renderer = derm_renderer_new (atlas);

  for (guint s = 0; s < G_N_ELEMENTS (settings); s++)
    for (guint m = 0; m < G_N_ELEMENTS (map_ids); m++)
      for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
        {
          const DermMap *map = derm_atlas_get_map (atlas, map_ids[m]);
          DermRenderOptions options;
          guint n_inside = 0, n_outside = 0;

          derm_render_options_init (&options);
          options.map_id = map_ids[m];
          options.layout = layouts[l];
          options.label_scale = settings[s].label_scale;
          options.min_label_size = setting_min_size (&settings[s], layouts[l]);
          for (DermView view = 0; view < DERM_N_VIEWS; view++)
            {
              g_autoptr (GArray) placed = NULL;
              g_autofree char *what = NULL;
              double ox, oy;

              if (!derm_layout_view_origin (layouts[l], view, &ox, &oy))
                continue;
              what = g_strdup_printf ("%s, %s, %s view of layout %d", settings[s].name, map_ids[m],
                                      view == DERM_VIEW_ANTERIOR ? "anterior" : "posterior", layouts[l]);
              placed = derm_renderer_place_labels (renderer, &options, view);
              g_assert_cmpuint (placed->len, >, 4);
              check_placement (what, map, view, placed, options.min_label_size * options.label_scale,
                               &n_inside, &n_outside);
            }
          g_test_message ("%s, %s, layout %d, smallest %.1f units: %u labels inside, %u beside",
                          settings[s].name, map_ids[m], layouts[l], options.min_label_size * options.label_scale,
                          n_inside, n_outside);
        }
}

/* Issue 16: what fits inside is drawn inside: at 1920x1080 (labels of at
 * least 30 units) most of the front of the ISNCSCI map is labelled in
 * place, T10 to L5. */
static void
test_labels_inside_when_they_fit (void)
{
  g_autoptr (DermRenderer) renderer = derm_renderer_new (atlas);
  g_autoptr (GArray) placed = NULL;
  DermRenderOptions options;
  guint inside = 0;

  derm_render_options_init (&options);
  options.layout = DERM_LAYOUT_BOTH;
  options.min_label_size = setting_min_size (&settings[1], DERM_LAYOUT_BOTH);
  placed = derm_renderer_place_labels (renderer, &options, DERM_VIEW_ANTERIOR);
  for (guint i = 0; i < placed->len; i++)
    {
      const DermPlacedLabel *label = &g_array_index (placed, DermPlacedLabel, i);

      inside += !label->outside;
      if (label->outside && (g_str_equal (label->text, "T10") || g_str_equal (label->text, "L2") ||
                             g_str_equal (label->text, "L3") || g_str_equal (label->text, "L5")))
        g_error ("%s fits its zone at %.0f units but is drawn beside it", label->text, label->size);
    }
  g_assert_cmpuint (inside, >=, placed->len * 2 / 3);
}

/* Issue 13: no halo paints over letters. Where a label's letters are
 * solid (a glyph covers the whole pixel), the drawing shows the letters'
 * dark ink, not another label's halo, on every map at the width of a
 * 4000 px export and on screen. */
static void
test_label_halos_under_letters (void)
{
  g_autoptr (DermRenderer) renderer = derm_renderer_new (atlas);
  const double scale = 3.2;  /* view units to pixels: both views 4000 px wide */

  for (guint m = 0; m < G_N_ELEMENTS (map_ids); m++)
    for (int paper = 0; paper < 2; paper++)
      {
        DermRenderOptions options;
        cairo_surface_t *surface, *glyphs;
        cairo_t *cr;
        guint solid = 0, inked = 0;
        int width, height, stride;
        const guchar *data;

        derm_render_options_init (&options);
        options.map_id = map_ids[m];
        options.header = FALSE;
        options.min_label_size = paper ? setting_min_size (&settings[3], DERM_LAYOUT_BOTH) : 0;
        surface = render (&options, scale);
        width = cairo_image_surface_get_width (surface);
        height = cairo_image_surface_get_height (surface);

        /* each label's letters alone, where the renderer puts them: the
         * ink centred in its box */
        glyphs = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);
        cr = cairo_create (glyphs);
        cairo_scale (cr, scale, scale);
        for (DermView view = 0; view < DERM_N_VIEWS; view++)
          {
            g_autoptr (GArray) placed = derm_renderer_place_labels (renderer, &options, view);
            double ox, oy;

            g_assert_true (derm_layout_view_origin (options.layout, view, &ox, &oy));
            for (guint i = 0; i < placed->len; i++)
              {
                const DermPlacedLabel *label = &g_array_index (placed, DermPlacedLabel, i);
                g_autoptr (PangoLayout) layout = derm_text_layout_new (cr, label->text, label->size, TRUE, -1,
                                                                       PANGO_ALIGN_LEFT);
                PangoRectangle ink;
                double ix, iy, iw, ih;

                pango_layout_get_extents (layout, &ink, NULL);
                ix = ink.x / (double) PANGO_SCALE;
                iy = ink.y / (double) PANGO_SCALE;
                iw = ink.width / (double) PANGO_SCALE;
                ih = ink.height / (double) PANGO_SCALE;
                cairo_move_to (cr, ox + (label->x0 + label->x1) / 2 - ix - iw / 2,
                               oy + (label->y0 + label->y1) / 2 - iy - ih / 2);
                pango_cairo_show_layout (cr, layout);
              }
          }
        cairo_destroy (cr);
        cairo_surface_flush (glyphs);
        data = cairo_image_surface_get_data (glyphs);
        stride = cairo_image_surface_get_stride (glyphs);
        for (int y = 0; y < height; y++)
          for (int x = 0; x < width; x++)
            {
              DermColor got;

              /* a solid pixel with solid neighbours: the letter's core */
              if (data[y * stride + x] < 255 || x == 0 || y == 0 || x == width - 1 || y == height - 1 ||
                  data[y * stride + x - 1] < 255 || data[y * stride + x + 1] < 255 ||
                  data[(y - 1) * stride + x] < 255 || data[(y + 1) * stride + x] < 255)
                continue;
              solid++;
              pixel_at (surface, x, y, &got);
              inked += got.red + got.green + got.blue < 0.9;
            }
        g_test_message ("%s%s: %u of %u solid letter pixels in ink", map_ids[m], paper ? " on paper" : "",
                        inked, solid);
        g_assert_cmpuint (solid, >, 1000);
        if (inked < solid)
          g_error ("%s%s: %u pixels of letters are covered (a halo drawn over them)", map_ids[m],
                   paper ? " on paper" : "", solid - inked);
        cairo_surface_destroy (glyphs);
        cairo_surface_destroy (surface);
      }
}

typedef struct {
  guint glyphs;          /* text drawn so far */
  guint strokes_after;   /* strokes (halos, rims, lines) after the first text */
} Ops;

static void
glyphs_cb (cairo_surface_t *observer,
           cairo_surface_t *target,
           void            *data)
{
  ((Ops *) data)->glyphs++;
}

static void
stroke_cb (cairo_surface_t *observer,
           cairo_surface_t *target,
           void            *data)
{
  Ops *ops = data;

  if (ops->glyphs > 0)
    ops->strokes_after++;
}

/* Issue 13: the labels' halos (and plates, rims, circles and leader lines)
 * are all drawn before any label's letters, so no halo can cover letters
 * drawn before it: with only the labels over the regions of a view (no
 * header, no overlays), no stroke follows the first text, in every
 * palette, on screen and on paper, and on a worksheet's blanks. */
static void
test_label_halos_drawn_first (void)
{
  g_autoptr (DermRenderer) renderer = derm_renderer_new (atlas);

  for (guint p = 0; p < G_N_ELEMENTS (palettes); p++)
    for (int paper = 0; paper < 3; paper++)
      for (guint l = 0; l < 2; l++)
        {
          cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 575);
          cairo_surface_t *observer = cairo_surface_create_observer (image, CAIRO_SURFACE_OBSERVER_NORMAL);
          cairo_t *cr = cairo_create (observer);
          DermRenderOptions options;
          Ops ops = { 0, 0 };

          derm_render_options_init (&options);
          /* one view: the next view's regions would come after this one's labels */
          options.layout = layouts[l];
          options.header = FALSE;
          options.palette = palettes[p];
          options.min_label_size = paper ? setting_min_size (&settings[3], layouts[l]) : 0;
          if (paper == 2)
            {
              options.style = DERM_STYLE_WORKSHEET;
              options.blanks = TRUE;
            }
          cairo_scale (cr, 0.5, 0.5);
          g_assert_cmpint (cairo_surface_observer_add_glyphs_callback (observer, glyphs_cb, &ops), ==,
                           CAIRO_STATUS_SUCCESS);
          g_assert_cmpint (cairo_surface_observer_add_stroke_callback (observer, stroke_cb, &ops), ==,
                           CAIRO_STATUS_SUCCESS);
          derm_renderer_render (renderer, cr, &options);
          cairo_destroy (cr);
          g_test_message ("%s%s: %u texts, %u strokes after the first", derm_palette_to_string (palettes[p]),
                          paper == 2 ? " worksheet" : paper ? " on paper" : "", ops.glyphs, ops.strokes_after);
          g_assert_cmpuint (ops.glyphs, >, 10);
          if (ops.strokes_after > 0)
            g_error ("%s%s: %u strokes (halos) drawn after labels' letters", derm_palette_to_string (palettes[p]),
                     paper == 2 ? " worksheet" : paper ? " on paper" : "", ops.strokes_after);
          cairo_surface_destroy (observer);
          cairo_surface_destroy (image);
        }
}

void
test_render_labels_add_tests (void)
{
  g_test_add_func ("/atlas/render/labels/halos-drawn-first", test_label_halos_drawn_first);
  g_test_add_func ("/atlas/render/labels/placement", test_label_placement);
  g_test_add_func ("/atlas/render/labels/inside-when-they-fit", test_labels_inside_when_they_fit);
  g_test_add_func ("/atlas/render/labels/halos-under-letters", test_label_halos_under_letters);
}
