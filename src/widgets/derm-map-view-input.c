/* derm-map-view-input.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Input: the pointer (hover, click, drag to pan, pinch and Ctrl+wheel to
 * zoom), the keyboard (arrow keys move the focus between regions, Enter
 * selects) and tooltips, all finding the region under a point with one id
 * map.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <math.h>

#include "derm-id-map.h"
#include "derm-layout.h"
#include "derm-map-view-private.h"

static DermIdMap *
ensure_id_map (DermMapView *self,
               double       scale)
{
  scale = CLAMP (scale * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                 ID_MAP_SCALE_MIN, ID_MAP_SCALE_MAX);

  if (self->id_map != NULL &&
      (self->id_map_layout != self->layout || derm_id_map_get_scale (self->id_map) != scale))
    g_clear_pointer (&self->id_map, derm_id_map_free);

  if (self->id_map == NULL && self->atlas != NULL)
    {
      self->id_map = derm_id_map_new (self->atlas, self->layout, scale);
      self->id_map_layout = self->layout;
    }

  return self->id_map;
}

/* The id map is made after the first frame rather than for it, and before
 * the first hover needs it. */
gboolean
_derm_map_view_id_map_idle_cb (gpointer user_data)
{
  DermMapView *self = user_data;
  Transform t;

  self->id_map_idle_id = 0;
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0 && gtk_widget_get_height (GTK_WIDGET (self)) > 0)
    {
      _derm_map_view_get_transform (self, &t);
      ensure_id_map (self, t.scale);
    }
  return G_SOURCE_REMOVE;
}

static const DermRegion *
find_region_at (DermMapView *self,
                double       x,
                double       y)
{
  Transform t;
  double layout_x, layout_y;
  DermIdMap *id_map;

  if (self->atlas == NULL ||
      gtk_widget_get_width (GTK_WIDGET (self)) <= 0 ||
      gtk_widget_get_height (GTK_WIDGET (self)) <= 0)
    return NULL;

  _derm_map_view_get_transform (self, &t);
  _derm_map_view_widget_to_layout (&t, x, y, &layout_x, &layout_y);

  id_map = ensure_id_map (self, t.scale);
  if (id_map == NULL)
    return NULL;

  return derm_id_map_lookup (id_map, layout_x, layout_y);
}

/* The key-point dot under a widget point, when the dots are shown. */
static const DermKeyPoint *
find_key_point_at (DermMapView *self,
                   double       x,
                   double       y)
{
  Transform t;
  double layout_x, layout_y, view_x, view_y;
  DermView view;

  if (self->atlas == NULL || !self->key_points ||
      gtk_widget_get_width (GTK_WIDGET (self)) <= 0 ||
      gtk_widget_get_height (GTK_WIDGET (self)) <= 0)
    return NULL;

  _derm_map_view_get_transform (self, &t);
  _derm_map_view_widget_to_layout (&t, x, y, &layout_x, &layout_y);
  if (!derm_layout_to_view (self->layout, layout_x, layout_y, &view, &view_x, &view_y))
    return NULL;

  return derm_atlas_key_point_near (self->atlas, view, view_x, view_y, KEY_POINT_RADIUS);
}

static void
set_hover_region (DermMapView      *self,
                  const DermRegion *region)
{
  if (self->hover_region == region)
    return;

  self->hover_region = region;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   self->pointer_hidden ? "none" :
                                   self->dragging ? "grabbing" :
                                   region != NULL ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_focus_region (DermMapView      *self,
                  const DermRegion *region)
{
  double x, y;

  if (self->focus_region == region)
    return;

  self->focus_region = region;
  if (region != NULL && _derm_map_view_region_layout_point (self, region, &x, &y))
    _derm_map_view_scroll_to_point (self, x, y);

  _derm_map_view_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Presentation: the pointer hides after a few idle seconds, and comes back
 * as soon as it moves. */
static gboolean
pointer_idle_cb (gpointer user_data)
{
  DermMapView *self = user_data;

  self->pointer_idle_id = 0;
  self->pointer_hidden = TRUE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");

  return G_SOURCE_REMOVE;
}

void
_derm_map_view_restart_pointer_idle (DermMapView *self)
{
  g_clear_handle_id (&self->pointer_idle_id, g_source_remove);
  if (self->pointer_hidden)
    {
      self->pointer_hidden = FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                       self->hover_region != NULL ? "pointer" : NULL);
    }
  if (self->presentation)
    self->pointer_idle_id = g_timeout_add_seconds (POINTER_IDLE_SECONDS, pointer_idle_cb, self);
}

/* The region nearest to the visible centre, where keyboard focus starts. */
static const DermRegion *
central_region (DermMapView *self)
{
  GPtrArray *regions = derm_atlas_get_regions (self->atlas);
  const DermRegion *best = NULL;
  double best_distance = G_MAXDOUBLE;

  for (guint i = 0; i < regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (regions, i);
      double x, y, distance;

      if (!_derm_map_view_region_layout_point (self, region, &x, &y))
        continue;

      distance = hypot (x - self->center_x, y - self->center_y);
      if (distance < best_distance)
        {
          best_distance = distance;
          best = region;
        }
    }

  return best;
}

/* Nearest region in a direction from the focused one: distance along the
 * direction plus twice the sideways offset, so straight lines win. */
static const DermRegion *
region_in_direction (DermMapView *self,
                     double       dir_x,
                     double       dir_y)
{
  GPtrArray *regions = derm_atlas_get_regions (self->atlas);
  const DermRegion *best = NULL;
  double best_score = G_MAXDOUBLE;
  double from_x, from_y;

  if (self->focus_region == NULL ||
      !_derm_map_view_region_layout_point (self, self->focus_region, &from_x, &from_y))
    return central_region (self);

  for (guint i = 0; i < regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (regions, i);
      double x, y, along, across, score;

      if (region == self->focus_region ||
          !_derm_map_view_region_layout_point (self, region, &x, &y))
        continue;

      along = (x - from_x) * dir_x + (y - from_y) * dir_y;
      across = fabs ((x - from_x) * dir_y - (y - from_y) * dir_x);
      if (along <= 1.0)
        continue;

      score = along + 2.0 * across;
      if (score < best_score)
        {
          best_score = score;
          best = region;
        }
    }

  return best;
}

static void
motion_cb (DermMapView              *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  /* GTK reports a motion when the widget under a still pointer changes */
  if (x != self->pointer_x || y != self->pointer_y)
    _derm_map_view_restart_pointer_idle (self);
  self->pointer_x = x;
  self->pointer_y = y;

  if (!self->dragging)
    {
      set_hover_region (self, find_region_at (self, x, y));
      if (find_key_point_at (self, x, y) != NULL)
        gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
    }
}

static void
leave_cb (DermMapView              *self,
          GtkEventControllerMotion *controller)
{
  set_hover_region (self, NULL);
}

static void
pressed_cb (DermMapView     *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  self->drag_moved = FALSE;
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  /* after the grab: focus came with the pointer, whatever focus_enter_cb thought */
  self->keyboard_focus = FALSE;
  self->pointer_focus = TRUE;
}

static void
released_cb (DermMapView     *self,
             int              n_press,
             double           x,
             double           y,
             GtkGestureClick *gesture)
{
  const DermRegion *region;
  const DermKeyPoint *key_point;

  if (n_press != 1 || self->drag_moved)
    return;

  /* charting: the press marked already (drag_begin_cb) */
  if (self->chart != NULL)
    return;

  {
    Transform t;
    double layout_x, layout_y;

    _derm_map_view_get_transform (self, &t);
    _derm_map_view_widget_to_layout (&t, x, y, &layout_x, &layout_y);
    _derm_map_view_emit_point (self, layout_x, layout_y);
  }

  /* a dot lies on top of its region: it wins */
  key_point = find_key_point_at (self, x, y);
  if (key_point != NULL)
    {
      _derm_map_view_activate_key_point (self, key_point);
      return;
    }

  region = find_region_at (self, x, y);
  if (region == NULL)
    {
      /* beside the legs: nothing chosen any more */
      _derm_map_view_activate_region (self, NULL);
      return;
    }

  self->focus_region = region;
  _derm_map_view_update_accessible (self);
  _derm_map_view_activate_region (self, region);
}

static void
drag_begin_cb (DermMapView    *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  /* charting: a press marks, a drag marks what it crosses (pan with the
   * scroll wheel or the keys) */
  if (self->chart != NULL)
    {
      const DermRegion *region = find_region_at (self, x, y);

      if (region != NULL)
        {
          self->focus_region = region;
          _derm_map_view_update_accessible (self);
        }
      _derm_map_view_stroke_begin (self, region);
      return;
    }

  if (self->zoom <= ZOOM_MIN)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->drag_center_x = self->center_x;
  self->drag_center_y = self->center_y;
}

static void
drag_update_cb (DermMapView    *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *gesture)
{
  double scale;

  if (self->stroking)
    {
      double start_x, start_y;

      gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y);
      if (hypot (offset_x, offset_y) >= 4.0)
        self->drag_moved = TRUE;
      _derm_map_view_stroke_to (self, find_region_at (self, start_x + offset_x, start_y + offset_y));
      set_hover_region (self, find_region_at (self, start_x + offset_x, start_y + offset_y));
      return;
    }

  if (!self->dragging)
    {
      /* below the threshold it is still a click */
      if (hypot (offset_x, offset_y) < 8.0)
        return;
      self->dragging = TRUE;
      self->drag_moved = TRUE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      set_hover_region (self, NULL);
    }

  scale = _derm_map_view_fit_scale (self) * self->zoom;
  self->center_x = self->drag_center_x - offset_x / scale;
  self->center_y = self->drag_center_y - offset_y / scale;
  _derm_map_view_clamp_center (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (DermMapView    *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *gesture)
{
  if (self->stroking)
    {
      _derm_map_view_stroke_end (self);
      return;
    }

  if (!self->dragging)
    return;

  self->dragging = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  set_hover_region (self, find_region_at (self, self->pointer_x, self->pointer_y));
}

static void
pinch_begin_cb (DermMapView    *self,
                GdkEventSequence *sequence,
                GtkGestureZoom *gesture)
{
  self->pinch_zoom = self->zoom;
  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &self->pinch_x, &self->pinch_y))
    {
      self->pinch_x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      self->pinch_y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
}

static void
pinch_scale_changed_cb (DermMapView    *self,
                        double          scale,
                        GtkGestureZoom *gesture)
{
  _derm_map_view_zoom_at (self, self->pinch_zoom * scale, self->pinch_x, self->pinch_y);
}

static gboolean
scroll_cb (DermMapView              *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state;
  gboolean wheel;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  if (state & GDK_CONTROL_MASK)
    {
      double factor = wheel ? pow (ZOOM_STEP, -dy) : exp (-dy * 0.01);

      _derm_map_view_zoom_at (self, self->zoom * factor, self->pointer_x, self->pointer_y);
      return GDK_EVENT_STOP;
    }

  if (self->zoom <= ZOOM_MIN)
    return GDK_EVENT_PROPAGATE;

  if (state & GDK_SHIFT_MASK && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  if (wheel)
    {
      dx *= WHEEL_PAN_STEP;
      dy *= WHEEL_PAN_STEP;
    }
  _derm_map_view_pan_by (self, dx, dy);

  return GDK_EVENT_STOP;
}

static gboolean
key_pressed_cb (DermMapView           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  const DermRegion *next = NULL;

  if (self->atlas == NULL)
    return GDK_EVENT_PROPAGATE;

  /* The window gives the map the focus from the start, unseen: the first
   * Tab shows it where it is, the region ringed, rather than leave for the
   * next control, so that Tab enters the map. After a click Tab moves on. */
  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab) &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) == 0 &&
      !self->keyboard_focus && !self->pointer_focus)
    {
      /* the window focused the map before it had an atlas to start on */
      if (self->focus_region == NULL || !_derm_map_view_region_shown (self, self->focus_region))
        set_focus_region (self, _derm_map_view_region_shown (self, self->selected_region) ?
                                self->selected_region : central_region (self));
      if (self->focus_region == NULL)
        return GDK_EVENT_PROPAGATE;
      self->keyboard_focus = TRUE;
      _derm_map_view_update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return GDK_EVENT_STOP;
    }

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      next = region_in_direction (self, -1, 0);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      next = region_in_direction (self, 1, 0);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      next = region_in_direction (self, 0, -1);
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      next = region_in_direction (self, 0, 1);
      break;
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      /* charting: Space marks the focused region, Enter still selects */
      if (self->chart != NULL)
        {
          if (self->focus_region == NULL)
            return GDK_EVENT_PROPAGATE;
          self->keyboard_focus = TRUE;
          _derm_map_view_mark_toggle (self, self->focus_region);
          return GDK_EVENT_STOP;
        }
      G_GNUC_FALLTHROUGH;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (self->focus_region == NULL)
        return GDK_EVENT_PROPAGATE;
      {
        double x, y;

        if (_derm_map_view_region_layout_point (self, self->focus_region, &x, &y))
          _derm_map_view_emit_point (self, x, y);
      }
      _derm_map_view_activate_region (self, self->focus_region);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  self->keyboard_focus = TRUE;

  /* an arrow key: stay put at the edge rather than leave the map */
  if (next != NULL)
    set_focus_region (self, next);

  return GDK_EVENT_STOP;
}

/* GTK sets the window's focus-visible for Tab after the Tab has moved the
 * focus here: the ring shows then, not at the first arrow key. */
static void
focus_visible_cb (DermMapView *self,
                  GParamSpec  *pspec,
                  GtkWindow   *window)
{
  if (!self->focused || self->keyboard_focus || !gtk_window_get_focus_visible (window))
    return;

  self->keyboard_focus = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_derm_map_view_stop_focus_visible (DermMapView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->focus_visible_id != 0 && root != NULL)
    g_signal_handler_disconnect (root, self->focus_visible_id);
  self->focus_visible_id = 0;
}

static void
focus_enter_cb (DermMapView             *self,
                GtkEventControllerFocus *controller)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  self->focused = TRUE;
  if (self->atlas == NULL)
    return;

  /* came in with Tab rather than a click: now, or as GTK tells it next */
  if (GTK_IS_WINDOW (root) && gtk_window_get_focus_visible (GTK_WINDOW (root)))
    self->keyboard_focus = TRUE;
  if (GTK_IS_WINDOW (root) && self->focus_visible_id == 0)
    self->focus_visible_id = g_signal_connect_object (root, "notify::focus-visible",
                                                      G_CALLBACK (focus_visible_cb), self,
                                                      G_CONNECT_SWAPPED);

  if (self->focus_region == NULL || !_derm_map_view_region_shown (self, self->focus_region))
    set_focus_region (self, _derm_map_view_region_shown (self, self->selected_region) ?
                            self->selected_region : central_region (self));

  _derm_map_view_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (DermMapView             *self,
                GtkEventControllerFocus *controller)
{
  self->focused = FALSE;
  /* the next entry decides afresh whether it came from the keyboard */
  self->keyboard_focus = FALSE;
  self->pointer_focus = FALSE;
  _derm_map_view_stop_focus_visible (self);
  _derm_map_view_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
derm_map_view_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_mode,
                             GtkTooltip *tooltip)
{
  DermMapView *self = DERM_MAP_VIEW (widget);
  const DermRegion *region;
  g_autofree char *text = NULL;
  graphene_rect_t bounds;
  Transform t;

  if (self->atlas == NULL || self->dragging)
    return FALSE;

  if (!keyboard_mode)
    {
      const DermKeyPoint *key_point = find_key_point_at (self, x, y);

      if (key_point != NULL)
        {
          text = derm_map_view_describe_key_point (self, key_point);
          gtk_tooltip_set_text (tooltip, text);
          gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { x - 6, y - 6, 12, 12 });
          return TRUE;
        }
    }

  region = keyboard_mode ? self->focus_region : find_region_at (self, x, y);
  if (region == NULL || !_derm_map_view_region_shown (self, region))
    return FALSE;

  text = derm_map_view_describe_region (self, region);
  gtk_tooltip_set_text (tooltip, text);

  /* a new tooltip as soon as the pointer leaves the region's box */
  _derm_map_view_get_transform (self, &t);
  bounds = _derm_map_view_region_bounds (self, region);
  gtk_tooltip_set_tip_area (tooltip,
                            &(GdkRectangle) {
                              (int) floor (t.origin_x + bounds.origin.x * t.scale),
                              (int) floor (t.origin_y + bounds.origin.y * t.scale),
                              (int) ceil (bounds.size.width * t.scale),
                              (int) ceil (bounds.size.height * t.scale),
                            });

  return TRUE;
}

void
_derm_map_view_input_class_init (GtkWidgetClass *widget_class)
{
  widget_class->query_tooltip = derm_map_view_query_tooltip;

  gtk_widget_class_bind_template_callback (widget_class, motion_cb);
  gtk_widget_class_bind_template_callback (widget_class, leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, released_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_begin_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_update_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_end_cb);
  gtk_widget_class_bind_template_callback (widget_class, pinch_begin_cb);
  gtk_widget_class_bind_template_callback (widget_class, pinch_scale_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, scroll_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, focus_enter_cb);
  gtk_widget_class_bind_template_callback (widget_class, focus_leave_cb);
}

const DermRegion *
derm_map_view_region_at (DermMapView *self,
                         double       x,
                         double       y)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), NULL);

  return find_region_at (self, x, y);
}

gboolean
derm_map_view_region_to_widget (DermMapView      *self,
                                const DermRegion *region,
                                double           *x,
                                double           *y)
{
  Transform t;
  double layout_x, layout_y;

  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), FALSE);
  g_return_val_if_fail (region != NULL, FALSE);

  if (!_derm_map_view_region_layout_point (self, region, &layout_x, &layout_y))
    return FALSE;

  _derm_map_view_get_transform (self, &t);
  *x = t.origin_x + layout_x * t.scale;
  *y = t.origin_y + layout_y * t.scale;

  return TRUE;
}

const DermKeyPoint *
derm_map_view_key_point_at (DermMapView *self,
                            double       x,
                            double       y)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), NULL);

  return find_key_point_at (self, x, y);
}

gboolean
derm_map_view_key_point_to_widget (DermMapView        *self,
                                   const DermKeyPoint *key_point,
                                   double             *x,
                                   double             *y)
{
  Transform t;
  double origin_x, origin_y;

  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), FALSE);
  g_return_val_if_fail (key_point != NULL, FALSE);

  if (!derm_layout_view_origin (self->layout, key_point->view, &origin_x, &origin_y))
    return FALSE;

  _derm_map_view_get_transform (self, &t);
  *x = t.origin_x + (origin_x + key_point->x) * t.scale;
  *y = t.origin_y + (origin_y + key_point->y) * t.scale;

  return TRUE;
}
