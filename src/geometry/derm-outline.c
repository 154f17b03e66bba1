/* derm-outline.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Marching squares over a pixel mask, so a territory made of several
 * regions is drawn as one vector contour (export stays vector).
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "derm-outline.h"

/* A point of the contour lies on an edge between two pixel centres of the
 * padded grid: even ids are horizontal edges, odd ones vertical. */
#define H_EDGE(x, y) (2 * ((y) * pw + (x)))
#define V_EDGE(x, y) (2 * ((y) * pw + (x)) + 1)

static void
edge_point (int     edge,
            int     pw,
            double  scale,
            double  origin_x,
            double  origin_y,
            double *x,
            double *y)
{
  int cell = edge / 2;
  int ex = cell % pw, ey = cell / pw;
  /* pixel centres sit at +0.5; the padding shifts everything by one */
  double px = ex + 0.5 - 1, py = ey + 0.5 - 1;

  if (edge % 2 == 0)
    px += 0.5;
  else
    py += 0.5;
  *x = origin_x + px / scale;
  *y = origin_y + py / scale;
}

static double
loop_area (GArray *loop)
{
  double area = 0;

  for (guint i = 0; i < loop->len; i++)
    {
      const DermPoint *p = &g_array_index (loop, DermPoint, i);
      const DermPoint *q = &g_array_index (loop, DermPoint, (i + 1) % loop->len);
      area += p->x * q->y - q->x * p->y;
    }
  return area / 2;
}

/* Circular moving average: takes the stairs out of the pixel edges. */
static void
smooth_loop (GArray *loop,
             int     radius,
             int     passes)
{
  guint n = loop->len;
  g_autofree DermPoint *copy = g_new (DermPoint, n);

  if (n < (guint) (2 * radius + 3))
    return;

  for (int pass = 0; pass < passes; pass++)
    {
      memcpy (copy, loop->data, n * sizeof (DermPoint));
      for (guint i = 0; i < n; i++)
        {
          double sx = 0, sy = 0;

          for (int k = -radius; k <= radius; k++)
            {
              const DermPoint *p = &copy[(i + n + k) % n];
              sx += p->x;
              sy += p->y;
            }
          g_array_index (loop, DermPoint, i).x = sx / (2 * radius + 1);
          g_array_index (loop, DermPoint, i).y = sy / (2 * radius + 1);
        }
    }
}

static double
segment_distance (const DermPoint *p,
                  const DermPoint *a,
                  const DermPoint *b)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p->x - a->x) * dx + (p->y - a->y) * dy) / len2 : 0;

  t = CLAMP (t, 0, 1);
  return hypot (p->x - (a->x + t * dx), p->y - (a->y + t * dy));
}

/* Douglas-Peucker between first and last (inclusive), marking points to keep. */
static void
simplify_range (const DermPoint *points,
                guint            first,
                guint            last,
                double           tolerance,
                gboolean        *keep)
{
  double worst = 0;
  guint index = first;

  if (last <= first + 1)
    return;
  for (guint i = first + 1; i < last; i++)
    {
      double d = segment_distance (&points[i], &points[first], &points[last]);
      if (d > worst)
        {
          worst = d;
          index = i;
        }
    }
  if (worst <= tolerance)
    return;
  keep[index] = TRUE;
  simplify_range (points, first, index, tolerance, keep);
  simplify_range (points, index, last, tolerance, keep);
}

static GArray *
simplify_loop (GArray *loop,
               double  tolerance)
{
  guint n = loop->len;
  const DermPoint *points = (const DermPoint *) loop->data;
  g_autofree gboolean *keep = g_new0 (gboolean, n + 1);
  g_autofree DermPoint *closed = g_new (DermPoint, n + 1);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (DermPoint));
  guint far = 0;
  double worst = -1;

  /* split the loop at its first point and the point farthest from it */
  for (guint i = 0; i < n; i++)
    {
      double d = hypot (points[i].x - points[0].x, points[i].y - points[0].y);
      if (d > worst)
        {
          worst = d;
          far = i;
        }
    }
  memcpy (closed, points, n * sizeof (DermPoint));
  closed[n] = points[0];
  keep[0] = keep[far] = TRUE;
  simplify_range (closed, 0, far, tolerance, keep);
  simplify_range (closed, far, n, tolerance, keep);

  for (guint i = 0; i < n; i++)
    if (keep[i])
      g_array_append_val (out, points[i]);
  return out;
}

/**
 * derm_outline_trace:
 *
 * Each contour pixel edge point is the start of exactly one segment (in the
 * cell where the boundary, walked clockwise, leaves the mask) and the end of
 * one (in the neighbouring cell), so segments chain into closed loops.
 */
GPtrArray *
derm_outline_trace (const guint8 *mask,
                    int           width,
                    int           height,
                    double        scale,
                    double        origin_x,
                    double        origin_y,
                    double        min_area)
{
  const int pw = width + 2, ph = height + 2;
  g_autofree guint8 *padded = g_new0 (guint8, (gsize) pw * ph);
  g_autofree gint32 *next = g_new (gint32, (gsize) 2 * pw * ph);
  GPtrArray *loops = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  g_return_val_if_fail (mask != NULL && width > 0 && height > 0 && scale > 0, loops);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      padded[(y + 1) * pw + x + 1] = mask[y * width + x] != 0;
  for (gsize i = 0; i < (gsize) 2 * pw * ph; i++)
    next[i] = -1;

  for (int cy = 0; cy < ph - 1; cy++)
    for (int cx = 0; cx < pw - 1; cx++)
      {
        /* corners and edges clockwise from the top left */
        gboolean in[4] = {
          padded[cy * pw + cx], padded[cy * pw + cx + 1],
          padded[(cy + 1) * pw + cx + 1], padded[(cy + 1) * pw + cx],
        };
        int edges[4] = { H_EDGE (cx, cy), V_EDGE (cx + 1, cy), H_EDGE (cx, cy + 1), V_EDGE (cx, cy) };

        if (in[0] == in[1] && in[1] == in[2] && in[2] == in[3])
          continue;
        for (int i = 0; i < 4; i++)
          {
            if (!(in[i] && !in[(i + 1) % 4]))
              continue;
            /* leaving the mask at edge i: the segment ends where the walk
             * last entered it, so a saddle keeps its two inside corners apart */
            for (int k = 1; k < 4; k++)
              {
                int j = (i + 4 - k) % 4;
                if (!in[j] && in[(j + 1) % 4])
                  {
                    next[edges[i]] = edges[j];
                    break;
                  }
              }
          }
      }

  for (gsize start = 0; start < (gsize) 2 * pw * ph; start++)
    {
      g_autoptr (GArray) loop = NULL;
      gint32 e = (gint32) start;

      if (next[start] < 0)
        continue;
      loop = g_array_new (FALSE, FALSE, sizeof (DermPoint));
      while (e >= 0 && next[e] >= 0)
        {
          DermPoint p;
          gint32 n = next[e];

          edge_point (e, pw, scale, origin_x, origin_y, &p.x, &p.y);
          g_array_append_val (loop, p);
          next[e] = -1;
          e = n;
        }
      if (fabs (loop_area (loop)) < min_area || loop->len < 4)
        continue;
      smooth_loop (loop, 2, 2);
      g_ptr_array_add (loops, simplify_loop (loop, 0.12));
    }

  return loops;
}

typedef struct {
  guint    index;
  double   score;
  gboolean taken;
} Candidate;

GArray *
derm_outline_find_spots (const guint8 *mask,
                         int           width,
                         int           height,
                         double        scale,
                         double        origin_x,
                         double        origin_y,
                         guint         max_spots,
                         double        min_distance)
{
  GArray *spots = g_array_new (FALSE, FALSE, sizeof (DermSpot));
  g_autofree guint *dist = NULL;
  g_autoptr (GArray) candidates = NULL;
  double cx = 0, cy = 0;
  guint count = 0;
  int step = MAX (1, (int) round (scale));

  g_return_val_if_fail (mask != NULL && width > 0 && height > 0 && scale > 0, spots);

  /* chamfer 3-4 distance to the nearest outside pixel (or the border) */
  dist = g_new (guint, (gsize) width * height);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint d;

        if (!mask[y * width + x])
          {
            dist[y * width + x] = 0;
            continue;
          }
        d = 3;
        if (x > 0 && y > 0)
          {
            d = dist[y * width + x - 1] + 3;
            d = MIN (d, dist[(y - 1) * width + x] + 3);
            d = MIN (d, dist[(y - 1) * width + x - 1] + 4);
            if (x < width - 1)
              d = MIN (d, dist[(y - 1) * width + x + 1] + 4);
            else
              d = 3;
          }
        dist[y * width + x] = d;
      }
  for (int y = height - 1; y >= 0; y--)
    for (int x = width - 1; x >= 0; x--)
      {
        guint d = dist[y * width + x];

        if (d == 0)
          continue;
        if (x == width - 1 || y == height - 1 || x == 0)
          d = 3;
        else
          {
            d = MIN (d, dist[y * width + x + 1] + 3);
            d = MIN (d, dist[(y + 1) * width + x] + 3);
            d = MIN (d, dist[(y + 1) * width + x + 1] + 4);
            d = MIN (d, dist[(y + 1) * width + x - 1] + 4);
          }
        dist[y * width + x] = d;
      }

  /* deep first; between nearly as deep places, the one nearer the middle
   * of the mask, so a name sits in the middle of a long band. Scored on a
   * grid of about one unit: a label needs no finer place. */
  for (guint i = 0; i < (guint) (width * height); i++)
    if (dist[i] > 0)
      {
        cx += i % width;
        cy += i / width;
        count++;
      }
  cx = count > 0 ? cx / count : 0;
  cy = count > 0 ? cy / count : 0;
  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  for (int y = step / 2; y < height; y += step)
    for (int x = step / 2; x < width; x += step)
      {
        guint i = y * width + x;
        Candidate c;

        if (dist[i] == 0)
          continue;
        c.index = i;
        c.score = (dist[i] / 3.0 - 0.05 * hypot (x - cx, y - cy)) / scale;
        c.taken = FALSE;
        g_array_append_val (candidates, c);
      }

  /* the best place left, then rule out its neighbourhood, and again */
  while (spots->len < max_spots)
    {
      Candidate *best = NULL;
      DermSpot spot;

      for (guint i = 0; i < candidates->len; i++)
        {
          Candidate *c = &g_array_index (candidates, Candidate, i);

          if (!c->taken && (best == NULL || c->score > best->score))
            best = c;
        }
      if (best == NULL)
        break;
      spot.x = origin_x + ((best->index % width) + 0.5) / scale;
      spot.y = origin_y + ((best->index / width) + 0.5) / scale;
      spot.depth = dist[best->index] / 3.0 / scale;
      g_array_append_val (spots, spot);

      for (guint i = 0; i < candidates->len; i++)
        {
          Candidate *c = &g_array_index (candidates, Candidate, i);
          double dx = ((double) (c->index % width) - (double) (best->index % width)) / scale;
          double dy = ((double) (c->index / width) - (double) (best->index / width)) / scale;

          if (!c->taken && dx * dx + dy * dy < min_distance * min_distance)
            c->taken = TRUE;
        }
    }

  return spots;
}
