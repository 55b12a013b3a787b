/*
 * collate.h: sorting words the way the reader's language sorts them, for
 * the glossary, the index and the reference lists.
 *
 * A collator wraps ICU's collator for one language with the settings a
 * back-of-book list needs: alternate=shifted, so spaces, hyphens and other
 * punctuation are ignored at the first three levels ("kupu-kupu" sorts as
 * "kupukupu", a leading quote or bracket is ignored); case and accents
 * only break ties.  Sort keys are computed once per string and cached in
 * the collator.
 */
#ifndef FOLIO_RESOLVE_COLLATE_H
#define FOLIO_RESOLVE_COLLATE_H

#include <stddef.h>

typedef struct collator collator;

/* A collator for an ICU locale ("id_ID", "en_US"); falls back to the root
 * collation when ICU does not know the locale, and to byte order when ICU
 * cannot open any collator at all.  Never NULL. */
collator *collate_new(const char *icu_locale);
void collate_free(collator *c);

/* The full sort key of s (UTF-8): primary through quaternary level.
 * Compare two keys with strcmp.  The string is owned by the collator. */
const char *collate_key(collator *c, const char *s);
/* The primary-level key only: equal for "Kupu-kupu" and "kupukupu". */
const char *collate_primary_key(collator *c, const char *s);

/* Orders a and b: by full key, then by bytes, so distinct strings never
 * compare equal and sorting is deterministic. */
int collate_cmp(collator *c, const char *a, const char *b);
/* 1 when a and b are equal at the primary level. */
int collate_same_primary(collator *c, const char *a, const char *b);

/* The letter-group heading of s: its first character that counts at the
 * primary level, without accents, uppercased ("É" -> "E"), written into
 * buf.  Returns 0 and leaves buf empty when that character is a digit or
 * symbol (or s has none): such entries go in the symbols group, first. */
int collate_group(collator *c, const char *s, char *buf, size_t size);

/* s with whitespace runs made one space and the ends trimmed (heap
 * string): how a term reads, whatever its source's line breaks. */
char *collate_squeeze(const char *s);
/* s squeezed and case-folded (heap string): the form under which terms
 * are matched ("Group  Work" and "group work" are one term). */
char *collate_fold(const char *s);

#endif
