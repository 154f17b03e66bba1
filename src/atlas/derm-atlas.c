/* derm-atlas.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "derm-atlas-private.h"
#include "derm-layout.h"

G_DEFINE_FINAL_TYPE (DermAtlas, derm_atlas, G_TYPE_OBJECT)

G_DEFINE_QUARK (derm-atlas-error-quark, derm_atlas_error)

static void
source_free (gpointer data)
{
  DermSource *source = data;

  g_free (source->id);
  g_free (source->citation);
  g_free (source);
}

void
derm_statement_free (DermStatement *statement)
{
  if (statement == NULL)
    return;
  g_free (statement->field);
  g_free (statement->text);
  g_strfreev (statement->sources);
  g_free (statement->map);
  g_free (statement->kind);
  g_free (statement);
}

static void
root_free (gpointer data)
{
  DermRoot *root = data;

  g_free (root->id);
  g_ptr_array_unref (root->statements);
  g_free (root);
}

static void
region_info_free (gpointer data)
{
  DermRegionInfo *info = data;

  g_free (info->id);
  g_free (info->name);
  g_strfreev (info->synonyms);
  g_free (info);
}

static void
region_free (gpointer data)
{
  DermRegion *region = data;

  g_free (region->id);
  g_free (region);
}

static void
map_free (gpointer data)
{
  DermMap *map = data;

  g_free (map->id);
  g_free (map->name);
  g_free (map->description);
  g_strfreev (map->sources);
  g_hash_table_unref (map->zones);
  g_free (map);
}

static void
nerve_free (gpointer data)
{
  DermNerve *nerve = data;

  g_free (nerve->id);
  g_free (nerve->name);
  g_free (nerve->territory);
  g_strfreev (nerve->roots);
  g_strfreev (nerve->sources);
  g_strfreev (nerve->regions);
  derm_statement_free (nerve->distinguish);
  g_free (nerve->parent);
  g_free (nerve);
}

static void
quiz_item_choice_free (gpointer data)
{
  DermQuizItemChoice *choice = data;

  g_free (choice->id);
  g_free (choice->label);
  g_free (choice);
}

void
derm_quiz_item_free (gpointer data)
{
  DermQuizItem *item = data;

  g_free (item->kind);
  g_free (item->id);
  g_free (item->question);
  g_strfreev (item->roots);
  g_clear_pointer (&item->choices, g_ptr_array_unref);
  g_free (item->explanation);
  g_strfreev (item->sources);
  g_free (item);
}

GPtrArray *
derm_quiz_item_choices_new (void)
{
  return g_ptr_array_new_with_free_func (quiz_item_choice_free);
}

static void
key_point_free (gpointer data)
{
  DermKeyPoint *kp = data;

  g_free (kp->root);
  g_free (kp);
}

static void
root_label_clear (gpointer data)
{
  DermRootLabel *label = data;

  g_free (label->text);
}

static GArray *
root_labels_new (void)
{
  GArray *labels = g_array_new (FALSE, TRUE, sizeof (DermRootLabel));

  g_array_set_clear_func (labels, root_label_clear);
  return labels;
}

static void
derm_atlas_finalize (GObject *object)
{
  DermAtlas *self = DERM_ATLAS (object);

  for (DermView v = 0; v < DERM_N_VIEWS; v++)
    {
      g_clear_pointer (&self->view_maps[v], derm_id_map_free);
      g_clear_pointer (&self->paths[v], derm_svg_paths_free);
      g_clear_pointer (&self->svg[v], g_bytes_unref);
      g_clear_pointer (&self->svg_name[v], g_free);
    }
  g_clear_pointer (&self->xml_name, g_free);
  g_hash_table_unref (self->root_labels);
  g_hash_table_unref (self->sources_by_id);
  g_hash_table_unref (self->roots_by_id);
  g_hash_table_unref (self->region_infos_by_id);
  g_hash_table_unref (self->regions_by_id);
  g_hash_table_unref (self->maps_by_id);
  g_hash_table_unref (self->nerves_by_id);
  g_ptr_array_unref (self->key_points);
  g_ptr_array_unref (self->quiz_items);
  g_ptr_array_unref (self->exam_tests);
  g_ptr_array_unref (self->nerves);
  g_ptr_array_unref (self->maps);
  g_ptr_array_unref (self->regions);
  g_ptr_array_unref (self->region_infos);
  g_ptr_array_unref (self->roots);
  g_ptr_array_unref (self->sources);

  G_OBJECT_CLASS (derm_atlas_parent_class)->finalize (object);
}

static void
derm_atlas_class_init (DermAtlasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = derm_atlas_finalize;
}

static void
derm_atlas_init (DermAtlas *self)
{
  self->sources = g_ptr_array_new_with_free_func (source_free);
  self->roots = g_ptr_array_new_with_free_func (root_free);
  self->region_infos = g_ptr_array_new_with_free_func (region_info_free);
  self->regions = g_ptr_array_new_with_free_func (region_free);
  self->maps = g_ptr_array_new_with_free_func (map_free);
  self->nerves = g_ptr_array_new_with_free_func (nerve_free);
  self->key_points = g_ptr_array_new_with_free_func (key_point_free);
  self->quiz_items = g_ptr_array_new_with_free_func (derm_quiz_item_free);
  self->exam_tests = g_ptr_array_new_with_free_func (derm_exam_test_free);
  self->sources_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->roots_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->region_infos_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->regions_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->maps_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->nerves_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->root_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_array_unref);
}

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

/* Label points: the pixel deepest inside each region, one pixel a unit. */
static void
place_region_labels (DermAtlas *self)
{
  guint n = self->regions->len + 1;
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
      derm_id_map_find_centers (derm_atlas_get_view_id_map (self, view), identity, n, n, xs, ys, depths);
      for (guint i = 0; i < self->regions->len; i++)
        {
          DermRegion *region = g_ptr_array_index (self->regions, i);

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
  GArray *labels = root_labels_new ();
  GPtrArray *regions = self->regions;

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
      derm_id_map_find_centers (derm_atlas_get_view_id_map (self, view),
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
      GArray *labels = derm_atlas_get_root_labels (self, map);

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
          map_labels = root_labels_new ();
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
  g_hash_table_unref (self->root_labels);
  self->root_labels = g_hash_table_ref (layout->labels);
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
  g_autoptr (DermAtlas) self = g_object_new (DERM_TYPE_ATLAS, NULL);
  g_autoptr (Layout) layout = layout_bytes != NULL ? read_layout (layout_bytes) : NULL;

  self->xml_name = g_strdup (xml_name);
  if (!derm_atlas_load_xml (self, xml, xml_name, error))
    return NULL;

  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    {
      g_autoptr (DermSvgScan) scan = NULL;

      self->svg[view] = g_bytes_ref (svg[view]);
      self->svg_name[view] = g_strdup (svg_names[view]);

      /* the bundled table lists what a scan would find */
      if (layout != NULL)
        scan = g_steal_pointer (&layout->scans[view]);
      else if ((scan = derm_svg_scan (svg[view], svg_names[view], error)) == NULL)
        return NULL;

      if (!add_regions (self, view, scan, layout != NULL ? NULL : error) ||
          !add_key_points (self, view, scan, layout != NULL ? NULL : error))
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

  /* Each view's id map: this also proves every region's outline reads */
  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    {
      self->view_maps[view] = derm_id_map_try_new (self, (DermLayout) view, 1.0, error);
      if (self->view_maps[view] == NULL)
        return NULL;
    }
  place_region_labels (self);

  for (guint i = 0; i < self->key_points->len; i++)
    {
      DermKeyPoint *kp = g_ptr_array_index (self->key_points, i);
      kp->region = derm_atlas_region_at (self, kp->view, kp->x, kp->y);
    }

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

gboolean
derm_atlas_render_id_layer (DermAtlas  *self,
                            DermView    view,
                            cairo_t    *cr,
                            GError    **error)
{
  DermSvgPaths *paths = derm_atlas_get_paths (self, view);

  /* flat fills from the outlines, as crisp as librsvg drew them with
   * shape-rendering: crispEdges (the same pixels, checked at every scale
   * the app uses) */
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (guint i = 0; i < self->regions->len; i++)
    {
      DermRegion *region = g_ptr_array_index (self->regions, i);
      guint value = region->index + 1;

      if (region->view != view)
        continue;
      cairo_new_path (cr);
      if (!derm_svg_paths_append (paths, region->id, cr, error))
        {
          cairo_restore (cr);
          return FALSE;
        }
      cairo_set_source_rgb (cr, (value >> 16 & 0xff) / 255.0, (value >> 8 & 0xff) / 255.0,
                            (value & 0xff) / 255.0);
      cairo_fill (cr);
    }
  cairo_restore (cr);
  return TRUE;
}

GPtrArray *
derm_atlas_get_sources (DermAtlas *self)
{
  g_return_val_if_fail (DERM_IS_ATLAS (self), NULL);
  return self->sources;
}

const DermSource *
derm_atlas_get_source (DermAtlas  *self,
                       const char *id)
{
  g_return_val_if_fail (DERM_IS_ATLAS (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->sources_by_id, id) : NULL;
}

GPtrArray *
derm_atlas_get_roots (DermAtlas *self)
{
  g_return_val_if_fail (DERM_IS_ATLAS (self), NULL);
  return self->roots;
}

const DermRoot *
derm_atlas_get_root (DermAtlas  *self,
                     const char *id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (DERM_IS_ATLAS (self), NULL);
  if (id == NULL)
    return NULL;
  key = g_ascii_strup (id, -1);
  return g_hash_table_lookup (self->roots_by_id, key);
}

GPtrArray *
derm_atlas_get_regions (DermAtlas *self)
{
  g_return_val_if_fail (DERM_IS_ATLAS (self), NULL);
  return self->regions;
}

const DermRegion *
derm_atlas_get_region (DermAtlas  *self,
                       const char *svg_id)
{
  g_return_val_if_fail (DERM_IS_ATLAS (self), NULL);
  return svg_id != NULL ? g_hash_table_lookup (self->regions_by_id, svg_id) : NULL;
}

const DermRegion *
derm_atlas_get_region_by_index (DermAtlas *self,
                                guint      index)
{
  g_return_val_if_fail (DERM_IS_ATLAS (self), NULL);
  return index < self->regions->len ? g_ptr_array_index (self->regions, index) : NULL;
}

GPtrArray *
derm_atlas_get_maps (DermAtlas *self)
{
  g_return_val_if_fail (DERM_IS_ATLAS (self), NULL);
  return self->maps;
}

const DermMap *
derm_atlas_get_default_map (DermAtlas *self)
{
  g_return_val_if_fail (DERM_IS_ATLAS (self), NULL);
  return g_ptr_array_index (self->maps, 0);
}

const DermMap *
derm_atlas_get_map (DermAtlas  *self,
                    const char *id)
{
  g_return_val_if_fail (DERM_IS_ATLAS (self), NULL);
  if (id == NULL)
    return derm_atlas_get_default_map (self);
  return g_hash_table_lookup (self->maps_by_id, id);
}

GPtrArray *
derm_atlas_get_nerves (DermAtlas *self)
{
  g_return_val_if_fail (DERM_IS_ATLAS (self), NULL);
  return self->nerves;
}

const DermNerve *
derm_atlas_get_nerve (DermAtlas  *self,
                      const char *id)
{
  g_return_val_if_fail (DERM_IS_ATLAS (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->nerves_by_id, id) : NULL;
}

GPtrArray *
derm_atlas_get_key_points (DermAtlas *self)
{
  g_return_val_if_fail (DERM_IS_ATLAS (self), NULL);
  return self->key_points;
}

const DermKeyPoint *
derm_atlas_get_key_point (DermAtlas  *self,
                          const char *root,
                          DermSide    side)
{
  g_return_val_if_fail (DERM_IS_ATLAS (self), NULL);

  for (guint i = 0; i < self->key_points->len; i++)
    {
      const DermKeyPoint *kp = g_ptr_array_index (self->key_points, i);

      if (kp->side == side && g_ascii_strcasecmp (kp->root, root) == 0)
        return kp;
    }
  return NULL;
}

const DermKeyPoint *
derm_atlas_key_point_near (DermAtlas *self,
                           DermView   view,
                           double     x,
                           double     y,
                           double     radius)
{
  const DermKeyPoint *nearest = NULL;
  double best = radius;

  g_return_val_if_fail (DERM_IS_ATLAS (self), NULL);

  for (guint i = 0; i < self->key_points->len; i++)
    {
      const DermKeyPoint *kp = g_ptr_array_index (self->key_points, i);
      double d;

      if (kp->view != view)
        continue;
      d = hypot (kp->x - x, kp->y - y);
      if (d <= best)
        {
          best = d;
          nearest = kp;
        }
    }
  return nearest;
}

GPtrArray *
derm_atlas_get_quiz_items (DermAtlas *self)
{
  g_return_val_if_fail (DERM_IS_ATLAS (self), NULL);
  return self->quiz_items;
}

GBytes *
derm_atlas_get_svg (DermAtlas *self,
                    DermView   view)
{
  g_return_val_if_fail (DERM_IS_ATLAS (self), NULL);
  g_return_val_if_fail (view < DERM_N_VIEWS, NULL);
  return self->svg[view];
}

const DermRegion *
derm_atlas_region_at (DermAtlas *self,
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
  return derm_id_map_lookup (derm_atlas_get_view_id_map (self, view), x + ox, y + oy);
}

const char * const *
derm_map_get_roots (const DermMap    *map,
                    const DermRegion *region)
{
  static const char * const none[] = { NULL };
  const char * const *roots;

  g_return_val_if_fail (map != NULL && region != NULL, none);
  roots = g_hash_table_lookup (map->zones, region->name_id);
  return roots != NULL ? roots : none;
}

gboolean
derm_map_region_has_root (const DermMap    *map,
                          const DermRegion *region,
                          const char       *root)
{
  return g_strv_contains (derm_map_get_roots (map, region), root);
}

GPtrArray *
derm_atlas_get_region_nerves (DermAtlas        *self,
                              const DermRegion *region)
{
  GPtrArray *nerves = g_ptr_array_new ();

  g_return_val_if_fail (DERM_IS_ATLAS (self), nerves);

  for (guint i = 0; i < self->nerves->len; i++)
    {
      DermNerve *nerve = g_ptr_array_index (self->nerves, i);

      if (g_strv_contains ((const char * const *) nerve->regions, region->name_id))
        g_ptr_array_add (nerves, nerve);
    }
  return nerves;
}

const DermStatement *
derm_root_get_statement (const DermRoot *root,
                         const char     *field,
                         int             view)
{
  g_return_val_if_fail (root != NULL, NULL);

  for (guint i = 0; i < root->statements->len; i++)
    {
      const DermStatement *statement = g_ptr_array_index (root->statements, i);

      if (strcmp (statement->field, field) == 0 && (view < 0 || statement->view == view))
        return statement;
    }
  return NULL;
}

/**
 * derm_region_dup_title:
 *
 * The region's name with the patient's side, as a person says it:
 * "Left medial malleolus", or "Perianal skin, inner ring" for a midline one.
 */
char *
derm_region_dup_title (const DermRegion *region)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (region != NULL, NULL);

  switch (region->side)
    {
    case DERM_SIDE_LEFT:
      /* Translators: the patient's left; %s is a region such as "medial malleolus" */
      title = g_strdup_printf (_("Left %s"), region->name);
      break;
    case DERM_SIDE_RIGHT:
      /* Translators: the patient's right; %s is a region such as "medial malleolus" */
      title = g_strdup_printf (_("Right %s"), region->name);
      break;
    case DERM_SIDE_MID:
    case DERM_N_SIDES:
    default:
      title = g_strdup (region->name);
      break;
    }
  /* A title starts a line, also where a translation puts the side after
   * the name: "maléolo medial (lado izquierdo)" */
  if (title[0] != '\0')
    {
      g_autofree char *rest = g_strdup (g_utf8_next_char (title));
      g_autofree char *first = g_utf8_strup (title, g_utf8_next_char (title) - title);
      g_free (title);
      title = g_strconcat (first, rest, NULL);
    }
  return g_steal_pointer (&title);
}

DermSvgPaths *
derm_atlas_get_paths (DermAtlas *self,
                      DermView   view)
{
  if (self->paths[view] == NULL)
    self->paths[view] = derm_svg_paths_new (self->svg[view], self->svg_name[view]);
  return self->paths[view];
}

DermIdMap *
derm_atlas_get_view_id_map (DermAtlas *self,
                            DermView   view)
{
  if (self->view_maps[view] == NULL)
    self->view_maps[view] = derm_id_map_new (self, (DermLayout) view, 1.0);
  return self->view_maps[view];
}

GArray *
derm_atlas_get_root_labels (DermAtlas     *self,
                            const DermMap *map)
{
  GArray *labels = g_hash_table_lookup (self->root_labels, map->id);

  if (labels == NULL)
    {
      labels = find_root_labels (self, map);
      g_hash_table_insert (self->root_labels, g_strdup (map->id), labels);
    }
  return labels;
}
