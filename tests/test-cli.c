/* test-cli.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line of ARCHITECTURE.md: output columns and exit codes, run
 * as a separate process with no display.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

typedef struct {
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run *run, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) envp = g_get_environ ();
  const char *arg;
  va_list args;
  int wait_status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("DERMATOMES_BIN"));
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* headless: no display of any kind */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static void
test_version (void)
{
  g_auto (Run) run = { 0 };

  run_cli (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "dermatomes "));
}

static void
test_list_roots (void)
{
  g_auto (Run) run = { 0 };

  run_cli (&run, "--list-roots", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 12);
  g_assert_true (g_str_has_prefix (run.out, "T10\t"));
  g_assert_nonnull (strstr (run.out, "\nT11\t"));
  g_assert_nonnull (strstr (run.out, "\nS4-5\t"));
}

static void
test_list_maps (void)
{
  g_auto (Run) run = { 0 };
  g_auto (GStrv) fields = NULL;

  run_cli (&run, "--list-maps", NULL);
  g_assert_cmpint (run.status, ==, 0);
  fields = g_strsplit (run.out, "\t", -1);
  g_assert_cmpstr (fields[0], ==, "isncsci");
  g_assert_cmpuint (g_strv_length (fields), >=, 3);
}

static void
test_info (void)
{
  g_auto (Run) run = { 0 };
  g_auto (Run) missing = { 0 };

  run_cli (&run, "--info", "L4", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "root\tL4\n"));
  g_assert_nonnull (strstr (run.out, "\nkey-point-anterior\t"));
  g_assert_nonnull (strstr (run.out, "\nkey-muscle\t"));
  g_assert_nonnull (strstr (run.out, "\nreflex\t"));
  g_assert_nonnull (strstr (run.out, "[is19"));
  g_assert_nonnull (strstr (run.out, "medial malleolus"));
  /* each cited source once, with its full citation */
  g_assert_nonnull (strstr (run.out, "\nsource\tis19: Rupp R"));
  g_assert_null (strstr (strstr (run.out, "\nsource\tis19: ") + 1, "\nsource\tis19: "));

  run_cli (&missing, "--info", "L9", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_cmpstr (missing.out, ==, "");
  g_assert_nonnull (strstr (missing.err, "no such root"));
}

static void
test_regions_round_trip (void)
{
  g_auto (Run) run = { 0 };
  g_auto (GStrv) lines = NULL;
  guint n = 0;

  run_cli (&run, "--regions", "--view", "anterior", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_auto (Run) zone = { 0 };
      g_autofree char *expected = g_strconcat (lines[i], "\n", NULL);

      g_assert_cmpuint (g_strv_length (fields), ==, 7);
      g_assert_cmpstr (fields[0], ==, "anterior");
      /* the point given for a region is inside it */
      if (i % 7 == 0)
        {
          run_cli (&zone, "--zone-at", "anterior", fields[3], fields[4], NULL);
          g_assert_cmpint (zone.status, ==, 0);
          g_assert_cmpstr (zone.out, ==, expected);
        }
      n++;
    }
  g_assert_cmpuint (n, >=, 2 * 26 + 1);
}

static void
test_zone_at (void)
{
  g_auto (Run) outside = { 0 };
  g_auto (Run) bad_number = { 0 };
  g_auto (Run) too_few = { 0 };
  g_auto (Run) bad_view = { 0 };

  run_cli (&outside, "--zone-at", "anterior", "2", "2", NULL);
  g_assert_cmpint (outside.status, ==, 1);
  run_cli (&bad_number, "--zone-at", "anterior", "abc", "5", NULL);
  g_assert_cmpint (bad_number.status, ==, 2);
  g_assert_nonnull (strstr (bad_number.err, "abc"));
  run_cli (&too_few, "--zone-at", "anterior", "100", NULL);
  g_assert_cmpint (too_few.status, ==, 2);

  /* numbers that are no place (NaN was cast to int) are refused and
   * named; negative ones need no "--" */
  {
    const char *cases[][3] = {
      { "nan", "nan", "nan" }, { "100", "inf", "inf" }, { "-inf", "5", "-inf" }, { "1e999", "5", "1e999" },
    };
    g_auto (Run) negative = { 0 };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_auto (Run) run = { 0 };

        run_cli (&run, "--zone-at", "anterior", cases[i][0], cases[i][1], NULL);
        g_assert_cmpint (run.status, ==, 2);
        g_assert_cmpstr (run.out, ==, "");
        g_assert_nonnull (strstr (run.err, cases[i][2]));
      }
    run_cli (&negative, "--zone-at", "anterior", "-5", "-10", NULL);
    g_assert_cmpint (negative.status, ==, 1);
    g_assert_nonnull (strstr (negative.err, "no skin region"));
  }
  run_cli (&bad_view, "--zone-at", "sideways", "100", "100", NULL);
  g_assert_cmpint (bad_view.status, ==, 2);
  g_assert_nonnull (strstr (bad_view.err, "sideways"));
}

static void
test_key_points (void)
{
  g_auto (Run) run = { 0 };
  g_auto (GStrv) lines = NULL;
  gboolean found = FALSE;

  run_cli (&run, "--key-points", NULL);
  g_assert_cmpint (run.status, ==, 0);
  /* twelve roots on both sides, S4-5 too */
  g_assert_cmpuint (count_lines (run.out), ==, 24);
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);
      g_auto (Run) zone = { 0 };

      if (g_strv_length (f) != 5 || strcmp (f[0], "L4") != 0 || strcmp (f[2], "left") != 0)
        continue;
      run_cli (&zone, "--zone-at", f[1], f[3], f[4], NULL);
      g_assert_cmpint (zone.status, ==, 0);
      g_assert_true (g_str_has_prefix (zone.out, "anterior\tleft\tmedial-malleolus\t"));
      found = TRUE;
    }
  g_assert_true (found);
}

static void
test_search (void)
{
  g_auto (Run) run = { 0 };
  g_auto (Run) none = { 0 };

  run_cli (&run, "--search", "big toe", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\tgreat-toe-dorsal\t"));
  run_cli (&none, "--search", "elbow", NULL);
  g_assert_cmpint (none.status, ==, 1);

  /* what clinicians type, in the same two line formats: a root's picture
   * finds the root, a nerve the regions of its skin */
  {
    g_auto (Run) drop = { 0 };
    g_auto (Run) sural = { 0 };

    run_cli (&drop, "--search", "foot drop", NULL);
    g_assert_cmpint (drop.status, ==, 0);
    g_assert_true (g_str_has_prefix (drop.out, "root\tL5\t"));
    run_cli (&sural, "--search", "sural", NULL);
    g_assert_cmpint (sural.status, ==, 0);
    {
      g_auto (GStrv) lines = g_strsplit (sural.out, "\n", 2);
      g_auto (GStrv) fields = g_strsplit (lines[0], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 6);
      g_assert_cmpstr (fields[0], ==, "region");
      g_assert_cmpstr (fields[3], ==, "posterolateral-calf");
    }
  }
}

static void
test_list_nerves (void)
{
  g_auto (Run) run = { 0 };
  g_auto (GStrv) lines = NULL;

  run_cli (&run, "--list-nerves", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 28);
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (f), ==, 3);
      g_assert_cmpstr (f[1], !=, "");
      g_assert_cmpstr (f[2], !=, "");
    }
  /* data order, roots comma-separated */
  g_assert_true (g_str_has_prefix (run.out, "iliohypogastric\t"));
  g_assert_nonnull (strstr (run.out, "\nsaphenous\tsaphenous nerve\tL3,L4\n"));
  g_assert_nonnull (strstr (run.out, "\nsural\tsural nerve\tS1,S2\n"));
}

static void
test_nerve_info (void)
{
  g_auto (Run) run = { 0 };
  g_auto (Run) missing = { 0 };

  run_cli (&run, "--nerve-info", "saphenous", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "id\tsaphenous\nname\tsaphenous nerve\nroots\tL3,L4\n"));
  g_assert_nonnull (strstr (run.out, "\nterritory\tmedial knee"));
  g_assert_nonnull (strstr (run.out, "\nregions\t"));
  g_assert_nonnull (strstr (run.out, "medial-malleolus"));
  g_assert_nonnull (strstr (run.out, "\ndistinguish\tsensory only"));
  g_assert_nonnull (strstr (run.out, "[preston-shapiro]\n"));
  g_assert_nonnull (strstr (run.out, "\nsources\tmoore,preston-shapiro\n"));

  run_cli (&missing, "--nerve-info", "nope", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_cmpstr (missing.out, ==, "");
  g_assert_nonnull (strstr (missing.err, "no such nerve"));
}

/* The value of a FIELD<TAB>VALUE line of the output, or "". */
static char *
field_line (const char *out,
            const char *field)
{
  g_autofree char *prefix = g_strdup_printf ("\n%s\t", field);
  const char *start = strstr (out, prefix);
  const char *end;

  if (start == NULL)
    return g_strdup ("");
  start += strlen (prefix);
  end = strchr (start, '\n');
  return end != NULL ? g_strndup (start, end - start) : g_strdup (start);
}

static void
test_info_key_point_region (void)
{
  g_auto (Run) l4 = { 0 };
  g_auto (Run) s45 = { 0 };
  g_auto (Run) kg = { 0 };

  run_cli (&l4, "--info", "L4", NULL);
  g_assert_cmpint (l4.status, ==, 0);
  g_assert_nonnull (strstr (l4.out, "\nkey-point-region\tmedial malleolus\n"));
  g_assert_nonnull (strstr (l4.out, "\nregions-anterior\t"));
  g_assert_nonnull (strstr (l4.out, "\nregions-posterior\t"));
  /* the midline key point */
  run_cli (&s45, "--info", "S4-5", NULL);
  g_assert_nonnull (strstr (s45.out, "\nkey-point-region\tinner perianal ring\n"));
  /* regions follow --map: the patella is L4 on Keegan and Garrett */
  run_cli (&kg, "--info", "L4", "--map", "keegan-garrett", NULL);
  g_assert_nonnull (strstr (kg.out, "\nmap\tkeegan-garrett\n"));
  {
    g_autofree char *kg_regions = field_line (kg.out, "regions-anterior");
    g_autofree char *isncsci_regions = field_line (l4.out, "regions-anterior");

    g_assert_nonnull (strstr (kg_regions, "patella"));
    g_assert_nonnull (strstr (kg_regions, "[keegan-garrett]"));
    g_assert_null (strstr (isncsci_regions, "patella"));
    g_assert_nonnull (strstr (isncsci_regions, "[isncsci]"));
  }
}

static void
test_regions_nerves (void)
{
  g_auto (Run) run = { 0 };
  g_auto (GStrv) lines = NULL;
  guint found = 0;

  run_cli (&run, "--regions", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (f) != 7 || strcmp (f[2], "medial-malleolus") != 0)
        continue;
      g_assert_cmpstr (f[6], !=, "-");
      g_assert_cmpstr (f[6], !=, "");
      g_assert_nonnull (strstr (f[6], "saphenous"));
      found++;
    }
  g_assert_cmpuint (found, ==, 2);
}

static void
test_bad_usage (void)
{
  const char *cases[][4] = {
    { "--map", "nope", "--regions", NULL },
    { "--regions", "--list-roots", NULL },
    { "--regions", "--view", "lateral", NULL },
    { "--info", NULL },
    { "stray-argument", NULL },
    { "--no-such-option", NULL },
    { "--map", "isncsci", NULL },
    { "--list-nerves", "--list-roots", NULL },
    { "--nerve-info", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Run) run = { 0 };

      run_cli (&run, cases[i][0], cases[i][1], cases[i][2], cases[i][3], NULL);
      if (run.status != 2)
        g_error ("%s %s: exit %d, expected 2", cases[i][0], cases[i][1] ? cases[i][1] : "", run.status);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, !=, "");
    }
}

static char *
export_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("derm-cli-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *path)
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

static guint
count_files (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_export (void)
{
  g_autofree char *dir = export_dir ();
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "gray.PNG", NULL);
  g_autofree char *svg = g_build_filename (dir, "front.svg", NULL);
  g_autofree char *sheet = g_build_filename (dir, "sheet.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  {
    g_auto (Run) run = { 0 };

    run_cli (&run, "--export", pdf, "--legend", "--map", "keegan-garrett", "--title", "Handout", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    g_clear_pointer (&contents, g_free);
  }
  {
    g_auto (Run) run = { 0 };

    run_cli (&run, "--export", png, "--style", "grayscale", "--width", "300", "--highlight", "l4",
             "--paper", "letter", "--landscape", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
    g_assert_true (memcmp (contents, "\x89PNG", 4) == 0);
    /* 300 pixels wide: the width field of the IHDR chunk */
    g_assert_cmpint (((guchar) contents[18] << 8) | (guchar) contents[19], ==, 300);
    g_clear_pointer (&contents, g_free);
  }
  {
    g_auto (Run) run = { 0 };

    run_cli (&run, "--export", svg, "--view", "anterior", "--no-labels", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (svg, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_auto (Run) run = { 0 };

    run_cli (&run, "--export", sheet, "--style", "worksheet", "--answer-key", "--view", "both", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (sheet, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_auto (Run) run = { 0 };
    g_auto (Run) no_export = { 0 };
    g_autofree char *each = g_build_filename (dir, "each.png", NULL);
    guint height;

    /* each view on a page of its own, the pages one under the other, with
     * the overlays the window shows */
    run_cli (&run, "--export", each, "--view", "each", "--nerves", "--key-points", "--width", "300", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_true (g_file_get_contents (each, &contents, &length, NULL));
    height = ((guchar) contents[22] << 8) | (guchar) contents[23];
    g_assert_cmpuint (height, >=, 2 * 424);
    g_assert_cmpuint (height, <=, 2 * 425 + 1);
    g_clear_pointer (&contents, g_free);

    run_cli (&no_export, "--nerves", NULL);
    g_assert_cmpint (no_export.status, ==, 2);
  }
  remove_dir (dir);
}

static void
test_export_bad_usage (void)
{
  g_autofree char *dir = export_dir ();
  g_autofree char *pdf = g_build_filename (dir, "x.pdf", NULL);
  g_autofree char *txt = g_build_filename (dir, "x.txt", NULL);
  const char *cases[][5] = {
    /* the arguments, then a word the message must name */
    { "--style", "sepia", NULL, NULL, "sepia" },
    { "--paper", "a5", NULL, NULL, "a5" },
    { "--view", "lateral", NULL, NULL, "lateral" },
    { "--highlight", "L9", NULL, NULL, "L9" },
    { "--width", "99", NULL, NULL, "99" },
    { "--width", "20001", NULL, NULL, "20001" },
    { "--width", "wide", NULL, NULL, "wide" },
    { "--answer-key", NULL, NULL, NULL, "answer-key" },
    { "--style", "color", "--answer-key", NULL, "answer-key" },
    { "--map", "nope", NULL, NULL, "nope" },
    { "--labels", "--no-labels", NULL, NULL, "labels" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Run) run = { 0 };

      run_cli (&run, "--export", pdf, cases[i][0], cases[i][1], cases[i][2], cases[i][3], NULL);
      if (run.status != 2)
        g_error ("--export %s %s: exit %d, expected 2", cases[i][0], cases[i][1] ? cases[i][1] : "", run.status);
      g_assert_cmpstr (run.out, ==, "");
      if (strstr (run.err, cases[i][4]) == NULL)
        g_error ("--export %s %s: the message does not name “%s”: %s",
                 cases[i][0], cases[i][1] ? cases[i][1] : "", cases[i][4], run.err);
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }

  /* a format it cannot write, and export options without --export */
  {
    g_auto (Run) run = { 0 };

    run_cli (&run, "--export", txt, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, txt));
  }
  {
    g_auto (Run) run = { 0 };

    run_cli (&run, "--style", "grayscale", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--export"));
  }
  {
    g_auto (Run) run = { 0 };

    run_cli (&run, "--export", pdf, "--list-roots", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  g_assert_cmpuint (count_files (dir), ==, 0);
  remove_dir (dir);
}

static void
test_export_unwritable (void)
{
  g_autofree char *dir = export_dir ();
  g_autofree char *blocker = g_build_filename (dir, "file", NULL);
  g_autofree char *path = g_build_filename (blocker, "map.pdf", NULL);
  g_auto (Run) run = { 0 };

  /* a file where a directory should be: unwritable, even for root */
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  run_cli (&run, "--export", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, path));
  g_assert_cmpuint (count_files (dir), ==, 1);
  remove_dir (dir);
}

static void
check_quiz_lines (const char *out,
                  guint       count,
                  const char *kind)
{
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);

  g_assert_cmpuint (count_lines (out), ==, count);
  for (guint i = 0; i < count; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      /* NUMBER KIND PROMPT ANSWER TARGET */
      g_assert_cmpuint (g_strv_length (fields), ==, 5);
      g_assert_cmpstr (fields[0], ==, number);
      if (kind != NULL)
        g_assert_cmpstr (fields[1], ==, kind);
      g_assert_cmpstr (fields[2], !=, "");
      g_assert_cmpstr (fields[3], !=, "");
      if (strcmp (fields[4], "-") != 0)
        {
          g_auto (GStrv) target = g_strsplit (fields[4], ":", -1);

          g_assert_cmpuint (g_strv_length (target), ==, 3);
          g_assert_true (strcmp (target[0], "anterior") == 0 || strcmp (target[0], "posterior") == 0);
          g_assert_true (strcmp (target[1], "left") == 0 || strcmp (target[1], "right") == 0 ||
                         strcmp (target[1], "mid") == 0);
          g_assert_true (strcmp (fields[1], "name-root") == 0 || strcmp (fields[1], "key-point") == 0);
        }
      else
        g_assert_cmpstr (fields[1], !=, "name-root");
    }
}

static void
test_quiz (void)
{
  g_auto (Run) run = { 0 };
  g_auto (Run) again = { 0 };
  g_auto (Run) other = { 0 };
  g_auto (Run) lee = { 0 };

  run_cli (&run, "--quiz", "--seed", "1", "--count", "12", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  check_quiz_lines (run.out, 12, NULL);

  /* the same seed, the same quiz; another seed, another quiz */
  run_cli (&again, "--quiz", "--seed", "1", "--count", "12", NULL);
  g_assert_cmpstr (again.out, ==, run.out);
  run_cli (&other, "--quiz", "--seed", "2", "--count", "12", NULL);
  g_assert_cmpint (other.status, ==, 0);
  g_assert_cmpstr (other.out, !=, run.out);

  /* Lee 2008 draws no S3-S5: never asked to find them */
  run_cli (&lee, "--quiz", "--seed", "9", "--count", "200", "--map", "lee2008", "--kinds", "find-root", NULL);
  g_assert_cmpint (lee.status, ==, 0);
  check_quiz_lines (lee.out, 200, "find-root");
  g_assert_null (strstr (lee.out, "\tS3\t"));
  g_assert_null (strstr (lee.out, "\tS4-5\t"));
  g_assert_nonnull (strstr (lee.out, "\tL5\t"));
}

static void
test_quiz_seed (void)
{
  g_auto (Run) clock = { 0 };
  g_auto (Run) replay = { 0 };
  g_auto (Run) biggest = { 0 };
  g_autofree char *seed = NULL;

  /* a seed from the clock, told on stderr so the quiz can be asked again */
  run_cli (&clock, "--quiz", NULL);
  g_assert_cmpint (clock.status, ==, 0);
  check_quiz_lines (clock.out, 10, NULL);
  g_assert_true (g_str_has_prefix (clock.err, "# seed "));
  seed = g_strstrip (g_strdup (clock.err + strlen ("# seed ")));
  run_cli (&replay, "--quiz", "--seed", seed, NULL);
  g_assert_cmpint (replay.status, ==, 0);
  g_assert_cmpstr (replay.out, ==, clock.out);

  run_cli (&biggest, "--quiz", "--seed", "18446744073709551615", "--count", "3", NULL);
  g_assert_cmpint (biggest.status, ==, 0);
  check_quiz_lines (biggest.out, 3, NULL);
}

static void
test_quiz_kinds (void)
{
  const char *kinds[] = { "find-root", "name-root", "key-point", "motor", "reflex", "root-or-nerve" };

  /* every kind is reachable */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_auto (Run) run = { 0 };

      run_cli (&run, "--quiz", "--seed", "5", "--count", "4", "--kinds", kinds[i], NULL);
      g_assert_cmpint (run.status, ==, 0);
      check_quiz_lines (run.out, 4, kinds[i]);
    }
  {
    g_auto (Run) run = { 0 };

    run_cli (&run, "--quiz", "--seed", "5", "--count", "20", "--kinds", "motor,reflex", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "\tmotor\t"));
    g_assert_nonnull (strstr (run.out, "\treflex\t"));
    g_assert_null (strstr (run.out, "\tfind-root\t"));
  }
}

static void
test_quiz_count (void)
{
  const struct {
    const char *count;
    int         status;
    guint       lines;
  } cases[] = {
    { "0", 2, 0 }, { "1", 0, 1 }, { "200", 0, 200 }, { "201", 2, 0 }, { "-3", 2, 0 }, { "many", 2, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Run) run = { 0 };

      run_cli (&run, "--quiz", "--seed", "3", "--count", cases[i].count, NULL);
      if (run.status != cases[i].status)
        g_error ("--count %s: exit %d, expected %d", cases[i].count, run.status, cases[i].status);
      if (cases[i].status == 0)
        check_quiz_lines (run.out, cases[i].lines, NULL);
      else
        {
          g_assert_cmpstr (run.out, ==, "");
          g_assert_nonnull (strstr (run.err, cases[i].count));
        }
    }
}

static void
test_quiz_bad_usage (void)
{
  const char *cases[][6] = {
    /* the arguments, then a word the message must name */
    { "--quiz", "--kinds", "find-root,nope", NULL, NULL, "nope" },
    { "--quiz", "--kinds", "", NULL, NULL, "kinds" },
    { "--quiz", "--seed", "abc", NULL, NULL, "abc" },
    { "--quiz", "--seed", "-1", NULL, NULL, "-1" },
    { "--quiz", "--seed", "18446744073709551616", NULL, NULL, "18446744073709551616" },
    { "--quiz", "--seed", " 7", NULL, NULL, " 7" },
    { "--quiz", "--map", "nope", NULL, NULL, "nope" },
    { "--quiz", "--paper", "a4", NULL, NULL, "paper" },
    { "--quiz", "--view", "anterior", NULL, NULL, "view" },
    { "--seed", "1", "--list-roots", NULL, NULL, "seed" },
    { "--count", "3", NULL, NULL, NULL, "count" },
    { "--kinds", "motor", "--regions", NULL, NULL, "kinds" },
    { "--quiz", "--export-quiz", "x.pdf", NULL, NULL, "quiz" },
    { "--quiz", "stray", NULL, NULL, NULL, "stray" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Run) run = { 0 };

      run_cli (&run, cases[i][0], cases[i][1], cases[i][2], cases[i][3], cases[i][4], NULL);
      if (run.status != 2)
        g_error ("%s %s %s: exit %d, expected 2", cases[i][0], cases[i][1] ? cases[i][1] : "",
                 cases[i][2] ? cases[i][2] : "", run.status);
      g_assert_cmpstr (run.out, ==, "");
      if (strstr (run.err, cases[i][5]) == NULL)
        g_error ("%s %s: the message does not name “%s”: %s", cases[i][0], cases[i][1] ? cases[i][1] : "",
                 cases[i][5], run.err);
    }
}

static guint
count_pdf_pages (const char *data,
                 gsize       length)
{
  const char *word = "/Type /Page";
  gsize n_word = strlen (word);
  guint n = 0;

  for (gsize i = 0; i + n_word < length; i++)
    if (memcmp (data + i, word, n_word) == 0)
      n += data[i + n_word] != 's';
  return n;
}

static void
test_export_quiz (void)
{
  g_autofree char *dir = export_dir ();
  g_autofree char *pdf = g_build_filename (dir, "quiz.pdf", NULL);
  g_autofree char *again = g_build_filename (dir, "again.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "quiz.png", NULL);
  g_autofree char *blocker = g_build_filename (dir, "file", NULL);
  g_autofree char *unwritable = g_build_filename (blocker, "quiz.pdf", NULL);
  g_autofree char *contents = NULL, *contents_again = NULL;
  gsize length, length_again;

  {
    g_auto (Run) run = { 0 };

    run_cli (&run, "--export-quiz", pdf, "--seed", "4", "--count", "12", "--map", "keegan-garrett", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    /* the questions, then the answer key */
    g_assert_cmpuint (count_pdf_pages (contents, length), >=, 2);
  }
  {
    g_auto (Run) run = { 0 };

    /* the same seed draws the same pages */
    run_cli (&run, "--export-quiz", again, "--seed", "4", "--count", "12", "--map", "keegan-garrett", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (again, &contents_again, &length_again, NULL));
    g_assert_cmpuint (count_pdf_pages (contents_again, length_again), ==, count_pdf_pages (contents, length));
    g_remove (again);
  }
  {
    g_auto (Run) run = { 0 };

    run_cli (&run, "--export-quiz", pdf, "--seed", "4", "--count", "200", "--paper", "letter", "--landscape", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_clear_pointer (&contents, g_free);
    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_cmpuint (count_pdf_pages (contents, length), >, 4);
  }
  g_remove (pdf);
  {
    g_auto (Run) run = { 0 };

    run_cli (&run, "--export-quiz", png, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, png));
  }
  {
    g_auto (Run) run = { 0 };

    run_cli (&run, "--export-quiz", pdf, "--paper", "a5", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "a5"));
  }
  {
    g_auto (Run) run = { 0 };

    run_cli (&run, "--export-quiz", pdf, "--legend", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "legend"));
  }
  g_assert_cmpuint (count_files (dir), ==, 0);
  {
    g_auto (Run) run = { 0 };

    /* a file where a directory should be */
    g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
    run_cli (&run, "--export-quiz", unwritable, "--seed", "1", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, unwritable));
    g_assert_cmpuint (count_files (dir), ==, 1);
  }
  remove_dir (dir);
}

static char *
chart_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "charts", name, NULL);
}

/* CHART.md: RANK KIND ID SIDE SCORE WHY, best first, scores in 0..1 with
 * two decimals and not increasing; the reminder on stderr. */
static void
test_localize (void)
{
  g_autofree char *path = chart_path ("fibular-vs-l5.dermchart");
  g_auto (Run) run = { 0 };
  g_auto (GStrv) lines = NULL;
  double previous = 1.0;

  run_cli (&run, "--localize", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "1\tnerve\tcommon-fibular\tleft\t0."));
  g_assert_nonnull (strstr (run.out, "\troot\tL5\tleft\t"));
  g_assert_nonnull (strstr (run.err, "not a diagnosis"));
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);
      g_autofree char *rank = g_strdup_printf ("%u", i + 1);
      double score;

      g_assert_cmpuint (g_strv_length (f), ==, 6);
      g_assert_cmpstr (f[0], ==, rank);
      g_assert_true (g_strv_contains ((const char * const[]) { "root", "nerve", "pattern", NULL }, f[1]));
      g_assert_true (g_strv_contains ((const char * const[]) { "left", "right", "both", "mid", NULL }, f[3]));
      g_assert_cmpuint (strlen (f[4]), ==, 4);
      score = g_ascii_strtod (f[4], NULL);
      g_assert_cmpfloat (score, >=, 0.0);
      g_assert_cmpfloat (score, <=, previous);
      previous = score;
      g_assert_cmpstr (f[5], !=, "");
    }
}

static void
test_localize_exit_codes (void)
{
  g_autofree char *normal = chart_path ("normal.dermchart");
  g_autofree char *fibular = chart_path ("fibular-vs-l5.dermchart");
  g_autofree char *dir = g_dir_make_tmp ("derm-cli-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.dermchart", NULL);
  g_auto (Run) nothing = { 0 }, broken = { 0 }, missing = { 0 }, map = { 0 }, other_map = { 0 }, view = { 0 };

  /* nothing abnormal: 1 and a message */
  run_cli (&nothing, "--localize", normal, NULL);
  g_assert_cmpint (nothing.status, ==, 1);
  g_assert_cmpstr (nothing.out, ==, "");
  g_assert_nonnull (strstr (nothing.err, "no abnormal finding"));

  /* a bad chart: 2, naming the file, the line and the member */
  g_assert_true (g_file_set_contents (bad, "{\"format\": \"dermatomes-chart\", \"version\": 1,\n"
                                      " \"motor\": [{\"test\": \"hip-flexion\", \"side\": \"left\", \"grade\": 9}]}\n",
                                      -1, NULL));
  run_cli (&broken, "--localize", bad, NULL);
  g_assert_cmpint (broken.status, ==, 2);
  g_assert_nonnull (strstr (broken.err, "bad.dermchart:2:"));
  g_assert_nonnull (strstr (broken.err, "motor[0].grade"));

  run_cli (&missing, "--localize", "/nonexistent/chart.dermchart", NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "/nonexistent/chart.dermchart"));

  run_cli (&map, "--localize", fibular, "--map", "nope", NULL);
  g_assert_cmpint (map.status, ==, 2);

  /* --map overrides the chart's map */
  run_cli (&other_map, "--localize", fibular, "--map", "keegan-garrett", NULL);
  g_assert_cmpint (other_map.status, ==, 0);
  g_assert_nonnull (strstr (other_map.err, "map keegan-garrett"));

  run_cli (&view, "--localize", fibular, "--view", "anterior", NULL);
  g_assert_cmpint (view.status, ==, 2);

  g_unlink (bad);
  g_rmdir (dir);
}

/* --export --chart: the record of a chart; options that shape a map alone
 * do not go with it */
static void
test_export_chart (void)
{
  g_autofree char *chart = chart_path ("cauda-equina.dermchart");
  g_autofree char *normal = chart_path ("normal.dermchart");
  g_autofree char *dir = g_dir_make_tmp ("derm-cli-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "record.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "record.png", NULL);
  g_autofree char *none = g_build_filename (dir, "none.pdf", NULL);
  g_auto (Run) run = { 0 }, run_png = { 0 }, style = { 0 }, bad = { 0 }, empty = { 0 };
  g_autofree char *contents = NULL;
  gsize length = 0;

  run_cli (&run, "--export", pdf, "--chart", chart, "--paper", "letter", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_clear_pointer (&contents, g_free);

  run_cli (&run_png, "--export", png, "--chart", chart, "--width", "600", NULL);
  g_assert_cmpint (run_png.status, ==, 0);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_true (length > 8 && memcmp (contents, "\x89PNG", 4) == 0);

  run_cli (&style, "--export", pdf, "--chart", chart, "--style", "worksheet", NULL);
  g_assert_cmpint (style.status, ==, 2);
  g_assert_nonnull (strstr (style.err, "--style does not go with --chart"));

  run_cli (&bad, "--export", pdf, "--chart", "/nonexistent.dermchart", NULL);
  g_assert_cmpint (bad.status, ==, 2);

  /* a chart with nothing abnormal still prints as a record */
  run_cli (&empty, "--export", none, "--chart", normal, NULL);
  g_assert_cmpint (empty.status, ==, 0);

  g_unlink (pdf);
  g_unlink (png);
  g_unlink (none);
  g_rmdir (dir);
}

/* a title longer than two lines would push the map off the page */
static void
test_export_long_title (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derm-cli-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "t.pdf", NULL);
  g_autoptr (GString) title = g_string_new (NULL);
  g_auto (Run) run = { 0 }, chart_run = { 0 };
  g_autofree char *chart = chart_path ("sural.dermchart");

  for (guint i = 0; i < 30; i++)
    g_string_append (title, "word ");
  run_cli (&run, "--export", pdf, "--title", title->str, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "too long"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  run_cli (&chart_run, "--export", pdf, "--chart", chart, "--title", title->str, NULL);
  g_assert_cmpint (chart_run.status, ==, 2);
  g_rmdir (dir);
}

/* --atlas DIR: a map of one's own, checked like the built-in one */
static void
test_atlas_dir (void)
{
  g_autofree char *mini = g_test_build_filename (G_TEST_DIST, "data", "mini", NULL);
  g_autofree char *dir = g_dir_make_tmp ("derm-cli-atlas-XXXXXX", NULL);
  g_auto (Run) run = { 0 }, missing = { 0 }, broken = { 0 };
  const char *names[] = { "atlas.xml", "anterior.svg", "posterior.svg" };

  run_cli (&run, "--atlas", mini, "--regions", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 4);
  g_assert_nonnull (strstr (run.out, "anterior\tleft\tthigh\t"));

  run_cli (&missing, "--atlas", "/nonexistent/folder", "--list-roots", NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "/nonexistent/folder"));

  /* a broken copy: the message names the file and the line */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *from = g_build_filename (mini, names[i], NULL);
      g_autofree char *to = g_build_filename (dir, names[i], NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (from, &contents, NULL, NULL));
      if (i == 0)
        {
          g_autoptr (GString) text = g_string_new (contents);
          g_string_replace (text, "roots=\"S1\"/>", "roots=\"S9\"/>", 1);
          g_assert_true (g_file_set_contents (to, text->str, -1, NULL));
        }
      else
        g_assert_true (g_file_set_contents (to, contents, -1, NULL));
    }
  run_cli (&broken, "--atlas", dir, "--regions", NULL);
  g_assert_cmpint (broken.status, ==, 2);
  g_assert_nonnull (strstr (broken.err, "atlas.xml:30: unknown root “S9”"));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *to = g_build_filename (dir, names[i], NULL);
      g_unlink (to);
    }
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("DERMATOMES_BIN"));
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/list-roots", test_list_roots);
  g_test_add_func ("/cli/list-maps", test_list_maps);
  g_test_add_func ("/cli/info", test_info);
  g_test_add_func ("/cli/regions-round-trip", test_regions_round_trip);
  g_test_add_func ("/cli/zone-at", test_zone_at);
  g_test_add_func ("/cli/key-points", test_key_points);
  g_test_add_func ("/cli/search", test_search);
  g_test_add_func ("/cli/list-nerves", test_list_nerves);
  g_test_add_func ("/cli/nerve-info", test_nerve_info);
  g_test_add_func ("/cli/info-key-point-region", test_info_key_point_region);
  g_test_add_func ("/cli/regions-nerves", test_regions_nerves);
  g_test_add_func ("/cli/bad-usage", test_bad_usage);
  g_test_add_func ("/cli/export", test_export);
  g_test_add_func ("/cli/export-bad-usage", test_export_bad_usage);
  g_test_add_func ("/cli/export-unwritable", test_export_unwritable);
  g_test_add_func ("/cli/quiz", test_quiz);
  g_test_add_func ("/cli/quiz-seed", test_quiz_seed);
  g_test_add_func ("/cli/quiz-kinds", test_quiz_kinds);
  g_test_add_func ("/cli/quiz-count", test_quiz_count);
  g_test_add_func ("/cli/quiz-bad-usage", test_quiz_bad_usage);
  g_test_add_func ("/cli/export-quiz", test_export_quiz);
  g_test_add_func ("/cli/localize", test_localize);
  g_test_add_func ("/cli/localize-exit-codes", test_localize_exit_codes);
  g_test_add_func ("/cli/export-chart", test_export_chart);
  g_test_add_func ("/cli/export-long-title", test_export_long_title);
  g_test_add_func ("/cli/atlas-dir", test_atlas_dir);

  return g_test_run ();
}
