/* derm-file.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving a file so that nothing is lost: whole or not at all.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Write data to path through a temporary file beside it and a rename
 * (g_file_set_contents_full with flags and mode). A symbolic link is
 * followed: its target is written and the link stays. For a file of the
 * program's own (in its configuration folder), clean_temporaries also
 * removes what earlier saves cut short left behind ("NAME.XXXXXX", a
 * kill or a power cut in the middle) when older than a minute; never in a
 * folder of the user's, where such a name may be a file of theirs. */
gboolean derm_file_save_atomic (const char            *path,
                                const char            *data,
                                gsize                  length,
                                GFileSetContentsFlags  flags,
                                int                    mode,
                                gboolean               clean_temporaries,
                                GError               **error);

G_END_DECLS
