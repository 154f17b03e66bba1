/* derm-atlas.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The atlas data and what can be asked of it. It is read from atlas.xml in
 * derm-atlas-loader.c, given the regions and key points of each map in
 * derm-atlas-build.c and searched in derm-search.c.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "derm-atlas-private.h"

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
  g_hash_table_unref (map->kinds);
  g_hash_table_unref (map->borders);
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
  g_strfreev (nerve->synonyms);
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
derm_atlas_finalize (GObject *object)
{
  DermAtlas *self = DERM_ATLAS (object);

  for (DermView v = 0; v < DERM_N_VIEWS; v++)
    {
      g_clear_pointer (&self->svg[v], g_bytes_unref);
      g_clear_pointer (&self->svg_name[v], g_free);
    }
  g_clear_pointer (&self->xml_name, g_free);
  g_hash_table_unref (self->sources_by_id);
  g_hash_table_unref (self->roots_by_id);
  g_hash_table_unref (self->region_infos_by_id);
  g_hash_table_unref (self->regions_by_id);
  g_hash_table_unref (self->maps_by_id);
  g_hash_table_unref (self->nerves_by_id);
  g_ptr_array_unref (self->key_points);
  g_ptr_array_unref (self->quiz_items);
  g_ptr_array_unref (self->exam_tests);
  g_ptr_array_unref (self->symptom_words);
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
  self->symptom_words = g_ptr_array_new_with_free_func (g_free);
  self->sources_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->roots_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->region_infos_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->regions_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->maps_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->nerves_by_id = g_hash_table_new (g_str_hash, g_str_equal);
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

const char *
derm_atlas_get_svg_name (DermAtlas *self,
                         DermView   view)
{
  g_return_val_if_fail (DERM_IS_ATLAS (self), NULL);
  g_return_val_if_fail (view < DERM_N_VIEWS, NULL);
  return self->svg_name[view];
}

/* A NULL-terminated list a map keeps for a region, or an empty one. */
static const char * const *
lookup_list (GHashTable       *table,
             const DermRegion *region)
{
  static const char * const none[] = { NULL };
  const char * const *list;

  if (region == NULL)
    return none;
  list = g_hash_table_lookup (table, region->name_id);
  return list != NULL ? list : none;
}

const char * const *
derm_map_get_roots (const DermMap    *map,
                    const DermRegion *region)
{
  g_return_val_if_fail (map != NULL && region != NULL, lookup_list (NULL, NULL));
  return lookup_list (map->zones, region);
}

gboolean
derm_map_region_has_root (const DermMap    *map,
                          const DermRegion *region,
                          const char       *root)
{
  return g_strv_contains (derm_map_get_roots (map, region), root);
}

DermZoneKind
derm_map_get_zone_kind (const DermMap    *map,
                        const DermRegion *region)
{
  g_return_val_if_fail (map != NULL && region != NULL, DERM_ZONE_SOURCED);

  return (DermZoneKind) GPOINTER_TO_INT (g_hash_table_lookup (map->kinds, region->name_id));
}

const char * const *
derm_map_get_zone_borders (const DermMap    *map,
                           const DermRegion *region)
{
  g_return_val_if_fail (map != NULL && region != NULL, lookup_list (NULL, NULL));
  return lookup_list (map->borders, region);
}

gboolean
derm_map_zone_is_sourced (const DermMap    *map,
                          const DermRegion *region)
{
  return derm_map_get_zone_kind (map, region) == DERM_ZONE_SOURCED &&
         derm_map_get_roots (map, region)[0] != NULL;
}

char *
derm_map_dup_roots_text (const DermMap    *map,
                         const DermRegion *region)
{
  g_autofree char *roots = NULL;

  g_return_val_if_fail (map != NULL && region != NULL, NULL);

  switch (derm_map_get_zone_kind (map, region))
    {
    case DERM_ZONE_VARIES:
      return g_strdup (_("varies between people"));
    case DERM_ZONE_NOT_DRAWN:
      return g_strdup (_("not drawn by this map"));
    case DERM_ZONE_GUESSED:
      roots = g_strjoinv (", ", (char **) derm_map_get_roots (map, region));
      /* Translators: the roots of a zone no source gives, "L3 (uncertain)" */
      return g_strdup_printf (_("%s (uncertain)"), roots);
    case DERM_ZONE_SOURCED:
    default:
      break;
    }
  if (derm_map_get_roots (map, region)[0] == NULL)
    return g_strdup (_("varies between people"));
  return g_strjoinv (", ", (char **) derm_map_get_roots (map, region));
}

char *
derm_map_dup_zone_note (const DermMap    *map,
                        const DermRegion *region)
{
  g_autofree char *borders = NULL;
  g_autofree char *roots = NULL;

  g_return_val_if_fail (map != NULL && region != NULL, NULL);

  switch (derm_map_get_zone_kind (map, region))
    {
    case DERM_ZONE_VARIES:
      return g_strdup (_("No consistent root on this map (varies between people)"));
    case DERM_ZONE_NOT_DRAWN:
      return g_strdup (_("Not drawn by this map: its source leaves this skin out."));
    case DERM_ZONE_GUESSED:
      borders = g_strjoinv (", ", (char **) derm_map_get_zone_borders (map, region));
      roots = g_strjoinv (", ", (char **) derm_map_get_roots (map, region));
      /* Translators: a zone that no source of the map gives: first the
       * roots of the skin around it, then the roots drawn there,
       * "… It lies between L3, L5 and is shown as L3." */
      return g_strdup_printf (_("Uncertain: no source of this map gives this skin. It lies between %s and is shown as %s."),
                              borders, roots);
    case DERM_ZONE_SOURCED:
    default:
      break;
    }
  if (derm_map_get_roots (map, region)[0] == NULL)
    return g_strdup (_("No consistent root on this map (varies between people)"));
  return NULL;
}

const char *
derm_map_get_blank_meaning (const DermMap *map)
{
  GHashTableIter iter;
  gpointer value;
  gboolean varies = FALSE, not_drawn = FALSE;

  g_return_val_if_fail (map != NULL, NULL);

  g_hash_table_iter_init (&iter, map->kinds);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      varies |= GPOINTER_TO_INT (value) == DERM_ZONE_VARIES;
      not_drawn |= GPOINTER_TO_INT (value) == DERM_ZONE_NOT_DRAWN;
    }
  if (varies && not_drawn)
    return _("varies between people, or not drawn by this map");
  if (not_drawn)
    return _("not drawn by this map");
  if (varies)
    return _("varies between people");
  return NULL;
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
