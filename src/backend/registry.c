/*
 * registry: the list of back ends the command line can run.  Each back
 * end defines its descriptor, folio_backend_NAME, in its own folder; this
 * list is the one place that names them.
 */
#include "folio/backend.h"

#include <string.h>

/* One line per back end, in the order a build writes them: one that
 * gives a product (the pdf, the page map) before those that take it
 * (test_backends checks).  A new back end is one more line here. */
#define FOLIO_BACKEND_LIST(X) \
	X(pdf) \
	X(epub) \
	X(text) \
	X(pages) \
	/* end of the list */

#define DECLARE(name) extern const folio_backend folio_backend_##name;
FOLIO_BACKEND_LIST(DECLARE)
#undef DECLARE

const folio_backend *const folio_backends[] = {
#define ENTRY(name) &folio_backend_##name,
	FOLIO_BACKEND_LIST(ENTRY)
#undef ENTRY
	NULL
};

const folio_backend *folio_backend_find(const char *name)
{
	for (size_t i = 0; folio_backends[i]; i++)
		if (strcmp(folio_backends[i]->name, name) == 0)
			return folio_backends[i];
	return NULL;
}
