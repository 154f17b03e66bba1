/* test-search.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "derm-bundle.h"

static DermAtlas *atlas;

static const DermSearchHit *
first_hit (GPtrArray *hits)
{
  g_assert_cmpuint (hits->len, >, 0);
  return g_ptr_array_index (hits, 0);
}

static void
test_root_by_id (void)
{
  g_autoptr (GPtrArray) hits = derm_atlas_search (atlas, "L5");
  const DermSearchHit *hit = first_hit (hits);

  g_assert_nonnull (hit->root);
  g_assert_cmpstr (hit->root->id, ==, "L5");

  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = derm_atlas_search (atlas, "  s1 ");
  g_assert_cmpstr (first_hit (hits)->root->id, ==, "S1");
}

static void
check_region_hit (const char *query,
                  const char *name_id)
{
  g_autoptr (GPtrArray) hits = derm_atlas_search (atlas, query);
  const DermSearchHit *hit = first_hit (hits);

  if (hit->region == NULL || g_strcmp0 (hit->region->name_id, name_id) != 0)
    g_error ("“%s” found %s first, not %s", query,
             hit->region ? hit->region->id : hit->root->id, name_id);
}

static void
test_synonyms (void)
{
  check_region_hit ("big toe", "great-toe-dorsal");
  check_region_hit ("inner ankle", "medial-malleolus");
  check_region_hit ("Back of the knee", "popliteal-fossa");
  check_region_hit ("medial malleolus", "medial-malleolus");
  check_region_hit ("first web", "first-web-space");
}

static void
test_both_sides (void)
{
  g_autoptr (GPtrArray) hits = derm_atlas_search (atlas, "inner ankle");
  gboolean left = FALSE, right = FALSE;

  for (guint i = 0; i < hits->len; i++)
    {
      const DermSearchHit *hit = g_ptr_array_index (hits, i);

      if (hit->region != NULL && g_strcmp0 (hit->region->name_id, "medial-malleolus") == 0)
        {
          left |= hit->region->side == DERM_SIDE_LEFT;
          right |= hit->region->side == DERM_SIDE_RIGHT;
        }
    }
  g_assert_true (left && right);
}

static void
test_nothing (void)
{
  g_autoptr (GPtrArray) hits = derm_atlas_search (atlas, "elbow");
  g_autoptr (GPtrArray) empty = derm_atlas_search (atlas, "   ");

  g_assert_cmpuint (hits->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_reflex (void)
{
  g_autoptr (GPtrArray) hits = derm_atlas_search (atlas, "ankle jerk");
  gboolean s1 = FALSE;

  for (guint i = 0; i < hits->len; i++)
    {
      const DermSearchHit *hit = g_ptr_array_index (hits, i);
      s1 |= hit->root != NULL && g_strcmp0 (hit->root->id, "S1") == 0;
    }
  g_assert_true (s1);
}

static void
test_region_title (void)
{
  g_autofree char *left = derm_region_dup_title (derm_atlas_get_region (atlas, "medial-malleolus-left"));
  g_autofree char *mid = derm_region_dup_title (derm_atlas_get_region (atlas, "perianal-inner-mid"));

  g_assert_cmpstr (left, ==, "Left medial malleolus");
  g_assert_true (g_unichar_isupper (g_utf8_get_char (mid)));
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  atlas = derm_atlas_new_from_resource (&error);
  g_assert_no_error (error);

  g_test_add_func ("/atlas/search/root-by-id", test_root_by_id);
  g_test_add_func ("/atlas/search/synonyms", test_synonyms);
  g_test_add_func ("/atlas/search/both-sides", test_both_sides);
  g_test_add_func ("/atlas/search/nothing", test_nothing);
  g_test_add_func ("/atlas/search/reflex", test_reflex);
  g_test_add_func ("/atlas/search/region-title", test_region_title);

  status = g_test_run ();
  g_object_unref (atlas);
  return status;
}
