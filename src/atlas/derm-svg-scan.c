/* derm-svg-scan.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ids of the regions and key points, read with GMarkup, which also
 * checks that the document is well-formed.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <math.h>
#include <string.h>

#include "derm-atlas-private.h"

typedef struct {
  DermSvgScan *scan;
  const char  *filename;
  int          depth;
  int          regions_depth;     /* depth of <g id="regions">, or -1 */
  int          key_points_depth;
  gboolean     seen_regions;
  gboolean     seen_key_points;
  gboolean     seen_silhouette;
  gboolean     seen_svg;
  GHashTable  *ids;
} ScanState;

static void
svg_item_free (gpointer data)
{
  DermSvgItem *item = data;

  g_free (item->id);
  g_free (item);
}

DermSvgScan *
derm_svg_scan_new (void)
{
  DermSvgScan *scan = g_new0 (DermSvgScan, 1);

  scan->regions = g_ptr_array_new_with_free_func (svg_item_free);
  scan->key_points = g_ptr_array_new_with_free_func (svg_item_free);
  scan->kp_xy = g_array_new (FALSE, FALSE, sizeof (double));
  return scan;
}

void
derm_svg_scan_add_region (DermSvgScan *scan,
                          const char  *id,
                          int          line)
{
  DermSvgItem *item = g_new0 (DermSvgItem, 1);

  item->id = g_strdup (id);
  item->line = line;
  g_ptr_array_add (scan->regions, item);
}

void
derm_svg_scan_add_key_point (DermSvgScan *scan,
                             const char  *id,
                             int          line,
                             double       x,
                             double       y)
{
  DermSvgItem *item = g_new0 (DermSvgItem, 1);
  double xy[2] = { x, y };

  item->id = g_strdup (id);
  item->line = line;
  g_ptr_array_add (scan->key_points, item);
  g_array_append_vals (scan->kp_xy, xy, 2);
}

void
derm_svg_scan_free (DermSvgScan *scan)
{
  if (scan == NULL)
    return;
  g_ptr_array_unref (scan->regions);
  g_ptr_array_unref (scan->key_points);
  g_array_unref (scan->kp_xy);
  g_free (scan);
}

static const char *
find_attribute (const char **names,
                const char **values,
                const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return values[i];
  return NULL;
}

static gboolean
parse_coordinate (const char *text,
                  double     *value)
{
  char *end = NULL;

  if (text == NULL)
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  ScanState *state = user_data;
  const char *id = find_attribute (names, values, "id");
  int line, column;

  /* the position is one past the tag's '>' (see derm-atlas-loader.c) */
  g_markup_parse_context_get_position (context, &line, &column);
  if (column <= 1 && line > 1)
    line--;
  state->depth++;

  if (state->depth == 1)
    {
      if (g_strcmp0 (element_name, "svg") != 0)
        {
          g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_PARSE,
                       "%s:%d: the root element is <%s>, not <svg>",
                       state->filename, line, element_name);
          return;
        }
      state->seen_svg = TRUE;
    }

  if (id != NULL)
    {
      if (g_hash_table_contains (state->ids, id))
        {
          g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_INVALID,
                       "%s:%d: the id “%s” is used twice",
                       state->filename, line, id);
          return;
        }
      g_hash_table_add (state->ids, g_strdup (id));
    }

  if (state->regions_depth >= 0 && state->depth == state->regions_depth + 1)
    {
      if (id == NULL)
        {
          g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_INVALID,
                       "%s:%d: a <%s> in the regions layer has no id",
                       state->filename, line, element_name);
          return;
        }
      /* the renderer fills and hit-tests each region from its outline */
      if (g_strcmp0 (element_name, "path") != 0)
        {
          g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_INVALID,
                       "%s:%d: region “%s” is a <%s>; regions are <path> elements",
                       state->filename, line, id, element_name);
          return;
        }
      derm_svg_scan_add_region (state->scan, id, line);
    }
  else if (state->key_points_depth >= 0 && state->depth == state->key_points_depth + 1)
    {
      double xy[2];

      if (id == NULL || !g_str_has_prefix (id, "kp-"))
        {
          g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_INVALID,
                       "%s:%d: a key point needs an id of the form kp-ROOT-SIDE",
                       state->filename, line);
          return;
        }
      if (g_strcmp0 (element_name, "circle") != 0 ||
          !parse_coordinate (find_attribute (names, values, "cx"), &xy[0]) ||
          !parse_coordinate (find_attribute (names, values, "cy"), &xy[1]))
        {
          g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_INVALID,
                       "%s:%d: key point “%s” must be a <circle> with numeric cx and cy",
                       state->filename, line, id);
          return;
        }
      derm_svg_scan_add_key_point (state->scan, id, line, xy[0], xy[1]);
    }

  if (g_strcmp0 (element_name, "g") == 0 && id != NULL)
    {
      if (strcmp (id, "regions") == 0)
        {
          state->regions_depth = state->depth;
          state->seen_regions = TRUE;
        }
      else if (strcmp (id, "key-points") == 0)
        {
          state->key_points_depth = state->depth;
          state->seen_key_points = TRUE;
        }
      else if (strcmp (id, "silhouette") == 0)
        state->seen_silhouette = TRUE;
    }
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element_name,
                gpointer              user_data,
                GError              **error)
{
  ScanState *state = user_data;

  if (state->depth == state->regions_depth)
    state->regions_depth = -1;
  if (state->depth == state->key_points_depth)
    state->key_points_depth = -1;
  state->depth--;
}

static const GMarkupParser scan_parser = {
  start_element_cb, end_element_cb, NULL, NULL, NULL,
};

DermSvgScan *
derm_svg_scan (GBytes      *svg,
               const char  *filename,
               GError     **error)
{
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (DermSvgScan) scan = derm_svg_scan_new ();
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GError) local_error = NULL;
  ScanState state = { 0 };
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);

  /* an empty GBytes has no data at all: GMarkup wants text, if empty */
  if (data == NULL)
    data = "";
  state.scan = scan;
  state.filename = filename;
  state.regions_depth = -1;
  state.key_points_depth = -1;
  state.ids = ids;

  context = g_markup_parse_context_new (&scan_parser, 0, &state, NULL);
  if (!g_markup_parse_context_parse (context, data, size, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error))
    {
      if (local_error->domain == G_MARKUP_ERROR)
        g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_PARSE,
                     "%s: %s", filename, local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!state.seen_svg || !state.seen_regions || !state.seen_key_points || !state.seen_silhouette)
    {
      g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_INVALID,
                   "%s: missing layer <g id=\"%s\">", filename,
                   !state.seen_silhouette ? "silhouette" :
                   !state.seen_regions ? "regions" : "key-points");
      return NULL;
    }

  return g_steal_pointer (&scan);
}
