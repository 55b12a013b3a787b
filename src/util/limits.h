/*
 * limits: the work one build may do, in one table.
 *
 * Each limit bounds a cost that grows with the input (bytes parsed, text
 * kept, attribute text, nodes, BibTeX macro expansion), counted for the
 * whole build, never per file: a small file that is included many times,
 * or a macro doubled many times, meets the same ceiling as one big file.
 * doc/format.md ("Limits") lists them; each has an environment variable
 * that lowers it (tests do), never raises it.
 */
#ifndef FOLIO_UTIL_LIMITS_H
#define FOLIO_UTIL_LIMITS_H

#include <stddef.h>

typedef enum {
	LIMIT_PARSED_BYTES,  /* bytes of source parsed, each include each time */
	LIMIT_TEXT_BYTES,    /* text kept in the tree */
	LIMIT_ATTR_BYTES,    /* attribute values kept in the tree */
	LIMIT_ENTITY_BYTES,  /* text produced by internal entities */
	LIMIT_NODES,         /* elements and text runs */
	LIMIT_BIBTEX_BYTES,  /* text made by BibTeX @string macros */
	LIMIT_NEAREST_CELLS, /* edit-distance work for "did you mean" */
	LIMIT_COUNT
} limit_kind;

/* The limit: its default, or the environment variable's value when that
 * is a smaller positive number. */
size_t limit_value(limit_kind k);
/* The environment variable that lowers it ("FOLIO_MAX_NODES"). */
const char *limit_env_name(limit_kind k);
/* A size for a message: "64 MB" when it is whole megabytes, else
 * "1000 bytes".  Writes into buf (at least 32 bytes) and returns it. */
const char *limit_bytes_text(size_t v, char *buf, size_t size);

#endif
