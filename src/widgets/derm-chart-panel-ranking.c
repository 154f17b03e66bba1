/* derm-chart-panel-ranking.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart panel's ranking: the localizer's candidates for the chart,
 * worked out again in an idle after each change (the chart's "changed"
 * signal, a map switch), the evidence for and against the selected one,
 * its skin on the legs, and the strip for an urgent cauda equina.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>

#include "derm-chart-panel-private.h"

static char *
candidate_key (const DermCandidate *candidate)
{
  return g_strdup_printf ("%s:%s:%s", derm_candidate_kind_to_string (candidate->kind),
                          candidate->id, derm_candidate_side_to_string (candidate->side));
}

static char *
candidate_name (DermChartPanel      *self,
                const DermCandidate *candidate)
{
  const DermNerve *nerve;
  const char *side = NULL;
  g_autofree char *name = NULL;

  switch (candidate->kind)
    {
    case DERM_CANDIDATE_ROOT:
      /* Translators: a candidate of the ranking, "Root L5" */
      name = g_strdup_printf (_("Root %s"), candidate->id);
      break;
    case DERM_CANDIDATE_NERVE:
      nerve = derm_atlas_get_nerve (self->atlas, candidate->id);
      name = _derm_chart_panel_capitalize (nerve != NULL ? nerve->name : candidate->id);
      break;
    case DERM_CANDIDATE_PATTERN:
    default:
      if (g_str_equal (candidate->id, "upper-motor-neuron"))
        name = g_strdup (_("Upper motor neuron lesion"));
      else if (g_str_equal (candidate->id, "cauda-equina"))
        name = g_strdup (_("Cauda equina"));
      else if (g_str_equal (candidate->id, "polyneuropathy"))
        name = g_strdup (_("Length-dependent polyneuropathy"));
      else
        name = g_strdup (candidate->id);
      break;
    }

  switch (candidate->side)
    {
    case DERM_CANDIDATE_LEFT:
      side = _("left");
      break;
    case DERM_CANDIDATE_RIGHT:
      side = _("right");
      break;
    case DERM_CANDIDATE_BOTH:
      side = _("both sides");
      break;
    case DERM_CANDIDATE_MID:
    default:
      break;
    }

  if (side == NULL)
    return g_steal_pointer (&name);
  /* Translators: a candidate and its side, "Root L5, left" */
  return g_strdup_printf (C_("candidate", "%s, %s"), name, side);
}

static void
append_evidence (GString    *text,
                 const char *heading,
                 GPtrArray  *evidence)
{
  if (evidence == NULL || evidence->len == 0)
    return;

  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, heading);
  g_string_append_c (text, ' ');
  for (guint i = 0; i < evidence->len; i++)
    {
      const DermEvidence *item = g_ptr_array_index (evidence, i);

      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", item->label);
    }
}

static void
show_evidence (DermChartPanel      *self,
               const DermCandidate *candidate)
{
  g_autoptr (GString) text = g_string_new (NULL);

  if (candidate != NULL)
    {
      append_evidence (text, _("For:"), candidate->support);
      append_evidence (text, _("Against:"), candidate->against);
      append_evidence (text, _("Unexplained:"), candidate->unexplained);
      if (candidate->rival != NULL && candidate->deciding != NULL && candidate->deciding->len > 0)
        {
          /* Translators: what ranks the first candidate above the next, "Over root L5:" */
          g_autofree char *heading = g_strdup_printf (_("Over %s:"), candidate->rival);

          append_evidence (text, heading, candidate->deciding);
        }
    }
  else if (self->localization != NULL && self->localization->candidates->len > 0)
    g_string_append (text, _("Select a candidate to outline its skin on the legs and see the findings for and against it."));

  if (text->len > 0)
    {
      g_string_append (text, "\n\n");
      g_string_append (text, derm_localizer_disclaimer ());
    }
  gtk_label_set_label (self->evidence_label, text->str);
}

static GtkWidget *
make_row (DermChartPanel      *self,
          const DermCandidate *candidate,
          guint                rank)
{
  g_autofree char *name = candidate_name (self, candidate);
  g_autofree char *title = g_strdup_printf ("%u. %s", rank, name);
  g_autofree char *score = g_strdup_printf ("%.2f", candidate->score);
  g_autofree char *accessible = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *score_label = gtk_label_new (score);

  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (candidate->urgent)
    {
      GtkWidget *urgent = gtk_label_new (_("URGENT"));

      gtk_widget_add_css_class (urgent, "urgent-tag");
      gtk_box_append (GTK_BOX (box), urgent);
    }
  gtk_widget_add_css_class (score_label, "dim-label");
  gtk_widget_add_css_class (score_label, "numeric");
  gtk_box_append (GTK_BOX (box), score_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: a ranked candidate for a screen reader, "1. Root L5, left, score 0.80" */
  accessible = g_strdup_printf (_("%s, score %s"), title, score);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (row), "text",
                          g_strdup_printf ("%s – %s%s", title, score, candidate->urgent ? " URGENT" : ""),
                          g_free);
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (rank - 1));

  return row;
}

static const DermCandidate *
row_candidate (DermChartPanel *self,
               GtkListBoxRow  *row)
{
  guint index;

  if (row == NULL || self->localization == NULL)
    return NULL;
  index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));
  if (index >= self->localization->candidates->len)
    return NULL;
  return g_ptr_array_index (self->localization->candidates, index);
}

void
_derm_chart_panel_candidate_selected_cb (DermChartPanel *self,
                       GtkListBoxRow  *row,
                       GtkListBox     *list)
{
  const DermCandidate *candidate;

  if (self->rebuilding)
    return;

  candidate = row_candidate (self, row);
  g_free (self->selected_key);
  self->selected_key = candidate != NULL ? candidate_key (candidate) : NULL;
  show_evidence (self, candidate);
  _derm_chart_panel_emit_candidate_selected (self, candidate);
}

static void
rank (DermChartPanel *self)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *child;
  GtkListBoxRow *selected = NULL;
  gboolean urgent = FALSE;

  g_clear_handle_id (&self->rank_idle_id, g_source_remove);

  self->rebuilding = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->ranking_list))) != NULL)
    gtk_list_box_remove (self->ranking_list, child);
  g_clear_pointer (&self->localization, derm_localization_free);

  if (self->atlas != NULL && self->chart != NULL)
    self->localization = derm_localize (self->atlas, self->chart, self->map_id, &error);
  if (error != NULL)
    g_debug ("Could not rank the chart: %s", error->message);
  if (self->localization != NULL && !self->localization->abnormal)
    g_clear_pointer (&self->localization, derm_localization_free);

  for (guint i = 0; self->localization != NULL && i < self->localization->candidates->len; i++)
    {
      const DermCandidate *candidate = g_ptr_array_index (self->localization->candidates, i);
      g_autofree char *key = candidate_key (candidate);
      GtkWidget *row = make_row (self, candidate, i + 1);

      gtk_list_box_append (self->ranking_list, row);
      urgent |= candidate->urgent;
      if (g_strcmp0 (key, self->selected_key) == 0)
        selected = GTK_LIST_BOX_ROW (row);
    }
  if (selected != NULL)
    gtk_list_box_select_row (self->ranking_list, selected);
  self->rebuilding = FALSE;

  gtk_revealer_set_reveal_child (self->urgent_revealer, urgent);
  _derm_chart_panel_candidate_selected_cb (self, selected, self->ranking_list);
}

static gboolean
rank_idle_cb (gpointer user_data)
{
  DermChartPanel *self = user_data;

  self->rank_idle_id = 0;
  rank (self);
  return G_SOURCE_REMOVE;
}

void
_derm_chart_panel_queue_rank (DermChartPanel *self)
{
  if (self->rank_idle_id == 0)
    self->rank_idle_id = g_idle_add (rank_idle_cb, self);
}

const DermLocalization *
derm_chart_panel_get_localization (DermChartPanel *self)
{
  g_return_val_if_fail (DERM_IS_CHART_PANEL (self), NULL);

  return self->localization;
}

void
derm_chart_panel_rank_now (DermChartPanel *self)
{
  g_return_if_fail (DERM_IS_CHART_PANEL (self));

  if (self->rank_idle_id != 0)
    rank (self);
}

char *
derm_chart_panel_dup_row_text (DermChartPanel *self,
                               guint           index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (DERM_IS_CHART_PANEL (self), NULL);

  row = gtk_list_box_get_row_at_index (self->ranking_list, (int) index);
  return row != NULL ? g_strdup (g_object_get_data (G_OBJECT (row), "text")) : NULL;
}

void
derm_chart_panel_select_row (DermChartPanel *self,
                             int             index)
{
  g_return_if_fail (DERM_IS_CHART_PANEL (self));

  gtk_list_box_select_row (self->ranking_list,
                           index >= 0 ? gtk_list_box_get_row_at_index (self->ranking_list, index) : NULL);
}

const char *
derm_chart_panel_get_evidence (DermChartPanel *self)
{
  g_return_val_if_fail (DERM_IS_CHART_PANEL (self), NULL);

  return gtk_label_get_label (self->evidence_label);
}

gboolean
derm_chart_panel_get_urgent (DermChartPanel *self)
{
  g_return_val_if_fail (DERM_IS_CHART_PANEL (self), FALSE);

  return gtk_revealer_get_reveal_child (self->urgent_revealer);
}

static gboolean
side_fits (const DermCandidate *candidate,
           const DermRegion    *region)
{
  switch (candidate->side)
    {
    case DERM_CANDIDATE_LEFT:
      return region->side != DERM_SIDE_RIGHT;
    case DERM_CANDIDATE_RIGHT:
      return region->side != DERM_SIDE_LEFT;
    case DERM_CANDIDATE_BOTH:
    case DERM_CANDIDATE_MID:
    default:
      return TRUE;
    }
}

GPtrArray *
derm_chart_panel_dup_territory (DermChartPanel      *self,
                                const DermCandidate *candidate)
{
  GPtrArray *regions, *all;
  g_autoptr (GHashTable) names = NULL;
  const DermMap *map = NULL;

  g_return_val_if_fail (DERM_IS_CHART_PANEL (self), NULL);

  if (candidate == NULL || self->atlas == NULL || candidate->kind == DERM_CANDIDATE_PATTERN)
    return NULL;

  all = derm_atlas_get_regions (self->atlas);
  if (candidate->kind == DERM_CANDIDATE_ROOT)
    {
      map = derm_atlas_get_map (self->atlas, self->localization != NULL ? self->localization->map
                                                                         : self->map_id);
      if (map == NULL)
        return NULL;
    }
  else
    {
      GPtrArray *nerves = derm_atlas_get_nerves (self->atlas);

      /* a nerve's skin: its own regions and its branches' */
      names = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < nerves->len; i++)
        {
          const DermNerve *nerve = g_ptr_array_index (nerves, i);

          if (derm_atlas_nerve_contains (self->atlas, candidate->id, nerve->id))
            for (guint j = 0; nerve->regions != NULL && nerve->regions[j] != NULL; j++)
              g_hash_table_add (names, nerve->regions[j]);
        }
    }

  regions = g_ptr_array_new ();
  for (guint i = 0; i < all->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (all, i);

      if (!side_fits (candidate, region))
        continue;
      if (map != NULL ? derm_map_region_has_root (map, region, candidate->id)
                      : g_hash_table_contains (names, region->name_id))
        g_ptr_array_add (regions, (gpointer) region);
    }

  return regions;
}
