/*
 * ctx.h: the state one layout run shares between its files (inside
 * src/layout/ only): the document, the style, fonts, hyphenation, and
 * the page numbers of the previous pass that page references use.
 */
#ifndef FOLIO_LAYOUT_CTX_H
#define FOLIO_LAYOUT_CTX_H

#include "folio/lang.h"
#include "folio/tree.h"
#include "layout/fonts.h"
#include "layout/hyph.h"
#include "layout/pages.h"
#include "layout/style.h"
#include "util/arena.h"
#include "util/hash.h"

enum { FS_REGULAR, FS_ITALIC, FS_BOLD, FS_BOLDITALIC };

/*
 * The context is two parts, so that what a worker thread shares with the
 * main one is decided field by field (prefetch.c):
 *
 * lay_shared: the run's settings and tables, the same for every thread
 * and written by none while a worker runs (the main thread sets them
 * between passes, before a worker starts or after it stopped).  A worker
 * copies this part whole: put a field here only if it is a setting or
 * points at data immutable while workers run, or (share) made for
 * threads.
 *
 * The rest of lay_ctx is each thread's own: its document arena,
 * diagnostics, fonts (HarfBuzz objects), caches and arenas.  A worker
 * builds it field by field, so a field added here is the worker's own
 * (zero) until prefetch.c says otherwise.
 *
 * The shared fields are also members of lay_ctx itself (c->st), through
 * an anonymous struct in a union with the named part (c->shared).
 */
#define LAY_SHARED_FIELDS \
	const lay_style *st; \
	const folio_lang *lang;  /* the document's language */ \
	int text_face[4];        /* by FS_*: body text */ \
	int head_face[4];        /* headings */ \
	int mono_face[4];        /* code */ \
	/* Page labels of nodes from the previous pass, indexed by node \
	 * serial (1..doc->node_count), for the table of contents and \
	 * glossary/index locators; NULL in the first pass. */ \
	const char **prev_labels; \
	/* Page index + 1 of nodes from the previous pass, by serial (0: not \
	 * placed), so locator ranges can be merged by physical page. */ \
	unsigned *prev_pages; \
	/* Nodes that must carry an anchor (they have an id, or a link or \
	 * locator points at them), by serial; built once per run from the \
	 * tree (run_arena) before any worker starts, shared by every \
	 * flow. */ \
	const unsigned char *needed; \
	unsigned nneeded;        /* entries in needed (node_count + 1) */ \
	/* Paragraphs set ahead on a second thread (prefetch.c): the worker \
	 * writes them here (share_writes), the main flow looks here when \
	 * its own cache has nothing; NULL: no second thread.  Locked \
	 * inside (para.c). */ \
	struct para_share *share; \
	/* Only where the pages begin is wanted (the EPUB's page-list): text \
	 * items keep their place and glyph count but get no glyphs. */ \
	int no_glyphs;

typedef struct lay_shared {
	LAY_SHARED_FIELDS
} lay_shared;

typedef struct lay_ctx {
	union {
		lay_shared shared;
		struct {
			LAY_SHARED_FIELDS
		};
	};
	/* ---- each thread's own ---- */
	folio_doc *doc;          /* its arena is the thread's: flows allocate
				    strings in it */
	folio_diag *diag;
	lay_fonts *fonts;
	lay_hyph *hyph;          /* the dictionaries are shared (hyph_share) */
	folio_arena *arena;      /* this pass: items, lines, pages */
	folio_arena *run_arena;  /* all passes: warnings, page tables */
	/* The glyphs of set text, for all passes (lines are reused from pass
	 * to pass) and the result; NULL: the pass arena (tests). */
	folio_arena *glyph_arena;
	folio_hash *warned;      /* "U+XXXX" already reported */
	/* Set paragraphs of earlier passes (para.c), or NULL: no caching. */
	struct para_cache *para_cache;
	int share_writes;        /* this thread writes to share */
	int errors;              /* an error was reported in this pass */
	int quiet;               /* later passes: do not repeat warnings */
} lay_ctx;

/* Key of a node in string-keyed tables (its serial). */
const char *ctx_node_key(char *buf, size_t size, const folio_node *n);

/* One walk of the tree before layout: the anchor table below, and the
 * hyphenation dictionaries of the languages used start loading. */
void ctx_prepare(lay_ctx *c);

/* Whether n must carry an anchor (see needed); builds the table on first
 * use. */
int ctx_needs_anchor(lay_ctx *c, const folio_node *n);
/* The previous pass's page label of n (NULL: not placed; "00" in the
 * first pass) and its page index (-1: unknown). */
const char *ctx_prev_label(const lay_ctx *c, const folio_node *n, int *page);

/* Warns once per document about a character no font has. */
void ctx_missing_glyph(lay_ctx *c, uint32_t cp, const folio_node *where);

#endif
