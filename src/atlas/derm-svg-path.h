/* derm-svg-path.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The outlines of the map SVGs as cairo paths, so the renderer can clip to
 * a region and draw hatching and patterns as vectors: librsvg draws SVG
 * <pattern> fills through a raster surface, which a PDF must not contain.
 *
 * The map generator writes only absolute M, L, C and Z commands (with
 * implicit repeats); H and V are read too. Anything else is an error. */

/* Parse an SVG path's d attribute. Free with derm_svg_path_free (). */
cairo_path_t *derm_svg_path_parse      (const char    *d,
                                        GError       **error);
void          derm_svg_path_free       (cairo_path_t  *path);

/* Every <path> with an id in an SVG document: id -> cairo_path_t; a path
 * with a class but no id is "CLASS#N", N counting such paths from 0. The
 * error names filename and line. */
GHashTable   *derm_svg_path_read_all   (const char    *data,
                                        gsize          size,
                                        const char    *filename,
                                        GError       **error);

G_END_DECLS
