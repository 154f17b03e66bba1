/* derm-map-view-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chart mode: the map draws a chart's marks over faded root colours, a
 * click, a drag or Space marks skin with the chosen finding, and a
 * candidate's territory can be outlined. The chart is the model: the view
 * edits it and redraws when it changes.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include "derm-chart-marks.h"
#include "derm-geometry.h"
#include "derm-layout.h"
#include "derm-map-view-private.h"

/* hatch lines this many widget pixels apart */
#define MARK_STEP_PX 9.0

static void
chart_changed_cb (DermMapView *self,
                  DermChart   *chart)
{
  g_clear_pointer (&self->chart_node, gsk_render_node_unref);
  _derm_map_view_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
append_region_path (DermMapView      *self,
                    cairo_t          *cr,
                    const DermRegion *region)
{
  double ox, oy;
  gboolean appended;

  if (!derm_layout_view_origin (self->layout, region->view, &ox, &oy))
    return FALSE;
  cairo_save (cr);
  cairo_translate (cr, ox, oy);
  appended = derm_svg_paths_try_append (derm_geometry_get_paths (self->atlas, region->view),
                                        region->id, cr);
  cairo_restore (cr);
  return appended;
}

static const DermRegion *
chart_region (DermMapView *self,
              const char  *name,
              DermSide     side)
{
  g_autofree char *id = g_strdup_printf ("%s-%s", name, derm_side_to_string (side));

  return derm_atlas_get_region (self->atlas, id);
}

static void
draw_chart (DermMapView     *self,
            cairo_t         *cr,
            const Transform *t)
{
  GPtrArray *sensory = derm_chart_get_sensory (self->chart);
  double step = MARK_STEP_PX / t->scale;

  cairo_scale (cr, t->scale, t->scale);
  for (guint i = 0; sensory != NULL && i < sensory->len; i++)
    {
      const DermChartSensory *entry = g_ptr_array_index (sensory, i);
      const DermRegion *region = chart_region (self, entry->region, entry->side);

      cairo_new_path (cr);
      if (region != NULL && region->view == entry->view && append_region_path (self, cr, region))
        derm_finding_fill (cr, entry->finding, step);
    }

  /* a candidate's territory: a dark line on a white one, to read over
   * any mark */
  for (guint pass = 0; self->outline != NULL && pass < 2; pass++)
    {
      cairo_new_path (cr);
      for (guint i = 0; i < self->outline->len; i++)
        append_region_path (self, cr, g_ptr_array_index (self->outline, i));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      if (pass == 0)
        {
          cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
          cairo_set_line_width (cr, 5.0 / t->scale);
        }
      else
        {
          cairo_set_source_rgb (cr, 0.08, 0.20, 0.55);
          cairo_set_line_width (cr, 2.5 / t->scale);
        }
      cairo_stroke (cr);
    }
}

/* Under the hover and focus, over the faded diagram. */
void
_derm_map_view_snapshot_chart (DermMapView     *self,
                               GtkSnapshot     *snapshot,
                               const Transform *t)
{
  double w, h;

  if (self->chart == NULL)
    return;

  if (self->chart_node != NULL &&
      (self->chart_node_scale != t->scale || self->chart_node_layout != self->layout))
    g_clear_pointer (&self->chart_node, gsk_render_node_unref);

  if (self->chart_node == NULL)
    {
      cairo_t *cr;

      derm_layout_get_size (self->layout, &w, &h);
      self->chart_node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, w * t->scale, h * t->scale));
      cr = gsk_cairo_node_get_draw_context (self->chart_node);
      draw_chart (self, cr, t);
      cairo_destroy (cr);
      self->chart_node_scale = t->scale;
      self->chart_node_layout = self->layout;
    }

  gtk_snapshot_append_node (snapshot, self->chart_node);
}

void
_derm_map_view_chart_dispose (DermMapView *self)
{
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_func (self->chart, chart_changed_cb, self);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->outline, g_ptr_array_unref);
  g_clear_pointer (&self->chart_node, gsk_render_node_unref);
  self->stroke_region = NULL;
}

static void
mark (DermMapView      *self,
      const DermRegion *region,
      int               finding)
{
  if (derm_chart_lookup_sensory (self->chart, region->view, region->side, region->name_id) == finding)
    return;
  derm_chart_set_sensory (self->chart, region->view, region->side, region->name_id, finding);
}

/* A click or Space: the chosen finding, or clear a region that has it. */
void
_derm_map_view_mark_toggle (DermMapView      *self,
                            const DermRegion *region)
{
  int current;

  if (self->chart == NULL || region == NULL)
    return;

  current = derm_chart_lookup_sensory (self->chart, region->view, region->side, region->name_id);
  mark (self, region, self->finding < 0 || current == self->finding ? -1 : self->finding);
}

/* A drag marks every region it crosses as its first region went: all
 * with the finding, or all cleared. */
void
_derm_map_view_stroke_begin (DermMapView      *self,
                             const DermRegion *region)
{
  int current;

  self->stroking = TRUE;
  if (++self->stroke_serial == 0)
    self->stroke_serial = 1;
  self->stroke_region = region;
  if (region == NULL)
    {
      self->stroke_finding = self->finding;
      return;
    }

  current = derm_chart_lookup_sensory (self->chart, region->view, region->side, region->name_id);
  self->stroke_finding = self->finding < 0 || current == self->finding ? -1 : self->finding;
  mark (self, region, self->stroke_finding);
}

void
_derm_map_view_stroke_to (DermMapView      *self,
                          const DermRegion *region)
{
  if (!self->stroking || region == NULL || region == self->stroke_region)
    return;

  self->stroke_region = region;
  mark (self, region, self->stroke_finding);
}

void
_derm_map_view_stroke_end (DermMapView *self)
{
  self->stroking = FALSE;
  self->stroke_region = NULL;
}

/* public API */

/**
 * derm_map_view_set_chart:
 * @chart: (nullable): the chart to draw and mark, or %NULL to leave chart mode
 *
 * In chart mode the roots fade, the chart's marks lie over them, and a
 * click, drag or Space marks skin with derm_map_view_set_finding ()'s finding.
 */
void
derm_map_view_set_chart (DermMapView *self,
                         DermChart   *chart)
{
  g_return_if_fail (DERM_IS_MAP_VIEW (self));
  g_return_if_fail (chart == NULL || DERM_IS_CHART (chart));

  if (self->chart == chart)
    return;

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_func (self->chart, chart_changed_cb, self);
  g_set_object (&self->chart, chart);
  if (chart != NULL)
    g_signal_connect_swapped (chart, "changed", G_CALLBACK (chart_changed_cb), self);
  _derm_map_view_stroke_end (self);
  g_clear_pointer (&self->outline, g_ptr_array_unref);
  g_clear_pointer (&self->chart_node, gsk_render_node_unref);
  _derm_map_view_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

DermChart *
derm_map_view_get_chart (DermMapView *self)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), NULL);

  return self->chart;
}

/**
 * derm_map_view_set_finding:
 * @finding: a #DermFinding to mark with, or -1 for the eraser
 */
void
derm_map_view_set_finding (DermMapView *self,
                           int          finding)
{
  g_return_if_fail (DERM_IS_MAP_VIEW (self));
  g_return_if_fail (finding >= -1 && finding < DERM_N_FINDINGS);

  self->finding = finding;
}

int
derm_map_view_get_finding (DermMapView *self)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), -1);

  return self->finding;
}

/**
 * derm_map_view_set_outline:
 * @regions: (nullable) (element-type DermRegion): regions to outline
 *
 * Outlines a territory (a candidate's, in chart mode) over the marks.
 */
void
derm_map_view_set_outline (DermMapView *self,
                           GPtrArray   *regions)
{
  g_return_if_fail (DERM_IS_MAP_VIEW (self));

  g_clear_pointer (&self->outline, g_ptr_array_unref);
  if (regions != NULL && regions->len > 0)
    self->outline = g_ptr_array_ref (regions);
  g_clear_pointer (&self->chart_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
derm_map_view_get_outline_size (DermMapView *self)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), 0);

  return self->outline != NULL ? self->outline->len : 0;
}

/* While a press or drag marks, a number of its own (0 otherwise): the
 * changes of one drag are one step for undo. */
guint
derm_map_view_get_marking (DermMapView *self)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), 0);

  return self->stroking ? self->stroke_serial : 0;
}
