/* derm-atlas-resource.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The atlas bundled with the program. Apart from the rest of the atlas
 * code, so that derm-atlas-precompute can be built before the bundle that
 * holds its output.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include "derm-atlas-resources.h"
#include "derm-bundle-private.h"

/**
 * derm_atlas_new_from_resource:
 *
 * Loads the atlas bundled with the program: atlas.xml, the two maps and the
 * layout table worked out from them at build time.
 */
DermAtlas *
derm_atlas_new_from_resource (GError **error)
{
  static const char *names[] = { "maps/anterior.svg", "maps/posterior.svg" };
  g_autoptr (GBytes) xml = NULL;
  g_autoptr (GBytes) layout = NULL;
  GBytes *svg[DERM_N_VIEWS] = { NULL, };
  DermAtlas *atlas;

  /* looked up in our own bundle, which also keeps its object file linked */
  GResource *bundle = derm_atlas_get_resource ();

  xml = g_resource_lookup_data (bundle, RESOURCE_PREFIX "/atlas.xml", 0, error);
  if (xml == NULL)
    return NULL;
  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    {
      g_autofree char *path = g_strdup_printf (RESOURCE_PREFIX "/%s", names[view]);

      svg[view] = g_resource_lookup_data (bundle, path, 0, error);
      if (svg[view] == NULL)
        {
          g_clear_pointer (&svg[0], g_bytes_unref);
          return NULL;
        }
    }
  /* without it the atlas works it out itself, only slower */
  layout = g_resource_lookup_data (bundle, RESOURCE_PREFIX "/maps/layout.txt", 0, NULL);

  atlas = derm_atlas_new_from_bytes (xml, "atlas.xml", svg, names, layout, error);
  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    g_bytes_unref (svg[view]);
  return atlas;
}
