/* derm-map-view-zoom.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Zoom and pan: which part of the layout the map view shows, at what
 * scale, and where a widget point falls in the layout.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <math.h>

#include "derm-layout.h"
#include "derm-map-view-private.h"

double
_derm_map_view_fit_scale (DermMapView *self)
{
  double scale = 1.0, offset_x, offset_y;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (width <= 0 || height <= 0)
    return 1.0;

  derm_layout_fit (self->layout, width, height, &scale, &offset_x, &offset_y);

  return scale > 0 ? scale : 1.0;
}

/* Keep the layout covering the widget: no panning past its edges. */
void
_derm_map_view_clamp_center (DermMapView *self)
{
  double layout_w, layout_h, scale, half_w, half_h;

  derm_layout_get_size (self->layout, &layout_w, &layout_h);
  scale = _derm_map_view_fit_scale (self) * self->zoom;
  half_w = gtk_widget_get_width (GTK_WIDGET (self)) / (2.0 * scale);
  half_h = gtk_widget_get_height (GTK_WIDGET (self)) / (2.0 * scale);

  if (layout_w <= 2.0 * half_w)
    self->center_x = layout_w / 2.0;
  else
    self->center_x = CLAMP (self->center_x, half_w, layout_w - half_w);

  if (layout_h <= 2.0 * half_h)
    self->center_y = layout_h / 2.0;
  else
    self->center_y = CLAMP (self->center_y, half_h, layout_h - half_h);
}

void
_derm_map_view_get_transform (DermMapView *self,
                              Transform   *t)
{
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  t->scale = _derm_map_view_fit_scale (self) * self->zoom;
  /* whole device pixels, so the cached texture is drawn without resampling */
  t->origin_x = round ((width / 2.0 - self->center_x * t->scale) * scale_factor) / scale_factor;
  t->origin_y = round ((height / 2.0 - self->center_y * t->scale) * scale_factor) / scale_factor;
}

void
_derm_map_view_widget_to_layout (const Transform *t,
                                 double           x,
                                 double           y,
                                 double          *layout_x,
                                 double          *layout_y)
{
  *layout_x = (x - t->origin_x) / t->scale;
  *layout_y = (y - t->origin_y) / t->scale;
}

void
_derm_map_view_zoom_at (DermMapView *self,
                        double       zoom,
                        double       x,
                        double       y)
{
  Transform t;
  double layout_x, layout_y, scale;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (fabs (zoom - self->zoom) < 1e-6)
    return;

  /* keep the layout point under (x, y) where it is */
  _derm_map_view_get_transform (self, &t);
  _derm_map_view_widget_to_layout (&t, x, y, &layout_x, &layout_y);

  self->zoom = zoom;
  scale = _derm_map_view_fit_scale (self) * zoom;
  self->center_x = layout_x - (x - width / 2.0) / scale;
  self->center_y = layout_y - (y - height / 2.0) / scale;
  _derm_map_view_clamp_center (self);

  _derm_map_view_invalidate_cache (self);
  _derm_map_view_notify (self, PROP_ZOOM);
}

void
_derm_map_view_pan_by (DermMapView *self,
                       double       dx,
                       double       dy)
{
  double scale = _derm_map_view_fit_scale (self) * self->zoom;

  self->center_x += dx / scale;
  self->center_y += dy / scale;
  _derm_map_view_clamp_center (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Pan so that a layout point is visible, e.g. after keyboard navigation. */
void
_derm_map_view_scroll_to_point (DermMapView *self,
                                double       layout_x,
                                double       layout_y)
{
  Transform t;
  double x, y;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  const double margin = 32;

  _derm_map_view_get_transform (self, &t);
  x = t.origin_x + layout_x * t.scale;
  y = t.origin_y + layout_y * t.scale;

  if (x < margin || x > width - margin)
    self->center_x = layout_x;
  if (y < margin || y > height - margin)
    self->center_y = layout_y;

  _derm_map_view_clamp_center (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
derm_map_view_get_zoom (DermMapView *self)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), ZOOM_MIN);

  return self->zoom;
}

/**
 * derm_map_view_set_zoom:
 * @zoom: 1 fits the layout to the widget, up to 8
 *
 * Zooms around the widget's centre.
 */
void
derm_map_view_set_zoom (DermMapView *self,
                        double       zoom)
{
  g_return_if_fail (DERM_IS_MAP_VIEW (self));

  _derm_map_view_zoom_at (self, zoom,
                          gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                          gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
derm_map_view_zoom_in (DermMapView *self)
{
  g_return_if_fail (DERM_IS_MAP_VIEW (self));

  derm_map_view_set_zoom (self, self->zoom * ZOOM_STEP);
}

void
derm_map_view_zoom_out (DermMapView *self)
{
  g_return_if_fail (DERM_IS_MAP_VIEW (self));

  derm_map_view_set_zoom (self, self->zoom / ZOOM_STEP);
}
