/*
 * flow_walk.h: what the files of the flow share (inside src/layout/ only):
 * the walk's state and frames, the flow itself, the handler table by node
 * kind, and the small services every handler uses (paragraphs, text,
 * space between blocks).
 *
 * The flow is one walk of the tree (flow.c) that, for each element, calls
 * the ENTER handler of its kind (flow_handlers, handlers.c) and, when the
 * element ends, the EXIT handler its frame holds.  The handlers live by
 * concern: blocks.c (paragraphs, lists, quotes, admonitions, verbatim,
 * glossary, bibliography and index entries), inlines.c (text-level
 * markup), notes.c (footnotes), floats.c (figures and tables),
 * locators.c (the page lists of glossary and index entries) and
 * divisions.c (headings, top divisions, contents entries).
 */
#ifndef FOLIO_LAYOUT_FLOW_WALK_H
#define FOLIO_LAYOUT_FLOW_WALK_H

#include "layout/flow.h"
#include "layout/linebreak.h"

enum family { FAM_TEXT, FAM_HEAD, FAM_MONO };

/* What the walk changes and restores per element. */
typedef struct state {
	int family, italic, bold;
	int underline;           /* a marked glossary term (glossterm.face) */
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
	int rtl;                 /* blocks here are right to left */
	const folio_node *dir_node; /* innermost inline element setting a
				       direction (bidi.h), NULL outside one */
	const folio_node *block; /* the block-level node text belongs to
				    (the PDF's structure: lay_item.node) */
	unsigned char tag;       /* enum lay_item_tag of text set here */
} state;

typedef struct frame frame;

/* ENTER of an element: may change the state (the frame keeps the old
 * one) and choose another EXIT (fr->exit).  Returns 0 to skip the
 * children. */
typedef int (*flow_enter_fn)(flow *f, const folio_node *n, frame *fr);
/* EXIT of an element: finishes it and restores the state. */
typedef void (*flow_exit_fn)(flow *f, const folio_node *n, frame *fr);

struct frame {
	const folio_node *node;
	state saved;
	int counter;             /* lists: items so far */
	flow_exit_fn exit;       /* what EXIT must do; NULL: nothing */
};

/* How the layout treats a node kind: what the walk calls on ENTER, what
 * it calls on EXIT unless ENTER chose otherwise. */
typedef struct flow_handler {
	flow_enter_fn enter;
	flow_exit_fn exit;
	int own_anchor;          /* the handler places the element's anchor */
} flow_handler;

/* Indexed by folio_node_kind: every kind has an entry (handlers.c). */
extern const flow_handler flow_handlers[FOLIO_NODE_KIND_COUNT];

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
	int inline_only;         /* the walk sets only inline content (a
				    title, an attribution) */
	const vl_elem *index_head; /* the index heading whose sub-entries
				      are being set, "(lanjutan)" added */
};

/* ---- state (flow.c) ---- */

static inline int fl_face(const flow *f, const state *s)
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

/* The open state as a run's style. */
static inline para_style fl_style(const flow *f)
{
	para_style ps = { 0 };
	ps.face = fl_face(f, &f->s);
	ps.size = f->s.size;
	ps.rise = f->s.rise;
	ps.link = f->s.link;
	ps.uri = f->s.uri;
	ps.lang = f->s.lang;
	ps.verbatim = (unsigned char)f->s.verbatim;
	ps.url = (unsigned char)f->s.url;
	ps.nohyph = (unsigned char)f->s.nohyph;
	ps.dir_node = f->s.dir_node;
	ps.underline = (unsigned char)f->s.underline;
	ps.block = f->s.block;
	ps.tag = f->s.tag;
	return ps;
}

/* A block in direction d sets its lines right to left. */
static inline int fl_dir_rtl(folio_dir d)
{
	return d == FOLIO_DIR_RTL || d == FOLIO_DIR_RLO;
}

static inline int fl_needs_anchor(const flow *f, const folio_node *n)
{
	return ctx_needs_anchor(f->c, n);
}

static inline int fl_last_kind(const flow *f)
{
	return f->out->n ? f->out->v[f->out->n - 1].kind : -1;
}

/* The state at the start of a top division. */
void fl_base_state(flow *f);
/* Appends an element of kind to the vertical list. */
vl_elem *fl_push(flow *f, int kind);

/* ---- paragraphs (flow.c) ---- */

/* The shape the open state gives a paragraph with a first-line indent. */
para_shape fl_shape(const flow *f, fx indent);
/* Sets the open paragraph and appends its lines: a body paragraph takes
 * the first-line indent after another; keep_all keeps its lines on one
 * page. */
void fl_end_para_as(flow *f, int body, int keep_all);
void fl_end_para(flow *f);
/* Space between blocks, never at the top of a division. */
void fl_block_space(flow *f, fx space);
/* Text in the open state into the open paragraph. */
void fl_add_text(flow *f, const char *s);
/* Collapses runs of white space into one space (titles for heads). */
const char *fl_squeeze(lay_ctx *c, const char *s);
/* The first node of kind k at or below top, in document order. */
const folio_node *fl_find_kind(const folio_node *top, folio_node_kind k);

/* ---- the walk (flow.c) ---- */

/* Walks top's content; inline_only: only its inline content (titles). */
void fl_walk(flow *f, const folio_node *top, int inline_only);
/* The EXIT that only restores the state. */
void fl_exit_restore(flow *f, const folio_node *n, frame *fr);
/* An ENTER for what layout explicitly leaves out: the children are
 * skipped and nothing is set. */
int fl_ignore(flow *f, const folio_node *n, frame *fr);

/* ---- divisions (divisions.c) ---- */

/* Divisions that open a heading (not glossdiv, indexdiv, bibliodiv). */
int fl_is_division(folio_node_kind k);
/* A section heading at level 1..4 below its top division. */
void fl_heading(flow *f, const folio_node *div, int level);
int fl_enter_division(flow *f, const folio_node *n, frame *fr);
void fl_exit_section(flow *f, const folio_node *n, frame *fr);
int fl_enter_title(flow *f, const folio_node *n, frame *fr);

/* ---- blocks (blocks.c) ---- */

int fl_enter_block(flow *f, const folio_node *n, frame *fr);
int fl_enter_para(flow *f, const folio_node *n, frame *fr);
int fl_enter_formalpara(flow *f, const folio_node *n, frame *fr);
int fl_enter_list(flow *f, const folio_node *n, frame *fr);
int fl_enter_listitem(flow *f, const folio_node *n, frame *fr);
int fl_enter_member(flow *f, const folio_node *n, frame *fr);
int fl_enter_simplelist(flow *f, const folio_node *n, frame *fr);
int fl_enter_seglistitem(flow *f, const folio_node *n, frame *fr);
int fl_enter_seg(flow *f, const folio_node *n, frame *fr);
int fl_enter_segtitle(flow *f, const folio_node *n, frame *fr);
int fl_enter_varlistentry(flow *f, const folio_node *n, frame *fr);
int fl_enter_term(flow *f, const folio_node *n, frame *fr);
int fl_enter_question(flow *f, const folio_node *n, frame *fr);
int fl_enter_answer(flow *f, const folio_node *n, frame *fr);
int fl_enter_quote(flow *f, const folio_node *n, frame *fr);
int fl_enter_attribution(flow *f, const folio_node *n, frame *fr);
int fl_enter_admonition(flow *f, const folio_node *n, frame *fr);
int fl_enter_verbatim(flow *f, const folio_node *n, frame *fr);
int fl_enter_bridgehead(flow *f, const folio_node *n, frame *fr);
int fl_enter_equation(flow *f, const folio_node *n, frame *fr);
void fl_exit_indexentry(flow *f, const folio_node *n, frame *fr);
void fl_exit_equation(flow *f, const folio_node *n, frame *fr);
int fl_enter_subdivision(flow *f, const folio_node *n, frame *fr);
int fl_enter_glossentry(flow *f, const folio_node *n, frame *fr);
int fl_enter_glossdef(flow *f, const folio_node *n, frame *fr);
int fl_enter_glosssee(flow *f, const folio_node *n, frame *fr);
int fl_enter_bibentry(flow *f, const folio_node *n, frame *fr);
int fl_enter_indexentry(flow *f, const folio_node *n, frame *fr);
int fl_enter_indexlevel(flow *f, const folio_node *n, frame *fr);
void fl_exit_block(flow *f, const folio_node *n, frame *fr);
void fl_exit_para(flow *f, const folio_node *n, frame *fr);
void fl_exit_list(flow *f, const folio_node *n, frame *fr);
void fl_exit_term(flow *f, const folio_node *n, frame *fr);
void fl_exit_quote(flow *f, const folio_node *n, frame *fr);
void fl_exit_admonition(flow *f, const folio_node *n, frame *fr);
void fl_exit_verbatim(flow *f, const folio_node *n, frame *fr);
void fl_exit_bibentry(flow *f, const folio_node *n, frame *fr);

/* ---- floats (floats.c) ---- */

int fl_enter_figure(flow *f, const folio_node *n, frame *fr);
int fl_enter_table(flow *f, const folio_node *n, frame *fr);

/* ---- inlines (inlines.c) ---- */

/* What every inline element changes before its own handler: language,
 * the code face, italics. */
void fl_inline_face(flow *f, const folio_node *n);
int fl_enter_inline(flow *f, const folio_node *n, frame *fr);
int fl_enter_emphasis(flow *f, const folio_node *n, frame *fr);
int fl_enter_quotemarks(flow *f, const folio_node *n, frame *fr);
int fl_enter_subscript(flow *f, const folio_node *n, frame *fr);
int fl_enter_superscript(flow *f, const folio_node *n, frame *fr);
int fl_enter_link(flow *f, const folio_node *n, frame *fr);
int fl_enter_xref(flow *f, const folio_node *n, frame *fr);
void fl_exit_xref(flow *f, const folio_node *n, frame *fr);
/* After an xref's text, its target's page when the style or its
 * xrefstyle asks for it (pageref.c). */
void fl_xref_page(flow *f, const folio_node *n);
int fl_enter_trademark(flow *f, const folio_node *n, frame *fr);
int fl_enter_anchor(flow *f, const folio_node *n, frame *fr);
int fl_enter_acronym(flow *f, const folio_node *n, frame *fr);
int fl_enter_glossterm(flow *f, const folio_node *n, frame *fr);
int fl_enter_inlinemediaobject(flow *f, const folio_node *n, frame *fr);
/* A closing mark: ")" after a parenthesis, "™" after a trademark. */
void fl_exit_paren(flow *f, const folio_node *n, frame *fr);

/* ---- math (mathflow.c) ---- */

/* A math element (or a MathML element outside one), set whole. */
int fl_enter_math(flow *f, const folio_node *n, frame *fr);

/* ---- footnotes (notes.c) ---- */

int fl_enter_footnote(flow *f, const folio_node *n, frame *fr);
int fl_enter_footnoteref(flow *f, const folio_node *n, frame *fr);

/* ---- locators (locators.c) ---- */

int fl_enter_locators(flow *f, const folio_node *n, frame *fr);
/* pis.c: processing instructions for the page (hard-pagebreak,
 * dbfo-need) and dbfo keep-together on a table or figure */
int fl_enter_pi(flow *f, const folio_node *n, frame *fr);
/* The keep-together an element asks for with <?dbfo keep-together=
 * "always"?> among its children: after flowing it from element from,
 * the page builder must not split it (a VL_NEED of its height). */
void fl_keep_together(flow *f, const folio_node *n, size_t from);

#endif
