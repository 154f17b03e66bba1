/* monkey.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A monkey in a real window under Xvfb: thousands of random clicks, drags
 * and shortcut keys from a fixed seed. It fails on a crash, on a hang (the
 * window must still answer at the end) and on any warning or critical,
 * GTK's included, that the app's handling of those events causes.
 *
 *   monkey [EVENTS] [SEED]     (default 300 events, seed 1)
 *
 * The actions that would end the run or leave the program (quit, close,
 * print, export, page setup) are switched off first; everything else,
 * dialogs and presentation mode included, is fair game.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <stdlib.h>
#include <string.h>

#include "derm-application.h"
#include "display-util.h"

static guint n_events = 300;
static guint64 seed = 1;

/* Drags start below this strip, where every window's header bar lies
 * (under Xvfb there is no window manager and every window opens at 0,0).
 * A drag on a header bar moves the window, which is the window manager's
 * job; without one GDK moves the window itself, off the screen if the
 * drag says so, and GTK 4.8 then misbehaves with no help from the app: a
 * popover whose button is off every monitor gives the criticals
 * "gdk_monitor_get_geometry: assertion 'GDK_IS_MONITOR (monitor)'" and
 * the warnings about negative allocations of a GtkPopoverContent and a
 * GtkScrolledWindow, and a drag that starts on a header button gives
 * "Broken accounting of active state". A 30-line GTK program with a
 * header bar, a toggle button and a primary menu button shows all of them
 * the same way. Clicks and keys still reach the header bars. */
#define HEADER_STRIP 56

/* keys a person might press, without those that leave the program or
 * start writing files (Ctrl+Q, Ctrl+W, Ctrl+P, Ctrl+E, Ctrl+S, Ctrl+O) */
static const char * const keys[] = {
  "n", "k", "h", "b", "period", "1", "2", "3", "4", "5", "Escape", "Escape", "Tab", "shift+Tab",
  "Left", "Right", "Up", "Down", "Return", "space", "Page_Down", "Page_Up", "Home", "End",
  "F5", "F11", "alt+1", "alt+2", "alt+3", "ctrl+plus", "ctrl+minus", "ctrl+0", "ctrl+m",
  "ctrl+f", "a", "e", "l", "BackSpace", "ctrl+shift+q", "ctrl+comma", "ctrl+question",
  "ctrl+z", "ctrl+shift+z",
};

static gboolean
keep_open_cb (GtkWindow *window)
{
  return TRUE;
}

static void
disable_exits (DermWindow *window)
{
  GApplication *app = g_application_get_default ();
  static const char * const window_actions[] = {
    "win.print", "win.export", "win.page-setup", "window.close",
  };

  for (guint i = 0; i < G_N_ELEMENTS (window_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (window), window_actions[i], FALSE);
  g_action_map_remove_action (G_ACTION_MAP (app), "quit");
  /* closing the window would end the run: keep it */
  g_signal_connect (window, "close-request", G_CALLBACK (keep_open_cb), NULL);
}

static void
append_arg (GPtrArray  *argv,
            const char *format,
            ...) G_GNUC_PRINTF (2, 3);

static void
append_arg (GPtrArray  *argv,
            const char *format,
            ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (argv, g_strdup_vprintf (format, args));
  va_end (args);
}

/* One batch of events, as one xdotool command line. */
static void
run_batch (GRand      *rand,
           const char *xid,
           int         width,
           int         height,
           guint       count)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  int status;

  g_ptr_array_add (argv, g_strdup ("xdotool"));
  for (guint i = 0; i < count; i++)
    {
      int x = g_rand_int_range (rand, 0, width), y = g_rand_int_range (rand, 0, height);
      int dx, dy;

      switch (g_rand_int_range (rand, 0, 10))
        {
        case 0: case 1: case 2: case 3:
          append_arg (argv, "mousemove");
          append_arg (argv, "--window");
          append_arg (argv, "%s", xid);
          append_arg (argv, "%d", x);
          append_arg (argv, "%d", y);
          append_arg (argv, "click");
          append_arg (argv, "%d", g_rand_int_range (rand, 0, 8) == 0 ? 3 : 1);
          break;
        case 4:
          /* a drag, below the header bars (CLAMP evaluates its argument
           * more than once) */
          if (height > 2 * HEADER_STRIP)
            y = HEADER_STRIP + y * (height - HEADER_STRIP) / height;
          dx = x + g_rand_int_range (rand, -120, 120);
          dy = y + g_rand_int_range (rand, -120, 120);
          append_arg (argv, "mousemove");
          append_arg (argv, "--window");
          append_arg (argv, "%s", xid);
          append_arg (argv, "%d", x);
          append_arg (argv, "%d", y);
          append_arg (argv, "mousedown");
          append_arg (argv, "1");
          append_arg (argv, "mousemove");
          append_arg (argv, "--window");
          append_arg (argv, "%s", xid);
          append_arg (argv, "%d", CLAMP (dx, 0, width - 1));
          append_arg (argv, "%d", CLAMP (dy, 0, height - 1));
          append_arg (argv, "mouseup");
          append_arg (argv, "1");
          break;
        case 5:
          append_arg (argv, "mousemove");
          append_arg (argv, "--window");
          append_arg (argv, "%s", xid);
          append_arg (argv, "%d", x);
          append_arg (argv, "%d", y);
          break;
        default:
          append_arg (argv, "key");
          append_arg (argv, "--window");
          append_arg (argv, "%s", xid);
          append_arg (argv, "%s", keys[g_rand_int_range (rand, 0, G_N_ELEMENTS (keys))]);
          break;
        }
      append_arg (argv, "sleep");
      append_arg (argv, "0.01");
    }
  g_ptr_array_add (argv, NULL);

  /* DERM_MONKEY_TRACE=1: each batch with the time it starts, to find the
   * events before a warning (whose line carries the time too) */
  if (g_getenv ("DERM_MONKEY_TRACE") != NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%H:%M:%S.%f");
      g_autofree char *line = NULL;

      /* argv ends in NULL already */
      line = g_strjoinv (" ", (char **) argv->pdata);
      g_printerr ("monkey %s: %s\n", stamp, line);
    }
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH,
                     NULL, NULL, NULL, NULL, &status, &error))
    g_error ("xdotool: %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_autofree char *line = g_strjoinv (" ", (char **) argv->pdata);
      g_printerr ("monkey: xdotool failed: %s\n", line);
    }
}

/* DERM_MONKEY_TRACE: every popover shown, with where its parent is on
 * the screen (GDK places a popover by the monitor under its anchor) */
static gboolean
popover_shown_hook (GSignalInvocationHint *hint,
                    guint                  n_values,
                    const GValue          *values,
                    gpointer               data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);
  GtkWidget *parent = widget != NULL ? gtk_widget_get_parent (widget) : NULL;
  GtkNative *native = parent != NULL ? gtk_widget_get_native (parent) : NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%H:%M:%S.%f");
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  gboolean placed = FALSE;

  if (!GTK_IS_POPOVER (widget))
    return TRUE;
  if (parent != NULL && native != NULL)
    placed = gtk_widget_compute_bounds (parent, GTK_WIDGET (native), &bounds);
  g_printerr ("monkey %s: popover %s on %s (%s, mapped %d) at %.0f,%.0f %.0fx%.0f in %s\n", stamp,
              G_OBJECT_TYPE_NAME (widget), parent != NULL ? G_OBJECT_TYPE_NAME (parent) : "nothing",
              placed ? "placed" : "not placed", parent != NULL && gtk_widget_get_mapped (parent),
              bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height,
              native != NULL ? G_OBJECT_TYPE_NAME (native) : "no window");
  return TRUE;
}

/* Where xdotool finds the window on the screen: at 0,0, where it opened */
static gboolean
window_at_origin (const char *xid)
{
  const char *argv[] = { "xdotool", "getwindowgeometry", "--shell", xid, NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                     &status, &error))
    g_error ("xdotool: %s", error->message);
  if (g_getenv ("DERM_MONKEY_TRACE") != NULL)
    g_printerr ("monkey: window geometry\n%s", out);
  return g_spawn_check_wait_status (status, NULL) && strstr (out, "\nX=0\n") != NULL &&
         strstr (out, "\nY=0\n") != NULL;
}

static gboolean
map_view_shown (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (derm_window_get_map_view (data)));
}

static void
run_monkey (DermWindow *window)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed_array ((const guint32 *) &seed, 2);
  g_autofree char *xid = display_xid (GTK_WINDOW (window));
  GList *toplevels;
  guint done = 0;

  disable_exits (window);
  if (g_getenv ("DERM_MONKEY_TRACE") != NULL)
    g_signal_add_emission_hook (g_signal_lookup ("show", GTK_TYPE_WIDGET), 0,
                                popover_shown_hook, NULL, NULL);
  g_print ("monkey: %u events, seed %" G_GUINT64_FORMAT "\n", n_events, seed);

  while (done < n_events)
    {
      guint batch = MIN (20u, n_events - done);
      int width = gtk_widget_get_width (GTK_WIDGET (window));
      int height = gtk_widget_get_height (GTK_WIDGET (window));

      if (g_getenv ("DERM_MONKEY_TRACE") != NULL)
        {
          toplevels = gtk_window_list_toplevels ();
          for (GList *l = toplevels; l != NULL; l = l->next)
            if (gtk_widget_get_visible (l->data))
              g_printerr ("monkey: shown %s %dx%d\n", G_OBJECT_TYPE_NAME (l->data),
                          gtk_widget_get_width (l->data), gtk_widget_get_height (l->data));
          g_list_free (toplevels);
        }
      run_batch (rand, xid, MAX (width, 10), MAX (height, 10), batch);
      done += batch;
      settle (60);
      /* dialogs the monkey opened go away, as a person would close them */
      toplevels = gtk_window_list_toplevels ();
      for (GList *l = toplevels; l != NULL; l = l->next)
        if (l->data != (gpointer) window && g_rand_int_range (rand, 0, 3) == 0 &&
            gtk_widget_get_visible (l->data) && !GTK_IS_POPOVER (l->data))
          gtk_window_close (l->data);
      g_list_free (toplevels);
    }

  /* the window still answers: leave whatever mode it is in, show the
   * map, and a frame is drawn */
  xdotool ("key", "--window", xid, "Escape", NULL);
  xdotool ("key", "--window", xid, "Escape", NULL);
  settle (300);
  CHECK (map_view_shown (window), "after %u events the map is still shown", n_events);
  wait_for_layout (GTK_WIDGET (window));
  CHECK (gtk_widget_get_mapped (GTK_WIDGET (window)), "the window still answers");
  CHECK (window_at_origin (xid), "the window has not moved (a move would be GDK's own, off the screen)");
}

int
main (int   argc,
      char *argv[])
{
  if (argc > 1)
    n_events = (guint) g_ascii_strtoull (argv[1], NULL, 10);
  if (argc > 2)
    seed = g_ascii_strtoull (argv[2], NULL, 10);
  /* display_test_main () fails the run on any warning or critical */
  return display_test_main (1280, 800, run_monkey);
}
