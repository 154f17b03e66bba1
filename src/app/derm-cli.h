/* derm-cli.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "derm-atlas.h"

G_BEGIN_DECLS

/* Register the command-line options of ARCHITECTURE.md on the application. */
void derm_cli_add_options          (GApplication *app);

/* Run a headless command if one was given: returns its exit status
 * (0 done, 1 nothing found, 2 bad usage or input), or -1 to go on and
 * open the window. Needs no display. */
int  derm_cli_handle_local_options (GApplication *app,
                                    GVariantDict *options);

/* The atlas the user asked for: the built-in one, or --atlas DIR's
 * atlas.xml and maps (an error names the file and line). */
DermAtlas *derm_cli_new_atlas (GError **error);

/* The exit status to return from main (): GApplication exits with 1 when
 * it cannot parse the options, and bad usage must be 2. */
int  derm_cli_exit_status          (int           status);

/* argv for GApplication with negative numbers kept as arguments (a copy) */
char **derm_cli_protect_negative_numbers (int    argc,
                                          char **argv);

G_END_DECLS
