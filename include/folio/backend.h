/*
 * backend.h: the one interface every output format implements.
 *
 * A back end is a name, an output extension, a render function over a
 * resolved tree, and what it gives to and takes from the other back ends
 * of a build.  The command line knows back ends only through the registry
 * below and never by name; adding a format means adding a folder under
 * src/backend/, one line to src/backend/registry.c, the folder's stage
 * to CMakeLists.txt and its row to doc/design.md's layering table
 * (doc/HACKING.md has the recipe).
 *
 * Options: the common ones apply to every back end; folio_page_opts to
 * every one that lays out pages; folio_pdf_opts and folio_epub_opts
 * belong to one back end each.
 *
 * render() writes to opts->out_path, which is a temporary name in the
 * target folder: the caller renames it into place when every back end
 * succeeded and removes it otherwise, so a failed build never leaves a
 * half-written file where a good one was.
 */
#ifndef FOLIO_BACKEND_H
#define FOLIO_BACKEND_H

#include <stdint.h>
#include <time.h>

#include "folio/diag.h"
#include "folio/tree.h"

/*
 * The print edition's pages, over what the style says.  Every back end
 * that lays out pages reads them (the PDF, the `pages` dump, the EPUB for
 * its page-list): layout applies them as data after loading the style.
 */
typedef struct folio_page_opts {
	const char *paper;      /* "a5", "a4", "170x240mm"; NULL: the style's */
	int sides;              /* 0 the style's, 1 one-sided, 2 two-sided */
} folio_page_opts;

/* The PDF's own: print-shop output (doc/print.md).  Given options
 * override what the preset sets. */
typedef struct folio_pdf_opts {
	double bleed_mm;        /* 0: none */
	int bleed_given;        /* --bleed was given (0 mm turns it off) */
	int crop_marks;         /* 1 --marks, -1 --no-marks, 0 the preset's */
	const char *color;      /* "rgb", "gray", "cmyk"; NULL: the preset's
				   or rgb */
	const char *print_preset; /* "copyshop", "offset", "pod"; NULL none */
	const char *impose;     /* "booklet", "2up"; NULL: none */
	double creep_mm;        /* booklet creep per sheet, toward the fold */
	const char *pdfx;       /* "1a"; NULL: none */
	const char *pdfa;       /* "1b", "2b"; NULL: none */
	int no_tags;            /* --no-tags: no structure tree (an untagged
				   PDF, not PDF/UA) */
} folio_pdf_opts;

/* The EPUB's own. */
typedef struct folio_epub_opts {
	int embed_fonts;        /* embed the style's text family (the font
				   manifest's files) */
} folio_epub_opts;

/*
 * What one back end of a build hands to a later one.  A back end says in
 * its descriptor what it gives and what it takes; the command line pairs
 * them without knowing which back end is which.
 */
enum folio_product {
	/* where each printed page starts (folio_page_map below) */
	FOLIO_PRODUCT_PAGE_MAP = 1u << 0
};

typedef struct folio_render_opts {
	/* common to every back end */
	const char *out_path;   /* where to write (a temporary file) */
	const char *final_path; /* the name it will have; for messages */
	const char *style_path; /* --style FILE, or NULL for the default */
	const char *styles_dir; /* where shipped styles and CSS live */
	int64_t source_date;    /* SOURCE_DATE_EPOCH, or -1 when unset */
	int64_t build_time;     /* the clock when the build began; 0: read it
				 * when asked (folio_output_date) */
	int verbose;
	folio_page_opts page;
	/* each back end's own; a back end reads only its own */
	folio_pdf_opts pdf;
	folio_epub_opts epub;
	/* FOLIO_PRODUCT_PAGE_MAP: set for a back end that takes it when an
	 * earlier back end of the same build gave it. */
	const struct folio_page_map *page_map;
	/* Set for a back end that gives it: the back end stores its page
	 * starts here. */
	struct folio_page_map *page_map_out;
	/* Called, when set, as soon as page_map_out is filled and before the
	 * back end goes on to write its file: the caller may start a back
	 * end that takes the map on another thread meanwhile.  From then on
	 * the back end must not touch the document's arena. */
	void (*page_map_ready)(void *ctx);
	void *page_map_ctx;
} folio_render_opts;

/*
 * The time every output is dated with: SOURCE_DATE_EPOCH when set (the
 * same bytes on every build), else the moment the build began, so that
 * the PDF's and the EPUB's dates agree.
 */
static inline int64_t folio_output_date(const folio_render_opts *opts)
{
	if (opts->source_date >= 0)
		return opts->source_date;
	return opts->build_time > 0 ? opts->build_time : (int64_t)time(NULL);
}

typedef struct folio_backend {
	const char *name;        /* "pdf": used by --format */
	const char *extension;   /* ".pdf" */
	const char *description; /* one line for --help */
	/* Returns 0 on success; reports problems to diag. */
	int (*render)(folio_doc *doc, const folio_render_opts *opts,
		      folio_diag *diag);
	int on_request;  /* written only when named (--NAME or --format),
			    never by default: debugging dumps */
	unsigned gives;  /* enum folio_product: what it hands on */
	unsigned takes;  /* enum folio_product: what it uses when given
			    (and works out itself otherwise) */
	/* Checks the options before any work starts (NULL: nothing to
	 * check), so that a usage problem such as a paper size out of range
	 * is reported before the source is read.  Returns 0, or -1 after a
	 * fatal report. */
	int (*check)(const folio_render_opts *opts, folio_diag *diag);
} folio_backend;

/* NULL-terminated, in the order `folio build` writes them: a back end
 * that gives a product comes before those that take it. */
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
