/* derm-chart-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by derm-chart.c and derm-chart-file.c only.
 */
#pragma once

#include "derm-chart.h"

G_BEGIN_DECLS

struct _DermChart
{
  GObject       parent_instance;

  char         *map;
  char         *title;
  char         *examined;
  char         *note;
  GPtrArray    *sensory;      /* DermChartSensory, or NULL: not examined */
  GPtrArray    *key_points;   /* DermChartKeyPoint, or NULL */
  GPtrArray    *motor;        /* DermChartTest, or NULL */
  GPtrArray    *reflexes;     /* DermChartTest, or NULL */
  gboolean      red_flags_examined;
  DermRedFlags  red_flags;
  JsonObject   *extra;        /* top-level members this version does not know */
};

void        derm_chart_sensory_free   (gpointer data);
void        derm_chart_key_point_free (gpointer data);
void        derm_chart_test_free      (gpointer data);
GPtrArray  *_derm_chart_ensure        (GPtrArray      **list,
                                       GDestroyNotify   free_func);

G_END_DECLS
