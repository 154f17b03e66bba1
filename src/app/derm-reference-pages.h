/* derm-reference-pages.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "derm-atlas.h"

G_BEGIN_DECLS

GtkWindow *derm_map_info_window_new (GtkWindow  *parent,
                                     DermAtlas  *atlas,
                                     const char *map_id);
GtkWindow *derm_sources_window_new  (GtkWindow  *parent,
                                     DermAtlas  *atlas);

G_END_DECLS
