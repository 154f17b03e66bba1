/* test-preferences.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preferences window under Xvfb: Ctrl+comma opens it (once), its rows
 * change the settings and the settings change the rows, and the style row
 * switches libadwaita between light and dark. Skips (exit 77) when no
 * display opens.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <gdk/x11/gdkx.h>
#include <string.h>

#include "config.h"
#include "derm-application.h"
#include "derm-preferences-window.h"
#include "derm-window.h"
#include "display-util.h"

static DermWindow *window;
static GSettings *settings;

/* The preferences windows the application has. */
static guint
count_preferences (DermPreferencesWindow **found)
{
  GList *windows = gtk_application_get_windows (gtk_window_get_application (GTK_WINDOW (window)));
  guint n = 0;

  for (GList *l = windows; l != NULL; l = l->next)
    if (DERM_IS_PREFERENCES_WINDOW (l->data))
      {
        n++;
        if (found != NULL)
          *found = l->data;
      }
  return n;
}

static gboolean
preferences_shown (gpointer data)
{
  DermPreferencesWindow *prefs = NULL;

  return count_preferences (&prefs) > 0 && gtk_widget_get_mapped (GTK_WIDGET (prefs));
}

/* The combo row whose title (with its mnemonic) is title, as a person
 * finds it by its label. */
static AdwComboRow *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_COMBO_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_COMBO_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *row = find_row (child, title);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static const char *
selected_text (AdwComboRow *row)
{
  GObject *item = adw_combo_row_get_selected_item (row);

  return GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : NULL;
}

static gboolean
key_is (const char *key,
        const char *value)
{
  g_autofree char *got = g_settings_get_string (settings, key);
  return g_strcmp0 (got, value) == 0;
}

static gboolean
dark_is (gpointer data)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) == GPOINTER_TO_INT (data);
}

static void
test_open (DermPreferencesWindow **prefs)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  g_autofree char *win = display_xid (GTK_WINDOW (window));
  g_auto (GStrv) accels = gtk_application_get_accels_for_action (app, "app.preferences");

  CHECK (accels != NULL && g_strv_contains ((const char * const *) accels, "<Control>comma"),
         "app.preferences has the accelerator Ctrl+comma");
  CHECK (count_preferences (NULL) == 0, "no preferences window at start");

  gtk_widget_grab_focus (GTK_WIDGET (derm_window_get_map_view (window)));
  settle (100);
  xdotool ("key", "--window", win, "ctrl+comma", NULL);
  CHECK (wait_until (preferences_shown, NULL, 5000), "Ctrl+comma opens the preferences window");
  CHECK (count_preferences (prefs) == 1, "one preferences window");
  if (*prefs == NULL)
    return;
  CHECK (gtk_window_get_transient_for (GTK_WINDOW (*prefs)) == GTK_WINDOW (window),
         "the preferences window is transient for the main window");

  /* again, through the action: still the one window */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  settle (300);
  CHECK (count_preferences (NULL) == 1, "opening the preferences again shows the same window");
}

static void
test_style (DermPreferencesWindow *prefs)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  AdwComboRow *row = find_row (GTK_WIDGET (prefs), "_Style");

  CHECK (row != NULL, "the preferences have a Style row");
  if (row == NULL)
    return;
  CHECK (g_strcmp0 (selected_text (row), "Follow System") == 0 &&
         adw_style_manager_get_color_scheme (style) == ADW_COLOR_SCHEME_DEFAULT,
         "the style follows the system at first (row: %s)", selected_text (row));

  adw_combo_row_set_selected (row, 2);
  CHECK (g_strcmp0 (selected_text (row), "Dark") == 0, "the third style is Dark");
  CHECK (key_is ("color-scheme", "dark"), "choosing Dark sets color-scheme to dark");
  CHECK (adw_style_manager_get_color_scheme (style) == ADW_COLOR_SCHEME_FORCE_DARK,
         "choosing Dark forces libadwaita's dark style");
  CHECK (wait_until (dark_is, GINT_TO_POINTER (TRUE), 2000), "the application turns dark");

  adw_combo_row_set_selected (row, 1);
  CHECK (key_is ("color-scheme", "light") &&
         adw_style_manager_get_color_scheme (style) == ADW_COLOR_SCHEME_FORCE_LIGHT,
         "choosing Light sets the key and forces the light style");
  CHECK (wait_until (dark_is, GINT_TO_POINTER (FALSE), 2000), "the application turns light");

  /* the other way: the setting moves the row */
  g_settings_set_string (settings, "color-scheme", "dark");
  settle (100);
  CHECK (adw_combo_row_get_selected (row) == 2 &&
         adw_style_manager_get_color_scheme (style) == ADW_COLOR_SCHEME_FORCE_DARK,
         "setting color-scheme to dark selects Dark and darkens the application");

  adw_combo_row_set_selected (row, 0);
  CHECK (key_is ("color-scheme", "default") &&
         adw_style_manager_get_color_scheme (style) == ADW_COLOR_SCHEME_DEFAULT,
         "Follow System sets the key back to default");
}

static void
test_palette (DermPreferencesWindow *prefs)
{
  AdwComboRow *row = find_row (GTK_WIDGET (prefs), "_Palette");
  DermMapView *view = derm_window_get_map_view (window);
  gboolean view_has_palette = g_object_class_find_property (G_OBJECT_GET_CLASS (view), "palette") != NULL;
  g_autofree char *first_subtitle = NULL;

  CHECK (row != NULL, "the preferences have a Palette row");
  if (row == NULL)
    return;
  CHECK (g_list_model_get_n_items (adw_combo_row_get_model (row)) == 3, "three palettes are offered");
  first_subtitle = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));

  adw_combo_row_set_selected (row, 2);
  CHECK (key_is ("palette", "high-contrast"), "choosing High Contrast sets palette to high-contrast");
  CHECK (g_strcmp0 (first_subtitle, adw_action_row_get_subtitle (ADW_ACTION_ROW (row))) != 0,
         "the subtitle explains the chosen palette (%s)", adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  if (view_has_palette)
    {
      int palette = DERM_PALETTE_DEFAULT;

      settle (100);
      g_object_get (view, "palette", &palette, NULL);
      CHECK (palette == DERM_PALETTE_HIGH_CONTRAST, "the map view draws in high contrast");
    }

  adw_combo_row_set_selected (row, 1);
  CHECK (key_is ("palette", "colorblind"), "choosing Color-Blind Safe sets palette to colorblind");

  g_settings_set_string (settings, "palette", "default");
  settle (100);
  CHECK (adw_combo_row_get_selected (row) == 0, "setting palette to default selects Default");
}

static void
test_label_size_and_map (DermPreferencesWindow *prefs)
{
  AdwComboRow *size = find_row (GTK_WIDGET (prefs), "_Label Size");
  AdwComboRow *map = find_row (GTK_WIDGET (prefs), "_Map at Start");
  DermAtlas *atlas = derm_window_get_atlas (window);
  GPtrArray *maps = derm_atlas_get_maps (atlas);
  GListModel *model;
  guint lee = G_MAXUINT;

  CHECK (size != NULL && map != NULL, "the preferences have Label Size and Map at Start rows");
  if (size == NULL || map == NULL)
    return;

  CHECK (adw_combo_row_get_selected (size) == 1 && g_strcmp0 (selected_text (size), "Normal") == 0,
         "labels are normal size at first");
  adw_combo_row_set_selected (size, 2);
  CHECK (key_is ("label-size", "large"), "choosing Large sets label-size to large");
  adw_combo_row_set_selected (size, 1);
  CHECK (key_is ("label-size", "normal"), "choosing Normal sets label-size back");

  /* "Last Used" and each map by name */
  model = adw_combo_row_get_model (map);
  CHECK (g_list_model_get_n_items (model) == maps->len + 1, "Map at Start offers Last Used and %u maps", maps->len);
  CHECK (adw_combo_row_get_selected (map) == 0 && g_strcmp0 (selected_text (map), "Last Used") == 0,
         "the map at start is the last used one at first");
  for (guint i = 0; i < maps->len; i++)
    {
      const DermMap *m = g_ptr_array_index (maps, i);
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i + 1);

      CHECK (g_strcmp0 (gtk_string_object_get_string (item), m->name) == 0,
             "item %u is the map %s", i + 1, m->name);
      if (g_str_equal (m->id, "lee2008"))
        lee = i + 1;
    }
  if (lee != G_MAXUINT)
    {
      adw_combo_row_set_selected (map, lee);
      CHECK (key_is ("default-map", "lee2008"), "choosing Lee 2008 sets default-map to lee2008");
    }
  adw_combo_row_set_selected (map, 0);
  CHECK (key_is ("default-map", ""), "choosing Last Used empties default-map");

  /* a map the atlas no longer has reads as Last Used, and nothing breaks */
  g_settings_set_string (settings, "default-map", "no-such-map");
  settle (100);
  CHECK (adw_combo_row_get_selected (map) == 0, "an unknown default map shows as Last Used");
  g_settings_reset (settings, "default-map");
}

static gboolean
preferences_gone (gpointer data)
{
  return count_preferences (NULL) == 0;
}

static void
test_close (DermPreferencesWindow *prefs)
{
  gtk_window_close (GTK_WINDOW (prefs));
  CHECK (wait_until (preferences_gone, NULL, 3000), "closing the preferences window destroys it");
  g_action_group_activate_action (G_ACTION_GROUP (gtk_window_get_application (GTK_WINDOW (window))),
                                  "preferences", NULL);
  CHECK (wait_until (preferences_shown, NULL, 3000), "the preferences open again after closing");
}

static void
run_tests (DermWindow *test_window)
{
  DermPreferencesWindow *prefs = NULL;

  window = test_window;
  settings = g_settings_new (APP_ID);
  test_open (&prefs);
  if (prefs != NULL)
    {
      test_style (prefs);
      test_palette (prefs);
      test_label_size_and_map (prefs);
      test_close (prefs);
    }
  g_clear_object (&settings);
}

int
main (int argc, char *argv[])
{
  return display_test_main (1000, 700, run_tests);
}
