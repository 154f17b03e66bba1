/* derm-atlas-loader-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by derm-atlas-loader.c and derm-atlas-loader-items.c only.
 */
#pragma once

#include "derm-atlas-private.h"

G_BEGIN_DECLS

typedef enum {
  REF_SOURCE,
  REF_ROOT,
  REF_REGION,
  REF_NERVE,
} RefKind;

typedef struct {
  RefKind kind;
  char   *id;
  int     line;
} Ref;

typedef struct {
  DermAtlas           *atlas;
  const char          *filename;
  GMarkupParseContext *context;
  GString             *text;
  GArray              *refs;

  DermRoot            *root;
  DermRegionInfo      *region;
  GPtrArray           *synonyms;
  DermMap             *map;
  GHashTable          *map_lines;  /* DermMap -> line of <map> */
  DermNerve           *nerve;
  GPtrArray           *nerve_regions;
  DermStatement       *statement;
  DermSource          *source;
  DermQuizItem        *quiz_item;
  int                  quiz_item_line;
  GHashTable          *quiz_ids;   /* "kind:id" of each quiz item so far */
  DermExamTest        *exam_test;
  int                  exam_test_line;
  GHashTable          *nerve_lines; /* DermNerve -> line of <nerve> */
} LoadState;

/* The line of the element being read (GMarkup's position, corrected). */
int       _derm_loader_current_line (LoadState   *state);
/* An id to check once the whole file is read, with its line. */
void      _derm_loader_add_ref      (LoadState   *state,
                                     RefKind      kind,
                                     const char  *id);
/* Ids separated by white space, as a NULL-terminated vector. */
char    **_derm_loader_split_list   (const char  *text);
/* An error "FILE:LINE: message"; FALSE. */
gboolean  _derm_loader_invalid      (LoadState   *state,
                                     GError     **error,
                                     const char  *format,
                                     ...) G_GNUC_PRINTF (3, 4);
/* A statement's sources="...": at least one, each checked later. */
gboolean  _derm_loader_add_sources  (LoadState   *state,
                                     const char  *sources,
                                     char      ***out,
                                     GError     **error);

/* derm-atlas-loader-items.c */
gboolean  _derm_loader_start_quiz_item   (LoadState   *state,
                                          const char  *element,
                                          const char  *id,
                                          const char  *roots,
                                          const char  *sources,
                                          GError     **error);
gboolean  _derm_loader_start_quiz_choice (LoadState   *state,
                                          const char  *root,
                                          const char  *nerve,
                                          const char  *correct,
                                          GError     **error);
gboolean  _derm_loader_end_quiz_item     (LoadState   *state,
                                          GError     **error);
gboolean  _derm_loader_start_exam_test   (LoadState   *state,
                                          const char  *element,
                                          const char  *id,
                                          const char  *roots,
                                          const char  *also,
                                          const char  *nerves,
                                          const char  *partial,
                                          const char  *side,
                                          const char  *weak,
                                          const char  *umn,
                                          const char  *sources,
                                          GError     **error);
gboolean  _derm_loader_end_exam_test     (LoadState   *state,
                                          GError     **error);

G_END_DECLS
