/*
 * hyph_lang.h: hyphenation rules of particular languages beyond their
 * patterns (hyph.c applies the general ones and Indonesian's).
 *
 * German compounds.  Debian's German dictionary (hyphen-de) is two-level:
 * its first level of patterns marks the joints of a compound
 * ("druck|erzeugnis", "ver|sicherungs|anstalt"), its second hyphenates
 * each part.  folio reads the joints from the first level alone and
 * judges every break by the part of the compound it falls in:
 *   - a "part" shorter than 2 letters is no part: the joint after it (or
 *     before it, at the word's end) is dropped, so "stau|b|ecken" does not
 *     give "Stau-b-ecken";
 *   - a break inside a part leaves at least 2 letters of that part before
 *     it and 3 after it when the part ends at a joint (at the word's ends
 *     the word's own minimums, 2 and 2, apply): no "Versicherungsan-s-talt"
 *     fragment hangs at a joint, where the reader takes the fragment for
 *     a word of its own.
 * Breaks at the joints themselves are the best a German word has and
 * stay.
 *
 * Elision (French, Italian, Catalan): a word written with an elided
 * article or preposition ("l'homme", "dell'università") is never broken
 * right after the apostrophe; the word after it is hyphenated as a word of
 * its own, with its own minimums.
 */
#ifndef FOLIO_LAYOUT_HYPH_LANG_H
#define FOLIO_LAYOUT_HYPH_LANG_H

#include <hyphen.h>
#include <stdint.h>

/* 1 when lang (an xml:lang value) uses the compound rule above. */
int hyph_lang_compounds(const char *lang);

/* Applies the compound rule to brk (n code points, brk[i] = 1: a break
 * after code point i), the word being bytes (nb bytes, in dict's
 * encoding) and dict a two-level dictionary (nothing happens for a
 * one-level one). */
void hyph_compound_rule(const HyphenDict *dict, const char *bytes, int nb,
			int n, unsigned char *brk);

/* 1 when lang elides with an apostrophe (fr, it, ca). */
int hyph_lang_elides(const char *lang);

/* In a chunk of n code points whose letters run from a to b, the first
 * letter after the last elision apostrophe (U+0027 or U+2019) when every
 * other code point in a..b is a letter (is_letter decides); a when the
 * chunk has no apostrophe; b when it has anything else. */
unsigned hyph_elision_start(const uint32_t *cps, unsigned a, unsigned b,
			    int (*is_letter)(uint32_t));

#endif
