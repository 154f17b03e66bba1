/* derm-help-overlay.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's shortcuts window names Page Up and Page Down by their key names,
 * "Page_Up" and "Page_Down", unless its own catalog has the language: in
 * English a clicker's keys read like code. The key caps are plain labels
 * made once, so they are renamed after the window is built.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>

#include "derm-help-overlay.h"

static const struct {
  const char *key_name;
  const char *label;
} key_labels[] = {
  /* Translators: a key on the keyboard, as its cap is labelled */
  { "Page_Down", N_("Page Down") },
  /* Translators: a key on the keyboard, as its cap is labelled */
  { "Page_Up",   N_("Page Up") },
};

static void
rename_keys (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      for (guint i = 0; i < G_N_ELEMENTS (key_labels); i++)
        if (g_strcmp0 (text, key_labels[i].key_name) == 0)
          {
            /* text is the label's own: gone once it is set */
            gtk_label_set_text (GTK_LABEL (widget), _(key_labels[i].label));
            break;
          }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rename_keys (child);
}

void
derm_help_overlay_tidy (GtkWindow *overlay)
{
  if (overlay != NULL)
    rename_keys (GTK_WIDGET (overlay));
}
