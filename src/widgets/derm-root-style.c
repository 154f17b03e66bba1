/* derm-root-style.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include "derm-renderer.h"
#include "derm-root-style.h"

/* The palette has one colour per root T12..S4-5; keep a few spare classes. */
#define N_ROOT_CLASSES 16

static int
to_byte (double v)
{
  return (int) CLAMP (v * 255.0 + 0.5, 0.0, 255.0);
}

void
derm_root_style_ensure (GdkDisplay *display)
{
  g_autoptr (GString) css = g_string_new (NULL);
  g_autoptr (GtkCssProvider) provider = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (g_object_get_data (G_OBJECT (display), "derm-root-style") != NULL)
    return;

  for (guint i = 0; i < N_ROOT_CLASSES; i++)
    {
      DermColor color;
      double luminance;
      int r, g, b;

      derm_palette_get_root_color (i, DERM_STYLE_COLOR, &color);
      r = to_byte (color.red);
      g = to_byte (color.green);
      b = to_byte (color.blue);
      /* perceived brightness decides black or white text on a tag */
      luminance = 0.299 * color.red + 0.587 * color.green + 0.114 * color.blue;

      g_string_append_printf (css,
                              ".root-swatch.root-%u { background-color: rgb(%d,%d,%d); }\n"
                              ".root-tag.root-%u { background-color: rgb(%d,%d,%d); color: %s; }\n",
                              i, r, g, b,
                              i, r, g, b,
                              luminance > 0.55 ? "rgba(0,0,0,0.85)" : "white");
    }

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css->str, (gssize) css->len);
  gtk_style_context_add_provider_for_display (display,
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "derm-root-style",
                          g_steal_pointer (&provider), g_object_unref);
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
