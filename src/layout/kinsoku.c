/*
 * kinsoku: CJK line-breaking rules on top of libunibreak (see kinsoku.h
 * for which and why).
 */
#include "layout/kinsoku.h"
#include "util/utf8.h"

#include <linebreak.h>
#include <string.h>
#include <strings.h>

static int primary_is(const char *lang, const char *code)
{
	size_t n = strlen(code);
	return lang != NULL && strncasecmp(lang, code, n) == 0 &&
	       (lang[n] == '\0' || lang[n] == '-' || lang[n] == '_');
}

/* UAX #14's CJ: small kana and the prolonged sound mark. */
static int is_small_kana(uint32_t c)
{
	switch (c) {
	case 0x3041: case 0x3043: case 0x3045: case 0x3047: case 0x3049:
	case 0x3063: case 0x3083: case 0x3085: case 0x3087: case 0x308E:
	case 0x3095: case 0x3096:
	case 0x30A1: case 0x30A3: case 0x30A5: case 0x30A7: case 0x30A9:
	case 0x30C3: case 0x30E3: case 0x30E5: case 0x30E7: case 0x30EE:
	case 0x30F5: case 0x30F6: case 0x30FC:
		return 1;
	default:
		return (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF67 && c <= 0xFF70);
	}
}

static int is_middle_dot(uint32_t c)
{
	return c == 0x00B7 || c == 0x2027;
}

/* CJK closing punctuation: ideographic stops, closing brackets. */
static int is_cjk_closing(uint32_t c)
{
	switch (c) {
	case 0x3001: case 0x3002: case 0x3009: case 0x300B: case 0x300D:
	case 0x300F: case 0x3011: case 0x3015: case 0x3017: case 0x3019:
	case 0x301B: case 0xFF09: case 0xFF0C: case 0xFF0E: case 0xFF3D:
	case 0xFF5D: case 0xFF61: case 0xFF63: case 0xFF64:
		return 1;
	default:
		return 0;
	}
}

static int is_cjk_opening(uint32_t c)
{
	switch (c) {
	case 0x3008: case 0x300A: case 0x300C: case 0x300E: case 0x3010:
	case 0x3014: case 0x3016: case 0x3018: case 0x301A: case 0xFF08:
	case 0xFF3B: case 0xFF5B: case 0xFF62:
		return 1;
	default:
		return 0;
	}
}

static int is_han(uint32_t c)
{
	return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
	       (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) ||
	       c == 0x3005 || c == 0x3007;
}

static int is_hangul(uint32_t c)
{
	return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
	       (c >= 0x3130 && c <= 0x318F) || (c >= 0xA960 && c <= 0xA97F) ||
	       (c >= 0xD7B0 && c <= 0xD7FF);
}

static int is_cjk(uint32_t c)
{
	return is_han(c) || (c >= 0x3000 && c <= 0x30FF) ||
	       (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF00 && c <= 0xFFEF);
}

int kinsoku_spreads(uint32_t a, uint32_t b)
{
	return is_cjk(a) || is_cjk(b);
}

enum { RULES_NONE, RULES_CJ, RULES_KO };

void kinsoku_tailor(const char *t, size_t len, const char *lang, char *brks)
{
	int rules = primary_is(lang, "ja") || primary_is(lang, "zh") ? RULES_CJ
		    : primary_is(lang, "ko") ? RULES_KO : RULES_NONE;
	if (rules == RULES_NONE)
		return;
	uint32_t prev = 0;
	size_t prev_end = 0; /* byte after the previous code point */
	for (size_t i = 0; i < len;) {
		uint32_t c;
		size_t k = utf8_decode(t + i, len - i, &c);
		if (i > 0) {
			char *b = &brks[prev_end - 1]; /* between prev and c */
			if (rules == RULES_KO) {
				if ((is_hangul(prev) || is_han(prev)) &&
				    (is_hangul(c) || is_han(c)))
					*b = LINEBREAK_NOBREAK;
			} else if (is_small_kana(c) || is_middle_dot(c)) {
				*b = LINEBREAK_NOBREAK;
			} else if (is_cjk_closing(prev) && is_cjk_opening(c)) {
				*b = LINEBREAK_ALLOWBREAK;
			}
		}
		prev = c;
		i += k;
		prev_end = i;
	}
}
