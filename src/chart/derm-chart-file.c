/* derm-chart-file.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The *.dermchart file (shared/design/CHART.md): JSON read with
 * json-glib, every id checked against the atlas, every error naming the
 * file, the line and column and the member; unknown members kept so that
 * saving again loses nothing a newer version wrote.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <string.h>

#include "derm-chart-private.h"
#include "derm-file.h"

#define FORMAT_NAME "dermatomes-chart"

typedef struct {
  int line;
  int column;
} Position;

typedef struct {
  const char *filename;
  DermAtlas  *atlas;
  GHashTable *positions;  /* JsonNode -> Position, from the parser's signals */
  GError    **error;
} Reader;

static const char * const top_members[] = {
  "format", "version", "map", "title", "examined", "note",
  "sensory", "key-points", "motor", "reflexes", "red-flags",
};

static void
remember_position (Reader     *reader,
                   JsonParser *parser,
                   JsonNode   *node)
{
  Position *position;

  if (node == NULL)
    return;
  position = g_new (Position, 1);
  position->line = (int) json_parser_get_current_line (parser);
  position->column = (int) json_parser_get_current_pos (parser);
  g_hash_table_replace (reader->positions, node, position);
}

static void
object_member_cb (JsonParser *parser,
                  JsonObject *object,
                  const char *member,
                  gpointer    user_data)
{
  remember_position (user_data, parser, json_object_get_member (object, member));
}

static void
array_element_cb (JsonParser *parser,
                  JsonArray  *array,
                  int         index,
                  gpointer    user_data)
{
  remember_position (user_data, parser, json_array_get_element (array, (guint) index));
}

static gboolean
fail (Reader     *reader,
      JsonNode   *node,
      int         code,
      const char *path,
      const char *format,
      ...) G_GNUC_PRINTF (5, 6);

/* "chart.dermchart:12:20: motor[3].grade: ..." (json-glib reports where
 * the parser was when the value ended: the line is exact, the column is
 * at the end of the value). */
static gboolean
fail (Reader     *reader,
      JsonNode   *node,
      int         code,
      const char *path,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *where = NULL;
  const Position *position = node != NULL ? g_hash_table_lookup (reader->positions, node) : NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (position != NULL && position->line > 0)
    where = g_strdup_printf ("%s:%d:%d", reader->filename, position->line, position->column);
  else
    where = g_strdup (reader->filename);
  if (path != NULL)
    g_set_error (reader->error, DERM_CHART_ERROR, code, "%s: %s: %s", where, path, message);
  else
    g_set_error (reader->error, DERM_CHART_ERROR, code, "%s: %s", where, message);
  return FALSE;
}

static const char *
node_type_name (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "an array";
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "true or false";
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return "a number";
    default:
      return "a value";
    }
}

static gboolean
get_string (Reader      *reader,
            JsonNode    *node,
            const char  *path,
            const char **out)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (reader, node, DERM_CHART_ERROR_INVALID, path, "expected a string, found %s",
                 node_type_name (node));
  *out = json_node_get_string (node);
  return TRUE;
}

/* A whole number from min to max, or the string "NT". */
static gboolean
get_grade (Reader     *reader,
           JsonNode   *node,
           const char *path,
           int         max,
           int        *out)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
      strcmp (json_node_get_string (node), "NT") == 0)
    {
      *out = DERM_GRADE_NT;
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 value = json_node_get_int (node);

      if (value >= 0 && value <= max)
        {
          *out = (int) value;
          return TRUE;
        }
      return fail (reader, node, DERM_CHART_ERROR_INVALID, path,
                   "%" G_GINT64_FORMAT " is out of range (0 to %d, or \"NT\")", value, max);
    }
  return fail (reader, node, DERM_CHART_ERROR_INVALID, path,
               "expected a whole number from 0 to %d or \"NT\", found %s", max, node_type_name (node));
}

static gboolean
is_known (const char         *member,
          const char * const *known,
          guint               n_known)
{
  for (guint i = 0; i < n_known; i++)
    if (strcmp (known[i], member) == 0)
      return TRUE;
  return FALSE;
}

/* The members an entry does not know, kept for saving again. */
static JsonObject *
collect_extra (JsonObject         *object,
               const char * const *known,
               guint               n_known)
{
  JsonObject *extra = NULL;
  g_autoptr (GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;

      if (is_known (member, known, n_known))
        continue;
      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, member, json_node_copy (json_object_get_member (object, member)));
    }
  return extra;
}

static gboolean
get_side (Reader     *reader,
          JsonObject *object,
          const char *path,
          DermSide   *side)
{
  JsonNode *node = json_object_get_member (object, "side");
  g_autofree char *where = g_strconcat (path, ".side", NULL);
  const char *text;

  if (node == NULL)
    return fail (reader, NULL, DERM_CHART_ERROR_INVALID, path, "\"side\" is missing");
  if (!get_string (reader, node, where, &text))
    return FALSE;
  if (!derm_side_from_string (text, side))
    return fail (reader, node, DERM_CHART_ERROR_INVALID, where,
                 "unknown side \"%s\" (left, right or mid: the patient's side)", text);
  return TRUE;
}

static gboolean
require_string (Reader      *reader,
                JsonObject  *object,
                JsonNode    *entry,
                const char  *path,
                const char  *member,
                JsonNode   **node_out,
                const char **out)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = g_strdup_printf ("%s.%s", path, member);

  if (node == NULL)
    return fail (reader, entry, DERM_CHART_ERROR_INVALID, path, "\"%s\" is missing", member);
  *node_out = node;
  return get_string (reader, node, where, out);
}

static gboolean
read_sensory (Reader     *reader,
              DermChart  *chart,
              JsonNode   *entry,
              const char *path)
{
  static const char * const known[] = { "view", "side", "region", "finding" };
  JsonObject *object = json_node_get_object (entry);
  JsonNode *view_node, *region_node, *finding_node;
  const char *view_text, *region, *finding_text;
  g_autofree char *svg_id = NULL;
  const DermRegion *found;
  DermChartSensory *sensory;
  DermView view;
  DermSide side;
  DermFinding finding;

  if (!require_string (reader, object, entry, path, "view", &view_node, &view_text))
    return FALSE;
  if (!derm_view_from_string (view_text, &view))
    return fail (reader, view_node, DERM_CHART_ERROR_INVALID, path,
                 "unknown view \"%s\" (anterior or posterior)", view_text);
  if (!get_side (reader, object, path, &side) ||
      !require_string (reader, object, entry, path, "region", &region_node, &region) ||
      !require_string (reader, object, entry, path, "finding", &finding_node, &finding_text))
    return FALSE;

  svg_id = g_strdup_printf ("%s-%s", region, derm_side_to_string (side));
  found = derm_atlas_get_region (reader->atlas, svg_id);
  if (found == NULL)
    return fail (reader, region_node, DERM_CHART_ERROR_INVALID, path,
                 "no region \"%s\" on the %s side (see dermatomes --regions)",
                 region, derm_side_to_string (side));
  if (found->view != view)
    return fail (reader, region_node, DERM_CHART_ERROR_INVALID, path,
                 "region \"%s\" is on the %s view, not the %s view",
                 region, derm_view_to_string (found->view), view_text);
  if (!derm_finding_from_string (finding_text, &finding))
    return fail (reader, finding_node, DERM_CHART_ERROR_INVALID, path,
                 "unknown finding \"%s\" (absent, reduced, increased, pain, paraesthesia or normal)",
                 finding_text);
  /* a place may have several findings (pain and numbness); the same one
   * twice says nothing more */
  for (guint i = 0; i < chart->sensory->len; i++)
    {
      const DermChartSensory *other = g_ptr_array_index (chart->sensory, i);

      if (other->view == view && other->side == side && other->finding == finding &&
          strcmp (other->region, region) == 0)
        return TRUE;
    }

  sensory = g_new0 (DermChartSensory, 1);
  sensory->view = view;
  sensory->side = side;
  sensory->region = g_strdup (region);
  sensory->finding = finding;
  sensory->extra = collect_extra (object, known, G_N_ELEMENTS (known));
  g_ptr_array_add (chart->sensory, sensory);
  return TRUE;
}

static gboolean
read_key_point (Reader     *reader,
                DermChart  *chart,
                JsonNode   *entry,
                const char *path)
{
  static const char * const known[] = { "root", "side", "light-touch", "pin-prick" };
  static const char * const scores[] = { "light-touch", "pin-prick" };
  JsonObject *object = json_node_get_object (entry);
  JsonNode *root_node;
  const char *root_text;
  const DermRoot *root;
  const DermKeyPoint *kp;
  DermChartKeyPoint *key_point;
  DermSide side;
  int values[2];

  if (!require_string (reader, object, entry, path, "root", &root_node, &root_text) ||
      !get_side (reader, object, path, &side))
    return FALSE;
  root = derm_atlas_get_root (reader->atlas, root_text);
  if (root == NULL)
    return fail (reader, root_node, DERM_CHART_ERROR_INVALID, path, "unknown root \"%s\"", root_text);
  kp = derm_atlas_get_key_point (reader->atlas, root->id, side);
  /* S4-5 is scored on the right and the left: the built-in atlas has a
   * point on each side; an atlas of one's own may have one midline point */
  if (kp == NULL && side != DERM_SIDE_MID)
    kp = derm_atlas_get_key_point (reader->atlas, root->id, DERM_SIDE_MID);
  if (kp == NULL)
    return fail (reader, root_node, DERM_CHART_ERROR_INVALID, path,
                 "%s has no key sensory point on the %s side", root->id, derm_side_to_string (side));

  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      JsonNode *node = json_object_get_member (object, scores[i]);
      g_autofree char *where = g_strdup_printf ("%s.%s", path, scores[i]);

      values[i] = DERM_GRADE_NONE;
      if (node != NULL && !get_grade (reader, node, where, 2, &values[i]))
        return FALSE;
    }
  for (guint i = 0; i < chart->key_points->len; i++)
    {
      const DermChartKeyPoint *other = g_ptr_array_index (chart->key_points, i);
      if (other->side == side && strcmp (other->root, root->id) == 0)
        return fail (reader, entry, DERM_CHART_ERROR_INVALID, path,
                     "the %s key point of %s is charted twice", derm_side_to_string (side), root->id);
    }

  key_point = g_new0 (DermChartKeyPoint, 1);
  key_point->root = g_strdup (root->id);
  key_point->side = side;
  key_point->light_touch = values[0];
  key_point->pin_prick = values[1];
  key_point->extra = collect_extra (object, known, G_N_ELEMENTS (known));
  g_ptr_array_add (chart->key_points, key_point);
  return TRUE;
}

static gboolean
read_test (Reader       *reader,
           GPtrArray    *list,
           DermTestKind  kind,
           JsonNode     *entry,
           const char   *path)
{
  static const char * const motor_known[] = { "test", "side", "grade" };
  static const char * const reflex_known[] = { "reflex", "side", "grade", "response" };
  const char *id_member = kind == DERM_TEST_MOTOR ? "test" : "reflex";
  JsonObject *object = json_node_get_object (entry);
  JsonNode *id_node, *grade_node, *response_node;
  const char *id;
  const DermExamTest *test;
  DermChartTest *result;
  DermSide side;
  int grade = DERM_GRADE_NONE;
  DermPlantar response = DERM_PLANTAR_NONE;

  if (!require_string (reader, object, entry, path, id_member, &id_node, &id) ||
      !get_side (reader, object, path, &side))
    return FALSE;
  test = derm_atlas_get_exam_test (reader->atlas, kind, id);
  if (test == NULL)
    return fail (reader, id_node, DERM_CHART_ERROR_INVALID, path, "unknown %s \"%s\"",
                 kind == DERM_TEST_MOTOR ? "motor test" : "reflex", id);
  if (test->midline && side != DERM_SIDE_MID)
    return fail (reader, entry, DERM_CHART_ERROR_INVALID, path,
                 "\"%s\" is examined on the midline: its side is \"mid\"", id);
  if (!test->midline && side == DERM_SIDE_MID)
    return fail (reader, entry, DERM_CHART_ERROR_INVALID, path,
                 "\"%s\" is examined on the left and the right, not the midline", id);

  grade_node = json_object_get_member (object, "grade");
  response_node = json_object_get_member (object, "response");
  if (test->upper_motor_neuron)
    {
      const char *text;
      g_autofree char *where = g_strconcat (path, ".response", NULL);

      if (grade_node != NULL)
        return fail (reader, grade_node, DERM_CHART_ERROR_INVALID, path,
                     "the plantar response takes \"response\" (flexor, extensor or equivocal), not a grade");
      if (response_node == NULL)
        return fail (reader, entry, DERM_CHART_ERROR_INVALID, path, "\"response\" is missing");
      if (!get_string (reader, response_node, where, &text))
        return FALSE;
      if (strcmp (text, "flexor") == 0)
        response = DERM_PLANTAR_FLEXOR;
      else if (strcmp (text, "extensor") == 0)
        response = DERM_PLANTAR_EXTENSOR;
      else if (strcmp (text, "equivocal") == 0)
        response = DERM_PLANTAR_EQUIVOCAL;
      else
        return fail (reader, response_node, DERM_CHART_ERROR_INVALID, where,
                     "unknown response \"%s\" (flexor, extensor or equivocal)", text);
    }
  else
    {
      g_autofree char *where = g_strconcat (path, ".grade", NULL);

      if (response_node != NULL)
        return fail (reader, response_node, DERM_CHART_ERROR_INVALID, path,
                     "only the plantar reflex takes a \"response\"");
      if (grade_node == NULL)
        return fail (reader, entry, DERM_CHART_ERROR_INVALID, path, "\"grade\" is missing");
      if (!get_grade (reader, grade_node, where, kind == DERM_TEST_MOTOR ? 5 : 4, &grade))
        return FALSE;
    }

  for (guint i = 0; i < list->len; i++)
    {
      const DermChartTest *other = g_ptr_array_index (list, i);
      if (other->side == side && strcmp (other->test, id) == 0)
        return fail (reader, entry, DERM_CHART_ERROR_INVALID, path,
                     "\"%s\" on the %s side is charted twice", id, derm_side_to_string (side));
    }

  result = g_new0 (DermChartTest, 1);
  result->test = g_strdup (id);
  result->side = side;
  result->grade = grade;
  result->response = response;
  if (kind == DERM_TEST_MOTOR)
    result->extra = collect_extra (object, motor_known, G_N_ELEMENTS (motor_known));
  else
    result->extra = collect_extra (object, reflex_known, G_N_ELEMENTS (reflex_known));
  g_ptr_array_add (list, result);
  return TRUE;
}

typedef gboolean (*ReadEntry) (Reader     *reader,
                               DermChart  *chart,
                               JsonNode   *entry,
                               const char *path);

static gboolean
read_motor_entry (Reader     *reader,
                  DermChart  *chart,
                  JsonNode   *entry,
                  const char *path)
{
  return read_test (reader, chart->motor, DERM_TEST_MOTOR, entry, path);
}

static gboolean
read_reflex_entry (Reader     *reader,
                   DermChart  *chart,
                   JsonNode   *entry,
                   const char *path)
{
  return read_test (reader, chart->reflexes, DERM_TEST_REFLEX, entry, path);
}

static gboolean
read_list (Reader     *reader,
           DermChart  *chart,
           JsonObject *top,
           const char *member,
           ReadEntry   read_entry)
{
  JsonNode *node = json_object_get_member (top, member);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (reader, node, DERM_CHART_ERROR_INVALID, member, "expected an array, found %s",
                 node_type_name (node));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *entry = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("%s[%u]", member, i);

      if (!JSON_NODE_HOLDS_OBJECT (entry))
        return fail (reader, entry, DERM_CHART_ERROR_INVALID, path, "expected an object, found %s",
                     node_type_name (entry));
      if (!read_entry (reader, chart, entry, path))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_red_flags (Reader     *reader,
                DermChart  *chart,
                JsonNode   *node)
{
  JsonArray *array;
  DermRedFlags flags = 0;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (reader, node, DERM_CHART_ERROR_INVALID, "red-flags", "expected an array, found %s",
                 node_type_name (node));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *entry = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("red-flags[%u]", i);
      const char *text;
      DermRedFlags flag;

      if (!get_string (reader, entry, path, &text))
        return FALSE;
      if (!derm_red_flag_from_string (text, &flag))
        return fail (reader, entry, DERM_CHART_ERROR_INVALID, path,
                     "unknown red flag \"%s\" (saddle-anaesthesia, bladder, bowel, sexual, "
                     "progressive-weakness or bilateral-symptoms)", text);
      flags |= flag;
    }
  chart->red_flags_examined = TRUE;
  chart->red_flags = flags;
  return TRUE;
}

/* An optional string member; null counts as absent. */
static gboolean
read_optional_string (Reader      *reader,
                      JsonObject  *top,
                      const char  *member,
                      char       **out)
{
  JsonNode *node = json_object_get_member (top, member);
  const char *text;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!get_string (reader, node, member, &text))
    return FALSE;
  *out = g_strdup (text);
  return TRUE;
}

static gboolean
read_chart (Reader    *reader,
            DermChart *chart,
            JsonNode  *root)
{
  JsonObject *top;
  JsonNode *node;
  const char *format;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return fail (reader, NULL, DERM_CHART_ERROR_INVALID, NULL,
                 "not a chart: the file must hold one JSON object");
  top = json_node_get_object (root);

  node = json_object_get_member (top, "format");
  if (node == NULL)
    return fail (reader, NULL, DERM_CHART_ERROR_INVALID, NULL,
                 "not a chart: \"format\": \"" FORMAT_NAME "\" is missing");
  if (!get_string (reader, node, "format", &format))
    return FALSE;
  if (strcmp (format, FORMAT_NAME) != 0)
    return fail (reader, node, DERM_CHART_ERROR_INVALID, "format",
                 "\"%s\" is not a Dermatomes chart (expected \"" FORMAT_NAME "\")", format);

  node = json_object_get_member (top, "version");
  if (node == NULL)
    return fail (reader, NULL, DERM_CHART_ERROR_INVALID, NULL, "\"version\" is missing");
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (reader, node, DERM_CHART_ERROR_INVALID, "version",
                 "expected a whole number, found %s", node_type_name (node));
  if (json_node_get_int (node) > DERM_CHART_VERSION)
    return fail (reader, node, DERM_CHART_ERROR_VERSION, "version",
                 "this chart is version %" G_GINT64_FORMAT ", written by a newer Dermatomes; "
                 "this one reads version %d: update Dermatomes to open it",
                 json_node_get_int (node), DERM_CHART_VERSION);
  if (json_node_get_int (node) < 1)
    return fail (reader, node, DERM_CHART_ERROR_INVALID, "version",
                 "%" G_GINT64_FORMAT " is not a chart version", json_node_get_int (node));

  if (!read_optional_string (reader, top, "map", &chart->map) ||
      !read_optional_string (reader, top, "title", &chart->title) ||
      !read_optional_string (reader, top, "examined", &chart->examined) ||
      !read_optional_string (reader, top, "note", &chart->note))
    return FALSE;
  if (chart->map != NULL && derm_atlas_get_map (reader->atlas, chart->map) == NULL)
    return fail (reader, json_object_get_member (top, "map"), DERM_CHART_ERROR_INVALID, "map",
                 "unknown map \"%s\" (see dermatomes --list-maps)", chart->map);
  if (chart->examined != NULL)
    {
      g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (chart->examined, NULL);
      if (when == NULL)
        return fail (reader, json_object_get_member (top, "examined"), DERM_CHART_ERROR_INVALID,
                     "examined", "\"%s\" is not an ISO 8601 date and time with a time zone "
                     "(2026-12-07T10:30:00Z)", chart->examined);
    }

  if (json_object_has_member (top, "sensory"))
    {
      _derm_chart_ensure (&chart->sensory, derm_chart_sensory_free);
      if (!read_list (reader, chart, top, "sensory", read_sensory))
        return FALSE;
    }
  if (json_object_has_member (top, "key-points"))
    {
      _derm_chart_ensure (&chart->key_points, derm_chart_key_point_free);
      if (!read_list (reader, chart, top, "key-points", read_key_point))
        return FALSE;
    }
  if (json_object_has_member (top, "motor"))
    {
      _derm_chart_ensure (&chart->motor, derm_chart_test_free);
      if (!read_list (reader, chart, top, "motor", read_motor_entry))
        return FALSE;
    }
  if (json_object_has_member (top, "reflexes"))
    {
      _derm_chart_ensure (&chart->reflexes, derm_chart_test_free);
      if (!read_list (reader, chart, top, "reflexes", read_reflex_entry))
        return FALSE;
    }
  node = json_object_get_member (top, "red-flags");
  if (node != NULL && !read_red_flags (reader, chart, node))
    return FALSE;

  chart->extra = collect_extra (top, top_members, G_N_ELEMENTS (top_members));
  return TRUE;
}

DermChart *
derm_chart_new_from_data (const char  *data,
                          gssize       length,
                          const char  *filename,
                          DermAtlas   *atlas,
                          GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GHashTable) positions = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr (DermChart) chart = derm_chart_new ();
  g_autoptr (GError) local_error = NULL;
  Reader reader = { filename != NULL ? filename : "<chart>", atlas, positions, error };
  gsize size = length < 0 ? strlen (data) : (gsize) length;

  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (DERM_IS_ATLAS (atlas), NULL);

  if (size == 0 || !g_utf8_validate (data, (gssize) size, NULL))
    {
      fail (&reader, NULL, DERM_CHART_ERROR_PARSE, NULL,
            size == 0 ? "the file is empty, not a chart" : "not UTF-8 text, not a chart");
      return NULL;
    }

  g_signal_connect (parser, "object-member", G_CALLBACK (object_member_cb), &reader);
  g_signal_connect (parser, "array-element", G_CALLBACK (array_element_cb), &reader);
  if (!json_parser_load_from_data (parser, data, (gssize) size, &local_error))
    {
      /* json-glib says "<data>:LINE:COL: Parse error: ..." */
      const char *message = local_error->message;

      if (g_str_has_prefix (message, "<data>"))
        message += strlen ("<data>");
      else if (message[0] != ':')
        {
          g_set_error (error, DERM_CHART_ERROR, DERM_CHART_ERROR_PARSE, "%s: %s",
                       reader.filename, message);
          return NULL;
        }
      g_set_error (error, DERM_CHART_ERROR, DERM_CHART_ERROR_PARSE, "%s%s", reader.filename, message);
      return NULL;
    }

  if (!read_chart (&reader, chart, json_parser_get_root (parser)))
    return NULL;
  return g_steal_pointer (&chart);
}

DermChart *
derm_chart_new_from_file (const char  *path,
                          DermAtlas   *atlas,
                          GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, DERM_CHART_ERROR, DERM_CHART_ERROR_IO, "%s", local_error->message);
      return NULL;
    }
  return derm_chart_new_from_data (contents, (gssize) length, path, atlas, error);
}

static void
append_extra (JsonObject *object,
              JsonObject *extra)
{
  g_autoptr (GList) members = NULL;

  if (extra == NULL)
    return;
  members = json_object_get_members (extra);
  for (GList *l = members; l != NULL; l = l->next)
    if (!json_object_has_member (object, l->data))
      json_object_set_member (object, l->data, json_node_copy (json_object_get_member (extra, l->data)));
}

static void
set_grade (JsonObject *object,
           const char *member,
           int         grade)
{
  if (grade == DERM_GRADE_NT)
    json_object_set_string_member (object, member, "NT");
  else if (grade >= 0)
    json_object_set_int_member (object, member, grade);
}

static JsonArray *
tests_to_json (GPtrArray  *list,
               const char *id_member)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < list->len; i++)
    {
      const DermChartTest *entry = g_ptr_array_index (list, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, id_member, entry->test);
      json_object_set_string_member (object, "side", derm_side_to_string (entry->side));
      if (entry->response != DERM_PLANTAR_NONE)
        json_object_set_string_member (object, "response", derm_plantar_to_string (entry->response));
      else
        set_grade (object, "grade", entry->grade);
      append_extra (object, entry->extra);
      json_array_add_object_element (array, object);
    }
  return array;
}

char *
derm_chart_to_data (DermChart *self,
                    gsize     *length)
{
  g_autoptr (JsonObject) top = json_object_new ();
  g_autoptr (JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  char *data;
  gsize size;

  g_return_val_if_fail (DERM_IS_CHART (self), NULL);

  json_object_set_string_member (top, "format", FORMAT_NAME);
  json_object_set_int_member (top, "version", DERM_CHART_VERSION);
  if (self->map != NULL)
    json_object_set_string_member (top, "map", self->map);
  if (self->title != NULL)
    json_object_set_string_member (top, "title", self->title);
  if (self->examined != NULL)
    json_object_set_string_member (top, "examined", self->examined);
  if (self->note != NULL)
    json_object_set_string_member (top, "note", self->note);

  if (self->sensory != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < self->sensory->len; i++)
        {
          const DermChartSensory *entry = g_ptr_array_index (self->sensory, i);
          JsonObject *object = json_object_new ();

          json_object_set_string_member (object, "view", derm_view_to_string (entry->view));
          json_object_set_string_member (object, "side", derm_side_to_string (entry->side));
          json_object_set_string_member (object, "region", entry->region);
          json_object_set_string_member (object, "finding", derm_finding_to_string (entry->finding));
          append_extra (object, entry->extra);
          json_array_add_object_element (array, object);
        }
      json_object_set_array_member (top, "sensory", array);
    }
  if (self->key_points != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < self->key_points->len; i++)
        {
          const DermChartKeyPoint *entry = g_ptr_array_index (self->key_points, i);
          JsonObject *object = json_object_new ();

          json_object_set_string_member (object, "root", entry->root);
          json_object_set_string_member (object, "side", derm_side_to_string (entry->side));
          set_grade (object, "light-touch", entry->light_touch);
          set_grade (object, "pin-prick", entry->pin_prick);
          append_extra (object, entry->extra);
          json_array_add_object_element (array, object);
        }
      json_object_set_array_member (top, "key-points", array);
    }
  if (self->motor != NULL)
    json_object_set_array_member (top, "motor", tests_to_json (self->motor, "test"));
  if (self->reflexes != NULL)
    json_object_set_array_member (top, "reflexes", tests_to_json (self->reflexes, "reflex"));
  if (self->red_flags_examined)
    {
      JsonArray *array = json_array_new ();

      for (guint bit = 0; bit < DERM_N_RED_FLAGS; bit++)
        if (self->red_flags & (1u << bit))
          json_array_add_string_element (array, derm_red_flag_to_string (1u << bit));
      json_object_set_array_member (top, "red-flags", array);
    }
  append_extra (top, self->extra);

  json_node_set_object (root, top);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &size);

  /* a text file ends with a line break */
  data = g_realloc (data, size + 2);
  data[size++] = '\n';
  data[size] = '\0';
  if (length != NULL)
    *length = size;
  return data;
}

gboolean
derm_chart_save (DermChart   *self,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (DERM_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = derm_chart_to_data (self, &length);
  if (!derm_file_save_atomic (path, data, length,
                              G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                              0600, FALSE, &local_error))
    {
      g_set_error (error, DERM_CHART_ERROR, DERM_CHART_ERROR_IO, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}
