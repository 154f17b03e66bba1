/* derm-geometry-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the layout table (derm-bundle.c) and the tests: what the geometry
 * keeps for an atlas.
 */
#pragma once

#include "derm-geometry.h"

G_BEGIN_DECLS

typedef struct {
  DermIdMap    *view_maps[DERM_N_VIEWS];  /* one pixel per unit, for region_at */
  DermSvgPaths *paths[DERM_N_VIEWS];      /* the outlines, each parsed when used */
  GHashTable   *root_labels;              /* map id -> GArray of DermRootLabel */
} DermGeometry;

/* The atlas's geometry, made empty the first time. */
DermGeometry *derm_geometry_get     (DermAtlas *atlas);

/* For a map the atlas keeps (in its geometry): the map no longer holds a
 * reference to the atlas, which would hold itself alive (issue 12: the
 * atlas and its id maps were never freed). The atlas outlives the map. */
void          _derm_id_map_release_atlas (DermIdMap *self);

/* An empty array of DermRootLabel that frees their text. */
GArray       *derm_root_labels_new  (void);

G_END_DECLS
