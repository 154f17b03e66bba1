/* main.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "derm-application.h"
#include "derm-cli.h"

/* For the benchmark: DERMATOMES_EXIT_AFTER_FIRST_FRAME=1 quits once the
 * first window has painted, so start-up can be timed from outside. */
static void
after_paint_cb (GdkFrameClock *clock,
                GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, app);
  g_application_quit (app);
}

static void
window_mapped_cb (GtkWidget    *window,
                  GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), app);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (DermApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = derm_application_new ();
  if (g_strcmp0 (g_getenv ("DERMATOMES_EXIT_AFTER_FIRST_FRAME"), "1") == 0)
    {
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
    }

  return derm_cli_exit_status (g_application_run (G_APPLICATION (app), argc, argv));
}
