/* derm-quiz-sheet.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A printable quiz: the questions on a blank diagram with numbered
 * markers, then an answer key. No GTK: a print operation can draw the
 * same pages through derm_quiz_sheet_render_page ().
 */
#pragma once

#include <cairo.h>

#include "derm-page.h"
#include "derm-quiz.h"

G_BEGIN_DECLS

typedef struct _DermQuizSheet DermQuizSheet;

/* Lay the quiz out on pages of width x height points. */
DermQuizSheet *derm_quiz_sheet_new             (DermRenderer   *renderer,
                                                DermQuiz       *quiz,
                                                double          width,
                                                double          height);
void           derm_quiz_sheet_free            (DermQuizSheet  *sheet);
/* Question pages, then answer key pages. */
guint          derm_quiz_sheet_get_n_pages     (DermQuizSheet  *sheet);
/* The first page of the answer key. */
guint          derm_quiz_sheet_get_key_page    (DermQuizSheet  *sheet);
/* Draw page page_index (from 0) into (0, 0, width, height) of cr, in points. */
void           derm_quiz_sheet_render_page     (DermQuizSheet  *sheet,
                                                cairo_t        *cr,
                                                guint           page_index);
/* Where the marker of question index points, in page points on the first
 * page, and in view units; FALSE when the question has no marker (only
 * questions about a highlighted region have one). */
gboolean       derm_quiz_sheet_get_marker      (DermQuizSheet  *sheet,
                                                guint           index,
                                                double         *page_x,
                                                double         *page_y,
                                                DermView       *view,
                                                double         *view_x,
                                                double         *view_y);
/* The text of the answer key, one line per question as printed:
 * "3. c) L5 (also S1): explanation [Rupp et al. 2021; Hoppenfeld 1977]". Free with g_strfreev (). */
char         **derm_quiz_sheet_dup_key_lines   (DermQuizSheet  *sheet);

/* A source as a printed quiz cites it: "Rupp et al. 2021", "Keegan and
 * Garrett 1948", "Gray's Anatomy"; the id itself for an unknown source. */
char          *derm_quiz_sheet_dup_short_citation (DermAtlas  *atlas,
                                                   const char *source_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DermQuizSheet, derm_quiz_sheet_free)

/* Write the quiz to a PDF at path: the file appears whole or not at all.
 * Errors (DERM_EXPORT_ERROR) name the path. */
gboolean       derm_quiz_sheet_write           (DermRenderer   *renderer,
                                                DermQuiz       *quiz,
                                                const char     *path,
                                                DermPaper       paper,
                                                gboolean        landscape,
                                                GError        **error);

G_END_DECLS
