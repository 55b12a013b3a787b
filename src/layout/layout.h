/*
 * layout.h: the layout engine's entry points.  It turns a resolved tree
 * into pages of positioned items (pages.h) and knows nothing of PDF: the
 * PDF back end writes the result with libharu, the `pages` dump prints it
 * as text, and the EPUB back end asks it where the printed pages begin.
 *
 * Data files, found beside opts->styles_dir (in the folder that holds
 * it): the style (opts->style_path, or styles/a5-reader.style, with
 * opts->page applied over it), the font manifest fonts/fonts.conf and the
 * hyphenation exceptions hyphenation/LANG.txt.  The dictionaries
 * themselves are Debian's (/usr/share/hyphen, see hyph.h).
 */
#ifndef FOLIO_LAYOUT_LAYOUT_H
#define FOLIO_LAYOUT_LAYOUT_H

#include <stdio.h>

#include "folio/backend.h"
#include "layout/fonts.h"
#include "layout/pages.h"

typedef struct lay_run lay_run;

/* Lays out doc.  Returns NULL after reporting (fatal: no font, no style;
 * errors: bad images).  Page references (contents, glossary and index
 * pages) are re-laid until they stop changing, at most 5 passes. */
lay_run *layout_run(folio_doc *doc, const folio_render_opts *opts,
		    folio_diag *diag);
void layout_free(lay_run *r);
const lay_result *layout_result(const lay_run *r);
lay_fonts *layout_fonts(const lay_run *r);
/* The style's name ("a5-reader"). */
const char *layout_style_name(const lay_run *r);

/* Writes the positioned items as text, one line each (the `pages` dump). */
void layout_dump(const lay_run *r, FILE *out);

/*
 * The print edition's page starts, for the EPUB's page-list: for each
 * page its label and the text node and byte offset where its first line
 * begins (node NULL for a page without text).  Memory comes from doc's
 * arena.
 *
 * layout_page_map() takes them from a finished run (the PDF back end
 * hands its own layout to the EPUB this way, so a build of both lays the
 * book out once).  folio_layout_page_map() lays the document out with
 * opts' style first (an EPUB built without the PDF); it returns 0, or -1
 * after reporting.
 */
void layout_page_map(const lay_run *r, folio_doc *doc, folio_page_map *out);
int folio_layout_page_map(folio_doc *doc, const folio_render_opts *opts,
			  folio_diag *diag, folio_page_map *out);

/*
 * The files of the style's text family (font.text) as the font manifest
 * lists them, for a back end that embeds them (the EPUB's --epub-fonts).
 * faces[] is regular, italic, bold, bolditalic; a style the family lacks
 * has file NULL.  Returns 0, or -1 after a FOLIO_FATAL (no style, no
 * manifest, no regular face).  Free with layout_family_free.
 */
typedef struct layout_face_file {
	const char *style;   /* "regular", "italic", "bold", "bolditalic" */
	char *file;          /* its path, or NULL */
	int index;           /* the face in a collection (.ttc) */
	char *package;       /* the Debian package that ships it, or NULL */
	char *licence;       /* the licence's name, or NULL */
} layout_face_file;

typedef struct layout_family {
	char family[64];
	layout_face_file faces[4];
} layout_family;

int layout_text_family(const folio_render_opts *opts, folio_diag *diag,
		       layout_family *out);
void layout_family_free(layout_family *f);

/* A paper as --paper names it ("a4", "a5", "a6", "b5", "letter",
 * "170x240mm"; LAYOUT_PAPER_RANGE a side): its size in 1/1000 pt.
 * Returns 0, -1 for a name layout does not know, -2 for a size out of
 * range.  The PDF's imposition asks it,
 * so that one table of papers serves the style, the page and the sheet. */
/* How the page style marks a use of a glossary term (glossterm.face):
 * the EPUB marks it the same way, by a class its style sheet gives. */
enum layout_term_face { LAYOUT_TERM_NONE, LAYOUT_TERM_ITALIC, LAYOUT_TERM_BOLD,
			LAYOUT_TERM_UNDERLINE };
/* The page style's glossterm.face and glossterm.first-use-only; -1 when
 * the style cannot be read (reported to diag). */
int layout_glossterm_marks(const folio_render_opts *opts, folio_diag *diag,
			   int *face, int *first_use_only);

#define LAYOUT_PAPER_RANGE "50 to 1000 mm"
int layout_paper_size(const char *name, fx *w, fx *h);

#endif
