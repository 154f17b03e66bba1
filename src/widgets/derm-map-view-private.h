/* derm-map-view-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by derm-map-view*.c only.
 */
#pragma once

#include <adwaita.h>

#include "derm-id-map.h"
#include "derm-map-view.h"
#include "derm-renderer.h"

G_BEGIN_DECLS

#define ZOOM_MIN         1.0
#define ZOOM_MAX         8.0
#define ZOOM_STEP        1.25
#define ID_MAP_SCALE_MIN 0.25
#define ID_MAP_SCALE_MAX 2.0
/* Above this many device pixels the cache covers the viewport plus a margin
 * instead of the whole layout, so a deep zoom does not need a huge texture. */
#define CACHE_MAX_PIXELS (4096.0 * 2048.0)
#define CACHE_STRIP_BYTES (256 * 1024)
#define HIGHLIGHT_MARGIN 6.0
#define WHEEL_PAN_STEP   48.0
/* How near a click must fall to a key-point dot, in view units. */
#define KEY_POINT_RADIUS 9.0
/* Presentation: the smallest root label, in widget pixels (read from the
 * back of a lecture hall at 1080p), and the idle time before the pointer hides. */
#define PRESENTATION_LABEL_PX 28.0
/* In the window no root label is smaller than the body text (11 pt, about
 * 14.7 px at 96 dpi): a zone too small for one gets a leader line. */
#define WINDOW_LABEL_PX 14.5
#define POINTER_IDLE_SECONDS  3

struct _DermMapView
{
  GtkWidget         parent_instance;

  DermAtlas        *atlas;
  DermRenderer     *renderer;
  DermLayout        layout;
  char             *map_id;
  char             *selected_root;
  gboolean          labels;
  gboolean          nerves;
  gboolean          key_points;
  gboolean          reveal_roots;
  gboolean          neutral;        /* outlines in the text colour, no root colours */
  gboolean          presentation;
  DermPalette       palette;
  double            label_scale;
  guint             pointer_idle_id;
  guint             id_map_idle_id;
  gboolean          pointer_hidden;

  const DermRegion *selected_region;
  /* a ring drawn over the drawing: a quiz's highlighted area or answer */
  const DermRegion   *marker_region;
  const DermKeyPoint *marker_key_point;
  const DermRegion *hover_region;
  const DermRegion *focus_region;

  double            zoom;
  double            center_x;   /* layout point shown at the widget's centre */
  double            center_y;

  /* the diagram rendered once for the current size, zoom and options */
  GskRenderNode    *cache_node;
  graphene_rect_t   cache_rect;   /* in scaled layout pixels */
  gboolean          cache_is_full;
  double            cache_scale;
  int               cache_scale_factor;

  DermIdMap        *id_map;
  DermLayout        id_map_layout;

  /* per layout, the bounding box of each region's highlight, layout units */
  GArray           *region_bounds[3];

  double            pointer_x;
  double            pointer_y;
  double            drag_center_x;
  double            drag_center_y;
  gboolean          dragging;
  gboolean          keyboard_focus;
  gulong            focus_visible_id; /* the window's notify::focus-visible while focused */
  gboolean          pointer_focus;  /* the focus came with a click */
  gboolean          focused;        /* the window's focus is here: the label names the region */
  gboolean          drag_moved;     /* this press became a drag, not a click */
  double            pinch_zoom;
  double            pinch_x;
  double            pinch_y;

  /* chart mode (derm-map-view-chart.c) */
  DermChart        *chart;
  int               finding;        /* a DermFinding to mark with, -1: the eraser */
  GPtrArray        *outline;        /* of const DermRegion *: a candidate's territory */
  GskRenderNode    *chart_node;     /* the marks and the outline at chart_node_scale */
  double            chart_node_scale;
  DermLayout        chart_node_layout;
  gboolean          stroking;
  guint             stroke_serial;
  int               stroke_finding;
  const DermRegion *stroke_region;
};

typedef struct
{
  double scale;     /* widget pixels per layout unit */
  double origin_x;  /* widget position of layout (0, 0) */
  double origin_y;
} Transform;

enum {
  PROP_0,
  PROP_ATLAS,
  PROP_LAYOUT,
  PROP_MAP_ID,
  PROP_SELECTED_REGION,
  PROP_SELECTED_ROOT,
  PROP_LABELS,
  PROP_NERVES,
  PROP_KEY_POINTS,
  PROP_ZOOM,
  PROP_REVEAL_ROOTS,
  PROP_NEUTRAL,
  PROP_PRESENTATION,
  PROP_PALETTE,
  PROP_LABEL_SCALE,
  N_PROPS
};

enum {
  REGION_ACTIVATED,
  KEY_POINT_ACTIVATED,
  POINT_ACTIVATED,
  N_SIGNALS
};

/* derm-map-view.c */
void              _derm_map_view_notify              (DermMapView        *self,
                                                      guint               prop_id);
gboolean          _derm_map_view_is_dark             (void);
DermPalette       _derm_map_view_effective_palette   (DermMapView        *self);
gboolean          _derm_map_view_region_shown        (DermMapView        *self,
                                                      const DermRegion   *region);
gboolean          _derm_map_view_region_layout_point (DermMapView        *self,
                                                      const DermRegion   *region,
                                                      double             *x,
                                                      double             *y);
void              _derm_map_view_emit_point          (DermMapView        *self,
                                                      double              layout_x,
                                                      double              layout_y);
void              _derm_map_view_activate_region     (DermMapView        *self,
                                                      const DermRegion   *region);
void              _derm_map_view_activate_key_point  (DermMapView        *self,
                                                      const DermKeyPoint *key_point);

/* derm-map-view-zoom.c */
double            _derm_map_view_fit_scale           (DermMapView        *self);
void              _derm_map_view_clamp_center        (DermMapView        *self);
void              _derm_map_view_get_transform       (DermMapView        *self,
                                                      Transform          *t);
void              _derm_map_view_widget_to_layout    (const Transform    *t,
                                                      double              x,
                                                      double              y,
                                                      double             *layout_x,
                                                      double             *layout_y);
void              _derm_map_view_zoom_at             (DermMapView        *self,
                                                      double              zoom,
                                                      double              x,
                                                      double              y);
void              _derm_map_view_pan_by              (DermMapView        *self,
                                                      double              dx,
                                                      double              dy);
void              _derm_map_view_scroll_to_point     (DermMapView        *self,
                                                      double              layout_x,
                                                      double              layout_y);

/* derm-map-view-drawing.c */
void              _derm_map_view_drawing_class_init  (GtkWidgetClass     *widget_class);
void              _derm_map_view_invalidate_cache    (DermMapView        *self);
graphene_rect_t   _derm_map_view_region_bounds       (DermMapView        *self,
                                                      const DermRegion   *region);

/* derm-map-view-input.c */
void              _derm_map_view_input_class_init    (GtkWidgetClass     *widget_class);
gboolean          _derm_map_view_id_map_idle_cb      (gpointer            user_data);
void              _derm_map_view_restart_pointer_idle (DermMapView       *self);
void              _derm_map_view_stop_focus_visible  (DermMapView        *self);

/* derm-map-view-chart.c */
void              _derm_map_view_snapshot_chart      (DermMapView        *self,
                                                      GtkSnapshot        *snapshot,
                                                      const Transform    *t);
void              _derm_map_view_chart_dispose       (DermMapView        *self);
void              _derm_map_view_mark_toggle         (DermMapView        *self,
                                                      const DermRegion   *region);
void              _derm_map_view_stroke_begin        (DermMapView        *self,
                                                      const DermRegion   *region);
void              _derm_map_view_stroke_to           (DermMapView        *self,
                                                      const DermRegion   *region);
void              _derm_map_view_stroke_end          (DermMapView        *self);

/* derm-map-view-accessible.c */
void              _derm_map_view_update_accessible   (DermMapView        *self);

G_END_DECLS
