/* test-chart-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart as a printed record: the marks on the patient's own side in
 * both views, the ranking and the findings table in the PDF's text, and
 * long charts flowing onto more pages.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "derm-bundle.h"
#include "derm-chart-marks.h"
#include "derm-chart-page.h"

static DermAtlas *atlas;

static DermChart *
load (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".dermchart", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "charts", file, NULL);
  g_autoptr (GError) error = NULL;
  DermChart *chart = derm_chart_new_from_file (path, atlas, &error);

  g_assert_no_error (error);
  return chart;
}

/* The colour of the page at a point, rendered at 2 pixels a point. */
static void
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y,
          double          *r,
          double          *g,
          double          *b)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 value = *(const guint32 *) (data + (int) (y * 2) * stride + (int) (x * 2) * 4);

  *r = ((value >> 16) & 0xff) / 255.0;
  *g = ((value >> 8) & 0xff) / 255.0;
  *b = (value & 0xff) / 255.0;
}

static cairo_surface_t *
render_first_page (DermChartPage *page)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595 * 2, 842 * 2);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 2, 2);
  derm_chart_page_render (page, cr, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Marked skin is coloured where the patient's side is, in the view the
 * chart says; the same skin of the other leg stays white. */
static void
test_marks_on_the_right_side (void)
{
  g_autoptr (DermRenderer) renderer = derm_renderer_new (atlas);
  g_autoptr (DermChart) chart = derm_chart_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DermChartPage) page = NULL;
  const DermRegion *left = derm_atlas_get_region (atlas, "lateral-heel-left");
  const DermRegion *right = derm_atlas_get_region (atlas, "lateral-heel-right");
  const DermRegion *patella = derm_atlas_get_region (atlas, "patella-right");
  cairo_surface_t *surface;
  double x, y, r, g, b, lx, rx, fr, fg, fb;

  derm_chart_set_sensory (chart, DERM_VIEW_POSTERIOR, DERM_SIDE_LEFT, "lateral-heel", DERM_FINDING_ABSENT);
  derm_chart_set_sensory (chart, DERM_VIEW_ANTERIOR, DERM_SIDE_RIGHT, "patella", DERM_FINDING_PARAESTHESIA);
  page = derm_chart_page_new (renderer, chart, NULL, NULL, 595, 842, &error);
  g_assert_no_error (error);
  surface = render_first_page (page);

  /* the posterior view has the patient's left on the viewer's left */
  g_assert_true (derm_chart_page_region_point (page, left, &lx, &y));
  g_assert_true (derm_chart_page_region_point (page, right, &rx, &y));
  g_assert_cmpfloat (lx, <, rx);

  derm_finding_get_color (DERM_FINDING_ABSENT, &fr, &fg, &fb);
  /* a few points round the middle of the mark: colour or hatching, not white */
  {
    guint coloured = 0;
    for (int dx = -2; dx <= 2; dx++)
      {
        pixel_at (surface, lx + dx, y, &r, &g, &b);
        if (r + g + b < 2.4)
          coloured++;
      }
    g_assert_cmpuint (coloured, >=, 4);
  }
  pixel_at (surface, rx, y, &r, &g, &b);
  g_assert_cmpfloat (r + g + b, >, 2.9);

  g_assert_true (derm_chart_page_region_point (page, patella, &x, &y));
  pixel_at (surface, x, y, &r, &g, &b);
  g_assert_cmpfloat (r + g + b, <, 2.6);
  /* the anterior view has the patient's right on the viewer's left, and
   * the left patella stays white */
  {
    double left_x, left_y;

    g_assert_true (derm_chart_page_region_point (page, derm_atlas_get_region (atlas, "patella-left"),
                                                 &left_x, &left_y));
    g_assert_cmpfloat (x, <, left_x);
    pixel_at (surface, left_x, left_y, &r, &g, &b);
    g_assert_cmpfloat (r + g + b, >, 2.9);
  }
  cairo_surface_destroy (surface);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autoptr (GError) error = NULL;
  const char *argv[] = { program, "-raw", path, "-", NULL };
  char *out = NULL;
  int status;

  if (program == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  return out;
}

static void
test_pdf_text (void)
{
  g_autoptr (DermRenderer) renderer = derm_renderer_new (atlas);
  g_autoptr (DermChart) chart = load ("fibular-vs-l5");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("derm-chart-page-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "record.pdf", NULL);
  g_autofree char *text = NULL;

  g_assert_true (derm_chart_page_write (renderer, chart, NULL, NULL, path, 595, 842, 1000, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      g_unlink (path);
      g_rmdir (dir);
      return;
    }
  /* the title, the map, the ranking with its reasons, the findings, the disclaimer */
  g_assert_nonnull (strstr (text, "Left foot drop after crossing the legs"));
  g_assert_nonnull (strstr (text, "ISNCSCI"));
  g_assert_nonnull (strstr (text, "1. common fibular nerve, left: 0.84"));
  g_assert_nonnull (strstr (text, "over root L5: hip-abduction 5"));
  g_assert_nonnull (strstr (text, "2. L5 root, left"));
  g_assert_nonnull (strstr (text, "Left dorsum of the foot"));
  g_assert_nonnull (strstr (text, "hip abduction"));
  g_assert_nonnull (strstr (text, "not a diagnosis"));
  g_unlink (path);
  g_rmdir (dir);
}

/* Every region marked: the text goes on to a second page, every page
 * draws, and the first page still carries the legs. */
static void
test_long_chart (void)
{
  g_autoptr (DermRenderer) renderer = derm_renderer_new (atlas);
  g_autoptr (DermChart) chart = derm_chart_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DermChartPage) page = NULL;
  GPtrArray *regions = derm_atlas_get_regions (atlas);
  GPtrArray *tests = derm_atlas_get_exam_tests (atlas);

  for (guint i = 0; i < regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (regions, i);
      derm_chart_set_sensory (chart, region->view, region->side, region->name_id, DERM_FINDING_REDUCED);
    }
  for (guint i = 0; i < tests->len; i++)
    {
      const DermExamTest *test = g_ptr_array_index (tests, i);
      for (DermSide side = 0; side < DERM_N_SIDES; side++)
        if ((side == DERM_SIDE_MID) == test->midline && test->kind == DERM_TEST_MOTOR)
          derm_chart_set_motor (chart, test->id, side, 3);
    }
  derm_chart_set_note (chart, "A long note. " "A long note. " "A long note. " "A long note.");
  page = derm_chart_page_new (renderer, chart, "lee2008", "Everything", 595, 842, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (derm_chart_page_get_n_pages (page), >=, 1);
  for (guint i = 0; i < derm_chart_page_get_n_pages (page); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
      cairo_t *cr = cairo_create (surface);

      derm_chart_page_render (page, cr, i);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* An unknown map is an error, not a page */
static void
test_bad_map (void)
{
  g_autoptr (DermRenderer) renderer = derm_renderer_new (atlas);
  g_autoptr (DermChart) chart = load ("sural");
  g_autoptr (GError) error = NULL;

  g_assert_null (derm_chart_page_new (renderer, chart, "no-such-map", NULL, 595, 842, &error));
  g_assert_error (error, DERM_CHART_ERROR, DERM_CHART_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  atlas = derm_atlas_new_from_resource (&error);
  g_assert_no_error (error);

  g_test_add_func ("/chart-page/marks-on-the-right-side", test_marks_on_the_right_side);
  g_test_add_func ("/chart-page/pdf-text", test_pdf_text);
  g_test_add_func ("/chart-page/long-chart", test_long_chart);
  g_test_add_func ("/chart-page/bad-map", test_bad_map);
  status = g_test_run ();
  g_object_unref (atlas);
  return status;
}
