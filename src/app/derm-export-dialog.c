/* derm-export-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>

#include "derm-export-dialog.h"
#include "derm-page-options-widget.h"
#include "derm-settings.h"

struct _DermExportDialog
{
  AdwWindow             parent_instance;

  GtkBox               *options_box;
  GtkWidget            *export_button;
  GtkWidget            *options_widget;

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

  object_class->dispose = derm_export_dialog_dispose;

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
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
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

char *
derm_export_dialog_export_to_file (DermExportDialog *self,
                                   GFile            *file)
{
  g_auto (DermExportOptions) options = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;
  GtkWindow *parent;

  g_return_val_if_fail (DERM_IS_EXPORT_DIALOG (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  chosen = g_file_get_path (file);
  if (chosen == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only local files can be written: %s"), uri);
      show_error (self, uri, error);
      return NULL;
    }

  /* no extension of ours: the filter the user chose says which */
  path = derm_export_dialog_complete_path (chosen, self->chosen_format);

  derm_export_options_init (&options);
  derm_export_dialog_get_options (self, &options);

  if (!derm_export_write (self->renderer, &options, path, &error))
    {
      show_error (self, path, error);
      return NULL;
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

  return g_steal_pointer (&path);
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
