/* derm-atlas-loader.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads data/atlas.xml with GMarkup. Every reference (source, root,
 * region) is checked after parsing so the error can name the line.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "derm-atlas-private.h"

#include "derm-atlas-loader-private.h"

/* Where each element may appear. */
static const struct {
  const char *element;
  const char *parent;
} structure[] = {
  { "atlas", NULL },
  { "sources", "atlas" }, { "source", "sources" },
  { "roots", "atlas" }, { "root", "roots" },
  { "regions", "atlas" }, { "region", "regions" },
  { "name", "region" }, { "synonym", "region" },
  { "maps", "atlas" }, { "map", "maps" },
  { "name", "map" }, { "description", "map" }, { "zone", "map" },
  { "nerves", "atlas" }, { "nerve", "nerves" },
  { "name", "nerve" }, { "synonym", "nerve" }, { "territory", "nerve" }, { "distinguish", "nerve" },
  { "area", "nerve" },
  { "search", "atlas" }, { "symptom", "search" },
  { "quiz", "atlas" }, { "motor", "quiz" }, { "reflex", "quiz" }, { "case", "quiz" },
  { "question", "motor" }, { "explanation", "motor" },
  { "question", "reflex" }, { "explanation", "reflex" },
  { "findings", "case" }, { "choice", "case" }, { "explanation", "case" },
  { "examination", "atlas" }, { "motor-test", "examination" }, { "reflex-test", "examination" },
  { "name", "motor-test" }, { "muscles", "motor-test" }, { "name", "reflex-test" },
};

static const char * const root_fields[] = {
  "summary", "territory", "key-point", "key-muscle", "motor-test",
  "non-key-muscles", "other-muscles", "reflex", "disc", "picture",
  "disagreement", "caveat", "red-flag", "synonym",
};

static void
ref_clear (gpointer data)
{
  Ref *ref = data;
  g_free (ref->id);
}

int
_derm_loader_current_line (LoadState *state)
{
  int line = 0, column = 0;

  /* GMarkup reports the position one character past the tag's '>':
   * after a line break that is the start of the next line. */
  g_markup_parse_context_get_position (state->context, &line, &column);
  if (column <= 1 && line > 1)
    line--;
  return line;
}

void
_derm_loader_add_ref (LoadState  *state,
                      RefKind     kind,
                      const char *id)
{
  Ref ref = { kind, g_strdup (id), _derm_loader_current_line (state) };
  g_array_append_val (state->refs, ref);
}

char **
_derm_loader_split_list (const char *text)
{
  g_auto (GStrv) parts = g_strsplit_set (text != NULL ? text : "", " \t\n", -1);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **result;

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_strv_builder_add (builder, parts[i]);
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

/* Collapse runs of white space: the XML may be wrapped. */
static char *
normalize_text (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static char *
translate (const char *text)
{
  g_autofree char *normal = normalize_text (text);

  if (normal[0] == '\0')
    return g_steal_pointer (&normal);
  return g_strdup (g_dgettext (GETTEXT_PACKAGE, normal));
}

gboolean
_derm_loader_invalid (LoadState   *state,
                      GError     **error,
                      const char  *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_INVALID,
               "%s:%d: %s", state->filename, _derm_loader_current_line (state), message);
  return FALSE;
}

static void
replace_string (char       **field,
                const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static gboolean
is_root_field (const char *element)
{
  for (guint i = 0; i < G_N_ELEMENTS (root_fields); i++)
    if (strcmp (root_fields[i], element) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
check_structure (LoadState   *state,
                 const char  *element,
                 GError     **error)
{
  const GSList *stack = g_markup_parse_context_get_element_stack (state->context);
  const char *parent = stack->next != NULL ? stack->next->data : NULL;

  if (g_strcmp0 (parent, "root") == 0 && is_root_field (element))
    return TRUE;
  /* a root's statements are text: <reflex> there is not the quiz's <reflex>,
   * nor <motor-test> the examination's */
  if (state->root != NULL && parent != NULL && is_root_field (parent))
    return _derm_loader_invalid (state, error, "unexpected element <%s> inside <%s>: a root's <%s> holds text only",
                    element, parent, parent);

  for (guint i = 0; i < G_N_ELEMENTS (structure); i++)
    if (strcmp (structure[i].element, element) == 0 &&
        g_strcmp0 (structure[i].parent, parent) == 0)
      return TRUE;

  if (parent == NULL)
    return _derm_loader_invalid (state, error, "the root element must be <atlas>, not <%s>", element);
  return _derm_loader_invalid (state, error, "unexpected element <%s> inside <%s>", element, parent);
}

gboolean
_derm_loader_add_sources (LoadState   *state,
                          const char  *sources,
                          char      ***out,
                          GError     **error)
{
  g_auto (GStrv) ids = _derm_loader_split_list (sources);

  if (ids[0] == NULL)
    return _derm_loader_invalid (state, error, "a clinical statement needs a “sources” attribute");
  for (guint i = 0; ids[i] != NULL; i++)
    _derm_loader_add_ref (state, REF_SOURCE, ids[i]);
  *out = g_steal_pointer (&ids);
  return TRUE;
}

static gboolean
start_root_field (LoadState   *state,
                  const char  *element,
                  const char **names,
                  const char **values,
                  GError     **error)
{
  const char *sources = NULL, *view = NULL, *map = NULL, *kind = NULL;
  g_autoptr (GError) local_error = NULL;
  DermStatement *statement;
  DermView v;

  if (!g_markup_collect_attributes (element, names, values, &local_error,
                                    G_MARKUP_COLLECT_STRING, "sources", &sources,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "view", &view,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "map", &map,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "kind", &kind,
                                    G_MARKUP_COLLECT_INVALID))
    return _derm_loader_invalid (state, error, "%s", local_error->message);

  statement = g_new0 (DermStatement, 1);
  statement->field = g_strdup (element);
  statement->view = -1;
  state->statement = statement;
  g_ptr_array_add (state->root->statements, statement);

  if (view != NULL)
    {
      if (!derm_view_from_string (view, &v))
        return _derm_loader_invalid (state, error, "unknown view “%s” (anterior or posterior)", view);
      statement->view = v;
    }
  if ((strcmp (element, "territory") == 0 || strcmp (element, "key-point") == 0) && view == NULL)
    return _derm_loader_invalid (state, error, "<%s> needs a “view” attribute", element);
  if (strcmp (element, "disc") == 0 &&
      g_strcmp0 (kind, "posterolateral") != 0 && g_strcmp0 (kind, "far-lateral") != 0)
    return _derm_loader_invalid (state, error, "<disc> needs kind=\"posterolateral\" or kind=\"far-lateral\"");
  if (map != NULL)
    statement->map = g_strdup (map);
  statement->kind = g_strdup (kind);
  return _derm_loader_add_sources (state, sources, &statement->sources, error);
}


static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  LoadState *state = user_data;
  DermAtlas *atlas = state->atlas;
  g_autoptr (GError) local_error = NULL;
  const char *id = NULL, *sources = NULL;

  g_string_truncate (state->text, 0);

  if (!check_structure (state, element, error))
    return;

#define COLLECT(...) \
  if (!g_markup_collect_attributes (element, names, values, &local_error, __VA_ARGS__, G_MARKUP_COLLECT_INVALID)) \
    { _derm_loader_invalid (state, error, "%s", local_error->message); return; }

  if (state->root != NULL && is_root_field (element))
    {
      start_root_field (state, element, names, values, error);
    }
  else if (strcmp (element, "atlas") == 0)
    {
      const char *version;
      COLLECT (G_MARKUP_COLLECT_STRING, "version", &version);
      if (strcmp (version, "1") != 0)
        _derm_loader_invalid (state, error, "unsupported atlas version “%s”", version);
    }
  else if (strcmp (element, "source") == 0)
    {
      COLLECT (G_MARKUP_COLLECT_STRING, "id", &id);
      if (id[0] == '\0')
        {
          _derm_loader_invalid (state, error, "<source> needs a non-empty id");
          return;
        }
      if (g_hash_table_contains (atlas->sources_by_id, id))
        {
          _derm_loader_invalid (state, error, "source “%s” is defined twice", id);
          return;
        }
      state->source = g_new0 (DermSource, 1);
      state->source->id = g_strdup (id);
      g_ptr_array_add (atlas->sources, state->source);
      g_hash_table_insert (atlas->sources_by_id, state->source->id, state->source);
    }
  else if (strcmp (element, "root") == 0)
    {
      g_autofree char *key = NULL;
      COLLECT (G_MARKUP_COLLECT_STRING, "id", &id);
      if (id[0] == '\0')
        {
          _derm_loader_invalid (state, error, "<root> needs a non-empty id");
          return;
        }
      key = g_ascii_strup (id, -1);
      if (g_hash_table_contains (atlas->roots_by_id, key))
        {
          _derm_loader_invalid (state, error, "root “%s” is defined twice", id);
          return;
        }
      state->root = g_new0 (DermRoot, 1);
      state->root->id = g_strdup (id);
      state->root->index = atlas->roots->len;
      state->root->statements = g_ptr_array_new_with_free_func ((GDestroyNotify) derm_statement_free);
      g_ptr_array_add (atlas->roots, state->root);
      g_hash_table_insert (atlas->roots_by_id, g_steal_pointer (&key), state->root);
    }
  else if (strcmp (element, "region") == 0)
    {
      const char *view, *sides, *nerves = NULL;
      g_auto (GStrv) side_list = NULL;
      DermRegionInfo *info;

      COLLECT (G_MARKUP_COLLECT_STRING, "id", &id,
               G_MARKUP_COLLECT_STRING, "view", &view,
               G_MARKUP_COLLECT_STRING, "sides", &sides,
               G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "nerves", &nerves);
      if (id[0] == '\0')
        {
          _derm_loader_invalid (state, error, "<region> needs a non-empty id");
          return;
        }
      if (g_hash_table_contains (atlas->region_infos_by_id, id))
        {
          _derm_loader_invalid (state, error, "region “%s” is defined twice", id);
          return;
        }
      info = g_new0 (DermRegionInfo, 1);
      info->id = g_strdup (id);
      info->line = _derm_loader_current_line (state);
      g_ptr_array_add (atlas->region_infos, info);
      g_hash_table_insert (atlas->region_infos_by_id, info->id, info);
      state->region = info;
      state->synonyms = g_ptr_array_new_with_free_func (g_free);

      /* where the sources name no cutaneous nerve the data says so */
      if (nerves != NULL && strcmp (nerves, "unsourced") != 0)
        {
          _derm_loader_invalid (state, error, "nerves=\"%s\": the only value is \"unsourced\" (no source names its nerve)", nerves);
          return;
        }
      info->nerve_unsourced = nerves != NULL;
      if (!derm_view_from_string (view, &info->view))
        {
          _derm_loader_invalid (state, error, "unknown view “%s” (anterior or posterior)", view);
          return;
        }
      side_list = _derm_loader_split_list (sides);
      if (side_list[0] == NULL)
        {
          _derm_loader_invalid (state, error, "region “%s” has no sides", id);
          return;
        }
      for (guint i = 0; side_list[i] != NULL; i++)
        {
          DermSide side;
          if (!derm_side_from_string (side_list[i], &side))
            {
              _derm_loader_invalid (state, error, "unknown side “%s” (left, right or mid)", side_list[i]);
              return;
            }
          info->sides[side] = TRUE;
        }
    }
  else if (strcmp (element, "map") == 0)
    {
      DermMap *map;
      COLLECT (G_MARKUP_COLLECT_STRING, "id", &id,
               G_MARKUP_COLLECT_STRING, "sources", &sources);
      if (id[0] == '\0')
        {
          _derm_loader_invalid (state, error, "<map> needs a non-empty id");
          return;
        }
      if (g_hash_table_contains (atlas->maps_by_id, id))
        {
          _derm_loader_invalid (state, error, "map “%s” is defined twice", id);
          return;
        }
      map = g_new0 (DermMap, 1);
      map->id = g_strdup (id);
      map->zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
      map->kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      map->borders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
      g_ptr_array_add (atlas->maps, map);
      g_hash_table_insert (atlas->maps_by_id, map->id, map);
      g_hash_table_insert (state->map_lines, map, GINT_TO_POINTER (_derm_loader_current_line (state)));
      state->map = map;
      _derm_loader_add_sources (state, sources, &map->sources, error);
    }
  else if (strcmp (element, "zone") == 0)
    {
      const char *region, *roots, *blank = NULL, *between = NULL;
      g_auto (GStrv) root_list = NULL;
      g_auto (GStrv) border_list = NULL;

      COLLECT (G_MARKUP_COLLECT_STRING, "region", &region,
               G_MARKUP_COLLECT_STRING, "roots", &roots,
               G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "blank", &blank,
               G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "between", &between);
      if (g_hash_table_contains (state->map->zones, region))
        {
          _derm_loader_invalid (state, error, "map “%s” assigns region “%s” twice", state->map->id, region);
          return;
        }
      _derm_loader_add_ref (state, REF_REGION, region);
      root_list = _derm_loader_split_list (roots);
      for (guint i = 0; root_list[i] != NULL; i++)
        _derm_loader_add_ref (state, REF_ROOT, root_list[i]);

      /* a blank zone says why it is blank; a guessed one what is around it */
      if ((root_list[0] == NULL) != (blank != NULL))
        {
          _derm_loader_invalid (state, error, "a blank zone (roots=\"\") and only a blank one says blank=\"varies\" or blank=\"not-drawn\"");
          return;
        }
      if (blank != NULL && strcmp (blank, "varies") != 0 && strcmp (blank, "not-drawn") != 0)
        {
          _derm_loader_invalid (state, error, "blank=\"%s\": use \"varies\" or \"not-drawn\"", blank);
          return;
        }
      if (blank != NULL)
        g_hash_table_insert (state->map->kinds, g_strdup (region),
                             GINT_TO_POINTER (strcmp (blank, "varies") == 0 ? DERM_ZONE_VARIES
                                                                            : DERM_ZONE_NOT_DRAWN));
      if (between != NULL && blank != NULL)
        {
          _derm_loader_invalid (state, error, "a blank zone has no roots to guess: between=\"%s\"", between);
          return;
        }
      if (between != NULL)
        {
          border_list = _derm_loader_split_list (between);
          for (guint i = 0; border_list[i] != NULL; i++)
            _derm_loader_add_ref (state, REF_ROOT, border_list[i]);
          for (guint i = 0; root_list[i] != NULL; i++)
            if (!g_strv_contains ((const char * const *) border_list, root_list[i]))
              {
                _derm_loader_invalid (state, error, "between=\"%s\" leaves out the zone's own root %s", between, root_list[i]);
                return;
              }
          g_hash_table_insert (state->map->kinds, g_strdup (region), GINT_TO_POINTER (DERM_ZONE_GUESSED));
          g_hash_table_insert (state->map->borders, g_strdup (region), g_steal_pointer (&border_list));
        }
      g_hash_table_insert (state->map->zones, g_strdup (region), g_steal_pointer (&root_list));
    }
  else if (strcmp (element, "nerve") == 0)
    {
      const char *roots, *parent = NULL;
      DermNerve *nerve;

      COLLECT (G_MARKUP_COLLECT_STRING, "id", &id,
               G_MARKUP_COLLECT_STRING, "roots", &roots,
               G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "parent", &parent,
               G_MARKUP_COLLECT_STRING, "sources", &sources);
      if (id[0] == '\0')
        {
          _derm_loader_invalid (state, error, "<nerve> needs a non-empty id");
          return;
        }
      if (g_hash_table_contains (atlas->nerves_by_id, id))
        {
          _derm_loader_invalid (state, error, "nerve “%s” is defined twice", id);
          return;
        }
      nerve = g_new0 (DermNerve, 1);
      nerve->id = g_strdup (id);
      nerve->roots = _derm_loader_split_list (roots);
      for (guint i = 0; nerve->roots[i] != NULL; i++)
        _derm_loader_add_ref (state, REF_ROOT, nerve->roots[i]);
      if (parent != NULL)
        {
          nerve->parent = g_strdup (parent);
          _derm_loader_add_ref (state, REF_NERVE, parent);
        }
      g_hash_table_insert (state->nerve_lines, nerve, GINT_TO_POINTER (_derm_loader_current_line (state)));
      g_ptr_array_add (atlas->nerves, nerve);
      g_hash_table_insert (atlas->nerves_by_id, nerve->id, nerve);
      state->nerve = nerve;
      state->nerve_regions = g_ptr_array_new_with_free_func (g_free);
      state->synonyms = g_ptr_array_new_with_free_func (g_free);
      _derm_loader_add_sources (state, sources, &nerve->sources, error);
    }
  else if (strcmp (element, "area") == 0)
    {
      const char *region;
      COLLECT (G_MARKUP_COLLECT_STRING, "region", &region);
      _derm_loader_add_ref (state, REF_REGION, region);
      g_ptr_array_add (state->nerve_regions, g_strdup (region));
    }
  else if (strcmp (element, "distinguish") == 0)
    {
      DermStatement *statement;
      COLLECT (G_MARKUP_COLLECT_STRING, "sources", &sources);
      statement = g_new0 (DermStatement, 1);
      statement->field = g_strdup (element);
      statement->view = -1;
      g_clear_pointer (&state->nerve->distinguish, derm_statement_free);
      state->nerve->distinguish = statement;
      _derm_loader_add_sources (state, sources, &statement->sources, error);
    }
  else if (strcmp (element, "motor") == 0 || strcmp (element, "reflex") == 0 ||
           strcmp (element, "case") == 0)
    {
      const char *roots = NULL;

      if (strcmp (element, "case") == 0)
        {
          COLLECT (G_MARKUP_COLLECT_STRING, "id", &id,
                   G_MARKUP_COLLECT_STRING, "sources", &sources);
        }
      else
        {
          COLLECT (G_MARKUP_COLLECT_STRING, "id", &id,
                   G_MARKUP_COLLECT_STRING, "roots", &roots,
                   G_MARKUP_COLLECT_STRING, "sources", &sources);
        }
      _derm_loader_start_quiz_item (state, element, id, roots, sources, error);
    }
  else if (strcmp (element, "motor-test") == 0 || strcmp (element, "reflex-test") == 0)
    {
      const char *roots = NULL, *also = NULL, *nerves = NULL, *partial = NULL;
      const char *side = NULL, *weak = NULL, *umn = NULL;

      COLLECT (G_MARKUP_COLLECT_STRING, "id", &id,
               G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "roots", &roots,
               G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "also", &also,
               G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "nerves", &nerves,
               G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "partial", &partial,
               G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "side", &side,
               G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "weak", &weak,
               G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "upper-motor-neuron", &umn,
               G_MARKUP_COLLECT_STRING, "sources", &sources);
      _derm_loader_start_exam_test (state, element, id, roots, also, nerves, partial, side, weak, umn, sources, error);
    }
  else if (strcmp (element, "choice") == 0)
    {
      const char *root = NULL, *nerve = NULL, *correct = NULL;

      COLLECT (G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "root", &root,
               G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "nerve", &nerve,
               G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "correct", &correct);
      _derm_loader_start_quiz_choice (state, root, nerve, correct, error);
    }
  else
    {
      /* name, synonym, description, territory (nerve), symptom, and the containers */
      COLLECT (G_MARKUP_COLLECT_INVALID, NULL, NULL);
    }
#undef COLLECT
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  LoadState *state = user_data;
  g_autofree char *text = translate (state->text->str);
  gboolean leaf = FALSE;

  if (state->root != NULL && is_root_field (element))
    {
      leaf = TRUE;
      state->statement->text = g_steal_pointer (&text);
      state->statement = NULL;
    }
  else if (strcmp (element, "source") == 0)
    {
      leaf = TRUE;
      state->source->citation = g_steal_pointer (&text);
      state->source = NULL;
    }
  else if (strcmp (element, "root") == 0)
    {
      if (derm_root_get_statement (state->root, "summary", -1) == NULL)
        _derm_loader_invalid (state, error, "root “%s” has no <summary>", state->root->id);
      state->root = NULL;
    }
  else if (strcmp (element, "name") == 0)
    {
      leaf = TRUE;
      if (state->region != NULL)
        replace_string (&state->region->name, text);
      else if (state->map != NULL)
        replace_string (&state->map->name, text);
      else if (state->nerve != NULL)
        replace_string (&state->nerve->name, text);
      else if (state->exam_test != NULL)
        replace_string (&state->exam_test->name, text);
    }
  else if (strcmp (element, "muscles") == 0)
    {
      leaf = TRUE;
      replace_string (&state->exam_test->muscles, text);
    }
  else if (strcmp (element, "motor-test") == 0 || strcmp (element, "reflex-test") == 0)
    {
      _derm_loader_end_exam_test (state, error);
    }
  else if (strcmp (element, "synonym") == 0)
    {
      leaf = TRUE;
      g_ptr_array_add (state->synonyms, g_steal_pointer (&text));
    }
  else if (strcmp (element, "description") == 0)
    {
      leaf = TRUE;
      replace_string (&state->map->description, text);
    }
  else if (strcmp (element, "symptom") == 0)
    {
      leaf = TRUE;
      g_ptr_array_add (state->atlas->symptom_words, g_steal_pointer (&text));
    }
  else if (strcmp (element, "territory") == 0)
    {
      leaf = TRUE;
      replace_string (&state->nerve->territory, text);
    }
  else if (strcmp (element, "distinguish") == 0)
    {
      leaf = TRUE;
      state->nerve->distinguish->text = g_steal_pointer (&text);
    }
  else if (strcmp (element, "question") == 0 || strcmp (element, "findings") == 0)
    {
      leaf = TRUE;
      replace_string (&state->quiz_item->question, text);
    }
  else if (strcmp (element, "explanation") == 0)
    {
      leaf = TRUE;
      replace_string (&state->quiz_item->explanation, text);
    }
  else if (strcmp (element, "choice") == 0)
    {
      /* an empty choice takes the root's or the nerve's own name */
      DermQuizItemChoice *choice = g_ptr_array_index (state->quiz_item->choices,
                                                      state->quiz_item->choices->len - 1);
      if (text[0] != '\0')
        replace_string (&choice->label, text);
    }
  else if (strcmp (element, "motor") == 0 || strcmp (element, "reflex") == 0 ||
           strcmp (element, "case") == 0)
    {
      _derm_loader_end_quiz_item (state, error);
    }
  else if (strcmp (element, "region") == 0)
    {
      g_ptr_array_add (state->synonyms, NULL);
      state->region->synonyms = (char **) g_ptr_array_free (g_steal_pointer (&state->synonyms), FALSE);
      if (state->region->name == NULL)
        _derm_loader_invalid (state, error, "region “%s” has no <name>", state->region->id);
      state->region = NULL;
    }
  else if (strcmp (element, "map") == 0)
    {
      if (state->map->name == NULL)
        _derm_loader_invalid (state, error, "map “%s” has no <name>", state->map->id);
      state->map = NULL;
    }
  else if (strcmp (element, "nerve") == 0)
    {
      g_ptr_array_add (state->nerve_regions, NULL);
      state->nerve->regions = (char **) g_ptr_array_free (g_steal_pointer (&state->nerve_regions), FALSE);
      g_ptr_array_add (state->synonyms, NULL);
      state->nerve->synonyms = (char **) g_ptr_array_free (g_steal_pointer (&state->synonyms), FALSE);
      if (state->nerve->name == NULL)
        _derm_loader_invalid (state, error, "nerve “%s” has no <name>", state->nerve->id);
      state->nerve = NULL;
    }

  if (leaf && error != NULL && *error == NULL)
    {
      g_autofree char *check = normalize_text (state->text->str);
      if (check[0] == '\0')
        _derm_loader_invalid (state, error, "<%s> is empty", element);
    }
  g_string_truncate (state->text, 0);
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 len,
         gpointer              user_data,
         GError              **error)
{
  LoadState *state = user_data;

  g_string_append_len (state->text, text, len);
}

static const GMarkupParser atlas_parser = {
  start_element_cb, end_element_cb, text_cb, NULL, NULL,
};

static gboolean
check_refs (LoadState  *state,
            GError    **error)
{
  DermAtlas *atlas = state->atlas;

  for (guint i = 0; i < state->refs->len; i++)
    {
      const Ref *ref = &g_array_index (state->refs, Ref, i);
      g_autofree char *key = NULL;
      gboolean found = FALSE;
      const char *what = "";

      switch (ref->kind)
        {
        case REF_SOURCE:
          found = g_hash_table_contains (atlas->sources_by_id, ref->id);
          what = "source";
          break;
        case REF_ROOT:
          key = g_ascii_strup (ref->id, -1);
          found = g_hash_table_contains (atlas->roots_by_id, key) && strcmp (key, ref->id) == 0;
          what = "root";
          break;
        case REF_REGION:
          found = g_hash_table_contains (atlas->region_infos_by_id, ref->id);
          what = "region";
          break;
        case REF_NERVE:
          found = g_hash_table_contains (atlas->nerves_by_id, ref->id);
          what = "nerve";
          break;
        default:
          g_assert_not_reached ();
        }

      if (!found)
        {
          g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_INVALID,
                       "%s:%d: unknown %s “%s”", state->filename, ref->line, what, ref->id);
          return FALSE;
        }
    }

  /* A region is either some nerve's skin or marked as no source's. */
  for (guint i = 0; i < atlas->nerves->len; i++)
    {
      const DermNerve *nerve = g_ptr_array_index (atlas->nerves, i);

      for (guint r = 0; nerve->regions[r] != NULL; r++)
        {
          const DermRegionInfo *info = g_hash_table_lookup (atlas->region_infos_by_id, nerve->regions[r]);

          if (info->nerve_unsourced)
            {
              g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_INVALID,
                           "%s:%d: region “%s” is marked nerves=\"unsourced\" but nerve “%s” names it",
                           state->filename, info->line, info->id, nerve->id);
              return FALSE;
            }
        }
    }

  /* A nerve's branches hang below it: no nerve is its own ancestor. */
  for (guint i = 0; i < atlas->nerves->len; i++)
    {
      const DermNerve *nerve = g_ptr_array_index (atlas->nerves, i);
      const DermNerve *up = nerve;

      for (guint depth = 0; up != NULL && up->parent != NULL; depth++)
        {
          up = g_hash_table_lookup (atlas->nerves_by_id, up->parent);
          if (up == nerve || depth > atlas->nerves->len)
            {
              g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_INVALID,
                           "%s:%d: nerve “%s” is a branch of itself (parent=\"%s\")",
                           state->filename,
                           GPOINTER_TO_INT (g_hash_table_lookup (state->nerve_lines, nerve)),
                           nerve->id, nerve->parent);
              return FALSE;
            }
        }
    }

  /* Every map says something of every region, if only that it is blank. */
  for (guint i = 0; i < atlas->maps->len; i++)
    {
      DermMap *map = g_ptr_array_index (atlas->maps, i);

      for (guint j = 0; j < atlas->region_infos->len; j++)
        {
          DermRegionInfo *info = g_ptr_array_index (atlas->region_infos, j);

          if (!g_hash_table_contains (map->zones, info->id))
            {
              g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_INVALID,
                           "%s:%d: map “%s” has no <zone> for region “%s” (use roots=\"\" for a blank one)",
                           state->filename,
                           GPOINTER_TO_INT (g_hash_table_lookup (state->map_lines, map)),
                           map->id, info->id);
              return FALSE;
            }
        }
    }

  if (atlas->roots->len == 0 || atlas->maps->len == 0 || atlas->region_infos->len == 0)
    {
      g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_INVALID,
                   "%s: the atlas needs roots, regions and at least one map", state->filename);
      return FALSE;
    }

  return TRUE;
}

gboolean
derm_atlas_load_xml (DermAtlas   *self,
                     GBytes      *xml,
                     const char  *filename,
                     GError     **error)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GArray) refs = g_array_new (FALSE, FALSE, sizeof (Ref));
  g_autoptr (GHashTable) map_lines = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) quiz_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) nerve_lines = g_hash_table_new (NULL, NULL);
  LoadState state = { 0 };
  gsize size;
  const char *data = g_bytes_get_data (xml, &size);
  g_autoptr (GError) local_error = NULL;
  gboolean ok;

  /* an empty GBytes has no data at all: GMarkup wants text, if empty */
  if (data == NULL)
    data = "";
  g_array_set_clear_func (refs, ref_clear);
  state.atlas = self;
  state.filename = filename;
  state.text = text;
  state.refs = refs;
  state.map_lines = map_lines;
  state.quiz_ids = quiz_ids;
  state.nerve_lines = nerve_lines;
  state.context = g_markup_parse_context_new (&atlas_parser, 0, &state, NULL);

  ok = g_markup_parse_context_parse (state.context, data, size, &local_error) &&
       g_markup_parse_context_end_parse (state.context, &local_error);
  g_markup_parse_context_free (state.context);
  g_clear_pointer (&state.synonyms, g_ptr_array_unref);
  g_clear_pointer (&state.nerve_regions, g_ptr_array_unref);

  if (!ok)
    {
      if (local_error->domain == G_MARKUP_ERROR)
        g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_PARSE,
                     "%s: %s", filename, local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return check_refs (&state, error);
}
