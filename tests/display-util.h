/* display-util.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the display tests share: a check that counts failures and goes on,
 * waiting on the main loop, and real input through the X server.
 */
#pragma once

#include <gtk/gtk.h>

#include "derm-window.h"

G_BEGIN_DECLS

extern int check_failures;

/* Print "ok: ..." or "FAIL: ..." and count the failure; the test goes on
 * so one run reports everything a person would see wrong. */
#define CHECK(cond, ...) G_STMT_START {                                   \
    if (!(cond)) { g_printerr ("FAIL: " __VA_ARGS__); g_printerr ("\n"); check_failures++; } \
    else { g_print ("ok: " __VA_ARGS__); g_print ("\n"); }               \
  } G_STMT_END

typedef gboolean (*Condition) (gpointer data);

/* Run the main loop until condition holds; FALSE after timeout_ms. */
gboolean wait_until (Condition   condition,
                     gpointer    data,
                     guint       timeout_ms);
/* Run the main loop for ms milliseconds. */
void     settle     (guint       ms);
/* Run the main loop until the widget's window has drawn a frame after
 * every layout change asked for so far, so that positions read from the
 * widgets are the ones on the screen (a header bar shown again after
 * presentation mode moves the map only in the next frame's layout). */
void     wait_for_layout (GtkWidget *widget);
/* The widget as drawn now, 4 bytes a pixel; g_free () it. */
guchar  *display_widget_pixels (GtkWidget *widget,
                                int       *width,
                                int       *height);
/* Run xdotool with these arguments (NULL-terminated); abort on failure. */
void     xdotool    (const char *first,
                     ...) G_GNUC_NULL_TERMINATED;

typedef void (*DisplayTestFunc) (DermWindow *window);

/* The main () of a display test: without an X display, say so and return
 * 77 (skipped); else run the application and, once its window is on screen
 * (at width x height, or its own size for 0), call run with it. Returns 1
 * if a CHECK failed, else 0. */
int      display_test_main (int              width,
                            int              height,
                            DisplayTestFunc  run);
/* From now on, count every warning or critical logged as a failed check
 * (display_test_main () does this itself). */
void     display_fail_on_warnings (void);
/* Every shown, wrapped label under widget whose text the wrapping breaks
 * inside a word ("Unterschenk-el") rather than where a line may break:
 * appends " “word” in “label text”;" to problems for each. Returns how
 * many wrapped labels it looked at. */
guint    find_broken_words (GtkWidget       *widget,
                            GString         *problems);
/* The X window id of a window, for xdotool; free with g_free. */
char    *display_xid       (GtkWindow       *window);

G_END_DECLS
