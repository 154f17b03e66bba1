/* derm-chart-marks.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The findings' names, and their marks drawn as the printed chart record
 * draws them (derm-chart-page.c): the same colours, and the same pattern
 * for each finding, so a mark on screen reads as it will on paper.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "derm-chart-marks.h"

static const struct {
  double red, green, blue;
} finding_colors[DERM_N_FINDINGS] = {
  [DERM_FINDING_NORMAL] = { 0.80, 0.93, 0.80 },
  [DERM_FINDING_ABSENT] = { 0.72, 0.11, 0.11 },
  [DERM_FINDING_REDUCED] = { 0.96, 0.60, 0.20 },
  [DERM_FINDING_INCREASED] = { 0.58, 0.35, 0.75 },
  [DERM_FINDING_PAIN] = { 0.93, 0.33, 0.45 },
  [DERM_FINDING_PARAESTHESIA] = { 0.25, 0.50, 0.85 },
};

void
derm_finding_get_color (DermFinding  finding,
                        double      *red,
                        double      *green,
                        double      *blue)
{
  g_return_if_fail (finding < DERM_N_FINDINGS);
  *red = finding_colors[finding].red;
  *green = finding_colors[finding].green;
  *blue = finding_colors[finding].blue;
}

const char *
derm_finding_label (DermFinding finding)
{
  switch (finding)
    {
    case DERM_FINDING_NORMAL:
      return C_("finding", "normal");
    case DERM_FINDING_ABSENT:
      return C_("finding", "absent");
    case DERM_FINDING_REDUCED:
      return C_("finding", "reduced");
    case DERM_FINDING_INCREASED:
      return C_("finding", "increased");
    case DERM_FINDING_PAIN:
      return C_("finding", "pain");
    case DERM_FINDING_PARAESTHESIA:
      return C_("finding", "paraesthesia");
    case DERM_N_FINDINGS:
    default:
      return "";
    }
}

/* The pattern of each finding, in the current clip. */
static void
hatch (cairo_t     *cr,
       DermFinding  finding,
       double       step)
{
  double x0, y0, x1, y1, size;

  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  size = (x1 - x0) + (y1 - y0);
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.7);
  cairo_set_line_width (cr, step * 0.18);
  switch (finding)
    {
    case DERM_FINDING_ABSENT:
      for (double d = -size; d < size; d += step)
        {
          cairo_move_to (cr, x0 + d, y0);
          cairo_line_to (cr, x0 + d + size, y0 + size);
          cairo_move_to (cr, x0 + d, y1);
          cairo_line_to (cr, x0 + d + size, y1 - size);
        }
      break;
    case DERM_FINDING_REDUCED:
      for (double d = -size; d < size; d += step)
        {
          cairo_move_to (cr, x0 + d, y0);
          cairo_line_to (cr, x0 + d + size, y0 + size);
        }
      break;
    case DERM_FINDING_INCREASED:
      for (double y = y0; y < y1; y += step)
        {
          cairo_move_to (cr, x0, y);
          cairo_line_to (cr, x1, y);
        }
      break;
    case DERM_FINDING_PARAESTHESIA:
      for (double x = x0; x < x1; x += step)
        {
          cairo_move_to (cr, x, y0);
          cairo_line_to (cr, x, y1);
        }
      break;
    case DERM_FINDING_PAIN:
      for (double y = y0; y < y1; y += step)
        for (double x = x0 + fmod (y / step, 2.0) * step / 2; x < x1; x += step)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, x, y, step * 0.18, 0, 2 * G_PI);
          }
      cairo_fill (cr);
      break;
    case DERM_FINDING_NORMAL:
    case DERM_N_FINDINGS:
    default:
      break;
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
derm_finding_fill (cairo_t     *cr,
                   DermFinding  finding,
                   double       step)
{
  double red, green, blue;
  cairo_path_t *path;

  g_return_if_fail (finding < DERM_N_FINDINGS);

  derm_finding_get_color (finding, &red, &green, &blue);
  path = cairo_copy_path (cr);
  cairo_save (cr);
  cairo_set_source_rgba (cr, red, green, blue, 0.85);
  cairo_fill_preserve (cr);
  cairo_save (cr);
  cairo_clip (cr);
  hatch (cr, finding, step);
  cairo_restore (cr);
  /* the hatch used the path: the outline draws it again */
  cairo_new_path (cr);
  cairo_append_path (cr, path);
  cairo_path_destroy (path);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_set_line_width (cr, step * 0.12);
  cairo_stroke (cr);
  cairo_restore (cr);
}
