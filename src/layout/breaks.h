/*
 * breaks.h: UAX #14 break opportunities of the plainest runs, without
 * libunibreak (see breaks.c).
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

#endif
