/*
 * flow: the tree as a vertical list (see flow.h): the walk, the state it
 * keeps, the vertical list it appends to and the paragraphs it sets.
 *
 * One iterative walk (folio_iter, never recursion over the tree) with a
 * stack of frames: each element's ENTER may change the current state
 * (indents, face, size, alignment, link) and saves the old one in its
 * frame; its EXIT finishes the element and restores the state.  What an
 * element's ENTER and EXIT do is the handler of its kind (flow_handlers
 * in handlers.c; the handlers by concern in blocks.c, inlines.c,
 * notes.c, floats.c, locators.c and divisions.c).  Inline content goes
 * into the open paragraph; a block element first sets the paragraph
 * that is open.  Titles, attributions and footnotes are walked
 * separately (a bounded nesting: a footnote inside a footnote is set
 * inline), so their content keeps its inline markup.
 */
#include "layout/flow_walk.h"
#include "util/strbuf.h"

#include <string.h>

/* ---- state ---- */

void fl_base_state(flow *f)
{
	const lay_style *st = f->c->st;
	memset(&f->s, 0, sizeof f->s);
	f->s.family = FAM_TEXT;
	f->s.size = st->size_text;
	f->s.leading = st->leading;
	f->s.lang = f->c->doc->lang;
	f->s.rtl = folio_lang_rtl(f->s.lang);
	f->s.align = st->align;
	f->s.par_indent = st->par_indent;
	f->s.par_space = st->par_space;
	f->s.in_toc = 1;
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
	fl_base_state(f);
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
	f->s.rtl = parent->s.rtl;
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

/* ---- the vertical list ---- */

vl_elem *fl_push(flow *f, int kind)
{
	vl_elem e;
	memset(&e, 0, sizeof e);
	e.kind = (unsigned char)kind;
	e.repeat_first = -1;
	VEC_PUSH(*f->out, e);
	return &f->out->v[f->out->n - 1];
}

void flow_penalty(flow *f, int penalty)
{
	fl_push(f, VL_PENALTY)->penalty = penalty;
}

void flow_space(flow *f, fx space, fx stretch)
{
	if (f->keep_next && fl_last_kind(f) == VL_BOX)
		flow_penalty(f, LB_INF);
	vl_elem *e = fl_push(f, VL_GLUE);
	e->glue = space;
	e->stretch = stretch;
}

void flow_tag(flow *f, const folio_node *block, int tag)
{
	f->s.block = block;
	f->s.tag = (unsigned char)tag;
}

void flow_page_break(flow *f, int recto, int numbering, int opening)
{
	vl_elem *e = fl_push(f, VL_BREAK);
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
	vl_elem *e = fl_push(f, VL_BOX);
	e->items = items;
	e->nitems = n;
	e->h = h;
	e->d = d;
	e->x = x;
	f->keep_next = 0;
}

void flow_mark_float(flow *f, size_t from)
{
	if (f != f->root || f->nested)
		return; /* a table cell or a note: no page to float on */
	size_t first = (size_t)-1, last = 0;
	for (size_t i = from; i < f->out->n; i++) {
		int kind = f->out->v[i].kind;
		if (kind == VL_BREAK || kind == VL_HEADS)
			return; /* never across a division */
		if (kind != VL_BOX)
			continue;
		if (first == (size_t)-1)
			first = i;
		last = i;
	}
	if (first != (size_t)-1)
		f->out->v[first].float_len = (unsigned)(last + 1 - first);
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

int flow_keep_lines(unsigned n, unsigned i, int verbatim)
{
	if (verbatim) /* a listing: whole up to 8 lines, 3 each side */
		return n <= LISTING_KEEP_WHOLE || i < LISTING_KEEP_SIDE ||
		       i > n - LISTING_KEEP_SIDE;
	return i == 1 || i == n - 1; /* orphan (club) and widow lines */
}

void flow_lines(flow *f, lay_line *lines, unsigned n, fx x, int keep_all)
{
	for (unsigned i = 0; i < n; i++) {
		lay_line *ln = &lines[i];
		if (i == 0)
			attach_label(f, ln, x);
		if (i > 0) {
			int pen = 0;
			if (keep_all || flow_keep_lines(n, i, f->s.verbatim))
				pen = LB_INF;
			else if (lines[i - 1].hyphenated)
				pen = LB_INF; /* no word split across pages */
			flow_penalty(f, pen);
		}
		lay_item *items = ln->items;
		unsigned ni = ln->nitems;
		attach_anchors(f, &items, &ni, -ln->h);
		vl_elem *e = fl_push(f, VL_BOX);
		e->items = items;
		e->nitems = ni;
		e->h = ln->h;
		e->d = ln->d;
		e->x = x;
		e->src = ln->src;
		e->src_off = ln->src_off;
		e->continued = f->index_head;
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

para_shape fl_shape(const flow *f, fx indent)
{
	para_shape sh = { 0 };
	sh.width = f->measure - f->s.left - f->s.right;
	sh.indent = indent;
	sh.hang = f->s.hang;
	sh.leading = f->s.leading;
	sh.align = f->s.align;
	sh.hyphenate = !f->s.nohyph;
	sh.rtl = f->s.rtl;
	if (f->s.verbatim && f->s.family == FAM_MONO)
		sh.wrap_indent = 2 * f->s.size; /* about three characters */
	return sh;
}

/* Sets the open paragraph and appends its lines. */
void fl_end_para_as(flow *f, int body, int keep_all)
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
	para_shape sh = fl_shape(f, indent);
	unsigned n;
	lay_line *lines = para_set(f->p, &sh, &n);
	if (n == 0)
		return;
	if (!f->keep_next && fl_last_kind(f) == VL_BOX && f->s.par_space == 0)
		flow_penalty(f, 0);
	if (f->s.par_space > 0 && fl_last_kind(f) == VL_BOX)
		flow_space(f, f->s.par_space, f->s.par_space / 4);
	flow_lines(f, lines, n, f->s.left, keep_all);
	if (f->keep_para) {
		flow_penalty(f, LB_INF);
		f->keep_next = 1;
		f->keep_para = 0;
	}
	f->after_para = body;
}

void fl_end_para(flow *f)
{
	fl_end_para_as(f, 1, 0);
}

/* Space between blocks, never at the top of a division. */
void fl_block_space(flow *f, fx space)
{
	fl_end_para(f);
	f->after_para = 0;
	if (fl_last_kind(f) != VL_BOX || space <= 0)
		return;
	flow_space(f, space, space / 3);
}

void fl_add_text(flow *f, const char *s)
{
	para_style ps = fl_style(f);
	para_text(f->p, &ps, s, strlen(s), NULL, 0);
}

/* ---- headings and titles ---- */

void flow_title(flow *f, const folio_node *title, int face, fx size,
		fx leading, int align, const folio_node *anchor)
{
	fl_end_para(f);
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
		fl_walk(f, title, 1);
	fl_end_para_as(f, 0, 1);
	f->s = saved;
}

lay_line *flow_title_lines(flow *f, const folio_node *title, int bold,
			   fx size, const folio_node *link, const para_shape *sh,
			   unsigned *n)
{
	fl_end_para(f);
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
	f->s.block = link;
	f->s.tag = LT_TOCI;
	f->no_marks++;
	fl_walk(f, title, 1);
	f->no_marks--;
	lay_line *lines = para_set(f->p, sh, n);
	f->s = saved;
	return lines;
}

void flow_plain(flow *f, const char *text, int face, fx size, fx leading,
		int align)
{
	fl_end_para(f);
	para_style ps = fl_style(f);
	ps.face = face;
	ps.size = size;
	ps.nohyph = 1;
	para_text(f->p, &ps, text, strlen(text), NULL, 0);
	state saved = f->s;
	f->s.leading = leading;
	f->s.align = align;
	f->s.hang = 0;
	fl_end_para_as(f, 0, 1);
	f->s = saved;
}

const char *fl_squeeze(lay_ctx *c, const char *s)
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

const folio_node *fl_find_kind(const folio_node *top, folio_node_kind k)
{
	for (const folio_node *n = top; n; n = folio_next(top, n, 0))
		if (n->kind == k)
			return n;
	return NULL;
}

void flow_blocks(flow *f, const folio_node *node)
{
	fl_walk(f, node, 0);
	fl_end_para(f);
}

static int is_blank(const char *t, size_t len)
{
	for (size_t k = 0; k < len; k++)
		if (t[k] != ' ' && t[k] != '\n' && t[k] != '\t' && t[k] != '\r')
			return 0;
	return 1;
}

static void on_text(flow *f, const folio_node *n)
{
	const char *t = n->text;
	size_t len = n->len;
	/* the spaces between a menu path's or a key combination's parts:
	 * their joiner stands there instead */
	if (folio_joiner(n->parent) && is_blank(t, len))
		return;
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
	para_style ps = fl_style(f);
	/* a copy (a title in the contents) is not where its text is: the
	 * page map must not see it */
	para_text(f->p, &ps, t, len, f->no_marks ? NULL : n,
		  f->no_marks ? 0 : (size_t)(t - n->text));
}


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

/* The direction n sets (folio_node_own_dir): a block's is its
 * paragraphs' base direction; an inline element's is isolated inside
 * the paragraph (bidi.h). */
static void fl_direction(flow *f, const folio_node *n, folio_class cls)
{
	folio_dir d = folio_node_own_dir(n);
	if (d == FOLIO_DIR_NONE)
		return;
	if (cls == FOLIO_CLASS_INLINE)
		f->s.dir_node = n;
	else if (!f->inline_only)
		f->s.rtl = fl_dir_rtl(d);
}

/* ENTER of n, an element below the walk's top: the route its class
 * takes, then the handler of its kind.  Returns 0 to skip the
 * children. */
static int enter_node(flow *f, const folio_node *n, frame *fr)
{
	if (n->flags & FOLIO_FLAG_HIDDEN)
		return 0;
	if (n->lang)
		f->s.lang = n->lang;
	const flow_handler *h = &flow_handlers[n->kind];
	folio_class cls = folio_kind_class(n->kind);
	fl_direction(f, n, cls);
	int anchor = !f->no_marks && fl_needs_anchor(f, n);
	int descend;
	if (cls == FOLIO_CLASS_META) {
		if (anchor)
			para_mark(f->p, MARK_ANCHOR, n);
		fr->exit = h->exit;
		return h->enter(f, n, fr);
	}
	if (fl_is_division(n->kind)) {
		fr->exit = h->exit;
		f->s.block = n;
		return h->enter(f, n, fr);
	}
	if (cls == FOLIO_CLASS_INLINE || n->kind == FOLIO_NODE_UNKNOWN ||
	    n->kind == FOLIO_NODE_GEN_LOCATORS || f->inline_only) {
		if (anchor)
			para_mark(f->p, MARK_ANCHOR, n);
		/* a block inside a title: only its inline content */
		if (f->inline_only && cls != FOLIO_CLASS_INLINE &&
		    n->kind != FOLIO_NODE_UNKNOWN)
			return 1;
		const char *joiner = folio_joiner_before(n);
		if (joiner)
			fl_add_text(f, joiner);
		fl_inline_face(f, n);
		fr->exit = h->exit;
		return h->enter(f, n, fr);
	}
	fr->exit = h->exit;
	f->s.block = n;
	descend = h->enter(f, n, fr);
	limit_indent(f, n);
	if (anchor && !h->own_anchor)
		para_mark(f->p, MARK_ANCHOR, n);
	return descend;
}

void fl_walk(flow *f, const folio_node *top, int inline_only)
{
	folio_iter it;
	folio_iter_init(&it, top);
	size_t base = f->stack.n;
	int outer_inline_only = f->inline_only;
	const folio_node *outer_block = f->s.block;
	f->inline_only = inline_only;
	/* the walk's top owns its text (a title, a note, a cell), unless
	 * this is a copy (a contents entry, a repeated head) */
	if (!f->no_marks && f->s.tag == LT_CONTENT)
		f->s.block = top;
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
			/* the walk's own top: nothing to set, nothing to undo */
			fr.exit = n == top ? NULL : fl_exit_restore;
			int descend = n == top ? 1 : enter_node(f, n, &fr);
			VEC_PUSH(f->stack, fr);
			if (!descend)
				folio_iter_skip(&it);
		} else {
			if (f->stack.n <= base)
				break;
			frame fr = f->stack.v[--f->stack.n];
			if (fr.exit)
				fr.exit(f, n, &fr);
			f->s.block = fr.saved.block;
		}
	}
	f->stack.n = base;
	f->inline_only = outer_inline_only;
	f->s.block = outer_block;
}

void fl_exit_restore(flow *f, const folio_node *n, frame *fr)
{
	(void)n;
	f->s = fr->saved;
}

int fl_ignore(flow *f, const folio_node *n, frame *fr)
{
	(void)f, (void)n, (void)fr;
	return 0;
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
