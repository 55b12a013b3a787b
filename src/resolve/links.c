/*
 * links: linkend → node->target for xref, link and footnoteref (glossary
 * terms and citations are the glossary and citation passes' business),
 * and the link text of an xref.
 *
 * An unknown id is an error at the reference, with the nearest known id as
 * a note.  An xref (or an empty link) gets its text as GENERATED children,
 * in the xref's language: the text (or the title) of the element named by
 * endterm; else
 * the target's xreflabel; else, by the target's kind, "Gambar 2.3" for a
 * numbered figure/table/example/equation, "Bab 2" for a numbered chapter
 * (appendix, part), the title for other divisions, the number for a
 * footnote, list item or step, the term for a glossary or list entry.
 * This pass runs after numbering, whose labels it uses.
 */
#include "resolve/resolve.h"
#include "folio/lang.h"
#include "resolve/gentree.h"
#include "util/strbuf.h"

#include <string.h>

/* Link text is short: a title, a term.  Reading at most this much of the
 * target keeps many links to a huge element (an endterm naming a whole
 * article) from costing the square of the document's size. */
#define MAX_LINK_TEXT 400

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether the text of n's subtree below top is printed (the rule of
 * folio_node_text: no hidden parts, notes or index marks). */
static int text_skipped(const folio_node *n, const folio_node *top)
{
	if (n == top)
		return 0;
	return (n->flags & FOLIO_FLAG_HIDDEN) || n->kind == FOLIO_NODE_INDEXTERM ||
	       n->kind == FOLIO_NODE_REMARK || n->kind == FOLIO_NODE_FOOTNOTE ||
	       n->kind == FOLIO_NODE_ALT;
}

/* The text of a subtree with runs of white space made one space, trimmed,
 * cut after about MAX_LINK_TEXT bytes (at a character boundary, with an
 * ellipsis); NULL when empty. */
static const char *text_of(folio_doc *doc, const folio_node *top)
{
	if (top == NULL)
		return NULL;
	strbuf b = STRBUF_INIT;
	int space = 0, cut = 0;
	const folio_node *n = top;
	while (n && !cut) {
		int skip = text_skipped(n, top);
		for (size_t i = 0; !skip && n->kind == FOLIO_NODE_TEXT && i < n->len; i++) {
			char c = n->text[i];
			if (is_space(c)) {
				space = 1;
				continue;
			}
			if (b.len >= MAX_LINK_TEXT && ((unsigned char)c & 0xC0) != 0x80) {
				cut = 1;
				break;
			}
			if (space && b.len)
				sb_putc(&b, ' ');
			space = 0;
			sb_putc(&b, c);
		}
		n = folio_next(top, n, skip);
	}
	if (cut)
		sb_puts(&b, "\u2026");
	const char *out = b.len ? arena_strdup(doc->arena, sb_str(&b)) : NULL;
	sb_free(&b);
	return out;
}

static const char *numbered(folio_doc *doc, const char *word, const folio_node *t)
{
	return t->label ? arena_printf(doc->arena, "%s %s", word, t->label) : NULL;
}

/* A division's own name when it has no title. */
static const char *default_title(const folio_node *t, const folio_lang *L)
{
	switch (t->kind) {
	case FOLIO_NODE_GLOSSARY: return L->glossary;
	case FOLIO_NODE_BIBLIOGRAPHY: return L->bibliography;
	case FOLIO_NODE_INDEX: return L->index;
	case FOLIO_NODE_PREFACE: return L->preface;
	default: return NULL;
	}
}

static const char *link_text(folio_doc *doc, const folio_node *t, const folio_lang *L)
{
	const char *label = folio_node_attr(t, "xreflabel");
	if (label)
		return label;
	switch (t->kind) {
	case FOLIO_NODE_FIGURE: return numbered(doc, L->figure, t);
	case FOLIO_NODE_TABLE: return numbered(doc, L->table, t);
	case FOLIO_NODE_EXAMPLE: return numbered(doc, L->example, t);
	case FOLIO_NODE_EQUATION: return numbered(doc, L->equation, t);
	case FOLIO_NODE_FOOTNOTE:
	case FOLIO_NODE_LISTITEM:
	case FOLIO_NODE_STEP:
		return t->label;
	case FOLIO_NODE_GLOSSENTRY:
		return text_of(doc, folio_node_child(t, FOLIO_NODE_GLOSSTERM));
	case FOLIO_NODE_VARLISTENTRY:
		return text_of(doc, folio_node_child(t, FOLIO_NODE_TERM));
	case FOLIO_NODE_BIBLIOENTRY:
	case FOLIO_NODE_BIBLIOMIXED: {
		const char *abbrev = text_of(doc, folio_node_child(t, FOLIO_NODE_ABBREV));
		return abbrev ? arena_printf(doc->arena, "[%s]", abbrev) : NULL;
	}
	default:
		break;
	}
	if (t->flags & FOLIO_FLAG_NUMBERED) {
		if (t->kind == FOLIO_NODE_CHAPTER)
			return numbered(doc, L->chapter, t);
		if (t->kind == FOLIO_NODE_APPENDIX)
			return numbered(doc, L->appendix, t);
		if (t->kind == FOLIO_NODE_PART)
			return numbered(doc, L->part, t);
	}
	const char *title = text_of(doc, folio_node_title(t));
	if (title)
		return title;
	return default_title(t, L);
}

/* The target's label with its word ("Gambar 1.2", "Bab 2"), or a
 * numbered section's number; NULL when it has none. */
static const char *label_with_word(folio_doc *doc, const folio_node *t,
				   const folio_lang *L)
{
	switch (t->kind) {
	case FOLIO_NODE_FIGURE: return numbered(doc, L->figure, t);
	case FOLIO_NODE_TABLE: return numbered(doc, L->table, t);
	case FOLIO_NODE_EXAMPLE: return numbered(doc, L->example, t);
	case FOLIO_NODE_EQUATION: return numbered(doc, L->equation, t);
	case FOLIO_NODE_CHAPTER: return numbered(doc, L->chapter, t);
	case FOLIO_NODE_APPENDIX: return numbered(doc, L->appendix, t);
	case FOLIO_NODE_PART: return numbered(doc, L->part, t);
	default:
		return t->label;
	}
}

/* The text xrefstyle="select: ..." asks for (label, labelnumber, title,
 * quotedtitle, in that order, label and title joined by ": "); NULL when
 * it asks for none of them or the target has none of them. */
static const char *selected_text(folio_doc *doc, const folio_node *t,
				 const folio_lang *L, unsigned xs)
{
	const char *label = NULL, *title = NULL;
	if (xs & FOLIO_XS_LABEL)
		label = label_with_word(doc, t, L);
	else if (xs & FOLIO_XS_LABELNUMBER)
		label = t->label;
	if (xs & (FOLIO_XS_TITLE | FOLIO_XS_QUOTEDTITLE)) {
		title = text_of(doc, folio_node_title(t));
		if (title == NULL)
			title = default_title(t, L);
		if (title && (xs & FOLIO_XS_QUOTEDTITLE) && !(xs & FOLIO_XS_TITLE))
			title = arena_printf(doc->arena, "%s%s%s", L->quote_open, title,
					     L->quote_close);
	}
	if (label && title)
		return arena_printf(doc->arena, "%s: %s", label, title);
	return label ? label : title;
}

static int has_content(const folio_node *n)
{
	for (folio_node *c = n->first; c; c = c->next) {
		if (c->kind != FOLIO_NODE_TEXT)
			return 1;
		for (size_t i = 0; i < c->len; i++)
			if (c->text[i] != ' ' && c->text[i] != '\t' &&
			    c->text[i] != '\n' && c->text[i] != '\r')
				return 1;
	}
	return 0;
}

/* "Did you mean" compares the name with every id: after this many hints
 * a document full of broken links gets plain errors, so checking it stays
 * fast. */
#define MAX_HINTS 100

struct links {
	folio_doc *doc;
	folio_diag *diag;
	unsigned hints; /* "did you mean" notes given so far */
};

/* The node an id names, or NULL after an error with a hint. */
static folio_node *lookup(struct links *lk, folio_node *n, const char *attr,
			  const char *id)
{
	folio_doc *doc = lk->doc;
	folio_diag *diag = lk->diag;
	folio_node *t = folio_doc_find_id(doc, id);
	if (t)
		return t;
	folio_report(diag, FOLIO_ERROR, n->loc, "<%s %s=\"%s\">: no element has the id '%s'",
		     n->name, attr, id, id);
	if (lk->hints >= MAX_HINTS)
		return NULL;
	lk->hints++;
	const char *near = resolve_nearest_id(doc, id);
	if (near)
		folio_report(diag, FOLIO_NOTE, n->loc, "did you mean '%s'?", near);
	return NULL;
}

static void generate_text(struct links *lk, folio_node *n)
{
	folio_doc *doc = lk->doc;
	folio_diag *diag = lk->diag;
	const folio_lang *L = folio_lang_get(n->lang);
	const char *text = NULL;
	const char *endterm = folio_node_attr(n, "endterm");
	if (endterm) {
		folio_node *e = lookup(lk, n, "endterm", endterm);
		if (e == NULL)
			return;
		/* an element with a title (a section, a figure) lends its
		 * title, anything else all its text */
		folio_node *title = folio_node_title(e);
		text = text_of(doc, title ? title : e);
	} else {
		const char *xrefstyle = folio_node_attr(n, "xrefstyle");
		unsigned xs = folio_xrefstyle_select(xrefstyle);
		if (xs & FOLIO_XS_UNKNOWN)
			folio_report(diag, FOLIO_WARNING, n->loc,
				     "xrefstyle=\"%s\" is not understood; folio reads \"select:\" with label, labelnumber, title, quotedtitle, page, pageabbrev, pagenumber or nopage",
				     xrefstyle);
		text = selected_text(doc, n->target, L, xs);
		if (text == NULL)
			text = link_text(doc, n->target, L);
	}
	if (text == NULL) {
		folio_report(diag, FOLIO_WARNING, n->loc,
			     "no text for a link to <%s id=\"%s\">: give the target an xreflabel, or the %s an endterm",
			     n->target->name, n->target->id ? n->target->id : "", n->name);
		text = n->target->id ? n->target->id : "?";
	}
	gen_text(doc, n, text, n);
}

/* The id named by linkend, or by xlink:href="#id". */
static const char *internal_ref(const folio_node *n, const char **attr)
{
	const char *linkend = folio_node_attr(n, "linkend");
	if (linkend) {
		*attr = "linkend";
		return linkend;
	}
	const char *href = folio_node_attr(n, "xlink:href");
	if (href && href[0] == '#' && href[1]) {
		*attr = "xlink:href";
		return href + 1;
	}
	return NULL;
}

static int resolve_one(struct links *lk, folio_node *n)
{
	folio_diag *diag = lk->diag;
	const char *attr = NULL;
	const char *id = internal_ref(n, &attr);
	if (id == NULL) {
		if (n->kind == FOLIO_NODE_LINK)
			return 0; /* an external link, or plain text */
		folio_report(diag, FOLIO_ERROR, n->loc, "<%s> needs a linkend naming its target",
			     n->name);
		return -1;
	}
	folio_node *t = lookup(lk, n, attr, id);
	if (t == NULL)
		return -1;
	n->target = t;
	if (n->kind == FOLIO_NODE_FOOTNOTEREF) {
		if (t->kind != FOLIO_NODE_FOOTNOTE) {
			folio_report(diag, FOLIO_ERROR, n->loc,
				     "footnoteref must point at a footnote; '%s' is a <%s>", id, t->name);
			return -1;
		}
		n->label = t->label;
		return 0;
	}
	if (!has_content(n))
		generate_text(lk, n);
	return 0;
}

int pass_links(folio_doc *doc, const folio_resolve_opts *opts, folio_diag *diag)
{
	(void)opts;
	struct links lk = { doc, diag, 0 };
	int rc = 0;
	for (folio_node *n = doc->root; n; n = folio_next(doc->root, n, 0)) {
		if (n->kind != FOLIO_NODE_XREF && n->kind != FOLIO_NODE_LINK &&
		    n->kind != FOLIO_NODE_FOOTNOTEREF)
			continue;
		if (n->flags & FOLIO_FLAG_GENERATED)
			continue;
		if (resolve_one(&lk, n) != 0)
			rc = -1;
	}
	return rc;
}
