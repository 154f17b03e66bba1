/* derm-bundle-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For derm-atlas-precompute and the tests.
 */
#pragma once

#include "derm-bundle.h"

G_BEGIN_DECLS

/* layout: a table written by derm_atlas_write_layout () for exactly these
 * files, which then need no scan and no id map; or NULL to work it all out
 * from them. A table that does not fit is ignored with a warning. */
DermAtlas   *derm_atlas_new_from_bytes (GBytes      *xml,
                                        const char  *xml_name,
                                        GBytes     **svg,
                                        const char **svg_names,
                                        GBytes      *layout,
                                        GError     **error);

/* What the id maps tell about the atlas (region label points, the region of
 * each key point, every map's root labels), as text for the bundle:
 * derm-atlas-precompute writes it at build time. */
char        *derm_atlas_write_layout (DermAtlas  *self);

G_END_DECLS
