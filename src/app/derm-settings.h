/* derm-settings.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The application's settings, or NULL when the schema is not installed
 * (running from the build tree without GSETTINGS_SCHEMA_DIR), where
 * g_settings_new () would abort. */
GSettings *derm_settings_new     (void);

/* An older installed schema may lack a newer key. */
gboolean   derm_settings_has_key (GSettings  *settings,
                                  const char *key);

G_END_DECLS
