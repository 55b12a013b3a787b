/*
 * cover.c: the cover folio makes for a book whose source has none, so
 * that shops, libraries and reading systems show the book by more than
 * its file name.  It owns the cover's design (title, subtitle, the
 * makers, the publisher, set in the style's text family), the SVG that
 * becomes the package's cover-image, and its PNG rendering for reading
 * systems that show only raster covers (drawn by coverdraw.c with
 * librsvg, in the style's font files alone, and kept between builds by
 * covercache.c, as drawing costs more than the rest of the EPUB).  Lines
 * are broken by the advances of those same fonts (layout's font set,
 * HarfBuzz), so the SVG's lines fit as the PNG shows them.
 */
#include "backend/epub/covercache.h"
#include "backend/epub/coverdraw.h"
#include "backend/epub/epub.h"
#include "layout/fonts.h"
#include "layout/layout.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/vec.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The cover's size in CSS pixels (2:3, as e-book shops ask). */
enum { COVER_W = 1200, COVER_H = 1800, MARGIN = 110 };
#define MAX_MAKERS 6

typedef struct cover_face {
	int face;                 /* in the measuring font set */
	int bold, italic;
} cover_face;

typedef struct cover_text {
	strbuf svg;
	lay_fonts *fonts;         /* the manifest's faces, for widths */
	const char *family;
	double y;                 /* the next baseline */
} cover_text;

static const char BACKGROUND[] = "#1d3557";
static const char INK[] = "#ffffff";
static const char SOFT_INK[] = "#dbe4ee";
static const char RULE[] = "#e9c46a";

/* ---- fonts ---- */

static void quiet(void *ctx, folio_severity sev, folio_loc loc, const char *msg)
{
	(void)ctx, (void)sev, (void)loc, (void)msg;
}

/* The style's text family as the font manifest lists it. */
static int text_family(epub_ctx *c, layout_family *fam)
{
	folio_render_opts lo = *c->opts;
	size_t n = lo.style_path ? strlen(lo.style_path) : 0;
	if (n >= 4 && strcmp(lo.style_path + n - 4, ".css") == 0)
		lo.style_path = NULL; /* a CSS file is the EPUB's, not a page style */
	folio_diag *d = folio_diag_new(quiet, NULL);
	int rc = layout_text_family(&lo, d, fam);
	folio_diag_free(d);
	return rc;
}

/* The font manifest beside the styles folder, as layout finds it. */
static char *manifest_path(const folio_render_opts *o)
{
	const char *sd = o->styles_dir ? o->styles_dir : "styles";
	size_t n = strlen(sd);
	while (n > 1 && sd[n - 1] == '/')
		n--;
	while (n > 0 && sd[n - 1] != '/')
		n--;
	strbuf b = STRBUF_INIT;
	sb_putn(&b, sd, n);
	sb_puts(&b, "fonts/fonts.conf");
	return sb_take(&b);
}

/* The width of s in CSS pixels at size, from the face's advances. */
static double width_of(cover_text *t, const char *s, double size, cover_face f)
{
	double w = 0;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += utf8_decode(s + i, n - i, &cp);
		w += fonts_advance(t->fonts, f.face, cp, (fx)(size * 1000)) / 1000.0;
	}
	return w;
}

/* The measuring font set, with the family's faces open; NULL when the
 * manifest cannot be read. */
static lay_fonts *measuring_fonts(epub_ctx *c, const char *family, cover_face faces[3])
{
	folio_diag *d = folio_diag_new(quiet, NULL);
	lay_fonts *f = fonts_new(d);
	char *manifest = manifest_path(c->opts);
	int rc = fonts_load_manifest(f, manifest);
	free(manifest);
	static const char *const styles[3] = { "regular", "bold", "italic" };
	for (int i = 0; rc == 0 && i < 3; i++) {
		faces[i] = (cover_face){ fonts_find(f, family, styles[i]), i == 1, i == 2 };
		if (faces[i].face < 0 || fonts_open(f, faces[i].face) < 0)
			rc = -1;
	}
	if (rc != 0) {
		fonts_free(f);
		f = NULL;
	}
	folio_diag_free(d);
	return f;
}

/* ---- text into lines ---- */

typedef VEC(char *) line_vec;

static void free_lines(line_vec *lines)
{
	for (size_t i = 0; i < lines->n; i++)
		free(lines->v[i]);
	VEC_FREE(*lines);
}

/* s broken at spaces into lines no wider than the text block. */
static void break_lines(cover_text *t, const char *s, double size, cover_face f,
			line_vec *out)
{
	strbuf line = STRBUF_INIT;
	const char *p = s;
	while (*p) {
		while (*p == ' ')
			p++;
		const char *end = p;
		while (*end && *end != ' ')
			end++;
		if (end == p)
			break;
		size_t keep = line.len;
		if (line.len)
			sb_putc(&line, ' ');
		sb_putn(&line, p, (size_t)(end - p));
		if (keep && width_of(t, sb_str(&line), size, f) > COVER_W - 2 * MARGIN) {
			line.len = keep;
			line.s[keep] = '\0';
			VEC_PUSH(*out, xstrdup(sb_str(&line)));
			line.len = 0;
			sb_putn(&line, p, (size_t)(end - p));
		}
		p = end;
	}
	if (line.len)
		VEC_PUSH(*out, xstrdup(sb_str(&line)));
	sb_free(&line);
}

static void put_line(cover_text *t, const char *s, double size, cover_face f,
		     const char *fill)
{
	sb_printf(&t->svg, "<text x=\"%d\" y=\"%.0f\" font-size=\"%.0f\"%s%s fill=\"%s\">",
		  MARGIN, t->y, size, f.bold ? " font-weight=\"bold\"" : "",
		  f.italic ? " font-style=\"italic\"" : "", fill);
	sb_put_xml(&t->svg, s, strlen(s));
	sb_puts(&t->svg, "</text>\n");
}

/* A block of text: at most max_lines lines, the size lowered (to no less
 * than half) until it fits.  Returns the size used. */
static double put_block(cover_text *t, const char *s, double size, int max_lines,
			cover_face f, const char *fill)
{
	line_vec lines = { 0 };
	break_lines(t, s, size, f, &lines);
	for (double smaller = size; (int)lines.n > max_lines && smaller > size / 2;) {
		smaller *= 0.9;
		free_lines(&lines);
		break_lines(t, s, smaller, f, &lines);
		if ((int)lines.n <= max_lines || smaller * 0.9 <= size / 2)
			size = smaller;
	}
	for (size_t i = 0; i < lines.n; i++) {
		put_line(t, lines.v[i], size, f, fill);
		t->y += size * 1.18;
	}
	free_lines(&lines);
	return size;
}

/* ---- the design ---- */

static void write_svg(epub_ctx *c, cover_text *t, const cover_face faces[3])
{
	const char *title = epub_nav_title(c, c->doc->root);
	const char *subtitle = epub_book_subtitle(c);
	const char *publisher = epub_book_publisher(c);
	const char *makers[MAX_MAKERS];
	unsigned nmakers = epub_book_makers(c, makers, MAX_MAKERS);
	cover_face regular = faces[0], bold = faces[1], italic = faces[2];

	strbuf *b = &t->svg;
	sb_printf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		     "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
		     "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" xml:lang=\"%s\" "
		     "role=\"img\" aria-label=\"",
		  COVER_W, COVER_H, COVER_W, COVER_H, epub_book_lang(c));
	sb_put_xml(b, title, strlen(title));
	sb_puts(b, "\">\n<title>");
	sb_put_xml(b, title, strlen(title));
	sb_printf(b, "</title>\n<rect width=\"%d\" height=\"%d\" fill=\"%s\"/>\n",
		  COVER_W, COVER_H, BACKGROUND);
	sb_puts(b, "<g font-family=\"");
	sb_put_xml(b, t->family, strlen(t->family));
	sb_puts(b, "\">\n");
	sb_printf(b, "<rect x=\"%d\" y=\"300\" width=\"160\" height=\"14\" fill=\"%s\"/>\n",
		  MARGIN, RULE);
	t->y = 300 + 14 + 140;
	put_block(t, title, 112, 6, bold, INK);
	if (subtitle) {
		t->y += 30;
		put_block(t, subtitle, 60, 4, italic, SOFT_INK);
	}
	/* The makers and the publisher stand at the foot, upwards from it. */
	double foot = COVER_H - 150;
	if (publisher) {
		t->y = foot;
		put_block(t, publisher, 44, 1, regular, SOFT_INK);
		foot -= 44 * 1.18 + 60;
	}
	if (nmakers) {
		strbuf names = STRBUF_INIT;
		for (unsigned i = 0; i < nmakers; i++) {
			if (i)
				sb_puts(&names, i + 1 == nmakers ? " & " : ", ");
			sb_puts(&names, makers[i]);
		}
		line_vec lines = { 0 };
		break_lines(t, sb_str(&names), 52, regular, &lines);
		t->y = foot - (double)(lines.n > 3 ? 2 : lines.n - 1) * 52 * 1.18;
		free_lines(&lines);
		put_block(t, sb_str(&names), 52, 3, regular, INK);
		sb_free(&names);
	}
	sb_puts(b, "</g>\n</svg>\n");
}

/* ---- the PNG ---- */

static void add_cover_file(epub_ctx *c, const char *href, const char *id, const char *type,
			   const char *properties, strbuf *data)
{
	epub_resource *r = epub_add_resource(c);
	r->href = href;
	r->id = id;
	r->media_type = type;
	r->properties = properties;
	r->source = href;
	r->len = data->len;
	r->data = sb_take(data);
}

/* The PNG of the SVG: from the cache when the same SVG was rendered in
 * the same font files before, else rendered (and kept).  Returns 0, or -1
 * with why filled. */
static int cover_png(const layout_family *fam, const strbuf *svg, strbuf *png, char *why,
		     size_t why_n)
{
	strbuf key = STRBUF_INIT;
	sb_printf(&key, "folio cover 1: %dx%d\n", COVER_W, COVER_H);
	for (int i = 0; i < 4; i++)
		if (fam->faces[i].file)
			covercache_key_file(&key, fam->faces[i].file);
	sb_putn(&key, svg->s, svg->len);
	unsigned char sum[20];
	epub_sha1(key.s, key.len, sum);
	sb_free(&key);
	char *file = covercache_file(sum);
	int rc = covercache_load(file, png);
	if (rc != 0) {
		const char *files[4];
		for (int i = 0; i < 4; i++)
			files[i] = fam->faces[i].file;
		rc = cover_draw(files, 4, svg, COVER_W, COVER_H, png, why, why_n);
		if (rc == 0)
			covercache_store(file, png);
	}
	free(file);
	return rc;
}

const char *epub_make_cover(epub_ctx *c)
{
	layout_family fam;
	if (text_family(c, &fam) != 0) {
		folio_report(c->diag, FOLIO_WARNING, (folio_loc){ c->opts->final_path, 0, 0 },
			     "no cover made: the style's text fonts are not in the font manifest");
		return NULL;
	}
	cover_face faces[3];
	cover_text t = { .svg = STRBUF_INIT, .fonts = measuring_fonts(c, fam.family, faces),
			 .family = fam.family };
	if (t.fonts == NULL) {
		folio_report(c->diag, FOLIO_WARNING, (folio_loc){ c->opts->final_path, 0, 0 },
			     "no cover made: the font manifest cannot be read");
		layout_family_free(&fam);
		return NULL;
	}
	write_svg(c, &t, faces);
	fonts_free(t.fonts);
	strbuf png = STRBUF_INIT;
	char why[256];
	const char *href = NULL;
	if (cover_png(&fam, &t.svg, &png, why, sizeof why) != 0) {
		folio_report(c->diag, FOLIO_WARNING, (folio_loc){ c->opts->final_path, 0, 0 },
			     "no cover made: %s", why);
	} else {
		href = "images/cover.svg";
		add_cover_file(c, href, "cover-image", "image/svg+xml", "cover-image", &t.svg);
		add_cover_file(c, "images/cover.png", "cover-png", "image/png", NULL, &png);
		c->cover_raster_id = "cover-png";
	}
	sb_free(&t.svg);
	sb_free(&png);
	layout_family_free(&fam);
	return href;
}
