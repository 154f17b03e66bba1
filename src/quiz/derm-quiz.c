/* derm-quiz.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The quiz engine. Every question comes from the atlas: the map's zones
 * (find-root, name-root), the key sensory points (key-point) and the
 * <quiz> items of atlas.xml (motor, reflex, root-or-nerve). One GRand
 * seeded from the 64-bit seed drives every choice, so a seed gives the
 * same quiz on every machine.
 *
 * This file holds the object, its kinds and options; the questions are
 * made in derm-quiz-questions.c and answers are checked and scored in
 * derm-quiz-answers.c, both sharing derm-quiz-private.h.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "derm-quiz-private.h"

G_DEFINE_FINAL_TYPE (DermQuiz, derm_quiz, G_TYPE_OBJECT)

G_DEFINE_QUARK (derm-quiz-error-quark, derm_quiz_error)

static const char * const kind_names[] = {
  "find-root", "name-root", "key-point", "motor", "reflex", "root-or-nerve",
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == DERM_QUIZ_N_KINDS);

/* Helpers */

static void
entry_free (gpointer data)
{
  Entry *entry = data;
  DermQuizQuestion *q = &entry->question;

  g_free (q->prompt);
  g_free (q->paper_prompt);
  g_free (q->answer);
  g_free (q->answer_id);
  g_strfreev (q->accept_roots);
  g_clear_pointer (&q->choices, g_ptr_array_unref);
  g_free (q->explanation);
  g_strfreev (q->sources);
  g_free (entry->given);
  g_free (entry);
}

/* GObject */

static void
derm_quiz_finalize (GObject *object)
{
  DermQuiz *self = DERM_QUIZ (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->atlas);

  G_OBJECT_CLASS (derm_quiz_parent_class)->finalize (object);
}

static void
derm_quiz_class_init (DermQuizClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = derm_quiz_finalize;
}

static void
derm_quiz_init (DermQuiz *self)
{
  self->entries = g_ptr_array_new_with_free_func (entry_free);
}

/* Public API */

const char *
derm_quiz_kind_to_string (DermQuizKind kind)
{
  g_return_val_if_fail (kind < DERM_QUIZ_N_KINDS, NULL);
  return kind_names[kind];
}

gboolean
derm_quiz_kind_from_string (const char   *str,
                            DermQuizKind *kind)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_ascii_strcasecmp (str, kind_names[i]) == 0)
      {
        *kind = (DermQuizKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
derm_quiz_kind_get_title (DermQuizKind kind)
{
  static const char * const titles[] = {
    N_("Find the root"),
    N_("Name the root"),
    N_("Key sensory point"),
    N_("Key muscle"),
    N_("Reflex"),
    N_("Root or nerve"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (titles) == DERM_QUIZ_N_KINDS);
  g_return_val_if_fail (kind < DERM_QUIZ_N_KINDS, NULL);
  return _(titles[kind]);
}

gboolean
derm_quiz_kind_is_click (DermQuizKind kind)
{
  return kind == DERM_QUIZ_FIND_ROOT || kind == DERM_QUIZ_KEY_POINT;
}

/**
 * derm_quiz_kinds_parse:
 *
 * "find-root,motor" -> (1 << DERM_QUIZ_FIND_ROOT) | (1 << DERM_QUIZ_MOTOR).
 * Spaces round an item are ignored; an unknown or empty item is an error
 * that names it.
 */
gboolean
derm_quiz_kinds_parse (const char  *list,
                       guint       *mask,
                       GError     **error)
{
  g_auto (GStrv) items = NULL;
  guint result = 0;

  g_return_val_if_fail (mask != NULL, FALSE);

  if (list == NULL || list[0] == '\0')
    {
      g_set_error (error, DERM_QUIZ_ERROR, DERM_QUIZ_ERROR_INVALID,
                   _("No quiz kind given (find-root, name-root, key-point, motor, reflex or root-or-nerve)"));
      return FALSE;
    }
  items = g_strsplit (list, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      DermQuizKind kind;

      g_strstrip (items[i]);
      if (items[i][0] == '\0')
        {
          g_set_error (error, DERM_QUIZ_ERROR, DERM_QUIZ_ERROR_INVALID,
                       _("An empty quiz kind in “%s”"), list);
          return FALSE;
        }
      if (!derm_quiz_kind_from_string (items[i], &kind))
        {
          g_set_error (error, DERM_QUIZ_ERROR, DERM_QUIZ_ERROR_INVALID,
                       _("Unknown quiz kind “%s” (find-root, name-root, key-point, motor, reflex or root-or-nerve)"),
                       items[i]);
          return FALSE;
        }
      result |= 1u << kind;
    }
  *mask = result;
  return TRUE;
}

char *
derm_quiz_question_dup_target (const DermQuizQuestion *question)
{
  g_return_val_if_fail (question != NULL, NULL);

  if (question->region == NULL)
    return g_strdup ("-");
  return g_strdup_printf ("%s:%s:%s", derm_view_to_string (question->region->view),
                          derm_side_to_string (question->region->side), question->region->name_id);
}

void
derm_quiz_options_init (DermQuizOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->kinds = DERM_QUIZ_ALL_KINDS;
  options->count = 10;
  options->seed = 0;
  options->map_id = NULL;
}

/**
 * derm_quiz_new:
 *
 * A quiz of options->count questions on the map, seeded by options->seed:
 * the same options give the same questions, in the same order, with the
 * same choices, on every machine.
 */
DermQuiz *
derm_quiz_new (DermAtlas              *atlas,
               const DermQuizOptions  *options,
               GError                **error)
{
  g_autoptr (DermQuiz) self = NULL;
  g_autoptr (GRand) rand = NULL;
  Pool pools[DERM_QUIZ_N_KINDS] = { { NULL, 0 }, };
  guint32 seed[2];
  const DermMap *map;
  guint kinds;

  g_return_val_if_fail (DERM_IS_ATLAS (atlas), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (options->count < 1 || options->count > DERM_QUIZ_MAX_COUNT)
    {
      g_set_error (error, DERM_QUIZ_ERROR, DERM_QUIZ_ERROR_INVALID,
                   _("A quiz of %u questions is out of range (1 to %d)"),
                   options->count, DERM_QUIZ_MAX_COUNT);
      return NULL;
    }
  map = derm_atlas_get_map (atlas, options->map_id);
  if (map == NULL)
    {
      g_set_error (error, DERM_QUIZ_ERROR, DERM_QUIZ_ERROR_INVALID,
                   _("Unknown map “%s”"), options->map_id);
      return NULL;
    }
  kinds = options->kinds != 0 ? options->kinds : DERM_QUIZ_ALL_KINDS;
  if ((kinds & ~DERM_QUIZ_ALL_KINDS) != 0)
    {
      g_set_error (error, DERM_QUIZ_ERROR, DERM_QUIZ_ERROR_INVALID,
                   _("Unknown quiz kinds 0x%x"), kinds & ~DERM_QUIZ_ALL_KINDS);
      return NULL;
    }

  self = g_object_new (DERM_TYPE_QUIZ, NULL);
  self->atlas = g_object_ref (atlas);
  self->map = map;
  self->seed = options->seed;

  /* both halves of the seed, so every 64-bit seed is its own quiz */
  seed[0] = (guint32) (options->seed & 0xffffffffu);
  seed[1] = (guint32) (options->seed >> 32);
  rand = g_rand_new_with_seed_array (seed, G_N_ELEMENTS (seed));

  /* kinds the map (or the data) leaves nothing to ask about drop out */
  self->kinds = 0;
  for (DermQuizKind kind = 0; kind < DERM_QUIZ_N_KINDS; kind++)
    {
      if (!(kinds & (1u << kind)))
        continue;
      pools[kind].subjects = _derm_quiz_build_pool (self, kind);
      _derm_quiz_shuffle (pools[kind].subjects, rand);
      if (pools[kind].subjects->len > 0)
        self->kinds |= 1u << kind;
    }

  if (self->kinds == 0)
    g_set_error (error, DERM_QUIZ_ERROR, DERM_QUIZ_ERROR_INVALID,
                 _("The map “%s” leaves nothing to ask for these quiz kinds"), map->id);
  else
    _derm_quiz_generate (self, options->count, pools, rand);

  for (DermQuizKind kind = 0; kind < DERM_QUIZ_N_KINDS; kind++)
    g_clear_pointer (&pools[kind].subjects, g_ptr_array_unref);

  return self->kinds != 0 ? g_steal_pointer (&self) : NULL;
}

DermAtlas *
derm_quiz_get_atlas (DermQuiz *self)
{
  g_return_val_if_fail (DERM_IS_QUIZ (self), NULL);
  return self->atlas;
}

const DermMap *
derm_quiz_get_map (DermQuiz *self)
{
  g_return_val_if_fail (DERM_IS_QUIZ (self), NULL);
  return self->map;
}

guint64
derm_quiz_get_seed (DermQuiz *self)
{
  g_return_val_if_fail (DERM_IS_QUIZ (self), 0);
  return self->seed;
}

guint
derm_quiz_get_kinds (DermQuiz *self)
{
  g_return_val_if_fail (DERM_IS_QUIZ (self), 0);
  return self->kinds;
}

guint
derm_quiz_get_n_questions (DermQuiz *self)
{
  g_return_val_if_fail (DERM_IS_QUIZ (self), 0);
  return self->entries->len;
}

const DermQuizQuestion *
derm_quiz_get_question (DermQuiz *self,
                        guint     index)
{
  Entry *entry = _derm_quiz_get_entry (self, index);

  return entry != NULL ? &entry->question : NULL;
}
