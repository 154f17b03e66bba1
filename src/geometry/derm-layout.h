/* derm-layout.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "derm-types.h"

G_BEGIN_DECLS

/* A layout places one or both views on a canvas measured in layout units.
 * A view is 600 x 1080 units; above it runs a header band of
 * DERM_LAYOUT_HEADER units for its title and the patient's side marks. */
#define DERM_LAYOUT_HEADER 70.0
#define DERM_LAYOUT_GAP    60.0

void     derm_layout_get_size    (DermLayout layout,
                                  double    *width,
                                  double    *height);
/* TRUE if the layout shows the view; origin of the view in layout units. */
gboolean derm_layout_view_origin (DermLayout layout,
                                  DermView   view,
                                  double    *x,
                                  double    *y);
/* Which view a layout point falls in, and the point in view units. */
gboolean derm_layout_to_view     (DermLayout layout,
                                  double     x,
                                  double     y,
                                  DermView  *view,
                                  double    *view_x,
                                  double    *view_y);
/* Scale and offset that fit the layout centred into width x height pixels. */
void     derm_layout_fit         (DermLayout layout,
                                  double     width,
                                  double     height,
                                  double    *scale,
                                  double    *offset_x,
                                  double    *offset_y);

G_END_DECLS
