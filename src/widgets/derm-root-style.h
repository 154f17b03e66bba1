/* derm-root-style.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "derm-atlas.h"
#include "derm-types.h"

G_BEGIN_DECLS

/* Installs, once per display, the CSS classes "root-0" .. "root-N" that give
 * swatches and tags (".root-swatch", ".root-tag") the palette colour of each
 * root, so the list, the info panel and the search results share the map's
 * colours. */
void        derm_root_style_ensure   (GdkDisplay     *display);

/* The CSS class of a root: "root-3". Returns a static string. */
/* Swatches and tags in the colours the map draws with. */
void        derm_root_style_update   (GdkDisplay     *display,
                                      DermPalette     palette,
                                      gboolean        dark);

const char *derm_root_style_class    (const DermRoot *root);

/* A small swatch widget in the colour of a root. */
GtkWidget  *derm_root_style_swatch_new (const DermRoot *root);

G_END_DECLS
