/* derm-cli-chart.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart commands of the command line (shared/design/CHART.md).
 */
#pragma once

#include "derm-atlas.h"

G_BEGIN_DECLS

/* dermatomes --localize CHART [--map ID]: prints the ranked candidates,
 * returns the exit status (0 listed, 1 nothing abnormal, 2 bad chart). */
int derm_cli_localize (DermAtlas  *atlas,
                       const char *chart_path,
                       const char *map_id);

/* dermatomes --export OUT --chart CHART: the chart as a record (marks on
 * both views, the ranking, the findings table) on pages of width x height
 * points, a PNG png_width pixels wide. Returns the exit status (0 written,
 * 1 not written, 2 bad chart). */
int derm_cli_export_chart (DermAtlas  *atlas,
                           const char *chart_path,
                           const char *map_id,
                           const char *title,
                           const char *path,
                           double      width,
                           double      height,
                           int         png_width);

G_END_DECLS
