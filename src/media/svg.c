/*
 * svg: reading an SVG safely (see media.h).  The file is parsed twice
 * with libxml2: first as written, to look at its entity declarations
 * (none external, none defined through another, a bounded amount of text
 * made by them), then with the entities replaced, when it has any.  The
 * tree is walked once: depth and element count bounded, scripts and on*
 * handlers removed, every reference checked (a fragment "#id", a
 * "data:" URI; a link of an <a> may go anywhere,
 * since nothing fetches it).  The cleaned tree, without its DOCTYPE, is
 * what librsvg reads and what the EPUB carries.
 */
#include "media/media.h"
#include "util/file.h"
#include "util/strbuf.h"

#include "media/rsvg_lib.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PARSE_OPTS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
		    XML_PARSE_BIG_LINES)
#define PDF_MAX_SIDE 14400.0 /* pt: PDF's limit of a page side */
#define CSS_PX_PER_PT (96.0 / 72.0)

typedef struct svg_check {
	const char *name;
	folio_loc loc;
	folio_diag *diag;
	int report; /* enum media_report */
	unsigned elements;
	unsigned stripped;
	long first_stripped_line;
	const char *first_stripped;
} svg_check;

static void report(svg_check *k, folio_severity sev, long line, const char *fmt,
		   const char *what)
{
	if (k->diag == NULL || k->report == MEDIA_REPORT_NONE ||
	    (k->report == MEDIA_REPORT_ERRORS && sev < FOLIO_ERROR))
		return;
	char msg[512];
	snprintf(msg, sizeof msg, fmt, what);
	if (line > 0)
		folio_report(k->diag, sev, k->loc, "the SVG \"%s\", line %ld: %s",
			     k->name, line, msg);
	else
		folio_report(k->diag, sev, k->loc, "the SVG \"%s\": %s", k->name, msg);
}

static int is_svg_ns(const xmlNode *n)
{
	return n->ns && n->ns->href &&
	       strcmp((const char *)n->ns->href, "http://www.w3.org/2000/svg") == 0;
}

/* A reference folio lets an SVG make: to a part of itself, or to data
 * embedded in it (an image, a font).  librsvg, given no base file,
 * loads nothing an embedded SVG names in turn. */
static int reference_ok(const char *v)
{
	while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r' || *v == '"' ||
	       *v == '\'')
		v++;
	return *v == '#' || *v == '\0' || strncasecmp(v, "data:", 5) == 0;
}

/* Every url(...) in an attribute or a style sheet; @import is refused
 * outright. */
static int css_ok(const char *v, const char **bad)
{
	for (const char *p = v; (p = strstr(p, "url(")) != NULL; p += 4)
		if (!reference_ok(p + 4)) {
			*bad = p;
			return 0;
		}
	if (strstr(v, "@import")) {
		*bad = strstr(v, "@import");
		return 0;
	}
	return 1;
}

static void note_stripped(svg_check *k, const char *what, long line)
{
	if (k->stripped++ == 0) {
		k->first_stripped = what;
		k->first_stripped_line = line;
	}
}

/* A reference folio refuses: the first 60 bytes of it in the message. */
static int refuse_reference(svg_check *k, long line, const char *v)
{
	char shown[64];
	snprintf(shown, sizeof shown, "%.60s", v);
	report(k, FOLIO_ERROR, line,
	       "it refers to \"%s\" outside itself; folio reads nothing an SVG "
	       "names (embed images as data: URIs, keep fonts and styles inside it)",
	       shown);
	return -1;
}

static int check_attributes(svg_check *k, xmlNode *n)
{
	long line = xmlGetLineNo(n);
	int is_link = is_svg_ns(n) && strcmp((const char *)n->name, "a") == 0;
	xmlAttr *a = n->properties;
	while (a) {
		xmlAttr *next = a->next;
		const char *an = (const char *)a->name;
		xmlChar *v = xmlNodeGetContent((xmlNode *)a);
		const char *val = v ? (const char *)v : "";
		const char *bad = NULL;
		int rc = 0;
		if ((an[0] == 'o' || an[0] == 'O') && (an[1] == 'n' || an[1] == 'N')) {
			note_stripped(k, "an event handler", line);
			xmlRemoveProp(a);
		} else if (strcmp(an, "href") == 0 && !is_link && !reference_ok(val)) {
			rc = refuse_reference(k, line, val);
		} else if (!css_ok(val, &bad)) {
			rc = refuse_reference(k, line, bad);
		}
		xmlFree(v);
		if (rc)
			return rc;
		a = next;
	}
	return 0;
}

static int check_element(svg_check *k, xmlNode *n, unsigned depth)
{
	long line = xmlGetLineNo(n);
	if (++k->elements > MEDIA_SVG_MAX_ELEMENTS) {
		char what[32];
		snprintf(what, sizeof what, "%u", MEDIA_SVG_MAX_ELEMENTS);
		report(k, FOLIO_ERROR, line, "it has more than %s elements (folio's limit)", what);
		return -1;
	}
	if (depth > MEDIA_SVG_MAX_DEPTH) {
		char what[32];
		snprintf(what, sizeof what, "%u", MEDIA_SVG_MAX_DEPTH);
		report(k, FOLIO_ERROR, line, "its elements nest deeper than %s (folio's limit)", what);
		return -1;
	}
	if (check_attributes(k, n) != 0)
		return -1;
	int is_style = strcmp((const char *)n->name, "style") == 0;
	for (xmlNode *c = n->children, *next; c; c = next) {
		next = c->next;
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, "script") == 0) {
			note_stripped(k, "a script", xmlGetLineNo(c));
			xmlUnlinkNode(c);
			xmlFreeNode(c);
			continue;
		}
		if (c->type == XML_ELEMENT_NODE) {
			if (check_element(k, c, depth + 1) != 0)
				return -1;
		} else if (is_style && (c->type == XML_TEXT_NODE ||
					c->type == XML_CDATA_SECTION_NODE)) {
			const char *bad = NULL;
			if (c->content && !css_ok((const char *)c->content, &bad))
				return refuse_reference(k, line, bad);
		}
	}
	return 0;
}

/* The entity declarations: only internal ones, each plain text.
 * Returns 1 when there are any, 0 none, -1 after an error. */
static int check_entities(svg_check *k, xmlDoc *doc)
{
	if (doc->intSubset == NULL)
		return 0;
	int any = 0;
	for (xmlNode *d = doc->intSubset->children; d; d = d->next) {
		if (d->type != XML_ENTITY_DECL)
			continue;
		xmlEntity *ent = (xmlEntity *)d;
		any = 1;
		if (ent->etype != XML_INTERNAL_GENERAL_ENTITY &&
		    ent->etype != XML_INTERNAL_PARAMETER_ENTITY) {
			report(k, FOLIO_ERROR, 0,
			       "it declares the external entity '%s'; folio reads nothing an SVG names",
			       (const char *)ent->name);
			return -1;
		}
		if (ent->content && (strchr((const char *)ent->content, '&') ||
				     strchr((const char *)ent->content, '%'))) {
			report(k, FOLIO_ERROR, 0,
			       "its entity '%s' is made of other entities; folio takes "
			       "entities of plain text only", (const char *)ent->name);
			return -1;
		}
	}
	return any;
}

/* The text the entity references of the tree would make. */
static size_t entity_text(const xmlNode *n, size_t sum)
{
	for (const xmlNode *c = n; c; c = c->next) {
		if (c->type == XML_ENTITY_REF_NODE) {
			const xmlEntity *e = (const xmlEntity *)c->children;
			if (e && e->content)
				sum += strlen((const char *)e->content);
		}
		if (c->type == XML_ELEMENT_NODE) {
			for (const xmlAttr *a = c->properties; a; a = a->next)
				sum = entity_text(a->children, sum);
			sum = entity_text(c->children, sum);
		}
		if (sum > MEDIA_SVG_MAX_ENTITY_BYTES)
			return sum;
	}
	return sum;
}

static xmlDoc *parse(svg_check *k, const char *data, size_t len, const char *path,
		     int opts)
{
	xmlParserCtxt *ctxt = xmlNewParserCtxt();
	if (ctxt == NULL)
		return NULL;
	xmlDoc *doc = xmlCtxtReadMemory(ctxt, data, (int)len, path, NULL, opts);
	if (doc == NULL || !ctxt->wellFormed) {
		const xmlError *err = xmlCtxtGetLastError(ctxt);
		char msg[300];
		snprintf(msg, sizeof msg, "%s",
			 err && err->message ? err->message : "not well-formed XML");
		size_t m = strlen(msg);
		while (m && (msg[m - 1] == '\n' || msg[m - 1] == ' '))
			msg[--m] = '\0';
		if (strncmp(msg, "Excessive depth", 15) == 0) {
			/* libxml2's own limit, which it words for programmers */
			snprintf(msg, sizeof msg, "%u", MEDIA_SVG_MAX_DEPTH);
			report(k, FOLIO_ERROR, err->line,
			       "its elements nest deeper than %s (folio's limit)", msg);
		} else {
			report(k, FOLIO_ERROR, err ? err->line : 0,
			       "it is not well-formed XML: %s", msg);
		}
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	return doc;
}

/* Parsed, entities checked and replaced, the root an svg element. */
static xmlDoc *parse_checked(svg_check *k, const char *data, size_t len,
			     const char *path)
{
	xmlDoc *doc = parse(k, data, len, path, PARSE_OPTS);
	if (doc == NULL)
		return NULL;
	int ents = check_entities(k, doc);
	if (ents > 0 && entity_text(doc->children, 0) > MEDIA_SVG_MAX_ENTITY_BYTES) {
		char what[32];
		snprintf(what, sizeof what, "%u", MEDIA_SVG_MAX_ENTITY_BYTES);
		report(k, FOLIO_ERROR, 0,
		       "its entities make more than %s bytes of text (folio's limit)", what);
		ents = -1;
	}
	if (ents > 0) {
		xmlFreeDoc(doc);
		doc = parse(k, data, len, path, PARSE_OPTS | XML_PARSE_NOENT);
	} else if (ents < 0) {
		xmlFreeDoc(doc);
		return NULL;
	}
	xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (doc && (root == NULL || strcmp((const char *)root->name, "svg") != 0 ||
		    !is_svg_ns(root))) {
		report(k, FOLIO_ERROR, root ? xmlGetLineNo(root) : 0,
		       "its root is not an svg element in the SVG namespace%s", "");
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

static int clean_tree(svg_check *k, xmlDoc *doc, media_svg *out)
{
	if (check_element(k, xmlDocGetRootElement(doc), 1) != 0)
		return -1;
	if (doc->intSubset) {
		xmlDtd *dtd = doc->intSubset;
		xmlUnlinkNode((xmlNode *)dtd);
		xmlFreeDtd(dtd);
	}
	xmlChar *buf = NULL;
	int n = 0;
	xmlDocDumpMemoryEnc(doc, &buf, &n, "UTF-8");
	if (buf == NULL || n <= 0) {
		xmlFree(buf);
		report(k, FOLIO_ERROR, 0, "it could not be written out again%s", "");
		return -1;
	}
	out->clean = malloc((size_t)n + 1);
	if (out->clean == NULL) {
		xmlFree(buf);
		return -1;
	}
	memcpy(out->clean, buf, (size_t)n + 1);
	out->clean_len = (size_t)n;
	xmlFree(buf);
	if (k->stripped) {
		char what[200];
		snprintf(what, sizeof what, "%s and %u more", k->first_stripped,
			 k->stripped - 1);
		report(k, FOLIO_WARNING, k->first_stripped_line,
		       "%s removed: an SVG in a book runs no code",
		       k->stripped > 1 ? what : k->first_stripped);
	}
	return 0;
}

/* The size librsvg gives it: width and height, else the viewBox, in
 * CSS px; in pt in out. */
static int intrinsic_size(svg_check *k, RsvgHandle *h, media_svg *out)
{
	const rsvg_lib *L = out->lib;
	double w = 0, h_px = 0;
	if (!L->rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &h_px)) {
		gboolean has_w, has_h, has_vb;
		RsvgLength lw, lh;
		RsvgRectangle vb;
		L->rsvg_handle_get_intrinsic_dimensions(h, &has_w, &lw, &has_h, &lh,
						     &has_vb, &vb);
		if (has_vb) {
			w = vb.width;
			h_px = vb.height;
		} else {
			/* what a browser gives a replaced element of no size */
			report(k, FOLIO_WARNING, 0,
			       "it has no size: it is drawn at 300x150 CSS pixels, as a "
			       "browser would; give the svg element a width and height in "
			       "absolute units, or a viewBox%s", "");
			w = 300;
			h_px = 150;
		}
	}
	if (!(w >= 1 && h_px >= 1 && w <= MEDIA_SVG_MAX_SIDE && h_px <= MEDIA_SVG_MAX_SIDE)) {
		char what[96];
		snprintf(what, sizeof what, "%gx%g CSS pixels; folio takes 1 to %g per side",
			 w, h_px, MEDIA_SVG_MAX_SIDE);
		report(k, FOLIO_ERROR, 0, "it is %s", what);
		return -1;
	}
	out->width = w / CSS_PX_PER_PT;
	out->height = h_px / CSS_PX_PER_PT;
	return 0;
}

int media_svg_read(const char *path, const char *name, folio_loc loc,
		   folio_diag *diag, int level, media_svg *out)
{
	memset(out, 0, sizeof *out);
	svg_check k = { .name = name, .loc = loc, .diag = diag, .report = level };
	char *data;
	size_t len;
	int e = file_read_all(path, MEDIA_SVG_MAX_BYTES, &data, &len);
	if (e) {
		char why[200];
		snprintf(why, sizeof why, "%s (folio reads SVGs of up to %u MB)",
			 file_strerror(e), MEDIA_SVG_MAX_BYTES >> 20);
		report(&k, FOLIO_ERROR, 0, "cannot read it: %s", why);
		return -1;
	}
	xmlDoc *doc = parse_checked(&k, data, len, path);
	free(data);
	if (doc == NULL)
		return -1;
	int rc = clean_tree(&k, doc, out);
	xmlFreeDoc(doc);
	if (rc != 0) {
		media_svg_free(out);
		return -1;
	}
	char why[300];
	const rsvg_lib *L = rsvg_lib_get(why, sizeof why);
	if (L == NULL) {
		report(&k, FOLIO_ERROR, 0, "cannot read it: %s", why);
		media_svg_free(out);
		return -1;
	}
	out->lib = L;
	GError *err = NULL;
	RsvgHandle *h = L->rsvg_handle_new_from_data((const guint8 *)out->clean,
						  out->clean_len, &err);
	if (h == NULL) {
		report(&k, FOLIO_ERROR, 0, "librsvg cannot read it: %s",
		       err && err->message ? err->message : "no reason given");
		if (err)
			L->g_error_free(err);
		media_svg_free(out);
		return -1;
	}
	L->rsvg_handle_set_dpi(h, 96.0);
	out->handle = h;
	if (intrinsic_size(&k, h, out) != 0) {
		media_svg_free(out);
		return -1;
	}
	return 0;
}

void media_svg_free(media_svg *svg)
{
	if (svg == NULL)
		return;
	free(svg->clean);
	const rsvg_lib *L = svg->lib;
	if (svg->handle)
		L->g_object_unref(svg->handle);
	memset(svg, 0, sizeof *svg);
}

static cairo_status_t collect(void *closure, const unsigned char *data,
			      unsigned int length)
{
	strbuf *b = closure;
	sb_putn(b, (const char *)data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* Draws the whole SVG into the box (0, 0, w, h) of cr. */
static int draw(const media_svg *svg, cairo_t *cr, double w, double h, char *why,
		size_t whylen)
{
	const rsvg_lib *L = svg->lib;
	RsvgRectangle viewport = { 0, 0, w, h };
	GError *err = NULL;
	if (!L->rsvg_handle_render_document(svg->handle, cr, &viewport, &err)) {
		snprintf(why, whylen, "librsvg cannot draw it: %s",
			 err && err->message ? err->message : "no reason given");
		if (err)
			L->g_error_free(err);
		return -1;
	}
	return 0;
}

int media_svg_pdf(const media_svg *svg, unsigned char **pdf, size_t *len,
		  char *why, size_t whylen)
{
	double w = svg->width, h = svg->height;
	double big = w > h ? w : h;
	if (big > PDF_MAX_SIDE) {
		w = w * PDF_MAX_SIDE / big;
		h = h * PDF_MAX_SIDE / big;
	}
	const rsvg_lib *L = svg->lib;
	strbuf b = STRBUF_INIT;
	cairo_surface_t *s = L->cairo_pdf_surface_create_for_stream(collect, &b, w, h);
	cairo_t *cr = L->cairo_create(s);
	int rc = draw(svg, cr, w, h, why, whylen);
	L->cairo_destroy(cr);
	L->cairo_surface_finish(s);
	cairo_status_t st = L->cairo_surface_status(s);
	L->cairo_surface_destroy(s);
	if (rc == 0 && st != CAIRO_STATUS_SUCCESS) {
		snprintf(why, whylen, "cairo cannot write it as PDF: %s",
			 L->cairo_status_to_string(st));
		rc = -1;
	}
	if (rc != 0) {
		sb_free(&b);
		return -1;
	}
	*len = b.len;
	*pdf = (unsigned char *)sb_take(&b);
	return 0;
}

int media_svg_pixels(const media_svg *svg, unsigned width, unsigned height,
		     unsigned char **rgba, char *why, size_t whylen)
{
	const rsvg_lib *L = svg->lib;
	cairo_surface_t *s = L->cairo_image_surface_create(CAIRO_FORMAT_ARGB32,
							(int)width, (int)height);
	if (L->cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		snprintf(why, whylen, "cairo cannot make %ux%u pixels", width, height);
		L->cairo_surface_destroy(s);
		return -1;
	}
	cairo_t *cr = L->cairo_create(s);
	int rc = draw(svg, cr, width, height, why, whylen);
	L->cairo_destroy(cr);
	L->cairo_surface_flush(s);
	if (rc == 0) {
		const unsigned char *src = L->cairo_image_surface_get_data(s);
		int stride = L->cairo_image_surface_get_stride(s);
		unsigned char *out = malloc((size_t)width * height * 4 + 1);
		if (out == NULL)
			rc = -1;
		for (unsigned y = 0; out && y < height; y++) {
			const uint32_t *row = (const uint32_t *)(src + (size_t)y * (size_t)stride);
			for (unsigned x = 0; x < width; x++) {
				uint32_t p = row[x];
				unsigned a = p >> 24, r = p >> 16 & 255, g = p >> 8 & 255,
					 bl = p & 255;
				unsigned char *o = out + ((size_t)y * width + x) * 4;
				/* cairo premultiplies; the PDF's samples do not */
				o[0] = (unsigned char)(a ? (r * 255 + a / 2) / a : 0);
				o[1] = (unsigned char)(a ? (g * 255 + a / 2) / a : 0);
				o[2] = (unsigned char)(a ? (bl * 255 + a / 2) / a : 0);
				o[3] = (unsigned char)a;
			}
		}
		*rgba = out;
	}
	L->cairo_surface_destroy(s);
	return rc;
}

int media_is_svg(const char *d, size_t n)
{
	const unsigned char *u = (const unsigned char *)d;
	size_t i = 0;
	if (n >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
		i = 3;
	while (i < n && (d[i] == ' ' || d[i] == '\n' || d[i] == '\r' || d[i] == '\t'))
		i++;
	if (i >= n || d[i] != '<')
		return 0;
	size_t look = n - i < 4096 ? n - i : 4096;
	for (size_t k = i; k + 4 <= i + look; k++)
		if (memcmp(d + k, "<svg", 4) == 0 &&
		    (k + 4 == n || d[k + 4] == ' ' || d[k + 4] == '>' || d[k + 4] == '/' ||
		     d[k + 4] == '\n' || d[k + 4] == '\r' || d[k + 4] == '\t'))
			return 1;
	return 0;
}
