/* derm-quiz-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>

#include "derm-accessible.h"
#include "derm-quiz-dialog.h"

struct _DermQuizDialog
{
  AdwWindow       parent_instance;

  GtkWidget      *start_button;
  GtkCheckButton *practice_check;
  GtkCheckButton *class_check;
  AdwPreferencesGroup *kinds_group;
  AdwComboRow    *map_row;
  GtkSpinButton  *count_spin;
  AdwExpanderRow *timer_row;
  GtkSpinButton  *timer_spin;

  GtkCheckButton *kind_checks[DERM_QUIZ_N_KINDS];
  DermAtlas      *atlas;
};

G_DEFINE_FINAL_TYPE (DermQuizDialog, derm_quiz_dialog, ADW_TYPE_WINDOW)

enum {
  START,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What each kind asks, under its name. */
static const char *
kind_description (DermQuizKind kind)
{
  switch (kind)
    {
    case DERM_QUIZ_FIND_ROOT:
      return _("Click the dermatome of a root on the legs");
    case DERM_QUIZ_NAME_ROOT:
      return _("Name the root that supplies a highlighted area");
    case DERM_QUIZ_KEY_POINT:
      return _("Click the ISNCSCI key sensory point of a root");
    case DERM_QUIZ_MOTOR:
      return _("Which root a key muscle tests");
    case DERM_QUIZ_REFLEX:
      return _("Which root a reflex tests");
    case DERM_QUIZ_ROOT_OR_NERVE:
      return _("A short case: a root, or which peripheral nerve?");
    case DERM_QUIZ_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
update_start (DermQuizDialog *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < DERM_QUIZ_N_KINDS; i++)
    any |= gtk_check_button_get_active (self->kind_checks[i]);

  gtk_widget_set_sensitive (self->start_button, any);
}

/* callbacks */

static void
kind_toggled_cb (DermQuizDialog *self)
{
  update_start (self);
}

static void
start_clicked_cb (DermQuizDialog *self,
                  GtkButton      *button)
{
  g_signal_emit (self, signals[START], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* vfuncs */

static void
derm_quiz_dialog_dispose (GObject *object)
{
  DermQuizDialog *self = DERM_QUIZ_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DERM_TYPE_QUIZ_DIALOG);
  g_clear_object (&self->atlas);

  G_OBJECT_CLASS (derm_quiz_dialog_parent_class)->dispose (object);
}

static void
derm_quiz_dialog_class_init (DermQuizDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = derm_quiz_dialog_dispose;

  /**
   * DermQuizDialog::start:
   *
   * Start was pressed; read the choices with the getters.
   */
  signals[START] =
    g_signal_new ("start",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/derm-quiz-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DermQuizDialog, start_button);
  gtk_widget_class_bind_template_child (widget_class, DermQuizDialog, practice_check);
  gtk_widget_class_bind_template_child (widget_class, DermQuizDialog, class_check);
  gtk_widget_class_bind_template_child (widget_class, DermQuizDialog, kinds_group);
  gtk_widget_class_bind_template_child (widget_class, DermQuizDialog, map_row);
  gtk_widget_class_bind_template_child (widget_class, DermQuizDialog, count_spin);
  gtk_widget_class_bind_template_child (widget_class, DermQuizDialog, timer_row);
  gtk_widget_class_bind_template_child (widget_class, DermQuizDialog, timer_spin);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
derm_quiz_dialog_init (DermQuizDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < DERM_QUIZ_N_KINDS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), derm_quiz_kind_get_title (i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind_description (i));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (kind_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->kinds_group, row);
      self->kind_checks[i] = GTK_CHECK_BUTTON (check);
    }
  update_start (self);

  derm_accessible_fix_mnemonic_names (GTK_WIDGET (self));
  derm_accessible_name_switches (GTK_WIDGET (self->timer_row), _("Timer"));
}

/* public API */

DermQuizDialog *
derm_quiz_dialog_new (GtkWindow  *parent,
                      DermAtlas  *atlas,
                      const char *map_id)
{
  DermQuizDialog *self;
  GPtrArray *maps;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_return_val_if_fail (DERM_IS_ATLAS (atlas), NULL);

  self = g_object_new (DERM_TYPE_QUIZ_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->atlas = g_object_ref (atlas);

  maps = derm_atlas_get_maps (atlas);
  for (guint i = 0; i < maps->len; i++)
    {
      const DermMap *map = g_ptr_array_index (maps, i);

      gtk_string_list_append (names, map->name);
      if (g_strcmp0 (map->id, map_id) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->map_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->map_row, selected);

  return self;
}

void
derm_quiz_dialog_get_options (DermQuizDialog  *self,
                              DermQuizOptions *options)
{
  GPtrArray *maps;
  guint selected;

  g_return_if_fail (DERM_IS_QUIZ_DIALOG (self));
  g_return_if_fail (options != NULL);

  options->kinds = 0;
  for (guint i = 0; i < DERM_QUIZ_N_KINDS; i++)
    if (gtk_check_button_get_active (self->kind_checks[i]))
      options->kinds |= 1u << i;
  options->count = (guint) gtk_spin_button_get_value_as_int (self->count_spin);

  maps = derm_atlas_get_maps (self->atlas);
  selected = adw_combo_row_get_selected (self->map_row);
  options->map_id = selected < maps->len ? ((const DermMap *) g_ptr_array_index (maps, selected))->id
                                         : NULL;
}

gboolean
derm_quiz_dialog_get_class_mode (DermQuizDialog *self)
{
  g_return_val_if_fail (DERM_IS_QUIZ_DIALOG (self), FALSE);

  return gtk_check_button_get_active (self->class_check);
}

void
derm_quiz_dialog_set_class_mode (DermQuizDialog *self,
                                 gboolean        class_mode)
{
  g_return_if_fail (DERM_IS_QUIZ_DIALOG (self));

  gtk_check_button_set_active (class_mode ? self->class_check : self->practice_check, TRUE);
}

guint
derm_quiz_dialog_get_timer_seconds (DermQuizDialog *self)
{
  g_return_val_if_fail (DERM_IS_QUIZ_DIALOG (self), 0);

  if (!adw_expander_row_get_enable_expansion (self->timer_row) ||
      gtk_check_button_get_active (self->class_check))
    return 0;

  return (guint) gtk_spin_button_get_value_as_int (self->timer_spin);
}
