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

/* The same paths by the same names, kept as where each d attribute is in
 * the document (which the table holds a reference to), not as parsed
 * paths: each use reads the attribute again, straight into a cairo_t's
 * current path, with the same cairo_move_to (), cairo_line_to (),
 * cairo_curve_to () and cairo_close_path () calls cairo_append_path ()
 * would make for derm_svg_path_parse ()'s result. Reading a path takes
 * microseconds; keeping every outline parsed took most of a megabyte.
 *
 * The document must be well-formed (the atlas checked it at load). A path
 * is checked whole on its first use, so one that does not parse is never
 * drawn in part. */
typedef struct _DermSvgPaths DermSvgPaths;

DermSvgPaths *derm_svg_paths_new        (GBytes        *svg,
                                         const char    *filename);
/* Append the path to cr's current path. FALSE, with nothing appended, if
 * there is no such path or it does not parse (FILE:LINE: path “NAME”: ...,
 * the line of its d attribute). */
gboolean      derm_svg_paths_append     (DermSvgPaths  *self,
                                         const char    *name,
                                         cairo_t       *cr,
                                         GError       **error);
/* The same, FALSE for no such path without a word; a path that does not
 * parse is reported once, with filename and line, as a critical. */
gboolean      derm_svg_paths_try_append (DermSvgPaths  *self,
                                         const char    *name,
                                         cairo_t       *cr);
guint         derm_svg_paths_get_size   (DermSvgPaths  *self);
void          derm_svg_paths_free       (DermSvgPaths  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DermSvgPaths, derm_svg_paths_free)

G_END_DECLS
