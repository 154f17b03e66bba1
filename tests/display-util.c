/* display-util.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Dermatomes"

#include <gdk/x11/gdkx.h>

#include "derm-application.h"
#include "display-util.h"

int check_failures;

/* Any warning or critical, from GTK, GLib or the app, is a failure: a
 * person running the app from a terminal sees it. Debug and info messages
 * pass through as before. */
static GLogWriterOutput
warning_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      const char *message = NULL;

      for (gsize i = 0; i < n_fields; i++)
        if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
          message = fields[i].value;
      g_printerr ("FAIL: no warning is logged (got: %s)\n", message);
      check_failures++;
    }

  return g_log_writer_default (level, fields, n_fields, data);
}

void
display_fail_on_warnings (void)
{
  g_log_set_writer_func (warning_writer, NULL, NULL);
}

gboolean
wait_until (Condition  condition,
            gpointer   data,
            guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return TRUE;
}

void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

void
xdotool (const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     NULL, NULL, &status, &error) || !g_spawn_check_wait_status (status, &error))
    g_error ("xdotool %s: %s", first, error->message);
}

char *
display_xid (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
}

typedef struct {
  int             width;
  int             height;
  DisplayTestFunc run;
} DisplayTest;

static gboolean
window_ready (gpointer data)
{
  DermWindow *window = data;

  return gtk_widget_get_mapped (GTK_WIDGET (window)) &&
         gtk_widget_get_width (GTK_WIDGET (derm_window_get_map_view (window))) > 100;
}

static void
activate_cb (GApplication *app,
             DisplayTest  *test)
{
  /* the application's own activate made the window */
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
  DermWindow *window;

  /* the main window, not a question it asks at start (a restored chart) */
  while (windows != NULL && !DERM_IS_WINDOW (windows->data))
    windows = windows->next;
  g_assert_nonnull (windows);
  window = DERM_WINDOW (windows->data);
  if (test->width > 0 && test->height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), test->width, test->height);
  if (!wait_until (window_ready, window, 10000))
    g_error ("the window did not appear");
  settle (500);

  test->run (window);

  g_application_quit (app);
}

int
display_test_main (int             width,
                   int             height,
                   DisplayTestFunc run)
{
  g_autoptr (DermApplication) app = NULL;
  DisplayTest test = { width, height, run };

  if (!gtk_init_check () || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_print ("no X11 display: skipped\n");
      return 77;
    }

  display_fail_on_warnings ();
  app = derm_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), &test);
  g_application_run (G_APPLICATION (app), 0, NULL);

  g_print ("%d failed\n", check_failures);
  return check_failures > 0 ? 1 : 0;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

void
wait_for_layout (GtkWidget *widget)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  GdkFrameClock *clock = root != NULL ? gtk_widget_get_frame_clock (root) : NULL;

  if (clock == NULL)
    return;
  /* twice: an allocation can ask for one more */
  for (guint round = 0; round < 2; round++)
    {
      gboolean painted = FALSE;
      gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
      gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);

      gtk_widget_queue_draw (root);
      while (!painted && g_get_monotonic_time () < end)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
      g_signal_handler_disconnect (clock, id);
    }
}

guint
find_broken_words (GtkWidget *widget,
                   GString   *problems)
{
  guint n = 0;

  if (!gtk_widget_get_visible (widget))
    return 0;

  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)) && gtk_widget_get_mapped (widget))
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (widget));
      const char *text = pango_layout_get_text (layout);
      const PangoLogAttr *attrs;
      int n_attrs;
      PangoLayoutIter *iter;

      n++;
      attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
      iter = pango_layout_get_iter (layout);
      while (pango_layout_iter_next_line (iter))
        {
          PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
          int offset = (int) g_utf8_pointer_to_offset (text, text + line->start_index);

          /* a line may start only where Unicode allows a line break; a
           * break elsewhere cut a word (and Pango drew a hyphen) */
          if (offset > 0 && offset < n_attrs && !attrs[offset].is_line_break)
            {
              const char *start = text + line->start_index, *end = start;
              g_autofree char *word = NULL;

              while (start > text && !g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (start))))
                start = g_utf8_prev_char (start);
              while (*end != '\0' && !g_unichar_isspace (g_utf8_get_char (end)))
                end = g_utf8_next_char (end);
              word = g_strndup (start, end - start);
              g_string_append_printf (problems, " “%s” in “%.40s…”;", word, text);
            }
        }
      pango_layout_iter_free (iter);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += find_broken_words (child, problems);

  return n;
}

/* The widget as drawn now, 4 bytes a pixel (g_free ()), once its layout
 * has settled. */
guchar *
display_widget_pixels (GtkWidget *widget,
                       int       *width,
                       int       *height)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  guchar *pixels;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  wait_for_layout (widget);
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  *width = gdk_texture_get_width (texture);
  *height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize) *width * *height * 4);
  gdk_texture_download (texture, pixels, (gsize) *width * 4);
  return pixels;
}
