/* derm-localizer.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a chart and ranks what could explain it: roots (on the chart's
 * map), peripheral nerves, and the patterns of an upper motor neuron
 * lesion, a cauda equina and a length-dependent polyneuropathy. A teaching
 * and reasoning aid, not a diagnosis: the method is in data/LOCALIZER.md.
 */
#pragma once

#include "derm-chart.h"

G_BEGIN_DECLS

typedef enum {
  DERM_CANDIDATE_ROOT,
  DERM_CANDIDATE_NERVE,
  DERM_CANDIDATE_PATTERN
} DermCandidateKind;

typedef enum {
  DERM_CANDIDATE_LEFT,
  DERM_CANDIDATE_RIGHT,
  DERM_CANDIDATE_BOTH,
  DERM_CANDIDATE_MID
} DermCandidateSide;

/* One finding as it bears on a candidate. */
typedef struct {
  char   *label;     /* "dorsum-foot reduced", "left ankle-jerk 0": ids as in the chart */
  double  weight;    /* how much it counted */
  char  **sources;   /* source ids behind why it counts, NULL-terminated */
} DermEvidence;

typedef struct {
  DermCandidateKind  kind;
  char              *id;        /* "L5", "common-fibular", "cauda-equina" */
  DermCandidateSide  side;
  double             score;     /* 0..1 */
  gboolean           urgent;    /* cauda equina with its signs */
  GPtrArray         *support;   /* of DermEvidence: findings it explains, strongest first */
  GPtrArray         *against;   /* normal findings it expected abnormal */
  GPtrArray         *unexplained; /* abnormal findings it does not explain */
  GPtrArray         *deciding;  /* what ranks it above the next candidate (top one only) */
  char              *rival;     /* "root L5": the next candidate, for the top one only */
  char             **sources;   /* the sources of the candidate itself */
} DermCandidate;

typedef struct {
  char      *map;         /* the map the roots were judged on */
  GPtrArray *candidates;  /* of DermCandidate, best first, scores not increasing */
  GPtrArray *warnings;    /* of char *: ids-only sentences for the command line */
  gboolean   abnormal;    /* the chart has at least one abnormal finding */
} DermLocalization;

DermLocalization *derm_localize               (DermAtlas        *atlas,
                                               DermChart        *chart,
                                               const char       *map,   /* NULL: the chart's */
                                               GError          **error);
void              derm_localization_free      (DermLocalization *localization);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DermLocalization, derm_localization_free)

const char       *derm_candidate_kind_to_string (DermCandidateKind kind);
const char       *derm_candidate_side_to_string (DermCandidateSide side);
/* One line: the findings for, then "; against: ", "; unexplained: ",
 * "; over ...: " and the sources. */
char             *derm_candidate_dup_why      (const DermCandidate *candidate);

/* The sentence every output of the localizer carries. */
const char       *derm_localizer_disclaimer   (void);

G_END_DECLS
