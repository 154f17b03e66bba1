/* test-search.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <string.h>

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
check_root_hit (const char *query,
                const char *root_id)
{
  g_autoptr (GPtrArray) hits = derm_atlas_search (atlas, query);
  const DermSearchHit *hit = first_hit (hits);

  if (hit->root == NULL || g_strcmp0 (hit->root->id, root_id) != 0)
    g_error ("“%s” found %s first, not the root %s", query,
             hit->root ? hit->root->id : hit->region->id, root_id);
}

static gboolean
finds_root (const char *query,
            const char *root_id)
{
  g_autoptr (GPtrArray) hits = derm_atlas_search (atlas, query);

  for (guint i = 0; i < hits->len; i++)
    {
      const DermSearchHit *hit = g_ptr_array_index (hits, i);

      if (hit->root != NULL && strcmp (hit->root->id, root_id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A region found as the skin of a nerve, which the hit names. */
static void
check_nerve_hit (const char *query,
                 const char *name_id,
                 const char *nerve_id)
{
  g_autoptr (GPtrArray) hits = derm_atlas_search (atlas, query);
  const DermSearchHit *hit = first_hit (hits);

  check_region_hit (query, name_id);
  g_assert_nonnull (hit->nerve);
  if (strcmp (hit->nerve->id, nerve_id) != 0)
    g_error ("“%s” found %s as the skin of %s, not %s", query, hit->region->id,
             hit->nerve->id, nerve_id);
}

/* What clinicians type: a picture, a syndrome, a nerve by its old name. */
static void
test_clinical_terms (void)
{
  g_autoptr (GPtrArray) saddle = derm_atlas_search (atlas, "saddle");
  const DermSearchHit *hit;

  /* foot drop: the L5 root first, then the common fibular nerve's skin */
  check_root_hit ("foot drop", "L5");
  check_root_hit ("drop foot", "L5");
  {
    g_autoptr (GPtrArray) hits = derm_atlas_search (atlas, "foot drop");
    gboolean fibular = FALSE;

    for (guint i = 0; i < hits->len; i++)
      {
        hit = g_ptr_array_index (hits, i);
        fibular |= hit->nerve != NULL && strcmp (hit->nerve->id, "common-fibular") == 0;
      }
    g_assert_true (fibular);
  }
  /* cauda equina: the sacral roots whose cards carry the red flag */
  check_root_hit ("cauda equina", "S2");
  g_assert_true (finds_root ("cauda equina", "S3"));
  g_assert_true (finds_root ("Cauda Equina", "S4-5"));
  /* saddle: perineal, genital and perianal skin */
  hit = first_hit (saddle);
  g_assert_nonnull (hit->region);
  g_assert_true (hit->region->side == DERM_SIDE_MID);
  /* sciatica: L5 or S1 */
  check_root_hit ("sciatica", "L5");
  g_assert_true (finds_root ("sciatica", "S1"));
  /* nerves by name and by their old names */
  check_nerve_hit ("sural", "posterolateral-calf", "sural");
  check_nerve_hit ("peroneal", "anterolateral-leg-upper", "common-fibular");
  check_nerve_hit ("fibular", "anterolateral-leg-upper", "common-fibular");
  check_nerve_hit ("deep peroneal", "first-web-space", "deep-fibular");
  check_nerve_hit ("tarsal tunnel", "sole-medial", "tibial-tarsal-tunnel");
  check_nerve_hit ("meralgia", "lateral-thigh-upper", "lateral-femoral-cutaneous");
  /* a symptom word typed around the place is passed over */
  {
    g_autoptr (GPtrArray) hits = derm_atlas_search (atlas, "numb heel");

    hit = first_hit (hits);
    g_assert_nonnull (hit->region);
    g_assert_true (g_str_has_suffix (hit->region->name_id, "heel"));
  }
  check_region_hit ("numbness big toe", "great-toe-dorsal");
  check_region_hit ("tingling inner ankle", "medial-malleolus");
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
  g_test_add_func ("/atlas/search/clinical-terms", test_clinical_terms);
  g_test_add_func ("/atlas/search/both-sides", test_both_sides);
  g_test_add_func ("/atlas/search/nothing", test_nothing);
  g_test_add_func ("/atlas/search/reflex", test_reflex);
  g_test_add_func ("/atlas/search/region-title", test_region_title);

  status = g_test_run ();
  g_object_unref (atlas);
  return status;
}
