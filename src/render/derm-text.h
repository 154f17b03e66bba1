/* derm-text.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* A layout for drawing text into cr: Cantarell at size user units,
 * unhinted so it has the same shapes on screen, paper and PDF. With
 * wrap_width > 0 it wraps at that width, its lines aligned as given. */
PangoLayout *derm_text_layout_new (cairo_t        *cr,
                                   const char     *text,
                                   double          size,
                                   gboolean        bold,
                                   double          wrap_width,
                                   PangoAlignment  alignment);

/* The layout's logical size, in user units. */
double       derm_text_layout_get_width  (PangoLayout    *layout);
double       derm_text_layout_get_height (PangoLayout    *layout);

/* Draw the layout with its top left at (x, y) in a gray (0 black, 1 white). */
void         derm_text_show_layout       (cairo_t        *cr,
                                          PangoLayout    *layout,
                                          double          x,
                                          double          y,
                                          double          gray);

G_END_DECLS
