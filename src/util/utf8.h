/*
 * utf8: decoding and encoding of UTF-8.  All text inside folio is UTF-8;
 * libxml2 hands it over that way whatever the source's encoding was.
 */
#ifndef FOLIO_UTIL_UTF8_H
#define FOLIO_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at s (at most n bytes).  Returns the number of
 * bytes used; a malformed sequence yields U+FFFD and consumes one byte. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Writes cp as UTF-8 into out (at least 4 bytes); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);
/* Number of code points in s[0..n). */
size_t utf8_length(const char *s, size_t n);
/* 1 when s[0..n) is well-formed UTF-8. */
int utf8_valid(const char *s, size_t n);

#endif
