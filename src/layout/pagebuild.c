/*
 * pagebuild: the greedy page builder (see pagebuild.h).
 */
#include "layout/pagebuild.h"
#include "layout/linebreak.h"

#include <stdlib.h>
#include <string.h>

#define NOTE_SKIP (8 * FX_PT)   /* above the footnote rule */
#define NOTE_GAP (2 * FX_PT)    /* between two notes */
#define PAGE_SPARE 8            /* items room for the head and folio */

typedef struct note_part {
	const folio_node *note;
	size_t caller;        /* element index of the calling line */
	unsigned from, to;    /* elements of the note's list */
	fx height;
} note_part;

typedef VEC(note_part) part_vec;

/* A float's elements [from, to) and its height as a page sets it; box
 * is its first box (a page that leaves it out skips from the glue before
 * it, which goes with it). */
typedef struct float_range {
	size_t from, to;
	fx height;
	size_t box;
} float_range;

typedef VEC(float_range) range_vec;

/* What a page holds beside its run of the list: the floats set at its
 * top (moved from the page before) and those its run leaves out (moved
 * on to the next page). */
typedef struct page_floats {
	range_vec top, skip;
	fx top_height;        /* the top floats with the space under them */
} page_floats;

#define FLOAT_SKIP (12 * FX_PT) /* under the floats at a page's top */

typedef struct builder {
	lay_ctx *c;
	const vl_list *list;
	flow *f;
	pb_pages *out;
	fx goal;
	/* the next page */
	int pending_numbering;
	int pending_opening;
	const char *head_verso, *head_recto;
	part_vec carry;       /* note parts continued from the last page */
	range_vec waiting;    /* floats moved on, for the next page's top */
} builder;

fx pb_left_margin(const lay_style *st, unsigned page_index)
{
	if (!st->two_sided || page_index % 2 == 0)
		return st->margin_inner;
	return st->margin_outer;
}

/* Height of note elements [from, to): boxes and the glue between them. */
static fx note_height(const vl_list *l, unsigned from, unsigned to)
{
	fx h = 0;
	for (unsigned i = from; i < to; i++) {
		const vl_elem *e = &l->v[i];
		if (e->kind == VL_BOX || (e->kind == VL_GLUE && i > from))
			h += vl_elem_height(e);
	}
	return h;
}

/* How many elements of a note fit in space, ending after a box and not
 * at a forbidden place (a widow/orphan inside the note is allowed to
 * break when the note must split). */
static unsigned note_fit(const vl_list *l, unsigned from, fx space)
{
	fx h = 0;
	unsigned best = from;
	for (unsigned i = from; i < l->n; i++) {
		const vl_elem *e = &l->v[i];
		if (e->kind == VL_BOX) {
			h += vl_elem_height(e);
			if (h > space)
				break;
			best = i + 1;
		} else if (e->kind == VL_GLUE && i > from) {
			h += e->glue;
		}
	}
	return best;
}

typedef VEC(lay_item) item_vec;

/* repeat: a table's header rows set again on a new page, which the
 * PDF's structure takes for furniture (the rows were read once). */
static void add_items(pb_page *pg, item_vec *items, const vl_elem *e,
		      fx x0, fx baseline, int repeat)
{
	for (unsigned k = 0; k < e->nitems; k++) {
		lay_item it = e->items[k];
		it.x += x0 + e->x;
		it.y += baseline;
		if (repeat && it.kind == LI_TEXT)
			it.tag = LT_ARTIFACT;
		VEC_PUSH(*items, it);
	}
	if (e->src && pg->page.start_node == NULL) {
		pg->page.start_node = e->src;
		pg->page.start_offset = e->src_off;
	}
}

static void new_blank(builder *b)
{
	pb_page pg;
	memset(&pg, 0, sizeof pg);
	pg.page.blank = 1;
	pg.head_verso = b->head_verso;
	pg.head_recto = b->head_recto;
	VEC_PUSH(*b->out, pg);
}

/* Extra space, over the page's natural height, given to its glue and to
 * the gaps between its boxes, so that the last baseline sits on the text
 * block's last line (vertical justification: facing pages end on the
 * same baseline).  Glue takes up to five times its stretch first, then
 * each gap between two boxes (lines, rows) up to an eighth of the
 * leading.  What is still missing then stays at the foot: a page of a few
 * tall boxes (a table of long cells, figures) keeps a short foot rather
 * than gaping holes between them. */
typedef struct vjust {
	fx short_by;          /* the space to hand out */
	int64_t stretch;      /* the page's glue stretch */
	unsigned gaps;        /* boxes after the first */
	fx to_glue;           /* for the glue, in proportion to stretch */
	fx per_gap;           /* for each gap */
	unsigned plus_one;    /* the first this many gaps get 1 more */
	int64_t seen_stretch; /* running sums, for exact rounding */
	fx given_glue;
} vjust;

#define VJ_GLUE_MAX 5     /* glue stretches to this many times its stretch */
#define VJ_GAP_DIV 8      /* a gap grows by at most leading / this */

void pb_vjust_split(fx short_by, int64_t stretch, unsigned gaps, fx leading,
		    fx *to_glue, fx *per_gap, unsigned *plus_one)
{
	*to_glue = 0;
	*per_gap = 0;
	*plus_one = 0;
	if (short_by <= 0)
		return;
	int64_t g = stretch * VJ_GLUE_MAX;
	*to_glue = g < short_by ? (fx)g : short_by;
	fx rest = short_by - *to_glue;
	if (rest > 0 && gaps > 0) {
		fx each = rest / (fx)gaps;
		if (each < leading / VJ_GAP_DIV) {
			*per_gap = each;
			*plus_one = (unsigned)(rest - each * (fx)gaps);
		} else {
			*per_gap = leading / VJ_GAP_DIV;
		}
	}
}

static void vjust_plan(vjust *v, fx short_by, fx leading)
{
	v->short_by = short_by > 0 ? short_by : 0;
	pb_vjust_split(v->short_by, v->stretch, v->gaps, leading, &v->to_glue,
		       &v->per_gap, &v->plus_one);
}

/* The extra space of one glue element (rounded so that the page's sum is
 * exact). */
static fx vjust_glue(vjust *v, fx stretch)
{
	if (v->stretch <= 0 || stretch <= 0)
		return 0;
	v->seen_stretch += stretch;
	fx upto = (fx)(v->to_glue * v->seen_stretch / v->stretch);
	fx extra = upto - v->given_glue;
	v->given_glue = upto;
	return extra;
}

typedef VEC(size_t) index_vec;
#define AT_FLOAT_SKIP ((size_t)-1) /* in a page's order: FLOAT_SKIP */
/* or'ed into an index of a page's order: a repeated table header row */
#define AT_REPEAT ((size_t)1 << (sizeof(size_t) * 8 - 2))

/* The elements a page sets, in order: the floats at its top and the
 * space under them, repeated table header rows, then its run [from, to)
 * less the floats it moves on. */
static void page_order(size_t from, size_t to, const page_floats *pf,
		       int repeat_first, unsigned repeat_count, index_vec *order)
{
	for (size_t k = 0; k < pf->top.n; k++)
		for (size_t i = pf->top.v[k].from; i < pf->top.v[k].to; i++)
			VEC_PUSH(*order, i);
	if (pf->top.n)
		VEC_PUSH(*order, AT_FLOAT_SKIP);
	for (unsigned r = 0; r < repeat_count; r++)
		VEC_PUSH(*order, ((size_t)repeat_first + r) | AT_REPEAT);
	size_t k = 0;
	for (size_t i = from; i < to; i++) {
		while (k < pf->skip.n && pf->skip.v[k].to <= i)
			k++;
		if (k < pf->skip.n && i >= pf->skip.v[k].from) {
			i = pf->skip.v[k].to - 1;
			continue;
		}
		VEC_PUSH(*order, i);
	}
}

/* The footnote parts at the foot of the text block, under a rule. */
static void ship_notes(builder *b, const part_vec *parts, fx x0,
		       pb_page *pg, item_vec *items)
{
	const lay_style *st = b->c->st;
	fx total = 0;
	for (size_t k = 0; k < parts->n; k++)
		total += parts->v[k].height + (k ? NOTE_GAP : 0);
	fx ny = st->page_height - st->margin_bottom - total;
	lay_item rule = { 0 };
	rule.kind = LI_RULE;
	rule.x = x0;
	rule.y = ny - NOTE_SKIP / 2;
	rule.w = st->footnote_rule;
	rule.h = 400;
	VEC_PUSH(*items, rule);
	for (size_t k = 0; k < parts->n; k++) {
		const note_part *np = &parts->v[k];
		const vl_list *l = flow_footnote(b->f, np->note);
		if (k)
			ny += NOTE_GAP;
		for (unsigned i = np->from; l && i < np->to; i++) {
			const vl_elem *e = &l->v[i];
			if (e->kind == VL_GLUE && i > np->from)
				ny += e->glue;
			if (e->kind != VL_BOX)
				continue;
			ny += e->h;
			add_items(pg, items, e, x0, ny, 0);
			ny += e->d;
		}
	}
}

/* Writes a page of the elements in order with the given note parts;
 * flush: the page ends a division (or the list, or at a forced break)
 * and keeps its natural height. */
static void ship(builder *b, const index_vec *order, const part_vec *parts,
		 int flush)
{
	const lay_style *st = b->c->st;
	pb_page pg;
	memset(&pg, 0, sizeof pg);
	pg.numbering = b->pending_numbering;
	pg.page.opening = b->pending_opening;
	b->pending_numbering = 0;
	b->pending_opening = 0;
	unsigned index = (unsigned)b->out->n;
	fx x0 = pb_left_margin(st, index);

	/* the natural height, the glue and the gaps */
	vjust vj;
	memset(&vj, 0, sizeof vj);
	fx y = 0, last_base = 0, last_depth = 0;
	unsigned boxes = 0;
	int top = 1;
	for (size_t k = 0; k < order->n; k++) {
		if (order->v[k] == AT_FLOAT_SKIP) {
			y += FLOAT_SKIP;
			continue;
		}
		const vl_elem *e = &b->list->v[order->v[k] & ~AT_REPEAT];
		if (e->kind == VL_GLUE && !top) {
			y += e->glue;
			vj.stretch += e->stretch;
		}
		if (e->kind != VL_BOX)
			continue;
		top = 0;
		y += e->h;
		last_base = y;
		last_depth = e->d;
		y += e->d;
		boxes++;
	}
	vj.gaps = boxes > 1 ? boxes - 1 : 0;
	fx notes = 0;
	for (size_t k = 0; k < parts->n; k++)
		notes += parts->v[k].height + (k ? NOTE_GAP : 0);
	if (parts->n)
		notes += NOTE_SKIP;
	/* the last box's depth: a line's is about a quarter of the
	 * leading, a figure's caption or a table row hangs deeper, and the
	 * page must not push it into the notes */
	fx line_depth = st->leading * 27 / 100;
	if (last_depth > line_depth)
		line_depth = last_depth;
	if (!flush && boxes > 0)
		vjust_plan(&vj, b->goal - notes - line_depth - last_base,
			   st->leading);

	y = st->margin_top;
	item_vec items = { 0 };
	top = 1;
	boxes = 0;
	for (size_t k = 0; k < order->n; k++) {
		if (order->v[k] == AT_FLOAT_SKIP) {
			y += FLOAT_SKIP;
			continue;
		}
		const vl_elem *e = &b->list->v[order->v[k] & ~AT_REPEAT];
		if (e->kind == VL_HEADS) {
			b->head_verso = e->head_verso;
			b->head_recto = e->head_recto;
			continue;
		}
		if (e->kind == VL_GLUE && !top)
			y += e->glue + (vj.short_by ? vjust_glue(&vj, e->stretch) : 0);
		if (e->kind != VL_BOX)
			continue;
		top = 0;
		if (boxes++)
			y += vj.per_gap + (boxes - 1 <= vj.plus_one);
		y += e->h;
		add_items(&pg, &items, e, x0, y, (order->v[k] & AT_REPEAT) != 0);
		pg.body_bottom = y;
		y += e->d;
	}
	if (parts->n > 0)
		ship_notes(b, parts, x0, &pg, &items);
	pg.page.nitems = (unsigned)items.n;
	pg.spare = PAGE_SPARE;
	pg.page.items = arena_alloc(b->c->arena, (items.n + PAGE_SPARE) * sizeof(lay_item));
	if (items.n) /* an empty vector has no buffer */
		memcpy(pg.page.items, items.v, items.n * sizeof(lay_item));
	VEC_FREE(items);
	pg.head_verso = b->head_verso;
	pg.head_recto = b->head_recto;
	VEC_PUSH(*b->out, pg);
}

static double break_cost(const builder *b, int penalty, fx used)
{
	fx left = b->goal - used;
	if (left < 0)
		left = 0;
	double lines = (double)left / (double)b->c->st->leading;
	return penalty + 100.0 * lines * lines;
}

/* Footnote parts of the notes called by element i, given space left.
 * Returns 0 when they fit whole, 1 when the last one was split (the page
 * must end after this line), -1 when not one line of a note fits. */
static int place_notes(builder *b, size_t i, fx space, part_vec *parts,
		       fx *used_notes, int force)
{
	const vl_elem *e = &b->list->v[i];
	for (unsigned k = 0; k < e->nnotes; k++) {
		const vl_list *l = flow_footnote(b->f, e->notes[k]);
		if (l == NULL || l->n == 0)
			continue;
		fx sep = parts->n ? NOTE_GAP : NOTE_SKIP;
		fx whole = note_height(l, 0, (unsigned)l->n);
		note_part np = { e->notes[k], i, 0, (unsigned)l->n, whole };
		if (whole + sep <= space) {
			VEC_PUSH(*parts, np);
			space -= whole + sep;
			*used_notes += whole + sep;
			continue;
		}
		unsigned fit = note_fit(l, 0, space - sep);
		if (fit == 0 && !force)
			return -1;
		np.to = fit;
		np.height = note_height(l, 0, fit);
		VEC_PUSH(*parts, np);
		*used_notes += np.height + sep;
		/* later notes of this line all continue on the next page */
		for (unsigned j = k + 1; j < e->nnotes; j++) {
			const vl_list *lj = flow_footnote(b->f, e->notes[j]);
			if (lj && lj->n) {
				note_part rest = { e->notes[j], i, 0, 0, 0 };
				VEC_PUSH(*parts, rest);
			}
		}
		return 1;
	}
	return 0;
}

/* The notes carried over from the last page start this one (at most
 * half a page each); returns the height they take. */
static fx carry_notes(builder *b, part_vec *parts, size_t start)
{
	fx used_notes = 0;
	for (size_t k = 0; k < b->carry.n; k++) {
		note_part np = b->carry.v[k];
		const vl_list *l = flow_footnote(b->f, np.note);
		unsigned fit = note_fit(l, np.from, b->goal / 2);
		if (fit <= np.from)
			fit = np.from + 1;
		np.to = fit;
		np.height = note_height(l, np.from, fit);
		np.caller = start;
		VEC_PUSH(*parts, np);
		used_notes += np.height + (k ? NOTE_GAP : NOTE_SKIP);
	}
	b->carry.n = 0;
	return used_notes;
}

/* The notes' parts this page shows, and what is left of them carried to
 * the next. */
static void split_notes(builder *b, const part_vec *parts, part_vec *page_parts)
{
	for (size_t k = 0; k < parts->n; k++) {
		note_part np = parts->v[k];
		const vl_list *l = flow_footnote(b->f, np.note);
		if (np.to > np.from)
			VEC_PUSH(*page_parts, np);
		if (l && np.to < l->n) {
			note_part rest = np;
			rest.from = np.to;
			rest.to = (unsigned)l->n;
			VEC_PUSH(b->carry, rest);
		}
	}
}

/* One page being filled from the list. */
typedef struct page_run {
	size_t start;         /* its run of the list begins here */
	fx used, used_notes;
	int have_box;         /* a box of the run is on the page */
	int repeat_first;     /* table header rows repeated at its top */
	unsigned repeat_count;
	size_t best, best_parts;  /* the cheapest legal break so far */
	double best_cost;
	size_t end, next;     /* the run ends at end, the next page's at next */
	int flush;            /* no box was left out for want of room */
	part_vec parts;
	page_floats pf;
} page_run;

/* The floats moved on from the page before go to this one's top, as
 * many as fit (the first always: it fits an empty page). */
static void take_waiting(builder *b, page_run *r)
{
	size_t k = 0;
	for (; k < b->waiting.n; k++) {
		float_range fr = b->waiting.v[k];
		fx need = fr.height + FLOAT_SKIP;
		if (k > 0 && r->pf.top_height + need + r->used_notes > b->goal)
			break;
		VEC_PUSH(r->pf.top, fr);
		r->pf.top_height += need;
	}
	if (k > 0 && k < b->waiting.n) /* an empty queue has no buffer */
		memmove(b->waiting.v, b->waiting.v + k,
			(b->waiting.n - k) * sizeof(float_range));
	b->waiting.n -= k;
	r->used = r->pf.top_height;
}

int pb_float_moves(fx height, fx used, fx goal, int others_waiting)
{
	if (height + FLOAT_SKIP > goal)
		return 0; /* taller than a page: set where it stands */
	return others_waiting || used + height > goal;
}

/* Whether the float starting at element i moves on to the next page
 * (it does not fit in the rest of this one, or floats before it wait);
 * if so it is recorded in r->pf.skip and the index after what the run
 * leaves out is returned, else 0. */
static size_t float_moves(builder *b, page_run *r, size_t i)
{
	const vl_list *l = b->list;
	size_t to = i + l->v[i].float_len;
	if (to > l->n)
		return 0;
	for (size_t k = i; k < to; k++)
		if (l->v[k].nnotes > 0)
			return 0; /* its notes stay on their caller's page */
	fx height = vl_natural_height(l, i, to);
	int waiting = b->waiting.n > 0 || r->pf.skip.n > 0;
	if (!pb_float_moves(height, r->used + r->used_notes, b->goal, waiting))
		return 0;
	size_t skip_to = to < l->n && l->v[to].kind == VL_GLUE ? to + 1 : to;
	/* the space before it goes with it: counted here, it would leave
	 * the page it left short of a line or two for each float moved */
	size_t from = i;
	if (r->have_box && i > r->start && l->v[i - 1].kind == VL_GLUE) {
		from = i - 1;
		r->used -= l->v[from].glue;
	}
	float_range sk = { from, skip_to, height, i };
	VEC_PUSH(r->pf.skip, sk);
	return skip_to;
}

/* The page ends at r->end: the floats it moved on from before that wait
 * for the next page; those after it are met again there. */
static void end_page_floats(builder *b, page_run *r)
{
	for (size_t k = 0; k < r->pf.skip.n; k++) {
		float_range fr = r->pf.skip.v[k];
		if (fr.box >= r->end) {
			r->pf.skip.n = k;
			break;
		}
		size_t to = fr.box + b->list->v[fr.box].float_len;
		float_range w = { fr.box, to, fr.height, fr.box };
		VEC_PUSH(b->waiting, w);
	}
}

/* A division break or a change of running heads met at i; returns 1
 * when the page ends there. */
static int page_marks(builder *b, page_run *r, size_t i)
{
	const vl_elem *e = &b->list->v[i];
	if (e->kind == VL_BREAK) {
		if (r->have_box || r->pf.top.n) {
			r->end = r->next = i;
			return 1;
		}
		if (e->numbering)
			b->pending_numbering = e->numbering;
		b->pending_opening = e->opening;
		if (e->recto && b->c->st->two_sided && b->out->n % 2 == 1)
			new_blank(b);
		r->start = i + 1;
	} else if (!r->have_box) {
		b->head_verso = e->head_verso;
		b->head_recto = e->head_recto;
		r->start = i + 1;
	}
	return 0;
}

/* Places box i on the page if it fits (with its notes); returns 1 when
 * the page ends (at box i's end or at the best break before it). */
static int place_box(builder *b, page_run *r, size_t i)
{
	const vl_elem *e = &b->list->v[i];
	fx h = vl_elem_height(e);
	size_t parts_before = r->parts.n;
	fx notes_before = r->used_notes;
	int first = !r->have_box && r->pf.top.n == 0;
	if (r->used + h + r->used_notes <= b->goal || first) {
		fx space = b->goal - r->used - h - r->used_notes;
		int res = e->nnotes ? place_notes(b, i, space, &r->parts,
						  &r->used_notes, first)
				    : 0;
		if (res >= 0) {
			r->used += h;
			r->have_box = 1;
			if (res == 1) {
				r->end = r->next = i + 1;
				r->flush = 0;
				return 1;
			}
			return 0;
		}
		r->parts.n = parts_before;
		r->used_notes = notes_before;
	}
	if (r->best != (size_t)-1) {
		r->end = r->next = r->best;
		r->parts.n = r->best_parts;
	} else {
		r->end = r->next = i;
	}
	r->flush = 0;
	return 1;
}

/* Fills the page from element i; sets r->end and r->next. */
static void fill_page(builder *b, page_run *r, size_t i)
{
	const vl_list *list = b->list;
	size_t n = list->n;
	for (; i < n; i++) {
		const vl_elem *e = &list->v[i];
		if (e->kind == VL_BREAK || e->kind == VL_HEADS) {
			if (page_marks(b, r, i))
				return;
			continue;
		}
		if (e->kind == VL_NEED && r->have_box &&
		    r->used + r->used_notes + e->h > b->goal) {
			r->end = i; /* less room than asked: a new page */
			r->next = i + 1;
			return;
		}
		if (!r->have_box && e->kind != VL_BOX) {
			r->start = i + 1; /* discarded at the top of a page */
			continue;
		}
		if (e->kind == VL_BOX && !r->have_box && e->repeat_first >= 0 &&
		    (size_t)e->repeat_first < r->start) {
			r->repeat_first = e->repeat_first;
			r->repeat_count = e->repeat_count;
			for (unsigned k = 0; k < r->repeat_count; k++)
				r->used += vl_elem_height(&list->v[r->repeat_first + (int)k]);
		}
		if (r->have_box && vl_legal_break(list, i)) {
			int pen = e->kind == VL_PENALTY ? e->penalty : 0;
			if (pen <= -LB_INF) {
				r->end = i;
				r->next = i + 1;
				return;
			}
			double cost = break_cost(b, pen, r->used + r->used_notes);
			if (cost <= r->best_cost) {
				r->best_cost = cost;
				r->best = i;
				r->best_parts = r->parts.n;
			}
		}
		if (e->kind == VL_GLUE) {
			r->used += e->glue;
			continue;
		}
		if (e->kind != VL_BOX)
			continue;
		if (e->float_len && (r->have_box || r->pf.top.n)) {
			size_t after = float_moves(b, r, i);
			if (after) {
				i = after - 1;
				continue;
			}
		}
		if (place_box(b, r, i))
			return;
	}
}

void pagebuild(lay_ctx *c, const vl_list *list, flow *f, pb_pages *out)
{
	builder b;
	memset(&b, 0, sizeof b);
	b.c = c;
	b.list = list;
	b.f = f;
	b.out = out;
	b.goal = c->st->page_height - c->st->margin_top - c->st->margin_bottom;
	size_t i = 0, n = list->n;
	page_run r;
	memset(&r, 0, sizeof r);
	index_vec order = { 0 };
	while (i < n || b.carry.n > 0 || b.waiting.n > 0) {
		/* one page, from i */
		r.start = i;
		r.used = r.used_notes = 0;
		r.have_box = 0;
		r.repeat_first = -1;
		r.repeat_count = 0;
		r.parts.n = 0;
		r.pf.top.n = r.pf.skip.n = 0;
		r.pf.top_height = 0;
		r.used_notes = carry_notes(&b, &r.parts, r.start);
		take_waiting(&b, &r);
		r.best = (size_t)-1;
		r.best_parts = 0;
		r.best_cost = 1e300;
		r.end = r.next = n;
		r.flush = 1;
		fill_page(&b, &r, i);
		/* the glue or penalty at a break is discarded */
		size_t next = r.next, end = r.end;
		if (next < n && next == end && list->v[next].kind != VL_BREAK &&
		    list->v[next].kind != VL_BOX && list->v[next].kind != VL_HEADS)
			next++;
		if (!r.have_box && r.parts.n == 0 && r.pf.top.n == 0) {
			i = next > i ? next : i;
			if (i >= n)
				break;
			continue;
		}
		end_page_floats(&b, &r);
		part_vec page_parts = { 0 };
		split_notes(&b, &r.parts, &page_parts);
		order.n = 0;
		page_order(r.start, end < r.start ? r.start : end, &r.pf,
			   r.repeat_first, r.repeat_count, &order);
		ship(&b, &order, &page_parts, r.flush);
		VEC_FREE(page_parts);
		i = next;
	}
	VEC_FREE(order);
	VEC_FREE(r.parts);
	VEC_FREE(r.pf.top);
	VEC_FREE(r.pf.skip);
	VEC_FREE(b.carry);
	VEC_FREE(b.waiting);
}
