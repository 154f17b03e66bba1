/* derm-svg-path.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The outlines of the map SVGs as cairo paths: the renderer fills, strokes,
 * highlights and hit-tests regions with them, and clips to them to draw
 * hatching and patterns as vectors (SVG <pattern> fills would go through a
 * raster surface, which a PDF must not contain). No librsvg is involved.
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

/* The same paths by the same names, each parsed when first looked up: a
 * drawing needs few of them. The document must be well-formed (the atlas
 * checked it at load). A path that does not parse is reported once, with
 * filename and line, and looked up as NULL. */
typedef struct _DermSvgPaths DermSvgPaths;

DermSvgPaths *derm_svg_paths_new       (GBytes        *svg,
                                        const char    *filename);
cairo_path_t *derm_svg_paths_lookup    (DermSvgPaths  *self,
                                        const char    *name);
/* The same, with an error instead of the report: no such path, or it does
 * not parse (FILE:LINE: path “NAME”: ...). */
cairo_path_t *derm_svg_paths_get       (DermSvgPaths  *self,
                                        const char    *name,
                                        GError       **error);
guint         derm_svg_paths_get_size  (DermSvgPaths  *self);
void          derm_svg_paths_free      (DermSvgPaths  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DermSvgPaths, derm_svg_paths_free)

G_END_DECLS
