/* derm-application.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "derm-atlas.h"

G_BEGIN_DECLS

#define DERM_TYPE_APPLICATION (derm_application_get_type ())
G_DECLARE_FINAL_TYPE (DermApplication, derm_application, DERM, APPLICATION, AdwApplication)

DermApplication *derm_application_new       (void);

/* The atlas, loaded once at start-up; NULL if it failed to load. */
DermAtlas       *derm_application_get_atlas (DermApplication *self);

G_END_DECLS
