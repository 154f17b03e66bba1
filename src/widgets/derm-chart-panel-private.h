/* derm-chart-panel-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by derm-chart-panel*.c only: the form and the object in
 * derm-chart-panel.c, the ranking in derm-chart-panel-ranking.c.
 */
#pragma once

#include "derm-chart-panel.h"

G_BEGIN_DECLS

typedef enum {
  FIELD_LIGHT_TOUCH,
  FIELD_PIN_PRICK,
  FIELD_MOTOR,
  FIELD_REFLEX,
  FIELD_PLANTAR
} FieldKind;

typedef struct {
  FieldKind    kind;
  char        *id;      /* root or test id */
  DermSide     side;
  GtkDropDown *dropdown;
  char        *name;    /* for a screen reader: "Left ankle dorsiflexion" */
} Field;

struct _DermChartPanel
{
  GtkWidget          parent_instance;

  GtkLabel          *title_label;
  GtkEntry          *title_entry;
  GtkRevealer       *urgent_revealer;
  GtkFlowBox        *tools_box;
  GtkListBox        *ranking_list;
  GtkLabel          *evidence_label;
  GtkGrid           *key_points_grid;
  GtkGrid           *tests_grid;
  GtkBox            *red_flags_box;

  DermAtlas         *atlas;
  DermChart         *chart;
  char              *map_id;
  int                finding;
  GtkToggleButton   *tools[DERM_N_FINDINGS];  /* [0]: the eraser */
  GPtrArray         *fields;                  /* of Field */
  GtkCheckButton    *red_flags[DERM_N_RED_FLAGS];
  DermLocalization  *localization;
  guint              rank_idle_id;
  gboolean           syncing;
  gboolean           rebuilding;
  char              *selected_key;            /* kind:id:side of the selected candidate */
};

/* derm-chart-panel.c */
char *_derm_chart_panel_capitalize             (const char          *text);
void  _derm_chart_panel_emit_candidate_selected (DermChartPanel      *self,
                                                const DermCandidate *candidate);

/* derm-chart-panel-ranking.c */
void  _derm_chart_panel_queue_rank             (DermChartPanel      *self);
void  _derm_chart_panel_candidate_selected_cb  (DermChartPanel      *self,
                                                GtkListBoxRow       *row,
                                                GtkListBox          *list);

G_END_DECLS
