/* derm-text.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "derm-text.h"

/* The Pango context the layouts of one cairo_t share, for as long as its
 * transformation keeps the same scale and rotation: what
 * pango_cairo_create_layout () would make afresh for each. A context is
 * never changed once made, so earlier layouts keep theirs. Kept on the
 * cairo_t, so nothing is shared between threads. */
typedef struct {
  PangoContext *context;
  PangoFontMap *font_map;
  double        xx, yx, xy, yy;
} TextContext;

static const cairo_user_data_key_t text_context_key;

static void
text_context_free (gpointer data)
{
  TextContext *cache = data;

  g_object_unref (cache->context);
  g_free (cache);
}

/* Unhinted, so text has the same shapes on screen, paper and PDF. Made
 * once and never changed: safe to read from any thread. */
static const cairo_font_options_t *
get_font_options (void)
{
  static cairo_font_options_t *options;

  if (g_once_init_enter (&options))
    {
      cairo_font_options_t *new_options = cairo_font_options_create ();

      cairo_font_options_set_hint_metrics (new_options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (new_options, CAIRO_HINT_STYLE_NONE);
      g_once_init_leave (&options, new_options);
    }
  return options;
}

static const PangoFontDescription *
get_font (void)
{
  static PangoFontDescription *font;

  if (g_once_init_enter (&font))
    g_once_init_leave (&font, pango_font_description_from_string ("Cantarell, Sans"));
  return font;
}

/* A new reference to the shared context for cr's current transformation. */
static PangoContext *
get_context (cairo_t *cr)
{
  TextContext *cache = cairo_get_user_data (cr, &text_context_key);
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context;
  cairo_matrix_t matrix;

  /* pango_cairo_update_context () ignores the translation */
  cairo_get_matrix (cr, &matrix);
  if (cache != NULL && cache->font_map == font_map &&
      cache->xx == matrix.xx && cache->yx == matrix.yx &&
      cache->xy == matrix.xy && cache->yy == matrix.yy)
    return g_object_ref (cache->context);

  context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_font_options (context, get_font_options ());
  pango_cairo_update_context (cr, context);

  cache = g_new (TextContext, 1);
  cache->context = g_object_ref (context);
  cache->font_map = font_map;
  cache->xx = matrix.xx;
  cache->yx = matrix.yx;
  cache->xy = matrix.xy;
  cache->yy = matrix.yy;
  /* frees the one it replaces (its layouts keep their own reference);
   * fails only on a cairo_t in error, whose text draws nothing anyway */
  if (cairo_set_user_data (cr, &text_context_key, cache, text_context_free) != CAIRO_STATUS_SUCCESS)
    text_context_free (cache);
  return context;
}

PangoLayout *
derm_text_layout_new (cairo_t        *cr,
                      const char     *text,
                      double          size,
                      gboolean        bold,
                      double          wrap_width,
                      PangoAlignment  alignment)
{
  PangoContext *context = get_context (cr);
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_copy_static (get_font ());

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  if (wrap_width > 0)
    {
      pango_layout_set_width (layout, (int) (wrap_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (layout, alignment);
    }
  pango_layout_set_text (layout, text, -1);

  pango_font_description_free (font);
  g_object_unref (context);
  return layout;
}

double
derm_text_layout_get_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

double
derm_text_layout_get_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double) PANGO_SCALE;
}

void
derm_text_show_layout (cairo_t     *cr,
                       PangoLayout *layout,
                       double       x,
                       double       y,
                       double       gray)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, gray, gray, gray);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}
