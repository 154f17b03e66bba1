/* derm-geometry.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the geometry keeps for an atlas lives on the atlas as object data,
 * so the atlas data needs nothing of it and it goes when the atlas goes.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "derm-atlas-private.h"
#include "derm-geometry-private.h"
#include "derm-layout.h"

static void
geometry_free (gpointer data)
{
  DermGeometry *geometry = data;

  for (DermView v = 0; v < DERM_N_VIEWS; v++)
    {
      g_clear_pointer (&geometry->view_maps[v], derm_id_map_free);
      g_clear_pointer (&geometry->paths[v], derm_svg_paths_free);
    }
  g_hash_table_unref (geometry->root_labels);
  g_free (geometry);
}

DermGeometry *
derm_geometry_get (DermAtlas *atlas)
{
  static GQuark quark;
  DermGeometry *geometry;

  if G_UNLIKELY (quark == 0)
    quark = g_quark_from_static_string ("derm-geometry");

  geometry = g_object_get_qdata ((GObject *) atlas, quark);
  if G_UNLIKELY (geometry == NULL)
    {
      geometry = g_new0 (DermGeometry, 1);
      geometry->root_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                     (GDestroyNotify) g_array_unref);
      g_object_set_qdata_full ((GObject *) atlas, quark, geometry, geometry_free);
    }
  return geometry;
}

static void
root_label_clear (gpointer data)
{
  DermRootLabel *label = data;

  g_free (label->text);
}

GArray *
derm_root_labels_new (void)
{
  GArray *labels = g_array_new (FALSE, TRUE, sizeof (DermRootLabel));

  g_array_set_clear_func (labels, root_label_clear);
  return labels;
}

/* Label points: the pixel deepest inside each region, one pixel a unit. */
static void
place_region_labels (DermAtlas *self)
{
  GPtrArray *regions = derm_atlas_get_regions (self);
  guint n = regions->len + 1;
  g_autofree guint *identity = g_new (guint, n);
  g_autofree double *xs = g_new (double, n);
  g_autofree double *ys = g_new (double, n);
  g_autofree double *depths = g_new (double, n);

  for (guint i = 0; i < n; i++)
    identity[i] = i;

  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    {
      double ox, oy;

      derm_layout_view_origin ((DermLayout) view, view, &ox, &oy);
      derm_id_map_find_centers (derm_geometry_get_view_id_map (self, view), identity, n, n, xs, ys, depths);
      for (guint i = 0; i < regions->len; i++)
        {
          DermRegion *region = g_ptr_array_index (regions, i);

          if (region->view != view)
            continue;
          region->label_x = xs[i + 1] - ox;
          region->label_y = ys[i + 1] - oy;
        }
    }
}

/* Root labels of a map: one per run of same-root skin per side and view,
 * at the point deepest inside it. */
static GArray *
find_root_labels (DermAtlas     *self,
                  const DermMap *map)
{
  GArray *labels = derm_root_labels_new ();
  GPtrArray *regions = derm_atlas_get_regions (self);

  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    {
      guint n_values = regions->len + 1;
      g_autofree guint *value_to_key = g_new0 (guint, n_values);
      g_autoptr (GPtrArray) key_texts = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autofree double *xs = NULL, *ys = NULL, *depths = NULL;
      double ox, oy;

      g_ptr_array_add (key_texts, NULL);  /* key 0 is no skin or blank */
      for (guint i = 0; i < regions->len; i++)
        {
          const DermRegion *region = g_ptr_array_index (regions, i);
          const char * const *roots;
          g_autofree char *text = NULL;
          g_autofree char *key = NULL;
          gpointer k;

          if (region->view != view)
            continue;
          roots = derm_map_get_roots (map, region);
          if (roots[0] == NULL)
            continue;
          text = g_strjoinv ("/", (char **) roots);
          key = g_strdup_printf ("%s:%d", text, region->side);
          k = g_hash_table_lookup (keys, key);
          if (k == NULL)
            {
              k = GUINT_TO_POINTER (key_texts->len);
              g_ptr_array_add (key_texts, g_steal_pointer (&text));
              g_hash_table_insert (keys, g_steal_pointer (&key), k);
            }
          value_to_key[region->index + 1] = GPOINTER_TO_UINT (k);
        }

      xs = g_new (double, key_texts->len);
      ys = g_new (double, key_texts->len);
      depths = g_new (double, key_texts->len);
      derm_id_map_find_centers (derm_geometry_get_view_id_map (self, view),
                                value_to_key, n_values, key_texts->len, xs, ys, depths);
      derm_layout_view_origin ((DermLayout) view, view, &ox, &oy);

      for (guint k = 1; k < key_texts->len; k++)
        {
          DermRootLabel label = { g_strdup (g_ptr_array_index (key_texts, k)), view,
                                  xs[k] - ox, ys[k] - oy, depths[k] };
          if (depths[k] > 0)
            g_array_append_val (labels, label);
          else
            g_free (label.text);
        }
    }

  return labels;
}

gboolean
derm_geometry_place (DermAtlas  *self,
                     GError    **error)
{
  DermGeometry *geometry = derm_geometry_get (self);
  GPtrArray *key_points = derm_atlas_get_key_points (self);

  /* Each view's id map: this also proves every region's outline reads */
  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    {
      geometry->view_maps[view] = derm_id_map_try_new (self, (DermLayout) view, 1.0, error);
      if (geometry->view_maps[view] == NULL)
        return FALSE;
      _derm_id_map_release_atlas (geometry->view_maps[view]);
    }
  place_region_labels (self);

  for (guint i = 0; i < key_points->len; i++)
    {
      DermKeyPoint *kp = g_ptr_array_index (key_points, i);
      kp->region = derm_geometry_region_at (self, kp->view, kp->x, kp->y);
    }
  return TRUE;
}

const DermRegion *
derm_geometry_region_at (DermAtlas *self,
                         DermView   view,
                         double     x,
                         double     y)
{
  double ox, oy;

  g_return_val_if_fail (DERM_IS_ATLAS (self), NULL);
  g_return_val_if_fail (view < DERM_N_VIEWS, NULL);

  if (x < 0 || y < 0 || x >= DERM_VIEW_WIDTH || y >= DERM_VIEW_HEIGHT)
    return NULL;
  derm_layout_view_origin ((DermLayout) view, view, &ox, &oy);
  return derm_id_map_lookup (derm_geometry_get_view_id_map (self, view), x + ox, y + oy);
}

DermSvgPaths *
derm_geometry_get_paths (DermAtlas *self,
                         DermView   view)
{
  DermGeometry *geometry = derm_geometry_get (self);

  if (geometry->paths[view] == NULL)
    geometry->paths[view] = derm_svg_paths_new (derm_atlas_get_svg (self, view),
                                                derm_atlas_get_svg_name (self, view));
  return geometry->paths[view];
}

DermIdMap *
derm_geometry_get_view_id_map (DermAtlas *self,
                               DermView   view)
{
  DermGeometry *geometry = derm_geometry_get (self);

  if (geometry->view_maps[view] == NULL)
    {
      geometry->view_maps[view] = derm_id_map_new (self, (DermLayout) view, 1.0);
      _derm_id_map_release_atlas (geometry->view_maps[view]);
    }
  return geometry->view_maps[view];
}

GArray *
derm_geometry_get_root_labels (DermAtlas     *self,
                               const DermMap *map)
{
  DermGeometry *geometry = derm_geometry_get (self);
  GArray *labels = g_hash_table_lookup (geometry->root_labels, map->id);

  if (labels == NULL)
    {
      labels = find_root_labels (self, map);
      g_hash_table_insert (geometry->root_labels, g_strdup (map->id), labels);
    }
  return labels;
}
