/* derm-print-settings.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "derm-export.h"

G_BEGIN_DECLS

/* Groups of the print key file: GTK's own two, and ours for the page. */
#define DERM_PRINT_SETTINGS_GROUP "Print Settings"
#define DERM_PAGE_SETUP_GROUP     "Page Setup"
#define DERM_PAGE_OPTIONS_GROUP   "Map"
#define DERM_EXPORT_GROUP         "Export"

/* What a print or export remembers for the next: GTK's print settings and
 * page setup, the page options of the print dialog's "Map" tab, and the
 * export window's options (paper and PNG width included). */
typedef struct {
  GtkPrintSettings  *settings;    /* never NULL once initialised */
  GtkPageSetup      *page_setup;  /* never NULL once initialised; A4 portrait by default */
  DermPageOptions    options;
  DermExportOptions  export_options;
} DermPrintState;

void      derm_print_state_init           (DermPrintState       *state);
void      derm_print_state_clear          (DermPrintState       *state);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DermPrintState, derm_print_state_clear)

void      derm_print_state_save_to_key_file   (const DermPrintState *state,
                                               GKeyFile             *key_file);
/* Each part whose group is missing keeps its default; a part that does not
 * load is an error, and the parts loaded before it stay. */
gboolean  derm_print_state_load_from_key_file (DermPrintState       *state,
                                               GKeyFile             *key_file,
                                               GError              **error);

/* g_get_user_config_dir ()/dermatomes/print.ini */
char     *derm_print_state_get_default_path (void);

/* A missing file leaves the defaults; an unreadable or corrupt one, or one
 * with a bad value, is a g_warning and the defaults, never a failure. */
void      derm_print_state_load           (DermPrintState       *state,
                                           const char           *path);
gboolean  derm_print_state_save           (const DermPrintState *state,
                                           const char           *path,
                                           GError              **error);

G_END_DECLS
