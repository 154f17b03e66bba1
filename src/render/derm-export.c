/* derm-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages to a PDF, SVG or PNG file. Drawn in memory, then written with
 * derm_file_save_atomic (), which writes a temporary file beside the
 * target and renames it: a failed export never leaves a partial file.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <png.h>
#include <string.h>

#include "derm-export.h"
#include "derm-file.h"

G_DEFINE_QUARK (derm-export-error-quark, derm_export_error)

void
derm_export_options_init (DermExportOptions *options)
{
  derm_page_options_init (&options->page);
  options->width = DERM_EXPORT_DEFAULT_WIDTH;
}

void
derm_export_options_clear (DermExportOptions *options)
{
  derm_page_options_clear (&options->page);
}

gboolean
derm_export_format_from_path (const char       *path,
                              DermExportFormat *format)
{
  static const char * const extensions[] = { ".pdf", ".svg", ".png" };
  gsize len;

  g_return_val_if_fail (path != NULL, FALSE);

  len = strlen (path);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      gsize n = strlen (extensions[i]);

      /* a bare ".pdf" is no name */
      if (len > n && g_ascii_strcasecmp (path + len - n, extensions[i]) == 0 &&
          path[len - n - 1] != '/')
        {
          *format = (DermExportFormat) i;
          return TRUE;
        }
    }
  return FALSE;
}

/* cairo's write function into a GByteArray (the closure) */
cairo_status_t
derm_export_append_bytes (void                *closure,
                          const unsigned char *data,
                          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * derm_export_save_bytes:
 * @status: how drawing the bytes went
 *
 * Writes what a cairo surface made to path at once, through a temporary
 * file beside it, so a failure never leaves half a file; or says why not,
 * naming the file.
 */
gboolean
derm_export_save_bytes (GByteArray      *bytes,
                        cairo_status_t   status,
                        const char      *path,
                        GError         **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr (GError) local_error = NULL;

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, DERM_EXPORT_ERROR, DERM_EXPORT_ERROR_WRITE,
                   _("Cannot export to “%s”: %s"), display, cairo_status_to_string (status));
      return FALSE;
    }

  if (!derm_file_save_atomic (path, (const char *) bytes->data, bytes->len,
                              G_FILE_SET_CONTENTS_CONSISTENT, 0644, FALSE, &local_error))
    {
      g_set_error (error, DERM_EXPORT_ERROR, DERM_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), display, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
monitor_cancelled (const DermExportMonitor *monitor)
{
  return monitor != NULL && g_cancellable_is_cancelled (monitor->cancellable);
}

static void
monitor_progress (const DermExportMonitor *monitor,
                  double                   fraction)
{
  if (monitor != NULL && monitor->progress != NULL)
    monitor->progress (CLAMP (fraction, 0.0, 1.0), monitor->user_data);
}

/* A stopped export: what it says, naming the file; nothing was written. */
static gboolean
set_cancelled (const char  *path,
               GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
               _("The export to “%s” was cancelled"), display);
  return FALSE;
}

typedef struct {
  DermRenderer            *renderer;
  const DermExportOptions *options;
  double                   width;
  double                   height;
} MapPages;

static void
draw_map_page (cairo_t  *cr,
               guint     page_index,
               gpointer  user_data)
{
  MapPages *pages = user_data;

  derm_page_render (pages->renderer, cr, pages->width, pages->height, &pages->options->page, page_index);
}

/* A PNG band of at most this many bytes of pixels is drawn at a time, so
 * that the largest export (20000 pixels wide, pages one under the other,
 * taller than cairo's 32767-pixel images) needs tens of megabytes, not
 * gigabytes. */
#define PNG_BAND_BYTES (64 * 1024 * 1024)

typedef struct {
  GByteArray      *bytes;
  cairo_surface_t *band;
  guint8          *row;
} PngWrite;

static void
png_write_cb (png_structp  png,
              png_bytep    data,
              png_size_t   length)
{
  g_byte_array_append (png_get_io_ptr (png), data, (guint) length);
}

static void
png_flush_cb (png_structp png)
{
}

typedef struct {
  int                 png_width;
  int                 pixel_height;
  double              width;
  double              height;
  double              scale;
  guint               n_pages;
  DermExportDrawPage  draw_page;
  gpointer            user_data;
  const DermExportMonitor *monitor;
} PngPages;

/* Draw the pages a band at a time and hand the rows to libpng. */
static cairo_status_t
write_png_rows (png_structp     png,
                PngWrite       *out,
                const PngPages *pages)
{
  int band_rows = MAX (1, MIN (pages->pixel_height, PNG_BAND_BYTES / (pages->png_width * 4)));
  cairo_status_t status = CAIRO_STATUS_SUCCESS;

  out->row = g_malloc ((gsize) pages->png_width * 3);
  for (int y0 = 0; y0 < pages->pixel_height && status == CAIRO_STATUS_SUCCESS; y0 += band_rows)
    {
      /* a cancelled export stops between bands; the caller says why */
      if (monitor_cancelled (pages->monitor))
        return CAIRO_STATUS_WRITE_ERROR;
      monitor_progress (pages->monitor, (double) y0 / pages->pixel_height);
      int rows = MIN (band_rows, pages->pixel_height - y0);
      cairo_font_options_t *font_options = cairo_font_options_create ();
      const guint8 *data;
      int stride;
      cairo_t *cr;

      out->band = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pages->png_width, rows);
      cr = cairo_create (out->band);
      /* grey antialiasing: subpixel text would put colour in a grayscale page */
      cairo_font_options_set_antialias (font_options, CAIRO_ANTIALIAS_GRAY);
      cairo_set_font_options (cr, font_options);
      cairo_font_options_destroy (font_options);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_translate (cr, 0, -y0);
      cairo_scale (cr, pages->scale, pages->scale);
      for (guint i = 0; i < pages->n_pages; i++)
        {
          double top = i * pages->height * pages->scale;

          /* only the pages the band shows */
          if (top + pages->height * pages->scale <= y0 || top >= y0 + rows)
            continue;
          cairo_save (cr);
          cairo_translate (cr, 0, i * pages->height);
          pages->draw_page (cr, i, pages->user_data);
          cairo_restore (cr);
        }
      status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_flush (out->band);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (out->band);

      data = cairo_image_surface_get_data (out->band);
      stride = cairo_image_surface_get_stride (out->band);
      for (int r = 0; r < rows && status == CAIRO_STATUS_SUCCESS; r++)
        {
          const guint32 *pixels = (const guint32 *) (data + (gsize) r * stride);

          for (int x = 0; x < pages->png_width; x++)
            {
              out->row[3 * x] = (pixels[x] >> 16) & 0xff;
              out->row[3 * x + 1] = (pixels[x] >> 8) & 0xff;
              out->row[3 * x + 2] = pixels[x] & 0xff;
            }
          png_write_row (png, out->row);
        }
      g_clear_pointer (&out->band, cairo_surface_destroy);
    }
  return status;
}

/* libpng reports its errors by a long jump back here; whatever was being
 * drawn lives in out, which the caller frees. */
static cairo_status_t
write_png (png_structp     png,
           png_infop       info,
           PngWrite       *out,
           const PngPages *pages)
{
  cairo_status_t status;

  if (setjmp (png_jmpbuf (png)))
    return CAIRO_STATUS_WRITE_ERROR;
  png_set_write_fn (png, out->bytes, png_write_cb, png_flush_cb);
  png_set_IHDR (png, info, (png_uint_32) pages->png_width, (png_uint_32) pages->pixel_height, 8,
                PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  /* the pages are mostly flat colour: a light deflate loses little and
   * halves the time of a large export */
  png_set_compression_level (png, 3);
  png_write_info (png, info);
  status = write_png_rows (png, out, pages);
  if (status == CAIRO_STATUS_SUCCESS)
    png_write_end (png, NULL);
  return status;
}

static cairo_status_t
write_png_bands (PngWrite           *out,
                 int                 png_width,
                 double              width,
                 double              height,
                 guint               n_pages,
                 DermExportDrawPage  draw_page,
                 gpointer            user_data,
                 const DermExportMonitor *monitor)
{
  PngPages pages = {
    png_width, (int) ceil (height * n_pages * (png_width / width)), width, height,
    png_width / width, n_pages, draw_page, user_data, monitor,
  };
  png_structp png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png != NULL ? png_create_info_struct (png) : NULL;
  cairo_status_t status = CAIRO_STATUS_NO_MEMORY;

  if (png != NULL && info != NULL)
    status = write_png (png, info, out, &pages);
  png_destroy_write_struct (&png, &info);
  return status;
}

gboolean
derm_export_write_pages (const char          *path,
                         int                  png_width,
                         double               width,
                         double               height,
                         guint                n_pages,
                         const char          *title,
                         DermExportDrawPage   draw_page,
                         gpointer             user_data,
                         GError             **error)
{
  return derm_export_write_pages_monitored (path, png_width, width, height, n_pages, title,
                                            draw_page, user_data, NULL, error);
}

/**
 * derm_export_write_pages_monitored:
 * @monitor: (nullable): progress and cancellation
 *
 * derm_export_write_pages (), telling monitor's progress function how far
 * it got after each band or page and stopping when its cancellable is
 * cancelled, before anything is written.
 */
gboolean
derm_export_write_pages_monitored (const char              *path,
                                   int                      png_width,
                                   double                   width,
                                   double                   height,
                                   guint                    n_pages,
                                   const char              *title,
                                   DermExportDrawPage       draw_page,
                                   gpointer                 user_data,
                                   const DermExportMonitor *monitor,
                                   GError                 **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autofree char *display = NULL;
  DermExportFormat format;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  gboolean stacked = TRUE;
  cairo_t *cr;

  g_return_val_if_fail (path != NULL && draw_page != NULL, FALSE);

  display = g_filename_display_name (path);
  if (!derm_export_format_from_path (path, &format))
    {
      g_set_error (error, DERM_EXPORT_ERROR, DERM_EXPORT_ERROR_FORMAT,
                   _("Cannot export to “%s”: the name must end in .pdf, .svg or .png"), display);
      return FALSE;
    }
  if (format == DERM_EXPORT_PNG &&
      (png_width < DERM_EXPORT_MIN_WIDTH || png_width > DERM_EXPORT_MAX_WIDTH))
    {
      g_set_error (error, DERM_EXPORT_ERROR, DERM_EXPORT_ERROR_INVALID,
                   _("Cannot export to “%s”: a width of %d pixels is not between %d and %d"),
                   display, png_width, DERM_EXPORT_MIN_WIDTH, DERM_EXPORT_MAX_WIDTH);
      return FALSE;
    }

  switch (format)
    {
    case DERM_EXPORT_PDF:
      surface = cairo_pdf_surface_create_for_stream (derm_export_append_bytes, bytes, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Dermatomes " VERSION);
      cr = cairo_create (surface);
      stacked = FALSE;
      break;

    case DERM_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (derm_export_append_bytes, bytes, width, height * n_pages);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      cr = cairo_create (surface);
      break;

    case DERM_EXPORT_PNG:
    default:
      {
        PngWrite out = { bytes, NULL, NULL };

        status = write_png_bands (&out, png_width, width, height, n_pages, draw_page, user_data,
                                  monitor);
        g_clear_pointer (&out.band, cairo_surface_destroy);
        g_free (out.row);
        if (monitor_cancelled (monitor))
          return set_cancelled (path, error);
        monitor_progress (monitor, 1.0);
        return derm_export_save_bytes (bytes, status, path, error);
      }
    }

  for (guint i = 0; i < n_pages && !monitor_cancelled (monitor); i++)
    {
      monitor_progress (monitor, (double) i / n_pages);
      cairo_save (cr);
      if (stacked)
        cairo_translate (cr, 0, i * height);
      draw_page (cr, i, user_data);
      cairo_restore (cr);
      if (!stacked)
        cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (monitor_cancelled (monitor))
    return set_cancelled (path, error);
  monitor_progress (monitor, 1.0);

  return derm_export_save_bytes (bytes, status, path, error);
}

gboolean
derm_export_write (DermRenderer            *renderer,
                   const DermExportOptions *options,
                   const char              *path,
                   GError                 **error)
{
  return derm_export_write_monitored (renderer, options, path, NULL, error);
}

gboolean
derm_export_write_monitored (DermRenderer            *renderer,
                             const DermExportOptions *options,
                             const char              *path,
                             const DermExportMonitor *monitor,
                             GError                 **error)
{
  g_autoptr (GError) local_error = NULL;
  MapPages pages = { renderer, options, 0, 0 };
  DermExportFormat format;

  g_return_val_if_fail (DERM_IS_RENDERER (renderer), FALSE);
  g_return_val_if_fail (options != NULL && path != NULL, FALSE);

  if (derm_export_format_from_path (path, &format) &&
      !derm_page_options_validate (&options->page, derm_renderer_get_atlas (renderer), &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, DERM_EXPORT_ERROR, DERM_EXPORT_ERROR_INVALID,
                   _("Cannot export to “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  derm_paper_get_size (options->page.paper, options->page.landscape, &pages.width, &pages.height);
  return derm_export_write_pages_monitored (path, options->width, pages.width, pages.height,
                                            derm_page_get_n_pages (&options->page),
                                            options->page.title != NULL ? options->page.title
                                                                        : _("Dermatomes of the lower limb"),
                                            draw_map_page, &pages, monitor, error);
}
