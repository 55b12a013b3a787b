/* libs: folio_layout folio_resolve folio_tree folio_util */
/*
 * test_expand: font expansion (expand.c, the breaker in linebreak.c and
 * the lines para.c sets):
 *  - a line's scale is the nearest step to what fills it, never past the
 *    limit;
 *  - on a paragraph whose first line, without expansion, can only be
 *    filled by hyphenating, 2 % of glyph expansion lets the breaker end
 *    it at a space instead, and its glue is set at what the glyphs left;
 *  - with expansion 0 the breaker's items carry no glyph flexibility and
 *    no line is scaled: the lines are those of a style without the key;
 *  - set through para.c with expansion on, every justified line still
 *    ends exactly at the measure with its glyphs at their scaled places,
 *    and each scale is a step within the limit;
 *  - protrusion (protrude.c): the table's shares, none in a monospaced
 *    family; with protrusion on, a justified line ending in a hyphen or
 *    a comma ends past the measure by exactly that share of the glyph.
 */
#include "harness.h"
#include "layout_ctx.h"
#include "layout/expand.h"
#include "layout/linebreak.h"
#include "layout/para.h"
#include "layout/protrude.h"

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

/* Words of fixed-width letters; '|' is a hyphenation point.  Boxes may
 * widen or narrow by limit (ten-thousandths). */
static items_t make_para(const char *text, int limit)
{
	items_t v = { 0 };
	const char *p = text;
	while (*p) {
		if (*p == ' ') {
			push(&v, LB_GLUE, SPACE, SPACE / 2, SPACE / 3, 0, 0);
			p++;
			continue;
		}
		size_t n = strcspn(p, " |");
		fx w = (fx)n * LETTER;
		push(&v, LB_BOX, w, expand_flex(w, limit), expand_flex(w, limit), 0, 0);
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

static void test_scale(void)
{
	/* 2 % limit, 0.5 % steps */
	INT_EQ(expand_scale(0, 100000, 200, 50), EXPAND_UNIT);
	INT_EQ(expand_scale(1000, 100000, 200, 50), 10100);  /* wants 1 % */
	INT_EQ(expand_scale(1300, 100000, 200, 50), 10150);  /* 1.3 % -> 1.5 */
	INT_EQ(expand_scale(1200, 100000, 200, 50), 10100);  /* 1.2 % -> 1 */
	INT_EQ(expand_scale(9000, 100000, 200, 50), 10200);  /* the limit */
	INT_EQ(expand_scale(-9000, 100000, 200, 50), 9800);
	INT_EQ(expand_scale(-700, 100000, 200, 50), 9950);   /* -0.7 % -> -0.5 */
	INT_EQ(expand_scale(170, 100000, 200, 0), 10017);    /* no steps */
	INT_EQ(expand_scale(5000, 100000, 250, 100), 10200); /* 2.5 in 1 % steps */
	INT_EQ(expand_scale(5000, 0, 200, 50), EXPAND_UNIT); /* nothing to scale */
	INT_EQ(expand_width(100000, 10150), 101500);
	INT_EQ(expand_width(-3, 10000), -3);
	INT_EQ(expand_flex(400000, 200), 8000);
	INT_EQ(expand_flex(400000, 0), 0);
}

/* Four words of 20 letters and three spaces are 415 pt on a 428 pt
 * measure: their glue alone would stretch 13 pt on 7.5 (badness over
 * 500, past the tolerance), so without expansion the line must take the
 * hyphen after the fifth word's first letter (2 pt of shrink on 6.7).
 * With 2 % expansion the glyphs give 8 pt and the glue the other 5: the
 * breaker ends the line at the space, no hyphen. */
static const char *const HARD =
	"aaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbb cccccccccccccccccccc "
	"dddddddddddddddddddd e|eeeeeeeeeeeeeeeeeee ffff gggg";

static void test_breaker(void)
{
	lb_params p;
	lb_result r;
	items_t plain = make_para(HARD, 0);
	lb_defaults(&p, 428 * 1000, 10 * 1000);
	p.emergency_stretch = 0;
	lb_break(plain.v, (unsigned)plain.n, &p, &r);
	OK(r.nlines == 2);
	OK(r.nlines >= 1 && r.lines[0].hyphenated);
	lb_result_free(&r);

	items_t wide = make_para(HARD, 200);
	lb_break(wide.v, (unsigned)wide.n, &p, &r);
	OK(r.nlines == 2);
	OK(r.nlines >= 1 && !r.lines[0].hyphenated);
	OK(r.pass == 1); /* found without hyphens at the pretolerance */
	if (r.nlines >= 1) {
		/* the glue's ratio is what the glyphs left: 5 pt on 7.5 */
		OK(fabs(r.lines[0].ratio - 5.0 / 7.5) < 1e-6);
		INT_EQ(r.lines[0].natural, 415000);
	}
	lb_result_free(&r);

	/* a line the glyphs can fill alone is perfect: badness 0 */
	items_t easy = make_para("aaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbb "
				 "cccccccccccccccccccc dddddddddddddddddddd "
				 "eeee ffff", 200);
	lb_defaults(&p, 420 * 1000, 10 * 1000);
	lb_break(easy.v, (unsigned)easy.n, &p, &r);
	OK(r.nlines == 2 && r.lines[0].badness == 0 && r.lines[0].ratio == 0);
	lb_result_free(&r);
	VEC_FREE(plain);
	VEC_FREE(wide);
	VEC_FREE(easy);
}

static lay_ctx c;

/* The right edge of a line's last glyph, at its run's scale. */
static fx line_right(const lay_line *l)
{
	fx r = 0;
	for (unsigned i = 0; i < l->nitems; i++) {
		const lay_item *it = &l->items[i];
		if (it->kind != LI_TEXT || it->n == 0)
			continue;
		for (unsigned k = it->n; k > 0; k--) {
			if (it->g[k - 1].cp == ' ')
				continue;
			fx adv = fonts_advance(c.fonts, it->face, it->g[k - 1].cp, it->size);
			if (it->hscale)
				adv = expand_width(adv, it->hscale);
			fx e = it->x + it->g[k - 1].x + adv;
			if (e > r)
				r = e;
			break;
		}
	}
	return r;
}

static const char *const TEXT =
	"Pekerjaan sosial adalah profesi yang membantu individu, kelompok dan "
	"masyarakat untuk meningkatkan keberfungsian sosial mereka serta "
	"menciptakan kondisi masyarakat yang mendukung kesejahteraan. Praktik "
	"pekerjaan sosial berlandaskan nilai, etika dan pengetahuan tentang "
	"perilaku manusia dalam lingkungan sosialnya, dan intervensi yang "
	"dilakukan mencakup rehabilitasi, pemberdayaan dan advokasi kebijakan.";

/* Sets TEXT at width; counts scaled lines, bad scales, lines that do not
 * end at the measure, glyphs out of order. */
static void set_text(lay_style *st, fx width, int *scaled, int *bad_scale,
		     int *unfilled, int *disorder, unsigned *nlines)
{
	para_style ps = { 0 };
	ps.face = fonts_add_fixed(c.fonts, "Fake", "regular", 500);
	ps.size = 10 * FX_PT;
	ps.lang = "id";
	para *p = para_new(&c);
	para_text(p, &ps, TEXT, strlen(TEXT), NULL, 0);
	para_shape sh = { 0 };
	sh.width = width;
	sh.leading = 12 * FX_PT;
	sh.align = ALIGN_JUSTIFY;
	sh.hyphenate = 1;
	lay_line *lines = para_set(p, &sh, nlines);
	for (unsigned i = 0; i < *nlines; i++) {
		const lay_line *l = &lines[i];
		for (unsigned k = 0; k < l->nitems; k++) {
			const lay_item *it = &l->items[k];
			if (it->kind != LI_TEXT)
				continue;
			if (it->hscale) {
				(*scaled)++;
				int ch = it->hscale - EXPAND_UNIT;
				if (abs(ch) > st->expansion ||
				    (st->expansion_step && ch % st->expansion_step))
					(*bad_scale)++;
			}
			for (unsigned g = 1; g < it->n; g++)
				if (it->g[g].x <= it->g[g - 1].x)
					(*disorder)++;
		}
		if (i + 1 < *nlines && llabs((long long)line_right(l) - width) > 10)
			(*unfilled)++;
	}
	para_free(p);
}

static void test_para(lay_style *st)
{
	int scaled = 0, bad = 0, unfilled = 0, disorder = 0;
	unsigned n = 0;
	for (fx w = 150 * FX_PT; w <= 260 * FX_PT; w += 7 * FX_PT)
		set_text(st, w, &scaled, &bad, &unfilled, &disorder, &n);
	OK(scaled > 0);
	INT_EQ(bad, 0);
	INT_EQ(unfilled, 0);
	INT_EQ(disorder, 0);

	st->expansion = 0;
	scaled = bad = unfilled = disorder = 0;
	for (fx w = 150 * FX_PT; w <= 260 * FX_PT; w += 7 * FX_PT)
		set_text(st, w, &scaled, &bad, &unfilled, &disorder, &n);
	INT_EQ(scaled, 0);
	INT_EQ(unfilled, 0);
	st->expansion = 200;
}

/* Lines ending in a character the table hangs out: each ends past the
 * measure by its share of the glyph; no other line passes the measure. */
static void test_protrusion(lay_style *st)
{
	INT_EQ(protrude_right('.'), 700);
	INT_EQ(protrude_right('-'), 700);
	INT_EQ(protrude_right('a'), 0);
	INT_EQ(protrude_left(0x201C), 500);
	INT_EQ(protrude_left('.'), 0);
	OK(protrude_family("Charis SIL"));
	OK(!protrude_family("DejaVu Sans Mono"));

	st->expansion = 0;
	st->protrusion = 1;
	para_style ps = { 0 };
	ps.face = fonts_add_fixed(c.fonts, "Fake", "regular", 500);
	ps.size = 10 * FX_PT;
	ps.lang = "id";
	int hanging = 0, wrong = 0;
	para *p = para_new(&c);
	for (fx w = 150 * FX_PT; w <= 260 * FX_PT; w += 3 * FX_PT) {
		para_text(p, &ps, TEXT, strlen(TEXT), NULL, 0);
		para_shape sh = { 0 };
		sh.width = w;
		sh.leading = 12 * FX_PT;
		sh.align = ALIGN_JUSTIFY;
		sh.hyphenate = 1;
		unsigned n = 0;
		lay_line *lines = para_set(p, &sh, &n);
		for (unsigned i = 0; i + 1 < n; i++) {
			char buf[1024];
			size_t k = line_text(&lines[i], buf, sizeof buf);
			while (k > 0 && buf[k - 1] == ' ')
				k--;
			int share = k ? protrude_right((unsigned char)buf[k - 1]) : 0;
			fx want = w + 5 * FX_PT * share / 1000; /* every glyph 5 pt */
			if (share)
				hanging++;
			if (llabs((long long)line_right(&lines[i]) - want) > 10)
				wrong++;
		}
	}
	para_free(p);
	OK(hanging > 10);
	INT_EQ(wrong, 0);
	st->protrusion = 0;
	st->expansion = 200;
}

int main(void)
{
	test_scale();
	test_breaker();

	folio_diag *diag = folio_diag_new_stderr();
	folio_doc *doc = folio_doc_new("t.xml");
	lay_style st;
	const char *src = getenv("SRC");
	char exc[4096];
	snprintf(exc, sizeof exc, "%s/hyphenation", src ? src : ".");
	test_ctx_open(&c, doc, diag, &st, exc);
	c.arena = arena_new();
	st.protrusion = 0;
	INT_EQ(st.expansion, 200);       /* the defaults */
	INT_EQ(st.expansion_step, 50);
	test_para(&st);
	test_protrusion(&st);
	test_ctx_close(&c);
	folio_doc_free(doc);
	folio_diag_free(diag);
	DONE();
}
