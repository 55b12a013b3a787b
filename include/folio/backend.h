/*
 * backend.h: the one interface every output format implements.
 *
 * A back end is a name, an output extension and a render function over a
 * resolved tree.  The command line knows back ends only through the
 * registry below; adding a format means adding a folder under
 * src/backend/ and one line to src/backend/registry.c.
 *
 * render() writes to opts->out_path, which is a temporary name in the
 * target folder: the caller renames it into place when every back end
 * succeeded and removes it otherwise, so a failed build never leaves a
 * half-written file where a good one was.
 */
#ifndef FOLIO_BACKEND_H
#define FOLIO_BACKEND_H

#include <stdint.h>

#include "folio/diag.h"
#include "folio/tree.h"

typedef struct folio_render_opts {
	const char *out_path;   /* where to write (a temporary file) */
	const char *final_path; /* the name it will have; for messages */
	const char *style_path; /* --style FILE, or NULL for the default */
	const char *styles_dir; /* where shipped styles and CSS live */
	int64_t source_date;    /* SOURCE_DATE_EPOCH, or -1 when unset */
	int verbose;
	/* PDF print options (issue: print-shop output) and others are added
	 * here as they come; a back end ignores what it does not use. */
	const char *paper;      /* "a5", "a4", "170x240mm"; NULL: style's */
	double bleed_mm;        /* 0: none */
	int crop_marks;         /* 1 --marks, -1 --no-marks, 0 the preset's */
	const char *color;      /* "rgb", "gray", "cmyk"; NULL: the preset's
				   or rgb */
	/* more print-shop output (doc/print.md); given options override
	 * what the preset sets */
	const char *print_preset; /* "copyshop", "offset", "pod"; NULL none */
	int bleed_given;        /* --bleed was given (0 mm turns it off) */
	const char *impose;     /* "booklet", "2up"; NULL: none */
	double creep_mm;        /* booklet creep per sheet, toward the fold */
	const char *pdfx;       /* "1a"; NULL: none */
	const char *pdfa;       /* "1b", "2b"; NULL: none */
	int sides;              /* 0 the style's, 1 one-sided, 2 two-sided */
	int epub_fonts;         /* embed fonts in the EPUB */
	/* Page breaks of the print edition, for the EPUB's page-list: set
	 * by the caller when the PDF layout of the same document is known. */
	const struct folio_page_map *page_map;
	/* When set, a back end that lays out print pages (pdf) stores their
	 * starts here, for a later back end of the same build. */
	struct folio_page_map *page_map_out;
	/* Called, when set, as soon as page_map_out is filled and before the
	 * back end goes on to write its file: the caller may start a back
	 * end that needs the map (the EPUB) on another thread meanwhile.
	 * From then on the back end must not touch the document's arena. */
	void (*page_map_ready)(void *ctx);
	void *page_map_ctx;
} folio_render_opts;

typedef struct folio_backend {
	const char *name;        /* "pdf": used by --format */
	const char *extension;   /* ".pdf" */
	const char *description; /* one line for --help */
	/* Returns 0 on success; reports problems to diag. */
	int (*render)(folio_doc *doc, const folio_render_opts *opts,
		      folio_diag *diag);
	int on_request;  /* written only when named (--NAME or --format),
			    never by default: debugging dumps */
	/* Checks the options before any work starts (NULL: nothing to
	 * check), so that a usage problem such as a paper size out of range
	 * is reported before the source is read.  Returns 0, or -1 after a
	 * fatal report. */
	int (*check)(const folio_render_opts *opts, folio_diag *diag);
} folio_backend;

/* NULL-terminated, in the order `folio build` writes them. */
extern const folio_backend *const folio_backends[];
const folio_backend *folio_backend_find(const char *name);

/*
 * Where each printed page starts, so the EPUB can carry the print edition's
 * page numbers.  Filled in by the PDF layout; read by the EPUB back end.
 */
typedef struct folio_page_start {
	const char *label;         /* the page's label: "iii", "12" */
	const folio_node *node;    /* the text node the page starts in */
	size_t offset;             /* byte offset in that node's text */
} folio_page_start;

typedef struct folio_page_map {
	folio_page_start *pages;
	unsigned count;
} folio_page_map;

#endif
