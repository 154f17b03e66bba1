/* derm-window-print.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's print, page setup and export actions, kept apart from
 * derm-window.c. Install them with gtk_widget_class_install_action ().
 */
#pragma once

#include "derm-window.h"

G_BEGIN_DECLS

void derm_window_print_action      (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter);
void derm_window_page_setup_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter);
void derm_window_export_action     (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter);

void     derm_window_export_chart_async  (DermWindow          *self,
                                         const char          *path,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean derm_window_export_chart_finish (DermWindow          *self,
                                         GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS
