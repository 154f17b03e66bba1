/* derm-quiz-panel.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The side panel of a quiz: the question, its choices, the feedback with
 * the answer's explanation and source, a timer, and at the end the score
 * and a review of each mistake. The legs are the window's business: the
 * panel says what changed, and the window shows the question or answer.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "derm-accessible.h"
#include "derm-quiz-panel.h"

#define TIMER_TICK_MS 100

struct _DermQuizPanel
{
  GtkWidget       parent_instance;

  GtkWidget      *box;
  GtkLabel       *progress_label;
  GtkLabel       *score_label;
  GtkProgressBar *timer_bar;
  GtkStack       *stack;
  GtkLabel       *kind_label;
  GtkLabel       *prompt_label;
  GtkLabel       *hint_label;
  GtkWidget      *choices_box;
  GtkWidget      *reveal_button;
  GtkWidget      *feedback_box;
  GtkImage       *result_icon;
  GtkLabel       *result_label;
  GtkLabel       *answer_label;
  GtkLabel       *explanation_label;
  GtkLabel       *source_label;
  GtkButton      *next_button;
  GtkLabel       *results_title;
  GtkLabel       *results_subtitle;
  GtkLabel       *review_heading;
  GtkListBox     *review_list;

  DermQuiz       *quiz;
  gboolean        class_mode;
  guint           timer_seconds;
  guint           index;
  DermQuizPhase   phase;

  guint           timer_id;
  gint64          timer_start;
};

G_DEFINE_FINAL_TYPE (DermQuizPanel, derm_quiz_panel, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  STOP,
  RESTART,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* helpers */

static gboolean
is_click_kind (const DermQuizQuestion *question)
{
  return question->choices == NULL || question->choices->len == 0;
}

static void
stop_timer (DermQuizPanel *self)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->timer_bar), FALSE);
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* "Sources: Rupp R et al. …; Hoppenfeld S. …" */
static char *
dup_sources_text (DermQuizPanel          *self,
                  const DermQuizQuestion *question)
{
  DermAtlas *atlas = derm_quiz_get_atlas (self->quiz);
  g_autoptr (GString) text = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; question->sources != NULL && question->sources[i] != NULL; i++)
    {
      const DermSource *source = derm_atlas_get_source (atlas, question->sources[i]);

      /* one citation a line: citations have their own semicolons */
      if (n++ > 0)
        g_string_append (text, "\n");
      g_string_append (text, source != NULL ? source->citation : question->sources[i]);
    }

  if (n == 0)
    return NULL;

  /* Translators: the sources of a quiz answer, one citation a line after
   * the first: "Source: Rupp R et al. …" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Source: %s", "Sources: %s", n), text->str);
}

static void
emit_changed (DermQuizPanel *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
update_score (DermQuizPanel *self)
{
  g_autofree char *text = NULL;
  guint right, answered;

  gtk_widget_set_visible (GTK_WIDGET (self->score_label), !self->class_mode);
  if (self->class_mode || self->quiz == NULL)
    return;

  derm_quiz_get_score (self->quiz, &right, &answered);
  /* Translators: the running score of a quiz, "3 of 4 right" */
  text = g_strdup_printf (_("%u of %u right"), right, answered);
  gtk_label_set_label (self->score_label, text);
}

static void show_revealed (DermQuizPanel *self,
                           DermQuizResult result);

static void
choice_clicked_cb (GtkButton     *button,
                   DermQuizPanel *self)
{
  guint choice = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "choice"));

  derm_quiz_panel_answer_choice (self, choice);
}

static GtkWidget *
create_choice_button (DermQuizPanel        *self,
                      const DermQuizChoice *choice,
                      guint                 index)
{
  GtkWidget *button, *box, *number, *label;
  g_autofree char *number_text = g_strdup_printf ("%u", index + 1);
  g_autofree char *accessible = NULL;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  number = gtk_label_new (number_text);
  gtk_widget_add_css_class (number, "quiz-choice-key");
  gtk_box_append (GTK_BOX (box), number);
  label = gtk_label_new (choice->label);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "quiz-choice");
  g_object_set_data (G_OBJECT (button), "choice", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (choice_clicked_cb), self);

  /* Translators: accessible name of a quiz answer button, "1: L4" */
  accessible = g_strdup_printf (_("%u: %s"), index + 1, choice->label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_widget_set_tooltip_text (button, _("Or press its number"));

  return button;
}

static gboolean
timer_tick_cb (gpointer user_data)
{
  DermQuizPanel *self = user_data;
  double elapsed = (g_get_monotonic_time () - self->timer_start) / (double) G_USEC_PER_SEC;
  double left = self->timer_seconds - elapsed;
  g_autofree char *text = NULL;

  if (left <= 0)
    {
      self->timer_id = 0;
      show_revealed (self, derm_quiz_answer_timeout (self->quiz, self->index));
      return G_SOURCE_REMOVE;
    }

  gtk_progress_bar_set_fraction (self->timer_bar, left / self->timer_seconds);
  /* Translators: seconds left to answer, "12 s" */
  text = g_strdup_printf (_("%.0f s"), ceil (left));
  gtk_progress_bar_set_text (self->timer_bar, text);

  return G_SOURCE_CONTINUE;
}

static void
start_timer (DermQuizPanel *self)
{
  stop_timer (self);
  if (self->timer_seconds == 0 || self->class_mode)
    return;

  self->timer_start = g_get_monotonic_time ();
  gtk_progress_bar_set_fraction (self->timer_bar, 1.0);
  gtk_progress_bar_set_show_text (self->timer_bar, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->timer_bar), TRUE);
  self->timer_id = g_timeout_add (TIMER_TICK_MS, timer_tick_cb, self);
  timer_tick_cb (self);
}

static void
show_question (DermQuizPanel *self)
{
  const DermQuizQuestion *question = derm_quiz_get_question (self->quiz, self->index);
  g_autofree char *progress = NULL;

  self->phase = DERM_QUIZ_PHASE_ASKING;
  gtk_stack_set_visible_child_name (self->stack, "question");

  /* Translators: "Question 3 of 10" */
  progress = g_strdup_printf (_("Question %u of %u"), self->index + 1,
                              derm_quiz_get_n_questions (self->quiz));
  gtk_label_set_label (self->progress_label, progress);
  update_score (self);

  gtk_label_set_label (self->kind_label, derm_quiz_kind_get_title (question->kind));
  gtk_label_set_label (self->prompt_label, question->prompt);

  clear_box (self->choices_box);
  if (is_click_kind (question))
    {
      gtk_label_set_label (self->hint_label,
                           question->kind == DERM_QUIZ_KEY_POINT ?
                           _("Click the point on either leg.") :
                           _("Click it on either leg, in either view."));
      gtk_widget_set_visible (self->choices_box, FALSE);
    }
  else
    {
      gtk_label_set_label (self->hint_label, _("Choose an answer, or press its number."));
      for (guint i = 0; i < question->choices->len; i++)
        gtk_box_append (GTK_BOX (self->choices_box),
                        create_choice_button (self, g_ptr_array_index (question->choices, i), i));
      gtk_widget_set_visible (self->choices_box, TRUE);
    }

  gtk_widget_set_visible (self->reveal_button, self->class_mode);
  gtk_widget_set_visible (self->feedback_box, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), FALSE);

  start_timer (self);
  emit_changed (self);
}

static void
mark_choices (DermQuizPanel          *self,
              const DermQuizQuestion *question)
{
  const char *given = derm_quiz_get_given (self->quiz, self->index);
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (self->choices_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      const DermQuizChoice *choice = g_ptr_array_index (question->choices, i);

      gtk_widget_set_sensitive (child, FALSE);
      if (i == question->correct_choice)
        gtk_widget_add_css_class (child, "right");
      else if (given != NULL && g_strcmp0 (given, choice->label) == 0)
        gtk_widget_add_css_class (child, "wrong");
    }
}

static void
show_revealed (DermQuizPanel  *self,
               DermQuizResult  result)
{
  const DermQuizQuestion *question = derm_quiz_get_question (self->quiz, self->index);
  const char *given = derm_quiz_get_given (self->quiz, self->index);
  g_autofree char *answer = NULL;
  g_autofree char *sources = NULL;
  gboolean last = self->index + 1 >= derm_quiz_get_n_questions (self->quiz);

  stop_timer (self);
  self->phase = DERM_QUIZ_PHASE_REVEALED;

  gtk_widget_remove_css_class (self->feedback_box, "right");
  gtk_widget_remove_css_class (self->feedback_box, "wrong");
  switch (result)
    {
    case DERM_QUIZ_RIGHT:
      gtk_image_set_from_icon_name (self->result_icon, "emblem-ok-symbolic");
      /* Translators: the verdict on a quiz answer, not the side */
      gtk_label_set_label (self->result_label, C_("quiz result", "Right"));
      gtk_widget_add_css_class (self->feedback_box, "right");
      break;
    case DERM_QUIZ_WRONG:
      gtk_image_set_from_icon_name (self->result_icon, "dialog-error-symbolic");
      gtk_label_set_label (self->result_label, _("Not quite"));
      gtk_widget_add_css_class (self->feedback_box, "wrong");
      break;
    case DERM_QUIZ_TIMED_OUT:
      gtk_image_set_from_icon_name (self->result_icon, "alarm-symbolic");
      gtk_label_set_label (self->result_label, _("Time is up"));
      gtk_widget_add_css_class (self->feedback_box, "wrong");
      break;
    case DERM_QUIZ_UNANSWERED:
    default:
      gtk_image_set_from_icon_name (self->result_icon, "dialog-information-symbolic");
      gtk_label_set_label (self->result_label, _("Answer"));
      break;
    }

  if (result == DERM_QUIZ_WRONG && given != NULL)
    /* Translators: after a wrong answer, "Answer: L5 (you gave: L4)" */
    answer = g_strdup_printf (_("Answer: %s (you gave: %s)"), question->answer, given);
  else
    /* Translators: the right answer of a quiz question, "Answer: L5" */
    answer = g_strdup_printf (_("Answer: %s"), question->answer);
  gtk_label_set_label (self->answer_label, answer);
  gtk_label_set_label (self->explanation_label, question->explanation);
  sources = dup_sources_text (self, question);
  gtk_label_set_label (self->source_label, sources != NULL ? sources : "");
  gtk_widget_set_visible (GTK_WIDGET (self->source_label), sources != NULL);

  if (!is_click_kind (question))
    mark_choices (self, question);

  gtk_widget_set_visible (self->reveal_button, FALSE);
  gtk_widget_set_visible (self->feedback_box, TRUE);
  gtk_button_set_label (self->next_button,
                        !last ? _("_Next Question") :
                        self->class_mode ? _("_Finish") : _("See _Results"));
  derm_accessible_fix_mnemonic_names (GTK_WIDGET (self->next_button));
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), TRUE);
  update_score (self);

  /* Enter goes on; a screen reader reads the result */
  gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->feedback_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_label (self->result_label),
                                  -1);

  emit_changed (self);
}

static GtkWidget *
create_review_row (DermQuizPanel          *self,
                   const DermQuizQuestion *question,
                   guint                   index)
{
  GtkWidget *row, *box, *label;
  const char *given = derm_quiz_get_given (self->quiz, index);
  DermQuizResult result = derm_quiz_get_result (self->quiz, index);
  g_autofree char *title = g_strdup_printf ("%u. %s", question->number, question->prompt);
  g_autofree char *answers = NULL;
  g_autofree char *sources = dup_sources_text (self, question);

  if (self->class_mode || given == NULL)
    answers = g_strdup_printf (_("Answer: %s"), question->answer);
  else if (result == DERM_QUIZ_TIMED_OUT)
    /* Translators: in the review of a quiz, "No answer in time · Right: L5" */
    answers = g_strdup_printf (_("No answer in time · Right: %s"), question->answer);
  else
    /* Translators: in the review of a quiz, "You: L4 · Right: L5" */
    answers = g_strdup_printf (_("You: %s · Right: %s"), given, question->answer);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (answers);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (question->explanation);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);

  if (sources != NULL)
    {
      label = gtk_label_new (sources);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static void
show_results (DermQuizPanel *self)
{
  guint n = derm_quiz_get_n_questions (self->quiz);
  guint right, answered, mistakes = 0;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  stop_timer (self);
  self->phase = DERM_QUIZ_PHASE_FINISHED;
  gtk_label_set_label (self->progress_label, _("Quiz Finished"));
  update_score (self);
  clear_list (self->review_list);

  derm_quiz_get_score (self->quiz, &right, &answered);
  if (self->class_mode)
    {
      title = g_strdup (_("End of the Quiz"));
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u question, with its answer below",
                                               "%u questions, with their answers below", n), n);
      gtk_label_set_label (self->review_heading, _("Answers"));
      for (guint i = 0; i < n; i++)
        gtk_list_box_append (self->review_list,
                             create_review_row (self, derm_quiz_get_question (self->quiz, i), i));
    }
  else
    {
      /* Translators: the final score, "7 of 10 right" */
      title = g_strdup_printf (_("%u of %u right"), right, n);
      subtitle = g_strdup_printf (_("%.0f%%"), n > 0 ? 100.0 * right / n : 0.0);
      for (guint i = 0; i < n; i++)
        {
          if (derm_quiz_get_result (self->quiz, i) == DERM_QUIZ_RIGHT)
            continue;
          gtk_list_box_append (self->review_list,
                               create_review_row (self, derm_quiz_get_question (self->quiz, i), i));
          mistakes++;
        }
      gtk_label_set_label (self->review_heading,
                           mistakes > 0 ? _("Review of Your Mistakes") : _("No mistakes: well done."));
    }

  gtk_label_set_label (self->results_title, title);
  gtk_label_set_label (self->results_subtitle, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->review_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->review_list)) != NULL);
  gtk_stack_set_visible_child_name (self->stack, "results");

  emit_changed (self);
}

/* callbacks */

static void
stop_clicked_cb (DermQuizPanel *self,
                 GtkButton     *button)
{
  g_signal_emit (self, signals[STOP], 0);
}

static void
restart_clicked_cb (DermQuizPanel *self,
                    GtkButton     *button)
{
  g_signal_emit (self, signals[RESTART], 0);
}

static void
reveal_clicked_cb (DermQuizPanel *self,
                   GtkButton     *button)
{
  derm_quiz_panel_next (self);
}

static void
next_clicked_cb (DermQuizPanel *self,
                 GtkButton     *button)
{
  derm_quiz_panel_next (self);
}

/* vfuncs */

static void
derm_quiz_panel_dispose (GObject *object)
{
  DermQuizPanel *self = DERM_QUIZ_PANEL (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DERM_TYPE_QUIZ_PANEL);
  g_clear_object (&self->quiz);

  G_OBJECT_CLASS (derm_quiz_panel_parent_class)->dispose (object);
}

static void
derm_quiz_panel_class_init (DermQuizPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = derm_quiz_panel_dispose;

  /**
   * DermQuizPanel::changed:
   *
   * The question, or its phase, changed: the legs should show it.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /**
   * DermQuizPanel::stop:
   *
   * The user ends the quiz.
   */
  signals[STOP] =
    g_signal_new ("stop",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /**
   * DermQuizPanel::restart:
   *
   * The user asks for a new quiz.
   */
  signals[RESTART] =
    g_signal_new ("restart",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/derm-quiz-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DermQuizPanel, box);
  gtk_widget_class_bind_template_child (widget_class, DermQuizPanel, progress_label);
  gtk_widget_class_bind_template_child (widget_class, DermQuizPanel, score_label);
  gtk_widget_class_bind_template_child (widget_class, DermQuizPanel, timer_bar);
  gtk_widget_class_bind_template_child (widget_class, DermQuizPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, DermQuizPanel, kind_label);
  gtk_widget_class_bind_template_child (widget_class, DermQuizPanel, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, DermQuizPanel, hint_label);
  gtk_widget_class_bind_template_child (widget_class, DermQuizPanel, choices_box);
  gtk_widget_class_bind_template_child (widget_class, DermQuizPanel, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, DermQuizPanel, feedback_box);
  gtk_widget_class_bind_template_child (widget_class, DermQuizPanel, result_icon);
  gtk_widget_class_bind_template_child (widget_class, DermQuizPanel, result_label);
  gtk_widget_class_bind_template_child (widget_class, DermQuizPanel, answer_label);
  gtk_widget_class_bind_template_child (widget_class, DermQuizPanel, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, DermQuizPanel, source_label);
  gtk_widget_class_bind_template_child (widget_class, DermQuizPanel, next_button);
  gtk_widget_class_bind_template_child (widget_class, DermQuizPanel, results_title);
  gtk_widget_class_bind_template_child (widget_class, DermQuizPanel, results_subtitle);
  gtk_widget_class_bind_template_child (widget_class, DermQuizPanel, review_heading);
  gtk_widget_class_bind_template_child (widget_class, DermQuizPanel, review_list);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, restart_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reveal_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "quizpanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
derm_quiz_panel_init (DermQuizPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  derm_accessible_fix_mnemonic_names (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Quiz"),
                                  -1);
}

/* public API */

GtkWidget *
derm_quiz_panel_new (void)
{
  return g_object_new (DERM_TYPE_QUIZ_PANEL, NULL);
}

void
derm_quiz_panel_start (DermQuizPanel *self,
                       DermQuiz      *quiz,
                       gboolean       class_mode,
                       guint          timer_seconds)
{
  g_return_if_fail (DERM_IS_QUIZ_PANEL (self));
  g_return_if_fail (DERM_IS_QUIZ (quiz));
  g_return_if_fail (derm_quiz_get_n_questions (quiz) > 0);

  g_set_object (&self->quiz, quiz);
  self->class_mode = !!class_mode;
  self->timer_seconds = timer_seconds;
  self->index = 0;

  show_question (self);
}

void
derm_quiz_panel_clear (DermQuizPanel *self)
{
  g_return_if_fail (DERM_IS_QUIZ_PANEL (self));

  stop_timer (self);
  g_clear_object (&self->quiz);
  self->phase = DERM_QUIZ_PHASE_NONE;
  self->index = 0;
  clear_box (self->choices_box);
  clear_list (self->review_list);
}

DermQuiz *
derm_quiz_panel_get_quiz (DermQuizPanel *self)
{
  g_return_val_if_fail (DERM_IS_QUIZ_PANEL (self), NULL);

  return self->quiz;
}

gboolean
derm_quiz_panel_get_class_mode (DermQuizPanel *self)
{
  g_return_val_if_fail (DERM_IS_QUIZ_PANEL (self), FALSE);

  return self->class_mode;
}

DermQuizPhase
derm_quiz_panel_get_phase (DermQuizPanel *self)
{
  g_return_val_if_fail (DERM_IS_QUIZ_PANEL (self), DERM_QUIZ_PHASE_NONE);

  return self->phase;
}

guint
derm_quiz_panel_get_index (DermQuizPanel *self)
{
  g_return_val_if_fail (DERM_IS_QUIZ_PANEL (self), 0);

  return self->index;
}

const DermQuizQuestion *
derm_quiz_panel_get_question (DermQuizPanel *self)
{
  g_return_val_if_fail (DERM_IS_QUIZ_PANEL (self), NULL);

  if (self->quiz == NULL ||
      (self->phase != DERM_QUIZ_PHASE_ASKING && self->phase != DERM_QUIZ_PHASE_REVEALED))
    return NULL;

  return derm_quiz_get_question (self->quiz, self->index);
}

gboolean
derm_quiz_panel_answer_point (DermQuizPanel *self,
                              DermView       view,
                              double         x,
                              double         y)
{
  const DermQuizQuestion *question;

  g_return_val_if_fail (DERM_IS_QUIZ_PANEL (self), FALSE);

  question = derm_quiz_panel_get_question (self);
  if (question == NULL || self->phase != DERM_QUIZ_PHASE_ASKING || !is_click_kind (question))
    return FALSE;

  show_revealed (self, derm_quiz_answer_point (self->quiz, self->index, view, x, y));

  return TRUE;
}

gboolean
derm_quiz_panel_answer_choice (DermQuizPanel *self,
                               guint          choice)
{
  const DermQuizQuestion *question;

  g_return_val_if_fail (DERM_IS_QUIZ_PANEL (self), FALSE);

  question = derm_quiz_panel_get_question (self);
  if (question == NULL || self->phase != DERM_QUIZ_PHASE_ASKING ||
      is_click_kind (question) || choice >= question->choices->len)
    return FALSE;

  show_revealed (self, derm_quiz_answer_choice (self->quiz, self->index, choice));

  return TRUE;
}

gboolean
derm_quiz_panel_next (DermQuizPanel *self)
{
  g_return_val_if_fail (DERM_IS_QUIZ_PANEL (self), FALSE);

  if (self->quiz == NULL)
    return FALSE;

  switch (self->phase)
    {
    case DERM_QUIZ_PHASE_ASKING:
      if (!self->class_mode)
        return FALSE;
      show_revealed (self, derm_quiz_get_result (self->quiz, self->index));
      return TRUE;
    case DERM_QUIZ_PHASE_REVEALED:
      if (self->index + 1 < derm_quiz_get_n_questions (self->quiz))
        {
          self->index++;
          show_question (self);
        }
      else
        show_results (self);
      return TRUE;
    case DERM_QUIZ_PHASE_NONE:
    case DERM_QUIZ_PHASE_FINISHED:
    default:
      return FALSE;
    }
}

gboolean
derm_quiz_panel_previous (DermQuizPanel *self)
{
  g_return_val_if_fail (DERM_IS_QUIZ_PANEL (self), FALSE);

  if (self->quiz == NULL || !self->class_mode)
    return FALSE;

  if (self->phase == DERM_QUIZ_PHASE_FINISHED)
    self->index = derm_quiz_get_n_questions (self->quiz) - 1;
  else if (self->index == 0)
    return FALSE;
  else
    self->index--;

  show_question (self);
  show_revealed (self, derm_quiz_get_result (self->quiz, self->index));

  return TRUE;
}

const char *
derm_quiz_panel_get_prompt_text (DermQuizPanel *self)
{
  g_return_val_if_fail (DERM_IS_QUIZ_PANEL (self), NULL);

  return gtk_label_get_label (self->prompt_label);
}

const char *
derm_quiz_panel_get_result_text (DermQuizPanel *self)
{
  g_return_val_if_fail (DERM_IS_QUIZ_PANEL (self), NULL);

  if (self->phase == DERM_QUIZ_PHASE_FINISHED)
    return gtk_label_get_label (self->results_title);
  if (!gtk_widget_get_visible (self->feedback_box))
    return NULL;

  return gtk_label_get_label (self->result_label);
}

const char *
derm_quiz_panel_get_score_text (DermQuizPanel *self)
{
  g_return_val_if_fail (DERM_IS_QUIZ_PANEL (self), NULL);

  return gtk_label_get_label (self->score_label);
}

guint
derm_quiz_panel_get_n_review_rows (DermQuizPanel *self)
{
  guint n = 0;

  g_return_val_if_fail (DERM_IS_QUIZ_PANEL (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->review_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}
