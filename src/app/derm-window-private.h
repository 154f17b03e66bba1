/* derm-window-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by derm-window*.c only: the window is split by concern, each part
 * installing its own actions and keys from its _derm_window_*_class_init ().
 */
#pragma once

#include <adwaita.h>

#include "derm-chart-panel.h"
#include "derm-quiz-panel.h"
#include "derm-window.h"

G_BEGIN_DECLS

#define MAX_RESULTS 60
/* presentation: how long the key hint shows, and the side panel's width */
#define PRESENTATION_HINT_SECONDS 6
#define PRESENTATION_PANEL_WIDTH  600
#define PANEL_WIDTH               380
/* the panel's least width beside the map, and the least map beside it; folded
 * over the map, the panel is narrower and the map wider by as much, so the
 * fold happens at the same window width either way (661 px) and a 360 px
 * window keeps a strip of map to click */
#define PANEL_MIN_WIDTH           340
#define MAP_MIN_WIDTH             320
#define FOLDED_PANEL_WIDTH        300

struct _DermWindow
{
  AdwApplicationWindow  parent_instance;

  AdwFlap              *flap;
  GtkWidget            *header_bar;
  AdwClamp             *sidebar_clamp;
  DermQuizPanel        *quiz_panel;  /* NULL until the first quiz */
  GtkRevealer          *presentation_hint;
  GtkLabel             *presentation_hint_label;
  GtkLabel             *quiz_banner;
  GtkWidget            *zoom_box;
  GtkWidget            *root_list_scroller;
  GtkWidget            *blank_cover;
  GtkSearchBar         *search_bar;
  GtkWidget            *search_button;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  GtkListBox           *results_list;
  DermMapView          *map_view;
  DermRootList         *root_list;
  DermInfoPanel        *info_panel;
  GtkWidget            *zoom_out_button;
  GtkWidget            *zoom_reset_button;
  GtkMenuButton        *map_button;
  GtkMenuButton        *primary_button;
  GMenuModel           *primary_menu;
  GMenuModel           *map_menu;
  /* narrow windows */
  GtkMenuButton        *map_button_narrow;
  GtkMenuButton        *primary_button_narrow;
  GtkLabel             *map_label_narrow;
  GtkWidget            *compact_header;
  GtkWidget            *sidebar;
  GtkWidget            *map_overlay;
  GtkActionBar         *view_bar;
  GtkWidget            *view_bar_both;

  DermAtlas            *atlas;
  char                 *view;
  /* narrow windows (the side panel folded over the map) show one view:
   * this one when the view is "both" ("anterior" or "posterior") */
  gboolean              narrow;
  char                 *narrow_view;
  char                 *map_id;     /* NULL until the atlas picks its default */
  gboolean              nerves;
  gboolean              key_points;
  gboolean              labels;
  GSettings            *settings;

  /* presentation mode */
  gboolean              presentation;
  gboolean              presentation_fullscreened;  /* we made it fullscreen */
  gboolean              presentation_flap;          /* the panel before */
  int                   presentation_step;          /* root index, -1: all roots */
  guint                 hint_timeout_id;

  /* quiz mode: the quiz panel replaces the side panel */
  gboolean              quiz_presentation;          /* a class quiz started presentation */

  /* chart mode (derm-window-chart.c): the chart panel replaces the side panel */
  DermChartPanel       *chart_panel;
  DermChart            *chart;            /* NULL outside chart mode */
  char                 *chart_path;       /* where it was opened or saved, or NULL */
  gboolean              chart_dirty;
  char                 *chart_snapshot;   /* the chart's JSON since the last change */
  GPtrArray            *undo_stack;       /* of char *: JSON before each change */
  GPtrArray            *redo_stack;
  guint                 chart_stroke;     /* the drag of the last change, or 0 */
  guint                 autosave_id;
  int                   chart_pending;    /* what to do once changes are saved or discarded */
  char                 *chart_pending_path;
};

enum {
  PROP_0,
  PROP_ATLAS,
  PROP_VIEW,
  PROP_SHOWN_VIEW,
  PROP_MAP_ID,
  PROP_NERVES,
  PROP_KEY_POINTS,
  PROP_LABELS,
  PROP_PRESENTATION,
  N_PROPS
};

/* derm-window.c */
void           _derm_window_notify                 (DermWindow   *self,
                                                    guint         prop_id);
const char    *_derm_window_map_id                 (DermWindow   *self);
void           _derm_window_header_changed_cb      (DermWindow   *self,
                                                    GParamSpec   *pspec,
                                                    AdwSqueezer  *header_bar);
/* Show a region's view: in a narrow window the one view shown, else the
 * view alone if the layout lacks it. */
void           _derm_window_show_view              (DermWindow   *self,
                                                    DermView      view);
void           _derm_window_folded_cb              (DermWindow   *self,
                                                    GParamSpec   *pspec,
                                                    AdwFlap      *flap);

/* derm-window-actions.c */
void           _derm_window_actions_class_init     (GtkWidgetClass *widget_class);
void           _derm_window_actions_init           (DermWindow   *self);
void           _derm_window_set_menu_lazily        (DermWindow    *self,
                                                    GtkMenuButton *button);
void           _derm_window_build_map_menu         (DermWindow   *self);
void           _derm_window_update_map_button      (DermWindow   *self);
void           _derm_window_zoom_changed_cb        (DermWindow   *self,
                                                    GParamSpec   *pspec,
                                                    DermMapView  *map_view);

/* derm-window-search.c */
void           _derm_window_search_class_init      (GtkWidgetClass *widget_class);

/* derm-window-quiz.c */
void           _derm_window_quiz_class_init        (GtkWidgetClass *widget_class);
DermQuizPhase  _derm_window_quiz_phase             (DermWindow   *self);
gboolean       _derm_window_quiz_active            (DermWindow   *self);
void           _derm_window_sync_quiz_map          (DermWindow   *self);
void           _derm_window_end_quiz               (DermWindow   *self);

/* derm-window-chart.c */
void           _derm_window_chart_class_init       (GtkWidgetClass *widget_class);
void           _derm_window_chart_init             (DermWindow   *self);
void           _derm_window_chart_dispose          (DermWindow   *self);

/* derm-window-presentation.c */
void           _derm_window_presentation_class_init (GtkWidgetClass *widget_class);
void           _derm_window_set_blank              (DermWindow   *self,
                                                    gboolean      blank);
void           _derm_window_present_root           (DermWindow   *self,
                                                    int           step);
void           _derm_window_sync_hidden_labels     (DermWindow   *self);

G_END_DECLS
