/* derm-chart-panel.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The side panel of chart mode: the finding the map marks with, the live
 * ranking of what could explain the chart (derm-chart-panel-ranking.c),
 * then the ISNCSCI key points, muscles, reflexes and red flags, right and
 * left side by side. Every change goes straight into the DermChart.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "derm-chart-marks.h"
#include "derm-chart-panel-private.h"

G_DEFINE_FINAL_TYPE (DermChartPanel, derm_chart_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FINDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CANDIDATE_SELECTED,
  CHART_REPLACED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const DermFinding tool_findings[] = {
  DERM_FINDING_ABSENT, DERM_FINDING_REDUCED, DERM_FINDING_INCREASED,
  DERM_FINDING_PAIN, DERM_FINDING_PARAESTHESIA,
};

/* The choices of each kind of field; index 0 is "not examined". */
static const char *key_point_choices[] = { "–", "0", "1", "2", "NT", NULL };
static const char *motor_choices[] = { "–", "0", "1", "2", "3", "4", "5", "NT", NULL };
static const char *reflex_choices[] = { "–", "0", "1", "2", "3", "4", "NT", NULL };

static void
field_free (gpointer data)
{
  Field *field = data;

  g_free (field->id);
  g_free (field->name);
  g_free (field);
}

char *
_derm_chart_panel_capitalize (const char *text)
{
  gunichar first;

  if (text == NULL || text[0] == '\0')
    return g_strdup ("");
  first = g_unichar_totitle (g_utf8_get_char (text));
  {
    char buf[8];
    int n = g_unichar_to_utf8 (first, buf);

    return g_strdup_printf ("%.*s%s", n, buf, g_utf8_next_char (text));
  }
}

static const char *
side_label (DermSide side)
{
  switch (side)
    {
    case DERM_SIDE_LEFT:
      return _("Left");
    case DERM_SIDE_RIGHT:
      return _("Right");
    case DERM_SIDE_MID:
    case DERM_N_SIDES:
    default:
      return _("Midline");
    }
}

static char *
field_key (FieldKind   kind,
           const char *id,
           DermSide    side)
{
  static const char *names[] = { "lt", "pp", "motor", "reflex", "plantar" };

  return g_strdup_printf ("%s:%s:%s", names[kind], id, derm_side_to_string (side));
}

/* reading the chart */

static const DermChartKeyPoint *
find_key_point (DermChart  *chart,
                const char *root,
                DermSide    side)
{
  GPtrArray *list = derm_chart_get_key_points (chart);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const DermChartKeyPoint *entry = g_ptr_array_index (list, i);

      if (entry->side == side && g_strcmp0 (entry->root, root) == 0)
        return entry;
    }
  return NULL;
}

static const DermChartTest *
find_test (GPtrArray  *list,
           const char *test,
           DermSide    side)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const DermChartTest *entry = g_ptr_array_index (list, i);

      if (entry->side == side && g_strcmp0 (entry->test, test) == 0)
        return entry;
    }
  return NULL;
}

/* A grade -> the dropdown's position, and back. */
static guint
grade_to_position (int grade,
                   int max)
{
  if (grade == DERM_GRADE_NT)
    return max + 2;
  if (grade < 0 || grade > max)
    return 0;
  return grade + 1;
}

static int
position_to_grade (guint position,
                   int   max)
{
  if (position == 0)
    return DERM_GRADE_NONE;
  if (position == (guint) max + 2)
    return DERM_GRADE_NT;
  return (int) position - 1;
}

static guint
field_position (DermChartPanel *self,
                const Field    *field)
{
  const DermChartKeyPoint *kp;
  const DermChartTest *test;

  switch (field->kind)
    {
    case FIELD_LIGHT_TOUCH:
    case FIELD_PIN_PRICK:
      kp = find_key_point (self->chart, field->id, field->side);
      if (kp == NULL)
        return 0;
      return grade_to_position (field->kind == FIELD_LIGHT_TOUCH ? kp->light_touch : kp->pin_prick, 2);
    case FIELD_MOTOR:
      test = find_test (derm_chart_get_motor (self->chart), field->id, field->side);
      return test != NULL ? grade_to_position (test->grade, 5) : 0;
    case FIELD_REFLEX:
      test = find_test (derm_chart_get_reflexes (self->chart), field->id, field->side);
      return test != NULL ? grade_to_position (test->grade, 4) : 0;
    case FIELD_PLANTAR:
      test = find_test (derm_chart_get_reflexes (self->chart), field->id, field->side);
      if (test == NULL)
        return 0;
      if (test->response != DERM_PLANTAR_NONE)
        return test->response;  /* flexor 1, extensor 2, equivocal 3 */
      return test->grade == DERM_GRADE_NT ? 4 : 0;
    default:
      return 0;
    }
}

static gboolean
position_abnormal (FieldKind kind,
                   guint     position)
{
  switch (kind)
    {
    case FIELD_LIGHT_TOUCH:
    case FIELD_PIN_PRICK:
      return position == 1 || position == 2;    /* 0, 1 */
    case FIELD_MOTOR:
      return position >= 1 && position <= 5;    /* 0-4 */
    case FIELD_REFLEX:
      return position == 1 || position == 2 || position == 4 || position == 5;  /* 0, 1, 3, 4 */
    case FIELD_PLANTAR:
      return position == 2 || position == 3;    /* extensor, equivocal */
    default:
      return FALSE;
    }
}

/* An abnormal value stands out; a screen reader hears the field and its
 * value on the button that takes the focus ("Left ankle dorsiflexion: 4"). */
static void
update_abnormal (Field *field)
{
  guint position = gtk_drop_down_get_selected (field->dropdown);
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (field->dropdown));
  GtkStringObject *item = gtk_drop_down_get_selected_item (field->dropdown);
  g_autofree char *label = NULL;

  if (position_abnormal (field->kind, position))
    gtk_widget_add_css_class (GTK_WIDGET (field->dropdown), "abnormal");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (field->dropdown), "abnormal");

  /* Translators: a grade for a screen reader, "Left ankle dorsiflexion: 4"; "–" is "not examined" */
  label = g_strdup_printf (C_("grade", "%s: %s"), field->name,
                           position == 0 ? _("not examined") :
                           item != NULL ? gtk_string_object_get_string (item) : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (GTK_IS_BUTTON (button))
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
sync_from_chart (DermChartPanel *self)
{
  DermRedFlags flags = 0;

  if (self->chart == NULL || self->fields == NULL)
    return;

  self->syncing = TRUE;
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      gtk_drop_down_set_selected (field->dropdown, field_position (self, field));
      update_abnormal (field);
    }
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)),
                 derm_chart_get_title (self->chart) != NULL ? derm_chart_get_title (self->chart) : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title_entry),
                           derm_chart_get_title (self->chart) != NULL ? derm_chart_get_title (self->chart) : "");
  derm_chart_get_red_flags (self->chart, &flags);
  for (guint i = 0; i < DERM_N_RED_FLAGS; i++)
    if (self->red_flags[i] != NULL)
      gtk_check_button_set_active (self->red_flags[i], (flags & (1 << i)) != 0);
  self->syncing = FALSE;
}

/* "Not examined" again: the chart has no way to drop one entry, so the
 * entry goes from its JSON and a new chart takes the old one's place. */
static void
remove_entry (DermChartPanel *self,
              const char     *member,
              const char     *key_member,
              const char     *id,
              DermSide        side)
{
  g_autofree char *data = derm_chart_to_data (self->chart, NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) generator = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DermChart) chart = NULL;
  g_autofree char *text = NULL;
  JsonObject *root;
  JsonArray *array;

  if (!json_parser_load_from_data (parser, data, -1, NULL))
    return;
  root = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (root, member))
    return;
  array = json_object_get_array_member (root, member);
  for (guint i = json_array_get_length (array); i-- > 0;)
    {
      JsonObject *entry = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (entry, key_member, ""), id) == 0 &&
          g_strcmp0 (json_object_get_string_member_with_default (entry, "side", ""),
                     derm_side_to_string (side)) == 0)
        json_array_remove_element (array, i);
    }

  generator = json_generator_new ();
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  chart = derm_chart_new_from_data (text, -1, NULL, self->atlas, &error);
  if (chart == NULL)
    {
      g_debug ("Could not drop %s %s: %s", member, id, error->message);
      return;
    }
  g_signal_emit (self, signals[CHART_REPLACED], 0, chart);
}

/* callbacks */

static void
field_changed_cb (GtkDropDown *dropdown,
                  GParamSpec  *pspec,
                  Field       *field)
{
  DermChartPanel *self = g_object_get_data (G_OBJECT (dropdown), "panel");
  guint position = gtk_drop_down_get_selected (dropdown);
  const DermChartKeyPoint *kp;
  int lt, pp;

  update_abnormal (field);
  if (self->syncing || self->chart == NULL)
    return;

  switch (field->kind)
    {
    case FIELD_LIGHT_TOUCH:
    case FIELD_PIN_PRICK:
      kp = find_key_point (self->chart, field->id, field->side);
      lt = kp != NULL ? kp->light_touch : DERM_GRADE_NONE;
      pp = kp != NULL ? kp->pin_prick : DERM_GRADE_NONE;
      if (field->kind == FIELD_LIGHT_TOUCH)
        lt = position_to_grade (position, 2);
      else
        pp = position_to_grade (position, 2);
      if (lt == DERM_GRADE_NONE && pp == DERM_GRADE_NONE)
        remove_entry (self, "key-points", "root", field->id, field->side);
      else
        derm_chart_set_key_point (self->chart, field->id, field->side, lt, pp);
      break;
    case FIELD_MOTOR:
      if (position == 0)
        remove_entry (self, "motor", "test", field->id, field->side);
      else
        derm_chart_set_motor (self->chart, field->id, field->side, position_to_grade (position, 5));
      break;
    case FIELD_REFLEX:
      if (position == 0)
        remove_entry (self, "reflexes", "reflex", field->id, field->side);
      else
        derm_chart_set_reflex (self->chart, field->id, field->side,
                               position_to_grade (position, 4), DERM_PLANTAR_NONE);
      break;
    case FIELD_PLANTAR:
      if (position == 0)
        remove_entry (self, "reflexes", "reflex", field->id, field->side);
      else if (position == 4)
        derm_chart_set_reflex (self->chart, field->id, field->side, DERM_GRADE_NT, DERM_PLANTAR_NONE);
      else
        derm_chart_set_reflex (self->chart, field->id, field->side, DERM_GRADE_NONE, (DermPlantar) position);
      break;
    default:
      break;
    }
}

static void
title_changed_cb (DermChartPanel *self,
                  GtkEditable    *entry)
{
  const char *text = gtk_editable_get_text (entry);

  if (self->syncing || self->chart == NULL ||
      g_strcmp0 (text, derm_chart_get_title (self->chart) != NULL ? derm_chart_get_title (self->chart) : "") == 0)
    return;
  derm_chart_set_title (self->chart, text[0] != '\0' ? text : NULL);
}

static void
red_flag_toggled_cb (DermChartPanel *self,
                     GtkCheckButton *button)
{
  DermRedFlags flags = 0;

  if (self->syncing || self->chart == NULL)
    return;

  for (guint i = 0; i < DERM_N_RED_FLAGS; i++)
    if (gtk_check_button_get_active (self->red_flags[i]))
      flags |= 1 << i;
  derm_chart_set_red_flags (self->chart, flags);
}

static void
tool_toggled_cb (DermChartPanel  *self,
                 GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  for (guint i = 0; i < DERM_N_FINDINGS; i++)
    if (self->tools[i] == button)
      derm_chart_panel_set_finding (self, i == 0 ? -1 : (int) i);
}

static void
swatch_draw (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  int finding = GPOINTER_TO_INT (user_data);

  cairo_rectangle (cr, 1, 1, width - 2, height - 2);
  if (finding < 0)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      return;
    }
  derm_finding_fill (cr, finding, 5.0);
}

static void
chart_changed_cb (DermChartPanel *self,
                  DermChart      *chart)
{
  _derm_chart_panel_queue_rank (self);
}

void
_derm_chart_panel_emit_candidate_selected (DermChartPanel      *self,
                                           const DermCandidate *candidate)
{
  g_signal_emit (self, signals[CANDIDATE_SELECTED], 0, candidate);
}

/* building the form */

static GtkWidget *
heading_label (const char *text,
               const char *tooltip)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (label, tooltip);
  return label;
}

static GtkWidget *
add_field (DermChartPanel     *self,
           FieldKind           kind,
           const char         *id,
           DermSide            side,
           const char * const *choices,
           const char         *accessible)
{
  Field *field = g_new0 (Field, 1);

  field->kind = kind;
  field->id = g_strdup (id);
  field->side = side;
  field->name = g_strdup (accessible);
  field->dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (choices));
  gtk_widget_add_css_class (GTK_WIDGET (field->dropdown), "grade");
  update_abnormal (field);
  gtk_widget_set_tooltip_text (GTK_WIDGET (field->dropdown), accessible);
  g_object_set_data (G_OBJECT (field->dropdown), "panel", self);
  g_object_set_data_full (G_OBJECT (field->dropdown), "key", field_key (kind, id, side), g_free);
  g_signal_connect (field->dropdown, "notify::selected", G_CALLBACK (field_changed_cb), field);
  g_ptr_array_add (self->fields, field);

  return GTK_WIDGET (field->dropdown);
}

static void
build_key_points (DermChartPanel *self)
{
  GPtrArray *roots = derm_atlas_get_roots (self->atlas);
  static const DermSide sides[] = { DERM_SIDE_RIGHT, DERM_SIDE_LEFT };
  int row = 2;

  gtk_grid_attach (self->key_points_grid, heading_label (_("Right"), NULL), 1, 0, 2, 1);
  gtk_grid_attach (self->key_points_grid, heading_label (_("Left"), NULL), 3, 0, 2, 1);
  for (guint s = 0; s < 2; s++)
    {
      /* Translators: short column heads of the key-point table: light touch, pin prick */
      gtk_grid_attach (self->key_points_grid, heading_label (C_("column", "LT"), _("Light touch")), 1 + 2 * s, 1, 1, 1);
      gtk_grid_attach (self->key_points_grid, heading_label (C_("column", "PP"), _("Pin prick")), 2 + 2 * s, 1, 1, 1);
    }

  for (guint i = 0; i < roots->len; i++)
    {
      const DermRoot *root = g_ptr_array_index (roots, i);
      GtkWidget *label;

      if (derm_atlas_get_key_point (self->atlas, root->id, DERM_SIDE_LEFT) == NULL &&
          derm_atlas_get_key_point (self->atlas, root->id, DERM_SIDE_MID) == NULL)
        continue;

      label = gtk_label_new (root->id);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_grid_attach (self->key_points_grid, label, 0, row, 1, 1);
      for (guint s = 0; s < 2; s++)
        {
          /* Translators: a key-point score for a screen reader, "Left L5 light touch" */
          g_autofree char *lt = g_strdup_printf (_("%s %s light touch"), side_label (sides[s]), root->id);
          /* Translators: a key-point score for a screen reader, "Left L5 pin prick" */
          g_autofree char *pp = g_strdup_printf (_("%s %s pin prick"), side_label (sides[s]), root->id);

          gtk_grid_attach (self->key_points_grid,
                           add_field (self, FIELD_LIGHT_TOUCH, root->id, sides[s], key_point_choices, lt),
                           1 + 2 * s, row, 1, 1);
          gtk_grid_attach (self->key_points_grid,
                           add_field (self, FIELD_PIN_PRICK, root->id, sides[s], key_point_choices, pp),
                           2 + 2 * s, row, 1, 1);
        }
      row++;
    }
}

static void
build_tests (DermChartPanel *self)
{
  GPtrArray *tests = derm_atlas_get_exam_tests (self->atlas);
  static const DermSide sides[] = { DERM_SIDE_RIGHT, DERM_SIDE_LEFT };
  const char *plantar_choices[] = { "–", _("flexor"), _("extensor"), _("equivocal"), "NT", NULL };
  int row = 1;

  gtk_grid_attach (self->tests_grid, heading_label (_("Right"), NULL), 1, 0, 1, 1);
  gtk_grid_attach (self->tests_grid, heading_label (_("Left"), NULL), 2, 0, 1, 1);

  for (guint i = 0; i < tests->len; i++)
    {
      const DermExamTest *test = g_ptr_array_index (tests, i);
      gboolean plantar = g_str_equal (test->id, "plantar");
      FieldKind kind = test->kind == DERM_TEST_MOTOR ? FIELD_MOTOR : plantar ? FIELD_PLANTAR : FIELD_REFLEX;
      const char * const *choices = kind == FIELD_MOTOR ? motor_choices :
                                    kind == FIELD_PLANTAR ? plantar_choices : reflex_choices;
      g_autofree char *name = _derm_chart_panel_capitalize (test->name);
      GtkWidget *label = gtk_label_new (name);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      if (test->muscles != NULL)
        gtk_widget_set_tooltip_text (label, test->muscles);
      gtk_grid_attach (self->tests_grid, label, 0, row, 1, 1);

      if (test->midline)
        {
          gtk_grid_attach (self->tests_grid,
                           add_field (self, kind, test->id, DERM_SIDE_MID, choices, name),
                           1, row, 2, 1);
        }
      else
        for (guint s = 0; s < 2; s++)
          {
            /* Translators: a muscle or reflex grade for a screen reader, "Left ankle dorsiflexion" */
            g_autofree char *accessible = g_strdup_printf (_("%s %s"), side_label (sides[s]), test->name);

            gtk_grid_attach (self->tests_grid,
                             add_field (self, kind, test->id, sides[s], choices, accessible),
                             1 + s, row, 1, 1);
          }
      row++;
    }
}

static void
build_red_flags (DermChartPanel *self)
{
  const char *labels[DERM_N_RED_FLAGS] = {
    _("Saddle anaesthesia"),
    _("Bladder symptoms"),
    _("Bowel symptoms"),
    _("Sexual dysfunction"),
    _("Progressive weakness"),
    _("Symptoms in both legs"),
  };

  for (guint i = 0; i < DERM_N_RED_FLAGS; i++)
    {
      self->red_flags[i] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (labels[i]));
      g_object_set_data_full (G_OBJECT (self->red_flags[i]), "key",
                              g_strdup_printf ("flag:%s", derm_red_flag_to_string (1 << i)), g_free);
      g_signal_connect_swapped (self->red_flags[i], "toggled", G_CALLBACK (red_flag_toggled_cb), self);
      gtk_box_append (self->red_flags_box, GTK_WIDGET (self->red_flags[i]));
    }
}

static void
build_tools (DermChartPanel *self)
{
  GtkToggleButton *group = NULL;

  for (guint i = 0; i <= G_N_ELEMENTS (tool_findings); i++)
    {
      gboolean eraser = i == G_N_ELEMENTS (tool_findings);
      int finding = eraser ? -1 : (int) tool_findings[i];
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = gtk_drawing_area_new ();
      g_autofree char *name = eraser ? g_strdup (_("Eraser")) : _derm_chart_panel_capitalize (derm_finding_label (finding));
      g_autofree char *key = eraser ? g_strdup ("0") : g_strdup_printf ("%u", i + 1);
      /* Translators: tooltip of a finding button, "Reduced (2)": its key */
      g_autofree char *tooltip = g_strdup_printf (_("%s (%s)"), name, key);
      GtkWidget *label = gtk_label_new (name);
      GtkWidget *key_label = gtk_label_new (key);

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 16);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 16);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), swatch_draw, GINT_TO_POINTER (finding), NULL);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (key_label, "dim-label");
      gtk_box_append (GTK_BOX (box), swatch);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), key_label);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "finding-tool");
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      self->tools[eraser ? 0 : finding] = GTK_TOGGLE_BUTTON (button);
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (tool_toggled_cb), self);
      gtk_flow_box_append (self->tools_box, button);
    }
  gtk_toggle_button_set_active (self->tools[self->finding < 0 ? 0 : self->finding], TRUE);
}

/* vfuncs */

static void
derm_chart_panel_dispose (GObject *object)
{
  DermChartPanel *self = DERM_CHART_PANEL (object);
  GtkWidget *child;

  g_clear_handle_id (&self->rank_idle_id, g_source_remove);
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_func (self->chart, chart_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DERM_TYPE_CHART_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->chart);
  g_clear_object (&self->atlas);
  g_clear_pointer (&self->localization, derm_localization_free);
  g_clear_pointer (&self->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (derm_chart_panel_parent_class)->dispose (object);
}

static void
derm_chart_panel_finalize (GObject *object)
{
  DermChartPanel *self = DERM_CHART_PANEL (object);

  g_free (self->map_id);
  g_free (self->selected_key);

  G_OBJECT_CLASS (derm_chart_panel_parent_class)->finalize (object);
}

static void
derm_chart_panel_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DermChartPanel *self = DERM_CHART_PANEL (object);

  switch (prop_id)
    {
    case PROP_FINDING:
      g_value_set_int (value, self->finding);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
derm_chart_panel_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DermChartPanel *self = DERM_CHART_PANEL (object);

  switch (prop_id)
    {
    case PROP_FINDING:
      derm_chart_panel_set_finding (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
derm_chart_panel_class_init (DermChartPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = derm_chart_panel_dispose;
  object_class->finalize = derm_chart_panel_finalize;
  object_class->get_property = derm_chart_panel_get_property;
  object_class->set_property = derm_chart_panel_set_property;

  properties[PROP_FINDING] =
    g_param_spec_int ("finding", NULL, NULL, -1, DERM_N_FINDINGS - 1, DERM_FINDING_REDUCED,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* the selected candidate (a const DermCandidate *, or NULL) */
  signals[CANDIDATE_SELECTED] =
    g_signal_new ("candidate-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  /* an entry went back to "not examined": this chart, without it, replaces the old */
  signals[CHART_REPLACED] =
    g_signal_new ("chart-replaced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DERM_TYPE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/derm-chart-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DermChartPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, DermChartPanel, title_entry);
  gtk_widget_class_bind_template_child (widget_class, DermChartPanel, urgent_revealer);
  gtk_widget_class_bind_template_child (widget_class, DermChartPanel, tools_box);
  gtk_widget_class_bind_template_child (widget_class, DermChartPanel, ranking_list);
  gtk_widget_class_bind_template_child (widget_class, DermChartPanel, evidence_label);
  gtk_widget_class_bind_template_child (widget_class, DermChartPanel, key_points_grid);
  gtk_widget_class_bind_template_child (widget_class, DermChartPanel, tests_grid);
  gtk_widget_class_bind_template_child (widget_class, DermChartPanel, red_flags_box);
  gtk_widget_class_bind_template_callback_full (widget_class, "candidate_selected_cb",
                                                G_CALLBACK (_derm_chart_panel_candidate_selected_cb));
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
derm_chart_panel_init (DermChartPanel *self)
{
  self->finding = DERM_FINDING_REDUCED;

  gtk_widget_init_template (GTK_WIDGET (self));
  build_tools (self);
  {
    GtkWidget *placeholder = gtk_label_new (_("Nothing abnormal charted yet: mark the skin or enter a grade."));

    gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
    gtk_widget_add_css_class (placeholder, "dim-label");
    gtk_widget_set_margin_top (placeholder, 12);
    gtk_widget_set_margin_bottom (placeholder, 12);
    gtk_widget_set_margin_start (placeholder, 12);
    gtk_widget_set_margin_end (placeholder, 12);
    gtk_list_box_set_placeholder (self->ranking_list, placeholder);
  }
}

/* public API */

GtkWidget *
derm_chart_panel_new (void)
{
  return g_object_new (DERM_TYPE_CHART_PANEL, NULL);
}

void
derm_chart_panel_set_atlas (DermChartPanel *self,
                            DermAtlas      *atlas)
{
  g_return_if_fail (DERM_IS_CHART_PANEL (self));
  g_return_if_fail (DERM_IS_ATLAS (atlas));

  if (self->atlas != NULL)
    return;  /* the form is built once */

  self->atlas = g_object_ref (atlas);
  self->fields = g_ptr_array_new_with_free_func (field_free);
  build_key_points (self);
  build_tests (self);
  build_red_flags (self);
  sync_from_chart (self);
  _derm_chart_panel_queue_rank (self);
}

DermChart *
derm_chart_panel_get_chart (DermChartPanel *self)
{
  g_return_val_if_fail (DERM_IS_CHART_PANEL (self), NULL);

  return self->chart;
}

void
derm_chart_panel_set_chart (DermChartPanel *self,
                            DermChart      *chart)
{
  g_return_if_fail (DERM_IS_CHART_PANEL (self));
  g_return_if_fail (chart == NULL || DERM_IS_CHART (chart));

  if (self->chart == chart)
    return;

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_func (self->chart, chart_changed_cb, self);
  g_set_object (&self->chart, chart);
  if (chart != NULL)
    g_signal_connect_swapped (chart, "changed", G_CALLBACK (chart_changed_cb), self);
  sync_from_chart (self);
  _derm_chart_panel_queue_rank (self);
}

void
derm_chart_panel_set_map_id (DermChartPanel *self,
                             const char     *map_id)
{
  g_return_if_fail (DERM_IS_CHART_PANEL (self));

  if (g_strcmp0 (self->map_id, map_id) == 0)
    return;
  g_free (self->map_id);
  self->map_id = g_strdup (map_id);
  _derm_chart_panel_queue_rank (self);
}

void
derm_chart_panel_set_title (DermChartPanel *self,
                            const char     *title)
{
  g_return_if_fail (DERM_IS_CHART_PANEL (self));

  gtk_label_set_label (self->title_label, title);
}

int
derm_chart_panel_get_finding (DermChartPanel *self)
{
  g_return_val_if_fail (DERM_IS_CHART_PANEL (self), -1);

  return self->finding;
}

void
derm_chart_panel_set_finding (DermChartPanel *self,
                              int             finding)
{
  g_return_if_fail (DERM_IS_CHART_PANEL (self));
  g_return_if_fail (finding >= -1 && finding < DERM_N_FINDINGS && finding != DERM_FINDING_NORMAL);

  if (self->finding == finding)
    return;
  self->finding = finding;
  gtk_toggle_button_set_active (self->tools[finding < 0 ? 0 : finding], TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINDING]);
}


GtkWidget *
derm_chart_panel_get_field (DermChartPanel *self,
                            const char     *key)
{
  g_return_val_if_fail (DERM_IS_CHART_PANEL (self), NULL);

  if (g_strcmp0 (key, "title") == 0)
    return GTK_WIDGET (self->title_entry);
  for (guint i = 0; self->fields != NULL && i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (field->dropdown), "key"), key) == 0)
        return GTK_WIDGET (field->dropdown);
    }
  for (guint i = 0; i < DERM_N_RED_FLAGS; i++)
    if (self->red_flags[i] != NULL &&
        g_strcmp0 (g_object_get_data (G_OBJECT (self->red_flags[i]), "key"), key) == 0)
      return GTK_WIDGET (self->red_flags[i]);
  return NULL;
}
