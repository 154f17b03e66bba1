/* derm-chart.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One examination of one patient's legs (shared/design/CHART.md): where
 * the skin is abnormal, ISNCSCI key-point scores, muscle grades, reflexes
 * and red flags. No GTK: the window, the command line, printing and the
 * tests share it.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "derm-atlas.h"

G_BEGIN_DECLS

#define DERM_CHART_ERROR (derm_chart_error_quark ())

typedef enum {
  DERM_CHART_ERROR_PARSE,    /* not JSON */
  DERM_CHART_ERROR_INVALID,  /* JSON, but not a chart: a wrong type, id or value */
  DERM_CHART_ERROR_VERSION,  /* a chart of a newer format version */
  DERM_CHART_ERROR_IO
} DermChartError;

GQuark derm_chart_error_quark (void);

/* The format version this code reads and writes. */
#define DERM_CHART_VERSION 1

/* What a grade is when the test was "NT" (not testable). */
#define DERM_GRADE_NT (-1)
/* What a key-point score is when it was not recorded at all. */
#define DERM_GRADE_NONE (-2)

typedef enum {
  DERM_FINDING_NORMAL,
  DERM_FINDING_ABSENT,
  DERM_FINDING_REDUCED,
  DERM_FINDING_INCREASED,
  DERM_FINDING_PAIN,
  DERM_FINDING_PARAESTHESIA,
  DERM_N_FINDINGS
} DermFinding;

typedef enum {
  DERM_PLANTAR_NONE,       /* not a plantar entry */
  DERM_PLANTAR_FLEXOR,
  DERM_PLANTAR_EXTENSOR,
  DERM_PLANTAR_EQUIVOCAL
} DermPlantar;

typedef enum {
  DERM_RED_FLAG_SADDLE_ANAESTHESIA = 1 << 0,
  DERM_RED_FLAG_BLADDER            = 1 << 1,
  DERM_RED_FLAG_BOWEL              = 1 << 2,
  DERM_RED_FLAG_SEXUAL             = 1 << 3,
  DERM_RED_FLAG_PROGRESSIVE_WEAKNESS = 1 << 4,
  DERM_RED_FLAG_BILATERAL_SYMPTOMS = 1 << 5,
} DermRedFlags;

#define DERM_N_RED_FLAGS 6

/* Every entry keeps the members this version does not know, so a chart
 * saved again loses nothing a newer version wrote (extra, may be NULL). */
typedef struct {
  DermView     view;
  DermSide     side;
  char        *region;    /* region name id: "dorsum-foot" */
  DermFinding  finding;
  JsonObject  *extra;
} DermChartSensory;

typedef struct {
  char        *root;         /* "L5", "S4-5" */
  DermSide     side;
  int          light_touch;  /* 0, 1, 2, DERM_GRADE_NT or DERM_GRADE_NONE */
  int          pin_prick;
  JsonObject  *extra;
} DermChartKeyPoint;

typedef struct {
  char        *test;    /* "ankle-dorsiflexion" (a motor test id) or "knee-jerk" (a reflex id) */
  DermSide     side;
  int          grade;   /* 0-5 (motor), 0-4 (reflex) or DERM_GRADE_NT; DERM_GRADE_NONE for plantar */
  DermPlantar  response; /* plantar only */
  JsonObject  *extra;
} DermChartTest;

#define DERM_TYPE_CHART (derm_chart_get_type ())
G_DECLARE_FINAL_TYPE (DermChart, derm_chart, DERM, CHART, GObject)

DermChart   *derm_chart_new               (void);

const char  *derm_chart_get_map           (DermChart   *self);  /* NULL: the default map */
void         derm_chart_set_map           (DermChart   *self,
                                           const char  *map);
const char  *derm_chart_get_title         (DermChart   *self);
void         derm_chart_set_title         (DermChart   *self,
                                           const char  *title);
const char  *derm_chart_get_examined      (DermChart   *self);  /* ISO 8601 or NULL */
void         derm_chart_set_examined      (DermChart   *self,
                                           const char  *examined);
const char  *derm_chart_get_note          (DermChart   *self);
void         derm_chart_set_note          (DermChart   *self,
                                           const char  *note);

/* Each list is NULL when that part was not examined; otherwise an array
 * of the entries in file order (possibly empty). */
GPtrArray   *derm_chart_get_sensory       (DermChart   *self);  /* of DermChartSensory */
GPtrArray   *derm_chart_get_key_points    (DermChart   *self);  /* of DermChartKeyPoint */
GPtrArray   *derm_chart_get_motor         (DermChart   *self);  /* of DermChartTest */
GPtrArray   *derm_chart_get_reflexes      (DermChart   *self);  /* of DermChartTest */
/* Red flags: examined or not, and which are present. */
gboolean     derm_chart_get_red_flags     (DermChart   *self,
                                           DermRedFlags *flags);

/* Edits. Each replaces what the chart had for the same place (or test and
 * side), and emits "changed". A sensory finding of -1 clears the place. A
 * file may give a place several findings (pain and numbness). */
void         derm_chart_set_sensory       (DermChart   *self,
                                           DermView     view,
                                           DermSide     side,
                                           const char  *region,
                                           int          finding);
void         derm_chart_set_key_point     (DermChart   *self,
                                           const char  *root,
                                           DermSide     side,
                                           int          light_touch,
                                           int          pin_prick);
void         derm_chart_set_motor         (DermChart   *self,
                                           const char  *test,
                                           DermSide     side,
                                           int          grade);
void         derm_chart_set_reflex        (DermChart   *self,
                                           const char  *reflex,
                                           DermSide     side,
                                           int          grade,
                                           DermPlantar  response);
void         derm_chart_set_red_flags     (DermChart   *self,
                                           DermRedFlags flags);

/* The (first) sensory finding charted at a place, or -1. */
int          derm_chart_lookup_sensory    (DermChart   *self,
                                           DermView     view,
                                           DermSide     side,
                                           const char  *region);

/* Names as the file writes them. */
const char  *derm_finding_to_string       (DermFinding  finding);
gboolean     derm_finding_from_string     (const char  *str,
                                           DermFinding *finding);
gboolean     derm_finding_is_abnormal     (DermFinding  finding);
const char  *derm_red_flag_to_string      (DermRedFlags flag);
gboolean     derm_red_flag_from_string    (const char  *str,
                                           DermRedFlags *flag);
const char  *derm_plantar_to_string       (DermPlantar  response);

/* Files (derm-chart-file.c). Reading checks every id against the atlas;
 * errors name the file, the line and column where json-glib gives them,
 * and the member ("motor[3].grade"). */
DermChart   *derm_chart_new_from_data     (const char  *data,
                                           gssize       length,
                                           const char  *filename,
                                           DermAtlas   *atlas,
                                           GError     **error);
DermChart   *derm_chart_new_from_file     (const char  *path,
                                           DermAtlas   *atlas,
                                           GError     **error);
/* The chart as the file's JSON text, members in the order of CHART.md,
 * then the unknown ones as they were read. */
char        *derm_chart_to_data           (DermChart   *self,
                                           gsize       *length);
/* Atomic and durable, mode 0600 (a chart is patient data); a symbolic
 * link is followed, not replaced. */
gboolean     derm_chart_save              (DermChart   *self,
                                           const char  *path,
                                           GError     **error);

G_END_DECLS
