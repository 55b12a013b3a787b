/*
 * emit_hpdf: writes a laid-out document with libharu.  The only file of
 * folio that includes hpdf.h.
 *
 * What libharu lacks is done here with its exported internals, as
 * LIBRARIES.md records:
 *   - text goes out as raw TJ arrays of UTF-16BE codes (the codes of its
 *     UTF-8 encoder), with a number before each glyph that is not where
 *     libharu's own widths would put it: so kerning and justification are
 *     exactly the layout's;
 *   - the ToUnicode CMap libharu writes is malformed (poppler warns on
 *     every page); it is rewritten as bfranges for the codes used;
 *   - link destinations get zoom 0 ("keep the reader's zoom"), which
 *     SetXYZ refuses.
 * libharu reports errors through a handler that only records the first
 * one; every step checks it and the first error stops the output.
 */
#include "backend/pdf/emit.h"
#include "folio/folio.h"
#include "util/hash.h"
#include "util/strbuf.h"

#include <hpdf.h>
#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

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
	HPDF_Font *font;        /* by face index, NULL until used */
	unsigned char (*used)[256]; /* per face: high bytes of codes used */
	int32_t **widths;       /* per face: libharu's widths, -1 unknown */
	HPDF_Page *pages;
	folio_hash *images;     /* path -> HPDF_Image */
	folio_hash *dests;      /* node serial -> dest index + 1 */
	const char *path;
} emitter;

static int failed(emitter *e, const char *what)
{
	if (e->err.code == 0)
		return 0;
	folio_report(e->diag, FOLIO_FATAL, (folio_loc){ e->path, 0, 0 },
		     "libharu error 0x%04X (detail %u) while %s",
		     (unsigned)e->err.code, (unsigned)e->err.detail, what);
	return 1;
}

static float pt(fx v)
{
	return (float)v / 1000.0f;
}

/* ---- fonts ---- */

static HPDF_Font load_font(emitter *e, int face)
{
	if (e->font[face])
		return e->font[face];
	const char *file = fonts_file(e->fonts, face);
	const char *name;
	if (fonts_file_index(e->fonts, face) > 0 ||
	    (strlen(file) > 4 && strcmp(file + strlen(file) - 4, ".ttc") == 0))
		name = HPDF_LoadTTFontFromFile2(e->pdf, file,
						(HPDF_UINT)fonts_file_index(e->fonts, face),
						HPDF_TRUE);
	else
		name = HPDF_LoadTTFontFromFile(e->pdf, file, HPDF_TRUE);
	if (name == NULL || e->err.code) {
		folio_report(e->diag, FOLIO_FATAL, (folio_loc){ file, 0, 0 },
			     "libharu cannot load this font (error 0x%04X, detail %u)",
			     (unsigned)e->err.code, (unsigned)e->err.detail);
		return NULL;
	}
	HPDF_Font f = HPDF_GetFont(e->pdf, name, "UTF-8");
	if (f == NULL || failed(e, "opening a font"))
		return NULL;
	e->font[face] = f;
	return f;
}

/* A ToUnicode CMap that says what the codes are: UTF-16 code units. */
static void fix_tounicode(emitter *e, int face)
{
	HPDF_Dict font = (HPDF_Dict)e->font[face];
	HPDF_FontAttr attr = font->attr;
	if (attr == NULL || attr->cmap_stream == NULL ||
	    attr->cmap_stream->stream == NULL)
		return;
	HPDF_Stream s = attr->cmap_stream->stream;
	HPDF_MemStream_FreeData(s);
	strbuf b = STRBUF_INIT;
	sb_puts(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
		    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	unsigned highs[256], n = 0;
	for (unsigned h = 0; h < 256; h++)
		if (e->used[face][h] && !(h >= 0xD8 && h <= 0xDF))
			highs[n++] = h;
	for (unsigned i = 0; i < n; i += 100) {
		unsigned m = n - i < 100 ? n - i : 100;
		sb_printf(&b, "%u beginbfrange\n", m);
		for (unsigned k = 0; k < m; k++) {
			unsigned h = highs[i + k];
			sb_printf(&b, "<%02X00> <%02XFF> <%02X00>\n", h, h, h);
		}
		sb_puts(&b, "endbfrange\n");
	}
	sb_puts(&b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	HPDF_Stream_WriteStr(s, sb_str(&b));
	sb_free(&b);
}

/* ---- text ---- */

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

/* libharu's width of a code point (the one its /W array says), cached:
 * asking libharu costs a glyph lookup every time. */
static int lib_width(emitter *e, int face, HPDF_Font font, uint32_t cp)
{
	if (e->widths[face] == NULL) {
		e->widths[face] = xmalloc(65536 * sizeof(int32_t));
		for (size_t i = 0; i < 65536; i++)
			e->widths[face][i] = -1;
	}
	int32_t *w = &e->widths[face][cp & 0xFFFF];
	if (*w < 0)
		*w = HPDF_Font_GetUnicodeWidth(font, (HPDF_UNICODE)cp);
	return *w;
}

static int emit_text(emitter *e, HPDF_Page page, const lay_item *it)
{
	HPDF_Font font = load_font(e, it->face);
	if (font == NULL)
		return -1;
	float size = pt(it->size);
	HPDF_Page_BeginText(page);
	HPDF_Page_SetFontAndSize(page, font, size);
	HPDF_Page_MoveTextPos(page, pt(it->x), pt(e->res->height - it->y));
	strbuf b = STRBUF_INIT;
	sb_putc(&b, '[');
	fx pen = 0;
	int open = 0;
	for (unsigned i = 0; i < it->n; i++) {
		uint32_t cp = it->g[i].cp;
		if (cp > 0xFFFF)
			cp = 0xFFFD;
		fx d = it->g[i].x - pen;
		if (d > 0 || d < 0) {
			if (open) {
				sb_putc(&b, '>');
				open = 0;
			}
			num(&b, -(double)d * 1000.0 / (double)it->size);
		}
		if (!open) {
			sb_putc(&b, '<');
			open = 1;
		}
		static const char hex[] = "0123456789ABCDEF";
		char code[4] = { hex[cp >> 12 & 15], hex[cp >> 8 & 15],
				 hex[cp >> 4 & 15], hex[cp & 15] };
		sb_putn(&b, code, 4);
		e->used[it->face][cp >> 8] = 1;
		int w = lib_width(e, it->face, font, cp);
		pen = it->g[i].x + (fx)((int64_t)w * it->size / 1000);
	}
	if (open)
		sb_putc(&b, '>');
	sb_puts(&b, "] TJ\n");
	HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
	HPDF_Stream_WriteStr(attr->stream, sb_str(&b));
	sb_free(&b);
	HPDF_Page_EndText(page);
	return failed(e, "writing text") ? -1 : 0;
}

static int emit_image(emitter *e, HPDF_Page page, const lay_item *it)
{
	HPDF_Image img = hash_get(e->images, it->uri);
	if (img == NULL) {
		size_t n = strlen(it->uri);
		int png = n > 4 && (strcasecmp(it->uri + n - 4, ".png") == 0);
		FILE *fp = fopen(it->uri, "rb");
		unsigned char sig = 0;
		if (fp) {
			if (fread(&sig, 1, 1, fp) == 1)
				png = sig == 0x89;
			fclose(fp);
		}
		img = png ? HPDF_LoadPngImageFromFile(e->pdf, it->uri)
			  : HPDF_LoadJpegImageFromFile(e->pdf, it->uri);
		if (img == NULL || e->err.code) {
			folio_loc loc = it->node ? it->node->loc : (folio_loc){ it->uri, 0, 0 };
			folio_report(e->diag, FOLIO_ERROR, loc,
				     "cannot decode image %s (libharu error 0x%04X)",
				     it->uri, (unsigned)e->err.code);
			return -1;
		}
		hash_put(e->images, it->uri, img);
	}
	HPDF_Page_DrawImage(page, img, pt(it->x), pt(e->res->height - it->y - it->h),
			    pt(it->w), pt(it->h));
	return failed(e, "drawing an image") ? -1 : 0;
}

static int emit_page(emitter *e, unsigned index)
{
	const lay_page *pg = &e->res->pages[index];
	HPDF_Page page = HPDF_AddPage(e->pdf);
	if (page == NULL || failed(e, "adding a page"))
		return -1;
	HPDF_Page_SetWidth(page, pt(e->res->width));
	HPDF_Page_SetHeight(page, pt(e->res->height));
	e->pages[index] = page;
	for (unsigned i = 0; i < pg->nitems; i++) {
		const lay_item *it = &pg->items[i];
		switch (it->kind) {
		case LI_TEXT:
			if (emit_text(e, page, it) < 0)
				return -1;
			break;
		case LI_RULE:
			HPDF_Page_Rectangle(page, pt(it->x), pt(e->res->height - it->y - it->h),
					    pt(it->w), pt(it->h));
			HPDF_Page_Fill(page);
			if (failed(e, "drawing a rule"))
				return -1;
			break;
		case LI_IMAGE:
			if (emit_image(e, page, it) < 0)
				return -1;
			break;
		default:
			break;
		}
	}
	return 0;
}

/* ---- links, outline ---- */

typedef struct dest_at {
	unsigned page;
	fx x, y;
} dest_at;

static HPDF_Destination make_dest(emitter *e, unsigned page, fx y)
{
	HPDF_Destination d = HPDF_Page_CreateDestination(e->pages[page]);
	if (d == NULL)
		return NULL;
	fx top = e->res->height - y + 4 * FX_PT;
	if (top > e->res->height)
		top = e->res->height;
	HPDF_Destination_SetXYZ(d, 0, pt(top), 1);
	/* zoom 0 means "unchanged" (ISO 32000-1, 12.3.2.2); libharu
	 * refuses it, so it is set after the fact */
	HPDF_Real zoom = HPDF_Array_GetItem(d, 4, HPDF_OCLASS_REAL);
	if (zoom)
		zoom->value = 0;
	return d;
}

static int emit_links(emitter *e, const dest_at *dests)
{
	char key[24];
	for (unsigned p = 0; p < e->res->npages; p++) {
		const lay_page *pg = &e->res->pages[p];
		for (unsigned i = 0; i < pg->nitems; i++) {
			const lay_item *it = &pg->items[i];
			if (it->kind != LI_LINK)
				continue;
			HPDF_Rect r;
			r.left = pt(it->x);
			r.right = pt(it->x + it->w);
			r.top = pt(e->res->height - it->y);
			r.bottom = pt(e->res->height - it->y - it->h);
			HPDF_Annotation a = NULL;
			if (it->uri) {
				a = HPDF_Page_CreateURILinkAnnot(e->pages[p], r, it->uri);
			} else if (it->node) {
				snprintf(key, sizeof key, "%u", it->node->serial);
				void *v = hash_get(e->dests, key);
				if (v == NULL)
					continue; /* a target that is not printed */
				const dest_at *d = &dests[(size_t)v - 1];
				HPDF_Destination dst = make_dest(e, d->page, d->y);
				if (dst)
					a = HPDF_Page_CreateLinkAnnot(e->pages[p], r, dst);
			}
			if (a)
				HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
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

static void set_dates(emitter *e, int64_t epoch)
{
	HPDF_Date d;
	memset(&d, 0, sizeof d);
	if (epoch < 0)
		epoch = 946684800; /* 2000-01-01: never the clock */
	time_t t = (time_t)epoch;
	struct tm tm;
	gmtime_r(&t, &tm);
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

static void set_info(emitter *e, int64_t epoch)
{
	const lay_result *r = e->res;
	if (r->title)
		HPDF_SetInfoAttr(e->pdf, HPDF_INFO_TITLE, r->title);
	if (r->author)
		HPDF_SetInfoAttr(e->pdf, HPDF_INFO_AUTHOR, r->author);
	if (r->subject)
		HPDF_SetInfoAttr(e->pdf, HPDF_INFO_SUBJECT, r->subject);
	if (r->keywords && r->keywords[0])
		HPDF_SetInfoAttr(e->pdf, HPDF_INFO_KEYWORDS, r->keywords);
	HPDF_SetInfoAttr(e->pdf, HPDF_INFO_CREATOR, "folio " FOLIO_VERSION);
	HPDF_SetInfoAttr(e->pdf, HPDF_INFO_PRODUCER, "folio " FOLIO_VERSION " (libharu)");
	set_dates(e, epoch);
}

int pdf_emit(const lay_result *res, lay_fonts *fonts, const char *path,
	     int64_t source_date, folio_diag *diag)
{
	emitter e;
	memset(&e, 0, sizeof e);
	e.diag = diag;
	e.res = res;
	e.fonts = fonts;
	e.path = path;
	e.pdf = HPDF_New(on_error, &e.err);
	if (e.pdf == NULL) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ path, 0, 0 },
			     "libharu cannot start a document");
		return -1;
	}
	int nf = fonts_count(fonts);
	e.font = xcalloc((size_t)nf + 1, sizeof(HPDF_Font));
	e.used = xcalloc((size_t)nf + 1, sizeof(*e.used));
	e.widths = xcalloc((size_t)nf + 1, sizeof(*e.widths));
	e.pages = xcalloc(res->npages + 1, sizeof(HPDF_Page));
	e.images = hash_new();
	e.dests = hash_new();
	int rc = -1;
	HPDF_SetCompressionMode(e.pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(e.pdf);
	HPDF_SetCurrentEncoder(e.pdf, "UTF-8");
	HPDF_SetPageMode(e.pdf, HPDF_PAGE_MODE_USE_OUTLINE);
	if (failed(&e, "setting up the document"))
		goto out;
	/* where every anchored node is */
	VEC(dest_at) dests = { 0 };
	strbuf keys = STRBUF_INIT;
	for (unsigned p = 0; p < res->npages; p++)
		for (unsigned i = 0; i < res->pages[p].nitems; i++) {
			const lay_item *it = &res->pages[p].items[i];
			if (it->kind != LI_DEST || it->node == NULL)
				continue;
			char key[24];
			snprintf(key, sizeof key, "%u", it->node->serial);
			if (hash_get(e.dests, key))
				continue;
			dest_at d = { p, it->x, it->y };
			VEC_PUSH(dests, d);
			hash_put(e.dests, xstrdup(key), (void *)dests.n);
		}
	for (unsigned p = 0; p < res->npages; p++)
		if (emit_page(&e, p) < 0)
			goto done;
	if (emit_links(&e, dests.v) < 0 || emit_outline(&e) < 0)
		goto done;
	for (unsigned i = 0; i < res->nlabels; i++) {
		const lay_pagelabel *l = &res->labels[i];
		HPDF_AddPageLabel(e.pdf, l->first_page,
				  l->roman ? HPDF_PAGE_NUM_STYLE_LOWER_ROMAN
					   : HPDF_PAGE_NUM_STYLE_DECIMAL,
				  l->start, NULL);
	}
	set_info(&e, source_date);
	for (int f = 0; f < nf; f++)
		if (e.font[f])
			fix_tounicode(&e, f);
	if (failed(&e, "finishing the document"))
		goto done;
	HPDF_SaveToFile(e.pdf, path);
	if (failed(&e, "writing the file"))
		goto done;
	rc = 0;
done:
	{
		size_t pos = 0;
		const char *k;
		void *v;
		while (hash_next(e.dests, &pos, &k, &v))
			free((char *)k);
	}
	VEC_FREE(dests);
	sb_free(&keys);
out:
	HPDF_Free(e.pdf);
	free(e.font);
	free(e.used);
	for (int f = 0; f < nf; f++)
		free(e.widths[f]);
	free(e.widths);
	free(e.pages);
	hash_free(e.images);
	hash_free(e.dests);
	return rc;
}
