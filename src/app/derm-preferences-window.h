/* derm-preferences-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "derm-atlas.h"

G_BEGIN_DECLS

#define DERM_TYPE_PREFERENCES_WINDOW (derm_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (DermPreferencesWindow, derm_preferences_window, DERM, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The preferences, bound to settings (the application's schema): style,
 * palette, label size, and the map shown at start, offered from atlas. */
DermPreferencesWindow *derm_preferences_window_new (DermAtlas *atlas,
                                                    GSettings *settings);

G_END_DECLS
