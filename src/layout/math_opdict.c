/*
 * math_opdict: the operator dictionary (math.h), as data: for each
 * operator and form its spaces (in 1/18 em, MathML Core's
 * veryverythinmathspace units) and properties.  The entries are those of
 * MathML Core's dictionary that course readers use; an operator not
 * listed takes Core's default, a thick space on each side, and a word
 * used as an operator ("det", "lim") is spaced as a function name.
 */
#include "layout/math.h"
#include "util/utf8.h"

#include <string.h>

#define S MATH_OP_STRETCHY
#define Y MATH_OP_SYMMETRIC
#define L MATH_OP_LARGEOP
#define M MATH_OP_MOVABLE
#define F MATH_OP_FENCE
#define A MATH_OP_ACCENT
#define H MATH_OP_HSTRETCH

static const struct op_entry {
	uint32_t cp;
	unsigned char form;
	math_op op;
} ops[] = {
	/* fences */
	{ '(', MATH_PREFIX, { 0, 0, S | Y | F } },
	{ ')', MATH_POSTFIX, { 0, 0, S | Y | F } },
	{ '[', MATH_PREFIX, { 0, 0, S | Y | F } },
	{ ']', MATH_POSTFIX, { 0, 0, S | Y | F } },
	{ '{', MATH_PREFIX, { 0, 0, S | Y | F } },
	{ '}', MATH_POSTFIX, { 0, 0, S | Y | F } },
	{ '|', MATH_PREFIX, { 0, 0, S | Y | F } },
	{ '|', MATH_POSTFIX, { 0, 0, S | Y | F } },
	{ '|', MATH_INFIX, { 5, 5, 0 } }, /* between operands, as browsers set it */
	{ 0x2016, MATH_PREFIX, { 0, 0, S | Y | F } },
	{ 0x2016, MATH_POSTFIX, { 0, 0, S | Y | F } },
	{ 0x27E8, MATH_PREFIX, { 0, 0, S | Y | F } },
	{ 0x27E9, MATH_POSTFIX, { 0, 0, S | Y | F } },
	{ 0x2308, MATH_PREFIX, { 0, 0, S | Y | F } },
	{ 0x2309, MATH_POSTFIX, { 0, 0, S | Y | F } },
	{ 0x230A, MATH_PREFIX, { 0, 0, S | Y | F } },
	{ 0x230B, MATH_POSTFIX, { 0, 0, S | Y | F } },
	/* separators */
	{ ',', MATH_INFIX, { 0, 3, 0 } },
	{ ';', MATH_INFIX, { 0, 3, 0 } },
	{ ':', MATH_INFIX, { 5, 5, 0 } },
	{ '.', MATH_INFIX, { 0, 3, 0 } },
	/* binary operators */
	{ '+', MATH_INFIX, { 4, 4, 0 } },
	{ '+', MATH_PREFIX, { 0, 0, 0 } },
	{ '-', MATH_INFIX, { 4, 4, 0 } },
	{ '-', MATH_PREFIX, { 0, 0, 0 } },
	{ 0x2212, MATH_INFIX, { 4, 4, 0 } },
	{ 0x2212, MATH_PREFIX, { 0, 0, 0 } },
	{ 0xB1, MATH_INFIX, { 4, 4, 0 } },
	{ 0xB1, MATH_PREFIX, { 0, 0, 0 } },
	{ 0x2213, MATH_INFIX, { 4, 4, 0 } },
	{ 0xD7, MATH_INFIX, { 4, 4, 0 } },
	{ 0xF7, MATH_INFIX, { 4, 4, 0 } },
	{ 0x22C5, MATH_INFIX, { 4, 4, 0 } },
	{ 0xB7, MATH_INFIX, { 4, 4, 0 } },
	{ 0x2217, MATH_INFIX, { 4, 4, 0 } },
	{ 0x2218, MATH_INFIX, { 4, 4, 0 } },
	{ '*', MATH_INFIX, { 4, 4, 0 } },
	{ '/', MATH_INFIX, { 0, 0, 0 } },
	{ 0x2227, MATH_INFIX, { 4, 4, 0 } },
	{ 0x2228, MATH_INFIX, { 4, 4, 0 } },
	{ 0x2229, MATH_INFIX, { 4, 4, 0 } },
	{ 0x222A, MATH_INFIX, { 4, 4, 0 } },
	{ 0x2295, MATH_INFIX, { 4, 4, 0 } },
	{ 0x2297, MATH_INFIX, { 4, 4, 0 } },
	/* relations and arrows */
	{ '=', MATH_INFIX, { 5, 5, 0 } },
	{ '<', MATH_INFIX, { 5, 5, 0 } },
	{ '>', MATH_INFIX, { 5, 5, 0 } },
	{ 0x2260, MATH_INFIX, { 5, 5, 0 } },
	{ 0x2264, MATH_INFIX, { 5, 5, 0 } },
	{ 0x2265, MATH_INFIX, { 5, 5, 0 } },
	{ 0x2248, MATH_INFIX, { 5, 5, 0 } },
	{ 0x2261, MATH_INFIX, { 5, 5, 0 } },
	{ 0x223C, MATH_INFIX, { 5, 5, 0 } },
	{ 0x2245, MATH_INFIX, { 5, 5, 0 } },
	{ 0x221D, MATH_INFIX, { 5, 5, 0 } },
	{ 0x226A, MATH_INFIX, { 5, 5, 0 } },
	{ 0x226B, MATH_INFIX, { 5, 5, 0 } },
	{ 0x2208, MATH_INFIX, { 5, 5, 0 } },
	{ 0x2209, MATH_INFIX, { 5, 5, 0 } },
	{ 0x2282, MATH_INFIX, { 5, 5, 0 } },
	{ 0x2283, MATH_INFIX, { 5, 5, 0 } },
	{ 0x2286, MATH_INFIX, { 5, 5, 0 } },
	{ 0x2287, MATH_INFIX, { 5, 5, 0 } },
	{ 0x2190, MATH_INFIX, { 5, 5, H } },
	{ 0x2192, MATH_INFIX, { 5, 5, H } },
	{ 0x2194, MATH_INFIX, { 5, 5, H } },
	{ 0x21D0, MATH_INFIX, { 5, 5, H } },
	{ 0x21D2, MATH_INFIX, { 5, 5, H } },
	{ 0x21D4, MATH_INFIX, { 5, 5, H } },
	{ 0x21CC, MATH_INFIX, { 5, 5, H } },
	{ 0x27F6, MATH_INFIX, { 5, 5, H } },
	{ 0x2223, MATH_INFIX, { 5, 5, 0 } },
	/* large operators */
	{ 0x2211, MATH_PREFIX, { 1, 2, L | M | Y } },
	{ 0x220F, MATH_PREFIX, { 1, 2, L | M | Y } },
	{ 0x2210, MATH_PREFIX, { 1, 2, L | M | Y } },
	{ 0x22C3, MATH_PREFIX, { 1, 2, L | M | Y } },
	{ 0x22C2, MATH_PREFIX, { 1, 2, L | M | Y } },
	{ 0x222B, MATH_PREFIX, { 0, 1, L | Y } },
	{ 0x222C, MATH_PREFIX, { 0, 1, L | Y } },
	{ 0x222E, MATH_PREFIX, { 0, 1, L | Y } },
	/* prefix operators */
	{ 0xAC, MATH_PREFIX, { 0, 0, 0 } },
	{ 0x2202, MATH_PREFIX, { 0, 0, 0 } },
	{ 0x2207, MATH_PREFIX, { 0, 0, 0 } },
	{ 0x221A, MATH_PREFIX, { 1, 1, 0 } },
	/* postfix operators and accents */
	{ '!', MATH_POSTFIX, { 0, 0, 0 } },
	{ '\'', MATH_POSTFIX, { 0, 0, 0 } },
	{ 0x2032, MATH_POSTFIX, { 0, 0, 0 } },
	{ '%', MATH_POSTFIX, { 0, 0, 0 } },
	{ '^', MATH_POSTFIX, { 0, 0, A | H } },
	{ '~', MATH_POSTFIX, { 0, 0, A | H } },
	{ 0xAF, MATH_POSTFIX, { 0, 0, A | H } },
	{ 0x203E, MATH_POSTFIX, { 0, 0, A | H } },
	{ 0x2C6, MATH_POSTFIX, { 0, 0, A | H } },
	{ 0x2DC, MATH_POSTFIX, { 0, 0, A | H } },
	{ 0x2D9, MATH_POSTFIX, { 0, 0, A } },
	{ 0xA8, MATH_POSTFIX, { 0, 0, A } },
	{ 0x2C7, MATH_POSTFIX, { 0, 0, A | H } },
	{ 0x23DE, MATH_POSTFIX, { 0, 0, A | H } },
	{ 0x23DF, MATH_POSTFIX, { 0, 0, A | H } },
	/* invisible operators */
	{ 0x2061, MATH_INFIX, { 0, 0, 0 } },
	{ 0x2062, MATH_INFIX, { 0, 0, 0 } },
	{ 0x2063, MATH_INFIX, { 0, 0, 0 } },
	{ 0x2064, MATH_INFIX, { 0, 0, 0 } },
};

static const math_op default_op = { 5, 5, 0 };
static const math_op function_op = { 0, 3, 0 };

math_op math_op_lookup(const char *text, int form)
{
	size_t len = strlen(text);
	uint32_t cp = 0;
	size_t k = len ? utf8_decode(text, len, &cp) : 0;
	if (k == 0 || k != len) {
		/* a word ("det", "lim") reads as a function's name */
		for (size_t i = 0; i < len; i++)
			if (!((text[i] >= 'a' && text[i] <= 'z') ||
			      (text[i] >= 'A' && text[i] <= 'Z')))
				return default_op;
		return len ? function_op : default_op;
	}
	const struct op_entry *any = NULL;
	for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
		if (ops[i].cp != cp)
			continue;
		if (ops[i].form == form)
			return ops[i].op;
		if (any == NULL || ops[i].form == MATH_INFIX)
			any = &ops[i];
	}
	return any ? any->op : default_op;
}
