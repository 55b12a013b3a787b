/*
 * tags.h: the tagged PDF (ISO 32000-1 14.7-14.8; PDF/UA-1, ISO 14289-1).
 * The emitter asks, item by item, for the marked content that wraps it
 * (a BDC with an MCID, or an artifact); tags.c builds the structure tree
 * from the items' nodes (lay_item.node and .tag, set by layout) and
 * writes it with libharu's object API: StructTreeRoot, the elements,
 * ParentTree, IDTree, MarkInfo, Lang, the links' OBJRs.  Part of the
 * emitter: one of the files that include hpdf.h (emit.h).
 */
#ifndef FOLIO_BACKEND_PDF_TAGS_H
#define FOLIO_BACKEND_PDF_TAGS_H

#include <hpdf.h>

#include "folio/diag.h"
#include "layout/pages.h"
#include "util/strbuf.h"

typedef struct pdf_tags pdf_tags;

/* ox, oy: where the page's own coordinates sit on the output page (mpt,
 * the trim's lower left corner), for the figures' boxes. */
pdf_tags *tags_new(HPDF_Doc pdf, const lay_result *res, fx ox, fx oy,
		   folio_diag *diag);
void tags_free(pdf_tags *t);

/* Page index starts: its MCIDs count from 0. */
void tags_page(pdf_tags *t, unsigned index, HPDF_Page page);
/* Writes into b what goes before item i of pg (TEXT, RULE or IMAGE; the
 * current page): the end of the open marked-content sequence and the
 * start of the item's own (a BDC with an MCID, or an artifact), unless
 * the item continues the open one.  props: more properties of its own
 * (tags_actual_text), or NULL. */
void tags_mark(pdf_tags *t, const lay_page *pg, unsigned i, const char *props,
	       strbuf *b);
/* Ends the open sequence, if any: before the end of a page's items. */
void tags_close(pdf_tags *t, strbuf *b);
/* Layout furniture the emitter draws itself (crop marks). */
#define TAGS_ARTIFACT "/Artifact BMC\n"
/* A link item (i of pg, the current page): its Link element goes in the
 * element of the text before it; its description is the text under it. */
void tags_link(pdf_tags *t, const lay_page *pg, unsigned i);
/* The seq-th link item (in page and item order, as tags_link met them)
 * became annot on page: a Link element with its OBJR.  Returns the
 * annotation's /StructParent key (-1: none) and in *contents its
 * description, for the annotation's keys (tags_link_keys, or written by
 * the emitter's own writer). */
int tags_link_annot(pdf_tags *t, unsigned seq, HPDF_Dict annot, HPDF_Dict page,
		    const char **contents);
/* Adds /StructParent key and /Contents to a libharu annotation. */
void tags_link_keys(pdf_tags *t, HPDF_Dict annot, int key, const char *contents);
/* s as a PDF text string: literal when it is printable ASCII, else
 * UTF-16BE in hexadecimal. */
void tags_hex_text(strbuf *b, const char *s);

/* The property " /ActualText <...>" of the code points cp[0, n), for
 * tags_open: a word broken across lines reads whole (the part before the
 * break carries the word, the part after it an empty text). */
void tags_actual_text(strbuf *b, const uint32_t *cp, size_t n);

/* Orders and writes the tree into the catalog.  Returns 0, -1 when
 * libharu failed. */
int tags_finish(pdf_tags *t);
/* 1 when what folio checks of PDF/UA holds: every figure and formula
 * has its alternative text, the document has a title. */
int tags_conforming(const pdf_tags *t);

#endif
