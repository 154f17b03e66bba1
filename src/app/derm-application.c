/* derm-application.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>

#include "derm-settings.h"
#include "derm-application.h"
#include "derm-bundle.h"
#include "derm-cli.h"
#include "derm-preferences-window.h"
#include "derm-window.h"

struct _DermApplication
{
  AdwApplication  parent_instance;

  DermAtlas      *atlas;
  GError         *atlas_error;
  GSettings      *settings;     /* NULL when the schema is not installed */
  GtkWindow      *preferences;  /* weak: the one preferences window */
};

G_DEFINE_FINAL_TYPE (DermApplication, derm_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_ATLAS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* callbacks */

static void
color_scheme_changed_cb (DermApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static void
load_error_response_cb (DermApplication  *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  g_application_quit (G_APPLICATION (self));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  /* a window with an unsaved chart asks first (its close-request) */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (user_data)); l != NULL; l = l->next)
    if (DERM_IS_WINDOW (l->data) && derm_window_get_chart_dirty (l->data))
      {
        gtk_window_close (l->data);
        return;
      }

  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  DermApplication *self = DERM_APPLICATION (user_data);
  static const char *developers[] = { "Dermatomes contributors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Dermatomes"),
                        "application-icon", APP_ID,
                        "version", VERSION,
                        "developer-name", _("Dermatomes contributors"),
                        "developers", developers,
                        "copyright", _("© Dermatomes contributors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Which spinal nerve root supplies this patch of skin? "
                                      "Dermatomes shows the lower limb dermatome maps, the "
                                      "key sensory points, muscles and reflexes of each root, "
                                      "with their sources.\n\n"
                                      "A teaching and reference aid, not a diagnostic device."),
                        "translator-credits", _("translator-credits"),
                        NULL);

  /* every source the atlas cites, as the books and papers the app rests on */
  if (self->atlas != NULL)
    {
      GPtrArray *sources = derm_atlas_get_sources (self->atlas);
      g_autoptr (GPtrArray) citations = g_ptr_array_new ();

      for (guint i = 0; i < sources->len; i++)
        g_ptr_array_add (citations, ((DermSource *) g_ptr_array_index (sources, i))->citation);
      g_ptr_array_add (citations, NULL);
      adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about), _("Sources"),
                                                    (const char **) citations->pdata);
    }
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Not a Diagnostic Device"),
                                      NULL, GTK_LICENSE_CUSTOM,
                                      _("Dermatomes is a teaching and reference aid. Dermatome maps "
                                        "differ between sources and between people; it does not "
                                        "diagnose, and it does not replace a clinical examination."));
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  DermApplication *self = DERM_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->settings == NULL || self->atlas == NULL)
    return;

  /* one at a time: a second Ctrl+comma brings the open one forward */
  if (self->preferences == NULL)
    {
      self->preferences = GTK_WINDOW (derm_preferences_window_new (self->atlas, self->settings));
      g_object_add_weak_pointer (G_OBJECT (self->preferences), (gpointer *) &self->preferences);
      gtk_window_set_application (self->preferences, GTK_APPLICATION (self));
      if (parent != NULL)
        gtk_window_set_transient_for (self->preferences, parent);
    }
  gtk_window_present (self->preferences);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated, NULL, NULL, NULL, { 0 } },
  { "about", about_activated, NULL, NULL, NULL, { 0 } },
  { "preferences", preferences_activated, NULL, NULL, NULL, { 0 } },
};

/* vfuncs */

static int
derm_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  g_auto (GStrv) rest = NULL;
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GError) error = NULL;
  int status = derm_cli_handle_local_options (app, options);

  if (status != -1 || !g_variant_dict_lookup (options, G_OPTION_REMAINING, "^as", &rest) ||
      rest == NULL || rest[0] == NULL)
    return status;

  /* dermatomes CHART: the arguments are the CLI's, so GApplication does
   * not see them as files; hand them to the running instance, or to this
   * one, as "open" */
  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; rest[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (rest[i]));
  g_application_open (app, (GFile **) files->pdata, (int) files->len, "");

  return g_application_get_is_remote (app) ? 0 : -1;
}

static void
derm_application_startup (GApplication *app)
{
  DermApplication *self = DERM_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (derm_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  g_clear_error (&self->atlas_error);
  self->atlas = derm_cli_new_atlas (&self->atlas_error);
  if (self->atlas == NULL)
    g_warning ("Could not load the atlas: %s", self->atlas_error->message);

  /* the style before any window shows, so none flashes light first */
  g_clear_object (&self->settings);
  self->settings = derm_settings_new ();
  if (self->settings != NULL && derm_settings_has_key (self->settings, "color-scheme"))
    {
      g_signal_connect_object (self->settings, "changed::color-scheme",
                               G_CALLBACK (color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
      color_scheme_changed_cb (self);
    }
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "preferences")),
                               self->settings != NULL && self->atlas != NULL);
}

static void
derm_application_activate (GApplication *app)
{
  DermApplication *self = DERM_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->atlas == NULL)
    {
      GtkWidget *dialog;

      /* the dialog is the application's only window: quit when it closes */
      dialog = adw_message_dialog_new (NULL, _("Dermatomes Could Not Start"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("The atlas data could not be loaded: %s"),
                                      self->atlas_error != NULL ? self->atlas_error->message
                                                                : _("unknown error"));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
      gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
      g_signal_connect_object (dialog, "response",
                               G_CALLBACK (load_error_response_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  window = GTK_WINDOW (derm_window_new (GTK_APPLICATION (self), self->atlas));
  gtk_window_present (window);
  /* a chart the last run could not save (a crash, a power cut) */
  derm_window_offer_autosave (DERM_WINDOW (window));
}

static void
derm_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  DermApplication *self = DERM_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* not activate: that would offer an autosave over the chart asked for */
  if (!DERM_IS_WINDOW (window) && self->atlas != NULL)
    window = GTK_WINDOW (derm_window_new (GTK_APPLICATION (self), self->atlas));
  if (!DERM_IS_WINDOW (window))
    {
      g_application_activate (app);  /* says why it cannot start */
      return;
    }
  gtk_window_present (window);

  /* one chart a window at a time: the last one given */
  for (int i = n_files - 1; i >= 0; i--)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        {
          derm_window_open_chart (DERM_WINDOW (window), path);
          break;
        }
    }
}

static void
derm_application_dispose (GObject *object)
{
  DermApplication *self = DERM_APPLICATION (object);

  if (self->preferences != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->preferences), (gpointer *) &self->preferences);
      self->preferences = NULL;
    }
  g_clear_object (&self->settings);
  g_clear_object (&self->atlas);
  g_clear_error (&self->atlas_error);

  G_OBJECT_CLASS (derm_application_parent_class)->dispose (object);
}

static void
derm_application_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DermApplication *self = DERM_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_ATLAS:
      g_value_set_object (value, self->atlas);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
derm_application_class_init (DermApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = derm_application_dispose;
  object_class->get_property = derm_application_get_property;

  app_class->handle_local_options = derm_application_handle_local_options;
  app_class->startup = derm_application_startup;
  app_class->activate = derm_application_activate;
  app_class->open = derm_application_open;

  properties[PROP_ATLAS] =
    g_param_spec_object ("atlas", NULL, NULL,
                         DERM_TYPE_ATLAS,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
derm_application_init (DermApplication *self)
{
  derm_cli_add_options (G_APPLICATION (self));
}

/* public API */

DermApplication *
derm_application_new (void)
{
  return g_object_new (DERM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_PREFIX,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

DermAtlas *
derm_application_get_atlas (DermApplication *self)
{
  g_return_val_if_fail (DERM_IS_APPLICATION (self), NULL);

  return self->atlas;
}
