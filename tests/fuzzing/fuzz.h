/* fuzz.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the fuzz targets, GLib's way (glib/fuzzing/fuzz.h).
 */
#pragma once

#include <glib.h>
#include <string.h>
#include <stddef.h>

int LLVMFuzzerTestOneInput (const unsigned char *data,
                            size_t               size);

/* Warnings of the code under test are bugs: make them fatal, but keep the
 * output quiet otherwise. */
static inline void
fuzz_set_logging_func (void)
{
  static gboolean set = FALSE;

  if (!set)
    {
      g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
      set = TRUE;
    }
}
