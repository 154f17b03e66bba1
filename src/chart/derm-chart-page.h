/* derm-chart-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart as a printed record: both views with the charted skin marked on
 * the patient's sides, the ranked candidates with their reasons, the
 * findings table, the map, the date and the disclaimer.
 */
#pragma once

#include <cairo.h>

#include "derm-localizer.h"
#include "derm-renderer.h"

G_BEGIN_DECLS

typedef struct _DermChartPage DermChartPage;

/* map_id overrides the chart's map (NULL: the chart's); title overrides
 * the chart's title (NULL: the chart's, or "Examination chart"). Pages
 * are width x height points. */
DermChartPage *derm_chart_page_new          (DermRenderer  *renderer,
                                             DermChart     *chart,
                                             const char    *map_id,
                                             const char    *title,
                                             double         width,
                                             double         height,
                                             GError       **error);
void           derm_chart_page_free         (DermChartPage *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DermChartPage, derm_chart_page_free)

guint          derm_chart_page_get_n_pages  (DermChartPage *page);
/* Draw page page_index (from 0) into (0, 0, width, height) of cr. */
void           derm_chart_page_render       (DermChartPage *page,
                                             cairo_t       *cr,
                                             guint          page_index);
/* Where a region's mark is drawn on the first page, in points: a point
 * well inside it. FALSE if the region is not drawn. */
gboolean       derm_chart_page_region_point (DermChartPage    *page,
                                             const DermRegion *region,
                                             double           *x,
                                             double           *y);

/* Write the record to a .pdf, .svg or .png (png_width pixels wide). */
gboolean       derm_chart_page_write        (DermRenderer  *renderer,
                                             DermChart     *chart,
                                             const char    *map_id,
                                             const char    *title,
                                             const char    *path,
                                             double         width,
                                             double         height,
                                             int            png_width,
                                             GError       **error);

G_END_DECLS
