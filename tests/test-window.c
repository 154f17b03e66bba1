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
#include "derm-window.h"

static DermWindow *window;
static int failures;

#define CHECK(cond, ...) G_STMT_START {                         \
    if (!(cond)) { g_printerr ("FAIL: " __VA_ARGS__); g_printerr ("\n"); failures++; } \
    else { g_print ("ok: " __VA_ARGS__); g_print ("\n"); }   \
  } G_STMT_END

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_until (Condition condition,
            gpointer  data,
            guint     timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return TRUE;
}

static void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static void
xdotool (const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     NULL, NULL, &status, &error) || !g_spawn_check_wait_status (status, &error))
    g_error ("xdotool %s: %s", first, error->message);
}

static gboolean
window_ready (gpointer data)
{
  DermMapView *view = derm_window_get_map_view (window);
  return gtk_widget_get_mapped (GTK_WIDGET (window)) &&
         gtk_widget_get_width (GTK_WIDGET (view)) > 100;
}

/* Widget point of the map view -> X window point of the toplevel. */
static void
map_point_to_window (double  x,
                     double  y,
                     char  **sx,
                     char  **sy)
{
  DermMapView *view = derm_window_get_map_view (window);
  graphene_point_t in = GRAPHENE_POINT_INIT (x, y), out;
  double tx, ty;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (window), &in, &out));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &tx, &ty);
  *sx = g_strdup_printf ("%d", (int) (out.x + tx));
  *sy = g_strdup_printf ("%d", (int) (out.y + ty));
}

static char *
xid (void)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  return g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
}

static void
click_region (const char *id)
{
  DermAtlas *atlas = derm_window_get_atlas (window);
  const DermRegion *region = derm_atlas_get_region (atlas, id);
  g_autofree char *sx = NULL, *sy = NULL, *win = xid ();
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
  CHECK (strstr (text, "saphenous") != NULL, "the card names the cutaneous nerve");
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
  g_autofree char *win = xid ();

  gtk_widget_grab_focus (GTK_WIDGET (view));
  settle (100);
  CHECK (gtk_widget_has_focus (GTK_WIDGET (view)), "the map takes keyboard focus");
  xdotool ("key", "--window", win, "Up", NULL);
  xdotool ("key", "--window", win, "Up", NULL);
  xdotool ("key", "--window", win, "Return", NULL);
  CHECK (wait_until (selected_region_changed, (gpointer) before, 2000),
         "arrow keys and Enter select another region");
}

static void
test_search (void)
{
  g_autofree char *win = xid ();

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

static void
test_help_overlay (void)
{
  g_autoptr (GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/dermatomes/Dermatomes/gtk/help-overlay.ui");

  CHECK (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")),
         "the shortcuts window loads");
}

static void
activate_cb (GApplication *app)
{
  GList *windows;

  /* the application's own activate made the window */
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_nonnull (windows);
  window = DERM_WINDOW (windows->data);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 750);
  derm_window_set_view (window, "both");

  if (!wait_until (window_ready, NULL, 10000))
    g_error ("the window did not appear");
  settle (500);

  test_help_overlay ();
  test_click_shows_card ();
  test_root_list ();
  test_keyboard ();
  test_search ();

  g_application_quit (app);
}

int
main (int argc, char *argv[])
{
  g_autoptr (DermApplication) app = NULL;

  if (!gtk_init_check () || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_print ("no X11 display: skipped\n");
      return 77;
    }

  app = derm_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 0, NULL);

  g_print ("%d failed\n", failures);
  return failures > 0 ? 1 : 0;
}
