/*
 * opf: the package document (OEBPS/package.opf): the book's identity and
 * metadata from its info, accessibility metadata that says what the
 * EPUB really offers, the manifest and the spine.
 *
 * The identifier is the ISBN or DOI the source gives; otherwise a
 * name-based UUID (RFC 4122 version 5) of the book's identifying
 * metadata: the same sources give the same identifier on every build,
 * and correcting a typo in a chapter does not turn the book into a new
 * one in a reader's library.
 */
#include "backend/epub/epub.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *collapse(epub_ctx *c, const char *t)
{
	return folio_collapse_space(c->doc, t);
}

static const char *text_of(epub_ctx *c, const folio_node *n)
{
	return n ? collapse(c, folio_node_text(c->doc, n)) : NULL;
}

static const folio_node *book_info(const epub_ctx *c)
{
	return folio_node_child(c->doc->root, FOLIO_NODE_INFO);
}

static const folio_node *info_item(const epub_ctx *c, folio_node_kind k)
{
	return folio_node_info_child(c->doc->root, k);
}

/* ---- identity ---- */

static const char *isbn_of(epub_ctx *c)
{
	const folio_node *info = book_info(c);
	if (info == NULL)
		return NULL;
	for (const folio_node *n = info->first; n; n = n->next) {
		const char *cls = folio_node_attr(n, "class");
		int isbn = n->kind == FOLIO_NODE_ISBN ||
			   (n->kind == FOLIO_NODE_BIBLIOID && cls && strcmp(cls, "isbn") == 0);
		if (!isbn)
			continue;
		strbuf b = STRBUF_INIT;
		for (const char *p = folio_node_text(c->doc, n); *p; p++)
			if ((*p >= '0' && *p <= '9') || *p == 'X' || *p == 'x')
				sb_putc(&b, *p == 'x' ? 'X' : *p);
		const char *s = (b.len == 10 || b.len == 13) ? epub_strdup(c, sb_str(&b)) : NULL;
		sb_free(&b);
		if (s)
			return s;
	}
	return NULL;
}

static const char *doi_of(epub_ctx *c)
{
	const folio_node *info = book_info(c);
	if (info == NULL)
		return NULL;
	for (const folio_node *n = info->first; n; n = n->next) {
		const char *cls = folio_node_attr(n, "class");
		if (n->kind == FOLIO_NODE_BIBLIOID && cls && strcmp(cls, "doi") == 0) {
			const char *t = text_of(c, n);
			if (strncmp(t, "https://doi.org/", 16) == 0)
				t += 16;
			if (strncmp(t, "10.", 3) == 0)
				return t;
		}
	}
	return NULL;
}

static const char *uuid_identifier(epub_ctx *c)
{
	/* The name hashed: what identifies the book, in a fixed order. */
	strbuf name = STRBUF_INIT;
	sb_puts(&name, "folio:");
	const folio_node *root = c->doc->root;
	const char *title = text_of(c, folio_node_title(root));
	sb_printf(&name, "title=%s\n", title ? title : "");
	const char *sub = text_of(c, folio_node_info_child(root, FOLIO_NODE_SUBTITLE));
	sb_printf(&name, "subtitle=%s\n", sub ? sub : "");
	const folio_node *info = book_info(c);
	for (const folio_node *n = info ? info->first : NULL; n; n = n->next)
		if (n->kind == FOLIO_NODE_AUTHOR || n->kind == FOLIO_NODE_EDITOR ||
		    n->kind == FOLIO_NODE_CORPAUTHOR || n->kind == FOLIO_NODE_AUTHORGROUP ||
		    n->kind == FOLIO_NODE_PUBLISHER || n->kind == FOLIO_NODE_EDITION)
			sb_printf(&name, "%s=%s\n", folio_kind_name(n->kind), text_of(c, n));
	sb_printf(&name, "lang=%s\n", c->doc->lang ? c->doc->lang : "");
	/* With no title there is nothing that names the book: its text
	 * must. */
	if (title == NULL || *title == '\0')
		sb_puts(&name, folio_node_text(c->doc, root));
	/* RFC 4122 version 5 in the URL namespace. */
	static const unsigned char url_ns[16] = {
		0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
		0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8
	};
	strbuf in = STRBUF_INIT;
	sb_putn(&in, (const char *)url_ns, 16);
	sb_putn(&in, name.s, name.len);
	unsigned char h[20];
	epub_sha1(in.s, in.len, h);
	h[6] = (unsigned char)((h[6] & 0x0f) | 0x50);
	h[8] = (unsigned char)((h[8] & 0x3f) | 0x80);
	sb_free(&in);
	sb_free(&name);
	return epub_printf(c,
		"urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], h[9],
		h[10], h[11], h[12], h[13], h[14], h[15]);
}

/* A W3CDTF date (YYYY, YYYY-MM or YYYY-MM-DD) from a pubdate, or NULL. */
static const char *w3c_date(epub_ctx *c, const char *t)
{
	if (t == NULL)
		return NULL;
	int y, m, d;
	char rest;
	if (sscanf(t, "%4d-%2d-%2d%c", &y, &m, &d, &rest) == 3 && strlen(t) == 10 &&
	    m >= 1 && m <= 12 && d >= 1 && d <= 31)
		return epub_printf(c, "%04d-%02d-%02d", y, m, d);
	if (sscanf(t, "%4d-%2d%c", &y, &m, &rest) == 2 && strlen(t) == 7 && m >= 1 && m <= 12)
		return epub_printf(c, "%04d-%02d", y, m);
	/* Otherwise the first four-digit year in the text ("Juli 2025"). */
	for (const char *p = t; *p; p++) {
		int digits = 0;
		while (p[digits] >= '0' && p[digits] <= '9')
			digits++;
		if (digits == 4 && (p == t || !(p[-1] >= '0' && p[-1] <= '9')) &&
		    (p[0] == '1' || p[0] == '2'))
			return epub_printf(c, "%.4s", p);
		if (digits)
			p += digits - 1;
	}
	return NULL;
}

static const char *book_date(epub_ctx *c)
{
	const char *d = w3c_date(c, text_of(c, info_item(c, FOLIO_NODE_PUBDATE)));
	if (d == NULL) {
		const folio_node *cr = info_item(c, FOLIO_NODE_COPYRIGHT);
		const folio_node *year = cr ? folio_node_child(cr, FOLIO_NODE_YEAR) : NULL;
		d = w3c_date(c, text_of(c, year));
	}
	return d;
}

void epub_identity(epub_ctx *c)
{
	const char *isbn = isbn_of(c);
	const char *doi = isbn ? NULL : doi_of(c);
	c->identifier = isbn ? epub_printf(c, "urn:isbn:%s", isbn)
			: doi ? epub_printf(c, "doi:%s", doi)
			: uuid_identifier(c);
	/* The package is dated when it is made (dcterms:modified, the
	 * files in the zip), or at SOURCE_DATE_EPOCH for a build that must
	 * give the same bytes again. */
	c->epoch = folio_output_date(c->opts);
	time_t t = (time_t)c->epoch;
	struct tm tm;
	gmtime_r(&t, &tm);
	char buf[32];
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
	c->modified = epub_strdup(c, buf);
}

/* ---- metadata ---- */

static void put_element(strbuf *b, const char *open, const char *text,
			const char *close)
{
	sb_puts(b, open);
	sb_put_xml(b, text, strlen(text));
	sb_puts(b, close);
}

typedef struct person {
	const char *name, *file_as, *role;
	int creator;
} person;

static void credit_names(epub_ctx *c, const folio_node *credit, person *p)
{
	const folio_node *pn = folio_node_child(credit, FOLIO_NODE_PERSONNAME);
	const folio_node *src = pn ? pn : credit;
	const folio_node *first = folio_node_child(src, FOLIO_NODE_FIRSTNAME);
	if (first == NULL)
		first = folio_node_child(src, FOLIO_NODE_GIVENNAME);
	const folio_node *sur = folio_node_child(src, FOLIO_NODE_SURNAME);
	p->file_as = NULL;
	if (sur) {
		const char *f = text_of(c, first), *s = text_of(c, sur);
		p->name = f && *f ? epub_printf(c, "%s %s", f, s) : s;
		p->file_as = f && *f ? epub_printf(c, "%s, %s", s, f) : s;
	} else if (pn) {
		p->name = text_of(c, pn);
	} else {
		const folio_node *org = folio_node_child(credit, FOLIO_NODE_ORGNAME);
		p->name = text_of(c, org ? org : credit);
	}
}

static unsigned collect_people(epub_ctx *c, person *out, unsigned max)
{
	unsigned n = 0;
	const folio_node *info = book_info(c);
	int have_author = 0;
	/* Credits of the book, authorgroups opened. */
	const folio_node *credits[64];
	unsigned ncred = 0;
	for (const folio_node *x = info ? info->first : NULL; x && ncred < 64; x = x->next) {
		if (x->kind == FOLIO_NODE_AUTHORGROUP) {
			for (const folio_node *y = x->first; y && ncred < 64; y = y->next)
				if (y->kind != FOLIO_NODE_TEXT)
					credits[ncred++] = y;
		} else if (x->kind != FOLIO_NODE_TEXT) {
			credits[ncred++] = x;
		}
	}
	for (unsigned i = 0; i < ncred; i++)
		if (credits[i]->kind == FOLIO_NODE_AUTHOR || credits[i]->kind == FOLIO_NODE_CORPAUTHOR)
			have_author = 1;
	for (unsigned i = 0; i < ncred && n < max; i++) {
		const folio_node *x = credits[i];
		person p = { 0 };
		switch (x->kind) {
		case FOLIO_NODE_AUTHOR: case FOLIO_NODE_CORPAUTHOR:
			p.role = "aut";
			p.creator = 1;
			break;
		case FOLIO_NODE_EDITOR:
			/* An edited reader's editors are its makers. */
			p.role = "edt";
			p.creator = !have_author;
			break;
		case FOLIO_NODE_OTHERCREDIT: {
			const char *cls = folio_node_attr(x, "class");
			p.role = cls && strcmp(cls, "translator") == 0 ? "trl"
				 : cls && strcmp(cls, "graphicdesigner") == 0 ? "ill" : "ctb";
			break;
		}
		default:
			continue;
		}
		credit_names(c, x, &p);
		if (p.name && *p.name)
			out[n++] = p;
	}
	/* The articles' authors contribute to the book. */
	for (unsigned i = 0; i < c->nchunks && n < max; i++) {
		const folio_node *top = c->chunks[i].node;
		if (c->chunks[i].kind != EPUB_CHUNK_DIVISION || top == c->doc->root)
			continue;
		const folio_node *ai = folio_node_child(top, FOLIO_NODE_INFO);
		for (const folio_node *x = ai ? ai->first : NULL; x && n < max; x = x->next) {
			if (x->kind != FOLIO_NODE_AUTHOR)
				continue;
			person p = { 0 };
			p.role = "aut";
			credit_names(c, x, &p);
			int dup = p.name == NULL || *p.name == '\0';
			for (unsigned k = 0; k < n && !dup; k++)
				dup = strcmp(out[k].name, p.name) == 0;
			if (!dup)
				out[n++] = p;
		}
	}
	return n;
}

unsigned epub_book_makers(epub_ctx *c, const char **names, unsigned max)
{
	person people[64];
	unsigned n = collect_people(c, people, 64), k = 0;
	for (unsigned i = 0; i < n && k < max; i++)
		if (people[i].creator)
			names[k++] = people[i].name;
	return k;
}

const char *epub_book_subtitle(epub_ctx *c)
{
	const char *sub = text_of(c, folio_node_info_child(c->doc->root, FOLIO_NODE_SUBTITLE));
	return sub && *sub ? sub : NULL;
}

static void write_people(epub_ctx *c, strbuf *b)
{
	person people[128];
	unsigned n = collect_people(c, people, 128);
	for (unsigned i = 0; i < n; i++) {
		const person *p = &people[i];
		const char *el = p->creator ? "dc:creator" : "dc:contributor";
		sb_printf(b, "    <%s id=\"person%u\">", el, i + 1);
		sb_put_xml(b, p->name, strlen(p->name));
		sb_printf(b, "</%s>\n", el);
		sb_printf(b, "    <meta refines=\"#person%u\" property=\"role\" "
			     "scheme=\"marc:relators\">%s</meta>\n", i + 1, p->role);
		if (p->file_as) {
			sb_printf(b, "    <meta refines=\"#person%u\" property=\"file-as\">", i + 1);
			sb_put_xml(b, p->file_as, strlen(p->file_as));
			sb_puts(b, "</meta>\n");
		}
	}
}

static const char *rights_text(epub_ctx *c)
{
	const folio_node *cr = info_item(c, FOLIO_NODE_COPYRIGHT);
	if (cr) {
		strbuf b = STRBUF_INIT;
		sb_puts(&b, "\u00a9");
		for (const folio_node *y = cr->first; y; y = y->next)
			if (y->kind == FOLIO_NODE_YEAR || y->kind == FOLIO_NODE_HOLDER)
				sb_printf(&b, " %s", text_of(c, y));
		const char *s = epub_strdup(c, sb_str(&b));
		sb_free(&b);
		return s;
	}
	const folio_node *legal = info_item(c, FOLIO_NODE_LEGALNOTICE);
	const char *t = legal ? text_of(c, legal) : NULL;
	return t && *t ? t : NULL;
}

static int has_index(const epub_ctx *c)
{
	if (c->doc->index)
		return 1;
	for (unsigned i = 0; i < c->nchunks; i++)
		if (c->chunks[i].kind == EPUB_CHUNK_DIVISION &&
		    c->chunks[i].node->kind == FOLIO_NODE_INDEX)
			return 1;
	return 0;
}

static void meta_property(strbuf *b, const char *property, const char *value)
{
	sb_printf(b, "    <meta property=\"%s\">", property);
	sb_put_xml(b, value, strlen(value));
	sb_puts(b, "</meta>\n");
}

/* The conformance claim of EPUB Accessibility 1.1, made only when the
 * build's own checks found nothing that breaks WCAG 2.1 AA: today that
 * is an image without a text alternative (reported where it stands).
 * The certifier is who stands behind the book: its publisher, else the
 * tool that checked it. */
static void write_conformance(epub_ctx *c, strbuf *b, const char *publisher)
{
	if (c->images_without_alt > 0)
		return;
	meta_property(b, "dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
	meta_property(b, "a11y:certifiedBy", publisher && *publisher ? publisher : "folio");
}

/* Whether a written document (of a division of kind only, unless 0)
 * holds text. */
static int chunks_hold(const epub_ctx *c, const char *text, folio_node_kind kind)
{
	for (unsigned i = 0; i < c->nchunks; i++) {
		const epub_chunk *ch = &c->chunks[i];
		if (kind && (ch->kind != EPUB_CHUNK_DIVISION || ch->node->kind != kind))
			continue;
		if (ch->xhtml.len && strstr(ch->xhtml.s, text))
			return 1;
	}
	return 0;
}

static void sentence(strbuf *s, const char *text)
{
	if (s->len)
		sb_putc(s, ' ');
	sb_puts(s, text);
}

static int has_mathml(const epub_ctx *c)
{
	for (unsigned i = 0; i < c->nchunks; i++)
		if (c->chunks[i].mathml)
			return 1;
	return 0;
}

static void write_a11y(epub_ctx *c, strbuf *b)
{
	int images = c->images > 0;
	int all_alt = c->images_without_alt == 0;
	int pages = c->npages > 0;
	meta_property(b, "schema:accessMode", "textual");
	if (images)
		meta_property(b, "schema:accessMode", "visual");
	/* Text alone suffices when every image has its text alternative. */
	if (all_alt)
		meta_property(b, "schema:accessModeSufficient", "textual");
	if (images)
		meta_property(b, "schema:accessModeSufficient", "textual,visual");
	meta_property(b, "schema:accessibilityFeature", "structuralNavigation");
	meta_property(b, "schema:accessibilityFeature", "tableOfContents");
	meta_property(b, "schema:accessibilityFeature", "readingOrder");
	meta_property(b, "schema:accessibilityFeature", "displayTransformability");
	if (images && all_alt)
		meta_property(b, "schema:accessibilityFeature", "alternativeText");
	if (pages) {
		meta_property(b, "schema:accessibilityFeature", "printPageNumbers");
		meta_property(b, "schema:accessibilityFeature", "pageBreakMarkers");
		meta_property(b, "schema:accessibilityFeature", "pageNavigation");
	}
	if (has_index(c))
		meta_property(b, "schema:accessibilityFeature", "index");
	if (has_mathml(c)) {
		/* equations as MathML, each with its linear form as alttext */
		meta_property(b, "schema:accessibilityFeature", "MathML");
		meta_property(b, "schema:accessibilityFeature", "describedMath");
	}
	meta_property(b, "schema:accessibilityHazard", "none");
	/* The summary, in the book's language, claims only what this book's
	 * documents hold: each sentence is added when the written XHTML
	 * shows it to be true. */
	const folio_lang *l = c->lang;
	const folio_lang *en = folio_lang_get("en");
	strbuf s = STRBUF_INIT;
#define SAY(field) sentence(&s, l->field ? l->field : en->field)
	SAY(a11y_summary);
	if (pages)
		SAY(a11y_page_numbers);
	if (chunks_hold(c, "role=\"doc-glossref\"", 0))
		SAY(a11y_glossary_links);
	if (chunks_hold(c, "class=\"locator\"", FOLIO_NODE_GLOSSARY))
		SAY(a11y_glossary_pages);
	if (chunks_hold(c, "epub:type=\"index-locator\"", 0))
		SAY(a11y_index_links);
	if (images)
		all_alt ? SAY(a11y_all_alt) : SAY(a11y_missing_alt);
#undef SAY
	meta_property(b, "schema:accessibilitySummary", sb_str(&s));
	sb_free(&s);
}

const char *epub_book_publisher(epub_ctx *c)
{
	const folio_node *pub = info_item(c, FOLIO_NODE_PUBLISHER);
	const folio_node *pubname = pub ? folio_node_child(pub, FOLIO_NODE_PUBLISHERNAME) : NULL;
	if (pubname == NULL)
		pubname = info_item(c, FOLIO_NODE_PUBLISHERNAME);
	const char *publisher = text_of(c, pubname ? pubname : pub);
	return publisher && *publisher ? publisher : NULL;
}

static void write_metadata(epub_ctx *c, strbuf *b)
{
	const folio_node *root = c->doc->root;
	sb_puts(b, "  <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
	put_element(b, "    <dc:identifier id=\"uid\">", c->identifier, "</dc:identifier>\n");
	const char *title = epub_nav_title(c, root);
	put_element(b, "    <dc:title id=\"title\">", title, "</dc:title>\n");
	sb_puts(b, "    <meta refines=\"#title\" property=\"title-type\">main</meta>\n");
	const char *sub = epub_book_subtitle(c);
	if (sub) {
		put_element(b, "    <dc:title id=\"subtitle\">", sub, "</dc:title>\n");
		sb_puts(b, "    <meta refines=\"#subtitle\" property=\"title-type\">subtitle</meta>\n");
	}
	const char *lang = epub_book_lang(c);
	put_element(b, "    <dc:language>", lang, "</dc:language>\n");
	write_people(c, b);
	const char *publisher = epub_book_publisher(c);
	if (publisher)
		put_element(b, "    <dc:publisher>", publisher, "</dc:publisher>\n");
	const char *date = book_date(c);
	if (date)
		put_element(b, "    <dc:date>", date, "</dc:date>\n");
	const char *rights = rights_text(c);
	if (rights)
		put_element(b, "    <dc:rights>", rights, "</dc:rights>\n");
	if (c->npages > 0) {
		/* The print edition is the source of the page numbers
		 * (epubcheck 4.2.6 does not know a11y:pageBreakSource). */
		const char *isbn = isbn_of(c);
		const char *source = isbn ? epub_printf(c, "urn:isbn:%s", isbn) : c->identifier;
		put_element(b, "    <dc:source id=\"print-source\">", source, "</dc:source>\n");
		sb_puts(b, "    <meta refines=\"#print-source\" property=\"source-of\">pagination</meta>\n");
	}
	meta_property(b, "dcterms:modified", c->modified);
	write_a11y(c, b);
	write_conformance(c, b, publisher);
	if (c->has_cover)
		sb_printf(b, "    <meta name=\"cover\" content=\"%s\"/>\n",
			  c->cover_raster_id ? c->cover_raster_id : "cover-image");
	if (c->opts->epub.embed_fonts)
		sb_puts(b, "    <meta property=\"ibooks:specified-fonts\">true</meta>\n");
	sb_puts(b, "  </metadata>\n");
}

/* ---- manifest and spine ---- */

static void item(strbuf *b, const char *id, const char *href, const char *type,
		 const char *properties)
{
	sb_printf(b, "    <item id=\"%s\" href=\"", id);
	sb_put_xml(b, href, strlen(href));
	sb_printf(b, "\" media-type=\"%s\"", type);
	if (properties)
		sb_printf(b, " properties=\"%s\"", properties);
	sb_puts(b, "/>\n");
}

static void write_manifest(epub_ctx *c, strbuf *b)
{
	sb_puts(b, "  <manifest>\n");
	item(b, "nav", "nav.xhtml", "application/xhtml+xml", "nav");
	item(b, "ncx", "toc.ncx", "application/x-dtbncx+xml", NULL);
	for (unsigned i = 0; i < c->nchunks; i++)
		item(b, c->chunks[i].item_id, c->chunks[i].file, "application/xhtml+xml",
		     c->chunks[i].mathml ? "mathml" : NULL);
	for (unsigned i = 0; i < c->nres; i++) {
		const epub_resource *r = &c->res[i];
		const char *id = r->properties && strcmp(r->properties, "cover-image") == 0
					 ? "cover-image" : r->id;
		item(b, id, r->href, r->media_type, r->properties);
	}
	sb_puts(b, "  </manifest>\n");
}

static void write_spine(epub_ctx *c, strbuf *b)
{
	/* a book in a right-to-left language turns its pages to the left */
	sb_puts(b, folio_lang_rtl(c->doc->lang)
			   ? "  <spine toc=\"ncx\" page-progression-direction=\"rtl\">\n"
			   : "  <spine toc=\"ncx\">\n");
	for (unsigned i = 0; i <= c->nchunks; i++) {
		if ((int)i == c->nav_spine_pos)
			sb_puts(b, "    <itemref idref=\"nav\"/>\n");
		if (i < c->nchunks)
			sb_printf(b, "    <itemref idref=\"%s\"/>\n", c->chunks[i].item_id);
	}
	sb_puts(b, "  </spine>\n");
}

/* EPUB 2's guide: ignored by EPUB 3 readers, read by older Kobo and
 * Kindle tools to find the cover, the contents and where to start. */
static void write_guide(epub_ctx *c, strbuf *b)
{
	const folio_lang *l = c->lang;
	sb_puts(b, "  <guide>\n");
	for (unsigned i = 0; i < c->nchunks; i++)
		if (c->chunks[i].kind == EPUB_CHUNK_COVER)
			sb_printf(b, "    <reference type=\"cover\" title=\"Cover\" href=\"%s\"/>\n",
				  c->chunks[i].file);
	sb_puts(b, "    <reference type=\"toc\" title=\"");
	sb_put_xml(b, l->contents, strlen(l->contents));
	sb_puts(b, "\" href=\"nav.xhtml\"/>\n");
	for (unsigned i = 0; i < c->nchunks; i++)
		if (strcmp(c->chunks[i].matter, "bodymatter") == 0) {
			sb_puts(b, "    <reference type=\"text\" title=\"");
			const char *t = epub_nav_title(c, c->chunks[i].node);
			sb_put_xml(b, t, strlen(t));
			sb_printf(b, "\" href=\"%s\"/>\n", c->chunks[i].file);
			break;
		}
	sb_puts(b, "  </guide>\n");
}

void epub_write_opf(epub_ctx *c, strbuf *b)
{
	const char *lang = epub_book_lang(c);
	sb_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		   "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" "
		   "unique-identifier=\"uid\"");
	sb_puts(b, " xml:lang=\"");
	sb_put_xml(b, lang, strlen(lang));
	sb_puts(b, "\" prefix=\"a11y: http://www.idpf.org/epub/vocab/package/a11y/#");
	if (c->opts->epub.embed_fonts)
		sb_puts(b, " ibooks: http://vocabulary.itunes.apple.com/rdf/ibooks/vocabulary-extensions-1.0/");
	sb_puts(b, "\">\n");
	write_metadata(c, b);
	write_manifest(c, b);
	write_spine(c, b);
	write_guide(c, b);
	sb_puts(b, "</package>\n");
}
