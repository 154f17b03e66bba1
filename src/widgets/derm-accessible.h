/* derm-accessible.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 names a button with a mnemonic label by its raw label and its
 * label child: a screen reader says "_Start Start". Resets the name of
 * every such button under widget so the child alone names it. Call it
 * again after setting a button's label in code. */
void derm_accessible_fix_mnemonic_names (GtkWidget  *widget);

/* Names every GtkSwitch under widget (e.g. the enable switch inside an
 * AdwExpanderRow, which is otherwise named "GtkSwitch"). */
void derm_accessible_name_switches      (GtkWidget  *widget,
                                         const char *label);

G_END_DECLS
