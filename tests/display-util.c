/* display-util.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <gdk/x11/gdkx.h>

#include "derm-application.h"
#include "display-util.h"

int check_failures;

gboolean
wait_until (Condition  condition,
            gpointer   data,
            guint      timeout_ms)
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

void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

void
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

char *
display_xid (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
}

typedef struct {
  int             width;
  int             height;
  DisplayTestFunc run;
} DisplayTest;

static gboolean
window_ready (gpointer data)
{
  DermWindow *window = data;

  return gtk_widget_get_mapped (GTK_WIDGET (window)) &&
         gtk_widget_get_width (GTK_WIDGET (derm_window_get_map_view (window))) > 100;
}

static void
activate_cb (GApplication *app,
             DisplayTest  *test)
{
  /* the application's own activate made the window */
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
  DermWindow *window;

  /* the main window, not a question it asks at start (a restored chart) */
  while (windows != NULL && !DERM_IS_WINDOW (windows->data))
    windows = windows->next;
  g_assert_nonnull (windows);
  window = DERM_WINDOW (windows->data);
  if (test->width > 0 && test->height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), test->width, test->height);
  if (!wait_until (window_ready, window, 10000))
    g_error ("the window did not appear");
  settle (500);

  test->run (window);

  g_application_quit (app);
}

int
display_test_main (int             width,
                   int             height,
                   DisplayTestFunc run)
{
  g_autoptr (DermApplication) app = NULL;
  DisplayTest test = { width, height, run };

  if (!gtk_init_check () || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_print ("no X11 display: skipped\n");
      return 77;
    }

  app = derm_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), &test);
  g_application_run (G_APPLICATION (app), 0, NULL);

  g_print ("%d failed\n", check_failures);
  return check_failures > 0 ? 1 : 0;
}
