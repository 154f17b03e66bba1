/* derm-print-settings.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One key file holds what a print run remembers: GTK serialises its own
 * print settings and page setup, derm-page its options. Nothing is mapped
 * by hand here, and tests/test-print-settings.c checks the round trip.
 */
#define G_LOG_DOMAIN "Dermatomes"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "derm-file.h"
#include "derm-print-settings.h"

/* helpers */

static GtkPageSetup *
create_default_page_setup (void)
{
  GtkPageSetup *page_setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  /* GTK would pick the locale's paper: the maps are laid out for A4 first */
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, a4);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);

  return page_setup;
}

static gboolean
load_width (GKeyFile  *key_file,
            int       *width,
            GError   **error)
{
  g_autoptr (GError) local_error = NULL;
  int value;

  if (!g_key_file_has_key (key_file, DERM_EXPORT_GROUP, "png-width", NULL))
    return TRUE;

  value = g_key_file_get_integer (key_file, DERM_EXPORT_GROUP, "png-width", &local_error);
  if (local_error != NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  "[%s] png-width: ", DERM_EXPORT_GROUP);
      return FALSE;
    }
  if (value < DERM_EXPORT_MIN_WIDTH || value > DERM_EXPORT_MAX_WIDTH)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "[%s] png-width: %d is not between %d and %d", DERM_EXPORT_GROUP,
                   value, DERM_EXPORT_MIN_WIDTH, DERM_EXPORT_MAX_WIDTH);
      return FALSE;
    }

  *width = value;
  return TRUE;
}

/* public API */

void
derm_print_state_init (DermPrintState *state)
{
  state->settings = gtk_print_settings_new ();
  state->page_setup = create_default_page_setup ();
  derm_page_options_init (&state->options);
  derm_export_options_init (&state->export_options);
}

void
derm_print_state_clear (DermPrintState *state)
{
  g_clear_object (&state->settings);
  g_clear_object (&state->page_setup);
  derm_page_options_clear (&state->options);
  derm_export_options_clear (&state->export_options);
}

void
derm_print_state_save_to_key_file (const DermPrintState *state,
                                   GKeyFile             *key_file)
{
  g_return_if_fail (state != NULL);
  g_return_if_fail (key_file != NULL);

  if (state->settings != NULL)
    gtk_print_settings_to_key_file (state->settings, key_file, DERM_PRINT_SETTINGS_GROUP);
  if (state->page_setup != NULL)
    gtk_page_setup_to_key_file (state->page_setup, key_file, DERM_PAGE_SETUP_GROUP);
  derm_page_options_save_to_key_file (&state->options, key_file, DERM_PAGE_OPTIONS_GROUP);
  derm_page_options_save_to_key_file (&state->export_options.page, key_file, DERM_EXPORT_GROUP);
  g_key_file_set_integer (key_file, DERM_EXPORT_GROUP, "png-width", state->export_options.width);
}

gboolean
derm_print_state_load_from_key_file (DermPrintState *state,
                                     GKeyFile       *key_file,
                                     GError        **error)
{
  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail (key_file != NULL, FALSE);

  if (g_key_file_has_group (key_file, DERM_PRINT_SETTINGS_GROUP))
    {
      GtkPrintSettings *settings =
        gtk_print_settings_new_from_key_file (key_file, DERM_PRINT_SETTINGS_GROUP, error);

      if (settings == NULL)
        return FALSE;
      g_set_object (&state->settings, settings);
      g_object_unref (settings);
    }

  if (g_key_file_has_group (key_file, DERM_PAGE_SETUP_GROUP))
    {
      GtkPageSetup *page_setup =
        gtk_page_setup_new_from_key_file (key_file, DERM_PAGE_SETUP_GROUP, error);

      if (page_setup == NULL)
        return FALSE;
      g_set_object (&state->page_setup, page_setup);
      g_object_unref (page_setup);
    }

  if (g_key_file_has_group (key_file, DERM_PAGE_OPTIONS_GROUP) &&
      !derm_page_options_load_from_key_file (&state->options, key_file,
                                             DERM_PAGE_OPTIONS_GROUP, error))
    return FALSE;

  if (g_key_file_has_group (key_file, DERM_EXPORT_GROUP))
    {
      if (!derm_page_options_load_from_key_file (&state->export_options.page, key_file,
                                                 DERM_EXPORT_GROUP, error))
        return FALSE;
      if (!load_width (key_file, &state->export_options.width, error))
        return FALSE;
    }

  return TRUE;
}

char *
derm_print_state_get_default_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "dermatomes", "print.ini", NULL);
}

void
derm_print_state_load (DermPrintState *state,
                       const char     *path)
{
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autoptr (GError) error = NULL;

  g_return_if_fail (state != NULL);
  g_return_if_fail (path != NULL);

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_warning ("Ignoring the print settings in %s: %s", path, error->message);
      return;
    }

  if (!derm_print_state_load_from_key_file (state, key_file, &error))
    {
      g_warning ("Ignoring the print settings in %s: %s", path, error->message);
      derm_print_state_clear (state);
      derm_print_state_init (state);
    }
}

gboolean
derm_print_state_save (const DermPrintState *state,
                       const char           *path,
                       GError              **error)
{
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autofree char *dir = NULL, *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  derm_print_state_save_to_key_file (state, key_file);

  /* the old file stays until the new one is whole */
  data = g_key_file_to_data (key_file, &length, NULL);
  return derm_file_save_atomic (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, TRUE, error);
}
