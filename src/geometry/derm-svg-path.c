/* derm-svg-path.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <math.h>
#include <string.h>

#include "derm-atlas.h"

#include "derm-svg-path.h"

static void
skip_separators (const char **p)
{
  while (**p == ' ' || **p == ',' || **p == '\t' || **p == '\n' || **p == '\r')
    (*p)++;
}

/* Exact powers of ten: a decimal of at most 15 digits divided by one of
 * them is correctly rounded, the same double g_ascii_strtod () makes. */
static const double powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static gboolean
read_number (const char **p,
             double      *value)
{
  const char *s;
  guint64 mantissa = 0;
  guint decimals = 0;
  gboolean negative = FALSE, digits = FALSE, exact = TRUE;
  char *end = NULL;

  skip_separators (p);

  /* The generator writes plain decimals ("-12.5"): read those directly,
   * hand anything else (exponents, long fractions) to g_ascii_strtod. */
  s = *p;
  if (*s == '-' || *s == '+')
    negative = *s++ == '-';
  for (; g_ascii_isdigit (*s); s++, digits = TRUE)
    {
      exact = exact && mantissa < G_GUINT64_CONSTANT (100000000000000);
      mantissa = mantissa * 10 + (guint) (*s - '0');
    }
  if (*s == '.')
    for (s++; g_ascii_isdigit (*s); s++, digits = TRUE, decimals++)
      {
        exact = exact && mantissa < G_GUINT64_CONSTANT (100000000000000);
        mantissa = mantissa * 10 + (guint) (*s - '0');
      }
  if (digits && exact && decimals < G_N_ELEMENTS (powers_of_ten) &&
      *s != 'e' && *s != 'E' && *s != 'x' && *s != 'X')
    {
      *value = (double) mantissa / powers_of_ten[decimals];
      if (negative)
        *value = -*value;
      *p = s;
      return TRUE;
    }

  *value = g_ascii_strtod (*p, &end);
  /* nan, inf and coordinates far off any page are no outline */
  if (end == *p || !isfinite (*value) || fabs (*value) > 1e7)
    return FALSE;
  *p = end;
  return TRUE;
}

/* Where parsed commands go: a path's data, a cairo_t's current path, or
 * nowhere (a check that the whole path parses). */
typedef struct {
  GArray  *data;
  cairo_t *cr;
} Sink;

static inline void
emit (Sink                   *sink,
      cairo_path_data_type_t  type,
      const double           *points,
      int                     n_points)
{
  if (sink->cr != NULL)
    {
      /* the calls cairo_append_path () makes for the same data */
      switch (type)
        {
        case CAIRO_PATH_MOVE_TO:
          cairo_move_to (sink->cr, points[0], points[1]);
          break;
        case CAIRO_PATH_LINE_TO:
          cairo_line_to (sink->cr, points[0], points[1]);
          break;
        case CAIRO_PATH_CURVE_TO:
          cairo_curve_to (sink->cr, points[0], points[1], points[2], points[3], points[4], points[5]);
          break;
        case CAIRO_PATH_CLOSE_PATH:
        default:
          cairo_close_path (sink->cr);
          break;
        }
    }
  else if (sink->data != NULL)
    {
      cairo_path_data_t items[4];

      items[0].header.type = type;
      items[0].header.length = 1 + n_points;
      for (int i = 0; i < n_points; i++)
        {
          items[1 + i].point.x = points[2 * i];
          items[1 + i].point.y = points[2 * i + 1];
        }
      g_array_append_vals (sink->data, items, 1 + n_points);
    }
}

/* Parse d up to end, which is a NUL or the attribute's closing quote:
 * nothing a number or a separator goes on with. */
static gboolean
parse (const char  *d,
       const char  *end,
       Sink        *sink,
       GError     **error)
{
  const char *p = d;
  char command = 0;
  double start[2] = { 0, 0 }, current[2] = { 0, 0 };
  gboolean have_current = FALSE;

  for (;;)
    {
      double v[6];
      int n_numbers;

      skip_separators (&p);
      if (p >= end || *p == '\0')
        break;
      if (g_ascii_isalpha (*p))
        {
          /* close path is the same command in either case */
          command = *p == 'z' ? 'Z' : *p;
          p++;
        }
      else if (command == 0 || command == 'Z')
        goto bad;
      /* after M, further pairs are L */
      else if (command == 'M')
        command = 'L';

      switch (command)
        {
        case 'M': case 'L': n_numbers = 2; break;
        case 'C': n_numbers = 6; break;
        case 'H': case 'V': n_numbers = 1; break;
        case 'Z': n_numbers = 0; break;
        default: goto bad;
        }

      for (int i = 0; i < n_numbers; i++)
        if (!read_number (&p, &v[i]))
          goto bad;

      if (command != 'M' && command != 'Z' && !have_current)
        goto bad;

      switch (command)
        {
        case 'M':
          emit (sink, CAIRO_PATH_MOVE_TO, v, 1);
          start[0] = current[0] = v[0];
          start[1] = current[1] = v[1];
          have_current = TRUE;
          break;
        case 'L':
          emit (sink, CAIRO_PATH_LINE_TO, v, 1);
          current[0] = v[0];
          current[1] = v[1];
          break;
        case 'H':
        case 'V':
          {
            double point[2] = { command == 'H' ? v[0] : current[0], command == 'V' ? v[0] : current[1] };

            emit (sink, CAIRO_PATH_LINE_TO, point, 1);
            current[0] = point[0];
            current[1] = point[1];
          }
          break;
        case 'C':
          emit (sink, CAIRO_PATH_CURVE_TO, v, 3);
          current[0] = v[4];
          current[1] = v[5];
          break;
        case 'Z':
          if (have_current)
            {
              emit (sink, CAIRO_PATH_CLOSE_PATH, v, 0);
              /* cairo's close_path moves to the subpath's start, as SVG does */
              emit (sink, CAIRO_PATH_MOVE_TO, start, 1);
              current[0] = start[0];
              current[1] = start[1];
            }
          break;
        default:
          goto bad;
        }
    }
  return TRUE;

bad:
  g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_PARSE,
               "Unsupported path data at offset %d: “%.*s”", (int) (p - d),
               (int) MIN (20, end - p), p);
  return FALSE;
}

cairo_path_t *
derm_svg_path_parse (const char  *d,
                     GError     **error)
{
  g_autoptr (GArray) data = NULL;
  Sink sink = { NULL, NULL };
  cairo_path_t *path;

  g_return_val_if_fail (d != NULL, NULL);

  data = sink.data = g_array_new (FALSE, FALSE, sizeof (cairo_path_data_t));
  if (!parse (d, d + strlen (d), &sink, error))
    return NULL;

  path = g_new0 (cairo_path_t, 1);
  path->status = CAIRO_STATUS_SUCCESS;
  path->num_data = (int) data->len;
  path->data = g_renew (cairo_path_data_t, g_array_free (g_steal_pointer (&data), FALSE), MAX (1, path->num_data));
  return path;
}

void
derm_svg_path_free (cairo_path_t *path)
{
  if (path == NULL)
    return;
  g_free (path->data);
  g_free (path);
}

typedef struct {
  GHashTable *paths;
  const char *filename;
  guint       n_unnamed;
} ReadAll;

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  ReadAll *read = user_data;
  const char *id = NULL, *d = NULL, *class_name = NULL;
  g_autofree char *key = NULL;
  g_autoptr (GError) local_error = NULL;
  cairo_path_t *path;

  if (strcmp (element, "path") != 0)
    return;
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], "id") == 0)
        id = values[i];
      else if (strcmp (names[i], "d") == 0)
        d = values[i];
      else if (strcmp (names[i], "class") == 0)
        class_name = values[i];
    }
  if (d == NULL || (id == NULL && class_name == NULL))
    return;
  key = id != NULL ? g_strdup (id) : g_strdup_printf ("%s#%u", class_name, read->n_unnamed++);

  path = derm_svg_path_parse (d, &local_error);
  if (path == NULL)
    {
      int line;

      g_markup_parse_context_get_position (context, &line, NULL);
      g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_PARSE,
                   "%s:%d: path “%s”: %s", read->filename, line, key, local_error->message);
      return;
    }
  g_hash_table_insert (read->paths, g_steal_pointer (&key), path);
}

GHashTable *
derm_svg_path_read_all (const char  *data,
                        gsize        size,
                        const char  *filename,
                        GError     **error)
{
  static const GMarkupParser parser = { start_element_cb, NULL, NULL, NULL, NULL };
  g_autoptr (GHashTable) paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) derm_svg_path_free);
  ReadAll read = { paths, filename, 0 };
  g_autoptr (GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &read, NULL);

  if (!g_markup_parse_context_parse (context, data != NULL ? data : "", size, error) ||
      !g_markup_parse_context_end_parse (context, error))
    return NULL;
  return g_steal_pointer (&paths);
}

/* The table: a light scan records where each path's d attribute is in the
 * document, which the table keeps; each use parses it again, straight into
 * a cairo_t, and the first use checks it whole before drawing any of it. */

typedef enum {
  PATH_UNCHECKED,
  PATH_GOOD,
  PATH_BAD,
} PathState;

typedef struct {
  gsize     offset;   /* of the d attribute's value in the document */
  gsize     length;
  guint8    state;    /* a PathState */
  gboolean  escaped;  /* has an XML escape: parsed from an unescaped copy */
} PathEntry;

struct _DermSvgPaths {
  GBytes     *svg;
  char       *filename;
  GHashTable *entries;  /* name -> PathEntry */
};

/* Just past the next close at or after p, or NULL. */
static const char *
skip_past (const char *p,
           const char *end,
           const char *close)
{
  gsize n = strlen (close);

  for (; p + n <= end; p++)
    if (*p == close[0] && memcmp (p, close, n) == 0)
      return p + n;
  return NULL;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

DermSvgPaths *
derm_svg_paths_new (GBytes     *svg,
                    const char *filename)
{
  DermSvgPaths *self = g_new0 (DermSvgPaths, 1);
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);
  const char *p = data, *end = data + size;
  guint n_unnamed = 0;

  self->svg = g_bytes_ref (svg);
  self->filename = g_strdup (filename);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  while (p != NULL && p < end && (p = memchr (p, '<', end - p)) != NULL)
    {
      const char *id = NULL, *class_name = NULL, *d = NULL;
      gsize id_len = 0, class_len = 0, d_len = 0;
      gboolean is_path;

      /* comments, CDATA, the declaration and the doctype hold no paths */
      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          p = skip_past (p + 4, end, "-->");
          continue;
        }
      if (end - p >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
        {
          p = skip_past (p + 9, end, "]]>");
          continue;
        }
      if (end - p >= 2 && (p[1] == '?' || p[1] == '!'))
        {
          p = skip_past (p + 2, end, ">");
          continue;
        }

      /* a start tag: its name, then name="value" pairs up to > or /> */
      p++;
      is_path = end - p > 4 && memcmp (p, "path", 4) == 0 &&
                (is_space (p[4]) || p[4] == '/' || p[4] == '>');
      while (p < end && !is_space (*p) && *p != '>' && *p != '/')
        p++;
      for (;;)
        {
          const char *name, *value;
          gsize name_len;
          char quote;

          while (p < end && is_space (*p))
            p++;
          if (p >= end || *p == '>' || *p == '/')
            break;
          name = p;
          while (p < end && *p != '=' && !is_space (*p) && *p != '>')
            p++;
          name_len = p - name;
          while (p < end && is_space (*p))
            p++;
          if (p >= end || *p != '=')
            break;
          p++;
          while (p < end && is_space (*p))
            p++;
          if (p >= end || (*p != '"' && *p != '\''))
            break;
          quote = *p++;
          value = p;
          p = memchr (p, quote, end - p);
          if (p == NULL)
            break;
          if (is_path && name_len == 2 && memcmp (name, "id", 2) == 0)
            id = value, id_len = p - value;
          else if (is_path && name_len == 5 && memcmp (name, "class", 5) == 0)
            class_name = value, class_len = p - value;
          else if (is_path && name_len == 1 && name[0] == 'd')
            d = value, d_len = p - value;
          p++;
        }
      if (p == NULL)
        break;

      if (d != NULL && (id != NULL || class_name != NULL))
        {
          PathEntry *entry = g_new0 (PathEntry, 1);
          char *key;

          entry->offset = d - data;
          entry->length = d_len;
          entry->escaped = memchr (d, '&', d_len) != NULL;
          if (id != NULL)
            key = g_strndup (id, id_len);
          else
            {
              g_autofree char *name = g_strndup (class_name, class_len);
              key = g_strdup_printf ("%s#%u", name, n_unnamed++);
            }
          g_hash_table_insert (self->entries, key, entry);
        }
    }

  return self;
}

/* A d attribute's text, with the XML escapes a writer might have used. */
static char *
unescape (const char *value,
          gsize       length)
{
  static const struct { const char *name; char c; } entities[] = {
    { "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' }, { "quot;", '"' }, { "apos;", '\'' },
  };
  GString *out;

  if (memchr (value, '&', length) == NULL)
    return g_strndup (value, length);

  out = g_string_sized_new (length);
  for (gsize i = 0; i < length; i++)
    {
      gboolean done = FALSE;

      if (value[i] != '&')
        {
          g_string_append_c (out, value[i]);
          continue;
        }
      for (guint e = 0; e < G_N_ELEMENTS (entities) && !done; e++)
        {
          gsize n = strlen (entities[e].name);

          if (i + 1 + n <= length && memcmp (value + i + 1, entities[e].name, n) == 0)
            {
              g_string_append_c (out, entities[e].c);
              i += n;
              done = TRUE;
            }
        }
      if (!done && i + 2 < length && value[i + 1] == '#')
        {
          const char *semicolon = memchr (value + i, ';', length - i);
          char *number_end = NULL;
          guint64 code = 0;

          if (semicolon != NULL)
            code = value[i + 2] == 'x' ? g_ascii_strtoull (value + i + 3, &number_end, 16)
                                       : g_ascii_strtoull (value + i + 2, &number_end, 10);
          if (semicolon != NULL && number_end == semicolon && code > 0 && code < 0x110000)
            {
              g_string_append_unichar (out, (gunichar) code);
              i = semicolon - value;
              done = TRUE;
            }
        }
      if (!done)
        g_string_append_c (out, '&');
    }
  return g_string_free (out, FALSE);
}

/* Parse the entry's d attribute into sink. */
static gboolean
parse_entry (DermSvgPaths     *self,
             const PathEntry  *entry,
             Sink             *sink,
             GError          **error)
{
  const char *d = (const char *) g_bytes_get_data (self->svg, NULL) + entry->offset;
  g_autofree char *unescaped = NULL;

  /* the document has the closing quote after the value, where parse ()
   * stops; only a value with escapes needs a copy */
  if (!entry->escaped)
    return parse (d, d + entry->length, sink, error);
  unescaped = unescape (d, entry->length);
  return parse (unescaped, unescaped + strlen (unescaped), sink, error);
}

/* Why the entry does not parse: FILE:LINE: path “NAME”: ... */
static void
set_entry_error (DermSvgPaths     *self,
                 const char       *name,
                 const PathEntry  *entry,
                 GError          **error)
{
  g_autoptr (GError) local_error = NULL;
  const char *data = g_bytes_get_data (self->svg, NULL);
  Sink check = { NULL, NULL };
  int line = 1;

  if (parse_entry (self, entry, &check, &local_error))
    g_assert_not_reached ();
  for (gsize i = 0; i < entry->offset; i++)
    line += data[i] == '\n';
  g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_PARSE,
               "%s:%d: path “%s”: %s", self->filename, line, name, local_error->message);
}

/* The entry, checked on its first use: a path is drawn whole or not at all. */
static gboolean
check_entry (DermSvgPaths *self,
             PathEntry    *entry)
{
  Sink check = { NULL, NULL };

  if (entry->state == PATH_UNCHECKED)
    entry->state = parse_entry (self, entry, &check, NULL) ? PATH_GOOD : PATH_BAD;
  return entry->state == PATH_GOOD;
}

gboolean
derm_svg_paths_append (DermSvgPaths  *self,
                       const char    *name,
                       cairo_t       *cr,
                       GError       **error)
{
  PathEntry *entry;
  Sink sink = { NULL, cr };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  entry = g_hash_table_lookup (self->entries, name);
  if (entry == NULL)
    {
      g_set_error (error, DERM_ATLAS_ERROR, DERM_ATLAS_ERROR_INVALID,
                   "%s: no <path> “%s”", self->filename, name);
      return FALSE;
    }
  if (!check_entry (self, entry))
    {
      set_entry_error (self, name, entry, error);
      return FALSE;
    }
  return parse_entry (self, entry, &sink, NULL);
}

gboolean
derm_svg_paths_try_append (DermSvgPaths *self,
                           const char   *name,
                           cairo_t      *cr)
{
  PathEntry *entry;
  Sink sink = { NULL, cr };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  entry = g_hash_table_lookup (self->entries, name);
  if (entry == NULL || entry->state == PATH_BAD)
    return FALSE;
  if (!check_entry (self, entry))
    {
      g_autoptr (GError) error = NULL;

      set_entry_error (self, name, entry, &error);
      g_critical ("%s", error->message);
      return FALSE;
    }
  return parse_entry (self, entry, &sink, NULL);
}

guint
derm_svg_paths_get_size (DermSvgPaths *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_hash_table_size (self->entries);
}

void
derm_svg_paths_free (DermSvgPaths *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->entries);
  g_bytes_unref (self->svg);
  g_free (self->filename);
  g_free (self);
}
