/* derm-export.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "derm-page.h"

G_BEGIN_DECLS

#define DERM_EXPORT_ERROR (derm_export_error_quark ())

typedef enum {
  DERM_EXPORT_ERROR_FORMAT,   /* the file name's extension is not .pdf, .svg or .png */
  DERM_EXPORT_ERROR_INVALID,  /* an option is out of range */
  DERM_EXPORT_ERROR_WRITE,    /* the file cannot be written */
} DermExportError;

GQuark derm_export_error_quark (void);

typedef enum {
  DERM_EXPORT_PDF,  /* vector, one page each */
  DERM_EXPORT_SVG,  /* vector, pages one under the other */
  DERM_EXPORT_PNG,  /* width pixels wide, white, pages one under the other */
} DermExportFormat;

#define DERM_EXPORT_MIN_WIDTH     100
#define DERM_EXPORT_MAX_WIDTH     20000
#define DERM_EXPORT_DEFAULT_WIDTH 2000

typedef struct {
  DermPageOptions page;   /* the paper size comes from page.paper and page.landscape */
  int             width;  /* PNG only: pixels */
} DermExportOptions;

void     derm_export_options_init         (DermExportOptions *options);
void     derm_export_options_clear        (DermExportOptions *options);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DermExportOptions, derm_export_options_clear)

/* The format from the file name's extension, case-insensitive. */
gboolean derm_export_format_from_path     (const char        *path,
                                           DermExportFormat  *format);

/* Write the pages to path, in the format its extension names. The file
 * appears whole or not at all: it is written beside path under another
 * name and renamed when complete. Errors name the path. */
gboolean derm_export_write                (DermRenderer            *renderer,
                                           const DermExportOptions *options,
                                           const char              *path,
                                           GError                 **error);

/* Watching and stopping a long export (a 20000-pixel PNG takes seconds):
 * progress gets the fraction done, from 0 to 1, in the thread that writes;
 * a cancelled export stops at the next band or page with
 * G_IO_ERROR_CANCELLED and writes nothing. Any member may be NULL. */
typedef void (*DermExportProgressFunc) (double    fraction,
                                        gpointer  user_data);

typedef struct {
  GCancellable           *cancellable;
  DermExportProgressFunc  progress;
  gpointer                user_data;
} DermExportMonitor;

gboolean derm_export_write_monitored      (DermRenderer            *renderer,
                                           const DermExportOptions *options,
                                           const char              *path,
                                           const DermExportMonitor *monitor,
                                           GError                 **error);

/* For writers of other documents: cairo's write function into a
 * GByteArray, and the atomic save of what it gathered (an error names the
 * file, also when status says drawing failed). */
/* Draw page page_index (from 0) into (0, 0, width, height) of cr, in points. */
typedef void (*DermExportDrawPage) (cairo_t  *cr,
                                    guint     page_index,
                                    gpointer  user_data);

/* Any pages of width x height points to path, in the format its name ends
 * in: PDF one page each, SVG and PNG (png_width pixels wide) one under the
 * other. The file appears whole or not at all. */
gboolean derm_export_write_pages          (const char          *path,
                                           int                  png_width,
                                           double               width,
                                           double               height,
                                           guint                n_pages,
                                           const char          *title,
                                           DermExportDrawPage   draw_page,
                                           gpointer             user_data,
                                           GError             **error);
gboolean derm_export_write_pages_monitored (const char              *path,
                                            int                      png_width,
                                            double                   width,
                                            double                   height,
                                            guint                    n_pages,
                                            const char              *title,
                                            DermExportDrawPage       draw_page,
                                            gpointer                 user_data,
                                            const DermExportMonitor *monitor,
                                            GError                 **error);

cairo_status_t derm_export_append_bytes (void                *closure,
                                         const unsigned char *data,
                                         unsigned int         length);
gboolean       derm_export_save_bytes   (GByteArray          *bytes,
                                         cairo_status_t       status,
                                         const char          *path,
                                         GError             **error);

G_END_DECLS
