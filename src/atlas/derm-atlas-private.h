/* derm-atlas-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "derm-atlas.h"

G_BEGIN_DECLS

/* A region as named in atlas.xml, before it is split by side. */
typedef struct {
  char    *id;
  char    *name;
  char   **synonyms;
  DermView view;
  gboolean sides[DERM_N_SIDES];
  gboolean nerve_unsourced;  /* nerves="unsourced" */
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
  GPtrArray  *symptom_words; /* char *, translated: search passes over them */

  GHashTable *sources_by_id;
  GHashTable *roots_by_id;       /* upper-cased id -> DermRoot */
  GHashTable *region_infos_by_id;
  GHashTable *regions_by_id;
  GHashTable *maps_by_id;
  GHashTable *nerves_by_id;

  GBytes     *svg[DERM_N_VIEWS];
  char       *svg_name[DERM_N_VIEWS];
  char       *xml_name;
};

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

/* The atlas is made in steps by whoever loads it whole (derm-bundle.c):
 * atlas.xml first, then each view with the regions and key points its SVG
 * draws. Label points and key point regions come after, from the geometry
 * or a layout table. */
DermAtlas   *derm_atlas_new_from_xml (GBytes      *xml,
                                      const char  *xml_name,
                                      GError     **error);
gboolean     derm_atlas_add_view    (DermAtlas    *self,
                                     DermView      view,
                                     GBytes       *svg,
                                     const char   *svg_name,
                                     DermSvgScan  *scan,
                                     GError      **error);
/* The name error messages give the view's SVG. */
const char  *derm_atlas_get_svg_name (DermAtlas   *self,
                                      DermView     view);

gboolean     derm_atlas_load_xml    (DermAtlas   *self,
                                     GBytes      *xml,
                                     const char  *filename,
                                     GError     **error);

void         derm_statement_free    (DermStatement *statement);
void         derm_quiz_item_free    (gpointer       item);
void         derm_exam_test_free    (gpointer       test);
GPtrArray   *derm_quiz_item_choices_new (void);  /* of DermQuizItemChoice */

G_END_DECLS
