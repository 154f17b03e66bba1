/* derm-help-overlay.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Name the keys GTK 4.8 writes by their key names ("Page_Down") in a
 * shortcuts window; NULL does nothing. */
void derm_help_overlay_tidy (GtkWindow *overlay);

G_END_DECLS
