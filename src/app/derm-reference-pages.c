/* derm-reference-pages.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>

#include "derm-reference-pages.h"

/* helpers */

static GtkWidget *
new_text (const char *text,
          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_focus_on_click (label, FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* "id  citation", the id bold, all of it selectable. */
static GtkWidget *
new_citation (const DermSource *source,
              const char       *id)
{
  g_autofree char *escaped_id = g_markup_escape_text (id, -1);
  g_autofree char *escaped = g_markup_escape_text (source != NULL ? source->citation
                                                                  : _("Unknown source"), -1);
  g_autofree char *markup = g_strdup_printf ("<b>%s</b>  %s", escaped_id, escaped);
  GtkWidget *label = new_text (NULL, "source-citation");

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);

  return label;
}

static AdwPreferencesGroup *
add_group (AdwPreferencesPage *page,
           const char         *title)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  adw_preferences_page_add (page, group);

  return group;
}

static gboolean
unselect_focus_cb (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));

  if (GTK_IS_LABEL (focus))
    gtk_label_select_region (GTK_LABEL (focus), 0, 0);

  return G_SOURCE_REMOVE;
}

/* The first selectable label takes the initial focus, and a label focused
 * from the keyboard selects all its text: the page would open highlighted.
 * Undo that once, for the focus the window gives itself. */
static void
initial_focus_cb (GtkWindow  *window,
                  GParamSpec *pspec,
                  gpointer    data)
{
  if (!GTK_IS_LABEL (gtk_window_get_focus (window)))
    return;

  g_signal_handlers_disconnect_by_func (window, initial_focus_cb, data);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, unselect_focus_cb,
                   g_object_ref (window), g_object_unref);
}

/* A modal window with one page, closed by Escape. */
static AdwPreferencesWindow *
new_page_window (GtkWindow           *parent,
                 const char          *title,
                 AdwPreferencesPage **page)
{
  AdwPreferencesWindow *window;

  window = g_object_new (ADW_TYPE_PREFERENCES_WINDOW,
                         "title", title,
                         "modal", TRUE,
                         "transient-for", parent,
                         "destroy-with-parent", TRUE,
                         "search-enabled", FALSE,
                         "default-width", 620,
                         "default-height", 640,
                         NULL);

  g_signal_connect (window, "notify::focus-widget", G_CALLBACK (initial_focus_cb), NULL);

  *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_preferences_page_set_title (*page, title);
  adw_preferences_window_add (window, *page);

  return window;
}

/* public API */

/**
 * derm_map_info_window_new:
 * @map_id: (nullable): the map, or %NULL for the default map
 *
 * "About this map": the map's name, how it was made and where it differs
 * from the others, and its sources as full citations.
 */
GtkWindow *
derm_map_info_window_new (GtkWindow  *parent,
                          DermAtlas  *atlas,
                          const char *map_id)
{
  const DermMap *map;
  AdwPreferencesWindow *window;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;

  g_return_val_if_fail (DERM_IS_ATLAS (atlas), NULL);

  map = derm_atlas_get_map (atlas, map_id);
  g_return_val_if_fail (map != NULL, NULL);

  window = new_page_window (parent, _("About This Map"), &page);

  group = add_group (page, map->name);
  adw_preferences_group_add (group, new_text (map->description, "map-description"));

  group = add_group (page, _("Sources"));
  for (guint i = 0; map->sources != NULL && map->sources[i] != NULL; i++)
    adw_preferences_group_add (group,
                               new_citation (derm_atlas_get_source (atlas, map->sources[i]),
                                             map->sources[i]));

  return GTK_WINDOW (window);
}

/**
 * derm_sources_window_new:
 *
 * Every source of the atlas as a full citation, selectable.
 */
GtkWindow *
derm_sources_window_new (GtkWindow *parent,
                         DermAtlas *atlas)
{
  GPtrArray *sources;
  AdwPreferencesWindow *window;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;

  g_return_val_if_fail (DERM_IS_ATLAS (atlas), NULL);

  window = new_page_window (parent, _("Sources"), &page);
  group = add_group (page, _("Sources"));
  adw_preferences_group_set_description (group,
                                         _("Every statement in the app names its sources by these ids."));

  sources = derm_atlas_get_sources (atlas);
  for (guint i = 0; i < sources->len; i++)
    {
      const DermSource *source = g_ptr_array_index (sources, i);

      adw_preferences_group_add (group, new_citation (source, source->id));
    }

  return GTK_WINDOW (window);
}
