/*
 * flow: the tree as a vertical list (see flow.h).
 *
 * One iterative walk (folio_iter, never recursion over the tree) with a
 * stack of frames: each element's ENTER may change the current state
 * (indents, face, size, alignment, link) and saves the old one in its
 * frame; its EXIT finishes the element and restores the state.  Inline
 * content goes into the open paragraph; a block element first sets the
 * paragraph that is open.  Titles, attributions and footnotes are walked
 * separately (a bounded nesting: a footnote inside a footnote is set
 * inline), so their content keeps its inline markup.
 */
#include "layout/flow.h"
#include "layout/columns.h"
#include "layout/image.h"
#include "layout/linebreak.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum family { FAM_TEXT, FAM_HEAD, FAM_MONO };

/* What the walk changes and restores per element. */
typedef struct state {
	int family, italic, bold;
	fx size, leading;
	fx rise;
	const folio_node *link;
	const char *uri;
	const char *lang;
	int verbatim, url, nohyph;
	fx left, right;          /* indents from the text block's edges */
	int align;
	fx par_indent;           /* first-line indent of paragraphs here */
	fx par_space;            /* space between paragraphs here */
	fx hang;                 /* hanging indent (bibliography entries) */
	int quote_depth;
	int list_depth;
	int level;               /* division depth below the top division */
	int in_toc;              /* divisions here go in the contents */
} state;

typedef struct frame {
	const folio_node *node;
	state saved;
	int counter;             /* lists: items so far */
	int kind;                /* what EXIT must do (enum fr_kind) */
} frame;

enum fr_kind {
	FR_NONE, FR_BLOCK, FR_QUOTE, FR_ADMON, FR_TRADEMARK, FR_QUOTEMARK,
	FR_LIST, FR_ITEM, FR_VERBATIM, FR_SECTION, FR_LOCATORS, FR_TERM,
	FR_GLOSSENTRY, FR_BIBENTRY
};

struct flow {
	lay_ctx *c;
	vl_list *out;
	para *p;
	state s;
	VEC(frame) stack;
	fx measure;
	int after_para;          /* the last block was a body paragraph */
	int keep_next;           /* no page break before the next box */
	int keep_para;           /* the open paragraph stays with the next */
	int runin;               /* the next para continues the open one */
	lay_line *label;         /* list label waiting for its first line */
	fx label_x;
	VEC(const folio_node *) anchors; /* block anchors for the next box */
	folio_hash *notes;       /* footnote serial -> vl_list */
	VEC(vl_list *) note_lists;
	VEC(toc_entry) toc;
	int nested;              /* inside a footnote or attribution walk */
	int note_counter;
	struct flow *root;       /* the flow the page builder reads: footnotes
				    of sub flows (table cells) are kept there */
	int top_level_base;      /* depth of top divisions */
	const folio_node *top;   /* the top division being set */
	int no_marks;            /* a title copied (contents): no anchors, no
				    footnote calls */
};

static void walk(flow *f, const folio_node *top, int inline_only);

/* ---- state and styles ---- */

static int face_of(const flow *f, const state *s)
{
	const lay_ctx *c = f->c;
	int fs = (s->bold ? 2 : 0) + (s->italic ? 1 : 0);
	switch (s->family) {
	case FAM_HEAD:
		return c->head_face[fs];
	case FAM_MONO:
		return c->mono_face[fs];
	default:
		return c->text_face[fs];
	}
}

static para_style style_of(const flow *f)
{
	para_style ps = { 0 };
	ps.face = face_of(f, &f->s);
	ps.size = f->s.size;
	ps.rise = f->s.rise;
	ps.link = f->s.link;
	ps.uri = f->s.uri;
	ps.lang = f->s.lang;
	ps.verbatim = (unsigned char)f->s.verbatim;
	ps.url = (unsigned char)f->s.url;
	ps.nohyph = (unsigned char)f->s.nohyph;
	return ps;
}

static void base_state(flow *f)
{
	const lay_style *st = f->c->st;
	memset(&f->s, 0, sizeof f->s);
	f->s.family = FAM_TEXT;
	f->s.size = st->size_text;
	f->s.leading = st->leading;
	f->s.lang = f->c->doc->lang;
	f->s.align = st->align;
	f->s.par_indent = st->par_indent;
	f->s.par_space = st->par_space;
	f->s.in_toc = 1;
}

static int needs_anchor(const flow *f, const folio_node *n)
{
	return ctx_needs_anchor(f->c, n);
}

flow *flow_new(lay_ctx *c, vl_list *out)
{
	flow *f = xcalloc(1, sizeof(*f));
	f->c = c;
	f->out = out;
	f->p = para_new(c);
	f->notes = hash_new();
	const lay_style *st = c->st;
	f->measure = st->page_width - st->margin_inner - st->margin_outer;
	base_state(f);
	f->root = f;
	return f;
}

void flow_free(flow *f)
{
	if (f == NULL)
		return;
	para_free(f->p);
	for (size_t i = 0; i < f->note_lists.n; i++) {
		VEC_FREE(*f->note_lists.v[i]);
		free(f->note_lists.v[i]);
	}
	VEC_FREE(f->note_lists);
	VEC_FREE(f->stack);
	VEC_FREE(f->anchors);
	VEC_FREE(f->toc);
	hash_free(f->notes);
	free(f);
}

flow *flow_sub(flow *parent, vl_list *out, fx measure, fx size, fx leading,
	       int bold)
{
	flow *f = flow_new(parent->c, out);
	f->root = parent->root;
	f->measure = measure;
	f->nested = 1;
	f->s.size = size;
	f->s.leading = leading;
	f->s.bold = bold;
	f->s.par_indent = 0;
	f->s.par_space = 2 * FX_PT;
	f->s.align = ALIGN_RAGGED;
	f->s.lang = parent->s.lang;
	return f;
}

const char *flow_lang(const flow *f)
{
	return f->s.lang;
}

fx flow_left(const flow *f)
{
	return f->s.left;
}

fx flow_measure(const flow *f)
{
	return f->measure;
}

const toc_entry *flow_toc(flow *f, unsigned *n)
{
	*n = (unsigned)f->toc.n;
	return f->toc.v;
}

const vl_list *flow_footnote(flow *f, const folio_node *note)
{
	char key[24];
	return hash_get(f->notes, ctx_node_key(key, sizeof key, note));
}

/* ---- the vertical list ---- */

static vl_elem *push(flow *f, int kind)
{
	vl_elem e;
	memset(&e, 0, sizeof e);
	e.kind = (unsigned char)kind;
	e.repeat_first = -1;
	VEC_PUSH(*f->out, e);
	return &f->out->v[f->out->n - 1];
}

static int last_kind(const flow *f)
{
	return f->out->n ? f->out->v[f->out->n - 1].kind : -1;
}

void flow_penalty(flow *f, int penalty)
{
	push(f, VL_PENALTY)->penalty = penalty;
}

void flow_space(flow *f, fx space, fx stretch)
{
	if (f->keep_next && last_kind(f) == VL_BOX)
		flow_penalty(f, LB_INF);
	vl_elem *e = push(f, VL_GLUE);
	e->glue = space;
	e->stretch = stretch;
}

void flow_page_break(flow *f, int recto, int numbering, int opening)
{
	vl_elem *e = push(f, VL_BREAK);
	e->recto = recto;
	e->numbering = numbering;
	e->opening = opening;
	f->keep_next = 0;
	f->after_para = 0;
}

/* Pending block anchors become DEST items at the box's top. */
static void attach_anchors(flow *f, lay_item **items, unsigned *n, fx top)
{
	if (f->anchors.n == 0)
		return;
	lay_item *v = arena_alloc(f->c->arena,
				  (*n + f->anchors.n) * sizeof(lay_item));
	if (*n)
		memcpy(v, *items, *n * sizeof(lay_item));
	for (size_t i = 0; i < f->anchors.n; i++) {
		lay_item d = { 0 };
		d.kind = LI_DEST;
		d.y = top;
		d.node = f->anchors.v[i];
		v[(*n)++] = d;
	}
	*items = v;
	f->anchors.n = 0;
}

void flow_box(flow *f, lay_item *items, unsigned n, fx h, fx d, fx x)
{
	attach_anchors(f, &items, &n, -h);
	vl_elem *e = push(f, VL_BOX);
	e->items = items;
	e->nitems = n;
	e->h = h;
	e->d = d;
	e->x = x;
	f->keep_next = 0;
}

/* Adds the waiting list label to a line's items. */
static void attach_label(flow *f, lay_line *ln, fx x)
{
	if (f->label == NULL)
		return;
	unsigned n = ln->nitems + f->label->nitems;
	lay_item *v = arena_alloc(f->c->arena, n * sizeof(lay_item));
	memcpy(v, ln->items, ln->nitems * sizeof(lay_item));
	for (unsigned i = 0; i < f->label->nitems; i++) {
		lay_item it = f->label->items[i];
		it.x += f->label_x - x;
		v[ln->nitems + i] = it;
	}
	ln->items = v;
	ln->nitems = n;
	f->label = NULL;
}

void flow_lines(flow *f, lay_line *lines, unsigned n, fx x, int keep_all)
{
	for (unsigned i = 0; i < n; i++) {
		lay_line *ln = &lines[i];
		if (i == 0)
			attach_label(f, ln, x);
		if (i > 0) {
			int pen = 0;
			if (keep_all || i == 1 || i == n - 1)
				pen = LB_INF; /* orphan (club) and widow lines */
			else if (lines[i - 1].hyphenated)
				pen = LB_INF; /* no word split across pages */
			flow_penalty(f, pen);
		}
		lay_item *items = ln->items;
		unsigned ni = ln->nitems;
		attach_anchors(f, &items, &ni, -ln->h);
		vl_elem *e = push(f, VL_BOX);
		e->items = items;
		e->nitems = ni;
		e->h = ln->h;
		e->d = ln->d;
		e->x = x;
		e->src = ln->src;
		e->src_off = ln->src_off;
		unsigned nn = 0;
		for (unsigned m = 0; m < ln->nmarks; m++)
			nn += ln->marks[m].kind == MARK_FOOTNOTE;
		if (nn) {
			e->notes = arena_alloc(f->c->arena, nn * sizeof(*e->notes));
			for (unsigned m = 0; m < ln->nmarks; m++)
				if (ln->marks[m].kind == MARK_FOOTNOTE)
					e->notes[e->nnotes++] = ln->marks[m].node;
		}
		f->keep_next = 0;
	}
}

/* ---- paragraphs ---- */

static para_shape shape_of(const flow *f, fx indent)
{
	para_shape sh = { 0 };
	sh.width = f->measure - f->s.left - f->s.right;
	sh.indent = indent;
	sh.hang = f->s.hang;
	sh.leading = f->s.leading;
	sh.align = f->s.align;
	sh.hyphenate = !f->s.nohyph;
	if (f->s.verbatim && f->s.family == FAM_MONO)
		sh.wrap_indent = 2 * f->s.size; /* about three characters */
	return sh;
}

/* Sets the open paragraph and appends its lines. */
static void end_para_as(flow *f, int body, int keep_all)
{
	if (para_empty(f->p)) {
		for (unsigned i = 0; i < para_nmarks(f->p); i++) {
			int kind;
			const folio_node *n = para_mark_node(f->p, i, &kind);
			if (kind == MARK_ANCHOR)
				VEC_PUSH(f->anchors, n);
		}
		para_clear(f->p);
		return;
	}
	fx indent = body && f->after_para ? f->s.par_indent : 0;
	if (f->s.verbatim)
		para_trim_end(f->p);
	para_shape sh = shape_of(f, indent);
	unsigned n;
	lay_line *lines = para_set(f->p, &sh, &n);
	if (n == 0)
		return;
	if (!f->keep_next && last_kind(f) == VL_BOX && f->s.par_space == 0)
		flow_penalty(f, 0);
	if (f->s.par_space > 0 && last_kind(f) == VL_BOX)
		flow_space(f, f->s.par_space, f->s.par_space / 4);
	flow_lines(f, lines, n, f->s.left, keep_all);
	if (f->keep_para) {
		flow_penalty(f, LB_INF);
		f->keep_next = 1;
		f->keep_para = 0;
	}
	f->after_para = body;
}

static void end_para(flow *f)
{
	end_para_as(f, 1, 0);
}

/* Space between blocks, never at the top of a division. */
static void block_space(flow *f, fx space)
{
	end_para(f);
	f->after_para = 0;
	if (last_kind(f) != VL_BOX || space <= 0)
		return;
	flow_space(f, space, space / 3);
}

static void add_text(flow *f, const char *s)
{
	para_style ps = style_of(f);
	para_text(f->p, &ps, s, strlen(s), NULL, 0);
}

/* ---- headings and titles ---- */

void flow_title(flow *f, const folio_node *title, int face, fx size,
		fx leading, int align, const folio_node *anchor)
{
	end_para(f);
	state saved = f->s;
	f->s.family = face == f->c->head_face[FS_BOLD] ||
				      face == f->c->head_face[FS_REGULAR]
			      ? FAM_HEAD
			      : FAM_TEXT;
	f->s.bold = face == f->c->head_face[FS_BOLD] ||
		    face == f->c->text_face[FS_BOLD];
	f->s.italic = face == f->c->text_face[FS_ITALIC];
	f->s.size = size;
	f->s.leading = leading;
	f->s.align = align;
	f->s.nohyph = 1;
	f->s.hang = 0;
	if (anchor)
		para_mark(f->p, MARK_ANCHOR, anchor);
	if (title)
		walk(f, title, 1);
	end_para_as(f, 0, 1);
	f->s = saved;
}

lay_line *flow_title_lines(flow *f, const folio_node *title, int bold,
			   fx size, const folio_node *link, const para_shape *sh,
			   unsigned *n)
{
	end_para(f);
	state saved = f->s;
	f->s.family = FAM_TEXT;
	f->s.bold = bold;
	f->s.italic = 0;
	f->s.size = size;
	f->s.rise = 0;
	f->s.link = link;
	f->s.uri = NULL;
	f->s.nohyph = 1;
	f->s.verbatim = 0;
	f->s.url = 0;
	f->no_marks++;
	walk(f, title, 1);
	f->no_marks--;
	lay_line *lines = para_set(f->p, sh, n);
	f->s = saved;
	return lines;
}

void flow_plain(flow *f, const char *text, int face, fx size, fx leading,
		int align)
{
	end_para(f);
	para_style ps = style_of(f);
	ps.face = face;
	ps.size = size;
	ps.nohyph = 1;
	para_text(f->p, &ps, text, strlen(text), NULL, 0);
	state saved = f->s;
	f->s.leading = leading;
	f->s.align = align;
	f->s.hang = 0;
	end_para_as(f, 0, 1);
	f->s = saved;
}

static const char *division_word(const lay_ctx *c, const folio_node *n)
{
	switch (n->kind) {
	case FOLIO_NODE_GLOSSARY:
		return c->lang->glossary;
	case FOLIO_NODE_BIBLIOGRAPHY:
		return n->depth > 1 ? c->lang->references : c->lang->bibliography;
	case FOLIO_NODE_INDEX:
		return c->lang->index;
	case FOLIO_NODE_PREFACE:
		return c->lang->preface;
	default:
		return NULL;
	}
}

static void add_toc(flow *f, const folio_node *div, int level)
{
	toc_entry e = { 0 };
	e.node = div;
	e.level = level;
	e.in_toc = f->s.in_toc && f->nested == 0;
	e.title_node = folio_node_title(div);
	if (e.title_node)
		e.title = folio_node_text(f->c->doc, e.title_node);
	else
		e.title = division_word(f->c, div);
	if (e.title == NULL)
		e.title = folio_kind_name(div->kind);
	VEC_PUSH(f->toc, e);
}

/* A section heading at level 1..4 below its top division. */
static void heading(flow *f, const folio_node *div, int level)
{
	const lay_style *st = f->c->st;
	if (level < 1)
		level = 1;
	if (level > STYLE_LEVELS)
		level = STYLE_LEVELS;
	const style_heading *h = &st->h[level - 1];
	end_para(f);
	if (last_kind(f) == VL_BOX) {
		flow_penalty(f, -50); /* a good place for a page break */
		flow_space(f, h->space_before, h->space_before / 3);
	}
	f->after_para = 0;
	const folio_node *title = folio_node_title(div);
	int face = f->c->head_face[(h->bold ? FS_BOLD : 0) + (h->italic ? FS_ITALIC : 0)];
	state saved = f->s;
	f->s.left = saved.left;
	if (st->numbered_headings && div->label && (div->flags & FOLIO_FLAG_NUMBERED)) {
		para_style ps = style_of(f);
		ps.face = face;
		ps.size = h->size;
		char buf[64];
		snprintf(buf, sizeof buf, "%s\u2002", div->label);
		para_mark(f->p, MARK_ANCHOR, div);
		para_text(f->p, &ps, buf, strlen(buf), NULL, 0);
		flow_title(f, title, face, h->size, h->leading, ALIGN_RAGGED, NULL);
	} else if (title) {
		flow_title(f, title, face, h->size, h->leading, ALIGN_RAGGED, div);
	} else {
		const char *w = division_word(f->c, div);
		para_mark(f->p, MARK_ANCHOR, div);
		flow_plain(f, w ? w : "", face, h->size, h->leading, ALIGN_RAGGED);
	}
	f->s = saved;
	flow_penalty(f, LB_INF);
	flow_space(f, h->space_after, 0);
	f->keep_next = 1;
	f->after_para = 0;
}

/* A person's name: personname's parts joined by spaces ("Ratna Dewi
 * Kusumawardani"), or the element's text. */
const char *flow_person_name(lay_ctx *c, const folio_node *who)
{
	return folio_person_name(c->doc, who);
}

/* The author line of an article: the names in its info, joined. */
static const char *author_line(flow *f, const folio_node *div)
{
	const folio_node *info = folio_node_child(div, FOLIO_NODE_INFO);
	if (info == NULL)
		return NULL;
	strbuf b = STRBUF_INIT;
	for (const folio_node *n = info->first; n; n = n->next) {
		const folio_node *group = n->kind == FOLIO_NODE_AUTHORGROUP ? n : NULL;
		for (const folio_node *a = group ? group->first : n; a;
		     a = group ? a->next : NULL) {
			if (a->kind == FOLIO_NODE_AUTHOR || a->kind == FOLIO_NODE_EDITOR) {
				if (b.len)
					sb_puts(&b, ", ");
				sb_puts(&b, flow_person_name(f->c, a));
			}
			if (group == NULL)
				break;
		}
	}
	const char *s = b.len ? arena_strdup(f->c->arena, sb_str(&b)) : NULL;
	sb_free(&b);
	return s;
}

/* Collapses runs of white space into one space (titles for heads). */
static const char *squeeze(lay_ctx *c, const char *s)
{
	strbuf b = STRBUF_INIT;
	int space = 0;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			sb_putc(&b, ' ');
		space = 0;
		sb_putc(&b, *s);
	}
	const char *r = arena_strdup(c->arena, sb_str(&b));
	sb_free(&b);
	return r;
}

/* Height the page's elements take since the last page break (as the
 * page builder counts: glue at the top discarded). */
static fx page_used(const flow *f)
{
	size_t from = f->out->n;
	while (from > 0 && f->out->v[from - 1].kind != VL_BREAK)
		from--;
	return vl_natural_height(f->out, from, f->out->n);
}

/* The index's entries set at the width of a column, then cut into
 * columns page by page (columns.c). */
static void index_in_columns(flow *f, const folio_node *div, int ncols)
{
	const lay_style *st = f->c->st;
	if (ncols > 16)
		ncols = 16;
	fx gap = st->column_gap;
	fx width = (f->measure - (ncols - 1) * gap) / ncols;
	vl_list list = { 0 };
	flow *sub = flow_sub(f, &list, width, f->s.size, f->s.leading, 0);
	sub->s = f->s;
	sub->top = f->top;
	sub->top_level_base = f->top_level_base;
	walk(sub, div, 0);
	end_para(sub);
	flow_free(sub);
	fx goal = st->page_height - st->margin_top - st->margin_bottom;
	columns_set(f, &list, ncols, width, gap, goal - page_used(f), goal);
	VEC_FREE(list);
}

void flow_top_division(flow *f, const folio_node *div, int numbering)
{
	const lay_style *st = f->c->st;
	lay_ctx *c = f->c;
	end_para(f);
	flow_page_break(f, st->two_sided && st->recto_openings, numbering, 1);
	/* running heads: the book's title on the left, this one's on the right */
	const folio_node *t = folio_node_title(div);
	const folio_node *ab = folio_node_info_child(div, FOLIO_NODE_TITLEABBREV);
	const char *recto = ab ? folio_node_text(c->doc, ab)
			       : t ? folio_node_text(c->doc, t) : division_word(c, div);
	const folio_node *bt = folio_node_title(c->doc->root);
	vl_elem *h = push(f, VL_HEADS);
	h->head_verso = bt ? squeeze(c, folio_node_text(c->doc, bt)) : NULL;
	h->head_recto = recto ? squeeze(c, recto) : NULL;

	base_state(f);
	f->s.lang = div->lang ? div->lang : c->doc->lang;
	f->top_level_base = (int)div->depth;
	f->top = div;
	add_toc(f, div, 1);
	flow_space(f, 18 * FX_PT, 0);
	int face = c->head_face[FS_BOLD];
	fx size = st->title_size;
	if (t) {
		flow_title(f, t, face, size, size * 5 / 4, ALIGN_RAGGED, div);
	} else {
		para_mark(f->p, MARK_ANCHOR, div);
		flow_plain(f, division_word(c, div) ? division_word(c, div) : "",
			   face, size, size * 5 / 4, ALIGN_RAGGED);
	}
	const folio_node *sub = folio_node_info_child(div, FOLIO_NODE_SUBTITLE);
	if (sub) {
		flow_space(f, 4 * FX_PT, 0);
		flow_title(f, sub, c->head_face[FS_REGULAR], st->h[1].size,
			   st->h[1].leading, ALIGN_RAGGED, NULL);
	}
	const char *authors = author_line(f, div);
	if (authors) {
		flow_space(f, 8 * FX_PT, 0);
		flow_plain(f, authors, c->text_face[FS_ITALIC], st->size_text,
			   st->leading, ALIGN_RAGGED);
	}
	const folio_node *abs = folio_node_info_child(div, FOLIO_NODE_ABSTRACT);
	if (abs) {
		flow_space(f, 10 * FX_PT, 0);
		state saved = f->s;
		f->s.italic = 1;
		f->s.size = st->size_small;
		f->s.leading = st->leading_small;
		f->s.par_indent = 0;
		flow_blocks(f, abs);
		f->s = saved;
	}
	/* a rule under the title block */
	flow_space(f, 10 * FX_PT, 0);
	lay_item *rule = arena_alloc(c->arena, sizeof(lay_item));
	rule->kind = LI_RULE;
	rule->w = f->measure / 4;
	rule->h = 600;
	rule->y = -600;
	flow_box(f, rule, 1, 600, 0, 0);
	flow_penalty(f, LB_INF);
	flow_space(f, 20 * FX_PT, 0);
	f->keep_next = 1;
	f->after_para = 0;
	if (div->kind == FOLIO_NODE_INDEX && st->index_columns > 1)
		index_in_columns(f, div, st->index_columns);
	else
		walk(f, div, 0);
	end_para(f);
}

void flow_blocks(flow *f, const folio_node *node)
{
	walk(f, node, 0);
	end_para(f);
}

/* ---- list labels ---- */

static void roman(unsigned n, int upper, char *out, size_t size)
{
	static const struct { unsigned v; const char *s; } r[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" },
		{ 100, "c" }, { 90, "xc" }, { 50, "l" }, { 40, "xl" },
		{ 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
	};
	size_t o = 0;
	out[0] = '\0';
	if (n == 0 || n > 4000)
		n = 1;
	for (size_t i = 0; i < sizeof r / sizeof r[0]; i++)
		while (n >= r[i].v && o + 3 < size) {
			for (const char *p = r[i].s; *p; p++)
				out[o++] = upper ? (char)(*p - 32) : *p;
			n -= r[i].v;
		}
	out[o] = '\0';
}

static void list_label(const folio_node *list, const folio_node *item,
		       int counter, int depth, char *out, size_t size)
{
	if (list->kind == FOLIO_NODE_ITEMIZEDLIST) {
		static const char *const bullets[] = { "\u2022", "\u2013", "\u25e6", "\u2013" };
		snprintf(out, size, "%s", bullets[depth % 4]);
		return;
	}
	if (item->label && item->label[0]) {
		size_t n = strlen(item->label);
		char last = item->label[n - 1];
		snprintf(out, size, "%s%s", item->label,
			 (last == '.' || last == ')') ? "" : ".");
		return;
	}
	const char *num = folio_node_attr(list, "numeration");
	const char *start = folio_node_attr(list, "startingnumber");
	unsigned n = (unsigned)counter + (start ? (unsigned)atoi(start) - 1 : 0);
	char buf[32];
	if (num && strcmp(num, "loweralpha") == 0)
		snprintf(buf, sizeof buf, "%c", 'a' + (n - 1) % 26);
	else if (num && strcmp(num, "upperalpha") == 0)
		snprintf(buf, sizeof buf, "%c", 'A' + (n - 1) % 26);
	else if (num && strcmp(num, "lowerroman") == 0)
		roman(n, 0, buf, sizeof buf);
	else if (num && strcmp(num, "upperroman") == 0)
		roman(n, 1, buf, sizeof buf);
	else
		snprintf(buf, sizeof buf, "%u", n);
	snprintf(out, size, "%s.", buf);
}

/* ---- footnotes ---- */

static const char *note_label(flow *f, const folio_node *note)
{
	if (note->label)
		return note->label;
	return arena_printf(f->c->arena, "%d", ++f->note_counter);
}

static void superscript(flow *f, const char *label, const folio_node *target)
{
	state saved = f->s;
	f->s.rise = f->s.size * 33 / 100;
	f->s.size = f->s.size * 65 / 100;
	f->s.link = target;
	f->s.uri = NULL;
	add_text(f, label);
	f->s = saved;
}

/* Sets a footnote's body on its own list (small size, label first). */
static void build_note(flow *f, const folio_node *note, const char *label)
{
	vl_list *list = xcalloc(1, sizeof(*list));
	flow *root = f->root;
	VEC_PUSH(root->note_lists, list);
	char key[24];
	hash_put(root->notes, arena_strdup(f->c->arena,
		 ctx_node_key(key, sizeof key, note)), list);
	flow *nf = flow_new(f->c, list);
	nf->nested = 1;
	nf->s.size = f->c->st->size_small;
	nf->s.leading = f->c->st->leading_small;
	nf->s.par_indent = 0;
	nf->s.lang = note->lang ? note->lang : f->s.lang;
	nf->s.hang = 0;
	/* label, then the first paragraph's text */
	state saved = nf->s;
	nf->s.link = note;
	para_mark(nf->p, MARK_ANCHOR, note);
	add_text(nf, label);
	nf->s = saved;
	add_text(nf, "\u2002");
	nf->runin = 1;
	walk(nf, note, 0);
	end_para(nf);
	flow_free(nf);
}

/* ---- locators (glossary and index page lists) ---- */

static const char *page_label_of(flow *f, const folio_node *n, int *page)
{
	return ctx_prev_label(f->c, n, page);
}

typedef struct loc_ref {
	int page;                /* physical page index, -1 unknown */
	int last;                /* a range's last page; page otherwise */
	unsigned order;          /* position in refs: ties keep it */
	const char *label;
	const char *last_label;  /* the range's end label, or NULL */
	const folio_node *node;
	const folio_node *last_node;
	int preferred;           /* significance="preferred": set in bold */
} loc_ref;

static int loc_cmp(const void *a, const void *b)
{
	const loc_ref *x = a, *y = b;
	if (x->page != y->page)
		return x->page < y->page ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int has_class(const folio_node *n, const char *cls)
{
	const char *c = folio_node_attr(n, "class");
	return c && strcmp(c, cls) == 0;
}

/* The endofrange mark that closes start (resolve lists it right after
 * its start), or NULL. */
static const folio_node *range_end(const folio_node *loc, unsigned i)
{
	const folio_node *start = loc->refs[i];
	if (!has_class(start, "startofrange") || start->id == NULL)
		return NULL;
	for (unsigned j = i + 1; j < loc->nrefs; j++) {
		const folio_node *e = loc->refs[j];
		const char *ref = folio_node_attr(e, "startref");
		if (has_class(e, "endofrange") && ref && strcmp(ref, start->id) == 0)
			return e;
	}
	return NULL;
}

static void locator_label(flow *f, const loc_ref *r, const char *label,
			  const folio_node *target)
{
	state saved = f->s;
	f->s.link = target;
	f->s.bold = r->preferred;
	add_text(f, label);
	f->s = saved;
}

/* The label and node of page reach, the last of the run refs[i..j]: a
 * range's end when one ends there, else the ref on that page. */
static void run_end(const loc_ref *r, unsigned i, unsigned j, int reach,
		    const char **label, const folio_node **node)
{
	*label = r[i].label;
	*node = r[i].node;
	for (unsigned t = i; t <= j; t++) {
		if (r[t].last_label && r[t].last == reach) {
			*label = r[t].last_label;
			*node = r[t].last_node;
			return;
		}
		if (r[t].page == reach) {
			*label = r[t].label;
			*node = r[t].node;
		}
	}
}

/* "hlm. 3, 5–7": each page a link; consecutive pages and the pages an
 * index range (startofrange .. endofrange) spans are merged; preferred
 * locators in bold.  The refs are sorted by page (a term used a thousand
 * times in a long book costs n log n), the first ref of each page kept. */
static void locators(flow *f, const folio_node *loc)
{
	const char *for_ = folio_node_attr(loc, "for");
	int glossary = for_ && strcmp(for_, "glossary") == 0;
	unsigned n = loc->nrefs;
	loc_ref *refs = xcalloc(n + 1, sizeof(loc_ref));
	unsigned m = 0;
	for (unsigned i = 0; i < n; i++) {
		const folio_node *node = loc->refs[i];
		if (has_class(node, "endofrange"))
			continue; /* its start carries the range */
		int pg;
		const char *l = page_label_of(f, node, &pg);
		if (l == NULL)
			continue;
		const char *pref = folio_node_attr(node, "significance");
		loc_ref r = { pg, pg, i, l, NULL, node, node,
			      pref && strcmp(pref, "preferred") == 0 };
		const folio_node *end = range_end(loc, i);
		int last;
		const char *ll = end ? page_label_of(f, end, &last) : NULL;
		if (ll && last > pg) {
			r.last = last;
			r.last_label = ll;
			r.last_node = end;
		}
		refs[m++] = r;
	}
	qsort(refs, m, sizeof(loc_ref), loc_cmp);
	unsigned k = 0;
	for (unsigned i = 0; i < m; i++) {
		loc_ref *prev = k ? &refs[k - 1] : NULL;
		if (prev && refs[i].page >= 0 && refs[i].page == prev->page &&
		    refs[i].last <= prev->last) {
			prev->preferred |= refs[i].preferred;
			continue;
		}
		refs[k++] = refs[i];
	}
	m = k;
	if (m == 0) {
		free(refs);
		return;
	}
	state saved = f->s;
	if (glossary) {
		add_text(f, f->c->lang->page_abbrev);
		add_text(f, "\u00a0");
	}
	for (unsigned i = 0; i < m;) {
		/* A run of pages each following the last, or within a range. */
		unsigned j = i;
		int reach = refs[i].last;
		while (j + 1 < m && refs[i].page >= 0 && refs[j + 1].page >= 0 &&
		       refs[j + 1].page <= reach + 1 && !refs[j + 1].preferred &&
		       !refs[i].preferred) {
			j++;
			if (refs[j].last > reach)
				reach = refs[j].last;
		}
		if (i > 0)
			add_text(f, ", ");
		locator_label(f, &refs[i], refs[i].label, refs[i].node);
		if (reach > refs[i].page) {
			const char *label;
			const folio_node *node;
			run_end(refs, i, j, reach, &label, &node);
			add_text(f, "\u2013");
			locator_label(f, &refs[i], label, node);
		}
		i = j + 1;
	}
	f->s = saved;
	free(refs);
}

/* ---- figures ---- */

static const folio_node *find_kind(const folio_node *top, folio_node_kind k)
{
	for (const folio_node *n = top; n; n = folio_next(top, n, 0))
		if (n->kind == k)
			return n;
	return NULL;
}

static void figure(flow *f, const folio_node *fig)
{
	lay_ctx *c = f->c;
	const lay_style *st = c->st;
	block_space(f, 8 * FX_PT);
	const folio_node *data = find_kind(fig, FOLIO_NODE_IMAGEDATA);
	fx avail = f->measure - f->s.left - f->s.right;
	fx maxh = (st->page_height - st->margin_top - st->margin_bottom) * 6 / 10;
	lay_image img;
	int ok = data && image_probe(c, data, &img) == 0;
	VEC(lay_item) items = { 0 };
	fx w = 0, h = 0;
	if (ok) {
		/* natural size at 150 dpi, never wider than the measure */
		w = fx_muldiv(img.width, 72000, 150);
		h = fx_muldiv(img.height, 72000, 150);
		fx want;
		if (image_wanted_width(c, data, &want)) {
			h = fx_muldiv(h, want, w);
			w = want;
		}
		if (w > avail) {
			h = fx_muldiv(h, avail, w);
			w = avail;
		}
		if (h > maxh) {
			w = fx_muldiv(w, maxh, h);
			h = maxh;
		}
		lay_item it = { 0 };
		it.kind = LI_IMAGE;
		it.x = (avail - w) / 2;
		it.y = -h;
		it.w = w;
		it.h = h;
		it.node = data;
		it.uri = img.path;
		VEC_PUSH(items, it);
	}
	/* caption: "Gambar 3. Title" centred under the image */
	const folio_node *title = folio_node_title(fig);
	fx y = 0;
	if (title || fig->kind == FOLIO_NODE_FIGURE) {
		para_style ps = style_of(f);
		ps.size = st->size_small;
		ps.face = c->text_face[FS_BOLD];
		if (fig->kind == FOLIO_NODE_FIGURE) {
			char buf[96];
			snprintf(buf, sizeof buf, "%s %s. ", c->lang->figure,
				 fig->label ? fig->label : "");
			para_text(f->p, &ps, buf, strlen(buf), NULL, 0);
		}
		state saved = f->s;
		f->s.size = st->size_small;
		f->s.leading = st->leading_small;
		f->s.align = ALIGN_CENTER;
		if (title)
			walk(f, title, 1);
		para_shape sh = shape_of(f, 0);
		sh.align = ALIGN_CENTER;
		unsigned nl;
		lay_line *lines = para_set(f->p, &sh, &nl);
		f->s = saved;
		y += 6 * FX_PT;
		for (unsigned i = 0; i < nl; i++) {
			y += lines[i].h;
			for (unsigned k = 0; k < lines[i].nitems; k++) {
				lay_item it = lines[i].items[k];
				it.y += y;
				VEC_PUSH(items, it);
			}
			y += lines[i].d;
		}
	}
	unsigned n = (unsigned)items.n;
	lay_item *v = arena_alloc(c->arena, (n + 1) * sizeof(lay_item));
	if (n) /* an empty vector has no buffer, and memcpy wants one */
		memcpy(v, items.v, n * sizeof(lay_item));
	VEC_FREE(items);
	if (n > 0)
		flow_box(f, v, n, h, y, f->s.left);
	f->after_para = 0;
	block_space(f, 8 * FX_PT);
}

/* ---- the walk ---- */

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

static int is_division(folio_node_kind k)
{
	return folio_kind_class(k) == FOLIO_CLASS_DIVISION &&
	       k != FOLIO_NODE_GLOSSDIV && k != FOLIO_NODE_INDEXDIV &&
	       k != FOLIO_NODE_BIBLIODIV;
}

/* Divisions between n and the top division (1 for its sections). */
static int division_level(const flow *f, const folio_node *n)
{
	int level = 0;
	for (const folio_node *p = n; p && p != f->top; p = p->parent)
		if (is_division(p->kind))
			level++;
	return level;
}

void flow_scan_toc(flow *f, const folio_node *div)
{
	const folio_node *saved = f->top;
	f->top = div;
	add_toc(f, div, 1);
	const folio_node *n = folio_next(div, div, 0);
	while (n) {
		/* what walk does not descend into, or flows apart */
		int skip = (n->flags & FOLIO_FLAG_HIDDEN) ||
			   folio_kind_class(n->kind) == FOLIO_CLASS_META ||
			   folio_kind_class(n->kind) == FOLIO_CLASS_INLINE ||
			   n->kind == FOLIO_NODE_FOOTNOTE;
		if (!skip && is_division(n->kind))
			add_toc(f, n, division_level(f, n) + 1);
		n = folio_next(div, n, skip);
	}
	f->top = saved;
}

static void on_text(flow *f, const folio_node *n)
{
	const char *t = n->text;
	size_t len = n->len;
	if (para_empty(f->p)) {
		size_t k = 0;
		while (k < len && (t[k] == ' ' || t[k] == '\n' || t[k] == '\t' ||
				   t[k] == '\r'))
			k++;
		if (k == len && !f->s.verbatim)
			return;
		if (f->s.verbatim && para_nmarks(f->p) == 0 && len && t[0] == '\n') {
			t++;
			len--;
		}
	}
	para_style ps = style_of(f);
	/* a copy (a title in the contents) is not where its text is: the
	 * page map must not see it */
	para_text(f->p, &ps, t, len, f->no_marks ? NULL : n,
		  f->no_marks ? 0 : (size_t)(t - n->text));
}

static void start_list_item(flow *f, frame *list, const folio_node *item)
{
	const lay_style *st = f->c->st;
	end_para(f);
	if (list && list->counter > 0)
		flow_space(f, 2 * FX_PT, FX_PT);
	int counter = list ? ++list->counter : 1;
	char label[64] = "";
	if (list)
		list_label(list->node, item, counter, f->s.list_depth - 1, label,
			   sizeof label);
	fx indent = st->list_indent;
	para_style ps = style_of(f);
	ps.link = NULL;
	ps.uri = NULL;
	fx lw = para_measure(f->c, &ps, label, strlen(label));
	if (lw + 4 * FX_PT > indent)
		indent = lw + 4 * FX_PT;
	f->label = label[0] ? para_single(f->c, &ps, label, strlen(label),
					  f->s.leading) : NULL;
	if (list && list->node->kind == FOLIO_NODE_ITEMIZEDLIST)
		f->label_x = f->s.left + indent * 35 / 100;
	else
		f->label_x = f->s.left + indent - 4 * FX_PT - lw;
	f->s.left += indent;
	f->s.par_indent = 0;
	f->s.par_space = 3 * FX_PT;
	f->after_para = 0;
}

static frame *nearest(flow *f, folio_node_kind k1, folio_node_kind k2)
{
	for (size_t i = f->stack.n; i > 0; i--) {
		frame *fr = &f->stack.v[i - 1];
		if (fr->node->kind == k1 || fr->node->kind == k2)
			return fr;
	}
	return NULL;
}

static void rule_box(flow *f, fx width)
{
	lay_item *r = arena_alloc(f->c->arena, sizeof(lay_item));
	r->kind = LI_RULE;
	r->w = width;
	r->h = 400;
	r->y = -400;
	flow_box(f, r, 1, 400, 0, f->s.left);
}

static const char *admonition_word(const lay_ctx *c, folio_node_kind k)
{
	switch (k) {
	case FOLIO_NODE_NOTE: return c->lang->note;
	case FOLIO_NODE_TIP: return c->lang->tip;
	case FOLIO_NODE_IMPORTANT: return c->lang->important;
	case FOLIO_NODE_WARNING: return c->lang->warning;
	case FOLIO_NODE_CAUTION: return c->lang->caution;
	case FOLIO_NODE_DANGER: return c->lang->danger;
	default: return NULL;
	}
}

/* ENTER of a block element.  Returns 0 to skip the children. */
/* Nesting never squeezes the text below a third of the measure: past
 * that, lists and quotes indent no further (a warning, once), so deep
 * items still print rather than vanish in a column of no width. */
static void limit_indent(flow *f, const folio_node *n)
{
	if (f->s.right > f->measure / 3)
		f->s.right = f->measure / 3;
	fx most = f->measure * 2 / 3 - f->s.right;
	if (f->s.left <= most)
		return;
	f->label_x -= f->s.left - most; /* the label stays by its text */
	f->s.left = most;
	lay_ctx *c = f->c;
	if (c->quiet || hash_get(c->warned, "indent-limit"))
		return;
	hash_put(c->warned, "indent-limit", (void *)1);
	folio_report(c->diag, FOLIO_WARNING, n->loc,
		     "lists and quotes nested this deep would leave the text less than a third of the line; they indent no further from here");
}

static int enter_block(flow *f, const folio_node *n, frame *fr)
{
	lay_ctx *c = f->c;
	const lay_style *st = c->st;
	switch (n->kind) {
	case FOLIO_NODE_PARA:
	case FOLIO_NODE_SIMPARA:
		if (f->runin) {
			f->runin = 0;
			return 1;
		}
		end_para(f);
		return 1;
	case FOLIO_NODE_FORMALPARA: {
		block_space(f, st->par_space);
		const folio_node *t = folio_node_title(n);
		if (t) {
			state saved = f->s;
			f->s.bold = 1;
			walk(f, t, 1);
			f->s = saved;
			add_text(f, ". ");
			f->runin = 1;
		}
		return 1;
	}
	case FOLIO_NODE_ITEMIZEDLIST:
	case FOLIO_NODE_ORDEREDLIST:
	case FOLIO_NODE_PROCEDURE:
	case FOLIO_NODE_SUBSTEPS:
	case FOLIO_NODE_SIMPLELIST:
	case FOLIO_NODE_VARIABLELIST:
	case FOLIO_NODE_QANDASET:
	case FOLIO_NODE_GLOSSLIST:
	case FOLIO_NODE_BIBLIOLIST:
		block_space(f, 4 * FX_PT);
		fr->kind = FR_LIST;
		f->s.list_depth++;
		if (folio_node_title(n)) {
			flow_title(f, folio_node_title(n), c->text_face[FS_BOLD],
				   f->s.size, f->s.leading, ALIGN_RAGGED, NULL);
			flow_penalty(f, LB_INF);
			f->keep_next = 1;
		}
		return 1;
	case FOLIO_NODE_LISTITEM:
	case FOLIO_NODE_STEP: {
		fr->kind = FR_ITEM;
		frame *list = nearest(f, FOLIO_NODE_ITEMIZEDLIST, FOLIO_NODE_ORDEREDLIST);
		frame *proc = nearest(f, FOLIO_NODE_PROCEDURE, FOLIO_NODE_SUBSTEPS);
		frame *var = nearest(f, FOLIO_NODE_VARIABLELIST, FOLIO_NODE_VARIABLELIST);
		if (n->parent && n->parent->kind == FOLIO_NODE_VARLISTENTRY) {
			end_para(f);
			f->s.left += st->list_indent;
			f->s.par_indent = 0;
			f->after_para = 0;
			(void)var;
			return 1;
		}
		frame *owner = list;
		if (proc && (!list || proc > list))
			owner = proc;
		if (owner && owner->node->kind != FOLIO_NODE_ITEMIZEDLIST &&
		    owner->node->kind != FOLIO_NODE_ORDEREDLIST) {
			/* procedures number their steps */
			static const folio_node fake = { .kind = FOLIO_NODE_ORDEREDLIST };
			frame tmp = *owner;
			tmp.node = &fake;
			start_list_item(f, &tmp, n);
			owner->counter = tmp.counter;
		} else {
			start_list_item(f, owner, n);
		}
		return 1;
	}
	case FOLIO_NODE_MEMBER:
		end_para(f);
		return 1;
	case FOLIO_NODE_VARLISTENTRY:
		block_space(f, 3 * FX_PT);
		return 1;
	case FOLIO_NODE_TERM:
		end_para(f);
		f->s.bold = 1;
		fr->kind = FR_TERM;
		return 1;
	case FOLIO_NODE_QUESTION:
		block_space(f, 3 * FX_PT);
		f->s.bold = 1;
		fr->kind = FR_TERM;
		return 1;
	case FOLIO_NODE_ANSWER:
		end_para(f);
		f->s.left += st->list_indent / 2;
		return 1;
	case FOLIO_NODE_BLOCKQUOTE:
	case FOLIO_NODE_EPIGRAPH:
		block_space(f, 6 * FX_PT);
		fr->kind = FR_QUOTE;
		f->s.left += st->quote_indent;
		f->s.right += n->kind == FOLIO_NODE_EPIGRAPH ? 0 : st->quote_indent;
		if (n->kind == FOLIO_NODE_EPIGRAPH) {
			f->s.left = f->measure / 3;
			f->s.italic = 1;
		}
		f->s.size = f->s.size * 95 / 100;
		f->s.par_indent = 0;
		f->s.par_space = 3 * FX_PT;
		if (folio_node_title(n))
			flow_title(f, folio_node_title(n), c->text_face[FS_BOLD],
				   f->s.size, f->s.leading, ALIGN_RAGGED, NULL);
		return 1;
	case FOLIO_NODE_ATTRIBUTION:
		return 0; /* set at the quote's end */
	case FOLIO_NODE_NOTE: case FOLIO_NODE_TIP: case FOLIO_NODE_IMPORTANT:
	case FOLIO_NODE_WARNING: case FOLIO_NODE_CAUTION: case FOLIO_NODE_DANGER:
	case FOLIO_NODE_SIDEBAR: case FOLIO_NODE_EXAMPLE:
	case FOLIO_NODE_INFORMALEXAMPLE: {
		block_space(f, 8 * FX_PT);
		fr->kind = FR_ADMON;
		rule_box(f, f->measure - f->s.left - f->s.right);
		flow_penalty(f, LB_INF);
		flow_space(f, 4 * FX_PT, 0);
		f->keep_next = 1;
		const folio_node *t = folio_node_title(n);
		const char *word = admonition_word(c, n->kind);
		if (n->kind == FOLIO_NODE_EXAMPLE) {
			char buf[96];
			snprintf(buf, sizeof buf, "%s %s. ", c->lang->example,
				 n->label ? n->label : "");
			para_style ps = style_of(f);
			ps.face = c->head_face[FS_BOLD];
			ps.size = f->s.size * 9 / 10;
			para_text(f->p, &ps, buf, strlen(buf), NULL, 0);
		}
		if (t)
			flow_title(f, t, c->head_face[FS_BOLD], f->s.size * 9 / 10,
				   f->s.leading, ALIGN_RAGGED, NULL);
		else if (word)
			flow_plain(f, word, c->head_face[FS_BOLD], f->s.size * 9 / 10,
				   f->s.leading, ALIGN_RAGGED);
		else
			end_para_as(f, 0, 1);
		flow_penalty(f, LB_INF);
		f->keep_next = 1;
		f->s.par_indent = 0;
		f->s.par_space = 3 * FX_PT;
		f->after_para = 0;
		return 1;
	}
	case FOLIO_NODE_PROGRAMLISTING: case FOLIO_NODE_SCREEN:
	case FOLIO_NODE_SYNOPSIS: case FOLIO_NODE_LITERALLAYOUT:
	case FOLIO_NODE_ADDRESS:
		block_space(f, 5 * FX_PT);
		fr->kind = FR_VERBATIM;
		f->s.verbatim = 1;
		f->s.nohyph = 1;
		f->s.align = ALIGN_RAGGED;
		f->s.par_indent = 0;
		if (n->kind != FOLIO_NODE_LITERALLAYOUT && n->kind != FOLIO_NODE_ADDRESS) {
			f->s.family = FAM_MONO;
			f->s.size = st->size_mono;
			f->s.leading = st->size_mono * 13 / 10;
			f->s.left += 6 * FX_PT;
		}
		return 1;
	case FOLIO_NODE_FIGURE: case FOLIO_NODE_INFORMALFIGURE:
	case FOLIO_NODE_MEDIAOBJECT:
		end_para(f);
		if (n->id || needs_anchor(f, n))
			VEC_PUSH(f->anchors, n);
		figure(f, n);
		return 0;
	case FOLIO_NODE_TABLE: case FOLIO_NODE_INFORMALTABLE:
		end_para(f);
		if (n->id || needs_anchor(f, n))
			VEC_PUSH(f->anchors, n);
		flow_table(f, n);
		return 0;
	case FOLIO_NODE_BRIDGEHEAD:
		heading(f, n, 3);
		return 0;
	case FOLIO_NODE_EQUATION: case FOLIO_NODE_INFORMALEQUATION:
		block_space(f, 4 * FX_PT);
		f->s.align = ALIGN_CENTER;
		fr->kind = FR_BLOCK;
		return 1;
	case FOLIO_NODE_GLOSSDIV: case FOLIO_NODE_INDEXDIV:
	case FOLIO_NODE_BIBLIODIV: {
		end_para(f);
		const folio_node *t = folio_node_title(n);
		if (t && n->kind == FOLIO_NODE_INDEXDIV) {
			/* the index's letters at the entries' size and on their
			 * leading: a column reads as one block, so text
			 * extraction keeps the columns' order */
			if (last_kind(f) == VL_BOX)
				flow_space(f, st->leading_small, st->leading_small / 3);
			flow_title(f, t, c->head_face[FS_BOLD], st->size_small,
				   st->leading_small, ALIGN_RAGGED, n);
			flow_penalty(f, LB_INF);
			f->keep_next = 1;
		} else if (t) {
			if (last_kind(f) == VL_BOX)
				flow_space(f, 10 * FX_PT, 3 * FX_PT);
			flow_title(f, t, c->head_face[FS_BOLD], st->h[2].size,
				   st->h[2].leading, ALIGN_RAGGED, n);
			flow_penalty(f, LB_INF);
			flow_space(f, 3 * FX_PT, 0);
			f->keep_next = 1;
		}
		return 1;
	}
	case FOLIO_NODE_GLOSSENTRY:
		block_space(f, 4 * FX_PT);
		fr->kind = FR_GLOSSENTRY;
		f->s.par_indent = 0;
		f->s.align = ALIGN_JUSTIFY;
		return 1;
	case FOLIO_NODE_GLOSSDEF:
		f->keep_para = 1;
		end_para(f);
		f->s.left += st->list_indent;
		f->s.par_space = 2 * FX_PT;
		return 1;
	case FOLIO_NODE_GLOSSSEE: case FOLIO_NODE_GLOSSSEEALSO: {
		end_para(f);
		f->s.left += st->list_indent;
		state saved = f->s;
		f->s.italic = 1;
		/* The reference starts its own line: "Lihat juga". */
		add_text(f, folio_capitalize(c->doc, n->kind == FOLIO_NODE_GLOSSSEE
						     ? c->lang->see : c->lang->see_also));
		f->s = saved;
		add_text(f, " ");
		fr->kind = FR_BLOCK;
		const char *other = folio_node_attr(n, "otherterm");
		const folio_node *t = other ? folio_doc_find_id(c->doc, other) : NULL;
		if (n->first == NULL && t) {
			/* an authored reference: the other entry's term */
			const folio_node *term = folio_node_child(t, FOLIO_NODE_GLOSSTERM);
			f->s.link = t;
			add_text(f, squeeze(c, folio_node_text(c->doc, term ? term : t)));
			f->s.link = NULL;
		}
		return 1;
	}
	case FOLIO_NODE_BIBLIOMIXED: case FOLIO_NODE_BIBLIOENTRY:
		end_para(f);
		if (last_kind(f) == VL_BOX)
			flow_space(f, 3 * FX_PT, FX_PT);
		fr->kind = FR_BIBENTRY;
		f->s.hang = st->list_indent;
		f->s.align = ALIGN_RAGGED;
		f->s.par_indent = 0;
		f->after_para = 0;
		if (n->id || needs_anchor(f, n))
			para_mark(f->p, MARK_ANCHOR, n);
		if (n->kind == FOLIO_NODE_BIBLIOENTRY) {
			/* an authored entry: its fields as plain text */
			add_text(f, squeeze(c, folio_node_text(c->doc, n)));
			return 0;
		}
		return 1;
	case FOLIO_NODE_INDEXENTRY:
		end_para(f);
		f->s.par_indent = 0;
		f->s.align = ALIGN_RAGGED;
		f->s.size = st->size_small;
		f->s.leading = st->leading_small;
		return 1;
	case FOLIO_NODE_PRIMARYIE: case FOLIO_NODE_SECONDARYIE:
	case FOLIO_NODE_TERTIARYIE:
		end_para(f);
		f->s.left += n->kind == FOLIO_NODE_SECONDARYIE ? 10 * FX_PT
			   : n->kind == FOLIO_NODE_TERTIARYIE ? 20 * FX_PT : 0;
		/* runover lines two steps in, deeper than the next level's
		 * entries, so a turned line is never taken for a sub-entry */
		f->s.hang = 20 * FX_PT;
		fr->kind = FR_BLOCK;
		return 1;
	default:
		end_para(f);
		fr->kind = FR_BLOCK;
		return 1;
	}
}

static void exit_block(flow *f, const folio_node *n, frame *fr)
{
	lay_ctx *c = f->c;
	switch (fr->kind) {
	case FR_QUOTE: {
		end_para(f);
		const folio_node *attr = folio_node_child(n, FOLIO_NODE_ATTRIBUTION);
		if (attr && !f->nested) {
			f->s.align = ALIGN_RIGHT;
			f->s.italic = 0;
			add_text(f, "\u2014\u2009");
			f->nested++;
			walk(f, attr, 1);
			f->nested--;
			end_para_as(f, 0, 0);
		}
		f->after_para = 0;
		f->s = fr->saved;
		block_space(f, 6 * FX_PT);
		break;
	}
	case FR_ADMON:
		end_para(f);
		f->s = fr->saved;
		flow_space(f, 4 * FX_PT, 0);
		flow_penalty(f, LB_INF);
		rule_box(f, f->measure - f->s.left - f->s.right);
		block_space(f, 8 * FX_PT);
		break;
	case FR_LIST:
		end_para(f);
		f->s = fr->saved;
		block_space(f, 4 * FX_PT);
		break;
	case FR_TERM:
		f->keep_para = 1;
		end_para_as(f, 0, 0);
		break;
	case FR_VERBATIM:
		end_para_as(f, 0, 0);
		f->s = fr->saved;
		block_space(f, 5 * FX_PT);
		break;
	case FR_BIBENTRY:
		end_para_as(f, 0, 0);
		break;
	default:
		end_para_as(f, fr->node->kind == FOLIO_NODE_PARA ||
				       fr->node->kind == FOLIO_NODE_SIMPARA ||
				       fr->node->kind == FOLIO_NODE_FORMALPARA, 0);
		break;
	}
	(void)c;
}

/* ENTER of an inline element.  Returns 0 to skip the children. */
static int enter_inline(flow *f, const folio_node *n, frame *fr)
{
	lay_ctx *c = f->c;
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
	switch (n->kind) {
	case FOLIO_NODE_EMPHASIS:
		if (n->role && (!strcmp(n->role, "bold") || !strcmp(n->role, "strong")))
			f->s.bold = 1;
		else
			f->s.italic = !f->s.italic;
		return 1;
	case FOLIO_NODE_QUOTE: {
		fr->kind = FR_QUOTEMARK;
		const folio_lang *l = folio_lang_get(f->s.lang);
		add_text(f, f->s.quote_depth % 2 ? l->quote2_open : l->quote_open);
		f->s.quote_depth++;
		return 1;
	}
	case FOLIO_NODE_SUBSCRIPT:
		f->s.rise -= f->s.size * 15 / 100;
		f->s.size = f->s.size * 70 / 100;
		return 1;
	case FOLIO_NODE_SUPERSCRIPT:
		f->s.rise += f->s.size * 35 / 100;
		f->s.size = f->s.size * 70 / 100;
		return 1;
	case FOLIO_NODE_LINK:
	case FOLIO_NODE_OLINK: {
		const char *href = folio_node_attr(n, "xlink:href");
		if (n->target) {
			f->s.link = n->target;
		} else if (href) {
			f->s.uri = href;
			if (n->first == NULL) {
				f->s.url = 1;
				f->s.nohyph = 1;
				add_text(f, href);
				return 0;
			}
		}
		return 1;
	}
	case FOLIO_NODE_XREF:
	case FOLIO_NODE_BIBLIOREF:
	case FOLIO_NODE_CITATION:
		if (n->target)
			f->s.link = n->target;
		if (n->first == NULL && n->target) {
			const folio_node *t = folio_node_title(n->target);
			add_text(f, t ? squeeze(c, folio_node_text(c->doc, t))
				      : (n->target->label ? n->target->label : "?"));
			return 0;
		}
		return 1;
	case FOLIO_NODE_FOOTNOTE: {
		if (f->no_marks)
			return 0; /* a title in the contents: no note call */
		if (f->nested) {
			/* a note inside a note: in parentheses, in place */
			add_text(f, " (");
			fr->kind = FR_TRADEMARK;
			return 1;
		}
		const char *label = note_label(f, n);
		superscript(f, label, n);
		para_mark(f->p, MARK_FOOTNOTE, n);
		build_note(f, n, label);
		return 0;
	}
	case FOLIO_NODE_FOOTNOTEREF:
		if (n->target && !f->no_marks)
			superscript(f, n->target->label ? n->target->label : "*",
				    n->target);
		return 0;
	case FOLIO_NODE_TRADEMARK:
		fr->kind = FR_TRADEMARK;
		return 1;
	case FOLIO_NODE_INDEXTERM:
		return 0;
	case FOLIO_NODE_ANCHOR:
		return 0;
	case FOLIO_NODE_GEN_LOCATORS: {
		const folio_node *prev = n->prev;
		while (prev && prev->kind == FOLIO_NODE_TEXT && prev->len == 0)
			prev = prev->prev;
		if (n->parent && n->parent->kind == FOLIO_NODE_GLOSSENTRY) {
			end_para(f);
			f->s.left += c->st->list_indent;
			fr->kind = FR_LOCATORS;
		} else if (prev) {
			add_text(f, ", ");
		}
		locators(f, n);
		return 0;
	}
	case FOLIO_NODE_ACRONYM:
		if (n->parent && n->parent->kind == FOLIO_NODE_GLOSSENTRY) {
			add_text(f, " (");
			fr->kind = FR_TRADEMARK;
		}
		return 1;
	case FOLIO_NODE_GLOSSTERM:
	case FOLIO_NODE_FIRSTTERM:
		if (n->parent && n->parent->kind == FOLIO_NODE_GLOSSENTRY) {
			f->s.bold = 1;
		} else if (n->target && !f->no_marks) {
			/* a use of a term: a link to its glossary entry */
			f->s.link = n->target;
			f->s.uri = NULL;
		}
		return 1;
	case FOLIO_NODE_INLINEMEDIAOBJECT: {
		const folio_node *to = find_kind(n, FOLIO_NODE_TEXTOBJECT);
		if (to)
			add_text(f, squeeze(c, folio_node_text(c->doc, to)));
		return 0;
	}
	case FOLIO_NODE_REMARK:
		return 0;
	default:
		return 1;
	}
}

static void exit_inline(flow *f, const folio_node *n, frame *fr)
{
	if (fr->kind == FR_QUOTEMARK) {
		const folio_lang *l = folio_lang_get(fr->saved.lang);
		f->s = fr->saved;
		add_text(f, fr->saved.quote_depth % 2 ? l->quote2_close : l->quote_close);
	} else if (fr->kind == FR_TRADEMARK) {
		f->s = fr->saved;
		if (n->kind == FOLIO_NODE_TRADEMARK)
			add_text(f, "\u2122");
		else
			add_text(f, ")");
	} else if (fr->kind == FR_LOCATORS) {
		end_para_as(f, 0, 0);
	}
}

static void walk(flow *f, const folio_node *top, int inline_only)
{
	folio_iter it;
	folio_iter_init(&it, top);
	size_t base = f->stack.n;
	while (folio_iter_next(&it) != FOLIO_DONE) {
		folio_node *n = it.node;
		if (it.event == FOLIO_ENTER) {
			if (n->kind == FOLIO_NODE_TEXT) {
				if (!(n->flags & FOLIO_FLAG_HIDDEN))
					on_text(f, n);
				continue;
			}
			frame fr = { 0 };
			fr.node = n;
			fr.saved = f->s;
			int descend = 1;
			if (n == top) {
				descend = 1;
			} else if (n->flags & FOLIO_FLAG_HIDDEN) {
				descend = 0;
			} else {
				if (n->lang)
					f->s.lang = n->lang;
				folio_class cls = folio_kind_class(n->kind);
				int anchor = !f->no_marks && needs_anchor(f, n);
				if (cls == FOLIO_CLASS_META) {
					if (anchor)
						para_mark(f->p, MARK_ANCHOR, n);
					descend = n->kind == FOLIO_NODE_TITLE &&
						  inline_only;
					if (n->kind == FOLIO_NODE_ABSTRACT ||
					    n->kind == FOLIO_NODE_LEGALNOTICE)
						descend = 0;
				} else if (is_division(n->kind)) {
					if (inline_only) {
						descend = 0;
					} else {
						int level = division_level(f, n);
						fr.kind = FR_SECTION;
						heading(f, n, level);
						add_toc(f, n, level + 1);
						f->s.level = level;
					}
				} else if (cls == FOLIO_CLASS_INLINE ||
					   n->kind == FOLIO_NODE_UNKNOWN ||
					   n->kind == FOLIO_NODE_GEN_LOCATORS ||
					   inline_only) {
					if (anchor)
						para_mark(f->p, MARK_ANCHOR, n);
					descend = inline_only &&
							  folio_kind_class(n->kind) != FOLIO_CLASS_INLINE &&
							  n->kind != FOLIO_NODE_UNKNOWN
						  ? 1
						  : enter_inline(f, n, &fr);
				} else {
					descend = enter_block(f, n, &fr);
					limit_indent(f, n);
					if (anchor && n->kind != FOLIO_NODE_FIGURE &&
					    n->kind != FOLIO_NODE_INFORMALFIGURE &&
					    n->kind != FOLIO_NODE_MEDIAOBJECT &&
					    n->kind != FOLIO_NODE_TABLE &&
					    n->kind != FOLIO_NODE_INFORMALTABLE &&
					    n->kind != FOLIO_NODE_BIBLIOMIXED &&
					    n->kind != FOLIO_NODE_BIBLIOENTRY)
						para_mark(f->p, MARK_ANCHOR, n);
					if (fr.kind == FR_NONE)
						fr.kind = FR_BLOCK;
				}
			}
			if (fr.kind == FR_NONE && folio_kind_class(n->kind) != FOLIO_CLASS_INLINE)
				fr.kind = FR_NONE;
			VEC_PUSH(f->stack, fr);
			if (!descend)
				folio_iter_skip(&it);
		} else {
			if (f->stack.n <= base)
				break;
			frame fr = f->stack.v[--f->stack.n];
			if (n == top) {
				/* the walk's own top: nothing to undo */
			} else if (fr.kind == FR_SECTION) {
				end_para(f);
				f->s = fr.saved;
			} else if (fr.kind >= FR_BLOCK && fr.kind != FR_QUOTEMARK &&
				   fr.kind != FR_TRADEMARK && fr.kind != FR_LOCATORS) {
				exit_block(f, n, &fr);
				if (fr.kind != FR_QUOTE && fr.kind != FR_ADMON &&
				    fr.kind != FR_LIST && fr.kind != FR_VERBATIM)
					f->s = fr.saved;
			} else {
				exit_inline(f, n, &fr);
				f->s = fr.saved;
			}
		}
	}
	f->stack.n = base;
}

void flow_caption(flow *f, const folio_node *owner, const char *word,
		  const folio_node *title)
{
	lay_ctx *c = f->c;
	end_para(f);
	state saved = f->s;
	f->s.size = c->st->size_small;
	f->s.leading = c->st->leading_small;
	f->s.nohyph = 1;
	f->s.align = ALIGN_RAGGED;
	f->s.hang = 0;
	if (word) {
		char buf[96];
		snprintf(buf, sizeof buf, "%s %s.\u2002", word,
			 owner->label ? owner->label : "");
		para_style ps = style_of(f);
		ps.face = c->text_face[FS_BOLD];
		para_text(f->p, &ps, buf, strlen(buf), NULL, 0);
	}
	if (title) {
		f->s.italic = 1;
		walk(f, title, 1);
	}
	end_para_as(f, 0, 1);
	f->s = saved;
}

lay_ctx *flow_ctx(flow *f)
{
	return f->c;
}

void flow_box_notes(flow *f, const folio_node **notes, unsigned n)
{
	if (n == 0 || f->out->n == 0)
		return;
	vl_elem *e = &f->out->v[f->out->n - 1];
	e->notes = arena_alloc(f->c->arena, n * sizeof(*e->notes));
	memcpy(e->notes, notes, n * sizeof(*e->notes));
	e->nnotes = n;
}

int flow_last_index(const flow *f)
{
	return (int)f->out->n - 1;
}

void flow_box_source(flow *f, const folio_node *src, size_t off)
{
	if (f->out->n == 0)
		return;
	f->out->v[f->out->n - 1].src = src;
	f->out->v[f->out->n - 1].src_off = off;
}

void flow_set_repeat(flow *f, int first, unsigned count)
{
	if (f->out->n == 0)
		return;
	vl_elem *e = &f->out->v[f->out->n - 1];
	e->repeat_first = first;
	e->repeat_count = count;
}
