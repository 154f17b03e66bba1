/* derm-map-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "derm-atlas.h"
#include "derm-chart.h"

G_BEGIN_DECLS

#define DERM_TYPE_MAP_VIEW (derm_map_view_get_type ())
G_DECLARE_FINAL_TYPE (DermMapView, derm_map_view, DERM, MAP_VIEW, GtkWidget)

GtkWidget        *derm_map_view_new                 (void);

DermAtlas        *derm_map_view_get_atlas           (DermMapView      *self);
void              derm_map_view_set_atlas           (DermMapView      *self,
                                                     DermAtlas        *atlas);
DermLayout        derm_map_view_get_layout          (DermMapView      *self);
void              derm_map_view_set_layout          (DermMapView      *self,
                                                     DermLayout        layout);
const char       *derm_map_view_get_map_id          (DermMapView      *self);
void              derm_map_view_set_map_id          (DermMapView      *self,
                                                     const char       *map_id);
const DermRegion *derm_map_view_get_selected_region (DermMapView      *self);
void              derm_map_view_set_selected_region (DermMapView      *self,
                                                     const DermRegion *region);
const char       *derm_map_view_get_selected_root   (DermMapView      *self);
void              derm_map_view_set_selected_root   (DermMapView      *self,
                                                     const char       *root_id);
gboolean          derm_map_view_get_labels          (DermMapView      *self);
void              derm_map_view_set_labels          (DermMapView      *self,
                                                     gboolean          labels);
gboolean          derm_map_view_get_nerves          (DermMapView      *self);
void              derm_map_view_set_nerves          (DermMapView      *self,
                                                     gboolean          nerves);
gboolean          derm_map_view_get_key_points      (DermMapView      *self);
void              derm_map_view_set_key_points      (DermMapView      *self,
                                                     gboolean          key_points);
double            derm_map_view_get_zoom            (DermMapView      *self);
void              derm_map_view_set_zoom            (DermMapView      *self,
                                                     double            zoom);
void              derm_map_view_zoom_in             (DermMapView      *self);
void              derm_map_view_zoom_out            (DermMapView      *self);

/* The region under a widget point, or NULL. */
const DermRegion *derm_map_view_region_at           (DermMapView      *self,
                                                     double            x,
                                                     double            y);
/* Where a region's label point lies in widget coordinates; FALSE when its
 * view is not shown. Lets tests click a region. */
gboolean          derm_map_view_region_to_widget    (DermMapView      *self,
                                                     const DermRegion *region,
                                                     double           *x,
                                                     double           *y);
/* "Left medial malleolus – L4"; free with g_free. */
char             *derm_map_view_describe_region     (DermMapView      *self,
                                                     const DermRegion *region);

/* The key-point dot under a widget point (within 9 view units), or NULL,
 * also when the key points are hidden. */
const DermKeyPoint *derm_map_view_key_point_at      (DermMapView        *self,
                                                     double              x,
                                                     double              y);
/* Where a key point lies in widget coordinates; FALSE when its view is not shown. */
gboolean          derm_map_view_key_point_to_widget (DermMapView        *self,
                                                     const DermKeyPoint *key_point,
                                                     double             *x,
                                                     double             *y);
/* "Left L4 key sensory point"; free with g_free. */
char             *derm_map_view_describe_key_point  (DermMapView        *self,
                                                     const DermKeyPoint *key_point);

gboolean          derm_map_view_get_reveal_roots    (DermMapView        *self);
void              derm_map_view_set_reveal_roots    (DermMapView        *self,
                                                     gboolean            reveal_roots);
/* Outlines only, in the text colour: no root colour, label or highlight
 * anywhere, as a quiz's question waits (the worksheet style). */
gboolean          derm_map_view_get_neutral         (DermMapView        *self);
void              derm_map_view_set_neutral         (DermMapView        *self,
                                                     gboolean            neutral);
gboolean          derm_map_view_get_presentation    (DermMapView        *self);
void              derm_map_view_set_presentation    (DermMapView        *self,
                                                     gboolean            presentation);
void              derm_map_view_set_marker          (DermMapView        *self,
                                                     const DermRegion   *region,
                                                     const DermKeyPoint *key_point);
const DermRegion *derm_map_view_get_marker_region   (DermMapView        *self);
const DermKeyPoint *derm_map_view_get_marker_key_point (DermMapView     *self);
DermPalette       derm_map_view_get_palette         (DermMapView        *self);
void              derm_map_view_set_palette         (DermMapView        *self,
                                                     DermPalette         palette);
double            derm_map_view_get_label_scale     (DermMapView        *self);
void              derm_map_view_set_label_scale     (DermMapView        *self,
                                                     double              label_scale);
/* Chart mode (derm-map-view-chart.c): marks drawn over faded roots; a
 * click, a drag or Space marks the skin with the finding (-1: erase). */
void              derm_map_view_set_chart           (DermMapView        *self,
                                                     DermChart          *chart);
DermChart        *derm_map_view_get_chart           (DermMapView        *self);
void              derm_map_view_set_finding         (DermMapView        *self,
                                                     int                 finding);
int               derm_map_view_get_finding         (DermMapView        *self);
/* Outline these regions (of const DermRegion *), or none for NULL. */
void              derm_map_view_set_outline         (DermMapView        *self,
                                                     GPtrArray          *regions);
guint             derm_map_view_get_outline_size    (DermMapView        *self);
/* While a press or drag marks: a number for that drag, else 0. */
guint             derm_map_view_get_marking         (DermMapView        *self);
/* Presentation mode hid the idle pointer. */
gboolean          derm_map_view_get_pointer_hidden  (DermMapView        *self);

/* The root labels as the view places them now (DermPlacedLabel, view
 * units) and its scale in screen pixels a unit: for tests. */
GArray           *derm_map_view_place_labels        (DermMapView         *self,
                                                     DermView             view,
                                                     double              *pixels_per_unit);

G_END_DECLS
