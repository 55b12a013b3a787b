/*
 * media.h: the image formats that need more than a header read: SVG.
 * One place reads an SVG file, checks it (well-formed, no external
 * references, no entity tricks, bounded in bytes, depth and elements),
 * strips what no output may carry (scripts, event handlers), and hands
 * the cleaned document on: to layout for its intrinsic size, to the PDF
 * for drawing (a one-page vector PDF, or pixels for the print modes that
 * need them), to the EPUB as the file it packs.  Every back end and
 * `folio check` see the same checks and the same messages.
 *
 * libxml2 parses and cleans; librsvg (with cairo) sizes and renders,
 * loaded only when a document has an SVG (rsvg_lib.h says why).  Neither
 * library's header leaks out of this stage.
 */
#ifndef FOLIO_MEDIA_MEDIA_H
#define FOLIO_MEDIA_MEDIA_H

#include <limits.h>
#include <stddef.h>

#include "folio/diag.h"
#include "folio/tree.h"

/* Limits of one SVG (folio's): larger or deeper is refused. */
#define MEDIA_SVG_MAX_BYTES (16u << 20)
#define MEDIA_SVG_MAX_DEPTH 256u
#define MEDIA_SVG_MAX_ELEMENTS 200000u
#define MEDIA_SVG_MAX_ENTITY_BYTES (1u << 20) /* text made by entities */
#define MEDIA_SVG_MAX_SIDE 20000.0           /* CSS px (1/96 in) a side */

typedef struct media_svg {
	char *clean;          /* the SVG as folio passes it on (malloc) */
	size_t clean_len;
	double width, height; /* intrinsic size in pt */
	void *handle;         /* librsvg's, for rendering */
	const void *lib;      /* librsvg's functions (rsvg_lib.h) */
} media_svg;

/*
 * Reads and checks the SVG file at path.  Problems are reported at loc
 * (the imagedata), naming the file as name and the SVG's own line in the
 * message; stripped scripts and handlers are one warning.  level says
 * which of these go to diag: layout's last pass (or `folio check`) says
 * everything, the back ends that read the file again only errors, so a
 * warning is given once.  Returns 0, or -1 after an error.
 */
enum media_report { MEDIA_REPORT_ALL, MEDIA_REPORT_ERRORS, MEDIA_REPORT_NONE };
int media_svg_read(const char *path, const char *name, folio_loc loc,
		   folio_diag *diag, int level, media_svg *out);
void media_svg_free(media_svg *svg);

/* A one-page PDF of the SVG at its intrinsic size (at most 14400 pt a
 * side, scaled down evenly beyond), made by cairo in memory: *pdf is
 * malloc'd.  Returns 0, or -1 with the reason in why. */
int media_svg_pdf(const media_svg *svg, unsigned char **pdf, size_t *len,
		  char *why, size_t whylen);

/* The SVG drawn into width x height pixels on transparent ground: RGBA,
 * 8 bits a sample, not premultiplied (malloc).  Returns 0, or -1 with
 * the reason in why. */
int media_svg_pixels(const media_svg *svg, unsigned width, unsigned height,
		     unsigned char **rgba, char *why, size_t whylen);

/* ---- images of any kind (probe.c) ---- */

enum media_target { MEDIA_FOR_PRINT, MEDIA_FOR_SCREEN };

#define MEDIA_IMAGE_MAX_PIXELS 20000 /* per side of a PNG or JPEG */

typedef struct media_image {
	char path[PATH_MAX];  /* the file, resolved and confined */
	int png;              /* 1 PNG, 0 JPEG (when not svg) */
	int svg;              /* 1 SVG */
	int gif;              /* 1 GIF (for the screen only) */
	unsigned width, height; /* pixels (PNG, JPEG) */
	double natural_w, natural_h; /* pt: pixels at 150 dpi, an SVG's own */
} media_image;

/* Finds imagedata's file (its fileref, relative to the file that names
 * it, inside doc->dir unless doc->allow_outside) and reads its kind and
 * size; an SVG is read and checked whole; a GIF is taken for the screen
 * (enum media_target below) only.  Problems are reported at the
 * imagedata as level allows.  Returns 0, or -1 after an error. */
int media_image_probe(const folio_doc *doc, const folio_node *imagedata, int target,
		      folio_diag *diag, int level, media_image *out);

/* ---- choosing among a mediaobject's imageobjects (choose.c) ---- */

/* The imagedata of the imageobject of media (a mediaobject or
 * inlinemediaobject) that target shows best, as DocBook XSL chooses: the
 * first whose role names the target ("fo", "print", "pdf"; "html",
 * "xhtml", "epub"), else the first whose format (or, without one, the
 * fileref's extension) the target draws (print: SVG, PNG, JPEG; screen:
 * SVG, PNG, JPEG, GIF) and whose role is not the other target's, else the
 * first with a fileref.  NULL when none has one. */
const folio_node *media_choose(const folio_node *media, int target);

/* `folio check`: probes every image a build would read (each media
 * object's choice for print and for screen, the cover), reporting as the
 * build does.  Returns the number of images that failed. */
unsigned media_check_images(const folio_doc *doc, folio_diag *diag);

/* Whether the first bytes of a file are an SVG document (an XML
 * document whose first element is svg). */
int media_is_svg(const char *data, size_t n);

#endif
