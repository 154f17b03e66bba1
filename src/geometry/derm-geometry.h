/* derm-geometry.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "derm-atlas.h"
#include "derm-id-map.h"
#include "derm-svg-path.h"

G_BEGIN_DECLS

/* The geometry of an atlas's drawing, kept beside the atlas (which knows
 * nothing of it): the outlines of each view, the one-pixel-a-unit id map
 * of each view for hit-testing, and where the labels go. Each is made when
 * first needed: with the bundled layout table the first frame needs none
 * (see derm-bundle.h). */

/* A root label of a map: one per run of same-root skin per side and view. */
typedef struct {
  char    *text;    /* "L4" or "L3/L4" */
  DermView view;
  double   x, y;    /* view units */
  double   depth;   /* room around the point, view units */
} DermRootLabel;

/* The region at a point in view units, or NULL outside the skin. */
const DermRegion *derm_geometry_region_at      (DermAtlas     *atlas,
                                                DermView       view,
                                                double         x,
                                                double         y);

/* The outlines of a view's elements by id (see derm-svg-path.h), shared
 * by the id maps and every renderer of the atlas. */
DermSvgPaths     *derm_geometry_get_paths      (DermAtlas     *atlas,
                                                DermView       view);

/* The view's one-pixel-a-unit id map, in the view's single layout. */
DermIdMap        *derm_geometry_get_view_id_map (DermAtlas    *atlas,
                                                 DermView      view);

/* The map's root labels, of DermRootLabel, kept with the atlas. */
GArray           *derm_geometry_get_root_labels (DermAtlas     *atlas,
                                                 const DermMap *map);

/* Works out from the id maps where each region's label goes and the region
 * of each key point, for an atlas loaded without a layout table. Making
 * the id maps also proves that every region's outline reads: if one does
 * not, an error that names the file and line. */
gboolean          derm_geometry_place          (DermAtlas     *atlas,
                                                GError       **error);

G_END_DECLS
