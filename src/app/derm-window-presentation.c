/* derm-window-presentation.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Presentation mode (F5), for a projector: full screen, no header bar,
 * large labels and panel text, a hint of the keys; a clicker steps through
 * the roots and B blanks the screen.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>

#include "derm-window-private.h"

static gboolean
hide_presentation_hint_cb (gpointer user_data)
{
  DermWindow *self = user_data;

  self->hint_timeout_id = 0;
  gtk_revealer_set_reveal_child (self->presentation_hint, FALSE);

  return G_SOURCE_REMOVE;
}

/* B blanks the whole screen, as a slide show does: the cover hides the map,
 * and the panel and its separator go dark too (style.css, .blanked) */
void
_derm_window_set_blank (DermWindow *self,
                        gboolean    blank)
{
  gtk_widget_set_visible (self->blank_cover, blank);
  gtk_widget_set_opacity (self->sidebar, blank ? 0.0 : 1.0);
  if (blank)
    gtk_widget_add_css_class (GTK_WIDGET (self), "blanked");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "blanked");
}

/* Presentation: step to a root (index in T12..S4-5), or -1 for all roots. */
void
_derm_window_present_root (DermWindow *self,
                           int         step)
{
  GPtrArray *roots = derm_atlas_get_roots (self->atlas);
  const DermRoot *root;

  step = CLAMP (step, -1, (int) roots->len - 1);
  self->presentation_step = step;
  root = step >= 0 ? g_ptr_array_index (roots, step) : NULL;
  /* a region chosen before would stay painted under each root's card */
  derm_map_view_set_selected_region (self->map_view, NULL);
  derm_window_select_root (self, root != NULL ? root->id : NULL);
}

/* A teacher hides the labels (H) to ask the class, and shows them to
 * reveal: while hidden, nothing else names the roots either, not the
 * card in the panel nor a tooltip. A quiz hides and reveals on its own. */
void
_derm_window_sync_hidden_labels (DermWindow *self)
{
  if (self->atlas == NULL || _derm_window_quiz_active (self))
    return;

  derm_map_view_set_reveal_roots (self->map_view, !self->presentation || self->labels);
  if (self->presentation)
    adw_flap_set_reveal_flap (self->flap, self->labels);
}

void
_derm_window_presentation_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "win.presentation", "presentation");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.presentation", NULL);
}

gboolean
derm_window_get_presentation (DermWindow *self)
{
  g_return_val_if_fail (DERM_IS_WINDOW (self), FALSE);

  return self->presentation;
}

/**
 * derm_window_set_presentation:
 *
 * Presentation mode, for a projector: full screen, no header bar, large
 * labels and panel text, the idle pointer hidden; the clicker's keys step
 * through the roots.
 */
void
derm_window_set_presentation (DermWindow *self,
                              gboolean    presentation)
{
  g_return_if_fail (DERM_IS_WINDOW (self));

  presentation = !!presentation;
  if (self->presentation == presentation)
    return;

  self->presentation = presentation;
  g_clear_handle_id (&self->hint_timeout_id, g_source_remove);

  if (presentation)
    {
      self->presentation_flap = adw_flap_get_reveal_flap (self->flap);
      self->presentation_fullscreened = !gtk_window_is_fullscreen (GTK_WINDOW (self));
      self->presentation_step = -1;
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
      gtk_widget_set_visible (self->header_bar, FALSE);
      /* the card gets the panel's height; the map's labels name the roots */
      gtk_widget_set_visible (self->root_list_scroller, FALSE);
      gtk_widget_set_visible (self->zoom_box, FALSE);
      adw_clamp_set_maximum_size (self->sidebar_clamp, PRESENTATION_PANEL_WIDTH);
      adw_clamp_set_tightening_threshold (self->sidebar_clamp, PRESENTATION_PANEL_WIDTH);
      adw_flap_set_reveal_flap (self->flap, TRUE);
      _derm_window_sync_hidden_labels (self);
      derm_map_view_set_presentation (self->map_view, TRUE);
      derm_info_panel_set_large_print (self->info_panel, TRUE);
      if (self->presentation_fullscreened)
        gtk_window_fullscreen (GTK_WINDOW (self));
      gtk_label_set_label (self->presentation_hint_label,
                           _derm_window_quiz_active (self) ?
                           _("Page Down: answer, then next question · Page Up: back · Esc: leave") :
                           _("Page Down: next root · Page Up: back · H: labels · B: blank · Esc: leave"));
      /* at the top, over the views' titles for its few seconds: at the
       * bottom it lay across the feet */
      gtk_widget_set_valign (GTK_WIDGET (self->presentation_hint), GTK_ALIGN_START);
      gtk_widget_set_margin_top (GTK_WIDGET (self->presentation_hint), 8);
      gtk_widget_set_margin_bottom (GTK_WIDGET (self->presentation_hint), 0);
      gtk_revealer_set_reveal_child (self->presentation_hint, TRUE);
      self->hint_timeout_id = g_timeout_add_seconds (PRESENTATION_HINT_SECONDS,
                                                     hide_presentation_hint_cb, self);
      gtk_widget_grab_focus (GTK_WIDGET (self->map_view));
    }
  else
    {
      _derm_window_set_blank (self, FALSE);
      gtk_revealer_set_reveal_child (self->presentation_hint, FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");
      gtk_widget_set_visible (self->header_bar, TRUE);
      gtk_widget_set_visible (self->root_list_scroller, TRUE);
      gtk_widget_set_visible (self->zoom_box, TRUE);
      adw_clamp_set_maximum_size (self->sidebar_clamp, PANEL_WIDTH);
      adw_clamp_set_tightening_threshold (self->sidebar_clamp, PANEL_WIDTH);
      adw_flap_set_reveal_flap (self->flap, self->presentation_flap);
      _derm_window_sync_hidden_labels (self);
      derm_map_view_set_presentation (self->map_view, FALSE);
      derm_info_panel_set_large_print (self->info_panel, FALSE);
      if (self->presentation_fullscreened)
        gtk_window_unfullscreen (GTK_WINDOW (self));
      self->presentation_fullscreened = FALSE;
      if (!_derm_window_quiz_active (self) && self->presentation_step >= 0)
        derm_window_select_root (self, NULL);
      /* the panel shows what the map highlights */
      if (!_derm_window_quiz_active (self))
        derm_window_select_root (self, derm_map_view_get_selected_root (self->map_view));
      self->presentation_step = -1;
      /* a class quiz goes on in the window */
      self->quiz_presentation = FALSE;
    }

  _derm_window_header_changed_cb (self, NULL, ADW_SQUEEZER (self->header_bar));
  _derm_window_folded_cb (self, NULL, self->flap);
  _derm_window_notify (self, PROP_PRESENTATION);
}

gboolean
derm_window_get_presentation_blank (DermWindow *self)
{
  g_return_val_if_fail (DERM_IS_WINDOW (self), FALSE);

  return gtk_widget_get_visible (self->blank_cover);
}
