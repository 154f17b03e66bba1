/* derm-export-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>

#include "derm-bundle.h"
#include "derm-cli.h"
#include "derm-export-dialog.h"
#include "derm-page-options-widget.h"
#include "derm-settings.h"

struct _DermExportDialog
{
  AdwWindow             parent_instance;

  GtkBox               *options_box;
  GtkWidget            *export_button;
  GtkWidget            *cancel_button;
  GtkWidget            *options_widget;
  GtkWidget            *progress_box;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;

  /* while a file is being written: the job, shared with its thread */
  GCancellable         *cancellable;
  struct _ExportJob    *job;
  guint                 progress_source;

  DermRenderer         *renderer;
  GSettings            *settings;     /* NULL without the schema installed */
  GtkFileChooserNative *chooser;
  GtkFileFilter        *filters[3];  /* by DermExportFormat */
  DermExportFormat      chosen_format;  /* the filter last chosen */
};

G_DEFINE_FINAL_TYPE (DermExportDialog, derm_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const extensions[] = { ".pdf", ".svg", ".png" };

/* One export, written in a thread of its own with an atlas and renderer of
 * its own (nothing the window draws with is touched from the thread); the
 * thread tells how far it got through an atomic counter the window reads. */
typedef struct _ExportJob {
  DermExportOptions options;
  char             *path;
  int               permille;  /* atomic */
} ExportJob;

static void
export_job_clear (gpointer data)
{
  ExportJob *job = data;

  derm_export_options_clear (&job->options);
  g_free (job->path);
}

static ExportJob *
export_job_ref (ExportJob *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
export_job_unref (gpointer job)
{
  g_atomic_rc_box_release_full (job, export_job_clear);
}

/* helpers */

static void
unref_file (gpointer  data,
            GClosure *closure)
{
  g_object_unref (data);
}

static void
open_clicked_cb (AdwToast *toast,
                 GFile    *file)
{
  GtkWidget *overlay = g_object_get_data (G_OBJECT (toast), "derm-overlay");
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (overlay != NULL ? GTK_WINDOW (gtk_widget_get_root (overlay)) : NULL,
                uri, GDK_CURRENT_TIME);
}

static void
show_toast (GtkWindow  *parent,
            const char *path)
{
  GtkWidget *content;
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!ADW_IS_APPLICATION_WINDOW (parent))
    return;
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (parent));
  if (!ADW_IS_TOAST_OVERLAY (content))
    return;

  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Exported to %s"), name);
  toast = adw_toast_new (title);
  /* Translators: opens the file just exported */
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data (G_OBJECT (toast), "derm-overlay", content);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_clicked_cb),
                         g_file_new_for_path (path), unref_file, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (content), toast);
}

static void
show_error (DermExportDialog *self,
            const char       *path,
            const GError     *error)
{
  g_autofree char *name = g_filename_display_basename (path);
  GtkWidget *dialog;

  /* Translators: %s is a file name */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Could Not Export “%s”"), name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkFileFilter *
create_filter (const char *name,
               const char *mime_type,
               const char *pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);

  return filter;
}

static void
set_busy (DermExportDialog *self,
          gboolean          busy)
{
  gtk_widget_set_visible (self->progress_box, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->options_box), !busy);
  gtk_widget_set_sensitive (self->export_button, !busy);
  if (busy)
    gtk_widget_grab_focus (self->cancel_button);
}

/* The window forgets the export it started (done, failed or cancelled). */
static void
end_export (DermExportDialog *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->job, export_job_unref);
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  set_busy (self, FALSE);
}

static void
job_progress_cb (double   fraction,
                 gpointer user_data)
{
  ExportJob *job = user_data;

  g_atomic_int_set (&job->permille, (int) (fraction * 1000));
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  DermExportMonitor monitor = { cancellable, job_progress_cb, job };
  g_autoptr (DermAtlas) atlas = NULL;
  g_autoptr (DermRenderer) renderer = NULL;
  GError *error = NULL;

  /* the same atlas the window shows, loaded again for this thread alone */
  atlas = derm_cli_new_atlas (&error);
  if (atlas == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  renderer = derm_renderer_new (atlas);
  if (!derm_export_write_monitored (renderer, &job->options, job->path, &monitor, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  DermExportDialog *self = user_data;

  if (self->job != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar,
                                   g_atomic_int_get (&self->job->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  DermExportDialog *self = DERM_EXPORT_DIALOG (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *path = g_strdup (job->path);
  g_autoptr (GError) error = NULL;
  GtkWindow *parent;

  /* an export the window has already let go of (it was closed) */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  g_task_propagate_boolean (G_TASK (result), &error);
  end_export (self);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      show_error (self, path, error);
      return;
    }

  if (self->settings != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (path);

      g_settings_set_string (self->settings, "export-folder", folder);
    }
  g_signal_emit (self, signals[EXPORTED], 0, path);

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    show_toast (parent, path);
  gtk_window_close (GTK_WINDOW (self));
}

/* Cancel and Escape: stop the export being written, or close the window. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DermExportDialog *self = DERM_EXPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
close_request_cb (GtkWindow *window)
{
  DermExportDialog *self = DERM_EXPORT_DIALOG (window);

  /* closed by the window manager while writing: the export stops */
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      end_export (self);
    }
  return FALSE;
}

/* callbacks */

static void
chooser_response_cb (DermExportDialog     *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr (GFile) file = NULL;
  GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  for (guint i = 0; i < G_N_ELEMENTS (self->filters); i++)
    if (filter == self->filters[i])
      self->chosen_format = (DermExportFormat) i;

  g_clear_object (&self->chooser);

  if (file != NULL)
    g_free (derm_export_dialog_export_to_file (self, file));
}

static void
export_clicked_cb (DermExportDialog *self,
                   GtkButton        *button)
{
  GtkFileChooser *chooser;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (self->filters); i++)
    gtk_file_chooser_add_filter (chooser, self->filters[i]);
  gtk_file_chooser_set_filter (chooser, self->filters[DERM_EXPORT_PDF]);
  gtk_file_chooser_set_current_name (chooser, "dermatomes.pdf");
  {
    g_autoptr (GFile) folder = derm_export_dialog_dup_folder (self);

    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
  }

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* vfuncs */

static void
derm_export_dialog_dispose (GObject *object)
{
  DermExportDialog *self = DERM_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->job, export_job_unref);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), DERM_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->renderer);
  g_clear_object (&self->settings);
  for (guint i = 0; i < G_N_ELEMENTS (self->filters); i++)
    g_clear_object (&self->filters[i]);

  G_OBJECT_CLASS (derm_export_dialog_parent_class)->dispose (object);
}

static void
derm_export_dialog_class_init (DermExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = derm_export_dialog_dispose;
  window_class->close_request = close_request_cb;

  /**
   * DermExportDialog::exported:
   * @path: the file written
   *
   * A file was written with the options the dialog shows.
   */
  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dermatomes/Dermatomes/derm-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DermExportDialog, options_box);
  gtk_widget_class_bind_template_child (widget_class, DermExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, DermExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, DermExportDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, DermExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, DermExportDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);

  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
}

static void
derm_export_dialog_init (DermExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = derm_settings_new ();
  self->filters[DERM_EXPORT_PDF] = create_filter (_("PDF document"), "application/pdf", "*.pdf");
  self->filters[DERM_EXPORT_SVG] = create_filter (_("SVG image"), "image/svg+xml", "*.svg");
  self->filters[DERM_EXPORT_PNG] = create_filter (_("PNG image"), "image/png", "*.png");
  for (guint i = 0; i < G_N_ELEMENTS (self->filters); i++)
    g_object_ref_sink (self->filters[i]);
}

/* public API */

DermExportDialog *
derm_export_dialog_new (GtkWindow               *parent,
                        DermRenderer            *renderer,
                        const DermExportOptions *options)
{
  DermExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DERM_IS_RENDERER (renderer), NULL);

  self = g_object_new (DERM_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->renderer = g_object_ref (renderer);

  self->options_widget = derm_page_options_widget_new (derm_renderer_get_atlas (renderer));
  derm_page_options_widget_set_show_export (DERM_PAGE_OPTIONS_WIDGET (self->options_widget), TRUE);
  if (options != NULL)
    {
      derm_page_options_widget_set_options (DERM_PAGE_OPTIONS_WIDGET (self->options_widget),
                                            &options->page);
      derm_page_options_widget_set_png_width (DERM_PAGE_OPTIONS_WIDGET (self->options_widget),
                                              options->width);
    }
  gtk_box_prepend (self->options_box, self->options_widget);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->export_button);

  return self;
}

void
derm_export_dialog_get_options (DermExportDialog  *self,
                                DermExportOptions *options)
{
  DermPageOptionsWidget *widget;

  g_return_if_fail (DERM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  widget = DERM_PAGE_OPTIONS_WIDGET (self->options_widget);
  derm_page_options_widget_get_options (widget, &options->page);
  options->width = derm_page_options_widget_get_png_width (widget);
}

GtkWidget *
derm_export_dialog_get_options_widget (DermExportDialog *self)
{
  g_return_val_if_fail (DERM_IS_EXPORT_DIALOG (self), NULL);

  return self->options_widget;
}

char *
derm_export_dialog_complete_path (const char       *path,
                                  DermExportFormat  default_format)
{
  DermExportFormat format;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (default_format <= DERM_EXPORT_PNG, NULL);

  if (derm_export_format_from_path (path, &format))
    return g_strdup (path);

  return g_strconcat (path, extensions[default_format], NULL);
}

/**
 * derm_export_dialog_export_to_file:
 *
 * Starts writing the file in a thread; the dialog shows the progress and
 * its Cancel button stops the export. When the file is written the dialog
 * emits ::exported, shows a toast on its parent and closes; a failure is a
 * message naming the file. Returns the path it writes, or NULL when it
 * cannot start (a message says why).
 */
char *
derm_export_dialog_export_to_file (DermExportDialog *self,
                                   GFile            *file)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  ExportJob *job;

  g_return_val_if_fail (DERM_IS_EXPORT_DIALOG (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (self->cancellable != NULL)
    return NULL;

  chosen = g_file_get_path (file);
  if (chosen == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only local files can be written: %s"), uri);
      show_error (self, uri, error);
      return NULL;
    }

  job = g_atomic_rc_box_new0 (ExportJob);
  /* no extension of ours: the filter the user chose says which */
  job->path = derm_export_dialog_complete_path (chosen, self->chosen_format);
  derm_export_options_init (&job->options);
  derm_export_dialog_get_options (self, &job->options);

  self->cancellable = g_cancellable_new ();
  self->job = job;
  set_busy (self, TRUE);
  name = g_filename_display_basename (job->path);
  /* Translators: %s is a file name */
  text = g_strdup_printf (_("Exporting “%s”…"), name);
  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  self->progress_source = g_timeout_add (100, update_progress_cb, self);

  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, derm_export_dialog_export_to_file);
  g_task_set_task_data (task, export_job_ref (job), export_job_unref);
  g_task_run_in_thread (task, export_thread);

  return g_strdup (job->path);
}

gboolean
derm_export_dialog_get_busy (DermExportDialog *self)
{
  g_return_val_if_fail (DERM_IS_EXPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

double
derm_export_dialog_get_progress (DermExportDialog *self)
{
  g_return_val_if_fail (DERM_IS_EXPORT_DIALOG (self), 0.0);

  return gtk_progress_bar_get_fraction (self->progress_bar);
}

/**
 * derm_export_dialog_dup_folder:
 *
 * Where the file chooser opens: the folder of the last export if it is
 * still there, else Documents, Pictures or the home folder; never the
 * current directory (the source tree when run from it).
 */
GFile *
derm_export_dialog_dup_folder (DermExportDialog *self)
{
  g_autofree char *last = NULL;
  const char *candidates[3];

  g_return_val_if_fail (DERM_IS_EXPORT_DIALOG (self), NULL);

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "export-folder");
  if (last != NULL && last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (last);

  candidates[0] = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  candidates[1] = g_get_user_special_dir (G_USER_DIRECTORY_PICTURES);
  candidates[2] = g_get_home_dir ();
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] != NULL && g_file_test (candidates[i], G_FILE_TEST_IS_DIR))
      return g_file_new_for_path (candidates[i]);

  return g_file_new_for_path (g_get_home_dir ());
}
