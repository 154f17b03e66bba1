/* derm-window-search.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's search: Ctrl+F or typing opens the search bar, regions and
 * roots that match are listed in the side panel, and choosing one selects
 * it on the map.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>

#include "derm-root-style.h"
#include "derm-window-private.h"

static GtkWidget *
create_result_row (DermWindow          *self,
                   const DermSearchHit *hit)
{
  GtkWidget *row, *box, *text_box, *title, *subtitle, *prefix;
  g_autofree char *title_text = NULL;
  g_autofree char *subtitle_text = NULL;
  g_autofree char *accessible = NULL;

  if (hit->region != NULL)
    {
      const DermMap *map = derm_atlas_get_map (self->atlas, _derm_window_map_id (self));
      const char * const *roots = map != NULL ? derm_map_get_roots (map, hit->region) : NULL;
      const DermRoot *first = roots != NULL && roots[0] != NULL ?
                              derm_atlas_get_root (self->atlas, roots[0]) : NULL;
      g_autofree char *roots_text = NULL;

      title_text = derm_region_dup_title (hit->region);
      roots_text = map != NULL ? derm_map_dup_roots_text (map, hit->region) : g_strdup (_("varies"));
      /* Translators: a region search result, "Anterior · L4" */
      subtitle_text = g_strdup_printf (_("%s · %s"),
                                       hit->region->view == DERM_VIEW_ANTERIOR ? _("Anterior")
                                                                               : _("Posterior"),
                                       roots_text);
      if (first != NULL)
        prefix = derm_root_style_swatch_new (first);
      else
        {
          prefix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
          gtk_widget_add_css_class (prefix, "root-swatch");
          gtk_widget_add_css_class (prefix, "blank");
          gtk_widget_set_valign (prefix, GTK_ALIGN_CENTER);
        }
    }
  else
    {
      const DermStatement *summary = derm_root_get_statement (hit->root, "summary", -1);

      /* Translators: a root search result, "L4 root" */
      title_text = g_strdup_printf (_("%s root"), hit->root->id);
      subtitle_text = g_strdup (summary != NULL ? summary->text : "");
      prefix = derm_root_style_swatch_new (hit->root);
    }

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_box_append (GTK_BOX (box), prefix);

  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (text_box, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text_box, TRUE);
  title = gtk_label_new (title_text);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (text_box), title);
  subtitle = gtk_label_new (subtitle_text);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (text_box), subtitle);
  gtk_box_append (GTK_BOX (box), text_box);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "result-row");
  g_object_set_data (G_OBJECT (row), "region", (gpointer) hit->region);
  g_object_set_data (G_OBJECT (row), "root", (gpointer) hit->root);

  accessible = g_strdup_printf ("%s, %s", title_text, subtitle_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return row;
}

static void
clear_results (DermWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
}

static void
activate_result (DermWindow    *self,
                 GtkListBoxRow *row)
{
  const DermRegion *region = g_object_get_data (G_OBJECT (row), "region");
  const DermRoot *root = g_object_get_data (G_OBJECT (row), "root");

  if (region != NULL)
    derm_window_select_region (self, region);
  else if (root != NULL)
    derm_window_select_root (self, root->id);

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_changed_cb (DermWindow     *self,
                   GtkSearchEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr (GPtrArray) hits = NULL;

  clear_results (self);

  if (text[0] == '\0' || self->atlas == NULL)
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "browse");
      return;
    }

  hits = derm_atlas_search (self->atlas, text);
  if (hits == NULL || hits->len == 0)
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "no-results");
      return;
    }

  for (guint i = 0; i < hits->len && i < MAX_RESULTS; i++)
    {
      const DermSearchHit *hit = g_ptr_array_index (hits, i);

      if (hit->region != NULL || hit->root != NULL)
        gtk_list_box_append (self->results_list, create_result_row (self, hit));
    }

  gtk_stack_set_visible_child_name (self->sidebar_stack, "search");
}

static void
search_activate_cb (DermWindow     *self,
                    GtkSearchEntry *entry)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (row != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->sidebar_stack), "search") == 0)
    activate_result (self, row);
}

static void
stop_search_cb (DermWindow     *self,
                GtkSearchEntry *entry)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* Down in the entry moves into the results. */
static gboolean
search_key_pressed_cb (DermWindow            *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  row = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (row == NULL)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_grab_focus (GTK_WIDGET (row));

  return GDK_EVENT_STOP;
}

static void
search_mode_cb (DermWindow   *self,
                GParamSpec   *pspec,
                GtkSearchBar *search_bar)
{
  if (gtk_search_bar_get_search_mode (search_bar))
    {
      adw_flap_set_reveal_flap (self->flap, TRUE);
      return;
    }

  /* leaving the search, don't let the focus fall into the root list: a
   * list box selects the row it lands on */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

    if (focus == NULL ||
        focus == GTK_WIDGET (search_bar) ||
        gtk_widget_is_ancestor (focus, GTK_WIDGET (search_bar)) ||
        gtk_widget_is_ancestor (focus, GTK_WIDGET (self->results_list)))
      gtk_widget_grab_focus (GTK_WIDGET (self->map_view));
  }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  clear_results (self);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "browse");
}

static void
result_activated_cb (DermWindow    *self,
                     GtkListBoxRow *row,
                     GtkListBox    *list_box)
{
  activate_result (self, row);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DermWindow *self = DERM_WINDOW (widget);
  gboolean active = gtk_search_bar_get_search_mode (self->search_bar);

  gtk_search_bar_set_search_mode (self->search_bar, !active);
  if (!active)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
_derm_window_search_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}
