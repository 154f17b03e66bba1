/* derm-renderer-placement.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the root labels (or a worksheet's numbered blanks) go: inside
 * their zone when they fit at no less than the smallest size, else beside
 * it with a leader line, no label on another, no line through a label or
 * across another line. The placement of each view is kept on the renderer
 * (the Placement cache): derm-renderer-labels.c draws what it places.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "derm-geometry.h"
#include "derm-layout.h"
#include "derm-renderer-private.h"
#include "derm-text.h"

static double
get_label_scale (const DermRenderOptions *options)
{
  return options->label_scale > 0 ? options->label_scale : 1.0;
}

/* as large as the zone allows: bold Cantarell is about 0.62 em a character */
static double
label_size (const Label *label,
            double       scale)
{
  double size = CLAMP (label->depth * 1.1, 9, 26) * scale;

  return MAX (8 * MIN (scale, 1.0), MIN (size, 2.1 * label->depth / (0.62 * strlen (label->text))));
}

/* Root labels outside their zone with a leader line where they do not
 * fit: on paper, and on screen when labels are larger than normal. */
gboolean
_derm_renderer_uses_markers (const DermRenderOptions *options)
{
  return options->min_label_size > 0 || get_label_scale (options) > 1.0;
}

/* A key point of the label's root on it already names the zone: the
 * dot would hide the label anyway. */
static gboolean
key_point_covers (DermRenderer *self,
                  const Label  *label,
                  double        size)
{
  GPtrArray *points = derm_atlas_get_key_points (self->atlas);
  double half_w = 0.62 * size * strlen (label->text) / 2;

  for (guint i = 0; i < points->len; i++)
    {
      const DermKeyPoint *kp = g_ptr_array_index (points, i);

      if (kp->view == label->view && strcmp (kp->root, label->text) == 0 &&
          fabs (kp->x - label->x) < half_w + KEY_POINT_RADIUS &&
          fabs (kp->y - label->y) < size / 2 + KEY_POINT_RADIUS)
        return TRUE;
    }
  return FALSE;
}

double
_derm_renderer_box_overlap (const Box *box,
                            GArray    *taken)
{
  double area = 0;

  for (guint i = 0; i < taken->len; i++)
    {
      const Box *other = &g_array_index (taken, Box, i);

      if (boxes_overlap (box, other))
        area += (MIN (box->x1, other->x1) - MAX (box->x0, other->x0)) *
                (MIN (box->y1, other->y1) - MAX (box->y0, other->y0));
    }
  return area;
}

static void
marker_clear (gpointer data)
{
  Marker *marker = data;

  g_free (marker->text);
  g_free (marker->in_zone);
}

/* The ink extents of bold text at size 1: without hinting text scales with
 * its size, so one measure serves every size. */
static void
measure_text (const char *text,
              Marker     *marker)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = derm_text_layout_new (cr, text, 100, TRUE, -1, PANGO_ALIGN_LEFT);
  PangoRectangle ink;

  pango_layout_get_extents (layout, &ink, NULL);
  marker->ink_x = ink.x / (100.0 * PANGO_SCALE);
  marker->ink_y = ink.y / (100.0 * PANGO_SCALE);
  marker->ink_w = ink.width / (100.0 * PANGO_SCALE);
  marker->ink_h = ink.height / (100.0 * PANGO_SCALE);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

void
_derm_renderer_marker_half_size (const Marker *marker,
                  double        size,
                  double       *half_w,
                  double       *half_h)
{
  if (marker->circle)
    *half_w = *half_h = size * 0.95 + MAX (0.8, size * 0.09) / 2;
  else
    {
      *half_w = (marker->ink_w + 2 * LABEL_PAD) * size / 2;
      *half_h = (marker->ink_h + 2 * LABEL_PAD) * size / 2;
    }
}

static void
skin_free (gpointer data)
{
  Skin *skin = data;

  g_free (skin->cells);
  g_free (skin->sum);
  g_free (skin->extents);
  g_free (skin);
}

static const Skin *
get_skin (DermRenderer *self,
          DermView      view)
{
  g_autofree char *key = g_strdup_printf ("derm-skin-%d", view);
  Skin *skin = g_object_get_data (G_OBJECT (self), key);

  if (skin != NULL)
    return skin;
  skin = g_new0 (Skin, 1);
  skin->view = view;
  skin->n_regions = derm_atlas_get_regions (self->atlas)->len;
  skin->cells = g_new0 (guint16, SKIN_W * SKIN_H);
  skin->sum = g_new0 (guint16, (SKIN_W + 1) * (SKIN_H + 1));
  skin->extents = g_new (Box, skin->n_regions + 1);
  for (guint i = 0; i <= skin->n_regions; i++)
    skin->extents[i] = (Box) { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  for (int y = 0; y < SKIN_H; y++)
    for (int x = 0; x < SKIN_W; x++)
      {
        const DermRegion *region = derm_geometry_region_at (self->atlas, view, x + 0.5, y + 0.5);
        Box *e;

        skin->sum[(y + 1) * (SKIN_W + 1) + x + 1] = (guint16) (skin->sum[y * (SKIN_W + 1) + x + 1] +
                                                               skin->sum[(y + 1) * (SKIN_W + 1) + x] -
                                                               skin->sum[y * (SKIN_W + 1) + x] + (region != NULL));
        if (region == NULL)
          continue;
        skin->cells[y * SKIN_W + x] = region->index + 1;
        e = &skin->extents[region->index];
        e->x0 = MIN (e->x0, x);
        e->y0 = MIN (e->y0, y);
        e->x1 = MAX (e->x1, x + 1);
        e->y1 = MAX (e->y1, y + 1);
      }
  g_object_set_data_full (G_OBJECT (self), key, skin, skin_free);
  return skin;
}

static gboolean
point_in_zone (const Skin     *skin,
               const gboolean *in_zone,
               double          x,
               double          y)
{
  int cx = (int) floor (x), cy = (int) floor (y);

  if (cx < 0 || cy < 0 || cx >= SKIN_W || cy >= SKIN_H || skin->cells[cy * SKIN_W + cx] == 0)
    return FALSE;
  return in_zone[skin->cells[cy * SKIN_W + cx] - 1];
}

/* Every point of the box (on a grid of at most 2.5 units, edges first) in
 * the zone. */
gboolean
_derm_renderer_box_in_zone (const Skin     *skin,
             const gboolean *in_zone,
             const Box      *box)
{
  int nx = MAX (1, (int) ceil ((box->x1 - box->x0) / 2.5));
  int ny = MAX (1, (int) ceil ((box->y1 - box->y0) / 2.5));

  for (int i = 0; i <= nx; i++)
    {
      double x = box->x0 + (box->x1 - box->x0) * i / nx;

      if (!point_in_zone (skin, in_zone, x, box->y0) || !point_in_zone (skin, in_zone, x, box->y1))
        return FALSE;
    }
  for (int j = 1; j < ny; j++)
    {
      double y = box->y0 + (box->y1 - box->y0) * j / ny;

      if (!point_in_zone (skin, in_zone, box->x0, y) || !point_in_zone (skin, in_zone, box->x1, y))
        return FALSE;
    }
  for (int j = 1; j < ny; j++)
    for (int i = 1; i < nx; i++)
      if (!point_in_zone (skin, in_zone, box->x0 + (box->x1 - box->x0) * i / nx,
                          box->y0 + (box->y1 - box->y0) * j / ny))
        return FALSE;
  return TRUE;
}

/* The regions of the label's zone: the skin of the same roots on the same
 * side as the region under the label's point. */
static gboolean *
zone_of_label (DermAtlas     *atlas,
               const Skin    *skin,
               const DermMap *map,
               const Label   *label,
               Box           *zone)
{
  GPtrArray *regions = derm_atlas_get_regions (atlas);
  const DermRegion *at = derm_geometry_region_at (atlas, label->view, label->x, label->y);
  gboolean *in_zone = g_new0 (gboolean, regions->len + 1);

  for (guint i = 0; i < regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (regions, i);
      const Box *e = &skin->extents[region->index];
      g_autofree char *roots = NULL;

      if (region->view != label->view || (at != NULL && region->side != at->side))
        continue;
      roots = g_strjoinv ("/", (char **) derm_map_get_roots (map, region));
      in_zone[region->index] = g_str_equal (roots, label->text);
      if (in_zone[region->index] && e->x1 >= e->x0)
        {
          zone->x0 = MIN (zone->x0, e->x0);
          zone->y0 = MIN (zone->y0, e->y0);
          zone->x1 = MAX (zone->x1, e->x1);
          zone->y1 = MAX (zone->y1, e->y1);
        }
    }
  return in_zone;
}

/* Inside the zone at this size: the place nearest the label's point
 * whose whole box lies in the zone, anywhere in the zone's extent. */
gboolean
_derm_renderer_place_inside (const Skin *skin,
              Marker     *marker,
              double      size)
{
  const Label *label = marker->label;
  double half_w, half_h, reach_x, reach_y;
  double step = MAX (2.0, size / 8);
  gboolean found = FALSE;
  double best = G_MAXDOUBLE;
  const Box *zone = &marker->zone;

  _derm_renderer_marker_half_size (marker, size, &half_w, &half_h);
  if (zone->x1 - zone->x0 < 2 * half_w || zone->y1 - zone->y0 < 2 * half_h)
    return FALSE;
  reach_x = MAX (label->x - zone->x0, zone->x1 - label->x);
  reach_y = MAX (label->y - zone->y0, zone->y1 - label->y);
  for (double dy = 0; dy <= reach_y; dy += step)
    for (int sy = -1; sy <= 1; sy += 2)
      {
        double cy = label->y + sy * dy;

        if (dy == 0 && sy > 0)
          continue;
        if (dy * 1.5 >= best)
          break;
        if (cy - half_h < zone->y0 || cy + half_h > zone->y1)
          continue;
        for (double dx = 0; dx <= reach_x; dx += step)
          for (int sx = -1; sx <= 1; sx += 2)
            {
              double cost = dx + 1.5 * dy, cx = label->x + sx * dx;
              Box box;

              if (dx == 0 && sx > 0)
                continue;
              if (cost >= best)
                break;
              if (cx - half_w < zone->x0 || cx + half_w > zone->x1)
                continue;
              box = box_at (cx, cy, half_w, half_h);
              if (_derm_renderer_box_in_zone (skin, marker->in_zone, &box))
                {
                  marker->box = box;
                  best = cost;
                  found = TRUE;
                }
            }
      }
  if (found)
    marker->size = size;
  return found;
}

static int
compare_label_position (gconstpointer a,
                        gconstpointer b)
{
  const Label *la = *(const Label * const *) a;
  const Label *lb = *(const Label * const *) b;

  /* rows of 40 units, so the two legs' zones at one level read left to right */
  int ra = (int) floor (la->y / 40), rb = (int) floor (lb->y / 40);

  if (la->view != lb->view)
    return la->view < lb->view ? -1 : 1;
  if (ra != rb)
    return ra < rb ? -1 : 1;
  return (la->x > lb->x) - (la->x < lb->x);
}

/* The root zones of the layout's views in reading order: anterior before
 * posterior, top to bottom, then left to right. The blanks' numbers. */
static GPtrArray *
sorted_labels (DermRenderer  *self,
               const DermMap *map,
               DermLayout     layout)
{
  GArray *labels = _derm_renderer_get_labels (self, map);
  GPtrArray *sorted = g_ptr_array_new ();

  for (guint i = 0; i < labels->len; i++)
    {
      const Label *label = &g_array_index (labels, Label, i);
      double ox, oy;

      if (derm_layout_view_origin (layout, label->view, &ox, &oy))
        g_ptr_array_add (sorted, (gpointer) label);
    }
  g_ptr_array_sort (sorted, compare_label_position);
  return sorted;
}

char **
derm_renderer_dup_blank_answers (DermRenderer            *self,
                                 const DermRenderOptions *options)
{
  const DermMap *map;
  g_autoptr (GPtrArray) sorted = NULL;
  GStrvBuilder *builder;
  char **answers;

  g_return_val_if_fail (DERM_IS_RENDERER (self), NULL);

  map = derm_atlas_get_map (self->atlas, options->map_id);
  if (map == NULL)
    map = derm_atlas_get_default_map (self->atlas);
  sorted = sorted_labels (self, map, options->layout);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < sorted->len; i++)
    g_strv_builder_add (builder, ((const Label *) g_ptr_array_index (sorted, i))->text);
  answers = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return answers;
}

/* The root labels (or a worksheet's numbered blanks) of a view, placed:
 * each inside its zone when it fits there at no less than the smallest
 * size, the others beside it with a leader line; no box on another, no
 * line through a box or across another line.
 *
 * On screen at normal size (no smallest size, labels not enlarged) labels
 * shrink to fit their zone instead, as before: no leader lines. */
static GArray *
compute_markers (DermRenderer            *self,
                 DermView                 view,
                 const DermMap           *map,
                 const DermRenderOptions *options,
                 gboolean                 numbers)
{
  g_autoptr (GPtrArray) sorted = sorted_labels (self, map, options->layout);
  GArray *markers = g_array_new (FALSE, TRUE, sizeof (Marker));
  double scale = get_label_scale (options);
  gboolean markers_mode = numbers || _derm_renderer_uses_markers (options);
  /* on screen (larger labels than normal), the smallest size
   * label_size () aims at */
  double min_size = (options->min_label_size > 0 ? options->min_label_size : numbers ? 12 : 9) * scale;
  const Skin *skin = markers_mode ? get_skin (self, view) : NULL;

  g_array_set_clear_func (markers, marker_clear);

  for (guint i = 0; i < sorted->len; i++)
    {
      const Label *label = g_ptr_array_index (sorted, i);
      Marker marker = { label, NULL, numbers, 0, FALSE, { 0, }, label->x, label->y, label->x, label->y, 0, };

      if (label->view != view)
        continue;

      if (numbers)
        marker.text = g_strdup_printf ("%u", i + 1);
      else
        {
          g_auto (GStrv) roots = g_strsplit (label->text, "/", -1);

          if (options->highlight_root != NULL &&
              !g_strv_contains ((const char * const *) roots, options->highlight_root))
            continue;
          marker.text = g_strdup (label->text);
        }
      measure_text (marker.text, &marker);
      marker.zone = (Box) { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
      if (markers_mode)
        marker.in_zone = zone_of_label (self->atlas, skin, map, label, &marker.zone);

      if (!markers_mode)
        {
          double half_w, half_h;

          marker.size = label_size (label, scale);
          if (options->key_points && key_point_covers (self, label, marker.size))
            {
              marker_clear (&marker);
              continue;
            }
          _derm_renderer_marker_half_size (&marker, marker.size, &half_w, &half_h);
          marker.box = box_at (label->x, label->y, half_w, half_h);
        }
      else if (numbers)
        {
          if (!_derm_renderer_place_inside (skin, &marker, min_size))
            {
              marker.outside = TRUE;
              marker.size = min_size;
            }
        }
      else
        {
          /* paper: as large as the zone allows up to 26; screen: at least 9 */
          double target = options->min_label_size > 0 ? MIN (label->depth * 1.1, 26)
                                                      : CLAMP (label->depth * 1.1, 9, 26);
          double size = MAX (target * scale, min_size);

          if (options->key_points && key_point_covers (self, label, size))
            {
              marker_clear (&marker);
              continue;
            }
          for (;;)
            {
              if (_derm_renderer_place_inside (skin, &marker, size))
                break;
              if (size <= min_size)
                {
                  /* beside the legs there is room: on screen, a size that
                   * reads at a glance; on paper the size asked for */
                  marker.outside = TRUE;
                  marker.size = options->min_label_size > 0 ? min_size : MAX (min_size, 14 * scale);
                  break;
                }
              size = MAX (min_size, size * 0.9);
            }
        }
      g_array_append_val (markers, marker);
    }

  /* the others beside their zones; one that finds no room there may go
   * inside after all down to the smallest size before label_scale
   * enlarges it, as small as the text around it (on a projector the
   * window's body text is PRESENTATION_LABEL_PX too) */
  if (markers_mode)
    _derm_renderer_place_beside (skin, markers, min_size / scale);
  return markers;
}

/* The last placement of each view and kind, kept on the renderer: one
 * render places the labels for the labels themselves, for the nerve names
 * and the key points to keep clear of, and the window renders the same
 * diagram again at each highlight and zoom. */
typedef struct {
  const DermMap *map;
  DermLayout     layout;
  DermStyle      style;
  gboolean       labels, key_points;
  char          *highlight_root;
  double         min_label_size, label_scale;
  GArray        *markers;  /* of Marker, in_zone NULL */
} Placement;

static void
placement_free (gpointer data)
{
  Placement *placement = data;

  g_free (placement->highlight_root);
  g_array_unref (placement->markers);
  g_free (placement);
}

/* A copy of the markers, with their own strings. */
static GArray *
copy_markers (GArray *markers)
{
  GArray *copy = g_array_sized_new (FALSE, TRUE, sizeof (Marker), markers->len);

  g_array_set_clear_func (copy, marker_clear);
  for (guint i = 0; i < markers->len; i++)
    {
      Marker marker = g_array_index (markers, Marker, i);

      marker.text = g_strdup (marker.text);
      marker.in_zone = NULL;
      g_array_append_val (copy, marker);
    }
  return copy;
}

GArray *
_derm_renderer_place_markers (DermRenderer            *self,
               DermView                 view,
               const DermMap           *map,
               const DermRenderOptions *options,
               gboolean                 numbers)
{
  g_autofree char *key = g_strdup_printf ("derm-placement-%d-%d", view, numbers);
  Placement *placement = g_object_get_data (G_OBJECT (self), key);
  GArray *markers;

  if (placement != NULL && placement->map == map && placement->layout == options->layout &&
      placement->style == options->style && placement->labels == options->labels &&
      placement->key_points == options->key_points &&
      g_strcmp0 (placement->highlight_root, options->highlight_root) == 0 &&
      placement->min_label_size == options->min_label_size && placement->label_scale == options->label_scale)
    return copy_markers (placement->markers);

  markers = compute_markers (self, view, map, options, numbers);
  placement = g_new0 (Placement, 1);
  placement->map = map;
  placement->layout = options->layout;
  placement->style = options->style;
  placement->labels = options->labels;
  placement->key_points = options->key_points;
  placement->highlight_root = g_strdup (options->highlight_root);
  placement->min_label_size = options->min_label_size;
  placement->label_scale = options->label_scale;
  placement->markers = copy_markers (markers);
  g_object_set_data_full (G_OBJECT (self), key, placement, placement_free);
  return markers;
}

void
_derm_renderer_add_root_label_boxes (DermRenderer            *self,
                                     DermView                 view,
                                     const DermMap           *map,
                                     const DermRenderOptions *options,
                                     GArray                  *taken)
{
  g_autoptr (GArray) markers = NULL;

  if (!options->labels || options->style == DERM_STYLE_WORKSHEET)
    return;

  markers = _derm_renderer_place_markers (self, view, map, options, FALSE);
  for (guint i = 0; i < markers->len; i++)
    g_array_append_val (taken, g_array_index (markers, Marker, i).box);
}

static void
placed_label_clear (gpointer data)
{
  DermPlacedLabel *placed = data;

  g_free (placed->text);
}

GArray *
derm_renderer_place_labels (DermRenderer            *self,
                            const DermRenderOptions *options,
                            DermView                 view)
{
  GArray *placed = g_array_new (FALSE, TRUE, sizeof (DermPlacedLabel));
  g_autoptr (GArray) markers = NULL;
  const DermMap *map;
  gboolean numbers;

  g_return_val_if_fail (DERM_IS_RENDERER (self), placed);
  g_return_val_if_fail (options != NULL, placed);

  g_array_set_clear_func (placed, placed_label_clear);
  map = derm_atlas_get_map (self->atlas, options->map_id);
  if (map == NULL)
    map = derm_atlas_get_default_map (self->atlas);
  numbers = options->style == DERM_STYLE_WORKSHEET;
  if (numbers ? !options->blanks : !options->labels)
    return placed;

  markers = _derm_renderer_place_markers (self, view, map, options, numbers);
  for (guint i = 0; i < markers->len; i++)
    {
      const Marker *marker = &g_array_index (markers, Marker, i);
      DermPlacedLabel p = {
        g_strdup (marker->text), marker->size,
        marker->box.x0, marker->box.y0, marker->box.x1, marker->box.y1,
        marker->outside, marker->ax, marker->ay, marker->lx, marker->ly,
      };

      g_array_append_val (placed, p);
    }
  return placed;
}
