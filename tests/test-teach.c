/* test-teach.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Teaching under Xvfb: presentation mode driven with a clicker's keys, and
 * quizzes answered with clicks on the legs and number keys, the way a
 * lecturer and a student would. Keys and clicks go through the X server.
 * Skips (exit 77) when no display opens.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <gdk/x11/gdkx.h>
#include <math.h>
#include <string.h>

#include "derm-application.h"
#include "derm-quiz-dialog.h"
#include "display-util.h"
#include "derm-window.h"

static DermWindow *window;

/* The share of the widget's pixels that are near black, as drawn now. */
static double
dark_fraction (GtkWidget *widget)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  guint64 dark = 0;

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return 0;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  w = gdk_texture_get_width (texture);
  h = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize) w * h * 4);
  gdk_texture_download (texture, pixels, (gsize) w * 4);
  for (gsize i = 0; i < (gsize) w * h; i++)
    {
      /* BGRA or RGBA alike: the three colours */
      const guchar *p = pixels + 4 * i;

      dark += p[0] < 24 && p[1] < 24 && p[2] < 24;
    }
  return (double) dark / ((double) w * h);
}

static void
key (const char *name)
{
  g_autofree char *win = display_xid (GTK_WINDOW (window));

  xdotool ("key", "--window", win, name, NULL);
  settle (150);
}

/* Click a widget point of the map view through the X server. */
static void
click_map_point (double x,
                 double y)
{
  DermMapView *view = derm_window_get_map_view (window);
  graphene_point_t in = GRAPHENE_POINT_INIT (x, y), out;
  g_autofree char *sx = NULL, *sy = NULL, *win = display_xid (GTK_WINDOW (window));
  double tx, ty;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (window), &in, &out));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &tx, &ty);
  sx = g_strdup_printf ("%d", (int) round (out.x + tx));
  sy = g_strdup_printf ("%d", (int) round (out.y + ty));
  xdotool ("mousemove", "--window", win, sx, sy, NULL);
  settle (100);
  xdotool ("click", "1", NULL);
  settle (150);
}

static void
click_region (const DermRegion *region)
{
  double x = -2, y = -2;

  g_assert_nonnull (region);
  /* where the region is on the screen now, not before the last layout,
   * and not while a panel still slides in: the same place two frames in
   * a row */
  {
    double last_x = -1, last_y = -1;
    gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

    do
      {
        last_x = x, last_y = y;
        wait_for_layout (GTK_WIDGET (window));
        g_assert_true (derm_map_view_region_to_widget (derm_window_get_map_view (window), region, &x, &y));
      }
    while ((x != last_x || y != last_y) && g_get_monotonic_time () < end);
  }
  click_map_point (x, y);
}

static gboolean
presentation_is (gpointer data)
{
  return derm_window_get_presentation (window) == GPOINTER_TO_INT (data);
}

static gboolean
selected_root_is (gpointer data)
{
  return g_strcmp0 (derm_map_view_get_selected_root (derm_window_get_map_view (window)), data) == 0;
}

static gboolean
pointer_hidden_is (gpointer data)
{
  return derm_map_view_get_pointer_hidden (derm_window_get_map_view (window)) == GPOINTER_TO_INT (data);
}

static gboolean
phase_is (gpointer data)
{
  return derm_quiz_panel_get_phase (derm_window_get_quiz_panel (window)) == (DermQuizPhase) GPOINTER_TO_INT (data);
}

static gboolean
result_is (gpointer data)
{
  return g_strcmp0 (derm_quiz_panel_get_result_text (derm_window_get_quiz_panel (window)), data) == 0;
}

/* The smallest font, in pixels, of the visible labels under a widget. */
static double
smallest_label_px (GtkWidget *widget)
{
  double smallest = G_MAXDOUBLE;

  if (!gtk_widget_get_visible (widget))
    return smallest;

  if (GTK_IS_LABEL (widget) && gtk_label_get_label (GTK_LABEL (widget))[0] != '\0')
    {
      const PangoFontDescription *font =
        pango_context_get_font_description (gtk_widget_get_pango_context (widget));
      double size = pango_font_description_get_size (font) / (double) PANGO_SCALE;

      if (!pango_font_description_get_size_is_absolute (font))
        size = size * 96.0 / 72.0;
      smallest = size;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    smallest = MIN (smallest, smallest_label_px (child));

  return smallest;
}

static GtkWidget *
find_by_class (GtkWidget  *widget,
               const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The key hint shown on entering presentation lies above or below the
 * legs, never across them: no region's point shares its rows. */
static void
check_hint_off_legs (void)
{
  DermMapView *view = derm_window_get_map_view (window);
  GtkWidget *hint = find_by_class (GTK_WIDGET (window), "presentation-hint");
  GPtrArray *regions = derm_atlas_get_regions (derm_window_get_atlas (window));
  graphene_rect_t bounds;
  double top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE;

  CHECK (hint != NULL && gtk_widget_get_mapped (hint) &&
         gtk_widget_compute_bounds (hint, GTK_WIDGET (view), &bounds), "presentation shows the key hint");
  if (hint == NULL || !gtk_widget_compute_bounds (hint, GTK_WIDGET (view), &bounds))
    return;
  for (guint i = 0; i < regions->len; i++)
    {
      double x, y;

      if (!derm_map_view_region_to_widget (view, g_ptr_array_index (regions, i), &x, &y))
        continue;
      top = MIN (top, y);
      bottom = MAX (bottom, y);
    }
  CHECK (bounds.origin.y + bounds.size.height < top || bounds.origin.y > bottom,
         "the key hint (rows %.0f-%.0f) keeps off the legs (rows %.0f-%.0f)",
         bounds.origin.y, bounds.origin.y + bounds.size.height, top, bottom);
}

static void
test_presentation (void)
{
  DermMapView *view = derm_window_get_map_view (window);
  DermInfoPanel *panel = derm_window_get_info_panel (window);
  double px;

  derm_window_select_root (window, NULL);
  key ("F5");
  CHECK (wait_until (presentation_is, GINT_TO_POINTER (TRUE), 3000), "F5 enters presentation mode");
  CHECK (gtk_widget_has_css_class (GTK_WIDGET (window), "presentation") &&
         derm_map_view_get_presentation (view),
         "the window and the map are styled for a projector");
  settle (600);
  check_hint_off_legs ();

  /* the clicker: Page Down, Right and Space step on; Page Up and Left back */
  key ("Next");
  CHECK (wait_until (selected_root_is, (gpointer) "T10", 2000),
         "Page Down reveals the first root, T10 (selected: %s)", derm_map_view_get_selected_root (view));
  key ("Next");
  CHECK (wait_until (selected_root_is, (gpointer) "T11", 2000), "Page Down again: T11");
  key ("Right");
  CHECK (wait_until (selected_root_is, (gpointer) "T12", 2000), "Right: T12");
  key ("space");
  CHECK (wait_until (selected_root_is, (gpointer) "L1", 2000), "Space: L1");
  CHECK (g_strcmp0 (derm_info_panel_get_title (panel), "L1") == 0 ||
         (derm_info_panel_get_title (panel) != NULL && strstr (derm_info_panel_get_title (panel), "L1") != NULL),
         "the panel shows the L1 card (title: %s)", derm_info_panel_get_title (panel));
  key ("Prior");
  CHECK (wait_until (selected_root_is, (gpointer) "T12", 2000), "Page Up goes back to T12");
  key ("Left");
  CHECK (wait_until (selected_root_is, (gpointer) "T11", 2000), "Left goes back to T11");

  /* panel text large enough for the back of a lecture hall */
  settle (300);
  px = smallest_label_px (GTK_WIDGET (panel));
  CHECK (px >= 28.0 - 0.01, "every panel label is at least 28 px in presentation (smallest: %.1f px)", px);

  /* hide and reveal: with the labels hidden nothing names the root, not
   * the card in the panel, not a tooltip */
  key ("h");
  CHECK (!derm_map_view_get_labels (view), "H hides the labels");
  settle (400);
  CHECK (!gtk_widget_is_drawable (GTK_WIDGET (panel)), "and the card naming %s with them",
         derm_info_panel_get_title (panel));
  {
    const DermRegion *any = derm_atlas_get_region (derm_window_get_atlas (window), "medial-malleolus-left");
    g_autofree char *tip = derm_map_view_describe_region (view, any);

    CHECK (strstr (tip, "L4") == NULL, "a tooltip names no root (%s)", tip);
  }
  key ("h");
  CHECK (derm_map_view_get_labels (view), "H shows them again");
  settle (400);
  CHECK (gtk_widget_is_drawable (GTK_WIDGET (panel)) && derm_map_view_get_reveal_roots (view),
         "and the card with them");

  key ("b");
  CHECK (derm_window_get_presentation_blank (window), "B blanks the map");
  settle (300);
  {
    /* the window's content: without a window manager Xvfb draws its frame */
    double dark = dark_fraction (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)));

    CHECK (dark > 0.99, "B blanks the whole screen, the panel too (%.1f%% dark)", 100 * dark);
  }
  key ("b");
  CHECK (!derm_window_get_presentation_blank (window), "B again shows it");

  key ("n");
  CHECK (derm_map_view_get_nerves (view), "N shows the nerve overlay");
  key ("n");
  key ("k");
  CHECK (derm_map_view_get_key_points (view), "K shows the key points");
  key ("k");
  CHECK (!derm_map_view_get_nerves (view) && !derm_map_view_get_key_points (view),
         "N and K toggle them off again");

  /* a click still answers */
  click_region (derm_atlas_get_region (derm_window_get_atlas (window), "medial-malleolus-left"));
  CHECK (g_strcmp0 (derm_info_panel_get_title (panel), "Left medial malleolus") == 0,
         "a click in presentation mode shows the region's card (title: %s)",
         derm_info_panel_get_title (panel));

  /* the pointer hides when idle and comes back when it moves */
  CHECK (wait_until (pointer_hidden_is, GINT_TO_POINTER (TRUE), 6000),
         "the pointer hides after a few idle seconds");
  xdotool ("mousemove_relative", "--", "15", "10", NULL);
  CHECK (wait_until (pointer_hidden_is, GINT_TO_POINTER (FALSE), 2000), "it comes back when moved");

  key ("Escape");
  CHECK (wait_until (presentation_is, GINT_TO_POINTER (FALSE), 3000), "Esc leaves presentation mode");
  CHECK (!gtk_widget_has_css_class (GTK_WIDGET (window), "presentation") &&
         !derm_map_view_get_presentation (view),
         "the projector style is gone");
}

/* A region of the view's layout whose roots on the map include root. */
static const DermRegion *
region_with_root (const char *root,
                  gboolean    with)
{
  DermAtlas *atlas = derm_window_get_atlas (window);
  const DermMap *map = derm_atlas_get_map (atlas, derm_window_get_map_id (window));
  GPtrArray *regions = derm_atlas_get_regions (atlas);
  const DermRegion *best = NULL;

  for (guint i = 0; i < regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (regions, i);
      const char * const *roots = derm_map_get_roots (map, region);
      double x, y;

      if (roots == NULL || roots[0] == NULL)
        continue;
      if (derm_map_region_has_root (map, region, root) != with)
        continue;
      if (!derm_map_view_region_to_widget (derm_window_get_map_view (window), region, &x, &y))
        continue;
      /* far from the root's zones when it must not have it */
      if (!with && (g_str_has_prefix (region->name_id, "perianal") || g_str_equal (region->name_id, "genital")))
        continue;
      best = region;
      if (with)
        break;
    }

  return best;
}

/* After an answer the button to go on is in full view in the panel, not
 * scrolled off under the explanation (1280x800). */
static void
check_next_in_view (DermQuizPanel *panel)
{
  GtkWidget *next = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (panel), DERM_TYPE_QUIZ_PANEL,
                                                              "next_button"));
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (-1, -1, 0, 0);
  gboolean placed = gtk_widget_get_mapped (next) &&
                    gtk_widget_compute_bounds (next, GTK_WIDGET (panel), &bounds);

  CHECK (placed && bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (GTK_WIDGET (panel)),
         "“Next Question” is in full view (rows %.0f-%.0f of %d)",
         bounds.origin.y, bounds.origin.y + bounds.size.height, gtk_widget_get_height (GTK_WIDGET (panel)));
}

static void
test_practice_quiz (void)
{
  DermQuizPanel *panel = derm_window_get_quiz_panel (window);
  DermMapView *view = derm_window_get_map_view (window);
  DermQuizOptions options;
  const DermQuizQuestion *question;
  g_autofree char *first_prompt = NULL;

  derm_window_set_map_id (window, "isncsci");
  derm_quiz_options_init (&options);
  options.kinds = 1u << DERM_QUIZ_FIND_ROOT;
  options.count = 2;
  options.seed = 7;
  options.map_id = "isncsci";
  CHECK (derm_window_start_quiz (window, &options, FALSE, 0), "a find-the-root quiz starts");
  CHECK (phase_is (GINT_TO_POINTER (DERM_QUIZ_PHASE_ASKING)), "it asks the first question");
  question = derm_quiz_panel_get_question (panel);
  g_assert_nonnull (question);
  first_prompt = g_strdup (question->prompt);
  CHECK (g_strcmp0 (derm_quiz_panel_get_prompt_text (panel), question->prompt) == 0,
         "the panel shows the prompt: %s", derm_quiz_panel_get_prompt_text (panel));
  CHECK (!derm_map_view_get_labels (view) && !derm_map_view_get_reveal_roots (view),
         "while it asks, the legs show no root labels and tooltips name no roots");
  {
    const DermRegion *any = derm_atlas_get_region (derm_window_get_atlas (window), "medial-malleolus-left");
    g_autofree char *tip = derm_map_view_describe_region (view, any);

    CHECK (strstr (tip, "L4") == NULL, "a tooltip gives no root away (%s)", tip);
  }

  /* the right answer: a click on a zone of the root */
  click_region (region_with_root (question->accept_roots[0], TRUE));
  settle (300);
  check_next_in_view (panel);
  CHECK (wait_until (result_is, (gpointer) "Right", 2000),
         "a click on a %s zone is right (shown: %s)", question->accept_roots[0],
         derm_quiz_panel_get_result_text (panel));
  CHECK (g_strcmp0 (derm_quiz_panel_get_score_text (panel), "1 of 1 right") == 0,
         "the score counts it (%s)", derm_quiz_panel_get_score_text (panel));
  CHECK (derm_map_view_get_labels (view) &&
         g_strcmp0 (derm_map_view_get_selected_root (view), question->accept_roots[0]) == 0,
         "the answer is shown on the legs: %s stands out, labelled", question->accept_roots[0]);

  key ("Next");
  CHECK (derm_quiz_panel_get_index (panel) == 1 && phase_is (GINT_TO_POINTER (DERM_QUIZ_PHASE_ASKING)),
         "Page Down goes on to the second question");
  question = derm_quiz_panel_get_question (panel);
  CHECK (g_strcmp0 (question->prompt, first_prompt) != 0, "no question repeats (%s)", question->prompt);

  /* a wrong answer */
  click_region (region_with_root (question->accept_roots[0], FALSE));
  CHECK (wait_until (result_is, (gpointer) "Not quite", 2000),
         "a click far from any %s zone is wrong (shown: %s)", question->accept_roots[0],
         derm_quiz_panel_get_result_text (panel));

  key ("Return");
  CHECK (wait_until (phase_is, GINT_TO_POINTER (DERM_QUIZ_PHASE_FINISHED), 2000),
         "Enter on Next after the last question shows the results");
  CHECK (g_strcmp0 (derm_quiz_panel_get_result_text (panel), "1 of 2 right") == 0,
         "the final score: %s", derm_quiz_panel_get_result_text (panel));
  CHECK (derm_quiz_panel_get_n_review_rows (panel) == 1, "the review lists the one mistake");
  CHECK (derm_map_view_get_labels (view) && derm_map_view_get_reveal_roots (view),
         "after the quiz the legs are labelled again");

  /* name the root: the area is marked, the answer is a number key */
  options.kinds = 1u << DERM_QUIZ_NAME_ROOT;
  options.count = 3;
  options.seed = 11;
  CHECK (derm_window_start_quiz (window, &options, FALSE, 0), "a name-the-root quiz starts");
  question = derm_quiz_panel_get_question (panel);
  CHECK (question->choices != NULL && question->choices->len == 4, "it offers four choices");
  CHECK (derm_map_view_get_marker_region (view) == question->region && question->region != NULL,
         "the area asked about is marked on the legs");
  {
    char digit[2] = { (char) ('1' + question->correct_choice), '\0' };

    key (digit);
  }
  CHECK (wait_until (result_is, (gpointer) "Right", 2000),
         "pressing the number of the right choice is right (shown: %s)",
         derm_quiz_panel_get_result_text (panel));
  key ("Next");
  question = derm_quiz_panel_get_question (panel);
  {
    char digit[2] = { (char) ('1' + (question->correct_choice + 1) % 4), '\0' };

    key (digit);
  }
  CHECK (wait_until (result_is, (gpointer) "Not quite", 2000), "a wrong number is wrong");

  /* key point: a click on the point */
  options.kinds = 1u << DERM_QUIZ_KEY_POINT;
  options.count = 1;
  options.seed = 3;
  CHECK (derm_window_start_quiz (window, &options, FALSE, 0), "a key-point quiz starts");
  question = derm_quiz_panel_get_question (panel);
  CHECK (!derm_map_view_get_key_points (view), "the key points are hidden while it asks");
  {
    double x, y;

    g_assert_nonnull (question->key_point);
    wait_for_layout (GTK_WIDGET (window));
    g_assert_true (derm_map_view_key_point_to_widget (view, question->key_point, &x, &y));
    click_map_point (x + 2, y + 2);
  }
  CHECK (wait_until (result_is, (gpointer) "Right", 2000),
         "a click on the key point is right (shown: %s)", derm_quiz_panel_get_result_text (panel));
  CHECK (derm_map_view_get_key_points (view) && derm_map_view_get_marker_key_point (view) == question->key_point,
         "the answer rings the key point");

  /* a timer that runs out */
  options.kinds = 1u << DERM_QUIZ_REFLEX;
  options.count = 1;
  CHECK (derm_window_start_quiz (window, &options, FALSE, 1), "a timed quiz starts");
  CHECK (wait_until (result_is, (gpointer) "Time is up", 4000),
         "with no answer in time: %s", derm_quiz_panel_get_result_text (panel));

  key ("Escape");
  CHECK (phase_is (GINT_TO_POINTER (DERM_QUIZ_PHASE_NONE)), "Esc ends the quiz");
}

static void
test_class_quiz (void)
{
  DermQuizPanel *panel = derm_window_get_quiz_panel (window);
  DermQuizOptions options;

  derm_quiz_options_init (&options);
  options.count = 3;
  options.seed = 5;
  options.kinds = (1u << DERM_QUIZ_MOTOR) | (1u << DERM_QUIZ_ROOT_OR_NERVE);
  CHECK (derm_window_start_quiz (window, &options, TRUE, 0), "a class quiz starts");
  CHECK (wait_until (presentation_is, GINT_TO_POINTER (TRUE), 3000), "on the projector");
  settle (300);
  CHECK (gtk_widget_is_drawable (GTK_WIDGET (panel)), "the quiz panel shows");

  key ("Next");
  CHECK (phase_is (GINT_TO_POINTER (DERM_QUIZ_PHASE_REVEALED)) &&
         g_strcmp0 (derm_quiz_panel_get_result_text (panel), "Answer") == 0,
         "Page Down reveals the answer, unscored (%s)", derm_quiz_panel_get_result_text (panel));
  {
    const DermQuizQuestion *q = derm_quiz_panel_get_question (panel);

    settle (300);
    check_next_in_view (panel);
    /* a muscle or a reflex is not skin: the answer is not painted as a dermatome */
    if (q != NULL && (q->kind == DERM_QUIZ_MOTOR || q->kind == DERM_QUIZ_REFLEX))
      CHECK (derm_map_view_get_selected_root (derm_window_get_map_view (window)) == NULL,
             "a motor answer is not shown as skin (map: %s)",
             derm_map_view_get_selected_root (derm_window_get_map_view (window)));
    else
      CHECK (q != NULL && q->kind == DERM_QUIZ_ROOT_OR_NERVE, "the first question is a case");
  }
  key ("Next");
  CHECK (derm_quiz_panel_get_index (panel) == 1 && phase_is (GINT_TO_POINTER (DERM_QUIZ_PHASE_ASKING)),
         "Page Down again: the next question");
  key ("Prior");
  CHECK (derm_quiz_panel_get_index (panel) == 0 && phase_is (GINT_TO_POINTER (DERM_QUIZ_PHASE_REVEALED)),
         "Page Up: back to the first, answered");
  key ("Escape");
  CHECK (wait_until (presentation_is, GINT_TO_POINTER (FALSE), 3000), "Esc leaves presentation");
  CHECK (!phase_is (GINT_TO_POINTER (DERM_QUIZ_PHASE_NONE)), "the quiz goes on in the window");
  key ("Escape");
  CHECK (phase_is (GINT_TO_POINTER (DERM_QUIZ_PHASE_NONE)), "a second Esc ends it");
}

/* The map view as drawn now, 4 bytes a pixel (BGRA or RGBA). */

/* A colour, not a grey: the spread of its three channels. */
static gboolean
coloured_at (const guchar *pixels,
             int           width,
             int           height,
             double        x,
             double        y)
{
  int px = (int) round (x), py = (int) round (y);
  const guchar *p;

  if (px < 0 || py < 0 || px >= width || py >= height)
    return FALSE;
  p = pixels + 4 * ((gsize) py * width + px);
  return MAX (p[0], MAX (p[1], p[2])) - MIN (p[0], MIN (p[1], p[2])) > 48;
}

/* How many regions show a colour at their label point, leaving out those
 * within 40 px of the asked area's ring. */
static guint
coloured_regions (const DermRegion *asked,
                  GString          *which)
{
  DermMapView *view = derm_window_get_map_view (window);
  GPtrArray *regions = derm_atlas_get_regions (derm_window_get_atlas (window));
  g_autofree guchar *pixels = NULL;
  double asked_x = -1000, asked_y = -1000;
  int width, height;
  guint n = 0;

  pixels = display_widget_pixels (GTK_WIDGET (derm_window_get_map_view (window)), &width, &height);
  if (asked != NULL)
    derm_map_view_region_to_widget (view, asked, &asked_x, &asked_y);
  for (guint i = 0; i < regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (regions, i);
      double x, y;

      if (region == asked || !derm_map_view_region_to_widget (view, region, &x, &y) ||
          hypot (x - asked_x, y - asked_y) < 40)
        continue;
      if (coloured_at (pixels, width, height, x, y))
        {
          n++;
          if (which != NULL && which->len < 200)
            g_string_append_printf (which, " %s", region->id);
        }
    }
  return n;
}

/* While a question waits, no colour on the legs tells the answer: not the
 * other leg's same zone, not the roots around; once answered, the colours
 * come back. In the window and in a class quiz on the projector. */
static void
test_quiz_hides_colours (void)
{
  DermQuizPanel *panel = derm_window_get_quiz_panel (window);
  DermMapView *view = derm_window_get_map_view (window);
  const DermQuizQuestion *question;
  DermQuizOptions options;
  g_autoptr (GString) which = g_string_new (NULL);
  guint n;

  derm_window_set_map_id (window, "isncsci");
  derm_window_set_view (window, "both");
  n = coloured_regions (NULL, NULL);
  CHECK (n > 40, "outside a quiz the regions show their roots' colours (%u)", n);

  derm_quiz_options_init (&options);
  options.map_id = "isncsci";
  options.kinds = 1u << DERM_QUIZ_NAME_ROOT;
  options.count = 2;
  options.seed = 11;
  CHECK (derm_window_start_quiz (window, &options, FALSE, 0), "a name-the-root quiz starts");
  question = derm_quiz_panel_get_question (panel);
  g_assert_nonnull (question);
  g_assert_nonnull (question->region);
  settle (300);
  g_string_truncate (which, 0);
  n = coloured_regions (question->region, which);
  CHECK (n == 0, "while “%s” waits no other region shows a colour (%u:%s)", question->prompt, n, which->str);
  {
    const DermRegion *mirror = NULL;
    g_autofree guchar *pixels = NULL;
    int width, height;
    double x, y;

    if (question->region->side != DERM_SIDE_MID)
      {
        g_autofree char *other = g_strdup_printf ("%s-%s", question->region->name_id,
                                                  question->region->side == DERM_SIDE_LEFT ? "right" : "left");

        mirror = derm_atlas_get_region (derm_window_get_atlas (window), other);
      }
    pixels = display_widget_pixels (GTK_WIDGET (derm_window_get_map_view (window)), &width, &height);
    if (mirror != NULL && derm_map_view_region_to_widget (view, mirror, &x, &y))
      CHECK (!coloured_at (pixels, width, height, x, y), "the other leg's %s shows no colour", mirror->id);
  }

  key ("1");
  CHECK (wait_until (phase_is, GINT_TO_POINTER (DERM_QUIZ_PHASE_REVEALED), 2000), "a number answers it");
  settle (300);
  n = coloured_regions (NULL, NULL);
  CHECK (n > 2, "answered, the legs show the colours again (%u regions)", n);

  /* find the root: nothing is asked about on the legs, nothing coloured */
  options.kinds = 1u << DERM_QUIZ_FIND_ROOT;
  options.seed = 7;
  CHECK (derm_window_start_quiz (window, &options, FALSE, 0), "a find-the-root quiz starts");
  settle (300);
  g_string_truncate (which, 0);
  n = coloured_regions (NULL, which);
  CHECK (n == 0, "while a find-the-root question waits no region shows a colour (%u:%s)", n, which->str);
  key ("Escape");
  settle (200);

  /* a class quiz on the projector: the same until Page Down reveals it */
  options.kinds = 1u << DERM_QUIZ_NAME_ROOT;
  options.seed = 5;
  CHECK (derm_window_start_quiz (window, &options, TRUE, 0), "a class quiz starts");
  CHECK (wait_until (presentation_is, GINT_TO_POINTER (TRUE), 3000), "on the projector");
  settle (500);
  question = derm_quiz_panel_get_question (panel);
  g_string_truncate (which, 0);
  n = coloured_regions (question->region, which);
  CHECK (n == 0, "in class, while the question waits no other region shows a colour (%u:%s)", n, which->str);
  key ("Next");
  settle (300);
  n = coloured_regions (NULL, NULL);
  CHECK (phase_is (GINT_TO_POINTER (DERM_QUIZ_PHASE_REVEALED)) && n > 2,
         "Page Down reveals the answer with the colours (%u regions)", n);
  key ("Escape");
  CHECK (wait_until (presentation_is, GINT_TO_POINTER (FALSE), 3000), "Esc leaves presentation");
  key ("Escape");
  settle (200);
  CHECK (phase_is (GINT_TO_POINTER (DERM_QUIZ_PHASE_NONE)), "and ends the quiz");
}

static gboolean
quiz_dialog_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (toplevels, i);

      if (DERM_IS_QUIZ_DIALOG (item) && gtk_widget_get_mapped (GTK_WIDGET (item)))
        {
          *(GObject **) data = item;
          return TRUE;
        }
    }

  return FALSE;
}

static void
test_quiz_dialog (void)
{
  GObject *dialog = NULL;
  DermQuizOptions options;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.quiz", NULL);
  CHECK (wait_until (quiz_dialog_shown, &dialog, 3000), "the Quiz action opens the quiz dialog");
  if (dialog == NULL)
    return;

  derm_quiz_options_init (&options);
  derm_quiz_dialog_get_options (DERM_QUIZ_DIALOG (dialog), &options);
  CHECK (options.kinds == DERM_QUIZ_ALL_KINDS && options.count == 10 &&
         g_strcmp0 (options.map_id, derm_window_get_map_id (window)) == 0,
         "it offers every kind, 10 questions, the current map");
  CHECK (derm_quiz_dialog_get_timer_seconds (DERM_QUIZ_DIALOG (dialog)) == 0, "no timer by default");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* What the panel shows names what the map highlights: a root's card with
 * that root, a region's card with that region, or the empty page. */
static gboolean
panel_agrees_with_map (void)
{
  DermMapView *view = derm_window_get_map_view (window);
  DermInfoPanel *panel = derm_window_get_info_panel (window);
  const char *root = derm_map_view_get_selected_root (view);
  const DermRegion *region = derm_map_view_get_selected_region (view);
  const char *title = derm_info_panel_get_title (panel);

  if (root != NULL)
    return g_strcmp0 (title, root) == 0;
  if (region != NULL)
    return derm_info_panel_get_region (panel) == region;
  return title == NULL;
}

static void
test_state_after_teaching (void)
{
  DermMapView *view = derm_window_get_map_view (window);
  DermQuizOptions options;

  /* a region chosen, then presentation steps through the roots */
  derm_map_view_set_selected_region (view, derm_atlas_get_region (derm_window_get_atlas (window),
                                                                  "medial-malleolus-left"));
  settle (200);
  derm_window_set_presentation (window, TRUE);
  settle (300);
  key ("Next");
  CHECK (wait_until (selected_root_is, (gpointer) "T10", 2000) ||
         derm_map_view_get_selected_root (view) != NULL, "Page Down steps to a root");
  CHECK (derm_map_view_get_selected_region (view) == NULL,
         "stepping through the roots leaves no region painted under them");
  key ("Escape");
  settle (300);
  CHECK (panel_agrees_with_map (), "after presentation the panel and the map agree (panel: %s, map root %s)",
         derm_info_panel_get_title (derm_window_get_info_panel (window)),
         derm_map_view_get_selected_root (view));

  /* a class quiz, ended at once */
  derm_window_select_root (window, "L4");
  derm_quiz_options_init (&options);
  options.count = 2;
  options.seed = 3;
  options.map_id = "isncsci";
  CHECK (derm_window_start_quiz (window, &options, TRUE, 0), "a class quiz starts");
  settle (300);
  key ("Next");
  settle (200);
  key ("Escape");
  settle (300);
  CHECK (!derm_window_get_presentation (window), "Escape leaves presentation, the quiz goes on");
  key ("Escape");
  settle (300);
  CHECK (phase_is (GINT_TO_POINTER (DERM_QUIZ_PHASE_NONE)), "Escape again ends the quiz");
  CHECK (panel_agrees_with_map (), "after a class quiz the panel and the map agree (panel: %s, map root %s)",
         derm_info_panel_get_title (derm_window_get_info_panel (window)),
         derm_map_view_get_selected_root (view));
}

static void
run_tests (DermWindow *test_window)
{
  window = test_window;
  derm_window_set_view (window, "both");
  settle (300);

  test_presentation ();
  test_practice_quiz ();
  test_class_quiz ();
  test_quiz_hides_colours ();
  test_state_after_teaching ();
  test_quiz_dialog ();
}

int
main (int argc, char *argv[])
{
  return display_test_main (1280, 800, run_tests);
}
