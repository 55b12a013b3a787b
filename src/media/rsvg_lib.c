/*
 * rsvg_lib: opens librsvg once, on first use, and fills the function
 * table of rsvg_lib.h from it (cairo, GObject and GLib are its
 * dependencies, so one handle reaches them all).
 */
#include "media/rsvg_lib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#ifndef FOLIO_RSVG_SONAME
#define FOLIO_RSVG_SONAME "librsvg-2.so.2"
#endif

static rsvg_lib lib;
static int lib_ok;
static char lib_why[256];
static pthread_once_t lib_once = PTHREAD_ONCE_INIT;

static void load(void)
{
	void *h = dlopen(FOLIO_RSVG_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (h == NULL) {
		snprintf(lib_why, sizeof lib_why, "%s cannot be loaded (%s); install librsvg2-2",
			 FOLIO_RSVG_SONAME, dlerror());
		return;
	}
	/* dlsym's object pointer copied into a function pointer, as POSIX
	 * guarantees works */
#define RSVG_LIB_LOAD(f)                                                        \
	{                                                                       \
		void *p = dlsym(h, #f);                                         \
		if (p == NULL) {                                                \
			snprintf(lib_why, sizeof lib_why, "%s has no %s (librsvg 2.52 or later is needed)", \
				 FOLIO_RSVG_SONAME, #f);                        \
			return;                                                 \
		}                                                               \
		memcpy(&lib.f, &p, sizeof p);                                   \
	}
	RSVG_LIB_FUNCTIONS(RSVG_LIB_LOAD)
#undef RSVG_LIB_LOAD
	lib_ok = 1; /* the handle stays open for the run */
}

const rsvg_lib *rsvg_lib_get(char *why, size_t whylen)
{
	pthread_once(&lib_once, load);
	if (lib_ok)
		return &lib;
	snprintf(why, whylen, "%s", lib_why);
	return NULL;
}
