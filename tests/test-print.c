/* test-print.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing and export as the window does them, under Xvfb: a
 * GtkPrintOperation prints to a PDF file, read back with pdfinfo and
 * pdftotext; the "Map" tab builds and applies; Ctrl+P opens the print
 * dialog; the export window writes a PDF and remembers its options.
 * Skips (exit 77) when no display opens.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "derm-application.h"
#include "display-util.h"
#include "derm-export-dialog.h"
#include "derm-page-options-widget.h"
#include "derm-print-operation.h"
#include "derm-print-settings.h"
#include "derm-window.h"

static DermWindow *window;
static char *tmp_dir;

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, tool[3] == 't' ? "-" : NULL, NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s %s: %s\n", tool, path, error->message);
      g_free (out);
      return g_strdup ("");
    }
  return out;
}

static gboolean
has_word (const char *text,
          const char *word)
{
  g_auto (GStrv) words = g_regex_split_simple ("\\s+", text, 0, 0);

  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_equal (words[i], word))
      return TRUE;
  return FALSE;
}

/* pdfinfo's "Page size: W x H pts", rounded to points */
static gboolean
page_size_is (const char *info,
              int         width,
              int         height)
{
  const char *line = strstr (info, "Page size:");
  double w, h;

  if (line == NULL || sscanf (line, "Page size: %lf x %lf", &w, &h) != 2)
    return FALSE;
  return (int) (w + 0.5) == width && (int) (h + 0.5) == height;
}

static DermRenderer *
renderer (void)
{
  static DermRenderer *r;

  if (r == NULL)
    r = derm_renderer_new (derm_window_get_atlas (window));
  return r;
}

static GtkPrintOperationResult
print_to_pdf (DermPrintOperation *operation,
              const char         *path)
{
  g_autoptr (GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr (GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_page_setup_set_paper_size_and_default_margins (page_setup, a4);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), page_setup);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  /* exporting is synchronous and shows no dialog */
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), FALSE);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  if (error != NULL)
    g_printerr ("print: %s\n", error->message);
  return result;
}

static void
test_print_to_pdf (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "printed.pdf", NULL);
  g_autofree char *info = NULL, *text = NULL;
  g_auto (DermPageOptions) options = { 0 };
  g_autoptr (DermPrintOperation) operation = NULL;
  static const char * const roots[] = { "L1", "L2", "L3", "L4", "L5", "S1", "S2" };
  gboolean all_roots = TRUE;

  derm_page_options_init (&options);
  options.layout = DERM_LAYOUT_BOTH;
  options.labels = TRUE;
  options.legend = TRUE;
  options.date = g_strdup ("2024-01-01");
  operation = derm_print_operation_new (renderer (), &options);

  CHECK (print_to_pdf (operation, path) == GTK_PRINT_OPERATION_RESULT_APPLY,
         "a labelled colour page prints to a PDF file");
  info = run_tool ("pdfinfo", path);
  text = run_tool ("pdftotext", path);
  CHECK (strstr (info, "Pages:           1\n") != NULL, "the print has one page");
  CHECK (strstr (info, "(A4)") != NULL && page_size_is (info, 595, 842), "the page is A4 portrait");
  for (guint i = 0; i < G_N_ELEMENTS (roots); i++)
    if (!has_word (text, roots[i]))
      {
        g_printerr ("root %s is not in the printed text\n", roots[i]);
        all_roots = FALSE;
      }
  CHECK (all_roots, "the root labels are text on the printed page");
  CHECK (strstr (text, "Anterior") != NULL && strstr (text, "Posterior") != NULL,
         "both views are titled");
}

static void
test_custom_widget (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "worksheet.pdf", NULL);
  g_autofree char *info = NULL, *text = NULL;
  g_autoptr (DermPrintOperation) operation = derm_print_operation_new (renderer (), NULL);
  const DermPageOptions *options;
  GtkWidget *widget = NULL;
  GtkDropDown *style;
  GtkCheckButton *answer_key;
  GtkEditable *title;

  g_signal_emit_by_name (operation, "create-custom-widget", &widget);
  CHECK (DERM_IS_PAGE_OPTIONS_WIDGET (widget), "the print dialog's custom tab is the page options form");
  if (!DERM_IS_PAGE_OPTIONS_WIDGET (widget))
    return;
  g_object_ref_sink (widget);
  {
    g_autofree char *label = NULL;

    g_object_get (operation, "custom-tab-label", &label, NULL);
    CHECK (g_strcmp0 (label, "Map") == 0, "the tab is called Map");
  }

  style = GTK_DROP_DOWN (gtk_widget_get_template_child (widget, DERM_TYPE_PAGE_OPTIONS_WIDGET, "style_dropdown"));
  answer_key = GTK_CHECK_BUTTON (gtk_widget_get_template_child (widget, DERM_TYPE_PAGE_OPTIONS_WIDGET, "answer_key_check"));
  title = GTK_EDITABLE (gtk_widget_get_template_child (widget, DERM_TYPE_PAGE_OPTIONS_WIDGET, "title_entry"));

  /* each view on a page of its own, with the overlays and a highlight */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_template_child (widget, DERM_TYPE_PAGE_OPTIONS_WIDGET, "view_dropdown")), 3);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_template_child (widget, DERM_TYPE_PAGE_OPTIONS_WIDGET, "key_points_check")), TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_template_child (widget, DERM_TYPE_PAGE_OPTIONS_WIDGET, "highlight_dropdown")), 1);
  g_signal_emit_by_name (operation, "custom-widget-apply", widget);
  options = derm_print_operation_get_options (operation);
  CHECK (options->layout == DERM_LAYOUT_BOTH && options->view_per_page && derm_page_get_n_pages (options) == 2,
         "the tab offers each view on a page of its own");
  CHECK (options->key_points && !options->nerves, "the tab offers the key points and the nerves");
  CHECK (options->highlight_root != NULL, "the tab offers a root highlight (%s)", options->highlight_root);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_template_child (widget, DERM_TYPE_PAGE_OPTIONS_WIDGET, "view_dropdown")), DERM_LAYOUT_BOTH);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_template_child (widget, DERM_TYPE_PAGE_OPTIONS_WIDGET, "key_points_check")), FALSE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_template_child (widget, DERM_TYPE_PAGE_OPTIONS_WIDGET, "highlight_dropdown")), 0);

  CHECK (!gtk_widget_get_sensitive (GTK_WIDGET (answer_key)), "no answer key for a colour page");
  gtk_drop_down_set_selected (style, DERM_STYLE_WORKSHEET);
  CHECK (gtk_widget_get_sensitive (GTK_WIDGET (answer_key)), "the worksheet style offers the answer key");
  gtk_check_button_set_active (answer_key, TRUE);
  gtk_editable_set_text (title, "Quiz 3");

  g_signal_emit_by_name (operation, "custom-widget-apply", widget);
  options = derm_print_operation_get_options (operation);
  CHECK (options->style == DERM_STYLE_WORKSHEET, "applying the tab sets the worksheet style");
  CHECK (options->answer_key, "applying the tab sets the answer key");
  CHECK (g_strcmp0 (options->title, "Quiz 3") == 0, "applying the tab sets the title");
  CHECK (g_strcmp0 (options->map_id, derm_map_view_get_map_id (derm_window_get_map_view (window))) == 0 ||
         options->map_id == NULL, "the map is the window's");

  CHECK (print_to_pdf (operation, path) == GTK_PRINT_OPERATION_RESULT_APPLY, "the worksheet prints");
  info = run_tool ("pdfinfo", path);
  text = run_tool ("pdftotext", path);
  CHECK (strstr (info, "Pages:           2\n") != NULL, "worksheet and answer key: two pages");
  CHECK (strstr (text, "Quiz 3") != NULL, "the title is printed");

  /* back to colour: the answer key cannot stay on */
  gtk_drop_down_set_selected (style, DERM_STYLE_COLOR);
  g_signal_emit_by_name (operation, "custom-widget-apply", widget);
  CHECK (!derm_print_operation_get_options (operation)->answer_key, "no answer key leaves with the worksheet");

  g_object_unref (widget);
}

static GtkWindow *
find_toplevel (const char *type_name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWindow *w = g_list_model_get_item (toplevels, i);
      gboolean found;

      found = g_str_equal (G_OBJECT_TYPE_NAME (w), type_name) && gtk_widget_get_visible (GTK_WIDGET (w));
      /* the list holds it */
      g_object_unref (w);
      if (found)
        return w;
    }
  return NULL;
}

static gboolean
toplevel_shown (gpointer type_name)
{
  return find_toplevel (type_name) != NULL;
}

static gboolean
toplevel_gone (gpointer type_name)
{
  return find_toplevel (type_name) == NULL;
}

static void
test_print_dialog (void)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL);
  CHECK (wait_until (toplevel_shown, (gpointer) "GtkPrintUnixDialog", 5000), "Print opens the print dialog");
  dialog = find_toplevel ("GtkPrintUnixDialog");
  if (dialog == NULL)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  CHECK (wait_until (toplevel_gone, (gpointer) "GtkPrintUnixDialog", 5000), "cancelling closes it");
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_export_window (void)
{
  g_autofree char *base = g_build_filename (tmp_dir, "handout", NULL);
  g_autofree char *expected = g_strconcat (base, ".pdf", NULL);
  g_autofree char *bad = g_build_filename (tmp_dir, "no-such-dir", "x.pdf", NULL);
  g_autofree char *ini = g_build_filename (tmp_dir, "config", "dermatomes", "print.ini", NULL);
  g_autofree char *written = NULL, *info = NULL, *text = NULL, *saved = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (base);
  g_autoptr (GFile) bad_file = g_file_new_for_path (bad);
  DermExportDialog *dialog;
  GtkWidget *widget;
  GtkWindow *message;

  /* the export starts from what the window shows */
  g_object_set (window, "nerves", TRUE, NULL);
  derm_window_select_root (window, "L4");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  CHECK (wait_until (toplevel_shown, (gpointer) "DermExportDialog", 5000), "Export opens the export window");
  dialog = (DermExportDialog *) find_toplevel ("DermExportDialog");
  if (dialog == NULL)
    return;
  {
    g_auto (DermExportOptions) options = { 0 };
    g_autoptr (GFile) folder = derm_export_dialog_dup_folder (dialog);
    g_autofree char *cwd_path = g_get_current_dir ();
    g_autoptr (GFile) cwd = g_file_new_for_path (cwd_path);

    derm_export_options_init (&options);
    derm_export_dialog_get_options (dialog, &options);
    CHECK (options.page.nerves && !options.page.key_points &&
           g_strcmp0 (options.page.highlight_root, "L4") == 0,
           "the export offers the window's overlays and root highlight");
    CHECK (!g_file_equal (folder, cwd), "the file chooser does not open in the current directory");
  }
  g_object_set (window, "nerves", FALSE, NULL);
  derm_window_select_root (window, NULL);

  widget = derm_export_dialog_get_options_widget (dialog);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_template_child (widget, DERM_TYPE_PAGE_OPTIONS_WIDGET, "style_dropdown")),
                              DERM_STYLE_GRAYSCALE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_template_child (widget, DERM_TYPE_PAGE_OPTIONS_WIDGET, "legend_check")),
                               TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_template_child (widget, DERM_TYPE_PAGE_OPTIONS_WIDGET, "landscape_check")),
                               TRUE);

  /* a folder that is not there: a message naming the file, the window stays */
  g_free (derm_export_dialog_export_to_file (dialog, bad_file));
  CHECK (wait_until (toplevel_shown, (gpointer) "AdwMessageDialog", 10000), "an error message appears");
  CHECK (!derm_export_dialog_get_busy (dialog), "a failed export is over");
  CHECK (!g_file_test (bad, G_FILE_TEST_EXISTS), "an unwritable path does not export");
  message = find_toplevel ("AdwMessageDialog");
  if (message != NULL)
    {
      CHECK (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), "x.pdf") != NULL,
             "the message names the file (%s)", adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)));
      gtk_window_destroy (message);
    }
  CHECK (find_toplevel ("DermExportDialog") != NULL, "the export window stays open after an error");

  /* no extension: .pdf is added */
  written = derm_export_dialog_export_to_file (dialog, file);
  CHECK (g_strcmp0 (written, expected) == 0, "a name without extension becomes a PDF (%s)", written);
  CHECK (wait_until (toplevel_gone, (gpointer) "DermExportDialog", 20000), "the export window closes");
  CHECK (g_file_test (expected, G_FILE_TEST_IS_REGULAR), "the PDF is written");
  info = run_tool ("pdfinfo", expected);
  text = run_tool ("pdftotext", expected);
  CHECK (page_size_is (info, 842, 595), "the export is A4 landscape as chosen");
  CHECK (has_word (text, "L4") && has_word (text, "S1"), "the exported page has its root labels");
  CHECK (find_button (GTK_WIDGET (window), "_Open") != NULL, "the toast offers to open the file");

  /* the next export opens where the last one went */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  CHECK (wait_until (toplevel_shown, (gpointer) "DermExportDialog", 5000), "Export opens again");
  dialog = (DermExportDialog *) find_toplevel ("DermExportDialog");
  if (dialog != NULL)
    {
      g_autoptr (GFile) folder = derm_export_dialog_dup_folder (dialog);
      g_autoptr (GFile) last = g_file_new_for_path (tmp_dir);

      CHECK (g_file_equal (folder, last), "the file chooser remembers the last folder");
      gtk_window_close (GTK_WINDOW (dialog));
      wait_until (toplevel_gone, (gpointer) "DermExportDialog", 3000);
    }

  /* the next export starts from these options */
  CHECK (g_file_get_contents (ini, &saved, NULL, NULL), "the options are saved in print.ini");
  CHECK (saved != NULL && strstr (saved, "[Export]") != NULL &&
         strstr (strstr (saved, "[Export]"), "style=grayscale") != NULL,
         "print.ini remembers the export style");
}

static gboolean
export_under_way (gpointer data)
{
  DermExportDialog *dialog = data;
  double progress = derm_export_dialog_get_progress (dialog);

  return derm_export_dialog_get_busy (dialog) && progress > 0.0 && progress < 1.0;
}

static gboolean
export_over (gpointer data)
{
  return !derm_export_dialog_get_busy (data);
}

static gboolean
file_in_dir_starts_with (const char *dir_path,
                         const char *prefix)
{
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      return TRUE;
  return FALSE;
}

/* The largest PNG takes many seconds: it is written in a thread while the
 * window keeps answering and shows how far it got, and Cancel stops it
 * without leaving a file (issue 12). */
static void
test_export_cancel (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "huge.png", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  DermExportDialog *dialog;
  GtkWidget *widget, *cancel;
  g_autofree char *written = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  CHECK (wait_until (toplevel_shown, (gpointer) "DermExportDialog", 5000), "Export opens the export window");
  dialog = (DermExportDialog *) find_toplevel ("DermExportDialog");
  if (dialog == NULL)
    return;
  widget = derm_export_dialog_get_options_widget (dialog);
  derm_page_options_widget_set_png_width (DERM_PAGE_OPTIONS_WIDGET (widget), 20000);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_template_child (widget, DERM_TYPE_PAGE_OPTIONS_WIDGET, "legend_check")),
                               TRUE);

  written = derm_export_dialog_export_to_file (dialog, file);
  CHECK (g_strcmp0 (written, path) == 0, "the export starts (%s)", written);
  CHECK (derm_export_dialog_get_busy (dialog), "the dialog says a file is being written");
  CHECK (!gtk_widget_is_sensitive (widget), "the options cannot change while it is written");
  /* the window's own main loop sees the bar move: it was not blocked */
  CHECK (wait_until (export_under_way, dialog, 60000),
         "the progress bar moves while the file is written (%.3f)",
         derm_export_dialog_get_progress (dialog));

  cancel = find_button (GTK_WIDGET (dialog), "_Cancel");
  CHECK (cancel != NULL, "the dialog has a Cancel button");
  if (cancel != NULL)
    g_signal_emit_by_name (cancel, "clicked");
  CHECK (wait_until (export_over, dialog, 30000), "Cancel stops the export");
  CHECK (find_toplevel ("DermExportDialog") != NULL, "the dialog stays open to change the options");
  CHECK (find_toplevel ("AdwMessageDialog") == NULL, "a cancelled export is no error");
  CHECK (!file_in_dir_starts_with (tmp_dir, "huge"), "a cancelled export leaves no file, whole or partial");
  CHECK (gtk_widget_is_sensitive (widget), "the options can change again");

  /* Escape, with nothing being written, closes the dialog */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL);
  CHECK (wait_until (toplevel_gone, (gpointer) "DermExportDialog", 3000), "Cancel then closes the dialog");
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_clear_pointer (&dir, g_dir_close);
  g_rmdir (path);
}

static gboolean
window_ready (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (window));
}

static void
activate_cb (GApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  g_assert_nonnull (windows);
  window = DERM_WINDOW (windows->data);
  if (!wait_until (window_ready, NULL, 10000))
    g_error ("the window did not appear");

  test_print_to_pdf ();
  test_custom_widget ();
  test_print_dialog ();
  test_export_cancel ();
  test_export_window ();

  g_application_quit (app);
}

int
main (int argc, char *argv[])
{
  g_autoptr (DermApplication) app = NULL;
  g_autofree char *config = NULL;

  /* print.ini goes to a scratch config directory, not the user's */
  tmp_dir = g_dir_make_tmp ("derm-print-XXXXXX", NULL);
  config = g_build_filename (tmp_dir, "config", NULL);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  if (!gtk_init_check () || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_print ("no X11 display: skipped\n");
      return 77;
    }

  display_fail_on_warnings ();
  app = derm_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 0, NULL);

  /* the files stay to look at when something failed, or on request */
  if (check_failures > 0 || g_getenv ("DERM_TEST_KEEP") != NULL)
    g_print ("%d failed; files in %s\n", check_failures, tmp_dir);
  else
    remove_tree (tmp_dir);

  return check_failures > 0 ? 1 : 0;
}
