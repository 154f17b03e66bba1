/* derm-types.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The two drawn views. Each is one SVG file with viewBox 0 0 600 1080. */
typedef enum {
  DERM_VIEW_ANTERIOR,
  DERM_VIEW_POSTERIOR,
  DERM_N_VIEWS
} DermView;

/* Always the patient's side, never the screen side. */
typedef enum {
  DERM_SIDE_RIGHT,
  DERM_SIDE_LEFT,
  DERM_SIDE_MID,
  DERM_N_SIDES
} DermSide;

/* What a diagram shows: one view, or both side by side. */
typedef enum {
  DERM_LAYOUT_ANTERIOR,
  DERM_LAYOUT_POSTERIOR,
  DERM_LAYOUT_BOTH
} DermLayout;

typedef enum {
  DERM_STYLE_COLOR,
  DERM_STYLE_GRAYSCALE,
  DERM_STYLE_WORKSHEET
} DermStyle;

/* The colours of a coloured diagram: the default pastels, a set whose
 * neighbouring roots stay apart with any colour vision deficiency, or
 * strong colours with black (on dark: white) outlines for low vision and
 * projectors. Stored as "default", "colorblind", "high-contrast". */
typedef enum {
  DERM_PALETTE_DEFAULT,
  DERM_PALETTE_COLORBLIND,
  DERM_PALETTE_HIGH_CONTRAST
} DermPalette;

#define DERM_VIEW_WIDTH  600.0
#define DERM_VIEW_HEIGHT 1080.0

const char *derm_view_to_string  (DermView view);
gboolean    derm_view_from_string (const char *str,
                                   DermView   *view);
const char *derm_side_to_string  (DermSide side);
gboolean    derm_side_from_string (const char *str,
                                   DermSide   *side);
gboolean    derm_layout_from_string (const char *str,
                                     DermLayout *layout);
const char *derm_layout_to_string (DermLayout layout);
gboolean    derm_style_from_string (const char *str,
                                    DermStyle  *style);
const char *derm_palette_to_string (DermPalette palette);
gboolean    derm_palette_from_string (const char  *str,
                                      DermPalette *palette);

G_END_DECLS
