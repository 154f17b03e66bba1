/* derm-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "derm-atlas.h"
#include "derm-chart-panel.h"
#include "derm-info-panel.h"
#include "derm-map-view.h"
#include "derm-quiz-panel.h"
#include "derm-root-list.h"

G_BEGIN_DECLS

#define DERM_TYPE_WINDOW (derm_window_get_type ())
G_DECLARE_FINAL_TYPE (DermWindow, derm_window, DERM, WINDOW, AdwApplicationWindow)

DermWindow    *derm_window_new             (GtkApplication   *app,
                                            DermAtlas        *atlas);

DermAtlas     *derm_window_get_atlas       (DermWindow       *self);
/* "anterior", "posterior" or "both" */
const char    *derm_window_get_view        (DermWindow       *self);
void           derm_window_set_view        (DermWindow       *self,
                                            const char       *view);

/* The active dermatome map, "isncsci" by default. */
const char    *derm_window_get_map_id      (DermWindow       *self);
void           derm_window_set_map_id      (DermWindow       *self,
                                            const char       *map_id);

/* Select a region or a root as if the user had clicked it. */
void           derm_window_select_region   (DermWindow       *self,
                                            const DermRegion *region);
void           derm_window_select_root     (DermWindow       *self,
                                            const char       *root_id);

/* Presentation mode (F5): full screen for a projector. */
gboolean       derm_window_get_presentation (DermWindow      *self);
void           derm_window_set_presentation (DermWindow      *self,
                                             gboolean         presentation);
/* B blanked the screen in presentation mode. */
gboolean       derm_window_get_presentation_blank (DermWindow *self);

/* A quiz in the side panel; class mode also enters presentation mode. */
gboolean       derm_window_start_quiz      (DermWindow            *self,
                                            const DermQuizOptions *options,
                                            gboolean               class_mode,
                                            guint                  timer_seconds);

/* For tests that drive the window. */
DermQuizPanel *derm_window_get_quiz_panel  (DermWindow       *self);
DermMapView   *derm_window_get_map_view    (DermWindow       *self);
DermInfoPanel *derm_window_get_info_panel  (DermWindow       *self);
DermRootList  *derm_window_get_root_list   (DermWindow       *self);

/* Chart mode (derm-window-chart.c) */
DermChart      *derm_window_get_chart        (DermWindow       *self);
DermChartPanel *derm_window_get_chart_panel  (DermWindow       *self);
gboolean        derm_window_get_chart_dirty  (DermWindow       *self);
const char     *derm_window_get_chart_path   (DermWindow       *self);
void            derm_window_open_chart       (DermWindow       *self,
                                              const char       *path);
gboolean        derm_window_save_chart       (DermWindow       *self,
                                              const char       *path);
gboolean        derm_window_offer_autosave   (DermWindow       *self);

G_END_DECLS
