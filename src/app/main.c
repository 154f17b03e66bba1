/* main.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "derm-application.h"
#include "derm-cli.h"

/* The translations are at LOCALEDIR. A whole installed tree staged under
 * DESTDIR or moved to another root (ROOT/usr/local/bin/dermatomes) finds
 * them at ROOT/LOCALEDIR instead, so the staged binary can be run in another
 * language (tests/test-install-i18n.py). Anywhere else, the build directory
 * for one, it is LOCALEDIR. */
static char *
dup_locale_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *bindir = exe != NULL ? g_path_get_dirname (exe) : NULL;
  g_autofree char *root = NULL;
  g_autofree char *dir = NULL;

  if (bindir == NULL || strcmp (bindir, BINDIR) == 0 || !g_str_has_suffix (bindir, BINDIR))
    return g_strdup (LOCALEDIR);

  root = g_strndup (bindir, strlen (bindir) - strlen (BINDIR));
  dir = g_strconcat (root, LOCALEDIR, NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return g_strdup (LOCALEDIR);
  return g_steal_pointer (&dir);
}

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
  g_auto (GStrv) args = NULL;
  g_autoptr (DermApplication) app = NULL;
  g_autofree char *locale_dir = dup_locale_dir ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = derm_application_new ();
  if (g_strcmp0 (g_getenv ("DERMATOMES_EXIT_AFTER_FIRST_FRAME"), "1") == 0)
    {
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
    }

  args = derm_cli_protect_negative_numbers (argc, argv);
  return derm_cli_exit_status (g_application_run (G_APPLICATION (app), argc, args));
}
