/* bench-minimal-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The smallest AdwApplication window, the yardstick for start-up time and
 * memory in bench.c. It quits after its first frame, like dermatomes does
 * with DERMATOMES_EXIT_AFTER_FIRST_FRAME=1. With --text it also shows a
 * header bar with a title and one label, the least text a window shows.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <adwaita.h>

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
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), app);
}

static gboolean with_text;

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  if (with_text)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_window_set_title (GTK_WINDOW (window), "Dermatomes");
      gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
      gtk_box_append (GTK_BOX (box), gtk_label_new ("Click the skin"));
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
    }

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 750);
  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autoptr (AdwApplication) app = adw_application_new ("io.github.dermatomes.MinimalWindow",
                                                        G_APPLICATION_NON_UNIQUE);

  with_text = argc > 1 && g_strcmp0 (argv[1], "--text") == 0;
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
