/* derm-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages to a PDF, SVG or PNG file. Drawn in memory, then written with
 * g_file_set_contents (), which writes a temporary file beside the target
 * and renames it: a failed export never leaves a partial file.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "derm-export.h"

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

  if (!g_file_set_contents (path, (const char *) bytes->data, bytes->len, &local_error))
    {
      g_set_error (error, DERM_EXPORT_ERROR, DERM_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), display, local_error->message);
      return FALSE;
    }
  return TRUE;
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
        double scale = png_width / width;
        int pixel_height = (int) ceil (height * n_pages * scale);
        cairo_font_options_t *font_options = cairo_font_options_create ();

        surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, png_width, pixel_height);
        cr = cairo_create (surface);
        /* grey antialiasing: subpixel text would put colour in a grayscale page */
        cairo_font_options_set_antialias (font_options, CAIRO_ANTIALIAS_GRAY);
        cairo_set_font_options (cr, font_options);
        cairo_font_options_destroy (font_options);
        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_paint (cr);
        cairo_scale (cr, scale, scale);
      }
      break;
    }

  for (guint i = 0; i < n_pages; i++)
    {
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
  if (status == CAIRO_STATUS_SUCCESS && format == DERM_EXPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, derm_export_append_bytes, bytes);
  else
    cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return derm_export_save_bytes (bytes, status, path, error);
}

gboolean
derm_export_write (DermRenderer            *renderer,
                   const DermExportOptions *options,
                   const char              *path,
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
  return derm_export_write_pages (path, options->width, pages.width, pages.height,
                                  derm_page_get_n_pages (&options->page),
                                  options->page.title != NULL ? options->page.title
                                                              : _("Dermatomes of the lower limb"),
                                  draw_map_page, &pages, error);
}
