/* test-data.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The facts of shared/reference/clinical.md that atlas.xml holds: key
 * points, key muscles, reflexes, disc levels, red flags, the nerves, and
 * the three maps agreeing and differing where the literature does.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <string.h>

#include "derm-bundle.h"

static DermAtlas *atlas;

/* The text of a root's first statement of a field (and disc kind). */
static const DermStatement *
statement (const char *root_id,
           const char *field,
           const char *kind)
{
  const DermRoot *root = derm_atlas_get_root (atlas, root_id);

  g_assert_nonnull (root);
  for (guint i = 0; i < root->statements->len; i++)
    {
      const DermStatement *s = g_ptr_array_index (root->statements, i);

      if (strcmp (s->field, field) == 0 && (kind == NULL || g_strcmp0 (s->kind, kind) == 0))
        return s;
    }
  return NULL;
}

static void
assert_mentions (const char *root_id,
                 const char *field,
                 const char *kind,
                 const char *text,
                 const char *source)
{
  const DermStatement *s = statement (root_id, field, kind);

  if (s == NULL)
    g_error ("%s has no %s%s%s", root_id, field, kind ? " " : "", kind ? kind : "");
  if (strstr (s->text, text) == NULL)
    g_error ("%s %s “%s” does not mention “%s”", root_id, field, s->text, text);
  if (source != NULL && !g_strv_contains ((const char * const *) s->sources, source))
    g_error ("%s %s does not cite %s", root_id, field, source);
}

static void
assert_map_roots (const char *map_id,
                  const char *region_name,
                  const char *expected)
{
  const DermMap *map = derm_atlas_get_map (atlas, map_id);
  const char * const *roots;
  g_autofree char *joined = NULL;

  g_assert_nonnull (map);
  roots = g_hash_table_lookup (map->zones, region_name);
  g_assert_nonnull (roots);
  joined = g_strjoinv (" ", (char **) roots);
  if (strcmp (joined, expected) != 0)
    g_error ("%s gives %s “%s”, expected “%s”", map_id, region_name, joined, expected);
}

static void
test_key_points (void)
{
  /* ISNCSCI 2019 key sensory points (clinical.md sections 3 and 5c) */
  assert_mentions ("T10", "key-point", NULL, "umbilicus", "is19");
  assert_mentions ("T10", "key-point", NULL, "midclavicular line", NULL);
  assert_mentions ("T11", "key-point", NULL, "midway between the T10 and T12", "is19");
  assert_mentions ("T12", "key-point", NULL, "midpoint of the inguinal ligament", "is19");
  assert_mentions ("L1", "key-point", NULL, "halfway between the T12 and L2", "is19");
  assert_mentions ("L2", "key-point", NULL, "anteromedial thigh", "is19");
  assert_mentions ("L3", "key-point", NULL, "medial femoral condyle", "is19");
  assert_mentions ("L4", "key-point", NULL, "medial malleolus", "is19");
  assert_mentions ("L5", "key-point", NULL, "third metatarsophalangeal", "is19");
  assert_mentions ("S1", "key-point", NULL, "heel", "is19");
  assert_mentions ("S2", "key-point", NULL, "popliteal", "is19");
  assert_mentions ("S3", "key-point", NULL, "ischial tuberosity", "is19");
  assert_mentions ("S4-5", "key-point", NULL, "perianal", "is19");
  assert_mentions ("S4-5", "key-point", NULL, "less than 1 cm", NULL);
}

static void
test_key_points_in_their_zone (void)
{
  const DermMap *isncsci = derm_atlas_get_map (atlas, "isncsci");
  GPtrArray *points = derm_atlas_get_key_points (atlas);
  GPtrArray *roots = derm_atlas_get_roots (atlas);

  /* both sides for each root, S4-5 too (scored right and left) */
  g_assert_cmpuint (points->len, ==, 2 * roots->len);
  for (guint i = 0; i < points->len; i++)
    {
      const DermKeyPoint *kp = g_ptr_array_index (points, i);

      g_assert_nonnull (kp->region);
      if (!derm_map_region_has_root (isncsci, kp->region, kp->root))
        g_error ("the %s key point (%s) lies in %s, not an %s region on isncsci",
                 kp->root, derm_side_to_string (kp->side), kp->region->id, kp->root);
      /* on the patient's side it names (S4-5: in the midline perianal
       * ring, on that side of the midline; behind, the patient's left is
       * the viewer's left) */
      if (kp->region->side != DERM_SIDE_MID)
        g_assert_cmpint (kp->region->side, ==, kp->side);
      else
        g_assert_cmpint ((kp->x < DERM_VIEW_WIDTH / 2) == (kp->view == DERM_VIEW_ANTERIOR), ==,
                         kp->side == DERM_SIDE_RIGHT);
    }
  g_assert_cmpstr (derm_atlas_get_key_point (atlas, "L4", DERM_SIDE_RIGHT)->region->name_id, ==, "medial-malleolus");
  g_assert_cmpstr (derm_atlas_get_key_point (atlas, "S2", DERM_SIDE_LEFT)->region->name_id, ==, "popliteal-fossa");
  g_assert_cmpstr (derm_atlas_get_key_point (atlas, "S1", DERM_SIDE_LEFT)->region->name_id, ==, "lateral-heel");
  g_assert_cmpstr (derm_atlas_get_key_point (atlas, "L5", DERM_SIDE_LEFT)->region->name_id, ==, "dorsum-foot");
}

static void
test_key_point_near (void)
{
  const DermKeyPoint *l4 = derm_atlas_get_key_point (atlas, "L4", DERM_SIDE_LEFT);
  const DermKeyPoint *s1 = derm_atlas_get_key_point (atlas, "S1", DERM_SIDE_RIGHT);

  g_assert_true (derm_atlas_key_point_near (atlas, DERM_VIEW_ANTERIOR, l4->x + 3, l4->y - 2, 6) == l4);
  g_assert_true (derm_atlas_key_point_near (atlas, DERM_VIEW_POSTERIOR, s1->x, s1->y, 1) == s1);
  /* the other view, or too far */
  g_assert_null (derm_atlas_key_point_near (atlas, DERM_VIEW_POSTERIOR, l4->x, l4->y, 6));
  g_assert_null (derm_atlas_key_point_near (atlas, DERM_VIEW_ANTERIOR, l4->x + 10, l4->y, 6));
  /* the nearer of the two legs' points wins */
  {
    const DermKeyPoint *l4r = derm_atlas_get_key_point (atlas, "L4", DERM_SIDE_RIGHT);
    double mid = (l4->x + l4r->x) / 2;

    g_assert_true (derm_atlas_key_point_near (atlas, DERM_VIEW_ANTERIOR, mid + (l4->x - mid) * 0.6, l4->y, 200) == l4);
    g_assert_true (derm_atlas_key_point_near (atlas, DERM_VIEW_ANTERIOR, mid + (l4r->x - mid) * 0.6, l4r->y, 200) == l4r);
  }
}

static void
test_key_muscles (void)
{
  assert_mentions ("L2", "key-muscle", NULL, "iliopsoas", "is19");
  assert_mentions ("L3", "key-muscle", NULL, "quadriceps", "is19");
  assert_mentions ("L4", "key-muscle", NULL, "tibialis anterior", "is19");
  assert_mentions ("L5", "key-muscle", NULL, "extensor hallucis longus", "is19");
  assert_mentions ("S1", "key-muscle", NULL, "gastrocnemius", "is19");
  assert_mentions ("S1", "key-muscle", NULL, "soleus", "is19");
  assert_mentions ("S4-5", "motor-test", NULL, "anal", "is19");

  /* ISNCSCI has no key muscle for these */
  g_assert_null (statement ("T10", "key-muscle", NULL));
  g_assert_null (statement ("T11", "key-muscle", NULL));
  g_assert_null (statement ("T12", "key-muscle", NULL));
  g_assert_null (statement ("L1", "key-muscle", NULL));
  g_assert_null (statement ("S2", "key-muscle", NULL));
  g_assert_null (statement ("S3", "key-muscle", NULL));
}

static void
test_reflexes (void)
{
  assert_mentions ("L3", "reflex", NULL, "patellar", NULL);
  assert_mentions ("L4", "reflex", NULL, "patellar", "hoppenfeld1977");
  assert_mentions ("S1", "reflex", NULL, "Achilles", "hoppenfeld1977");
  assert_mentions ("S1", "reflex", NULL, "ankle jerk", NULL);
  assert_mentions ("L1", "reflex", NULL, "cremasteric", NULL);
  assert_mentions ("L5", "reflex", NULL, "none routinely", NULL);
  assert_mentions ("S4-5", "reflex", NULL, "anal wink", NULL);
  /* the NIH grading scale goes with the graded reflexes */
  assert_mentions ("L4", "reflex", NULL, "4+ clonus", "nih-cde");
  assert_mentions ("S1", "reflex", NULL, "2+ normal", "nih-cde");
}

static void
test_disc_levels (void)
{
  /* posterolateral compresses the traversing root, far-lateral the exiting one */
  assert_mentions ("L5", "disc", "posterolateral", "L4-5", "epstein2002");
  assert_mentions ("L5", "disc", "far-lateral", "L5-S1", "epstein2002");
  assert_mentions ("L4", "disc", "posterolateral", "L3-4", "epstein2002");
  assert_mentions ("L4", "disc", "far-lateral", "L4-5", "epstein2002");
  assert_mentions ("S1", "disc", "posterolateral", "L5-S1", NULL);
  assert_mentions ("L3", "disc", "posterolateral", "L2-3", NULL);
  assert_mentions ("L3", "disc", "far-lateral", "L3-4", NULL);
}

/* A statement of a root (field, optional map, view or -1) that mentions text. */
static const DermStatement *
find_statement (const char *root_id,
                const char *field,
                const char *map,
                int         view,
                const char *text)
{
  const DermRoot *root = derm_atlas_get_root (atlas, root_id);

  g_assert_nonnull (root);
  for (guint i = 0; i < root->statements->len; i++)
    {
      const DermStatement *s = g_ptr_array_index (root->statements, i);

      if (strcmp (s->field, field) == 0 && g_strcmp0 (s->map, map) == 0 &&
          (view < 0 || s->view == view) && strstr (s->text, text) != NULL)
        return s;
    }
  return NULL;
}

/* The root cards against clinical.md sections 2 to 5. */
static void
test_cards (void)
{
  static const char * const certain[] = {
    "jerk reduced", "reflexes normal", "raise positive", "test positive",
  };
  GPtrArray *roots = derm_atlas_get_roots (atlas);
  const DermStatement *s;

  for (guint r = 0; r < roots->len; r++)
    {
      const DermRoot *root = g_ptr_array_index (roots, r);

      for (guint i = 0; i < root->statements->len; i++)
        {
          const DermStatement *statement = g_ptr_array_index (root->statements, i);

          /* S1 leaves through the first sacral foramen: no S1-2 disc */
          if (strcmp (statement->field, "disc") == 0 && strstr (statement->text, "S1-2") != NULL)
            g_error ("%s: a disc at S1-2 (“%s”)", root->id, statement->text);
          /* a typical picture is usual, not certain */
          if (strcmp (statement->field, "picture") == 0)
            for (guint c = 0; c < G_N_ELEMENTS (certain); c++)
              if (strstr (statement->text, certain[c]) != NULL)
                g_error ("%s: the typical picture says “%s” as if it were certain", root->id, certain[c]);
        }
    }

  /* S1: no far-lateral disc; a transitional vertebra shifts the levels */
  assert_mentions ("S1", "disc", "far-lateral", "first sacral foramen", "moore");
  assert_mentions ("S1", "disc", "far-lateral", "transitional vertebra", NULL);
  /* L1: a T12-L1 disc lies at the conus */
  assert_mentions ("L1", "disc", "posterolateral", "T12-L1", "epstein2002");
  assert_mentions ("L1", "disc", "posterolateral", "conus", NULL);
  /* usually, where usual */
  assert_mentions ("L5", "picture", NULL, "reflexes usually normal", NULL);
  assert_mentions ("S1", "picture", NULL, "ankle jerk usually reduced", NULL);
  assert_mentions ("L3", "picture", NULL, "knee jerk usually reduced", NULL);
  assert_mentions ("L4", "picture", NULL, "knee jerk usually reduced", NULL);
  g_assert_nonnull (find_statement ("S1", "caveat", NULL, -1, "does not exclude S1"));

  /* the back of the leg as the ISNCSCI map now draws it */
  s = find_statement ("S1", "territory", "isncsci", DERM_VIEW_POSTERIOR, "central lower calf");
  g_assert_nonnull (s);
  g_assert_nonnull (strstr (s->text, "heel"));
  g_assert_true (g_strv_contains ((const char * const *) s->sources, "is19"));
  g_assert_nonnull (find_statement ("L5", "territory", "isncsci", DERM_VIEW_POSTERIOR, "lateral half"));
  g_assert_nonnull (find_statement ("S2", "territory", "isncsci", DERM_VIEW_POSTERIOR, "lateral edge"));
  g_assert_nonnull (find_statement ("S1", "disagreement", NULL, -1, "Posterolateral calf"));
  g_assert_null (strstr (derm_root_get_statement (derm_atlas_get_root (atlas, "S1"), "summary", -1)->text,
                         "posterolateral calf"));
  assert_map_roots ("isncsci", "posterolateral-calf", "L5");
  assert_map_roots ("isncsci", "calf-lower", "S1");

  /* S4-5: voluntary anal contraction is the motor test, deep anal
   * pressure a sensory one; the key point is scored on both sides */
  g_assert_null (find_statement ("S4-5", "motor-test", NULL, -1, "deep anal pressure"));
  assert_mentions ("S4-5", "motor-test", NULL, "voluntary anal contraction", "is19");
  g_assert_nonnull (find_statement ("S4-5", "caveat", NULL, -1, "Deep anal pressure is a sensory test"));
  assert_mentions ("S4-5", "key-point", NULL, "on the right and on the left", "is19");
}

static void
test_red_flags (void)
{
  const char *saddle[] = { "S2", "S3", "S4-5" };

  for (guint i = 0; i < G_N_ELEMENTS (saddle); i++)
    {
      assert_mentions (saddle[i], "red-flag", NULL, "auda equina", "bmj-bp-ces");
      assert_mentions (saddle[i], "red-flag", NULL, "emergency MRI", NULL);
    }
}

static void
test_disagreements_shown (void)
{
  /* where the maps and texts differ the card says so, citing both sides */
  assert_mentions ("L3", "disagreement", NULL, "Patella", "kg1948");
  assert_mentions ("L4", "disagreement", NULL, "great toe", "downs2011");
  assert_mentions ("S1", "disagreement", NULL, "posterior thigh", "kg1948");
}

typedef struct {
  const char *id;
  const char *roots;
  const char *regions;  /* exactly these */
} NerveFact;

static void
test_nerves (void)
{
  /* clinical.md section 5 */
  static const NerveFact facts[] = {
    { "iliohypogastric", "T12 L1", NULL },
    { "ilioinguinal", "L1", "medial-thigh-upper genital" },
    { "genitofemoral", "L1 L2", "inguinal genital" },
    { "lateral-femoral-cutaneous", "L2 L3", "lateral-thigh-upper lateral-thigh-lower lateral-knee" },
    { "femoral-anterior-cutaneous", "L2 L3", NULL },
    { "obturator", "L2 L3 L4", "medial-thigh-mid" },
    { "saphenous", "L3 L4", NULL },
    { "lateral-sural-cutaneous", "L4 L5 S1 S2", "anterolateral-leg-upper" },
    { "superficial-fibular", "L4 L5 S1", NULL },
    { "deep-fibular", "L4 L5 S1", "first-web-space" },
    { "sural", "S1 S2", "posterolateral-calf lateral-malleolus lateral-foot little-toe lateral-heel" },
    { "tibial", "L4 L5 S1 S2 S3", "medial-heel sole-heel" },
    { "tibial-tarsal-tunnel", "L4 L5 S1 S2", "" },
    { "medial-plantar", "L4 L5", "sole-medial great-toe-medial" },
    { "lateral-plantar", "S1 S2", "sole-lateral" },
    { "posterior-femoral-cutaneous", "S1 S2 S3", NULL },
    { "pudendal", "S2 S3 S4-5", "genital perianal-outer perianal-inner" },
    /* whole nerves: their skin is their branches' (section 5b) */
    { "femoral", "L2 L3 L4", "" },
    { "sciatic", "L4 L5 S1 S2 S3", "" },
    { "common-fibular", "L4 L5 S1 S2", "" },
    { "lumbar-plexus", "L1 L2 L3 L4", "" },
    { "sacral-plexus", "L4 L5 S1 S2 S3 S4-5", "" },
    { "lumbosacral-plexus", "L1 L2 L3 L4 L5 S1 S2 S3 S4-5", "" },
    { "superior-gluteal", "L4 L5 S1", "" },
    { "inferior-gluteal", "L5 S1 S2", "" },
    /* section 5: the cluneal nerves of the buttock and the skin over the sacrum */
    { "superior-cluneal", "L1 L2 L3", "buttock-upper" },
    { "middle-cluneal", "S1 S2 S3", "sacral-upper sacral-lower buttock-medial" },
    { "inferior-cluneal", "S1 S2 S3", "buttock-central infragluteal buttock-lateral" },
  };
  GPtrArray *nerves = derm_atlas_get_nerves (atlas);

  g_assert_cmpuint (nerves->len, ==, G_N_ELEMENTS (facts));
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      const DermNerve *nerve = derm_atlas_get_nerve (atlas, facts[i].id);
      g_autofree char *roots = NULL;

      if (nerve == NULL)
        g_error ("no nerve %s", facts[i].id);
      g_assert_true (nerve == g_ptr_array_index (nerves, i));
      roots = g_strjoinv (" ", nerve->roots);
      g_assert_cmpstr (roots, ==, facts[i].roots);
      g_assert_nonnull (nerve->sources[0]);
      if (facts[i].regions != NULL)
        {
          g_autofree char *regions = g_strjoinv (" ", nerve->regions);
          g_assert_cmpstr (regions, ==, facts[i].regions);
        }
      for (guint r = 0; nerve->roots[r] != NULL; r++)
        g_assert_nonnull (derm_atlas_get_root (atlas, nerve->roots[r]));
    }
}

static gboolean
nerve_has_region (const char *nerve_id,
                  const char *region)
{
  const DermNerve *nerve = derm_atlas_get_nerve (atlas, nerve_id);

  g_assert_nonnull (nerve);
  return g_strv_contains ((const char * const *) nerve->regions, region);
}

static void
test_nerve_territories (void)
{
  /* saphenous: medial knee, leg, ankle and medial foot */
  g_assert_true (nerve_has_region ("saphenous", "medial-malleolus"));
  g_assert_true (nerve_has_region ("saphenous", "medial-knee"));
  g_assert_true (nerve_has_region ("saphenous", "medial-foot"));
  /* sural: posterolateral lower leg, lateral foot, little toe */
  g_assert_true (nerve_has_region ("sural", "little-toe"));
  g_assert_true (nerve_has_region ("sural", "lateral-foot"));
  g_assert_true (nerve_has_region ("sural", "posterolateral-calf"));
  /* superficial fibular: the dorsum except the first web space and lateral edge */
  g_assert_true (nerve_has_region ("superficial-fibular", "dorsum-foot"));
  g_assert_false (nerve_has_region ("superficial-fibular", "first-web-space"));
  g_assert_false (nerve_has_region ("superficial-fibular", "lateral-foot"));
  /* tibial: medial and plantar heel (medial calcaneal branches); the sole
   * through its medial and lateral plantar nerves; the lateral heel is the
   * sural's lateral calcaneal branches */
  g_assert_true (nerve_has_region ("tibial", "sole-heel"));
  g_assert_true (nerve_has_region ("tibial", "medial-heel"));
  g_assert_false (nerve_has_region ("tibial", "lateral-heel"));
  g_assert_true (nerve_has_region ("sural", "lateral-heel"));
  g_assert_true (nerve_has_region ("medial-plantar", "sole-medial"));
  g_assert_true (nerve_has_region ("lateral-plantar", "sole-lateral"));
  /* posterior femoral cutaneous: lower buttock, posterior thigh, popliteal fossa */
  g_assert_true (nerve_has_region ("posterior-femoral-cutaneous", "posterior-thigh-central"));
  g_assert_true (nerve_has_region ("posterior-femoral-cutaneous", "popliteal-fossa"));
  g_assert_true (nerve_has_region ("posterior-femoral-cutaneous", "infragluteal"));
  /* iliohypogastric: suprapubic skin, upper lateral buttock */
  g_assert_true (nerve_has_region ("iliohypogastric", "suprainguinal"));
  g_assert_true (nerve_has_region ("iliohypogastric", "buttock-upper"));
  /* femoral anterior cutaneous: anterior and medial thigh */
  g_assert_true (nerve_has_region ("femoral-anterior-cutaneous", "anterior-thigh-mid"));
  g_assert_true (nerve_has_region ("femoral-anterior-cutaneous", "medial-thigh-mid"));
}

/* Every region of both views is some nerve's skin, or the data says that
 * no source names its nerve (clinical.md 1, 2, 5 and 5b): the app then
 * says so instead of showing nothing. */
static void
test_every_region_has_nerve (void)
{
  /* where clinical.md names none: the abdomen above T12, the patella, the
   * lower back beside the spine, the central calf and the Achilles region */
  static const char * const unsourced[] = {
    "periumbilical", "infraumbilical", "patella", "lumbar-upper", "lumbar-middle",
    "lumbar-lower", "lumbosacral", "calf-central", "calf-lower", "achilles", NULL
  };
  GPtrArray *regions = derm_atlas_get_regions (atlas);
  g_autoptr (GString) missing = g_string_new (NULL);
  guint views[DERM_N_VIEWS] = { 0, };

  for (guint i = 0; i < regions->len; i++)
    {
      const DermRegion *region = g_ptr_array_index (regions, i);
      g_autoptr (GPtrArray) nerves = derm_atlas_get_region_nerves (atlas, region);

      views[region->view]++;
      if (nerves->len == 0 && !region->nerve_unsourced)
        g_string_append_printf (missing, " %s", region->id);
      /* marked unsourced only where no nerve of the data claims it */
      if (region->nerve_unsourced)
        g_assert_cmpuint (nerves->len, ==, 0);
      g_assert_true (region->nerve_unsourced == g_strv_contains (unsourced, region->name_id));
    }
  g_assert_cmpuint (views[DERM_VIEW_ANTERIOR], >, 0);
  g_assert_cmpuint (views[DERM_VIEW_POSTERIOR], >, 0);
  if (missing->len > 0)
    g_error ("regions with no cutaneous nerve and no mark that none is sourced:%s", missing->str);

  /* the nerves clinical.md does give to regions that had none */
  /* lateral femoral cutaneous: anterolateral and lateral thigh to the knee */
  g_assert_true (nerve_has_region ("lateral-femoral-cutaneous", "lateral-knee"));
  /* superficial fibular: the dorsum of the foot; medial plantar: the medial 3.5 toes */
  g_assert_true (nerve_has_region ("superficial-fibular", "great-toe-medial"));
  g_assert_true (nerve_has_region ("medial-plantar", "great-toe-medial"));
  /* iliohypogastric: upper lateral buttock; inferior cluneal: lower buttock */
  g_assert_true (nerve_has_region ("iliohypogastric", "buttock-lateral"));
  g_assert_true (nerve_has_region ("inferior-cluneal", "buttock-lateral"));
  /* the heel: sural laterally, tibial medially and below */
  g_assert_true (nerve_has_region ("sural", "lateral-heel"));
  g_assert_false (nerve_has_region ("tibial", "lateral-heel"));
  /* roots: pudendal S2-S4, tibial L4-S3 */
  g_assert_cmpstr (derm_atlas_get_nerve (atlas, "pudendal")->roots[0], ==, "S2");
  g_assert_cmpstr (derm_atlas_get_nerve (atlas, "pudendal")->roots[2], ==, "S4-5");
  g_assert_cmpuint (g_strv_length (derm_atlas_get_nerve (atlas, "tibial")->roots), ==, 5);
}

static void
test_nerves_name_real_regions (void)
{
  GPtrArray *nerves = derm_atlas_get_nerves (atlas);
  GPtrArray *regions = derm_atlas_get_regions (atlas);

  for (guint i = 0; i < nerves->len; i++)
    {
      const DermNerve *nerve = g_ptr_array_index (nerves, i);

      for (guint r = 0; nerve->regions[r] != NULL; r++)
        {
          gboolean drawn = FALSE;

          for (guint j = 0; j < regions->len && !drawn; j++)
            drawn = strcmp (((DermRegion *) g_ptr_array_index (regions, j))->name_id, nerve->regions[r]) == 0;
          if (!drawn)
            g_error ("nerve %s names region %s, which is not drawn", nerve->id, nerve->regions[r]);
        }
    }
}

static void
test_maps_complete (void)
{
  GPtrArray *maps = derm_atlas_get_maps (atlas);
  GPtrArray *regions = derm_atlas_get_regions (atlas);

  g_assert_cmpuint (maps->len, ==, 3);
  g_assert_nonnull (derm_atlas_get_map (atlas, "isncsci"));
  g_assert_nonnull (derm_atlas_get_map (atlas, "keegan-garrett"));
  g_assert_nonnull (derm_atlas_get_map (atlas, "lee2008"));

  for (guint m = 0; m < maps->len; m++)
    {
      const DermMap *map = g_ptr_array_index (maps, m);
      GHashTableIter iter;
      gpointer key, value;

      g_assert_nonnull (map->sources[0]);
      /* every region assigned: roots, or an empty list on purpose */
      for (guint i = 0; i < regions->len; i++)
        {
          const DermRegion *region = g_ptr_array_index (regions, i);

          if (!g_hash_table_contains (map->zones, region->name_id))
            g_error ("map %s says nothing of %s", map->id, region->name_id);
        }
      /* and every root it names exists */
      g_hash_table_iter_init (&iter, map->zones);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const char * const *roots = value;

          for (guint r = 0; roots[r] != NULL; r++)
            if (derm_atlas_get_root (atlas, roots[r]) == NULL)
              g_error ("map %s gives %s the unknown root %s", map->id, (const char *) key, roots[r]);
        }
    }

  /* only Lee leaves regions blank */
  {
    const DermMap *isncsci = derm_atlas_get_map (atlas, "isncsci");
    const DermMap *kg = derm_atlas_get_map (atlas, "keegan-garrett");

    for (guint i = 0; i < regions->len; i++)
      {
        const DermRegion *region = g_ptr_array_index (regions, i);

        g_assert_nonnull (derm_map_get_roots (isncsci, region)[0]);
        g_assert_nonnull (derm_map_get_roots (kg, region)[0]);
      }
  }
}

static void
test_maps_differ (void)
{
  /* patella: L3 Foerster, L4 Keegan and Garrett */
  assert_map_roots ("isncsci", "patella", "L3");
  assert_map_roots ("keegan-garrett", "patella", "L4");
  /* medial edge of the great toe: L5 Foerster/Lee/ISNCSCI, L4 KG */
  assert_map_roots ("isncsci", "great-toe-medial", "L5");
  assert_map_roots ("lee2008", "great-toe-medial", "L5");
  assert_map_roots ("keegan-garrett", "great-toe-medial", "L4");
  /* the dorsum of the great toe is L5 on every map */
  assert_map_roots ("isncsci", "great-toe-dorsal", "L5");
  assert_map_roots ("keegan-garrett", "great-toe-dorsal", "L5");
  assert_map_roots ("lee2008", "great-toe-dorsal", "L5");
  /* central posterior thigh: S2 Foerster and Lee, S1 KG; KG's S1 runs down the calf */
  assert_map_roots ("isncsci", "posterior-thigh-central", "S2");
  assert_map_roots ("lee2008", "posterior-thigh-central", "S2");
  assert_map_roots ("keegan-garrett", "posterior-thigh-central", "S1");
  assert_map_roots ("keegan-garrett", "calf-central", "S1");
  assert_map_roots ("isncsci", "calf-central", "S2");
  /* L4 on the medial leg and ankle everywhere; KG also across the lateral thigh */
  assert_map_roots ("isncsci", "medial-malleolus", "L4");
  assert_map_roots ("lee2008", "medial-malleolus", "L4");
  assert_map_roots ("keegan-garrett", "lateral-thigh-lower", "L4");
  /* L5 on the posterolateral thigh and buttock only in KG */
  assert_map_roots ("keegan-garrett", "posterolateral-thigh", "L5");
  assert_map_roots ("lee2008", "posterolateral-thigh", "S1");
  assert_map_roots ("isncsci", "posterolateral-thigh", "S2");
  /* distal zones agree */
  assert_map_roots ("isncsci", "first-web-space", "L5");
  assert_map_roots ("lee2008", "little-toe", "S1");
  assert_map_roots ("keegan-garrett", "little-toe", "S1");
  /* perianal rings, S5 innermost */
  assert_map_roots ("isncsci", "perianal-outer", "S3");
  assert_map_roots ("isncsci", "perianal-inner", "S4-5");
}

/* The ISNCSCI map as the 2019 worksheet draws it (clinical.md 3 and 5c). */
static void
test_isncsci_worksheet (void)
{
  /* T10 at the umbilicus, T11 below it, a T12 band, L1 below it on the hip */
  assert_map_roots ("isncsci", "periumbilical", "T10");
  assert_map_roots ("isncsci", "infraumbilical", "T11");
  assert_map_roots ("isncsci", "suprainguinal", "T12");
  assert_map_roots ("isncsci", "lateral-hip", "L1");
  /* the heel is S1, both sides of it and below */
  assert_map_roots ("isncsci", "medial-heel", "S1");
  assert_map_roots ("isncsci", "lateral-heel", "S1");
  assert_map_roots ("isncsci", "sole-heel", "S1");
  /* S2 reaches the lateral posterior thigh and ends about mid-calf, where
   * S1 takes the central lower calf and L5 the lateral half of the leg */
  assert_map_roots ("isncsci", "posterolateral-thigh", "S2");
  assert_map_roots ("isncsci", "calf-central", "S2");
  assert_map_roots ("isncsci", "calf-lower", "S1");
  assert_map_roots ("isncsci", "achilles", "S1");
  assert_map_roots ("isncsci", "posterolateral-calf", "L5");
  assert_map_roots ("isncsci", "posteromedial-calf", "L4");
  /* the heel is S1 on Keegan and Garrett's map too */
  assert_map_roots ("keegan-garrett", "medial-heel", "S1");
}

/* Keegan and Garrett's bands leave the dorsal midline one below the other
 * (the drawing: test-parcellation); here the regions they run through. */
static void
test_keegan_garrett_bands (void)
{
  assert_map_roots ("keegan-garrett", "lumbar-upper", "L1");
  assert_map_roots ("keegan-garrett", "lumbar-middle", "L2");
  assert_map_roots ("keegan-garrett", "lumbar-lower", "L3");
  assert_map_roots ("keegan-garrett", "lumbosacral", "L4");
  assert_map_roots ("keegan-garrett", "sacral-upper", "L5");
  assert_map_roots ("keegan-garrett", "sacral-lower", "S1");
  assert_map_roots ("keegan-garrett", "buttock-medial", "S2");
  /* and on into the limb */
  assert_map_roots ("keegan-garrett", "buttock-upper", "L4");
  assert_map_roots ("keegan-garrett", "lateral-thigh-lower", "L4");
  assert_map_roots ("keegan-garrett", "buttock-lateral", "L5");
  assert_map_roots ("keegan-garrett", "posterolateral-thigh", "L5");
  assert_map_roots ("keegan-garrett", "buttock-central", "S1");
  assert_map_roots ("keegan-garrett", "posterior-thigh-central", "S1");
  /* L1 from the spine round the lateral hip to the groin */
  assert_map_roots ("keegan-garrett", "lateral-hip", "L1");
  assert_map_roots ("keegan-garrett", "inguinal", "L1");
}

/* The regions added with the waist and the back have their cutaneous nerve
 * where clinical.md names one: the cluneal nerves of the buttock and the
 * skin over the sacrum. (It names none for the abdomen above T12 or for the
 * lower back beside the spine, so none is given there.) */
static void
test_new_regions_nerves (void)
{
  static const char * const regions[] = {
    "sacral-upper", "sacral-lower", "buttock-central",
    "buttock-upper", "buttock-medial", "infragluteal",
  };
  GPtrArray *nerves = derm_atlas_get_nerves (atlas);

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      g_autofree char *left = g_strconcat (regions[i], "-left", NULL);
      guint found = 0;

      g_assert_nonnull (derm_atlas_get_region (atlas, left));
      for (guint n = 0; n < nerves->len; n++)
        found += g_strv_contains ((const char * const *) ((DermNerve *) g_ptr_array_index (nerves, n))->regions,
                                  regions[i]);
      if (found == 0)
        g_error ("region %s has no cutaneous nerve", regions[i]);
    }
  /* the cluneal nerves cite Moore, as clinical.md does */
  g_assert_true (g_strv_contains ((const char * const *) derm_atlas_get_nerve (atlas, "middle-cluneal")->sources,
                                  "moore"));
}

static DermZoneKind
zone_kind (const char *map_id,
           const char *region_name)
{
  g_autofree char *id = g_strconcat (region_name, "-left", NULL);
  const DermRegion *region = derm_atlas_get_region (atlas, id);

  if (region == NULL)
    {
      g_free (id);
      id = g_strconcat (region_name, "-mid", NULL);
      region = derm_atlas_get_region (atlas, id);
    }
  g_assert_nonnull (region);
  return derm_map_get_zone_kind (derm_atlas_get_map (atlas, map_id), region);
}

/* Every blank zone says why it is blank: on Lee 2008 the S3-S5 skin is
 * not drawn at all, the rest varies between people. A zone that no
 * source gives is marked with the roots around it. */
static void
test_zone_kinds (void)
{
  GPtrArray *maps = derm_atlas_get_maps (atlas);
  GPtrArray *regions = derm_atlas_get_regions (atlas);
  const DermMap *isncsci = derm_atlas_get_map (atlas, "isncsci");
  const DermMap *lee = derm_atlas_get_map (atlas, "lee2008");
  guint not_drawn = 0, varies = 0, guessed = 0;

  for (guint m = 0; m < maps->len; m++)
    {
      const DermMap *map = g_ptr_array_index (maps, m);

      for (guint i = 0; i < regions->len; i++)
        {
          const DermRegion *region = g_ptr_array_index (regions, i);
          const char * const *roots = derm_map_get_roots (map, region);
          const char * const *borders = derm_map_get_zone_borders (map, region);
          DermZoneKind kind = derm_map_get_zone_kind (map, region);
          g_autofree char *note = derm_map_dup_zone_note (map, region);
          g_autofree char *text = derm_map_dup_roots_text (map, region);

          /* blank zones, and only they, are "varies" or "not drawn" */
          g_assert_true ((roots[0] == NULL) == (kind == DERM_ZONE_VARIES || kind == DERM_ZONE_NOT_DRAWN));
          /* a guessed zone names the roots around it, its own among them */
          g_assert_true ((kind == DERM_ZONE_GUESSED) == (borders[0] != NULL));
          for (guint r = 0; roots[r] != NULL && kind == DERM_ZONE_GUESSED; r++)
            g_assert_true (g_strv_contains (borders, roots[r]));
          /* and the app says so */
          g_assert_true ((note != NULL) == (kind != DERM_ZONE_SOURCED));
          g_assert_true (derm_map_zone_is_sourced (map, region) == (kind == DERM_ZONE_SOURCED));
          if (kind == DERM_ZONE_GUESSED)
            {
              g_assert_nonnull (strstr (text, "uncertain"));
              g_assert_nonnull (strstr (note, "Uncertain"));
              for (guint b = 0; borders[b] != NULL; b++)
                g_assert_nonnull (strstr (note, borders[b]));
            }
          if (map == lee && roots[0] == NULL)
            {
              const char * const *foerster = derm_map_get_roots (isncsci, region);
              gboolean sacral = g_strv_contains (foerster, "S3") || g_strv_contains (foerster, "S4-5");

              /* Lee did not map S3-S5: that skin is not drawn, not variable */
              if (sacral != (kind == DERM_ZONE_NOT_DRAWN))
                g_error ("lee2008 says %s of %s", kind == DERM_ZONE_NOT_DRAWN ? "not drawn" : "varies",
                         region->id);
              g_assert_cmpstr (text, ==, sacral ? "not drawn by this map" : "varies between people");
              not_drawn += sacral;
              varies += !sacral;
            }
          guessed += kind == DERM_ZONE_GUESSED;
        }
    }
  g_assert_cmpuint (not_drawn, >, 0);
  g_assert_cmpuint (varies, >, 0);
  g_assert_cmpuint (guessed, >, 0);

  /* ISNCSCI and Keegan and Garrett leave nothing blank; Lee guesses nothing */
  g_assert_null (derm_map_get_blank_meaning (isncsci));
  g_assert_cmpstr (derm_map_get_blank_meaning (lee), ==, "varies between people, or not drawn by this map");
  g_assert_cmpint (zone_kind ("lee2008", "perianal-inner"), ==, DERM_ZONE_NOT_DRAWN);
  g_assert_cmpint (zone_kind ("lee2008", "patella"), ==, DERM_ZONE_VARIES);
  /* the fills of the map descriptions, between the zones around them */
  g_assert_cmpint (zone_kind ("isncsci", "lumbar-middle"), ==, DERM_ZONE_GUESSED);
  g_assert_cmpint (zone_kind ("isncsci", "lateral-knee"), ==, DERM_ZONE_GUESSED);
  g_assert_cmpint (zone_kind ("isncsci", "buttock-central"), ==, DERM_ZONE_GUESSED);
  g_assert_cmpint (zone_kind ("keegan-garrett", "sole-medial"), ==, DERM_ZONE_GUESSED);
  /* where clinical.md gives the root, no guess */
  g_assert_cmpint (zone_kind ("isncsci", "buttock-medial"), ==, DERM_ZONE_SOURCED);   /* S3 */
  g_assert_cmpint (zone_kind ("isncsci", "genital"), ==, DERM_ZONE_SOURCED);          /* L1, S2 */
  g_assert_cmpint (zone_kind ("isncsci", "posteromedial-thigh"), ==, DERM_ZONE_SOURCED); /* Gray */
  g_assert_cmpint (zone_kind ("isncsci", "lateral-heel"), ==, DERM_ZONE_SOURCED);     /* the S1 key point */
  g_assert_cmpint (zone_kind ("isncsci", "calf-lower"), ==, DERM_ZONE_SOURCED);
  g_assert_cmpint (zone_kind ("isncsci", "achilles"), ==, DERM_ZONE_SOURCED);   /* S1 down the centre to the heel */
}

static void
test_lee_blank (void)
{
  const DermMap *lee = derm_atlas_get_map (atlas, "lee2008");
  const DermMap *isncsci = derm_atlas_get_map (atlas, "isncsci");
  GHashTableIter iter;
  gpointer key, value;
  guint blank = 0, sacral = 0;

  g_hash_table_iter_init (&iter, lee->zones);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char * const *roots = value;
      const char * const *foerster = g_hash_table_lookup (isncsci->zones, key);

      /* S3-S5 not drawn */
      g_assert_false (g_strv_contains (roots, "S3"));
      g_assert_false (g_strv_contains (roots, "S4-5"));
      if (g_strv_contains (foerster, "S3") || g_strv_contains (foerster, "S4-5"))
        {
          if (roots[0] != NULL)
            g_error ("lee2008 colours %s, an S3-S5 region on isncsci", (const char *) key);
          sacral++;
        }
      blank += roots[0] == NULL;
    }
  g_assert_cmpuint (sacral, >=, 3);
  g_assert_cmpuint (blank, >=, 5);
}

/* The branching of the nerves (clinical.md 5b): a common fibular lesion
 * takes the deep and superficial fibular nerves, the sciatic both the
 * tibial and the common fibular, the femoral the saphenous. */
static void
test_nerve_branches (void)
{
  static const char * const contains[][2] = {
    { "common-fibular", "deep-fibular" }, { "common-fibular", "superficial-fibular" },
    { "common-fibular", "lateral-sural-cutaneous" }, { "sciatic", "tibial" },
    { "sciatic", "common-fibular" }, { "sciatic", "deep-fibular" }, { "sciatic", "sural" },
    { "femoral", "saphenous" }, { "femoral", "femoral-anterior-cutaneous" },
    { "tibial", "medial-plantar" }, { "tibial", "lateral-plantar" },
    { "tibial-tarsal-tunnel", "medial-plantar" }, { "lumbar-plexus", "femoral" }, { "lumbar-plexus", "obturator" },
    { "lumbar-plexus", "saphenous" }, { "sacral-plexus", "sciatic" }, { "sacral-plexus", "superior-gluteal" },
    { "lumbosacral-plexus", "deep-fibular" }, { "lumbosacral-plexus", "lateral-femoral-cutaneous" },
  };
  static const char * const apart[][2] = {
    { "deep-fibular", "common-fibular" }, { "sciatic", "saphenous" }, { "sciatic", "superior-gluteal" },
    { "femoral", "obturator" }, { "common-fibular", "tibial" }, { "sciatic", "posterior-femoral-cutaneous" },
    { "tibial-tarsal-tunnel", "tibial" }, { "lumbar-plexus", "sciatic" }, { "sacral-plexus", "femoral" },
  };
  GPtrArray *nerves = derm_atlas_get_nerves (atlas);

  for (guint i = 0; i < G_N_ELEMENTS (contains); i++)
    if (!derm_atlas_nerve_contains (atlas, contains[i][0], contains[i][1]))
      g_error ("%s should contain %s", contains[i][0], contains[i][1]);
  for (guint i = 0; i < G_N_ELEMENTS (apart); i++)
    if (derm_atlas_nerve_contains (atlas, apart[i][0], apart[i][1]))
      g_error ("%s should not contain %s", apart[i][0], apart[i][1]);

  /* every nerve has skin, its own or its branches', but the gluteal nerves */
  for (guint i = 0; i < nerves->len; i++)
    {
      const DermNerve *nerve = g_ptr_array_index (nerves, i);
      gboolean skin = FALSE;

      for (guint j = 0; j < nerves->len && !skin; j++)
        {
          const DermNerve *branch = g_ptr_array_index (nerves, j);
          skin = branch->regions[0] != NULL && derm_atlas_nerve_contains (atlas, nerve->id, branch->id);
        }
      g_assert_true (skin == !g_str_has_suffix (nerve->id, "-gluteal"));
    }
}

/* Each motor test and reflex of CHART.md, with the roots of clinical.md 5b
 * (main roots, then the others) and the nerve that carries it. */
static void
test_examination (void)
{
  static const struct {
    DermTestKind kind;
    const char  *id;
    const char  *roots;
    const char  *also;
    const char  *nerve;
  } tests[] = {
    { DERM_TEST_MOTOR, "hip-flexion", "L2", "L1 L3", "lumbar-plexus" },
    { DERM_TEST_MOTOR, "hip-adduction", "L2 L3 L4", "", "obturator" },
    { DERM_TEST_MOTOR, "hip-abduction", "L5", "L4 S1", "superior-gluteal" },
    { DERM_TEST_MOTOR, "hip-extension", "S1", "L5 S2", "inferior-gluteal" },
    { DERM_TEST_MOTOR, "knee-extension", "L3 L4", "L2", "femoral" },
    { DERM_TEST_MOTOR, "knee-flexion", "L5 S1", "S2", "sciatic" },
    { DERM_TEST_MOTOR, "ankle-dorsiflexion", "L4 L5", "", "deep-fibular" },
    { DERM_TEST_MOTOR, "ankle-plantar-flexion", "S1", "S2", "tibial" },
    { DERM_TEST_MOTOR, "ankle-inversion", "L5", "L4", "tibial" },
    { DERM_TEST_MOTOR, "ankle-eversion", "L5 S1", "", "superficial-fibular" },
    { DERM_TEST_MOTOR, "long-toe-extension", "L5", "", "deep-fibular" },
    { DERM_TEST_MOTOR, "toe-flexion", "S1 S2", "", "tibial" },
    { DERM_TEST_MOTOR, "anal-contraction", "S2 S3 S4-5", "", "pudendal" },
    { DERM_TEST_REFLEX, "knee-jerk", "L3 L4", "L2", "femoral" },
    { DERM_TEST_REFLEX, "ankle-jerk", "S1", "S2", "tibial" },
    { DERM_TEST_REFLEX, "adductor", "L2 L3 L4", "", "obturator" },
    { DERM_TEST_REFLEX, "medial-hamstring", "L5", "S1", "sciatic" },
    { DERM_TEST_REFLEX, "cremasteric", "L1 L2", "", "genitofemoral" },
    { DERM_TEST_REFLEX, "anal-wink", "S2 S3 S4-5", "", "pudendal" },
    { DERM_TEST_REFLEX, "bulbocavernosus", "S2 S3 S4-5", "", "pudendal" },
    { DERM_TEST_REFLEX, "plantar", "", "", NULL },
  };

  g_assert_cmpuint (derm_atlas_get_exam_tests (atlas)->len, ==, G_N_ELEMENTS (tests));
  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    {
      const DermExamTest *test = derm_atlas_get_exam_test (atlas, tests[i].kind, tests[i].id);
      g_autofree char *roots = NULL, *also = NULL;

      if (test == NULL)
        g_error ("no test %s", tests[i].id);
      roots = g_strjoinv (" ", test->roots);
      also = g_strjoinv (" ", test->also);
      g_assert_cmpstr (roots, ==, tests[i].roots);
      g_assert_cmpstr (also, ==, tests[i].also);
      if (tests[i].nerve != NULL)
        g_assert_cmpstr (test->nerves[0], ==, tests[i].nerve);
      g_assert_nonnull (test->sources[0]);
      g_assert_nonnull (test->name);
      g_assert_true (test->kind == DERM_TEST_REFLEX || test->muscles != NULL);
      g_assert_true (test->midline == (strstr (tests[i].id, "anal") != NULL || strcmp (tests[i].id, "bulbocavernosus") == 0));
    }
  /* hip flexion: the femoral nerve supplies iliacus only, psoas comes from the plexus */
  g_assert_cmpstr (derm_atlas_get_exam_test (atlas, DERM_TEST_MOTOR, "hip-flexion")->partial[0], ==, "femoral");
  g_assert_true (derm_atlas_get_exam_test (atlas, DERM_TEST_REFLEX, "plantar")->upper_motor_neuron);
  g_assert_true (derm_atlas_get_exam_test (atlas, DERM_TEST_REFLEX, "anal-wink")->weak_sign);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  atlas = derm_atlas_new_from_resource (&error);
  g_assert_no_error (error);

  g_test_add_func ("/atlas/data/key-points", test_key_points);
  g_test_add_func ("/atlas/data/key-points-in-their-zone", test_key_points_in_their_zone);
  g_test_add_func ("/atlas/data/key-point-near", test_key_point_near);
  g_test_add_func ("/atlas/data/key-muscles", test_key_muscles);
  g_test_add_func ("/atlas/data/reflexes", test_reflexes);
  g_test_add_func ("/atlas/data/disc-levels", test_disc_levels);
  g_test_add_func ("/atlas/data/cards", test_cards);
  g_test_add_func ("/atlas/data/red-flags", test_red_flags);
  g_test_add_func ("/atlas/data/disagreements", test_disagreements_shown);
  g_test_add_func ("/atlas/data/nerves", test_nerves);
  g_test_add_func ("/atlas/data/nerve-territories", test_nerve_territories);
  g_test_add_func ("/atlas/data/nerves-name-real-regions", test_nerves_name_real_regions);
  g_test_add_func ("/atlas/data/every-region-has-nerve", test_every_region_has_nerve);
  g_test_add_func ("/atlas/data/maps-complete", test_maps_complete);
  g_test_add_func ("/atlas/data/maps-differ", test_maps_differ);
  g_test_add_func ("/atlas/data/lee-blank", test_lee_blank);
  g_test_add_func ("/atlas/data/zone-kinds", test_zone_kinds);
  g_test_add_func ("/atlas/data/nerve-branches", test_nerve_branches);
  g_test_add_func ("/atlas/data/examination", test_examination);
  g_test_add_func ("/atlas/data/isncsci-worksheet", test_isncsci_worksheet);
  g_test_add_func ("/atlas/data/keegan-garrett-bands", test_keegan_garrett_bands);
  g_test_add_func ("/atlas/data/new-regions-nerves", test_new_regions_nerves);

  status = g_test_run ();
  g_object_unref (atlas);
  return status;
}
