/* fuzz-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart reader on any bytes: it must answer a chart or an error with
 * a message, never crash, and a chart it reads must write and read back.
 * Built with libFuzzer this is a fuzz target; built plainly, fuzz-driver.c
 * runs it over the committed corpus as an ordinary test.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "fuzz.h"

#include "derm-bundle.h"
#include "derm-chart.h"

static DermAtlas *atlas;

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DermChart) chart = NULL;

  fuzz_set_logging_func ();
  if (atlas == NULL)
    {
      atlas = derm_atlas_new_from_resource (&error);
      g_assert_no_error (error);
    }

  chart = derm_chart_new_from_data ((const char *) data, (gssize) size, "fuzz.dermchart", atlas, &error);
  if (chart == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.dermchart"));
    }
  else
    {
      g_autofree char *text = derm_chart_to_data (chart, NULL);
      g_autoptr (DermChart) again = derm_chart_new_from_data (text, -1, "again", atlas, &error);

      g_assert_no_error (error);
      g_assert_nonnull (again);
    }
  return 0;
}
