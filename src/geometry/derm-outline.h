/* derm-outline.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Outlines of a set of pixels, for drawing territories as vector paths.
 * A mask is width x height bytes, non-zero inside; pixel (i, j) covers
 * [i, i + 1) x [j, j + 1) / scale units from the origin. */

typedef struct {
  double x, y;
} DermPoint;

typedef struct {
  double x, y;   /* units */
  double depth;  /* distance to the mask's edge, units */
} DermSpot;

/* The closed contours around the mask (outer edges and holes), traced
 * with marching squares, lightly smoothed and simplified; loops enclosing
 * less than min_area square units are dropped as specks. Returns a
 * GPtrArray of GArray of DermPoint, in units, offset by origin. */
GPtrArray *derm_outline_trace      (const guint8 *mask,
                                    int           width,
                                    int           height,
                                    double        scale,
                                    double        origin_x,
                                    double        origin_y,
                                    double        min_area);

/* Up to max_spots points deep inside the mask, deepest first, each at
 * least min_distance units from the others: places for a label, with
 * fallbacks when the deepest is taken. GArray of DermSpot. */
GArray    *derm_outline_find_spots (const guint8 *mask,
                                    int           width,
                                    int           height,
                                    double        scale,
                                    double        origin_x,
                                    double        origin_y,
                                    guint         max_spots,
                                    double        min_distance);

G_END_DECLS
