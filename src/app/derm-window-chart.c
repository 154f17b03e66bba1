/* derm-window-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chart mode: a new or opened chart shown on the map and in the chart
 * panel, saved and opened as *.dermchart, undo and redo as snapshots of the
 * chart's JSON, an autosave after every change that the next start offers
 * back, and a question before unsaved changes are lost.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "derm-window-private.h"

#define AUTOSAVE_DELAY_MS 800
#define MAX_UNDO          200

/* what to do once unsaved changes are saved or discarded */
typedef enum {
  PENDING_NONE,
  PENDING_NEW,
  PENDING_OPEN,
  PENDING_OPEN_FILE,
  PENDING_CLOSE_CHART,
  PENDING_CLOSE_WINDOW,
} Pending;

static void save_as (DermWindow *self);

static char *
autosave_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "dermatomes", "autosave.dermchart", NULL);
}

static char *
autosave_origin_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "dermatomes", "autosave.path", NULL);
}

static void
remove_autosave (DermWindow *self)
{
  g_autofree char *path = autosave_path ();
  g_autofree char *origin = autosave_origin_path ();

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (g_unlink (path) != 0 && errno != ENOENT)
    g_debug ("Could not remove %s: %s", path, g_strerror (errno));
  g_unlink (origin);
}

static void
show_error (DermWindow *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
chart_name (DermWindow *self,
            char      **owned)
{
  const char *title = self->chart != NULL ? derm_chart_get_title (self->chart) : NULL;

  if (title != NULL && title[0] != '\0')
    return title;
  if (self->chart_path != NULL)
    return *owned = g_path_get_basename (self->chart_path);
  return _("Untitled Chart");
}

static void
update_title (DermWindow *self)
{
  g_autofree char *owned = NULL;
  g_autofree char *title = NULL;
  g_autofree char *panel_title = NULL;
  const char *name;

  if (self->chart == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Dermatomes"));
      return;
    }

  name = chart_name (self, &owned);
  /* Translators: the window title in chart mode, "• Left foot drop – Dermatomes";
   * the dot marks unsaved changes */
  title = g_strdup_printf (self->chart_dirty ? _("• %s – Dermatomes") : _("%s – Dermatomes"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  /* the panel edits the title: its heading names the file */
  g_clear_pointer (&owned, g_free);
  name = self->chart_path != NULL ? (owned = g_path_get_basename (self->chart_path)) : _("New chart");
  /* Translators: the chart panel's heading; the dot marks unsaved changes */
  panel_title = self->chart_dirty ? g_strdup_printf (_("• %s (unsaved)"), name) : g_strdup (name);
  derm_chart_panel_set_title (self->chart_panel, panel_title);
}

static void
update_actions (DermWindow *self)
{
  gboolean chart = self->chart != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-chart", chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-chart-as", chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-chart", chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.finding", chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", chart && self->undo_stack->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", chart && self->redo_stack->len > 0);
}

static gboolean
autosave_cb (gpointer user_data)
{
  DermWindow *self = user_data;
  g_autofree char *path = autosave_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *origin = autosave_origin_path ();
  g_autoptr (GError) error = NULL;

  self->autosave_id = 0;
  if (self->chart == NULL || !self->chart_dirty)
    return G_SOURCE_REMOVE;

  if (g_mkdir_with_parents (dir, 0700) != 0 || !derm_chart_save (self->chart, path, &error))
    {
      g_warning ("Could not autosave the chart to %s: %s", path,
                 error != NULL ? error->message : g_strerror (errno));
      return G_SOURCE_REMOVE;
    }
  /* where the chart came from, so a restored chart saves back there */
  if (self->chart_path != NULL)
    g_file_set_contents_full (origin, self->chart_path, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
  else
    g_unlink (origin);

  return G_SOURCE_REMOVE;
}

/* After every edit: a snapshot for undo, the unsaved mark, an autosave. */
static void
record_change (DermWindow *self)
{
  g_autofree char *data = derm_chart_to_data (self->chart, NULL);

  if (g_strcmp0 (data, self->chart_snapshot) == 0)
    return;

  /* a drag across regions is one step: the state before it */
  guint stroke = derm_map_view_get_marking (self->map_view);

  if (self->chart_snapshot != NULL && (stroke == 0 || stroke != self->chart_stroke))
    {
      g_ptr_array_add (self->undo_stack, g_steal_pointer (&self->chart_snapshot));
      if (self->undo_stack->len > MAX_UNDO)
        g_ptr_array_remove_index (self->undo_stack, 0);
    }
  self->chart_stroke = stroke;
  g_ptr_array_set_size (self->redo_stack, 0);
  g_free (self->chart_snapshot);
  self->chart_snapshot = g_steal_pointer (&data);

  self->chart_dirty = TRUE;
  update_title (self);
  update_actions (self);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add (AUTOSAVE_DELAY_MS, autosave_cb, self);
}

static void
chart_changed_cb (DermWindow *self,
                  DermChart  *chart)
{
  record_change (self);
}

static const char *
chart_map_id (DermWindow *self)
{
  const char *map = derm_chart_get_map (self->chart);
  const DermMap *fallback;

  if (map != NULL)
    return map;
  fallback = derm_atlas_get_default_map (self->atlas);
  return fallback != NULL ? fallback->id : NULL;
}

/* Put a chart in place of the one shown, keeping the undo history. */
static void
replace_chart (DermWindow *self,
               DermChart  *chart)
{
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_func (self->chart, chart_changed_cb, self);
  g_set_object (&self->chart, chart);
  if (chart == NULL)
    {
      derm_map_view_set_chart (self->map_view, NULL);
      derm_chart_panel_set_chart (self->chart_panel, NULL);
      return;
    }

  g_signal_connect_swapped (chart, "changed", G_CALLBACK (chart_changed_cb), self);
  /* the panel's form (some hundred controls) is built when a chart first
   * shows, not with every window: start-up stays as fast */
  derm_chart_panel_set_atlas (self->chart_panel, self->atlas);
  /* the chart's map is shown, ranked on, and follows the map switcher */
  derm_window_set_map_id (self, chart_map_id (self));
  derm_chart_panel_set_map_id (self->chart_panel, _derm_window_map_id (self));
  derm_map_view_set_chart (self->map_view, chart);
  derm_chart_panel_set_chart (self->chart_panel, chart);
}

/* Chart mode with this chart, a new history. */
static void
set_chart (DermWindow *self,
           DermChart  *chart,
           const char *path,
           gboolean    dirty)
{
  gboolean entering = self->chart == NULL && chart != NULL;

  if (self->chart == NULL && chart != NULL && _derm_window_quiz_active (self))
    _derm_window_end_quiz (self);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  replace_chart (self, chart);
  g_free (self->chart_path);
  self->chart_path = g_strdup (path);
  self->chart_dirty = dirty;
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  g_clear_pointer (&self->chart_snapshot, g_free);
  if (chart != NULL)
    self->chart_snapshot = derm_chart_to_data (chart, NULL);

  if (chart != NULL)
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      /* typed digits pick findings, not a search */
      gtk_search_bar_set_key_capture_widget (self->search_bar, NULL);
      gtk_widget_set_sensitive (self->search_button, FALSE);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "chart");
      adw_flap_set_reveal_flap (self->flap, TRUE);
      if (entering)
        gtk_widget_grab_focus (GTK_WIDGET (self->map_view));
    }
  else
    {
      gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
      gtk_widget_set_sensitive (self->search_button, TRUE);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "browse");
    }

  update_title (self);
  update_actions (self);
}

static void
add_recent (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) "application/x-dermatomes-chart",
    .app_name = (char *) "Dermatomes",
    .app_exec = (char *) "dermatomes %f",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
start_new_chart (DermWindow *self)
{
  g_autoptr (DermChart) chart = derm_chart_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *examined = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  derm_chart_set_examined (chart, examined);
  derm_chart_set_map (chart, _derm_window_map_id (self));
  remove_autosave (self);
  set_chart (self, chart, NULL, FALSE);
}

static gboolean
open_path (DermWindow *self,
           const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DermChart) chart = derm_chart_new_from_file (path, self->atlas, &error);

  if (chart == NULL)
    {
      show_error (self, _("Could Not Open the Chart"), error->message);
      return FALSE;
    }

  remove_autosave (self);
  set_chart (self, chart, path, FALSE);
  add_recent (path);
  return TRUE;
}

static GtkFileFilter *
chart_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Examination charts"));
  gtk_file_filter_add_pattern (filter, "*.dermchart");
  gtk_file_filter_add_mime_type (filter, "application/x-dermatomes-chart");
  return filter;
}

static void
open_response_cb (DermWindow           *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        open_path (self, path);
    }
  g_object_unref (chooser);
}

static void
show_open_chooser (DermWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = chart_filter ();

  chooser = gtk_file_chooser_native_new (_("Open Chart"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
run_pending (DermWindow *self)
{
  Pending pending = self->chart_pending;
  g_autofree char *file = g_steal_pointer (&self->chart_pending_path);

  self->chart_pending = PENDING_NONE;
  switch (pending)
    {
    case PENDING_NEW:
      start_new_chart (self);
      break;
    case PENDING_OPEN:
      show_open_chooser (self);
      break;
    case PENDING_OPEN_FILE:
      open_path (self, file);
      break;
    case PENDING_CLOSE_CHART:
      remove_autosave (self);
      set_chart (self, NULL, NULL, FALSE);
      break;
    case PENDING_CLOSE_WINDOW:
      remove_autosave (self);
      self->chart_dirty = FALSE;
      gtk_window_close (GTK_WINDOW (self));
      break;
    case PENDING_NONE:
    default:
      break;
    }
}

static gboolean
save_to (DermWindow *self,
         const char *path)
{
  g_autoptr (GError) error = NULL;

  if (!derm_chart_save (self->chart, path, &error))
    {
      self->chart_pending = PENDING_NONE;
      show_error (self, _("Could Not Save the Chart"), error->message);
      return FALSE;
    }

  g_free (self->chart_path);
  self->chart_path = g_strdup (path);
  self->chart_dirty = FALSE;
  remove_autosave (self);
  add_recent (path);
  update_title (self);
  run_pending (self);
  return TRUE;
}

static void
save_response_cb (DermWindow           *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL && !g_str_has_suffix (path, ".dermchart"))
        {
          char *with_suffix = g_strconcat (path, ".dermchart", NULL);

          g_free (path);
          path = with_suffix;
        }
      if (path != NULL && self->chart != NULL)
        save_to (self, path);
    }
  else
    self->chart_pending = PENDING_NONE;
  g_object_unref (chooser);
}

static void
save_as (DermWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = chart_filter ();
  g_autofree char *owned = NULL;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Save Chart"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (self->chart_path != NULL)
    {
      g_autoptr (GFile) file = g_file_new_for_path (self->chart_path);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
    }
  else
    {
      /* Translators: the file name a new chart is offered to be saved as */
      name = g_strdup_printf ("%s.dermchart", _("chart"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save (DermWindow *self)
{
  if (self->chart_path != NULL)
    save_to (self, self->chart_path);
  else
    save_as (self);
}

static void
confirm_response_cb (DermWindow       *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "save"))
    save (self);
  else if (g_str_equal (response, "discard"))
    {
      self->chart_dirty = FALSE;
      run_pending (self);
    }
  else
    {
      self->chart_pending = PENDING_NONE;
      g_clear_pointer (&self->chart_pending_path, g_free);
    }
}

/* Do pending now, or once unsaved changes are saved or discarded. */
static void
confirm_then (DermWindow *self,
              Pending     pending,
              const char *path)
{
  g_autofree char *owned = NULL;
  GtkWidget *dialog;

  self->chart_pending = pending;
  g_free (self->chart_pending_path);
  self->chart_pending_path = g_strdup (path);

  if (self->chart == NULL || !self->chart_dirty)
    {
      run_pending (self);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has changes that are not saved. Unsaved changes are lost for good."),
                                  chart_name (self, &owned));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_redo (DermWindow *self,
           gboolean    redo)
{
  GPtrArray *from = redo ? self->redo_stack : self->undo_stack;
  GPtrArray *to = redo ? self->undo_stack : self->redo_stack;
  g_autoptr (GError) error = NULL;
  g_autoptr (DermChart) chart = NULL;
  g_autofree char *data = NULL;

  if (self->chart == NULL || from->len == 0)
    return;

  data = g_ptr_array_steal_index (from, from->len - 1);
  chart = derm_chart_new_from_data (data, -1, NULL, self->atlas, &error);
  if (chart == NULL)
    {
      /* our own JSON: cannot happen, but never lose the chart shown */
      g_warning ("Could not restore the chart: %s", error->message);
      return;
    }

  g_ptr_array_add (to, g_steal_pointer (&self->chart_snapshot));
  self->chart_snapshot = g_steal_pointer (&data);
  replace_chart (self, chart);
  self->chart_dirty = TRUE;
  update_title (self);
  update_actions (self);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add (AUTOSAVE_DELAY_MS, autosave_cb, self);
}

/* actions */

static void
chart_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DermWindow *self = DERM_WINDOW (widget);

  if (self->atlas == NULL)
    return;

  if (g_str_equal (action_name, "win.new-chart"))
    confirm_then (self, PENDING_NEW, NULL);
  else if (g_str_equal (action_name, "win.open-chart"))
    confirm_then (self, PENDING_OPEN, NULL);
  else if (g_str_equal (action_name, "win.close-chart"))
    confirm_then (self, PENDING_CLOSE_CHART, NULL);
  else if (self->chart == NULL)
    return;
  else if (g_str_equal (action_name, "win.save-chart"))
    save (self);
  else if (g_str_equal (action_name, "win.save-chart-as"))
    save_as (self);
  else if (g_str_equal (action_name, "win.undo"))
    undo_redo (self, FALSE);
  else if (g_str_equal (action_name, "win.redo"))
    undo_redo (self, TRUE);
}

static void
finding_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DermWindow *self = DERM_WINDOW (widget);
  int finding = g_variant_get_int32 (parameter);

  if (self->chart != NULL && finding >= -1 && finding < DERM_N_FINDINGS && finding != DERM_FINDING_NORMAL)
    derm_chart_panel_set_finding (self->chart_panel, finding);
}

/* callbacks */

static void
finding_changed_cb (DermWindow     *self,
                    GParamSpec     *pspec,
                    DermChartPanel *panel)
{
  derm_map_view_set_finding (self->map_view, derm_chart_panel_get_finding (panel));
}

static void
candidate_selected_cb (DermWindow          *self,
                       const DermCandidate *candidate,
                       DermChartPanel      *panel)
{
  g_autoptr (GPtrArray) regions = derm_chart_panel_dup_territory (panel, candidate);

  derm_map_view_set_outline (self->map_view, regions);
}

static void
chart_replaced_cb (DermWindow     *self,
                   DermChart      *chart,
                   DermChartPanel *panel)
{
  replace_chart (self, chart);
  record_change (self);
}

/* Switching the map re-ranks, and the chart records the map it is read on. */
static void
map_changed_cb (DermWindow *self,
                GParamSpec *pspec,
                gpointer    user_data)
{
  const char *map = _derm_window_map_id (self);

  if (self->chart == NULL)
    return;

  derm_chart_panel_set_map_id (self->chart_panel, map);
  if (map != NULL && g_strcmp0 (chart_map_id (self), map) != 0)
    derm_chart_set_map (self->chart, map);
}

static gboolean
close_request_cb (DermWindow *self,
                  gpointer    user_data)
{
  if (self->chart == NULL || !self->chart_dirty)
    return FALSE;

  confirm_then (self, PENDING_CLOSE_WINDOW, NULL);
  return TRUE;
}

static void
restore_response_cb (DermWindow       *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  DermChart *chart = g_object_get_data (G_OBJECT (dialog), "chart");
  const char *origin = g_object_get_data (G_OBJECT (dialog), "origin");

  if (g_str_equal (response, "restore"))
    {
      set_chart (self, chart, origin, TRUE);
      /* it stays unsaved: keep the autosave until it is saved */
      self->autosave_id = g_timeout_add (AUTOSAVE_DELAY_MS, autosave_cb, self);
    }
  else if (g_str_equal (response, "discard"))
    remove_autosave (self);
}

/* part of the window */

void
_derm_window_chart_class_init (GtkWidgetClass *widget_class)
{
  static const int keys[] = { GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5 };
  static const int keypad[] = { GDK_KEY_KP_1, GDK_KEY_KP_2, GDK_KEY_KP_3, GDK_KEY_KP_4, GDK_KEY_KP_5 };
  static const DermFinding findings[] = {
    DERM_FINDING_ABSENT, DERM_FINDING_REDUCED, DERM_FINDING_INCREASED,
    DERM_FINDING_PAIN, DERM_FINDING_PARAESTHESIA,
  };

  g_type_ensure (DERM_TYPE_CHART_PANEL);

  gtk_widget_class_install_action (widget_class, "win.new-chart", NULL, chart_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-chart", NULL);
  gtk_widget_class_install_action (widget_class, "win.open-chart", NULL, chart_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-chart", NULL);
  gtk_widget_class_install_action (widget_class, "win.save-chart", NULL, chart_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save-chart", NULL);
  gtk_widget_class_install_action (widget_class, "win.save-chart-as", NULL, chart_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-chart-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-chart-as", NULL);
  gtk_widget_class_install_action (widget_class, "win.close-chart", NULL, chart_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, chart_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, chart_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);

  /* 1-5 pick a finding, 0 the eraser */
  gtk_widget_class_install_action (widget_class, "win.finding", "i", finding_action);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, keys[i], 0, "win.finding", "i", (int) findings[i]);
      gtk_widget_class_add_binding_action (widget_class, keypad[i], 0, "win.finding", "i", (int) findings[i]);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "win.finding", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "win.finding", "i", -1);
}

void
_derm_window_chart_init (DermWindow *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (g_free);
  self->redo_stack = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect_swapped (self->chart_panel, "notify::finding", G_CALLBACK (finding_changed_cb), self);
  g_signal_connect_swapped (self->chart_panel, "candidate-selected", G_CALLBACK (candidate_selected_cb), self);
  g_signal_connect_swapped (self->chart_panel, "chart-replaced", G_CALLBACK (chart_replaced_cb), self);
  g_signal_connect (self, "notify::map-id", G_CALLBACK (map_changed_cb), NULL);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  derm_map_view_set_finding (self->map_view, derm_chart_panel_get_finding (self->chart_panel));
  update_actions (self);
}

void
_derm_window_chart_dispose (DermWindow *self)
{
  /* going without a word (the application quit): keep the changes aside */
  if (self->autosave_id != 0)
    {
      g_clear_handle_id (&self->autosave_id, g_source_remove);
      autosave_cb (self);
    }
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_func (self->chart, chart_changed_cb, self);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->chart_path, g_free);
  g_clear_pointer (&self->chart_snapshot, g_free);
  g_clear_pointer (&self->chart_pending_path, g_free);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
}

/* public API */

DermChart *
derm_window_get_chart (DermWindow *self)
{
  g_return_val_if_fail (DERM_IS_WINDOW (self), NULL);

  return self->chart;
}

DermChartPanel *
derm_window_get_chart_panel (DermWindow *self)
{
  g_return_val_if_fail (DERM_IS_WINDOW (self), NULL);

  return self->chart_panel;
}

gboolean
derm_window_get_chart_dirty (DermWindow *self)
{
  g_return_val_if_fail (DERM_IS_WINDOW (self), FALSE);

  return self->chart != NULL && self->chart_dirty;
}

const char *
derm_window_get_chart_path (DermWindow *self)
{
  g_return_val_if_fail (DERM_IS_WINDOW (self), NULL);

  return self->chart_path;
}

/**
 * derm_window_open_chart:
 * @path: a *.dermchart file
 *
 * Opens the chart in chart mode, first asking about unsaved changes.
 */
void
derm_window_open_chart (DermWindow *self,
                        const char *path)
{
  g_return_if_fail (DERM_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  confirm_then (self, PENDING_OPEN_FILE, path);
}

/**
 * derm_window_save_chart:
 * @path: (nullable): where to save, or %NULL for where it came from
 *
 * Saves without a file chooser; FALSE (with the error shown) if it fails
 * or the chart has no file yet.
 */
gboolean
derm_window_save_chart (DermWindow *self,
                        const char *path)
{
  g_return_val_if_fail (DERM_IS_WINDOW (self), FALSE);

  if (self->chart == NULL || (path == NULL && self->chart_path == NULL))
    return FALSE;
  return save_to (self, path != NULL ? path : self->chart_path);
}

/**
 * derm_window_offer_autosave:
 *
 * If the last run left an unsaved chart behind (a crash, a power cut),
 * asks whether to restore it. Returns TRUE when it asks.
 */
gboolean
derm_window_offer_autosave (DermWindow *self)
{
  g_autofree char *path = autosave_path ();
  g_autofree char *origin_path = autosave_origin_path ();
  g_autofree char *origin = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DermChart) chart = NULL;
  g_autofree char *owned = NULL;
  const char *name;
  GtkWidget *dialog;

  g_return_val_if_fail (DERM_IS_WINDOW (self), FALSE);

  if (self->atlas == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  chart = derm_chart_new_from_file (path, self->atlas, &error);
  if (chart == NULL)
    {
      g_debug ("Autosave %s cannot be read, removed: %s", path, error->message);
      remove_autosave (self);
      return FALSE;
    }
  g_file_get_contents (origin_path, &origin, NULL, NULL);

  name = derm_chart_get_title (chart);
  if (name == NULL || name[0] == '\0')
    name = origin != NULL ? (owned = g_path_get_basename (origin)) : _("Untitled Chart");

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Chart?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Dermatomes closed before the changes to “%s” were saved. "
                                    "Restore them, or discard them for good?"),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  /* closing the question keeps the file for the next start */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "chart", g_steal_pointer (&chart), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "origin", g_steal_pointer (&origin), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}
