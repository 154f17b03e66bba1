/* derm-layout.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "derm-layout.h"

void
derm_layout_get_size (DermLayout  layout,
                      double     *width,
                      double     *height)
{
  *width = layout == DERM_LAYOUT_BOTH
         ? 2 * DERM_VIEW_WIDTH + DERM_LAYOUT_GAP
         : DERM_VIEW_WIDTH;
  *height = DERM_LAYOUT_HEADER + DERM_VIEW_HEIGHT;
}

gboolean
derm_layout_view_origin (DermLayout  layout,
                         DermView    view,
                         double     *x,
                         double     *y)
{
  *x = 0;
  *y = DERM_LAYOUT_HEADER;

  switch (layout)
    {
    case DERM_LAYOUT_ANTERIOR:
      return view == DERM_VIEW_ANTERIOR;
    case DERM_LAYOUT_POSTERIOR:
      return view == DERM_VIEW_POSTERIOR;
    case DERM_LAYOUT_BOTH:
      if (view == DERM_VIEW_POSTERIOR)
        *x = DERM_VIEW_WIDTH + DERM_LAYOUT_GAP;
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
derm_layout_to_view (DermLayout  layout,
                     double      x,
                     double      y,
                     DermView   *view,
                     double     *view_x,
                     double     *view_y)
{
  for (DermView v = 0; v < DERM_N_VIEWS; v++)
    {
      double ox, oy;

      if (!derm_layout_view_origin (layout, v, &ox, &oy))
        continue;
      if (x >= ox && x < ox + DERM_VIEW_WIDTH && y >= oy && y < oy + DERM_VIEW_HEIGHT)
        {
          *view = v;
          *view_x = x - ox;
          *view_y = y - oy;
          return TRUE;
        }
    }

  return FALSE;
}

void
derm_layout_fit (DermLayout  layout,
                 double      width,
                 double      height,
                 double     *scale,
                 double     *offset_x,
                 double     *offset_y)
{
  double lw, lh;

  derm_layout_get_size (layout, &lw, &lh);
  *scale = MIN (width / lw, height / lh);
  if (*scale <= 0)
    *scale = 1e-6;
  *offset_x = (width - lw * *scale) / 2;
  *offset_y = (height - lh * *scale) / 2;
}
