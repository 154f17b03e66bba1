/* derm-localizer-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the localizer's files only: derm-localizer.c (candidates,
 * scores, order), -findings.c, -expect.c and -explain.c.
 */
#pragma once

#include "derm-localizer.h"

G_BEGIN_DECLS

typedef enum {
  FINDING_SKIN,
  FINDING_KEY_POINT,
  FINDING_MOTOR,
  FINDING_REFLEX,
  FINDING_UMN,      /* a brisk reflex, clonus, or the plantar response */
  FINDING_FLAG,
} FindingKind;

typedef struct {
  FindingKind         kind;
  DermSide            side;
  gboolean            abnormal;
  double              weight;
  char               *label;      /* ids, without the side */
  const DermRegion   *region;     /* skin and key points */
  const DermRoot     *kp_root;    /* key points */
  const DermExamTest *test;       /* motor, reflexes, UMN signs */
  DermRedFlags        flag;
  gboolean            skin_loss;  /* absent, reduced or paraesthesia: not pain */
  gboolean            umn_strong; /* clonus, extensor plantar */
  gboolean            brisk;      /* a brisk (3+) reflex */
  gboolean            mirrored;   /* the same abnormal finding on the other leg */
} Finding;

typedef enum {
  PATTERN_NONE,
  PATTERN_UMN,
  PATTERN_CAUDA,
  PATTERN_POLY,
} Pattern;

typedef struct {
  DermCandidateKind  kind;
  const char        *id;
  DermCandidateSide  side;
  const DermRoot    *root;
  const DermNerve   *nerve;
  Pattern            pattern;
  GHashTable        *skin;       /* nerves: region name ids, branches included */
  double             explained;
  double             spared;
  double             score;
  guint              order;
  gboolean           forced;     /* placed first whatever its fit */
  gboolean           weakens;    /* explains a weak muscle fully */
} Hypothesis;

typedef struct {
  DermAtlas     *atlas;
  const DermMap *map;
  GPtrArray     *findings;       /* of Finding */
  GHashTable    *charted;        /* DermRegion with a mark or a key-point score */
  const double  *areas;          /* per region index, view units */
  double         total;          /* weight of every abnormal finding */
  double         skin_total;     /* of the abnormal skin */
  gboolean       skin_examined;
  gboolean       progressive;
  gboolean       symmetric_brisk;
} Context;

/* The chart's findings into ctx->findings, weighed (derm-localizer-findings.c). */
void     _derm_localizer_collect     (Context          *ctx,
                                      DermChart        *chart);
void     _derm_localizer_finding_free (gpointer         data);

/* How strongly the candidate predicts the finding: m when it is abnormal
 * (0 unexplained .. 1 fully), e when it was found normal (how much that
 * counts against the candidate). */
void     _derm_localizer_expect     (Context          *ctx,
                                     const Hypothesis *h,
                                     const Finding    *f,
                                     double           *m,
                                     double           *e);

/* Anatomy the patterns need: how distal a region or a muscle test is
 * (1 toes and soles .. 0 hip and trunk), and the saddle. */
double   _derm_localizer_distal      (const char *region);
double   _derm_localizer_test_distal (const char *test);
gboolean _derm_localizer_is_saddle   (const char *region);

void     _derm_candidate_free       (gpointer data);
/* Turns the chosen hypotheses into candidates with their evidence. */
void     _derm_localizer_build      (Context          *ctx,
                                     GPtrArray        *shown,
                                     DermLocalization *result,
                                     Hypothesis       *urgent);

G_END_DECLS
