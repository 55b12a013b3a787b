/*
 * strbuf: a growable byte buffer for building output text (XHTML, PDF
 * content, diagnostics).  Always NUL-terminated, so buf.s can be passed to
 * C string functions at any time.
 */
#ifndef FOLIO_UTIL_STRBUF_H
#define FOLIO_UTIL_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct strbuf {
	char *s;    /* the bytes, NUL-terminated; NULL until first append */
	size_t len; /* bytes used, not counting the NUL */
	size_t cap; /* bytes allocated */
} strbuf;

#define STRBUF_INIT { NULL, 0, 0 }

void sb_grow(strbuf *b, size_t extra);
void sb_putn(strbuf *b, const char *s, size_t n);
void sb_puts(strbuf *b, const char *s);
void sb_putc(strbuf *b, char c);
void sb_printf(strbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_vprintf(strbuf *b, const char *fmt, va_list ap);
/* Appends s with &, <, > and " escaped for XML text and attributes. */
void sb_put_xml(strbuf *b, const char *s, size_t n);
void sb_clear(strbuf *b);
void sb_free(strbuf *b);
/* Hands the bytes to the caller (who frees them) and resets b. */
char *sb_take(strbuf *b);
/* The contents, "" for an empty buffer. */
const char *sb_str(const strbuf *b);

#endif
