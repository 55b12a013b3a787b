/*
 * divisions: the document's structure in the flow: a top division's
 * page opening (running heads, title block, authors, abstract, the rule
 * under them), section headings by level, the contents entries the flow
 * collects, and the index set in columns.
 */
#include "layout/columns.h"
#include "layout/flow_walk.h"
#include "util/strbuf.h"

#include <stdio.h>
#include <string.h>

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
void fl_heading(flow *f, const folio_node *div, int level)
{
	const lay_style *st = f->c->st;
	if (level < 1)
		level = 1;
	if (level > STYLE_LEVELS)
		level = STYLE_LEVELS;
	const style_heading *h = &st->h[level - 1];
	fl_end_para(f);
	if (fl_last_kind(f) == VL_BOX) {
		flow_penalty(f, -50); /* a good place for a page break */
		flow_space(f, h->space_before, h->space_before / 3);
	}
	f->after_para = 0;
	const folio_node *title = folio_node_title(div);
	int face = f->c->head_face[(h->bold ? FS_BOLD : 0) + (h->italic ? FS_ITALIC : 0)];
	state saved = f->s;
	f->s.left = saved.left;
	if (st->numbered_headings && div->label && (div->flags & FOLIO_FLAG_NUMBERED)) {
		para_style ps = fl_style(f);
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
	fl_walk(sub, div, 0);
	fl_end_para(sub);
	flow_free(sub);
	fx goal = st->page_height - st->margin_top - st->margin_bottom;
	columns_set(f, &list, ncols, width, gap, goal - page_used(f), goal);
	VEC_FREE(list);
}

/* Who wrote a top division, under its title: the authors' names joined
 * in the reader's language, then their affiliations, a line each. */
static void opening_authors(flow *f, const folio_node *div)
{
	lay_ctx *c = f->c;
	const lay_style *st = c->st;
	const folio_lang *l = folio_lang_get(div->lang ? div->lang : c->doc->lang);
	int editors = 0;
	const char *authors = folio_authors_text(c->doc, div, 0, l->and_word);
	if (authors == NULL) {
		/* an article made by its editors names them */
		editors = 1;
		authors = folio_authors_text(c->doc, div, 1, l->and_word);
	}
	if (authors == NULL)
		return;
	flow_space(f, 8 * FX_PT, 0);
	flow_plain(f, authors, c->text_face[FS_ITALIC], st->size_text, st->leading,
		   ALIGN_RAGGED);
	const char *affs[8];
	unsigned n = folio_authors_affiliations(c->doc, div, editors, affs, 8);
	for (unsigned i = 0; i < n; i++) {
		flow_penalty(f, LB_INF);
		flow_plain(f, affs[i], c->text_face[FS_REGULAR], st->size_small,
			   st->leading_small, ALIGN_RAGGED);
	}
}

void flow_top_division(flow *f, const folio_node *div, int numbering)
{
	const lay_style *st = f->c->st;
	lay_ctx *c = f->c;
	fl_end_para(f);
	flow_page_break(f, st->two_sided && st->recto_openings, numbering, 1);
	/* running heads: the book's title on the left, this one's on the right */
	const folio_node *t = folio_node_title(div);
	const folio_node *ab = folio_node_info_child(div, FOLIO_NODE_TITLEABBREV);
	const char *recto = ab ? folio_node_text(c->doc, ab)
			       : t ? folio_node_text(c->doc, t) : division_word(c, div);
	const folio_node *bt = folio_node_title(c->doc->root);
	vl_elem *h = fl_push(f, VL_HEADS);
	h->head_verso = bt ? fl_squeeze(c, folio_node_text(c->doc, bt)) : NULL;
	h->head_recto = recto ? fl_squeeze(c, recto) : NULL;

	fl_base_state(f);
	f->s.block = div;
	f->s.lang = div->lang ? div->lang : c->doc->lang;
	f->s.rtl = fl_dir_rtl(folio_node_dir(div));
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
	if (st->article_authors == SWITCH_ON)
		opening_authors(f, div);
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
		fl_walk(f, div, 0);
	fl_end_para(f);
}


int fl_is_division(folio_node_kind k)
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
		if (fl_is_division(p->kind))
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
		if (!skip && fl_is_division(n->kind))
			add_toc(f, n, division_level(f, n) + 1);
		n = folio_next(div, n, skip);
	}
	f->top = saved;
}


/* ENTER of a division below the top one: its heading and contents
 * entry; inside a title (inline_only) it is left out. */
int fl_enter_division(flow *f, const folio_node *n, frame *fr)
{
	if (f->inline_only) {
		fr->exit = fl_exit_restore;
		return 0;
	}
	int level = division_level(f, n);
	fl_heading(f, n, level);
	add_toc(f, n, level + 1);
	f->s.level = level;
	return 1;
}

void fl_exit_section(flow *f, const folio_node *n, frame *fr)
{
	(void)n;
	fl_end_para(f);
	f->s = fr->saved;
}

/* A title is set by its owner (a heading, a caption); a walk of inline
 * content only (the title itself) goes into it. */
int fl_enter_title(flow *f, const folio_node *n, frame *fr)
{
	(void)n, (void)fr;
	return f->inline_only;
}
