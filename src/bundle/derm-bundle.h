/* derm-bundle.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "derm-atlas.h"

G_BEGIN_DECLS

/* Loading an atlas whole: what atlas.xml says, the regions and key points
 * the two maps draw, where each region's label goes and which region holds
 * each key point. */

/* The atlas bundled with the program, with the layout table worked out
 * from it at build time: no id map is made to load it. */
DermAtlas *derm_atlas_new_from_resource (GError **error);

/* An atlas from files on disk, its layout worked out from the id maps;
 * error messages name these paths. */
DermAtlas *derm_atlas_new_from_files    (const char  *atlas_xml,
                                         const char  *anterior_svg,
                                         const char  *posterior_svg,
                                         GError     **error);

G_END_DECLS
