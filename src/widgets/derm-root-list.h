/* derm-root-list.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "derm-atlas.h"

G_BEGIN_DECLS

#define DERM_TYPE_ROOT_LIST (derm_root_list_get_type ())
G_DECLARE_FINAL_TYPE (DermRootList, derm_root_list, DERM, ROOT_LIST, GtkWidget)

GtkWidget  *derm_root_list_new               (void);

DermAtlas  *derm_root_list_get_atlas         (DermRootList *self);
void        derm_root_list_set_atlas         (DermRootList *self,
                                              DermAtlas    *atlas);
void        derm_root_list_set_map_id        (DermRootList *self,
                                              const char   *map_id);
const char *derm_root_list_get_selected_root (DermRootList *self);
/* Selects a row without emitting ::root-selected. */
void        derm_root_list_set_selected_root (DermRootList *self,
                                              const char   *root_id);

G_END_DECLS
