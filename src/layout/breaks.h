/*
 * breaks.h: UAX #14 break opportunities of the plainest runs, without
 * libunibreak, and the places a copy editor breaks a URL, a DOI, an
 * e-mail address, a path or an identifier (see breaks.c).
 */
#ifndef FOLIO_LAYOUT_BREAKS_H
#define FOLIO_LAYOUT_BREAKS_H

#include <stddef.h>

/* When t[0, len) is a run of ASCII letters, digits, apostrophes and the
 * infix separators , . : ; fills brks as libunibreak's
 * set_linebreaks_utf8 would (no break inside, the end a mandatory break,
 * as at the end of any text) and returns 1; otherwise returns 0 and
 * leaves brks alone. */
int breaks_plain_run(const char *t, size_t len, char *brks);

/* Whether the run of non-space bytes t[0, len) reads as a URL, a DOI, an
 * e-mail address, a file path or an identifier with underscores: text
 * that breaks at breaks_url_points() and is never hyphenated. */
int breaks_url_like(const char *t, size_t len);

/* The copy editor's break points of t[0, len) (UTF-8): before[i] = 1
 * when a line may end before byte i (0 < i < len), without a hyphen:
 * after "/" (after the second of "//"), before . , ? # & = - _ ~ @, and
 * between a run of digits and a run of letters; never before the first
 * letter or digit nor after the last, so that an opening bracket or
 * closing punctuation stays with its neighbour.  Returns how many. */
int breaks_url_points(const char *t, size_t len, unsigned char *before);

#endif
