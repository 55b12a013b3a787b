/*
 * xhtml_math: MathML written into the XHTML as MathML.  A math element
 * (FOLIO_NODE_MATHML, folio/mathml.h) is written whole by one handler:
 * the element in MathML's namespace, display="block" in an equation or
 * informal equation, alttext from the source or the linear form, and its
 * subtree walked without recursion.  Only presentation elements and
 * attributes go out (EPUB 3 allows no more outside annotation-xml):
 * semantics is written as its first child, an element folio does not
 * support as an mtext of its text, and attributes outside the list below
 * are left out (an id would not be unique in the document).  The content
 * document is marked as holding MathML (the manifest's mathml property).
 */
#include "backend/epub/xhtml.h"
#include "folio/mathml.h"

#include <stdlib.h>
#include <string.h>

/* The presentation attributes written through, in strcmp order. */
static const char *const kept_attrs[] = {
	"accent", "accentunder", "align", "bevelled", "close",
	"columnalign", "columnlines", "columnspacing", "columnspan",
	"denomalign", "depth", "dir", "displaystyle", "equalcolumns",
	"equalrows", "fence", "form", "frame", "framespacing", "height",
	"largeop", "linethickness", "lspace", "mathbackground", "mathcolor",
	"mathsize", "mathvariant", "maxsize", "minsize", "movablelimits",
	"notation", "numalign", "open", "rowalign", "rowlines",
	"rowspacing", "rowspan", "rspace", "scriptlevel", "scriptminsize",
	"scriptsizemultiplier", "separator", "separators", "stretchy",
	"subscriptshift", "superscriptshift", "symmetric", "voffset", "width",
};

static int by_name(const void *key, const void *elem)
{
	return strcmp((const char *)key, *(const char *const *)elem);
}

static int kept(const char *name)
{
	return bsearch(name, kept_attrs, sizeof kept_attrs / sizeof *kept_attrs,
		       sizeof *kept_attrs, by_name) != NULL;
}

static void put_attr(strbuf *b, const char *name, const char *value)
{
	sb_printf(b, " %s=\"", name);
	sb_put_xml(b, value, strlen(value));
	sb_putc(b, '"');
}

static void open_math(xw *w, const folio_node *n)
{
	strbuf *b = w->out;
	sb_puts(b, "<math xmlns=\"" FOLIO_NS_MATHML "\"");
	const char *id = xw_id_for(w, n);
	if (id)
		put_attr(b, "id", id);
	if (folio_math_is_display(n))
		put_attr(b, "display", "block");
	put_attr(b, "alttext", folio_math_linear(w->c->doc, n));
	for (unsigned i = 0; i < n->nattrs; i++)
		if (kept(n->attrs[i].name) && strcmp(n->attrs[i].name, "display") != 0)
			put_attr(b, n->attrs[i].name, n->attrs[i].value);
	sb_putc(b, '>');
}

static void open_element(strbuf *b, const folio_node *n, const char *name)
{
	sb_printf(b, "<%s", name);
	for (unsigned i = 0; i < n->nattrs; i++)
		if (kept(n->attrs[i].name))
			put_attr(b, n->attrs[i].name, n->attrs[i].value);
	sb_putc(b, '>');
}

/* An element folio does not support (content markup, maction, mglyph):
 * its text as one mtext, so the parent keeps its count of children. */
static void put_unsupported(xw *w, const folio_node *n)
{
	sb_puts(w->out, "<mtext>");
	if (n->kind == FOLIO_NODE_TEXT) {
		epub_put_text(w->out, n->text, n->len, 1);
	} else {
		const char *t = xw_plain_text(w, n);
		const char *alt = folio_node_attr(n, "alt");
		if (*t == '\0' && alt)
			t = alt;
		sb_put_xml(w->out, t, strlen(t));
	}
	sb_puts(w->out, "</mtext>");
}

/* Whether c is written: a semantics element shows its first child, and
 * annotations show nowhere. */
static int shown(const folio_node *c)
{
	folio_mml m = folio_mml_of(c);
	if (m == FOLIO_MML_ANNOTATION || m == FOLIO_MML_ANNOTATION_XML)
		return 0;
	const folio_node *p = c->parent;
	if (folio_mml_of(p) != FOLIO_MML_SEMANTICS)
		return 1;
	for (const folio_node *s = p->first; s; s = s->next)
		if (s->kind == FOLIO_NODE_MATHML)
			return s == c;
	return 0;
}

static int is_token(const folio_node *n)
{
	folio_mml m = folio_mml_of(n);
	return m > FOLIO_MML_UNSUPPORTED &&
	       folio_mml_shape_of(m) == FOLIO_MML_SHAPE_TOKEN;
}

static void put_math(xw *w, const folio_node *math)
{
	strbuf *b = w->out;
	folio_iter it;
	folio_iter_init(&it, math);
	folio_event ev;
	while ((ev = folio_iter_next(&it)) != FOLIO_DONE) {
		const folio_node *n = it.node;
		folio_mml m = folio_mml_of(n);
		if (ev == FOLIO_EXIT) {
			if (n == math && m != FOLIO_MML_MATH &&
			    m != FOLIO_MML_UNSUPPORTED)
				sb_printf(b, "</%s>", n->name);
			if (n == math)
				sb_puts(b, "</math>");
			else if (!shown(n) || m <= FOLIO_MML_UNSUPPORTED ||
				 m == FOLIO_MML_MATH)
				continue; /* skipped at ENTER */
			else if (m == FOLIO_MML_SEMANTICS)
				sb_puts(b, "</mrow>");
			else
				sb_printf(b, "</%s>", n->name);
			continue;
		}
		if (n == math) {
			/* a MathML element outside math is taken as in one */
			open_math(w, n);
			if (m == FOLIO_MML_UNSUPPORTED) {
				put_unsupported(w, n);
				folio_iter_skip(&it);
			} else if (m != FOLIO_MML_MATH) {
				open_element(b, n, n->name);
			}
			continue;
		}
		if (n->kind == FOLIO_NODE_TEXT) {
			if (is_token(n->parent))
				epub_put_text(b, n->text, n->len, 1);
			else
				put_unsupported(w, n);
			continue;
		}
		if (!shown(n)) {
			folio_iter_skip(&it);
			continue;
		}
		if (n->kind != FOLIO_NODE_MATHML || m == FOLIO_MML_UNSUPPORTED ||
		    m == FOLIO_MML_MATH) {
			/* a DocBook element or a nested math: its text */
			put_unsupported(w, n);
			folio_iter_skip(&it);
			continue;
		}
		if (m == FOLIO_MML_SEMANTICS)
			sb_puts(b, "<mrow>");
		else
			open_element(b, n, n->name);
	}
}

static int math_enter(xw *w, frame *f)
{
	put_math(w, f->node);
	w->c->chunks[w->chunk].mathml = 1;
	return 0;
}

const handler xw_h_math = { math_enter, NULL, NULL, NULL };
