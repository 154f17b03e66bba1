/* derm-renderer-palettes.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The colours of a diagram: the palettes (default, colour-blind safe, high
 * contrast; light and dark), the grayscale tones and patterns, the
 * stripes of an overlap and the nerves' colours.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <math.h>
#include <string.h>

#include "derm-renderer-private.h"
#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

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
      /* soft colours nudged (by 3.5 CIEDE2000 on average) so that roots
       * whose skin touches on any map stay at least 10 apart also after
       * simulating protanopia, deuteranopia and tritanopia (L3 and S2
       * were 2.6 apart for deuteranopes, L2 and S3 3.5, T12 and L1 3.7
       * for protanopes); tests/test-render-palettes.c checks it */
      .roots = {
        RGB (0xf1bfe0),  /* T10 pink */
        RGB (0xb7d5c4),  /* T11 sage */
        RGB (0xcab9d8),  /* T12 lavender */
        RGB (0x89b5ff),  /* L1 sky */
        RGB (0x74e5f4),  /* L2 cyan */
        RGB (0xa7e1b6),  /* L3 mint */
        RGB (0x7cb92d),  /* L4 leaf green: apart from L5 and S1 for protanopes and deuteranopes */
        RGB (0xffe044),  /* L5 yellow */
        RGB (0xfeb47a),  /* S1 orange */
        RGB (0xf1818a),  /* S2 rose */
        RGB (0xce8ac3),  /* S3 orchid */
        RGB (0xdcb891),  /* S4-5 tan */
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
       * glare on a dark window and still take dark labels; nudged like the
       * light ones so touching roots stay 10 apart under simulated colour
       * vision deficiencies */
      .roots = {
        RGB (0xc37ca3),  /* T10 */
        RGB (0x7e9f8c),  /* T11 */
        RGB (0x9682a9),  /* T12 */
        RGB (0x6287dc),  /* L1 */
        RGB (0x34aebd),  /* L2 */
        RGB (0x92c59f),  /* L3 */
        RGB (0x7e9329),  /* L4 */
        RGB (0xe5c35d),  /* L5 */
        RGB (0xce9669),  /* S1 */
        RGB (0xcf6b78),  /* S2 */
        RGB (0x988395),  /* S3 */
        RGB (0xb38f64),  /* S4-5 */
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

const Scheme *
_derm_renderer_options_scheme (const DermRenderOptions *options)
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

DermColor
_derm_renderer_mix (const DermColor *a,
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

/* the halo of a nerve's name on a dark diagram: the window's background */
static const DermColor NERVE_HALO_DARK = { 0x1e / 255.0, 0x1e / 255.0, 0x1e / 255.0 };

/* On a dark diagram the dark nerve colours go halfway to white. */
DermColor
_derm_renderer_nerve_color (guint    nerve_index,
                            gboolean dark)
{
  static const DermColor white = { 1, 1, 1 };
  const DermColor *color = &nerve_colors[nerve_index % G_N_ELEMENTS (nerve_colors)];

  return dark ? _derm_renderer_mix (color, &white, 0.5) : *color;
}

/* A nerve's name over a halo on the light diagram, or on an opaque plate
 * in the background's colour on dark and in high contrast (a thin dark
 * halo left light names on light fills), in the nerve's colour taken
 * toward black or white until it stands out from the halo or plate by at
 * least 4.5:1 (7:1 in high contrast). */
void
_derm_renderer_nerve_label_colors (const Scheme *scheme,
                                   guint         nerve_index,
                                   DermColor    *text,
                                   DermColor    *halo,
                                   double       *halo_alpha)
{
  static const DermColor white = { 1, 1, 1 }, black = { 0, 0, 0 };
  gboolean high = scheme->plates;
  double least = high ? 7.0 : 4.5;
  DermColor base = _derm_renderer_nerve_color (nerve_index, scheme->dark);

  *halo = scheme->dark ? (high ? black : NERVE_HALO_DARK) : white;
  *halo_alpha = scheme->dark || high ? 1.0 : 0.92;
  /* a translucent halo over the darkest fill: the least it can be */
  {
    DermColor worst = *halo;

    if (*halo_alpha < 1)
      for (guint i = 0; i < N_ROOT_COLORS; i++)
        {
          DermColor over = _derm_renderer_mix (&scheme->roots[i], halo, *halo_alpha);

          if (derm_color_get_contrast (&over, &base) < derm_color_get_contrast (&worst, &base))
            worst = over;
        }
    for (double t = 0; t <= 1.0; t += 0.05)
      {
        *text = _derm_renderer_mix (&base, scheme->dark ? &white : &black, t);
        if (derm_color_get_contrast (text, &worst) >= least + 0.05)
          break;
      }
  }
}

void
_derm_renderer_scheme_root_color (const Scheme *scheme,
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

/* The rings over a guessed zone: a bordering root's colour, darkened (on
 * dark, lightened) so it shows on the veiled paint of the same root; ink
 * on paper's grays. */
void
_derm_renderer_guessed_ring_color (const Scheme *scheme,
                                   guint         root_index,
                                   DermStyle     style,
                                   DermColor    *color)
{
  static const DermColor black = { 0, 0, 0 }, white = { 1, 1, 1 }, ink = { 0.25, 0.25, 0.25 };

  if (style != DERM_STYLE_COLOR)
    {
      *color = ink;
      return;
    }
  *color = scheme->roots[root_index % N_ROOT_COLORS];
  *color = _derm_renderer_mix (color, scheme->dark ? &white : &black, scheme->dark ? 0.2 : 0.3);
}

/* a guessed zone: how much it is veiled, and its rings (view units) */
#define GUESSED_VEIL         0.5
#define GUESSED_VEIL_DARK    0.35  /* less: a highlighted root stays brighter than the dimmed rest */
#define GUESSED_RING_SPACING 9.0
#define GUESSED_RING_RADIUS  2.3
#define GUESSED_RING_WIDTH   1.3

/* Over the clip, already painted in the zone's roots: a guessed zone reads
 * "uncertain", its paint veiled halfway to the paper or the dark
 * background and small open rings over it in the colours of the roots
 * that border it (in grayscale, in ink). Rings are neither the stripes of
 * an overlap nor any root's grayscale pattern. */
void
_derm_renderer_paint_guessed (cairo_t      *cr,
                              const Scheme *scheme,
                              const guint  *ring_roots,
                              guint         n,
                              DermStyle     style,
                              gboolean      dim)
{
  DermColor veil = scheme->dark ? scheme->dim : (DermColor) { 1, 1, 1 };
  const double s = GUESSED_RING_SPACING;
  double x0, y0, x1, y1;

  cairo_save (cr);
  cairo_set_source_rgba (cr, veil.red, veil.green, veil.blue, scheme->dark ? GUESSED_VEIL_DARK : GUESSED_VEIL);
  cairo_paint (cr);
  if (n == 0)
    {
      cairo_restore (cr);
      return;
    }

  /* rings on a grid anchored to user space, so they run on unbroken
   * across neighbouring regions, over the clip only: each root's rings in
   * turn along a row, shifted by one every row so no colour lines up in a
   * column, every other row half a ring to the side. Paths, not a tiled
   * pattern: cairo 1.16 leaks the copy of a pattern's recording surface
   * that a PDF or SVG surface keeps. */
  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  cairo_set_line_width (cr, GUESSED_RING_WIDTH);
  for (guint c = 0; c < n; c++)
    {
      DermColor color;

      _derm_renderer_guessed_ring_color (scheme, ring_roots[c], style, &color);
      if (dim)
        color = _derm_renderer_mix (&color, &scheme->dim, scheme->dim_mix);
      cairo_new_path (cr);
      for (long r = (long) floor (y0 / s) - 1; r <= (long) ceil (y1 / s); r++)
        for (long k = (long) floor (x0 / s) - 1; k <= (long) ceil (x1 / s); k++)
          {
            double x = k * s + s / 2 + ((r & 1) ? s / 2 : 0), y = r * s + s / 2;

            if ((((k + r) % (long) n) + (long) n) % (long) n != (long) c)
              continue;
            cairo_new_sub_path (cr);
            cairo_arc (cr, x, y, GUESSED_RING_RADIUS, 0, 2 * G_PI);
          }
      cairo_set_source_rgb (cr, color.red, color.green, color.blue);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
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
  _derm_renderer_scheme_root_color (get_scheme (style, palette, dark), root_index, style, color);
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
void
_derm_renderer_pick_text_color (const Scheme    *scheme,
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
  _derm_renderer_pick_text_color (get_scheme (DERM_STYLE_COLOR, palette, FALSE), fill, 1,
                                  text, NULL);
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

/* A root's grayscale pattern over the clip, in an ink that reads on its
 * tone (fainter when dimmed). */
void
_derm_renderer_paint_pattern (cairo_t  *cr,
                              guint     root_index,
                              gboolean  dim)
{
  guint i = root_index % G_N_ELEMENTS (root_grays);
  double tone = root_grays[i].tone;
  double ink = tone < 0.55 ? 0.97 : 0.22;

  if (dim)
    ink = ink + (1 - ink) * DIM_MIX;
  draw_pattern (cr, root_grays[i].pattern, ink);
}

gboolean
_derm_renderer_has_pattern (guint root_index)
{
  return root_grays[root_index % G_N_ELEMENTS (root_grays)].pattern != PATTERN_NONE;
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

  _derm_renderer_scheme_root_color (scheme, root_index, style, &color);
  if (dim)
    color = _derm_renderer_mix (&color, &scheme->dim, scheme->dim_mix);
  cairo_set_source_rgb (cr, color.red, color.green, color.blue);
  cairo_paint (cr);

  if (style == DERM_STYLE_GRAYSCALE)
    _derm_renderer_paint_pattern (cr, root_index, dim);
}

/* Over the clip, each root but the first gets its stripe of a period of
 * n stripes at 45 degrees; the first root's paint is already there. */
void
_derm_renderer_paint_stripes (cairo_t      *cr,
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
derm_palette_get_nerve_label_colors (guint        nerve_index,
                                     DermPalette  palette,
                                     gboolean     dark,
                                     DermColor   *text,
                                     DermColor   *halo,
                                     double      *halo_alpha)
{
  double alpha;

  g_return_if_fail (text != NULL && halo != NULL);
  _derm_renderer_nerve_label_colors (get_scheme (DERM_STYLE_COLOR, palette, dark), nerve_index, text, halo,
                                     &alpha);
  if (halo_alpha != NULL)
    *halo_alpha = alpha;
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
derm_palette_fill_guessed_full (cairo_t     *cr,
                                guint        root_index,
                                const guint *border_indices,
                                guint        n_borders,
                                DermStyle    style,
                                DermPalette  palette,
                                gboolean     dark)
{
  const Scheme *scheme = get_scheme (style, palette, dark);

  cairo_save (cr);
  cairo_clip (cr);
  paint_root (cr, scheme, root_index, style, FALSE);
  _derm_renderer_paint_guessed (cr, scheme, border_indices, n_borders, style, FALSE);
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
  _derm_renderer_paint_stripes (cr, scheme, root_indices, n_roots, style, FALSE);
  cairo_restore (cr);
}
