/* test-chart-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chart mode in a real window under Xvfb: the fibular-versus-L5 case
 * charted with clicks and keys, its ranking in the panel, saved, closed and
 * opened again unchanged; undo and redo; closing with unsaved changes asks.
 * Skips (exit 77) when no display opens.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "derm-application.h"
#include "derm-chart-marks.h"
#include "derm-chart-page.h"
#include "derm-print-operation.h"
#include "derm-window-print.h"
#include "derm-localizer.h"
#include "display-util.h"
#include "derm-window.h"

static DermWindow *window;
static char *tmpdir;

static void
map_point_to_window (double  x,
                     double  y,
                     char  **sx,
                     char  **sy)
{
  graphene_point_t in = GRAPHENE_POINT_INIT (x, y), out;
  double tx, ty;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (derm_window_get_map_view (window)),
                                           GTK_WIDGET (window), &in, &out));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &tx, &ty);
  *sx = g_strdup_printf ("%d", (int) (out.x + tx));
  *sy = g_strdup_printf ("%d", (int) (out.y + ty));
}

static void
click_region (const char *id)
{
  DermMapView *map_view = derm_window_get_map_view (window);
  const DermRegion *region = derm_atlas_get_region (derm_window_get_atlas (window), id);
  g_autofree char *sx = NULL, *sy = NULL, *win = display_xid (GTK_WINDOW (window));
  double x, y;

  g_assert_nonnull (region);
  g_assert_true (derm_map_view_region_to_widget (map_view, region, &x, &y));
  g_assert_true (derm_map_view_region_at (map_view, x, y) == region);
  map_point_to_window (x, y, &sx, &sy);
  xdotool ("mousemove", "--window", win, sx, sy, NULL);
  settle (100);
  xdotool ("click", "1", NULL);
  settle (200);
}

static void
key (const char *keys)
{
  g_autofree char *win = display_xid (GTK_WINDOW (window));

  xdotool ("key", "--window", win, keys, NULL);
  settle (200);
}

static int
sensory (const char *region,
         DermSide    side)
{
  DermChart *chart = derm_window_get_chart (window);

  return chart != NULL ? derm_chart_lookup_sensory (chart, DERM_VIEW_ANTERIOR, side, region) : -2;
}

static gboolean
ranked (gpointer data)
{
  DermChartPanel *panel = derm_window_get_chart_panel (window);
  g_autofree char *first = NULL;

  derm_chart_panel_rank_now (panel);
  first = derm_chart_panel_dup_row_text (panel, 0);
  return first != NULL && g_str_has_prefix (first, data);
}

static void
set_grade (const char *key,
           guint       position)
{
  GtkWidget *field = derm_chart_panel_get_field (derm_window_get_chart_panel (window), key);

  g_assert_nonnull (field);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (field), position);
}

static GtkWindow *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

/* As a click on a button of the dialog: the response, then it closes. */
static void
respond (GtkWindow  *dialog,
         const char *response)
{
  if (dialog == NULL)
    return;
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
}

/* The localizer's lines for a chart, as the command line prints them. */
static char *
ranking_text (DermChart *chart)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DermLocalization) localization = derm_localize (derm_window_get_atlas (window), chart, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < localization->candidates->len; i++)
    {
      const DermCandidate *candidate = g_ptr_array_index (localization->candidates, i);

      g_string_append_printf (text, "%s %s %s %.2f\n", derm_candidate_kind_to_string (candidate->kind),
                              candidate->id, derm_candidate_side_to_string (candidate->side),
                              candidate->score);
    }
  return g_string_free (text, FALSE);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *cmd = g_strdup_printf ("pdftotext %s -", quoted);
  char *out = NULL;

  if (!g_spawn_command_line_sync (cmd, &out, NULL, NULL, NULL))
    return g_strdup ("");
  return out;
}

/* How many pixels round a point are near a colour. */
static guint
pixels_near (cairo_surface_t *image,
             double           x,
             double           y,
             double           red,
             double           green,
             double           blue)
{
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  const guint8 *data = cairo_image_surface_get_data (image);
  guint n = 0;

  for (int py = (int) y - 6; py <= (int) y + 6; py++)
    for (int px = (int) x - 6; px <= (int) x + 6; px++)
      {
        guint32 pixel;
        double r, g, b;

        if (px < 0 || py < 0 || px >= width || py >= height)
          continue;
        pixel = *(const guint32 *) (data + py * stride + px * 4);
        r = ((pixel >> 16) & 0xff) / 255.0;
        g = ((pixel >> 8) & 0xff) / 255.0;
        b = (pixel & 0xff) / 255.0;
        if (ABS (r - red) < 0.12 && ABS (g - green) < 0.12 && ABS (b - blue) < 0.12)
          n++;
      }
  return n;
}

typedef struct {
  gboolean done;
  gboolean ok;
  GError  *error;
} ExportResult;

static void
chart_exported_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExportResult *export = user_data;

  export->ok = derm_window_export_chart_finish (DERM_WINDOW (object), result, &export->error);
  export->done = TRUE;
}

static gboolean
export_done (gpointer data)
{
  return ((ExportResult *) data)->done;
}

/* The chart's record to a file, in a thread; when change is set, the
 * left dorsum of the foot is charted normal as soon as the export has
 * begun, and the record keeps what the chart was then. */
static gboolean
export_chart (const char *path,
              gboolean    change,
              GError    **error)
{
  ExportResult export = { FALSE, FALSE, NULL };

  derm_window_export_chart_async (window, path, NULL, chart_exported_cb, &export);
  if (change)
    derm_chart_set_sensory (derm_window_get_chart (window), DERM_VIEW_ANTERIOR, DERM_SIDE_LEFT,
                            "dorsum-foot", DERM_FINDING_NORMAL);
  CHECK (wait_until (export_done, &export, 30000), "the export ends");
  if (change)
    derm_chart_set_sensory (derm_window_get_chart (window), DERM_VIEW_ANTERIOR, DERM_SIDE_LEFT,
                            "dorsum-foot", DERM_FINDING_REDUCED);
  if (export.error != NULL)
    g_propagate_error (error, export.error);
  return export.ok;
}

/* The chart in chart mode goes to the printer and to files as its record. */
static void
test_print_export (void)
{
  DermChart *chart = derm_window_get_chart (window);
  DermAtlas *atlas = derm_window_get_atlas (window);
  g_autofree char *pdf = g_build_filename (tmpdir, "record.pdf", NULL);
  g_autofree char *png = g_build_filename (tmpdir, "record.png", NULL);
  g_autofree char *printed = g_build_filename (tmpdir, "printed.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DermRenderer) renderer = derm_renderer_new (atlas);
  g_autoptr (DermChartPage) page = NULL;
  g_autoptr (DermPrintOperation) operation = NULL;
  cairo_surface_t *image;
  double x, y, scale, red, green, blue;

  CHECK (export_chart (pdf, FALSE, &error), "the chart exports to PDF");
  g_clear_error (&error);
  text = pdf_text (pdf);
  CHECK (strstr (text, "Examination chart") != NULL && strstr (text, "1. common fibular nerve, left") != NULL &&
         strstr (text, "Left dorsum of the foot") != NULL,
         "the record has the title, the ranking and the findings");

  /* the marks on the patient's left, none on the right, as the chart was
   * when the export began */
  CHECK (export_chart (png, TRUE, &error), "and to PNG");
  CHECK (sensory ("dorsum-foot", DERM_SIDE_LEFT) == DERM_FINDING_REDUCED, "the chart is as it was");
  page = derm_chart_page_new (renderer, chart, NULL, NULL, 595.276, 841.89, &error);
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  scale = cairo_image_surface_get_width (image) / 595.276;
  derm_finding_get_color (DERM_FINDING_REDUCED, &red, &green, &blue);
  g_assert_true (derm_chart_page_region_point (page, derm_atlas_get_region (atlas, "dorsum-foot-left"), &x, &y));
  CHECK (pixels_near (image, x * scale, y * scale, red, green, blue) > 10,
         "the left dorsum of the foot is marked reduced on the record (charted normal only after the export began)");
  g_assert_true (derm_chart_page_region_point (page, derm_atlas_get_region (atlas, "dorsum-foot-right"), &x, &y));
  CHECK (pixels_near (image, x * scale, y * scale, red, green, blue) == 0, "the right one is not");
  cairo_surface_destroy (image);

  /* printing: the same record through GtkPrintOperation */
  operation = derm_print_operation_new (renderer, NULL);
  derm_print_operation_set_chart (operation, chart);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), printed);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), FALSE);
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                           GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  g_free (text);
  text = pdf_text (printed);
  CHECK (strstr (text, "Examination chart") != NULL && strstr (text, "common fibular nerve") != NULL,
         "printing in chart mode prints the chart's record");

  /* in grayscale: no colour left on the page, the marks still there */
  {
    g_autoptr (DermPrintOperation) gray = derm_print_operation_new (renderer, NULL);
    g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();
    g_autofree char *gray_pdf = g_build_filename (tmpdir, "gray.pdf", NULL);
    g_autofree char *gray_base = g_build_filename (tmpdir, "gray", NULL);
    g_autofree char *gray_png = g_build_filename (tmpdir, "gray-1.png", NULL);
    g_autofree char *cmd = g_strdup_printf ("pdftoppm -png -r 40 -f 1 -l 1 '%s' '%s'", gray_pdf, gray_base);
    g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
    gboolean colourless = TRUE;
    guint dark = 0;

    gtk_print_settings_set_use_color (settings, FALSE);
    derm_print_operation_set_chart (gray, chart);
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (gray), settings);
    gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (gray), gray_pdf);
    gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (gray), FALSE);
    gtk_print_operation_run (GTK_PRINT_OPERATION (gray), GTK_PRINT_OPERATION_ACTION_EXPORT,
                             GTK_WINDOW (window), &error);
    g_assert_no_error (error);
    if (pdftoppm != NULL && g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL) &&
        (image = cairo_image_surface_create_from_png (gray_png)) != NULL &&
        cairo_surface_status (image) == CAIRO_STATUS_SUCCESS)
      {
        int stride = cairo_image_surface_get_stride (image);
        const guint8 *data = cairo_image_surface_get_data (image);

        for (int py = 0; py < cairo_image_surface_get_height (image); py++)
          for (int px = 0; px < cairo_image_surface_get_width (image); px++)
            {
              guint32 pixel = *(const guint32 *) (data + py * stride + px * 4);
              int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

              if (MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) > 12)
                colourless = FALSE;
              dark += r < 128;
            }
        CHECK (colourless && dark > 100, "printed in grayscale, the record has no colour but still its drawing");
        cairo_surface_destroy (image);
      }
    else
      g_print ("# pdftoppm missing: grayscale not checked\n");
  }
}

static void
test_chart_case (void)
{
  DermChartPanel *panel;
  DermMapView *map_view = derm_window_get_map_view (window);
  g_autofree char *path = g_build_filename (tmpdir, "case.dermchart", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *reopened = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *case_path = NULL;
  g_autoptr (DermChart) reference = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *field;
  GStatBuf st;

  key ("ctrl+n");
  CHECK (derm_window_get_chart (window) != NULL, "Ctrl+N starts a chart");
  CHECK (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (window)), "Untitled Chart – Dermatomes") == 0,
         "the title names the new chart, nothing unsaved yet (%s)", gtk_window_get_title (GTK_WINDOW (window)));
  panel = derm_window_get_chart_panel (window);
  CHECK (gtk_widget_is_drawable (GTK_WIDGET (panel)), "the chart panel shows");

  key ("1");
  CHECK (derm_map_view_get_finding (map_view) == DERM_FINDING_ABSENT, "1 picks absent");
  key ("2");
  CHECK (derm_map_view_get_finding (map_view) == DERM_FINDING_REDUCED, "2 picks reduced");

  click_region ("dorsum-foot-left");
  CHECK (sensory ("dorsum-foot", DERM_SIDE_LEFT) == DERM_FINDING_REDUCED,
         "a click marks the left dorsum of the foot reduced");
  CHECK (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "),
         "the title marks unsaved changes (%s)", gtk_window_get_title (GTK_WINDOW (window)));

  /* the first web space: a click marks, a second click clears, Space on
   * the focused region marks it again */
  click_region ("first-web-space-left");
  CHECK (sensory ("first-web-space", DERM_SIDE_LEFT) == DERM_FINDING_REDUCED, "a click marks the first web space");
  click_region ("first-web-space-left");
  CHECK (sensory ("first-web-space", DERM_SIDE_LEFT) == -1, "a second click with the same finding clears it");
  key ("space");
  CHECK (sensory ("first-web-space", DERM_SIDE_LEFT) == DERM_FINDING_REDUCED,
         "Space marks the focused region with the finding");

  /* the eraser, then the mark back */
  key ("0");
  click_region ("first-web-space-left");
  CHECK (sensory ("first-web-space", DERM_SIDE_LEFT) == -1, "the eraser clears");
  key ("2");
  key ("space");
  CHECK (sensory ("first-web-space", DERM_SIDE_LEFT) == DERM_FINDING_REDUCED, "marked again");
  CHECK (sensory ("dorsum-foot", DERM_SIDE_RIGHT) == -1, "the other leg is untouched");

  /* the grades of the case in the panel */
  set_grade ("motor:long-toe-extension:left", 4);  /* 3 */
  set_grade ("motor:ankle-dorsiflexion:left", 5);  /* 4 */
  set_grade ("motor:hip-abduction:left", 6);       /* 5 */
  set_grade ("reflex:ankle-jerk:left", 3);         /* 2 */
  field = derm_chart_panel_get_field (panel, "motor:long-toe-extension:left");
  CHECK (gtk_widget_has_css_class (field, "abnormal"), "a grade of 3 stands out");
  field = derm_chart_panel_get_field (panel, "motor:hip-abduction:left");
  CHECK (!gtk_widget_has_css_class (field, "abnormal"), "a grade of 5 does not");

  CHECK (wait_until (ranked, (gpointer) "1. Common fibular nerve, left", 3000),
         "the panel ranks the common fibular nerve first");
  got = derm_chart_panel_dup_row_text (panel, 1);
  CHECK (got != NULL && g_str_has_prefix (got, "2. Root L5, left"), "then root L5 (%s)", got);

  /* the same ranking as the case's file gives */
  case_path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "charts", "fibular-vs-l5.dermchart", NULL);
  reference = derm_chart_new_from_file (case_path, derm_window_get_atlas (window), &error);
  g_assert_no_error (error);
  expected = ranking_text (reference);
  g_free (got);
  got = ranking_text (derm_window_get_chart (window));
  CHECK (g_strcmp0 (expected, got) == 0, "the charted case ranks as the file of the case");

  derm_chart_panel_select_row (panel, 0);
  CHECK (derm_map_view_get_outline_size (map_view) > 0, "selecting the candidate outlines its skin");
  CHECK (strstr (derm_chart_panel_get_evidence (panel), "long-toe-extension 3") != NULL &&
         strstr (derm_chart_panel_get_evidence (panel), "hip-abduction 5") != NULL,
         "the evidence for and over L5 is listed");
  CHECK (!derm_chart_panel_get_urgent (panel), "no urgent banner for this case");

  test_print_export ();

  /* save, close, open again */
  CHECK (derm_window_save_chart (window, path), "the chart saves");
  CHECK (!derm_window_get_chart_dirty (window), "saved: nothing unsaved");
  CHECK (!g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "), "the title drops the mark");
  CHECK (g_stat (path, &st) == 0 && (st.st_mode & 0777) == 0600, "saved with mode 0600");
  saved = derm_chart_to_data (derm_window_get_chart (window), NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-chart", NULL);
  settle (200);
  CHECK (derm_window_get_chart (window) == NULL, "the chart closes without asking once saved");

  derm_window_open_chart (window, path);
  settle (300);
  CHECK (derm_window_get_chart (window) != NULL, "the chart opens again");
  reopened = derm_window_get_chart (window) != NULL ? derm_chart_to_data (derm_window_get_chart (window), NULL) : NULL;
  CHECK (g_strcmp0 (saved, reopened) == 0, "nothing changed on the way");
  CHECK (wait_until (ranked, (gpointer) "1. Common fibular nerve, left", 3000), "and it ranks the same");
  CHECK (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (window)), "case.dermchart – Dermatomes") == 0,
         "an untitled chart is called by its file (%s)", gtk_window_get_title (GTK_WINDOW (window)));

  /* dermatomes CHART, a double-click in the file manager: "open" */
  {
    g_autoptr (GFile) file = g_file_new_for_path (case_path);

    g_application_open (g_application_get_default (), &file, 1, "");
    settle (300);
    CHECK (g_strcmp0 (derm_window_get_chart_path (window), case_path) == 0 &&
           g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "Left foot drop"),
           "the application opens a chart it is given (%s)", gtk_window_get_title (GTK_WINDOW (window)));
  }
}

static void
test_undo_redo (void)
{
  key ("ctrl+n");
  key ("3");
  click_region ("patella-left");
  click_region ("patella-right");
  CHECK (sensory ("patella", DERM_SIDE_LEFT) == DERM_FINDING_INCREASED &&
         sensory ("patella", DERM_SIDE_RIGHT) == DERM_FINDING_INCREASED, "two marks");

  key ("ctrl+z");
  CHECK (sensory ("patella", DERM_SIDE_LEFT) == DERM_FINDING_INCREASED &&
         sensory ("patella", DERM_SIDE_RIGHT) == -1, "Ctrl+Z takes the last mark back");
  key ("ctrl+z");
  CHECK (sensory ("patella", DERM_SIDE_LEFT) == -1, "and the one before");
  key ("ctrl+shift+z");
  CHECK (sensory ("patella", DERM_SIDE_LEFT) == DERM_FINDING_INCREASED &&
         sensory ("patella", DERM_SIDE_RIGHT) == -1, "Ctrl+Shift+Z redoes the first");
  key ("ctrl+shift+z");
  CHECK (sensory ("patella", DERM_SIDE_RIGHT) == DERM_FINDING_INCREASED, "and the second");

  set_grade ("reflex:knee-jerk:right", 5);  /* 3 */
  key ("ctrl+z");
  CHECK (gtk_drop_down_get_selected (GTK_DROP_DOWN (derm_chart_panel_get_field (derm_window_get_chart_panel (window),
                                                                                 "reflex:knee-jerk:right"))) == 0,
         "undo takes a grade back, and the panel shows it");
  key ("ctrl+z");
  key ("4");
  click_region ("medial-malleolus-left");
  CHECK (sensory ("medial-malleolus", DERM_SIDE_LEFT) == DERM_FINDING_PAIN, "a new change after undo");
  key ("ctrl+shift+z");
  CHECK (sensory ("patella", DERM_SIDE_RIGHT) == -1, "a new change drops what could be redone");

  /* closing with unsaved changes asks; Cancel keeps the window */
  gtk_window_close (GTK_WINDOW (window));
  CHECK (wait_until (dialog_shown, NULL, 3000), "closing with unsaved changes asks");
  respond (find_dialog (), "cancel");
  settle (300);
  CHECK (gtk_widget_get_visible (GTK_WIDGET (window)) && derm_window_get_chart (window) != NULL,
         "Cancel keeps the window and the chart");

  /* leave clean: discard */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-chart", NULL);
  CHECK (wait_until (dialog_shown, NULL, 3000), "closing the chart asks too");
  respond (find_dialog (), "discard");
  settle (300);
  CHECK (derm_window_get_chart (window) == NULL, "Discard closes the chart");
}

/* A drag marks every region it crosses; cauda equina signs raise the
 * strip; switching the map re-ranks and the chart records the map. */
static void
test_drag_and_banner (void)
{
  DermMapView *map_view = derm_window_get_map_view (window);
  DermChartPanel *panel;
  DermAtlas *atlas = derm_window_get_atlas (window);
  g_autofree char *win = display_xid (GTK_WINDOW (window));
  g_autofree char *x0 = NULL, *y0 = NULL, *x1 = NULL, *y1 = NULL, *xm = NULL, *ym = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  double ax, ay, bx, by;

  /* no window manager gives the focus back after the question */
  gtk_window_present (GTK_WINDOW (window));
  xdotool ("windowfocus", "--sync", win, NULL);
  settle (300);
  key ("ctrl+n");
  panel = derm_window_get_chart_panel (window);
  key ("1");
  g_assert_true (derm_map_view_region_to_widget (map_view, derm_atlas_get_region (atlas, "anterior-thigh-upper-left"), &ax, &ay));
  g_assert_true (derm_map_view_region_to_widget (map_view, derm_atlas_get_region (atlas, "anterior-thigh-lower-left"), &bx, &by));
  map_point_to_window (ax, ay, &x0, &y0);
  map_point_to_window ((ax + bx) / 2, (ay + by) / 2, &xm, &ym);
  map_point_to_window (bx, by, &x1, &y1);
  xdotool ("mousemove", "--window", win, x0, y0, NULL);
  settle (100);
  xdotool ("mousedown", "1", NULL);
  settle (100);
  xdotool ("mousemove", "--window", win, xm, ym, NULL);
  settle (100);
  xdotool ("mousemove", "--window", win, x1, y1, NULL);
  settle (100);
  xdotool ("mouseup", "1", NULL);
  settle (200);
  CHECK (sensory ("anterior-thigh-upper", DERM_SIDE_LEFT) == DERM_FINDING_ABSENT &&
         sensory ("anterior-thigh-mid", DERM_SIDE_LEFT) == DERM_FINDING_ABSENT &&
         sensory ("anterior-thigh-lower", DERM_SIDE_LEFT) == DERM_FINDING_ABSENT,
         "a drag down the left thigh marks the regions it crosses");
  key ("ctrl+z");
  CHECK (sensory ("anterior-thigh-lower", DERM_SIDE_LEFT) == -1 &&
         sensory ("anterior-thigh-upper", DERM_SIDE_LEFT) == -1,
         "undo takes the whole drag back");
  key ("ctrl+shift+z");
  CHECK (sensory ("anterior-thigh-lower", DERM_SIDE_LEFT) == DERM_FINDING_ABSENT &&
         sensory ("anterior-thigh-upper", DERM_SIDE_LEFT) == DERM_FINDING_ABSENT,
         "and redo puts it back whole");

  /* a title of its own */
  gtk_editable_set_text (GTK_EDITABLE (derm_chart_panel_get_field (panel, "title")), "Saddle numbness");
  CHECK (g_strcmp0 (derm_chart_get_title (derm_window_get_chart (window)), "Saddle numbness") == 0 &&
         g_strcmp0 (gtk_window_get_title (GTK_WINDOW (window)), "• Saddle numbness – Dermatomes") == 0,
         "the title typed goes into the chart and the window title (%s)", gtk_window_get_title (GTK_WINDOW (window)));

  /* cauda equina */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (derm_chart_panel_get_field (panel, "flag:saddle-anaesthesia")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (derm_chart_panel_get_field (panel, "flag:bladder")), TRUE);
  CHECK (wait_until (ranked, (gpointer) "1. Cauda equina", 3000), "saddle anaesthesia and bladder symptoms rank cauda equina first");
  CHECK (derm_chart_panel_get_urgent (panel), "and raise the urgent strip");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (derm_chart_panel_get_field (panel, "flag:saddle-anaesthesia")), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (derm_chart_panel_get_field (panel, "flag:bladder")), FALSE);
  derm_chart_panel_rank_now (panel);
  CHECK (!derm_chart_panel_get_urgent (panel), "the strip goes with the signs");

  /* another map */
  before = derm_chart_panel_dup_row_text (panel, 0);
  derm_window_set_map_id (window, "keegan-garrett");
  derm_chart_panel_rank_now (panel);
  after = derm_chart_panel_dup_row_text (panel, 0);
  CHECK (g_strcmp0 (derm_chart_get_map (derm_window_get_chart (window)), "keegan-garrett") == 0 &&
         g_strcmp0 (derm_chart_panel_get_localization (panel)->map, "keegan-garrett") == 0,
         "switching the map re-ranks on it (first now: %s; before: %s)", after, before);
  derm_window_set_map_id (window, "isncsci");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-chart", NULL);
  if (wait_until (dialog_shown, NULL, 3000))
    respond (find_dialog (), "discard");
  settle (300);
}

static void
run_tests (DermWindow *win)
{
  window = win;
  gtk_window_present (GTK_WINDOW (window));
  settle (300);

  test_chart_case ();
  test_undo_redo ();
  test_drag_and_banner ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  tmpdir = g_dir_make_tmp ("test-chart-window-XXXXXX", &error);
  g_assert_no_error (error);
  /* an autosave of this run goes here, not to the user's */
  g_setenv ("XDG_STATE_HOME", tmpdir, TRUE);

  status = display_test_main (1280, 800, run_tests);

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
    g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
  }
  g_free (tmpdir);
  return status;
}
