/* derm-quiz-sheet.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A printable quiz. Page 1: title, the blank diagram of both views with a
 * numbered marker on each region a question is about, and the questions,
 * running on to more pages if need be; then the answer key on pages of
 * its own. Laid out once, drawn page by page, so PDF export and a print
 * operation share it.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "derm-export.h"
#include "derm-layout.h"
#include "derm-quiz-sheet.h"
#include "derm-text.h"

/* sizes on an A4 page, in points; other pages scale them */
#define MARGIN         36.0
#define TITLE_SIZE     17.0
#define BODY_SIZE       9.5
#define SMALL_SIZE      8.0
#define FOOTER_SIZE     6.5
#define NUMBER_W       20.0
#define BLOCK_GAP       7.0
#define MARKER_R        6.0
#define MARKER_OFFSET  17.0

typedef struct {
  guint  page;
  double x0, x1;
  double y;
  double height;
} Block;

typedef struct {
  gboolean shown;
  DermView view;
  double   view_x, view_y;   /* the point, view units */
  double   x, y;             /* the point on the page */
  double   cx, cy;           /* the numbered circle on the page */
} Marker;

struct _DermQuizSheet {
  DermRenderer *renderer;
  DermQuiz     *quiz;
  double        width, height;
  double        unit, margin, x0, x1;
  double        diagram_y, diagram_scale, diagram_x;
  double        body_top;      /* first question on page 1 */
  double        body_x0;       /* left of the questions on page 1 */
  double        cont_top;      /* first line on the other pages */
  double        bottom;        /* last usable y of every page */
  Block        *questions;
  Block        *keys;
  Marker       *markers;
  guint         n_question_pages;
  guint         n_pages;
};

static PangoLayout *
text_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  return derm_text_layout_new (cr, text, size, bold, width, PANGO_ALIGN_LEFT);
}

/* "a) L3    b) L4    c) L5    d) S1" */
static char *
dup_choices_text (const DermQuizQuestion *q)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; q->choices != NULL && i < q->choices->len; i++)
    {
      const DermQuizChoice *choice = g_ptr_array_index (q->choices, i);

      g_autoptr (GString) item = g_string_new (NULL);

      /* Translators: a lettered choice on a printed quiz: "a) L5" */
      g_string_append_printf (item, _("%c) %s"), 'a' + i, choice->label);
      /* a choice never breaks across lines: no-break spaces inside,
       * wide spaces between */
      g_string_replace (item, " ", "\u00a0", 0);
      if (i > 0)
        g_string_append (text, "\u2003 ");
      g_string_append (text, item->str);
    }
  return g_string_free (text, FALSE);
}

/* "c) L5 (also S1)" for a choice, else the answer */
static char *
dup_key_answer (const DermQuizQuestion *q)
{
  if (q->choices == NULL)
    return g_strdup (q->answer);
  return g_strdup_printf (_("%c) %s"), 'a' + q->correct_choice, q->answer);
}

/* A word of initials after a surname: "R", "JJ", "MWL". */
static gboolean
is_initials (const char *word)
{
  gsize n = strlen (word);

  if (n == 0 || n > 3)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isupper (word[i]))
      return FALSE;
  return TRUE;
}

/* The year a citation was published: the year before the volume
 * ("2021;27"), else the last year it names; 0 for none. */
static int
citation_year (const char *citation)
{
  int year = 0;

  for (const char *p = citation; *p != '\0'; p++)
    {
      if ((p == citation || !g_ascii_isdigit (p[-1])) &&
          (g_str_has_prefix (p, "19") || g_str_has_prefix (p, "20")) &&
          g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]))
        {
          year = atoi (p);
          if (p[4] == ';')
            return year;
        }
    }
  return year;
}

char *
derm_quiz_sheet_dup_short_citation (DermAtlas  *atlas,
                                    const char *source_id)
{
  const DermSource *source = derm_atlas_get_source (atlas, source_id);
  g_autofree char *authors = NULL;
  g_autofree char *who = NULL;
  g_auto (GStrv) names = NULL;
  g_auto (GStrv) first = NULL;
  const char *end;
  int year;

  if (source == NULL || source->citation == NULL)
    return g_strdup (source_id);

  /* the authors: up to the first full stop that ends a sentence */
  end = strstr (source->citation, ". ");
  authors = end != NULL ? g_strndup (source->citation, end - source->citation)
                        : g_strdup (source->citation);
  if (g_str_has_suffix (authors, "."))
    authors[strlen (authors) - 1] = '\0';
  names = g_strsplit (authors, ", ", -1);
  first = g_strsplit (names[0], " ", -1);

  if (first[0] != NULL && first[1] != NULL && is_initials (first[1]))
    {
      /* "Rupp R et al", "Keegan JJ, Garrett FD", "Lee MWL, McPhee RW, Stringer MD" */
      if (strstr (authors, "et al") != NULL || g_strv_length (names) > 2)
        /* Translators: a short citation's authors, "Rupp et al." */
        who = g_strdup_printf (_("%s et al."), first[0]);
      else if (g_strv_length (names) == 2)
        {
          g_auto (GStrv) second = g_strsplit (names[1], " ", -1);

          /* Translators: a short citation's two authors, "Keegan and Garrett" */
          who = g_strdup_printf (_("%s and %s"), first[0], second[0]);
        }
      else
        who = g_strdup (first[0]);
    }
  else
    /* a book or a body: "Gray's Anatomy", "BMJ Best Practice" */
    who = g_strdup (names[0]);

  year = citation_year (source->citation);
  return year > 0 ? g_strdup_printf ("%s %d", who, year) : g_steal_pointer (&who);
}

/* "Rupp et al. 2021; Hoppenfeld 1977" */
static char *
dup_citations (DermQuizSheet      *sheet,
               const char * const *sources)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    {
      g_autofree char *citation =
        derm_quiz_sheet_dup_short_citation (derm_quiz_get_atlas (sheet->quiz), sources[i]);

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append (text, citation);
    }
  return g_string_free (text, FALSE);
}

static char *
dup_key_detail (DermQuizSheet          *sheet,
                const DermQuizQuestion *q)
{
  g_autofree char *sources = dup_citations (sheet, (const char * const *) q->sources);

  return g_strdup_printf ("%s [%s]", q->explanation, sources);
}

/* Height of a question block; drawn at (x0, y) if draw. */
static double
question_block (DermQuizSheet          *sheet,
                cairo_t                *cr,
                const DermQuizQuestion *q,
                double                  x0,
                double                  x1,
                double                  y,
                gboolean                draw)
{
  double u = sheet->unit, text_x = x0 + NUMBER_W * u, text_w = x1 - text_x;
  g_autofree char *number_text = g_strdup_printf ("%u.", q->number);
  g_autofree char *choices_text = dup_choices_text (q);
  g_autoptr (PangoLayout) number = text_layout (cr, number_text, BODY_SIZE * u, TRUE, -1);
  g_autoptr (PangoLayout) prompt = text_layout (cr, q->paper_prompt, BODY_SIZE * u, FALSE, text_w);
  g_autoptr (PangoLayout) choices = NULL;
  double h = derm_text_layout_get_height (prompt);

  if (choices_text[0] != '\0')
    {
      choices = text_layout (cr, choices_text, BODY_SIZE * u, FALSE, text_w);
      h += 3 * u + derm_text_layout_get_height (choices);
    }
  if (draw)
    {
      derm_text_show_layout (cr, number, text_x - 5 * u - derm_text_layout_get_width (number), y, 0.0);
      derm_text_show_layout (cr, prompt, text_x, y, 0.0);
      if (choices != NULL)
        derm_text_show_layout (cr, choices, text_x, y + derm_text_layout_get_height (prompt) + 3 * u, 0.15);
    }
  return h;
}

static double
key_block (DermQuizSheet          *sheet,
           cairo_t                *cr,
           const DermQuizQuestion *q,
           double                  x0,
           double                  x1,
           double                  y,
           gboolean                draw)
{
  double u = sheet->unit, text_x = x0 + NUMBER_W * u, text_w = x1 - text_x;
  g_autofree char *number_text = g_strdup_printf ("%u.", q->number);
  g_autofree char *answer_text = dup_key_answer (q);
  g_autofree char *detail_text = dup_key_detail (sheet, q);
  g_autoptr (PangoLayout) number = text_layout (cr, number_text, BODY_SIZE * u, TRUE, -1);
  g_autoptr (PangoLayout) answer = text_layout (cr, answer_text, BODY_SIZE * u, TRUE, text_w);
  g_autoptr (PangoLayout) detail = text_layout (cr, detail_text, SMALL_SIZE * u, FALSE, text_w);
  double h = derm_text_layout_get_height (answer) + 1.5 * u + derm_text_layout_get_height (detail);

  if (draw)
    {
      derm_text_show_layout (cr, number, text_x - 5 * u - derm_text_layout_get_width (number), y, 0.0);
      derm_text_show_layout (cr, answer, text_x, y, 0.0);
      derm_text_show_layout (cr, detail, text_x, y + derm_text_layout_get_height (answer) + 1.5 * u, 0.25);
    }
  return h;
}

static double
footer_height (DermQuizSheet *sheet,
               cairo_t       *cr)
{
  g_autoptr (PangoLayout) layout = text_layout (cr, "Dermatomes", FOOTER_SIZE * sheet->unit, FALSE, -1);

  return derm_text_layout_get_height (layout) + 5 * sheet->unit;
}

/* "Map: ISNCSCI (Foerster) · seed 1 · 12 questions" */
static char *
dup_subtitle (DermQuizSheet *sheet)
{
  guint n = derm_quiz_get_n_questions (sheet->quiz);
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, derm_quiz_get_seed (sheet->quiz));

  /* Translators: under the title of a printed quiz: the map, the seed
   * that makes the same quiz again, and the number of questions */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Map: %s · seed %s · %u question",
                                       "Map: %s · seed %s · %u questions", n),
                          derm_quiz_get_map (sheet->quiz)->name, seed, n);
}

/* Title (with a name line on the first page) and subtitle; returns where
 * the content starts. */
static double
header_block (DermQuizSheet *sheet,
              cairo_t       *cr,
              guint          page,
              gboolean       draw)
{
  double u = sheet->unit, y = sheet->margin;
  gboolean key = page >= sheet->n_question_pages;
  const char *title_text = key ? _("Dermatomes quiz: answer key") : _("Dermatomes quiz");
  g_autofree char *subtitle_text = dup_subtitle (sheet);
  g_autoptr (PangoLayout) name = text_layout (cr, _("Name: ______________________"), BODY_SIZE * u, FALSE, -1);
  g_autoptr (PangoLayout) title = NULL;
  g_autoptr (PangoLayout) subtitle = text_layout (cr, subtitle_text, SMALL_SIZE * u, FALSE, sheet->x1 - sheet->x0);
  gboolean first = page == 0;

  title = text_layout (cr, title_text, (first || page == sheet->n_question_pages ? TITLE_SIZE : BODY_SIZE * 1.2) * u,
                       TRUE, sheet->x1 - sheet->x0 - (first ? derm_text_layout_get_width (name) + 12 * u : 0));
  if (draw)
    {
      if (first)
        derm_text_show_layout (cr, name, sheet->x1 - derm_text_layout_get_width (name), y + 6 * u, 0.1);
      derm_text_show_layout (cr, title, sheet->x0, y, 0.0);
      derm_text_show_layout (cr, subtitle, sheet->x0, y + derm_text_layout_get_height (title) + 1 * u, 0.3);
    }
  return y + derm_text_layout_get_height (title) + 1 * u + derm_text_layout_get_height (subtitle) + 10 * u;
}

static void
footer_block (DermQuizSheet *sheet,
              cairo_t       *cr,
              guint          page)
{
  double u = sheet->unit, h = footer_height (sheet, cr), top = sheet->height - sheet->margin - h;
  const DermMap *map = derm_quiz_get_map (sheet->quiz);
  g_autoptr (GString) left = g_string_new (NULL);
  g_autofree char *right_text = NULL;
  g_autoptr (PangoLayout) right = NULL;
  g_autoptr (PangoLayout) left_layout = NULL;

  /* Translators: the footer of a printed quiz: version, page n of m */
  right_text = g_strdup_printf (_("Dermatomes %s · page %u of %u"), VERSION, page + 1, sheet->n_pages);
  right = text_layout (cr, right_text, FOOTER_SIZE * u, FALSE, -1);
  g_string_append_printf (left, _("Map: %s."), map->name);
  g_string_append (left, " ");
  {
    g_autofree char *sources = dup_citations (sheet, (const char * const *) map->sources);

    g_string_append (left, _("Sources:"));
    g_string_append_printf (left, " %s.", sources);
  }
  left_layout = text_layout (cr, left->str, FOOTER_SIZE * u, FALSE, sheet->x1 - sheet->x0 - derm_text_layout_get_width (right) - 18 * u);

  cairo_save (cr);
  cairo_move_to (cr, sheet->x0, top);
  cairo_line_to (cr, sheet->x1, top);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5 * u);
  cairo_stroke (cr);
  cairo_restore (cr);
  derm_text_show_layout (cr, left_layout, sheet->x0, top + 5 * u, 0.25);
  derm_text_show_layout (cr, right, sheet->x1 - derm_text_layout_get_width (right), top + 5 * u, 0.25);
}

/* Numbered circles beside the points they stand for, away from the
 * legs' middle line and from each other. */
static void
place_markers (DermQuizSheet *sheet)
{
  double u = sheet->unit, s = sheet->diagram_scale;
  guint n = derm_quiz_get_n_questions (sheet->quiz);

  for (guint i = 0; i < n; i++)
    {
      const DermQuizQuestion *q = derm_quiz_get_question (sheet->quiz, i);
      Marker *m = &sheet->markers[i];
      double ox, oy, base;

      if (q->kind != DERM_QUIZ_NAME_ROOT || q->region == NULL)
        continue;

      m->shown = TRUE;
      m->view = q->region->view;
      m->view_x = q->region->label_x;
      m->view_y = q->region->label_y;
      derm_layout_view_origin (DERM_LAYOUT_BOTH, m->view, &ox, &oy);
      m->x = sheet->diagram_x + (ox + m->view_x) * s;
      m->y = sheet->diagram_y + (oy + m->view_y) * s;

      /* outwards from the middle of the view; midline regions up and out */
      if (fabs (m->view_x - DERM_VIEW_WIDTH / 2) < 20)
        base = -G_PI / 4;
      else
        base = m->view_x < DERM_VIEW_WIDTH / 2 ? G_PI : 0;

      for (guint attempt = 0; attempt < 24; attempt++)
        {
          /* 0, +45, -45, +90, ... degrees, further out after a round */
          double step = ((attempt % 8) + 1) / 2 * (G_PI / 4) * ((attempt % 8) % 2 ? -1 : 1);
          double dist = (MARKER_OFFSET + 2 * MARKER_R * (attempt / 8)) * u;
          double cx = m->x + dist * cos (base + step), cy = m->y + dist * sin (base + step);
          gboolean free = TRUE;

          for (guint j = 0; j < i && free; j++)
            {
              const Marker *o = &sheet->markers[j];

              free = !o->shown || (hypot (o->cx - cx, o->cy - cy) > 2.3 * MARKER_R * u &&
                                   hypot (o->x - cx, o->y - cy) > 1.5 * MARKER_R * u);
            }
          m->cx = cx;
          m->cy = cy;
          if (free)
            break;
        }
    }
}

static void
draw_markers (DermQuizSheet *sheet,
              cairo_t       *cr)
{
  double u = sheet->unit, r = MARKER_R * u;
  guint n = derm_quiz_get_n_questions (sheet->quiz);

  for (guint i = 0; i < n; i++)
    {
      const Marker *m = &sheet->markers[i];
      g_autofree char *number_text = NULL;
      g_autoptr (PangoLayout) number = NULL;
      double d;

      if (!m->shown)
        continue;

      cairo_save (cr);
      /* the leader, from the circle's edge to a dot on the exact point */
      d = hypot (m->cx - m->x, m->cy - m->y);
      cairo_move_to (cr, m->cx + (m->x - m->cx) * r / d, m->cy + (m->y - m->cy) * r / d);
      cairo_line_to (cr, m->x, m->y);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, 0.7 * u);
      cairo_stroke (cr);
      cairo_arc (cr, m->x, m->y, 1.6 * u, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_arc (cr, m->cx, m->cy, r, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, 0.8 * u);
      cairo_stroke (cr);
      cairo_restore (cr);

      number_text = g_strdup_printf ("%u", i + 1);
      number = text_layout (cr, number_text, (i + 1 >= 100 ? 5.0 : 6.5) * u, TRUE, -1);
      derm_text_show_layout (cr, number, m->cx - derm_text_layout_get_width (number) / 2, m->cy - derm_text_layout_get_height (number) / 2, 0.0);
    }
}

/* Stack blocks from top to bottom of the pages from first_page on;
 * returns the number of pages used. */
static guint
flow (DermQuizSheet *sheet,
      cairo_t       *cr,
      Block         *blocks,
      gboolean       key,
      guint          first_page,
      double         top)
{
  guint n = derm_quiz_get_n_questions (sheet->quiz), page = first_page;
  double y = top;
  /* the questions start beside or under the diagram on page 1 */
  double x0 = page == 0 ? sheet->body_x0 : sheet->x0;

  for (guint i = 0; i < n; i++)
    {
      const DermQuizQuestion *q = derm_quiz_get_question (sheet->quiz, i);
      double h = key ? key_block (sheet, cr, q, x0, sheet->x1, 0, FALSE)
                     : question_block (sheet, cr, q, x0, sheet->x1, 0, FALSE);

      if (y + h > sheet->bottom && y > sheet->cont_top)
        {
          page++;
          y = sheet->cont_top;
          x0 = sheet->x0;
          h = key ? key_block (sheet, cr, q, x0, sheet->x1, 0, FALSE)
                  : question_block (sheet, cr, q, x0, sheet->x1, 0, FALSE);
        }
      blocks[i].page = page;
      blocks[i].x0 = x0;
      blocks[i].x1 = sheet->x1;
      blocks[i].y = y;
      blocks[i].height = h;
      y += h + BLOCK_GAP * sheet->unit;
    }
  return page - first_page + 1;
}

DermQuizSheet *
derm_quiz_sheet_new (DermRenderer *renderer,
                     DermQuiz     *quiz,
                     double        width,
                     double        height)
{
  DermQuizSheet *sheet;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n;
  double u, lw, lh, area_h, first_top, key_top;

  g_return_val_if_fail (DERM_IS_RENDERER (renderer), NULL);
  g_return_val_if_fail (DERM_IS_QUIZ (quiz), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  n = derm_quiz_get_n_questions (quiz);
  sheet = g_new0 (DermQuizSheet, 1);
  sheet->renderer = g_object_ref (renderer);
  sheet->quiz = g_object_ref (quiz);
  sheet->width = width;
  sheet->height = height;
  sheet->unit = u = MIN (width, height) / 595.0;
  sheet->margin = MARGIN * u;
  sheet->x0 = sheet->margin;
  sheet->x1 = width - sheet->margin;
  sheet->questions = g_new0 (Block, n);
  sheet->keys = g_new0 (Block, n);
  sheet->markers = g_new0 (Marker, n);

  /* text is measured as it will be drawn: unhinted, so any surface will do */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);

  sheet->n_question_pages = 1;
  sheet->n_pages = 2;
  first_top = header_block (sheet, cr, 0, FALSE);
  sheet->cont_top = header_block (sheet, cr, 1, FALSE);
  sheet->bottom = height - sheet->margin - footer_height (sheet, cr) - 8 * u;

  derm_layout_get_size (DERM_LAYOUT_BOTH, &lw, &lh);
  sheet->diagram_y = first_top;
  if (width > height)
    {
      /* landscape: the diagram down the left, the questions beside it */
      area_h = sheet->bottom - first_top;
      sheet->diagram_scale = MIN ((sheet->x1 - sheet->x0) * 0.55 / lw, area_h / lh);
      sheet->diagram_x = sheet->x0;
      sheet->body_x0 = sheet->x0 + lw * sheet->diagram_scale + 24 * u;
      sheet->body_top = first_top;
    }
  else
    {
      /* portrait: the diagram over about half of the first page */
      area_h = (sheet->bottom - first_top) * 0.58;
      sheet->diagram_scale = MIN ((sheet->x1 - sheet->x0) / lw, area_h / lh);
      sheet->diagram_x = sheet->x0 + ((sheet->x1 - sheet->x0) - lw * sheet->diagram_scale) / 2;
      sheet->body_x0 = sheet->x0;
      sheet->body_top = first_top + lh * sheet->diagram_scale + 12 * u;
    }
  place_markers (sheet);

  sheet->n_question_pages = flow (sheet, cr, sheet->questions, FALSE, 0, sheet->body_top);
  key_top = header_block (sheet, cr, sheet->n_question_pages, FALSE);
  sheet->n_pages = sheet->n_question_pages +
                   flow (sheet, cr, sheet->keys, TRUE, sheet->n_question_pages, key_top);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return sheet;
}

void
derm_quiz_sheet_free (DermQuizSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_object_unref (sheet->renderer);
  g_object_unref (sheet->quiz);
  g_free (sheet->questions);
  g_free (sheet->keys);
  g_free (sheet->markers);
  g_free (sheet);
}

guint
derm_quiz_sheet_get_n_pages (DermQuizSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);
  return sheet->n_pages;
}

guint
derm_quiz_sheet_get_key_page (DermQuizSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);
  return sheet->n_question_pages;
}

gboolean
derm_quiz_sheet_get_marker (DermQuizSheet *sheet,
                            guint          index,
                            double        *page_x,
                            double        *page_y,
                            DermView      *view,
                            double        *view_x,
                            double        *view_y)
{
  const Marker *m;

  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (index < derm_quiz_get_n_questions (sheet->quiz), FALSE);

  m = &sheet->markers[index];
  if (!m->shown)
    return FALSE;
  if (page_x != NULL)
    *page_x = m->x;
  if (page_y != NULL)
    *page_y = m->y;
  if (view != NULL)
    *view = m->view;
  if (view_x != NULL)
    *view_x = m->view_x;
  if (view_y != NULL)
    *view_y = m->view_y;
  return TRUE;
}

char **
derm_quiz_sheet_dup_key_lines (DermQuizSheet *sheet)
{
  GStrvBuilder *builder;
  char **lines;

  g_return_val_if_fail (sheet != NULL, NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < derm_quiz_get_n_questions (sheet->quiz); i++)
    {
      const DermQuizQuestion *q = derm_quiz_get_question (sheet->quiz, i);
      g_autofree char *answer = dup_key_answer (q);
      g_autofree char *detail = dup_key_detail (sheet, q);

      g_autofree char *line = g_strdup_printf ("%u. %s: %s", q->number, answer, detail);

      g_strv_builder_add (builder, line);
    }
  lines = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return lines;
}

void
derm_quiz_sheet_render_page (DermQuizSheet *sheet,
                             cairo_t       *cr,
                             guint          page_index)
{
  guint n;
  gboolean key;

  g_return_if_fail (sheet != NULL && cr != NULL);
  g_return_if_fail (page_index < sheet->n_pages);

  n = derm_quiz_get_n_questions (sheet->quiz);
  key = page_index >= sheet->n_question_pages;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, sheet->width, sheet->height);
  cairo_clip (cr);

  header_block (sheet, cr, page_index, TRUE);
  footer_block (sheet, cr, page_index);

  if (page_index == 0)
    {
      DermRenderOptions render;

      /* a blank outline of both views, the patient's sides marked */
      derm_render_options_init (&render);
      render.layout = DERM_LAYOUT_BOTH;
      render.map_id = derm_quiz_get_map (sheet->quiz)->id;
      render.style = DERM_STYLE_WORKSHEET;
      render.labels = FALSE;
      render.blanks = FALSE;
      render.header = TRUE;
      cairo_save (cr);
      cairo_translate (cr, sheet->diagram_x, sheet->diagram_y);
      cairo_scale (cr, sheet->diagram_scale, sheet->diagram_scale);
      derm_renderer_render (sheet->renderer, cr, &render);
      cairo_restore (cr);
      draw_markers (sheet, cr);
    }

  for (guint i = 0; i < n; i++)
    {
      const DermQuizQuestion *q = derm_quiz_get_question (sheet->quiz, i);
      const Block *block = key ? &sheet->keys[i] : &sheet->questions[i];

      if (block->page != page_index)
        continue;
      if (key)
        key_block (sheet, cr, q, block->x0, block->x1, block->y, TRUE);
      else
        question_block (sheet, cr, q, block->x0, block->x1, block->y, TRUE);
    }

  cairo_restore (cr);
}

gboolean
derm_quiz_sheet_write (DermRenderer  *renderer,
                       DermQuiz      *quiz,
                       const char    *path,
                       DermPaper      paper,
                       gboolean       landscape,
                       GError       **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autoptr (DermQuizSheet) sheet = NULL;
  g_autofree char *display = NULL;
  DermExportFormat format;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (DERM_IS_RENDERER (renderer), FALSE);
  g_return_val_if_fail (DERM_IS_QUIZ (quiz), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_name (path);
  if (!derm_export_format_from_path (path, &format) || format != DERM_EXPORT_PDF)
    {
      g_set_error (error, DERM_EXPORT_ERROR, DERM_EXPORT_ERROR_FORMAT,
                   _("Cannot write a quiz to “%s”: the name must end in .pdf"), display);
      return FALSE;
    }

  derm_paper_get_size (paper, landscape, &width, &height);
  sheet = derm_quiz_sheet_new (renderer, quiz, width, height);

  surface = cairo_pdf_surface_create_for_stream (derm_export_append_bytes, bytes, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Dermatomes quiz"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Dermatomes " VERSION);
  cr = cairo_create (surface);
  for (guint i = 0; i < derm_quiz_sheet_get_n_pages (sheet); i++)
    {
      derm_quiz_sheet_render_page (sheet, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return derm_export_save_bytes (bytes, status, path, error);
}
