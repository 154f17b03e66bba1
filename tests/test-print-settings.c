/* test-print-settings.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a print run remembers comes back as it was saved: every GTK print
 * setting, the page setup, and every page option, each under its own key.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <glib/gstdio.h>
#include <string.h>

#include "derm-print-settings.h"

/* Two patterns of values, each away from the defaults where it can be and
 * with the booleans differing from each other, so an option saved under
 * another's key shows. */
static void
fill_options (DermPageOptions *options,
              gboolean         pattern)
{
  derm_page_options_clear (options);
  derm_page_options_init (options);
  options->layout = pattern ? DERM_LAYOUT_POSTERIOR : DERM_LAYOUT_ANTERIOR;
  options->map_id = g_strdup (pattern ? "keegan-garrett" : "lee2008");
  options->style = pattern ? DERM_STYLE_WORKSHEET : DERM_STYLE_GRAYSCALE;
  options->labels = !pattern;
  options->legend = pattern;
  options->title = g_strdup (pattern ? "Quiz: L4 & S1 — “which root?”" : "Handout; week 3 = [x]");
  options->highlight_root = pattern ? g_strdup ("L4") : NULL;
  options->answer_key = pattern;
  options->view_per_page = pattern;
  options->nerves = !pattern;
  options->key_points = pattern;
  options->paper = pattern ? DERM_PAPER_LETTER : DERM_PAPER_A4;
  options->landscape = !pattern;
}

static void
fill_state (DermPrintState *state,
            gboolean        pattern)
{
  g_autoptr (GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);

  gtk_print_settings_set_printer (state->settings, "Print to File");
  gtk_print_settings_set (state->settings, GTK_PRINT_SETTINGS_OUTPUT_URI, "file:///tmp/handout.pdf");
  gtk_print_settings_set (state->settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_settings_set_n_copies (state->settings, 3);
  gtk_print_settings_set_collate (state->settings, pattern);
  gtk_print_settings_set_reverse (state->settings, !pattern);
  gtk_print_settings_set_use_color (state->settings, FALSE);
  gtk_print_settings_set_duplex (state->settings, GTK_PRINT_DUPLEX_VERTICAL);
  gtk_print_settings_set_orientation (state->settings, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_settings_set_paper_size (state->settings, paper);
  gtk_print_settings_set_scale (state->settings, 90.0);
  gtk_print_settings_set_resolution (state->settings, 600);
  gtk_print_settings_set_number_up (state->settings, 2);
  gtk_print_settings_set_print_pages (state->settings, GTK_PRINT_PAGES_RANGES);
  gtk_print_settings_set (state->settings, GTK_PRINT_SETTINGS_PAGE_RANGES, "1-2");
  gtk_print_settings_set (state->settings, "cups-job-priority", "50");

  gtk_page_setup_set_paper_size (state->page_setup, paper);
  gtk_page_setup_set_orientation (state->page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_page_setup_set_top_margin (state->page_setup, 11, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (state->page_setup, 12, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (state->page_setup, 13, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (state->page_setup, 14, GTK_UNIT_MM);

  fill_options (&state->options, pattern);
  fill_options (&state->export_options.page, !pattern);
  state->export_options.width = pattern ? 1234 : 4321;
}

static void
check_settings_key (const char *key,
                    const char *value,
                    gpointer    user_data)
{
  GtkPrintSettings *other = user_data;

  g_assert_cmpstr (gtk_print_settings_get (other, key), ==, value);
}

static void
assert_options_equal (const DermPageOptions *a,
                      const DermPageOptions *b)
{
  g_assert_cmpint (a->layout, ==, b->layout);
  g_assert_cmpstr (a->map_id, ==, b->map_id);
  g_assert_cmpint (a->style, ==, b->style);
  g_assert_cmpint (!a->labels, ==, !b->labels);
  g_assert_cmpint (!a->legend, ==, !b->legend);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->highlight_root, ==, b->highlight_root);
  g_assert_cmpint (!a->answer_key, ==, !b->answer_key);
  g_assert_cmpint (!a->view_per_page, ==, !b->view_per_page);
  g_assert_cmpint (!a->nerves, ==, !b->nerves);
  g_assert_cmpint (!a->key_points, ==, !b->key_points);
  g_assert_cmpint (a->paper, ==, b->paper);
  g_assert_cmpint (!a->landscape, ==, !b->landscape);
  g_assert_true (derm_page_options_equal (a, b));
}

static void
assert_state_equal (const DermPrintState *a,
                    const DermPrintState *b)
{
  GtkPaperSize *pa = gtk_page_setup_get_paper_size (a->page_setup);
  GtkPaperSize *pb = gtk_page_setup_get_paper_size (b->page_setup);

  /* every key of each is in the other with the same value */
  gtk_print_settings_foreach (a->settings, check_settings_key, b->settings);
  gtk_print_settings_foreach (b->settings, check_settings_key, a->settings);

  g_assert_true (gtk_paper_size_is_equal (pa, pb));
  g_assert_cmpfloat_with_epsilon (gtk_paper_size_get_width (pa, GTK_UNIT_POINTS),
                                  gtk_paper_size_get_width (pb, GTK_UNIT_POINTS), 0.01);
  g_assert_cmpfloat_with_epsilon (gtk_paper_size_get_height (pa, GTK_UNIT_POINTS),
                                  gtk_paper_size_get_height (pb, GTK_UNIT_POINTS), 0.01);
  g_assert_cmpint (gtk_page_setup_get_orientation (a->page_setup), ==,
                   gtk_page_setup_get_orientation (b->page_setup));
  g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_top_margin (a->page_setup, GTK_UNIT_MM),
                                  gtk_page_setup_get_top_margin (b->page_setup, GTK_UNIT_MM), 0.01);
  g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_bottom_margin (a->page_setup, GTK_UNIT_MM),
                                  gtk_page_setup_get_bottom_margin (b->page_setup, GTK_UNIT_MM), 0.01);
  g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_left_margin (a->page_setup, GTK_UNIT_MM),
                                  gtk_page_setup_get_left_margin (b->page_setup, GTK_UNIT_MM), 0.01);
  g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_right_margin (a->page_setup, GTK_UNIT_MM),
                                  gtk_page_setup_get_right_margin (b->page_setup, GTK_UNIT_MM), 0.01);

  assert_options_equal (&a->options, &b->options);
  assert_options_equal (&a->export_options.page, &b->export_options.page);
  g_assert_cmpint (a->export_options.width, ==, b->export_options.width);
}

static void
test_defaults (void)
{
  g_auto (DermPrintState) state = { 0 };
  GtkPaperSize *paper;
  DermPageOptions defaults;

  derm_print_state_init (&state);
  paper = gtk_page_setup_get_paper_size (state.page_setup);
  g_assert_cmpstr (gtk_paper_size_get_name (paper), ==, GTK_PAPER_NAME_A4);
  g_assert_cmpint (gtk_page_setup_get_orientation (state.page_setup), ==, GTK_PAGE_ORIENTATION_PORTRAIT);

  derm_page_options_init (&defaults);
  g_assert_true (derm_page_options_equal (&state.options, &defaults));
  g_assert_cmpint (state.export_options.width, ==, DERM_EXPORT_DEFAULT_WIDTH);
}

static void
test_key_file_round_trip (void)
{
  for (int pattern = 0; pattern < 2; pattern++)
    {
      g_auto (DermPrintState) saved = { 0 };
      g_auto (DermPrintState) loaded = { 0 };
      g_autoptr (GKeyFile) key_file = g_key_file_new ();
      g_autoptr (GKeyFile) reread = g_key_file_new ();
      g_autoptr (GError) error = NULL;
      g_autofree char *data = NULL;

      derm_print_state_init (&saved);
      fill_state (&saved, pattern);
      derm_print_state_save_to_key_file (&saved, key_file);

      /* through text, as on disk */
      data = g_key_file_to_data (key_file, NULL, NULL);
      g_assert_true (g_key_file_load_from_data (reread, data, -1, G_KEY_FILE_NONE, &error));
      g_assert_no_error (error);

      derm_print_state_init (&loaded);
      g_assert_true (derm_print_state_load_from_key_file (&loaded, reread, &error));
      g_assert_no_error (error);

      assert_state_equal (&saved, &loaded);
      g_assert_cmpint (gtk_print_settings_get_n_copies (loaded.settings), ==, 3);
      g_assert_cmpstr (gtk_print_settings_get_printer (loaded.settings), ==, "Print to File");
      g_assert_cmpint (gtk_page_setup_get_orientation (loaded.page_setup), ==,
                       GTK_PAGE_ORIENTATION_LANDSCAPE);
      g_assert_cmpint (loaded.options.style, ==, pattern ? DERM_STYLE_WORKSHEET : DERM_STYLE_GRAYSCALE);
    }
}

static void
test_file_round_trip (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derm-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "dermatomes", "print.ini", NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_auto (DermPrintState) saved = { 0 };
  g_auto (DermPrintState) loaded = { 0 };
  g_autoptr (GError) error = NULL;

  derm_print_state_init (&saved);
  fill_state (&saved, TRUE);
  /* the directory does not exist yet */
  g_assert_true (derm_print_state_save (&saved, path, &error));
  g_assert_no_error (error);

  derm_print_state_init (&loaded);
  derm_print_state_load (&loaded, path);
  assert_state_equal (&saved, &loaded);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (parent), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
load_text (DermPrintState *state,
           const char     *text)
{
  g_autofree char *dir = g_dir_make_tmp ("derm-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "print.ini", NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  derm_print_state_load (state, path);
  g_unlink (path);
  g_rmdir (dir);
}

/* The app logs structured (G_LOG_USE_STRUCTURED), which
 * g_test_expect_message does not see: count the warnings here instead. */
static guint n_ignored_warnings;

static GLogWriterOutput
count_warnings_writer (GLogLevelFlags   log_level,
                       const GLogField *fields,
                       gsize            n_fields,
                       gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") &&
        (log_level & G_LOG_LEVEL_WARNING) &&
        strstr (fields[i].value, "Ignoring the print settings") != NULL)
      {
        n_ignored_warnings++;
        return G_LOG_WRITER_HANDLED;
      }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
assert_defaults (const DermPrintState *state)
{
  g_auto (DermPrintState) defaults = { 0 };

  derm_print_state_init (&defaults);
  assert_state_equal (state, &defaults);
}

static void
test_missing_file (void)
{
  g_auto (DermPrintState) state = { 0 };

  /* no warning: a first run has no file */
  derm_print_state_init (&state);
  derm_print_state_load (&state, "/nonexistent/dermatomes/print.ini");
  assert_defaults (&state);
}

static void
test_corrupt_file (void)
{
  static const char * const corrupt[] = {
    "<html>this is not a key file</html>",
    "[Map\nview=both\n",
    "[Map]\nstyle=plaid\n",
    "[Map]\nlabels=perhaps\n",
    "[Export]\npng-width=12\n",
    "[Export]\npng-width=wide\n",
    "[Page Setup]\nOrientation=sideways\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (corrupt); i++)
    {
      g_auto (DermPrintState) state = { 0 };

      guint before = n_ignored_warnings;

      derm_print_state_init (&state);
      load_text (&state, corrupt[i]);
      g_assert_cmpuint (n_ignored_warnings, ==, before + 1);
      assert_defaults (&state);
    }
}

static void
test_partial_file (void)
{
  g_auto (DermPrintState) state = { 0 };

  /* a file from before a group existed keeps the defaults for the rest */
  derm_print_state_init (&state);
  load_text (&state, "[Map]\nstyle=grayscale\nlegend=true\n");
  g_assert_cmpint (state.options.style, ==, DERM_STYLE_GRAYSCALE);
  g_assert_true (state.options.legend);
  g_assert_true (state.options.labels);
  g_assert_cmpint (state.export_options.width, ==, DERM_EXPORT_DEFAULT_WIDTH);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (state.page_setup)), ==,
                   GTK_PAPER_NAME_A4);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (count_warnings_writer, NULL, NULL);

  g_test_add_func ("/print-settings/defaults", test_defaults);
  g_test_add_func ("/print-settings/key-file-round-trip", test_key_file_round_trip);
  g_test_add_func ("/print-settings/file-round-trip", test_file_round_trip);
  g_test_add_func ("/print-settings/missing-file", test_missing_file);
  g_test_add_func ("/print-settings/corrupt-file", test_corrupt_file);
  g_test_add_func ("/print-settings/partial-file", test_partial_file);

  return g_test_run ();
}
