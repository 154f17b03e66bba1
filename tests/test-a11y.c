/* test-a11y.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a screen reader gets from the window: the map's role and the name it
 * announces as the arrow keys move between regions (side, region, roots on
 * the current map), the root list as a list of labelled rows that say which
 * one is selected, and a name on every button. A real window under Xvfb with
 * the AT-SPI backend (run under dbus-run-session, not GTK_A11Y=none); keys
 * and clicks go through the X server. Skips (exit 77) when no display opens.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <gdk/x11/gdkx.h>
#include <string.h>

#include "derm-application.h"
#include "display-util.h"
#include "derm-window.h"

static DermWindow *window;

/* helpers */

static gboolean
window_ready (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (window)) &&
         gtk_widget_get_width (GTK_WIDGET (derm_window_get_map_view (window))) > 100;
}

static char *
xid (void)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
}

/* Click a point of a widget through the X server. */
static void
click_widget_point (GtkWidget *widget,
                    double     x,
                    double     y)
{
  graphene_point_t in = GRAPHENE_POINT_INIT (x, y), out;
  g_autofree char *win = xid ();
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

static void
click_region (const char *id)
{
  DermMapView *view = derm_window_get_map_view (window);
  const DermRegion *region = derm_atlas_get_region (derm_window_get_atlas (window), id);
  double x, y;

  g_assert_nonnull (region);
  g_assert_true (derm_map_view_region_to_widget (view, region, &x, &y));
  g_assert_true (derm_map_view_region_at (view, x, y) == region);
  click_widget_point (GTK_WIDGET (view), x, y);
}

static void
press (const char *key)
{
  g_autofree char *win = xid ();

  xdotool ("key", "--window", win, key, NULL);
}

/* The accessible label as set, or NULL when none is. */
static char *
accessible_label (GtkWidget *widget)
{
  char *value;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  /* it returns the value when it is not the one asked for */
  value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, "");
  return value != NULL ? value : g_strdup ("");
}

static gboolean
map_label_is (gpointer data)
{
  g_autofree char *label = accessible_label (GTK_WIDGET (derm_window_get_map_view (window)));

  return g_strcmp0 (label, data) == 0;
}

static gboolean
map_label_is_not (gpointer data)
{
  return !map_label_is (data);
}

/* What the map should announce for a region: worked out here from the
 * atlas, apart from the map view's own code. */
static char *
expected_label (const DermRegion *region,
                const char       *map_id)
{
  const DermMap *map = derm_atlas_get_map (derm_window_get_atlas (window), map_id);
  const char * const *roots = derm_map_get_roots (map, region);
  g_autofree char *title = derm_region_dup_title (region);
  g_autofree char *joined = g_strjoinv (", ", (char **) roots);
  g_autofree char *roots_text = NULL;

  switch (derm_map_get_zone_kind (map, region))
    {
    case DERM_ZONE_VARIES:
      roots_text = g_strdup ("varies between people");
      break;
    case DERM_ZONE_NOT_DRAWN:
      roots_text = g_strdup ("not drawn by this map");
      break;
    case DERM_ZONE_GUESSED:
      roots_text = g_strdup_printf ("%s (uncertain)", joined);
      break;
    case DERM_ZONE_SOURCED:
    default:
      roots_text = g_steal_pointer (&joined);
      break;
    }

  /* the selected region says so: its card is in the side panel */
  if (region == derm_map_view_get_selected_region (derm_window_get_map_view (window)))
    return g_strdup_printf ("%s, %s, selected", title, roots_text);
  return g_strdup_printf ("%s, %s", title, roots_text);
}

/* The one region whose announcement is label, on the current map. */
static const DermRegion *
region_announced (const char *label)
{
  GPtrArray *regions = derm_atlas_get_regions (derm_window_get_atlas (window));
  const DermRegion *found = NULL;
  guint matches = 0;

  for (guint i = 0; i < regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (regions, i);
      g_autofree char *expected = expected_label (region, derm_window_get_map_id (window));

      if (g_strcmp0 (expected, label) == 0)
        {
          found = region;
          matches++;
        }
    }
  g_assert_cmpuint (matches, ==, 1);

  return found;
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Somewhere for the focus to go that changes nothing: zoom in is always shown. */
static void
focus_elsewhere (void)
{
  GtkWidget *zoom_in = find_action_button (GTK_WIDGET (window), "win.zoom-in");

  g_assert_nonnull (zoom_in);
  g_assert_true (gtk_widget_grab_focus (zoom_in));
}

static GtkWidget *
root_list_box (void)
{
  GtkWidget *list_box = gtk_widget_get_first_child (GTK_WIDGET (derm_window_get_root_list (window)));

  g_assert_true (GTK_IS_LIST_BOX (list_box));
  return list_box;
}

/* tests */

static void
test_map_role (void)
{
  DermMapView *view = derm_window_get_map_view (window);

  /* a concrete role for a widget that holds many targets */
  gtk_test_accessible_assert_role (view, GTK_ACCESSIBLE_ROLE_GROUP);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (view)));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (view),
                                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Click a region of skin to see its nerve root. "
                                       "Arrow keys move between regions, Enter selects.");
}

static void
test_map_label_without_focus (void)
{
  DermMapView *view = derm_window_get_map_view (window);

  /* the focus elsewhere: the map is just the map */
  focus_elsewhere ();
  settle (200);
  g_assert_false (gtk_widget_is_focus (GTK_WIDGET (view)));
  g_assert_true (wait_until (map_label_is, (gpointer) "Body map", 2000));
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Body map");
}

/* The arrow keys move the focus; each move is announced with the region's
 * side, name and roots, and goes the way the key points. */
static void
test_map_label_follows_arrow_keys (void)
{
  DermMapView *view = derm_window_get_map_view (window);
  const struct { const char *key; double dx, dy; } moves[] = {
    { "Up", 0, -1 }, { "Up", 0, -1 }, { "Right", 1, 0 }, { "Down", 0, 1 },
    { "Left", -1, 0 }, { "Left", -1, 0 }, { "Down", 0, 1 }, { "Right", 1, 0 },
  };
  g_autofree char *label = NULL;
  const DermRegion *from;

  derm_window_set_map_id (window, "isncsci");
  click_region ("medial-malleolus-left");
  if (!wait_until (map_label_is, (gpointer) "Left medial malleolus, L4, selected", 3000))
    {
      g_autofree char *now = accessible_label (GTK_WIDGET (view));

      g_error ("a click on the left medial malleolus: “%s”", now);
    }
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (view)));
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Left medial malleolus, L4, selected");

  label = accessible_label (GTK_WIDGET (view));
  from = region_announced (label);
  g_assert_cmpstr (from->id, ==, "medial-malleolus-left");

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      g_autofree char *before = g_steal_pointer (&label);
      g_autofree char *expected = NULL;
      const DermRegion *to;
      double from_x, from_y, to_x, to_y;

      press (moves[i].key);
      if (!wait_until (map_label_is_not, before, 3000))
        g_error ("%s from “%s” announced nothing new", moves[i].key, before);
      label = accessible_label (GTK_WIDGET (view));
      to = region_announced (label);
      g_test_message ("%s: %s -> %s", moves[i].key, before, label);

      expected = expected_label (to, "isncsci");
      gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

      /* the announced region lies the way the key points */
      g_assert_true (derm_map_view_region_to_widget (view, from, &from_x, &from_y));
      g_assert_true (derm_map_view_region_to_widget (view, to, &to_x, &to_y));
      g_assert_cmpfloat ((to_x - from_x) * moves[i].dx + (to_y - from_y) * moves[i].dy, >, 0);
      from = to;
    }
}

/* The announcement follows the map: the patella is L3 on ISNCSCI, L4 on
 * Keegan and Garrett, and Lee 2008 leaves it blank; a quiz hides roots. */
static void
test_map_label_follows_map (void)
{
  DermMapView *view = derm_window_get_map_view (window);

  derm_window_set_map_id (window, "isncsci");
  click_region ("patella-left");
  g_assert_true (wait_until (map_label_is, (gpointer) "Left patella, L3, selected", 3000));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.map", "s", "keegan-garrett");
  g_assert_true (wait_until (map_label_is, (gpointer) "Left patella, L4, selected", 3000));
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Left patella, L4, selected");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.map", "s", "lee2008");
  g_assert_true (wait_until (map_label_is, (gpointer) "Left patella, varies between people, selected", 3000));
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Left patella, varies between people, selected");

  /* a quiz asks for the roots: the region alone */
  derm_map_view_set_reveal_roots (view, FALSE);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Left patella");
  derm_map_view_set_reveal_roots (view, TRUE);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Left patella, varies between people, selected");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.map", "s", "isncsci");
  g_assert_true (wait_until (map_label_is, (gpointer) "Left patella, L3, selected", 3000));

  /* the focus leaves: the map's own name again */
  focus_elsewhere ();
  g_assert_true (wait_until (map_label_is, (gpointer) "Body map", 2000));
}

/* Enter on a region selects it and the side panel shows its card: the
 * map's name changes to say so, starting with the card's heading, so a
 * screen reader speaks it (it was silent: the name stayed the same). */
static void
test_enter_announces_card (void)
{
  DermMapView *view = derm_window_get_map_view (window);
  DermInfoPanel *panel = derm_window_get_info_panel (window);
  g_autofree char *label = NULL;
  g_autofree char *selected = NULL;
  const DermRegion *region;

  derm_window_set_map_id (window, "isncsci");
  click_region ("anteromedial-leg-right");
  g_assert_true (wait_until (map_label_is, (gpointer) "Right anteromedial leg, L4, selected", 3000));
  press ("Up");
  g_assert_true (wait_until (map_label_is_not, (gpointer) "Right anteromedial leg, L4, selected", 3000));
  label = accessible_label (GTK_WIDGET (view));
  region = region_announced (label);
  g_assert_false (g_str_has_suffix (label, ", selected"));

  press ("Return");
  selected = g_strdup_printf ("%s, selected", label);
  if (!wait_until (map_label_is, selected, 3000))
    {
      g_autofree char *now = accessible_label (GTK_WIDGET (view));

      g_error ("Enter on “%s” announced nothing new (now “%s”)", label, now);
    }
  g_assert_true (derm_map_view_get_selected_region (view) == region);
  g_assert_nonnull (derm_info_panel_get_title (panel));
  /* the name starts with the heading of the card now shown */
  g_assert_true (g_str_has_prefix (selected, derm_info_panel_get_title (panel)));
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, selected);

  /* moving on: the next region's name, without "selected" */
  press ("Down");
  g_assert_true (wait_until (map_label_is_not, selected, 3000));
  /* the next click is not taken for a double click */
  settle (600);
}

static GtkWidget *
root_row (const char *root_id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (root_list_box ()), i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "root-id"), root_id) == 0)
      return GTK_WIDGET (row);

  return NULL;
}

/* the list box selects nothing (its selection would follow the focus):
 * the root list marks the chosen row */
static gboolean
row_selected (gpointer data)
{
  return (gtk_widget_get_state_flags (data) & GTK_STATE_FLAG_SELECTED) != 0;
}

/* A real list: a list of rows, each named "L4: <summary>", the selected
 * one saying so; the key rows under the roots are named by their text. */
static void
test_root_list (void)
{
  DermAtlas *atlas = derm_window_get_atlas (window);
  GPtrArray *roots = derm_atlas_get_roots (atlas);
  GtkWidget *list_box = root_list_box ();
  GtkListBoxRow *row;
  GtkWidget *l5;
  guint n_rows = 0, n_key_rows = 0;

  gtk_test_accessible_assert_role (list_box, GTK_ACCESSIBLE_ROLE_LIST);
  gtk_test_accessible_assert_property (list_box, GTK_ACCESSIBLE_PROPERTY_LABEL, "Nerve roots");

  for (guint i = 0; i < roots->len; i++)
    {
      const DermRoot *root = g_ptr_array_index (roots, i);
      const DermStatement *summary = derm_root_get_statement (root, "summary", -1);
      g_autofree char *expected = NULL;
      GtkWidget *root_widget = root_row (root->id);

      g_assert_nonnull (summary);
      g_assert_nonnull (root_widget);
      expected = g_strdup_printf ("%s: %s", root->id, summary->text);
      gtk_test_accessible_assert_role (root_widget, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
      gtk_test_accessible_assert_property (root_widget, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
    }

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), i)) != NULL; i++)
    {
      g_autofree char *label = accessible_label (GTK_WIDGET (row));

      n_rows++;
      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
      if (g_object_get_data (G_OBJECT (row), "root-id") == NULL)
        n_key_rows++;
    }
  g_assert_cmpuint (n_rows, ==, roots->len + n_key_rows);
  /* ISNCSCI has overlaps: the striped key row is there */
  g_assert_cmpuint (n_key_rows, >=, 1);

  /* a click on L5 selects it, and the row says so; the others do not */
  settle (300);  /* rows made for the last map change get their places */
  l5 = root_row ("L5");
  g_assert_true (gtk_widget_get_mapped (l5));
  /* the summaries wrap: the row may be below the fold until it has the focus */
  gtk_widget_grab_focus (l5);
  settle (300);
  click_widget_point (l5, gtk_widget_get_width (l5) / 2.0, gtk_widget_get_height (l5) / 2.0);
  g_assert_true (wait_until (row_selected, l5, 3000));
  gtk_test_accessible_assert_state (l5, GTK_ACCESSIBLE_STATE_SELECTED, TRUE);
  gtk_test_accessible_assert_state (root_row ("L4"), GTK_ACCESSIBLE_STATE_SELECTED, FALSE);
  g_assert_cmpstr (derm_map_view_get_selected_root (derm_window_get_map_view (window)), ==, "L5");

  derm_window_select_root (window, NULL);
}

/* A button's accessible name: its accessible label, or its own text (GTK
 * names a button by its label child). In GTK 4.8 a tooltip is only the
 * description, so an icon-only button needs an accessible label. */
static char *
button_name (GtkWidget *button)
{
  g_autofree char *label = accessible_label (button);
  GtkWidget *child;

  if (label != NULL && label[0] != '\0')
    return g_steal_pointer (&label);
  if (GTK_IS_BUTTON (button) && gtk_button_get_label (GTK_BUTTON (button)) != NULL)
    return g_strdup (gtk_button_get_label (GTK_BUTTON (button)));
  if (GTK_IS_MENU_BUTTON (button) && gtk_menu_button_get_label (GTK_MENU_BUTTON (button)) != NULL)
    return g_strdup (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)));
  child = GTK_IS_BUTTON (button) ? gtk_button_get_child (GTK_BUTTON (button)) : NULL;
  if (GTK_IS_LABEL (child))
    return g_strdup (gtk_label_get_text (GTK_LABEL (child)));

  return NULL;
}

static void
check_buttons (GtkWidget *widget,
               GPtrArray *unnamed,
               guint     *count)
{
  gboolean is_button;

  /* hidden for good (a search bar's close button, a quiz's Next before it
   * has a label); what a squeezer or stack folds away still counts */
  if (!gtk_widget_get_visible (widget))
    return;

  is_button = GTK_IS_MENU_BUTTON (widget) ||
              (GTK_IS_BUTTON (widget) &&
               !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)));

  if (is_button)
    {
      g_autofree char *name = button_name (widget);

      g_autofree char *label = accessible_label (widget);

      (*count)++;
      /* GTK 4.8 would say "_Anterior Anterior" */
      if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
          label != NULL && strchr (label, '_') != NULL)
        g_ptr_array_add (unnamed, g_strdup_printf ("“%s”: a mnemonic in the name", label));
      else if (name == NULL || name[0] == '\0')
        {
          const char *icon = GTK_IS_BUTTON (widget) ? gtk_button_get_icon_name (GTK_BUTTON (widget)) :
                             gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget));

          g_ptr_array_add (unnamed, g_strdup_printf ("%s in %s (icon %s, tooltip “%s”)",
                                                     G_OBJECT_TYPE_NAME (widget),
                                                     G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                                                     icon != NULL ? icon : "none",
                                                     gtk_widget_get_tooltip_text (widget)));
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_buttons (child, unnamed, count);
}

/* Every button in the window, shown or folded away (the narrow header bar,
 * the bottom view bar), has a name a screen reader can say. */
static void
test_buttons_named (void)
{
  g_autoptr (GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
  guint count = 0;

  check_buttons (GTK_WIDGET (window), unnamed, &count);
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("no accessible name: %s", (char *) g_ptr_array_index (unnamed, i));
  /* the header bars, the view bar and the zoom buttons at least */
  g_assert_cmpuint (count, >=, 20);
  g_assert_cmpuint (unnamed->len, ==, 0);
}

/* The card a screen reader reaches with Tab: one focusable group named by
 * the card's title, its whole text the description. */
static GtkWidget *
find_focusable (GtkWidget *widget)
{
  if (gtk_widget_get_mapped (widget) && gtk_widget_get_focusable (widget) &&
      !GTK_IS_SCROLLED_WINDOW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_focusable (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_card_read_whole (void)
{
  DermInfoPanel *panel = derm_window_get_info_panel (window);
  g_autofree char *text = NULL;
  GtkWidget *card;

  derm_window_select_root (window, "L4");
  settle (300);
  card = find_focusable (GTK_WIDGET (panel));
  g_assert_nonnull (card);
  text = derm_info_panel_dup_text (panel);
  g_assert_nonnull (strstr (text, "tibialis anterior"));
  gtk_test_accessible_assert_property (card, GTK_ACCESSIBLE_PROPERTY_LABEL, "L4");
  gtk_test_accessible_assert_property (card, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
  derm_window_select_root (window, NULL);
}

/* Chart mode: the focused region is announced with its finding, and the
 * finding's marking and clearing are heard. */
static void
test_chart_label (void)
{
  DermMapView *view = derm_window_get_map_view (window);
  GListModel *toplevels = gtk_window_get_toplevels ();  /* owned by GTK */

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-chart", NULL);
  settle (200);
  derm_window_set_map_id (window, "isncsci");
  press ("2");
  click_region ("medial-malleolus-left");
  g_assert_true (wait_until (map_label_is, (gpointer) "Left medial malleolus: reduced", 3000));
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Left medial malleolus: reduced");
  press ("space");
  g_assert_true (wait_until (map_label_is, (gpointer) "Left medial malleolus, L4", 3000));
  press ("4");
  press ("space");
  g_assert_true (wait_until (map_label_is, (gpointer) "Left medial malleolus: pain", 3000));

  /* leave chart mode without saving */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-chart", NULL);
  settle (200);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        {
          adw_message_dialog_response (ADW_MESSAGE_DIALOG (toplevel), "discard");
          gtk_window_destroy (toplevel);
          break;
        }
    }
  settle (200);
  g_assert_null (derm_window_get_chart (window));
  gtk_window_present (GTK_WINDOW (window));
}

static int status;

static void
activate_cb (GApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  g_assert_nonnull (windows);
  window = DERM_WINDOW (windows->data);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 750);
  derm_window_set_view (window, "both");
  if (!wait_until (window_ready, NULL, 10000))
    g_error ("the window did not appear");
  settle (500);

  g_test_add_func ("/a11y/map-role", test_map_role);
  g_test_add_func ("/a11y/map-label-without-focus", test_map_label_without_focus);
  g_test_add_func ("/a11y/enter-announces-card", test_enter_announces_card);
  g_test_add_func ("/a11y/map-label-follows-arrow-keys", test_map_label_follows_arrow_keys);
  g_test_add_func ("/a11y/map-label-follows-map", test_map_label_follows_map);
  g_test_add_func ("/a11y/chart-label", test_chart_label);
  g_test_add_func ("/a11y/root-list", test_root_list);
  g_test_add_func ("/a11y/buttons-named", test_buttons_named);
  g_test_add_func ("/a11y/card-read-whole", test_card_read_whole);
  status = g_test_run ();

  g_application_quit (app);
}

int
main (int argc, char *argv[])
{
  g_autoptr (DermApplication) app = NULL;

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check () || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_print ("no X11 display: skipped\n");
      return 77;
    }
  if (g_strcmp0 (g_getenv ("GTK_A11Y"), "none") == 0)
    g_warning ("GTK_A11Y=none: run under dbus-run-session with the AT-SPI backend");
  display_fail_on_warnings ();

  app = derm_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 0, NULL);

  return status != 0 || check_failures > 0 ? 1 : 0;
}
