/* fuzz-svg-path.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SVG path reader on any d attribute: a path whose every point is a
 * finite number, or an error; never a crash.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <math.h>

#include "fuzz.h"

#include "derm-svg-path.h"

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autofree char *d = g_strndup ((const char *) data, size);
  g_autoptr (GError) error = NULL;
  cairo_path_t *path;

  fuzz_set_logging_func ();
  path = derm_svg_path_parse (d, &error);
  if (path == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    for (int j = 1; j < path->data[i].header.length; j++)
      {
        g_assert_true (isfinite (path->data[i + j].point.x));
        g_assert_true (isfinite (path->data[i + j].point.y));
      }
  derm_svg_path_free (path);
  return 0;
}
