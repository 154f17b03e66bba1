/* derm-page-options-widget.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>

#include "derm-export.h"
#include "derm-page-options-widget.h"

struct _DermPageOptionsWidget
{
  GtkWidget        parent_instance;

  GtkWidget       *grid;
  GtkDropDown     *view_dropdown;
  GtkDropDown     *map_dropdown;
  GtkDropDown     *style_dropdown;
  GtkCheckButton  *labels_check;
  GtkCheckButton  *legend_check;
  GtkCheckButton  *nerves_check;
  GtkCheckButton  *key_points_check;
  GtkDropDown     *highlight_dropdown;
  GtkCheckButton  *answer_key_check;
  GtkEditable     *title_entry;
  GtkWidget       *paper_label;
  GtkDropDown     *paper_dropdown;
  GtkCheckButton  *landscape_check;
  GtkWidget       *width_label;
  GtkWidget       *width_box;
  GtkSpinButton   *width_spin;

  DermAtlas       *atlas;
  GPtrArray       *map_ids;     /* the map dropdown's items, in order */
  GPtrArray       *root_ids;    /* the highlight dropdown's items after "None" */
  DermPageOptions  options;     /* as last set: keeps what the form does not show */
  gboolean         show_export;
};

/* the view dropdown's last item: both views, each on a page */
#define VIEW_EACH 3

G_DEFINE_FINAL_TYPE (DermPageOptionsWidget, derm_page_options_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ATLAS,
  PROP_SHOW_EXPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* helpers */

static void
fill_maps (DermPageOptionsWidget *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *maps = self->atlas != NULL ? derm_atlas_get_maps (self->atlas) : NULL;

  g_ptr_array_set_size (self->map_ids, 0);
  for (guint i = 0; maps != NULL && i < maps->len; i++)
    {
      const DermMap *map = g_ptr_array_index (maps, i);

      gtk_string_list_append (names, map->name);
      g_ptr_array_add (self->map_ids, g_strdup (map->id));
    }
  gtk_drop_down_set_model (self->map_dropdown, G_LIST_MODEL (names));
  gtk_widget_set_sensitive (GTK_WIDGET (self->map_dropdown), self->map_ids->len > 1);
}

static void
fill_roots (DermPageOptionsWidget *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *roots = self->atlas != NULL ? derm_atlas_get_roots (self->atlas) : NULL;

  g_ptr_array_set_size (self->root_ids, 0);
  /* Translators: no root highlighted on the printed map */
  gtk_string_list_append (names, C_("highlight", "None"));
  for (guint i = 0; roots != NULL && i < roots->len; i++)
    {
      const DermRoot *root = g_ptr_array_index (roots, i);

      gtk_string_list_append (names, root->id);
      g_ptr_array_add (self->root_ids, g_strdup (root->id));
    }
  gtk_drop_down_set_model (self->highlight_dropdown, G_LIST_MODEL (names));
}

/* 0 for none, else the root's place after "None" */
static guint
root_position (DermPageOptionsWidget *self,
               const char            *root_id)
{
  for (guint i = 0; root_id != NULL && i < self->root_ids->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (self->root_ids, i), root_id) == 0)
      return i + 1;
  return 0;
}

static guint
map_position (DermPageOptionsWidget *self,
              const char            *map_id)
{
  const DermMap *map = self->atlas != NULL ? derm_atlas_get_map (self->atlas, map_id) : NULL;

  for (guint i = 0; map != NULL && i < self->map_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->map_ids, i), map->id) == 0)
      return i;
  return 0;
}

/* callbacks */

static void
style_changed_cb (DermPageOptionsWidget *self,
                  GParamSpec            *pspec,
                  GtkDropDown           *dropdown)
{
  gboolean worksheet = gtk_drop_down_get_selected (dropdown) == DERM_STYLE_WORKSHEET;

  gtk_widget_set_sensitive (GTK_WIDGET (self->answer_key_check), worksheet);
  /* a worksheet has no root labels: the same switch puts the numbered blanks */
  gtk_check_button_set_label (self->labels_check,
                              worksheet ? _("Numbered _blanks") : _("Root _labels"));
}

/* vfuncs */

static void
derm_page_options_widget_dispose (GObject *object)
{
  DermPageOptionsWidget *self = DERM_PAGE_OPTIONS_WIDGET (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DERM_TYPE_PAGE_OPTIONS_WIDGET);
  g_clear_object (&self->atlas);

  G_OBJECT_CLASS (derm_page_options_widget_parent_class)->dispose (object);
}

static void
derm_page_options_widget_finalize (GObject *object)
{
  DermPageOptionsWidget *self = DERM_PAGE_OPTIONS_WIDGET (object);

  g_ptr_array_unref (self->map_ids);
  g_ptr_array_unref (self->root_ids);
  derm_page_options_clear (&self->options);

  G_OBJECT_CLASS (derm_page_options_widget_parent_class)->finalize (object);
}

static void
derm_page_options_widget_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  DermPageOptionsWidget *self = DERM_PAGE_OPTIONS_WIDGET (object);

  switch (prop_id)
    {
    case PROP_ATLAS:
      g_value_set_object (value, self->atlas);
      break;
    case PROP_SHOW_EXPORT:
      g_value_set_boolean (value, self->show_export);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
derm_page_options_widget_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  DermPageOptionsWidget *self = DERM_PAGE_OPTIONS_WIDGET (object);

  switch (prop_id)
    {
    case PROP_ATLAS:
      self->atlas = g_value_dup_object (value);
      fill_maps (self);
      fill_roots (self);
      derm_page_options_widget_set_options (self, &self->options);
      break;
    case PROP_SHOW_EXPORT:
      derm_page_options_widget_set_show_export (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
derm_page_options_widget_class_init (DermPageOptionsWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = derm_page_options_widget_dispose;
  object_class->finalize = derm_page_options_widget_finalize;
  object_class->get_property = derm_page_options_widget_get_property;
  object_class->set_property = derm_page_options_widget_set_property;

  properties[PROP_ATLAS] =
    g_param_spec_object ("atlas", NULL, NULL,
                         DERM_TYPE_ATLAS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_EXPORT] =
    g_param_spec_boolean ("show-export", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dermatomes/Dermatomes/derm-page-options-widget.ui");
  gtk_widget_class_bind_template_child (widget_class, DermPageOptionsWidget, grid);
  gtk_widget_class_bind_template_child (widget_class, DermPageOptionsWidget, view_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DermPageOptionsWidget, map_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DermPageOptionsWidget, style_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DermPageOptionsWidget, labels_check);
  gtk_widget_class_bind_template_child (widget_class, DermPageOptionsWidget, legend_check);
  gtk_widget_class_bind_template_child (widget_class, DermPageOptionsWidget, nerves_check);
  gtk_widget_class_bind_template_child (widget_class, DermPageOptionsWidget, key_points_check);
  gtk_widget_class_bind_template_child (widget_class, DermPageOptionsWidget, highlight_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DermPageOptionsWidget, answer_key_check);
  gtk_widget_class_bind_template_child (widget_class, DermPageOptionsWidget, title_entry);
  gtk_widget_class_bind_template_child (widget_class, DermPageOptionsWidget, paper_label);
  gtk_widget_class_bind_template_child (widget_class, DermPageOptionsWidget, paper_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DermPageOptionsWidget, landscape_check);
  gtk_widget_class_bind_template_child (widget_class, DermPageOptionsWidget, width_label);
  gtk_widget_class_bind_template_child (widget_class, DermPageOptionsWidget, width_box);
  gtk_widget_class_bind_template_child (widget_class, DermPageOptionsWidget, width_spin);
  gtk_widget_class_bind_template_callback (widget_class, style_changed_cb);
}

static void
derm_page_options_widget_init (DermPageOptionsWidget *self)
{
  self->map_ids = g_ptr_array_new_with_free_func (g_free);
  self->root_ids = g_ptr_array_new_with_free_func (g_free);
  derm_page_options_init (&self->options);

  gtk_widget_init_template (GTK_WIDGET (self));

  fill_maps (self);
  fill_roots (self);
  derm_page_options_widget_set_options (self, &self->options);
}

/* public API */

GtkWidget *
derm_page_options_widget_new (DermAtlas *atlas)
{
  g_return_val_if_fail (atlas == NULL || DERM_IS_ATLAS (atlas), NULL);

  return g_object_new (DERM_TYPE_PAGE_OPTIONS_WIDGET, "atlas", atlas, NULL);
}

void
derm_page_options_widget_set_options (DermPageOptionsWidget *self,
                                      const DermPageOptions *options)
{
  g_return_if_fail (DERM_IS_PAGE_OPTIONS_WIDGET (self));
  g_return_if_fail (options != NULL);

  if (options != &self->options)
    {
      derm_page_options_clear (&self->options);
      derm_page_options_copy (options, &self->options);
    }

  /* the dropdowns list the enums in their order */
  /* the view dropdown lists the layouts in their order, then "each on a
   * page of its own" */
  gtk_drop_down_set_selected (self->view_dropdown,
                              options->layout == DERM_LAYOUT_BOTH && options->view_per_page
                              ? VIEW_EACH : (guint) options->layout);
  gtk_drop_down_set_selected (self->map_dropdown, map_position (self, options->map_id));
  gtk_drop_down_set_selected (self->style_dropdown, options->style);
  gtk_check_button_set_active (self->labels_check, options->labels);
  gtk_check_button_set_active (self->legend_check, options->legend);
  gtk_check_button_set_active (self->nerves_check, options->nerves);
  gtk_check_button_set_active (self->key_points_check, options->key_points);
  gtk_drop_down_set_selected (self->highlight_dropdown, root_position (self, options->highlight_root));
  gtk_check_button_set_active (self->answer_key_check, options->answer_key);
  gtk_editable_set_text (self->title_entry, options->title != NULL ? options->title : "");
  gtk_drop_down_set_selected (self->paper_dropdown, options->paper);
  gtk_check_button_set_active (self->landscape_check, options->landscape);
  style_changed_cb (self, NULL, self->style_dropdown);
}

void
derm_page_options_widget_get_options (DermPageOptionsWidget *self,
                                      DermPageOptions       *options)
{
  guint map = gtk_drop_down_get_selected (self->map_dropdown);
  const char *title = gtk_editable_get_text (self->title_entry);
  guint view, highlight;

  g_return_if_fail (DERM_IS_PAGE_OPTIONS_WIDGET (self));
  g_return_if_fail (options != NULL);

  derm_page_options_clear (options);
  derm_page_options_copy (&self->options, options);

  view = gtk_drop_down_get_selected (self->view_dropdown);
  options->view_per_page = view == VIEW_EACH;
  options->layout = view == VIEW_EACH ? DERM_LAYOUT_BOTH : (DermLayout) view;
  options->nerves = gtk_check_button_get_active (self->nerves_check);
  options->key_points = gtk_check_button_get_active (self->key_points_check);
  highlight = gtk_drop_down_get_selected (self->highlight_dropdown);
  g_free (options->highlight_root);
  options->highlight_root = highlight > 0 && highlight <= self->root_ids->len
                            ? g_strdup (g_ptr_array_index (self->root_ids, highlight - 1)) : NULL;
  g_free (options->map_id);
  options->map_id = map < self->map_ids->len ? g_strdup (g_ptr_array_index (self->map_ids, map)) : NULL;
  options->style = (DermStyle) gtk_drop_down_get_selected (self->style_dropdown);
  options->labels = gtk_check_button_get_active (self->labels_check);
  options->legend = gtk_check_button_get_active (self->legend_check);
  /* an answer key only goes with a worksheet (derm_page_options_validate) */
  options->answer_key = options->style == DERM_STYLE_WORKSHEET &&
                        gtk_check_button_get_active (self->answer_key_check);
  g_free (options->title);
  options->title = title[0] != '\0' ? g_strdup (title) : NULL;
  options->paper = (DermPaper) gtk_drop_down_get_selected (self->paper_dropdown);
  options->landscape = gtk_check_button_get_active (self->landscape_check);
}

gboolean
derm_page_options_widget_get_show_export (DermPageOptionsWidget *self)
{
  g_return_val_if_fail (DERM_IS_PAGE_OPTIONS_WIDGET (self), FALSE);

  return self->show_export;
}

void
derm_page_options_widget_set_show_export (DermPageOptionsWidget *self,
                                          gboolean               show_export)
{
  g_return_if_fail (DERM_IS_PAGE_OPTIONS_WIDGET (self));

  show_export = !!show_export;
  if (self->show_export == show_export)
    return;

  self->show_export = show_export;
  gtk_widget_set_visible (self->paper_label, show_export);
  gtk_widget_set_visible (GTK_WIDGET (self->paper_dropdown), show_export);
  gtk_widget_set_visible (GTK_WIDGET (self->landscape_check), show_export);
  gtk_widget_set_visible (self->width_label, show_export);
  gtk_widget_set_visible (self->width_box, show_export);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_EXPORT]);
}

int
derm_page_options_widget_get_png_width (DermPageOptionsWidget *self)
{
  g_return_val_if_fail (DERM_IS_PAGE_OPTIONS_WIDGET (self), DERM_EXPORT_DEFAULT_WIDTH);

  return gtk_spin_button_get_value_as_int (self->width_spin);
}

void
derm_page_options_widget_set_png_width (DermPageOptionsWidget *self,
                                        int                    width)
{
  g_return_if_fail (DERM_IS_PAGE_OPTIONS_WIDGET (self));

  gtk_spin_button_set_value (self->width_spin,
                             CLAMP (width, DERM_EXPORT_MIN_WIDTH, DERM_EXPORT_MAX_WIDTH));
}
