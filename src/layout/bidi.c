/*
 * bidi: embedding levels and display order of bidirectional text (see
 * bidi.h), over GNU FriBidi.  FriBidi works on UTF-32; the paragraph is
 * UTF-8 with its inline elements' directions outside the text, so the
 * input is the paragraph's characters with isolate controls put in where
 * a direction-setting element opens and closes, and the levels are read
 * back per byte.
 */
#include "layout/bidi.h"
#include "util/utf8.h"
#include "util/vec.h"
#include "util/xalloc.h"

#include <fribidi.h>
#include <string.h>

/* Right-to-left blocks (Hebrew to NKo and Samaritan... Arabic Extended,
 * the presentation forms, and the historic scripts of the SMP) and the
 * bidi controls. */
static int rtl_or_control(uint32_t c)
{
	return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) ||
	       (c >= 0xFE70 && c <= 0xFEFF) || (c >= 0x10800 && c <= 0x10FFF) ||
	       (c >= 0x1E800 && c <= 0x1EFFF) || c == 0x200E || c == 0x200F ||
	       (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

int bidi_needed(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		/* eight bytes of ASCII at a time: most paragraphs are */
		while (i + 8 <= len) {
			uint64_t w;
			memcpy(&w, text + i, 8);
			if (w & 0x8080808080808080u)
				break;
			i += 8;
		}
		if (i >= len)
			break;
		unsigned char b = (unsigned char)text[i];
		/* the lead bytes of U+0590..U+08FF, U+2xxx, U+Fxxx and the SMP */
		if (b < 0xD6 || (b > 0xE0 && b != 0xE2 && b != 0xEF && b < 0xF0))
			continue;
		uint32_t c;
		size_t k = utf8_decode(text + i, len - i, &c);
		if (rtl_or_control(c))
			return 1;
		i += k - 1;
	}
	return 0;
}

#define MAX_CHAIN 16

/* The direction-setting elements from the paragraph down to n, outermost
 * first (at most MAX_CHAIN, the innermost kept). */
static unsigned chain_of(const folio_node *n, const folio_node **chain)
{
	const folio_node *rev[MAX_CHAIN];
	unsigned k = 0;
	for (; n && folio_kind_class(n->kind) == FOLIO_CLASS_INLINE; n = n->parent)
		if (k < MAX_CHAIN && folio_node_own_dir(n) != FOLIO_DIR_NONE)
			rev[k++] = n;
	for (unsigned i = 0; i < k; i++)
		chain[i] = rev[k - 1 - i];
	return k;
}

typedef VEC(FriBidiChar) char_vec;

static void open_dir(char_vec *s, folio_dir d)
{
	FriBidiChar iso = d == FOLIO_DIR_RTL || d == FOLIO_DIR_RLO ? 0x2067 : 0x2066;
	VEC_PUSH(*s, iso);
	if (d == FOLIO_DIR_LRO || d == FOLIO_DIR_RLO) {
		FriBidiChar ov = d == FOLIO_DIR_RLO ? 0x202E : 0x202D;
		VEC_PUSH(*s, ov);
	}
}

static void close_dir(char_vec *s, folio_dir d)
{
	if (d == FOLIO_DIR_LRO || d == FOLIO_DIR_RLO) {
		FriBidiChar pdf = 0x202C;
		VEC_PUSH(*s, pdf);
	}
	FriBidiChar pdi = 0x2069;
	VEC_PUSH(*s, pdi);
}

/* The UTF-32 input with isolates; at[b] is the input index of the
 * character whose bytes include b. */
static void build_input(const char *text, size_t len, const bidi_piece *pieces,
			size_t npieces, char_vec *s, uint32_t *at)
{
	const folio_node *open[MAX_CHAIN];
	unsigned nopen = 0;
	size_t i = 0;
	for (size_t pi = 0; pi <= npieces; pi++) {
		const folio_node *chain[MAX_CHAIN];
		unsigned n = pi < npieces ? chain_of(pieces[pi].dir_node, chain) : 0;
		unsigned common = 0;
		while (common < n && common < nopen && chain[common] == open[common])
			common++;
		while (nopen > common)
			close_dir(s, folio_node_own_dir(open[--nopen]));
		for (; nopen < n; nopen++) {
			open[nopen] = chain[nopen];
			open_dir(s, folio_node_own_dir(chain[nopen]));
		}
		size_t end = pi < npieces ? pieces[pi].end : len;
		if (end > len)
			end = len;
		while (i < end) {
			uint32_t c;
			size_t k = utf8_decode(text + i, len - i, &c);
			for (size_t b = 0; b < k; b++)
				at[i + b] = (uint32_t)s->n;
			FriBidiChar fc = c;
			VEC_PUSH(*s, fc);
			i += k;
		}
	}
}

unsigned char *bidi_levels(const char *text, size_t len, int rtl,
			   const bidi_piece *pieces, size_t npieces)
{
	unsigned char *out = xmalloc(len + 1);
	uint32_t *at = xmalloc((len + 1) * sizeof *at);
	char_vec s = { 0 };
	build_input(text, len, pieces, npieces, &s, at);
	FriBidiStrIndex n = (FriBidiStrIndex)s.n;
	FriBidiCharType *types = xmalloc((s.n + 1) * sizeof *types);
	FriBidiBracketType *brackets = xmalloc((s.n + 1) * sizeof *brackets);
	FriBidiLevel *lev = xmalloc((s.n + 1) * sizeof *lev);
	fribidi_get_bidi_types(s.v, n, types);
	fribidi_get_bracket_types(s.v, n, types, brackets);
	FriBidiParType base = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	FriBidiLevel max = n > 0 ? fribidi_get_par_embedding_levels_ex(
					   types, brackets, n, &base, lev)
				 : 1;
	for (size_t b = 0; b < len; b++)
		out[b] = max > 0 ? (unsigned char)lev[at[b]] : (unsigned char)(rtl != 0);
	free(lev);
	free(brackets);
	free(types);
	free(at);
	VEC_FREE(s);
	return out;
}

void bidi_order(const unsigned char *levels, unsigned n, unsigned *order)
{
	unsigned char hi = 0, lo_odd = 255;
	for (unsigned k = 0; k < n; k++) {
		order[k] = k;
		if (levels[k] > hi)
			hi = levels[k];
		if ((levels[k] & 1) && levels[k] < lo_odd)
			lo_odd = levels[k];
	}
	/* from the highest level down to the lowest odd one, reverse every
	 * run of items at that level or higher */
	for (int lv = hi; lv >= (int)lo_odd && lo_odd != 255; lv--) {
		for (unsigned k = 0; k < n;) {
			if (levels[order[k]] < lv) {
				k++;
				continue;
			}
			unsigned e = k;
			while (e < n && levels[order[e]] >= lv)
				e++;
			for (unsigned a = k, z = e - 1; a < z; a++, z--) {
				unsigned t = order[a];
				order[a] = order[z];
				order[z] = t;
			}
			k = e;
		}
	}
}

uint32_t bidi_mirror(uint32_t c)
{
	FriBidiChar m = c;
	return fribidi_get_mirror_char(c, &m) ? m : c;
}
