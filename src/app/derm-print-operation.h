/* derm-print-operation.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "derm-chart.h"
#include "derm-page.h"
#include "derm-renderer.h"

G_BEGIN_DECLS

#define DERM_TYPE_PRINT_OPERATION (derm_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (DermPrintOperation, derm_print_operation, DERM, PRINT_OPERATION, GtkPrintOperation)

/* Prints the pages derm_page_render draws, with a "Map" tab in the print
 * dialog for the page options; paper and orientation are GTK's. */
DermPrintOperation    *derm_print_operation_new         (DermRenderer          *renderer,
                                                         const DermPageOptions *options);

DermRenderer          *derm_print_operation_get_renderer (DermPrintOperation   *self);
/* What will be printed: as given, or as the "Map" tab left them. */
const DermPageOptions *derm_print_operation_get_options (DermPrintOperation    *self);
void                   derm_print_operation_set_options (DermPrintOperation    *self,
                                                         const DermPageOptions *options);

/* Print this chart's record (derm-chart-page.h) rather than a map. */
void                   derm_print_operation_set_chart   (DermPrintOperation    *self,
                                                         DermChart             *chart);

G_END_DECLS
