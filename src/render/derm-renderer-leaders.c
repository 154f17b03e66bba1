/* derm-renderer-leaders.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Root labels (or a worksheet's blanks) that do not fit their zone go
 * beside it with a leader line: a search through the nearest places of
 * each for a set in which no box meets another, no line crosses a box or
 * another line. derm-renderer-placement.c places the others inside.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "derm-geometry.h"
#include "derm-renderer-private.h"

/* the grid of places tried for a label beside its zone, view units */
#define GRID_STEP 4.0
/* the places kept for the search, per label and kind (off the skin, over
 * other skin): the nearest, further apart the further they are */
#define N_PLACES  40
#define SPREAD    0.12
#define MAX_APART 48.0
/* a place over other skin costs as much as one this much further off it */
#define OVER_SKIN_COST 1000.0
/* the search gives up after trying this many places in all */
#define SEARCH_BUDGET 3000

/* Off the skin with a little air (every cell it reaches, at once from the
 * sums); beyond the view is off it. */
static gboolean
box_off_skin (const Skin *skin,
              const Box  *box)
{
  const double air = 4;
  int x0 = CLAMP ((int) floor (box->x0 - air), 0, SKIN_W), y0 = CLAMP ((int) floor (box->y0 - air), 0, SKIN_H);
  int x1 = CLAMP ((int) floor (box->x1 + air) + 1, 0, SKIN_W), y1 = CLAMP ((int) floor (box->y1 + air) + 1, 0, SKIN_H);
  const guint16 *sum = skin->sum;

  /* the sums wrap at 65536: a box that large is not taken for off it */
  if ((x1 - x0) * (y1 - y0) >= 65536)
    return FALSE;
  return (guint16) (sum[y1 * (SKIN_W + 1) + x1] - sum[y0 * (SKIN_W + 1) + x1] -
                    sum[y1 * (SKIN_W + 1) + x0] + sum[y0 * (SKIN_W + 1) + x0]) == 0;
}

static double
cross (double ax, double ay, double bx, double by, double cx, double cy)
{
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/* Do segments p and q cross or touch? */
static gboolean
segments_meet (double px0, double py0, double px1, double py1,
               double qx0, double qy0, double qx1, double qy1)
{
  double d1 = cross (qx0, qy0, qx1, qy1, px0, py0);
  double d2 = cross (qx0, qy0, qx1, qy1, px1, py1);
  double d3 = cross (px0, py0, px1, py1, qx0, qy0);
  double d4 = cross (px0, py0, px1, py1, qx1, qy1);

  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
    return TRUE;
  /* collinear and overlapping: along one another */
  if (d1 == 0 && d2 == 0 && d3 == 0 && d4 == 0)
    return MAX (MIN (px0, px1), MIN (qx0, qx1)) <= MIN (MAX (px0, px1), MAX (qx0, qx1)) &&
           MAX (MIN (py0, py1), MIN (qy0, qy1)) <= MIN (MAX (py0, py1), MAX (qy0, qy1));
  return FALSE;
}

/* Does the segment pass through the box (grown by air)? Liang-Barsky. */
static gboolean
segment_hits_box (double     x0,
                  double     y0,
                  double     x1,
                  double     y1,
                  const Box *box,
                  double     air)
{
  double t0 = 0, t1 = 1, dx = x1 - x0, dy = y1 - y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { x0 - (box->x0 - air), box->x1 + air - x0, y0 - (box->y0 - air), box->y1 + air - y0 };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
        }
      else
        {
          double t = q[i] / p[i];

          if (p[i] < 0)
            t0 = MAX (t0, t);
          else
            t1 = MIN (t1, t);
          if (t0 > t1)
            return FALSE;
        }
    }
  return TRUE;
}

static Box
grown (const Box *box,
       double     air)
{
  Box g = { box->x0 - air, box->y0 - air, box->x1 + air, box->y1 + air };
  return g;
}

/* A place for a label beside its zone. */
typedef struct {
  Box      box;
  double   lx, ly;     /* its leader line's end on the box */
  Box      reach;      /* box and line, with air: nothing further away meets them */
  double   cost;
  gboolean over_skin;
  int      ruled_out;  /* the depth of the search that ruled it out, or -1 */
} Place;

/* A label beside its zone, and where it may go. */
typedef struct {
  Marker  *marker;
  double   half_w, half_h;
  guint    nx, ny;     /* its grid of places */
  guint32 *grid;       /* the grid's places, nearest first */
  double  *cost;       /* of each place of the grid */
  GArray  *places;     /* of Place for the search, cheapest first */
  int      chosen;     /* in places, or -1 */
} Leader;

static void
leader_clear (Leader *leader)
{
  g_free (leader->grid);
  g_free (leader->cost);
  g_clear_pointer (&leader->places, g_array_unref);
}

/* Nearest first: level with the zone if it can be, outward (away from the
 * middle of the view) rather than between the legs. Sorted by buckets of
 * half a unit: the grid has some 40000 places, and each label sorts its own. */
static void
sort_grid (Leader *leader)
{
  const Marker *marker = leader->marker;
  gboolean outward_left = marker->ax < DERM_VIEW_WIDTH / 2;
  guint n = leader->nx * leader->ny, n_buckets;
  g_autofree guint32 *count = NULL;
  g_autofree guint *bucket = g_new (guint, n);
  double highest = 0;

  leader->cost = g_new (double, n);
  leader->grid = g_new (guint32, n);
  for (guint k = 0; k < n; k++)
    {
      double dx = leader->half_w + 3 + (k % leader->nx) * GRID_STEP - marker->ax;
      double dy = leader->half_h + 3 + (k / leader->nx) * GRID_STEP - marker->ay;
      gboolean inward = outward_left ? dx > 0 : dx < 0;

      leader->cost[k] = fabs (dx) * (inward ? 1.6 : 1.0) + 2.5 * fabs (dy);
      highest = MAX (highest, leader->cost[k]);
    }
  n_buckets = (guint) (highest * 2) + 2;
  count = g_new0 (guint32, n_buckets + 1);
  for (guint k = 0; k < n; k++)
    {
      bucket[k] = (guint) (leader->cost[k] * 2);
      count[bucket[k] + 1]++;
    }
  for (guint b = 1; b <= n_buckets; b++)
    count[b] += count[b - 1];
  for (guint k = 0; k < n; k++)
    leader->grid[count[bucket[k]]++] = k;
}

static void
grow_to (Box       *box,
         double     x,
         double     y)
{
  box->x0 = MIN (box->x0, x);
  box->y0 = MIN (box->y0, y);
  box->x1 = MAX (box->x1, x);
  box->y1 = MAX (box->y1, y);
}

/* The label at grid place k, if that is clear of the labels inside their
 * zones (which stay), of every point of another label beside its zone,
 * placed or not (it would have no way out), and off the skin or with
 * over_skin at least not all in its own zone. */
static gboolean
place_at (const Skin   *skin,
          GArray       *markers,
          const Leader *leader,
          guint         k,
          gboolean      over_skin,
          Place        *place)
{
  const Marker *marker = leader->marker;
  double cx = leader->half_w + 3 + (k % leader->nx) * GRID_STEP;
  double cy = leader->half_h + 3 + (k / leader->nx) * GRID_STEP;
  Box box = box_at (cx, cy, leader->half_w, leader->half_h), air;
  double lx = CLAMP (marker->ax, box.x0, box.x1), ly = CLAMP (marker->ay, box.y0, box.y1);

  /* a box on its own point is a label inside that does not fit */
  if (lx == marker->ax && ly == marker->ay)
    return FALSE;
  /* most places fail here: on the skin */
  if (!over_skin && skin->cells[(int) cy * SKIN_W + (int) cx] != 0)
    return FALSE;
  air = grown (&box, LABEL_AIR);
  for (guint i = 0; i < markers->len; i++)
    {
      const Marker *other = &g_array_index (markers, Marker, i);

      if (other == marker)
        continue;
      if (!other->outside)
        {
          if (boxes_overlap (&air, &other->box) ||
              segment_hits_box (marker->ax, marker->ay, lx, ly, &other->box, LABEL_AIR))
            return FALSE;
        }
      else
        {
          Box around = grown (&box, MAX (LABEL_AIR, other->size * 0.4));

          if (other->ax > around.x0 && other->ax < around.x1 && other->ay > around.y0 && other->ay < around.y1)
            return FALSE;
        }
    }
  if (over_skin ? _derm_renderer_box_in_zone (skin, marker->in_zone, &box) : !box_off_skin (skin, &box))
    return FALSE;
  place->box = box;
  place->lx = lx;
  place->ly = ly;
  place->reach = air;
  grow_to (&place->reach, marker->ax - LABEL_AIR, marker->ay - LABEL_AIR);
  grow_to (&place->reach, marker->ax + LABEL_AIR, marker->ay + LABEL_AIR);
  place->cost = leader->cost[k] + (over_skin ? OVER_SKIN_COST : 0);
  place->over_skin = over_skin;
  place->ruled_out = -1;
  return TRUE;
}

/* The places of a kind the search tries for a label: the nearest that
 * fit, each some way from those before it (further the further off), so
 * that a few dozen reach round the zone. */
static void
find_places (const Skin *skin,
             GArray    *markers,
             Leader    *leader,
             gboolean   over_skin)
{
  guint n = leader->nx * leader->ny, found = 0;
  g_autofree guint8 *near = g_new0 (guint8, n);

  if (leader->places == NULL)
    leader->places = g_array_new (FALSE, FALSE, sizeof (Place));
  for (guint i = 0; i < n && found < N_PLACES; i++)
    {
      guint k = leader->grid[i];
      int apart, x = k % leader->nx, y = k / leader->nx;
      Place place;

      if (near[k] || !place_at (skin, markers, leader, k, over_skin, &place))
        continue;
      g_array_append_val (leader->places, place);
      found++;
      /* the grid places too near it are left out */
      apart = (int) (MIN (MAX_APART, leader->cost[k] * SPREAD) / GRID_STEP);
      for (int v = MAX (0, y - apart); v <= MIN ((int) leader->ny - 1, y + apart); v++)
        for (int u = MAX (0, x - apart); u <= MIN ((int) leader->nx - 1, x + apart); u++)
          near[v * leader->nx + u] = 1;
    }
}

/* Can't both be: the boxes meet, or a line crosses the other's box or
 * line. */
static gboolean
places_clash (const Marker *a,
              const Place  *pa,
              const Marker *b,
              const Place  *pb)
{
  Box air = grown (&pa->box, LABEL_AIR);

  if (!boxes_overlap (&pa->reach, &pb->reach))
    return FALSE;
  return boxes_overlap (&air, &pb->box) ||
         segment_hits_box (a->ax, a->ay, pa->lx, pa->ly, &pb->box, LABEL_AIR) ||
         segment_hits_box (b->ax, b->ay, pb->lx, pb->ly, &pa->box, LABEL_AIR) ||
         segments_meet (a->ax, a->ay, pa->lx, pa->ly, b->ax, b->ay, pb->lx, pb->ly);
}

typedef struct {
  Leader  *leaders;
  guint    n;
  gboolean fewest_first;  /* next the label with fewest places left, else in order */
  guint    tries;
} Search;

/* Depth first, in cost order: each place chosen rules out the places of
 * the labels still to place that clash with it, and a label left without
 * a place sends the search back at once. */
static gboolean
search (Search *s,
        guint   depth)
{
  Leader *next = NULL;
  guint fewest = G_MAXUINT;

  if (depth == s->n)
    return TRUE;
  for (guint i = 0; i < s->n; i++)
    {
      Leader *leader = &s->leaders[i];
      guint left = 0;

      if (leader->chosen >= 0)
        continue;
      if (!s->fewest_first)
        {
          next = leader;
          break;
        }
      for (guint j = 0; j < leader->places->len; j++)
        left += g_array_index (leader->places, Place, j).ruled_out < 0;
      if (left < fewest)
        {
          next = leader;
          fewest = left;
        }
    }

  for (guint i = 0; i < next->places->len && s->tries < SEARCH_BUDGET; i++)
    {
      const Place *place = &g_array_index (next->places, Place, i);
      gboolean ok = TRUE;

      if (place->ruled_out >= 0)
        continue;
      s->tries++;
      next->chosen = i;
      for (guint j = 0; j < s->n && ok; j++)
        {
          Leader *other = &s->leaders[j];
          guint left = 0;

          if (other->chosen >= 0)
            continue;
          for (guint k = 0; k < other->places->len; k++)
            {
              Place *q = &g_array_index (other->places, Place, k);

              if (q->ruled_out >= 0)
                continue;
              if (places_clash (next->marker, place, other->marker, q))
                q->ruled_out = depth;
              else
                left++;
            }
          ok = left > 0;
        }
      if (ok && search (s, depth + 1))
        return TRUE;
      for (guint j = 0; j < s->n; j++)
        if (s->leaders[j].chosen < 0)
          for (guint k = 0; k < s->leaders[j].places->len; k++)
            if (g_array_index (s->leaders[j].places, Place, k).ruled_out == (int) depth)
              g_array_index (s->leaders[j].places, Place, k).ruled_out = -1;
      next->chosen = -1;
    }
  return FALSE;
}

/* Clear of every other label's chosen place. */
static gboolean
clear_of_chosen (Leader       *leaders,
                 guint         n,
                 const Leader *leader,
                 const Place  *place)
{
  for (guint i = 0; i < n; i++)
    {
      const Leader *other = &leaders[i];

      if (other != leader && other->chosen >= 0 &&
          places_clash (leader->marker, place, other->marker,
                        &g_array_index (other->places, Place, other->chosen)))
        return FALSE;
    }
  return TRUE;
}

/* The search tried a few dozen places per label; nearer ones of the same
 * kind on the full grid may be free now that all have a place: each
 * label, top down, moves to the nearest. */
static void
draw_in (const Skin *skin,
         GArray     *markers,
         Leader     *leaders,
         guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      Leader *leader = &leaders[i];
      /* a copy: the places grow */
      Place now = g_array_index (leader->places, Place, leader->chosen);

      for (guint j = 0; j < leader->nx * leader->ny; j++)
        {
          guint k = leader->grid[j];
          Place place;

          if (leader->cost[k] + (now.over_skin ? OVER_SKIN_COST : 0) >= now.cost)
            break;
          if (place_at (skin, markers, leader, k, now.over_skin, &place) &&
              clear_of_chosen (leaders, n, leader, &place))
            {
              g_array_append_val (leader->places, place);
              leader->chosen = leader->places->len - 1;
              break;
            }
        }
    }
}

static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  const Place *pa = a, *pb = b;

  return (pa->cost > pb->cost) - (pa->cost < pb->cost);
}

static int
compare_leaders (gconstpointer a,
                 gconstpointer b)
{
  const Leader *la = a, *lb = b;

  return (la->marker->ay > lb->marker->ay) - (la->marker->ay < lb->marker->ay);
}

/* Inside its zone at a smaller size after all, clear of every label
 * placed, down to smallest; FALSE if not even that fits. */
static gboolean
place_inside_smaller (const Skin *skin,
                      GArray     *markers,
                      Marker     *marker,
                      double      smallest)
{
  Marker trial = *marker;
  double size = marker->size;

  while (size > smallest + 1e-6)
    {
      gboolean clear;

      size = MAX (smallest, size * 0.9);
      clear = _derm_renderer_place_inside (skin, &trial, size);

      for (guint i = 0; clear && i < markers->len; i++)
        {
          const Marker *other = &g_array_index (markers, Marker, i);
          Box air = grown (&trial.box, LABEL_AIR);

          if (other == marker || other->failed)
            continue;
          clear = !boxes_overlap (&air, &other->box) &&
                  !(other->outside && segment_hits_box (other->ax, other->ay, other->lx, other->ly, &trial.box, LABEL_AIR));
        }
      if (clear)
        {
          trial.outside = FALSE;
          trial.failed = FALSE;
          *marker = trial;
          return TRUE;
        }
    }
  return FALSE;
}

/* Places beside their zones for the labels that do not fit inside: off
 * the skin where there is room, else over other skin (as dear as a place
 * OVER_SKIN_COST further off it); no box on another, no line through a
 * box or across another line. A search through the nearest places of
 * each, top down, then the label with fewest places left first. A label
 * that finds no place goes inside its zone at a smaller size if there it
 * is no smaller than smallest, else (g_debug () names it) over its zone. */
void
_derm_renderer_place_beside (const Skin *skin,
                             GArray     *markers,
                             double      smallest)
{
  g_autofree Leader *leaders = g_new0 (Leader, markers->len + 1);
  Search s = { leaders, 0, FALSE, 0 };
  gboolean found = FALSE, any_without = FALSE;

  for (guint i = 0; i < markers->len; i++)
    {
      Marker *marker = &g_array_index (markers, Marker, i);
      Leader *leader;

      if (!marker->outside)
        continue;
      leader = &leaders[s.n++];
      leader->marker = marker;
      leader->chosen = -1;
      _derm_renderer_marker_half_size (marker, marker->size, &leader->half_w, &leader->half_h);
      leader->nx = (guint) MAX (0, floor ((DERM_VIEW_WIDTH - 6 - 2 * leader->half_w) / GRID_STEP) + 1);
      leader->ny = (guint) MAX (0, floor ((DERM_VIEW_HEIGHT - 6 - 2 * leader->half_h) / GRID_STEP) + 1);
      sort_grid (leader);
    }
  qsort (leaders, s.n, sizeof (Leader), compare_leaders);

  for (guint i = 0; i < s.n; i++)
    {
      find_places (skin, markers, &leaders[i], FALSE);
      find_places (skin, markers, &leaders[i], TRUE);
      g_array_sort (leaders[i].places, compare_places);
      any_without |= leaders[i].places->len == 0;
    }
  for (int fewest_first = 0; fewest_first < 2 && !found && !any_without; fewest_first++)
    {
      s.fewest_first = fewest_first;
      s.tries = 0;
      found = search (&s, 0);
    }

  if (found)
    draw_in (skin, markers, leaders, s.n);
  else
    /* no way for all: each the nearest place clear of those before */
    for (guint i = 0; i < s.n; i++)
      for (guint j = 0; j < leaders[i].places->len && leaders[i].chosen < 0; j++)
        if (clear_of_chosen (leaders, s.n, &leaders[i], &g_array_index (leaders[i].places, Place, j)))
          leaders[i].chosen = j;

  for (guint i = 0; i < s.n; i++)
    {
      Marker *marker = leaders[i].marker;

      if (leaders[i].chosen >= 0)
        {
          const Place *place = &g_array_index (leaders[i].places, Place, leaders[i].chosen);

          marker->box = place->box;
          marker->lx = place->lx;
          marker->ly = place->ly;
        }
      else
        marker->failed = TRUE;
      leader_clear (&leaders[i]);
    }
  for (guint i = 0; i < markers->len; i++)
    {
      Marker *marker = &g_array_index (markers, Marker, i);
      double half_w, half_h;

      if (!marker->failed)
        continue;
      if (place_inside_smaller (skin, markers, marker, smallest))
        {
          g_debug ("no room beside the body for the label %s: inside its zone at %.1f units",
                   marker->text, marker->size);
          continue;
        }
      g_debug ("no room beside the body for the label %s", marker->text);
      /* nowhere: over its zone, as large as asked */
      _derm_renderer_marker_half_size (marker, marker->size, &half_w, &half_h);
      marker->box = box_at (marker->ax, marker->ay, half_w, half_h);
      marker->outside = FALSE;
    }
}
