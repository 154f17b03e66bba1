/* derm-atlas-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "derm-atlas.h"
#include "derm-id-map.h"
#include "derm-svg-path.h"

G_BEGIN_DECLS

/* A region as named in atlas.xml, before it is split by side. */
typedef struct {
  char    *id;
  char    *name;
  char   **synonyms;
  DermView view;
  gboolean sides[DERM_N_SIDES];
  int      line;
} DermRegionInfo;

struct _DermAtlas {
  GObject     parent_instance;

  GPtrArray  *sources;       /* DermSource */
  GPtrArray  *roots;         /* DermRoot */
  GPtrArray  *region_infos;  /* DermRegionInfo */
  GPtrArray  *regions;       /* DermRegion, filled from the SVGs */
  GPtrArray  *maps;          /* DermMap */
  GPtrArray  *nerves;        /* DermNerve */
  GPtrArray  *key_points;    /* DermKeyPoint */
  GPtrArray  *quiz_items;    /* DermQuizItem */
  GPtrArray  *exam_tests;    /* DermExamTest */

  GHashTable *sources_by_id;
  GHashTable *roots_by_id;       /* upper-cased id -> DermRoot */
  GHashTable *region_infos_by_id;
  GHashTable *regions_by_id;
  GHashTable *maps_by_id;
  GHashTable *nerves_by_id;

  GBytes     *svg[DERM_N_VIEWS];
  char       *svg_name[DERM_N_VIEWS];
  char       *xml_name;

  /* made when first needed: with the bundled layout table the first
   * frame needs neither (see derm_atlas_write_layout ()) */
  DermIdMap  *view_maps[DERM_N_VIEWS];  /* one pixel per unit, for region_at */
  DermSvgPaths *paths[DERM_N_VIEWS];    /* the outlines, each parsed when used */
  GHashTable *root_labels;              /* map id -> GArray of DermRootLabel */
};

/* A root label of a map: one per run of same-root skin per side and view. */
typedef struct {
  char    *text;    /* "L4" or "L3/L4" */
  DermView view;
  double   x, y;    /* view units */
  double   depth;   /* room around the point, view units */
} DermRootLabel;

/* An element id found in the SVG's regions group, with its line. */
typedef struct {
  char *id;
  int   line;
} DermSvgItem;

typedef struct {
  GPtrArray *regions;     /* DermSvgItem */
  GPtrArray *key_points;  /* DermSvgItem, id "kp-L4-left" */
  GArray    *kp_xy;       /* double pairs, parallel to key_points */
} DermSvgScan;

DermSvgScan *derm_svg_scan          (GBytes      *svg,
                                     const char  *filename,
                                     GError     **error);
/* An empty list, to fill from elsewhere (the layout table). */
DermSvgScan *derm_svg_scan_new      (void);
void         derm_svg_scan_add_region    (DermSvgScan *scan,
                                          const char  *id,
                                          int          line);
void         derm_svg_scan_add_key_point (DermSvgScan *scan,
                                          const char  *id,
                                          int          line,
                                          double       x,
                                          double       y);
void         derm_svg_scan_free     (DermSvgScan *scan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DermSvgScan, derm_svg_scan_free)

/* layout: a table written by derm_atlas_write_layout () for exactly these
 * files, which then need no scan and no id map; or NULL to work it all out
 * from them. A table that does not fit is ignored with a warning. */
DermAtlas   *derm_atlas_new_from_bytes (GBytes      *xml,
                                        const char  *xml_name,
                                        GBytes     **svg,
                                        const char **svg_names,
                                        GBytes      *layout,
                                        GError     **error);

/* What the id maps tell about the atlas (region label points, the region of
 * each key point, every map's root labels), as text for the bundle:
 * derm-atlas-precompute writes it at build time. */
char        *derm_atlas_write_layout (DermAtlas  *self);

gboolean     derm_atlas_load_xml    (DermAtlas   *self,
                                     GBytes      *xml,
                                     const char  *filename,
                                     GError     **error);

void         derm_statement_free    (DermStatement *statement);
void         derm_quiz_item_free    (gpointer       item);
void         derm_exam_test_free    (gpointer       test);
GPtrArray   *derm_quiz_item_choices_new (void);  /* of DermQuizItemChoice */

/* Render the regions layer of a view into cr (view units), each region
 * filled with a flat colour encoding index + 1, no antialiasing; an error
 * if a region's outline does not parse. */
gboolean     derm_atlas_render_id_layer (DermAtlas *self,
                                         DermView   view,
                                         cairo_t   *cr,
                                         GError   **error);

/* The view's one-pixel-a-unit id map, in the view's single layout. */
DermIdMap   *derm_atlas_get_view_id_map (DermAtlas *self,
                                         DermView   view);

/* The outlines of a view's elements by id (see derm-svg-path.h), shared
 * by the id maps and every renderer of the atlas. */
DermSvgPaths *derm_atlas_get_paths     (DermAtlas *self,
                                        DermView   view);

/* The map's root labels, of DermRootLabel, owned by the atlas. */
GArray      *derm_atlas_get_root_labels (DermAtlas     *self,
                                         const DermMap *map);

G_END_DECLS
