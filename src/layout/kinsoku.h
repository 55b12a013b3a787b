/*
 * kinsoku.h: where Chinese, Japanese and Korean lines may break, beyond
 * what libunibreak's UAX #14 gives, and where a CJK line may spread.
 *
 * libunibreak already keeps at a line's start the closing brackets (CL,
 * CP), the ideographic full stop and comma (CL), ！？ (EX), the iteration
 * marks and ・ (NS), the leaders … ‥ (IN), and at a line's end the opening
 * brackets (OP).  What it does not do, kinsoku_tailor adds:
 *   - Japanese strict line breaking (JIS X 4051's rule for the small kana):
 *     UAX #14's class CJ (small kana ぁ ゃ っ ァ ッ ヶ..., the prolonged
 *     sound mark ー) resolves to ID in libunibreak, the "normal" rule that
 *     lets a line begin with "ょ" or "ー"; folio resolves it to NS, no
 *     break before (ja and zh);
 *   - no break before a middle dot (U+00B7 and U+2027, which Chinese
 *     writes between the parts of a foreign name: 马克·吐温; U+30FB and
 *     U+FF65 are NS already);
 *   - a break between a closing and an opening CJK bracket or stop
 *     (。「, 」『, ）（): UAX #14 allows it only across a space (CL OP is an
 *     "indirect" pair), which CJK text has none of; JIS X 4051 and CLREQ
 *     allow it;
 *   - Korean (ko) breaks at spaces, not between syllables (UAX #14
 *     breaks between any two Hangul syllables; Korean books set words
 *     whole, as CSS's word-break: keep-all): no break between two Hangul
 *     or Han characters.
 * Justification: between two characters at least one of which is a Han
 * ideograph, a kana or a CJK stop or bracket, a justified line spreads
 * (kinsoku_spreads): Chinese and Japanese have no spaces to stretch.
 */
#ifndef FOLIO_LAYOUT_KINSOKU_H
#define FOLIO_LAYOUT_KINSOKU_H

#include <stddef.h>
#include <stdint.h>

/* Applies the rules above for language lang (an xml:lang value; NULL: none)
 * to brks, libunibreak's break codes per byte of the UTF-8 text t[0, len)
 * (set_linebreaks_utf8's output).  Text in other languages is left as it
 * is; text without a byte >= 0xC2 is never touched. */
void kinsoku_tailor(const char *t, size_t len, const char *lang, char *brks);

/* 1 when the space between code points a and b may stretch on a
 * justified line: one of them is CJK (Han, kana, CJK punctuation,
 * fullwidth forms). */
int kinsoku_spreads(uint32_t a, uint32_t b);

#endif
