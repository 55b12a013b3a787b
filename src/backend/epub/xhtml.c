/*
 * xhtml: the engine that writes one content document: the document
 * skeleton, the frame stack walk, text (whitespace, escaping, print page
 * markers), ids and hrefs, and the footnotes gathered at the end.  The
 * handlers for each kind of element live in xhtml_div.c, xhtml_block.c
 * and xhtml_inline.c.
 */
#include "backend/epub/xhtml.h"
#include "util/vec.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>

#include <string.h>

/* ---- small helpers ---- */

frame *xw_top(xw *w)
{
	return w->depth ? &w->stack[w->depth - 1] : NULL;
}

frame *xw_parent(xw *w, frame *f)
{
	size_t i = (size_t)(f - w->stack);
	return i > 0 ? &w->stack[i - 1] : NULL;
}

int xw_is_ws(const folio_node *t)
{
	for (size_t i = 0; i < t->len; i++) {
		char ch = t->text[i];
		if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r')
			return 0;
	}
	return 1;
}

int xw_has_blocks(xw *w, const folio_node *n)
{
	const epub_nodeinfo *ni = nodemap_find(w->c->map, n);
	return ni && (ni->flags & EPUB_NI_BLOCKS);
}

const folio_lang *xw_lang(const folio_node *n)
{
	return folio_lang_get(n && n->lang ? n->lang : NULL);
}

void xw_add_pre(frame *f, const folio_node *n, int as)
{
	if (n && f->npre < FRAME_EXTRA)
		f->pre[f->npre++] = (item){ n, as };
}

void xw_add_post(frame *f, const folio_node *n, int as)
{
	if (n && f->npost < FRAME_EXTRA)
		f->post[f->npost++] = (item){ n, as };
}

/* What epub_put_text stops at: 1 markup to escape, 2 white space (only
 * when it collapses). */
static const unsigned char text_stop[2][256] = {
	{ ['&'] = 1, ['<'] = 1, ['>'] = 1 },
	{ ['&'] = 1, ['<'] = 1, ['>'] = 1,
	  [' '] = 2, ['\t'] = 2, ['\n'] = 2, ['\r'] = 2 },
};

void epub_put_text(strbuf *b, const char *s, size_t n, int collapse)
{
	const unsigned char *stop = text_stop[collapse ? 1 : 0];
	size_t start = 0, i = 0;
	int in_space = 0;
	sb_grow(b, n);
	while (i < n) {
		size_t from = i;
		while (i < n && !stop[(unsigned char)s[i]])
			i++;
		if (i > from)
			in_space = 0;
		if (i == n)
			break;
		char ch = s[i];
		if (stop[(unsigned char)ch] == 2) {
			/* a single space stays as it is, in the run copied at
			 * once; any other white space, or more of it, is one
			 * space */
			if (ch != ' ' || in_space) {
				sb_putn(b, s + start, i - start);
				if (!in_space)
					sb_putc(b, ' ');
				start = i + 1;
			}
			in_space = 1;
			i++;
			continue;
		}
		in_space = 0;
		sb_putn(b, s + start, i - start);
		sb_puts(b, ch == '&' ? "&amp;" : ch == '<' ? "&lt;" : "&gt;");
		start = ++i;
	}
	sb_putn(b, s + start, n - start);
}

/* ---- ids and links ---- */

static const char *generated_id(epub_ctx *c, const folio_node *n)
{
	char num[16];
	snprintf(num, sizeof num, "%u", n->serial);
	const char *id = epub_join(c, "n", num, NULL);
	/* An author's xml:id may look like ours; ours then gives way. */
	while (folio_doc_find_id(c->doc, id))
		id = epub_printf(c, "%s_", id);
	return id;
}

const char *xw_id_for(xw *w, const folio_node *n)
{
	epub_nodeinfo *ni = nodemap_find(w->c->map, n);
	if (n->id == NULL && !(ni && (ni->flags & EPUB_NI_TARGET)))
		return NULL;
	if (ni == NULL)
		ni = nodemap_get(w->c->map, n);
	if (ni->id == NULL)
		ni->id = n->id ? n->id : generated_id(w->c, n);
	if (hash_get(w->ids, ni->id))
		return NULL;
	hash_put(w->ids, ni->id, (void *)ni->id);
	if (!w->c->writing && ni->chunk < 0) {
		ni->chunk = w->chunk;
		ni->page = w->cur_page;
	}
	return ni->id;
}

static const folio_node *placed_copy(const epub_ctx *c, int from,
				     const epub_nodeinfo *ni)
{
	/* A link to a node that is not in the book (a glossary database
	 * entry) goes to its generated copy: the one in the same document
	 * when there is one, else the earliest. */
	const folio_node *best = NULL;
	int best_chunk = -1;
	for (const epub_copy *cp = ni->copies; cp; cp = cp->next) {
		const epub_nodeinfo *ci = nodemap_find(c->map, cp->node);
		if (ci == NULL || ci->chunk < 0 || ci->id == NULL)
			continue;
		int better = best == NULL || (ci->chunk == from && best_chunk != from) ||
			     ((ci->chunk == from) == (best_chunk == from) &&
			      (ci->chunk < best_chunk ||
			       (ci->chunk == best_chunk && cp->node->serial < best->serial)));
		if (better) {
			best = cp->node;
			best_chunk = ci->chunk;
		}
	}
	return best;
}

const char *epub_href(epub_ctx *c, int from, const folio_node *target)
{
	if (target == NULL)
		return NULL;
	const epub_nodeinfo *ni = nodemap_find(c->map, target);
	if (ni == NULL)
		return NULL;
	if (ni->chunk < 0 || ni->id == NULL) {
		const folio_node *copy = placed_copy(c, from, ni);
		if (copy == NULL)
			return NULL;
		ni = nodemap_find(c->map, copy);
	}
	if (ni->chunk == from)
		return epub_join(c, "#", ni->id, NULL);
	return epub_join(c, c->chunks[ni->chunk].file, "#", ni->id);
}

/* ---- tags ---- */

static void put_attr(strbuf *b, const char *name, const char *value)
{
	sb_putc(b, ' ');
	sb_puts(b, name);
	sb_puts(b, "=\"");
	sb_put_xml(b, value, strlen(value));
	sb_putc(b, '"');
}

/* dir where the direction turns: the element's own dir attribute
 * (DocBook 5.1; lro and rlo override the characters' own directions as
 * <bdo> does), else the direction its new language implies.  HTML
 * isolates an element with dir from the text around it, as the PDF's
 * bidi does (layout/bidi.c). */
static void put_direction(strbuf *b, frame *f, const char *new_lang)
{
	folio_dir d = FOLIO_DIR_NONE;
	if (f->node && f->node->nattrs && folio_node_attr(f->node, "dir"))
		d = folio_node_own_dir(f->node);
	if (d != FOLIO_DIR_NONE) {
		f->rtl = d == FOLIO_DIR_RTL || d == FOLIO_DIR_RLO;
		put_attr(b, "dir", f->rtl ? "rtl" : "ltr");
		if (d == FOLIO_DIR_LRO || d == FOLIO_DIR_RLO)
			put_attr(b, "style", "unicode-bidi: bidi-override");
		return;
	}
	if (new_lang == NULL || folio_lang_rtl(new_lang) == f->rtl)
		return;
	f->rtl = folio_lang_rtl(new_lang);
	put_attr(b, "dir", f->rtl ? "rtl" : "ltr");
}

void xw_open(xw *w, frame *f, const char *tag, const char *cls,
	     const char *extra)
{
	strbuf *b = w->out;
	sb_putc(b, '<');
	sb_puts(b, tag);
	const char *id = f->node ? xw_id_for(w, f->node) : NULL;
	if (id == NULL && f->pending_id) {
		id = f->pending_id;
		f->pending_id = NULL;
	}
	if (id)
		put_attr(b, "id", id);
	if (cls && *cls)
		put_attr(b, "class", cls);
	const char *lang = f->node ? f->node->lang : NULL;
	if (lang && f->lang && lang != f->lang && strcmp(lang, f->lang) != 0)
		lang = epub_lang_tag(w->c, lang);
	int new_lang = lang && (f->lang == NULL || strcmp(lang, f->lang) != 0);
	if (new_lang) {
		put_attr(b, "xml:lang", lang);
		put_attr(b, "lang", lang);
		f->lang = lang;
	}
	put_direction(b, f, new_lang ? lang : NULL);
	if (extra)
		sb_puts(b, extra);
	sb_putc(b, '>');
}

static const char *closing(xw *w, const char *tag)
{
	return epub_join(w->c, "</", tag, ">");
}

void xw_open_block(xw *w, frame *f, const char *tag, const char *cls,
		   const char *extra)
{
	if (f->flags & F_PHRASING) {
		/* Only phrasing content may stand here (a list inside a
		 * heading, say): keep the content, lose the block. */
		xw_open(w, f, "span", cls ? cls : tag, NULL);
		f->close = "</span>";
		return;
	}
	xw_open(w, f, tag, cls, extra);
	f->close = closing(w, tag);
}

void xw_open_inline(xw *w, frame *f, const char *tag, const char *cls,
		    const char *extra)
{
	xw_open(w, f, tag, cls, extra);
	f->close = closing(w, tag);
	f->flags |= F_PHRASING;
}

void xw_anchor(xw *w, const folio_node *n)
{
	const char *id = xw_id_for(w, n);
	if (id == NULL)
		return;
	sb_puts(w->out, "<span");
	put_attr(w->out, "id", id);
	sb_puts(w->out, "></span>");
}

/* ---- print page markers ---- */

static void put_marker(xw *w, unsigned i)
{
	epub_page *p = &w->c->pages[i];
	if (p->emitted)
		return;
	p->emitted = 1;
	sb_puts(w->out, "<span epub:type=\"pagebreak\" role=\"doc-pagebreak\"");
	put_attr(w->out, "id", p->id);
	put_attr(w->out, "aria-label", p->label);
	sb_puts(w->out, "></span>");
	if (!w->c->writing) {
		p->chunk = w->chunk;
		p->seq = w->c->page_seq++;
	}
	w->cur_page = (int)i;
	w->c->chunks[w->chunk].npages++;
}

void xw_page_marker(xw *w, unsigned i)
{
	epub_ctx *c = w->c;
	if (c->writing) {
		unsigned start = i;
		while (start > 0 && c->pages[start - 1].before == (int)i)
			start--;
		for (unsigned k = start; k < i; k++)
			put_marker(w, k);
	}
	put_marker(w, i);
}

/* Writes here the markers of the pages that begin inside n, so that a
 * heading or a link that starts a print page has the marker before it:
 * a marker inside would become part of its accessible name ("52 53
 * Daftar Pustaka").  The text writer then finds them written. */
void xw_hoist_pages(xw *w, const folio_node *n)
{
	epub_ctx *c = w->c;
	if (c->npages == 0 || n == NULL)
		return;
	const folio_node *t = n;
	while (t) {
		const epub_nodeinfo *ni = t->kind == FOLIO_NODE_TEXT
						  ? nodemap_find(c->map, t) : NULL;
		for (unsigned k = ni ? ni->pb_first : 0; ni && k < ni->pb_first + ni->pb_count; k++)
			if (c->pages[k].node == t)
				xw_page_marker(w, k);
		/* Depth first, never leaving n. */
		if (t->first) {
			t = t->first;
			continue;
		}
		while (t != n && t->next == NULL)
			t = t->parent;
		t = t == n ? NULL : t->next;
	}
}

static void write_text(xw *w, frame *f, const folio_node *t)
{
	int collapse = !(f->flags & F_PRE);
	size_t pos = 0;
	const epub_nodeinfo *ni = w->c->npages ? nodemap_find(w->c->map, t) : NULL;
	if (ni && ni->pb_count) {
		for (unsigned k = ni->pb_first; k < ni->pb_first + ni->pb_count; k++) {
			const epub_page *p = &w->c->pages[k];
			if (p->node != t)
				continue;
			epub_put_text(w->out, t->text + pos, p->offset - pos, collapse);
			pos = p->offset;
			xw_page_marker(w, k);
		}
	}
	epub_put_text(w->out, t->text + pos, t->len - pos, collapse);
}

/* ---- the walk ---- */

/* Kinds never written where they stand: notes to the author, alternative
 * texts and cover images (read by their owners' handlers), keywords and
 * extended links, the parts of an index term (the index is generated)
 * and a table's column specifications (read by the table's handler). */
static const unsigned char never_shown_kinds[FOLIO_NODE_KIND_COUNT] = {
	[FOLIO_NODE_REMARK] = 1, [FOLIO_NODE_ALT] = 1, [FOLIO_NODE_KEYWORDSET] = 1,
	[FOLIO_NODE_META] = 1, [FOLIO_NODE_EXTENDEDLINK] = 1, [FOLIO_NODE_COVER] = 1,
	[FOLIO_NODE_PRIMARY] = 1, [FOLIO_NODE_SECONDARY] = 1, [FOLIO_NODE_TERTIARY] = 1,
	[FOLIO_NODE_SEE] = 1, [FOLIO_NODE_SEEALSO] = 1, [FOLIO_NODE_COLSPEC] = 1,
	[FOLIO_NODE_SPANSPEC] = 1,
	/* page-layout instructions (hard-pagebreak, dbfo-need): the PDF's */
	[FOLIO_NODE_PI] = 1,
	/* a segmentedlist's column names: printed before each seg */
	[FOLIO_NODE_SEGTITLE] = 1,
	/* read but not printed: revision details, notes on the text, a
	 * reference page's metadata (its title heads the page) */
	[FOLIO_NODE_REVDESCRIPTION] = 1, [FOLIO_NODE_PRINTHISTORY] = 1,
	[FOLIO_NODE_ANNOTATION] = 1, [FOLIO_NODE_REFMETA] = 1,
	[FOLIO_NODE_REFMISCINFO] = 1,
};

/* Kinds no handler table names, written by xw_h_generic (a span or div
 * with the kind as its class) on purpose: a bridgehead and a phrase,
 * metadata standing in the text outside an info block (inside one, the
 * info items of xhtml_div.c apply), an image object or image data
 * outside a media object, and elements outside the subset. */
static const unsigned char generic_kinds[FOLIO_NODE_KIND_COUNT] = {
	[FOLIO_NODE_UNKNOWN] = 1, [FOLIO_NODE_BRIDGEHEAD] = 1,
	[FOLIO_NODE_REFNAMEDIV] = 1, /* a div of class refnamediv */ [FOLIO_NODE_PHRASE] = 1,
	[FOLIO_NODE_IMAGEOBJECT] = 1, [FOLIO_NODE_IMAGEDATA] = 1,
	[FOLIO_NODE_INFO] = 1, [FOLIO_NODE_TITLE] = 1, [FOLIO_NODE_SUBTITLE] = 1,
	[FOLIO_NODE_TITLEABBREV] = 1, [FOLIO_NODE_AUTHOR] = 1, [FOLIO_NODE_EDITOR] = 1,
	[FOLIO_NODE_OTHERCREDIT] = 1, [FOLIO_NODE_AUTHORGROUP] = 1, [FOLIO_NODE_CORPAUTHOR] = 1,
	[FOLIO_NODE_COLLAB] = 1, [FOLIO_NODE_ORG] = 1, [FOLIO_NODE_AFFILIATION] = 1,
	[FOLIO_NODE_PERSONBLURB] = 1, [FOLIO_NODE_CONTRIB] = 1, [FOLIO_NODE_PUBDATE] = 1,
	[FOLIO_NODE_EDITION] = 1, [FOLIO_NODE_PUBLISHER] = 1, [FOLIO_NODE_PUBLISHERNAME] = 1,
	[FOLIO_NODE_COPYRIGHT] = 1, [FOLIO_NODE_YEAR] = 1, [FOLIO_NODE_HOLDER] = 1,
	[FOLIO_NODE_KEYWORD] = 1, [FOLIO_NODE_SUBJECTSET] = 1, [FOLIO_NODE_SUBJECT] = 1,
	[FOLIO_NODE_SUBJECTTERM] = 1, [FOLIO_NODE_BIBLIOID] = 1, [FOLIO_NODE_ISBN] = 1,
	[FOLIO_NODE_ISSN] = 1, [FOLIO_NODE_RELEASEINFO] = 1, [FOLIO_NODE_VOLUMENUM] = 1,
	[FOLIO_NODE_ISSUENUM] = 1, [FOLIO_NODE_PAGENUMS] = 1, [FOLIO_NODE_ARTPAGENUMS] = 1,
	[FOLIO_NODE_BIBLIOMSET] = 1, [FOLIO_NODE_BIBLIOSET] = 1, [FOLIO_NODE_BIBLIOMISC] = 1,
	[FOLIO_NODE_BIBLIOSOURCE] = 1, [FOLIO_NODE_BIBLIORELATION] = 1, [FOLIO_NODE_REVHISTORY] = 1,
	[FOLIO_NODE_REVISION] = 1, [FOLIO_NODE_REVNUMBER] = 1, [FOLIO_NODE_REVREMARK] = 1,
	[FOLIO_NODE_AUTHORINITIALS] = 1,
};

int xw_kind_named(folio_node_kind k)
{
	return xw_div_names(k) || xw_inline_names(k) || xw_block_names(k) ||
	       never_shown_kinds[k] || generic_kinds[k];
}

static int never_shown(const folio_node *n)
{
	if (n->flags & (FOLIO_FLAG_HIDDEN | FOLIO_FLAG_FOREIGN))
		return 1;
	return never_shown_kinds[n->kind];
}

static int default_accept(xw *w, frame *f, const folio_node *c)
{
	if (never_shown(c))
		return 0;
	if (c->kind == FOLIO_NODE_TEXT)
		return !((f->flags & F_NO_WS) && xw_is_ws(c));
	if (f->kids == f->node && f->node && xw_is_titled(f->node->kind)) {
		switch (c->kind) {
		case FOLIO_NODE_TITLE:
		case FOLIO_NODE_SUBTITLE:
		case FOLIO_NODE_TITLEABBREV:
		case FOLIO_NODE_INFO:
			return 0;
		default:
			break;
		}
	}
	/* An info block outside a division (a figure's, a list's) holds
	 * only what the parent already pulled out. */
	if (c->kind == FOLIO_NODE_INFO && f->as != AS_TITLEPAGE)
		return 0;
	/* A chunk's own sub-chunks (a part's chapters) are documents of
	 * their own. */
	const epub_nodeinfo *ni = nodemap_find(w->c->map, c);
	if (ni && (ni->flags & EPUB_NI_CHUNK_TOP))
		return 0;
	return 1;
}

static frame *push_frame(xw *w)
{
	w->stack = vec_reserve(w->stack, &w->cap, (size_t)w->depth + 1, sizeof(*w->stack));
	frame *f = &w->stack[w->depth++];
	memset(f, 0, sizeof(*f));
	return f;
}

/* Starts node n as a child of the top frame; text is written at once. */
static void visit(xw *w, const folio_node *n, int as, const char *after)
{
	frame *parent = xw_top(w);
	/* A note's backlink goes at the start of its text: inside its first
	 * paragraph (the para handler writes it), else before whatever
	 * comes first. */
	if (w->backlink && (parent->flags & F_IN_NOTE) &&
	    n->kind != FOLIO_NODE_PARA && n->kind != FOLIO_NODE_SIMPARA)
		xw_backlink(w);
	if (n->kind == FOLIO_NODE_TEXT) {
		write_text(w, parent, n);
		if (after)
			sb_puts(w->out, after);
		return;
	}
	const handler *h = xw_pick(w, parent, n, as);
	frame *f = push_frame(w);
	parent = f - 1; /* the stack may have moved */
	f->node = n;
	f->kids = n;
	f->h = h;
	f->as = as;
	f->lang = parent->lang;
	f->rtl = parent->rtl;
	f->flags = parent->flags & (F_PHRASING | F_PRE | F_IN_LINK | F_IN_DFN | F_IN_NOTE);
	f->level = parent->level;
	f->npasses = 1;
	f->after = after;
	if (!h->enter(w, f)) {
		f->npasses = 0;
		f->npre = f->npost = 0;
	}
}

static int next_item(xw *w, frame *f, item *it, const char **after)
{
	*after = NULL;
	if (f->ipre < f->npre) {
		*it = f->pre[f->ipre++];
		return 1;
	}
	while (f->pass < f->npasses) {
		if (!f->started) {
			f->started = 1;
			f->cursor = f->kids ? f->kids->first : NULL;
			if (f->pass > 0 && f->h->between)
				f->h->between(w, f, f->pass);
		}
		while (f->cursor) {
			const folio_node *c = f->cursor;
			f->cursor = c->next;
			if (!default_accept(w, f, c))
				continue;
			if (f->h->accept && !f->h->accept(w, f, c))
				continue;
			if (f->sep && f->nout > 0)
				sb_puts(w->out, f->sep);
			f->nout++;
			if (f->fits && !f->fits(c)) {
				sb_puts(w->out, f->wrap_open);
				*after = f->wrap_close;
			}
			*it = (item){ c, AS_NORMAL };
			return 1;
		}
		f->pass++;
		f->started = 0;
	}
	if (f->ipost < f->npost) {
		if (f->ipost == 0 && f->h->between)
			f->h->between(w, f, f->npasses);
		*it = f->post[f->ipost++];
		return 1;
	}
	return 0;
}

static void run(xw *w, unsigned base)
{
	while (w->depth > base) {
		frame *f = xw_top(w);
		item it;
		const char *after;
		if (next_item(w, f, &it, &after)) {
			if (it.node->flags & (FOLIO_FLAG_HIDDEN | FOLIO_FLAG_FOREIGN)) {
				if (after)
					sb_puts(w->out, after);
				continue;
			}
			visit(w, it.node, it.as, after);
			continue;
		}
		if (f->h->exit)
			f->h->exit(w, f);
		else if (f->close)
			sb_puts(w->out, f->close);
		if (f->after)
			sb_puts(w->out, f->after);
		w->depth--;
	}
}

/* Renders node as a child of the base frame, to the end. */
static void render_node(xw *w, const folio_node *n, int as)
{
	unsigned base = w->depth;
	if (n->flags & (FOLIO_FLAG_HIDDEN | FOLIO_FLAG_FOREIGN))
		return;
	visit(w, n, as, NULL);
	run(w, base);
}

const handler *xw_pick(xw *w, frame *parent, const folio_node *n, int as)
{
	const handler *h = xw_div_handler(w, parent, n, as);
	if (h == NULL)
		h = xw_inline_handler(w, parent, n, as);
	if (h == NULL)
		h = xw_block_handler(w, parent, n, as);
	return h ? h : &xw_h_generic;
}

const char *xw_plain_text(xw *w, const folio_node *n)
{
	/* Collapsed and trimmed, but not escaped: callers escape for the
	 * place they write it. */
	return folio_collapse_space(w->c->doc, folio_node_text(w->c->doc, n));
}

/* ---- the document ---- */

static const char *head_title(epub_ctx *c, const epub_chunk *ch)
{
	if (ch->kind == EPUB_CHUNK_DIVISION) {
		const folio_node *abbrev =
			folio_node_info_child(ch->node, FOLIO_NODE_TITLEABBREV);
		if (abbrev) {
			strbuf b = STRBUF_INIT;
			const char *t = folio_node_text(c->doc, abbrev);
			epub_put_text(&b, t, strlen(t), 1);
			const char *s = epub_strdup(c, sb_str(&b));
			sb_free(&b);
			if (*s && strcmp(s, " ") != 0)
				return s;
		}
		return NULL;
	}
	return NULL;
}

static void write_head(xw *w, const epub_chunk *ch)
{
	epub_ctx *c = w->c;
	strbuf *b = w->out;
	sb_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
		   "<html xmlns=\"http://www.w3.org/1999/xhtml\" "
		   "xmlns:epub=\"http://www.idpf.org/2007/ops\"");
	put_attr(b, "xml:lang", ch->lang);
	put_attr(b, "lang", ch->lang);
	if (folio_lang_rtl(ch->lang))
		put_attr(b, "dir", "rtl");
	sb_puts(b, ">\n<head>\n<title>");
	const char *title = head_title(c, ch);
	if (title == NULL)
		title = (ch->kind == EPUB_CHUNK_DIVISION)
				? epub_nav_title(c, ch->node)
				: epub_nav_title(c, c->doc->root);
	/* The <title> is escaped text; the nav title is already plain. */
	epub_put_text(b, title, strlen(title), 1);
	sb_puts(b, "</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"css/epub.css\"/>\n");
	if (c->opts->epub.embed_fonts)
		sb_puts(b, "<link rel=\"stylesheet\" type=\"text/css\" href=\"css/fonts.css\"/>\n");
	sb_puts(b, "</head>\n<body");
	put_attr(b, "epub:type", ch->matter);
	sb_puts(b, ">\n");
}

static void write_notes(xw *w)
{
	if (w->nnotes == 0)
		return;
	const folio_lang *l = w->c->lang;
	sb_puts(w->out, "<section class=\"footnotes\"");
	put_attr(w->out, "aria-label", l->footnotes);
	sb_puts(w->out, ">\n");
	/* A note may hold notes of its own; they join the queue. */
	for (w->inote = 0; w->inote < w->nnotes; w->inote++) {
		render_node(w, w->notes[w->inote], AS_NOTE);
		sb_putc(w->out, '\n');
	}
	sb_puts(w->out, "</section>\n");
}

static void trailing_pages(xw *w)
{
	epub_ctx *c = w->c;
	if (!c->writing || w->chunk != (int)c->nchunks - 1)
		return;
	for (unsigned i = 0; i < c->npages; i++)
		if (!c->pages[i].emitted && c->pages[i].before == -1)
			put_marker(w, i);
}

static void render_body(xw *w, const epub_chunk *ch)
{
	switch (ch->kind) {
	case EPUB_CHUNK_COVER:
		render_node(w, ch->node, AS_NORMAL); /* xw_h_cover via pick */
		break;
	case EPUB_CHUNK_TITLEPAGE:
		render_node(w, ch->node, AS_TITLEPAGE);
		break;
	case EPUB_CHUNK_DIVISION:
		render_node(w, ch->node, AS_NORMAL);
		break;
	case EPUB_CHUNK_LOOSE:
		for (const folio_node *n = ch->node; n; n = n->next) {
			if (!(n->kind == FOLIO_NODE_TEXT && xw_is_ws(n)) && !never_shown(n) &&
			    folio_kind_class(n->kind) != FOLIO_CLASS_META)
				render_node(w, n, AS_NORMAL);
			if (n == ch->last)
				break;
		}
		break;
	}
}

/* The heading level above a chunk's own: one for each division that
 * holds it below the book, so that a part's chapters, written to files
 * of their own, head with <h2> under the part's <h1>. */
static unsigned chunk_base_level(const epub_ctx *c, const epub_chunk *ch)
{
	if (ch->kind != EPUB_CHUNK_DIVISION)
		return 0;
	unsigned level = 0;
	for (const folio_node *p = ch->node->parent; p; p = p->parent)
		if (p != c->doc->root && p->kind != FOLIO_NODE_BOOK &&
		    folio_kind_class(p->kind) == FOLIO_CLASS_DIVISION)
			level++;
	return level;
}

void epub_render_chunk(epub_ctx *c, unsigned i)
{
	epub_chunk *ch = &c->chunks[i];
	strbuf scratch = STRBUF_INIT;
	xw w;
	memset(&w, 0, sizeof(w));
	w.c = c;
	w.chunk = (int)i;
	w.ids = hash_new();
	w.cur_page = c->cur_page;
	ch->npages = 0;
	if (c->writing) {
		sb_clear(&ch->xhtml);
		w.out = &ch->xhtml;
	} else {
		w.out = &scratch;
	}
	write_head(&w, ch);
	/* The base frame stands for <body>. */
	frame *base = push_frame(&w);
	base->lang = ch->lang;
	base->rtl = folio_lang_rtl(ch->lang);
	base->flags = F_NO_WS;
	base->h = &xw_h_skip;
	base->level = chunk_base_level(c, ch);
	render_body(&w, ch);
	write_notes(&w);
	trailing_pages(&w);
	sb_puts(w.out, "</body>\n</html>\n");
	c->cur_page = w.cur_page;
	hash_free(w.ids);
	free(w.stack);
	free(w.notes);
	sb_free(&scratch);
}
