/* test-render.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the files of the test-render program.
 */
#pragma once

#include <math.h>

#include "derm-bundle.h"
#include "derm-id-map.h"
#include "derm-layout.h"
#include "derm-renderer.h"

/* test-render.c */
extern DermAtlas *atlas;
/* the three palettes, DERM_PALETTE_DEFAULT first */
extern const DermPalette palettes[3];
cairo_surface_t *render (const DermRenderOptions *options,
                         double                   scale);
/* with another atlas, e.g. a copy without the art layer */
cairo_surface_t *render_atlas (DermAtlas               *with,
                               const DermRenderOptions *options,
                               double                   scale);
/* the bundled atlas.xml and maps copied to a fresh folder (with or
 * without the art files); remove_copy () deletes the folder and frees dir */
DermAtlas *copy_atlas (gboolean   art,
                       char     **dir);
void remove_copy (char *dir);
void pixel_at (cairo_surface_t *surface,
               double           x,
               double           y,
               DermColor       *color);
gboolean close_to (const DermColor *a,
                   const DermColor *b);
void probe_point (const DermRegion *region,
                  DermLayout        layout,
                  double           *x,
                  double           *y);
guint count_color_near (cairo_surface_t *surface,
                        double           x,
                        double           y,
                        int              radius,
                        const DermColor *color);

/* test-render-palettes.c */
void test_render_palettes_add_tests (void);

/* test-render-zones.c */
void test_render_zones_add_tests (void);

/* test-render-labels.c */
void test_render_labels_add_tests (void);
