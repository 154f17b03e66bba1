/* derm-accessible.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small fixes for what GTK 4.8 tells a screen reader.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include "derm-accessible.h"

void
derm_accessible_fix_mnemonic_names (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
      gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    derm_accessible_fix_mnemonic_names (child);
}

void
derm_accessible_name_switches (GtkWidget  *widget,
                               const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_SWITCH (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    derm_accessible_name_switches (child, label);
}
