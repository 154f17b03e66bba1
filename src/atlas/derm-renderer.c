/* derm-renderer.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one drawing path: screen, print and export all come through
 * derm_renderer_render (). Colours come from the palette here, never from
 * the SVG: regions, highlights and overlays are drawn with cairo from the
 * outlines in the SVG (derm_svg_paths), which librsvg is not needed for.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "derm-atlas-private.h"
#include "derm-layout.h"
#include "derm-outline.h"
#include "derm-renderer.h"
#include "derm-text.h"
#include "derm-svg-path.h"

/* pixels per view unit of the id map nerve territories are traced on */
#define NERVE_TRACE_SCALE 2.0
#define KEY_POINT_RADIUS  6.0

/* a root label, placed by the atlas (derm_atlas_get_root_labels ()) */
typedef DermRootLabel Label;

/* One nerve's territory on one side of one view. */
typedef struct {
  const DermNerve *nerve;
  guint            nerve_index;
  DermSide         side;
  GPtrArray       *loops;  /* of GArray of DermPoint, view units */
  GArray          *spots;  /* of DermSpot, view units: label places, best first */
} NerveOutline;

typedef struct {
  double x0, y0, x1, y1;
} Box;

struct _DermRenderer {
  GObject     parent_instance;

  DermAtlas  *atlas;
  GPtrArray  *nerve_outlines[DERM_N_VIEWS];  /* of NerveOutline, traced once */
};

G_DEFINE_FINAL_TYPE (DermRenderer, derm_renderer, G_TYPE_OBJECT)

#define N_ROOT_COLORS 12
#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* Everything a palette decides for one kind of background, in the colour
 * style (grayscale and worksheet are for paper and keep the default). */
typedef struct {
  DermColor roots[N_ROOT_COLORS];  /* T10..S4-5 */
  DermColor blank;          /* skin no root supplies */
  DermColor border;         /* between regions */
  double    border_width;   /* 0: each region stroked in its own fill */
  DermColor outline;        /* the skin's outline; root zones in high contrast */
  double    outline_width;
  DermColor landmark;       /* patella, malleoli, folds, toes */
  double    landmark_alpha;
  double    landmark_width;
  DermColor dim;            /* with a root highlighted, the others fade to this */
  double    dim_mix;
  DermColor ink;            /* dark text */
  DermColor light;          /* light text */
  gboolean  dark;           /* drawn on a dark background */
  gboolean  zone_outlines;  /* root zones outlined in the outline colour */
  gboolean  plates;         /* labels on solid plates rather than halos */
} Scheme;

/* Colour-blind safe roots, one set for light and dark: picked from Paul
 * Tol's bright, light and muted schemes and the Okabe-Ito palette
 * (https://personal.sron.nl/~pault/, https://jfly.uni-koeln.de/color/) so
 * that roots whose skin touches on any map stay at least 12 apart in
 * CIEDE2000 after simulating protanopia, deuteranopia and tritanopia
 * (Machado et al. 2009, severity 1), alternating light and dark so
 * lightness alone tells most neighbours apart. None is darker than a
 * luminance of 0.1, so the dimmed roots of a dark diagram stay darker
 * than a highlighted one. tests/test-render.c checks all of this. */
#define COLORBLIND_ROOTS {                                       \
    RGB (0x77aadd),  /* T10 Tol light blue */                    \
    RGB (0xddcc77),  /* T11 Tol muted sand */                    \
    RGB (0x4477aa),  /* T12 Tol bright blue */                   \
    RGB (0x99ddff),  /* L1 Tol light cyan */                     \
    RGB (0xbbcc33),  /* L2 Tol light pear */                     \
    RGB (0xcc79a7),  /* L3 Okabe-Ito reddish purple */           \
    RGB (0x33bbee),  /* L4 Tol vibrant cyan */                   \
    RGB (0x117733),  /* L5 Tol muted green */                    \
    RGB (0x009e73),  /* S1 Okabe-Ito bluish green */             \
    RGB (0x999933),  /* S2 Tol muted olive */                    \
    RGB (0xaa3377),  /* S3 Tol bright purple */                  \
    RGB (0xee6677),  /* S4-5 Tol bright red */                   \
  }

/* High contrast: strong, saturated colours (Sasha Trubetskoy's distinct
 * colours, Okabe-Ito and Tol vibrant) chosen for the widest CIEDE2000
 * distance between touching roots, also under simulated colour vision
 * deficiencies; the same on light and dark, with black or white lines. */
#define HIGH_CONTRAST_ROOTS {                                    \
    RGB (0xf032e6),  /* T10 magenta */                           \
    RGB (0xffe119),  /* T11 yellow */                            \
    RGB (0x00ffff),  /* T12 cyan */                              \
    RGB (0x911eb4),  /* L1 purple */                             \
    RGB (0xcc3311),  /* L2 red */                                \
    RGB (0x009e73),  /* L3 bluish green */                       \
    RGB (0x0072b2),  /* L4 blue */                               \
    RGB (0xe69f00),  /* L5 orange */                             \
    RGB (0xbfef45),  /* S1 lime */                               \
    RGB (0xff69b4),  /* S2 pink */                               \
    RGB (0x33bbee),  /* S3 sky */                                \
    RGB (0xee7733),  /* S4-5 tangerine */                        \
  }

static const Scheme schemes[3][2] = {
  [DERM_PALETTE_DEFAULT] = {
    {
      .roots = {
        { 0.95, 0.75, 0.87 },  /* T10 pink */
        { 0.72, 0.84, 0.78 },  /* T11 sage */
        { 0.80, 0.72, 0.91 },  /* T12 lavender */
        { 0.62, 0.78, 1.00 },  /* L1 sky */
        { 0.49, 0.85, 0.90 },  /* L2 cyan */
        { 0.56, 0.87, 0.66 },  /* L3 mint */
        { 0.80, 0.90, 0.46 },  /* L4 lime */
        { 1.00, 0.87, 0.50 },  /* L5 yellow */
        { 1.00, 0.71, 0.48 },  /* S1 orange */
        { 1.00, 0.62, 0.66 },  /* S2 rose */
        { 0.89, 0.62, 0.85 },  /* S3 orchid */
        { 0.84, 0.70, 0.55 },  /* S4-5 tan */
      },
      .blank = { 0.957, 0.925, 0.898 },
      .border = { 1, 1, 1 }, .border_width = 0.8,
      .outline = { 0x30 / 255.0, 0x30 / 255.0, 0x30 / 255.0 }, .outline_width = 2.5,
      .landmark = RGB (0x5e5048), .landmark_alpha = 0.55, .landmark_width = 1.0,
      .dim = { 1, 1, 1 }, .dim_mix = 0.72,
      .ink = { 0.13, 0.13, 0.13 }, .light = { 1, 1, 1 },
    },
    {
      /* the same hues and chroma at a lower lightness (OKLCH L 0.64 to
       * 0.68, yellows 0.72 and 0.76 so they stay yellow), so they do not
       * glare on a dark window and still take dark labels */
      .roots = {
        RGB (0xc07a9f),  /* T10 */
        RGB (0x7fa08d),  /* T11 */
        RGB (0x9582af),  /* T12 */
        RGB (0x688ec3),  /* L1 */
        RGB (0x43a2ae),  /* L2 */
        RGB (0x58a673),  /* L3 */
        RGB (0x9ab13f),  /* L4 */
        RGB (0xceae4f),  /* L5 */
        RGB (0xcc864b),  /* S1 */
        RGB (0xc86d78),  /* S2 */
        RGB (0xb372aa),  /* S3 */
        RGB (0xad8b66),  /* S4-5 */
      },
      .blank = RGB (0x4d4540),
      .border = RGB (0x242424), .border_width = 0.8,
      .outline = RGB (0xc0bfbc), .outline_width = 2.0,
      .landmark = { 1, 1, 1 }, .landmark_alpha = 0.35, .landmark_width = 1.0,
      .dim = RGB (0x242424), .dim_mix = 0.75,
      .ink = { 0.13, 0.13, 0.13 }, .light = { 1, 1, 1 },
      .dark = TRUE,
    },
  },
  [DERM_PALETTE_COLORBLIND] = {
    {
      .roots = COLORBLIND_ROOTS,
      .blank = { 0.957, 0.925, 0.898 },
      .border = { 1, 1, 1 }, .border_width = 0.8,
      .outline = { 0x30 / 255.0, 0x30 / 255.0, 0x30 / 255.0 }, .outline_width = 2.5,
      .landmark = RGB (0x303030), .landmark_alpha = 0.5, .landmark_width = 1.0,
      .dim = { 1, 1, 1 }, .dim_mix = 0.75,
      .ink = { 0.13, 0.13, 0.13 }, .light = { 1, 1, 1 },
    },
    {
      .roots = COLORBLIND_ROOTS,
      .blank = RGB (0x4d4540),
      .border = RGB (0x242424), .border_width = 0.8,
      .outline = RGB (0xc0bfbc), .outline_width = 2.0,
      .landmark = { 1, 1, 1 }, .landmark_alpha = 0.4, .landmark_width = 1.0,
      .dim = RGB (0x242424), .dim_mix = 0.8,
      .ink = { 0.13, 0.13, 0.13 }, .light = { 1, 1, 1 },
      .dark = TRUE,
    },
  },
  [DERM_PALETTE_HIGH_CONTRAST] = {
    {
      .roots = HIGH_CONTRAST_ROOTS,
      .blank = { 1, 1, 1 },
      .border = { 0, 0, 0 }, .border_width = 0,
      .outline = { 0, 0, 0 }, .outline_width = 4.0,
      .landmark = { 0, 0, 0 }, .landmark_alpha = 0.8, .landmark_width = 1.4,
      .dim = { 1, 1, 1 }, .dim_mix = 0.8,
      .ink = { 0, 0, 0 }, .light = { 1, 1, 1 },
      .zone_outlines = TRUE, .plates = TRUE,
    },
    {
      .roots = HIGH_CONTRAST_ROOTS,
      .blank = { 0, 0, 0 },
      .border = { 1, 1, 1 }, .border_width = 0,
      .outline = { 1, 1, 1 }, .outline_width = 4.0,
      .landmark = { 1, 1, 1 }, .landmark_alpha = 0.8, .landmark_width = 1.4,
      .dim = { 0, 0, 0 }, .dim_mix = 0.85,
      .ink = { 0, 0, 0 }, .light = { 1, 1, 1 },
      .dark = TRUE, .zone_outlines = TRUE, .plates = TRUE,
    },
  },
};

static const Scheme *
get_scheme (DermStyle   style,
            DermPalette palette,
            gboolean    dark)
{
  /* paper styles keep their own greys and patterns */
  if (style != DERM_STYLE_COLOR || palette > DERM_PALETTE_HIGH_CONTRAST)
    palette = DERM_PALETTE_DEFAULT;
  if (style != DERM_STYLE_COLOR)
    dark = FALSE;
  return &schemes[palette][dark ? 1 : 0];
}

static const Scheme *
options_scheme (const DermRenderOptions *options)
{
  return get_scheme (options->style, options->palette, options->dark);
}

/* Grayscale: a tone and a pattern per root, so a black-and-white printer
 * still tells every root apart; neighbours differ in both. */
typedef enum {
  PATTERN_NONE,
  PATTERN_HATCH_UP,    /* / */
  PATTERN_HATCH_DOWN,  /* \ */
  PATTERN_HORIZONTAL,
  PATTERN_VERTICAL,
  PATTERN_CROSS,
  PATTERN_DOTS,
} Pattern;

static const struct {
  double  tone;
  Pattern pattern;
} root_grays[] = {
  { 0.86, PATTERN_HORIZONTAL },  /* T10 */
  { 0.64, PATTERN_HATCH_DOWN },  /* T11 */
  { 0.91, PATTERN_NONE },        /* T12 */
  { 0.60, PATTERN_HATCH_UP },    /* L1 */
  { 0.83, PATTERN_DOTS },        /* L2 */
  { 0.50, PATTERN_NONE },        /* L3 */
  { 0.76, PATTERN_HATCH_DOWN },  /* L4 */
  { 0.96, PATTERN_HORIZONTAL },  /* L5 */
  { 0.66, PATTERN_NONE },        /* S1 */
  { 0.87, PATTERN_CROSS },       /* S2 */
  { 0.72, PATTERN_VERTICAL },    /* S3 */
  { 0.42, PATTERN_DOTS },        /* S4-5 */
};

/* view units: pattern period, hatch width of each root in an overlap */
#define PATTERN_SPACING 7.0
#define STRIPE_WIDTH    6.0
#define GRAY_STRIPE_WIDTH 9.0
#define DIM_MIX         0.72

static DermColor
mix (const DermColor *a,
     const DermColor *b,
     double           t)
{
  DermColor c = {
    a->red + (b->red - a->red) * t,
    a->green + (b->green - a->green) * t,
    a->blue + (b->blue - a->blue) * t,
  };
  return c;
}

/* dark, saturated and far apart, so a dashed outline and its name read on
 * every pastel root colour and neighbouring nerves differ */
static const DermColor nerve_colors[] = {
  { 0.42, 0.18, 0.60 },  /* iliohypogastric violet */
  { 0.66, 0.08, 0.36 },  /* ilioinguinal raspberry */
  { 0.03, 0.40, 0.42 },  /* genitofemoral teal */
  { 0.72, 0.28, 0.00 },  /* lateral femoral cutaneous burnt orange */
  { 0.10, 0.27, 0.66 },  /* femoral blue */
  { 0.45, 0.24, 0.06 },  /* obturator brown */
  { 0.08, 0.45, 0.16 },  /* saphenous green */
  { 0.62, 0.07, 0.07 },  /* lateral sural cutaneous dark red */
  { 0.30, 0.20, 0.62 },  /* superficial fibular indigo */
  { 0.78, 0.05, 0.15 },  /* deep fibular red */
  { 0.02, 0.33, 0.56 },  /* sural steel blue */
  { 0.36, 0.40, 0.00 },  /* tibial olive */
  { 0.55, 0.12, 0.52 },  /* posterior femoral cutaneous plum */
  { 0.20, 0.20, 0.20 },  /* pudendal charcoal */
};

/* On a dark diagram the dark nerve colours go halfway to white. */
static DermColor
nerve_color (guint    nerve_index,
             gboolean dark)
{
  static const DermColor white = { 1, 1, 1 };
  const DermColor *color = &nerve_colors[nerve_index % G_N_ELEMENTS (nerve_colors)];

  return dark ? mix (color, &white, 0.5) : *color;
}

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
scheme_root_color (const Scheme *scheme,
                   guint         root_index,
                   DermStyle     style,
                   DermColor    *color)
{
  *color = scheme->roots[root_index % N_ROOT_COLORS];

  if (style == DERM_STYLE_GRAYSCALE)
    {
      double t = root_grays[root_index % G_N_ELEMENTS (root_grays)].tone;
      color->red = color->green = color->blue = t;
    }
  else if (style == DERM_STYLE_WORKSHEET)
    {
      color->red = color->green = color->blue = 1.0;
    }
}

void
derm_palette_get_root_color (guint      root_index,
                             DermStyle  style,
                             DermColor *color)
{
  derm_palette_get_root_color_full (root_index, style, DERM_PALETTE_DEFAULT, FALSE, color);
}

void
derm_palette_get_root_color_full (guint        root_index,
                                  DermStyle    style,
                                  DermPalette  palette,
                                  gboolean     dark,
                                  DermColor   *color)
{
  g_return_if_fail (color != NULL);
  scheme_root_color (get_scheme (style, palette, dark), root_index, style, color);
}

static double
linear_channel (double v)
{
  return v <= 0.04045 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
}

double
derm_color_get_luminance (const DermColor *color)
{
  return 0.2126 * linear_channel (color->red) +
         0.7152 * linear_channel (color->green) +
         0.0722 * linear_channel (color->blue);
}

double
derm_color_get_contrast (const DermColor *a,
                         const DermColor *b)
{
  double la = derm_color_get_luminance (a), lb = derm_color_get_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* Of the scheme's dark and light text, the one whose worst contrast with
 * the fills is best. */
static void
pick_text_color (const Scheme    *scheme,
                 const DermColor *fills,
                 guint            n_fills,
                 DermColor       *text,
                 DermColor       *other)
{
  double ink = G_MAXDOUBLE, light = G_MAXDOUBLE;

  for (guint i = 0; i < n_fills; i++)
    {
      ink = MIN (ink, derm_color_get_contrast (&fills[i], &scheme->ink));
      light = MIN (light, derm_color_get_contrast (&fills[i], &scheme->light));
    }
  *text = ink >= light ? scheme->ink : scheme->light;
  if (other != NULL)
    *other = ink >= light ? scheme->light : scheme->ink;
}

void
derm_palette_get_text_color (DermPalette      palette,
                             const DermColor *fill,
                             DermColor       *text)
{
  g_return_if_fail (fill != NULL && text != NULL);
  pick_text_color (get_scheme (DERM_STYLE_COLOR, palette, FALSE), fill, 1, text, NULL);
}

/* Lines of a pattern over the clip, anchored to user space so it runs on
 * unbroken across neighbouring regions. */
static void
draw_pattern (cairo_t *cr,
              Pattern  pattern,
              double   ink)
{
  double x0, y0, x1, y1;
  const double s = PATTERN_SPACING;

  if (pattern == PATTERN_NONE)
    return;

  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  x0 = floor (x0 / s) * s - s;
  y0 = floor (y0 / s) * s - s;
  x1 += s;
  y1 += s;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_source_rgb (cr, ink, ink, ink);
  cairo_set_line_width (cr, 1.1);
  switch (pattern)
    {
    case PATTERN_HATCH_UP:
    case PATTERN_HATCH_DOWN:
    case PATTERN_CROSS:
      {
        double step = s * G_SQRT2;

        /* x + y = t */
        if (pattern != PATTERN_HATCH_DOWN)
          for (double t = floor ((x0 + y0) / step) * step; t <= x1 + y1; t += step)
            {
              cairo_move_to (cr, x0, t - x0);
              cairo_line_to (cr, x1, t - x1);
            }
        /* x - y = t */
        if (pattern != PATTERN_HATCH_UP)
          for (double t = floor ((x0 - y1) / step) * step; t <= x1 - y0; t += step)
            {
              cairo_move_to (cr, x0, x0 - t);
              cairo_line_to (cr, x1, x1 - t);
            }
        cairo_stroke (cr);
      }
      break;
    case PATTERN_HORIZONTAL:
      for (double y = y0; y <= y1; y += s)
        {
          cairo_move_to (cr, x0, y);
          cairo_line_to (cr, x1, y);
        }
      cairo_stroke (cr);
      break;
    case PATTERN_VERTICAL:
      for (double x = x0; x <= x1; x += s)
        {
          cairo_move_to (cr, x, y0);
          cairo_line_to (cr, x, y1);
        }
      cairo_stroke (cr);
      break;
    case PATTERN_DOTS:
      {
        int row = (int) floor (y0 / s);

        /* a dot is a zero-length stroke with round caps: two numbers in a PDF, not thirteen */
        for (double y = y0; y <= y1; y += s, row++)
          for (double x = x0 + (row % 2 ? s / 2 : 0); x <= x1; x += s)
            {
              cairo_move_to (cr, x, y);
              cairo_close_path (cr);
            }
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_line_width (cr, 2.7);
        cairo_stroke (cr);
      }
      break;
    case PATTERN_NONE:
    default:
      break;
    }
  cairo_restore (cr);
}

/* Paint the clip with a root's colour, or tone and pattern. */
static void
paint_root (cairo_t      *cr,
            const Scheme *scheme,
            guint         root_index,
            DermStyle     style,
            gboolean      dim)
{
  DermColor color;

  scheme_root_color (scheme, root_index, style, &color);
  if (dim)
    color = mix (&color, &scheme->dim, scheme->dim_mix);
  cairo_set_source_rgb (cr, color.red, color.green, color.blue);
  cairo_paint (cr);

  if (style == DERM_STYLE_GRAYSCALE)
    {
      guint i = root_index % G_N_ELEMENTS (root_grays);
      double tone = root_grays[i].tone;
      double ink = tone < 0.55 ? 0.97 : 0.22;

      if (dim)
        ink = ink + (1 - ink) * DIM_MIX;
      draw_pattern (cr, root_grays[i].pattern, ink);
    }
}

/* Over the clip, each root but the first gets its stripe of a period of
 * n stripes at 45 degrees; the first root's paint is already there. */
static void
paint_stripes (cairo_t      *cr,
               const Scheme *scheme,
               const guint  *root_indices,
               guint         n,
               DermStyle     style,
               gboolean      dim)
{
  double w = style == DERM_STYLE_GRAYSCALE ? GRAY_STRIPE_WIDTH : STRIPE_WIDTH;
  double period = w * n * G_SQRT2;  /* along x + y */
  double x0, y0, x1, y1;

  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  for (guint c = 1; c < n; c++)
    {
      cairo_save (cr);
      cairo_new_path (cr);
      for (double t = floor ((x0 + y0) / period) * period; t <= x1 + y1; t += period)
        {
          double a = t + c * w * G_SQRT2, b = a + w * G_SQRT2;

          cairo_move_to (cr, x0, a - x0);
          cairo_line_to (cr, x1, a - x1);
          cairo_line_to (cr, x1, b - x1);
          cairo_line_to (cr, x0, b - x0);
          cairo_close_path (cr);
        }
      cairo_clip (cr);
      paint_root (cr, scheme, root_indices[c], style, dim);
      cairo_restore (cr);
    }
}

void
derm_palette_get_blank_color (DermStyle  style,
                              DermColor *color)
{
  derm_palette_get_blank_color_full (style, DERM_PALETTE_DEFAULT, FALSE, color);
}

void
derm_palette_get_blank_color_full (DermStyle    style,
                                   DermPalette  palette,
                                   gboolean     dark,
                                   DermColor   *color)
{
  static const DermColor white = { 1, 1, 1 };

  g_return_if_fail (color != NULL);
  *color = style == DERM_STYLE_COLOR ? get_scheme (style, palette, dark)->blank : white;
}

void
derm_palette_fill_root (cairo_t   *cr,
                        guint      root_index,
                        DermStyle  style)
{
  derm_palette_fill_root_full (cr, root_index, style, DERM_PALETTE_DEFAULT, FALSE);
}

void
derm_palette_fill_root_full (cairo_t     *cr,
                             guint        root_index,
                             DermStyle    style,
                             DermPalette  palette,
                             gboolean     dark)
{
  cairo_save (cr);
  cairo_clip (cr);
  paint_root (cr, get_scheme (style, palette, dark), root_index, style, FALSE);
  cairo_restore (cr);
}

void
derm_palette_fill_overlap (cairo_t     *cr,
                           const guint *root_indices,
                           guint        n_roots,
                           DermStyle    style)
{
  derm_palette_fill_overlap_full (cr, root_indices, n_roots, style, DERM_PALETTE_DEFAULT, FALSE);
}

void
derm_palette_fill_overlap_full (cairo_t     *cr,
                                const guint *root_indices,
                                guint        n_roots,
                                DermStyle    style,
                                DermPalette  palette,
                                gboolean     dark)
{
  const Scheme *scheme = get_scheme (style, palette, dark);

  g_return_if_fail (n_roots > 0);

  cairo_save (cr);
  cairo_clip (cr);
  paint_root (cr, scheme, root_indices[0], style, FALSE);
  paint_stripes (cr, scheme, root_indices, n_roots, style, FALSE);
  cairo_restore (cr);
}

static void
nerve_outline_free (gpointer data)
{
  NerveOutline *outline = data;

  g_ptr_array_unref (outline->loops);
  g_array_unref (outline->spots);
  g_free (outline);
}

static void
derm_renderer_finalize (GObject *object)
{
  DermRenderer *self = DERM_RENDERER (object);

  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    g_clear_pointer (&self->nerve_outlines[view], g_ptr_array_unref);

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

static char *
join_roots (const char * const *roots)
{
  return g_strjoinv ("/", (char **) roots);
}

/* Root labels of a map: one per run of same-root skin per side and view. */
static GArray *
get_labels (DermRenderer  *self,
            const DermMap *map)
{
  return derm_atlas_get_root_labels (self->atlas, map);
}

/* The outlines of the view's elements, each read when first used: the
 * atlas's, shared with its id maps and other renderers. */
static DermSvgPaths *
get_paths (DermRenderer *self,
           DermView      view)
{
  return derm_atlas_get_paths (self->atlas, view);
}

static gboolean
append_region_path (DermRenderer     *self,
                    cairo_t          *cr,
                    const DermRegion *region)
{
  return derm_svg_paths_try_append (get_paths (self, region->view), region->id, cr);
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

static void
set_source_rgb_hex (cairo_t *cr,
                    guint32  rgb,
                    double   alpha)
{
  cairo_set_source_rgba (cr, (rgb >> 16 & 0xff) / 255.0, (rgb >> 8 & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

/* The regions of a view in their paint, straight from their outlines:
 * pixel for pixel what librsvg drew with a stylesheet, without parsing the
 * whole document for it. The outline and landmarks are drawn over
 * everything by draw_lines (), once: in a PDF every stroke drawn twice
 * costs time and bytes. A worksheet outlines root zones (outline_zones ())
 * on white paper instead. */
static void
draw_regions (DermRenderer            *self,
              cairo_t                 *cr,
              DermView                 view,
              const DermMap           *map,
              const DermRenderOptions *options)
{
  GPtrArray *regions = derm_atlas_get_regions (self->atlas);
  const DermRoot *highlight = derm_atlas_get_root (self->atlas, options->highlight_root);
  const Scheme *scheme = options_scheme (options);
  static const DermColor white = { 1, 1, 1 };
  gboolean gray = options->style == DERM_STYLE_GRAYSCALE;

  if (options->style == DERM_STYLE_WORKSHEET)
    return;

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_miter_limit (cr, 4);
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
           * the others and grayscale patterns are drawn over it, as vectors
           * (decorate_regions ()) */
          const DermRoot *root = derm_atlas_get_root (self->atlas, roots[0]);

          scheme_root_color (scheme, root->index, options->style, &color);
          if (dim)
            color = mix (&color, &scheme->dim, scheme->dim_mix);
        }

      cairo_new_path (cr);
      if (!append_region_path (self, cr, region))
        continue;
      set_source_color (cr, &color);
      cairo_fill_preserve (cr);
      if (scheme->border_width > 0)
        {
          set_source_color (cr, &scheme->border);
          cairo_set_line_width (cr, scheme->border_width);
        }
      else  /* each region stroked in its own fill, to close the seams */
        cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* Grayscale patterns and the stripes of overlaps, drawn with cairo clipped
 * to the regions' outlines, so PDF and SVG output stay vector. Then the
 * region borders, landmarks and outline they covered, once more. */
static void
decorate_regions (DermRenderer            *self,
                  cairo_t                 *cr,
                  DermView                 view,
                  const DermMap           *map,
                  const DermRenderOptions *options)
{
  GPtrArray *regions = derm_atlas_get_regions (self->atlas);
  const DermRoot *highlight = derm_atlas_get_root (self->atlas, options->highlight_root);
  const Scheme *scheme = options_scheme (options);
  gboolean gray = options->style == DERM_STYLE_GRAYSCALE;
  g_autoptr (GPtrArray) decorated = g_ptr_array_new ();

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
              if (append_region_path (self, cr, region))
                {
                  g_ptr_array_add (decorated, (gpointer) region);
                  n++;
                }
            }
          if (n == 0 || root_grays[root->index % G_N_ELEMENTS (root_grays)].pattern == PATTERN_NONE)
            {
              cairo_new_path (cr);
              continue;
            }
          cairo_save (cr);
          cairo_clip (cr);
          {
            double ink = root_grays[root->index % G_N_ELEMENTS (root_grays)].tone < 0.55 ? 0.97 : 0.22;

            if (dim)
              ink = ink + (1 - ink) * DIM_MIX;
            draw_pattern (cr, root_grays[root->index % G_N_ELEMENTS (root_grays)].pattern, ink);
          }
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
      if (append_region_path (self, cr, region))
        {
          cairo_clip (cr);
          paint_stripes (cr, scheme, indices, n, options->style, dim);
          g_ptr_array_add (decorated, (gpointer) region);
        }
      cairo_restore (cr);
    }

  /* high contrast outlines the root zones over all this instead */
  if (decorated->len > 0 && scheme->border_width > 0)
    {
      cairo_new_path (cr);
      for (guint i = 0; i < decorated->len; i++)
        append_region_path (self, cr, g_ptr_array_index (decorated, i));
      cairo_set_source_rgb (cr, scheme->border.red, scheme->border.green, scheme->border.blue);
      cairo_set_line_width (cr, scheme->border_width);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static double
outline_scale (const DermRenderOptions *options)
{
  return options->outline_scale > 0 ? CLAMP (options->outline_scale, 0.5, 3.0) : 1.0;
}

/* Landmarks (patella, malleoli, folds, toes) in thin lines, then the skin
 * outline, over the regions. */
static void
draw_lines (DermRenderer            *self,
            cairo_t                 *cr,
            DermView                 view,
            const DermRenderOptions *options)
{
  DermSvgPaths *paths = get_paths (self, view);
  const Scheme *scheme = options_scheme (options);
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
static void
outline_zones (DermRenderer    *self,
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

      cairo_save (cr);
      cairo_new_path (cr);
      cairo_rectangle (cr, -10, -10, DERM_VIEW_WIDTH + 20, DERM_VIEW_HEIGHT + 20);
      for (guint i = 0; i < zone->len; i++)
        append_region_path (self, cr, g_ptr_array_index (zone, i));
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_clip (cr);
      cairo_new_path (cr);
      for (guint i = 0; i < zone->len; i++)
        append_region_path (self, cr, g_ptr_array_index (zone, i));
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  cairo_restore (cr);
}

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

static void
draw_header (cairo_t  *cr,
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
static gboolean
uses_markers (const DermRenderOptions *options)
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
  const Scheme *scheme = options_scheme (options);
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
  pick_text_color (scheme, fills, n, color, halo);
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
                  options_scheme (options)->plates);
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

static void
draw_labels (DermRenderer            *self,
             cairo_t                 *cr,
             DermView                 view,
             const DermMap           *map,
             const DermRenderOptions *options)
{
  GArray *labels = get_labels (self, map);

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

static gboolean
boxes_overlap (const Box *a,
               const Box *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* How much of the box the boxes taken so far cover, in square units. */
static double
box_overlap (const Box *box,
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
  if (taken != NULL && box_overlap (&boxes[0], taken) > box_overlap (&boxes[1], taken))
    return boxes[1];
  return boxes[0];
}

static void
add_root_label_boxes (DermRenderer            *self,
                      DermView                 view,
                      const DermMap           *map,
                      const DermRenderOptions *options,
                      GArray                  *taken)
{
  GArray *labels;

  if (!options->labels || options->style == DERM_STYLE_WORKSHEET)
    return;

  labels = get_labels (self, map);
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

/* Text at (x, y) top left in a colour, over a halo: light, or dark on a
 * dark background. */
static void
show_label_layout (cairo_t         *cr,
                   PangoLayout     *layout,
                   double           x,
                   double           y,
                   const DermColor *color,
                   double           halo,
                   gboolean         dark)
{
  cairo_save (cr);
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, halo);
  if (dark)
    cairo_set_source_rgba (cr, 0, 0, 0, 0.85);
  else
    cairo_set_source_rgba (cr, 1, 1, 1, 0.92);
  cairo_stroke (cr);
  cairo_move_to (cr, x, y);
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
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

  add_root_label_boxes (self, view, map, options, roots);
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
          /* its root id, about 0.62 em a character, placed as draw_key_points does */
          box = key_point_text_box (kp, 13 * 0.62 * strlen (kp->root), 14, roots);
          g_array_append_val (taken, box);
        }
    }

  return taken;
}

static void
draw_nerves (DermRenderer            *self,
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
  gboolean dark = options_scheme (options)->dark;

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
        DermColor color = nerve_color (outline->nerve_index, dark);

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
  for (guint i = 0; i < order->len; i++)
    {
      const NerveOutline *outline = g_ptr_array_index (order, i);
      DermColor color = nerve_color (outline->nerve_index, dark);
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
            double overlap = box_overlap (&candidate, taken);

            if (overlap < least && (nudge == 0 || overlap == 0))
              {
                least = overlap;
                box = candidate;
              }
          }
      g_array_append_val (taken, box);
      show_label_layout (cr, layout, box.x0 + 1 - logical.x, box.y0 - logical.y, &color, size * 0.3, dark);
    }
}

static void
draw_key_points (DermRenderer            *self,
                 cairo_t                 *cr,
                 DermView                 view,
                 const DermMap           *map,
                 const DermRenderOptions *options)
{
  GPtrArray *points = derm_atlas_get_key_points (self->atlas);
  g_autoptr (GArray) roots = g_array_new (FALSE, FALSE, sizeof (Box));
  static const DermColor ink = { 0.11, 0.11, 0.11 }, white = { 1, 1, 1 };
  gboolean dark = options_scheme (options)->dark;

  add_root_label_boxes (self, view, map, options, roots);

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
      show_label_layout (cr, layout, box.x0 - logical.x, kp->y - logical.height / 2.0 - logical.y,
                         dark ? &white : &ink, 3.5, dark);
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
  GArray *labels = get_labels (self, map);
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
  if (derm_atlas_region_at (atlas, view, (x0 + x1) / 2, (y0 + y1) / 2) != NULL)
    return FALSE;
  if (box_overlap (box, taken) > 0)
    return FALSE;

  nx = (int) ceil ((x1 - x0) / 3);
  ny = (int) ceil ((y1 - y0) / 3);
  for (int j = 0; j <= ny; j++)
    for (int i = 0; i <= nx; i++)
      if (derm_atlas_region_at (atlas, view, x0 + (x1 - x0) * i / nx, y0 + (y1 - y0) * j / ny) != NULL)
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
static void
draw_markers (DermRenderer            *self,
              cairo_t                 *cr,
              DermView                 view,
              const DermMap           *map,
              const DermRenderOptions *options,
              gboolean                 numbers)
{
  g_autoptr (GPtrArray) sorted = sorted_labels (self, map, options->layout);
  g_autoptr (GArray) markers = g_array_new (FALSE, TRUE, sizeof (Marker));
  g_autoptr (GArray) taken = g_array_new (FALSE, FALSE, sizeof (Box));
  const Scheme *scheme = options_scheme (options);
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
      draw_regions (self, cr, view, map, options);
      if (options->style == DERM_STYLE_WORKSHEET)
        {
          static const DermColor ink = { 0.13, 0.13, 0.13 };

          outline_zones (self, cr, view, map, &ink, 2.2);
        }
      else
        decorate_regions (self, cr, view, map, options);
      if (options->style == DERM_STYLE_COLOR && options_scheme (options)->zone_outlines)
        outline_zones (self, cr, view, map, &options_scheme (options)->outline, 2.4);
      draw_lines (self, cr, view, options);
      if (options->labels && options->style != DERM_STYLE_WORKSHEET)
        {
          if (uses_markers (options))
            draw_markers (self, cr, view, map, options, FALSE);
          else
            draw_labels (self, cr, view, map, options);
        }
      if (options->blanks && options->style == DERM_STYLE_WORKSHEET)
        draw_markers (self, cr, view, map, options, TRUE);
      if (options->nerves)
        draw_nerves (self, cr, view, map, options);
      if (options->key_points)
        draw_key_points (self, cr, view, map, options);
      if (options->header)
        draw_header (cr, view, options->header_scale > 0 ? options->header_scale : 1.0, options->dark);
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
  if (!derm_svg_paths_try_append (get_paths (self, region->view), region->id, cr))
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
