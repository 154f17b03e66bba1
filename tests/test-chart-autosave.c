/* test-chart-autosave.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing entered is lost: a run that ended without saving (a crash, a
 * power cut, simulated by leaving its autosave behind) is offered back at
 * the next start; a change is autosaved within a second; saving or
 * discarding removes the autosave. Skips (exit 77) when no display opens.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "derm-application.h"
#include "display-util.h"
#include "derm-window.h"

static DermWindow *window;
static char *tmpdir;
static char *autosave;
static char *origin;

static GtkWindow *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

/* As a click on a button of the dialog: the response, then it closes. */
static void
respond (GtkWindow  *dialog,
         const char *response)
{
  if (dialog == NULL)
    return;
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
file_gone (gpointer data)
{
  return !g_file_test (data, G_FILE_TEST_EXISTS);
}

/* The unsaved chart a crashed run left: the fibular case, one mark more. */
static void
leave_autosave (void)
{
  g_autofree char *case_path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "charts",
                                                 "fibular-vs-l5.dermchart", NULL);
  g_autofree char *dir = g_path_get_dirname (autosave);
  g_autofree char *origin_file = g_build_filename (dir, "autosave.path", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  const char *marker = "\"sensory\": [";
  g_autoptr (GString) changed = NULL;

  g_assert_true (g_file_get_contents (case_path, &text, NULL, &error));
  changed = g_string_new (text);
  g_assert_nonnull (strstr (changed->str, marker));
  g_string_insert (changed, strstr (changed->str, marker) - changed->str + strlen (marker),
                   "\n    { \"view\": \"anterior\", \"side\": \"left\", \"region\": \"lateral-malleolus\", "
                   "\"finding\": \"pain\" },");
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (autosave, changed->str, -1, &error));
  g_assert_true (g_file_set_contents (origin_file, origin, -1, &error));
}

static void
run_tests (DermWindow *win)
{
  DermChart *chart;
  g_autofree char *saved = g_build_filename (tmpdir, "saved.dermchart", NULL);
  g_autoptr (DermChart) autosaved = NULL;
  GtkWindow *dialog;

  window = win;

  /* the start offered the chart back */
  CHECK (wait_until (dialog_shown, NULL, 3000), "the start offers the unsaved chart back");
  dialog = find_dialog ();
  if (dialog == NULL)
    return;
  CHECK (g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "Restore Unsaved Chart?") == 0,
         "it asks to restore it (%s)", adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)));
  CHECK (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Left foot drop") != NULL,
         "naming the chart");
  respond (dialog, "restore");
  settle (300);

  chart = derm_window_get_chart (window);
  CHECK (chart != NULL, "Restore opens the chart");
  if (chart == NULL)
    return;
  CHECK (derm_chart_lookup_sensory (chart, DERM_VIEW_ANTERIOR, DERM_SIDE_LEFT, "lateral-malleolus") == DERM_FINDING_PAIN &&
         derm_chart_lookup_sensory (chart, DERM_VIEW_ANTERIOR, DERM_SIDE_LEFT, "dorsum-foot") == DERM_FINDING_REDUCED,
         "with the unsaved change and the rest");
  CHECK (derm_window_get_chart_dirty (window), "still marked unsaved");
  CHECK (g_strcmp0 (derm_window_get_chart_path (window), origin) == 0, "and it will save where it came from");
  CHECK (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• Left foot drop"),
         "the title says so (%s)", gtk_window_get_title (GTK_WINDOW (window)));

  /* a change is autosaved */
  g_unlink (autosave);
  derm_chart_set_sensory (chart, DERM_VIEW_POSTERIOR, DERM_SIDE_LEFT, "sole-lateral", DERM_FINDING_ABSENT);
  CHECK (wait_until (file_exists, autosave, 3000), "a change is autosaved within seconds");
  autosaved = derm_chart_new_from_file (autosave, derm_window_get_atlas (window), NULL);
  CHECK (autosaved != NULL &&
         derm_chart_lookup_sensory (autosaved, DERM_VIEW_POSTERIOR, DERM_SIDE_LEFT, "sole-lateral") == DERM_FINDING_ABSENT,
         "with the change in it");
  {
    GStatBuf st;

    CHECK (g_stat (autosave, &st) == 0 && (st.st_mode & 0777) == 0600, "as patient data, mode 0600");
  }

  /* saving removes it */
  CHECK (derm_window_save_chart (window, saved), "the chart saves");
  CHECK (wait_until (file_gone, autosave, 1000), "saving removes the autosave");

  /* another crash; this time Discard */
  leave_autosave ();
  CHECK (derm_window_offer_autosave (window), "a left autosave is offered");
  CHECK (wait_until (dialog_shown, NULL, 3000), "the question shows");
  if ((dialog = find_dialog ()) != NULL)
    respond (dialog, "discard");
  settle (300);
  CHECK (!g_file_test (autosave, G_FILE_TEST_EXISTS), "Discard removes it for good");
  CHECK (derm_window_get_chart (window) != NULL &&
         derm_chart_lookup_sensory (derm_window_get_chart (window), DERM_VIEW_ANTERIOR, DERM_SIDE_LEFT,
                                    "lateral-malleolus") == DERM_FINDING_PAIN &&
         !derm_window_get_chart_dirty (window),
         "and leaves the chart shown alone");

  /* a broken autosave is not offered, and goes */
  g_assert_true (g_file_set_contents (autosave, "{ broken", -1, NULL));
  CHECK (!derm_window_offer_autosave (window) && !g_file_test (autosave, G_FILE_TEST_EXISTS),
         "an unreadable autosave is dropped without a question");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  tmpdir = g_dir_make_tmp ("test-chart-autosave-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", tmpdir, TRUE);
  autosave = g_build_filename (tmpdir, "dermatomes", "autosave.dermchart", NULL);
  origin = g_build_filename (tmpdir, "left-foot.dermchart", NULL);
  leave_autosave ();

  status = display_test_main (1280, 800, run_tests);

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
    g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
  }
  g_free (autosave);
  g_free (origin);
  g_free (tmpdir);
  return status;
}
