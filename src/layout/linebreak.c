/*
 * linebreak: the Knuth-Plass algorithm as tex.web does it, with prefix
 * sums instead of delta nodes (each trial line is O(1)), active nodes
 * kept per fitness class and hyphen run, and passes as TeX runs them.
 */
#include "layout/linebreak.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NCLASS 4
#define MAX_RUN 4 /* hyphen-run classes tracked: 0..MAX_RUN-1 */
#define AWFUL 1e30

typedef struct node {
	unsigned pos;      /* the break item */
	unsigned start;    /* first item of the line after it */
	unsigned line;     /* lines before this break's next line */
	int fitness;
	int run;           /* consecutive hyphenated lines ending here */
	int flagged;
	double total;      /* total demerits */
	int prev;          /* node index of the previous break, -1 */
} node;

typedef VEC(node) node_vec;

typedef struct sums {
	int64_t *w, *y, *z;
	int64_t *ey, *ez; /* the boxes' expansion: stretch, shrink */
	int *fil;
} sums;

void lb_defaults(lb_params *p, fx width, fx size)
{
	memset(p, 0, sizeof(*p));
	p->width = width;
	p->pretolerance = 100;
	p->tolerance = 200;
	p->line_penalty = 10;
	p->adj_demerits = 10000;
	p->double_hyphen_demerits = 10000;
	p->final_hyphen_demerits = 5000;
	p->max_hyphen_run = 2;
	p->emergency_stretch = size * 5 / 2;
}

fx lb_line_width(const lb_params *p, unsigned line)
{
	if (p->first_widths && line < p->nfirst)
		return p->first_widths[line];
	return p->width;
}

static void sums_build(const lb_item *it, unsigned n, sums *s)
{
	/* one block: w, y, z, ey, ez, then fil */
	int64_t *block = xmalloc((size_t)(n + 1) * (5 * sizeof(int64_t) + sizeof(int64_t)));
	s->w = block;
	s->y = block + (n + 1);
	s->z = block + 2 * (size_t)(n + 1);
	s->ey = block + 3 * (size_t)(n + 1);
	s->ez = block + 4 * (size_t)(n + 1);
	s->fil = (int *)(block + 5 * (size_t)(n + 1));
	s->w[0] = s->y[0] = s->z[0] = s->ey[0] = s->ez[0] = 0;
	s->fil[0] = 0;
	for (unsigned i = 0; i < n; i++) {
		s->w[i + 1] = s->w[i];
		s->y[i + 1] = s->y[i];
		s->z[i + 1] = s->z[i];
		s->ey[i + 1] = s->ey[i];
		s->ez[i + 1] = s->ez[i];
		s->fil[i + 1] = s->fil[i];
		if (it[i].type == LB_BOX) {
			s->w[i + 1] += it[i].width;
			s->ey[i + 1] += it[i].stretch;
			s->ez[i + 1] += it[i].shrink;
		} else if (it[i].type == LB_GLUE) {
			s->w[i + 1] += it[i].width;
			if (it[i].fil)
				s->fil[i + 1]++;
			else
				s->y[i + 1] += it[i].stretch;
			s->z[i + 1] += it[i].shrink;
		}
	}
}

static void sums_free(sums *s)
{
	free(s->w);
}

/* The first item of the line after a break at pos: glue and penalties
 * after a break are discarded, up to a box or a forced break. */
static unsigned line_start(const lb_item *it, unsigned n, unsigned pos)
{
	unsigned i = pos + 1;
	while (i < n && it[i].type != LB_BOX &&
	       !(it[i].type == LB_PENALTY && it[i].penalty <= -LB_INF))
		i++;
	return i;
}

static int legal_break(const lb_item *it, unsigned i, int allow_flagged)
{
	if (it[i].type == LB_PENALTY)
		return it[i].penalty < LB_INF &&
		       (allow_flagged || !it[i].flagged ||
			it[i].penalty <= -LB_INF);
	if (it[i].type == LB_GLUE)
		return i > 0 && it[i - 1].type == LB_BOX;
	return 0;
}

typedef struct trial {
	double ratio;
	int badness;  /* > 10000: overfull */
	fx natural, target;
} trial;

/* The indent of the line after a break at pos when the breaker cut it
 * (not the paragraph's first line, not after a forced break). */
static fx wrap_of(const lb_item *it, int first, unsigned pos)
{
	if (first || (it[pos].type == LB_PENALTY && it[pos].penalty <= -LB_INF))
		return 0;
	return it[pos].wrap;
}

static trial try_line(const lb_item *it, const sums *s, const lb_params *p,
		      unsigned start, unsigned b, unsigned line, fx extra,
		      fx wrap)
{
	trial t;
	t.target = lb_line_width(p, line) - wrap + it[b].hang +
		   (it[start].type == LB_BOX ? it[start].hang : 0);
	int64_t L = s->w[b] - s->w[start];
	if (it[b].type == LB_PENALTY)
		L += it[b].width;
	t.natural = (fx)L;
	int fil = s->fil[b] - s->fil[start];
	int64_t Y = s->y[b] - s->y[start] + p->ragged_stretch + extra;
	int64_t Z = s->z[b] - s->z[start];
	/* the glyphs take what they can first: the glue sees the rest */
	int64_t EY = s->ey[b] - s->ey[start], EZ = s->ez[b] - s->ez[start];
	if (L < t.target && fil == 0 && EY > 0)
		L = L + EY < t.target ? L + EY : t.target;
	else if (L > t.target && EZ > 0)
		L = L - EZ > t.target ? L - EZ : t.target;
	if (L < t.target) {
		if (fil > 0) {
			t.ratio = 0;
			t.badness = 0;
		} else if (Y <= 0) {
			t.ratio = 1e6; /* infinitely loose: no glue to stretch */
			t.badness = 10000;
		} else {
			t.ratio = (double)(t.target - L) / (double)Y;
			double bad = 100.0 * t.ratio * t.ratio * t.ratio;
			t.badness = bad > 10000 ? 10000 : (int)(bad + 0.5);
		}
	} else if (L > t.target) {
		if (Z <= 0) {
			t.ratio = -AWFUL;
			t.badness = 10001;
		} else {
			t.ratio = (double)(t.target - L) / (double)Z;
			if (t.ratio < -1) {
				t.badness = 10001;
			} else {
				double bad = -100.0 * t.ratio * t.ratio * t.ratio;
				t.badness = bad > 10000 ? 10000 : (int)(bad + 0.5);
			}
		}
	} else {
		t.ratio = 0;
		t.badness = 0;
	}
	return t;
}

/* The line try_line would find loose beyond a stretch ratio of bound
 * (> 0), and without infinite stretch: its badness is over the pass's
 * threshold.  The same sums as try_line, no division. */
static int too_loose(const lb_item *it, const sums *s, const lb_params *p,
		     unsigned start, unsigned b, unsigned line, fx extra,
		     fx wrap, double bound)
{
	int64_t target = lb_line_width(p, line) - wrap + it[b].hang +
			 (it[start].type == LB_BOX ? it[start].hang : 0);
	int64_t L = s->w[b] - s->w[start];
	if (it[b].type == LB_PENALTY)
		L += it[b].width;
	if (L >= target || s->fil[b] != s->fil[start])
		return 0;
	L += s->ey[b] - s->ey[start]; /* the glyphs' expansion first */
	if (L >= target)
		return 0;
	int64_t Y = s->y[b] - s->y[start] + p->ragged_stretch + extra;
	if (Y <= 0)
		return 1; /* badness 10000, over any threshold with a bound */
	return (double)(target - L) > bound * (double)Y;
}

static int fitness_of(const trial *t)
{
	if (t->ratio > 0) {
		if (t->badness > 99)
			return 0;
		return t->badness > 12 ? 1 : 2;
	}
	return t->badness > 12 ? 3 : 2;
}

static double line_demerits(const lb_params *p, const lb_item *it, unsigned b,
			    int badness, int fitness, const node *from,
			    int final_break)
{
	double base = p->line_penalty + badness;
	double d = base >= 10000 ? 1e8 : base * base;
	if (it[b].type == LB_PENALTY) {
		int pen = it[b].penalty;
		if (pen > 0)
			d += (double)pen * pen;
		else if (pen > -LB_INF)
			d -= (double)pen * pen;
		if (it[b].flagged && pen > -LB_INF && from->flagged)
			d += p->double_hyphen_demerits;
	}
	if (final_break && from->flagged)
		d += p->final_hyphen_demerits;
	if (abs(fitness - from->fitness) > 1)
		d += p->adj_demerits;
	return d;
}

typedef struct cand {
	double total;
	int from;     /* node index */
} cand;

/* One pass.  Returns the index of the best final node, or -1. */
static int run_pass(const lb_item *it, unsigned n, const sums *s,
		    const lb_params *p, int threshold, int allow_flagged,
		    fx extra, int final, node_vec *nodes)
{
	VEC(int) active = { 0 };
	node first = { 0, 0, 0, 2, 0, 0, 0.0, -1 };
	nodes->n = 0;
	VEC_PUSH(*nodes, first);
	VEC_PUSH(active, 0);
	int best_final = -1;
	int max_run = p->max_hyphen_run > 0 ? p->max_hyphen_run : MAX_RUN - 1;
	if (max_run > MAX_RUN - 1)
		max_run = MAX_RUN - 1;
	double prune = (double)p->adj_demerits + p->double_hyphen_demerits +
		       p->final_hyphen_demerits;
	/* A line looser than this stretch ratio has a badness above the
	 * threshold (badness rounds 100 r^3): most trials are such lines,
	 * and they are known without working the badness out.  A hair
	 * above the bound, so that rounding never skips a line try_line
	 * would take.  Badness stops at 10000: no bound from there. */
	double loose = threshold < 10000
		       ? cbrt((threshold + 0.5) / 100.0) * (1 + 1e-9) : -1;

	for (unsigned b = 0; b < n && active.n > 0; b++) {
		if (!legal_break(it, b, allow_flagged))
			continue;
		int forced = it[b].type == LB_PENALTY && it[b].penalty <= -LB_INF;
		int flagged = it[b].type == LB_PENALTY && it[b].flagged && !forced;
		/* best[f][r] is set when bit f * MAX_RUN + r of used is */
		cand best[NCLASS][MAX_RUN];
		unsigned used = 0;
		double min_total = AWFUL;
		int last_dropped = -1;
		size_t keep = 0;
		for (size_t k = 0; k < active.n; k++) {
			int ai = active.v[k];
			node *a = &nodes->v[ai];
			unsigned start = a->start;
			fx wrap = wrap_of(it, ai == 0, a->pos);
			if (loose > 0 && !forced &&
			    too_loose(it, s, p, start, b, a->line, extra, wrap, loose)) {
				active.v[keep++] = ai; /* it may reach a later break */
				continue;
			}
			trial t = try_line(it, s, p, start, b, a->line, extra, wrap);
			int drop = t.badness > 10000 || forced;
			if (!drop)
				active.v[keep++] = ai;
			else
				last_dropped = ai;
			if (t.badness > 10000 || t.badness > threshold)
				continue;
			int run = flagged ? a->run + 1 : 0;
			if (run > max_run)
				continue;
			int fit = fitness_of(&t);
			double d = a->total + line_demerits(p, it, b, t.badness,
							     fit, a, forced);
			cand *c = &best[fit][run];
			unsigned bit = 1u << (fit * MAX_RUN + run);
			if (!(used & bit) || d < c->total) {
				used |= bit;
				c->total = d;
				c->from = ai;
			}
			if (d < min_total)
				min_total = d;
		}
		active.n = keep;
		/* Final pass: never let the paragraph die; break here from
		 * the last node that just became impossible. */
		if (final && active.n == 0 && min_total >= AWFUL &&
		    last_dropped >= 0) {
			const node *a = &nodes->v[last_dropped];
			cand *c = &best[2][0];
			used |= 1u << (2 * MAX_RUN + 0);
			c->total = a->total;
			c->from = last_dropped;
			min_total = a->total;
		}
		/* the classes found, in the order of their bits (fitness,
		 * then hyphen run), as a loop over both would visit them */
		for (unsigned left = used; left; left &= left - 1) {
			int bit = __builtin_ctz(left);
			int f = bit / MAX_RUN, r = bit % MAX_RUN;
			cand *c = &best[f][r];
			if (c->total > min_total + prune)
				continue;
			node nn;
			nn.pos = b;
			nn.start = line_start(it, n, b);
			nn.line = nodes->v[c->from].line + 1;
			nn.fitness = f;
			nn.run = r;
			nn.flagged = flagged;
			nn.total = c->total;
			nn.prev = c->from;
			VEC_PUSH(*nodes, nn);
			int idx = (int)nodes->n - 1;
			if (forced && b == n - 1) {
				if (best_final < 0 ||
				    nn.total < nodes->v[best_final].total)
					best_final = idx;
			} else {
				VEC_PUSH(active, idx);
			}
		}
	}
	/* Looseness: among the final nodes, the line count nearest to the
	 * best one's plus looseness. */
	if (best_final >= 0 && p->looseness != 0) {
		int want = (int)nodes->v[best_final].line + p->looseness;
		int chosen = best_final;
		for (size_t i = 0; i < nodes->n; i++) {
			node *c = &nodes->v[i];
			if (c->pos != n - 1)
				continue;
			int dc = abs((int)c->line - want);
			int db = abs((int)nodes->v[chosen].line - want);
			if (dc < db || (dc == db && c->total < nodes->v[chosen].total))
				chosen = (int)i;
		}
		best_final = chosen;
	}
	VEC_FREE(active);
	return best_final;
}

static void collect(const lb_item *it, unsigned n, const sums *s,
		    const lb_params *p, const node *nodes, int last,
		    lb_result *out)
{
	unsigned count = 0;
	for (int i = last; i > 0; i = nodes[i].prev)
		count++;
	out->lines = xcalloc(count ? count : 1, sizeof(lb_line));
	out->nlines = count;
	out->demerits = nodes[last].total;
	out->overfull = 0;
	unsigned k = count;
	for (int i = last; i > 0; i = nodes[i].prev) {
		const node *e = &nodes[i];
		const node *from = &nodes[e->prev];
		lb_line *l = &out->lines[--k];
		l->start = e->prev == 0 ? 0 : line_start(it, n, from->pos);
		l->end = e->pos;
		trial t = try_line(it, s, p, l->start, l->end, from->line, 0,
				   wrap_of(it, e->prev == 0, from->pos));
		l->ratio = t.ratio < -1 ? -1 : t.ratio;
		l->badness = t.badness;
		l->hyphenated = e->flagged;
		l->natural = t.natural;
		l->target = t.target;
		if (t.badness > 10000)
			out->overfull++;
	}
}

int lb_break(const lb_item *items, unsigned n, const lb_params *p,
	     lb_result *out)
{
	memset(out, 0, sizeof(*out));
	if (n == 0)
		return 0;
	sums s;
	sums_build(items, n, &s);
	node_vec nodes = { 0 };
	int last = -1;
	if (p->pretolerance >= 0) {
		out->pass = 1;
		last = run_pass(items, n, &s, p, p->pretolerance, 0, 0, 0,
				&nodes);
	}

	if (last < 0) {
		out->pass = 2;
		last = run_pass(items, n, &s, p, p->tolerance, 1, 0, 0,
				&nodes);
	}
	if (last < 0 && p->emergency_stretch > 0) {
		out->pass = 3;
		last = run_pass(items, n, &s, p, p->tolerance, 1,
				p->emergency_stretch, 0, &nodes);
	}
	if (last < 0) {
		out->pass = 4;
		last = run_pass(items, n, &s, p, 10000, 1, p->emergency_stretch,
				1, &nodes);
	}
	if (last >= 0)
		collect(items, n, &s, p, nodes.v, last, out);
	VEC_FREE(nodes);
	sums_free(&s);
	return 0;
}

void lb_result_free(lb_result *r)
{
	free(r->lines);
	r->lines = NULL;
	r->nlines = 0;
}

int lb_first_fit(const lb_item *items, unsigned n, const lb_params *p,
		 lb_result *out)
{
	memset(out, 0, sizeof(*out));
	sums s;
	sums_build(items, n, &s);
	node_vec nodes = { 0 };
	node first = { 0, 0, 0, 2, 0, 0, 0.0, -1 };
	VEC_PUSH(nodes, first);
	int cur = 0;
	unsigned start = 0;
	while (start < n) {
		int fit_b = -1, over_b = -1;
		for (unsigned b = start; b < n; b++) {
			if (!legal_break(items, b, 1))
				continue;
			trial t = try_line(items, &s, p, start, b,
					   nodes.v[cur].line, 0, 0);
			if (t.badness <= 10000)
				fit_b = (int)b;
			else if (over_b < 0)
				over_b = (int)b;
			if (t.badness > 10000 ||
			    (items[b].type == LB_PENALTY &&
			     items[b].penalty <= -LB_INF))
				break;
		}
		int b = fit_b >= 0 ? fit_b : over_b;
		if (b < 0)
			break;
		trial t = try_line(items, &s, p, start, (unsigned)b,
				   nodes.v[cur].line, 0, 0);
		int forced = items[b].type == LB_PENALTY &&
			     items[b].penalty <= -LB_INF;
		node nn = nodes.v[cur];
		nn.fitness = fitness_of(&t);
		nn.total += line_demerits(p, items, (unsigned)b,
					  t.badness > 10000 ? 10000 : t.badness,
					  nn.fitness, &nodes.v[cur], forced);
		nn.pos = (unsigned)b;
		nn.line++;
		nn.flagged = items[b].type == LB_PENALTY && items[b].flagged;
		nn.prev = cur;
		VEC_PUSH(nodes, nn);
		cur = (int)nodes.n - 1;
		if (forced && (unsigned)b == n - 1)
			break;
		start = line_start(items, n, (unsigned)b);
	}
	collect(items, n, &s, p, nodes.v, cur, out);
	VEC_FREE(nodes);
	sums_free(&s);
	return 0;
}
