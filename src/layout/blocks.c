/*
 * blocks: the ENTER and EXIT handlers of block elements in the flow:
 * paragraphs, lists and their labels, variable lists and Q&A, quotes
 * and epigraphs, admonitions and examples (ruled), verbatim text,
 * equations, and the entries of glossaries, bibliographies and the
 * index.  Figures and tables are in floats.c, headings in divisions.c.
 */
#include "layout/flow_walk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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


static void start_list_item(flow *f, frame *list, const folio_node *item)
{
	const lay_style *st = f->c->st;
	fl_end_para(f);
	if (list && list->counter > 0)
		flow_space(f, 2 * FX_PT, FX_PT);
	int counter = list ? ++list->counter : 1;
	char label[64] = "";
	if (list)
		list_label(list->node, item, counter, f->s.list_depth - 1, label,
			   sizeof label);
	fx indent = st->list_indent;
	para_style ps = fl_style(f);
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

/* The word in the admonition's own language, as the EPUB and the text
 * write it. */
static const char *admonition_word(const folio_node *n)
{
	const folio_lang *l = folio_lang_get(n->lang);
	switch (n->kind) {
	case FOLIO_NODE_NOTE: return l->note;
	case FOLIO_NODE_TIP: return l->tip;
	case FOLIO_NODE_IMPORTANT: return l->important;
	case FOLIO_NODE_WARNING: return l->warning;
	case FOLIO_NODE_CAUTION: return l->caution;
	case FOLIO_NODE_DANGER: return l->danger;
	default: return NULL;
	}
}

/* ENTER of a block element.  Returns 0 to skip the children. */

/* ---- paragraphs ---- */

/* A block with nothing of its own: the open paragraph ends before it. */
int fl_enter_block(flow *f, const folio_node *n, frame *fr)
{
	(void)n, (void)fr;
	fl_end_para(f);
	return 1;
}

int fl_enter_para(flow *f, const folio_node *n, frame *fr)
{
	(void)n, (void)fr;
	if (f->runin) {
		f->runin = 0;
		return 1;
	}
	fl_end_para(f);
	return 1;
}

/* The title in bold, run into the first paragraph. */
int fl_enter_formalpara(flow *f, const folio_node *n, frame *fr)
{
	(void)fr;
	fl_block_space(f, f->c->st->par_space);
	const folio_node *t = folio_node_title(n);
	if (t) {
		state saved = f->s;
		f->s.bold = 1;
		fl_walk(f, t, 1);
		f->s = saved;
		fl_add_text(f, ". ");
		f->runin = 1;
	}
	return 1;
}

void fl_exit_block(flow *f, const folio_node *n, frame *fr)
{
	(void)n;
	fl_end_para_as(f, 0, 0);
	f->s = fr->saved;
}

/* A body paragraph: the next one takes the first-line indent. */
void fl_exit_para(flow *f, const folio_node *n, frame *fr)
{
	(void)n;
	fl_end_para_as(f, 1, 0);
	f->s = fr->saved;
}

/* ---- lists ---- */

int fl_enter_list(flow *f, const folio_node *n, frame *fr)
{
	(void)fr;
	lay_ctx *c = f->c;
	fl_block_space(f, 4 * FX_PT);
	f->s.list_depth++;
	if (folio_node_title(n)) {
		flow_title(f, folio_node_title(n), c->text_face[FS_BOLD],
			   f->s.size, f->s.leading, ALIGN_RAGGED, NULL);
		flow_penalty(f, LB_INF);
		f->keep_next = 1;
	}
	return 1;
}

void fl_exit_list(flow *f, const folio_node *n, frame *fr)
{
	(void)n;
	fl_end_para(f);
	f->s = fr->saved;
	fl_block_space(f, 4 * FX_PT);
}

int fl_enter_listitem(flow *f, const folio_node *n, frame *fr)
{
	(void)fr;
	const lay_style *st = f->c->st;
	frame *list = nearest(f, FOLIO_NODE_ITEMIZEDLIST, FOLIO_NODE_ORDEREDLIST);
	frame *proc = nearest(f, FOLIO_NODE_PROCEDURE, FOLIO_NODE_SUBSTEPS);
	if (n->parent && n->parent->kind == FOLIO_NODE_VARLISTENTRY) {
		fl_end_para(f);
		f->s.left += st->list_indent;
		f->s.par_indent = 0;
		f->after_para = 0;
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

int fl_enter_varlistentry(flow *f, const folio_node *n, frame *fr)
{
	(void)n, (void)fr;
	fl_block_space(f, 3 * FX_PT);
	return 1;
}

/* A term in bold, kept with what follows it. */
int fl_enter_term(flow *f, const folio_node *n, frame *fr)
{
	(void)n, (void)fr;
	fl_end_para(f);
	f->s.bold = 1;
	return 1;
}

int fl_enter_question(flow *f, const folio_node *n, frame *fr)
{
	(void)n, (void)fr;
	fl_block_space(f, 3 * FX_PT);
	f->s.bold = 1;
	return 1;
}

void fl_exit_term(flow *f, const folio_node *n, frame *fr)
{
	(void)n;
	f->keep_para = 1;
	fl_end_para_as(f, 0, 0);
	f->s = fr->saved;
}

int fl_enter_answer(flow *f, const folio_node *n, frame *fr)
{
	(void)n, (void)fr;
	fl_end_para(f);
	f->s.left += f->c->st->list_indent / 2;
	return 1;
}

/* ---- quotes ---- */

int fl_enter_quote(flow *f, const folio_node *n, frame *fr)
{
	(void)fr;
	lay_ctx *c = f->c;
	const lay_style *st = c->st;
	fl_block_space(f, 6 * FX_PT);
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
}

/* Set at the quote's end (fl_exit_quote). */
int fl_enter_attribution(flow *f, const folio_node *n, frame *fr)
{
	(void)f, (void)n, (void)fr;
	return 0;
}

/* The attribution, right-aligned after a dash. */
void fl_exit_quote(flow *f, const folio_node *n, frame *fr)
{
	fl_end_para(f);
	const folio_node *attr = folio_node_child(n, FOLIO_NODE_ATTRIBUTION);
	if (attr && !f->nested) {
		f->s.align = ALIGN_RIGHT;
		f->s.italic = 0;
		fl_add_text(f, "\u2014\u2009");
		f->nested++;
		fl_walk(f, attr, 1);
		f->nested--;
		fl_end_para_as(f, 0, 0);
	}
	f->after_para = 0;
	f->s = fr->saved;
	fl_block_space(f, 6 * FX_PT);
}

/* ---- admonitions, sidebars and examples ---- */

/* A rule above, the title or the kind's word in bold, kept with the
 * content; a rule below (fl_exit_admonition). */
int fl_enter_admonition(flow *f, const folio_node *n, frame *fr)
{
	lay_ctx *c = f->c;
	fl_block_space(f, 8 * FX_PT);
	fr->counter = (int)f->out->n; /* an example floats from here */
	rule_box(f, f->measure - f->s.left - f->s.right);
	flow_penalty(f, LB_INF);
	flow_space(f, 4 * FX_PT, 0);
	f->keep_next = 1;
	const folio_node *t = folio_node_title(n);
	const char *word = admonition_word(n);
	if (n->kind == FOLIO_NODE_EXAMPLE) {
		char buf[96];
		snprintf(buf, sizeof buf, "%s %s. ", folio_lang_get(n->lang)->example,
			 n->label ? n->label : "");
		para_style ps = fl_style(f);
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
		fl_end_para_as(f, 0, 1);
	flow_penalty(f, LB_INF);
	f->keep_next = 1;
	f->s.par_indent = 0;
	f->s.par_space = 3 * FX_PT;
	f->after_para = 0;
	return 1;
}

void fl_exit_admonition(flow *f, const folio_node *n, frame *fr)
{
	fl_end_para(f);
	f->s = fr->saved;
	flow_space(f, 4 * FX_PT, 0);
	flow_penalty(f, LB_INF);
	rule_box(f, f->measure - f->s.left - f->s.right);
	if (n->kind == FOLIO_NODE_EXAMPLE)
		flow_mark_float(f, (size_t)fr->counter);
	fl_block_space(f, 8 * FX_PT);
}

/* ---- verbatim and equations ---- */

/* Lines as written, unhyphenated; program text in the code face. */
int fl_enter_verbatim(flow *f, const folio_node *n, frame *fr)
{
	(void)fr;
	const lay_style *st = f->c->st;
	fl_block_space(f, 5 * FX_PT);
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
}

void fl_exit_verbatim(flow *f, const folio_node *n, frame *fr)
{
	(void)n;
	fl_end_para_as(f, 0, 0);
	f->s = fr->saved;
	fl_block_space(f, 5 * FX_PT);
}

/* A heading outside the division structure, at the third level. */
int fl_enter_bridgehead(flow *f, const folio_node *n, frame *fr)
{
	(void)fr;
	fl_heading(f, n, 3);
	return 0;
}

/* An equation's lines are centred between margins this many ems in from
 * the measure's, so that its number, "(12.15)" at most, never meets
 * them. */
#define EQUATION_NUMBER_EMS 4

int fl_enter_equation(flow *f, const folio_node *n, frame *fr)
{
	fl_block_space(f, 4 * FX_PT);
	f->s.align = ALIGN_CENTER;
	if (n->kind == FOLIO_NODE_EQUATION) {
		fx room = EQUATION_NUMBER_EMS * f->s.size;
		f->s.left += room;
		f->s.right += room;
		fr->exit = fl_exit_equation;
	}
	return 1;
}

/* Adds "(2.1)" to box at the right margin (right, from the measure's
 * left) on its baseline. */
static void equation_number(flow *f, vl_elem *box, const char *label, fx right)
{
	char buf[64];
	snprintf(buf, sizeof buf, "(%s)", label);
	para_style ps = fl_style(f);
	ps.nohyph = 1;
	para_text(f->p, &ps, buf, strlen(buf), NULL, 0);
	para_shape sh = fl_shape(f, 0);
	sh.align = ALIGN_RAGGED;
	sh.hyphenate = 0;
	sh.width = f->measure;
	unsigned nl;
	lay_line *ln = para_set(f->p, &sh, &nl);
	if (nl == 0)
		return;
	fx shift = right - ln[0].width - box->x;
	unsigned n = box->nitems + ln[0].nitems;
	lay_item *v = arena_alloc(f->c->arena, n * sizeof(lay_item));
	if (box->nitems)
		memcpy(v, box->items, box->nitems * sizeof(lay_item));
	for (unsigned i = 0; i < ln[0].nitems; i++) {
		lay_item it = ln[0].items[i];
		it.x += shift;
		v[box->nitems + i] = it;
	}
	box->items = v;
	box->nitems = n;
	if (ln[0].h > box->h)
		box->h = ln[0].h;
	if (ln[0].d > box->d)
		box->d = ln[0].d;
}

/* A numbered equation: its lines kept together, its number at the right
 * margin on the last line, its title as a caption under it ("Persamaan
 * 2.1. Title"), where figures carry theirs. */
void fl_exit_equation(flow *f, const folio_node *n, frame *fr)
{
	size_t from = f->out->n;
	fl_end_para_as(f, 0, 1);
	size_t last = f->out->n;
	while (last > from && f->out->v[last - 1].kind != VL_BOX)
		last--;
	if (last > from && n->label)
		equation_number(f, &f->out->v[last - 1], n->label,
				f->measure - fr->saved.right);
	f->s = fr->saved;
	const folio_node *title = folio_node_title(n);
	if (title && last > from) {
		flow_penalty(f, LB_INF);
		f->keep_next = 1;
		flow_caption(f, n, folio_lang_get(n->lang)->equation, title);
	}
	fl_block_space(f, 4 * FX_PT);
}

/* ---- glossary, bibliography and index ---- */

/* A glossary's, bibliography's or index's division: its title in bold,
 * kept with the entries. */
int fl_enter_subdivision(flow *f, const folio_node *n, frame *fr)
{
	(void)fr;
	lay_ctx *c = f->c;
	const lay_style *st = c->st;
	fl_end_para(f);
	const folio_node *t = folio_node_title(n);
	if (t && n->kind == FOLIO_NODE_INDEXDIV) {
		/* the index's letters at the entries' size and on their
		 * leading: a column reads as one block, so text
		 * extraction keeps the columns' order */
		if (fl_last_kind(f) == VL_BOX)
			flow_space(f, st->leading_small, st->leading_small / 3);
		flow_title(f, t, c->head_face[FS_BOLD], st->size_small,
			   st->leading_small, ALIGN_RAGGED, n);
		flow_penalty(f, LB_INF);
		f->keep_next = 1;
	} else if (t) {
		if (fl_last_kind(f) == VL_BOX)
			flow_space(f, 10 * FX_PT, 3 * FX_PT);
		flow_title(f, t, c->head_face[FS_BOLD], st->h[2].size,
			   st->h[2].leading, ALIGN_RAGGED, n);
		flow_penalty(f, LB_INF);
		flow_space(f, 3 * FX_PT, 0);
		f->keep_next = 1;
	}
	return 1;
}

int fl_enter_glossentry(flow *f, const folio_node *n, frame *fr)
{
	(void)n, (void)fr;
	fl_block_space(f, 4 * FX_PT);
	f->s.par_indent = 0;
	f->s.align = ALIGN_JUSTIFY;
	return 1;
}

/* The definition indented, its term kept with it. */
int fl_enter_glossdef(flow *f, const folio_node *n, frame *fr)
{
	(void)n, (void)fr;
	f->keep_para = 1;
	fl_end_para(f);
	f->s.left += f->c->st->list_indent;
	f->s.par_space = 2 * FX_PT;
	return 1;
}

/* "Lihat juga" in italics on its own line, then the other entry. */
int fl_enter_glosssee(flow *f, const folio_node *n, frame *fr)
{
	(void)fr;
	lay_ctx *c = f->c;
	fl_end_para(f);
	f->s.left += c->st->list_indent;
	state saved = f->s;
	f->s.italic = 1;
	/* The reference starts its own line: "Lihat juga". */
	fl_add_text(f, folio_capitalize(c->doc, n->kind == FOLIO_NODE_GLOSSSEE
						? c->lang->see : c->lang->see_also));
	f->s = saved;
	fl_add_text(f, " ");
	const char *other = folio_node_attr(n, "otherterm");
	const folio_node *t = other ? folio_doc_find_id(c->doc, other) : NULL;
	if (n->first == NULL && t) {
		/* an authored reference: the other entry's term */
		const folio_node *term = folio_node_child(t, FOLIO_NODE_GLOSSTERM);
		f->s.link = t;
		fl_add_text(f, fl_squeeze(c, folio_node_text(c->doc, term ? term : t)));
		f->s.link = NULL;
	}
	return 1;
}

/* An entry with a hanging indent, its anchor on its first line. */
int fl_enter_bibentry(flow *f, const folio_node *n, frame *fr)
{
	(void)fr;
	lay_ctx *c = f->c;
	fl_end_para(f);
	if (fl_last_kind(f) == VL_BOX)
		flow_space(f, 3 * FX_PT, FX_PT);
	f->s.hang = c->st->list_indent;
	f->s.align = ALIGN_RAGGED;
	f->s.par_indent = 0;
	f->after_para = 0;
	if (n->id || fl_needs_anchor(f, n))
		para_mark(f->p, MARK_ANCHOR, n);
	if (n->kind == FOLIO_NODE_BIBLIOENTRY) {
		/* an authored entry: its fields as plain text */
		fl_add_text(f, fl_squeeze(c, folio_node_text(c->doc, n)));
		return 0;
	}
	return 1;
}

void fl_exit_bibentry(flow *f, const folio_node *n, frame *fr)
{
	(void)n;
	fl_end_para_as(f, 0, 0);
	f->s = fr->saved;
}

int fl_enter_indexentry(flow *f, const folio_node *n, frame *fr)
{
	(void)n;
	const lay_style *st = f->c->st;
	fl_end_para(f);
	fr->exit = fl_exit_indexentry;
	f->index_head = NULL;
	f->s.par_indent = 0;
	f->s.align = ALIGN_RAGGED;
	f->s.size = st->size_small;
	f->s.leading = st->leading_small;
	return 1;
}

void fl_exit_indexentry(flow *f, const folio_node *n, frame *fr)
{
	fl_exit_block(f, n, fr);
	f->index_head = NULL;
}

/* The entry's heading (its primaryie) and "(lanjutan)" as one box of
 * its lines, for the top of a column its sub-entries run on to. */
static const vl_elem *continued_head(flow *f, const folio_node *primary)
{
	para_shape sh = fl_shape(f, 0);
	sh.align = ALIGN_RAGGED;
	sh.hyphenate = 0;
	sh.hang = 20 * FX_PT; /* as fl_enter_indexlevel turns lines */
	unsigned char tag = f->s.tag;
	f->s.tag = LT_ARTIFACT; /* a repeat, not the entry */
	f->no_marks++;
	fl_walk(f, primary, 1);
	f->no_marks--;
	char buf[64];
	snprintf(buf, sizeof buf, " (%s)", f->c->lang->continued);
	para_style ps = fl_style(f);
	f->s.tag = tag;
	para_text(f->p, &ps, buf, strlen(buf), NULL, 0);
	unsigned nl;
	lay_line *ln = para_set(f->p, &sh, &nl);
	if (nl == 0)
		return NULL;
	unsigned ni = 0;
	for (unsigned k = 0; k < nl; k++)
		ni += ln[k].nitems;
	vl_elem *e = arena_alloc(f->c->arena, sizeof *e);
	memset(e, 0, sizeof *e);
	e->kind = VL_BOX;
	e->repeat_first = -1;
	e->items = arena_alloc(f->c->arena, (ni ? ni : 1) * sizeof(lay_item));
	e->x = f->s.left;
	e->h = ln[0].h;
	fx y = 0;
	for (unsigned k = 0; k < nl; k++) {
		if (k)
			y += sh.leading;
		for (unsigned m = 0; m < ln[k].nitems; m++) {
			lay_item it = ln[k].items[m];
			it.y += y;
			e->items[e->nitems++] = it;
		}
	}
	e->d = y + ln[nl - 1].d;
	return e;
}

/* primaryie, secondaryie, tertiaryie: a step in per level; the first
 * sub-entry stays with its heading. */
int fl_enter_indexlevel(flow *f, const folio_node *n, frame *fr)
{
	(void)fr;
	fl_end_para(f);
	if (n->kind == FOLIO_NODE_SECONDARYIE && f->index_head == NULL) {
		const folio_node *primary = n->parent
			? folio_node_child(n->parent, FOLIO_NODE_PRIMARYIE) : NULL;
		if (primary && fl_last_kind(f) == VL_BOX) {
			flow_penalty(f, LB_INF);
			f->keep_next = 1;
			f->index_head = continued_head(f, primary);
		}
	}
	f->s.left += n->kind == FOLIO_NODE_SECONDARYIE ? 10 * FX_PT
		   : n->kind == FOLIO_NODE_TERTIARYIE ? 20 * FX_PT : 0;
	/* runover lines two steps in, deeper than the next level's
	 * entries, so a turned line is never taken for a sub-entry */
	f->s.hang = 20 * FX_PT;
	return 1;
}
