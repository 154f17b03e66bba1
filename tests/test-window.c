/* test-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real window under Xvfb, driven as a person would: the pointer and keys
 * go through the X server (xdotool), and the test reads what the panel
 * shows. Skips (exit 77) when no display opens.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <gdk/x11/gdkx.h>
#include <string.h>

#include "derm-application.h"
#include "display-util.h"
#include "derm-renderer.h"
#include "derm-window.h"

static DermWindow *window;


/* A point of a widget -> X window point of the toplevel. */
static void
widget_point_to_window (GtkWidget  *widget,
                        double      x,
                        double      y,
                        char      **sx,
                        char      **sy)
{
  graphene_point_t in = GRAPHENE_POINT_INIT (x, y), out;
  double tx, ty;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (window), &in, &out));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &tx, &ty);
  *sx = g_strdup_printf ("%d", (int) (out.x + tx));
  *sy = g_strdup_printf ("%d", (int) (out.y + ty));
}

static void
map_point_to_window (double  x,
                     double  y,
                     char  **sx,
                     char  **sy)
{
  widget_point_to_window (GTK_WIDGET (derm_window_get_map_view (window)), x, y, sx, sy);
}

static void
click_region (const char *id)
{
  DermAtlas *atlas = derm_window_get_atlas (window);
  const DermRegion *region = derm_atlas_get_region (atlas, id);
  g_autofree char *sx = NULL, *sy = NULL, *win = display_xid (GTK_WINDOW (window));
  double x, y;

  g_assert_nonnull (region);
  g_assert_true (derm_map_view_region_to_widget (derm_window_get_map_view (window), region, &x, &y));
  /* the view itself agrees the point is in the region */
  g_assert_true (derm_map_view_region_at (derm_window_get_map_view (window), x, y) == region);
  map_point_to_window (x, y, &sx, &sy);
  xdotool ("mousemove", "--window", win, sx, sy, NULL);
  settle (100);
  xdotool ("click", "1", NULL);
}

static gboolean
panel_title_is (gpointer data)
{
  return g_strcmp0 (derm_info_panel_get_title (derm_window_get_info_panel (window)), data) == 0;
}

static void
test_click_shows_card (void)
{
  DermInfoPanel *panel = derm_window_get_info_panel (window);
  g_autofree char *text = NULL;

  click_region ("medial-malleolus-left");
  CHECK (wait_until (panel_title_is, (gpointer) "Left medial malleolus", 3000),
         "a click on the left medial malleolus shows its card (title: %s)",
         derm_info_panel_get_title (panel));
  text = derm_info_panel_dup_text (panel);
  CHECK (strstr (text, "L4") != NULL, "the card names root L4");
  CHECK (strstr (text, "tibialis anterior") != NULL, "the card shows the key muscle");
  CHECK (strstr (text, "is19") != NULL || strstr (text, "International Standards") != NULL,
         "the card cites its sources");
  CHECK (strstr (text, "Saphenous nerve") != NULL, "the card names the cutaneous nerve");
  CHECK (derm_map_view_get_selected_region (derm_window_get_map_view (window)) ==
         derm_atlas_get_region (derm_window_get_atlas (window), "medial-malleolus-left"),
         "the map view selects the clicked region");

  /* the patient's right, in the posterior view, is on the viewer's right */
  click_region ("lateral-heel-right");
  CHECK (wait_until (panel_title_is, (gpointer) "Right lateral heel", 3000),
         "a click on the right lateral heel in the posterior view shows it (title: %s)",
         derm_info_panel_get_title (panel));
  g_free (text);
  text = derm_info_panel_dup_text (panel);
  CHECK (strstr (text, "S1") != NULL, "the lateral heel card names S1");
}

static gboolean
selected_root_is (gpointer data)
{
  return g_strcmp0 (derm_map_view_get_selected_root (derm_window_get_map_view (window)), data) == 0;
}

static void
test_root_list (void)
{
  g_autofree char *text = NULL;

  derm_window_select_root (window, "L5");
  CHECK (wait_until (selected_root_is, (gpointer) "L5", 2000), "selecting L5 highlights it on the map");
  text = derm_info_panel_dup_text (derm_window_get_info_panel (window));
  CHECK (strstr (text, "extensor hallucis longus") != NULL, "the L5 root card shows its key muscle");
  CHECK (strstr (text, "Anterior, Keegan and Garrett (1948):") != NULL,
         "the root card gives the territory of each map, named");
  CHECK (strstr (text, "Posterolateral (paracentral) disc: L4-5") != NULL &&
         strstr (text, "Far-lateral (foraminal) disc: L5-S1") != NULL,
         "the root card gives both disc levels");
  CHECK (strstr (text, "Non-key muscles") != NULL && strstr (text, "gluteus medius") != NULL,
         "the root card gives non-key and other muscles");
  CHECK (strstr (text, "Where sources disagree") != NULL, "the root card shows where sources disagree");
  derm_window_select_root (window, NULL);
}

/* The row of a root in the root list. */
static GtkWidget *
root_row (const char *root_id)
{
  GtkWidget *list = gtk_widget_get_first_child (GTK_WIDGET (derm_window_get_root_list (window)));

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "root-id"), root_id) == 0)
      return row;

  return NULL;
}

static void
count_focusable (GtkWidget *widget,
                 guint     *n)
{
  /* a scrolled window passes the focus on to its child */
  if (gtk_widget_get_mapped (widget) && gtk_widget_get_focusable (widget) &&
      !GTK_IS_SCROLLED_WINDOW (widget))
    (*n)++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_focusable (child, n);
}

static gboolean
no_root_selected (gpointer data)
{
  return derm_map_view_get_selected_root (derm_window_get_map_view (window)) == NULL &&
         derm_root_list_get_selected_root (derm_window_get_root_list (window)) == NULL;
}

/* Tab through the root list moves the focus and nothing else; Enter or
 * Space chooses a root, and Enter again, a click on its row or Escape
 * clears it. The card is one focus stop a screen reader reads whole. */
static void
test_root_list_keyboard (void)
{
  g_autofree char *win = display_xid (GTK_WINDOW (window));
  g_autofree char *sx = NULL, *sy = NULL;
  GtkWidget *t12 = root_row ("T12"), *l4;
  guint n_focusable = 0;

  derm_window_select_root (window, NULL);
  gtk_widget_grab_focus (t12);
  settle (100);
  for (int i = 0; i < 4; i++)
    xdotool ("key", "--window", win, "Tab", NULL);
  settle (300);
  CHECK (no_root_selected (NULL) && !gtk_widget_has_focus (t12),
         "Tab moves through the root list without choosing a root (map: %s)",
         derm_map_view_get_selected_root (derm_window_get_map_view (window)));

  gtk_widget_grab_focus (t12);
  xdotool ("key", "--window", win, "Down", NULL);
  settle (200);
  CHECK (no_root_selected (NULL), "an arrow key moves through the root list without choosing a root");
  xdotool ("key", "--window", win, "Return", NULL);
  CHECK (wait_until (selected_root_is, (gpointer) "L1", 2000), "Enter chooses the focused root");
  xdotool ("key", "--window", win, "space", NULL);
  CHECK (wait_until (no_root_selected, NULL, 2000), "Space on the chosen root clears the highlight");

  derm_window_select_root (window, "L4");
  CHECK (wait_until (selected_root_is, (gpointer) "L4", 2000), "L4 is chosen");
  l4 = root_row ("L4");
  CHECK (gtk_widget_get_state_flags (l4) & GTK_STATE_FLAG_SELECTED, "the L4 row shows it is chosen");
  widget_point_to_window (l4, gtk_widget_get_width (l4) / 2.0, gtk_widget_get_height (l4) / 2.0, &sx, &sy);
  xdotool ("mousemove", "--window", win, sx, sy, NULL);
  settle (100);
  xdotool ("click", "1", NULL);
  CHECK (wait_until (no_root_selected, NULL, 2000), "a click on the chosen row clears the highlight");

  derm_window_select_root (window, "L4");
  gtk_widget_grab_focus (GTK_WIDGET (derm_window_get_map_view (window)));
  settle (100);
  xdotool ("key", "--window", win, "Escape", NULL);
  CHECK (wait_until (no_root_selected, NULL, 2000), "Escape clears the root highlight");

  /* Escape closes the search first, keeping the highlight */
  derm_window_select_root (window, "L4");
  xdotool ("key", "--window", win, "ctrl+f", NULL);
  settle (300);
  xdotool ("key", "--window", win, "Escape", NULL);
  settle (300);
  CHECK (selected_root_is ((gpointer) "L4"), "Escape in the search field leaves the root highlight");

  /* every summary in full: wrapped, never cut */
  for (GtkWidget *row = gtk_widget_get_parent (t12) != NULL ? gtk_widget_get_first_child (gtk_widget_get_parent (t12)) : NULL;
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      GtkWidget *summary = box != NULL ? gtk_widget_get_last_child (box) : NULL;

      if (g_object_get_data (G_OBJECT (row), "root-id") == NULL || !GTK_IS_LABEL (summary))
        continue;
      CHECK (!pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (summary))),
             "the %s summary shows in full", (char *) g_object_get_data (G_OBJECT (row), "root-id"));
    }

  /* the L4 card: one focus stop (test-a11y checks what it reads) */
  derm_window_select_root (window, "L4");
  settle (200);
  count_focusable (GTK_WIDGET (derm_window_get_info_panel (window)), &n_focusable);
  CHECK (n_focusable == 1, "the L4 card is one focus stop (%u)", n_focusable);
  derm_window_select_root (window, NULL);
}

static gboolean
selected_region_changed (gpointer data)
{
  return derm_map_view_get_selected_region (derm_window_get_map_view (window)) != data;
}

static void
test_keyboard (void)
{
  DermMapView *view = derm_window_get_map_view (window);
  const DermRegion *before = derm_map_view_get_selected_region (view);
  g_autofree char *win = display_xid (GTK_WINDOW (window));

  gtk_widget_grab_focus (GTK_WIDGET (view));
  settle (100);
  CHECK (gtk_widget_has_focus (GTK_WIDGET (view)), "the map takes keyboard focus");
  xdotool ("key", "--window", win, "Up", NULL);
  xdotool ("key", "--window", win, "Up", NULL);
  xdotool ("key", "--window", win, "Return", NULL);
  CHECK (wait_until (selected_region_changed, (gpointer) before, 2000),
         "arrow keys and Enter select another region");
}


/* Pixels that differ between two drawings within radius of a point. */
static guint
changed_near (const guchar *a,
              const guchar *b,
              int           width,
              int           height,
              double        x,
              double        y,
              int           radius)
{
  guint n = 0;

  for (int py = MAX (0, (int) y - radius); py < MIN (height, (int) y + radius); py++)
    for (int px = MAX (0, (int) x - radius); px < MIN (width, (int) x + radius); px++)
      {
        const guchar *p = a + 4 * ((gsize) py * width + px), *q = b + 4 * ((gsize) py * width + px);

        n += abs (p[0] - q[0]) + abs (p[1] - q[1]) + abs (p[2] - q[2]) > 60;
      }
  return n;
}

static gboolean
map_has_focus (gpointer data)
{
  return gtk_widget_is_focus (GTK_WIDGET (derm_window_get_map_view (window)));
}

static gboolean
map_is_not_focus (gpointer data)
{
  return !map_has_focus (data);
}

/* Tab into the map: the region with the focus is drawn with its focus ring
 * at once, before any arrow key, also when the focus was last moved by
 * the pointer (the window showed no focus). */
static void
test_focus_ring_on_tab (void)
{
  DermMapView *view = derm_window_get_map_view (window);
  GtkWidget *zoom_in = NULL;
  g_autofree char *win = display_xid (GTK_WINDOW (window));
  g_autofree guchar *before = NULL, *after = NULL;
  int width, height;
  guint changed;

  derm_window_select_region (window, NULL);
  for (GtkWidget *w = gtk_widget_get_next_sibling (GTK_WIDGET (view)); w != NULL && zoom_in == NULL;
       w = gtk_widget_get_next_sibling (w))
    if (gtk_widget_has_css_class (w, "zoom-buttons"))
      for (GtkWidget *b = gtk_widget_get_first_child (w); b != NULL; b = gtk_widget_get_next_sibling (b))
        if (gtk_widget_get_mapped (b))
          zoom_in = b;
  g_assert_nonnull (zoom_in);
  gtk_widget_grab_focus (zoom_in);
  /* as after a click: no focus shown */
  gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
  settle (200);
  CHECK (!map_has_focus (NULL), "the focus is off the map");
  before = display_widget_pixels (GTK_WIDGET (derm_window_get_map_view (window)), &width, &height);

  /* from the zoom button the focus goes back into the map */
  xdotool ("key", "--window", win, "shift+Tab", NULL);
  CHECK (wait_until (map_has_focus, NULL, 2000), "Shift+Tab from the zoom button enters the map");
  settle (200);
  after = display_widget_pixels (GTK_WIDGET (derm_window_get_map_view (window)), &width, &height);
  changed = changed_near (before, after, width, height, width / 2.0, height / 2.0, MAX (width, height));
  CHECK (changed > 40, "entered with the keyboard, the focused region shows its focus ring at once "
         "(%u pixels changed)", changed);

  /* the window gives the map the focus unseen (at start, after a quiz):
   * Tab shows it there, ringed, rather than leave the map */
  gtk_widget_grab_focus (zoom_in);
  gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
  settle (100);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  settle (200);
  g_free (before);
  before = display_widget_pixels (GTK_WIDGET (derm_window_get_map_view (window)), &width, &height);
  xdotool ("key", "--window", win, "Tab", NULL);
  settle (300);
  CHECK (map_has_focus (NULL), "the first Tab leaves the focus on the map");
  g_free (after);
  after = display_widget_pixels (GTK_WIDGET (derm_window_get_map_view (window)), &width, &height);
  changed = changed_near (before, after, width, height, width / 2.0, height / 2.0, MAX (width, height));
  CHECK (changed > 40, "and shows the focused region, ringed (%u pixels changed)", changed);
  xdotool ("key", "--window", win, "Tab", NULL);
  CHECK (wait_until (map_is_not_focus, NULL, 2000), "the next Tab goes on to the next control");
}

static void
test_search (void)
{
  g_autofree char *win = display_xid (GTK_WINDOW (window));

  xdotool ("key", "--window", win, "ctrl+f", NULL);
  settle (300);
  xdotool ("type", "--delay", "20", "inner ankle", NULL);
  settle (300);
  xdotool ("key", "--window", win, "Return", NULL);
  CHECK (wait_until (panel_title_is, (gpointer) "Right medial malleolus", 3000) ||
         wait_until (panel_title_is, (gpointer) "Left medial malleolus", 10),
         "Ctrl+F, “inner ankle”, Enter shows a medial malleolus (title: %s)",
         derm_info_panel_get_title (derm_window_get_info_panel (window)));
}

static gboolean
map_id_is (gpointer data)
{
  return g_strcmp0 (derm_map_view_get_map_id (derm_window_get_map_view (window)), data) == 0;
}

static char *
patella_tooltip (void)
{
  const DermRegion *patella = derm_atlas_get_region (derm_window_get_atlas (window), "patella-left");

  return derm_map_view_describe_region (derm_window_get_map_view (window), patella);
}

/* Is a label showing text somewhere under widget? */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

/* The patella is L3 on the ISNCSCI (Foerster) map, L4 on Keegan and Garrett. */
/* Issue 16: in the window no root label is smaller than the body text
 * (about 14.7 px): the sacral, perianal and ankle zones get leader lines to
 * labels that read; Large labels enlarge them all. On every map. */
static void
test_labels_readable (void)
{
  DermMapView *view = derm_window_get_map_view (window);
  static const char * const maps[] = { "isncsci", "keegan-garrett", "lee2008" };

  for (guint m = 0; m < G_N_ELEMENTS (maps); m++)
    for (double scale = 1.0; scale < 1.6; scale += 0.5)
      {
        guint outside = 0, n = 0;
        double smallest = G_MAXDOUBLE;

        gtk_widget_activate_action (GTK_WIDGET (window), "win.map", "s", maps[m]);
        derm_map_view_set_label_scale (view, scale);
        wait_for_layout (GTK_WIDGET (view));
        for (DermView v = 0; v < DERM_N_VIEWS; v++)
          {
            double ppu = 0;
            g_autoptr (GArray) placed = derm_map_view_place_labels (view, v, &ppu);

            for (guint i = 0; i < placed->len; i++)
              {
                const DermPlacedLabel *label = &g_array_index (placed, DermPlacedLabel, i);

                smallest = MIN (smallest, label->size * ppu);
                outside += label->outside;
                n++;
              }
          }
        CHECK (n > 20, "%s: the labels are placed (%u)", maps[m], n);
        CHECK (smallest >= 14.5 * scale - 0.01,
               "%s, label scale %.1f: the smallest label is %.1f px, at least the body text's %.1f",
               maps[m], scale, smallest, 14.5 * scale);
        if (scale == 1.0 && g_str_equal (maps[m], "isncsci"))
          CHECK (outside >= 4, "the small sacral and ankle zones are labelled beside the legs (%u)", outside);
      }
  derm_map_view_set_label_scale (view, 1.0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.map", "s", "isncsci");
  wait_for_layout (GTK_WIDGET (view));
}

/* Issue 16: a click on other skin while a root is highlighted shows that
 * skin without the old highlight under it; a click beside the legs clears
 * the highlight and the card. */
static void
test_click_clears_root (void)
{
  DermMapView *view = derm_window_get_map_view (window);
  g_autofree char *sx = NULL, *sy = NULL, *win = display_xid (GTK_WINDOW (window));

  derm_window_select_root (window, "L4");
  CHECK (wait_until (selected_root_is, (gpointer) "L4", 2000), "L4 is chosen");
  /* the card that opens may change the panel's width, and the map's */
  wait_for_layout (GTK_WIDGET (view));
  click_region ("lateral-heel-right");
  CHECK (wait_until (panel_title_is, (gpointer) "Right lateral heel", 3000),
         "a click on the heel shows its card (title: %s)",
         derm_info_panel_get_title (derm_window_get_info_panel (window)));
  CHECK (wait_until (no_root_selected, NULL, 2000),
         "the L4 highlight does not stay under the heel's card (map: %s)",
         derm_map_view_get_selected_root (view));

  derm_window_select_root (window, "L4");
  CHECK (wait_until (selected_root_is, (gpointer) "L4", 2000), "L4 is chosen again");
  wait_for_layout (GTK_WIDGET (view));
  /* the top left corner of the map: beside the legs */
  CHECK (derm_map_view_region_at (view, 3, 3) == NULL, "the map's corner is no skin");
  map_point_to_window (3, 3, &sx, &sy);
  xdotool ("mousemove", "--window", win, sx, sy, NULL);
  settle (100);
  xdotool ("click", "1", NULL);
  CHECK (wait_until (no_root_selected, NULL, 2000), "a click beside the legs clears the root highlight");
  CHECK (derm_map_view_get_selected_region (view) == NULL, "and the chosen skin");
}

static void
test_switch_maps (void)
{
  DermInfoPanel *panel = derm_window_get_info_panel (window);
  g_autofree char *win = display_xid (GTK_WINDOW (window));
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  CHECK (g_strcmp0 (derm_window_get_map_id (window), "isncsci") == 0,
         "the default map is isncsci (is %s)", derm_window_get_map_id (window));

  click_region ("patella-left");
  CHECK (wait_until (panel_title_is, (gpointer) "Left patella", 3000),
         "a click on the left patella shows its card (title: %s)", derm_info_panel_get_title (panel));
  text = derm_info_panel_dup_text (panel);
  CHECK (strstr (text, "L3 root") != NULL && strstr (text, "L4 root") == NULL,
         "on the ISNCSCI map the patella card shows the L3 root only");
  tooltip = patella_tooltip ();
  CHECK (g_str_has_suffix (tooltip, "– L3"), "the patella tooltip says L3 (%s)", tooltip);

  /* the action, as the header bar's map menu activates it */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.map", "s", "keegan-garrett");
  CHECK (wait_until (map_id_is, (gpointer) "keegan-garrett", 2000), "win.map switches the map view");
  g_free (text);
  text = derm_info_panel_dup_text (panel);
  CHECK (strstr (text, "L4 root") != NULL && strstr (text, "L3 root") == NULL,
         "on Keegan and Garrett the open patella card now shows L4");
  CHECK (strstr (text, "Keegan and Garrett") != NULL, "the card names the active map");
  g_free (tooltip);
  tooltip = patella_tooltip ();
  CHECK (g_str_has_suffix (tooltip, "– L4"), "the patella tooltip says L4 (%s)", tooltip);

  /* Ctrl+M: the next map, lee2008, leaves some skin blank */
  gtk_widget_grab_focus (GTK_WIDGET (derm_window_get_map_view (window)));
  xdotool ("key", "--window", win, "ctrl+m", NULL);
  CHECK (wait_until (map_id_is, (gpointer) "lee2008", 2000), "Ctrl+M moves on to the Lee map");
  CHECK (shows_label (GTK_WIDGET (derm_window_get_root_list (window)), "varies between people"),
         "on the Lee map the root list's key explains the plain skin");
  xdotool ("key", "--window", win, "ctrl+m", NULL);
  CHECK (wait_until (map_id_is, (gpointer) "isncsci", 2000), "Ctrl+M wraps round to ISNCSCI");
  CHECK (!shows_label (GTK_WIDGET (derm_window_get_root_list (window)), "varies between people"),
         "the ISNCSCI map has no blank skin, so the key does not mention it");
  CHECK (shows_label (GTK_WIDGET (derm_window_get_root_list (window)), "overlap"),
         "the ISNCSCI map has overlaps, so the key explains the stripes");
  g_free (text);
  text = derm_info_panel_dup_text (panel);
  CHECK (strstr (text, "L3 root") != NULL, "back on ISNCSCI the patella is L3 again");
}

static gboolean
nerves_are (gpointer data)
{
  return derm_map_view_get_nerves (derm_window_get_map_view (window)) == GPOINTER_TO_INT (data);
}

static gboolean
key_points_are (gpointer data)
{
  return derm_map_view_get_key_points (derm_window_get_map_view (window)) == GPOINTER_TO_INT (data);
}

static void
test_overlay_keys (void)
{
  g_autofree char *win = display_xid (GTK_WINDOW (window));
  DermMapView *view = derm_window_get_map_view (window);

  CHECK (!derm_map_view_get_nerves (view) && !derm_map_view_get_key_points (view),
         "both overlays start off");
  gtk_widget_grab_focus (GTK_WIDGET (view));
  settle (100);
  xdotool ("key", "--window", win, "n", NULL);
  CHECK (wait_until (nerves_are, GINT_TO_POINTER (TRUE), 2000), "N turns the nerve overlay on");
  xdotool ("key", "--window", win, "k", NULL);
  CHECK (wait_until (key_points_are, GINT_TO_POINTER (TRUE), 2000), "K turns the key points on");
  xdotool ("key", "--window", win, "n", NULL);
  CHECK (wait_until (nerves_are, GINT_TO_POINTER (FALSE), 2000), "N again turns the nerves off");

  /* in the search entry the letters are text, not overlay keys */
  xdotool ("key", "--window", win, "ctrl+f", NULL);
  settle (300);
  xdotool ("type", "--delay", "20", "nk", NULL);
  settle (300);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    GtkWidget *entry = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) : NULL;

    CHECK (entry != NULL && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), "nk") == 0,
           "typing “nk” into the search types it (%s)",
           entry != NULL ? gtk_editable_get_text (GTK_EDITABLE (entry)) : "no entry focused");
  }
  CHECK (!derm_map_view_get_nerves (view) && derm_map_view_get_key_points (view),
         "typing into the search leaves the overlays as they were");
  xdotool ("key", "--window", win, "Escape", NULL);
  settle (300);
}

static void
test_root_or_nerve (void)
{
  DermInfoPanel *panel = derm_window_get_info_panel (window);
  g_autofree char *text = NULL;

  click_region ("anteromedial-leg-right");
  CHECK (wait_until (panel_title_is, (gpointer) "Right anteromedial leg", 3000),
         "a click on the right anteromedial leg shows its card (title: %s)",
         derm_info_panel_get_title (panel));
  text = derm_info_panel_dup_text (panel);
  CHECK (strstr (text, "L4 root") != NULL, "the card shows the root, L4");
  CHECK (strstr (text, "Saphenous nerve (L3, L4)") != NULL, "the card shows the nerve, saphenous");
  CHECK (strstr (text, "Root or nerve?") != NULL, "the card has a “Root or nerve?” section");
  CHECK (strstr (text, "tibialis anterior and knee jerk normal") != NULL,
         "it tells how a saphenous lesion differs");
  CHECK (strstr (text, "Sensory nerve action potentials") != NULL ||
         strstr (text, "sensory nerve action potentials") != NULL,
         "it gives the nerve conduction rule");
  CHECK (strstr (text, "mondelli2013") != NULL, "with its source");
  CHECK (strstr (text, "Root or nerve:") == NULL, "the text does not repeat the heading");
}

/* The labels under the card's first widget with this style class, one a
 * line, or NULL when the card has none. */
static GtkWidget *
find_css_class (GtkWidget  *widget,
                const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_css_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_section_labels (GtkWidget *widget,
                        GPtrArray *lines)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (lines, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_section_labels (child, lines);
}

static GPtrArray *
card_section_lines (const char *css_class)
{
  GtkWidget *section = find_css_class (GTK_WIDGET (derm_window_get_info_panel (window)), css_class);
  GPtrArray *lines;

  if (section == NULL)
    return NULL;
  lines = g_ptr_array_new_with_free_func (g_free);
  collect_section_labels (section, lines);
  return lines;
}

/* Each region's "Root or nerve?" says only what applies to its skin: a
 * line per nerve whose territory includes it ("Sural nerve: ..."), and the
 * rule for any root or nerve lesion; nothing about another skin's nerves
 * (the posterior thigh once read about sural neuropathy and the tarsal
 * tunnel) and no line repeating the heading. */
static void
test_root_or_nerve_per_region (void)
{
  static const struct {
    const char *region;
    const char *present;
    const char *absent[4];
  } cases[] = {
    { "posterior-thigh-central-left", "Posterior femoral cutaneous nerve: ", { "sural", "tarsal", "saphenous", "fibular" } },
    { "posterolateral-calf-right", "Sural nerve: ", { "tarsal", "saphenous", "meralgia", NULL } },
    { "anteromedial-leg-right", "Saphenous nerve: ", { "sural", "tarsal", "fibular", NULL } },
    { "sole-medial-left", "Medial plantar nerve: ", { "sural neuropathy", "saphenous", "fibular", NULL } },
    { "patella-left", NULL, { "sural", "tarsal", "fibular", NULL } },
  };
  DermAtlas *atlas = derm_window_get_atlas (window);
  GPtrArray *regions = derm_atlas_get_regions (atlas);
  g_autoptr (GString) wrong = g_string_new (NULL);
  guint checked = 0;
  guint c_index;

  /* Keegan and Garrett give the posterior thigh to S1, whose own caveat
   * is about the sural nerve and the tarsal tunnel */
  for (guint c = 0; c < 2 * G_N_ELEMENTS (cases); c++)
    {
      const char *map_id = c < G_N_ELEMENTS (cases) ? "isncsci" : "keegan-garrett";
      const DermRegion *region;
      g_autoptr (GPtrArray) lines = NULL;
      g_autofree char *joined = NULL;
      g_autofree char *lower = NULL;

      derm_window_set_map_id (window, map_id);
      c_index = c % G_N_ELEMENTS (cases);
      region = derm_atlas_get_region (atlas, cases[c_index].region);
      g_assert_nonnull (region);
      derm_window_select_region (window, region);
      lines = card_section_lines ("root-or-nerve");
      CHECK (lines != NULL, "%s (%s): the card has a “Root or nerve?” section", cases[c_index].region, map_id);
      if (lines == NULL)
        continue;
      g_ptr_array_add (lines, NULL);
      joined = g_strjoinv ("\n", (char **) lines->pdata);
      lower = g_ascii_strdown (joined, -1);
      if (cases[c_index].present != NULL)
        CHECK (strstr (joined, cases[c_index].present) != NULL, "%s: it names “%s”", cases[c_index].region,
               cases[c_index].present);
      for (guint a = 0; a < G_N_ELEMENTS (cases[c_index].absent) && cases[c_index].absent[a] != NULL; a++)
        CHECK (strstr (lower, cases[c_index].absent[a]) == NULL, "%s: nothing about “%s” (%s)",
               cases[c_index].region, cases[c_index].absent[a], joined);
    }

  /* every region on every map: each line is a nerve of that skin, or the
   * general rule */
  for (guint m = 0; m < derm_atlas_get_maps (atlas)->len; m++)
    {
      const DermMap *map = g_ptr_array_index (derm_atlas_get_maps (atlas), m);

      derm_window_set_map_id (window, map->id);
      for (guint i = 0; i < regions->len; i++)
        {
          const DermRegion *region = g_ptr_array_index (regions, i);
          g_autoptr (GPtrArray) nerves = derm_atlas_get_region_nerves (atlas, region);
          g_autoptr (GPtrArray) lines = NULL;

          derm_window_select_region (window, region);
          lines = card_section_lines ("root-or-nerve");
          if (lines == NULL)
            continue;
          checked++;
          for (guint l = 0; l < lines->len; l++)
            {
              const char *line = g_ptr_array_index (lines, l);
              gboolean ok = l == 0 ? g_str_equal (line, "Root or nerve?")
                                   : strstr (line, "sensory nerve action potentials") != NULL;

              for (guint n = 0; !ok && nerves != NULL && n < nerves->len; n++)
                {
                  const DermNerve *nerve = g_ptr_array_index (nerves, n);
                  g_autofree char *prefix = g_strdup_printf ("%c%s: ", g_ascii_toupper (nerve->name[0]),
                                                             nerve->name + 1);

                  ok = g_str_has_prefix (line, prefix);
                }
              if (!ok || (l > 0 && g_str_has_prefix (line, "Root or nerve")))
                g_string_append_printf (wrong, " %s on %s: “%.60s…”;", region->id, map->id, line);
            }
        }
    }
  CHECK (checked > 120 && wrong->len == 0,
         "on %u cards every “Root or nerve?” line is about a nerve of that skin or the general rule%s",
         checked, wrong->str);
  derm_window_select_region (window, NULL);
}

/* The saddle shows the cauda equina red flag on every map, also where the
 * map leaves it blank (Lee 2008 does not draw S3-S5). */
static void
test_saddle_red_flag (void)
{
  static const char * const saddle[] = { "perianal-outer-mid", "perianal-inner-mid" };
  DermAtlas *atlas = derm_window_get_atlas (window);
  GPtrArray *maps = derm_atlas_get_maps (atlas);

  for (guint m = 0; m < maps->len; m++)
    {
      const DermMap *map = g_ptr_array_index (maps, m);

      derm_window_set_map_id (window, map->id);
      for (guint i = 0; i < G_N_ELEMENTS (saddle); i++)
        {
          const DermRegion *region = derm_atlas_get_region (atlas, saddle[i]);
          g_autoptr (GPtrArray) lines = NULL;
          g_autofree char *joined = NULL;
          g_autofree char *text = NULL;

          g_assert_nonnull (region);
          derm_window_select_region (window, region);
          lines = card_section_lines ("red-flag");
          if (lines != NULL)
            {
              g_ptr_array_add (lines, NULL);
              joined = g_strjoinv (" ", (char **) lines->pdata);
            }
          CHECK (joined != NULL && strstr (joined, "Red flags") != NULL &&
                 strstr (joined, "Cauda equina syndrome") != NULL &&
                 strstr (joined, "emergency MRI") != NULL,
                 "%s on %s: the card shows the cauda equina red flag (%s)", saddle[i], map->id,
                 joined != NULL ? joined : "no red flag");
          text = derm_info_panel_dup_text (derm_window_get_info_panel (window));
          if (derm_map_get_roots (map, region)[0] == NULL)
            CHECK (strstr (text, "Not drawn by this map") != NULL &&
                   strstr (text, "The other maps give this skin S") != NULL,
                   "%s on %s: blank, it says so and which roots the other maps give", saddle[i], map->id);
        }
    }
  derm_window_set_map_id (window, "isncsci");
  derm_window_select_region (window, NULL);
}

static gboolean
panel_title_has_prefix (gpointer data)
{
  const char *title = derm_info_panel_get_title (derm_window_get_info_panel (window));

  return title != NULL && g_str_has_prefix (title, data);
}

static void
test_key_point_click (void)
{
  DermMapView *view = derm_window_get_map_view (window);
  DermInfoPanel *panel = derm_window_get_info_panel (window);
  const DermKeyPoint *kp = derm_atlas_get_key_point (derm_window_get_atlas (window), "L4", DERM_SIDE_LEFT);
  g_autofree char *sx = NULL, *sy = NULL, *win = display_xid (GTK_WINDOW (window));
  g_autofree char *text = NULL;
  double x, y;

  g_assert_nonnull (kp);
  if (!derm_map_view_get_key_points (view))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.key-points", NULL);
  CHECK (wait_until (key_points_are, GINT_TO_POINTER (TRUE), 2000), "key points are on");

  g_assert_true (derm_map_view_key_point_to_widget (view, kp, &x, &y));
  /* a little off the centre: the dot is a target, not a pixel */
  x += 3;
  CHECK (derm_map_view_key_point_at (view, x, y) == kp, "the view finds the L4 dot under the point");
  map_point_to_window (x, y, &sx, &sy);
  xdotool ("mousemove", "--window", win, sx, sy, NULL);
  settle (100);
  xdotool ("click", "1", NULL);
  CHECK (wait_until (panel_title_has_prefix, (gpointer) "L4 key sensory point", 3000),
         "a click on the L4 dot shows its key point card (title: %s)", derm_info_panel_get_title (panel));
  text = derm_info_panel_dup_text (panel);
  CHECK (strstr (text, "Medial malleolus") != NULL, "the card gives the exact point: medial malleolus");
  CHECK (strstr (text, "0 absent, 1 altered, 2 normal, NT not testable") != NULL &&
         strstr (text, "is19") != NULL,
         "the card gives the ISNCSCI scoring with its source");
  CHECK (strstr (text, "Left side") != NULL, "the card names the patient's side");

  /* hidden, the dots are no longer targets */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.key-points", NULL);
  CHECK (wait_until (key_points_are, GINT_TO_POINTER (FALSE), 2000), "the key points action toggles them off");
  CHECK (derm_map_view_key_point_at (view, x, y) == NULL, "hidden dots are not hit");
}

static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "|%s|", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

static void
test_help_overlay (void)
{
  g_autoptr (GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/dermatomes/Dermatomes/gtk/help-overlay.ui");

  GtkWindow *overlay;

  CHECK (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")),
         "the shortcuts window loads");

  /* opened as a person does, both pages drawn: GTK 4.8 warned here about
   * the page numbers' width (display-util fails on any warning) */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  overlay = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  CHECK (overlay != NULL && wait_until ((Condition) gtk_widget_get_mapped, overlay, 3000),
         "Ctrl+? shows the shortcuts window");
  settle (300);
  if (overlay != NULL)
    {
      g_autoptr (GString) keys = g_string_new (NULL);

      collect_labels (GTK_WIDGET (overlay), keys);
      CHECK (strstr (keys->str, "|Page Down|") != NULL && strstr (keys->str, "Page_") == NULL,
             "the shortcuts window names Page Down as its key cap does");
      gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
    }
  settle (100);
}

static gboolean
find_about (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (item))
        {
          *(GObject **) data = item;
          return TRUE;
        }
    }

  return FALSE;
}

/* The mapped menu button with this icon, or else this label. */
static GtkMenuButton *
find_menu_button (GtkWidget  *widget,
                  const char *icon_name,
                  const char *label)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      ((icon_name != NULL && g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), icon_name) == 0) ||
       (label != NULL && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), label) == 0)))
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_menu_button (child, icon_name, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
popover_shows (gpointer data)
{
  GtkMenuButton *button = data;
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

static gboolean
popover_hidden (gpointer data)
{
  return !popover_shows (data);
}

/* The menus are made when they first open: they must still open, with
 * their items, from a click and from F10. */
static void
test_menus (void)
{
  g_autofree char *win = display_xid (GTK_WINDOW (window));
  GtkMenuButton *primary = find_menu_button (GTK_WIDGET (window), "open-menu-symbolic", NULL);
  GtkMenuButton *maps = find_menu_button (GTK_WIDGET (window), NULL, "ISNCSCI (Foerster)");
  GtkPopover *popover;

  g_assert_nonnull (primary);
  g_assert_nonnull (maps);
  gtk_widget_grab_focus (GTK_WIDGET (derm_window_get_map_view (window)));
  xdotool ("key", "--window", win, "F10", NULL);
  CHECK (wait_until (popover_shows, primary, 3000), "F10 opens the main menu");
  popover = gtk_menu_button_get_popover (primary);
  CHECK (popover != NULL && shows_label (GTK_WIDGET (popover), "Presentation Mode") &&
         shows_label (GTK_WIDGET (popover), "Export"),
         "the main menu lists its items");
  xdotool ("key", "--window", win, "Escape", NULL);
  CHECK (wait_until (popover_hidden, primary, 3000), "Escape closes the main menu");

  {
    g_autofree char *sx = NULL, *sy = NULL;

    widget_point_to_window (GTK_WIDGET (maps), gtk_widget_get_width (GTK_WIDGET (maps)) / 2.0,
                            gtk_widget_get_height (GTK_WIDGET (maps)) / 2.0, &sx, &sy);
    xdotool ("mousemove", "--window", win, sx, sy, NULL);
    settle (100);
    xdotool ("click", "1", NULL);
  }
  CHECK (wait_until (popover_shows, maps, 3000), "a click opens the map menu");
  popover = gtk_menu_button_get_popover (maps);
  CHECK (popover != NULL && shows_label (GTK_WIDGET (popover), "Keegan and Garrett") &&
         shows_label (GTK_WIDGET (popover), "About This Map"),
         "the map menu lists the maps and About This Map");
  xdotool ("key", "--window", win, "Escape", NULL);
  CHECK (wait_until (popover_hidden, maps, 3000), "Escape closes the map menu");
}

static void
test_about (void)
{
  GObject *about = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (g_application_get_default ()), "about", NULL);
  CHECK (wait_until (find_about, &about, 3000), "the main menu's About opens an About window");
  if (about == NULL)
    return;
  CHECK (strstr (adw_about_window_get_comments (ADW_ABOUT_WINDOW (about)), "not a diagnostic device") != NULL,
         "it says plainly that this is not a diagnostic device");
  CHECK (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)) == GTK_LICENSE_GPL_3_0,
         "it names the licence");
  /* installed or not (the tests run from the build tree) */
  CHECK (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (about))),
                                  adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about))),
         "its icon is found (%s)", adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)));
  gtk_window_destroy (GTK_WINDOW (about));
}

/* As the window opens the map has the focus, unseen, on no region yet:
 * the first Tab rings one there rather than leave for the zoom button. */
static void
test_first_tab (void)
{
  DermMapView *view = derm_window_get_map_view (window);
  g_autofree char *win = display_xid (GTK_WINDOW (window));
  g_autofree guchar *before = NULL, *after = NULL;
  int width, height;
  guint changed;

  CHECK (map_has_focus (NULL), "the map has the focus as the window opens");
  before = display_widget_pixels (GTK_WIDGET (derm_window_get_map_view (window)), &width, &height);
  xdotool ("key", "--window", win, "Tab", NULL);
  settle (300);
  CHECK (gtk_widget_is_focus (GTK_WIDGET (view)), "the first Tab keeps the focus on the map");
  after = display_widget_pixels (GTK_WIDGET (derm_window_get_map_view (window)), &width, &height);
  changed = changed_near (before, after, width, height, width / 2.0, height / 2.0, MAX (width, height));
  CHECK (changed > 40, "and rings a region (%u pixels changed)", changed);
}

static void
run_tests (DermWindow *test_window)
{
  window = test_window;
  derm_window_set_view (window, "both");
  settle (300);

  /* first: the window as it opens */
  test_first_tab ();
  test_help_overlay ();
  test_menus ();
  test_click_shows_card ();
  test_root_list ();
  test_root_list_keyboard ();
  test_keyboard ();
  test_focus_ring_on_tab ();
  test_search ();
  test_switch_maps ();
  test_labels_readable ();
  test_click_clears_root ();
  test_overlay_keys ();
  test_root_or_nerve ();
  test_root_or_nerve_per_region ();
  test_saddle_red_flag ();
  test_key_point_click ();
  /* last: the About window takes the X focus */
  test_about ();
}

int
main (int argc, char *argv[])
{
  return display_test_main (1100, 750, run_tests);
}
