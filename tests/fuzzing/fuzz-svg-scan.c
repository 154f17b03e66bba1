/* fuzz-svg-scan.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scan of a drawing's region and key-point ids on any SVG: a list or
 * an error that names the file, never a crash.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "fuzz.h"

#include "derm-atlas-private.h"

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr (GBytes) svg = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (DermSvgScan) scan = NULL;

  fuzz_set_logging_func ();
  scan = derm_svg_scan (svg, "fuzz.svg", &error);
  if (scan == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.svg"));
    }
  return 0;
}
