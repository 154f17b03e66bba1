/* derm-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>

#include "derm-layout.h"
#include "derm-reference-pages.h"
#include "derm-root-style.h"
#include "derm-window.h"
#include "derm-window-print.h"

#define MAX_RESULTS 60

struct _DermWindow
{
  AdwApplicationWindow  parent_instance;

  AdwFlap              *flap;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  GtkListBox           *results_list;
  DermMapView          *map_view;
  DermRootList         *root_list;
  DermInfoPanel        *info_panel;
  GtkWidget            *zoom_out_button;
  GtkWidget            *zoom_reset_button;
  GtkMenuButton        *map_button;

  DermAtlas            *atlas;
  char                 *view;
  char                 *map_id;     /* NULL until the atlas picks its default */
  gboolean              nerves;
  gboolean              key_points;
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (DermWindow, derm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_ATLAS,
  PROP_VIEW,
  PROP_MAP_ID,
  PROP_NERVES,
  PROP_KEY_POINTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* helpers */

/* The settings, or NULL when the schema is not installed (running from the
 * build tree): g_settings_new () would abort. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("Schema %s not installed: window state is not saved", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static const char *
map_id (DermWindow *self)
{
  const DermMap *map;

  if (self->map_id != NULL)
    return self->map_id;

  map = self->atlas != NULL ? derm_atlas_get_default_map (self->atlas) : NULL;

  return map != NULL ? map->id : NULL;
}

/* The map switcher's menu: one radio item a map, then "About This Map". */
static void
build_map_menu (DermWindow *self)
{
  GPtrArray *maps = derm_atlas_get_maps (self->atlas);
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) maps_section = g_menu_new ();
  g_autoptr (GMenu) about_section = g_menu_new ();

  for (guint i = 0; i < maps->len; i++)
    {
      const DermMap *map = g_ptr_array_index (maps, i);
      g_autoptr (GMenuItem) item = g_menu_item_new (map->name, NULL);

      g_menu_item_set_action_and_target_value (item, "win.map", g_variant_new_string (map->id));
      g_menu_append_item (maps_section, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (maps_section));
  g_menu_append (about_section, _("_About This Map"), "win.about-map");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (about_section));

  gtk_menu_button_set_menu_model (self->map_button, G_MENU_MODEL (menu));
}

static void
update_map_button (DermWindow *self)
{
  const DermMap *map = self->atlas != NULL ? derm_atlas_get_map (self->atlas, map_id (self)) : NULL;
  g_autofree char *tooltip = NULL;

  if (map == NULL)
    return;

  gtk_menu_button_set_label (self->map_button, map->name);
  /* Translators: tooltip of the map switcher, "Dermatome map: ISNCSCI (Foerster) (Ctrl+M for the next)" */
  tooltip = g_strdup_printf (_("Dermatome map: %s (Ctrl+M for the next)"), map->name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->map_button), tooltip);
}

static GtkWidget *
create_result_row (DermWindow          *self,
                   const DermSearchHit *hit)
{
  GtkWidget *row, *box, *text_box, *title, *subtitle, *prefix;
  g_autofree char *title_text = NULL;
  g_autofree char *subtitle_text = NULL;
  g_autofree char *accessible = NULL;

  if (hit->region != NULL)
    {
      const DermMap *map = derm_atlas_get_map (self->atlas, map_id (self));
      const char * const *roots = map != NULL ? derm_map_get_roots (map, hit->region) : NULL;
      const DermRoot *first = roots != NULL && roots[0] != NULL ?
                              derm_atlas_get_root (self->atlas, roots[0]) : NULL;
      g_autofree char *roots_text = NULL;

      title_text = derm_region_dup_title (hit->region);
      roots_text = roots != NULL && roots[0] != NULL ? g_strjoinv (", ", (char **) roots)
                                                     : g_strdup (_("varies"));
      /* Translators: a region search result, "Anterior · L4" */
      subtitle_text = g_strdup_printf (_("%s · %s"),
                                       hit->region->view == DERM_VIEW_ANTERIOR ? _("Anterior")
                                                                               : _("Posterior"),
                                       roots_text);
      if (first != NULL)
        prefix = derm_root_style_swatch_new (first);
      else
        {
          prefix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
          gtk_widget_add_css_class (prefix, "root-swatch");
          gtk_widget_add_css_class (prefix, "blank");
          gtk_widget_set_valign (prefix, GTK_ALIGN_CENTER);
        }
    }
  else
    {
      const DermStatement *summary = derm_root_get_statement (hit->root, "summary", -1);

      /* Translators: a root search result, "L4 root" */
      title_text = g_strdup_printf (_("%s root"), hit->root->id);
      subtitle_text = g_strdup (summary != NULL ? summary->text : "");
      prefix = derm_root_style_swatch_new (hit->root);
    }

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_box_append (GTK_BOX (box), prefix);

  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (text_box, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text_box, TRUE);
  title = gtk_label_new (title_text);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (text_box), title);
  subtitle = gtk_label_new (subtitle_text);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (text_box), subtitle);
  gtk_box_append (GTK_BOX (box), text_box);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "result-row");
  g_object_set_data (G_OBJECT (row), "region", (gpointer) hit->region);
  g_object_set_data (G_OBJECT (row), "root", (gpointer) hit->root);

  accessible = g_strdup_printf ("%s, %s", title_text, subtitle_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return row;
}

static void
clear_results (DermWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
}

static void
activate_result (DermWindow    *self,
                 GtkListBoxRow *row)
{
  const DermRegion *region = g_object_get_data (G_OBJECT (row), "region");
  const DermRoot *root = g_object_get_data (G_OBJECT (row), "root");

  if (region != NULL)
    derm_window_select_region (self, region);
  else if (root != NULL)
    derm_window_select_root (self, root->id);

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* callbacks */

static void
region_activated_cb (DermWindow  *self,
                     gpointer     region,
                     DermMapView *map_view)
{
  derm_info_panel_show_region (self->info_panel, region);
}

static void
key_point_activated_cb (DermWindow  *self,
                        gpointer     key_point,
                        DermMapView *map_view)
{
  derm_root_list_set_selected_root (self->root_list, NULL);
  derm_map_view_set_selected_root (map_view, NULL);
  derm_info_panel_show_key_point (self->info_panel, key_point);
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

static void
search_changed_cb (DermWindow     *self,
                   GtkSearchEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr (GPtrArray) hits = NULL;

  clear_results (self);

  if (text[0] == '\0' || self->atlas == NULL)
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "browse");
      return;
    }

  hits = derm_atlas_search (self->atlas, text);
  if (hits == NULL || hits->len == 0)
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "no-results");
      return;
    }

  for (guint i = 0; i < hits->len && i < MAX_RESULTS; i++)
    {
      const DermSearchHit *hit = g_ptr_array_index (hits, i);

      if (hit->region != NULL || hit->root != NULL)
        gtk_list_box_append (self->results_list, create_result_row (self, hit));
    }

  gtk_stack_set_visible_child_name (self->sidebar_stack, "search");
}

static void
search_activate_cb (DermWindow     *self,
                    GtkSearchEntry *entry)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (row != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->sidebar_stack), "search") == 0)
    activate_result (self, row);
}

static void
stop_search_cb (DermWindow     *self,
                GtkSearchEntry *entry)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* Down in the entry moves into the results. */
static gboolean
search_key_pressed_cb (DermWindow            *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  row = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (row == NULL)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_grab_focus (GTK_WIDGET (row));

  return GDK_EVENT_STOP;
}

static void
search_mode_cb (DermWindow   *self,
                GParamSpec   *pspec,
                GtkSearchBar *search_bar)
{
  if (gtk_search_bar_get_search_mode (search_bar))
    {
      adw_flap_set_reveal_flap (self->flap, TRUE);
      return;
    }

  /* leaving the search, don't let the focus fall into the root list: a
   * list box selects the row it lands on */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

    if (focus == NULL ||
        focus == GTK_WIDGET (search_bar) ||
        gtk_widget_is_ancestor (focus, GTK_WIDGET (search_bar)) ||
        gtk_widget_is_ancestor (focus, GTK_WIDGET (self->results_list)))
      gtk_widget_grab_focus (GTK_WIDGET (self->map_view));
  }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  clear_results (self);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "browse");
}

static void
result_activated_cb (DermWindow    *self,
                     GtkListBoxRow *row,
                     GtkListBox    *list_box)
{
  activate_result (self, row);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DermWindow *self = DERM_WINDOW (widget);
  gboolean active = gtk_search_bar_get_search_mode (self->search_bar);

  gtk_search_bar_set_search_mode (self->search_bar, !active);
  if (!active)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DermWindow *self = DERM_WINDOW (widget);

  if (g_str_equal (action_name, "win.zoom-in"))
    derm_map_view_zoom_in (self->map_view);
  else if (g_str_equal (action_name, "win.zoom-out"))
    derm_map_view_zoom_out (self->map_view);
  else
    derm_map_view_set_zoom (self->map_view, 1.0);
}

/* N and K toggle the overlays. Plain letters: caught in the capture phase,
 * ahead of the search bar's type-to-search, and left alone while a text
 * field has the focus, so typing "n" into the search still types. */
static gboolean
overlay_key_pressed_cb (DermWindow            *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *controller)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  const char *action;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK)) != 0 ||
      (focus != NULL && GTK_IS_EDITABLE (focus)))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_n:
    case GDK_KEY_N:
      action = "win.nerves";
      break;
    case GDK_KEY_k:
    case GDK_KEY_K:
      action = "win.key-points";
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);

  return GDK_EVENT_STOP;
}

static void
next_map_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DermWindow *self = DERM_WINDOW (widget);
  GPtrArray *maps;

  if (self->atlas == NULL)
    return;

  maps = derm_atlas_get_maps (self->atlas);
  for (guint i = 0; i < maps->len; i++)
    {
      const DermMap *map = g_ptr_array_index (maps, i);

      if (g_strcmp0 (map->id, map_id (self)) == 0)
        {
          const DermMap *next = g_ptr_array_index (maps, (i + 1) % maps->len);

          derm_window_set_map_id (self, next->id);
          return;
        }
    }
}

static void
reference_page_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DermWindow *self = DERM_WINDOW (widget);
  GtkWindow *page;

  if (self->atlas == NULL)
    return;

  if (g_str_equal (action_name, "win.about-map"))
    page = derm_map_info_window_new (GTK_WINDOW (self), self->atlas, map_id (self));
  else
    page = derm_sources_window_new (GTK_WINDOW (self), self->atlas);

  gtk_window_present (page);
}

static void
zoom_changed_cb (DermWindow  *self,
                 GParamSpec  *pspec,
                 DermMapView *map_view)
{
  double zoom = derm_map_view_get_zoom (map_view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", zoom < 8.0 - 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", zoom > 1.0 + 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset", zoom > 1.0 + 1e-6);
  /* at 1x only "zoom in" makes sense: keep the rest off the drawing */
  gtk_widget_set_visible (self->zoom_out_button, zoom > 1.0 + 1e-6);
  gtk_widget_set_visible (self->zoom_reset_button, zoom > 1.0 + 1e-6);
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

  /* a saved map the atlas no longer has: back to the default */
  if (self->map_id != NULL && derm_atlas_get_map (self->atlas, self->map_id) == NULL)
    g_clear_pointer (&self->map_id, g_free);
  if (self->map_id == NULL)
    self->map_id = g_strdup (map_id (self));
  build_map_menu (self);
  update_map_button (self);

  derm_map_view_set_map_id (self->map_view, map_id (self));
  derm_map_view_set_atlas (self->map_view, self->atlas);
  derm_info_panel_set_map_id (self->info_panel, map_id (self));
  derm_info_panel_set_atlas (self->info_panel, self->atlas);
  derm_root_list_set_map_id (self->root_list, map_id (self));
  derm_root_list_set_atlas (self->root_list, self->atlas);
}

static void
derm_window_dispose (GObject *object)
{
  DermWindow *self = DERM_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DERM_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->atlas);

  G_OBJECT_CLASS (derm_window_parent_class)->dispose (object);
}

static void
derm_window_finalize (GObject *object)
{
  DermWindow *self = DERM_WINDOW (object);

  g_free (self->view);
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
    case PROP_MAP_ID:
      g_value_set_string (value, map_id (self));
      break;
    case PROP_NERVES:
      g_value_set_boolean (value, self->nerves);
      break;
    case PROP_KEY_POINTS:
      g_value_set_boolean (value, self->key_points);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DERM_TYPE_MAP_VIEW);
  g_type_ensure (DERM_TYPE_ROOT_LIST);
  g_type_ensure (DERM_TYPE_INFO_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/derm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DermWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, results_list);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, root_list);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, info_panel);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, zoom_out_button);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, zoom_reset_button);
  gtk_widget_class_bind_template_child (widget_class, DermWindow, map_button);
  gtk_widget_class_bind_template_callback (widget_class, region_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_point_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, root_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_changed_cb);

  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.view", "s", "anterior");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.view", "s", "posterior");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.view", "s", "both");

  gtk_widget_class_install_property_action (widget_class, "win.map", "map-id");
  gtk_widget_class_install_action (widget_class, "win.next-map", NULL, next_map_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.next-map", NULL);
  gtk_widget_class_install_action (widget_class, "win.about-map", NULL, reference_page_action);
  gtk_widget_class_install_action (widget_class, "win.sources", NULL, reference_page_action);

  /* their keys, N and K, in overlay_key_pressed_cb */
  gtk_widget_class_install_property_action (widget_class, "win.nerves", "nerves");
  gtk_widget_class_install_property_action (widget_class, "win.key-points", "key-points");

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);

  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);

  gtk_widget_class_install_property_action (widget_class, "win.fullscreen", "fullscreened");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.fullscreen", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);

  /* derm-window-print.c */
  gtk_widget_class_install_action (widget_class, "win.print", NULL, derm_window_print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_install_action (widget_class, "win.page-setup", NULL, derm_window_page_setup_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, derm_window_export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
}

static void
derm_window_init (DermWindow *self)
{
  self->view = g_strdup ("both");

  gtk_widget_init_template (GTK_WIDGET (self));

  /* added before the search bar's key capture, so it sees N and K first */
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (overlay_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  zoom_changed_cb (self, NULL, self->map_view);

  self->settings = create_settings ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "view", self, "view", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "map", self, "map-id", G_SETTINGS_BIND_DEFAULT);
    }

  /* arrow keys work on the map from the start */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->map_view));
}

/* public API */

DermWindow *
derm_window_new (GtkApplication *app,
                 DermAtlas      *atlas)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (DERM_IS_ATLAS (atlas), NULL);

  return g_object_new (DERM_TYPE_WINDOW,
                       "application", app,
                       "atlas", atlas,
                       NULL);
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
  derm_map_view_set_layout (self->map_view, layout);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

const char *
derm_window_get_map_id (DermWindow *self)
{
  g_return_val_if_fail (DERM_IS_WINDOW (self), NULL);

  return map_id (self);
}

/**
 * derm_window_set_map_id:
 * @map_id: a map of the atlas, "isncsci", "keegan-garrett" or "lee2008"
 *
 * Recolours the map and redoes the card and tooltips for that map.
 */
void
derm_window_set_map_id (DermWindow *self,
                        const char *map_id)
{
  g_return_if_fail (DERM_IS_WINDOW (self));

  if (map_id == NULL)
    return;

  /* before the atlas is set (settings bound in init) keep it for constructed () */
  if (self->atlas != NULL && derm_atlas_get_map (self->atlas, map_id) == NULL)
    {
      g_warning ("Unknown map “%s”", map_id);
      return;
    }

  if (g_strcmp0 (self->map_id, map_id) == 0)
    return;

  g_free (self->map_id);
  self->map_id = g_strdup (map_id);

  if (self->atlas != NULL)
    {
      derm_map_view_set_map_id (self->map_view, map_id);
      derm_info_panel_set_map_id (self->info_panel, map_id);
      derm_root_list_set_map_id (self->root_list, map_id);
      update_map_button (self);
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
    derm_window_set_view (self, region->view == DERM_VIEW_ANTERIOR ? "anterior" : "posterior");

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
