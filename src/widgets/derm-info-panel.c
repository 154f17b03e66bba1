/* derm-info-panel.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The side panel's card for what was clicked: a region, a root or a key
 * point. This file holds the object and which card it shows; the card's
 * parts are made in derm-info-panel-card.c (derm-info-panel-private.h).
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "derm-info-panel-private.h"
#include "derm-root-style.h"

G_DEFINE_FINAL_TYPE (DermInfoPanel, derm_info_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ATLAS,
  PROP_MAP_ID,
  PROP_LARGE_PRINT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* vfuncs */

static void
derm_info_panel_dispose (GObject *object)
{
  DermInfoPanel *self = DERM_INFO_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DERM_TYPE_INFO_PANEL);
  g_clear_object (&self->atlas);
  self->region = NULL;

  G_OBJECT_CLASS (derm_info_panel_parent_class)->dispose (object);
}

static void
derm_info_panel_finalize (GObject *object)
{
  DermInfoPanel *self = DERM_INFO_PANEL (object);

  g_free (self->map_id);
  g_free (self->root_id);
  g_free (self->title);
  g_ptr_array_unref (self->cited);

  G_OBJECT_CLASS (derm_info_panel_parent_class)->finalize (object);
}

static void
derm_info_panel_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DermInfoPanel *self = DERM_INFO_PANEL (object);

  switch (prop_id)
    {
    case PROP_ATLAS:
      g_value_set_object (value, self->atlas);
      break;
    case PROP_MAP_ID:
      g_value_set_string (value, self->map_id);
      break;
    case PROP_LARGE_PRINT:
      g_value_set_boolean (value, self->large_print);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
derm_info_panel_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DermInfoPanel *self = DERM_INFO_PANEL (object);

  switch (prop_id)
    {
    case PROP_ATLAS:
      derm_info_panel_set_atlas (self, g_value_get_object (value));
      break;
    case PROP_MAP_ID:
      derm_info_panel_set_map_id (self, g_value_get_string (value));
      break;
    case PROP_LARGE_PRINT:
      derm_info_panel_set_large_print (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
derm_info_panel_class_init (DermInfoPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = derm_info_panel_dispose;
  object_class->finalize = derm_info_panel_finalize;
  object_class->get_property = derm_info_panel_get_property;
  object_class->set_property = derm_info_panel_set_property;

  properties[PROP_ATLAS] =
    g_param_spec_object ("atlas", NULL, NULL,
                         DERM_TYPE_ATLAS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAP_ID] =
    g_param_spec_string ("map-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LARGE_PRINT] =
    g_param_spec_boolean ("large-print", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/derm-info-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DermInfoPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, DermInfoPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, DermInfoPanel, card);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "infopanel");
}

static void
derm_info_panel_init (DermInfoPanel *self)
{
  self->cited = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* public API */

GtkWidget *
derm_info_panel_new (void)
{
  return g_object_new (DERM_TYPE_INFO_PANEL, NULL);
}

DermAtlas *
derm_info_panel_get_atlas (DermInfoPanel *self)
{
  g_return_val_if_fail (DERM_IS_INFO_PANEL (self), NULL);

  return self->atlas;
}

void
derm_info_panel_set_atlas (DermInfoPanel *self,
                           DermAtlas     *atlas)
{
  g_return_if_fail (DERM_IS_INFO_PANEL (self));
  g_return_if_fail (atlas == NULL || DERM_IS_ATLAS (atlas));

  if (!g_set_object (&self->atlas, atlas))
    return;

  if (atlas != NULL)
    derm_root_style_ensure (gtk_widget_get_display (GTK_WIDGET (self)));

  derm_info_panel_clear (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATLAS]);
}

const char *
derm_info_panel_get_map_id (DermInfoPanel *self)
{
  g_return_val_if_fail (DERM_IS_INFO_PANEL (self), NULL);

  return self->map_id;
}

static void
redo_card (DermInfoPanel *self)
{
  if (self->key_point != NULL)
    derm_info_panel_show_key_point (self, self->key_point);
  else if (self->region != NULL)
    derm_info_panel_show_region (self, self->region);
  else if (self->root_id != NULL)
    {
      g_autofree char *root_id = g_strdup (self->root_id);

      derm_info_panel_show_root (self, root_id);
    }
}

void
derm_info_panel_set_map_id (DermInfoPanel *self,
                            const char    *map_id)
{
  g_return_if_fail (DERM_IS_INFO_PANEL (self));

  if (g_strcmp0 (self->map_id, map_id) == 0)
    return;

  g_free (self->map_id);
  self->map_id = g_strdup (map_id);

  /* the roots of a region depend on the map: redo the card */
  redo_card (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAP_ID]);
}

gboolean
derm_info_panel_get_large_print (DermInfoPanel *self)
{
  g_return_val_if_fail (DERM_IS_INFO_PANEL (self), FALSE);

  return self->large_print;
}

/**
 * derm_info_panel_set_large_print:
 *
 * For a projector: no text smaller than the card's body (the window's
 * style sheet sets the sizes).
 */
void
derm_info_panel_set_large_print (DermInfoPanel *self,
                                 gboolean       large_print)
{
  g_return_if_fail (DERM_IS_INFO_PANEL (self));

  large_print = !!large_print;
  if (self->large_print == large_print)
    return;

  self->large_print = large_print;
  redo_card (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LARGE_PRINT]);
}

void
derm_info_panel_show_region (DermInfoPanel    *self,
                             const DermRegion *region)
{
  const DermMap *map;
  const char * const *roots = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (DERM_IS_INFO_PANEL (self));

  if (region == NULL || self->atlas == NULL)
    {
      derm_info_panel_clear (self);
      return;
    }

  self->region = region;
  self->key_point = NULL;
  g_clear_pointer (&self->root_id, g_free);

  map = _derm_info_panel_active_map (self);
  if (map != NULL)
    roots = derm_map_get_roots (map, region);

  title = derm_region_dup_title (region);
  /* Translators: under a region's title, "Anterior view · ISNCSCI (Foerster) map" */
  subtitle = g_strdup_printf (_("%s · %s"), _derm_info_panel_view_name (region->view),
                              map != NULL ? map->name : "");
  _derm_info_panel_begin_card (self, title, subtitle);

  _derm_info_panel_append_root_tags (self, map, region, roots);
  if (roots == NULL || roots[0] == NULL)
    _derm_info_panel_append_blank_red_flags (self, region);
  _derm_info_panel_append_nerves (self, region);
  _derm_info_panel_append_root_or_nerve (self, region);

  for (guint i = 0; roots != NULL && roots[i] != NULL; i++)
    {
      const DermRoot *root = derm_atlas_get_root (self->atlas, roots[i]);

      if (root != NULL)
        _derm_info_panel_append_root (self, root, TRUE, FALSE);
    }

  _derm_info_panel_end_card (self);
}

void
derm_info_panel_show_root (DermInfoPanel *self,
                           const char    *root_id)
{
  const DermRoot *root;
  const DermMap *map;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (DERM_IS_INFO_PANEL (self));

  root = self->atlas != NULL && root_id != NULL ? derm_atlas_get_root (self->atlas, root_id) : NULL;
  if (root == NULL)
    {
      derm_info_panel_clear (self);
      return;
    }

  self->region = NULL;
  self->key_point = NULL;
  g_free (self->root_id);
  self->root_id = g_strdup (root->id);

  map = _derm_info_panel_active_map (self);
  /* Translators: under a root's title, "Nerve root · ISNCSCI (Foerster) map" */
  subtitle = g_strdup_printf (_("Nerve root · %s"), map != NULL ? map->name : "");
  _derm_info_panel_begin_card (self, root->id, subtitle);
  gtk_widget_add_css_class (gtk_widget_get_first_child (GTK_WIDGET (self->card)), "root-title");

  _derm_info_panel_append_root (self, root, FALSE, TRUE);
  _derm_info_panel_end_card (self);
}

void
derm_info_panel_show_key_point (DermInfoPanel      *self,
                                const DermKeyPoint *key_point)
{
  static const char * const scoring_sources[] = { "is19", NULL };
  const DermRoot *root;
  const DermStatement *point;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *section;

  g_return_if_fail (DERM_IS_INFO_PANEL (self));

  root = self->atlas != NULL && key_point != NULL ?
         derm_atlas_get_root (self->atlas, key_point->root) : NULL;
  if (root == NULL)
    {
      derm_info_panel_clear (self);
      return;
    }

  self->region = NULL;
  self->key_point = key_point;
  g_clear_pointer (&self->root_id, g_free);

  /* Translators: a key point card's title, "L4 key sensory point" */
  title = g_strdup_printf (_("%s key sensory point"), root->id);
  /* Translators: under a key point's title, "Left side · Anterior view" */
  subtitle = g_strdup_printf (_("%s · %s"),
                              key_point->side == DERM_SIDE_LEFT ? _("Left side") : _("Right side"),
                              _derm_info_panel_view_name (key_point->view));
  _derm_info_panel_begin_card (self, title, subtitle);

  {
    const char *roots[] = { root->id, NULL };

    _derm_info_panel_append_root_tags (self, NULL, NULL, roots);
  }

  section = _derm_info_panel_new_section (self->card);
  _derm_info_panel_append_heading (GTK_BOX (section), _("Where to test"));
  point = derm_root_get_statement (root, "key-point", -1);
  if (point != NULL)
    _derm_info_panel_append_statement (self, GTK_BOX (section), NULL, point->text,
                                       (const char * const *) point->sources);
  if (key_point->region != NULL)
    {
      g_autofree char *region_title = derm_region_dup_title (key_point->region);
      /* Translators: the drawn region a key point lies in, "In: Left medial malleolus" */
      g_autofree char *text = g_strdup_printf (_("In: %s"), region_title);

      _derm_info_panel_append_label (GTK_BOX (section), text, "dim-label");
    }

  section = _derm_info_panel_new_section (self->card);
  _derm_info_panel_append_heading (GTK_BOX (section), _("Scoring"));
  _derm_info_panel_append_statement (self, GTK_BOX (section), NULL,
                                     _("Light touch and pin prick are scored separately: 0 absent, 1 altered, "
                      "2 normal, NT not testable"),
                                     scoring_sources);

  _derm_info_panel_append_root (self, root, TRUE, TRUE);
  _derm_info_panel_end_card (self);
}

void
derm_info_panel_clear (DermInfoPanel *self)
{
  g_return_if_fail (DERM_IS_INFO_PANEL (self));

  self->region = NULL;
  self->key_point = NULL;
  g_clear_pointer (&self->root_id, g_free);
  g_clear_pointer (&self->title, g_free);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

const DermRegion *
derm_info_panel_get_region (DermInfoPanel *self)
{
  g_return_val_if_fail (DERM_IS_INFO_PANEL (self), NULL);

  return self->region;
}

const char *
derm_info_panel_get_title (DermInfoPanel *self)
{
  g_return_val_if_fail (DERM_IS_INFO_PANEL (self), NULL);

  return self->title;
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

char *
derm_info_panel_dup_text (DermInfoPanel *self)
{
  GString *text;

  g_return_val_if_fail (DERM_IS_INFO_PANEL (self), NULL);

  text = g_string_new (NULL);
  if (self->title != NULL)
    collect_text (GTK_WIDGET (self->card), text);

  return g_string_free (text, FALSE);
}
