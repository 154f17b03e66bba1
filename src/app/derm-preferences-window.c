/* derm-preferences-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>

#include "derm-settings.h"
#include "derm-preferences-window.h"

struct _DermPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *style_row;
  AdwComboRow          *palette_row;
  AdwComboRow          *label_size_row;
  AdwComboRow          *default_map_row;

  DermAtlas            *atlas;
  GSettings            *settings;
  GPtrArray            *map_ids;  /* the default map row's items: "" (last used), then map ids; NULL-terminated */
};

G_DEFINE_FINAL_TYPE (DermPreferencesWindow, derm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The values of each choice key, in the order of its combo row's items. */
static const char * const style_values[] = { "default", "light", "dark", NULL };
static const char * const palette_values[] = { "default", "colorblind", "high-contrast", NULL };
static const char * const label_size_values[] = { "small", "normal", "large", NULL };

/* helpers */

/* A string key to the position of its value in user_data (a NULL-terminated
 * array of values); one not there (a map no longer in the atlas) is the
 * first item. */
static gboolean
position_from_setting (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  const char * const *values = user_data;
  const char *str = g_variant_get_string (variant, NULL);

  for (guint i = 0; values[i] != NULL; i++)
    if (g_str_equal (values[i], str))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
position_to_setting (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  const char * const *values = user_data;
  guint position = g_value_get_uint (value);

  for (guint i = 0; values[i] != NULL; i++)
    if (i == position)
      return g_variant_new_string (values[i]);
  return NULL;  /* GTK_INVALID_LIST_POSITION: leave the key alone */
}

static void
bind_choice (DermPreferencesWindow *self,
             const char            *key,
             AdwComboRow           *row,
             const char * const    *values)
{
  if (!derm_settings_has_key (self->settings, key))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (row), FALSE);
      return;
    }
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                position_from_setting, position_to_setting,
                                (gpointer) values, NULL);
}

/* "Last Used", then each map by name. */
static void
fill_default_maps (DermPreferencesWindow *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *maps = derm_atlas_get_maps (self->atlas);

  self->map_ids = g_ptr_array_new_with_free_func (g_free);
  /* Translators: the map shown at start is the one shown when the application was last closed */
  gtk_string_list_append (names, _("Last Used"));
  g_ptr_array_add (self->map_ids, g_strdup (""));
  for (guint i = 0; i < maps->len; i++)
    {
      const DermMap *map = g_ptr_array_index (maps, i);

      gtk_string_list_append (names, map->name);
      g_ptr_array_add (self->map_ids, g_strdup (map->id));
    }
  g_ptr_array_add (self->map_ids, NULL);
  adw_combo_row_set_model (self->default_map_row, G_LIST_MODEL (names));
}

/* callbacks */

static void
palette_selected_cb (DermPreferencesWindow *self)
{
  const char *subtitle;

  switch (adw_combo_row_get_selected (self->palette_row))
    {
    case 1:
      subtitle = _("Neighboring roots stay apart with red-green or blue-yellow color blindness");
      break;
    case 2:
      subtitle = _("Strong colors, thick outlines and labels on plates, for low vision and projectors");
      break;
    default:
      subtitle = _("Soft colors, one for each root");
      break;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->palette_row), subtitle);
}

/* vfuncs */

static void
derm_preferences_window_dispose (GObject *object)
{
  DermPreferencesWindow *self = DERM_PREFERENCES_WINDOW (object);

  /* the bindings use map_ids: end them first */
  if (self->default_map_row != NULL)
    g_settings_unbind (self->default_map_row, "selected");
  gtk_widget_dispose_template (GTK_WIDGET (self), DERM_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->atlas);

  G_OBJECT_CLASS (derm_preferences_window_parent_class)->dispose (object);
}

static void
derm_preferences_window_finalize (GObject *object)
{
  DermPreferencesWindow *self = DERM_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->map_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (derm_preferences_window_parent_class)->finalize (object);
}

static void
derm_preferences_window_class_init (DermPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = derm_preferences_window_dispose;
  object_class->finalize = derm_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/derm-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DermPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, DermPreferencesWindow, palette_row);
  gtk_widget_class_bind_template_child (widget_class, DermPreferencesWindow, label_size_row);
  gtk_widget_class_bind_template_child (widget_class, DermPreferencesWindow, default_map_row);
  gtk_widget_class_bind_template_callback (widget_class, palette_selected_cb);
}

static void
derm_preferences_window_init (DermPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* public API */

DermPreferencesWindow *
derm_preferences_window_new (DermAtlas *atlas,
                             GSettings *settings)
{
  DermPreferencesWindow *self;

  g_return_val_if_fail (DERM_IS_ATLAS (atlas), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (DERM_TYPE_PREFERENCES_WINDOW, NULL);
  self->atlas = g_object_ref (atlas);
  self->settings = g_object_ref (settings);

  fill_default_maps (self);
  bind_choice (self, "color-scheme", self->style_row, style_values);
  bind_choice (self, "palette", self->palette_row, palette_values);
  bind_choice (self, "label-size", self->label_size_row, label_size_values);
  bind_choice (self, "default-map", self->default_map_row, (const char * const *) self->map_ids->pdata);
  palette_selected_cb (self);

  return self;
}
