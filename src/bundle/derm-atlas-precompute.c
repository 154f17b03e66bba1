/* derm-atlas-precompute.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Build tool: loads atlas.xml and the two maps, works out from their id maps
 * what the app would otherwise compute at every start (region label points,
 * the region of each key point, every map's root labels) and writes it as
 * the layout table bundled with them (derm_atlas_write_layout ()).
 *
 *   derm-atlas-precompute OUTPUT ATLAS.XML ANTERIOR.SVG POSTERIOR.SVG
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <stdio.h>

#include "derm-bundle-private.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DermAtlas) atlas = NULL;
  g_autofree char *layout = NULL;

  if (argc != 5)
    {
      fprintf (stderr, "Usage: %s OUTPUT ATLAS.XML ANTERIOR.SVG POSTERIOR.SVG\n", argv[0]);
      return 2;
    }

  atlas = derm_atlas_new_from_files (argv[2], argv[3], argv[4], &error);
  if (atlas == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 1;
    }
  layout = derm_atlas_write_layout (atlas);
  if (!g_file_set_contents (argv[1], layout, -1, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 1;
    }
  return 0;
}
