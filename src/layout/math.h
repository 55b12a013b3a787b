/*
 * math.h: folio's math layout (inside src/layout/ only), MathML
 * presentation markup to a box of positioned glyphs and rules, as MathML
 * Core lays it out, from the OpenType MATH table of the math font read
 * through HarfBuzz's hb_ot_math_* API.
 *
 *   math_font.c    the math face: MATH constants, glyphs, their extents,
 *                  italics correction, size variants and assemblies
 *   math_opdict.c  the operator dictionary (form, spacing, properties)
 *   math_layout.c  the elements: rows, tokens, fractions, radicals,
 *                  scripts, limits, tables, padding, enclosures
 *   mathflow.c     a math element in the flow: inline in a paragraph,
 *                  or displayed
 *
 * A box's items are relative to its origin: x from its left edge, y from
 * its baseline (negative is up), as a set line's (para.h).
 */
#ifndef FOLIO_LAYOUT_MATH_H
#define FOLIO_LAYOUT_MATH_H

#include "layout/ctx.h"
#include "util/vec.h"

#include <hb-ot.h>
#include <hb.h>

/* The longest length a formula may ask for (an mspace, a stretched
 * operator): longer is clamped, with a warning. */
#define MATH_MAX_LENGTH (400 * FX_PT)

typedef struct math_font {
	lay_ctx *c;
	int face;          /* the math face in the font set */
	hb_font_t *hb;     /* its HarfBuzz font, scaled in font units */
	int upem;
} math_font;

/* Opens the math face (the manifest's MATH_FAMILY).  0 when the face
 * has no MATH table or is missing. */
#define MATH_FAMILY "DejaVu Math TeX Gyre"
int math_font_open(lay_ctx *c, math_font *mf);
/* A MATH constant at size, in mpt (percentages as they are). */
fx math_constant(const math_font *mf, hb_ot_math_constant_t k, fx size);
/* Font units at size, in mpt. */
fx math_units(const math_font *mf, int32_t units, fx size);
/* The glyph of cp (0: none). */
hb_codepoint_t math_glyph(const math_font *mf, uint32_t cp);

typedef struct math_glyph_metrics {
	fx adv, h, d;      /* advance, ink above and below the baseline */
	fx ink_l, ink_r;   /* ink's left and right edges from the origin */
	fx ic;             /* italics correction */
} math_glyph_metrics;
void math_glyph_measure(const math_font *mf, hb_codepoint_t g, fx size,
			math_glyph_metrics *m);

typedef struct mbox {
	fx w, h, d;        /* advance, height above and depth below the
			      baseline */
	fx ic;             /* italics correction of a box that ends in a
			      slanted glyph (a token) */
	int single_glyph;  /* one glyph: baseline drops of scripts do not
			      apply, large operators keep their metrics */
	VEC(lay_item) items;
} mbox;

void mbox_free(mbox *b);
/* Appends src's items to dst, moved by (dx, dy); frees src. */
void mbox_take(mbox *dst, mbox *src, fx dx, fx dy);
/* One glyph of the math face at (x, y) of b. */
void mbox_glyph(const math_font *mf, mbox *b, hb_codepoint_t g, fx size,
		fx x, fx y);
/* A character of another face (one the math face lacks). */
void mbox_char(lay_ctx *c, mbox *b, int face, uint32_t cp, fx size, fx x,
	       fx y);
/* A filled rectangle, top-left at (x, y). */
void mbox_rule(mbox *b, fx x, fx y, fx w, fx h);

/* A glyph grown to cover at least target (vertical: height + depth;
 * horizontal: width): the smallest size variant that does, else an
 * assembly of parts.  Sets the box, its glyph items centred on nothing
 * (baseline at the glyph's own); 0 when the glyph has neither. */
int math_stretch(const math_font *mf, hb_codepoint_t g, fx size, fx target,
		 int vertical, mbox *out);
/* The first size variant of a large operator at least min_h tall (the
 * display size), or g. */
hb_codepoint_t math_large_variant(const math_font *mf, hb_codepoint_t g,
				  fx size, fx min_h);

/* ---- the operator dictionary (math_opdict.c) ---- */

enum math_form { MATH_PREFIX, MATH_INFIX, MATH_POSTFIX };
enum math_op_flags {
	MATH_OP_STRETCHY = 1u << 0,  /* grows vertically to its row */
	MATH_OP_SYMMETRIC = 1u << 1, /* ... symmetric about the axis */
	MATH_OP_LARGEOP = 1u << 2,   /* larger in display style */
	MATH_OP_MOVABLE = 1u << 3,   /* limits are scripts inline */
	MATH_OP_FENCE = 1u << 4,
	MATH_OP_ACCENT = 1u << 5,
	MATH_OP_HSTRETCH = 1u << 6   /* grows horizontally (over a base) */
};
typedef struct math_op {
	unsigned char lspace, rspace; /* in 1/18 em */
	unsigned flags;
} math_op;
/* The entry for text in form (falling back to another form, then to the
 * default of thick spaces). */
math_op math_op_lookup(const char *text, int form);

/* ---- the layout (math_layout.c) ---- */

typedef struct math_env {
	math_font mf;
	const folio_node *root;
	fx base_size;        /* the text size around the formula */
	unsigned warned;     /* warnings given for this formula (bits) */
} math_env;

/* Lays a math element out: display is its display style. */
void math_layout(math_env *env, const folio_node *math, int display,
		 mbox *out);

#endif
