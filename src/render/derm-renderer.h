/* derm-renderer.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "derm-atlas.h"

G_BEGIN_DECLS

typedef struct {
  DermLayout  layout;
  const char *map_id;          /* NULL: default map */
  DermStyle   style;
  gboolean    labels;          /* root labels inside each zone */
  gboolean    header;          /* view titles and "Patient's right/left" marks */
  gboolean    dark;            /* draw for a dark background */
  const char *highlight_root;  /* NULL, or a root whose regions stand out (others dimmed) */
  gboolean    nerves;          /* cutaneous nerve territories, outlined and named */
  gboolean    key_points;      /* ISNCSCI key sensory points, a dot and the root */
  /* 0: screen sizes, labels shrink to fit their zone. > 0: for paper and
   * projectors, no root label or blank smaller than this (layout units),
   * each inside its zone wherever it fits there; one that does not goes
   * beside it with a leader line (off the body where there is room), no
   * label on another, no line through a label or across another line. */
  double      min_label_size;
  gboolean    blanks;          /* worksheet style: a numbered circle in each root zone */
  DermPalette palette;         /* colours of the colour style */
  /* root label size, 1.0 normal (e.g. 0.85 small, 1.3 large), also of
   * min_label_size; labels still fit their zone or, when larger than it
   * allows, go beside it with a leader line */
  double      label_scale;
  /* for a projector: the view titles and "Patient's right/left" marks
   * this much larger (1.0 normal, at most 1.5, as the header band allows),
   * and the skin outline and landmarks this much heavier */
  double      header_scale;
  double      outline_scale;
} DermRenderOptions;

void derm_render_options_init (DermRenderOptions *options);

typedef struct {
  double red, green, blue;
} DermColor;

/* The palette colour of a root (index in T12..S4-5 order), in the default
 * palette for a light background. */
void derm_palette_get_root_color (guint      root_index,
                                  DermStyle  style,
                                  DermColor *color);

/* The same in a palette, for a dark background or not: what the diagram
 * draws, so swatches and tags elsewhere should use it too. */
void derm_palette_get_root_color_full (guint        root_index,
                                       DermStyle    style,
                                       DermPalette  palette,
                                       gboolean     dark,
                                       DermColor   *color);

/* The paint of skin no root supplies on a map (blank: varies between people). */
void derm_palette_get_blank_color (DermStyle  style,
                                   DermColor *color);
void derm_palette_get_blank_color_full (DermStyle    style,
                                        DermPalette  palette,
                                        gboolean     dark,
                                        DermColor   *color);

/* The colour of text written on fill: dark or light, whichever contrasts
 * more with it; the palette's own black and white. */
void derm_palette_get_text_color (DermPalette      palette,
                                  const DermColor *fill,
                                  DermColor       *text);

/* The colours of a nerve's name on the diagram (index in the atlas's
 * nerves), in a palette for a dark background or not: its text, and the
 * halo (or plate) behind it with its opacity. */
void derm_palette_get_nerve_label_colors (guint        nerve_index,
                                          DermPalette  palette,
                                          gboolean     dark,
                                          DermColor   *text,
                                          DermColor   *halo,
                                          double      *halo_alpha);

/* WCAG 2 relative luminance (0..1) and contrast ratio (1..21). */
double derm_color_get_luminance (const DermColor *color);
double derm_color_get_contrast  (const DermColor *a,
                                 const DermColor *b);

/* Fill the current path (consumed) with a root's paint in a style: its
 * colour, or in grayscale its tone and pattern; for legends. */
void derm_palette_fill_root (cairo_t   *cr,
                             guint      root_index,
                             DermStyle  style);
void derm_palette_fill_root_full (cairo_t     *cr,
                                  guint        root_index,
                                  DermStyle    style,
                                  DermPalette  palette,
                                  gboolean     dark);

/* Fill the current path (consumed) with the stripes of several roots, as
 * an overlap of roots is drawn. */
void derm_palette_fill_overlap (cairo_t     *cr,
                                const guint *root_indices,
                                guint        n_roots,
                                DermStyle    style);
void derm_palette_fill_overlap_full (cairo_t     *cr,
                                     const guint *root_indices,
                                     guint        n_roots,
                                     DermStyle    style,
                                     DermPalette  palette,
                                     gboolean     dark);

/* Fill the current path (consumed) as a guessed zone of a root is drawn
 * ("uncertain": veiled, with rings in the colours of the roots around
 * it); for legends. */
void derm_palette_fill_guessed_full (cairo_t     *cr,
                                     guint        root_index,
                                     const guint *border_indices,
                                     guint        n_borders,
                                     DermStyle    style,
                                     DermPalette  palette,
                                     gboolean     dark);

#define DERM_TYPE_RENDERER (derm_renderer_get_type ())
G_DECLARE_FINAL_TYPE (DermRenderer, derm_renderer, DERM, RENDERER, GObject)

DermRenderer *derm_renderer_new              (DermAtlas               *atlas);
DermAtlas    *derm_renderer_get_atlas        (DermRenderer            *self);

/* Draw the whole layout in layout units: the caller scales and translates cr. */
void          derm_renderer_render           (DermRenderer            *self,
                                              cairo_t                 *cr,
                                              const DermRenderOptions *options);

/* Draw one region's outline and a translucent fill over a rendered layout,
 * for hover, focus and selection. cr in layout units as above. */
void          derm_renderer_render_region    (DermRenderer            *self,
                                              cairo_t                 *cr,
                                              DermLayout               layout,
                                              const DermRegion        *region,
                                              gboolean                 strong,
                                              gboolean                 dark);
/* The same in a palette: high contrast draws thicker, opaque outlines. */
void          derm_renderer_render_region_full (DermRenderer          *self,
                                                cairo_t               *cr,
                                                DermLayout             layout,
                                                const DermRegion      *region,
                                                gboolean               strong,
                                                DermPalette            palette,
                                                gboolean               dark);

/* The numbered blanks of a worksheet (options->blanks) in number order:
 * item n - 1 is what blank n stands for, "L4" or "L1/S2". Free with
 * g_strfreev (). */
char        **derm_renderer_dup_blank_answers (DermRenderer            *self,
                                               const DermRenderOptions *options);

/* A root label (or a worksheet's numbered blank) as the renderer places
 * it on a view, in view units: for checking the placement. */
typedef struct {
  char     *text;
  double    size;                /* font size */
  double    x0, y0, x1, y1;      /* its box: letters and halo, or the circle */
  gboolean  outside;             /* beside its zone, with a leader line */
  double    line_x0, line_y0;    /* the leader line: from its zone... */
  double    line_x1, line_y1;    /* ...to the box */
} DermPlacedLabel;

/* The labels derm_renderer_render () draws on a view with these options,
 * of DermPlacedLabel (a worksheet's blanks when options->blanks). Free
 * with g_array_unref (). */
GArray      *derm_renderer_place_labels       (DermRenderer            *self,
                                               const DermRenderOptions *options,
                                               DermView                 view);

G_END_DECLS
