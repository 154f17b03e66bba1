/* test-settings-restart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Settings kept across a restart, on disk: the first run changes the view,
 * the map, the overlays and labels and resizes the window (through the X
 * server, as a window manager would), then quits; a second process starts
 * the application on the same keyfile and finds all of it as it was. Skips
 * (exit 77) when no display opens.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <string.h>

#include "derm-application.h"
#include "display-util.h"
#include "derm-window.h"

#define APP_SCHEMA  "io.github.dermatomes.Dermatomes"
#define SAVED_WIDTH  900
#define SAVED_HEIGHT 640

static DermWindow *window;
static gboolean second_run;

static gboolean
window_ready (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (window)) &&
         gtk_widget_get_width (GTK_WIDGET (derm_window_get_map_view (window))) > 100;
}

static gboolean
window_size_is (gpointer data)
{
  const int *size = data;

  return gtk_widget_get_width (GTK_WIDGET (window)) == size[0] &&
         gtk_widget_get_height (GTK_WIDGET (window)) == size[1];
}

/* The first run: change everything a person would, then quit. */
static void
change_settings (void)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *win = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  /* the X window holds the margins of the client-side decorations too */
  g_autofree char *w = g_strdup_printf ("%d", SAVED_WIDTH + gdk_surface_get_width (surface) -
                                              gtk_widget_get_width (GTK_WIDGET (window)));
  g_autofree char *h = g_strdup_printf ("%d", SAVED_HEIGHT + gdk_surface_get_height (surface) -
                                              gtk_widget_get_height (GTK_WIDGET (window)));
  const int size[2] = { SAVED_WIDTH, SAVED_HEIGHT };
  DermMapView *view = derm_window_get_map_view (window);

  CHECK (g_strcmp0 (derm_window_get_view (window), "both") == 0 &&
         g_strcmp0 (derm_window_get_map_id (window), "isncsci") == 0 &&
         !derm_map_view_get_nerves (view) && derm_map_view_get_labels (view),
         "a first start shows both views of the ISNCSCI map, labels on, nerves off");

  /* as the header bar's buttons and the menus do */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "posterior");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.map", "s", "keegan-garrett");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.nerves", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.labels", NULL);
  xdotool ("windowsize", win, w, h, NULL);
  CHECK (wait_until (window_size_is, (gpointer) size, 5000), "the window was resized to %dx%d (is %dx%d)",
         SAVED_WIDTH, SAVED_HEIGHT,
         gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)));
  settle (300);

  CHECK (derm_map_view_get_layout (view) == DERM_LAYOUT_POSTERIOR, "the map shows the posterior view");
  CHECK (g_strcmp0 (derm_map_view_get_map_id (view), "keegan-garrett") == 0, "the map is Keegan and Garrett");
  CHECK (derm_map_view_get_nerves (view) && !derm_map_view_get_labels (view), "nerves on, labels off");

  /* quit as a person would: close the window */
  gtk_window_close (GTK_WINDOW (window));
}

/* The second run: everything as it was left. */
static void
check_restored (void)
{
  DermMapView *view = derm_window_get_map_view (window);
  const int size[2] = { SAVED_WIDTH, SAVED_HEIGHT };

  CHECK (g_strcmp0 (derm_window_get_view (window), "posterior") == 0 &&
         derm_map_view_get_layout (view) == DERM_LAYOUT_POSTERIOR,
         "the view is posterior again (%s)", derm_window_get_view (window));
  CHECK (g_strcmp0 (derm_window_get_map_id (window), "keegan-garrett") == 0 &&
         g_strcmp0 (derm_map_view_get_map_id (view), "keegan-garrett") == 0,
         "the map is Keegan and Garrett again (%s)", derm_window_get_map_id (window));
  CHECK (derm_map_view_get_nerves (view), "the nerves are shown again");
  CHECK (!derm_map_view_get_labels (view), "the labels are still off");
  CHECK (!derm_map_view_get_key_points (view), "the key points, never turned on, are off");
  CHECK (wait_until (window_size_is, (gpointer) size, 3000), "the window is %dx%d again (is %dx%d)",
         SAVED_WIDTH, SAVED_HEIGHT,
         gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)));

  g_application_quit (g_application_get_default ());
}

static void
activate_cb (GApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  g_assert_nonnull (windows);
  window = DERM_WINDOW (windows->data);
  if (!wait_until (window_ready, NULL, 10000))
    g_error ("the window did not appear");
  settle (300);

  if (second_run)
    check_restored ();
  else
    change_settings ();
}

static int
run_application (void)
{
  g_autoptr (DermApplication) app = derm_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 0, NULL);

  return check_failures;
}

/* What the first run left in the keyfile, as text. */
static char *
saved_keyfile (const char *config_dir)
{
  g_autofree char *path = g_build_filename (config_dir, "glib-2.0", "settings", "keyfile", NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return g_strdup ("");
  return contents;
}

static void
remove_config (const char *config_dir)
{
  const char *paths[] = { "glib-2.0/settings/keyfile", "glib-2.0/settings", "glib-2.0", "" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *path = g_build_filename (config_dir, paths[i], NULL);

      g_remove (path);
    }
}

int
main (int argc, char *argv[])
{
  g_autofree char *config_dir = NULL;
  g_autofree char *saved = NULL;
  g_autoptr (GError) error = NULL;
  const char *child_argv[] = { argv[0], "--second-run", NULL };
  int status;

  second_run = argc > 1 && g_str_equal (argv[1], "--second-run");

  /* the settings on disk, in a directory of this test's own */
  if (!second_run)
    {
      config_dir = g_dir_make_tmp ("derm-settings-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
    }
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);

  if (!gtk_init_check () || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_print ("no X11 display: skipped\n");
      return 77;
    }

  display_fail_on_warnings ();
  if (second_run)
    return run_application () > 0 ? 1 : 0;

  run_application ();
  saved = saved_keyfile (config_dir);
  CHECK (strstr (saved, "map='keegan-garrett'") != NULL && strstr (saved, "view='posterior'") != NULL,
         "the keyfile on disk holds the map and the view:\n%s", saved);

  /* a new process: nothing is left in memory from the first run */
  if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                     NULL, NULL, NULL, NULL, &status, &error))
    g_error ("cannot start the second run: %s", error->message);
  CHECK (g_spawn_check_wait_status (status, NULL), "the second run finds every setting restored");

  remove_config (config_dir);

  g_print ("%d failed\n", check_failures);
  return check_failures > 0 ? 1 : 0;
}
