/* fuzz-cli.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line on any arguments: the bytes, cut at newlines, are the
 * arguments after "dermatomes". Every run must end with an exit status and
 * never crash or warn. Each run works in a scratch folder of its own:
 * arguments that name another folder (a '/'), ask for help (which exits)
 * or for a bus service are left out, and a PNG is kept small so that a
 * run stays quick. Built with libFuzzer this is a fuzz target; built
 * plainly, fuzz-driver.c runs it over the committed corpus as a test.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz.h"

#include "derm-cli.h"

#define MAX_ARGS 24

static char *scratch;

/* a chart the arguments may name as "chart.dermchart" (the cauda equina
 * chart of the chart corpus) */
static const char chart[] =
  "{\"format\":\"dermatomes-chart\",\"version\":1,\"title\":\"Back pain, both legs weak, numb saddle a"
  "nd urinary retention\",\"sensory\":[{\"view\":\"posterior\",\"side\":\"mid\",\"region\":\"perianal-outer"
  "\",\"finding\":\"absent\"},{\"view\":\"posterior\",\"side\":\"mid\",\"region\":\"perianal-inner\",\"finding\""
  ":\"absent\"},{\"view\":\"posterior\",\"side\":\"left\",\"region\":\"buttock-medial\",\"finding\":\"reduced\""
  "},{\"view\":\"posterior\",\"side\":\"right\",\"region\":\"buttock-medial\",\"finding\":\"reduced\"},{\"view"
  "\":\"anterior\",\"side\":\"left\",\"region\":\"lateral-foot\",\"finding\":\"reduced\"},{\"view\":\"anterior\""
  ",\"side\":\"right\",\"region\":\"lateral-foot\",\"finding\":\"reduced\"}],\"motor\":[{\"test\":\"ankle-plan"
  "tar-flexion\",\"side\":\"left\",\"grade\":4},{\"test\":\"ankle-plantar-flexion\",\"side\":\"right\",\"grad"
  "e\":4},{\"test\":\"anal-contraction\",\"side\":\"mid\",\"grade\":2}],\"reflexes\":[{\"reflex\":\"ankle-jer"
  "k\",\"side\":\"left\",\"grade\":0},{\"reflex\":\"ankle-jerk\",\"side\":\"right\",\"grade\":0},{\"reflex\":\"an"
  "al-wink\",\"side\":\"mid\",\"grade\":0}],\"red-flags\":[\"saddle-anaesthesia\",\"bladder\"]}";

static int
local_options_cb (GApplication *app,
                  GVariantDict *options)
{
  int status = derm_cli_handle_local_options (app, options);

  /* -1 would open the window: there is none here */
  return status < 0 ? 0 : status;
}

static gboolean
acceptable (const char *arg,
            const char *previous)
{
  if (strchr (arg, '/') != NULL || g_str_has_prefix (arg, "--gapplication") ||
      g_str_has_prefix (arg, "--help") || g_str_equal (arg, "--"))
    return FALSE;
  /* short options: GOption's -h and -? print help and exit */
  if (arg[0] == '-' && arg[1] != '-' && (strchr (arg, 'h') != NULL || strchr (arg, '?') != NULL))
    return FALSE;
  if (g_str_has_prefix (arg, "--width="))
    return atoi (arg + 8) <= 400;
  if (previous != NULL && g_str_equal (previous, "--width"))
    return atoi (arg) <= 400;
  return TRUE;
}

static void
empty_scratch (void)
{
  g_autoptr (GDir) dir = g_dir_open (scratch, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, "chart.dermchart"))
      {
        g_autofree char *path = g_build_filename (scratch, name, NULL);

        if (g_file_test (path, G_FILE_TEST_IS_DIR))
          g_rmdir (path);
        else
          g_unlink (path);
      }
}

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GApplication) app = NULL;
  g_auto (GStrv) protected = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  int status, saved_stdout, null, here;

  fuzz_set_logging_func ();
  if (scratch == NULL)
    {
      g_autofree char *chart_path = NULL;

      scratch = g_dir_make_tmp ("derm-fuzz-cli-XXXXXX", NULL);
      g_assert_nonnull (scratch);
      chart_path = g_build_filename (scratch, "chart.dermchart", NULL);
      g_assert_true (g_file_set_contents (chart_path, chart, -1, NULL));
    }

  if (size > 4096)
    return 0;
  text = g_strndup ((const char *) data, size);
  lines = g_strsplit (text, "\n", MAX_ARGS + 1);
  g_ptr_array_add (args, g_strdup ("dermatomes"));
  for (guint i = 0; lines[i] != NULL && i < MAX_ARGS; i++)
    {
      if (!acceptable (lines[i], i > 0 ? lines[i - 1] : NULL))
        return 0;
      g_ptr_array_add (args, g_strdup (lines[i]));
    }

  app = g_application_new ("io.github.dermatomes.Dermatomes.Fuzz", G_APPLICATION_NON_UNIQUE);
  derm_cli_add_options (app);
  g_signal_connect (app, "handle-local-options", G_CALLBACK (local_options_cb), NULL);
  protected = derm_cli_protect_negative_numbers ((int) args->len, (char **) args->pdata);
  /* what the commands print is not looked at (the driver's own report is) */
  /* in the scratch folder for this run only: libFuzzer reads its corpus
   * by names relative to where it was started */
  here = open (".", O_RDONLY | O_DIRECTORY);
  g_assert_cmpint (here, >=, 0);
  g_assert_cmpint (chdir (scratch), ==, 0);
  fflush (stdout);
  saved_stdout = dup (STDOUT_FILENO);
  null = open ("/dev/null", O_WRONLY);
  if (null >= 0)
    dup2 (null, STDOUT_FILENO);
  status = derm_cli_exit_status (g_application_run (app, (int) args->len, protected));
  fflush (stdout);
  if (saved_stdout >= 0)
    {
      dup2 (saved_stdout, STDOUT_FILENO);
      close (saved_stdout);
    }
  if (null >= 0)
    close (null);
  g_assert_cmpint (fchdir (here), ==, 0);
  close (here);
  /* the contract's statuses (ARCHITECTURE.md): 0 found, 1 not found, 2 usage */
  g_assert_cmpint (status, >=, 0);
  g_assert_cmpint (status, <=, 2);
  empty_scratch ();
  return 0;
}
