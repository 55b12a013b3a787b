/*
 * text: the plain-text back end.  It writes the whole reader as UTF-8 text,
 * one paragraph per line, with numbered headings, list markers and
 * footnotes gathered at the end of each article.  Tests diff it, and
 * authors use it to see what folio made of their sources without a viewer.
 *
 * Inline markup disappears except where it adds characters a reader needs
 * (quotation marks, footnote marks, URLs); blocks are separated by blank
 * lines and indented two spaces per level of list or quotation.
 */
#include "folio/backend.h"
#include "folio/lang.h"
#include "util/arena.h"
#include "util/strbuf.h"

#include <errno.h>
#include <stdio.h>
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

static void put_heading(struct text_writer *w, const folio_node *div)
{
	folio_node *title = folio_node_title(div);
	const char *text = title ? folio_node_text(w->doc, title) : NULL;
	if (text == NULL || *text == '\0')
		return;
	strbuf h = STRBUF_INIT;
	if (div->label && (div->flags & FOLIO_FLAG_NUMBERED))
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

/* Title, subtitle and the people of a book or article, at its head. */
static void put_info(struct text_writer *w, const folio_node *div)
{
	put_heading(w, div);
	folio_node *sub = folio_node_info_child(div, FOLIO_NODE_SUBTITLE);
	if (sub) {
		const char *s = folio_node_text(w->doc, sub);
		put_collapsed(&w->para, s, strlen(s));
		flush_para(w, div);
	}
	folio_node *info = folio_node_child(div, FOLIO_NODE_INFO);
	for (folio_node *c = info ? info->first : NULL; c; c = c->next) {
		if (c->kind != FOLIO_NODE_AUTHOR && c->kind != FOLIO_NODE_EDITOR)
			continue;
		if (c->kind == FOLIO_NODE_EDITOR) {
			sb_puts(&w->para, folio_lang_get(div->lang)->edited_by);
			sb_puts(&w->para, ": ");
		}
		sb_puts(&w->para, folio_person_name(w->doc, c));
		folio_node *aff = folio_node_child(c, FOLIO_NODE_AFFILIATION);
		if (aff) {
			sb_puts(&w->para, ", ");
			sb_puts(&w->para, folio_person_name(w->doc, aff));
		}
		flush_para(w, div);
	}
}

static void flush_notes(struct text_writer *w)
{
	if (w->notes.len == 0)
		return;
	sb_puts(&w->out, "----\n\n");
	sb_putn(&w->out, w->notes.s, w->notes.len);
	sb_clear(&w->notes);
}

/* Elements whose content is never printed where it stands. */
static int is_hidden(const folio_node *n)
{
	if (n->flags & FOLIO_FLAG_HIDDEN)
		return 1;
	switch (n->kind) {
	case FOLIO_NODE_INFO:
	case FOLIO_NODE_TITLE:
	case FOLIO_NODE_SUBTITLE:
	case FOLIO_NODE_TITLEABBREV:
	case FOLIO_NODE_INDEXTERM:
	case FOLIO_NODE_REMARK:
	case FOLIO_NODE_ALT:
	case FOLIO_NODE_COLSPEC:
	case FOLIO_NODE_SPANSPEC:
	case FOLIO_NODE_GEN_LOCATORS:
		return 1;
	default:
		return folio_kind_class(n->kind) == FOLIO_CLASS_META &&
		       n->kind != FOLIO_NODE_ABSTRACT &&
		       n->kind != FOLIO_NODE_LEGALNOTICE;
	}
}

static int is_block(const folio_node *n)
{
	folio_class c = folio_kind_class(n->kind);
	if (c == FOLIO_CLASS_BLOCK || c == FOLIO_CLASS_DIVISION)
		return 1;
	switch (n->kind) {
	case FOLIO_NODE_LISTITEM: case FOLIO_NODE_VARLISTENTRY:
	case FOLIO_NODE_TERM: case FOLIO_NODE_MEMBER: case FOLIO_NODE_STEP:
	case FOLIO_NODE_ATTRIBUTION: case FOLIO_NODE_ROW: case FOLIO_NODE_TR:
	case FOLIO_NODE_CAPTION: case FOLIO_NODE_GLOSSENTRY:
	case FOLIO_NODE_GLOSSDEF: case FOLIO_NODE_GLOSSSEE:
	case FOLIO_NODE_GLOSSSEEALSO: case FOLIO_NODE_BIBLIOENTRY:
	case FOLIO_NODE_BIBLIOMIXED: case FOLIO_NODE_INDEXENTRY:
	case FOLIO_NODE_PRIMARYIE: case FOLIO_NODE_SECONDARYIE:
	case FOLIO_NODE_TERTIARYIE: case FOLIO_NODE_QUESTION:
	case FOLIO_NODE_ANSWER: case FOLIO_NODE_ABSTRACT:
	case FOLIO_NODE_LEGALNOTICE:
		return 1;
	default:
		return 0;
	}
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
	/* Text collected so far belongs to the enclosing block. */
	if (is_block(n) && !w->in_note)
		flush_para(w, n->parent ? n->parent : n);
	switch (n->kind) {
	case FOLIO_NODE_BOOK:
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
	default:
		if (folio_kind_class(n->kind) == FOLIO_CLASS_DIVISION ||
		    n->kind == FOLIO_NODE_SIDEBAR || n->kind == FOLIO_NODE_FIGURE ||
		    n->kind == FOLIO_NODE_TABLE || n->kind == FOLIO_NODE_EXAMPLE)
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
	case FOLIO_NODE_FOOTNOTEREF:
		if (n->target && n->target->label)
			sb_printf(target(w), "[%s]", n->target->label);
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
	if (is_block(n) && !w->in_note) {
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
	"text", ".txt", "plain UTF-8 text, for tests and diffs", text_render, 0, NULL
};
