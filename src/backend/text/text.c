/*
 * text: the plain-text back end.  It writes the whole reader as UTF-8 text,
 * one paragraph per line, with numbered headings, list markers and
 * footnotes gathered at the end of each article.  Tests diff it, and
 * authors use it to see what folio made of their sources without a viewer.
 *
 * Inline markup disappears except where it adds characters a reader needs
 * (quotation marks, footnote marks, URLs, a glossary acronym's
 * parentheses); blocks are separated by blank lines and indented two
 * spaces per level of list or quotation.  What a reader of the PDF reads
 * aloud is here too: abstracts under their titles, the word an admonition
 * opens with, "Gambar 1.1." before a figure's title.
 */
#include "backend/text/text.h"
#include "folio/backend.h"
#include "folio/lang.h"
#include "folio/mathml.h"
#include "util/arena.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct text_writer {
	folio_doc *doc;
	strbuf out;       /* the whole document */
	strbuf para;      /* the paragraph being collected */
	strbuf notes;     /* footnotes of the current article */
	const char *marker; /* list marker for the next paragraph */
	int in_verbatim;  /* inside programlisting/screen/literallayout */
	int in_note;      /* collecting a footnote's text */
	strbuf note;      /* the footnote being collected */
};

static int is_verbatim(folio_node_kind k)
{
	return k == FOLIO_NODE_PROGRAMLISTING || k == FOLIO_NODE_SCREEN ||
	       k == FOLIO_NODE_LITERALLAYOUT || k == FOLIO_NODE_SYNOPSIS;
}

/* The nesting that indents a block: list items and quotations. */
static unsigned indent_of(const folio_node *n)
{
	unsigned level = 0;
	for (const folio_node *p = n; p; p = p->parent) {
		switch (p->kind) {
		case FOLIO_NODE_LISTITEM:
		case FOLIO_NODE_BLOCKQUOTE:
		case FOLIO_NODE_EPIGRAPH:
		case FOLIO_NODE_GLOSSDEF:
		case FOLIO_NODE_STEP:
		case FOLIO_NODE_ANSWER:
		case FOLIO_NODE_NOTE: case FOLIO_NODE_TIP:
		case FOLIO_NODE_IMPORTANT: case FOLIO_NODE_WARNING:
		case FOLIO_NODE_CAUTION: case FOLIO_NODE_DANGER:
		case FOLIO_NODE_SECONDARYIE:
		case FOLIO_NODE_GLOSSSEE: case FOLIO_NODE_GLOSSSEEALSO:
			level++;
			break;
		case FOLIO_NODE_TERTIARYIE:
			level += 2;
			break;
		default:
			break;
		}
	}
	return level;
}

/* Appends text with runs of white space collapsed to one space. */
static void put_collapsed(strbuf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			if (b->len == 0 || b->s[b->len - 1] == ' ')
				continue;
			sb_putc(b, ' ');
		} else {
			sb_putc(b, c);
		}
	}
}

/* Ends the current paragraph: trims it, indents it and writes it out
 * followed by a blank line. */
static void flush_para(struct text_writer *w, const folio_node *at)
{
	size_t len = w->para.len;
	while (len && w->para.s[len - 1] == ' ')
		len--;
	const char *s = w->para.s ? w->para.s : "";
	size_t start = 0;
	while (start < len && s[start] == ' ')
		start++;
	if (start == len && !w->in_verbatim) {
		sb_clear(&w->para);
		return;
	}
	unsigned level = indent_of(at);
	for (unsigned i = 0; i + (w->marker ? 1 : 0) < level; i++)
		sb_puts(&w->out, "  ");
	if (w->marker) {
		sb_puts(&w->out, w->marker);
		w->marker = NULL;
	}
	sb_putn(&w->out, s + start, len - start);
	sb_puts(&w->out, "\n\n");
	sb_clear(&w->para);
}

/* The word that labels a numbered float, as the PDF's caption says it:
 * "Gambar" for "Gambar 1.1. Title". */
static const char *float_word(const folio_node *n)
{
	const folio_lang *lang = folio_lang_get(n->lang);
	switch (n->kind) {
	case FOLIO_NODE_FIGURE: return lang->figure;
	case FOLIO_NODE_TABLE: return lang->table;
	case FOLIO_NODE_EXAMPLE: return lang->example;
	case FOLIO_NODE_EQUATION: return lang->equation;
	default: return NULL;
	}
}

static void put_heading(struct text_writer *w, const folio_node *div)
{
	folio_node *title = folio_node_title(div);
	const char *text = title ? folio_node_text(w->doc, title) : NULL;
	const char *word = float_word(div);
	if ((text == NULL || *text == '\0') && !(word && div->label))
		return;
	if (text == NULL)
		text = "";
	strbuf h = STRBUF_INIT;
	if (word && div->label)
		sb_printf(&h, "%s %s. ", word, div->label);
	else if (div->label && (div->flags & FOLIO_FLAG_NUMBERED))
		sb_printf(&h, "%s ", div->label);
	put_collapsed(&h, text, strlen(text));
	while (h.len && h.s[h.len - 1] == ' ')
		h.s[--h.len] = '\0';
	sb_puts(&w->out, sb_str(&h));
	sb_putc(&w->out, '\n');
	/* Underline by level, as plain-text documents traditionally do. */
	char rule = div->depth <= 1 ? '=' : '-';
	size_t width = 0;
	for (size_t i = 0; i < h.len; i++)
		if (((unsigned char)h.s[i] & 0xC0) != 0x80)
			width++;
	for (size_t i = 0; i < width; i++)
		sb_putc(&w->out, rule);
	sb_puts(&w->out, "\n\n");
	sb_free(&h);
}

static void enter(struct text_writer *w, folio_iter *it);
static void leave(struct text_writer *w, folio_node *n);

/* The abstract in a division's info, read where the PDF and the EPUB
 * print it: under the title and the people, its title (if it has one)
 * a line of its own. */
static void put_abstract(struct text_writer *w, const folio_node *div)
{
	folio_node *abs = folio_node_info_child(div, FOLIO_NODE_ABSTRACT);
	if (abs == NULL)
		return;
	folio_node *title = folio_node_title(abs);
	if (title) {
		const char *t = folio_node_text(w->doc, title);
		put_collapsed(&w->para, t, strlen(t));
		flush_para(w, div);
	}
	folio_iter it;
	folio_iter_init(&it, abs);
	folio_event ev;
	while ((ev = folio_iter_next(&it)) != FOLIO_DONE) {
		if (ev == FOLIO_ENTER)
			enter(w, &it);
		else
			leave(w, it.node);
	}
	flush_para(w, div);
}

/* The authors (or with editors set, the editors) of a division, as the
 * PDF prints them under its title: the names joined as the language
 * says a list ("A, B dan C"), then their affiliation after a comma, or
 * when they have several, each a line. */
static void put_people(struct text_writer *w, const folio_node *div, int editors)
{
	const folio_lang *l = folio_lang_get(div->lang);
	const char *who = folio_authors_text(w->doc, div, editors, l->and_word);
	if (who == NULL)
		return;
	if (editors) {
		sb_puts(&w->para, l->edited_by);
		sb_puts(&w->para, ": ");
	}
	sb_puts(&w->para, who);
	const char *affs[8];
	unsigned n = folio_authors_affiliations(w->doc, div, editors, affs, 8);
	/* one affiliation they share runs on after the names */
	if (n == 1) {
		sb_puts(&w->para, ", ");
		sb_puts(&w->para, affs[0]);
	}
	flush_para(w, div);
	for (unsigned i = 0; n > 1 && i < n; i++) {
		sb_puts(&w->para, affs[i]);
		flush_para(w, div);
	}
}

/* Title, subtitle, the people and the abstract of a book or article,
 * at its head. */
static void put_info(struct text_writer *w, const folio_node *div)
{
	put_heading(w, div);
	folio_node *sub = folio_node_info_child(div, FOLIO_NODE_SUBTITLE);
	if (sub) {
		const char *s = folio_node_text(w->doc, sub);
		put_collapsed(&w->para, s, strlen(s));
		flush_para(w, div);
	}
	put_people(w, div, 0);
	put_people(w, div, 1);
	put_abstract(w, div);
}

static void flush_notes(struct text_writer *w)
{
	if (w->notes.len == 0)
		return;
	sb_puts(&w->out, "----\n\n");
	sb_putn(&w->out, w->notes.s, w->notes.len);
	sb_clear(&w->notes);
}

/*
 * What the writer does with each kind: its class's role (class_roles),
 * unless kind_roles says otherwise.  The parts (listitem, row, entry...)
 * have no role by their class: each is named here, and a unit test checks
 * that every kind of elements.def ends up with a role.
 */
static const unsigned char class_roles[] = {
	[FOLIO_CLASS_NONE] = TEXT_RUN, /* elements outside the subset */
	[FOLIO_CLASS_DIVISION] = TEXT_BLOCK,
	[FOLIO_CLASS_BLOCK] = TEXT_BLOCK,
	[FOLIO_CLASS_INLINE] = TEXT_RUN,
	[FOLIO_CLASS_META] = TEXT_HIDDEN,
	[FOLIO_CLASS_PART] = TEXT_UNDECIDED,
};

static const unsigned char kind_roles[FOLIO_NODE_KIND_COUNT] = {
	/* metadata printed where it stands */
	[FOLIO_NODE_ABSTRACT] = TEXT_BLOCK, [FOLIO_NODE_LEGALNOTICE] = TEXT_BLOCK,
	/* never printed where they stand: the index is generated, the
	 * locators are the PDF's */
	[FOLIO_NODE_GEN_LOCATORS] = TEXT_HIDDEN,
	/* an equation: its linear form, in the paragraph around it */
	[FOLIO_NODE_MATHML] = TEXT_RUN,
	/* page-layout instructions: the PDF's */
	[FOLIO_NODE_PI] = TEXT_HIDDEN,
	/* parts that are paragraphs of their own */
	[FOLIO_NODE_LISTITEM] = TEXT_BLOCK, [FOLIO_NODE_VARLISTENTRY] = TEXT_BLOCK,
	[FOLIO_NODE_TERM] = TEXT_BLOCK, [FOLIO_NODE_MEMBER] = TEXT_BLOCK,
	[FOLIO_NODE_SEGLISTITEM] = TEXT_BLOCK, [FOLIO_NODE_SEG] = TEXT_BLOCK,
	[FOLIO_NODE_STEP] = TEXT_BLOCK, [FOLIO_NODE_ATTRIBUTION] = TEXT_BLOCK,
	[FOLIO_NODE_ROW] = TEXT_BLOCK, [FOLIO_NODE_TR] = TEXT_BLOCK,
	[FOLIO_NODE_CAPTION] = TEXT_BLOCK, [FOLIO_NODE_GLOSSENTRY] = TEXT_BLOCK,
	[FOLIO_NODE_GLOSSDEF] = TEXT_BLOCK, [FOLIO_NODE_GLOSSSEE] = TEXT_BLOCK,
	[FOLIO_NODE_GLOSSSEEALSO] = TEXT_BLOCK, [FOLIO_NODE_BIBLIOENTRY] = TEXT_BLOCK,
	[FOLIO_NODE_BIBLIOMIXED] = TEXT_BLOCK, [FOLIO_NODE_INDEXENTRY] = TEXT_BLOCK,
	[FOLIO_NODE_PRIMARYIE] = TEXT_BLOCK, [FOLIO_NODE_SECONDARYIE] = TEXT_BLOCK,
	[FOLIO_NODE_TERTIARYIE] = TEXT_BLOCK, [FOLIO_NODE_QUESTION] = TEXT_BLOCK,
	[FOLIO_NODE_ANSWER] = TEXT_BLOCK,
	/* parts that add no break: their text runs on in the paragraph
	 * around them (table cells in a row's line), or their children
	 * make paragraphs of their own */
	[FOLIO_NODE_SUBSTEPS] = TEXT_RUN, [FOLIO_NODE_STEPALTERNATIVES] = TEXT_RUN,
	[FOLIO_NODE_QANDADIV] = TEXT_RUN, [FOLIO_NODE_QANDAENTRY] = TEXT_RUN,
	[FOLIO_NODE_LABEL] = TEXT_RUN, [FOLIO_NODE_IMAGEOBJECT] = TEXT_RUN,
	[FOLIO_NODE_IMAGEDATA] = TEXT_RUN, [FOLIO_NODE_TEXTOBJECT] = TEXT_RUN,
	[FOLIO_NODE_TGROUP] = TEXT_RUN, [FOLIO_NODE_THEAD] = TEXT_RUN,
	[FOLIO_NODE_TBODY] = TEXT_RUN, [FOLIO_NODE_TFOOT] = TEXT_RUN,
	[FOLIO_NODE_ENTRY] = TEXT_RUN, [FOLIO_NODE_TD] = TEXT_RUN,
	[FOLIO_NODE_TH] = TEXT_RUN, [FOLIO_NODE_COL] = TEXT_RUN,
	[FOLIO_NODE_COLGROUP] = TEXT_RUN,
	/* table column specifications: read by nobody here */
	[FOLIO_NODE_COLSPEC] = TEXT_HIDDEN, [FOLIO_NODE_SPANSPEC] = TEXT_HIDDEN,
	/* a segmentedlist's column names: printed before each seg */
	[FOLIO_NODE_SEGTITLE] = TEXT_HIDDEN,
};

int text_kind_role(folio_node_kind k)
{
	if (kind_roles[k])
		return kind_roles[k];
	return class_roles[folio_kind_class(k)];
}

/* Elements whose content is never printed where it stands. */
static int is_hidden(const folio_node *n)
{
	return (n->flags & FOLIO_FLAG_HIDDEN) || text_kind_role(n->kind) == TEXT_HIDDEN;
}

static int is_block(const folio_node *n)
{
	return text_kind_role(n->kind) == TEXT_BLOCK;
}

/* "a. ", "3. ", "iv. " for ordered lists (resolve computed the label),
 * a bullet for the others. */
static const char *list_marker(struct text_writer *w, const folio_node *item)
{
	if (item->parent == NULL || item->parent->kind != FOLIO_NODE_ORDEREDLIST)
		return "\xe2\x80\xa2 ";
	const char *label = item->label ? item->label : "?";
	size_t len = strlen(label);
	int punct = len && (label[len - 1] == '.' || label[len - 1] == ')');
	return arena_printf(w->doc->arena, "%s%s ", label, punct ? "" : ".");
}

/* The heading line of an admonition: its title, else the word for its
 * kind ("Catatan", "Peringatan"), as the PDF prints it. */
static const char *admonition_word(const folio_node *n)
{
	const folio_lang *lang = folio_lang_get(n->lang);
	switch (n->kind) {
	case FOLIO_NODE_NOTE: return lang->note;
	case FOLIO_NODE_TIP: return lang->tip;
	case FOLIO_NODE_IMPORTANT: return lang->important;
	case FOLIO_NODE_WARNING: return lang->warning;
	case FOLIO_NODE_CAUTION: return lang->caution;
	case FOLIO_NODE_DANGER: return lang->danger;
	default: return NULL;
	}
}

static void put_admonition_title(struct text_writer *w, const folio_node *n)
{
	folio_node *title = folio_node_title(n);
	const char *t = title ? folio_node_text(w->doc, title) : admonition_word(n);
	if (t == NULL || *t == '\0')
		return;
	put_collapsed(&w->para, t, strlen(t));
	/* at the level of the text around it; the body is indented */
	flush_para(w, n->parent ? n->parent : n);
}

/* A glossary entry's acronym or abbreviation follows its term in
 * parentheses, "management by objectives (MBO)", as the glossary of the
 * PDF prints it. */
static int is_entry_short_form(const folio_node *n)
{
	return (n->kind == FOLIO_NODE_ACRONYM || n->kind == FOLIO_NODE_ABBREV) &&
	       n->parent && n->parent->kind == FOLIO_NODE_GLOSSENTRY;
}

static int is_blank(const char *t, size_t len)
{
	for (size_t k = 0; k < len; k++)
		if (t[k] != ' ' && t[k] != '\n' && t[k] != '\t' && t[k] != '\r')
			return 0;
	return 1;
}

/* A block here, or run on: the members of an inline simple list, and
 * the list itself inside a paragraph. */
static int block_here(const folio_node *n)
{
	if (n->kind == FOLIO_NODE_MEMBER && folio_joiner(n->parent))
		return 0;
	if (n->kind == FOLIO_NODE_SIMPLELIST && folio_joiner(n) &&
	    n->parent && n->parent->kind == FOLIO_NODE_PARA)
		return 0;
	return is_block(n);
}

/* A simple list in columns: a line a row, the members apart by " | " as
 * a table's cells, across or down as the PDF sets them. */
static void put_columns(struct text_writer *w, const folio_node *list,
			int ncols, int across)
{
	size_t n = 0;
	for (const folio_node *m = list->first; m; m = m->next)
		n += m->kind == FOLIO_NODE_MEMBER && !(m->flags & FOLIO_FLAG_HIDDEN);
	const folio_node **members = xmalloc((n ? n : 1) * sizeof *members);
	n = 0;
	for (const folio_node *m = list->first; m; m = m->next)
		if (m->kind == FOLIO_NODE_MEMBER && !(m->flags & FOLIO_FLAG_HIDDEN))
			members[n++] = m;
	size_t nrows = (n + (size_t)ncols - 1) / (size_t)ncols;
	for (size_t r = 0; r < nrows; r++) {
		for (size_t k = 0; k < (size_t)ncols; k++) {
			size_t i = across ? r * (size_t)ncols + k : k * nrows + r;
			if (i >= n)
				continue;
			if (k)
				sb_puts(&w->para, " | ");
			const char *s = folio_node_text(w->doc, members[i]);
			put_collapsed(&w->para, s, strlen(s));
		}
		flush_para(w, list);
	}
	free(members);
}

static strbuf *target(struct text_writer *w)
{
	return w->in_note ? &w->note : &w->para;
}

static void enter(struct text_writer *w, folio_iter *it)
{
	folio_node *n = it->node;
	const folio_lang *lang = folio_lang_get(n->lang);
	if (n->kind == FOLIO_NODE_TEXT) {
		if (n->flags & FOLIO_FLAG_HIDDEN)
			return;
		/* the spaces between a menu path's or a key combination's
		 * parts: the joiner stands there instead */
		if (folio_joiner(n->parent) && is_blank(n->text, n->len))
			return;
		if (w->in_verbatim && !w->in_note)
			sb_putn(&w->para, n->text, n->len);
		else
			put_collapsed(target(w), n->text, n->len);
		return;
	}
	if (is_hidden(n)) {
		folio_iter_skip(it);
		return;
	}
	const char *joiner = folio_joiner_before(n);
	if (joiner)
		sb_puts(target(w), joiner);
	/* Text collected so far belongs to the enclosing block. */
	if (block_here(n) && !w->in_note)
		flush_para(w, n->parent ? n->parent : n);
	int across;
	int ncols = n->kind == FOLIO_NODE_SIMPLELIST ? folio_simplelist_columns(n, &across) : 1;
	if (ncols > 1 && !w->in_note) {
		folio_iter_skip(it);
		put_columns(w, n, ncols, across);
		return;
	}
	switch (n->kind) {
	case FOLIO_NODE_BOOK:
		if (!(n->flags & FOLIO_FLAG_WRAPPER)) /* its component prints it */
			put_info(w, n);
		break;
	case FOLIO_NODE_ARTICLE:
	case FOLIO_NODE_CHAPTER:
	case FOLIO_NODE_PART:
	case FOLIO_NODE_APPENDIX:
	case FOLIO_NODE_PREFACE:
		put_info(w, n);
		break;
	case FOLIO_NODE_BRIDGEHEAD:
		folio_iter_skip(it);
		sb_puts(&w->para, folio_node_text(w->doc, n));
		flush_para(w, n);
		break;
	case FOLIO_NODE_NOTE: case FOLIO_NODE_TIP:
	case FOLIO_NODE_IMPORTANT: case FOLIO_NODE_WARNING:
	case FOLIO_NODE_CAUTION: case FOLIO_NODE_DANGER:
		put_admonition_title(w, n);
		break;
	default:
		if (folio_kind_class(n->kind) == FOLIO_CLASS_DIVISION ||
		    n->kind == FOLIO_NODE_SIDEBAR || n->kind == FOLIO_NODE_FIGURE ||
		    n->kind == FOLIO_NODE_TABLE || n->kind == FOLIO_NODE_EXAMPLE ||
		    (n->kind == FOLIO_NODE_EQUATION && folio_node_title(n)))
			put_heading(w, n);
		break;
	}
	switch (n->kind) {
	case FOLIO_NODE_LISTITEM:
		w->marker = list_marker(w, n);
		break;
	case FOLIO_NODE_QUOTE:
		sb_puts(target(w), lang->quote_open);
		break;
	case FOLIO_NODE_FOOTNOTE:
		sb_printf(target(w), "[%s]", n->label ? n->label : "*");
		w->in_note++;
		sb_printf(&w->note, "[%s] ", n->label ? n->label : "*");
		break;
	case FOLIO_NODE_SEGMENTEDLIST: {
		/* its title a line of its own, as the PDF sets it */
		const folio_node *t = folio_node_title(n);
		if (t) {
			const char *s = folio_node_text(w->doc, t);
			put_collapsed(&w->para, s, strlen(s));
			flush_para(w, n);
		}
		break;
	}
	case FOLIO_NODE_SEG: {
		const folio_node *t = folio_seg_title(n);
		if (t) {
			const char *s = folio_node_text(w->doc, t);
			put_collapsed(&w->para, s, strlen(s));
			sb_puts(&w->para, ": ");
		}
		break;
	}
	case FOLIO_NODE_ENTRY: case FOLIO_NODE_TD: case FOLIO_NODE_TH:
		if (n->prev)
			sb_puts(&w->para, " | ");
		break;
	case FOLIO_NODE_ATTRIBUTION:
		/* Printed after the quotation, wherever the source puts it. */
		folio_iter_skip(it);
		break;
	case FOLIO_NODE_GLOSSSEE:
	case FOLIO_NODE_GLOSSSEEALSO: {
		/* At the head of its own line the word takes a capital. */
		sb_printf(&w->para, "%s: ", folio_capitalize(w->doc,
			  n->kind == FOLIO_NODE_GLOSSSEE ? lang->see : lang->see_also));
		break;
	}
	case FOLIO_NODE_MATHML:
		/* an equation as one line of text, "H_c = 1 − 1/R_0" */
		folio_iter_skip(it);
		sb_puts(target(w), folio_math_linear(w->doc, n));
		break;
	case FOLIO_NODE_FOOTNOTEREF:
		if (n->target && n->target->label)
			sb_printf(target(w), "[%s]", n->target->label);
		break;
	case FOLIO_NODE_ACRONYM: case FOLIO_NODE_ABBREV:
		if (is_entry_short_form(n))
			sb_puts(&w->para, " (");
		break;
	default:
		if (is_verbatim(n->kind))
			w->in_verbatim++;
		break;
	}
}

static void leave(struct text_writer *w, folio_node *n)
{
	if (is_hidden(n))
		return;
	const folio_lang *lang = folio_lang_get(n->lang);
	switch (n->kind) {
	case FOLIO_NODE_QUOTE:
		sb_puts(target(w), lang->quote_close);
		return;
	case FOLIO_NODE_EQUATION:
		/* its number after it, as the PDF's at the right margin */
		if ((n->flags & FOLIO_FLAG_NUMBERED) && n->label)
			sb_printf(&w->para, " (%s)", n->label);
		break;
	case FOLIO_NODE_ACRONYM: case FOLIO_NODE_ABBREV:
		if (is_entry_short_form(n))
			sb_putc(&w->para, ')');
		return;
	case FOLIO_NODE_FOOTNOTE:
		w->in_note--;
		if (!w->in_note) {
			put_collapsed(&w->notes, w->note.s ? w->note.s : "", w->note.len);
			sb_puts(&w->notes, "\n\n");
			sb_clear(&w->note);
		}
		return;
	case FOLIO_NODE_LINK: {
		const char *href = folio_node_attr(n, "xlink:href");
		if (href && n->first && !n->target) {
			const char *shown = folio_node_text(w->doc, n);
			if (strcmp(shown, href) != 0)
				sb_printf(target(w), " <%s>", href);
		} else if (href && !n->first) {
			sb_puts(target(w), href);
		}
		return;
	}
	default:
		break;
	}
	if (n->kind == FOLIO_NODE_ATTRIBUTION)
		return;
	if (n->kind == FOLIO_NODE_BLOCKQUOTE || n->kind == FOLIO_NODE_EPIGRAPH) {
		folio_node *by = folio_node_child(n, FOLIO_NODE_ATTRIBUTION);
		flush_para(w, n);
		if (by) {
			const char *s = folio_node_text(w->doc, by);
			sb_puts(&w->para, "\xe2\x80\x94 ");
			put_collapsed(&w->para, s, strlen(s));
			flush_para(w, by);
		}
		return;
	}
	if (block_here(n) && !w->in_note) {
		if (is_verbatim(n->kind)) {
			w->in_verbatim--;
			/* Verbatim text keeps its lines, indented as a block. */
			strbuf v = STRBUF_INIT;
			const char *s = sb_str(&w->para);
			unsigned level = indent_of(n) + 2;
			while (*s == '\n')
				s++;
			for (const char *line = s; *line;) {
				const char *end = strchr(line, '\n');
				size_t len = end ? (size_t)(end - line) : strlen(line);
				for (unsigned i = 0; i < level; i++)
					sb_puts(&v, "  ");
				sb_putn(&v, line, len);
				sb_putc(&v, '\n');
				line += len + (end ? 1 : 0);
			}
			sb_puts(&w->out, sb_str(&v));
			sb_putc(&w->out, '\n');
			sb_free(&v);
			sb_clear(&w->para);
			return;
		}
		flush_para(w, n);
	}
	if (n->kind == FOLIO_NODE_ARTICLE || n->kind == FOLIO_NODE_CHAPTER ||
	    n->kind == FOLIO_NODE_PREFACE || n->kind == FOLIO_NODE_APPENDIX)
		flush_notes(w);
}

static int text_render(folio_doc *doc, const folio_render_opts *opts,
		       folio_diag *diag)
{
	struct text_writer w = { .doc = doc };
	folio_iter it;
	folio_iter_init(&it, doc->root);
	folio_event ev;
	while ((ev = folio_iter_next(&it)) != FOLIO_DONE) {
		if (ev == FOLIO_ENTER)
			enter(&w, &it);
		else
			leave(&w, it.node);
	}
	flush_para(&w, doc->root);
	flush_notes(&w);

	int rc = 0;
	FILE *f = fopen(opts->out_path, "wb");
	if (f == NULL) {
		folio_report(diag, FOLIO_FATAL, (folio_loc){ opts->final_path, 0, 0 },
			     "cannot write: %s", strerror(errno));
		rc = -1;
	} else {
		/* One trailing newline, not the blank line after the last block. */
		size_t len = w.out.len;
		while (len > 1 && w.out.s[len - 1] == '\n' && w.out.s[len - 2] == '\n')
			len--;
		if (fwrite(w.out.s ? w.out.s : "", 1, len, f) != len || fclose(f) != 0) {
			folio_report(diag, FOLIO_FATAL, (folio_loc){ opts->final_path, 0, 0 },
				     "cannot write: %s", strerror(errno));
			rc = -1;
		}
	}
	sb_free(&w.out);
	sb_free(&w.para);
	sb_free(&w.notes);
	sb_free(&w.note);
	return rc;
}

const folio_backend folio_backend_text = {
	.name = "text",
	.extension = ".txt",
	.description = "plain UTF-8 text, for tests and diffs",
	.render = text_render,
};
