/* derm-info-panel.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "derm-atlas.h"

G_BEGIN_DECLS

#define DERM_TYPE_INFO_PANEL (derm_info_panel_get_type ())
G_DECLARE_FINAL_TYPE (DermInfoPanel, derm_info_panel, DERM, INFO_PANEL, GtkWidget)

GtkWidget        *derm_info_panel_new         (void);

DermAtlas        *derm_info_panel_get_atlas   (DermInfoPanel    *self);
void              derm_info_panel_set_atlas   (DermInfoPanel    *self,
                                               DermAtlas        *atlas);
const char       *derm_info_panel_get_map_id  (DermInfoPanel    *self);
void              derm_info_panel_set_map_id  (DermInfoPanel    *self,
                                               const char       *map_id);

/* The card of a region on the active map. */
void              derm_info_panel_show_region (DermInfoPanel    *self,
                                               const DermRegion *region);
/* The card of a root, without a region. */
void              derm_info_panel_show_root   (DermInfoPanel    *self,
                                               const char       *root_id);
/* The card of a key sensory point: its exact place, scoring and root. */
void              derm_info_panel_show_key_point (DermInfoPanel   *self,
                                               const DermKeyPoint *key_point);
/* Back to the "Click the skin" page. */
void              derm_info_panel_clear       (DermInfoPanel    *self);

const DermRegion *derm_info_panel_get_region  (DermInfoPanel    *self);
/* The card's title ("Left medial malleolus", "L4"), or NULL when empty. */
const char       *derm_info_panel_get_title   (DermInfoPanel    *self);
/* All text shown on the card, one label a line; free with g_free. */
char             *derm_info_panel_dup_text    (DermInfoPanel    *self);

gboolean       derm_info_panel_get_large_print (DermInfoPanel *self);
void           derm_info_panel_set_large_print (DermInfoPanel *self,
                                                gboolean       large_print);

G_END_DECLS
