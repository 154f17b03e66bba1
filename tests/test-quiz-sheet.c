/* test-quiz-sheet.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The printable quiz: a PDF of the questions with their markers and an
 * answer key, drawn from the same quiz, over as many pages as it needs.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "test-quiz.h"

/* The printable quiz */

static guint
count_pdf_pages (const char *data,
                 gsize       length)
{
  const char *word = "/Type /Page";
  gsize n_word = strlen (word);
  guint n = 0;

  /* the file has NUL bytes: no string functions */
  for (gsize i = 0; i + n_word < length; i++)
    if (memcmp (data + i, word, n_word) == 0)
      n += data[i + n_word] != 's';
  return n;
}

/* Short citations from the atlas's sources, the authors and the year */
static void
test_short_citations (void)
{
  static const struct { const char *id, *expected; } cases[] = {
    { "is19",            "Rupp et al. 2021" },
    { "foerster1933",    "Foerster 1933" },
    { "kg1948",          "Keegan and Garrett 1948" },
    { "lee2008",         "Lee et al. 2008" },
    { "hoppenfeld1977",  "Hoppenfeld 1977" },
    { "preston-shapiro", "Preston and Shapiro" },
    { "gray",            "Gray's Anatomy" },
    { "moore",           "Moore et al." },
    { "no-such-source",  "no-such-source" },
  };
  GPtrArray *sources = derm_atlas_get_sources (atlas);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *citation = derm_quiz_sheet_dup_short_citation (atlas, cases[i].id);

      g_assert_cmpstr (citation, ==, cases[i].expected);
    }
  /* every source: short, and no raw key */
  for (guint i = 0; i < sources->len; i++)
    {
      const DermSource *source = g_ptr_array_index (sources, i);
      g_autofree char *citation = derm_quiz_sheet_dup_short_citation (atlas, source->id);

      g_test_message ("%s: %s", source->id, citation);
      g_assert_cmpuint (strlen (citation), <=, 40);
      g_assert_cmpuint (strlen (citation), >=, 4);
    }
}

static void
test_sheet (void)
{
  g_autoptr (DermRenderer) renderer = derm_renderer_new (atlas);
  g_autoptr (DermQuiz) quiz = make_quiz ("isncsci", 7, 24, 0);
  g_autoptr (DermQuiz) names = make_quiz ("keegan-garrett", 3, 24, 1u << DERM_QUIZ_NAME_ROOT);
  g_autoptr (DermQuizSheet) sheet = NULL;
  g_autoptr (DermQuizSheet) name_sheet = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *dir = g_dir_make_tmp ("derm-quiz-sheet-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "quiz.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "no-such-dir", "quiz.pdf", NULL);
  g_autofree char *contents = NULL;
  double w, h, scale = 0, ax = 0, ay = 0;
  gsize length;
  guint n_markers = 0;

  g_assert_no_error (error);
  derm_paper_get_size (DERM_PAPER_A4, FALSE, &w, &h);
  sheet = derm_quiz_sheet_new (renderer, quiz, w, h);
  g_assert_cmpuint (derm_quiz_sheet_get_n_pages (sheet), >=, 2);
  g_assert_cmpuint (derm_quiz_sheet_get_key_page (sheet), >=, 1);
  g_assert_cmpuint (derm_quiz_sheet_get_key_page (sheet), <, derm_quiz_sheet_get_n_pages (sheet));

  /* the key: every question, its answer and its sources */
  lines = derm_quiz_sheet_dup_key_lines (sheet);
  g_assert_cmpuint (g_strv_length (lines), ==, 24);
  for (guint i = 0; i < 24; i++)
    {
      const DermQuizQuestion *q = derm_quiz_get_question (quiz, i);
      g_autofree char *number = g_strdup_printf ("%u. ", i + 1);

      g_assert_true (g_str_has_prefix (lines[i], number));
      g_assert_nonnull (strstr (lines[i], q->answer));
      g_assert_nonnull (strstr (lines[i], q->explanation));
      {
        /* cited as a reader finds them, not by the atlas's keys */
        g_autofree char *citation = derm_quiz_sheet_dup_short_citation (atlas, q->sources[0]);
        g_autofree char *key = g_strdup_printf ("[%s", q->sources[0]);

        g_assert_nonnull (strstr (lines[i], citation));
        g_assert_null (strstr (lines[i], key));
      }
      /* only region questions have a marker, which would give away a key point */
      g_assert_cmpint (derm_quiz_sheet_get_marker (sheet, i, NULL, NULL, NULL, NULL, NULL), ==,
                       q->kind == DERM_QUIZ_NAME_ROOT);
    }

  /* markers: on the exact side of the exact region, where the diagram
   * draws it (one scale for all, the posterior view to the right) */
  name_sheet = derm_quiz_sheet_new (renderer, names, w, h);
  for (guint i = 0; i < 24; i++)
    {
      const DermQuizQuestion *q = derm_quiz_get_question (names, i);
      double px, py, vx, vy, ox, oy;
      DermView view;

      g_assert_true (derm_quiz_sheet_get_marker (name_sheet, i, &px, &py, &view, &vx, &vy));
      g_assert_true (derm_geometry_region_at (atlas, view, vx, vy) == q->region);
      derm_layout_view_origin (DERM_LAYOUT_BOTH, view, &ox, &oy);
      g_assert_true (px > 0 && px < w && py > 0 && py < h / 2 + 100);
      if (n_markers++ == 0)
        {
          /* page = a + scale * layout, from the first marker and the page's middle */
          scale = (px - w / 2) / (ox + vx - 630.0);
          ax = px - scale * (ox + vx);
          ay = py - scale * (oy + vy);
          g_assert_cmpfloat (scale, >, 0.2);
        }
      else
        {
          g_assert_cmpfloat (fabs (ax + scale * (ox + vx) - px), <, 0.01);
          g_assert_cmpfloat (fabs (ay + scale * (oy + vy) - py), <, 0.01);
        }
    }

  /* the PDF: its pages, written whole */
  g_assert_true (derm_quiz_sheet_write (renderer, quiz, path, DERM_PAPER_A4, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (count_pdf_pages (contents, length), ==, derm_quiz_sheet_get_n_pages (sheet));
  g_remove (path);

  /* landscape letter lays out too */
  g_assert_true (derm_quiz_sheet_write (renderer, quiz, path, DERM_PAPER_LETTER, TRUE, &error));
  g_assert_no_error (error);
  g_remove (path);

  g_assert_false (derm_quiz_sheet_write (renderer, quiz, bad, DERM_PAPER_A4, FALSE, &error));
  g_assert_error (error, DERM_EXPORT_ERROR, DERM_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "quiz.pdf"));
  g_clear_error (&error);
  g_assert_false (derm_quiz_sheet_write (renderer, quiz, "quiz.png", DERM_PAPER_A4, FALSE, &error));
  g_assert_error (error, DERM_EXPORT_ERROR, DERM_EXPORT_ERROR_FORMAT);
  g_assert_false (g_file_test ("quiz.png", G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

static void
test_sheet_many_pages (void)
{
  g_autoptr (DermRenderer) renderer = derm_renderer_new (atlas);
  g_autoptr (DermQuiz) quiz = make_quiz ("isncsci", 11, DERM_QUIZ_MAX_COUNT, 0);
  g_autoptr (DermQuizSheet) sheet = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h;

  derm_paper_get_size (DERM_PAPER_LETTER, FALSE, &w, &h);
  sheet = derm_quiz_sheet_new (renderer, quiz, w, h);
  /* 200 questions do not fit on a page or two */
  g_assert_cmpuint (derm_quiz_sheet_get_key_page (sheet), >, 3);
  g_assert_cmpuint (derm_quiz_sheet_get_n_pages (sheet) - derm_quiz_sheet_get_key_page (sheet), >, 3);

  /* every page draws without a cairo error */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  for (guint i = 0; i < derm_quiz_sheet_get_n_pages (sheet); i++)
    derm_quiz_sheet_render_page (sheet, cr, i);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

void
test_quiz_sheet_add_tests (void)
{
  g_test_add_func ("/quiz/short-citations", test_short_citations);
  g_test_add_func ("/quiz/sheet", test_sheet);
  g_test_add_func ("/quiz/sheet-many-pages", test_sheet_many_pages);
}
