/* test-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages exported to PDF, SVG and PNG: paper sizes, real text, no raster
 * image in vector output, grayscale without colour, worksheets and answer
 * keys, atomic writes, the print settings round trip, and PNG exports
 * compared with the reference images in tests/golden/.
 *
 * The reference images are regenerated, after a drawing change that is
 * meant, with
 *   DERM_UPDATE_GOLDEN=1 meson test -C build test-export
 * which writes the PNGs of tests/golden/ in the source tree: look at them before
 * committing them.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <glib/gstdio.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "derm-bundle.h"
#include "derm-export.h"
#include "derm-layout.h"
#include "derm-page.h"
#include "derm-renderer.h"
#include "derm-svg-path.h"

static DermAtlas *atlas;
static DermRenderer *renderer;
static char *tmpdir;

static const char * const styles[] = { "color", "grayscale", "worksheet" };
static const char * const formats[] = { "pdf", "svg", "png" };

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static void
export_options (DermExportOptions *options,
                const char        *style)
{
  derm_export_options_init (options);
  options->page.legend = TRUE;
  options->page.date = g_strdup ("2024-01-01");
  g_assert_true (derm_style_from_string (style, &options->page.style));
}

static void
export_ok (const DermExportOptions *options,
           const char              *path)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (derm_export_write (renderer, options, path, &error));
  g_assert_no_error (error);
}

/* The program's output, or NULL (and the test skipped) if it is missing. */
static char *
run_tool (const char *tool,
          ...)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  const char *arg;
  va_list args;
  int status;

  if (program == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed (poppler-utils)", tool);
      g_test_skip (message);
      return NULL;
    }
  g_ptr_array_add (argv, program);
  va_start (args, tool);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  return out;
}

static void
test_formats_and_styles (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      {
        g_auto (DermExportOptions) options = { 0, };
        g_autofree char *name = g_strdup_printf ("all-%s.%s", styles[s], formats[f]);
        g_autofree char *path = tmp_path (name);
        g_autofree char *contents = NULL;
        gsize length;

        export_options (&options, styles[s]);
        options.width = 400;
        export_ok (&options, path);
        g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
        g_assert_cmpuint (length, >, 1000);
        if (f == 0)
          g_assert_true (g_str_has_prefix (contents, "%PDF-"));
        else if (f == 1)
          g_assert_nonnull (strstr (contents, "<svg"));
        else
          g_assert_true (memcmp (contents, "\x89PNG", 4) == 0);
      }

  /* the extension decides, in any case */
  {
    DermExportFormat format;

    g_assert_true (derm_export_format_from_path ("a/B.PDF", &format));
    g_assert_cmpint (format, ==, DERM_EXPORT_PDF);
    g_assert_true (derm_export_format_from_path ("x.Png", &format));
    g_assert_cmpint (format, ==, DERM_EXPORT_PNG);
    g_assert_false (derm_export_format_from_path ("x.jpeg", &format));
    g_assert_false (derm_export_format_from_path ("dir/.pdf", &format));
  }
}

static void
test_bad_extension (void)
{
  g_auto (DermExportOptions) options = { 0, };
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tmp_path ("map.jpeg");

  export_options (&options, "color");
  g_assert_false (derm_export_write (renderer, &options, path, &error));
  g_assert_error (error, DERM_EXPORT_ERROR, DERM_EXPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_pdf_page_sizes (void)
{
  const struct {
    const char *paper;
    gboolean    landscape;
    const char *expect;
  } cases[] = {
    { "a4", FALSE, "595 x 842 pts (A4)" },
    { "a4", TRUE, "842 x 595 pts (A4)" },
    { "letter", FALSE, "612 x 792 pts (letter)" },
    { "letter", TRUE, "792 x 612 pts (letter)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (DermExportOptions) options = { 0, };
      g_autofree char *name = g_strdup_printf ("size-%u.pdf", i);
      g_autofree char *path = tmp_path (name);
      g_autofree char *info = NULL;

      export_options (&options, "color");
      g_assert_true (derm_paper_from_string (cases[i].paper, &options.page.paper));
      options.page.landscape = cases[i].landscape;
      export_ok (&options, path);
      info = run_tool ("pdfinfo", path, NULL);
      if (info == NULL)
        return;
      if (strstr (info, cases[i].expect) == NULL)
        g_error ("%s %s: expected “%s” in\n%s", cases[i].paper,
                 cases[i].landscape ? "landscape" : "portrait", cases[i].expect, info);
      g_assert_nonnull (strstr (info, "Pages:           1\n"));
    }
}

static gboolean
has_root_id (const char *text)
{
  g_autoptr (GRegex) regex = g_regex_new ("\\b(T12|L[1-5]|S[1-5]|S4-5)\\b", 0, 0, NULL);

  return g_regex_match (regex, text, 0, NULL);
}

static void
test_pdf_text (void)
{
  g_auto (DermExportOptions) labelled = { 0, };
  g_auto (DermExportOptions) worksheet = { 0, };
  g_autofree char *labelled_path = tmp_path ("text-labelled.pdf");
  g_autofree char *worksheet_path = tmp_path ("text-worksheet.pdf");
  g_autofree char *text = NULL, *page1 = NULL, *page2 = NULL;
  GPtrArray *roots = derm_atlas_get_roots (atlas);

  export_options (&labelled, "color");
  export_ok (&labelled, labelled_path);
  text = run_tool ("pdftotext", labelled_path, "-", NULL);
  if (text == NULL)
    return;
  /* every root of the default map is named on the legs or in the legend */
  for (guint r = 0; r < roots->len; r++)
    {
      const DermRoot *root = g_ptr_array_index (roots, r);
      g_autofree char *pattern = g_strdup_printf ("\\b%s\\b", root->id);

      if (!g_regex_match_simple (pattern, text, 0, 0))
        g_error ("%s is not in the labelled PDF's text:\n%s", root->id, text);
    }
  g_assert_nonnull (strstr (text, "Dermatomes of the lower limb"));
  g_assert_nonnull (strstr (text, "Anterior"));
  g_assert_nonnull (strstr (text, "Posterior"));
  g_assert_nonnull (strstr (text, "Patient’s right"));
  g_assert_nonnull (strstr (text, "Patient’s left"));
  g_assert_nonnull (strstr (text, "2024-01-01"));
  g_assert_nonnull (strstr (text, "ISNCSCI"));

  /* the worksheet's diagram page names no root; its answer key does */
  export_options (&worksheet, "worksheet");
  worksheet.page.answer_key = TRUE;
  export_ok (&worksheet, worksheet_path);
  page1 = run_tool ("pdftotext", "-f", "1", "-l", "1", worksheet_path, "-", NULL);
  page2 = run_tool ("pdftotext", "-f", "2", "-l", "2", worksheet_path, "-", NULL);
  if (has_root_id (page1))
    g_error ("the worksheet page gives roots away:\n%s", page1);
  g_assert_nonnull (strstr (page1, "31."));
  g_assert_nonnull (strstr (page1, "Name:"));
  g_assert_true (has_root_id (page2));
  g_assert_nonnull (strstr (page2, "answer key"));
}

static void
test_pdf_no_raster (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      g_auto (DermExportOptions) options = { 0, };
      g_autofree char *name = g_strdup_printf ("vector-%s.pdf", styles[s]);
      g_autofree char *path = tmp_path (name);
      g_autofree char *list = NULL;
      g_auto (GStrv) lines = NULL;

      export_options (&options, styles[s]);
      options.page.answer_key = s == 2;
      /* a highlighted root dims the others: still vector */
      options.page.highlight_root = s == 0 ? g_strdup ("L4") : NULL;
      export_ok (&options, path);
      list = run_tool ("pdfimages", "-list", path, NULL);
      if (list == NULL)
        return;
      lines = g_strsplit (g_strchomp (list), "\n", -1);
      /* the two heading lines and no image */
      if (g_strv_length (lines) != 2)
        g_error ("%s style: the PDF holds raster images:\n%s", styles[s], list);
    }
}

static void
test_answer_key_page (void)
{
  g_auto (DermExportOptions) options = { 0, };
  g_autofree char *without = tmp_path ("key-0.pdf");
  g_autofree char *with = tmp_path ("key-1.pdf");
  g_autofree char *info0 = NULL, *info1 = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) answers = NULL;
  DermRenderOptions render;

  export_options (&options, "worksheet");
  g_assert_cmpuint (derm_page_get_n_pages (&options.page), ==, 1);
  export_ok (&options, without);
  options.page.answer_key = TRUE;
  g_assert_cmpuint (derm_page_get_n_pages (&options.page), ==, 2);
  export_ok (&options, with);

  info0 = run_tool ("pdfinfo", without, NULL);
  info1 = run_tool ("pdfinfo", with, NULL);
  if (info0 != NULL && info1 != NULL)
    {
      g_assert_nonnull (strstr (info0, "Pages:           1\n"));
      g_assert_nonnull (strstr (info1, "Pages:           2\n"));
    }

  /* one answer per numbered zone, each a root or roots of the map */
  derm_render_options_init (&render);
  answers = derm_renderer_dup_blank_answers (renderer, &render);
  g_assert_cmpuint (g_strv_length (answers), >=, 20);
  for (guint i = 0; answers[i] != NULL; i++)
    {
      g_auto (GStrv) ids = g_strsplit (answers[i], "/", -1);

      for (guint j = 0; ids[j] != NULL; j++)
        g_assert_nonnull (derm_atlas_get_root (atlas, ids[j]));
    }

  /* a key goes with a worksheet only */
  options.page.style = DERM_STYLE_COLOR;
  g_assert_false (derm_export_write (renderer, &options, with, &error));
  g_assert_error (error, DERM_EXPORT_ERROR, DERM_EXPORT_ERROR_INVALID);
}

static cairo_surface_t *
load_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + y * stride + 4 * x) & 0xffffff;
}

/* The most common grey level in a square around (x, y). */
static int
mode_gray (cairo_surface_t *surface,
           int              x,
           int              y,
           int              radius)
{
  guint counts[256] = { 0, };
  int best = 0;

  for (int dy = -radius; dy <= radius; dy++)
    for (int dx = -radius; dx <= radius; dx++)
      counts[pixel (surface, x + dx, y + dy) & 0xff]++;
  for (int v = 1; v < 256; v++)
    if (counts[v] > counts[best])
      best = v;
  return best;
}

static void
test_grayscale (void)
{
  g_auto (DermExportOptions) options = { 0, };
  g_autofree char *path = tmp_path ("gray.png");
  cairo_surface_t *surface;
  GPtrArray *regions = derm_atlas_get_regions (atlas);
  GPtrArray *roots = derm_atlas_get_roots (atlas);
  const DermMap *map = derm_atlas_get_default_map (atlas);
  g_autoptr (GHashTable) tones = g_hash_table_new (NULL, NULL);
  DermRenderOptions render;
  const double scale = 2.0;
  double lw, lh;
  int width, height;
  cairo_t *cr;

  /* the whole exported page: not one coloured pixel */
  export_options (&options, "grayscale");
  options.width = 1200;
  export_ok (&options, path);
  surface = load_png (path);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 p = pixel (surface, x, y);

        if (((p >> 16) & 0xff) != (p & 0xff) || ((p >> 8) & 0xff) != (p & 0xff))
          g_error ("coloured pixel %06x at %d,%d of the grayscale export", p, x, y);
      }
  cairo_surface_destroy (surface);

  /* each root its own grey where it is alone, at the zone's inner point,
   * and the legend's swatch of the root shows the same grey */
  derm_render_options_init (&render);
  render.style = DERM_STYLE_GRAYSCALE;
  render.labels = FALSE;
  derm_layout_get_size (render.layout, &lw, &lh);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (lw * scale), (int) ceil (lh * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  derm_renderer_render (renderer, cr, &render);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (guint r = 0; r < roots->len; r++)
    {
      const DermRoot *root = g_ptr_array_index (roots, r);
      int tone = -1;

      for (guint i = 0; i < regions->len && tone < 0; i++)
        {
          const DermRegion *region = g_ptr_array_index (regions, i);
          const char * const *ids = derm_map_get_roots (map, region);
          double ox, oy;

          /* a guessed zone is veiled (test-render-zones.c) */
          if (ids[0] == NULL || ids[1] != NULL || strcmp (ids[0], root->id) != 0 ||
              derm_map_get_zone_kind (map, region) == DERM_ZONE_GUESSED)
            continue;
          derm_layout_view_origin (render.layout, region->view, &ox, &oy);
          tone = mode_gray (surface, (int) ((ox + region->label_x) * scale),
                            (int) ((oy + region->label_y) * scale), 8);
        }
      if (tone < 0)
        continue;  /* not alone anywhere on this map */

      if (g_hash_table_contains (tones, GINT_TO_POINTER (tone + 1)))
        g_error ("%s has the same grey (%d) as another root", root->id, tone);
      g_hash_table_add (tones, GINT_TO_POINTER (tone + 1));

      /* the legend swatch */
      {
        cairo_surface_t *swatch = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 60, 60);
        cairo_t *scr = cairo_create (swatch);

        cairo_scale (scr, scale, scale);
        cairo_rectangle (scr, 0, 0, 30, 30);
        derm_palette_fill_root (scr, root->index, DERM_STYLE_GRAYSCALE);
        cairo_destroy (scr);
        cairo_surface_flush (swatch);
        g_assert_cmpint (abs (mode_gray (swatch, 30, 30, 20) - tone), <=, 1);
        cairo_surface_destroy (swatch);
      }
    }
  /* all but S4-5, alone only in the perianal rings on some maps */
  g_assert_cmpuint (g_hash_table_size (tones), >=, roots->len - 1);
  cairo_surface_destroy (surface);
}

static void
test_svg_renders_again (void)
{
  g_auto (DermExportOptions) options = { 0, };
  g_autofree char *path = tmp_path ("again.svg");
  g_autoptr (GError) error = NULL;
  RsvgHandle *handle;
  RsvgRectangle viewport = { 0, 0, 300, 425 };
  cairo_surface_t *surface;
  cairo_t *cr;
  guint coloured = 0;

  export_options (&options, "color");
  export_ok (&options, path);
  handle = rsvg_handle_new_from_file (path, &error);
  g_assert_no_error (error);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 425);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  g_assert_true (rsvg_handle_render_document (handle, cr, &viewport, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < 425; y++)
    for (int x = 0; x < 300; x++)
      {
        guint32 p = pixel (surface, x, y);
        int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

        coloured += MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) > 40;
      }
  /* the legs, coloured, fill a good part of the page */
  g_assert_cmpuint (coloured, >, 300 * 425 / 10);
  cairo_surface_destroy (surface);
  g_object_unref (handle);
}

static void
test_unwritable (void)
{
  g_auto (DermExportOptions) options = { 0, };
  g_autofree char *blocker = tmp_path ("not-a-dir");
  g_autofree char *path = g_build_filename (blocker, "map.pdf", NULL);
  g_autofree char *missing = tmp_path ("no-such-dir/map.png");
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;
  guint n = 0;

  /* a file where a directory should be: unwritable even for root */
  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  export_options (&options, "color");
  g_assert_false (derm_export_write (renderer, &options, path, &error));
  g_assert_error (error, DERM_EXPORT_ERROR, DERM_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  g_assert_false (derm_export_write (renderer, &options, missing, &error));
  g_assert_error (error, DERM_EXPORT_ERROR, DERM_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, missing));

  /* nothing left behind: no temporary file beside the blocker */
  dir = g_dir_open (tmpdir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "not-a-dir") || g_str_has_prefix (name, "no-such-dir"))
      n++;
  g_assert_cmpuint (n, ==, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_replace_existing (void)
{
  g_auto (DermExportOptions) options = { 0, };
  g_autofree char *path = tmp_path ("replace.PDF");
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "old", 3, NULL));
  export_options (&options, "color");
  export_ok (&options, path);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

static void
test_key_file_round_trip (void)
{
  g_auto (DermPageOptions) saved = { 0, };
  g_auto (DermPageOptions) loaded = { 0, };
  g_auto (DermPageOptions) defaults = { 0, };
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autoptr (GKeyFile) reread = g_key_file_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  const char *keys[] = { "view", "map", "style", "labels", "legend", "title", "highlight",
                         "answer-key", "paper", "landscape" };

  /* every option away from its default, so a swapped key shows */
  derm_page_options_init (&saved);
  saved.layout = DERM_LAYOUT_POSTERIOR;
  saved.map_id = g_strdup ("lee2008");
  saved.style = DERM_STYLE_WORKSHEET;
  saved.labels = FALSE;
  saved.legend = TRUE;
  saved.title = g_strdup ("Quiz 3: sacral roots; “quoted” = fine");
  saved.highlight_root = g_strdup ("S1");
  saved.answer_key = TRUE;
  saved.paper = DERM_PAPER_LETTER;
  saved.landscape = TRUE;

  derm_page_options_save_to_key_file (&saved, key_file, "print");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (g_key_file_has_key (key_file, "print", keys[i], NULL));
  data = g_key_file_to_data (key_file, NULL, NULL);
  g_assert_true (g_key_file_load_from_data (reread, data, -1, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);

  derm_page_options_init (&loaded);
  g_assert_true (derm_page_options_load_from_key_file (&loaded, reread, "print", &error));
  g_assert_no_error (error);
  g_assert_true (derm_page_options_equal (&saved, &loaded));
  g_assert_cmpint (loaded.layout, ==, DERM_LAYOUT_POSTERIOR);
  g_assert_cmpstr (loaded.map_id, ==, "lee2008");
  g_assert_cmpint (loaded.style, ==, DERM_STYLE_WORKSHEET);
  g_assert_false (loaded.labels);
  g_assert_true (loaded.legend);
  g_assert_cmpstr (loaded.title, ==, saved.title);
  g_assert_cmpstr (loaded.highlight_root, ==, "S1");
  g_assert_true (loaded.answer_key);
  g_assert_cmpint (loaded.paper, ==, DERM_PAPER_LETTER);
  g_assert_true (loaded.landscape);

  /* the defaults round-trip too: no title and no map come back as NULL */
  derm_page_options_init (&defaults);
  g_key_file_remove_group (key_file, "print", NULL);
  derm_page_options_save_to_key_file (&defaults, key_file, "print");
  g_assert_true (derm_page_options_load_from_key_file (&loaded, key_file, "print", &error));
  g_assert_true (derm_page_options_equal (&defaults, &loaded));

  /* a bad value is an error naming the key, and changes nothing */
  g_key_file_set_string (key_file, "print", "paper", "a5");
  g_assert_false (derm_page_options_load_from_key_file (&loaded, key_file, "print", &error));
  g_assert_error (error, DERM_PAGE_ERROR, DERM_PAGE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "paper"));
  g_assert_nonnull (strstr (error->message, "a5"));
  g_assert_true (derm_page_options_equal (&defaults, &loaded));
  g_clear_error (&error);
  g_key_file_set_string (key_file, "print", "paper", "letter");
  g_key_file_set_string (key_file, "print", "landscape", "sideways");
  g_assert_false (derm_page_options_load_from_key_file (&loaded, key_file, "print", &error));
  g_assert_nonnull (strstr (error->message, "landscape"));
}

static void
test_svg_path_parse (void)
{
  g_autoptr (GError) error = NULL;
  cairo_path_t *path = derm_svg_path_parse ("M10 20L30 40 50 60C1 2 3 4 5 6Z M1,1 H5 V7z", &error);
  cairo_surface_t *surface;
  cairo_t *cr;
  double x0, y0, x1, y1;

  g_assert_no_error (error);
  g_assert_nonnull (path);
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);
  cairo_append_path (cr, path);
  cairo_path_extents (cr, &x0, &y0, &x1, &y1);
  g_assert_cmpfloat (x0, ==, 1);
  g_assert_cmpfloat (y0, ==, 1);
  g_assert_cmpfloat (x1, ==, 50);
  g_assert_cmpfloat (y1, ==, 60);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  derm_svg_path_free (path);

  /* the generator writes no arcs or relative commands: refused, not guessed */
  g_assert_null (derm_svg_path_parse ("M0 0 A 5 5 0 0 1 10 10", &error));
  g_assert_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_null (derm_svg_path_parse ("M0 0 l 5 5", &error));
  g_clear_error (&error);
  g_assert_null (derm_svg_path_parse ("L 5 5", &error));
}

/* Compare a PNG export with its reference image: mean absolute difference
 * under 2/255 and under 0.5% of the pixels off by more than 40. */
static void
compare_with_golden (const char *style)
{
  g_auto (DermExportOptions) options = { 0, };
  g_autofree char *name = g_strdup_printf ("%s.png", style);
  g_autofree char *path = tmp_path (name);
  g_autofree char *golden = g_test_build_filename (G_TEST_DIST, "golden", name, NULL);
  cairo_surface_t *got, *want;
  double sum = 0;
  guint64 n = 0, off = 0;
  int width, height;

  export_options (&options, style);
  options.width = 600;
  options.page.answer_key = g_str_equal (style, "worksheet");
  export_ok (&options, path);

  if (g_strcmp0 (g_getenv ("DERM_UPDATE_GOLDEN"), "1") == 0)
    {
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (golden, contents, length, NULL));
      g_test_message ("updated %s", golden);
      return;
    }

  got = load_png (path);
  want = load_png (golden);
  width = cairo_image_surface_get_width (got);
  height = cairo_image_surface_get_height (got);
  g_assert_cmpint (width, ==, cairo_image_surface_get_width (want));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (want));

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 a = pixel (got, x, y), b = pixel (want, x, y);
        int worst = 0;

        for (int shift = 0; shift < 24; shift += 8)
          {
            int d = abs ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff));

            sum += d;
            n++;
            worst = MAX (worst, d);
          }
        off += worst > 40;
      }
  cairo_surface_destroy (got);
  cairo_surface_destroy (want);

  if (sum / n >= 2.0 || off * 200 >= (guint64) width * height)
    g_error ("%s export differs from %s: mean difference %.2f/255, %.2f%% of pixels off by > 40 "
             "(if the change is meant, see the top of tests/test-export.c)",
             style, golden, sum / n, 100.0 * off / ((double) width * height));
}

static void
test_golden_color (void)
{
  compare_with_golden ("color");
}

static void
test_golden_grayscale (void)
{
  compare_with_golden ("grayscale");
}

static void
test_golden_worksheet (void)
{
  compare_with_golden ("worksheet");
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}

/* A PNG taller than cairo's 32767-pixel images (a worksheet and its
 * answer key, 11600 pixels wide: 32831 rows) is drawn in bands: it is
 * written whole, its pixels where the pages put them (issue 12). */
static void
test_png_taller_than_cairo (void)
{
  g_auto (DermExportOptions) options = { 0, };
  g_autofree char *path = tmp_path ("tall.png");
  g_autofree char *contents = NULL;
  gsize length;
  guint32 w, h;

  export_options (&options, "worksheet");
  options.page.answer_key = TRUE;
  options.width = 11600;
  export_ok (&options, path);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_true (memcmp (contents, "\x89PNG", 4) == 0);
  /* IHDR: width and height, big-endian, at bytes 16 and 20 */
  w = GUINT32_FROM_BE (*(guint32 *) (contents + 16));
  h = GUINT32_FROM_BE (*(guint32 *) (contents + 20));
  g_assert_cmpuint (w, ==, 11600);
  g_assert_cmpuint (h, >, 32767);
  g_unlink (path);
}

typedef struct {
  GArray       *fractions;
  GCancellable *cancellable;
  guint         cancel_after;  /* 0: never */
} Watch;

static void
watch_progress_cb (double   fraction,
                   gpointer user_data)
{
  Watch *watch = user_data;

  g_array_append_val (watch->fractions, fraction);
  if (watch->cancel_after > 0 && watch->fractions->len == watch->cancel_after)
    g_cancellable_cancel (watch->cancellable);
}

/* How far an export got, told along the way: from 0 up to 1, never back,
 * more than once for a page in bands or two pages (issue 12). */
static void
test_progress (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_auto (DermExportOptions) options = { 0, };
      g_autofree char *name = g_strdup_printf ("progress.%s", formats[f]);
      g_autofree char *path = tmp_path (name);
      g_autoptr (GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GError) error = NULL;
      Watch watch = { fractions, NULL, 0 };
      DermExportMonitor monitor = { NULL, watch_progress_cb, &watch };

      export_options (&options, "worksheet");
      options.page.answer_key = TRUE;
      options.width = 3000;
      g_assert_true (derm_export_write_monitored (renderer, &options, path, &monitor, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_assert_cmpuint (fractions->len, >=, 3);
      g_assert_cmpfloat (g_array_index (fractions, double, 0), ==, 0.0);
      g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
      for (guint i = 1; i < fractions->len; i++)
        g_assert_cmpfloat (g_array_index (fractions, double, i), >=,
                           g_array_index (fractions, double, i - 1));
      g_unlink (path);
    }
}

static guint
count_files (void)
{
  g_autoptr (GDir) dir = g_dir_open (tmpdir, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* A cancelled export stops with G_IO_ERROR_CANCELLED, writes nothing, and
 * a file it would have replaced stays as it was (issue 12). */
static void
test_cancel (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_auto (DermExportOptions) options = { 0, };
      g_autofree char *name = g_strdup_printf ("cancelled.%s", formats[f]);
      g_autofree char *path = tmp_path (name);
      g_autofree char *kept = tmp_path ("kept.png");
      g_autofree char *contents = NULL;
      g_autoptr (GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GCancellable) cancellable = g_cancellable_new ();
      g_autoptr (GError) error = NULL;
      Watch watch = { fractions, cancellable, 1 };
      DermExportMonitor monitor = { cancellable, watch_progress_cb, &watch };
      guint before = count_files ();

      export_options (&options, "worksheet");
      options.page.answer_key = TRUE;
      options.width = 3000;
      g_assert_false (derm_export_write_monitored (renderer, &options, path, &monitor, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_nonnull (strstr (error->message, name));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (count_files (), ==, before);
      /* stopped early: not drawn to the end */
      g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), <, 1.0);
      g_clear_error (&error);

      /* over a file that is there: it is kept */
      g_assert_true (g_file_set_contents (kept, "kept", -1, NULL));
      g_cancellable_reset (cancellable);
      g_array_set_size (fractions, 0);
      g_assert_false (derm_export_write_monitored (renderer, &options, kept, &monitor, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "kept");
      g_unlink (kept);
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  atlas = derm_atlas_new_from_resource (&error);
  g_assert_no_error (error);
  renderer = derm_renderer_new (atlas);
  tmpdir = g_dir_make_tmp ("derm-export-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/atlas/export/formats-and-styles", test_formats_and_styles);
  g_test_add_func ("/atlas/export/bad-extension", test_bad_extension);
  g_test_add_func ("/atlas/export/pdf-page-sizes", test_pdf_page_sizes);
  g_test_add_func ("/atlas/export/pdf-text", test_pdf_text);
  g_test_add_func ("/atlas/export/pdf-no-raster", test_pdf_no_raster);
  g_test_add_func ("/atlas/export/answer-key", test_answer_key_page);
  g_test_add_func ("/atlas/export/grayscale", test_grayscale);
  g_test_add_func ("/atlas/export/svg-renders-again", test_svg_renders_again);
  g_test_add_func ("/atlas/export/unwritable", test_unwritable);
  g_test_add_func ("/atlas/export/replace-existing", test_replace_existing);
  g_test_add_func ("/atlas/export/golden-color", test_golden_color);
  g_test_add_func ("/atlas/export/golden-grayscale", test_golden_grayscale);
  g_test_add_func ("/atlas/export/golden-worksheet", test_golden_worksheet);
  g_test_add_func ("/atlas/export/png-taller-than-cairo", test_png_taller_than_cairo);
  g_test_add_func ("/atlas/export/progress", test_progress);
  g_test_add_func ("/atlas/export/cancel", test_cancel);
  g_test_add_func ("/atlas/page/key-file-round-trip", test_key_file_round_trip);
  g_test_add_func ("/atlas/svg-path/parse", test_svg_path_parse);

  status = g_test_run ();

  remove_tree (tmpdir);
  g_free (tmpdir);
  g_object_unref (renderer);
  g_object_unref (atlas);
  return status;
}
