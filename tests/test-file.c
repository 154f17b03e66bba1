/* test-file.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving: through a symbolic link the link stays; the temporary files of
 * saves cut short by a kill are cleaned up (issue 12), fresh ones of a save
 * under way are not.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "derm-file.h"

static void
test_symlink_kept (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("derm-file-XXXXXX", &error);
  g_autofree char *target = g_build_filename (dir, "real.pdf", NULL);
  g_autofree char *link = g_build_filename (dir, "link.pdf", NULL);
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.pdf", link), ==, 0);

  g_assert_true (derm_file_save_atomic (link, "new", 3, G_FILE_SET_CONTENTS_CONSISTENT, 0644, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");

  g_unlink (link);
  g_unlink (target);
  g_rmdir (dir);
}

static void
test_stale_temporaries (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("derm-file-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "print.ini", NULL);
  g_autofree char *stale = g_build_filename (dir, "print.ini.Ab3xY9", NULL);
  g_autofree char *fresh = g_build_filename (dir, "print.ini.Zz8kQ1", NULL);
  g_autofree char *other = g_build_filename (dir, "print.ini.backup", NULL);
  g_autofree char *unrelated = g_build_filename (dir, "notes.txt.Ab3xY9", NULL);
  struct utimbuf old = { 1000000000, 1000000000 };
  struct stat st;

  g_assert_no_error (error);
  for (const char *p[] = { stale, fresh, other, unrelated, NULL }, **q = p; *q != NULL; q++)
    g_assert_true (g_file_set_contents (*q, "x", -1, NULL));
  g_assert_cmpint (utime (stale, &old), ==, 0);
  g_assert_cmpint (utime (other, &old), ==, 0);
  g_assert_cmpint (utime (unrelated, &old), ==, 0);

  g_assert_true (derm_file_save_atomic (path, "[a]\n", 4, G_FILE_SET_CONTENTS_CONSISTENT, 0600, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  /* a save under way right now, and names that are not its temporaries, stay */
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (unrelated, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  for (const char *p[] = { path, fresh, other, unrelated, NULL }, **q = p; *q != NULL; q++)
    g_unlink (*q);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/atlas/file/symlink-kept", test_symlink_kept);
  g_test_add_func ("/atlas/file/stale-temporaries", test_stale_temporaries);
  return g_test_run ();
}
