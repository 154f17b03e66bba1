/* fuzz-atlas-xml.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The atlas loader on any atlas.xml, with a small valid pair of drawings:
 * it must answer an atlas or an error that names the file, never crash.
 * This is the way untrusted data comes in (a map of one's own).
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "fuzz.h"

#include "derm-bundle-private.h"

static const char anterior[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 1000\" width=\"600\" height=\"1000\">\n"
  "  <g id=\"silhouette\"><path id=\"silhouette-outline\" d=\"M100 100 H500 V900 H100 Z\" fill=\"#eee\"/></g>\n"
  "  <g id=\"regions\">\n"
  "    <path id=\"thigh-right\" class=\"region\" d=\"M100 100 H300 V900 H100 Z\"/>\n"
  "    <path id=\"thigh-left\" class=\"region\" d=\"M300 100 H500 V900 H300 Z\"/>\n"
  "  </g>\n"
  "  <g id=\"landmarks\"/>\n"
  "  <g id=\"key-points\">\n"
  "    <circle id=\"kp-L4-right\" class=\"key-point\" cx=\"200\" cy=\"500\" r=\"3\"/>\n"
  "  </g>\n"
  "</svg>\n";

static const char posterior[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 1000\" width=\"600\" height=\"1000\">\n"
  "  <g id=\"silhouette\"><path id=\"silhouette-outline\" d=\"M100 100 H500 V900 H100 Z\" fill=\"#eee\"/></g>\n"
  "  <g id=\"regions\">\n"
  "    <path id=\"calf-left\" class=\"region\" d=\"M100 100 H300 V900 H100 Z\"/>\n"
  "    <path id=\"calf-right\" class=\"region\" d=\"M300 100 H500 V900 H300 Z\"/>\n"
  "  </g>\n"
  "  <g id=\"landmarks\"/>\n"
  "  <g id=\"key-points\"/>\n"
  "</svg>\n";

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr (GBytes) xml = g_bytes_new (data, size);
  GBytes *svg[2] = { g_bytes_new_static (anterior, sizeof anterior - 1),
                     g_bytes_new_static (posterior, sizeof posterior - 1) };
  const char *names[2] = { "anterior.svg", "posterior.svg" };
  g_autoptr (GError) error = NULL;
  g_autoptr (DermAtlas) atlas = NULL;

  fuzz_set_logging_func ();
  atlas = derm_atlas_new_from_bytes (xml, "fuzz.xml", svg, names, NULL, &error);
  if (atlas == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (strstr (error->message, ".xml") != NULL || strstr (error->message, ".svg") != NULL);
    }
  g_bytes_unref (svg[0]);
  g_bytes_unref (svg[1]);
  return 0;
}
