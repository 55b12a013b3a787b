/*
 * qpdf_lib: opens libqpdf once, on first use, and fills the function
 * table of qpdf_lib.h from it.
 */
#include "backend/pdf/qpdf_lib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#ifndef FOLIO_QPDF_SONAME
#define FOLIO_QPDF_SONAME "libqpdf.so.29"
#endif

static qpdf_lib lib;
static int lib_ok;
static char lib_why[256];
static pthread_once_t lib_once = PTHREAD_ONCE_INIT;

static void load(void)
{
	void *h = dlopen(FOLIO_QPDF_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (h == NULL) {
		snprintf(lib_why, sizeof lib_why, "%s cannot be loaded (%s); install libqpdf29",
			 FOLIO_QPDF_SONAME, dlerror());
		return;
	}
	/* dlsym's object pointer copied into a function pointer, as POSIX
	 * guarantees works */
#define QPDF_LIB_LOAD(f)                                                        \
	{                                                                       \
		void *p = dlsym(h, #f);                                         \
		if (p == NULL) {                                                \
			snprintf(lib_why, sizeof lib_why, "%s has no %s (qpdf 11 or later is needed)", \
				 FOLIO_QPDF_SONAME, #f);                        \
			return;                                                 \
		}                                                               \
		memcpy(&lib.f, &p, sizeof p);                                   \
	}
	QPDF_LIB_FUNCTIONS(QPDF_LIB_LOAD)
#undef QPDF_LIB_LOAD
	lib_ok = 1; /* the handle stays open for the run */
}

const qpdf_lib *qpdf_lib_get(char *why, size_t whylen)
{
	pthread_once(&lib_once, load);
	if (lib_ok)
		return &lib;
	snprintf(why, whylen, "%s", lib_why);
	return NULL;
}
