/* test-narrow.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small and large windows, resized through the X server as a window manager
 * would: at 360x640 the side panel folds over the map (a strip of map stays
 * to close it), the compact header bar fits with nothing cut off and the
 * view switcher sits at the bottom; back at 1100x750 everything is beside
 * the map again; at 3840x2160 the map fills the window. Skips (exit 77)
 * when no display opens.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "derm-application.h"
#include "derm-reference-pages.h"
#include "derm-text.h"
#include "display-util.h"
#include "derm-window.h"

static DermWindow *window;
static guint fold_changes;

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwFlap *
flap (void)
{
  return ADW_FLAP (find_type (GTK_WIDGET (window), ADW_TYPE_FLAP));
}

/* The header bar the window shows: the squeezer's visible child. */
static GtkWidget *
shown_header (void)
{
  GtkWidget *squeezer = find_type (GTK_WIDGET (window), ADW_TYPE_SQUEEZER);

  g_assert_nonnull (squeezer);
  return adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer));
}

static GtkWidget *
view_bar (void)
{
  return find_type (GTK_WIDGET (window), GTK_TYPE_ACTION_BAR);
}

typedef struct { int width, height; } Size;

static gboolean
window_size_is (gpointer data)
{
  Size *size = data;

  return gtk_widget_get_mapped (GTK_WIDGET (window)) &&
         gtk_widget_get_width (GTK_WIDGET (window)) == size->width &&
         gtk_widget_get_height (GTK_WIDGET (window)) == size->height;
}

/* Resize the window's X window so that the window itself (inside the
 * margins of its client-side decorations) is width x height. */
static void
resize (int width,
        int height)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  int margin_x = gdk_surface_get_width (surface) - gtk_widget_get_width (GTK_WIDGET (window));
  int margin_y = gdk_surface_get_height (surface) - gtk_widget_get_height (GTK_WIDGET (window));
  g_autofree char *win = display_xid (GTK_WINDOW (window));
  g_autofree char *w = g_strdup_printf ("%d", width + margin_x);
  g_autofree char *h = g_strdup_printf ("%d", height + margin_y);
  Size size = { width, height };

  xdotool ("windowsize", win, w, h, NULL);
  CHECK (wait_until (window_size_is, &size, 5000), "the window is %dx%d (is %dx%d)", width, height,
         gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)));
  /* the flap's fold animation, the squeezer's switch */
  settle (600);
}

static void
click_at (GtkWidget *widget,
          double     x,
          double     y)
{
  graphene_point_t in = GRAPHENE_POINT_INIT (x, y), out;
  g_autofree char *win = display_xid (GTK_WINDOW (window));
  g_autofree char *sx = NULL, *sy = NULL;
  double tx, ty;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (window), &in, &out));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &tx, &ty);
  sx = g_strdup_printf ("%d", (int) (out.x + tx));
  sy = g_strdup_printf ("%d", (int) (out.y + ty));
  xdotool ("mousemove", "--window", win, sx, sy, NULL);
  settle (100);
  xdotool ("click", "1", NULL);
}

/* Every shown button and label under widget lies inside the window and has
 * at least the width it asks for, so nothing is cut off. Counts the buttons
 * and says what is wrong in problems. */
static void
check_inside (GtkWidget *widget,
              GString   *problems,
              guint     *n_buttons)
{
  graphene_rect_t bounds;
  int min_width;

  /* what scrolls may lie beyond the window */
  if (!gtk_widget_get_mapped (widget) || GTK_IS_SCROLLED_WINDOW (widget))
    return;

  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_LABEL (widget))
    {
      int window_width = gtk_widget_get_width (GTK_WIDGET (window));
      int window_height = gtk_widget_get_height (GTK_WIDGET (window));

      g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));
      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      if (bounds.origin.x < 0 || bounds.origin.x + bounds.size.width > window_width ||
          bounds.origin.y < 0 || bounds.origin.y + bounds.size.height > window_height)
        g_string_append_printf (problems, " a %s “%s” at x %g..%g, y %g..%g is outside;",
                                G_OBJECT_TYPE_NAME (widget),
                                GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) :
                                GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL ?
                                gtk_button_get_label (GTK_BUTTON (widget)) : "",
                                bounds.origin.x,
                                bounds.origin.x + bounds.size.width,
                                bounds.origin.y, bounds.origin.y + bounds.size.height);
      if (bounds.size.width < min_width)
        g_string_append_printf (problems, " a %s has %g px of the %d it needs;",
                                G_OBJECT_TYPE_NAME (widget), bounds.size.width, min_width);
      if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
        (*n_buttons)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_inside (child, problems, n_buttons);
}

static void
check_all_inside (GtkWidget  *widget,
                  const char *what,
                  guint       min_buttons)
{
  g_autoptr (GString) problems = g_string_new (NULL);
  guint n_buttons = 0;

  check_inside (widget, problems, &n_buttons);
  CHECK (problems->len == 0, "%s: every button and label is inside the window and whole%s",
         what, problems->str);
  CHECK (n_buttons >= min_buttons, "%s: %u buttons shown (at least %u)", what, n_buttons, min_buttons);
}

static GtkWidget *
find_icon_button (GtkWidget  *widget,
                  const char *icon)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_icon_button (child, icon);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label_button (GtkWidget  *widget,
                   const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
layout_is (gpointer data)
{
  return derm_map_view_get_layout (derm_window_get_map_view (window)) == (DermLayout) GPOINTER_TO_INT (data);
}

static gboolean
flap_revealed_is (gpointer data)
{
  return adw_flap_get_reveal_flap (flap ()) == GPOINTER_TO_INT (data) &&
         adw_flap_get_reveal_progress (flap ()) == (GPOINTER_TO_INT (data) ? 1.0 : 0.0);
}

static gboolean
panel_title_is (gpointer data)
{
  return g_strcmp0 (derm_info_panel_get_title (derm_window_get_info_panel (window)), data) == 0;
}

static void
test_narrow (void)
{
  DermMapView *view = derm_window_get_map_view (window);
  GtkWidget *header, *panel, *toggle;
  graphene_rect_t bounds;
  double x, y;

  resize (360, 640);
  CHECK (adw_flap_get_folded (flap ()), "at 360 px the side panel is folded");
  CHECK (!adw_flap_get_reveal_flap (flap ()), "folded, the panel starts hidden");
  CHECK (gtk_widget_get_width (GTK_WIDGET (view)) >= 300, "the map is %d px wide (>= 300)",
         gtk_widget_get_width (GTK_WIDGET (view)));

  header = shown_header ();
  CHECK (header != NULL && g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (header)), "compact_header") == 0,
         "the compact header bar shows");
  /* search, map, side panel, menu, and the window's own */
  check_all_inside (header, "compact header bar", 5);
  CHECK (gtk_action_bar_get_revealed (GTK_ACTION_BAR (view_bar ())), "the view switcher is at the bottom");
  check_all_inside (view_bar (), "view bar (Anterior, Posterior)", 2);

  /* one view at a time, not both at a quarter of the width; the choice
   * of both stays for a wide window */
  CHECK (g_strcmp0 (derm_window_get_view (window), "both") == 0, "the window's view is still both");
  CHECK (derm_map_view_get_layout (view) != DERM_LAYOUT_BOTH,
         "at 360 px the map shows one view (layout %d)", derm_map_view_get_layout (view));
  {
    const DermRegion *medial = derm_atlas_get_region (derm_window_get_atlas (window), "medial-malleolus-left");
    const DermRegion *lateral = derm_atlas_get_region (derm_window_get_atlas (window), "lateral-malleolus-left");
    double x1, y1, x2, y2;

    if (derm_map_view_region_to_widget (view, medial, &x1, &y1) &&
        derm_map_view_region_to_widget (view, lateral, &x2, &y2))
      CHECK (fabs (x2 - x1) >= 20, "the leg is drawn large enough to click: the malleoli %.0f px apart",
             fabs (x2 - x1));
  }
  {
    GtkWidget *posterior = find_label_button (view_bar (), "_Posterior");

    g_assert_nonnull (posterior);
    click_at (posterior, gtk_widget_get_width (posterior) / 2.0, gtk_widget_get_height (posterior) / 2.0);
    CHECK (wait_until (layout_is, GINT_TO_POINTER (DERM_LAYOUT_POSTERIOR), 3000),
           "the view bar's Posterior shows the posterior view");
    CHECK (g_strcmp0 (derm_window_get_view (window), "both") == 0, "and keeps both for a wide window");
    CHECK (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (posterior)), "Posterior shows as chosen");
  }
  /* a region of the other view, found by search: that view comes */
  derm_window_select_region (window, derm_atlas_get_region (derm_window_get_atlas (window), "patella-right"));
  CHECK (derm_map_view_get_layout (view) == DERM_LAYOUT_ANTERIOR,
         "a region of the anterior view brings the anterior view");
  derm_window_select_region (window, NULL);

  /* the side panel toggle opens the panel over the map; a strip of map stays */
  toggle = find_icon_button (header, "sidebar-show-right-symbolic");
  g_assert_nonnull (toggle);
  click_at (toggle, gtk_widget_get_width (toggle) / 2.0, gtk_widget_get_height (toggle) / 2.0);
  CHECK (wait_until (flap_revealed_is, GINT_TO_POINTER (TRUE), 3000), "the side panel button opens the panel");
  panel = adw_flap_get_flap (flap ());
  g_assert_true (gtk_widget_compute_bounds (panel, GTK_WIDGET (window), &bounds));
  CHECK (bounds.origin.x >= 48 && bounds.origin.x + bounds.size.width <= gtk_widget_get_width (GTK_WIDGET (window)),
         "the panel lies over the map with a strip of %g px of map beside it", bounds.origin.x);
  check_all_inside (panel, "folded side panel", 0);

  /* a click on the strip of map closes it */
  click_at (GTK_WIDGET (window), bounds.origin.x / 2, 320);
  CHECK (wait_until (flap_revealed_is, GINT_TO_POINTER (FALSE), 3000), "a click on the map closes the panel");
  CHECK (derm_map_view_get_selected_region (view) == NULL, "that click does not select a region");

  /* a region's card brings the panel out */
  derm_window_set_view (window, "anterior");
  settle (300);
  {
    const DermRegion *region = derm_atlas_get_region (derm_window_get_atlas (window), "medial-malleolus-left");

    g_assert_true (derm_map_view_region_to_widget (view, region, &x, &y));
    click_at (GTK_WIDGET (view), x, y);
  }
  CHECK (wait_until (panel_title_is, (gpointer) "Left medial malleolus", 3000) &&
         wait_until (flap_revealed_is, GINT_TO_POINTER (TRUE), 3000),
         "a click on a region opens the panel with its card");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "both");
}

static GtkWidget *
find_class (GtkWidget  *widget,
            const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A quiz in a narrow window: a click question goes over the map with the
 * panel closed; the answer brings the panel back. */
static void
test_narrow_quiz (void)
{
  DermQuizPanel *panel = derm_window_get_quiz_panel (window);
  DermMapView *view = derm_window_get_map_view (window);
  GtkWidget *banner = find_class (GTK_WIDGET (window), "quiz-banner");
  const DermQuizQuestion *question;
  DermQuizOptions options;
  double x, y;

  g_assert_nonnull (banner);
  derm_quiz_options_init (&options);
  options.kinds = 1u << DERM_QUIZ_FIND_ROOT;
  options.count = 2;
  options.seed = 2;
  CHECK (derm_window_start_quiz (window, &options, FALSE, 0), "a quiz starts in a narrow window");
  settle (400);
  question = derm_quiz_panel_get_question (panel);
  CHECK (gtk_widget_get_visible (banner) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (banner)), question->prompt) == 0,
         "the click question shows over the map (%s)", gtk_label_get_label (GTK_LABEL (banner)));
  CHECK (!adw_flap_get_reveal_flap (flap ()), "the folded panel stays closed so the legs can be clicked");

  {
    DermAtlas *atlas = derm_window_get_atlas (window);
    const DermMap *map = derm_atlas_get_map (atlas, derm_window_get_map_id (window));
    GPtrArray *regions = derm_atlas_get_regions (atlas);

    for (guint i = 0; i < regions->len; i++)
      {
        const DermRegion *region = g_ptr_array_index (regions, i);

        if (derm_map_region_has_root (map, region, question->accept_roots[0]) &&
            derm_map_view_region_to_widget (view, region, &x, &y))
          break;
      }
  }
  click_at (GTK_WIDGET (view), x, y);
  CHECK (wait_until (flap_revealed_is, GINT_TO_POINTER (TRUE), 3000) && !gtk_widget_get_visible (banner),
         "the answer opens the panel with the feedback");
  CHECK (g_strcmp0 (derm_quiz_panel_get_result_text (panel), "Right") == 0,
         "the click was taken as the answer (%s)", derm_quiz_panel_get_result_text (panel));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "both");
  g_signal_emit_by_name (panel, "stop");
  settle (300);
}

static void
fold_changed_cb (void)
{
  fold_changes++;
}

/* Across the fold (661 px) the panel folds once and stays so. */
static void
test_fold_is_stable (void)
{
  static const int widths[] = { 720, 680, 662, 661, 660, 640, 600, 660, 661, 662, 700 };
  DermMapView *view = derm_window_get_map_view (window);
  const DermRegion *region = derm_atlas_get_region (derm_window_get_atlas (window), "patella-right");

  g_assert_nonnull (region);
  derm_window_select_region (window, region);
  g_signal_connect (flap (), "notify::folded", G_CALLBACK (fold_changed_cb), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      gboolean folded;

      resize (widths[i], 640);
      folded = adw_flap_get_folded (flap ());
      fold_changes = 0;
      settle (400);
      CHECK (fold_changes == 0 && adw_flap_get_folded (flap ()) == folded,
             "at %d px the panel stays %s", widths[i], folded ? "folded" : "beside the map");
      CHECK (folded == (widths[i] < 661), "at %d px the panel is %s", widths[i],
             folded ? "folded" : "beside the map");
    }
  g_signal_handlers_disconnect_by_func (flap (), fold_changed_cb, NULL);
  CHECK (derm_map_view_get_selected_region (view) == region,
         "folding and unfolding keep the selected region");
}

static void
test_wide (void)
{
  GtkWidget *header;

  resize (1100, 750);
  CHECK (!adw_flap_get_folded (flap ()), "at 1100 px the panel is beside the map");
  CHECK (adw_flap_get_reveal_flap (flap ()), "and shown");
  header = shown_header ();
  CHECK (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (header)), "wide_header") == 0,
         "the full header bar shows");
  check_all_inside (header, "full header bar", 12);
  CHECK (!gtk_action_bar_get_revealed (GTK_ACTION_BAR (view_bar ())), "no view bar at the bottom");
  CHECK (derm_map_view_get_layout (derm_window_get_map_view (window)) == DERM_LAYOUT_BOTH,
         "wide again, both views side by side");
}

/* GTK keeps a window within its monitor: 4K needs a 4K screen (build-aux/dev
 * test gives one); on a smaller one the largest window it allows. */
static void
test_large (void)
{
  DermMapView *view = derm_window_get_map_view (window);
  GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (window)),
                                                            gtk_native_get_surface (GTK_NATIVE (window)));
  GdkRectangle area;
  int width, height;

  gdk_monitor_get_geometry (monitor, &area);
  width = MIN (3840, area.width - 20);
  height = MIN (2160, area.height - 20);
  if (width < 3840)
    g_print ("the screen is %dx%d: %dx%d instead of 4K\n", area.width, area.height, width, height);

  resize (width, height);
  CHECK (gtk_widget_get_width (GTK_WIDGET (view)) > width - 420,
         "at %dx%d the map is %d px wide", width, height, gtk_widget_get_width (GTK_WIDGET (view)));
  CHECK (!gtk_action_bar_get_revealed (GTK_ACTION_BAR (view_bar ())), "no view bar at the bottom");
  derm_map_view_zoom_in (view);
  derm_map_view_zoom_in (view);
  settle (500);
  CHECK (derm_map_view_get_zoom (view) > 1.5, "it zooms in (zoom %g)", derm_map_view_get_zoom (view));
  derm_map_view_set_zoom (view, 1.0);
}

/* Every card, the quiz panel and the root list, with the panel open:
 * no wrapped label cuts a word ("Unterschenk-el"), in normal and in large
 * print (presentation). */
static void
check_words_whole (const char *size)
{
  DermAtlas *atlas = derm_window_get_atlas (window);
  DermInfoPanel *info = derm_window_get_info_panel (window);
  static const char * const regions[] = {
    "anterolateral-leg-upper-right", "posterolateral-thigh-left", "posteromedial-calf-right",
    "medial-thigh-mid-left", "perianal-outer-mid", "lateral-thigh-upper-left", "sole-lateral-right", NULL
  };
  static const char * const roots[] = { "L2", "L5", "S1", "S4-5", NULL };
  g_autoptr (GString) problems = g_string_new (NULL);
  guint n = 0;

  adw_flap_set_reveal_flap (flap (), TRUE);
  for (int large = 0; large < 2; large++)
    {
      derm_info_panel_set_large_print (info, large);
      for (guint i = 0; regions[i] != NULL; i++)
        {
          const DermRegion *region = derm_atlas_get_region (atlas, regions[i]);

          if (region == NULL)
            continue;
          derm_window_select_region (window, region);
          adw_flap_set_reveal_flap (flap (), TRUE);
          wait_for_layout (GTK_WIDGET (window));
          n += find_broken_words (GTK_WIDGET (window), problems);
        }
      for (guint i = 0; roots[i] != NULL; i++)
        {
          derm_window_select_root (window, roots[i]);
          adw_flap_set_reveal_flap (flap (), TRUE);
          wait_for_layout (GTK_WIDGET (window));
          n += find_broken_words (GTK_WIDGET (window), problems);
        }
    }
  derm_info_panel_set_large_print (info, FALSE);
  derm_window_select_root (window, NULL);

  {
    DermQuizOptions options;

    derm_quiz_options_init (&options);
    options.kinds = (1u << DERM_QUIZ_NAME_ROOT) | (1u << DERM_QUIZ_ROOT_OR_NERVE) | (1u << DERM_QUIZ_REFLEX);
    options.count = 3;
    options.seed = 4;
    if (derm_window_start_quiz (window, &options, FALSE, 0))
      {
        DermQuizPanel *panel = derm_window_get_quiz_panel (window);

        for (guint q = 0; q < 3; q++)
          {
            g_autofree char *asking = g_strdup_printf ("%s, question %u", size, q + 1);
            g_autofree char *answered = g_strdup_printf ("%s, answer %u", size, q + 1);

            adw_flap_set_reveal_flap (flap (), TRUE);
            settle (400);
            wait_for_layout (GTK_WIDGET (window));
            n += find_broken_words (GTK_WIDGET (window), problems);
            check_all_inside (adw_flap_get_flap (flap ()), asking, 1);
            derm_quiz_panel_answer_choice (panel, 0);
            adw_flap_set_reveal_flap (flap (), TRUE);
            settle (400);
            wait_for_layout (GTK_WIDGET (window));
            n += find_broken_words (GTK_WIDGET (window), problems);
            check_all_inside (adw_flap_get_flap (flap ()), answered, 1);
            derm_quiz_panel_next (panel);
          }
        g_signal_emit_by_name (panel, "stop");
        /* the side panel's crossfade back to the cards */
        settle (600);
      }
  }

  /* chart mode: the chart panel with its scores and ranking */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-chart", NULL);
  settle (300);
  if (derm_window_get_chart (window) != NULL)
    {
      adw_flap_set_reveal_flap (flap (), TRUE);
      settle (400);
      wait_for_layout (GTK_WIDGET (window));
      n += find_broken_words (GTK_WIDGET (window), problems);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.close-chart", NULL);
      settle (600);
    }
  CHECK (derm_window_get_chart (window) == NULL, "%s: a chart opened and closed", size);

  CHECK (n > 50 && problems->len == 0, "%s: no wrapped label cuts a word (%u labels)%s", size, n, problems->str);
}

/* Text drawn on the map wraps too: the nerves' names on their territory,
 * at the narrowest width the overlay gives them (72 units, 10 high). */
static void
check_drawn_words_whole (void)
{
  GPtrArray *nerves = derm_atlas_get_nerves (derm_window_get_atlas (window));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 4, 4);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (GString) problems = g_string_new (NULL);

  for (guint i = 0; i < nerves->len; i++)
    {
      const DermNerve *nerve = g_ptr_array_index (nerves, i);
      g_autoptr (PangoLayout) layout = derm_text_layout_new (cr, nerve->name, 10, TRUE, 72, PANGO_ALIGN_CENTER);
      const char *text = pango_layout_get_text (layout);
      const PangoLogAttr *attrs;
      int n_attrs;
      GSList *lines = pango_layout_get_lines_readonly (layout);

      attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
      for (GSList *l = lines != NULL ? lines->next : NULL; l != NULL; l = l->next)
        {
          PangoLayoutLine *line = l->data;
          int offset = (int) g_utf8_pointer_to_offset (text, text + line->start_index);

          if (offset > 0 && offset < n_attrs && !attrs[offset].is_line_break)
            g_string_append_printf (problems, " “%s” at “%s”;", text, text + line->start_index);
        }
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  CHECK (problems->len == 0, "no nerve's name drawn on the map is cut inside a word (%u names)%s",
         nerves->len, problems->str);
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* "About This Map" of each map and "Sources", at their own size and at
 * a phone's width. */
static void
check_reference_words_whole (void)
{
  DermAtlas *atlas = derm_window_get_atlas (window);
  GPtrArray *maps = derm_atlas_get_maps (atlas);
  g_autoptr (GString) problems = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i <= maps->len; i++)
    {
      GtkWindow *page = i < maps->len ?
        derm_map_info_window_new (GTK_WINDOW (window), atlas, ((DermMap *) g_ptr_array_index (maps, i))->id) :
        derm_sources_window_new (GTK_WINDOW (window), atlas);

      for (int narrow = 0; narrow < 2; narrow++)
        {
          if (narrow)
            gtk_window_set_default_size (page, 360, 640);
          gtk_window_present (page);
          CHECK (wait_until (widget_mapped, page, 5000), "reference page %u shows", i);
          settle (400);
          wait_for_layout (GTK_WIDGET (page));
          n += find_broken_words (GTK_WIDGET (page), problems);
        }
      gtk_window_destroy (page);
      settle (100);
    }
  CHECK (n > 10 && problems->len == 0, "About This Map and Sources cut no word (%u labels)%s", n, problems->str);
}

/* German, where words are long: at 360 px and at 1280x800 nothing cuts
 * a word, and the panel's text stays inside the window. */
static void
run_german (DermWindow *test_window)
{
  window = test_window;

  CHECK (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (find_label_button (GTK_WIDGET (window), "_Rückseite"))),
                    "_Rückseite") == 0, "the window speaks German");
  check_drawn_words_whole ();
  check_reference_words_whole ();
  resize (360, 640);
  check_words_whole ("360x640");
  check_all_inside (adw_flap_get_flap (flap ()), "360x640, the folded side panel", 0);
  resize (1280, 800);
  check_words_whole ("1280x800");
  check_all_inside (GTK_WIDGET (window), "1280x800, the window", 10);
}

static void
run_tests (DermWindow *test_window)
{
  window = test_window;

  test_narrow ();
  test_narrow_quiz ();
  test_fold_is_stable ();
  test_wide ();
  test_large ();
}

int
main (int argc, char *argv[])
{
  const char *language = g_getenv ("DERM_TEST_LANGUAGE");
  const char *catalogs = g_getenv ("DERM_TEST_CATALOGS");

  /* the same checks in a language of long words, with the catalogs of
   * the build tree (po/LANG/LC_MESSAGES), as main.c binds the installed ones */
  if (language != NULL && catalogs != NULL)
    {
      g_setenv ("LANGUAGE", language, TRUE);
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, catalogs);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      return display_test_main (0, 0, run_german);
    }

  return display_test_main (0, 0, run_tests);
}
