/* derm-text.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "derm-text.h"

PangoLayout *
derm_text_layout_new (cairo_t        *cr,
                      const char     *text,
                      double          size,
                      gboolean        bold,
                      double          wrap_width,
                      PangoAlignment  alignment)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, Sans");
  cairo_font_options_t *font_options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), font_options);
  /* glyphs at their exact places: rounded to whole units of a page in
   * points, small text got uneven gaps that PDF readers and copy-and-paste
   * take for word breaks ("Spi nal Cord Inj") */
  pango_context_set_round_glyph_positions (pango_layout_get_context (layout), FALSE);
  pango_layout_context_changed (layout);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  if (wrap_width > 0)
    {
      pango_layout_set_width (layout, (int) (wrap_width * PANGO_SCALE));
      /* between words only: a word too long for the width stays whole
       * and sticks out, rather than break mid-syllable with a hyphen
       * Pango draws ("N. iliohypoga-stricus", "Unterschenk-el") */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_alignment (layout, alignment);
    }
  pango_layout_set_text (layout, text, -1);

  cairo_font_options_destroy (font_options);
  pango_font_description_free (font);
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
