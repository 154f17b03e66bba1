/* derm-quiz-questions.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Making a quiz's questions: for each kind a pool of what it can ask about
 * on the map (roots, regions, key points, the <quiz> items of atlas.xml),
 * then each question with its prompt, answer, choices (the right one and
 * the nearest wrong ones) and explanation, all from one seeded GRand.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "derm-quiz-private.h"

/* How many choices a choice kind offers. */
#define N_CHOICES 4

/* the <quiz> element each item kind comes from */
static const char * const item_elements[] = {
  NULL, NULL, NULL, "motor", "reflex", "case",
};

G_STATIC_ASSERT (G_N_ELEMENTS (item_elements) == DERM_QUIZ_N_KINDS);

static void
choice_free (gpointer data)
{
  DermQuizChoice *choice = data;

  g_free (choice->id);
  g_free (choice->label);
  g_free (choice);
}

static void
subject_free (gpointer data)
{
  Subject *subject = data;

  g_clear_pointer (&subject->regions, g_ptr_array_unref);
  g_free (subject);
}

void
_derm_quiz_shuffle (GPtrArray *array,
                    GRand     *rand)
{
  for (guint i = array->len; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
      gpointer tmp = array->pdata[i - 1];

      array->pdata[i - 1] = array->pdata[j];
      array->pdata[j] = tmp;
    }
}

static gboolean
root_has_regions (DermAtlas     *atlas,
                  const DermMap *map,
                  const char    *root)
{
  GPtrArray *regions = derm_atlas_get_regions (atlas);

  /* skin a source gives: a guessed zone does not count */
  for (guint i = 0; i < regions->len; i++)
    if (derm_map_region_has_root (map, g_ptr_array_index (regions, i), root) &&
        derm_map_zone_is_sourced (map, g_ptr_array_index (regions, i)))
      return TRUE;
  return FALSE;
}

/* The key point a key-point question is about: the patient's right, or
 * the midline one where an atlas of one's own gives S4-5 only that. */
static const DermKeyPoint *
root_key_point (DermAtlas  *atlas,
                const char *root)
{
  const DermKeyPoint *kp = derm_atlas_get_key_point (atlas, root, DERM_SIDE_RIGHT);

  return kp != NULL ? kp : derm_atlas_get_key_point (atlas, root, DERM_SIDE_MID);
}

GPtrArray *
_derm_quiz_build_pool (DermQuiz     *self,
                       DermQuizKind  kind)
{
  GPtrArray *subjects = g_ptr_array_new_with_free_func (subject_free);
  GPtrArray *roots = derm_atlas_get_roots (self->atlas);

  switch (kind)
    {
    case DERM_QUIZ_FIND_ROOT:
      /* never a root the map leaves without skin (Lee 2008: S3-S5) */
      for (guint i = 0; i < roots->len; i++)
        {
          const DermRoot *root = g_ptr_array_index (roots, i);
          Subject *subject;

          if (!root_has_regions (self->atlas, self->map, root->id))
            continue;
          subject = g_new0 (Subject, 1);
          subject->kind = kind;
          subject->root = root;
          g_ptr_array_add (subjects, subject);
        }
      break;

    case DERM_QUIZ_NAME_ROOT:
      {
        /* one subject per region name: its left and right are one question */
        GPtrArray *regions = derm_atlas_get_regions (self->atlas);
        g_autoptr (GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);

        for (guint i = 0; i < regions->len; i++)
          {
            const DermRegion *region = g_ptr_array_index (regions, i);
            Subject *subject;

            /* never blank skin, nor a zone no source gives */
            if (!derm_map_zone_is_sourced (self->map, region))
              continue;
            subject = g_hash_table_lookup (by_name, region->name_id);
            if (subject == NULL)
              {
                subject = g_new0 (Subject, 1);
                subject->kind = kind;
                subject->regions = g_ptr_array_new ();
                g_ptr_array_add (subjects, subject);
                g_hash_table_insert (by_name, region->name_id, subject);
              }
            g_ptr_array_add (subject->regions, (gpointer) region);
          }
      }
      break;

    case DERM_QUIZ_KEY_POINT:
      for (guint i = 0; i < roots->len; i++)
        {
          const DermRoot *root = g_ptr_array_index (roots, i);
          const DermKeyPoint *kp = root_key_point (self->atlas, root->id);
          Subject *subject;

          /* only where the map agrees the point's skin is that root's */
          if (kp == NULL || kp->region == NULL ||
              !derm_map_region_has_root (self->map, kp->region, root->id) ||
              !derm_map_zone_is_sourced (self->map, kp->region) ||
              derm_root_get_statement (root, "key-point", -1) == NULL)
            continue;
          subject = g_new0 (Subject, 1);
          subject->kind = kind;
          subject->root = root;
          subject->key_point = kp;
          g_ptr_array_add (subjects, subject);
        }
      break;

    case DERM_QUIZ_MOTOR:
    case DERM_QUIZ_REFLEX:
    case DERM_QUIZ_ROOT_OR_NERVE:
      {
        GPtrArray *items = derm_atlas_get_quiz_items (self->atlas);

        for (guint i = 0; i < items->len; i++)
          {
            const DermQuizItem *item = g_ptr_array_index (items, i);
            Subject *subject;

            if (strcmp (item->kind, item_elements[kind]) != 0)
              continue;
            subject = g_new0 (Subject, 1);
            subject->kind = kind;
            subject->item = item;
            g_ptr_array_add (subjects, subject);
          }
      }
      break;

    case DERM_QUIZ_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  return subjects;
}

static char *
root_choice_label (const char   *root,
                   DermQuizKind  kind)
{
  /* Translators: a choice in a "root or nerve?" question, e.g. "L5 root" */
  return kind == DERM_QUIZ_ROOT_OR_NERVE ? g_strdup_printf (_("%s root"), root) : g_strdup (root);
}

static char *
capitalize (const char *text)
{
  g_autofree char *first = NULL;

  if (text == NULL || text[0] == '\0')
    return g_strdup ("");
  first = g_utf8_strup (text, g_utf8_next_char (text) - text);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

static DermQuizChoice *
choice_new (const char *id,
            char       *label)
{
  DermQuizChoice *choice = g_new0 (DermQuizChoice, 1);

  choice->id = g_strdup (id);
  choice->label = label;
  return choice;
}

static DermQuizChoice *
root_choice_new (const char   *root,
                 DermQuizKind  kind)
{
  g_autofree char *id = g_strconcat ("root:", root, NULL);

  return choice_new (id, root_choice_label (root, kind));
}

/* Up to n roots that are not right, nearest first to a right one (the
 * plausible neighbours), ties broken by the seed. */
static GPtrArray *
pick_distractors (DermQuiz           *self,
                  const char * const *accept,
                  guint               n,
                  GRand              *rand)
{
  GPtrArray *roots = derm_atlas_get_roots (self->atlas);
  g_autoptr (GPtrArray) candidates = g_ptr_array_new ();
  g_autoptr (GArray) distances = g_array_new (FALSE, FALSE, sizeof (guint));
  GPtrArray *picked = g_ptr_array_new ();

  for (guint i = 0; i < roots->len; i++)
    {
      const DermRoot *root = g_ptr_array_index (roots, i);

      if (!g_strv_contains (accept, root->id))
        g_ptr_array_add (candidates, (gpointer) root);
    }
  _derm_quiz_shuffle (candidates, rand);

  for (guint i = 0; i < candidates->len; i++)
    {
      const DermRoot *root = g_ptr_array_index (candidates, i);
      guint best = G_MAXUINT;

      for (guint a = 0; accept[a] != NULL; a++)
        {
          const DermRoot *right = derm_atlas_get_root (self->atlas, accept[a]);
          guint d = right->index > root->index ? right->index - root->index : root->index - right->index;

          best = MIN (best, d);
        }
      g_array_append_val (distances, best);
    }

  /* a stable selection of the nearest: the _derm_quiz_shuffle above settles ties */
  while (picked->len < n && picked->len < candidates->len)
    {
      guint best_i = G_MAXUINT, best_d = G_MAXUINT;

      for (guint i = 0; i < candidates->len; i++)
        {
          guint d = g_array_index (distances, guint, i);

          if (d < best_d)
            {
              best_d = d;
              best_i = i;
            }
        }
      g_ptr_array_add (picked, g_ptr_array_index (candidates, best_i));
      g_array_index (distances, guint, best_i) = G_MAXUINT;
    }
  return picked;
}

/* "L4", "L1 and S2", "L2, L3 and L4" */
static char *
join_root_words (const char * const *roots)
{
  guint n = g_strv_length ((char **) roots);
  g_autofree char *head = NULL;

  if (n == 0)
    return g_strdup ("");
  if (n == 1)
    return g_strdup (roots[0]);
  {
    g_autofree char **first = g_new0 (char *, n);

    for (guint i = 0; i + 1 < n; i++)
      first[i] = (char *) roots[i];
    head = g_strjoinv (", ", first);
  }
  /* Translators: joins the last of a list of roots: "L1, L2 and L3" */
  return g_strdup_printf (_("%s and %s"), head, roots[n - 1]);
}

/* "S1", or "S1 (also S2)" when other roots count too */
static char *
dup_answer (const char         *shown,
            const char * const *accept)
{
  g_autoptr (GPtrArray) others = g_ptr_array_new ();
  g_autofree char *rest = NULL;

  for (guint i = 0; accept[i] != NULL; i++)
    if (strcmp (accept[i], shown) != 0)
      g_ptr_array_add (others, (gpointer) accept[i]);
  if (others->len == 0)
    return g_strdup (shown);
  g_ptr_array_add (others, NULL);
  rest = g_strjoinv (", ", (char **) others->pdata);
  /* Translators: the answer shown, then other roots that count as right too:
   * "S1 (also S2)" */
  return g_strdup_printf (_("%s (also %s)"), shown, rest);
}

static char **
strv_copy_unique (GPtrArray *sources)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  char **result;

  for (guint i = 0; i < sources->len; i++)
    if (g_hash_table_add (seen, g_ptr_array_index (sources, i)))
      g_strv_builder_add (builder, g_ptr_array_index (sources, i));
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

/* Root choices: the shown right one and distractors, in a shuffled order. */
static void
set_root_choices (DermQuiz           *self,
                  DermQuizQuestion   *q,
                  const char         *shown,
                  GRand              *rand)
{
  g_autoptr (GPtrArray) distractors = pick_distractors (self, (const char * const *) q->accept_roots,
                                                        N_CHOICES - 1, rand);
  DermQuizChoice *right = root_choice_new (shown, q->kind);

  q->choices = g_ptr_array_new_with_free_func (choice_free);
  g_ptr_array_add (q->choices, right);
  for (guint i = 0; i < distractors->len; i++)
    {
      const DermRoot *root = g_ptr_array_index (distractors, i);
      g_ptr_array_add (q->choices, root_choice_new (root->id, q->kind));
    }
  _derm_quiz_shuffle (q->choices, rand);
  for (guint i = 0; i < q->choices->len; i++)
    if (g_ptr_array_index (q->choices, i) == right)
      q->correct_choice = i;
  q->answer_id = g_strdup (right->id);
}

/* The root's skin on this map in words, from its territory statements:
 * for each view where the map gives the root skin, the map's own
 * statement if there is one, else the general one. */
static void
territory_explanation (DermQuiz         *self,
                       DermQuizQuestion *q,
                       const DermRoot   *root)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) sources = g_ptr_array_new ();
  GPtrArray *regions = derm_atlas_get_regions (self->atlas);
  const DermStatement *statements[DERM_N_VIEWS] = { NULL, };
  guint n_views = 0;
  g_autofree char *joined = NULL;

  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    {
      const DermStatement *general = NULL, *own = NULL, *statement;
      gboolean shown = FALSE;

      for (guint i = 0; i < regions->len && !shown; i++)
        {
          const DermRegion *region = g_ptr_array_index (regions, i);
          shown = region->view == view && derm_map_region_has_root (self->map, region, root->id);
        }
      if (!shown)
        continue;

      for (guint i = 0; i < root->statements->len; i++)
        {
          const DermStatement *s = g_ptr_array_index (root->statements, i);

          if (strcmp (s->field, "territory") != 0 || s->view != (int) view)
            continue;
          if (s->map == NULL && general == NULL)
            general = s;
          else if (g_strcmp0 (s->map, self->map->id) == 0 && own == NULL)
            own = s;
        }
      statement = own != NULL ? own : general;
      if (statement == NULL)
        continue;
      statements[view] = statement;
      n_views++;
      for (guint s = 0; statement->sources[s] != NULL; s++)
        g_ptr_array_add (sources, statement->sources[s]);
    }

  for (DermView view = 0; view < DERM_N_VIEWS; view++)
    {
      if (statements[view] == NULL)
        continue;
      if (n_views == 1)
        g_ptr_array_add (texts, g_strdup (statements[view]->text));
      else if (view == DERM_VIEW_ANTERIOR)
        /* Translators: the root's skin seen from the front */
        g_ptr_array_add (texts, g_strdup_printf (_("front: %s"), statements[view]->text));
      else
        /* Translators: the root's skin seen from behind */
        g_ptr_array_add (texts, g_strdup_printf (_("back: %s"), statements[view]->text));
    }

  if (texts->len == 0)
    {
      const DermStatement *summary = derm_root_get_statement (root, "summary", -1);

      g_ptr_array_add (texts, g_strdup (summary->text));
      for (guint s = 0; summary->sources[s] != NULL; s++)
        g_ptr_array_add (sources, summary->sources[s]);
    }
  g_ptr_array_add (texts, NULL);
  joined = g_strjoinv ("; ", (char **) texts->pdata);
  /* Translators: "L5 on ISNCSCI (Foerster): anterolateral leg, dorsum of the foot, ..." */
  q->explanation = g_strdup_printf (_("%s on %s: %s."), root->id, self->map->name, joined);
  q->sources = strv_copy_unique (sources);
}

static void
make_find_root (DermQuiz         *self,
                DermQuizQuestion *q,
                const Subject    *subject)
{
  const char *root = subject->root->id;
  const char *accept[] = { root, NULL };

  q->prompt = g_strdup_printf (_("Click the %s dermatome"), root);
  q->accept_roots = g_strdupv ((char **) accept);
  q->answer = g_strdup (root);
  q->answer_id = g_strconcat ("root:", root, NULL);
  territory_explanation (self, q, subject->root);
}

/* On an overlap the choices hold one of the region's roots, picked by the
 * seed, and none of its others; so exactly one choice is right, and the
 * answer names the others ("L1 (also S2)"). */
static void
make_name_root (DermQuiz         *self,
                DermQuizQuestion *q,
                const Subject    *subject,
                GRand            *rand)
{
  const DermRegion *region = g_ptr_array_index (subject->regions,
                                                g_rand_int_range (rand, 0, (gint32) subject->regions->len));
  const char * const *roots = derm_map_get_roots (self->map, region);
  guint n_roots = g_strv_length ((char **) roots);
  const char *shown = roots[g_rand_int_range (rand, 0, (gint32) n_roots)];
  g_autofree char *title = derm_region_dup_title (region);
  g_autofree char *words = join_root_words (roots);

  q->region = region;
  q->prompt = g_strdup (_("Which root supplies the highlighted area?"));
  q->accept_roots = g_strdupv ((char **) roots);
  set_root_choices (self, q, shown, rand);
  q->answer = dup_answer (shown, roots);
  if (n_roots > 1)
    /* Translators: "Genital region is L1 and S2 on ISNCSCI (Foerster): ..." */
    q->explanation = g_strdup_printf (_("%s is %s on %s: the roots overlap there, and each counts."),
                                      title, words, self->map->name);
  else
    /* Translators: "Left medial malleolus is L4 on ISNCSCI (Foerster)." */
    q->explanation = g_strdup_printf (_("%s is %s on %s."), title, words, self->map->name);
  q->sources = g_strdupv (self->map->sources);
}

static void
make_key_point (DermQuiz         *self,
                DermQuizQuestion *q,
                const Subject    *subject)
{
  const char *root = subject->root->id;
  const char *accept[] = { root, NULL };
  const DermStatement *statement = derm_root_get_statement (subject->root, "key-point", -1);

  q->prompt = g_strdup_printf (_("Click the key sensory point of %s"), root);
  q->accept_roots = g_strdupv ((char **) accept);
  q->key_point = subject->key_point;
  q->region = subject->key_point->region;
  q->answer = capitalize (statement->text);
  q->answer_id = g_strconcat ("root:", root, NULL);
  /* Translators: "The key sensory point of L4 is the medial malleolus." */
  q->explanation = g_strdup_printf (_("The key sensory point of %s: %s."), root, statement->text);
  q->sources = g_strdupv (statement->sources);
}

static void
make_root_item (DermQuiz         *self,
                DermQuizQuestion *q,
                const Subject    *subject,
                GRand            *rand)
{
  const DermQuizItem *item = subject->item;

  q->prompt = g_strdup (item->question);
  q->accept_roots = g_strdupv (item->roots);
  set_root_choices (self, q, item->roots[0], rand);
  q->answer = dup_answer (item->roots[0], (const char * const *) item->roots);
  q->explanation = g_strdup (item->explanation);
  q->sources = g_strdupv (item->sources);
}

static void
make_case (DermQuiz         *self,
           DermQuizQuestion *q,
           const Subject    *subject,
           GRand            *rand)
{
  const DermQuizItem *item = subject->item;
  DermQuizChoice *right = NULL;
  const char *accept[] = { NULL, NULL };

  q->choices = g_ptr_array_new_with_free_func (choice_free);
  for (guint i = 0; i < item->choices->len; i++)
    {
      const DermQuizItemChoice *data = g_ptr_array_index (item->choices, i);
      char *label;
      DermQuizChoice *choice;

      if (data->label != NULL)
        label = g_strdup (data->label);
      else if (g_str_has_prefix (data->id, "root:"))
        label = root_choice_label (data->id + strlen ("root:"), q->kind);
      else
        label = capitalize (derm_atlas_get_nerve (self->atlas, data->id + strlen ("nerve:"))->name);
      choice = choice_new (data->id, label);
      g_ptr_array_add (q->choices, choice);
      if (i == item->correct)
        right = choice;
    }
  _derm_quiz_shuffle (q->choices, rand);
  for (guint i = 0; i < q->choices->len; i++)
    if (g_ptr_array_index (q->choices, i) == right)
      q->correct_choice = i;

  /* Translators: %s is a short case, e.g. "Numb first dorsal web space only; ..." */
  q->prompt = g_strdup_printf (_("%s. Which root or nerve?"), item->question);
  q->answer = g_strdup (right->label);
  q->answer_id = g_strdup (right->id);
  if (g_str_has_prefix (right->id, "root:"))
    accept[0] = right->id + strlen ("root:");
  q->accept_roots = g_strdupv ((char **) accept);
  q->explanation = g_strdup (item->explanation);
  q->sources = g_strdupv (item->sources);
}

static Entry *
make_entry (DermQuiz      *self,
            const Subject *subject,
            guint          number,
            GRand         *rand)
{
  Entry *entry = g_new0 (Entry, 1);
  DermQuizQuestion *q = &entry->question;

  q->number = number;
  q->kind = subject->kind;
  switch (subject->kind)
    {
    case DERM_QUIZ_FIND_ROOT:
      make_find_root (self, q, subject);
      break;
    case DERM_QUIZ_NAME_ROOT:
      make_name_root (self, q, subject, rand);
      break;
    case DERM_QUIZ_KEY_POINT:
      make_key_point (self, q, subject);
      break;
    case DERM_QUIZ_MOTOR:
    case DERM_QUIZ_REFLEX:
      make_root_item (self, q, subject, rand);
      break;
    case DERM_QUIZ_ROOT_OR_NERVE:
      make_case (self, q, subject, rand);
      break;
    case DERM_QUIZ_N_KINDS:
    default:
      g_assert_not_reached ();
    }
  entry->result = DERM_QUIZ_UNANSWERED;
  return entry;
}

/* The prompts on paper name the question's number, known only once the
 * questions are shuffled. */
static void
renumber (DermQuiz *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      DermQuizQuestion *q = &entry->question;
      const char *root = q->accept_roots[0];

      q->number = i + 1;
      g_free (q->paper_prompt);
      switch (q->kind)
        {
        case DERM_QUIZ_FIND_ROOT:
          /* Translators: on a printed quiz; %u is the question's number */
          q->paper_prompt = g_strdup_printf (_("Shade the %s dermatome on both legs and write %u in it."),
                                             root, q->number);
          break;
        case DERM_QUIZ_NAME_ROOT:
          /* Translators: on a printed quiz; %u is the number of a marker on the diagram */
          q->paper_prompt = g_strdup_printf (_("Which root supplies the skin at marker %u?"), q->number);
          break;
        case DERM_QUIZ_KEY_POINT:
          /* Translators: on a printed quiz; %u is the question's number */
          q->paper_prompt = g_strdup_printf (_("Mark the key sensory point of %s with a dot and write %u beside it."),
                                             root, q->number);
          break;
        case DERM_QUIZ_MOTOR:
        case DERM_QUIZ_REFLEX:
        case DERM_QUIZ_ROOT_OR_NERVE:
        case DERM_QUIZ_N_KINDS:
        default:
          q->paper_prompt = g_strdup (q->prompt);
          break;
        }
    }
}

/* Spread count over the kinds, round-robin over a shuffled order; take
 * each kind's subjects in a shuffled order so nothing repeats until that
 * kind runs out; then borrow from another kind; only when every kind has
 * run out start every pool over. */
void
_derm_quiz_generate (DermQuiz *self,
                     guint     count,
                     Pool     *pools,
                     GRand    *rand)
{
  g_autoptr (GPtrArray) order = g_ptr_array_new ();

  for (DermQuizKind kind = 0; kind < DERM_QUIZ_N_KINDS; kind++)
    if (self->kinds & (1u << kind))
      g_ptr_array_add (order, GUINT_TO_POINTER (kind));
  _derm_quiz_shuffle (order, rand);

  for (guint i = 0; i < count; i++)
    {
      Pool *pool = NULL;
      const Subject *subject;

      for (guint k = 0; k < order->len && pool == NULL; k++)
        {
          Pool *p = &pools[GPOINTER_TO_UINT (g_ptr_array_index (order, (i + k) % order->len))];

          if (p->next < p->subjects->len)
            pool = p;
        }
      if (pool == NULL)
        {
          /* every kind has run out: start over */
          for (guint k = 0; k < order->len; k++)
            {
              Pool *p = &pools[GPOINTER_TO_UINT (g_ptr_array_index (order, k))];

              _derm_quiz_shuffle (p->subjects, rand);
              p->next = 0;
            }
          pool = &pools[GPOINTER_TO_UINT (g_ptr_array_index (order, i % order->len))];
        }
      subject = g_ptr_array_index (pool->subjects, pool->next++);
      g_ptr_array_add (self->entries, make_entry (self, subject, i + 1, rand));
    }

  _derm_quiz_shuffle (self->entries, rand);
  renumber (self);
}
