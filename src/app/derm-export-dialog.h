/* derm-export-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "derm-export.h"

G_BEGIN_DECLS

#define DERM_TYPE_EXPORT_DIALOG (derm_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DermExportDialog, derm_export_dialog, DERM, EXPORT_DIALOG, AdwWindow)

/* The export options, then a file chooser: the chosen name's extension
 * picks PDF, SVG or PNG. Success closes the window with a toast on parent
 * (when its content is an AdwToastOverlay); an error is a message naming
 * the file. */
DermExportDialog *derm_export_dialog_new         (GtkWindow               *parent,
                                                  DermRenderer            *renderer,
                                                  const DermExportOptions *options);

/* The options as the form shows them; clear with derm_export_options_clear (). */
void              derm_export_dialog_get_options (DermExportDialog        *self,
                                                  DermExportOptions       *options);
GtkWidget        *derm_export_dialog_get_options_widget (DermExportDialog *self);

/* What the file chooser's "Export" does with the file it got: the same
 * path the user takes, for tests. The file is written in a thread while
 * the dialog shows the progress and Cancel stops it; ::exported says it is
 * done. Returns the path it writes, or NULL when it cannot start. */
char             *derm_export_dialog_export_to_file (DermExportDialog     *self,
                                                     GFile                *file);
/* A file is being written; how far it got (0 to 1) as the bar shows it. */
gboolean          derm_export_dialog_get_busy       (DermExportDialog     *self);
double            derm_export_dialog_get_progress   (DermExportDialog     *self);

/* The name a file gets: its own if it ends in .pdf, .svg or .png, or with
 * the extension of default_format (the chosen filter) added. */
char             *derm_export_dialog_complete_path (const char          *path,
                                                    DermExportFormat     default_format);

/* Where the file chooser opens: the last export's folder, else Documents,
 * Pictures or home; never the current directory. */
GFile            *derm_export_dialog_dup_folder     (DermExportDialog     *self);

G_END_DECLS
