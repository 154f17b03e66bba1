/* derm-map-view-accessible.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the map view tells in words: its accessible name, which follows the
 * region with the keyboard focus so a screen reader speaks each move, and
 * the descriptions of regions and key points that tooltips show.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>

#include "derm-chart-marks.h"
#include "derm-map-view-private.h"

/* The name a screen reader speaks for a region: side, region and roots on
 * the current map ("Left medial malleolus, L4"), only the region while a
 * quiz hides the roots. */
static char *
accessible_region_label (DermMapView      *self,
                         const DermRegion *region)
{
  g_autofree char *title = derm_region_dup_title (region);
  g_autofree char *roots_text = NULL;
  const DermMap *map;

  /* charting: what the skin there was charted as */
  if (self->chart != NULL)
    {
      int finding = derm_chart_lookup_sensory (self->chart, region->view, region->side, region->name_id);

      if (finding >= 0)
        /* Translators: a charted region for a screen reader, "Left dorsum of the foot: reduced" */
        return g_strdup_printf (C_("accessible region", "%s: %s"), title, derm_finding_label (finding));
    }

  if (!self->reveal_roots)
    return g_steal_pointer (&title);

  map = self->atlas != NULL ? derm_atlas_get_map (self->atlas, self->map_id) : NULL;
  /* "L4", "L3 (uncertain)", "not drawn by this map", "varies between people" */
  roots_text = map != NULL ? derm_map_dup_roots_text (map, region) : g_strdup (_("varies between people"));

  /* the region chosen with Enter (or a click), whose card the side panel
   * now shows: the name changes, so a screen reader says so */
  if (region == self->selected_region)
    /* Translators: what a screen reader says for the selected region that
     * has the keyboard focus, its card shown in the side panel: the region
     * with its side, its nerve roots, then "selected",
     * "Left medial malleolus, L4, selected" */
    return g_strdup_printf (C_("accessible region", "%s, %s, selected"), title, roots_text);

  /* Translators: what a screen reader says for the region that has the
   * keyboard focus on the map: the region with its side, then its nerve
   * roots, "Left medial malleolus, L4" or "Left patella, L3, L4" */
  return g_strdup_printf (C_("accessible region", "%s, %s"), title, roots_text);
}

/* While a region has the keyboard focus the map's accessible name is that
 * region, so a screen reader announces each arrow-key move (it speaks name
 * changes of the focused object); otherwise it is the map's own name. The
 * role stays GTK_ACCESSIBLE_ROLE_GROUP: a concrete ARIA role for a widget
 * that holds many targets, and no list or grid role fits a drawing whose
 * regions have no row or column order. */
void
_derm_map_view_update_accessible (DermMapView *self)
{
  g_autofree char *label = NULL;

  if (self->focused && self->focus_region != NULL && self->atlas != NULL)
    label = accessible_region_label (self, self->focus_region);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : _("Body map"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Click a region of skin to see its nerve root. "
                                    "Arrow keys move between regions, Enter selects."),
                                  -1);
}

char *
derm_map_view_describe_region (DermMapView      *self,
                               const DermRegion *region)
{
  g_autofree char *title = NULL;
  g_autofree char *roots_text = NULL;
  const DermMap *map;

  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), NULL);
  g_return_val_if_fail (region != NULL, NULL);

  title = derm_region_dup_title (region);
  /* a quiz asks for the roots: the name only */
  if (!self->reveal_roots)
    return g_steal_pointer (&title);

  map = self->atlas != NULL ? derm_atlas_get_map (self->atlas, self->map_id) : NULL;
  /* "L4", "L3 (uncertain)", "not drawn by this map", "varies between people" */
  roots_text = map != NULL ? derm_map_dup_roots_text (map, region) : g_strdup (_("varies between people"));

  /* Translators: a region of skin and its nerve roots, "Left medial malleolus – L4" */
  return g_strdup_printf (C_("region tooltip", "%s – %s"), title, roots_text);
}

char *
derm_map_view_describe_key_point (DermMapView        *self,
                                  const DermKeyPoint *key_point)
{
  g_return_val_if_fail (DERM_IS_MAP_VIEW (self), NULL);
  g_return_val_if_fail (key_point != NULL, NULL);

  /* Translators: tooltip of a key-point dot, "Left L4 key sensory point" */
  return g_strdup_printf (key_point->side == DERM_SIDE_LEFT ? _("Left %s key sensory point")
                                                            : _("Right %s key sensory point"),
                          key_point->root);
}
