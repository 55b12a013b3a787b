/*
 * registry: the list of back ends the command line can run.  Each back
 * end defines its descriptor in its own folder.
 */
#include "folio/backend.h"

#include <string.h>

extern const folio_backend folio_backend_pdf;
extern const folio_backend folio_backend_epub;
extern const folio_backend folio_backend_text;
extern const folio_backend folio_backend_pages;

const folio_backend *const folio_backends[] = {
	&folio_backend_pdf,
	&folio_backend_epub,
	&folio_backend_text,
	&folio_backend_pages,
	NULL
};

const folio_backend *folio_backend_find(const char *name)
{
	for (size_t i = 0; folio_backends[i]; i++)
		if (strcmp(folio_backends[i]->name, name) == 0)
			return folio_backends[i];
	return NULL;
}
