/* derm-renderer-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by derm-renderer*.c only: the renderer draws a diagram in layers,
 * each in a file of its own.
 */
#pragma once

#include <cairo.h>
#include <librsvg/rsvg.h>

#include "derm-geometry.h"
#include "derm-renderer.h"

G_BEGIN_DECLS

#define N_ROOT_COLORS 12
#define KEY_POINT_RADIUS  6.0

/* a root label, placed by the geometry (derm_geometry_get_root_labels ()) */
typedef DermRootLabel Label;

typedef struct {
  double x0, y0, x1, y1;
} Box;

/* The halo (or a plate's margin) round a label's letters, per unit of
 * font size: a label's box holds its letters and this. */
#define LABEL_PAD 0.18
/* air between two boxes, and between a box and a leader line */
#define LABEL_AIR 2.0

static inline Box
box_at (double cx,
        double cy,
        double half_w,
        double half_h)
{
  Box box = { cx - half_w, cy - half_h, cx + half_w, cy + half_h };
  return box;
}

static inline gboolean
boxes_overlap (const Box *a,
               const Box *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* A root label (or a worksheet's numbered blank) as placed on a view:
 * derm-renderer-placement.c places it, derm-renderer-labels.c draws it. */
typedef struct {
  const Label *label;
  char        *text;
  gboolean     circle;    /* a worksheet's numbered blank */
  double       size;      /* font size, view units */
  gboolean     outside;   /* beside its zone, with a leader line */
  Box          box;       /* letters and halo (a blank: its circle) */
  double       ax, ay;    /* the leader line's end in the zone */
  double       lx, ly;    /* and on the box */
  double       ink_w, ink_h, ink_x, ink_y;  /* letters at size 1 */
  gboolean    *in_zone;   /* per region index: part of the label's zone */
  Box          zone;      /* the zone's extent */
  gboolean     failed;    /* found no room beside its zone */
} Marker;

/* A view's skin on a grid of one unit, the grid of its id map, kept on
 * the renderer: the placement looks at hundreds of thousands of points. */
typedef struct {
  DermView view;
  guint    n_regions;
  guint16 *cells;    /* region index + 1, 0 off the skin */
  guint16 *sum;      /* of skin cells above and left of each corner,
                      * modulo 65536: exact for any box of fewer cells */
  Box     *extents;  /* of each region (x1 < x0: not in the view) */
} Skin;

#define SKIN_W ((int) DERM_VIEW_WIDTH)
#define SKIN_H ((int) DERM_VIEW_HEIGHT)

struct _DermRenderer {
  GObject     parent_instance;

  DermAtlas  *atlas;
  GPtrArray  *nerve_outlines[DERM_N_VIEWS];  /* of NerveOutline, traced once */
  RsvgHandle *art[DERM_N_VIEWS];             /* shading and contours, or NULL */
  gboolean    art_loaded[DERM_N_VIEWS];      /* art[] looked for (at first use) */
};

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

/* derm-renderer.c */
GArray       *_derm_renderer_get_labels          (DermRenderer            *self,
                                                  const DermMap           *map);
DermSvgPaths *_derm_renderer_get_paths           (DermRenderer            *self,
                                                  DermView                 view);
gboolean      _derm_renderer_append_region_path  (DermRenderer            *self,
                                                  cairo_t                 *cr,
                                                  const DermRegion        *region);

/* derm-renderer-art.c */
void          _derm_renderer_clear_art           (DermRenderer            *self);
void          _derm_renderer_draw_art            (DermRenderer            *self,
                                                  cairo_t                 *cr,
                                                  DermView                 view,
                                                  const DermRenderOptions *options);

/* derm-renderer-palettes.c */
const Scheme *_derm_renderer_options_scheme      (const DermRenderOptions *options);
void          _derm_renderer_scheme_root_color   (const Scheme            *scheme,
                                                  guint                    root_index,
                                                  DermStyle                style,
                                                  DermColor               *color);
DermColor     _derm_renderer_mix                 (const DermColor         *a,
                                                  const DermColor         *b,
                                                  double                   t);
DermColor     _derm_renderer_nerve_color         (guint                    nerve_index,
                                                  gboolean                 dark);
void          _derm_renderer_nerve_label_colors  (const Scheme            *scheme,
                                                  guint                    nerve_index,
                                                  DermColor               *text,
                                                  DermColor               *halo,
                                                  double                  *halo_alpha);
void          _derm_renderer_pick_text_color     (const Scheme            *scheme,
                                                  const DermColor         *fills,
                                                  guint                    n_fills,
                                                  DermColor               *text,
                                                  DermColor               *other);
void          _derm_renderer_guessed_ring_color  (const Scheme            *scheme,
                                                  guint                    root_index,
                                                  DermStyle                style,
                                                  DermColor               *color);
void          _derm_renderer_paint_guessed       (cairo_t                 *cr,
                                                  const Scheme            *scheme,
                                                  const guint             *ring_roots,
                                                  guint                    n,
                                                  DermStyle                style,
                                                  gboolean                 dim);
gboolean      _derm_renderer_has_pattern         (guint                    root_index);
void          _derm_renderer_paint_pattern       (cairo_t                 *cr,
                                                  guint                    root_index,
                                                  gboolean                 dim);
void          _derm_renderer_paint_stripes       (cairo_t                 *cr,
                                                  const Scheme            *scheme,
                                                  const guint             *root_indices,
                                                  guint                    n,
                                                  DermStyle                style,
                                                  gboolean                 dim);

/* derm-renderer-regions.c */
void          _derm_renderer_draw_regions        (DermRenderer            *self,
                                                  cairo_t                 *cr,
                                                  DermView                 view,
                                                  const DermMap           *map,
                                                  const DermRenderOptions *options);
void          _derm_renderer_decorate_regions    (DermRenderer            *self,
                                                  cairo_t                 *cr,
                                                  DermView                 view,
                                                  const DermMap           *map,
                                                  const DermRenderOptions *options);
void          _derm_renderer_draw_lines          (DermRenderer            *self,
                                                  cairo_t                 *cr,
                                                  DermView                 view,
                                                  const DermRenderOptions *options);
void          _derm_renderer_outline_zones       (DermRenderer            *self,
                                                  cairo_t                 *cr,
                                                  DermView                 view,
                                                  const DermMap           *map,
                                                  const DermColor         *color,
                                                  double                   width);

/* derm-renderer-labels.c */
void          _derm_renderer_draw_header         (cairo_t                 *cr,
                                                  DermView                 view,
                                                  double                   scale,
                                                  gboolean                 dark);
void          _derm_renderer_draw_labels         (DermRenderer            *self,
                                                  cairo_t                 *cr,
                                                  DermView                 view,
                                                  const DermMap           *map,
                                                  const DermRenderOptions *options);
void          _derm_renderer_draw_markers        (DermRenderer            *self,
                                                  cairo_t                 *cr,
                                                  DermView                 view,
                                                  const DermMap           *map,
                                                  const DermRenderOptions *options,
                                                  gboolean                 numbers);

/* derm-renderer-placement.c */
gboolean      _derm_renderer_uses_markers        (const DermRenderOptions *options);
/* of Marker, placed (kept on the renderer: the same options place them
 * once); free with g_array_unref () */
GArray       *_derm_renderer_place_markers       (DermRenderer            *self,
                                                  DermView                 view,
                                                  const DermMap           *map,
                                                  const DermRenderOptions *options,
                                                  gboolean                 numbers);
double        _derm_renderer_box_overlap         (const Box               *box,
                                                  GArray                  *taken);
void          _derm_renderer_add_root_label_boxes (DermRenderer           *self,
                                                   DermView                view,
                                                   const DermMap          *map,
                                                   const DermRenderOptions *options,
                                                   GArray                 *taken);
void          _derm_renderer_marker_half_size    (const Marker            *marker,
                                                  double                   size,
                                                  double                  *half_w,
                                                  double                  *half_h);
/* every point of the box (on a grid of 2.5 units) in the zone */
gboolean      _derm_renderer_box_in_zone         (const Skin              *skin,
                                                  const gboolean          *in_zone,
                                                  const Box               *box);
/* inside the zone at this size, nearest the label's point: FALSE if not */
gboolean      _derm_renderer_place_inside        (const Skin              *skin,
                                                  Marker                  *marker,
                                                  double                   size);

/* derm-renderer-leaders.c */
void          _derm_renderer_place_beside        (const Skin              *skin,
                                                  GArray                  *markers,
                                                  double                   smallest);

/* derm-renderer-overlays.c */
void          _derm_renderer_draw_nerves         (DermRenderer            *self,
                                                  cairo_t                 *cr,
                                                  DermView                 view,
                                                  const DermMap           *map,
                                                  const DermRenderOptions *options);
void          _derm_renderer_draw_key_points     (DermRenderer            *self,
                                                  cairo_t                 *cr,
                                                  DermView                 view,
                                                  const DermMap           *map,
                                                  const DermRenderOptions *options);

G_END_DECLS
