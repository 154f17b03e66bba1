/* derm-atlas.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "derm-types.h"

G_BEGIN_DECLS

#define DERM_ATLAS_ERROR (derm_atlas_error_quark ())

typedef enum {
  DERM_ATLAS_ERROR_PARSE,     /* malformed XML or SVG */
  DERM_ATLAS_ERROR_INVALID,   /* well-formed, but wrong: unknown id, missing item */
  DERM_ATLAS_ERROR_IO
} DermAtlasError;

GQuark derm_atlas_error_quark (void);

/* A citable source, e.g. id "is19". */
typedef struct {
  char *id;
  char *citation;
} DermSource;

/* One clinical statement of a root card, with its sources.
 * field is the element name in atlas.xml: "summary", "territory",
 * "key-point", "key-muscle", "motor-test", "non-key-muscles",
 * "other-muscles", "reflex", "disc", "picture", "disagreement",
 * "caveat", "red-flag", and "synonym" (a search word: "foot drop"). */
typedef struct {
  char  *field;
  char  *text;      /* translated */
  char **sources;   /* source ids, NULL-terminated */
  int    view;      /* a DermView, or -1 when the statement has none */
  char  *map;       /* map id or NULL */
  char  *kind;      /* disc kind or NULL */
} DermStatement;

typedef struct {
  char      *id;          /* "L4", "S4-5" */
  guint      index;       /* position in the T12..S4-5 order */
  GPtrArray *statements;  /* of DermStatement, document order */
} DermRoot;

/* A region as drawn: one SVG element, one side of one view. */
typedef struct {
  char    *id;        /* SVG element id, "medial-malleolus-left" */
  char    *name_id;   /* "medial-malleolus" */
  char    *name;      /* translated, lower case: "medial malleolus" */
  char   **synonyms;  /* translated, NULL-terminated */
  DermView view;
  DermSide side;
  guint    index;     /* 0..n-1 over all views; the id map's value is index + 1 */
  double   label_x;   /* a point well inside the region, in view units */
  double   label_y;
  gboolean nerve_unsourced;  /* no source of the atlas names its cutaneous nerve */
} DermRegion;

/* What a map's zone of skin rests on. */
typedef enum {
  DERM_ZONE_SOURCED,    /* the roots the map's sources give */
  DERM_ZONE_GUESSED,    /* no source gives it: filled from the roots that border it */
  DERM_ZONE_VARIES,     /* blank: it varies between people */
  DERM_ZONE_NOT_DRAWN,  /* blank: the map's source leaves it out (Lee 2008: S3-S5) */
} DermZoneKind;

typedef struct {
  char       *id;
  char       *name;
  char       *description;
  char      **sources;
  GHashTable *zones;    /* region name_id -> char ** roots (empty vector = blank) */
  GHashTable *kinds;    /* region name_id -> GINT_TO_POINTER (DermZoneKind); absent: sourced */
  GHashTable *borders;  /* region name_id -> char ** the roots around a guessed zone */
} DermMap;

typedef struct {
  char  *id;
  char  *name;
  char  *territory;
  char **roots;
  char **sources;
  char **regions;           /* region name_ids of its own skin (branches' skin not included) */
  char **synonyms;          /* translated search words: "peroneal nerve", "meralgia paresthetica" */
  DermStatement *distinguish;
  char  *parent;            /* id of the nerve it branches from, or NULL */
} DermNerve;

/* A motor test or a reflex of the examination (<examination> in atlas.xml),
 * with the roots and nerves that the localizer weighs it by. */
typedef enum {
  DERM_TEST_MOTOR,
  DERM_TEST_REFLEX
} DermTestKind;

typedef struct {
  char         *id;         /* "ankle-dorsiflexion", "knee-jerk": the ids of CHART.md */
  DermTestKind  kind;
  char         *name;       /* translated, lower case: "ankle dorsiflexion" */
  char         *muscles;    /* translated, or NULL (reflexes) */
  char        **roots;      /* main roots, NULL-terminated; empty for a sign with none */
  char        **also;       /* roots that share it less */
  char        **nerves;     /* nerves whose lesion weakens or loses it */
  char        **partial;    /* nerves that supply only part of it */
  char        **sources;
  gboolean      midline;    /* examined once, side "mid" */
  gboolean      weak_sign;  /* can be absent in healthy people */
  gboolean      upper_motor_neuron;  /* a sign of a lesion above the conus */
} DermExamTest;

typedef struct {
  char          *root;
  DermView       view;
  DermSide       side;
  double         x;      /* view units */
  double         y;
  const DermRegion *region;
} DermKeyPoint;

/* A choice of a quiz case: a root or a nerve. */
typedef struct {
  char *id;     /* "root:L5" or "nerve:deep-fibular" */
  char *label;  /* translated text from atlas.xml, or NULL: the root's or nerve's own name */
} DermQuizItemChoice;

/* A question of atlas.xml's <quiz> that the maps cannot ask by themselves.
 * kind "motor" or "reflex": which root does a test examine; "case": a short
 * clinical picture answered by a root or a nerve. */
typedef struct {
  char       *kind;         /* "motor", "reflex" or "case" */
  char       *id;           /* "ankle-jerk" */
  char       *question;     /* translated; for a case the findings */
  char      **roots;        /* motor, reflex: every root that counts as right, the
                             * one to offer first; case: empty */
  GPtrArray  *choices;      /* case: of DermQuizItemChoice, in the data's order; else NULL */
  guint       correct;      /* case: index of the right choice */
  char       *explanation;  /* translated, one line */
  char      **sources;      /* source ids, NULL-terminated */
} DermQuizItem;

#define DERM_TYPE_ATLAS (derm_atlas_get_type ())
G_DECLARE_FINAL_TYPE (DermAtlas, derm_atlas, DERM, ATLAS, GObject)

/* To load an atlas, see derm-bundle.h. */

GPtrArray          *derm_atlas_get_sources       (DermAtlas  *self);  /* of DermSource */
const DermSource   *derm_atlas_get_source        (DermAtlas  *self,
                                                  const char *id);
GPtrArray          *derm_atlas_get_roots         (DermAtlas  *self);  /* of DermRoot, T12..S4-5 */
const DermRoot     *derm_atlas_get_root          (DermAtlas  *self,
                                                  const char *id);   /* case-insensitive */
GPtrArray          *derm_atlas_get_regions       (DermAtlas  *self);  /* of DermRegion, by index */
const DermRegion   *derm_atlas_get_region        (DermAtlas  *self,
                                                  const char *svg_id);
const DermRegion   *derm_atlas_get_region_by_index (DermAtlas *self,
                                                  guint       index);
GPtrArray          *derm_atlas_get_maps          (DermAtlas  *self);  /* of DermMap */
const DermMap      *derm_atlas_get_map           (DermAtlas  *self,
                                                  const char *id);   /* NULL id: default map */
const DermMap      *derm_atlas_get_default_map   (DermAtlas  *self);
GPtrArray          *derm_atlas_get_nerves        (DermAtlas  *self);  /* of DermNerve */
const DermNerve    *derm_atlas_get_nerve         (DermAtlas  *self,
                                                  const char *id);
GPtrArray          *derm_atlas_get_key_points    (DermAtlas  *self);  /* of DermKeyPoint */
const DermKeyPoint *derm_atlas_get_key_point     (DermAtlas  *self,
                                                  const char *root,
                                                  DermSide    side);
/* The key point of a view nearest to (x, y) within radius, all in view
 * units, or NULL: for a click on a key-point dot. */
const DermKeyPoint *derm_atlas_key_point_near    (DermAtlas  *self,
                                                  DermView    view,
                                                  double      x,
                                                  double      y,
                                                  double      radius);
/* The motor tests and reflexes of <examination>, motor tests first. */
GPtrArray          *derm_atlas_get_exam_tests    (DermAtlas    *self);  /* of DermExamTest */
const DermExamTest *derm_atlas_get_exam_test     (DermAtlas    *self,
                                                  DermTestKind  kind,
                                                  const char   *id);
/* TRUE when a lesion of nerve takes branch: branch is nerve itself or
 * hangs below it through parent= links. */
gboolean            derm_atlas_nerve_contains    (DermAtlas    *self,
                                                  const char   *nerve,
                                                  const char   *branch);
/* The items of <quiz> in document order (empty when the file has none). */
GPtrArray          *derm_atlas_get_quiz_items    (DermAtlas  *self);  /* of DermQuizItem */
GBytes             *derm_atlas_get_svg           (DermAtlas  *self,
                                                  DermView    view);

/* Roots of a region on a map: NULL-terminated, empty when the map leaves it blank. */
const char * const *derm_map_get_roots           (const DermMap    *map,
                                                  const DermRegion *region);
gboolean            derm_map_region_has_root     (const DermMap    *map,
                                                  const DermRegion *region,
                                                  const char       *root);
DermZoneKind        derm_map_get_zone_kind       (const DermMap    *map,
                                                  const DermRegion *region);
/* The roots that border a guessed zone, NULL-terminated; empty for others. */
const char * const *derm_map_get_zone_borders    (const DermMap    *map,
                                                  const DermRegion *region);
/* TRUE where a quiz may ask for the region's roots: a sourced zone. */
gboolean            derm_map_zone_is_sourced     (const DermMap    *map,
                                                  const DermRegion *region);
/* The region's roots as a person reads them, translated: "L4", "L1, S2",
 * "L3 (uncertain)", "varies between people", "not drawn by this map". */
char               *derm_map_dup_roots_text      (const DermMap    *map,
                                                  const DermRegion *region);
/* A sentence for the region's card where the map leaves it blank or
 * guesses it, translated; NULL for a sourced zone. */
char               *derm_map_dup_zone_note       (const DermMap    *map,
                                                  const DermRegion *region);
/* What the map's blank skin means, translated: "varies between people",
 * "not drawn by this map", or both; NULL when it leaves nothing blank. */
const char         *derm_map_get_blank_meaning   (const DermMap    *map);
/* Nerves whose territory includes the region; free the array (not its items). */
GPtrArray          *derm_atlas_get_region_nerves (DermAtlas        *self,
                                                  const DermRegion *region);

/* First statement of a field (and view, or -1 for any), or NULL. */
const DermStatement *derm_root_get_statement     (const DermRoot *root,
                                                  const char     *field,
                                                  int             view);

/* "Left medial malleolus", translated; free with g_free. */
char               *derm_region_dup_title        (const DermRegion *region);

/* Search region names and synonyms, root ids and synonyms ("foot drop"),
 * and nerve names and synonyms ("sural", "peroneal"): a nerve found gives
 * the regions of its skin. Returns DermSearchHit items, best first. */
typedef struct {
  const DermRegion *region;  /* or NULL */
  const DermRoot   *root;    /* or NULL */
  const DermNerve  *nerve;   /* the nerve whose skin the region was found as, or NULL */
  int               score;
} DermSearchHit;

GPtrArray          *derm_atlas_search            (DermAtlas  *self,
                                                  const char *text);

G_END_DECLS
