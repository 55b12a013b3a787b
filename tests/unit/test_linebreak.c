/* libs: folio_layout folio_util */
/*
 * test_linebreak: the Knuth-Plass breaker on paragraphs made of fixed-width
 * letters (every letter 5 pt), so results do not depend on any font.
 *  - known optimal breaks on a hand-made paragraph;
 *  - the optimum equals an exhaustive search on small paragraphs;
 *  - never worse than first fit on a corpus of random paragraphs;
 *  - no line wider than the measure; at most two hyphenated lines in a
 *    row; the last line is set at its natural width.
 */
#include "harness.h"
#include "layout/linebreak.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define LETTER 5000
#define SPACE 5000

typedef VEC(lb_item) items_t;

static void push(items_t *v, int type, fx w, fx st, fx sh, int pen, int flag)
{
	lb_item it = { 0 };
	it.type = (unsigned char)type;
	it.width = w;
	it.stretch = st;
	it.shrink = sh;
	it.penalty = pen;
	it.flagged = (unsigned char)flag;
	VEC_PUSH(*v, it);
}

/* Words separated by spaces; '|' inside a word is a hyphenation point. */
static items_t make_para(const char *text)
{
	items_t v = { 0 };
	const char *p = text;
	while (*p) {
		if (*p == ' ') {
			push(&v, LB_GLUE, SPACE, SPACE / 2, SPACE / 3, 0, 0);
			while (*p == ' ')
				p++;
			continue;
		}
		size_t n = strcspn(p, " |");
		push(&v, LB_BOX, (fx)n * LETTER, 0, 0, 0, 0);
		p += n;
		if (*p == '|') {
			push(&v, LB_PENALTY, LETTER, 0, 0, 50, 1);
			p++;
		}
	}
	push(&v, LB_PENALTY, 0, 0, 0, LB_INF, 0);
	lb_item fil = { 0 };
	fil.type = LB_GLUE;
	fil.fil = 1;
	VEC_PUSH(v, fil);
	push(&v, LB_PENALTY, 0, 0, 0, -LB_INF, 1);
	return v;
}

/* The demerits rules, written again independently for the checks. */
static double score(const items_t *v, const lb_params *p, const unsigned *brk,
		    unsigned nb, int *ok)
{
	double total = 0;
	int prev_fit = 2, prev_flag = 0, run = 0;
	unsigned start = 0;
	*ok = 1;
	for (unsigned k = 0; k < nb; k++) {
		unsigned b = brk[k];
		double L = 0, Y = 0, Z = 0;
		int fil = 0;
		for (unsigned i = start; i < b; i++) {
			const lb_item *it = &v->v[i];
			if (it->type == LB_BOX)
				L += it->width;
			if (it->type == LB_GLUE) {
				L += it->width;
				if (it->fil) fil = 1; else Y += it->stretch;
				Z += it->shrink;
			}
		}
		const lb_item *bi = &v->v[b];
		if (bi->type == LB_PENALTY)
			L += bi->width;
		double w = p->width, r = 0;
		int bad = 0;
		if (L < w) {
			r = fil ? 0 : (Y > 0 ? (w - L) / Y : 1e9);
			bad = fil ? 0 : (int)fmin(10000, floor(100 * r * r * r + 0.5));
		} else if (L > w) {
			r = Z > 0 ? (w - L) / Z : -1e9;
			if (r < -1) { *ok = 0; return 1e30; }
			bad = (int)fmin(10000, floor(-100 * r * r * r + 0.5));
		}
		if (bad > p->tolerance) { *ok = 0; return 1e30; }
		int fit = r > 0 ? (bad > 99 ? 0 : bad > 12 ? 1 : 2) : (bad > 12 ? 3 : 2);
		int forced = bi->type == LB_PENALTY && bi->penalty <= -LB_INF;
		int flag = bi->type == LB_PENALTY && bi->flagged && !forced;
		run = flag ? run + 1 : 0;
		if (run > p->max_hyphen_run) { *ok = 0; return 1e30; }
		double base = p->line_penalty + bad;
		double d = base >= 10000 ? 1e8 : base * base;
		if (bi->type == LB_PENALTY && !forced) {
			d += (double)bi->penalty * bi->penalty;
			if (flag && prev_flag) d += p->double_hyphen_demerits;
		}
		if (forced && prev_flag) d += p->final_hyphen_demerits;
		if (abs(fit - prev_fit) > 1) d += p->adj_demerits;
		total += d;
		prev_fit = fit;
		prev_flag = flag;
		start = b + 1;
		while (start < v->n && v->v[start].type != LB_BOX &&
		       !(v->v[start].type == LB_PENALTY && v->v[start].penalty <= -LB_INF))
			start++;
	}
	return total;
}

static int legal(const items_t *v, unsigned i)
{
	const lb_item *it = &v->v[i];
	if (it->type == LB_PENALTY) return it->penalty < LB_INF;
	return it->type == LB_GLUE && i > 0 && v->v[i - 1].type == LB_BOX;
}

/* Minimum demerits over every set of breaks (small paragraphs only). */
static double exhaustive(const items_t *v, const lb_params *p)
{
	unsigned cand[32], nc = 0;
	for (unsigned i = 0; i + 1 < v->n; i++)
		if (legal(v, i)) cand[nc++] = i;
	double best = 1e30;
	for (unsigned long m = 0; m < (1ul << nc); m++) {
		unsigned brk[34], nb = 0;
		for (unsigned k = 0; k < nc; k++)
			if (m & (1ul << k)) brk[nb++] = cand[k];
		brk[nb++] = (unsigned)v->n - 1;
		int ok;
		double s = score(v, p, brk, nb, &ok);
		if (ok && s < best) best = s;
	}
	return best;
}

static double result_score(const items_t *v, const lb_params *p,
			   const lb_result *r, int *ok)
{
	unsigned brk[512];
	for (unsigned i = 0; i < r->nlines; i++) brk[i] = r->lines[i].end;
	return score(v, p, brk, r->nlines, ok);
}

static unsigned long rng = 12345;
static unsigned rnd(unsigned n)
{
	rng = rng * 6364136223846793005ul + 1442695040888963407ul;
	return (unsigned)((rng >> 33) % n);
}

static void random_text(char *buf, size_t size, unsigned words, int hyph)
{
	size_t o = 0;
	for (unsigned w = 0; w < words && o + 20 < size; w++) {
		if (w) buf[o++] = ' ';
		unsigned len = 1 + rnd(9);
		for (unsigned i = 0; i < len; i++) {
			buf[o++] = 'a';
			if (hyph && i >= 1 && i + 3 <= len && rnd(3) == 0)
				buf[o++] = '|';
		}
	}
	buf[o] = '\0';
}

int main(void)
{
	lb_params p;

	/* 1. A known case, width 21 letters (105 pt; a space is 5 pt
	 * stretching 2.5 and shrinking 1.67).  First fit squeezes six words
	 * into line 1 ("a aaaaaa aaaa aaaa a a", 22 letters: shrunk, b 22)
	 * and leaves line 2 very loose ("aaaaaaaa aa aaaaaa", r 3, b 2700).
	 * The optimum sets five words (r 0.5, b 13) and moves the "a" down,
	 * so line 2 is decent (b 30). */
	{
		items_t v = make_para("a aaaaaa aaaa aaaa a a aaaaaaaa aa aaaaaa aaaaaaaa");
		lb_defaults(&p, 21 * LETTER, 10000);
		p.pretolerance = -1;
		p.tolerance = 10000;
		lb_result kp, ff;
		lb_break(v.v, (unsigned)v.n, &p, &kp);
		lb_first_fit(v.v, (unsigned)v.n, &p, &ff);
		INT_EQ(kp.nlines, 3);
		INT_EQ(kp.lines[0].end, 9);
		INT_EQ(kp.lines[0].badness, 13);
		INT_EQ(kp.lines[1].end, 17);
		INT_EQ(kp.lines[1].badness, 30);
		INT_EQ(ff.lines[0].end, 11);
		INT_EQ(ff.lines[1].badness, 2700);
		/* (10+13)^2 + (10+30)^2 + (10+0)^2 */
		OK(fabs(kp.demerits - 2229) < 1e-6);
		OK(kp.demerits < ff.demerits);
		int ok;
		double s = result_score(&v, &p, &kp, &ok);
		OK(ok && fabs(s - kp.demerits) < 1e-6);
		lb_result_free(&kp);
		lb_result_free(&ff);
		VEC_FREE(v);
	}

	/* 2. Equal to an exhaustive search on 150 small paragraphs. */
	for (int t = 0; t < 150; t++) {
		char text[256];
		random_text(text, sizeof text, 8 + rnd(5), t % 2);
		items_t v = make_para(text);
		lb_defaults(&p, (fx)(14 + rnd(10)) * LETTER, 10000);
		p.pretolerance = -1;
		p.tolerance = 10000;
		p.max_hyphen_run = 2;
		unsigned nlegal = 0;
		for (unsigned i = 0; i + 1 < v.n; i++) nlegal += legal(&v, i);
		if (nlegal > 18) { VEC_FREE(v); continue; }
		lb_result kp;
		lb_break(v.v, (unsigned)v.n, &p, &kp);
		double best = exhaustive(&v, &p);
		if (best < 1e29) {
			int ok;
			double s = result_score(&v, &p, &kp, &ok);
			OK(ok);
			if (fabs(s - best) > 1e-6)
				fprintf(stderr, "paragraph \"%s\": %.0f, exhaustive %.0f\n",
					text, s, best);
			OK(fabs(s - best) < 1e-6);
		}
		lb_result_free(&kp);
		VEC_FREE(v);
	}

	/* 3. Never worse than first fit; no line wider than the measure;
	 * never three hyphenated lines in a row; last line natural. */
	int worse = 0, wide = 0, runs = 0, lastbad = 0;
	for (int t = 0; t < 400; t++) {
		char text[4096];
		random_text(text, sizeof text, 40 + rnd(120), 1);
		items_t v = make_para(text);
		lb_defaults(&p, (fx)(25 + rnd(40)) * LETTER, 10000);
		p.pretolerance = -1;
		p.tolerance = 10000;
		p.max_hyphen_run = 3;
		lb_result kp, ff;
		lb_break(v.v, (unsigned)v.n, &p, &kp);
		lb_first_fit(v.v, (unsigned)v.n, &p, &ff);
		int ok1, ok2;
		double a = result_score(&v, &p, &kp, &ok1);
		double b = result_score(&v, &p, &ff, &ok2);
		if (ok2 && (!ok1 || a > b + 1e-6)) worse++;
		lb_result_free(&kp);
		lb_result_free(&ff);

		lb_defaults(&p, (fx)(25 + rnd(40)) * LETTER, 10000);
		lb_break(v.v, (unsigned)v.n, &p, &kp);
		int run = 0;
		for (unsigned i = 0; i < kp.nlines; i++) {
			lb_line *l = &kp.lines[i];
			fx set = l->natural;
			if (l->ratio < 0) {
				/* shrunk: natural minus used shrink */
				set = l->target;
			}
			if (set > l->target) wide++;
			run = l->hyphenated ? run + 1 : 0;
			if (run > 2) runs++;
		}
		if (kp.nlines && kp.lines[kp.nlines - 1].ratio > 0) lastbad++;
		lb_result_free(&kp);
		VEC_FREE(v);
	}
	INT_EQ(worse, 0);
	INT_EQ(wide, 0);
	INT_EQ(runs, 0);
	INT_EQ(lastbad, 0);
	DONE();
}
