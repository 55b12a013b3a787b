/*
 * read.h: what the source reader's files share, private to src/read/.
 *
 * One `reader` lives for one folio_read() call; one `source` lives while one
 * file (the main file or an xi:included one) is being parsed.  libxml2's
 * SAX2 callbacks (sax.c) build folio nodes directly into the document; the
 * XInclude processing (xinclude.c) starts a nested source for an included
 * file, so the sources form a chain from the innermost file out to the main
 * one.  That chain is bounded by READ_MAX_INCLUDE_DEPTH, which is the only
 * recursion in the reader.
 */
#ifndef FOLIO_READ_READ_H
#define FOLIO_READ_READ_H

#include <libxml/parser.h>
#include <stddef.h>

#include "folio/folio.h"
#include "util/strbuf.h"

/* Limits (doc/format.md, "Limits", lists them for users). */
#define READ_MAX_INCLUDE_DEPTH 50              /* nested xi:include levels */
#define READ_MAX_FILE_BYTES (256u << 20)       /* one source file */
#define READ_MAX_TEXT_BYTES (16u << 20)        /* one run of text */
#define READ_MAX_ENTITY_BYTES (1u << 20)       /* one entity, fully expanded */
/* The limits of the whole reader (bytes parsed, text, attribute text,
 * entity text, nodes) are in util/limits.h: one budget for all files. */

#define NS_DOCBOOK "http://docbook.org/ns/docbook"
#define NS_XINCLUDE "http://www.w3.org/2001/XInclude"
#define NS_XML "http://www.w3.org/XML/1998/namespace"
#define NS_XLINK "http://www.w3.org/1999/xlink"

typedef struct reader reader;
typedef struct source source;

struct reader {
	folio_doc *doc;
	folio_diag *diag;
	int allow_outside;
	char *confine_real;         /* realpath of the confinement folder */
	unsigned long max_nodes;
	struct folio_hash *warned;  /* warning keys already given (arena) */
	source *current;            /* the innermost file being parsed */
	unsigned errors;            /* errors reported while reading */
	int halted;                 /* a document-wide limit was hit */
	size_t total_text;          /* bytes of text in the tree so far */
	size_t entity_text;         /* bytes of text produced by entities */
	size_t attr_text;           /* bytes of attribute values kept */
	size_t parsed;              /* bytes parsed, each include each time */
	size_t max_text, max_entity, max_attr, max_parsed; /* util/limits.h */
	xmlExternalEntityLoader saved_loader; /* restored after reading */
};

enum frame_kind {
	FRAME_NODE,     /* a folio element node */
	FRAME_INCLUDE,  /* xi:include, finished at its end tag */
	FRAME_FALLBACK  /* xi:fallback: children go into a holder node */
};

struct include; /* xinclude.c */

struct frame {
	enum frame_kind kind;
	folio_node *node;          /* NODE: the element; FALLBACK: the holder */
	folio_node *saved_insert;  /* the insertion point to restore */
	struct include *inc;       /* INCLUDE and FALLBACK: the include */
	int meta;                  /* opened a metadata context */
};

/* An internal entity declared in a file's DTD, for entities.c. */
struct entity_decl {
	char *name;     /* malloc */
	folio_loc loc;  /* its <!ENTITY */
};

#define SOURCE_MAGIC 0x666f6c69u

struct source {
	unsigned magic;          /* SOURCE_MAGIC: tells our contexts apart */
	reader *r;
	source *outer;           /* the file that included this one */
	unsigned depth;          /* include nesting: 0 for the main file */
	const char *display;     /* the path as printed (arena) */
	char *real;              /* realpath, NULL when the file has none */
	const char *data;        /* the file's bytes */
	size_t len;
	size_t *line_starts;     /* byte offset of each line, built lazily */
	size_t nlines;
	size_t memo_line, memo_off; /* the last place computed ... */
	unsigned memo_col;          /* ... and its column */
	xmlParserCtxtPtr ctxt;
	folio_node *insert;      /* where the next node goes */
	struct frame *frames;    /* open elements, innermost last */
	size_t nframes, cap_frames;
	unsigned skip;           /* depth inside a left-out element */
	unsigned meta;           /* metadata elements open (info, ...) */
	strbuf text;             /* characters not yet made a node */
	folio_loc text_loc;      /* where they start */
	struct entity_decl *decls; /* internal entities, in declaration order */
	size_t ndecls, cap_decls;
	int seen_root;
	int failed;              /* libxml2 reported an error in this file */
	unsigned last_err_line, last_err_col; /* drops repeated messages */
	int last_err_code;
};

/* The source a parser context of ours reads (its _private), or NULL for a
 * context that is not ours.  libxml2 hands each SAX callback the context;
 * the nested contexts it makes for entity text copy _private. */
static inline source *source_of_ctxt(void *ctx)
{
	xmlParserCtxtPtr c = ctx;
	source *s = c ? c->_private : NULL;
	return s && s->magic == SOURCE_MAGIC ? s : NULL;
}

/* loc.c: places in a source file. */
folio_loc loc_at(source *s, const xmlChar *pos);
folio_loc loc_of_tag(source *s);
folio_loc loc_of_text(source *s, const xmlChar *ch, int len);
folio_loc loc_of_cursor(source *s);
/* The last '&' before the cursor: an entity reference just parsed. */
folio_loc loc_of_reference(source *s);
/* The last '<' before the cursor: a tag just parsed. */
folio_loc loc_of_last_tag(source *s);
void loc_free(source *s);

/* sax.c: parses one file's bytes into the tree below s->insert.  Returns
 * 0 when the file was read without errors. */
int sax_parse(source *s);
/* Appends node at the insertion point (the document's root when there is
 * none yet). */
void sax_insert(source *s, folio_node *node);
/* 0 and an error when the document already holds the most nodes allowed. */
int sax_node_budget(source *s, folio_loc loc);
/* Adds n bytes to *used; past max, reports "the document holds more
 * than MAX of WHAT (folio's limit)" at loc, stops the read and returns 0. */
int read_budget(source *s, folio_loc loc, size_t *used, size_t n, size_t max,
		const char *what);
/* Reports an error (counted) at loc. */
void read_error(source *s, folio_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Stops the whole read: the parser of every open file. */
void read_halt(reader *r);

/* read.c: makes a source for a file's bytes (already read) and parses it
 * below insert (NULL for the main file: its root becomes the document's).
 * Takes ownership of real.  Returns 0 when the file read without errors. */
int source_parse(reader *r, source *outer, const char *display, char *real,
		 const char *data, size_t len, folio_node *insert);

/* entities.c: after the internal subset, every declared entity's full
 * expansion is measured; 0, or -1 after an error (too large, a loop). */
int entities_check(source *s);

/* xinclude.c: xi:include is collected at its start tag and carried out at
 * its end tag, once any xi:fallback child is known. */
struct include {
	folio_loc loc;
	const char *href, *parse, *xpointer, *encoding; /* arena, or NULL */
	folio_node *fallback; /* holder of the fallback's content, or NULL */
};
struct include *include_begin(source *s, folio_loc loc, int nb_attributes,
			      const xmlChar **attributes);
void include_end(source *s, struct include *inc);

/* roots.c: which elements may be the main file's root, and the rewrite
 * that makes any of them a book or an article (after the parse). */
/* MathML (mathml.c): a warning, once per name, for an element folio
 * does not typeset; a MathML element's white space settled at its end. */
void read_mathml_check(source *s, folio_loc loc, const char *name);
void read_mathml_settle(folio_doc *doc, folio_node *n);

int read_root_name_ok(const char *name);
const char *read_root_names(void);
void read_settle_root(folio_doc *doc);

/* errors.c: libxml2's messages made readable. */
#define ERRORS_SAVED 4
void errors_install(reader *r, void **saved);
void errors_restore(void **saved);
void errors_structured(void *ctx, xmlErrorPtr err);

/* paths.c */
/* "a/b/../c.xml" -> "a/c.xml"; a new string (malloc). */
char *path_normalize(const char *path);
/* The folder part of path ("." when none); malloc. */
char *path_dirname(const char *path);
/* dir + "/" + rel, or rel when it is absolute; malloc. */
char *path_join(const char *dir, const char *rel);
/* 1 when real (a realpath) is dir or inside it. */
int path_inside(const char *real, const char *dir);

#endif
