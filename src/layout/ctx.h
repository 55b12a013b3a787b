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

typedef struct lay_ctx {
	folio_doc *doc;
	folio_diag *diag;
	const lay_style *st;
	lay_fonts *fonts;
	lay_hyph *hyph;
	folio_arena *arena;      /* this pass: items, lines, pages */
	folio_arena *run_arena;  /* all passes: warnings, page tables */
	const folio_lang *lang;  /* the document's language */
	int text_face[4];        /* by FS_*: body text */
	int head_face[4];        /* headings */
	int mono_face[4];        /* code */
	folio_hash *warned;      /* "U+XXXX" already reported */
	/* Page labels of nodes from the previous pass ("serial" -> label),
	 * for the table of contents and glossary/index locators; NULL in the
	 * first pass. */
	folio_hash *prev_labels;
	/* Page index of nodes (serial -> index + 1) from the previous pass,
	 * so locator ranges can be merged by physical page. */
	folio_hash *prev_pages;
	int errors;              /* an error was reported in this pass */
	int quiet;               /* later passes: do not repeat warnings */
} lay_ctx;

/* Key for prev_labels/prev_pages. */
const char *ctx_node_key(char *buf, size_t size, const folio_node *n);

/* Warns once per document about a character no font has. */
void ctx_missing_glyph(lay_ctx *c, uint32_t cp, const folio_node *where);

#endif
