/* derm-window-actions.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's actions, their keys and the menus that offer them: views,
 * maps, overlays, zoom, full screen, print and export, and the plain keys
 * (N, K, H, a clicker's page keys, a quiz's numbers) caught ahead of
 * type-to-search.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>

#include "derm-reference-pages.h"
#include "derm-window-print.h"
#include "derm-window-private.h"

/* Each menu button makes its popover the first time it opens rather than
 * with the window: the four menus are some 200 widgets of the start-up. */
static void
create_menu_popup (GtkMenuButton *button,
                   gpointer       user_data)
{
  DermWindow *self = DERM_WINDOW (user_data);
  GMenuModel *model = NULL;

  if (button == self->primary_button || button == self->primary_button_narrow)
    model = self->primary_menu;
  else if (button == self->map_button || button == self->map_button_narrow)
    model = self->map_menu;

  if (model != NULL)
    gtk_menu_button_set_menu_model (button, model);
}

void
_derm_window_set_menu_lazily (DermWindow    *self,
                              GtkMenuButton *button)
{
  /* an open menu changes at once, one not yet made waits for its first use */
  if (gtk_menu_button_get_menu_model (button) != NULL)
    create_menu_popup (button, self);
  else
    gtk_menu_button_set_create_popup_func (button, create_menu_popup, self, NULL);
}

/* The map switcher's menu: one radio item a map, then "About This Map". */
void
_derm_window_build_map_menu (DermWindow *self)
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

  g_set_object (&self->map_menu, G_MENU_MODEL (menu));
  _derm_window_set_menu_lazily (self, self->map_button);
  _derm_window_set_menu_lazily (self, self->map_button_narrow);
}

void
_derm_window_update_map_button (DermWindow *self)
{
  const DermMap *map = self->atlas != NULL ? derm_atlas_get_map (self->atlas, _derm_window_map_id (self))
                                           : NULL;
  g_autofree char *tooltip = NULL;

  if (map == NULL)
    return;

  gtk_menu_button_set_label (self->map_button, map->name);
  gtk_label_set_label (self->map_label_narrow, map->name);
  /* Translators: tooltip of the map switcher, "Dermatome map: ISNCSCI (Foerster) (Ctrl+M for the next)" */
  tooltip = g_strdup_printf (_("Dermatome map: %s (Ctrl+M for the next)"), map->name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->map_button), tooltip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->map_button_narrow), tooltip);
  {
    /* Translators: what a screen reader says for the map switcher, "Dermatome map: Lee (2008)" */
    g_autofree char *accessible = g_strdup_printf (_("Dermatome map: %s"), map->name);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->map_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->map_button_narrow),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  }
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

      if (g_strcmp0 (map->id, _derm_window_map_id (self)) == 0)
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
    page = derm_map_info_window_new (GTK_WINDOW (self), self->atlas, _derm_window_map_id (self));
  else
    page = derm_sources_window_new (GTK_WINDOW (self), self->atlas);

  gtk_window_present (page);
}

void
_derm_window_zoom_changed_cb (DermWindow  *self,
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

/* Plain-letter keys and the clicker's keys, caught in the capture phase,
 * ahead of the search bar's type-to-search and the map's arrow keys, and
 * left alone while a text field has the focus, so typing "n" into the
 * search still types.
 *   N, K, H: nerves, key points, labels.
 *   Presentation: Page Down, Right, Space: next root (or quiz step);
 *   Page Up, Left: back; B or .: blank; Esc: leave.
 *   Quiz: 1-4 answer; Page Down / Page Up step; Esc ends it. */
static gboolean
window_key_pressed_cb (DermWindow            *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean quiz = _derm_window_quiz_active (self);
  DermQuizPhase phase = _derm_window_quiz_phase (self);
  const char *action = NULL;

  /* Escape with the search open closes the search first, wherever the
   * focus is (the search bar may still be opening): not the root list's
   * window-wide Escape, which would clear the highlight and leave the
   * search open */
  if (keyval == GDK_KEY_Escape && (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) == 0 &&
      gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      return GDK_EVENT_STOP;
    }

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK)) != 0 ||
      (focus != NULL && GTK_IS_EDITABLE (focus)))
    return GDK_EVENT_PROPAGATE;

  /* answers by number */
  if (quiz && phase == DERM_QUIZ_PHASE_ASKING)
    {
      guint choice = G_MAXUINT;

      if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
        choice = keyval - GDK_KEY_1;
      else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
        choice = keyval - GDK_KEY_KP_1;
      if (choice != G_MAXUINT)
        return derm_quiz_panel_answer_choice (self->quiz_panel, choice) ? GDK_EVENT_STOP
                                                                        : GDK_EVENT_PROPAGATE;
    }

  switch (keyval)
    {
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      /* arrows and Space keep their usual jobs outside presentation */
      if (!self->presentation && keyval != GDK_KEY_Page_Down && keyval != GDK_KEY_KP_Page_Down)
        return GDK_EVENT_PROPAGATE;
      if (quiz)
        return derm_quiz_panel_next (self->quiz_panel) || self->presentation ? GDK_EVENT_STOP
                                                                             : GDK_EVENT_PROPAGATE;
      if (!self->presentation)
        return GDK_EVENT_PROPAGATE;
      _derm_window_set_blank (self, FALSE);
      _derm_window_present_root (self, self->presentation_step + 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (!self->presentation && keyval != GDK_KEY_Page_Up && keyval != GDK_KEY_KP_Page_Up)
        return GDK_EVENT_PROPAGATE;
      if (quiz)
        return derm_quiz_panel_previous (self->quiz_panel) || self->presentation ? GDK_EVENT_STOP
                                                                                 : GDK_EVENT_PROPAGATE;
      if (!self->presentation)
        return GDK_EVENT_PROPAGATE;
      _derm_window_set_blank (self, FALSE);
      _derm_window_present_root (self, self->presentation_step - 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_b:
    case GDK_KEY_B:
    case GDK_KEY_period:
      if (!self->presentation)
        return GDK_EVENT_PROPAGATE;
      _derm_window_set_blank (self, !gtk_widget_get_visible (self->blank_cover));
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      if (self->presentation)
        {
          derm_window_set_presentation (self, FALSE);
          return GDK_EVENT_STOP;
        }
      if (quiz && !gtk_search_bar_get_search_mode (self->search_bar))
        {
          _derm_window_end_quiz (self);
          return GDK_EVENT_STOP;
        }
      return GDK_EVENT_PROPAGATE;

    case GDK_KEY_n:
    case GDK_KEY_N:
      action = "win.nerves";
      break;
    case GDK_KEY_k:
    case GDK_KEY_K:
      action = "win.key-points";
      break;
    case GDK_KEY_h:
    case GDK_KEY_H:
      action = "win.labels";
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  /* overlays and labels would give a quiz question away */
  if (quiz && phase == DERM_QUIZ_PHASE_ASKING)
    return GDK_EVENT_STOP;

  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);

  return GDK_EVENT_STOP;
}

void
_derm_window_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback_full (widget_class, "zoom_changed_cb",
                                                G_CALLBACK (_derm_window_zoom_changed_cb));

  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.view", "s", "anterior");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.view", "s", "posterior");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.view", "s", "both");
  /* the view bar at the bottom: a narrow window shows one view */
  gtk_widget_class_install_property_action (widget_class, "win.shown-view", "shown-view");

  gtk_widget_class_install_property_action (widget_class, "win.map", "map-id");
  gtk_widget_class_install_action (widget_class, "win.next-map", NULL, next_map_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.next-map", NULL);
  gtk_widget_class_install_action (widget_class, "win.about-map", NULL, reference_page_action);
  gtk_widget_class_install_action (widget_class, "win.sources", NULL, reference_page_action);

  /* their keys, N, K and H, in window_key_pressed_cb */
  gtk_widget_class_install_property_action (widget_class, "win.nerves", "nerves");
  gtk_widget_class_install_property_action (widget_class, "win.key-points", "key-points");
  gtk_widget_class_install_property_action (widget_class, "win.labels", "labels");



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

void
_derm_window_actions_init (DermWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (window_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
