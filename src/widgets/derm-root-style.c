/* derm-root-style.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include "derm-renderer.h"
#include "derm-root-style.h"

/* The palette has one colour per root T10..S4-5; keep a few spare classes. */
#define N_ROOT_CLASSES 16

static int
to_byte (double v)
{
  return (int) CLAMP (v * 255.0 + 0.5, 0.0, 255.0);
}

static void
load_css (GtkCssProvider *provider,
          DermPalette     palette,
          gboolean        dark)
{
  g_autoptr (GString) css = g_string_new (NULL);
  DermColor blank;

  for (guint i = 0; i < N_ROOT_CLASSES; i++)
    {
      DermColor color, text;

      derm_palette_get_root_color_full (i, DERM_STYLE_COLOR, palette, dark, &color);
      derm_palette_get_text_color (palette, &color, &text);

      g_string_append_printf (css,
                              ".root-swatch.root-%u { background-color: rgb(%d,%d,%d); }\n"
                              ".root-tag.root-%u { background-color: rgb(%d,%d,%d); color: rgb(%d,%d,%d); }\n",
                              i, to_byte (color.red), to_byte (color.green), to_byte (color.blue),
                              i, to_byte (color.red), to_byte (color.green), to_byte (color.blue),
                              to_byte (text.red), to_byte (text.green), to_byte (text.blue));
    }

  /* the key's striped swatch in two of the palette's own colours (L1, L3) */
  {
    DermColor a, b;

    derm_palette_get_root_color_full (3, DERM_STYLE_COLOR, palette, dark, &a);
    derm_palette_get_root_color_full (5, DERM_STYLE_COLOR, palette, dark, &b);
    g_string_append_printf (css,
                            ".root-swatch.hatched { background-image: repeating-linear-gradient(45deg, "
                            "rgb(%d,%d,%d) 0, rgb(%d,%d,%d) 3px, rgb(%d,%d,%d) 3px, rgb(%d,%d,%d) 6px); }\n",
                            to_byte (a.red), to_byte (a.green), to_byte (a.blue),
                            to_byte (a.red), to_byte (a.green), to_byte (a.blue),
                            to_byte (b.red), to_byte (b.green), to_byte (b.blue),
                            to_byte (b.red), to_byte (b.green), to_byte (b.blue));
  }

  /* the key's guessed zone as the map draws one: L2 veiled, with rings of
   * L1 and L3 (derm-renderer-palettes.c) */
  {
    DermColor fill, ring, veil = dark ? (DermColor) { 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0 }
                                      : (DermColor) { 1, 1, 1 };
    double t = dark ? 0.35 : 0.5;

    derm_palette_get_root_color_full (4, DERM_STYLE_COLOR, palette, dark, &fill);
    derm_palette_get_root_color_full (3, DERM_STYLE_COLOR, palette, dark, &ring);
    g_string_append_printf (css,
                            ".root-swatch.guessed { background-color: rgb(%d,%d,%d); "
                            "background-image: radial-gradient(circle, transparent 30%%, rgb(%d,%d,%d) 40%%, "
                            "rgb(%d,%d,%d) 60%%, transparent 70%%); background-size: 8px 8px; }\n",
                            to_byte (fill.red + (veil.red - fill.red) * t),
                            to_byte (fill.green + (veil.green - fill.green) * t),
                            to_byte (fill.blue + (veil.blue - fill.blue) * t),
                            to_byte (ring.red * 0.7), to_byte (ring.green * 0.7), to_byte (ring.blue * 0.7),
                            to_byte (ring.red * 0.7), to_byte (ring.green * 0.7), to_byte (ring.blue * 0.7));
  }

  derm_palette_get_blank_color_full (DERM_STYLE_COLOR, palette, dark, &blank);
  g_string_append_printf (css, ".root-swatch.skin { background-color: rgb(%d,%d,%d); }\n",
                          to_byte (blank.red), to_byte (blank.green), to_byte (blank.blue));

  gtk_css_provider_load_from_data (provider, css->str, (gssize) css->len);
}

void
derm_root_style_ensure (GdkDisplay *display)
{
  g_autoptr (GtkCssProvider) provider = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (g_object_get_data (G_OBJECT (display), "derm-root-style") != NULL)
    return;

  provider = gtk_css_provider_new ();
  load_css (provider, DERM_PALETTE_DEFAULT, FALSE);
  gtk_style_context_add_provider_for_display (display,
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "derm-root-style",
                          g_steal_pointer (&provider), g_object_unref);
}

void
derm_root_style_update (GdkDisplay  *display,
                        DermPalette  palette,
                        gboolean     dark)
{
  GtkCssProvider *provider;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  derm_root_style_ensure (display);
  provider = g_object_get_data (G_OBJECT (display), "derm-root-style");
  load_css (provider, palette, dark);
}

const char *
derm_root_style_class (const DermRoot *root)
{
  static char names[N_ROOT_CLASSES][16];
  guint i;

  g_return_val_if_fail (root != NULL, "root-0");

  i = MIN (root->index, N_ROOT_CLASSES - 1);
  if (names[i][0] == '\0')
    g_snprintf (names[i], sizeof names[i], "root-%u", i);

  return names[i];
}

GtkWidget *
derm_root_style_swatch_new (const DermRoot *root)
{
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (swatch, "root-swatch");
  gtk_widget_add_css_class (swatch, derm_root_style_class (root));
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_accessible_update_state (GTK_ACCESSIBLE (swatch),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);

  return swatch;
}
