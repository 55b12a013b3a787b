/*
 * math_font: the math face (math.h): MATH constants, glyph metrics,
 * italics correction, and operators grown by size variants or assembled
 * from parts (hb_ot_math_get_glyph_variants, hb_ot_math_get_glyph_assembly).
 * Glyphs are drawn by their ids (LAY_GID): variants and parts have no
 * code point.
 */
#include "layout/fonts_hb.h"
#include "layout/math.h"
#include "util/arena.h"

#include <stdlib.h>
#include <string.h>

int math_font_open(lay_ctx *c, math_font *mf)
{
	memset(mf, 0, sizeof *mf);
	mf->c = c;
	mf->face = fonts_find(c->fonts, MATH_FAMILY, "regular");
	if (mf->face < 0)
		return 0;
	mf->hb = fonts_hb_font(c->fonts, mf->face);
	if (mf->hb == NULL || !hb_ot_math_has_data(hb_font_get_face(mf->hb)))
		return 0;
	mf->upem = (int)hb_face_get_upem(hb_font_get_face(mf->hb));
	return mf->upem > 0;
}

fx math_units(const math_font *mf, int32_t units, fx size)
{
	return fx_muldiv(units, size, mf->upem);
}

fx math_constant(const math_font *mf, hb_ot_math_constant_t k, fx size)
{
	hb_position_t v = hb_ot_math_get_constant(mf->hb, k);
	if (k == HB_OT_MATH_CONSTANT_SCRIPT_PERCENT_SCALE_DOWN ||
	    k == HB_OT_MATH_CONSTANT_SCRIPT_SCRIPT_PERCENT_SCALE_DOWN ||
	    k == HB_OT_MATH_CONSTANT_RADICAL_DEGREE_BOTTOM_RAISE_PERCENT)
		return v;
	return math_units(mf, v, size);
}

hb_codepoint_t math_glyph(const math_font *mf, uint32_t cp)
{
	hb_codepoint_t g = 0;
	if (!hb_font_get_nominal_glyph(mf->hb, cp, &g))
		return 0;
	return g;
}

void math_glyph_measure(const math_font *mf, hb_codepoint_t g, fx size,
			math_glyph_metrics *m)
{
	hb_glyph_extents_t e = { 0 };
	hb_font_get_glyph_extents(mf->hb, g, &e);
	m->adv = math_units(mf, hb_font_get_glyph_h_advance(mf->hb, g), size);
	m->h = math_units(mf, e.y_bearing, size);
	m->d = -math_units(mf, e.y_bearing + e.height, size);
	m->ink_l = math_units(mf, e.x_bearing, size);
	m->ink_r = math_units(mf, e.x_bearing + e.width, size);
	m->ic = math_units(mf, hb_ot_math_get_glyph_italics_correction(mf->hb, g), size);
}

/* ---- boxes ---- */

void mbox_free(mbox *b)
{
	VEC_FREE(b->items);
}

void mbox_take(mbox *dst, mbox *src, fx dx, fx dy)
{
	VEC_GROW(dst->items, src->items.n);
	for (size_t i = 0; i < src->items.n; i++) {
		lay_item it = src->items.v[i];
		it.x += dx;
		it.y += dy;
		dst->items.v[dst->items.n++] = it;
	}
	mbox_free(src);
}

static void glyph_item(lay_ctx *c, mbox *b, int face, uint32_t code, fx size,
		       fx x, fx y)
{
	lay_item it = { 0 };
	it.kind = LI_TEXT;
	it.face = face;
	it.size = size;
	it.x = x;
	it.y = y;
	it.n = 1;
	if (!c->no_glyphs) {
		it.g = arena_alloc(c->glyph_arena ? c->glyph_arena : c->arena,
				   sizeof(lay_glyph));
		it.g[0].cp = code;
		it.g[0].x = 0;
	}
	VEC_PUSH(b->items, it);
}

void mbox_glyph(const math_font *mf, mbox *b, hb_codepoint_t g, fx size,
		fx x, fx y)
{
	glyph_item(mf->c, b, mf->face, LAY_GID(g), size, x, y);
}

void mbox_char(lay_ctx *c, mbox *b, int face, uint32_t cp, fx size, fx x, fx y)
{
	glyph_item(c, b, face, cp, size, x, y);
}

void mbox_rule(mbox *b, fx x, fx y, fx w, fx h)
{
	lay_item it = { 0 };
	it.kind = LI_RULE;
	it.x = x;
	it.y = y;
	it.w = w;
	it.h = h;
	VEC_PUSH(b->items, it);
}

/* ---- variants and assemblies ---- */

#define MAX_VARIANTS 32
#define MAX_PARTS 16
/* An assembly repeats its extenders at most this often: a bracket of
 * MATH_MAX_LENGTH needs far fewer. */
#define MAX_REPEATS 200

hb_codepoint_t math_large_variant(const math_font *mf, hb_codepoint_t g,
				  fx size, fx min_h)
{
	hb_ot_math_glyph_variant_t v[MAX_VARIANTS];
	unsigned n = MAX_VARIANTS;
	hb_ot_math_get_glyph_variants(mf->hb, g, HB_DIRECTION_BTT, 0, &n, v);
	for (unsigned i = 0; i < n; i++) {
		math_glyph_metrics m;
		math_glyph_measure(mf, v[i].glyph, size, &m);
		if (v[i].glyph != g && m.h + m.d >= min_h)
			return v[i].glyph;
	}
	return n > 1 ? v[n - 1].glyph : g;
}

static void box_of_glyph(const math_font *mf, hb_codepoint_t g, fx size, mbox *out)
{
	math_glyph_metrics m;
	math_glyph_measure(mf, g, size, &m);
	out->w = m.adv;
	out->h = m.h;
	out->d = m.d;
	out->ic = m.ic;
	mbox_glyph(mf, out, g, size, 0, 0);
}

/* Parts laid bottom to top (vertical) or left to right, the extenders
 * repeated as often as the length needs, the overlaps between parts
 * shrunk evenly to reach target exactly when they can. */
static int assemble(const math_font *mf, hb_codepoint_t g, fx size, fx target,
		    int vertical, mbox *out)
{
	hb_ot_math_glyph_part_t parts[MAX_PARTS];
	unsigned n = MAX_PARTS;
	hb_position_t ic = 0;
	unsigned total = hb_ot_math_get_glyph_assembly(
		mf->hb, g, vertical ? HB_DIRECTION_BTT : HB_DIRECTION_LTR, 0, &n,
		parts, &ic);
	if (total == 0 || n == 0 || total > MAX_PARTS)
		return 0;
	fx min_overlap = math_units(
		mf, hb_ot_math_get_min_connector_overlap(
			    mf->hb, vertical ? HB_DIRECTION_BTT : HB_DIRECTION_LTR),
		size);
	/* length with r repeats of each extender, at the least overlap */
	fx fixed = 0, ext = 0;
	unsigned nfixed = 0, next = 0;
	for (unsigned i = 0; i < n; i++) {
		fx a = math_units(mf, parts[i].full_advance, size);
		if (parts[i].flags & HB_OT_MATH_GLYPH_PART_FLAG_EXTENDER) {
			ext += a - min_overlap;
			next++;
		} else {
			fixed += a - min_overlap;
			nfixed++;
		}
	}
	unsigned reps = 0;
	if (next > 0 && ext > 0)
		while (reps < MAX_REPEATS && fixed + (fx)reps * ext + min_overlap < target)
			reps++;
	unsigned count = nfixed + reps * next;
	fx natural = fixed + (fx)reps * ext + min_overlap;
	/* spread the excess over the joints, never below the least overlap */
	fx excess = natural - target;
	fx shrink = 0;
	if (excess > 0 && count > 1) {
		shrink = excess / (fx)(count - 1);
		fx max_ov = 0;
		for (unsigned i = 0; i < n; i++) {
			fx sc = math_units(mf, parts[i].start_connector_length, size);
			fx ec = math_units(mf, parts[i].end_connector_length, size);
			fx lim = sc < ec ? sc : ec;
			max_ov = lim > max_ov ? lim : max_ov;
		}
		if (min_overlap + shrink > max_ov)
			shrink = max_ov > min_overlap ? max_ov - min_overlap : 0;
	}
	fx pos = 0; /* from the bottom (vertical) or the left */
	fx thick = 0;
	int first = 1;
	for (unsigned i = 0; i < n; i++) {
		unsigned times = (parts[i].flags & HB_OT_MATH_GLYPH_PART_FLAG_EXTENDER) ? reps : 1;
		for (unsigned t = 0; t < times; t++) {
			if (!first)
				pos -= min_overlap + shrink;
			first = 0;
			math_glyph_metrics m;
			math_glyph_measure(mf, parts[i].glyph, size, &m);
			if (vertical) {
				/* the part's bottom ink at pos above the box's
				 * bottom (which is at 0 here: moved later) */
				mbox_glyph(mf, out, parts[i].glyph, size, 0, -(pos + m.d));
				if (m.adv > thick)
					thick = m.adv;
			} else {
				mbox_glyph(mf, out, parts[i].glyph, size, pos, 0);
				if (m.h > out->h)
					out->h = m.h;
				if (m.d > out->d)
					out->d = m.d;
			}
			pos += math_units(mf, parts[i].full_advance, size);
		}
	}
	if (vertical) {
		out->w = thick;
		out->h = pos;
		out->d = 0;
	} else {
		out->w = pos;
	}
	out->ic = math_units(mf, ic, size);
	return 1;
}

int math_stretch(const math_font *mf, hb_codepoint_t g, fx size, fx target,
		 int vertical, mbox *out)
{
	memset(out, 0, sizeof *out);
	hb_ot_math_glyph_variant_t v[MAX_VARIANTS];
	unsigned n = MAX_VARIANTS;
	hb_ot_math_get_glyph_variants(mf->hb, g, vertical ? HB_DIRECTION_BTT : HB_DIRECTION_LTR,
				      0, &n, v);
	for (unsigned i = 0; i < n; i++) {
		math_glyph_metrics m;
		math_glyph_measure(mf, v[i].glyph, size, &m);
		fx len = vertical ? m.h + m.d : m.ink_r - m.ink_l;
		if (len >= target) {
			box_of_glyph(mf, v[i].glyph, size, out);
			return 1;
		}
	}
	if (assemble(mf, g, size, target, vertical, out))
		return 1;
	if (n > 0) {
		box_of_glyph(mf, v[n - 1].glyph, size, out);
		return 1;
	}
	return 0;
}
