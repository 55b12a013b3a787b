/*
 * inlines: the ENTER and EXIT handlers of text-level markup: faces
 * (code, italics, emphasis), quotation marks in the text's language,
 * sub- and superscripts, links and cross references, trademarks,
 * acronyms and terms in glossary entries, inline media as their text.
 * Footnote calls are in notes.c, page lists in locators.c.
 */
#include "layout/flow_walk.h"
#include "layout/layout.h"

#include <string.h>

static int is_mono_kind(folio_node_kind k)
{
	switch (k) {
	case FOLIO_NODE_LITERAL: case FOLIO_NODE_CODE: case FOLIO_NODE_COMMAND:
	case FOLIO_NODE_FILENAME: case FOLIO_NODE_OPTION: case FOLIO_NODE_PARAMETER:
	case FOLIO_NODE_VARNAME: case FOLIO_NODE_ENVAR: case FOLIO_NODE_TAG:
	case FOLIO_NODE_URI: case FOLIO_NODE_EMAIL: case FOLIO_NODE_SYSTEMITEM:
	case FOLIO_NODE_USERINPUT: case FOLIO_NODE_COMPUTEROUTPUT:
	case FOLIO_NODE_PROMPT: case FOLIO_NODE_FUNCTION: case FOLIO_NODE_CLASSNAME:
	case FOLIO_NODE_CONSTANT: case FOLIO_NODE_TYPE: case FOLIO_NODE_ERRORCODE:
	case FOLIO_NODE_MARKUP: case FOLIO_NODE_PACKAGE:
		return 1;
	default:
		return 0;
	}
}

static int is_italic_kind(folio_node_kind k)
{
	switch (k) {
	case FOLIO_NODE_FOREIGNPHRASE: case FOLIO_NODE_CITETITLE:
	case FOLIO_NODE_FIRSTTERM: case FOLIO_NODE_REPLACEABLE:
	case FOLIO_NODE_WORDASWORD:
		return 1;
	default:
		return 0;
	}
}

void fl_inline_face(flow *f, const folio_node *n)
{
	if (n->lang)
		f->s.lang = n->lang;
	if (is_mono_kind(n->kind)) {
		if (f->s.family != FAM_MONO)
			f->s.size = f->s.size * 88 / 100;
		f->s.family = FAM_MONO;
		if (n->kind == FOLIO_NODE_URI || n->kind == FOLIO_NODE_EMAIL ||
		    n->kind == FOLIO_NODE_FILENAME) {
			f->s.url = 1;
			f->s.nohyph = 1;
		}
		if (n->kind == FOLIO_NODE_USERINPUT)
			f->s.bold = 1;
	} else if (is_italic_kind(n->kind)) {
		f->s.italic = !f->s.italic;
	}
}

/* Markup with nothing of its own beyond fl_inline_face. */
int fl_enter_inline(flow *f, const folio_node *n, frame *fr)
{
	(void)f, (void)n, (void)fr;
	return 1;
}

int fl_enter_emphasis(flow *f, const folio_node *n, frame *fr)
{
	(void)fr;
	if (n->role && (!strcmp(n->role, "bold") || !strcmp(n->role, "strong")))
		f->s.bold = 1;
	else
		f->s.italic = !f->s.italic;
	return 1;
}

/* The closing mark of the quote's depth, in the quote's language. */
static void exit_quotemarks(flow *f, const folio_node *n, frame *fr)
{
	(void)n;
	const folio_lang *l = folio_lang_get(fr->saved.lang);
	f->s = fr->saved;
	fl_add_text(f, fr->saved.quote_depth % 2 ? l->quote2_close : l->quote_close);
}

/* Quotation marks of the language, the inner ones inside a quote. */
int fl_enter_quotemarks(flow *f, const folio_node *n, frame *fr)
{
	(void)n;
	fr->exit = exit_quotemarks;
	const folio_lang *l = folio_lang_get(f->s.lang);
	fl_add_text(f, f->s.quote_depth % 2 ? l->quote2_open : l->quote_open);
	f->s.quote_depth++;
	return 1;
}

int fl_enter_subscript(flow *f, const folio_node *n, frame *fr)
{
	(void)n, (void)fr;
	f->s.rise -= f->s.size * 15 / 100;
	f->s.size = f->s.size * 70 / 100;
	return 1;
}

int fl_enter_superscript(flow *f, const folio_node *n, frame *fr)
{
	(void)n, (void)fr;
	f->s.rise += f->s.size * 35 / 100;
	f->s.size = f->s.size * 70 / 100;
	return 1;
}

/* link, olink: to a node or an address; an empty link shows the
 * address. */
int fl_enter_link(flow *f, const folio_node *n, frame *fr)
{
	(void)fr;
	const char *href = folio_node_attr(n, "xlink:href");
	if (n->target) {
		f->s.link = n->target;
	} else if (href) {
		f->s.uri = href;
		if (n->first == NULL) {
			f->s.url = 1;
			f->s.nohyph = 1;
			fl_add_text(f, href);
			return 0;
		}
	}
	return 1;
}

/* xref, biblioref, citation: a link; an empty one shows the target's
 * title or label. */
int fl_enter_xref(flow *f, const folio_node *n, frame *fr)
{
	(void)fr;
	lay_ctx *c = f->c;
	if (n->target)
		f->s.link = n->target;
	if (n->first == NULL && n->target) {
		const folio_node *t = folio_node_title(n->target);
		fl_add_text(f, t ? fl_squeeze(c, folio_node_text(c->doc, t))
			      : (n->target->label ? n->target->label : "?"));
		return 0;
	}
	return 1;
}

/* The page reference goes inside the link, before the state is undone. */
void fl_exit_xref(flow *f, const folio_node *n, frame *fr)
{
	fl_xref_page(f, n);
	f->s = fr->saved;
}

void fl_exit_paren(flow *f, const folio_node *n, frame *fr)
{
	f->s = fr->saved;
	if (n->kind == FOLIO_NODE_TRADEMARK)
		fl_add_text(f, "\u2122");
	else
		fl_add_text(f, ")");
}

int fl_enter_trademark(flow *f, const folio_node *n, frame *fr)
{
	(void)f, (void)n;
	fr->exit = fl_exit_paren;
	return 1;
}

/* Its place is marked by the walk (anchors); nothing to set. */
int fl_enter_anchor(flow *f, const folio_node *n, frame *fr)
{
	(void)f, (void)n, (void)fr;
	return 0;
}

/* In a glossary entry, the acronym in parentheses after the term. */
int fl_enter_acronym(flow *f, const folio_node *n, frame *fr)
{
	if (n->parent && n->parent->kind == FOLIO_NODE_GLOSSENTRY) {
		fl_add_text(f, " (");
		fr->exit = fl_exit_paren;
	}
	return 1;
}

/* glossterm, firstterm: bold as an entry's term; elsewhere a use of the
 * term, a link to its glossary entry. */
int fl_enter_glossterm(flow *f, const folio_node *n, frame *fr)
{
	(void)fr;
	if (n->parent && n->parent->kind == FOLIO_NODE_GLOSSENTRY) {
		f->s.bold = 1;
	} else if (n->target && !f->no_marks) {
		/* a use of a term: a link to its glossary entry, marked as the
		 * style says (glossterm.face; firstterm keeps its italics) */
		f->s.link = n->target;
		f->s.uri = NULL;
		const lay_style *st = f->c->st;
		int marked = n->kind == FOLIO_NODE_GLOSSTERM &&
			     (!st->glossterm_first_only || (n->flags & FOLIO_FLAG_FIRST_USE));
		if (marked && st->glossterm_face == LAYOUT_TERM_ITALIC)
			f->s.italic = 1;
		else if (marked && st->glossterm_face == LAYOUT_TERM_BOLD)
			f->s.bold = 1;
		else if (marked && st->glossterm_face == LAYOUT_TERM_UNDERLINE)
			f->s.underline = 1;
	}
	return 1;
}

/* An inline image as its text alternative. */
int fl_enter_inlinemediaobject(flow *f, const folio_node *n, frame *fr)
{
	(void)fr;
	lay_ctx *c = f->c;
	const folio_node *to = fl_find_kind(n, FOLIO_NODE_TEXTOBJECT);
	if (to)
		fl_add_text(f, fl_squeeze(c, folio_node_text(c->doc, to)));
	return 0;
}
