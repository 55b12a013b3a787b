/*
 * tags: the structure tree of a tagged PDF (tags.h).
 *
 * Layout says what each text item belongs to (lay_item.node: the para,
 * title, entry or footnote it was set from; lay_item.tag: content, an
 * artifact, a contents entry).  An element is made for a node the first
 * time content of it (or of a node below it) is written, with the
 * elements of the nodes above it; a node whose kind has no structure
 * type (emphasis, tgroup, info) is passed through.  Content is written in
 * page order, but the tree reads in source order: every kid has a key,
 * the document order of its node (from one walk of the tree), and the
 * kids are sorted by it before writing.  So a float moved to the next
 * page reads where the source has it, and a footnote right after the
 * paragraph that calls it (it is hung on the paragraph's parent, its key
 * inside the paragraph's span of the document).
 *
 * The elements are libharu dictionaries without entries of their own:
 * write_elem writes their keys from folio's records when the file is
 * saved, as emit_hpdf.c writes internal links, so the tree costs one
 * object each and no libharu number or array per kid.
 */
#include "backend/pdf/tags.h"
#include "folio/mathml.h"
#include "util/utf8.h"
#include "util/vec.h"
#include "util/xalloc.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kid_kind { KID_MCR, KID_ELEM, KID_OBJR };

struct selem;

typedef struct kid {
	uint64_t key;        /* document order, then... */
	unsigned seq;        /* ...the order it was met in */
	unsigned char kind;  /* enum kid_kind */
	unsigned page;       /* MCR, OBJR */
	unsigned mcid;       /* MCR */
	struct selem *elem;  /* ELEM */
	HPDF_Dict annot;     /* OBJR */
} kid;

typedef struct selem {
	HPDF_Dict obj;
	struct pdf_tags *t;
	const char *type;       /* "P"; "H" until ordered */
	char htype[4];          /* "H1".."H6" */
	struct selem *parent;
	const folio_node *node; /* NULL: made here (Lbl, LBody, a P) */
	uint64_t base;          /* document order its content sorts by */
	uint64_t key;
	unsigned seq;
	VEC(kid) kids;
	const char *lang;       /* in force */
	char *alt;              /* Figure, Formula */
	char *id;               /* Note */
	int th;                 /* a header cell: /Scope /Column */
	unsigned rowspan, colspan;
	int page;               /* /Pg: the page of its first MCR; -1 */
	int bbox_set;
	float bbox[4];
	struct selem *own, *lbody; /* made kids: own text, an item's body */
} selem;

typedef struct pending_link {
	selem *owner;
	unsigned seq;
	char *contents;
	const folio_node *to;   /* where it goes: a node or a URI */
	const char *uri;
	selem *link;            /* its Link element, once made */
	unsigned text;          /* the run under it, when it comes after
				   the link item: its seq waits for it */
	int waiting;
} pending_link;

typedef VEC(selem *) selem_vec;

struct pdf_tags {
	HPDF_Doc pdf;
	const lay_result *res;
	folio_diag *diag;
	fx ox, oy;
	const folio_node *root;
	unsigned nserial;
	unsigned *order;       /* by serial: document order from 1 */
	selem **by_serial;     /* the node's element */
	selem **toci;          /* by serial: the contents entry's element */
	selem **owner;         /* by serial: where the node's text goes */
	strbuf scratch;        /* an element's keys, being written */
	selem *doc, *toc;
	HPDF_Dict tree_root;   /* the StructTreeRoot */
	ptrvec all;            /* every element, for freeing */
	unsigned seq;
	uint64_t last_order;   /* of the last content written */
	selem *last_owner;     /* on this page, for links */
	/* the open marked-content sequence: content of owner (props: one
	 * of its own, never continued), an artifact of kind, or none */
	int open;              /* 0 none, 1 content, 2 artifact, 3 alone */
	selem *open_owner;
	int open_kind;
	fx open_y, open_size;  /* the baseline and size of its last run */
	unsigned page;
	HPDF_Dict *pages;
	selem_vec *mcids;      /* by page: the element of each MCID */
	VEC(pending_link) links;
	VEC(size_t) waiting;   /* links of this page waiting for their run */
	selem_vec annots;      /* parent tree keys npages + k */
	VEC(HPDF_Dict) annot_pages;
	unsigned notes;
	int missing_alt;
};

/* ---- roles ---- */

#define K(x) [FOLIO_NODE_##x]
static const char *const roles[FOLIO_NODE_KIND_COUNT] = {
	K(SET) = "Sect", K(BOOK) = "Sect", K(PART) = "Part", K(PARTINTRO) = "Sect",
	K(PREFACE) = "Sect", K(CHAPTER) = "Sect", K(ARTICLE) = "Art",
	K(APPENDIX) = "Sect", K(SECTION) = "Sect", K(SIMPLESECT) = "Sect",
	K(TOPIC) = "Sect", K(REFERENCE) = "Sect", K(REFENTRY) = "Sect",
	K(REFSYNOPSISDIV) = "Sect", K(REFSECTION) = "Sect", K(REFSECT1) = "Sect",
	K(REFSECT2) = "Sect", K(REFSECT3) = "Sect", K(ACKNOWLEDGEMENTS) = "Sect",
	K(DEDICATION) = "Sect", K(COLOPHON) = "Sect", K(GLOSSARY) = "Sect",
	K(GLOSSDIV) = "Sect", K(BIBLIOGRAPHY) = "Sect", K(BIBLIODIV) = "Sect",
	K(INDEX) = "Index", K(INDEXDIV) = "Sect", K(SIDEBAR) = "Div",
	K(TITLE) = "H", K(SUBTITLE) = "P", K(AUTHOR) = "P", K(EDITOR) = "P",
	K(OTHERCREDIT) = "P", K(AUTHORGROUP) = "P", K(CORPAUTHOR) = "P",
	K(ABSTRACT) = "Div", K(LEGALNOTICE) = "Div", K(ADDRESS) = "P",
	K(AFFILIATION) = "P", K(PUBLISHERNAME) = "P", K(PUBDATE) = "P",
	K(COPYRIGHT) = "P", K(EDITION) = "P", K(BIBLIOID) = "P", K(ISBN) = "P",
	K(ISSN) = "P", K(RELEASEINFO) = "P",
	K(PARA) = "P", K(SIMPARA) = "P", K(REFNAMEDIV) = "P", K(FORMALPARA) = "Div",
	K(ITEMIZEDLIST) = "L", K(ORDEREDLIST) = "L", K(SIMPLELIST) = "L",
	K(PROCEDURE) = "L", K(SUBSTEPS) = "L", K(STEPALTERNATIVES) = "L",
	K(VARIABLELIST) = "L", K(LISTITEM) = "LI", K(MEMBER) = "LI", K(STEP) = "LI",
	K(VARLISTENTRY) = "LI", K(TERM) = "Lbl", K(QANDASET) = "Div",
	K(QANDADIV) = "Div", K(QANDAENTRY) = "Div", K(QUESTION) = "Div",
	K(ANSWER) = "Div", K(LABEL) = "P", K(BLOCKQUOTE) = "BlockQuote",
	K(EPIGRAPH) = "BlockQuote", K(ATTRIBUTION) = "P", K(NOTE) = "Div",
	K(TIP) = "Div", K(IMPORTANT) = "Div", K(WARNING) = "Div", K(CAUTION) = "Div",
	K(DANGER) = "Div", K(EXAMPLE) = "Div", K(INFORMALEXAMPLE) = "Div",
	K(FIGURE) = "Div", K(INFORMALFIGURE) = "Div", K(MEDIAOBJECT) = "Figure",
	K(INLINEMEDIAOBJECT) = "Figure", K(CAPTION) = "Caption", K(TABLE) = "Table",
	K(INFORMALTABLE) = "Table", K(THEAD) = "THead", K(TBODY) = "TBody",
	K(TFOOT) = "TFoot", K(ROW) = "TR", K(TR) = "TR", K(ENTRY) = "TD",
	K(TD) = "TD", K(TH) = "TH", K(PROGRAMLISTING) = "Code", K(SCREEN) = "Code",
	K(SYNOPSIS) = "Code", K(LITERALLAYOUT) = "P", K(BRIDGEHEAD) = "P",
	K(EQUATION) = "Formula", K(INFORMALEQUATION) = "Formula",
	K(GLOSSLIST) = "Div", K(GLOSSENTRY) = "Div", K(GLOSSDEF) = "Div",
	K(GLOSSSEE) = "P", K(GLOSSSEEALSO) = "P", K(BIBLIOENTRY) = "BibEntry",
	K(BIBLIOMIXED) = "BibEntry", K(BIBLIOLIST) = "Div", K(INDEXENTRY) = "P",
	K(FOOTNOTE) = "Note",
};
#undef K

/* type may be NULL: role_of passes some nodes through (a refentry's
 * title under refmeta has no role of its own). */
static int is(const char *type, const char *name)
{
	return type && strcmp(type, name) == 0;
}

static int in_head(const folio_node *n)
{
	for (int up = 0; n && up < 4; up++, n = n->parent)
		if (n->kind == FOLIO_NODE_THEAD)
			return 1;
	return 0;
}

/* What a title is depends on what it names: a division's heading, the
 * caption of a figure, table, example, equation or list, else a P. */
static const char *title_role(const pdf_tags *t, const folio_node *n)
{
	const folio_node *p = n->parent;
	if (p && p->kind == FOLIO_NODE_INFO)
		p = p->parent;
	if (p == NULL)
		return "P";
	if (p == t->root || folio_kind_class(p->kind) == FOLIO_CLASS_DIVISION)
		return "H";
	if (roles[p->kind] && (is(roles[p->kind], "Table") || is(roles[p->kind], "L") ||
			       is(roles[p->kind], "Formula") ||
			       p->kind == FOLIO_NODE_FIGURE || p->kind == FOLIO_NODE_INFORMALFIGURE ||
			       p->kind == FOLIO_NODE_EXAMPLE || p->kind == FOLIO_NODE_INFORMALEXAMPLE))
		return "Caption";
	return "P";
}

/* The structure type of n, NULL when n is passed through. */
static const char *role_of(const pdf_tags *t, const folio_node *n)
{
	if (n == t->root)
		return "Document";
	if (n->kind >= FOLIO_NODE_KIND_COUNT)
		return NULL;
	switch (n->kind) {
	case FOLIO_NODE_TITLE:
		return title_role(t, n);
	case FOLIO_NODE_ENTRY:
	case FOLIO_NODE_TD:
		return in_head(n) ? "TH" : "TD";
	case FOLIO_NODE_LISTITEM:
		return n->parent && n->parent->kind == FOLIO_NODE_VARLISTENTRY ? "LBody" : "LI";
	default:
		return roles[n->kind];
	}
}

/* ---- document order ---- */

static void number_nodes(pdf_tags *t)
{
	unsigned max = 0;
	for (const folio_node *n = t->root; n; n = folio_next(t->root, n, 0))
		if (n->serial > max)
			max = n->serial;
	t->nserial = max + 1;
	t->order = xcalloc(t->nserial, sizeof *t->order);
	t->by_serial = xcalloc(t->nserial, sizeof *t->by_serial);
	t->toci = xcalloc(t->nserial, sizeof *t->toci);
	t->owner = xcalloc(t->nserial, sizeof *t->owner);
	unsigned k = 0;
	for (const folio_node *n = t->root; n; n = folio_next(t->root, n, 0))
		t->order[n->serial] = ++k;
}

static int known(const pdf_tags *t, const folio_node *n)
{
	return n && n->serial < t->nserial && t->order[n->serial];
}

static uint64_t order_of(const pdf_tags *t, const folio_node *n)
{
	return known(t, n) ? t->order[n->serial] : 0;
}

/* ---- text of the tree (alt text) ---- */

static void squeezed(strbuf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			if (b->len && b->s[b->len - 1] != ' ')
				sb_putc(b, ' ');
			continue;
		}
		sb_putc(b, c);
	}
}

/* The text below top, white space made single spaces; skip: a kind whose
 * subtree is left out (a title), or FOLIO_NODE_NONE. */
static char *text_below(const folio_node *top, folio_node_kind skip)
{
	strbuf b = STRBUF_INIT;
	for (const folio_node *n = top->first ? top->first : NULL; n;) {
		if (n->kind == skip || n->kind == FOLIO_NODE_INFO) {
			n = folio_next(top, n, 1);
			continue;
		}
		if (n->kind == FOLIO_NODE_TEXT)
			squeezed(&b, n->text, n->len);
		n = folio_next(top, n, 0);
	}
	while (b.len && b.s[b.len - 1] == ' ')
		b.len--;
	if (b.len == 0) {
		sb_free(&b);
		return NULL;
	}
	char *s = sb_take(&b);
	return s[0] == ' ' ? memmove(s, s + 1, strlen(s)) : s;
}

/* A media object's description: its alt, else its textobject. */
static char *figure_alt(const folio_node *n)
{
	const folio_node *textobject = NULL;
	for (const folio_node *c = n->first; c; c = folio_next(n, c, 0)) {
		if (c->kind == FOLIO_NODE_ALT)
			return text_below(c, FOLIO_NODE_NONE);
		if (c->kind == FOLIO_NODE_TEXTOBJECT && textobject == NULL)
			textobject = c;
	}
	return textobject ? text_below(textobject, FOLIO_NODE_NONE) : NULL;
}

/* ---- elements ---- */

static selem *new_elem(pdf_tags *t, const char *type, const folio_node *node)
{
	selem *e = xcalloc(1, sizeof *e);
	e->t = t;
	e->type = type;
	e->node = node;
	e->page = -1;
	e->seq = t->seq++;
	VEC_PUSH(t->all, e);
	return e;
}

static void add_kid(selem *parent, kid k)
{
	k.seq = parent->t->seq++;
	VEC_PUSH(parent->kids, k);
}

static void attach(selem *parent, selem *e, uint64_t key)
{
	e->parent = parent;
	e->key = key;
	if (e->lang == NULL)
		e->lang = parent->lang;
	add_kid(parent, (kid){ .key = key, .kind = KID_ELEM, .elem = e });
}

/* A kid made here: low keys go before the parent's other kids, high
 * ones after. */
static selem *made(pdf_tags *t, selem *parent, const char *type, int low)
{
	selem *e = new_elem(t, type, NULL);
	e->base = parent->base;
	attach(parent, e, parent->base << 32 | (low ? 0 : 0xFFFFFFFFu));
	return e;
}

static int text_leaf(const char *type)
{
	return is(type, "P") || is(type, "H") || is(type, "Caption") ||
	       is(type, "Lbl") || is(type, "Code") || is(type, "BibEntry");
}

/* The column a CALS colspec name stands for, from 1; 0 unknown. */
static unsigned colspec_number(const folio_node *entry, const char *name)
{
	const folio_node *g = entry->parent ? entry->parent->parent : NULL;
	if (g && g->parent && (g->kind == FOLIO_NODE_THEAD || g->kind == FOLIO_NODE_TBODY ||
			       g->kind == FOLIO_NODE_TFOOT))
		g = g->parent;
	unsigned k = 0;
	for (const folio_node *c = g ? g->first : NULL; c; c = c->next) {
		if (c->kind != FOLIO_NODE_COLSPEC)
			continue;
		const char *num = folio_node_attr(c, "colnum");
		k = num ? (unsigned)strtoul(num, NULL, 10) : k + 1;
		const char *cn = folio_node_attr(c, "colname");
		if (cn && strcmp(cn, name) == 0)
			return k;
	}
	return 0;
}

static void cell_spans(selem *e, const folio_node *n)
{
	const char *v;
	if ((v = folio_node_attr(n, "morerows")) != NULL)
		e->rowspan = (unsigned)strtoul(v, NULL, 10) + 1;
	if ((v = folio_node_attr(n, "rowspan")) != NULL)
		e->rowspan = (unsigned)strtoul(v, NULL, 10);
	if ((v = folio_node_attr(n, "colspan")) != NULL)
		e->colspan = (unsigned)strtoul(v, NULL, 10);
	const char *st = folio_node_attr(n, "namest"), *en = folio_node_attr(n, "nameend");
	if (st && en) {
		unsigned a = colspec_number(n, st), b = colspec_number(n, en);
		if (a && b > a)
			e->colspan = b - a + 1;
	}
	if (e->rowspan == 1)
		e->rowspan = 0;
	if (e->colspan == 1)
		e->colspan = 0;
}

/* A formula's description: the linear form of its MathML ("H_c = 1 −
 * 1/R_0", the source's alttext when it has one), else its text without
 * the title (a mathphrase). */
static char *formula_alt(const folio_node *n)
{
	for (const folio_node *c = n->first; c; c = folio_next(n, c, 0))
		if (folio_mml_of(c) == FOLIO_MML_MATH) {
			char *s = folio_math_linear_dup(c);
			if (*s)
				return s;
			free(s);
			break;
		}
	return text_below(n, FOLIO_NODE_TITLE);
}

/* What an element of node n carries beyond its type. */
static void describe(pdf_tags *t, selem *e, const folio_node *n)
{
	e->lang = n->lang;
	if (is(e->type, "Figure") || is(e->type, "Formula")) {
		e->alt = is(e->type, "Figure") ? figure_alt(n) : formula_alt(n);
		if (e->alt == NULL) {
			t->missing_alt = 1;
			folio_report_strict(t->diag, n->loc,
					    "<%s> without alternative text: a screen reader cannot describe it "
					    "(add <alt> or <textobject>); the PDF does not claim PDF/UA",
					    n->name ? n->name : folio_kind_name(n->kind));
		}
	} else if (is(e->type, "Note")) {
		char id[32];
		snprintf(id, sizeof id, "note%06u", ++t->notes);
		e->id = xstrdup(id);
	} else if (is(e->type, "TH") || is(e->type, "TD")) {
		e->th = is(e->type, "TH");
		cell_spans(e, n);
	}
}

/* The parent element a new element of type (sorting by key) goes in: a
 * note beside the paragraph that calls it, a list item's content in its
 * body (which sorts where its first content does). */
static selem *adopt(pdf_tags *t, selem *parent, const char *type, uint64_t key)
{
	/* a note, or a block in a paragraph's node (a list in a para, an
	 * affiliation in an editor), goes beside the paragraph, not in it */
	if (is(type, "Note") || (text_leaf(type) && !is(type, "Lbl")) || is(type, "L") ||
	    is(type, "Table") || is(type, "Div") || is(type, "BlockQuote"))
		while (parent->parent && text_leaf(parent->type))
			parent = parent->parent;
	if (is(parent->type, "LI") && !is(type, "Lbl") && !is(type, "LBody")) {
		if (parent->lbody == NULL) {
			parent->lbody = new_elem(t, "LBody", NULL);
			parent->lbody->base = parent->base;
			attach(parent, parent->lbody, key);
		}
		parent = parent->lbody;
	}
	return parent;
}

/* The element of n (which has a role), made with those above it. */
static selem *elem_for(pdf_tags *t, const folio_node *n)
{
	if (!known(t, n))
		return t->doc;
	if (t->by_serial[n->serial])
		return t->by_serial[n->serial];
	VEC(const folio_node *) chain = { 0 };
	const folio_node *m = n;
	while (m && !(known(t, m) && t->by_serial[m->serial])) {
		if (known(t, m) && role_of(t, m))
			VEC_PUSH(chain, m);
		m = m->parent;
	}
	selem *parent = m ? t->by_serial[m->serial] : t->doc;
	for (size_t i = chain.n; i-- > 0;) {
		const folio_node *c = chain.v[i];
		const char *type = role_of(t, c);
		selem *e = new_elem(t, type, c);
		describe(t, e, c);
		e->base = order_of(t, c);
		attach(adopt(t, parent, type, e->base << 32), e, e->base << 32);
		t->by_serial[c->serial] = e;
		parent = e;
	}
	VEC_FREE(chain);
	return parent;
}

/* Where text owned by e itself goes: a division's in its heading, a
 * list item's in its label, a grouping element's in a P of its own. */
static selem *own_of(pdf_tags *t, selem *e)
{
	const char *type = e->type;
	if (is(type, "Sect") || is(type, "Part") || is(type, "Art")) {
		const folio_node *title = e->node ? folio_node_title(e->node) : NULL;
		if (title && known(t, title) && is(role_of(t, title), "H"))
			return elem_for(t, title);
		if (e->own == NULL)
			e->own = made(t, e, "H", 1);
		return e->own;
	}
	const folio_node *title = e->node ? folio_node_title(e->node) : NULL;
	if (title && known(t, title) && is(role_of(t, title), "Caption") &&
	    !is(type, "Figure") && !is(type, "Formula"))
		return elem_for(t, title); /* "Tabel 1." before the title */
	const char *own = NULL;
	if (is(type, "LI"))
		own = "Lbl";
	else if (is(type, "L") || is(type, "Table"))
		own = "Caption";
	else if (is(type, "TR"))
		own = "TD";
	else if (is(type, "Document") || is(type, "Div") || is(type, "BlockQuote") ||
		 is(type, "Index") || is(type, "THead") || is(type, "TBody") ||
		 is(type, "TFoot") || is(type, "LBody") || is(type, "TOCI"))
		own = "P";
	if (own == NULL)
		return e;
	if (e->own == NULL)
		e->own = made(t, e, own, 1);
	return e->own;
}

static selem *owner_of(pdf_tags *t, const folio_node *n)
{
	int cache = known(t, n);
	if (cache && t->owner[n->serial])
		return t->owner[n->serial];
	const folio_node *from = n;
	while (n && !(known(t, n) && role_of(t, n)))
		n = n->parent;
	selem *e = own_of(t, n ? elem_for(t, n) : t->doc);
	if (cache)
		t->owner[from->serial] = e;
	return e;
}

/* The contents, after what was written before it. */
static selem *toc_of(pdf_tags *t)
{
	if (t->toc == NULL) {
		t->toc = new_elem(t, "TOC", NULL);
		t->toc->base = t->last_order;
		attach(t->doc, t->toc, t->last_order << 32 | 0xFFFFFF00u);
	}
	return t->toc;
}

static selem *toci_of(pdf_tags *t, const folio_node *n)
{
	selem *toc = toc_of(t);
	if (n == NULL) { /* the contents' title: a heading before it */
		if (toc->own == NULL) {
			toc->own = new_elem(t, "H", NULL);
			toc->own->base = toc->base;
			attach(t->doc, toc->own, toc->key - 1);
		}
		return toc->own;
	}
	if (!known(t, n))
		return own_of(t, toc);
	selem *e = t->toci[n->serial];
	if (e == NULL) {
		e = new_elem(t, "TOCI", NULL);
		e->base = toc->base;
		attach(toc, e, toc->base << 32 | e->seq);
		t->toci[n->serial] = e;
	}
	return own_of(t, e);
}

/* ---- numbers, without printf (the tree has thousands) ---- */

static void put_uint(strbuf *b, unsigned v)
{
	char buf[12];
	size_t o = sizeof buf;
	do {
		buf[--o] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	sb_putn(b, buf + o, sizeof buf - o);
}

static void ref(strbuf *b, HPDF_Dict d)
{
	char buf[24];
	size_t o = sizeof buf - 4;
	memcpy(buf + o, " 0 R", 4); /* libharu's objects are generation 0 */
	unsigned v = (unsigned)(d->header.obj_id & 0x00FFFFFF);
	do {
		buf[--o] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	sb_putn(b, buf + o, sizeof buf - o);
}

/* ---- marked content ---- */

static unsigned add_mcr(pdf_tags *t, selem *owner)
{
	selem_vec *v = &t->mcids[t->page];
	unsigned mcid = (unsigned)v->n;
	VEC_PUSH(*v, owner);
	if (owner->page < 0)
		owner->page = (int)t->page;
	add_kid(owner, (kid){ .key = owner->base << 32 | (t->seq & 0xFFFFFFFFu),
			      .kind = KID_MCR, .page = t->page, .mcid = mcid });
	return mcid;
}

static void figure_box(pdf_tags *t, selem *e, const lay_item *it)
{
	float box[4] = { (float)(t->ox + it->x) / 1000.0f,
			 (float)(t->oy + t->res->height - it->y - it->h) / 1000.0f,
			 (float)(t->ox + it->x + it->w) / 1000.0f,
			 (float)(t->oy + t->res->height - it->y) / 1000.0f };
	if (!e->bbox_set) {
		memcpy(e->bbox, box, sizeof box);
		e->bbox_set = 1;
		return;
	}
	for (int k = 0; k < 2; k++) {
		if (box[k] < e->bbox[k])
			e->bbox[k] = box[k];
		if (box[k + 2] > e->bbox[k + 2])
			e->bbox[k + 2] = box[k + 2];
	}
}

/* The element a text item's content goes in; NULL: an artifact. */
static selem *text_owner(pdf_tags *t, const lay_item *it)
{
	switch (LT_KIND(it->tag)) {
	case LT_TOCI:
		return toci_of(t, it->node);
	case LT_CONTENT:
		return owner_of(t, it->node);
	default:
		return NULL;
	}
}

/* Links waiting for run i (or, i == UINT_MAX, for any) take their
 * place now. */
static void place_links(pdf_tags *t, unsigned i)
{
	size_t keep = 0;
	for (size_t k = 0; k < t->waiting.n; k++) {
		pending_link *l = &t->links.v[t->waiting.v[k]];
		if (i == (unsigned)-1 || l->text == i) {
			l->seq = t->seq++;
			l->waiting = 0;
		} else {
			t->waiting.v[keep++] = t->waiting.v[k];
		}
	}
	t->waiting.n = keep;
}

void tags_close(pdf_tags *t, strbuf *b)
{
	if (t->open)
		sb_puts(b, "EMC\n");
	t->open = 0;
}

static void open_artifact(pdf_tags *t, int kind, const lay_item *it, strbuf *b)
{
	if (t->open == 2 && t->open_kind == kind)
		return;
	tags_close(t, b);
	if (kind == LT_PAGINATION)
		sb_puts(b, it->y < t->res->height / 2
			       ? "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n"
			       : "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n");
	else
		sb_puts(b, TAGS_ARTIFACT);
	t->open = kind == LT_PAGINATION ? 3 : 2; /* a header is not a footer */
	t->open_kind = kind;
}

/* Is run it on the line of the open sequence's last run (a superscript
 * rises less than half the size)? */
static int same_line(const pdf_tags *t, const lay_item *it)
{
	fx d = it->y > t->open_y ? it->y - t->open_y : t->open_y - it->y;
	fx size = it->size > t->open_size ? it->size : t->open_size;
	return d < size / 2;
}

/*
 * One marked-content sequence holds the runs of one element on one line:
 * one MCID for them, not one a run, keeps the parent tree and the
 * content small; a line a sequence of its own keeps the lines apart for
 * a reader of the marked content (poppler joins a sequence's runs).
 */
void tags_mark(pdf_tags *t, const lay_page *pg, unsigned i, const char *props,
	       strbuf *b)
{
	const lay_item *it = &pg->items[i];
	selem *owner;
	if (it->kind == LI_IMAGE) {
		owner = owner_of(t, it->node);
		if (is(owner->type, "Figure"))
			figure_box(t, owner, it);
		props = "";
	} else if (it->kind != LI_TEXT) {
		open_artifact(t, LT_ARTIFACT, it, b);
		t->open = 3; /* a rule is not continued */
		return;
	} else {
		int kind = LT_KIND(it->tag);
		owner = kind == LT_PAGINATION ? NULL : text_owner(t, it);
		if (owner == NULL) {
			open_artifact(t, kind, it, b);
			return;
		}
		if (kind == LT_CONTENT && known(t, it->node))
			t->last_order = order_of(t, it->node);
		t->last_owner = owner;
	}
	if (props == NULL && t->open == 1 && t->open_owner == owner && same_line(t, it)) {
		t->open_y = it->y;
		t->open_size = it->size;
		if (t->waiting.n)
			place_links(t, i);
		return;
	}
	tags_close(t, b);
	unsigned mcid = add_mcr(t, owner);
	/* A run whose glyphs are not its words (lay_item.actual: shaped
	 * script, a formula) is tagged Span: the text readers (poppler's
	 * among them) take the ActualText of a Span only, and the structure
	 * element it belongs to comes from the MCID, not from this tag.  A
	 * broken word's halves keep their element's tag: their glyphs read
	 * as they are, the ActualText is for screen readers. */
	int actual = it->kind == LI_TEXT && it->actual != NULL;
	sb_putc(b, '/');
	sb_puts(b, actual ? "Span" : owner->type);
	sb_puts(b, "<</MCID ");
	put_uint(b, mcid);
	if (props)
		sb_puts(b, props);
	sb_puts(b, ">>BDC\n");
	t->open = props ? 3 : 1;
	t->open_owner = owner;
	t->open_y = it->y;
	t->open_size = it->size;
	if (t->waiting.n)
		place_links(t, i);
}

void tags_page(pdf_tags *t, unsigned index, HPDF_Page page)
{
	place_links(t, (unsigned)-1);
	t->page = index;
	t->pages[index] = page;
	t->last_owner = NULL;
	t->open = 0;
}

/* ---- links ---- */

static void put_utf8(strbuf *b, uint32_t cp)
{
	char buf[4];
	size_t n = utf8_encode(cp, buf);
	sb_putn(b, buf, n);
}

/* Is x a text run on the line of link area lk? */
static int on_line(const lay_item *x, const lay_item *lk)
{
	return x->kind == LI_TEXT && x->y >= lk->y && x->y <= lk->y + lk->h;
}

static int under(const lay_item *x, unsigned k, const lay_item *lk)
{
	fx gx = x->x + x->g[k].x;
	return gx >= lk->x - FX_PT && gx < lk->x + lk->w;
}

/* The runs of link item i's line: [*from, *to) of pg's items (a link
 * item is written when its text ends, before or after its run). */
static void line_runs(const lay_page *pg, unsigned i, unsigned *from, unsigned *to)
{
	const lay_item *lk = &pg->items[i];
	unsigned a = i, z = i + 1;
	while (a > 0 && i - a < 64 && (pg->items[a - 1].kind != LI_TEXT || on_line(&pg->items[a - 1], lk)))
		a--;
	while (z < pg->nitems && z - i < 64 && (pg->items[z].kind != LI_TEXT || on_line(&pg->items[z], lk)))
		z++;
	*from = a;
	*to = z;
}

/* The text under a link area, NULL when there is none. */
static char *text_under(const lay_page *pg, unsigned i, unsigned from, unsigned to)
{
	const lay_item *lk = &pg->items[i];
	strbuf b = STRBUF_INIT;
	for (unsigned j = from; j < to; j++) {
		const lay_item *x = &pg->items[j];
		if (x->kind != LI_TEXT || x->g == NULL || LT_KIND(x->tag) == LT_ARTIFACT)
			continue;
		for (unsigned k = 0; k < x->n; k++) {
			uint32_t cp = x->g[k].cp;
			if (!under(x, k, lk) || (cp == ' ' && (b.len == 0 || b.s[b.len - 1] == ' ')))
				continue;
			put_utf8(&b, cp);
		}
	}
	while (b.len && b.s[b.len - 1] == ' ')
		b.len--;
	if (b.len == 0) {
		sb_free(&b);
		return NULL;
	}
	return sb_take(&b);
}

void tags_link(pdf_tags *t, const lay_page *pg, unsigned i)
{
	const lay_item *lk = &pg->items[i];
	unsigned from, to;
	line_runs(pg, i, &from, &to);
	selem *owner = NULL;
	unsigned run = i;
	for (unsigned j = from; j < to && owner == NULL; j++) {
		const lay_item *x = &pg->items[j];
		if (x->kind != LI_TEXT || x->g == NULL)
			continue;
		for (unsigned k = 0; k < x->n; k++)
			if (under(x, k, lk)) {
				owner = text_owner(t, x);
				run = j;
				break;
			}
	}
	char *text = text_under(pg, i, from, to);
	if (text == NULL && lk->uri)
		text = xstrdup(lk->uri);
	/* the Link reads after the marked content of its text: a run
	 * written after the link item lends it its place when it comes */
	pending_link l = { owner ? owner : t->last_owner, 0, text, lk->node, lk->uri,
			   NULL, run, run > i };
	if (!l.waiting)
		l.seq = t->seq++;
	else
		VEC_PUSH(t->waiting, t->links.n);
	VEC_PUSH(t->links, l);
}

/* s as UTF-16BE with its byte order mark (a PDF text string's bytes). */
static void utf16(strbuf *b, const char *s)
{
	sb_putc(b, (char)0xFE);
	sb_putc(b, (char)0xFF);
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp = 0;
		size_t k = utf8_decode(s + i, n - i, &cp);
		i += k ? k : 1;
		uint32_t units[2] = { cp, 0 };
		int nu = 1;
		if (cp >= 0x10000) {
			units[0] = 0xD800 + ((cp - 0x10000) >> 10);
			units[1] = 0xDC00 + ((cp - 0x10000) & 0x3FF);
			nu = 2;
		}
		for (int u = 0; u < nu; u++) {
			sb_putc(b, (char)(units[u] >> 8));
			sb_putc(b, (char)(units[u] & 0xFF));
		}
	}
}

static HPDF_Binary text_string(HPDF_Doc pdf, const char *s)
{
	strbuf b = STRBUF_INIT;
	utf16(&b, s);
	HPDF_Binary bin = HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)b.s, (HPDF_UINT)b.len);
	sb_free(&b);
	return bin;
}

int tags_link_annot(pdf_tags *t, unsigned seq, HPDF_Dict annot, HPDF_Dict page,
		    const char **contents)
{
	*contents = NULL;
	if (seq >= t->links.n)
		return -1;
	place_links(t, (unsigned)-1); /* the last page's, if any wait */
	pending_link *l = &t->links.v[seq];
	selem *owner = l->owner ? l->owner : own_of(t, t->doc);
	/* one link set on two lines (or a contents entry's title and its
	 * page number) is one Link element with an OBJR for each area */
	const pending_link *prev = seq ? &t->links.v[seq - 1] : NULL;
	selem *link = prev && prev->link && prev->owner == l->owner && prev->to == l->to &&
				      (prev->uri == l->uri ||
				       (prev->uri && l->uri && strcmp(prev->uri, l->uri) == 0))
			      ? prev->link : NULL;
	if (link == NULL) {
		link = new_elem(t, "Link", NULL);
		link->base = owner->base;
		attach(owner, link, owner->base << 32 | (l->seq & 0xFFFFFFFFu));
	}
	l->link = link;
	unsigned key = t->res->npages + (unsigned)t->annots.n;
	VEC_PUSH(t->annots, link);
	VEC_PUSH(t->annot_pages, page);
	add_kid(link, (kid){ .key = 0, .kind = KID_OBJR, .annot = annot,
			     .page = (unsigned)(t->annot_pages.n - 1) });
	*contents = l->contents ? l->contents : "link";
	return (int)key;
}

void tags_link_keys(pdf_tags *t, HPDF_Dict annot, int key, const char *contents)
{
	HPDF_Dict_AddNumber(annot, "StructParent", (HPDF_INT32)key);
	HPDF_Dict_Add(annot, "Contents", text_string(t->pdf, contents));
}

void tags_actual_text(strbuf *b, const uint32_t *cp, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	sb_puts(b, " /ActualText <FEFF");
	for (size_t i = 0; i < n; i++) {
		uint32_t c = cp[i] > 0xFFFF ? 0xFFFD : cp[i];
		char h[4] = { hex[c >> 12 & 15], hex[c >> 8 & 15], hex[c >> 4 & 15], hex[c & 15] };
		sb_putn(b, h, 4);
	}
	sb_putc(b, '>');
}

/* ---- writing ---- */

void tags_hex_text(strbuf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(s);
	size_t plain = 0;
	while (plain < n && (unsigned char)s[plain] >= 0x20 && (unsigned char)s[plain] < 0x7F)
		plain++;
	if (plain == n) { /* printable ASCII: a literal string, half the bytes */
		sb_putc(b, '(');
		for (size_t i = 0; i < n; i++) {
			if (s[i] == '(' || s[i] == ')' || s[i] == '\\')
				sb_putc(b, '\\');
			sb_putc(b, s[i]);
		}
		sb_putc(b, ')');
		return;
	}
	sb_puts(b, "<FEFF");
	for (size_t i = 0; i < n;) {
		uint32_t cp = (unsigned char)s[i];
		size_t k = 1;
		if (cp >= 0x80) {
			k = utf8_decode(s + i, n - i, &cp);
			k = k ? k : 1;
		}
		i += k;
		uint32_t units[2] = { cp, 0 };
		int nu = 1;
		if (cp >= 0x10000) {
			units[0] = 0xD800 + ((cp - 0x10000) >> 10);
			units[1] = 0xDC00 + ((cp - 0x10000) & 0x3FF);
			nu = 2;
		}
		for (int u = 0; u < nu; u++) {
			uint32_t c = units[u];
			char h[4] = { hex[c >> 12 & 15], hex[c >> 8 & 15], hex[c >> 4 & 15], hex[c & 15] };
			sb_putn(b, h, 4);
		}
	}
	sb_putc(b, '>');
}

/* A language tag as a PDF string: ASCII letters, digits and hyphens. */
static void lang_string(strbuf *b, const char *lang)
{
	sb_putc(b, '(');
	for (const char *s = lang; *s; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '-')
			sb_putc(b, *s);
	sb_putc(b, ')');
}

static void write_kid(strbuf *b, const selem *e, const kid *k)
{
	const pdf_tags *t = e->t;
	switch (k->kind) {
	case KID_MCR:
		if ((int)k->page == e->page) {
			sb_putc(b, ' ');
			put_uint(b, k->mcid);
		} else {
			sb_puts(b, " <</Type /MCR /Pg ");
			ref(b, t->pages[k->page]);
			sb_puts(b, " /MCID ");
			put_uint(b, k->mcid);
			sb_puts(b, ">>");
		}
		break;
	case KID_ELEM:
		sb_putc(b, ' ');
		ref(b, k->elem->obj);
		break;
	default:
		sb_puts(b, " <</Type /OBJR /Obj ");
		ref(b, k->annot);
		sb_puts(b, " /Pg ");
		ref(b, t->annot_pages.v[k->page]);
		sb_puts(b, ">>");
		break;
	}
}

static void write_attributes(strbuf *b, const selem *e)
{
	if (e->th || e->rowspan || e->colspan) {
		sb_puts(b, "/A <</O /Table");
		if (e->th)
			sb_puts(b, " /Scope /Column");
		if (e->rowspan)
			sb_printf(b, " /RowSpan %u", e->rowspan);
		if (e->colspan)
			sb_printf(b, " /ColSpan %u", e->colspan);
		sb_puts(b, ">>\012");
	} else if (e->bbox_set) {
		sb_printf(b, "/A <</O /Layout /BBox [%.2f %.2f %.2f %.2f]>>\012",
			  (double)e->bbox[0], (double)e->bbox[1], (double)e->bbox[2],
			  (double)e->bbox[3]);
	}
}

static HPDF_STATUS write_elem(HPDF_Dict dict, HPDF_Stream out)
{
	const selem *e = dict->attr;
	pdf_tags *t = e->t;
	strbuf b = t->scratch;
	b.len = 0;
	sb_puts(&b, "/Type /StructElem\012/S /");
	sb_puts(&b, e->htype[0] ? e->htype : e->type);
	sb_puts(&b, "\012/P ");
	ref(&b, e->parent ? e->parent->obj : t->tree_root);
	sb_putc(&b, '\012');
	if (e->page >= 0) {
		sb_puts(&b, "/Pg ");
		ref(&b, t->pages[e->page]);
		sb_putc(&b, '\012');
	}
	sb_puts(&b, "/K [");
	for (size_t i = 0; i < e->kids.n; i++)
		write_kid(&b, e, &e->kids.v[i]);
	sb_puts(&b, " ]\012");
	if (e->lang && (e->parent == NULL || e->parent->lang == NULL ||
			strcmp(e->lang, e->parent->lang) != 0)) {
		sb_puts(&b, "/Lang ");
		lang_string(&b, e->lang);
		sb_putc(&b, '\012');
	}
	if (e->alt) {
		sb_puts(&b, "/Alt ");
		tags_hex_text(&b, e->alt);
		sb_putc(&b, '\012');
	}
	if (e->id)
		sb_printf(&b, "/ID (%s)\012", e->id);
	write_attributes(&b, e);
	HPDF_STATUS rc = HPDF_Stream_Write(out, (const HPDF_BYTE *)b.s, (HPDF_UINT)b.len);
	t->scratch = b; /* kept for the next element */
	return rc;
}

static HPDF_STATUS write_parent_tree(HPDF_Dict dict, HPDF_Stream out)
{
	const pdf_tags *t = dict->attr;
	strbuf b = STRBUF_INIT;
	sb_puts(&b, "/Nums [");
	for (unsigned p = 0; p < t->res->npages; p++) {
		const selem_vec *v = &t->mcids[p];
		if (v->n == 0)
			continue;
		sb_putc(&b, '\012');
		put_uint(&b, p);
		sb_puts(&b, " [");
		for (size_t i = 0; i < v->n; i++) {
			sb_putc(&b, ' ');
			ref(&b, v->v[i]->obj);
		}
		sb_puts(&b, " ]");
	}
	for (size_t k = 0; k < t->annots.n; k++) {
		sb_putc(&b, '\012');
		put_uint(&b, t->res->npages + (unsigned)k);
		sb_putc(&b, ' ');
		ref(&b, t->annots.v[k]->obj);
	}
	sb_puts(&b, " ]\012");
	HPDF_STATUS rc = HPDF_Stream_WriteStr(out, sb_str(&b));
	sb_free(&b);
	return rc;
}

static HPDF_STATUS write_id_tree(HPDF_Dict dict, HPDF_Stream out)
{
	const pdf_tags *t = dict->attr;
	strbuf b = STRBUF_INIT;
	sb_puts(&b, "/Names [");
	for (size_t i = 0; i < t->all.n; i++) {
		const selem *e = t->all.v[i];
		if (e->id == NULL)
			continue;
		sb_printf(&b, "\012(%s) ", e->id);
		ref(&b, e->obj);
	}
	sb_puts(&b, " ]\012");
	HPDF_STATUS rc = HPDF_Stream_WriteStr(out, sb_str(&b));
	sb_free(&b);
	return rc;
}

static int by_key(const void *a, const void *b)
{
	const kid *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Heading levels from the nesting, never skipping one on the way down:
 * a heading is one below the nearest heading before it of a shallower
 * division (H1 at the top). */
static void number_headings(pdf_tags *t)
{
	struct level_at { unsigned depth, level; } stack[64];
	unsigned sp = 0;
	selem_vec todo = { 0 };
	VEC_PUSH(todo, t->doc);
	while (todo.n) {
		selem *e = todo.v[--todo.n];
		for (size_t i = e->kids.n; i-- > 0;)
			if (e->kids.v[i].kind == KID_ELEM)
				VEC_PUSH(todo, e->kids.v[i].elem);
		if (!is(e->type, "H"))
			continue;
		unsigned depth = 0;
		for (const selem *p = e->parent; p; p = p->parent)
			depth += is(p->type, "Sect") || is(p->type, "Part") ||
				 is(p->type, "Art") || is(p->type, "Index");
		while (sp && stack[sp - 1].depth >= depth)
			sp--;
		unsigned level = sp ? stack[sp - 1].level + 1 : 1;
		if (level > 6)
			level = 6;
		if (sp < 64)
			stack[sp++] = (struct level_at){ depth, level };
		snprintf(e->htype, sizeof e->htype, "H%u", level);
	}
	VEC_FREE(todo);
}

static int add_to_xref(pdf_tags *t, HPDF_Dict d, void *attr, HPDF_Dict_OnWriteFunc fn)
{
	if (d == NULL || HPDF_Xref_Add(t->pdf->xref, d) != HPDF_OK)
		return -1;
	d->attr = attr;
	d->write_fn = fn;
	return 0;
}

static HPDF_Dict new_dict(pdf_tags *t)
{
	return HPDF_Dict_New(t->pdf->mmgr);
}

int tags_finish(pdf_tags *t)
{
	place_links(t, (unsigned)-1);
	for (size_t i = 0; i < t->all.n; i++) {
		selem *e = t->all.v[i];
		size_t k = 1;
		while (k < e->kids.n && by_key(&e->kids.v[k - 1], &e->kids.v[k]) < 0)
			k++;
		if (k < e->kids.n) /* most are in order already */
			qsort(e->kids.v, e->kids.n, sizeof(kid), by_key);
		if (add_to_xref(t, e->obj = new_dict(t), e, write_elem) < 0)
			return -1;
	}
	number_headings(t);
	HPDF_Dict root = new_dict(t), ptree = new_dict(t);
	if (root == NULL || HPDF_Xref_Add(t->pdf->xref, root) != HPDF_OK ||
	    add_to_xref(t, ptree, t, write_parent_tree) < 0)
		return -1;
	t->tree_root = root;
	HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
	HPDF_Dict_Add(root, "K", t->doc->obj);
	HPDF_Dict_Add(root, "ParentTree", ptree);
	HPDF_Dict_AddNumber(root, "ParentTreeNextKey",
			    (HPDF_INT32)(t->res->npages + t->annots.n));
	if (t->notes) {
		HPDF_Dict ids = new_dict(t);
		if (add_to_xref(t, ids, t, write_id_tree) < 0)
			return -1;
		HPDF_Dict_Add(root, "IDTree", ids);
	}
	HPDF_Dict cat = t->pdf->catalog;
	HPDF_Dict_Add(cat, "StructTreeRoot", root);
	HPDF_Dict mark = new_dict(t);
	if (mark == NULL)
		return -1;
	HPDF_Dict_Add(cat, "MarkInfo", mark);
	HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
	HPDF_Dict prefs = new_dict(t);
	if (prefs == NULL)
		return -1;
	HPDF_Dict_Add(cat, "ViewerPreferences", prefs);
	HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
	if (t->root && t->root->lang)
		HPDF_Dict_Add(cat, "Lang", HPDF_String_New(t->pdf->mmgr, t->root->lang, NULL));
	for (unsigned p = 0; p < t->res->npages; p++) {
		if (t->pages[p] == NULL)
			continue;
		if (t->mcids[p].n)
			HPDF_Dict_AddNumber(t->pages[p], "StructParents", (HPDF_INT32)p);
		HPDF_Dict_AddName(t->pages[p], "Tabs", "S");
	}
	return 0;
}

int tags_conforming(const pdf_tags *t)
{
	return !t->missing_alt;
}

/* ---- life ---- */

static const folio_node *find_root(const lay_result *res)
{
	for (unsigned p = 0; p < res->npages; p++)
		for (unsigned i = 0; i < res->pages[p].nitems; i++) {
			const folio_node *n = res->pages[p].items[i].node;
			if (n == NULL)
				continue;
			while (n->parent)
				n = n->parent;
			return n;
		}
	return NULL;
}

pdf_tags *tags_new(HPDF_Doc pdf, const lay_result *res, fx ox, fx oy, folio_diag *diag)
{
	pdf_tags *t = xcalloc(1, sizeof *t);
	t->pdf = pdf;
	t->res = res;
	t->diag = diag;
	t->ox = ox;
	t->oy = oy;
	t->root = find_root(res);
	if (t->root)
		number_nodes(t);
	t->pages = xcalloc(res->npages + 1, sizeof *t->pages);
	t->mcids = xcalloc(res->npages + 1, sizeof *t->mcids);
	t->doc = new_elem(t, "Document", t->root);
	t->doc->lang = t->root ? t->root->lang : NULL;
	if (known(t, t->root)) {
		t->doc->base = order_of(t, t->root);
		t->by_serial[t->root->serial] = t->doc;
	}
	return t;
}

void tags_free(pdf_tags *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->all.n; i++) {
		selem *e = t->all.v[i];
		VEC_FREE(e->kids);
		free(e->alt);
		free(e->id);
		free(e);
	}
	VEC_FREE(t->all);
	for (unsigned p = 0; p <= t->res->npages; p++)
		VEC_FREE(t->mcids[p]);
	free(t->mcids);
	free(t->pages);
	for (size_t i = 0; i < t->links.n; i++)
		free(t->links.v[i].contents);
	VEC_FREE(t->links);
	VEC_FREE(t->waiting);
	VEC_FREE(t->annots);
	VEC_FREE(t->annot_pages);
	free(t->order);
	free(t->by_serial);
	free(t->toci);
	free(t->owner);
	sb_free(&t->scratch);
	free(t);
}
