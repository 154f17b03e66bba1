/* derm-types.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "derm-types.h"

static const char * const view_names[] = { "anterior", "posterior" };
static const char * const side_names[] = { "right", "left", "mid" };
static const char * const layout_names[] = { "anterior", "posterior", "both" };
static const char * const style_names[] = { "color", "grayscale", "worksheet" };
static const char * const palette_names[] = { "default", "colorblind", "high-contrast" };

static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *str,
             int                *value)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_ascii_strcasecmp (names[i], str) == 0)
        {
          *value = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
derm_view_to_string (DermView view)
{
  g_return_val_if_fail (view < DERM_N_VIEWS, NULL);
  return view_names[view];
}

gboolean
derm_view_from_string (const char *str,
                       DermView   *view)
{
  int value;

  if (!lookup_name (view_names, G_N_ELEMENTS (view_names), str, &value))
    return FALSE;
  *view = (DermView) value;
  return TRUE;
}

const char *
derm_side_to_string (DermSide side)
{
  g_return_val_if_fail (side < DERM_N_SIDES, NULL);
  return side_names[side];
}

gboolean
derm_side_from_string (const char *str,
                       DermSide   *side)
{
  int value;

  if (!lookup_name (side_names, G_N_ELEMENTS (side_names), str, &value))
    return FALSE;
  *side = (DermSide) value;
  return TRUE;
}

const char *
derm_layout_to_string (DermLayout layout)
{
  g_return_val_if_fail (layout <= DERM_LAYOUT_BOTH, NULL);
  return layout_names[layout];
}

gboolean
derm_layout_from_string (const char *str,
                         DermLayout *layout)
{
  int value;

  if (!lookup_name (layout_names, G_N_ELEMENTS (layout_names), str, &value))
    return FALSE;
  *layout = (DermLayout) value;
  return TRUE;
}

gboolean
derm_style_from_string (const char *str,
                        DermStyle  *style)
{
  int value;

  if (!lookup_name (style_names, G_N_ELEMENTS (style_names), str, &value))
    return FALSE;
  *style = (DermStyle) value;
  return TRUE;
}

const char *
derm_palette_to_string (DermPalette palette)
{
  g_return_val_if_fail (palette <= DERM_PALETTE_HIGH_CONTRAST, NULL);
  return palette_names[palette];
}

gboolean
derm_palette_from_string (const char  *str,
                          DermPalette *palette)
{
  int value;

  if (!lookup_name (palette_names, G_N_ELEMENTS (palette_names), str, &value))
    return FALSE;
  *palette = (DermPalette) value;
  return TRUE;
}
