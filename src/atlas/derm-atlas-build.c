/* derm-atlas-build.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An atlas is built in steps by whoever loads it whole (derm-bundle.c):
 * what atlas.xml says (derm-atlas-loader.c), then for each view the
 * regions and key points its SVG draws, each checked against atlas.xml.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <string.h>

#include "derm-atlas-private.h"

/* "medial-malleolus-left" -> "medial-malleolus", DERM_SIDE_LEFT */
static gboolean
split_side (const char  *id,
            char       **name,
            DermSide    *side)
{
  const char *dash = strrchr (id, '-');

  if (dash == NULL || dash == id || !derm_side_from_string (dash + 1, side) ||
      strcmp (dash + 1, derm_side_to_string (*side)) != 0)
    return FALSE;
  *name = g_strndup (id, dash - id);
  return TRUE;
}

static gboolean
add_regions (DermAtlas    *self,
             DermView      view,
             DermSvgScan  *scan,
             GError      **error)
{
  const char *file = self->svg_name[view];

  for (guint i = 0; i < scan->regions->len; i++)
    {
      DermSvgItem *item = g_ptr_array_index (scan->regions, i);
      g_autofree char *name = NULL;
      DermRegionInfo *info;
      DermRegion *region;
      DermSide side;

      if (!split_side (item->id, &name, &side))
        {
          g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_INVALID,
                       "%s:%d: region id “%s” does not end in -left, -right or -mid",
                       file, item->line, item->id);
          return FALSE;
        }
      info = g_hash_table_lookup (self->region_infos_by_id, name);
      if (info == NULL || info->view != view || !info->sides[side])
        {
          g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_INVALID,
                       "%s:%d: region “%s” is not in %s as a %s region of the %s view",
                       file, item->line, item->id, self->xml_name,
                       derm_side_to_string (side), derm_view_to_string (view));
          return FALSE;
        }

      region = g_new0 (DermRegion, 1);
      region->id = g_strdup (item->id);
      region->name_id = info->id;
      region->name = info->name;
      region->synonyms = info->synonyms;
      region->nerve_unsourced = info->nerve_unsourced;
      region->view = view;
      region->side = side;
      region->index = self->regions->len;
      g_ptr_array_add (self->regions, region);
      g_hash_table_insert (self->regions_by_id, region->id, region);
    }

  /* and the other way round: everything the data names is drawn */
  for (guint i = 0; i < self->region_infos->len; i++)
    {
      DermRegionInfo *info = g_ptr_array_index (self->region_infos, i);

      if (info->view != view)
        continue;
      for (DermSide side = 0; side < DERM_N_SIDES; side++)
        {
          g_autofree char *id = NULL;

          if (!info->sides[side])
            continue;
          id = g_strdup_printf ("%s-%s", info->id, derm_side_to_string (side));
          if (!g_hash_table_contains (self->regions_by_id, id))
            {
              g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_INVALID,
                           "%s:%d: region “%s” is not drawn in %s",
                           self->xml_name, info->line, id, file);
              return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
add_key_points (DermAtlas    *self,
                DermView      view,
                DermSvgScan  *scan,
                GError      **error)
{
  for (guint i = 0; i < scan->key_points->len; i++)
    {
      DermSvgItem *item = g_ptr_array_index (scan->key_points, i);
      g_autofree char *root = NULL;
      DermKeyPoint *kp;
      DermSide side;

      if (!split_side (item->id + strlen ("kp-"), &root, &side) ||
          derm_atlas_get_root (self, root) == NULL ||
          strcmp (derm_atlas_get_root (self, root)->id, root) != 0)
        {
          g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_INVALID,
                       "%s:%d: key point “%s” does not name a root of %s and a side (kp-ROOT-left, -right or -mid)",
                       self->svg_name[view], item->line, item->id, self->xml_name);
          return FALSE;
        }

      kp = g_new0 (DermKeyPoint, 1);
      kp->root = g_steal_pointer (&root);
      kp->view = view;
      kp->side = side;
      kp->x = g_array_index (scan->kp_xy, double, 2 * i);
      kp->y = g_array_index (scan->kp_xy, double, 2 * i + 1);
      g_ptr_array_add (self->key_points, kp);
    }

  return TRUE;
}

/**
 * derm_atlas_new_from_xml:
 *
 * An atlas with what atlas.xml says and no view yet: each comes with
 * derm_atlas_add_view (). Its regions have no label point and its key
 * points no region until the geometry places them (derm_geometry_place ())
 * or a layout table gives them.
 */
DermAtlas *
derm_atlas_new_from_xml (GBytes      *xml,
                         const char  *xml_name,
                         GError     **error)
{
  g_autoptr (DermAtlas) self = g_object_new (DERM_TYPE_ATLAS, NULL);

  self->xml_name = g_strdup (xml_name);
  if (!derm_atlas_load_xml (self, xml, xml_name, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * derm_atlas_add_view:
 *
 * Adds a view's SVG and the regions and key points it draws, as scan lists
 * them; an error, naming the file and line, where they and atlas.xml do not
 * agree.
 */
gboolean
derm_atlas_add_view (DermAtlas    *self,
                     DermView      view,
                     GBytes       *svg,
                     const char   *svg_name,
                     DermSvgScan  *scan,
                     GError      **error)
{
  g_return_val_if_fail (DERM_IS_ATLAS (self), FALSE);
  g_return_val_if_fail (view < DERM_N_VIEWS && self->svg[view] == NULL, FALSE);

  self->svg[view] = g_bytes_ref (svg);
  self->svg_name[view] = g_strdup (svg_name);
  return add_regions (self, view, scan, error) && add_key_points (self, view, scan, error);
}
