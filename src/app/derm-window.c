/* derm-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>

#include "derm-settings.h"
#include "derm-accessible.h"
#include "derm-layout.h"
#include "derm-quiz-dialog.h"
#include "derm-quiz-panel.h"
#include "derm-reference-pages.h"
#include "derm-root-style.h"
#include "derm-window.h"
#include "derm-window-print.h"

#define MAX_RESULTS 60
/* presentation: how long the key hint shows, and the side panel's width */
#define PRESENTATION_HINT_SECONDS 6
#define PRESENTATION_PANEL_WIDTH  600
#define PANEL_WIDTH               380
/* the panel's least width beside the map, and the least map beside it; folded
 * over the map, the panel is narrower and the map wider by as much, so the
 * fold happens at the same window width either way (661 px) and a 360 px
 * window keeps a strip of map to click */
#define PANEL_MIN_WIDTH           340
#define MAP_MIN_WIDTH             320
#define FOLDED_PANEL_WIDTH        300

struct _DermWindow
{
  AdwApplicationWindow  parent_instance;

  AdwFlap              *flap;
  GtkWidget            *header_bar;
  AdwClamp             *sidebar_clamp;
  DermQuizPanel        *quiz_panel;  /* NULL until the first quiz */
  GtkRevealer          *presentation_hint;
  GtkLabel             *presentation_hint_label;
  GtkLabel             *quiz_banner;
  GtkWidget            *zoom_box;
  GtkWidget            *root_list_scroller;
  GtkWidget            *blank_cover;
  GtkSearchBar         *search_bar;
  GtkWidget            *search_button;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  GtkListBox           *results_list;
  DermMapView          *map_view;
  DermRootList         *root_list;
  DermInfoPanel        *info_panel;
  GtkWidget            *zoom_out_button;
  GtkWidget            *zoom_reset_button;
  GtkMenuButton        *map_button;
  GtkMenuButton        *primary_button;
  GMenuModel           *primary_menu;
  GMenuModel           *map_menu;
  /* narrow windows */
  GtkMenuButton        *map_button_narrow;
  GtkMenuButton        *primary_button_narrow;
  GtkLabel             *map_label_narrow;
  GtkWidget            *compact_header;
  GtkWidget            *sidebar;
  GtkWidget            *map_overlay;
  GtkActionBar         *view_bar;

  DermAtlas            *atlas;
  char                 *view;
  char                 *map_id;     /* NULL until the atlas picks its default */
  gboolean              nerves;
  gboolean              key_points;
  gboolean              labels;
  GSettings            *settings;

  /* presentation mode */
  gboolean              presentation;
  gboolean              presentation_fullscreened;  /* we made it fullscreen */
  gboolean              presentation_flap;          /* the panel before */
  int                   presentation_step;          /* root index, -1: all roots */
  guint                 hint_timeout_id;

  /* quiz mode: the quiz panel replaces the side panel */
  gboolean              quiz_presentation;          /* a class quiz started presentation */
};

G_DEFINE_FINAL_TYPE (DermWindow, derm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_ATLAS,
  PROP_VIEW,
  PROP_MAP_ID,
  PROP_NERVES,
  PROP_KEY_POINTS,
  PROP_LABELS,
  PROP_PRESENTATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static const char *
map_id (DermWindow *self)
{
  const DermMap *map;

  if (self->map_id != NULL)
    return self->map_id;

  map = self->atlas != NULL ? derm_atlas_get_default_map (self->atlas) : NULL;

  return map != NULL ? map->id : NULL;
}

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

static void
set_menu_lazily (DermWindow    *self,
                 GtkMenuButton *button)
{
  /* an open menu changes at once, one not yet made waits for its first use */
  if (gtk_menu_button_get_menu_model (button) != NULL)
    create_menu_popup (button, self);
  else
    gtk_menu_button_set_create_popup_func (button, create_menu_popup, self, NULL);
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

  g_set_object (&self->map_menu, G_MENU_MODEL (menu));
  set_menu_lazily (self, self->map_button);
  set_menu_lazily (self, self->map_button_narrow);
}

static void
update_map_button (DermWindow *self)
{
  const DermMap *map = self->atlas != NULL ? derm_atlas_get_map (self->atlas, map_id (self)) : NULL;
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
      roots_text = map != NULL ? derm_map_dup_roots_text (map, hit->region) : g_strdup (_("varies"));
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

static DermQuizPhase
quiz_phase (DermWindow *self)
{
  return self->quiz_panel != NULL ? derm_quiz_panel_get_phase (self->quiz_panel)
                                  : DERM_QUIZ_PHASE_NONE;
}

static gboolean
quiz_active (DermWindow *self)
{
  return quiz_phase (self) != DERM_QUIZ_PHASE_NONE;
}

static void
point_activated_cb (DermWindow  *self,
                    int          view,
                    double       x,
                    double       y,
                    DermMapView *map_view)
{
  if (quiz_active (self))
    derm_quiz_panel_answer_point (self->quiz_panel, view, x, y);
}

/* Narrow windows: the compact header bar has no view switcher, so it is
 * in a bar at the bottom (none in presentation mode, which has no header
 * bar either). */
static void
header_changed_cb (DermWindow  *self,
                   GParamSpec  *pspec,
                   AdwSqueezer *header_bar)
{
  gboolean compact = adw_squeezer_get_visible_child (header_bar) == self->compact_header;

  gtk_action_bar_set_revealed (self->view_bar, compact && !self->presentation);
}

static void sync_quiz_map (DermWindow *self);

static void
folded_cb (DermWindow *self,
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

  /* a quiz moves its question between the map and the panel; without one,
   * leave the selection alone */
  if (self->atlas != NULL && quiz_active (self))
    sync_quiz_map (self);
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
  if (quiz_active (self))
    return;

  derm_info_panel_show_region (self->info_panel, region);
  show_folded_panel (self);
}

static void
key_point_activated_cb (DermWindow  *self,
                        gpointer     key_point,
                        DermMapView *map_view)
{
  if (quiz_active (self))
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

/* presentation and quiz */

static gboolean
hide_presentation_hint_cb (gpointer user_data)
{
  DermWindow *self = user_data;

  self->hint_timeout_id = 0;
  gtk_revealer_set_reveal_child (self->presentation_hint, FALSE);

  return G_SOURCE_REMOVE;
}

static void
set_blank (DermWindow *self,
           gboolean    blank)
{
  gtk_widget_set_visible (self->blank_cover, blank);
}

/* Presentation: step to a root (index in T12..S4-5), or -1 for all roots. */
static void
present_root (DermWindow *self,
              int         step)
{
  GPtrArray *roots = derm_atlas_get_roots (self->atlas);
  const DermRoot *root;

  step = CLAMP (step, -1, (int) roots->len - 1);
  self->presentation_step = step;
  root = step >= 0 ? g_ptr_array_index (roots, step) : NULL;
  derm_window_select_root (self, root != NULL ? root->id : NULL);
}

static void
update_map_actions (DermWindow *self)
{
  /* a quiz keeps its map and its panel: no map switching, no search (and
   * no type-to-search, so a stray key does not hide the question) */
  gboolean free_map = !quiz_active (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.map", free_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-map", free_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", free_map);
  gtk_search_bar_set_key_capture_widget (self->search_bar, free_map ? GTK_WIDGET (self) : NULL);
  gtk_widget_set_sensitive (self->search_button, free_map);
}

/* The legs show what the quiz asks, then the answer. */
static void
sync_quiz_map (DermWindow *self)
{
  DermQuizPhase phase = quiz_phase (self);
  const DermQuizQuestion *question = self->quiz_panel != NULL ?
                                     derm_quiz_panel_get_question (self->quiz_panel) : NULL;
  DermMapView *map_view = self->map_view;
  gboolean folded = adw_flap_get_folded (self->flap);

  update_map_actions (self);

  /* a narrow window: the folded panel would cover the legs a click question
   * needs, so the question goes over the map and the panel comes back for
   * choices and for the answer */
  gtk_widget_set_visible (GTK_WIDGET (self->quiz_banner), FALSE);
  if (folded && phase != DERM_QUIZ_PHASE_NONE)
    {
      gboolean click = phase == DERM_QUIZ_PHASE_ASKING && question != NULL &&
                       derm_quiz_kind_is_click (question->kind);

      if (click)
        {
          gtk_label_set_label (self->quiz_banner, question->prompt);
          gtk_widget_set_visible (GTK_WIDGET (self->quiz_banner), TRUE);
        }
      adw_flap_set_reveal_flap (self->flap, !click);
    }

  if (phase == DERM_QUIZ_PHASE_NONE || phase == DERM_QUIZ_PHASE_FINISHED || question == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.nerves", TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.key-points", TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.labels", TRUE);
      derm_map_view_set_marker (map_view, NULL, NULL);
      derm_map_view_set_reveal_roots (map_view, TRUE);
      derm_map_view_set_labels (map_view, self->labels);
      derm_map_view_set_nerves (map_view, self->nerves);
      derm_map_view_set_key_points (map_view, self->key_points);
      derm_map_view_set_selected_root (map_view, NULL);
      derm_map_view_set_selected_region (map_view, NULL);
      return;
    }

  /* the area asked about must be in view */
  if (question->region != NULL)
    {
      double x, y;

      if (!derm_layout_view_origin (derm_map_view_get_layout (map_view), question->region->view, &x, &y))
        derm_window_set_view (self, "both");
    }

  /* while a question waits, overlays and labels would give it away */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.nerves", phase != DERM_QUIZ_PHASE_ASKING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.key-points", phase != DERM_QUIZ_PHASE_ASKING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.labels", phase != DERM_QUIZ_PHASE_ASKING);

  if (phase == DERM_QUIZ_PHASE_ASKING)
    {
      /* nothing on the legs gives the answer away */
      derm_map_view_set_reveal_roots (map_view, FALSE);
      derm_map_view_set_labels (map_view, FALSE);
      derm_map_view_set_nerves (map_view, FALSE);
      derm_map_view_set_key_points (map_view, FALSE);
      derm_map_view_set_selected_root (map_view, NULL);
      derm_map_view_set_selected_region (map_view, NULL);
      derm_map_view_set_marker (map_view,
                                question->kind == DERM_QUIZ_NAME_ROOT ? question->region : NULL,
                                NULL);
      return;
    }

  /* revealed: the right root stands out, labelled; the point or area ringed */
  derm_map_view_set_reveal_roots (map_view, TRUE);
  derm_map_view_set_labels (map_view, TRUE);
  derm_map_view_set_selected_root (map_view,
                                   question->accept_roots != NULL ? question->accept_roots[0] : NULL);
  derm_map_view_set_nerves (map_view, g_str_has_prefix (question->answer_id, "nerve:"));
  derm_map_view_set_key_points (map_view, question->kind == DERM_QUIZ_KEY_POINT);
  derm_map_view_set_marker (map_view,
                            question->kind == DERM_QUIZ_NAME_ROOT ? question->region : NULL,
                            question->kind == DERM_QUIZ_KEY_POINT ? question->key_point : NULL);
}

static void
quiz_changed_cb (DermWindow    *self,
                 DermQuizPanel *panel)
{
  sync_quiz_map (self);
}

static void
end_quiz (DermWindow *self)
{
  if (!quiz_active (self))
    return;

  derm_quiz_panel_clear (self->quiz_panel);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "browse");
  sync_quiz_map (self);
  if (self->quiz_presentation)
    {
      self->quiz_presentation = FALSE;
      derm_window_set_presentation (self, FALSE);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->map_view));
}

static void
quiz_stop_cb (DermWindow    *self,
              DermQuizPanel *panel)
{
  end_quiz (self);
}

static void
quiz_restart_cb (DermWindow    *self,
                 DermQuizPanel *panel)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.quiz", NULL);
}

/* The quiz panel is made for the first quiz, not with the window. */
static DermQuizPanel *
ensure_quiz_panel (DermWindow *self)
{
  if (self->quiz_panel == NULL)
    {
      self->quiz_panel = DERM_QUIZ_PANEL (derm_quiz_panel_new ());
      g_signal_connect_object (self->quiz_panel, "changed",
                               G_CALLBACK (quiz_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->quiz_panel, "stop",
                               G_CALLBACK (quiz_stop_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->quiz_panel, "restart",
                               G_CALLBACK (quiz_restart_cb), self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->sidebar_stack, GTK_WIDGET (self->quiz_panel), "quiz");
    }
  return self->quiz_panel;
}

static void
show_toast (DermWindow *self,
            const char *title)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (self));

  if (ADW_IS_TOAST_OVERLAY (content))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (content), adw_toast_new (title));
}

static void
quiz_dialog_start_cb (DermWindow     *self,
                      DermQuizDialog *dialog)
{
  DermQuizOptions options;

  derm_quiz_options_init (&options);
  derm_quiz_dialog_get_options (dialog, &options);
  options.seed = ((guint64) g_random_int () << 32) | g_random_int ();

  derm_window_start_quiz (self, &options,
                          derm_quiz_dialog_get_class_mode (dialog),
                          derm_quiz_dialog_get_timer_seconds (dialog));
}

static void
quiz_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DermWindow *self = DERM_WINDOW (widget);
  DermQuizDialog *dialog;

  if (self->atlas == NULL)
    return;

  dialog = derm_quiz_dialog_new (GTK_WINDOW (self), self->atlas, map_id (self));
  derm_quiz_dialog_set_class_mode (dialog, self->presentation);
  g_signal_connect_object (dialog, "start", G_CALLBACK (quiz_dialog_start_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
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
  gboolean quiz = quiz_active (self);
  DermQuizPhase phase = quiz_phase (self);
  const char *action = NULL;

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
      set_blank (self, FALSE);
      present_root (self, self->presentation_step + 1);
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
      set_blank (self, FALSE);
      present_root (self, self->presentation_step - 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_b:
    case GDK_KEY_B:
    case GDK_KEY_period:
      if (!self->presentation)
        return GDK_EVENT_PROPAGATE;
      set_blank (self, !gtk_widget_get_visible (self->blank_cover));
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      if (self->presentation)
        {
          derm_window_set_presentation (self, FALSE);
          return GDK_EVENT_STOP;
        }
      if (quiz && !gtk_search_bar_get_search_mode (self->search_bar))
        {
          end_quiz (self);
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
  update_root_style (self);

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
  gtk_widget_class_bind_template_callback (widget_class, folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, header_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, point_activated_cb);
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

  /* their keys, N, K and H, in window_key_pressed_cb */
  gtk_widget_class_install_property_action (widget_class, "win.nerves", "nerves");
  gtk_widget_class_install_property_action (widget_class, "win.key-points", "key-points");
  gtk_widget_class_install_property_action (widget_class, "win.labels", "labels");

  gtk_widget_class_install_property_action (widget_class, "win.presentation", "presentation");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.presentation", NULL);
  gtk_widget_class_install_action (widget_class, "win.quiz", NULL, quiz_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_q, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.quiz", NULL);

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
  self->labels = TRUE;
  self->presentation_step = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* added before the search bar's key capture, so it sees N, K and H first */
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (window_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }

  derm_accessible_fix_mnemonic_names (GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  set_menu_lazily (self, self->primary_button);
  set_menu_lazily (self, self->primary_button_narrow);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  zoom_changed_cb (self, NULL, self->map_view);

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

gboolean
derm_window_get_presentation (DermWindow *self)
{
  g_return_val_if_fail (DERM_IS_WINDOW (self), FALSE);

  return self->presentation;
}

/**
 * derm_window_set_presentation:
 *
 * Presentation mode, for a projector: full screen, no header bar, large
 * labels and panel text, the idle pointer hidden; the clicker's keys step
 * through the roots.
 */
void
derm_window_set_presentation (DermWindow *self,
                              gboolean    presentation)
{
  g_return_if_fail (DERM_IS_WINDOW (self));

  presentation = !!presentation;
  if (self->presentation == presentation)
    return;

  self->presentation = presentation;
  g_clear_handle_id (&self->hint_timeout_id, g_source_remove);

  if (presentation)
    {
      self->presentation_flap = adw_flap_get_reveal_flap (self->flap);
      self->presentation_fullscreened = !gtk_window_is_fullscreen (GTK_WINDOW (self));
      self->presentation_step = -1;
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
      gtk_widget_set_visible (self->header_bar, FALSE);
      /* the card gets the panel's height; the map's labels name the roots */
      gtk_widget_set_visible (self->root_list_scroller, FALSE);
      gtk_widget_set_visible (self->zoom_box, FALSE);
      adw_clamp_set_maximum_size (self->sidebar_clamp, PRESENTATION_PANEL_WIDTH);
      adw_clamp_set_tightening_threshold (self->sidebar_clamp, PRESENTATION_PANEL_WIDTH);
      adw_flap_set_reveal_flap (self->flap, TRUE);
      derm_map_view_set_presentation (self->map_view, TRUE);
      derm_info_panel_set_large_print (self->info_panel, TRUE);
      if (self->presentation_fullscreened)
        gtk_window_fullscreen (GTK_WINDOW (self));
      gtk_label_set_label (self->presentation_hint_label,
                           quiz_active (self) ?
                           _("Page Down: answer, then next question · Page Up: back · Esc: leave") :
                           _("Page Down: next root · Page Up: back · H: labels · B: blank · Esc: leave"));
      gtk_revealer_set_reveal_child (self->presentation_hint, TRUE);
      self->hint_timeout_id = g_timeout_add_seconds (PRESENTATION_HINT_SECONDS,
                                                     hide_presentation_hint_cb, self);
      gtk_widget_grab_focus (GTK_WIDGET (self->map_view));
    }
  else
    {
      set_blank (self, FALSE);
      gtk_revealer_set_reveal_child (self->presentation_hint, FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");
      gtk_widget_set_visible (self->header_bar, TRUE);
      gtk_widget_set_visible (self->root_list_scroller, TRUE);
      gtk_widget_set_visible (self->zoom_box, TRUE);
      adw_clamp_set_maximum_size (self->sidebar_clamp, PANEL_WIDTH);
      adw_clamp_set_tightening_threshold (self->sidebar_clamp, PANEL_WIDTH);
      adw_flap_set_reveal_flap (self->flap, self->presentation_flap);
      derm_map_view_set_presentation (self->map_view, FALSE);
      derm_info_panel_set_large_print (self->info_panel, FALSE);
      if (self->presentation_fullscreened)
        gtk_window_unfullscreen (GTK_WINDOW (self));
      self->presentation_fullscreened = FALSE;
      if (!quiz_active (self) && self->presentation_step >= 0)
        derm_window_select_root (self, NULL);
      self->presentation_step = -1;
      /* a class quiz goes on in the window */
      self->quiz_presentation = FALSE;
    }

  header_changed_cb (self, NULL, ADW_SQUEEZER (self->header_bar));
  folded_cb (self, NULL, self->flap);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION]);
}

gboolean
derm_window_get_presentation_blank (DermWindow *self)
{
  g_return_val_if_fail (DERM_IS_WINDOW (self), FALSE);

  return gtk_widget_get_visible (self->blank_cover);
}

/**
 * derm_window_start_quiz:
 * @options: the quiz's kinds, count, seed and map
 * @class_mode: for a class: presentation mode, no score
 * @timer_seconds: per question, 0 for none
 *
 * Returns: FALSE (and says why in a toast) if the quiz cannot be made.
 */
gboolean
derm_window_start_quiz (DermWindow            *self,
                        const DermQuizOptions *options,
                        gboolean               class_mode,
                        guint                  timer_seconds)
{
  g_autoptr (DermQuiz) quiz = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (DERM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (self->atlas == NULL)
    return FALSE;

  quiz = derm_quiz_new (self->atlas, options, &error);
  if (quiz == NULL)
    {
      g_autofree char *title = g_strdup_printf (_("No quiz: %s"), error->message);

      show_toast (self, title);
      return FALSE;
    }

  end_quiz (self);
  derm_window_set_map_id (self, derm_quiz_get_map (quiz)->id);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  derm_root_list_set_selected_root (self->root_list, NULL);
  ensure_quiz_panel (self);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "quiz");
  adw_flap_set_reveal_flap (self->flap, TRUE);
  derm_quiz_panel_start (self->quiz_panel, quiz, class_mode, timer_seconds);
  if (class_mode && !self->presentation)
    {
      derm_window_set_presentation (self, TRUE);
      self->quiz_presentation = TRUE;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->map_view));

  return TRUE;
}

DermQuizPanel *
derm_window_get_quiz_panel (DermWindow *self)
{
  g_return_val_if_fail (DERM_IS_WINDOW (self), NULL);

  return ensure_quiz_panel (self);
}
