/* derm-window-print.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each action loads what the last print or export left in print.ini,
 * starts on the map the window shows, and saves what the user chose. In
 * chart mode both print and export the chart's record instead, on the
 * paper of the page setup.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>

#include "derm-chart-page.h"
#include "derm-cli.h"
#include "derm-export-dialog.h"
#include "derm-print-operation.h"
#include "derm-print-settings.h"
#include "derm-window-print.h"

/* helpers */

/* One renderer per window, made on the first print or export. */
static DermRenderer *
get_renderer (DermWindow *self)
{
  DermRenderer *renderer = g_object_get_data (G_OBJECT (self), "derm-print-renderer");

  if (renderer == NULL)
    {
      renderer = derm_renderer_new (derm_window_get_atlas (self));
      g_object_set_data_full (G_OBJECT (self), "derm-print-renderer", renderer, g_object_unref);
    }

  return renderer;
}

static void
set_from_window (DermWindow      *self,
                 DermPageOptions *options)
{
  DermMapView *map_view = derm_window_get_map_view (self);
  gboolean nerves = FALSE, key_points = FALSE;

  g_object_get (self, "nerves", &nerves, "key-points", &key_points, NULL);
  g_free (options->map_id);
  options->map_id = g_strdup (derm_map_view_get_map_id (map_view));
  g_free (options->highlight_root);
  options->highlight_root = g_strdup (derm_map_view_get_selected_root (map_view));
  options->nerves = nerves;
  options->key_points = key_points;
}

static void
load_state (DermWindow      *self,
            DermPrintState  *state)
{
  g_autofree char *path = derm_print_state_get_default_path ();
  DermAtlas *atlas = derm_window_get_atlas (self);
  g_autoptr (GError) error = NULL;

  derm_print_state_init (state);
  derm_print_state_load (state, path);

  /* what is printed is the map on screen, with its overlays and root
   * highlight */
  set_from_window (self, &state->options);
  set_from_window (self, &state->export_options.page);

  /* a root or map the atlas no longer has: drop it rather than fail later */
  if (!derm_page_options_validate (&state->options, atlas, &error))
    {
      g_warning ("Print options: %s", error->message);
      g_clear_pointer (&state->options.highlight_root, g_free);
      state->options.answer_key = state->options.answer_key &&
                                  state->options.style == DERM_STYLE_WORKSHEET;
      g_clear_error (&error);
    }
  if (!derm_page_options_validate (&state->export_options.page, atlas, &error))
    {
      g_warning ("Export options: %s", error->message);
      g_clear_pointer (&state->export_options.page.highlight_root, g_free);
      state->export_options.page.answer_key = state->export_options.page.answer_key &&
                                              state->export_options.page.style == DERM_STYLE_WORKSHEET;
    }
}

static void
save_state (const DermPrintState *state)
{
  g_autofree char *path = derm_print_state_get_default_path ();
  g_autoptr (GError) error = NULL;

  if (!derm_print_state_save (state, path, &error))
    g_warning ("Could not save the print settings: %s", error->message);
}

static void
show_print_error (DermWindow   *self,
                  const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Print"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* callbacks */

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               DermWindow              *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr (GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL && g_object_get_data (G_OBJECT (operation), "derm-error-shown") == NULL)
        show_print_error (self, error);
      g_object_set_data (G_OBJECT (operation), "derm-error-shown", GINT_TO_POINTER (1));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_auto (DermPrintState) state = { 0 };
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
      GtkPageSetup *page_setup = gtk_print_operation_get_default_page_setup (operation);

      load_state (self, &state);
      if (settings != NULL)
        g_set_object (&state.settings, settings);
      if (page_setup != NULL)
        g_set_object (&state.page_setup, page_setup);
      derm_page_options_clear (&state.options);
      derm_page_options_copy (derm_print_operation_get_options (DERM_PRINT_OPERATION (operation)),
                              &state.options);
      save_state (&state);
    }
}

static void
page_setup_done_cb (GtkPageSetup *page_setup,
                    gpointer      user_data)
{
  g_autoptr (DermWindow) self = user_data;
  g_auto (DermPrintState) state = { 0 };

  /* NULL: the dialog was cancelled */
  if (page_setup == NULL)
    return;

  load_state (self, &state);
  g_set_object (&state.page_setup, page_setup);
  save_state (&state);
}

static void
exported_cb (DermExportDialog *dialog,
             const char       *path,
             DermWindow       *self)
{
  g_auto (DermPrintState) state = { 0 };

  load_state (self, &state);
  derm_export_options_clear (&state.export_options);
  derm_export_options_init (&state.export_options);
  derm_export_dialog_get_options (dialog, &state.export_options);
  save_state (&state);
}

/* The chart's record: the paper of the page setup, A4 without one. */
static void
chart_paper_size (DermWindow *self,
                  double     *width,
                  double     *height)
{
  g_auto (DermPrintState) state = { 0 };

  load_state (self, &state);
  *width = 595.276;
  *height = 841.89;
  if (state.page_setup != NULL)
    {
      *width = gtk_page_setup_get_paper_width (state.page_setup, GTK_UNIT_POINTS);
      *height = gtk_page_setup_get_paper_height (state.page_setup, GTK_UNIT_POINTS);
    }
}

/* One chart export, written in a thread with an atlas, renderer and copy
 * of the chart of its own: the window keeps working, and what the user
 * charts meanwhile is not half in the file. */
typedef struct {
  char   *data;  /* the chart as it was when the export began */
  gsize   length;
  char   *path;
  double  width, height;
} ChartExport;

static void
chart_export_free (gpointer data)
{
  ChartExport *job = data;

  g_free (job->data);
  g_free (job->path);
  g_free (job);
}

static void
chart_export_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ChartExport *job = task_data;
  g_autoptr (DermAtlas) atlas = NULL;
  g_autoptr (DermRenderer) renderer = NULL;
  g_autoptr (DermChart) chart = NULL;
  GError *error = NULL;

  /* the atlas the window shows, loaded again for this thread alone */
  atlas = derm_cli_new_atlas (&error);
  if (atlas != NULL)
    chart = derm_chart_new_from_data (job->data, (gssize) job->length, NULL, atlas, &error);
  if (chart != NULL && !g_task_return_error_if_cancelled (task))
    {
      renderer = derm_renderer_new (atlas);
      if (derm_chart_page_write (renderer, chart, NULL, NULL, job->path, job->width, job->height,
                                 2000, &error))
        {
          g_task_return_boolean (task, TRUE);
          return;
        }
    }
  if (error != NULL)
    g_task_return_error (task, error);
}

static void
release_application (gpointer data)
{
  g_application_release (data);
  g_object_unref (data);
}

static void
chart_exported_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  DermWindow *self = DERM_WINDOW (object);
  const char *path = ((ChartExport *) g_task_get_task_data (G_TASK (result)))->path;
  g_autofree char *name = g_filename_display_basename (path);
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (self));
  g_autoptr (GError) error = NULL;

  if (!derm_window_export_chart_finish (self, result, &error) && !gtk_widget_get_realized (GTK_WIDGET (self)))
    {
      /* the window was closed meanwhile: nowhere left to show it */
      g_printerr ("dermatomes: %s: %s\n", path, error->message);
      return;
    }
  if (error != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, error->message);

      adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Could Not Export “%s”"), name);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (content != NULL && ADW_IS_TOAST_OVERLAY (content))
    {
      /* Translators: %s is a file name */
      g_autofree char *title = g_strdup_printf (_("Exported to %s"), name);

      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (content), adw_toast_new (title));
    }
}

static void
chart_export_response_cb (DermWindow           *self,
                          int                   response,
                          GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *chosen = file != NULL ? g_file_get_path (file) : NULL;
      /* no extension of ours: a PDF, as the export dialog does it */
      g_autofree char *path = chosen != NULL ? derm_export_dialog_complete_path (chosen, DERM_EXPORT_PDF)
                                             : NULL;

      if (path != NULL && derm_window_get_chart (self) != NULL)
        derm_window_export_chart_async (self, path, NULL, chart_exported_cb, NULL);
    }
  g_object_unref (chooser);
}

static void
export_chart (DermWindow *self)
{
  GtkFileChooserNative *chooser;
  static const struct { const char *name; const char *pattern; } formats[] = {
    { N_("PDF document"), "*.pdf" },
    { N_("SVG image"), "*.svg" },
    { N_("PNG image"), "*.png" },
  };

  chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(formats[i].name));
      gtk_file_filter_add_pattern (filter, formats[i].pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  /* Translators: the file name an exported chart is offered to be saved as */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("chart.pdf"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (chart_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* public API */

/**
 * derm_window_export_chart_async:
 * @path: a .pdf, .svg or .png
 *
 * Writes the record of the chart shown, as it is now, on the page setup's
 * paper, in a thread. The application stays up until the file is written.
 */
void
derm_window_export_chart_async (DermWindow          *self,
                                const char          *path,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  GApplication *app = g_application_get_default ();
  ChartExport *job;

  g_return_if_fail (DERM_IS_WINDOW (self));
  g_return_if_fail (derm_window_get_chart (self) != NULL);
  g_return_if_fail (path != NULL);

  job = g_new0 (ChartExport, 1);
  job->data = derm_chart_to_data (derm_window_get_chart (self), &job->length);
  job->path = g_strdup (path);
  chart_paper_size (self, &job->width, &job->height);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, derm_window_export_chart_async);
  g_task_set_task_data (task, job, chart_export_free);
  if (app != NULL)
    {
      g_application_hold (app);
      g_object_set_data_full (G_OBJECT (task), "derm-hold", g_object_ref (app), release_application);
    }
  g_task_run_in_thread (task, chart_export_thread);
}

gboolean
derm_window_export_chart_finish (DermWindow    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == derm_window_export_chart_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
derm_window_print_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  DermWindow *self = DERM_WINDOW (widget);
  g_auto (DermPrintState) state = { 0 };
  g_autoptr (DermPrintOperation) operation = NULL;
  g_autoptr (GError) error = NULL;
  GtkPrintOperationResult result;

  load_state (self, &state);

  operation = derm_print_operation_new (get_renderer (self), &state.options);
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), state.settings);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), state.page_setup);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  derm_print_operation_set_chart (operation, derm_window_get_chart (self));

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR &&
      g_object_get_data (G_OBJECT (operation), "derm-error-shown") == NULL)
    {
      g_object_set_data (G_OBJECT (operation), "derm-error-shown", GINT_TO_POINTER (1));
      show_print_error (self, error);
    }
}

void
derm_window_page_setup_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  DermWindow *self = DERM_WINDOW (widget);
  g_auto (DermPrintState) state = { 0 };

  load_state (self, &state);
  gtk_print_run_page_setup_dialog_async (GTK_WINDOW (self), state.page_setup, state.settings,
                                         page_setup_done_cb, g_object_ref (self));
}

void
derm_window_export_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  DermWindow *self = DERM_WINDOW (widget);
  g_auto (DermPrintState) state = { 0 };
  DermExportDialog *dialog;

  if (derm_window_get_chart (self) != NULL)
    {
      export_chart (self);
      return;
    }

  load_state (self, &state);

  dialog = derm_export_dialog_new (GTK_WINDOW (self), get_renderer (self), &state.export_options);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
