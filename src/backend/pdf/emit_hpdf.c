/*
 * emit_hpdf: writes a laid-out document with libharu.  With emit_font.c
 * and squeeze.c, the only files of folio that include hpdf.h (emit.h).
 *
 * What libharu lacks is done here with its exported internals, as
 * doc/libraries.md records:
 *   - text goes out as raw TJ arrays of two-byte codes, with a number
 *     before each glyph that is not where the font's widths would put it:
 *     so kerning and justification are exactly the layout's;
 *   - fonts are folio's own objects (emit_font.c): libharu's TrueType
 *     fonts were most of a small build's time, with a ToUnicode CMap
 *     poppler rejects;
 *   - link destinations get zoom 0 ("keep the reader's zoom"), which
 *     SetXYZ refuses;
 *   - print output (print.h): TrimBox and BleedBox in the page
 *     dictionaries, the content moved in by the bleed and marks, pages
 *     placed on imposed sheets, the PDF/X and PDF/A keys, output intents,
 *     XMP packet, CIDSets and the document ID.
 *   - tagged output (tags.c): marked content around every item, the
 *     structure tree, /Lang, MarkInfo, the XMP packet with pdfuaid.
 * A document without print settings is written exactly as before them
 * (and, with --no-tags, exactly as before tags).
 * libharu reports errors through a handler that only records the first
 * one; every step checks it and the first error stops the output.
 */
#include "backend/pdf/emit.h"
#include "backend/pdf/emit_font.h"
#include "backend/pdf/emit_svg.h"
#include "backend/pdf/pixels.h"
#include "backend/pdf/save.h"
#include "backend/pdf/squeeze.h"
#include "backend/pdf/tags.h"
#include "backend/pdf/xmp.h"
#include "folio/folio.h"
#include "util/file.h"
#include "util/hash.h"
#include "util/strbuf.h"
#include "util/uri.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* PDF/A's output intent; icc-profiles-free installs it (Zlib licence). */
#define SRGB_PROFILE "/usr/share/color/icc/sRGB.icc"

typedef struct hpdf_error {
	HPDF_STATUS code;
	HPDF_STATUS detail;
} hpdf_error;

static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
	hpdf_error *e = data;
	if (e->code == 0) {
		e->code = code;
		e->detail = detail;
	}
}

typedef struct emitter {
	HPDF_Doc pdf;
	hpdf_error err;
	folio_diag *diag;
	const lay_result *res;
	lay_fonts *fonts;
	const pdf_print *print; /* never NULL (zeroes: the screen PDF) */
	int plain;              /* print_is_plain(print) */
	pdf_fonts *pfonts;      /* the fonts, written by emit_font.c */
	pdf_svgs *svgs;         /* SVG figures, written by emit_svg.c */
	pdf_squeeze *squeeze;   /* compresses each page's content */
	struct link_rec *links; /* what internal links write (emit_links) */
	HPDF_Page *pages;
	folio_hash *images;     /* path -> HPDF_Image */
	folio_hash *dests;      /* node serial -> dest index + 1 */
	const char *path;       /* the temporary written */
	const char *shown;      /* the output's name, for messages */
	/* print geometry, in mpt on the output page (y up): the trim's
	 * lower left corner and the trim size (a page, or an imposed sheet) */
	fx ox, oy, trim_w, trim_h, media_w, media_h;
	HPDF_MD5_CTX id;        /* what the document ID is made of */
	pdf_tags *tags;         /* the structure (tags.c); NULL: untagged */
	const folio_node *broken; /* the node whose word the last text run
				     broke across lines (its rest is next) */
} emitter;

static int failed(emitter *e, const char *what)
{
	if (e->err.code == 0)
		return 0;
	folio_report(e->diag, FOLIO_FATAL, (folio_loc){ e->shown, 0, 0 },
		     "libharu error 0x%04X (detail %u) while %s",
		     (unsigned)e->err.code, (unsigned)e->err.detail, what);
	return 1;
}

static float pt(fx v)
{
	return (float)v / 1000.0f;
}

static int is_pdfa(const emitter *e)
{
	return e->print->standard == PDF_STD_A1B || e->print->standard == PDF_STD_A2B;
}

/* A number with up to three decimals, no trailing zeros ("-12.5"). */
static void num(strbuf *b, double v)
{
	char buf[32];
	long m = (long)(v * 1000.0 + (v >= 0 ? 0.5 : -0.5));
	size_t o = sizeof buf;
	buf[--o] = '\0';
	int neg = m < 0;
	unsigned long u = (unsigned long)(neg ? -m : m);
	unsigned long whole = u / 1000, frac = u % 1000;
	if (frac) {
		int digits = 3;
		while (frac % 10 == 0) {
			frac /= 10;
			digits--;
		}
		for (int i = 0; i < digits; i++) {
			buf[--o] = (char)('0' + frac % 10);
			frac /= 10;
		}
		buf[--o] = '.';
	}
	do {
		buf[--o] = (char)('0' + whole % 10);
		whole /= 10;
	} while (whole);
	if (neg && u)
		buf[--o] = '-';
	sb_puts(b, buf + o);
}

/* In thousandths of an em: 0.01 pt at 10 pt, a third of a dot at 2400 dpi. */
#define SHIFT_TOLERANCE 1.0

/* Opens a marked-content span whose /ActualText is text (UTF-8), as a
 * UTF-16BE hex string: what search, copy and screen readers take instead
 * of the glyphs, for runs whose glyphs do not read back as the words
 * (shaped Arabic, reordered lines, a formula's pieces).  For an untagged
 * PDF: a tagged one puts the text in the run's own marked content. */
static void actual_text_open(strbuf *b, const char *text)
{
	sb_puts(b, "/Span <</ActualText ");
	tags_hex_text(b, text);
	sb_puts(b, ">> BDC\n");
}

/* Glyphs [from, to) of a run as a TJ array.  pen: where the reader's
 * pen is (in mpt from the run's start).  A glyph more than
 * SHIFT_TOLERANCE thousandths of an em from where the layout put it gets
 * a shift; closer ones stay where the font's widths leave them, which
 * spares a number per glyph for the rounding between the layout's mpt
 * and the widths' 1/1000 em.  Font expansion's scale (it->hscale, set
 * by Tz) scales the widths and the shifts alike (PDF 9.4.4); a mark
 * raised off the baseline (it->dy) is set with text rise, which cannot
 * change inside TJ: the array is cut there and goes on after Ts. */
static void put_tj_from(emitter *e, strbuf *b, const lay_item *it, unsigned from,
			unsigned to, fx *pen, fx base)
{
	if (from >= to)
		return;
	double hs = it->hscale ? (double)it->hscale / 10000.0 : 1.0;
	fx rise = 0;
	const fx *dy = it->dy;
	sb_putc(b, '[');
	int open = 0;
	for (unsigned i = from; i < to; i++) {
		if (dy && dy[i] != rise) {
			sb_puts(b, open ? ">] TJ\n" : "] TJ\n");
			open = 0;
			rise = dy[i];
			num(b, pt(rise));
			sb_puts(b, " Ts\n[");
		}
		int w = 0;
		unsigned cp = pdf_fonts_code(e->pfonts, it->face, it->g[i].cp, &w);
		fx d = it->g[i].x - base - *pen;
		double shift = -(double)d * 1000.0 / (double)it->size / hs;
		if (shift > SHIFT_TOLERANCE || shift < -SHIFT_TOLERANCE) {
			if (open) {
				sb_putc(b, '>');
				open = 0;
			}
			num(b, shift);
			*pen = it->g[i].x - base;
		}
		if (!open) {
			sb_putc(b, '<');
			open = 1;
		}
		static const char hex[] = "0123456789ABCDEF";
		char code[4] = { hex[cp >> 12 & 15], hex[cp >> 8 & 15],
				 hex[cp >> 4 & 15], hex[cp & 15] };
		sb_putn(b, code, 4);
		if (it->hscale) /* rounded once, as the layout rounds */
			*pen += (fx)(((int64_t)w * it->size * it->hscale + 5000000) / 10000000);
		else
			*pen += (fx)((int64_t)w * it->size / 1000);
	}
	if (open)
		sb_putc(b, '>');
	sb_puts(b, "] TJ\n");
	if (rise) /* graphics state: it outlives ET */
		sb_puts(b, "0 Ts\n");
}


/* The first word of the next run of node after item i of pg: the rest of
 * a word broken at the end of item i's line. */
typedef VEC(uint32_t) cp_vec;

static void word_rest(const lay_page *pg, unsigned i, cp_vec *word)
{
	const folio_node *node = pg->items[i].node;
	for (unsigned j = i + 1; j < pg->nitems; j++) {
		const lay_item *x = &pg->items[j];
		if (x->kind != LI_TEXT || LT_KIND(x->tag) != LT_CONTENT || x->node != node)
			continue;
		for (unsigned k = 0; k < x->n && x->g[k].cp != ' '; k++)
			VEC_PUSH(*word, x->g[k].cp);
		return;
	}
}

/* One text object: glyphs [from, to) of item it, at their own place;
 * props: marked-content properties for tags_mark (NULL: none). */
static void put_text_object(emitter *e, strbuf *b, const lay_page *pg, unsigned i,
			    const char *name, unsigned from, unsigned to, const char *props)
{
	const lay_item *it = &pg->items[i];
	if (e->tags)
		tags_mark(e->tags, pg, i, props, b);
	/* a piece after the first starts at its first glyph */
	fx base = it->g && from > 0 && from < it->n ? it->g[from].x : 0;
	sb_puts(b, "BT\n/");
	sb_puts(b, name);
	sb_putc(b, ' ');
	num(b, pt(it->size));
	sb_puts(b, " Tf\n");
	if (it->hscale) { /* font expansion: the run's horizontal scale */
		num(b, (double)it->hscale / 100.0);
		sb_puts(b, " Tz\n");
	}
	num(b, pt(it->x + base));
	sb_putc(b, ' ');
	num(b, pt(e->res->height - it->y));
	sb_puts(b, " Td\n");
	fx pen = 0;
	put_tj_from(e, b, it, from, to, &pen, base);
	if (it->hscale) /* graphics state: it outlives ET */
		sb_puts(b, "100 Tz\n");
	sb_puts(b, "ET\n");
}

static void put_raw(emitter *e, HPDF_Page page, const char *s, size_t n)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
	HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)s, (HPDF_UINT)n);
	if (!e->plain)
		HPDF_MD5Update(&e->id, (const HPDF_BYTE *)s, (HPDF_UINT32)n);
}

/* A run whose text is given (it->actual: shaped or reordered script, a
 * formula's pieces): one text object whose /ActualText is that text, in
 * its own marked content when tagged, in a /Span of its own when not. */
static void put_actual_run(emitter *e, strbuf *b, const lay_page *pg, unsigned i,
			   const char *name)
{
	const lay_item *it = &pg->items[i];
	if (e->tags) {
		strbuf props = STRBUF_INIT;
		sb_puts(&props, " /ActualText ");
		tags_hex_text(&props, it->actual);
		put_text_object(e, b, pg, i, name, 0, it->n, sb_str(&props));
		sb_free(&props);
		return;
	}
	actual_text_open(b, it->actual);
	put_text_object(e, b, pg, i, name, 0, it->n, NULL);
	sb_puts(b, "EMC\n");
}

/*
 * A text run, one text object.  Tagged, a word broken at the line's end
 * is read whole: its first part is a marked-content sequence of its own
 * whose /ActualText is the whole word, and the rest, at the start of the
 * next line, one whose /ActualText is empty.  Sequences side by side,
 * not nested (poppler reads a nested one's end as its parent's).
 */
static int emit_text(emitter *e, HPDF_Page page, const lay_page *pg, unsigned i)
{
	const lay_item *it = &pg->items[i];
	HPDF_Dict font = pdf_fonts_dict(e->pfonts, it->face);
	if (font == NULL)
		return -1;
	const char *name = HPDF_Page_GetLocalFontName(page, (HPDF_Font)font);
	if (name == NULL || failed(e, "naming a font"))
		return -1;
	strbuf b = STRBUF_INIT;
	if (it->actual) {
		put_actual_run(e, &b, pg, i, name);
		put_raw(e, page, b.s, b.len);
		sb_free(&b);
		return failed(e, "writing text") ? -1 : 0;
	}
	unsigned head = 0, tail = it->n;
	if (e->tags && it->g && LT_KIND(it->tag) == LT_CONTENT) {
		if (e->broken && e->broken == it->node) {
			while (head < it->n && it->g[head].cp != ' ')
				head++;
			e->broken = NULL;
		}
		if (it->tag & LT_BROKEN) {
			tail = it->n > 0 ? it->n - 1 : 0;
			while (tail > 0 && it->g[tail - 1].cp != ' ')
				tail--;
			if (tail < head)
				head = 0;
		}
	}
	if (head) {
		strbuf none = STRBUF_INIT;
		tags_actual_text(&none, NULL, 0);
		put_text_object(e, &b, pg, i, name, 0, head, sb_str(&none));
		sb_free(&none);
	}
	if (head < tail || it->n == 0)
		put_text_object(e, &b, pg, i, name, head, tail, NULL);
	if (tail < it->n) {
		cp_vec word = { 0 };
		for (unsigned k = tail; k + 1 < it->n; k++)
			VEC_PUSH(word, it->g[k].cp);
		word_rest(pg, i, &word);
		strbuf whole = STRBUF_INIT;
		tags_actual_text(&whole, word.v, word.n);
		put_text_object(e, &b, pg, i, name, tail, it->n, sb_str(&whole));
		sb_free(&whole);
		VEC_FREE(word);
		e->broken = it->node;
	}
	put_raw(e, page, b.s, b.len);
	sb_free(&b);
	return failed(e, "writing text") ? -1 : 0;
}

/* ---- images ---- */

/* The components an image must have in this output, 0 for "as it is". */
static int image_target(const emitter *e, int ncomp, int alpha, int jpeg)
{
	if (e->print->color == PDF_COLOR_GRAY)
		return jpeg && ncomp == 1 ? 0 : 1;
	if (e->print->color == PDF_COLOR_CMYK)
		return 4;
	/* RGB: the standards take no transparency and no device CMYK under
	 * an sRGB intent; elsewhere libharu loads the file as it is */
	if (e->print->standard != PDF_STD_NONE && (alpha || ncomp == 4))
		return ncomp == 4 ? 3 : ncomp;
	return 0;
}

/* Decodes, flattens and converts an image, and loads it as raw samples. */
static HPDF_Image load_converted(emitter *e, const lay_item *it, int ncomp)
{
	pixels px;
	char why[200];
	folio_loc loc = it->node ? it->node->loc : (folio_loc){ it->uri, 0, 0 };
	if (pixels_load(it->uri, &px, why, sizeof why) < 0) {
		folio_report(e->diag, FOLIO_ERROR, loc,
			     "cannot convert image %s for %s output: %s", it->uri,
			     ncomp == 1 ? "grey" : ncomp == 4 ? "CMYK" : "PDF/A", why);
		return NULL;
	}
	pixels_convert(&px, ncomp);
	HPDF_ColorSpace cs = ncomp == 1 ? HPDF_CS_DEVICE_GRAY
			   : ncomp == 4 ? HPDF_CS_DEVICE_CMYK : HPDF_CS_DEVICE_RGB;
	HPDF_Image img = HPDF_LoadRawImageFromMem(e->pdf, px.data, px.width,
						  px.height, cs, 8);
	pixels_free(&px);
	if (img == NULL || e->err.code) {
		folio_report(e->diag, FOLIO_ERROR, loc,
			     "cannot convert image %s (libharu error 0x%04X)",
			     it->uri, (unsigned)e->err.code);
		return NULL;
	}
	return img;
}

/* The image as the source names it (its fileref), else its path. */
static const char *image_name(const lay_item *it)
{
	const char *ref = it->node ? folio_node_attr(it->node, "fileref") : NULL;
	return ref && *ref ? ref : it->uri;
}

/* An interlaced PNG, which libharu's loader refuses: decoded by libpng,
 * loaded as raw samples, its alpha channel (if any) as a soft mask. */
static HPDF_Image load_decoded(emitter *e, const lay_item *it, folio_loc loc)
{
	pixels px;
	char why[200];
	if (pixels_load(it->uri, &px, why, sizeof why) < 0) {
		folio_report(e->diag, FOLIO_ERROR, loc, "the PNG image \"%s\" is damaged: %s",
			     image_name(it), why);
		return NULL;
	}
	unsigned char *alpha = pixels_take_alpha(&px);
	HPDF_ColorSpace cs = px.ncomp == 1 ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB;
	HPDF_Image img = HPDF_LoadRawImageFromMem(e->pdf, px.data, px.width,
						  px.height, cs, 8);
	if (img && alpha && !e->err.code) {
		HPDF_Image mask = HPDF_LoadRawImageFromMem(e->pdf, alpha, px.width,
							   px.height, HPDF_CS_DEVICE_GRAY, 8);
		if (mask && !e->err.code)
			HPDF_Image_AddSMask(img, mask);
	}
	free(alpha);
	pixels_free(&px);
	if (img == NULL || e->err.code) {
		folio_report(e->diag, FOLIO_ERROR, loc,
			     "cannot embed image \"%s\" (libharu error 0x%04X)",
			     image_name(it), (unsigned)e->err.code);
		return NULL;
	}
	return img;
}

static HPDF_Image load_image(emitter *e, const lay_item *it)
{
	HPDF_Image img = hash_get(e->images, it->uri);
	if (img)
		return img;
	if (!e->plain) {
		int ncomp = 3, alpha = 0, jpeg = 0;
		if (pixels_probe(it->uri, &ncomp, &alpha, &jpeg) == 0) {
			int target = image_target(e, ncomp, alpha, jpeg);
			if (target) {
				img = load_converted(e, it, target);
				if (img)
					hash_put(e->images, it->uri, img);
				return img;
			}
		}
	}
	size_t n = strlen(it->uri);
	int png = n > 4 && (strcasecmp(it->uri + n - 4, ".png") == 0);
	FILE *fp = fopen(it->uri, "rb");
	unsigned char sig = 0;
	if (fp) {
		if (fread(&sig, 1, 1, fp) == 1)
			png = sig == 0x89;
		fclose(fp);
	}
	folio_loc loc = it->node ? it->node->loc : (folio_loc){ it->uri, 0, 0 };
	char why[160];
	int checked = png ? pixels_check_png(it->uri, why, sizeof why)
			  : pixels_check_jpeg(it->uri, why, sizeof why);
	if (checked == -2) {
		folio_report(e->diag, FOLIO_ERROR, loc,
			     "image \"%s\" is too large: %s; folio decodes at most "
			     "%u pixels (8192x8192), %u a side", image_name(it), why,
			     PIXELS_MAX, PIXELS_MAX_SIDE);
		return NULL;
	}
	if (checked == -3) {
		folio_report(e->diag, FOLIO_ERROR, loc,
			     "the JPEG image \"%s\" has %s; folio embeds 8-bit JPEGs only: save it as one",
			     image_name(it), why);
		return NULL;
	}
	if (checked < 0) {
		folio_report(e->diag, FOLIO_ERROR, loc, "the %s image \"%s\" is damaged: %s",
			     png ? "PNG" : "JPEG", image_name(it), why);
		return NULL;
	}
	if (png && pixels_png_interlaced(it->uri)) {
		img = load_decoded(e, it, loc);
		if (img)
			hash_put(e->images, it->uri, img);
		return img;
	}
	img = png ? HPDF_LoadPngImageFromFile(e->pdf, it->uri)
		  : HPDF_LoadJpegImageFromFile(e->pdf, it->uri);
	if (img == NULL || e->err.code) {
		folio_report(e->diag, FOLIO_ERROR, loc,
			     "cannot decode image \"%s\" (libharu error 0x%04X)",
			     image_name(it), (unsigned)e->err.code);
		return NULL;
	}
	hash_put(e->images, it->uri, img);
	return img;
}

/* ---- print geometry ---- */

enum { EDGE_LEFT = 1, EDGE_RIGHT = 2, EDGE_TOP = 4, EDGE_BOTTOM = 8, EDGE_ALL = 15 };

typedef struct box {
	fx x, y, w, h; /* layout space: from the page's top left, y down */
} box;

/* A rectangle that reaches a trim edge (a background, a full-bleed
 * picture) runs on into the bleed on the edges that have one. */
static box into_bleed(const emitter *e, box b, int edges)
{
	fx bleed = e->print->bleed, tol = FX_PT / 2;
	if (bleed == 0 || edges == 0)
		return b;
	if ((edges & EDGE_LEFT) && b.x <= tol) {
		b.w += b.x + bleed;
		b.x = -bleed;
	}
	if ((edges & EDGE_TOP) && b.y <= tol) {
		b.h += b.y + bleed;
		b.y = -bleed;
	}
	if ((edges & EDGE_RIGHT) && b.x + b.w >= e->res->width - tol)
		b.w = e->res->width + bleed - b.x;
	if ((edges & EDGE_BOTTOM) && b.y + b.h >= e->res->height - tol)
		b.h = e->res->height + bleed - b.y;
	return b;
}

/* The colour components an SVG must be drawn as pixels in, 0 when its
 * vectors go in as they are: cairo draws in DeviceRGB, with
 * transparency where the SVG has it, which grey, CMYK, PDF/X-1a and
 * PDF/A-1b output cannot take (doc/print.md). */
static int svg_pixel_target(const emitter *e)
{
	if (e->print->color == PDF_COLOR_GRAY)
		return 1;
	if (e->print->color == PDF_COLOR_CMYK)
		return 4;
	if (e->print->standard == PDF_STD_X1A || e->print->standard == PDF_STD_A1B)
		return 3;
	return 0;
}

/* An SVG as pixels, made once per file at the first box it fills. */
static HPDF_Image load_svg_pixels(emitter *e, const lay_item *it, int ncomp)
{
	HPDF_Image img = hash_get(e->images, it->uri);
	if (img)
		return img;
	folio_loc loc = it->node ? it->node->loc : (folio_loc){ it->uri, 0, 0 };
	img = pdf_svg_pixels(e->svgs, it->uri, image_name(it), loc, pt(it->w), pt(it->h),
			     ncomp);
	if (img)
		hash_put(e->images, it->uri, img);
	return img;
}

/* An SVG's form in the box x, y, w, h (mpt, y down). */
static int place_svg(emitter *e, HPDF_Page page, const lay_item *it, double x,
		     double y, double w, double h)
{
	folio_loc loc = it->node ? it->node->loc : (folio_loc){ it->uri, 0, 0 };
	if (pdf_svg_draw(e->svgs, page, it->uri, image_name(it), loc, x / 1000.0,
			 (e->res->height - y - h) / 1000.0, w / 1000.0, h / 1000.0) != 0)
		return -1;
	return failed(e, "drawing an SVG") ? -1 : 0;
}

static int emit_image(emitter *e, HPDF_Page page, const lay_item *it, int edges)
{
	HPDF_Image img = NULL;
	int form = 0;
	if (hash_get(e->images, it->uri) == NULL && pdf_svg_is(e->svgs, it->uri)) {
		int ncomp = svg_pixel_target(e);
		form = ncomp == 0;
		if (ncomp && (img = load_svg_pixels(e, it, ncomp)) == NULL)
			return -1;
	} else if ((img = load_image(e, it)) == NULL) {
		return -1;
	}
	box at = { it->x, it->y, it->w, it->h };
	box grown = into_bleed(e, at, edges);
	if (memcmp(&at, &grown, sizeof at) == 0) {
		if (form)
			return place_svg(e, page, it, it->x, it->y, it->w, it->h);
		HPDF_Page_DrawImage(page, img, pt(it->x), pt(e->res->height - it->y - it->h),
				    pt(it->w), pt(it->h));
		return failed(e, "drawing an image") ? -1 : 0;
	}
	/* scaled up evenly to cover the grown box, centred, cut to it */
	double sx = (double)grown.w / it->w, sy = (double)grown.h / it->h;
	double s = sx > sy ? sx : sy;
	double w = it->w * s, h = it->h * s;
	double cx = grown.x + grown.w / 2.0, cy = grown.y + grown.h / 2.0;
	HPDF_Page_GSave(page);
	HPDF_Page_Rectangle(page, pt(grown.x), pt(e->res->height - grown.y - grown.h),
			    pt(grown.w), pt(grown.h));
	HPDF_Page_Clip(page);
	HPDF_Page_EndPath(page);
	int rc = 0;
	if (form)
		rc = place_svg(e, page, it, cx - w / 2, cy - h / 2, w, h);
	else
		HPDF_Page_DrawImage(page, img, (float)((cx - w / 2) / 1000.0),
				    (float)((e->res->height - cy - h / 2) / 1000.0),
				    (float)(w / 1000.0), (float)(h / 1000.0));
	HPDF_Page_GRestore(page);
	return rc < 0 || failed(e, "drawing an image") ? -1 : 0;
}

/* The marked content before a rule or an image, or (item NULL) the end
 * of the open one (tagged output). */
static void mark(emitter *e, HPDF_Page page, const lay_page *pg, const unsigned *item)
{
	if (e->tags == NULL)
		return;
	strbuf b = STRBUF_INIT;
	if (item)
		tags_mark(e->tags, pg, *item, NULL, &b);
	else
		tags_close(e->tags, &b);
	if (b.len)
		put_raw(e, page, b.s, b.len);
	sb_free(&b);
}

/* The items of one laid-out page, in its own coordinates. */
static int emit_items(emitter *e, HPDF_Page page, const lay_page *pg, int edges)
{
	for (unsigned i = 0; i < pg->nitems; i++) {
		const lay_item *it = &pg->items[i];
		switch (it->kind) {
		case LI_TEXT:
			if (emit_text(e, page, pg, i) < 0)
				return -1;
			break;
		case LI_RULE: {
			box r = into_bleed(e, (box){ it->x, it->y, it->w, it->h }, edges);
			mark(e, page, pg, &i);
			HPDF_Page_Rectangle(page, pt(r.x), pt(e->res->height - r.y - r.h),
					    pt(r.w), pt(r.h));
			HPDF_Page_Fill(page);
			if (failed(e, "drawing a rule"))
				return -1;
			break;
		}
		case LI_IMAGE:
			mark(e, page, pg, &i);
			if (emit_image(e, page, it, edges) < 0)
				return -1;
			break;
		case LI_LINK:
			if (e->tags)
				tags_link(e->tags, pg, i);
			break;
		default:
			break;
		}
	}
	mark(e, page, pg, NULL);
	return 0;
}

/* Text and rules are black in the chosen model: 0 g or 0 0 0 1 k, so
 * no content falls back on DeviceGray in a CMYK file. */
static void colour_prologue(emitter *e, HPDF_Page page)
{
	if (e->print->color == PDF_COLOR_GRAY) {
		HPDF_Page_SetGrayFill(page, 0);
		HPDF_Page_SetGrayStroke(page, 0);
	} else if (e->print->color == PDF_COLOR_CMYK) {
		HPDF_Page_SetCMYKFill(page, 0, 0, 0, 1);
		HPDF_Page_SetCMYKStroke(page, 0, 0, 0, 1);
	}
}

static int set_box(emitter *e, HPDF_Page page, const char *key, fx grow)
{
	HPDF_Box b;
	b.left = pt(e->ox - grow);
	b.bottom = pt(e->oy - grow);
	b.right = pt(e->ox + e->trim_w + grow);
	b.top = pt(e->oy + e->trim_h + grow);
	HPDF_Array a = HPDF_Box_Array_New(e->pdf->mmgr, b);
	if (a == NULL || failed(e, "writing a page box"))
		return -1;
	HPDF_Dict_Add(page, key, a);
	return failed(e, "writing a page box") ? -1 : 0;
}

/* A new output page: size, boxes, the colour of its text. */
static HPDF_Page new_page(emitter *e)
{
	HPDF_Page page = HPDF_AddPage(e->pdf);
	if (page == NULL || failed(e, "adding a page"))
		return NULL;
	HPDF_Page_SetWidth(page, pt(e->media_w));
	HPDF_Page_SetHeight(page, pt(e->media_h));
	if (failed(e, "adding a page"))
		return NULL;
	if (!e->plain) {
		if (set_box(e, page, "TrimBox", 0) < 0 ||
		    set_box(e, page, "BleedBox", e->print->bleed) < 0)
			return NULL;
		colour_prologue(e, page);
	}
	return page;
}

static void line(HPDF_Page page, fx x0, fx y0, fx x1, fx y1)
{
	HPDF_Page_MoveTo(page, pt(x0), pt(y0));
	HPDF_Page_LineTo(page, pt(x1), pt(y1));
	HPDF_Page_Stroke(page);
}

/* A registration target: a circle and a cross. */
static void target(HPDF_Page page, fx x, fx y)
{
	fx r = 2 * FX_MM, arm = 3 * FX_MM;
	HPDF_Page_Circle(page, pt(x), pt(y), pt(r));
	HPDF_Page_Stroke(page);
	line(page, x - arm, y, x + arm, y);
	line(page, x, y - arm, x, y + arm);
}

/*
 * Crop marks at the trim's corners, outside the bleed; registration
 * targets in the middle of the sides; on an imposed sheet a mark where it
 * is folded (booklet, dashed) or cut (2-up).  All in registration colour:
 * every separation (1 1 1 1 K) in CMYK, black otherwise.
 */
static int draw_marks(emitter *e, HPDF_Page page)
{
	fx off = e->print->bleed + 2 * FX_MM, len = 6 * FX_MM;
	fx L = e->ox, R = e->ox + e->trim_w, B = e->oy, T = e->oy + e->trim_h;
	HPDF_Page_GSave(page);
	if (e->print->color == PDF_COLOR_CMYK)
		HPDF_Page_SetCMYKStroke(page, 1, 1, 1, 1);
	else
		HPDF_Page_SetGrayStroke(page, 0);
	HPDF_Page_SetLineWidth(page, 0.25f);
	if (e->tags)
		put_raw(e, page, TAGS_ARTIFACT, strlen(TAGS_ARTIFACT));
	fx xs[2] = { L, R }, ys[2] = { B, T };
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++) {
			fx x = xs[i], y = ys[j];
			fx dx = i ? 1 : -1, dy = j ? 1 : -1;
			line(page, x + dx * off, y, x + dx * (off + len), y);
			line(page, x, y + dy * off, x, y + dy * (off + len));
		}
	fx mid_band = off + len / 2;
	target(page, L - mid_band, (B + T) / 2);
	target(page, R + mid_band, (B + T) / 2);
	if (e->print->impose == IMPOSE_NONE) {
		target(page, (L + R) / 2, T + mid_band);
		target(page, (L + R) / 2, B - mid_band);
	} else {
		fx x = (L + R) / 2;
		if (e->print->impose == IMPOSE_BOOKLET) {
			HPDF_UINT16 dash[2] = { 3, 2 };
			HPDF_Page_SetDash(page, dash, 2, 0);
		}
		line(page, x, T + off, x, T + off + len);
		line(page, x, B - off, x, B - off - len);
	}
	if (e->tags)
		put_raw(e, page, "EMC\n", 4);
	HPDF_Page_GRestore(page);
	return failed(e, "drawing crop marks") ? -1 : 0;
}

/*
 * A page's content is compressed as soon as it is complete: libharu
 * would keep it whole until the file is saved and deflate it then, with
 * zlib, on the one thread.  The stream then holds Flate data that libharu
 * writes as it is, under a Filter key of folio's.
 */
static int finish_page(emitter *e, HPDF_Page page)
{
	if (failed(e, "writing a page"))
		return -1;
	HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
	HPDF_Dict contents = attr->contents;
	HPDF_Stream s = attr->stream;
	if (contents == NULL || s == NULL || s->type != HPDF_STREAM_MEMORY)
		return 0;
	strbuf raw = STRBUF_INIT;
	HPDF_UINT nbuf = HPDF_MemStream_GetBufCount(s);
	for (HPDF_UINT i = 0; i < nbuf; i++) {
		HPDF_UINT len = 0;
		HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(s, i, &len);
		if (p && len)
			sb_putn(&raw, (const char *)p, len);
	}
	size_t n = 0;
	const unsigned char *z = squeeze(e->squeeze, raw.s ? raw.s : "", raw.len, &n);
	if (z == NULL) {
		sb_free(&raw);
		folio_report(e->diag, FOLIO_FATAL, (folio_loc){ e->shown, 0, 0 },
			     "out of memory compressing a page");
		return -1;
	}
	HPDF_MemStream_FreeData(s);
	HPDF_Stream_Write(s, z, (HPDF_UINT)n);
	sb_free(&raw);
	squeeze_mark(contents);
	return failed(e, "compressing a page") ? -1 : 0;
}

static int emit_page(emitter *e, unsigned index)
{
	HPDF_Page page = new_page(e);
	if (page == NULL)
		return -1;
	e->pages[index] = page;
	if (e->tags) {
		tags_page(e->tags, index, page);
		e->broken = NULL;
	}
	int moved = e->ox != 0 || e->oy != 0;
	if (moved) {
		HPDF_Page_GSave(page);
		HPDF_Page_Concat(page, 1, 0, 0, 1, pt(e->ox), pt(e->oy));
	}
	if (emit_items(e, page, &e->res->pages[index], EDGE_ALL) < 0)
		return -1;
	if (moved)
		HPDF_Page_GRestore(page);
	if (e->print->marks && draw_marks(e, page) < 0)
		return -1;
	return finish_page(e, page);
}

/* A blank page after the last, so the count is a multiple of 4. */
static int emit_padding(emitter *e)
{
	HPDF_Page page = new_page(e);
	if (page == NULL)
		return -1;
	if (e->print->marks && draw_marks(e, page) < 0)
		return -1;
	return finish_page(e, page);
}

/*
 * One side of an imposed sheet: two laid-out pages side by side, each cut
 * to its half (and the bleed on the sheet's outer edges).  Booklet creep:
 * the inner sheets stick out at the fore-edge once folded, so their pages
 * move toward the fold by creep per sheet from the outermost.
 */
static int emit_sheet_side(emitter *e, unsigned side, const int slots[2])
{
	HPDF_Page page = new_page(e);
	if (page == NULL)
		return -1;
	fx w = e->res->width, h = e->res->height, b = e->print->bleed;
	fx shift = e->print->impose == IMPOSE_BOOKLET
			   ? e->print->creep * (fx)impose_sheet_of_side(side) : 0;
	for (int s = 0; s < 2; s++) {
		if (slots[s] < 0)
			continue;
		fx left = e->ox + (s ? w : 0);
		fx clip_x = s ? left : left - b;
		HPDF_Page_GSave(page);
		HPDF_Page_Rectangle(page, pt(clip_x), pt(e->oy - b), pt(w + b), pt(h + 2 * b));
		HPDF_Page_Clip(page);
		HPDF_Page_EndPath(page);
		HPDF_Page_Concat(page, 1, 0, 0, 1, pt(left + (s ? -shift : shift)), pt(e->oy));
		int edges = EDGE_TOP | EDGE_BOTTOM | (s ? EDGE_RIGHT : EDGE_LEFT);
		if (emit_items(e, page, &e->res->pages[slots[s]], edges) < 0)
			return -1;
		HPDF_Page_GRestore(page);
		if (failed(e, "imposing a page"))
			return -1;
	}
	if (e->print->marks && draw_marks(e, page) < 0)
		return -1;
	return finish_page(e, page);
}

static int emit_imposed(emitter *e)
{
	unsigned sides = impose_sides(e->print->impose, e->res->npages);
	int *slots = xmalloc(2 * (size_t)sides * sizeof(int));
	impose_order(e->print->impose, e->res->npages, slots);
	int rc = 0;
	for (unsigned s = 0; s < sides && rc == 0; s++)
		rc = emit_sheet_side(e, s, slots + 2 * s);
	free(slots);
	return rc;
}

/* ---- links, outline ---- */

typedef struct dest_at {
	unsigned page;
	fx x, y;
} dest_at;

/* The top of the view a link to y lands on: a little above it, within
 * the page. */
static fx dest_top(const emitter *e, fx y)
{
	fx top = e->res->height - y + 4 * FX_PT;
	return top > e->res->height ? e->res->height : top;
}

static HPDF_Destination make_dest(emitter *e, unsigned page, fx y)
{
	HPDF_Destination d = HPDF_Page_CreateDestination(e->pages[page]);
	if (d == NULL)
		return NULL;
	HPDF_Destination_SetXYZ(d, pt(e->ox), pt(e->oy + dest_top(e, y)), 1);
	/* zoom 0 means "unchanged" (ISO 32000-1, 12.3.2.2); libharu
	 * refuses it, so it is set after the fact */
	HPDF_Real zoom = HPDF_Array_GetItem(d, 4, HPDF_OCLASS_REAL);
	if (zoom)
		zoom->value = 0;
	return d;
}

/*
 * An internal link as libharu would make it is an annotation dictionary
 * and a destination array of a dozen objects, about 3.5 kB of its memory,
 * held until the file is saved: 200 MB for a 3,000-page reader's 60,000
 * links.  folio's link is an empty indirect dictionary whose write hook
 * writes the keys from this record.
 */
typedef struct link_rec {
	float rect[4];       /* left, bottom, right, top */
	HPDF_Dict on, to;    /* the page it is on, the page it goes to */
	float left, top;     /* where it lands */
	int print;           /* the Print flag (PDF/A) */
	int struct_parent;   /* tagged: its key in the parent tree; -1 */
	const char *contents; /* tagged: its description (tags.c's) */
} link_rec;

static HPDF_UINT32 obj_num(HPDF_Dict d)
{
	return d->header.obj_id & 0x00FFFFFF;
}

static HPDF_STATUS write_link(HPDF_Dict dict, HPDF_Stream out)
{
	const link_rec *l = dict->attr;
	strbuf b = STRBUF_INIT;
	sb_puts(&b, "/Type /Annot\012/Subtype /Link\012/Rect [");
	for (int k = 0; k < 4; k++) {
		if (k)
			sb_putc(&b, ' ');
		num(&b, l->rect[k]);
	}
	sb_printf(&b, "]\012/Border [0 0 0]\012/P %u %u R\012/Dest [%u %u R /XYZ ",
		  (unsigned)obj_num(l->on), (unsigned)l->on->header.gen_no,
		  (unsigned)obj_num(l->to), (unsigned)l->to->header.gen_no);
	num(&b, l->left);
	sb_putc(&b, ' ');
	num(&b, l->top);
	sb_puts(&b, " 0]\012");
	if (l->print)
		sb_puts(&b, "/F 4\012");
	if (l->struct_parent >= 0) {
		char key[16];
		snprintf(key, sizeof key, "%d", l->struct_parent);
		sb_puts(&b, "/StructParent ");
		sb_puts(&b, key);
		sb_puts(&b, "\012/Contents ");
		tags_hex_text(&b, l->contents);
		sb_putc(&b, '\012');
	}
	HPDF_STATUS rc = HPDF_Stream_WriteStr(out, sb_str(&b));
	sb_free(&b);
	return rc;
}

static HPDF_Dict add_link(emitter *e, HPDF_Page page, link_rec *l)
{
	HPDF_Dict a = HPDF_Dict_New(e->pdf->mmgr);
	if (a == NULL || HPDF_Xref_Add(e->pdf->xref, a) != HPDF_OK)
		return NULL;
	a->attr = l;
	a->write_fn = write_link;
	HPDF_Array annots = HPDF_Dict_GetItem(page, "Annots", HPDF_OCLASS_ARRAY);
	if (annots == NULL) {
		annots = HPDF_Array_New(e->pdf->mmgr);
		if (annots == NULL || HPDF_Dict_Add(page, "Annots", annots) != HPDF_OK)
			return NULL;
	}
	return HPDF_Array_Add(annots, a) == HPDF_OK ? a : NULL;
}

static unsigned count_links(const lay_result *res)
{
	unsigned n = 0;
	for (unsigned p = 0; p < res->npages; p++)
		for (unsigned i = 0; i < res->pages[p].nitems; i++)
			n += res->pages[p].items[i].kind == LI_LINK;
	return n;
}

static int emit_links(emitter *e, const dest_at *dests)
{
	char key[24];
	e->links = xcalloc((size_t)count_links(e->res) + 1, sizeof(link_rec));
	unsigned nlinks = 0, seq = 0; /* seq: the link items, as tags_link met them */
	for (unsigned p = 0; p < e->res->npages; p++) {
		const lay_page *pg = &e->res->pages[p];
		for (unsigned i = 0; i < pg->nitems; i++) {
			const lay_item *it = &pg->items[i];
			if (it->kind != LI_LINK)
				continue;
			HPDF_Dict annot = NULL;
			HPDF_Rect r;
			r.left = pt(e->ox + it->x);
			r.right = pt(e->ox + it->x + it->w);
			r.top = pt(e->oy + e->res->height - it->y);
			r.bottom = pt(e->oy + e->res->height - it->y - it->h);
			if (it->uri) {
				/* the target percent-encoded where a URI may not
				 * hold it as written (util/uri.h) */
				strbuf u = STRBUF_INIT;
				uri_escape(&u, it->uri);
				HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(e->pages[p], r,
										 sb_str(&u));
				sb_free(&u);
				annot = a;
				if (a) {
					HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
					/* PDF/A: annotations print (the Print flag) */
					if (is_pdfa(e))
						HPDF_Dict_AddNumber(a, "F", 4);
				}
			} else if (it->node) {
				snprintf(key, sizeof key, "%u", it->node->serial);
				void *v = hash_get(e->dests, key);
				if (v == NULL) {
					seq++;
					continue; /* a target that is not printed */
				}
				const dest_at *d = &dests[(size_t)v - 1];
				link_rec *l = &e->links[nlinks++];
				*l = (link_rec){ { r.left, r.bottom, r.right, r.top },
						 e->pages[p], e->pages[d->page],
						 pt(e->ox), pt(e->oy + dest_top(e, d->y)), is_pdfa(e),
						 -1, NULL };
				annot = add_link(e, e->pages[p], l);
				if (annot == NULL && e->err.code == 0)
					e->err.code = HPDF_FAILD_TO_ALLOC_MEM;
			}
			if (annot && e->tags) {
				const char *contents;
				int sp = tags_link_annot(e->tags, seq, annot, e->pages[p], &contents);
				if (it->uri) {
					tags_link_keys(e->tags, annot, sp, contents);
				} else {
					e->links[nlinks - 1].struct_parent = sp;
					e->links[nlinks - 1].contents = contents;
				}
			}
			seq++;
			if (failed(e, "adding a link"))
				return -1;
		}
	}
	return 0;
}

static int emit_outline(emitter *e)
{
	HPDF_Encoder enc = HPDF_GetEncoder(e->pdf, "UTF-8");
	HPDF_Outline parents[8] = { 0 };
	for (unsigned i = 0; i < e->res->noutline; i++) {
		const lay_outline *o = &e->res->outline[i];
		int level = o->level < 1 ? 1 : o->level > 7 ? 7 : o->level;
		HPDF_Outline parent = NULL;
		for (int l = level - 1; l >= 1 && parent == NULL; l--)
			parent = parents[l];
		/* collapse white space for the bookmark */
		strbuf b = STRBUF_INIT;
		int sp = 0;
		for (const char *s = o->title; *s; s++) {
			if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
				sp = b.len > 0;
				continue;
			}
			if (sp)
				sb_putc(&b, ' ');
			sp = 0;
			sb_putc(&b, *s);
		}
		HPDF_Outline ol = HPDF_CreateOutline(e->pdf, parent, sb_str(&b), enc);
		sb_free(&b);
		if (ol == NULL || failed(e, "adding a bookmark"))
			return -1;
		HPDF_Outline_SetOpened(ol, HPDF_FALSE);
		HPDF_Destination d = make_dest(e, (unsigned)o->page, o->y);
		if (d)
			HPDF_Outline_SetDestination(ol, d);
		parents[level] = ol;
		for (int l = level + 1; l < 8; l++)
			parents[l] = NULL;
		if (failed(e, "adding a bookmark"))
			return -1;
	}
	return 0;
}

/* ---- document ---- */

static struct tm when(int64_t epoch)
{
	if (epoch < 0)
		epoch = 0; /* folio_output_date never gives one */
	time_t t = (time_t)epoch;
	struct tm tm;
	gmtime_r(&t, &tm);
	return tm;
}

static void set_dates(emitter *e, int64_t epoch)
{
	HPDF_Date d;
	memset(&d, 0, sizeof d);
	struct tm tm = when(epoch);
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	d.hour = tm.tm_hour;
	d.minutes = tm.tm_min;
	d.seconds = tm.tm_sec;
	d.ind = '+';
	d.off_hour = 0;
	d.off_minutes = 0;
	HPDF_SetInfoDateAttr(e->pdf, HPDF_INFO_CREATION_DATE, d);
	HPDF_SetInfoDateAttr(e->pdf, HPDF_INFO_MOD_DATE, d);
}

#define CREATOR "folio " FOLIO_VERSION
#define PRODUCER "folio " FOLIO_VERSION " (libharu)"

/* PDF/X needs a title; a document without one is named by its file. */
static const char *doc_title(const emitter *e)
{
	if (e->res->title && e->res->title[0])
		return e->res->title;
	return e->plain ? NULL : "Untitled";
}

static void set_info(emitter *e, int64_t epoch)
{
	const lay_result *r = e->res;
	const char *title = doc_title(e);
	if (title)
		HPDF_SetInfoAttr(e->pdf, HPDF_INFO_TITLE, title);
	if (r->author)
		HPDF_SetInfoAttr(e->pdf, HPDF_INFO_AUTHOR, r->author);
	if (r->subject)
		HPDF_SetInfoAttr(e->pdf, HPDF_INFO_SUBJECT, r->subject);
	if (r->keywords && r->keywords[0])
		HPDF_SetInfoAttr(e->pdf, HPDF_INFO_KEYWORDS, r->keywords);
	HPDF_SetInfoAttr(e->pdf, HPDF_INFO_CREATOR, CREATOR);
	HPDF_SetInfoAttr(e->pdf, HPDF_INFO_PRODUCER, PRODUCER);
	set_dates(e, epoch);
}

/* A string object in PDFDocEncoding bytes (ASCII here). */
static HPDF_String ascii(emitter *e, const char *s)
{
	return HPDF_String_New(e->pdf->mmgr, s, NULL);
}

static int add_output_intent(emitter *e, HPDF_Dict intent)
{
	HPDF_Array list = HPDF_Array_New(e->pdf->mmgr);
	if (list == NULL || failed(e, "writing the output intent"))
		return -1;
	HPDF_Dict_Add(e->pdf->catalog, "OutputIntents", list);
	HPDF_Array_Add(list, intent);
	return failed(e, "writing the output intent") ? -1 : 0;
}

/*
 * PDF/X-1a:2001 (ISO 15930-1): the version keys and Trapped in the Info
 * dictionary, and an output intent naming a registered printing
 * condition.  No CMYK profile is free in Debian; a registered condition
 * (ICC's registry) needs none.
 */
static int write_pdfx(emitter *e)
{
	HPDF_Dict info = e->pdf->info;
	HPDF_Dict_Add(info, "GTS_PDFXVersion", ascii(e, "PDF/X-1:2001"));
	HPDF_Dict_Add(info, "GTS_PDFXConformance", ascii(e, "PDF/X-1a:2001"));
	HPDF_Dict_AddName(info, "Trapped", "False");
	HPDF_Dict intent = HPDF_Dict_New(e->pdf->mmgr);
	if (intent == NULL || failed(e, "writing the output intent"))
		return -1;
	HPDF_Dict_AddName(intent, "Type", "OutputIntent");
	HPDF_Dict_AddName(intent, "S", "GTS_PDFX");
	HPDF_Dict_Add(intent, "OutputConditionIdentifier", ascii(e, "FOGRA39"));
	HPDF_Dict_Add(intent, "OutputCondition",
		      ascii(e, "Offset printing, coated paper (ISO 12647-2:2004)"));
	HPDF_Dict_Add(intent, "RegistryName", ascii(e, "http://www.color.org"));
	HPDF_Dict_Add(intent, "Info", ascii(e, "Coated FOGRA39 (ISO 12647-2:2004)"));
	if (failed(e, "writing the PDF/X keys"))
		return -1;
	return add_output_intent(e, intent);
}


static void iso_date(char *buf, size_t n, int64_t epoch)
{
	struct tm tm = when(epoch);
	/* The fields are bounded (a year of at most four digits comes from
	 * when()), which the compiler cannot see: ask strftime instead. */
	if (strftime(buf, n, "%Y-%m-%dT%H:%M:%S+00:00", &tm) == 0 && n)
		buf[0] = '\0';
}

/*
 * PDF/A-1b or -2b (ISO 19005): our own XMP packet (escaped, /Subtype
 * /XML, uncompressed), an sRGB output intent with its profile, a CIDSet
 * for every font.
 */
static int write_pdfa(emitter *e)
{
	size_t icc_len = 0;
	char *icc = NULL;
	int rc = file_read_all(SRGB_PROFILE, 16u << 20, &icc, &icc_len);
	if (rc) {
		folio_report(e->diag, FOLIO_FATAL, (folio_loc){ SRGB_PROFILE, 0, 0 },
			     "cannot read the sRGB profile PDF/A needs: %s "
			     "(Debian package icc-profiles-free)", strerror(rc));
		return -1;
	}
	HPDF_Dict profile = HPDF_DictStream_New(e->pdf->mmgr, e->pdf->xref);
	if (profile == NULL || failed(e, "writing the ICC profile")) {
		free(icc);
		return -1;
	}
	profile->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	HPDF_Dict_AddNumber(profile, "N", 3);
	HPDF_Stream_Write(profile->stream, (const HPDF_BYTE *)icc, (HPDF_UINT)icc_len);
	free(icc);
	HPDF_Dict intent = HPDF_Dict_New(e->pdf->mmgr);
	if (intent == NULL || failed(e, "writing the output intent"))
		return -1;
	HPDF_Dict_AddName(intent, "Type", "OutputIntent");
	HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
	HPDF_Dict_Add(intent, "OutputConditionIdentifier", ascii(e, "sRGB IEC61966-2.1"));
	HPDF_Dict_Add(intent, "RegistryName", ascii(e, "http://www.color.org"));
	HPDF_Dict_Add(intent, "Info", ascii(e, "sRGB IEC61966-2.1"));
	HPDF_Dict_Add(intent, "DestOutputProfile", profile);
	if (add_output_intent(e, intent) < 0)
		return -1;

	return 0;
}

/* A tagged document claims PDF/UA-1 when folio's checks of it hold
 * (tags_conforming) and it has a title for dc:title. */
static int claims_pdfua(const emitter *e)
{
	return e->tags && tags_conforming(e->tags) && e->res->title && e->res->title[0];
}

/*
 * The XMP packet (xmp.c): PDF/A's identification and, in a tagged file,
 * PDF/UA's; uncompressed, as PDF/A asks.  A tagged PDF/A-2 file is
 * PDF/A-2a (conformance A: tagged, Unicode text, languages); PDF/A-1
 * stays 1b (doc/print.md).
 */
static int write_xmp(emitter *e, int64_t epoch)
{
	char date[40];
	iso_date(date, sizeof date, epoch);
	const lay_result *r = e->res;
	int part = e->print->standard == PDF_STD_A2B ? 2 : e->print->standard == PDF_STD_A1B;
	xmp_info x = {
		.title = doc_title(e), .author = r->author, .subject = r->subject,
		.keywords = r->keywords && r->keywords[0] ? r->keywords : NULL,
		.creator_tool = CREATOR, .producer = PRODUCER, .date = date,
		.pdfa_part = part,
		.pdfa_conformance = part == 2 && e->tags ? "A" : "B",
		.pdfua_part = claims_pdfua(e),
	};
	char *packet = xmp_packet(&x);
	HPDF_Dict meta = HPDF_DictStream_New(e->pdf->mmgr, e->pdf->xref);
	if (meta == NULL || failed(e, "writing the XMP metadata")) {
		free(packet);
		return -1;
	}
	meta->filter = HPDF_STREAM_FILTER_NONE;
	HPDF_Dict_AddName(meta, "Type", "Metadata");
	HPDF_Dict_AddName(meta, "Subtype", "XML");
	HPDF_Stream_WriteStr(meta->stream, packet);
	free(packet);
	HPDF_Dict_Add(e->pdf->catalog, "Metadata", meta);
	if (failed(e, "writing the XMP metadata"))
		return -1;
	return 0;
}

/* The trailer's /ID: an MD5 of what was written (text, geometry, dates),
 * so the same sources give the same ID and the file stays reproducible. */
static int write_id(emitter *e, int64_t epoch)
{
	struct { fx w, h, media_w, media_h; int64_t epoch; unsigned n; int std; } k = {
		e->res->width, e->res->height, e->media_w, e->media_h, epoch,
		e->res->npages, e->print->standard
	};
	HPDF_MD5Update(&e->id, (const HPDF_BYTE *)&k, sizeof k);
	const char *title = doc_title(e);
	if (title)
		HPDF_MD5Update(&e->id, (const HPDF_BYTE *)title, (HPDF_UINT32)strlen(title));
	HPDF_BYTE digest[HPDF_MD5_KEY_LEN];
	HPDF_MD5Final(digest, &e->id);
	HPDF_Array id = HPDF_Array_New(e->pdf->mmgr);
	if (id == NULL || failed(e, "writing the document ID"))
		return -1;
	HPDF_Dict_Add(e->pdf->trailer, "ID", id);
	HPDF_Array_Add(id, HPDF_Binary_New(e->pdf->mmgr, digest, HPDF_MD5_KEY_LEN));
	HPDF_Array_Add(id, HPDF_Binary_New(e->pdf->mmgr, digest, HPDF_MD5_KEY_LEN));
	return failed(e, "writing the document ID") ? -1 : 0;
}

/* Where the trim sits on the output page and how large that page is. */
static void set_geometry(emitter *e)
{
	const pdf_print *p = e->print;
	e->trim_w = e->res->width * (p->impose == IMPOSE_NONE ? 1 : 2);
	e->trim_h = e->res->height;
	fx edge = p->bleed + print_marks_margin(p);
	e->ox = e->oy = edge;
	e->media_w = e->trim_w + 2 * edge;
	e->media_h = e->trim_h + 2 * edge;
}

typedef VEC(dest_at) dest_vec;

static void record_dests(emitter *e, dest_vec *dests)
{
	for (unsigned p = 0; p < e->res->npages; p++)
		for (unsigned i = 0; i < e->res->pages[p].nitems; i++) {
			const lay_item *it = &e->res->pages[p].items[i];
			if (it->kind != LI_DEST || it->node == NULL)
				continue;
			char key[24];
			snprintf(key, sizeof key, "%u", it->node->serial);
			if (hash_get(e->dests, key))
				continue;
			dest_at d = { p, it->x, it->y };
			VEC_PUSH(*dests, d);
			hash_put(e->dests, xstrdup(key), (void *)dests->n);
		}
}

/* Pages, then what points into them: links (not under PDF/X, which bars
 * annotations from the trim), bookmarks, page labels.  An imposed file
 * is for the press: sheets only. */
static int emit_body(emitter *e)
{
	const lay_result *res = e->res;
	if (e->print->impose != IMPOSE_NONE)
		return emit_imposed(e);
	dest_vec dests = { 0 };
	record_dests(e, &dests);
	int rc = -1;
	for (unsigned p = 0; p < res->npages; p++)
		if (emit_page(e, p) < 0)
			goto done;
	for (unsigned p = res->npages; e->print->pad4 && p % 4 != 0; p++)
		if (emit_padding(e) < 0)
			goto done;
	if (e->print->standard != PDF_STD_X1A && emit_links(e, dests.v) < 0)
		goto done;
	if (emit_outline(e) < 0)
		goto done;
	for (unsigned i = 0; i < res->nlabels; i++) {
		const lay_pagelabel *l = &res->labels[i];
		HPDF_AddPageLabel(e->pdf, l->first_page,
				  l->roman ? HPDF_PAGE_NUM_STYLE_LOWER_ROMAN
					   : HPDF_PAGE_NUM_STYLE_DECIMAL,
				  l->start, NULL);
	}
	rc = failed(e, "writing page labels") ? -1 : 0;
done:
	{
		size_t pos = 0;
		const char *k;
		void *v;
		while (hash_next(e->dests, &pos, &k, &v))
			free((char *)k);
	}
	VEC_FREE(dests);
	return rc;
}

static int write_document(emitter *e, int64_t source_date)
{
	HPDF_SetCompressionMode(e->pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(e->pdf);
	HPDF_SetCurrentEncoder(e->pdf, "UTF-8");
	if (e->print->impose == IMPOSE_NONE)
		HPDF_SetPageMode(e->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
	if (failed(e, "setting up the document"))
		return -1;
	set_geometry(e);
	if (emit_body(e) < 0)
		return -1;
	set_info(e, source_date);
	if (pdf_fonts_finish(e->pfonts, is_pdfa(e)) < 0 || failed(e, "writing the fonts"))
		return -1;
	if (e->tags && (tags_finish(e->tags) < 0 || failed(e, "writing the structure")))
		return -1;
	int std = e->print->standard;
	if (std == PDF_STD_X1A) {
		e->pdf->pdf_version = HPDF_VER_13;
		if (write_pdfx(e) < 0)
			return -1;
	} else if (std == PDF_STD_A1B || std == PDF_STD_A2B) {
		e->pdf->pdf_version = std == PDF_STD_A1B ? HPDF_VER_14 : HPDF_VER_17;
		if (write_pdfa(e) < 0)
			return -1;
	} else if (e->tags) {
		e->pdf->pdf_version = HPDF_VER_17; /* PDF/UA-1 is ISO 32000-1's */
	}
	if ((is_pdfa(e) || e->tags) && write_xmp(e, source_date) < 0)
		return -1;
	if (std != PDF_STD_NONE && write_id(e, source_date) < 0)
		return -1;
	int saved = pdf_save(e->pdf, e->path, e->shown, e->diag);
	if (saved > 0 || failed(e, "writing the file"))
		return -1;
	if (saved < 0) {
		folio_report(e->diag, FOLIO_FATAL, (folio_loc){ e->shown, 0, 0 },
			     "cannot write: libharu could not save the document");
		return -1;
	}
	return 0;
}

int pdf_emit(const lay_result *res, lay_fonts *fonts, const char *path,
	     const char *shown, int64_t source_date, const pdf_print *print, folio_diag *diag)
{
	static const pdf_print screen; /* all zero: no print settings */
	emitter e;
	memset(&e, 0, sizeof e);
	e.diag = diag;
	e.res = res;
	e.fonts = fonts;
	e.path = path;
	e.shown = shown ? shown : path;
	e.print = print ? print : &screen;
	e.plain = print_is_plain(e.print);
	HPDF_MD5Init(&e.id);
	e.pdf = HPDF_New(on_error, &e.err);
	if (e.pdf == NULL) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ path, 0, 0 },
			     "libharu cannot start a document");
		return -1;
	}
	e.squeeze = squeeze_new();
	e.pfonts = pdf_fonts_new(e.pdf, fonts, diag, e.squeeze);
	e.svgs = pdf_svgs_new(e.pdf, e.squeeze, diag);
	e.pages = xcalloc(res->npages + 1, sizeof(HPDF_Page));
	e.images = hash_new();
	e.dests = hash_new();
	if (e.print->tagged && e.print->impose == IMPOSE_NONE)
		e.tags = tags_new(e.pdf, res, e.print->bleed + print_marks_margin(e.print),
				  e.print->bleed + print_marks_margin(e.print), diag);
	int rc = write_document(&e, source_date);
	HPDF_Free(e.pdf);
	pdf_fonts_free(e.pfonts);
	pdf_svgs_free(e.svgs);
	squeeze_free(e.squeeze);
	free(e.links);
	free(e.pages);
	hash_free(e.images);
	hash_free(e.dests);
	tags_free(e.tags);
	return rc;
}
