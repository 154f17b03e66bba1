/* derm-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "derm-renderer.h"

G_BEGIN_DECLS

#define DERM_PAGE_ERROR (derm_page_error_quark ())

typedef enum {
  DERM_PAGE_ERROR_INVALID,   /* an option's value is unknown or out of range */
} DermPageError;

GQuark derm_page_error_quark (void);

typedef enum {
  DERM_PAPER_A4,      /* 595 x 842 pt */
  DERM_PAPER_LETTER,  /* 612 x 792 pt */
} DermPaper;

/* What a printed or exported page shows. Strings are owned by the struct:
 * set them with g_strdup () and free them all with derm_page_options_clear (). */
typedef struct {
  DermLayout  layout;          /* anterior, posterior or both side by side */
  char       *map_id;          /* NULL: the default map */
  DermStyle   style;
  gboolean    labels;          /* root labels; in worksheet style, the numbered blanks */
  gboolean    legend;          /* each root's colour or pattern */
  char       *title;           /* NULL: "Dermatomes of the lower limb" */
  char       *highlight_root;  /* NULL, or a root to stand out */
  gboolean    answer_key;      /* worksheet style: a second page with the answers */
  gboolean    view_per_page;   /* with both views: each on a page of its own */
  gboolean    nerves;          /* the cutaneous nerve territories, as on screen */
  gboolean    key_points;      /* the ISNCSCI key sensory points, as on screen */
  DermPaper   paper;           /* for export; a print dialog has its own page setup */
  gboolean    landscape;
  char       *date;            /* footer date, NULL: today (or $SOURCE_DATE_EPOCH). Not saved. */
} DermPageOptions;

/* The longest title a page takes, in characters: two lines at most. */
#define DERM_PAGE_MAX_TITLE 120

void         derm_page_options_init    (DermPageOptions       *options);
void         derm_page_options_clear   (DermPageOptions       *options);
void         derm_page_options_copy    (const DermPageOptions *src,
                                        DermPageOptions       *dest);
gboolean     derm_page_options_equal   (const DermPageOptions *a,
                                        const DermPageOptions *b);
/* Unknown map or root, answer key without worksheet style: an error naming it. */
gboolean     derm_page_options_validate (const DermPageOptions *options,
                                         DermAtlas             *atlas,
                                         GError               **error);

/* Every option but the date, one key each, in group (e.g. "print"). Loading
 * leaves options whose key is missing as they are; a key with a bad value is
 * an error naming the key and the value. */
void         derm_page_options_save_to_key_file   (const DermPageOptions *options,
                                                   GKeyFile              *key_file,
                                                   const char            *group);
gboolean     derm_page_options_load_from_key_file (DermPageOptions       *options,
                                                   GKeyFile              *key_file,
                                                   const char            *group,
                                                   GError               **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DermPageOptions, derm_page_options_clear)

const char  *derm_paper_to_string      (DermPaper              paper);
gboolean     derm_paper_from_string    (const char            *str,
                                        DermPaper             *paper);
const char  *derm_style_to_string      (DermStyle              style);
/* The paper's size in points, turned for landscape. */
void         derm_paper_get_size       (DermPaper              paper,
                                        gboolean               landscape,
                                        double                *width,
                                        double                *height);

/* 1, or 2 with a worksheet's answer key. */
guint        derm_page_get_n_pages     (const DermPageOptions *options);

/* Draw page page_index (from 0) into the rectangle (0, 0, width, height) of
 * cr, in points (a GtkPrintOperation's draw-page context in GTK_UNIT_POINTS
 * with its width and height will do): title, the diagram scaled to fit,
 * legend or fill-in list, footer. The page keeps its own margins inside. */
void         derm_page_render          (DermRenderer          *renderer,
                                        cairo_t               *cr,
                                        double                 width,
                                        double                 height,
                                        const DermPageOptions *options,
                                        guint                  page_index);

G_END_DECLS
