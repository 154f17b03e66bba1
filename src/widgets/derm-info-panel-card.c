/* derm-info-panel-card.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What goes on the info panel's card: labels and headings, a root's fields
 * in order with the sources each statement cites, the territory, red
 * flags, the cutaneous nerves of a region and how a root lesion differs
 * from a nerve lesion, and the list of the sources cited.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "derm-info-panel-private.h"
#include "derm-root-style.h"

/* The fields of a root card, in the order shown. */
static const struct {
  const char *field;
  const char *heading;
} root_fields[] = {
  { "key-point",       N_("Key sensory point") },
  { "key-muscle",      N_("Key muscle") },
  { "motor-test",      N_("Motor test") },
  { "non-key-muscles", N_("Non-key muscles") },
  { "other-muscles",   N_("Also attributed to this root") },
  { "reflex",          N_("Reflex") },
  { "disc",            N_("Disc level") },
  { "picture",         N_("Typical picture") },
  { "disagreement",    N_("Where sources disagree") },
  { "caveat",          N_("Caveats") },
};

/* The source of the root-or-nerve rules in atlas.xml: a root's caveat
 * citing it tells a root lesion from a nerve lesion. */
#define ROOT_OR_NERVE_SOURCE "preston-shapiro"
/* The source of the nerve conduction rule (SNAPs), cited by the general caveat. */
#define NERVE_CONDUCTION_SOURCE "mondelli2013"

static gboolean
cites (const DermStatement *statement,
       const char          *source)
{
  return statement->sources != NULL &&
         g_strv_contains ((const char * const *) statement->sources, source);
}

static gboolean
is_root_or_nerve (const DermStatement *statement)
{
  return g_strcmp0 (statement->field, "caveat") == 0 && cites (statement, ROOT_OR_NERVE_SOURCE);
}

const DermMap *
_derm_info_panel_active_map (DermInfoPanel *self)
{
  return self->atlas != NULL ? derm_atlas_get_map (self->atlas, self->map_id) : NULL;
}

/* Statements without a map, or for the active map. */
static gboolean
statement_applies (DermInfoPanel       *self,
                   const DermStatement *statement)
{
  const DermMap *map;

  if (statement->map == NULL)
    return TRUE;

  map = _derm_info_panel_active_map (self);
  return map != NULL && g_strcmp0 (statement->map, map->id) == 0;
}

static void
cite (DermInfoPanel      *self,
      const char * const *sources)
{
  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    {
      if (!g_ptr_array_find_with_equal_func (self->cited, sources[i], g_str_equal, NULL))
        g_ptr_array_add (self->cited, g_strdup (sources[i]));
    }
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* wrapped text asks for a panel's width, not a line of the whole text */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* the card is one focus stop that a screen reader reads whole
   * (_derm_info_panel_end_card), not a stop per line; the mouse still
   * selects the text */
  gtk_widget_set_focusable (label, FALSE);
  gtk_widget_set_focus_on_click (label, FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

GtkWidget *
_derm_info_panel_append_label (GtkBox     *box,
                               const char *text,
                               const char *css_class)
{
  GtkWidget *label = new_label (text, css_class);

  gtk_box_append (box, label);

  return label;
}

void
_derm_info_panel_append_heading (GtkBox     *box,
                                 const char *text)
{
  GtkWidget *label = _derm_info_panel_append_label (box, text, "heading");

  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_add_css_class (label, "field-heading");
}

/* Names and statements are stored in lower case, as they read inside a
 * sentence; on the card each starts a line. */
static char *
capitalize (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char buffer[8] = { 0 };

  if (first == 0)
    return g_strdup (text);

  g_unichar_to_utf8 (g_unichar_totitle (first), buffer);

  return g_strconcat (buffer, g_utf8_next_char (text), NULL);
}

/* "text [is19, foerster1933]", the sources small and dim. All text escaped. */
GtkWidget *
_derm_info_panel_append_statement (DermInfoPanel       *self,
                                   GtkBox              *box,
                                   const char          *prefix,
                                   const char          *text,
                                   const char * const  *sources)
{
  g_autoptr (GString) markup = g_string_new (NULL);
  GtkWidget *label;

  if (prefix != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (prefix, -1);

      g_string_append_printf (markup, "<b>%s</b> ", escaped);
    }

  {
    g_autofree char *capitalized = capitalize (text != NULL ? text : "");
    g_autofree char *escaped = g_markup_escape_text (capitalized, -1);

    g_string_append (markup, escaped);
  }

  if (sources != NULL && sources[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) sources);
      g_autofree char *escaped = g_markup_escape_text (joined, -1);

      /* in large print (a projector) the ids keep the text's size */
      g_string_append_printf (markup,
                              self->large_print ? " <span fgalpha=\"60%%\">[%s]</span>"
                                                : " <span font_size=\"small\" fgalpha=\"60%%\">[%s]</span>",
                              escaped);
      cite (self, sources);
    }

  label = _derm_info_panel_append_label (box, NULL, NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup->str);

  return label;
}

GtkWidget *
_derm_info_panel_new_section (GtkBox *card)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_box_append (card, section);

  return section;
}

/* The red-flag box with its heading, appended to card. */
static GtkWidget *
red_flag_box (GtkBox *card)
{
  GtkWidget *box, *heading_box, *icon, *heading;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "red-flag");

  heading_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (heading_box), icon);
  heading = new_label (_("Red flags"), "heading");
  gtk_label_set_selectable (GTK_LABEL (heading), FALSE);
  gtk_box_append (GTK_BOX (heading_box), heading);
  gtk_box_append (GTK_BOX (box), heading_box);

  gtk_box_append (card, box);

  return box;
}

static void
append_red_flags (DermInfoPanel  *self,
                  GtkBox         *card,
                  const DermRoot *root)
{
  GtkWidget *box = NULL;

  for (guint i = 0; i < root->statements->len; i++)
    {
      const DermStatement *statement = g_ptr_array_index (root->statements, i);

      if (g_strcmp0 (statement->field, "red-flag") != 0 || !statement_applies (self, statement))
        continue;

      if (box == NULL)
        box = red_flag_box (card);

      _derm_info_panel_append_statement (self, GTK_BOX (box), NULL, statement->text,
                                         (const char * const *) statement->sources);
    }
}

static const char *
disc_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "posterolateral") == 0)
    return _("Posterolateral (paracentral) disc:");
  if (g_strcmp0 (kind, "far-lateral") == 0)
    return _("Far-lateral (foraminal) disc:");
  return NULL;
}

/* with_root_or_nerve FALSE: those caveats are shown in the card's
 * "Root or nerve?" section instead. */
static void
append_field (DermInfoPanel  *self,
              GtkBox         *card,
              const DermRoot *root,
              const char     *field,
              const char     *heading,
              gboolean        with_root_or_nerve)
{
  GtkWidget *section = NULL;

  for (guint i = 0; i < root->statements->len; i++)
    {
      const DermStatement *statement = g_ptr_array_index (root->statements, i);

      if (g_strcmp0 (statement->field, field) != 0 || !statement_applies (self, statement))
        continue;
      if (!with_root_or_nerve && is_root_or_nerve (statement))
        continue;

      if (section == NULL)
        {
          section = _derm_info_panel_new_section (card);
          _derm_info_panel_append_heading (GTK_BOX (section), heading);
        }

      _derm_info_panel_append_statement (self, GTK_BOX (section),
                                         g_strcmp0 (field, "disc") == 0 ? disc_kind_label (statement->kind) : NULL,
                                         statement->text,
                                         (const char * const *) statement->sources);
    }
}

/* Every territory statement, per view: the general one first, then those
 * of one map, each named with its map so the maps can be compared. */
static void
append_territory (DermInfoPanel  *self,
                  GtkBox         *card,
                  const DermRoot *root)
{
  GtkWidget *section = NULL;

  for (int view = 0; view < DERM_N_VIEWS; view++)
    {
      for (int pass = 0; pass < 2; pass++)
        for (guint i = 0; i < root->statements->len; i++)
          {
            const DermStatement *statement = g_ptr_array_index (root->statements, i);
            const DermMap *map = NULL;
            g_autofree char *prefix = NULL;
            const char *view_label;

            if (g_strcmp0 (statement->field, "territory") != 0 ||
                statement->view != view ||
                (pass == 0) != (statement->map == NULL))
              continue;

            if (section == NULL)
              {
                section = _derm_info_panel_new_section (card);
                _derm_info_panel_append_heading (GTK_BOX (section), _("Skin territory"));
              }

            view_label = view == DERM_VIEW_ANTERIOR ? _("Anterior") : _("Posterior");
            if (statement->map != NULL)
              map = derm_atlas_get_map (self->atlas, statement->map);
            if (map != NULL)
              /* Translators: a root's territory on one map, "Anterior, Keegan and Garrett (1948):" */
              prefix = g_strdup_printf (_("%s, %s:"), view_label, map->name);
            else
              /* Translators: a root's territory in one view, "Anterior:" */
              prefix = g_strdup_printf (_("%s:"), view_label);

            _derm_info_panel_append_statement (self, GTK_BOX (section), prefix, statement->text,
                                               (const char * const *) statement->sources);
          }
    }
}

/* The body of a root's card: red flags first, then the findings. */
void
_derm_info_panel_append_root (DermInfoPanel  *self,
                              const DermRoot *root,
                              gboolean        with_header,
                              gboolean        with_root_or_nerve)
{
  const DermStatement *summary = derm_root_get_statement (root, "summary", -1);

  if (with_header)
    {
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *label;
      g_autofree char *text = NULL;

      gtk_widget_add_css_class (header, "root-header");
      gtk_box_append (GTK_BOX (header), derm_root_style_swatch_new (root));
      /* Translators: heading of a root's part of a card, "L4 root" */
      text = g_strdup_printf (_("%s root"), root->id);
      label = new_label (text, "title-3");
      gtk_label_set_selectable (GTK_LABEL (label), FALSE);
      gtk_box_append (GTK_BOX (header), label);
      gtk_box_append (self->card, header);
    }

  append_red_flags (self, self->card, root);

  if (summary != NULL)
    _derm_info_panel_append_statement (self, self->card, NULL, summary->text,
                                       (const char * const *) summary->sources);

  append_territory (self, self->card, root);

  for (guint i = 0; i < G_N_ELEMENTS (root_fields); i++)
    append_field (self, self->card, root, root_fields[i].field, _(root_fields[i].heading),
                  with_root_or_nerve);
}

static void
append_sources (DermInfoPanel *self)
{
  GtkWidget *section;

  if (self->cited->len == 0)
    return;

  section = _derm_info_panel_new_section (self->card);
  gtk_widget_add_css_class (section, "sources");
  _derm_info_panel_append_heading (GTK_BOX (section), _("Sources"));

  for (guint i = 0; i < self->cited->len; i++)
    {
      const char *id = g_ptr_array_index (self->cited, i);
      const DermSource *source = derm_atlas_get_source (self->atlas, id);
      g_autofree char *escaped_id = g_markup_escape_text (id, -1);
      g_autofree char *escaped = g_markup_escape_text (source != NULL ? source->citation : _("Unknown source"), -1);
      g_autofree char *markup = g_strdup_printf ("<b>%s</b>  %s", escaped_id, escaped);
      GtkWidget *label = _derm_info_panel_append_label (GTK_BOX (section), NULL, "caption");

      gtk_label_set_markup (GTK_LABEL (label), markup);
    }
}

void
_derm_info_panel_begin_card (DermInfoPanel *self,
                             const char    *title,
                             const char    *subtitle)
{
  GtkWidget *child;
  GtkWidget *label;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->card))) != NULL)
    gtk_box_remove (self->card, child);
  g_ptr_array_set_size (self->cited, 0);

  g_free (self->title);
  self->title = g_strdup (title);

  label = _derm_info_panel_append_label (self->card, title, "title-2");
  gtk_widget_add_css_class (label, "card-title");
  _derm_info_panel_append_label (self->card, subtitle, "dim-label");
}

void
_derm_info_panel_end_card (DermInfoPanel *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  g_autofree char *text = NULL;

  append_sources (self);
  /* read as a whole when Tab reaches the card: its title, then the rest */
  text = derm_info_panel_dup_text (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  gtk_stack_set_visible_child_name (self->stack, "card");
}

void
_derm_info_panel_append_root_tags (DermInfoPanel      *self,
                                   const DermMap      *map,
                                   const DermRegion   *region,
                                   const char * const *roots)
{
  /* blank because it varies or because the map leaves it out; or a guess */
  g_autofree char *note = map != NULL ? derm_map_dup_zone_note (map, region) : NULL;
  GtkWidget *box;

  if (roots == NULL || roots[0] == NULL)
    {
      _derm_info_panel_append_label (self->card,
                                     note != NULL ? note : _("No consistent root on this map (varies between people)"),
                                     "blank-root");
      return;
    }

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (box, "root-tags");
  for (guint i = 0; roots[i] != NULL; i++)
    {
      const DermRoot *root = derm_atlas_get_root (self->atlas, roots[i]);
      GtkWidget *tag = new_label (roots[i], "root-tag");

      gtk_label_set_selectable (GTK_LABEL (tag), FALSE);
      if (root != NULL)
        gtk_widget_add_css_class (tag, derm_root_style_class (root));
      gtk_box_append (GTK_BOX (box), tag);
    }
  gtk_box_append (self->card, box);
  if (note != NULL)
    _derm_info_panel_append_label (self->card, note, "blank-root");
}

void
_derm_info_panel_append_nerves (DermInfoPanel    *self,
                                const DermRegion *region)
{
  g_autoptr (GPtrArray) nerves = derm_atlas_get_region_nerves (self->atlas, region);
  GtkWidget *section;

  if (nerves == NULL || nerves->len == 0)
    {
      /* say so rather than leave the reader to think it was forgotten */
      if (region->nerve_unsourced)
        {
          section = _derm_info_panel_new_section (self->card);
          _derm_info_panel_append_heading (GTK_BOX (section),
                                           g_dngettext (GETTEXT_PACKAGE, "Cutaneous nerve", "Cutaneous nerves", 1));
          _derm_info_panel_append_label (GTK_BOX (section),
                                         _("The sources of this atlas name no cutaneous nerve for this skin."), NULL);
        }
      return;
    }

  section = _derm_info_panel_new_section (self->card);
  _derm_info_panel_append_heading (GTK_BOX (section),
                                   g_dngettext (GETTEXT_PACKAGE, "Cutaneous nerve", "Cutaneous nerves", nerves->len));

  for (guint i = 0; i < nerves->len; i++)
    {
      const DermNerve *nerve = g_ptr_array_index (nerves, i);
      g_autofree char *roots = g_strjoinv (", ", nerve->roots);
      g_autofree char *name = capitalize (nerve->name);
      g_autofree char *text = NULL;

      /* Translators: a nerve and its roots, "Saphenous nerve (L3, L4)" */
      text = g_strdup_printf (_("%s (%s)"), name, roots);
      _derm_info_panel_append_statement (self, GTK_BOX (section), NULL, text,
                                         (const char * const *) nerve->sources);
    }
}

/* The atlas words a caveat to stand alone, "Root or nerve: a root lesion
 * ...": under the heading "Root or nerve?" the text starts after it. Any
 * language: the heading without its question marks, then a colon. */
static const char *
skip_heading (const char *text,
              const char *heading)
{
  g_autoptr (GString) bare = g_string_new (NULL);
  const char *colon = strchr (text, ':');
  g_autofree char *start = NULL;

  for (const char *p = heading; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '?' && c != 0xbf /* ¿ */)
        g_string_append_unichar (bare, c);
    }
  g_strstrip (bare->str);
  if (colon == NULL || bare->str[0] == '\0')
    return text;

  start = g_strstrip (g_strndup (text, colon - text));
  {
    g_autofree char *a = g_utf8_casefold (start, -1);
    g_autofree char *b = g_utf8_casefold (bare->str, -1);

    if (g_strcmp0 (a, b) != 0)
      return text;
  }
  text = colon + 1;
  while (g_ascii_isspace (*text))
    text++;
  return text;
}

/* The general rule, root sensory loss blurred and nerve loss sharp, SNAPs
 * kept in root lesions: as atlas.xml words it, the shortest caveat citing
 * both sources, for roots that carry no rule of their own. */
static const DermStatement *
general_root_or_nerve_rule (DermInfoPanel *self)
{
  GPtrArray *roots = derm_atlas_get_roots (self->atlas);
  const DermStatement *best = NULL;

  for (guint r = 0; r < roots->len; r++)
    {
      const DermRoot *root = g_ptr_array_index (roots, r);

      for (guint i = 0; i < root->statements->len; i++)
        {
          const DermStatement *statement = g_ptr_array_index (root->statements, i);

          if (is_root_or_nerve (statement) && cites (statement, NERVE_CONDUCTION_SOURCE) &&
              (best == NULL || strlen (statement->text) < strlen (best->text)))
            best = statement;
        }
    }

  return best;
}

/* "Root or nerve?": how a lesion of each nerve of the region shows itself,
 * then the rule that tells any root lesion from a nerve lesion. Only what
 * applies to this skin: the roots' own caveats name nerves of other skin
 * (S1's the sural nerve and the tarsal tunnel), so they stay on the root's
 * card; the nerves of the region say it for this one. */
void
_derm_info_panel_append_root_or_nerve (DermInfoPanel    *self,
                                       const DermRegion *region)
{
  g_autoptr (GPtrArray) nerves = derm_atlas_get_region_nerves (self->atlas, region);
  g_autoptr (GPtrArray) shown = g_ptr_array_new ();
  const DermStatement *general = general_root_or_nerve_rule (self);
  GtkWidget *section;

  for (guint i = 0; nerves != NULL && i < nerves->len; i++)
    {
      const DermNerve *nerve = g_ptr_array_index (nerves, i);

      if (nerve->distinguish != NULL)
        g_ptr_array_add (shown, (gpointer) nerve);
    }

  if (shown->len == 0 && general == NULL)
    return;

  section = _derm_info_panel_new_section (self->card);
  gtk_widget_add_css_class (section, "root-or-nerve");
  _derm_info_panel_append_heading (GTK_BOX (section), _("Root or nerve?"));

  for (guint i = 0; i < shown->len; i++)
    {
      const DermNerve *nerve = g_ptr_array_index (shown, i);
      g_autofree char *name = capitalize (nerve->name);
      g_autofree char *prefix = NULL;

      /* Translators: before what a nerve lesion looks like, "Saphenous nerve:" */
      prefix = g_strdup_printf (_("%s:"), name);
      _derm_info_panel_append_statement (self, GTK_BOX (section), prefix, nerve->distinguish->text,
                                         (const char * const *) nerve->distinguish->sources);
    }

  if (general != NULL)
    _derm_info_panel_append_statement (self, GTK_BOX (section), NULL,
                                       skip_heading (general->text, _("Root or nerve?")),
                                       (const char * const *) general->sources);
}

static gboolean
has_statement_text (GPtrArray  *statements,
                    const char *text)
{
  for (guint i = 0; i < statements->len; i++)
    if (g_strcmp0 (((const DermStatement *) g_ptr_array_index (statements, i))->text, text) == 0)
      return TRUE;

  return FALSE;
}

/* Skin a map leaves blank has no root card, so no red flags: yet the
 * saddle is the saddle on every map. The red flags of the roots the other
 * maps give this skin, each once. */
void
_derm_info_panel_append_blank_red_flags (DermInfoPanel    *self,
                                         const DermRegion *region)
{
  const DermMap *active = _derm_info_panel_active_map (self);
  GPtrArray *maps = derm_atlas_get_maps (self->atlas);
  g_autoptr (GPtrArray) roots = g_ptr_array_new ();
  g_autoptr (GPtrArray) flags = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  g_autofree char *note = NULL;
  GtkWidget *box;

  for (guint m = 0; m < maps->len; m++)
    {
      const DermMap *map = g_ptr_array_index (maps, m);
      const char * const *ids = derm_map_get_roots (map, region);

      if (map == active)
        continue;
      for (guint r = 0; ids != NULL && ids[r] != NULL; r++)
        {
          const DermRoot *root = derm_atlas_get_root (self->atlas, ids[r]);

          if (root != NULL && !g_ptr_array_find (roots, root, NULL))
            g_ptr_array_add (roots, (gpointer) root);
        }
    }

  for (guint r = 0; r < roots->len; r++)
    {
      const DermRoot *root = g_ptr_array_index (roots, r);

      for (guint i = 0; i < root->statements->len; i++)
        {
          const DermStatement *statement = g_ptr_array_index (root->statements, i);

          /* a map's own statement is about that map, not this one */
          if (g_strcmp0 (statement->field, "red-flag") != 0 || statement->map != NULL ||
              has_statement_text (flags, statement->text))
            continue;
          g_ptr_array_add (flags, (gpointer) statement);
        }
    }
  if (flags->len == 0)
    return;

  box = red_flag_box (self->card);
  {
    g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();
    g_auto (GStrv) strv = NULL;

    for (guint r = 0; r < roots->len; r++)
      g_strv_builder_add (ids, ((const DermRoot *) g_ptr_array_index (roots, r))->id);
    strv = g_strv_builder_end (ids);
    joined = g_strjoinv (", ", strv);
  }
  /* Translators: on the card of skin a map leaves blank, before the red
   * flags of the roots the other maps give it, "The other maps give this
   * skin S3, S4-5." */
  note = g_strdup_printf (_("The other maps give this skin %s."), joined);
  _derm_info_panel_append_label (GTK_BOX (box), note, "dim-label");
  for (guint i = 0; i < flags->len; i++)
    {
      const DermStatement *statement = g_ptr_array_index (flags, i);

      _derm_info_panel_append_statement (self, GTK_BOX (box), NULL, statement->text,
                                         (const char * const *) statement->sources);
    }
}

const char *
_derm_info_panel_view_name (DermView view)
{
  switch (view)
    {
    case DERM_VIEW_ANTERIOR:
      return _("Anterior view");
    case DERM_VIEW_POSTERIOR:
      return _("Posterior view");
    case DERM_N_VIEWS:
    default:
      return "";
    }
}
