/* derm-file.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one way this program saves a file: charts, exports, print settings.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "derm-file.h"

#define STALE_SECONDS 60

/* "print.ini.a1B2c3": the name, a dot and the six characters of
 * g_mkstemp ()'s template */
static gboolean
is_temporary_of (const char *name,
                 const char *base)
{
  gsize n = strlen (base);
  gboolean letter = FALSE, digit = FALSE;

  if (strncmp (name, base, n) != 0 || name[n] != '.' || strlen (name + n + 1) != 6)
    return FALSE;
  for (const char *p = name + n + 1; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p))
        return FALSE;
      letter = letter || g_ascii_isalpha (*p);
      digit = digit || g_ascii_isdigit (*p);
    }
  /* random characters, not a word such as "backup" */
  return letter && digit;
}

static void
remove_stale_temporaries (const char *path)
{
  g_autofree char *dir_name = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr (GDir) dir = g_dir_open (dir_name, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *full = NULL;
      GStatBuf st;

      if (!is_temporary_of (name, base))
        continue;
      full = g_build_filename (dir_name, name, NULL);
      if (g_lstat (full, &st) == 0 && S_ISREG (st.st_mode) && now - st.st_mtime > STALE_SECONDS)
        g_unlink (full);
    }
}

gboolean
derm_file_save_atomic (const char            *path,
                       const char            *data,
                       gsize                  length,
                       GFileSetContentsFlags  flags,
                       int                    mode,
                       gboolean               clean_temporaries,
                       GError               **error)
{
  g_autofree char *target = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  /* through a symbolic link: write what it points to, keep the link */
  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    target = realpath (path, NULL);
  if (target == NULL)
    target = g_strdup (path);

  if (clean_temporaries)
    remove_stale_temporaries (target);
  return g_file_set_contents_full (target, data != NULL ? data : "", (gssize) length, flags, mode, error);
}
