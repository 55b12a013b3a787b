/*
 * mathml: which MathML element a node is (mathml.def), and the linear
 * form of an equation, the one line of text every output gives for it
 * (include/folio/mathml.h).
 *
 * The linear form follows the plain-text conventions of calculators and
 * of Unicode's UTN #28 loosely: scripts as _ and ^, a fraction as /, a
 * group of more than one atom in parentheses, spaces around relations and
 * binary operators ("H_c = 1 − 1/R_0").  It recurses over the MathML
 * subtree, which is bounded by FOLIO_MML_MAX_DEPTH (deeper content is
 * given as its text) and, before that, by the reader's nesting limit.
 */
#include "folio/mathml.h"
#include "util/arena.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

static const struct mml_info {
	const char *name;
	folio_mml_shape shape;
} mml_table[] = {
#define FOLIO_MML(id, name, shape) { name, FOLIO_MML_SHAPE_##shape },
#include "folio/mathml.def"
#undef FOLIO_MML
};

#define MML_TABLE_N (sizeof mml_table / sizeof mml_table[0])

static int by_name(const void *key, const void *elem)
{
	return strcmp((const char *)key, ((const struct mml_info *)elem)->name);
}

folio_mml folio_mml_from_name(const char *name)
{
	const struct mml_info *m =
		bsearch(name, mml_table, MML_TABLE_N, sizeof *mml_table, by_name);
	return m ? (folio_mml)(FOLIO_MML_UNSUPPORTED + 1 + (m - mml_table))
		 : FOLIO_MML_UNSUPPORTED;
}

folio_mml folio_mml_of(const folio_node *n)
{
	if (n == NULL || n->kind != FOLIO_NODE_MATHML || n->name == NULL)
		return FOLIO_MML_NOT;
	return folio_mml_from_name(n->name);
}

const char *folio_mml_name(folio_mml m)
{
	if (m <= FOLIO_MML_UNSUPPORTED || m >= FOLIO_MML_COUNT)
		return "";
	return mml_table[m - FOLIO_MML_UNSUPPORTED - 1].name;
}

folio_mml_shape folio_mml_shape_of(folio_mml m)
{
	if (m <= FOLIO_MML_UNSUPPORTED || m >= FOLIO_MML_COUNT)
		return FOLIO_MML_SHAPE_ROW;
	return mml_table[m - FOLIO_MML_UNSUPPORTED - 1].shape;
}

/* ---- the linear form ---- */

/* Operators written with a space on each side when they stand between
 * two operands: relations, arrows and the binary operators. */
static const uint32_t spaced_ops[] = {
	'+', '<', '=', '>', 0xB1, 0xD7, 0xF7, 0x2190, 0x2192, 0x2194,
	0x21D0, 0x21D2, 0x21D4, 0x2208, 0x2209, 0x2212, 0x2213, 0x221D,
	0x2223, 0x2227, 0x2228, 0x2229, 0x222A, 0x223C, 0x2243, 0x2245,
	0x2248, 0x2260, 0x2261, 0x2264, 0x2265, 0x226A, 0x226B, 0x2282,
	0x2283, 0x2286, 0x2287, 0x2295, 0x2297, 0x22C5, 0x27F6, 0x27F9,
};

static int is_spaced_op(const char *s)
{
	uint32_t cp;
	size_t k = utf8_decode(s, strlen(s), &cp);
	if (k == 0 || s[k] != '\0')
		return 0;
	for (size_t i = 0; i < sizeof spaced_ops / sizeof *spaced_ops; i++)
		if (spaced_ops[i] == cp)
			return 1;
	return 0;
}

/* The first element child of n that is MathML (text between them is
 * blank by the time the reader is done). */
static const folio_node *mchild(const folio_node *n, unsigned i)
{
	for (const folio_node *c = n ? n->first : NULL; c; c = c->next)
		if (c->kind == FOLIO_NODE_MATHML && i-- == 0)
			return c;
	return NULL;
}

static unsigned mcount(const folio_node *n)
{
	unsigned k = 0;
	for (const folio_node *c = n->first; c; c = c->next)
		k += c->kind == FOLIO_NODE_MATHML;
	return k;
}

/* A token's text, white space collapsed. */
static void put_text(strbuf *b, const folio_node *n)
{
	int space = 0;
	for (const folio_node *t = n; t; t = folio_next(n, t, 0)) {
		if (t->kind != FOLIO_NODE_TEXT)
			continue;
		for (size_t i = 0; i < t->len; i++) {
			char ch = t->text[i];
			if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
				space = 1;
				continue;
			}
			if (space && b->len && b->s[b->len - 1] != ' ')
				sb_putc(b, ' ');
			space = 0;
			sb_putc(b, ch);
		}
	}
}

static void linear(strbuf *b, const folio_node *n, unsigned depth);

/* An mrow of one child is that child: mrow(mrow(x)) reads as x. */
static const folio_node *unwrap(const folio_node *n)
{
	while (n && (folio_mml_of(n) == FOLIO_MML_MROW ||
		     folio_mml_of(n) == FOLIO_MML_MSTYLE) &&
	       mcount(n) == 1)
		n = mchild(n, 0);
	return n;
}

static uint32_t combining_accent(const folio_node *over);
static int fenced(const folio_node *n);

/* Whether n reads as one atom after a script mark or a slash. */
static int atomic(const folio_node *n)
{
	n = unwrap(n);
	switch (folio_mml_of(n)) {
	case FOLIO_MML_MOVER:
		return mcount(n) == 2 && combining_accent(mchild(n, 1)) &&
		       atomic(mchild(n, 0)) &&
		       folio_mml_shape_of(folio_mml_of(unwrap(mchild(n, 0)))) ==
			       FOLIO_MML_SHAPE_TOKEN;
	case FOLIO_MML_MROW: case FOLIO_MML_MSTYLE:
		return fenced(n);
	case FOLIO_MML_MI: case FOLIO_MML_MN: case FOLIO_MML_MTEXT:
	case FOLIO_MML_MS: case FOLIO_MML_MO:
	case FOLIO_MML_MSUB: case FOLIO_MML_MSUP: case FOLIO_MML_MSUBSUP:
	case FOLIO_MML_MSQRT: case FOLIO_MML_MFENCED: case FOLIO_MML_NONE:
		return 1;
	default:
		return n == NULL;
	}
}

static void group(strbuf *b, const folio_node *n, unsigned depth)
{
	int paren = !atomic(n);
	if (paren)
		sb_putc(b, '(');
	linear(b, n, depth);
	if (paren)
		sb_putc(b, ')');
}

/* Whether a row reads as one group already: "(x − y)", "|x|". */
static int fenced(const folio_node *n)
{
	const folio_node *first = mchild(n, 0), *last = NULL;
	for (const folio_node *c = n->first; c; c = c->next)
		if (c->kind == FOLIO_NODE_MATHML)
			last = c;
	if (first == last || folio_mml_of(first) != FOLIO_MML_MO ||
	    folio_mml_of(last) != FOLIO_MML_MO || first->first == NULL ||
	    last->first == NULL)
		return 0;
	char o = first->first->text[0], c = last->first->text[0];
	return (o == '(' && c == ')') || (o == '[' && c == ']') ||
	       (o == '{' && c == '}') || (o == '|' && c == '|');
}

/* Elements after which an operand would run into the script or the
 * denominator: "β_1 x_i", "1/n ∑". */
static int ends_in_script(const folio_node *n)
{
	switch (folio_mml_of(unwrap(n))) {
	case FOLIO_MML_MSUB: case FOLIO_MML_MSUP: case FOLIO_MML_MSUBSUP:
	case FOLIO_MML_MUNDER: case FOLIO_MML_MUNDEROVER:
	case FOLIO_MML_MMULTISCRIPTS: case FOLIO_MML_MFRAC:
		return 1;
	default:
		return 0;
	}
}

static int letter_cp(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= 0xC0 && c < 0x2000 && c != 0xD7 && c != 0xF7) ||
	       (c >= 0x1D400 && c < 0x1D800);
}

static int starts_letter(const strbuf *t)
{
	uint32_t cp;
	return t->len && utf8_decode(t->s, t->len, &cp) && letter_cp(cp);
}

/* The last code point of b, stepping back over continuation bytes. */
static int ends_letter(const strbuf *b)
{
	size_t i = b->len;
	while (i > 0 && ((unsigned char)b->s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return 0;
	uint32_t cp;
	utf8_decode(b->s + i - 1, b->len - i + 1, &cp);
	return letter_cp(cp);
}

static int is_letter_word(const char *s)
{
	size_t n = 0;
	for (; s[n]; n++)
		if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z')))
			return 0;
	return n > 1;
}

static void put_op(strbuf *b, const folio_node *c, unsigned i)
{
	strbuf op = STRBUF_INIT;
	put_text(&op, c);
	const char *s = sb_str(&op);
	int spaced = is_spaced_op(s) && c->next &&
		     (i > 0 || (strcmp(s, "-") != 0 && strcmp(s, "+") != 0 &&
				strcmp(s, "\xE2\x88\x92") != 0 &&
				strcmp(s, "\xC2\xB1") != 0));
	if (spaced && i > 0 && b->len && b->s[b->len - 1] != ' ')
		sb_putc(b, ' ');
	sb_puts(b, s);
	if (spaced || strcmp(s, ",") == 0 || (is_letter_word(s) && c->next))
		sb_putc(b, ' ');
	sb_free(&op);
}

static void row(strbuf *b, const folio_node *n, unsigned depth)
{
	unsigned i = 0;
	const folio_node *prev = NULL;
	for (const folio_node *c = n->first; c; c = c->next) {
		if (c->kind == FOLIO_NODE_TEXT) {
			put_text(b, c);
			continue;
		}
		if (folio_mml_of(c) == FOLIO_MML_MO) {
			put_op(b, c, i);
		} else {
			strbuf t = STRBUF_INIT;
			linear(&t, c, depth + 1);
			int join = b->len && b->s[b->len - 1] != ' ' && t.len &&
				   t.s[0] != ' ';
			/* "β_1 x_i", "a d": an operand is not run into the
			 * script before it, nor a letter into a letter */
			if (join && ((prev && ends_in_script(prev)) ||
				     (ends_letter(b) && starts_letter(&t))))
				sb_putc(b, ' ');
			sb_putn(b, t.s ? t.s : "", t.len);
			sb_free(&t);
		}
		prev = folio_mml_of(c) == FOLIO_MML_MO ? NULL : c;
		i++;
	}
}

static void scripts(strbuf *b, const folio_node *sub, const folio_node *sup,
		    unsigned depth)
{
	if (sub && folio_mml_of(sub) != FOLIO_MML_NONE) {
		sb_putc(b, '_');
		group(b, sub, depth + 1);
	}
	if (sup && folio_mml_of(sup) != FOLIO_MML_NONE) {
		sb_putc(b, '^');
		group(b, sup, depth + 1);
	}
}

/* An accent over a single character as a combining mark: x̄, â. */
static uint32_t combining_accent(const folio_node *over)
{
	if (folio_mml_of(over) != FOLIO_MML_MO)
		return 0;
	const folio_node *t = over->first;
	if (t == NULL || t->kind != FOLIO_NODE_TEXT)
		return 0;
	uint32_t cp;
	size_t k = utf8_decode(t->text, t->len, &cp);
	if (k != t->len)
		return 0;
	switch (cp) {
	case 0xAF: case 0x203E: case 0x2C9: case 0x2012: case 0x2015: case 0x5F:
		return 0x304;
	case '^': case 0x2C6: return 0x302;
	case '~': case 0x2DC: return 0x303;
	case '.': case 0x2D9: return 0x307;
	case 0x2192: case 0x20D7: return 0x20D7;
	default: return 0;
	}
}

static void mover(strbuf *b, const folio_node *n, unsigned depth)
{
	const folio_node *base = mchild(n, 0), *over = mchild(n, 1);
	uint32_t acc = over ? combining_accent(over) : 0;
	if (acc && base) {
		strbuf t = STRBUF_INIT;
		linear(&t, base, depth + 1);
		uint32_t cp;
		size_t k = utf8_decode(t.s ? t.s : "", t.len, &cp);
		if (k == t.len && k > 0) {
			sb_putn(b, t.s, t.len);
			/* the grapheme joiner keeps normalisation from
			 * composing ȳ, ŷ: the letter stays the letter */
			sb_puts(b, "\xCD\x8F");
			char enc[4];
			sb_putn(b, enc, utf8_encode(acc, enc));
			sb_free(&t);
			return;
		}
		sb_free(&t);
	}
	group(b, base, depth + 1);
	scripts(b, NULL, over, depth);
}

static void mroot(strbuf *b, const folio_node *n, unsigned depth)
{
	const folio_node *base = mchild(n, 0), *index = mchild(n, 1);
	strbuf ix = STRBUF_INIT;
	if (index)
		linear(&ix, index, depth + 1);
	/* "√[3](27)": the index stays a number a search finds */
	sb_printf(b, "\xE2\x88\x9A[%s]", sb_str(&ix));
	group(b, base, depth + 1);
	sb_free(&ix);
}

static void msqrt(strbuf *b, const folio_node *n, unsigned depth)
{
	sb_puts(b, "\xE2\x88\x9A"); /* √ */
	int paren = mcount(n) != 1 || !atomic(mchild(n, 0));
	if (paren)
		sb_putc(b, '(');
	row(b, n, depth);
	if (paren)
		sb_putc(b, ')');
}

static void mfrac(strbuf *b, const folio_node *n, unsigned depth)
{
	group(b, mchild(n, 0), depth + 1);
	sb_putc(b, '/');
	group(b, mchild(n, 1), depth + 1);
}

static void mmultiscripts(strbuf *b, const folio_node *n, unsigned depth)
{
	const folio_node *base = mchild(n, 0);
	const folio_node *pre = NULL;
	for (const folio_node *c = base ? base->next : NULL; c; c = c->next)
		if (folio_mml_of(c) == FOLIO_MML_MPRESCRIPTS)
			pre = c;
	if (pre) {
		const folio_node *c = pre->next;
		while (c && c->kind != FOLIO_NODE_MATHML)
			c = c->next;
		while (c) {
			const folio_node *sup = c->next;
			while (sup && sup->kind != FOLIO_NODE_MATHML)
				sup = sup->next;
			scripts(b, c, sup, depth);
			c = sup ? sup->next : NULL;
			while (c && c->kind != FOLIO_NODE_MATHML)
				c = c->next;
		}
	}
	group(b, base, depth + 1);
	const folio_node *c = base ? base->next : NULL;
	while (c && c->kind != FOLIO_NODE_MATHML)
		c = c->next;
	while (c && c != pre) {
		const folio_node *sup = c->next;
		while (sup && sup->kind != FOLIO_NODE_MATHML)
			sup = sup->next;
		if (sup == pre)
			sup = NULL;
		scripts(b, c, sup, depth);
		c = sup ? sup->next : NULL;
		while (c && c->kind != FOLIO_NODE_MATHML)
			c = c->next;
	}
}

/* Rows "; ", cells ", ", the whole in brackets. */
static void mtable(strbuf *b, const folio_node *n, unsigned depth)
{
	sb_putc(b, '[');
	int first_row = 1;
	for (const folio_node *r = n->first; r; r = r->next) {
		if (r->kind != FOLIO_NODE_MATHML)
			continue;
		if (!first_row)
			sb_puts(b, "; ");
		first_row = 0;
		if (folio_mml_of(r) != FOLIO_MML_MTR) {
			linear(b, r, depth + 1);
			continue;
		}
		size_t cell_end = b->len;
		for (const folio_node *d = r->first; d; d = d->next) {
			if (d->kind != FOLIO_NODE_MATHML)
				continue;
			strbuf cell = STRBUF_INIT;
			linear(&cell, d, depth + 1);
			const char *t = sb_str(&cell);
			while (*t == ' ')
				t++;
			/* ", " between cells, a space where one cell ends a
			 * clause ("x,") or the next goes on ("= 3.5") */
			if (b->len > cell_end && *t) {
				char last = b->s[b->len - 1];
				int on = last == ',' || last == ' ' ||
					 folio_mml_of(mchild(unwrap(d), 0)) == FOLIO_MML_MO;
				sb_puts(b, on ? " " : ", ");
			}
			if (*t && b->len == cell_end && cell_end > 0 &&
			    b->s[cell_end - 1] == ' ' && *t == ' ')
				t++;
			sb_puts(b, t);
			sb_free(&cell);
		}
	}
	sb_putc(b, ']');
}

static void mfenced(strbuf *b, const folio_node *n, unsigned depth)
{
	const char *open = folio_node_attr(n, "open");
	const char *close = folio_node_attr(n, "close");
	const char *seps = folio_node_attr(n, "separators");
	sb_puts(b, open ? open : "(");
	unsigned i = 0;
	for (const folio_node *c = n->first; c; c = c->next) {
		if (c->kind != FOLIO_NODE_MATHML)
			continue;
		if (i > 0) {
			const char *s = seps ? seps : ",";
			while (*s == ' ')
				s++;
			size_t len = strlen(s);
			if (len) {
				uint32_t cp;
				size_t k = utf8_decode(s, len, &cp);
				size_t at = 0;
				for (unsigned j = 1; j < i && at + k < len; j++) {
					at += k;
					k = utf8_decode(s + at, len - at, &cp);
				}
				sb_putn(b, s + at, k);
				sb_putc(b, ' ');
			}
		}
		linear(b, c, depth + 1);
		i++;
	}
	sb_puts(b, close ? close : ")");
}

static void linear(strbuf *b, const folio_node *n, unsigned depth)
{
	if (n == NULL)
		return;
	if (n->kind == FOLIO_NODE_TEXT || depth > FOLIO_MML_MAX_DEPTH) {
		put_text(b, n);
		return;
	}
	folio_mml m = folio_mml_of(n);
	switch (m) {
	case FOLIO_MML_MI: case FOLIO_MML_MN: case FOLIO_MML_MO:
	case FOLIO_MML_MTEXT: case FOLIO_MML_MS:
		put_text(b, n);
		return;
	case FOLIO_MML_MSUB:
		group(b, mchild(n, 0), depth + 1);
		scripts(b, mchild(n, 1), NULL, depth);
		return;
	case FOLIO_MML_MSUP:
		group(b, mchild(n, 0), depth + 1);
		scripts(b, NULL, mchild(n, 1), depth);
		return;
	case FOLIO_MML_MSUBSUP:
		group(b, mchild(n, 0), depth + 1);
		scripts(b, mchild(n, 1), mchild(n, 2), depth);
		return;
	case FOLIO_MML_MUNDER:
		group(b, mchild(n, 0), depth + 1);
		scripts(b, mchild(n, 1), NULL, depth);
		return;
	case FOLIO_MML_MUNDEROVER:
		group(b, mchild(n, 0), depth + 1);
		scripts(b, mchild(n, 1), mchild(n, 2), depth);
		return;
	case FOLIO_MML_MOVER: mover(b, n, depth); return;
	case FOLIO_MML_MFRAC: mfrac(b, n, depth); return;
	case FOLIO_MML_MSQRT: msqrt(b, n, depth); return;
	case FOLIO_MML_MROOT: mroot(b, n, depth); return;
	case FOLIO_MML_MMULTISCRIPTS: mmultiscripts(b, n, depth); return;
	case FOLIO_MML_MTABLE: mtable(b, n, depth); return;
	case FOLIO_MML_MTR: mtable(b, n, depth); return;
	case FOLIO_MML_MFENCED: mfenced(b, n, depth); return;
	case FOLIO_MML_SEMANTICS: linear(b, mchild(n, 0), depth + 1); return;
	case FOLIO_MML_MPHANTOM: case FOLIO_MML_MSPACE:
	case FOLIO_MML_ANNOTATION: case FOLIO_MML_ANNOTATION_XML:
	case FOLIO_MML_MPRESCRIPTS: case FOLIO_MML_NONE:
		return; /* nothing shows */
	default:
		row(b, n, depth); /* rows, and the text of the unsupported */
		return;
	}
}

/* Double spaces from nested rows made one, the ends trimmed. */
/* The linear form's spacing settled into out (b->len + 1 bytes). */
static void tidy_into(const strbuf *b, char *out)
{
	const char *s = b->s ? b->s : "";
	size_t k = 0;
	for (size_t i = 0; i < b->len; i++) {
		if (s[i] == ' ' && (k == 0 || out[k - 1] == ' ' || out[k - 1] == '('))
			continue;
		if ((s[i] == ')' || s[i] == ',') && k > 0 && out[k - 1] == ' ')
			k--;
		out[k++] = s[i];
	}
	while (k > 0 && out[k - 1] == ' ')
		k--;
	out[k] = '\0';
}

static const char *tidy(folio_doc *doc, const strbuf *b)
{
	char *out = arena_alloc(doc->arena, b->len + 1);
	tidy_into(b, out);
	return out;
}

const char *folio_math_linear_made(folio_doc *doc, const folio_node *math)
{
	strbuf b = STRBUF_INIT;
	linear(&b, math, 0);
	const char *s = tidy(doc, &b);
	sb_free(&b);
	return s;
}

const char *folio_math_linear(folio_doc *doc, const folio_node *math)
{
	const char *alt = folio_node_attr(math, "alttext");
	if (alt && *alt)
		return folio_collapse_space(doc, alt);
	return folio_math_linear_made(doc, math);
}

char *folio_math_linear_dup(const folio_node *math)
{
	strbuf b = STRBUF_INIT;
	const char *alt = folio_node_attr(math, "alttext");
	if (alt && *alt) {
		/* white space collapsed, as folio_collapse_space does */
		for (const char *p = alt; *p; p++) {
			int space = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
			if (space && (b.len == 0 || b.s[b.len - 1] == ' '))
				continue;
			sb_putc(&b, space ? ' ' : *p);
		}
	} else {
		linear(&b, math, 0);
	}
	char *out = xmalloc(b.len + 1);
	tidy_into(&b, out);
	sb_free(&b);
	return out;
}

int folio_math_is_display(const folio_node *math)
{
	const char *d = folio_node_attr(math, "display");
	if (d)
		return strcmp(d, "block") == 0;
	const folio_node *p = math->parent;
	return p && (p->kind == FOLIO_NODE_EQUATION ||
		     p->kind == FOLIO_NODE_INFORMALEQUATION);
}
