/* derm-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: the map, the side panel with the root list and the card,
 * the header bar. This file holds the object, its properties and how the
 * parts are wired; each concern has a file of its own sharing
 * derm-window-private.h: derm-window-actions.c (actions, keys, menus),
 * derm-window-search.c, derm-window-quiz.c, derm-window-presentation.c and
 * derm-window-print.c (print, page setup, export).
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include "derm-settings.h"
#include "derm-accessible.h"
#include "derm-help-overlay.h"
#include "derm-layout.h"
#include "derm-root-style.h"
#include "derm-window-private.h"

G_DEFINE_FINAL_TYPE (DermWindow, derm_window, ADW_TYPE_APPLICATION_WINDOW)

static GParamSpec *properties[N_PROPS];

void
_derm_window_notify (DermWindow *self,
                     guint       prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* helpers */

static gboolean
palette_from_setting (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  DermPalette palette;

  if (!derm_palette_from_string (g_variant_get_string (variant, NULL), &palette))
    palette = DERM_PALETTE_DEFAULT;
  g_value_set_int (value, palette);

  return TRUE;
}

static gboolean
label_scale_from_setting (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *size = g_variant_get_string (variant, NULL);

  g_value_set_double (value, g_str_equal (size, "small") ? 0.85 :
                             g_str_equal (size, "large") ? 1.3 : 1.0);

  return TRUE;
}

/* Swatches and tags follow the map's palette, dark style and high contrast. */
static void
update_root_style (DermWindow *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  DermPalette palette = derm_map_view_get_palette (self->map_view);

  if (adw_style_manager_get_high_contrast (style_manager))
    palette = DERM_PALETTE_HIGH_CONTRAST;
  derm_root_style_update (gtk_widget_get_display (GTK_WIDGET (self)), palette,
                          adw_style_manager_get_dark (style_manager));
}

const char *
_derm_window_map_id (DermWindow *self)
{
  const DermMap *map;

  if (self->map_id != NULL)
    return self->map_id;

  map = self->atlas != NULL ? derm_atlas_get_default_map (self->atlas) : NULL;

  return map != NULL ? map->id : NULL;
}

/* The view the map shows: the window's, but a narrow window shows one
 * view only (side by side at 360 px each would be a quarter of the width):
 * the one chosen, or for "both" the narrow view. */
static const char *
shown_view (DermWindow *self)
{
  if (!self->narrow || g_strcmp0 (self->view, "both") != 0)
    return self->view;
  return self->narrow_view;
}

static void
apply_layout (DermWindow *self)
{
  DermLayout layout;

  if (!derm_layout_from_string (shown_view (self), &layout))
    layout = DERM_LAYOUT_BOTH;
  derm_map_view_set_layout (self->map_view, layout);
}

static void
set_shown_view (DermWindow *self,
                const char *view)
{
  DermLayout layout;

  if (view == NULL || !derm_layout_from_string (view, &layout))
    {
      g_warning ("Unknown view “%s”", view != NULL ? view : "(null)");
      return;
    }

  /* narrow, "both" stays chosen for when the window is wide again */
  if (self->narrow && layout != DERM_LAYOUT_BOTH && g_strcmp0 (self->view, "both") == 0)
    {
      g_free (self->narrow_view);
      self->narrow_view = g_strdup (view);
      apply_layout (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN_VIEW]);
    }
  else
    derm_window_set_view (self, view);
}

/* Narrow: the side panel folded over the map (the window below 661 px),
 * not in presentation, which is for a projector. */
static void
update_narrow (DermWindow *self)
{
  gboolean narrow = adw_flap_get_folded (self->flap) && !self->presentation;

  gtk_widget_set_visible (self->view_bar_both, !narrow);
  if (narrow == self->narrow)
    return;

  self->narrow = narrow;
  apply_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN_VIEW]);
}

void
_derm_window_show_view (DermWindow *self,
                        DermView    view)
{
  double x, y;

  if (!derm_layout_view_origin (derm_map_view_get_layout (self->map_view), view, &x, &y))
    set_shown_view (self, view == DERM_VIEW_ANTERIOR ? "anterior" : "posterior");
}

/* callbacks */

/* Narrow windows: the compact header bar has no view switcher, so one is
 * in a bar at the bottom (none in presentation mode, which has no header
 * bar either). */
void
_derm_window_header_changed_cb (DermWindow  *self,
                                GParamSpec  *pspec,
                                AdwSqueezer *header_bar)
{
  gboolean compact = adw_squeezer_get_visible_child (header_bar) == self->compact_header;

  gtk_action_bar_set_revealed (self->view_bar, compact && !self->presentation);
  update_narrow (self);
}

void
_derm_window_folded_cb (DermWindow *self,
                        GParamSpec *pspec,
                        AdwFlap    *flap)
{
  gboolean folded = adw_flap_get_folded (flap);
  int panel = self->presentation ? PRESENTATION_PANEL_WIDTH :
              folded ? FOLDED_PANEL_WIDTH : PANEL_WIDTH;

  gtk_widget_set_size_request (self->sidebar, folded ? FOLDED_PANEL_WIDTH : PANEL_MIN_WIDTH, -1);
  gtk_widget_set_size_request (self->map_overlay,
                               folded ? MAP_MIN_WIDTH + PANEL_MIN_WIDTH - FOLDED_PANEL_WIDTH
                                      : MAP_MIN_WIDTH, -1);
  adw_clamp_set_maximum_size (self->sidebar_clamp, panel);
  adw_clamp_set_tightening_threshold (self->sidebar_clamp, panel);
  update_narrow (self);

  /* a quiz moves its question between the map and the panel; without one,
   * leave the selection alone */
  if (self->atlas != NULL && _derm_window_quiz_active (self))
    _derm_window_sync_quiz_map (self);
}

/* A folded panel lies over the map, hidden: bring it out with the card. */
static void
show_folded_panel (DermWindow *self)
{
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

static void
region_activated_cb (DermWindow  *self,
                     gpointer     region,
                     DermMapView *map_view)
{
  if (_derm_window_quiz_active (self))
    return;

  /* a root highlighted before stays under no other card: the skin chosen
   * now is what the map shows; a click beside the legs clears both */
  derm_root_list_set_selected_root (self->root_list, NULL);
  derm_map_view_set_selected_root (map_view, NULL);
  if (region == NULL)
    {
      derm_info_panel_clear (self->info_panel);
      return;
    }
  derm_info_panel_show_region (self->info_panel, region);
  show_folded_panel (self);
}

static void
key_point_activated_cb (DermWindow  *self,
                        gpointer     key_point,
                        DermMapView *map_view)
{
  if (_derm_window_quiz_active (self))
    return;

  derm_root_list_set_selected_root (self->root_list, NULL);
  derm_map_view_set_selected_root (map_view, NULL);
  derm_info_panel_show_key_point (self->info_panel, key_point);
  show_folded_panel (self);
}

static void
root_selected_cb (DermWindow   *self,
                  const char   *root_id,
                  DermRootList *root_list)
{
  const DermRegion *region;

  derm_map_view_set_selected_root (self->map_view, root_id);

  if (root_id != NULL)
    derm_info_panel_show_root (self->info_panel, root_id);
  else if ((region = derm_map_view_get_selected_region (self->map_view)) != NULL)
    derm_info_panel_show_region (self->info_panel, region);
  else
    derm_info_panel_clear (self->info_panel);
}

/* vfuncs */

static void
derm_window_constructed (GObject *object)
{
  DermWindow *self = DERM_WINDOW (object);

  G_OBJECT_CLASS (derm_window_parent_class)->constructed (object);

  if (self->atlas == NULL)
    return;

  derm_root_style_ensure (gtk_widget_get_display (GTK_WIDGET (self)));
  update_root_style (self);

  /* a saved map the atlas no longer has: back to the default */
  if (self->map_id != NULL && derm_atlas_get_map (self->atlas, self->map_id) == NULL)
    g_clear_pointer (&self->map_id, g_free);
  if (self->map_id == NULL)
    self->map_id = g_strdup (_derm_window_map_id (self));
  _derm_window_build_map_menu (self);
  _derm_window_update_map_button (self);

  derm_map_view_set_map_id (self->map_view, _derm_window_map_id (self));
  derm_map_view_set_atlas (self->map_view, self->atlas);
  derm_info_panel_set_map_id (self->info_panel, _derm_window_map_id (self));
  derm_info_panel_set_atlas (self->info_panel, self->atlas);
  derm_root_list_set_map_id (self->root_list, _derm_window_map_id (self));
  derm_root_list_set_atlas (self->root_list, self->atlas);

  /* a default map chosen in the preferences wins over the last one used */
  if (self->settings != NULL && derm_settings_has_key (self->settings, "default-map"))
    {
      g_autofree char *default_map = g_settings_get_string (self->settings, "default-map");

      if (default_map[0] != '\0' && derm_atlas_get_map (self->atlas, default_map) != NULL)
        derm_window_set_map_id (self, default_map);
    }
}

static void
derm_window_dispose (GObject *object)
{
  DermWindow *self = DERM_WINDOW (object);

  g_clear_handle_id (&self->hint_timeout_id, g_source_remove);
  _derm_window_chart_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DERM_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->atlas);
  g_clear_object (&self->map_menu);

  G_OBJECT_CLASS (derm_window_parent_class)->dispose (object);
}

static void
derm_window_finalize (GObject *object)
{
  DermWindow *self = DERM_WINDOW (object);

  g_free (self->view);
  g_free (self->narrow_view);
  g_free (self->map_id);

  G_OBJECT_CLASS (derm_window_parent_class)->finalize (object);
}

static void
derm_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DermWindow *self = DERM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ATLAS:
      g_value_set_object (value, self->atlas);
      break;
    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;
    case PROP_SHOWN_VIEW:
      g_value_set_string (value, shown_view (self));
      break;
    case PROP_MAP_ID:
      g_value_set_string (value, _derm_window_map_id (self));
      break;
    case PROP_NERVES:
      g_value_set_boolean (value, self->nerves);
      break;
    case PROP_KEY_POINTS:
      g_value_set_boolean (value, self->key_points);
      break;
    case PROP_LABELS:
      g_value_set_boolean (value, self->labels);
      break;
    case PROP_PRESENTATION:
      g_value_set_boolean (value, self->presentation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
derm_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DermWindow *self = DERM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ATLAS:
      self->atlas = g_value_dup_object (value);
      break;
    case PROP_VIEW:
      derm_window_set_view (self, g_value_get_string (value));
      break;
    case PROP_SHOWN_VIEW:
      set_shown_view (self, g_value_get_string (value));
      break;
    case PROP_MAP_ID:
      derm_window_set_map_id (self, g_value_get_string (value));
      break;
    case PROP_NERVES:
      if (self->nerves != g_value_get_boolean (value))
        {
          self->nerves = g_value_get_boolean (value);
          derm_map_view_set_nerves (self->map_view, self->nerves);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_KEY_POINTS:
      if (self->key_points != g_value_get_boolean (value))
        {
          self->key_points = g_value_get_boolean (value);
          derm_map_view_set_key_points (self->map_view, self->key_points);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_LABELS:
      if (self->labels != g_value_get_boolean (value))
        {
          self->labels = g_value_get_boolean (value);
          derm_map_view_set_labels (self->map_view, self->labels);
          _derm_window_sync_hidden_labels (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_PRESENTATION:
      derm_window_set_presentation (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
derm_window_class_init (DermWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = derm_window_constructed;
  object_class->dispose = derm_window_dispose;
  object_class->finalize = derm_window_finalize;
  object_class->get_property = derm_window_get_property;
  object_class->set_property = derm_window_set_property;

  properties[PROP_ATLAS] =
    g_param_spec_object ("atlas", NULL, NULL,
                         DERM_TYPE_ATLAS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL,
                         "both",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* what the map shows: the view, but a narrow window one of the two for
   * "both"; set, it changes what is shown and keeps "both" for later */
  properties[PROP_SHOWN_VIEW] =
    g_param_spec_string ("shown-view", NULL, NULL,
                         "both",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAP_ID] =
    g_param_spec_string ("map-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NERVES] =
    g_param_spec_boolean ("nerves", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY_POINTS] =
    g_param_spec_boolean ("key-points", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABELS] =
    g_param_spec_boolean ("labels", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESENTATION] =
    g_param_spec_boolean ("presentation", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DERM_TYPE_MAP_VIEW);
  g_type_ensure (DERM_TYPE_ROOT_LIST);
  g_type_ensure (DERM_TYPE_INFO_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/derm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DermWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, sidebar_clamp);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, presentation_hint);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, presentation_hint_label);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, quiz_banner);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, root_list_scroller);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, blank_cover);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, results_list);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, root_list);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, info_panel);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, zoom_out_button);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, zoom_reset_button);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, map_button);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, map_button_narrow);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, primary_button);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, primary_button_narrow);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, map_label_narrow);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, compact_header);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, map_overlay);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, view_bar);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, view_bar_both);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, chart_panel);
  gtk_widget_class_bind_template_callback_full (widget_class, "folded_cb",
                                                G_CALLBACK (_derm_window_folded_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "header_changed_cb",
                                                G_CALLBACK (_derm_window_header_changed_cb));
  gtk_widget_class_bind_template_callback (widget_class, region_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_point_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, root_selected_cb);

  _derm_window_actions_class_init (widget_class);
  _derm_window_presentation_class_init (widget_class);
  _derm_window_quiz_class_init (widget_class);
  _derm_window_search_class_init (widget_class);
  _derm_window_chart_class_init (widget_class);
}

static void
derm_window_init (DermWindow *self)
{
  self->view = g_strdup ("both");
  self->narrow_view = g_strdup ("anterior");
  self->labels = TRUE;
  self->presentation_step = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* added before the search bar's key capture, so it sees N, K and H first */
  _derm_window_actions_init (self);
  _derm_window_chart_init (self);

  derm_accessible_fix_mnemonic_names (GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  _derm_window_set_menu_lazily (self, self->primary_button);
  _derm_window_set_menu_lazily (self, self->primary_button_narrow);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  _derm_window_zoom_changed_cb (self, NULL, self->map_view);

  self->settings = derm_settings_new ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "view", self, "view", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "map", self, "map-id", G_SETTINGS_BIND_DEFAULT);

      /* keys of the preferences; a schema from an older install lacks them */
      if (derm_settings_has_key (self->settings, "labels"))
        g_settings_bind (self->settings, "labels", self, "labels", G_SETTINGS_BIND_DEFAULT);
      if (derm_settings_has_key (self->settings, "nerves"))
        g_settings_bind (self->settings, "nerves", self, "nerves", G_SETTINGS_BIND_DEFAULT);
      if (derm_settings_has_key (self->settings, "key-points"))
        g_settings_bind (self->settings, "key-points", self, "key-points", G_SETTINGS_BIND_DEFAULT);
      if (derm_settings_has_key (self->settings, "palette"))
        g_settings_bind_with_mapping (self->settings, "palette", self->map_view, "palette",
                                      G_SETTINGS_BIND_GET, palette_from_setting, NULL, NULL, NULL);
      if (derm_settings_has_key (self->settings, "label-size"))
        g_settings_bind_with_mapping (self->settings, "label-size", self->map_view, "label-scale",
                                      G_SETTINGS_BIND_GET, label_scale_from_setting, NULL, NULL, NULL);
    }

  g_signal_connect_object (self->map_view, "notify::palette",
                           G_CALLBACK (update_root_style), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_root_style), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (update_root_style), self, G_CONNECT_SWAPPED);

  /* arrow keys work on the map from the start */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->map_view));
}

/* public API */

DermWindow *
derm_window_new (GtkApplication *app,
                 DermAtlas      *atlas)
{
  DermWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (DERM_IS_ATLAS (atlas), NULL);

  self = g_object_new (DERM_TYPE_WINDOW,
                       "application", app,
                       "atlas", atlas,
                       NULL);
  /* the application gave the window its shortcuts window just now */
  derm_help_overlay_tidy (GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self))));
  return self;
}

DermAtlas *
derm_window_get_atlas (DermWindow *self)
{
  g_return_val_if_fail (DERM_IS_WINDOW (self), NULL);

  return self->atlas;
}

const char *
derm_window_get_view (DermWindow *self)
{
  g_return_val_if_fail (DERM_IS_WINDOW (self), NULL);

  return self->view;
}

void
derm_window_set_view (DermWindow *self,
                      const char *view)
{
  DermLayout layout;

  g_return_if_fail (DERM_IS_WINDOW (self));

  if (view == NULL || !derm_layout_from_string (view, &layout))
    {
      g_warning ("Unknown view “%s”", view != NULL ? view : "(null)");
      return;
    }

  if (g_strcmp0 (self->view, view) == 0)
    return;

  g_free (self->view);
  self->view = g_strdup (view);
  if (layout != DERM_LAYOUT_BOTH)
    {
      g_free (self->narrow_view);
      self->narrow_view = g_strdup (view);
    }
  apply_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN_VIEW]);
}

const char *
derm_window_get_map_id (DermWindow *self)
{
  g_return_val_if_fail (DERM_IS_WINDOW (self), NULL);

  return _derm_window_map_id (self);
}

/**
 * derm_window_set_map_id:
 * @_derm_window_map_id: a map of the atlas, "isncsci", "keegan-garrett" or "lee2008"
 *
 * Recolours the map and redoes the card and tooltips for that map.
 */
void
derm_window_set_map_id (DermWindow *self,
                        const char *_derm_window_map_id)
{
  g_return_if_fail (DERM_IS_WINDOW (self));

  if (_derm_window_map_id == NULL)
    return;

  /* before the atlas is set (settings bound in init) keep it for constructed () */
  if (self->atlas != NULL && derm_atlas_get_map (self->atlas, _derm_window_map_id) == NULL)
    {
      g_warning ("Unknown map “%s”", _derm_window_map_id);
      return;
    }

  if (g_strcmp0 (self->map_id, _derm_window_map_id) == 0)
    return;

  g_free (self->map_id);
  self->map_id = g_strdup (_derm_window_map_id);

  if (self->atlas != NULL)
    {
      derm_map_view_set_map_id (self->map_view, _derm_window_map_id);
      derm_info_panel_set_map_id (self->info_panel, _derm_window_map_id);
      derm_root_list_set_map_id (self->root_list, _derm_window_map_id);
      _derm_window_update_map_button (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAP_ID]);
}

void
derm_window_select_region (DermWindow       *self,
                           const DermRegion *region)
{
  double x, y;

  g_return_if_fail (DERM_IS_WINDOW (self));

  /* show the region's view if the current layout hides it */
  if (region != NULL &&
      !derm_layout_view_origin (derm_map_view_get_layout (self->map_view), region->view, &x, &y))
    _derm_window_show_view (self, region->view);

  derm_map_view_set_selected_region (self->map_view, region);
  derm_info_panel_show_region (self->info_panel, region);
}

void
derm_window_select_root (DermWindow *self,
                         const char *root_id)
{
  const DermRoot *root;

  g_return_if_fail (DERM_IS_WINDOW (self));

  root = root_id != NULL && self->atlas != NULL ? derm_atlas_get_root (self->atlas, root_id) : NULL;
  root_id = root != NULL ? root->id : NULL;

  derm_root_list_set_selected_root (self->root_list, root_id);
  root_selected_cb (self, root_id, self->root_list);
}

DermMapView *
derm_window_get_map_view (DermWindow *self)
{
  g_return_val_if_fail (DERM_IS_WINDOW (self), NULL);

  return self->map_view;
}

DermInfoPanel *
derm_window_get_info_panel (DermWindow *self)
{
  g_return_val_if_fail (DERM_IS_WINDOW (self), NULL);

  return self->info_panel;
}

DermRootList *
derm_window_get_root_list (DermWindow *self)
{
  g_return_val_if_fail (DERM_IS_WINDOW (self), NULL);

  return self->root_list;
}
