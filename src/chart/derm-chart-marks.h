/* derm-chart-marks.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Words and colours of a chart as the window shows them: the findings'
 * names and the CSS of their swatches, shared by the map view and the chart
 * panel.
 */
#pragma once

#include <cairo.h>

#include "derm-chart.h"

G_BEGIN_DECLS

/* The colour a finding's mark is filled with (its pattern lies over it). */
void        derm_finding_get_color (DermFinding  finding,
                                    double      *red,
                                    double      *green,
                                    double      *blue);
/* "reduced", translated. */
const char *derm_finding_label (DermFinding finding);
/* Fill the current path of cr with a finding's mark: its colour with its
 * own pattern over it (lines step user units apart), then an outline. */
void        derm_finding_fill  (cairo_t    *cr,
                                DermFinding finding,
                                double      step);

G_END_DECLS
