/* test-i18n-atlas.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The atlas in another language. DERM_TEST_LANGUAGE names the language and
 * DERM_TEST_CATALOG its compiled catalog:
 *
 * - "xx", a pseudo catalog (tests/make-pseudo-mo.py) made from what xgettext
 *   extracts from atlas.xml with po/its/atlas.its, each translation marked
 *   "@@ ": every text the loader looks up must come out marked, so the
 *   loader's white-space normalisation and the extraction make the same
 *   msgids, and no text of the atlas escapes the POT;
 * - "de", po/de.po as built: region names, root statements, nerves and maps
 *   come out in German.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "derm-bundle.h"

typedef struct {
  GString *failures;
  guint    checked;
} TextCheck;

typedef void (*TextFunc) (TextCheck  *check,
                          const char *text,
                          const char *where);

/* Calls func on every text of the atlas that the loader translated. */
static void
foreach_text (DermAtlas *atlas,
              TextFunc   func,
              TextCheck *check)
{
  GPtrArray *array;

  array = derm_atlas_get_sources (atlas);
  for (guint i = 0; i < array->len; i++)
    {
      const DermSource *source = g_ptr_array_index (array, i);
      func (check, source->citation, source->id);
    }

  array = derm_atlas_get_roots (atlas);
  for (guint i = 0; i < array->len; i++)
    {
      const DermRoot *root = g_ptr_array_index (array, i);

      for (guint j = 0; j < root->statements->len; j++)
        {
          const DermStatement *statement = g_ptr_array_index (root->statements, j);
          g_autofree char *where = g_strdup_printf ("%s %s", root->id, statement->field);
          func (check, statement->text, where);
        }
    }

  array = derm_atlas_get_regions (atlas);
  for (guint i = 0; i < array->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (array, i);

      func (check, region->name, region->id);
      for (guint j = 0; region->synonyms[j] != NULL; j++)
        func (check, region->synonyms[j], region->id);
    }

  array = derm_atlas_get_maps (atlas);
  for (guint i = 0; i < array->len; i++)
    {
      const DermMap *map = g_ptr_array_index (array, i);

      func (check, map->name, map->id);
      if (map->description != NULL)
        func (check, map->description, map->id);
    }

  array = derm_atlas_get_nerves (atlas);
  for (guint i = 0; i < array->len; i++)
    {
      const DermNerve *nerve = g_ptr_array_index (array, i);

      func (check, nerve->name, nerve->id);
      for (guint j = 0; nerve->synonyms[j] != NULL; j++)
        func (check, nerve->synonyms[j], nerve->id);
      if (nerve->territory != NULL)
        func (check, nerve->territory, nerve->id);
      if (nerve->distinguish != NULL)
        func (check, nerve->distinguish->text, nerve->id);
    }

  array = derm_atlas_get_quiz_items (atlas);
  for (guint i = 0; i < array->len; i++)
    {
      const DermQuizItem *item = g_ptr_array_index (array, i);

      func (check, item->question, item->id);
      func (check, item->explanation, item->id);
      for (guint j = 0; item->choices != NULL && j < item->choices->len; j++)
        {
          const DermQuizItemChoice *choice = g_ptr_array_index (item->choices, j);
          if (choice->label != NULL)
            func (check, choice->label, item->id);
        }
    }
}

static void
check_marked (TextCheck  *check,
              const char *text,
              const char *where)
{
  check->checked++;
  if (text == NULL || !g_str_has_prefix (text, "@@ "))
    g_string_append_printf (check->failures, "\n  %s: “%s” is not in the extracted POT",
                            where, text != NULL ? text : "(null)");
}

/* German has no "the": an untranslated statement or name shows itself. */
static void
check_not_english (TextCheck  *check,
                   const char *text,
                   const char *where)
{
  g_autofree char *padded = g_strdup_printf (" %s ", text != NULL ? text : "");

  check->checked++;
  if (strstr (padded, " the ") != NULL || strstr (padded, " The ") != NULL)
    g_string_append_printf (check->failures, "\n  %s: “%s” is English", where, text);
}

static void
test_every_text_extracted (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DermAtlas) atlas = derm_atlas_new_from_resource (&error);
  g_autoptr (GString) failures = g_string_new (NULL);
  TextCheck check = { failures, 0 };

  g_assert_no_error (error);
  foreach_text (atlas, check_marked, &check);
  g_test_message ("%u texts checked", check.checked);
  /* the walk itself reached the atlas: sources, roots, regions, maps, nerves */
  g_assert_cmpuint (check.checked, >, 500);
  g_assert_cmpstr (failures->str, ==, "");
}

static void
test_german_atlas (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DermAtlas) atlas = derm_atlas_new_from_resource (&error);
  g_autoptr (GString) failures = g_string_new (NULL);
  TextCheck check = { failures, 0 };
  const DermRegion *region;
  const DermRoot *root;
  const DermStatement *statement;
  g_autofree char *title = NULL;

  g_assert_no_error (error);

  region = derm_atlas_get_region (atlas, "medial-malleolus-left");
  g_assert_nonnull (region);
  g_assert_cmpstr (region->name, ==, "Innenknöchel");
  title = derm_region_dup_title (region);
  g_assert_cmpstr (title, ==, "Innenknöchel links");
  g_assert_cmpstr (derm_atlas_get_region (atlas, "dorsum-foot-right")->name, ==, "Fußrücken");
  g_assert_cmpstr (derm_atlas_get_region (atlas, "patella-right")->name, ==, "Kniescheibe");
  g_assert_true (g_strv_contains ((const char * const *) derm_atlas_get_region (atlas, "great-toe-dorsal-left")->synonyms,
                                  "Großzehe"));

  root = derm_atlas_get_root (atlas, "L4");
  statement = derm_root_get_statement (root, "summary", -1);
  g_assert_nonnull (strstr (statement->text, "Innenknöchel"));
  statement = derm_root_get_statement (root, "key-point", DERM_VIEW_ANTERIOR);
  g_assert_cmpstr (statement->text, ==, "Innenknöchel");
  statement = derm_root_get_statement (derm_atlas_get_root (atlas, "S1"), "reflex", -1);
  g_assert_true (g_str_has_prefix (statement->text, "Achillessehnenreflex"));
  statement = derm_root_get_statement (derm_atlas_get_root (atlas, "L3"), "reflex", -1);
  g_assert_true (g_str_has_prefix (statement->text, "Patellarsehnenreflex"));
  /* a root id inside a text stays as it is */
  statement = derm_root_get_statement (derm_atlas_get_root (atlas, "S4-5"), "caveat", -1);
  g_assert_nonnull (strstr (statement->text, "(S4-5)"));

  g_assert_cmpstr (derm_atlas_get_map (atlas, "keegan-garrett")->name, ==, "Keegan und Garrett (1948)");
  g_assert_cmpstr (derm_atlas_get_nerve (atlas, "saphenous")->name, ==, "N. saphenus");

  foreach_text (atlas, check_not_english, &check);
  g_assert_cmpstr (failures->str, ==, "");

  /* search finds what German clinicians type */
  {
    g_autoptr (GPtrArray) hits = derm_atlas_search (atlas, "Fußheberschwäche");
    const DermSearchHit *hit;

    g_assert_cmpuint (hits->len, >, 0);
    hit = g_ptr_array_index (hits, 0);
    g_assert_nonnull (hit->root);
    g_assert_cmpstr (hit->root->id, ==, "L5");
    g_clear_pointer (&hits, g_ptr_array_unref);
    hits = derm_atlas_search (atlas, "taube Ferse");
    g_assert_cmpuint (hits->len, >, 0);
    hit = g_ptr_array_index (hits, 0);
    g_assert_nonnull (hit->region);
    g_assert_true (g_str_has_suffix (hit->region->name_id, "heel"));
  }
}

/* A catalog directory laid out as gettext wants it: DIR/LANG/LC_MESSAGES. */
static char *
make_catalog_dir (const char *language,
                  const char *catalog)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-i18n-atlas-XXXXXX", &error);
  g_autofree char *messages = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  messages = g_build_filename (dir, language, "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  mo = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_file_get_contents (catalog, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (mo, contents, length, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&dir);
}

static void
remove_catalog_dir (const char *dir,
                    const char *language)
{
  g_autofree char *mo = g_build_filename (dir, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *messages = g_path_get_dirname (mo);
  g_autofree char *lang_dir = g_path_get_dirname (messages);

  g_remove (mo);
  g_rmdir (messages);
  g_rmdir (lang_dir);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *language = g_getenv ("DERM_TEST_LANGUAGE");
  const char *catalog = g_getenv ("DERM_TEST_CATALOG");
  g_autofree char *dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (language == NULL || catalog == NULL)
    {
      g_printerr ("test-i18n-atlas: set DERM_TEST_LANGUAGE and DERM_TEST_CATALOG\n");
      return 1;
    }

  /* as main.c does, with the catalog where the test put it */
  dir = make_catalog_dir (language, catalog);
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (strcmp (language, "xx") == 0)
    g_test_add_func ("/i18n/atlas/every-text-extracted", test_every_text_extracted);
  else if (strcmp (language, "de") == 0)
    g_test_add_func ("/i18n/atlas/german", test_german_atlas);

  status = g_test_run ();
  remove_catalog_dir (dir, language);
  return status;
}
