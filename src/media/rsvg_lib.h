/*
 * rsvg_lib.h: librsvg and cairo, loaded when the first SVG is met.
 *
 * Linked into folio, librsvg and what it pulls in (GLib, GIO, Pango,
 * cairo, fontconfig) cost every build some 25 million instructions of
 * symbol binding before main(), about a tenth of the sample reader's
 * whole build; a book without SVG figures should not pay that.  So the
 * library is opened with dlopen() on first use and its functions are
 * called through this table.  The headers are librsvg's own: the types
 * are checked at compile time against the version built with.
 */
#ifndef FOLIO_MEDIA_RSVG_LIB_H
#define FOLIO_MEDIA_RSVG_LIB_H

#include <cairo-pdf.h>
#include <cairo.h>
#include <librsvg/rsvg.h>

#include <stddef.h>

#define RSVG_LIB_FUNCTIONS(X)                                                  \
	X(rsvg_handle_new_from_data)                                           \
	X(rsvg_handle_set_dpi)                                                 \
	X(rsvg_handle_get_intrinsic_size_in_pixels)                            \
	X(rsvg_handle_get_intrinsic_dimensions)                                \
	X(rsvg_handle_render_document)                                         \
	X(g_object_unref)                                                      \
	X(g_error_free)                                                        \
	X(cairo_pdf_surface_create_for_stream)                                 \
	X(cairo_image_surface_create)                                          \
	X(cairo_image_surface_get_data)                                        \
	X(cairo_image_surface_get_stride)                                      \
	X(cairo_create)                                                        \
	X(cairo_destroy)                                                       \
	X(cairo_surface_flush)                                                 \
	X(cairo_surface_finish)                                                \
	X(cairo_surface_status)                                                \
	X(cairo_surface_destroy)                                               \
	X(cairo_status_to_string)

typedef struct rsvg_lib {
#define RSVG_LIB_FIELD(f) __typeof__(f) *f;
	RSVG_LIB_FUNCTIONS(RSVG_LIB_FIELD)
#undef RSVG_LIB_FIELD
} rsvg_lib;

/* The table, loaded once (thread-safe); NULL with the reason in why
 * (the library missing or too old). */
const rsvg_lib *rsvg_lib_get(char *why, size_t whylen);

#endif
