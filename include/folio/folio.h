/*
 * folio.h: the library's entry points, in the order a build runs them:
 * read the sources into a tree, resolve it, hand it to back ends
 * (folio/backend.h).
 */
#ifndef FOLIO_FOLIO_H
#define FOLIO_FOLIO_H

#include "folio/diag.h"
#include "folio/tree.h"

#define FOLIO_VERSION "0.1.0"

typedef struct folio_read_opts {
	int allow_outside;        /* let XInclude, images and databases leave
				     the source's folder tree */
	const char *confine_dir;  /* the folder files must stay inside; NULL
				     means the main source's folder */
	unsigned long max_nodes;  /* most elements + text runs a document may
				     have; 0 means folio's limit (2,000,000,
				     or FOLIO_MAX_NODES when lower), which a
				     larger value does not raise */
} folio_read_opts;

/* Reads path (following xi:include) into a new tree.  Returns NULL after
 * reporting errors to diag. */
folio_doc *folio_read(const char *path, const folio_read_opts *opts,
		      folio_diag *diag);
/* Reads XML held in memory, as if it were the file named path (fuzzing and
 * tests). */
folio_doc *folio_read_memory(const char *path, const char *data, size_t len,
			     const folio_read_opts *opts, folio_diag *diag);

typedef struct folio_resolve_opts {
	const char *citation_style; /* "apa", "chicago", "ieee"; NULL: the
				       document's <meta name="citation-style">,
				       else "apa" */
	int glossary_in_index;      /* feed glossary terms into the index */
	const char *cite_accessed;  /* "always", "when-undated", "never";
				       NULL: the document's <meta
				       name="cite.accessed">, else the
				       citation style's own rule */
} folio_resolve_opts;

/* Runs the resolve passes.  Returns 0 when no error was reported. */
int folio_resolve(folio_doc *doc, const folio_resolve_opts *opts,
		  folio_diag *diag);

#endif
