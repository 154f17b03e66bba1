/* derm-page-options-widget.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "derm-atlas.h"
#include "derm-page.h"

G_BEGIN_DECLS

#define DERM_TYPE_PAGE_OPTIONS_WIDGET (derm_page_options_widget_get_type ())
G_DECLARE_FINAL_TYPE (DermPageOptionsWidget, derm_page_options_widget, DERM, PAGE_OPTIONS_WIDGET, GtkWidget)

/* The form of a page's options: the print dialog's "Map" tab, and with
 * show-export the export window's paper, orientation and PNG width too. */
GtkWidget *derm_page_options_widget_new             (DermAtlas             *atlas);

void       derm_page_options_widget_set_options     (DermPageOptionsWidget *self,
                                                     const DermPageOptions *options);
/* Fills options (cleared first) from the form. Options the form does not
 * show (highlight, date) are those last set. */
void       derm_page_options_widget_get_options     (DermPageOptionsWidget *self,
                                                     DermPageOptions       *options);

gboolean   derm_page_options_widget_get_show_export (DermPageOptionsWidget *self);
void       derm_page_options_widget_set_show_export (DermPageOptionsWidget *self,
                                                     gboolean               show_export);

int        derm_page_options_widget_get_png_width   (DermPageOptionsWidget *self);
void       derm_page_options_widget_set_png_width   (DermPageOptionsWidget *self,
                                                     int                    width);

G_END_DECLS
