/* derm-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A printed page: title, the diagram, legend or a worksheet's fill-in list,
 * footer. Export and GtkPrintOperation both draw pages through here, and
 * the diagram through the one renderer.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "derm-layout.h"
#include "derm-page.h"
#include "derm-text.h"

/* printed sizes on an A4 page, in points; other pages scale them */
#define MARGIN        36.0
#define TITLE_SIZE    18.0
#define BODY_SIZE      9.0
#define FOOTER_SIZE    6.5
#define LABEL_SIZE     7.5  /* the smallest root label on paper */
#define BLANK_SIZE     7.0

static const char * const paper_names[] = { "a4", "letter" };
static const char * const style_names[] = { "color", "grayscale", "worksheet" };

G_DEFINE_QUARK (derm-page-error-quark, derm_page_error)

void
derm_page_options_init (DermPageOptions *options)
{
  memset (options, 0, sizeof *options);
  options->layout = DERM_LAYOUT_BOTH;
  options->style = DERM_STYLE_COLOR;
  options->labels = TRUE;
  options->legend = FALSE;
  options->paper = DERM_PAPER_A4;
}

void
derm_page_options_clear (DermPageOptions *options)
{
  g_clear_pointer (&options->map_id, g_free);
  g_clear_pointer (&options->title, g_free);
  g_clear_pointer (&options->highlight_root, g_free);
  g_clear_pointer (&options->date, g_free);
}

void
derm_page_options_copy (const DermPageOptions *src,
                        DermPageOptions       *dest)
{
  *dest = *src;
  dest->map_id = g_strdup (src->map_id);
  dest->title = g_strdup (src->title);
  dest->highlight_root = g_strdup (src->highlight_root);
  dest->date = g_strdup (src->date);
}

gboolean
derm_page_options_equal (const DermPageOptions *a,
                         const DermPageOptions *b)
{
  return a->layout == b->layout &&
         g_strcmp0 (a->map_id, b->map_id) == 0 &&
         a->style == b->style &&
         !a->labels == !b->labels &&
         !a->legend == !b->legend &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->highlight_root, b->highlight_root) == 0 &&
         !a->answer_key == !b->answer_key &&
         !a->view_per_page == !b->view_per_page &&
         !a->nerves == !b->nerves &&
         !a->key_points == !b->key_points &&
         a->paper == b->paper &&
         !a->landscape == !b->landscape &&
         g_strcmp0 (a->date, b->date) == 0;
}

gboolean
derm_page_options_validate (const DermPageOptions *options,
                            DermAtlas             *atlas,
                            GError               **error)
{
  if (options->map_id != NULL && derm_atlas_get_map (atlas, options->map_id) == NULL)
    {
      g_set_error (error, DERM_PAGE_ERROR, DERM_PAGE_ERROR_INVALID,
                   _("Unknown map “%s”"), options->map_id);
      return FALSE;
    }
  if (options->highlight_root != NULL && derm_atlas_get_root (atlas, options->highlight_root) == NULL)
    {
      g_set_error (error, DERM_PAGE_ERROR, DERM_PAGE_ERROR_INVALID,
                   _("Unknown root “%s”"), options->highlight_root);
      return FALSE;
    }
  if (options->answer_key && options->style != DERM_STYLE_WORKSHEET)
    {
      g_set_error (error, DERM_PAGE_ERROR, DERM_PAGE_ERROR_INVALID,
                   _("An answer key goes with the worksheet style, not “%s”"),
                   derm_style_to_string (options->style));
      return FALSE;
    }
  /* a title of a page pushed the map off it, and a huge one took seconds */
  if (options->title != NULL && g_utf8_strlen (options->title, -1) > DERM_PAGE_MAX_TITLE)
    {
      g_set_error (error, DERM_PAGE_ERROR, DERM_PAGE_ERROR_INVALID,
                   _("The title is too long: %ld characters, at most %d"),
                   (long) g_utf8_strlen (options->title, -1), DERM_PAGE_MAX_TITLE);
      return FALSE;
    }
  return TRUE;
}

const char *
derm_paper_to_string (DermPaper paper)
{
  g_return_val_if_fail (paper <= DERM_PAPER_LETTER, NULL);
  return paper_names[paper];
}

gboolean
derm_paper_from_string (const char *str,
                        DermPaper  *paper)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (paper_names); i++)
    if (g_ascii_strcasecmp (str, paper_names[i]) == 0)
      {
        *paper = (DermPaper) i;
        return TRUE;
      }
  return FALSE;
}

const char *
derm_style_to_string (DermStyle style)
{
  g_return_val_if_fail (style <= DERM_STYLE_WORKSHEET, NULL);
  return style_names[style];
}

void
derm_paper_get_size (DermPaper  paper,
                     gboolean   landscape,
                     double    *width,
                     double    *height)
{
  double w = paper == DERM_PAPER_LETTER ? 612 : 595;
  double h = paper == DERM_PAPER_LETTER ? 792 : 842;

  *width = landscape ? h : w;
  *height = landscape ? w : h;
}

/* key names are the command line's options */
void
derm_page_options_save_to_key_file (const DermPageOptions *options,
                                    GKeyFile              *key_file,
                                    const char            *group)
{
  g_key_file_set_string (key_file, group, "view", derm_layout_to_string (options->layout));
  g_key_file_set_string (key_file, group, "map", options->map_id != NULL ? options->map_id : "");
  g_key_file_set_string (key_file, group, "style", derm_style_to_string (options->style));
  g_key_file_set_boolean (key_file, group, "labels", options->labels);
  g_key_file_set_boolean (key_file, group, "legend", options->legend);
  g_key_file_set_string (key_file, group, "title", options->title != NULL ? options->title : "");
  g_key_file_set_string (key_file, group, "highlight",
                         options->highlight_root != NULL ? options->highlight_root : "");
  g_key_file_set_boolean (key_file, group, "answer-key", options->answer_key);
  g_key_file_set_boolean (key_file, group, "view-per-page", options->view_per_page);
  g_key_file_set_boolean (key_file, group, "nerves", options->nerves);
  g_key_file_set_boolean (key_file, group, "key-points", options->key_points);
  g_key_file_set_string (key_file, group, "paper", derm_paper_to_string (options->paper));
  g_key_file_set_boolean (key_file, group, "landscape", options->landscape);
}

static gboolean
load_boolean (GKeyFile    *key_file,
              const char  *group,
              const char  *key,
              gboolean    *value,
              GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  gboolean b;

  if (!g_key_file_has_key (key_file, group, key, NULL))
    return TRUE;
  b = g_key_file_get_boolean (key_file, group, key, &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, DERM_PAGE_ERROR, DERM_PAGE_ERROR_INVALID,
                   _("Print setting “%s”: %s"), key, local_error->message);
      return FALSE;
    }
  *value = b;
  return TRUE;
}

/* An empty string is NULL. */
static gboolean
load_string (GKeyFile    *key_file,
             const char  *group,
             const char  *key,
             char       **value,
             GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *s = NULL;

  if (!g_key_file_has_key (key_file, group, key, NULL))
    return TRUE;
  s = g_key_file_get_string (key_file, group, key, &local_error);
  if (s == NULL)
    {
      g_set_error (error, DERM_PAGE_ERROR, DERM_PAGE_ERROR_INVALID,
                   _("Print setting “%s”: %s"), key, local_error->message);
      return FALSE;
    }
  g_free (*value);
  *value = s[0] != '\0' ? g_steal_pointer (&s) : NULL;
  return TRUE;
}

static gboolean
bad_value (GError     **error,
           const char  *key,
           const char  *value)
{
  g_set_error (error, DERM_PAGE_ERROR, DERM_PAGE_ERROR_INVALID,
               _("Print setting “%s” has an unknown value “%s”"), key, value);
  return FALSE;
}

gboolean
derm_page_options_load_from_key_file (DermPageOptions  *options,
                                      GKeyFile         *key_file,
                                      const char       *group,
                                      GError          **error)
{
  g_auto (DermPageOptions) loaded = { 0, };
  g_autofree char *view = NULL, *style = NULL, *paper = NULL;

  /* all or nothing: load into a copy */
  derm_page_options_copy (options, &loaded);

  if (!load_string (key_file, group, "view", &view, error) ||
      !load_string (key_file, group, "map", &loaded.map_id, error) ||
      !load_string (key_file, group, "style", &style, error) ||
      !load_boolean (key_file, group, "labels", &loaded.labels, error) ||
      !load_boolean (key_file, group, "legend", &loaded.legend, error) ||
      !load_string (key_file, group, "title", &loaded.title, error) ||
      !load_string (key_file, group, "highlight", &loaded.highlight_root, error) ||
      !load_boolean (key_file, group, "answer-key", &loaded.answer_key, error) ||
      !load_boolean (key_file, group, "view-per-page", &loaded.view_per_page, error) ||
      !load_boolean (key_file, group, "nerves", &loaded.nerves, error) ||
      !load_boolean (key_file, group, "key-points", &loaded.key_points, error) ||
      !load_string (key_file, group, "paper", &paper, error) ||
      !load_boolean (key_file, group, "landscape", &loaded.landscape, error))
    return FALSE;

  if (view != NULL && !derm_layout_from_string (view, &loaded.layout))
    return bad_value (error, "view", view);
  if (style != NULL && !derm_style_from_string (style, &loaded.style))
    return bad_value (error, "style", style);
  if (paper != NULL && !derm_paper_from_string (paper, &loaded.paper))
    return bad_value (error, "paper", paper);

  derm_page_options_clear (options);
  *options = loaded;
  memset (&loaded, 0, sizeof loaded);
  return TRUE;
}

/* Pages per copy of the map: two when each view has its own. */
static guint
n_view_pages (const DermPageOptions *options)
{
  return options->layout == DERM_LAYOUT_BOTH && options->view_per_page ? 2 : 1;
}

guint
derm_page_get_n_pages (const DermPageOptions *options)
{
  return n_view_pages (options) *
         (options->style == DERM_STYLE_WORKSHEET && options->answer_key ? 2 : 1);
}

/* Drawing */

static PangoLayout *
text_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  return derm_text_layout_new (cr, text, size, bold, width, PANGO_ALIGN_LEFT);
}

/* Everything a page needs to know, worked out once per page. */
typedef struct {
  DermRenderer          *renderer;
  DermAtlas             *atlas;
  const DermPageOptions *options;
  const DermMap         *map;
  DermStyle              style;     /* of this page's diagram */
  DermPalette            palette;   /* of the colour style, diagram and legend alike */
  gboolean               key_page;  /* the answer key */
  DermLayout             layout;    /* the views on this page */
  double                 unit;      /* points per A4 point */
  double                 margin;
  double                 x0, x1;    /* content columns */
  double                 scale;     /* points per diagram unit */
} Page;

/* A legend item: a swatch and its words. */
typedef struct {
  guint  roots[4];
  guint  n_roots;   /* 0: blank skin */
  char  *text;
  guint  borders[4];
  guint  n_borders; /* > 0: a guessed zone of roots[0], ringed in these */
} LegendItem;

static void
legend_item_clear (gpointer data)
{
  LegendItem *item = data;
  g_free (item->text);
}

/* The roots the shown views use on the map, in order, then an overlap and
 * blank skin if there are any. */
static GArray *
legend_items (Page *page)
{
  GPtrArray *regions = derm_atlas_get_regions (page->atlas);
  GPtrArray *roots = derm_atlas_get_roots (page->atlas);
  g_autofree gboolean *used = g_new0 (gboolean, roots->len);
  GArray *items = g_array_new (FALSE, TRUE, sizeof (LegendItem));
  LegendItem overlap = { { 0, }, 0, NULL, { 0, }, 0 };
  LegendItem guessed = { { 0, }, 0, NULL, { 0, }, 0 };
  gboolean blank = FALSE;

  g_array_set_clear_func (items, legend_item_clear);

  for (guint i = 0; i < regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (regions, i);
      const char * const *ids = derm_map_get_roots (page->map, region);
      double ox, oy;
      guint n = 0;

      if (!derm_layout_view_origin (page->layout, region->view, &ox, &oy))
        continue;
      if (ids[0] == NULL)
        blank = TRUE;
      for (; ids[n] != NULL; n++)
        used[derm_atlas_get_root (page->atlas, ids[n])->index] = TRUE;
      if (n == 1 && guessed.n_borders == 0 && derm_map_get_zone_kind (page->map, region) == DERM_ZONE_GUESSED)
        {
          const char * const *borders = derm_map_get_zone_borders (page->map, region);

          guessed.n_roots = 1;
          guessed.roots[0] = derm_atlas_get_root (page->atlas, ids[0])->index;
          for (guint b = 0; borders[b] != NULL && guessed.n_borders < G_N_ELEMENTS (guessed.borders); b++)
            guessed.borders[guessed.n_borders++] = derm_atlas_get_root (page->atlas, borders[b])->index;
        }
      if (n == 2 && overlap.n_roots == 0)
        {
          overlap.n_roots = 2;
          overlap.roots[0] = derm_atlas_get_root (page->atlas, ids[0])->index;
          overlap.roots[1] = derm_atlas_get_root (page->atlas, ids[1])->index;
        }
    }

  for (guint r = 0; r < roots->len; r++)
    if (used[r])
      {
        const DermRoot *root = g_ptr_array_index (roots, r);
        LegendItem item = { { r, }, 1, g_strdup (root->id) };

        g_array_append_val (items, item);
      }
  if (overlap.n_roots > 0)
    {
      overlap.text = g_strdup (_("hatched: overlap of two roots"));
      g_array_append_val (items, overlap);
    }
  if (guessed.n_borders > 0)
    {
      guessed.text = g_strdup (_("pale with rings: uncertain, filled from the roots around it"));
      g_array_append_val (items, guessed);
    }
  if (blank)
    {
      /* Translators: the legend of skin a map leaves blank, and why:
       * "blank: varies between people" */
      LegendItem item = { { 0, }, 0, g_strdup_printf (_("blank: %s"), derm_map_get_blank_meaning (page->map)) };
      g_array_append_val (items, item);
    }
  return items;
}

/* Lay the legend out in rows from y; draw it if draw. Returns its height. */
static double
legend_block (Page    *page,
              cairo_t *cr,
              double   y,
              gboolean draw)
{
  g_autoptr (GArray) items = legend_items (page);
  double u = page->unit;
  double sw = 18 * u, sh = 11 * u, gap = 12 * u;
  double x = page->x0, row_h = 15 * u, top = y;

  for (guint i = 0; i < items->len; i++)
    {
      const LegendItem *item = &g_array_index (items, LegendItem, i);
      g_autoptr (PangoLayout) layout = text_layout (cr, item->text, BODY_SIZE * u,
                                                    item->n_roots == 1 && item->n_borders == 0, -1);
      double w = sw + 5 * u + derm_text_layout_get_width (layout);

      /* roots in even columns, so the same root sits in the same place on every page */
      if (item->n_roots == 1 && item->n_borders == 0)
        w = MAX (w, 46 * u);
      if (x > page->x0 && x + w > page->x1)
        {
          x = page->x0;
          y += row_h;
        }
      if (draw)
        {
          cairo_save (cr);
          cairo_new_path (cr);
          cairo_rectangle (cr, x, y + (row_h - sh) / 2 - 1 * u, sw, sh);
          if (item->n_roots == 0)
            {
              DermColor blank;

              derm_palette_get_blank_color_full (page->style, page->palette, FALSE, &blank);
              cairo_set_source_rgb (cr, blank.red, blank.green, blank.blue);
              cairo_fill (cr);
            }
          else
            {
              /* the swatch in the diagram's own units, so patterns and
               * stripes look as they do on the legs */
              double s = page->scale;

              cairo_translate (cr, x, y + (row_h - sh) / 2 - 1 * u);
              cairo_scale (cr, s, s);
              cairo_new_path (cr);
              cairo_rectangle (cr, 0, 0, sw / s, sh / s);
              if (item->n_borders > 0)
                derm_palette_fill_guessed_full (cr, item->roots[0], item->borders, item->n_borders,
                                                page->style, page->palette, FALSE);
              else
                derm_palette_fill_overlap_full (cr, item->roots, item->n_roots, page->style, page->palette, FALSE);
            }
          cairo_restore (cr);
          cairo_save (cr);
          cairo_rectangle (cr, x, y + (row_h - sh) / 2 - 1 * u, sw, sh);
          cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
          cairo_set_line_width (cr, 0.5 * u);
          cairo_stroke (cr);
          cairo_restore (cr);
          derm_text_show_layout (cr, layout, x + sw + 5 * u, y + (row_h - derm_text_layout_get_height (layout)) / 2 - 1 * u, 0.1);
        }
      x += w + gap;
    }
  return y + row_h - top;
}

/* The numbered list: "1. ______" on the worksheet, "1. L4" in the key.
 * Numbers run down the columns. Returns its height. */
static double
blank_list_block (Page    *page,
                  cairo_t *cr,
                  double   y,
                  gboolean draw)
{
  DermRenderOptions render;
  g_auto (GStrv) answers = NULL;
  double u = page->unit;
  double col_w = 86 * u, row_h = page->key_page ? 13 * u : 17 * u;
  g_autoptr (PangoLayout) heading = NULL;
  guint n, cols, rows;
  double top = y;

  derm_render_options_init (&render);
  render.layout = page->layout;
  render.map_id = page->map->id;
  answers = derm_renderer_dup_blank_answers (page->renderer, &render);
  n = g_strv_length (answers);
  if (n == 0)
    return 0;

  heading = text_layout (cr, page->key_page ? _("Answers: the root of each numbered zone")
                                            : _("Write the root supplying each numbered zone:"),
                         BODY_SIZE * u * 1.1, TRUE, page->x1 - page->x0);
  if (draw)
    derm_text_show_layout (cr, heading, page->x0, y, 0.1);
  y += derm_text_layout_get_height (heading) + 4 * u;

  cols = MAX (1, (guint) floor ((page->x1 - page->x0 + 10 * u) / col_w));
  rows = (n + cols - 1) / cols;
  cols = (n + rows - 1) / rows;
  if (draw)
    for (guint i = 0; i < n; i++)
      {
        guint col = i / rows, row = i % rows;
        double x = page->x0 + col * col_w, ry = y + row * row_h;
        g_autofree char *number = g_strdup_printf ("%u.", i + 1);
        g_autoptr (PangoLayout) num = text_layout (cr, number, BODY_SIZE * u, FALSE, -1);
        double num_w = 16 * u;

        derm_text_show_layout (cr, num, x + num_w - derm_text_layout_get_width (num), ry, 0.1);
        if (page->key_page)
          {
            g_autoptr (PangoLayout) answer = text_layout (cr, answers[i], BODY_SIZE * u, TRUE, -1);
            derm_text_show_layout (cr, answer, x + num_w + 4 * u, ry, 0.1);
          }
        else
          {
            /* a line to write on, at the text's baseline */
            double base = ry + pango_layout_get_baseline (num) / (double) PANGO_SCALE;

            cairo_save (cr);
            cairo_move_to (cr, x + num_w + 4 * u, base + 0.5 * u);
            cairo_line_to (cr, x + col_w - 10 * u, base + 0.5 * u);
            cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
            cairo_set_line_width (cr, 0.6 * u);
            cairo_stroke (cr);
            cairo_restore (cr);
          }
      }
  y += rows * row_h;
  return y - top;
}

static char *
dup_date (const DermPageOptions *options)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr (GDateTime) now = NULL;

  if (options->date != NULL)
    return g_strdup (options->date);
  /* reproducible output when asked for */
  if (epoch != NULL && epoch[0] != '\0')
    now = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
  if (now == NULL)
    now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* Map name and sources on the left, app and date on the right; drawn
 * upwards from bottom. Returns its height. */
static double
footer_block (Page    *page,
              cairo_t *cr,
              double   bottom,
              gboolean draw)
{
  double u = page->unit;
  g_autoptr (GString) left = g_string_new (NULL);
  g_autofree char *date = dup_date (page->options);
  g_autofree char *right = g_strdup_printf ("Dermatomes %s\n%s", VERSION, date);
  g_autoptr (PangoLayout) right_layout = text_layout (cr, right, FOOTER_SIZE * u, FALSE, -1);
  g_autoptr (PangoLayout) left_layout = NULL;
  double right_w = derm_text_layout_get_width (right_layout), height;

  g_string_append_printf (left, _("Map: %s."), page->map->name);
  g_string_append (left, " ");
  g_string_append (left, _("Sources:"));
  for (guint i = 0; page->map->sources[i] != NULL; i++)
    {
      const DermSource *source = derm_atlas_get_source (page->atlas, page->map->sources[i]);

      g_string_append_printf (left, " %s", source != NULL ? source->citation : page->map->sources[i]);
    }
  left_layout = text_layout (cr, left->str, FOOTER_SIZE * u, FALSE, page->x1 - page->x0 - right_w - 18 * u);
  height = MAX (derm_text_layout_get_height (left_layout), derm_text_layout_get_height (right_layout)) + 5 * u;

  if (draw)
    {
      double top = bottom - height;

      cairo_save (cr);
      cairo_move_to (cr, page->x0, top);
      cairo_line_to (cr, page->x1, top);
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (cr, 0.5 * u);
      cairo_stroke (cr);
      cairo_restore (cr);
      pango_layout_set_alignment (right_layout, PANGO_ALIGN_RIGHT);
      derm_text_show_layout (cr, left_layout, page->x0, top + 5 * u, 0.25);
      derm_text_show_layout (cr, right_layout, page->x1 - right_w, top + 5 * u, 0.25);
    }
  return height;
}

void
derm_page_render (DermRenderer          *renderer,
                  cairo_t               *cr,
                  double                 width,
                  double                 height,
                  const DermPageOptions *options,
                  guint                  page_index)
{
  Page page = { 0, };
  DermRenderOptions render;
  g_autoptr (PangoLayout) title = NULL;
  g_autofree char *title_text = NULL;
  const char *base_title;
  double u, y, bottom, footer_h, block_h = 0, area_h, lw, lh, scale, ox, oy G_GNUC_UNUSED;
  gboolean worksheet, show_list, show_legend;

  g_return_if_fail (DERM_IS_RENDERER (renderer));
  g_return_if_fail (cr != NULL && options != NULL);
  g_return_if_fail (page_index < derm_page_get_n_pages (options));

  page.renderer = renderer;
  page.atlas = derm_renderer_get_atlas (renderer);
  page.options = options;
  page.map = derm_atlas_get_map (page.atlas, options->map_id);
  if (page.map == NULL)
    page.map = derm_atlas_get_default_map (page.atlas);
  page.key_page = page_index >= n_view_pages (options);
  page.layout = options->layout;
  if (n_view_pages (options) == 2)
    page.layout = page_index % 2 == 0 ? DERM_LAYOUT_ANTERIOR : DERM_LAYOUT_POSTERIOR;
  worksheet = options->style == DERM_STYLE_WORKSHEET && !page.key_page;
  page.style = page.key_page ? DERM_STYLE_COLOR : options->style;
  /* paper is white: the default palette until the page options offer one */
  page.palette = DERM_PALETTE_DEFAULT;
  page.unit = u = MIN (width, height) / 595.0;
  page.margin = MARGIN * u;
  page.x0 = page.margin;
  page.x1 = width - page.margin;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  /* title, and on a worksheet a line for the student's name */
  base_title = options->title != NULL ? options->title : _("Dermatomes of the lower limb");
  title_text = page.key_page ? g_strdup_printf (_("%s: answer key"), base_title) : g_strdup (base_title);
  y = page.margin;
  if (worksheet)
    {
      g_autoptr (PangoLayout) name = text_layout (cr, _("Name: ______________________"), BODY_SIZE * u * 1.1, FALSE, -1);

      derm_text_show_layout (cr, name, page.x1 - derm_text_layout_get_width (name), y + 6 * u, 0.1);
      title = text_layout (cr, title_text, TITLE_SIZE * u, TRUE, page.x1 - page.x0 - derm_text_layout_get_width (name) - 12 * u);
    }
  else
    title = text_layout (cr, title_text, TITLE_SIZE * u, TRUE, page.x1 - page.x0);
  derm_text_show_layout (cr, title, page.x0, y, 0.0);
  y += derm_text_layout_get_height (title) + 8 * u;

  /* from the bottom up: footer, then the legend or the list */
  bottom = height - page.margin;
  footer_h = footer_block (&page, cr, bottom, TRUE);
  bottom -= footer_h + 10 * u;

  show_list = options->style == DERM_STYLE_WORKSHEET && options->labels;
  show_legend = options->legend && page.style != DERM_STYLE_WORKSHEET;
  if (show_list)
    block_h += blank_list_block (&page, cr, 0, FALSE);
  if (show_legend)
    block_h += legend_block (&page, cr, 0, FALSE) + (show_list ? 8 * u : 0);

  /* the diagram, as large as the rest of the page allows */
  area_h = bottom - y - (block_h > 0 ? block_h + 10 * u : 0);
  derm_layout_get_size (page.layout, &lw, &lh);
  derm_layout_fit (page.layout, page.x1 - page.x0, MAX (area_h, 1), &scale, &ox, &oy);
  page.scale = scale;
  /* both views side by side on a tall page are as wide as it: what height
   * is left goes above and below the figure and its legend, not all under */
  y += MAX (area_h - lh * scale, 0) / 2;

  /* legend and list right under the diagram, not at the foot of the page */
  if (block_h > 0)
    {
      double by = y + lh * scale + 12 * u;

      if (show_legend)
        by += legend_block (&page, cr, by, TRUE) + (show_list ? 8 * u : 0);
      if (show_list)
        blank_list_block (&page, cr, by, TRUE);
    }

  derm_render_options_init (&render);
  render.layout = page.layout;
  render.nerves = options->nerves;
  render.key_points = options->key_points;
  render.map_id = page.map->id;
  render.style = page.style;
  render.palette = page.palette;
  render.labels = page.key_page || (options->labels && !worksheet);
  render.blanks = worksheet && options->labels;
  render.header = TRUE;
  render.highlight_root = page.key_page ? NULL : options->highlight_root;
  render.min_label_size = (worksheet ? BLANK_SIZE : LABEL_SIZE) * u / scale;

  cairo_save (cr);
  cairo_translate (cr, page.x0 + ox, y);
  cairo_scale (cr, scale, scale);
  derm_renderer_render (renderer, cr, &render);
  cairo_restore (cr);

  cairo_restore (cr);
}
