/* fuzz-driver.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs a fuzz target over every file of its corpus folder (or the files
 * given), so that each target is also an ordinary test.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <stdio.h>

#include "fuzz.h"

static int
run_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  LLVMFuzzerTestOneInput ((const unsigned char *) contents, length);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr (GDir) dir = g_dir_open (argv[i], 0, NULL);
          const char *name;

          while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *path = g_build_filename (argv[i], name, NULL);
              if (run_file (path) != 0)
                return 1;
              n++;
            }
        }
      else if (run_file (argv[i]) != 0)
        return 1;
      else
        n++;
    }
  printf ("1..1\nok 1 - %u inputs\n", n);
  return n > 0 ? 0 : 1;
}
