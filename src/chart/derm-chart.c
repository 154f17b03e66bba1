/* derm-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart in memory: its parts, its edits and the names the file uses.
 * Reading and writing the file is derm-chart-file.c.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <string.h>

#include "derm-chart-private.h"

G_DEFINE_TYPE (DermChart, derm_chart, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const finding_names[DERM_N_FINDINGS] = {
  "normal", "absent", "reduced", "increased", "pain", "paraesthesia",
};

static const struct {
  DermRedFlags flag;
  const char  *name;
} red_flag_names[DERM_N_RED_FLAGS] = {
  { DERM_RED_FLAG_SADDLE_ANAESTHESIA, "saddle-anaesthesia" },
  { DERM_RED_FLAG_BLADDER, "bladder" },
  { DERM_RED_FLAG_BOWEL, "bowel" },
  { DERM_RED_FLAG_SEXUAL, "sexual" },
  { DERM_RED_FLAG_PROGRESSIVE_WEAKNESS, "progressive-weakness" },
  { DERM_RED_FLAG_BILATERAL_SYMPTOMS, "bilateral-symptoms" },
};

GQuark
derm_chart_error_quark (void)
{
  return g_quark_from_static_string ("derm-chart-error");
}

void
derm_chart_sensory_free (gpointer data)
{
  DermChartSensory *entry = data;

  g_free (entry->region);
  g_clear_pointer (&entry->extra, json_object_unref);
  g_free (entry);
}

void
derm_chart_key_point_free (gpointer data)
{
  DermChartKeyPoint *entry = data;

  g_free (entry->root);
  g_clear_pointer (&entry->extra, json_object_unref);
  g_free (entry);
}

void
derm_chart_test_free (gpointer data)
{
  DermChartTest *entry = data;

  g_free (entry->test);
  g_clear_pointer (&entry->extra, json_object_unref);
  g_free (entry);
}

static void
emit_changed (DermChart *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
replace_string (char       **field,
                const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
derm_chart_finalize (GObject *object)
{
  DermChart *self = DERM_CHART (object);

  g_free (self->map);
  g_free (self->title);
  g_free (self->examined);
  g_free (self->note);
  g_clear_pointer (&self->sensory, g_ptr_array_unref);
  g_clear_pointer (&self->key_points, g_ptr_array_unref);
  g_clear_pointer (&self->motor, g_ptr_array_unref);
  g_clear_pointer (&self->reflexes, g_ptr_array_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (derm_chart_parent_class)->finalize (object);
}

static void
derm_chart_class_init (DermChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = derm_chart_finalize;

  /**
   * DermChart::changed:
   *
   * Any part of the chart changed through one of the setters.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
derm_chart_init (DermChart *self)
{
}

DermChart *
derm_chart_new (void)
{
  return g_object_new (DERM_TYPE_CHART, NULL);
}

GPtrArray *
_derm_chart_ensure (GPtrArray      **list,
                    GDestroyNotify   free_func)
{
  if (*list == NULL)
    *list = g_ptr_array_new_with_free_func (free_func);
  return *list;
}

#define STRING_PROPERTY(field)                                          \
const char *                                                            \
derm_chart_get_##field (DermChart *self)                                \
{                                                                       \
  g_return_val_if_fail (DERM_IS_CHART (self), NULL);                    \
  return self->field;                                                   \
}                                                                       \
                                                                        \
void                                                                    \
derm_chart_set_##field (DermChart  *self,                               \
                        const char *value)                              \
{                                                                       \
  g_return_if_fail (DERM_IS_CHART (self));                              \
  if (g_strcmp0 (self->field, value) == 0)                              \
    return;                                                             \
  replace_string (&self->field, value);                                 \
  emit_changed (self);                                                  \
}

STRING_PROPERTY (map)
STRING_PROPERTY (title)
STRING_PROPERTY (examined)
STRING_PROPERTY (note)

#undef STRING_PROPERTY

GPtrArray *
derm_chart_get_sensory (DermChart *self)
{
  g_return_val_if_fail (DERM_IS_CHART (self), NULL);
  return self->sensory;
}

GPtrArray *
derm_chart_get_key_points (DermChart *self)
{
  g_return_val_if_fail (DERM_IS_CHART (self), NULL);
  return self->key_points;
}

GPtrArray *
derm_chart_get_motor (DermChart *self)
{
  g_return_val_if_fail (DERM_IS_CHART (self), NULL);
  return self->motor;
}

GPtrArray *
derm_chart_get_reflexes (DermChart *self)
{
  g_return_val_if_fail (DERM_IS_CHART (self), NULL);
  return self->reflexes;
}

gboolean
derm_chart_get_red_flags (DermChart    *self,
                          DermRedFlags *flags)
{
  g_return_val_if_fail (DERM_IS_CHART (self), FALSE);

  if (flags != NULL)
    *flags = self->red_flags;
  return self->red_flags_examined;
}

int
derm_chart_lookup_sensory (DermChart  *self,
                           DermView    view,
                           DermSide    side,
                           const char *region)
{
  g_return_val_if_fail (DERM_IS_CHART (self), -1);

  for (guint i = 0; self->sensory != NULL && i < self->sensory->len; i++)
    {
      const DermChartSensory *entry = g_ptr_array_index (self->sensory, i);

      if (entry->view == view && entry->side == side && g_strcmp0 (entry->region, region) == 0)
        return (int) entry->finding;
    }
  return -1;
}

void
derm_chart_set_sensory (DermChart  *self,
                        DermView    view,
                        DermSide    side,
                        const char *region,
                        int         finding)
{
  GPtrArray *list;
  DermChartSensory *entry;
  guint at_place = 0, same = 0;

  g_return_if_fail (DERM_IS_CHART (self));
  g_return_if_fail (region != NULL);
  g_return_if_fail (finding >= -1 && finding < DERM_N_FINDINGS);

  list = _derm_chart_ensure (&self->sensory, derm_chart_sensory_free);
  for (guint i = 0; i < list->len; i++)
    {
      entry = g_ptr_array_index (list, i);
      if (entry->view == view && entry->side == side && strcmp (entry->region, region) == 0)
        {
          at_place++;
          same += entry->finding == (DermFinding) finding;
        }
    }
  if ((at_place == 1 && same == 1) || (at_place == 0 && finding < 0))
    return;

  /* the place takes this one finding, whatever it had */
  for (guint i = list->len; i-- > 0;)
    {
      entry = g_ptr_array_index (list, i);
      if (entry->view == view && entry->side == side && strcmp (entry->region, region) == 0)
        g_ptr_array_remove_index (list, i);
    }
  if (finding >= 0)
    {
      entry = g_new0 (DermChartSensory, 1);
      entry->view = view;
      entry->side = side;
      entry->region = g_strdup (region);
      entry->finding = finding;
      g_ptr_array_add (list, entry);
    }
  emit_changed (self);
}

void
derm_chart_set_key_point (DermChart  *self,
                          const char *root,
                          DermSide    side,
                          int         light_touch,
                          int         pin_prick)
{
  GPtrArray *list;
  DermChartKeyPoint *entry = NULL;

  g_return_if_fail (DERM_IS_CHART (self));
  g_return_if_fail (root != NULL);

  list = _derm_chart_ensure (&self->key_points, derm_chart_key_point_free);
  for (guint i = 0; i < list->len && entry == NULL; i++)
    {
      DermChartKeyPoint *other = g_ptr_array_index (list, i);
      if (other->side == side && strcmp (other->root, root) == 0)
        entry = other;
    }
  if (entry == NULL)
    {
      entry = g_new0 (DermChartKeyPoint, 1);
      entry->root = g_strdup (root);
      entry->side = side;
      g_ptr_array_add (list, entry);
    }
  else if (entry->light_touch == light_touch && entry->pin_prick == pin_prick)
    return;
  entry->light_touch = light_touch;
  entry->pin_prick = pin_prick;
  emit_changed (self);
}

static void
set_test (DermChart   *self,
          GPtrArray  **listp,
          const char  *test,
          DermSide     side,
          int          grade,
          DermPlantar  response)
{
  GPtrArray *list = _derm_chart_ensure (listp, derm_chart_test_free);
  DermChartTest *entry = NULL;

  for (guint i = 0; i < list->len && entry == NULL; i++)
    {
      DermChartTest *other = g_ptr_array_index (list, i);
      if (other->side == side && strcmp (other->test, test) == 0)
        entry = other;
    }
  if (entry == NULL)
    {
      entry = g_new0 (DermChartTest, 1);
      entry->test = g_strdup (test);
      entry->side = side;
      g_ptr_array_add (list, entry);
    }
  else if (entry->grade == grade && entry->response == response)
    return;
  entry->grade = grade;
  entry->response = response;
  emit_changed (self);
}

void
derm_chart_set_motor (DermChart  *self,
                      const char *test,
                      DermSide    side,
                      int         grade)
{
  g_return_if_fail (DERM_IS_CHART (self));
  g_return_if_fail (test != NULL);
  g_return_if_fail (grade == DERM_GRADE_NT || (grade >= 0 && grade <= 5));

  set_test (self, &self->motor, test, side, grade, DERM_PLANTAR_NONE);
}

void
derm_chart_set_reflex (DermChart   *self,
                       const char  *reflex,
                       DermSide     side,
                       int          grade,
                       DermPlantar  response)
{
  g_return_if_fail (DERM_IS_CHART (self));
  g_return_if_fail (reflex != NULL);
  g_return_if_fail (response != DERM_PLANTAR_NONE ||
                    grade == DERM_GRADE_NT || (grade >= 0 && grade <= 4));

  set_test (self, &self->reflexes, reflex, side,
            response != DERM_PLANTAR_NONE ? DERM_GRADE_NONE : grade, response);
}

void
derm_chart_set_red_flags (DermChart    *self,
                          DermRedFlags  flags)
{
  g_return_if_fail (DERM_IS_CHART (self));

  if (self->red_flags_examined && self->red_flags == flags)
    return;
  self->red_flags_examined = TRUE;
  self->red_flags = flags;
  emit_changed (self);
}

const char *
derm_finding_to_string (DermFinding finding)
{
  g_return_val_if_fail (finding < DERM_N_FINDINGS, NULL);
  return finding_names[finding];
}

gboolean
derm_finding_from_string (const char  *str,
                          DermFinding *finding)
{
  for (guint i = 0; str != NULL && i < DERM_N_FINDINGS; i++)
    if (strcmp (finding_names[i], str) == 0)
      {
        *finding = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
derm_finding_is_abnormal (DermFinding finding)
{
  return finding != DERM_FINDING_NORMAL;
}

const char *
derm_red_flag_to_string (DermRedFlags flag)
{
  for (guint i = 0; i < DERM_N_RED_FLAGS; i++)
    if (red_flag_names[i].flag == flag)
      return red_flag_names[i].name;
  return NULL;
}

gboolean
derm_red_flag_from_string (const char   *str,
                           DermRedFlags *flag)
{
  for (guint i = 0; str != NULL && i < DERM_N_RED_FLAGS; i++)
    if (strcmp (red_flag_names[i].name, str) == 0)
      {
        *flag = red_flag_names[i].flag;
        return TRUE;
      }
  return FALSE;
}

const char *
derm_plantar_to_string (DermPlantar response)
{
  switch (response)
    {
    case DERM_PLANTAR_FLEXOR:
      return "flexor";
    case DERM_PLANTAR_EXTENSOR:
      return "extensor";
    case DERM_PLANTAR_EQUIVOCAL:
      return "equivocal";
    case DERM_PLANTAR_NONE:
    default:
      return NULL;
    }
}
