/* derm-root-list.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>

#include "derm-root-list.h"
#include "derm-root-style.h"

struct _DermRootList
{
  GtkWidget   parent_instance;

  GtkListBox *list_box;

  DermAtlas  *atlas;
  char       *map_id;
  char       *selected_root;
};

G_DEFINE_FINAL_TYPE (DermRootList, derm_root_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ATLAS,
  PROP_SELECTED_ROOT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ROOT_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* helpers */

static const char *
row_root_id (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "root-id") : NULL;
}

static GtkWidget *
create_row (const DermRoot *root)
{
  const DermStatement *summary = derm_root_get_statement (root, "summary", -1);
  GtkWidget *row, *box, *id_label, *summary_label;
  g_autofree char *accessible = NULL;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_box_append (GTK_BOX (box), derm_root_style_swatch_new (root));

  id_label = gtk_label_new (root->id);
  gtk_label_set_xalign (GTK_LABEL (id_label), 0);
  gtk_label_set_width_chars (GTK_LABEL (id_label), 4);
  gtk_widget_add_css_class (id_label, "root-id");
  gtk_box_append (GTK_BOX (box), id_label);

  summary_label = gtk_label_new (summary != NULL ? summary->text : NULL);
  gtk_label_set_xalign (GTK_LABEL (summary_label), 0);
  /* in full, wrapped: cut to one line, most summaries lost what tells the
   * roots apart, even in a wide window (the panel keeps its width) */
  gtk_label_set_wrap (GTK_LABEL (summary_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (summary_label), PANGO_WRAP_WORD);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (summary_label), GTK_NATURAL_WRAP_WORD);
  /* ask for little width: the panel should not grow to fit the summaries */
  gtk_label_set_max_width_chars (GTK_LABEL (summary_label), 20);
  gtk_widget_set_hexpand (summary_label, TRUE);
  gtk_widget_add_css_class (summary_label, "dim-label");
  gtk_widget_add_css_class (summary_label, "caption");
  if (summary != NULL)
    gtk_widget_set_tooltip_text (box, summary->text);
  gtk_box_append (GTK_BOX (box), summary_label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "root-id", g_strdup (root->id), g_free);

  /* Translators: accessible name of a root row, "L4: medial leg and ankle" */
  accessible = g_strdup_printf (_("%s: %s"), root->id, summary != NULL ? summary->text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return row;
}

/* A key row under the roots: how the map draws overlaps and blanks. */
static GtkWidget *
create_key_row (const char *swatch_class,
                const char *text)
{
  GtkWidget *row, *box, *swatch, *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (swatch, "root-swatch");
  gtk_widget_add_css_class (swatch, swatch_class);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), swatch);

  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "legend-row");
  /* GTK 4.8 does not name a row from its contents */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  return row;
}

static void
rebuild (DermRootList *self)
{
  GtkWidget *child;
  GPtrArray *roots;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  if (self->atlas == NULL)
    return;

  derm_root_style_ensure (gtk_widget_get_display (GTK_WIDGET (self)));

  roots = derm_atlas_get_roots (self->atlas);
  for (guint i = 0; i < roots->len; i++)
    gtk_list_box_append (self->list_box, create_row (g_ptr_array_index (roots, i)));

  /* the rest of the legend, for what this map has */
  {
    const DermMap *map = derm_atlas_get_map (self->atlas, self->map_id);
    GPtrArray *regions = derm_atlas_get_regions (self->atlas);
    gboolean overlap = FALSE, blank = FALSE, guessed = FALSE;

    for (guint i = 0; map != NULL && i < regions->len; i++)
      {
        const char * const *region_roots = derm_map_get_roots (map, g_ptr_array_index (regions, i));

        blank |= region_roots[0] == NULL;
        overlap |= region_roots[0] != NULL && region_roots[1] != NULL;
        guessed |= region_roots[0] != NULL &&
                   derm_map_get_zone_kind (map, g_ptr_array_index (regions, i)) == DERM_ZONE_GUESSED;
      }
    if (overlap)
      gtk_list_box_append (self->list_box,
                           create_key_row ("hatched", _("Striped: two or more roots overlap")));
    if (guessed)
      gtk_list_box_append (self->list_box,
                           create_key_row ("guessed", _("Pale with rings: uncertain, filled from the roots around it")));
    if (blank)
      {
        /* Translators: the key of the skin a map leaves blank, and why:
         * "Plain skin: varies between people" */
        g_autofree char *plain_skin = g_strdup_printf (_("Plain skin: %s"),
                                                       derm_map_get_blank_meaning (map));

        gtk_list_box_append (self->list_box, create_key_row ("skin", plain_skin));
      }
  }
}

/* The list box's own selection follows the keyboard focus (Tab or an arrow
 * onto a row selects it), so the list box selects nothing and the chosen
 * row is marked here: a moving focus never redraws the map, Enter, Space
 * or a click chooses. */
static void
mark_rows (DermRootList *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    {
      const char *root_id = row_root_id (row);
      gboolean chosen = root_id != NULL && self->selected_root != NULL &&
                        g_ascii_strcasecmp (root_id, self->selected_root) == 0;

      if (chosen)
        gtk_widget_set_state_flags (GTK_WIDGET (row), GTK_STATE_FLAG_SELECTED, FALSE);
      else
        gtk_widget_unset_state_flags (GTK_WIDGET (row), GTK_STATE_FLAG_SELECTED);
      if (root_id != NULL)
        gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                     GTK_ACCESSIBLE_STATE_SELECTED, chosen,
                                     -1);
    }
}

static gboolean
has_root (DermRootList *self,
          const char   *root_id)
{
  GtkListBoxRow *row;

  for (int i = 0; root_id != NULL && (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    if (row_root_id (row) != NULL && g_ascii_strcasecmp (row_root_id (row), root_id) == 0)
      return TRUE;

  return FALSE;
}

/* Choose a root (NULL: none) and tell the window, unless it asked. */
static void
choose (DermRootList *self,
        const char   *root_id,
        gboolean      notify_window)
{
  if (!has_root (self, root_id))
    root_id = NULL;
  if (g_strcmp0 (self->selected_root, root_id) != 0)
    {
      g_free (self->selected_root);
      self->selected_root = g_strdup (root_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ROOT]);
      if (notify_window)
        g_signal_emit (self, signals[ROOT_SELECTED], 0, root_id);
    }
  mark_rows (self);
}

/* callbacks */

/* Enter, Space or a click chooses a row; on the chosen row it clears the
 * highlight. */
static void
row_activated_cb (DermRootList  *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list_box)
{
  const char *root_id = row_root_id (row);

  if (root_id == NULL)
    return;
  choose (self, g_strcmp0 (root_id, self->selected_root) == 0 ? NULL : root_id, TRUE);
}

/* Escape anywhere in the window clears a root highlight; with none it goes
 * on to whatever else Escape does there. */
static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   data)
{
  DermRootList *self = DERM_ROOT_LIST (widget);

  if (self->selected_root == NULL || !gtk_widget_get_mapped (widget))
    return FALSE;
  choose (self, NULL, TRUE);
  return TRUE;
}

/* vfuncs */

static void
derm_root_list_dispose (GObject *object)
{
  DermRootList *self = DERM_ROOT_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DERM_TYPE_ROOT_LIST);
  g_clear_object (&self->atlas);

  G_OBJECT_CLASS (derm_root_list_parent_class)->dispose (object);
}

static void
derm_root_list_finalize (GObject *object)
{
  DermRootList *self = DERM_ROOT_LIST (object);

  g_free (self->selected_root);
  g_free (self->map_id);

  G_OBJECT_CLASS (derm_root_list_parent_class)->finalize (object);
}

static void
derm_root_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DermRootList *self = DERM_ROOT_LIST (object);

  switch (prop_id)
    {
    case PROP_ATLAS:
      g_value_set_object (value, self->atlas);
      break;
    case PROP_SELECTED_ROOT:
      g_value_set_string (value, self->selected_root);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
derm_root_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DermRootList *self = DERM_ROOT_LIST (object);

  switch (prop_id)
    {
    case PROP_ATLAS:
      derm_root_list_set_atlas (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_ROOT:
      derm_root_list_set_selected_root (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
derm_root_list_class_init (DermRootListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = derm_root_list_dispose;
  object_class->finalize = derm_root_list_finalize;
  object_class->get_property = derm_root_list_get_property;
  object_class->set_property = derm_root_list_set_property;

  properties[PROP_ATLAS] =
    g_param_spec_object ("atlas", NULL, NULL,
                         DERM_TYPE_ATLAS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ROOT] =
    g_param_spec_string ("selected-root", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DermRootList::root-selected:
   * @root_id: (nullable): the root chosen, or NULL when the row was unselected
   */
  signals[ROOT_SELECTED] =
    g_signal_new ("root-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/derm-root-list.ui");
  gtk_widget_class_bind_template_child (widget_class, DermRootList, list_box);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
derm_root_list_init (DermRootList *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (escape_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/* public API */

GtkWidget *
derm_root_list_new (void)
{
  return g_object_new (DERM_TYPE_ROOT_LIST, NULL);
}

DermAtlas *
derm_root_list_get_atlas (DermRootList *self)
{
  g_return_val_if_fail (DERM_IS_ROOT_LIST (self), NULL);

  return self->atlas;
}

void
derm_root_list_set_atlas (DermRootList *self,
                          DermAtlas    *atlas)
{
  g_return_if_fail (DERM_IS_ROOT_LIST (self));
  g_return_if_fail (atlas == NULL || DERM_IS_ATLAS (atlas));

  if (!g_set_object (&self->atlas, atlas))
    return;

  rebuild (self);
  choose (self, self->selected_root, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATLAS]);
}

/**
 * derm_root_list_set_map_id:
 *
 * The map whose overlaps and blanks the key under the roots explains.
 */
void
derm_root_list_set_map_id (DermRootList *self,
                           const char   *map_id)
{
  g_return_if_fail (DERM_IS_ROOT_LIST (self));

  if (g_strcmp0 (self->map_id, map_id) == 0)
    return;
  g_free (self->map_id);
  self->map_id = g_strdup (map_id);
  rebuild (self);
  mark_rows (self);
}

const char *
derm_root_list_get_selected_root (DermRootList *self)
{
  g_return_val_if_fail (DERM_IS_ROOT_LIST (self), NULL);

  return self->selected_root;
}

void
derm_root_list_set_selected_root (DermRootList *self,
                                  const char   *root_id)
{
  g_return_if_fail (DERM_IS_ROOT_LIST (self));

  choose (self, root_id, FALSE);
}
