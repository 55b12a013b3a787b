/*
 * biblio_authored.h: DocBook's own bibliography model inside the
 * citation pass: hand-written lists (a bibliography, bibliodiv or
 * bibliolist with no role) printed where they stand, and DocBook's
 * "[abbrev]" labels and citations.  biblio.c decides what is cited where;
 * this file writes those entries and citations.
 */
#ifndef FOLIO_RESOLVE_BIBLIO_AUTHORED_H
#define FOLIO_RESOLVE_BIBLIO_AUTHORED_H

#include "resolve/biblio.h"
#include "resolve/cite_style.h"

/* 1 when e belongs to a hand-written list that is printed (not a
 * database, not hidden). */
int biblio_is_authored(const biblio_entry *e);

/* Writes every entry of db that a hand-written list prints as a
 * generated bibliomixed in its place (the source entry hidden, its id
 * moved to the new node so links land on it): a biblioentry's fields in
 * the style's reference, a bibliomixed as written (its text and
 * punctuation kept, titles in italics, every field as its text, so each
 * back end prints it like any generated entry).  Either starts with
 * "[abbrev] " when it has an abbrev.  Sets e->shown and e->shown_number.
 * ctx_of gives the citation words and collator of a language (the
 * caller keeps the collators). */
void biblio_format_authored(folio_doc *doc, const cite_style *style,
			    biblio_db *db, cite_accessed accessed,
			    cite_ctx (*ctx_of)(void *arg, const char *lang),
			    void *arg);

/* A bibliomixed's entry as its author wrote it, after its "[abbrev]"
 * label (or "[number] " in a numbered style, number > 0): text and
 * punctuation kept, titles in italics (an article's quoted), every other
 * field as its text, links kept. */
void biblio_as_written(folio_doc *doc, cite_out *o, const biblio_entry *e,
		       unsigned number);

/* 1 when a biblioentry holds nothing but its abbrev: it stands for a
 * work described elsewhere, and DocBook XSL prints its label alone. */
int biblio_only_abbrev(const biblio_entry *e);

/* "[abbrev] " at the start of an entry of a generated list. */
void biblio_abbrev_label(cite_out *o, const biblio_entry *e);

/* The in-text citation of items[0..n): those naming an entry with an
 * abbrev as "[abbrev]" (with its locator: "[RNCTUT, p. 5]"), each a link,
 * the others through the style, in the given form. */
void biblio_write_citation(const cite_style *style, const cite_ctx *ctx,
			   const cite_item *items, size_t n, cite_form form,
			   cite_out *out);

#endif
