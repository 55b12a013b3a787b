/*
 * coverdraw: the made cover's SVG into PNG bytes, with librsvg (drawing),
 * cairo (the pixels) and fontconfig (the fonts), for cover.c.
 *
 * The three are opened when a cover is first drawn (dlopen), not linked:
 * librsvg and its stack (GLib, Pango, cairo) cost some 15 million
 * instructions of relocation at every start of folio, as much as the whole
 * EPUB of the sample reader, and a cover is drawn only when the cache
 * (covercache.c) does not have it.  A machine without librsvg gets a
 * warning and no cover.
 *
 * Fonts: fontconfig is given a configuration of its own that holds only
 * the font manifest's files of the style's text family (no system fonts,
 * no user configuration) and made current (librsvg 2.54 has no call to
 * hand it a font map); nothing else in folio asks fontconfig.
 */
#include "backend/epub/coverdraw.h"
#include "backend/epub/png.h"

#include <cairo.h>
#include <dlfcn.h>
#include <fontconfig/fontconfig.h>
#include <librsvg/rsvg.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

typedef struct drawing_syms {
	RsvgHandle *(*rsvg_new)(const guint8 *, gsize, GError **);
	gboolean (*rsvg_render)(RsvgHandle *, cairo_t *, const RsvgRectangle *, GError **);
	void (*object_unref)(gpointer);
	void (*error_free)(GError *);
	cairo_surface_t *(*surface_create)(cairo_format_t, int, int);
	cairo_t *(*cairo_new)(cairo_surface_t *);
	void (*cairo_free)(cairo_t *);
	void (*surface_flush)(cairo_surface_t *);
	unsigned char *(*surface_data)(cairo_surface_t *);
	int (*surface_stride)(cairo_surface_t *);
	void (*surface_free)(cairo_surface_t *);
	FcConfig *(*fc_new)(void);
	FcBool (*fc_add_file)(FcConfig *, const FcChar8 *);
	FcBool (*fc_set_current)(FcConfig *);
	void (*fc_free)(FcConfig *);
} drawing_syms;

static drawing_syms syms;
static const char *load_failure; /* NULL once loaded */
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

/* One symbol of an opened library into *slot (a function pointer's
 * storage, as POSIX's dlsym description shows). */
static int find(void *lib, const char *name, void *slot)
{
	void *p = lib ? dlsym(lib, name) : NULL;
	memcpy(slot, &p, sizeof p);
	return p != NULL;
}

static void load(void)
{
	void *rsvg = dlopen("librsvg-2.so.2", RTLD_NOW | RTLD_LOCAL);
	void *gobj = dlopen("libgobject-2.0.so.0", RTLD_NOW | RTLD_LOCAL);
	void *glib = dlopen("libglib-2.0.so.0", RTLD_NOW | RTLD_LOCAL);
	void *cairo = dlopen("libcairo.so.2", RTLD_NOW | RTLD_LOCAL);
	void *fc = dlopen("libfontconfig.so.1", RTLD_NOW | RTLD_LOCAL);
	int ok = find(rsvg, "rsvg_handle_new_from_data", &syms.rsvg_new) &
		 find(rsvg, "rsvg_handle_render_document", &syms.rsvg_render) &
		 find(gobj, "g_object_unref", &syms.object_unref) &
		 find(glib, "g_error_free", &syms.error_free) &
		 find(cairo, "cairo_image_surface_create", &syms.surface_create) &
		 find(cairo, "cairo_create", &syms.cairo_new) &
		 find(cairo, "cairo_destroy", &syms.cairo_free) &
		 find(cairo, "cairo_surface_flush", &syms.surface_flush) &
		 find(cairo, "cairo_image_surface_get_data", &syms.surface_data) &
		 find(cairo, "cairo_image_surface_get_stride", &syms.surface_stride) &
		 find(cairo, "cairo_surface_destroy", &syms.surface_free) &
		 find(fc, "FcConfigCreate", &syms.fc_new) &
		 find(fc, "FcConfigAppFontAddFile", &syms.fc_add_file) &
		 find(fc, "FcConfigSetCurrent", &syms.fc_set_current) &
		 find(fc, "FcConfigDestroy", &syms.fc_free);
	/* The libraries stay loaded for the rest of the run. */
	load_failure = ok ? NULL : "librsvg, cairo or fontconfig cannot be loaded "
				   "(Debian packages librsvg2-2, libcairo2, libfontconfig1)";
}

static int use_fonts(const char *const *files, int n)
{
	FcConfig *fc = syms.fc_new();
	for (int i = 0; i < n; i++)
		if (files[i])
			syms.fc_add_file(fc, (const FcChar8 *)files[i]);
	int ok = syms.fc_set_current(fc);
	syms.fc_free(fc); /* the current configuration keeps its own reference */
	return ok ? 0 : -1;
}

int cover_draw(const char *const *font_files, int nfiles, const strbuf *svg, int w, int h,
	       strbuf *png, char *why, size_t why_n)
{
	pthread_once(&load_once, load);
	if (load_failure) {
		snprintf(why, why_n, "%s", load_failure);
		return -1;
	}
	if (use_fonts(font_files, nfiles) != 0) {
		snprintf(why, why_n, "fontconfig cannot take the style's fonts");
		return -1;
	}
	GError *err = NULL;
	RsvgHandle *handle = syms.rsvg_new((const guint8 *)svg->s, svg->len, &err);
	if (handle == NULL) {
		snprintf(why, why_n, "%s", err ? err->message : "librsvg cannot read it");
		if (err)
			syms.error_free(err);
		return -1;
	}
	cairo_surface_t *s = syms.surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_t *cr = syms.cairo_new(s);
	RsvgRectangle viewport = { 0, 0, w, h };
	int rc = syms.rsvg_render(handle, cr, &viewport, &err) ? 0 : -1;
	if (rc)
		snprintf(why, why_n, "%s", err ? err->message : "librsvg cannot draw it");
	if (err)
		syms.error_free(err);
	syms.cairo_free(cr);
	syms.surface_flush(s);
	if (rc == 0 && epub_png_encode((const uint32_t *)(const void *)syms.surface_data(s), w, h,
				       syms.surface_stride(s) / 4, png) != 0) {
		snprintf(why, why_n, "the PNG cannot be written");
		rc = -1;
	}
	syms.surface_free(s);
	syms.object_unref(handle);
	return rc;
}
