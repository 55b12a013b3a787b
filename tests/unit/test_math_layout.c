/* libs: folio_layout folio_read folio_tree folio_util */
/*
 * test_math_layout: the math layout (src/layout/math*.c) against figures
 * computed here from DejaVu Math TeX Gyre's MATH constants: fraction rule
 * thickness and gaps, superscript shift up, subscript shift down, the
 * radical's gap, rule and extra ascender, operator spacing from the
 * dictionary, a large operator's display size, a fence grown to its
 * content, and the limit on lengths.  Run from the repository (the font
 * manifest is fonts/fonts.conf).
 */
#include "folio/mathml.h"
#include "harness.h"
#include "layout/math.h"
#include "layout_ctx.h"
#include "read_util.h"

#define DB "xmlns=\"http://docbook.org/ns/docbook\""
#define MML "xmlns=\"http://www.w3.org/1998/Math/MathML\""
#define SIZE (10 * FX_PT)
#define KC(name) math_constant(&env.mf, HB_OT_MATH_CONSTANT_##name, SIZE)

static lay_ctx ctx;
static math_env env;
static struct diags got;

/* Lays out the formula of one math element (written in MathML's default
 * namespace); the box's items stay in ctx's arena. */
static folio_doc *formula(const char *math, int display, mbox *out)
{
	char xml[4096];
	snprintf(xml, sizeof xml, "<article " DB "><para><inlineequation><math " MML ">%s</math>"
		 "</inlineequation></para></article>", math);
	folio_doc *doc = read_str(xml, &got);
	memset(out, 0, sizeof *out);
	if (doc == NULL)
		return NULL;
	ctx.doc = doc;
	env.root = find_kind(doc->root, FOLIO_NODE_MATHML, 0);
	env.base_size = SIZE;
	env.warned = 0;
	math_layout(&env, env.root, display, out);
	return doc;
}

static hb_codepoint_t gid(uint32_t cp)
{
	return math_glyph(&env.mf, cp);
}

/* The nth text item (n from 0) and the first rule of a box. */
static const lay_item *text_item(const mbox *b, int n)
{
	for (size_t i = 0; i < b->items.n; i++)
		if (b->items.v[i].kind == LI_TEXT && n-- == 0)
			return &b->items.v[i];
	return NULL;
}

static const lay_item *rule_item(const mbox *b)
{
	for (size_t i = 0; i < b->items.n; i++)
		if (b->items.v[i].kind == LI_RULE)
			return &b->items.v[i];
	return NULL;
}

static fx imax(fx a, fx b)
{
	return a > b ? a : b;
}

static void test_fraction(void)
{
	mbox b;
	folio_doc *doc = formula("<mfrac><mi>x</mi><mi>y</mi></mfrac>", 0, &b);
	OK(doc != NULL);
	if (doc == NULL)
		return;
	/* inline, the parts are set a script size smaller */
	fx script = SIZE * math_constant(&env.mf, HB_OT_MATH_CONSTANT_SCRIPT_PERCENT_SCALE_DOWN, 0) / 100;
	math_glyph_metrics x, y;
	math_glyph_measure(&env.mf, gid(0x1D465), script, &x); /* italic x */
	math_glyph_measure(&env.mf, gid(0x1D466), script, &y);
	fx t = KC(FRACTION_RULE_THICKNESS), axis = KC(AXIS_HEIGHT);
	const lay_item *r = rule_item(&b);
	OK(r != NULL);
	if (r) {
		INT_EQ(r->h, t);
		INT_EQ(r->y, -(axis + t / 2));
	}
	fx up = imax(KC(FRACTION_NUMERATOR_SHIFT_UP),
		     KC(FRACTION_NUMERATOR_GAP_MIN) + axis + t / 2 + x.d);
	fx down = imax(KC(FRACTION_DENOMINATOR_SHIFT_DOWN),
		       KC(FRACTION_DENOMINATOR_GAP_MIN) - axis + t / 2 + y.h);
	const lay_item *num = text_item(&b, 0), *den = text_item(&b, 1);
	OK(num && den);
	if (num && den) {
		INT_EQ(num->y, -up);
		INT_EQ(den->y, down);
		INT_EQ(num->g[0].cp, LAY_GID(gid(0x1D465)));
		INT_EQ(num->size, script);
	}
	mbox_free(&b);
	folio_doc_free(doc);

	/* display style: the display shifts and gaps */
	doc = formula("<mfrac><mi>x</mi><mi>y</mi></mfrac>", 1, &b);
	if (doc == NULL)
		return;
	math_glyph_measure(&env.mf, gid(0x1D465), SIZE, &x);
	up = imax(KC(FRACTION_NUMERATOR_DISPLAY_STYLE_SHIFT_UP),
		  KC(FRACTION_NUM_DISPLAY_STYLE_GAP_MIN) + axis + t / 2 + x.d);
	num = text_item(&b, 0);
	OK(num != NULL);
	if (num)
		INT_EQ(num->y, -up);
	mbox_free(&b);
	folio_doc_free(doc);

	/* linethickness: "0" draws no rule; a length is the rule's */
	doc = formula("<mfrac linethickness=\"0\"><mi>n</mi><mi>k</mi></mfrac>", 0, &b);
	if (doc) {
		OK(rule_item(&b) == NULL);
		mbox_free(&b);
		folio_doc_free(doc);
	}
	doc = formula("<mfrac linethickness=\"2pt\"><mi>n</mi><mi>k</mi></mfrac>", 0, &b);
	if (doc) {
		r = rule_item(&b);
		OK(r && r->h == 2 * FX_PT);
		mbox_free(&b);
		folio_doc_free(doc);
	}
}

static void test_scripts(void)
{
	mbox b;
	folio_doc *doc = formula("<msup><mi>x</mi><mn>2</mn></msup>", 0, &b);
	if (doc == NULL)
		return;
	fx script = SIZE * math_constant(&env.mf, HB_OT_MATH_CONSTANT_SCRIPT_PERCENT_SCALE_DOWN, 0) / 100;
	math_glyph_metrics two;
	math_glyph_measure(&env.mf, gid('2'), script, &two);
	const lay_item *sup = text_item(&b, 1);
	OK(sup != NULL);
	if (sup) {
		INT_EQ(sup->size, script);
		INT_EQ(sup->y, -imax(KC(SUPERSCRIPT_SHIFT_UP), KC(SUPERSCRIPT_BOTTOM_MIN) + two.d));
	}
	mbox_free(&b);
	folio_doc_free(doc);

	doc = formula("<msub><mi>x</mi><mi>i</mi></msub>", 0, &b);
	if (doc == NULL)
		return;
	math_glyph_metrics i;
	math_glyph_measure(&env.mf, gid(0x1D456), script, &i);
	const lay_item *sub = text_item(&b, 1);
	OK(sub != NULL);
	if (sub)
		INT_EQ(sub->y, imax(KC(SUBSCRIPT_SHIFT_DOWN), i.h - KC(SUBSCRIPT_TOP_MAX)));
	/* the box ends after the script and the space after scripts */
	math_glyph_metrics x;
	math_glyph_measure(&env.mf, gid(0x1D465), SIZE, &x);
	INT_EQ(b.w, x.adv + i.adv + KC(SPACE_AFTER_SCRIPT));
	mbox_free(&b);
	folio_doc_free(doc);

	/* both: at least the gap between them */
	doc = formula("<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>", 0, &b);
	if (doc == NULL)
		return;
	sub = text_item(&b, 1);
	sup = text_item(&b, 2);
	OK(sub && sup);
	if (sub && sup)
		OK((sub->y - i.h) - (sup->y + two.d) >= KC(SUB_SUPERSCRIPT_GAP_MIN));
	mbox_free(&b);
	folio_doc_free(doc);
}

static void test_radical(void)
{
	mbox b;
	folio_doc *doc = formula("<msqrt><mi>x</mi></msqrt>", 0, &b);
	if (doc == NULL)
		return;
	math_glyph_metrics x;
	math_glyph_measure(&env.mf, gid(0x1D465), SIZE, &x);
	fx t = KC(RADICAL_RULE_THICKNESS);
	const lay_item *r = rule_item(&b);
	OK(r != NULL);
	if (r) {
		INT_EQ(r->h, t);
		/* the gap above the base at least the font's */
		OK(-(r->y + t) - x.h >= KC(RADICAL_VERTICAL_GAP));
		INT_EQ(b.h, -r->y + KC(RADICAL_EXTRA_ASCENDER));
	}
	mbox_free(&b);
	folio_doc_free(doc);
}

static void test_operators(void)
{
	mbox b;
	folio_doc *doc = formula("<mi>a</mi><mo>=</mo><mi>b</mi><mo>+</mo><mi>c</mi>", 0, &b);
	if (doc == NULL)
		return;
	math_glyph_metrics a, eq, bm, plus;
	math_glyph_measure(&env.mf, gid(0x1D44E), SIZE, &a);
	math_glyph_measure(&env.mf, gid('='), SIZE, &eq);
	math_glyph_measure(&env.mf, gid(0x1D44F), SIZE, &bm);
	math_glyph_measure(&env.mf, gid('+'), SIZE, &plus);
	/* a relation: 5/18 em each side; a binary operator: 4/18 em */
	const lay_item *e = text_item(&b, 1), *bi = text_item(&b, 2), *ci = text_item(&b, 4);
	OK(e && bi && ci);
	if (e && bi && ci) {
		INT_EQ(e->x, a.adv + SIZE * 5 / 18);
		INT_EQ(bi->x, a.adv + SIZE * 5 / 18 + eq.adv + SIZE * 5 / 18);
		INT_EQ(ci->x, bi->x + bm.adv + SIZE * 4 / 18 + plus.adv + SIZE * 4 / 18);
	}
	mbox_free(&b);
	folio_doc_free(doc);

	/* a leading minus is a prefix: no space after it */
	doc = formula("<mo>−</mo><mi>x</mi>", 0, &b);
	if (doc) {
		math_glyph_metrics minus;
		math_glyph_measure(&env.mf, gid(0x2212), SIZE, &minus);
		const lay_item *xi = text_item(&b, 1);
		OK(xi && xi->x == minus.adv);
		mbox_free(&b);
		folio_doc_free(doc);
	}

	/* a large operator in display style: a variant at least the
	 * display operator height */
	doc = formula("<munderover><mo>∑</mo><mi>i</mi><mi>n</mi></munderover>", 1, &b);
	if (doc) {
		const lay_item *sum = NULL;
		for (int k = 0; (sum = text_item(&b, k)) != NULL; k++)
			if (sum->size == SIZE)
				break;
		OK(sum != NULL);
		if (sum) {
			OK(sum->g[0].cp != LAY_GID(gid(0x2211)));
			math_glyph_metrics m;
			math_glyph_measure(&env.mf, LAY_GID_OF(sum->g[0].cp), SIZE, &m);
			OK(m.h + m.d >= KC(DISPLAY_OPERATOR_MIN_HEIGHT));
		}
		mbox_free(&b);
		folio_doc_free(doc);
	}

	/* a fence grown to a fraction: a larger variant, covering it */
	doc = formula("<mo>(</mo><mfrac><mi>a</mi><mi>b</mi></mfrac><mo>)</mo>", 1, &b);
	if (doc) {
		const lay_item *open = text_item(&b, 0);
		OK(open && open->g[0].cp != LAY_GID(gid('(')));
		if (open) {
			math_glyph_metrics m;
			math_glyph_measure(&env.mf, LAY_GID_OF(open->g[0].cp), SIZE, &m);
			OK(m.h - open->y >= b.h - SIZE / 10);
		}
		mbox_free(&b);
		folio_doc_free(doc);
	}
}

static void test_limits(void)
{
	mbox b;
	folio_doc *doc = formula("<mspace width=\"1000cm\" height=\"2em\"/>", 0, &b);
	if (doc == NULL)
		return;
	INT_EQ(b.w, MATH_MAX_LENGTH);
	INT_EQ(b.h, 2 * SIZE);
	INT_EQ(got.warnings, 1);
	OK(diag_has(&got, "is more than 400 pt; it is set at 400 pt"));
	mbox_free(&b);
	folio_doc_free(doc);
	/* a fence asked to grow 10 m: clamped, and drawn */
	doc = formula("<mo minsize=\"1000cm\">(</mo><mi>x</mi>", 0, &b);
	if (doc) {
		OK(b.h + b.d <= MATH_MAX_LENGTH + SIZE);
		OK(text_item(&b, 0) != NULL);
		mbox_free(&b);
		folio_doc_free(doc);
	}
}

int main(void)
{
	lay_style st;
	folio_diag *diag = folio_diag_new(collect_diag, &got);
	folio_doc *none = folio_doc_new("t.xml");
	test_ctx_open(&ctx, none, diag, &st, NULL);
	ctx.arena = arena_new();
	OK(fonts_load_manifest(ctx.fonts, "fonts/fonts.conf") == 0);
	OK(math_font_open(&ctx, &env.mf));
	if (env.mf.hb) {
		test_fraction();
		test_scripts();
		test_radical();
		test_operators();
		test_limits();
	}
	test_ctx_close(&ctx);
	folio_doc_free(none);
	folio_diag_free(diag);
	DONE();
}
