/* derm-cli-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * dermatomes --localize CHART [--map ID]: one line per candidate,
 * RANK<TAB>KIND<TAB>ID<TAB>SIDE<TAB>SCORE<TAB>WHY, best first; warnings
 * and the reminder that this is not a diagnosis go to stderr.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>

#include "derm-chart-page.h"
#include "derm-chart.h"
#include "derm-export.h"
#include "derm-cli-chart.h"
#include "derm-localizer.h"

int
derm_cli_localize (DermAtlas  *atlas,
                   const char *chart_path,
                   const char *map_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DermChart) chart = NULL;
  g_autoptr (DermLocalization) result = NULL;

  chart = derm_chart_new_from_file (chart_path, atlas, &error);
  if (chart == NULL)
    {
      g_printerr ("dermatomes: %s\n", error->message);
      return 2;
    }
  result = derm_localize (atlas, chart, map_id, &error);
  if (result == NULL)
    {
      g_printerr ("dermatomes: %s: %s\n", chart_path, error->message);
      return 2;
    }
  if (!result->abnormal)
    {
      for (guint i = 0; i < result->warnings->len; i++)
        g_printerr ("dermatomes: note: %s\n", (const char *) g_ptr_array_index (result->warnings, i));
      g_printerr ("dermatomes: %s: %s\n", chart_path,
                  _("the chart has no abnormal finding: nothing to localize"));
      return 1;
    }

  for (guint i = 0; i < result->candidates->len; i++)
    {
      const DermCandidate *candidate = g_ptr_array_index (result->candidates, i);
      g_autofree char *why = derm_candidate_dup_why (candidate);

      g_print ("%u\t%s\t%s\t%s\t%.2f\t%s\n", i + 1,
               derm_candidate_kind_to_string (candidate->kind), candidate->id,
               derm_candidate_side_to_string (candidate->side), candidate->score, why);
    }
  for (guint i = 0; i < result->warnings->len; i++)
    g_printerr ("dermatomes: warning: %s\n", (const char *) g_ptr_array_index (result->warnings, i));
  g_printerr ("dermatomes: map %s. %s\n", result->map, derm_localizer_disclaimer ());
  return 0;
}

int
derm_cli_export_chart (DermAtlas  *atlas,
                       const char *chart_path,
                       const char *map_id,
                       const char *title,
                       const char *path,
                       double      width,
                       double      height,
                       int         png_width)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DermChart) chart = NULL;
  g_autoptr (DermRenderer) renderer = NULL;

  if (title != NULL && g_utf8_strlen (title, -1) > DERM_PAGE_MAX_TITLE)
    {
      g_printerr ("dermatomes: --title: %s\n", _("the title is too long for a page"));
      return 2;
    }
  chart = derm_chart_new_from_file (chart_path, atlas, &error);
  if (chart == NULL)
    {
      g_printerr ("dermatomes: %s\n", error->message);
      return 2;
    }
  renderer = derm_renderer_new (atlas);
  if (!derm_chart_page_write (renderer, chart, map_id, title, path, width, height, png_width, &error))
    {
      g_printerr ("dermatomes: %s\n", error->message);
      return g_error_matches (error, DERM_EXPORT_ERROR, DERM_EXPORT_ERROR_WRITE) ? 1 : 2;
    }
  return 0;
}
