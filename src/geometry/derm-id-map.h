/* derm-id-map.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "derm-atlas.h"

G_BEGIN_DECLS

/* The parcellation of a layout rendered with one flat colour per region,
 * so finding the region under a point is one pixel read. Coordinates are
 * layout units (see derm-layout.h); scale is pixels per unit. */
typedef struct _DermIdMap DermIdMap;

DermIdMap        *derm_id_map_new       (DermAtlas  *atlas,
                                         DermLayout  layout,
                                         double      scale);
/* The same, or NULL and an error where a region's outline does not read. */
DermIdMap        *derm_id_map_try_new   (DermAtlas  *atlas,
                                         DermLayout  layout,
                                         double      scale,
                                         GError    **error);
void              derm_id_map_free      (DermIdMap  *self);
double            derm_id_map_get_scale (DermIdMap  *self);
const DermRegion *derm_id_map_lookup    (DermIdMap  *self,
                                         double      x,
                                         double      y);

/* For every key, the point deepest inside the pixels whose region maps to
 * that key (value_to_key[region index + 1], 0 for none), in layout units,
 * and its distance to the key's edge in layout units (0 if absent). */
void              derm_id_map_find_centers (DermIdMap   *self,
                                            const guint *value_to_key,
                                            guint        n_values,
                                            guint        n_keys,
                                            double      *xs,
                                            double      *ys,
                                            double      *depths);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DermIdMap, derm_id_map_free)

G_END_DECLS
