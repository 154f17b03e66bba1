/* derm-chart-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart as a record for the notes: both views with the charted skin
 * marked on the patient's own sides (a colour and a pattern per finding,
 * so it reads in grayscale too), then the ranked candidates with their
 * reasons, the findings table and the disclaimer; the text flows onto
 * more pages when it must.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "derm-chart-marks.h"
#include "derm-chart-page.h"
#include "derm-export.h"
#include "derm-geometry.h"
#include "derm-layout.h"
#include "derm-text.h"

#define MARGIN        36.0
#define TITLE_SIZE    16.0
#define HEADING_SIZE  10.5
#define BODY_SIZE      7.5
#define FOOTER_SIZE    6.0
#define LABEL_SIZE     6.0
#define DIAGRAM_SHARE  0.47   /* of the page height, on the first page */

struct _DermChartPage
{
  DermRenderer     *renderer;
  DermAtlas        *atlas;
  DermChart        *chart;
  DermLocalization *result;
  const DermMap    *map;
  char             *title;
  double            width, height;
  double            u, x0, x1;
  double            diagram_x, diagram_y, scale;
  guint             n_pages;
};

typedef struct {
  PangoLayout *layout;
  double       space_before;
  gboolean     red;
} Block;

static void
block_clear (gpointer data)
{
  Block *block = data;
  g_clear_object (&block->layout);
}

static const DermRegion *
chart_region (DermAtlas  *atlas,
              const char *name,
              DermSide    side)
{
  g_autofree char *id = g_strdup_printf ("%s-%s", name, derm_side_to_string (side));
  return derm_atlas_get_region (atlas, id);
}

/* The marks, in layout units of the both-views layout. */
static void
draw_marks (DermChartPage *self,
            cairo_t       *cr)
{
  GPtrArray *sensory = derm_chart_get_sensory (self->chart);
  GPtrArray *key_points = derm_chart_get_key_points (self->chart);
  double step = 6.0;

  for (guint i = 0; sensory != NULL && i < sensory->len; i++)
    {
      const DermChartSensory *entry = g_ptr_array_index (sensory, i);
      const DermRegion *region = chart_region (self->atlas, entry->region, entry->side);
      double ox, oy;

      if (region == NULL || !derm_layout_view_origin (DERM_LAYOUT_BOTH, region->view, &ox, &oy))
        continue;
      cairo_save (cr);
      cairo_translate (cr, ox, oy);
      cairo_new_path (cr);
      if (derm_svg_paths_try_append (derm_geometry_get_paths (self->atlas, region->view), region->id, cr))
        derm_finding_fill (cr, entry->finding, step);
      cairo_new_path (cr);
      cairo_restore (cr);
    }

  /* key points: a ring, filled where the score is abnormal, with the score */
  for (guint i = 0; key_points != NULL && i < key_points->len; i++)
    {
      const DermChartKeyPoint *entry = g_ptr_array_index (key_points, i);
      const DermKeyPoint *kp = derm_atlas_get_key_point (self->atlas, entry->root, entry->side);
      int worst = MIN (entry->light_touch < 0 ? 3 : entry->light_touch, entry->pin_prick < 0 ? 3 : entry->pin_prick);
      double ox, oy, x, y;

      if (kp == NULL)
        kp = derm_atlas_get_key_point (self->atlas, entry->root, DERM_SIDE_MID);
      if (kp == NULL || worst > 2 || !derm_layout_view_origin (DERM_LAYOUT_BOTH, kp->view, &ox, &oy))
        continue;
      x = ox + kp->x;
      y = oy + kp->y;
      /* S4-5 is scored on each side; where an atlas of one's own gives a
       * single midline point, beside it on the patient's side */
      if (kp->side == DERM_SIDE_MID && entry->side != DERM_SIDE_MID)
        x += ((entry->side == DERM_SIDE_RIGHT) == (kp->view == DERM_VIEW_POSTERIOR) ? 7.0 : -7.0);
      cairo_new_path (cr);
      cairo_arc (cr, x, y, 5.0, 0, 2 * G_PI);
      if (worst < 2)
        {
          double red, green, blue;

          derm_finding_get_color (worst == 0 ? DERM_FINDING_ABSENT : DERM_FINDING_REDUCED, &red, &green, &blue);
          cairo_set_source_rgb (cr, red, green, blue);
        }
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, 1.4);
      cairo_stroke (cr);
    }
}

static char *
candidate_title (DermChartPage       *self,
                 const DermCandidate *candidate)
{
  const char *name = candidate->id, *side;
  g_autofree char *root_name = NULL;

  switch (candidate->kind)
    {
    case DERM_CANDIDATE_ROOT:
      root_name = g_strdup_printf (_("%s root"), candidate->id);
      name = root_name;
      break;
    case DERM_CANDIDATE_NERVE:
      {
        const DermNerve *nerve = derm_atlas_get_nerve (self->atlas, candidate->id);
        if (nerve != NULL)
          name = nerve->name;
      }
      break;
    case DERM_CANDIDATE_PATTERN:
    default:
      if (strcmp (candidate->id, "upper-motor-neuron") == 0)
        name = _("upper motor neuron lesion (above the conus)");
      else if (strcmp (candidate->id, "cauda-equina") == 0)
        name = _("cauda equina syndrome");
      else if (strcmp (candidate->id, "polyneuropathy") == 0)
        name = _("length-dependent polyneuropathy");
      break;
    }
  switch (candidate->side)
    {
    case DERM_CANDIDATE_LEFT:
      side = _("left");
      break;
    case DERM_CANDIDATE_RIGHT:
      side = _("right");
      break;
    case DERM_CANDIDATE_MID:
      side = _("midline");
      break;
    case DERM_CANDIDATE_BOTH:
    default:
      side = _("both sides");
      break;
    }
  return g_strdup_printf ("%s, %s", name, side);
}

static Block *
add_block (GArray     *blocks,
           cairo_t    *cr,
           const char *text,
           double      size,
           gboolean    bold,
           double      width,
           double      space_before)
{
  Block block = { derm_text_layout_new (cr, text, size, bold, width, PANGO_ALIGN_LEFT), space_before, FALSE };

  g_array_append_val (blocks, block);
  return &g_array_index (blocks, Block, blocks->len - 1);
}

static char *
grade_text (int grade)
{
  if (grade == DERM_GRADE_NT)
    return g_strdup ("NT");
  if (grade < 0)
    return g_strdup ("–");
  return g_strdup_printf ("%d", grade);
}

/* One row of the findings table; an abnormal value in bold. */
static char *
table_row (const char *name,
           const char *right,
           gboolean    right_abnormal,
           const char *left,
           gboolean    left_abnormal)
{
  g_autofree char *n = g_markup_escape_text (name, -1);
  g_autofree char *r = g_markup_escape_text (right, -1);
  g_autofree char *l = g_markup_escape_text (left, -1);

  return g_strdup_printf ("%s\t%s%s%s\t%s%s%s", n,
                          right_abnormal ? "<b>" : "", r, right_abnormal ? "</b>" : "",
                          left_abnormal ? "<b>" : "", l, left_abnormal ? "</b>" : "");
}

static const DermChartTest *
find_test (GPtrArray  *list,
           const char *id,
           DermSide    side)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const DermChartTest *entry = g_ptr_array_index (list, i);
      if (entry->side == side && strcmp (entry->test, id) == 0)
        return entry;
    }
  return NULL;
}

static char *
test_value (const DermExamTest  *test,
            const DermChartTest *entry,
            gboolean            *abnormal)
{
  *abnormal = FALSE;
  if (entry == NULL)
    return g_strdup ("");
  if (entry->response != DERM_PLANTAR_NONE)
    {
      *abnormal = entry->response != DERM_PLANTAR_FLEXOR;
      return g_strdup (entry->response == DERM_PLANTAR_FLEXOR ? _("flexor") :
                       entry->response == DERM_PLANTAR_EXTENSOR ? _("extensor") : _("equivocal"));
    }
  if (entry->grade >= 0)
    *abnormal = test->kind == DERM_TEST_MOTOR ? entry->grade < 5 : entry->grade != 2;
  return grade_text (entry->grade);
}

static void
add_table (DermChartPage *self,
           GArray        *blocks,
           cairo_t       *cr,
           double         width)
{
  g_autoptr (GString) markup = g_string_new (NULL);
  GPtrArray *key_points = derm_chart_get_key_points (self->chart);
  GPtrArray *tests = derm_atlas_get_exam_tests (self->atlas);
  GPtrArray *roots = derm_atlas_get_roots (self->atlas);
  PangoTabArray *tabs;
  Block *block;
  double u = self->u;

  g_string_append_printf (markup, "<b>%s</b>\t<b>%s</b>\t<b>%s</b>", _("Examined"), _("Right"), _("Left"));

  /* key points in root order, light touch / pin prick */
  for (guint r = 0; key_points != NULL && r < roots->len; r++)
    {
      const DermRoot *root = g_ptr_array_index (roots, r);
      const DermChartKeyPoint *side_entry[2] = { NULL, NULL };
      g_autofree char *name = NULL, *values[2] = { NULL, NULL };
      gboolean abnormal[2] = { FALSE, FALSE };

      for (guint i = 0; i < key_points->len; i++)
        {
          const DermChartKeyPoint *entry = g_ptr_array_index (key_points, i);
          if (strcmp (entry->root, root->id) == 0 && entry->side != DERM_SIDE_MID)
            side_entry[entry->side == DERM_SIDE_LEFT] = entry;
        }
      if (side_entry[0] == NULL && side_entry[1] == NULL)
        continue;
      for (guint s = 0; s < 2; s++)
        {
          g_autofree char *lt = NULL, *pp = NULL;

          if (side_entry[s] == NULL)
            {
              values[s] = g_strdup ("");
              continue;
            }
          lt = grade_text (side_entry[s]->light_touch);
          pp = grade_text (side_entry[s]->pin_prick);
          values[s] = g_strdup_printf ("%s / %s", lt, pp);
          abnormal[s] = (side_entry[s]->light_touch >= 0 && side_entry[s]->light_touch < 2) ||
                        (side_entry[s]->pin_prick >= 0 && side_entry[s]->pin_prick < 2);
        }
      name = g_strdup_printf (_("%s key point (light touch / pin prick)"), root->id);
      g_string_append_c (markup, '\n');
      g_string_append_printf (markup, "%s", table_row (name, values[0], abnormal[0], values[1], abnormal[1]));
    }

  for (guint t = 0; t < tests->len; t++)
    {
      const DermExamTest *test = g_ptr_array_index (tests, t);
      GPtrArray *list = test->kind == DERM_TEST_MOTOR ? derm_chart_get_motor (self->chart)
                                                      : derm_chart_get_reflexes (self->chart);
      const DermChartTest *right, *left;
      g_autofree char *rv = NULL, *lv = NULL, *row = NULL, *name = NULL;
      gboolean ra, la;

      if (test->midline)
        {
          right = find_test (list, test->id, DERM_SIDE_MID);
          left = NULL;
          name = g_strdup_printf (_("%s (midline)"), test->name);
        }
      else
        {
          right = find_test (list, test->id, DERM_SIDE_RIGHT);
          left = find_test (list, test->id, DERM_SIDE_LEFT);
          name = g_strdup (test->name);
        }
      if (right == NULL && left == NULL)
        continue;
      rv = test_value (test, right, &ra);
      lv = test_value (test, left, &la);
      row = table_row (name, rv, ra, lv, la);
      g_string_append_c (markup, '\n');
      g_string_append (markup, row);
    }

  block = add_block (blocks, cr, "", BODY_SIZE * u, FALSE, width, 6 * u);
  pango_layout_set_markup (block->layout, markup->str, -1);
  tabs = pango_tab_array_new_with_positions (2, FALSE, PANGO_TAB_LEFT, (int) (width * 0.62 * PANGO_SCALE),
                                             PANGO_TAB_LEFT, (int) (width * 0.81 * PANGO_SCALE));
  pango_layout_set_tabs (block->layout, tabs);
  pango_tab_array_free (tabs);
}

static void
add_skin (DermChartPage *self,
          GArray        *blocks,
          cairo_t       *cr,
          double         width)
{
  GPtrArray *sensory = derm_chart_get_sensory (self->chart);
  g_autoptr (GString) text = g_string_new (NULL);

  if (sensory == NULL)
    return;
  g_string_append (text, _("Skin"));
  for (DermFinding finding = DERM_FINDING_ABSENT; finding < DERM_N_FINDINGS + 1; finding++)
    {
      /* the normal skin last */
      DermFinding f = finding == DERM_N_FINDINGS ? DERM_FINDING_NORMAL : finding;
      gboolean first = TRUE;

      for (guint i = 0; i < sensory->len; i++)
        {
          const DermChartSensory *entry = g_ptr_array_index (sensory, i);
          const DermRegion *region = chart_region (self->atlas, entry->region, entry->side);
          g_autofree char *title = NULL;

          if (entry->finding != f || region == NULL)
            continue;
          title = derm_region_dup_title (region);
          if (first)
            g_string_append_printf (text, " (%s): %s", derm_finding_label (f), title);
          else
            g_string_append_printf (text, ", %s", title);
          first = FALSE;
        }
      if (!first)
        g_string_append_c (text, '.');
    }
  if (sensory->len == 0)
    g_string_append_printf (text, ": %s", _("examined, nothing charted."));
  add_block (blocks, cr, text->str, BODY_SIZE * self->u, FALSE, width, 5 * self->u);
}

/* Everything under the diagram, in reading order. */
static GArray *
make_blocks (DermChartPage *self,
             cairo_t       *cr)
{
  GArray *blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  double u = self->u, width = self->x1 - self->x0;
  DermRedFlags flags = 0;
  const char *note = derm_chart_get_note (self->chart);

  g_array_set_clear_func (blocks, block_clear);

  for (guint i = 0; i < self->result->warnings->len; i++)
    add_block (blocks, cr, g_ptr_array_index (self->result->warnings, i), BODY_SIZE * u * 1.1, TRUE,
               width, i == 0 ? 4 * u : 2 * u)->red = TRUE;

  if (self->result->abnormal)
    {
      g_autofree char *heading = g_strdup_printf (_("What could explain it, best first (map: %s)"), self->map->name);

      add_block (blocks, cr, heading, HEADING_SIZE * u, TRUE, width, 8 * u);
      for (guint i = 0; i < self->result->candidates->len; i++)
        {
          const DermCandidate *candidate = g_ptr_array_index (self->result->candidates, i);
          g_autofree char *title = candidate_title (self, candidate);
          g_autofree char *line = g_strdup_printf ("%u. %s: %.2f%s", i + 1, title, candidate->score,
                                                   candidate->urgent ? _(" (URGENT)") : "");
          g_autofree char *why = derm_candidate_dup_why (candidate);

          add_block (blocks, cr, line, BODY_SIZE * u * 1.1, TRUE, width, 4 * u)->red = candidate->urgent;
          add_block (blocks, cr, why, BODY_SIZE * u, FALSE, width, 1 * u);
        }
    }
  else
    add_block (blocks, cr, _("No abnormal finding is charted."), HEADING_SIZE * u, TRUE, width, 8 * u);

  add_block (blocks, cr, _("Findings"), HEADING_SIZE * u, TRUE, width, 10 * u);
  add_skin (self, blocks, cr, width);
  if (derm_chart_get_red_flags (self->chart, &flags))
    {
      g_autoptr (GString) text = g_string_new (_("Red flags:"));
      gboolean any = FALSE;

      for (guint bit = 0; bit < DERM_N_RED_FLAGS; bit++)
        if (flags & (1u << bit))
          {
            g_string_append_printf (text, "%s %s", any ? "," : "", derm_red_flag_to_string (1u << bit));
            any = TRUE;
          }
      if (!any)
        g_string_append_printf (text, " %s", _("none"));
      add_block (blocks, cr, text->str, BODY_SIZE * u, FALSE, width, 4 * u);
    }
  if (derm_chart_get_key_points (self->chart) != NULL || derm_chart_get_motor (self->chart) != NULL ||
      derm_chart_get_reflexes (self->chart) != NULL)
    add_table (self, blocks, cr, width);
  if (note != NULL && note[0] != '\0')
    {
      g_autofree char *text = g_strdup_printf (_("Note: %s"), note);
      add_block (blocks, cr, text, BODY_SIZE * u, FALSE, width, 6 * u);
    }
  return blocks;
}

static char *
dup_today (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr (GDateTime) now = NULL;

  if (epoch != NULL && epoch[0] != '\0')
    now = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
  if (now == NULL)
    now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static PangoLayout *
footer_layout (DermChartPage *self,
               cairo_t       *cr,
               guint          page_index)
{
  g_autofree char *today = dup_today ();
  g_autofree char *text = g_strdup_printf (_("%s Dermatomes %s, printed %s, page %u of %u."),
                                           derm_localizer_disclaimer (), VERSION, today,
                                           page_index + 1, self->n_pages);

  return derm_text_layout_new (cr, text, FOOTER_SIZE * self->u, FALSE, self->x1 - self->x0, PANGO_ALIGN_LEFT);
}

/* The top of the text on a page, and its bottom. */
static void
text_area (DermChartPage *self,
           cairo_t       *cr,
           guint          page_index,
           double        *top,
           double        *bottom)
{
  g_autoptr (PangoLayout) footer = footer_layout (self, cr, page_index);
  double lw, lh;

  derm_layout_get_size (DERM_LAYOUT_BOTH, &lw, &lh);
  *top = page_index == 0 ? self->diagram_y + lh * self->scale + 4 * self->u : MARGIN * self->u + 22 * self->u;
  *bottom = self->height - MARGIN * self->u - derm_text_layout_get_height (footer) - 6 * self->u;
}

/* Which page each block goes on; the number of pages. */
static guint
flow (DermChartPage *self,
      cairo_t       *cr,
      GArray        *blocks,
      guint         *pages,
      double        *ys)
{
  guint page = 0;
  double top, bottom, y;

  text_area (self, cr, 0, &top, &bottom);
  y = top;
  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *block = &g_array_index (blocks, Block, i);
      double h = derm_text_layout_get_height (block->layout);

      y += block->space_before;
      /* a block too tall for any page goes where it is and is cut */
      if (y + h > bottom && y > top + block->space_before)
        {
          page++;
          text_area (self, cr, page, &top, &bottom);
          y = top;
        }
      pages[i] = page;
      ys[i] = y;
      y += h;
    }
  return page + 1;
}

/* The chart's title, two lines at most: a chart file's title is free text
 * of any length. */
static PangoLayout *
title_layout (DermChartPage *self,
              cairo_t       *cr)
{
  PangoLayout *layout = derm_text_layout_new (cr, self->title, TITLE_SIZE * self->u, TRUE,
                                              self->x1 - self->x0, PANGO_ALIGN_LEFT);

  pango_layout_set_height (layout, -2);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static void
header (DermChartPage *self,
        cairo_t       *cr,
        guint          page_index)
{
  double u = self->u, y = MARGIN * u;
  g_autoptr (PangoLayout) title = NULL;
  g_autoptr (PangoLayout) sub = NULL;
  g_autoptr (GString) line = g_string_new (NULL);
  const char *examined = derm_chart_get_examined (self->chart);

  if (page_index > 0)
    {
      g_autofree char *text = g_strdup_printf (_("%s (continued)"), self->title);
      title = derm_text_layout_new (cr, text, BODY_SIZE * u * 1.2, TRUE, self->x1 - self->x0, PANGO_ALIGN_LEFT);
      derm_text_show_layout (cr, title, self->x0, y, 0.0);
      return;
    }

  title = title_layout (self, cr);
  derm_text_show_layout (cr, title, self->x0, y, 0.0);
  y += derm_text_layout_get_height (title) + 2 * u;

  if (examined != NULL)
    {
      g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (examined, NULL);
      g_autofree char *date = when != NULL ? g_date_time_format (when, "%Y-%m-%d %H:%M") : g_strdup (examined);
      g_string_append_printf (line, _("Examined %s. "), date);
    }
  g_string_append_printf (line, _("Map: %s. Left and right are the patient's."), self->map->name);
  sub = derm_text_layout_new (cr, line->str, BODY_SIZE * u * 1.1, FALSE, self->x1 - self->x0, PANGO_ALIGN_LEFT);
  derm_text_show_layout (cr, sub, self->x0, y, 0.25);
}

static double
header_height (DermChartPage *self,
               cairo_t       *cr)
{
  g_autoptr (PangoLayout) title = title_layout (self, cr);
  return derm_text_layout_get_height (title) + 2 * self->u + BODY_SIZE * self->u * 1.6 + 6 * self->u;
}

/* A row of swatches for the findings the chart uses, under the diagram. */
static void
legend (DermChartPage *self,
        cairo_t       *cr,
        double         y)
{
  GPtrArray *sensory = derm_chart_get_sensory (self->chart);
  gboolean used[DERM_N_FINDINGS] = { FALSE, };
  double u = self->u, x = self->x0, box = 9 * u;

  for (guint i = 0; sensory != NULL && i < sensory->len; i++)
    used[((const DermChartSensory *) g_ptr_array_index (sensory, i))->finding] = TRUE;
  for (DermFinding f = 0; f < DERM_N_FINDINGS; f++)
    {
      g_autoptr (PangoLayout) label = NULL;

      if (!used[f])
        continue;
      cairo_save (cr);
      cairo_rectangle (cr, x, y, box, box);
      derm_finding_fill (cr, f, 2.5 * u);
      cairo_restore (cr);
      label = derm_text_layout_new (cr, derm_finding_label (f), BODY_SIZE * u, FALSE, -1, PANGO_ALIGN_LEFT);
      derm_text_show_layout (cr, label, x + box + 3 * u, y, 0.1);
      x += box + 3 * u + derm_text_layout_get_width (label) + 10 * u;
    }
}

static void
place_diagram (DermChartPage *self,
               cairo_t       *cr)
{
  double ox, oy, area_h;

  self->diagram_y = MARGIN * self->u + header_height (self, cr);
  area_h = self->height * DIAGRAM_SHARE;
  derm_layout_fit (DERM_LAYOUT_BOTH, self->x1 - self->x0, area_h, &self->scale, &ox, &oy);
  self->diagram_x = self->x0 + ox;
}

void
derm_chart_page_render (DermChartPage *self,
                        cairo_t       *cr,
                        guint          page_index)
{
  g_autoptr (GArray) blocks = NULL;
  g_autofree guint *pages = NULL;
  g_autofree double *ys = NULL;
  g_autoptr (PangoLayout) footer = NULL;
  double top, bottom;

  g_return_if_fail (self != NULL && cr != NULL);
  g_return_if_fail (page_index < self->n_pages);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_clip (cr);
  header (self, cr, page_index);

  if (page_index == 0)
    {
      DermRenderOptions render;
      double lw, lh;

      derm_render_options_init (&render);
      render.layout = DERM_LAYOUT_BOTH;
      render.map_id = self->map->id;
      render.style = DERM_STYLE_WORKSHEET;
      render.labels = TRUE;
      render.header = TRUE;
      render.min_label_size = LABEL_SIZE * self->u / self->scale;

      cairo_save (cr);
      cairo_translate (cr, self->diagram_x, self->diagram_y);
      cairo_scale (cr, self->scale, self->scale);
      derm_renderer_render (self->renderer, cr, &render);
      draw_marks (self, cr);
      cairo_restore (cr);

      derm_layout_get_size (DERM_LAYOUT_BOTH, &lw, &lh);
      legend (self, cr, self->diagram_y + lh * self->scale - 8 * self->u);
    }

  blocks = make_blocks (self, cr);
  pages = g_new0 (guint, blocks->len + 1);
  ys = g_new0 (double, blocks->len + 1);
  flow (self, cr, blocks, pages, ys);
  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *block = &g_array_index (blocks, Block, i);

      if (pages[i] != page_index)
        continue;
      if (block->red)
        {
          cairo_save (cr);
          cairo_set_source_rgb (cr, 0.7, 0.0, 0.0);
          cairo_move_to (cr, self->x0, ys[i]);
          pango_cairo_show_layout (cr, block->layout);
          cairo_restore (cr);
        }
      else
        derm_text_show_layout (cr, block->layout, self->x0, ys[i], 0.05);
    }

  text_area (self, cr, page_index, &top, &bottom);
  footer = footer_layout (self, cr, page_index);
  cairo_save (cr);
  cairo_move_to (cr, self->x0, bottom + 3 * self->u);
  cairo_line_to (cr, self->x1, bottom + 3 * self->u);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5 * self->u);
  cairo_stroke (cr);
  cairo_restore (cr);
  derm_text_show_layout (cr, footer, self->x0, bottom + 6 * self->u, 0.25);
  cairo_restore (cr);
}

DermChartPage *
derm_chart_page_new (DermRenderer  *renderer,
                     DermChart     *chart,
                     const char    *map_id,
                     const char    *title,
                     double         width,
                     double         height,
                     GError       **error)
{
  g_autoptr (DermChartPage) self = g_new0 (DermChartPage, 1);
  cairo_surface_t *scratch;
  cairo_t *cr;
  g_autoptr (GArray) blocks = NULL;
  g_autofree guint *pages = NULL;
  g_autofree double *ys = NULL;

  g_return_val_if_fail (DERM_IS_RENDERER (renderer), NULL);
  g_return_val_if_fail (DERM_IS_CHART (chart), NULL);

  self->renderer = g_object_ref (renderer);
  self->atlas = derm_renderer_get_atlas (renderer);
  self->chart = g_object_ref (chart);
  self->result = derm_localize (self->atlas, chart, map_id, error);
  if (self->result == NULL)
    return NULL;
  self->map = derm_atlas_get_map (self->atlas, self->result->map);
  if (title == NULL)
    title = derm_chart_get_title (chart);
  self->title = g_strdup (title != NULL && title[0] != '\0' ? title : _("Examination chart"));
  self->width = width;
  self->height = height;
  self->u = MIN (width, height) / 595.0;
  self->x0 = MARGIN * self->u;
  self->x1 = width - MARGIN * self->u;

  /* lay the text out once to count the pages */
  scratch = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (scratch);
  place_diagram (self, cr);
  self->n_pages = 1;
  blocks = make_blocks (self, cr);
  pages = g_new0 (guint, blocks->len + 1);
  ys = g_new0 (double, blocks->len + 1);
  self->n_pages = flow (self, cr, blocks, pages, ys);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  return g_steal_pointer (&self);
}

void
derm_chart_page_free (DermChartPage *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->renderer);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->result, derm_localization_free);
  g_free (self->title);
  g_free (self);
}

guint
derm_chart_page_get_n_pages (DermChartPage *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_pages;
}

gboolean
derm_chart_page_region_point (DermChartPage    *self,
                              const DermRegion *region,
                              double           *x,
                              double           *y)
{
  double ox, oy;

  g_return_val_if_fail (self != NULL && region != NULL, FALSE);

  if (!derm_layout_view_origin (DERM_LAYOUT_BOTH, region->view, &ox, &oy))
    return FALSE;
  *x = self->diagram_x + (ox + region->label_x) * self->scale;
  *y = self->diagram_y + (oy + region->label_y) * self->scale;
  return TRUE;
}

static void
draw_page_cb (cairo_t  *cr,
              guint     page_index,
              gpointer  user_data)
{
  derm_chart_page_render (user_data, cr, page_index);
}

gboolean
derm_chart_page_write (DermRenderer  *renderer,
                       DermChart     *chart,
                       const char    *map_id,
                       const char    *title,
                       const char    *path,
                       double         width,
                       double         height,
                       int            png_width,
                       GError       **error)
{
  g_autoptr (DermChartPage) page = derm_chart_page_new (renderer, chart, map_id, title, width, height, error);

  if (page == NULL)
    return FALSE;
  return derm_export_write_pages (path, png_width, width, height, page->n_pages, page->title,
                                  draw_page_cb, page, error);
}
