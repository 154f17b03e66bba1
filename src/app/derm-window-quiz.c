/* derm-window-quiz.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A quiz in the window: the quiz panel takes the side panel's place, the
 * map shows what a question asks and then its answer, and what would give
 * the answer away (labels, overlays, search, other maps) waits.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>

#include "derm-layout.h"
#include "derm-quiz-dialog.h"
#include "derm-window-private.h"

DermQuizPhase
_derm_window_quiz_phase (DermWindow *self)
{
  return self->quiz_panel != NULL ? derm_quiz_panel_get_phase (self->quiz_panel)
                                  : DERM_QUIZ_PHASE_NONE;
}

gboolean
_derm_window_quiz_active (DermWindow *self)
{
  return _derm_window_quiz_phase (self) != DERM_QUIZ_PHASE_NONE;
}

static void
point_activated_cb (DermWindow  *self,
                    int          view,
                    double       x,
                    double       y,
                    DermMapView *map_view)
{
  if (_derm_window_quiz_active (self))
    derm_quiz_panel_answer_point (self->quiz_panel, view, x, y);
}

static void
update_map_actions (DermWindow *self)
{
  /* a quiz keeps its map and its panel: no map switching, no search (and
   * no type-to-search, so a stray key does not hide the question) */
  gboolean free_map = !_derm_window_quiz_active (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.map", free_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-map", free_map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", free_map);
  gtk_search_bar_set_key_capture_widget (self->search_bar, free_map ? GTK_WIDGET (self) : NULL);
  gtk_widget_set_sensitive (self->search_button, free_map);
}

/* The legs show what the quiz asks, then the answer. */
void
_derm_window_sync_quiz_map (DermWindow *self)
{
  DermQuizPhase phase = _derm_window_quiz_phase (self);
  const DermQuizQuestion *question = self->quiz_panel != NULL ?
                                     derm_quiz_panel_get_question (self->quiz_panel) : NULL;
  DermMapView *map_view = self->map_view;
  gboolean folded = adw_flap_get_folded (self->flap);

  update_map_actions (self);

  /* a narrow window: the folded panel would cover the legs a click question
   * needs, so the question goes over the map and the panel comes back for
   * choices and for the answer */
  gtk_widget_set_visible (GTK_WIDGET (self->quiz_banner), FALSE);
  if (folded && phase != DERM_QUIZ_PHASE_NONE)
    {
      gboolean click = phase == DERM_QUIZ_PHASE_ASKING && question != NULL &&
                       derm_quiz_kind_is_click (question->kind);

      if (click)
        {
          gtk_label_set_label (self->quiz_banner, question->prompt);
          gtk_widget_set_visible (GTK_WIDGET (self->quiz_banner), TRUE);
        }
      adw_flap_set_reveal_flap (self->flap, !click);
    }

  if (phase == DERM_QUIZ_PHASE_NONE || phase == DERM_QUIZ_PHASE_FINISHED || question == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.nerves", TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.key-points", TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.labels", TRUE);
      derm_map_view_set_marker (map_view, NULL, NULL);
      derm_map_view_set_neutral (map_view, FALSE);
      derm_map_view_set_reveal_roots (map_view, TRUE);
      derm_map_view_set_labels (map_view, self->labels);
      derm_map_view_set_nerves (map_view, self->nerves);
      derm_map_view_set_key_points (map_view, self->key_points);
      derm_map_view_set_selected_root (map_view, NULL);
      derm_map_view_set_selected_region (map_view, NULL);
      return;
    }

  /* the area asked about must be in view */
  if (question->region != NULL)
    {
      double x, y;

      if (!derm_layout_view_origin (derm_map_view_get_layout (map_view), question->region->view, &x, &y))
        {
          if (self->narrow)
            _derm_window_show_view (self, question->region->view);
          else
            derm_window_set_view (self, "both");
        }
    }

  /* while a question waits, overlays and labels would give it away */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.nerves", phase != DERM_QUIZ_PHASE_ASKING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.key-points", phase != DERM_QUIZ_PHASE_ASKING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.labels", phase != DERM_QUIZ_PHASE_ASKING);

  if (phase == DERM_QUIZ_PHASE_ASKING)
    {
      /* nothing on the legs gives the answer away: no colour anywhere (the
       * other leg's same zone, the roots around it), the area asked about
       * marked on the outlines */
      derm_map_view_set_neutral (map_view, TRUE);
      derm_map_view_set_reveal_roots (map_view, FALSE);
      derm_map_view_set_labels (map_view, FALSE);
      derm_map_view_set_nerves (map_view, FALSE);
      derm_map_view_set_key_points (map_view, FALSE);
      derm_map_view_set_selected_root (map_view, NULL);
      derm_map_view_set_selected_region (map_view, NULL);
      derm_map_view_set_marker (map_view,
                                question->kind == DERM_QUIZ_NAME_ROOT ? question->region : NULL,
                                NULL);
      return;
    }

  /* revealed: the right root stands out, labelled; the point or area
   * ringed. A muscle test or a reflex is no skin: painting the root's
   * dermatome would teach that it is */
  derm_map_view_set_neutral (map_view, FALSE);
  derm_map_view_set_reveal_roots (map_view, TRUE);
  derm_map_view_set_labels (map_view, TRUE);
  derm_map_view_set_selected_root (map_view,
                                   question->accept_roots != NULL &&
                                   question->kind != DERM_QUIZ_MOTOR && question->kind != DERM_QUIZ_REFLEX
                                   ? question->accept_roots[0] : NULL);
  derm_map_view_set_nerves (map_view, g_str_has_prefix (question->answer_id, "nerve:"));
  derm_map_view_set_key_points (map_view, question->kind == DERM_QUIZ_KEY_POINT);
  derm_map_view_set_marker (map_view,
                            question->kind == DERM_QUIZ_NAME_ROOT ? question->region : NULL,
                            question->kind == DERM_QUIZ_KEY_POINT ? question->key_point : NULL);
}

static void
quiz_changed_cb (DermWindow    *self,
                 DermQuizPanel *panel)
{
  _derm_window_sync_quiz_map (self);
}

void
_derm_window_end_quiz (DermWindow *self)
{
  if (!_derm_window_quiz_active (self))
    return;

  derm_quiz_panel_clear (self->quiz_panel);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "browse");
  _derm_window_sync_quiz_map (self);
  /* the card left from before the quiz would name a root the map no
   * longer shows: the panel shows what the map highlights */
  derm_window_select_root (self, derm_map_view_get_selected_root (self->map_view));
  if (self->quiz_presentation)
    {
      self->quiz_presentation = FALSE;
      derm_window_set_presentation (self, FALSE);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->map_view));
}

static void
quiz_stop_cb (DermWindow    *self,
              DermQuizPanel *panel)
{
  _derm_window_end_quiz (self);
}

static void
quiz_restart_cb (DermWindow    *self,
                 DermQuizPanel *panel)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.quiz", NULL);
}

/* The quiz panel is made for the first quiz, not with the window. */
static DermQuizPanel *
ensure_quiz_panel (DermWindow *self)
{
  if (self->quiz_panel == NULL)
    {
      self->quiz_panel = DERM_QUIZ_PANEL (derm_quiz_panel_new ());
      g_signal_connect_object (self->quiz_panel, "changed",
                               G_CALLBACK (quiz_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->quiz_panel, "stop",
                               G_CALLBACK (quiz_stop_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->quiz_panel, "restart",
                               G_CALLBACK (quiz_restart_cb), self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->sidebar_stack, GTK_WIDGET (self->quiz_panel), "quiz");
    }
  return self->quiz_panel;
}

static void
show_toast (DermWindow *self,
            const char *title)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (self));

  if (ADW_IS_TOAST_OVERLAY (content))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (content), adw_toast_new (title));
}

static void
quiz_dialog_start_cb (DermWindow     *self,
                      DermQuizDialog *dialog)
{
  DermQuizOptions options;

  derm_quiz_options_init (&options);
  derm_quiz_dialog_get_options (dialog, &options);
  options.seed = ((guint64) g_random_int () << 32) | g_random_int ();

  derm_window_start_quiz (self, &options,
                          derm_quiz_dialog_get_class_mode (dialog),
                          derm_quiz_dialog_get_timer_seconds (dialog));
}

static void
quiz_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DermWindow *self = DERM_WINDOW (widget);
  DermQuizDialog *dialog;

  if (self->atlas == NULL)
    return;

  dialog = derm_quiz_dialog_new (GTK_WINDOW (self), self->atlas, _derm_window_map_id (self));
  derm_quiz_dialog_set_class_mode (dialog, self->presentation);
  g_signal_connect_object (dialog, "start", G_CALLBACK (quiz_dialog_start_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_derm_window_quiz_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, point_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.quiz", NULL, quiz_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_q, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.quiz", NULL);
}

/**
 * derm_window_start_quiz:
 * @options: the quiz's kinds, count, seed and map
 * @class_mode: for a class: presentation mode, no score
 * @timer_seconds: per question, 0 for none
 *
 * Returns: FALSE (and says why in a toast) if the quiz cannot be made.
 */
gboolean
derm_window_start_quiz (DermWindow            *self,
                        const DermQuizOptions *options,
                        gboolean               class_mode,
                        guint                  timer_seconds)
{
  g_autoptr (DermQuiz) quiz = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (DERM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (self->atlas == NULL)
    return FALSE;

  quiz = derm_quiz_new (self->atlas, options, &error);
  if (quiz == NULL)
    {
      g_autofree char *title = g_strdup_printf (_("No quiz: %s"), error->message);

      show_toast (self, title);
      return FALSE;
    }

  _derm_window_end_quiz (self);
  derm_window_set_map_id (self, derm_quiz_get_map (quiz)->id);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  derm_root_list_set_selected_root (self->root_list, NULL);
  ensure_quiz_panel (self);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "quiz");
  adw_flap_set_reveal_flap (self->flap, TRUE);
  derm_quiz_panel_start (self->quiz_panel, quiz, class_mode, timer_seconds);
  if (class_mode && !self->presentation)
    {
      derm_window_set_presentation (self, TRUE);
      self->quiz_presentation = TRUE;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->map_view));

  return TRUE;
}

DermQuizPanel *
derm_window_get_quiz_panel (DermWindow *self)
{
  g_return_val_if_fail (DERM_IS_WINDOW (self), NULL);

  return ensure_quiz_panel (self);
}
