/*
 * epub.h: what the files of the EPUB back end share, and nothing else
 * does.  The back end runs in these steps:
 *
 *   plan      (epub.c)    cut the tree into content documents ("chunks")
 *   mark      (epub.c)    find every node that a link, a locator or the
 *                         navigation points at, so it gets an id
 *   map pass  (xhtml*.c)  render every chunk once, keeping no output, to
 *                         learn in which file each anchor and page marker
 *                         lands
 *   write     (xhtml*.c)  render again, now with every href resolvable
 *   package   (opf.c, nav.c, media.c, zip.c)
 *
 * Rendering twice costs little (it is string building) and keeps the
 * map exact: the same code decides what is written and where ids go.
 */
#ifndef FOLIO_EPUB_EPUB_H
#define FOLIO_EPUB_EPUB_H

#include <stddef.h>
#include <stdint.h>

#include "folio/backend.h"
#include "folio/lang.h"
#include "folio/tree.h"
#include "util/strbuf.h"

/* ---- per-node facts, keyed by node address (nodemap.c) ---- */

enum epub_node_flags {
	EPUB_NI_TARGET = 1u << 0,    /* something links here: needs an id */
	EPUB_NI_BLOCKS = 1u << 1,    /* has block content below it (so a
					para must be a div, a span a div) */
	EPUB_NI_CHUNK_TOP = 1u << 2, /* starts its own content document */
	EPUB_NI_NOTE_SEEN = 1u << 3  /* footnote queued in the current pass */
};

typedef struct epub_copy {
	const folio_node *node; /* a generated copy of the keyed node */
	struct epub_copy *next;
} epub_copy;

typedef struct epub_nodeinfo {
	const folio_node *node;
	unsigned flags;
	int chunk;            /* content document holding its anchor, -1 */
	int page;             /* print page its anchor is on, -1 unknown */
	const char *id;       /* the id written for it */
	const char *note_label; /* footnotes: the mark printed */
	unsigned pb_first, pb_count; /* text nodes: page starts inside */
	epub_copy *copies;    /* generated nodes whose origin this is */
	unsigned toc_base;    /* divisions: level of the nearest listed
				 division at or above it (nav.c) */
	unsigned sect_depth;  /* divisions: depth below its document's top */
} epub_nodeinfo;

typedef struct epub_nodemap epub_nodemap;

epub_nodemap *nodemap_new(void);
void nodemap_free(epub_nodemap *m);
/* The entry for node, created zeroed (chunk and page -1) when absent. */
epub_nodeinfo *nodemap_get(epub_nodemap *m, const folio_node *node);
/* The entry, or NULL when the node has none. */
epub_nodeinfo *nodemap_find(const epub_nodemap *m, const folio_node *node);

/* ---- content documents ---- */

typedef enum epub_chunk_kind {
	EPUB_CHUNK_COVER,     /* the cover image page */
	EPUB_CHUNK_TITLEPAGE, /* the book's title page and imprint */
	EPUB_CHUNK_DIVISION,  /* one division (article, chapter, glossary...) */
	EPUB_CHUNK_LOOSE      /* a run of blocks standing directly in a book */
} epub_chunk_kind;

typedef struct epub_chunk {
	epub_chunk_kind kind;
	const folio_node *node; /* the division, the book, or the run's first */
	const folio_node *last; /* LOOSE: the run's last node */
	const char *file;       /* name inside OEBPS/: "03-article.xhtml" */
	const char *item_id;    /* manifest id */
	const char *matter;     /* "frontmatter", "bodymatter", "backmatter" */
	const char *lang;       /* xml:lang of the document */
	strbuf xhtml;           /* the finished document */
	unsigned npages;        /* page markers it holds */
	int mathml;             /* holds MathML (the manifest's property) */
} epub_chunk;

/* A file of the package other than the content documents. */
typedef struct epub_resource {
	const char *href;       /* inside OEBPS/: "images/fig1.png" */
	const char *id;         /* manifest id */
	const char *media_type;
	const char *properties; /* "cover-image", or NULL */
	const char *source;     /* the file it was read from (dedupe key) */
	char *data;             /* malloc'd bytes */
	size_t len;
} epub_resource;

/* ---- print pages (pages.c) ---- */

typedef struct epub_page {
	const char *label;   /* "12" */
	const char *id;      /* "page-12" */
	const folio_node *node;
	size_t offset;
	int chunk;           /* where its marker went (map pass), -1 */
	unsigned seq;        /* emission order, for the page-list */
	int before;          /* pages without a place: written just before
				this page, or (-1) at the end of the book */
	int emitted;         /* marker written in the current pass */
} epub_page;

/* ---- the whole run ---- */

typedef struct epub_ctx {
	folio_doc *doc;
	const folio_render_opts *opts;
	folio_diag *diag;
	const folio_lang *lang; /* the book's language */
	epub_nodemap *map;
	int writing;            /* 0: map pass, 1: write pass */

	epub_chunk *chunks;
	unsigned nchunks;
	size_t chunks_cap;
	int nav_spine_pos;      /* nav.xhtml goes before chunk [pos] */

	epub_resource *res;
	unsigned nres;
	size_t res_cap;

	epub_page *pages;
	unsigned npages;
	unsigned page_seq;
	unsigned *page_order;   /* page indices in book order (page-list) */

	/* images and their alternative text, for the a11y metadata */
	unsigned images, images_without_alt;
	int has_cover;
	/* glossterm.face and glossterm.first-use-only of the page style
	 * (enum layout_term_face): the uses the PDF marks get a class */
	int term_face, term_first_only;
	const char *cover_href; /* cover image inside OEBPS/ */
	const char *cover_raster_id; /* EPUB 2's <meta name="cover">: the
					PNG of a made cover; NULL: the cover-image */

	int cur_page;           /* print page at the writer's position */
	struct folio_hash *images_by_source; /* media.c: source -> href */

	const char *identifier; /* dc:identifier */
	const char *modified;   /* dcterms:modified */
	int64_t epoch;          /* the build's fixed time */
} epub_ctx;

/* media.c: the page style's marking of glossary terms into c */
void epub_term_marks(epub_ctx *c);

/* epub.c */
/* Everything but the packaging: plans, marks and renders every content
 * document into c (tests look at the result).  Returns 0, or -1 after
 * reporting errors.  Call epub_ctx_free() in either case. */
int epub_build(epub_ctx *c, folio_doc *doc, const folio_render_opts *opts,
	       folio_diag *diag);
/* Writes the package to opts->out_path. */
int epub_package(epub_ctx *c);
void epub_ctx_free(epub_ctx *c);
const char *epub_strdup(epub_ctx *c, const char *s);
const char *epub_printf(epub_ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* a, b and d (which may be NULL) joined: for the strings made once per
 * element or link, where formatting would cost ten times the copy. */
const char *epub_join(epub_ctx *c, const char *a, const char *b, const char *d);
/* lang as a BCP 47 tag ("en_US" becomes "en-US"); NULL for NULL. */
const char *epub_lang_tag(epub_ctx *c, const char *lang);
/* The book's language tag, "und" when it has none. */
const char *epub_book_lang(epub_ctx *c);
/* Title text of a division for navigation: collapsed whitespace, never
 * empty (falls back to the language's word for the kind). */
const char *epub_nav_title(epub_ctx *c, const folio_node *n);
/* The word a heading-less generated division prints ("Glosarium"), or
 * NULL. */
const char *epub_default_title(const epub_ctx *c, const folio_node *n);

/* xhtml.c: renders chunk [i] into its xhtml buffer (map pass: into a
 * scratch buffer that is dropped). */
void epub_render_chunk(epub_ctx *c, unsigned i);
/* The href from chunk `from` to the anchor of target, or NULL when the
 * target is not in the book.  Returned string lives in the arena. */
const char *epub_href(epub_ctx *c, int from, const folio_node *target);
/* Writes text with XML escaping, whitespace collapsed. */
void epub_put_text(strbuf *b, const char *s, size_t n, int collapse);

/* pages.c */
void epub_pages_init(epub_ctx *c);
/* After the map pass: decides where pages without a place go. */
void epub_pages_settle(epub_ctx *c);

/* media.c */
/* Adds the image imagedata points at (once).  Returns its href inside
 * OEBPS/, or NULL after reporting why it cannot be used. */
const char *epub_image(epub_ctx *c, const folio_node *imagedata);
/* Reads styles/epub.css (and the fonts with --epub-fonts) into resources.
 * Returns 0, or -1 after a fatal diagnostic. */
int epub_add_styles(epub_ctx *c);
/* A name safe inside the package: [a-z0-9._-], never empty. */
const char *epub_safe_name(epub_ctx *c, const char *name);

void epub_media_free(epub_ctx *c);
/* A new, zeroed entry in the package's resources. */
epub_resource *epub_add_resource(epub_ctx *c);

/* cover.c */
/* Makes a cover for a book whose source has none: an SVG (the package's
 * cover-image) and a PNG rendering of it.  Returns the SVG's href, or
 * NULL (after a warning) when it cannot be made. */
const char *epub_make_cover(epub_ctx *c);

/* opf.c */
void epub_identity(epub_ctx *c);
/* The book's subtitle and publisher (NULL when it has none), and the
 * names of its makers (authors, else editors) as dc:creator lists them:
 * up to max into names, returning how many. */
const char *epub_book_subtitle(epub_ctx *c);
const char *epub_book_publisher(epub_ctx *c);
unsigned epub_book_makers(epub_ctx *c, const char **names, unsigned max);
void epub_write_opf(epub_ctx *c, strbuf *out);

/* nav.c */
void epub_write_nav(epub_ctx *c, strbuf *out);
/* Marks every division the table of contents links to. */
void epub_nav_mark(epub_ctx *c);
void epub_write_ncx(epub_ctx *c, strbuf *out);

/* sha1.c: for the name-based UUID of a book without ISBN or DOI. */
void epub_sha1(const void *data, size_t len, unsigned char out[20]);

/* zip.c: the only file that includes zip.h. */
typedef struct epub_zip_entry {
	const char *name;
	const char *data;
	size_t len;
	int store;   /* 1: no compression (mimetype) */
} epub_zip_entry;
/* Writes the entries, in order, to path with fixed times and
 * attributes; messages name shown (the output the user asked for).
 * Returns 0, or -1 after a fatal diagnostic. */
int epub_zip_write(const char *path, const char *shown, const epub_zip_entry *e,
		   unsigned n, int64_t epoch, folio_diag *diag);
/* wellformed.c: in debug builds (no NDEBUG), aborts with a message when
 * one of the XML entries (.xhtml, .opf, .ncx, .xml) is not well-formed;
 * in release builds does nothing. */
void epub_assert_wellformed(const epub_zip_entry *e, unsigned n);

#endif
