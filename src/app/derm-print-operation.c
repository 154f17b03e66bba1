/* derm-print-operation.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The printed page is derm_page_render's, as exported: this class only
 * hands it GTK's cairo context and adds the "Map" tab. With a chart it
 * prints the chart's record instead (derm_chart_page_render), which has
 * no options of its own.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>

#include "derm-chart-page.h"
#include "derm-page-options-widget.h"
#include "derm-print-operation.h"

struct _DermPrintOperation
{
  GtkPrintOperation  parent_instance;

  DermRenderer      *renderer;
  DermPageOptions    options;
  DermChart         *chart;       /* print its record rather than the map */
  DermChartPage     *chart_page;  /* laid out for the paper in begin_print */
};

G_DEFINE_FINAL_TYPE (DermPrintOperation, derm_print_operation, GTK_TYPE_PRINT_OPERATION)

enum {
  PROP_0,
  PROP_RENDERER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* vfuncs */

static void
derm_print_operation_begin_print (GtkPrintOperation *operation,
                                  GtkPrintContext   *context)
{
  DermPrintOperation *self = DERM_PRINT_OPERATION (operation);

  if (self->chart != NULL)
    {
      g_autoptr (GError) error = NULL;

      g_clear_pointer (&self->chart_page, derm_chart_page_free);
      self->chart_page = derm_chart_page_new (self->renderer, self->chart, NULL, NULL,
                                              gtk_print_context_get_width (context),
                                              gtk_print_context_get_height (context), &error);
      if (self->chart_page == NULL)
        {
          g_warning ("Could not lay out the chart: %s", error->message);
          gtk_print_operation_cancel (operation);
          return;
        }
      gtk_print_operation_set_n_pages (operation, (int) derm_chart_page_get_n_pages (self->chart_page));
      return;
    }

  gtk_print_operation_set_n_pages (operation, (int) derm_page_get_n_pages (&self->options));
}

static void
derm_print_operation_draw_page (GtkPrintOperation *operation,
                                GtkPrintContext   *context,
                                int                page_nr)
{
  DermPrintOperation *self = DERM_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  if (self->chart_page != NULL)
    {
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);

      cairo_save (cr);
      /* grayscale asked for: the record's marks keep their patterns, and
       * their colours go to greys (saturation 0 over a white page) */
      if (settings != NULL && !gtk_print_settings_get_use_color (settings))
        {
          cairo_push_group (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
          derm_chart_page_render (self->chart_page, cr, (guint) page_nr);
          cairo_set_operator (cr, CAIRO_OPERATOR_HSL_SATURATION);
          cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
          cairo_paint (cr);
          cairo_pop_group_to_source (cr);
          cairo_paint (cr);
        }
      else
        derm_chart_page_render (self->chart_page, cr, (guint) page_nr);
      cairo_restore (cr);
      return;
    }

  /* the unit is points (init), as derm_page_render draws */
  cairo_save (cr);
  derm_page_render (self->renderer, cr,
                    gtk_print_context_get_width (context),
                    gtk_print_context_get_height (context),
                    &self->options, (guint) page_nr);
  cairo_restore (cr);
}

static GtkWidget *
derm_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  DermPrintOperation *self = DERM_PRINT_OPERATION (operation);
  GtkWidget *widget;

  /* a chart's record has no map options */
  if (self->chart != NULL)
    return NULL;

  widget = derm_page_options_widget_new (derm_renderer_get_atlas (self->renderer));

  derm_page_options_widget_set_options (DERM_PAGE_OPTIONS_WIDGET (widget), &self->options);
  gtk_widget_set_margin_top (widget, 12);
  gtk_widget_set_margin_bottom (widget, 12);
  gtk_widget_set_margin_start (widget, 12);
  gtk_widget_set_margin_end (widget, 12);

  return widget;
}

static void
derm_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                          GtkWidget         *widget)
{
  DermPrintOperation *self = DERM_PRINT_OPERATION (operation);
  g_auto (DermPageOptions) options = { 0 };

  derm_page_options_widget_get_options (DERM_PAGE_OPTIONS_WIDGET (widget), &options);
  derm_print_operation_set_options (self, &options);
}

static void
derm_print_operation_finalize (GObject *object)
{
  DermPrintOperation *self = DERM_PRINT_OPERATION (object);

  g_clear_object (&self->renderer);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->chart_page, derm_chart_page_free);
  derm_page_options_clear (&self->options);

  G_OBJECT_CLASS (derm_print_operation_parent_class)->finalize (object);
}

static void
derm_print_operation_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DermPrintOperation *self = DERM_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_RENDERER:
      g_value_set_object (value, self->renderer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
derm_print_operation_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DermPrintOperation *self = DERM_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_RENDERER:
      self->renderer = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
derm_print_operation_class_init (DermPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = derm_print_operation_finalize;
  object_class->get_property = derm_print_operation_get_property;
  object_class->set_property = derm_print_operation_set_property;

  operation_class->begin_print = derm_print_operation_begin_print;
  operation_class->draw_page = derm_print_operation_draw_page;
  operation_class->create_custom_widget = derm_print_operation_create_custom_widget;
  operation_class->custom_widget_apply = derm_print_operation_custom_widget_apply;

  properties[PROP_RENDERER] =
    g_param_spec_object ("renderer", NULL, NULL,
                         DERM_TYPE_RENDERER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
derm_print_operation_init (DermPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  derm_page_options_init (&self->options);

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_custom_tab_label (operation, _("Map"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Dermatomes"));
  gtk_print_operation_set_allow_async (operation, TRUE);
}

/* public API */

DermPrintOperation *
derm_print_operation_new (DermRenderer          *renderer,
                          const DermPageOptions *options)
{
  DermPrintOperation *self;

  g_return_val_if_fail (DERM_IS_RENDERER (renderer), NULL);

  self = g_object_new (DERM_TYPE_PRINT_OPERATION, "renderer", renderer, NULL);
  if (options != NULL)
    derm_print_operation_set_options (self, options);

  return self;
}

DermRenderer *
derm_print_operation_get_renderer (DermPrintOperation *self)
{
  g_return_val_if_fail (DERM_IS_PRINT_OPERATION (self), NULL);

  return self->renderer;
}

const DermPageOptions *
derm_print_operation_get_options (DermPrintOperation *self)
{
  g_return_val_if_fail (DERM_IS_PRINT_OPERATION (self), NULL);

  return &self->options;
}

void
derm_print_operation_set_options (DermPrintOperation    *self,
                                  const DermPageOptions *options)
{
  DermPageOptions copy;

  g_return_if_fail (DERM_IS_PRINT_OPERATION (self));
  g_return_if_fail (options != NULL);

  /* copy first: options may be our own */
  derm_page_options_copy (options, &copy);
  derm_page_options_clear (&self->options);
  self->options = copy;
}

/**
 * derm_print_operation_set_chart:
 * @chart: (nullable): a chart whose record to print instead of the map
 */
void
derm_print_operation_set_chart (DermPrintOperation *self,
                                DermChart          *chart)
{
  g_return_if_fail (DERM_IS_PRINT_OPERATION (self));
  g_return_if_fail (chart == NULL || DERM_IS_CHART (chart));

  g_set_object (&self->chart, chart);
  if (chart != NULL)
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), _("Examination chart"));
}
