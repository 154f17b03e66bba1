/* derm-map-view-drawing.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawing: the diagram rendered once for the current size, zoom and
 * options and kept as render nodes; each frame appends them and draws the
 * selection, hover, keyboard focus and a quiz's marker over them.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <math.h>

#include "derm-layout.h"
#include "derm-map-view-private.h"
#include "derm-renderer.h"

void
_derm_map_view_invalidate_cache (DermMapView *self)
{
  g_clear_pointer (&self->cache_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The visible part of the layout in scaled layout pixels. */
static graphene_rect_t
visible_rect (DermMapView     *self,
              const Transform *t)
{
  return GRAPHENE_RECT_INIT (-t->origin_x, -t->origin_y,
                             gtk_widget_get_width (GTK_WIDGET (self)),
                             gtk_widget_get_height (GTK_WIDGET (self)));
}

static const cairo_user_data_key_t cache_image_key;

/* What the view draws with at this transform: map, labels (no smaller than
 * the body text, or than a projector's labels in presentation), overlays. */
static void
fill_render_options (DermMapView       *self,
                     const Transform   *t,
                     DermRenderOptions *options)
{
  derm_render_options_init (options);
  options->layout = self->layout;
  options->map_id = self->map_id;
  options->labels = self->labels;
  options->header = TRUE;
  options->dark = _derm_map_view_is_dark ();
  options->palette = _derm_map_view_effective_palette (self);
  options->label_scale = self->label_scale;
  options->highlight_root = self->selected_root;
  options->nerves = self->nerves;
  options->key_points = self->key_points;
  /* on a projector no label is smaller than PRESENTATION_LABEL_PX: one that
   * does not fit its zone goes outside with a leader line */
  options->min_label_size = WINDOW_LABEL_PX / t->scale;
  if (self->presentation)
    {
      options->min_label_size = PRESENTATION_LABEL_PX / t->scale;
      /* the side marks (19 units) at the same size, as far as the header allows */
      options->header_scale = CLAMP (PRESENTATION_LABEL_PX / (19.0 * t->scale), 1.0, 1.5);
      options->outline_scale = 1.6;
    }
}

static void
render_cache (DermMapView     *self,
              const Transform *t)
{
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double device_scale = t->scale * scale_factor;
  double layout_w, layout_h, full_w, full_h;
  double x0, y0, x1, y1;
  DermRenderOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
  int width, height;

  derm_layout_get_size (self->layout, &layout_w, &layout_h);
  full_w = ceil (layout_w * device_scale);
  full_h = ceil (layout_h * device_scale);

  if (full_w * full_h <= CACHE_MAX_PIXELS)
    {
      x0 = 0;
      y0 = 0;
      x1 = full_w;
      y1 = full_h;
      self->cache_is_full = TRUE;
    }
  else
    {
      graphene_rect_t visible = visible_rect (self, t);
      double margin = MAX (visible.size.width, visible.size.height) * 0.75;

      x0 = MAX (0, floor ((visible.origin.x - margin) * scale_factor));
      y0 = MAX (0, floor ((visible.origin.y - margin) * scale_factor));
      x1 = MIN (full_w, ceil ((visible.origin.x + visible.size.width + margin) * scale_factor));
      y1 = MIN (full_h, ceil ((visible.origin.y + visible.size.height + margin) * scale_factor));
      self->cache_is_full = FALSE;
    }

  width = MAX (1, (int) (x1 - x0));
  height = MAX (1, (int) (y1 - y0));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_translate (cr, -x0, -y0);
  cairo_scale (cr, device_scale, device_scale);

  fill_render_options (self, t, &options);
  if (self->neutral)
    {
      GdkRGBA ink;

      /* the worksheet's outlines, in the text colour so that they read on
       * a dark background too */
      options.style = DERM_STYLE_WORKSHEET;
      options.labels = FALSE;
      options.highlight_root = NULL;
      options.nerves = FALSE;
      options.key_points = FALSE;
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &ink);
      G_GNUC_END_IGNORE_DEPRECATIONS
      cairo_push_group (cr);
      derm_renderer_render (self->renderer, cr, &options);
      {
        cairo_pattern_t *drawing = cairo_pop_group (cr);

        cairo_set_source_rgba (cr, ink.red, ink.green, ink.blue, 1.0);
        cairo_mask (cr, drawing);
        cairo_pattern_destroy (drawing);
      }
    }
  else
    derm_renderer_render (self->renderer, cr, &options);

  cairo_destroy (cr);
  cairo_surface_flush (surface);

  self->cache_rect = GRAPHENE_RECT_INIT (x0 / scale_factor, y0 / scale_factor,
                                         (double) width / scale_factor,
                                         (double) height / scale_factor);
  self->cache_scale = t->scale;
  self->cache_scale_factor = scale_factor;
  /* Cairo nodes that paint the image, not a texture node: GTK 4.8's cairo
   * renderer converts a texture pixel by pixel at every frame (some 70
   * instructions a pixel), where it blits this; the GL renderer uploads
   * either once. Each node holds a strip of the image, because the cairo
   * renderer replays a node's recording into a temporary image of the part
   * it draws: strips keep that to CACHE_STRIP_BYTES rather than a second
   * copy of the whole map at the first frame. The image lives as long as
   * the recordings: dropped earlier, cairo would copy it for them. */
  g_clear_pointer (&self->cache_node, gsk_render_node_unref);
  {
    int rows = MAX (16, CACHE_STRIP_BYTES / (4 * width));
    g_autoptr (GPtrArray) strips = g_ptr_array_new_with_free_func ((GDestroyNotify) gsk_render_node_unref);

    for (int row = 0; row < height; row += rows)
      {
        int n = MIN (rows, height - row);
        GskRenderNode *strip = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (x0 / scale_factor,
                                                                        (y0 + row) / scale_factor,
                                                                        (double) width / scale_factor,
                                                                        (double) n / scale_factor));

        cr = gsk_cairo_node_get_draw_context (strip);
        cairo_scale (cr, 1.0 / scale_factor, 1.0 / scale_factor);
        cairo_set_source_surface (cr, surface, x0, y0);
        cairo_rectangle (cr, x0, y0 + row, width, n);
        cairo_fill (cr);
        cairo_destroy (cr);
        cairo_surface_set_user_data (gsk_cairo_node_get_surface (strip), &cache_image_key,
                                     cairo_surface_reference (surface),
                                     (cairo_destroy_func_t) cairo_surface_destroy);
        g_ptr_array_add (strips, strip);
      }
    self->cache_node = gsk_container_node_new ((GskRenderNode **) strips->pdata, strips->len);
  }
  cairo_surface_destroy (surface);
}

static void
ensure_cache (DermMapView     *self,
              const Transform *t)
{
  if (self->cache_node != NULL &&
      (self->cache_scale != t->scale ||
       self->cache_scale_factor != gtk_widget_get_scale_factor (GTK_WIDGET (self))))
    g_clear_pointer (&self->cache_node, gsk_render_node_unref);

  /* a partial cache survives a pan as long as it still covers the view */
  if (self->cache_node != NULL && !self->cache_is_full)
    {
      graphene_rect_t visible = visible_rect (self, t);
      graphene_rect_t inside;

      graphene_rect_inset_r (&self->cache_rect, -0.5f, -0.5f, &inside);
      if (!graphene_rect_contains_rect (&inside, &visible))
        g_clear_pointer (&self->cache_node, gsk_render_node_unref);
    }

  if (self->cache_node == NULL)
    render_cache (self, t);
}

/* The highlight's extent, measured once per region by recording it. */
graphene_rect_t
_derm_map_view_region_bounds (DermMapView      *self,
                              const DermRegion *region)
{
  GArray *bounds;
  graphene_rect_t *rect;

  if (self->region_bounds[self->layout] == NULL)
    {
      guint n = derm_atlas_get_regions (self->atlas)->len;

      bounds = g_array_sized_new (FALSE, TRUE, sizeof (graphene_rect_t), n);
      g_array_set_size (bounds, n);
      for (guint i = 0; i < n; i++)
        g_array_index (bounds, graphene_rect_t, i).size.width = -1;
      self->region_bounds[self->layout] = bounds;
    }

  bounds = self->region_bounds[self->layout];
  if (region->index >= bounds->len)
    g_array_set_size (bounds, region->index + 1);
  rect = &g_array_index (bounds, graphene_rect_t, region->index);

  if (rect->size.width <= 0)
    {
      cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (recording);
      double x, y, w, h;

      derm_renderer_render_region (self->renderer, cr, self->layout, region, TRUE, FALSE);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
      cairo_surface_destroy (recording);

      if (w <= 0 || h <= 0)
        {
          /* nothing recorded: fall back to the whole layout */
          derm_layout_get_size (self->layout, &w, &h);
          x = 0;
          y = 0;
        }
      *rect = GRAPHENE_RECT_INIT (x, y, w, h);
    }

  return *rect;
}

static void
snapshot_region (DermMapView      *self,
                 GtkSnapshot      *snapshot,
                 const Transform  *t,
                 const DermRegion *region,
                 gboolean          strong)
{
  graphene_rect_t bounds = _derm_map_view_region_bounds (self, region);
  graphene_rect_t scaled;
  cairo_t *cr;

  /* in scaled layout pixels, as the snapshot is translated to the origin */
  scaled = GRAPHENE_RECT_INIT (bounds.origin.x * t->scale - HIGHLIGHT_MARGIN,
                               bounds.origin.y * t->scale - HIGHLIGHT_MARGIN,
                               bounds.size.width * t->scale + 2 * HIGHLIGHT_MARGIN,
                               bounds.size.height * t->scale + 2 * HIGHLIGHT_MARGIN);

  cr = gtk_snapshot_append_cairo (snapshot, &scaled);
  cairo_scale (cr, t->scale, t->scale);
  derm_renderer_render_region_full (self->renderer, cr, self->layout, region, strong,
                                    _derm_map_view_effective_palette (self),
                                    _derm_map_view_is_dark ());
  cairo_destroy (cr);
}

/* A ring at the focused region's label point, in the accent colour. */
static void
snapshot_focus_ring (DermMapView      *self,
                     GtkSnapshot      *snapshot,
                     const Transform  *t,
                     const DermRegion *region)
{
  GdkRGBA accent;
  double x, y;
  GskRoundedRect outer;
  const float radius = 9.0f;
  const float widths[4] = { 3, 3, 3, 3 };
  GdkRGBA colors[4];
  GskRoundedRect inner;
  const float inner_widths[4] = { 1.5f, 1.5f, 1.5f, 1.5f };
  GdkRGBA white[4];

  if (!_derm_map_view_region_layout_point (self, region, &x, &y))
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                       "accent_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  G_GNUC_END_IGNORE_DEPRECATIONS

  for (guint i = 0; i < 4; i++)
    {
      colors[i] = accent;
      white[i] = (GdkRGBA) { 1, 1, 1, 0.9f };
    }

  x *= t->scale;
  y *= t->scale;
  gsk_rounded_rect_init_from_rect (&outer,
                                   &GRAPHENE_RECT_INIT (x - radius, y - radius, 2 * radius, 2 * radius),
                                   radius);
  gsk_rounded_rect_init_from_rect (&inner,
                                   &GRAPHENE_RECT_INIT (x - radius - 1.5f, y - radius - 1.5f,
                                                        2 * radius + 3, 2 * radius + 3),
                                   radius + 1.5f);
  gtk_snapshot_append_border (snapshot, &inner, inner_widths, white);
  gtk_snapshot_append_border (snapshot, &outer, widths, colors);
}

/* A ring round a layout point in the accent colour with a white halo, wide
 * enough to find a small zone (S4-5, a web space) from across a room. */
static void
snapshot_marker (DermMapView     *self,
                 GtkSnapshot     *snapshot,
                 const Transform *t,
                 double           layout_x,
                 double           layout_y)
{
  GdkRGBA accent;
  float radius = self->presentation ? 26.0f : 18.0f;
  float width = self->presentation ? 6.0f : 4.0f;
  float x = layout_x * t->scale, y = layout_y * t->scale;
  GskRoundedRect ring, halo;
  float widths[4], halo_widths[4];
  GdkRGBA colors[4], white[4];

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                       "accent_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  G_GNUC_END_IGNORE_DEPRECATIONS

  for (guint i = 0; i < 4; i++)
    {
      widths[i] = width;
      halo_widths[i] = width + 4.0f;
      colors[i] = accent;
      white[i] = (GdkRGBA) { 1, 1, 1, 0.95f };
    }

  gsk_rounded_rect_init_from_rect (&halo,
                                   &GRAPHENE_RECT_INIT (x - radius - 2, y - radius - 2,
                                                        2 * radius + 4, 2 * radius + 4),
                                   radius + 2);
  gsk_rounded_rect_init_from_rect (&ring,
                                   &GRAPHENE_RECT_INIT (x - radius, y - radius, 2 * radius, 2 * radius),
                                   radius);
  gtk_snapshot_append_border (snapshot, &halo, halo_widths, white);
  gtk_snapshot_append_border (snapshot, &ring, widths, colors);
}

/* Whether to draw the focused region: the keyboard focus is here and the
 * user moves it with the keyboard. The window's focus-visible flag does not
 * do: GTK turns it off again when our arrow keys do not reach the window. */
static gboolean
show_focus (DermMapView *self)
{
  return self->keyboard_focus && gtk_widget_is_focus (GTK_WIDGET (self));
}

static void
derm_map_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  DermMapView *self = DERM_MAP_VIEW (widget);
  Transform t;

  if (self->renderer == NULL ||
      gtk_widget_get_width (widget) <= 0 ||
      gtk_widget_get_height (widget) <= 0)
    return;

  _derm_map_view_get_transform (self, &t);
  ensure_cache (self, &t);
  if (self->id_map == NULL && self->id_map_idle_id == 0)
    self->id_map_idle_id = g_idle_add_full (G_PRIORITY_LOW, _derm_map_view_id_map_idle_cb,
                                            self, NULL);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (t.origin_x, t.origin_y));

  /* while charting the roots fade, so the marks over them stand out */
  if (self->chart != NULL)
    gtk_snapshot_push_opacity (snapshot, 0.4);
  gtk_snapshot_append_node (snapshot, self->cache_node);
  if (self->chart != NULL)
    gtk_snapshot_pop (snapshot);
  _derm_map_view_snapshot_chart (self, snapshot, &t);

  if (_derm_map_view_region_shown (self, self->selected_region))
    snapshot_region (self, snapshot, &t, self->selected_region, TRUE);
  if (_derm_map_view_region_shown (self, self->hover_region) &&
      self->hover_region != self->selected_region)
    snapshot_region (self, snapshot, &t, self->hover_region, FALSE);
  if (show_focus (self) && _derm_map_view_region_shown (self, self->focus_region))
    {
      if (self->focus_region != self->selected_region && self->focus_region != self->hover_region)
        snapshot_region (self, snapshot, &t, self->focus_region, FALSE);
      snapshot_focus_ring (self, snapshot, &t, self->focus_region);
    }

  if (_derm_map_view_region_shown (self, self->marker_region))
    {
      double x, y;

      if (self->marker_region != self->selected_region)
        snapshot_region (self, snapshot, &t, self->marker_region, TRUE);
      if (_derm_map_view_region_layout_point (self, self->marker_region, &x, &y))
        snapshot_marker (self, snapshot, &t, x, y);
    }
  if (self->marker_key_point != NULL)
    {
      double x, y;

      if (derm_layout_view_origin (self->layout, self->marker_key_point->view, &x, &y))
        snapshot_marker (self, snapshot, &t,
                         x + self->marker_key_point->x, y + self->marker_key_point->y);
    }

  gtk_snapshot_restore (snapshot);
}

void
_derm_map_view_drawing_class_init (GtkWidgetClass *widget_class)
{
  widget_class->snapshot = derm_map_view_snapshot;
}

/**
 * derm_map_view_place_labels:
 * @pixels_per_unit: (out): the view's scale, screen pixels a view unit
 *
 * The root labels the view draws on view, placed as it places them now:
 * an array of DermPlacedLabel in view units (g_array_unref ()).
 */
GArray *
derm_map_view_place_labels (DermMapView *self,
                            DermView     view,
                            double      *pixels_per_unit)
{
  DermRenderOptions options;
  Transform t;

  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), NULL);

  _derm_map_view_get_transform (self, &t);
  fill_render_options (self, &t, &options);
  if (pixels_per_unit != NULL)
    *pixels_per_unit = t.scale;
  return derm_renderer_place_labels (self->renderer, &options, view);
}
