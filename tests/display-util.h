/* display-util.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the display tests share: a check that counts failures and goes on,
 * waiting on the main loop, and real input through the X server.
 */
#pragma once

#include <glib.h>

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
/* Run xdotool with these arguments (NULL-terminated); abort on failure. */
void     xdotool    (const char *first,
                     ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
