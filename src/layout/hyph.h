/*
 * hyph.h: where a word may be hyphenated.
 *
 * Liang patterns through libhyphen (Debian's hyphen-id and hyphen-en-us
 * dictionaries), then folio's own rules on top, because the patterns alone
 * make mistakes (the Indonesian dictionary gives ma-sya-ra-k-at):
 *   - minimums: 2 letters before and 2 after a break (3 after in English);
 *   - a piece with no vowel loses the break after it (before it at the
 *     word's end): ma-sya-ra-k-at -> ma-sya-ra-kat;
 *   - Indonesian: never inside the digraphs kh, ng, ny, sy; a break between
 *     a consonant and a vowel moves one letter left unless a prefix ends or
 *     a suffix begins there (PUEBI: mu-sya-wa-rah, makan-an);
 *   - German compounds and French/Italian elision: hyph_lang.h;
 *   - an exception list per language (hyphenation/LANG.txt, words written
 *     with their hyphens, "ma-sya-ra-kat") overrides everything.
 * Words with digits, all-capital words, words shorter than 5 letters and
 * words with letters outside the dictionary's charset are not hyphenated.
 * Results are cached per language and word.
 */
#ifndef FOLIO_LAYOUT_HYPH_H
#define FOLIO_LAYOUT_HYPH_H

#include <stddef.h>

#include "folio/diag.h"

typedef struct lay_hyph lay_hyph;

/* dict_dir: where the .dic files are (NULL: /usr/share/hyphen);
 * exceptions_dir: where LANG.txt exception lists are (NULL: none). */
lay_hyph *hyph_new(const char *dict_dir, const char *exceptions_dir,
		   folio_diag *diag);
void hyph_free(lay_hyph *h);

/* Starts loading lang's dictionary in a thread of its own, so that it is
 * ready (or nearly) when the first word of that language comes: the
 * dictionaries take milliseconds to load, and layout has other work
 * meanwhile.  A language without a dictionary is ignored. */
void hyph_preload(lay_hyph *h, const char *lang);

/* A second instance for another thread: it uses h's dictionaries and
 * exception lists (waiting for the ones still loading) and keeps a cache
 * of its own.  libhyphen only reads a dictionary while hyphenating, so
 * the two may hyphenate at once.  h must outlive it. */
lay_hyph *hyph_share(lay_hyph *h);
/* How many dictionaries h had to load on demand, not preloaded or
 * shared: a hyphenation that may have reported a warning. */
unsigned hyph_loads(const lay_hyph *h);

/* Break points of a UTF-8 word (letters only, no hyphen) in language lang.
 * Sets breaks[i] = 1 when a break may follow code point i (breaks has one
 * entry per code point) and returns the number of breaks. */
int hyph_word(lay_hyph *h, const char *lang, const char *word, size_t len,
	      unsigned char *breaks);

/* The same with relaxed rules, for a word wider than its measure (a
 * narrow table column): words of 4 letters and all-capital words too, 2
 * letters after a break in English as well; the exception lists do not
 * apply (the patterns' other points are wanted). */
int hyph_word_relaxed(lay_hyph *h, const char *lang, const char *word,
		      size_t len, unsigned char *breaks);

/* The word with its breaks as "-" into out (for tests and logs). */
void hyph_show(lay_hyph *h, const char *lang, const char *word, char *out,
	       size_t outsize);

#endif
