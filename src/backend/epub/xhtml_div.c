/*
 * xhtml_div: divisions and what hangs on them: sections with their
 * epub:type and DPUB-ARIA role, headings h1-h6 by depth, a division's info
 * (authors, abstract, legal notice), the book's title page and imprint,
 * the cover, and the generated glossary, bibliography and index with
 * their entries and locators.
 */
#include "backend/epub/xhtml.h"
#include "folio/folio.h"

#include <string.h>

int xw_is_division(folio_node_kind k)
{
	return folio_kind_class(k) == FOLIO_CLASS_DIVISION;
}

int xw_is_titled(folio_node_kind k)
{
	if (xw_is_division(k))
		return 1;
	switch (k) {
	case FOLIO_NODE_FIGURE: case FOLIO_NODE_INFORMALFIGURE:
	case FOLIO_NODE_TABLE: case FOLIO_NODE_INFORMALTABLE:
	case FOLIO_NODE_EXAMPLE: case FOLIO_NODE_INFORMALEXAMPLE:
	case FOLIO_NODE_EQUATION: case FOLIO_NODE_INFORMALEQUATION:
	case FOLIO_NODE_SIDEBAR: case FOLIO_NODE_BLOCKQUOTE:
	case FOLIO_NODE_EPIGRAPH: case FOLIO_NODE_FORMALPARA:
	case FOLIO_NODE_NOTE: case FOLIO_NODE_TIP: case FOLIO_NODE_IMPORTANT:
	case FOLIO_NODE_WARNING: case FOLIO_NODE_CAUTION: case FOLIO_NODE_DANGER:
	case FOLIO_NODE_ITEMIZEDLIST: case FOLIO_NODE_ORDEREDLIST:
	case FOLIO_NODE_VARIABLELIST: case FOLIO_NODE_SIMPLELIST:
	case FOLIO_NODE_SEGMENTEDLIST:
	case FOLIO_NODE_PROCEDURE: case FOLIO_NODE_QANDASET: case FOLIO_NODE_QANDADIV:
	case FOLIO_NODE_GLOSSLIST: case FOLIO_NODE_BIBLIOLIST:
	case FOLIO_NODE_LEGALNOTICE: case FOLIO_NODE_ABSTRACT:
	case FOLIO_NODE_TGROUP:
		return 1;
	default:
		return 0;
	}
}

/* epub:type and role of a division's <section>. */
static const char *division_semantics(const folio_node *n)
{
	switch (n->kind) {
	case FOLIO_NODE_ARTICLE:
	case FOLIO_NODE_CHAPTER:
		return " epub:type=\"chapter\" role=\"doc-chapter\"";
	case FOLIO_NODE_PART:
		return " epub:type=\"part\" role=\"doc-part\"";
	case FOLIO_NODE_PREFACE:
		return " epub:type=\"preface\" role=\"doc-preface\"";
	case FOLIO_NODE_APPENDIX:
		return " epub:type=\"appendix\" role=\"doc-appendix\"";
	case FOLIO_NODE_ACKNOWLEDGEMENTS:
		return " epub:type=\"acknowledgments\" role=\"doc-acknowledgments\"";
	case FOLIO_NODE_DEDICATION:
		return " epub:type=\"dedication\" role=\"doc-dedication\"";
	case FOLIO_NODE_COLOPHON:
		return " epub:type=\"colophon\" role=\"doc-colophon\"";
	case FOLIO_NODE_PARTINTRO:
		return " epub:type=\"introduction\" role=\"doc-introduction\"";
	case FOLIO_NODE_GLOSSARY:
		return " epub:type=\"glossary\" role=\"doc-glossary\"";
	case FOLIO_NODE_BIBLIOGRAPHY:
		return " epub:type=\"bibliography\" role=\"doc-bibliography\"";
	case FOLIO_NODE_INDEX:
		return " epub:type=\"index\" role=\"doc-index\"";
	case FOLIO_NODE_INDEXDIV:
		return " epub:type=\"index-group\"";
	default:
		return NULL;
	}
}

const char *epub_default_title(const epub_ctx *c, const folio_node *n)
{
	const folio_lang *l = folio_lang_get(n->lang ? n->lang : c->doc->lang);
	switch (n->kind) {
	case FOLIO_NODE_GLOSSARY:
		return l->glossary;
	case FOLIO_NODE_BIBLIOGRAPHY:
		/* A list after one article is its references; the book's
		 * is the bibliography. */
		for (const folio_node *p = n->parent; p; p = p->parent)
			if (p->kind == FOLIO_NODE_ARTICLE || p->kind == FOLIO_NODE_CHAPTER)
				return l->references;
		return l->bibliography;
	case FOLIO_NODE_INDEX:
		return l->index;
	case FOLIO_NODE_PREFACE:
		return l->preface;
	default:
		return NULL;
	}
}

/* ---- divisions ---- */

enum list_state { LIST_NONE = 0, LIST_OPEN = 1 };

static folio_node_kind entry_kind_of(folio_node_kind container)
{
	switch (container) {
	case FOLIO_NODE_GLOSSARY:
	case FOLIO_NODE_GLOSSDIV:
	case FOLIO_NODE_GLOSSLIST:
		return FOLIO_NODE_GLOSSENTRY;
	case FOLIO_NODE_INDEX:
	case FOLIO_NODE_INDEXDIV:
		return FOLIO_NODE_INDEXENTRY;
	default:
		return FOLIO_NODE_NONE;
	}
}

static int is_biblio_entry(folio_node_kind k)
{
	return k == FOLIO_NODE_BIBLIOMIXED || k == FOLIO_NODE_BIBLIOENTRY;
}

static int is_entry_of(const folio_node *container, const folio_node *c)
{
	if (container->kind == FOLIO_NODE_BIBLIOGRAPHY ||
	    container->kind == FOLIO_NODE_BIBLIODIV ||
	    container->kind == FOLIO_NODE_BIBLIOLIST)
		return is_biblio_entry(c->kind);
	folio_node_kind k = entry_kind_of(container->kind);
	return k != FOLIO_NODE_NONE && c->kind == k;
}

static int has_entries(const folio_node *n)
{
	for (const folio_node *c = n->first; c; c = c->next)
		if (!(c->flags & FOLIO_FLAG_HIDDEN) && is_entry_of(n, c))
			return 1;
	return 0;
}

static int container_accept(xw *w, frame *f, const folio_node *c)
{
	if (c->kind == FOLIO_NODE_TEXT)
		return f->pass == 0;
	return (f->pass == 1) == is_entry_of(f->node, c);
}

static void container_between(xw *w, frame *f, unsigned pass)
{
	if (pass != 1 || !has_entries(f->node))
		return;
	f->state = LIST_OPEN;
	strbuf *b = w->out;
	if (f->flags & F_PHRASING) {
		sb_puts(b, "<span class=\"entries\">");
		return;
	}
	switch (entry_kind_of(f->node->kind)) {
	case FOLIO_NODE_GLOSSENTRY:
		sb_puts(b, "<dl class=\"glossary\">\n");
		break;
	case FOLIO_NODE_INDEXENTRY:
		sb_puts(b, "<ul class=\"index-entries\" epub:type=\"index-entry-list\">\n");
		break;
	default:
		sb_puts(b, "<ul class=\"bibliography\">\n");
		break;
	}
}

static void container_close_list(xw *w, frame *f)
{
	if (f->state != LIST_OPEN)
		return;
	if (f->flags & F_PHRASING)
		sb_puts(w->out, "</span>");
	else if (entry_kind_of(f->node->kind) == FOLIO_NODE_GLOSSENTRY)
		sb_puts(w->out, "</dl>\n");
	else
		sb_puts(w->out, "</ul>\n");
}

static void division_exit(xw *w, frame *f)
{
	container_close_list(w, f);
	sb_puts(w->out, f->close);
	sb_putc(w->out, '\n');
}

static int info_has_items(const folio_node *info);

static void heading_word(xw *w, frame *f, const char *word)
{
	if (f->flags & F_PHRASING) {
		sb_puts(w->out, "<span class=\"title\">");
		epub_put_text(w->out, word, strlen(word), 1);
		sb_puts(w->out, "</span>");
		return;
	}
	unsigned level = f->level > 6 ? 6 : f->level;
	sb_printf(w->out, "<h%u>", level ? level : 1);
	epub_put_text(w->out, word, strlen(word), 1);
	sb_printf(w->out, "</h%u>\n", level ? level : 1);
}

static int division_enter(xw *w, frame *f)
{
	const folio_node *n = f->node;
	f->level++;
	xw_open_block(w, f, "section", NULL, division_semantics(n));
	if (!(f->flags & F_PHRASING))
		sb_putc(w->out, '\n');
	f->flags |= F_NO_WS;
	const folio_node *title = folio_node_title(n);
	if (title && !(title->flags & FOLIO_FLAG_HIDDEN)) {
		xw_add_pre(f, title, AS_HEADING);
	} else {
		const char *word = epub_default_title(w->c, n);
		if (word)
			heading_word(w, f, word);
	}
	xw_add_pre(f, folio_node_info_child(n, FOLIO_NODE_SUBTITLE), AS_SUBTITLE);
	const folio_node *info = folio_node_child(n, FOLIO_NODE_INFO);
	if (info && info_has_items(info))
		xw_add_pre(f, info, AS_INFO);
	if (entry_kind_of(n->kind) != FOLIO_NODE_NONE ||
	    n->kind == FOLIO_NODE_BIBLIOGRAPHY || n->kind == FOLIO_NODE_BIBLIODIV) {
		f->npasses = 2;
	}
	return 1;
}

static const handler h_division = {
	division_enter, division_exit, NULL, NULL
};
static const handler h_container_division = {
	division_enter, division_exit, container_accept, container_between
};

/* A glosslist or bibliolist: the entries without a section. */
static int list_container_enter(xw *w, frame *f)
{
	xw_add_pre(f, folio_node_title(f->node), AS_TITLE_P);
	f->flags |= F_NO_WS;
	f->npasses = 2;
	xw_open_block(w, f, "div", folio_kind_name(f->node->kind), NULL);
	return 1;
}

static const handler h_list_container = {
	list_container_enter, division_exit, container_accept, container_between
};

/* ---- titles ---- */

static void write_label(xw *w, const folio_node *owner)
{
	if (!(owner->flags & FOLIO_FLAG_NUMBERED) || owner->label == NULL)
		return;
	const folio_lang *l = xw_lang(owner);
	const char *word = NULL;
	switch (owner->kind) {
	case FOLIO_NODE_FIGURE: word = l->figure; break;
	case FOLIO_NODE_TABLE: word = l->table; break;
	case FOLIO_NODE_EXAMPLE: word = l->example; break;
	case FOLIO_NODE_EQUATION: word = l->equation; break;
	default: break;
	}
	sb_puts(w->out, "<span class=\"label\">");
	if (word) {
		epub_put_text(w->out, word, strlen(word), 1);
		sb_putc(w->out, ' ');
	}
	epub_put_text(w->out, owner->label, strlen(owner->label), 1);
	sb_puts(w->out, word ? ".</span> " : "</span> ");
}

/* The element a title belongs to (its parent, or the info's parent). */
static const folio_node *title_owner(const folio_node *title)
{
	const folio_node *p = title->parent;
	if (p && p->kind == FOLIO_NODE_INFO && p->parent)
		p = p->parent;
	return p;
}

static int title_enter(xw *w, frame *f)
{
	const folio_node *owner = title_owner(f->node);
	switch (f->as) {
	case AS_HEADING: {
		if (f->flags & F_PHRASING) {
			xw_open_inline(w, f, "span", "title", NULL);
			break;
		}
		xw_hoist_pages(w, f->node);
		unsigned level = f->level > 6 ? 6 : (f->level ? f->level : 1);
		char tag[4] = { 'h', (char)('0' + level), '\0', '\0' };
		xw_open_inline(w, f, tag, f->as == AS_HEADING && owner &&
			       owner->kind == FOLIO_NODE_BOOK ? "title" : NULL, NULL);
		f->after = "\n";
		break;
	}
	case AS_CAPTION:
		xw_open_inline(w, f, (f->flags & F_PHRASING) ? "span" : "caption",
			       NULL, NULL);
		break;
	case AS_FIGCAPTION:
		xw_open_inline(w, f, (f->flags & F_PHRASING) ? "span" : "figcaption",
			       NULL, NULL);
		break;
	case AS_SUBTITLE:
		if (f->flags & F_PHRASING)
			xw_open_inline(w, f, "span", "subtitle", NULL);
		else
			xw_open_inline(w, f, "p", "subtitle", " role=\"doc-subtitle\"");
		f->after = "\n";
		break;
	default:
		xw_open_inline(w, f, (f->flags & F_PHRASING) ? "span" : "p", "title", NULL);
		break;
	}
	if (owner && f->as != AS_SUBTITLE)
		write_label(w, owner);
	return 1;
}

static const handler h_title = { title_enter, NULL, NULL, NULL };

/* ---- a division's info ---- */

static int info_item_shown(const folio_node *c)
{
	if (c->kind == FOLIO_NODE_TEXT || (c->flags & FOLIO_FLAG_HIDDEN))
		return 0;
	switch (c->kind) {
	case FOLIO_NODE_TITLE: case FOLIO_NODE_SUBTITLE:
	case FOLIO_NODE_TITLEABBREV: case FOLIO_NODE_KEYWORDSET:
	case FOLIO_NODE_META: case FOLIO_NODE_COVER: case FOLIO_NODE_INDEXTERM:
	case FOLIO_NODE_EXTENDEDLINK: case FOLIO_NODE_REMARK:
		return 0;
	default:
		return 1;
	}
}

static int info_has_items(const folio_node *info)
{
	for (const folio_node *c = info->first; c; c = c->next)
		if (info_item_shown(c))
			return 1;
	return 0;
}

static int info_accept(xw *w, frame *f, const folio_node *c)
{
	return info_item_shown(c);
}

static int info_enter(xw *w, frame *f)
{
	xw_open_block(w, f, "div", "info", NULL);
	f->flags |= F_NO_WS;
	f->after = "\n";
	return 1;
}

static const handler h_info = { info_enter, NULL, info_accept, NULL };

/* Title page passes: 0 title, 1 credits, 2 imprint, 3 abstract. */
static int titlepage_pass_of(const folio_node *c)
{
	switch (c->kind) {
	case FOLIO_NODE_TITLE: case FOLIO_NODE_SUBTITLE:
		return 0;
	case FOLIO_NODE_AUTHOR: case FOLIO_NODE_AUTHORGROUP: case FOLIO_NODE_EDITOR:
	case FOLIO_NODE_OTHERCREDIT: case FOLIO_NODE_CORPAUTHOR: case FOLIO_NODE_COLLAB:
	case FOLIO_NODE_PUBLISHER: case FOLIO_NODE_PUBLISHERNAME: case FOLIO_NODE_ORGNAME:
	case FOLIO_NODE_EDITION: case FOLIO_NODE_PUBDATE: case FOLIO_NODE_DATE:
		return 1;
	case FOLIO_NODE_ABSTRACT:
		return 3;
	default:
		return 2;
	}
}

static int titlepage_accept(xw *w, frame *f, const folio_node *c)
{
	if (c->kind == FOLIO_NODE_TITLE || c->kind == FOLIO_NODE_SUBTITLE)
		return f->pass == 0;
	return info_item_shown(c) && titlepage_pass_of(c) == (int)f->pass;
}

static int titlepage_enter(xw *w, frame *f)
{
	const folio_node *book = f->node;
	f->level = 1;
	xw_open_block(w, f, "section", "titlepage", " epub:type=\"titlepage\"");
	sb_putc(w->out, '\n');
	f->flags |= F_NO_WS;
	/* Title and subtitle may stand in info or directly in the book. */
	const folio_node *info = folio_node_child(book, FOLIO_NODE_INFO);
	const folio_node *title = folio_node_child(book, FOLIO_NODE_TITLE);
	const folio_node *subtitle = folio_node_child(book, FOLIO_NODE_SUBTITLE);
	xw_add_pre(f, title, AS_HEADING);
	xw_add_pre(f, subtitle, AS_SUBTITLE);
	f->kids = info;
	f->npasses = 4;
	return 1;
}

static void titlepage_between(xw *w, frame *f, unsigned pass)
{
	strbuf *b = w->out;
	if (pass == 2) {
		sb_puts(b, "</section>\n<section class=\"imprint\" epub:type=\"copyright-page\">\n");
	} else if (pass == 3) {
		const folio_lang *l = w->c->lang;
		sb_puts(b, "<p class=\"made-with\">");
		sb_printf(b, l->made_with, FOLIO_VERSION);
		sb_puts(b, "</p>\n</section>\n");
	}
}

static void titlepage_exit(xw *w, frame *f)
{
	/* Both sections are closed by the passes. */
}

const handler xw_h_titlepage = {
	titlepage_enter, titlepage_exit, titlepage_accept, titlepage_between
};

/* Title inside the title page's info comes as a pass-0 child. */
static int tp_title_enter(xw *w, frame *f)
{
	f->as = f->node->kind == FOLIO_NODE_TITLE ? AS_HEADING : AS_SUBTITLE;
	return title_enter(w, f);
}

static const handler h_tp_title = { tp_title_enter, NULL, NULL, NULL };

/* ---- info items: credits, dates, notices ---- */

static int is_name_part(folio_node_kind k)
{
	switch (k) {
	case FOLIO_NODE_PERSONNAME: case FOLIO_NODE_FIRSTNAME: case FOLIO_NODE_GIVENNAME:
	case FOLIO_NODE_SURNAME: case FOLIO_NODE_HONORIFIC: case FOLIO_NODE_LINEAGE:
	case FOLIO_NODE_OTHERNAME: case FOLIO_NODE_ORGNAME:
		return 1;
	default:
		return 0;
	}
}

/* Credits: name parts joined by spaces, the rest by commas. */
static int credit_accept(xw *w, frame *f, const folio_node *c)
{
	if (c->kind == FOLIO_NODE_TEXT)
		return 1;
	/* A block (an address) starts its own line: no separator. */
	folio_class k = folio_kind_class(c->kind);
	if (f->nout > 0 && k != FOLIO_CLASS_BLOCK && k != FOLIO_CLASS_DIVISION)
		sb_puts(w->out, is_name_part(c->kind) && f->state ? " " : ", ");
	f->state = is_name_part(c->kind);
	f->nout++;
	return 1;
}

static int credit_enter(xw *w, frame *f)
{
	const folio_node *n = f->node;
	const char *cls = folio_kind_name(n->kind);
	int blocks = xw_has_blocks(w, n);
	xw_open_block(w, f, blocks ? "div" : "p", cls, NULL);
	if (!blocks)
		f->flags |= F_PHRASING;
	f->flags |= F_NO_WS;
	f->after = "\n";
	if (n->kind == FOLIO_NODE_EDITOR) {
		const folio_lang *l = xw_lang(n);
		sb_puts(w->out, "<span class=\"role\">");
		epub_put_text(w->out, l->edited_by, strlen(l->edited_by), 1);
		sb_puts(w->out, ":</span> ");
	}
	return 1;
}

static const handler h_credit = { credit_enter, NULL, credit_accept, NULL };

/* A credit's affiliation: its parts (division, organisation, address)
 * joined by commas, as the PDF and the text output print it. */
static int affiliation_accept(xw *w, frame *f, const folio_node *c)
{
	if (c->kind == FOLIO_NODE_TEXT)
		return 1;
	if (f->nout++ > 0)
		sb_puts(w->out, ", ");
	return 1;
}

static int affiliation_enter(xw *w, frame *f)
{
	xw_open_inline(w, f, "span", "affiliation", NULL);
	f->flags |= F_NO_WS;
	return 1;
}

static const handler h_affiliation = { affiliation_enter, NULL, affiliation_accept, NULL };

/* One line of an authorgroup's people, joined as the language says a
 * list ("A, B dan C"), and a line for each of their affiliations. */
static void group_people(xw *w, const folio_node *g, int editors)
{
	const folio_lang *l = xw_lang(g);
	const char *who = folio_authors_text(w->c->doc, g, editors, l->and_word);
	if (who == NULL)
		return;
	if (editors) {
		sb_puts(w->out, "<p class=\"editor\"><span class=\"role\">");
		epub_put_text(w->out, l->edited_by, strlen(l->edited_by), 1);
		sb_puts(w->out, ":</span> ");
	} else {
		sb_puts(w->out, "<p class=\"author\">");
	}
	epub_put_text(w->out, who, strlen(who), 1);
	sb_puts(w->out, "</p>\n");
	const char *affs[8];
	unsigned n = folio_authors_affiliations(w->c->doc, g, editors, affs, 8);
	for (unsigned i = 0; i < n; i++) {
		sb_puts(w->out, "<p class=\"affiliation\">");
		epub_put_text(w->out, affs[i], strlen(affs[i]), 1);
		sb_puts(w->out, "</p>\n");
	}
}

static int authorgroup_enter(xw *w, frame *f)
{
	xw_open_block(w, f, "div", "authorgroup", NULL);
	f->flags |= F_NO_WS;
	sb_putc(w->out, '\n');
	group_people(w, f->node, 0);
	group_people(w, f->node, 1);
	return 1;
}

/* The authors and editors are written joined; other credits as they stand. */
static int authorgroup_accept(xw *w, frame *f, const folio_node *c)
{
	(void)w, (void)f;
	return c->kind != FOLIO_NODE_AUTHOR && c->kind != FOLIO_NODE_CORPAUTHOR &&
	       c->kind != FOLIO_NODE_EDITOR && c->kind != FOLIO_NODE_TEXT;
}

static const handler h_authorgroup = { authorgroup_enter, NULL, authorgroup_accept, NULL };

/* "© 2024, 2025 Holder, Other" */
static int copyright_accept(xw *w, frame *f, const folio_node *c)
{
	if (c->kind == FOLIO_NODE_TEXT)
		return 1;
	if (f->nout > 0)
		sb_puts(w->out, c->kind == FOLIO_NODE_HOLDER && f->state != FOLIO_NODE_HOLDER
				? " " : ", ");
	f->state = (int)c->kind;
	f->nout++;
	return 1;
}

static int copyright_enter(xw *w, frame *f)
{
	xw_open_block(w, f, "p", "copyright", NULL);
	f->flags |= F_PHRASING | F_NO_WS;
	f->after = "\n";
	sb_puts(w->out, "\u00a9 ");
	return 1;
}

static const handler h_copyright = { copyright_enter, NULL, copyright_accept, NULL };

static int biblioid_enter(xw *w, frame *f)
{
	const folio_node *n = f->node;
	xw_open_block(w, f, "p", "biblioid", NULL);
	f->flags |= F_PHRASING;
	f->after = "\n";
	const char *cls = folio_node_attr(n, "class");
	const char *prefix = n->kind == FOLIO_NODE_ISBN ? "ISBN"
			     : n->kind == FOLIO_NODE_ISSN ? "ISSN"
			     : cls && strcmp(cls, "isbn") == 0 ? "ISBN"
			     : cls && strcmp(cls, "issn") == 0 ? "ISSN"
			     : cls && strcmp(cls, "doi") == 0 ? "DOI"
			     : NULL;
	if (prefix)
		sb_printf(w->out, "%s ", prefix);
	return 1;
}

static const handler h_biblioid = { biblioid_enter, NULL, NULL, NULL };

/* Notices and abstracts: blocks under an optional title. */
static int notice_enter(xw *w, frame *f)
{
	const folio_node *n = f->node;
	if (n->kind == FOLIO_NODE_ABSTRACT)
		xw_open_block(w, f, "section", "abstract", " role=\"doc-abstract\"");
	else
		xw_open_block(w, f, "div", folio_kind_name(n->kind), NULL);
	f->flags |= F_NO_WS;
	f->after = "\n";
	xw_add_pre(f, folio_node_title(n), AS_TITLE_P);
	return 1;
}

static const handler h_notice = { notice_enter, NULL, NULL, NULL };

/* Any other info item: a paragraph of its text. */
static int info_line_enter(xw *w, frame *f)
{
	const folio_node *n = f->node;
	int blocks = xw_has_blocks(w, n);
	xw_open_block(w, f, blocks ? "div" : "p", folio_kind_name(n->kind), NULL);
	if (!blocks)
		f->flags |= F_PHRASING;
	f->flags |= F_NO_WS;
	f->sep = n->kind == FOLIO_NODE_SUBJECTSET ? "; " : " ";
	f->after = "\n";
	return 1;
}

static const handler h_info_line = { info_line_enter, NULL, NULL, NULL };

/* The items of an info block that are not a plain line (h_info_line). */
static const handler *const info_items[FOLIO_NODE_KIND_COUNT] = {
	[FOLIO_NODE_TITLE] = &h_tp_title,
	[FOLIO_NODE_SUBTITLE] = &h_tp_title,
	[FOLIO_NODE_AUTHOR] = &h_credit,
	[FOLIO_NODE_EDITOR] = &h_credit,
	[FOLIO_NODE_OTHERCREDIT] = &h_credit,
	[FOLIO_NODE_CORPAUTHOR] = &h_credit,
	[FOLIO_NODE_COLLAB] = &h_credit,
	[FOLIO_NODE_PUBLISHER] = &h_credit,
	[FOLIO_NODE_ORGNAME] = &h_credit,
	[FOLIO_NODE_PUBLISHERNAME] = &h_credit,
	[FOLIO_NODE_AUTHORGROUP] = &h_authorgroup,
	[FOLIO_NODE_COPYRIGHT] = &h_copyright,
	[FOLIO_NODE_BIBLIOID] = &h_biblioid,
	[FOLIO_NODE_ISBN] = &h_biblioid,
	[FOLIO_NODE_ISSN] = &h_biblioid,
	[FOLIO_NODE_ABSTRACT] = &h_notice,
	[FOLIO_NODE_LEGALNOTICE] = &h_notice,
};

/* ---- the cover ---- */

static int cover_enter(xw *w, frame *f)
{
	epub_ctx *c = w->c;
	const char *title = epub_nav_title(c, c->doc->root);
	sb_puts(w->out, "<section epub:type=\"cover\" class=\"cover\">\n<img src=\"");
	sb_put_xml(w->out, c->cover_href, strlen(c->cover_href));
	sb_puts(w->out, "\" alt=\"");
	sb_put_xml(w->out, title, strlen(title));
	sb_puts(w->out, "\"/>\n</section>\n");
	return 0;
}

const handler xw_h_cover = { cover_enter, NULL, NULL, NULL };

/* ---- generated entries ---- */

/* A glossary entry: its term in <dt>, the rest in <dd>. */
static int glossentry_fits(const folio_node *c)
{
	return c->kind != FOLIO_NODE_ACRONYM && c->kind != FOLIO_NODE_ABBREV;
}

static int glossentry_in_term(const folio_node *c)
{
	return c->kind == FOLIO_NODE_GLOSSTERM || c->kind == FOLIO_NODE_ACRONYM ||
	       c->kind == FOLIO_NODE_ABBREV;
}

static int glossentry_accept(xw *w, frame *f, const folio_node *c)
{
	if (c->kind == FOLIO_NODE_TEXT)
		return f->pass == 1;
	return (f->pass == 0) == glossentry_in_term(c);
}

static int glossentry_enter(xw *w, frame *f)
{
	frame *p = xw_parent(w, f);
	f->state = !(p && p->state == LIST_OPEN && !(f->flags & F_PHRASING));
	if (f->flags & F_PHRASING) {
		xw_open_inline(w, f, "span", "glossentry", NULL);
		f->state = 2;
	} else {
		if (f->state)
			sb_puts(w->out, "<dl class=\"glossary\">");
		xw_open(w, f, "dt", NULL, " epub:type=\"glossterm\"");
	}
	f->npasses = 2;
	f->fits = glossentry_fits;
	f->wrap_open = " (";
	f->wrap_close = ")";
	return 1;
}

static void glossentry_between(xw *w, frame *f, unsigned pass)
{
	if (pass != 1 || f->state == 2)
		return;
	frame *p = xw_parent(w, f);
	sb_puts(w->out, "</dt>\n<dd epub:type=\"glossdef\"");
	const char *lang = epub_lang_tag(w->c, f->node->lang);
	if (lang && p->lang && strcmp(lang, p->lang) != 0) {
		sb_puts(w->out, " xml:lang=\"");
		sb_put_xml(w->out, lang, strlen(lang));
		sb_puts(w->out, "\" lang=\"");
		sb_put_xml(w->out, lang, strlen(lang));
		sb_putc(w->out, '"');
	}
	sb_putc(w->out, '>');
	f->fits = NULL;
	f->flags |= F_NO_WS;
}

static void glossentry_exit(xw *w, frame *f)
{
	if (f->state == 2) {
		sb_puts(w->out, "</span>");
		return;
	}
	sb_puts(w->out, "</dd>\n");
	if (f->state)
		sb_puts(w->out, "</dl>\n");
}

static const handler h_glossentry = {
	glossentry_enter, glossentry_exit, glossentry_accept, glossentry_between
};

static int glossdef_enter(xw *w, frame *f)
{
	xw_open_block(w, f, "div", "glossdef", NULL);
	f->flags |= F_NO_WS;
	return 1;
}

static const handler h_glossdef = { glossdef_enter, NULL, NULL, NULL };

static int starts_with_word(const char *text, const char *word)
{
	while (*text == ' ' || *text == '\n' || *text == '\t')
		text++;
	size_t n = strlen(word);
	if (n == 0 || strlen(text) < n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char a = text[i], b = word[i];
		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (b >= 'A' && b <= 'Z')
			b = (char)(b - 'A' + 'a');
		if (a != b)
			return 0;
	}
	return 1;
}

/* "Lihat X" / "Lihat juga X": the word is added unless resolve wrote it. */
static int glosssee_enter(xw *w, frame *f)
{
	const folio_node *n = f->node;
	const folio_lang *l = xw_lang(n);
	int also = n->kind == FOLIO_NODE_GLOSSSEEALSO;
	const char *word = also ? l->see_also : l->see;
	xw_open_block(w, f, "p", also ? "glossseealso" : "glosssee", NULL);
	f->flags |= F_PHRASING;
	const char *text = folio_node_text(w->c->doc, n);
	if (!starts_with_word(text, word)) {
		sb_puts(w->out, "<span class=\"see\">");
		/* Capitalised: it opens a sentence of its own. */
		if (word[0] >= 'a' && word[0] <= 'z') {
			sb_putc(w->out, (char)(word[0] - 'a' + 'A'));
			epub_put_text(w->out, word + 1, strlen(word + 1), 1);
		} else {
			epub_put_text(w->out, word, strlen(word), 1);
		}
		sb_puts(w->out, "</span> ");
	}
	/* An authored glosssee names its entry by otherterm, with no
	 * content of its own: link to it with the entry's term. */
	if (n->first == NULL && n->target) {
		const folio_node *term = folio_node_child(n->target, FOLIO_NODE_GLOSSTERM);
		const char *t = term ? folio_node_text(w->c->doc, term) : NULL;
		const char *href = (f->flags & F_IN_LINK) ? NULL
				   : epub_href(w->c, w->chunk, n->target);
		if (t && *t && href) {
			sb_puts(w->out, "<a epub:type=\"glossref\" role=\"doc-glossref\" href=\"");
			sb_put_xml(w->out, href, strlen(href));
			sb_puts(w->out, "\">");
			epub_put_text(w->out, t, strlen(t), 1);
			sb_puts(w->out, "</a>");
		} else if (t && *t) {
			epub_put_text(w->out, t, strlen(t), 1);
		}
	}
	return 1;
}

static const handler h_glosssee = { glosssee_enter, NULL, NULL, NULL };

static int biblioentry_enter(xw *w, frame *f)
{
	frame *p = xw_parent(w, f);
	int in_list = p && p->state == LIST_OPEN && !(f->flags & F_PHRASING);
	if (in_list)
		xw_open(w, f, "li", NULL, " epub:type=\"biblioentry\"");
	else
		xw_open(w, f, (f->flags & F_PHRASING) ? "span" : "p", "biblioentry",
			" epub:type=\"biblioentry\"");
	f->close = in_list ? "</li>\n" : (f->flags & F_PHRASING) ? "</span>" : "</p>\n";
	f->flags |= F_PHRASING;
	/* A structured biblioentry holds fields, not running text. */
	if (f->node->kind == FOLIO_NODE_BIBLIOENTRY) {
		f->flags |= F_NO_WS;
		f->sep = ". ";
	}
	return 1;
}

static const handler h_biblioentry = { biblioentry_enter, NULL, NULL, NULL };

/* Index entries: primary term, then nested lists for secondary and
 * tertiary terms.  state: 0 nothing open, 1 a secondary item open, 2 a
 * tertiary item open (inside a secondary). */
static int indexentry_accept(xw *w, frame *f, const folio_node *c)
{
	if (f->flags & F_PHRASING)
		return 1;
	strbuf *b = w->out;
	static const char *const open_list =
		"<ul class=\"index-entries\" epub:type=\"index-entry-list\"><li epub:type=\"index-entry\">";
	static const char *const next_item = "</li><li epub:type=\"index-entry\">";
	if (c->kind == FOLIO_NODE_SECONDARYIE ||
	    (c->kind == FOLIO_NODE_TERTIARYIE && f->state == 0)) {
		if (f->state == 0)
			sb_puts(b, open_list);
		else if (f->state == 1)
			sb_puts(b, next_item);
		else
			sb_puts(b, "</li></ul>" "</li><li epub:type=\"index-entry\">");
		f->state = 1;
	} else if (c->kind == FOLIO_NODE_TERTIARYIE) {
		sb_puts(b, f->state == 1 ? open_list : next_item);
		f->state = 2;
	}
	return 1;
}

static int indexentry_enter(xw *w, frame *f)
{
	frame *p = xw_parent(w, f);
	int in_list = p && p->state == LIST_OPEN && !(f->flags & F_PHRASING);
	if (in_list) {
		xw_open(w, f, "li", NULL, " epub:type=\"index-entry\"");
		f->close = "</li>\n";
	} else {
		xw_open_block(w, f, "p", "indexentry", NULL);
		f->flags |= F_PHRASING;
	}
	f->flags |= F_NO_WS;
	return 1;
}

static void indexentry_exit(xw *w, frame *f)
{
	if (f->state == 2)
		sb_puts(w->out, "</li></ul></li></ul>");
	else if (f->state == 1)
		sb_puts(w->out, "</li></ul>");
	sb_puts(w->out, f->close);
}

static const handler h_indexentry = {
	indexentry_enter, indexentry_exit, indexentry_accept, NULL
};

/* A term of an index entry: the words in an index-term span, its
 * locators after it (EPUB Indexes wants them children of the entry). */
static int index_term_accept(xw *w, frame *f, const folio_node *c)
{
	return (f->pass == 1) == (c->kind == FOLIO_NODE_GEN_LOCATORS);
}

static int indexterm_ie_enter(xw *w, frame *f)
{
	xw_open_inline(w, f, "span", folio_kind_name(f->node->kind),
		       " epub:type=\"index-term\"");
	f->flags &= ~(unsigned)F_NO_WS;
	f->npasses = 2;
	return 1;
}

static void index_term_between(xw *w, frame *f, unsigned pass)
{
	if (pass == 1)
		sb_puts(w->out, "</span>");
}

static void index_term_exit(xw *w, frame *f)
{
	/* The span was closed before the locators. */
}

static const handler h_index_term = {
	indexterm_ie_enter, index_term_exit, index_term_accept, index_term_between
};

/* ---- dispatch ---- */

/* The book is the cover page in the cover's document and a division in
 * every other. */
static const handler *book_handler(xw *w, const folio_node *n)
{
	(void)n;
	if (w->c->chunks[w->chunk].kind == EPUB_CHUNK_COVER)
		return &xw_h_cover;
	return &h_division;
}

/* The handler of each kind this file writes, or the function that picks
 * one by the node. */
static const kind_entry div_kinds[FOLIO_NODE_KIND_COUNT] = {
	[FOLIO_NODE_BOOK] = { NULL, book_handler },
	[FOLIO_NODE_PART] = { &h_division, NULL },
	[FOLIO_NODE_PARTINTRO] = { &h_division, NULL },
	[FOLIO_NODE_PREFACE] = { &h_division, NULL },
	[FOLIO_NODE_CHAPTER] = { &h_division, NULL },
	[FOLIO_NODE_ARTICLE] = { &h_division, NULL },
	[FOLIO_NODE_APPENDIX] = { &h_division, NULL },
	[FOLIO_NODE_SECTION] = { &h_division, NULL },
	[FOLIO_NODE_SIMPLESECT] = { &h_division, NULL },
	[FOLIO_NODE_SET] = { &h_division, NULL },
	[FOLIO_NODE_TOPIC] = { &h_division, NULL },
	[FOLIO_NODE_REFERENCE] = { &h_division, NULL },
	[FOLIO_NODE_REFENTRY] = { &h_division, NULL },
	[FOLIO_NODE_REFSYNOPSISDIV] = { &h_division, NULL },
	[FOLIO_NODE_REFSECTION] = { &h_division, NULL },
	[FOLIO_NODE_REFSECT1] = { &h_division, NULL },
	[FOLIO_NODE_REFSECT2] = { &h_division, NULL },
	[FOLIO_NODE_REFSECT3] = { &h_division, NULL },
	[FOLIO_NODE_ACKNOWLEDGEMENTS] = { &h_division, NULL },
	[FOLIO_NODE_DEDICATION] = { &h_division, NULL },
	[FOLIO_NODE_COLOPHON] = { &h_division, NULL },
	[FOLIO_NODE_GLOSSARY] = { &h_container_division, NULL },
	[FOLIO_NODE_GLOSSDIV] = { &h_container_division, NULL },
	[FOLIO_NODE_BIBLIOGRAPHY] = { &h_container_division, NULL },
	[FOLIO_NODE_BIBLIODIV] = { &h_container_division, NULL },
	[FOLIO_NODE_INDEX] = { &h_container_division, NULL },
	[FOLIO_NODE_INDEXDIV] = { &h_container_division, NULL },
	[FOLIO_NODE_GLOSSLIST] = { &h_list_container, NULL },
	[FOLIO_NODE_BIBLIOLIST] = { &h_list_container, NULL },
	[FOLIO_NODE_GLOSSENTRY] = { &h_glossentry, NULL },
	[FOLIO_NODE_GLOSSDEF] = { &h_glossdef, NULL },
	[FOLIO_NODE_GLOSSSEE] = { &h_glosssee, NULL },
	[FOLIO_NODE_GLOSSSEEALSO] = { &h_glosssee, NULL },
	[FOLIO_NODE_BIBLIOMIXED] = { &h_biblioentry, NULL },
	[FOLIO_NODE_BIBLIOENTRY] = { &h_biblioentry, NULL },
	[FOLIO_NODE_INDEXENTRY] = { &h_indexentry, NULL },
	[FOLIO_NODE_PRIMARYIE] = { &h_index_term, NULL },
	[FOLIO_NODE_SECONDARYIE] = { &h_index_term, NULL },
	[FOLIO_NODE_TERTIARYIE] = { &h_index_term, NULL },
	[FOLIO_NODE_LEGALNOTICE] = { &h_notice, NULL },
	[FOLIO_NODE_ABSTRACT] = { &h_notice, NULL },
};

int xw_div_names(folio_node_kind k)
{
	return div_kinds[k].h || div_kinds[k].choose;
}

const handler *xw_div_handler(xw *w, frame *parent, const folio_node *n, int as)
{
	if (as == AS_TITLEPAGE)
		return &xw_h_titlepage;
	if (as == AS_INFO)
		return &h_info;
	/* The children of an info block, and of the title page (which
	 * walks the book's info), are info items. */
	if (parent && (parent->as == AS_INFO ||
		       (parent->as == AS_TITLEPAGE && parent->kids != parent->node)))
		return info_items[n->kind] ? info_items[n->kind] : &h_info_line;
	if (parent && parent->h == &h_credit && n->kind == FOLIO_NODE_AFFILIATION)
		return &h_affiliation;
	/* A title pulled out by its owner; one standing where it is was
	 * put there by the source, and is written as it stands. */
	if (n->kind == FOLIO_NODE_TITLE || n->kind == FOLIO_NODE_SUBTITLE)
		return as != AS_NORMAL ? &h_title : NULL;
	const kind_entry *k = &div_kinds[n->kind];
	return k->choose ? k->choose(w, n) : k->h;
}
