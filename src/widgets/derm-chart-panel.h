/* derm-chart-panel.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "derm-localizer.h"

G_BEGIN_DECLS

#define DERM_TYPE_CHART_PANEL (derm_chart_panel_get_type ())
G_DECLARE_FINAL_TYPE (DermChartPanel, derm_chart_panel, DERM, CHART_PANEL, GtkWidget)

GtkWidget              *derm_chart_panel_new              (void);

void                    derm_chart_panel_set_atlas        (DermChartPanel      *self,
                                                           DermAtlas           *atlas);
DermChart              *derm_chart_panel_get_chart        (DermChartPanel      *self);
void                    derm_chart_panel_set_chart        (DermChartPanel      *self,
                                                           DermChart           *chart);
void                    derm_chart_panel_set_map_id       (DermChartPanel      *self,
                                                           const char          *map_id);
void                    derm_chart_panel_set_title        (DermChartPanel      *self,
                                                           const char          *title);
/* The finding the map marks with, a DermFinding or -1 for the eraser. */
int                     derm_chart_panel_get_finding      (DermChartPanel      *self);
void                    derm_chart_panel_set_finding      (DermChartPanel      *self,
                                                           int                  finding);

/* The ranking as shown; NULL before the first (or with nothing abnormal). */
const DermLocalization *derm_chart_panel_get_localization (DermChartPanel      *self);
/* Rank now rather than in the idle that coalesces the changes. */
void                    derm_chart_panel_rank_now         (DermChartPanel      *self);
/* A row of the ranking: "1. Common fibular nerve, left – 0.84"; NULL past the end. */
char                   *derm_chart_panel_dup_row_text     (DermChartPanel      *self,
                                                           guint                index);
void                    derm_chart_panel_select_row       (DermChartPanel      *self,
                                                           int                  index);
const char             *derm_chart_panel_get_evidence     (DermChartPanel      *self);
gboolean                derm_chart_panel_get_urgent       (DermChartPanel      *self);
/* The control of one field: "lt:L5:left", "pp:L5:left",
 * "motor:hip-abduction:left", "reflex:knee-jerk:right", "plantar:plantar:left",
 * "flag:bladder", "title"; NULL if there is none. */
GtkWidget              *derm_chart_panel_get_field        (DermChartPanel      *self,
                                                           const char          *key);
/* The skin of a candidate on its side: a root on the ranking's map, a nerve
 * with its branches; NULL for a pattern. Of const DermRegion *. */
GPtrArray              *derm_chart_panel_dup_territory    (DermChartPanel      *self,
                                                           const DermCandidate *candidate);

G_END_DECLS
