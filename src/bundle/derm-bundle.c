/* derm-bundle.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The atlas loaded whole: its data (derm-atlas.h), then where its labels go
 * and which region holds each key point, from the layout table bundled
 * with it or worked out by the geometry (derm-geometry.h).
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <string.h>

#include "derm-atlas-private.h"
#include "derm-bundle-private.h"
#include "derm-geometry-private.h"

/* The layout table, one item a line, fields separated by tabs:
 *   layout 2 N-REGIONS N-KEY-POINTS
 *   region VIEW ID X Y               (every region, in index order; X Y
 *                                     its label point)
 *   key-point VIEW ID X Y REGION|-   (every key point, in order)
 *   map ID                           (every map, followed by its labels)
 *   label VIEW X Y DEPTH TEXT
 * Numbers are exact (%.17g), so the app draws what the id maps give. With
 * the regions and key points in it, the SVGs need no scan either. */
#define LAYOUT_VERSION "2"

static void
append_numbers (GString *out,
                guint    n,
                ...)
{
  va_list args;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_c (out, '\t');
      g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, va_arg (args, double)));
    }
  va_end (args);
}

char *
derm_atlas_write_layout (DermAtlas *self)
{
  GString *out = g_string_new ("# written by derm-atlas-precompute from atlas.xml and the maps: do not edit\n");

  g_return_val_if_fail (DERM_IS_ATLAS (self), NULL);

  g_string_append_printf (out, "layout\t" LAYOUT_VERSION "\t%u\t%u\n",
                          self->regions->len, self->key_points->len);
  for (guint i = 0; i < self->regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (self->regions, i);

      g_string_append_printf (out, "region\t%s\t%s", derm_view_to_string (region->view), region->id);
      append_numbers (out, 2, region->label_x, region->label_y);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < self->key_points->len; i++)
    {
      const DermKeyPoint *kp = g_ptr_array_index (self->key_points, i);

      g_string_append_printf (out, "key-point\t%s\tkp-%s-%s", derm_view_to_string (kp->view),
                              kp->root, derm_side_to_string (kp->side));
      append_numbers (out, 2, kp->x, kp->y);
      g_string_append_printf (out, "\t%s\n", kp->region != NULL ? kp->region->id : "-");
    }
  for (guint m = 0; m < self->maps->len; m++)
    {
      const DermMap *map = g_ptr_array_index (self->maps, m);
      GArray *labels = derm_geometry_get_root_labels (self, map);

      g_string_append_printf (out, "map\t%s\n", map->id);
      for (guint i = 0; i < labels->len; i++)
        {
          const DermRootLabel *label = &g_array_index (labels, DermRootLabel, i);

          g_string_append_printf (out, "label\t%s", derm_view_to_string (label->view));
          append_numbers (out, 3, label->x, label->y, label->depth);
          g_string_append_printf (out, "\t%s\n", label->text);
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
read_numbers (char   **fields,
              guint    n,
              double  *values)
{
  for (guint i = 0; i < n; i++)
    {
      char *end = NULL;

      if (fields[i] == NULL)
        return FALSE;
      values[i] = g_ascii_strtod (fields[i], &end);
      if (end == fields[i] || *end != '\0')
        return FALSE;
    }
  return TRUE;
}

/* A layout table as read, before it meets the atlas. */
typedef struct {
  DermSvgScan *scans[DERM_N_VIEWS];  /* the regions and key points of each SVG */
  GArray      *points;               /* of double: x, y of each region's label */
  GPtrArray   *kp_regions;           /* of char *: each key point's region id, or NULL */
  GHashTable  *labels;               /* map id -> GArray of DermRootLabel */
} Layout;

static void
layout_free (Layout *layout)
{
  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    g_clear_pointer (&layout->scans[view], derm_svg_scan_free);
  g_array_unref (layout->points);
  g_ptr_array_unref (layout->kp_regions);
  g_hash_table_unref (layout->labels);
  g_free (layout);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Layout, layout_free)

/* NULL, with a warning, for a table that is not well made. */
static Layout *
read_layout (GBytes *bytes)
{
  g_autoptr (Layout) layout = g_new0 (Layout, 1);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *text = g_strndup (data, size);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GArray *map_labels = NULL;
  guint64 n_regions = 0, n_key_points = 0;
  gboolean header = FALSE;
  guint line;

  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    layout->scans[view] = derm_svg_scan_new ();
  layout->points = g_array_new (FALSE, FALSE, sizeof (double));
  layout->kp_regions = g_ptr_array_new_with_free_func (g_free);
  layout->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);

  for (line = 0; lines[line] != NULL; line++)
    {
      g_auto (GStrv) f = NULL;
      DermView view;
      double v[3];
      guint n;

      if (lines[line][0] == '\0' || lines[line][0] == '#')
        continue;
      f = g_strsplit (lines[line], "\t", -1);
      n = g_strv_length (f);

      if (!header)
        {
          if (n != 4 || strcmp (f[0], "layout") != 0 || strcmp (f[1], LAYOUT_VERSION) != 0)
            break;
          n_regions = g_ascii_strtoull (f[2], NULL, 10);
          n_key_points = g_ascii_strtoull (f[3], NULL, 10);
          header = TRUE;
        }
      else if (strcmp (f[0], "region") == 0)
        {
          if (n != 5 || !derm_view_from_string (f[1], &view) || f[2][0] == '\0' ||
              !read_numbers (f + 3, 2, v))
            break;
          derm_svg_scan_add_region (layout->scans[view], f[2], 0);
          g_array_append_vals (layout->points, v, 2);
        }
      else if (strcmp (f[0], "key-point") == 0)
        {
          if (n != 6 || !derm_view_from_string (f[1], &view) || f[2][0] == '\0' ||
              !read_numbers (f + 3, 2, v) || f[5][0] == '\0')
            break;
          derm_svg_scan_add_key_point (layout->scans[view], f[2], 0, v[0], v[1]);
          g_ptr_array_add (layout->kp_regions, strcmp (f[5], "-") != 0 ? g_strdup (f[5]) : NULL);
        }
      else if (strcmp (f[0], "map") == 0)
        {
          if (n != 2 || g_hash_table_contains (layout->labels, f[1]))
            break;
          map_labels = derm_root_labels_new ();
          g_hash_table_insert (layout->labels, g_strdup (f[1]), map_labels);
        }
      else if (strcmp (f[0], "label") == 0)
        {
          DermRootLabel label = { NULL, };

          if (n != 6 || map_labels == NULL || !derm_view_from_string (f[1], &label.view) ||
              !read_numbers (f + 2, 3, v) || f[5][0] == '\0')
            break;
          label.x = v[0];
          label.y = v[1];
          label.depth = v[2];
          label.text = g_strdup (f[5]);
          g_array_append_val (map_labels, label);
        }
      else
        break;
    }

  if (lines[line] != NULL || !header || layout->points->len != 2 * n_regions ||
      layout->kp_regions->len != n_key_points)
    {
      g_warning ("Ignoring the bundled layout table: line %u is not right", line + 1);
      return NULL;
    }
  return g_steal_pointer (&layout);
}

/* Label points, key point regions and root labels from the table, once its
 * regions and key points are the atlas's. All or nothing. */
static gboolean
apply_layout (DermAtlas *self,
              Layout    *layout)
{
  g_autofree const DermRegion **kp_regions = g_new0 (const DermRegion *, self->key_points->len);
  DermGeometry *geometry;
  GHashTableIter iter;
  gpointer key;

  if (layout->points->len != 2 * self->regions->len ||
      layout->kp_regions->len != self->key_points->len ||
      g_hash_table_size (layout->labels) != self->maps->len)
    return FALSE;
  g_hash_table_iter_init (&iter, layout->labels);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_hash_table_lookup (self->maps_by_id, key) == NULL)
      return FALSE;
  for (guint i = 0; i < self->key_points->len; i++)
    {
      const char *id = g_ptr_array_index (layout->kp_regions, i);

      if (id != NULL && (kp_regions[i] = g_hash_table_lookup (self->regions_by_id, id)) == NULL)
        return FALSE;
    }

  for (guint i = 0; i < self->regions->len; i++)
    {
      DermRegion *region = g_ptr_array_index (self->regions, i);

      region->label_x = g_array_index (layout->points, double, 2 * i);
      region->label_y = g_array_index (layout->points, double, 2 * i + 1);
    }
  for (guint i = 0; i < self->key_points->len; i++)
    ((DermKeyPoint *) g_ptr_array_index (self->key_points, i))->region = kp_regions[i];
  geometry = derm_geometry_get (self);
  g_hash_table_unref (geometry->root_labels);
  geometry->root_labels = g_hash_table_ref (layout->labels);
  return TRUE;
}

DermAtlas *
derm_atlas_new_from_bytes (GBytes      *xml,
                           const char  *xml_name,
                           GBytes     **svg,
                           const char **svg_names,
                           GBytes      *layout_bytes,
                           GError     **error)
{
  g_autoptr (Layout) layout = layout_bytes != NULL ? read_layout (layout_bytes) : NULL;
  g_autoptr (DermAtlas) self = derm_atlas_new_from_xml (xml, xml_name, error);

  if (self == NULL)
    return NULL;

  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    {
      g_autoptr (DermSvgScan) scan = NULL;

      /* the bundled table lists what a scan would find */
      if (layout != NULL)
        scan = g_steal_pointer (&layout->scans[view]);
      else if ((scan = derm_svg_scan (svg[view], svg_names[view], error)) == NULL)
        return NULL;

      if (!derm_atlas_add_view (self, view, svg[view], svg_names[view], scan,
                                layout != NULL ? NULL : error))
        {
          if (layout == NULL)
            return NULL;
          g_warning ("Ignoring the bundled layout table: its regions or key points are not the atlas's");
          return derm_atlas_new_from_bytes (xml, xml_name, svg, svg_names, NULL, error);
        }
    }

  /* The bundled table was made from these very files at build time, which
   * also proved that every region's outline reads: no id map is needed yet. */
  if (layout != NULL)
    {
      if (apply_layout (self, layout))
        return g_steal_pointer (&self);
      g_warning ("Ignoring the bundled layout table: its maps or key point regions are not the atlas's");
      return derm_atlas_new_from_bytes (xml, xml_name, svg, svg_names, NULL, error);
    }

  /* worked out from the id maps, which also proves every region's outline reads */
  if (!derm_geometry_place (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

static GBytes *
read_file (const char  *path,
           GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_IO, "%s", local_error->message);
      return NULL;
    }
  return g_bytes_new_take (contents, length);
}

/**
 * derm_atlas_new_from_files:
 *
 * Loads an atlas from files on disk; error messages name these paths.
 */
DermAtlas *
derm_atlas_new_from_files (const char  *atlas_xml,
                           const char  *anterior_svg,
                           const char  *posterior_svg,
                           GError     **error)
{
  const char *names[] = { anterior_svg, posterior_svg };
  g_autoptr (GBytes) xml = NULL;
  g_autoptr (GBytes) anterior = NULL;
  g_autoptr (GBytes) posterior = NULL;
  GBytes *svg[DERM_N_VIEWS];

  if ((xml = read_file (atlas_xml, error)) == NULL ||
      (anterior = read_file (anterior_svg, error)) == NULL ||
      (posterior = read_file (posterior_svg, error)) == NULL)
    return NULL;

  svg[DERM_VIEW_ANTERIOR] = anterior;
  svg[DERM_VIEW_POSTERIOR] = posterior;
  return derm_atlas_new_from_bytes (xml, atlas_xml, svg, names, NULL, error);
}
