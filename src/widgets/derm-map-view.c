/* derm-map-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "derm-id-map.h"
#include "derm-layout.h"
#include "derm-map-view.h"
#include "derm-renderer.h"

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
  gboolean          focused;        /* the window's focus is here: the label names the region */
  gboolean          drag_moved;     /* this press became a drag, not a click */
  double            pinch_zoom;
  double            pinch_x;
  double            pinch_y;
};

typedef struct
{
  double scale;     /* widget pixels per layout unit */
  double origin_x;  /* widget position of layout (0, 0) */
  double origin_y;
} Transform;

G_DEFINE_FINAL_TYPE (DermMapView, derm_map_view, GTK_TYPE_WIDGET)

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
  PROP_PRESENTATION,
  PROP_PALETTE,
  PROP_LABEL_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REGION_ACTIVATED,
  KEY_POINT_ACTIVATED,
  POINT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* helpers */

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* The system's high-contrast setting wins over the chosen palette. */
static DermPalette
effective_palette (DermMapView *self)
{
  if (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()))
    return DERM_PALETTE_HIGH_CONTRAST;

  return self->palette;
}

/* set_str () is GLib 2.76 */
static gboolean
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

static double
fit_scale (DermMapView *self)
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
static void
clamp_center (DermMapView *self)
{
  double layout_w, layout_h, scale, half_w, half_h;

  derm_layout_get_size (self->layout, &layout_w, &layout_h);
  scale = fit_scale (self) * self->zoom;
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

static void
get_transform (DermMapView *self,
               Transform   *t)
{
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  t->scale = fit_scale (self) * self->zoom;
  /* whole device pixels, so the cached texture is drawn without resampling */
  t->origin_x = round ((width / 2.0 - self->center_x * t->scale) * scale_factor) / scale_factor;
  t->origin_y = round ((height / 2.0 - self->center_y * t->scale) * scale_factor) / scale_factor;
}

static void
widget_to_layout (const Transform *t,
                  double           x,
                  double           y,
                  double          *layout_x,
                  double          *layout_y)
{
  *layout_x = (x - t->origin_x) / t->scale;
  *layout_y = (y - t->origin_y) / t->scale;
}

static gboolean
region_shown (DermMapView      *self,
              const DermRegion *region)
{
  double x, y;

  return region != NULL && derm_layout_view_origin (self->layout, region->view, &x, &y);
}

/* The region's label point in layout units. */
static gboolean
region_layout_point (DermMapView      *self,
                     const DermRegion *region,
                     double           *x,
                     double           *y)
{
  double origin_x, origin_y;

  if (!derm_layout_view_origin (self->layout, region->view, &origin_x, &origin_y))
    return FALSE;

  *x = origin_x + region->label_x;
  *y = origin_y + region->label_y;

  return TRUE;
}

static void
invalidate_cache (DermMapView *self)
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

  derm_render_options_init (&options);
  options.layout = self->layout;
  options.map_id = self->map_id;
  options.labels = self->labels;
  options.header = TRUE;
  options.dark = is_dark ();
  options.palette = effective_palette (self);
  options.label_scale = self->label_scale;
  options.highlight_root = self->selected_root;
  options.nerves = self->nerves;
  options.key_points = self->key_points;
  /* on a projector no label is smaller than PRESENTATION_LABEL_PX: one that
   * does not fit its zone goes outside with a leader line */
  if (self->presentation)
    {
      options.min_label_size = PRESENTATION_LABEL_PX / t->scale;
      /* the side marks (19 units) at the same size, as far as the header allows */
      options.header_scale = CLAMP (PRESENTATION_LABEL_PX / (19.0 * t->scale), 1.0, 1.5);
      options.outline_scale = 1.6;
    }
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
static gboolean
id_map_idle_cb (gpointer user_data)
{
  DermMapView *self = user_data;
  Transform t;

  self->id_map_idle_id = 0;
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0 && gtk_widget_get_height (GTK_WIDGET (self)) > 0)
    {
      get_transform (self, &t);
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

  get_transform (self, &t);
  widget_to_layout (&t, x, y, &layout_x, &layout_y);

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

  get_transform (self, &t);
  widget_to_layout (&t, x, y, &layout_x, &layout_y);
  if (!derm_layout_to_view (self->layout, layout_x, layout_y, &view, &view_x, &view_y))
    return NULL;

  return derm_atlas_key_point_near (self->atlas, view, view_x, view_y, KEY_POINT_RADIUS);
}

/* The highlight's extent, measured once per region by recording it. */
static graphene_rect_t
region_bounds (DermMapView      *self,
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
  graphene_rect_t bounds = region_bounds (self, region);
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
                                    effective_palette (self), is_dark ());
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

  if (!region_layout_point (self, region, &x, &y))
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

/* The name a screen reader speaks for a region: side, region and roots on
 * the current map ("Left medial malleolus, L4"), only the region while a
 * quiz hides the roots. */
static char *
accessible_region_label (DermMapView      *self,
                         const DermRegion *region)
{
  g_autofree char *title = derm_region_dup_title (region);
  g_autofree char *roots_text = NULL;
  const DermMap *map;

  if (!self->reveal_roots)
    return g_steal_pointer (&title);

  map = self->atlas != NULL ? derm_atlas_get_map (self->atlas, self->map_id) : NULL;
  /* "L4", "L3 (uncertain)", "not drawn by this map", "varies between people" */
  roots_text = map != NULL ? derm_map_dup_roots_text (map, region) : g_strdup (_("varies between people"));

  /* Translators: what a screen reader says for the region that has the
   * keyboard focus on the map: the region with its side, then its nerve
   * roots, "Left medial malleolus, L4" or "Left patella, L3, L4" */
  return g_strdup_printf (C_("accessible region", "%s, %s"), title, roots_text);
}

/* While a region has the keyboard focus the map's accessible name is that
 * region, so a screen reader announces each arrow-key move (it speaks name
 * changes of the focused object); otherwise it is the map's own name. The
 * role stays GTK_ACCESSIBLE_ROLE_GROUP: a concrete ARIA role for a widget
 * that holds many targets, and no list or grid role fits a drawing whose
 * regions have no row or column order. */
static void
update_accessible (DermMapView *self)
{
  g_autofree char *label = NULL;

  if (self->focused && self->focus_region != NULL && self->atlas != NULL)
    label = accessible_region_label (self, self->focus_region);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : _("Body map"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Click a region of skin to see its nerve root. "
                                    "Arrow keys move between regions, Enter selects."),
                                  -1);
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

/* Pan so that a layout point is visible, e.g. after keyboard navigation. */
static void
scroll_to_point (DermMapView *self,
                 double       layout_x,
                 double       layout_y)
{
  Transform t;
  double x, y;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  const double margin = 32;

  get_transform (self, &t);
  x = t.origin_x + layout_x * t.scale;
  y = t.origin_y + layout_y * t.scale;

  if (x < margin || x > width - margin)
    self->center_x = layout_x;
  if (y < margin || y > height - margin)
    self->center_y = layout_y;

  clamp_center (self);
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
  if (region != NULL && region_layout_point (self, region, &x, &y))
    scroll_to_point (self, x, y);

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A click or Enter at a layout point: the view and the point in view units
 * go out first (a quiz answers with them), then the region. */
static void
emit_point (DermMapView *self,
            double       layout_x,
            double       layout_y)
{
  DermView view;
  double view_x, view_y;

  if (derm_layout_to_view (self->layout, layout_x, layout_y, &view, &view_x, &view_y))
    g_signal_emit (self, signals[POINT_ACTIVATED], 0, (int) view, view_x, view_y);
}

static void
activate_region (DermMapView      *self,
                 const DermRegion *region)
{
  derm_map_view_set_selected_region (self, region);
  g_signal_emit (self, signals[REGION_ACTIVATED], 0, region);
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

static void
restart_pointer_idle (DermMapView *self)
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

      if (!region_layout_point (self, region, &x, &y))
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
      !region_layout_point (self, self->focus_region, &from_x, &from_y))
    return central_region (self);

  for (guint i = 0; i < regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (regions, i);
      double x, y, along, across, score;

      if (region == self->focus_region || !region_layout_point (self, region, &x, &y))
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
zoom_at (DermMapView *self,
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
  get_transform (self, &t);
  widget_to_layout (&t, x, y, &layout_x, &layout_y);

  self->zoom = zoom;
  scale = fit_scale (self) * zoom;
  self->center_x = layout_x - (x - width / 2.0) / scale;
  self->center_y = layout_y - (y - height / 2.0) / scale;
  clamp_center (self);

  invalidate_cache (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
pan_by (DermMapView *self,
        double       dx,
        double       dy)
{
  double scale = fit_scale (self) * self->zoom;

  self->center_x += dx / scale;
  self->center_y += dy / scale;
  clamp_center (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* callbacks */

static void
motion_cb (DermMapView              *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  /* GTK reports a motion when the widget under a still pointer changes */
  if (x != self->pointer_x || y != self->pointer_y)
    restart_pointer_idle (self);
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

  {
    Transform t;
    double layout_x, layout_y;

    get_transform (self, &t);
    widget_to_layout (&t, x, y, &layout_x, &layout_y);
    emit_point (self, layout_x, layout_y);
  }

  /* a dot lies on top of its region: it wins */
  key_point = find_key_point_at (self, x, y);
  if (key_point != NULL)
    {
      derm_map_view_set_selected_region (self, NULL);
      g_signal_emit (self, signals[KEY_POINT_ACTIVATED], 0, key_point);
      return;
    }

  region = find_region_at (self, x, y);
  if (region == NULL)
    return;

  self->focus_region = region;
  update_accessible (self);
  activate_region (self, region);
}

static void
drag_begin_cb (DermMapView    *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
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

  scale = fit_scale (self) * self->zoom;
  self->center_x = self->drag_center_x - offset_x / scale;
  self->center_y = self->drag_center_y - offset_y / scale;
  clamp_center (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (DermMapView    *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *gesture)
{
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
  zoom_at (self, self->pinch_zoom * scale, self->pinch_x, self->pinch_y);
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

      zoom_at (self, self->zoom * factor, self->pointer_x, self->pointer_y);
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
  pan_by (self, dx, dy);

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

  if (self->atlas == NULL ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK)) != 0)
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
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (self->focus_region == NULL)
        return GDK_EVENT_PROPAGATE;
      {
        double x, y;

        if (region_layout_point (self, self->focus_region, &x, &y))
          emit_point (self, x, y);
      }
      activate_region (self, self->focus_region);
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

static void
focus_enter_cb (DermMapView             *self,
                GtkEventControllerFocus *controller)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  self->focused = TRUE;
  if (self->atlas == NULL)
    return;

  /* came in with Tab rather than a click */
  if (GTK_IS_WINDOW (root) && gtk_window_get_focus_visible (GTK_WINDOW (root)))
    self->keyboard_focus = TRUE;

  if (self->focus_region == NULL || !region_shown (self, self->focus_region))
    set_focus_region (self, region_shown (self, self->selected_region) ?
                            self->selected_region : central_region (self));

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (DermMapView             *self,
                GtkEventControllerFocus *controller)
{
  self->focused = FALSE;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
dark_changed_cb (DermMapView     *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *style_manager)
{
  invalidate_cache (self);
}

/* vfuncs */

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

  get_transform (self, &t);
  ensure_cache (self, &t);
  if (self->id_map == NULL && self->id_map_idle_id == 0)
    self->id_map_idle_id = g_idle_add_full (G_PRIORITY_LOW, id_map_idle_cb, self, NULL);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (t.origin_x, t.origin_y));

  gtk_snapshot_append_node (snapshot, self->cache_node);

  if (region_shown (self, self->selected_region))
    snapshot_region (self, snapshot, &t, self->selected_region, TRUE);
  if (region_shown (self, self->hover_region) && self->hover_region != self->selected_region)
    snapshot_region (self, snapshot, &t, self->hover_region, FALSE);
  if (show_focus (self) && region_shown (self, self->focus_region))
    {
      if (self->focus_region != self->selected_region && self->focus_region != self->hover_region)
        snapshot_region (self, snapshot, &t, self->focus_region, FALSE);
      snapshot_focus_ring (self, snapshot, &t, self->focus_region);
    }

  if (region_shown (self, self->marker_region))
    {
      double x, y;

      if (self->marker_region != self->selected_region)
        snapshot_region (self, snapshot, &t, self->marker_region, TRUE);
      if (region_layout_point (self, self->marker_region, &x, &y))
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

static void
derm_map_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  DermMapView *self = DERM_MAP_VIEW (widget);

  clamp_center (self);
  /* the scale changes with the size: ensure_cache notices and re-renders */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
derm_map_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = 200;
  *natural = 600;
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
  if (region == NULL || !region_shown (self, region))
    return FALSE;

  text = derm_map_view_describe_region (self, region);
  gtk_tooltip_set_text (tooltip, text);

  /* a new tooltip as soon as the pointer leaves the region's box */
  get_transform (self, &t);
  bounds = region_bounds (self, region);
  gtk_tooltip_set_tip_area (tooltip,
                            &(GdkRectangle) {
                              (int) floor (t.origin_x + bounds.origin.x * t.scale),
                              (int) floor (t.origin_y + bounds.origin.y * t.scale),
                              (int) ceil (bounds.size.width * t.scale),
                              (int) ceil (bounds.size.height * t.scale),
                            });

  return TRUE;
}

static void
derm_map_view_dispose (GObject *object)
{
  DermMapView *self = DERM_MAP_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DERM_TYPE_MAP_VIEW);

  g_clear_handle_id (&self->pointer_idle_id, g_source_remove);
  g_clear_handle_id (&self->id_map_idle_id, g_source_remove);
  g_clear_pointer (&self->cache_node, gsk_render_node_unref);
  g_clear_pointer (&self->id_map, derm_id_map_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->region_bounds); i++)
    g_clear_pointer (&self->region_bounds[i], g_array_unref);
  g_clear_object (&self->renderer);
  g_clear_object (&self->atlas);
  self->marker_region = NULL;
  self->marker_key_point = NULL;
  self->selected_region = NULL;
  self->hover_region = NULL;
  self->focus_region = NULL;

  G_OBJECT_CLASS (derm_map_view_parent_class)->dispose (object);
}

static void
derm_map_view_finalize (GObject *object)
{
  DermMapView *self = DERM_MAP_VIEW (object);

  g_free (self->map_id);
  g_free (self->selected_root);

  G_OBJECT_CLASS (derm_map_view_parent_class)->finalize (object);
}

static void
derm_map_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DermMapView *self = DERM_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_ATLAS:
      g_value_set_object (value, self->atlas);
      break;
    case PROP_LAYOUT:
      g_value_set_int (value, self->layout);
      break;
    case PROP_MAP_ID:
      g_value_set_string (value, self->map_id);
      break;
    case PROP_SELECTED_REGION:
      g_value_set_pointer (value, (gpointer) self->selected_region);
      break;
    case PROP_SELECTED_ROOT:
      g_value_set_string (value, self->selected_root);
      break;
    case PROP_LABELS:
      g_value_set_boolean (value, self->labels);
      break;
    case PROP_NERVES:
      g_value_set_boolean (value, self->nerves);
      break;
    case PROP_KEY_POINTS:
      g_value_set_boolean (value, self->key_points);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_REVEAL_ROOTS:
      g_value_set_boolean (value, self->reveal_roots);
      break;
    case PROP_PRESENTATION:
      g_value_set_boolean (value, self->presentation);
      break;
    case PROP_PALETTE:
      g_value_set_int (value, self->palette);
      break;
    case PROP_LABEL_SCALE:
      g_value_set_double (value, self->label_scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
derm_map_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DermMapView *self = DERM_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_ATLAS:
      derm_map_view_set_atlas (self, g_value_get_object (value));
      break;
    case PROP_LAYOUT:
      derm_map_view_set_layout (self, g_value_get_int (value));
      break;
    case PROP_MAP_ID:
      derm_map_view_set_map_id (self, g_value_get_string (value));
      break;
    case PROP_SELECTED_REGION:
      derm_map_view_set_selected_region (self, g_value_get_pointer (value));
      break;
    case PROP_SELECTED_ROOT:
      derm_map_view_set_selected_root (self, g_value_get_string (value));
      break;
    case PROP_LABELS:
      derm_map_view_set_labels (self, g_value_get_boolean (value));
      break;
    case PROP_NERVES:
      derm_map_view_set_nerves (self, g_value_get_boolean (value));
      break;
    case PROP_KEY_POINTS:
      derm_map_view_set_key_points (self, g_value_get_boolean (value));
      break;
    case PROP_ZOOM:
      derm_map_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_REVEAL_ROOTS:
      derm_map_view_set_reveal_roots (self, g_value_get_boolean (value));
      break;
    case PROP_PRESENTATION:
      derm_map_view_set_presentation (self, g_value_get_boolean (value));
      break;
    case PROP_PALETTE:
      derm_map_view_set_palette (self, g_value_get_int (value));
      break;
    case PROP_LABEL_SCALE:
      derm_map_view_set_label_scale (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
derm_map_view_class_init (DermMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = derm_map_view_dispose;
  object_class->finalize = derm_map_view_finalize;
  object_class->get_property = derm_map_view_get_property;
  object_class->set_property = derm_map_view_set_property;

  widget_class->snapshot = derm_map_view_snapshot;
  widget_class->size_allocate = derm_map_view_size_allocate;
  widget_class->measure = derm_map_view_measure;
  widget_class->query_tooltip = derm_map_view_query_tooltip;

  properties[PROP_ATLAS] =
    g_param_spec_object ("atlas", NULL, NULL,
                         DERM_TYPE_ATLAS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYOUT] =
    g_param_spec_int ("layout", NULL, NULL,
                      DERM_LAYOUT_ANTERIOR, DERM_LAYOUT_BOTH, DERM_LAYOUT_BOTH,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAP_ID] =
    g_param_spec_string ("map-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_REGION] =
    g_param_spec_pointer ("selected-region", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ROOT] =
    g_param_spec_string ("selected-root", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABELS] =
    g_param_spec_boolean ("labels", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NERVES] =
    g_param_spec_boolean ("nerves", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY_POINTS] =
    g_param_spec_boolean ("key-points", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         ZOOM_MIN, ZOOM_MAX, ZOOM_MIN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* FALSE while a quiz asks: tooltips and the accessible description give
   * the region's name but not its roots */
  properties[PROP_REVEAL_ROOTS] =
    g_param_spec_boolean ("reveal-roots", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* for a projector: large labels, a larger marker, the pointer hidden when idle */
  properties[PROP_PRESENTATION] =
    g_param_spec_boolean ("presentation", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* a DermPalette; the system's high contrast overrides it */
  properties[PROP_PALETTE] =
    g_param_spec_int ("palette", NULL, NULL,
                      DERM_PALETTE_DEFAULT, DERM_PALETTE_HIGH_CONTRAST, DERM_PALETTE_DEFAULT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL_SCALE] =
    g_param_spec_double ("label-scale", NULL, NULL,
                         0.5, 2.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DermMapView::point-activated:
   * @view: the DermView clicked
   * @x: the point in view units
   * @y: the point in view units
   *
   * A click (not a drag) or Enter on a region, anywhere on a view, inside
   * the skin or not; emitted before region-activated.
   */
  signals[POINT_ACTIVATED] =
    g_signal_new ("point-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  /**
   * DermMapView::region-activated:
   * @region: (type gpointer): the const DermRegion clicked or chosen with Enter
   */
  signals[REGION_ACTIVATED] =
    g_signal_new ("region-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__POINTER,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  /**
   * DermMapView::key-point-activated:
   * @key_point: (type gpointer): the const DermKeyPoint whose dot was clicked
   */
  signals[KEY_POINT_ACTIVATED] =
    g_signal_new ("key-point-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__POINTER,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/derm-map-view.ui");
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

  gtk_widget_class_set_css_name (widget_class, "mapview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
derm_map_view_init (DermMapView *self)
{
  self->layout = DERM_LAYOUT_BOTH;
  self->labels = TRUE;
  self->reveal_roots = TRUE;
  self->label_scale = 1.0;
  self->zoom = ZOOM_MIN;

  gtk_widget_init_template (GTK_WIDGET (self));

  update_accessible (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/* public API */

GtkWidget *
derm_map_view_new (void)
{
  return g_object_new (DERM_TYPE_MAP_VIEW, NULL);
}

DermAtlas *
derm_map_view_get_atlas (DermMapView *self)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), NULL);

  return self->atlas;
}

void
derm_map_view_set_atlas (DermMapView *self,
                         DermAtlas   *atlas)
{
  g_return_if_fail (DERM_IS_MAP_VIEW (self));
  g_return_if_fail (atlas == NULL || DERM_IS_ATLAS (atlas));

  if (!g_set_object (&self->atlas, atlas))
    return;

  self->selected_region = NULL;
  self->hover_region = NULL;
  self->focus_region = NULL;
  g_clear_object (&self->renderer);
  g_clear_pointer (&self->id_map, derm_id_map_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->region_bounds); i++)
    g_clear_pointer (&self->region_bounds[i], g_array_unref);
  if (atlas != NULL)
    self->renderer = derm_renderer_new (atlas);

  invalidate_cache (self);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATLAS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGION]);
}

DermLayout
derm_map_view_get_layout (DermMapView *self)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), DERM_LAYOUT_BOTH);

  return self->layout;
}

void
derm_map_view_set_layout (DermMapView *self,
                          DermLayout   layout)
{
  g_return_if_fail (DERM_IS_MAP_VIEW (self));
  g_return_if_fail (layout <= DERM_LAYOUT_BOTH);

  if (self->layout == layout)
    return;

  self->layout = layout;
  self->zoom = ZOOM_MIN;
  self->hover_region = NULL;
  if (!region_shown (self, self->focus_region))
    self->focus_region = NULL;
  clamp_center (self);
  invalidate_cache (self);
  update_accessible (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

const char *
derm_map_view_get_map_id (DermMapView *self)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), NULL);

  return self->map_id;
}

void
derm_map_view_set_map_id (DermMapView *self,
                          const char  *map_id)
{
  g_return_if_fail (DERM_IS_MAP_VIEW (self));

  if (!set_str (&self->map_id, map_id))
    return;

  invalidate_cache (self);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAP_ID]);
}

const DermRegion *
derm_map_view_get_selected_region (DermMapView *self)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), NULL);

  return self->selected_region;
}

void
derm_map_view_set_selected_region (DermMapView      *self,
                                   const DermRegion *region)
{
  g_return_if_fail (DERM_IS_MAP_VIEW (self));

  if (self->selected_region == region)
    return;

  self->selected_region = region;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGION]);
}

const char *
derm_map_view_get_selected_root (DermMapView *self)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), NULL);

  return self->selected_root;
}

void
derm_map_view_set_selected_root (DermMapView *self,
                                 const char  *root_id)
{
  g_return_if_fail (DERM_IS_MAP_VIEW (self));

  if (!set_str (&self->selected_root, root_id))
    return;

  invalidate_cache (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ROOT]);
}

gboolean
derm_map_view_get_labels (DermMapView *self)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), FALSE);

  return self->labels;
}

void
derm_map_view_set_labels (DermMapView *self,
                          gboolean     labels)
{
  g_return_if_fail (DERM_IS_MAP_VIEW (self));

  labels = !!labels;
  if (self->labels == labels)
    return;

  self->labels = labels;
  invalidate_cache (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABELS]);
}

gboolean
derm_map_view_get_nerves (DermMapView *self)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), FALSE);

  return self->nerves;
}

void
derm_map_view_set_nerves (DermMapView *self,
                          gboolean     nerves)
{
  g_return_if_fail (DERM_IS_MAP_VIEW (self));

  nerves = !!nerves;
  if (self->nerves == nerves)
    return;

  self->nerves = nerves;
  invalidate_cache (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NERVES]);
}

gboolean
derm_map_view_get_key_points (DermMapView *self)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), FALSE);

  return self->key_points;
}

void
derm_map_view_set_key_points (DermMapView *self,
                              gboolean     key_points)
{
  g_return_if_fail (DERM_IS_MAP_VIEW (self));

  key_points = !!key_points;
  if (self->key_points == key_points)
    return;

  self->key_points = key_points;
  invalidate_cache (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY_POINTS]);
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

  zoom_at (self, zoom,
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

  if (!region_layout_point (self, region, &layout_x, &layout_y))
    return FALSE;

  get_transform (self, &t);
  *x = t.origin_x + layout_x * t.scale;
  *y = t.origin_y + layout_y * t.scale;

  return TRUE;
}

char *
derm_map_view_describe_region (DermMapView      *self,
                               const DermRegion *region)
{
  g_autofree char *title = NULL;
  g_autofree char *roots_text = NULL;
  const DermMap *map;

  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), NULL);
  g_return_val_if_fail (region != NULL, NULL);

  title = derm_region_dup_title (region);
  /* a quiz asks for the roots: the name only */
  if (!self->reveal_roots)
    return g_steal_pointer (&title);

  map = self->atlas != NULL ? derm_atlas_get_map (self->atlas, self->map_id) : NULL;
  /* "L4", "L3 (uncertain)", "not drawn by this map", "varies between people" */
  roots_text = map != NULL ? derm_map_dup_roots_text (map, region) : g_strdup (_("varies between people"));

  /* Translators: a region of skin and its nerve roots, "Left medial malleolus – L4" */
  return g_strdup_printf (C_("region tooltip", "%s – %s"), title, roots_text);
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

  get_transform (self, &t);
  *x = t.origin_x + (origin_x + key_point->x) * t.scale;
  *y = t.origin_y + (origin_y + key_point->y) * t.scale;

  return TRUE;
}

char *
derm_map_view_describe_key_point (DermMapView        *self,
                                  const DermKeyPoint *key_point)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), NULL);
  g_return_val_if_fail (key_point != NULL, NULL);

  /* Translators: tooltip of a key-point dot, "Left L4 key sensory point" */
  return g_strdup_printf (key_point->side == DERM_SIDE_LEFT ? _("Left %s key sensory point")
                                                            : _("Right %s key sensory point"),
                          key_point->root);
}

gboolean
derm_map_view_get_reveal_roots (DermMapView *self)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), TRUE);

  return self->reveal_roots;
}

void
derm_map_view_set_reveal_roots (DermMapView *self,
                                gboolean     reveal_roots)
{
  g_return_if_fail (DERM_IS_MAP_VIEW (self));

  reveal_roots = !!reveal_roots;
  if (self->reveal_roots == reveal_roots)
    return;

  self->reveal_roots = reveal_roots;
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEAL_ROOTS]);
}

gboolean
derm_map_view_get_presentation (DermMapView *self)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), FALSE);

  return self->presentation;
}

void
derm_map_view_set_presentation (DermMapView *self,
                                gboolean     presentation)
{
  g_return_if_fail (DERM_IS_MAP_VIEW (self));

  presentation = !!presentation;
  if (self->presentation == presentation)
    return;

  self->presentation = presentation;
  restart_pointer_idle (self);
  invalidate_cache (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION]);
}

/**
 * derm_map_view_set_marker:
 * @region: (nullable): a region to ring and fill, or NULL
 * @key_point: (nullable): a key point to ring, or NULL
 *
 * Marks an area over the drawing, as a quiz shows the area it asks about
 * or the answer.
 */
void
derm_map_view_set_marker (DermMapView        *self,
                          const DermRegion   *region,
                          const DermKeyPoint *key_point)
{
  g_return_if_fail (DERM_IS_MAP_VIEW (self));

  if (self->marker_region == region && self->marker_key_point == key_point)
    return;

  self->marker_region = region;
  self->marker_key_point = key_point;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const DermRegion *
derm_map_view_get_marker_region (DermMapView *self)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), NULL);

  return self->marker_region;
}

const DermKeyPoint *
derm_map_view_get_marker_key_point (DermMapView *self)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), NULL);

  return self->marker_key_point;
}

gboolean
derm_map_view_get_pointer_hidden (DermMapView *self)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), FALSE);

  return self->pointer_hidden;
}

DermPalette
derm_map_view_get_palette (DermMapView *self)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), DERM_PALETTE_DEFAULT);

  return self->palette;
}

void
derm_map_view_set_palette (DermMapView *self,
                           DermPalette  palette)
{
  g_return_if_fail (DERM_IS_MAP_VIEW (self));
  g_return_if_fail (palette <= DERM_PALETTE_HIGH_CONTRAST);

  if (self->palette == palette)
    return;

  self->palette = palette;
  invalidate_cache (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PALETTE]);
}

double
derm_map_view_get_label_scale (DermMapView *self)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), 1.0);

  return self->label_scale;
}

void
derm_map_view_set_label_scale (DermMapView *self,
                               double       label_scale)
{
  g_return_if_fail (DERM_IS_MAP_VIEW (self));

  label_scale = CLAMP (label_scale, 0.5, 2.0);
  if (self->label_scale == label_scale)
    return;

  self->label_scale = label_scale;
  invalidate_cache (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL_SCALE]);
}
