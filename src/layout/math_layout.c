/*
 * math_layout: MathML elements to boxes (math.h), after MathML Core's
 * layout algorithms, every shift, gap and thickness a MATH constant of
 * the math font.  One function per element in a table by element
 * (folio_mml); a row lays its children out, then grows its stretchy
 * operators to the height of the rest and spaces its operators by the
 * dictionary.  The layout recurses over the MathML subtree, at most
 * FOLIO_MML_MAX_DEPTH deep (deeper content is set as its linear form,
 * with a warning); the reader's nesting limit bounds it before that.
 */
#include "folio/mathml.h"
#include "layout/math.h"
#include "util/arena.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

enum variant { V_AUTO, V_NORMAL, V_BOLD, V_ITALIC, V_BOLD_ITALIC };

typedef struct mstyle {
	fx size;
	int level;     /* scriptlevel */
	int display;   /* displaystyle */
	int cramped;
	int variant;   /* enum variant, inherited through mstyle */
} mstyle;

typedef void (*layout_fn)(math_env *e, const folio_node *n, mstyle st,
			  unsigned depth, mbox *out);

static void lay(math_env *e, const folio_node *n, mstyle st, unsigned depth,
		mbox *out);

#define K(name) math_constant(&e->mf, HB_OT_MATH_CONSTANT_##name, st.size)

/* ---- warnings and lengths ---- */

enum warn_bits { W_DEEP = 1, W_LONG = 2 };

static void warn(math_env *e, const folio_node *n, unsigned bit, const char *msg)
{
	lay_ctx *c = e->mf.c;
	if ((e->warned & bit) || c->quiet)
		return;
	e->warned |= bit;
	folio_report(c->diag, FOLIO_WARNING, n->loc, "%s", msg);
}

static fx clamp_length(math_env *e, const folio_node *n, fx v)
{
	if (v > MATH_MAX_LENGTH || v < -MATH_MAX_LENGTH) {
		warn(e, n, W_LONG,
		     "a length in this formula is more than 400 pt; it is set at 400 pt (folio's limit)");
		return v > 0 ? MATH_MAX_LENGTH : -MATH_MAX_LENGTH;
	}
	return v;
}

static const struct named_space {
	const char *name;
	int eighteenths;
} named_spaces[] = {
	{ "veryverythinmathspace", 1 }, { "verythinmathspace", 2 },
	{ "thinmathspace", 3 }, { "mediummathspace", 4 }, { "thickmathspace", 5 },
	{ "verythickmathspace", 6 }, { "veryverythickmathspace", 7 },
};

/* A MathML length: "2em", "0.5ex", "3pt", "10%" (of rel), a bare
 * number (times rel), a named space.  *sign: '+' or '-' when the value
 * is an increment.  0 when unreadable. */
static int parse_length(const char *s, fx size, fx rel, fx *out, char *sign)
{
	while (*s == ' ')
		s++;
	*sign = 0;
	if (*s == '+' || *s == '-')
		*sign = *s++;
	for (size_t i = 0; i < sizeof named_spaces / sizeof *named_spaces; i++)
		if (strcmp(s, named_spaces[i].name) == 0) {
			*out = size * named_spaces[i].eighteenths / 18;
			return 1;
		}
	char *end;
	double v = strtod(s, &end);
	if (end == s || v != v)
		return 0;
	while (*end == ' ')
		end++;
	double unit;
	if (strncmp(end, "em", 2) == 0) unit = size;
	else if (strncmp(end, "ex", 2) == 0) unit = size * 0.43;
	else if (strncmp(end, "pt", 2) == 0) unit = FX_PT;
	else if (strncmp(end, "px", 2) == 0) unit = FX_PT * 0.75;
	else if (strncmp(end, "cm", 2) == 0) unit = FX_MM * 10.0;
	else if (strncmp(end, "mm", 2) == 0) unit = FX_MM;
	else if (strncmp(end, "in", 2) == 0) unit = FX_PT * 72.0;
	else if (strncmp(end, "pc", 2) == 0) unit = FX_PT * 12.0;
	else if (*end == '%') unit = rel / 100.0;
	else if (*end == '\0') unit = rel;
	else return 0;
	double r = v * unit;
	if (r > 1e9)
		r = 1e9;
	if (r < -1e9)
		r = -1e9;
	*out = (fx)r;
	return 1;
}

static fx attr_length(math_env *e, const folio_node *n, const char *name,
		      fx size, fx dflt)
{
	const char *a = folio_node_attr(n, name);
	fx v;
	char sign;
	if (a == NULL || !parse_length(a, size, dflt, &v, &sign))
		return dflt;
	if (sign == '-')
		v = -v;
	return clamp_length(e, n, v);
}

/* ---- styles ---- */

static fx level_size(math_env *e, int level)
{
	const math_font *mf = &e->mf;
	fx s = e->base_size;
	if (level >= 1)
		s = s * math_constant(mf, HB_OT_MATH_CONSTANT_SCRIPT_PERCENT_SCALE_DOWN, 0) / 100;
	if (level >= 2)
		s = e->base_size *
		    math_constant(mf, HB_OT_MATH_CONSTANT_SCRIPT_SCRIPT_PERCENT_SCALE_DOWN, 0) / 100;
	for (int i = 2; i < level && s > 5 * FX_PT; i++)
		s = s * 71 / 100;
	return s < 5 * FX_PT ? 5 * FX_PT : s;
}

static mstyle at_level(math_env *e, mstyle st, int level)
{
	st.level = level < 0 ? 0 : level > 8 ? 8 : level;
	st.size = level_size(e, st.level);
	return st;
}

/* The style of scripts, limits and fraction parts. */
static mstyle script_style(math_env *e, mstyle st)
{
	st.display = 0;
	return at_level(e, st, st.level + 1);
}

static mstyle fraction_part(math_env *e, mstyle st)
{
	if (st.display) {
		st.display = 0;
		return st;
	}
	return at_level(e, st, st.level + 1);
}

/* ---- children ---- */

static const folio_node *child(const folio_node *n, unsigned i)
{
	for (const folio_node *c = n->first; c; c = c->next)
		if (c->kind == FOLIO_NODE_MATHML && i-- == 0)
			return c;
	return NULL;
}

static unsigned nchildren(const folio_node *n)
{
	unsigned k = 0;
	for (const folio_node *c = n->first; c; c = c->next)
		k += c->kind == FOLIO_NODE_MATHML;
	return k;
}

/* The operator an element is, or is embellished by: an mo, or an
 * msub/munder.../mrow of one whose first child is one. */
static const folio_node *core_op(const folio_node *n)
{
	for (int guard = 0; n && guard < 16; guard++) {
		switch (folio_mml_of(n)) {
		case FOLIO_MML_MO:
			return n;
		case FOLIO_MML_MSUB: case FOLIO_MML_MSUP: case FOLIO_MML_MSUBSUP:
		case FOLIO_MML_MUNDER: case FOLIO_MML_MOVER: case FOLIO_MML_MUNDEROVER:
		case FOLIO_MML_MMULTISCRIPTS: case FOLIO_MML_MFRAC:
			n = child(n, 0);
			break;
		case FOLIO_MML_MROW: case FOLIO_MML_MSTYLE: case FOLIO_MML_MPADDED:
			if (nchildren(n) != 1)
				return NULL;
			n = child(n, 0);
			break;
		default:
			return NULL;
		}
	}
	return NULL;
}

static const char *token_text(math_env *e, const folio_node *n)
{
	return folio_math_linear_made(e->mf.c->doc, n);
}

/* ---- tokens ---- */

/* Mathematical italic and bold letters (U+1D400...), as MathML maps a
 * single-letter mi and mathvariant. */
static uint32_t styled(uint32_t cp, int variant)
{
	static const uint32_t latin[] = { 0, 0, 0x1D400, 0x1D434, 0x1D468 };
	static const uint32_t greek[] = { 0, 0, 0x1D6C2, 0x1D6FC, 0x1D736 };
	if (variant <= V_NORMAL)
		return cp;
	if (cp >= 'A' && cp <= 'Z')
		return latin[variant] + (cp - 'A');
	if (cp >= 'a' && cp <= 'z') {
		if (cp == 'h' && variant == V_ITALIC)
			return 0x210E;
		return latin[variant] + 26 + (cp - 'a');
	}
	if (cp >= 0x3B1 && cp <= 0x3C9)
		return greek[variant] + (cp - 0x3B1);
	if (cp >= '0' && cp <= '9' && (variant == V_BOLD || variant == V_BOLD_ITALIC))
		return 0x1D7CE + (cp - '0');
	return cp;
}

static int variant_of(const folio_node *n, int inherited)
{
	const char *v = folio_node_attr(n, "mathvariant");
	if (v == NULL)
		return inherited;
	if (strcmp(v, "normal") == 0) return V_NORMAL;
	if (strcmp(v, "bold") == 0) return V_BOLD;
	if (strcmp(v, "italic") == 0) return V_ITALIC;
	if (strcmp(v, "bold-italic") == 0) return V_BOLD_ITALIC;
	return inherited;
}

/* A run of text in the math face (characters it lacks from the text
 * faces), from x = 0 on the baseline. */
static void set_text(math_env *e, const char *text, int variant, mstyle st,
		     mbox *out)
{
	lay_ctx *c = e->mf.c;
	size_t len = strlen(text);
	fx x = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(text + i, len - i, &cp);
		i += k ? k : 1;
		uint32_t sc = styled(cp, variant);
		hb_codepoint_t g = math_glyph(&e->mf, sc);
		if (g == 0 && sc != cp)
			g = math_glyph(&e->mf, cp);
		if (g) {
			math_glyph_metrics m;
			math_glyph_measure(&e->mf, g, st.size, &m);
			mbox_glyph(&e->mf, out, g, st.size, x, 0);
			x += m.adv;
			out->h = m.h > out->h ? m.h : out->h;
			out->d = m.d > out->d ? m.d : out->d;
			out->ic = m.ic;
			continue;
		}
		int face = fonts_cover(c->fonts, c->text_face[FS_REGULAR], cp);
		if (face < 0) {
			ctx_missing_glyph(c, cp, e->root);
			continue;
		}
		mbox_char(c, out, face, cp, st.size, x, 0);
		x += fonts_advance(c->fonts, face, cp, st.size);
		out->h = out->h > st.size * 7 / 10 ? out->h : st.size * 7 / 10;
		out->d = out->d > st.size / 5 ? out->d : st.size / 5;
		out->ic = 0;
	}
	out->w = x;
}

static void l_token(math_env *e, const folio_node *n, mstyle st, unsigned depth,
		    mbox *out)
{
	(void)depth;
	const char *t = token_text(e, n);
	int variant = variant_of(n, st.variant);
	if (variant == V_AUTO && folio_mml_of(n) == FOLIO_MML_MI &&
	    utf8_length(t, strlen(t)) == 1)
		variant = V_ITALIC;
	if (variant == V_AUTO)
		variant = V_NORMAL;
	if (folio_mml_of(n) == FOLIO_MML_MS) {
		char *q = arena_printf(e->mf.c->arena, "\"%s\"", t);
		t = q;
	}
	set_text(e, t, variant, st, out);
	if (variant != V_ITALIC && variant != V_BOLD_ITALIC)
		out->ic = 0;
	out->single_glyph = out->items.n == 1;
}

/* ---- operators ---- */

static int op_form(const folio_node *n, unsigned index, unsigned count)
{
	const char *f = folio_node_attr(n, "form");
	if (f && strcmp(f, "prefix") == 0) return MATH_PREFIX;
	if (f && strcmp(f, "postfix") == 0) return MATH_POSTFIX;
	if (f && strcmp(f, "infix") == 0) return MATH_INFIX;
	if (count <= 1)
		return MATH_INFIX;
	return index == 0 ? MATH_PREFIX : index + 1 == count ? MATH_POSTFIX : MATH_INFIX;
}

static int flag_attr(const folio_node *n, const char *name, int dflt)
{
	const char *a = folio_node_attr(n, name);
	if (a == NULL)
		return dflt;
	return strcmp(a, "true") == 0;
}

/* An mo: a large operator larger in display style, centred on the
 * axis; a stretchy one grown to cover [axis - half, axis + half] when
 * half > 0. */
static void set_op(math_env *e, const folio_node *n, mstyle st, int form,
		   fx half, mbox *out)
{
	const char *t = token_text(e, n);
	math_op op = math_op_lookup(t, form);
	uint32_t cp;
	size_t len = strlen(t);
	int single = len && utf8_decode(t, len, &cp) == len;
	hb_codepoint_t g = single ? math_glyph(&e->mf, cp) : 0;
	int large = flag_attr(n, "largeop", (op.flags & MATH_OP_LARGEOP) != 0);
	int stretchy = flag_attr(n, "stretchy", (op.flags & MATH_OP_STRETCHY) != 0);
	fx axis = K(AXIS_HEIGHT);
	fx minsize = attr_length(e, n, "minsize", st.size, 0);
	if (minsize / 2 > half && stretchy)
		half = minsize / 2;
	if (g && large && st.display) {
		g = math_large_variant(&e->mf, g, st.size, K(DISPLAY_OPERATOR_MIN_HEIGHT));
	} else if (g && stretchy && half > 0) {
		mbox grown;
		if (math_stretch(&e->mf, g, st.size, 2 * half, 1, &grown)) {
			fx dy = (grown.h - grown.d) / 2 - axis;
			*out = grown;
			for (size_t i = 0; i < out->items.n; i++)
				out->items.v[i].y += dy;
			out->h = grown.h - dy;
			out->d = grown.d + dy;
			return;
		}
	}
	if (g == 0) {
		set_text(e, t, V_NORMAL, st, out);
		out->ic = 0;
		return;
	}
	math_glyph_metrics m;
	math_glyph_measure(&e->mf, g, st.size, &m);
	fx dy = 0;
	if (large || (stretchy && (op.flags & MATH_OP_SYMMETRIC)))
		dy = (m.h - m.d) / 2 - axis; /* centred on the axis */
	if (!large)
		dy = 0;
	mbox_glyph(&e->mf, out, g, st.size, 0, dy);
	out->w = m.adv;
	out->h = m.h - dy;
	out->d = m.d + dy;
	out->ic = large ? m.ic : 0;
	out->single_glyph = 1;
}

static void l_mo(math_env *e, const folio_node *n, mstyle st, unsigned depth,
		 mbox *out)
{
	(void)depth;
	set_op(e, n, st, op_form(n, 0, 1), 0, out);
}

/* ---- rows ---- */

#define ROW_MAX 4096

typedef struct row_item {
	const folio_node *n;
	const folio_node *op;   /* its core operator, or NULL */
	mbox box;
	int deferred;           /* a stretchy operator, set after the rest */
} row_item;

static void l_row(math_env *e, const folio_node *n, mstyle st, unsigned depth,
		  mbox *out)
{
	unsigned count = nchildren(n);
	if (count > ROW_MAX)
		count = ROW_MAX;
	row_item *v = calloc(count ? count : 1, sizeof *v);
	unsigned k = 0;
	fx h = 0, d = 0;
	for (const folio_node *c = n->first; c && k < count; c = c->next) {
		if (c->kind != FOLIO_NODE_MATHML)
			continue;
		row_item *it = &v[k++];
		it->n = c;
		it->op = core_op(c);
		if (it->op == c && count > 1) {
			const char *t = token_text(e, c);
			math_op op = math_op_lookup(t, op_form(c, k - 1, count));
			it->deferred = flag_attr(c, "stretchy", (op.flags & MATH_OP_STRETCHY) != 0);
		}
		if (it->deferred)
			continue;
		lay(e, c, st, depth + 1, &it->box);
		h = it->box.h > h ? it->box.h : h;
		d = it->box.d > d ? it->box.d : d;
	}
	fx axis = K(AXIS_HEIGHT);
	fx half = h - axis > d + axis ? h - axis : d + axis;
	half = clamp_length(e, n, half);
	fx x = 0;
	for (unsigned i = 0; i < k; i++) {
		row_item *it = &v[i];
		int form = op_form(it->op ? it->op : it->n, i, k);
		if (it->deferred)
			set_op(e, it->n, st, form, half, &it->box);
		fx ls = 0, rs = 0;
		if (it->op) {
			math_op op = math_op_lookup(token_text(e, it->op), form);
			fx em = st.size;
			ls = attr_length(e, it->op, "lspace", em, em * op.lspace / 18);
			rs = attr_length(e, it->op, "rspace", em, em * op.rspace / 18);
		}
		x += ls;
		out->h = it->box.h > out->h ? it->box.h : out->h;
		out->d = it->box.d > out->d ? it->box.d : out->d;
		out->ic = it->box.ic;
		fx w = it->box.w;
		mbox_take(out, &it->box, x, 0);
		x += w + rs;
	}
	out->w = x;
	out->single_glyph = k == 1 && out->items.n == 1;
	free(v);
}

/* ---- fractions ---- */

static void l_mfrac(math_env *e, const folio_node *n, mstyle st, unsigned depth,
		    mbox *out)
{
	mbox num = { 0 }, den = { 0 };
	mstyle ns = fraction_part(e, st), ds = ns;
	ds.cramped = 1;
	if (child(n, 0))
		lay(e, child(n, 0), ns, depth + 1, &num);
	if (child(n, 1))
		lay(e, child(n, 1), ds, depth + 1, &den);
	fx axis = K(AXIS_HEIGHT);
	fx t = K(FRACTION_RULE_THICKNESS);
	const char *lt = folio_node_attr(n, "linethickness");
	if (lt) {
		if (strcmp(lt, "thin") == 0) t /= 2;
		else if (strcmp(lt, "medium") == 0) { /* as is */ }
		else if (strcmp(lt, "thick") == 0) t *= 2;
		else t = attr_length(e, n, "linethickness", st.size, t);
		if (t < 0)
			t = 0;
	}
	fx up, down;
	if (t > 0) {
		up = st.display ? K(FRACTION_NUMERATOR_DISPLAY_STYLE_SHIFT_UP)
				: K(FRACTION_NUMERATOR_SHIFT_UP);
		down = st.display ? K(FRACTION_DENOMINATOR_DISPLAY_STYLE_SHIFT_DOWN)
				  : K(FRACTION_DENOMINATOR_SHIFT_DOWN);
		fx ngap = st.display ? K(FRACTION_NUM_DISPLAY_STYLE_GAP_MIN)
				     : K(FRACTION_NUMERATOR_GAP_MIN);
		fx dgap = st.display ? K(FRACTION_DENOM_DISPLAY_STYLE_GAP_MIN)
				     : K(FRACTION_DENOMINATOR_GAP_MIN);
		if (up < ngap + axis + t / 2 + num.d)
			up = ngap + axis + t / 2 + num.d;
		if (down < dgap - axis + t / 2 + den.h)
			down = dgap - axis + t / 2 + den.h;
	} else {
		up = st.display ? K(STACK_TOP_DISPLAY_STYLE_SHIFT_UP) : K(STACK_TOP_SHIFT_UP);
		down = st.display ? K(STACK_BOTTOM_DISPLAY_STYLE_SHIFT_DOWN)
				  : K(STACK_BOTTOM_SHIFT_DOWN);
		fx gap = st.display ? K(STACK_DISPLAY_STYLE_GAP_MIN) : K(STACK_GAP_MIN);
		fx have = (up - num.d) - (den.h - down);
		if (have < gap) {
			up += (gap - have) / 2;
			down += (gap - have) - (gap - have) / 2;
		}
	}
	/* a little room either side, as TeX's null delimiters give */
	fx pad = st.size / 10;
	fx w = num.w > den.w ? num.w : den.w;
	out->w = w + 2 * pad;
	out->h = up + num.h;
	out->d = down + den.d;
	if (t > 0) {
		mbox_rule(out, 0, -(axis + t / 2), out->w, t);
		if (out->h < axis + t / 2)
			out->h = axis + t / 2;
	}
	fx nw = num.w, dw = den.w;
	mbox_take(out, &num, pad + (w - nw) / 2, -up);
	mbox_take(out, &den, pad + (w - dw) / 2, down);
}

/* ---- radicals ---- */

static void radical(math_env *e, const folio_node *n, mstyle st, mbox *base,
		    mbox *index, mbox *out)
{
	fx t = K(RADICAL_RULE_THICKNESS);
	fx gap = st.display ? K(RADICAL_DISPLAY_STYLE_VERTICAL_GAP) : K(RADICAL_VERTICAL_GAP);
	fx extra = K(RADICAL_EXTRA_ASCENDER);
	fx need = clamp_length(e, n, base->h + base->d + gap + t);
	mbox rad = { 0 };
	hb_codepoint_t g = math_glyph(&e->mf, 0x221A);
	if (g == 0 || !math_stretch(&e->mf, g, st.size, need, 1, &rad)) {
		rad.w = st.size / 2;
		rad.h = need;
	}
	fx total = rad.h + rad.d;
	if (total > need)
		gap += (total - need) / 2;
	/* the radical's top meets the rule's top */
	fx top = base->h + gap + t;
	fx dy = rad.h - top;
	fx x0 = 0;
	if (index) {
		fx before = K(RADICAL_KERN_BEFORE_DEGREE);
		fx after = K(RADICAL_KERN_AFTER_DEGREE);
		fx raise = math_constant(&e->mf,
					 HB_OT_MATH_CONSTANT_RADICAL_DEGREE_BOTTOM_RAISE_PERCENT, 0);
		fx bottom = rad.d + dy; /* the radical's bottom, below the baseline */
		fx iy = bottom - total * raise / 100 - index->d;
		fx iw = index->w;
		if (-iy + index->h > top + extra)
			out->h = -iy + index->h;
		mbox_take(out, index, before, iy);
		x0 = before + iw + after;
		if (x0 < 0)
			x0 = 0;
	}
	fx rw = rad.w;
	for (size_t i = 0; i < rad.items.n; i++)
		rad.items.v[i].y += dy;
	fx rd = rad.d + dy;
	mbox_take(out, &rad, x0, 0);
	fx bw = base->w;
	mbox_rule(out, x0 + rw, -top, bw, t);
	mbox_take(out, base, x0 + rw, 0);
	out->w = x0 + rw + bw;
	if (out->h < top + extra)
		out->h = top + extra;
	out->d = base->d > rd ? base->d : rd;
}

static void l_msqrt(math_env *e, const folio_node *n, mstyle st, unsigned depth,
		    mbox *out)
{
	mbox base = { 0 };
	mstyle bs = st;
	bs.cramped = 1;
	l_row(e, n, bs, depth, &base);
	radical(e, n, st, &base, NULL, out);
}

static void l_mroot(math_env *e, const folio_node *n, mstyle st, unsigned depth,
		    mbox *out)
{
	mbox base = { 0 }, index = { 0 };
	mstyle bs = st;
	bs.cramped = 1;
	if (child(n, 0))
		lay(e, child(n, 0), bs, depth + 1, &base);
	mstyle is = at_level(e, st, st.level + 2);
	is.display = 0;
	if (child(n, 1))
		lay(e, child(n, 1), is, depth + 1, &index);
	radical(e, n, st, &base, &index, out);
}

/* ---- scripts ---- */

/* Sub- and superscript shifts of one base (MathML Core 3.4.3). */
static void script_shifts(math_env *e, mstyle st, const mbox *base,
			  const mbox *sub, const mbox *sup, fx *u, fx *v)
{
	fx bh = base->single_glyph ? 0 : base->h;
	fx bd = base->single_glyph ? 0 : base->d;
	*u = 0;
	*v = 0;
	if (sub) {
		*u = K(SUBSCRIPT_SHIFT_DOWN);
		if (*u < bd + K(SUBSCRIPT_BASELINE_DROP_MIN))
			*u = bd + K(SUBSCRIPT_BASELINE_DROP_MIN);
		if (*u < sub->h - K(SUBSCRIPT_TOP_MAX))
			*u = sub->h - K(SUBSCRIPT_TOP_MAX);
	}
	if (sup) {
		*v = st.cramped ? K(SUPERSCRIPT_SHIFT_UP_CRAMPED) : K(SUPERSCRIPT_SHIFT_UP);
		if (*v < bh - K(SUPERSCRIPT_BASELINE_DROP_MAX))
			*v = bh - K(SUPERSCRIPT_BASELINE_DROP_MAX);
		if (*v < K(SUPERSCRIPT_BOTTOM_MIN) + sup->d)
			*v = K(SUPERSCRIPT_BOTTOM_MIN) + sup->d;
	}
	if (sub && sup) {
		fx gap = (*v - sup->d) - (sub->h - *u);
		fx want = K(SUB_SUPERSCRIPT_GAP_MIN);
		if (gap < want) {
			fx up = K(SUPERSCRIPT_BOTTOM_MAX_WITH_SUBSCRIPT) - (*v - sup->d);
			if (up > want - gap)
				up = want - gap;
			if (up > 0) {
				*v += up;
				gap += up;
			}
			if (gap < want)
				*u += want - gap;
		}
	}
}

static void attach_scripts(math_env *e, mstyle st, mbox *base, mbox *sub,
			   mbox *sup, mbox *out)
{
	fx u, v;
	script_shifts(e, st, base, sub, sup, &u, &v);
	fx bw = base->w, ic = base->ic;
	out->h = base->h;
	out->d = base->d;
	mbox_take(out, base, 0, 0);
	fx w = 0;
	if (sub) {
		/* a large operator's subscript goes under its slant */
		fx sx = bw - (ic > 0 && sup ? ic : 0);
		if (sx < 0)
			sx = 0;
		if (sub->d + u > out->d)
			out->d = sub->d + u;
		if (sub->h - u > out->h)
			out->h = sub->h - u;
		w = sx + sub->w - bw;
		mbox_take(out, sub, sx, u);
	}
	if (sup) {
		fx sx = bw + (sub ? 0 : ic);
		if (sub && ic > 0)
			sx = bw;
		if (sup->h + v > out->h)
			out->h = sup->h + v;
		if (v < 0 && sup->d - v > out->d)
			out->d = sup->d - v;
		if (sx + sup->w - bw > w)
			w = sx + sup->w - bw;
		mbox_take(out, sup, sx, -v);
	}
	out->w = bw + w + K(SPACE_AFTER_SCRIPT);
}

static void l_scripts(math_env *e, const folio_node *n, mstyle st, unsigned depth,
		      mbox *out)
{
	folio_mml m = folio_mml_of(n);
	mbox base = { 0 }, a = { 0 }, b = { 0 };
	if (child(n, 0))
		lay(e, child(n, 0), st, depth + 1, &base);
	mstyle ss = script_style(e, st);
	mstyle subs = ss;
	subs.cramped = 1;
	mbox *sub = NULL, *sup = NULL;
	if (m == FOLIO_MML_MSUB || m == FOLIO_MML_MSUBSUP || m == FOLIO_MML_MUNDER ||
	    m == FOLIO_MML_MUNDEROVER) {
		if (child(n, 1))
			lay(e, child(n, 1), subs, depth + 1, &a);
		sub = &a;
	}
	if (m == FOLIO_MML_MSUP || m == FOLIO_MML_MOVER) {
		if (child(n, 1))
			lay(e, child(n, 1), ss, depth + 1, &b);
		sup = &b;
	}
	if (m == FOLIO_MML_MSUBSUP || m == FOLIO_MML_MUNDEROVER) {
		if (child(n, 2))
			lay(e, child(n, 2), ss, depth + 1, &b);
		sup = &b;
	}
	attach_scripts(e, st, &base, sub, sup, out);
}

/* ---- limits and accents ---- */

static uint32_t accent_char(uint32_t cp)
{
	switch (cp) {
	case '^': case 0x2C6: return 0x302;
	case '~': case 0x2DC: return 0x303;
	case 0x2D9: case '.': return 0x307;
	case 0xA8: return 0x308;
	case 0x2C7: return 0x30C;
	case 0x2192: return 0x20D7;
	default: return 0;
	}
}

static int is_bar(uint32_t cp)
{
	return cp == 0xAF || cp == 0x203E || cp == 0x2C9 || cp == '_' || cp == 0x2015;
}

/* An accent over base: a bar is a rule as wide as the base; another
 * mark is its combining form, the variant as wide as the base, centred
 * on the base (at its top accent attachment when it is one glyph). */
static int accent_over(math_env *e, const folio_node *acc, mstyle st, mbox *base,
		       mbox *out)
{
	const folio_node *op = folio_mml_of(acc) == FOLIO_MML_MO ? acc : NULL;
	if (op == NULL)
		return 0;
	const char *t = token_text(e, op);
	uint32_t cp;
	size_t len = strlen(t);
	if (len == 0 || utf8_decode(t, len, &cp) != len)
		return 0;
	fx bh = base->h, bw = base->w;
	fx lift = bh - K(ACCENT_BASE_HEIGHT);
	if (lift < 0)
		lift = 0;
	/* a bar is a rule as wide as the base; over one slanted letter a
	 * little in from its ends and moved with its slant */
	if (is_bar(cp)) {
		fx th = K(OVERBAR_RULE_THICKNESS);
		fx gap = K(OVERBAR_VERTICAL_GAP);
		out->h = bh + gap + th + K(OVERBAR_EXTRA_ASCENDER);
		out->d = base->d;
		out->w = bw;
		fx inset = base->single_glyph ? bw / 10 : 0;
		fx skew = base->ic > 0 ? base->ic / 2 : 0;
		mbox_rule(out, inset + skew, -(bh + gap + th), bw - 2 * inset, th);
		out->ic = base->ic;
		mbox_take(out, base, 0, 0);
		return 1;
	}
	uint32_t comb = accent_char(cp);
	hb_codepoint_t g = math_glyph(&e->mf, comb ? comb : cp);
	if (g == 0)
		return 0;
	mbox a = { 0 };
	/* over one letter the mark's own size; over more, as wide */
	if (!math_stretch(&e->mf, g, st.size, base->single_glyph ? 0 : bw * 9 / 10, 0, &a))
		return 0;
	hb_codepoint_t ag = LAY_GID_OF(a.items.v[0].g ? a.items.v[0].g[0].cp : LAY_GID(g));
	math_glyph_metrics m;
	math_glyph_measure(&e->mf, ag, st.size, &m);
	fx center = base->single_glyph ? base->w / 2 + base->ic / 2 : bw / 2;
	fx ax = center - (m.ink_l + m.ink_r) / 2;
	/* a combining mark sits above an x-height base: lifted by what the
	 * base is taller; another glyph stands a gap above the base */
	fx ay = comb ? -lift : -(bh + st.size / 20) - m.d;
	out->w = bw;
	out->d = base->d;
	out->h = m.h - ay > bh ? m.h - ay : bh;
	out->ic = base->ic;
	mbox_take(out, base, 0, 0);
	mbox_take(out, &a, ax, ay);
	return 1;
}

static void l_underover(math_env *e, const folio_node *n, mstyle st, unsigned depth,
			mbox *out)
{
	folio_mml m = folio_mml_of(n);
	const folio_node *base_n = child(n, 0);
	const folio_node *op = core_op(base_n);
	int movable = 0;
	if (op) {
		math_op o = math_op_lookup(token_text(e, op), MATH_PREFIX);
		movable = flag_attr(op, "movablelimits", (o.flags & MATH_OP_MOVABLE) != 0);
	}
	if (movable && !st.display) {
		l_scripts(e, n, st, depth, out);
		return;
	}
	const folio_node *under_n = m == FOLIO_MML_MOVER ? NULL : child(n, 1);
	const folio_node *over_n = m == FOLIO_MML_MUNDER ? NULL
				   : child(n, m == FOLIO_MML_MOVER ? 1 : 2);
	mbox base = { 0 };
	if (base_n)
		lay(e, base_n, st, depth + 1, &base);
	/* an accent over a base: in the base's size */
	if (over_n && under_n == NULL) {
		const folio_node *oop = core_op(over_n);
		int accent = oop && (math_op_lookup(token_text(e, oop), MATH_POSTFIX).flags &
				     MATH_OP_ACCENT);
		accent = flag_attr(n, "accent", accent);
		if (accent && accent_over(e, over_n, st, &base, out))
			return;
	}
	mstyle ss = script_style(e, st);
	mbox under = { 0 }, over = { 0 };
	if (under_n)
		lay(e, under_n, ss, depth + 1, &under);
	if (over_n)
		lay(e, over_n, ss, depth + 1, &over);
	fx w = base.w;
	if (under_n && under.w > w) w = under.w;
	if (over_n && over.w > w) w = over.w;
	/* an integral's limits follow its slant; a sum's are centred */
	fx ic = movable ? 0 : base.ic;
	out->w = w;
	out->h = base.h;
	out->d = base.d;
	if (over_n) {
		fx gap = K(UPPER_LIMIT_GAP_MIN);
		if (gap < K(UPPER_LIMIT_BASELINE_RISE_MIN) - over.d)
			gap = K(UPPER_LIMIT_BASELINE_RISE_MIN) - over.d;
		fx y = -(base.h + gap + over.d);
		out->h = base.h + gap + over.d + over.h;
		fx ow = over.w;
		mbox_take(out, &over, (w - ow) / 2 + ic / 2, y);
	}
	if (under_n) {
		fx gap = K(LOWER_LIMIT_GAP_MIN);
		if (gap < K(LOWER_LIMIT_BASELINE_DROP_MIN) - under.h)
			gap = K(LOWER_LIMIT_BASELINE_DROP_MIN) - under.h;
		fx y = base.d + gap + under.h;
		out->d = y + under.d;
		fx uw = under.w;
		mbox_take(out, &under, (w - uw) / 2 - ic / 2, y);
	}
	fx bw = base.w;
	mbox_take(out, &base, (w - bw) / 2, 0);
}

/* ---- pre- and postscripts ---- */

static void l_multiscripts(math_env *e, const folio_node *n, mstyle st,
			   unsigned depth, mbox *out)
{
	mbox base = { 0 };
	const folio_node *b = child(n, 0);
	if (b)
		lay(e, b, st, depth + 1, &base);
	mstyle ss = script_style(e, st), subs = ss;
	subs.cramped = 1;
	/* two passes: the shifts from every script, then placing them */
	mbox post_sub = { 0 }, post_sup = { 0 }, pre_sub = { 0 }, pre_sup = { 0 };
	int pre = 0, idx = 0;
	fx post_x = 0, pre_w = 0;
	mbox *subs_v[64], *sups_v[64];
	int pre_of[64];
	int np = 0;
	for (const folio_node *c = b ? b->next : NULL; c && np < 64; c = c->next) {
		if (c->kind != FOLIO_NODE_MATHML)
			continue;
		if (folio_mml_of(c) == FOLIO_MML_MPRESCRIPTS) {
			pre = 1;
			idx = 0;
			continue;
		}
		mbox *box = calloc(1, sizeof *box);
		if (folio_mml_of(c) != FOLIO_MML_NONE)
			lay(e, c, idx % 2 ? ss : subs, depth + 1, box);
		if (idx % 2 == 0) {
			subs_v[np] = box;
			sups_v[np] = NULL;
			pre_of[np] = pre;
		} else {
			sups_v[np++] = box;
		}
		idx++;
	}
	if (idx % 2 == 1 && np < 64)
		np++;
	(void)post_sub; (void)post_sup; (void)pre_sub; (void)pre_sup;
	mbox maxsub = { 0 }, maxsup = { 0 };
	for (int i = 0; i < np; i++) {
		if (subs_v[i] && subs_v[i]->h > maxsub.h) maxsub.h = subs_v[i]->h;
		if (sups_v[i] && sups_v[i]->d > maxsup.d) maxsup.d = sups_v[i]->d;
	}
	fx u, v;
	script_shifts(e, st, &base, &maxsub, &maxsup, &u, &v);
	for (int i = 0; i < np; i++)
		if (pre_of[i]) {
			fx cw = subs_v[i] ? subs_v[i]->w : 0;
			if (sups_v[i] && sups_v[i]->w > cw)
				cw = sups_v[i]->w;
			pre_w += cw;
		}
	fx prex = 0;
	out->h = base.h;
	out->d = base.d;
	for (int i = 0; i < np; i++) {
		fx cw = subs_v[i] ? subs_v[i]->w : 0;
		if (sups_v[i] && sups_v[i]->w > cw)
			cw = sups_v[i]->w;
		fx x = pre_of[i] ? prex : pre_w + base.w + post_x;
		if (subs_v[i]) {
			if (subs_v[i]->d + u > out->d) out->d = subs_v[i]->d + u;
			fx sw = subs_v[i]->w;
			mbox_take(out, subs_v[i], pre_of[i] ? x + cw - sw : x, u);
			free(subs_v[i]);
		}
		if (sups_v[i]) {
			if (sups_v[i]->h + v > out->h) out->h = sups_v[i]->h + v;
			fx sw = sups_v[i]->w;
			mbox_take(out, sups_v[i], pre_of[i] ? x + cw - sw : x + (pre_of[i] ? 0 : base.ic), -v);
			free(sups_v[i]);
		}
		if (pre_of[i])
			prex += cw;
		else
			post_x += cw;
	}
	fx bw = base.w;
	mbox_take(out, &base, pre_w, 0);
	out->w = pre_w + bw + post_x + (post_x > 0 ? K(SPACE_AFTER_SCRIPT) : 0);
}

/* ---- tables ---- */

#define TABLE_MAX 256

static int column_align(const char *list, unsigned col)
{
	if (list == NULL)
		return 0;
	const char *p = list;
	int last = 0;
	for (unsigned i = 0; *p; i++) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		last = strncmp(p, "left", 4) == 0 ? -1 : strncmp(p, "right", 5) == 0 ? 1 : 0;
		if (i == col)
			return last;
		while (*p && *p != ' ')
			p++;
	}
	return last; /* the last value repeats */
}

static void l_mtable(math_env *e, const folio_node *n, mstyle st, unsigned depth,
		     mbox *out)
{
	mstyle cs = st;
	cs.display = 0;
	unsigned nr = nchildren(n) < TABLE_MAX ? nchildren(n) : TABLE_MAX;
	unsigned nc = 0;
	for (unsigned r = 0; r < nr; r++) {
		unsigned k = nchildren(child(n, r));
		if (k > nc)
			nc = k;
	}
	if (nc > TABLE_MAX)
		nc = TABLE_MAX;
	if (nr == 0 || nc == 0)
		return;
	mbox *cells = calloc((size_t)nr * nc, sizeof *cells);
	fx *cw = calloc(nc, sizeof *cw);
	fx *rh = calloc(nr, sizeof *rh), *rd = calloc(nr, sizeof *rd);
	for (unsigned r = 0; r < nr; r++) {
		const folio_node *row = child(n, r);
		for (unsigned c = 0; c < nc; c++) {
			const folio_node *cell = folio_mml_of(row) == FOLIO_MML_MTR ? child(row, c)
										   : (c == 0 ? row : NULL);
			mbox *b = &cells[r * nc + c];
			if (cell)
				lay(e, cell, cs, depth + 1, b);
			cw[c] = b->w > cw[c] ? b->w : cw[c];
			rh[r] = b->h > rh[r] ? b->h : rh[r];
			rd[r] = b->d > rd[r] ? b->d : rd[r];
		}
	}
	fx colsp = st.size * 8 / 10, rowsp = st.size * 43 / 100;
	fx total = 0;
	for (unsigned r = 0; r < nr; r++)
		total += rh[r] + rd[r] + (r ? rowsp : 0);
	fx axis = K(AXIS_HEIGHT);
	fx y = -(axis + total / 2);
	const char *align = folio_node_attr(n, "columnalign");
	for (unsigned r = 0; r < nr; r++) {
		y += rh[r];
		fx x = 0;
		for (unsigned c = 0; c < nc; c++) {
			mbox *b = &cells[r * nc + c];
			int a = column_align(align, c);
			fx bw = b->w;
			fx dx = a < 0 ? 0 : a > 0 ? cw[c] - bw : (cw[c] - bw) / 2;
			mbox_take(out, b, x + dx, y);
			x += cw[c] + (c + 1 < nc ? colsp : 0);
		}
		out->w = x;
		y += rd[r] + rowsp;
	}
	out->h = axis + total / 2;
	out->d = total / 2 - axis;
	free(cells);
	free(cw);
	free(rh);
	free(rd);
}

/* ---- the rest ---- */

static void l_mspace(math_env *e, const folio_node *n, mstyle st, unsigned depth,
		     mbox *out)
{
	(void)depth;
	out->w = attr_length(e, n, "width", st.size, 0);
	out->h = attr_length(e, n, "height", st.size, 0);
	out->d = attr_length(e, n, "depth", st.size, 0);
}

static void l_mpadded(math_env *e, const folio_node *n, mstyle st, unsigned depth,
		      mbox *out)
{
	mbox in = { 0 };
	l_row(e, n, st, depth, &in);
	fx dims[3] = { in.w, in.h, in.d };
	static const char *const names[3] = { "width", "height", "depth" };
	for (int i = 0; i < 3; i++) {
		const char *a = folio_node_attr(n, names[i]);
		fx v;
		char sign;
		if (a && parse_length(a, st.size, dims[i], &v, &sign)) {
			v = clamp_length(e, n, v);
			dims[i] = sign == '+' ? dims[i] + v : sign == '-' ? dims[i] - v : v;
		}
	}
	fx lspace = attr_length(e, n, "lspace", st.size, 0);
	fx voffset = attr_length(e, n, "voffset", st.size, 0);
	out->w = dims[0] + lspace;
	out->h = dims[1] > 0 ? dims[1] : 0;
	out->d = dims[2] > 0 ? dims[2] : 0;
	mbox_take(out, &in, lspace, -voffset);
}

static void l_mphantom(math_env *e, const folio_node *n, mstyle st, unsigned depth,
		       mbox *out)
{
	l_row(e, n, st, depth, out);
	out->items.n = 0; /* room, no ink */
}

static void l_mstyle(math_env *e, const folio_node *n, mstyle st, unsigned depth,
		     mbox *out)
{
	const char *ds = folio_node_attr(n, "displaystyle");
	if (ds)
		st.display = strcmp(ds, "true") == 0;
	const char *sl = folio_node_attr(n, "scriptlevel");
	if (sl) {
		int v = atoi(sl);
		st = at_level(e, st, (sl[0] == '+' || sl[0] == '-') ? st.level + v : v);
	}
	st.variant = variant_of(n, st.variant);
	l_row(e, n, st, depth, out);
}

static int has_word(const char *list, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = list; (p = strstr(p, w)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return 1;
	return 0;
}

static void l_menclose(math_env *e, const folio_node *n, mstyle st, unsigned depth,
		       mbox *out)
{
	mbox in = { 0 };
	l_row(e, n, st, depth, &in);
	const char *no = folio_node_attr(n, "notation");
	if (no == NULL)
		no = "longdiv";
	fx t = K(OVERBAR_RULE_THICKNESS), pad = st.size / 6;
	int box = has_word(no, "box") || has_word(no, "roundedbox") || has_word(no, "circle");
	int left = box || has_word(no, "left") || has_word(no, "longdiv");
	int right = box || has_word(no, "right");
	int top = box || has_word(no, "top") || has_word(no, "longdiv") || has_word(no, "actuarial");
	int bottom = box || has_word(no, "bottom");
	right |= has_word(no, "actuarial");
	fx l = left ? pad + t : 0, r = right ? pad + t : 0;
	fx w = in.w + l + r;
	fx h = in.h + (top ? pad + t : 0), d = in.d + (bottom ? pad + t : 0);
	if (top) mbox_rule(out, 0, -h, w, t);
	if (bottom) mbox_rule(out, 0, d - t, w, t);
	if (left) mbox_rule(out, 0, -h, t, h + d);
	if (right) mbox_rule(out, w - t, -h, t, h + d);
	if (has_word(no, "horizontalstrike"))
		mbox_rule(out, l, -K(AXIS_HEIGHT) - t / 2, in.w, t);
	if (has_word(no, "verticalstrike"))
		mbox_rule(out, l + in.w / 2 - t / 2, -in.h, t, in.h + in.d);
	fx iw = in.w;
	mbox_take(out, &in, l, 0);
	out->w = w;
	out->h = h;
	out->d = d;
	(void)iw;
}

static void l_semantics(math_env *e, const folio_node *n, mstyle st, unsigned depth,
			mbox *out)
{
	if (child(n, 0))
		lay(e, child(n, 0), st, depth + 1, out);
}

static void l_nothing(math_env *e, const folio_node *n, mstyle st, unsigned depth,
		      mbox *out)
{
	(void)e; (void)n; (void)st; (void)depth; (void)out;
}

/* mfenced: open, the children with separators, close, as a row does
 * with stretchy fences. */
static void l_mfenced(math_env *e, const folio_node *n, mstyle st, unsigned depth,
		      mbox *out)
{
	mbox in = { 0 };
	l_row(e, n, st, depth, &in);
	const char *open = folio_node_attr(n, "open");
	const char *close = folio_node_attr(n, "close");
	fx axis = K(AXIS_HEIGHT);
	fx half = in.h - axis > in.d + axis ? in.h - axis : in.d + axis;
	const char *fences[2] = { open ? open : "(", close ? close : ")" };
	mbox f[2] = { { 0 }, { 0 } };
	for (int i = 0; i < 2; i++) {
		uint32_t cp;
		size_t len = strlen(fences[i]);
		hb_codepoint_t g = len && utf8_decode(fences[i], len, &cp) ? math_glyph(&e->mf, cp) : 0;
		if (g && math_stretch(&e->mf, g, st.size, 2 * half, 1, &f[i])) {
			fx dy = (f[i].h - f[i].d) / 2 - axis;
			for (size_t k = 0; k < f[i].items.n; k++)
				f[i].items.v[k].y += dy;
			f[i].h -= dy;
			f[i].d += dy;
		}
	}
	fx w0 = f[0].w, wi = in.w, w1 = f[1].w;
	out->h = in.h;
	out->d = in.d;
	for (int i = 0; i < 2; i++) {
		out->h = f[i].h > out->h ? f[i].h : out->h;
		out->d = f[i].d > out->d ? f[i].d : out->d;
	}
	mbox_take(out, &f[0], 0, 0);
	mbox_take(out, &in, w0, 0);
	mbox_take(out, &f[1], w0 + wi, 0);
	out->w = w0 + wi + w1;
}

static const layout_fn layouts[FOLIO_MML_COUNT] = {
	[FOLIO_MML_UNSUPPORTED] = l_row, /* its children, its text */
	[FOLIO_MML_ANNOTATION] = l_nothing,
	[FOLIO_MML_ANNOTATION_XML] = l_nothing,
	[FOLIO_MML_MATH] = l_row,
	[FOLIO_MML_MENCLOSE] = l_menclose,
	[FOLIO_MML_MERROR] = l_row,
	[FOLIO_MML_MFENCED] = l_mfenced,
	[FOLIO_MML_MFRAC] = l_mfrac,
	[FOLIO_MML_MI] = l_token,
	[FOLIO_MML_MMULTISCRIPTS] = l_multiscripts,
	[FOLIO_MML_MN] = l_token,
	[FOLIO_MML_MO] = l_mo,
	[FOLIO_MML_MOVER] = l_underover,
	[FOLIO_MML_MPADDED] = l_mpadded,
	[FOLIO_MML_MPHANTOM] = l_mphantom,
	[FOLIO_MML_MPRESCRIPTS] = l_nothing,
	[FOLIO_MML_MROOT] = l_mroot,
	[FOLIO_MML_MROW] = l_row,
	[FOLIO_MML_MS] = l_token,
	[FOLIO_MML_MSPACE] = l_mspace,
	[FOLIO_MML_MSQRT] = l_msqrt,
	[FOLIO_MML_MSTYLE] = l_mstyle,
	[FOLIO_MML_MSUB] = l_scripts,
	[FOLIO_MML_MSUBSUP] = l_scripts,
	[FOLIO_MML_MSUP] = l_scripts,
	[FOLIO_MML_MTABLE] = l_mtable,
	[FOLIO_MML_MTD] = l_row,
	[FOLIO_MML_MTEXT] = l_token,
	[FOLIO_MML_MTR] = l_row,
	[FOLIO_MML_MUNDER] = l_underover,
	[FOLIO_MML_MUNDEROVER] = l_underover,
	[FOLIO_MML_NONE] = l_nothing,
	[FOLIO_MML_SEMANTICS] = l_semantics,
};

static void lay(math_env *e, const folio_node *n, mstyle st, unsigned depth,
		mbox *out)
{
	memset(out, 0, sizeof *out);
	folio_mml m = folio_mml_of(n);
	if (depth > FOLIO_MML_MAX_DEPTH) {
		warn(e, n, W_DEEP,
		     "MathML nested more than 100 deep: the deeper part is set as plain text (folio's limit)");
		set_text(e, folio_math_linear_made(e->mf.c->doc, n), V_NORMAL, st, out);
		return;
	}
	if (m == FOLIO_MML_UNSUPPORTED && n->first && n->first->kind == FOLIO_NODE_TEXT &&
	    nchildren(n) == 0) {
		l_token(e, n, st, depth, out); /* content markup: its text */
		return;
	}
	layouts[m](e, n, st, depth, out);
}

void math_layout(math_env *e, const folio_node *math, int display, mbox *out)
{
	mstyle st = { e->base_size, 0, display, 0, V_AUTO };
	lay(e, math, st, 0, out);
}
