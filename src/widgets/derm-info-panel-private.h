/* derm-info-panel-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by derm-info-panel*.c only.
 */
#pragma once

#include <adwaita.h>

#include "derm-info-panel.h"

G_BEGIN_DECLS

struct _DermInfoPanel
{
  GtkWidget          parent_instance;

  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkBox            *card;

  DermAtlas         *atlas;
  char              *map_id;
  const DermRegion  *region;
  const DermKeyPoint *key_point;
  char              *root_id;
  char              *title;
  gboolean           large_print;

  /* source ids cited on the current card, in order of first citation */
  GPtrArray         *cited;
};

/* derm-info-panel-card.c */
const DermMap  *_derm_info_panel_active_map           (DermInfoPanel *self);
GtkWidget      *_derm_info_panel_append_label         (GtkBox     *box,
                                                       const char *text,
                                                       const char *css_class);
void            _derm_info_panel_append_heading       (GtkBox     *box,
                                                       const char *text);
GtkWidget      *_derm_info_panel_append_statement     (DermInfoPanel       *self,
                                                       GtkBox              *box,
                                                       const char          *prefix,
                                                       const char          *text,
                                                       const char * const  *sources);
GtkWidget      *_derm_info_panel_new_section          (GtkBox *card);
void            _derm_info_panel_append_root          (DermInfoPanel  *self,
                                                       const DermRoot *root,
                                                       gboolean        with_header,
                                                       gboolean        with_root_or_nerve);
void            _derm_info_panel_begin_card           (DermInfoPanel *self,
                                                       const char    *title,
                                                       const char    *subtitle);
void            _derm_info_panel_end_card             (DermInfoPanel *self);
void            _derm_info_panel_append_root_tags     (DermInfoPanel      *self,
                                                       const DermMap      *map,
                                                       const DermRegion   *region,
                                                       const char * const *roots);
void            _derm_info_panel_append_nerves        (DermInfoPanel    *self,
                                                       const DermRegion *region);
void            _derm_info_panel_append_root_or_nerve (DermInfoPanel      *self,
                                                       const DermRegion   *region);
void            _derm_info_panel_append_blank_red_flags (DermInfoPanel    *self,
                                                         const DermRegion *region);
const char     *_derm_info_panel_view_name            (DermView view);

G_END_DECLS
