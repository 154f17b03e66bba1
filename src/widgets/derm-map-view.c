/* derm-map-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map view: an atlas's diagram that a person clicks, hovers, zooms and
 * moves through with the keyboard. This file holds the object, its
 * properties and signals; the rest shares derm-map-view-private.h:
 * derm-map-view-zoom.c (zoom, pan, widget and layout points),
 * derm-map-view-drawing.c (the cached diagram and what is drawn over it),
 * derm-map-view-input.c (pointer, keyboard, tooltips) and
 * derm-map-view-accessible.c (what a screen reader and tooltips say).
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <adwaita.h>

#include "derm-id-map.h"
#include "derm-layout.h"
#include "derm-map-view-private.h"
#include "derm-renderer.h"

G_DEFINE_FINAL_TYPE (DermMapView, derm_map_view, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];

static guint signals[N_SIGNALS];

void
_derm_map_view_notify (DermMapView *self,
                       guint        prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* helpers */

gboolean
_derm_map_view_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* The system's high-contrast setting wins over the chosen palette. */
DermPalette
_derm_map_view_effective_palette (DermMapView *self)
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

gboolean
_derm_map_view_region_shown (DermMapView      *self,
                             const DermRegion *region)
{
  double x, y;

  return region != NULL && derm_layout_view_origin (self->layout, region->view, &x, &y);
}

/* The region's label point in layout units. */
gboolean
_derm_map_view_region_layout_point (DermMapView      *self,
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

/* A click or Enter at a layout point: the view and the point in view units
 * go out first (a quiz answers with them), then the region. */
void
_derm_map_view_emit_point (DermMapView *self,
                           double       layout_x,
                           double       layout_y)
{
  DermView view;
  double view_x, view_y;

  if (derm_layout_to_view (self->layout, layout_x, layout_y, &view, &view_x, &view_y))
    g_signal_emit (self, signals[POINT_ACTIVATED], 0, (int) view, view_x, view_y);
}

void
_derm_map_view_activate_region (DermMapView      *self,
                                const DermRegion *region)
{
  derm_map_view_set_selected_region (self, region);
  g_signal_emit (self, signals[REGION_ACTIVATED], 0, region);
}

void
_derm_map_view_activate_key_point (DermMapView        *self,
                                   const DermKeyPoint *key_point)
{
  derm_map_view_set_selected_region (self, NULL);
  g_signal_emit (self, signals[KEY_POINT_ACTIVATED], 0, key_point);
}

static void
dark_changed_cb (DermMapView     *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *style_manager)
{
  _derm_map_view_invalidate_cache (self);
}

/* vfuncs */

static void
derm_map_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  DermMapView *self = DERM_MAP_VIEW (widget);

  _derm_map_view_clamp_center (self);
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

static void
derm_map_view_dispose (GObject *object)
{
  DermMapView *self = DERM_MAP_VIEW (object);

  _derm_map_view_stop_focus_visible (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DERM_TYPE_MAP_VIEW);
  _derm_map_view_chart_dispose (self);

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
    case PROP_NEUTRAL:
      g_value_set_boolean (value, self->neutral);
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
    case PROP_NEUTRAL:
      derm_map_view_set_neutral (self, g_value_get_boolean (value));
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

  widget_class->size_allocate = derm_map_view_size_allocate;
  widget_class->measure = derm_map_view_measure;

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
  /* while a quiz asks: the skin drawn as a worksheet, so no colour anywhere
   * (the other leg's zone, the roots around) gives the answer away */
  properties[PROP_NEUTRAL] =
    g_param_spec_boolean ("neutral", NULL, NULL,
                          FALSE,
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
   * @region: (type gpointer) (nullable): the const DermRegion clicked or
   *   chosen with Enter, or NULL for a click beside the legs (which clears
   *   the selection)
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
  _derm_map_view_drawing_class_init (widget_class);
  _derm_map_view_input_class_init (widget_class);

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
  self->finding = DERM_FINDING_REDUCED;

  gtk_widget_init_template (GTK_WIDGET (self));

  _derm_map_view_update_accessible (self);

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

  _derm_map_view_invalidate_cache (self);
  _derm_map_view_update_accessible (self);
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
  if (!_derm_map_view_region_shown (self, self->focus_region))
    self->focus_region = NULL;
  _derm_map_view_clamp_center (self);
  _derm_map_view_invalidate_cache (self);
  _derm_map_view_update_accessible (self);

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

  _derm_map_view_invalidate_cache (self);
  _derm_map_view_update_accessible (self);
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
  _derm_map_view_update_accessible (self);
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

  _derm_map_view_invalidate_cache (self);
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
  _derm_map_view_invalidate_cache (self);
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
  _derm_map_view_invalidate_cache (self);
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
  _derm_map_view_invalidate_cache (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY_POINTS]);
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
  _derm_map_view_update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEAL_ROOTS]);
}

gboolean
derm_map_view_get_neutral (DermMapView *self)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), FALSE);

  return self->neutral;
}

void
derm_map_view_set_neutral (DermMapView *self,
                           gboolean     neutral)
{
  g_return_if_fail (DERM_IS_MAP_VIEW (self));

  neutral = !!neutral;
  if (self->neutral == neutral)
    return;

  self->neutral = neutral;
  _derm_map_view_invalidate_cache (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEUTRAL]);
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
  _derm_map_view_restart_pointer_idle (self);
  _derm_map_view_invalidate_cache (self);
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
  _derm_map_view_invalidate_cache (self);
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
  _derm_map_view_invalidate_cache (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL_SCALE]);
}
