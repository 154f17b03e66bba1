/* derm-cli.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The headless command line. Output is tab-separated for scripts and tests;
 * errors go to stderr. Exit status: 0 done, 1 nothing found (or, for
 * --export, the file could not be written), 2 bad usage.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "derm-bundle.h"
#include "derm-cli-chart.h"
#include "derm-cli.h"
#include "derm-export.h"
#include "derm-geometry.h"
#include "derm-quiz-sheet.h"
#include "derm-quiz.h"

enum {
  EXIT_FOUND = 0,
  EXIT_NOT_FOUND = 1,
  EXIT_USAGE = 2,
};

static const GOptionEntry cli_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { "list-maps", 0, 0, G_OPTION_ARG_NONE, NULL, N_("List the dermatome maps: ID, name, sources"), NULL },
  { "list-roots", 0, 0, G_OPTION_ARG_NONE, NULL, N_("List the nerve roots with a summary"), NULL },
  { "info", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Print the card of a root, one FIELD<TAB>VALUE a line"), N_("ROOT") },
  { "regions", 0, 0, G_OPTION_ARG_NONE, NULL, N_("List the regions with a point inside, roots and nerves"), NULL },
  { "zone-at", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the region at a point: --zone-at VIEW X Y"), NULL },
  { "key-points", 0, 0, G_OPTION_ARG_NONE, NULL, N_("List the ISNCSCI key sensory points"), NULL },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Find regions and roots by name or synonym"), N_("TEXT") },
  { "list-nerves", 0, 0, G_OPTION_ARG_NONE, NULL, N_("List the cutaneous nerves: ID, name, roots"), NULL },
  { "nerve-info", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Print a cutaneous nerve, one FIELD<TAB>VALUE a line"), N_("ID") },
  { "localize", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Rank the roots, nerves and patterns that explain a chart: RANK<TAB>KIND<TAB>ID<TAB>SIDE<TAB>SCORE<TAB>WHY"), N_("CHART") },
  { "map", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The dermatome map to use (see --list-maps)"), N_("ID") },
  { "atlas", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use the atlas of a folder (atlas.xml, anterior.svg, posterior.svg) instead of the built-in one"), N_("DIR") },
  { "view", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Only this view: anterior or posterior (for --export also both, or each on a page of its own)"), N_("VIEW") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Write the map to a .pdf, .svg or .png file"), N_("FILE") },
  { "labels", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Export: label each root zone (the default)"), NULL },
  { "no-labels", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Export: no root labels or numbered blanks"), NULL },
  { "legend", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Export: add a legend of the roots"), NULL },
  { "style", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Export: color, grayscale or worksheet"), N_("STYLE") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Export: a4 or letter"), N_("PAPER") },
  { "landscape", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Export: landscape paper"), NULL },
  { "width", 0, 0, G_OPTION_ARG_INT, NULL, N_("Export: PNG width in pixels (100-20000, default 2000)"), N_("PX") },
  { "nerves", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Export: outline and name the cutaneous nerve territories"), NULL },
  { "highlight", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Export: make one root stand out"), N_("ROOT") },
  { "answer-key", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Export: add an answer key page to a worksheet"), NULL },
  { "title", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Export: the page title"), N_("TEXT") },
  { "chart", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Export: the chart's findings on the legs, with the ranking and the findings table"), N_("CHART") },
  { "quiz", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print a quiz, one NUMBER<TAB>KIND<TAB>PROMPT<TAB>ANSWER<TAB>TARGET a line"), NULL },
  { "export-quiz", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Write a printable quiz with its answer key to a .pdf file"), N_("FILE") },
  { "seed", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Quiz: the seed, 0 to 18446744073709551615 (default: from the clock)"), N_("N") },
  { "count", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Quiz: the number of questions (1-200, default 10)"), N_("K") },
  { "kinds", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Quiz: kinds of question, comma-separated: find-root, name-root, key-point, motor, reflex, root-or-nerve"), N_("LIST") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL, NULL, N_("[VIEW X Y]") },
  { NULL }
};

/* set once GApplication has parsed the options and handed them to us */
static gboolean options_parsed;
/* --atlas DIR, for the commands and the window alike */
static char *atlas_dir;

static const char * const commands[] = {
  "version", "list-maps", "list-roots", "info", "regions", "zone-at", "key-points", "search",
  "list-nerves", "nerve-info", "export", "quiz", "export-quiz", "localize", NULL
};

/* options that only mean something to --export */
static const char * const export_options[] = {
  "labels", "no-labels", "legend", "style", "paper", "landscape", "width", "highlight",
  "answer-key", "title", "chart", "nerves", NULL
};

/* options that only mean something to --quiz and --export-quiz */
static const char * const quiz_options[] = {
  "seed", "count", "kinds", NULL
};

void
derm_cli_add_options (GApplication *app)
{
  g_application_add_main_option_entries (app, cli_entries);
  g_application_set_option_context_parameter_string (app, NULL);
  g_application_set_option_context_summary (app,
    _("Show the dermatomes of the legs. Without a command, open the window."));
}

DermAtlas *
derm_cli_new_atlas (GError **error)
{
  g_autofree char *xml = NULL, *anterior = NULL, *posterior = NULL;

  if (atlas_dir == NULL)
    return derm_atlas_new_from_resource (error);
  xml = g_build_filename (atlas_dir, "atlas.xml", NULL);
  anterior = g_build_filename (atlas_dir, "anterior.svg", NULL);
  posterior = g_build_filename (atlas_dir, "posterior.svg", NULL);
  return derm_atlas_new_from_files (xml, anterior, posterior, error);
}

/* "--zone-at anterior -5 10": no option of ours looks like a negative
 * number, but GOption would take "-5" for one. A leading space keeps it a
 * plain argument, and the number parser skips it. */
char **
derm_cli_protect_negative_numbers (int    argc,
                                   char **argv)
{
  char **args = g_new0 (char *, argc + 1);

  for (int i = 0; i < argc; i++)
    {
      const char *a = argv[i];

      if (i > 0 && a[0] == '-' && (g_ascii_isdigit (a[1]) || (a[1] == '.' && g_ascii_isdigit (a[2]))))
        args[i] = g_strconcat (" ", a, NULL);
      else
        args[i] = g_strdup (a);
    }
  return args;
}

int
derm_cli_exit_status (int status)
{
  return !options_parsed && status == 1 ? EXIT_USAGE : status;
}

static int
usage_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("dermatomes: %s\n", message);
  g_printerr ("%s\n", _("Try “dermatomes --help” for usage."));
  return EXIT_USAGE;
}

static char *
join_roots (const char * const *roots)
{
  if (roots == NULL || roots[0] == NULL)
    return g_strdup ("-");
  return g_strjoinv (",", (char **) roots);
}

static char *
join_nerves (DermAtlas        *atlas,
             const DermRegion *region)
{
  g_autoptr (GPtrArray) nerves = derm_atlas_get_region_nerves (atlas, region);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < nerves->len; i++)
    {
      const DermNerve *nerve = g_ptr_array_index (nerves, i);
      if (out->len > 0)
        g_string_append_c (out, ',');
      g_string_append (out, nerve->id);
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : g_strdup ("-");
}

static void
print_region (DermAtlas        *atlas,
              const DermMap    *map,
              const DermRegion *region)
{
  g_autofree char *roots = join_roots (derm_map_get_roots (map, region));
  g_autofree char *nerves = join_nerves (atlas, region);

  g_print ("%s\t%s\t%s\t%.1f\t%.1f\t%s\t%s\n",
           derm_view_to_string (region->view),
           derm_side_to_string (region->side),
           region->name_id,
           region->label_x, region->label_y,
           roots, nerves);
}

static char *
format_statement (const DermStatement *statement)
{
  g_autofree char *sources = g_strjoinv (", ", statement->sources);

  return g_strdup_printf ("%s [%s]", statement->text, sources);
}

static char *
statement_field (const DermStatement *statement)
{
  GString *field = g_string_new (statement->field);

  if (statement->view >= 0)
    g_string_append_printf (field, "-%s", derm_view_to_string (statement->view));
  if (statement->map != NULL)
    g_string_append_printf (field, "-%s", statement->map);
  if (statement->kind != NULL)
    g_string_append_printf (field, "-%s", statement->kind);
  return g_string_free (field, FALSE);
}

static int
print_info (DermAtlas     *atlas,
            const DermMap *map,
            const char    *root_id)
{
  const DermRoot *root = derm_atlas_get_root (atlas, root_id);
  GPtrArray *regions = derm_atlas_get_regions (atlas);
  const DermKeyPoint *kp;

  if (root == NULL)
    {
      g_printerr ("dermatomes: %s\n", _("no such root; see --list-roots"));
      return EXIT_NOT_FOUND;
    }

  g_print ("root\t%s\n", root->id);
  g_print ("map\t%s\n", map->id);
  for (guint i = 0; i < root->statements->len; i++)
    {
      const DermStatement *statement = g_ptr_array_index (root->statements, i);
      g_autofree char *field = statement_field (statement);
      g_autofree char *value = format_statement (statement);

      g_print ("%s\t%s\n", field, value);
    }

  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    {
      g_autoptr (GString) names = g_string_new (NULL);
      g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < regions->len; i++)
        {
          const DermRegion *region = g_ptr_array_index (regions, i);

          if (region->view != view || !derm_map_region_has_root (map, region, root->id) ||
              !g_hash_table_add (seen, region->name_id))
            continue;
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, region->name);
        }
      if (names->len > 0)
        g_print ("regions-%s\t%s [%s]\n", derm_view_to_string (view), names->str, map->id);
    }

  /* the left leg's point; an atlas of one's own may give S4-5 one point
   * on the midline (kp-S4-5-mid) */
  kp = derm_atlas_get_key_point (atlas, root->id, DERM_SIDE_LEFT);
  if (kp == NULL)
    kp = derm_atlas_get_key_point (atlas, root->id, DERM_SIDE_MID);
  if (kp != NULL && kp->region != NULL)
    g_print ("key-point-region\t%s\n", kp->region->name);

  /* the full citation of every source the card cites, once each */
  {
    g_autoptr (GHashTable) cited = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < root->statements->len; i++)
      {
        const DermStatement *statement = g_ptr_array_index (root->statements, i);

        for (guint s = 0; statement->sources[s] != NULL; s++)
          {
            const DermSource *source = derm_atlas_get_source (atlas, statement->sources[s]);

            if (g_hash_table_add (cited, source->id))
              g_print ("source\t%s: %s\n", source->id, source->citation);
          }
      }
  }
  return EXIT_FOUND;
}

static int
print_nerve_info (DermAtlas  *atlas,
                  const char *nerve_id)
{
  const DermNerve *nerve = derm_atlas_get_nerve (atlas, nerve_id);
  g_autofree char *roots = NULL, *regions = NULL, *sources = NULL, *distinguish = NULL;

  if (nerve == NULL)
    {
      g_printerr ("dermatomes: %s\n", _("no such nerve; see --list-nerves"));
      return EXIT_NOT_FOUND;
    }

  roots = join_roots ((const char * const *) nerve->roots);
  regions = g_strjoinv (",", nerve->regions);
  sources = g_strjoinv (",", nerve->sources);
  distinguish = nerve->distinguish != NULL ? format_statement (nerve->distinguish) : g_strdup ("-");

  g_print ("id\t%s\n", nerve->id);
  g_print ("name\t%s\n", nerve->name);
  g_print ("roots\t%s\n", roots);
  g_print ("territory\t%s\n", nerve->territory != NULL ? nerve->territory : "-");
  g_print ("regions\t%s\n", regions);
  g_print ("distinguish\t%s\n", distinguish);
  g_print ("sources\t%s\n", sources);
  return EXIT_FOUND;
}

static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  /* nan and inf are no place on a leg */
  return end != text && *end == '\0' && isfinite (*value);
}

static int
export_map (DermAtlas    *atlas,
            GVariantDict *options,
            const char   *view_name)
{
  g_auto (DermExportOptions) export = { 0, };
  g_autoptr (DermRenderer) renderer = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL, *style = NULL, *paper = NULL, *chart_path = NULL;
  const DermRoot *root;

  derm_export_options_init (&export);
  g_variant_dict_lookup (options, "export", "^ay", &path);
  g_variant_dict_lookup (options, "map", "s", &export.page.map_id);
  g_variant_dict_lookup (options, "title", "s", &export.page.title);
  g_variant_dict_lookup (options, "highlight", "s", &export.page.highlight_root);
  g_variant_dict_lookup (options, "style", "s", &style);
  g_variant_dict_lookup (options, "paper", "s", &paper);
  g_variant_dict_lookup (options, "width", "i", &export.width);
  g_variant_dict_lookup (options, "chart", "^ay", &chart_path);
  export.page.legend = g_variant_dict_contains (options, "legend");
  export.page.landscape = g_variant_dict_contains (options, "landscape");
  export.page.answer_key = g_variant_dict_contains (options, "answer-key");
  export.page.nerves = g_variant_dict_contains (options, "nerves");
  export.page.key_points = g_variant_dict_contains (options, "key-points");

  if (g_variant_dict_contains (options, "labels") && g_variant_dict_contains (options, "no-labels"))
    return usage_error (_("--labels and --no-labels cannot be used together"));
  export.page.labels = !g_variant_dict_contains (options, "no-labels");

  if (path == NULL || path[0] == '\0')
    return usage_error (_("--export needs a file name ending in .pdf, .svg or .png"));
  {
    DermExportFormat format;

    if (!derm_export_format_from_path (path, &format))
      return usage_error (_("cannot export to “%s”: the name must end in .pdf, .svg or .png"), path);
  }
  if (g_strcmp0 (view_name, "each") == 0)
    {
      export.page.layout = DERM_LAYOUT_BOTH;
      export.page.view_per_page = TRUE;
    }
  else if (view_name != NULL && !derm_layout_from_string (view_name, &export.page.layout))
    return usage_error (_("unknown view “%s” (anterior, posterior, both or each)"), view_name);
  if (style != NULL && !derm_style_from_string (style, &export.page.style))
    return usage_error (_("unknown style “%s” (color, grayscale or worksheet)"), style);
  if (paper != NULL && !derm_paper_from_string (paper, &export.page.paper))
    return usage_error (_("unknown paper “%s” (a4 or letter)"), paper);
  if (export.width < DERM_EXPORT_MIN_WIDTH || export.width > DERM_EXPORT_MAX_WIDTH)
    return usage_error (_("--width %d is out of range (%d to %d pixels)"),
                        export.width, DERM_EXPORT_MIN_WIDTH, DERM_EXPORT_MAX_WIDTH);
  if (export.page.highlight_root != NULL)
    {
      root = derm_atlas_get_root (atlas, export.page.highlight_root);
      if (root == NULL)
        return usage_error (_("unknown root “%s”; see --list-roots"), export.page.highlight_root);
      /* the atlas's own spelling: "l4" highlights L4 */
      g_free (export.page.highlight_root);
      export.page.highlight_root = g_strdup (root->id);
    }
  if (export.page.answer_key && export.page.style != DERM_STYLE_WORKSHEET)
    return usage_error (_("--answer-key goes with --style worksheet"));

  if (chart_path != NULL)
    {
      static const char * const map_only[] = {
        "labels", "no-labels", "legend", "style", "highlight", "answer-key", "view", "nerves",
        "key-points", NULL
      };
      double width, height;

      for (guint i = 0; map_only[i] != NULL; i++)
        if (g_variant_dict_contains (options, map_only[i]))
          return usage_error (_("--%s does not go with --chart"), map_only[i]);
      derm_paper_get_size (export.page.paper, export.page.landscape, &width, &height);
      return derm_cli_export_chart (atlas, chart_path, export.page.map_id, export.page.title,
                                    path, width, height, export.width);
    }

  renderer = derm_renderer_new (atlas);
  if (!derm_export_write (renderer, &export, path, &error))
    {
      g_printerr ("dermatomes: %s\n", error->message);
      return g_error_matches (error, DERM_EXPORT_ERROR, DERM_EXPORT_ERROR_WRITE) ? EXIT_NOT_FOUND : EXIT_USAGE;
    }
  return EXIT_FOUND;
}

/* --quiz prints the questions; --export-quiz writes them to a PDF. */
static int
run_quiz (DermAtlas    *atlas,
          GVariantDict *options,
          const char   *map_id,
          gboolean      to_pdf)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DermQuiz) quiz = NULL;
  g_autofree char *seed_text = NULL, *count_text = NULL, *kinds = NULL, *path = NULL, *paper_name = NULL;
  DermQuizOptions settings;

  derm_quiz_options_init (&settings);
  settings.map_id = map_id;

  /* a string, not an int: GApplication drops an int option given as 0 */
  if (g_variant_dict_lookup (options, "count", "s", &count_text))
    {
      guint64 count;

      if (!g_ascii_string_to_unsigned (count_text, 10, 1, DERM_QUIZ_MAX_COUNT, &count, NULL))
        return usage_error (_("--count “%s” is not a number of questions from 1 to %d"),
                            count_text, DERM_QUIZ_MAX_COUNT);
      settings.count = (guint) count;
    }

  if (g_variant_dict_lookup (options, "kinds", "s", &kinds) &&
      !derm_quiz_kinds_parse (kinds, &settings.kinds, &error))
    return usage_error ("--kinds: %s", error->message);

  if (g_variant_dict_lookup (options, "seed", "s", &seed_text))
    {
      guint64 seed;

      /* decimal digits only: no sign, no spaces, no 0x */
      if (seed_text[0] < '0' || seed_text[0] > '9' ||
          !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &seed, NULL))
        {
          /* the limit as text: xgettext cannot see through G_GUINT64_FORMAT */
          g_autofree char *max = g_strdup_printf ("%" G_GUINT64_FORMAT, G_MAXUINT64);

          /* Translators: the second %s is 18446744073709551615 */
          return usage_error (_("--seed “%s” is not a whole number from 0 to %s"), seed_text, max);
        }
      settings.seed = seed;
    }
  else
    {
      settings.seed = (guint64) g_get_real_time ();
      /* so that a quiz from the clock can be asked again */
      if (!to_pdf)
        g_printerr ("# seed %" G_GUINT64_FORMAT "\n", settings.seed);
    }

  if (to_pdf)
    {
      DermExportFormat format;
      DermPaper paper = DERM_PAPER_A4;

      g_variant_dict_lookup (options, "export-quiz", "^ay", &path);
      if (path == NULL || path[0] == '\0' ||
          !derm_export_format_from_path (path, &format) || format != DERM_EXPORT_PDF)
        return usage_error (_("cannot write a quiz to “%s”: the name must end in .pdf"),
                            path != NULL ? path : "");
      g_variant_dict_lookup (options, "paper", "s", &paper_name);
      if (paper_name != NULL && !derm_paper_from_string (paper_name, &paper))
        return usage_error (_("unknown paper “%s” (a4 or letter)"), paper_name);

      quiz = derm_quiz_new (atlas, &settings, &error);
      if (quiz == NULL)
        return usage_error ("%s", error->message);
      {
        g_autoptr (DermRenderer) renderer = derm_renderer_new (atlas);

        if (!derm_quiz_sheet_write (renderer, quiz, path, paper,
                                    g_variant_dict_contains (options, "landscape"), &error))
          {
            g_printerr ("dermatomes: %s\n", error->message);
            return EXIT_NOT_FOUND;
          }
      }
      return EXIT_FOUND;
    }

  quiz = derm_quiz_new (atlas, &settings, &error);
  if (quiz == NULL)
    return usage_error ("%s", error->message);

  for (guint i = 0; i < derm_quiz_get_n_questions (quiz); i++)
    {
      const DermQuizQuestion *q = derm_quiz_get_question (quiz, i);
      g_autofree char *target = derm_quiz_question_dup_target (q);

      g_print ("%u\t%s\t%s\t%s\t%s\n", q->number, derm_quiz_kind_to_string (q->kind),
               q->prompt, q->answer, target);
    }
  return EXIT_FOUND;
}

int
derm_cli_handle_local_options (GApplication *app,
                               GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DermAtlas) atlas = NULL;
  g_autofree char *info = NULL, *search = NULL, *map_id = NULL, *view_name = NULL;
  g_autofree char *nerve_id = NULL, *chart_path = NULL;
  g_auto (GStrv) rest = NULL;
  const char *command = NULL;
  const DermMap *map;
  gboolean has_view = FALSE;
  DermView view = DERM_VIEW_ANTERIOR;

  options_parsed = TRUE;
  g_clear_pointer (&atlas_dir, g_free);
  g_variant_dict_lookup (options, "atlas", "^ay", &atlas_dir);
  if (atlas_dir != NULL && !g_file_test (atlas_dir, G_FILE_TEST_IS_DIR))
    return usage_error (_("--atlas “%s” is not a folder (it holds atlas.xml, anterior.svg and posterior.svg)"),
                        atlas_dir);

  for (guint i = 0; commands[i] != NULL; i++)
    {
      if (!g_variant_dict_contains (options, commands[i]))
        continue;
      /* with --export, --key-points draws the points on the page */
      if (g_str_equal (commands[i], "key-points") && g_variant_dict_contains (options, "export"))
        continue;
      if (command != NULL)
        return usage_error (_("--%s and --%s cannot be used together"), command, commands[i]);
      command = commands[i];
    }

  g_variant_dict_lookup (options, "info", "s", &info);
  g_variant_dict_lookup (options, "search", "s", &search);
  g_variant_dict_lookup (options, "nerve-info", "s", &nerve_id);
  g_variant_dict_lookup (options, "localize", "^ay", &chart_path);
  g_variant_dict_lookup (options, "map", "s", &map_id);
  g_variant_dict_lookup (options, "view", "s", &view_name);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^as", &rest);

  if (g_strcmp0 (command, "export") != 0)
    for (guint i = 0; export_options[i] != NULL; i++)
      {
        /* a printed quiz has paper too */
        if (g_strcmp0 (command, "export-quiz") == 0 &&
            (g_str_equal (export_options[i], "paper") || g_str_equal (export_options[i], "landscape")))
          continue;
        if (g_variant_dict_contains (options, export_options[i]))
          return usage_error (_("--%s goes with --export"), export_options[i]);
      }
  if (g_strcmp0 (command, "quiz") != 0 && g_strcmp0 (command, "export-quiz") != 0)
    for (guint i = 0; quiz_options[i] != NULL; i++)
      if (g_variant_dict_contains (options, quiz_options[i]))
        return usage_error (_("--%s goes with --quiz or --export-quiz"), quiz_options[i]);

  if (command == NULL)
    {
      if (map_id != NULL || view_name != NULL)
        return usage_error (_("--map and --view go with a command such as --regions"));
      /* dermatomes CHART...: the window opens them (derm-application.c) */
      for (guint i = 0; rest != NULL && rest[i] != NULL; i++)
        if (!g_str_has_suffix (rest[i], ".dermchart") && !g_file_test (rest[i], G_FILE_TEST_IS_REGULAR))
          return usage_error (_("unexpected argument “%s”"), rest[i]);
      return -1;
    }

  if (g_strcmp0 (command, "version") == 0)
    {
      g_print ("dermatomes %s\n", VERSION);
      return EXIT_FOUND;
    }

  if (g_strcmp0 (command, "zone-at") == 0)
    {
      if (rest == NULL || g_strv_length (rest) != 3)
        return usage_error (_("--zone-at needs VIEW X Y, e.g. --zone-at anterior 150 900"));
    }
  else if (rest != NULL && rest[0] != NULL)
    return usage_error (_("unexpected argument “%s”"), rest[0]);

  if (view_name != NULL && g_strcmp0 (command, "export") != 0)
    {
      if (!derm_view_from_string (view_name, &view))
        return usage_error (_("unknown view “%s” (anterior or posterior)"), view_name);
      if (g_strcmp0 (command, "regions") != 0)
        return usage_error (_("--view goes with --regions or --export"));
      has_view = TRUE;
    }

  atlas = derm_cli_new_atlas (&error);
  if (atlas == NULL)
    {
      g_printerr ("dermatomes: %s\n", error->message);
      return EXIT_USAGE;
    }

  map = derm_atlas_get_map (atlas, map_id);
  if (map == NULL)
    return usage_error (_("unknown map “%s”; see --list-maps"), map_id);

  if (g_strcmp0 (command, "export") == 0)
    return export_map (atlas, options, view_name);

  if (g_strcmp0 (command, "localize") == 0)
    return derm_cli_localize (atlas, chart_path, map_id);

  if (g_strcmp0 (command, "quiz") == 0 || g_strcmp0 (command, "export-quiz") == 0)
    return run_quiz (atlas, options, map->id, g_strcmp0 (command, "export-quiz") == 0);

  if (g_strcmp0 (command, "list-maps") == 0)
    {
      GPtrArray *maps = derm_atlas_get_maps (atlas);

      for (guint i = 0; i < maps->len; i++)
        {
          const DermMap *m = g_ptr_array_index (maps, i);
          g_autofree char *sources = g_strjoinv (",", m->sources);
          g_print ("%s\t%s\t%s\n", m->id, m->name, sources);
        }
      return EXIT_FOUND;
    }

  if (g_strcmp0 (command, "list-roots") == 0)
    {
      GPtrArray *roots = derm_atlas_get_roots (atlas);

      for (guint i = 0; i < roots->len; i++)
        {
          const DermRoot *root = g_ptr_array_index (roots, i);
          g_print ("%s\t%s\n", root->id, derm_root_get_statement (root, "summary", -1)->text);
        }
      return EXIT_FOUND;
    }

  if (g_strcmp0 (command, "info") == 0)
    return print_info (atlas, map, info);

  if (g_strcmp0 (command, "list-nerves") == 0)
    {
      GPtrArray *nerves = derm_atlas_get_nerves (atlas);

      for (guint i = 0; i < nerves->len; i++)
        {
          const DermNerve *nerve = g_ptr_array_index (nerves, i);
          g_autofree char *roots = join_roots ((const char * const *) nerve->roots);
          g_print ("%s\t%s\t%s\n", nerve->id, nerve->name, roots);
        }
      return EXIT_FOUND;
    }

  if (g_strcmp0 (command, "nerve-info") == 0)
    return print_nerve_info (atlas, nerve_id);

  if (g_strcmp0 (command, "regions") == 0)
    {
      GPtrArray *regions = derm_atlas_get_regions (atlas);

      for (guint i = 0; i < regions->len; i++)
        {
          const DermRegion *region = g_ptr_array_index (regions, i);

          if (!has_view || region->view == view)
            print_region (atlas, map, region);
        }
      return EXIT_FOUND;
    }

  if (g_strcmp0 (command, "zone-at") == 0)
    {
      const DermRegion *region;
      double x, y;

      if (!derm_view_from_string (rest[0], &view))
        return usage_error (_("unknown view “%s” (anterior or posterior)"), rest[0]);
      if (!parse_number (rest[1], &x) || !parse_number (rest[2], &y))
        return usage_error (_("X and Y must be numbers, not “%s” “%s”"), rest[1], rest[2]);
      region = derm_geometry_region_at (atlas, view, x, y);
      if (region == NULL)
        {
          g_printerr ("dermatomes: %s\n", _("no skin region at that point"));
          return EXIT_NOT_FOUND;
        }
      print_region (atlas, map, region);
      return EXIT_FOUND;
    }

  if (g_strcmp0 (command, "key-points") == 0)
    {
      GPtrArray *points = derm_atlas_get_key_points (atlas);

      for (guint i = 0; i < points->len; i++)
        {
          const DermKeyPoint *kp = g_ptr_array_index (points, i);
          g_print ("%s\t%s\t%s\t%.1f\t%.1f\n", kp->root, derm_view_to_string (kp->view),
                   derm_side_to_string (kp->side), kp->x, kp->y);
        }
      return EXIT_FOUND;
    }

  if (g_strcmp0 (command, "search") == 0)
    {
      g_autoptr (GPtrArray) hits = derm_atlas_search (atlas, search);

      for (guint i = 0; i < hits->len; i++)
        {
          const DermSearchHit *hit = g_ptr_array_index (hits, i);

          if (hit->root != NULL)
            g_print ("root\t%s\t%s\n", hit->root->id,
                     derm_root_get_statement (hit->root, "summary", -1)->text);
          else
            {
              g_autofree char *title = derm_region_dup_title (hit->region);
              g_autofree char *roots = join_roots (derm_map_get_roots (map, hit->region));
              g_print ("region\t%s\t%s\t%s\t%s\t%s\n", derm_view_to_string (hit->region->view),
                       derm_side_to_string (hit->region->side), hit->region->name_id, title, roots);
            }
        }
      if (hits->len == 0)
        {
          g_printerr ("dermatomes: %s\n", _("nothing matches"));
          return EXIT_NOT_FOUND;
        }
      return EXIT_FOUND;
    }

  g_assert_not_reached ();
  return EXIT_USAGE;
}
