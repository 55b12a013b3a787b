/*
 * uri.h: a URL as written in a source, made a valid URI for the outputs'
 * links (an EPUB's href, a PDF's URI action): every byte a URI may not
 * hold as it is (controls, space, " < > \ ^ ` { | }, and each byte of a
 * non-ASCII character's UTF-8) is percent-encoded, as RFC 3986 and the
 * IRI-to-URI mapping of RFC 3987 do; a '%' that already begins an escape
 * is kept, a lone one becomes %25.  The text a reader sees stays as the
 * source writes it; only the link's target is encoded.
 */
#ifndef FOLIO_UTIL_URI_H
#define FOLIO_UTIL_URI_H

#include "util/strbuf.h"

/* Appends uri, encoded, to out. */
void uri_escape(strbuf *out, const char *uri);
/* 1 when uri needs no encoding (the common case, so callers can skip
 * a copy). */
int uri_is_clean(const char *uri);

#endif
